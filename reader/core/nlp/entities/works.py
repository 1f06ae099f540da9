"""Works, products and events the small model takes for people or organizations: games,
films and gadgets ("franchises such as Tomb Raider", "launch title Destiny 2", "comes with a
Chromecast Ultra") and contests and ceremonies ("Davis Cup", "American Music Awards").

The evidence is in the words around the name and in its own last word, never in a list of
titles: a noun that says what the name is, a sequel's number, an indefinite article (no
one's name takes "a"), or a last word that only events end with.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from reader.core.nlp.entities.gazetteer import lookup_place
from reader.core.nlp.entities.phrases import PATTERN_WEIGHT, Hit, is_name_token

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Lower-case nouns that say the name after them is a work: "the game Gylt", "the film Parasite",
# "games such as Tomb Raider". ("video", "title" and "show" are left out: "the video Twitter
# removed", "the title Liverpool won", "the show Tuesday" are common in news.)
WORK_NOUNS = frozenset({
    "game", "games", "film", "films", "movie", "movies", "album", "albums", "song", "songs",
    "novel", "novels", "book", "books", "franchise", "franchises", "sequel", "sequels",
    "documentary", "documentaries", "podcast", "podcasts", "musical", "opera", "painting",
    "paintings", "sitcom", "sitcoms", "titles", "app", "apps",
})
# Words after a works noun that open a list of examples: "franchises such as A, B and C".
EXAMPLE_OPENERS = (("such", "as"), ("like",), ("including",))
# Lower-case nouns after a name that make it a product: "the Stadia controller", "a Quest
# headset". (Not "phone" or "devices": "Apple devices" names the maker.)
PRODUCT_AFTER_NOUNS = frozenset({
    "console", "consoles", "headset", "headsets", "smartphone", "smartphones", "handset",
    "handsets", "controller", "controllers", "smartwatch", "laptop", "laptops", "sequel",
})
# Last words of the names of contests, festivals and ceremonies, never of a person's or a
# company's: "Davis Cup", "US Open", "Amsterdam Light Festival", "American Music Awards".
# (On CoNLL-2003 dev every gold name ending so is MISC, i.e. not a person, place or organization.)
EVENT_LAST_WORDS = frozenset({
    "Cup", "Open", "Championship", "Championships", "Games", "Olympics", "Olympiad", "Festival",
    "Finals", "Awards", "Prix", "Tournament", "Marathon", "Trophy", "Slam", "Bowl", "Expo",
    "Biennale", "Grammys", "Oscars",
})
# Words that join the items of a list of examples.
LIST_JOINERS = frozenset({",", "and", "or", "&"})
# Sequel numbers: "Destiny 2" (one digit: "Smith 14" is a score; no Roman numerals: "Charles VI"
# is a king).
SEQUEL_NUMBERS = frozenset({"2", "3", "4", "5", "6", "7", "8", "9"})
POSSESSIVES = frozenset({"'s", "’s"})
# Tokens after "a Name" that show the name ends there, so "a" belongs to it: "a Chromecast
# Ultra, launch", not "a Reuters reporter".
NAME_END_TOKENS = frozenset({",", ".", ";", ":", ")", "and", "or", "with", "for", "that", "which"})
INDEFINITE_ARTICLES = frozenset({"a", "an"})
# Labels the model gives products it does not know; a one-word nationality or company after
# "a" is a person's or a thing's description ("a Canadian,"), so those need two words.
PRODUCT_LIKE_LABELS = frozenset({"PERSON", "NORP", "ORG"})
# Last words of products' names: "Founder's Edition", "Premiere Editions".
PRODUCT_LAST_WORDS = frozenset({"Edition", "Editions"})
# Dependency labels of a verb: "book", "film" and "game" are verbs too.
VERB_DEPS = frozenset({"ROOT", "xcomp", "ccomp", "advcl", "relcl", "conj", "pcomp", "acl"})


def is_product_name(words: list[str]) -> bool:
    """A name whose last word says it is a product: "Premiere Edition"."""
    return len(words) >= 2 and words[-1] in PRODUCT_LAST_WORDS


def is_event_name(words: list[str]) -> bool:
    """A name of two or more words whose last says it is an event: "Davis Cup", "US Open"."""
    return len(words) >= 2 and words[-1] in EVENT_LAST_WORDS


def title_end(doc: Doc, start: int) -> int:
    """End of a work's title starting at ``start``: capitalized words, a possessive inside
    ("Assassin's Creed") and a sequel number ("Destiny 2"); ``start`` when there is none."""
    end = start
    while end < len(doc):
        inner_possessive = doc[end].text in POSSESSIVES and end > start and end + 1 < len(doc) \
            and is_name_token(doc[end + 1])
        if not (is_name_token(doc[end]) or inner_possessive):
            break
        end += 1
    if end > start and end < len(doc) and doc[end].text in SEQUEL_NUMBERS:
        end += 1
    return end


def is_works_noun(token: Token) -> bool:
    """A works noun used as a noun (the parse has no tagger: a verb heads its clause or has
    an object, "to film Smith")."""
    return token.text in WORK_NOUNS and token.dep_ not in VERB_DEPS


def examples_start(doc: Doc, noun: int) -> int | None:
    """Token index after "such as"/"like"/"including" following the noun at ``noun``, if any."""
    for opener in EXAMPLE_OPENERS:
        end = noun + 1 + len(opener)
        if end <= len(doc) and tuple(t.lower_ for t in doc[noun + 1:end]) == opener:
            return end
    return None


def listed_titles(doc: Doc, start: int) -> Iterator[tuple[int, int]]:
    """The titles of a list "A, B, C and D" starting at ``start``, up to the first item that is
    no title ("and more")."""
    i = start
    while i < len(doc):
        end = title_end(doc, i)
        if end == i:
            return
        yield i, end
        if end >= len(doc) or doc[end].text not in LIST_JOINERS:
            return
        i = end + 1
        if i < len(doc) and doc[i].text in LIST_JOINERS:  # ", and"
            i += 1


def find_described_works(doc: Doc) -> Iterator[Hit]:
    """Works named after a noun that says what they are, or listed as its examples."""
    for token in doc[:-1]:
        if token.text not in WORK_NOUNS:
            continue
        after = examples_start(doc, token.i)
        if after is not None:  # a verb is never followed by "such as": no need to ask the parse
            for a, b in listed_titles(doc, after):
                yield Hit(a, b, "WORK_OF_ART", PATTERN_WEIGHT)
            continue
        if not is_works_noun(token):
            continue
        end = title_end(doc, token.i + 1)
        if end > token.i + 1 and not any(t.ent_type_ == "DATE" for t in doc[token.i + 1:end]):
            yield Hit(token.i + 1, end, "WORK_OF_ART", PATTERN_WEIGHT)


def find_products(doc: Doc, sports: bool) -> Iterator[Hit]:
    """Products the model calls people: "a Chromecast Ultra," (a name that takes an article),
    "the Quest headset", and sequels: "Destiny 2" (not in a sports report: "Shearer 2" scored
    twice)."""
    for ent in doc.ents:
        if ent.label_ not in PRODUCT_LIKE_LABELS:
            continue
        if ent[-1].text in SEQUEL_NUMBERS and len(ent) >= 2:  # the model's "Destiny 2"
            if not sports and lookup_place(ent[:-1].text) is None:  # "Israel 2, Bulgaria 0"
                yield Hit(ent.start, ent.end, "WORK_OF_ART", PATTERN_WEIGHT)
            continue
        start = ent.start + 1 if ent[0].lower_ in INDEFINITE_ARTICLES and len(ent) > 1 else ent.start
        before = doc[start - 1] if start > 0 else None
        after = doc[ent.end] if ent.end < len(doc) else None
        if before is not None and before.lower_ in INDEFINITE_ARTICLES and not before.is_sent_start \
                and (after is None or after.lower_ in NAME_END_TOKENS) \
                and (ent.label_ == "PERSON" or ent.end - start >= 2):
            yield Hit(start, ent.end, "PRODUCT", PATTERN_WEIGHT)
        elif after is not None and after.text in PRODUCT_AFTER_NOUNS:
            yield Hit(ent.start, ent.end, "PRODUCT", PATTERN_WEIGHT)
        elif not sports and after is not None and after.text in SEQUEL_NUMBERS \
                and lookup_place(ent.text) is None \
                and (ent.end + 1 >= len(doc) or not doc[ent.end + 1].like_num):
            yield Hit(ent.start, ent.end + 1, "WORK_OF_ART", PATTERN_WEIGHT)


def find_works(doc: Doc, sports: bool) -> list[Hit]:
    """Every work and product phrase in the parse (``sports``: the text is a sports report)."""
    return [*find_described_works(doc), *find_products(doc, sports)]
