"""open_for_reading: the use case the window and the CLI share, tested without Qt."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from loading_fixtures import mhtml_bytes, page

import reader.core.extract
from reader.core import errors
from reader.core.reading import Loaded, open_article, open_for_reading
from reader.core.sources import loading
from reader.core.storage.cache import ResultCache

STORY = ("Harbour reopens after the storm\n\n"
         "The harbour in Porthaven reopened on Monday after a week of repairs, the port authority said.\n\n"
         "Fishing boats returned to the quay by noon, and the ferry to Kelby resumed its timetable.\n")


@pytest.fixture
def cache(tmp_path: Path) -> ResultCache:
    return ResultCache(tmp_path / "cache")


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "harbour.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def forbid_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    def extracted_again(source: object) -> None:
        raise AssertionError("extracted again")

    monkeypatch.setattr(reader.core.extract, "extract", extracted_again)


def test_first_read_extracts_and_fills_the_cache(article_file: Path, cache: ResultCache) -> None:
    loaded = open_for_reading(article_file, cache=cache)
    assert loaded.article.title == "Harbour reopens after the storm"
    assert "Porthaven" in loaded.article.body and loaded.encoding == "utf-8"
    assert loaded.cache_key is not None and cache.article(loaded.cache_key) == loaded.article


def test_the_same_bytes_come_from_the_cache(article_file: Path, cache: ResultCache,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    first = open_for_reading(article_file, cache=cache)
    forbid_extraction(monkeypatch)
    copy = article_file.with_name("copy.txt")
    copy.write_bytes(article_file.read_bytes())
    again = open_for_reading(copy, cache=cache)
    assert again.article.body == first.article.body and again.cache_key == first.cache_key
    assert again.article.path == copy  # the same bytes saved twice keep their own name
    assert again.encoding is None  # not read this time: the window shows "Automatic"


def test_changed_bytes_or_another_encoding_are_extracted_again(article_file: Path,
                                                               cache: ResultCache) -> None:
    first = open_for_reading(article_file, cache=cache)
    recoded = open_for_reading(article_file, "cp1252", cache=cache)
    assert recoded.cache_key != first.cache_key and recoded.encoding == "cp1252"
    article_file.write_text(STORY.replace("noon", "one o'clock"), encoding="utf-8")
    changed = open_for_reading(article_file, cache=cache)
    assert changed.cache_key != first.cache_key and "one o'clock" in changed.article.body


def test_the_file_is_read_once(article_file: Path, cache: ResultCache,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[Path] = []
    real = loading.read_bytes

    def counted(path: Path, limits: object) -> bytes:
        reads.append(path)
        return real(path, limits)  # type: ignore[arg-type]

    monkeypatch.setattr(loading, "read_bytes", counted)
    monkeypatch.setattr(sys.modules["reader.core.reading"], "read_bytes", counted)
    open_for_reading(article_file, cache=cache)
    assert reads == [article_file]


def test_without_a_cache_nothing_is_stored(article_file: Path, cache: ResultCache) -> None:
    loaded = open_for_reading(article_file)
    assert loaded.cache_key is None and cache.size() == 0
    assert open_article(article_file) == loaded.article


def test_archives_are_not_cached(tmp_path: Path, cache: ResultCache) -> None:
    archive = tmp_path / "pier.mhtml"
    archive.write_bytes(mhtml_bytes(page()))
    loaded = open_for_reading(archive, cache=cache)
    assert isinstance(loaded, Loaded) and loaded.article.format == "mhtml"
    assert loaded.cache_key is not None and cache.article(loaded.cache_key) is None


def test_a_missing_file_is_a_reader_error_naming_it(tmp_path: Path, cache: ResultCache) -> None:
    with pytest.raises(errors.NotFound) as raised:
        open_for_reading(tmp_path / "gone.txt", cache=cache)
    assert raised.value.path == tmp_path / "gone.txt"
