"""Highlights re-anchor after the text changes, and what cannot be found is orphaned, not lost."""

from __future__ import annotations

import pytest

from reader.core.anchoring import Selectors, TextPosition, TextQuote, anchor, describe, find_occurrence

STORY = (
    "Russia claims counter-offensive into Ukraine's Sumy region\n\n"
    "Putin said his forces had entered the region, a claim branded a 'lie' by Kyiv.\n\n"
    "The village of Novenke was shelled overnight, officials said.\n\n"
    "Residents said the village had been without power for a week, and aid was slow to arrive."
)
QUOTE = "the village had been without power for a week"


def highlight(text: str, exact: str) -> Selectors:
    span = find_occurrence(text, exact)
    assert span is not None
    return describe(text, *span)


def test_unchanged_text_anchors_at_the_stored_position() -> None:
    selectors = highlight(STORY, QUOTE)
    assert anchor(STORY, selectors) == (selectors.position.start, selectors.position.end)


def test_a_paragraph_inserted_before_moves_the_highlight_with_its_text() -> None:
    selectors = highlight(STORY, QUOTE)
    changed = STORY.replace("The village of", "A new paragraph arrived in an update.\n\nThe village of")
    start, end = anchor(changed, selectors) or (0, 0)
    assert changed[start:end] == QUOTE
    assert start > selectors.position.start


def test_a_correction_that_removes_a_block_before_it_keeps_the_highlight() -> None:
    selectors = highlight(STORY, QUOTE)
    corrected = STORY.replace("The village of Novenke was shelled overnight, officials said.\n\n", "")
    start, end = anchor(corrected, selectors) or (0, 0)
    assert corrected[start:end] == QUOTE


def test_a_slightly_edited_sentence_is_found_approximately() -> None:
    selectors = highlight(STORY, QUOTE)
    edited = STORY.replace("without power for a week", "without electricity for a week")
    span = anchor(edited, selectors)
    assert span is not None
    assert edited[span[0]:span[1]].startswith("the village had been without electricity")


def test_a_highlight_whose_text_is_gone_is_orphaned() -> None:
    selectors = highlight(STORY, QUOTE)
    last = STORY.rindex("Residents said")
    rewritten = STORY[:last] + "The ministry did not comment."
    assert anchor(rewritten, selectors) is None


def test_a_repeated_phrase_is_told_apart_by_its_context() -> None:
    text = "Kyiv said no. Later, Moscow said yes. Then Kyiv said no again, firmly."
    start = text.index("Kyiv said no again")
    second = describe(text, start, start + len("Kyiv said no"))
    shifted = "Update: " + text
    found, _ = anchor(shifted, second) or (0, 0)
    assert found == shifted.index("Kyiv said no again")


def test_short_quotes_never_match_approximately() -> None:
    selectors = Selectors(TextQuote("Kyiv"), TextPosition(0, 4))
    assert anchor("Kiev was quiet.", selectors) is None


@pytest.mark.parametrize(("occurrence", "expected"), [(1, 0), (2, 14), (3, None)])
def test_find_occurrence_counts_from_one(occurrence: int, expected: int | None) -> None:
    span = find_occurrence("Kyiv said no. Kyiv said yes.", "Kyiv", occurrence)
    assert (span[0] if span else None) == expected


def test_describe_keeps_context_and_refuses_spans_outside_the_text() -> None:
    selectors = describe(STORY, 10, 20)
    assert selectors.quote.prefix == STORY[:10] and selectors.quote.suffix == STORY[20:52]
    with pytest.raises(ValueError):
        describe(STORY, 5, len(STORY) + 1)
