"""The loader: every format, every encoding, the original address, and every bad input.

Each load goes through ``load_unchanged``, which also checks that the folder holding the file
is byte-for-byte and mtime-for-mtime the same afterwards (nothing written, moved or added).
"""

from __future__ import annotations

import builtins
import codecs
import os
import plistlib
import time
from pathlib import Path

import pytest
from loading_fixtures import (
    PNG_1X1,
    STORY,
    gzipped,
    mhtml_bytes,
    page,
    snapshot_tree,
    webarchive_bytes,
    write,
)

from reader.core import errors
from reader.core.model import Source
from reader.core.sources.loading import Limits, load

DEFAULT_LIMITS = Limits()


def load_unchanged(path: Path, limits: Limits = DEFAULT_LIMITS) -> Source:
    """``load`` plus the promise that nothing in the file's folder changed."""
    before = snapshot_tree(path.parent)
    try:
        return load(path, limits)
    finally:
        assert snapshot_tree(path.parent) == before


def load_error(path: Path, kind: type[errors.ReaderError], limits: Limits = DEFAULT_LIMITS) -> str:
    """The message of the typed error loading ``path`` raises, checked to be one plain sentence."""
    with pytest.raises(kind) as info:
        load_unchanged(path, limits) if path.exists() else load(path, limits)
    message = info.value.message
    assert info.value.kind == kind.kind
    assert message.endswith(".") and "\n" not in message and ". " not in message, message
    assert "Traceback" not in message and "Error" not in message, message
    return message


# --- formats ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["story.html", "story.htm", "story.HTML", "story.shtml"])
def test_html_suffixes_load_as_html(tmp_path: Path, name: str) -> None:
    source = load_unchanged(write(tmp_path, name, page()))
    assert source.format == "html"
    assert STORY in source.text
    assert source.path == tmp_path / name and source.path.is_absolute()


def test_xhtml_with_xml_declaration_uses_its_encoding(tmp_path: Path) -> None:
    xhtml = ('<?xml version="1.0" encoding="ISO-8859-1"?>\n'
             '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>' + STORY + "</p></body></html>")
    source = load_unchanged(write(tmp_path, "story.xhtml", xhtml.encode("cp1252")))
    assert source.format == "html" and STORY in source.text


def test_complete_save_remembers_its_files_folder(tmp_path: Path) -> None:
    html = page(STORY + '<img src="Pier%20to%20reopen_files/pier.png">')
    path = write(tmp_path, "Pier to reopen.html", html)
    folder = tmp_path / "Pier to reopen_files"
    folder.mkdir()
    write(folder, "pier.png", PNG_1X1)
    write(folder, "style.css", "p { color: red }")
    source = load_unchanged(path)
    assert source.resources_dir == folder


def test_localized_files_folder_is_found(tmp_path: Path) -> None:
    path = write(tmp_path, "Artikel.htm", page())
    (tmp_path / "Artikel-Dateien").mkdir()
    assert load_unchanged(path).resources_dir == tmp_path / "Artikel-Dateien"


def test_plain_page_has_no_resources_dir(tmp_path: Path) -> None:
    assert load_unchanged(write(tmp_path, "alone.html", page())).resources_dir is None


@pytest.mark.parametrize("name", ["archive.mhtml", "archive.mht", "archive.MHT"])
def test_mhtml_main_part_headers_and_resources(tmp_path: Path, name: str) -> None:
    source = load_unchanged(write(tmp_path, name, mhtml_bytes()))
    assert source.format == "mhtml"
    assert STORY in source.text  # quoted-printable decoded, UTF-8 curly quotes intact
    assert "=E2" not in source.text and "=\r\n" not in source.text
    assert source.url == "https://news.example.org/pier"
    assert source.title_hint == "Pier to reopen – harbour"
    assert source.saved == "2025-03-09T10:15:00+01:00"
    image = source.resources["https://news.example.org/img/pier.png"]
    assert image.media_type == "image/png" and image.data == PNG_1X1


def test_mhtml_part_charset_decodes_a_legacy_page(tmp_path: Path) -> None:
    source = load_unchanged(write(tmp_path, "legacy.mht", mhtml_bytes(charset="windows-1252")))
    assert STORY in source.text and source.encoding == "cp1252"


