"""Organizations the context names (company nouns in apposition, holdings, plural verbs,
reports credited to an outlet) whatever the model labelled them: sentences written for these
tests with invented names (issue 19, round 2)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from spacy.tokens import Doc


def types_of(text: str) -> dict[str, str]:
    from reader.core.nlp import analyze

    return {e.name: e.type for e in analyze(text).entities}


@pytest.mark.slow
def test_a_company_in_apposition_and_with_its_shares_is_an_organization_everywhere() -> None:
    found = types_of("Tarvex is set to raise up to $12bn in its Hong Kong listing. Tarvex, the "
                     "Chinese e-commerce giant, said demand was strong. Tarvex's shares rose 3% "
                     "in New York.")
    assert found.get("Tarvex") == "organization"
    assert found.get("Hong Kong") == "place"


@pytest.mark.slow
def test_shares_of_a_name_make_it_a_company_but_a_stake_in_what_a_person_owns_does_not() -> None:
    assert types_of("Investors bought shares of Ostravel on Monday.").get("Ostravel") == "organization"
    found = types_of("The beauty group took a majority stake in Marla Quint's cosmetics company.")
    assert found.get("Marla Quint") == "person"


@pytest.mark.slow
def test_a_singular_name_with_a_plural_verb_is_a_team() -> None:
    found = types_of("Dunmore started strongly. But Dunmore were unable to capitalise on "
                     "their numerical advantage.")
    assert found.get("Dunmore") == "organization"


@pytest.mark.slow
def test_a_plural_verb_after_a_list_or_another_subject_says_nothing() -> None:
    found = types_of("A wrist injury to veteran Lina Marquesa have forced the coach to wait.")
    assert found.get("Lina Marquesa") == "person"


@pytest.mark.slow
def test_a_mislabelled_long_name_follows_its_company() -> None:
    from reader.core.nlp import analyze

    entities = analyze("Vondrel said on Friday it would expand in China. Vondrel shares rose 4% in "
                       "Milan. Analysts said the deal helps Vondrel's workforce. Vondrel Cables "
                       "has global sales of over $3.5 billion.").entities
    company = next(e for e in entities if e.name == "Vondrel Cables")
    assert company.type == "organization" and "Vondrel" in company.aliases


@pytest.mark.slow
def test_a_name_credited_with_a_report_is_an_outlet_unless_a_known_place() -> None:
    found = types_of("The landlord is being investigated, Vellmark reported on Tuesday.")
    assert found.get("Vellmark") == "organization"
    assert types_of("Cases rose sharply, Ohio reported on Tuesday.").get("Ohio") == "place"


@pytest.mark.slow
def test_a_date_after_a_company_noun_stays_a_date() -> None:
    found = types_of("Regulators and the federal safety agency Saturday launched a campaign.")
    assert found.get("Saturday") == "date"



@pytest.mark.parametrize(("form", "shouted"), [("GET OUT", True), ("GO FOR IT", True),
                                               ("US", False), ("NEW YORK", False), ("Get Out", False)])
def test_a_shouted_phrase_is_function_words_in_capitals(form: str, shouted: bool) -> None:
    from reader.core.nlp.entities import is_shouted_phrase

    assert is_shouted_phrase(form) is shouted



@pytest.mark.slow
def test_a_name_listed_among_companies_is_a_company() -> None:
    found = types_of("The agency picked Draper, Intuitive Machines, Firefly Aerospace and Varden "
                     "Hollis for the lunar work, officials said.")
    assert found.get("Varden Hollis") == "organization"


def labelled_doc(words: list[str], tags: list[str]) -> Doc:
    """A doc with the entity labels given (IOB tags), as the model might have labelled it."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    return Doc(Vocab(), words=words, ents=tags)


