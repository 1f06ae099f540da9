"""Screenshots of the side panel for the docs: an entity's mentions highlighted and the claims tab
with a dispute selected, in Light and Dark. Run under a display
(``xvfb-run -a -s "-screen 0 1400x900x24"``):

    .venv/bin/python packaging/scripts/take_panel_screenshots.py ARTICLE [--entity NAME] [--out DIR]

Without --entity, the most mentioned place or person is shown. User folders point at a temporary
directory (see take_screenshots.py), so your own settings are neither used nor changed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from take_screenshots import WINDOW_SIZE, open_analysed, settle

# The reading view keeps about two thirds of the width, the panel the rest.
PANEL_WIDTH = 440


def pick_entity(analysis: object, wanted: str | None) -> int:
    """The entity to highlight: the one named, else the most mentioned person or place."""
    entities = analysis.entities  # type: ignore[attr-defined]
    names = [e.name for e in entities]
    if wanted in names:
        return names.index(wanted)
    candidates = [i for i, e in enumerate(entities) if e.type in ("person", "place")]
    return max(candidates or range(len(entities)), key=lambda i: len(entities[i].mentions))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", type=Path)
    parser.add_argument("--entity", default=None)
    parser.add_argument("--out", type=Path, default=Path("packaging/screenshots"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    window = open_analysed(args.article)
    item = window.current_article()
    if item is None or item.tab.analysis is None or not item.tab.analysis.entities:
        print("the article has no analysis to show", file=sys.stderr)
        return 1
    tab, analysis = item.tab, item.tab.analysis
    tab.splitter.setSizes([WINDOW_SIZE[0] - PANEL_WIDTH, PANEL_WIDTH])
    entity = pick_entity(analysis, args.entity)
    disputing = next((i for i, c in enumerate(analysis.claims) if c.disputes is not None), None)
    for theme in ("light", "dark"):
        window.set_theme(theme)
        tab.set_reading_position(0.0)
        tab.side_panel.select_entity(entity)
        tab.side_panel.entities_tab.step(1)  # show a current mention besides the others
        settle()
        window.grab().save(str(args.out / f"panel-entity-{theme}.png"))
        tab.side_panel.select_claim(disputing if disputing is not None else 0)
        settle()
        window.grab().save(str(args.out / f"panel-claims-{theme}.png"))
    window.set_theme("light")
    window.close()
    print(f"screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
