"""The window's reading keys: ``?`` the shortcuts overlay, ``n``/``p`` the next or previous
article, Esc one step back out (overlay, find bar or caret, then the library).

The actions and their keys are made by :mod:`.menus`; this is what they do. The overlay is built
from the window's actions each time it opens, so it lists exactly the keys that work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

if TYPE_CHECKING:
    from reader.ui.reading.shortcuts_overlay import ShortcutsOverlay
    from reader.ui.window.main_window import MainWindow


class WindowKeys:
    """What the window's single-key actions do; the overlay is built the first time it is asked for."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._overlay: ShortcutsOverlay | None = None
        self._focus_before: QWidget | None = None

    @property
    def overlay(self) -> ShortcutsOverlay:
        if self._overlay is None:
            from reader.ui.reading.shortcuts_overlay import ShortcutsOverlay

            self._overlay = ShortcutsOverlay(self.window)
            self._overlay.closed.connect(self._restore_focus)
        return self._overlay

    def overlay_visible(self) -> bool:
        return self._overlay is not None and self._overlay.isVisible()

    def toggle_shortcuts(self) -> None:
        """``?``: show every shortcut of the window's actions and the reading keys, or hide them."""
        from reader.ui.reading.keyboard import shortcut_sections
        from reader.ui.reading.theme import theme_named

        overlay = self.overlay
        if not overlay.isVisible():
            self._focus_before = QApplication.focusWidget()
        actions = self.window.findChildren(QAction)
        overlay.toggle(shortcut_sections(actions), theme_named(self.window.appearance.resolved_theme()))
        if overlay.isVisible():  # arrows and PgDn scroll the list; Esc and ? are the window's actions
            overlay.scroll_area.setFocus(Qt.FocusReason.OtherFocusReason)

    def _restore_focus(self) -> None:
        """Back to where the reader was (the reading view), not wherever Qt would put the focus."""
        focused, self._focus_before = self._focus_before, None
        if focused is not None and shiboken6.isValid(focused) and focused.isVisible():  # not a closed tab's
            focused.setFocus(Qt.FocusReason.OtherFocusReason)

    def step_article(self, step: int) -> None:
        """``n`` (1) / ``p`` (-1): the next or previous article: in the library's order while the
        library is in front (Enter opens it), else in the tab row, round the ends."""
        home = self.window.library_page()
        if home is not None and home.is_shown():
            step_row(home.view.table, step)
        else:
            self.window.tabs.step(step)

    def escape(self) -> None:
        """Esc closes the overlay, else what the tab has open (find bar, caret), else goes back to
        the library."""
        if self.overlay_visible():
            self.overlay.close_overlay()
            return
        item = self.window.current_article()
        if item is not None and item.tab.dismiss():
            return
        self.window.show_library()


def step_row(table: QAbstractItemView, step: int) -> None:
    """Make the row ``step`` rows away the current, selected one (stopping at the ends: a list
    of hundreds is not a ring), and keep it in view."""
    model = table.model()
    if model is None or not model.rowCount():
        return
    current = table.currentIndex()
    row = current.row() + step if current.isValid() else (0 if step > 0 else model.rowCount() - 1)
    target = model.index(max(0, min(model.rowCount() - 1, row)), max(0, current.column()))
    flags = QItemSelectionModel.SelectionFlag
    table.selectionModel().setCurrentIndex(target, flags.ClearAndSelect | flags.Rows)
    table.scrollTo(target)
