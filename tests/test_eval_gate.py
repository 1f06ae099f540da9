"""The quality gate's comparison logic (the gate itself runs in CI over the shared corpora)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

GATE_PATH = Path(__file__).resolve().parent / "eval_gate.py"
spec = importlib.util.spec_from_file_location("eval_gate", GATE_PATH)
assert spec and spec.loader
eval_gate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(eval_gate)


def test_lookup_reads_dotted_scores() -> None:
    results = {"entities": {"prose": {"f1": 0.81}}, "html": {"f1": 0.97}}
    assert eval_gate.lookup(results, "entities.prose.f1") == 0.81
    assert eval_gate.lookup(results, "entities.all.f1") is None


def test_compare_flags_scores_below_their_floor() -> None:
    lines = eval_gate.compare({"html": {"f1": 0.95}, "tails": {"line_f1": 0.99}},
                              {"html.f1": 0.97, "tails.line_f1": 0.98})
    assert [line.split()[0] for line in lines] == ["BELOW", "ok"]


def test_floors_file_is_valid() -> None:
    floors = json.loads((GATE_PATH.parent / "eval_floors.json").read_text(encoding="utf-8"))
    assert floors and all(0.0 <= value <= 1.0 for value in floors.values())
