"""Which sources a story leans on: who is quoted or paraphrased and how often, direct versus
reported, named versus anonymous, people versus organizations versus documents.

Works on an article's claims (:class:`~reader.core.model.Claim`), so it needs no model of its own:
the claims finder already marks vague speakers ("officials said"); this module adds the
anonymity that sits outside the speaker phrase ("…, a person who asked not to be named, said")
and the kind of source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from reader.core.model import Analysis, Claim, Entity, Span

SourceType = Literal["person", "organization", "document", "anonymous", "other"]
# The name of the "source" of claims that name none (a cue with no speaker).
UNATTRIBUTED = "unattributed"
SOURCE_TYPES: tuple[SourceType, ...] = ("person", "organization", "document", "anonymous", "other")
# Speakers that name no one by themselves: a pronoun the claims finder could not resolve to a
# named entity ("I said", "you say", "he added") is no source a reader can look up; the writer
# of a first-person column is the byline, not "I".
PRONOUN_SPEAKERS = frozenset((
    "i", "me", "we", "us", "you", "he", "him", "she", "her", "they", "them", "it", "one",
    "myself", "ourselves", "yourself", "yourselves", "himself", "herself", "themselves", "itself",
))

# Heads of a speaker phrase that name a document, not a person ("the report said").
DOCUMENT_HEADS = frozenset((
    "report", "reports", "statement", "statements", "study", "survey", "document", "documents", "filing",
    "filings", "memo", "letter", "analysis", "poll", "data", "records", "papers", "indictment", "complaint",
    "lawsuit", "ruling", "release", "assessment", "review", "audit", "transcript", "email", "emails",
    "cable", "minutes", "findings", "guidance", "estimate", "estimates", "figures", "census",
))
# Speaker phrases that keep the source unnamed, whatever the claims finder decided.
ANONYMOUS_SPEAKER = re.compile(
    r"\b(officials?|sources?|insiders?|aides?|people|persons?|someone|diplomats?|spokesperson|"
    r"spokes(?:man|woman)|an? (?:senior |top |local |western |european |us |u\.s\. )?"
    r"(?:official|source|aide|diplomat|officer|employee|executive|staffer|adviser|advisor))\b",
    re.IGNORECASE)
# Phrases near a claim that say its source is withheld.
ANONYMITY_MARKERS = re.compile(
    r"\b(on (?:the )?condition of anonymity|(?:asked|declined|wished) not to be (?:named|identified)|"
    r"declined to be (?:named|identified)|not authori[sz]ed to (?:speak|comment|discuss)|"
    r"familiar with the (?:matter|situation|talks|discussions|plans?|case|negotiations|deal|thinking)|"
    r"briefed on the|with knowledge of the|speaking anonymously|who requested anonymity|"
    r"according to (?:unnamed |anonymous )?sources|(?:unnamed|anonymous) (?:sources?|officials?|people))\b",
    re.IGNORECASE)
# How far around a claim (characters) an anonymity marker may belong to it, at most: within the
# claim's own sentence, which is usually shorter.
MARKER_REACH = 160
# The end of a sentence: terminal punctuation, maybe a closing quote, then a space.
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s")
ORGANIZATION_TYPES = frozenset(("organization", "place", "group"))


@dataclass
class SourceTally:
    """One source of a story: how often it is quoted (direct) or paraphrased (reported)."""

    name: str
    type: SourceType
    direct: int = 0
    reported: int = 0
    anonymous: bool = False
    spans: list[Span] = field(default_factory=list)  # where the source is named (or the cue)

    @property
    def claims(self) -> int:
        return self.direct + self.reported


@dataclass
class StorySources:
    sources: list[SourceTally]
    anonymous: list[Span]
    unattributed: int = 0  # claims with no source to name (no speaker, or an unresolved pronoun)

    @property
    def anonymous_share(self) -> float:
        total = sum(s.claims for s in self.sources)
        return sum(s.claims for s in self.sources if s.anonymous) / total if total else 0.0


def is_anonymous(text: str, claim: Claim) -> bool:
    """Does the claim rest on a source the story does not name?"""
    if claim.vague:
        return True
    if claim.speaker_entity:
        return False
    speaker = claim.speaker.text if claim.speaker is not None else ""
    if speaker and ANONYMOUS_SPEAKER.search(speaker) and not has_proper_name(speaker):
        return True
    spans = [claim.cue, *claim.content, *([claim.speaker] if claim.speaker else [])]
    start, end = sentence_around(text, min(s.start for s in spans), max(s.end for s in spans))
    return ANONYMITY_MARKERS.search(text, start, end) is not None


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch from the sentence start before ``start`` to the sentence end after ``end``,
    within :data:`MARKER_REACH` characters either side."""
    low = max(0, start - MARKER_REACH)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, low, start)]
    after = _SENTENCE_END.search(text, max(end - 1, 0), min(len(text), end + MARKER_REACH))
    return (ends[-1] if ends else low), (after.end() if after else min(len(text), end + MARKER_REACH))


