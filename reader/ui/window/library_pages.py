"""Views across the library (issue 16) as pages of the window: a person's or organization's
page, the disputes, the versions of a story, the sources of a selection or a site, and the
reader's corrections of entities.

Every library call is a Task on the library's one thread (``controller.runner``); a page is
shown when its answer comes. Exports are written on the window's file lane, whole (a temporary
file renamed). Each page has a way back to the library; a passage opens its article at the span.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
    QTreeWidgetItem,
    QWidget,
)

from reader.core.library.disputes import DisputeLink
from reader.core.library.entities import INDEXED_TYPES
from reader.core.library.speaker_page import SpeakerPage, page_csv, page_markdown
from reader.core.sourcing import SourceTally
from reader.core.storage.json_files import SHARED_FILE_MODE, write_atomic
from reader.ui.library.corrections_dialog import CorrectionsDialog, SplitDialog
from reader.ui.library.disputes_view import DisputesView
from reader.ui.library.sources_summary import SourcesDialog
from reader.ui.library.speaker_page import SpeakerPageView
from reader.ui.library.table import ID_ROLE
from reader.ui.library.versions_view import VersionsView
from reader.ui.tasks import FILE_LANE, Task

if TYPE_CHECKING:
    from reader.core.library.library import Library
    from reader.ui.window.library_home import LibraryHome

log = logging.getLogger(__name__)
T = TypeVar("T")

# Milliseconds of quiet typing in the library's search box before Sift asks whether the words
# name a person or organization (then offers their page).
SEARCH_ENTITY_DEBOUNCE_MS = 400
# Shorter searches are not looked up as names: two letters match too many entities to mean one.
MIN_ENTITY_QUERY = 3
# The facet groups whose values have a page.
PAGE_FACETS = ("person", "organization")
# A dynamic property set on an entity list once it leads to speaker pages.
LINKED = "siftSpeakerPagesLinked"
_NOT_NAME = re.compile(r"[^\w]+")
EXPORT_FILTERS = {"md": "Markdown (*.md)", "csv": "CSV (*.csv)"}


def export_text(page: SpeakerPage, export_format: str) -> str:
    return page_markdown(page) if export_format == "md" else page_csv(page)


def export_name(page: SpeakerPage, export_format: str) -> str:
    """A file name from the entity's name: "vladimir-putin.md"."""
    return (_NOT_NAME.sub("-", page.title.casefold()).strip("-_") or "entity") + "." + export_format


def write_export(path: Path, text: str) -> Path:
    write_atomic(path, text.encode("utf-8"), SHARED_FILE_MODE)
    return path


