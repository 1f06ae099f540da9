"""Attribution candidates read off the dependency parse: cue verbs (claim_verbs), cue nouns,
"according to", hearsay adverbs and headline colons.

Each finder yields :class:`Draft` objects; quotes, nesting and disputes are settled later in
claims.py. Only dependency labels and token text are used (the pipeline has no tagger).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from reader.core.nlp.claims.cues import (
    ANAPHORIC_CLAIM_NOUNS,
    ATTITUDE_ADJECTIVES,
    ATTITUDE_PREPS,
    CUE_NOUNS,
    CUE_VERB_LEMMAS,
    HEARSAY_ADVERBS,
)
from reader.core.nlp.claims.quotes import QuoteIndex
from reader.core.nlp.claims.spans import (
    Draft,
    clip_to_line,
    speaker_range,
    subtree_range,
    token_range,
    tokens_range,
    trim,
    without,
)
from reader.core.nlp.claims.verbs import (
    VERB_DEPS,
    find_subject,
    in_speech,
    is_verb_cue,
    verb_cue_range,
    verb_draft,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

NOUN_DEPS = frozenset(("nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr", "ROOT", "conj",
                       "npadvmod"))


def find_drafts(doc: Doc, text: str, quotes: QuoteIndex) -> Iterator[Draft]:
    """Every attribution candidate of ``doc`` outside quoted speech (unordered, maybe nested)."""
    for tok in doc:
        low = tok.lower_
        if in_speech(tok, quotes):
            continue
        if is_verb_cue(tok):
            draft = verb_draft(tok, text, quotes)
        elif low in CUE_NOUNS and tok.dep_ in NOUN_DEPS:
            draft = noun_draft(tok, text)
        elif low == "according":
            draft = according_draft(tok, text)
        elif low in HEARSAY_ADVERBS:
            draft = hearsay_draft(tok, text)
        elif low in SEEMING_VERBS and tok.dep_ in VERB_DEPS:
            draft = seeming_draft(tok, text)
        elif tok.text == ":":
            draft = colon_quote_draft(tok, text, quotes)
        elif low in ATTITUDE_ADJECTIVES and tok.dep_ == "acomp":
            draft = attitude_draft(tok, text, quotes)
        else:
            continue
        if draft is not None:
            yield draft


def _noun_content(tok: Token) -> Token | None:
    """The complement of cue noun ``tok``: a that-clause, an infinitive or an "of/about" phrase."""
    for child in tok.rights:
        if child.dep_ in ("ccomp", "acl") and any(g.dep_ == "mark" or g.lower_ == "to"
                                                  for g in child.lefts):
            return child
        if child.dep_ == "prep" and child.lower_ in ("of", "about", "for", "that", "on"):
            return child
    return None


def _noun_owner(tok: Token) -> Token | None:
    """Whose claim noun ``tok`` is: "Russia's claim", "a statement by the ministry", or the
    subject of the verb it is the object of ("the ministry issued a statement")."""
    for child in tok.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    names = [c for c in tok.lefts if c.dep_ == "compound" and c.text[:1].isupper()]
    if names and tok.lower_ not in ANAPHORIC_CLAIM_NOUNS - frozenset(("report", "reports")):
        return names[-1]  # "a Pentagon report that ...": the name before the noun
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head  # "persisted in arguments that ..."
    if tok.dep_ in ("dobj", "pobj") and head.i != tok.i and head.dep_ in VERB_DEPS:
        return find_subject(head)
    return None


def noun_draft(tok: Token, text: str) -> Draft | None:
    """A claim from a cue noun with its own content ("Russia's claim that ...")."""
    complement = _noun_content(tok)
    if complement is None:
        return None
    speaker = _noun_owner(tok)
    if speaker is None and tok.lower_ not in ANAPHORIC_CLAIM_NOUNS:
        return None  # "plans to expand", "the view of the world": nobody's claim
    content = subtree_range(complement, text)
    if content is None:
        return None
    if complement.dep_ == "prep":  # "claims of victory": the content starts after "of"
        content = trim(text, (complement.idx + len(complement.text), content[1]), True)
        if content is None:
            return None
    draft = Draft(cue=token_range(tok), cue_token=tok.i, lemma=tok.lower_, content=[content])
    if speaker is not None:
        draft.speaker = tokens_range(tok.doc[tok.left_edge.i:speaker.i + 1]) \
            if speaker.dep_ == "compound" else speaker_range(speaker, text)
        draft.speaker_head = speaker.i
    draft.clause = draft.cue
    return draft


def according_draft(tok: Token, text: str) -> Draft | None:
    """ "According to X, Y" / "Y, according to X": X is the speaker, Y the content."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        to = tok.doc[tok.i + 1]
    if to is not None and tok.i == tok.sent.start:
        opening = _opening_according(tok, to, text)
        if opening is not None:
            return opening
    source = next((c for c in to.children if c.dep_ in ("pobj", "pcomp")), None) if to else None
    if to is None or source is None:
        return None
    sent = tok.sent
    clause = (sent.start_char, sent.end_char)
    if tok.head.i != tok.i and tok.head.dep_ != "ROOT":
        clause = tokens_range(tok.head.subtree) or clause
    hole = tokens_range(tok.subtree) or token_range(tok)
    content = without(clause, [hole], text)
    draft = Draft(cue=(tok.idx, to.idx + len(to.text)), cue_token=tok.i, lemma="according to",
                  content=content[:2])
    draft.speaker = speaker_range(source, text)
    draft.speaker_head = source.i
    draft.clause = hole
    return draft if content else None