def test_mhtml_without_part_charset_uses_the_page_meta(tmp_path: Path) -> None:
    html = page(head='<meta charset="windows-1252">')
    data = mhtml_bytes(html, charset="cp1252", part_charset_in_meta=True)
    assert STORY in load_unchanged(write(tmp_path, "meta.mhtml", data)).text


def test_mhtml_with_folded_subject_is_sniffed_without_extension(tmp_path: Path) -> None:
    folded = "=?utf-8?Q?Pier_to?=\r\n =?utf-8?Q?_reopen?="
    source = load_unchanged(write(tmp_path, "download", mhtml_bytes(subject=folded)))
    assert source.format == "mhtml" and source.title_hint == "Pier to reopen"


def test_mhtml_without_any_page_is_malformed(tmp_path: Path) -> None:
    data = mhtml_bytes().replace(b"Content-Type: text/html", b"Content-Type: text/plain")
    message = load_error(write(tmp_path, "noweb.mhtml", data), errors.Malformed)
    assert "without a web page" in message


def test_single_part_mhtml_is_read(tmp_path: Path) -> None:
    data = ("MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n"
            "Content-Location: https://news.example.org/single\r\n\r\n" + page()).encode("utf-8")
    source = load_unchanged(write(tmp_path, "single.mht", data))
    assert source.format == "mhtml" and STORY in source.text
    assert source.url == "https://news.example.org/single"


@pytest.mark.parametrize("name", ["story.txt", "story.text", "story.md", "story.markdown"])
def test_text_suffixes_load_as_text(tmp_path: Path, name: str) -> None:
    source = load_unchanged(write(tmp_path, name, "Pier to reopen\n\n" + STORY + "\n"))
    assert source.format == "text" and STORY in source.text and source.encoding == "utf-8"


def test_webarchive_main_resource_and_subresources(tmp_path: Path) -> None:
    source = load_unchanged(write(tmp_path, "Pier.webarchive", webarchive_bytes()))
    assert source.format == "html" and source.container == "webarchive"
    assert STORY in source.text
    assert source.url == "https://news.example.org/pier"
    assert source.resources["https://news.example.org/img/pier.png"].data == PNG_1X1


def test_webarchive_text_encoding_name_is_used(tmp_path: Path) -> None:
    data = webarchive_bytes(charset="windows-1252")
    assert STORY in load_unchanged(write(tmp_path, "legacy.webarchive", data)).text


@pytest.mark.parametrize("archive", [
    b"bplist00" + b"\x00" * 40,
    plistlib.dumps({"WebMainResource": {"WebResourceData": 10**12}}, fmt=plistlib.FMT_BINARY),
    plistlib.dumps(["not", "an", "archive"], fmt=plistlib.FMT_BINARY),
])
def test_damaged_webarchive_is_malformed(tmp_path: Path, archive: bytes) -> None:
    load_error(write(tmp_path, "broken.webarchive", archive), errors.Malformed)


@pytest.mark.parametrize(("name", "data", "expected", "phrase"), [
    ("page.txt", page(), "html", "ferry pier"),  # a page saved under a text name
    ("page", page(), "html", "ferry pier"),  # no extension at all
    ("page.dat", "<div><p>" + "<p>a</p><div>b</div><span>c</span>" * 4, "html", "<p>a</p>"),  # no doctype
    ("notes.html", STORY, "text", "ferry pier"),  # no markup at all
    ("archive.html", mhtml_bytes(), "mhtml", "ferry pier"),
    ("archive", mhtml_bytes(), "mhtml", "ferry pier"),
    ("Pier.html", webarchive_bytes(), "html", "ferry pier"),  # a webarchive under a web-page name
])
def test_content_decides_the_format(tmp_path: Path, name: str, data: bytes | str, expected: str,
                                    phrase: str) -> None:
    source = load_unchanged(write(tmp_path, name, data))
    assert source.format == expected
    assert phrase in source.text


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("story.html.gz", page().encode(), "html"),
    ("story.txt.gz", STORY.encode(), "text"),
    ("archive.mhtml.gz", mhtml_bytes(), "mhtml"),
    ("unnamed", page().encode(), "html"),
])
def test_gzip_saves_are_unpacked(tmp_path: Path, name: str, data: bytes, expected: str) -> None:
    source = load_unchanged(write(tmp_path, name, gzipped(data)))
    assert source.format == expected and STORY in source.text


