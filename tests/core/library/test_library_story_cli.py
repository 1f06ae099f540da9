"""``sift library speaker|disputes|sources|versions`` as a user runs them: the contract's shapes,
the Markdown and CSV pages, and exit codes (a library of hand-built records, no spaCy)."""

from __future__ import annotations

from pathlib import Path

from library_helpers import lines, sift, store_record
from story_helpers import PUTIN_BODY, front

from reader.core.library import Library

CLAIM_FIELDS = {"speaker", "speaker_entity", "cue", "content", "kind", "disputes"}
SPEAKER_LINE = {"id", "title", "published", "site", "speaker_entity", "cue", "content", "kind", "disputes",
                "disputed_by"}


def test_story_verbs_print_the_contract_shapes(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite3"
    with Library.open(db) as library:
        url = "https://example.com/front"
        first = store_record(library, front(url=url, published="2025-03-09"), "/a.txt")
        reworded = PUTIN_BODY.replace("the region", "the whole region")
        edited = front(url=url, published="2025-03-09", body=reworded)
        second = store_record(library, edited, "/b.txt")
    said = lines(sift("library", "speaker", "Putin", "--library", db))
    assert len(said) == 2 and all(set(line) == SPEAKER_LINE for line in said)
    assert all([d["speaker_entity"] for d in line["disputed_by"]] == ["Kyiv"] for line in said)
    [link, _] = lines(sift("library", "disputes", "Kyiv", "--library", db))
    assert set(link) == {"claim", "disputed_by"} and CLAIM_FIELDS | {"id"} <= set(link["claim"])
    assert link["claim"]["speaker_entity"] == "Vladimir Putin"
    assert link["disputed_by"]["id"] == link["claim"]["id"]
    [sources] = lines(sift("library", "sources", "/a.txt", "--library", db))
    assert sources["id"] == first and sources["anonymous"] == []
    assert {s["name"] for s in sources["sources"]} == {"Vladimir Putin", "Kyiv"}
    assert set(sources["sources"][0]) == {"name", "type", "direct", "reported", "anonymous"}
    [versions] = lines(sift("library", "versions", second, "--library", db))
    assert {v["id"] for v in versions["versions"]} == {first, second}
    assert set(versions["diff"]) >= {"paragraphs", "claims", "title"} and versions["diff"]["title"] is None
    assert len(versions["diff"]["claims"]["changed"]) == 1
    markdown = sift("library", "speaker", "Vladimir Putin", "--format", "md", "--library", db)
    assert markdown.returncode == 0 and markdown.stdout.startswith("# Vladimir Putin")
    table = sift("library", "speaker", "Vladimir Putin", "--format", "csv", "--library", db)
    assert table.stdout.splitlines()[0].startswith("published,site,title,article_id") and len(
        table.stdout.splitlines()) == 3
    missing = sift("library", "versions", "nope", "--library", db)
    assert missing.returncode == 1 and lines(missing)[0]["error"]["kind"] == "not-found"
    assert sift("library", "sources", "--library", db).returncode == 2
