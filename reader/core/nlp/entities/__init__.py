"""Entities of a parsed text: the model's spans, cleaned, completed and made consistent.

Steps: clean the model's spans (span_cleanup.py) → add phrases it misses (phrases.py, teams.py),
works, products and events its labels miss (works.py) and places it does not see (gazetteer.py)
→ give each surface form one type across the story, strongest evidence first, context words
included; what the text itself says of a name (a company noun beside it, its shares, a plural
verb, a list of companies, "the town of X") outweighs any number of the model's labels when
nothing around it says otherwise, and a list or a full name follows its companies on a second
look → forget forms that are no names (common words capitalized, titles alone) → find the
form's other mentions → merge mentions per referent (aliases.py).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from spacy.lang.en.stop_words import STOP_WORDS

from reader.core.model import Entity, EntityType
from reader.core.nlp.confidence import scaled, vote_confidence
from reader.core.nlp.entities.aliases import Found, acronym_of, merge_mentions
from reader.core.nlp.entities.durations import amount_type, is_frequency
from reader.core.nlp.entities.gazetteer import (
    MIN_RELABEL_POPULATION,
    SURE_KINDS,
    country_stems,
    is_sure_place,
    lookup_place,
)
from reader.core.nlp.entities.phrases import (
    GENERIC_ORG_WORDS,
    NOT_DESCRIBED_LABELS,
    PATTERN_WEIGHT,
    PLACE_OF_NOUNS,
    find_phrases,
    is_name_token,
    looks_like_org,
    name_run_left,
    name_run_right,
)
from reader.core.nlp.entities.platforms import PLATFORM_NAMES
from reader.core.nlp.entities.span_cleanup import NAME_LABELS, clean_span
from reader.core.nlp.entities.teams import (
    find_numbered_players,
    find_team_names,
    find_town_teams,
    is_club_mention,
    is_sports_report,
)
from reader.core.nlp.entities.works import (
    TITLE_LAST_WORDS,
    find_works,
    is_event_name,
    is_product_name,
)
from reader.core.nlp.titles import TITLES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

LABEL_TYPES: dict[str, EntityType] = {
    "PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place",
    "NORP": "group", "EVENT": "event", "WORK_OF_ART": "work", "PRODUCT": "product", "LAW": "law",
    "LANGUAGE": "language", "DATE": "date", "TIME": "time", "MONEY": "money", "QUANTITY": "quantity",
    "PERCENT": "percent", "CARDINAL": "number", "ORDINAL": "number",
}
NAME_TYPES = frozenset(LABEL_TYPES[label] for label in NAME_LABELS)
# One vote per mention the model labels; phrases (patterns.py) weigh PATTERN_WEIGHT.
MODEL_WEIGHT = 1.0
# A title just before a name is strong evidence of a person ("President Putin", "Mr Jackson").
TITLE_WEIGHT = 2.0
# A place preposition before a known place name is weak evidence of a place ("in Sumy").
PLACE_CONTEXT_WEIGHT = 0.5
# A name the gazetteer knows counts as this many mentions labelled place.
GAZETTEER_WEIGHT = 1.0
# A nationality adjective shares this many first letters with its country (Austral-ia/-ian,
# Pakis-tan/-tani) and ends like one; the few that do not are listed.
NATIONALITY_STEM = 4
NATIONALITY_ENDINGS = ("an", "ese", "ish", "i", "ic")
# A one-word "person" written after "the" in more than this share of its mentions is a thing
# ("the Moon"; "a Moon lander" and headings account for the rest).
MAX_THE_SHARE = 0.5
# Lower-case words allowed between "the" and such a name ("the lunar Gateway").
MAX_WORDS_AFTER_THE = 2
# Surname prefixes written with a capital after them: "McDonald", "DeSantis", "LaGuardia".
SURNAME_PREFIXES = frozenset({"Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Fitz", "St"})
# Endings of countries' names that also end like nationalities ("Kazakstan", however spelt).
COUNTRY_ENDINGS = ("stan", "land", "ia")
IRREGULAR_NATIONALITIES = frozenset({
    "French", "Dutch", "Swiss", "Greek", "Thai", "Welsh", "Irish", "Spanish", "Danish", "Swedish",
    "Norwegian", "Finnish", "Polish", "Turkish", "Scottish", "Icelandic", "Czech", "Slovak", "English",
})
# Longest capitalized phrase checked against the text's lower-case words ("GET OUT").
MAX_COMMON_WORDS = 2
# Longest place name (in tokens) looked up where the model saw nothing ("Papua New Guinea").
MAX_PLACE_TOKENS = 4
# Lower-case nouns for what a person does or is to others, right before a name: "talent manager
# Scooter Braun", "Fox News host Jeanine Pirro", "quarterback Mason Rudolph". (Only words that
# describe people: "the carmaker Volkswagen" is phrases.ORG_DESCRIPTOR_NOUNS' business.)
ROLE_NOUNS = frozenset({
    "actor", "actress", "singer", "rapper", "musician", "songwriter", "comedian", "dancer", "host",
    "presenter", "anchor", "journalist", "reporter", "columnist", "correspondent", "editor", "author",
    "writer", "novelist", "poet", "historian", "economist", "analyst", "strategist", "scientist",
    "researcher", "professor", "physicist", "lawyer", "attorney", "prosecutor", "spokesman",
    "spokeswoman", "spokesperson", "manager", "coach", "quarterback", "goalkeeper", "keeper",
    "midfielder", "striker", "winger", "defender", "pitcher", "batsman", "bowler", "player",
    "teammate", "founder", "co-founder", "chairman", "chairwoman", "lawmaker", "congressman",
    "congresswoman", "senator", "director", "producer", "designer", "artist", "photographer",
    "entrepreneur", "billionaire", "businessman", "businesswoman", "candidate", "wife", "husband",
    "son", "daughter", "mother", "father", "brother", "sister", "widow", "nephew", "niece",
})
# A full name listed beside a person's full name counts this many model votes for a person: more
# than the model's one label of the name itself, less than a title.
LISTED_PERSON_WEIGHT = 1.5
# Only "and": a comma after a name often opens an apposition ("John Smith, London Newsroom").
PERSON_LIST_JOINERS = frozenset({"and"})
# What stands between the items of a list of names.
LIST_JOINERS = frozenset({",", "and", "or", "&"})
# Words before a name that a person's name does not take in a list: "of", "the".
NOT_BEFORE_PEOPLE = frozenset({"of", "the", "at", "in", "from"})
# Jobs held at an organization: "chief operating officer of SpaceX", "an analyst at Jefferies".
# (Not "president", "minister" or "leader": "president of France" is a place's.)
JOB_NOUNS = frozenset({
    "ceo", "cfo", "coo", "cto", "founder", "co-founder", "chairman", "chairwoman", "officer",
    "executive", "executives", "vp", "engineer", "engineers", "employee", "employees",
    "shareholder", "shareholders", "analyst", "spokesman", "spokeswoman", "spokesperson",
})
# What only an organization has, after its possessive: "Apple's CEO" (people have spokesmen
# and chiefs of staff, so those are left out).
COMPANY_NOUNS = frozenset({
    "ceo", "cfo", "founder", "co-founder", "chairman", "board", "shareholders", "employees",
    "subsidiary", "headquarters", "stock", "shares", "revenue", "revenues", "profits", "earnings",
    "products", "devices", "services", "customers",
})
# Nouns an organization is called by in apposition or as a copula's complement: "Tarvex, the
# Chinese e-commerce giant, said", "Tarvex is a retailer". Nouns a person is also called by
# ("group" of people, "leader") are left out.
ORG_APPOSITION_NOUNS = frozenset({
    "company", "firm", "giant", "retailer", "maker", "carmaker", "automaker", "airline", "bank",
    "lender", "insurer", "conglomerate", "manufacturer", "startup", "start-up", "operator",
    "publisher", "developer", "studio", "broadcaster", "newspaper", "agency", "club", "side",
    "team", "outfit", "franchise", "corporation", "business", "contractor", "supplier", "chain",
})
# Verbs before "by" whose agent is an outlet: "published by Prensa Tarvo", "broadcast by".
PUBLISHING_VERBS = frozenset({"published", "broadcast", "aired", "televised", "carried"})
# Nouns right before a publication's name: "the daily Tarvo Zeitung", "the news weekly Tarvo".
PUBLICATION_NOUNS = frozenset({"daily", "weekly", "magazine", "tabloid", "paper"})
# What a company or a club has, after its possessive, beside COMPANY_NOUNS: "Tarvex's listing",
# "Tarvex's cables division", "Dunmore's striker" (no one has a striker or a listing).
# (Not "stake", "brand", "office" or "staff": people have those.)
HOLDING_NOUNS = frozenset({
    "listing", "division", "unit", "factory", "factories", "plant", "plants", "striker",
    "midfielder", "goalkeeper", "keeper", "defender", "squad", "valuation", "flotation", "ipo",
    "workforce",
})
# Second words that make "chief" a company's job: "Tarvex's chief executive".
CHIEF_JOBS = frozenset({"executive", "financial", "operating", "technology"})
# Nouns of a holding in a company, before "of"/"in": "shares of Tarvex", "a stake in Tarvex".
HOLDING_OF_NOUNS = frozenset({"shares", "stock", "stake", "stakes", "share"})
# Present and past forms of "be" and "have" that agree with a plural subject: a singular name
# taking them is a team or a company written as its people ("Dunmore were unable").
PLURAL_VERBS = frozenset({"are", "were", "have"})
# Dependency labels of clauses inside another, whose pronouns may have their own antecedent.
INNER_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "conj", "parataxis", "pcomp"})
# Endings of coined words for happenings: a country's exit ("Brexit"), a craze ("Cleggmania").
COINAGE_ENDINGS = ("xit", "mania")
# Singular forms of "be" (the parse has no lemmas: the tagger is left out for speed).
BE_FORMS = frozenset({"is", "was", "'s", "’s"})
# Verbs of a publication's reporting whose subject, when no known place, is an outlet
# ("Holbrook reported"); "according to" does the same.
REPORT_VERBS = frozenset({"report", "reported", "reports", "reporting"})
# Context votes for an organization (one company noun, TITLE_WEIGHT) that outweigh any number
# of the model's labels when nothing in the text says person or place.
ORG_CONTEXT_WEIGHT = 2.0
# A word of a "person's" full name needs this many times ORG_CONTEXT_WEIGHT to be an
# organization ("Tarvex shares", "Tarvex's division" after a mislabelled "Tarvex Cables").
PERSON_PART_CONTEXTS = 2
# Titles, ranks and jobs, lower case and without full stops: alone they name no one.
ROLE_WORDS = frozenset(
    {t.lower().rstrip(".") for t in TITLES} | ROLE_NOUNS | JOB_NOUNS
    | {"lt", "col", "cmdr", "cdr", "maj", "sgt", "capt", "gen", "adm", "cpl", "pvt", "lieutenant",
       "commander", "major", "sergeant", "admiral", "corporal", "president", "vice", "deputy",
       "head", "chief", "member", "ranking"})
# Last words of the names of bodies of people, who take "who" as people do: "International
# Coalition Forces, who".
GROUP_LAST_WORDS = frozenset({
    "Forces", "Brothers", "Sisters", "Fighters", "Guards", "Troops", "Rangers", "Partners",
    "Associates", "Democrats", "Republicans", "Rebels", "Militia", "Brigade", "Brigades",
})
# Lower-case words after a name that make it a company's or a publication's.
# ("devices", "products", "customers": "Tarvex devices" names the maker; no one's name is
# written before them.)
ORG_FOLLOWER_WORDS = frozenset({
    "shares", "shareholders", "stock", "subsidiary", "daily", "weekly", "devices", "products",
    "customers",
})
# What a club has, after its name in a sports report: "Dunmore's manager", "a Dunmore shirt".
# (Not "stadium": "the Eschen stadium" is the town's.)
CLUB_NOUNS = frozenset({"manager", "boss", "shirt", "shirts", "fans", "supporters", "squad",
                        "academy", "players", "kit", "chairman"})
# Verbs whose object is a team: "managed Dunmore Rovers", "coached Dunmore".
TEAM_VERBS = frozenset({"manage", "managed", "manages", "managing", "coach", "coached", "coaches",
                        "coaching", "captained", "captains"})
# Roles in a team between the team's one-word name and a player's ("Everton striker Duncan
# Ferguson"); a country before them stays a place (national sides).
TEAM_ROLE_WORDS = frozenset({
    "captain", "coach", "striker", "midfielder", "goalkeeper", "defender", "winger", "skipper",
    "batsman", "bowler", "pitcher", "all-rounder", "fullback", "scrum-half", "fly-half",
    "manager", "boss", "chairman", "keeper",
})
# Jobs in a team before "of" or "at": "manager of Dunmore Rovers", "coach at Dunmore".
TEAM_JOB_NOUNS = frozenset({"manager", "coach", "boss", "captain"})
# Other names the model labels organizations, and none it labels a person's, in a list around a
# name: the name is one of them ("Draper, Lockheed Martin and Firefly Aerospace"). Two, so one
# mislabelled neighbour decides nothing.
MIN_LISTED_ORGS = 2
# Endings of English county names, never of a person's.
COUNTY_SUFFIXES = ("shire",)
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "from", "into", "outside", "across", "to", "around"})
# Types a known place name is relabelled from: the model's usual confusions for unfamiliar
# place names (Kyiv as a person, Kursk as a product). Organizations keep their label unless
# the story also places them: a club or government named for its city is an organization.
RELABEL_TO_PLACE = frozenset({"person", "product", "work", "event", "law", "language", "group"})



class Tally(dict[str, float]):
    """Weighted votes per entity type. A Counter would do at run time, but its counts are typed
    as whole numbers and our weights are fractions (PLACE_CONTEXT_WEIGHT)."""

    def __missing__(self, kind: str) -> float:
        return 0.0

    def total(self) -> float:
        return sum(self.values())

    def best(self) -> str:
        """The type with the most weight; the first one voted for on a tie (as Counter.most_common)."""
        return max(self, key=self.__getitem__)

    def add(self, other: Tally) -> None:
        for kind, weight in other.items():
            self[kind] += weight


Votes = dict[tuple[int, int], Tally]
# Types whose spans may be durations, frequencies or ages rather than points in time.
TIME_TYPES = frozenset({"date", "time"})
# Confidence of an entity no form of which got a vote of its own (a surname repeated from a
# full name that was merged elsewhere): one model vote's worth.
UNVOTED_CONFIDENCE = 0.75
# The confidence of one model vote and nothing else (see confidence.vote_confidence).
MODEL_ONLY_CONFIDENCE = 0.75
# Lone guesses (is_lone_guess) were right 0.27 (one-word people) and 0.38 (several-word
# organizations) of the time on CoNLL-2003 dev against 0.9 for the other single mentions:
# scaled below the panel's LOW_CONFIDENCE.
LONE_GUESS_FACTOR = 0.6


def model_votes(doc: Doc) -> Votes:
    """The model's entities after cleanup, one vote for its label per clean span."""
    votes: Votes = {}
    for ent in doc.ents:
        for a, b in clean_span(doc, ent.start, ent.end, title_label(ent.label_, ent[-1].text)):
            kind = LABEL_TYPES[ent.label_]
            if is_nationality_before_name(doc, a, b):  # "American Dennis Mitchell"
                votes.setdefault((a, a + 1), Tally())["group"] += MODEL_WEIGHT
                a, kind = a + 1, "person"
            if kind == "person":
                while a < b - 1 and doc[a].text in TITLES:
                    a += 1
            votes.setdefault((a, b), Tally())[kind] += MODEL_WEIGHT
    return votes


