"""Installing Sift into a (temporary) user desktop: entry, icons, associations, and removal."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader import APP_ID
from reader.desktop import install as desktop
from reader.desktop.install import (
    DESKTOP_ID,
    MIME_TYPES,
    DesktopPaths,
    add_associations,
    install_desktop,
    quote_exec_argument,
    remove_associations,
    render_desktop_entry,
    uninstall_desktop,
)

ROOT = Path(__file__).resolve().parents[2]
LINUX_DIR = ROOT / "packaging" / "linux"

# Someone's existing set-up: a browser owns text/html, an editor is offered for text/plain.
EXISTING_MIMEAPPS = """\
# my own notes stay
[Default Applications]
text/html=firefox.desktop;
image/png=viewer.desktop;

[Added Associations]
text/plain=gedit.desktop;
x-scheme-handler/mailto=mail.desktop;

[Removed Associations]
text/markdown=old-editor.desktop;
"""


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """``sift ARGS`` in a child process that inherits the test's temporary XDG folders."""
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True,
                          env=os.environ.copy(), timeout=60, check=False)


def query_default(mime: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("XDG_CURRENT_DESKTOP", "DESKTOP_SESSION")}
    done = subprocess.run(["xdg-mime", "query", "default", mime], capture_output=True, text=True,
                          env=env, timeout=30, check=False)
    return done.stdout.strip()


def test_committed_entry_is_the_rendered_one_and_validates() -> None:
    committed = (LINUX_DIR / DESKTOP_ID).read_text(encoding="utf-8")
    assert committed == render_desktop_entry("sift")
    assert "Exec=sift %F" in committed
    if shutil.which("desktop-file-validate") is None:
        pytest.skip("desktop-file-validate is not installed")
    done = subprocess.run(["desktop-file-validate", str(LINUX_DIR / DESKTOP_ID)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout


def test_metainfo_validates() -> None:
    if shutil.which("appstreamcli") is None:
        pytest.skip("appstreamcli is not installed")
    done = subprocess.run(["appstreamcli", "validate", "--no-net",
                           str(LINUX_DIR / f"{APP_ID}.metainfo.xml")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_install_writes_entry_icons_and_open_with_only() -> None:
    paths = DesktopPaths.from_environment()
    install_desktop(make_default=False)
    entry = (paths.applications / DESKTOP_ID).read_text(encoding="utf-8")
    exec_line = next(line for line in entry.splitlines() if line.startswith("Exec="))
    program = exec_line.removeprefix("Exec=").split(" ")[0]
    assert os.path.isabs(program) and os.access(program, os.X_OK), exec_line
    assert (paths.hicolor / "48x48" / "apps" / f"{APP_ID}.png").is_file()
    assert (paths.hicolor / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    mimeapps = paths.mimeapps.read_text(encoding="utf-8")
    assert "[Added Associations]" in mimeapps and "[Default Applications]" not in mimeapps
    for mime in MIME_TYPES:
        assert f"{mime}={DESKTOP_ID};" in mimeapps


def test_install_keeps_existing_defaults_and_other_lines() -> None:
    added = add_associations(EXISTING_MIMEAPPS, "Added Associations", first=False)
    assert "text/html=firefox.desktop;\n" in added  # the default is untouched
    assert f"text/plain=gedit.desktop;{DESKTOP_ID};" in added  # offered after the user's choice
    for line in EXISTING_MIMEAPPS.splitlines():
        if not line.startswith("text/plain="):
            assert line in added.splitlines()
    assert add_associations(added, "Added Associations", first=False) == added  # idempotent
    default = add_associations(added, "Default Applications", first=True)
    assert f"text/html={DESKTOP_ID};firefox.desktop;" in default


def test_uninstall_restores_the_users_file() -> None:
    installed = add_associations(add_associations(EXISTING_MIMEAPPS, "Added Associations", False),
                                 "Default Applications", True)
    assert remove_associations(installed) == EXISTING_MIMEAPPS


@pytest.mark.skipif(shutil.which("xdg-mime") is None, reason="xdg-utils is not installed")
def test_cli_make_default_is_seen_by_xdg_mime_and_uninstall_removes_it() -> None:
    paths = DesktopPaths.from_environment()
    paths.mimeapps.parent.mkdir(parents=True, exist_ok=True)
    paths.mimeapps.write_text(EXISTING_MIMEAPPS, encoding="utf-8")
    installed = run_cli("--install-desktop", "--make-default")
    assert installed.returncode == 0, installed.stderr
    assert query_default("text/html") == DESKTOP_ID
    assert query_default("application/x-mimearchive") == DESKTOP_ID
    removed = run_cli("--uninstall-desktop")
    assert removed.returncode == 0, removed.stderr
    assert not (paths.applications / DESKTOP_ID).exists()
    assert not (paths.hicolor / "48x48" / "apps" / f"{APP_ID}.png").exists()
    assert paths.mimeapps.read_text(encoding="utf-8") == EXISTING_MIMEAPPS
    assert query_default("text/html") != DESKTOP_ID


def test_uninstall_when_not_installed_changes_nothing() -> None:
    assert uninstall_desktop() == []
    assert not DesktopPaths.from_environment().mimeapps.exists()


def test_exec_arguments_are_quoted_for_the_spec() -> None:
    assert quote_exec_argument("/opt/sift/bin/sift") == "/opt/sift/bin/sift"
    assert quote_exec_argument("/home/a b/sift") == '"/home/a b/sift"'
    assert quote_exec_argument("/x/100%/sift") == "/x/100%%/sift"
    # a quote inside: backslash-escaped inside the quotes, then the backslash doubled as a string
    assert quote_exec_argument('/a"b') == '"/a\\\\"b"'


def test_bundle_runs_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/Sift/sift")
    assert desktop.find_sift_command() == ["/opt/Sift/sift"]


def test_unwritable_config_is_a_sentence_not_a_traceback(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocker))
    done = run_cli("--install-desktop")
    assert done.returncode == 1
    assert done.stderr.startswith("sift: could not change the desktop set-up")
    assert "Traceback" not in done.stderr