def has_proper_name(phrase: str) -> bool:
    """A capitalized word after the first (a name: "spokesman Dmitry Peskov")."""
    words = phrase.split()
    return any(w[:1].isupper() and w.lower() not in {"us", "u.s.", "eu", "un"} for w in words[1:])


def source_type(claim: Claim, anonymous: bool, entities: dict[str, Entity]) -> SourceType:
    if anonymous:
        return "anonymous"
    entity = entities.get(claim.speaker_entity or "")
    if entity is not None:
        if entity.type == "person":
            return "person"
        return "organization" if entity.type in ORGANIZATION_TYPES else "other"
    if claim.speaker is None:
        return "other"
    head = claim.speaker.text.split()[-1].lower().strip(".,;:'’\"”") if claim.speaker.text.split() else ""
    return "document" if head in DOCUMENT_HEADS else "other"


def source_name(claim: Claim) -> str:
    if claim.speaker_entity:
        return claim.speaker_entity
    if claim.speaker is not None:
        return " ".join(claim.speaker.text.split())
    return UNATTRIBUTED


def has_source(claim: Claim) -> bool:
    """Whether the claim names a source a reader could look up: a resolved entity or a speaker
    phrase that is more than a pronoun ("the report", "a person who asked not to be named")."""
    if claim.speaker_entity:
        return True
    if claim.speaker is None:
        return False
    return claim.speaker.text.strip().strip(".,;:'’\"”").casefold() not in PRONOUN_SPEAKERS


def tally_sources(text: str, analysis: Analysis) -> StorySources:
    """The story's sources, most cited first, and where its anonymous sources are. Claims with
    no source to name are counted apart (``unattributed``), not listed as a source."""
    entities = {e.name: e for e in analysis.entities}
    tallies: dict[str, SourceTally] = {}
    anonymous_spans: list[Span] = []
    unattributed = 0
    for claim in analysis.claims:
        if not has_source(claim):
            unattributed += 1
            continue
        anonymous = is_anonymous(text, claim)
        name = source_name(claim)
        key = name.casefold()
        tally = tallies.get(key)
        if tally is None:
            tally = tallies[key] = SourceTally(name, source_type(claim, anonymous, entities))
        tally.anonymous = tally.anonymous or anonymous
        if claim.kind == "indirect":
            tally.reported += 1
        else:  # direct and mixed quotes carry the source's own words
            tally.direct += 1
        where = claim.speaker or claim.cue
        tally.spans.append(where)
        if anonymous:
            anonymous_spans.append(where)
    ordered = sorted(tallies.values(), key=lambda t: (-t.claims, t.name.casefold()))
    return StorySources(ordered, anonymous_spans, unattributed)


def merge_tallies(stories: Iterable[StorySources]) -> list[SourceTally]:
    """Sources across a selection of articles or a site, summed by name."""
    merged: dict[str, SourceTally] = {}
    for story in stories:
        for t in story.sources:
            into = merged.setdefault(t.name.casefold(), SourceTally(t.name, t.type))
            into.direct += t.direct
            into.reported += t.reported
            into.anonymous = into.anonymous or t.anonymous
    return sorted(merged.values(), key=lambda t: (-t.claims, t.name.casefold()))


def type_counts(tallies: Sequence[SourceTally]) -> dict[SourceType, int]:
    """Claims per kind of source (for the at-a-glance bars)."""
    counts: dict[SourceType, int] = dict.fromkeys(SOURCE_TYPES, 0)
    for t in tallies:
        counts[t.type] += t.claims
    return counts
