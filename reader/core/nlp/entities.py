"""Entities of a parsed text (placeholder until the entities issue lands)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.model import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc


def find_entities(doc: Doc, text: str) -> list[Entity]:
    return []
