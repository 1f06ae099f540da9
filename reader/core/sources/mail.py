"""Newsletters saved as e-mail: ``.eml`` (one message) and ``.mbox`` (one article per message).

The HTML part is the page (the text part when there is none); inline ``cid:`` images are its
resources; Subject, From and Date become the title, the author and the date, written into the
page as the meta tags the metadata reader already knows. Remote images (tracking pixels among
them) are never loaded: only the message's own parts are. The newsletter clutter itself
("View in browser", unsubscribe footers, share rows) is labelled by the extractor.
"""

from __future__ import annotations

import email.utils
import html
import logging
import re
from pathlib import Path
from typing import Literal

from reader.core import errors
from reader.core.model import Resource, Source
from reader.core.sources import mime
from reader.core.sources.charsets import decode_html, python_codec
from reader.core.sources.files import Limits, check_document_size
from reader.core.sources.mhtml import add_resource
from reader.core.sources.origin import find_original_url, iso_date
from reader.core.sources.pages import Page

log = logging.getLogger(__name__)

EMAIL_SUFFIXES = {".eml"}
MBOX_SUFFIXES = {".mbox", ".mbx"}
# An mbox message starts with a "From " line (the envelope) at the start of the file or of a line.
_MBOX_SEPARATOR = re.compile(rb"(?:^|\n)From [^\n]*\n")
# The first header block of an e-mail names at least one of these (MHTML saves name none).
_EMAIL_HEADERS = re.compile(
    rb"^(?:Message-ID|Received|Return-Path|Delivered-To|To|Reply-To|List-Unsubscribe):", re.I | re.M)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def looks_like_email(head: bytes) -> bool:
    """True when the header block at the start is an e-mail's, not a browser's MHTML save."""
    block = head.split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
    return bool(_EMAIL_HEADERS.search(block)) and b"Snapshot-Content-Location" not in block


def looks_like_mbox(head: bytes) -> bool:
    return head.startswith(b"From ") and looks_like_email(head.split(b"\n", 1)[-1])


def split_mbox(data: bytes, max_pages: int) -> list[bytes]:
    """The messages of a mailbox, in order (at most ``max_pages``)."""
    starts = [m.end() for m in _MBOX_SEPARATOR.finditer(data)]
    ends = [m.start() for m in _MBOX_SEPARATOR.finditer(data)][1:] + [len(data)]
    return [data[s:e] for s, e in zip(starts, ends, strict=False)][:max_pages]


def mbox_pages(path: Path, data: bytes, limits: Limits) -> list[Page]:
    """Each message of a mailbox as a page: its number, Subject and Date."""
    pages = []
    for number, message in enumerate(split_mbox(data, limits.max_pages), start=1):
        split = mime.split_archive(message, 1)
        headers = split[0] if split else None
        pages.append(Page(key=str(number), title=mime.header_text(headers, "Subject") if headers else None,
                          saved=iso_date(mime.header_text(headers, "Date")) if headers else None))
    return pages


def load_mbox(path: Path, data: bytes, limits: Limits, page: str | None) -> Source:
    """One message of a mailbox (the first when ``page`` is None) as an article."""
    messages = split_mbox(data, limits.max_pages)
    index = int(page) - 1 if page is not None and page.isdigit() else 0
    if not messages or not 0 <= index < len(messages):
        raise errors.Malformed(path, errors.Malformed.NO_SUCH_PAGE, page=page or "1")
    return load_email(path, messages[index].replace(b"\n>From ", b"\nFrom "), limits, "mbox")


def load_email(path: Path, data: bytes, limits: Limits, fmt: Literal["eml", "mbox"] = "eml") -> Source:
    """One message: its HTML part (or text part) with its inline images and its headers."""
    split = mime.split_archive(data, limits.max_parts)
    if split is None:
        raise errors.Malformed(path, errors.Malformed.DAMAGED_EMAIL)
    headers, leaves = split
    body = choose_body(leaves)
    if body is None:
        raise errors.Malformed(path, errors.Malformed.EMAIL_WITHOUT_TEXT)
    payload = body.payload()
    check_document_size(path, len(payload), limits.max_document_bytes)
    text, encoding = decode_html(path, payload, python_codec(body.charset or ""))
    if body.media_type != "text/html":
        text = text_as_html(text)
    resources: dict[str, Resource] = {}
    for part in leaves:
        if part is not body and part.media_type.startswith("image/"):
            add_resource(resources, part)
    subject = mime.header_text(headers, "Subject")
    saved = iso_date(mime.header_text(headers, "Date"))
    head = header_meta(subject, sender_name(mime.header_text(headers, "From")), saved)
    return Source(path=path, format=fmt, text=head + text, encoding=encoding, title_hint=subject,
                  url=find_original_url(text),
                  saved=saved, resources=resources)


def choose_body(leaves: list[mime.MimePart]) -> mime.MimePart | None:
    """The first HTML part that is not an attachment, else the first such text part."""
    inline = [p for p in leaves if "attachment" not in (p.header("Content-Disposition") or "").lower()]
    for media_type in ("text/html", "text/plain"):
        for part in inline:
            if part.media_type == media_type:
                return part
    return None


def sender_name(value: str | None) -> str | None:
    """The display name of a From header ("Jane Doe <jane@...>" → "Jane Doe"), else the address."""
    if not value:
        return None
    name, address = email.utils.parseaddr(value)
    return name.strip() or address or None


def header_meta(subject: str | None, author: str | None, date: str | None) -> str:
    """The message's headers as the meta tags the metadata reader reads from any page."""
    tags = []
    if subject:
        tags.append(f"<title>{html.escape(subject)}</title>")
    if author:
        tags.append(f'<meta name="author" content="{html.escape(author)}">')
    if date:
        tags.append(f'<meta property="article:published_time" content="{html.escape(date)}">')
    return "".join(tags)


def text_as_html(text: str) -> str:
    """A plain-text message as paragraphs (lines of a paragraph joined, as mail clients wrap them)."""
    paragraphs = [" ".join(p.split()) for p in _PARAGRAPH_BREAK.split(text.replace("\r\n", "\n"))]
    return "<body>" + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p) + "</body>"
