"""``sift library VERB``: the shapes of the contract (shared/README.md), exit codes, --library
and SIFT_LIBRARY, run as a user runs it (a subprocess)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from library_helpers import lines, sift, story, write_article

SUMMARY = {"id", "paths", "title", "byline", "site", "url", "published", "language", "words", "added",
           "opened", "progress", "tags", "missing"}
ADD_LINE = {"path", "id", "status", "title"}


@pytest.fixture
def stocked(tmp_path: Path) -> tuple[Path, Path]:
    """A library with three plain-text articles (no analysis) and the folder they came from."""
    folder = tmp_path / "saved"
    for n in range(3):
        write_article(folder, f"a{n}.txt", *story(n, "Tramway" if n == 1 else ""))
    db = tmp_path / "lib.sqlite3"
    result = sift("library", "add", folder, "--library", db, "--no-analysis", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    added = lines(result)
    assert len(added) == 3 and all(set(r) == ADD_LINE and r["status"] == "added" for r in added)
    return db, folder


def test_list_prints_summaries_with_exactly_the_contract_fields(stocked: tuple[Path, Path]) -> None:
    db, folder = stocked
    result = sift("library", "list", "--library", db, "--sort", "title", "--limit", "2")
    assert result.returncode == 0
    summaries = lines(result)
    assert len(summaries) == 2 and all(set(s) == SUMMARY for s in summaries)
    assert summaries[0]["paths"][0].startswith(str(folder)) and summaries[0]["missing"] is False
    assert isinstance(summaries[0]["words"], int) and summaries[0]["added"].endswith("Z")


def test_search_prints_summary_score_and_snippet(stocked: tuple[Path, Path]) -> None:
    db, _ = stocked
    [hit] = lines(sift("library", "search", "tramway", "--library", db))
    assert set(hit) == SUMMARY | {"score", "snippet"}
    assert "⟦Tramway⟧" in hit["snippet"] and hit["score"] > 0
    assert lines(sift("library", "search", "tramway", "-ferry", "--library", db)) == []
    assert len(lines(sift("library", "search", "--library", db, "--site", "nowhere"))) == 0


def test_show_by_id_or_path_includes_text_analysis_and_highlights(stocked: tuple[Path, Path]) -> None:
    db, folder = stocked
    [by_path] = lines(sift("library", "show", folder / "a0.txt", "--library", db))
    assert set(by_path) == SUMMARY | {"text", "entities", "claims", "highlights"}
    assert by_path["highlights"] == [] and by_path["text"].startswith("Council report number 0")
    [by_id] = lines(sift("library", "show", by_path["id"], "--library", db))
    assert by_id == by_path


def test_forget_then_its_words_are_not_found(stocked: tuple[Path, Path]) -> None:
    db, folder = stocked
    [target] = lines(sift("library", "search", "tramway", "--library", db))
    result = sift("library", "forget", target["id"], "nonexistent", "--library", db)
    assert result.returncode == 1
    assert lines(result)[0] == {"id": target["id"], "status": "forgotten"}
    failed = lines(result)[1]
    assert failed["status"] == "error" and failed["error"]["kind"] == "not-found"
    assert lines(sift("library", "search", "tramway", "--library", db)) == []
    assert len(lines(sift("library", "list", "--library", db))) == 2


def test_exit_codes_and_errors(stocked: tuple[Path, Path], tmp_path: Path) -> None:
    db, _ = stocked
    missing = sift("library", "show", "0000000000000000", "--library", db)
    assert missing.returncode == 1
    [line] = lines(missing)
    assert line["error"]["kind"] == "not-found" and line["error"]["message"]
    (tmp_path / "empty.txt").write_bytes(b"")
    bad_add = sift("library", "add", tmp_path / "empty.txt", tmp_path / "gone.txt", "--library", db)
    assert bad_add.returncode == 1
    assert {r["error"]["kind"] for r in lines(bad_add)} == {"empty", "not-found"}
    assert all(r["status"] == "error" and r["id"] is None for r in lines(bad_add))
    for usage in (["library"], ["library", "frobnicate"], ["library", "list", "--sort", "colour"],
                  ["library", "list", "--limit", "0"], ["library", "show", "--library", str(db)]):
        result = sift(*usage)
        assert result.returncode == 2, usage
        assert result.stdout == "" and "Traceback" not in result.stderr


def test_the_library_comes_from_the_option_then_the_variable_then_the_data_folder(
        tmp_path: Path, isolated_user_dirs: Path) -> None:
    path = write_article(tmp_path, "a.txt", *story(1))
    env = {**os.environ, "SIFT_LIBRARY": str(tmp_path / "by-variable.sqlite3")}
    assert sift("library", "add", path, "--no-analysis", "--jobs", "0", env=env).returncode == 0
    assert (tmp_path / "by-variable.sqlite3").exists()
    option = tmp_path / "by-option.sqlite3"
    assert sift("library", "add", path, "--no-analysis", "--library", option, env=env).returncode == 0
    assert option.exists()
    del env["SIFT_LIBRARY"]
    assert sift("library", "list", env=env).returncode == 0
    assert list(isolated_user_dirs.rglob("library.sqlite3"))


def test_a_damaged_library_is_reported_on_stderr_and_rebuilt(stocked: tuple[Path, Path]) -> None:
    db, _ = stocked
    for side in (db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        side.unlink(missing_ok=True)
    db.write_bytes(b"garbage" * 1000)
    result = sift("library", "list", "--library", db)
    assert result.returncode == 0
    assert "damaged" in result.stderr and "Traceback" not in result.stderr
    assert list(db.parent.glob("lib.sqlite3.damaged-*"))


def test_speaker_with_no_claims_prints_nothing(stocked: tuple[Path, Path]) -> None:
    db, _ = stocked
    result = sift("library", "speaker", "Nobody Atall", "--library", db)
    assert (result.returncode, result.stdout) == (0, "")


@pytest.mark.slow
def test_the_seed_with_analysis_opens_as_extract_printed_it(seed_path: Path, tmp_path: Path) -> None:
    """The one test with spaCy: the stored record is the extract record, and the speaker verb
    finds Putin's claim with Kyiv's dispute by his surname."""
    db = tmp_path / "lib.sqlite3"
    [added] = lines(sift("library", "add", seed_path, "--library", db))
    assert added["status"] == "added"
    extracted = json.loads(sift("extract", seed_path).stdout)
    [shown] = lines(sift("library", "show", added["id"], "--library", db))
    assert shown["text"] == extracted["text"]
    assert shown["entities"] == extracted["entities"] and shown["claims"] == extracted["claims"]
    said = lines(sift("library", "speaker", "Putin", "--library", db))
    assert said and all(c["speaker_entity"] == "Vladimir Putin" for c in said)
    assert any(d["speaker_entity"] == "Kyiv" for c in said for d in c["disputed_by"])
    entity_hits = lines(sift("library", "search", "--entity", "Vladimir Putin", "--library", db))
    assert [h["id"] for h in entity_hits] == [added["id"]]
    speaker_hits = lines(sift("library", "search", "Sumy", "--speaker", "Kyiv", "--library", db))
    assert [h["id"] for h in speaker_hits] == [added["id"]]


def test_help_lists_the_verbs() -> None:
    result = sift("library", "--help")
    assert result.returncode == 0
    for verb in ("add", "list", "search", "show", "forget", "speaker"):
        assert verb in result.stdout
