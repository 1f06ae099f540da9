"""The entity index across articles: who is one entity, who is not, and counts per article."""

from __future__ import annotations

from library_helpers import claim, make_record, store_record

from reader.core.library import Library
from reader.core.library.entities import entity_key, normalize_name


def add(library: Library, path: str, title: str, body: str, entities: list[tuple[str, str, list[str]]],
        claims: list[dict[str, object]] | None = None) -> str:
    return store_record(library, make_record(title, body, entities, claims or []), path)


def resolved_of(library: Library, key: str) -> str:
    return str(library.conn.execute("SELECT resolved FROM entities WHERE key = ?", (key,)).fetchone()[0])


def test_normalized_names_ignore_case_possessive_and_the() -> None:
    assert normalize_name("  Vladimir  PUTIN’s ") == "vladimir putin"
    assert normalize_name("The Kremlin") == "kremlin"
    assert entity_key("person", "Putin", "abc") == "person:putin#abc"  # a bare name is per article
    assert entity_key("person", "Vladimir Putin", "abc") == "person:vladimir putin"
    assert entity_key("place", "Kyiv", "abc") == "place:kyiv"


def test_a_surname_linked_by_an_alias_is_the_same_person(library: Library) -> None:
    a = add(library, "/a.txt", "Summit", "Vladimir Putin spoke. Putin left.",
            [("Vladimir Putin", "person", ["Putin"])])
    b = add(library, "/b.txt", "Talks", "Putin said the talks went well.", [("Putin", "person", [])],
            [claim("Talks\n\nPutin said the talks went well.", "Putin", "said", "the talks went well")])
    assert {e.id for e in library.entity_articles("Vladimir Putin")} == {a, b}
    assert {e.id for e in library.entity_articles("Putin")} == {a, b}
    [said] = library.speaker_claims("Vladimir Putin")
    assert said.id == b and said.claim["content"][0]["text"] == "the talks went well"
    counts = {e.id: e.mentions for e in library.entity_articles("Putin")}
    assert counts == {a: 2, b: 1}


def test_people_sharing_only_a_surname_are_not_merged(library: Library) -> None:
    joe = add(library, "/joe.txt", "One", "Joe Biden spoke.", [("Joe Biden", "person", ["Biden"])])
    hunter = add(library, "/hunter.txt", "Two", "Hunter Biden spoke.",
                 [("Hunter Biden", "person", ["Biden"])])
    bare = add(library, "/bare.txt", "Three", "Biden spoke.", [("Biden", "person", [])])
    assert [e.id for e in library.entity_articles("Joe Biden")] == [joe]
    assert [e.id for e in library.entity_articles("Hunter Biden")] == [hunter]
    # The bare surname is ambiguous: it stays its own entity, and asking for "Biden" finds all.
    assert resolved_of(library, f"person:biden#{bare}") == f"person:biden#{bare}"
    assert {e.id for e in library.entity_articles("Biden")} == {joe, hunter, bare}


def test_two_bare_surnames_in_two_articles_are_two_entities(library: Library) -> None:
    first = add(library, "/s1.txt", "One", "Smith spoke.", [("Smith", "person", [])])
    second = add(library, "/s2.txt", "Two", "Smith wrote.", [("Smith", "person", [])])
    keys = {resolved_of(library, f"person:smith#{i}") for i in (first, second)}
    assert len(keys) == 2
    assert library.counts()["entities"] == 2


def test_forgetting_one_namesake_lets_the_bare_name_link_to_the_other(library: Library) -> None:
    joe = add(library, "/joe.txt", "One", "Joe Biden spoke.", [("Joe Biden", "person", [])])
    hunter = add(library, "/hunter.txt", "Two", "Hunter Biden spoke.", [("Hunter Biden", "person", [])])
    bare = add(library, "/bare.txt", "Three", "Biden spoke.", [("Biden", "person", [])])
    library.forget([hunter])
    assert resolved_of(library, f"person:biden#{bare}") == "person:joe biden"
    assert {e.id for e in library.entity_articles("Joe Biden")} == {joe, bare}


def test_an_alias_of_one_longer_name_joins_it_across_types_only_within_a_type(library: Library) -> None:
    full = add(library, "/us1.txt", "One", "The United States (US) said no.",
               [("United States", "place", ["US"])])
    short = add(library, "/us2.txt", "Two", "The US agreed.", [("US", "place", [])])
    other_type = add(library, "/us3.txt", "Three", "US Steel fell.", [("US", "organization", [])])
    assert {e.id for e in library.entity_articles("United States")} == {full, short}
    assert other_type not in {e.id for e in library.entity_articles("United States")}


def test_dates_and_numbers_are_not_indexed(library: Library) -> None:
    add(library, "/d.txt", "Dates", "On Tuesday 2022 things happened.",
        [("Tuesday", "date", []), ("2022", "date", [])])
    assert library.counts()["entities"] == 0
    assert library.entity_articles("Tuesday") == []


def test_speaker_claims_carry_disputes_both_ways(library: Library) -> None:
    body = "Vladimir Putin said his forces had entered the region. Kyiv branded the claim a lie."
    text = "Front\n\n" + body
    claims = [claim(text, "Vladimir Putin", "said", "his forces had entered the region"),
              claim(text, "Kyiv", "branded", "a lie", disputes=0)]
    entities = [("Vladimir Putin", "person", ["Putin"]), ("Kyiv", "place", [])]
    add(library, "/p.txt", "Front", body, entities, claims)
    [putin] = library.speaker_claims("Putin")
    assert putin.disputes is None
    assert [c["speaker_entity"] for c in putin.disputed_by] == ["Kyiv"]
    [kyiv] = library.speaker_claims("Kyiv")
    assert kyiv.disputes is not None and kyiv.disputes["speaker_entity"] == "Vladimir Putin"
    record = putin.record()
    assert set(record) == {"id", "title", "published", "site", "speaker_entity", "cue", "content", "kind",
                           "disputes", "disputed_by"}
    assert text[record["cue"]["start"]:record["cue"]["end"]] == "said"


def test_speaker_claims_come_in_date_order(library: Library) -> None:
    for path, date in (("/late.txt", "2025-03-09"), ("/early.txt", "2024-01-02")):
        body = f"Angela Merkel said the plan of {date} works."
        said = claim(f"{path}\n\n{body}", "Angela Merkel", "said", "the plan")
        record = make_record(path, body, [("Angela Merkel", "person", [])], [said], published=date)
        store_record(library, record, path)
    assert [c.published for c in library.speaker_claims("Angela Merkel")] == ["2024-01-02", "2025-03-09"]


def test_mentions_of_an_entity_in_one_article(library: Library) -> None:
    a = add(library, "/m.txt", "Summit", "Vladimir Putin spoke. Later Putin left.",
            [("Vladimir Putin", "person", ["Putin"])])
    spans = library.entity_mentions(a, "Putin")
    assert [s["text"] for s in spans] == ["Vladimir Putin", "Putin"]
