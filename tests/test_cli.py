"""The ``sift`` command as a user runs it: a real process, JSON Lines on stdout, exit codes.

Every test runs ``python -m reader`` in a subprocess (the console script does the same), so
argument parsing, stdout encoding and the no-traceback promise are tested end to end.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from loading_fixtures import PNG_1X1, STORY, mhtml_bytes, page, snapshot_tree, write

from reader import __version__

EXTRACT_FIELDS = {"path", "format", "title", "byline", "published", "site", "language", "url",
                  "body", "text", "blocks", "warnings"}
ERROR_KINDS = {"not-found", "is-directory", "permission-denied", "empty", "unsupported-format",
               "too-large", "undecodable", "malformed", "timeout", "internal"}
# Each run imports the package afresh; analysis runs also load the spaCy model.
TIMEOUT_SECONDS = 120


def sift(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", timeout=TIMEOUT_SECONDS, cwd=cwd)


def records(result: subprocess.CompletedProcess[str]) -> list[dict]:
    lines = result.stdout.splitlines()
    assert all(line.strip() for line in lines), "blank line in JSON Lines output"
    return [json.loads(line) for line in lines]


def assert_clean_stderr(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr, result.stderr


def test_extract_seed_has_every_contract_field(seed_path: Path) -> None:
    before = snapshot_tree(seed_path.parent)
    result = sift("extract", "--no-analysis", seed_path)
    assert result.returncode == 0, result.stderr
    assert_clean_stderr(result)
    [record] = records(result)
    assert set(record) == EXTRACT_FIELDS  # --no-analysis omits entities and claims
    assert record["path"] == str(seed_path) and record["format"] == "text"
    assert record["body"] and record["text"].endswith(record["body"])
    assert all(set(b) == {"role", "text", "reason"} for b in record["blocks"])
    assert all(b["role"] in {"title", "byline", "story", "clutter"} for b in record["blocks"])
    assert isinstance(record["warnings"], list)
    assert snapshot_tree(seed_path.parent) == before


def bad_inputs(folder: Path) -> list[tuple[Path, str | None]]:
    """(path, expected error kind or None for a good file), in the order given to the command."""
    good_html = write(folder, "good.html", page())
    deep = folder / "Saved pages"
    deep.mkdir()
    return [
        (good_html, None),
        (folder / "missing.html", "not-found"),
        (write(folder, "empty.txt", b""), "empty"),
        (write(folder, "report.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"), "malformed"),  # a PDF, damaged
        (write(folder, "photo.png", PNG_1X1), "unsupported-format"),
        (deep, "is-directory"),
        (write(folder, "noise.txt", bytes(range(0x80, 0x100)) * 20), "undecodable"),
        (write(folder, "novel.txt", (STORY + "\n\n") * 8000), "too-large"),  # over the 1 MiB text limit
        (write(folder, "broken.mhtml", mhtml_bytes().replace(b"text/html", b"text/plain")), "malformed"),
        (write(folder, "archive.mhtml", mhtml_bytes()), None),
        (write(folder, "story.txt", STORY), None),
    ]


def test_extract_reports_each_bad_file_and_goes_on(tmp_path: Path) -> None:
    inputs = bad_inputs(tmp_path)
    before = snapshot_tree(tmp_path)
    result = sift("extract", "--no-analysis", *(path for path, _ in inputs))
    assert result.returncode == 1
    assert_clean_stderr(result)
    out = records(result)
    assert [r["path"] for r in out] == [str(path) for path, _ in inputs]  # argument order
    for record, (path, kind) in zip(out, inputs, strict=True):
        if kind is None:
            assert "error" not in record and set(record) == EXTRACT_FIELDS, record
        else:
            assert set(record) == {"path", "error"}
            assert record["error"]["kind"] == kind, record
            message = record["error"]["message"]
            assert path.name in message and message.endswith(".") and "\n" not in message
    assert snapshot_tree(tmp_path) == before


def test_pages_that_upset_libraries_leave_stderr_empty(tmp_path: Path) -> None:
    """Control characters once made readability log a traceback on the user's terminal."""
    html = "<html><body><div>Text \x01 with a control <div>inner</div> and a longer tail.</div></body></html>"
    result = sift("extract", "--no-analysis", write(tmp_path, "controls.html", html))
    assert result.returncode == 0 and result.stderr == ""


LOGGING_LIBRARY = """
import logging, sys
import reader.core.reading as pipeline

def failing_extract(path, **options):
    try:
        raise ValueError("a library's internal failure")
    except ValueError:
        logging.getLogger("readability.readability").exception("error getting summary")
    raise ValueError("and then it gives up")

pipeline.extract_record = failing_extract
from reader.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize(("debug", "traceback_shown"), [(False, False), (True, True)])
def test_library_log_tracebacks_show_only_with_debug(tmp_path: Path, debug: bool,
                                                     traceback_shown: bool) -> None:
    flags = ["--debug"] if debug else []
    args = ["extract", "--no-analysis", *flags, str(write(tmp_path, "a.html", page()))]
    result = subprocess.run([sys.executable, "-c", LOGGING_LIBRARY, *args], capture_output=True, text=True,
                            timeout=TIMEOUT_SECONDS)
    assert result.returncode == 1
    assert json.loads(result.stdout)["error"]["kind"] == "internal"
    assert ("Traceback" in result.stderr) == traceback_shown, result.stderr


REFUSING_OPEN = """
import builtins, sys
real_open = builtins.open

