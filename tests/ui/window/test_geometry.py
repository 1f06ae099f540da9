"""Window geometry: restore only what fits the connected screens, else a fresh proportional window."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from reader.ui.window.geometry import (
    MIN_USABLE,
    apply_window_geometry,
    choose_geometry,
    fits_screens,
    fresh_geometry,
)

# Set-up 1: a laptop (1280 × 720 available) docked to a 4K monitor placed to its right.
LAPTOP = QRect(0, 0, 1280, 720)
MONITOR_4K = QRect(1280, 0, 3840, 2100)
DOCKED = [MONITOR_4K, LAPTOP]
# Set-up 2: the same laptop undocked.
UNDOCKED = [LAPTOP]


def test_a_window_saved_on_the_monitor_is_restored_while_docked() -> None:
    saved = QRect(1600, 200, 2000, 1300)
    choice = choose_geometry(saved, DOCKED)
    assert choice.restored and choice.rect == saved


def test_the_same_window_opens_fresh_on_the_laptop_once_undocked() -> None:
    choice = choose_geometry(QRect(1600, 200, 2000, 1300), UNDOCKED)
    assert not choice.restored
    assert LAPTOP.contains(choice.rect)
    assert choice.rect.center() == LAPTOP.center()


def test_a_tiny_saved_window_is_not_restored() -> None:
    """The reported 205 × 238 window: on screen, but unusable."""
    choice = choose_geometry(QRect(100, 100, 205, 238), DOCKED)
    assert not choice.restored
    assert choice.rect.width() >= MIN_USABLE.width()
    assert choice.rect.height() >= MIN_USABLE.height()


def test_a_window_mostly_off_screen_is_not_restored() -> None:
    # 1000 × 600 with only 300 px of its width on the laptop: 30 % visible.
    assert not fits_screens(QRect(980, 50, 1000, 600), UNDOCKED)
    # Spanning both screens of the docked set-up, it is fully visible and kept.
    assert fits_screens(QRect(980, 50, 1000, 600), DOCKED)


def test_a_window_whose_title_bar_is_above_every_screen_is_not_restored() -> None:
    # 60 % visible, but the top edge (where the window is dragged) is off screen.
    assert not fits_screens(QRect(100, -300, 1000, 750), UNDOCKED)


def test_fresh_windows_are_proportional_to_the_screen() -> None:
    laptop = fresh_geometry(LAPTOP)
    monitor = fresh_geometry(MONITOR_4K)
    assert laptop.width() == round(1280 * 0.7)
    assert laptop.height() <= 720 and LAPTOP.contains(laptop)
    assert monitor.width() > 2 * laptop.width() // 1.2
    assert MONITOR_4K.contains(monitor)
    for rect in (laptop, monitor):
        assert 1.2 <= rect.width() / rect.height() <= 1.8  # a sensible shape


def test_a_screen_smaller_than_the_minimum_gets_the_whole_screen() -> None:
    small = QRect(0, 0, 600, 400)
    assert fresh_geometry(small) == small


def test_no_saved_geometry_opens_fresh_on_the_primary_screen() -> None:
    choice = choose_geometry(None, [LAPTOP, MONITOR_4K])
    assert not choice.restored and LAPTOP.contains(choice.rect)


def test_apply_window_geometry_replaces_an_unusable_saved_geometry(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.setGeometry(QRect(10, 10, 205, 238))
    saved = bytes(window.saveGeometry().toBase64().data()).decode("ascii")
    choice = apply_window_geometry(window, saved)
    assert not choice.restored
    assert window.width() >= MIN_USABLE.width() and window.height() >= MIN_USABLE.height()


def test_apply_window_geometry_survives_garbage(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    assert not apply_window_geometry(window, "not a geometry").restored
    assert not apply_window_geometry(window, None).restored
