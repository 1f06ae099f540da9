"""What runs inside the analysis process. Qt-free on purpose: the spawned process imports this
module to unpickle its work, and should load spaCy, not Qt.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time

from reader.core.model import Analysis, Article

log = logging.getLogger(__name__)

# The analysis process runs a little below the window's priority: on a busy two-core machine the
# story's extraction (in the window's process) then wins the CPU, and the model still loads
# alongside. Measured here under load: story 0.9-1.7 s instead of 3.4-3.9 s with equal priority.
ANALYSIS_NICENESS = 5


# How often the analysis process checks that the window's process is still there (the fallback
# where the kernel cannot be asked to do it).
PARENT_CHECK_SECONDS = 1.0
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def prepare_process() -> None:
    """Process initializer: be nice to the window, and end with it even if it was killed."""
    try:
        os.nice(ANALYSIS_NICENESS)
    except (AttributeError, OSError) as exc:  # no os.nice on Windows; the analysis only runs sooner
        log.info("analysis process keeps the window's priority: %s", exc)
    end_with_parent()
    # The window may have died before the lines above ran: then this process already has
    # another parent, and neither the kernel's signal nor the watcher would ever fire.
    spawner = multiprocessing.parent_process()
    parent = spawner.pid if spawner is not None and spawner.pid else os.getppid()
    if os.getppid() != parent:
        os._exit(0)
    threading.Thread(target=watch_parent, args=(parent,), name="sift-parent-watch", daemon=True).start()


def end_with_parent() -> None:
    """On Linux the kernel kills this process the moment the window's process dies, even by
    SIGKILL, even while a long C call (loading the model) keeps the watcher thread waiting.
    The pool is created on the GUI (main) thread, whose end is the process's end."""
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError) as exc:  # the watcher thread still ends this process
        log.info("analysis process not tied to the window by the kernel: %s", exc)


def watch_parent(parent: int) -> None:
    """A killed window cannot stop its analysis process: the process notices and exits."""
    while True:
        time.sleep(PARENT_CHECK_SECONDS)
        if os.getppid() != parent:
            log.info("the window's process %d is gone; the analysis process exits", parent)
            os._exit(0)


def analyze_in_process(article: Article) -> Analysis:
    """Entities and claims of one article's reading text (English only, as the CLI does)."""
    from reader.core.reading import analyze_article

    return analyze_article(article)


def warm_up() -> bool:
    """Load the language model before the first article needs it."""
    from reader.core.nlp.spacy_model import load_nlp

    load_nlp()
    return True
