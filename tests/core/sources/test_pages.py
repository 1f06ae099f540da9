"""Files of several pages: the page address that names one page where a path is the key, and the
reading use case that lists the pages instead of guessing when none is named."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import assume, given
from hypothesis import strategies as st
from loading_fixtures import eml_bytes, mbox_bytes, page, wacz_bytes, warc_bytes, write

from reader.core.reading import Loaded, PageChoice, open_for_reading, open_or_list_pages
from reader.core.sources.pages import PAGE_MARK, address_is_file, page_address, split_page_address
from reader.core.storage.cache import ResultCache

URL = "https://news.example.org/pier?id=7#top"
SECOND = "https://news.example.org/second"


def test_a_page_address_survives_path_normalisation() -> None:
    address = page_address("/saves/crawl.wacz", URL)
    for form in (address, str(Path(address)), os.path.abspath(address), os.path.normpath(address)):
        assert split_page_address(form) == (Path("/saves/crawl.wacz"), URL)
    assert split_page_address("/saves/page.html") == (Path("/saves/page.html"), None)


def test_a_file_whose_own_name_holds_the_mark_is_a_plain_path(tmp_path: Path) -> None:
    odd = write(tmp_path, "notes#page=3", "a plain text file")
    assert split_page_address(odd) == (odd, None) and address_is_file(odd)
    assert address_is_file(page_address(odd, "x"))
    assert not address_is_file(page_address(tmp_path / "gone", "x"))


def two_page_wacz(folder: Path) -> Path:
    warc = warc_bytes([(URL, page(title="Pier to reopen")), (SECOND, page(title="Second story"))])
    return write(folder, "crawl.wacz", wacz_bytes(warc, [(URL, "Pier"), (SECOND, "Second")]))


def test_opening_a_file_of_several_pages_lists_them(tmp_path: Path) -> None:
    path = two_page_wacz(tmp_path)
    choice = open_or_list_pages(path)
    assert isinstance(choice, PageChoice) and choice.path == path
    assert [(p.key, p.title) for p in choice.pages] == [(URL, "Pier"), (SECOND, "Second")]


def test_a_page_address_opens_that_page(tmp_path: Path) -> None:
    path = two_page_wacz(tmp_path)
    loaded = open_or_list_pages(Path(page_address(path, SECOND)))
    assert isinstance(loaded, Loaded) and loaded.article.url == SECOND
    assert loaded.article.path == path  # the record names the file, not the address


def test_a_file_of_one_page_opens_at_once(tmp_path: Path) -> None:
    path = write(tmp_path, "one.warc.gz", warc_bytes([(URL, page())]))
    loaded = open_or_list_pages(path)
    assert isinstance(loaded, Loaded) and loaded.article.url == URL


def test_each_page_has_its_own_cache_entry(tmp_path: Path) -> None:
    path = two_page_wacz(tmp_path)
    cache = ResultCache(tmp_path / "cache")
    first = open_for_reading(Path(page_address(path, URL)), cache=cache)
    second = open_for_reading(Path(page_address(path, SECOND)), cache=cache)
    assert first.cache_key != second.cache_key
    again = open_for_reading(Path(page_address(path, SECOND)), cache=cache)
    assert again.article.title == second.article.title and again.article.url == SECOND


def test_a_mailbox_of_several_letters_lists_them_by_subject(tmp_path: Path) -> None:
    letters = [eml_bytes(page(title=t), subject=t) for t in ("Pier to reopen", "Ferry timetable")]
    path = write(tmp_path, "newsletters.mbox", mbox_bytes(letters))
    choice = open_or_list_pages(path)
    assert isinstance(choice, PageChoice)
    assert [p.title for p in choice.pages] == ["Pier to reopen", "Ferry timetable"]
    loaded = open_or_list_pages(Path(page_address(path, choice.pages[1].key)))
    assert isinstance(loaded, Loaded) and loaded.article.title == "Ferry timetable"


@given(st.text(min_size=1).filter(lambda k: "\0" not in k),
       st.lists(st.text(alphabet=st.characters(blacklist_characters="/\0"), min_size=1), min_size=1,
                max_size=3))
def test_any_key_comes_back_from_its_address(key: str, parts: list[str]) -> None:
    folder = "/" + "/".join(parts)
    assume(PAGE_MARK not in folder and folder not in ("/.", "/..") and not folder.endswith(("/.", "/..")))
    path = Path(folder) / "crawl.wacz"
    address = page_address(path, key)
    assert split_page_address(address) == (path, key)
    assert split_page_address(Path(address)) == (path, key)  # as a Path, too
