"""The window's menus and actions: built once, enabled and checked as the window's state changes.

Every action is also added to the window itself, so its shortcut keeps working in full screen
without a menu bar. The menus call the window's public methods and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from reader.core.sources.pages import display_name
from reader.core.storage.settings import Settings

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow

# Display names: QT_TRANSLATE_NOOP marks them for lupdate, tr() translates them where shown.
COLUMN_WIDTHS = (
    (QT_TRANSLATE_NOOP("MainWindow", "Narrow"), 60),
    (QT_TRANSLATE_NOOP("MainWindow", "Medium"), 70),
    (QT_TRANSLATE_NOOP("MainWindow", "Wide"), 85),
)
# Offered by View › Text Encoding: the encodings saved pages most often carry without saying so.
ENCODINGS = (
    (QT_TRANSLATE_NOOP("MainWindow", "Unicode (UTF-8)"), "utf-8"),
    (QT_TRANSLATE_NOOP("MainWindow", "Unicode (UTF-16)"), "utf-16"),
    (QT_TRANSLATE_NOOP("MainWindow", "Western (Windows-1252)"), "cp1252"),
    (QT_TRANSLATE_NOOP("MainWindow", "Western (ISO-8859-15)"), "iso8859-15"),
    (QT_TRANSLATE_NOOP("MainWindow", "Central European (Windows-1250)"), "cp1250"),
    (QT_TRANSLATE_NOOP("MainWindow", "Central European (ISO-8859-2)"), "iso8859-2"),
    (QT_TRANSLATE_NOOP("MainWindow", "Cyrillic (Windows-1251)"), "cp1251"),
    (QT_TRANSLATE_NOOP("MainWindow", "Cyrillic (KOI8-R)"), "koi8-r"),
    (QT_TRANSLATE_NOOP("MainWindow", "Greek (Windows-1253)"), "cp1253"),
    (QT_TRANSLATE_NOOP("MainWindow", "Turkish (Windows-1254)"), "cp1254"),
    (QT_TRANSLATE_NOOP("MainWindow", "Japanese (Shift JIS)"), "cp932"),
    (QT_TRANSLATE_NOOP("MainWindow", "Japanese (EUC-JP)"), "euc-jp"),
    (QT_TRANSLATE_NOOP("MainWindow", "Chinese, Simplified (GB18030)"), "gb18030"),
    (QT_TRANSLATE_NOOP("MainWindow", "Chinese, Traditional (Big5)"), "big5hkscs"),
    (QT_TRANSLATE_NOOP("MainWindow", "Korean (EUC-KR)"), "cp949"),
)
Shortcut = QKeySequence | QKeySequence.StandardKey | str


class WindowMenus:
    """The menu bar of ``window`` and the actions whose state follows it."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.article_actions: list[QAction] = []
        bar = window.menuBar()
        self._build_file_menu(bar.addMenu(window.tr("&File")))
        self._build_edit_menu(bar.addMenu(window.tr("&Edit")))
        view_menu = bar.addMenu(window.tr("&View"))
        self._build_view_menu(view_menu)
        self._build_reading_keys(view_menu, bar.addMenu(window.tr("&Go")))
        help_menu = bar.addMenu(window.tr("&Help"))
        self._action(help_menu, window.tr("&Keyboard Shortcuts"), lambda: window.keys.toggle_shortcuts(),
                     ["?", "F1"])
        self._action(help_menu, window.tr("&About Sift"), window.show_about)

    def _action(self, menu: QMenu, text: str, slot: Callable[..., Any], shortcuts: Iterable[Shortcut] = (),
                checkable: bool = False, needs_article: bool = False) -> QAction:
        action = QAction(text, self.window)
        # Some standard keys (FullScreen, ...) are unset on some desktops: skip the empty ones.
        keys = [key for key in (QKeySequence(s) for s in shortcuts) if not key.isEmpty()]
        if keys:
            action.setShortcuts(keys)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.window.addAction(action)  # shortcuts keep working in full screen without a menu bar
        if needs_article:
            self.article_actions.append(action)
        return action

    def _build_file_menu(self, menu: QMenu) -> None:
        w, K = self.window, QKeySequence.StandardKey
        self._action(menu, w.tr("&Open…"), w.open_with_dialog, [K.Open])
        self.recent_menu = menu.addMenu(w.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        self._action(menu, w.tr("Open the &Sample Article"), w.open_sample)
        self._build_library_actions(menu)
        menu.addSeparator()
        export = menu.addMenu(w.tr("&Export"))
        for kind, label in (("markdown", w.tr("As &Markdown…")), ("html", w.tr("As &Web Page…")),
                            ("json", w.tr("As &JSON…")), ("epub", w.tr("As &EPUB Book…")),
                            ("pdf", w.tr("As &PDF…"))):
            self._action(export, label, lambda _=False, k=kind: w.export_current(k), needs_article=True)
        self._action(menu, w.tr("&Print…"), w.print_current, [K.Print], needs_article=True)
        menu.addSeparator()
        self._action(menu, w.tr("&Close Tab"), lambda: w.close_tab(w.tabs.currentIndex()),
                     ["Ctrl+W"], needs_article=True)
        self.reopen_action = self._action(menu, w.tr("Reopen Closed &Tab"), w.reopen_closed_tab,
                                          ["Ctrl+Shift+T"])
        menu.addSeparator()
        self._action(menu, w.tr("&Quit"), w.close, [K.Quit])

    def _build_library_actions(self, menu: QMenu) -> None:
        """The library: showing it, and importing files and folders into it in the background."""
        w = self.window
        menu.addSeparator()
        self._action(menu, w.tr("Show the &Library"), w.show_library, ["Ctrl+Shift+L"])
        self._action(menu, w.tr("&Import Folder…"), lambda: w.library_home.import_folder_with_dialog(),
                     ["Ctrl+Shift+I"])
        self._action(menu, w.tr("Import &Files…"), lambda: w.library_home.import_files_with_dialog())
        self._action(menu, w.tr("&Disputes in the Library…"), lambda: w.library_home.pages.open_disputes())

    def _build_edit_menu(self, menu: QMenu) -> None:
        w, K = self.window, QKeySequence.StandardKey
        self._action(menu, w.tr("&Copy"), lambda: w.call_tab(lambda t: t.reading_view.copy()), [K.Copy],
                     needs_article=True)
        menu.addSeparator()
        self._action(menu, w.tr("&Find…"), lambda: w.call_tab(lambda t: t.open_find()), [K.Find, "/"],
                     needs_article=True)
        self._action(menu, w.tr("Find &Next"), lambda: w.call_tab(lambda t: t.find_next()), ["F3"],
                     needs_article=True)
        self._action(menu, w.tr("Find Pre&vious"), lambda: w.call_tab(lambda t: t.find_previous()),
                     ["Shift+F3"], needs_article=True)
        menu.addSeparator()
        self._action(menu, w.tr("&Preferences…"), w.show_preferences, ["Ctrl+,"])

    def _build_view_menu(self, menu: QMenu) -> None:
        w, K, s = self.window, QKeySequence.StandardKey, self.window.settings
        self.removed_action = self._action(menu, w.tr("Show &Removed Blocks"), w.set_show_removed,
                                           ["Ctrl+Shift+R"], checkable=True)
        self.panel_action = self._action(menu, w.tr("&Side Panel"), lambda: w.appearance.toggle_side_panel(),
                                         ["F9", "Ctrl+Shift+E"], checkable=True)
        self._action(menu, w.tr("All &Highlights"), lambda: w.library_home.show_highlights(),
                     ["Ctrl+Shift+H"])
        menu.addSeparator()
        self.theme_actions = self._choice_menu(
            menu.addMenu(w.tr("&Theme")), w.set_theme,
            ((w.tr("Follow the &System"), "system"), (w.tr("&Light"), "light"),
             (w.tr("S&epia"), "sepia"), (w.tr("&Dark"), "dark")))
        self.font_actions = self._choice_menu(
            menu.addMenu(w.tr("&Font")), lambda v: w.appearance.change(font=v),
            ((w.tr("&Serif"), "serif"), (w.tr("S&ans Serif"), "sans")))
        self.column_actions = self._choice_menu(
            menu.addMenu(w.tr("&Column Width")), lambda v: w.appearance.change(column_chars=v),
            tuple((w.tr(str(name)), chars) for name, chars in COLUMN_WIDTHS))
        self._action(menu, w.tr("Zoom &In"), lambda: w.appearance.change(size_pt=w.settings.size_pt + 1),
                     [K.ZoomIn, "Ctrl+="])
        self._action(menu, w.tr("Zoom &Out"), lambda: w.appearance.change(size_pt=w.settings.size_pt - 1),
                     [K.ZoomOut])
        self._action(menu, w.tr("&Actual Size"), lambda: w.appearance.reset_zoom(), ["Ctrl+0"])
        menu.addSeparator()
        self.encoding_menu = menu.addMenu(w.tr("Text &Encoding"))
        self.encoding_menu.aboutToShow.connect(self.fill_encoding_menu)
        self.fullscreen_action = self._action(menu, w.tr("&Full Screen"), self.toggle_full_screen,
                                              [K.FullScreen, "F11"], checkable=True)
        menu.addSeparator()
        self._action(menu, w.tr("Ne&xt Tab"), lambda: w.tabs.step(1), ["Ctrl+Tab", "Ctrl+PgDown"])
        self._action(menu, w.tr("Pre&vious Tab"), lambda: w.tabs.step(-1), ["Ctrl+Shift+Tab", "Ctrl+PgUp"])
        self.show_settings(s)

    def _build_reading_keys(self, view_menu: QMenu, go_menu: QMenu) -> None:
        """Single keys for reading (line edits keep typed letters; the reading view claims only
        its own keys), and Read Aloud, which :meth:`MainWindow.update_actions` turns on."""
        w = self.window
        self._action(go_menu, w.tr("&Next Article"), lambda: w.keys.step_article(1), ["N"])
        self._action(go_menu, w.tr("&Previous Article"), lambda: w.keys.step_article(-1), ["P"])
        back = self._action(go_menu, w.tr("&Back"), lambda: w.keys.escape(), ["Esc"])
        back.setToolTip(w.tr("Close the shortcuts, the find bar or the caret; else back to the library"))
        view_menu.addSeparator()
        self.read_aloud_action = self._action(view_menu, w.tr("Read &Aloud"),
                                              lambda: w.read_aloud_control.toggle(), ["Ctrl+Shift+Space"])

    def _choice_menu(self, menu: QMenu, slot: Callable[[Any], None],
                     choices: tuple[tuple[str, Any], ...]) -> dict[Any, QAction]:
        group = QActionGroup(self.window)
        actions: dict[Any, QAction] = {}
        for label, value in choices:
            action = self._action(menu, label, lambda _=False, v=value: slot(v), checkable=True)
            action.setData(value)
            group.addAction(action)
            actions[value] = action
        return actions

    def toggle_full_screen(self) -> None:
        w = self.window
        if w.isFullScreen():
            w.showNormal()
        else:
            w.showFullScreen()
        self.fullscreen_action.setChecked(w.isFullScreen())

    def show_settings(self, settings: Settings) -> None:
        """Check the actions that show ``settings``."""
        for actions, value in ((self.theme_actions, settings.theme), (self.font_actions, settings.font),
                               (self.column_actions, settings.column_chars)):
            for key, action in actions.items():
                action.setChecked(key == value)
        self.removed_action.setChecked(settings.show_removed)
        self.panel_action.setChecked(settings.side_panel)

    def show_state(self, has_article: bool, has_closed: bool) -> None:
        """Enable what needs an open article, and Reopen Closed Tab when there is one."""
        for action in self.article_actions:
            action.setEnabled(has_article)
        self.encoding_menu.setEnabled(has_article)
        self.reopen_action.setEnabled(has_closed)

    def fill_recent_menu(self) -> None:
        w = self.window
        self.recent_menu.clear()
        recent = w.session.state.existing_recent()
        for path in recent:
            action = self.recent_menu.addAction(display_name(path))
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _=False, p=path: w.open_paths([p]))
        if not recent:
            self.recent_menu.addAction(w.tr("No Recent Files")).setEnabled(False)
        self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction(w.tr("Clear Recent Files"))
        clear.setEnabled(bool(recent))
        clear.triggered.connect(w.clear_recent)

    def fill_encoding_menu(self) -> None:
        w = self.window
        self.encoding_menu.clear()
        item = w.current_article()
        if item is None:
            return
        group = QActionGroup(self.encoding_menu)
        automatic = w.tr("Automatic (%1)").replace("%1", item.encoding) \
            if item.encoding_override is None and item.encoding else w.tr("Automatic")
        for label, codec in ((automatic, None), *((w.tr(str(n)), c) for n, c in ENCODINGS)):
            action = self.encoding_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(codec == item.encoding_override)
            action.triggered.connect(lambda _=False, c=codec: w.reload_with_encoding(c))
            group.addAction(action)
            if codec is None:
                self.encoding_menu.addSeparator()
