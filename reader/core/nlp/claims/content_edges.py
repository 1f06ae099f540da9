"""Whole contents: a reported content runs to the end of its clause and never ends on a
conjunction or a comma.

The parser often hangs ", and" on the reported clause ("warned that the barrier could trap
silt upstream, and fishermen said ...") or stops a reported clause early where it misreads a
word ("she felt the 13th Amendment was worth examining" cut after "13th"). The first is
trimmed; the second is completed to the end of the sentence when nothing between the two —
no comma, dash, bracket, quotation mark or other cue — says the writer has taken over.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader.core.nlp.claims.cues import CUE_VERB_LEMMAS
from reader.core.nlp.claims.quotes import QuoteIndex
from reader.core.nlp.claims.spans import QUOTE_MARKS, Draft

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Words that join a clause to the next: a content ending on one has lost its last clause's
# partner, which belongs to the writer ("..., and fishermen said").
DANGLING_WORDS = ("and", "but", "or", "nor", "yet", "so", "while", "whereas", "as", "because",
                  "although", "though", "then", "plus")
_DANGLING_TAIL = re.compile(
    r"(?:[\s,;:\u2013\u2014-]+|[\s,;:\u2013\u2014-]*\b(?:" + "|".join(DANGLING_WORDS) + r")\b)+$",
    re.IGNORECASE)
# Characters that show the writer taking over again between a content and its sentence's end.
_WRITER_MARKS = frozenset(",;:()[]\u2013\u2014") | QUOTE_MARKS
# The longest rest of a sentence (in words) a content is completed with: a few words the
# parser left out; a longer rest is more often the writer's own clause.
MAX_COMPLETION_WORDS = 12
# Cues whose content is a layout unit (a signed quotation, a transcript line, a headline).
LAYOUT_CUES = frozenset(("―", ":"))


# A comma and one of these after a reported clause opens the writer's aside ("..., although he
# again refused to release his returns"), which the parser often hangs inside the content.
_WRITER_ASIDE = re.compile(r",\s+(?:although|though|even though|even as|whereas)\b", re.IGNORECASE)


def cut_writer_aside(draft: Draft, text: str, quotes: QuoteIndex) -> None:
    """End an indirect content before ", although ..." and the like (outside quotation marks)."""
    if not draft.content or draft.lemma in LAYOUT_CUES:
        return
    start, end = draft.content[-1]
    for m in _WRITER_ASIDE.finditer(text, start, end):
        if quotes.at(m.start()) is None and m.start() > start:
            draft.content[-1] = (start, m.start())
            return


def trim_dangling(draft: Draft, text: str) -> None:
    """Drop a trailing conjunction or comma from every content fragment."""
    trimmed = []
    for start, end in draft.content:
        m = _DANGLING_TAIL.search(text, start, end)
        if m is not None and m.start() > start and text[end - 1] not in QUOTE_MARKS:
            end = m.start()
        trimmed.append((start, end))
    draft.content = trimmed


def is_reported_clause(draft: Draft, doc: Doc) -> bool:
    """Whether the content is a clause the cue verb reports ("said (that) X did Y"), not an
    object ("cited the figure"), whose end the writer may well have left for a predicate."""
    cue = doc[draft.cue_token]
    first = draft.content[-1][0]
    return any(c.dep_ == "ccomp" and c.left_edge.idx <= first <= c.right_edge.idx for c in cue.children)


def complete_clause(draft: Draft, doc: Doc, text: str, quotes: QuoteIndex) -> None:
    """Run a reported content that stops short of its sentence's end on to it, when the rest
    is a few plain words (no punctuation, quotation or cue of its own) or what a colon right
    after the content introduces ("notes that three things are happening at once: ...")."""
    if not draft.content or draft.lemma in LAYOUT_CUES:
        return
    start, end = draft.content[-1]
    if end <= draft.cue[0] or quotes.at(end - 1) is not None or not is_reported_clause(draft, doc):
        return
    span = doc.char_span(end - 1, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return  # the content ends inside whitespace the tokenizer kept as no token
    sent = span[0].sent
    colon = doc[span.end] if span.end < sent.end else None
    if colon is not None and colon.text == ":" and quotes.at(colon.idx) is None:
        rest_end = min(sent.end_char, text.find("\n", colon.idx) % (len(text) + 1))
        tail = text[colon.idx + 1:rest_end].rstrip(" .!?")
        if tail.strip():
            draft.content[-1] = (start, colon.idx + 1 + len(tail))
        return
    rest = [t for t in doc[span.end:sent.end] if not t.is_space]
    while rest and rest[-1].is_punct and rest[-1].text in ".!?":
        rest.pop()
    if not rest or len(rest) > MAX_COMPLETION_WORDS or "\n" in text[end:rest[-1].idx]:
        return
    if rest[0].lower_ in DANGLING_WORDS or any(ch in _WRITER_MARKS for t in rest for ch in t.text) \
            or any(t.lower_ in CUE_VERB_LEMMAS or t.text == "--" for t in rest):
        return
    draft.content[-1] = (start, rest[-1].idx + len(rest[-1].text))
