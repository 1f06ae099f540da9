"""Screenshots of the reading-comfort work (issue 20): the side panel in Light, Sepia and Dark, the
claim cards, the ``?`` shortcuts overlay, and read-aloud with the sentence being read highlighted.
Run under a display with a window manager, so the window has its frame
(``Xvfb :7 -screen 0 1440x900x24 & DISPLAY=:7 openbox &``)::

    DISPLAY=:7 .venv/bin/python packaging/scripts/take_comfort_screenshots.py ARTICLE [--out DIR]

Read-aloud uses espeak-ng when it is installed, writing the speech to a temporary WAV file (a
display server has no sound card); without it the shot is skipped. User folders point at a
temporary directory (see take_screenshots.py).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from take_panel_screenshots import PANEL_WIDTH, pick_entity
from take_screenshots import WINDOW_SIZE, open_analysed, settle

# Sentences read aloud before the read-aloud shot is taken (the title, the lead, then one more).
SENTENCES_BEFORE_SHOT = 3
# The light theme's shots keep the names the README uses; the others are named for their theme.
THEME_SUFFIX = {"light": "", "sepia": "-sepia", "dark": "-dark"}


def use_espeak_to_a_file(espeak: str) -> None:
    """Read aloud speaks through espeak-ng into a temporary WAV file (a display server has no
    sound card): the window's ReadAloud finds this engine instead of the system's."""
    from PySide6.QtCore import QObject

    from reader.ui.reading import read_aloud
    from reader.ui.reading.speech_engines import EspeakEngine

    wav = Path(tempfile.mkdtemp(prefix="sift-speech-")) / "speech.wav"

    class FileEspeak(EspeakEngine):
        def arguments(self, speed: float, voice: str | None) -> list[str]:
            return ["-w", str(wav), *super().arguments(speed, voice)]

    def find_file_espeak(parent: QObject | None = None) -> FileEspeak:
        return FileEspeak(espeak, parent)

    read_aloud.find_engine = find_file_espeak  # type: ignore[assignment]


def capture(window: object, path: Path) -> None:
    """The whole screen when ImageMagick's ``import`` can take it (window frame included)."""
    if shutil.which("import"):
        subprocess.run(["import", "-window", "root", str(path)], check=True)
    else:
        window.grab().save(str(path))  # type: ignore[attr-defined]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", type=Path)
    parser.add_argument("--out", type=Path, default=Path("packaging/screenshots"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    espeak = shutil.which("espeak-ng")
    if espeak:
        use_espeak_to_a_file(espeak)
    window = open_analysed(args.article)
    item = window.current_article()
    if item is None or item.tab.analysis is None:
        print("the article has no analysis to show", file=sys.stderr)
        return 1
    tab, analysis = item.tab, item.tab.analysis
    window.move(10, 10)
    tab.splitter.setSizes([WINDOW_SIZE[0] - PANEL_WIDTH, PANEL_WIDTH])
    entity = pick_entity(analysis, None)
    disputing = next((i for i, c in enumerate(analysis.claims) if c.disputes is not None), 0)
    for theme in ("light", "sepia", "dark"):
        window.set_theme(theme)
        tab.set_reading_position(0.0)
        tab.side_panel.select_entity(entity)
        tab.side_panel.entities_tab.step(1)
        settle()
        capture(window, args.out / f"panel-{theme}.png")
        tab.side_panel.select_claim(disputing)
        settle()
        capture(window, args.out / f"panel-claims-{theme}.png")
    window.set_theme("light")
    tab.side_panel.select_entity(entity)
    # The window's own ? overlay and read-aloud bar, driven through its actions.
    for theme in ("light", "sepia", "dark"):
        window.set_theme(theme)
        window.keys.toggle_shortcuts()
        settle()
        capture(window, args.out / f"shortcuts-overlay{THEME_SUFFIX[theme]}.png")
        window.keys.toggle_shortcuts()
    if espeak:
        reader = window.read_aloud_control.read_aloud
        # Writing a WAV file is faster than speech: pause at a sentence so the shot can show it.
        reader.sentence_changed.connect(
            lambda index, _count: reader.pause() if index == SENTENCES_BEFORE_SHOT else None)
        for theme in ("light", "sepia", "dark"):
            window.set_theme(theme)
            tab.set_reading_position(0.0)
            settle()
            window.menus.read_aloud_action.trigger()
            settle(2000)
            capture(window, args.out / f"read-aloud{THEME_SUFFIX[theme]}.png")
            reader.stop()
    else:
        print("espeak-ng is not installed: no read-aloud screenshot", file=sys.stderr)
    window.close()
    print(f"screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
