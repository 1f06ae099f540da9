"""Names the model misses that a phrase gives away: "the Russian defence ministry",
"the Trump administration", "the village of Novenke", "the Sumy region".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from reader.core.nlp.entities.span_cleanup import CALENDAR_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Heads of a lower-case organization phrase anchored by a nationality or a place.
ORG_HEADS = frozenset({"ministry", "department", "agency", "commission", "directorate", "inspectorate"})
# Heads anchored by a person's name or a nationality: "the Trump administration".
# ("the Israeli government" is left alone: news names few governments as organizations.)
GOVERNMENT_HEADS = frozenset({"administration"})
# Lower-case words between the anchor and the head: "the Russian defence ministry".
ORG_MODIFIERS = frozenset({
    "defence", "defense", "foreign", "interior", "finance", "economy", "economic", "health", "justice",
    "education", "energy", "agriculture", "trade", "transport", "labour", "labor", "environment",
    "emergencies", "emergency", "culture", "industry", "security", "intelligence", "information",
    "state", "federal", "national", "home", "war", "navy", "space", "tax", "customs", "border",
    "immigration", "police", "news", "statistics", "nuclear", "atomic", "central",
})
# Nouns after "of" that make the following name a place: "the village of Novenke".
PLACE_OF_NOUNS = frozenset({
    "village", "town", "city", "region", "province", "district", "oblast", "county", "state",
    "port", "island", "capital", "municipality", "republic", "settlement", "hamlet", "suburb",
})
# Nouns after a name that make it a place: "the Sumy region", "the Yobe North constituency".
PLACE_AFTER_NOUNS = frozenset({
    "region", "province", "district", "oblast", "county", "governorate", "prefecture",
    "constituency", "ward", "riding", "municipality", "canton", "commune",
})
# Lower-case words between such a name and its noun: "Yobe North senatorial district".
PLACE_MODIFIERS = frozenset({
    "senatorial", "federal", "electoral", "parliamentary", "congressional", "legislative",
    "local", "administrative", "municipal", "assembly", "voting", "border", "autonomous",
    "government", "area", "council",
})
# Lower-case nouns after a name that make it a structure, i.e. a place (a facility), not an
# organization: "the Maeslant barrier", "the Kakhovka dam", "the Kerch bridge". (Not "plant",
# "mine", "tower" or "pipeline": "the Ford plant", "the Gazprom pipeline" name their owners.)
STRUCTURE_NOUNS = frozenset({
    "barrier", "bridge", "dam", "tunnel", "canal", "dyke", "dike", "levee", "reservoir",
    "airport", "airbase", "stadium", "harbour", "harbor", "pier", "motorway", "highway",
    "expressway", "sluice", "embankment", "crossing", "checkpoint",
})

ANCHOR_LABELS = frozenset({"NORP", "GPE", "LOC"})
PERSON_ANCHOR_LABELS = frozenset({"PERSON", "NORP", "GPE"})
NEWSPAPER_WORDS = frozenset({"Times", "Post", "Journal", "Herald", "Tribune", "Gazette", "Chronicle"})
# Last words that make a name an organization's: "Pirelli SpA", "Dhaka Stock Exchange" (not
# "Bank": the West Bank is a place).
ORG_LAST_WORDS = frozenset({
    "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Co", "Co.", "Company", "Ltd", "Ltd.", "Limited",
    "Plc", "PLC", "plc", "SpA", "AG", "SA", "NV", "BV", "GmbH", "LLC", "LLP", "Group", "Holdings",
    "Bancorp", "Airlines", "Airways", "Motors", "Industries", "Technologies", "Systems",
    "Securities", "Insurance", "Exchange", "Ministry", "Agency", "Commission", "Council", "Committee",
    "Party", "Union", "Association", "Federation", "Institute", "University", "College", "Foundation",
    "Department", "Bureau", "Authority", "Organisation", "Organization", "Front", "Movement", "Army",
    "Police", "Court", "Parliament", "Assembly", "Senate", "Congress",
    "Productions", "Studios", "Entertainment", "Interactive", "Robotics", "Aerospace", "Labs",
    "Laboratories", "Pharmaceuticals", "Ventures", "Works",
}) | NEWSPAPER_WORDS
# Last words that say "organization" but name none alone ("the Group", "the Party"); a
# newspaper's last word does ("the Post" after "The New York Post").
GENERIC_ORG_WORDS = ORG_LAST_WORDS - NEWSPAPER_WORDS
# First words that make a name "X of Y" an organization's: "Bank of England", "Ministry of Defence".
ORG_FIRST_WORDS = frozenset({
    "Bank", "Ministry", "Department", "University", "Council", "Commission", "Bureau", "Office",
    "Court", "Federation", "Association", "Union", "Institute", "Board", "Church", "House",
})
# Lower-case nouns that describe the name right after them as an organization's: "the
# environmental group Natuurmonumenten", "the carmaker Volkswagen", "the charity Oxfam".
ORG_DESCRIPTOR_NOUNS = frozenset({
    "group", "company", "firm", "charity", "organisation", "organization", "agency", "party",
    "union", "bank", "lender", "insurer", "airline", "carmaker", "automaker", "broadcaster",
    "newspaper", "retailer", "manufacturer", "conglomerate", "regulator", "watchdog", "club",
    "startup", "start-up", "chain", "publisher", "network", "band", "ngo", "think-tank", "militia",
})
# Labels of names a descriptor never makes an organization: "the company Tuesday reported".
NOT_DESCRIBED_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
# Labels of a name that is no structure's even before a structure noun: "the Trump bridge plan".
NOT_STRUCTURE_LABELS = NOT_DESCRIBED_LABELS | {"PERSON", "NORP"}
# What stands between the items of a list of names, and the labels whose lists are followed.
LIST_SEPARATORS = frozenset({",", "and", "or", "&"})
LIST_EDGES = LIST_SEPARATORS | {":", ";", ".", "(", ")"}
LISTED_LABELS = frozenset({"ORG", "PERSON", "GPE", "PRODUCT"})
# Evidence weight of a phrase against the model's one vote per mention.
PATTERN_WEIGHT = 3.0
# A weaker guess only fills a gap: it never displaces a span the model found.
GUESS_WEIGHT = 1.0
# One capital and a full stop, or several run together: "P.", "J.R.".
INITIALS_RE = re.compile(r"^(?:[A-Z]\.){1,3}$")


class Hit(NamedTuple):
    start: int  # token index
    end: int
    label: str
    weight: float


# Capitalized words that open a sentence but never a name.
NOT_NAME_WORDS = frozenset({
    "The", "A", "An", "This", "That", "These", "Those", "Its", "His", "Her", "Their", "Our", "My",
    "Your", "In", "On", "At", "Of", "For", "And", "But", "By", "From", "To", "With",
})


def is_name_token(token: Token) -> bool:
    """A capitalized word that may be (part of) a name."""
    return token.text[:1].isupper() and token.is_alpha and token.text not in NOT_NAME_WORDS


def name_run_left(doc: Doc, end: int) -> int:
    """Start of the run of capitalized words ending just before token ``end``."""
    start = end
    while start > 0 and is_name_token(doc[start - 1]):
        start -= 1
    return start


def name_run_right(doc: Doc, start: int) -> int:
    """End of the run of capitalized words starting at token ``start``."""
    end = start
    while end < len(doc) and is_name_token(doc[end]):
        end += 1
    return end


def find_org_phrases(doc: Doc) -> Iterator[Hit]:
    """Organizations named by an anchor, optional modifiers and an institutional head."""
    for token in doc:
        head = token.text.lower()
        if head not in ORG_HEADS and head not in GOVERNMENT_HEADS or token.ent_type_:
            continue  # the model's own span ("Securities and Exchange Commission") stands
        i = token.i
        while i > 0 and doc[i - 1].text.lower() in ORG_MODIFIERS and doc[i - 1].text.islower():
            i -= 1
        if head in GOVERNMENT_HEADS and i != token.i:
            continue
        anchor_end = i
        anchor_start = name_run_left(doc, anchor_end)
        if anchor_start == anchor_end:
            continue
        labels = ANCHOR_LABELS if head in ORG_HEADS else PERSON_ANCHOR_LABELS
        anchor_label = doc[anchor_end - 1].ent_type_
        if anchor_label in labels or (head in ORG_HEADS and token.text[0].isupper()):
            yield Hit(anchor_start, token.i + 1, "ORG", PATTERN_WEIGHT)


def find_described_orgs(doc: Doc) -> Iterator[Hit]:
    """Organizations named right after a noun that says what they are ("the charity Oxfam")."""
    for token in doc[:-1]:
        if token.text not in ORG_DESCRIPTOR_NOUNS:  # lower-case only: "Group" may be a name's
            continue
        start = token.i + 1
        end = next((t.i for t in doc[start:name_run_right(doc, start)] if t.text in CALENDAR_WORDS),
                   name_run_right(doc, start))  # "the network CNBC Friday said"
        names = doc[start:end]
        if doc[start].ent_type_ == "ORG" or max((len(t) for t in names), default=0) < 2:
            continue  # the model's own span stands ("Cofinec S.A."); "N / A" is no name
        if not any(t.ent_type_ in NOT_DESCRIBED_LABELS for t in names):
            yield Hit(start, end, "ORG", PATTERN_WEIGHT)


def find_place_phrases(doc: Doc) -> Iterator[Hit]:
    """Places named by "the village of X", "the X region" or "the X dam"."""
    for token in doc:
        word = token.text.lower()
        if word == "of" and token.i > 0 and doc[token.i - 1].text.lower() in PLACE_OF_NOUNS \
                and doc[token.i - 1].text.islower():
            end = name_run_right(doc, token.i + 1)
            if end > token.i + 1:
                yield Hit(token.i + 1, end, "GPE", PATTERN_WEIGHT)
        elif word in PLACE_AFTER_NOUNS and token.text.islower() and token.i > 0:
            name_end = token.i
            while name_end > 0 and doc[name_end - 1].text in PLACE_MODIFIERS:
                name_end -= 1
            start = name_run_left(doc, name_end)
            if start < name_end:
                yield Hit(start, name_end, "GPE", PATTERN_WEIGHT)
        elif word in STRUCTURE_NOUNS and token.text.islower() and token.i > 0:
            start = structure_name_start(doc, token.i)
            if start < token.i and doc[token.i - 1].ent_type_ not in NOT_STRUCTURE_LABELS:
                yield Hit(start, token.i, "FAC", PATTERN_WEIGHT)


def structure_name_start(doc: Doc, end: int) -> int:
    """Start of the name before a structure noun at ``end``: the model's whole span when it
    has one ("Charles de Gaulle airport"), else the capitalized words; ``end`` when there is
    no name (a sentence's first word alone, "Huge stadium lights"; half a hyphenated word)."""
    last = doc[end - 1]
    if last.ent_type_:
        start = end - 1
        while start > 0 and last.ent_iob_ != "B" and doc[start].ent_iob_ == "I":
            start -= 1
        return start
    start = name_run_left(doc, end)
    if start == end - 1 and doc[start].is_sent_start:
        return end
    if start > 0 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_:
        return end
    return start


def looks_like_org(words: list[str]) -> bool:
    """A multi-word name whose own words say it is an organization."""
    if len(words) < 2:
        return False
    return words[-1] in ORG_LAST_WORDS or (words[0] in ORG_FIRST_WORDS and words[1] == "of")


def find_initialled_names(doc: Doc) -> Iterator[Hit]:
    """People written with initials, as scorecards and bylines do: "P. Such", "J.R. Smith"."""
    for token in doc:
        if not INITIALS_RE.match(token.text) or token.i + 1 >= len(doc):
            continue
        if token.i > 0 and (is_name_token(doc[token.i - 1]) or INITIALS_RE.match(doc[token.i - 1].text)):
            continue
        end = token.i + 1
        while end < len(doc) and INITIALS_RE.match(doc[end].text):
            end += 1
        if end < len(doc) and is_name_token(doc[end]) and len(doc[end].text) > 1:
            # One initial then a surname is a person's name however the model reads it
            # ("H. Morris"); run-together capitals may be a country's ("U.S. Steel").
            single = end == token.i + 1 and len(token.text) == 2
            yield Hit(token.i, end + 1, "PERSON", PATTERN_WEIGHT if single else GUESS_WEIGHT)


def is_list_edge(doc: Doc, i: int) -> bool:
    """Whether token ``i`` (possibly just outside the text) separates the items of a list."""
    return i < 0 or i >= len(doc) or doc[i].text in LIST_EDGES or "\n" in doc[i].text


def find_listed_names(doc: Doc) -> Iterator[Hit]:
    """A capitalized name listed beside a name the model labels is of the same kind: "Google
    Stadia, Microsoft xCloud, Apple Arcade" (a guess: it only fills a gap)."""
    labelled = {t.i for ent in doc.ents for t in ent}
    for ent in doc.ents:
        if ent.label_ not in LISTED_LABELS:
            continue
        for sep, step in ((ent.start - 1, -1), (ent.end, 1)):
            if sep < 0 or sep >= len(doc) or doc[sep].text not in LIST_SEPARATORS:
                continue
            if step < 0:
                start, end = name_run_left(doc, sep), sep
            else:
                start, end = sep + 1, name_run_right(doc, sep + 1)
            opener = end - start == 1 and doc[start].is_sent_start  # "Ironically, Smith"
            if start < end and not opener and not labelled & set(range(start, end)) \
                    and is_list_edge(doc, start - 1) and is_list_edge(doc, end):
                yield Hit(start, end, ent.label_, GUESS_WEIGHT)


def find_phrases(doc: Doc) -> list[Hit]:
    """Every organization, place and person phrase in the parse (teams: see teams.py)."""
    return [*find_org_phrases(doc), *find_described_orgs(doc), *find_place_phrases(doc),
            *find_initialled_names(doc), *find_listed_names(doc)]
