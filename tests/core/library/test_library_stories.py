"""Views across the library (issue 16): speaker pages and their exports, dispute links, sources of
a story and of a site, versions of a story — on hand-built records (no spaCy)."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import Any

from library_helpers import claim, make_record, span_of, store_record, story, write_article
from story_helpers import PUTIN_BODY, front

from reader.core.library import Library
from reader.core.library.articles import insert_article, see_path
from reader.core.library.schema import migrate, schema_version
from reader.core.library.speaker_page import page_csv, page_markdown
from reader.core.library.store import connect, now_iso, transaction
from reader.core.library.story_sources import sources_record
from reader.core.versions import title_key, url_key


def unnamed_claim(text: str, speaker: str, cue: str, content: str) -> dict[str, Any]:
    return {"speaker": span_of(text, speaker), "speaker_entity": None, "cue": span_of(text, cue),
            "content": [span_of(text, content)], "kind": "indirect", "disputes": None}


# -- disputes -------------------------------------------------------------------------------------


def test_disputes_list_every_link_with_both_passages_and_filter_by_either_side(library: Library) -> None:
    first = store_record(library, front(published="2024-05-01"), "/front.txt")
    body = "Angela Merkel said the plan works. Olaf Scholz denied that the plan works."
    text = f"Plan\n\n{body}"
    claims = [claim(text, "Angela Merkel", "said", "the plan works"),
              claim(text, "Olaf Scholz", "denied", "that the plan works", disputes=0)]
    second = store_record(library, make_record("Plan", body, [("Angela Merkel", "person", []),
                                                              ("Olaf Scholz", "person", [])], claims,
                                               published="2025-01-01"), "/plan.txt")
    links = library.disputes()
    assert [(d.claim.id, d.disputed_by.id) for d in links] == [(first, first), (second, second)]
    record = links[0].record()
    assert set(record) == {"claim", "disputed_by"}
    assert record["claim"]["speaker_entity"] == "Vladimir Putin" and record["claim"]["id"] == first
    assert record["disputed_by"]["speaker_entity"] == "Kyiv" and record["disputed_by"]["disputes"] == 0
    assert record["claim"]["content"][0]["text"] == "his forces had entered the region"
    assert [d.disputed_by.claim["speaker_entity"] for d in library.disputes("Putin")] == ["Kyiv"]
    assert [d.claim.claim["speaker_entity"] for d in library.disputes("Kyiv")] == ["Vladimir Putin"]
    assert [d.claim.id for d in library.disputes("Olaf Scholz")] == [second]
    assert len(library.disputes("Nobody Known")) == 0
    assert [link.claim.index for link in library.disputes()[:1]] == [0]


# -- speaker page ---------------------------------------------------------------------------------


def test_speaker_page_has_claims_disputes_and_articles_and_exports(library: Library) -> None:
    said = store_record(library, front(site="Example News", published="2025-03-09"), "/front.txt")
    mention = store_record(library, make_record("Other", "Putin was not seen today.",
                                                [("Vladimir Putin", "person", ["Putin"])]), "/other.txt")
    page = library.speaker_page("Putin")
    assert page.title == "Vladimir Putin" and page.type == "person"
    assert [c.id for c in page.claims] == [said]
    assert {a.id for a in page.articles} == {said, mention}
    markdown = page_markdown(page)
    assert markdown.startswith("# Vladimir Putin\n")
    assert "his forces had entered the region" in markdown and "disputed by Kyiv (branded)" in markdown
    assert "Example News" in markdown and f"`{mention}`" in markdown
    rows = list(csv.DictReader(io.StringIO(page_csv(page))))
    assert len(rows) == 1 and rows[0]["article_id"] == said and rows[0]["cue"] == "said"
    assert rows[0]["disputed_by"] == "Kyiv: a lie" and rows[0]["disputes"] == ""
    text = library.article(said)
    assert text is not None
    start, end = int(rows[0]["content_start"]), int(rows[0]["content_end"])
    assert text.record["text"][start:end] == "his forces had entered the region"


def test_markdown_export_escapes_formatting_in_quoted_text(library: Library) -> None:
    body = "Ann Lee said the *best* plan is [here]. "
    text = f"T\n\n{body}"
    said = claim(text, "Ann Lee", "said", "the *best* plan is [here]")
    store_record(library, make_record("T", body, [("Ann Lee", "person", [])], [said]), "/t.txt")
    assert r"the \*best\* plan is \[here\]" in page_markdown(library.speaker_page("Ann Lee"))


# -- sources --------------------------------------------------------------------------------------


def test_sources_of_an_article_count_named_and_anonymous_and_aggregate_by_site(library: Library) -> None:
    body = ("Mayor Jane Doe said the bridge would open in May. Officials said the cost had doubled. "
            "Jane Doe added that the ferry would stay.")
    text = f"Bridge\n\n{body}"
    claims = [claim(text, "Jane Doe", "said", "the bridge would open in May"),
              unnamed_claim(text, "Officials", "said the cost", "the cost had doubled"),
              claim(text, "Jane Doe", "added", "that the ferry would stay", entity="Jane Doe")]
    claims[1]["cue"] = span_of(text, "said", 1)
    first = store_record(library, make_record("Bridge", body, [("Jane Doe", "person", [])], claims,
                                              site="Town Post"), "/bridge.txt")
    second = store_record(library, front(site="Town Post"), "/front.txt")
    story = library.sources(first)
    record = sources_record(first, story)
    assert set(record) == {"id", "sources", "anonymous"}
    by_name = {s["name"]: s for s in record["sources"]}
    assert by_name["Jane Doe"] == {"name": "Jane Doe", "type": "person", "direct": 0, "reported": 2,
                                   "anonymous": False}
    assert by_name["Officials"]["anonymous"] is True and by_name["Officials"]["type"] == "anonymous"
    assert [s["text"] for s in record["anonymous"]] == ["Officials"]
    summaries = library.source_summaries([first, second])
    assert summaries[first].label() == "2 sources · 1 anonymous"
    assert summaries[second].label() == "2 sources" and summaries[second].by_type["person"] == 1
    site = {t.name: t.claims for t in library.aggregate_sources(site="Town Post")}
    assert site == {"Jane Doe": 2, "Officials": 1, "Vladimir Putin": 1, "Kyiv": 1}
    assert {t.name for t in library.aggregate_sources([second])} == {"Vladimir Putin", "Kyiv"}
    assert library.aggregate_sources(site="Elsewhere") == []


# -- versions -------------------------------------------------------------------------------------


def store_at(library: Library, record: dict[str, Any], path: str, mtime_ns: int) -> str:
    """Store a record as if imported from a file saved at ``mtime_ns``."""
    found = store_record(library, record, path)
    with library.lock, transaction(library.conn):
        library.conn.execute("UPDATE paths SET mtime_ns = ? WHERE path = ?", (mtime_ns, path))
    return found


def test_copies_with_one_url_are_versions_with_a_diff_from_oldest_to_newest(library: Library) -> None:
    edited = PUTIN_BODY.replace("had entered the region", "had entered the whole region")
    later = store_at(library, front("Front, updated", edited + "\n\nA new paragraph.",
                                    url="https://www.example.com/front?utm_source=x"), "/b.txt", 2)
    earlier = store_at(library, front(url="http://example.com/front/"), "/a.txt", 1)
    store_record(library, front("Front", "Something else happened entirely, nothing alike."), "/c.txt")
    versions = library.versions(later)
    assert [s.id for s in versions.versions] == [earlier, later]
    record = versions.record(later)
    assert set(record) == {"id", "versions", "diff"}
    diff = record["diff"]
    assert diff["title"] == {"before": "Front", "after": "Front, updated"}
    assert diff["paragraphs"]["added"] == ["A new paragraph."] and diff["paragraphs"]["removed"] == []
    assert [c["after"] for c in diff["paragraphs"]["changed"]] == [edited]
    [reworded] = diff["claims"]["changed"]
    assert reworded["after"]["content"] == "his forces had entered the whole region"
    assert diff["claims"]["added"] == diff["claims"]["removed"] == []
    assert diff["sources"] == {"added": [], "removed": []}
    assert library.version_counts([earlier, later]) == {earlier: 2, later: 2}


def test_same_title_and_much_shared_text_are_versions_other_titles_are_not(library: Library) -> None:
    base = " ".join(f"Sentence {n} of the long story about the harbour and its ferry." for n in range(12))
    a = store_record(library, front("Harbour news", base), "/a.txt")
    b = store_record(library, front("Harbour  News!", base + " One more line at the end."), "/b.txt")
    c = store_record(library, front("Ferry news", base), "/c.txt")
    lone = library.versions(c)
    assert [s.id for s in lone.versions] == [c] and lone.diff.unchanged
    assert {s.id for s in library.versions(a).versions} == {a, b}
    assert library.version_counts([c]) == {c: 1}


def test_a_copy_that_matches_two_groups_joins_them(library: Library) -> None:
    base = " ".join(f"Sentence {n} of the long story about the harbour and its ferry." for n in range(12))
    by_url = store_record(library, front("Old headline", base, url="https://example.com/s"), "/a.txt")
    by_title = store_record(library, front("New headline", base), "/b.txt")
    assert len(library.versions(by_url).versions) == 1
    both = store_record(library, front("New headline", base, url="https://example.com/s"), "/c.txt")
    assert {s.id for s in library.versions(by_title).versions} == {by_url, by_title, both}


def test_version_keys_ignore_scheme_www_tracking_and_case() -> None:
    assert url_key("https://www.Example.com/a/b/?utm_source=x&id=3#top") == "example.com/a/b?id=3"
    assert url_key("http://example.com/a/b?id=3") == "example.com/a/b?id=3"
    assert url_key(None) is None and url_key("not a url") is None
    assert title_key("Russia claims: counter-offensive!") == title_key("russia claims counter offensive")
    assert title_key("  ") is None


# -- an older library file gains the tables, filled in for what it holds ------------------------


def test_migration_to_v4_groups_and_tallies_existing_articles(tmp_path: Path) -> None:
    path = tmp_path / "v3.sqlite3"
    conn = connect(path)
    migrate(conn, target=3)
    with transaction(conn):
        for n, name in enumerate(("a", "b")):
            num = insert_article(conn, front(url="https://example.com/front"), f"{n}" * 64, now_iso())
            see_path(conn, num, f"/{name}.txt", 1, n, now_iso())
    conn.close()
    with Library.open(path) as library:
        assert schema_version(library.conn) >= 4
        [first, second] = [s.id for s in library.list_articles(sort="title")]
        assert library.version_counts([first]) == {first: 2}
        assert library.source_summaries([second])[second].label() == "2 sources"


def test_a_sources_aggregate_sums_a_person_named_differently_as_one_entity(library: Library) -> None:
    first, second = "Donald Trump said tariffs work.", "Trump said the deal was done."
    said = claim(f"A\n\n{first}", "Donald Trump", "said", "tariffs work")
    store_record(library, make_record("A", first, [("Donald Trump", "person", ["Trump"])], [said]), "/a.txt")
    said = claim(f"B\n\n{second}", "Trump", "said", "the deal was done")
    store_record(library, make_record("B", second, [("Trump", "person", [])], [said]), "/b.txt")
    assert [(t.name, t.reported) for t in library.aggregate_sources()] == [("Donald Trump", 2)]


def test_a_saved_file_edited_and_imported_again_is_a_new_version(library: Library, tmp_path: Path) -> None:
    title, first, second = story(7)
    path = write_article(tmp_path, "story.txt", title, first, second)
    [added] = library.import_paths([path], analysis=False, workers=0)
    write_article(tmp_path, "story.txt", title, first, second + " The council will vote in March.")
    os.utime(path, ns=(2_000_000_000_000_000_000, 2_000_000_000_000_000_000))
    [updated] = library.import_paths([path], analysis=False, workers=0)
    assert (added.status, updated.status) == ("added", "updated")
    versions = library.versions(str(path))
    assert [s.id for s in versions.versions] == [added.id, updated.id]
    [changed] = versions.diff.paragraphs_changed
    assert changed.after.endswith("The council will vote in March.")
    assert versions.diff.claims_changed == [] and versions.diff.title is None
