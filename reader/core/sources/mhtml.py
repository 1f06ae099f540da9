"""MHTML (.mhtml / .mht) → Source: the main HTML part plus its resources, from our MIME reader."""

from __future__ import annotations

from pathlib import Path

from reader.core import errors
from reader.core.model import Resource, Source
from reader.core.sources import mime
from reader.core.sources.charsets import decode_html, python_codec
from reader.core.sources.files import Limits, check_document_size
from reader.core.sources.origin import find_original_url, iso_date, web_url


def load_mhtml(path: Path, data: bytes, limits: Limits) -> Source:
    """A MIME web archive: the main HTML part plus its resources (and the archive's headers)."""
    split = mime.split_archive(data, limits.max_parts)
    if split is None:
        raise errors.Malformed(path, errors.Malformed.DAMAGED_MHTML)
    headers, leaves = split
    snapshot = mime.header_text(headers, "Snapshot-Content-Location")
    main, resources = split_parts(leaves, snapshot)
    if main is None:
        raise errors.Malformed(path, errors.Malformed.MHTML_WITHOUT_PAGE)
    body = main.payload()
    check_document_size(path, len(body), limits.max_document_bytes)
    text, encoding = decode_html(path, body, python_codec(main.charset or ""))
    url = snapshot or main.header("Content-Location")
    return Source(path=path, format="mhtml", text=text, encoding=encoding,
                  url=web_url(url) or find_original_url(text),
                  title_hint=mime.header_text(headers, "Subject"),
                  saved=iso_date(mime.header_text(headers, "Date")), resources=resources)


def split_parts(leaves: list[mime.MimePart],
                snapshot: str | None) -> tuple[mime.MimePart | None, dict[str, Resource]]:
    """The main page (the part at the snapshot's address, else the first HTML part) and the rest."""
    main: mime.MimePart | None = None
    resources: dict[str, Resource] = {}
    for part in leaves:
        is_main = part.media_type == "text/html" and (
            main is None or (snapshot is not None and part.header("Content-Location") == snapshot))
        if is_main:
            if main is not None:
                add_resource(resources, main)
            main = part
        else:
            add_resource(resources, part)
    return main, resources


def add_resource(resources: dict[str, Resource], part: mime.MimePart) -> None:
    """File a part under the names a page may use for it: Content-Location and cid: URL."""
    keys = [part.header("Content-Location") or ""]
    keys.append("cid:" + (part.header("Content-ID") or "").strip("<>") if part.header("Content-ID") else "")
    keys = [k for k in keys if k]
    if keys:
        payload = part.payload()
        for key in keys:
            resources.setdefault(key, Resource(url=key, media_type=part.media_type, data=payload))
