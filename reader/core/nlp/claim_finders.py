"""Attribution candidates read off the dependency parse: cue verbs, cue nouns, "according to",
hearsay adverbs, impersonal passives and headline colons.

Each finder yields :class:`Draft` objects; quotes, nesting and disputes are settled later in
claims.py. Only dependency labels and token text are used (the pipeline has no tagger).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from reader.core.nlp.claim_quotes import QuoteIndex
from reader.core.nlp.claim_spans import (
    Draft, Range, clip_to_line, speaker_range, subtree_range, token_range, tokens_range, trim, without,
)
from reader.core.nlp.cues import (
    BELIEF_VERBS, QUOTE_ONLY_LEMMAS, SPEECH_VERBS, ANAPHORIC_CLAIM_NOUNS, CUE_NOUNS, CUE_VERB_LEMMAS, HEARSAY_ADVERBS, OBJECT_CONTENT_LEMMAS,
    RECIPIENT_LEMMAS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Dependency labels a verb (not a noun or adjective) carries in this parser's scheme.
VERB_DEPS = frozenset(("ROOT", "ccomp", "conj", "advcl", "xcomp", "relcl", "acl", "parataxis",
                       "pcomp", "csubj"))
SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass", "csubj"))
CLAUSE_CONTENT_DEPS = ("ccomp", "xcomp")
OBJECT_DEPS = frozenset(("dobj", "oprd", "attr"))
NOUN_DEPS = frozenset(("nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr", "ROOT", "conj",
                       "npadvmod"))
# Prepositions that introduce what a verb's object is said about ("dismissed X as Y").
CONTENT_PREPS = frozenset(("as", "of", "for", "on", "to", "about", "against", "into", "over",
                           "with"))
# Prepositions after an object that say how or when it was said, not what.
NON_CONTENT_PREPS = frozenset(("by", "during", "after", "before", "since", "while", "amid",
                               "despite", "via", "through"))
# Other dependents after an object that the parser hangs on the verb but belong to the object.
OBJECT_TAIL_DEPS = frozenset(("relcl", "acl", "dative", "oprd", "xcomp"))
# Prepositions that introduce the topic of any cue verb ("warned against", "spoke about").
TOPIC_PREPS = frozenset(("about", "against", "of"))
# Verbs whose object is a speech act owned by the verb's subject ("X issued a statement").
SPEECH_ACT_VERBS = frozenset(("make", "made", "makes", "making", "issue", "issued", "issues",
                              "release", "released", "give", "gave", "given", "deliver",
                              "delivered", "repeat", "repeated", "publish", "published",
                              "express", "expressed", "voice", "voiced", "offer", "offered",
                              "send", "sent", "post", "posted"))
# Verbs that take a clause without reporting anyone's words or mind.
NON_ATTITUDE_VERBS = frozenset(("is", "was", "are", "were", "be", "been", "being", "'s", "’s",
                                "means", "mean", "meant", "ensure", "ensures", "ensured",
                                "make", "makes", "made", "so", "given", "require", "requires",
                                "required"))
# Dependents only a noun takes: a cue word with one of them is not a verb here.
NOMINAL_DEPS = frozenset(("det", "amod", "poss", "nummod", "compound", "case"))
# Belief and intention lemmas that are not also verbs of saying.
BELIEF_ONLY_LEMMAS = frozenset(BELIEF_VERBS) - frozenset(SPEECH_VERBS)
AUX_DEPS = frozenset(("aux", "auxpass", "neg"))
IMPERSONAL_SUBJECTS = frozenset(("it",))


def find_drafts(doc: Doc, text: str, quotes: QuoteIndex) -> Iterator[Draft]:
    """Every attribution candidate of ``doc`` outside quoted speech (unordered, maybe nested)."""
    for tok in doc:
        low = tok.lower_
        if _in_speech(tok, quotes):
            continue
        if low in CUE_VERB_LEMMAS and tok.dep_ in VERB_DEPS:
            draft = verb_draft(tok, CUE_VERB_LEMMAS[low], text, quotes)
        elif tok.dep_ in VERB_DEPS and _takes_that_clause(tok):
            draft = verb_draft(tok, low, text, quotes)
        elif low in CUE_NOUNS and tok.dep_ in NOUN_DEPS:
            draft = noun_draft(tok, text)
        elif low == "according":
            draft = according_draft(tok, text)
        elif low in HEARSAY_ADVERBS:
            draft = hearsay_draft(tok, text)
        else:
            continue
        if draft is not None:
            yield draft


def _takes_that_clause(tok: Token) -> bool:
    """A verb outside the lexicon with a subject and a "that" clause: an attitude verb."""
    if tok.lower_ in NON_ATTITUDE_VERBS or not tok.text.isalpha():
        return False
    has_subject = any(c.dep_ == "nsubj" for c in tok.children)
    return has_subject and any(c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that"
                                                         for g in c.children)
                               for c in tok.children)


def _channel_that_clause(tok: Token) -> Token | None:
    """ "said in a briefing that X": the parser may read "that X" as a relative clause of
    "briefing"; a relative clause with a subject of its own is the cue's content."""
    for prep in tok.rights:
        if prep.dep_ != "prep":
            continue
        for pobj in prep.children:
            for rel in pobj.rights:
                if rel.dep_ == "relcl" and rel.left_edge.lower_ == "that" \
                        and any(c.dep_ in ("nsubj", "nsubjpass") for c in rel.children) \
                        and _that_is_complementizer(rel):
                    return rel
    return None


