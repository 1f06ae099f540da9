"""One exception hierarchy for everything that can go wrong with an input file.

Every error carries a ``kind`` (the contract's machine-readable name) and a one-sentence
``message`` a person understands; the CLI prints it as an error record, the GUI shows it
in a message bar. Nothing else should escape the core.
"""

from __future__ import annotations


class ReaderError(Exception):
    """Base class: an input Sift cannot turn into an article, explained in words."""

    kind: str = "internal"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class NotFound(ReaderError):
    kind = "not-found"


class IsDirectory(ReaderError):
    kind = "is-directory"


class PermissionDenied(ReaderError):
    kind = "permission-denied"


class EmptyFile(ReaderError):
    kind = "empty"


class UnsupportedFormat(ReaderError):
    kind = "unsupported-format"


class TooLarge(ReaderError):
    kind = "too-large"


class Undecodable(ReaderError):
    kind = "undecodable"


class Malformed(ReaderError):
    kind = "malformed"


class Timeout(ReaderError):
    kind = "timeout"


class InternalError(ReaderError):
    """A bug in Sift rather than a problem with the file; the message still reads well."""

    kind = "internal"
