"""Attributions whose cue is a verb: "said", "claimed", "was quoted as saying", "believes".

The speaker is the verb's subject (inherited through conjunctions and non-finite clauses) or
its "by" agent; the content is its clausal complement, its object with what follows, or, for
a parenthetical cue, the clause around it. Only dependency labels and token text are used:
the pipeline runs without a tagger or lemmatizer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.core.nlp.claims.cues import (
    ANAPHORIC_CLAIM_NOUNS,
    BELIEF_VERBS,
    CUE_VERB_LEMMAS,
    INFORMATION_NOUNS,
    INFORMATION_OBJECT_LEMMAS,
    OBJECT_CONTENT_LEMMAS,
    QUOTE_ONLY_LEMMAS,
    RECIPIENT_LEMMAS,
    SPEECH_VERBS,
)
from reader.core.nlp.claims.quotes import QuoteIndex
from reader.core.nlp.claims.spans import (
    SPACED_DASHES,
    Draft,
    Range,
    clip_to_line,
    speaker_range,
    subtree_range,
    tokens_range,
    trim,
    without,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

# Marks that close a quotation before a "..., X said" source.
QUOTE_CLOSERS = frozenset(("”", '"', "''", "’"))
QUOTE_OPENERS = frozenset(("“", '"', "''", "``", "‘"))
# Dependency labels a verb (not a noun or adjective) carries in this parser's scheme.
VERB_DEPS = frozenset(("ROOT", "ccomp", "conj", "advcl", "xcomp", "relcl", "acl", "parataxis",
                       "pcomp", "csubj"))
SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass", "csubj"))
CLAUSE_CONTENT_DEPS = ("ccomp", "xcomp")
# How the parser hangs a clause on a cue word it has read as a noun ("Price claims that ...").
NOUN_CLAUSE_DEPS = ("acl", "relcl", "advcl")
OBJECT_DEPS = frozenset(("dobj", "oprd", "attr"))
# Prepositions that introduce what a verb's object is said about ("dismissed X as Y").
CONTENT_PREPS = frozenset(("as", "of", "for", "on", "to", "about", "against", "into", "over",
                           "with"))
# Prepositions after an object that say how or when it was said, not what.
NON_CONTENT_PREPS = frozenset(("by", "during", "after", "before", "since", "while", "amid",
                               "despite", "via", "through"))
# Other dependents after an object that the parser hangs on the verb but belong to the object.
OBJECT_TAIL_DEPS = frozenset(("relcl", "acl", "dative", "oprd", "xcomp"))
# Prepositions that introduce the topic of any cue verb ("warned against", "spoke about").
TOPIC_PREPS = frozenset(("about", "against", "of", "on", "over"))
# Prepositions that carry the content of particular cue verbs only ("pointed to X", "called
# for X"); with other verbs they say where or why ("said to reporters", "voted for Y").
VERB_PREPS = {
    "to": frozenset(("point", "refer", "object", "allude")),
    "for": frozenset(("call", "plead", "advocate", "argue", "press", "lobby", "push", "appeal",
                      "campaign")),
    "with": frozenset(("respond", "reply")),  # "responded with attacks on X"
    "by": frozenset(("respond", "reply")),  # "responded by citing X"
    "in": frozenset(("believe",)),  # "believes in the good sense of voters"
}
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
_SPACED_DASH = re.compile(r"\s(?:--|\u2014|\u2013|-)\s")
_OBJECT_TAIL = re.compile(r",\s+(?:which|who|whose|with|including)\b|;|" + _SPACED_DASH.pattern)
IMPERSONAL_SUBJECTS = frozenset(("it",))
# Speech verbs that say that someone spoke, not what: "as they speak to investors", "as the
# crowd continued" set the scene of the clause they are hung on.
UNREPORTING_SPEECH = QUOTE_ONLY_LEMMAS | frozenset(("speak", "talk", "lecture", "campaign"))
# Day and time words the parser reads as a cue's object ("told Friday", "said Tuesday").
TIME_WORDS = frozenset(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                        "sunday", "today", "yesterday", "tonight", "tomorrow"))
# Objects of "find" that make it a verb of managing or experiencing, not of a finding.
UNFOUND_OBJECTS = frozenset(("way", "ways", "it", "themselves", "himself", "herself", "itself",
                             "ourselves", "myself", "yourself", "yourselves"))
# Conjunctions of a reason the parser hangs on the cue rather than on the reported clause.
REASON_MARKS = frozenset(("because",))
# Pronouns that stand for a content the writer gave before the cue ("what she said").
FRONTED_OBJECTS = frozenset(("what", "which", "that", "whatever"))
# Words that open a reported clause but never an adverbial one ("when", "if", "as" can).
COMPLEMENTIZERS = frozenset(("that", "whether", "why", "how", "what", "who"))
# Wh-adverbs that open adverbial clauses ("said when he arrived").
ADVERBIAL_WH = frozenset(("when", "where", "while", "whenever", "wherever", "once"))
# How many heads a subject is inherited through ("said X and added, noting ..."): a clause
# chain longer than this has usually left the speaker's sentence.
MAX_SUBJECT_HOPS = 4


def is_verb_cue(tok: Token) -> bool:
    """Whether ``tok`` is used as a verb and is a cue (in the lexicon or with a that-clause)."""
    if tok.dep_ not in VERB_DEPS:
        return False
    if CUE_VERB_LEMMAS.get(tok.lower_) in INFORMATION_OBJECT_LEMMAS:
        return any((c.dep_ in ("dobj", "nsubjpass") and c.lower_ in INFORMATION_NOUNS)
                   or c.dep_ == "ccomp" for c in tok.children)  # "posted that ..."
    return tok.lower_ in CUE_VERB_LEMMAS or _takes_that_clause(tok) or puts_it(tok)


def puts_it(tok: Token) -> bool:
    """ "As the memo put it, X": "put it" set off by "as" reports the clause it is hung on."""
    return tok.lower_ in ("put", "puts") and any(c.dep_ == "dobj" and c.lower_ == "it"
                                                  for c in tok.children) \
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)


def _takes_that_clause(tok: Token) -> bool:
    """A verb outside the lexicon with a subject and a "that" clause: an attitude verb."""
    if tok.lower_ in NON_ATTITUDE_VERBS or not tok.text.isalpha():
        return False
    has_subject = any(c.dep_ == "nsubj" for c in tok.children)
    return has_subject and any(c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that"
                                                         for g in c.children)
                               for c in tok.children)


def _channel_that_clause(tok: Token) -> Token | None:
    """ "said in a briefing that X", "told a meeting that X": the parser may read "that X" as
    a relative clause of "briefing" or "meeting"; a relative clause with a subject of its own
    is the cue's content."""
    hosts = [tok]
    hosts += [prep for prep in tok.rights if prep.dep_ == "prep"]
    for host in hosts:
        nouns = [c for c in host.rights if c.dep_ == ("dobj" if host is tok else "pobj")]
        for noun in nouns:
            for rel in noun.rights:
                if rel.dep_ == "relcl" and rel.left_edge.lower_ == "that" \
                        and any(c.dep_ in ("nsubj", "nsubjpass") for c in rel.children) \
                        and _that_is_complementizer(rel):
                    return rel
    return None