def refusing_open(file, *args, **kwargs):
    if str(file).endswith("secret.html"):
        raise PermissionError(13, "Permission denied", str(file))
    return real_open(file, *args, **kwargs)

builtins.open = refusing_open
from reader.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_permission_denied_gives_its_record(tmp_path: Path) -> None:
    """Root reads every file, so the refusal is simulated inside the real command's process."""
    secret, fine = write(tmp_path, "secret.html", page()), write(tmp_path, "fine.txt", STORY)
    result = subprocess.run([sys.executable, "-c", REFUSING_OPEN, "extract", "--no-analysis", str(secret),
                             str(fine)], capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
    assert result.returncode == 1
    assert_clean_stderr(result)
    denied, ok = records(result)
    assert denied["error"]["kind"] == "permission-denied" and "secret.html" in denied["error"]["message"]
    assert "error" not in ok


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file; see the simulated test")
def test_permission_denied_for_real(tmp_path: Path) -> None:
    secret = write(tmp_path, "secret.html", page())
    secret.chmod(0)
    try:
        [record] = records(sift("extract", "--no-analysis", secret))
    finally:
        secret.chmod(0o644)
    assert record["error"]["kind"] == "permission-denied"


def test_relative_paths_are_reported_absolute(tmp_path: Path) -> None:
    write(tmp_path, "here.txt", STORY)
    [record] = records(sift("extract", "--no-analysis", "here.txt", cwd=tmp_path))
    assert record["path"] == str(tmp_path / "here.txt")


def test_all_good_files_exit_zero(tmp_path: Path) -> None:
    files = [write(tmp_path, "a.html", page()), write(tmp_path, "b.txt", STORY)]
    result = sift("extract", "--no-analysis", *files)
    assert result.returncode == 0 and len(records(result)) == 2


def test_output_is_utf8_whatever_the_locale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "C")
    monkeypatch.setenv("PYTHONIOENCODING", "ascii")
    path = write(tmp_path, "cjk.txt", "港务局周二表示，旧码头将于春季重新开放。\n\nשלום עולם")
    result = subprocess.run([sys.executable, "-m", "reader", "extract", "--no-analysis", str(path)],
                            capture_output=True, timeout=TIMEOUT_SECONDS)
    assert result.returncode == 0, result.stderr
    blocks = json.loads(result.stdout.decode("utf-8"))["blocks"]
    assert any("旧码头" in b["text"] for b in blocks) and any("שלום" in b["text"] for b in blocks)


@pytest.mark.parametrize("args", [
    ["extract"],  # no file
    ["analyze"],
    ["extract", "--no-such-option", "x.html"],
    ["analyze", "--no-analysis", "x.txt"],  # --no-analysis belongs to extract only
    ["--no-such-option"],
])
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = sift(*args)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stdout == "" and "usage:" in result.stderr
    assert_clean_stderr(result)


def test_version() -> None:
    result = sift("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"Sift {__version__}"


@pytest.mark.parametrize(("args", "expected"), [
    (["--help"], ["extract", "analyze", "--sample", "--version"]),
    (["extract", "--help"], ["--no-analysis", "FILE"]),
    (["analyze", "--help"], ["FILE"]),
])
def test_help(args: list[str], expected: list[str]) -> None:
    result = sift(*args)
    assert result.returncode == 0
    for word in expected:
        assert word in result.stdout


@pytest.mark.slow
def test_analyze_seed_and_a_bad_file(seed_path: Path, tmp_path: Path) -> None:
    pdf = write(tmp_path, "report.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    latin = write(tmp_path, "latin.txt", STORY.encode("cp1252"))
    result = sift("analyze", seed_path, pdf, latin, tmp_path / "gone.txt")
    assert result.returncode == 1
    assert_clean_stderr(result)
    seed, bad, not_utf8, gone = records(result)
    assert set(seed) == {"path", "text_length", "entities", "claims"}
    assert seed["text_length"] == len(seed_path.read_text(encoding="utf-8").removeprefix("\ufeff"))
    assert seed["entities"], "the seed names people and places"
    for entity in seed["entities"]:
        assert set(entity) == {"name", "type", "aliases", "mentions", "confidence"}
        assert 0.0 <= entity["confidence"] <= 1.0
    assert bad["error"]["kind"] == "unsupported-format"
    assert not_utf8["error"]["kind"] == "undecodable"
    assert gone["error"]["kind"] == "not-found"


@pytest.mark.slow
def test_extract_with_analysis_adds_entities_and_claims(seed_path: Path) -> None:
    result = sift("extract", seed_path)
    assert result.returncode == 0, result.stderr
    [record] = records(result)
    assert set(record) == EXTRACT_FIELDS | {"entities", "claims"}
    text = record["text"]
    for entity in record["entities"]:
        for mention in entity["mentions"]:
            assert text[mention["start"]:mention["end"]] == mention["text"]
