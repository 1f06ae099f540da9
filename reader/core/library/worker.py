"""What runs in the import pool's processes: one file → its ``sift extract`` record.

Kept apart and Qt-free so a spawned process imports only this, the extraction and (when
analysing) spaCy. A file that cannot be read comes back as its error record, never raises.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from reader.core.errors import ReaderError, internal
from reader.core.records import error_record

log = logging.getLogger(__name__)


def prepare_worker() -> None:
    """Pool initializer, as for the window's analysis process: a little below the window's
    priority (the reader keeps reading smoothly while a folder imports), and ending with the
    importing process even when it is killed."""
    from reader.core.analysis_worker import prepare_process

    prepare_process()
    logging.getLogger().addHandler(logging.NullHandler())  # libraries' own tracebacks stay quiet


def record_for_library(path: str, analysis: bool) -> dict[str, Any]:
    """The deterministic extract record (no per-site corrections: those apply when shown)."""
    from reader.core.reading import extract_record

    file = Path(path)
    try:
        return extract_record(file, analysis=analysis)
    except ReaderError as exc:
        return error_record(file, exc)
    except Exception as exc:  # a bug: this file's error record, the import goes on
        log.exception("import of %s failed", path)
        return error_record(file, internal(file, exc))
