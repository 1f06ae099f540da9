"""The Qt GUI. Only this package imports PySide6."""

from reader.ui.refcount_guard import protect_none

protect_none()  # before any Qt call: PySide6 6.12.0 on Python 3.11 drops None references
