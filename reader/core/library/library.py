"""The library's Python API: one object per open library file, used by the CLI and the GUI.

Thread safety: every method takes the object's lock, so one ``Library`` may be shared by the
threads of one process (the GUI calls it from background tasks, never from its own thread).
Several processes may open the same file at once (WAL, busy timeout, one transaction per write).
Articles are named by ``ref``: an id, or a path the article was seen at.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from reader.core.anchoring import find_occurrence
from reader.core.library import articles, highlights, search, story_sources, version_groups, views
from reader.core.library import corrections as entity_fixes
from reader.core.library import disputes as dispute_links
from reader.core.library.corrections import EntityCorrection
from reader.core.library.derived import reindex_entities
from reader.core.library.disputes import DisputeLinks
from reader.core.library.entities import garbage_collect, relink
from reader.core.library.errors import NotInLibrary
from reader.core.library.importer import CancelCheck, Importer, ImportProgress, ImportResult, KnownRecord
from reader.core.library.records import SearchHit, StoredArticle, Summary
from reader.core.library.speaker_page import SpeakerPage, speaker_page
from reader.core.library.store import Recovery, library_path, now_iso, open_database, transaction
from reader.core.library.story_sources import SourceSummary
from reader.core.library.version_groups import StoryVersions
from reader.core.model import HIGHLIGHT_COLORS, Highlight
from reader.core.sources.pages import address_is_file
from reader.core.sourcing import SourceTally, StorySources

log = logging.getLogger(__name__)


class Unchanged:
    """The default of :meth:`Library.update_highlight`'s fields: leave it as it is (None clears a note)."""


UNCHANGED = Unchanged()


