"""Text → Analysis: entities and claims with spaCy, Qt-free."""

from __future__ import annotations

from reader.core.model import Analysis


def analyze(text: str) -> Analysis:
    """Entities and claims of ``text``; every offset indexes into it."""
    return Analysis()  # placeholder until the entities and claims issues land
