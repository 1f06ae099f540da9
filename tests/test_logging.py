"""Logging is set up once, in ``sift``'s entry: ``--debug`` shows Sift's log (window and commands),
the window shows Sift's own warnings, and the JSON commands keep stderr for nothing but --debug."""

from __future__ import annotations

import subprocess
import sys

import pytest

TIMEOUT_SECONDS = 60

# Runs main() with the window (or the command) replaced by a few log lines from Sift and a library.
PROBE = """
import logging, sys
import reader.cli as cli

def pretend(*args, **kwargs):
    logging.getLogger("reader.core.storage.cache").debug("sift-debug-line")
    logging.getLogger("reader.ui.window").warning("sift-warning-line")
    logging.getLogger("readability.readability").info("library-info-line")
    logging.getLogger("readability.readability").error("library-error-line")
    return 0

cli.run_gui = pretend
cli.run_extract = pretend
sys.exit(cli.main(sys.argv[1:]))
"""


def run_probe(*args: str) -> str:
    result = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True,
                            timeout=TIMEOUT_SECONDS)
    assert result.returncode == 0, result.stderr
    return result.stderr


@pytest.mark.parametrize("args", [("--debug", "article.html"), ("extract", "--debug", "article.html")])
def test_debug_shows_sifts_log_and_the_libraries_warnings(args: tuple[str, ...]) -> None:
    stderr = run_probe(*args)
    assert "sift-debug-line" in stderr and "sift-warning-line" in stderr
    assert "library-error-line" in stderr
    assert "library-info-line" not in stderr  # a library's internals stay out even with --debug


def test_the_window_shows_sifts_warnings_only() -> None:
    stderr = run_probe("article.html")
    assert "sift-warning-line" in stderr
    assert "sift-debug-line" not in stderr and "library-error-line" not in stderr


def test_the_json_commands_keep_stderr_empty_without_debug() -> None:
    assert run_probe("extract", "article.html") == ""
