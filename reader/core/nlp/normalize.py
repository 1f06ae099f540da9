"""A copy of the text that the English model reads better, with exactly the same offsets.

Every change replaces characters one for one, so a token's ``idx`` in the parse is its offset
in the original text and mention spans can quote the original.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from reader.core.nlp.entities.aliases import ALIAS_TO_CANONICAL
from reader.core.nlp.entities.gazetteer import place_kind

# Marks writers (and OCR, and keyboards without a typographic apostrophe) put where an
# apostrophe belongs: acute accent, grave accent, modifier letters, prime.
APOSTROPHE_LOOKALIKES = "\u00b4`\u02bc\u02b9\u02c8\u2032\u02bb"
APOSTROPHE_RE = re.compile(f"(?<=\\w)[{APOSTROPHE_LOOKALIKES}](?=\\w)")
WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# A line is "shouting" (a headline, a dateline, a table in capitals) when at least this share
# of its words of two letters or more are in capitals; a half lets a headline keep lower-case
# words ("v", "of", a name written normally). 0.35 to 0.7 score the same on the CoNLL dev set.
SHOUTING_SHARE = 0.5
# All-caps words this short are kept as written when nothing says otherwise: they are mostly
# acronyms (UN, EU, US, BBC, NATO).
MAX_ACRONYM_LENGTH = 4
# Capitals that stay capitals whatever else the text writes in lower case ("US" beside "us").
KEEP_UPPER = frozenset(alias.replace(".", "") for alias in ALIAS_TO_CANONICAL if alias.isupper())
# Longest place name looked up among shouted words ("BOSNIA AND HERZEGOVINA").
MAX_PLACE_WORDS = 4
# A headline is in title case ("Ministers Meet In Oslo To Discuss Fishing Quotas") when at least
# this share of its words of four letters or more are capitalized, and it has this many words;
# short lines (names, bylines) are left alone.
TITLE_CASE_SHARE = 0.8
TITLE_CASE_MIN_WORDS = 5
# A headline part between commas or colons of at most this many capitalized words is a name
# in a list ("Google Stadia, Microsoft xCloud, Apple Arcade: So Many Ways to Play"): kept.
MAX_LISTED_NAME_WORDS = 3
HEADLINE_PART_RE = re.compile(r"[^,:;|–—&]+")
DATELINE_RE = re.compile(r"^([A-Z][A-Z .'-]+?)(?=,| \(|:| \d| -)", re.MULTILINE)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English function words, imported on first use: importing spaCy takes ~1 s."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def normalize_for_analysis(text: str) -> str:
    """The text with apostrophe look-alikes fixed and shouted or title-cased words in their
    usual case."""
    text = APOSTROPHE_RE.sub("'", text)
    return lower_title_case(restore_case(text))


def usual_casings(text: str) -> dict[str, str]:
    """For each word written not all in capitals somewhere, its most frequent such form."""
    seen: dict[str, Counter[str]] = {}
    for match in WORD_RE.finditer(text):
        word = match.group()
        if not word.isupper() and word[:1].isupper() or word.islower():
            seen.setdefault(word.upper(), Counter())[word] += 1
    return {key: forms.most_common(1)[0][0] for key, forms in seen.items()}


def shouting_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines mostly in capitals, and of datelines opening a line."""
    ranges: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        words = [w for w in WORD_RE.findall(line) if len(w) >= 2]
        caps = sum(1 for w in words if w.isupper())
        if words and caps / len(words) >= SHOUTING_SHARE:
            ranges.append((pos, pos + len(line)))
        else:
            match = DATELINE_RE.match(line)
            if match:
                ranges.append((pos, pos + match.end()))
        pos += len(line) + 1
    return ranges


def recase_word(word: str, casings: dict[str, str]) -> str:
    """The form a shouted word most likely has in ordinary prose (same length).

    A word the story never writes otherwise becomes lower case, even opening the headline:
    "CRICKET - ..." read as "Cricket" looks like a name to the model; "cricket" does not.
    """
    known = casings.get(word)
    if word in KEEP_UPPER:
        return word
    if known is not None:
        candidate = known
    elif word.lower() in stop_words():
        candidate = word.lower()
    elif len(word) <= MAX_ACRONYM_LENGTH and place_kind(word.title()) is None:
        return word
    else:
        titled = word.title() if "'" not in word else word[:1] + word[1:].lower()
        candidate = titled if place_kind(titled) else word.lower()
    return candidate if len(candidate) == len(word) else word


