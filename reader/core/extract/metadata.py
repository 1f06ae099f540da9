"""A saved page's title, byline, date, site name, language and address.

Signals are read once from the parsed tree (meta tags, JSON-LD, <title>, <h1>, rel=author,
<time>) and reconciled: the page's own structured data first, visible text as the fallback.
Nothing here fetches anything; JSON-LD is parsed as plain JSON.
"""

from __future__ import annotations

import html
import json
import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from lxml.html import HtmlElement

from reader.core.extract import collapse_visible

log = logging.getLogger(__name__)

# Meta names/properties by field, most specific first; compared lower-cased.
TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "dcterms.title", "dc:title", "parsely-title",
              "sailthru.title", "title")
AUTHOR_KEYS = ("dc.creator", "dc:creator", "dcterms.creator", "dcterm:creator", "author",
               "parsely-author", "sailthru.author", "article:author", "og:article:author", "byl",
               "citation_author")
DATE_KEYS = ("article:published_time", "og:published_time", "datepublished", "parsely-pub-date",
             "sailthru.date", "pubdate", "publishdate", "publish-date", "date", "dc.date",
             "dcterms.date", "dc.date.issued", "dcterms.created", "citation_publication_date",
             "article.published", "published_at", "og:article:published_time", "release_date")
SITE_KEYS = ("og:site_name", "application-name", "twitter:site")
URL_KEYS = ("og:url", "twitter:url")
# Separators between a headline and its site name in <title>: "Headline | Site".
TITLE_SEPARATOR = re.compile(r"\s+[|\-–—·:»/\\]\s+")
# A headline left with fewer words than this after cutting the suffix was cut wrongly
# ("Home | Site" is not a headline "Home"); 3 matched Firefox's choice on its test pages.
MIN_TITLE_WORDS = 3
# A site name is short: longer title suffixes are subtitles, not names.
MAX_SITE_WORDS = 5
# JSON-LD scripts larger than this are data dumps, not page metadata; skipped for speed.
MAX_JSONLD_CHARS = 200_000
_BY_PREFIX = re.compile(r"^(by|written by|words by|von|par|por|di)\s+", re.I)
_BY_LABEL = re.compile(r"^\W*(by|von|par|por|di|written by|posted by)?\W*$", re.I)
_URLISH = re.compile(r"^(https?:|www\.|/)", re.I)
# JSON-LD types that describe an article: "NewsArticle", "BlogPosting", "SocialMediaPosting"...
ARTICLE_TYPE_ENDINGS = ("article", "posting", "report")
_CDATA = re.compile(r"^\s*(?://)?\s*<!\[CDATA\[|(?://)?\s*\]\]>\s*$")
# Elements whose text is a visible byline: their class/id/itemprop/rel names an author.
_BYLINE_XPATH = ("//body//*[@itemprop='author' or @rel='author' or contains(@class, 'byline')"
                 " or contains(@class, 'author') or contains(@id, 'byline')]")
_AUTHOR_WORD = re.compile(r"(?<![^ ])(author|authors|byline|bylines)(?![^ ])")
# A visible byline is short; longer "author" boxes are biographies.
MAX_BYLINE_CHARS = 100
# Only the first few candidates are looked at: the story's byline comes before the footer's.
MAX_BYLINE_CANDIDATES = 30


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    site: str | None = None
    language: str | None = None
    url: str | None = None


@dataclass
class PageSignals:
    """Everything metadata-like the page states, gathered in one walk."""

    meta: dict[str, list[str]] = field(default_factory=dict)
    jsonld: list[dict] = field(default_factory=list)
    doc_title: str | None = None
    lang: str | None = None
    canonical: str | None = None
    h1: list[str] = field(default_factory=list)
    rel_authors: list[HtmlElement] = field(default_factory=list)
    root: HtmlElement | None = None  # for the visible bylines, looked for only when needed
    times: list[str] = field(default_factory=list)

    def first(self, keys: tuple[str, ...]) -> str | None:
        for key in keys:
            for value in self.meta.get(key, ()):
                if value:
                    return value
        return None


