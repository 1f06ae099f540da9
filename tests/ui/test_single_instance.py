"""A second Sift hands its files to the first over a local socket (real processes)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.ui.single_instance import (
    InstanceServer,
    decode_paths,
    encode_paths,
    send_to_running_instance,
    server_name,
)

HARNESS = Path(__file__).resolve().parents[1] / "helpers" / "instance_harness.py"
ROOT = HARNESS.parents[2]
# Generous for a loaded 2-core CI machine; a hand-over itself takes ~0.1 s.
PROCESS_TIMEOUT_S = 30
ARTICLE = "A short article\n\nThe council met on Tuesday and agreed the new budget.\n"


def child_env() -> dict[str, str]:
    """The test's environment (temporary XDG folders, offscreen Qt) with the checkout importable."""
    env = os.environ.copy()
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


@pytest.fixture
def first_instance() -> Iterator[subprocess.Popen[str]]:
    """The harness, listening (its first line says so)."""
    process = subprocess.Popen([sys.executable, str(HARNESS), "--count", "1"], env=child_env(),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    first_line = process.stdout.readline().strip()
    assert first_line == "listening", first_line + process.stderr.read() if process.stderr else ""
    yield process
    if process.poll() is None:
        process.kill()
    process.wait(PROCESS_TIMEOUT_S)
    for stream in (process.stdout, process.stderr):
        if stream is not None:
            stream.close()


def received_files(process: subprocess.Popen[str]) -> list[str]:
    out, err = process.communicate(timeout=PROCESS_TIMEOUT_S)
    assert process.returncode == 0, err
    return json.loads(out.strip().splitlines()[0])


def test_messages_round_trip_and_reject_garbage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    message = encode_paths(["story.html", "/abs/other file.txt"])
    assert message.endswith(b"\n")
    assert decode_paths(message.strip()) == [str(tmp_path / "story.html"), "/abs/other file.txt"]
    for garbage in (b"\xff\xfe", b"[1, 2]", b'{"files": [3]}', b"hello"):
        assert decode_paths(garbage) is None


def test_nobody_listening_returns_false_at_once() -> None:
    started = time.monotonic()
    assert send_to_running_instance(["whatever.html"]) is False
    assert time.monotonic() - started < 0.5


def test_second_process_hands_its_file_to_the_first(first_instance: subprocess.Popen[str],
                                                    tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    sender = subprocess.run(
        [sys.executable, "-c", "import sys; from reader.ui.single_instance import "
         "send_to_running_instance as s; sys.exit(0 if s(['story.txt']) else 1)"],
        cwd=tmp_path, env=child_env(), capture_output=True, text=True, timeout=PROCESS_TIMEOUT_S)
    assert sender.returncode == 0, sender.stderr
    assert received_files(first_instance) == [str(tmp_path / "story.txt")]


def test_live_instance_keeps_its_socket(first_instance: subprocess.Popen[str], qapp: object) -> None:
    server = InstanceServer()
    assert server.listen() is False
    assert first_instance.poll() is None


def test_socket_of_a_crashed_instance_is_recovered(first_instance: subprocess.Popen[str],
                                                   qapp: object) -> None:
    first_instance.send_signal(signal.SIGKILL)
    first_instance.wait(PROCESS_TIMEOUT_S)
    if os.name == "posix":
        assert Path(server_name()).exists()  # left behind: what the recovery is for
    assert send_to_running_instance(["x.html"], timeout_ms=200) is False
    server = InstanceServer()
    try:
        assert server.listen() is True
    finally:
        server.close()


def test_sift_file_reaches_the_running_instance_and_exits(first_instance: subprocess.Popen[str],
                                                          tmp_path: Path) -> None:
    """The real command: ``sift story.txt`` while Sift runs opens no window of its own."""
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    second = subprocess.run([sys.executable, "-m", "reader", "story.txt"], cwd=tmp_path,
                            env=child_env(), capture_output=True, text=True, timeout=PROCESS_TIMEOUT_S)
    assert second.returncode == 0, second.stderr
    assert received_files(first_instance) == [str(tmp_path / "story.txt")]
