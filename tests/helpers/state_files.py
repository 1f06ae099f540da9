"""Watching Sift's state-file writes: which thread made each one."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest


def record_writer_threads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the threads that write state files from now on (the writes still happen)."""
    from reader.core.storage import state_writer

    threads: list[str] = []
    real = state_writer.write_atomic

    def recording(path: Path, data: bytes, *args: object) -> None:
        threads.append(threading.current_thread().name)
        real(path, data)

    monkeypatch.setattr(state_writer, "write_atomic", recording)
    return threads
