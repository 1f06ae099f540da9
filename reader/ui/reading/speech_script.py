"""What read-aloud says: the title, then the story, sentence by sentence, as Article.text spans.

Only the story is read: removed blocks never, image captions only when asked, tables and code not
at all (read cell by cell or symbol by symbol they are noise to a listener). Each sentence keeps
its span in Article.text, so the reading view can highlight it. Pure Python: no Qt, no speech.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.model import Article, Block

# Block kinds read as prose; captions join them only on request.
SPOKEN_KINDS = frozenset({"paragraph", "heading", "quote", "list-item"})
CAPTION_KINDS = frozenset({"caption", "image"})
# A sentence ends at . ! ? or … (plus closing quotes or brackets) before a space and a capital,
# a digit or an opening quote; what precedes the stop decides whether it is an abbreviation.
SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9À-Ý])")
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "st", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt",
    "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc", "jan", "feb", "mar", "apr", "aug",
    "sept", "sep", "oct", "nov", "dec", "u.s", "u.k", "e.g", "i.e", "a.m", "p.m",
})
# A "sentence" longer than this (a list without stops) is cut at the next comma or space after
# it, so the highlight and a pause never wait for a minute of speech.
MAX_SENTENCE_CHARS = 400


@dataclass(frozen=True)
class Utterance:
    """One sentence to speak and where it sits in Article.text."""

    text: str
    start: int
    end: int


def _is_abbreviation(text: str, stop: int) -> bool:
    """Whether the full stop at ``stop`` closes an abbreviation ("Mr.", "U.S.") or an initial."""
    word = re.search(r"([\w.]+)$", text[:stop])
    if word is None:
        return False
    token = word.group(1).lower().rstrip(".")
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        window = text[start:start + MAX_SENTENCE_CHARS]
        cut = max(window.rfind(", "), window.rfind("; "))
        cut = cut + 1 if cut > MAX_SENTENCE_CHARS // 3 else window.rfind(" ")
        if cut <= 0:
            cut = MAX_SENTENCE_CHARS
        pieces.append((start, start + cut))
        start += cut
        while start < end and text[start].isspace():
            start += 1
    pieces.append((start, end))
    return pieces


def split_sentences(text: str, offset: int = 0) -> list[Utterance]:
    """The sentences of ``text`` (one block), their spans shifted by ``offset``."""
    bounds = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        if text[match.start()] == "." and _is_abbreviation(text, match.start()):
            continue
        bounds.append((start, match.end()))
        start = match.end()
    bounds.append((start, len(text)))
    utterances = []
    for a, b in bounds:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        for x, y in _cut_long(text, a, b) if b > a else []:
            utterances.append(Utterance(text[x:y], offset + x, offset + y))
    return utterances


def is_spoken(block: Block, include_captions: bool) -> bool:
    return block.kind in SPOKEN_KINDS or (include_captions and block.kind in CAPTION_KINDS)


def speech_script(article: Article, include_captions: bool = False) -> list[Utterance]:
    """Title, then each spoken story block's sentences, in reading order."""
    script = []
    if article.title:
        script += split_sentences(article.title, 0)
    for block, (start, _end) in zip(article.story_blocks, article.story_offsets(), strict=True):
        if is_spoken(block, include_captions):
            script += split_sentences(block.text, start)
    return script
