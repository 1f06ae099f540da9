"""Boilerplate vocabulary and thresholds shared by the HTML and plain-text extractors.

Each threshold is a named constant with a comment on how it was chosen. Sections are kept
by the extractor that introduced them; shared ideas (e.g. newsletter prompts) live once here.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------------------------
# Plain-text extractor (text.py and text_*.py). Vocabulary of page furniture as it reads once a
# page is flattened to text; each pattern matches a whole short line, never a sentence of prose.
# ---------------------------------------------------------------------------------------------
import re  # noqa: E402  (kept inside this section so the sections stay independent)

# A block of at least this many words ending in sentence punctuation is prose: the shortest
# story sentences of the corpus ("He has consistently denied being unfair to her.") have 8.
TEXT_PROSE_MIN_WORDS = 8
# Words shorter than this ("the", "and", "said") carry no topic; 4 keeps names like "Kyiv".
TEXT_TOPIC_WORD_MIN = 4
# Furniture lines are short: a pattern below only labels blocks of at most this many words,
# so a story sentence that happens to start with "Subscribe" or "Share" is never caught.
TEXT_BOILERPLATE_MAX_WORDS = 12
# A block the page shows twice is a teaser when it has at least this many words (shorter
# repeats are menu entries, already furniture, or the title, which pages often repeat).
TEXT_TEASER_MIN_WORDS = 5

_TEXT_FURNITURE: tuple[tuple[str, str], ...] = (
    ("share bar", r"(share|share (this|the) (article|story|post|page)|share (this|on \w+)"
                  r"|share (this )?(with|on|via) \w+|tweet|"
                  r"click to (share|email|print|tweet)\b.*|"
                  r"(facebook|twitter|x|email|e-mail|whatsapp|linkedin|pinterest|reddit|flipboard|"
                  r"telegram|messenger|print|copy( link)?|comment)( (icon|share))*)"
                  r"( (facebook|twitter|email|linkedin|reddit|pinterest|whatsapp|print|copy))*:?"),
    ("newsletter prompt", r".*\b(sign up|subscribe|newsletters?|inbox|e-?mail address)\b.*"),
    ("advertisement", r"(advertisement|advertising|advert|ad|ads|sponsored( content)?|promoted|"
                      r"paid (program|content|post)|.*\bbrandvoice\b.*|story continues below.*)"),
    ("link tail", r"(trending( now)?|you (may|might) (also )?like|more from .{1,30}|related"
                  r"( (stories|articles|content|news|posts|coverage|links|topics))?|read (more|next)"
                  r"|recommended( for you)?|most (popular|read|viewed|shared)( .{1,20})?"
                  r"|more (stories|news|articles)|also read|see also|top stories|latest( news)?"
                  r"|featured( (stories|articles|posts|content))?"
                  r"|don'?t miss|editor'?s picks?|what to read next|popular( now)?|up next|"
                  r"more on( this)?|recent posts|next story|previous story|more)\s*[:.…]*"),
    ("related link", r"(read more|also read|related|see also|see more|watch|listen|more|read next|"
                     r"recommended|related (articles?|stor(y|ies)|posts?|content|reading)|click here)"
                     r"\s*[:|»›]\s*\S.*"),
    ("byline", r"(by|written by|posted by|author|words by|reporting by)\s*:?\s*(?-i:[A-Z])"
               r"([^.!?]|(?<=\b[A-Z])\.|\.(?=\S)){1,80}"
               r"|(?-i:[A-Z])[\w.'-]+( (?-i:[A-Z])[\w.'-]+){0,3}\s+@\w+.{0,40}"),
    ("image credit", r"(image|photo|picture|photograph|illustration)s?( credit)?\s*:.{1,60}"
                     r"|(image|photo|picture)s? (copyright|caption|credit)\b.*"
                     r"|\((image|photo|picture|credit)s?:.{1,60}\)"),
    ("share bar", r"(follow|like) ([\w.@ ]{1,40}) on (twitter|facebook|instagram|youtube|linkedin|x)\b.*"),
    ("tags", r"(tags?|filed under|topics?|categories|category|keywords)\s*:.{0,200}|tags?"),
    ("comments", r"(\d+\s+)?(comments?|responses|replies)( to .*| \(\d+\))?|leave a (comment|reply)"
                 r"|post a comment|join the (discussion|conversation)|(show|view|load|read) (all )?"
                 r"(\d+ )?comments|(\d+\.\s+)?\S+ (says|said|wrote|replied):"),
    ("cookie notice", r".*\b(cookies?|cookie policy)\b.*"),
    ("footer", r".*(©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b|privacy (policy|notice)"
               r"|terms (of (use|service)|and conditions|& conditions)|contact us|about us|"
               r"back to top|sitemap|site map|accessibility( statement)?).*"),
    ("navigation", r"(skip to (main )?(content|navigation|search)|menu|main menu|search|home|"
                   r"sign in|log ?in|log out|register|my account|sections|close|next|previous|"
                   r"toggle .*|open menu|close menu|go to .{1,30}|breadcrumbs?|"
                   r"(view|see|show) all( \(\d+\))?|show more|load more|learn more)"),
    ("separator", r"[-=_*~#.·•|/\\+]{1,}"),
)
# Furniture written as whole sentences (cookie banners, subscription pitches, copyright notes):
# matched anywhere in a block of any length.
_TEXT_FURNITURE_PROSE: tuple[tuple[str, str], ...] = (
    ("cookie notice", r"\b(uses?|using) cookies\b|\bcookies? (policy|settings|preferences)\b"
                      r"|\baccept (all )?cookies\b"),
    ("newsletter prompt", r"\b(sign up|subscribe) (for|to) (our|the|a)\b.{0,60}\b(newsletter|"
                          r"e-?mails?|inbox|updates|alerts)\b|\bdelivered (straight )?to your inbox\b"),
    ("footer", r"\ball rights reserved\b"),
    ("newsletter prompt", r"\bunsubscribe at any time\b|\bno spam\b"),
    ("author contact", r"\b(may|can) be reached at\b|^have a (news )?tip\b"),
    ("comments", r"^\d+ (comments|responses|replies) (to|on)\b"),
    ("image credit", r"[(\[](image|photo|picture|credit|file)s?:[^)\]]{1,60}[)\]]$"
                     r"|^(image|photo|picture) (copyright|caption|credit)\b"),
)
_TEXT_FURNITURE_PROSE_RE = tuple((reason, re.compile(rx, re.I)) for reason, rx in _TEXT_FURNITURE_PROSE)
# One alternation of all short-line patterns, tried in their order: a single match per line.
_TEXT_FURNITURE_RE = re.compile(
    "^(?:" + "|".join(f"(?P<g{i}>{rx})" for i, (_, rx) in enumerate(_TEXT_FURNITURE)) + ")$", re.I)

# A date line ("Nov. 18, 2019 7:04 pm ET", "PUBLISHED: 10:48, Tue, Nov 19, 2019") is made of
# date words (at most TEXT_DATE_MAX_WORDS of them, enough for a published and an updated
# date with times); at most this share of its words may be anything else.
TEXT_DATE_OTHER_WORDS = 0.25
TEXT_DATE_MAX_WORDS = 20
TEXT_DATE_MAX_CHARS = 200
_DATE_WORD = re.compile(
    r"^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
    r"july|august|september|october|november|december|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|am|pm|a\.m|p\.m|et|est|edt|pt|gmt|utc|bst|cet|ist|"
    r"published|updated|posted|last|modified|on|at|date|publish|\d{1,4}(st|nd|rd|th|h)?|"
    r"\d{1,2}[:/.-]\d{1,2}([:/.-]\d{2,4})?(am|pm)?)\.?,?$", re.I)
_MONTH_OR_NUMERIC_DATE = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d\s+(jan|feb|mar|apr|"
    r"may|jun|jul|aug|sep|oct|nov|dec)|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b", re.I)


def is_date_line(line: str) -> bool:
    """A line that only says when: a date, perhaps a time and "Published"/"Updated"."""
    if len(line) > TEXT_DATE_MAX_CHARS or not _MONTH_OR_NUMERIC_DATE.search(line):
        return False
    words = [w for w in re.split(r"[\s|•·]+", line.replace(":", ": ")) if w.strip(":,")]
    if not words or len(words) > TEXT_DATE_MAX_WORDS:
        return False
    other = sum(not _DATE_WORD.match(w.strip(":")) for w in words)
    return other <= TEXT_DATE_OTHER_WORDS * len(words)


def boilerplate_reason(text: str) -> str | None:
    """The kind of page furniture a short line is ("share bar", "footer", ...), or None."""
    line = " ".join(text.split()).strip(" *•·-–—")
    if not line:
        return "separator"
    if len(line.split()) <= TEXT_BOILERPLATE_MAX_WORDS:
        short = _TEXT_FURNITURE_RE.match(line)
        if short and short.lastgroup:
            return _TEXT_FURNITURE[int(short.lastgroup[1:])][0]
    for reason, rx in _TEXT_FURNITURE_PROSE_RE:
        if rx.search(line):
            return reason
    return "date" if is_date_line(line) else None


# ---------------------------------------------------------------------------------------------
# HTML extractor (html.py and html_*.py). Class/id vocabulary of page furniture and the phrases
# that survive inside readability's article; short-line phrases are shared with the text section
# above through boilerplate_reason().
# ---------------------------------------------------------------------------------------------

# Class/id vocabulary of page furniture, by reason. A class or id name is cut into words on
# "-", "_", camelCase and digits ("postShare_bar2" -> "post share bar 2") and each pattern must
# cover whole words (patterns may span words: "read more"), so "authority" is never "author" and
# "commentary" never "comment". Checked on the element and its ancestors inside the article;
# page-wide elements (<body>, <html>, a wrapper around nearly all the page's text) never count.
# The names of widely used third-party widgets (share, related-content, comment and consent
# services) are furniture wherever they appear. html/classify.py compiles the patterns into one
# (one named group per reason).
HTML_HINTS: tuple[tuple[str, str], ...] = (
    ("share bar", r"share|shares|sharing|(social)?share(bar|tools?|buttons?|links|icons?|this|daddy)s?"
                  r"|social|sociable|addthis|addtoany|a 2 a|whatsapp|shareaholic|heateor|ssba"),
    ("related links", r"related\w*|recommend\w*|read ?more|more ?stories|more from|outbrain|taboola"
                      r"|trending|popular|teasers?|also ?read|you may|read ?next|most (read|popular|viewed)"
                      r"|yarpp|zergnet|revcontent|mgid|plista|ob widget"),
    ("tags", r"tags?|tag ?(box|list|cloud|links)|taxonomy|categories|keywords|topics"),
    ("author bio", r"author ?(bio|biography|box|info|about|description|details)|about (the )?author"),
    ("byline", r"bylines?|authors?|author ?name|attribution|contributors?|writer|posted by"),
    ("reading time", r"read ?time|reading ?time|estimated read|min read"),
    ("date", r"date|dateline|timestamp|pubdate|published|updated|post ?date|time|date ?time"),
    ("caption", r"captions?|credits?|copyright|photo ?credit"),
    ("newsletter prompt", r"newsletter\w*|subscribe\w*|subscription|sign ?up|opt ?in|mailchimp|mc 4 wp"
                          r"|klaviyo|convertkit|optinmonster"),
    ("advertisement", r"ads?|advert\w*|ad ?(slot|unit|container|wrapper|wrap|box|block)s?|adsense|dfp"
                      r"|sponsor\w*|promo|promos|promoted|banner|adsbygoogle|native ad|ad ?choices"),
    ("comments", r"comments?|commenting|comment ?(list|form|respond)|commentlist|disqus|respond|discussion"
                 r"|reviews|(customer|user) reviews?|wpdiscuz|livefyre|viafoura|spot ?im|coral ?talk"),
    ("navigation", r"nav|navbar|navigation|menu\w*|breadcrumbs?|pagination|pager|skip ?links?"),
    ("footer", r"footer\w*|foot|colophon|about ?us"),
    ("sidebar", r"sidebar|widget ?area"),  # not "widget" alone: embedded posts come in widgets too
    ("back matter", r"references|bibliography|acknowledg\w*"),
    ("cookie notice", r"cookies?|cookie\w*|consent|gdpr|onetrust|cookiebot|didomi|usercentrics"),
    ("popup", r"popup|pop up|modal|lightbox|interstitial"),
)
# Class names that file the page under a topic (WordPress writes every tag and category of a
# post onto its <article>: "tag-new-york-city-housing-authority", "category-share-news"): content
# taxonomy, not layout, so their words are not read as hints, unless the rest of the name is a
# layout word ("tag-list", "category-links"), which is a box of tags.
HTML_TAXONOMY_CLASS = re.compile(r"^(tag|tags|category|categories|cat|topic|topics|term|post_tag|keyword"
                                 r"|keywords)[-_](?P<rest>.+)$", re.I)
HTML_TAXONOMY_LAYOUT = re.compile(r"^(list|lists|cloud|box|links|wrap|wrapper|container|area|block|items?"
                                  r"|widget|bar)$", re.I)

# Paywall wording: the page says the rest of the story is for paying readers.
HTML_PAYWALL_RE = re.compile(
    r"\b(subscribe (now )?to (continue|keep) reading|to continue reading|continue reading (this|the) "
    r"(article|story) (with|by)|this (article|story|content) is (only )?(available|reserved) (to|for) "
    r"(subscribers|members)|already a (subscriber|member)\??|subscriber[- ]only|for subscribers only|"
    r"(log|sign) in to (read|continue)|register to (read|continue)|you have reached (your|the) "
    r"(limit|maximum)|free articles? (left|remaining|this month)|unlock (this|full) (article|story)|"
    r"become a (subscriber|member) to read)\b",
    re.I,
)

# Phrases that mark a block as furniture wherever it stands, beyond the short lines above.
HTML_PHRASES: tuple[tuple[str, str], ...] = (
    ("related links", r"^(related|read more|see more|read also|also read|more|don'?t miss|"
                      r"recommended|more from [^.]{1,40}|you (may|might) also like)\s*[:|»›]"),
    ("related links", r"^(you (may|might) (also )?(like|enjoy)|more great [\w ]+ stories|"
                      r"recommended (for you|reading|stories)|related (stories|articles|coverage))\b"),
    ("image credit", r"^(image|photo|picture|photograph)( copyright| credit)?\s*:?\s*[\w ]{0,40}"
                     r"(getty|reuters|ap|afp|images?|shutterstock|alamy|epa|pa)\b"),
    ("image credit", r"\((image|photo|picture|credit)s?:[^)]{1,60}\)$"),
    ("image credit", r"^(credit|photo|image|source|photograph)s?:\s*\S.{0,60}$"),
    ("image credit", r"[.!?\u201d](getty( images)?|reuters|ap|afp|epa|shutterstock)$"
                     r"|/(getty|reuters|ap|afp)( images)?$"),
    ("contributors", r"\bcontributed (reporting|to this (report|story|article))\b"
                     r"|^(additional )?reporting by\b"),
    ("author contact", r"\b(may|can) be reached at\b|^have a (news )?tip\??"),
    ("related links", r"^follow (\w+'s |our )?(full |all |complete )?coverage\b"),
    ("navigation", r"^[\d\s|.,·»«<>\u2039\u203a-]{3,}$"),
    ("reading time", r"^(estimated )?(reading|read) time\b|^\d+\s*min(ute)?s?\s+read$"),
    ("tags", r"^tags?\s*:?"),
    ("back matter", r"^(references|bibliography|works cited|acknowledge?ments|notes and references)\s*:?$"),
    ("newsletter prompt", r"\b(sign up|subscribe)\b.{0,80}\b(newsletter|inbox|e-?mail|daily|weekly|"
                          r"magazine|issues?)\b"),
    ("share bar", r"^(follow|like) ([\w.@ ]{1,40}) on (twitter|facebook|instagram|youtube|linkedin)"),
    ("share bar", r"^sharing is caring\b"),
    ("comments", r"^(tell us what you think|comments are (closed|moderated)|have your say)\b"),
    ("comments", r"\b(comments?|commenting)\b.{0,60}\b(moderat|approved|guidelines)"),
    ("advertisement", r"^(advert|advertisement|ad|sponsored|paid content|story continues below)\.?$"),
)
# Phrases are only trusted on short blocks: the longest furniture paragraph seen in the corpus
# (a "Subscribe to our sister title ..." caption) is ~230 characters, story paragraphs run longer.
HTML_PHRASE_MAX_CHARS = 260

# A block with at least this share of its characters inside links, and no longer than
# HTML_LINK_BLOCK_MAX_CHARS, is a link (teaser, related story) rather than prose: story
# paragraphs of the corpus with inline links stay under 0.45.
HTML_LINK_DENSITY = 0.5
HTML_LINK_BLOCK_MAX_CHARS = 200
# Dates and bylines standing alone are short; beyond this they are sentences of the story.
HTML_META_LINE_MAX_CHARS = 100
# A readability result shorter than this share of the fallback's story text has missed the
# article (it picked a teaser or a comment). The fallback also counts comment threads and
# teaser summaries as prose, so it runs large: on the corpus a right readability result was
# down to 0.23 of it; 0.15 leaves room below that.
HTML_MIN_READABILITY_SHARE = 0.15
# Below this many characters of story a candidate has found no article at all.
HTML_MIN_STORY_CHARS = 250

# ---------------------------------------------------------------------------------------------
# Newsletters (e-mails saved as .eml/.mbox, read by reader/core/sources/mail.py). The furniture a
# mailing wraps around its story: "View in browser", unsubscribe and preference footers, sponsor
# lines, share/forward rows. Added by the sources owner; reasons are the existing ones, so the
# HTML extractor treats them like any page's (ALWAYS_CLUTTER for "newsletter prompt").
# ---------------------------------------------------------------------------------------------
NEWSLETTER_PHRASES: tuple[tuple[str, str], ...] = (
    ("newsletter prompt", r"^(view|read|open|see) (this |the )?(e-?mail|newsletter|issue|post|it)? ?"
                          r"(online|in (your |a |the )?(web )?browser)\b"
                          r"|^having trouble (viewing|reading)\b"),
    ("newsletter prompt", r"\bunsubscribe\b|\b(manage|update|change) (your )?(e-?mail |subscription )?"
                          r"(preferences|settings|subscriptions?)\b"),
    ("newsletter prompt", r"^(you('re| are) receiving this|you received this"
                          r"|this (e-?mail|message|newsletter) was sent to)\b"
                          r"|^(was this|were you) forwarded\b|^not subscribed yet\b"),
    ("advertisement", r"^(sponsored by|presented by|brought to you by|together with|in partnership with"
                      r"|a message from (our|this week'?s) sponsor)\b"),
    ("share bar", r"^(share|forward) (this|it)( (e-?mail|newsletter|issue|story|post))?"
                  r"( (with|to) (a friend|friends))?\s*[:!.]?$|^(tweet|share) (this|on \w+)\s*[:!.]?$"),
)
HTML_PHRASES = HTML_PHRASES + NEWSLETTER_PHRASES
