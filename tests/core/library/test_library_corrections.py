"""One person across articles, and the reader's corrections of it (issue 16): merge, split,
rename, retype, hide — remembered, applied to every article, and kept through re-import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from library_helpers import claim, make_record, store_record

from reader.core.library import Library
from reader.core.library.articles import replace_analysis
from reader.core.library.errors import AmbiguousEntity, UnknownEntity
from reader.core.library.store import transaction

Entities = list[tuple[str, str, list[str]]]


def record(title: str, body: str, entities: Entities, speaker: str | None = None,
           content: str | None = None) -> dict[str, Any]:
    text = f"{title}\n\n{body}"
    claims = [claim(text, speaker, "said", content)] if speaker and content else []
    return make_record(title, body, entities, claims)


def ids(found: list[Any]) -> set[str]:
    return {item.id for item in found}


def reimport(library: Library, path: str, again: dict[str, Any]) -> str:
    """Forget the article at ``path`` and store it again (its index rows are made anew)."""
    found = library.resolve(path)
    assert found is not None
    library.forget([found])
    return store_record(library, again, path)


# -- one person across articles --------------------------------------------------------------


def test_titles_surnames_and_a_resolved_description_are_one_person(library: Library) -> None:
    titled = store_record(library, record("A", "President Vladimir Putin spoke.",
                                          [("President Vladimir Putin", "person", [])]), "/a.txt")
    full = store_record(library, record("B", "Vladimir Putin spoke. Russia's president left.",
                                        [("Vladimir Putin", "person", ["Russia's president"])]), "/b.txt")
    bare = store_record(library, record("C", "Putin said the war goes well.", [("Putin", "person", [])],
                                        "Putin", "the war goes well"), "/c.txt")
    assert ids(library.entity_articles("Vladimir Putin")) == {titled, full, bare}
    assert ids(library.entity_articles("Russia's president")) == {titled, full, bare}
    assert [c.id for c in library.speaker_claims("Vladimir Putin")] == [bare]
    assert library.counts()["entities"] == 1


def test_namesakes_without_a_shared_full_name_stay_apart(library: Library) -> None:
    store_record(library, record("A", "Tom Smith spoke.", [("Tom Smith", "person", ["Smith"])]), "/a.txt")
    store_record(library, record("B", "Ann Smith spoke.", [("Ann Smith", "person", ["Smith"])]), "/b.txt")
    bare = store_record(library, record("C", "Smith spoke.", [("Smith", "person", [])]), "/c.txt")
    assert ids(library.entity_articles("Tom Smith")) == {library.resolve("/a.txt")}
    assert bare not in ids(library.entity_articles("Ann Smith"))
    with pytest.raises(AmbiguousEntity):
        library.rename_entity("Smith", "Somebody")
    with pytest.raises(UnknownEntity):
        library.hide_entity("Nobody Here")


# -- merge ---------------------------------------------------------------------------------------


def test_merge_joins_two_entities_everywhere_and_survives_reimport(library: Library) -> None:
    first = record("A", "Volodymyr Zelensky said peace is near.", [("Volodymyr Zelensky", "person", [])],
                   "Volodymyr Zelensky", "peace is near")
    second = record("B", "Volodymyr Zelenskyy said aid is late.", [("Volodymyr Zelenskyy", "person", [])],
                    "Volodymyr Zelenskyy", "aid is late")
    a, b = store_record(library, first, "/a.txt"), store_record(library, second, "/b.txt")
    assert ids(library.entity_articles("Volodymyr Zelensky")) == {a}
    made = library.merge_entities("Volodymyr Zelenskyy", "Volodymyr Zelensky")
    assert made is not None and made.kind == "merge"
    assert made.subject == "person:volodymyr zelenskyy" and made.value == "person:volodymyr zelensky"
    assert ids(library.entity_articles("Volodymyr Zelensky")) == {a, b}
    assert ids(library.speaker_claims("Volodymyr Zelensky")) == {a, b}
    assert library.merge_entities("Volodymyr Zelenskyy", "Volodymyr Zelensky") is None  # one already
    reimport(library, "/b.txt", second)
    reimport(library, "/a.txt", first)
    assert ids(library.entity_articles("Volodymyr Zelenskyy")) == {a, b}
    assert [c.kind for c in library.entity_corrections()] == ["merge"]
    library.remove_correction(made.id)
    assert ids(library.entity_articles("Volodymyr Zelensky")) == {a}
    assert library.entity_corrections() == []


# -- split ---------------------------------------------------------------------------------------


def test_split_makes_an_entity_of_its_own_in_the_named_articles_only(library: Library) -> None:
    runner = record("A", "John Smith said the race was hard.", [("John Smith", "person", ["Smith"])],
                    "John Smith", "the race was hard")
    banker = record("B", "John Smith said rates will rise. Smith left.",
                    [("John Smith", "person", ["Smith"])], "John Smith", "rates will rise")
    a, b = store_record(library, runner, "/a.txt"), store_record(library, banker, "/b.txt")
    assert ids(library.entity_articles("John Smith")) == {a, b}
    made = library.split_entity("John Smith", ["/b.txt"])
    assert made.articles == (b,) and made.value is not None
    assert ids(library.entity_articles("John Smith")) == {a}
    assert ids(library.speaker_claims("John Smith")) == {a}
    assert ids(library.entity_articles(made.value)) == {b}
    assert [c.claim["content"][0]["text"] for c in library.speaker_claims(made.value)] == ["rates will rise"]
    library.rename_entity(made.value, "John Smith (banker)")
    assert ids(library.speaker_claims("John Smith (banker)")) == {b}
    # Re-import, both ways: the article analysed again in place, and forgotten then added again.
    with library.lock, transaction(library.conn):
        num = library.conn.execute("SELECT num FROM articles WHERE id = ?", (b,)).fetchone()[0]
        replace_analysis(library.conn, num, banker)
    assert ids(library.entity_articles("John Smith")) == {a}
    reimport(library, "/b.txt", banker)
    assert ids(library.entity_articles("John Smith")) == {a}
    assert ids(library.speaker_claims("John Smith (banker)")) == {b}
    for correction in reversed(library.entity_corrections()):
        library.remove_correction(correction.id)
    assert ids(library.entity_articles("John Smith")) == {a, b}


def test_a_split_bare_surname_leaves_other_articles_linked(library: Library) -> None:
    full = record("A", "Vladimir Putin spoke.", [("Vladimir Putin", "person", ["Putin"])])
    store_record(library, full, "/a.txt")
    b = store_record(library, record("B", "Putin said it rained.", [("Putin", "person", [])], "Putin",
                                     "it rained"), "/b.txt")
    c = store_record(library, record("C", "Putin said it snowed.", [("Putin", "person", [])], "Putin",
                                     "it snowed"), "/c.txt")
    assert library.entity_in_article(c, "Putin") == "person:vladimir putin"
    library.split_entity("Vladimir Putin", [c])
    assert ids(library.speaker_claims("Vladimir Putin")) == {b}
    assert c not in ids(library.entity_articles("Vladimir Putin"))
    split_off = library.entity_in_article(c, "Putin")
    assert split_off is not None and split_off.startswith("person:vladimir putin#split")
    assert ids(library.speaker_claims(split_off)) == {c}
    assert library.entity_in_article(b, "Nobody") is None


# -- rename, retype, hide ------------------------------------------------------------------------


def test_rename_retype_and_hide_are_remembered_through_reimport(library: Library) -> None:
    kursk = record("A", "Kursk was shelled. Kyiv said the army held.", [("Kursk", "person", []),
                                                                        ("Kyiv", "place", [])])
    store_record(library, kursk, "/a.txt")
    library.retype_entity("Kursk", "place")
    library.rename_entity("Kyiv", "Kyiv (city)")
    library.hide_entity("Kursk")
    assert {c.kind for c in library.entity_corrections()} == {"retype", "rename", "hide"}
    reimport(library, "/a.txt", kursk)
    assert library.top_entities("person") == []
    assert library.top_entities("place") == [("Kyiv (city)", 1)]  # Kursk is a place, hidden
    assert [name for _, name in library.hidden_entities()] == ["Kursk"]
    assert ids(library.entity_articles("Kyiv (city)")) == ids(library.entity_articles("Kyiv"))
    for correction in library.entity_corrections():
        library.remove_correction(correction.id)
    assert dict(library.top_entities("person")) == {"Kursk": 1}
    assert dict(library.top_entities("place")) == {"Kyiv": 1}
    with pytest.raises(ValueError):
        library.retype_entity("Kyiv", "date")


def test_a_split_follows_the_edited_copy_of_its_article(library: Library, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.core.library import importer

    def analysed(path: str, analysis: bool) -> dict[str, Any]:  # what extraction and analysis would give
        body = Path(path).read_text(encoding="utf-8")
        content = body.split(" said ", 1)[1].split(".")[0]
        return record(path, body, [("John Smith", "person", ["Smith"])], "John Smith", content)

    monkeypatch.setattr(importer, "record_for_library", analysed)
    runner, banker = tmp_path / "a.txt", tmp_path / "b.txt"
    runner.write_text("John Smith said the race was hard.", encoding="utf-8")
    banker.write_text("John Smith said rates will rise.", encoding="utf-8")
    first, second = (r.id for r in library.import_paths([runner, banker], workers=0))
    made = library.split_entity("John Smith", [str(banker)])
    assert made.value is not None and ids(library.entity_articles(made.value)) == {second}
    banker.write_text("John Smith said rates will rise. Smith left the bank.", encoding="utf-8")
    [edited] = library.import_paths([banker], workers=0)
    assert edited.status == "updated" and edited.id not in (first, second)
    assert edited.id in library.entity_corrections()[0].articles
    assert edited.id in ids(library.entity_articles(made.value))
    assert ids(library.entity_articles("John Smith")) == {first}
