"""One exception hierarchy for everything that can go wrong with an input, and one renderer.

An error carries data, not prose: its ``kind`` (the contract's machine-readable name), the
``path`` it concerns, a sentence *template* chosen from the class's own list, and the details
the template names. :func:`render` makes the sentence a person reads; the GUI passes a
``translate`` function so the same templates can be translated. Raise sites never write
sentences, so each sentence exists once, here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

Translate = Callable[[str], str]
log = logging.getLogger(__name__)

# What a sentence calls a file when the error names none (an in-memory text, a library row).
UNNAMED = "this article"


class ReaderError(Exception):
    """Base class: an input Sift cannot turn into an article, explained in words.

    ``template`` is one of the class's sentence constants; ``{name}`` in it is the file name,
    any other field comes from ``details``.
    """

    kind: ClassVar[str] = "internal"
    template: ClassVar[str] = "Sift could not read “{name}”."

    def __init__(self, path: Path | str | None = None, template: str | None = None,
                 **details: object) -> None:
        self.path = Path(path) if path is not None and str(path) else None
        self.sentence = template or type(self).template
        self.details = details
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The sentence in English (the CLI's records and the logs use it)."""
        return render(self)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[object, ...]:  # errors cross process boundaries (analysis worker)
        return (_rebuild, (type(self), self.path, self.sentence, self.details))


def _rebuild(cls: type[ReaderError], path: Path | None, sentence: str,
             details: dict[str, object]) -> ReaderError:
    return cls(path, sentence, **details)


def render(error: ReaderError, translate: Translate | None = None) -> str:
    """The one place an error becomes a sentence; ``translate`` maps a template to its translation."""
    template = translate(error.sentence) if translate else error.sentence
    name = error.path.name if error.path is not None else UNNAMED
    try:
        return template.format(name=name, **error.details)
    except (KeyError, IndexError, ValueError) as exc:  # a translation that lost a field still says something
        log.warning("translation %r does not fit its error (%r); the English sentence is used", template, exc)
        return error.sentence.format(name=name, **error.details)


class NotFound(ReaderError):
    kind = "not-found"
    template = "“{name}” does not exist (it may have been moved or deleted)."
    BAD_NAME = "“{name}” is not a valid file name."
    UNREACHABLE = "“{name}” cannot be reached: {reason}."
    UNREADABLE = "“{name}” could not be read: {reason}."


class IsDirectory(ReaderError):
    kind = "is-directory"
    template = "“{name}” is a folder; open a saved article file inside it."


class PermissionDenied(ReaderError):
    kind = "permission-denied"
    template = "You do not have permission to read “{name}”."


class EmptyFile(ReaderError):
    kind = "empty"
    template = "“{name}” is empty: there is no article to show."


class UnsupportedFormat(ReaderError):
    kind = "unsupported-format"
    template = "“{name}” is not a regular file."
    KNOWN_BINARY = ("“{name}” is {what}, not a saved article; Sift opens saved web pages "
                    "and web archives, e-mails, pages saved as PDF and plain-text articles.")
    BINARY = ("“{name}” looks like a binary file, not a saved article; Sift opens saved web "
              "pages and web archives, e-mails, pages saved as PDF and plain-text articles.")
    DOUBLE_COMPRESSED = "“{name}” is compressed twice; Sift does not open that."
    NESTED_ARCHIVE = ("“{name}” holds its page inside another archive; Sift does not open "
                      "archives in archives.")
    SCANNED_PDF = ("“{name}” is a PDF without text (a scan or pictures of pages); Sift reads PDFs "
                   "saved from a web page.")
    ENCRYPTED_PDF = "“{name}” is a password-protected PDF, so Sift cannot read it."
    NOT_AN_ARTICLE_PDF = ("“{name}” does not read as an article ({what}); Sift reads PDFs saved "
                          "from a web page.")


class TooLarge(ReaderError):
    kind = "too-large"
    template = "“{name}” is {size}, more than the {limit} Sift opens; it is unlikely to be a single article."
    TEXT = "“{name}” holds {size} of text, more than the {limit} Sift reads as one article."
    UNPACKED = "“{name}” unpacks to more than Sift reads as one article."
    PART = "“{name}” holds a part of {size} or more, larger than the {limit} Sift reads from an archive."
    PAGES = "“{name}” has {pages} pages, more than the {limit} Sift reads as one article."


class Undecodable(ReaderError):
    kind = "undecodable"
    template = "“{name}” is not text in any encoding Sift recognises, so it cannot be shown."
    NOT_UTF8 = "“{name}” is not UTF-8 text, which `sift analyze` expects."


class Malformed(ReaderError):
    kind = "malformed"
    template = "“{name}” could not be read as a web page ({reason})."
    NO_CONTENT = "“{name}” holds no web page content."
    DAMAGED_GZIP = "“{name}” is a damaged compressed file."
    DAMAGED_MHTML = "“{name}” is a damaged web archive: its headers cannot be read."
    MHTML_WITHOUT_PAGE = "“{name}” is a web archive without a web page in it."
    DAMAGED_WEBARCHIVE = "“{name}” is a damaged Safari web archive."
    WEBARCHIVE_WITHOUT_PAGE = "“{name}” is a Safari web archive without a web page in it."
    DAMAGED_ZIP = "“{name}” is a damaged ZIP archive."
    ZIP_WITHOUT_PAGE = "“{name}” is a ZIP archive without a saved web page (index.html) in it."
    DAMAGED_WARC = "“{name}” is a damaged web archive (WARC): its records cannot be read."
    WARC_WITHOUT_PAGE = "“{name}” is a web archive without an HTML page in it."
    NO_SUCH_PAGE = "“{name}” holds no page at “{page}”."
    SNAPSHOT_WITHOUT_PAGE = ("“{name}” is an ArchiveBox snapshot without a saved page in it "
                             "(a SingleFile page, a DOM dump or a wget copy).")
    DAMAGED_EMAIL = "“{name}” is a damaged e-mail: its headers cannot be read."
    EMAIL_WITHOUT_TEXT = "“{name}” is an e-mail without text or HTML to read."
    DAMAGED_PDF = "“{name}” is a damaged PDF."


class Timeout(ReaderError):
    kind = "timeout"
    template = ("Reading “{name}” took longer than {seconds} seconds, so Sift stopped; "
                "the page may be unusually large or complex.")


class InternalError(ReaderError):
    """A bug in Sift rather than a problem with the file; the message still reads well."""

    kind = "internal"
    template = "Sift hit an internal problem while reading “{name}” ({error}); please report it."


def internal(path: Path | str | None, exc: BaseException) -> InternalError:
    """A bug wrapped for people: the exception's class name, never a traceback."""
    return InternalError(path, error=type(exc).__name__)
