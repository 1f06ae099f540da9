"""Which images of a page Sift may show: only those saved with it, never anything remote.

An image is local when it is a ``data:`` URL, a part of the MHTML/webarchive file, or a file
inside the page's "NAME_files" folder. Nothing is fetched and no path may leave that folder.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from reader.core.model import Source

log = logging.getLogger(__name__)

# A data: URL longer than this is not kept inline (a 12 MiB page could hold one huge image).
MAX_DATA_URL_CHARS = 4 * 1024 * 1024
# Shorter data: URLs are spacers, icons and lazy-loading placeholders (a transparent 1x1 GIF is
# ~70 characters, a 16x16 icon a few hundred), not pictures of the story.
MIN_DATA_URL_CHARS = 1024


def local_image(src: str, source: Source) -> str | None:
    """The local reference for an <img src>: the data: URL, the resource key or a file path."""
    src = src.strip()
    if not src:
        return None
    if src[:5].lower() == "data:":
        is_picture = (src[:11].lower() == "data:image/"
                      and MIN_DATA_URL_CHARS <= len(src) <= MAX_DATA_URL_CHARS)
        return src if is_picture else None
    if source.resources:
        for key in (src, urljoin(source.url or "", src)):
            if key in source.resources and source.resources[key].media_type.startswith("image/"):
                return key
    if source.resources_dir is not None:
        return saved_file(src, source.path.parent, source.resources_dir)
    return None


def saved_file(src: str, page_dir: Path, resources_dir: Path) -> str | None:
    """The file a relative src names inside the resources folder, if it is there."""
    parts = urlsplit(src)
    if parts.scheme or parts.netloc:
        return None
    try:
        candidate = (page_dir / unquote(parts.path)).resolve()
        folder = resources_dir.resolve()
    except (OSError, ValueError) as exc:  # a NUL byte or a symlink loop in the page's src
        log.debug("image source %r not resolved: %s", src[:200], exc)
        return None
    if folder not in candidate.parents or not candidate.is_file():
        return None
    return str(candidate)
