"""The robustness targets for big files: a 50 MB page is refused quickly with a clear message,
or opens within 10 s; an archive's size goes to its images, not to the page."""

from __future__ import annotations

import base64
import time
from pathlib import Path

import pytest
from loading_fixtures import PNG_1X1, STORY, gzipped, mhtml_bytes, page, write

from reader.core import errors
from reader.core.extract import extract
from reader.core.sources.files import MAX_DOCUMENT_BYTES
from reader.core.sources.loading import Limits, load

FIFTY_MB = 50 * 1024 * 1024
# Refusing means reading at most the file once: well under a second on any disk.
REFUSE_SECONDS = 2.0
OPEN_SECONDS = 10.0  # the bound


def fifty_mb_page() -> bytes:
    paragraph = f"<p>{STORY}</p>\n".encode()
    return page().encode()[:-15] + paragraph * (FIFTY_MB // len(paragraph)) + b"</body></html>"


@pytest.mark.parametrize(("name", "pack"), [("big.html", False), ("big.html.gz", True), ("big.txt", False)])
def test_fifty_mb_document_is_refused_quickly(tmp_path: Path, name: str, pack: bool) -> None:
    data = fifty_mb_page()
    path = write(tmp_path, name, gzipped(data) if pack else data)
    started = time.monotonic()
    with pytest.raises(errors.TooLarge) as info:
        load(path)
    assert time.monotonic() - started < REFUSE_SECONDS
    message = info.value.message
    assert name in message and "MB" in message and message.endswith(".")


def test_fifty_mb_archive_of_images_opens_within_bounds(tmp_path: Path) -> None:
    image = b"QUFB" * 19 + b"\n"  # one 76-character base64 line
    image *= FIFTY_MB // len(image)
    data = mhtml_bytes().replace(base64.encodebytes(PNG_1X1), image)
    assert len(data) > 48 * 1024 * 1024
    path = write(tmp_path, "photos.mhtml", data)
    del image, data
    started = time.monotonic()
    article = extract(load(path))
    assert time.monotonic() - started < OPEN_SECONDS
    assert STORY in article.text


def test_document_limit_is_configurable(tmp_path: Path) -> None:
    path = write(tmp_path, "page.html", page(STORY * 100))
    assert load(path, Limits(max_document_bytes=MAX_DOCUMENT_BYTES)).text
    with pytest.raises(errors.TooLarge):
        load(path, Limits(max_document_bytes=10_000))
    with pytest.raises(errors.TooLarge):
        load(path, Limits(max_file_bytes=10_000))