def _that_is_complementizer(rel: Token) -> bool:
    """In "that its forces had liberated the village", "that" cannot be the object (the verb
    has one already), so it introduces a clause rather than a relative clause."""
    that = rel.left_edge
    if that.dep_ == "mark":
        return True
    return that.dep_ == "dobj" and sum(c.dep_ in ("dobj", "attr") for c in rel.children) > 1


def verb_cue_range(tok: Token) -> Range:
    """The verb with its auxiliaries and negation just before it and a particle after it."""
    first = tok
    for left in reversed(list(tok.lefts)):
        if left.dep_ in AUX_DEPS and left.i == first.i - 1:
            first = left
    last = tok
    for right in tok.rights:
        if right.dep_ == "prt" and right.i == last.i + 1:
            last = right
    return (first.idx, last.idx + len(last.text))


def find_subject(tok: Token, quotes: QuoteIndex | None = None) -> Token | None:
    """The grammatical subject of verb ``tok``, inherited through conjunctions and participles;
    a "subject" inside quoted speech is a misparse of the quote, not the speaker."""
    seen = 0
    while seen < 4:
        subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS and same_line(c, tok)]
        if quotes is not None:
            subjects = [c for c in subjects if not _in_speech(c, quotes)]
        if subjects:
            return min(subjects, key=lambda c: abs(c.i - tok.i))
        if tok.dep_ in ("conj", "xcomp", "advcl"):  # non-finite: the head's subject
            tok = tok.head
        elif tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
            tok = tok.head.head  # "responded by saying ...": the one who responded
        elif tok.dep_ == "acl" and tok.head.dep_ in OBJECT_DEPS:
            tok = tok.head.head  # "issued a statement saying ...": the statement's issuer
        else:
            return None
        seen += 1
    return None


def _in_speech(tok: Token, quotes: QuoteIndex) -> bool:
    quote = quotes.at(tok.idx)
    return quote is not None and quote.is_speech


def agent_of(tok: Token) -> Token | None:
    """The "by X" agent of a passive or participial cue verb (the parser may hang it on the
    verb's object: "branded a lie by Kyiv")."""
    candidates = list(tok.children)
    candidates += [g for c in candidates if c.dep_ in OBJECT_DEPS for g in c.rights]
    for child in candidates:
        if child.dep_ in ("agent", "prep") and child.lower_ == "by":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _is_excluded_verb(tok: Token) -> bool:
    """Uses of a cue word that are not attributions: a noun ("a different view"),
    "so-called", "the film called"."""
    if any(c.dep_ in NOMINAL_DEPS for c in tok.children):
        return True
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "so":
        return True
    if tok.lower_ == "called" and tok.dep_ == "acl":
        return True
    return tok.dep_ == "acl" and tok.lower_.endswith("ed") and agent_of(tok) is None \
        and not any(c.dep_ == "nsubj" for c in tok.children)


