"""Library articles out as files, with their highlights and notes (``sift library export``).

Markdown, HTML and JSON make one file per article: ``output`` is that file for one article (or a
folder to put it in), and a folder for several (one file each, named from the title and the id,
so names never collide). EPUB makes one book of all the articles, a chapter each, with the
saved page's images when its file is still there. The files are written whole (a temporary file
renamed), and never over a file the library holds an article of.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from reader.core.errors import ReaderError
from reader.core.export import to_html, to_json, to_markdown
from reader.core.export.epub import BookArticle, ImageLookup, to_epub
from reader.core.export.images import saved_images
from reader.core.library.library import Library
from reader.core.library.records import Summary
from reader.core.model import Analysis, Article, Highlight
from reader.core.records import analysis_from_record, article_from_record
from reader.core.sources.loading import load
from reader.core.storage.json_files import SHARED_FILE_MODE, write_atomic

log = logging.getLogger(__name__)

ExportFormat = Literal["md", "html", "json", "epub"]
SUFFIXES: dict[str, str] = {"md": ".md", "html": ".html", "json": ".json", "epub": ".epub"}
# Characters of the title kept in a file name: enough to recognise the article in a folder,
# short enough for every file system's 255-byte names even in a multi-byte script.
NAME_TITLE_CHARS = 60
_NOT_NAME = re.compile(r"[^\w]+")


class OutputHoldsArticle(ReaderError):
    """The export would replace a saved article's own file."""

    kind = "permission-denied"
    template = "“{name}” is a saved article of the library; Sift does not write over it."


@dataclass(frozen=True)
class LibraryArticle:
    """One stored article, rebuilt for export (no re-extraction)."""

    summary: Summary
    article: Article
    analysis: Analysis | None
    highlights: list[Highlight]


@dataclass(frozen=True)
class Exported:
    """One file written: the ``export`` verb's line."""

    output: Path
    articles: tuple[str, ...]
    highlights: int

    def record(self) -> dict[str, Any]:
        return {"output": str(self.output), "articles": list(self.articles), "highlights": self.highlights}


def stored_article(library: Library, ref: str) -> LibraryArticle | None:
    stored = library.article(ref)
    if stored is None:
        return None
    record = dict(stored.record)
    # A missing article has no current file; its Article still needs a path (for names).
    known = stored.summary.paths
    record["path"] = record.get("path") or (known[0] if known else stored.summary.id)
    return LibraryArticle(stored.summary, article_from_record(record), analysis_from_record(record),
                          library.highlights(stored.summary.id))


def file_name(item: LibraryArticle, suffix: str) -> str:
    """``title-words-ID.ext``: readable, and unique by the id."""
    title = unicodedata.normalize("NFKC", item.summary.title or "article")[:NAME_TITLE_CHARS]
    words = _NOT_NAME.sub("-", title.casefold()).strip("-_") or "article"
    return f"{words}-{item.summary.id}{suffix}"


def text_export(item: LibraryArticle, export_format: ExportFormat) -> str:
    if export_format == "md":
        extra = {"tags": list(item.summary.tags), "added": item.summary.added, "id": item.summary.id}
        return to_markdown(item.article, item.analysis, item.highlights, extra=extra)
    if export_format == "html":
        return to_html(item.article, item.analysis, item.highlights)
    return to_json(item.article, item.analysis, item.highlights, article_id=item.summary.id)


def page_images(item: LibraryArticle) -> ImageLookup | None:
    """The saved page's images, when its file is still there (read, never changed)."""
    if item.summary.missing:
        return None
    try:
        return saved_images(load(item.summary.paths[0]))
    except (ReaderError, OSError) as exc:
        log.warning("images of %s not read: %s", item.summary.paths[0], exc)
        return None


def targets(library: Library, items: Sequence[LibraryArticle], export_format: ExportFormat,
            output: Path) -> list[tuple[Path, list[LibraryArticle]]]:
    """Where each file goes and what it holds (see the module docstring)."""
    output = Path(output).expanduser().absolute()
    suffix = SUFFIXES[export_format]
    if export_format == "epub":
        chosen = output / f"{file_name(items[0], suffix)}" if output.is_dir() else output
        plan = [(chosen, list(items))]
    elif len(items) == 1 and not output.is_dir():
        plan = [(output, list(items))]
    else:
        plan = [(output / file_name(item, suffix), [item]) for item in items]
    for path, _ in plan:
        if library.resolve(str(path)) is not None:
            raise OutputHoldsArticle(path)
    return plan


def export_articles(library: Library, items: Sequence[LibraryArticle], export_format: ExportFormat,
                    output: Path) -> list[Exported]:
    """Write the files; OutputHoldsArticle before anything is written, OSError as it happens."""
    done: list[Exported] = []
    for path, chosen in targets(library, items, export_format, output):
        if export_format == "epub":
            chapters = [BookArticle(i.article, i.highlights, i.analysis, page_images(i)) for i in chosen]
            data = to_epub(chapters)
        else:
            data = text_export(chosen[0], export_format).encode("utf-8")
        write_atomic(path, data, SHARED_FILE_MODE)
        marks = sum(len(i.highlights) for i in chosen)
        done.append(Exported(path, tuple(i.summary.id for i in chosen), marks))
    return done
