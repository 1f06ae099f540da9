"""``sift library highlight | highlights | export`` and ``show``'s highlights: the contract's
shapes (shared/README.md) and exit codes, run as a user runs them (a subprocess)."""

from __future__ import annotations

import json
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest
from epubcheck import assert_valid_epub
from library_helpers import lines, sift, write_article

HIGHLIGHT = {"id", "article", "start", "end", "exact", "prefix", "suffix", "note", "color", "orphaned"}
EXPORTED = {"output", "articles", "highlights"}
PARAGRAPHS = (
    "The harbour ferry returned to service on Monday after two years of repairs, the port authority "
    "said in a statement read out at the quay.",
    "Passengers queued from six in the morning, and the first crossing was full within minutes, "
    "according to the operator, which added two extra sailings.",
    "The mayor said the council would keep the fares unchanged until the end of next year, and that "
    "a second boat would join the ferry route in the spring.",
)


def tiny_png() -> bytes:
    """A 4x4 blue PNG, made here so the test needs no image file."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\x20\x60\xa0" * 4 for _ in range(4))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def write_page(folder: Path) -> Path:
    """A "Web page, complete" save: the page and its ``_files`` folder with the photo."""
    (folder / "ferry_files").mkdir(parents=True)
    (folder / "ferry_files" / "photo.png").write_bytes(tiny_png())
    page = folder / "ferry.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour ferry returns</title>'
        '</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article>'
        f"<h1>Harbour ferry returns</h1><p>{PARAGRAPHS[0]}</p>"
        '<figure><img src="ferry_files/photo.png" alt=""><figcaption>The ferry at the quay.</figcaption>'
        f"</figure><p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p></article>"
        "<footer>Copyright Coast Daily</footer></body></html>", encoding="utf-8")
    return page


Stocked = tuple[Path, Path, Path]


@pytest.fixture
def stocked(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A library with a saved page (with an image) and a plain-text article: (db, page, text)."""
    folder = tmp_path / "saved"
    page = write_page(folder)
    text = write_article(folder, "bridge.txt", "Old bridge closes for repairs",
                         "The old river bridge closes for repairs in May, the council said on Tuesday, and "
                         "engineers expect the work to take most of the summer.")
    db = tmp_path / "lib.sqlite3"
    added = sift("library", "add", folder, "--library", db, "--no-analysis", "--jobs", "1")
    assert added.returncode == 0, added.stderr
    return db, page, text


def run(db: Path, *args: str | Path) -> tuple[int, list[dict[str, Any]], str]:
    result = sift("library", *args, "--library", db)
    return result.returncode, lines(result), result.stderr


def test_highlight_prints_the_highlight_and_show_and_highlights_carry_it(stocked: Stocked) -> None:
    db, page, text = stocked
    code, [made], _ = run(db, "highlight", page, "--quote", "ferry", "--occurrence", "2",
                          "--note", "which one?", "--color", "green")
    assert code == 0 and set(made) == HIGHLIGHT
    [shown] = run(db, "show", made["article"])[1]
    assert shown["text"][made["start"]:made["end"]] == made["exact"] == "ferry"
    assert shown["text"].index("ferry", shown["text"].index("ferry") + 1) == made["start"]
    assert (made["note"], made["color"], made["orphaned"]) == ("which one?", "green", False)
    assert shown["highlights"] == [made]
    _, [first], _ = run(db, "highlight", page, "--quote", "harbour ferry returned")
    _, [bridge], _ = run(db, "highlight", text, "--quote", "closes for repairs")
    code, mine, _ = run(db, "highlights", page)
    assert code == 0 and mine == [first, made]  # reading order
    code, every, _ = run(db, "highlights")
    assert code == 0 and sorted(h["id"] for h in every) == sorted(h["id"] for h in (first, made, bridge))
    assert all(set(h) == HIGHLIGHT for h in every)


def test_highlight_errors_and_usage(stocked: Stocked) -> None:
    db, page, _ = stocked
    code, [line], _ = run(db, "highlight", page, "--quote", "a hovercraft")
    assert code == 1 and line["error"]["kind"] == "not-found"
    code, [line], _ = run(db, "highlight", page, "--quote", "ferry", "--occurrence", "9")
    assert code == 1 and "9 times" in line["error"]["message"]
    code, [line], _ = run(db, "highlight", "no-such-id", "--quote", "ferry")
    assert code == 1 and line["article"] == "no-such-id" and line["error"]["kind"] == "not-found"
    code, [line], _ = run(db, "highlights", "no-such-id")
    assert code == 1 and line["article"] == "no-such-id" and line["error"]["kind"] == "not-found"
    for bad in (("--color", "ultraviolet"), ("--occurrence", "0")):
        assert sift("library", "highlight", page, "--quote", "ferry", *bad, "--library", db).returncode == 2
    assert sift("library", "highlight", page, "--quote", "  ", "--library", db).returncode == 2
    assert sift("library", "highlight", page, "--library", db).returncode == 2  # --quote is required
    assert run(db, "highlights")[1] == []


