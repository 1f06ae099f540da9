"""The pages of a file that holds several (a web archive, a mailbox), for a picker or ``--all-pages``,
and the *page address* that names one of them wherever a file's path is the key (tabs, recent files,
the library's paths): ``/saves/crawl.wacz#page=https%3A%2F%2Fexample.org%2Fstory``.

The key is percent-encoded without a safe character, so the address holds no ``/`` after the file
name and survives ``Path`` and ``os.path`` normalisation unchanged (a raw URL's ``//`` would not).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote

PAGE_MARK = "#page="


@dataclass(frozen=True)
class Page:
    """One page of a multi-page file; ``key`` is what :func:`~reader.core.sources.loading.load` takes
    as ``page`` to open it (a URL in a web archive, a message number in a mailbox)."""

    key: str
    title: str | None = None
    url: str | None = None
    saved: str | None = None  # ISO 8601 when known


def page_address(path: str | os.PathLike[str], key: str) -> str:
    """The address of page ``key`` of the file at ``path``."""
    return f"{os.fspath(path)}{PAGE_MARK}{quote(key, safe='')}"


def split_page_address(address: str | os.PathLike[str]) -> tuple[Path, str | None]:
    """(the file, the page key) of an address; (the path, None) for a plain path. A file whose own
    name holds the mark (it exists under the whole name) stays a plain path."""
    text = os.fspath(address)
    head, mark, key = text.rpartition(PAGE_MARK)
    if not mark or not head or "/" in key or os.sep in key or os.path.exists(text):
        return Path(text), None
    return Path(head), unquote(key)


def page_digest(file_digest: str, key: str) -> str:
    """The content hash of one page of a file of several (the file's SHA-256 and the page's key):
    each page is its own article in the library."""
    return hashlib.sha256(f"{file_digest}\0page\0{key}".encode()).hexdigest()


def address_is_file(address: str | os.PathLike[str]) -> bool:
    """Whether the file a path or page address names exists (the page is not looked for)."""
    return split_page_address(address)[0].is_file()


def display_name(address: str | os.PathLike[str]) -> str:
    """How a path or page address is named to the reader: the file's name, and the page's key."""
    path, key = split_page_address(address)
    return path.name if key is None else f"{path.name} › {key}"
