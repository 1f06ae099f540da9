"""Screenshots of the reading window for the docs: empty state, an article in Light and Dark,
and the removed-blocks view. Run under a display (``xvfb-run -a -s "-screen 0 1400x900x24"``):

    .venv/bin/python packaging/scripts/take_screenshots.py ARTICLE [--out docs/screenshots]

User folders point at a temporary directory, so your own settings are neither used nor changed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow

WINDOW_SIZE = (1400, 860)
# Seconds to wait for the story and the panel (the first analysis loads the language model).
WAIT_S = 120


def isolate_user_folders() -> None:
    home = Path(tempfile.mkdtemp(prefix="sift-shots-"))
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.environ[var] = str(home / var.lower())


def wait_for(signal: object, app: object) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(lambda *_: loop.quit())  # type: ignore[attr-defined]
    QTimer.singleShot(WAIT_S * 1000, loop.quit)
    loop.exec()


def settle(ms: int = 300) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def open_analysed(article: Path) -> MainWindow:
    """A main window of the screenshot size, in temporary user folders, showing ``article``
    once its analysis is in the side panel."""
    isolate_user_folders()
    from reader.ui.app import make_application
    from reader.ui.window.main_window import MainWindow

    app = make_application()
    window = MainWindow()
    window.resize(*WINDOW_SIZE)
    window.show()
    window.analysis.start()
    settle()
    window.open_paths([article])
    wait_for(window.analysis_shown, app)
    return window


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", type=Path)
    parser.add_argument("--out", type=Path, default=Path("packaging/screenshots"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    window = open_analysed(args.article)
    for theme in ("light", "sepia", "dark"):
        window.set_theme(theme)
        settle()
        window.grab().save(str(args.out / f"article-{theme}.png"))
    window.set_theme("light")
    window.set_show_removed(True)
    item = window.current_article()
    if item is not None:  # bring the last removed run's label (the seed's tail) into view
        view = item.tab.reading_view
        labels = view.find_all("Removed")
        if labels:
            view.scroll_to_position(labels[-1][0])
    settle()
    window.grab().save(str(args.out / "removed-view.png"))
    window.close_tab(0)  # the welcome page, now with the article among the recent files
    settle()
    window.grab().save(str(args.out / "empty-state.png"))
    window.close()
    print(f"screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
