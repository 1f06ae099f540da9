"""The reader's own verdicts on blocks, remembered per site (or per file) and applied on open.

A correction says "this block is story" or "this block is clutter". It is keyed by the site the
article came from (the URL's host, else the site name, else the file itself) and by a fingerprint
of the block's text, so the same share bar or tail on the next article of that site comes out
right. Stored as JSON in the user data folder; the CLI uses them only with ``--user-state``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from reader.core.model import Article, Block
from reader.core.storage import json_files as state
from reader.core.storage import paths
from reader.core.storage.settings import WriteJson

CORRECTIONS_FILE = "corrections.json"
CORRECTED_REASON = "your correction"
ROLES = ("story", "clutter")
# Enough of the block's text to recognise it in Preferences.
PREVIEW_CHARS = 90
# 16 hex digits of SHA-1: collisions within one site's few hundred blocks are out of reach.
FINGERPRINT_HEX = 16

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class CorrectionEntry:
    """One remembered correction, as Preferences lists it."""

    scope: str
    fingerprint: str
    role: str
    preview: str


def fingerprint(text: str) -> str:
    """The same for the same block text whatever its spacing or case."""
    normal = _SPACE.sub(" ", text).strip().casefold()
    return hashlib.sha1(normal.encode("utf-8")).hexdigest()[:FINGERPRINT_HEX]


def scope_of(article: Article) -> str:
    """The site an article belongs to: its URL's host, its site name, or else the file itself."""
    if article.url:
        host = (urlsplit(article.url).hostname or "").lower().removeprefix("www.")
        if host:
            return host
    if article.site:
        return "site:" + article.site.strip().casefold()
    return "file:" + str(article.path)


def apply_corrections(article: Article, corrections: Mapping[str, str]) -> Article:
    """The article with every block the reader re-labelled (fingerprint → role) changed."""
    if not corrections:
        return article
    blocks = tuple(corrected_block(b, corrections) for b in article.blocks)
    return article if blocks == article.blocks else replace(article, blocks=blocks)


def corrected_block(block: Block, corrections: Mapping[str, str]) -> Block:
    role = corrections.get(fingerprint(block.text)) if block.text else None
    if role not in ROLES or role == block.role:
        return block
    return block.with_role(role, None if role == "story" else CORRECTED_REASON)  # type: ignore[arg-type]


class CorrectionStore:
    """All remembered corrections: scope → fingerprint → {role, preview}."""

    def __init__(self, path: Path, scopes: dict[str, dict[str, dict[str, str]]] | None = None) -> None:
        self.path = path
        self.scopes: dict[str, dict[str, dict[str, str]]] = scopes or {}
        self.write: WriteJson = state.write_json  # the window hands its StateWriter's in

    @classmethod
    def load(cls, path: Path | None = None) -> tuple[CorrectionStore, str | None]:
        """The stored corrections and a problem to report once, if the file was damaged."""
        path = path or paths.data_dir() / CORRECTIONS_FILE
        result = state.read_json(path)
        return cls(path, clean_scopes((result.data or {}).get("scopes"))), result.problem

    def save(self) -> None:
        self.write(self.path, {"version": 1, "scopes": self.scopes})

    def for_article(self, article: Article) -> dict[str, str]:
        """Fingerprint → role for the article's site."""
        return {fp: item["role"] for fp, item in self.scopes.get(scope_of(article), {}).items()}

    def remember(self, original: Article, index: int, role: str) -> None:
        """Record that block ``index`` of the uncorrected article is ``role``; moving it back to
        the extractor's own verdict forgets the correction instead."""
        block = original.blocks[index]
        scope, key = scope_of(original), fingerprint(block.text)
        if role == block.role:
            self.forget(scope, key)
            return
        preview = _SPACE.sub(" ", block.text).strip()[:PREVIEW_CHARS]
        self.scopes.setdefault(scope, {})[key] = {"role": role, "preview": preview}
        self.save()

    def forget(self, scope: str, key: str) -> None:
        entries = self.scopes.get(scope, {})
        if entries.pop(key, None) is not None:
            if not entries:
                del self.scopes[scope]
            self.save()

    def entries(self) -> list[CorrectionEntry]:
        return [CorrectionEntry(scope, fp, item["role"], item.get("preview", ""))
                for scope, items in sorted(self.scopes.items()) for fp, item in items.items()]

    def clear(self) -> None:
        self.scopes = {}
        self.save()


def clean_scopes(raw: Any) -> dict[str, dict[str, dict[str, str]]]:
    """Only well-formed entries survive a hand-edited or partly damaged file."""
    scopes: dict[str, dict[str, dict[str, str]]] = {}
    if not isinstance(raw, dict):
        return scopes
    for scope, items in raw.items():
        if not isinstance(items, dict):
            continue
        kept = {str(fp): {"role": item["role"], "preview": str(item.get("preview", ""))}
                for fp, item in items.items()
                if isinstance(item, dict) and item.get("role") in ROLES}
        if kept:
            scopes[str(scope)] = kept
    return scopes
