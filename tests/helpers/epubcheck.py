"""Validate an EPUB with epubcheck (the Debian package ``epubcheck``, which needs Java).

Where CI is set (the ``CI`` environment variable) a missing epubcheck fails the test: the
EPUB's validity is a promise CI checks, not a nicety it may skip. On a developer's machine
without it the test is skipped with the reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

EPUBCHECK_JAR = Path("/usr/share/java/epubcheck.jar")
# epubcheck starts a JVM and reads the whole book; a few seconds normally, far more on a
# machine shared by several test runs.
EPUBCHECK_TIMEOUT = 300
CLEAN = "0 fatals / 0 errors / 0 warnings"


def epubcheck_command() -> list[str]:
    """How to run epubcheck here; fails under CI, skips elsewhere, when it is not installed."""
    java = shutil.which("java")
    if EPUBCHECK_JAR.exists() and java:
        return [java, "-jar", str(EPUBCHECK_JAR)]
    installed = shutil.which("epubcheck")
    if installed:
        return [installed]
    if os.environ.get("CI"):
        pytest.fail("epubcheck is not installed; CI must install the Debian package 'epubcheck'")
    pytest.skip("epubcheck is not installed (Debian package 'epubcheck')")


def assert_valid_epub(path: Path) -> None:
    """epubcheck finds no fatal error, no error and no warning in the book at ``path``."""
    result = subprocess.run([*epubcheck_command(), str(path)], capture_output=True, text=True,
                            timeout=EPUBCHECK_TIMEOUT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert CLEAN in result.stdout, result.stdout
