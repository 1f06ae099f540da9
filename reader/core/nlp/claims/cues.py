"""Attribution vocabulary: cue verbs (with their inflections), cue nouns, vague sources.

The pipeline runs without spaCy's tagger and lemmatizer, so cue verbs are recognised by an
inflection table generated here once at import (a plain dict lookup per token at run time).
The lists are hand-written from general English usage of reporting, belief, intention and
evidence verbs; PolNeAR's guidelines count all four kinds as attributions.
"""

from __future__ import annotations

from types import MappingProxyType

# Verbs of saying: the commonest attributions, quotes or reported speech.
SPEECH_VERBS = (
    "say", "tell", "claim", "announce", "deny", "insist", "warn", "accuse", "allege", "confirm",
    "argue", "add", "write", "report", "acknowledge", "admit", "concede", "state", "declare",
    "explain", "note", "observe", "remark", "comment", "reply", "respond", "answer", "ask",
    "continue", "recall", "reveal", "stress", "emphasize", "emphasise", "assert",
    "maintain", "contend", "predict", "promise", "pledge", "vow", "threaten", "urge", "suggest",
    "propose", "recommend", "demand", "complain", "boast", "tweet", "post", "testify", "agree",
    "mention", "point", "tout", "describe", "cite", "quote", "joke", "wonder", "question",
    "counter", "retort", "repeat", "reiterate", "caution", "concur", "estimate", "forecast",
    "indicate", "signal", "imply", "hint", "speculate", "brief", "inform", "notify",
    "advise", "assure", "reassure", "remind", "lament", "charge",
    "protest", "object", "plead", "swear", "guarantee", "project", "calculate",
    "conclude", "determine", "rule", "find", "show", "demonstrate",
    "highlight", "detail", "outline", "document", "cry", "shout", "scream", "exclaim",
    "whisper", "mutter", "sing", "chant", "reason", "surmise", "posit", "talk", "speak",
    "rail", "weigh", "echo", "reference", "express", "discuss", "address", "invoke",
    "campaign", "lobby", "press", "pressure", "advocate", "encourage", "promote", "vote",
    "brag", "query", "moralize", "debate", "comment", "tweet", "retweet", "muse",
    "acknowledge", "concede", "clarify", "elaborate", "insinuate", "lecture", "preach",
    "yell", "holler", "quip", "grumble", "proclaim", "bemoan", "specify", "exhort", "implore",
    "divulge", "confide", "confess", "recount", "underscore", "reaffirm", "disagree",
    "attest", "affirm", "summarize", "summarise", "theorize", "hypothesize",
)

# Verbs whose object is itself the content ("Russia claimed the recapture of ...").
EVALUATION_VERBS = (
    "call", "criticize", "criticise", "condemn", "praise", "blast", "slam", "attack", "blame",
    "defend", "support", "endorse", "oppose", "reject", "dismiss", "brand", "label", "dub",
    "denounce", "decry", "hail", "welcome", "applaud", "mock", "ridicule", "question",
    "challenge", "dispute", "refute", "rebut", "contradict", "deride", "liken", "compare",
    "characterize", "characterise", "portray", "paint", "frame", "credit", "thank", "congratulate",
    "chastise", "rebuke", "scold", "lambaste", "fault", "accuse", "back", "champion", "tout",
    "admire", "embrace", "laud", "extol", "hammer", "bash", "knock", "disparage", "belittle",
    "lash", "denigrate", "malign", "vilify", "demonize", "celebrate", "salute", "commend",
    # verdicts and links a source draws: "rated the claim false", "linked the floods to ..."
    "rate", "link", "tie", "attribute",
    "chide", "berate", "lambast", "deplore",
    # only with an information noun as object (INFORMATION_OBJECT_LEMMAS below)
    "offer", "publish",
)

# Belief, intention and evidence: "believes", "plans to", "polls show".
BELIEF_VERBS = (
    "believe", "think", "feel", "hope", "expect", "fear", "worry", "doubt", "know", "suspect",
    "presume", "understand", "realize", "realise", "recognize", "recognise", "see",
    "consider", "imagine", "trust", "want", "plan", "intend", "aim", "seek", "wish", "prefer",
    "decide", "refuse", "decline", "vow", "pledge", "anticipate", "regard",
    "view", "reckon", "guess", "bet", "learn", "discover", "notice", "acknowledge", "accept",
    "agree", "favor", "favour", "like", "love", "hate", "appreciate", "regret",
)

# A cue verb that rejects what another source said: its claim may dispute an earlier one.
DISPUTE_VERBS = frozenset((
    "deny", "dismiss", "reject", "brand", "refute", "rebut", "dispute", "contradict",
    "label", "call", "denounce", "decry", "deride", "question", "challenge",
))

