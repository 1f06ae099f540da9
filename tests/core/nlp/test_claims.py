"""Claims: cue lexicon, quotations, speaker resolution (fast, no model) and one test sentence
per attribution phenomenon plus the seed (slow: they run the real parse).

Every sentence here is written for these tests; claims-phenomena.jsonl only lists the
phenomena.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.model import Claim, Entity, Span
from reader.core.nlp.claims.cues import CUE_VERB_LEMMAS
from reader.core.nlp.claims.quotes import QuoteIndex, find_quotes
from reader.core.nlp.claims.speakers import SpeakerResolver

BLANK = spacy.blank("en")


# ----------------------------------------------------------------- lexicon and quotations
@pytest.mark.parametrize(("form", "lemma"), [
    ("said", "say"), ("says", "say"), ("claims", "claim"), ("denied", "deny"),
    ("branded", "brand"), ("planned", "plan"), ("told", "tell"), ("warning", "warn"),
    ("announces", "announce"), ("believes", "believe"), ("spoke", "speak"), ("quipped", "quip"),
    ("yelled", "yell"), ("exhorted", "exhort"), ("bemoaning", "bemoan"),
])
def test_cue_verb_inflections_map_to_their_lemma(form: str, lemma: str) -> None:
    assert CUE_VERB_LEMMAS[form] == lemma


def test_plain_words_are_not_cue_verbs() -> None:
    assert "table" not in CUE_VERB_LEMMAS and "river" not in CUE_VERB_LEMMAS


def quoted(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotes(text)]


def test_curly_straight_and_doubled_apostrophe_quotes_are_paired() -> None:
    text = "“One two,” he said. \"Three four,\" she said. ''Five six,'' they said."
    assert quoted(text) == ["“One two,”", "\"Three four,\"", "''Five six,''"]


def test_apostrophes_do_not_open_single_quotes() -> None:
    text = "The board’s plan is ‘unworkable’, it's said, and Tom’s view differs."
    assert quoted(text) == ["‘unworkable’"]


def test_a_quote_left_open_runs_to_its_paragraph_end() -> None:
    text = "“We will stay.\n\n“We will not leave,” she said."
    quotes = find_quotes(text)
    assert [(text[q.start:q.end], q.closed) for q in quotes] == [
        ("“We will stay.", False), ("“We will not leave,”", True)]


def test_a_quotation_inside_a_quotation_stays_inside() -> None:
    text = "“I would rather live in what he calls “hell” than give up,” she said."
    assert quoted(text) == ["“I would rather live in what he calls “hell” than give up,”"]


def test_a_closing_mark_typed_at_a_paragraph_start_opens_a_quote() -> None:
    text = "Readers wrote in.\n”Fear is not a plan.” ― Ana Ruiz"
    assert quoted(text) == ["”Fear is not a plan.”"]


def test_scare_quotes_and_titles_are_not_speech() -> None:
    text = "The “reform” was shown in the film “Grey Harbour”. “We are ready,” he said."
    assert [q.is_speech for q in find_quotes(text)] == [False, False, True]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab “”\"'‘’\n.,", max_size=60))
def test_quotes_never_overlap_and_start_at_a_mark(text: str) -> None:
    quotes = find_quotes(text)
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text) and not text[q.start].isalnum()
    for a, b in itertools.pairwise(quotes):
        assert a.end <= b.start


def test_quote_index_finds_the_quote_around_a_position() -> None:
    text = "He said “no way” twice."
    index = QuoteIndex(text)
    assert index.at(text.index("way")).start == text.index("“")
    assert index.at(0) is None


# ----------------------------------------------------------------- speaker resolution
def entity(name: str, kind: str, text: str, *surfaces: str) -> Entity:
    mentions = []
    for surface in surfaces or (name,):
        start = text.index(surface)
        mentions.append(Span(start, start + len(surface), surface))
    return Entity(name, kind, (), tuple(mentions))  # type: ignore[arg-type]


def resolve(text: str, entities: list[Entity], speaker: str, nth: int = 0) -> tuple[str | None, bool]:
    doc = BLANK(text)
    start = [m.start() for m in re.finditer(rf"\b{speaker}\b", text)][nth]
    span = doc.char_span(start, start + len(speaker))
    assert span is not None
    head = span[-1]
    return SpeakerResolver(doc, text, entities).resolve(head, (span.start_char, span.end_char))


def test_he_goes_to_the_last_mentioned_man() -> None:
    text = "Tom Reed met Anna Holm in Oslo. Later he said it went well."
    ents = [entity("Tom Reed", "person", text), entity("Anna Holm", "person", text)]
    assert resolve(text, ents, "he") == ("Tom Reed", False)


def test_she_goes_to_a_woman_known_by_her_title() -> None:
    text = "Ms. Okafor chaired and Ivo Brandt spoke. Then she said the vote was over."
    ents = [entity("Okafor", "person", text), entity("Ivo Brandt", "person", text)]
    assert resolve(text, ents, "she") == ("Okafor", False)


def test_a_description_goes_to_the_entity_named_before() -> None:
    text = "The Danish health ministry opened an inquiry. The ministry said more was needed."
    ents = [entity("Danish health ministry", "organization", text)]
    assert resolve(text, ents, "ministry", nth=1) == ("Danish health ministry", False)


def test_a_title_description_goes_to_the_person_it_preceded() -> None:
    text = "President Ana Ruiz landed. The president said talks would start."
    ents = [entity("Ana Ruiz", "person", text)]
    assert resolve(text, ents, "president") == ("Ana Ruiz", False)


def test_a_title_goes_to_a_person_only_when_it_heads_the_name() -> None:
    text = ("Secretary of State Ida Mott spoke. Prosecutors alleged that Tova Noel slept. "
            "The secretary said so. Prosecutors said more.")
    ents = [entity("Ida Mott", "person", text), entity("Tova Noel", "person", text)]
    assert resolve(text, ents, "secretary") == ("Ida Mott", False)
    assert resolve(text, ents, "Prosecutors", nth=1) == (None, False)  # no prosecutor named


def test_a_description_heading_a_name_is_that_name_not_the_last_of_its_kind() -> None:
    text = ("Engineers from Delft University said it works. The Dutch group Natuurmonumenten warned "
            "of silt. President Ana Ruiz landed. The president of Ruritania said talks would start.")
    ents = [entity("Delft University", "organization", text),
            entity("Natuurmonumenten", "organization", text),
            entity("Ana Ruiz", "person", text), entity("Ruritania", "place", text)]
    doc = BLANK(text)
    phrase = doc.char_span(text.index("The Dutch"), text.index(" warned"))
    head = next(t for t in phrase if t.text == "group")
    resolver = SpeakerResolver(doc, text, ents)
    assert resolver.resolve(head, (phrase.start_char, phrase.end_char)) == ("Natuurmonumenten", False)
    assert resolve(text, ents, "president") == ("Ana Ruiz", False)


def test_it_goes_to_an_organization_or_place_not_a_person() -> None:
    text = "Tim Ode visited Kenya Airways, and it said fares would rise."
    ents = [entity("Tim Ode", "person", text), entity("Kenya Airways", "organization", text)]
    assert resolve(text, ents, "it") == ("Kenya Airways", False)


def test_a_named_speaker_is_its_own_entity() -> None:
    text = "Lagos said the port would open."
    assert resolve(text, [entity("Lagos", "place", text)], "Lagos") == ("Lagos", False)


def test_vague_sources_are_marked_and_unresolved() -> None:
    text = "Officials in Lagos said the port would open."
    assert resolve(text, [entity("Lagos", "place", text)], "Officials") == (None, True)


def test_without_entities_speakers_resolve_to_nothing() -> None:
    text = "Kim Lee arrived. She said it was late."
    assert resolve(text, [], "She") == (None, False)


# ----------------------------------------------------------------- phenomena (real parse)
def analyse(text: str) -> list[Claim]:
    from reader.core.nlp.claims import find_claims
    from reader.core.nlp.entities import find_entities
    from reader.core.nlp.spacy_model import parse

    doc = parse(text)
    claims = find_claims(doc, text, find_entities(doc, text))
    for claim in claims:
        for span in (claim.cue, claim.speaker, *claim.content):
            assert span is None or text[span.start:span.end] == span.text
    return claims


def only(text: str) -> Claim:
    claims = analyse(text)
    assert len(claims) == 1, claims
    return claims[0]


def shape(claim: Claim) -> tuple[str | None, str, list[str], str]:
    return (claim.speaker.text if claim.speaker else None, claim.cue.text,
            [c.text for c in claim.content], claim.kind)


PHENOMENA = [
    ("direct_after", "“The harbour will reopen by spring,” the port director said on Monday.",
     ("the port director", "said", ["“The harbour will reopen by spring,”"], "direct")),
    ("direct_inverted", "“Our pumps are working,” said Ivo Brandt, a spokesman for the water board.",
     ("Ivo Brandt, a spokesman for the water board", "said", ["“Our pumps are working,”"],
      "direct")),
    ("direct_before_colon", "The governor said: “Every school will stay open.”",
     ("The governor", "said", ["“Every school will stay open.”"], "direct")),
    ("split_quote", "“The tunnel is finished,” the contractor said, “but the lighting is still missing.”",
     ("the contractor", "said", ["“The tunnel is finished,”",
                                 "“but the lighting is still missing.”"], "direct")),
    ("mixed_quote", "The commissioner said the proposal was “a step backwards” for farmers.",
     ("The commissioner", "said", ["the proposal was “a step backwards” for farmers"], "mixed")),
    ("indirect_that", "The airline said that ticket sales rose by 8 percent.",
     ("The airline", "said", ["that ticket sales rose by 8 percent"], "indirect")),
    ("indirect_no_that", "Firefighters said the blaze was under control by midnight.",
     ("Firefighters", "said", ["the blaze was under control by midnight"], "indirect")),
    ("according_to_pre", "According to the weather service, the storm will reach the coast tonight.",
     ("the weather service", "According to", ["the storm will reach the coast tonight"],
      "indirect")),
    ("according_to_post", "The river rose by two metres, according to the regional water authority.",
     ("the regional water authority", "according to", ["The river rose by two metres"],
      "indirect")),
    ("verb_claimed", "The militia claimed it had shot down a drone.",
     ("The militia", "claimed", ["it had shot down a drone"], "indirect")),
    ("verb_announced", "The university announced a new scholarship for refugees.",
     ("The university", "announced", ["a new scholarship for refugees"], "indirect")),
    ("verb_denied", "The mayor denied that he had received the payments.",
     ("The mayor", "denied", ["that he had received the payments"], "indirect")),
    ("verb_warned", "Economists warned that inflation could rise again.",
     ("Economists", "warned", ["that inflation could rise again"], "indirect")),
    ("passive_quoted", "The striker was quoted as saying that the referee had been unfair.",
     ("The striker", "was quoted as saying", ["that the referee had been unfair"], "indirect")),
    ("passive_no_source", "It is believed that the ship sank within minutes.",
     (None, "It is believed", ["that the ship sank within minutes"], "indirect")),
    ("counter_dismissed", "The union dismissed the company's offer as “an insult”.",
     ("The union", "dismissed", ["the company's offer as “an insult”"], "mixed")),
    ("org_metonymy", "The Kremlin said the talks had been productive.",
     ("The Kremlin", "said", ["the talks had been productive"], "indirect")),
    ("ministry_statement",
     "The interior ministry told journalists in a statement that the border would close.",
     ("The interior ministry", "told", ["that the border would close"], "indirect")),
    ("multi_sentence_quote", "“Demand is falling,” the analyst said. “Nobody is buying houses this winter.”",
     ("the analyst", "said", ["“Demand is falling,”", "“Nobody is buying houses this winter.”"],
      "direct")),
    ("document_source", "A study by the institute found that most rivers were polluted.",
     ("A study by the institute", "found", ["that most rivers were polluted"], "indirect")),
    ("allegedly", "The driver allegedly ran a red light.",
     (None, "allegedly", ["The driver", "ran a red light"], "indirect")),
]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "text", "expected"), PHENOMENA, ids=[p[0] for p in PHENOMENA])
def test_phenomenon(name: str, text: str, expected: tuple) -> None:
    assert shape(only(text)) == expected


@pytest.mark.slow
def test_nested_attribution_keeps_only_the_outermost() -> None:
    claim = only("The newspaper reported that the minister had told colleagues the plan was dead.")
    assert shape(claim) == ("The newspaper", "reported",
                            ["that the minister had told colleagues the plan was dead"], "indirect")


@pytest.mark.slow
def test_counter_claim_is_linked_to_the_claim_it_brands() -> None:
    first, second = analyse(
        "Berlin said its envoy had never met the rebels, a claim Warsaw branded a “fabrication”.")
    assert shape(first) == ("Berlin", "said", ["its envoy had never met the rebels"], "indirect")
    assert (second.speaker.text, second.cue.text, second.disputes) == ("Warsaw", "branded", 0)
    assert first.disputes is None


@pytest.mark.slow
def test_passive_rejection_by_an_agent_disputes_the_earlier_claim() -> None:
    claims = analyse("Moscow claimed its troops had taken the village, a claim rejected by "
                     "Kyiv as “propaganda”.")
    assert [(c.speaker.text, c.cue.text, c.disputes) for c in claims] == [
        ("Moscow", "claimed", None), ("Kyiv", "rejected", 0)]


@pytest.mark.slow
def test_a_claim_noun_rejected_in_the_same_sentence_is_kept_and_linked() -> None:
    claims = analyse("Officials rejected Moscow's claim that its troops had reached the river.")
    assert [(c.speaker.text, c.cue.text, c.disputes) for c in claims] == [
        ("Officials", "rejected", 1), ("Moscow's", "claim", None)]
    assert claims[1].content[0].text == "that its troops had reached the river"


@pytest.mark.slow
def test_a_statement_belongs_to_whoever_issued_it() -> None:
    claim = only("The ministry issued a statement that the border would close at noon.")
    assert shape(claim) == ("The ministry", "statement", ["that the border would close at noon"],
                            "indirect")


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Officials say the repairs could take weeks.",
    "Three people familiar with the talks said the deal was close.",
])
def test_vague_and_anonymous_sources_are_kept_and_marked(text: str) -> None:
    claim = only(text)
    assert claim.vague and claim.speaker is not None and claim.speaker_entity is None


@pytest.mark.slow
def test_one_source_with_two_cues_gives_two_claims() -> None:
    claims = analyse("The club announced a new coach and said the old one had resigned.")
    assert [shape(c) for c in claims] == [
        ("The club", "announced", ["a new coach"], "indirect"),
        ("The club", "said", ["the old one had resigned"], "indirect")]


@pytest.mark.slow
def test_pronoun_speaker_resolves_to_the_person_named_before() -> None:
    claim = only("Lena Vogt runs the clinic. “We are short of nurses,” she said.")
    assert shape(claim) == ("she", "said", ["“We are short of nurses,”"], "direct")
    assert claim.speaker_entity == "Lena Vogt"


@pytest.mark.slow
def test_description_speaker_resolves_to_the_organization_named_before() -> None:
    claims = analyse("The Norwegian foreign ministry summoned the envoy. "
                     "The ministry said the remarks were unacceptable.")
    assert [(c.speaker.text, c.speaker_entity) for c in claims] == [
        ("The ministry", "Norwegian foreign ministry")]


@pytest.mark.slow
def test_quote_running_over_paragraphs_is_one_claim() -> None:
    claim = only("“We will rebuild every house. Every single one.\n\n"
                 "“And we will start this week,” the mayor said.")
    assert [c.text for c in claim.content] == [
        "“We will rebuild every house. Every single one.", "“And we will start this week,”"]


@pytest.mark.slow
def test_headline_colon_is_a_cue() -> None:
    claims = analyse("Chancellor: spending cuts are ‘unavoidable’\n\nThe chancellor spoke in Leeds.")
    assert shape(claims[0]) == ("Chancellor", ":", ["spending cuts are ‘unavoidable’"], "mixed")


@pytest.mark.slow
def test_headline_verb_claim() -> None:
    claims = analyse("Rebels claim capture of airport in northern province\n\n"
                     "Fighting continued on Sunday.")
    assert [(c.speaker.text, c.cue.text) for c in claims] == [("Rebels", "claim")]
    assert claims[0].content[0].text.startswith("capture of airport")


@pytest.mark.slow
def test_signed_quotation_is_attributed_to_its_signature() -> None:
    claim = only("“The square belongs to everyone.” ― Maria Lopez\n\nMore voices followed.")
    assert shape(claim) == ("Maria Lopez", "―", ["“The square belongs to everyone.”"], "direct")


@pytest.mark.slow
def test_transcript_turns_are_attributed_to_their_speakers() -> None:
    claims = analyse("HOST: Will you run again?\nMAYOR: I have not decided.\n"
                     "HOST: When will you decide?\nMAYOR: After the summer.")
    assert [(c.speaker.text, c.cue.text, c.content[0].text) for c in claims] == [
        ("HOST", ":", "Will you run again?"), ("MAYOR", ":", "I have not decided"),
        ("HOST", ":", "When will you decide?"), ("MAYOR", ":", "After the summer")]


@pytest.mark.slow
def test_labels_before_colons_are_not_transcripts() -> None:
    claims = analyse("UPDATE: The road is open again.\nLONDON: Trains run as usual.")
    assert [c.cue.text for c in claims] == []


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The so-called “reform package” was discussed after a screening of the documentary "
    "“Silent Rivers”.",
    "Critics of the “green deal” met in a hall called “The Forum”.",
])
def test_scare_quotes_titles_and_so_called_are_not_claims(text: str) -> None:
    assert analyse(text) == []


# ----------------------------------------------------------------- the seed
def seed_text(path: Path) -> str:
    """Title and the six story paragraphs, as the reader analyses them (no celebrity tail)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return lines[0] + "\n\n" + "\n\n".join(lines[1:7])