def title_case(phrase: str) -> str:
    """ "BOSNIA AND HERZEGOVINA" → "Bosnia and Herzegovina" (same length)."""
    words = phrase.title().split(" ")
    return " ".join(w.lower() if i and w.lower() in stop_words() else w for i, w in enumerate(words))


def place_name_at(text: str, words: list[re.Match[str]], i: int) -> int:
    """How many shouted words from ``words[i]`` on spell a known place ("SAUDI ARABIA"), or 0."""
    for n in range(min(MAX_PLACE_WORDS, len(words) - i), 0, -1):
        group = words[i:i + n]
        if not all(m.group().isupper() for m in group):
            continue
        phrase = text[group[0].start():group[-1].end()]
        if (n == 1 or " " in phrase) and "\n" not in phrase and place_kind(title_case(phrase)):
            return n
    return 0


def restore_case(text: str) -> str:
    """Rewrite all-caps words of headlines and datelines in the case they have elsewhere."""
    ranges = shouting_ranges(text)
    if not ranges:
        return text
    casings = usual_casings(text)
    chars = list(text)
    for start, end in ranges:
        words = list(WORD_RE.finditer(text, start, end))
        i = 0
        while i < len(words):
            n = place_name_at(text, words, i) if words[i].group() not in casings else 0
            if n:
                a, b = words[i].start(), words[i + n - 1].end()
                titled = title_case(text[a:b])
                if len(titled) == b - a:
                    chars[a:b] = titled
                i += n
                continue
            word = words[i].group()
            if word.isupper() and len(word) >= 2:
                chars[words[i].start():words[i].end()] = recase_word(word, casings)
            i += 1
    return "".join(chars)


def title_case_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of the headline (the first line) if it is written in title case.

    Only the headline: other lines in capitalized words are mostly lists of names (team
    line-ups, credits), which must keep their capitals.
    """
    line = text.split("\n", 1)[0]
    words = WORD_RE.findall(line)
    long_words = [w for w in words if len(w) >= 4]
    capitalized = sum(1 for w in long_words if w[:1].isupper() and not w.isupper())
    if len(words) >= TITLE_CASE_MIN_WORDS and capitalized >= TITLE_CASE_SHARE * len(long_words):
        return [(0, len(line))]
    return []


def listed_name_words(text: str, start: int, end: int) -> set[int]:
    """Offsets of the words of a headline's short all-capitalized parts: names in a list."""
    listed: set[int] = set()
    parts = list(HEADLINE_PART_RE.finditer(text, start, end))
    if len(parts) < 2:
        return listed
    for part in parts:
        words = list(WORD_RE.finditer(text, part.start(), part.end()))
        if 0 < len(words) <= MAX_LISTED_NAME_WORDS and all(not w.group().islower() for w in words):
            listed.update(w.start() for w in words)
    return listed


def lower_title_case(text: str) -> str:
    """Lower-case the words of title-case headlines that the rest of the text writes in lower case
    or not at all (a name in a headline is nearly always repeated in the story), places excepted."""
    ranges = title_case_ranges(text)
    if not ranges:
        return text
    rest = list(text)
    for start, end in ranges:
        rest[start:end] = " " * (end - start)
    casings = usual_casings("".join(rest))
    chars = list(text)
    for start, end in ranges:
        listed = listed_name_words(text, start, end)
        for i, match in enumerate(WORD_RE.finditer(text, start, end)):
            word = match.group()
            if i == 0 or not word[:1].isupper() or not word[1:].islower() or match.start() in listed:
                continue  # the first word, acronyms and inner capitals ("McCain", "PACs") stay
            known = casings.get(word.upper())
            lower = known.islower() if known else place_kind(word) is None
            if lower and len(word.lower()) == len(word):
                chars[match.start():match.end()] = word.lower()
    return "".join(chars)
