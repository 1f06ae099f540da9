"""Language detection shared by the extractors."""

from __future__ import annotations

import pytest

from reader.core.extract.language import detect_language


def test_detects_english_and_german_paragraphs() -> None:
    assert detect_language("The council voted on Tuesday to widen the bridge over the river.") == "en"
    assert detect_language("Der Stadtrat hat am Dienstag beschlossen, die Brücke zu verbreitern.") == "de"


def test_too_little_text_gives_none() -> None:
    assert detect_language("Hello") is None
    assert detect_language("12345 ... 678 --- 90") is None
    assert detect_language("") is None


def test_plain_english_needs_no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window shows English articles without paying py3langid's load (issue 9)."""
    from reader.core.extract import language

    def refuse() -> None:
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(language, "_load_identifier", refuse)
    text = ("The harbour board said on Monday that the new quay would open in the spring, and that "
            "the ferries from the island would be moved to it by the end of the year, which is "
            "later than the town had hoped.")
    assert detect_language(text) == "en"
    assert not language.reads_as_english("Der Hafen wird im Frühjahr geöffnet, sagte der Vorstand am "
                                         "Montag, und die Fähren von der Insel werden bis zum Ende des "
                                         "Jahres dorthin verlegt, später als die Stadt gehofft hatte.")
