"""The flow of one article, load → extract → analyze, as the CLI and the GUI workers call it.

:func:`open_for_reading` is the one use case both share: read the file's bytes once, key the
results cache on them, and extract only what the cache does not already hold. Qt-free: the GUI
runs it in a worker thread, the CLI in its main thread (where the extraction deadline applies).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core import errors
from reader.core.model import Analysis, Article, Resource
from reader.core.records import analysis_record, article_record
from reader.core.sources.files import DEFAULT_LIMITS, SNIFF_BYTES, Limits, read_bytes
from reader.core.sources.loading import load
from reader.core.sources.origin import find_resources_dir
from reader.core.sources.pages import Page, page_digest, split_page_address
from reader.core.sources.sniff import refuse_binary

if TYPE_CHECKING:
    from reader.core.storage.cache import ResultCache


@dataclass(frozen=True)
class Loaded:
    """An article ready to be shown, and what showing it needs."""

    article: Article
    resources: dict[str, Resource] = field(default_factory=dict)  # an archive's images, by URL
    resources_dir: Path | None = None  # the "NAME_files/" folder beside a saved page
    encoding: str | None = None  # as read; None when the article came from the results cache
    cache_key: str | None = None  # the file's entry in the results cache; None without a cache
    digest: str | None = None  # the content hash the library keys the file (or page) by


@dataclass(frozen=True)
class PageChoice:
    """A file of several pages (a web archive, a mailbox) opened without naming one: the reader
    picks a page, or imports them all."""

    path: Path
    pages: tuple[Page, ...]


def open_or_list_pages(address: Path, encoding: str | None = None, cache: ResultCache | None = None,
                       limits: Limits = DEFAULT_LIMITS) -> Loaded | PageChoice:
    """What opening ``address`` shows: the article, or the pages to choose from when it is a file
    of several and no page is named (the file is read once either way)."""
    path, page = split_page_address(address)
    path = Path(os.path.abspath(path.expanduser()))
    data = read_bytes(path, limits)
    if page is None:
        from reader.core.sources.loading import list_pages

        try:
            pages = list_pages(path, limits, data)
        except errors.ReaderError:  # the loader says why below, in the same words
            pages = []
        if len(pages) > 1:
            return PageChoice(path, tuple(pages))
    return open_for_reading(address, encoding, cache, limits, data=data)


def open_for_reading(address: Path, encoding: str | None = None, cache: ResultCache | None = None,
                     limits: Limits = DEFAULT_LIMITS, data: bytes | None = None) -> Loaded:
    """Load and extract one saved article (``address``: a path, or a page address naming one page
    of an archive; ``encoding``: the reader's override, if any), or take the article ``cache``
    kept from the last time these very bytes were read. ``data``: the bytes, when read already.
    No widgets here."""
    from reader.core.extract import extract
    from reader.core.extract.guard import time_limit

    path, page = split_page_address(address)
    path = Path(os.path.abspath(path.expanduser()))  # as load() names it in its errors
    data = read_bytes(path, limits) if data is None else data
    digest = hashlib.sha256(data).hexdigest()
    if page is not None:
        digest = page_digest(digest, page)
    key = cache.key_for_content(digest, encoding) if cache is not None else None
    if cache is not None and key is not None:
        cached = cache.article(key, path)
        if cached is not None:
            folder = find_resources_dir(path) if cached.format == "html" else None
            return Loaded(cached, resources_dir=folder, cache_key=key, digest=digest)
    with time_limit(path.name):  # a last resort: a hostile page gets a Timeout, not a hang
        source = load(path, limits, encoding, data=data, page=page)
        article = extract(source)
    if cache is not None and key is not None and not source.resources:
        cache.store_article(key, article)  # an archive's images live in the file: it is re-read
    return Loaded(article, source.resources, source.resources_dir, source.encoding, key, digest)


def open_article(path: Path, limits: Limits = DEFAULT_LIMITS, encoding: str | None = None) -> Article:
    """Load and extract one saved article, without the results cache (the CLI's way)."""
    return open_for_reading(path, encoding, limits=limits).article


def analyze_article(article: Article) -> Analysis:
    """Entities and claims of the article's reading text (title and story only, never clutter);
    empty with a warning when the article is not in English."""
    from reader.core.nlp import analyze_article as analyze_english_article

    return analyze_english_article(article)


def extract_record(path: Path, analysis: bool = True, user_state: bool = False) -> dict[str, Any]:
    """The ``sift extract`` record of one file."""
    article = open_article(path)
    if user_state:
        from reader.core.storage.corrections import CorrectionStore, apply_corrections

        article = apply_corrections(article, CorrectionStore.load()[0].for_article(article))
    return article_record(article, analyze_article(article) if analysis else None)


def read_verbatim(path: Path, limits: Limits = DEFAULT_LIMITS) -> str:
    """A file as ``sift analyze`` takes it: UTF-8, a BOM dropped, nothing else changed."""
    data = read_bytes(path, limits)
    refuse_binary(path, data[:SNIFF_BYTES])  # a PDF or an image is named as such, not "not UTF-8"
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise errors.Undecodable(path, errors.Undecodable.NOT_UTF8) from None


def analyze_record(path: Path) -> dict[str, Any]:
    """The ``sift analyze`` record of one file."""
    from reader.core.nlp import analyze

    text = read_verbatim(path)
    return analysis_record(path, text, analyze(text))
