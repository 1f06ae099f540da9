"""``sift extract --jobs N``: records in argument order, the same as one process gives."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import FIXTURES


def run_extract(*args: str) -> list[dict]:
    out = subprocess.run([sys.executable, "-m", "reader", "extract", "--no-analysis", *args],
                         capture_output=True, text=True, timeout=120).stdout
    return [json.loads(line) for line in out.splitlines()]


def test_parallel_records_come_in_argument_order() -> None:
    pages = sorted(str(p) for p in (FIXTURES / "html").glob("*.html"))
    files = [pages[-1], "/nonexistent/page.html", *pages[:-1]]
    parallel = run_extract("--jobs", "3", *files)
    assert [r["path"] for r in parallel] == files
    assert parallel[1]["error"]["kind"] == "not-found"
    assert parallel == run_extract("--jobs", "1", *files)
