"""From the side panel into the library: beside each entity, in how many other articles of the
library it appears; a click lists them, each with the sentence it occurs in, and opens one at
that mention.

The counts are asked for when a tab's panel fills, on the library's own thread (one query per
entity; the window never waits for them); they come to the panel's entity list when ready.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QMenu

from reader.ui.tasks import Task
from reader.ui.window.tab_contract import widget_of

if TYPE_CHECKING:
    from reader.core.library.library import Library
    from reader.ui.side_panel.entities_tab import EntitiesTab
    from reader.ui.window.library_home import LibraryHome
    from reader.ui.window.tab_contract import ReaderTab

log = logging.getLogger(__name__)

# The list of other articles names at most this many (most mentions first): a menu, not a page.
MENTION_LIST_LIMIT = 20
# A sentence longer than this is cut (with an ellipsis) so the list stays one line per article.
SENTENCE_CHARS = 120
TITLE_CHARS = 60
# A sentence that opens with one of these is shown as it is, not in quotation marks of its own.
QUOTE_MARKS = "\"“‘'«„"
# A dynamic property set on an entity list once its clicks lead into the library.
LINKED = "siftLibraryLinked"


@dataclass(frozen=True)
class MentionLine:
    """One other article naming the entity, and where: the first mention and its sentence."""

    id: str
    title: str
    start: int
    end: int
    sentence: str


def other_article_counts(library: Library, names: list[str], own_ref: str) -> dict[str, int]:
    """Entity name → how many library articles other than ``own_ref``'s name it."""
    own = library.resolve(own_ref)
    counts = {}
    for name in dict.fromkeys(names):
        counts[name] = sum(1 for article in library.entity_articles(name) if article.id != own)
    return counts


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def mention_lines(library: Library, name: str, own_ref: str,
                  limit: int = MENTION_LIST_LIMIT) -> list[MentionLine]:
    """The other articles naming ``name``, each with its first mention's sentence."""
    from reader.core.sourcing import sentence_around

    own = library.resolve(own_ref)
    lines: list[MentionLine] = []
    for article in library.entity_articles(name):
        if article.id == own:
            continue
        spans = library.entity_mentions(article.id, name)
        stored = library.article(article.id)
        if not spans or stored is None:
            continue
        text, first = stored.record["text"], spans[0]
        start, end = sentence_around(text, first["start"], first["end"])
        title = article.title or stored.summary.id
        lines.append(MentionLine(article.id, title, first["start"], first["end"],
                                 shorten(text[start:end], SENTENCE_CHARS)))
        if len(lines) >= limit:
            break
    return lines


def entity_list_of(tab: ReaderTab) -> EntitiesTab | None:
    """The tab's panel entity list, when the tab has Sift's side panel."""
    from reader.ui.side_panel.entities_tab import EntitiesTab

    return widget_of(tab).findChild(EntitiesTab)


class EntityLinks(QObject):
    """Fills the panels' "In N other articles" and opens what the reader picks from the list."""

    def __init__(self, home: LibraryHome) -> None:
        super().__init__(home)
        self.home = home
        self.menu: QMenu | None = None  # the last list shown (tests pick from it)
        home.window.analysis_shown.connect(self.fill_counts)
        home.controller.opened.connect(self.fill_all)

    def fill_all(self) -> None:
        for item in self.home.window.session.articles():
            if item.analysis is not None:
                self.fill_counts(item.path)

    def fill_counts(self, path: str) -> None:
        """Ask the library, in the background, how many other articles name each entity."""
        library = self.home.controller.library
        tab = self.home.window.session.tab_for_path(path)
        item = self.home.window.session.item_for(tab) if tab is not None else None
        if library is None or item is None or item.analysis is None:
            return  # the library is not open yet: fill_all runs when it is
        names = [entity.name for entity in item.analysis.entities]
        own = self.home.library_id(path) or path
        analysis = item.analysis
        self.home.controller.runner.run(Task(
            lambda: other_article_counts(library, names, own),
            success=lambda counts: self._show_counts(path, analysis, counts)))

    def _show_counts(self, path: str, analysis: object, counts: dict[str, int]) -> None:
        session = self.home.window.session
        tab = session.tab_for_path(path)
        item = session.item_for(tab) if tab is not None else None
        if tab is None or item is None or item.analysis is not analysis:
            return  # closed, or analysed again meanwhile
        entities = entity_list_of(tab)
        if entities is None:
            return
        entities.set_library_counts(counts)
        if not entities.property(LINKED):
            entities.setProperty(LINKED, True)
            entities.library_requested.connect(lambda name: self.list_articles(path, name))

    def list_articles(self, path: str, name: str) -> None:
        """The other articles naming ``name``, with their sentences, as a menu by the mouse."""
        library = self.home.controller.library
        if library is None:
            return
        own = self.home.library_id(path) or path
        self.home.controller.runner.run(Task(lambda: mention_lines(library, name, own),
                                             success=lambda lines: self._show_list(name, lines)))

    def _show_list(self, name: str, lines: list[MentionLine]) -> None:
        window = self.home.window
        if not lines:
            window.message_bar.show_message(
                window.tr("No other article of the library mentions %1.").replace("%1", name), "info")
            return
        menu = self.menu = QMenu(window)
        menu.setAccessibleName(window.tr("Other articles that mention %1").replace("%1", name))
        menu.setToolTipsVisible(True)
        heading = menu.addAction(window.tr("%1 in other articles").replace("%1", name))
        heading.setEnabled(False)
        for line in lines:
            quoted = line.sentence if line.sentence[:1] in QUOTE_MARKS else f"“{line.sentence}”"
            text = f"{shorten(line.title, TITLE_CHARS)} — {quoted}"
            action = menu.addAction(text.replace("&", "&&"))  # a "&" is not a mnemonic
            action.setToolTip(line.title)
            action.triggered.connect(
                lambda _=False, i=line.id, span=(line.start, line.end): self.home.open_article(i, span))
        menu.popup(QCursor.pos())
