"""Write resources/data/model-manifest.json: SHA-256 of the model files Sift loads.

Run after changing the pinned model version:  .venv/bin/python packaging/scripts/build_model_manifest.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from reader.core.nlp.model_files import MANIFEST, MODEL_NAME, model_digests, model_dir
from reader.core.storage.resources import resource_path


def main() -> int:
    root = model_dir()
    manifest = {"model": MODEL_NAME, "version": root.name.rsplit("-", 1)[-1],
                "files": model_digests(root)}
    target: Path = resource_path(*MANIFEST)
    target.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(manifest['files'])} files → {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