def _complement_read_as_adverbial(tok: Token, rights: list[Token]) -> Token | None:
    """ "tweeted that X was ...", "have not said whether X ...": the parser may hang the
    reported clause on the cue as an adverbial clause; one opened by a complementizer that
    cannot start an adverbial ("that", "whether", a wh-word) is the content."""
    for clause in rights:
        if clause.dep_ != "advcl" or clause.left_edge.i <= tok.i \
                or not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
            continue
        if clause.left_edge.lower_ in COMPLEMENTIZERS:
            return clause
        negated = any(c.dep_ == "neg" for c in tok.children)
        if negated and clause.left_edge.lower_ in ADVERBIAL_WH \
                and CUE_VERB_LEMMAS.get(tok.lower_) in SPEECH_VERBS:
            return clause  # "have not said when they would vote": the question left open
        unmarked = not any(c.dep_ == "mark" or (c.dep_ == "advmod" and c.i < clause.i
                                                and c.lower_ in ADVERBIAL_WH)
                           for c in clause.children)
        if unmarked and CUE_VERB_LEMMAS.get(tok.lower_) in SPEECH_VERBS:
            return clause  # "said after the vote he would resign": no conjunction, a report
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
    through_adjective = False
    while seen < MAX_SUBJECT_HOPS:
        subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS and same_line(c, tok)]
        if quotes is not None:
            subjects = [c for c in subjects if not in_speech(c, quotes)]
        if through_adjective:  # "it is worth noting": nobody notes
            subjects = [c for c in subjects if c.lower_ not in ("it", "there")]
        if subjects:
            return min(subjects, key=lambda c: abs(c.i - tok.i))
        if seen == 0 and tok.dep_ == "conj" and tok in coordinated_cues(tok.head):
            tok = tok.head.head  # "said X was Y and warned Z": the one who said
        elif tok.dep_ in ("conj", "xcomp", "advcl", "acomp"):  # non-finite: the head's subject
            through_adjective |= tok.dep_ == "acomp"  # "was able to tout": "able" <- "was"
            tok = tok.head
        elif tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
            tok = tok.head.head  # "responded by saying ...": the one who responded
        elif tok.dep_ == "acl" and tok.head.dep_ in OBJECT_DEPS:
            tok = tok.head.head  # "issued a statement saying ...": the statement's issuer
        elif tok.dep_ == "acl" and tok.lower_.endswith("ing") and tok.head.dep_ == "pobj" \
                and tok.head.head.dep_ == "prep" and tok.head.head.head.dep_ in VERB_DEPS:
            tok = tok.head.head.head  # "said at a news conference announcing ...": the speaker
        else:
            return None
        seen += 1
    return None


