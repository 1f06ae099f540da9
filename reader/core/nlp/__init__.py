"""Text → Analysis: entities and claims on one spaCy parse, Qt-free.

pipeline.py loads the model lazily and parses a normalized copy of the text whose offsets
equal the original's; entities.py and claims.py read that parse. Spans carry the original text.
"""

from __future__ import annotations

from reader.core.extract.language import language_notice
from reader.core.model import Analysis, Article, Notice

# Longest text analyzed whole: ~30 000 words, several times the longest news feature; parsing
# it takes ~10 s on the 2-core reference machine (memory stays flat). Beyond, the beginning.
MAX_ANALYSIS_CHARS = 200_000
def analyze(text: str) -> Analysis:
    """Entities and claims of ``text``; every offset indexes into it."""
    from reader.core.nlp.claims import find_claims
    from reader.core.nlp.entities import find_entities
    from reader.core.nlp.spacy_model import parse

    if not text.strip():
        return Analysis()
    if len(text) > MAX_ANALYSIS_CHARS:
        return analyze_beginning(text)
    doc = parse(text)
    entities = find_entities(doc, text)
    claims = find_claims(doc, text, entities)
    return Analysis(entities=tuple(entities), claims=tuple(claims))


def analyze_beginning(text: str) -> Analysis:
    """Entities and claims of the first MAX_ANALYSIS_CHARS of a very long text, cut at a line
    break, with a warning; offsets still index into the whole text."""
    cut = text.rfind("\n", 0, MAX_ANALYSIS_CHARS)
    head = analyze(text[:cut if cut > 0 else MAX_ANALYSIS_CHARS])
    words = len(text[:cut].split())
    notice = Notice(kind="long-text", message=f"This text is very long; only its first {words:,} words "
                    "were searched for people, places and claims.")
    return Analysis(entities=head.entities, claims=head.claims, warnings=(*head.warnings, notice))


def analyze_article(article: Article) -> Analysis:
    """Entities and claims of an article's reading text, if it is in English.

    The English model on another language finds nonsense, so it is not run; the warning
    tells the reader why the side panel is empty.
    """
    notice = language_notice(article.language)
    if notice is None:
        return analyze(article.text)
    return Analysis(warnings=(notice,))
