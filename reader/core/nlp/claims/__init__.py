"""Claims of a parsed text: who says what, quoted or reported, and who rejects whose claim.

Steps, all on the one parse the entities use (nothing is re-parsed):
1. candidates from cue words (claim_finders, claim_verbs) and from layout (claim_layout:
   signed quotations, transcripts), minus cues inside quoted speech;
2. contents snapped to whole quotations, bare cues given the quotation they border, and
   split or running quotes gathered (claim_quotes);
3. only the outermost of nested attributions kept (the PolNeAR convention);
4. a claim that rejects "a claim" / "the report" linked to the claim it rejects;
5. speakers resolved to entities (claim_speakers).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.core.model import Claim, ClaimKind, Entity, Span
from reader.core.nlp.claims.confidence import claim_confidence
from reader.core.nlp.claims.content_edges import complete_clause, cut_writer_aside, trim_dangling
from reader.core.nlp.claims.cues import (
    ANAPHORIC_CLAIM_NOUNS,
    CUE_VERB_LEMMAS,
    DISPUTE_VERBS,
    HEARSAY_ADVERBS,
)
from reader.core.nlp.claims.finders import find_drafts, headline_draft, headline_verb_draft
from reader.core.nlp.claims.layout import signed_quote_drafts, transcript_drafts
from reader.core.nlp.claims.quotes import Quote, QuoteIndex
from reader.core.nlp.claims.spans import QUOTE_MARKS, Draft, Range
from reader.core.nlp.claims.speakers import SpeakerResolver
from reader.core.nlp.claims.verbs import BELIEF_ONLY_LEMMAS

if TYPE_CHECKING:
    from spacy.tokens import Doc

# What may stand between a quotation and the cue clause it belongs to.
_BEFORE_CLAUSE = re.compile(r"[ \t\xa0,—–-]*")
_AFTER_CLAUSE = re.compile(r"[ \t\xa0,—–-]*(?::\s*)?")
# What may stand between a claim and a quotation that continues it (same paragraph).
_CONTINUATION_GAP = re.compile(r"[ \t\xa0.,;:]*")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
# Sentence ends that may stand between a claim and a quotation on its line that continues it:
# the claim's own, and one sentence of the writer's ("..., Obama said. He did not threaten
# anyone. “Our goal is ...”").
MAX_GAP_SENTENCES = 2
# A quotation mark, not an apostrophe inside a word ("didn't", "Obama's").
_QUOTE_MARK = re.compile("(?<![A-Za-z])['’]|['’](?![A-Za-z])|[" + "".join(QUOTE_MARKS - {"'", "’"}) + "]")
# How far back (characters) a rejected claim may lie: the same or the previous sentences.
MAX_DISPUTE_DISTANCE = 600


def find_claims(doc: Doc, text: str, entities: Sequence[Entity]) -> list[Claim]:
    """Every attribution in ``text`` (parsed as ``doc``), in reading order."""
    quotes = QuoteIndex(text)
    drafts = list(find_drafts(doc, text, quotes))
    drafts.extend(signed_quote_drafts(doc, text, quotes))
    drafts.extend(transcript_drafts(doc, text))
    headline = headline_draft(doc, text) or headline_verb_draft(doc, text, drafts)
    if headline is not None:
        drafts.append(headline)
    for draft in drafts:
        _cut_content_tail(draft, doc, quotes)
        complete_clause(draft, doc, text, quotes)
        cut_writer_aside(draft, text, quotes)
        trim_dangling(draft, text)
        _snap_to_quotes(draft, quotes, text)
    drafts = _outermost([d for d in drafts if d.content])
    _continue_quotes(drafts, quotes, text)
    drafts.sort(key=lambda d: min(d.cue[0], d.content[0][0]))
    _link_disputes(drafts, doc)
    resolver = SpeakerResolver(doc, text, entities, quotes)
    return [_to_claim(d, doc, text, quotes, resolver) for d in drafts]


def _cut_content_tail(draft: Draft, doc: Doc, quotes: QuoteIndex) -> None:
    """End a content before ", a claim ..." (another source's verdict on it), ", citing ..."
    (the speaker's own next attribution) or an unquoted semicolon (the writer's next
    statement): the parser often hangs all three inside the content."""
    if not draft.content or draft.lemma in ("―", ":"):
        return
    start, end = draft.content[-1]
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return
    for tok in span[1:]:
        cut = None
        if tok.text == ";" and quotes.at(tok.idx) is None:
            cut = tok.idx
        elif tok.i > span.start + 1 and tok.left_edge.i > span.start \
                and doc[tok.left_edge.i - 1].text == ",":
            participle = tok.lower_.endswith("ing") and tok.lower_ in CUE_VERB_LEMMAS \
                and tok.left_edge.i == tok.i
            if tok.lower_ in ANAPHORIC_CLAIM_NOUNS or participle:
                cut = doc[tok.left_edge.i - 1].idx
        if cut is not None:
            if cut > start:
                draft.content[-1] = (start, cut)
            return


def _snap_to_quotes(draft: Draft, quotes: QuoteIndex, text: str) -> None:
    """Widen content edges that fall inside a quotation to the whole quotation, and give a
    cue without content (or with quoted content before it) its bordering quotations."""
    draft.content = [_snap_fragment(r, quotes) for r in draft.content]
    if draft.lemma in ("according to", ":") or draft.lemma in HEARSAY_ADVERBS \
            or draft.lemma in BELIEF_ONLY_LEMMAS:
        return  # a quotation beside "believes" or "according to" is not what they attribute
    before, after = _bordering_quotes(draft.clause, quotes, text)
    if before is not None and (not draft.content or draft.content[0][1] <= draft.cue[0]
                               or _overlaps(draft.content[0], (before.start, before.end))):
        draft.content = [(before.start, before.end)]
        if after is not None:
            draft.content.append(after)
    elif after is not None and (not draft.content or draft.content[-1][1] <= draft.clause[0]):
        draft.content.append(after)  # "It was, the president said, “a stone where ...”"


def _snap_fragment(fragment: Range, quotes: QuoteIndex) -> Range:
    """A fragment inside one quotation becomes that quotation; edges in quotes widen to them."""
    start, end = fragment
    first, last = quotes.at(start), quotes.at(end - 1)
    if first is not None and first is last and first.is_speech:
        return (min(start, first.start), max(end, first.end))
    if first is not None and start - first.start <= 2 and (first.is_speech or first.end >= end):
        start, end = first.start, max(end, first.end)
    if last is not None and last.start >= start:
        end = max(end, last.end)
    return (start, end)


# A second piece of a split quote may open with a conjunction: he said, but "...".
_LINKING_WORD = re.compile(r"(?:but|and|adding|before)\s+", re.IGNORECASE)


def _bordering_quotes(clause: Range, quotes: QuoteIndex,
                      text: str) -> tuple[Quote | None, Range | None]:
    """The speech quotation ending just before ``clause`` and the one (with a linking word)
    starting just after it; clause edges inside a quotation stop at it."""
    start, end = clause
    inside = quotes.at(start)
    if inside is not None and inside.is_speech:
        start = inside.end
    inside = quotes.at(end - 1)
    if inside is not None and inside.is_speech and inside.start > start:
        end = inside.start
    before = None
    q = quotes.at(_skip_back(text, start) - 1)
    if q is not None and q.is_speech and _BEFORE_CLAUSE.fullmatch(text, q.end, start):
        before = q
    after = _AFTER_CLAUSE.match(text, end)  # every part is optional: it always matches
    gap = after.end() if after else end
    link = _LINKING_WORD.match(text, gap)
    q = quotes.at(link.end() if link else gap)
    if q is None or not q.is_speech or q.start != (link.end() if link else gap):
        return before, None
    return before, (gap, q.end)


def _skip_back(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1] in " \t\xa0,—–-":
        pos -= 1
    return pos


def _outermost(drafts: list[Draft]) -> list[Draft]:
    """Drop attributions whose cue lies inside another attribution's content or another's
    cue (one cue read twice, e.g. a headline colon that is also a transcript turn)."""
    out: list[Draft] = []
    for d in drafts:
        nested = any(o is not d and any(s <= d.cue[0] < e for s, e in o.content)
                     and not _overlaps(d.cue, o.cue) and not _is_rejected_by(d, o)
                     for o in drafts)
        repeated = any(o is not d and o.cue[0] <= d.cue[0] and d.cue[1] <= o.cue[1]
                       and o.cue != d.cue for o in drafts) or any(o.cue == d.cue for o in out)
        if not nested and not repeated:
            out.append(d)
    return out


def _is_rejected_by(inner: Draft, outer: Draft) -> bool:
    """ "Kyiv dismissed Moscow's claim that ...": the claim rejected stays beside its rejection."""
    return outer.lemma in DISPUTE_VERBS and inner.cue_token == outer.target


def _overlaps(a: Range, b: Range) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _continue_quotes(drafts: list[Draft], quotes: QuoteIndex, text: str) -> None:
    """Append to a direct claim the quotations that carry on right after it: later in its
    sentence or line, or as whole paragraphs of quotation with no cue of their own."""
    used = {q.start for d in drafts for s, e in d.content for q in quotes.starting_in(s, e)}
    for d in drafts:
        _prepend_open_paragraphs(d, quotes, text, used)
        last_end = d.content[-1][1]
        if quotes.at(last_end - 1) is None and last_end > d.cue[0]:
            continue  # a reported clause after its cue: a quotation later is not its sequel
        pos = max(last_end, d.clause[1])
        while True:
            nxt = _next_quote(text, pos, quotes.at(last_end - 1), quotes)
            if nxt is None or nxt.start in used or not nxt.is_speech:
                break
            d.content.append((nxt.start, nxt.end))
            used.add(nxt.start)
            pos = last_end = nxt.end


def _prepend_open_paragraphs(d: Draft, quotes: QuoteIndex, text: str, used: set[int]) -> None:
    """Quotations left open at the end of the paragraphs just before a direct claim's first
    quotation are the same speech (the convention for quotes running over paragraphs)."""
    first = quotes.at(d.content[0][0])
    while first is not None and first.start == d.content[0][0]:
        before = first.start
        while before > 0 and text[before - 1].isspace():
            before -= 1
        prev = quotes.at(before - 1)
        if prev is None or prev.closed or prev.start in used \
                or "\n" not in text[before:first.start]:
            return
        d.content.insert(0, (prev.start, prev.end))
        used.add(prev.start)
        first = prev


def _next_quote(text: str, pos: int, prev: Quote | None, quotes: QuoteIndex) -> Quote | None:
    """The quotation that may continue one ending near ``pos``: the next on the same line
    after at most the end of the cue's sentence, or one filling the next paragraph."""
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    nxt = next(iter(quotes.starting_in(pos, line_end)), None)
    if nxt is not None:
        gap = text[pos:nxt.start]
        if not _QUOTE_MARK.search(gap) and len(_SENTENCE_END.findall(gap)) <= MAX_GAP_SENTENCES \
                and _CONTINUATION_GAP.fullmatch(gap.rstrip()[-1:] or "."):
            return nxt
        return None
    if text[pos:line_end].strip(" \t.,;:") or line_end >= len(text):
        return None
    start = line_end
    while start < len(text) and text[start].isspace():
        start += 1
    nxt = quotes.at(start)
    if nxt is None or nxt.start != start:
        return None
    para_end = text.find("\n", nxt.start)
    para_end = len(text) if para_end < 0 else para_end
    whole = nxt.end >= para_end - 1 or (prev is not None and not prev.closed)
    return nxt if whole else None


def _link_disputes(drafts: list[Draft], doc: Doc) -> None:
    """Point a rejecting claim ("a claim branded a lie by Kyiv") at the claim it rejects."""
    for i, d in enumerate(drafts):
        if d.target is None or d.lemma not in DISPUTE_VERBS:
            continue
        own = [j for j, o in enumerate(drafts) if o.cue_token == d.target and j != i]
        pos = doc[d.target].idx
        earlier = [j for j, o in enumerate(drafts)
                   if j != i and o.cue[0] < pos and pos - o.cue[0] <= MAX_DISPUTE_DISTANCE]
        if own or earlier:
            d.disputes = (own or earlier)[-1]


def _kind(content: Sequence[Range], quotes: QuoteIndex) -> ClaimKind:
    """Direct when every piece is a whole quotation, mixed when some quotation is inside."""
    whole = [(q := quotes.at(s)) is not None and q.start == s and q.end == e for s, e in content]
    if all(whole):
        return "direct"
    if any(whole) or any(quotes.starting_in(s, e) for s, e in content):
        return "mixed"
    return "indirect"


def _to_claim(d: Draft, doc: Doc, text: str, quotes: QuoteIndex,
              resolver: SpeakerResolver) -> Claim:
    speaker = entity = None
    vague = False
    if d.speaker is not None and d.speaker_head is not None:
        speaker = Span(d.speaker[0], d.speaker[1], text[d.speaker[0]:d.speaker[1]])
        entity, vague = resolver.resolve(doc[d.speaker_head], d.speaker)
    cue = Span(d.cue[0], d.cue[1], text[d.cue[0]:d.cue[1]])
    kind = _kind(d.content, quotes)
    return Claim(
        cue=cue, content=tuple(Span(s, e, text[s:e]) for s, e in d.content),
        kind=kind, speaker=speaker, speaker_entity=entity, disputes=d.disputes, vague=vague,
        confidence=claim_confidence(d, cue.text, kind, entity))
