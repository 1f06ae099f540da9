"""The versions of a story: its saved copies, and what changed from the oldest to the newest —
the headline, paragraphs added, removed and changed (the changed words marked), and what no text
diff says: sources added or dropped, quotes reworded, claims that appeared or vanished.

The diff is the core's (reader/core/versions.py); this view marks the words of a changed
paragraph or quote with the standard library's :mod:`difflib`. Changes are told by a sign and
a strike-through or underline as well as colour.
"""

from __future__ import annotations

import difflib
import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.library.version_groups import StoryVersions
from reader.core.versions import ClaimView, VersionDiff
from reader.ui.library.page_parts import back_to_library_button

# Colours of removed and added words: the usual diff red and green, dark enough to read as text
# on a light page; the strike-through and underline carry the meaning without them.
REMOVED_COLOUR = "#b3261e"
ADDED_COLOUR = "#1b6e2a"
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def removed(text: str) -> str:
    return f"<s style='color:{REMOVED_COLOUR}'>{html.escape(text)}</s>"


def added(text: str) -> str:
    return f"<u style='color:{ADDED_COLOUR}'>{html.escape(text)}</u>"


def marked_words(before: str, after: str) -> str:
    """``after`` with the words ``before`` had and it has not struck through, and its new words
    underlined: one inline line a reader scans for what changed."""
    old, new = before.split(), after.split()
    parts: list[str] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(html.escape(" ".join(old[i1:i2])))
            continue
        if i2 > i1:
            parts.append(removed(" ".join(old[i1:i2])))
        if j2 > j1:
            parts.append(added(" ".join(new[j1:j2])))
    return " ".join(parts)


def claim_line(view: ClaimView) -> str:
    kind = "" if view.kind == "direct" else " (reported)"
    return f"<b>{html.escape(view.speaker or 'someone unnamed')}</b> {html.escape(view.cue)}{kind}: "


def diff_html(diff: VersionDiff) -> str:
    """The whole diff as one page of HTML: story changes first, then the claims."""
    if diff.unchanged and not (diff.sources_added or diff.sources_removed):
        return "<p>The saved copies tell the story in the same words.</p>"
    out: list[str] = []
    if diff.title is not None:
        out += ["<h3>Headline</h3>", f"<p>{marked_words(diff.title.before, diff.title.after)}</p>"]
    if diff.sources_added or diff.sources_removed:
        out.append("<h3>Sources</h3><ul>")
        out += [f"<li>+ {added(name)} is quoted or paraphrased</li>" for name in diff.sources_added]
        out += [f"<li>− {removed(name)} is no longer cited</li>" for name in diff.sources_removed]
        out.append("</ul>")
    if diff.claims_changed:
        out.append("<h3>Reworded claims</h3><ul>")
        out += [f"<li>{claim_line(c.after)}“{marked_words(c.before.content, c.after.content)}”</li>"
                for c in diff.claims_changed]
        out.append("</ul>")
    if diff.claims_added or diff.claims_removed:
        out.append("<h3>Claims that appeared or vanished</h3><ul>")
        out += [f"<li>+ {claim_line(c)}“{added(c.content)}”</li>" for c in diff.claims_added]
        out += [f"<li>− {claim_line(c)}“{removed(c.content)}”</li>" for c in diff.claims_removed]
        out.append("</ul>")
    if diff.paragraphs_changed or diff.paragraphs_added or diff.paragraphs_removed:
        out.append("<h3>Paragraphs</h3>")
        out += [f"<p>~ {marked_words(c.before, c.after)}</p>" for c in diff.paragraphs_changed]
        out += [f"<p>+ {added(p)}</p>" for p in diff.paragraphs_added]
        out += [f"<p>− {removed(p)}</p>" for p in diff.paragraphs_removed]
    return "\n".join(out)


def counts_line(diff: VersionDiff) -> str:
    return (f"{len(diff.paragraphs_changed)} paragraphs changed, {len(diff.paragraphs_added)} added, "
            f"{len(diff.paragraphs_removed)} removed · {len(diff.claims_changed)} claims reworded, "
            f"{len(diff.claims_added)} appeared, {len(diff.claims_removed)} vanished · "
            f"{len(diff.sources_added)} sources added, {len(diff.sources_removed)} dropped")


class VersionsView(QWidget):
    """The copies (a double-click opens one) above the diff from the oldest to the newest."""

    back_requested = Signal()
    open_requested = Signal(str)  # an article id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("versionsView")
        self.back = back_to_library_button(self, self.back_requested)
        self.heading = QLabel(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.copies = QTreeWidget(self)
        self.copies.setAccessibleName(self.tr("Saved copies, oldest first"))
        self.copies.setHeaderLabels([self.tr("Copy"), self.tr("Date"), self.tr("Saved"), self.tr("Title"),
                                     self.tr("Words")])
        self.copies.setRootIsDecorated(False)
        self.copies.itemActivated.connect(self._activated)
        self.copies.itemDoubleClicked.connect(self._activated)
        self.diff = QTextBrowser(self)
        self.diff.setAccessibleName(self.tr("What changed from the oldest copy to the newest"))
        self.diff.setOpenLinks(False)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.copies)
        splitter.addWidget(self.diff)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([120, 600])
        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addWidget(self.heading, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

    def show_versions(self, versions: StoryVersions) -> None:
        copies = versions.versions
        title = copies[-1].title if copies else ""
        heading = self.tr("Versions of “%1”").replace("%1", title or "")
        self.heading.setText(f"<h2>{html.escape(heading)}</h2>")
        self.copies.clear()
        for number, summary in enumerate(copies, 1):
            row = QTreeWidgetItem(self.copies, [str(number), (summary.published or "")[:10],
                                                summary.added[:16], summary.title or summary.id,
                                                f"{summary.words:,}"])
            row.setData(0, ID_ROLE, summary.id)
        for column in range(self.copies.columnCount()):
            self.copies.resizeColumnToContents(column)
        if len(copies) < 2:
            self.summary.setText(self.tr("The library holds one copy of this story."))
            self.diff.setHtml("")
            return
        self.summary.setText(self.tr("From copy 1 to copy %1: ").replace("%1", str(len(copies)))
                             + counts_line(versions.diff))
        self.diff.setHtml(diff_html(versions.diff))

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        ident = item.data(0, ID_ROLE)
        if ident:
            self.open_requested.emit(ident)
