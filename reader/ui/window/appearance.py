"""The reader's settings, applied: saved, shown in every tab, checked in the menus, and matched by
the window's chrome (which also follows the desktop when the theme is "Follow the system").
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from reader.core.storage import settings as settings_io
from reader.core.storage.settings import Settings
from reader.ui.window.chrome import ChromeTheme, resolve_theme
from reader.ui.window.tab_contract import ReaderTab

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow


class Appearance:
    """``settings`` as the window shows them; :meth:`change` saves and shows a new choice."""

    def __init__(self, window: MainWindow, settings: Settings) -> None:
        self.window = window
        self.settings = settings
        self.chrome = ChromeTheme(on_system_change=self._system_changed)

    def resolved_theme(self) -> str:
        return resolve_theme(self.settings.theme)

    def dress(self, tab: ReaderTab) -> None:
        """Show the settings in one tab (a new one, or one whose article changed)."""
        s = self.settings
        tab.set_appearance(self.resolved_theme(), s.font, s.size_pt, s.column_chars)
        tab.set_show_removed(s.show_removed)
        if tab.side_panel_visible() != s.side_panel:
            tab.toggle_side_panel()

    def apply(self, chosen: Settings) -> None:
        """Make ``chosen`` the settings, save them, and show them in every tab and menu."""
        self.settings = chosen.normalized()
        settings_io.save_settings(self.settings, self.window.state_writer.write_json)
        for tab in self._tabs():
            self.dress(tab)
        self.window.menus.show_settings(self.settings)
        self.chrome.apply(self.resolved_theme())

    def change(self, **fields: Any) -> None:
        """One setting changed from a menu or a key: ``change(theme="dark")``."""
        self.apply(replace(self.settings, **fields))

    def reset_zoom(self) -> None:
        """Back to the default size, undoing Ctrl+wheel zoom in every tab too."""
        for tab in self._tabs():
            tab.zoom_reset()
        self.change(size_pt=settings_io.DEFAULT_SIZE_PT)

    def toggle_side_panel(self) -> None:
        self.change(side_panel=not self.settings.side_panel)

    def _tabs(self) -> list[ReaderTab]:
        return [item.tab for item in self.window.session.articles()]

    def _system_changed(self) -> None:
        if self.settings.theme == "system":
            self.apply(self.settings)
