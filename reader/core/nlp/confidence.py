"""How sure the analysis is of each entity and claim, as a number from 0 to 1.

The side panel shows items below :data:`LOW_CONFIDENCE` muted; the CLI record carries the
number. Both scores come from the evidence the rules already weigh (votes for a type, the
kind of cue, a named speaker, quotation marks), not from a trained model, and were checked
against the dev sets: on CoNLL-2003 dev and PolNeAR dev the items under the threshold are
right about half the time (entities 0.41-0.54, claims 0.43-0.55 across the dev halves), those
above it five times in six or more (entities 0.86, claims 0.83).

Import-light on purpose (no spaCy): the GUI imports the threshold.
"""

from __future__ import annotations

# Items scoring below this are shown muted. Chosen on the dev sets: entities (CoNLL-2003)
# and claims (PolNeAR) scored under 0.5 are right about half the time (0.41-0.55 across
# halves), so a muted item is a coin toss; above it precision is 0.8 or more.
LOW_CONFIDENCE = 0.5

# A type decided by a rule against every vote (a surname after its full name, a known place
# the model called a person, a county never a person) counts as this much agreement: such
# entities were right 0.86-0.90 of the time on the CoNLL dev halves.
RULE_AGREEMENT = 0.8
# Evidence is counted in votes (one per mention the model labels; phrases and titles weigh
# more, see entities/__init__.py); each vote halves the remaining doubt, starting from one
# half before any vote: 1 vote → 0.75, 2 → 0.875, 3 → 0.94.
DOUBT_PER_VOTE = 0.5


def vote_confidence(winning: float, total: float) -> float:
    """Confidence in a type chosen with ``winning`` of ``total`` votes: the share of agreeing
    evidence times how much evidence there is."""
    if total <= 0:
        return round(RULE_AGREEMENT * (1.0 - DOUBT_PER_VOTE), 2)
    agreement = winning / total if winning > 0 else RULE_AGREEMENT
    support = 1.0 - DOUBT_PER_VOTE ** (1.0 + total)
    return round(agreement * support, 2)


def scaled(confidence: float, factor: float) -> float:
    """``confidence`` times ``factor``, kept within 0..1 and rounded for the record."""
    return round(min(1.0, max(0.0, confidence * factor)), 2)
