"""Merge mentions into one entity per referent: "Putin" and "Vladimir Putin", "US" and
"United States", "EU" and "European Union", "Carlyle" and "Carlyle Group", and give each a
canonical name.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from reader.core.model import Entity, EntityType, Mention
from reader.core.nlp.entities.phrases import GENERIC_ORG_WORDS

# Names news uses for a country besides its own; the key is the canonical name.
COUNTRY_ALIASES = {
    "United States": ("US", "U.S.", "USA", "U.S.A.", "America", "United States of America", "the States"),
    "United Kingdom": ("UK", "U.K.", "Britain", "Great Britain"),
    "European Union": ("EU", "E.U."),
    "United Nations": ("UN", "U.N."),
    "Soviet Union": ("USSR", "U.S.S.R."),
    "Russia": ("Russian Federation",),
}
ALIAS_TO_CANONICAL = {alias: name for name, aliases in COUNTRY_ALIASES.items() for alias in aliases}
# Words left out of an acronym: "Organization of the Petroleum Exporting Countries" → OPEC.
ACRONYM_SKIP_WORDS = frozenset({"of", "the", "and", "for", "&", "de", "du", "des", "la", "le", "on", "in"})
# Types whose mentions are merged by name; the rest (dates, amounts) merge only when identical.
NAME_TYPES = frozenset({
    "person", "organization", "place", "group", "event", "work", "product", "law", "language",
})
TITLE_WORD_RE = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady)\.?$")
# Generational suffixes after a surname: "Patrick Carlineo Jr." is Carlineo.
SUFFIX_WORD_RE = re.compile(r"^(?:Jr|Sr|Jnr|Snr)\.?$|^(?:II|III|IV)$")
# Shortest given name taken as a short form of a longer one ("Pat" of "Patrick"; "Al" is too
# short to say).
MIN_SHORT_GIVEN = 3
# An initial, or several run together: "B.", "B", "J.R.".
INITIAL_RE = re.compile(r"^(?:[A-Z]\.?){1,3}$")


@dataclass
class Found:
    """One mention as found: where it is, its type, and the name it reads as in the parse."""

    start: int
    end: int
    type: EntityType
    name: str  # the normalized text of the span ("Kyiv" for the dateline "KYIV")


@dataclass
class Group:
    """The mentions of one referent while merging."""

    type: EntityType
    found: list[Found] = field(default_factory=list)

    def names(self) -> Counter[str]:
        return Counter(f.name for f in self.found)


def merge_key(name: str) -> str:
    """The form two spellings of one name share: "U.S." and "US", "Al Qaeda" and "al-Qaeda"."""
    name = ALIAS_TO_CANONICAL.get(name, name)
    return re.sub(r"[\s.\-']+", "", name).casefold()


def acronym_of(name: str) -> str:
    """The initials of a multi-word name ("European Union" → "EU"), or "" for one word."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.casefold() not in ACRONYM_SKIP_WORDS]
    if len(words) < 2:
        return ""
    return "".join(w[0] for w in words).upper()


def person_parts(name: str) -> list[str]:
    """The words of a person's name without titles or suffixes ("Mr Putin" → ["Putin"],
    "Patrick Carlineo Jr." → ["Patrick", "Carlineo"])."""
    words = [w.rstrip(",") for w in name.split() if not TITLE_WORD_RE.match(w)]
    while len(words) > 1 and SUFFIX_WORD_RE.match(words[-1]):
        words.pop()
    return words


def group_exact(found: list[Found]) -> list[Group]:
    """Groups of mentions with the same type and merge key, in order of first mention."""
    groups: dict[tuple[str, str], Group] = {}
    for f in sorted(found, key=lambda f: f.start):
        key = (f.type, merge_key(f.name) if f.type in NAME_TYPES else f.name)
        groups.setdefault(key, Group(f.type)).found.append(f)
    return list(groups.values())


def absorb(target: Group, source: Group) -> None:
    target.found.extend(source.found)
    source.found.clear()


def short_forms(name: str, kind: str) -> list[str]:
    """The one-word forms that may stand for a multi-word name: any part of a person's name
    (and the last part of a double-barrelled surname),
    the first or last word of an organization's written all in capitals ("Carlyle",
    "Chronicle"; not "Lula" of "Lula administration"), none for others."""
    if kind == "person":
        parts = person_parts(name)
        return [*parts, *parts[-1].split("-")[1:]]  # "Shiong" of "Patrick Soon-Shiong"
    words = name.split()
    if kind == "organization" and len(words) >= 2 and all(w[:1].isupper() or not w.isalpha() for w in words):
        return [w for w in (words[0], words[-1]) if w not in GENERIC_ORG_WORDS]
    return []


def merge_short_names(groups: list[Group]) -> None:
    """A one-word name joins the longer name of the same type it is short for: the only one, or
    for a person the one mentioned most ("Clinton" is Hillary Clinton in a story about her and
    her daughter); an organization's word shared by several names stays their own."""
    for kind in ("person", "organization"):
        same = [g for g in groups if g.type == kind and g.found]
        full = [g for g in same if len(g.names().most_common(1)[0][0].split()) >= 2]
        for short in same:
            parts = person_parts(short.names().most_common(1)[0][0])
            if len(parts) != 1 or not short.found:
                continue
            owners = [g for g in full if g is not short and g.found
                      and any(parts[0] in short_forms(n, kind) for n in g.names())]
            owners.sort(key=lambda g: len(g.found), reverse=True)
            if kind == "organization" and len(owners) > 1:
                continue  # "Apple" before "Apple Arcade" and "Apple Watch Series": the maker of both
            if len(owners) == 1 or owners and len(owners[0].found) > len(owners[1].found):
                absorb(owners[0], short)


