"""The window's chrome (menus, tab bar, message bar, welcome page) in the reading theme's lightness.

The reading view draws its own theme; the chrome follows it through the application palette:
the desktop's own palette for Light and Sepia, one built from the dark reading theme for Dark.
"Follow the system" asks Qt for the desktop's colour scheme and follows its changes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


def system_color_scheme() -> Qt.ColorScheme:
    """Qt's view of the desktop's light/dark preference (Unknown offscreen)."""
    return QGuiApplication.styleHints().colorScheme()


def resolve_theme(theme: str) -> str:
    """The reading theme to draw: ``theme`` itself, or for "system" the desktop's lightness."""
    if theme != "system":
        return theme
    return "dark" if system_color_scheme() == Qt.ColorScheme.Dark else "light"


def dark_palette(base: QPalette) -> QPalette:
    """``base`` recoloured from the dark reading theme, disabled text muted."""
    from reader.ui.reading.theme import theme_named  # only the dark chrome needs it

    theme = theme_named("dark")
    palette = QPalette(base)
    roles = {QPalette.ColorRole.Window: theme.removed_page, QPalette.ColorRole.WindowText: theme.text,
             QPalette.ColorRole.Base: theme.page, QPalette.ColorRole.AlternateBase: theme.removed_page,
             QPalette.ColorRole.Text: theme.text, QPalette.ColorRole.Button: theme.removed_page,
             QPalette.ColorRole.ButtonText: theme.text, QPalette.ColorRole.Highlight: theme.selection,
             QPalette.ColorRole.HighlightedText: theme.text, QPalette.ColorRole.ToolTipBase: theme.page,
             QPalette.ColorRole.ToolTipText: theme.text, QPalette.ColorRole.Link: theme.link,
             QPalette.ColorRole.PlaceholderText: theme.muted}
    for role, colour in roles.items():
        palette.setColor(role, colour)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, theme.muted)
    return palette


class ChromeTheme:
    """Keeps the desktop's palette, applies the chrome for a reading theme, and calls
    ``on_system_change`` when the desktop switches between light and dark."""

    def __init__(self, on_system_change: Callable[[], None]) -> None:
        self._original = QPalette(QGuiApplication.palette())  # the desktop's, for Light and Sepia
        self._on_system_change = on_system_change
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._scheme_changed)

    def apply(self, resolved_theme: str) -> None:
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        app.setPalette(dark_palette(self._original) if resolved_theme == "dark" else self._original)

    def restore(self) -> None:
        """The desktop's palette again, and no more following of the system (the window closes)."""
        with contextlib.suppress(RuntimeError, TypeError):  # already disconnected
            QGuiApplication.styleHints().colorSchemeChanged.disconnect(self._scheme_changed)
        QGuiApplication.setPalette(self._original)

    def _scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        self._on_system_change()
