"""The ``sift`` command: open the reader (default), or ``extract`` / ``analyze`` as JSON Lines.

Imports of the core and of Qt happen inside the commands, so ``sift --version`` and the
window's start are not slowed by modules they do not need.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from reader import APP_NAME, __version__

VERBS = ("extract", "analyze")
# --debug shows Sift's own log from this level, and the libraries' (readability, spaCy) from LIBRARY_LEVEL:
# their debug output is their internals, their warnings and errors are about our input.
DEBUG_LEVEL = logging.DEBUG
LIBRARY_LEVEL = logging.WARNING
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
DEBUG_HELP = "show the log on stderr, with the tracebacks of internal errors"

log = logging.getLogger(__name__)

USAGE_EPILOG = """\
commands:
  sift [FILE...]                      open the reader window with these saved articles
  sift --sample                       open the bundled sample article
  sift extract [--no-analysis] FILE...  print one JSON record per file: the story and its clutter
  sift analyze FILE...                print one JSON record per file: entities and claims of its text
  sift library VERB ...               your library: add, list, search, show, forget, speaker (--help)

Records follow the command-line contract: one JSON object per line, in argument order.
A file that cannot be read gives {"path", "error": {"kind", "message"}} and exit status 1.
"""


def build_open_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sift", description=f"{APP_NAME}: read saved news articles without the clutter.",
        epilog=USAGE_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="*", type=Path, metavar="FILE", help="saved articles to open")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--sample", action="store_true", help="open the bundled sample article")
    parser.add_argument("--library", type=Path, metavar="PATH",
                        help="the library file the window shows (default: $SIFT_LIBRARY, then the user "
                             "data folder)")
    parser.add_argument("--debug", action="store_true", help=DEBUG_HELP)
    parser.add_argument("--measure-startup", type=Path, metavar="FILE",
                        help="open FILE, print the start-up times as JSON once story and panel are shown, "
                             "exit")
    desktop = parser.add_argument_group("desktop integration (Linux; no window opens)")
    desktop.add_argument("--install-desktop", action="store_true",
                         help="add Sift to your application menu and to 'Open with' for web pages and text")
    desktop.add_argument("--make-default", action="store_true",
                         help="with --install-desktop: also make Sift the default for those files")
    desktop.add_argument("--uninstall-desktop", action="store_true",
                         help="remove what --install-desktop added")
    return parser


def build_verb_parser(verb: str) -> argparse.ArgumentParser:
    helps = {
        "extract": "Separate the story from the clutter and print one JSON record per file.",
        "analyze": "Print the entities and claims of each file's text (taken verbatim, as UTF-8).",
    }
    parser = argparse.ArgumentParser(prog=f"sift {verb}", description=helps[verb])
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    if verb == "extract":
        parser.add_argument("--no-analysis", action="store_true", help="skip entities and claims")
        parser.add_argument("--jobs", type=positive_int, default=os.cpu_count() or 1, metavar="N",
                            help="read N files at once (default: the number of cores); "
                                 "the records still come in argument order")
        parser.add_argument("--all-pages", action="store_true",
                            help="for a web archive (WARC, WACZ) or a mailbox: one record per page, main "
                                 "page first (by default only the main page is extracted)")
    parser.add_argument("--user-state", action="store_true",
                        help="apply your per-site corrections (off by default: output is deterministic)")
    parser.add_argument("--debug", action="store_true", help=DEBUG_HELP)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "library":  # the library's verbs have a module of their own
        from reader.library_cli import main as library_main

        return library_main(argv[1:])
    if argv and argv[0] in VERBS:
        args = build_verb_parser(argv[0]).parse_args(argv[1:])
        configure_logging(args.debug, own_warnings=False)
        runner = run_extract if argv[0] == "extract" else run_analyze
        return runner(args)
    args = build_open_parser().parse_args(argv)
    configure_logging(args.debug, own_warnings=True)
    return run_gui(args)


def run_gui(args: argparse.Namespace) -> int:
    if args.install_desktop or args.uninstall_desktop or args.make_default:
        return run_desktop_install(args)
    from reader.ui.app import run

    if args.library:  # the window, its import workers and the library verbs all read it from here
        from reader.core.library.store import LIBRARY_ENV

        os.environ[LIBRARY_ENV] = str(args.library.expanduser().resolve())
    measure = str(args.measure_startup) if args.measure_startup else None
    return run([str(f) for f in args.files], sample=args.sample, measure_startup=measure)


def run_desktop_install(args: argparse.Namespace) -> int:
    """--install-desktop / --uninstall-desktop: change the user's desktop set-up, then exit."""
    from reader.desktop.install import install_desktop, uninstall_desktop

    if args.uninstall_desktop and (args.install_desktop or args.make_default):
        print("sift: choose either --install-desktop or --uninstall-desktop.", file=sys.stderr)
        return 2
    if sys.platform in ("darwin", "win32"):
        print("sift: --install-desktop is for Linux desktops; on macOS and Windows the app bundle "
              "registers Sift's file types.", file=sys.stderr)
        return 2
    try:
        done = uninstall_desktop() if args.uninstall_desktop else install_desktop(args.make_default)
    except OSError as exc:
        print(f"sift: could not change the desktop set-up: {exc.strerror or exc} "
              f"({exc.filename or 'unknown file'}).", file=sys.stderr)
        return 1
    for line in done or ["Sift was not installed for the desktop; nothing to remove."]:
        print(line)
    return 0


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def run_extract(args: argparse.Namespace) -> int:
    from functools import partial

    from reader.core.reading import extract_record

    make = partial(extract_record, analysis=not args.no_analysis, user_state=args.user_state)
    if args.all_pages:
        return emit_page_records(args.files, analysis=not args.no_analysis)
    if args.jobs > 1 and len(args.files) > 1:  # imported once here, the forked workers share them
        import reader.core.extract.html
        import reader.core.extract.text  # noqa: F401
    return emit_records(args.files, make, jobs=args.jobs)


