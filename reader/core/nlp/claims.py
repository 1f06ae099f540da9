"""Claims of a parsed text (placeholder until the claims issue lands)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.core.model import Claim, Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc


def find_claims(doc: Doc, text: str, entities: Sequence[Entity]) -> list[Claim]:
    return []