def title_label(label: str, last_word: str) -> str:
    """The model's label, or the label of a title when the span ends as a product's or an
    event's name does: cleanup then keeps its possessive ("Founder's Edition" is one name, not
    "Founder" and "Edition")."""
    if label in NAME_LABELS and last_word in TITLE_LAST_WORDS:
        return "PRODUCT"
    return label


def is_nationality(word: str) -> bool:
    """A nationality adjective: "Australian", "Pakistani", "Chinese" (its country's first
    letters and a demonym ending), or one of the irregular ones."""
    if word in IRREGULAR_NATIONALITIES:
        return True
    return word.endswith(NATIONALITY_ENDINGS) and word[:NATIONALITY_STEM] in country_stems(NATIONALITY_STEM)


def is_nationality_before_name(doc: Doc, start: int, end: int) -> bool:
    """A nationality then a person's name of two or more words: the nationality is no part
    of the name, and the name is a person's (organizations are not described this way)."""
    words = [t.text for t in doc[start:end]]
    return (len(words) >= 3 and is_nationality(words[0]) and not is_event_name(words)
            and all(is_name_token(t) for t in doc[start + 1:end]) and not looks_like_org(words[1:]))


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def add_phrases(doc: Doc, votes: Votes, sports: bool) -> None:
    """Phrase evidence: an identical span gains votes, an overlapping model span gives way."""
    for hit in [*find_phrases(doc), *find_team_names(doc), *find_numbered_players(doc),
                *find_town_teams(doc), *find_works(doc, sports)]:
        span = (hit.start, hit.end)
        if hit.weight < PATTERN_WEIGHT and any(overlaps(s, span) for s in votes):
            continue
        for other in [s for s in votes if s != span and overlaps(s, span)]:
            if votes[other].total() <= MODEL_WEIGHT * 2:
                del votes[other]
        if not any(overlaps(s, span) for s in votes if s != span):
            votes.setdefault(span, Tally())[LABEL_TYPES[hit.label]] += hit.weight