def same_line(a: Token, b: Token) -> bool:
    """Whether no line break separates ``a`` and ``b`` (the parser links across paragraphs)."""
    lo, hi = (a, b) if a.i < b.i else (b, a)
    return not any("\n" in t.text_with_ws for t in lo.doc[lo.i:hi.i])


def content_children(tok: Token, lemma: str) -> list[Token]:
    """The dependents of cue verb ``tok`` that carry what is said."""
    children = [c for c in tok.children if same_line(c, tok)]
    if lemma in QUOTE_ONLY_LEMMAS:
        return []
    rights = [c for c in children if c.i > tok.i]
    clauses = [c for c in children if c.dep_ in CLAUSE_CONTENT_DEPS]
    if clauses:
        return clauses[:1]
    misparsed = _channel_that_clause(tok)
    if misparsed is not None:
        return [misparsed]
    topical = [c for c in rights if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS]
    if lemma not in OBJECT_CONTENT_LEMMAS and lemma not in RECIPIENT_LEMMAS:
        return topical[:1]
    if lemma == "call" and not any(c.dep_ in ("oprd", "xcomp") or c.lower_ in ("for", "on")
                                   for c in rights):
        return []  # "called a meeting", "called into a show": no verdict, no demand
    objects = [c for c in rights if c.dep_ in OBJECT_DEPS]
    if lemma in RECIPIENT_LEMMAS and not any(c.dep_ == "oprd" for c in rights):
        objects = []
    preps = [c for c in rights if c.dep_ == "prep" and c.lower_ in CONTENT_PREPS]
    if not objects and not preps:
        return []
    first = min(objects + preps, key=lambda c: c.i)
    later = [c for c in rights if (c.dep_ == "prep" and c.lower_ not in NON_CONTENT_PREPS)
             or c.dep_ in OBJECT_TAIL_DEPS]
    return [c for c in rights if c.i >= first.i and (c in objects or c in preps or c in later)]


def quoted_as_saying(tok: Token) -> Token | None:
    """The "saying" of "was quoted as saying" when ``tok`` is "quoted"."""
    for prep in tok.rights:
        if prep.lower_ == "as":
            return next((c for c in prep.children if c.dep_ == "pcomp"
                         and CUE_VERB_LEMMAS.get(c.lower_) == "say"), None)
    return None


def verb_draft(tok: Token, lemma: str, text: str, quotes: QuoteIndex) -> Draft | None:
    """A claim from cue verb ``tok``: subject or agent as speaker, complement as content."""
    if _is_excluded_verb(tok):
        return None
    if tok.dep_ == "pcomp" and quoted_as_saying(tok.head.head) == tok:
        return None  # part of the "was quoted as saying" cue read from "quoted"
    saying = quoted_as_saying(tok) if lemma == "quote" else None
    parts = content_children(saying or tok, "say" if saying else lemma)
    subject = find_subject(tok, quotes)
    agent = agent_of(tok)
    target = None
    if subject is not None and subject.lower_ in ANAPHORIC_CLAIM_NOUNS and agent is not None:
        target = subject.i
    elif tok.dep_ in ("acl", "relcl") and tok.head.lower_ in ANAPHORIC_CLAIM_NOUNS:
        target = tok.head.i
    passive_subject = subject if subject is not None and subject.dep_ == "nsubjpass" else None
    if agent is not None and (subject is None or passive_subject is not None
                              or tok.dep_ == "acl" or target is not None):
        subject = agent
    cue = verb_cue_range(tok)
    if saying is not None:
        cue = (cue[0], saying.idx + len(saying.text))
    if subject is not None and subject.lower_ in IMPERSONAL_SUBJECTS \
            and subject.dep_ == "nsubjpass":
        cue = (subject.idx, cue[1])
        subject = None
    content = _verb_content(tok, parts, agent, text)
    if not content and agent is not None and passive_subject is not None and target is None:
        topic = subtree_range(passive_subject, text)  # "X was endorsed by Y": Y says X
        content = [topic] if topic else []
    if subject is not None and subject.dep_ == "nsubjpass" and saying is None \
            and subject.head.i == tok.i and content:
        topic = subtree_range(subject, text)  # "He was criticized for X": about him, by nobody
        content = [topic, *content] if topic and topic[1] <= content[0][0] else content
        subject = None
    if subject is None and passive_subject is None and cue[0] == verb_cue_range(tok)[0] \
            and lemma in BELIEF_ONLY_LEMMAS:
        return None  # "plans to ..." with no one planning: a noun misread, or no attribution
    draft = Draft(cue=cue, cue_token=tok.i, lemma=lemma, content=content, target=target)
    if subject is not None:
        draft.speaker = speaker_range(subject, text)
        draft.speaker_head = subject.i
    draft.clause = _clause_range(tok, parts, draft)
    return draft


