"""``sift library VERB``: the library from the command line, as JSON Lines (shared/README.md).

Every verb prints one JSON object per result on stdout and exits 0, 1 when some input failed
(its line carries ``"error": {"kind", "message"}``), or 2 on a usage error (argparse's own).
Messages for people (a damaged library set aside, files gone missing) go to stderr.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sqlite3
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.cli import DEBUG_HELP, configure_logging, configure_stdout
from reader.core.model import HIGHLIGHT_COLORS

if TYPE_CHECKING:
    from reader.core.errors import ReaderError
    from reader.core.library import Library

log = logging.getLogger(__name__)

LIBRARY_HELP = "the library file (default: $SIFT_LIBRARY, then the user data folder)"
SORTS = ("added", "published", "title", "site")
EXPORT_FORMATS = ("md", "html", "json", "epub")


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--library", metavar="DB", default=argparse.SUPPRESS, help=LIBRARY_HELP)
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=DEBUG_HELP)
    parser = argparse.ArgumentParser(prog="sift library", parents=[common],
                                     description="Your saved articles in one searchable library.")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="VERB")
    add = verbs.add_parser("add", parents=[common], help="import files and folders (recursively)")
    add.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    add.add_argument("--no-analysis", action="store_true", help="store the story without entities and claims")
    add.add_argument("--jobs", type=int, metavar="N", help="processes for extraction (default: one per core)")
    listing = verbs.add_parser("list", parents=[common], help="every article, as a summary")
    listing.add_argument("--sort", choices=SORTS, default="added")
    listing.add_argument("--limit", type=positive_int, metavar="N")
    find = verbs.add_parser("search", parents=[common], help='search: words, "a phrase", -word')
    find.add_argument("query", nargs="*", metavar="QUERY", help="words (several are one query)")
    find.add_argument("--entity", metavar="NAME", help="only articles that mention NAME")
    find.add_argument("--speaker", metavar="NAME", help="only articles that quote or paraphrase NAME")
    find.add_argument("--site", metavar="S")
    find.add_argument("--tag", metavar="T")
    find.add_argument("--limit", type=positive_int, metavar="N")
    show = verbs.add_parser("show", parents=[common],
                            help="one article: summary, text, entities, claims, highlights")
    show.add_argument("ref", metavar="ID", help="an article id, or a path it was seen at")
    forget = verbs.add_parser("forget", parents=[common], help="remove articles and all derived from them")
    forget.add_argument("refs", nargs="+", metavar="ID")
    add_story_verbs(verbs, common)
    add_highlight_verbs(verbs, common)
    return parser


def add_highlight_verbs(verbs: Any, common: argparse.ArgumentParser) -> None:
    """``highlight``, ``highlights`` and ``export`` (issue 15)."""
    mark = verbs.add_parser("highlight", parents=[common], help="highlight a quote of an article")
    mark.add_argument("ref", metavar="ID", help="an article id, or a path it was seen at")
    mark.add_argument("--quote", required=True, type=quote_text, metavar="TEXT", help="the text to mark")
    mark.add_argument("--note", metavar="TEXT")
    mark.add_argument("--color", choices=HIGHLIGHT_COLORS, default="yellow")
    mark.add_argument("--occurrence", type=positive_int, default=1, metavar="N",
                      help="which appearance of the quote (default: the first)")
    listing = verbs.add_parser("highlights", parents=[common], help="highlights and notes, in reading order")
    listing.add_argument("ref", nargs="?", metavar="ID", help="one article's (default: every article's)")
    export = verbs.add_parser("export", parents=[common], help="articles with their highlights as files")
    export.add_argument("refs", nargs="+", metavar="ID")
    export.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    export.add_argument("--output", required=True, type=Path, metavar="PATH",
                        help="the file; a folder for several articles (md, html, json); one book (epub)")


def quote_text(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("the quote is empty")
    return text


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    configure_logging(getattr(args, "debug", False), own_warnings=False)
    configure_stdout()
    from reader.core.library import Library
    from reader.core.library.schema import NewerSchema

    try:
        library = Library.open(getattr(args, "library", None))
    except (sqlite3.Error, OSError, NewerSchema) as exc:
        print(f"sift library: the library could not be opened: {exc}", file=sys.stderr)
        return 1
    try:
        with library:
            rebuild_if_damaged(library)
            return VERBS[args.verb](library, args)
    except sqlite3.Error as exc:  # locked past the timeout, disk full, read-only file
        log.debug("library error", exc_info=True)
        print(f"sift library: the library could not be used: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader of our output left (`| head`): stop quietly
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python's flush at exit must not fail again
        return 1


def rebuild_if_damaged(library: Library) -> None:
    if library.recovery is None:
        return
    print(f"sift library: {library.recovery.notice.message}", file=sys.stderr)
    results = list(library.rebuild())
    print(f"sift library: rebuilt {sum(r.status != 'error' for r in results)} articles.", file=sys.stderr)


def emit(records: Iterable[dict[str, Any]]) -> int:
    """Print JSON Lines; 1 when any line carries an error."""
    status = 0
    for record in records:
        status = max(status, 1 if "error" in record else 0)
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return status


def run_add(library: Library, args: argparse.Namespace) -> int:
    gone: list[str] = []

    def lines() -> Iterable[dict[str, Any]]:
        for result in library.import_paths(args.paths, analysis=not args.no_analysis, workers=args.jobs):
            if result.status == "missing":  # not a file given or found: said on stderr
                gone.append(str(result.path))
            else:
                yield result.record()

    status = emit(lines())
    if gone:
        print(f"sift library: {len(gone)} files seen before are gone; their articles are kept, "
              "marked missing:", *gone, sep="\n  ", file=sys.stderr)
    return status


def run_list(library: Library, args: argparse.Namespace) -> int:
    return emit(s.record() for s in library.list_articles(sort=args.sort, limit=args.limit))


def run_search(library: Library, args: argparse.Namespace) -> int:
    from reader.core.library import Filters

    filters = Filters(entity=args.entity, speaker=args.speaker, site=args.site, tag=args.tag)
    return emit(hit.record() for hit in library.search(" ".join(args.query), filters, limit=args.limit))


def run_show(library: Library, args: argparse.Namespace) -> int:
    article = library.article(args.ref)
    return emit([not_in_library(args.ref) if article is None else article.record_for_show()])


def run_forget(library: Library, args: argparse.Namespace) -> int:
    return emit(not_in_library(ref, "error") if found is None else {"id": found, "status": "forgotten"}
                for ref, found in library.forget(args.refs))


# -- across articles: speaker, disputes, sources, versions (issue 16) ------------------------
SPEAKER_FORMATS = ("jsonl", "md", "csv")


def add_story_verbs(verbs: Any, common: argparse.ArgumentParser) -> None:
    speaker = verbs.add_parser("speaker", parents=[common], help="every claim by a person or organization")
    speaker.add_argument("name", metavar="NAME")
    speaker.add_argument("--format", choices=SPEAKER_FORMATS, default="jsonl",
                         help="jsonl: one claim per line (default); md or csv: the whole page")
    disputes = verbs.add_parser("disputes", parents=[common], help="every dispute link (A contradicts B)")
    disputes.add_argument("name", nargs="?", metavar="NAME", help="only links where NAME speaks")
    sources = verbs.add_parser("sources", parents=[common], help="who an article quotes, named or not")
    sources.add_argument("ref", metavar="ID", help="an article id, or a path it was seen at")
    versions = verbs.add_parser("versions", parents=[common], help="a story's saved versions and changes")
    versions.add_argument("ref", metavar="ID", help="an article id, or a path it was seen at")


def run_speaker(library: Library, args: argparse.Namespace) -> int:
    if args.format == "jsonl":
        return emit(claim.record() for claim in library.speaker_claims(args.name))
    from reader.core.library.speaker_page import page_csv, page_markdown

    page = library.speaker_page(args.name)
    sys.stdout.write(page_markdown(page) if args.format == "md" else page_csv(page))
    return 0


def run_disputes(library: Library, args: argparse.Namespace) -> int:
    return emit(link.record() for link in library.disputes(args.name))


def run_sources(library: Library, args: argparse.Namespace) -> int:
    from reader.core.library.story_sources import sources_record

    found = library.resolve(args.ref)
    if found is None:
        return emit([not_in_library(args.ref)])
    return emit([sources_record(found, library.sources(found))])


def run_versions(library: Library, args: argparse.Namespace) -> int:
    found = library.resolve(args.ref)
    if found is None:
        return emit([not_in_library(args.ref)])
    return emit([library.versions(found).record(found)])


def run_highlight(library: Library, args: argparse.Namespace) -> int:
    from reader.core.library import NotInLibrary
    from reader.core.library.highlights import QuoteNotFound, record

    try:
        made = library.highlight_quote(args.ref, args.quote, args.occurrence, args.color, args.note)
    except (NotInLibrary, QuoteNotFound) as exc:
        return emit([article_error(args.ref, exc)])
    return emit([record(made)])


def run_highlights(library: Library, args: argparse.Namespace) -> int:
    from reader.core.library import NotInLibrary
    from reader.core.library.highlights import record

    try:
        found = library.highlights(args.ref)
    except NotInLibrary as exc:
        return emit([article_error(args.ref, exc)])
    return emit(record(h) for h in found)


def article_error(ref: str, error: ReaderError) -> dict[str, Any]:
    """The error line of a highlight verb: named by ``article`` as its highlights are (their
    ``id`` is the highlight's own)."""
    return {"article": ref, "error": {"kind": error.kind, "message": error.message}}


def run_export(library: Library, args: argparse.Namespace) -> int:
    """The articles found are exported even when some ID is not (its line says so; exit 1)."""
    from reader.core.library.exporting import (
        LibraryArticle,
        OutputHoldsArticle,
        export_articles,
        stored_article,
    )

    output: Path = args.output.expanduser().absolute()
    if args.format != "epub" and len(args.refs) > 1 and output.exists() and not output.is_dir():
        print(f"sift library export: several articles as {args.format} need a folder; "
              f"“{output}” is a file.", file=sys.stderr)
        return 2
    found: list[LibraryArticle] = []
    status = 0
    for ref in args.refs:
        item = stored_article(library, ref)
        if item is None:
            status = max(status, emit([not_in_library(ref)]))
        elif all(item.summary.id != f.summary.id for f in found):  # an article named twice: once
            found.append(item)
    if not found:
        return status
    try:
        written = export_articles(library, found, args.format, output)
    except OutputHoldsArticle as exc:
        print(f"sift library export: {exc.message}", file=sys.stderr)
        return 2
    except OSError as exc:
        log.debug("export failed", exc_info=True)
        error = {"kind": "permission-denied" if isinstance(exc, PermissionError) else "internal",
                 "message": f"“{exc.filename or output}” could not be written: {exc.strerror or exc}."}
        return max(status, emit([{"output": str(output), "error": error}]))
    return max(status, emit(e.record() for e in written))


def not_in_library(ref: str, status: str | None = None) -> dict[str, Any]:
    from reader.core.library import NotInLibrary

    error = NotInLibrary(ref)
    line: dict[str, Any] = {"id": ref}
    if status is not None:
        line["status"] = status
    line["error"] = {"kind": error.kind, "message": error.message}
    return line


VERBS: dict[str, Callable[[Library, argparse.Namespace], int]] = {
    "add": run_add, "list": run_list, "search": run_search, "show": run_show,
    "forget": run_forget, "speaker": run_speaker,
    "disputes": run_disputes, "sources": run_sources, "versions": run_versions,
    "highlight": run_highlight, "highlights": run_highlights, "export": run_export,
}
