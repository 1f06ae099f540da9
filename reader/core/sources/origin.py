"""What a saved file says about where it came from: the address, the save date, its resources folder."""

from __future__ import annotations

import email.utils
import re
from pathlib import Path

from reader.core.sources.files import SNIFF_BYTES

# Patterns on untrusted text: [^<>] stops a scan at the next tag, so none backtracks more than linearly.

_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.I)
_TAG = re.compile(r"<(?:meta|link)\b[^<>]*>", re.I)
_ATTR = re.compile(r"""([a-zA-Z:_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_WEB_URL = re.compile(r"https?://", re.I)
# Endings browsers give the resources folder of a "Web page, complete" save, by locale.
RESOURCE_DIR_ENDINGS = ("_files", "-Dateien", "_fichiers", "_archivos", "_arquivos", "_file",
                        "_bestanden", "_pliki", "-filer")


def web_url(url: str | None) -> str | None:
    """``url`` when it is a web address (http or https), else None."""
    return url if url and _WEB_URL.match(url) else None


def find_original_url(html: str) -> str | None:
    """The page's address as the save records it: "saved from url", canonical link, og:url."""
    head = html[:SNIFF_BYTES]
    saved = _SAVED_FROM.search(head)
    canonical = og_url = None
    for tag in _TAG.finditer(head):
        attrs = {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None)
                 for m in _ATTR.finditer(tag.group(0))}
        if "canonical" in attrs.get("rel", "").lower().split() and attrs.get("href"):
            canonical = canonical or attrs["href"]
        if attrs.get("property", attrs.get("name", "")).lower() == "og:url" and attrs.get("content"):
            og_url = og_url or attrs["content"]
    candidates = (canonical, og_url, saved.group(1) if saved else None)
    return next((url.strip() for url in candidates if url and web_url(url.strip())), None)


def find_resources_dir(path: Path) -> Path | None:
    """The "NAME_files" folder a browser's "Web page, complete" save puts beside the page."""
    for ending in RESOURCE_DIR_ENDINGS:
        for candidate in (path.with_name(path.stem + ending), path.with_name(path.name + ending)):
            if candidate.is_dir():
                return candidate
    return None


def iso_date(value: object) -> str | None:
    """An RFC 2822 date header as ISO 8601, or None."""
    try:
        parsed = email.utils.parsedate_to_datetime(str(value)) if value else None
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return parsed.isoformat() if parsed else None
