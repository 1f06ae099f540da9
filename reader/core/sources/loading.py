"""Saved-article files → :class:`Source`: the one entry point, :func:`load`.

The file is opened read-only, read once, and never written, moved or locked; nothing next to it
is created. What cannot be read becomes a typed :class:`~reader.core.errors.ReaderError`.
The stages live in their own modules: files (bytes and limits), sniff (which format), charsets
(bytes → text), origin (address, date, resources folder), one module per archive format, and
sanitize (text every consumer accepts).
"""

from __future__ import annotations

import os
from pathlib import Path

from reader.core.model import Source
from reader.core.sources.charsets import decode_forced, decode_html, decode_text
from reader.core.sources.files import (
    DEFAULT_LIMITS,
    GZIP_MAGIC,
    Limits,
    check_document_size,
    gunzip,
    read_bytes,
)
from reader.core.sources.mhtml import load_mhtml
from reader.core.sources.origin import find_original_url, find_resources_dir
from reader.core.sources.sanitize import finish_source
from reader.core.sources.sniff import sniff_format
from reader.core.sources.webarchive import load_webarchive

__all__ = ["Limits", "load"]


def load(path: str | Path, limits: Limits = DEFAULT_LIMITS, encoding: str | None = None,
         data: bytes | None = None) -> Source:
    """Read a saved article file, whatever its format and encoding, without changing it.

    ``encoding`` is the reader's override (View › Text Encoding) for HTML and text files;
    ``data``: the file's bytes when the caller has read them already (with :func:`read_bytes`).
    """
    path = Path(os.path.abspath(Path(path).expanduser()))
    data = read_bytes(path, limits) if data is None else data
    name_hint = path
    if data.startswith(GZIP_MAGIC):
        data = gunzip(path, data, limits)
        name_hint = path.with_suffix("") if path.suffix.lower() == ".gz" else path
    kind = sniff_format(name_hint, data)
    if kind == "mhtml":
        return finish_source(load_mhtml(path, data, limits))
    if kind == "webarchive":
        return finish_source(load_webarchive(path, data, limits))
    limit = limits.max_document_bytes if kind == "html" else limits.max_text_bytes
    check_document_size(path, len(data), limit)
    if kind == "html":
        text, used = decode_forced(data, encoding) if encoding else decode_html(path, data)
        return finish_source(Source(
            path=path, format="html", text=text, encoding=used,
            url=find_original_url(text), resources_dir=find_resources_dir(name_hint)))
    text, used = decode_forced(data, encoding) if encoding else decode_text(path, data)
    return finish_source(Source(path=path, format="text", text=text, encoding=used))
