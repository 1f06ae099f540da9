"""SingleFile saves: plain HTML (images inline as ``data:`` URIs), ZIP, and self-extracting ZIP.

A plain save is HTML with a comment that records the address and the save date. A ZIP save
holds ``index.html`` and its resources. A self-extracting save is an HTML page that is also a
ZIP (the archive sits in a comment, a script unpacks it in a browser): the ZIP is read
directly; the script is never run.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime
from pathlib import Path
from posixpath import normpath
from typing import TYPE_CHECKING

from reader.core import errors
from reader.core.model import Resource, Source
from reader.core.sources.charsets import decode_forced, decode_html
from reader.core.sources.files import SNIFF_BYTES, Limits, check_document_size
from reader.core.sources.origin import find_original_url, web_url

if TYPE_CHECKING:
    from reader.core.sources.zips import BoundedZip

log = logging.getLogger(__name__)

ZIP_PAGE = "index.html"
# The comment SingleFile writes near the top of every save (the URL and the date it was saved).
_SAVED_WITH = re.compile(
    r"<!--\s*Page saved with SingleFile\s*url:\s*(\S+)\s*saved date:\s*([^\n\r]*?)\s*(?:-->|[\r\n])", re.I
)
_SAVED_WITH_BYTES = b"Page saved with SingleFile"
# The date as JavaScript's Date.toString() writes it: "Sun Mar 09 2025 10:15:00 GMT+0100 (CET)".
JS_DATE_FORMAT = "%a %b %d %Y %H:%M:%S GMT%z"
# Inline data: URIs longer than this are dropped before extraction: the extractor shows images
# of at most 4 MiB (extract/html/images.py, MAX_DATA_URL_CHARS); longer ones and inline fonts
# would only count against the page's size limit and the parser's memory.
MAX_INLINE_IMAGE_CHARS = 4 * 1024 * 1024
# data: URIs in attributes and CSS; a scan stops at a quote, a bracket or whitespace (linear).
_DATA_URI = re.compile(rb"""data:([a-zA-Z0-9.+/-]*)[^"'()\s<>]*""")
# Resource entries a ZIP save may hold, by suffix (the page names them by their path in the ZIP).
IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
               ".webp": "image/webp", ".svg": "image/svg+xml", ".avif": "image/avif", ".bmp": "image/bmp"}


def is_singlefile(head: bytes) -> bool:
    return _SAVED_WITH_BYTES in head[:SNIFF_BYTES]


def saved_with(text: str) -> tuple[str | None, str | None]:
    """The (url, ISO date) of SingleFile's comment, each None when absent or unreadable."""
    match = _SAVED_WITH.search(text[:SNIFF_BYTES])
    if not match:
        return None, None
    return web_url(match.group(1)), js_date(match.group(2))


def js_date(value: str) -> str | None:
    """JavaScript's Date.toString() (the timezone name in brackets dropped) as ISO 8601."""
    try:
        return datetime.strptime(value.split(" (")[0].strip(), JS_DATE_FORMAT).isoformat()
    except ValueError:
        return None


def slim_inline_data(data: bytes) -> bytes:
    """The page without the inline data it cannot show: fonts, and images beyond the size limit."""
    def keep(match: re.Match[bytes]) -> bytes:
        is_image = match.group(1).lower().startswith(b"image/")
        return match.group(0) if is_image and len(match.group(0)) <= MAX_INLINE_IMAGE_CHARS else b"data:,"

    return _DATA_URI.sub(keep, data) if b"data:" in data else data


def load_singlefile(path: Path, data: bytes, limits: Limits, encoding: str | None) -> Source:
    """A plain SingleFile save: HTML whose images are data: URIs, with its origin in a comment."""
    data = slim_inline_data(data)
    check_document_size(path, len(data), limits.max_document_bytes)
    text, used = decode_forced(data, encoding) if encoding else decode_html(path, data)
    url, saved = saved_with(text)
    return Source(path=path, format="singlefile", text=text, encoding=used,
                  url=url or find_original_url(text), saved=saved)


def load_singlefile_zip(path: Path, data: bytes, limits: Limits, container: str = "zip") -> Source:
    """A ZIP save (or the ZIP inside a self-extracting page): index.html and its resources."""
    from reader.core.sources.zips import BoundedZip, is_nested_archive  # zipfile: slow to import

    archive = BoundedZip(path, data, limits)
    if not archive.has(ZIP_PAGE):
        if any(is_nested_archive(n) for n in archive.names()):
            raise errors.UnsupportedFormat(path, errors.UnsupportedFormat.NESTED_ARCHIVE)
        raise errors.Malformed(path, errors.Malformed.ZIP_WITHOUT_PAGE)
    page = slim_inline_data(archive.read(ZIP_PAGE))
    check_document_size(path, len(page), limits.max_document_bytes)
    text, encoding = decode_html(path, page)
    url, saved = saved_with(text)
    return Source(path=path, format="singlefile-zip", text=text, encoding=encoding, container=container,
                  url=url or find_original_url(text), saved=saved, resources=zip_images(archive))


def zip_images(archive: BoundedZip) -> dict[str, Resource]:
    """The images of a ZIP save, by their path inside it (as index.html names them)."""
    resources: dict[str, Resource] = {}
    for name in archive.names():
        media_type = IMAGE_TYPES.get(Path(name).suffix.lower())
        if media_type is None or len(resources) >= archive.limits.max_parts:
            continue
        try:
            payload = archive.read(name)
        except errors.TooLarge:
            log.info("%s: image %s too large, left out", archive.path.name, name)
            continue
        key = normpath(name)
        for alias in (key, "./" + key):
            resources[alias] = Resource(url=alias, media_type=media_type, data=payload)
    return resources