class LibraryPages(QObject):
    """The speaker, disputes and versions pages, and the ways to them from the library and the panel."""

    def __init__(self, home: LibraryHome) -> None:
        super().__init__(home)
        self.home = home
        self.window = home.window
        self.speaker = SpeakerPageView(self.window.stack)
        self.disputes = DisputesView(self.window.stack)
        self.versions = VersionsView(self.window.stack)
        for page in (self.speaker, self.disputes, self.versions):
            self.window.stack.addWidget(page)
            page.back_requested.connect(home.show)
        self.dialog: QWidget | None = None  # the last sources or corrections dialog (tests look at it)
        self.last_export: Path | None = None
        self.speaker.open_requested.connect(self.open_passage)
        self.speaker.export_requested.connect(self.export_page)
        self.speaker.correction_requested.connect(self.correct)
        self.speaker.disputes_requested.connect(self.open_disputes)
        self.disputes.open_requested.connect(self.open_passage)
        self.disputes.filter_changed.connect(self._ask_disputes)
        self.versions.open_requested.connect(lambda ident: home.open_article(ident))
        self._add_library_hooks()
        self.window.analysis_shown.connect(self.link_panel)
        home.controller.opened.connect(self.link_all_panels)

    # ------------------------------------------------------------------ asking the library
    def _ask(self, work: Callable[[Library], T], shown: Callable[[T], None]) -> bool:
        library = self.home.controller.library
        if library is None:
            self.window.message_bar.show_message(self.tr("The library is still opening."), "info")
            return False
        self.home.controller.runner.run(Task(lambda: work(library), shown))
        return True

    def _show_page(self, page: QWidget) -> None:
        self.window.stack.setCurrentWidget(page)
        page.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ the speaker page
    def open_speaker(self, name: str) -> None:
        """Show the page of the person or organization ``name`` means."""
        self._ask(lambda lib: lib.speaker_page(name), self._speaker_ready)

    def _speaker_ready(self, page: SpeakerPage) -> None:
        self.speaker.show_page(page)
        self._show_page(self.speaker)

    def open_passage(self, ident: str, start: int, end: int) -> None:
        """Open an article at a passage; (-1, -1): at the page's entity's first mention in it."""
        if start >= 0:
            self.home.open_article(ident, (start, end))
            return
        name = self.speaker.name()
        self._ask(lambda lib: lib.entity_mentions(ident, name),
                  lambda spans: self.home.open_article(
                      ident, (spans[0]["start"], spans[0]["end"]) if spans else None))

    def export_page(self, export_format: str) -> None:
        """Ask where, then write the page (Markdown or CSV) off the GUI thread."""
        page = self.speaker.page
        if page is None:
            return
        suggested = str(Path.home() / export_name(page, export_format))
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export the Page"), suggested,
                                              self.tr(EXPORT_FILTERS[export_format]))
        if path:
            self.write_page(page, export_format, Path(path))

    def write_page(self, page: SpeakerPage, export_format: str, path: Path) -> None:
        self.window.tasks.run(Task(lambda: write_export(path, export_text(page, export_format)),
                                   success=self._exported, lane=FILE_LANE))

    def _exported(self, path: Path) -> None:
        self.last_export = path
        self.window.message_bar.show_message(self.tr("Exported to %1").replace("%1", str(path)), "info")

    # ------------------------------------------------------------------ disputes
    def open_disputes(self, name: str = "") -> None:
        """Show the library's dispute links (those ``name``'s entity takes part in, when given)."""
        self.disputes.set_entity(name)
        if self._ask_disputes(name):
            self._show_page(self.disputes)

    def _ask_disputes(self, name: str) -> bool:
        def work(library: Library) -> Sequence[DisputeLink]:
            return library.disputes(name or None)

        return self._ask(work, self.disputes.show_links)

    # ------------------------------------------------------------------ versions and sources
    def open_versions(self, ident: str) -> None:
        if self._ask(lambda lib: lib.versions(ident), self.versions.show_versions):
            self._show_page(self.versions)

    def show_sources(self, ids: list[str] | None = None, site: str | None = None) -> None:
        """The sources of these articles, of a site, or of the whole library."""
        if ids:
            heading = self.tr("Sources of %n selected article(s)", "", len(ids))
        elif site:
            heading = self.tr("Sources of %1").replace("%1", site)
        else:
            heading = self.tr("Sources of the whole library")
        dialog = SourcesDialog(heading, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.source_chosen.connect(self.open_speaker)
        self.dialog = dialog
        count = len(ids) if ids else None
        def shown(tallies: list[SourceTally]) -> None:
            dialog.show_tallies(tallies, count)

        self._ask(lambda lib: lib.aggregate_sources(ids or None, site), shown)
        dialog.show()

    # ------------------------------------------------------------------ corrections
    def correct(self, kind: str) -> None:
        """Ask the reader for what a correction needs, make it, then show the page again."""
        page = self.speaker.page
        if page is None:
            return
        if kind == "list":
            self.show_corrections()
        elif kind == "split":
            self.split(page)
        else:
            self.correct_entity(page.title, page.title, page.type, kind)

    def correct_from_panel(self, path: str, name: str, entity_type: str, kind: str) -> None:
        """A correction asked from a tab's entity list: of the library entity that name is in
        that article (the panel's name and the library's can differ)."""
        own = self.home.library_id(path) or path

        def found(key: str | None) -> None:
            if key is None:
                self.window.message_bar.show_message(
                    self.tr("“%1” is not in the library's index of names.").replace("%1", name), "info")
                return
            links = self.home.entity_links
            self.correct_entity(key, name, entity_type, kind, after=lambda: links.fill_counts(path))

        self._ask(lambda lib: lib.entity_in_article(own, name), found)

    def correct_entity(self, subject: str, name: str, entity_type: str | None, kind: str,
                       after: Callable[[], None] | None = None) -> None:
        """Ask what a merge, rename, retype or hide needs and make it (``subject``: a library
        entity's key or name; ``name`` what the reader knows it by)."""
        win = self.window
        if kind == "merge":
            into, ok = QInputDialog.getText(win, self.tr("Merge"),
                                            self.tr("“%1” is the same as:").replace("%1", name))
            if ok and into.strip():
                self.apply(lambda lib: lib.merge_entities(subject, into.strip()), into.strip(), after)
        elif kind == "rename":
            new, ok = QInputDialog.getText(win, self.tr("Rename"), self.tr("New name:"), text=name)
            if ok and new.strip() and new.strip() != name:
                self.apply(lambda lib: lib.rename_entity(subject, new.strip()), new.strip(), after)
        elif kind == "retype":
            types = sorted(INDEXED_TYPES)
            current = types.index(entity_type) if entity_type in types else 0
            question = self.tr("“%1” is a:").replace("%1", name)
            chosen, ok = QInputDialog.getItem(win, self.tr("Change Type"), question, types, current, False)
            if ok and chosen != entity_type:
                self.apply(lambda lib: lib.retype_entity(subject, chosen), name, after)
        elif kind == "hide":
            answer = QMessageBox.question(win, self.tr("Hide"), self.tr(
                "Hide “%1” from the library's people and organizations? Corrections Made… undoes it.")
                .replace("%1", name))
            if answer == QMessageBox.StandardButton.Yes:
                self.apply(lambda lib: lib.hide_entity(subject), name, after)

    def split(self, page: SpeakerPage) -> None:
        dialog = SplitDialog(page.title, page.articles, self.window)
        self.dialog = dialog
        if dialog.exec() and dialog.chosen():
            ids = dialog.chosen()
            self.apply(lambda lib: lib.split_entity(page.title, ids), page.title)

    def apply(self, work: Callable[[Library], Any], then_show: str,
              after: Callable[[], None] | None = None) -> None:
        """Make a correction on the library's thread; the list and the page follow it."""
        def done(_result: object) -> None:
            if after is not None:
                after()
            self.home.controller.refresh()
            self.home.controller.changed.emit()
            if self.window.stack.currentWidget() is self.speaker:
                self.open_speaker(then_show)

        self._ask(work, done)

    def show_corrections(self) -> None:
        dialog = CorrectionsDialog(self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog

        def undo(correction_id: int) -> None:
            def undone(_result: object) -> None:
                self._ask(lambda lib: lib.entity_corrections(), dialog.show_corrections)
                self.home.controller.refresh()
                self.home.controller.changed.emit()
                if self.speaker.page is not None and self.window.stack.currentWidget() is self.speaker:
                    self.open_speaker(self.speaker.page.name)

            self._ask(lambda lib: lib.remove_correction(correction_id), undone)

        dialog.undo_requested.connect(undo)
        self._ask(lambda lib: lib.entity_corrections(), dialog.show_corrections)
        dialog.show()

    # ------------------------------------------------------------------ ways in: the library view
    def _add_library_hooks(self) -> None:
        view = self.home.view
        self._hint_name = ""
        self.search_hint = QPushButton(view)
        self.search_hint.setFlat(True)
        self.search_hint.hide()
        self.search_hint.clicked.connect(lambda: self.open_speaker(self._hint_name))
        self._hint_timer = QTimer(self, singleShot=True, interval=SEARCH_ENTITY_DEBOUNCE_MS)
        self._hint_timer.timeout.connect(self._look_up_search)
        view.search_changed.connect(lambda _text: self._hint_timer.start())
        self.across = QToolButton(view)
        self.across.setText(self.tr("Across Articles"))
        self.across.setAccessibleName(self.tr("Views across the articles"))
        self.across.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.across)
        menu.addAction(self.tr("Disputes…"), lambda: self.open_disputes(""))
        menu.addAction(self.tr("Sources of the Selected Articles…"), self._selection_sources)
        menu.addAction(self.tr("Sources of the Selected Article's Site…"), self._site_sources)
        menu.addAction(self.tr("Versions of the Selected Story…"), self._selection_versions)
        menu.addSeparator()
        menu.addAction(self.tr("Corrections of Entities…"), self.show_corrections)
        self.across.setMenu(menu)
        self.compare = QPushButton(view)  # "Compare 2 Versions" of the article the list is on
        self.compare.hide()
        self.compare.clicked.connect(self._selection_versions)
        view.table.selectionModel().currentRowChanged.connect(lambda _now, _before: self._offer_versions())
        view.model.dataChanged.connect(lambda *_args: self._offer_versions())
        view.top_row.insertWidget(1, self.search_hint)
        view.top_row.addWidget(self.compare)
        view.top_row.addWidget(self.across)
        view.facets.itemDoubleClicked.connect(self._facet_page)
        view.facets.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.facets.customContextMenuRequested.connect(self._facet_menu)

    def _look_up_search(self) -> None:
        """Offer a page when the search names a person or organization of the library (a place
        or a word is not offered)."""
        text = " ".join(self.home.view.search.text().split())
        if len(text) < MIN_ENTITY_QUERY or any(c in text for c in '"-*'):
            self.search_hint.hide()
            return

        def shown(page: SpeakerPage) -> None:
            current = " ".join(self.home.view.search.text().split())
            self._hint_name = page.title
            self.search_hint.setText(self.tr("Everything “%1” said →").replace("%1", page.title))
            self.search_hint.setVisible(page.type in PAGE_FACETS and current == text)

        self._ask(lambda lib: lib.speaker_page(text), shown)

    def _selection_sources(self) -> None:
        ids = self.home.view.selected_ids()
        self.show_sources(ids or None)

    def _site_sources(self) -> None:
        ids = self.home.view.selected_ids()
        if not ids:
            self.show_sources()
            return
        row = next(r for r in range(self.home.view.model.rowCount())
                   if self.home.view.model.row_at(r).summary.id == ids[0])
        site = self.home.view.model.row_at(row).summary.site
        self.show_sources(None, site) if site else self.show_sources(ids[:1])

    def _offer_versions(self) -> None:
        """A story the library holds several copies of offers to compare them."""
        index = self.home.view.table.currentIndex()
        ident = index.data(ID_ROLE) if index.isValid() else None
        count = self.home.view.model.versions_of(ident) if ident else 1
        self.compare.setText(self.tr("Compare %1 Versions").replace("%1", str(count)))
        self.compare.setVisible(count > 1)

    def _selection_versions(self) -> None:
        index = self.home.view.table.currentIndex()
        ids = [index.data(ID_ROLE)] if index.isValid() else self.home.view.selected_ids()
        if ids:
            self.open_versions(ids[0])

    def _facet_page(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        data = item.data(0, Qt.ItemDataRole.UserRole)
        if data and data[0] in PAGE_FACETS:
            self.open_speaker(data[1])
        elif data and data[0] == "site":
            self.show_sources(None, data[1])

    def _facet_menu(self, position: QPoint) -> None:
        facets = self.home.view.facets
        item = facets.itemAt(position)
        data = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if not data:
            return
        menu = QMenu(facets)
        if data[0] in PAGE_FACETS:
            label = self.tr("Open Person Page") if data[0] == "person" else self.tr("Open Organization Page")
            menu.addAction(label, lambda: self.open_speaker(data[1]))
            menu.addAction(self.tr("Disputes…"), lambda: self.open_disputes(data[1]))
        elif data[0] == "site":
            menu.addAction(self.tr("Sources of This Site…"), lambda: self.show_sources(None, data[1]))
        else:
            return
        menu.popup(facets.viewport().mapToGlobal(position))

    # ------------------------------------------------------------------ ways in: the side panel
    def link_all_panels(self) -> None:
        for item in self.window.session.articles():
            self.link_panel(item.path)

    def link_panel(self, path: str) -> None:
        """The panel's "Everything NAME said" opens the page (connected once per entity list)."""
        from reader.ui.window.entity_links import entity_list_of

        tab = self.window.session.tab_for_path(path)
        entities = entity_list_of(tab) if tab is not None else None
        if entities is None or entities.property(LINKED):
            return
        entities.setProperty(LINKED, True)
        entities.speaker_requested.connect(self.open_speaker)
        entities.correction_requested.connect(
            lambda name, kind_of, kind: self.correct_from_panel(path, name, kind_of, kind))
