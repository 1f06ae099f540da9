"""Per-site corrections: fingerprints, scopes, applying, remembering, forgetting, the CLI flag."""

from __future__ import annotations

from pathlib import Path

from reader.core.model import Article, Block
from reader.core.storage import corrections
from reader.core.storage.corrections import CorrectionStore, apply_corrections, fingerprint, scope_of


def make_article(url: str | None = "https://www.example.org/a/1", path: str = "/tmp/a.html") -> Article:
    return Article(path=Path(path), format="html", title="Harbour reopens", url=url, blocks=(
        Block("story", "The harbour reopened on Monday after the storm."),
        Block("clutter", "Share this  story", reason="share bar"),
        Block("story", "Subscribe to our   newsletter"),
    ))


def test_fingerprint_ignores_spacing_and_case() -> None:
    assert fingerprint("Share this  story") == fingerprint(" share THIS story\n")
    assert fingerprint("Share this story") != fingerprint("Share that story")


def test_scope_is_host_then_site_then_file() -> None:
    assert scope_of(make_article()) == "example.org"
    assert scope_of(make_article(url=None)) == "file:/tmp/a.html"


def test_apply_relabels_matching_blocks_only() -> None:
    article = make_article()
    fixed = apply_corrections(article, {fingerprint("subscribe to our newsletter"): "clutter",
                                        fingerprint("Share this story"): "story"})
    assert [b.role for b in fixed.blocks] == ["story", "story", "clutter"]
    assert fixed.blocks[2].reason == corrections.CORRECTED_REASON and fixed.blocks[1].reason is None
    assert "newsletter" not in fixed.body and "Share this" in fixed.body
    assert apply_corrections(article, {}) is article


def test_store_remembers_per_site_and_survives_reload() -> None:
    store, problem = CorrectionStore.load()
    assert problem is None
    store.remember(make_article(), 2, "clutter")
    again, _ = CorrectionStore.load()
    other_page = make_article(url="https://example.org/b/2", path="/tmp/b.html")
    assert apply_corrections(other_page, again.for_article(other_page)).blocks[2].role == "clutter"
    elsewhere = make_article(url="https://other.net/x")
    assert again.for_article(elsewhere) == {}
    [entry] = again.entries()
    assert (entry.scope, entry.role) == ("example.org", "clutter")
    assert entry.preview == "Subscribe to our newsletter"


def test_moving_back_to_the_extractors_verdict_forgets() -> None:
    store, _ = CorrectionStore.load()
    store.remember(make_article(), 1, "story")
    assert store.entries()
    store.remember(make_article(), 1, "clutter")
    assert store.entries() == [] and CorrectionStore.load()[0].entries() == []


def test_forget_and_clear() -> None:
    store, _ = CorrectionStore.load()
    store.remember(make_article(), 0, "clutter")
    store.remember(make_article(url=None), 1, "story")
    first = store.entries()[0]
    store.forget(first.scope, first.fingerprint)
    assert len(CorrectionStore.load()[0].entries()) == 1
    store.clear()
    assert CorrectionStore.load()[0].entries() == []


def test_damaged_store_is_set_aside() -> None:
    store, _ = CorrectionStore.load()
    store.path.write_text("[1, 2", encoding="utf-8")
    again, problem = CorrectionStore.load()
    assert again.entries() == [] and problem


def test_cli_user_state_applies_corrections(tmp_path: Path) -> None:
    from reader.core.extract import extract
    from reader.core.reading import extract_record
    from reader.core.sources.loading import load

    page = tmp_path / "note.txt"
    page.write_text("Harbour reopens\n\nThe harbour reopened on Monday after the storm.\n\n"
                    "Boats returned to the quay by noon.\n", encoding="utf-8")
    article = extract(load(page))
    index = next(i for i, b in enumerate(article.blocks) if "Boats" in b.text)
    store, _ = CorrectionStore.load()
    store.remember(article, index, "clutter" if article.blocks[index].role != "clutter" else "story")
    plain = extract_record(page, analysis=False)
    corrected = extract_record(page, analysis=False, user_state=True)
    assert plain["blocks"][index]["role"] != corrected["blocks"][index]["role"]