def _verb_content(tok: Token, parts: list[Token], agent: Token | None,
                  text: str) -> list[Range]:
    """The content of a cue verb: its complement (without a "by X" agent), or, for a
    parenthetical cue ("X, Mr. Clarke said, until Y"), the clause around it."""
    content = [r for r in (subtree_range(p, text) for p in parts) if r]
    if content:
        holes = [tokens_range(agent.head.subtree)] if agent is not None else []
        content = without((content[0][0], content[-1][1]), [h for h in holes if h], text)[:1]
    elif tok.dep_ == "parataxis":
        around = tokens_range(tok.head.subtree)
        inner = tokens_range(tok.subtree)
        content = without(around, [inner], text)[:2] if around and inner else []
    clipped = (clip_to_line(r, tok.idx, text) for r in content)
    return [r for r in clipped if r]


def _clause_range(tok: Token, parts: list[Token], draft: Draft) -> Range:
    """Cue, speaker and the cue's other modifiers: the stretch a direct quote borders."""
    keep = [c for c in tok.children if c not in parts
            and c.dep_ not in ("punct", "cc", "conj", "mark")
            and c.dep_ not in CLAUSE_CONTENT_DEPS and c.dep_ not in ("advcl", "parataxis")]
    ranges = [draft.cue] + ([draft.speaker] if draft.speaker else [])
    for child in keep:
        r = tokens_range(child.subtree)
        if r:
            ranges.append(r)
    return (min(r[0] for r in ranges), max(r[1] for r in ranges))


def _noun_content(tok: Token) -> Token | None:
    """The complement of cue noun ``tok``: a that-clause, an infinitive or an "of/about" phrase."""
    for child in tok.rights:
        if child.dep_ in ("ccomp", "acl") and any(g.dep_ == "mark" or g.lower_ == "to"
                                                  for g in child.lefts):
            return child
        if child.dep_ == "prep" and child.lower_ in ("of", "about", "for", "that", "on"):
            return child
    return None


def noun_draft(tok: Token, text: str) -> Draft | None:
    """A claim from a cue noun with its own content ("Russia's claim that ...")."""
    complement = _noun_content(tok)
    if complement is None:
        return None
    speaker = None
    for child in tok.children:
        if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ in ("by", "from")):
            speaker = child if child.dep_ == "poss" else next(
                (g for g in child.children if g.dep_ == "pobj"), None)
            break
    if speaker is None and tok.dep_ == "dobj" and tok.head.lower_ in SPEECH_ACT_VERBS:
        speaker = find_subject(tok.head)
    content = subtree_range(complement, text)
    if content is None:
        return None
    if complement.dep_ == "prep":
        content = (complement.idx + len(complement.text) + 1, content[1])
    draft = Draft(cue=token_range(tok), cue_token=tok.i, lemma=tok.lower_, content=[content])
    if speaker is not None:
        draft.speaker = speaker_range(speaker, text)
        draft.speaker_head = speaker.i
    draft.clause = draft.cue
    return draft


def according_draft(tok: Token, text: str) -> Draft | None:
    """ "According to X, Y" / "Y, according to X": X is the speaker, Y the content."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        to = tok.doc[tok.i + 1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
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
