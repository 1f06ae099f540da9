"""What the reading view may load: the article's own images, nothing else.

QTextBrowser never fetches http(s) by itself but does read ``file://`` and relative paths; the
view's ``loadResource`` answers through :func:`load_resource`, which only hands out ``data:`` URLs,
the Source's saved parts and files strictly inside its ``resources_dir``.
"""

from __future__ import annotations

import base64
import logging
import urllib.parse
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument

from reader.core.model import Resource

log = logging.getLogger(__name__)

# An article's own image larger than this is refused rather than decoded (decompression bombs).
MAX_IMAGE_BYTES = 25 * 1024 * 1024


def blank_image() -> QImage:
    """A 1x1 transparent image: what a refused image becomes."""
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    return image


def decode_data_url(url: str) -> bytes | None:
    """The bytes of a ``data:`` URL, or None when it is malformed."""
    header, sep, payload = url.partition(",")
    if not sep or not header.lower().startswith("data:"):
        return None
    try:
        if header.lower().endswith(";base64"):
            return base64.b64decode(urllib.parse.unquote(payload), validate=False)
        return urllib.parse.unquote_to_bytes(payload)
    except ValueError:
        return None


def local_file_inside(ref: str, resources_dir: Path | None) -> Path | None:
    """The file ``ref`` names if it lies strictly inside ``resources_dir`` (symlinks, .. resolved)."""
    if resources_dir is None:
        return None
    url = QUrl(ref)
    if url.scheme() == "file":
        candidate = Path(url.toLocalFile())
    elif url.scheme() == "" and ref:
        path = Path(urllib.parse.unquote(url.path() or ref))
        candidate = path if path.is_absolute() else resources_dir / path
        if not candidate.exists():  # "NAME_files/x.png" written relative to the page itself
            candidate = resources_dir.parent / path
    else:
        return None
    try:
        root = resources_dir.resolve(strict=True)
        resolved = candidate.resolve(strict=True)
    except (OSError, RuntimeError) as exc:  # missing (a page's image not saved), or a symlink loop
        log.debug("image %s not found in %s: %s", ref, resources_dir, exc)
        return None
    if resolved == root or not resolved.is_relative_to(root) or not resolved.is_file():
        return None
    return resolved


def article_image_bytes(ref: str, resources: Mapping[str, Resource],
                        resources_dir: Path | None) -> bytes | None:
    """The bytes of one of the article's own images: a data: URL, a saved part, a local file."""
    if ref.lower().startswith("data:"):
        return decode_data_url(ref)
    if ref in resources:
        return resources[ref].data
    path = local_file_inside(ref, resources_dir)
    if path is None or path.stat().st_size > MAX_IMAGE_BYTES:
        return None
    try:
        return path.read_bytes()
    except OSError as exc:
        log.warning("image %s not read: %s", path, exc)
        return None


def load_resource(kind: int, ref: str, resources: Mapping[str, Resource],
                  resources_dir: Path | None) -> QImage | str:
    """What the document gets for a resource: the article's own image, else a blank."""
    if kind != QTextDocument.ResourceType.ImageResource.value:
        return ""
    data = article_image_bytes(ref, resources, resources_dir)
    image = QImage.fromData(data) if data else QImage()
    return blank_image() if image.isNull() else image