def add_gazetteer_places(doc: Doc, votes: Votes) -> None:
    """Countries, capitals and states the model did not mark at all."""
    covered = {i for a, b in votes for i in range(a, b)}
    i = 0
    while i < len(doc):
        found = 0
        if i not in covered and is_name_token(doc[i]):
            for j in range(min(len(doc), i + MAX_PLACE_TOKENS), i, -1):
                if all(k not in covered for k in range(i, j)) and is_sure_place(doc[i:j].text):
                    found = j
                    break
        if found:
            votes[(i, found)] = Tally({"place": GAZETTEER_WEIGHT})
            i = found
        else:
            i += 1


def context_votes(doc: Doc, span: tuple[int, int], form: str, sports: bool = False) -> Tally:
    """Evidence from the words around one mention (``sports``: the text is a sports report)."""
    votes = Tally()
    words = [t.text for t in doc[span[0]:span[1]]]
    if is_event_name(words):  # "Davis Cup", "American Music Awards"
        votes["event"] += PATTERN_WEIGHT
    elif is_product_name(words):  # "Premiere Edition"
        votes["product"] += PATTERN_WEIGHT
    elif looks_like_org(words) and not lookup_place(form):  # Soviet Union
        votes["organization"] += PATTERN_WEIGHT
    before = doc[span[0] - 1].text if span[0] > 0 else ""
    if before in TITLES or before in ROLE_NOUNS:  # "President Putin", "talent manager Scooter Braun"
        votes["person"] += TITLE_WEIGHT
    elif before in PLACE_PREPOSITIONS and lookup_place(form):
        votes["place"] += PLACE_CONTEXT_WEIGHT
    after = doc[span[1]].text if span[1] < len(doc) else ""
    if after in ORG_FOLLOWER_WORDS:  # "Pirelli shares", "Zycie Warszawy daily said"
        votes["organization"] += PATTERN_WEIGHT
    elif after in TEAM_ROLE_WORDS and not is_sure_place(form) \
            and span[1] + 1 < len(doc) and is_name_token(doc[span[1] + 1]):
        votes["organization"] += PATTERN_WEIGHT  # "Warwickshire captain Tim Munton"
    if sports and is_name_token(doc[span[0]]) and is_club_thing(doc, span) and not is_sure_place(form) \
            and not is_nationality(form):
        votes["organization"] += TITLE_WEIGHT  # "Dunmore's manager", "a Dunmore shirt"
    if is_name_token(doc[span[0]]) and doc[span[0]].ent_type_ not in NOT_DESCRIBED_LABELS \
            and not lookup_place(form) and is_listed_with_orgs(doc, span):
        votes["organization"] += TITLE_WEIGHT  # "Draper, Lockheed Martin and Firefly Aerospace"
    if len(words) >= 2 and all(is_name_token(t) for t in doc[span[0]:span[1]]) \
            and is_listed_with_person(doc, span) and not looks_like_org(words):
        votes["person"] += LISTED_PERSON_WEIGHT  # "Eric Robinson and Boone Jenner also scored"
    if is_employer(doc, span) and not lookup_place(form):
        votes["organization"] += TITLE_WEIGHT  # "chief operating officer of SpaceX", "Apple's CEO"
    elif is_name_token(doc[span[0]]) and doc[span[0]].ent_type_ not in NOT_DESCRIBED_LABELS \
            and not lookup_place(form) \
            and (is_held(doc, span) or is_called_org(doc, span) or is_plural_subject(doc, span)
                 or owns_its(doc, span)):
        votes["organization"] += TITLE_WEIGHT  # "shares of X", "X, the e-commerce giant", "X were"
    if len(words) >= 2 and is_name_token(doc[span[0]]) and is_relative_who(doc, span[1]) \
            and not looks_like_org(words) and words[-1] not in GROUP_LAST_WORDS:
        votes["person"] += TITLE_WEIGHT  # "Montell Figgins, who represents Thomas"
    if form.endswith(COUNTY_SUFFIXES) and " " not in form:
        votes["place"] += PATTERN_WEIGHT  # "Derbyshire" is no one's name
    return votes


