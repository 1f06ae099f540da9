"""A person's or organization's page: everything the library reports them to have said (by date,
with the claims they dispute and that dispute them) and the articles that mention them; and the
page as Markdown or CSV, for the reader to keep or share."""

from __future__ import annotations

import csv
import io
import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from reader.core.library.entities import marks, matching_keys
from reader.core.library.views import EntityArticle, SpeakerClaim, entity_articles, speaker_claims

# Characters that would start Markdown formatting inside a quoted passage or a title.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#<>|])")
CSV_COLUMNS = ("published", "site", "title", "article_id", "claim_index", "speaker_entity", "cue", "kind",
               "content", "content_start", "content_end", "disputes", "disputed_by")


@dataclass(frozen=True)
class SpeakerPage:
    """``name`` as asked; ``title`` the library entity's own name (one of them when the name is
    ambiguous); claims oldest first; articles most mentions first."""

    name: str
    title: str
    type: str | None
    claims: list[SpeakerClaim]
    articles: list[EntityArticle]


def speaker_page(conn: sqlite3.Connection, name: str) -> SpeakerPage:
    keys = matching_keys(conn, name)
    rows = conn.execute(f"SELECT name, type FROM entities WHERE key IN ({marks(keys)}) ORDER BY name",
                        keys).fetchall()
    title, kind = (rows[0]["name"], rows[0]["type"]) if len(rows) == 1 else (name, None)
    return SpeakerPage(name, title, kind, speaker_claims(conn, name), entity_articles(conn, name))


def content_text(claim: dict[str, Any]) -> str:
    return " … ".join(span["text"] for span in claim["content"])


def said_by(claim: dict[str, Any]) -> str:
    speaker = claim.get("speaker")
    return str(claim.get("speaker_entity") or (speaker["text"] if speaker else "someone unnamed"))


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def md(text: str | None) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join((text or "").split()))


def page_markdown(page: SpeakerPage) -> str:
    """The page as Markdown: a heading, the claims by date with their disputes, the articles."""
    count = len({c.id for c in page.claims})
    lines = [f"# {md(page.title)}", "",
             f"{page.type or 'entity'} · {plural(len(page.claims), 'claim')} in {plural(count, 'article')} · "
             f"mentioned in {plural(len(page.articles), 'article')}", ""]
    if page.claims:
        lines += ["## What they are reported to have said", ""]
    for item in page.claims:
        claim = item.claim
        lines.append(f"- {md(item.published or 'undated')} · {md(item.site or 'unknown site')} · "
                     f"*{md(item.title or 'untitled')}* (`{item.id}`): **{md(claim['cue']['text'])}** "
                     f"({claim['kind']}) “{md(content_text(claim))}”")
        if item.disputes is not None:
            lines.append(f"  - disputes {md(said_by(item.disputes))}: “{md(content_text(item.disputes))}”")
        for other in item.disputed_by:
            lines.append(f"  - disputed by {md(said_by(other))} ({md(other['cue']['text'])}): "
                         f"“{md(content_text(other))}”")
    if page.articles:
        lines += ["", "## Articles that mention them", ""]
        lines += [f"- {md(a.published or 'undated')} · *{md(a.title or 'untitled')}* · "
                  f"{md(a.site or 'unknown site')} (`{a.id}`) · {plural(a.mentions, 'mention')}"
                  for a in page.articles]
    return "\n".join(lines) + "\n"


def page_csv(page: SpeakerPage) -> str:
    """One row per claim (a spreadsheet's view); disputes as "speaker: passage", several joined by " | "."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for item in page.claims:
        claim = item.claim
        first, last = claim["content"][0], claim["content"][-1]
        disputes = "" if item.disputes is None else f"{said_by(item.disputes)}: {content_text(item.disputes)}"
        against = " | ".join(f"{said_by(o)}: {content_text(o)}" for o in item.disputed_by)
        writer.writerow((item.published or "", item.site or "", item.title or "", item.id, item.index,
                         claim.get("speaker_entity") or "", claim["cue"]["text"], claim["kind"],
                         content_text(claim), first["start"], last["end"], disputes, against))
    return out.getvalue()
