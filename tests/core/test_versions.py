"""Two saved copies of one story: paragraphs, headline and claims that changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_paths import SEED
from story_versions import edited_seed

from reader.core.model import Article, Block
from reader.core.versions import VersionDiff, are_versions, diff_paragraphs, diff_versions


def article(title: str, *paragraphs: str, url: str | None = None) -> Article:
    return Article(path=Path("/tmp/a.html"), format="html", title=title, url=url,
                   blocks=tuple(Block("story", p) for p in paragraphs))


ONE = "The council met on Monday to discuss the new ferry timetable and its costs for the town."
TWO = "Residents have complained for months that the last ferry leaves far too early in the evening."
THREE = "The mayor said the new timetable would start in June."


def test_paragraphs_added_removed_and_changed() -> None:
    diff = VersionDiff()
    edited = TWO.replace("for months", "for many months")
    closing = "A brand new closing paragraph about something else."
    diff_paragraphs([ONE, TWO, THREE], [ONE, edited, closing], diff)
    assert diff.paragraphs_changed[0].before == TWO and diff.paragraphs_changed[0].after == edited
    assert diff.paragraphs_removed == [THREE]
    assert diff.paragraphs_added == [closing]


def test_identical_copies_have_no_changes_and_a_headline_change_is_reported() -> None:
    assert diff_versions(article("T", ONE, TWO), article("T", ONE, TWO)).unchanged
    diff = diff_versions(article("Old headline", ONE), article("New headline", ONE))
    assert diff.title is not None
    assert (diff.title.before, diff.title.after) == ("Old headline", "New headline")


def test_versions_are_the_same_url_or_the_same_title_with_much_shared_text() -> None:
    assert are_versions(article("A", ONE, url="https://x.example/s/"), article("B", THREE, url="https://x.example/s"))
    assert are_versions(article("Ferry", ONE, TWO, THREE), article("ferry ", ONE, TWO))
    assert not are_versions(article("Ferry", ONE), article("Ferry", "Something else entirely, unrelated."))
    assert not are_versions(article("Ferry", ONE, TWO), article("Bridges", ONE, TWO))


@pytest.mark.slow
def test_the_seed_and_its_edited_copy_differ_by_exactly_the_edits(tmp_path: Path) -> None:
    from reader.core.reading import analyze_article, open_article

    copy = tmp_path / "seed-later.txt"
    copy.write_text(edited_seed(SEED.read_text(encoding="utf-8")), encoding="utf-8")
    old, new = open_article(SEED), open_article(copy)
    assert are_versions(old, new)
    diff = diff_versions(old, new, analyze_article(old), analyze_article(new))
    assert diff.title is None
    assert [c.after for c in diff.paragraphs_changed][0].startswith("Kyiv hopes to use the land")
    assert len(diff.paragraphs_changed) == 2  # the bargaining paragraph and the reworded quote
    assert diff.paragraphs_added == [
        "Ukrainian commander Oleksandr Syrskyi said on Monday that the village was still contested."]
    assert diff.paragraphs_removed == []
    reworded = [c for c in diff.claims_changed if "freed" in c.after.content]
    assert reworded and "liberated" in reworded[0].before.content
    assert any("Syrskyi" in (c.speaker or "") for c in diff.claims_added)
    assert any("Syrskyi" in s for s in diff.sources_added) and diff.sources_removed == []
    assert diff.claims_removed == []