def model_entity_at(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The token range of the model's entity that starts at ``start`` or ends at ``end`` (one
    of the two is given as -1), or (0, 0)."""
    i = start if start >= 0 else end - 1
    if i < 0 or i >= len(doc) or not doc[i].ent_type_:
        return 0, 0
    a = i
    while a > 0 and doc[a].ent_iob_ == "I":
        a -= 1
    b = i + 1
    while b < len(doc) and doc[b].ent_iob_ == "I":
        b += 1
    if (start >= 0 and a != start) or (start < 0 and b != end):
        return 0, 0
    return a, b


def is_listed_with_person(doc: Doc, span: tuple[int, int]) -> bool:
    """A full name joined by "and" to a full name the model calls a person's: the two are of a
    kind ("Eric Robinson and Boone Jenner")."""
    start, end = span
    if start > 0 and doc[start - 1].lower_ in NOT_BEFORE_PEOPLE:
        return False  # "of Victoria Hospital and Chris Kuo", "the Miami Herald and Kansas City Star"
    if start >= 2 and doc[start - 1].text in PERSON_LIST_JOINERS:
        a, b = model_entity_at(doc, -1, start - 1)
        if is_model_person(doc, a, b):
            return True
    if end + 1 < len(doc) and doc[end].text in PERSON_LIST_JOINERS:
        a, b = model_entity_at(doc, end + 1, -1)
        if is_model_person(doc, a, b):
            return True
    return False


def is_listed_with_orgs(doc: Doc, span: tuple[int, int]) -> bool:
    """A name in a list ("A, B and C") whose other items the model labels organizations,
    at least MIN_LISTED_ORGS of them and no person. Commas alone make no list: "Arts Center,
    Holmdel, NJ" is an address."""
    items, joined = listed_items(doc, span)
    labels = [doc[a].ent_type_ for a, _ in items]
    return joined and labels.count("ORG") >= MIN_LISTED_ORGS and "PERSON" not in labels


def listed_items(doc: Doc, span: tuple[int, int]) -> tuple[list[tuple[int, int]], bool]:
    """The other items of the list a name is in, and whether it is joined by a conjunction
    (commas alone are an address's or a heading's)."""
    left, left_joined = listed_spans(doc, span[0], -1)
    right, right_joined = listed_spans(doc, span[1], 1)
    return left + right, left_joined or right_joined


def listed_spans(doc: Doc, edge: int, step: int) -> tuple[list[tuple[int, int]], bool]:
    """The list items beside a name (the model's entities, and capitalized runs it missed),
    walking left (step -1, from its first token) or right (step 1, from the token after it)
    over commas and "and"/"or", and whether a conjunction was crossed."""
    labels: list[tuple[int, int]] = []
    joined = False
    i = edge
    while True:
        j = i - 1 if step < 0 else i
        gap = 0
        while 0 <= j < len(doc) and doc[j].text in LIST_JOINERS and gap < 2:
            joined = joined or doc[j].text != ","
            j += step
            gap += 1
        if gap == 0 or not 0 <= j < len(doc):
            return labels, joined
        if not doc[j].ent_type_ and is_name_token(doc[j]):  # a name the model missed
            a, b = (name_run_left(doc, j + 1), j + 1) if step < 0 else (j, name_run_right(doc, j))
            labels.append((a, b))
            i = a if step < 0 else b
            continue
        a, b = model_entity_at(doc, -1, j + 1) if step < 0 else model_entity_at(doc, j, -1)
        if a == b:
            return labels, joined
        labels.append((a, b))
        i = a if step < 0 else b


