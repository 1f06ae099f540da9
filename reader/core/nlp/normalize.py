"""A copy of the text that the English model reads better, with exactly the same offsets.

Every change replaces characters one for one, so a token's ``idx`` in the parse is its offset
in the original text and mention spans can quote the original.
"""

from __future__ import annotations

import re
from collections import Counter

from reader.core.nlp.gazetteer import place_kind

# Marks writers (and OCR, and keyboards without a typographic apostrophe) put where an
# apostrophe belongs: acute accent, grave accent, modifier letters, prime.
APOSTROPHE_LOOKALIKES = "\u00b4`\u02bc\u02b9\u02c8\u2032\u02bb"
APOSTROPHE_RE = re.compile(f"(?<=\\w)[{APOSTROPHE_LOOKALIKES}](?=\\w)")
WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# A line is "shouting" (a headline, a dateline, a table in capitals) when at least this share
# of its words of two letters or more are in capitals; 0.6 lets a headline keep a lower-case
# "v" or "of" and still counts a dateline like "KYIV, Ukraine:" (one word of two).
SHOUTING_SHARE = 0.5
# All-caps words this short are kept as written when nothing says otherwise: they are mostly
# acronyms (UN, EU, US, BBC, NATO).
MAX_ACRONYM_LENGTH = 4
DATELINE_RE = re.compile(r"^([A-Z][A-Z .'-]+?)(?=,| \(|:| \d| -)", re.MULTILINE)


def normalize_for_analysis(text: str) -> str:
    """The text with apostrophe look-alikes fixed and shouted words in their usual case."""
    text = APOSTROPHE_RE.sub("'", text)
    return restore_case(text)


def usual_casings(text: str) -> dict[str, str]:
    """For each word written not all in capitals somewhere, its most frequent such form."""
    seen: dict[str, Counter[str]] = {}
    for match in WORD_RE.finditer(text):
        word = match.group()
        if not word.isupper() and word[:1].isupper():
            seen.setdefault(word.upper(), Counter())[word] += 1
        elif word.islower():
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


def recase_word(word: str, casings: dict[str, str], line_start: bool) -> str:
    """The form a shouted word most likely has in ordinary prose (same length)."""
    known = casings.get(word)
    if known is not None:
        candidate = known
    elif len(word) <= MAX_ACRONYM_LENGTH and place_kind(word) is None:
        return word
    else:
        titled = word.title() if "'" not in word else word[:1] + word[1:].lower()
        candidate = titled if place_kind(titled) or line_start else word.lower()
    if line_start:
        candidate = candidate[:1].upper() + candidate[1:]
    return candidate if len(candidate) == len(word) else word


def restore_case(text: str) -> str:
    """Rewrite all-caps words of headlines and datelines in the case they have elsewhere."""
    ranges = shouting_ranges(text)
    if not ranges:
        return text
    casings = usual_casings(text)
    chars = list(text)
    for start, end in ranges:
        first = True
        for match in WORD_RE.finditer(text, start, end):
            word = match.group()
            if word.isupper() and len(word) >= 2:
                new = recase_word(word, casings, first)
                chars[match.start():match.end()] = new
            first = False
    return "".join(chars)
