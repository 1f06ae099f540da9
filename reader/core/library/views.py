"""Views across articles: where an entity is mentioned, and what a speaker is reported to have
said. Issue 16 builds the speaker page, disputes and sources views on these."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from reader.core.library.articles import load_record
from reader.core.library.entities import marks, matching_keys, normalize_name


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
    """

    id: str
    title: str | None
    published: str | None
    site: str | None
    index: int  # the claim's position in the article's ``claims``
    claim: dict[str, Any]
    disputes: dict[str, Any] | None
    disputed_by: tuple[dict[str, Any], ...]

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
    rows = conn.execute(
        "SELECT a.num, a.id, a.title, a.published, a.site, c.idx, c.disputes, c.record "
        "FROM entities e JOIN claims c ON c.speaker_key = e.key JOIN articles a ON a.num = c.article_num "
        f"WHERE e.resolved IN ({marks(keys)}) "
        "ORDER BY a.published IS NULL, a.published, a.added, a.num, c.idx", keys).fetchall()
    found: list[SpeakerClaim] = []
    for row in rows:
        disputes = None
        if row["disputes"] is not None:
            other = conn.execute("SELECT record FROM claims WHERE article_num = ? AND idx = ?",
                                 (row["num"], row["disputes"])).fetchone()
            disputes = json.loads(other["record"]) if other else None
        disputed_by = tuple(json.loads(r["record"]) for r in conn.execute(
            "SELECT record FROM claims WHERE article_num = ? AND disputes = ? ORDER BY idx",
            (row["num"], row["idx"])))
        found.append(SpeakerClaim(row["id"], row["title"], row["published"], row["site"], row["idx"],
                                  json.loads(row["record"]), disputes, disputed_by))
    return found
