"""The JSON records of the command-line contract (shared/README.md), built from the model.

The CLI, the JSON export and the tests all use these, so the contract lives in one place.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.core.errors import ReaderError
from reader.core.model import Analysis, Article, Claim, Entity, Span


def span_record(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else {"start": span.start, "end": span.end, "text": span.text}


def entity_record(entity: Entity) -> dict[str, Any]:
    return {
        "name": entity.name,
        "type": entity.type,
        "aliases": list(entity.aliases),
        "mentions": [span_record(m) for m in entity.mentions],
    }


def claim_record(claim: Claim) -> dict[str, Any]:
    return {
        "speaker": span_record(claim.speaker),
        "speaker_entity": claim.speaker_entity,
        "cue": span_record(claim.cue),
        "content": [span_record(s) for s in claim.content],
        "kind": claim.kind,
        "disputes": claim.disputes,
    }


def analysis_fields(analysis: Analysis) -> dict[str, Any]:
    return {
        "entities": [entity_record(e) for e in analysis.entities],
        "claims": [claim_record(c) for c in analysis.claims],
    }


def article_record(article: Article, analysis: Analysis | None = None) -> dict[str, Any]:
    """The ``sift extract`` record; without ``analysis`` it is the ``--no-analysis`` shape."""
    # The article and its analysis may both say the language is not analysed: say it once.
    warnings = list(dict.fromkeys([*article.warnings, *(analysis.warnings if analysis else ())]))
    record: dict[str, Any] = {
        "path": str(article.path),
        "format": article.format,
        "title": article.title,
        "byline": article.byline,
        "published": article.published,
        "site": article.site,
        "language": article.language,
        "url": article.url,
        "body": article.body,
        "text": article.text,
        "blocks": [{"role": b.role, "text": b.text, "reason": b.reason} for b in article.blocks],
        "warnings": [{"kind": w.kind, "message": w.message} for w in warnings],
    }
    if analysis is not None:
        record.update(analysis_fields(analysis))
    return record


def analysis_record(path: Path, text: str, analysis: Analysis) -> dict[str, Any]:
    """The ``sift analyze`` record."""
    return {"path": str(path), "text_length": len(text), **analysis_fields(analysis)}


def error_record(path: Path, error: ReaderError) -> dict[str, Any]:
    return {"path": str(path), "error": {"kind": error.kind, "message": error.message}}
