"""Install Sift into the current user's desktop (menu entry, icons, "Open with Sift"), without root.

Everything goes under the XDG user folders: the desktop entry in ``$XDG_DATA_HOME/applications``,
icons in ``$XDG_DATA_HOME/icons/hicolor``, file associations in ``$XDG_CONFIG_HOME/mimeapps.list``.
Sift is added to the *Added Associations* of its file types, so it is offered in "Open with",
and becomes the default only when asked (``make_default``): a user's existing defaults are theirs.
The same entry text, with ``Exec=sift``, is committed as ``packaging/linux/<app id>.desktop``.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from reader import APP_ID, APP_NAME
from reader.core.storage.json_files import SHARED_FILE_MODE, write_atomic
from reader.core.storage.resources import resource_path

log = logging.getLogger(__name__)

DESKTOP_ID = f"{APP_ID}.desktop"
# The types a file manager reports for what the loader reads: .html/.htm, .xhtml, .mhtml/.mht,
# .txt and .md (.webarchive has no registered type on Linux).
MIME_TYPES = ("text/html", "application/xhtml+xml", "application/x-mimearchive",
              "text/plain", "text/markdown")
# Saved forms Sift also reads (web archives, e-mails, pages saved as PDF): offered in "Open with",
# never made the default (--make-default leaves them to the user's archive, mail and PDF apps).
OPEN_WITH_TYPES = ("application/warc", "application/wacz", "message/rfc822", "application/mbox",
                   "application/pdf")
# Must equal the window's WM_CLASS class, which Qt takes from QApplication.applicationName().
WM_CLASS = APP_NAME
ADDED_SECTION = "Added Associations"
DEFAULT_SECTION = "Default Applications"
# A cache tool that hangs must not hang the install: they finish in well under a second.
CACHE_TOOL_TIMEOUT_S = 20

ENTRY_TEMPLATE = """\
[Desktop Entry]
Type=Application
Version=1.4
Name={name}
GenericName=News Reader
Comment=Read saved news articles without the clutter
Keywords=news;article;reader;story;clutter;entities;claims;
Exec={exec_} %F
Icon={app_id}
Terminal=false
StartupNotify=true
StartupWMClass={wm_class}
Categories=Office;Viewer;News;
MimeType={mime_types};
"""


@dataclass(frozen=True)
class DesktopPaths:
    """The user folders an install writes to, resolved from the XDG environment."""

    applications: Path
    hicolor: Path
    mimeapps: Path

    @classmethod
    def from_environment(cls) -> DesktopPaths:
        home = Path.home()
        data = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
        config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
        return cls(data / "applications", data / "icons" / "hicolor", config / "mimeapps.list")


def render_desktop_entry(command: str) -> str:
    """The desktop entry's text, launching ``command`` (already quoted for the Exec key)."""
    return ENTRY_TEMPLATE.format(name=APP_NAME, exec_=command, app_id=APP_ID,
                                 wm_class=WM_CLASS, mime_types=";".join(MIME_TYPES + OPEN_WITH_TYPES))


def quote_exec_argument(argument: str) -> str:
    """Quote one Exec argument per the Desktop Entry spec (then escaped again as a string value)."""
    reserved = set(" \t\n\"'\\><~|&;$*?#()`")
    if argument and not reserved.intersection(argument):
        return argument.replace("%", "%%")
    inner = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return ('"' + inner + '"').replace("\\", "\\\\").replace("%", "%%")


def find_sift_command() -> list[str]:
    """The absolute command that starts this Sift: a bundle, the running script, or the venv's."""
    if getattr(sys, "frozen", False):
        return [os.path.abspath(sys.executable)]
    names = {"sift", "sift.exe"}
    argv0 = sys.argv[0] if sys.argv else ""
    if Path(argv0).name in names and os.path.isfile(argv0):
        return [os.path.abspath(argv0)]
    beside_python = Path(os.path.abspath(sys.executable)).parent / "sift"
    if beside_python.is_file():
        return [str(beside_python)]
    on_path = shutil.which("sift")
    if on_path:
        return [os.path.abspath(on_path)]
    return [os.path.abspath(sys.executable), "-m", "reader"]


def icon_sources() -> list[tuple[Path, str]]:
    """(file, theme sub-folder) for every shipped rendering of the icon, the SVG as scalable."""
    icons = resource_path("icons")
    pairs = [(png, png.parent.parent.name) for png in sorted(icons.glob(f"hicolor/*/apps/{APP_ID}.png"))]
    return [*pairs, (icons / f"{APP_ID}.svg", "scalable")]


