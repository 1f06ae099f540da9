"""Read aloud in the window: one :class:`~reader.ui.reading.read_aloud.ReadAloud` for every tab,
its bar under the tabs (hidden until first used), the action that plays and pauses, and the queue
that goes on with the next tab.

Built with the first article, not for the first paint: the reading view's modules are loaded by
then, and a window with nothing open has nothing to read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QBoxLayout

if TYPE_CHECKING:
    from reader.ui.reading.read_aloud import ReadAloud
    from reader.ui.reading.read_aloud_controls import ReadAloudBar
    from reader.ui.reading.reading_view import ReadingView
    from reader.ui.window.main_window import MainWindow


class WindowReadAloud:
    """The window's read-aloud: ``toggle`` is the action; :meth:`follow_current_tab` keeps the
    action's state and the bar's article in step with the current tab."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._read_aloud: ReadAloud | None = None
        self._bar: ReadAloudBar | None = None

    @property
    def read_aloud(self) -> ReadAloud:
        if self._read_aloud is None:
            from reader.ui.reading.read_aloud import ReadAloud

            read_aloud = self._read_aloud = ReadAloud(parent=self.window)
            read_aloud.next_view = self._view_after
            read_aloud.advanced.connect(self._show_tab_of)
            read_aloud.failed.connect(
                lambda text: self.window.message_bar.show_message(text, "error", append=True))
        return self._read_aloud

    @property
    def bar(self) -> ReadAloudBar:
        """The controls, put under the tabs the first time they are needed."""
        if self._bar is None:
            from reader.ui.reading.read_aloud_controls import ReadAloudBar

            body = self.window.stack.parentWidget()
            layout = body.layout() if body is not None else None
            if not isinstance(layout, QBoxLayout):
                raise TypeError("the tabs must be in a box layout to have the read-aloud bar under them")
            bar = self._bar = ReadAloudBar(self.read_aloud, body)
            bar.setObjectName("readAloudBar")
            bar.hide()
            layout.insertWidget(layout.indexOf(self.window.stack) + 1, bar)
            bar.current_view = self.current_view()
        return self._bar

    def bar_if_built(self) -> ReadAloudBar | None:
        return self._bar

    def current_view(self) -> ReadingView | None:
        """The current tab's reading view, when it is one that can be read aloud."""
        item = self.window.current_article()
        return self._readable(item.tab.reading_view) if item is not None else None

    def toggle(self) -> None:
        """The Read Aloud action: show the bar and play or pause the current article."""
        view = self.current_view()
        if view is None or not self.read_aloud.available:
            return
        bar = self.bar
        bar.current_view = view
        bar.show()
        bar.toggle()

    def follow_current_tab(self) -> None:
        """On with an article that can be read and a speech program (else off, saying why); the bar
        reads the current tab."""
        action = self.window.menus.read_aloud_action
        view = self.current_view()
        if view is None:
            action.setEnabled(False)
            return
        read_aloud = self.read_aloud
        action.setEnabled(read_aloud.available)
        action.setToolTip(read_aloud.unavailable_reason() or action.text().replace("&", ""))
        if self._bar is not None:
            self._bar.current_view = view

    def close(self) -> None:
        """The window closes: silence, and no speech program left running."""
        if self._read_aloud is not None:
            self._read_aloud.close()

    def _view_after(self, view: ReadingView) -> ReadingView | None:
        """The queue: the reading view of the tab after ``view``'s, or None after the last."""
        tabs = self.window.tabs
        for index in range(tabs.count() - 1):
            widget = tabs.widget(index)
            if widget is not None and widget.isAncestorOf(view):
                following = self.window.session.item_for(tabs.widget(index + 1))
                return self._readable(following.tab.reading_view) if following is not None else None
        return None

    def _show_tab_of(self, view: ReadingView) -> None:
        """The queue went on to ``view``: show its tab, so the reader sees what is read."""
        tabs = self.window.tabs
        for index in range(tabs.count()):
            widget = tabs.widget(index)
            if widget is not None and widget.isAncestorOf(view):
                tabs.setCurrentIndex(index)
                return

    @staticmethod
    def _readable(view: object) -> ReadingView | None:
        from reader.ui.reading.reading_view import ReadingView

        return view if isinstance(view, ReadingView) else None
