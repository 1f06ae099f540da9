"""Attributions marked by layout rather than grammar: a quotation signed with a dash
(“...” ― Jane Doe) and transcript lines ("SMITH: Well, look, ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from reader.core.nlp.claims.quotes import QuoteIndex
from reader.core.nlp.claims.spans import Draft, trim

if TYPE_CHECKING:
    from spacy.tokens import Doc

# A signature after a quotation: a dash, then a short capitalised name up to the line's end.
_SIGNATURE = re.compile(
    r"[ \t\xa0]*([―—–]|--)[ \t\xa0]*((?:[A-Z][\w.'’-]*[ \t\xa0]?){1,5})[ \t\xa0.]*(?=\n|$)")
# A transcript speaker: an all-capitals name (one or two words) and a colon opening a line.
_TRANSCRIPT = re.compile(r"^[\"“”]?([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)?):[ \t]+(?=\S)",
                         re.MULTILINE)

# How many "NAME:" lines make a transcript (two speakers taking turns at the least).
MIN_TRANSCRIPT_LINES = 2


def _token_at(doc: Doc, pos: int) -> int:
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    return span.start if span is not None else 0


def signed_quote_drafts(doc: Doc, text: str, quotes: QuoteIndex) -> Iterator[Draft]:
    """ “...” ― Name: the dash is the cue, the name the speaker, the quotation the content."""
    for quote in quotes.quotes:
        if not quote.is_speech:
            continue
        m = _SIGNATURE.match(text, quote.end)
        if m is None:
            continue
        speaker = trim(text, m.span(2), keep_quotes=False)
        if speaker is None:
            continue
        cue = m.span(1)
        yield Draft(cue=cue, cue_token=_token_at(doc, cue[0]), lemma="―",
                    speaker=speaker, speaker_head=_token_at(doc, speaker[1] - 1),
                    content=[(quote.start, quote.end)], clause=cue)


def transcript_drafts(doc: Doc, text: str) -> Iterator[Draft]:
    """ "NAME: words": the colon is the cue, the rest of the line the content (only in a text
    where such lines take turns: a lone "UPDATE:" is a label, not a transcript)."""
    lines = list(_TRANSCRIPT.finditer(text))
    names = [m.group(1) for m in lines]
    if len(lines) < MIN_TRANSCRIPT_LINES or len(set(names)) == len(names):
        return  # speakers take turns: some name comes back ("UPDATE:", "WASHINGTON:" do not)
    for m in lines:
        line_end = text.find("\n", m.end())
        content = trim(text, (m.end(), len(text) if line_end < 0 else line_end), keep_quotes=True)
        if content is None:
            continue
        name = m.span(1)
        cue = (name[1], name[1] + 1)
        yield Draft(cue=cue, cue_token=_token_at(doc, cue[0]), lemma=":", speaker=name,
                    speaker_head=_token_at(doc, name[1] - 1), content=[content], clause=cue)