def test_gzip_bomb_is_refused(tmp_path: Path) -> None:
    bomb = write(tmp_path, "bomb.html.gz", gzipped(b"<p>" + b" " * (8 * 1024 * 1024)))
    message = load_error(bomb, errors.TooLarge, Limits(max_file_bytes=1024 * 1024))
    assert "unpacks to more" in message


def test_damaged_and_double_gzip(tmp_path: Path) -> None:
    load_error(write(tmp_path, "broken.html.gz", b"\x1f\x8b\x08\x00garbage" * 3), errors.Malformed)
    twice = write(tmp_path, "twice.gz", gzipped(gzipped(page().encode())))
    load_error(twice, errors.UnsupportedFormat)


# --- encodings -------------------------------------------------------------------------------

BOM_CASES = [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
             (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF32_LE, "utf-32-le"),
             (codecs.BOM_UTF32_BE, "utf-32-be")]


@pytest.mark.parametrize(("bom", "codec"), BOM_CASES)
@pytest.mark.parametrize("name", ["story.html", "story.txt", "story"])
def test_byte_order_marks(tmp_path: Path, bom: bytes, codec: str, name: str) -> None:
    content = page() if name != "story.txt" else STORY
    source = load_unchanged(write(tmp_path, name, bom + content.encode(codec)))
    assert STORY in source.text and not source.text.startswith("\ufeff")
    assert source.encoding == codec
    assert source.format == ("text" if name == "story.txt" else "html")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(tmp_path: Path, codec: str) -> None:
    for name in ("nobom.html", "nobom.txt"):
        content = page() if name.endswith("html") else STORY
        assert STORY in load_unchanged(write(tmp_path, name, content.encode(codec))).text


DECLARED = [
    # (text, codec to write with, how the page declares it)
    (STORY, "cp1252", '<meta charset="windows-1252">'),
    (STORY, "cp1252", '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'),
    ("Le café « Chez Noël » rouvre à Noël, déjà complet.", "latin-1", "<meta charset=ISO-8859-1>"),
    ("東京の港湾局は火曜日、古い桟橋が春に再開すると発表した。「嬉しい」と店主は語った。",
     "shift_jis", '<meta http-equiv="content-type" content="text/html;charset=Shift_JIS">'),
    ("港务局周二表示，旧码头将于春季重新开放。咖啡馆老板说：“我们很高兴。”", "gbk", '<meta charset="GBK">'),
    ("港务局周二表示，旧码头将于春季重新开放。", "gb2312", "<meta charset='gb2312'>"),
    ("항만청은 화요일 오래된 부두가 봄에 다시 문을 연다고 밝혔다.", "euc-kr", '<meta charset="euc-kr">'),
    ("Портовое управление заявило во вторник, что старый причал откроется весной.", "koi8-r",
     '<meta charset="koi8-r">'),
]


@pytest.mark.parametrize(("text", "codec", "meta"), DECLARED)
def test_declared_charsets_give_no_mojibake(tmp_path: Path, text: str, codec: str, meta: str) -> None:
    data = page(text, head=meta).encode(codec)
    source = load_unchanged(write(tmp_path, "declared.html", data))
    assert text in source.text and "\ufffd" not in source.text


def test_undeclared_cp1252_is_detected(tmp_path: Path) -> None:
    for name, content in (("undeclared.html", page()), ("undeclared.txt", STORY)):
        source = load_unchanged(write(tmp_path, name, content.encode("cp1252")))
        assert STORY in source.text, source.encoding


def test_stale_single_byte_label_on_utf8_bytes_reads_utf8(tmp_path: Path) -> None:
    data = page(head='<meta charset="iso-8859-1">').encode("utf-8")
    source = load_unchanged(write(tmp_path, "stale.html", data))
    assert STORY in source.text and source.encoding == "utf-8"


