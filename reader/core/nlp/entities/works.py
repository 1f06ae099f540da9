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

from spacy.lang.en.stop_words import STOP_WORDS

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
# Tokens after a figure that make it part of a score: "6 - 4", "7-6 (5)", "2, Bulgaria 0".
SCORE_JOINERS = frozenset({"-", "–", "/", "(", ":"})
# Distinct names followed by a one-digit figure beyond which the figures are results, not
# sequels: an article names one or two games by number ("Destiny 2"), a results round-up many.
MAX_SEQUEL_NAMES = 2
# Labels the model gives products it does not know; a one-word nationality or company after
# "a" is a person's or a thing's description ("a Canadian,"), so those need two words.
PRODUCT_LIKE_LABELS = frozenset({"PERSON", "NORP", "ORG"})
# Last words of products' names: "Founder's Edition", "Premiere Editions".
PRODUCT_LAST_WORDS = frozenset({"Edition", "Editions"})
# Dependency labels of a verb: "book", "film" and "game" are verbs too.
VERB_DEPS = frozenset({"ROOT", "xcomp", "ccomp", "advcl", "relcl", "conj", "pcomp", "acl"})


# Longest part (in tokens) either side of a title's colon: "Star Wars Jedi: Fallen Order".
MAX_COLON_TITLE_PART = 4
# Lower-case words inside a title's subtitle: "Tale of Jang Noksu".
TITLE_JOINERS = frozenset({"of", "the", "and"})
# A title's main part has a word of at least this many letters ("Q: What" is an interview's).
MIN_TITLE_WORD = 3
# Times a title with a colon is written before it counts as one: a headline's "X: Y" is
# written once, a work's name in its headline and its review.
MIN_COLON_TITLE_REPEATS = 2


# Last words of titles (never a name alone).
TITLE_LAST_WORDS = EVENT_LAST_WORDS | PRODUCT_LAST_WORDS


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


def find_products(doc: Doc) -> Iterator[Hit]:
    """Products the model calls people: "a Chromecast Ultra," (a name that takes an article)
    and "the Quest headset"."""
    for ent in doc.ents:
        if ent.label_ not in PRODUCT_LIKE_LABELS:
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


def sequel_span(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The model's name ``doc[start:end]`` with the sequel number it holds or that follows it
    ("Destiny 2"), if it has one: one digit, not part of a score ("Rublev 6-4", "Israel 2,
    Bulgaria 0") and not after a place."""
    if doc[end - 1].text in SEQUEL_NUMBERS and end - start >= 2:
        number = end - 1
    elif end < len(doc) and doc[end].text in SEQUEL_NUMBERS:
        number = end
    else:
        return None
    if not is_name_token(doc[number - 1]) or is_score_figure(doc, number):  # "Uchiyama 6-2"
        return None
    if lookup_place(doc[start:number].text) is not None:
        return None
    return start, number + 1


def is_score_figure(doc: Doc, number: int) -> bool:
    """Whether the figure at ``number`` is part of a score: another figure or a joiner follows
    ("6 - 4", "7-6 (5)"), or a comma and a name ("2, Bulgaria 0")."""
    follower = doc[number + 1] if number + 1 < len(doc) else None
    if follower is None:
        return False
    if follower.text == ",":
        return number + 2 < len(doc) and is_name_token(doc[number + 2])
    return follower.like_num or follower.text in SCORE_JOINERS


def repeated_titles(doc: Doc, titles: set[tuple[str, ...]]) -> Iterator[tuple[int, int]]:
    """Every place the text writes one of ``titles`` (token texts), whatever the model saw there."""
    for token in doc:
        for words in titles:
            end = token.i + len(words)
            if token.text == words[0] and tuple(t.text for t in doc[token.i:end]) == words:
                yield token.i, end


def find_sequels(doc: Doc, sports: bool) -> Iterator[Hit]:
    """Works the model calls people, named with a sequel's number: "Destiny 2". Not in a sports
    report, nor where several names take figures (a list of results: "Shearer 2, Ferdinand 1")."""
    if sports:
        return
    found = [span for ent in doc.ents if ent.label_ in PRODUCT_LIKE_LABELS
             if (span := sequel_span(doc, ent.start, ent.end)) is not None]
    names = {doc[a:b - 1].text for a, b in found}
    if not found or len(names) > MAX_SEQUEL_NAMES:
        return
    titles = {tuple(t.text for t in doc[a:b]) for a, b in found}
    for a, b in repeated_titles(doc, titles):
        yield Hit(a, b, "WORK_OF_ART", PATTERN_WEIGHT)


def colon_title_at(doc: Doc, colon: int) -> tuple[int, int] | None:
    """The capitalized words either side of a colon, each part no longer than
    MAX_COLON_TITLE_PART: "Star Wars Jedi: Fallen Order"."""
    if doc[colon].text != ":" or colon == 0 or colon + 1 >= len(doc):
        return None
    start = colon
    while start > 0 and is_name_token(doc[start - 1]):
        start -= 1
    if start > 0 and start < colon and doc[start - 1].text == "The":
        start -= 1  # "The Palace: Tale of Jang Noksu"
    end = title_end(doc, colon + 1)
    while end < len(doc) - 1 and end > colon + 1 and doc[end].text in TITLE_JOINERS \
            and is_name_token(doc[end + 1]):
        end = title_end(doc, end + 1)  # "Tale of Jang Noksu"
    if start == colon or end == colon + 1:
        return None
    if max(len(t) for t in doc[start:colon]) < MIN_TITLE_WORD or doc[colon + 1].lower_ in STOP_WORDS:
        return None  # an interview's "Q: What", a label's "A: When"
    if colon - start > MAX_COLON_TITLE_PART or end - colon - 1 > MAX_COLON_TITLE_PART:
        return None
    return start, end


def find_colon_titles(doc: Doc) -> Iterator[Hit]:
    """A title with a colon, written the same way more than once, is one work: "Star Wars Jedi:
    Fallen Order" (a headline's "Russia and Syria: U.S.-backed Forces" is written once), and
    its subtitle alone stands for it ("Fallen Order's story")."""
    spans: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for token in doc:
        span = colon_title_at(doc, token.i)
        if span is not None:
            spans.setdefault(tuple(t.text for t in doc[span[0]:span[1]]), []).append(span)
    subtitles: set[tuple[str, ...]] = set()
    for words, found in spans.items():
        if len(found) < MIN_COLON_TITLE_REPEATS:
            continue
        subtitles.add(words[words.index(":") + 1:])
        for a, b in found:
            yield Hit(a, b, "WORK_OF_ART", PATTERN_WEIGHT)
    for a, b in repeated_titles(doc, subtitles):
        alone = (a == 0 or (doc[a - 1].text != ":" and not is_name_token(doc[a - 1]))) \
            and (b >= len(doc) or not is_name_token(doc[b]))
        if alone:
            yield Hit(a, b, "WORK_OF_ART", PATTERN_WEIGHT)


def find_works(doc: Doc, sports: bool) -> list[Hit]:
    """Every work and product phrase in the parse (``sports``: the text is a sports report)."""
    return [*find_described_works(doc), *find_products(doc), *find_sequels(doc, sports),
            *find_colon_titles(doc)]
