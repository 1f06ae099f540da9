"""Where entities and claims sit in Article.text, for the text ↔ panel links. Pure functions."""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.model import Claim, Entity


def sorted_mentions(entity: Entity) -> list[tuple[int, int]]:
    """The entity's mention spans in reading order (the order Next/Previous steps through)."""
    return sorted({(m.start, m.end) for m in entity.mentions})


def mention_at(entities: Sequence[Entity], offset: int) -> tuple[int, int] | None:
    """(entity index, mention index) of the mention covering a text offset, if any."""
    best: tuple[int, int, int] | None = None  # (length, entity, mention): the tightest wins
    for e, entity in enumerate(entities):
        for m, (start, end) in enumerate(sorted_mentions(entity)):
            if start <= offset < end and (best is None or end - start < best[0]):
                best = (end - start, e, m)
    return (best[1], best[2]) if best else None


def claim_parts(claim: Claim) -> list[tuple[int, int]]:
    """The spans of a claim: speaker, cue and content."""
    parts = [(s.start, s.end) for s in (claim.speaker, claim.cue) if s is not None]
    return parts + [(s.start, s.end) for s in claim.content]


def claim_extent(claim: Claim) -> tuple[int, int]:
    """From the first to the last character of the claim's speaker, cue and content."""
    parts = claim_parts(claim)
    return min(s for s, _ in parts), max(e for _, e in parts)


def claim_at(claims: Sequence[Claim], offset: int) -> int | None:
    """The claim whose extent covers a text offset (the shortest when they nest)."""
    hits = [(claim_extent(c)[1] - claim_extent(c)[0], i) for i, c in enumerate(claims)
            if claim_extent(c)[0] <= offset < claim_extent(c)[1]]
    return min(hits)[1] if hits else None


def disputed_by(claims: Sequence[Claim], index: int) -> list[int]:
    """Indices of the claims that dispute claim ``index``."""
    return [i for i, c in enumerate(claims) if c.disputes == index]
