"""Sift's small state files written off the caller's thread: the window's GUI thread hands over
the bytes and goes on; one background thread writes them atomically (json_files.write_atomic,
two fsyncs, which a slow or network home folder can stretch to a visible stall).

Writes of one file keep their order and only the newest pending copy is written; the bytes are
made when asked for, so later changes to the data do not leak into an earlier write.
:meth:`StateWriter.flush` waits for every pending write (the window calls it when it closes).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.core.storage.json_files import json_bytes, write_atomic

log = logging.getLogger(__name__)

WriteFailed = Callable[[Path, OSError], None]


class StateWriter:
    """One writer thread for state files; ``on_error`` hears of a failed write (from that thread)."""

    def __init__(self, on_error: WriteFailed | None = None) -> None:
        self._on_error = on_error
        self._pending: dict[Path, bytes] = {}  # in the order first asked for; newest bytes per file
        self._busy = False
        self._closed = False
        self._changed = threading.Condition()
        self._thread: threading.Thread | None = None

    def write_json(self, path: Path, data: dict[str, Any]) -> None:
        """Write ``data`` to ``path`` soon (a closed writer writes at once, in this thread)."""
        payload = json_bytes(data)
        with self._changed:
            if not self._closed:
                self._pending[path] = payload
                self._start()
                self._changed.notify_all()
                return
        write_atomic(path, payload)

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until everything asked for is written; False when ``timeout`` ran out first."""
        with self._changed:
            return self._changed.wait_for(lambda: not self._pending and not self._busy, timeout)

    def close(self, timeout: float | None = None) -> bool:
        """Flush; from now on every request is written at once, in its caller's thread. When the
        flush timed out (a write hangs), what is still pending is written here too."""
        done = self.flush(timeout)
        with self._changed:
            self._closed = True
            left, self._pending = self._pending, {}
            self._changed.notify_all()
        for path, payload in left.items():
            write_atomic(path, payload)
        return done

    def _start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="sift-state-writer", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: self._pending or self._closed)
                if not self._pending:
                    return
                path = next(iter(self._pending))
                payload = self._pending.pop(path)
                self._busy = True
            try:
                write_atomic(path, payload)
            except OSError as exc:
                log.error("could not write %s: %s", path, exc)
                if self._on_error is not None:
                    self._on_error(path, exc)
            finally:
                with self._changed:
                    self._busy = False
                    self._changed.notify_all()