def coordinated_cues(clause: Token) -> list[Token]:
    """Cue verbs joined to the reported clause ``clause`` without a subject of their own:
    "tweeted that Moreau was “a fraud” and urged voters to ...": the parser joins "urged" to
    the reported "was", but it is the reporter's second act (a cue beside the first)."""
    reported = clause.dep_ == "ccomp" or (clause.dep_ == "advcl"
                                          and clause.left_edge.lower_ in COMPLEMENTIZERS)
    if not reported or clause.head.lower_ not in CUE_VERB_LEMMAS:
        return []  # "described X after she attacked Y and blamed Z": she blamed
    links = {c.i for c in clause.children if c.dep_ == "cc" and c.lower_ in ("and", "but")}
    return [c for c in clause.rights if c.dep_ == "conj" and c.lower_ in CUE_VERB_LEMMAS
            and CUE_VERB_LEMMAS[c.lower_] not in BELIEF_ONLY_LEMMAS
            and not any(g.dep_ in SUBJECT_DEPS for g in c.children)
            and any(i < c.i for i in links)]  # "... rather than criticize him": no new act


def _next_reports(clause: Token) -> list[Token]:
    """ "said X, and when pressed, the mother of three replied Y": a speech verb with a subject
    of its own, joined to the reported clause after a comma and a conjunction, is the writer's
    next report, not part of the first."""
    doc = clause.doc
    return [c for c in clause.rights if c.dep_ == "conj"
            and CUE_VERB_LEMMAS.get(c.lower_) in SPEECH_VERBS
            and any(g.dep_ in SUBJECT_DEPS for g in c.children)
            and any(g.dep_ == "cc" and g.i > clause.i and doc[g.i - 1].text == ","
                    for g in clause.children)]


def in_speech(tok: Token, quotes: QuoteIndex) -> bool:
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


def compound_subject(tok: Token) -> Token | None:
    """ "Price claims that she should be the exception": the parser may read the sentence as
    one noun phrase ("Price claims", like "Price Tower") with the claim hung on it. A cue
    word heading its sentence, with a name before it as a compound and no determiner, that
    takes a clause with a subject of its own, is a verb; the compound is its subject."""
    if tok.dep_ != "ROOT" or any(c.dep_ in ("det", "poss", "nummod", "nsubj") for c in tok.children):
        return None
    names = [c for c in tok.lefts if c.dep_ == "compound" and c.text[:1].isupper()]
    clause = any(c.i > tok.i and c.dep_ in NOUN_CLAUSE_DEPS + CLAUSE_CONTENT_DEPS
                 and any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children)
                 for c in tok.children)
    return names[-1] if names and clause else None


