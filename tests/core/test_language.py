"""Language detection shared by the extractors."""

from __future__ import annotations

from reader.core.extract.language import detect_language


def test_detects_english_and_german_paragraphs() -> None:
    assert detect_language("The council voted on Tuesday to widen the bridge over the river.") == "en"
    assert detect_language("Der Stadtrat hat am Dienstag beschlossen, die Brücke zu verbreitern.") == "de"


def test_too_little_text_gives_none() -> None:
    assert detect_language("Hello") is None
    assert detect_language("12345 ... 678 --- 90") is None
    assert detect_language("") is None
