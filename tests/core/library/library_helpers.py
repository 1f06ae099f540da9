"""Helpers of the library tests: plain-text articles on disk, hand-built ``sift extract`` records
(entities and claims without spaCy), and the ``sift`` command in a subprocess."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reader.core.library import Library
from reader.core.library.articles import insert_article, see_path
from reader.core.library.store import now_iso, transaction

ROOT = Path(__file__).resolve().parents[3]
# A subprocess imports the package afresh (and spawns its pool); generous on a shared machine.
PROCESS_TIMEOUT = 180

def article_text(title: str, *paragraphs: str) -> str:
    """A saved plain-text article: a title line, then paragraphs (the text extractor's shape)."""
    return "\n\n".join((title, *paragraphs)) + "\n"


def write_article(folder: Path, name: str, title: str, *paragraphs: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(article_text(title, *paragraphs), encoding="utf-8")
    return path


def story(n: int, extra: str = "") -> tuple[str, str, str]:
    """A distinct article (title and two paragraphs long enough to be a story)."""
    return (f"Council report number {n} on the river bridge",
            f"The city council published report {n} on Tuesday about the old river bridge and its "
            f"repairs, which engineers said would take several months to finish. {extra}",
            f"Residents of district {n} asked for a temporary ferry while the bridge is closed, "
            "and the council said it would study the request before the winter.")


def span_of(text: str, needle: str, nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return {"start": start, "end": start + len(needle), "text": needle}


def make_record(title: str, body: str, entities: Sequence[tuple[str, str, list[str]]] = (),
                claims: Sequence[dict[str, Any]] = (), site: str | None = None,
                published: str | None = None) -> dict[str, Any]:
    """A ``sift extract`` record; ``entities``: (name, type, aliases), mentions found in the text."""
    text = f"{title}\n\n{body}"
    entity_records = []
    for name, entity_type, aliases in entities:
        mentions = [span_of(text, form) for form in (name, *aliases) if form in text]
        entity_records.append({"name": name, "type": entity_type, "aliases": aliases, "mentions": mentions})
    return {"path": None, "format": "text", "title": title, "byline": None, "published": published,
            "site": site, "language": "en", "url": None, "body": body, "text": text,
            "blocks": [{"role": "title", "text": title, "reason": None},
                       {"role": "story", "text": body, "reason": None}],
            "warnings": [], "entities": entity_records, "claims": list(claims)}


def claim(text: str, speaker: str, cue: str, content: str, entity: str | None = None,
          disputes: int | None = None) -> dict[str, Any]:
    return {"speaker": span_of(text, speaker), "speaker_entity": entity or speaker, "cue": span_of(text, cue),
            "content": [span_of(text, content)], "kind": "indirect", "disputes": disputes}


def store_record(library: Library, record: dict[str, Any], path: str) -> str:
    """Store a hand-built record as if imported from ``path``; returns its id."""
    digest = hashlib.sha256(json.dumps(record, sort_keys=True).encode()).hexdigest()
    with library.lock, transaction(library.conn):
        num = insert_article(library.conn, record, digest, now_iso())
        see_path(library.conn, num, path, 1, 1, now_iso())
    found = library.resolve(path)
    assert found is not None
    return found


def sift(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m reader ARGS`` as a user runs it."""
    return subprocess.run([sys.executable, "-m", "reader", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", timeout=PROCESS_TIMEOUT, cwd=ROOT, env=env or dict(os.environ))


def lines(result: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    assert "Traceback" not in result.stderr, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]
