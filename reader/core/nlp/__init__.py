"""Text → Analysis: entities and claims on one spaCy parse, Qt-free.

pipeline.py loads the model lazily and parses a normalized copy of the text whose offsets
equal the original's; entities.py and claims.py read that parse. Spans carry the original text.
"""

from __future__ import annotations

from reader.core.model import Analysis


def analyze(text: str) -> Analysis:
    """Entities and claims of ``text``; every offset indexes into it."""
    from reader.core.nlp.claims import find_claims
    from reader.core.nlp.entities import find_entities
    from reader.core.nlp.pipeline import parse

    if not text.strip():
        return Analysis()
    doc = parse(text)
    entities = find_entities(doc, text)
    claims = find_claims(doc, text, entities)
    return Analysis(entities=tuple(entities), claims=tuple(claims))
