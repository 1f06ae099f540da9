"""Alias merging: one entity per referent, a canonical name, every mention quoting the text."""

from __future__ import annotations

from reader.core.model import EntityType
from reader.core.nlp.entities.aliases import Found, acronym_of, merge_mentions


def found_all(text: str, names: list[tuple[str, EntityType]]) -> list[Found]:
    """A Found for every occurrence of each name in ``text``, not inside a longer one listed first."""
    taken: set[int] = set()
    out = []
    for name, kind in names:
        start = text.find(name)
        while start >= 0:
            if start not in taken:
                out.append(Found(start, start + len(name), kind, name))
                taken.update(range(start, start + len(name)))
            start = text.find(name, start + 1)
    return out


def test_surname_joins_the_full_name() -> None:
    text = "Vladimir Putin spoke. Later Putin left."
    [entity] = merge_mentions(found_all(text, [("Vladimir Putin", "person"), ("Putin", "person")]), text)
    assert entity.name == "Vladimir Putin"
    assert entity.aliases == ("Putin",)
    assert [m.text for m in entity.mentions] == ["Vladimir Putin", "Putin"]


def test_shared_surname_goes_to_the_one_mentioned_most() -> None:
    text = "Serena Williams beat Venus Williams. Serena Williams was pleased. Williams smiled."
    entities = merge_mentions(found_all(text, [
        ("Serena Williams", "person"), ("Venus Williams", "person"), ("Williams", "person")]), text)
    assert [(e.name, len(e.mentions)) for e in entities] == [("Serena Williams", 3), ("Venus Williams", 1)]


def test_shared_surname_stays_apart_when_both_are_as_frequent() -> None:
    text = "Serena Williams beat Venus Williams. Williams was pleased."
    entities = merge_mentions(found_all(text, [
        ("Serena Williams", "person"), ("Venus Williams", "person"), ("Williams", "person")]), text)
    assert sorted(e.name for e in entities) == ["Serena Williams", "Venus Williams", "Williams"]


def test_country_spellings_merge_under_the_full_name() -> None:
    text = "The US and the U.S. Navy; the United States, America."
    names: list[tuple[str, EntityType]] = [("United States", "place"), ("U.S.", "place"),
                                           ("US", "place"), ("America", "place")]
    [entity] = merge_mentions(found_all(text, names), text)
    assert entity.name == "United States"
    assert set(entity.aliases) == {"US", "U.S.", "America"}
    assert len(entity.mentions) == 4


def test_a_country_keeps_its_usual_name_over_a_longer_official_one() -> None:
    text = "Russia said the Russian Federation would reply."
    names: list[tuple[str, EntityType]] = [("Russian Federation", "place"), ("Russia", "place")]
    [entity] = merge_mentions(found_all(text, names), text)
    assert entity.name == "Russia" and entity.aliases == ("Russian Federation",)


def test_acronym_joins_its_expansion() -> None:
    text = "The Andean Trade Council met. The ATC said no."
    names: list[tuple[str, EntityType]] = [("Andean Trade Council", "organization"), ("ATC", "organization")]
    [entity] = merge_mentions(found_all(text, names), text)
    assert entity.name == "Andean Trade Council" and entity.aliases == ("ATC",)


def test_acronym_skips_small_words() -> None:
    assert acronym_of("Organization of the Petroleum Exporting Countries") == "OPEC"
    assert acronym_of("Chile") == ""


def test_mentions_quote_the_original_text_and_names_the_normalized_one() -> None:
    text = "LIMA, Peru: Lima is calm."
    found = [Found(0, 4, "place", "Lima"), Found(12, 16, "place", "Lima")]
    [entity] = merge_mentions(found, text)
    assert entity.name == "Lima" and entity.aliases == ()
    assert [m.text for m in entity.mentions] == ["LIMA", "Lima"]


def test_different_types_stay_apart_and_dates_merge_only_when_identical() -> None:
    text = "Georgia voted on Monday; Georgia the singer sang on Monday and monday."
    found = [Found(0, 7, "place", "Georgia"), Found(25, 32, "person", "Georgia"),
             Found(17, 23, "date", "Monday"), Found(49, 55, "date", "Monday"),
             Found(60, 66, "date", "monday")]
    entities = merge_mentions(found, text)
    counts = [(e.type, len(e.mentions)) for e in entities]
    assert counts == [("place", 1), ("date", 2), ("person", 1), ("date", 1)]


def test_company_short_name_joins_its_full_name_but_not_a_generic_last_word() -> None:
    text = "Brackwater Group bought Orlen Holdings. Brackwater said the Group would grow."
    names: list[tuple[str, EntityType]] = [
        ("Brackwater Group", "organization"), ("Orlen Holdings", "organization"),
        ("Brackwater", "organization"), ("Group", "organization"),
    ]
    entities = merge_mentions(found_all(text, names), text)
    assert [(e.name, e.aliases) for e in entities] == [
        ("Brackwater Group", ("Brackwater",)), ("Orlen Holdings", ()), ("Group", ())]


def test_suffixes_middle_initials_short_given_names_and_double_barrelled_surnames_merge() -> None:
    text = ("Tomas Vell Jr. pleaded guilty. Tomas Vell Jr. wept. Tomas R. Vell signed; Tom Vell left. "
            "Ana Ortiz-Reyes sued, and Ana Reyes spoke. Lena Park-Holm paid; Holm smiled.")
    entities = merge_mentions(found_all(text, [
        ("Tomas Vell Jr.", "person"), ("Tomas R. Vell", "person"), ("Tom Vell", "person"),
        ("Ana Ortiz-Reyes", "person"), ("Ana Reyes", "person"), ("Lena Park-Holm", "person"),
        ("Holm", "person")]), text)
    assert [(e.name, len(e.mentions)) for e in entities] == [
        ("Tomas Vell Jr.", 4), ("Ana Ortiz-Reyes", 2), ("Lena Park-Holm", 2)]


def test_different_given_names_on_one_surname_stay_apart() -> None:
    text = "Patricia Holt spoke. Patrick Holt left. Al Holt stayed, and Alan Holt sang."
    entities = merge_mentions(found_all(text, [("Patricia Holt", "person"), ("Patrick Holt", "person"),
                                               ("Al Holt", "person"), ("Alan Holt", "person")]), text)
    assert len(entities) == 4


def test_a_company_word_shared_by_several_of_its_names_stays_its_own() -> None:
    from reader.core.nlp.entities.aliases import Found, merge_mentions

    text = "Corvane Watch Series, Corvane Watch Series and Corvane Arcade. Corvane said so."
    found = [Found(0, 20, "organization", "Corvane Watch Series"),
             Found(22, 42, "organization", "Corvane Watch Series"),
             Found(47, 61, "organization", "Corvane Arcade"),
             Found(63, 70, "organization", "Corvane")]
    assert [text[f.start:f.end] for f in found] == [f.name for f in found]
    names = {e.name: len(e.mentions) for e in merge_mentions(found, text)}
    assert names == {"Corvane": 1, "Corvane Watch Series": 2, "Corvane Arcade": 1}
