"""The entity index across articles: which library entity each article's entity is.

Rules (issue 14, extended by user corrections in issue 16):
- A key is ``type:normalized name``. A name that identifies on its own — a person's full name
  (two words or more), or any name of another type — is one key across the library: "Vladimir
  Putin" in two articles is one entity.
- A person named only by one word ("Putin") is keyed *per article* (``person:putin#<id>``): two
  articles that only share a surname never become one person by that alone. Such a bare name
  is linked (``resolved``) to the one full-name person whose names include it — an alias the
  analysis found ("Putin" for "Vladimir Putin"), or the full name's last word — and stays
  alone when no such person, or several ("Joe Biden", "Hunter Biden"), exist.
- Any other name that is an alias of exactly one longer name of the same type ("US" of
  "United States") is linked to it.
- A person's key drops the titles before the name ("President Vladimir Putin" is "Vladimir
  Putin"); "Russia's president", when the analysis resolved it to Putin in its article, is an
  alias of his entity there and comes along with it.
- The reader's corrections (corrections.py) are applied after every relink, so they hold
  however often an article is re-indexed.
Only named types are indexed (dates, numbers and amounts are not "who or what").
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from reader.core.nlp.titles import TITLES

T = TypeVar("T")
INDEXED_TYPES = frozenset({"person", "organization", "place", "group", "event", "work", "product", "law"})
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u00b4": "'", "`": "'"})
_POSSESSIVE = re.compile(r"'s?$")
_LEADING_THE = re.compile(r"^the\s+")
_SPACE = re.compile(r"\s+")
_PERSON_TITLES = frozenset(title.casefold() for title in TITLES)


def normalize_name(name: str) -> str:
    """The form names are compared in: NFKC, case-folded, one space, no possessive or "the"."""
    folded = unicodedata.normalize("NFKC", name).translate(_APOSTROPHES).casefold()
    folded = _SPACE.sub(" ", folded).strip(" .,;:")
    return _LEADING_THE.sub("", _POSSESSIVE.sub("", folded))


def key_name(entity_type: str, name: str) -> str:
    """The normalized name a key is made of: a person's without the titles before it."""
    normalized = normalize_name(name)
    if entity_type != "person":
        return normalized
    words = normalized.split(" ")
    while len(words) > 1 and words[0] in _PERSON_TITLES:
        words.pop(0)
    return " ".join(words)


def is_full_name(entity_type: str, normalized: str) -> bool:
    """A name that may be one entity across articles on its own."""
    return entity_type != "person" or len(normalized.split()) >= 2


def entity_key(entity_type: str, name: str, article_id: str) -> str:
    normalized = key_name(entity_type, name)
    key = f"{entity_type}:{normalized}"
    return key if is_full_name(entity_type, normalized) else f"{key}#{article_id}"


@dataclass(frozen=True)
class EntityRow:
    key: str
    type: str
    name: str
    full: bool
    names: frozenset[str]  # normalized name and aliases (and a full person name's last word)
    mentions: int


def entity_rows(entities: Sequence[dict[str, Any]], article_id: str) -> list[EntityRow]:
    """The index rows of one article's entity records (contract shape), merged by key."""
    merged: dict[str, EntityRow] = {}
    for entity in entities:
        if entity["type"] not in INDEXED_TYPES or not normalize_name(entity["name"]):
            continue
        key = entity_key(entity["type"], entity["name"], article_id)
        normalized = key_name(entity["type"], entity["name"])
        names = {normalize_name(n) for n in (normalized, entity["name"], *entity.get("aliases", ()))} - {""}
        if entity["type"] == "person" and " " in normalized:
            names.add(normalized.rsplit(" ", 1)[1])
        row = EntityRow(key, entity["type"], entity["name"], is_full_name(entity["type"], normalized),
                        frozenset(names), len(entity.get("mentions", ())))
        if key in merged:
            old = merged[key]
            row = EntityRow(key, old.type, old.name, old.full, old.names | row.names,
                            old.mentions + row.mentions)
        merged[key] = row
    return list(merged.values())