# Irregular inflections: lemma -> forms (past, participle, -s, -ing are generated otherwise).
_IRREGULAR = {
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "say": ("says", "said", "saying"), "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"), "think": ("thinks", "thought", "thinking"),
    "feel": ("feels", "felt", "feeling"), "know": ("knows", "knew", "known", "knowing"),
    "see": ("sees", "saw", "seen", "seeing"), "find": ("finds", "found", "finding"),
    "show": ("shows", "showed", "shown", "showing"), "understand": ("understands", "understood",
    "understanding"), "mean": ("means", "meant", "meaning"), "seek": ("seeks", "sought", "seeking"),
    "swear": ("swears", "swore", "sworn", "swearing"), "forecast": ("forecasts", "forecast",
    "forecasting"), "bet": ("bets", "bet", "betting"), "learn": ("learns", "learned", "learnt",
    "learning"), "sing": ("sings", "sang", "sung", "singing"), "prove": ("proves", "proved",
    "proven", "proving"), "echo": ("echoes", "echoed", "echoing"),
    "signal": ("signals", "signaled", "signalled", "signaling", "signalling"),
    "label": ("labels", "labeled", "labelled", "labeling", "labelling"),
}

_VOWELS = "aeiou"
# Final consonants doubled before -ed/-ing in one-syllable verbs ("plan" -> "planned").
_DOUBLING = frozenset(("plan", "bet", "dub", "slam", "regret", "admit", "commit", "refer", "rebut", "quip",
                       "occur", "prefer", "compel", "propel"))


