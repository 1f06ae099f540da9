"""The window comes first: nothing heavy is imported before it is shown.

Runs ``sift FILE`` in a fresh process whose QMainWindow.show records the loaded modules and
ends the process, so the check follows the real start path whatever it becomes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# What costs tenths of a second to import and is needed only to read or analyse an article.
HEAVY_MODULES = ("spacy", "thinc", "lxml", "readability", "py3langid", "numpy",
                 "charset_normalizer", "reader.core.extract", "reader.core.nlp")

PROBE = """
import json, os, sys
from PySide6.QtWidgets import QMainWindow

def show(self):
    heavy = sorted(m for m in sys.modules if m.split(".")[0] in HEAVY or
                   any(m == h or m.startswith(h + ".") for h in HEAVY))
    print(json.dumps(heavy), flush=True)
    os._exit(0)

HEAVY = %r
QMainWindow.show = show
from reader.cli import main
sys.exit(main([sys.argv[1]]))
"""


def test_nothing_heavy_is_imported_before_the_window_shows(tmp_path: Path) -> None:
    article = tmp_path / "note.txt"
    article.write_text("Quay repairs finish\n\nThe quay reopened on Monday.\n", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", PROBE % (HEAVY_MODULES,), str(article)], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert lines, f"the window was never shown: {done.stderr}"
    assert json.loads(lines[-1]) == []
