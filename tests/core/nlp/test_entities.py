"""Entities above the model: cleanup, phrases, gazetteer, consistency, merging.

Unit tests feed hand-labelled spans on a blank English pipeline (no model); the seed test
runs the real model and is marked slow.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from reader.core.model import Entity
from reader.core.nlp.entities import find_entities

BLANK = spacy.blank("en")


def labelled(text: str, *labels: tuple[str, str]) -> Doc:
    """``text`` tokenized, with each (surface, label), given in text order, marked."""
    doc = BLANK(text)
    spans, pos = [], 0
    for surface, label in labels:
        start = text.index(surface, pos)
        pos = start + len(surface)
        span = doc.char_span(start, start + len(surface), label=label)
        assert span is not None, surface
        spans.append(span)
    doc.ents = spans
    return doc


def by_name(entities: list[Entity]) -> dict[str, tuple[str, list[str]]]:
    return {e.name: (e.type, [m.text for m in e.mentions]) for e in entities}


def test_leading_the_and_trailing_possessive_are_trimmed() -> None:
    text = "Fans of the Leicester Tigers's rivals cheered."
    found = by_name(find_entities(labelled(text, ("the Leicester Tigers's", "ORG")), text))
    assert found == {"Leicester Tigers": ("organization", ["Leicester Tigers"])}


def test_spans_split_at_free_dashes_and_line_breaks_not_hyphens() -> None:
    text = "Result: Wasps - Saracens\nLi Song-ho spoke."
    doc = labelled(text, ("Wasps - Saracens\nLi Song-ho", "ORG"))
    mentions = [m.text for e in find_entities(doc, text) for m in e.mentions]
    assert mentions == ["Wasps", "Saracens", "Li Song-ho"]


def test_lower_case_edge_words_are_dropped() -> None:
    text = "He praised pro-Zorvex leaders in Grozny yesterday."
    doc = labelled(text, ("pro-Zorvex leaders", "NORP"), ("Grozny yesterday", "GPE"))
    assert [(e.name, e.type) for e in find_entities(doc, text)] == [("Zorvex", "group"), ("Grozny", "place")]


def test_dates_shed_names_at_their_edges_but_keep_their_commas() -> None:
    text = "Lima 2024-05-01\nThe vote of August 30, 1996 stood."
    doc = labelled(text, ("Lima 2024-05-01", "DATE"), ("August 30, 1996", "DATE"))
    assert by_name(find_entities(doc, text)) == {
        "Lima": ("place", ["Lima"]), "2024-05-01": ("date", ["2024-05-01"]),
        "August 30, 1996": ("date", ["August 30, 1996"])}


def test_a_nationality_before_a_full_name_is_split_off_and_the_rest_is_a_person() -> None:
    text = "Australian Tomas Brekke won, ahead of Christian Olsen Vik and American Express Co. today"
    doc = labelled(text, ("Australian Tomas Brekke", "ORG"), ("Christian Olsen Vik", "PERSON"),
                   ("American Express Co.", "ORG"))
    found = {name: kind for name, (kind, _) in by_name(find_entities(doc, text)).items()}
    assert found == {"Australian": "group", "Tomas Brekke": "person", "Christian Olsen Vik": "person",
                     "American Express Co.": "organization"}


def test_one_form_gets_one_type_and_a_known_place_beats_a_person_label() -> None:
    text = "Kyiv said no. Troops left Kyiv. Kyiv wants talks."
    doc = labelled(text, ("Kyiv", "PERSON"), ("Kyiv", "GPE"), ("Kyiv", "PERSON"))
    assert by_name(find_entities(doc, text)) == {"Kyiv": ("place", ["Kyiv", "Kyiv", "Kyiv"])}


def test_strongest_evidence_wins_for_an_unknown_name() -> None:
    text = "Zorvex rose. Zorvex fell. Analysts watched Zorvex."
    doc = labelled(text, ("Zorvex", "ORG"), ("Zorvex", "ORG"), ("Zorvex", "PERSON"))
    assert by_name(find_entities(doc, text)) == {"Zorvex": ("organization", ["Zorvex"] * 3)}


def test_a_full_name_keeps_its_surname_a_person_even_if_it_is_a_city() -> None:
    text = "Andrew Jackson arrived. Jackson spoke."
    doc = labelled(text, ("Andrew Jackson", "PERSON"), ("Jackson", "GPE"))
    assert by_name(find_entities(doc, text)) == {"Andrew Jackson": ("person", ["Andrew Jackson", "Jackson"])}


def test_a_company_s_short_name_is_the_company() -> None:
    text = "Brackwater Group bought it. Brackwater declined to comment."
    doc = labelled(text, ("Brackwater Group", "ORG"), ("Brackwater", "PERSON"))
    assert by_name(find_entities(doc, text)) == {
        "Brackwater Group": ("organization", ["Brackwater Group", "Brackwater"])}


def test_surname_mentions_the_model_missed_are_found() -> None:
    text = "Novak Djokovic won. Djokovic then rested."
    doc = labelled(text, ("Novak Djokovic", "PERSON"))
    assert by_name(find_entities(doc, text)) == {"Novak Djokovic": ("person", ["Novak Djokovic", "Djokovic"])}


def test_countries_are_found_without_the_model_but_not_common_words() -> None:
    text = "Talks in Chile went well; the chile sauce did not."
    assert by_name(find_entities(labelled(text), text)) == {"Chile": ("place", ["Chile"])}


def test_national_defence_ministry_is_an_organization() -> None:
    text = "The Chilean defence ministry said so."
    found = by_name(find_entities(labelled(text, ("Chilean", "NORP")), text))
    assert found == {"Chilean defence ministry": ("organization", ["Chilean defence ministry"])}


def test_possessive_administration_stays_a_person() -> None:
    text = "The Lula administration and Lula's administration."
    doc = labelled(text, ("Lula", "PERSON"), ("Lula", "PERSON"))
    entities = find_entities(doc, text)
    named = [(e.name, e.type) for e in entities]
    assert named == [("Lula administration", "organization"), ("Lula", "person")]


def test_village_of_names_a_place() -> None:
    text = "Troops entered the village of Ostrivka at dawn."
    doc = labelled(text, ("Ostrivka", "ORG"))
    assert by_name(find_entities(doc, text)) == {"Ostrivka": ("place", ["Ostrivka"])}


def test_names_in_results_lines_are_teams_but_countries_stay_places() -> None:
    text = "Lima 2024-05-01\nDivision two\nWrexham 2 Walsall 1\nBrazil 3 Chile 0\nTreviso 70 63 .526 4"
    doc = labelled(text, ("Wrexham", "GPE"), ("Brazil", "GPE"), ("70 63", "DATE"))
    found = {name: kind for name, (kind, _) in by_name(find_entities(doc, text)).items()}
    assert {k: v for k, v in found.items() if v in {"organization", "place"}} == {
        "Lima": "place", "Wrexham": "organization", "Walsall": "organization", "Brazil": "place",
        "Chile": "place", "Treviso": "organization"}


def test_people_in_fixture_lines_stay_people() -> None:
    text = "Second round\nSampras v Agassi\nWasps v Saracens"
    doc = labelled(text, ("Sampras", "PERSON"), ("Agassi", "PERSON"))
    found = {name: kind for name, (kind, _) in by_name(find_entities(doc, text)).items()}
    assert found == {"Sampras": "person", "Agassi": "person", "Wasps": "organization",
                     "Saracens": "organization"}


def test_bracketed_acronym_is_merged_with_its_name() -> None:
    text = "The Andean Trade Council ( ATC ) met. Later the ATC left."
    doc = labelled(text, ("Andean Trade Council", "ORG"))
    assert by_name(find_entities(doc, text)) == {
        "Andean Trade Council": ("organization", ["Andean Trade Council", "ATC", "ATC"])}


def seed_story(path: Path) -> str:
    """The seed's story as the extractor gives it: title, blank line, paragraphs (no tail)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    story = lines[:lines.index("-")]
    return story[0] + "\n\n" + "\n\n".join(story[1:])


