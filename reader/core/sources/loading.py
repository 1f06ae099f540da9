"""Saved-article files → :class:`Source`: formats, encodings, resources, limits.

One entry point, :func:`load`. The file is opened read-only, read once, and never written,
moved or locked; nothing next to it is created. What cannot be read becomes a typed
:class:`~reader.core.errors.ReaderError` with a sentence for people.
"""

from __future__ import annotations

import codecs
import email.utils
import os
import plistlib
import re
import zlib
from dataclasses import dataclass, replace
from pathlib import Path

from reader.core import errors
from reader.core.model import Resource, Source
from reader.core.sources import mhtml

MiB = 1024 * 1024

# readability-lxml needed 19 s and 640 MB on a 27 MB page here; 12 MiB of HTML or text keeps
# extraction under the robustness issue's 10 s / 500 MB bounds with room to spare.
MAX_DOCUMENT_BYTES = 12 * MiB
# Plain text costs the text extractor up to ~3 s and 45 MB per MB here (short lines: 11 MB took
# 24 s and 523 MB); 1 MiB keeps it well within the 10 s / 500 MB bounds on a busy machine and
# is 16x the longest text article of the dev corpus (65 KB): a novella, not a news story.
MAX_TEXT_BYTES = 1 * MiB
# Archives (MHTML, webarchive) carry their images inline; a long photo story saves to ~40 MB.
MAX_FILE_BYTES = 96 * MiB
# How far into a file we look to decide what it is (sniffing, <meta charset>, "saved from url").
SNIFF_BYTES = 64 * 1024
# Real saves hold a few hundred parts at most; a hostile archive may hold millions of empty ones.
MAX_MIME_PARTS = 5000


@dataclass(frozen=True)
class Limits:
    """Size limits, configurable in the settings; the defaults are the constants above."""

    max_file_bytes: int = MAX_FILE_BYTES
    max_document_bytes: int = MAX_DOCUMENT_BYTES
    max_text_bytes: int = MAX_TEXT_BYTES
    max_parts: int = MAX_MIME_PARTS


HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml", ".xht"}
MHTML_SUFFIXES = {".mhtml", ".mht"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
WEBARCHIVE_SUFFIXES = {".webarchive"}
SUPPORTED_SUFFIXES = HTML_SUFFIXES | MHTML_SUFFIXES | TEXT_SUFFIXES | WEBARCHIVE_SUFFIXES

# Magic numbers of files people drop by mistake: (prefix, what to call it). A magic made of
# printable letters ("MZ", "ID3", ...) also starts ordinary sentences, so it only counts when the
# head holds binary control bytes too (see looks_binary).
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"RIFF", "a media file"),
    (b"PK\x03\x04", "a ZIP archive (or an Office or EPUB document)"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"\xcf\xfa\xed\xfe", "a program"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"OggS", "an audio file"),
    (b"ID3", "an audio file"),
    (b"\x00\x00\x00", "a media or binary file"),
    (b"wOF", "a font file"),
)
GZIP_MAGIC = b"\x1f\x8b"
# Bytes that text in any encoding Sift reads without a BOM hardly ever holds (C0 controls other
# than tab, newline, form feed, carriage return and escape). Binary formats hold 10-30 % of
# them in their first kilobyte; a text with a few stray ones stays far below 2 %.
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
BINARY_PROBE_BYTES = 1024
BINARY_BYTE_SHARE = 0.02
# Characters XML 1.0 (and so lxml) refuses in text: C0 controls but tab, LF, CR; U+FFFE/U+FFFF.
_XML_INVALID = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# A numeric character reference, which libxml2 turns into the character it names (refused ones
# included); decimal or hex, the semicolon optional as browsers allow.
_CHARACTER_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")
PLIST_MAGIC = b"bplist00"

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
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.I)
_TAG = re.compile(r"<(?:meta|link)\b[^<>]*>", re.I)
_ATTR = re.compile(r"""([a-zA-Z:_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_HTML_START = re.compile(
    rb"^\s*(?>(?:<!--.*?-->\s*)*)<(?:!doctype\s+html|html|head|body|meta|title|\?xml)", re.I | re.S
)
_HTML_TAGS = re.compile(rb"</?(?:p|div|a|span|br|h[1-6]|table|ul|li|article|section)\b", re.I)
# A text file whose first 64 KiB holds this many HTML tags is HTML whatever its name says.
MIN_TAGS_FOR_HTML = 8
# MIME headers (folded lines allowed) up to a Content-Type that is multipart or an HTML page.
_MIME_HEADER = re.compile(
    rb"^(?:[A-Za-z0-9-]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)*?"
    rb"Content-Type:\s*(?:multipart/(?:related|mixed|alternative)|text/html)", re.I
)
# Endings browsers give the resources folder of a "Web page, complete" save, by locale.
RESOURCE_DIR_ENDINGS = ("_files", "-Dateien", "_fichiers", "_archivos", "_arquivos", "_file",
                        "_bestanden", "_pliki", "-filer")
WEB_DEFAULT_CODEC = "cp1252"  # what browsers assume for an unlabelled Western page


def load(path: str | Path, limits: Limits = Limits(), encoding: str | None = None) -> Source:
    """Read a saved article file, whatever its format and encoding, without changing it.

    ``encoding`` is the reader's override (View › Text Encoding) for HTML and text files.
    """
    path = Path(os.path.abspath(Path(path).expanduser()))
    data = read_bytes(path, limits)
    name_hint = path
    if data.startswith(GZIP_MAGIC):
        data = gunzip(path, data, limits)
        name_hint = path.with_suffix("") if path.suffix.lower() == ".gz" else path
    kind = sniff_format(name_hint, data)
    if kind == "mhtml":
        return finish_source(load_mhtml(path, data, limits))
    if kind == "webarchive":
        return finish_source(load_webarchive(path, data, limits))
    limit = limits.max_document_bytes if kind == "html" else limits.max_text_bytes
    check_document_size(path, len(data), limit)
    if kind == "html":
        text, used = decode_forced(data, encoding) if encoding else decode_html(path, data)
        return finish_source(Source(
            path=path, format="html", text=text, encoding=used,
            url=find_original_url(text), resources_dir=find_resources_dir(name_hint)))
    text, used = decode_forced(data, encoding) if encoding else decode_text(path, data)
    return finish_source(Source(path=path, format="text", text=text, encoding=used))


def finish_source(source: Source) -> Source:
    """The decoded text made safe for every consumer, or EmptyFile when nothing is left.

    NUL becomes U+FFFD as an HTML parser would; other control characters that XML forbids go
    (vertical tab and form feed become line breaks): lxml refuses them in any text it is given,
    and readability then fails on the page (found by fuzzing), and the same goes for numeric
    references to them in markup ("&#1;", "&#xFFFE;"). Lone surrogates (a few codecs,
    e.g. UTF-7, let them through) become U+FFFD, so the text always encodes as UTF-8.
    """
    text = source.text.replace("\x00", "\ufffd")
    if _XML_INVALID.search(text):
        text = _XML_INVALID.sub(lambda m: xml_safe(m.group()), text)
    if source.format != "text" and "&#" in text:  # "&#1;" or "&#xFFFE;" becomes the same in the tree
        text = _CHARACTER_REFERENCE.sub(safe_reference, text)
    if has_surrogates(text):
        text = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    if not text.strip():
        raise errors.EmptyFile(source.path)
    return source if text == source.text else replace(source, text=text)


def xml_safe(char: str) -> str:
    """What a character lxml refuses becomes: a line break for vertical tab and form feed."""
    return "\n" if char in "\x0b\x0c" else ""


def safe_reference(match: re.Match[str]) -> str:
    """A numeric character reference, or its safe stand-in when it names a refused character."""
    digits = (match.group(1) or match.group(2)).lstrip("0") or "0"
    if len(digits) > 8:  # beyond Unicode: the parser makes it U+FFFD itself
        return match.group(0)
    char = chr(min(int(digits, 16 if match.group(1) else 10), 0x110000 - 1))
    return xml_safe(char) if _XML_INVALID.match(char) else match.group(0)


def has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def human_size(size: int) -> str:
    """A byte count the way people say it: "96 MB", "12 KB", "300 bytes"."""
    if size >= MiB:
        return f"{size / MiB:.0f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"


def decode_forced(data: bytes, label: str) -> tuple[str, str]:
    """The bytes in the encoding the reader chose; unknown labels fall back to UTF-8."""
    codec = python_codec(label) or "utf-8"
    return data.decode(codec, errors="replace").removeprefix("\ufeff"), codec


def read_bytes(path: Path, limits: Limits) -> bytes:
    """The file's bytes, read-only, after checking it exists, is a file and is not too big."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise errors.NotFound(path) from None
    except PermissionError:
        raise errors.PermissionDenied(path) from None
    except ValueError:  # a NUL byte in the name: no such file can exist
        raise errors.NotFound(path, errors.NotFound.BAD_NAME) from None
    except OSError as exc:
        raise errors.NotFound(path, errors.NotFound.UNREACHABLE, reason=exc.strerror or exc) from None
    if path.is_dir():
        raise errors.IsDirectory(path)
    if not path.is_file():
        raise errors.UnsupportedFormat(path)
    if info.st_size > limits.max_file_bytes:
        raise errors.TooLarge(path, size=human_size(info.st_size), limit=human_size(limits.max_file_bytes))
    try:
        with open(path, "rb") as handle:
            data = handle.read(limits.max_file_bytes + 1)
    except PermissionError:
        raise errors.PermissionDenied(path) from None
    except IsADirectoryError:
        raise errors.IsDirectory(path)
    except OSError as exc:
        raise errors.NotFound(path, errors.NotFound.UNREADABLE, reason=exc.strerror or exc) from None
    if not data.strip():
        raise errors.EmptyFile(path)
    return data


def check_document_size(path: Path, size: int, limit: int) -> None:
    if size > limit:
        raise errors.TooLarge(path, errors.TooLarge.TEXT, size=human_size(size), limit=human_size(limit))


def gunzip(path: Path, data: bytes, limits: Limits) -> bytes:
    """A gzip-compressed save, decompressed with a bound so a small bomb cannot fill memory."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limits.max_file_bytes + 1)
    except zlib.error:
        raise errors.Malformed(path, errors.Malformed.DAMAGED_GZIP) from None
    if len(out) > limits.max_file_bytes or inflater.unconsumed_tail:
        raise errors.TooLarge(path, errors.TooLarge.UNPACKED)
    if out.startswith(GZIP_MAGIC):
        raise errors.UnsupportedFormat(path, errors.UnsupportedFormat.DOUBLE_COMPRESSED)
    if not out.strip():
        raise errors.EmptyFile(path)
    return out


def sniff_format(path: Path, data: bytes) -> str:
    """"html", "mhtml", "webarchive" or "text": the content decides, the name only breaks ties."""
    head = data[:SNIFF_BYTES]
    suffix = path.suffix.lower()
    if head.startswith(PLIST_MAGIC) or (b"<plist" in head[:1024] and b"<key>WebMainResource</key>" in head):
        return "webarchive"  # binary, or the XML property list some tools write
    if _MIME_HEADER.match(head.lstrip()) or (suffix in MHTML_SUFFIXES and b"multipart/" in head[:4096]):
        return "mhtml"
    refuse_binary(path, head)
    probe = ascii_view(head)
    if _HTML_START.match(probe) or suffix in HTML_SUFFIXES and b"<" in probe:
        return "html"
    if suffix not in TEXT_SUFFIXES and len(_HTML_TAGS.findall(probe)) >= MIN_TAGS_FOR_HTML:
        return "html"
    return "text"


def refuse_binary(path: Path, head: bytes) -> None:
    """Raise UnsupportedFormat, saying what the file is, for images, PDFs, archives, programs."""
    if any(head.startswith(bom) for bom, _ in BOMS):
        return
    for magic, what in BINARY_SIGNATURES:
        if head.startswith(magic) and (not magic.isalnum() or looks_binary(head)):
            raise errors.UnsupportedFormat(path, errors.UnsupportedFormat.KNOWN_BINARY, what=what)
    if looks_binary(head):
        raise errors.UnsupportedFormat(path, errors.UnsupportedFormat.BINARY)


def looks_binary(head: bytes) -> bool:
    """True when the first bytes hold control bytes no BOM-less text contains (UTF-16 aside)."""
    probe = head[:BINARY_PROBE_BYTES]
    share = len(_BINARY_BYTES.findall(probe)) / max(len(probe), 1)
    return share > BINARY_BYTE_SHARE and guess_bomless_utf16(probe) is None


def ascii_view(head: bytes) -> bytes:
    """The head with UTF-16/32 decoded (BOM or not), so markup sniffing works on wide encodings."""
    for bom, encoding in BOMS:
        if head.startswith(bom) and encoding != "utf-8":
            text = head[len(bom):].decode(encoding, errors="ignore")
            return text.encode("ascii", errors="replace")
    wide = guess_bomless_utf16(head)
    if wide:
        return head.decode(wide, errors="ignore").encode("ascii", errors="replace")
    return head.removeprefix(codecs.BOM_UTF8)


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
    for url in (canonical, og_url, saved.group(1) if saved else None):
        if url and re.match(r"https?://", url.strip(), re.I):
            return url.strip()
    return None


def find_resources_dir(path: Path) -> Path | None:
    """The "NAME_files" folder a browser's "Web page, complete" save puts beside the page."""
    for ending in RESOURCE_DIR_ENDINGS:
        for candidate in (path.with_name(path.stem + ending), path.with_name(path.name + ending)):
            if candidate.is_dir():
                return candidate
    return None


def load_mhtml(path: Path, data: bytes, limits: Limits) -> Source:
    """A MIME web archive: the main HTML part plus its resources (and the archive's headers)."""
    split = mhtml.split_archive(data, limits.max_parts)
    if split is None:
        raise errors.Malformed(path, errors.Malformed.DAMAGED_MHTML)
    headers, leaves = split
    snapshot = mhtml.header_text(headers, "Snapshot-Content-Location")
    main, resources = split_parts(leaves, snapshot)
    if main is None:
        raise errors.Malformed(path, errors.Malformed.MHTML_WITHOUT_PAGE)
    body = main.payload()
    check_document_size(path, len(body), limits.max_document_bytes)
    text, encoding = decode_html(path, body, python_codec(main.charset or ""))
    url = snapshot or main.header("Content-Location")
    return Source(path=path, format="mhtml", text=text, encoding=encoding,
                  url=url if url and re.match(r"https?://", url, re.I) else find_original_url(text),
                  title_hint=mhtml.header_text(headers, "Subject"),
                  saved=iso_date(mhtml.header_text(headers, "Date")), resources=resources)


def split_parts(leaves: list[mhtml.MimePart],
                snapshot: str | None) -> tuple[mhtml.MimePart | None, dict[str, Resource]]:
    """The main page (the part at the snapshot's address, else the first HTML part) and the rest."""
    main: mhtml.MimePart | None = None
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


def add_resource(resources: dict[str, Resource], part: mhtml.MimePart) -> None:
    """File a part under the names a page may use for it: Content-Location and cid: URL."""
    keys = [part.header("Content-Location") or ""]
    keys.append("cid:" + (part.header("Content-ID") or "").strip("<>") if part.header("Content-ID") else "")
    keys = [k for k in keys if k]
    if keys:
        payload = part.payload()
        for key in keys:
            resources.setdefault(key, Resource(url=key, media_type=part.media_type, data=payload))


def iso_date(value: object) -> str | None:
    """An RFC 2822 date header as ISO 8601, or None."""
    try:
        parsed = email.utils.parsedate_to_datetime(str(value)) if value else None
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return parsed.isoformat() if parsed else None


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
                  url=url if url and re.match(r"https?://", url, re.I) else find_original_url(text),
                  resources=resources)


def plist_text(entry: dict[str, object], key: str) -> str | None:
    """A string value of a property-list entry; anything else (a number, a list) counts as absent."""
    value = entry.get(key)
    return value.strip() or None if isinstance(value, str) else None


def suffix_filter() -> list[str]:
    """The file-name patterns Sift opens, for open dialogs and desktop files."""
    return sorted("*" + s for s in SUPPORTED_SUFFIXES)