def clean_value(text: str) -> str:
    """A metadata string as a reader sees it: entities decoded ("&#8216;" → "‘"), spaces collapsed."""
    return collapse_visible(html.unescape(text)) if "&" in text else collapse_visible(text)


def gather_signals(root: HtmlElement) -> PageSignals:
    """Read meta tags, JSON-LD, <title>, lang, canonical, <h1>, rel=author and <time> at once.

    Must run before scripts are stripped from the tree (JSON-LD lives in <script>).
    """
    signals = PageSignals(lang=(root.get("lang") or root.get("xml:lang") or "").strip() or None)
    for el in root.iter("meta", "title", "link", "script", "h1", "a", "time"):
        tag = el.tag
        if tag == "meta":
            keys = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower().split()
            value = clean_value(el.get("content") or "")
            for key in keys if value else ():
                signals.meta.setdefault(key, []).append(value)
        elif tag == "title" and signals.doc_title is None:
            signals.doc_title = collapse_visible(el.text_content()) or None
        elif tag == "link" and "canonical" in (el.get("rel") or "").lower().split():
            signals.canonical = signals.canonical or (el.get("href") or "").strip() or None
        elif tag == "script" and "ld+json" in (el.get("type") or "").lower():
            signals.jsonld.extend(parse_jsonld(el.text or ""))
        elif tag == "h1":
            signals.h1.append(collapse_visible(el.text_content()))
        elif tag == "a" and "author" in (el.get("rel") or "").lower().split():
            signals.rel_authors.append(el)
        elif tag == "time" and el.get("datetime"):
            signals.times.append(el.get("datetime", "").strip())
    signals.root = root
    return signals


def first_author_group(links: list[HtmlElement]) -> list[str]:
    """The names of the first rel=author link with text and of the links beside it.

    Pages also link the authors of related stories further down; only the links in the first
    one's byline (its parent, or its grandparent when that is not the whole page) count.
    """
    named = [a for a in links if collapse_visible(a.text_content())]
    if not named:
        return []
    group: list[HtmlElement] = []
    box = named[0].getparent()
    for _ in range(2):
        if box is None or box.tag in ("body", "html"):
            break
        group = [a for a in named if any(p is box for p in a.iterancestors())]
        if len(group) > 1:
            break
        box = box.getparent()
    return [collapse_visible(a.text_content()) for a in group or named[:1]]


def names_author(el: HtmlElement) -> bool:
    """itemprop/rel "author", or a class/id with the word "author" or "byline" in it; the XPath's
    substring test alone would take "tag-housing-authority" or "coauthoring-tools" for one."""
    if el.get("itemprop") == "author" or el.get("rel") == "author":
        return True
    from reader.core.extract.html.classify import class_words  # the one splitter of class names

    names = f"{el.get('class') or ''} {el.get('id') or ''}".split()
    return any(_AUTHOR_WORD.search(class_words(name)) for name in names)


def visible_bylines(root: HtmlElement) -> list[str]:
    """Short texts of elements marked as the author or byline, in document order.

    Of nested candidates (a "post-author-date" box around a "byline__author" name) the
    innermost is taken: the outer one also holds dates and labels.
    """
    found = []
    candidates = [el for el in root.xpath(_BYLINE_XPATH) if names_author(el)][:MAX_BYLINE_CANDIDATES]
    for index, el in enumerate(candidates):
        following = candidates[index + 1] if index + 1 < len(candidates) else None
        if following is not None and any(a is el for a in following.iterancestors()):
            continue
        names = [collapse_visible(n.text_content()) for n in el.iter() if n.get("itemprop") == "name"]
        text = names[0] if names else collapse_visible(el.text_content())
        if _BY_LABEL.match(text):
            continue  # a "By" label of its own; the name follows in its own element
        if 0 < len(text) <= MAX_BYLINE_CHARS and not _URLISH.match(text):
            found.append(text)
    return found


