"""CI check of the PyInstaller bundle: build it, then run it the ways a user would.

``python packaging/check_bundle.py [--no-build] [--seed FILE]`` (needs the ``packaging`` extra).
Checks, each against the bundle in dist/Sift/ with private user folders and offscreen Qt:
1. ``sift extract SEED`` prints a record with a story and entities (the spaCy model is inside),
   identical to what this Python environment's ``sift extract`` prints;
2. ``sift --measure-startup SEED`` opens the window, shows the story and fills the side panel
   (the analysis child process works frozen) and exits 0;
3. a running ``sift`` takes a second ``sift FILE``'s file and the second exits 0 at once;
4. ``sift --install-desktop`` (Linux) writes a menu entry that runs the bundle.
Prints the bundle's size and build time. Slow (a minute or more): kept out of pytest.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "packaging"))

import build  # noqa: E402  (packaging/build.py)

DEFAULT_SEED = ROOT.parent / "shared" / "corpus" / "seed" / "000_f2ed90793f4af516.txt"
# Whole-run limits for one bundle command on a busy 2-core machine (the model loads in ~2 s).
COMMAND_TIMEOUT_S = 300
# How long the first instance may take to listen, and the second to hand over and exit.
LISTEN_TIMEOUT_S = 60
HAND_OVER_TIMEOUT_S = 15
# A fallback article when the shared corpus is absent: written here, not taken from any corpus.
FALLBACK_ARTICLE = ("Harbour town opens new library\n\nThe mayor, Ana Ortiz, said on Monday that "
                    "the library would open in March. \"It is for everyone,\" she said.\n")


def bundle_env(home: Path) -> dict[str, str]:
    """Offscreen Qt and user folders inside ``home``, so the check never touches real settings."""
    env = os.environ.copy()
    env["QT_QPA_PLATFORM"] = "offscreen"
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
                "XDG_RUNTIME_DIR"):
        folder = home / var.lower()
        folder.mkdir(mode=0o700, exist_ok=True)
        env[var] = str(folder)
    return env


def run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, env=env, capture_output=True, text=True,
                          timeout=COMMAND_TIMEOUT_S, check=False)


def check_extract(sift: Path, seed: Path, env: dict[str, str]) -> str:
    """The bundle extracts the seed, with entities, exactly as the source tree does."""
    done = run([str(sift), "extract", str(seed)], env)
    if done.returncode != 0:
        raise SystemExit(f"bundle: sift extract failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    record = json.loads(done.stdout)
    if not record.get("body") or not record.get("entities"):
        raise SystemExit(f"bundle: sift extract gave no story or no entities:\n{done.stdout[:500]}")
    reference = run([sys.executable, "-m", "reader", "extract", str(seed)], env)
    if reference.returncode == 0 and reference.stdout != done.stdout:
        raise SystemExit("bundle: sift extract differs from this environment's sift extract")
    return f"extract ok: {len(record['body'])} characters of story, {len(record['entities'])} entities"


def check_window(sift: Path, seed: Path, env: dict[str, str]) -> str:
    """The window opens the seed, shows the story and the panel, and quits cleanly."""
    done = run([str(sift), "--measure-startup", str(seed)], env)
    if done.returncode != 0:
        raise SystemExit(f"bundle: the window did not show the seed ({done.returncode}):\n"
                         f"{done.stdout}{done.stderr}")
    times = json.loads(done.stdout.strip().splitlines()[-1])
    if times.get("story_shown_s") is None or times.get("panel_filled_s") is None:
        raise SystemExit(f"bundle: story or panel never shown: {times}")
    return f"window ok: {times}"


def wait_until_listening(first: subprocess.Popen[bytes]) -> None:
    """Poll the single-instance socket (an empty hand-over only raises the window)."""
    from reader.ui.single_instance import send_to_running_instance

    deadline = time.monotonic() + LISTEN_TIMEOUT_S
    while time.monotonic() < deadline:
        if first.poll() is not None:
            raise SystemExit(f"bundle: the first instance exited with status {first.returncode}")
        if send_to_running_instance([]):
            return
        time.sleep(0.2)
    raise SystemExit("bundle: the first instance never listened for a second one")


def check_single_instance(sift: Path, seed: Path, env: dict[str, str]) -> str:
    """A second ``sift FILE`` hands the file to the first and exits 0 at once."""
    os.environ.update({k: env[k] for k in ("XDG_RUNTIME_DIR",)})  # same socket name as the bundle
    first = subprocess.Popen([str(sift)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_until_listening(first)
        started = time.monotonic()
        second = subprocess.run([str(sift), str(seed)], env=env, capture_output=True, text=True,
                                timeout=HAND_OVER_TIMEOUT_S, check=False)
        elapsed = time.monotonic() - started
        if second.returncode != 0:
            raise SystemExit(f"bundle: the second instance failed ({second.returncode}): {second.stderr}")
        if first.poll() is not None:
            raise SystemExit("bundle: the first instance died when it got the file")
        return f"single instance ok: the second sift handed over and exited in {elapsed:.1f} s"
    finally:
        first.terminate()
        first.wait(COMMAND_TIMEOUT_S)


def check_desktop_install(sift: Path, seed: Path, env: dict[str, str]) -> str:
    """``sift --install-desktop`` from the bundle points the menu entry at the bundle (Linux)."""
    if not sys.platform.startswith("linux"):
        return "desktop install: not applicable here"
    done = run([str(sift), "--install-desktop"], env)
    entry = Path(env["XDG_DATA_HOME"]) / "applications" / "io.github.siftreader.Sift.desktop"
    if done.returncode != 0 or f"Exec={sift.resolve()} %F" not in entry.read_text(encoding="utf-8"):
        raise SystemExit(f"bundle: --install-desktop failed or points elsewhere:\n{done.stdout}{done.stderr}")
    return "desktop install ok: the menu entry runs the bundle"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="check the bundle already in dist/")
    parser.add_argument("--seed", type=Path, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    started = time.monotonic()
    if not args.no_build and build.main([]) != 0:
        return 1
    build_s = time.monotonic() - started
    sift = build.BUNDLE_DIR / ("sift.exe" if os.name == "nt" else "sift")
    if not sift.is_file():
        raise SystemExit(f"no bundle at {sift}: run without --no-build")
    with tempfile.TemporaryDirectory(prefix="sift-bundle-check-") as folder:
        home = Path(folder)
        seed = args.seed
        if not seed.is_file():
            seed = home / "article.txt"
            seed.write_text(FALLBACK_ARTICLE, encoding="utf-8")
        env = bundle_env(home)
        for check in (check_extract, check_window, check_single_instance, check_desktop_install):
            print(check(sift, seed, env), flush=True)
    size_mb = build.folder_size(build.BUNDLE_DIR) / 1e6
    print(f"bundle ok: {size_mb:.0f} MB, built in {build_s:.0f} s, checked in "
          f"{time.monotonic() - started - build_s:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
