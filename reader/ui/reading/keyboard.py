"""The reading view's single keys, as data: the view dispatches from this table and the shortcuts
overlay lists it, so what is shown can never drift from what works.

Window-level shortcuts (n/p, /, Esc, ?, h) live on the window's QActions; :func:`shortcuts_from_actions`
turns those into the same rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QKeyCombination, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence


def tr(text: str) -> str:
    return QCoreApplication.translate("ReadingKeys", text)


@dataclass(frozen=True)
class Shortcut:
    """One row of the overlay: what it does (``action``), its keys, and a sentence that says why."""

    action: str
    keys: tuple[str, ...]  # QKeySequence portable strings, e.g. "J", "Shift+Space"
    description: str

    def key_text(self) -> str:
        """The keys as the reader sees them: native names, single letters in lower case."""
        names = []
        for key in self.keys:
            sequence = QKeySequence(key)
            if sequence.isEmpty() or sequence[0].key() == Qt.Key.Key_unknown:  # type: ignore[index]
                names.append(key)  # not a key sequence ("Ctrl+Wheel"): as written
                continue
            text = sequence.toString(QKeySequence.SequenceFormat.NativeText)
            names.append(text.lower() if len(text) == 1 else text)
        return ", ".join(names)


# (method of ReadingView, keys, description). The method names are the action names.
READING_KEYS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("scroll_line_down", ("J",), "Scroll down a few lines"),
    ("scroll_line_up", ("K",), "Scroll up a few lines"),
    ("scroll_page_down", ("Space",), "Scroll down a screen"),
    ("scroll_page_up", ("Shift+Space",), "Scroll up a screen"),
    ("next_mention", ("]",), "Next mention of the selected entity"),
    ("previous_mention", ("[",), "Previous mention of the selected entity"),
    ("highlight_selection", ("H",), "Highlight the selected text"),
    ("toggle_caret_browsing", ("F7",), "Show a text caret to select with the keyboard (caret browsing)"),
)
# Keys the view handles the standard Qt way, listed so the overlay is complete.
STANDARD_READING_KEYS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("scroll", ("Down", "Up", "PgDown", "PgUp", "Home", "End"), "Scroll the article"),
    ("select", ("Shift+Down", "Shift+Right"), "Select text from the top of the view, or from the caret"),
    ("zoom", ("Ctrl+Wheel",), "Make the text larger or smaller"),
)
FIND_BAR_KEYS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("find_next", ("Return", "F3"), "Next match (in the find bar)"),
    ("find_previous", ("Shift+Return", "Shift+F3"), "Previous match (in the find bar)"),
    ("close_find", ("Esc",), "Close the find bar"),
)
PANEL_KEYS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("panel_next_mention", ("Return",), "Next mention (in the entity list)"),
    ("panel_previous_mention", ("Shift+Return",), "Previous mention (in the entity list)"),
    ("panel_step_claims", ("Down", "Up"), "Next or previous claim card"),
)


def _rows(table: Iterable[tuple[str, tuple[str, ...], str]]) -> list[Shortcut]:
    return [Shortcut(name, keys, tr(text)) for name, keys, text in table]


def reading_shortcuts() -> list[Shortcut]:
    """Every key the reading view answers to, the single keys first."""
    return _rows(READING_KEYS) + _rows(STANDARD_READING_KEYS)


def find_bar_shortcuts() -> list[Shortcut]:
    return _rows(FIND_BAR_KEYS)


def panel_shortcuts() -> list[Shortcut]:
    return _rows(PANEL_KEYS)


def shortcuts_from_actions(actions: Iterable[QAction]) -> list[Shortcut]:
    """Rows for the window's actions that have shortcuts (menu text without the & mnemonic)."""
    rows: list[Shortcut] = []
    for action in actions:
        keys = tuple(k.toString(QKeySequence.SequenceFormat.PortableText) for k in action.shortcuts())
        if keys:
            name = action.objectName() or action.text().replace("&", "")
            description = action.toolTip() or action.text().replace("&", "")
            row = Shortcut(name, keys, description.replace("&", ""))
            if row not in rows:  # the same action reached through two menus
                rows.append(row)
    return rows


def event_sequence(event: QKeyEvent) -> QKeySequence:
    """The key sequence of a key press (keypad and shift-produced symbols folded in)."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    key = event.key()
    text = event.text()
    if text in ("[", "]", "?", "/") and not (modifiers & ~Qt.KeyboardModifier.ShiftModifier):
        return QKeySequence(text)  # layouts differ in whether these need Shift
    return QKeySequence(QKeyCombination(modifiers, Qt.Key(key)))


def reading_action_for(event: QKeyEvent) -> str | None:
    """The ReadingView method bound to a key press, if any."""
    pressed = event_sequence(event)
    for name, keys, _ in READING_KEYS:
        if any(QKeySequence(k).matches(pressed) == QKeySequence.SequenceMatch.ExactMatch for k in keys):
            return name
    return None


def shortcut_sections(actions: Iterable[QAction]) -> list[tuple[str, list[Shortcut]]]:
    """Everything the ``?`` overlay shows: the window's actions, then the reading view, the find
    bar and the side panel (pass every action of the window; those without shortcuts drop out)."""
    return [(tr("Window"), shortcuts_from_actions(actions)), (tr("Reading"), reading_shortcuts()),
            (tr("Find bar"), find_bar_shortcuts()), (tr("Side panel"), panel_shortcuts())]
