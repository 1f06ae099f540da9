"""The Entities tab: entities grouped by type, a filter, and stepping through the mentions."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.model import Analysis
from reader.ui.reading.theme import DEFAULT_THEME, Theme, theme_named
from reader.ui.side_panel.entity_marks import (
    GROUP_TITLE_ROLE,
    ICON_SIZE,
    INDEX_ROLE,
    MUTED_ROLE,
    PROMINENCE_ROLE,
    QUOTED_ROLE,
    TYPE_ROLE,
    mark_icon,
    prominence_icon,
    speech_icon,
)
from reader.ui.side_panel.grouping import (
    GROUPS,
    confidence_of,
    grouped_entities,
    is_low_confidence,
    is_minor_number,
    matches_filter,
    prominence,
    quoted_names,
)
from reader.ui.side_panel.positions import sorted_mentions

__all__ = ["INDEX_ROLE", "EntitiesTab"]

# The column that says in how many other library articles an entity appears ("+3").
LIBRARY_COLUMN = 3
# The entity types that have a page of what they said in the library (people and organizations).
SPEAKER_TYPES = frozenset(("person", "organization"))
# The corrections of the library's entity the panel offers, as (kind, menu label); a split needs
# the entity's articles, so it is made from its page.
LIBRARY_CORRECTIONS = (("merge", "Merge With Another Entity…"), ("rename", "Rename…"),
                       ("retype", "Change Type…"), ("hide", "Hide From the Library"))
# Rows a line and a half high: room around each name, so the list reads as a list, not a table.
ROW_HEIGHT_LINES = 1.6


class EntitiesTab(QWidget):
    """Selecting an entity reports its mentions; Next/Previous step through them."""

    mention_changed = Signal(int, int)  # (entity index, mention index); (-1, -1) when none
    library_requested = Signal(str)  # an entity's name: list the other articles that mention it
    speaker_requested = Signal(str)  # an entity's name: its page across the library
    correction_requested = Signal(str, str, str)  # an entity's name, type, and a kind of LIBRARY_CORRECTIONS
    highlight_wanted = Signal(int, int)  # an Article.text span to highlight: a mention (context menu)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.analysis = Analysis()
        self.entity = -1
        self.mention = -1
        self.library_counts: dict[str, int] = {}  # entity name → other library articles naming it
        self._lead_end, self._top_prominence = 0, 1
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter entities"))
        self.filter.setAccessibleName(self.tr("Filter entities"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.filter.returnPressed.connect(self._select_first_visible)
        self.filter.setAccessibleDescription(self.tr("Shows only the entities whose name or alias "
                                                     "contains this text"))
        self.show_numbers = QCheckBox(self.tr("Show ordinals and small numbers"), self)
        self.show_numbers.setAccessibleName(self.tr("Show ordinals and small numbers"))
        self.show_numbers.setAccessibleDescription(self.tr(
            "Words like “first” or “four” are hidden unless this is checked"))
        self.show_numbers.toggled.connect(lambda _on: self._apply_filter(self.filter.text()))
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Entities"))
        self.tree.setAccessibleDescription(self.tr(
            "People, organizations, places and other names, grouped by type, most prominent first. "
            "Enter steps to the next mention in the text."))
        self.theme = theme_named(DEFAULT_THEME)
        self.tree.setIconSize(ICON_SIZE)
        self.tree.setUniformRowHeights(True)
        self.tree.setColumnCount(4)
        # The hidden header's words still count when Qt sizes a column to its contents, so the narrow
        # columns carry their names for screen readers only; else they would squeeze the names out.
        self.tree.setHeaderLabels([self.tr("Name"), "", "", ""])
        for column, name in ((1, self.tr("Mentions")), (2, self.tr("Quoted")),
                             (LIBRARY_COLUMN, self.tr("Other articles"))):
            self.tree.headerItem().setData(column, Qt.ItemDataRole.AccessibleTextRole, name)
        self.tree.setHeaderHidden(True)  # the group rows say what the columns hold
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, LIBRARY_COLUMN):
            self.tree.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(12)  # the type mark already sets rows apart from their group
        self.tree.currentItemChanged.connect(self._on_current_item)
        self.tree.itemClicked.connect(self._on_item_clicked)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._show_context_menu)
        self.tree.installEventFilter(self)
        self.previous_button = self._step_button("▲", self.tr("Previous mention"), -1)
        self.next_button = self._step_button("▼", self.tr("Next mention"), 1)
        self.position_label = QLabel(self)
        self.position_label.setAccessibleName(self.tr("Mention position"))
        self.library_button = QPushButton(self)  # "In N other articles" of the selected entity
        self.library_button.setFlat(True)
        self.library_button.setAccessibleDescription(self.tr(
            "Lists the other articles of your library that mention this entity"))
        self.library_button.clicked.connect(self._request_library)
        self.library_button.hide()
        self.speaker_button = QPushButton(self)  # "Everything NAME said": the entity's library page
        self.speaker_button.setFlat(True)
        self.speaker_button.setAccessibleDescription(self.tr(
            "Opens this entity's page: what it is reported to have said across your library"))
        self.speaker_button.clicked.connect(self._request_speaker)
        self.speaker_button.hide()
        self.empty_label = QLabel(self.tr("No people, places or organizations were found."), self)
        self.empty_label.setWordWrap(True)
        self._lay_out()
        self._update_stepper()

    def _step_button(self, text: str, name: str, step: int) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(name + (" (Enter)" if step > 0 else " (Shift+Enter)"))
        button.setAccessibleName(name)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.clicked.connect(lambda: self.step(step))
        return button

    def _lay_out(self) -> None:
        stepper = QHBoxLayout()
        stepper.addWidget(self.previous_button)
        stepper.addWidget(self.next_button)
        stepper.addWidget(self.position_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.show_numbers)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(stepper)
        links = QHBoxLayout()
        links.addWidget(self.library_button)
        links.addWidget(self.speaker_button)
        links.addStretch(1)
        layout.addLayout(links)

    # filling ------------------------------------------------------------------------------------
    def set_analysis(self, analysis: Analysis, lead_end: int) -> None:
        """Fill the tree; keep the selected entity when re-analysis still finds it."""
        previous = self.analysis.entities[self.entity].name if self.entity >= 0 else None
        self.analysis = analysis
        self.entity, self.mention = -1, -1
        self.tree.blockSignals(True)
        self.tree.clear()
        quoted = quoted_names(analysis.claims)
        top = max((prominence(e, lead_end) for e in analysis.entities), default=1) or 1
        self._lead_end, self._top_prominence = lead_end, top
        group_types = {title: types[0] for title, types in GROUPS}
        for title, members in grouped_entities(analysis.entities, lead_end).items():
            group = QTreeWidgetItem(self.tree, [f"{self.tr(title)} ({len(members)})"])
            group.setData(0, TYPE_ROLE, group_types.get(title, "other"))
            group.setData(0, GROUP_TITLE_ROLE, title)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            self._paint_row(group)
            for index in members:
                self._add_entity_row(group, index, analysis.entities[index].name in quoted)
            group.setExpanded(True)
        self.tree.blockSignals(False)
        self.library_counts = {}
        self.empty_label.setVisible(not analysis.entities)
        self._apply_filter(self.filter.text())
        names = [e.name for e in analysis.entities]
        if previous in names:
            self.select_entity(names.index(previous))
        else:
            self.mention_changed.emit(-1, -1)
        self._update_stepper()

    def _add_entity_row(self, group: QTreeWidgetItem, index: int, quoted: bool) -> None:
        entity = self.analysis.entities[index]
        count = len(sorted_mentions(entity))
        row = QTreeWidgetItem(group, [entity.name, str(count), ""])
        row.setData(0, INDEX_ROLE, index)
        row.setData(0, TYPE_ROLE, entity.type)
        row.setData(1, PROMINENCE_ROLE, prominence(entity, self._lead_end) / self._top_prominence)
        row.setData(2, QUOTED_ROLE, quoted)
        row.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        muted = is_low_confidence(entity)
        row.setData(0, MUTED_ROLE, muted)
        if muted:
            font = row.font(0)
            font.setItalic(True)
            row.setFont(0, font)
        self._paint_row(row)
        aliases = [a for a in entity.aliases if a != entity.name]
        lines = [entity.name, self.tr("{0} · {1} mentions").format(self.tr(entity.type), count)]
        if aliases:
            lines.append(self.tr("Also: {}").format(", ".join(aliases)))
        if quoted:
            lines.append(self.tr("Quoted: speaks in at least one claim"))
        if muted:
            lines.append(self.tr("Low confidence ({:.0%}): the analysis is unsure of this name")
                         .format(confidence_of(entity)))
        for column in range(LIBRARY_COLUMN + 1):
            row.setToolTip(column, "\n".join(lines))
        spoken = self.tr("{0}, {1}, {2} mentions").format(entity.name, self.tr(entity.type), count)
        if quoted:
            spoken += ", " + self.tr("quoted")
        if muted:
            spoken += ", " + self.tr("low confidence")
        row.setData(0, Qt.ItemDataRole.AccessibleTextRole, spoken)

    # the library ------------------------------------------------------------------------------------
    def set_library_counts(self, counts: dict[str, int]) -> None:
        """How many other articles of the library name each entity (by name); 0 shows nothing."""
        self.library_counts = dict(counts)
        for row in self._rows():
            count = self.library_counts.get(self.analysis.entities[row.data(0, INDEX_ROLE)].name, 0)
            row.setText(LIBRARY_COLUMN, f"+{count}" if count else "")
            row.setForeground(LIBRARY_COLUMN, QBrush(QColor(self.theme.link)))
            row.setToolTip(LIBRARY_COLUMN, self.in_other_articles(count) if count else "")
            row.setTextAlignment(LIBRARY_COLUMN, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._update_library_button()

    def in_other_articles(self, count: int) -> str:
        if count == 1:
            return self.tr("In 1 other article")
        return self.tr("In %1 other articles").replace("%1", str(count))

    def _update_library_button(self) -> None:
        name = self.analysis.entities[self.entity].name if self.entity >= 0 else None
        count = self.library_counts.get(name, 0) if name else 0
        self.library_button.setText(self.in_other_articles(count) + " …")
        self.library_button.setAccessibleName(self.in_other_articles(count))
        self.library_button.setVisible(count > 0)
        entity = self.analysis.entities[self.entity] if self.entity >= 0 else None
        speaks = entity is not None and entity.type in SPEAKER_TYPES and bool(self.library_counts)
        if entity is not None:
            self.speaker_button.setText(self.tr("Everything %1 said").replace("%1", entity.name) + " …")
            self.speaker_button.setAccessibleName(self.speaker_button.text().rstrip(" …"))
        self.speaker_button.setVisible(speaks)

    def _on_item_clicked(self, item: QTreeWidgetItem, column: int) -> None:
        if column == LIBRARY_COLUMN and item.text(LIBRARY_COLUMN):
            self._request_library()

    def _request_library(self) -> None:
        if self.entity >= 0:
            self.library_requested.emit(self.analysis.entities[self.entity].name)

    def _request_speaker(self) -> None:
        if self.entity >= 0:
            self.speaker_requested.emit(self.analysis.entities[self.entity].name)

    # highlighting from the panel --------------------------------------------------------------------
    def mention_span(self, index: int) -> tuple[int, int] | None:
        """The mention a highlight of entity ``index`` covers: the one stepped to, else the first."""
        mentions = sorted_mentions(self.analysis.entities[index])
        if not mentions:
            return None
        current = index == self.entity and 0 <= self.mention < len(mentions)
        return mentions[self.mention] if current else mentions[0]

    def context_menu(self, item: QTreeWidgetItem | None) -> QMenu | None:
        """An entity row's menu (None for a group row): Highlight its mention."""
        index = item.data(0, INDEX_ROLE) if item is not None else None
        span = self.mention_span(index) if index is not None else None
        if span is None or index is None:
            return None
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.tr("Highlight"), lambda: self.highlight_wanted.emit(*span))
        entity = self.analysis.entities[index]
        if self.library_counts:  # the library is linked: its page and its corrections
            menu.addSeparator()
            if entity.type in SPEAKER_TYPES:
                said = self.tr("Everything %1 said").replace("%1", entity.name)
                menu.addAction(said.replace("&", "&&"), lambda: self.speaker_requested.emit(entity.name))
            fixes = menu.addMenu(self.tr("Correct in the Library"))
            for kind, label in LIBRARY_CORRECTIONS:
                fixes.addAction(self.tr(label)).setData(kind)
            fixes.triggered.connect(lambda action: self.correction_requested.emit(
                entity.name, entity.type, str(action.data())))
        return menu

    def _show_context_menu(self, position: QPoint) -> None:
        menu = self.context_menu(self.tree.itemAt(position))
        if menu is not None:
            menu.popup(self.tree.viewport().mapToGlobal(position))

    def _groups(self) -> list[QTreeWidgetItem]:
        items = (self.tree.topLevelItem(g) for g in range(self.tree.topLevelItemCount()))
        return [item for item in items if item is not None]

    def _rows(self, group: QTreeWidgetItem | None = None) -> list[QTreeWidgetItem]:
        """The entity rows of one group, or of all groups."""
        groups = [group] if group is not None else self._groups()
        items = (g.child(r) for g in groups for r in range(g.childCount()))
        return [item for item in items if item is not None]

    def _apply_filter(self, text: str) -> None:
        """The filter text, and ordinals / small numbers unless the reader asked for them."""
        numbers = self.show_numbers.isChecked()
        for group in self._groups():
            visible = shown = 0
            for row in self._rows(group):
                entity = self.analysis.entities[row.data(0, INDEX_ROLE)]
                minor = not numbers and is_minor_number(entity)
                hide = minor or not matches_filter(entity, text)
                row.setHidden(hide)
                visible += not hide
                shown += not minor
            group.setHidden(visible == 0)
            group.setText(0, f"{self.tr(group.data(0, GROUP_TITLE_ROLE))} ({shown})")

    def set_theme(self, theme: Theme) -> None:
        """The type marks, bars and muted names in the theme's colours."""
        self.theme = theme
        for group in self._groups():
            self._paint_row(group)
            for row in self._rows(group):
                self._paint_row(row)
        self.set_library_counts(self.library_counts)

    def _paint_row(self, item: QTreeWidgetItem) -> None:
        """Icons for a row in the current theme: type mark, prominence bar, speech mark."""
        theme, ratio = self.theme, self.devicePixelRatioF()
        metrics = self.tree.fontMetrics()
        item.setSizeHint(0, QSize(metrics.horizontalAdvance(item.text(0)) + ICON_SIZE.width() + 12,
                                  round(metrics.height() * ROW_HEIGHT_LINES)))
        kind = str(item.data(0, TYPE_ROLE) or "other")
        item.setIcon(0, mark_icon(kind, theme.type_colour(kind), ratio))
        if item.data(0, INDEX_ROLE) is None:
            return  # a group header: the mark only
        item.setIcon(1, prominence_icon(float(item.data(1, PROMINENCE_ROLE) or 0.0), theme, ratio))
        item.setForeground(1, QBrush(QColor(theme.muted)))
        if item.data(2, QUOTED_ROLE):
            item.setIcon(2, speech_icon(theme.type_colour("person"), ratio))
        if item.data(0, MUTED_ROLE):
            item.setForeground(0, QBrush(QColor(theme.muted)))

    def _select_first_visible(self) -> None:
        for row in self._rows():
            if not row.isHidden():
                self.tree.setCurrentItem(row)
                self.tree.setFocus()
                return

    # selection and stepping ---------------------------------------------------------------------
    def select_entity(self, index: int, mention: int = 0) -> None:
        """Select an entity (e.g. clicked in the text) with one of its mentions current."""
        for row in self._rows():
            if row.data(0, INDEX_ROLE) == index:
                if row.isHidden():
                    self.filter.clear()
                    if row.isHidden():  # a small number, clicked in the text
                        self.show_numbers.setChecked(True)
                self.tree.blockSignals(True)
                self.tree.setCurrentItem(row)
                self.tree.blockSignals(False)
                self.tree.scrollToItem(row)
                self._set_current(index, mention)
                return

    def clear_selection(self) -> None:
        self.tree.blockSignals(True)
        self.tree.setCurrentIndex(QModelIndex())
        self.tree.clearSelection()
        self.tree.blockSignals(False)
        self.entity, self.mention = -1, -1
        self._update_stepper()

    def _on_current_item(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        index = item.data(0, INDEX_ROLE) if item is not None else None
        if index is None:
            self.entity, self.mention = -1, -1
            self._update_stepper()
            self.mention_changed.emit(-1, -1)
        else:
            self._set_current(int(index), 0)

    def _set_current(self, entity: int, mention: int) -> None:
        count = len(sorted_mentions(self.analysis.entities[entity]))
        self.entity, self.mention = entity, max(0, min(mention, count - 1))
        self._update_stepper()
        self.mention_changed.emit(self.entity, self.mention)

    def step(self, direction: int) -> None:
        """Go to the next (1) or previous (-1) mention of the selected entity, wrapping around."""
        if self.entity < 0:
            return
        count = len(sorted_mentions(self.analysis.entities[self.entity]))
        if count:
            self._set_current(self.entity, (self.mention + direction) % count)

    def _update_stepper(self) -> None:
        self._update_library_button()
        has = self.entity >= 0
        count = len(sorted_mentions(self.analysis.entities[self.entity])) if has else 0
        self.previous_button.setEnabled(count > 1)
        self.next_button.setEnabled(count > 1)
        if not has:
            self.position_label.setText("")
        elif count == 0:
            self.position_label.setText(self.tr("no mentions in the text"))
        else:
            self.position_label.setText(self.tr("{0} of {1}").format(self.mention + 1, count))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Enter / Shift+Enter on the list step through the mentions."""
        if watched is self.tree and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = key_event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.step(-1 if shift else 1)
                return True
        return super().eventFilter(watched, event)