def test_declared_cp1252_with_an_undefined_byte_keeps_the_declaration(tmp_path: Path) -> None:
    data = page(STORY + " \x81", head='<meta charset="windows-1252">').encode("cp1252", "ignore")
    data = data.replace(b" </p>", b" \x81</p>")
    source = load_unchanged(write(tmp_path, "odd.html", data))
    assert STORY in source.text and source.encoding == "cp1252"


@pytest.mark.parametrize("label", ["base64", "hex", "zlib", "rot13", "no-such-charset", "utf-16"])
def test_bogus_declared_charset_is_ignored(tmp_path: Path, label: str) -> None:
    data = page(head=f'<meta charset="{label}">').encode("utf-8")
    assert STORY in load_unchanged(write(tmp_path, "bogus.html", data)).text


def test_nul_bytes_become_replacement_characters(tmp_path: Path) -> None:
    source = load_unchanged(write(tmp_path, "nul.txt", STORY + "\x00 end"))
    assert "\x00" not in source.text and "\ufffd end" in source.text


def test_text_starting_like_a_magic_number_is_still_text(tmp_path: Path) -> None:
    for opening in ("MZ Wallace opened a shop.", "ID3 tags are metadata.", "RIFF raids continue."):
        source = load_unchanged(write(tmp_path, "odd.txt", opening + "\n\n" + STORY))
        assert source.text.startswith(opening)


# --- original address ------------------------------------------------------------------------

@pytest.mark.parametrize(("head", "expected"), [
    ("<!-- saved from url=(0032)https://news.example.org/story -->", "https://news.example.org/story"),
    ('<link rel="canonical" href="https://news.example.org/canon">', "https://news.example.org/canon"),
    ("<link href='https://news.example.org/c2' rel='alternate canonical'>", "https://news.example.org/c2"),
    ('<meta property="og:url" content="https://news.example.org/og">', "https://news.example.org/og"),
    ('<link rel="canonical" href="/relative"><meta property="og:url" content="https://e.example/og">',
     "https://e.example/og"),
    ('<link rel="canonical" href="javascript:alert(1)">', None),
    ("", None),
])
def test_original_url_of_html(tmp_path: Path, head: str, expected: str | None) -> None:
    html = page(head=head) if not head.startswith("<!--") else head + "\n" + page()
    assert load_unchanged(write(tmp_path, "u.html", html)).url == expected


def test_original_url_of_mhtml_comes_from_its_headers(tmp_path: Path) -> None:
    data = mhtml_bytes(page(head='<link rel="canonical" href="https://other.example/x">'))
    assert load_unchanged(write(tmp_path, "u.mhtml", data)).url == "https://news.example.org/pier"


def test_text_files_have_no_url(tmp_path: Path) -> None:
    assert load_unchanged(write(tmp_path, "u.txt", STORY)).url is None


# --- bad input -------------------------------------------------------------------------------

def test_missing_file(tmp_path: Path) -> None:
    message = load_error(tmp_path / "gone.html", errors.NotFound)
    assert "gone.html" in message and "does not exist" in message


def test_nul_in_file_name(tmp_path: Path) -> None:
    load_error(tmp_path / "bad\x00name.html", errors.NotFound)


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "Saved pages"
    folder.mkdir()
    assert "folder" in load_error(folder, errors.IsDirectory)


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    assert "not a regular file" in load_error(fifo, errors.UnsupportedFormat)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file; see the monkeypatched test")
def test_permission_denied_for_real(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.html", page())
    path.chmod(0)
    try:
        assert "permission" in load_error(path, errors.PermissionDenied)
    finally:
        path.chmod(0o644)


def test_permission_denied_when_opening(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "secret.html", page())
    real_open = builtins.open

    def refuse(file: object, *args: object, **kwargs: object) -> object:
        if Path(str(file)) == path:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(builtins, "open", refuse)
    assert "secret.html" in load_error(path, errors.PermissionDenied)


def test_permission_denied_on_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "secret.html", page())

    def refuse(self: Path, *args: object, **kwargs: object) -> os.stat_result:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "stat", refuse)
    with pytest.raises(errors.PermissionDenied):
        load(path)


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", codecs.BOM_UTF8,
                                  codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"),
                                  gzipped(b""), gzipped(b"\n\n")])
def test_empty_files(tmp_path: Path, data: bytes) -> None:
    assert "empty" in load_error(write(tmp_path, "empty.html", data), errors.EmptyFile)


