"""How the Entities tab orders things: groups by type, prominence, the filter. Pure functions."""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.model import Claim, Entity
from reader.core.nlp.confidence import LOW_CONFIDENCE

# (group title, entity types), in the order the panel shows them; unlisted types go to "Other".
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("People", ("person",)),
    ("Organizations", ("organization",)),
    ("Places", ("place",)),
    ("Groups", ("group",)),
    ("Dates", ("date", "time")),
)
OTHER_GROUP = "Other"
# A name in the title or the lead counts as much as two more mentions: news puts the main actors
# first, and with two the lead actor outranks an entity mentioned once or twice more further down.
LEAD_BONUS = 2


def group_title(entity_type: str) -> str:
    for title, types in GROUPS:
        if entity_type in types:
            return title
    return OTHER_GROUP


def group_titles() -> list[str]:
    return [title for title, _ in GROUPS] + [OTHER_GROUP]


def first_start(entity: Entity) -> int:
    return min((m.start for m in entity.mentions), default=1 << 62)


def prominence(entity: Entity, lead_end: int) -> int:
    """Mentions, plus a bonus when the entity appears in the title or the lead."""
    return len(entity.mentions) + (LEAD_BONUS if first_start(entity) < lead_end else 0)


def grouped_entities(entities: Sequence[Entity], lead_end: int) -> dict[str, list[int]]:
    """Entity indices by group title, each group most prominent first (ties: earliest first)."""
    groups: dict[str, list[int]] = {title: [] for title in group_titles()}
    for i, entity in enumerate(entities):
        groups[group_title(entity.type)].append(i)
    for members in groups.values():
        members.sort(key=lambda i: (-prominence(entities[i], lead_end),
                                    first_start(entities[i]), entities[i].name))
    return {title: members for title, members in groups.items() if members}


def matches_filter(entity: Entity, needle: str) -> bool:
    """Whether the filter text occurs in the entity's name or one of its aliases."""
    needle = needle.strip().casefold()
    return not needle or any(needle in n.casefold() for n in (entity.name, *entity.aliases))


def quoted_names(claims: Sequence[Claim]) -> set[str]:
    """Canonical names of the entities that speak in at least one claim."""
    return {c.speaker_entity for c in claims if c.speaker_entity}


# Ordinals and small cardinals ("first", "four", "12") that the model tags as numbers: in news they
# are counts in passing ("the first time", "four people"), not things to follow through the story.
SMALL_NUMBER_WORDS = frozenset((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "a",
    "dozen", "dozens"
))
ORDINAL_WORDS = frozenset((
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth",
    "seventieth", "eightieth", "ninetieth", "hundredth", "last"
))
# Bare figures below this are small; 100 and up ("250", "1,400") usually carry the news.
SMALL_NUMBER_LIMIT = 100
ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")


def is_minor_number(entity: Entity) -> bool:
    """An ordinal or a bare small number, hidden from the panel unless the reader asks for them."""
    if entity.type != "number":
        return False
    words = entity.name.casefold().replace("-", " ").split()
    if not words:
        return True
    if all(w in SMALL_NUMBER_WORDS or w in ORDINAL_WORDS for w in words):
        return True
    if len(words) != 1:
        return False
    figure = words[0].replace(",", "")
    for suffix in ORDINAL_SUFFIXES:
        if figure.endswith(suffix) and figure[: -len(suffix)].isdigit():
            return True  # 1st, 22nd, 103rd: ordinals are never the subject
    return figure.isdigit() and int(figure) < SMALL_NUMBER_LIMIT


def confidence_of(item: Entity | Claim) -> float:
    """The analysis's confidence in an entity or claim (below the core's LOW_CONFIDENCE: muted)."""
    return float(item.confidence)


def is_low_confidence(item: Entity | Claim) -> bool:
    return confidence_of(item) < LOW_CONFIDENCE