@pytest.mark.parametrize(("words", "tags", "listed"), [
    # "Alder Works, Brent Labs and Holmdel" after two organizations: one of them
    (["Alder", "Works", ",", "Brent", "Labs", "and", "Holmdel"],
     ["B-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "O", "B-GPE"], True),
    # an address: commas alone make no list
    (["Alder", "Works", ",", "Holmdel", ",", "NJ"], ["B-ORG", "I-ORG", "O", "B-GPE", "O", "B-ORG"], False),
    # a person among them: a list of people and bodies says nothing
    (["Alder", "Works", ",", "Brent", "Labs", ",", "Ann", "Fry", "and", "Holmdel"],
     ["B-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON", "O", "B-GPE"], False),
])
def test_a_list_of_organizations_needs_a_conjunction_two_of_them_and_no_person(
        words: list[str], tags: list[str], listed: bool) -> None:
    from reader.core.nlp.entities import is_listed_with_orgs

    doc = labelled_doc(words, tags)
    holmdel = words.index("Holmdel")
    assert is_listed_with_orgs(doc, (holmdel, holmdel + 1)) is listed


@pytest.mark.slow
def test_a_team_before_its_manager_and_after_manager_of_is_an_organization() -> None:
    found = types_of("Carlo Benedetti was named manager of Dunmore Rovers on Tuesday. Dunmore "
                     "Rovers manager Carlo Benedetti said he was delighted.")
    assert found.get("Dunmore Rovers") == "organization"
    assert found.get("Carlo Benedetti") == "person"


@pytest.mark.slow
def test_a_title_with_a_colon_written_twice_is_one_work_and_its_subtitle_stands_for_it() -> None:
    from reader.core.nlp import analyze

    entities = analyze("Moonfall Saga: Broken Crown review – a fine game\n\nEven if its parts are "
                       "borrowed, Moonfall Saga: Broken Crown finds a reason for them. Broken "
                       "Crown's story follows Ada Quell, a pilot. Moonfall Saga: Broken Crown is "
                       "out on Friday.").entities
    work = next(e for e in entities if e.name == "Moonfall Saga: Broken Crown")
    assert work.type == "work" and "Broken Crown" in work.aliases
    assert not any(e.name in ("Moonfall Saga", "Broken Crown") for e in entities)


@pytest.mark.slow
def test_a_headline_colon_or_an_interview_question_is_no_title() -> None:
    found = types_of("Tarsia and Velmont: Border Forces Block Return\n\nQ: What happened?\n\n"
                     "Q: What next? Officials in Tarsia said the border stayed shut.")
    assert not any(":" in name for name in found)


@pytest.mark.slow
def test_a_team_managed_is_an_organization_but_a_coach_by_title_is_a_person() -> None:
    found = types_of("Carlo Benedetti returned to England to manage Dunmore Rovers in 2016. "
                     "Coach Ansel Brückner has called up the same squad.")
    assert found.get("Dunmore Rovers") == "organization"
    assert found.get("Ansel Brückner") == "person"


@pytest.mark.slow
def test_a_name_before_devices_or_products_is_their_maker() -> None:
    found = types_of("Shoppers tend to be interested in deals on Corvane devices. It makes sense "
                     "since Corvane products are pricey.")
    assert found.get("Corvane") == "organization"


CLUB_STORY = """Ansel Ruiz agrees deal to become Harlow manager

Ansel Ruiz has agreed a deal to become Harlow's manager until the end of the season.
The club said the coach will meet the squad on Friday.

Harlow posted an image of Ruiz holding up a Harlow shirt on Wednesday.

— Harlow Wanderby (@HarlowOfficial) November 20, 2019

Ruiz scored goals in the league for years."""


@pytest.mark.slow
def test_a_town_written_as_its_club_makes_the_clubs_full_name_an_organization() -> None:
    from reader.core.nlp import analyze

    club = next(e for e in analyze(CLUB_STORY).entities if e.name == "Harlow Wanderby")
    assert club.type == "organization" and "Harlow" in club.aliases


@pytest.mark.slow
def test_a_nationality_before_boss_stays_a_group() -> None:
    found = types_of(CLUB_STORY + "\n\nThe Portuguese boss had been out of work since May.")
    assert found.get("Portuguese") != "organization"


@pytest.mark.slow
def test_a_one_word_subject_going_on_with_its_is_no_person() -> None:
    found = types_of("Brennick posted an image of the new coach holding a shirt from its "
                     "Twitter account on Wednesday. Brennick said the deal was done.")
    assert found.get("Brennick") == "organization"


@pytest.mark.slow
def test_a_coined_exit_or_craze_is_no_place() -> None:
    found = types_of("Velmont and Tarsia attacked each other's policies on Tarsexit, health care "
                     "and the economy. Tarsexit dominated the campaign in Velmont.")
    assert found.get("Tarsexit") not in ("place", "person")


def test_a_person_listed_with_names_now_typed_companies_is_one_on_the_second_look() -> None:
    from reader.core.nlp.entities import Tally, people_listed_with_orgs

    words = ["includes", "Draper", ",", "Varden", "Hollis", ",", "and", "Quintec", "Lane", "."]
    doc = labelled_doc(words, ["O", "B-ORG", "O", "B-PERSON", "I-PERSON", "O", "O", "B-PERSON",
                               "I-PERSON", "O"])
    votes = {(1, 2): Tally(), (3, 5): Tally(), (7, 9): Tally()}
    contexts = {"Draper": Tally(), "Varden Hollis": Tally(), "Quintec Lane": Tally()}
    types = {"Draper": "organization", "Varden Hollis": "organization", "Quintec Lane": "person"}
    assert people_listed_with_orgs(doc, votes, types, contexts) == {"Quintec Lane"}
    types["Draper"] = "person"  # a person among them: nothing follows
    assert people_listed_with_orgs(doc, votes, types, contexts) == set()


@pytest.mark.slow
def test_a_name_the_text_calls_a_town_is_a_place_however_the_model_labels_it() -> None:
    found = types_of("Brennick is a town in mourning. Brennick has asked to be left alone with "
                     "its grief. Brennick lost eleven miners.")
    assert found.get("Brennick") == "place"


@pytest.mark.slow
def test_a_person_with_a_possessed_town_stays_a_person() -> None:
    found = types_of("Mayor Ellis Tarrow said on Monday that the town's budget was short. Ellis "
                     "Tarrow is the town's mayor.")
    assert found.get("Ellis Tarrow") == "person"


@pytest.mark.slow
def test_a_name_after_daily_or_weekly_is_a_publication() -> None:
    found = types_of("Klinsmann was quoted as saying by the daily Tarvo Zeitung on Saturday.")
    assert found.get("Tarvo Zeitung") == "organization"


@pytest.mark.parametrize(("words", "tags", "club"), [
    (["Dunmore", "'s", "Ellis", "Varga", "scored"], ["B-PERSON", "O", "B-PERSON", "I-PERSON", "O"], True),
    (["Dunmore", "'s", "manager", "left"], ["B-PERSON", "O", "O", "O"], True),
    (["Dunmore", "'s", "wife", "left"], ["B-PERSON", "O", "O", "O"], False),
])
def test_a_club_has_players_and_a_manager(words: list[str], tags: list[str], club: bool) -> None:
    from reader.core.nlp.entities import is_club_thing

    assert is_club_thing(labelled_doc(words, tags), (0, 1)) is club


@pytest.mark.slow
def test_the_agent_of_published_is_an_outlet() -> None:
    found = types_of("In the same interview, published by Prensa Tarvo on Saturday, Puig was "
                     "asked if he feared arrest.")
    assert found.get("Prensa Tarvo") == "organization"


@pytest.mark.slow
def test_an_outlet_joined_to_another_before_have_reported_is_one() -> None:
    found = types_of("As both NBC News and Ostrin have reported, there is a security risk.")
    assert found.get("Ostrin") == "organization"