@pytest.mark.parametrize(("data", "what"), [
    (PNG_1X1, "PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", "JPEG image"),
    (b"GIF89a\x01\x00\x01\x00\x80\x00\x00", "GIF image"),
    (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 20, "ZIP archive"),
    (b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 56, "program"),
    (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", "Windows program"),
    (b"\x00\x01\x02\x03\x04\x05binary\x00\x00stuff" * 20, "binary"),
])
@pytest.mark.parametrize("name", ["thing.html", "thing.txt", "thing"])
def test_binary_files_say_what_they_are(tmp_path: Path, data: bytes, what: str, name: str) -> None:
    message = load_error(write(tmp_path, name, data), errors.UnsupportedFormat)
    assert what in message and "not" in message


def test_too_large_file_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "huge.html", page() * 200)
    monkeypatch.setattr(builtins, "open", lambda *a, **k: pytest.fail("opened a file over the limit"))
    with pytest.raises(errors.TooLarge) as info:
        load(path, Limits(max_file_bytes=10_000))
    assert "KB" in info.value.message and "huge.html" in info.value.message


def test_too_large_message_is_one_sentence(tmp_path: Path) -> None:
    path = write(tmp_path, "huge.html", page() * 200)
    assert "10 KB" in load_error(path, errors.TooLarge, Limits(max_file_bytes=10_000))


def test_too_much_text_inside_a_small_limit(tmp_path: Path) -> None:
    limits = Limits(max_document_bytes=2_000, max_text_bytes=2_000)
    load_error(write(tmp_path, "long.txt", STORY * 40), errors.TooLarge, limits)
    load_error(write(tmp_path, "long.mhtml", mhtml_bytes(page(STORY * 40))), errors.TooLarge, limits)
    long_archive = webarchive_bytes(page(STORY * 40))
    load_error(write(tmp_path, "long.webarchive", long_archive), errors.TooLarge, limits)


