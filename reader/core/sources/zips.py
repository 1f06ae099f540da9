"""ZIP archives (SingleFile ZIP saves, WACZ), read with bounds so a hostile archive cannot hurt.

A ZIP's central directory states each entry's size; a zip bomb lies about it or packs a huge
entry into a few bytes. So: the number of entries is bounded, each entry is read through a
decompressor with a hard byte limit (whatever the directory says), and the sum of everything
read from one archive is bounded too. Entries are only ever read, never written to disk.
"""

from __future__ import annotations

import io
import logging
import zipfile
import zlib
from pathlib import Path

from reader.core import errors
from reader.core.sources.files import Limits, human_size

log = logging.getLogger(__name__)

# An entry that is itself an archive: a page inside it would need a second unpacking.
NESTED_SUFFIXES = (".zip", ".wacz", ".gz", ".7z", ".rar", ".tar", ".bz2", ".xz")


class BoundedZip:
    """A read-only view of a ZIP in memory that refuses to unpack more than ``limits`` allow."""

    def __init__(self, path: Path, data: bytes, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        self.unpacked = 0  # bytes read out of the archive so far
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(data))
            infos = self.archive.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
            log.info("%s: not a readable ZIP (%s)", path.name, exc)
            raise errors.Malformed(path, errors.Malformed.DAMAGED_ZIP) from None
        if len(infos) > limits.max_parts:
            raise errors.TooLarge(path, errors.TooLarge.UNPACKED)
        self.entries = {info.filename: info for info in infos if not info.is_dir()}

    def names(self) -> list[str]:
        return list(self.entries)

    def has(self, name: str) -> bool:
        return name in self.entries

    def read(self, name: str, limit: int | None = None) -> bytes:
        """One entry's bytes; TooLarge when it (or the archive so far) unpacks beyond the limits."""
        info = self.entries[name]
        limit = self.limits.max_record_bytes if limit is None else limit
        budget = self.limits.max_archive_bytes - self.unpacked
        cap = min(limit, budget)
        if info.file_size > cap:
            raise errors.TooLarge(self.path, errors.TooLarge.PART, size=human_size(info.file_size),
                                  limit=human_size(cap))
        try:
            with self.archive.open(info) as handle:
                data = handle.read(cap + 1)  # the directory may lie: never read past the cap
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error, NotImplementedError) as exc:
            log.info("%s: entry %s unreadable (%s)", self.path.name, name, exc)
            raise errors.Malformed(self.path, errors.Malformed.DAMAGED_ZIP) from None
        if len(data) > cap:
            raise errors.TooLarge(self.path, errors.TooLarge.UNPACKED)
        self.unpacked += len(data)
        return data


def is_nested_archive(name: str) -> bool:
    return name.lower().endswith(NESTED_SUFFIXES)
