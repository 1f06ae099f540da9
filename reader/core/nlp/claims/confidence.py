"""How sure Sift is that a claim is an attribution it has read right: the kind of cue, the
voice of the speaker, quotation marks.

Each figure is the share of such claims that matched an annotated attribution on the PolNeAR
dev set (claim-level, rounded; the same on both halves within about 0.05): "said" with a
quotation is nearly always right, a cue noun with no named owner seldom is.
"""

from __future__ import annotations

from reader.core.model import ClaimKind
from reader.core.nlp.claims.cues import (
    ATTITUDE_ADJECTIVES,
    CUE_NOUNS,
    EVALUATION_VERBS,
    HEARSAY_ADVERBS,
    SPEECH_VERBS,
)
from reader.core.nlp.claims.spans import Draft
from reader.core.nlp.confidence import scaled

# The plainest verbs of saying: matched 0.89 of the time on PolNeAR dev.
SAYING_LEMMAS = frozenset(("say", "tell", "add", "write", "state", "claim", "announce", "insist",
                           "warn", "explain", "note", "argue", "report"))
# Base confidence by cue: measured precision on PolNeAR dev (layout: signed quotations,
# transcripts and headline colons; "according to"; other verbs of saying 0.63, judging 0.70,
# belief and intention 0.58, attitude adjectives 0.78 on few, cue nouns 0.29).
SAYING_CONFIDENCE = 0.9
LAYOUT_CONFIDENCE = 0.9
SPEECH_CONFIDENCE = 0.65
EVALUATION_CONFIDENCE = 0.7
BELIEF_CONFIDENCE = 0.6
ATTITUDE_CONFIDENCE = 0.7
HEARSAY_CONFIDENCE = 0.7
NOUN_CONFIDENCE = 0.35
# Factors: a whole quotation as content (direct 0.93, mixed 0.84 against indirect 0.69); a
# speaker that resolves to no entity (0.57 against 0.82 named); an infinitive or "-ing" cue
# (0.38 and 0.53 against 0.81 finite); no speaker at all (0.23).
DIRECT_FACTOR = 1.1
UNRESOLVED_SPEAKER_FACTOR = 0.8
INFINITIVE_FACTOR = 0.6
PARTICIPLE_FACTOR = 0.8
NO_SPEAKER_FACTOR = 0.6


def cue_confidence(draft: Draft, cue_text: str) -> float:
    """The base confidence of a claim by what kind of word cues it."""
    lemma = draft.lemma
    if lemma in (":", "―", "according to"):
        return LAYOUT_CONFIDENCE
    if lemma in SAYING_LEMMAS:
        return SAYING_CONFIDENCE
    if lemma in SPEECH_VERBS:
        return SPEECH_CONFIDENCE
    if lemma in EVALUATION_VERBS:
        return EVALUATION_CONFIDENCE
    if lemma in ATTITUDE_ADJECTIVES:
        return ATTITUDE_CONFIDENCE
    if lemma in HEARSAY_ADVERBS:
        return HEARSAY_CONFIDENCE
    if cue_text.lower() in CUE_NOUNS:
        return NOUN_CONFIDENCE
    return BELIEF_CONFIDENCE


def claim_confidence(draft: Draft, cue_text: str, kind: ClaimKind, entity: str | None) -> float:
    """Confidence (0..1) of one claim."""
    confidence = cue_confidence(draft, cue_text)
    words = cue_text.lower().split()
    if kind != "indirect":
        confidence *= DIRECT_FACTOR
    if draft.speaker is None:
        confidence *= NO_SPEAKER_FACTOR
    elif entity is None:
        confidence *= UNRESOLVED_SPEAKER_FACTOR
    if "to" in words[:-1]:
        confidence *= INFINITIVE_FACTOR
    elif words and words[-1].endswith("ing"):
        confidence *= PARTICIPLE_FACTOR
    return scaled(confidence, 1.0)
