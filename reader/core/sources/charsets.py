"""Bytes → text: BOMs, declared charsets (WHATWG-style aliases), UTF-8, detection."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from reader.core import errors
from reader.core.sources.files import SNIFF_BYTES, MiB

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Labels whose WHATWG meaning is a superset of what Python's codec of the same name decodes.
CHARSET_ALIASES = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
    "us-ascii": "cp1252", "ascii": "cp1252", "windows-1252": "cp1252",
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030",
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "big5": "big5hkscs",
    "iso-8859-9": "cp1254", "tis-620": "cp874", "iso-8859-11": "cp874",
    "utf8": "utf-8", "unicode": "utf-16",
}
# Every pattern below runs on untrusted bytes: none may backtrack more than linearly
# ([^<>] stops a scan at the next tag; the atomic group stops re-splitting comments).
_META_CHARSET = re.compile(rb"""<meta[^<>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.\-]+)""", re.I)
WEB_DEFAULT_CODEC = "cp1252"  # what browsers assume for an unlabelled Western page


def python_codec(label: str) -> str | None:
    """The Python codec for a charset label from a page or a MIME header, or None if unknown."""
    label = label.strip().strip("\"'").lower()
    label = CHARSET_ALIASES.get(label, label)
    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError):  # ValueError: a NUL inside the label (found by fuzzing)
        return None
    # bytes.decode refuses bytes-to-bytes codecs ("base64", "zlib", "rot13") a page may name.
    return info.name if getattr(info, "_is_text_encoding", True) else None


def decode_with_bom(data: bytes) -> tuple[str, str] | None:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace"), encoding
    return None


def declared_charset(head: bytes) -> str | None:
    """The charset the page declares in <meta charset>, http-equiv or an XML declaration."""
    for pattern in (_XML_ENCODING, _META_CHARSET):
        match = pattern.search(head)
        if match:
            codec = python_codec(match.group(1).decode("ascii", "ignore"))
            # A page that says UTF-16 in ASCII bytes is not UTF-16 (the WHATWG rule).
            if codec and not codec.startswith("utf-16") and not codec.startswith("utf-32"):
                return codec
    return None


def decode_html(path: Path, data: bytes, header_charset: str | None = None) -> tuple[str, str]:
    """BOM, the transport's charset, the page's own declaration, UTF-8, then detection.

    A declared single-byte charset loses to UTF-8 when the bytes are valid UTF-8 with non-ASCII
    in them: that is a page saved as UTF-8 under a stale label, never chance in real text.
    """
    bom = decode_with_bom(data)
    if bom:
        return bom
    wide = guess_bomless_utf16(data)
    if wide:
        return data.decode(wide, errors="replace"), wide
    candidates = [c for c in (header_charset, declared_charset(data[:SNIFF_BYTES])) if c]
    utf8 = strict_utf8(data)
    for codec in candidates:
        if utf8 is not None and not data.isascii() and is_single_byte(codec):
            return utf8, "utf-8"
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    if utf8 is not None:
        return utf8, "utf-8"
    if candidates:  # the page's word, with the odd bad byte replaced, as a browser does
        return data.decode(candidates[0], errors="replace"), candidates[0]
    guess = detect_encoding(data) or WEB_DEFAULT_CODEC
    return data.decode(guess, errors="replace"), guess


def strict_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def is_single_byte(codec: str) -> bool:
    """True for codecs with one byte per character (cp1252, ISO 8859-x, KOI8-R, ...)."""
    if codec.startswith("utf"):
        return False
    high = bytes(range(0x80, 0x100))
    return len(high.decode(codec, errors="replace")) == len(high)


def decode_text(path: Path, data: bytes) -> tuple[str, str]:
    """Plain text: BOM, UTF-8, BOM-less UTF-16, then statistical detection; else a clear error."""
    bom = decode_with_bom(data)
    if bom:
        return bom
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    wide = guess_bomless_utf16(data)
    if wide:
        return data.decode(wide, errors="replace"), wide
    if data.count(b"\x00") > len(data) // 100:
        raise errors.UnsupportedFormat(path, errors.UnsupportedFormat.BINARY)
    guess = detect_encoding(data)
    if guess is None:
        raise errors.Undecodable(path)
    return data.decode(guess, errors="replace"), guess


def guess_bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as NUL bytes on every other position for Latin text."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def detect_encoding(data: bytes) -> str | None:
    """charset-normalizer's best guess, or None when it finds nothing plausible.

    Among equally clean guesses cp1252 wins: charset-normalizer ranks cp1250 first on Western
    text that cp1250 decodes almost alike, which turns "Núñez" into "Núńez".
    """
    from charset_normalizer import from_bytes  # imported late: only needed for unlabelled bytes

    matches = list(from_bytes(data[: 2 * MiB]))
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        if match.percent_chaos > best.percent_chaos:
            break
        if WEB_DEFAULT_CODEC in {python_codec(c) for c in match.could_be_from_charset}:
            return WEB_DEFAULT_CODEC
    return python_codec(best.encoding)


def decode_forced(data: bytes, label: str) -> tuple[str, str]:
    """The bytes in the encoding the reader chose; unknown labels fall back to UTF-8."""
    codec = python_codec(label) or "utf-8"
    return data.decode(codec, errors="replace").removeprefix("\ufeff"), codec
