"""Reading themes (Light, Sepia, Dark): colours for the page, the side panel, marks and highlights.

Every colour pair that carries text is checked against WCAG contrast (tests/ui/reading/test_theme.py),
so a highlighted mention, a muted row or an entity's type mark stays readable in each theme.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QPalette

from reader.core.model import HIGHLIGHT_COLORS

THEME_NAMES = ("light", "sepia", "dark")
DEFAULT_THEME = "light"

# WCAG 2.1 AA for body text; every text/background pair of a theme must reach it.
MIN_TEXT_CONTRAST = 4.5
# WCAG 2.1 AA (1.4.11) for graphics that carry meaning: the prominence bar, focus frames.
MIN_GRAPHIC_CONTRAST = 3.0
# Entity types with a colour of their own in the side panel; others take ``other``.
MARKED_TYPES = ("person", "organization", "place", "group", "date")
# Highlight colours offered to the reader (issue 15), in menu order: the model's list.
HIGHLIGHT_COLOURS = HIGHLIGHT_COLORS

SERIF_FAMILIES = ["Source Serif 4", "Georgia", "Charter", "DejaVu Serif", "Nimbus Roman", "serif"]
SANS_FAMILIES = ["Inter", "Noto Sans", "Segoe UI", "DejaVu Sans", "Nimbus Sans", "sans-serif"]


@dataclass(frozen=True)
class Theme:
    """The colours of one reading theme, as ``#rrggbb`` strings."""

    name: str
    page: str  # reading-view background
    text: str  # body text
    muted: str  # meta line, removed blocks, labels
    link: str
    removed_page: str  # background tint behind removed blocks
    selection: str  # text selection background (text keeps its colour)
    mention: str  # background of every mention of the selected entity
    current: str  # background of the mention the user stepped to
    claim: str  # background of the selected claim's content
    find: str  # background of find matches
    panel: str  # side-panel background, a shade off the page so the two read as separate
    bar: str  # the prominence bar in the side panel (a graphic: 3:1 against the panel)
    speaking: str  # background of the sentence being read aloud
    types: tuple[tuple[str, str], ...]  # (entity type, colour of its mark and glyph)
    highlights: tuple[tuple[str, str], ...]  # (highlight colour name, background)

    def type_colour(self, entity_type: str) -> str:
        """The colour of an entity type's mark; unlisted types share the ``other`` colour."""
        colours = dict(self.types)
        return colours.get(entity_type, colours["other"])

    def highlight(self, name: str) -> str:
        """The background of a highlight colour; unknown names fall back to the first."""
        colours = dict(self.highlights)
        return colours.get(name, self.highlights[0][1])


THEMES: dict[str, Theme] = {
    "light": Theme(
        name="light", page="#ffffff", text="#1f1f1f", muted="#5f5f5f", link="#0b57a4",
        removed_page="#f1f1f1", selection="#b3d4fc", mention="#fff0a0", current="#ffc857",
        claim="#cfe8d6", find="#f6c6e6", panel="#f6f6f4", bar="#7a8794", speaking="#d6e8ff",
        types=(("person", "#0b5cad"), ("organization", "#8a3b00"), ("place", "#1d6b2f"),
               ("group", "#6b3fa0"), ("date", "#8a4b63"), ("other", "#4f5b66")),
        highlights=(("yellow", "#fff0a0"), ("green", "#cfeccf"), ("blue", "#cde3fb"),
                    ("pink", "#fbd3e6")),
    ),
    "sepia": Theme(
        name="sepia", page="#f4ecd8", text="#3b2f22", muted="#6b5a45", link="#7a3e00",
        removed_page="#e9dfc6", selection="#d9c7a0", mention="#f3dc8a", current="#e8b04c",
        claim="#d5dfbd", find="#efc3c9", panel="#ede2c8", bar="#8a7860", speaking="#dcd3b8",
        types=(("person", "#1f4f8a"), ("organization", "#7a3e00"), ("place", "#2f5e1e"),
               ("group", "#5e3a85"), ("date", "#7f3f55"), ("other", "#4f4a40")),
        highlights=(("yellow", "#f3dc8a"), ("green", "#d5dfbd"), ("blue", "#cfd9e6"),
                    ("pink", "#edcbc9")),
    ),
    "dark": Theme(
        name="dark", page="#1e1f22", text="#e3e3e3", muted="#a8a8a8", link="#8ab4f8",
        removed_page="#2a2b2f", selection="#3d5a80", mention="#5a4a12", current="#8a5a00",
        claim="#1f4a33", find="#6a2c55", panel="#25262a", bar="#8f9aa6", speaking="#2f4a6e",
        types=(("person", "#8ab4f8"), ("organization", "#f0a868"), ("place", "#81c995"),
               ("group", "#c5a3f5"), ("date", "#f28bb0"), ("other", "#b0b8c0")),
        highlights=(("yellow", "#5a4a12"), ("green", "#1f4a33"), ("blue", "#1f3f66"),
                    ("pink", "#5e2a48")),
    ),
}