def parse_jsonld(text: str) -> list[dict]:
    """The JSON-LD objects of one script (a list, a @graph or one object); [] if unreadable."""
    if len(text) > MAX_JSONLD_CHARS:
        return []
    try:
        data = json.loads(_CDATA.sub("", text).strip().removesuffix(";"))
    except (ValueError, RecursionError) as exc:  # the page's own broken JSON-LD: its metadata is left out
        log.debug("JSON-LD not read: %s", exc)
        return []
    items = data if isinstance(data, list) else [data]
    out: list[dict] = []
    for item in items:
        if isinstance(item, dict):
            graph = item.get("@graph")
            if isinstance(graph, list):
                out.extend(g for g in graph if isinstance(g, dict))
            else:
                out.append(item)
    return out


def jsonld_article(signals: PageSignals) -> dict:
    """The JSON-LD object describing the article itself, or {}."""
    for item in signals.jsonld:
        kind = item.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if any(isinstance(k, str) and k.lower().endswith(ARTICLE_TYPE_ENDINGS) for k in kinds):
            return item
    for item in signals.jsonld:  # a recipe or a question has an author and a date like an article
        kind = item.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if any(isinstance(k, str) and PAGE_KINDS.get(k.lower()) in AUTHORED_KINDS for k in kinds):
            return item
    return next((item for item in signals.jsonld if isinstance(item.get("headline"), str)), {})


# What a page that is not an article says it is, from its JSON-LD @type or og:type (lower-cased).
PAGE_KINDS = {
    "product": "product", "productgroup": "product", "individualproduct": "product", "og:product": "product",
    "recipe": "recipe",
    "discussionforumposting": "forum", "qapage": "forum", "question": "forum",
    "collectionpage": "list", "itemlist": "list", "searchresultspage": "list",
}
# Of several kinds stated, the first of these wins (a recipe page also lists its other recipes).
KIND_ORDER = ("forum", "recipe", "product", "list")
# Kinds whose JSON-LD object carries the page's author and date.
AUTHORED_KINDS = frozenset({"forum", "recipe"})


def declared_kinds(signals: PageSignals) -> set[str]:
    """The lower-cased JSON-LD @types and og:type the page states."""
    kinds = {(signals.first(("og:type",)) or "").lower()}
    for item in signals.jsonld:
        kind = item.get("@type")
        kinds.update(k.lower() for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str))
    return kinds - {""}


def page_kind(signals: PageSignals) -> str | None:
    """"forum", "recipe", "product" or "list" when the page says it is one, else None.

    A page that also calls itself a news or blog article is an article (a review that embeds
    the product it reviews), unless it is a forum posting, whose type ends like an article's.
    """
    kinds = declared_kinds(signals)
    named = {PAGE_KINDS[k] for k in kinds if k in PAGE_KINDS}
    if "forum" not in named and any(k.endswith(ARTICLE_TYPE_ENDINGS) or k == "article" for k in kinds):
        return None
    return next((kind for kind in KIND_ORDER if kind in named), None)