def is_model_person(doc: Doc, start: int, end: int) -> bool:
    """A full name the model labels a person's and whose words do not say organization."""
    return (end - start >= 2 and doc[start].ent_type_ == "PERSON"
            and not looks_like_org([t.text for t in doc[start:end]]))


def is_employer(doc: Doc, span: tuple[int, int]) -> bool:
    """A name a job belongs to: "chief executive of SpaceX", "an analyst at Jefferies" ("of"/"at"
    after a job) or "Apple's CEO" (a possessive before what only a company has)."""
    start, end = span
    if not is_name_token(doc[start]):
        return False
    if start >= 1 and doc[start - 1].text in TEAM_VERBS and doc[start].dep_ in {"dobj", "compound"}:
        return True  # "returned to manage Dunmore Rovers"
    if start >= 2 and doc[start - 1].lower_ in {"of", "at"} \
            and (doc[start - 2].lower_ in JOB_NOUNS or doc[start - 2].lower_ in TEAM_JOB_NOUNS):
        return True
    if end + 1 >= len(doc) or doc[end].text not in {"'s", "’s", "'", "’"}:
        return False
    noun = doc[end + 1].lower_
    if noun in COMPANY_NOUNS or noun in HOLDING_NOUNS:
        return True
    return noun == "chief" and end + 2 < len(doc) and doc[end + 2].lower_ in CHIEF_JOBS


def is_club_thing(doc: Doc, span: tuple[int, int]) -> bool:
    """A name before what a club has, straight or with a possessive: "Dunmore manager",
    "Dunmore's manager", "a Dunmore shirt" (in a sports report, where a person's manager is
    rare and a club's common)."""
    i = span[1]
    if i < len(doc) and doc[i].text in {"'s", "’s", "'", "’"}:
        i += 1
        if i < len(doc) and doc[i].ent_type_ == "PERSON" and doc[i].ent_iob_ == "B":
            return True  # "Dunmore's Gary Breen": a player of the club's
    return i < len(doc) and doc[i].text in CLUB_NOUNS


def is_held(doc: Doc, span: tuple[int, int]) -> bool:
    """A name shares are held in: "shares of Tarvex", "a stake in Tarvex"."""
    start, end = span
    if end < len(doc) and doc[end].text in {"'s", "’s", "'", "’"}:
        return False  # "a stake in Kylie Moss's company": the stake is in what she owns
    return (start >= 2 and is_name_token(doc[start]) and doc[start - 1].lower_ in {"of", "in"}
            and doc[start - 2].lower_ in HOLDING_OF_NOUNS)


def is_called_org(doc: Doc, span: tuple[int, int]) -> bool:
    """A name the text calls a company or a club: after the noun ("the e-commerce giant
    Tarvex"), in apposition ("Tarvex, the Chinese e-commerce giant,") or after "is" ("Tarvex
    is a retailer")."""
    before = doc[span[0] - 1] if span[0] > 0 else None
    if span[0] >= 2 and doc[span[0] - 1].text == "by" and doc[span[0] - 2].text in PUBLISHING_VERBS:
        return True  # "an interview published by Prensa Tarvo"
    if before is not None and before.is_lower \
            and (before.text in ORG_APPOSITION_NOUNS or before.text in PUBLICATION_NOUNS):
        return True  # "the e-commerce giant Tarvex", "the news weekly Tarvo Zeitung"
    root = doc[span[0]:span[1]].root
    if any(child.dep_ == "appos" and names_a_company(child) for child in root.children):
        return True
    head = root.head
    return (root.dep_ == "nsubj" and head.lower_ in BE_FORMS
            and any(child.dep_ == "attr" and names_a_company(child) for child in head.children))


def names_a_company(noun: Token) -> bool:
    """A company noun with an article and no possessor: "the e-commerce giant" names what it
    stands beside; "the company's chief" is a person; a bare "team" in a results line is no
    apposition."""
    deps = {child.dep_ for child in noun.children}
    return noun.lower_ in ORG_APPOSITION_NOUNS and "det" in deps and "poss" not in deps


def is_plural_subject(doc: Doc, span: tuple[int, int]) -> bool:
    """A singular name written with a plural verb, not one of several subjects: a team or a
    company as its people ("Dunmore were unable to score"). Capitals throughout are a
    headline's, whose verbs say nothing."""
    start, end = span
    if end >= len(doc) or doc[end].lower_ not in PLURAL_VERBS or doc[end - 1].text.endswith("s"):
        return False
    if doc[start:end].text.isupper():
        return False
    if start > 0 and doc[start - 1].lower_ in {"and", "&", ",", "or"}:
        return False
    root = doc[start:end].root
    verb = doc[end]
    return (root.dep_ == "nsubj" and (root.head == verb or verb.head == root.head)
            and not any(child.dep_ == "conj" for child in root.children))


def owns_its(doc: Doc, span: tuple[int, int]) -> bool:
    """A name the subject of a clause that goes on with "its": "Dunmore posted a photo from its
    account" (no one's pronoun is "its"). Inside a reported or other inner clause "its" may
    be another's ("Ann Fry said its profits rose"), so those do not count. One word only: a
    full name is seldom a company's, and the parse often joins a byline to the next sentence."""
    root = doc[span[0]:span[1]].root
    if span[1] - span[0] != 1 or root.dep_ != "nsubj":
        return False
    verb = root.head
    for token in verb.subtree:
        if token.i >= span[1] and token.lower_ == "its" and not crosses_clause(token, verb):
            return True
    return False


def crosses_clause(token: Token, verb: Token) -> bool:
    """An inner clause between ``token`` and the ``verb`` it hangs from."""
    while token != verb and token.head != token:
        if token.dep_ in INNER_CLAUSE_DEPS:
            return True
        token = token.head
    return False


