"""A saved page's own images for an export (EPUB), without Qt: the Source's saved parts (MHTML,
web archives), else files strictly inside its ``NAME_files`` folder. Nothing is fetched, and a
reference that leaves the folder (``..``, a symlink out) is refused, as in the reading view
(reader/ui/reading/article_resources.py, which resolves the same references with Qt's URLs).
"""

from __future__ import annotations

import logging
import urllib.parse
import urllib.request
from pathlib import Path

from reader.core.export.epub import MAX_IMAGE_BYTES, ImageLookup
from reader.core.model import Resource, Source

log = logging.getLogger(__name__)

# The image types an EPUB takes, told by their first bytes (a file's name may lie).
IMAGE_MAGIC = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"),
               (b"GIF87a", "image/gif"), (b"GIF89a", "image/gif"))


def image_type(data: bytes) -> str | None:
    return next((kind for magic, kind in IMAGE_MAGIC if data.startswith(magic)), None)


def file_inside(ref: str, resources_dir: Path | None) -> Path | None:
    """The file ``ref`` (relative, or a file: URL) names if it lies strictly inside ``resources_dir``."""
    if resources_dir is None or not ref:
        return None
    parts = urllib.parse.urlsplit(ref)
    if parts.scheme == "file":
        candidate = Path(urllib.request.url2pathname(parts.path))
    elif parts.scheme == "" and not parts.netloc:
        path = Path(urllib.parse.unquote(parts.path))
        candidate = path if path.is_absolute() else resources_dir / path
        if not candidate.exists():  # "NAME_files/x.png", written relative to the page itself
            candidate = resources_dir.parent / path
    else:
        return None
    try:
        root = resources_dir.resolve(strict=True)
        resolved = candidate.resolve(strict=True)
    except (OSError, RuntimeError) as exc:  # not saved with the page, or a symlink loop
        log.debug("image %s not found in %s: %s", ref, resources_dir, exc)
        return None
    if resolved == root or not resolved.is_relative_to(root) or not resolved.is_file():
        return None
    return resolved


def saved_images(source: Source) -> ImageLookup:
    """Look up an image block's reference among the page's own saved images."""

    def lookup(ref: str) -> Resource | None:
        if ref in source.resources:
            return source.resources[ref]
        path = file_inside(ref, source.resources_dir)
        if path is None:
            return None
        try:
            if path.stat().st_size > MAX_IMAGE_BYTES:
                return None
            data = path.read_bytes()
        except OSError as exc:
            log.warning("image %s not read: %s", path, exc)
            return None
        kind = image_type(data)
        return None if kind is None else Resource(ref, kind, data)

    return lookup