def _is_excluded_verb(tok: Token) -> bool:
    """Uses of a cue word that are not attributions: a noun ("a different view"),
    "so-called", "the film called", the "saying" of "quoted as saying" (read from "quoted")."""
    if any(c.dep_ in NOMINAL_DEPS for c in tok.children) and compound_subject(tok) is None:
        return True
    if tok.dep_ == "pcomp" and quoted_as_saying(tok.head.head) == tok:
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


def content_children(tok: Token, lemma: str, quotes: QuoteIndex | None = None) -> list[Token]:
    """The dependents of cue verb ``tok`` that carry what is said, or else a relative or wh-
    pronoun object before it ("what Okafor said", "the figures, which the bank disclosed"):
    the pronoun stands for the content."""
    parts = _content_after(tok, lemma, quotes)
    if parts or lemma in QUOTE_ONLY_LEMMAS or lemma in BELIEF_ONLY_LEMMAS:
        return parts  # "what we expect", "whatever he wanted": no one's stated content
    return [c for c in tok.lefts if c.dep_ in ("dobj", "ccomp") and c.lower_ in FRONTED_OBJECTS][:1]


def _content_after(tok: Token, lemma: str, quotes: QuoteIndex | None = None) -> list[Token]:
    """The dependents of cue verb ``tok`` that carry what is said."""
    children = [c for c in tok.children if same_line(c, tok)]
    if lemma in QUOTE_ONLY_LEMMAS:  # "joked that X" reports X; "joked" alone only a quotation
        return [c for c in children if c.dep_ == "ccomp" and c.i > tok.i
                and c.left_edge.lower_ == "that"][:1]
    rights = [c for c in children if c.i > tok.i]
    clause_deps = CLAUSE_CONTENT_DEPS + (NOUN_CLAUSE_DEPS if compound_subject(tok) else ())
    clauses = [c for c in children if c.dep_ in clause_deps
               and not (c.i < tok.i and _colon_between(c, tok))]
    if clauses:
        # "While he conceded X, Ham noted Y": the parser may hang a clause of the opening
        # adverbial on the cue too; a complement after the cue is the one it reports.
        after = [c for c in clauses if c.i > tok.i]
        clause = after[0] if after and not _is_quoted(clauses[0], quotes) else clauses[0]
        # "discovered that X, and that Y": a second reported clause after the first is said too
        more = [c for c in after if c.i > clause.i > tok.i and c.dep_ == "ccomp"
                and c.lower_ not in CUE_VERB_LEMMAS]  # "and Democrats accused ...": a claim
        reasons = [c for c in children if c.dep_ == "advcl" and c.i > clause.i
                   and any(m.dep_ == "mark" and m.lower_ in REASON_MARKS for m in c.children)]
        # "said X brought back memories of her father, and of all the people ...": the parser
        # hangs the second half of a coordination inside the clause on the cue
        links = [c for c in children if c.dep_ == "cc" and c.i > clause.right_edge.i]
        halves = [c for c in children if c.dep_ == "prep" and links and c.i > links[0].i
                  and clause.i > tok.i]
        return [clause] + more[-1:] + halves[:1] + reasons[:1]  # "said X, because Y": Y too
    misparsed = _channel_that_clause(tok) or _complement_read_as_adverbial(tok, rights)
    if misparsed is not None:
        return [misparsed]
    proform = _proform(tok)
    if proform is not None:
        return [proform]  # "said as much", "doesn't think so": the words stand for the content
    topical = [c for c in rights if c.dep_ == "prep" and (c.lower_ in TOPIC_PREPS
                                                          or lemma in VERB_PREPS.get(c.lower_, ()))
               and any(g.dep_ in ("pobj", "pcomp") for g in c.children)
               and not (c.lower_ == "by" and any(g.dep_ == "pcomp" and g.lower_ in CUE_VERB_LEMMAS
                                                 for g in c.children))]  # "by saying X": X
    particle = any(c.dep_ == "prt" and c.lower_ == "out" for c in rights)
    # "see X as Y": seeing with an "as" complement states a view, not a sight
    regards = lemma == "see" and any(c.dep_ == "prep" and c.lower_ == "as" for c in rights)
    if lemma not in OBJECT_CONTENT_LEMMAS and lemma not in RECIPIENT_LEMMAS and not particle \
            and not regards:
        return topical[:1]
    if lemma == "call" and not any(c.dep_ in ("oprd", "xcomp") or c.lower_ in ("for", "on")
                                   for c in rights):
        return []  # "called a meeting", "called into a show": no verdict, no demand
    objects = [c for c in rights if c.dep_ in OBJECT_DEPS and c.lower_ not in TIME_WORDS]
    if lemma == "find" and any(c.lower_ in UNFOUND_OBJECTS for c in objects):
        return []  # "found a way to ...", "find themselves in ...", "find it hard": no finding
    if lemma in RECIPIENT_LEMMAS and not any(c.dep_ == "oprd" for c in rights):
        objects = []
    preps = [c for c in rights if c.dep_ == "prep" and c.lower_ in CONTENT_PREPS
             and any(g.dep_ in ("pobj", "pcomp") for g in c.children)]
    if not objects and not preps:
        return []
    first = min(objects + preps, key=lambda c: c.i)
    # "by" names an agent only beside a passive; after an active verb's object it belongs to
    # the object ("described crass behavior by the mayor")
    unsaid = NON_CONTENT_PREPS if is_passive(tok) or tok.dep_ == "acl" \
        else NON_CONTENT_PREPS - {"by"}
    later = [c for c in rights if (c.dep_ == "prep" and c.lower_ not in unsaid)
             or c.dep_ in OBJECT_TAIL_DEPS or _is_coordinated_gerund(c)]
    return [c for c in rights if c.i >= first.i and (c in objects or c in preps or c in later)]


