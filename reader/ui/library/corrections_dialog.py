"""The reader's corrections of the library's entities: the list of those in force (each can be
undone), and the choice of articles for a split.

Passive dialogs: the library pages (ui/window/library_pages.py) make the corrections on the library's
thread and fill these with the answers.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.library.corrections import EntityCorrection
from reader.core.library.views import EntityArticle

ID_ROLE = Qt.ItemDataRole.UserRole + 1
DIALOG_SIZE = (520, 380)


def describe_correction(correction: EntityCorrection) -> str:
    """A correction in words, e.g. "Merged “putin” into “vladimir putin”"."""
    subject, value = correction.subject, correction.value or ""
    if correction.kind == "merge":
        text = f"Merged “{subject}” into “{value}”"
    elif correction.kind == "split":
        count = len(correction.articles)
        text = f"Split “{subject}” off in {count} article{'s' if count != 1 else ''}"
    elif correction.kind == "rename":
        text = f"Renamed “{correction.before or subject}” to “{value}”"
    elif correction.kind == "retype":
        text = f"Changed “{subject}” from {correction.before or 'its type'} to {value}"
    else:
        text = f"Hid “{subject}”"
    return f"{text} · {correction.created[:10]}"


class CorrectionsDialog(QDialog):
    """Every correction in force, oldest first; Undo removes the one selected."""

    undo_requested = Signal(int)  # a correction's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Corrections of Entities"))
        self.resize(*DIALOG_SIZE)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Corrections in force, oldest first"))
        self.empty = QLabel(self.tr("You have not corrected any entity."), self)
        self.undo = QPushButton(self.tr("Undo the Selected Correction"), self)
        self.undo.setEnabled(False)
        self.undo.clicked.connect(self._undo)
        self.list.currentItemChanged.connect(lambda item, _old: self.undo.setEnabled(item is not None))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Merges, splits, names, types and hidden entities are remembered "
                                        "and apply to every article, also after a new import."), self))
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.undo, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(buttons)

    def show_corrections(self, corrections: Sequence[EntityCorrection]) -> None:
        self.list.clear()
        for correction in corrections:
            item = QListWidgetItem(describe_correction(correction), self.list)
            item.setData(ID_ROLE, correction.id)
        self.empty.setVisible(not corrections)
        self.undo.setEnabled(False)

    def _undo(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.undo_requested.emit(int(item.data(ID_ROLE)))


class SplitDialog(QDialog):
    """Which of the entity's articles are about someone else (checked ones are split off)."""

    def __init__(self, name: str, articles: Sequence[EntityArticle], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Split “%1”").replace("%1", name))
        self.resize(*DIALOG_SIZE)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Articles where the name means someone else"))
        for article in articles:
            line = f"{(article.published or '')[:10]}  {article.title or article.id}"
            item = QListWidgetItem(line, self.list)
            item.setData(ID_ROLE, article.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        standard = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(standard.Ok | standard.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Check the articles where “%1” is someone else:").replace("%1", name),
                                self))
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def chosen(self) -> list[str]:
        items = (self.list.item(row) for row in range(self.list.count()))
        checked = Qt.CheckState.Checked
        return [str(i.data(ID_ROLE)) for i in items if i is not None and i.checkState() == checked]
