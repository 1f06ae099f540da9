"""The reader's preferences and the window's remembered state, as plain dataclasses.

``Settings`` (config folder) are what Preferences edits; ``WindowState`` (state folder) is what
Sift remembers by itself: geometry, splitter, recent files, reading positions. Both load through
:mod:`reader.core.storage.json_files`, so a damaged file means defaults plus one message, never a crash.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any, TypeVar

from reader.core.storage import json_files as state
from reader.core.storage import paths

THEMES = ("system", "light", "sepia", "dark")
FONTS = ("serif", "sans")
# Body size range in points: below 8 pt is unreadable on a laptop, above 40 pt shows a few words.
MIN_SIZE_PT, DEFAULT_SIZE_PT, MAX_SIZE_PT = 8, 13, 40
# Column width in characters: typographic guidance is 45-90, with 65-75 the comfortable middle.
MIN_COLUMN_CHARS, DEFAULT_COLUMN_CHARS, MAX_COLUMN_CHARS = 45, 70, 120
# Open Recent lists the last ten files that still exist.
MAX_RECENT = 10
# Reading positions kept: older ones are dropped so the state file stays small.
MAX_POSITIONS = 300

SETTINGS_FILE = "settings.json"
WINDOW_STATE_FILE = "window.json"


@dataclass(frozen=True)
class Settings:
    theme: str = "system"
    font: str = "serif"
    size_pt: int = DEFAULT_SIZE_PT
    column_chars: int = DEFAULT_COLUMN_CHARS
    show_removed: bool = False
    side_panel: bool = True

    def normalized(self) -> Settings:
        """The same settings with every value inside its allowed range."""
        return replace(
            self,
            theme=self.theme if self.theme in THEMES else "system",
            font=self.font if self.font in FONTS else "serif",
            size_pt=min(MAX_SIZE_PT, max(MIN_SIZE_PT, self.size_pt)),
            column_chars=min(MAX_COLUMN_CHARS, max(MIN_COLUMN_CHARS, self.column_chars)),
        )


@dataclass(frozen=True)
class WindowState:
    geometry: str = ""  # QMainWindow.saveGeometry(), base64
    splitter: str = ""  # the article tabs' splitter state, base64
    recent: tuple[str, ...] = ()  # most recent first
    positions: dict[str, float] = field(default_factory=dict)  # path → reading position 0..1

    def with_recent(self, path: str) -> WindowState:
        recent = (path, *(p for p in self.recent if p != path))
        return replace(self, recent=recent[: MAX_RECENT * 3])  # extra room: some may vanish

    def existing_recent(self) -> list[str]:
        """The last files opened that still exist, newest first, at most MAX_RECENT."""
        return [p for p in self.recent if Path(p).is_file()][:MAX_RECENT]

    def with_position(self, path: str, fraction: float) -> WindowState:
        positions = {k: v for k, v in self.positions.items() if k != path}
        positions[path] = min(1.0, max(0.0, float(fraction)))
        while len(positions) > MAX_POSITIONS:
            positions.pop(next(iter(positions)))
        return replace(self, positions=positions)


T = TypeVar("T", Settings, WindowState)


def from_dict(cls: type[T], data: dict[str, Any] | None) -> T:
    """Build ``cls`` from stored values, keeping defaults for anything missing or of a wrong type."""
    default = cls()
    values: dict[str, Any] = {}
    for f in fields(cls):
        value = (data or {}).get(f.name)
        expected = type(getattr(default, f.name))
        if expected is tuple and isinstance(value, list) and all(isinstance(v, str) for v in value):
            values[f.name] = tuple(value)
        elif expected is dict and isinstance(value, dict):
            values[f.name] = {str(k): float(v) for k, v in value.items()
                              if isinstance(v, (int, float)) and not isinstance(v, bool)}
        elif isinstance(value, expected) and not (expected is int and isinstance(value, bool)):
            values[f.name] = value
    return cls(**values)


def to_dict(value: Settings | WindowState) -> dict[str, Any]:
    data = asdict(value)
    return {k: list(v) if isinstance(v, tuple) else v for k, v in data.items()}


def settings_path() -> Path:
    return paths.config_dir() / SETTINGS_FILE


def window_state_path() -> Path:
    return paths.state_dir() / WINDOW_STATE_FILE


def load_settings() -> tuple[Settings, str | None]:
    """The saved settings (or defaults) and a problem to report once, if the file was damaged."""
    result = state.read_json(settings_path())
    return from_dict(Settings, result.data).normalized(), result.problem


# How a state file is written: at once (the default), or by the window's StateWriter.
WriteJson = Callable[[Path, dict[str, Any]], None]


def save_settings(settings: Settings, write: WriteJson = state.write_json) -> None:
    write(settings_path(), to_dict(settings))


def load_window_state() -> tuple[WindowState, str | None]:
    result = state.read_json(window_state_path())
    return from_dict(WindowState, result.data), result.problem


def save_window_state(window_state: WindowState, write: WriteJson = state.write_json) -> None:
    write(window_state_path(), to_dict(window_state))
