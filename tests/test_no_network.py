"""Sift never touches the network and reads no file but the article's own while opening it.

Three nets, because one could miss what another catches:
- the Python socket API is patched to fail the test on any connect or name lookup;
- a canary TCP server on 127.0.0.1 is named by every remote reference of the hostile page, so
  a connection made from C (libxml2 fetching a DTD, say) is seen too;
- an audit hook records every file Python opens, which must be the input, a file inside the
  page's own "_files" folder, or part of Sift or its installed libraries.
The UI engineers add the rendering step (tests/ui) on top of these.
"""

from __future__ import annotations

import socket
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from loading_fixtures import PNG_1X1, STORY, mhtml_bytes, page, webarchive_bytes, write

from reader.core.extract import extract
from reader.core.model import Article
from reader.core.sources.loading import load
from reader.core.storage.resources import resource_path

OPENED: list[str] = []
RECORDING = threading.Event()


def record_opens(event: str, args: tuple) -> None:
    if event == "open" and RECORDING.is_set() and isinstance(args[0], (str, bytes, Path)):
        OPENED.append(str(args[0]))


sys.addaudithook(record_opens)  # hooks cannot be removed; this one only records while asked


@pytest.fixture
def canary() -> Iterator[tuple[str, list[object]]]:
    """A local server that records every connection made to it, from Python or from C."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    hits: list[object] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, peer = server.accept()
            except OSError:
                continue
            hits.append(peer)
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.getsockname()[1]}", hits
    stop.set()
    thread.join(timeout=2)
    server.close()


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple]]:
    """Any connect or name lookup through Python's socket API fails the test."""
    attempts: list[tuple] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise AssertionError(f"Sift tried to use the network: {args!r}")

    for name in ("connect", "connect_ex", "sendto", "sendmsg"):
        monkeypatch.setattr(socket.socket, name, refuse)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, name, refuse)
    yield attempts
    assert attempts == [], "network attempts (maybe swallowed by an except clause)"


def hostile_page(host: str) -> str:
    """A page that names remote and local-file resources in every way HTML allows."""
    remote = f"http://{host}"
    head = (f'<base href="{remote}/base/">'
            f'<link rel="stylesheet" href="{remote}/style.css"><link rel="prefetch" href="{remote}/next">'
            f'<link rel="preload" as="image" href="{remote}/hero.jpg"><link rel="icon" href="{remote}/i.ico">'
            f'<script src="{remote}/app.js"></script><script>fetch("{remote}/beacon")</script>'
            f"<style>@import url({remote}/import.css); body {{ background: url({remote}/bg.png) }}</style>"
            f'<meta http-equiv="refresh" content="0; url={remote}/refresh">')
    body = (f"{STORY}</p>"
            f'<p><img src="{remote}/remote.png" srcset="{remote}/2x.png 2x" alt="remote">'
            '<img src="file:///etc/passwd"><img src="../../../../../../etc/passwd">'
            '<img src="Story_files/../secret.png"><img src="Story_files/ok.png" alt="saved">'
            '<img src="Story_files/link.png">'
            f'<iframe src="{remote}/frame"></iframe><object data="{remote}/o.swf"></object>'
            f'<embed src="{remote}/e.swf"><video src="{remote}/v.mp4" poster="{remote}/p.jpg"></video>'
            f'<svg><image href="{remote}/svg.png"/><use href="file:///etc/passwd#x"/></svg>'
            '<a href="javascript:alert(1)">script link</a> '
            '<a href="data:text/html,<script>x</script>">data link</a>'
            f'<span style="background-image:url({remote}/span.png)">styled</span></p><p>{STORY}')
    doctype = f'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "{remote}/dtd/xhtml1.dtd">'
    return doctype + page(body, head=head)


def complete_save(folder: Path, host: str) -> Path:
    """A "Web page, complete" save of the hostile page, with a file outside its folder as bait."""
    path = write(folder, "Story.html", hostile_page(host))
    (folder / "Story_files").mkdir()
    write(folder / "Story_files", "ok.png", PNG_1X1)
    write(folder, "secret.png", PNG_1X1)
    (folder / "Story_files" / "link.png").symlink_to(folder / "secret.png")  # a way out by symlink
    return path


def open_recorded(path: Path) -> tuple[Article, list[str]]:
    OPENED.clear()
    RECORDING.set()
    try:
        article = extract(load(path))
    finally:
        RECORDING.clear()
    return article, list(OPENED)


