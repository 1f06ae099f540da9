"""The library's own problems, in the one error hierarchy (reader/core/errors.py): a ``kind``
from the contract, a sentence template, details; the GUI's ``describe_error`` shows them."""

from __future__ import annotations

from reader.core.errors import ReaderError


class LibraryDamaged(ReaderError):
    """The library file could not be read; it was kept aside and a new one started."""

    kind = "malformed"
    template = ("The library “{name}” was damaged. It was kept as “{aside}” and a new library "
                "is being rebuilt from the {count} saved files that still exist.")


class NotInLibrary(ReaderError):
    """An id or path that names no article of the library."""

    kind = "not-found"
    template = "“{name}” is not in the library (no article has that id or was seen at that path)."


class UnknownEntity(ReaderError):
    """A name the reader asked to correct that is no library entity (issue 16)."""

    kind = "not-found"
    template = "No person, organization or place in the library is called “{entity}”."


class AmbiguousEntity(ReaderError):
    """A name that means several library entities: the correction must say which (by key)."""

    kind = "not-found"
    template = "“{entity}” could be any of {count} entities ({names}); choose one."
