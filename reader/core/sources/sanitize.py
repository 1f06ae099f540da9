"""Decoded text made safe for every consumer (lxml, readability, UTF-8 writers)."""

from __future__ import annotations

import re
from dataclasses import replace

from reader.core import errors
from reader.core.model import Source

# Characters XML 1.0 (and so lxml) refuses in text: C0 controls but tab, LF, CR; U+FFFE/U+FFFF.
_XML_INVALID = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# A numeric character reference, which libxml2 turns into the character it names (refused ones
# included); decimal or hex, the semicolon optional as browsers allow.
_CHARACTER_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")


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