class Library:
    """An open library database (see the package docstring for what it holds)."""

    def __init__(self, conn: sqlite3.Connection, path: Path, recovery: Recovery | None = None) -> None:
        self.conn = conn
        self.path = path
        self.recovery = recovery  # set when a damaged file was set aside on opening
        self.lock = threading.RLock()

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None, verify: bool = True) -> Library:
        """Open ``path`` (default: ``SIFT_LIBRARY``, then the user data folder), creating or
        migrating it; a damaged file is set aside and ``recovery`` says what to rebuild.
        ``verify``: check the whole file's structure first (see store.open_database)."""
        location = library_path(path)
        conn, recovery = open_database(location, verify)
        if recovery is not None:
            log.warning("%s", recovery.notice.message)
        return cls(conn, location, recovery)

    def close(self) -> None:
        with self.lock:
            self.conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # -- import ---------------------------------------------------------------------------

    def import_paths(self, paths: Iterable[str | os.PathLike[str]], *, analysis: bool = True,
                     workers: int | None = None, progress: Callable[[ImportProgress], None] | None = None,
                     cancel: threading.Event | CancelCheck | None = None,
                     known: Mapping[str, KnownRecord] | None = None) -> Iterator[ImportResult]:
        """Import files and folders (recursively); yields one result per file as it is done.

        ``workers``: processes for extraction (None: one per core; 0: in this process).
        ``cancel`` is polled between files; what was stored before stays stored.
        ``known``: records made already, by path (the window's, of the files it shows)."""
        importer = Importer(self.conn, analysis=analysis, workers=workers, progress=progress,
                            cancel=cancel, lock=self.lock, known=known)
        return importer.run(Path(p) for p in paths)

    def rebuild(self, **options: Any) -> Iterator[ImportResult]:
        """After a damaged library was set aside: import the files it named that still exist."""
        paths = self.recovery.paths if self.recovery else ()
        folders = [p for p in paths if p.is_dir()]
        for folder in folders:
            self.watch(folder)
        return self.import_paths(paths, **options)

    # -- watched folders ------------------------------------------------------------------

    def watched_folders(self) -> list[Path]:
        with self.lock:
            rows = self.conn.execute("SELECT path FROM watched_folders ORDER BY path")
            return [Path(r["path"]) for r in rows]

    def watch(self, folder: str | os.PathLike[str]) -> None:
        with self.lock, transaction(self.conn):
            self.conn.execute("INSERT OR IGNORE INTO watched_folders(path, added) VALUES (?, ?)",
                              (os.path.abspath(folder), now_iso()))

    def unwatch(self, folder: str | os.PathLike[str]) -> None:
        with self.lock, transaction(self.conn):
            self.conn.execute("DELETE FROM watched_folders WHERE path = ?", (os.path.abspath(folder),))

    def scan_folders(self, **options: Any) -> list[ImportResult]:
        """Import what is new or changed in the watched folders (cheap when nothing is: one
        stat per file). The GUI calls it on a timer or a file-system watcher's signal."""
        folders = [f for f in self.watched_folders() if f.is_dir()]
        return list(self.import_paths(folders, **options)) if folders else []

    def refresh_missing(self) -> int:
        """Mark the articles whose files are gone (anywhere, not only in imported folders)."""
        with self.lock:
            rows = self.conn.execute("SELECT DISTINCT path FROM paths WHERE current = 1")
            paths = [r["path"] for r in rows]
        gone = [p for p in paths if not address_is_file(p)]
        with self.lock, transaction(self.conn):
            return sum(articles.mark_gone(self.conn, p) for p in gone)

    # -- reading ------------------------------------------------------------------------

    def list_articles(self, sort: search.Sort = "added", limit: int | None = None,
             filters: search.Filters = search.NO_FILTERS) -> list[Summary]:
        return [hit.summary for hit in self.search("", filters, limit, sort)]

    def search(self, query: str = "", filters: search.Filters = search.NO_FILTERS,
               limit: int | None = None,
               sort: search.Sort = "added", prefix_last: bool = False) -> list[SearchHit]:
        """Text search (words, "a phrase", -word) with filters; best first, snippets marked
        with ``search.MARK_OPEN`` / ``MARK_CLOSE``. No words: every article the filters keep."""
        with self.lock:
            return search.search(self.conn, query, filters, limit, sort, prefix_last)

    def resolve(self, ref: str) -> str | None:
        """The id of the article ``ref`` (an id or a path it was seen at) names, if any."""
        with self.lock:
            num = articles.resolve_reference(self.conn, ref)
            return None if num is None else self._id_of(num)

    def article(self, ref: str) -> StoredArticle | None:
        """An article as stored: summary and the full ``sift extract`` record (no re-extraction)."""
        with self.lock:
            num = articles.resolve_reference(self.conn, ref)
            if num is None:
                return None
            row = self.conn.execute(f"SELECT {articles.SUMMARY_COLUMNS} FROM articles a WHERE a.num = ?",
                                    (num,)).fetchone()
            [summary] = articles.summaries(self.conn, [row])
            current = [p for p in summary.paths] if not summary.missing else []
            record = articles.load_record(self.conn, num, current[0] if current else None)
            marks = [highlights.record(h) for h in highlights.of_article(self.conn, num)]
            return StoredArticle(summary, record, marks)

    def entity_articles(self, name: str) -> list[views.EntityArticle]:
        """Articles mentioning the library entity ``name`` means ("Putin" finds "Vladimir Putin")."""
        with self.lock:
            return views.entity_articles(self.conn, name)

    def entity_mentions(self, ref: str, name: str) -> list[dict[str, Any]]:
        """Spans of that entity's mentions in one article (to open it at a mention)."""
        with self.lock:
            num = articles.resolve_reference(self.conn, ref)
            return [] if num is None else views.entity_mentions(self.conn, num, name)

    def speaker_claims(self, name: str) -> list[views.SpeakerClaim]:
        """Every claim by that library entity across articles, oldest article first."""
        with self.lock:
            return views.speaker_claims(self.conn, name)

    def counts(self) -> dict[str, int]:
        """Articles, missing articles, library entities: for a status line."""
        with self.lock:
            total = self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            present = self.conn.execute(
                "SELECT count(DISTINCT article_num) FROM paths WHERE current = 1").fetchone()[0]
            entities = self.conn.execute("SELECT count(DISTINCT resolved) FROM entities").fetchone()[0]
        return {"articles": total, "missing": total - present, "entities": entities}

    # -- the reader's state ---------------------------------------------------------------

    def mark_opened(self, ref: str) -> None:
        self._update(ref, "opened = ?", now_iso())

    def set_progress(self, ref: str, fraction: float) -> None:
        """Reading position, 0 (top) to 1 (end); the end also marks the article read."""
        fraction = min(max(float(fraction), 0.0), 1.0)
        self._update(ref, "progress = ?, read = max(read, ?)", fraction, int(fraction >= 1.0))

    def set_flags(self, refs: Sequence[str], *, read: bool | None = None, favourite: bool | None = None,
                  archived: bool | None = None) -> None:
        for column, value in (("read", read), ("favourite", favourite), ("archived", archived)):
            if value is not None:
                for ref in refs:
                    self._update(ref, f"{column} = ?", int(value))

    def tag(self, refs: Sequence[str], tags: Sequence[str]) -> None:
        with self.lock, transaction(self.conn):
            for num in self._nums(refs):
                self.conn.executemany("INSERT OR IGNORE INTO tags(article_num, tag) VALUES (?, ?)",
                                      [(num, t.strip()) for t in tags if t.strip()])

    def untag(self, refs: Sequence[str], tags: Sequence[str]) -> None:
        with self.lock, transaction(self.conn):
            for num in self._nums(refs):
                self.conn.executemany("DELETE FROM tags WHERE article_num = ? AND tag = ?",
                                      [(num, t.strip()) for t in tags])

    def tags(self) -> list[tuple[str, int]]:
        """Every tag with its number of articles, most used first (a facet)."""
        with self.lock:
            return [(r[0], r[1]) for r in self.conn.execute(
                "SELECT tag, count(*) AS n FROM tags GROUP BY tag ORDER BY n DESC, tag")]

    def sites(self) -> list[tuple[str, int]]:
        with self.lock:
            return [(r[0], r[1]) for r in self.conn.execute(
                "SELECT site, count(*) AS n FROM articles WHERE site IS NOT NULL "
                "GROUP BY site ORDER BY n DESC, site")]

    def top_entities(self, entity_type: str, limit: int = 20) -> list[tuple[str, int]]:
        """The entities of a type mentioned in most articles: (name, articles) (a facet)."""
        with self.lock:
            return [(r[0], r[1]) for r in self.conn.execute(
                "SELECT r.name, count(DISTINCT ae.article_num) AS n FROM article_entities ae "
                "JOIN entities e ON e.key = ae.key JOIN entities r ON r.key = e.resolved "
                "WHERE r.type = ? AND r.hidden = 0 "  # hidden by the reader (issue 16)
                "GROUP BY r.key ORDER BY n DESC, r.name LIMIT ?", (entity_type, limit))]

    # -- highlights (see highlights.py; the GUI calls these from background tasks) ----------

    def add_highlight(self, ref: str, start: int, end: int, color: str = "yellow",
                      note: str | None = None) -> Highlight:
        """Highlight ``text[start:end]`` of an article (NotInLibrary, or ValueError for an empty
        span or an unknown colour)."""
        with self.lock, transaction(self.conn):
            num = self._num(ref)
            row = self.conn.execute("SELECT id, text FROM articles WHERE num = ?", (num,)).fetchone()
            made = highlights.new_highlight(row["id"], row["text"], start, end, color, note, now_iso())
            highlights.insert(self.conn, num, made)
            return made

    def highlight_quote(self, ref: str, quote: str, occurrence: int = 1, color: str = "yellow",
                        note: str | None = None) -> Highlight:
        """Highlight the ``occurrence``-th (1-based) exact appearance of ``quote`` in the
        article's text (highlights.QuoteNotFound when there is none)."""
        with self.lock, transaction(self.conn):
            num = self._num(ref)
            row = self.conn.execute("SELECT id, text FROM articles WHERE num = ?", (num,)).fetchone()
            span = find_occurrence(row["text"], quote, occurrence)
            if span is None:
                template = highlights.QuoteNotFound.OCCURRENCE if occurrence > 1 else None
                raise highlights.QuoteNotFound(None, template, quote=quote, article=row["id"],
                                               occurrence=occurrence)
            made = highlights.new_highlight(row["id"], row["text"], *span, color, note, now_iso())
            highlights.insert(self.conn, num, made)
            return made

    def update_highlight(self, highlight_id: str, *, note: str | None | Unchanged = UNCHANGED,
                         color: str | Unchanged = UNCHANGED) -> Highlight:
        """Change a highlight's note (None or blank: no note) or colour; the rest stays."""
        if not isinstance(color, Unchanged) and color not in HIGHLIGHT_COLORS:
            raise ValueError(f"unknown highlight colour {color!r}")
        with self.lock, transaction(self.conn):
            highlights.get(self.conn, highlight_id)  # HighlightNotFound
            if not isinstance(note, Unchanged):
                self.conn.execute("UPDATE highlights SET note = ? WHERE id = ?",
                                  (highlights.clean_note(note), highlight_id))
            if not isinstance(color, Unchanged):
                self.conn.execute("UPDATE highlights SET color = ? WHERE id = ?", (color, highlight_id))
            return highlights.get(self.conn, highlight_id)

    def delete_highlight(self, highlight_id: str) -> None:
        with self.lock, transaction(self.conn):
            if not self.conn.execute("DELETE FROM highlights WHERE id = ?", (highlight_id,)).rowcount:
                raise highlights.HighlightNotFound(highlight=highlight_id)

    def highlights(self, ref: str | None = None, *, color: str | None = None, tag: str | None = None,
                   text: str | None = None) -> list[Highlight]:
        """Highlights in reading order within an article (orphaned last); all articles, newest
        first, when ``ref`` is None. ``text``: the search syntax, on the highlighted words and notes."""
        with self.lock:
            num = None if ref is None else self._num(ref)
            return highlights.select(self.conn, num, color, tag, text)

    def reanchor_highlights(self, ref: str, new_text: str) -> list[Highlight]:
        """The article's text became ``new_text`` (a per-site correction shown in the GUI): its
        highlights re-anchor there, and are stored so; what is not found is kept, orphaned."""
        with self.lock, transaction(self.conn):
            return highlights.reanchor_article(self.conn, self._num(ref), new_text)

    # -- across articles: speakers, disputes, sources, versions (issue 16) ------------------

    def speaker_page(self, name: str) -> SpeakerPage:
        """A person's or organization's page: their claims by date, with disputes both ways, and
        the articles that mention them (speaker_page.py exports it as Markdown or CSV)."""
        with self.lock:
            return speaker_page(self.conn, name)

    def disputes(self, name: str | None = None) -> DisputeLinks:
        """Every dispute link, oldest article first; with ``name``, those where that library
        entity speaks on either side. A sequence of DisputeLink, each made when read."""
        with self.lock:
            return dispute_links.disputes(self.conn, name)

    def sources(self, ref: str) -> StorySources:
        """An article's sources, most cited first, and its anonymous sources' spans (NotInLibrary)."""
        with self.lock:
            return story_sources.article_sources(self.conn, self._num(ref))

    def source_summaries(self, refs: Sequence[str]) -> dict[str, SourceSummary]:
        """Per article id: its sources at a glance (``label()``: "4 sources · 1 anonymous")."""
        with self.lock:
            nums = self._nums(refs)
            found = story_sources.summaries(self.conn, nums)
            return {self._id_of(num): summary for num, summary in found.items()}

    def aggregate_sources(self, refs: Sequence[str] | None = None,
                          site: str | None = None) -> list[SourceTally]:
        """Sources summed over a selection of articles, a site, or the whole library (both None)."""
        with self.lock:
            nums = None if refs is None else self._nums(refs)
            return story_sources.aggregate(self.conn, nums, site)

    def versions(self, ref: str) -> StoryVersions:
        """The saved copies of the article's story, oldest first, and what changed from the
        oldest to the newest (NotInLibrary)."""
        with self.lock:
            view = version_groups.versions_of(self.conn, self._num(ref))
            rows = self.conn.execute(
                f"SELECT {articles.SUMMARY_COLUMNS} FROM articles a WHERE a.num IN "
                f"({','.join('?' * len(view.nums))})", view.nums).fetchall()
            order = {num: i for i, num in enumerate(view.nums)}
            rows.sort(key=lambda row: order[row["num"]])
            return StoryVersions(articles.summaries(self.conn, rows), view.diff)

    def version_counts(self, refs: Sequence[str]) -> dict[str, int]:
        """Per article id: how many saved versions its story has (1: no other copy)."""
        with self.lock:
            counts = version_groups.version_counts(self.conn, self._nums(refs))
            return {self._id_of(num): count for num, count in counts.items()}

    # -- the reader's corrections of entities (issue 16, see corrections.py) -----------------
    # ``name`` is a library entity's key or a name; a name that means several entities raises
    # AmbiguousEntity, one that means none UnknownEntity.

    def entity_in_article(self, ref: str, name: str) -> str | None:
        """The library entity's key for an entity of one article (None when the name means none,
        or several, there): what the side panel passes to the corrections below."""
        with self.lock:
            return entity_fixes.entity_in_article(self.conn, self._num(ref), name)

    def merge_entities(self, name: str, into: str) -> EntityCorrection | None:
        """``name`` and ``into`` are one entity (``into``'s); None when they were one already."""
        with self.lock, transaction(self.conn):
            return entity_fixes.merge(self.conn, name, into)

    def split_entity(self, name: str, article_ids: Sequence[str]) -> EntityCorrection:
        """In these articles, ``name`` is someone else: an entity of its own (rename it next)."""
        with self.lock, transaction(self.conn):
            ids = tuple(self._id_of(num) for num in self._nums(article_ids))
            return entity_fixes.split(self.conn, name, ids)

    def rename_entity(self, name: str, new_name: str) -> EntityCorrection:
        with self.lock, transaction(self.conn):
            return entity_fixes.rename(self.conn, name, new_name)

    def retype_entity(self, name: str, entity_type: str) -> EntityCorrection:
        """Change the type (person, organization, place, group, event, work, product, law)."""
        with self.lock, transaction(self.conn):
            return entity_fixes.retype(self.conn, name, entity_type)

    def hide_entity(self, name: str) -> EntityCorrection:
        """Keep an entity out of the facets (``hidden_entities`` lists them)."""
        with self.lock, transaction(self.conn):
            return entity_fixes.hide(self.conn, name)

    def entity_corrections(self) -> list[EntityCorrection]:
        """Every correction in force, oldest first."""
        with self.lock:
            return entity_fixes.corrections(self.conn)

    def remove_correction(self, correction_id: int) -> None:
        """Undo a correction: the index is as if it had never been made (other corrections stay)."""
        with self.lock, transaction(self.conn):
            reindex = entity_fixes.remove_correction(self.conn, correction_id)
            if reindex:
                reindex_entities(self.conn, reindex)

    def hidden_entities(self) -> list[tuple[str, str]]:
        """(key, name) of the entities the reader hid."""
        with self.lock:
            return [(r[0], r[1]) for r in self.conn.execute(
                "SELECT key, name FROM entities WHERE hidden = 1 ORDER BY name")]

    # -- forgetting -----------------------------------------------------------------------

    def forget(self, refs: Sequence[str]) -> list[tuple[str, str | None]]:
        """Remove articles and everything derived from them (paths, tags, entity rows, claims,
        highlights and notes, search index), then compact the search index and the log so their
        words are gone from the file too. Returns (ref, id or None when ``ref`` names no article)."""
        done: list[tuple[str, str | None]] = []
        with self.lock:
            with transaction(self.conn):
                for ref in refs:
                    num = articles.resolve_reference(self.conn, ref)
                    found = None if num is None else self._id_of(num)
                    if num is not None:
                        self.conn.execute("DELETE FROM articles WHERE num = ?", (num,))
                    done.append((ref, found))
                garbage_collect(self.conn)
                relink(self.conn)
                self.conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return done

    # -- helpers --------------------------------------------------------------------------

    def _id_of(self, num: int) -> str:
        return str(self.conn.execute("SELECT id FROM articles WHERE num = ?", (num,)).fetchone()[0])

    def _num(self, ref: str) -> int:
        num = articles.resolve_reference(self.conn, ref)
        if num is None:
            raise NotInLibrary(ref)
        return num

    def _nums(self, refs: Sequence[str]) -> list[int]:
        nums = [articles.resolve_reference(self.conn, r) for r in refs]
        return [n for n in nums if n is not None]

    def _update(self, ref: str, assignments: str, *values: object) -> None:
        with self.lock, transaction(self.conn):
            num = articles.resolve_reference(self.conn, ref)
            if num is not None:
                self.conn.execute(f"UPDATE articles SET {assignments} WHERE num = ?", (*values, num))
