"""What a file is: the content decides, the name only breaks ties; binaries are named, not read."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from reader.core import errors
from reader.core.sources.charsets import BOMS, guess_bomless_utf16
from reader.core.sources.files import PDF_MAGIC, SNIFF_BYTES, ZIP_MAGIC, is_warc
from reader.core.sources.mail import EMAIL_SUFFIXES, MBOX_SUFFIXES, looks_like_email, looks_like_mbox

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml", ".xht"}
MHTML_SUFFIXES = {".mhtml", ".mht"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
WEBARCHIVE_SUFFIXES = {".webarchive"}
ARCHIVE_SUFFIXES = {".warc", ".wacz", ".zip"}  # web archives and SingleFile ZIP saves
PDF_SUFFIXES = {".pdf"}
SUPPORTED_SUFFIXES = (HTML_SUFFIXES | MHTML_SUFFIXES | TEXT_SUFFIXES | WEBARCHIVE_SUFFIXES | ARCHIVE_SUFFIXES
                      | EMAIL_SUFFIXES | MBOX_SUFFIXES | PDF_SUFFIXES)
# Names whose last suffix alone (".gz") would say too little.
COMPOUND_SUFFIXES = {".warc.gz"}
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
# Bytes that text in any encoding Sift reads without a BOM hardly ever holds (C0 controls other
# than tab, newline, form feed, carriage return and escape). Binary formats hold 10-30 % of
# them in their first kilobyte; a text with a few stray ones stays far below 2 %.
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
BINARY_PROBE_BYTES = 1024
BINARY_BYTE_SHARE = 0.02
PLIST_MAGIC = b"bplist00"
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
# The first line of a header block ("Name: value"), for e-mails saved with a plain-text body.
_HEADER_LINE = re.compile(rb"^[A-Za-z0-9-]+:[^\r\n]*\r?\n")


def sniff_format(path: Path, data: bytes) -> str:
    """"html", "mhtml", "webarchive", "pdf", "zip", "warc", "eml", "mbox" or "text": the content
    decides, the name only breaks ties."""
    head = data[:SNIFF_BYTES]
    suffix = path.suffix.lower()
    if head.startswith(PDF_MAGIC):
        return "pdf"
    if head.startswith(ZIP_MAGIC):
        return "zip"  # a SingleFile ZIP save or a WACZ; anything else is refused by its reader
    if is_warc(head):
        return "warc"
    if head.startswith(PLIST_MAGIC) or (b"<plist" in head[:1024] and b"<key>WebMainResource</key>" in head):
        return "webarchive"  # binary, or the XML property list some tools write
    if looks_like_mbox(head) or (suffix in MBOX_SUFFIXES and head.startswith(b"From ")):
        return "mbox"
    if _MIME_HEADER.match(head.lstrip()) or (suffix in MHTML_SUFFIXES and b"multipart/" in head[:4096]):
        is_email = suffix in EMAIL_SUFFIXES or (suffix not in MHTML_SUFFIXES and looks_like_email(head))
        return "eml" if is_email else "mhtml"
    if suffix in EMAIL_SUFFIXES and _HEADER_LINE.match(head):
        return "eml"
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


def suffix_filter() -> list[str]:
    """The file-name patterns Sift opens, for open dialogs and desktop files."""
    return sorted("*" + s for s in SUPPORTED_SUFFIXES | COMPOUND_SUFFIXES)
