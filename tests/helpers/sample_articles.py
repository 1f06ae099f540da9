"""A hand-built article and analysis for the reading-view and side-panel tests (fast, no model).

The sentences are invented for these tests. Spans are computed from the text with ``find``, so
the fixtures stay consistent with Article.text if a sentence is edited.
"""

from __future__ import annotations

import base64
from pathlib import Path

from reader.core.model import Analysis, Article, Block, Claim, Entity, Notice, Span

TITLE = "Harbour council approves a ferry route to Eastmere"
LEAD = ("PORTVALE, Norland: The harbour council on Tuesday approved a ferry route to Eastmere, "
        "Mayor Lina Okafor said.")
OBJECTION = ("“The route will cost far too much,” said Tomas Brandt of the Green Party, a claim "
             "Okafor called “simply wrong”.")
OFFICIALS = "Officials said the two boats had passed every safety inspection."
EMOJI = "Residents cheered online 🎉 and Okafor thanked them for 𝒻𝒶𝓈𝓉 replies."

# A 2x2 red PNG: a real image for the data: URL and resources_dir tests.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg=="
)
DATA_URL = "data:image/png;base64," + base64.b64encode(PNG).decode()

BLOCKS = (
    Block("story", LEAD),
    Block("clutter", "Share on social media", reason="share bar"),
    Block("story", "Opposition pushes back", kind="heading", level=2),
    Block("story", OBJECTION),
    Block("story", "We will keep the fares low.", kind="quote"),
    Block("story", "Two boats a day", kind="list-item"),
    Block("story", "Service starts in May", kind="list-item"),
    Block("story", "Year Passengers\n2025 12,000", kind="table",
          rows=(("Year", "Passengers"), ("2025", "12,000"))),
    Block("story", "The new ferry at the quay.", kind="image", image=DATA_URL),
    Block("story", OFFICIALS),
    Block("story", EMOJI),
    Block("clutter", "Related: ten beaches to visit", reason="link tail"),
    Block("clutter", "Related: the best ferry snacks", reason="link tail"),
)


def sample_article(blocks: tuple[Block, ...] = BLOCKS) -> Article:
    return Article(path=Path("/tmp/harbour.html"), format="html", title=TITLE, blocks=blocks,
                   byline="Ada Reporter", published="2025-03-04T09:00:00Z", site="Coast Daily",
                   language="en", url="https://news.example/harbour")


def span(text: str, needle: str, nth: int = 0) -> Span:
    """The ``nth`` occurrence of ``needle`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle), needle)


def sample_analysis(article: Article | None = None) -> Analysis:
    text = (article or sample_article()).text
    okafor = Entity("Lina Okafor", "person", ("Okafor", "Mayor Okafor"),
                    (span(text, "Lina Okafor"), span(text, "Okafor", 1), span(text, "Okafor", 2)))
    brandt = Entity("Tomas Brandt", "person", (), (span(text, "Tomas Brandt"),))
    entities = (
        okafor,
        brandt,
        Entity("Green Party", "organization", ("the Greens",), (span(text, "Green Party"),)),
        Entity("harbour council", "organization", (), (span(text, "Harbour council"),
                                                       span(text, "harbour council"))),
        Entity("Eastmere", "place", (), (span(text, "Eastmere"), span(text, "Eastmere", 1))),
        Entity("Portvale", "place", (), (span(text, "PORTVALE"),)),
        Entity("Tuesday", "date", (), (span(text, "Tuesday"),)),
        Entity("two", "number", (), (span(text, "two"),)),
    )
    claims = (
        Claim(cue=span(text, "said"),
              content=(span(text, "The harbour council on Tuesday approved a ferry route to "
                                  "Eastmere"),),
              kind="indirect", speaker=span(text, "Lina Okafor"), speaker_entity="Lina Okafor"),
        Claim(cue=span(text, "said", 1), content=(span(text, "The route will cost far too much"),),
              kind="direct", speaker=span(text, "Tomas Brandt"), speaker_entity="Tomas Brandt"),
        Claim(cue=span(text, "called"), content=(span(text, "simply wrong"),), kind="mixed",
              speaker=span(text, "Okafor", 1), speaker_entity="Lina Okafor", disputes=1),
        Claim(cue=span(text, "said", 2),
              content=(span(text, "the two boats had passed every safety inspection"),),
              kind="indirect", speaker=span(text, "Officials"), vague=True),
    )
    return Analysis(entities=entities, claims=claims,
                    warnings=(Notice("language", "Test warning: analysis tuned for English."),))


def shown_tab(qtbot: object, width: int = 1200, height: int = 500) -> object:
    """An ArticleTab showing the sample article and its analysis, on screen (offscreen)."""
    from reader.ui.reading.article_tab import ArticleTab

    tab = ArticleTab()
    qtbot.addWidget(tab)  # type: ignore[attr-defined]
    tab.resize(width, height)
    article = sample_article()
    tab.show_article(article)
    tab.show_analysis(sample_analysis(article))
    tab.show()
    qtbot.waitExposed(tab)  # type: ignore[attr-defined]
    return tab