def _proform(tok: Token) -> Token | None:
    """The "so" of "think so" or the "much" of "said as much" right after cue ``tok``: words
    that stand for a content given before."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ == "so" and nxt.head.i == tok.i:
        return nxt
    much = doc[tok.i + 2] if nxt is not None and nxt.lower_ == "as" and tok.i + 2 < len(doc) else None
    return much if much is not None and much.lower_ == "much" and much.head.i == tok.i else None


def _is_quoted(clause: Token, quotes: QuoteIndex | None) -> bool:
    """Whether ``clause`` is quoted speech: a fronted quotation ("“X,” he said, “Y”"), the one
    clause before a cue that is its content when another follows it."""
    first = clause.left_edge
    if first.text in QUOTE_OPENERS or (first.i > 0 and first.doc[first.i - 1].text in QUOTE_OPENERS):
        return True
    return quotes is not None and in_speech(first, quotes)


def _is_coordinated_gerund(tok: Token) -> bool:
    """ "mentioned refinancing loans and forcing colleges to ...": a gerund the parser joins
    to the cue verb continues its object (a finite or cue verb would be a new predicate)."""
    return tok.dep_ == "conj" and tok.lower_.endswith("ing") and tok.lower_ not in CUE_VERB_LEMMAS \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in tok.children)


def _colon_between(clause: Token, tok: Token) -> bool:
    """ "X set off a row: Republicans said ...": a clause before a colon is not the content."""
    return any(t.text in (":", ";") for t in tok.doc[clause.right_edge.i:tok.i])


def quoted_as_saying(tok: Token) -> Token | None:
    """The "saying" of "was quoted as saying" when ``tok`` is "quoted"."""
    for prep in tok.rights:
        if prep.lower_ == "as":
            return next((c for c in prep.children if c.dep_ == "pcomp"
                         and CUE_VERB_LEMMAS.get(c.lower_) == "say"), None)
    return None


@dataclass
class _Roles:
    """Who says and what the sentence is about, before spans are taken."""

    speaker: Token | None
    passive_subject: Token | None  # "X was criticized ...": X is talked about, not talking
    agent: Token | None  # "... by Y": Y is talking
    target: int | None  # an anaphoric claim noun this claim rejects ("a claim branded ...")


def _roles(tok: Token, quotes: QuoteIndex) -> _Roles:
    subject = find_subject(tok, quotes) or compound_subject(tok)
    agent = agent_of(tok)
    target = None
    if subject is not None and subject.lower_ in ANAPHORIC_CLAIM_NOUNS and agent is not None:
        target = subject.i
    elif tok.dep_ in ("acl", "relcl") and tok.head.lower_ in ANAPHORIC_CLAIM_NOUNS:
        target = tok.head.i
    else:  # "Kyiv dismissed the claim", "denied the reports"
        target = next((c.i for c in tok.children
                       if c.dep_ == "dobj" and c.lower_ in ANAPHORIC_CLAIM_NOUNS), None)
    passive = subject if subject is not None and subject.dep_ == "nsubjpass" else None
    if agent is not None and (subject is None or passive is not None or tok.dep_ == "acl"
                              or target is not None):
        subject = agent
    return _Roles(subject, passive, agent, target)


def verb_draft(tok: Token, text: str, quotes: QuoteIndex) -> Draft | None:
    """A claim from cue verb ``tok``: subject or agent as speaker, complement as content."""
    lemma = CUE_VERB_LEMMAS.get(tok.lower_, tok.lower_)
    if _is_excluded_verb(tok):
        return None
    saying = quoted_as_saying(tok) if lemma == "quote" else None
    parts = content_children(saying or tok, "say" if saying else lemma, quotes)
    roles = _roles(tok, quotes)
    cue = verb_cue_range(tok)
    if saying is not None:
        cue = (cue[0], saying.idx + len(saying.text))
    speaker = roles.speaker
    if speaker is not None and speaker.lower_ in IMPERSONAL_SUBJECTS \
            and speaker.dep_ == "nsubjpass":
        cue, speaker = (speaker.idx, cue[1]), None  # "It is understood that ..."
    content = _verb_content(tok, parts, roles.agent, text)
    if speaker is not None and speaker.dep_ == "nsubjpass" and saying is None \
            and speaker.head.i == tok.i and content:
        content, speaker = _with_passive_topic(speaker, content, text), None
    elif not content and roles.agent is not None and roles.passive_subject is not None \
            and roles.target is None:
        topic = subtree_range(roles.passive_subject, text)  # "X was endorsed by Y": Y says X
        content = [topic] if topic else []
    if _is_asked_participle(tok):  # the one asked is not the speaker; the asker is unnamed
        asked = Draft(cue=cue, cue_token=tok.i, lemma=lemma, content=content)
        asked.clause = _clause_range(tok, parts, asked)
        return asked
    bare_source = None
    if speaker is None and roles.passive_subject is None and lemma in SPEECH_VERBS:
        bare_source = _name_after_quote(tok, quotes) or (_name_before_cue(tok) if parts else None)
        # the name heads it: its last word before an apposition's comma, or its last word
        speaker = next((bare_source[i - 1] for i, w in enumerate(bare_source) if w.text == ","),
                       bare_source[-1]) if bare_source else None
    if speaker is None and roles.passive_subject is None and lemma in BELIEF_ONLY_LEMMAS:
        return None  # "plans to ..." with no one planning: a noun misread, or no attribution
    if speaker is None and roles.passive_subject is None and not is_passive(tok):
        return None  # an active cue nobody performs: "noting that ...", "to defend ...", "Ask ..."
    draft = Draft(cue=cue, cue_token=tok.i, lemma=lemma, content=content, target=roles.target)
    if speaker is not None:
        draft.speaker = tokens_range(bare_source) if bare_source else speaker_range(speaker, text)
        draft.speaker_head = speaker.i
    draft.clause = _clause_range(tok, parts, draft)
    return draft


# The longest source phrase read off the words between a quotation and its cue ("..., harbour
# police Chief Dana Okafor said"): a name with a title or a short description.
MAX_BARE_SOURCE_TOKENS = 8


def _name_after_quote(tok: Token, quotes: QuoteIndex) -> list[Token] | None:
    """ "“...,” harbour police Chief Dana Okafor said.", "“...,” Okafor, a harbour pilot,
    said.": when the parser hangs the words between a closing quotation and the cue on the
    quotation, they are still its source (a name with a title, or a name and one apposition
    set off by commas; the last word of the name heads it)."""
    doc = tok.doc
    end = tok.i
    apposition = end > 0 and doc[end - 1].text == ","
    if apposition:
        end -= 1  # "Okafor, a harbour pilot, said": the closing comma is the source's
    first, commas = end, 0
    while first > 0 and end - first < MAX_BARE_SOURCE_TOKENS * (2 if apposition else 1):
        prev = doc[first - 1]
        if apposition and prev.text == "," and commas == 0 and first < end:
            commas += 1
            first -= 1
            continue
        if prev.is_punct or prev.is_space or "\n" in prev.text_with_ws:
            break
        first -= 1
    if first == end or first == 0 or commas != int(apposition):
        return None
    before = doc[first - 1]
    closes_quote = before.text in QUOTE_CLOSERS or (
        before.text == "," and first >= 2 and doc[first - 2].text in QUOTE_CLOSERS)
    words = doc[first:end]
    if not closes_quote or quotes.at(words[0].idx) is not None \
            or any(w.lower_ in CUE_VERB_LEMMAS or w.lower_ == "that" for w in words) \
            or not (words[0].text[:1].isupper() or words[0].lower_ in ("the", "a", "an")):
        return None
    if apposition:
        name = words[:next(i for i, w in enumerate(words) if w.text == ",")]
        return list(doc[first:tok.i]) if name and name[-1].text[:1].isupper() else None
    return list(words)


# Entity types that speak: a name read as the object of a preposition just before a cue
# without subject is still the cue's source.
SPEAKING_ENTITY_TYPES = frozenset(("PERSON", "NORP"))


def _name_before_cue(tok: Token) -> list[Token] | None:
    """ "In a meeting with the board of the Post Trump said that ...": the parser may take the
    name just before a cue as the object of the phrase before it and leave the cue without a
    subject; a named entity ending right before the cue is its source."""
    doc = tok.doc
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if prev is None or prev.ent_type_ not in SPEAKING_ENTITY_TYPES or prev.ent_iob_ == "O" \
            or not prev.text[:1].isupper() or prev.text in QUOTE_CLOSERS | QUOTE_OPENERS:
        return None
    first = prev.i
    while first > 0 and doc[first].ent_iob_ == "I" and doc[first - 1].text[:1].isupper():
        first -= 1
    return list(doc[first:prev.i + 1])


def is_passive(tok: Token) -> bool:
    """A passive cue ("is expected", "was accused", "it is understood"): its source is left
    unsaid on purpose, unlike an active cue whose subject the parse lost."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def _with_passive_topic(subject: Token, content: list[Range], text: str) -> list[Range]:
    """ "He was criticized for X": a claim about him by nobody named; content = him + X."""
    topic = subtree_range(subject, text)
    if topic is not None:  # "Officer Lind, who shot ..., was charged with X": Lind, on her line
        topic = clip_to_line(_cut_object_tail(topic, text), subject.idx, text)
    return [topic, *content] if topic and topic[1] <= content[0][0] else content


