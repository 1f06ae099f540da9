"""The library: every saved article in one SQLite file, searchable by text and by whom it mentions.

Qt-free; the CLI (reader/library_cli.py) and the GUI's library view call :class:`Library`.
Arrows: library imports sources, extract, nlp and storage; none of them imports library.

Modules: ``schema`` (tables, migrations), ``store`` (file, connection, transactions, damage),
``records`` (rows ↔ the CLI's records), ``articles`` (article rows), ``entities`` (the
cross-article entity index), ``search`` (query syntax, FTS5), ``views`` (entity and speaker
views), ``importer`` and ``worker`` (import with a process pool), ``library`` (the API).
Issue 16: ``speaker_page`` (a person's page and its Markdown/CSV), ``disputes``, ``story_sources``,
``version_groups``, ``corrections`` (the reader's entity corrections), ``derived`` (what is
derived from each stored record: version group, source tallies).
"""

from reader.core.library.corrections import EntityCorrection
from reader.core.library.disputes import ArticleClaim, DisputeLink, DisputeLinks
from reader.core.library.errors import AmbiguousEntity, LibraryDamaged, NotInLibrary, UnknownEntity
from reader.core.library.importer import ImportProgress, ImportResult
from reader.core.library.library import Library
from reader.core.library.records import SearchHit, StoredArticle, Summary
from reader.core.library.search import MARK_CLOSE, MARK_OPEN, Filters, parse_query
from reader.core.library.speaker_page import SpeakerPage
from reader.core.library.store import Recovery, library_path
from reader.core.library.story_sources import SourceSummary
from reader.core.library.version_groups import StoryVersions
from reader.core.library.views import EntityArticle, SpeakerClaim

__all__ = [
    "AmbiguousEntity", "ArticleClaim", "DisputeLink", "DisputeLinks", "EntityCorrection", "SourceSummary",
    "SpeakerPage",
    "StoryVersions", "UnknownEntity",
    "MARK_CLOSE", "MARK_OPEN", "EntityArticle", "Filters", "ImportProgress", "ImportResult", "Library",
    "LibraryDamaged", "NotInLibrary", "Recovery", "SearchHit", "SpeakerClaim", "StoredArticle", "Summary",
    "library_path", "parse_query",
]
