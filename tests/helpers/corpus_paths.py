"""Where the tests find the project, its fixtures and the shared corpus (importable from any test;
``from conftest import`` is ambiguous once a test folder has a conftest of its own)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "corpus" / "seed" / "000_f2ed90793f4af516.txt"
FIXTURES = ROOT / "tests" / "fixtures"
