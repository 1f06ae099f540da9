"""Safe reading and writing of Sift's own JSON files.

Writes are atomic (temporary file, fsync, rename) so a crash never leaves half a file. A file
that cannot be read back is renamed aside with a ``.corrupt-<time>`` suffix and reported once:
the caller gets defaults and a sentence for people, and the next start finds no broken file.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CORRUPT_SUFFIX = ".corrupt-"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReadResult:
    """What a JSON file held (None when missing or set aside) and any problem to report."""

    data: dict[str, Any] | None
    problem: str | None = None


# Sift's own state is the user's alone; what other programs read (exports, desktop entries) is
# readable by all, as the user's usual umask would make it.
PRIVATE_FILE_MODE = 0o600
SHARED_FILE_MODE = 0o644


def write_atomic(path: Path, data: bytes, mode: int = PRIVATE_FILE_MODE) -> None:
    """Replace ``path`` with ``data`` all at once: temp file in the same folder, fsync, rename.

    A replaced file keeps its permissions; a new one gets ``mode`` (private state by default,
    ``SHARED_FILE_MODE`` for exports and desktop files other programs read)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:  # a new file: it gets ``mode``
        pass
    except OSError as exc:
        log.warning("permissions of %s not read (%s); writing it with %o", path, exc, mode)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows opening folders."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as exc:  # Windows cannot open folders; the rename happened, only its durability is unsure
        log.debug("folder %s not opened to sync it: %s", folder, exc)
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        log.debug("folder %s not synced: %s", folder, exc)
    finally:
        os.close(fd)


def json_bytes(data: dict[str, Any]) -> bytes:
    """A state file's bytes (stable key order, readable by people)."""
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


def write_json(path: Path, data: dict[str, Any]) -> None:
    write_atomic(path, json_bytes(data))


def read_json(path: Path) -> ReadResult:
    """The object stored at ``path``; a damaged file is set aside and described, never raised."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return ReadResult(None)
    except OSError as exc:
        log.warning("%s not read: %s", path, exc)
        return ReadResult(None, f"Sift could not read {path.name} ({exc.strerror or exc}) "
                                "and started with default values.")
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
    except (UnicodeDecodeError, ValueError) as exc:
        log.warning("%s is damaged (%s); setting it aside", path, exc)
        aside = set_aside(path)
        where = f"; it was kept as {aside.name}" if aside else ""
        return ReadResult(None, f"{path.name} was damaged, so Sift started with default values{where}.")
    return ReadResult(data)


def set_aside(path: Path) -> Path | None:
    """Rename a damaged file out of the way; None when even that is impossible."""
    aside = path.with_name(path.name + CORRUPT_SUFFIX + time.strftime("%Y%m%d-%H%M%S"))
    try:
        os.replace(path, aside)
    except OSError as exc:
        log.warning("damaged %s not set aside: %s", path, exc)
        return None
    return aside
