"""The analysis entry points: the model's components, offsets, and the language guard."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.extract.language import is_analysed as is_english
from reader.core.model import Article, Block
from reader.core.nlp import analyze_article


def article(language: str | None, text: str = "Chile's president spoke in Santiago.") -> Article:
    return Article(path=Path("x.txt"), format="text", title=None,
                   blocks=(Block(role="story", text=text),), language=language)


def test_other_languages_get_a_warning_and_no_analysis() -> None:
    analysis = analyze_article(article("fr", "Le président a parlé à Paris."))
    assert analysis.entities == () and analysis.claims == ()
    [notice] = analysis.warnings
    assert notice.kind == "language" and "French" in notice.message and notice.message.endswith(".")


def test_english_variants_and_unknown_count_as_english() -> None:
    assert is_english(None) and is_english("en-GB") and is_english("EN_us")
    assert is_english("eng")
    assert not is_english("de") and not is_english("es-419")


@pytest.mark.slow
def test_english_article_is_analyzed() -> None:
    analysis = analyze_article(article("en"))
    assert {e.name for e in analysis.entities} >= {"Chile", "Santiago"} and analysis.warnings == ()


@pytest.mark.slow
def test_parse_loads_only_what_analysis_needs_and_keeps_offsets() -> None:
    from reader.core.nlp.spacy_model import load_nlp, parse

    assert load_nlp().pipe_names == ["tok2vec", "parser", "ner"]
    text = "LIMA, Peru: Peru´s vote\n\nwas calm."
    doc = parse(text)
    assert len(doc.text) == len(text)
    assert all(text[t.idx:t.idx + len(t)].lower().replace("´", "'") == t.text.lower() for t in doc)


def test_very_long_text_is_analyzed_from_its_beginning_with_a_warning(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.core.nlp as nlp

    seen: list[str] = []
    monkeypatch.setattr(nlp, "MAX_ANALYSIS_CHARS", 30)
    monkeypatch.setattr("reader.core.nlp.spacy_model.parse", lambda text: seen.append(text) or text)
    monkeypatch.setattr("reader.core.nlp.entities.find_entities", lambda doc, text: [])
    monkeypatch.setattr("reader.core.nlp.claims.find_claims", lambda doc, text, entities: [])
    analysis = nlp.analyze("First line of words.\nSecond line, far beyond the limit.")
    assert seen == ["First line of words."]
    [notice] = analysis.warnings
    assert notice.kind == "long-text" and "first 4 words" in notice.message


def test_a_german_text_article_warns_once_and_is_not_analyzed(tmp_path: Path) -> None:
    from reader.core.reading import extract_record

    story = ("Die neue Brücke in Köln wurde am Montag nach drei Jahren Bauzeit eröffnet. Der "
             "Bürgermeister sagte, die Stadt habe lange auf diesen Tag gewartet und die Bürger "
             "könnten nun schneller zur Arbeit fahren.")
    path = tmp_path / "bruecke.txt"
    path.write_text(f"Neue Brücke über den Rhein eröffnet\n\n{story}\n\n{story}\n", encoding="utf-8")
    record = extract_record(path)
    assert record["language"] == "de" and record["entities"] == [] and record["claims"] == []
    assert [w["kind"] for w in record["warnings"]] == ["language"]
    assert "German" in record["warnings"][0]["message"]