def theme_named(name: str) -> Theme:
    """The theme called ``name``; unknown names fall back to Light rather than failing."""
    return THEMES.get(name, THEMES[DEFAULT_THEME])


def text_background_pairs(theme: Theme) -> list[tuple[str, str, str]]:
    """(what, foreground, background) for every place text is drawn over a theme colour."""
    return [
        ("body", theme.text, theme.page),
        ("meta", theme.muted, theme.page),
        ("link", theme.link, theme.page),
        ("removed", theme.muted, theme.removed_page),
        ("selection", theme.text, theme.selection),
        ("mention", theme.text, theme.mention),
        ("current mention", theme.text, theme.current),
        ("claim", theme.text, theme.claim),
        ("find", theme.text, theme.find),
        ("read aloud", theme.text, theme.speaking),
        ("panel text", theme.text, theme.panel),
        ("panel muted", theme.muted, theme.panel),
        ("panel link", theme.link, theme.panel),
        ("panel selection", theme.text, theme.selection),
        *((f"{kind} mark", colour, theme.panel) for kind, colour in theme.types),
        *((f"{name} highlight", theme.text, colour) for name, colour in theme.highlights),
    ]


def graphic_background_pairs(theme: Theme) -> list[tuple[str, str, str]]:
    """(what, colour, background) for marks that carry meaning without being text."""
    return [("prominence bar", theme.bar, theme.panel),
            ("focus frame", theme.link, theme.panel)]


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of an ``#rrggbb`` colour."""
    channels = []
    for i in (1, 3, 5):
        c = int(colour[i:i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio between two ``#rrggbb`` colours (1 to 21)."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


def reading_palette(theme: Theme, base: QPalette) -> QPalette:
    """``base`` with the page, text, selection and link colours of ``theme``."""
    palette = QPalette(base)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Base, QColor(theme.page))
        palette.setColor(group, QPalette.ColorRole.Window, QColor(theme.page))
        palette.setColor(group, QPalette.ColorRole.Text, QColor(theme.text))
        palette.setColor(group, QPalette.ColorRole.WindowText, QColor(theme.text))
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor(theme.selection))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor(theme.text))
        palette.setColor(group, QPalette.ColorRole.Link, QColor(theme.link))
    return palette


def panel_palette(theme: Theme, base: QPalette) -> QPalette:
    """``base`` in the panel's colours, so the side panel looks the same in every theme."""
    palette = QPalette(base)
    roles = {QPalette.ColorRole.Window: theme.panel, QPalette.ColorRole.Base: theme.panel,
             QPalette.ColorRole.AlternateBase: theme.page, QPalette.ColorRole.Button: theme.panel,
             QPalette.ColorRole.WindowText: theme.text, QPalette.ColorRole.Text: theme.text,
             QPalette.ColorRole.ButtonText: theme.text, QPalette.ColorRole.Highlight: theme.selection,
             QPalette.ColorRole.HighlightedText: theme.text, QPalette.ColorRole.Link: theme.link,
             QPalette.ColorRole.PlaceholderText: theme.muted, QPalette.ColorRole.ToolTipBase: theme.page,
             QPalette.ColorRole.ToolTipText: theme.text, QPalette.ColorRole.Mid: theme.bar}
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role, colour in roles.items():
            palette.setColor(group, role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(theme.muted))
    return palette


def reading_font(kind: str, size_pt: float) -> QFont:
    """The body font: serif by default, sans on request, at ``size_pt`` points."""
    font = QFont()
    font.setFamilies(SANS_FAMILIES if kind == "sans" else SERIF_FAMILIES)
    font.setStyleHint(QFont.StyleHint.SansSerif if kind == "sans" else QFont.StyleHint.Serif)
    font.setPointSizeF(size_pt)
    return font