# The longest source phrase of a sentence-opening "According to X," (tokens before the comma).
MAX_ACCORDING_SOURCE_TOKENS = 15
# The fewest words of a content after it: a clause has a subject and a verb at least.
MIN_ACCORDING_CONTENT_WORDS = 2


def _opening_according(tok: Token, to: Token, text: str) -> Draft | None:
    """ "According to X, Y.": the source runs to the first comma, the content from there to
    the sentence's end, whatever the parse (it often hangs Y on X as an apposition)."""
    sent = tok.sent
    comma = next((t for t in sent[to.i - sent.start + 1:] if t.text == ","), None)
    if comma is None or not 0 < comma.i - to.i - 1 <= MAX_ACCORDING_SOURCE_TOKENS:
        return None
    source = tok.doc[to.i + 1:comma.i]
    content = trim(text, (comma.idx + 1, sent.end_char), keep_quotes=True)
    if content is None or len(text[content[0]:content[1]].split()) < MIN_ACCORDING_CONTENT_WORDS:
        return None  # "According to the station, mostly.": a comment on the sentence before
    head = next((t for t in source if t.dep_ == "pobj" and t.head.i == to.i), source[-1])
    return Draft(cue=(tok.idx, to.idx + len(to.text)), cue_token=tok.i, lemma="according to",
                 content=[content], speaker=tokens_range(source), speaker_head=head.i,
                 clause=(tok.idx, comma.idx))


def attitude_draft(tok: Token, text: str, quotes: QuoteIndex) -> Draft | None:
    """ "Graham has been critical of Trump": the copula's subject holds an attitude towards what
    the adjective's complement names."""
    complement = next((c for c in tok.rights if (c.dep_ == "prep" and c.lower_ in ATTITUDE_PREPS)
                       or c.dep_ in ("ccomp", "xcomp")), None)
    speaker = find_subject(tok.head, quotes)
    if complement is None or speaker is None or speaker.lower_ in ("it", "there"):
        return None
    content = subtree_range(complement, text)
    if content is not None and complement.dep_ == "prep":
        content = trim(text, (complement.idx + len(complement.text), content[1]), True)
    if content is None:
        return None
    draft = Draft(cue=token_range(tok), cue_token=tok.i, lemma=tok.lower_, content=[content])
    draft.speaker = speaker_range(speaker, text)
    draft.speaker_head = speaker.i
    draft.clause = draft.cue
    return draft


# Verbs of seeming: "Melania seems to have vanished" is the writer's impression, a claim with
# no source whose content is the subject and what it seems to do or be.
SEEMING_VERBS = frozenset(("seem", "seems", "seemed", "appear", "appears", "appeared"))


