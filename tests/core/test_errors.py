"""One error policy: errors carry data, one renderer makes the sentence, translations fill it."""

from __future__ import annotations

import logging
import pickle
from pathlib import Path

import pytest

from reader.core import errors


def test_a_sentence_names_the_file_and_its_details() -> None:
    error = errors.TooLarge(Path("/tmp/big.html"), size="60 MB", limit="50 MB")
    assert error.kind == "too-large"
    assert error.message == ("“big.html” is 60 MB, more than the 50 MB Sift opens; "
                             "it is unlikely to be a single article.")
    assert str(error) == error.message


def test_a_chosen_template_replaces_the_default() -> None:
    error = errors.NotFound("x.html", errors.NotFound.UNREACHABLE, reason="Stale file handle")
    assert error.message == "“x.html” cannot be reached: Stale file handle."


def test_an_error_without_a_path_still_reads_well() -> None:
    assert errors.EmptyFile().message == "“this article” is empty: there is no article to show."


def test_translation_is_applied_to_the_template_before_the_fields() -> None:
    error = errors.EmptyFile(Path("a.txt"))
    german = {errors.EmptyFile.template: "„{name}“ ist leer."}
    assert errors.render(error, lambda s: german.get(s, s)) == "„a.txt“ ist leer."


def test_a_translation_that_lost_a_field_falls_back_to_english(caplog: pytest.LogCaptureFixture) -> None:
    error = errors.TooLarge(Path("a.txt"), size="1", limit="2")
    with caplog.at_level(logging.WARNING, logger=errors.__name__):
        assert errors.render(error, lambda s: "{nope}") == error.message
    assert any("{nope}" in record.getMessage() for record in caplog.records), "the translation is logged"


@pytest.mark.parametrize("error", [errors.Timeout("p.html", seconds="10"),
                                   errors.internal("q.html", KeyError("k"))])
def test_errors_survive_a_process_boundary(error: errors.ReaderError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error) and copy.message == error.message and copy.kind == error.kind


def test_an_internal_error_names_the_exception_class_only() -> None:
    error = errors.internal(Path("/x/y.html"), ValueError("secret details"))
    assert error.kind == "internal"
    assert "ValueError" in error.message and "secret" not in error.message
