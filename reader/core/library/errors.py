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
