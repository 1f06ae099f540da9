"""State files written off the GUI thread: in order, newest copy per file, every write done by
flush and close, a failure reported, nothing written after close left to a background thread."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from state_files import record_writer_threads

from reader.core.storage import state_writer
from reader.core.storage.state_writer import StateWriter


def read(path: Path) -> object:
    return json.loads(path.read_text(encoding="utf-8"))


def test_writes_happen_in_another_thread_and_flush_waits_for_them(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    threads = record_writer_threads(monkeypatch)
    writer = StateWriter()
    writer.write_json(tmp_path / "settings.json", {"theme": "dark"})
    assert writer.flush(5)
    assert read(tmp_path / "settings.json") == {"theme": "dark"}
    assert threads == ["sift-state-writer"]


def test_the_bytes_are_taken_when_asked_and_the_newest_copy_wins(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    gate = threading.Event()
    written: list[tuple[str, object]] = []
    real = state_writer.write_atomic

    def slow(path: Path, data: bytes, *args: object) -> None:
        gate.wait(5)
        written.append((path.name, json.loads(data)))
        real(path, data)

    monkeypatch.setattr(state_writer, "write_atomic", slow)
    writer = StateWriter()
    data = {"size": 1}
    writer.write_json(tmp_path / "a.json", data)  # taken by the thread, held at the gate
    data["size"] = 99  # a later change of the caller's dict is not in the earlier write
    for size in (2, 3):
        writer.write_json(tmp_path / "b.json", {"size": size})
    gate.set()
    assert writer.flush(5)
    assert written in ([("a.json", {"size": 1}), ("b.json", {"size": 3})],  # b's first copy dropped
                       [("a.json", {"size": 1}), ("b.json", {"size": 2}), ("b.json", {"size": 3})])
    assert read(tmp_path / "b.json") == {"size": 3}


def test_a_failed_write_is_reported(tmp_path: Path) -> None:
    failures: list[tuple[str, str]] = []
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where a folder should be")
    writer = StateWriter(on_error=lambda path, exc: failures.append((path.name, type(exc).__name__)))
    writer.write_json(blocked / "settings.json", {"theme": "dark"})
    assert writer.flush(5)
    assert failures and failures[0][0] == "settings.json"


def test_after_close_writes_happen_at_once_in_the_callers_thread(tmp_path: Path) -> None:
    writer = StateWriter()
    writer.write_json(tmp_path / "one.json", {"n": 1})
    assert writer.close(5)
    writer.write_json(tmp_path / "two.json", {"n": 2})
    assert read(tmp_path / "one.json") == {"n": 1} and read(tmp_path / "two.json") == {"n": 2}