def test_plain_text_has_its_own_smaller_limit(tmp_path: Path) -> None:
    three_mb = (STORY + "\n\n").encode() * (3 * 1024 * 1024 // len(STORY))
    message = load_error(write(tmp_path, "novel.txt", three_mb), errors.TooLarge)
    assert "1 MB" in message
    assert load_unchanged(write(tmp_path, "long.html", b"<p>" + three_mb)).format == "html"


def test_undecodable_text(tmp_path: Path) -> None:
    data = bytes(range(0x80, 0x100)) * 20
    assert "encoding" in load_error(write(tmp_path, "noise.txt", data), errors.Undecodable)


def test_decoded_text_is_always_valid_unicode(tmp_path: Path) -> None:
    # UTF-7 is a codec a page may name; "+2D3-" decodes to a lone surrogate.
    data = page("A lone half +2D3- of a pair.", head='<meta charset="utf-7">').encode("ascii")
    source = load_unchanged(write(tmp_path, "utf7.html", data))
    source.text.encode("utf-8")


# --- MHTML structure -------------------------------------------------------------------------

def archive(*parts: tuple[str, str], boundary: str = "outer", newline: str = "\r\n",
            close: bool = True) -> bytes:
    """A multipart/related archive of (headers, body) parts, joined with ``newline``."""
    lines = ["MIME-Version: 1.0", f'Content-Type: multipart/related; boundary="{boundary}"', ""]
    for headers, body in parts:
        lines += [f"--{boundary}", headers, "", body]
    if close:
        lines.append(f"--{boundary}--")
    return newline.join(lines).encode("utf-8")


def test_mhtml_nested_alternative_with_lf_line_ends(tmp_path: Path) -> None:
    inner = "\n".join(["--inner", "Content-Type: text/plain", "", "plain version",
                       "--inner", "Content-Type: text/html; charset=utf-8", "", page(), "--inner--"])
    data = archive(('Content-Type: multipart/alternative; boundary="inner"', inner),
                   ("Content-Type: image/png\nContent-Transfer-Encoding: base64\nContent-ID: <img1>",
                    __import__("base64").b64encode(PNG_1X1).decode()), newline="\n")
    source = load_unchanged(write(tmp_path, "nested.mht", data))
    assert STORY in source.text and "plain version" not in source.text
    assert source.resources["cid:img1"].data == PNG_1X1


def test_mhtml_boundary_that_prefixes_another_line(tmp_path: Path) -> None:
    body = page(STORY + "\r\n--outerwear sale is not a delimiter")
    source = load_unchanged(write(tmp_path, "prefix.mhtml", archive(("Content-Type: text/html", body))))
    assert "--outerwear sale" in source.text


def test_mhtml_without_closing_delimiter_and_truncated_base64(tmp_path: Path) -> None:
    b64 = __import__("base64").b64encode(PNG_1X1 * 3).decode()[:-3]
    data = archive(("Content-Type: text/html", page()),
                   ("Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
                    "Content-Location: https://x.example/a.png", b64), close=False)
    source = load_unchanged(write(tmp_path, "cut.mhtml", data))
    assert STORY in source.text
    assert source.resources["https://x.example/a.png"].data.startswith(PNG_1X1)


def test_mhtml_snapshot_location_picks_the_main_page(tmp_path: Path) -> None:
    data = archive(("Content-Type: text/html\r\nContent-Location: https://ads.example/frame",
                    page("An ad frame.")),
                   ("Content-Type: text/html\r\nContent-Location: https://news.example.org/pier", page()))
    data = b"Snapshot-Content-Location: https://news.example.org/pier\r\n" + data
    source = load_unchanged(write(tmp_path, "frames.mhtml", data))
    assert STORY in source.text and "https://ads.example/frame" in source.resources


def test_mhtml_headers_without_end_are_malformed(tmp_path: Path) -> None:
    data = b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n" + b"X-Junk: y\r\n" * 10000
    load_error(write(tmp_path, "noend.mhtml", data), errors.Malformed)


def test_control_characters_lxml_refuses_are_removed(tmp_path: Path) -> None:
    data = page("Tab\tstays,\x01 bell\x07 goes, form\x0cfeed breaks\x0bthe line \ufffe.")
    source = load_unchanged(write(tmp_path, "controls.html", data))
    assert "Tab\tstays, bell goes, form\nfeed breaks\nthe line ." in source.text


@pytest.mark.parametrize("data", [
    b"<!-- -->" * 8000 + b"plain words",  # was exponential: 22 comments took 0.7 s, 30 took minutes
    b"A: b\r\n" * 10000 + b"plain words",  # was exponential in the number of header lines
    b"<meta " * 10000,  # was quadratic: 1.4 s
    b"<link " * 10000,
    b"<!-- saved from url=(1)" * 3000,
], ids=["comments", "header-lines", "meta-spam", "link-spam", "saved-from-spam"])
def test_sniffing_hostile_heads_takes_linear_time(tmp_path: Path, data: bytes) -> None:
    started = time.monotonic()
    load_unchanged(write(tmp_path, "head.dat", data))
    assert time.monotonic() - started < 1.0


def test_xml_webarchive_is_read(tmp_path: Path) -> None:
    archive = plistlib.loads(webarchive_bytes())
    data = plistlib.dumps(archive, fmt=plistlib.FMT_XML)
    source = load_unchanged(write(tmp_path, "Pier.webarchive", data))
    assert source.container == "webarchive" and STORY in source.text


def test_xml_webarchive_with_entities_is_refused(tmp_path: Path) -> None:
    data = (b'<?xml version="1.0"?><!DOCTYPE plist [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b"<plist><dict><key>WebMainResource</key><string>&x;</string></dict></plist>")
    load_error(write(tmp_path, "evil.webarchive", data), errors.Malformed)


@pytest.mark.parametrize("reference", ["&#1;", "&#x1;", "&#7", "&#xFFFE;", "&#65535;", "&#0000000000000031;"])
def test_references_to_refused_characters_are_dropped(tmp_path: Path, reference: str) -> None:
    html = page(f"Bell{reference}ring &#233;t&#xe9; &amp; &#12;")
    source = load_unchanged(write(tmp_path, "refs.html", html))
    assert "Bellring &#233;t&#xe9; &amp; \n" in source.text


def test_references_stay_literal_in_text_files(tmp_path: Path) -> None:
    assert "a &#1; b" in load_unchanged(write(tmp_path, "refs.txt", "a &#1; b")).text
