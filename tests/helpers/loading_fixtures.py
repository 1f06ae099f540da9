"""Builders for saved-article files in every format the loader reads, written into tmp_path.

Shared by the loader, CLI, fuzz and nothing-lost tests so each format is built one way only.
The texts are our own sentences.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import os
import plistlib
import quopri
from pathlib import Path

STORY = (
    "The harbour authority said on Tuesday that the old ferry pier would reopen in spring. "
    "“We’re glad to see it back,” said José Núñez, who runs the café beside the quay."
)
# A 1x1 transparent PNG, built by hand so no image file is needed.
PNG_1X1 = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)
BOUNDARY = "----MultipartBoundary--sift0test0boundary----"


def page(body: str = STORY, head: str = "", title: str = "Pier to reopen") -> str:
    """A small but complete HTML page around ``body``."""
    return (f"<!DOCTYPE html>\n<html><head>{head}<title>{title}</title></head>"
            f"<body><article><h1>{title}</h1><p>{body}</p></article></body></html>\n")


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def mhtml_bytes(html: str = page(), *, charset: str = "utf-8", url: str = "https://news.example.org/pier",
                subject: str = "=?utf-8?Q?Pier_to_reopen_=E2=80=93_harbour?=",
                date: str = "Sun, 9 Mar 2025 10:15:00 +0100", image: bytes = PNG_1X1,
                part_charset_in_meta: bool = False) -> bytes:
    """A Chrome-style MHTML: headers, a quoted-printable HTML part and a base64 image part."""
    encoded_html = quopri.encodestring(html.encode(charset)).decode("ascii")
    image_b64 = base64.encodebytes(image).decode("ascii")
    content_type = "text/html" if part_charset_in_meta else f'text/html; charset="{charset}"'
    return (
        "From: <Saved by Blink>\r\n"
        f"Snapshot-Content-Location: {url}\r\n"
        f"Subject: {subject}\r\n"
        f"Date: {date}\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: multipart/related;\r\n"
        '\ttype="text/html";\r\n'
        f'\tboundary="{BOUNDARY}"\r\n\r\n\r\n'
        f"--{BOUNDARY}\r\n"
        f"Content-Type: {content_type}\r\n"
        "Content-ID: <frame-1@mhtml.blink>\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        f"Content-Location: {url}\r\n\r\n"
        f"{encoded_html}\r\n"
        f"--{BOUNDARY}\r\n"
        "Content-Type: image/png\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        "Content-Location: https://news.example.org/img/pier.png\r\n\r\n"
        f"{image_b64}\r\n"
        f"--{BOUNDARY}--\r\n"
    ).encode("ascii")


def webarchive_bytes(html: str = page(), *, charset: str | None = "UTF-8",
                     url: str = "https://news.example.org/pier") -> bytes:
    """A Safari .webarchive: a binary property list with a main resource and one subresource."""
    main: dict[str, object] = {"WebResourceData": html.encode(charset or "utf-8"),
                               "WebResourceMIMEType": "text/html", "WebResourceURL": url,
                               "WebResourceFrameName": ""}
    if charset:
        main["WebResourceTextEncodingName"] = charset
    archive = {"WebMainResource": main, "WebSubresources": [
        {"WebResourceData": PNG_1X1, "WebResourceMIMEType": "image/png",
         "WebResourceURL": "https://news.example.org/img/pier.png"}]}
    return plistlib.dumps(archive, fmt=plistlib.FMT_BINARY)


def gzipped(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


def fingerprint(path: Path) -> tuple[str, int, int]:
    """Content hash, mtime (ns) and mode of a file: what "unchanged" means for the tests."""
    info = os.stat(path)
    return hashlib.sha256(path.read_bytes()).hexdigest(), info.st_mtime_ns, info.st_mode


def snapshot_tree(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Every file under ``folder`` with its fingerprint: detects writes, moves and new files."""
    return {str(p.relative_to(folder)): fingerprint(p) for p in sorted(folder.rglob("*")) if p.is_file()}
