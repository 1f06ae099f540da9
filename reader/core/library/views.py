"""Views across articles: where an entity is mentioned, and what a speaker is reported to have
said. Issue 16 builds the speaker page, disputes and sources views on these."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from reader.core.library.articles import load_record
from reader.core.library.entities import chunks, marks, matching_keys, normalize_name


@dataclass(frozen=True)
class EntityArticle:
    """An article that mentions a library entity, and how often."""

    id: str
    title: str | None
    published: str | None
    site: str | None
    mentions: int


@dataclass(frozen=True)
class SpeakerClaim:
    """One claim by a library entity, with the claims it disputes and that dispute it.

    Spans index into that article's ``text``. ``disputes`` is the claim this one contradicts
    (its record), ``disputed_by`` the claims of the same article that contradict this one.
    The claim records are decoded when first read: a speaker page shows the first screen of a
    few thousand claims, and decoding them all would be most of the query's time.
    """

    id: str
    title: str | None
    published: str | None
    site: str | None
    index: int  # the claim's position in the article's ``claims``
    raw: str = field(repr=False)
    raw_disputes: str | None = field(repr=False)
    raw_disputed_by: tuple[str, ...] = field(repr=False)

    @cached_property
    def claim(self) -> dict[str, Any]:
        return dict(json.loads(self.raw))

    @cached_property
    def disputes(self) -> dict[str, Any] | None:
        return None if self.raw_disputes is None else dict(json.loads(self.raw_disputes))

    @cached_property
    def disputed_by(self) -> tuple[dict[str, Any], ...]:
        return tuple(json.loads(raw) for raw in self.raw_disputed_by)

    def record(self) -> dict[str, Any]:
        """The ``speaker`` verb's object."""
        return {"id": self.id, "title": self.title, "published": self.published, "site": self.site,
                "speaker_entity": self.claim.get("speaker_entity"), "cue": self.claim["cue"],
                "content": self.claim["content"], "kind": self.claim["kind"],
                "disputes": self.disputes, "disputed_by": list(self.disputed_by)}


def entity_articles(conn: sqlite3.Connection, name: str) -> list[EntityArticle]:
    """Articles mentioning the entity ``name`` means, most mentions first."""
    keys = matching_keys(conn, name)
    rows = conn.execute(
        "SELECT a.id, a.title, a.published, a.site, SUM(ae.mentions) AS mentions "
        "FROM entities e JOIN article_entities ae ON ae.key = e.key "
        "JOIN articles a ON a.num = ae.article_num "
        f"WHERE e.resolved IN ({marks(keys)}) GROUP BY a.num ORDER BY mentions DESC, a.published DESC",
        keys).fetchall()
    return [EntityArticle(r["id"], r["title"], r["published"], r["site"], r["mentions"]) for r in rows]


def entity_mentions(conn: sqlite3.Connection, num: int, name: str) -> list[dict[str, Any]]:
    """The mention spans, in one article, of the library entity ``name`` means."""
    keys = set(matching_keys(conn, name))
    linked = {r["name"] for r in conn.execute(
        f"SELECT n.name FROM entities e JOIN entity_names n ON n.key = e.key WHERE e.resolved IN "
        f"({marks(list(keys))})", list(keys))}
    record = load_record(conn, num, None)
    spans: list[dict[str, Any]] = []
    for entity in record.get("entities", []):
        if normalize_name(entity["name"]) in linked:
            spans.extend(entity["mentions"])
    return sorted(spans, key=lambda s: s["start"])


def speaker_claims(conn: sqlite3.Connection, name: str) -> list[SpeakerClaim]:
    """Every claim by the library entity ``name`` means, oldest article first."""
    keys = matching_keys(conn, name)
    plain = conn.cursor()
    plain.row_factory = None  # tuples: thousands of rows, read by position
    rows = plain.execute(
        "SELECT a.num, a.id, a.title, a.published, a.site, c.idx, c.record, d.record AS disputed "
        "FROM entities e JOIN claims c ON c.speaker_key = e.key JOIN articles a ON a.num = c.article_num "
        "LEFT JOIN claims d ON d.article_num = c.article_num AND d.idx = c.disputes "
        f"WHERE e.resolved IN ({marks(keys)}) "
        "ORDER BY a.published IS NULL, a.published, a.added, a.num, c.idx", keys).fetchall()
    # The claims that dispute these, fetched at once: (article, disputed index) → records.
    against: dict[tuple[int, int], list[str]] = {}
    for chunk in chunks(sorted({row[0] for row in rows})):
        for num, disputed, record in plain.execute(
                "SELECT article_num, disputes, record FROM claims WHERE disputes IS NOT NULL "
                f"AND article_num IN ({marks(chunk)}) ORDER BY article_num, idx", chunk):
            against.setdefault((num, disputed), []).append(record)
    return [SpeakerClaim(article_id, title, published, site, index, record, disputed,
                         tuple(against.get((num, index), ())))
            for num, article_id, title, published, site, index, record, disputed in rows]
