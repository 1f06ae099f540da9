"""Sources of a story: direct versus reported, named versus anonymous, people, organizations,
documents; and anonymous-source detection measured on sentences written for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.model import Analysis, Claim, Entity, Span
from reader.core.sourcing import is_anonymous, merge_tallies, tally_sources, type_counts

SENTENCES = Path(__file__).resolve().parents[1] / "fixtures" / "sources" / "anonymous_sources.tsv"
# The targets for anonymous-source detection on these sentences.
MIN_PRECISION, MIN_RECALL = 0.85, 0.75


def span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), part)


def claim(text: str, speaker: str | None, cue: str, content: str, kind: str = "indirect",
          entity: str | None = None, vague: bool = False) -> Claim:
    return Claim(cue=span(text, cue), content=(span(text, content),), kind=kind,  # type: ignore[arg-type]
                 speaker=span(text, speaker) if speaker else None, speaker_entity=entity, vague=vague)


TEXT = ("Putin said his forces had entered the region. “It is a lie,” Kyiv said. "
        "The report said 40 homes were hit. A person who asked not to be named said talks had stalled. "
        "Putin said the offensive would go on.")
ANALYSIS = Analysis(
    entities=(Entity("Vladimir Putin", "person", ("Putin",), (span(TEXT, "Putin"),)),
              Entity("Kyiv", "place", (), (span(TEXT, "Kyiv"),))),
    claims=(claim(TEXT, "Putin", "said", "his forces had entered the region", entity="Vladimir Putin"),
            claim(TEXT, "Kyiv", "Kyiv said"[5:], "“It is a lie,”", kind="direct", entity="Kyiv"),
            claim(TEXT, "The report", "The report said"[11:], "40 homes were hit"),
            claim(TEXT, "A person", "not to be named said"[17:], "talks had stalled"),
            claim(TEXT, "Putin said the", "said the offensive"[:4], "the offensive would go on",
                  entity="Vladimir Putin")),
)


def test_sources_are_counted_by_kind_and_type() -> None:
    story = tally_sources(TEXT, ANALYSIS)
    by_name = {s.name: s for s in story.sources}
    assert story.sources[0].name == "Vladimir Putin" and by_name["Vladimir Putin"].reported == 2
    assert by_name["Kyiv"].direct == 1 and by_name["Kyiv"].type == "organization"
    assert by_name["The report"].type == "document"
    assert by_name["A person"].anonymous and by_name["A person"].type == "anonymous"
    assert [s.text for s in story.anonymous] == ["A person"]
    assert story.anonymous_share == pytest.approx(1 / 5)
    expected = {"person": 2, "organization": 1, "document": 1, "anonymous": 1, "other": 0}
    assert type_counts(story.sources) == expected


def test_a_named_speaker_is_not_anonymous_even_with_a_title() -> None:
    text = "Kremlin spokesman Dmitry Peskov said talks had stalled."
    assert not is_anonymous(text, claim(text, "Kremlin spokesman Dmitry Peskov", "said", "talks had stalled"))
    assert is_anonymous(text.replace("Dmitry Peskov", "a spokesman"),
                        claim(text.replace("Dmitry Peskov", "a spokesman"), "a spokesman", "said", "talks"))


def test_the_claims_finder_s_vague_mark_counts() -> None:
    text = "Observers said the vote was close."
    assert is_anonymous(text, claim(text, "Observers", "said", "the vote was close", vague=True))


def test_unattributed_claims_and_pronoun_speakers_are_no_sources() -> None:
    text = ("I said the bridge was unsafe. You say the ferry is late. He added that fares rose. "
            "Critics claim the plan failed. Prices reportedly fell. She said the mayor, Ana Ruiz, agreed.")
    analysis = Analysis(entities=(), claims=(
        claim(text, "I", "said", "the bridge was unsafe"),
        claim(text, "You", "say", "the ferry is late"),
        claim(text, "He", "added", "that fares rose"),
        claim(text, "Critics", "claim", "the plan failed", vague=True),
        claim(text, None, "reportedly", "Prices reportedly fell"),
        claim(text, "She", "She said"[4:], "the mayor, Ana Ruiz, agreed", entity="Ana Ruiz"),
    ))
    story = tally_sources(text, analysis)
    assert [s.name for s in story.sources] == ["Ana Ruiz", "Critics"]
    assert story.unattributed == 4
    merged = merge_tallies([story, story])
    assert {t.name for t in merged} == {"Ana Ruiz", "Critics"}


def test_selections_aggregate_by_source() -> None:
    merged = merge_tallies([tally_sources(TEXT, ANALYSIS), tally_sources(TEXT, ANALYSIS)])
    assert merged[0].name == "Vladimir Putin" and merged[0].reported == 4


@pytest.mark.slow
def test_anonymous_sources_are_found_with_the_target_precision_and_recall() -> None:
    from reader.core.nlp import analyze

    rows = [line.split("\t", 1) for line in SENTENCES.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    assert len(rows) >= 60 and sum(r[0] == "yes" for r in rows) == len(rows) // 2
    tp = fp = fn = 0
    for label, text in rows:
        found = any(is_anonymous(text, c) for c in analyze(text).claims)
        tp += found and label == "yes"
        fp += found and label == "no"
        fn += not found and label == "yes"
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    assert precision >= MIN_PRECISION and recall >= MIN_RECALL, (precision, recall)
