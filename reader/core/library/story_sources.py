"""Sources of the stored stories: each article's tallies (reader/core/sourcing.py) kept as rows at
import, so a library column ("4 sources · 1 anonymous") and the sources of a whole site or
selection are one query, and an article's full tally (with where its anonymous sources are)
is computed from its stored record when asked."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reader.core.library.articles import load_record
from reader.core.library.entities import chunks, marks
from reader.core.records import analysis_from_record, span_record
from reader.core.sourcing import SOURCE_TYPES, SourceTally, SourceType, StorySources, tally_sources


def tally_record(record: dict[str, Any]) -> StorySources:
    """The story's sources from its stored record (none for an article stored without analysis)."""
    analysis = analysis_from_record(record)
    return StorySources([], []) if analysis is None else tally_sources(record["text"], analysis)


def store_tallies(conn: sqlite3.Connection, num: int, record: dict[str, Any]) -> None:
    conn.execute("DELETE FROM article_sources WHERE article_num = ?", (num,))
    conn.executemany(
        "INSERT OR REPLACE INTO article_sources(article_num, name, type, direct, reported, anonymous) "
        "VALUES (?,?,?,?,?,?)",
        [(num, t.name, t.type, t.direct, t.reported, int(t.anonymous)) for t in tally_record(record).sources])


def sources_record(article_id: str, story: StorySources) -> dict[str, Any]:
    """The ``sources`` verb's object."""
    return {"id": article_id,
            "sources": [{"name": t.name, "type": t.type, "direct": t.direct, "reported": t.reported,
                         "anonymous": t.anonymous} for t in story.sources],
            "anonymous": [span_record(s) for s in story.anonymous]}


def article_sources(conn: sqlite3.Connection, num: int) -> StorySources:
    return tally_record(load_record(conn, num, None))


@dataclass(frozen=True)
class SourceSummary:
    """One article's (or a selection's) sources at a glance."""

    sources: int = 0
    anonymous: int = 0  # sources the story does not name
    direct: int = 0  # claims quoted in the source's words
    reported: int = 0  # claims paraphrased
    by_type: dict[SourceType, int] = field(default_factory=lambda: dict.fromkeys(SOURCE_TYPES, 0))

    def label(self) -> str:
        """The library column's text, e.g. "4 sources · 1 anonymous"."""
        if not self.sources:
            return "no sources"
        text = f"{self.sources} source{'s' if self.sources != 1 else ''}"
        return f"{text} · {self.anonymous} anonymous" if self.anonymous else text


def summaries(conn: sqlite3.Connection, nums: Sequence[int]) -> dict[int, SourceSummary]:
    """Per article: its sources at a glance (articles without claims have none)."""
    found: dict[int, list[sqlite3.Row]] = {n: [] for n in nums}
    for chunk in chunks(list(nums)):
        for row in conn.execute("SELECT article_num, type, direct, reported, anonymous FROM article_sources "
                                f"WHERE article_num IN ({marks(chunk)})", chunk):
            found[row["article_num"]].append(row)
    return {num: summarize(rows) for num, rows in found.items()}


def summarize(rows: Sequence[sqlite3.Row]) -> SourceSummary:
    by_type: dict[SourceType, int] = dict.fromkeys(SOURCE_TYPES, 0)
    for row in rows:
        by_type[row["type"]] += 1
    return SourceSummary(len(rows), sum(r["anonymous"] for r in rows), sum(r["direct"] for r in rows),
                         sum(r["reported"] for r in rows), by_type)


def aggregate(conn: sqlite3.Connection, nums: Sequence[int] | None = None,
              site: str | None = None) -> list[SourceTally]:
    """Sources across a selection of articles, a site, or the library (all three: None), most cited
    first. A named source is summed as its library entity ("Trump" in one article and "Donald
    Trump" in another are one), others by name ("officials"); ``anonymous`` when any article
    left the source unnamed."""
    if nums is None:
        where, values = ("WHERE article_num IN (SELECT num FROM articles WHERE site = ?)", [site]) \
            if site is not None else ("", [])
        rows = conn.execute(f"{SOURCE_ROWS} {where}", values).fetchall()
        entities = conn.execute(f"{SPEAKER_ENTITIES} {where.replace('article_num', 'c.article_num')}",
                                values).fetchall()
    else:
        rows, entities = [], []
        for chunk in chunks(list(nums)):
            rows += conn.execute(f"{SOURCE_ROWS} WHERE article_num IN ({marks(chunk)})", chunk).fetchall()
            entities += conn.execute(f"{SPEAKER_ENTITIES} WHERE c.article_num IN ({marks(chunk)})",
                                     chunk).fetchall()
    # (article, speaker as named there) -> the library entity's name
    library_name = {(num, str(said).casefold()): name for num, said, name in entities if said}
    merged: dict[str, SourceTally] = {}
    for row in rows:
        name = library_name.get((row["article_num"], row["name"].casefold()), row["name"])
        tally = merged.setdefault(name.casefold(), SourceTally(name, row["type"]))
        tally.direct += row["direct"]
        tally.reported += row["reported"]
        tally.anonymous = tally.anonymous or bool(row["anonymous"])
    return sorted(merged.values(), key=lambda t: (-t.claims, t.name.casefold()))


SOURCE_ROWS = "SELECT article_num, name, type, direct, reported, anonymous FROM article_sources"
# The library entity each claim's speaker is (the claims index keeps the speaker's key).
SPEAKER_ENTITIES = (
    "SELECT c.article_num, json_extract(c.record, '$.speaker_entity'), r.name FROM claims c "
    "JOIN entities e ON e.key = c.speaker_key JOIN entities r ON r.key = e.resolved")
