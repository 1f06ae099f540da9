"""Teams in sports results: a name followed by a score or a table row, or set against
another by "v", in a line of names and figures ("Millwall 2 Burnley 1", "Bath v Leicester",
"Pohang 3 1 0 6 1 10") is a club, i.e. an organization, as news annotation treats clubs.

On the CoNLL-2003 dev set this is worth about +0.17 F1 on organizations (sport is a large part of
news); countries stay places (national sides) and the model's people stay people.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from reader.core.nlp.entities.gazetteer import lookup_place
from reader.core.nlp.entities.phrases import GUESS_WEIGHT, PATTERN_WEIGHT, Hit, name_run_right

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Words a line of sports results may contain besides names and numbers ("Bath v Leicester",
# "Pohang 3 Ulsan 2 ( halftime 1-0 )"); any other lower-case word makes the line prose.
RESULTS_LINE_WORDS = frozenset({
    "v", "vs", "v.", "vs.", "at", "and", "for", "halftime", "pts", "points", "agg",
})
DATE_LABELS = frozenset({"DATE", "TIME"})
VERSUS = frozenset({"v", "vs", "v.", "vs."})
ISO_DATE_RE = re.compile(r"\d{4}-\d\d-\d\d")
# Share of a results line's tokens that must be numbers: tables and scores are mostly figures.
MIN_RESULTS_NUMBER_SHARE = 0.2


def whole_word(token: Token) -> str:
    """The text between spaces that ``token`` is part of ("1996-08-30" for its "08")."""
    text = token.doc.text
    start = max(text.rfind(" ", 0, token.idx), text.rfind("\n", 0, token.idx)) + 1
    ends = [i for i in (text.find(" ", token.idx), text.find("\n", token.idx)) if i >= 0]
    return text[start:min(ends, default=len(text))]


def is_figure(token: Token) -> bool:
    """A score or table figure: 2, 1-0, .529, 13 1/2 (not a date: "LONDON 1996-08-30" is a
    dateline; the model's DATE label on figures is ignored, it takes "74 59" for one)."""
    text = token.text.lstrip(".")
    if not text or ISO_DATE_RE.fullmatch(whole_word(token)):
        return False
    return all(ch.isdigit() or ch in "-./:" for ch in text) and any(ch.isdigit() for ch in text)


def line_token_ranges(doc: Doc) -> Iterator[tuple[int, int]]:
    """Token ranges of the lines of the text."""
    start = 0
    for token in doc:
        if "\n" in token.text:
            if token.i > start:
                yield start, token.i
            start = token.i + 1
    if start < len(doc):
        yield start, len(doc)


def is_results_line(doc: Doc, start: int, end: int) -> bool:
    """A line of scores, standings or fixtures: names and figures or "v", no sentence."""
    tokens = doc[start:end]
    if any(t.is_alpha and t.text.islower() and t.text not in RESULTS_LINE_WORDS for t in tokens):
        return False
    if any(t.text in VERSUS for t in tokens):
        return True
    figures = sum(1 for t in tokens if is_figure(t))
    return figures >= 1 and figures >= MIN_RESULTS_NUMBER_SHARE * len(tokens)


def is_person_or_country(doc: Doc, start: int, end: int) -> bool:
    """A name the model takes for a person ("Sampras v Agassi"), a date ("May 17"), or a
    country (national teams are places)."""
    if any(t.ent_type_ in DATE_LABELS for t in doc[start:end]):
        return True
    if any(t.ent_type_ == "PERSON" for t in doc[start:end]):
        return True
    place = lookup_place(doc[start:end].text)
    return place is not None and place.kind == "country"


# A story with this many lines of results or standings is a sports report: there a town,
# county or state named without a place preposition is a club ("Surrey closed on 429",
# "Birmingham's Gary Breen", "TEXAS 76 58"), as sports pages and news annotation treat it.
MIN_RESULTS_LINES = 2
# Words of sports reporting that other news seldom uses; a story with this many different ones
# is a sports report. ("Victory", "title", "season", "final" are left out: elections have them.)
SPORTS_WORDS = frozenset({
    "striker", "midfielder", "goalkeeper", "wicket", "wickets", "innings", "inning", "homer",
    "homers", "homered", "pitcher", "batsman", "bowler", "halftime", "half-time", "semifinal",
    "semi-final", "quarterfinal", "quarter-final", "league", "coach", "club", "squad",
    "tournament", "seeded", "goals", "scored", "championship", "fixture", "fixtures", "stadium",
    "playoff", "playoffs", "touchdown", "referee", "tries", "unbeaten", "relegation",
})
MIN_SPORTS_WORDS = 3
# Figures after a name that make a standings row (played/won/lost, points, percentage).
STANDINGS_FIGURES = 3
# Words before a town that keep it a place even in a sports report: "in Pittsburgh", "at Leeds".
VENUE_WORDS = frozenset({"in", "at", "near", "from", "to", "into", "outside", "In", "At", "From",
                         "of", "Of"})


def is_sports_report(doc: Doc) -> bool:
    """Whether the text is a sports report: it holds lines of scores, fixtures or standings (a
    table of prices or a chronology has figures, but not these shapes), or it speaks the
    language of sport (several of SPORTS_WORDS)."""
    words = {t.lower_ for t in doc} & SPORTS_WORDS
    if len(words) >= MIN_SPORTS_WORDS:
        return True
    lines = sum(1 for start, end in line_token_ranges(doc)
                if is_results_line(doc, start, end) and is_contest_line(doc, start, end))
    return lines >= MIN_RESULTS_LINES


def is_contest_line(doc: Doc, start: int, end: int) -> bool:
    """ "Bath v Leicester", "Millwall 2 Burnley 1" (two names scored) or a standings row ("Texas
    76 58 .567", a name and three figures)."""
    if any(t.text in VERSUS for t in doc[start:end]):
        return True
    scored = 0
    i = start
    while i < end:
        run_end = name_run_right(doc, i)
        if run_end > i:
            figures = 0
            while run_end + figures < end and is_figure(doc[run_end + figures]):
                figures += 1
            if figures >= STANDINGS_FIGURES:
                return True
            scored += figures >= 1
        i = max(run_end, i + 1)
    return scored >= 2


def is_club_mention(doc: Doc, start: int, end: int) -> bool:
    """A town's or county's name used for its club in a sports report: not a country, not after
    a venue word, not a dateline ("BIRMINGHAM, England 1996-08-31") or followed by its country."""
    place = lookup_place(doc[start:end].text)
    if place is not None and place.kind in ("country", "continent"):
        return False
    if start > 0 and doc[start - 1].text in VENUE_WORDS | {"("}:
        return False  # "in Pittsburgh", "Ato Boldon ( Trinidad )"
    after = doc[end].text if end < len(doc) else ""
    if after in (",", "(", ")") and end + 1 < len(doc) and lookup_place(doc[end + 1].text) is not None:
        return False  # "Headingley ( Leeds )", "BIRMINGHAM , England"
    line_start = start == 0 or "\n" in doc[start - 1].text
    dated = end < len(doc) and bool(ISO_DATE_RE.fullmatch(whole_word(doc[end])))
    return not (line_start and (after in (",", ":") or dated))  # datelines, venue headings


def find_numbered_players(doc: Doc) -> Iterator[Hit]:
    """Players in a line-up, each after a shirt number ("8 - Luc Nilis , 11 - Luis Oliveira"):
    people (a guess that fills gaps only, in sports reports only)."""
    if not is_sports_report(doc):
        return
    for token in doc[2:]:
        number, dash = doc[token.i - 2], doc[token.i - 1]
        if dash.text != "-" or not number.text.isdigit() or token.ent_type_:
            continue
        end = name_run_right(doc, token.i)
        if end - token.i >= 2 and lookup_place(doc[token.i:end].text) is None:
            yield Hit(token.i, end, "PERSON", GUESS_WEIGHT)


def find_town_teams(doc: Doc) -> Iterator[Hit]:
    """ "the Colorado Rockies", "the Florida Marlins": in a sports report, a run of capitalized
    words that opens with a place and ends in a plural is one team's name (the model splits it
    or sees only the place)."""
    if not is_sports_report(doc):
        return
    i = 0
    while i < len(doc):
        end = name_run_right(doc, i)
        if end - i >= 2 and doc[end - 1].text.endswith("s") and opens_with_place(doc, i, end) \
                and lookup_place(doc[i:end].text) is None:
            yield Hit(i, end, "ORG", PATTERN_WEIGHT)
        i = max(end, i + 1)


def opens_with_place(doc: Doc, start: int, end: int) -> bool:
    """Whether the words from ``start`` begin with a place's name (model's or the gazetteer's)."""
    if doc[start].ent_type_ in ("GPE", "LOC"):
        return True
    return any(lookup_place(doc[start:j].text) is not None for j in range(start + 1, end))


def find_team_names(doc: Doc) -> Iterator[Hit]:
    """Names followed by a score or a table row in a results line: teams, i.e. organizations.

    A person followed by a score (golf, athletics, tennis) is left to the model: it labels
    most of them as people, and those labels stop this guess.
    """
    for start, end in line_token_ranges(doc):
        if not is_results_line(doc, start, end):
            continue
        i = start
        while i < end:
            run_end = name_run_right(doc, i)
            scored = run_end < end and (is_figure(doc[run_end]) or doc[run_end].text in VERSUS)
            opposed = i > start and doc[i - 1].text in VERSUS
            if run_end > i and (scored or opposed) and not is_person_or_country(doc, i, run_end):
                yield Hit(i, run_end, "ORG", PATTERN_WEIGHT)
            i = max(run_end, i + 1)
