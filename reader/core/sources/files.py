"""Reading a file's bytes, within limits: size checks, gzip, and the limits themselves.

The file is opened read-only, read once, and never written, moved or locked.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path

from reader.core import errors

MiB = 1024 * 1024
# readability-lxml needed 19 s and 640 MB on a 27 MB page here; 12 MiB of HTML or text keeps
# extraction under the robustness issue's 10 s / 500 MB bounds with room to spare.
MAX_DOCUMENT_BYTES = 12 * MiB
# Plain text costs the text extractor up to ~3 s and 45 MB per MB here (short lines: 11 MB took
# 24 s and 523 MB); 1 MiB keeps it well within the 10 s / 500 MB bounds on a busy machine and
# is 16x the longest text article of the dev corpus (65 KB): a novella, not a news story.
MAX_TEXT_BYTES = 1 * MiB
# Archives (MHTML, webarchive) carry their images inline; a long photo story saves to ~40 MB.
MAX_FILE_BYTES = 96 * MiB
# How far into a file we look to decide what it is (sniffing, <meta charset>, "saved from url").
SNIFF_BYTES = 64 * 1024
# Real saves hold a few hundred parts at most; a hostile archive may hold millions of empty ones.
MAX_MIME_PARTS = 5000
# Web archives (WARC, WACZ), ZIP saves and PDFs hold a whole crawl or many images: the issue's
# target is a 200 MB WARC; 320 MiB read once keeps the peak under its 500 MB bound (measured in
# tests/benchmarks/bench_formats.py), and anything bigger is a crawl, not an article.
MAX_ARCHIVE_BYTES = 320 * MiB
# One archive record, ZIP entry or message that claims to be a page is read up to this size; the
# page itself must still fit MAX_DOCUMENT_BYTES once its inline images are set aside.
MAX_RECORD_BYTES = 48 * MiB
# An archive lists at most this many pages (a crawl of a whole site has tens of thousands): the
# picker stays usable and listing stays within the 3 s target on a 200 MB WARC.
MAX_PAGES = 2000
GZIP_MAGIC = b"\x1f\x8b"
# Files allowed past MAX_FILE_BYTES (up to MAX_ARCHIVE_BYTES), by their names.
ARCHIVE_NAME_ENDINGS = (".warc", ".warc.gz", ".wacz", ".zip", ".pdf", ".mbox")
WARC_MAGIC = b"WARC/"
ZIP_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF-"
# A ZIP's end-of-central-directory record: 22 bytes plus a comment of at most 64 KiB at the end.
EOCD_MAGIC = b"PK\x05\x06"
EOCD_REACH = 22 + 64 * 1024
# An ArchiveBox snapshot is a folder; this file inside it says what the folder holds.
SNAPSHOT_INDEX = "index.json"


@dataclass(frozen=True)
class Limits:
    """Size limits, configurable in the settings; the defaults are the constants above."""

    max_file_bytes: int = MAX_FILE_BYTES
    max_document_bytes: int = MAX_DOCUMENT_BYTES
    max_text_bytes: int = MAX_TEXT_BYTES
    max_parts: int = MAX_MIME_PARTS
    max_archive_bytes: int = MAX_ARCHIVE_BYTES
    max_record_bytes: int = MAX_RECORD_BYTES
    max_pages: int = MAX_PAGES


DEFAULT_LIMITS = Limits()


def read_bytes(path: Path, limits: Limits) -> bytes:
    """The file's bytes, read-only, after checking it exists, is a file and is not too big."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise errors.NotFound(path) from None
    except PermissionError:
        raise errors.PermissionDenied(path) from None
    except ValueError:  # a NUL byte in the name: no such file can exist
        raise errors.NotFound(path, errors.NotFound.BAD_NAME) from None
    except OSError as exc:
        raise errors.NotFound(path, errors.NotFound.UNREACHABLE, reason=exc.strerror or exc) from None
    if path.is_dir():
        if (path / SNAPSHOT_INDEX).is_file():  # an ArchiveBox snapshot reads as its index
            return read_bytes(path / SNAPSHOT_INDEX, limits)
        raise errors.IsDirectory(path)
    if not path.is_file():
        raise errors.UnsupportedFormat(path)
    limit = file_limit(path, info.st_size, limits)
    if info.st_size > limit:
        raise errors.TooLarge(path, size=human_size(info.st_size), limit=human_size(limit))
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except PermissionError:
        raise errors.PermissionDenied(path) from None
    except IsADirectoryError:
        raise errors.IsDirectory(path) from None
    except OSError as exc:
        raise errors.NotFound(path, errors.NotFound.UNREADABLE, reason=exc.strerror or exc) from None
    if not data.strip():
        raise errors.EmptyFile(path)
    return data


def file_limit(path: Path, size: int, limits: Limits) -> int:
    """How many bytes of this file Sift reads: more for archives and PDFs, which carry images.

    Decided by the name, so a file over the ordinary limit is refused without being opened.
    """
    name = path.name.lower()
    if size > limits.max_file_bytes and name.endswith(ARCHIVE_NAME_ENDINGS):
        return limits.max_archive_bytes
    return limits.max_file_bytes


def gzipped_warc(head: bytes) -> bool:
    """True for a .warc.gz: gzip members whose first one starts a WARC record."""
    if not head.startswith(GZIP_MAGIC):
        return False
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, len(WARC_MAGIC)) == WARC_MAGIC
    except zlib.error:
        return False


def is_warc(head: bytes) -> bool:
    """True for a WARC, plain or gzip-compressed (per record, as crawlers write them)."""
    return head.startswith(WARC_MAGIC) or gzipped_warc(head[:1024])


def has_zip_directory(data: bytes) -> bool:
    """True when the bytes end like a ZIP (possibly with a page before it: a self-extracting save)."""
    return EOCD_MAGIC in data[-EOCD_REACH:] and ZIP_MAGIC in data


def is_snapshot(path: Path) -> bool:
    """True for an ArchiveBox snapshot folder; a path that cannot be looked at is left to read_bytes."""
    try:
        return path.is_dir() and (path / SNAPSHOT_INDEX).is_file()
    except (OSError, ValueError):
        return False


def check_document_size(path: Path, size: int, limit: int) -> None:
    if size > limit:
        raise errors.TooLarge(path, errors.TooLarge.TEXT, size=human_size(size), limit=human_size(limit))


def gunzip(path: Path, data: bytes, limits: Limits) -> bytes:
    """A gzip-compressed save, decompressed with a bound so a small bomb cannot fill memory."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limits.max_file_bytes + 1)
    except zlib.error:
        raise errors.Malformed(path, errors.Malformed.DAMAGED_GZIP) from None
    if len(out) > limits.max_file_bytes or inflater.unconsumed_tail:
        raise errors.TooLarge(path, errors.TooLarge.UNPACKED)
    if out.startswith(GZIP_MAGIC):
        raise errors.UnsupportedFormat(path, errors.UnsupportedFormat.DOUBLE_COMPRESSED)
    if not out.strip():
        raise errors.EmptyFile(path)
    return out


def human_size(size: int) -> str:
    """A byte count the way people say it: "96 MB", "12 KB", "300 bytes"."""
    if size >= MiB:
        return f"{size / MiB:.0f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"