def allowed_read(opened: str, source_path: Path) -> bool:
    """The input, its own _files folder, Sift's resources, or installed code and data.

    Also the bare temporary directory: py3langid unpacks its model through an anonymous
    ``tempfile.TemporaryFile`` (opened as the directory itself, O_TMPFILE), never near the input.
    """
    target = Path(opened).resolve()
    if target == Path(tempfile.gettempdir()).resolve():
        return True
    allowed = [source_path.parent / (source_path.stem + "_files"), resource_path(),
               Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve(),
               Path(__file__).resolve().parents[1] / "reader"]
    return target == source_path.resolve() or any(root == target or root in target.parents
                                                  for root in allowed)


def assert_only_local_images(article: Article, path: Path) -> None:
    folder = (path.parent / (path.stem + "_files")).resolve()
    for block in article.blocks:
        if block.image is None:
            continue
        ref = block.image
        if ref.startswith("data:image/") or ref.startswith("https://news.example.org/"):
            continue  # inline, or an archive part looked up by its URL (never fetched)
        assert folder in Path(ref).resolve().parents, f"image outside the page's folder: {ref}"


def test_hostile_page_opens_without_network_or_outside_reads(
        tmp_path: Path, no_network: list[tuple], canary: tuple[str, list[object]]) -> None:
    host, hits = canary
    path = complete_save(tmp_path, host)
    article, opened = open_recorded(path)
    assert STORY in article.text
    assert_only_local_images(article, path)
    kept = [Path(b.image).name for b in article.blocks if b.image]
    assert kept == ["ok.png"], kept  # the saved image shows; the remote, ../ and symlinked ones do not
    assert "root:" not in article.text
    outside = [o for o in opened if not allowed_read(o, path)]
    assert outside == [], f"read outside the article: {outside}"
    assert str(path) in opened or str(path.resolve()) in opened
    assert hits == [], "something connected to the canary server"


def test_external_entities_are_never_resolved(tmp_path: Path, no_network: list[tuple],
                                              canary: tuple[str, list[object]]) -> None:
    host, hits = canary
    xhtml = ('<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY secret SYSTEM "file:///etc/passwd">'
             f'<!ENTITY remote SYSTEM "http://{host}/entity">]>\n'
             f"<html><body><p>{STORY} &secret; &remote;</p></body></html>")
    path = write(tmp_path, "entities.xhtml", xhtml)
    article, opened = open_recorded(path)
    assert "root:" not in article.text
    assert "/etc/passwd" not in opened
    assert hits == []


@pytest.mark.parametrize("kind", ["mhtml", "webarchive"])
def test_archives_open_without_network(tmp_path: Path, kind: str, no_network: list[tuple],
                                       canary: tuple[str, list[object]]) -> None:
    host, hits = canary
    html = hostile_page(host)
    data = mhtml_bytes(html) if kind == "mhtml" else webarchive_bytes(html)
    path = write(tmp_path, f"Story.{kind}", data)
    article, opened = open_recorded(path)
    assert STORY in article.text
    assert_only_local_images(article, path)
    assert [o for o in opened if not allowed_read(o, path)] == []
    assert hits == []


def test_seed_opens_without_network(seed_path: Path, no_network: list[tuple]) -> None:
    article, opened = open_recorded(seed_path)
    assert article.body
    assert [o for o in opened if not allowed_read(o, seed_path)] == []


@pytest.mark.slow
def test_analysis_uses_no_network(seed_path: Path, tmp_path: Path, no_network: list[tuple],
                                  canary: tuple[str, list[object]]) -> None:
    from reader.core.reading import analyze_article

    for path in (seed_path, complete_save(tmp_path, canary[0])):
        analysis = analyze_article(extract(load(path)))
        assert analysis.entities and analysis.claims, analysis.warnings  # the model really ran
    assert canary[1] == []


def test_the_nets_catch_what_they_should(canary: tuple[str, list[object]], tmp_path: Path) -> None:
    """The canary sees a real connection, and the audit hook sees an outside read."""
    host, hits = canary
    address, port = host.split(":")
    with socket.create_connection((address, int(port)), timeout=2):
        pass
    for _ in range(20):
        if hits:
            break
        threading.Event().wait(0.05)
    assert len(hits) == 1
    (tmp_path / "elsewhere").mkdir()
    outside = write(tmp_path / "elsewhere", "other.txt", "x")
    RECORDING.set()
    try:
        outside.read_text()
    finally:
        RECORDING.clear()
    assert not allowed_read(OPENED[-1], tmp_path / "Story.html")


def test_socket_patch_fails_on_a_lookup(no_network: list[tuple]) -> None:
    import urllib.request

    with pytest.raises(AssertionError, match="tried to use the network"):
        urllib.request.urlopen("http://example.invalid/", timeout=1)
    assert no_network  # recorded; cleared so the fixture's own check passes
    no_network.clear()