@pytest.mark.slow
def test_seed_entities_are_exactly_right(seed_path: Path) -> None:
    from reader.core.nlp.entities import find_entities as find
    from reader.core.nlp.spacy_model import parse

    text = seed_story(seed_path)
    entities = find(parse(text), text)
    got: dict[str, set[str]] = {}
    for entity in entities:
        got.setdefault(entity.type, set()).add(entity.name)
        assert all(text[m.start:m.end] == m.text for m in entity.mentions)
    assert got.pop("place") == {"Ukraine", "Russia", "Sumy", "Kursk", "Kyiv", "Saudi Arabia",
                                "United States", "Novenke"}
    assert got.pop("person") == {"Donald Trump", "Vladimir Putin"}
    assert got.pop("organization") == {"Russian defence ministry"}
    assert got.pop("group") == {"Russian", "Ukrainian"}
    assert got.pop("date") == {"Sunday", "2022", "next week", "mid-February"}
    assert set(got) <= {"number"}  # "first", "four": counts, not names
    named = {e.name: e for e in entities}
    assert "KYIV" in [m.text for m in named["Kyiv"].mentions]
    assert set(named["United States"].aliases) == {"US"} and len(named["United States"].mentions) == 3
    assert [m.text for m in named["Ukraine"].mentions][:2] == ["Ukraine", "Ukraine"]


