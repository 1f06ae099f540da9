"""Normalization for analysis: fixes what hides names from the model, never moves an offset."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.nlp.normalize import normalize_for_analysis, title_case


def test_acute_accent_used_as_apostrophe_becomes_one() -> None:
    assert normalize_for_analysis("Chile´s capital and Peruʼs coast") == "Chile's capital and Peru's coast"


def test_accent_not_between_letters_is_left_alone() -> None:
    assert normalize_for_analysis("a quote ´like this´ here") == "a quote ´like this´ here"


def test_dateline_takes_the_case_the_story_uses() -> None:
    text = "LVIV, Ukraine: Officials in Lviv said the bridge had reopened."
    assert normalize_for_analysis(text).startswith("Lviv, Ukraine:")


def test_dateline_of_a_known_place_is_title_cased_without_other_evidence() -> None:
    assert normalize_for_analysis("NAIROBI 2024-05-01\nThe talks began.").startswith("Nairobi 2024-05-01")


def test_shouted_headline_keeps_acronyms_and_restores_names() -> None:
    text = ("US AND CHILE TO FINALISE COPPER AGREEMENT IN NEW ZEALAND\n\n"
            "Chile and the US agreed, officials told us.")
    out = normalize_for_analysis(text)
    assert out.startswith("US and Chile to finalise copper agreement in New Zealand")


def test_prose_is_untouched() -> None:
    text = "The WHO said on Monday that NASA and the BBC had reported it."
    assert normalize_for_analysis(text) == text


def test_title_case_keeps_small_words_small() -> None:
    assert title_case("TRINIDAD AND TOBAGO") == "Trinidad and Tobago"


@settings(deadline=None)  # the first call loads the place list
@given(st.text(alphabet=st.sampled_from("AKYIVSaky iv´ʼ'\n,:-1İßŉ"), max_size=80))
def test_normalization_keeps_every_offset(text: str) -> None:
    assert len(normalize_for_analysis(text)) == len(text)


def test_title_case_headline_takes_the_body_s_lower_case_words() -> None:
    text = ("Ministers From Norway Meet In Oslo To Discuss Fishing Quotas\n\n"
            "The ministers will discuss fishing quotas in Oslo. Norway said talks would meet demands.")
    expected = "Ministers from Norway meet in Oslo to discuss fishing quotas\n"
    assert normalize_for_analysis(text).startswith(expected)


def test_short_title_case_lines_are_names_and_stay() -> None:
    text = "Jane Doe And Partners\n\nThe firm and its partners met."
    assert normalize_for_analysis(text) == text


@settings(deadline=None)
@given(st.lists(st.sampled_from(["İSTANBUL", "STRAßE", "ŉ", "SAUDI ARABIA", "Kyiv", "KYIV", "US", "us",
                                 "The", "And", "Meet", " ", "\n", ",", "´s", "1996-08-30"]), max_size=30))
def test_normalization_keeps_every_offset_with_real_words(parts: list[str]) -> None:
    text = " ".join(parts)
    assert len(normalize_for_analysis(text)) == len(text)


def test_title_case_headline_keeps_places_and_inner_capitals() -> None:
    text = "Senator McCain Visits Ankara Amid Growing Tension Over PACs\n\nThe visit was brief."
    expected = "Senator McCain visits Ankara amid growing tension over PACs"
    assert normalize_for_analysis(text).startswith(expected)
