"""The page shown when no article is open: a welcome, a drop zone, recent files, the sample."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

# The welcome column stays readable on a wide window.
MAX_COLUMN_PX = 560
DROP_ZONE_PX = 140
ICON_PX = 64


class EmptyState(QWidget):
    """Drops land on the main window (it accepts them for every page); this page invites them."""

    open_requested = Signal()
    sample_requested = Signal()
    recent_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Welcome page"))
        column = QWidget(self)
        column.setMaximumWidth(MAX_COLUMN_PX)
        layout = QVBoxLayout(column)
        layout.setSpacing(14)
        icon = QLabel(column)
        icon.setPixmap(QApplication.windowIcon().pixmap(ICON_PX, ICON_PX))
        icon.setAccessibleName(self.tr("Sift"))
        layout.addWidget(icon)
        title = QLabel(self.tr("Welcome to Sift"), column)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(self.tr("Read saved news articles without the clutter: menus, share bars, "
                               "newsletter prompts and tails of unrelated headlines are set aside, "
                               "and you can always see what was removed."), column)
        intro.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self._build_drop_zone(column))
        layout.addLayout(self._build_buttons(column))
        self.recent_label = QLabel(self.tr("Recent files"), column)
        self.recent_list = QListWidget(column)
        self.recent_list.setAccessibleName(self.tr("Recent files"))
        self.recent_list.setToolTip(self.tr("Click a file to open it"))
        for signal in (self.recent_list.itemActivated, self.recent_list.itemClicked):
            signal.connect(lambda item: self.recent_activated.emit(item.data(Qt.ItemDataRole.UserRole)))
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent_list)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 4)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)  # a little above centre, where the eye lands
        self.set_recent([])

    def _build_drop_zone(self, parent: QWidget) -> QFrame:
        zone = QFrame(parent)
        zone.setObjectName("dropZone")
        zone.setAccessibleName(self.tr("Drop zone"))
        zone.setFixedHeight(DROP_ZONE_PX)
        self.drop_zone = zone
        self.set_drop_active(False)
        label = QLabel(self.tr("Drop saved articles here\n"
                               "web pages (.html, .mhtml, .webarchive) or text files (.txt)"), zone)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        label.setFont(font)
        QVBoxLayout(zone).addWidget(label)
        return zone

    def _build_buttons(self, parent: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open a File…"), parent)
        self.open_button.setAccessibleName(self.tr("Open a file"))
        self.open_button.clicked.connect(self.open_requested)
        self.open_button.setDefault(True)
        self.sample_button = QPushButton(self.tr("Open the Sample Article"), parent)
        self.sample_button.setAccessibleName(self.tr("Open the sample article"))
        self.sample_button.clicked.connect(self.sample_requested)
        row.addWidget(self.open_button)
        row.addWidget(self.sample_button)
        row.addStretch(1)
        return row

    def set_drop_active(self, on: bool) -> None:
        """Light the drop zone up while files are dragged over the window."""
        colour, fill = (("palette(highlight)", "palette(alternate-base)") if on
                        else ("palette(mid)", "transparent"))
        self.drop_zone.setStyleSheet(
            f"#dropZone {{ border: 2px dashed {colour}; border-radius: 10px; background: {fill}; }}")

    def set_recent(self, paths: list[str]) -> None:
        """Show the recent files (name, then folder); the heading hides when there are none."""
        self.recent_list.clear()
        for path in paths:
            item = QListWidgetItem(f"{Path(path).name}  —  {Path(path).parent}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            self.recent_list.addItem(item)
        self.recent_label.setVisible(bool(paths))
        self.recent_list.setVisible(bool(paths))
        if paths:  # as tall as its rows: no empty box under one file
            rows = sum(self.recent_list.sizeHintForRow(i) for i in range(len(paths)))
            self.recent_list.setFixedHeight(rows + 2 * self.recent_list.frameWidth() + 4)
