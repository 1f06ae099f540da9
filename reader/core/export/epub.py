"""Articles as an EPUB 3 book for e-readers: one chapter per article, a table of contents, the
saved page's images, highlights marked and notes as footnotes.

Written by hand with :mod:`zipfile` because EPUB is a small, fixed container (a ZIP with a
mimetype entry, a package document, a navigation document and XHTML chapters) and the one
well-known Python EPUB library (EbookLib) is AGPL, which an MIT program cannot take in.
CI validates the output with epubcheck.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
import uuid
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from io import BytesIO

from reader import APP_NAME
from reader.core.export.marks import Run, block_runs, note_numbers, orphaned
from reader.core.export.text_formats import marked_html, meta_line
from reader.core.model import Analysis, Article, Block, Highlight, Resource

# Image types every EPUB 3 reader must show (core media types); others would need fallbacks,
# so their blocks keep only their caption. SVG is left out too: it may carry scripts.
CORE_IMAGE_TYPES = {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif"}
# One image larger than this is left out (a saved page's hero image is rarely above 2 MB;
# an e-reader gains nothing from a 30 MB photograph).
MAX_IMAGE_BYTES = 5 * 1024 * 1024
# Characters XML 1.0 cannot carry even escaped (C0 controls but tab, newline, carriage return).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# A fixed time for the ZIP entries, so the same book gives the same bytes.
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)

STYLE = """body{font-family:serif;line-height:1.5;margin:0 1em}h1{line-height:1.2}
.meta{color:#555;font-style:italic}blockquote{border-left:3px solid #999;margin-left:0;padding-left:1em}
mark{padding:0 .1em}mark.yellow{background:#fff3a3}mark.green{background:#c8f0c0}
mark.blue{background:#cfe3ff}mark.pink{background:#ffd1e3}
img{max-width:100%}figure{margin:1em 0}figcaption{font-size:.9em;color:#555}
table{border-collapse:collapse}td{border:1px solid #999;padding:.2em .4em}
aside.note{font-size:.9em}"""

ImageLookup = Callable[[str], Resource | None]


@dataclass(frozen=True)
class BookArticle:
    """One chapter: the article, its analysis (unused in the text, kept for the caller's sake),
    its highlights and a way to find its images (a saved page's resources)."""

    article: Article
    highlights: Sequence[Highlight] = ()
    analysis: Analysis | None = None
    images: ImageLookup | None = None


@dataclass
class _Book:
    files: dict[str, bytes] = field(default_factory=dict)  # OEBPS-relative path → bytes
    media: dict[str, str] = field(default_factory=dict)  # path → media type
    by_digest: dict[str, str] = field(default_factory=dict)  # image SHA-256 → path


def to_epub(chapters: Sequence[BookArticle], title: str | None = None,
            modified: datetime | None = None) -> bytes:
    """The EPUB file's bytes. ``title`` defaults to the single article's title."""
    if not chapters:
        raise ValueError("an EPUB needs at least one article")
    book = _Book()
    names: list[tuple[str, str]] = []
    for number, chapter in enumerate(chapters, 1):
        name = f"article-{number}.xhtml"
        heading = chapter.article.title or chapter.article.path.stem
        book.files[name] = chapter_xhtml(chapter, heading, book).encode("utf-8")
        book.media[name] = "application/xhtml+xml"
        names.append((name, heading))
    book_title = title or (names[0][1] if len(names) == 1 else f"{len(names)} articles from {APP_NAME}")
    language = next((c.article.language for c in chapters if c.article.language), None) or "en"
    identity = "urn:uuid:" + str(uuid.UUID(bytes=hashlib.sha256(
        "\n".join(c.article.text for c in chapters).encode("utf-8")).digest()[:16]))
    stamp = (modified or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    book.files["nav.xhtml"] = nav_xhtml(book_title, names, language).encode("utf-8")
    book.files["style.css"] = STYLE.encode("utf-8")
    book.media["style.css"] = "text/css"
    package = package_opf(book_title, identity, language, stamp, names, book.media)
    return zip_book(package, book.files)


def chapter_xhtml(chapter: BookArticle, heading: str, book: _Book) -> str:
    article, highlights = chapter.article, chapter.highlights
    numbers = note_numbers(highlights)
    body = [f"<h1>{xml_text(heading)}</h1>"]
    meta = meta_line(article)
    if meta:
        body.append(f'<p class="meta">{xml_text(meta)}</p>')
    if article.url:
        body.append(f'<p class="meta">{xml_text(article.url)}</p>')
    for block, runs in block_runs(article, highlights):
        body.append(block_xhtml(block, marked_xhtml(runs, numbers), chapter.images, book))
    lost = orphaned(highlights)
    if lost:
        body.append("<h2>Highlights no longer found in the text</h2>")
        body += [f'<blockquote><p><mark class="{h.color}">{xml_text(h.exact)}</mark></p></blockquote>'
                 for h in lost]
    for h in sorted((h for h in highlights if h.id in numbers), key=lambda h: numbers[h.id]):
        n = numbers[h.id]
        note = xml_text(h.note or "")
        body.append(f'<aside class="note" epub:type="footnote" id="note-{n}"><p>{n}. {note}</p></aside>')
    language = xml_text(article.language or "en")
    return ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
            f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
            f'xml:lang="{language}" lang="{language}">\n<head>\n<meta charset="utf-8"/>\n'
            f"<title>{xml_text(heading)}</title>\n"
            '<link rel="stylesheet" type="text/css" href="style.css"/>\n</head>\n<body>\n'
            '<section epub:type="chapter">\n'
            + "\n".join(body) + "\n</section>\n</body>\n</html>\n")


def epub_note_ref(number: int) -> str:
    return f'<a epub:type="noteref" href="#note-{number}"><sup>{number}</sup></a>'


def marked_xhtml(runs: Sequence[Run], numbers: dict[str, int]) -> str:
    """A block's runs as XHTML, with EPUB note references."""
    return marked_html(runs, numbers, xml_text, epub_note_ref)


def block_xhtml(block: Block, marked: str, images: ImageLookup | None, book: _Book) -> str:
    if block.kind == "heading":
        level = min(6, max(2, block.level or 2))
        return f"<h{level}>{marked}</h{level}>"
    if block.kind == "list-item":
        return f"<ul><li>{marked}</li></ul>"
    if block.kind == "quote":
        return f"<blockquote><p>{marked}</p></blockquote>"
    if block.kind == "image":
        path = add_image(block.image, images, book)
        if path is None:
            return f"<p>{marked}</p>" if block.text else ""
        caption = f"<figcaption>{marked}</figcaption>" if block.text else ""
        return f'<figure><img src="{path}" alt="{xml_text(block.text)}"/>{caption}</figure>'
    if block.kind == "table" and block.rows:
        rows = "".join("<tr>" + "".join(f"<td>{xml_text(c)}</td>" for c in r) + "</tr>" for r in block.rows)
        return f"<table>{rows}</table>"
    if block.kind == "preformatted":
        return f"<pre>{marked}</pre>"
    return f"<p>{marked}</p>"


def add_image(reference: str | None, images: ImageLookup | None, book: _Book) -> str | None:
    """Put an image into the book once; its path, or None when it is not available locally."""
    if not reference:
        return None
    resource = data_uri_resource(reference) if reference.startswith("data:") else None
    if resource is None and images is not None:
        resource = images(reference)
    if resource is None:
        return None
    media_type = resource.media_type.split(";")[0].strip().lower()
    if media_type not in CORE_IMAGE_TYPES or not resource.data or len(resource.data) > MAX_IMAGE_BYTES:
        return None
    digest = hashlib.sha256(resource.data).hexdigest()
    if digest not in book.by_digest:
        path = f"images/{digest[:16]}{CORE_IMAGE_TYPES[media_type]}"
        book.by_digest[digest] = path
        book.files[path] = resource.data
        book.media[path] = media_type
    return book.by_digest[digest]


def data_uri_resource(uri: str) -> Resource | None:
    """A base64 ``data:`` image as a resource (what SingleFile and our sanitizer leave in pages)."""
    head, _, payload = uri.partition(",")
    if not head.endswith(";base64"):
        return None
    try:
        data = base64.b64decode(payload, validate=False)
    except ValueError:
        return None
    return Resource(uri[:64], head[5:].split(";")[0], data)


def nav_xhtml(title: str, names: Sequence[tuple[str, str]], language: str) -> str:
    items = "\n".join(f'<li><a href="{name}">{xml_text(heading)}</a></li>' for name, heading in names)
    lang = xml_text(language)
    return ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
            f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
            f'xml:lang="{lang}" lang="{lang}">\n<head>\n<meta charset="utf-8"/>\n'
            f"<title>{xml_text(title)}</title>\n</head>\n<body>\n"
            f'<nav epub:type="toc" id="toc">\n<h1>{xml_text(title)}</h1>\n<ol>\n{items}\n</ol>\n'
            "</nav>\n</body>\n</html>\n")


def package_opf(title: str, identity: str, language: str, stamp: str,
                chapters: Sequence[tuple[str, str]], media: dict[str, str]) -> str:
    items = ['<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>']
    ids = {name: f"item-{i}" for i, name in enumerate(sorted(media), 1)}
    items += [f'<item id="{ids[name]}" href="{name}" media-type="{kind}"/>'
              for name, kind in sorted(media.items())]
    spine = "\n".join(f'<itemref idref="{ids[name]}"/>' for name, _ in chapters)
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id">\n'
            '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
            f'<dc:identifier id="book-id">{identity}</dc:identifier>\n'
            f"<dc:title>{xml_text(title)}</dc:title>\n<dc:language>{xml_text(language)}</dc:language>\n"
            f'<dc:creator>{APP_NAME}</dc:creator>\n<meta property="dcterms:modified">{stamp}</meta>\n'
            "</metadata>\n<manifest>\n" + "\n".join(items) + "\n</manifest>\n"
            f"<spine>\n{spine}\n</spine>\n</package>\n")


def zip_book(package: str, files: dict[str, bytes]) -> bytes:
    """The container: ``mimetype`` first and stored, then the rest compressed."""
    container = ('<?xml version="1.0" encoding="utf-8"?>\n'
                 '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\n'
                 '<rootfiles><rootfile full-path="OEBPS/content.opf" '
                 'media-type="application/oebps-package+xml"/></rootfiles>\n</container>\n')
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        write_entry(archive, "mimetype", b"application/epub+zip", zipfile.ZIP_STORED)
        write_entry(archive, "META-INF/container.xml", container.encode("utf-8"))
        write_entry(archive, "OEBPS/content.opf", package.encode("utf-8"))
        for name in sorted(files):
            write_entry(archive, "OEBPS/" + name, files[name])
    return out.getvalue()


def write_entry(archive: zipfile.ZipFile, name: str, data: bytes, method: int = zipfile.ZIP_DEFLATED) -> None:
    info = zipfile.ZipInfo(name, _ZIP_TIME)
    info.compress_type = method
    archive.writestr(info, data)


def xml_text(text: str) -> str:
    """Text escaped for XHTML, without the characters XML cannot hold."""
    return html.escape(_XML_INVALID.sub("", text), quote=True)
