"""Search syntax (words, "a phrase", -word), hostile input, snippets, ranking and filters."""

from __future__ import annotations

import pytest
from library_helpers import make_record, store_record

from reader.core.library import MARK_CLOSE, MARK_OPEN, Filters, Library, parse_query
from reader.core.library.search import Query


def test_parse_query_words_phrases_and_exclusions() -> None:
    assert parse_query('river "old  bridge" -ferry -"city council"') == Query(
        ("river", "old bridge"), ("ferry", "city council"))
    assert parse_query("   ") == Query()
    assert parse_query('"unclosed phrase') == Query(("unclosed phrase",))
    assert parse_query("- -\"\"") == Query()


@pytest.fixture
def stocked(library: Library) -> dict[str, str]:
    records = {
        "bridge": make_record("The old bridge reopens", "The old bridge over the river reopened on Monday "
                              "after repairs. The ferry stopped.", site="Daily Post", published="2025-01-02"),
        "ferry": make_record("Ferry strike", "Ferry workers struck; the bridge stayed closed and the old "
                             "road was busy.", site="Evening News", published="2025-02-01"),
        "cafe": make_record("Café reviews", "A new café opened near the bridge; its coffee is strong.",
                            site="Daily Post", published="2024-12-01"),
    }
    return {name: store_record(library, record, f"/{name}.txt") for name, record in records.items()}


def ids(library: Library, query: str, filters: Filters | None = None) -> list[str]:
    return [hit.summary.id for hit in library.search(query, filters or Filters())]


def test_words_must_all_occur_in_any_order(library: Library, stocked: dict[str, str]) -> None:
    assert set(ids(library, "bridge old")) == {stocked["bridge"], stocked["ferry"]}
    assert ids(library, "coffee bridge") == [stocked["cafe"]]


def test_a_phrase_must_occur_as_written(library: Library, stocked: dict[str, str]) -> None:
    assert ids(library, '"old bridge"') == [stocked["bridge"]]
    assert ids(library, '"bridge old"') == []


def test_excluded_words_and_phrases(library: Library, stocked: dict[str, str]) -> None:
    assert set(ids(library, "bridge -ferry")) == {stocked["cafe"]}
    assert set(ids(library, 'bridge -"old road"')) == {stocked["bridge"], stocked["cafe"]}
    assert set(ids(library, "-coffee")) == {stocked["bridge"], stocked["ferry"]}  # exclusions alone


def test_diacritics_and_case_do_not_matter(library: Library, stocked: dict[str, str]) -> None:
    assert ids(library, "CAFE") == [stocked["cafe"]]


@pytest.mark.parametrize("hostile", ['"', "AND", "OR NOT", "NEAR(a b)", "bridge*", "title:bridge", "^bridge",
                                     "(", "a'b", "-", '""', "'; DROP TABLE articles; --"])
def test_any_input_is_a_query_never_an_error(library: Library, stocked: dict[str, str], hostile: str) -> None:
    library.search(hostile)  # no sqlite3.OperationalError (FTS5 syntax) whatever people type
    assert library.counts()["articles"] == 3


def test_title_matches_rank_first_and_snippets_mark_the_words(library: Library,
                                                              stocked: dict[str, str]) -> None:
    hits = library.search("ferry")
    assert hits[0].summary.id == stocked["ferry"]  # in its title
    assert hits[0].score is not None and hits[0].score > (hits[1].score or 0)
    assert f"{MARK_OPEN}Ferry{MARK_CLOSE}" in (hits[0].snippet or "")
    record = hits[0].record()
    assert {"score", "snippet", "id", "paths", "missing"} <= set(record)


def test_prefix_search_as_you_type(library: Library, stocked: dict[str, str]) -> None:
    assert ids(library, "coff") == []
    assert library.search("coff", prefix_last=True)[0].summary.id == stocked["cafe"]


def test_filters_by_site_tag_and_flags(library: Library, stocked: dict[str, str]) -> None:
    assert set(ids(library, "bridge", Filters(site="daily post"))) == {stocked["bridge"], stocked["cafe"]}
    library.tag([stocked["ferry"]], ["transport"])
    assert ids(library, "", Filters(tag="transport")) == [stocked["ferry"]]
    library.set_flags([stocked["cafe"]], favourite=True)
    assert ids(library, "", Filters(favourite=True)) == [stocked["cafe"]]
    assert ids(library, "", Filters(missing=True)) == []


def test_listing_sorts(library: Library, stocked: dict[str, str]) -> None:
    by_date = [s.id for s in library.list_articles(sort="published")]
    assert by_date == [stocked["ferry"], stocked["bridge"], stocked["cafe"]]
    by_title = [s.title or "" for s in library.list_articles(sort="title")]
    assert by_title == sorted(by_title, key=str.casefold)
    assert len(library.list_articles(limit=2)) == 2
    by_words = [s.words for s in library.list_articles(sort="words")]
    assert by_words == sorted(by_words, reverse=True) and len(set(by_words)) > 1
    library.set_progress(stocked["cafe"], 0.8)
    library.set_progress(stocked["ferry"], 0.3)
    assert [s.id for s in library.list_articles(sort="progress")][:2] == [stocked["cafe"], stocked["ferry"]]
