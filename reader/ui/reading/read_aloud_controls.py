"""The read-aloud bar: play/pause, stop, sentence back/forward, speed, voice, captions, queue."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStyle,
    QToolButton,
    QWidget,
)

from reader.ui.reading.read_aloud import PAUSED, PLAYING, STOPPED, ReadAloud
from reader.ui.reading.reading_view import ReadingView
from reader.ui.reading.speech_engines import SPEEDS


class ReadAloudBar(QWidget):
    """Controls for one window's :class:`ReadAloud`; ``current_view`` says which article to read."""

    def __init__(self, read_aloud: ReadAloud, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.read_aloud = read_aloud
        self.current_view: ReadingView | None = None
        self.setAccessibleName(self.tr("Read aloud"))
        self.setAccessibleDescription(self.tr("Speaks the story; the sentence being read is "
                                              "highlighted"))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        icons = QStyle.StandardPixmap
        self.play_button = self._button(icons.SP_MediaPlay, self.tr("Play"),
                                        self.tr("Read the story aloud from the top of the view"))
        self.play_button.clicked.connect(self.toggle)
        self.back_button = self._button(icons.SP_MediaSkipBackward, self.tr("Previous sentence"),
                                        self.tr("Go back one sentence"))
        self.back_button.clicked.connect(lambda: read_aloud.skip(-1))
        self.forward_button = self._button(icons.SP_MediaSkipForward, self.tr("Next sentence"),
                                           self.tr("Skip to the next sentence"))
        self.forward_button.clicked.connect(lambda: read_aloud.skip(1))
        self.stop_button = self._button(icons.SP_MediaStop, self.tr("Stop"), self.tr("Stop reading aloud"))
        self.stop_button.clicked.connect(read_aloud.stop)
        self.speed_box = QComboBox(self)
        self.speed_box.setAccessibleName(self.tr("Speed"))
        self.speed_box.setAccessibleDescription(self.tr("How fast the voice reads"))
        self.speed_box.setToolTip(self.tr("Speed"))
        for speed in SPEEDS:
            self.speed_box.addItem(f"{speed:g}×", speed)
        self.speed_box.setCurrentIndex(SPEEDS.index(1.0))
        self.speed_box.currentIndexChanged.connect(
            lambda i: read_aloud.set_speed(float(self.speed_box.itemData(i))))
        self.voice_box = QComboBox(self)
        self.voice_box.setAccessibleName(self.tr("Voice"))
        self.voice_box.setAccessibleDescription(self.tr("The system voice that reads"))
        self.voice_box.setToolTip(self.tr("Voice"))
        self.voice_box.addItem(self.tr("Default voice"), None)
        self.voice_box.currentIndexChanged.connect(
            lambda i: read_aloud.set_voice(self.voice_box.itemData(i)))
        self.captions_box = QCheckBox(self.tr("Captions"), self)
        self.captions_box.setAccessibleName(self.tr("Read image captions"))
        self.captions_box.setToolTip(self.tr("Also read image captions"))
        self.captions_box.toggled.connect(read_aloud.set_include_captions)
        self.queue_box = QCheckBox(self.tr("Then the next article"), self)
        self.queue_box.setAccessibleName(self.tr("Continue with the next article"))
        self.queue_box.setToolTip(self.tr("When this article ends, read the next tab"))
        self.queue_box.toggled.connect(read_aloud.set_continue_queue)
        self.position_label = QLabel(self)
        self.position_label.setAccessibleName(self.tr("Sentence being read"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        for widget in (self.play_button, self.back_button, self.forward_button, self.stop_button,
                       self.speed_box, self.voice_box, self.captions_box, self.queue_box):
            layout.addWidget(widget)
        layout.addWidget(self.position_label, 1)
        read_aloud.state_changed.connect(self._on_state)
        read_aloud.sentence_changed.connect(self._on_sentence)
        if read_aloud.engine is not None:
            read_aloud.engine.voices_listed.connect(self._fill_voices)
            read_aloud.engine.list_voices()
        self._on_state(read_aloud.state)
        if not read_aloud.available:
            reason = read_aloud.unavailable_reason()
            self.setEnabled(False)
            self.setToolTip(reason)
            self.position_label.setText(reason)

    def _button(self, icon: QStyle.StandardPixmap, name: str, description: str) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(self.style().standardIcon(icon))
        button.setText(name)
        button.setToolTip(name)
        button.setAccessibleName(name)
        button.setAccessibleDescription(description)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return button

    def toggle(self) -> None:
        """Play/pause the current view's article."""
        self.read_aloud.toggle(self.current_view)

    def _fill_voices(self, voices: list[str]) -> None:
        current = self.voice_box.currentData()
        self.voice_box.blockSignals(True)
        while self.voice_box.count() > 1:
            self.voice_box.removeItem(1)
        for voice in voices:
            self.voice_box.addItem(voice, voice)
        index = self.voice_box.findData(current)
        self.voice_box.setCurrentIndex(max(0, index))
        self.voice_box.blockSignals(False)

    def _on_state(self, state: str) -> None:
        playing = state == PLAYING
        name = self.tr("Pause") if playing else self.tr("Play")
        icon = QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        self.play_button.setIcon(self.style().standardIcon(icon))
        self.play_button.setText(name)
        self.play_button.setToolTip(name)
        self.play_button.setAccessibleName(name)
        for button in (self.back_button, self.forward_button, self.stop_button):
            button.setEnabled(state in (PLAYING, PAUSED))
        if state == STOPPED:
            self.position_label.setText("")

    def _on_sentence(self, index: int, count: int) -> None:
        self.position_label.setText(self.tr("Sentence {0} of {1}").format(index + 1, count))