@pytest.mark.slow
def test_seed_claims(seed_path: Path) -> None:
    claims = analyse(seed_text(seed_path))
    found = {(c.speaker.text if c.speaker else None, c.cue.text): c for c in claims}
    expected = {
        ("Russia", "claims"): ("Russia", "counter-offensive into Ukraine’s Sumy region"),
        ("Russia", "announced"): ("Russia", "it had captured territory in Ukraine´s Sumy region"),
        ("Russia", "claimed"): ("Russia", "the recapture of four new villages"),
        ("The Russian defence ministry", "said"): ("Russian defence ministry",
                                                   "that its forces, in a counter-offensive, had "
                                                   "“liberated” the small village of Novenke"),
        ("Russian President Vladimir Putin", "said"): (
            "Vladimir Putin", "that his forces had entered this part of northeastern Ukraine"),
        ("Kyiv", "branded"): ("Kyiv", "a “lie”"),
    }
    for key, (entity_name, content) in expected.items():
        assert key in found, key
        claim = found[key]
        assert claim.content[0].text.startswith(content), (key, claim.content)
        assert claim.speaker_entity == entity_name, key
    assert found[("The Russian defence ministry", "said")].kind == "mixed"
    assert found[("Russia", "claims")].speaker.start == 0  # the headline's claim
    putin = claims.index(found[("Russian President Vladimir Putin", "said")])
    assert found[("Kyiv", "branded")].disputes == putin
    assert all(c.disputes is None for c in claims if c is not found[("Kyiv", "branded")])
