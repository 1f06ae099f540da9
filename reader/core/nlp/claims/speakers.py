"""Which entity a claim's speaker is: a name, a pronoun or a description ("the ministry").

A name is the entity whose mention covers the speaker's head word. A pronoun goes to the
nearest entity mentioned before it that fits: a person of a compatible gender for he/she,
an organization, place or group for it/they. A description goes to the nearest entity named
before whose name contains the description's head ("the ministry" -> "Russian defence
ministry") or, for titles, whose mention follows that title ("the president" -> "President X").
Works with an empty entity list (everything then resolves to None).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.core.model import Entity
from reader.core.nlp.claims.cues import (
    FEMALE_NAMES,
    FEMALE_PRONOUNS,
    FEMALE_TITLES,
    GROUP_PRONOUNS,
    MALE_NAMES,
    MALE_PRONOUNS,
    MALE_TITLES,
    PERSON_PRONOUNS,
    RELATIVE_PRONOUNS,
    VAGUE_SOURCE_HEADS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from reader.core.nlp.claims.quotes import QuoteIndex

SPEAKER_TYPES = frozenset(("person", "organization", "place", "group"))
COLLECTIVE_TYPES = frozenset(("organization", "place", "group"))
# How far back (characters) a pronoun or description may reach for its entity: a few
# paragraphs of news prose; further back the nearest fitting entity is usually wrong.
MAX_ANTECEDENT_DISTANCE = 1500
# How far back (characters, about two sentences) a person of known matching gender is
# preferred to a nearer person whose gender is unknown.
KNOWN_GENDER_REACH = 300
# How many characters before a person's mention a title word may stand ("President Donald").
TITLE_WINDOW = 40
_WORD = re.compile(r"[\w.]+")
# Nouns that stand for an entity of one type named earlier: "the company said" is the company
# last named, "the minister said" (when no minister was named as such) the person last named.
ORGANIZATION_NOUNS = (
    "company", "firm", "group", "ministry", "agency", "bank", "party", "union", "council",
    "club", "charity", "department", "commission", "organisation", "organization", "carmaker",
    "automaker", "retailer", "airline", "insurer", "lender", "regulator", "broadcaster",
    "newspaper", "publisher", "manufacturer", "startup", "university", "committee", "board",
    "court", "watchdog", "network", "league", "federation", "association", "institute",
)
PLACE_NOUNS = ("country", "city", "state", "region", "province", "town", "village", "capital")
PERSON_NOUNS = (
    "minister", "president", "spokesman", "spokeswoman", "spokesperson", "senator", "mayor",
    "governor", "chairman", "chairwoman", "chair", "chief", "director", "leader", "premier",
    "secretary", "ambassador", "judge", "lawmaker", "candidate", "nominee", "executive",
    "founder", "coach", "manager", "engineer", "economist", "analyst", "official", "actor",
    "singer", "author", "player", "commander", "general", "prosecutor", "lawyer", "doctor",
)
NOMINAL_TYPES = {**dict.fromkeys(ORGANIZATION_NOUNS, "organization"),
                 **dict.fromkeys(PLACE_NOUNS, "place"), **dict.fromkeys(PERSON_NOUNS, "person")}


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    entity: Entity


class SpeakerResolver:
    """Resolves speakers of one document against its entities."""

    def __init__(self, doc: Doc, text: str, entities: Sequence[Entity],
                 quotes: QuoteIndex | None = None) -> None:
        self.text = text
        self.mentions = sorted(
            (_Mention(m.start, m.end, e) for e in entities if e.type in SPEAKER_TYPES
             for m in e.mentions), key=lambda m: m.start)
        # "“Heads needed to roll the day Epstein died,” he said": a name inside quoted speech
        # is what someone says, never whom a later "he" continues
        self._narrated = [m for m in self.mentions
                          if quotes is None or not _in_speech(quotes, m.start)]
        self._narrated_starts = [m.start for m in self._narrated]
        self._starts = [m.start for m in self.mentions]
        self.gender = _infer_genders(doc, self.mentions, text)
        self.subjects = _subject_mentions(doc, self.mentions)

    def resolve(self, head: Token, span: tuple[int, int]) -> tuple[str | None, bool]:
        """(entity name or None, vague) for the speaker phrase ``span`` headed by ``head``."""
        low = head.lower_
        named = self._covering(head.idx, head.idx + len(head.text))
        if named is not None:
            return named.name, False
        if low in PERSON_PRONOUNS or low in GROUP_PRONOUNS or low in RELATIVE_PRONOUNS:
            return self._antecedent(span[0], low), False
        if low in VAGUE_SOURCE_HEADS and not _is_definite_singular(head):
            return None, True
        inner = [m for m in self._within(*span) if m.entity.type != "group"]
        head_end = head.idx + len(head.text)
        named_after = [m for m in inner if not self.text[head_end:m.start].strip()]
        if named_after:  # "the Dutch environmental group Natuurmonumenten": the name it heads
            return named_after[0].entity.name, False
        described = self._described(span[0], head)
        if described is not None:
            return described, False
        kind = NOMINAL_TYPES.get(low)
        if kind is not None and _is_definite_singular(head):
            return self._nearest_of_type(span[0], kind), False
        return (inner[-1].entity.name if inner else None), False

    def _covering(self, start: int, end: int) -> Entity | None:
        for m in self._within(start - 200, end + 200):
            if m.start <= start and end <= m.end:
                return m.entity
        return None

    def _within(self, start: int, end: int) -> list[_Mention]:
        i = bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def _before(self, pos: int) -> list[_Mention]:
        """Mentions outside quoted speech ending before ``pos`` within reach, nearest first."""
        lo = bisect_left(self._narrated_starts, pos - MAX_ANTECEDENT_DISTANCE)
        hi = bisect_left(self._narrated_starts, pos)
        return [m for m in reversed(self._narrated[lo:hi]) if m.end <= pos]

    def _antecedent(self, pos: int, pronoun: str) -> str | None:
        """The nearest fitting entity before ``pos``; for he/she, a person whose gender is
        known to match beats a nearer one of unknown gender within the last sentences."""
        wanted = "m" if pronoun in MALE_PRONOUNS else "f" if pronoun in FEMALE_PRONOUNS else None
        unknown: str | None = None
        for m in self._before(pos):
            if unknown is not None and m.entity.name != unknown and pos - m.end <= KNOWN_GENDER_REACH \
                    and m.start in self.subjects and m.entity.type == "person" \
                    and self.gender.get(m.entity.name) is None and pronoun not in GROUP_PRONOUNS:
                unknown = m.entity.name  # the subject of the last sentences is what "she" continues
            if pronoun in GROUP_PRONOUNS:
                if m.entity.type in COLLECTIVE_TYPES:
                    return m.entity.name
                continue
            if m.entity.type != "person":
                continue
            known = self.gender.get(m.entity.name)
            if wanted is None or known == wanted:
                if unknown is None or pos - m.end <= KNOWN_GENDER_REACH:
                    return m.entity.name
                return unknown
            if known is None and unknown is None:
                unknown = m.entity.name
        return unknown

    def _nearest_of_type(self, pos: int, kind: str) -> str | None:
        """ "The company said": the nearest entity of that type named before."""
        return next((m.entity.name for m in self._before(pos) if m.entity.type == kind), None)

    def _described(self, pos: int, head: Token) -> str | None:
        word = head.lower_
        if len(word) < 3 or not head.text.isalpha():
            return None
        for m in self._before(pos):
            if word in m.entity.name.lower().split():
                return m.entity.name
            if m.entity.type == "person" and not _is_plural(word) \
                    and self._titled(word, m.start):
                return m.entity.name
        return None

    def _titled(self, word: str, start: int) -> bool:
        """Whether title ``word`` heads the words just before a person's mention ("President
        Donald", "Secretary of State John"): only capitalised words, "of" or "the" may stand
        between ("prosecutors alleged that Tova Noel" names no prosecutor)."""
        words = _WORD.findall(self.text[max(0, start - TITLE_WINDOW):start])
        lowered = [w.lower() for w in words]
        if word not in lowered:
            return False
        between = words[len(lowered) - 1 - lowered[::-1].index(word) + 1:]
        return all(w[:1].isupper() or w in ("of", "the") for w in between)


def _in_speech(quotes: QuoteIndex, pos: int) -> bool:
    quote = quotes.at(pos)
    return quote is not None and quote.is_speech


def _subject_mentions(doc: Doc, mentions: list[_Mention]) -> set[int]:
    """Starts of the mentions that are the subject of their clause ("Lina Okafor welcomed ...")."""
    starts = set()
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and span.root.dep_ in ("nsubj", "nsubjpass"):
            starts.add(m.start)
    return starts


def _is_plural(word: str) -> bool:
    """ "prosecutors", "officials": a plural description names no one person."""
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _is_definite_singular(head: Token) -> bool:
    """ "the analyst" is someone in particular; "an analyst", "analysts" are not."""
    return not head.lower_.endswith("s") and any(
        c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "one", "some", "any")
        for c in head.lefts)


def _infer_genders(doc: Doc, mentions: list[_Mention], text: str) -> dict[str, str]:
    """A person's gender from a title or a gendered noun just before a mention ("Mr.",
    "spokeswoman"), else from a common given name."""
    gender: dict[str, str] = {}
    for m in mentions:
        if m.entity.type != "person" or m.entity.name in gender:
            continue
        words = _WORD.findall(text[max(0, m.start - 20):m.start].lower())
        first = m.entity.name.split()[0].lower()
        if (words and words[-1] in MALE_TITLES) or first in MALE_NAMES:
            gender[m.entity.name] = "m"
        elif (words and words[-1] in FEMALE_TITLES) or first in FEMALE_NAMES:
            gender[m.entity.name] = "f"
    return gender
