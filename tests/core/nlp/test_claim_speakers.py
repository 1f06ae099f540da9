"""Speakers resolved, contents whole, confidence on every claim: sentences written for these
tests (issue 19), one or more per rule."""

from __future__ import annotations

import pytest

from reader.core.model import Claim
from reader.core.nlp.confidence import LOW_CONFIDENCE


def analyse(text: str) -> list[Claim]:
    from reader.core.nlp import analyze

    return list(analyze(text).claims)


def by_cue(claims: list[Claim]) -> dict[str, Claim]:
    return {c.cue.text: c for c in claims}


# ----------------------------------------------------------------- pronoun and nominal speakers
@pytest.mark.slow
def test_she_goes_to_the_woman_named_before_not_the_nearer_man() -> None:
    claims = analyse("Ms. Ilse Varga met Peter Moll at the harbour on Monday. “The dredging must "
                     "stop,” she said.")
    assert [c.speaker_entity for c in claims] == ["Ilse Varga"]


@pytest.mark.slow
def test_he_goes_to_the_man_by_his_first_name() -> None:
    claims = analyse("Maria Lund chaired the hearing and David Ekholm gave evidence. He said the "
                     "dam had never been inspected.")
    assert [c.speaker_entity for c in by_cue(claims).values() if c.cue.text == "said"] == ["David Ekholm"]


@pytest.mark.slow
def test_the_company_goes_to_the_organization_named_before() -> None:
    claims = analyse("Halvorsen Group reported a loss on Tuesday. The company said it would close "
                     "two plants in Bergen next year.")
    said = by_cue(claims)["said"]
    assert said.speaker is not None and said.speaker.text == "The company"
    assert said.speaker_entity == "Halvorsen Group"


@pytest.mark.slow
def test_the_minister_goes_to_the_person_introduced_with_that_title() -> None:
    claims = analyse("Finance Minister Ruth Adeyemi presented the budget in Abuja. Opposition "
                     "leader Sani Bello walked out. The minister said the deficit would halve.")
    said = by_cue(claims)["said"]
    assert said.speaker_entity == "Ruth Adeyemi"


@pytest.mark.slow
def test_they_goes_to_a_collective_not_a_person() -> None:
    claims = analyse("The Nordic Wind Council met Lars Berg on Friday. They said the turbines "
                     "would be built offshore.")
    assert by_cue(claims)["said"].speaker_entity == "Nordic Wind Council"


@pytest.mark.slow
def test_continued_speech_over_sentences_keeps_its_speaker() -> None:
    text = ("“The river has risen a metre since Sunday,” said Ana Costa, the region's flood "
            "engineer. “We have moved the pumps. We will move them again if we must.”")
    claims = analyse(text)
    assert len(claims) == 1
    claim = claims[0]
    assert claim.speaker_entity == "Ana Costa"
    assert len(claim.content) == 2 and claim.content[1].text.endswith("if we must.”")


@pytest.mark.slow
def test_a_quote_interrupted_by_its_cue_is_one_claim_with_two_spans() -> None:
    claims = analyse("“The lock gates are sound,” she said, “but the approach channel is silting up.”")
    assert len(claims) == 1
    assert [s.text for s in claims[0].content] == ["“The lock gates are sound,”",
                                                   "“but the approach channel is silting up.”"]


# ----------------------------------------------------------------- content whole
@pytest.mark.slow
def test_reported_content_never_ends_on_a_conjunction_or_comma() -> None:
    text = ("The wildlife group Vogelrust warned that the new sluice could drown the reed beds "
            "upstream, and farmers in the polder said they had not been asked.")
    for claim in analyse(text):
        for span in claim.content:
            assert not span.text.rstrip().endswith((",", " and", " but", " or")), span.text


# ----------------------------------------------------------------- confidence
@pytest.mark.slow
def test_a_named_quoted_speaker_is_trusted_and_a_cue_noun_alone_is_not() -> None:
    claims = analyse("“We will reopen the bridge in May,” said Mayor Jonas Lind. There were "
                     "suggestions that the contractor had cut corners.")
    said = by_cue(claims)["said"]
    assert said.confidence >= 0.9
    assert all(0.0 <= c.confidence <= 1.0 for c in claims)
    others = [c for c in claims if c is not said]
    assert all(c.confidence < said.confidence for c in others)


def test_the_threshold_is_a_probability() -> None:
    assert 0.0 < LOW_CONFIDENCE < 1.0


@pytest.mark.slow
def test_with_no_gender_known_she_continues_the_last_subject() -> None:
    claims = analyse("Mayor Lina Okafor welcomed Tomas Brandt to the harbour on Monday. She said "
                     "the quay would reopen in spring.")
    assert by_cue(claims)["said"].speaker_entity == "Lina Okafor"


@pytest.mark.slow
def test_a_content_cut_before_a_spaced_comma_is_handled() -> None:
    # Tokenized text puts a space before commas: the content is cut at ", a claim ..." and
    # then ends on that space, which belongs to no token.
    claims = analyse("The economist said growth appears on balance to be a bit strong , a claim "
                     "the bank rejected .")
    assert claims and all(c.content for c in claims)