def _verb_content(tok: Token, parts: list[Token], agent: Token | None,
                  text: str) -> list[Range]:
    """The content of a cue verb: its complement (without a "by X" agent), or, for a
    parenthetical cue ("X, Mr. Clarke said, until Y"), the clause around it."""
    content = [r for r in (subtree_range(p, text) for p in parts) if r]
    proform = _proform(tok)
    if parts and proform is not None and parts[0].i == proform.i:
        first = tok.doc[proform.i - 1] if proform.lower_ == "much" else proform
        return [(first.idx, proform.idx + len(proform.text))]  # "as much", not where it was said
    if content:
        holes = [tokens_range(agent.head.subtree)] if agent is not None \
            and agent.head not in parts else []
        start = _after_preposition(parts[0], text) if parts[0].dep_ == "prep" \
            else _reported_clause_start(parts[0], content[0][0])
        end = content[-1][1]
        joined = coordinated_cues(parts[0]) + _next_reports(parts[0]) \
            if parts[0].head.i == tok.i else []
        if joined:  # the reported clause ends where the speaker's next act begins
            first = min(joined, key=lambda c: c.i)
            cc = [c for c in parts[0].children if c.dep_ == "cc" and c.i < first.i]
            end = min(end, (cc[-1] if cc else first.left_edge).idx)
        content = without((start, end), [h for h in holes if h], text)[:1]
        if parts[0].dep_ not in CLAUSE_CONTENT_DEPS:
            content = [_cut_object_tail(r, text) for r in content]
    elif (colon := _colon_after(tok)) is not None:
        return _after_colon(colon, text)
    elif tok.dep_ == "parataxis" or _is_parenthetical_report(tok):
        around = tokens_range(tok.head.subtree)
        inner = tokens_range(tok.subtree)
        content = without(around, [inner], text)[:2] if around and inner else []
    clipped = (clip_to_line(r, tok.idx, text) for r in content)
    return [r for r in clipped if r]


