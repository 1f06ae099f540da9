"""Highlights in the library (issue 15): the API the GUI calls, the rows, filters, the library
search finding notes, ``forget``, and the migration of a library written before highlights."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from library_helpers import make_record, store_record, write_article

from reader.core.library import Library, NotInLibrary
from reader.core.library.articles import insert_article, see_path
from reader.core.library.exporting import export_articles, stored_article
from reader.core.library.highlights import HighlightNotFound, QuoteNotFound
from reader.core.library.schema import SCHEMA_VERSION, migrate, schema_version
from reader.core.library.store import connect, now_iso, transaction

BODY = ("The harbour ferry returned to service on Monday, the port authority said. The ferry crosses "
        "every hour. Fares stay the same, the mayor said, and the ferry will run until midnight.")


@pytest.fixture
def ferry(library: Library) -> str:
    return store_record(library, make_record("Ferry returns", BODY, site="Coast Daily"), "/saved/ferry.txt")


def test_a_highlight_by_span_is_stored_with_both_selectors(library: Library, ferry: str) -> None:
    text = library.article(ferry).record["text"]  # type: ignore[union-attr]
    start = text.index("returned to service")
    made = library.add_highlight(ferry, start, start + len("returned to service"), "blue", "  since when?  ")
    assert (made.article, made.exact, made.color, made.note, made.orphaned) == \
        (ferry, "returned to service", "blue", "since when?", False)
    assert text[:start].endswith(made.prefix) and text[made.end:].startswith(made.suffix) and made.prefix
    assert made.created.endswith("Z") and len(made.id) == 16
    assert library.highlights(ferry) == [made]


def test_a_quote_highlights_the_asked_occurrence(library: Library, ferry: str) -> None:
    second = library.highlight_quote("/saved/ferry.txt", "ferry", occurrence=2)
    text = library.article(ferry).record["text"]  # type: ignore[union-attr]
    assert second.start == text.index("ferry", text.index("ferry") + 1) == text.index("The ferry") + 4
    with pytest.raises(QuoteNotFound) as caught:
        library.highlight_quote(ferry, "ferry", occurrence=4)  # three times, case counts
    assert caught.value.kind == "not-found" and "4 times" in caught.value.message
    with pytest.raises(QuoteNotFound):
        library.highlight_quote(ferry, "a hovercraft")
    with pytest.raises(NotInLibrary):
        library.highlight_quote("no-such-article", "the ferry")


def test_bad_spans_and_colours_are_refused(library: Library, ferry: str) -> None:
    for start, end, color in ((5, 5, "yellow"), (-1, 4, "yellow"), (0, 10**6, "yellow"), (0, 4, "red")):
        with pytest.raises(ValueError):
            library.add_highlight(ferry, start, end, color)
    assert library.highlights(ferry) == []


def test_update_changes_only_what_is_given_and_delete_removes(library: Library, ferry: str) -> None:
    made = library.highlight_quote(ferry, "every hour", note="check")
    recoloured = library.update_highlight(made.id, color="pink")
    assert (recoloured.color, recoloured.note, recoloured.start) == ("pink", "check", made.start)
    cleared = library.update_highlight(made.id, note=None)
    assert (cleared.color, cleared.note) == ("pink", None)
    with pytest.raises(ValueError):
        library.update_highlight(made.id, color="black")
    library.delete_highlight(made.id)
    assert library.highlights(ferry) == []
    with pytest.raises(HighlightNotFound):
        library.delete_highlight(made.id)
    with pytest.raises(HighlightNotFound):
        library.update_highlight(made.id, note="x")


def test_listing_is_in_reading_order_and_filters(library: Library, ferry: str) -> None:
    other = store_record(library, make_record("Bridge closes", "The old bridge closes for repairs in May."),
                         "/saved/bridge.txt")
    late = library.highlight_quote(ferry, "until midnight", color="green", note="Late service, good")
    early = library.highlight_quote(ferry, "returned to service")
    bridge = library.highlight_quote(other, "closes for repairs", note="Détour via the ferry")
    library.tag([other], ["infrastructure"])
    assert library.highlights(ferry) == [early, late]
    assert library.highlights() == [bridge, early, late]  # newest article first
    assert library.highlights(color="green") == [late]
    assert library.highlights(tag="infrastructure") == [bridge]
    assert library.highlights(text="detour") == [bridge]  # diacritics and case ignored
    assert library.highlights(text='"late service"') == [late]
    assert library.highlights(text="service -midnight") == [early]
    assert library.highlights(text="servic") == []  # words, not parts of words
    with pytest.raises(NotInLibrary):
        library.highlights("nothing-here")


def test_show_carries_the_highlights_as_contract_records(library: Library, ferry: str) -> None:
    made = library.highlight_quote(ferry, "every hour", note="nice")
    [shown] = library.article(ferry).highlights  # type: ignore[union-attr]
    assert shown == {"id": made.id, "article": ferry, "start": made.start, "end": made.end,
                     "exact": "every hour", "prefix": made.prefix, "suffix": made.suffix, "note": "nice",
                     "color": "yellow", "orphaned": False}


def test_library_search_finds_notes_and_forgets_them(library: Library, ferry: str) -> None:
    assert library.search("lighthouse") == []
    made = library.highlight_quote(ferry, "every hour", note="Compare with the lighthouse timetable")
    [hit] = library.search("lighthouse")
    assert hit.summary.id == ferry and "⟦lighthouse⟧" in (hit.snippet or "")
    library.update_highlight(made.id, note="Compare with the tram timetable")
    assert library.search("lighthouse") == [] and len(library.search("tram")) == 1
    library.delete_highlight(made.id)
    assert library.search("tram") == []
    library.highlight_quote(ferry, "every hour", note="seagulls")
    assert library.forget([ferry]) == [(ferry, ferry)]
    assert library.conn.execute("SELECT count(*) FROM highlights").fetchone()[0] == 0
    assert library.search("seagulls") == []
    library.conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")


def test_a_failed_write_leaves_no_highlight(library: Library, ferry: str,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.core.library import highlights

    def broken(conn: sqlite3.Connection, num: int, highlight: object) -> None:
        conn.execute("INSERT INTO highlights(id, article_num, pos_start, pos_end, exact, color, created) "
                     "VALUES ('x', ?, 0, 1, 'F', 'yellow', '')", (num,))
        raise sqlite3.OperationalError("disk full")

    monkeypatch.setattr(highlights, "insert", broken)
    with pytest.raises(sqlite3.OperationalError):
        library.highlight_quote(ferry, "every hour")
    assert library.conn.execute("SELECT count(*) FROM highlights").fetchone()[0] == 0


def test_migration_from_version_2_keeps_articles_searchable_and_adds_highlights(tmp_path: Path) -> None:
    path = tmp_path / "v2.sqlite3"
    conn = connect(path)
    migrate(conn, target=2)  # a library as it was before highlights
    with transaction(conn):
        num = insert_article(conn, make_record("Old ferry story", BODY), "cd" * 32, now_iso())
        see_path(conn, num, "/old/ferry.txt", 10, 10, now_iso())
    conn.close()
    with Library.open(path) as library:
        assert schema_version(library.conn) == SCHEMA_VERSION >= 3
        [hit] = library.search("authority")
        made = library.highlight_quote(hit.summary.id, "every hour", note="albatross")
        assert [h.summary.id for h in library.search("albatross")] == [hit.summary.id]
        assert library.highlights("/old/ferry.txt") == [made]
        library.conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        assert library.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_an_article_whose_file_is_gone_still_exports_with_its_highlights(library: Library,
                                                                         tmp_path: Path) -> None:
    path = write_article(tmp_path / "saved", "ferry.txt", "Ferry returns", BODY)
    list(library.import_paths([path], analysis=False, workers=0))
    made = library.highlight_quote(str(path), "every hour", note="hourly")
    path.unlink()
    assert library.refresh_missing() == 1
    item = stored_article(library, made.article)
    assert item is not None and item.summary.missing and item.highlights == [made]
    [written] = export_articles(library, [item], "md", tmp_path)  # a folder: the name is made
    assert written.output == tmp_path / f"ferry-returns-{made.article}.md"
    assert "==every hour==[^1]" in written.output.read_text(encoding="utf-8")
    [book] = export_articles(library, [item], "epub", tmp_path / "ferry.epub")
    assert book.output.read_bytes().startswith(b"PK")
    assert (book.articles, book.highlights) == ((made.article,), 1)
