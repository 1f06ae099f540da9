"""Language detection shared by the extractors."""

from __future__ import annotations

import subprocess
import sys

from reader.core.extract.language import detect_language


def test_detects_english_and_german_paragraphs() -> None:
    assert detect_language("The council voted on Tuesday to widen the bridge over the river.") == "en"
    assert detect_language("Der Stadtrat hat am Dienstag beschlossen, die Brücke zu verbreitern.") == "de"


def test_too_little_text_gives_none() -> None:
    assert detect_language("Hello") is None
    assert detect_language("12345 ... 678 --- 90") is None
    assert detect_language("") is None


def test_retired_codes_become_current_ones() -> None:
    """CLD2 says "iw" for Hebrew; the record says "he" as <html lang> would."""
    assert detect_language("שלום עולם, זה טקסט בעברית על החדשות של היום בעיר הגדולה והיפה") == "he"


def test_control_characters_do_not_refuse_the_sample() -> None:
    text = "Der Stadtrat hat am Dienstag\x01 beschlossen, die Brücke zu verbreitern.\ud800"
    assert detect_language(text) == "de"


def test_first_decision_is_cheap() -> None:
    """The first non-English page no longer pays a model load (issue 18: <= 50 ms; the bound
    here is loose because the machine is shared, and numpy must not be imported at all)."""
    code = (
        "import sys, time; from reader.core.extract.language import detect_language; "
        "t = time.perf_counter(); "
        "lang = detect_language('Der Hafen öffnet im Frühling wieder, sagte die Behörde am Dienstag.'); "
        "print(lang, time.perf_counter() - t, 'numpy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    lang, seconds, numpy = out.split()
    assert lang == "de"
    assert float(seconds) < 0.3
    assert numpy == "False"
