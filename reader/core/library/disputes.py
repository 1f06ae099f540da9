"""Every dispute link in the library: a claim, and the claim of the same article that contradicts
it ("a claim branded a 'lie' by Kyiv"), both with their passages and their article; filterable
by a library entity on either side. The view shows a screen of links, not thousands: a link is
made from its row when first read (a list model asks for the rows it shows), and its claim
records decoded when first used — a library-wide list of 5,000 links costs its query only."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, overload

from reader.core.library.entities import marks, matching_keys


@dataclass(frozen=True)
class ArticleClaim:
    """One claim of a stored article; spans index into that article's ``text``."""

    id: str  # the article's id
    title: str | None
    published: str | None
    site: str | None
    index: int  # the claim's position in the article's ``claims``
    raw: str = field(repr=False)

    @cached_property
    def claim(self) -> dict[str, Any]:
        return dict(json.loads(self.raw))

    def record(self) -> dict[str, Any]:
        """The claim as ``extract`` gives it, plus its article (``id``, title, date, site) and index."""
        return {**self.claim, "id": self.id, "title": self.title, "published": self.published,
                "site": self.site, "index": self.index}


@dataclass(frozen=True)
class DisputeLink:
    """``disputed_by`` contradicts ``claim`` (both in one article)."""

    claim: ArticleClaim
    disputed_by: ArticleClaim

    def record(self) -> dict[str, Any]:
        """The ``disputes`` verb's line."""
        return {"claim": self.claim.record(), "disputed_by": self.disputed_by.record()}


Row = tuple[str, str | None, str | None, str | None, int, str, int, str]


class DisputeLinks(Sequence[DisputeLink]):
    """Dispute links made from their rows when read (see the module docstring)."""

    def __init__(self, rows: list[Row]) -> None:
        self.rows = rows

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, index: int) -> DisputeLink: ...

    @overload
    def __getitem__(self, index: slice) -> list[DisputeLink]: ...

    def __getitem__(self, index: int | slice) -> DisputeLink | list[DisputeLink]:
        if isinstance(index, slice):
            return [link_of(row) for row in self.rows[index]]
        return link_of(self.rows[index])


def link_of(row: Row) -> DisputeLink:
    article, title, published, site, disputed, disputed_raw, index, raw = row
    return DisputeLink(ArticleClaim(article, title, published, site, disputed, disputed_raw),
                       ArticleClaim(article, title, published, site, index, raw))


def disputes(conn: sqlite3.Connection, name: str | None = None) -> DisputeLinks:
    """Dispute links, oldest article first; with ``name``, those where the entity it means is
    the speaker of either claim."""
    where, values = "", []
    if name is not None:
        keys = matching_keys(conn, name)
        if not keys:
            return DisputeLinks([])
        speakers = f"SELECT key FROM entities WHERE resolved IN ({marks(keys)})"
        # Only articles where the entity speaks (the speaker index), then either side of the link.
        where = (f"AND c.article_num IN (SELECT article_num FROM claims WHERE speaker_key IN ({speakers})) "
                 f"AND (c.speaker_key IN ({speakers}) OR d.speaker_key IN ({speakers}))")
        values = keys * 3
    plain = conn.cursor()
    plain.row_factory = None  # tuples: read by position
    rows = plain.execute(
        "SELECT a.id, a.title, a.published, a.site, d.idx, d.record, c.idx, c.record "
        "FROM claims c JOIN claims d ON d.article_num = c.article_num AND d.idx = c.disputes "
        f"JOIN articles a ON a.num = c.article_num WHERE c.disputes IS NOT NULL {where}"
        "ORDER BY a.published IS NULL, a.published, a.added, a.num, d.idx, c.idx", values).fetchall()
    return DisputeLinks(rows)
