"""Clean up the model's entity spans: split where a name cannot continue, trim what is no name.

The small model's spans often run across line breaks, dashes, brackets, "v" (sports results)
and numbers, or carry a leading "the", a trailing "'s" or lower-case words at their edges.
Measured on the CoNLL-2003 dev set, this cleanup alone is worth about +0.06 F1.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Labels that name something and therefore start and end with a capitalized word.
NAME_LABELS = frozenset({
    "PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "LANGUAGE",
})
# Tokens a name never runs across.
BREAK_TOKENS = frozenset({
    "(", ")", "[", "]", "{", "}", ",", ":", ";", "/", "|", '"', "“", "”", "«", "»", "–", "—",
    "v", "v.", "vs", "vs.", "--", "'s", "’s",  # "Tufts University's Feinstein Center": two names
})
# Words at a name's edge that belong to the sentence, not to the name.
EDGE_WORDS = frozenset({"the", "a", "an", "The", "A", "An", "'s", "'", "’s", "’", "s"})


def is_break(token: Token) -> bool:
    """A token a name cannot contain: a line break, a bracket, a free-standing dash, a number."""
    if token.is_space or "\n" in token.text or token.text in BREAK_TOKENS:
        return True
    if token.text == "-":  # "Guinea-Bissau" keeps its hyphen; "Bath - Leicester" splits.
        doc = token.doc
        before = token.i > 0 and bool(doc[token.i - 1].whitespace_)
        return before or bool(token.whitespace_)
    return token.text.isdigit()


def is_hyphen_joined(token: Token) -> bool:
    """Part of a hyphenated word: "ho" in "Song-ho", "al" in "al-Qaeda"."""
    doc = token.doc
    after = token.i + 1 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_
    before = token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_
    return after or before


def is_edge_noise(token: Token) -> bool:
    """A token to trim from either end of a name: "the", "'s", punctuation, a lower-case word."""
    text = token.text
    if text in EDGE_WORDS or token.is_punct:
        return True
    if text.lower() in HYPHEN_PREFIXES and is_hyphen_joined(token):
        return True
    return text[:1].islower() and not is_hyphen_joined(token)

# Prefixes that modify a name without being part of it: "pro-Moscow", "ex-Yugoslav".
HYPHEN_PREFIXES = frozenset({"pro", "anti", "ex", "non", "mid", "post", "pre", "neo", "pan", "all"})


def split_tokens(doc: Doc, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Token ranges of ``doc[start:end]`` between break tokens."""
    piece = start
    for i in range(start, end):
        if is_break(doc[i]):
            if i > piece:
                yield piece, i
            piece = i + 1
    if end > piece:
        yield piece, end


def trim_tokens(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The range without noise tokens at either edge (possibly empty)."""
    while start < end and is_edge_noise(doc[start]):
        start += 1
    while end > start and is_edge_noise(doc[end - 1]):
        end -= 1
    return start, end


def clean_name_span(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Token ranges of the names inside the model's span ``doc[start:end]``."""
    pieces = []
    for a, b in split_tokens(doc, start, end):
        a, b = trim_tokens(doc, a, b)
        if b > a and any(ch.isupper() for ch in doc[a:b].text):
            pieces.append((a, b))
    return pieces


def clean_other_span(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Token ranges of a date, time or amount span, cut at line breaks only."""
    pieces = []
    piece = start
    for i in range(start, end + 1):
        if i == end or doc[i].is_space or "\n" in doc[i].text:
            a, b = piece, i
            while a < b and doc[a].is_punct:
                a += 1
            while b > a and doc[b - 1].is_punct and doc[b - 1].text not in {"%", "."}:
                b -= 1
            if b > a:
                pieces.append((a, b))
            piece = i + 1
    return pieces


def clean_span(doc: Doc, start: int, end: int, label: str) -> list[tuple[int, int]]:
    """Token ranges of the clean entity spans inside ``doc[start:end]`` labelled ``label``."""
    if label in NAME_LABELS:
        return clean_name_span(doc, start, end)
    return clean_other_span(doc, start, end)
