"""Boilerplate vocabulary and thresholds shared by the HTML and plain-text extractors.

Each threshold is a named constant with a comment on how it was chosen. Sections are kept
by the extractor that introduced them; shared ideas (e.g. newsletter prompts) live once here.
"""

from __future__ import annotations
