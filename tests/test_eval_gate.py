"""The quality gate's comparison logic (the gate itself runs in CI over the shared corpora)."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from typing import Any

import pytest

GATE_PATH = Path(__file__).resolve().parent / "eval_gate.py"
spec = importlib.util.spec_from_file_location("eval_gate", GATE_PATH)
assert spec and spec.loader
eval_gate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(eval_gate)


def test_lookup_reads_dotted_scores() -> None:
    results = {"entities": {"prose": {"f1": 0.81}}, "html": {"f1": 0.97}, "meta": {"split": "test"}}
    assert eval_gate.lookup(results, "entities.prose.f1") == 0.81
    assert eval_gate.lookup(results, "entities.all.f1") is None
    assert eval_gate.lookup(results, "meta.split") is None  # not a score


def test_compare_flags_scores_below_their_floor() -> None:
    lines = eval_gate.compare({"html": {"f1": 0.95}, "tails": {"line_f1": 0.98}},
                              {"html.f1": 0.97, "tails.line_f1": 0.98})
    assert [line.split()[0] for line in lines] == ["BELOW", "ok"]  # a score at its floor passes
    assert eval_gate.failures(lines) == lines[:1]


def test_a_metric_missing_from_the_results_fails() -> None:
    """A renamed or dropped metric must not silently lose its floor."""
    lines = eval_gate.compare({"html": {"f1_renamed": 0.99}, "text": {"f1": "n/a"}},
                              {"html.f1": 0.97, "text.f1": 0.9})
    assert [line.split()[:2] for line in lines] == [["MISSING", "html.f1"], ["MISSING", "text.f1"]]
    assert eval_gate.failures(lines) == lines


def run_gate(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, results: dict[str, Any],
             floors: dict[str, float], *tasks: str) -> int:
    """The gate's main() with these floors and the evaluator's answer replaced by ``results``."""
    (tmp_path / "tools").mkdir(exist_ok=True)
    (tmp_path / "tools" / "evaluate.py").write_text("# stands in for the shared evaluator\n")
    floors_file = tmp_path / "floors.json"
    floors_file.write_text(json.dumps(floors))
    monkeypatch.setattr(eval_gate, "FLOORS", floors_file)
    monkeypatch.setattr(eval_gate, "run_evaluate", lambda shared, names: results)
    return int(eval_gate.main(["--shared", str(tmp_path), *tasks]))


def test_the_gate_exits_1_when_a_metric_is_missing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    floors = {"html.f1": 0.9, "claims.claim.f1": 0.6}
    complete = {"html": {"f1": 0.95}, "claims": {"claim": {"f1": 0.7}}}
    assert run_gate(monkeypatch, tmp_path, complete, floors) == 0
    assert run_gate(monkeypatch, tmp_path, {"html": {"f1": 0.95}, "claims": {}}, floors) == 1


def test_the_gate_exits_1_below_a_floor(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert run_gate(monkeypatch, tmp_path, {"html": {"f1": 0.89}}, {"html.f1": 0.9}) == 1


def test_the_gate_refuses_an_unknown_task(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as stopped:
        run_gate(monkeypatch, tmp_path, {}, {"html.f1": 0.9}, "htlm")
    assert stopped.value.code == 2


def test_every_floor_names_a_task_and_a_metric_that_can_fail() -> None:
    floors = json.loads((GATE_PATH.parent / "eval_floors.json").read_text(encoding="utf-8"))
    assert set(eval_gate.TASKS) <= {key.split(".")[0] for key in floors}, "every task keeps a floor"
    for key, value in floors.items():
        task, _, metric = key.partition(".")
        assert task in eval_gate.TASKS and metric, key
        assert 0.0 < value <= 1.0, f"{key}: a floor of {value} cannot fail or cannot pass"


EVALUATOR = GATE_PATH.parents[2] / "shared" / "tools" / "evaluate.py"


@pytest.mark.skipif(not EVALUATOR.exists(), reason="the shared evaluator is absent")
def test_the_gate_knows_the_evaluators_tasks() -> None:
    source = EVALUATOR.read_text(encoding="utf-8")
    tasks = re.search(r"TASKS = \{(.*?)\}", source, re.S)
    assert tasks and set(re.findall(r'"(\w+)":', tasks.group(1))) == set(eval_gate.TASKS)
