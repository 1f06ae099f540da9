"""ArchiveBox snapshot folders: ``index.json`` plus one output per archiving method.

The best representation of the page is opened: the SingleFile save (complete, images inline),
then the DOM dump (the page as the browser built it), then the wget copy. The URL, title and
date come from ``index.json``. Only files inside the folder are read.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path

from reader.core import errors
from reader.core.model import Source
from reader.core.sources.charsets import decode_forced, decode_html
from reader.core.sources.files import SNAPSHOT_INDEX, Limits, check_document_size, read_bytes
from reader.core.sources.origin import web_url
from reader.core.sources.singlefile import load_singlefile

log = logging.getLogger(__name__)

# index.json's "canonical" keys in order of preference, with the file names older versions used.
OUTPUTS = (("singlefile_path", ("singlefile.html",)),
           ("dom_path", ("output.html", "dom.html")),
           ("wget_path", ()))




def load_snapshot(path: Path, limits: Limits, encoding: str | None) -> Source:
    """The snapshot's best saved page, with the origin its index records."""
    index = read_index(path, limits)
    for key, names in OUTPUTS:
        for candidate in candidates(path, index, key, names):
            data = read_bytes(candidate, limits)
            if key == "singlefile_path":
                source = load_singlefile(path, data, limits, encoding)
            else:
                check_document_size(path, len(data), limits.max_document_bytes)
                text, used = decode_forced(data, encoding) if encoding else decode_html(path, data)
                source = Source(path=path, format="archivebox", text=text, encoding=used)
            return Source(path=path, format="archivebox", text=source.text, encoding=source.encoding,
                          container=key.removesuffix("_path"),
                          url=web_url(text_field(index, "url")) or source.url,
                          title_hint=text_field(index, "title"), saved=saved_date(index) or source.saved)
    raise errors.Malformed(path, errors.Malformed.SNAPSHOT_WITHOUT_PAGE)


def read_index(path: Path, limits: Limits) -> dict[str, object]:
    try:
        index = json.loads(read_bytes(path / SNAPSHOT_INDEX, limits))
    except ValueError:
        raise errors.Malformed(path, errors.Malformed.SNAPSHOT_WITHOUT_PAGE) from None
    if not isinstance(index, dict):
        raise errors.Malformed(path, errors.Malformed.SNAPSHOT_WITHOUT_PAGE)
    return index


def candidates(folder: Path, index: dict[str, object], key: str, names: tuple[str, ...]) -> list[Path]:
    """Existing files for one output, strictly inside the folder (index.json is not trusted)."""
    canonical = index.get("canonical")
    listed = canonical.get(key) if isinstance(canonical, dict) else None
    paths = [listed] if isinstance(listed, str) and listed else []
    paths += list(names)
    root = folder.resolve()
    found = []
    for name in paths:
        try:
            candidate = (folder / name).resolve()
        except (OSError, ValueError):
            continue
        is_page = candidate.suffix.lower() in (".html", ".htm")
        if root in candidate.parents and candidate.is_file() and is_page:
            found.append(candidate)
    return found


def text_field(index: dict[str, object], key: str) -> str | None:
    value = index.get(key)
    return value.strip() or None if isinstance(value, str) else None


def saved_date(index: dict[str, object]) -> str | None:
    """The snapshot's time: its ``timestamp`` (Unix seconds, as a string) in UTC, ISO 8601."""
    try:
        stamp = float(str(index.get("timestamp", "")))
        return datetime.fromtimestamp(stamp, UTC).isoformat()
    except (ValueError, OverflowError, OSError):
        return None