def install_desktop(make_default: bool = False, paths: DesktopPaths | None = None) -> list[str]:
    """Install the entry, icons and associations; return the changes made, in words."""
    paths = paths or DesktopPaths.from_environment()
    command = " ".join(quote_exec_argument(part) for part in find_sift_command())
    entry = paths.applications / DESKTOP_ID
    write_atomic(entry, render_desktop_entry(command).encode("utf-8"), SHARED_FILE_MODE)
    done = [f"menu entry {entry} (runs {command})"]
    for source, size in icon_sources():
        target = paths.hicolor / size / "apps" / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    done.append(f"icons in {paths.hicolor}")
    text = paths.mimeapps.read_text(encoding="utf-8") if paths.mimeapps.exists() else ""
    text = add_associations(text, ADDED_SECTION, first=False)
    if make_default:
        text = add_associations(text, DEFAULT_SECTION, first=True)
    write_atomic(paths.mimeapps, text.encode("utf-8"), SHARED_FILE_MODE)
    role = "the default application" if make_default else "offered in 'Open with'"
    done.append(f"{role} for {', '.join(MIME_TYPES)} (in {paths.mimeapps})")
    refresh_caches(paths)
    return done


def uninstall_desktop(paths: DesktopPaths | None = None) -> list[str]:
    """Remove what install_desktop wrote, leaving every other association as it was."""
    paths = paths or DesktopPaths.from_environment()
    done = []
    entry = paths.applications / DESKTOP_ID
    if entry.exists():
        entry.unlink()
        done.append(f"removed {entry}")
    for source, size in icon_sources():
        (paths.hicolor / size / "apps" / source.name).unlink(missing_ok=True)
    if paths.mimeapps.exists():
        text = paths.mimeapps.read_text(encoding="utf-8")
        cleaned = remove_associations(text)
        if cleaned != text:
            write_atomic(paths.mimeapps, cleaned.encode("utf-8"), SHARED_FILE_MODE)
            done.append(f"removed Sift's associations from {paths.mimeapps}")
    refresh_caches(paths)
    return done


def split_sections(text: str) -> list[tuple[str | None, list[str]]]:
    """mimeapps.list as (section name, its lines) in file order; lines before any header go first."""
    sections: list[tuple[str | None, list[str]]] = [(None, [])]
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            sections.append((stripped[1:-1], []))
        else:
            sections[-1][1].append(line)
    return sections


def join_sections(sections: list[tuple[str | None, list[str]]]) -> str:
    lines: list[str] = []
    for name, body in sections:
        if name is not None:
            lines.append(f"[{name}]")
        lines.extend(body)
    return "\n".join(lines) + "\n" if lines else ""


def edit_value(line: str, mime: str, first: bool) -> str | None:
    """``line`` with Sift added to its list when it is ``mime``'s line, else None."""
    key, sep, value = line.partition("=")
    if not sep or key.strip() != mime:
        return None
    apps = [app for app in value.strip().split(";") if app]
    if first:
        apps = [DESKTOP_ID, *(app for app in apps if app != DESKTOP_ID)]
    elif DESKTOP_ID not in apps:
        apps.append(DESKTOP_ID)
    return f"{mime}={';'.join(apps)};"


def add_associations(text: str, section: str, first: bool) -> str:
    """Add Sift for every MIME type in ``section`` (first in the list when ``first``)."""
    sections = split_sections(text)
    body = next((lines for name, lines in sections if name == section), None)
    if body is None:
        if sections[-1][1] and sections[-1][1][-1].strip():
            sections[-1][1].append("")
        body = []
        sections.append((section, body))
    for mime in MIME_TYPES + (OPEN_WITH_TYPES if section == ADDED_SECTION else ()):
        for index, line in enumerate(body):
            edited = edit_value(line, mime, first)
            if edited is not None:
                body[index] = edited
                break
        else:
            insert_at = len(body)
            while insert_at and not body[insert_at - 1].strip():
                insert_at -= 1
            body.insert(insert_at, f"{mime}={DESKTOP_ID};")
    return join_sections(sections)


def remove_associations(text: str) -> str:
    """Drop Sift from the added and default lists; a line left empty is dropped too."""
    sections = split_sections(text)
    for name, body in sections:
        if name not in (ADDED_SECTION, DEFAULT_SECTION):
            continue
        kept = []
        for line in body:
            key, sep, value = line.partition("=")
            apps = value.strip().split(";")
            if sep and DESKTOP_ID in apps:
                rest = [app for app in apps if app and app != DESKTOP_ID]
                if not rest:
                    continue
                line = f"{key.strip()}={';'.join(rest)};"
            kept.append(line)
        body[:] = kept
    return join_sections(sections)


def refresh_caches(paths: DesktopPaths) -> None:
    """Ask the desktop's cache tools to notice the change, when they are installed.

    No MIME database refresh: every type Sift opens is already in shared-mime-info.
    """
    commands = [["update-desktop-database", "-q", str(paths.applications)],
                ["gtk-update-icon-cache", "-q", "-t", "-f", str(paths.hicolor)]]
    for command in commands:
        if shutil.which(command[0]) and Path(command[-1]).is_dir():
            try:
                subprocess.run(command, check=False, timeout=CACHE_TOOL_TIMEOUT_S,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            except (OSError, subprocess.TimeoutExpired) as exc:
                # a stale cache only delays the menu entry; the install itself stands
                log.warning("%s did not run: %s", command[0], exc)