def _regular_forms(lemma: str) -> tuple[str, ...]:
    """-s, -ed and -ing forms of a regular English verb."""
    if lemma in _DOUBLING:
        stem = lemma + lemma[-1]
        return (lemma + "s", stem + "ed", stem + "ing")
    if lemma.endswith("e"):
        return (lemma + "s", lemma + "d", lemma[:-1] + "ing")
    if lemma.endswith("y") and lemma[-2] not in _VOWELS:
        return (lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing")
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return (lemma + "es", lemma + "ed", lemma + "ing")
    return (lemma + "s", lemma + "ed", lemma + "ing")


def _inflection_table(*groups: tuple[str, ...]) -> MappingProxyType[str, str]:
    """Every form of every lemma in ``groups`` -> its lemma."""
    table: dict[str, str] = {}
    for group in groups:
        for lemma in group:
            table[lemma] = lemma
            for form in _IRREGULAR.get(lemma) or _regular_forms(lemma):
                table.setdefault(form, lemma)
    return MappingProxyType(table)


CUE_VERB_LEMMAS = _inflection_table(SPEECH_VERBS, EVALUATION_VERBS, BELIEF_VERBS)
OBJECT_CONTENT_LEMMAS = frozenset(EVALUATION_VERBS) | (frozenset(BELIEF_VERBS) - frozenset((
    # perception and knowledge: "saw the game", "knew the man" are no one's claim
    "see", "know", "learn", "notice", "discover", "mean", "understand", "realize", "realise",
    "recognize", "recognise", "imagine", "guess", "bet", "like", "love", "hate",
))) | frozenset((
    "announce", "claim", "deny", "confirm", "report", "acknowledge", "admit", "reveal",
    "propose", "demand", "promise", "pledge", "vow", "predict", "cite", "describe",
    "mention", "recommend", "urge", "threaten", "allege", "estimate", "forecast", "detail",
    "outline", "document", "highlight", "want", "seek", "favor", "favour", "quote", "repeat",
    "reiterate", "question", "accept", "welcome", "regret", "tweet", "post", "show", "find",
    "say", "write", "add", "note", "echo", "reference", "express", "discuss", "address",
    "invoke", "advocate", "encourage", "promote", "explain", "repeat",
    # stance and emphasis: "stressed her support", "signaled a willingness", "debated the plan"
    "stress", "emphasize", "emphasise", "signal", "indicate", "suggest", "recall", "protest",
    "debate", "charge", "imply", "clarify", "lament", "retweet", "declare", "concede",
    "proclaim", "bemoan", "specify", "divulge", "confess", "recount", "underscore", "reaffirm",
    "affirm", "summarize", "summarise",
))
# Manner-of-speaking verbs that attribute only a quotation ("she continued: “...”").
QUOTE_ONLY_LEMMAS = frozenset(("continue", "sing", "chant", "shout", "scream", "exclaim",
                               "whisper", "mutter", "cry", "joke", "yell", "holler", "quip",
                               "grumble"))
# Verbs whose object is a recipient, not content ("told reporters").
RECIPIENT_LEMMAS = frozenset(("tell", "ask", "urge", "warn", "remind", "assure", "reassure",
                              "inform", "notify", "advise", "brief", "thank", "exhort",
                              "implore"))

# Cue nouns that carry their own content ("the announcement that ...", "Russia's claim of ...").
CUE_NOUNS = frozenset((
    "claim", "claims", "statement", "statements", "announcement", "announcements", "allegation",
    "allegations", "accusation", "accusations", "assertion", "assertions", "warning", "warnings",
    "promise", "promises", "pledge", "pledges", "denial", "denials", "insistence", "assurance",
    "assurances", "suggestion", "suggestions", "argument", "arguments", "belief", "beliefs",
    "report", "reports", "admission", "acknowledgment", "acknowledgement", "confirmation",
    "prediction", "predictions", "estimate", "estimates", "forecast", "remark", "remarks",
    "comment", "comments", "declaration", "vow", "vows", "proposal", "proposals", "call",
    "calls", "demands", "charge", "charges", "fear", "fears", "hope", "hopes", "concern",
    "concerns", "plan", "plans", "message", "insinuation", "contention", "conclusion",
    "finding", "findings", "testimony", "criticism", "rhetoric", "pitch",
))
# Verbs that report only through an information noun as their object or a clause: "offered an
# explanation", "published a study", "posted that ..." are claims; "offered loans", "published
# a photo", "post $100,000 bond" are no one's words.
INFORMATION_OBJECT_LEMMAS = frozenset(("offer", "publish", "post"))  # not "post bail" either
INFORMATION_NOUNS = CUE_NOUNS | frozenset((
    "explanation", "explanations", "evidence", "analysis", "analyses", "study", "studies",
    "assessment", "assessments", "account", "view", "views", "opinion", "opinions", "theory",
    "theories", "details", "defense", "defence", "rationale", "reason", "reasons", "proof",
    "apology", "data", "survey", "poll", "research", "paper", "article", "editorial", "letter",
    "memo", "review", "critique", "response", "reply", "answer", "advice", "guidance", "insight",
    "thoughts", "perspective", "interpretation", "explanation", "reassurance", "assurance",
))
# Nouns that point back to an earlier claim ("a claim branded a lie").
ANAPHORIC_CLAIM_NOUNS = frozenset((
    "claim", "claims", "assertion", "allegation", "allegations", "accusation", "accusations",
    "report", "reports", "statement", "suggestion", "charge", "charges", "account", "version",
    "figures", "story", "announcement",
))

# Adjectives of attitude after a copula: "Graham has been critical of Trump", "aides were coy
# about whether ...", "she is confident that ...": the subject's stance is an attribution.
ATTITUDE_ADJECTIVES = frozenset((
    "critical", "concerned", "worried", "coy", "passionate", "vague", "bearish", "bullish",
    "optimistic", "pessimistic", "confident", "sure", "certain", "skeptical", "sceptical", "wary",
    "supportive", "dismissive", "adamant", "frustrated", "angry", "upset", "furious", "pleased",
    "proud", "disappointed", "hopeful", "doubtful", "convinced", "outspoken", "vocal",
    "enthusiastic", "reluctant", "determined", "afraid", "fearful", "nervous", "anxious",
    "unhappy", "uneasy", "uncomfortable", "candid", "blunt", "insistent", "emphatic", "silent",
    "open", "clear", "unequivocal", "firm", "suspicious", "cautious", "bullish", "keen", "eager",
))
# Prepositions that introduce what an attitude adjective is about.
ATTITUDE_PREPS = frozenset(("about", "of", "on", "over", "with", "toward", "towards", "that"))

# Hearsay adverbs: a claim whose source is left unsaid ("the suspect allegedly fled").
HEARSAY_ADVERBS = frozenset(("allegedly", "reportedly", "purportedly", "supposedly", "ostensibly"))

# Head nouns of sources that name nobody in particular.
VAGUE_SOURCE_HEADS = frozenset((
    "official", "officials", "source", "sources", "people", "person", "someone", "observers",
    "analysts", "experts", "critics", "diplomats", "insiders", "aides", "residents", "witnesses",
    "reports", "media", "some", "many", "others", "locals", "commentators", "authorities",
    "insider", "aide", "diplomat", "expert", "analyst", "critic", "witness", "one", "officers",
))

MALE_PRONOUNS = frozenset(("he", "him", "his", "himself"))
FEMALE_PRONOUNS = frozenset(("she", "her", "hers", "herself"))
PERSON_PRONOUNS = frozenset(("i", "we", "you")) | MALE_PRONOUNS | FEMALE_PRONOUNS
GROUP_PRONOUNS = frozenset(("it", "they", "its", "their"))
RELATIVE_PRONOUNS = frozenset(("who", "which", "that", "whom"))
MALE_TITLES = frozenset(("mr", "mr.", "sir", "lord", "king", "prince", "spokesman",
                         "chairman", "father", "brother", "son", "husband"))
FEMALE_TITLES = frozenset(("mrs", "mrs.", "ms", "ms.", "miss", "lady", "dame", "queen",
                           "princess", "spokeswoman", "chairwoman", "mother", "sister",
                           "daughter", "wife", "madam"))

# Common given names whose bearers are mostly of one gender: enough to tell "he" from "she"
# in news prose. A name missing here leaves the gender unknown (the nearest person then wins).
MALE_NAMES = frozenset([
    "aaron", "abdul", "adam", "adrian", "ahmed", "alan", "alex", "alexander", "alexei", "ali", "andrew",
    "andrei", "andy", "angus", "anthony", "antonio", "arnold", "barack", "ben", "benjamin", "bernie",
    "bill", "bob", "boris", "brad", "brian", "bruce", "carl", "carlos", "charles", "chris",
    "christopher", "chuck", "colin", "craig", "dan", "daniel", "david", "dennis", "dick", "dmitry",
    "don", "donald", "doug", "douglas", "dylan", "ed", "edward", "emmanuel", "eric", "erik", "evan",
    "felix", "francis", "frank", "fred", "gary", "george", "gerald", "giuseppe", "gordon", "greg",
    "gregory", "hans", "harry", "henry", "hugh", "ian", "igor", "ivan", "jack", "jacob", "jake",
    "james", "jamie", "jason", "javier", "jean", "jeb", "jeff", "jeffrey", "jens", "jeremy", "jerry",
    "jim", "jimmy", "joe", "joel", "johannes", "john", "jon", "jonathan", "jorge", "jose", "joseph",
    "josh", "juan", "justin", "karl", "keir", "keith", "ken", "kevin", "kim", "kyle", "larry", "lars",
    "lee", "leo", "liam", "luis", "marco", "mark", "martin", "matt", "matthew", "max", "michael",
    "miguel", "mike", "mikhail", "mitch", "mohammed", "muhammad", "narendra", "nathan", "neil", "nick",
    "nicolas", "nigel", "olaf", "oleg", "oliver", "omar", "oscar", "patrick", "paul", "pedro", "peter",
    "phil", "philip", "pierre", "rahul", "ralph", "ray", "recep", "richard", "rick", "rishi", "rob",
    "robert", "rodrigo", "roger", "ron", "ronald", "ross", "ryan", "sam", "samuel", "scott", "sean",
    "sergei", "sergey", "simon", "stefan", "stephen", "steve", "steven", "stuart", "ted", "terry",
    "thomas", "tim", "timothy", "tom", "tony", "vladimir", "viktor", "volodymyr", "walter", "wang",
    "wayne", "william", "xi", "yuri", "zach",
])
FEMALE_NAMES = frozenset([
    "abigail", "alice", "alicia", "alison", "amanda", "amy", "ana", "andrea", "angela", "angelina",
    "ann", "anna", "anne", "annalena", "barbara", "betty", "beth", "betsy", "carla", "carol",
    "caroline", "catherine", "charlotte", "chelsea", "christina", "christine", "claire", "claudia",
    "cynthia", "dana", "deborah", "diana", "diane", "donna", "dorothy", "elena", "elisabeth",
    "elizabeth", "ellen", "emily", "emma", "eva", "fatima", "frances", "giorgia", "grace", "hannah",
    "heather", "helen", "hillary", "ingrid", "irene", "isabel", "jacinda", "jane", "janet", "janice",
    "jennifer", "jessica", "jill", "joan", "joanna", "josephine", "joyce", "judith", "julia", "julie",
    "karen", "kamala", "kate", "katherine", "kathleen", "kathryn", "kelly", "kim", "kristen", "laura",
    "lauren", "linda", "lisa", "liz", "lucy", "lynn", "madeleine", "margaret", "maria", "marie",
    "marine", "marta", "martha", "mary", "megan", "melania", "melanie", "michelle", "monica", "nadia",
    "nancy", "natalia", "natalie", "nicola", "nicole", "nikki", "olga", "olivia", "pamela", "patricia",
    "paula", "rachel", "rebecca", "rose", "ruth", "sandra", "sara", "sarah", "sharon", "shirley",
    "sophie", "stephanie", "susan", "suzanne", "svetlana", "tanya", "teresa", "theresa", "tulsi",
    "ursula", "valerie", "victoria", "virginia", "wendy", "yulia", "yvonne", "zoe",
]) - MALE_NAMES
