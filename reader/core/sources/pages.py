"""The pages of a file that holds several (a web archive, a mailbox), for a picker or ``--all-pages``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    """One page of a multi-page file; ``key`` is what :func:`~reader.core.sources.loading.load` takes
    as ``page`` to open it (a URL in a web archive, a message number in a mailbox)."""

    key: str
    title: str | None = None
    url: str | None = None
    saved: str | None = None  # ISO 8601 when known
