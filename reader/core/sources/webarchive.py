"""Safari .webarchive → Source: a property list with a main resource and subresources."""

from __future__ import annotations

import plistlib
from pathlib import Path

from reader.core import errors
from reader.core.model import Resource, Source
from reader.core.sources.charsets import decode_html, python_codec
from reader.core.sources.files import Limits, check_document_size
from reader.core.sources.origin import find_original_url, web_url


def load_webarchive(path: Path, data: bytes, limits: Limits) -> Source:
    """A Safari .webarchive: a binary property list with a main resource and subresources."""
    try:
        archive = plistlib.loads(data)
    except Exception:  # plistlib raises several kinds (and RecursionError) on damaged input
        raise errors.Malformed(path, errors.Malformed.DAMAGED_WEBARCHIVE) from None
    main = archive.get("WebMainResource") if isinstance(archive, dict) else None
    body = main.get("WebResourceData") if isinstance(main, dict) else None
    if not isinstance(main, dict) or not isinstance(body, bytes):
        raise errors.Malformed(path, errors.Malformed.WEBARCHIVE_WITHOUT_PAGE)
    check_document_size(path, len(body), limits.max_document_bytes)
    charset = python_codec(plist_text(main, "WebResourceTextEncodingName") or "")
    text, encoding = decode_html(path, body, charset)
    resources: dict[str, Resource] = {}
    subresources = archive.get("WebSubresources")
    for item in subresources[: limits.max_parts] if isinstance(subresources, list) else []:
        url = plist_text(item, "WebResourceURL") if isinstance(item, dict) else None
        payload = item.get("WebResourceData") if isinstance(item, dict) else None
        if url and isinstance(payload, bytes):
            resources[url] = Resource(url=url, media_type=plist_text(item, "WebResourceMIMEType") or "",
                                      data=payload)
    url = plist_text(main, "WebResourceURL")
    return Source(path=path, format="html", text=text, encoding=encoding, container="webarchive",
                  url=web_url(url) or find_original_url(text),
                  resources=resources)


def plist_text(entry: dict[str, object], key: str) -> str | None:
    """A string value of a property-list entry; anything else (a number, a list) counts as absent."""
    value = entry.get(key)
    return value.strip() or None if isinstance(value, str) else None
