"""The results cache: keys by content, round trips of the model, damage and size bounds."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest

from reader.core.model import Analysis, Article, Block, Claim, Entity, Notice, Span
from reader.core.storage import cache as cache_module
from reader.core.storage.cache import ResultCache, from_jsonable, to_jsonable

TEXT = "Harbour reopens\n\nThe port of Elmsford reopened on Monday, the mayor said."


def make_article(path: Path = Path("/saved/harbour.html")) -> Article:
    blocks = (
        Block(role="title", text="Harbour reopens", kind="heading", level=1),
        Block(role="story", text="The port of Elmsford reopened on Monday, the mayor said."),
        Block(role="clutter", text="Subscribe now", reason="newsletter prompt"),
        Block(role="story", text="", kind="image", image="data:image/png;base64,AAAA"),
        Block(role="clutter", text="a | b", kind="table", rows=(("a", "b"), ("1", "2")), reason="related"),
    )
    return Article(path=path, format="html", title="Harbour reopens", blocks=blocks,
                   byline="By A. Writer", published="2024-03-01", site="Elmsford Gazette",
                   language="en", url="https://example.org/harbour",
                   warnings=(Notice(kind="paywall", message="Part of this article is for subscribers."),))


def make_analysis() -> Analysis:
    port = Span(17, 38, TEXT[17:38])
    return Analysis(
        entities=(Entity(name="Elmsford", type="place", aliases=("Elmsford",),
                         mentions=(Span(29, 37, "Elmsford"),)),),
        claims=(Claim(cue=Span(65, 69, "said"), content=(port,), kind="indirect",
                      speaker=Span(55, 64, "the mayor"), speaker_entity=None, vague=True),),
        warnings=(Notice(kind="language", message="Short text."),),
    )


def test_model_objects_survive_the_json_round_trip() -> None:
    article, analysis = make_article(), make_analysis()
    assert from_jsonable(Article, json.loads(json.dumps(to_jsonable(article)))) == article
    assert from_jsonable(Analysis, json.loads(json.dumps(to_jsonable(analysis)))) == analysis


def test_decoding_refuses_values_of_the_wrong_shape() -> None:
    data = to_jsonable(make_article())
    data["blocks"][0]["role"] = "sidebar"  # not a Role
    with pytest.raises(ValueError):
        from_jsonable(Article, data)
    with pytest.raises(TypeError):
        from_jsonable(Article, {**to_jsonable(make_article()), "title": 3})


def test_stored_results_come_back_for_the_same_bytes_only(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path)
    key = cache.key_for(b"<html>harbour</html>")
    assert cache.article(key) is None
    cache.store_article(key, make_article())
    cache.store_analysis(key, TEXT, make_analysis())
    assert cache.article(key) == make_article()
    assert cache.analysis(key, TEXT) == make_analysis()
    assert cache.article(cache.key_for(b"<html>harbour!</html>")) is None
    assert cache.article(cache.key_for(b"<html>harbour</html>", "cp1252")) is None


def test_a_copy_of_the_file_gets_its_own_path(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path)
    key = cache.key_for(b"same bytes")
    cache.store_article(key, make_article())
    copy = cache.article(key, Path("/elsewhere/copy.html"))
    assert copy is not None and copy.path == Path("/elsewhere/copy.html")


def test_an_analysis_of_other_text_is_not_used(tmp_path: Path) -> None:
    """A correction changes the reading text: the stored analysis no longer fits it."""
    cache = ResultCache(tmp_path)
    key = cache.key_for(b"page")
    cache.store_analysis(key, TEXT, make_analysis())
    assert cache.analysis(key, TEXT + " More.") is None


def test_a_new_version_of_the_code_misses_old_entries(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    cache = ResultCache(tmp_path)
    before = cache.key_for(b"page")
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "another build")
    assert cache.key_for(b"page") != before


@pytest.mark.parametrize("damage", [b"{not json", b"[1, 2]", b'{"format": 1, "article": {"path": 5}}',
                                    b'{"format": 999, "article": {}}', b"\xff\xfe"])
def test_damaged_entries_are_misses_and_are_removed(tmp_path: Path, damage: bytes,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    cache = ResultCache(tmp_path)
    key = cache.key_for(b"page")
    cache.store_article(key, make_article())
    entry = next(tmp_path.glob(f"{key}*"))
    entry.write_bytes(damage)
    with caplog.at_level(logging.INFO, logger=cache_module.__name__):
        assert cache.article(key) is None
    assert not entry.exists()
    assert any(entry.name[:16] in record.getMessage() for record in caplog.records), "the drop is logged"


def test_writes_leave_no_temporary_files(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path)
    cache.store_article(cache.key_for(b"page"), make_article())
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_an_unwritable_folder_costs_only_the_speed_up(tmp_path: Path,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = ResultCache(blocker / "results")
    key = cache.key_for(b"page")
    with caplog.at_level(logging.WARNING, logger=cache_module.__name__):
        cache.store_article(key, make_article())  # no exception
        assert cache.article(key) is None  # a miss, not a damaged entry to delete
    assert ["not stored" in r.getMessage() for r in caplog.records] == [True], "one warning: the write"


def test_the_folder_stays_under_its_bound_dropping_the_oldest_first(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path)
    one_entry = len(json.dumps(to_jsonable(make_article())))
    cache.max_bytes = one_entry * 3
    keys = [cache.key_for(str(i).encode()) for i in range(5)]
    for age, key in enumerate(keys):
        cache.store_article(key, make_article())
        os.utime(next(tmp_path.glob(f"{key}*")), (1_000_000 + age, 1_000_000 + age))
    assert cache.size() <= cache.max_bytes
    assert cache.article(keys[-1]) is not None
    assert cache.article(keys[0]) is None


def test_the_default_folder_is_the_user_cache_folder(isolated_user_dirs: Path) -> None:
    cache = ResultCache()
    key = cache.key_for(b"page")
    cache.store_article(key, make_article())
    assert list((isolated_user_dirs / "cache").rglob(f"{key}*"))


def test_the_code_fingerprint_is_stable_and_names_the_version(monkeypatch: pytest.MonkeyPatch) -> None:
    """Computed afresh (not the memoized value) it is the same; another version gives another."""
    compute = cache_module.code_fingerprint.__wrapped__
    assert compute() == compute() == cache_module.code_fingerprint()
    monkeypatch.setattr(cache_module, "__version__", "0.0.0-other")
    assert compute() != cache_module.code_fingerprint()


def test_a_real_extraction_survives_the_round_trip(tmp_path: Path, seed_path: Path) -> None:
    from reader.core.extract import extract
    from reader.core.sources.loading import load

    article = extract(load(seed_path))
    cache = ResultCache(tmp_path)
    key = cache.key_for(seed_path.read_bytes())
    cache.store_article(key, article)
    assert cache.article(key, seed_path) == article


def test_the_key_names_the_model_without_importing_spacy() -> None:
    import subprocess
    import sys

    code = ("import sys; from reader.core.storage.cache import ResultCache; ResultCache().key_for(b'x'); "
            "print('spacy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
