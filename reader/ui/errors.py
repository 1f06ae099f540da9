"""The GUI's one way to put an error into words: the core's renderer, translated.

Every failure the window shows goes through :func:`describe_error`, so a sentence is chosen by
the error's type in one place (as Anki's ``show_error``), and core templates go through Qt's
translation before their fields are filled in.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from reader.core.errors import ReaderError, internal, render

log = logging.getLogger(__name__)

# The translation context of the core's sentence templates.
CONTEXT = "ReaderError"


def translate(template: str) -> str:
    return QCoreApplication.translate(CONTEXT, template)


def describe_error(error: BaseException, path: str | Path | None = None) -> str:
    """The sentence for people: a ReaderError as the core words it, anything else as a bug
    (logged with its traceback, shown by class name only)."""
    if not isinstance(error, ReaderError):
        log.error("unexpected failure on %s", path, exc_info=error)
        error = internal(path, error)
    elif error.path is None and path is not None:
        error.path = Path(path)
    return render(error, translate)