def is_called_place(doc: Doc, span: tuple[int, int]) -> bool:
    """A name the text calls a town or a region: "the town of Tavildara", "Longyear, a town
    in mourning", "Longyear is a town"."""
    start, end = span
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].text in PLACE_OF_NOUNS:
        return True
    root = doc[start:end].root
    nouns = [child for child in root.children if child.dep_ == "appos"]
    if root.dep_ == "nsubj" and root.head.lower_ in BE_FORMS:
        nouns += [child for child in root.head.children if child.dep_ == "attr"]
    return any(noun.text in PLACE_OF_NOUNS and not any(c.dep_ == "poss" for c in noun.children)
               for noun in nouns)


def is_outlet_mention(doc: Doc, span: tuple[int, int]) -> bool:
    """A name a report is credited to: "according to Holbrook", "Holbrook reported"."""
    start, end = span
    if start >= 2 and doc[start - 1].lower_ == "to" and doc[start - 2].lower_ == "according":
        return True
    subject = doc[start:end].root
    while subject.dep_ == "conj" and subject.head != subject:  # "NBC News and Holbrook have reported"
        subject = subject.head
    return subject.dep_ == "nsubj" and subject.head.lower_ in REPORT_VERBS and subject.head.i >= end


def is_relative_who(doc: Doc, end: int) -> bool:
    """ "who" (or ", who") right after a name: people take "who", things "which". (A team may
    take "who" in British sports writing, so only several-word names are asked.)"""
    if end < len(doc) and doc[end].text == ",":
        end += 1
    return end < len(doc) and doc[end].lower_ == "who"


def name_parts(doc: Doc, votes: Votes, kind: str) -> set[str]:
    """Words of the multi-word names of one type: "Jackson" after "Andrew Jackson" is no city."""
    parts: set[str] = set()
    for (a, b), counter in votes.items():
        if b - a >= 2 and counter.best() == kind:
            parts.update(t.text for t in doc[a:b])
    return parts


def org_short_names(doc: Doc, votes: Votes) -> set[str]:
    """The first and last words of organizations' names, standing for the whole: "Carlyle"
    after "Carlyle Group", "Chronicle" after "San Francisco Chronicle"."""
    shorts: set[str] = set()
    for (a, b), counter in votes.items():
        # not "Lula administration"
        capitalized = all(t.text[:1].isupper() or not t.is_alpha for t in doc[a:b])
        if b - a >= 2 and capitalized and counter.best() == "organization":
            ends = (doc[a], doc[b - 1])
            shorts.update(t.text for t in ends if is_name_token(t) and t.text not in GENERIC_ORG_WORDS)
    return shorts


def is_camel_case_brand(form: str) -> bool:
    """One word with a capital inside that no surname prefix explains: "SpaceX", "WeWork",
    not "McDonald", "DeSantis", "MacArthur", "O'Neill"."""
    if " " in form or not form.isalpha() or form.isupper():
        return False
    inner = [i for i, ch in enumerate(form) if ch.isupper() and i > 0]
    if not inner:
        return False
    return not any(form[:i] in SURNAME_PREFIXES for i in inner)


def context_type(form: str, total: Tally, context: Tally, parts: dict[str, set[str]]) -> str | None:
    """Organization when the words around a name say so and nothing around it says person or
    place, however often the model labelled it otherwise: its label is a guess from the word's
    shape, the context is the text's own say ("Tarvex's shares", "Tarvex, the retailer"). A
    name credited with a report and no known place is an outlet ("Holbrook reported")."""
    best = total.best()
    if best == "person" and form not in parts["person"] and not context["person"] \
            and not context["organization"] and context["called place"]:
        return "place"  # "the town of Tavildara", "Longyear is a town"
    if best not in {"person", "place", "organization"} or lookup_place(form) is not None \
            or context["person"] or context["place"]:
        return None
    needed = ORG_CONTEXT_WEIGHT * (PERSON_PART_CONTEXTS if form in parts["person"] else 1)
    if context["organization"] >= needed or (best == "place" and context["outlet"]):
        return "organization"
    return None


def is_coinage(form: str) -> bool:
    """One word made with a coinage's ending (an exit, a craze) that the gazetteer does not
    know: "Brexit", "Grexit", "Cleggmania"."""
    return (" " not in form and form.isalpha() and form.lower().endswith(COINAGE_ENDINGS)
            and lookup_place(form) is None)


def decide_type(form: str, votes: Tally, parts: dict[str, set[str]]) -> str:
    """The one type of a surface form: the strongest evidence, with the gazetteer's say."""
    best = votes.best()
    if form in PLATFORM_NAMES:
        return "organization"
    if best == "person" and form[:1].islower():
        return "product"  # "xCloud", "iPhone": no one's name starts in lower case
    if best in {"place", "person"} and is_coinage(form):
        return "event"  # "Brexit", "Cleggmania": a happening, no place
    if best == "person" and is_camel_case_brand(form):
        return "organization"  # "SpaceX", "FromSoftware": no one's name is written so
    if best in {"place", "person"} and " " not in form and not form.endswith(COUNTRY_ENDINGS) \
            and is_nationality(form) and lookup_place(form) is None:
        return "group"  # "the Ukrainian", "the Swiss": a nationality, no place or person
    if form in parts["person"] and (votes["person"] >= votes["place"] or not is_sure_place(form)):
        return "person"  # "Wang" after "Wang Donghai"; "Jordan" after "Neil Jordan" unless a place more often
    if form in parts["organization"] and lookup_place(form) is None and best in {"person", "place"}:
        return "organization"
    place = lookup_place(form)
    if place is None or best == "place":
        return best
    if place.kind in SURE_KINDS and votes[best] < PATTERN_WEIGHT:
        return "place"
    if best in RELABEL_TO_PLACE and place.population >= MIN_RELABEL_POPULATION:
        return "place"
    if best == "organization" and votes["place"] + GAZETTEER_WEIGHT > votes[best]:
        return "place"
    return best