def emit_page_records(files: Iterable[Path], analysis: bool) -> int:
    """``extract --all-pages``: every page of each file as its own record, in the file's page order."""
    from functools import partial

    from reader.core.extract import extract
    from reader.core.extract.guard import time_limit
    from reader.core.reading import analyze_article
    from reader.core.records import article_record
    from reader.core.sources.loading import list_pages, load

    def page_record(key: str | None, path: Path) -> dict[str, Any]:
        with time_limit(path.name):
            article = extract(load(path, page=key))
        return article_record(article, analyze_article(article) if analysis else None)

    configure_stdout()
    status = 0
    for path in (Path(os.path.abspath(f.expanduser())) for f in files):
        try:
            keys: list[str | None] = [page.key for page in list_pages(path)] or [None]
        except Exception:  # the file's error comes out as its record below
            log.debug("no page list for %s; its record says why", path, exc_info=True)
            keys = [None]
        for key in keys:
            record = record_of(partial(page_record, key), path)
            status = max(status, 1 if "error" in record else 0)
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            sys.stdout.flush()
    return status


def run_analyze(args: argparse.Namespace) -> int:
    from reader.core.reading import analyze_record

    return emit_records(args.files, analyze_record)


def emit_records(files: Iterable[Path], make: Callable[[Path], dict[str, Any]], jobs: int = 1) -> int:
    """Print one JSON line per file in order; a failure is that file's error record, not a stop.
    With ``jobs`` > 1 the files are read by that many processes, printed as each one's turn comes."""
    from functools import partial

    configure_stdout()
    status = 0
    paths = [Path(os.path.abspath(path.expanduser())) for path in files]
    for record in map_in_order(partial(record_of, make), paths, jobs):
        status = max(status, 1 if "error" in record else 0)
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return status


def record_of(make: Callable[[Path], dict[str, Any]], absolute: Path) -> dict[str, Any]:
    """One file's record, or its error record."""
    from reader.core.errors import ReaderError, internal
    from reader.core.records import error_record

    try:
        return make(absolute)
    except ReaderError as exc:
        return error_record(absolute, exc)
    except Exception as exc:  # a bug: report it as a record; its traceback goes to the log
        log.exception("internal error on %s", absolute)
        return error_record(absolute, internal(absolute, exc))


def map_in_order(work: Callable[[Path], dict[str, Any]], paths: list[Path], jobs: int
                 ) -> Iterator[dict[str, Any]]:
    """``work`` over the paths, in their order, by up to ``jobs`` processes (forked where the
    system can: a fresh interpreter per worker would import everything again)."""
    if jobs < 2 or len(paths) < 2:
        yield from map(work, paths)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(max_workers=min(jobs, len(paths)), mp_context=context) as pool:
        yield from pool.map(work, paths)


def configure_logging(debug: bool, own_warnings: bool) -> None:
    """Set up logging once per process. ``--debug`` shows the whole log on stderr. Otherwise the
    window shows Sift's own warnings there (``own_warnings``), while ``extract`` and ``analyze``
    stay silent: their failures are records. Libraries (readability) log their failures with
    tracebacks, which Python would print when logging is not set up; they stay quiet but for --debug."""
    root = logging.getLogger()
    if root.handlers:  # set up already (a test, or an embedding program)
        return
    sift = logging.getLogger("reader")
    if debug:
        logging.basicConfig(level=LIBRARY_LEVEL, format=LOG_FORMAT)
        sift.setLevel(DEBUG_LEVEL)
        return
    root.addHandler(logging.NullHandler())  # keeps Python's last-resort printer away
    if own_warnings:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("sift: %(name)s: %(message)s"))
        handler.setLevel(logging.WARNING)
        sift.addHandler(handler)


def configure_stdout() -> None:
    """JSON Lines are UTF-8 whatever the terminal's locale says."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(encoding="utf-8")
