"""The language model is checked against Sift's manifest before spaCy loads it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.core.nlp import model_files


def test_the_installed_model_matches_the_manifest() -> None:
    root = model_files.verified_model_dir()
    assert (root / "config.cfg").is_file()


def test_a_changed_model_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "model"
    shutil.copytree(model_files.model_dir(), copy)
    with open(copy / "ner" / "model", "r+b") as handle:
        first = handle.read(1)
        handle.seek(0)
        handle.write(bytes([first[0] ^ 0xFF]))
    monkeypatch.setattr(model_files, "model_dir", lambda: copy)
    with pytest.raises(model_files.ModelDamaged, match="ner/model differs"):
        model_files.verified_model_dir()


def test_a_missing_model_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "model"
    shutil.copytree(model_files.model_dir(), copy)
    (copy / "vocab" / "strings.json").unlink()
    monkeypatch.setattr(model_files, "model_dir", lambda: copy)
    with pytest.raises(model_files.ModelDamaged, match="reinstall Sift"):
        model_files.verified_model_dir()
