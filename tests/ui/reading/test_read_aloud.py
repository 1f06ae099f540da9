"""Read aloud: the script (story only), the controller with a fake engine, and espeak-ng for real."""

from __future__ import annotations

import shutil
import wave
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot
from sample_articles import OFFICIALS, TITLE, sample_article

from reader.core.model import Block
from reader.ui.reading.read_aloud import PAUSED, PLAYING, SPEAKING_LAYER, STOPPED, ReadAloud
from reader.ui.reading.read_aloud_controls import ReadAloudBar
from reader.ui.reading.reading_view import ReadingView
from reader.ui.reading.speech_engines import (
    EspeakEngine,
    SpeechDispatcherEngine,
    SpeechEngine,
    find_engine,
    parse_espeak_voices,
)
from reader.ui.reading.speech_script import speech_script, split_sentences


class FakeEngine(SpeechEngine):
    """Records what it is asked to say; the test decides when a sentence ends."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.spoken: list[tuple[str, float, str | None]] = []
        self.stops = 0

    def speak(self, text: str, speed: float, voice: str | None) -> None:
        self.spoken.append((text, speed, voice))

    def stop(self) -> None:
        self.stops += 1

    def finish_sentence(self) -> None:
        self.finished.emit()


@pytest.fixture
def view(qtbot: QtBot) -> ReadingView:
    widget = ReadingView()
    qtbot.addWidget(widget)
    widget.resize(700, 300)
    widget.show_article(sample_article())
    widget.show()
    qtbot.waitExposed(widget)
    return widget


# --- the script ---------------------------------------------------------------------------------

def test_the_script_is_the_title_then_the_story_without_removed_blocks() -> None:
    article = sample_article()
    script = speech_script(article)
    assert script[0].text == TITLE
    spoken = " ".join(u.text for u in script)
    assert "Share on social media" not in spoken and "Related:" not in spoken  # removed blocks
    assert "The new ferry at the quay." not in spoken  # a caption, not asked for
    assert "Year Passengers" not in spoken  # tables are not read
    assert OFFICIALS in spoken
    for utterance in script:
        assert article.text[utterance.start:utterance.end] == utterance.text


def test_captions_are_read_when_asked() -> None:
    spoken = [u.text for u in speech_script(sample_article(), include_captions=True)]
    assert "The new ferry at the quay." in spoken


def test_sentences_split_at_stops_but_not_after_abbreviations() -> None:
    text = 'Mr. Okafor flew to the U.S. on Monday. He said: "No." Then J. Brandt left! Why?'
    assert [u.text for u in split_sentences(text, 10)] == [
        "Mr. Okafor flew to the U.S. on Monday.", 'He said: "No."', "Then J. Brandt left!", "Why?"]
    assert split_sentences(text, 10)[1].start == 10 + text.index("He said")


def test_a_sentence_without_stops_is_cut_into_speakable_pieces() -> None:
    text = ", ".join(f"item {i}" for i in range(200))
    pieces = split_sentences(text)
    assert len(pieces) > 1 and all(len(p.text) <= 400 for p in pieces)
    assert " ".join(p.text for p in pieces).replace("  ", " ") == text


# --- the controller -----------------------------------------------------------------------------

def test_reading_highlights_each_sentence_and_follows_the_script(view: ReadingView) -> None:
    engine = FakeEngine()
    reader = ReadAloud(engine)
    reader.read(view)
    assert reader.state == PLAYING and engine.spoken[0][0] == TITLE
    script = speech_script(view.article)  # type: ignore[arg-type]
    for i in range(1, len(script)):
        engine.finish_sentence()
        assert engine.spoken[-1][0] == script[i].text
        assert view.highlighted_text_spans(SPEAKING_LAYER) == [(script[i].start, script[i].end)]
    engine.finish_sentence()
    assert reader.state == STOPPED and view.highlighted_text_spans(SPEAKING_LAYER) == []


def test_the_sentence_being_read_is_scrolled_into_view(view: ReadingView) -> None:
    engine = FakeEngine()
    reader = ReadAloud(engine)
    reader.read(view)
    last = len(speech_script(view.article)) - 1  # type: ignore[arg-type]
    reader.skip(last)
    assert view.verticalScrollBar().value() > 0
    utterance = reader.script[reader.index]
    position = view.text_map.to_document(utterance.start)
    assert position is not None
    assert 0 <= view.document_position_point(position).y() < view.viewport().height()


def test_pause_then_play_says_the_sentence_again_and_speed_and_voice_apply(view: ReadingView) -> None:
    engine = FakeEngine()
    reader = ReadAloud(engine)
    reader.read(view)
    engine.finish_sentence()
    reader.pause()
    assert reader.state == PAUSED and engine.stops == 1
    engine.finish_sentence()  # a late "finished" from the stopped sentence changes nothing
    reader.set_speed(1.5)
    reader.set_voice("en-gb")
    reader.play()
    assert engine.spoken[-1] == (engine.spoken[1][0], 1.5, "en-gb")


def test_play_starts_at_the_top_of_the_view(view: ReadingView) -> None:
    view.set_reading_position(1.0)
    engine = FakeEngine()
    ReadAloud(engine).read(view)
    assert engine.spoken[0][0] != TITLE


def test_the_queue_continues_with_the_next_article(qtbot: QtBot, view: ReadingView) -> None:
    following = ReadingView()
    qtbot.addWidget(following)
    short = sample_article((Block("story", "Only one sentence here."),))
    following.show_article(short)
    engine = FakeEngine()
    reader = ReadAloud(engine)
    reader.next_view = lambda current: following if current is view else None
    reader.set_continue_queue(True)
    reader.read(view)
    with qtbot.waitSignal(reader.advanced) as advanced:
        for _ in speech_script(view.article):  # type: ignore[arg-type]
            engine.finish_sentence()
    assert advanced.args == [following] and reader.view is following
    assert engine.spoken[-1][0] == short.title
    assert view.highlighted_text_spans(SPEAKING_LAYER) == []


def test_without_the_queue_reading_stops_at_the_end(view: ReadingView) -> None:
    engine = FakeEngine()
    reader = ReadAloud(engine)
    reader.next_view = lambda current: view
    reader.read(view)
    for _ in speech_script(view.article):  # type: ignore[arg-type]
        engine.finish_sentence()
    assert reader.state == STOPPED


def test_an_engine_failure_stops_and_says_why(qtbot: QtBot, view: ReadingView) -> None:
    engine = FakeEngine()
    reader = ReadAloud(engine)
    reader.read(view)
    with qtbot.waitSignal(reader.failed) as failed:
        engine.failed.emit("no audio")
    assert failed.args == ["no audio"] and reader.state == STOPPED


def test_without_an_engine_the_controls_are_off_and_say_why(qtbot: QtBot) -> None:
    reader = ReadAloud(None, detect=False)
    bar = ReadAloudBar(reader)
    qtbot.addWidget(bar)
    assert not reader.available and not bar.isEnabled()
    assert "espeak-ng" in bar.toolTip() or "say" in bar.toolTip() or "PowerShell" in bar.toolTip()


def test_the_bar_plays_pauses_and_names_its_controls(qtbot: QtBot, view: ReadingView) -> None:
    engine = FakeEngine()
    reader = ReadAloud(engine)
    bar = ReadAloudBar(reader)
    qtbot.addWidget(bar)
    bar.current_view = view
    bar.play_button.click()
    assert reader.state == PLAYING and bar.play_button.accessibleName() == "Pause"
    assert bar.position_label.text().startswith("Sentence 1 of")
    bar.speed_box.setCurrentIndex(bar.speed_box.findData(2.0))
    bar.play_button.click()
    assert reader.state == PAUSED
    for control in (bar.play_button, bar.stop_button, bar.speed_box, bar.voice_box, bar.captions_box,
                    bar.queue_box, bar.back_button, bar.forward_button):
        assert control.accessibleName(), control
    bar.stop_button.click()
    assert reader.state == STOPPED and reader.speed == 2.0


def test_closing_a_tab_while_it_is_read_stops_reading(qtbot: QtBot) -> None:
    doomed = ReadingView()
    doomed.show_article(sample_article())
    engine = FakeEngine()
    reader = ReadAloud(engine)
    reader.read(doomed)
    with qtbot.waitSignal(doomed.destroyed):
        doomed.deleteLater()
    assert reader.state == STOPPED and reader.view is None


# --- engines ------------------------------------------------------------------------------------

def test_engines_are_chosen_by_platform_and_what_is_installed() -> None:
    installed = {"espeak-ng": "/usr/bin/espeak-ng", "spd-say": "/usr/bin/spd-say"}
    assert isinstance(find_engine("linux", installed.get), SpeechDispatcherEngine)
    assert isinstance(find_engine("linux", {"espeak-ng": "/usr/bin/espeak-ng"}.get), EspeakEngine)
    assert find_engine("linux", {}.get) is None
    assert find_engine("darwin", installed.get) is None  # espeak is not the Mac's voice
    assert find_engine("linux", installed.get, prefer=["espeak-ng"]).name == "espeak-ng"  # type: ignore[union-attr]


def test_engine_arguments_map_speed_and_voice() -> None:
    assert EspeakEngine("espeak-ng").arguments(1.5, "en-gb") == ["-s", "262", "-v", "en-gb", "--stdin"]
    assert SpeechDispatcherEngine("spd-say").arguments(2.0, None) == ["--wait", "--rate", "100"]
    listing = " Pty Language Age/Gender VoiceName File Other\n 2  en-gb --/M English gmw/en (en 2)\n"
    assert parse_espeak_voices(listing) == ["en-gb"]


class WavEspeak(EspeakEngine):
    """espeak-ng writing to a WAV file instead of the sound card (CI has none)."""

    def __init__(self, program: str, output: Path) -> None:
        super().__init__(program)
        self.output = output

    def arguments(self, speed: float, voice: str | None) -> list[str]:
        return ["-w", str(self.output), *super().arguments(speed, voice)]


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_espeak_ng_really_speaks_a_sentence(qtbot: QtBot, tmp_path: Path) -> None:
    durations = []
    for speed in (1.0, 2.0):
        output = tmp_path / f"sentence-{speed}.wav"
        engine = WavEspeak(shutil.which("espeak-ng") or "", output)
        with qtbot.waitSignal(engine.finished, timeout=20000):
            engine.speak(OFFICIALS, speed, "en-us")
        with wave.open(str(output)) as wav:
            durations.append(wav.getnframes() / wav.getframerate())
    # Ten words at 175 words a minute take about 3.5 s; twice the speed about half as long.
    assert 2.0 < durations[0] < 6.0
    assert durations[1] < durations[0] * 0.7
