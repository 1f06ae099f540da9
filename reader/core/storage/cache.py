"""Results remembered per file content, so reopening an article is instant.

An entry is keyed by the SHA-256 of the file's bytes, the encoding the reader chose, and a
fingerprint of the code and model that made it (Sift's version, the extraction and analysis
modules, the language model's version): any change there simply misses the old entries. The
article and its analysis are two JSON files in the platformdirs user cache folder, written
atomically; the analysis also records which text it read (corrections change the text). An
entry that cannot be read back is deleted and treated as missing. The folder is bounded in size:
the entries used longest ago go first. Qt-free: the loading thread and the analysis process use it.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import logging
import os
import types
import typing
from pathlib import Path
from typing import Any, TypeVar, Union

import platformdirs

from reader import __version__
from reader.core.model import Analysis, Article
from reader.core.nlp.model_files import ModelDamaged, model_dir
from reader.core.storage import paths
from reader.core.storage.json_files import write_atomic
from reader.core.storage.resources import resource_path

# Bump when the layout of an entry changes (not needed for model.py additions: missing fields
# take their defaults, unknown ones make the entry a miss).
CACHE_FORMAT = 1
# The cache may grow to this many bytes; an article entry is ~20-200 KB, so this holds a few
# hundred articles, which is a long reading history, while staying small beside a browser cache.
MAX_CACHE_BYTES = 100 * 1024 * 1024
# Pruning stops at this share of the bound so that the next stores do not prune again at once.
PRUNE_TO_SHARE = 0.8
RESULTS_FOLDER = "results"
ARTICLE_SUFFIX = ".article.json"
ANALYSIS_SUFFIX = ".analysis.json"
# The code whose changes change the results: loading and extraction, analysis, and their data.
CORE_DIR = Path(__file__).resolve().parent
RESULT_DATA = (("data",), ("models",))  # folders of resources/

T = TypeVar("T")
log = logging.getLogger(__name__)


class ResultCache:
    """The article (and analysis) of files already read, by content; misses are ``None``."""

    def __init__(self, folder: Path | None = None, max_bytes: int = MAX_CACHE_BYTES) -> None:
        self._folder = folder
        self.max_bytes = max_bytes

    @property
    def folder(self) -> Path:
        """Looked up on use so tests (and users) can point XDG_CACHE_HOME elsewhere."""
        if self._folder is not None:
            return self._folder
        # Not paths.cache_dir(): that creates the folder, and a lookup must never fail on it.
        return platformdirs.user_cache_path(paths.APP_DIR_NAME, appauthor=False) / RESULTS_FOLDER

    def key_for(self, data: bytes, encoding: str | None = None, page: str | None = None) -> str:
        """The entry name for a file's bytes read with ``encoding`` (None: detected), or for one
        ``page`` of a file of several."""
        from reader.core.sources.pages import page_digest

        digest = hashlib.sha256(data).hexdigest()
        return self.key_for_content(digest if page is None else page_digest(digest, page), encoding)

    def key_for_content(self, content_hash: str, encoding: str | None = None) -> str:
        """The entry name for content known by its hash (the library's, which the reading use
        case has already: the bytes are hashed once)."""
        return hashlib.sha256(f"{content_hash}\0{encoding or ''}\0{code_fingerprint()}".encode()).hexdigest()

    def article(self, key: str, path: Path | None = None) -> Article | None:
        """The article stored for this content; ``path`` replaces the one it was first read at
        (the same bytes may be saved twice)."""
        data = self._read(key, ARTICLE_SUFFIX)
        if data is None:
            return None
        article = self._decode(key, ARTICLE_SUFFIX, Article, data.get("article"))
        return dataclasses.replace(article, path=path) if article is not None and path else article

    def analysis(self, key: str, text: str) -> Analysis | None:
        """The analysis stored for this file, if it was made from exactly ``text``."""
        data = self._read(key, ANALYSIS_SUFFIX)
        if data is None or data.get("text_sha256") != text_digest(text):
            return None
        return self._decode(key, ANALYSIS_SUFFIX, Analysis, data.get("analysis"))

    def store_article(self, key: str, article: Article) -> None:
        self._write(key, ARTICLE_SUFFIX, {"article": to_jsonable(article)})

    def store_analysis(self, key: str, text: str, analysis: Analysis) -> None:
        self._write(key, ANALYSIS_SUFFIX, {"text_sha256": text_digest(text),
                                           "analysis": to_jsonable(analysis)})

    def prune(self) -> None:
        """Delete the entries used longest ago until the folder is under its share of the bound."""
        entries = []
        for entry in self._entries():
            try:
                stat = entry.stat()
            except OSError as exc:  # removed meanwhile (another Sift pruning): nothing to count
                log.debug("cache entry %s not measured: %s", entry, exc)
                continue
            entries.append((stat.st_mtime, stat.st_size, entry))
        total = sum(size for _, size, _ in entries)
        if total <= self.max_bytes:
            return
        for _, size, entry in sorted(entries, key=lambda e: e[0]):
            if total <= self.max_bytes * PRUNE_TO_SHARE:
                break
            forget(entry)
            total -= size

    def size(self) -> int:
        """Bytes used by the entries (for tests and the benchmark)."""
        return sum(entry.stat().st_size for entry in self._entries())

    def clear(self) -> None:
        """Delete every entry (Clear History); one that cannot be deleted is logged and stays."""
        for entry in self._entries():
            forget(entry)

    def _entries(self) -> list[Path]:
        try:
            return [p for p in self.folder.iterdir() if p.name.endswith((ARTICLE_SUFFIX, ANALYSIS_SUFFIX))]
        except FileNotFoundError:  # nothing stored yet
            return []
        except OSError as exc:
            log.warning("cache folder %s not listed: %s", self.folder, exc)
            return []

    def _path(self, key: str, suffix: str) -> Path:
        return self.folder / f"{key}{suffix}"

    def _read(self, key: str, suffix: str) -> dict[str, Any] | None:
        path = self._path(key, suffix)
        try:
            data = json.loads(path.read_bytes())
        except (FileNotFoundError, NotADirectoryError):  # never stored (or no folder to store in)
            return None
        except (OSError, ValueError) as exc:
            log.info("cache entry %s unreadable (%s); the file is read again", path, exc)
            forget(path)
            return None
        if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT:
            log.info("cache entry %s has another format; the file is read again", path)
            forget(path)
            return None
        touch(path)
        return data

    def _decode(self, key: str, suffix: str, kind: type[T], value: Any) -> T | None:
        try:
            return from_jsonable(kind, value)
        except (TypeError, ValueError, KeyError, AttributeError) as exc:
            log.info("cache entry %s does not fit the model (%s); the file is read again", key, exc)
            forget(self._path(key, suffix))
            return None

    def _write(self, key: str, suffix: str, payload: dict[str, Any]) -> None:
        """Store an entry; a full disk or a read-only folder only costs the speed-up."""
        data = json.dumps({"format": CACHE_FORMAT, **payload}, ensure_ascii=False,
                          separators=(",", ":")).encode("utf-8")
        try:
            write_atomic(self._path(key, suffix), data)
            self.prune()
        except OSError as exc:
            log.warning("cache entry %s not stored: %s", self._path(key, suffix), exc)


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def forget(path: Path) -> None:
    """Delete an entry if possible; one that stays is still never used twice when damaged."""
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("cache entry %s not deleted: %s", path, exc)


def touch(path: Path) -> None:
    """Mark an entry as just used (pruning keeps recently read articles)."""
    try:
        os.utime(path)
    except OSError as exc:  # only the pruning order suffers
        log.debug("cache entry %s not marked as used: %s", path, exc)


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Sift's version and the size and time of every file that shapes the results (the model's
    package included); in a frozen bundle, where there are no source files, the version alone."""
    digest = hashlib.sha256(__version__.encode())
    folders = [CORE_DIR, *(resource_path(*parts) for parts in RESULT_DATA), model_folder()]
    for folder in folders:
        if folder is None or not folder.is_dir():
            continue
        for file in sorted(folder.rglob("*")):
            if file.is_file() and "__pycache__" not in file.parts:
                stat = file.stat()
                digest.update(f"\0{file.relative_to(folder)}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def model_folder() -> Path | None:
    """Where the language model's files are, found without importing spaCy."""
    try:
        return model_dir()
    except ModelDamaged as exc:  # reported when the model is loaded; the version still keys entries
        log.debug("language model not found for the cache key: %s", exc)
        return None


def to_jsonable(value: Any) -> Any:
    """A model object as JSON values: dataclasses as objects of their fields, tuples as lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, Path):
        return str(value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot store a {type(value).__name__} in the cache")


def from_jsonable(kind: Any, value: Any) -> Any:
    """Rebuild a value of type ``kind`` (as annotated in model.py) from :func:`to_jsonable`'s form."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if dataclasses.is_dataclass(kind):
        return decode_dataclass(kind, value)
    if origin in (Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        return from_jsonable(next(a for a in args if a is not type(None)), value)
    if origin is tuple:
        if not isinstance(value, list):
            raise TypeError("expected a list")
        items = args[:1] * len(value) if len(args) == 2 and args[1] is Ellipsis else args
        return tuple(from_jsonable(k, v) for k, v in zip(items, value, strict=True))
    if origin is dict:
        if not isinstance(value, dict):
            raise TypeError("expected an object")
        return {k: from_jsonable(args[1], v) for k, v in value.items()}
    if origin is typing.Literal:
        if value not in args:
            raise ValueError(f"unexpected value {value!r}")
        return value
    if kind is Path:
        return Path(value)
    if kind in (str, int, bool) and isinstance(value, kind):
        return value
    if kind is float and isinstance(value, (int, float)):
        return float(value)
    raise TypeError(f"expected {kind}, found {type(value).__name__}")


def decode_dataclass(kind: Any, value: Any) -> Any:
    if not isinstance(value, dict):
        raise TypeError(f"expected an object for {kind.__name__}")
    hints = field_types(kind)
    unknown = set(value) - set(hints)
    if unknown:
        raise KeyError(f"unknown fields {sorted(unknown)}")
    return kind(**{name: from_jsonable(hints[name], v) for name, v in value.items()})


@functools.cache
def field_types(kind: type) -> dict[str, Any]:
    """The resolved annotation of each init field (model.py uses postponed annotations)."""
    hints = typing.get_type_hints(kind)
    return {f.name: hints[f.name] for f in dataclasses.fields(kind) if f.init}
