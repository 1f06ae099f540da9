"""Highlights survive a change of the article's text (issue 15): after a per-site correction,
after a paragraph inserted before them, after their sentence was edited slightly, and when the
text is gone (orphaned, kept). Both the pure function the GUI calls and the library's paths:
a re-imported edited copy at the same path, a record replaced by a better extraction."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from library_helpers import article_text, make_record, write_article

from reader.core.anchoring import describe, find_occurrence
from reader.core.library import Library
from reader.core.library.highlights import reanchor
from reader.core.model import Highlight

TITLE = "Harbour ferry returns after two years"
PARAGRAPHS = (
    "The harbour ferry returned to service on Monday after two years of repairs, the port authority said.",
    "Passengers queued from six in the morning, and the first crossing was full within minutes.",
    "The mayor said the council would keep the fares unchanged until the end of next year.",
)
TEXT = "\n\n".join((TITLE, *PARAGRAPHS))
QUOTE = "the council would keep the fares unchanged until the end of next year"


def highlight_of(text: str, quote: str, ident: str = "h1") -> Highlight:
    span = find_occurrence(text, quote)
    assert span is not None
    quote_selector = describe(text, *span).quote
    return Highlight(ident, "a1", span[0], span[1], quote, quote_selector.prefix, quote_selector.suffix,
                     "check the budget", "green", "2026-12-02T10:00:00Z")


def assert_anchored(placed: Highlight, text: str, exact: str) -> None:
    assert not placed.orphaned
    assert text[placed.start:placed.end] == placed.exact == exact
    assert text[:placed.start].endswith(placed.prefix) and text[placed.end:].startswith(placed.suffix)
    assert (placed.id, placed.note, placed.color) == ("h1", "check the budget", "green")


# -- the function the GUI calls ----------------------------------------------------------------


def test_a_correction_that_removes_a_block_before_the_highlight() -> None:
    corrected = "\n\n".join((TITLE, PARAGRAPHS[0], PARAGRAPHS[2]))  # a block moved out as clutter
    [placed] = reanchor([highlight_of(TEXT, QUOTE)], corrected)
    assert_anchored(placed, corrected, QUOTE)
    assert placed.start < TEXT.index(QUOTE)


def test_a_paragraph_inserted_before_the_highlight() -> None:
    inserted = "Update: the ferry will also stop at the island pier from March, officials confirmed."
    changed = "\n\n".join((TITLE, inserted, *PARAGRAPHS))
    [placed] = reanchor([highlight_of(TEXT, QUOTE)], changed)
    assert_anchored(placed, changed, QUOTE)
    assert placed.start == TEXT.index(QUOTE) + len(inserted) + 2


def test_the_highlighted_sentence_edited_slightly() -> None:
    edited = PARAGRAPHS[2].replace("keep the fares unchanged", "keep the fares frozen")
    changed = "\n\n".join((TITLE, PARAGRAPHS[0], PARAGRAPHS[1], edited))
    [placed] = reanchor([highlight_of(TEXT, QUOTE)], changed)
    assert not placed.orphaned
    assert "keep the fares frozen until the end of next year" in placed.exact
    assert changed[placed.start:placed.end] == placed.exact


def test_a_highlight_whose_text_is_gone_is_kept_orphaned() -> None:
    changed = "\n\n".join((TITLE, PARAGRAPHS[0], PARAGRAPHS[1]))
    original = highlight_of(TEXT, QUOTE)
    [placed] = reanchor([original], changed)
    assert placed.orphaned and placed.exact == QUOTE and placed.note == "check the budget"
    [again] = reanchor([placed], TEXT)  # the text came back: the orphan anchors again
    assert_anchored(again, TEXT, QUOTE)


def test_a_repeated_phrase_keeps_the_occurrence_its_context_names() -> None:
    text = "\n\n".join((TITLE, "The mayor said yes.", "Later the mayor said yes again, to the fares."))
    span = find_occurrence(text, "the mayor said yes", 1)
    assert span is not None
    quote = describe(text, *span).quote
    second = Highlight("h1", "a1", span[0], span[1], quote.exact, quote.prefix, quote.suffix)
    changed = text.replace("The mayor said yes.", "The mayor, asked twice, said yes.")
    [placed] = reanchor([second], changed)
    assert changed[placed.end:].startswith(" again, to the fares.")


# -- through the library ------------------------------------------------------------------------


def import_one(library: Library, path: Path) -> str:
    [result] = list(library.import_paths([path], analysis=False, workers=0))
    assert result.status in ("added", "updated") and result.id is not None, result
    return result.status


def saved(tmp_path: Path, *paragraphs: str) -> Path:
    return write_article(tmp_path / "saved", "ferry.txt", TITLE, *paragraphs)


def test_reimporting_an_edited_copy_moves_highlights_to_it_reanchored(library: Library,
                                                                       tmp_path: Path) -> None:
    path = saved(tmp_path, *PARAGRAPHS)
    import_one(library, path)
    old_id = library.resolve(str(path))
    kept = library.highlight_quote(str(path), QUOTE, color="green", note="check the budget")
    edited = library.highlight_quote(str(path), "after two years of repairs")
    gone = library.highlight_quote(str(path), "the first crossing was full within minutes", color="pink")
    inserted = "Update: the ferry will also stop at the island pier from March, officials confirmed."
    path.write_text(article_text(TITLE, inserted, PARAGRAPHS[0].replace("two years", "nearly two years"),
                                 PARAGRAPHS[2]), encoding="utf-8")
    assert import_one(library, path) == "updated"
    new_id = library.resolve(str(path))
    assert new_id != old_id and old_id is not None
    assert library.highlights(old_id) == []  # the earlier version keeps none
    text = library.article(str(path)).record["text"]  # type: ignore[union-attr]
    now = {h.id: h for h in library.highlights(str(path))}
    assert set(now) == {kept.id, edited.id, gone.id} and all(h.article == new_id for h in now.values())
    assert text[now[kept.id].start:now[kept.id].end] == QUOTE and not now[kept.id].orphaned
    assert now[kept.id].note == "check the budget" and now[kept.id].color == "green"
    assert "nearly two years of repairs" in now[edited.id].exact and not now[edited.id].orphaned
    assert now[gone.id].orphaned and now[gone.id].exact == gone.exact  # kept with its text
    assert [h.id for h in library.highlights(str(path))][-1] == gone.id  # orphans after the story


def test_a_file_changed_back_takes_its_highlights_back(library: Library, tmp_path: Path) -> None:
    path = saved(tmp_path, *PARAGRAPHS)
    import_one(library, path)
    original = path.read_bytes()
    path.write_text(article_text(TITLE, *PARAGRAPHS[:2]), encoding="utf-8")
    import_one(library, path)
    made = library.highlight_quote(str(path), "Passengers queued")
    path.write_bytes(original)  # the earlier copy, already in the library
    list(library.import_paths([path], analysis=False, workers=0))
    [back] = library.highlights(str(path))
    assert back.id == made.id and back.article == library.resolve(str(path)) and not back.orphaned


def test_a_record_replaced_by_a_better_extraction_reanchors(library: Library, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = saved(tmp_path, *PARAGRAPHS)
    import_one(library, path)
    made = library.highlight_quote(str(path), QUOTE)
    better = "\n\n".join(("Menu Home News Sport", *PARAGRAPHS))  # the extractor now keeps a block more

    def improved(file: str, analysis: bool) -> dict[str, Any]:
        record = make_record(TITLE, better)
        record["path"] = file
        return record

    monkeypatch.setattr("reader.core.library.importer.record_for_library", improved)
    [result] = list(library.import_paths([path], analysis=True, workers=0))
    assert result.status == "updated"
    [placed] = library.highlights(str(path))
    text = library.article(str(path)).record["text"]  # type: ignore[union-attr]
    assert placed.id == made.id and text[placed.start:placed.end] == QUOTE and placed.start > made.start


def test_reanchor_highlights_stores_the_placement_for_a_corrected_text(library: Library,
                                                                       tmp_path: Path) -> None:
    path = saved(tmp_path, *PARAGRAPHS)
    import_one(library, path)
    made = library.highlight_quote(str(path), QUOTE)
    lost = library.highlight_quote(str(path), "Passengers queued from six")
    corrected = "\n\n".join((TITLE, PARAGRAPHS[0], PARAGRAPHS[2]))
    placed = {h.id: h for h in library.reanchor_highlights(str(path), corrected)}
    assert corrected[placed[made.id].start:placed[made.id].end] == QUOTE and placed[lost.id].orphaned
    assert {h.id: h for h in library.highlights(str(path))} == placed
