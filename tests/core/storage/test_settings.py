"""Settings and window state: round trips, atomic writes, damaged files set aside once."""

from __future__ import annotations

import json
from pathlib import Path

from reader.core.storage import json_files as state
from reader.core.storage import paths, settings
from reader.core.storage.settings import Settings, WindowState


def test_settings_round_trip() -> None:
    chosen = Settings(theme="dark", font="sans", size_pt=17, column_chars=60, show_removed=True)
    settings.save_settings(chosen)
    loaded, problem = settings.load_settings()
    assert (loaded, problem) == (chosen, None)


def test_missing_files_give_defaults_without_a_problem() -> None:
    assert settings.load_settings() == (Settings(), None)
    assert settings.load_window_state() == (WindowState(), None)


def test_corrupt_settings_set_aside_reported_once() -> None:
    target = settings.settings_path()
    target.write_text("{not json", encoding="utf-8")
    loaded, problem = settings.load_settings()
    assert loaded == Settings()
    assert problem and "damaged" in problem
    kept = [p for p in target.parent.iterdir() if p.name.startswith("settings.json.corrupt-")]
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "{not json"
    assert settings.load_settings() == (Settings(), None)  # the second start is quiet


def test_wrong_types_and_ranges_fall_back_to_defaults() -> None:
    settings.settings_path().write_text(json.dumps(
        {"theme": "neon", "size_pt": 400, "font": 3, "show_removed": "yes", "column_chars": True}))
    loaded, _ = settings.load_settings()
    assert loaded == Settings(size_pt=settings.MAX_SIZE_PT)


def test_window_state_recent_and_positions(tmp_path: Path) -> None:
    files = [tmp_path / f"{i}.txt" for i in range(14)]
    current = WindowState()
    for f in files:
        f.write_text("x")
        current = current.with_recent(str(f))
    current = current.with_recent(str(files[3]))
    files[13].unlink()
    recent = current.existing_recent()
    assert recent[0] == str(files[3]) and str(files[13]) not in recent
    assert len(recent) == settings.MAX_RECENT
    current = current.with_position(str(files[0]), 1.7)
    settings.save_window_state(current)
    loaded, problem = settings.load_window_state()
    assert problem is None and loaded.positions[str(files[0])] == 1.0
    assert loaded.recent == current.recent


def test_write_atomic_leaves_no_temporary_files() -> None:
    folder = paths.state_dir()
    target = folder / "x.json"
    state.write_json(target, {"a": 1})
    state.write_json(target, {"a": 2})
    assert json.loads(target.read_text()) == {"a": 2}
    assert [p.name for p in folder.iterdir()] == ["x.json"]


def test_user_folders_follow_xdg(isolated_user_dirs: Path) -> None:
    assert paths.config_dir().is_relative_to(isolated_user_dirs)
    assert paths.data_dir().is_relative_to(isolated_user_dirs)