def seeming_draft(tok: Token, text: str) -> Draft | None:
    """ "X seems to Y": content X + to Y, cue "seems", no source. A cue verb after it ("appeared
    to suggest that ...") is the claim instead, with X as its speaker."""
    subject = next((c for c in tok.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
    complement = next((c for c in tok.rights if c.dep_ == "xcomp"
                       and any(g.lower_ == "to" for g in c.lefts)), None)
    if subject is None or complement is None or subject.lower_ in ("it", "there") \
            or complement.lower_ in CUE_VERB_LEMMAS:
        return None
    parts = [subtree_range(subject, text), subtree_range(complement, text)]
    clipped = (clip_to_line(r, tok.idx, text) for r in parts if r is not None)
    content = [r for r in clipped if r is not None]
    if len(content) < 2:
        return None
    return Draft(cue=verb_cue_range(tok), cue_token=tok.i, lemma=_seeming_lemma(tok), content=content,
                 clause=verb_cue_range(tok))


def _seeming_lemma(tok: Token) -> str:
    return "appear" if tok.lower_.startswith("appear") else "seem"


# Nouns that announce a quotation after a colon: "Sanders made the following comment: “...”".
ANNOUNCING_NOUNS = frozenset(("comment", "comments", "statement", "words", "remark", "remarks",
                              "message", "headline", "quote", "quotes", "phrase", "response",
                              "reply", "answer", "tweet", "note"))


def colon_quote_draft(colon: Token, text: str, quotes: QuoteIndex) -> Draft | None:
    """ "Sanders made the following comment: “...”": a clause whose verb is no cue, naming a
    comment or a quote and ending in a colon, attributes the quotation after the colon to the
    verb's subject (the cue runs from the verb to the colon)."""
    start = colon.idx + 1
    while start < len(text) and text[start].isspace():
        start += 1
    quote = quotes.at(start)
    if quote is None or quote.start != start or not quote.is_speech:
        return None
    before = colon.doc[colon.sent.start:colon.i]
    found = next(((t, s) for t in reversed(before) if t.dep_ in VERB_DEPS
                  and (s := find_subject(t, quotes)) is not None), None)
    if found is None:
        return None
    verb, subject = found
    if verb.lower_ in CUE_VERB_LEMMAS or not any(t.lower_ in ANNOUNCING_NOUNS
                                                 for t in before if t.i > verb.i):
        return None
    return Draft(cue=(verb_cue_range(verb)[0], colon.idx + 1), cue_token=verb.i, lemma=":",
                 content=[(quote.start, quote.end)], speaker=speaker_range(subject, text),
                 speaker_head=subject.i, clause=(verb.idx, colon.idx + 1))


def hearsay_draft(tok: Token, text: str) -> Draft | None:
    """ "The suspect allegedly fled": an unattributed claim, the clause around the adverb."""
    head = tok.head
    if head.i == tok.i:
        return None
    clause = tokens_range(head.subtree)
    if clause is None:
        return None
    content = without(clause, [token_range(tok)], text)
    if not content:
        return None
    return Draft(cue=token_range(tok), cue_token=tok.i, lemma=tok.lower_, content=content,
                 clause=token_range(tok))


# A headline source before a colon is a short name or title ("Minister:", "Kremlin:"); longer
# left sides are labels or clauses ("Winter Olympics 2026: what to watch").
MAX_HEADLINE_SOURCE_TOKENS = 3


def headline_draft(doc: Doc, text: str) -> Draft | None:
    """ "Minister: fuel tax rise is unavoidable" in the first line: the colon is the cue."""
    first_line_end = text.find("\n")
    first_line_end = len(text) if first_line_end < 0 else first_line_end
    for tok in doc:
        if tok.idx >= first_line_end:
            break
        if tok.text != ":":
            continue
        left = [t for t in doc[:tok.i] if not t.is_space]
        if not 0 < len(left) <= MAX_HEADLINE_SOURCE_TOKENS or not left[0].text[:1].isupper():
            return None
        if any(t.lower_ in CUE_VERB_LEMMAS for t in left):
            return None
        content = (tok.idx + 1, first_line_end)
        span = trim(text, content, keep_quotes=True)
        if span is None:
            return None
        return Draft(cue=token_range(tok), cue_token=tok.i, lemma=":", content=[span],
                     speaker=tokens_range(left), speaker_head=left[-1].i, clause=token_range(tok))
    return None


# A headline's source is a short name or description before its verb ("Mayor Ada Price Calls
# ...", "Former Harbour Board Chair Says ..."); a longer left side is a clause of its own.
MAX_HEADLINE_VERB_SOURCE_TOKENS = 5
# Dependencies that make a cue word in a headline a noun ("Post", "Tweet", "Plan").
HEADLINE_NOUN_DEPS = frozenset(("nsubj", "nsubjpass", "dobj", "pobj", "compound", "amod", "poss",
                                "nummod", "appos"))


def headline_verb_draft(doc: Doc, text: str, taken: list[Draft]) -> Draft | None:
    """ "Senator Urges Sanctions on Ruritania": in a first line the parser often misreads
    (title case, no article), the first present-tense cue verb after a short source that
    starts with a capital is the cue and the rest of the line its content. A first-line claim read off the
    parse already gets the rest of the line instead."""
    line_end = text.find("\n")
    line_end = len(text) if line_end < 0 else line_end
    words = [t for t in doc if t.idx < line_end and not t.is_space]
    if not words or words[-1].text == "?":
        return None  # "Could the port close ...?": a question claims nothing
    for i, tok in enumerate(words[1:MAX_HEADLINE_VERB_SOURCE_TOKENS + 1], start=1):
        if any(t.is_punct for t in words[:i]) or not _is_headline_verb(tok):
            continue
        content = trim(text, (tok.idx + len(tok.text), line_end), keep_quotes=True)
        left = words[:i]
        if content is None or not (left[0].text[:1].isupper() or left[0].like_num) \
                or any(t.lower_ in CUE_VERB_LEMMAS for t in left):
            return None  # "Board rejects plan ...": the first cue word is the verb or none is
        for draft in taken:
            if draft.cue[0] < line_end and draft.content:
                if draft.cue_token == tok.i:
                    draft.content = [(draft.content[0][0], content[1])]
                return None
        taken[:] = [d for d in taken if d.cue_token != tok.i]
        return Draft(cue=token_range(tok), cue_token=tok.i, lemma=CUE_VERB_LEMMAS[tok.lower_],
                     content=[content], speaker=tokens_range(left), speaker_head=left[-1].i,
                     clause=token_range(tok))
    return None


def _is_headline_verb(tok: Token) -> bool:
    """A cue verb in the headline present tense: "Says", "calls", "Urge" (not "Said")."""
    lemma = CUE_VERB_LEMMAS.get(tok.lower_)
    if tok.dep_ in HEADLINE_NOUN_DEPS or any(c.dep_ in ("det", "poss") for c in tok.children):
        return False  # "Gazette Opinion Piece", "Price Plan for Ferries": a noun
    return lemma is not None and tok.lower_ in (lemma, lemma + "s", lemma + "es",
                                                lemma[:-1] + "ies")