def _is_asked_participle(tok: Token) -> bool:
    """ "Asked about the blast, the mayor said ...": the one asked is the main clause's
    subject, the asker is unnamed (PolNeAR leaves the source out)."""
    opens = tok.i == tok.sent.start or any(c.dep_ in ("mark", "advmod") and c.i == tok.i - 1
                                            and c.lower_ in ADVERBIAL_WH | {"if", "after"}
                                            for c in tok.children)  # "when pressed on X, ..."
    return tok.lower_ in ("asked", "pressed", "questioned") and tok.dep_ == "advcl" \
        and opens and not any(c.dep_ in SUBJECT_DEPS for c in tok.children)


def _is_parenthetical_report(tok: Token) -> bool:
    """ "As experts have pointed out, X", "X, he acknowledged, Y": a speech verb with its own
    subject hung on the clause it reports as an adverbial, set off by "as" or a comma,
    reports that clause."""
    lemma = "say" if puts_it(tok) else CUE_VERB_LEMMAS.get(tok.lower_)
    if tok.dep_ != "advcl" or lemma not in SPEECH_VERBS or lemma in UNREPORTING_SPEECH \
            or not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return False  # "Speaking at the rally, X said": a participle sets the scene
    marks = [c.lower_ for c in tok.children if c.dep_ == "mark"]
    if marks:
        return marks == ["as"]
    doc = tok.doc
    edges = (tok.left_edge.i - 1, tok.right_edge.i + 1)
    return any(0 <= i < len(doc) and doc[i].text == "," for i in edges)