def given_names_fit(short: list[str], full: list[str]) -> bool:
    """Whether the given names ``short`` may be another writing of ``full``: initials match
    the initials of the written-out names as far as both go ("B. U." and "Benjamin"), whole
    words appear in order, and the first names agree ("Hillary" never fits "Bill"; "Pat" fits
    "Patrick")."""
    if not short or not full:
        return False
    letters = [w.replace(".", "") for w in short]
    if all(INITIAL_RE.match(w) for w in short):
        initials = "".join(letters)
        common = min(len(initials), len(full))
        return initials[:common] == "".join(w[0] for w in full[:common])
    i = 0
    for word in short:
        while i < len(full) and not fits(word, full[i]):
            i += 1
        if i == len(full):
            return False
        i += 1
    return fits(short[0], full[0])


def fits(word: str, full: str) -> bool:
    """``word`` is ``full``, its initial or its short form ("Pat" of "Patrick")."""
    bare = word.replace(".", "")
    if word == full or (INITIAL_RE.match(word) is not None and len(bare) == 1 and full[0] == bare):
        return True
    return len(word) >= MIN_SHORT_GIVEN and word.isalpha() and len(full) > len(word) and full.startswith(word)


def merge_person_variants(groups: list[Group]) -> None:
    """ "B. U. Nzeribe" and "Benjamin Nzeribe" are one person: same surname, given names that
    fit together; "Hillary Clinton" and "Bill Clinton" stay two."""
    people = [g for g in groups if g.type == "person" and g.found]
    by_surname: dict[str, list[tuple[Group, list[str]]]] = {}
    for g in people:
        parts = person_parts(g.names().most_common(1)[0][0])
        if len(parts) >= 2:
            for surname in surname_keys(parts[-1]):
                by_surname.setdefault(surname, []).append((g, parts[:-1]))
    for same in by_surname.values():
        same.sort(key=lambda item: (-fullness(item[1]), -len(item[0].found)))
        for i, (short, given) in enumerate(same):
            for owner, owner_given in same[:i]:
                if owner.found and short.found and (given_names_fit(given, owner_given)
                                                    or given_names_fit(owner_given, given)):
                    absorb(owner, short)
                    break


def surname_keys(surname: str) -> set[str]:
    """A surname and, if it is double-barrelled, its last part: "Ben Bruce" may be
    "Ben Murray-Bruce"."""
    return {surname, surname.rsplit("-", 1)[-1]}


def fullness(given: list[str]) -> int:
    """How fully given names are written: whole words count, initials do not."""
    return sum(1 for w in given if not INITIAL_RE.match(w))


def merge_acronyms(groups: list[Group]) -> None:
    """An acronym joins the multi-word name of the same type it abbreviates."""
    by_acronym: dict[tuple[str, str], Group] = {}
    for g in groups:
        for name in g.names():
            initials = acronym_of(name)
            if initials:
                by_acronym.setdefault((g.type, initials), g)
    for g in groups:
        if not g.found:
            continue
        name = g.names().most_common(1)[0][0]
        owner = by_acronym.get((g.type, name.replace(".", "")))
        if owner is not None and owner is not g and owner.found:
            absorb(owner, g)


def canonical_name(group: Group) -> str:
    """The usual name of a country the story uses, else its fullest name: most words, then
    most frequent, then earliest."""
    counts = group.names()
    usual = {ALIAS_TO_CANONICAL.get(name, name) for name in counts}
    if len(usual) == 1 and (known := usual.pop()) in counts and known in COUNTRY_ALIASES:
        return known  # "Russia", not "Russian Federation"
    order = {name: i for i, name in reversed(list(enumerate(f.name for f in group.found)))}
    return max(counts, key=lambda n: (whole_words(n) if group.type in NAME_TYPES else 0,
                                      counts[n], -order[n]))


def whole_words(name: str) -> int:
    """How many words of a name are written out: "Benjamin Nzeribe" over "B. U. Nzeribe"."""
    return sum(1 for w in name.split() if not INITIAL_RE.match(w))


def to_entity(group: Group, text: str) -> Entity:
    """The merged entity: canonical name, other names, every mention quoting ``text``."""
    name = canonical_name(group)
    found = sorted(group.found, key=lambda f: f.start)
    aliases = tuple(dict.fromkeys(f.name for f in found if f.name != name))
    mentions = tuple(Mention(f.start, f.end, text[f.start:f.end]) for f in found)
    return Entity(name=name, type=group.type, aliases=aliases, mentions=mentions)


def merge_subtitles(groups: list[Group]) -> None:
    """A work's subtitle alone joins the title it ends: "Fallen Order" and "Star Wars Jedi:
    Fallen Order"."""
    works = [g for g in groups if g.type == "work" and g.found]
    by_subtitle = {name.split(": ", 1)[1]: g for g in works for name in g.names() if ": " in name}
    for g in works:
        owner = by_subtitle.get(g.names().most_common(1)[0][0])
        if owner is not None and owner is not g:
            absorb(owner, g)


def merge_mentions(found: list[Found], text: str) -> list[Entity]:
    """One entity per referent, in order of first mention."""
    groups = group_exact(found)
    merge_person_variants(groups)
    merge_short_names(groups)
    merge_acronyms(groups)
    merge_subtitles(groups)
    kept = [g for g in groups if g.found]
    kept.sort(key=lambda g: min(f.start for f in g.found))
    return [to_entity(g, text) for g in kept]
