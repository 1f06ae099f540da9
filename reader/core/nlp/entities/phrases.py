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
# Nouns after a name that make it a place: "the Sumy region".
PLACE_AFTER_NOUNS = frozenset({
    "region", "province", "district", "oblast", "county", "governorate", "prefecture",
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
    """Places named by "the village of X" or "the X region"."""
    for token in doc:
        word = token.text.lower()
        if word == "of" and token.i > 0 and doc[token.i - 1].text.lower() in PLACE_OF_NOUNS \
                and doc[token.i - 1].text.islower():
            end = name_run_right(doc, token.i + 1)
            if end > token.i + 1:
                yield Hit(token.i + 1, end, "GPE", PATTERN_WEIGHT)
        elif word in PLACE_AFTER_NOUNS and token.text.islower() and token.i > 0:
            start = name_run_left(doc, token.i)
            if start < token.i:
                yield Hit(start, token.i, "GPE", PATTERN_WEIGHT)


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
            yield Hit(token.i, end + 1, "PERSON", GUESS_WEIGHT)


def find_phrases(doc: Doc) -> list[Hit]:
    """Every organization, place and person phrase in the parse (teams: see teams.py)."""
    return [*find_org_phrases(doc), *find_described_orgs(doc), *find_place_phrases(doc),
            *find_initialled_names(doc)]