def index_article(conn: sqlite3.Connection, num: int, article_id: str,
                  entities: Sequence[dict[str, Any]], claims: Sequence[dict[str, Any]]) -> None:
    """Write one article's entity index rows and claims (inside the caller's transaction)."""
    rows = entity_rows(entities, article_id)
    for row in rows:
        conn.execute("INSERT OR IGNORE INTO entities(key, type, name, full, resolved) VALUES (?,?,?,?,?)",
                     (row.key, row.type, row.name, int(row.full), row.key))
        conn.executemany("INSERT OR IGNORE INTO entity_names(name, key) VALUES (?, ?)",
                         [(name, row.key) for name in row.names])
        conn.execute("INSERT INTO article_entities(article_num, key, mentions) VALUES (?,?,?)",
                     (num, row.key, row.mentions))
    by_name = {normalize_name(e["name"]): e["type"] for e in entities}
    for index, claim in enumerate(claims):
        speaker = claim.get("speaker_entity")
        speaker_key = None
        if speaker and by_name.get(normalize_name(speaker)) in INDEXED_TYPES:
            speaker_key = entity_key(by_name[normalize_name(speaker)], speaker, article_id)
        conn.execute("INSERT INTO claims(article_num, idx, speaker_key, disputes, record) VALUES (?,?,?,?,?)",
                     (num, index, speaker_key, claim.get("disputes"), dump_claim(claim)))
    relink(conn, [row.key for row in rows])


def dump_claim(claim: dict[str, Any]) -> str:
    import json

    return json.dumps(claim, ensure_ascii=False, separators=(",", ":"))


def relink(conn: sqlite3.Connection, keys: Iterable[str] | None = None) -> int:
    """Recompute which library entity each key is one with (all keys when ``keys`` is None).

    A new full name can make a bare name linkable or ambiguous, so after an import the caller
    relinks everything once; per article only the article's own keys. Returns rows changed.
    """
    if keys is None:
        rows = conn.execute("SELECT key, type, name, full, resolved FROM entities").fetchall()
    else:
        wanted = list(keys)
        rows = [r for chunk in chunks(wanted) for r in conn.execute(
            f"SELECT key, type, name, full, resolved FROM entities WHERE key IN ({marks(chunk)})", chunk)]
    changed = 0
    for row in rows:
        target = link_target(conn, row["key"], row["type"], row["name"], bool(row["full"]))
        if target != row["resolved"]:
            conn.execute("UPDATE entities SET resolved = ? WHERE key = ?", (target, row["key"]))
            changed += 1
    from reader.core.library.corrections import apply_corrections  # built on this module
    from reader.core.library.derived import SCHEMA
    from reader.core.library.schema import schema_version

    if schema_version(conn) >= SCHEMA:  # not a library file older than the corrections table
        apply_corrections(conn)
    return changed


def link_target(conn: sqlite3.Connection, key: str, entity_type: str, name: str, full: bool) -> str:
    """The key this entity is one with: the single fitting full name, else itself."""
    normalized = normalize_name(name)
    candidates = conn.execute(
        "SELECT e.key, e.name FROM entity_names n JOIN entities e ON e.key = n.key "
        "WHERE n.name = ? AND e.type = ? AND e.full = 1 AND e.key != ?",
        (normalized, entity_type, key)).fetchall()
    if not full:
        found = {c["key"] for c in candidates}
    else:  # a full name links only to a longer name it is an alias of ("US" → "United States")
        found = {c["key"] for c in candidates if len(normalize_name(c["name"])) > len(normalized)}
    return found.pop() if len(found) == 1 else key


def matching_keys(conn: sqlite3.Connection, name: str) -> list[str]:
    """The resolved library entities a name asked for means.

    A full name that is some entity's own name means that entity ("Vladimir Putin"); otherwise
    every entity the name is a name or alias of ("Putin", "Biden": all of them). A library
    entity's key means that entity (how the GUI names one a correction made, issue 16).
    """
    by_key = conn.execute("SELECT resolved FROM entities WHERE key = ?", (name,)).fetchone()
    if by_key is not None:
        return [str(by_key[0])]
    normalized = normalize_name(name)
    rows = conn.execute(
        "SELECT DISTINCT r.key, r.name, r.full FROM entity_names n "
        "JOIN entities e ON e.key = n.key JOIN entities r ON r.key = e.resolved WHERE n.name = ?",
        (normalized,)).fetchall()
    exact = [r["key"] for r in rows if r["full"] and normalize_name(r["name"]) == normalized]
    return exact or [r["key"] for r in rows]


def garbage_collect(conn: sqlite3.Connection) -> None:
    """Drop library entities no article mentions any more (after forget or re-import)."""
    conn.execute("DELETE FROM entities WHERE key NOT IN (SELECT key FROM article_entities)")


CHUNK = 500  # SQLite's default limit on bound parameters is 32766; stay well under it


def chunks(items: Sequence[T]) -> Iterable[Sequence[T]]:
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]


def marks(items: Sequence[object]) -> str:
    """``?,?,?`` for an IN list; ``NULL`` (matches nothing) when there is nothing to match."""
    return ",".join("?" * len(items)) or "NULL"
