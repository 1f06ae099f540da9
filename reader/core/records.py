"""The JSON records of the command-line contract (shared/README.md), built from the model.

The CLI, the JSON export and the tests all use these, so the contract lives in one place.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.core.errors import ReaderError
from reader.core.model import Analysis, Article, Block, Claim, Entity, Notice, Span


def span_record(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else {"start": span.start, "end": span.end, "text": span.text}


def entity_record(entity: Entity) -> dict[str, Any]:
    return {
        "name": entity.name,
        "type": entity.type,
        "aliases": list(entity.aliases),
        "mentions": [span_record(m) for m in entity.mentions],
        "confidence": entity.confidence,
    }


def claim_record(claim: Claim) -> dict[str, Any]:
    return {
        "speaker": span_record(claim.speaker),
        "speaker_entity": claim.speaker_entity,
        "cue": span_record(claim.cue),
        "content": [span_record(s) for s in claim.content],
        "kind": claim.kind,
        "disputes": claim.disputes,
        "confidence": claim.confidence,
        "vague": claim.vague,
    }


def block_record(block: Block) -> dict[str, Any]:
    """A block as the contract gives it (role, text, reason), plus its structure when it is not a
    plain paragraph, so a stored record rebuilds the same reading view."""
    record: dict[str, Any] = {"role": block.role, "text": block.text, "reason": block.reason}
    if block.kind != "paragraph":
        record["kind"] = block.kind
    if block.level:
        record["level"] = block.level
    if block.image:
        record["image"] = block.image
    if block.rows:
        record["rows"] = [list(row) for row in block.rows]
    return record


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
        "blocks": [block_record(b) for b in article.blocks],
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


# ---------------------------------------------------------------------------------------------
# Back from records: the library stores what the CLI prints and opens articles from it.
# ---------------------------------------------------------------------------------------------
def span_from(record: dict[str, Any] | None) -> Span | None:
    return None if record is None else Span(record["start"], record["end"], record["text"])


def article_from_record(record: dict[str, Any]) -> Article:
    """The Article a ``sift extract`` record was made from (its blocks, metadata and warnings)."""
    blocks = tuple(
        Block(b["role"], b["text"], b.get("reason"), b.get("kind", "paragraph"), b.get("level", 0),
              b.get("image"), tuple(tuple(row) for row in b.get("rows", ())))
        for b in record["blocks"])
    return Article(
        path=Path(record["path"]), format=record["format"], title=record.get("title"), blocks=blocks,
        byline=record.get("byline"), published=record.get("published"), site=record.get("site"),
        language=record.get("language"), url=record.get("url"),
        warnings=tuple(Notice(w["kind"], w["message"]) for w in record.get("warnings", ())))


def analysis_from_record(record: dict[str, Any]) -> Analysis | None:
    """The Analysis in a record, or None for a ``--no-analysis`` record."""
    if "entities" not in record:
        return None
    entities = tuple(
        Entity(e["name"], e["type"], tuple(e["aliases"]), tuple(Span(m["start"], m["end"], m["text"])
                                                               for m in e["mentions"]),
               e.get("confidence", 1.0))
        for e in record["entities"])
    claims = tuple(
        Claim(cue=Span(c["cue"]["start"], c["cue"]["end"], c["cue"]["text"]),
              content=tuple(Span(s["start"], s["end"], s["text"]) for s in c["content"]),
              kind=c["kind"], speaker=span_from(c.get("speaker")), speaker_entity=c.get("speaker_entity"),
              disputes=c.get("disputes"), vague=c.get("vague", False), confidence=c.get("confidence", 1.0))
        for c in record.get("claims", ()))
    # The record says "not analysed" once, with the article's warnings; the panel wants it too.
    notices = tuple(Notice(w["kind"], w["message"]) for w in record.get("warnings", ())
                    if w["kind"] == "language")
    return Analysis(entities, claims, notices)
