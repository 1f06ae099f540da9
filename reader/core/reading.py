"""The flow of one article, load → extract → analyze, as the CLI and the GUI workers call it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.core import errors
from reader.core.model import Analysis, Article
from reader.core.records import analysis_record, article_record
from reader.core.sources.files import SNIFF_BYTES, Limits, read_bytes
from reader.core.sources.loading import load
from reader.core.sources.sniff import refuse_binary


def open_article(path: Path, limits: Limits = Limits(), encoding: str | None = None) -> Article:
    """Load and extract one saved article (``encoding``: the reader's override, if any)."""
    from reader.core.extract import extract
    from reader.core.extract.guard import time_limit

    with time_limit(Path(path).name):  # a last resort: a hostile page gets a Timeout, not a hang
        return extract(load(path, limits, encoding))


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


def read_verbatim(path: Path, limits: Limits = Limits()) -> str:
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
