"""Import: added, unchanged, moved, updated, missing, errors that do not stop the rest,
progress and cancellation, folders walked recursively."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from library_helpers import story, write_article

from reader.core.library import ImportProgress, Library
from reader.core.library.importer import find_files


def statuses(library: Library, *paths: Path, workers: int = 0) -> dict[str, str]:
    return {r.path.name: r.status for r in library.import_paths(paths, analysis=False, workers=workers)}


def test_added_then_unchanged_without_reading_the_files(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    for n in range(3):
        write_article(folder, f"a{n}.txt", *story(n))
    assert statuses(library, folder) == {"a0.txt": "added", "a1.txt": "added", "a2.txt": "added"}
    for path in folder.iterdir():
        path.chmod(0)  # unreadable now: only size and mtime can say "unchanged"
    try:
        assert set(statuses(library, folder).values()) == {"unchanged"}
    finally:
        for path in folder.iterdir():
            path.chmod(0o644)
    assert library.counts() == {"articles": 3, "missing": 0, "entities": 0}


def test_a_touched_file_with_the_same_content_is_unchanged(library: Library, tmp_path: Path) -> None:
    path = write_article(tmp_path, "a.txt", *story(1))
    statuses(library, path)
    os.utime(path, ns=(1, 1))
    assert statuses(library, path) == {"a.txt": "unchanged"}


def test_a_moved_file_is_found_again_by_its_content(library: Library, tmp_path: Path) -> None:
    old = write_article(tmp_path / "inbox", "a.txt", *story(1))
    [first] = library.import_paths([old], analysis=False, workers=0)
    library.tag([first.id or ""], ["kept"])
    new = tmp_path / "archive" / "renamed.txt"
    new.parent.mkdir()
    old.rename(new)
    [moved] = library.import_paths([new], analysis=False, workers=0)
    assert (moved.status, moved.id) == ("moved", first.id)
    summary = library.list_articles()[0]
    assert summary.paths[0] == str(new) and str(old) in summary.paths
    assert summary.tags == ("kept",) and not summary.missing
    assert library.counts()["articles"] == 1


def test_a_copy_beside_the_original_is_the_same_article(library: Library, tmp_path: Path) -> None:
    original = write_article(tmp_path, "a.txt", *story(1))
    copy = tmp_path / "copy.txt"
    copy.write_bytes(original.read_bytes())
    assert statuses(library, original, copy) == {"a.txt": "added", "copy.txt": "unchanged"}
    assert len(library.list_articles()[0].paths) == 2


def test_a_file_that_disappeared_is_missing_and_still_readable(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    gone = write_article(folder, "gone.txt", *story(1, "A unique word: zeppelin."))
    write_article(folder, "stays.txt", *story(2))
    statuses(library, folder)
    gone.unlink()
    results = list(library.import_paths([folder], analysis=False, workers=0))
    assert [(r.path.name, r.status) for r in results if r.status == "missing"] == [("gone.txt", "missing")]
    [hit] = library.search("zeppelin")
    assert hit.summary.missing and hit.summary.paths == (str(gone),)
    article = library.article(hit.summary.id)
    assert article is not None and "zeppelin" in article.record["text"] and article.record["path"] is None
    assert library.counts()["missing"] == 1


def test_refresh_missing_finds_files_gone_anywhere(library: Library, tmp_path: Path) -> None:
    path = write_article(tmp_path, "a.txt", *story(1))
    statuses(library, path)
    path.unlink()
    assert library.refresh_missing() == 1
    assert library.list_articles()[0].missing


def test_an_edited_file_is_updated_and_keeps_the_readers_state(library: Library, tmp_path: Path) -> None:
    path = write_article(tmp_path, "a.txt", *story(1))
    [first] = library.import_paths([path], analysis=False, workers=0)
    library.tag([str(path)], ["politics"])
    library.set_progress(str(path), 0.4)
    write_article(tmp_path, "a.txt", *story(1, "An added sentence about the toll."))
    [second] = library.import_paths([path], analysis=False, workers=0)
    assert second.status == "updated" and second.id != first.id
    newest = library.article(str(path))
    assert newest is not None and "toll" in newest.record["text"]
    assert newest.summary.tags == ("politics",) and newest.summary.progress == 0.4
    old = library.article(first.id or "")
    assert old is not None and old.summary.missing  # the earlier version is kept, not dropped


def test_an_unreadable_file_is_reported_and_the_others_go_on(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    write_article(folder, "good.txt", *story(1))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    results = {r.path.name: r for r in library.import_paths([folder, tmp_path / "nowhere.txt"],
                                                            analysis=False, workers=0)}
    assert results["good.txt"].status == "added"
    kinds = {name: (r.error or {}).get("kind") for name, r in results.items()}
    assert kinds == {"good.txt": None, "empty.txt": "empty", "image.html": "unsupported-format",
                     "nowhere.txt": "not-found"}
    assert all((r.error or {}).get("message", "x") for r in results.values())
    assert results["good.txt"].record().keys() == {"path", "id", "status", "title"}
    assert set(results["empty.txt"].record()) == {"path", "id", "status", "title", "error"}
    # A lasting failure is remembered: the unchanged file is not read again, the sentence stays.
    (folder / "empty.txt").chmod(0)
    try:
        again = {r.path.name: r for r in library.import_paths([folder], analysis=False, workers=0)}
    finally:
        (folder / "empty.txt").chmod(0o644)
    assert again["empty.txt"].error == results["empty.txt"].error


def test_folders_are_walked_recursively_skipping_resources_and_hidden(tmp_path: Path) -> None:
    write_article(tmp_path / "a" / "b", "deep.txt", *story(1))
    write_article(tmp_path / "a", "page.html.gz", *story(2))
    write_article(tmp_path / "a" / "page_files", "frame.html", *story(3))
    write_article(tmp_path / "a" / ".hidden", "secret.txt", *story(4))
    write_article(tmp_path / "a", "photo.jpg", *story(5))
    files, folders = find_files([tmp_path / "a"])
    assert [f.name for f in files] == ["page.html.gz", "deep.txt"]
    assert folders == [tmp_path / "a"]


def test_progress_counts_files_and_estimates_time_left(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    for n in range(4):
        write_article(folder, f"a{n}.txt", *story(n))
    seen: list[ImportProgress] = []
    list(library.import_paths([folder], analysis=False, workers=0, progress=seen.append))
    assert [p.done for p in seen] == [1, 2, 3, 4] and {p.total for p in seen} == {4}
    assert {p.current.name for p in seen if p.current} == {f"a{n}.txt" for n in range(4)}
    assert seen[-1].seconds_left == 0 and seen[1].seconds_left is not None


def test_cancel_stops_between_files_and_keeps_what_was_stored(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    for n in range(6):
        write_article(folder, f"a{n}.txt", *story(n))
    cancel = threading.Event()

    def stop_after_two(progress: ImportProgress) -> None:
        if progress.done == 2:
            cancel.set()

    results = list(library.import_paths([folder], analysis=False, workers=0, progress=stop_after_two,
                                        cancel=cancel))
    assert [r.status for r in results] == ["added", "added"]
    assert library.counts()["articles"] == 2
    rest = statuses(library, folder)
    assert sorted(rest.values()) == ["added"] * 4 + ["unchanged"] * 2


def test_cancel_with_the_process_pool(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    for n in range(8):
        write_article(folder, f"a{n}.txt", *story(n))
    polls = iter(range(1000))  # 8 polls while planning, then one per finished file: stop after 2
    results = list(library.import_paths([folder], analysis=False, workers=2,
                                        cancel=lambda: next(polls) >= 10))
    assert [r.status for r in results] == ["added", "added"]
    assert library.counts()["articles"] == 2
    rest = statuses(library, folder, workers=2)
    assert sorted(rest.values()) == ["added"] * 6 + ["unchanged"] * 2


def test_watched_folders_are_scanned_for_new_saves(library: Library, tmp_path: Path) -> None:
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    library.watch(downloads)
    assert library.watched_folders() == [downloads]
    assert library.scan_folders(analysis=False, workers=0) == []
    write_article(downloads, "new.txt", *story(7))
    [found] = library.scan_folders(analysis=False, workers=0)
    assert found.status == "added"
    assert [r.status for r in library.scan_folders(analysis=False, workers=0)] == ["unchanged"]
    library.unwatch(downloads)
    assert library.watched_folders() == []


def test_every_page_of_an_archive_is_its_own_article(library: Library, tmp_path: Path) -> None:
    from loading_fixtures import page, wacz_bytes, warc_bytes, write

    from reader.core.sources.pages import page_address

    first, second = "https://news.example.org/pier", "https://news.example.org/second"
    warc = warc_bytes([(first, page(title="Pier to reopen")), (second, page(title="Second story"))])
    folder = tmp_path / "saved"
    folder.mkdir()
    archive = write(folder, "crawl.wacz", wacz_bytes(warc, [(first, "Pier"), (second, "Second")]))
    addresses = [page_address(archive, first), page_address(archive, second)]
    results = list(library.import_paths(addresses, analysis=False, workers=0))
    assert [(str(r.path), r.status) for r in results] == [(a, "added") for a in addresses]
    assert len({r.id for r in results}) == 2
    assert {s.url for s in library.list_articles()} == {first, second}
    stored = library.article(addresses[1])
    assert stored is not None and stored.summary.paths == (addresses[1],) and stored.record["url"] == second
    again = list(library.import_paths([*addresses, folder], analysis=False, workers=0))
    assert {r.status for r in again} == {"unchanged"}  # the pages are not "missing" from the folder
    assert library.counts() == {"articles": 2, "missing": 0, "entities": 0}  # the file is its main page
    archive.unlink()
    assert library.refresh_missing() == 3  # both pages, and the archive's main page from the folder


def test_an_archive_named_on_its_own_brings_all_its_pages(library: Library, tmp_path: Path) -> None:
    from loading_fixtures import eml_bytes, mbox_bytes, page, wacz_bytes, warc_bytes, write

    pages = [(f"https://news.example.org/{n}", page(title=f"Story {n}")) for n in range(3)]
    folder = tmp_path / "saved"
    folder.mkdir()
    archive = write(folder, "crawl.wacz", wacz_bytes(warc_bytes(pages), [(u, "") for u, _ in pages]))
    letters = write(folder, "letters.mbox", mbox_bytes([eml_bytes(page(title=t), subject=t)
                                                        for t in ("Letter one", "Letter two")]))
    results = list(library.import_paths([archive, letters], analysis=False, workers=0))
    assert [r.status for r in results] == ["added"] * 5
    assert sorted(s.title or "" for s in library.list_articles()) == [
        "Letter one", "Letter two", "Story 0", "Story 1", "Story 2"]
    walked = list(library.import_paths([folder], analysis=False, workers=0))
    assert sorted(r.path.name for r in walked) == ["crawl.wacz", "letters.mbox"]  # main pages only
    assert {r.status for r in walked} == {"unchanged"} and library.counts()["missing"] == 0