def names_of(value: object) -> list[str]:
    """Person names from a JSON-LD author value: a string, an object or a list of them."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and collapse_visible(name) and not _URLISH.match(name.strip()):
            names.append(clean_value(name))
    return names


def join_authors(names: list[str]) -> str | None:
    """Several authors joined by ", ", each once, a leading "By" dropped."""
    seen: list[str] = []
    for name in names:
        name = _BY_PREFIX.sub("", collapse_visible(name)).strip(" ,|")
        if name and name.lower() not in (s.lower() for s in seen):
            seen.append(name)
    return ", ".join(seen) or None


def find_byline(signals: PageSignals, article: dict) -> str | None:
    """JSON-LD author, then meta author tags, then rel=author links, then a visible byline."""
    names = names_of(article.get("author")) if article else []
    if names:
        return join_authors(names)
    for key in AUTHOR_KEYS:
        values = [v for v in signals.meta.get(key, ()) if not _URLISH.match(v)]
        if values:
            return join_authors(values)
    if signals.rel_authors:
        return join_authors(first_author_group(signals.rel_authors))
    return join_authors(visible_bylines(signals.root)[:1]) if signals.root is not None else None


# No web page was published before this year: earlier dates are CMS placeholders ("0001-01-01"
# seen on a dev page), not a publication date.
EARLIEST_PUBLISHED_YEAR = 1990


def iso_date(value: object) -> str | None:
    """An ISO 8601 date or datetime-with-offset from a date string, or None if unreadable."""
    if not isinstance(value, str):
        return None
    text = value.strip().replace(" ", "T", 1)
    text = re.sub(r"(\.\d+)(?=Z|[+-]\d|$)", "", text)  # fractions of a second
    text = re.sub(r"Z$", "+00:00", text)
    text = re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", text)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
        if not match:
            return None
        try:
            day = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
        return day.isoformat() if day.year >= EARLIEST_PUBLISHED_YEAR else None
    if moment.year < EARLIEST_PUBLISHED_YEAR:
        return None  # a placeholder ("0001-01-01"), not a date
    return moment.isoformat() if moment.tzinfo else moment.date().isoformat()


def find_published(signals: PageSignals, article: dict) -> str | None:
    """JSON-LD datePublished, then meta date tags, then the first <time datetime>."""
    candidates = [article.get("datePublished"), article.get("dateCreated")] if article else []
    candidates += [signals.first((key,)) for key in DATE_KEYS]
    candidates += signals.times[:1]
    for value in candidates:
        found = iso_date(value)
        if found:
            return found
    return None


def split_title(title: str, headings: tuple[str, ...] = ()) -> tuple[str, str | None]:
    """"Headline | Site" → ("Headline", "Site"); unchanged when the cut leaves too little.

    When a heading of the page equals one side, that side is the headline whatever its length.
    """
    parts = list(TITLE_SEPARATOR.finditer(title))
    if not parts:
        return title, None
    for cut in (parts[-1], parts[0]):
        before, after = title[:cut.start()].strip(), title[cut.end():].strip()
        if before in headings:
            return before, after
        if after in headings:
            return after, before
    last = parts[-1]
    head, tail = title[:last.start()].strip(), title[last.end():].strip()
    if len(head.split()) >= MIN_TITLE_WORDS and len(tail.split()) <= MAX_SITE_WORDS:
        return head, tail
    first = parts[0]
    head, tail = title[first.end():].strip(), title[:first.start()].strip()
    if len(head.split()) >= MIN_TITLE_WORDS and len(tail.split()) <= MAX_SITE_WORDS:
        return head, tail  # "Site | Headline"
    return title, None


def find_title(signals: PageSignals, article: dict) -> str | None:
    """The page's headline: JSON-LD, meta tags, else <title> less the site, else the <h1>."""
    headline = jsonld_headline(article, signals.doc_title)
    if headline:
        return headline
    meta_title = signals.first(TITLE_KEYS[:-1])
    if meta_title:
        return meta_title
    if signals.doc_title:
        return split_title(signals.doc_title, tuple(signals.h1))[0]
    h1s = [h for h in signals.h1 if h]
    return h1s[0] if len(h1s) == 1 else None


def jsonld_headline(article: dict, doc_title: str | None) -> str | None:
    """The article's JSON-LD headline or name: the one the page's <title> contains, if they differ."""
    options = [clean_value(v) for v in (article.get("headline"), article.get("name"))
               if isinstance(v, str) and collapse_visible(v)]
    if not options:
        return None
    for option in options:
        if doc_title and option.casefold() in doc_title.casefold():
            return option
    return options[0]


def find_site(signals: PageSignals, article: dict) -> str | None:
    publisher = article.get("publisher") if article else None
    names = names_of(publisher) if publisher else []
    site = signals.first(SITE_KEYS[:1]) or (names[0] if names else None)
    if site:
        return site
    if signals.doc_title:
        return split_title(signals.doc_title, tuple(signals.h1))[1]
    return None


def read_metadata(signals: PageSignals, url: str | None) -> Metadata:
    """Reconcile the signals into one answer per field (language is filled in by the caller)."""
    article = jsonld_article(signals)
    canonical = signals.canonical if signals.canonical and signals.canonical.startswith("http") else None
    return Metadata(
        title=find_title(signals, article),
        byline=find_byline(signals, article),
        published=find_published(signals, article),
        site=find_site(signals, article),
        language=signals.lang,
        url=url or canonical or signals.first(URL_KEYS),
    )
