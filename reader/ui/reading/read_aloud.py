"""Read aloud: the story spoken sentence by sentence, the sentence highlighted and kept in view.

One :class:`ReadAloud` per window speaks one reading view at a time through a
:class:`~reader.ui.reading.speech_engines.SpeechEngine`. It starts at the sentence at the top of
the view (the title when the view is at the top), and when the article ends it can go on with the
next one the window hands it (``next_view``), so a queue of tabs plays like a playlist.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from reader.ui.reading.reading_view import ReadingView
from reader.ui.reading.speech_engines import SpeechEngine, find_engine, unavailable_reason
from reader.ui.reading.speech_script import Utterance, speech_script

log = logging.getLogger(__name__)

SPEAKING_LAYER = "speaking"
STOPPED, PLAYING, PAUSED = "stopped", "playing", "paused"


class ReadAloud(QObject):
    """Play / pause / stop, speed, voice, captions and the queue, for one window."""

    state_changed = Signal(str)  # STOPPED | PLAYING | PAUSED
    sentence_changed = Signal(int, int)  # (index in the script, script length)
    advanced = Signal(object)  # the ReadingView read next from the queue (the window shows its tab)
    failed = Signal(str)

    def __init__(self, engine: SpeechEngine | None = None, parent: QObject | None = None,
                 detect: bool = True) -> None:
        super().__init__(parent)
        self.engine = engine if engine is not None or not detect else find_engine(parent=self)
        if self.engine is not None:
            self.engine.setParent(self)
            self.engine.finished.connect(self._on_sentence_spoken)
            self.engine.failed.connect(self._on_failed)
        self.view: ReadingView | None = None
        self.script: list[Utterance] = []
        self.index = 0
        self.state = STOPPED
        self.speed = 1.0
        self.voice: str | None = None
        self.include_captions = False
        self.continue_queue = False
        self.next_view: Callable[[ReadingView], ReadingView | None] = lambda view: None
        self._script_text = ""

    # availability ------------------------------------------------------------------------------
    @property
    def available(self) -> bool:
        return self.engine is not None

    def unavailable_reason(self) -> str:
        """Why the action is off (empty when it is available): for its tooltip."""
        return "" if self.available else unavailable_reason()

    # settings ----------------------------------------------------------------------------------
    def set_speed(self, speed: float) -> None:
        """A new speed applies from the next sentence on."""
        self.speed = speed

    def set_voice(self, voice: str | None) -> None:
        self.voice = voice or None

    def set_include_captions(self, on: bool) -> None:
        if on != self.include_captions:
            self.include_captions = on
            if self.view is not None and self.state != STOPPED:
                self._rebuild_script(keep_offset=True)

    def set_continue_queue(self, on: bool) -> None:
        self.continue_queue = on

    # playing -----------------------------------------------------------------------------------
    def read(self, view: ReadingView) -> None:
        """Start reading ``view`` (from the sentence at the top of the view)."""
        if self.view is not view:
            self.stop()
            self._attach(view)
        self.play()

    def toggle(self, view: ReadingView | None = None) -> None:
        """Play when stopped or paused, pause while playing (the play/pause action)."""
        if self.state == PLAYING:
            self.pause()
        elif view is not None and view is not self.view:
            self.read(view)
        else:
            self.play()

    def play(self) -> None:
        if self.engine is None or self.view is None or self.view.article is None:
            return
        if self.state == STOPPED:
            self._rebuild_script(keep_offset=False)
            self.index = self._first_in_view()
        if not self.script:
            return
        self._set_state(PLAYING)
        self._speak_current()

    def pause(self) -> None:
        """Stop mid-sentence; play says that sentence again from its start."""
        if self.state == PLAYING and self.engine is not None:
            self._set_state(PAUSED)
            self.engine.stop()

    def stop(self) -> None:
        if self.engine is not None and self.state == PLAYING:
            self.engine.stop()
        if self.view is not None:
            self.view.clear_highlights(SPEAKING_LAYER)
        self.index = 0
        self._set_state(STOPPED)

    def close(self) -> None:
        """The window closes: silence, and no speech program left running."""
        self.stop()
        if self.engine is not None:
            self.engine.close()

    def skip(self, sentences: int) -> None:
        """Go forward or back by whole sentences (while playing or paused)."""
        if self.state == STOPPED or not self.script:
            return
        self.index = max(0, min(len(self.script) - 1, self.index + sentences))
        if self.state == PLAYING:
            self._speak_current()
        else:
            self._show_current()

    # internals ---------------------------------------------------------------------------------
    def _attach(self, view: ReadingView) -> None:
        if self.view is not None:
            self.view.document_rebuilt.disconnect(self._on_rebuilt)
            self.view.destroyed.disconnect(self._on_view_destroyed)
        self.view = view
        view.document_rebuilt.connect(self._on_rebuilt)
        view.destroyed.connect(self._on_view_destroyed)

    def _rebuild_script(self, keep_offset: bool) -> None:
        assert self.view is not None and self.view.article is not None
        offset = self.script[self.index].start if keep_offset and self.script else 0
        article = self.view.article
        self.script = speech_script(article, self.include_captions)
        self._script_text = article.text
        if keep_offset:
            self.index = next((i for i, u in enumerate(self.script) if u.end > offset),
                              max(0, len(self.script) - 1))

    def _first_in_view(self) -> int:
        """The first sentence that ends below the top of the view (0 at the very top)."""
        assert self.view is not None
        top = self.view.top_text_offset()
        if top is None:
            return 0
        return next((i for i, u in enumerate(self.script) if u.end > top), 0)

    def _speak_current(self) -> None:
        assert self.engine is not None
        self._show_current()
        self.engine.speak(self.script[self.index].text, self.speed, self.voice)

    def _show_current(self) -> None:
        assert self.view is not None
        utterance = self.script[self.index]
        self.view.set_text_highlights(SPEAKING_LAYER, [(utterance.start, utterance.end)],
                                      colour="speaking")
        doc_range = self.view.text_map.document_range(utterance.start, utterance.end)
        if doc_range is not None:
            self.view.scroll_to_position(*doc_range)
        self.sentence_changed.emit(self.index, len(self.script))

    def _on_sentence_spoken(self) -> None:
        if self.state != PLAYING:
            return
        if self.index + 1 < len(self.script):
            self.index += 1
            self._speak_current()
            return
        finished = self.view
        self.stop()
        following = self.next_view(finished) if self.continue_queue and finished else None
        if following is not None:
            self._attach(following)
            self.advanced.emit(following)
            self.play()

    def _on_failed(self, message: str) -> None:
        log.warning("read aloud stopped: %s", message)
        self.stop()
        self.failed.emit(message)

    def _on_rebuilt(self) -> None:
        """A correction changed the text: carry on from the same place in the new script."""
        view = self.view
        if view is None or view.article is None or self.state == STOPPED:
            return
        if view.article.text != self._script_text:
            was_playing = self.state == PLAYING
            if was_playing and self.engine is not None:
                self.engine.stop()
            self._rebuild_script(keep_offset=True)
            if not self.script:
                self.stop()
            elif was_playing:
                self._speak_current()
            else:
                self._show_current()

    def _on_view_destroyed(self) -> None:
        """The tab was closed while it was being read."""
        if self.engine is not None and self.state == PLAYING:
            self.engine.stop()
        self.view = None
        self.script = []
        self._set_state(STOPPED)

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)
