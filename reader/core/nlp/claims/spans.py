"""Character spans from parse tokens, trimmed the way attribution annotations are.

Speakers and contents are dependency subtrees; edges are trimmed of punctuation (a content
keeps its quote marks), and a speaker stops before a non-restrictive relative clause
(", who ...") as the PolNeAR guidelines' sources do.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

Range = tuple[int, int]

QUOTE_MARKS = frozenset("\"“”‘’„«»'`")
_EDGE_PUNCT = ",;:.-–—()[]" + "\u2015"
# Clauses that, set off by a comma after a source, describe an action rather than identify it.
_SOURCE_ASIDE_DEPS = frozenset(("acl", "advcl", "parataxis"))


@dataclass
class Draft:
    """A claim under construction: character ranges plus the tokens later steps need."""

    cue: Range
    cue_token: int
    lemma: str
    speaker: Range | None = None
    speaker_head: int | None = None
    content: list[Range] = field(default_factory=list)
    clause: Range = (0, 0)  # cue + speaker + their modifiers: where adjacent quotes attach
    target: int | None = None  # token of an anaphoric claim noun this claim rejects
    disputes: int | None = None


def token_range(tok: Token) -> Range:
    return (tok.idx, tok.idx + len(tok.text))


def tokens_range(tokens: Iterable[Token]) -> Range | None:
    """The smallest range covering ``tokens``."""
    toks = list(tokens)
    if not toks:
        return None
    first = min(toks, key=lambda t: t.i)
    last = max(toks, key=lambda t: t.i)
    return (first.idx, last.idx + len(last.text))


def trim(text: str, span: Range, keep_quotes: bool) -> Range | None:
    """``span`` without edge whitespace and punctuation (quote marks kept if asked)."""
    start, end = span
    strip = _EDGE_PUNCT if keep_quotes else _EDGE_PUNCT + "".join(QUOTE_MARKS)
    while start < end and (text[start].isspace() or text[start] in strip):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in strip):
        end -= 1
    if keep_quotes and end > start:
        start, end = _balance_quotes(text, start, end)
    return (start, end) if end > start else None


def _balance_quotes(text: str, start: int, end: int) -> Range:
    """Drop a lone quote mark at either edge (a closing mark without its opening one)."""
    inner = text[start:end]
    if inner[0] in QUOTE_MARKS and sum(c in QUOTE_MARKS for c in inner) == 1:
        start += 1
    elif inner[-1] in QUOTE_MARKS and sum(c in QUOTE_MARKS for c in inner) == 1:
        end -= 1
    return start, end


def subtree_range(tok: Token, text: str, keep_quotes: bool = True) -> Range | None:
    """The trimmed range of ``tok``'s subtree."""
    return trim(text, (tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)),
                keep_quotes)


def speaker_range(tok: Token, text: str) -> Range | None:
    """The source phrase headed by ``tok``: its whole subtree on the cue's line, without edge
    punctuation but with a closing bracket, and with the comma that closes an apposition
    ("Jane Doe, a spokeswoman," as the PolNeAR guidelines mark sources)."""
    doc = tok.doc
    first, last = _source_left_edge(tok), _source_right_edge(tok)
    while first < tok.i and (_is_punct(doc[first]) or "\n" in doc[first].text_with_ws
                             or doc[first].lower_ in _SOURCE_FOCUS_WORDS):
        first += 1
    while last > tok.i and (_is_punct(doc[last]) or "\n" in doc[last - 1].text_with_ws) \
            and not (doc[last].text == ")" and "(" in doc[first:last].text):
        last -= 1
    inner = doc[first:last + 1]
    if last + 1 < len(doc) and doc[last + 1].text == "," and any(t.text == "," for t in inner):
        last += 1
    elif last + 1 < len(doc) and doc[last + 1].text in SPACED_DASHES \
            and any(t.text == doc[last + 1].text for t in inner):
        last += 1  # "Kall -- co-editor of a book on debates --": a dash closes it like a comma
    span = (doc[first].idx, doc[last].idx + len(doc[last].text))
    return clip_to_line(span, tok.idx, text, keep_quotes=False)


def _source_right_edge(tok: Token) -> int:
    """The last token of the source phrase headed by ``tok``: a comma-led participial or
    adverbial clause (", speaking to dock workers,") tells what the source was doing, not who
    it is. (Relative clauses stay: PolNeAR's annotators mostly keep ", who ..." in sources.)"""
    doc = tok.doc
    last = tok.right_edge.i
    for desc in tok.subtree:
        if desc.i <= tok.i or desc.left_edge.i - 1 <= tok.i:
            continue
        comma = doc[desc.left_edge.i - 1]
        if desc.dep_ in _SOURCE_ASIDE_DEPS and comma.text == ",":
            last = min(last, comma.i - 1)
    return last


# Focus words the parser hangs on a source ("Even China", "Both Mr. King and Mr. Schultz"):
# they weigh the source, they do not name it.
_SOURCE_FOCUS_WORDS = frozenset(("even", "both", "only", "also"))
# Marks that close a quotation: a source never starts before one ("“...,” Chief Berg said").
_CLOSING_QUOTES = frozenset(("”", "''", "»"))
# Dashes that set off a dateline or an interjection before a source ("PORTHAVEN -- The mayor").
SPACED_DASHES = frozenset(("-", "--", "\u2013", "\u2014"))


def _source_left_edge(tok: Token) -> int:
    """The first token of the source phrase headed by ``tok``: what the parser hangs on it
    before a spaced dash ("PORTHAVEN -- The mayor", "predictable - Price") or a closing
    quotation mark (the quotation the source speaks) is not part of it."""
    doc = tok.doc
    first = tok.left_edge.i
    for i in range(tok.i - 1, first - 1, -1):
        t = doc[i]
        spaced_dash = t.text in SPACED_DASHES and t.whitespace_ and i > 0 \
            and doc[i - 1].whitespace_
        if spaced_dash or t.text in _CLOSING_QUOTES:
            return i + 1
    return first


def _is_punct(tok: Token) -> bool:
    return not any(ch.isalnum() for ch in tok.text)


def line_bounds(text: str, pos: int) -> Range:
    """The line (paragraph) of ``text`` holding character ``pos``."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return (start, len(text) if end < 0 else end)


def clip_to_line(span: Range, pos: int, text: str, keep_quotes: bool = True) -> Range | None:
    """``span`` cut to the line holding ``pos`` (the parser sometimes runs across breaks)."""
    lo, hi = line_bounds(text, pos)
    start, end = max(span[0], lo), min(span[1], hi)
    if end <= start:
        return None
    if keep_quotes:
        return trim(text, (start, end), keep_quotes=True)
    return (start, end) if text[start:end].strip() else None


def without(span: Range, holes: Iterable[Range], text: str) -> list[Range]:
    """``span`` minus ``holes``, as trimmed fragments."""
    pieces = [span]
    for hs, he in sorted(holes):
        next_pieces: list[Range] = []
        for s, e in pieces:
            if he <= s or hs >= e:
                next_pieces.append((s, e))
                continue
            next_pieces.extend(p for p in ((s, hs), (he, e)) if p[1] > p[0])
        pieces = next_pieces
    return [r for r in (trim(text, p, keep_quotes=True) for p in pieces) if r]