def form_evidence(doc: Doc, votes: Votes, sports: bool = False) -> tuple[dict[str, Tally], dict[str, Tally]]:
    """All the votes for each surface form across the story, context included, and the
    context's votes alone (with "outlet" for mentions a report is credited to)."""
    totals: dict[str, Tally] = {}
    contexts: dict[str, Tally] = {}
    for span, counter in votes.items():
        form = doc[span[0]:span[1]].text
        total = totals.setdefault(form, Tally())
        context = context_votes(doc, span, form, sports)
        total.add(counter)
        total.add(context)
        contexts.setdefault(form, Tally()).add(context)
        if is_outlet_mention(doc, span):
            contexts[form]["outlet"] += 1
        if is_called_place(doc, span):
            contexts[form]["called place"] += 1
    for span in unvoted_repeats(doc, votes):
        form = doc[span[0]:span[1]].text
        contexts[form].add(context_votes(doc, span, form, sports))
        if is_outlet_mention(doc, span):
            contexts[form]["outlet"] += 1
    return totals, contexts


def unvoted_repeats(doc: Doc, votes: Votes) -> list[tuple[int, int]]:
    """Other mentions of the voted names, which no one labelled: their context counts too
    ("Dunmore started well. Dunmore were unable to score" where the model marked the first)."""
    covered = {i for a, b in votes for i in range(a, b)}
    by_first: dict[str, set[tuple[str, ...]]] = {}
    for a, b in votes:
        words = tuple(t.text for t in doc[a:b])
        by_first.setdefault(words[0], set()).add(words)
    found = []
    for token in doc:
        if token.i in covered:
            continue
        for words in by_first.get(token.text, ()):
            end = token.i + len(words)
            if end <= len(doc) and tuple(t.text for t in doc[token.i:end]) == words \
                    and not any(i in covered for i in range(token.i, end)):
                found.append((token.i, end))
                break
    return found


def form_types(doc: Doc, votes: Votes, totals: dict[str, Tally],
               contexts: dict[str, Tally]) -> dict[str, str]:
    """Each surface form's type across the whole story."""
    parts = {"person": name_parts(doc, votes, "person"), "organization": org_short_names(doc, votes)}
    by_context = {form: context_type(form, total, contexts[form], parts) for form, total in totals.items()}
    types = {form: by_context[form] or decide_type(form, total, parts) for form, total in totals.items()}
    for form in things_not_people(doc, votes, types):
        types[form] = "place"
    for form in people_listed_with_orgs(doc, votes, types, contexts):
        types[form] = "organization"
    for form in people_named_for_orgs(types, by_context, contexts):
        types[form] = "organization"
        first = form.split()[0]
        if types.get(first) == "person":
            types[first] = "organization"  # "Tottenham" after "Tottenham Hotspur" in a club's story
    return types


def people_listed_with_orgs(doc: Doc, votes: Votes, types: dict[str, str],
                            contexts: dict[str, Tally]) -> set[str]:
    """ "People" listed with MIN_LISTED_ORGS names now typed organizations and no person,
    whose context says nothing of a person: the second look after the types are known
    ("Draper, Lockheed Martin, and Northrop Grumman" once "Lockheed Martin" is a company)."""
    found: set[str] = set()
    for span in votes:
        form = doc[span[0]:span[1]].text
        if types.get(form) != "person" or contexts[form]["person"]:
            continue
        items, joined = listed_items(doc, span)
        kinds = [types.get(doc[a:b].text) for a, b in items]
        if joined and kinds.count("organization") >= MIN_LISTED_ORGS and "person" not in kinds:
            found.add(form)
    return found


def people_named_for_orgs(types: dict[str, str], by_context: dict[str, str | None],
                          contexts: dict[str, Tally]) -> list[str]:
    """Several-word "people" whose first word the context makes an organization and whose own
    context says nothing of a person: "Tarvex Cables", "Tarvex SpA" after "Tarvex shares"."""
    return [form for form, kind in types.items()
            if kind == "person" and " " in form and not contexts[form]["person"]
            and (by_context.get(form.split()[0]) == "organization"
                 or is_org_by_context(contexts.get(form.split()[0])))]


def is_org_by_context(context: Tally | None) -> bool:
    """Context that says organization as strongly as a person's name part needs, and nothing
    else: a town's name written as its club's ("Tottenham's manager", "a Tottenham shirt")."""
    return (context is not None and not context["person"]
            and context["organization"] >= ORG_CONTEXT_WEIGHT * PERSON_PART_CONTEXTS)


def things_not_people(doc: Doc, votes: Votes, types: dict[str, str]) -> set[str]:
    """One-word "people" the text mostly writes after "the": "the Moon", "the lunar Gateway"
    are places and structures; no one's name takes "the" (but a family does: "the Clintons"
    after "Bill Clinton")."""
    surnames = {form.split()[-1] for form, kind in types.items() if kind == "person"}
    seen: dict[str, list[bool]] = {}
    for a, b in votes:
        form = doc[a:b].text
        if b - a == 1 and types.get(form) == "person":
            seen.setdefault(form, []).append(follows_the(doc, a))
    return {form for form, marks in seen.items()
            if sum(marks) > len(marks) * MAX_THE_SHARE and not is_family(form, surnames)}


def follows_the(doc: Doc, i: int) -> bool:
    """ "the" before token ``i``, maybe across lower-case words ("the lunar Gateway")."""
    j = i - 1
    while j >= max(0, i - 1 - MAX_WORDS_AFTER_THE) and doc[j].is_lower and doc[j].is_alpha:
        if doc[j].lower_ == "the":
            return True
        if doc[j].is_stop:  # "the regime of Saddam": "the" belongs to another noun
            return False
        j -= 1
    return False


def is_family(form: str, surnames: set[str]) -> bool:
    """ "Clintons" where "Clinton" names a person of the story."""
    stems = (form.removesuffix("s"), form.removesuffix("es"))
    return any(form != stem and stem in surnames for stem in stems)


def add_surnames(doc: Doc, votes: Votes, types: dict[str, str]) -> list[tuple[str, ...]]:
    """A person's surname alone names that person: "Eyles" after "Rodney Eyles"."""
    surnames: list[tuple[str, ...]] = []
    for a, b in votes:
        if b - a >= 2 and types.get(doc[a:b].text) == "person":
            last = doc[b - 1].text
            if is_name_token(doc[b - 1]) and len(last) > 1 and not is_sure_place(last):
                types[last] = "person"
                surnames.append((last,))
    return surnames