def _colon_after(tok: Token) -> Token | None:
    """The colon right after cue ``tok`` (or its particle): "The governor added: ..." """
    doc = tok.doc
    nxt = tok.i + 1
    if nxt < len(doc) and doc[nxt].dep_ == "prt":
        nxt += 1
    return doc[nxt] if nxt < len(doc) and doc[nxt].text == ":" else None


def _after_colon(colon: Token, text: str) -> list[Range]:
    """What a colon cue introduces: the rest of its line, or, when the colon ends the line
    ("Limbaugh added:"), the next paragraph (the block quotation), one range per line."""
    start = colon.idx + 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    rest = trim(text, (start, end), keep_quotes=True)
    if rest is not None:
        return [rest]
    block_start = len(text) - len(text[end:].lstrip())
    block_end = text.find("\n\n", block_start)
    block_end = len(text) if block_end < 0 else block_end
    pos, lines = block_start, []
    for line in text[block_start:block_end].split("\n"):
        span = trim(text, (pos, pos + len(line)), keep_quotes=True)
        if span is not None:
            lines.append(span)
        pos += len(line) + 1
    return lines


def _reported_clause_start(clause: Token, start: int) -> int:
    """ "said after the vote he would resign": a reported clause read as an adverbial one
    starts at its subject; the phrase before it says when it was said."""
    if clause.dep_ != "advcl" or clause.left_edge.dep_ != "prep":
        return start
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject.left_edge.idx if subject is not None else start


def _after_preposition(prep: Token, text: str) -> int:
    """Where a prepositional content starts: "railed against X" says X (the cue keeps
    "against")."""
    end = prep.idx + len(prep.text)
    return end if any(c.dep_ in ("pobj", "pcomp") for c in prep.children) else prep.idx


def _cut_object_tail(span: Range, text: str) -> Range:
    """An object content ends before a comma-led aside (", which ...", ", with ..."), a
    semicolon or a lone spaced dash: what follows is the writer's, not the speaker's. (Two
    dashes set off an aside inside the object: "the extreme -- and cynical -- relativism".)"""
    start, end = span
    pos = start
    while (m := _OBJECT_TAIL.search(text, pos, end)) is not None:
        closing = _SPACED_DASH.search(text, m.end(), end) if m.group().strip() in SPACED_DASHES else None
        if closing is None:
            return (start, m.start()) if m.start() > start else span
        pos = closing.end()
    return span


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
