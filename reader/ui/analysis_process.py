"""What runs inside the analysis process. Qt-free on purpose: the spawned process imports this
module to unpickle its work, and should load spaCy, not Qt.
"""

from __future__ import annotations

import os

from reader.core.model import Analysis, Article

# The analysis process runs a little below the window's priority: on a busy two-core machine the
# story's extraction (in the window's process) then wins the CPU, and the model still loads
# alongside. Measured here under load: story 0.9-1.7 s instead of 3.4-3.9 s with equal priority.
ANALYSIS_NICENESS = 5


def lower_priority() -> None:
    """Process initializer: be nice to the window (no-op where the OS has no niceness)."""
    try:
        os.nice(ANALYSIS_NICENESS)
    except (AttributeError, OSError):
        pass


def analyze_in_process(article: Article) -> Analysis:
    """Entities and claims of one article's reading text (English only, as the CLI does)."""
    from reader.core.pipeline import analyze_article

    return analyze_article(article)


def warm_up() -> bool:
    """Load the language model before the first article needs it."""
    from reader.core.nlp.pipeline import load_nlp

    load_nlp()
    return True