def add_acronyms(doc: Doc, votes: Votes) -> None:
    """An acronym in brackets after a name it abbreviates: "Moro National Liberation Front (MNLF)"."""
    for (a, b), counter in list(votes.items()):
        if b + 2 < len(doc) and doc[b].text == "(" and doc[b + 2].text == ")":
            short = doc[b + 1]
            if short.text.isupper() and acronym_of(doc[a:b].text) == short.text.replace(".", ""):
                votes.setdefault((b + 1, b + 2), Tally()).add(counter)


def add_repeats(doc: Doc, votes: Votes, types: dict[str, str], extra: list[tuple[str, ...]]) -> None:
    """Other mentions of a name the model marked once: the same words, capitalized the same."""
    covered = {i for a, b in votes for i in range(a, b)}
    by_first: dict[str, set[tuple[str, ...]]] = {}
    for a, b in list(votes):
        if types.get(doc[a:b].text) in NAME_TYPES:
            words = tuple(t.text for t in doc[a:b])
            by_first.setdefault(words[0], set()).add(words)
    for words in extra:
        by_first.setdefault(words[0], set()).add(words)
    for token in doc:
        for words in sorted(by_first.get(token.text, ()), key=len, reverse=True):
            span = (token.i, token.i + len(words))
            if span[1] <= len(doc) and tuple(t.text for t in doc[span[0]:span[1]]) == words \
                    and not any(i in covered for i in range(*span)):
                votes[span] = Tally()
                covered.update(range(*span))
                break


def lower_case_phrases(doc: Doc) -> set[str]:
    """The lower-case words of the text, alone and in pairs: the common words it uses."""
    words = [t.text if t.text.islower() and t.is_alpha else "" for t in doc]
    pairs = {f"{a} {b}" for a, b in zip(words, words[1:], strict=False) if a and b}
    return {w for w in words if w} | pairs


def is_common_word(form: str, count: int, total: Tally, lower: set[str]) -> bool:
    """A capitalized word or two the text also writes in lower case, named on the model's word
    alone: a heading's or a slogan's words ("Research and Advocacy Director", "GET OUT and
    VOTE"), not a name. Known places and platforms keep their names ("Reading", "Signal")."""
    words = form.split()
    if len(words) > MAX_COMMON_WORDS or form.lower() not in lower or form.islower():
        return False
    if total.total() > count * MODEL_WEIGHT:  # a phrase, a title or the gazetteer spoke too
        return False
    return lookup_place(form) is None and form not in PLATFORM_NAMES


def drop_common_words(doc: Doc, votes: Votes, types: dict[str, str], totals: dict[str, Tally]) -> None:
    """Forget the names that are only common words capitalized (see is_common_word) or the
    last word of a title alone ("Edition", "Cup": a fragment of "Founder's Edition")."""
    lower = lower_case_phrases(doc)
    counts: dict[str, int] = {}
    for a, b in votes:
        form = doc[a:b].text
        counts[form] = counts.get(form, 0) + 1
    for form, count in counts.items():
        if types.get(form) in NAME_TYPES and (form in TITLE_LAST_WORDS or is_role_alone(form)
                                              or is_shouted_phrase(form)
                                              or is_common_word(form, count, totals[form], lower)):
            del types[form]


def is_shouted_phrase(form: str) -> bool:
    """Several words in capitals that are all function words: a slogan's ("GET OUT"), no
    name's (one such word may be an acronym: "US", "IT")."""
    words = form.split()
    return len(words) >= 2 and form.isupper() and all(w.lower() in STOP_WORDS for w in words)


def is_role_alone(form: str) -> bool:
    """A title or a job with no name: "CEO", "Director", "Lt Col", "Cmdr." (a heading's or a
    signature's words: "Sanjiv Bhasin, Director, IIFL Securities")."""
    return all(word.lower().rstrip(".") in ROLE_WORDS for word in form.split())


def find_entities(doc: Doc, text: str) -> list[Entity]:
    """Entities of ``text``, parsed (after normalization) as ``doc``; mentions quote ``text``."""
    votes = model_votes(doc)
    sports = is_sports_report(doc)
    add_phrases(doc, votes, sports)
    add_gazetteer_places(doc, votes)
    add_acronyms(doc, votes)
    totals, contexts = form_evidence(doc, votes, sports)
    types = form_types(doc, votes, totals, contexts)
    drop_common_words(doc, votes, types, totals)
    add_repeats(doc, votes, types, add_surnames(doc, votes, types))
    found = []
    for a, b in sorted(votes):
        span = doc[a:b]
        kind = types.get(span.text)
        if sports and kind == "place" and is_club_mention(doc, a, b):
            kind = "organization"
        if kind in TIME_TYPES:
            if is_frequency(span.text):
                continue  # "annual", "each week": how often, not when
            kind = amount_type(span.text) or kind
        if kind is not None:
            found.append(Found(span.start_char, span.end_char, kind, span.text))  # type: ignore[arg-type]
    confidence = {form: vote_confidence(total[types[form]], total.total())
                  for form, total in totals.items() if form in types}
    return [with_confidence(e, confidence) for e in merge_mentions(found, text)]


def with_confidence(entity: Entity, by_form: dict[str, float]) -> Entity:
    """The entity with the confidence of its best-supported name (a surname found only by
    repeating a full name has the full name's)."""
    scores = [by_form[n] for n in (entity.name, *entity.aliases) if n in by_form]
    confidence = max(scores, default=UNVOTED_CONFIDENCE)
    if is_lone_guess(entity, confidence):
        confidence = scaled(confidence, LONE_GUESS_FACTOR)
    return dataclasses.replace(entity, confidence=confidence)


def is_lone_guess(entity: Entity, confidence: float) -> bool:
    """A name seen once on the model's word alone, of a shape the model often gets wrong: one
    word taken for a person ("Gylt"), several taken for an organization ("Premiere Edition")."""
    if len(entity.mentions) != 1 or confidence > MODEL_ONLY_CONFIDENCE:
        return False
    words = len(entity.name.split())
    return (entity.type == "person" and words == 1) or (entity.type == "organization" and words > 1)
