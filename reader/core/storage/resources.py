"""Where Sift's own files are: the sample article, data files, icons, styles.

In a source checkout they are the top-level ``resources/`` folder; in an installed wheel or
a bundle the same folder is the package ``reader.resources``.
"""

from __future__ import annotations

from pathlib import Path

import reader

PACKAGE_DIR = Path(reader.__file__).resolve().parent


def resources_dir() -> Path:
    for base in (PACKAGE_DIR / "resources", PACKAGE_DIR.parent / "resources"):
        if base.is_dir():
            return base
    raise FileNotFoundError("Sift's resources folder is missing; reinstall Sift.")


def resource_path(*parts: str) -> Path:
    """The path of one of Sift's own files, e.g. ``resource_path("samples", "sample.txt")``."""
    return resources_dir().joinpath(*parts)