@pytest.mark.slow
def test_a_name_described_as_an_organization_is_one() -> None:
    from reader.core.nlp import analyze

    text = ("The wildlife charity Vogelbescherming warned that the new dam would flood nesting "
            "grounds, and the carmaker Lindqvist said on Friday it would move its plant.")
    types = {e.name: e.type for e in analyze(text).entities}
    assert types.get("Vogelbescherming") == "organization"
    assert types.get("Lindqvist") == "organization"
    assert "Friday" not in {name for name, kind in types.items() if kind == "organization"}


def test_a_role_before_a_name_and_who_after_it_make_a_person() -> None:
    text = "Fox News host Darla Quint spoke. Montell Briggs, who represents him, agreed."
    doc = labelled(text, ("Fox News", "ORG"), ("Darla Quint", "ORG"), ("Montell Briggs", "ORG"))
    found = {name: kind for name, (kind, _) in by_name(find_entities(doc, text)).items()}
    assert found == {"Fox News": "organization", "Darla Quint": "person", "Montell Briggs": "person"}


def test_a_team_taking_who_stays_a_team() -> None:
    text = "Essex, who won on Friday, lead the table."
    doc = labelled(text, ("Essex", "ORG"))
    assert by_name(find_entities(doc, text))["Essex"][0] == "organization"


def test_a_name_a_job_belongs_to_is_an_organization() -> None:
    text = "Dana Holt, an analyst at Velora, spoke. Kestrel's CEO agreed. France's president did not."
    doc = labelled(text, ("Dana Holt", "PERSON"), ("Velora", "PERSON"), ("Kestrel", "PERSON"),
                   ("France", "GPE"))
    found = {name: kind for name, (kind, _) in by_name(find_entities(doc, text)).items()}
    assert found == {"Dana Holt": "person", "Velora": "organization", "Kestrel": "organization",
                     "France": "place"}


def test_examples_of_a_works_noun_and_names_ending_like_events_are_no_people() -> None:
    text = "She plays franchises such as Iron Meridian and Skyfall Drift, and watched the Nordic Cup."
    doc = labelled(text, ("Iron Meridian", "PERSON"), ("Skyfall Drift", "ORG"), ("the Nordic Cup", "PERSON"))
    found = {name: kind for name, (kind, _) in by_name(find_entities(doc, text)).items()}
    assert found == {"Iron Meridian": "work", "Skyfall Drift": "work", "Nordic Cup": "event"}


def test_a_title_keeps_its_possessive_and_its_last_word_alone_is_no_name() -> None:
    text = "Buyers of the Collector's Edition bundle cheered. Lena Holt won the Open."
    doc = labelled(text, ("the Collector's Edition", "ORG"), ("Lena Holt", "PERSON"), ("Open", "PERSON"))
    assert by_name(find_entities(doc, text)) == {
        "Collector's Edition": ("product", ["Collector's Edition"]), "Lena Holt": ("person", ["Lena Holt"])}


def test_a_body_of_people_taking_who_stays_an_organization() -> None:
    text = "Allied Border Forces, who patrol the river, left."
    doc = labelled(text, ("Allied Border Forces", "ORG"))
    assert by_name(find_entities(doc, text))["Allied Border Forces"][0] == "organization"


