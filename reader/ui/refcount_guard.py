"""Keep PySide6 6.12.0 from crashing Sift on Python 3.11.

Measured here: on Python 3.11, every PySide6 6.12.0 method that returns nothing (``setX``,
``insertText``, ``setFont``, ...) gives back ``None`` without taking a reference to it, so each
call lowers None's reference count by one; after a few thousand calls (opening one long article)
Python aborts with "none_dealloc: deallocating None". PySide6 6.11.3 does not do this, and from
Python 3.12 on None is immortal (PEP 683), so the calls are harmless there.

The guard gives None the same treatment 3.12 does: a reference count so large that no run of
Sift can bring it to zero. None is never freed anyway, so nothing else changes.
"""

from __future__ import annotations

import ctypes
import sys

# 2**40 reference-dropping calls would take days of uninterrupted Qt calls; 3.12 uses about 2**32.
NONE_REFERENCE_RESERVE = 1 << 40


# Measured the same way: every ``Signal.emit()`` made from Python returns True without a
# reference, so True falls by one per emit (a few thousand background results, then
# "bool_dealloc" aborts). True and False get the same reserve as None.
PROTECTED = (None, True, False)


def protect_none() -> None:
    """Raise the reference counts of None, True and False far above zero on Pythons where
    they are mortal."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    if hasattr(sys, "getobjects"):  # a Py_TRACE_REFS build: the count is not the first field
        return
    for value in PROTECTED:
        if sys.getrefcount(value) < NONE_REFERENCE_RESERVE:
            ctypes.c_ssize_t.from_address(id(value)).value += NONE_REFERENCE_RESERVE
