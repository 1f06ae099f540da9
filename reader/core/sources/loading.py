"""Saved-article files → :class:`Source`: the one entry point, :func:`load` (and :func:`list_pages`).

The file is opened read-only, read once, and never written, moved or locked; nothing next to it
is created. What cannot be read becomes a typed :class:`~reader.core.errors.ReaderError`.
The stages live in their own modules: files (bytes and limits), sniff (which format), charsets
(bytes → text), origin (address, date, resources folder), one module per saved form (mhtml,
webarchive, singlefile, warc, archivebox, mail, pdf; zips and mime are their readers), and
sanitize (text every consumer accepts).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from reader.core import errors
from reader.core.model import Source
from reader.core.sources.charsets import decode_forced, decode_html, decode_text
from reader.core.sources.files import (
    DEFAULT_LIMITS,
    GZIP_MAGIC,
    Limits,
    check_document_size,
    gunzip,
    has_zip_directory,
    is_snapshot,
    is_warc,
    read_bytes,
)
from reader.core.sources.mhtml import load_mhtml
from reader.core.sources.origin import find_original_url, find_resources_dir
from reader.core.sources.pages import Page
from reader.core.sources.sanitize import finish_source
from reader.core.sources.singlefile import is_singlefile, load_singlefile, load_singlefile_zip
from reader.core.sources.sniff import sniff_format
from reader.core.sources.webarchive import load_webarchive

# The readers of the other saved forms (archivebox, warc, mail, pdf, zips) are imported when a file
# of theirs is opened: zipfile, email and the PDF code would cost every HTML page's first open ~40 ms.

__all__ = ["Limits", "Page", "list_pages", "load"]

log = logging.getLogger(__name__)

# The suffixes under which a damaged ZIP was meant to be one of ours (else it is "a ZIP archive").
OUR_ZIP_SUFFIXES = (".zip", ".wacz")
ZIP_KIND = "a ZIP archive (or an Office or EPUB document)"


def load(path: str | Path, limits: Limits = DEFAULT_LIMITS, encoding: str | None = None,
         data: bytes | None = None, page: str | None = None) -> Source:
    """Read a saved article file, whatever its format and encoding, without changing it.

    ``encoding`` is the reader's override (View › Text Encoding) for HTML and text files;
    ``data``: the file's bytes when the caller has read them already (with :func:`read_bytes`);
    ``page``: which page of a web archive or mailbox (a key from :func:`list_pages`; None: the main one).
    """
    path = Path(os.path.abspath(Path(path).expanduser()))
    if is_snapshot(path):
        from reader.core.sources.archivebox import load_snapshot

        return finish_source(load_snapshot(path, limits, encoding))
    data = read_bytes(path, limits) if data is None else data
    if is_warc(data[:1024]):  # before gunzip: a .warc.gz is read record by record
        return finish_source(load_container(path, path, "warc", data, limits, page))
    name_hint = path
    if data.startswith(GZIP_MAGIC):
        data = gunzip(path, data, limits)
        name_hint = path.with_suffix("") if path.suffix.lower() == ".gz" else path
    if data.lstrip()[:1] == b"<" and has_zip_directory(data):  # before sniffing: ZIP bytes look binary
        self_extracting = read_self_extracting(path, data, limits)
        if self_extracting is not None:
            return finish_source(self_extracting)
    kind = sniff_format(name_hint, data)
    if kind == "mhtml":
        return finish_source(load_mhtml(path, data, limits))
    if kind == "webarchive":
        return finish_source(load_webarchive(path, data, limits))
    if kind in ("pdf", "zip", "warc", "eml", "mbox"):
        return finish_source(load_container(path, name_hint, kind, data, limits, page))
    limit = limits.max_document_bytes if kind == "html" else limits.max_text_bytes
    if kind == "html" and is_singlefile(data):
        return finish_source(load_singlefile(path, data, limits, encoding))
    check_document_size(path, len(data), limit)
    if kind == "html":
        text, used = decode_forced(data, encoding) if encoding else decode_html(path, data)
        return finish_source(Source(
            path=path, format="html", text=text, encoding=used,
            url=find_original_url(text), resources_dir=find_resources_dir(name_hint)))
    text, used = decode_forced(data, encoding) if encoding else decode_text(path, data)
    return finish_source(Source(path=path, format="text", text=text, encoding=used))


def load_container(path: Path, name_hint: Path, kind: str, data: bytes, limits: Limits,
                   page: str | None) -> Source:
    """The formats that hold a page rather than being one: PDF, ZIP saves, WARC, WACZ, e-mail."""
    if kind == "pdf":
        from reader.core.sources.pdf import load_pdf

        return load_pdf(path, data)
    if kind == "eml":
        from reader.core.sources.mail import load_email

        return load_email(path, data, limits)
    if kind == "mbox":
        from reader.core.sources.mail import load_mbox

        return load_mbox(path, data, limits, page)
    from reader.core.sources.warc import WebArchive, is_wacz

    if kind == "warc" or is_wacz(zip_names(path, name_hint, data, limits)):
        return WebArchive(path, data, limits).source(page)
    return load_singlefile_zip(path, data, limits)


def zip_names(path: Path, name_hint: Path, data: bytes, limits: Limits) -> list[str]:
    """The entries of a ZIP; a ZIP that is not readable, under a name that is not ours, is named."""
    from reader.core.sources.zips import BoundedZip

    try:
        return BoundedZip(path, data, limits).names()
    except errors.Malformed:
        if name_hint.suffix.lower() in OUR_ZIP_SUFFIXES:
            raise
        raise errors.UnsupportedFormat(path, errors.UnsupportedFormat.KNOWN_BINARY, what=ZIP_KIND) from None


def read_self_extracting(path: Path, data: bytes, limits: Limits) -> Source | None:
    """The page inside a self-extracting SingleFile save, or None when the HTML holds no such ZIP."""
    try:
        return load_singlefile_zip(path, data, limits, container="self-extracting")
    except errors.Malformed as exc:  # a page that merely mentions PK bytes is just a page
        log.info("%s: HTML with ZIP markers but no readable save inside (%s)", path.name, exc)
        return None


def list_pages(path: str | Path, limits: Limits = DEFAULT_LIMITS, data: bytes | None = None) -> list[Page]:
    """The pages of a web archive or a mailbox, main page first; [] for a file of one article."""
    path = Path(os.path.abspath(Path(path).expanduser()))
    if is_snapshot(path):
        return []
    data = read_bytes(path, limits) if data is None else data
    if data.startswith(GZIP_MAGIC) and not is_warc(data[:1024]):
        return []
    kind = "warc" if is_warc(data[:1024]) else sniff_format(path, data)
    if kind == "mbox":
        from reader.core.sources.mail import mbox_pages

        return mbox_pages(path, data, limits)
    from reader.core.sources.warc import WebArchive, is_wacz

    if kind == "warc" or (kind == "zip" and is_wacz(zip_names(path, path, data, limits))):
        return WebArchive(path, data, limits).pages()
    return []
