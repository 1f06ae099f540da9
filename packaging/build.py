"""Build Sift's one-folder bundle with PyInstaller: ``python packaging/build.py [--clean]``.

Needs the ``packaging`` extra (``pip install -e '.[packaging]'``). The bundle lands in
``dist/Sift/`` (``dist/Sift.app`` on macOS); PyInstaller's work files in ``build/pyinstaller/``.
Prints the build time and the bundle's size, the figures the README quotes.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "pyinstaller" / "sift.spec"
DIST_DIR = ROOT / "dist"
WORK_DIR = ROOT / "build" / "pyinstaller"
BUNDLE_DIR = DIST_DIR / "Sift"


def folder_size(folder: Path) -> int:
    """Bytes in the files under ``folder`` (symbolic links counted once, as links)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def has_run_path(library: Path) -> bool:
    """True when auditwheel/patchelf gave the library an RPATH: strip corrupts such files."""
    done = subprocess.run(["readelf", "-d", str(library)], capture_output=True, text=True, check=False)
    return done.returncode != 0 or "RPATH" in done.stdout or "RUNPATH" in done.stdout


def strip_symbols(bundle: Path) -> int:
    """Strip symbol tables from the bundle's plain shared libraries (Linux); return bytes saved.

    spaCy's, thinc's and blis's Cython modules ship with full symbol tables: stripping them halves
    the bundle (434 MB -> about 270 MB). PyInstaller's own ``strip`` option strips everything,
    which breaks patchelf-edited libraries (numpy's OpenBLAS: "ELF load command ... not
    page-aligned"), so those are left alone.
    """
    if not sys.platform.startswith("linux") or not (shutil.which("strip") and shutil.which("readelf")):
        return 0
    before = folder_size(bundle)
    for library in sorted(bundle.rglob("*.so*")):
        if library.is_file() and not library.is_symlink() and not has_run_path(library):
            subprocess.run(["strip", "--strip-unneeded", str(library)], check=False,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return before - folder_size(bundle)


def build(clean: bool) -> int:
    """Run PyInstaller on the spec; return its exit status."""
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(DIST_DIR), "--workpath", str(WORK_DIR), str(SPEC)]
    if clean:
        command.insert(3, "--clean")
    return subprocess.run(command, cwd=ROOT, check=False).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="discard PyInstaller's cache first")
    args = parser.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("PyInstaller is missing: pip install -e '.[packaging]'", file=sys.stderr)
        return 2
    started = time.monotonic()
    status = build(args.clean)
    elapsed = time.monotonic() - started
    if status != 0:
        print(f"PyInstaller failed (status {status}) after {elapsed:.0f} s", file=sys.stderr)
        return status
    saved_mb = strip_symbols(BUNDLE_DIR) / 1e6
    elapsed = time.monotonic() - started
    size_mb = folder_size(BUNDLE_DIR) / 1e6
    print(f"built {BUNDLE_DIR} in {elapsed:.0f} s: {size_mb:.0f} MB ({saved_mb:.0f} MB of symbols stripped)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