def test_export_one_article_as_markdown_html_and_json(stocked: Stocked, tmp_path: Path) -> None:
    db, page, _ = stocked
    _, [made], _ = run(db, "highlight", page, "--quote", "keep the fares unchanged", "--note", "Check it")
    for fmt, name in (("md", "out.md"), ("html", "out.html"), ("json", "out.json")):
        code, [line], _ = run(db, "export", page, "--format", fmt, "--output", tmp_path / name)
        assert code == 0 and set(line) == EXPORTED
        assert line == {"output": str(tmp_path / name), "articles": [made["article"]], "highlights": 1}
    markdown = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert markdown.startswith('---\ntitle: "Harbour ferry returns"')
    assert f'id: "{made["article"]}"' in markdown
    assert "==keep the fares unchanged==[^1]" in markdown and "[^1]: Check it" in markdown
    assert '<mark class="yellow">keep the fares unchanged</mark>' in (tmp_path / "out.html").read_text()
    record = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    [annotation] = record["annotations"]
    assert annotation["type"] == "Annotation"
    assert annotation["target"]["source"] == f"urn:sift:article:{made['article']}"
    assert annotation["target"]["selector"][0]["exact"] == "keep the fares unchanged"


def test_export_several_articles_as_files_in_a_folder(stocked: Stocked, tmp_path: Path) -> None:
    db, page, text = stocked
    folder = tmp_path / "exported"
    code, written, _ = run(db, "export", page, text, "--format", "md", "--output", folder)
    assert code == 0 and len(written) == 2 and all(set(w) == EXPORTED for w in written)
    assert sorted(p.name for p in folder.iterdir()) == sorted(Path(w["output"]).name for w in written)
    assert all(Path(w["output"]).parent == folder and len(w["articles"]) == 1 for w in written)
    assert {Path(w["output"]).name.split("-")[0] for w in written} == {"harbour", "old"}
    (tmp_path / "a-file.md").write_text("mine", encoding="utf-8")
    result = sift("library", "export", page, text, "--format", "md", "--output", tmp_path / "a-file.md",
                  "--library", db)
    assert result.returncode == 2 and (tmp_path / "a-file.md").read_text(encoding="utf-8") == "mine"


def test_export_epub_is_one_valid_book_with_images_and_marks(stocked: Stocked,
                                                             tmp_path: Path) -> None:
    db, page, text = stocked
    run(db, "highlight", page, "--quote", "first crossing was full", "--color", "blue", "--note", "busy")
    book = tmp_path / "reading.epub"
    code, out, _ = run(db, "export", page, text, "no-such-id", "--format", "epub", "--output", book)
    assert code == 1  # the unknown id is reported; the others are exported all the same
    [missing, line] = out
    assert missing["id"] == "no-such-id" and missing["error"]["kind"] == "not-found"
    assert line["output"] == str(book) and len(line["articles"]) == 2 and line["highlights"] == 1
    with zipfile.ZipFile(book) as archive:
        names = archive.namelist()
        chapter = archive.read("OEBPS/article-1.xhtml").decode()
        assert [archive.read(n) for n in names if n.startswith("OEBPS/images/")] == [tiny_png()]
    assert {"OEBPS/article-1.xhtml", "OEBPS/article-2.xhtml", "OEBPS/nav.xhtml"} <= set(names)
    assert '<mark class="blue">first crossing was full</mark>' in chapter and "<img src=\"images/" in chapter
    assert_valid_epub(book)


def test_export_never_writes_over_a_saved_article(stocked: Stocked) -> None:
    db, page, _ = stocked
    before = page.read_bytes()
    result = sift("library", "export", page, "--format", "html", "--output", page, "--library", db)
    assert result.returncode == 2 and page.read_bytes() == before and "saved article" in result.stderr
    unknown_format = sift("library", "export", page, "--format", "pdf", "--output", "x", "--library", db)
    assert unknown_format.returncode == 2
