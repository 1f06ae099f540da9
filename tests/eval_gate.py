"""Quality gate: score the installed ``sift`` with shared/tools/evaluate.py against pinned floors.

Run from the project's virtual environment (so ``sift`` is on PATH):

    python tests/eval_gate.py [--shared ../shared] [TASK...]

Floors live in tests/eval_floors.json and may only go up: raise one when a change
improves a score, never lower it to let a change through. Exit status 1 when any
score is below its floor or missing from the results (a renamed metric must not silently
lose its floor), 0 otherwise (and when ../shared is absent: nothing to check).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
FLOORS = HERE / "eval_floors.json"
DEFAULT_SHARED = HERE.parent.parent / "shared"
# The evaluator's tasks (shared/tools/evaluate.py TASKS); a floor's key starts with one of them.
TASKS = ("html", "text", "tails", "meta", "entities", "claims")
PASSED = "ok   "
BELOW = "BELOW"
MISSING = "MISSING"


def lookup(results: dict[str, Any], dotted: str) -> float | None:
    """A score by dotted path, e.g. ``entities.prose.f1``."""
    value: Any = results
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return float(value) if isinstance(value, (int, float)) else None


def run_evaluate(shared: Path, tasks: list[str]) -> dict[str, Any]:
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    command = [sys.executable, str(shared / "tools" / "evaluate.py"), "--json", *tasks]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise SystemExit(f"evaluate.py failed with exit status {result.returncode}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def compare(results: dict[str, Any], floors: dict[str, float]) -> list[str]:
    """Lines describing each score against its floor; failures start with BELOW or MISSING."""
    lines = []
    for key, floor in sorted(floors.items()):
        score = lookup(results, key)
        if score is None:
            lines.append(f"{MISSING} {key:38s} absent  (floor {floor:.3f})")
            continue
        verdict = PASSED if score >= floor else BELOW
        lines.append(f"{verdict} {key:40s} {score:.3f}  (floor {floor:.3f})")
    return lines


def failures(lines: list[str]) -> list[str]:
    return [line for line in lines if not line.startswith(PASSED)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("tasks", nargs="*", help="tasks to score (default: every task with a floor)")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = parser.parse_args(argv)
    unknown = sorted(set(args.tasks) - set(TASKS))
    if unknown:
        parser.error(f"unknown tasks {unknown}; the tasks are {', '.join(TASKS)}")
    if not (args.shared / "tools" / "evaluate.py").exists():
        print(f"eval gate: {args.shared} is absent; nothing to check.")
        return 0
    floors: dict[str, float] = json.loads(FLOORS.read_text(encoding="utf-8"))
    tasks = args.tasks or sorted({key.split(".")[0] for key in floors})
    results = run_evaluate(args.shared, tasks)
    lines = compare(results, {k: v for k, v in floors.items() if k.split(".")[0] in tasks})
    print("\n".join(lines))
    failed = failures(lines)
    print(f"eval gate: {len(lines) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