def test_a_full_name_listed_with_a_person_is_a_person_and_a_score_is_no_sequel() -> None:
    text = ("Erik Ramsey and Bode Jansen scored. Goldman Sachs and Morgan Stanley fell. "
            "Lena Holt beat Okada 6-2.")
    doc = labelled(text, ("Erik Ramsey", "PERSON"), ("Bode Jansen", "ORG"), ("Goldman Sachs", "ORG"),
                   ("Morgan Stanley", "ORG"), ("Lena Holt", "PERSON"), ("Okada 6-2", "PERSON"))
    found = {name: kind for name, (kind, _) in by_name(find_entities(doc, text)).items()}
    assert found == {"Erik Ramsey": "person", "Bode Jansen": "person", "Goldman Sachs": "organization",
                     "Morgan Stanley": "organization", "Lena Holt": "person", "Okada": "person"}


def test_a_newspaper_or_a_place_listed_beside_a_person_keeps_its_type() -> None:
    text = ("Papers including the Fresno Ledger, Tampa Herald and Omaha City Star fell. "
            "Liu of Velden Hospital and Chris Kuo wrote.")
    doc = labelled(text, ("the Fresno Ledger", "ORG"), ("Tampa Herald", "PERSON"),
                   ("Omaha City Star", "ORG"), ("Velden Hospital", "ORG"), ("Chris Kuo", "PERSON"))
    found = {name: kind for name, (kind, _) in by_name(find_entities(doc, text)).items()}
    assert found["Omaha City Star"] == "organization" and found["Velden Hospital"] == "organization"


def test_a_one_word_person_always_after_the_is_a_place_but_a_family_is_not() -> None:
    text = "Landers will reach the Moon by 2030. Hana Clinton spoke, and the Clintons left."
    doc = labelled(text, ("the Moon", "PERSON"), ("Hana Clinton", "PERSON"), ("Clintons", "PERSON"))
    found = {name: kind for name, (kind, _) in by_name(find_entities(doc, text)).items()}
    assert found["Moon"] == "place" and found["Clintons"] == "person"


def test_a_nationality_is_a_group_not_a_place_or_a_person() -> None:
    text = "He told the Ukrainian that Tajikstan and Armen Dolan agreed, said a Welsh fan."
    doc = labelled(text, ("Ukrainian", "GPE"), ("Tajikstan", "GPE"), ("Armen Dolan", "PERSON"),
                   ("Welsh", "PERSON"))
    found = {name: kind for name, (kind, _) in by_name(find_entities(doc, text)).items()}
    assert found == {"Ukrainian": "group", "Tajikstan": "place", "Armen Dolan": "person", "Welsh": "group"}


def test_titles_and_jobs_alone_name_no_one_and_defeated_splits_a_result() -> None:
    text = "Said Dana Holt, Director, Velora Securities. Lt Col Ivo Brandt spoke. Palmer d. Eastwood 25-12."
    doc = labelled(text, ("Dana Holt", "PERSON"), ("Director", "PERSON"), ("Velora Securities", "ORG"),
                   ("Lt Col", "PERSON"), ("Ivo Brandt", "PERSON"), ("Palmer d. Eastwood", "PERSON"))
    found = {name: kind for name, (kind, _) in by_name(find_entities(doc, text)).items()}
    assert found == {"Dana Holt": "person", "Velora Securities": "organization", "Ivo Brandt": "person",
                     "Palmer": "person", "Eastwood": "person"}


def test_a_name_mostly_after_the_and_an_adjective_is_a_thing() -> None:
    text = "Crews reach the orbital Outpost, then the Outpost docks. No Outpost is needed, said Ana Ruiz."
    doc = labelled(text, ("Outpost", "PERSON"), ("Outpost", "PERSON"), ("Outpost", "PERSON"),
                   ("Ana Ruiz", "PERSON"))
    found = {name: kind for name, (kind, _) in by_name(find_entities(doc, text)).items()}
    assert found == {"Outpost": "place", "Ana Ruiz": "person"}


def test_camel_case_brands_and_studio_names_are_organizations_not_people() -> None:
    text = ("OrbitNova built it with Lantern Works and Brightwave Productions, said Ron McKenna "
            "and Ana DeLuca.")
    doc = labelled(text, ("OrbitNova", "PERSON"), ("Lantern Works", "PERSON"),
                   ("Brightwave Productions", "PERSON"), ("Ron McKenna", "PERSON"), ("Ana DeLuca", "PERSON"))
    found = {name: kind for name, (kind, _) in by_name(find_entities(doc, text)).items()}
    assert found == {"OrbitNova": "organization", "Lantern Works": "organization",
                     "Brightwave Productions": "organization", "Ron McKenna": "person",
                     "Ana DeLuca": "person"}
