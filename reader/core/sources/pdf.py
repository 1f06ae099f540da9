"""Pages saved as PDF from a browser ("Print › Save as PDF") → an HTML page for the extractor.

pypdfium2 (PDFium, BSD/Apache-2.0) gives each page's text with its lines; the lines are put in
reading order (top to bottom), joined into paragraphs (across line and page breaks, hyphens
undone), larger type becomes headings, and the browser's print header and footer (date and
time, page title, URL, "3/7") become ``<header>``/``<footer>`` elements, which the extractor
labels as clutter like any page's; the URL and title are recovered from them (where the print
cut them short with "…", from the page's own links and the title the browser stored in the
PDF). Blocks are split where prose meets a line of links; blocks that are mostly link, and what
precedes the headline, become landmarks (pdf_landmarks.py), and the story is then separated
from the printed menus and link lists by the same extraction as any page.
Nothing in the PDF is run: no JavaScript, no forms, no links followed.
"""

from __future__ import annotations

import html
import logging
import re
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.core import errors
from reader.core.model import Source
from reader.core.sources.origin import web_url
from reader.core.sources.pdf_landmarks import SECTION, Chunk, render

log = logging.getLogger(__name__)

# A browser prints a long article on 10-30 pages; a book or a report runs to hundreds.
MAX_PDF_PAGES = 300
# Reading the text of 300 pages takes ~3 s here; past this the PDF is not read further.
MAX_PDF_SECONDS = 20
# Fewer visible characters than this in the whole PDF: a scan or pictures of pages.
MIN_TEXT_CHARS = 200
# Chromium prints its header and footer within 0.4 in (29 pt) of the page's edge, the body
# inside a margin of at least 0.4 in: lines whose box lies in this band are print furniture.
PRINT_BAND_PT = 30.0
# Lines of one paragraph follow each other at one pitch (top to top) for their type size; a
# pitch this much wider than the usual one for that size starts a new paragraph. Browsers print
# paragraph gaps at ~1.5x the line pitch (CSS margins of about one line); line pitches of one
# paragraph vary by under 5 %, so 1.25 separates the two with room on both sides.
PARAGRAPH_PITCH_RATIO = 1.25
# A block whose left edge moves by more than this, or that follows a gap of this many line
# pitches, starts another region of the page (a box, a sidebar, a menu). Chosen on the first 27
# dev pages' prints: story F1 0.82 without regions, 0.89 with these; 15-45 pt and 2-3 pitches all
# gave 0.85-0.89, so this is a plateau, not a tuned point. A first-line indent (~15-20 pt) stays under it.
SECTION_SHIFT_PT = 30.0
SECTION_GAP_PITCHES = 2.0
# A line whose link share differs from the last one's by this much starts another block: lines
# of one paragraph are all prose (an inline link covers a few words of a line) or all link.
LINK_CHANGE = 0.75
# With no usual pitch known for a size, a pitch over this many times the type size is a gap.
DEFAULT_PITCH_RATIO = 1.9
# Type this much larger than the body's is a heading; type a tenth smaller or larger is another block.
HEADING_SIZE_RATIO = 1.18
SIZE_CHANGE_RATIO = 0.1
# Slides: most pages wider than tall with little text on each (a printed article fills its pages).
SLIDE_MAX_WORDS_PER_PAGE = 90
# A short line printed this many times is a menu entry ("Back To Main Menu"); a story repeats no line.
REPEATED_LINE_COUNT = 3
REPEATED_LINE_MAX_CHARS = 80
# Links read per page at most (a printed site map has a few hundred).
MAX_LINKS_PER_PAGE = 2000
# Height of the bands link boxes are filed by: about two lines of body type.
BAND_PT = 24.0
# Link addresses longer than this are not kept (browsers cap theirs near 2 MB; pages near 2 kB).
MAX_URI_BYTES = 8192
# A form: fillable fields and little prose.
FORM_MAX_WORDS = 400
ELLIPSIS = "…"  # what a print header or footer ends with where it cut a long title or address
SOFT_HYPHEN = "\x02"  # PDFium's mark for a hyphen the line break made
_SENTENCE_END = re.compile(r"[.!?:…\"”’)\]]$")
_PRINT_HEADER = re.compile(r"^(\d{1,4}[./-]\d{1,2}[./-]\d{1,4}),?\s+"
                           r"(\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?)\s*(.*)$")
_PRINT_FOOTER = re.compile(r"^(\S+:\S*)?\s*(\d+)\s*/\s*(\d+)$")
_PAGE_COUNTER = re.compile(r"\d+\s*/\s*\d+$")


Rect = tuple[float, float, float, float]  # left, bottom, right, top


@dataclass
class Line:
    text: str
    left: float
    bottom: float
    top: float
    size: float
    right: float = 0.0
    html: str = ""  # the text as HTML, links marked; empty: the escaped text
    linked: float = 0.0  # the share of its visible characters inside links

    def markup(self) -> str:
        return self.html or html.escape(self.text)


@dataclass
class Printed:
    """What the print header and footer said, and the page's blocks in reading order."""

    title: str | None = None
    url: str | None = None
    parts: list[Chunk] = field(default_factory=list)

    def html(self) -> str:
        return render(self.parts, self.title)


@dataclass
class Reading:
    """Each page's lines in reading order, each page's size, and, once the footer is seen to cut
    the page's address short, the addresses of the links (which complete it)."""

    pages: list[list[Line]] = field(default_factory=list)
    sizes: list[tuple[float, float]] = field(default_factory=list)
    uris: list[str] = field(default_factory=list)
    cut_address: bool = False


def load_pdf(path: Path, data: bytes) -> Source:
    """A PDF saved from a browser, as an HTML page the extractor reads like any other."""
    import pypdfium2 as pdfium

    document = open_document(path, data, pdfium)
    try:
        pages = len(document)
        if pages > MAX_PDF_PAGES:
            raise errors.TooLarge(path, errors.TooLarge.PAGES, pages=pages, limit=MAX_PDF_PAGES)
        reading = read_lines(path, document)
        refuse_non_article(path, document, reading.pages, reading.sizes)
        stored_title = str(document.get_metadata_dict().get("Title") or "")
    finally:
        document.close()
    printed = assemble(reading.pages, [height for _, height in reading.sizes])
    printed.title = whole_title(printed.title, stored_title)
    printed.url = whole_url(printed.url, reading.uris)
    meta = document_title(printed)
    page = f"<html><head>{meta}</head><body>{printed.html()}</body></html>"
    return Source(path=path, format="pdf", text=page, encoding="utf-8", url=printed.url,
                  title_hint=printed.title)


def whole_title(printed: str | None, stored: str) -> str | None:
    """The page title: the print header's, or where the header cut it short ("…"), the one the
    browser stored in the PDF's information (the page's <title>), which it begins."""
    if printed and printed.endswith(ELLIPSIS):
        prefix = printed[:-1].rstrip()
        return stored.strip() if stored.strip().startswith(prefix) else prefix
    return printed


def whole_url(printed: str | None, uris: list[str]) -> str | None:
    """The page's address: the footer's, or where the footer cut it short ("…"), the link on the
    page that begins with what it shows (the page links to itself: its logo, its language or
    comment links), most often linked, then shortest; None when no link completes it."""
    if not printed or not printed.endswith(ELLIPSIS):
        return printed
    prefix = printed[:-1]
    matches = [uri.split("#")[0] for uri in uris if uri.startswith(prefix)]
    if not matches:
        return None
    return min(set(matches), key=lambda uri: (-matches.count(uri), len(uri)))


def open_document(path: Path, data: bytes, pdfium: Any) -> Any:
    """The PDFium document; encrypted and damaged files become sentences."""
    try:
        return pdfium.PdfDocument(data)
    except Exception as exc:  # PdfiumError, with PDFium's error code in its message
        log.info("%s: PDFium refused it (%s)", path.name, exc)
        if "password" in str(exc).lower():
            raise errors.UnsupportedFormat(path, errors.UnsupportedFormat.ENCRYPTED_PDF) from None
        raise errors.Malformed(path, errors.Malformed.DAMAGED_PDF) from None


def read_lines(path: Path, document: Any) -> Reading:
    """Each page's lines in reading order, and each page's size, within the time budget."""
    started = time.monotonic()
    reading = Reading()
    for index in range(len(document)):
        if time.monotonic() - started > MAX_PDF_SECONDS:
            raise errors.Timeout(path, seconds=MAX_PDF_SECONDS)
        try:
            width, height, lines = read_page(document, index, reading)
        except Exception as exc:  # a malformed page object: its text is lost, not the document
            log.info("%s: page %d unreadable (%s)", path.name, index + 1, exc)
            width, height, lines = 0.0, 0.0, []
        reading.pages.append(lines)
        reading.sizes.append((width, height))
    return reading


def read_page(document: Any, index: int, reading: Reading) -> tuple[float, float, list[Line]]:
    """One page's size and lines; PDFium's objects are closed whatever happens."""
    page = document[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            lines = page_lines(textpage, page)
        finally:
            textpage.close()
        reading.cut_address = reading.cut_address or any(cuts_address(line, height) for line in lines)
        if reading.cut_address:  # read only then: the addresses cost more than the rest of the links
            reading.uris += link_uris(page)
        return float(width), float(height), lines
    finally:
        page.close()


def cuts_address(line: Line, height: float) -> bool:
    """Whether the line is a print footer whose address the browser cut short ("…")."""
    footer = _PRINT_FOOTER.match(line.text) if is_print_furniture(line, height) else None
    return bool(footer and footer.group(1) and footer.group(1).endswith(ELLIPSIS))


def page_lines(textpage: Any, page: Any) -> list[Line]:
    """One page's text lines (as PDFium orders them: the order the browser painted them) with their
    boxes, type size and which words are links."""
    import pypdfium2.raw as raw

    text = textpage.get_text_range()
    rects = RectBands([rect for rect, _ in page_links(page)])
    probe = CharBoxes(textpage)
    lines: list[Line] = []
    index = 0
    for raw_line in text.split("\n"):
        content = raw_line.rstrip("\r")
        visible = [i for i, ch in enumerate(content) if not ch.isspace()]
        if visible:
            probes = sorted({visible[0], visible[len(visible) // 2], visible[-1]})
            boxes = [probe.box(index + i) for i in probes]
            size = raw.FPDFText_GetFontSize(textpage.raw, index + visible[len(visible) // 2])
            line = Line(content, min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[3] for b in boxes),
                        float(size), right=max(b[2] for b in boxes))
            mark_links(line, probe, index, rects)
            lines.append(line)
        index += len(raw_line) + 1
    return lines


class CharBoxes:
    """Character boxes straight from PDFium (one C call each, no checks): thousands per page."""

    def __init__(self, textpage: Any) -> None:
        import ctypes

        import pypdfium2.raw as raw

        self.get = raw.FPDFText_GetCharBox
        self.textpage = textpage.raw
        self.edges = [ctypes.c_double() for _ in range(4)]
        self.refs = [ctypes.byref(edge) for edge in self.edges]

    def box(self, index: int) -> Rect:
        """(left, bottom, right, top); zeros when PDFium has no box for the character."""
        left, right, bottom, top = self.edges
        if not self.get(self.textpage, index, *self.refs):  # PDFium's order: left, right, bottom, top
            return 0.0, 0.0, 0.0, 0.0
        return left.value, bottom.value, right.value, top.value


def page_links(page: Any) -> list[tuple[Rect, Any]]:
    """Each link on the page, its (left, bottom, right, top) and its PDFium handle (valid while the
    page is open): printed menus and link lists are links."""
    import ctypes

    import pypdfium2.raw as raw

    found: list[tuple[Rect, Any]] = []
    position = ctypes.c_int(0)
    while len(found) < MAX_LINKS_PER_PAGE:
        link = raw.FPDF_LINK()
        if not raw.FPDFLink_Enumerate(page.raw, ctypes.byref(position), ctypes.byref(link)):
            break
        rect = raw.FS_RECTF()
        if raw.FPDFLink_GetAnnotRect(link, ctypes.byref(rect)):
            found.append(((rect.left, rect.bottom, rect.right, rect.top), link))
    return found


def link_uris(page: Any) -> list[str]:
    """The web addresses the page's links go to (they complete a footer address the print cut short)."""
    return [uri for _, link in page_links(page) if (uri := link_uri(page, link))]


def link_uri(page: Any, link: Any) -> str | None:
    """The web address a link goes to, if it goes to one (not a place in the document)."""
    import ctypes

    import pypdfium2.raw as raw

    action = raw.FPDFLink_GetAction(link)
    if not action or raw.FPDFAction_GetType(action) != raw.PDFACTION_URI:
        return None
    length = raw.FPDFAction_GetURIPath(page.pdf.raw, action, None, 0)
    if not 0 < length <= MAX_URI_BYTES:
        return None
    buffer = ctypes.create_string_buffer(length)
    raw.FPDFAction_GetURIPath(page.pdf.raw, action, buffer, length)
    return web_url(buffer.value.decode("utf-8", "replace"))


class RectBands:
    """A page's link boxes filed by horizontal band, so a line meets only the links beside it
    (a printed menu page has hundreds of links and of lines)."""

    def __init__(self, rects: list[Rect]) -> None:
        self.bands: dict[int, list[Rect]] = {}
        for rect in rects:
            for band in range(int(rect[1] // BAND_PT), int(rect[3] // BAND_PT) + 1):
                self.bands.setdefault(band, []).append(rect)

    def beside(self, bottom: float, top: float) -> list[Rect]:
        """The links whose box overlaps the height from ``bottom`` to ``top``, each once."""
        found = {rect for band in range(int(bottom // BAND_PT), int(top // BAND_PT) + 1)
                 for rect in self.bands.get(band, ())}
        return [r for r in found if min(r[3], top) - max(r[1], bottom) > 0]


def mark_links(line: Line, probe: CharBoxes, start: int, rects: RectBands) -> None:
    """The line's HTML with its linked words inside <a> (no address: only their share counts), and
    that share. A link covers whole words, so each word's middle character is probed, not each one."""
    near = rects.beside(line.bottom, line.top)
    if not near:
        line.html = html.escape(line.text)
        return
    pieces: list[tuple[str, bool]] = []
    linked = 0
    for word in re.finditer(r"\S+|\s+", line.text):
        inside = pieces[-1][1] if pieces else False  # spaces join the run they stand in
        if not word.group().isspace():
            left, bottom, right, top = probe.box(start + (word.start() + word.end()) // 2)
            x, y = (left + right) / 2, (bottom + top) / 2
            inside = any(r[0] <= x <= r[2] and r[1] <= y <= r[3] for r in near)
            linked += len(word.group()) if inside else 0
        if pieces and pieces[-1][1] == inside:
            pieces[-1] = (pieces[-1][0] + word.group(), inside)
        else:
            pieces.append((word.group(), inside))
    line.html = "".join(f"<a>{html.escape(t)}</a>" if link else html.escape(t) for t, link in pieces)
    line.linked = linked / max(1, len("".join(line.text.split())))


def refuse_non_article(path: Path, document: Any, pages: list[list[Line]],
                       sizes: list[tuple[float, float]]) -> None:
    """A clear sentence for PDFs that are not a page saved from a browser."""
    chars = sum(len(line.text) for page in pages for line in page)
    if chars < MIN_TEXT_CHARS:
        raise errors.UnsupportedFormat(path, errors.UnsupportedFormat.SCANNED_PDF)
    words = [sum(len(line.text.split()) for line in page) for page in pages]
    landscape = sum(1 for width, height in sizes if width > height)
    if landscape > len(sizes) / 2 and statistics.median(words) < SLIDE_MAX_WORDS_PER_PAGE:
        raise errors.UnsupportedFormat(path, errors.UnsupportedFormat.NOT_AN_ARTICLE_PDF, what="slides")
    if document.get_formtype() != 0 and sum(words) < FORM_MAX_WORDS:
        raise errors.UnsupportedFormat(path, errors.UnsupportedFormat.NOT_AN_ARTICLE_PDF, what="a form")


def assemble(pages: list[list[Line]], heights: list[float]) -> Printed:
    """Paragraphs and headings across the pages, with the print furniture set apart: the print
    header and footer, and lines printed again and again (menus)."""
    printed = Printed()
    body = [[line for line in page if not is_print_furniture(line, height)]
            for page, height in zip(pages, heights, strict=True)]
    body_size = typical_size(body)
    pitches = usual_pitches(body)
    repeated = repeated_lines(body)
    paragraph: list[Line] = []
    pending: list[Chunk] = []  # furniture met inside an open paragraph goes right after it
    last: Line | None = None  # the last line placed, to see where a new region of the page begins
    for page, height in zip(pages, heights, strict=True):
        first = True  # the first line of a page continues the paragraph the last page left open
        for line in page:
            if is_print_furniture(line, height):
                pending.append(furniture_chunk(line, printed, at_top=line.bottom > height / 2))
                continue
            landmark = "nav" if " ".join(line.text.split()) in repeated else None
            previous = paragraph[-1] if paragraph else None
            if landmark or (previous is not None and starts_block(paragraph, line, pitches, first)):
                flush(paragraph, printed, body_size)
                printed.parts.extend(pending)
                paragraph, pending = [], []
            if not paragraph and last is not None and starts_section(last, line, pitches, first):
                printed.parts.append(Chunk(SECTION))
            last = line
            if landmark:
                printed.parts.append(Chunk(landmark, line.markup().strip(), line.text, line.linked))
                continue
            paragraph.append(line)
            first = False
        # a page break ends a paragraph only where a sentence ends
        if paragraph and _SENTENCE_END.search(paragraph[-1].text):
            flush(paragraph, printed, body_size)
            printed.parts.extend(pending)
            paragraph, pending = [], []
    flush(paragraph, printed, body_size)
    printed.parts.extend(pending)
    return printed


def starts_section(last: Line, line: Line, pitches: dict[float, float], new_page: bool) -> bool:
    """Whether a block begins another region of the printed page (a box, a column, a sidebar):
    set off by its left edge or by a gap of several lines. Regions become <div>s, so the
    extractor weighs the story's region against the menus' as it does on a web page."""
    if abs(line.left - last.left) > SECTION_SHIFT_PT:
        return True
    usual = pitches.get(round(line.size, 1), DEFAULT_PITCH_RATIO * line.size / PARAGRAPH_PITCH_RATIO)
    return not new_page and last.top - line.top > SECTION_GAP_PITCHES * usual


def repeated_lines(pages: list[list[Line]]) -> set[str]:
    """Short lines printed at least REPEATED_LINE_COUNT times: menu entries, not story (a line
    that ends a sentence is left to the extractor: a story may repeat a short sentence)."""
    counts: dict[str, int] = {}
    for page in pages:
        for line in page:
            text = " ".join(line.text.split())
            if len(text) <= REPEATED_LINE_MAX_CHARS and not _SENTENCE_END.search(text):
                counts[text] = counts.get(text, 0) + 1
    return {text for text, count in counts.items() if count >= REPEATED_LINE_COUNT}


def typical_size(pages: list[list[Line]]) -> float:
    """The body's type size: the size most characters are set in."""
    weights: dict[float, int] = {}
    for page in pages:
        for line in page:
            weights[round(line.size, 1)] = weights.get(round(line.size, 1), 0) + len(line.text)
    return max(weights, key=lambda size: weights[size]) if weights else 0.0


def is_print_furniture(line: Line, height: float) -> bool:
    """A line in the page's top or bottom band that reads like a browser's header or footer."""
    in_band = line.bottom < PRINT_BAND_PT or line.top > height - PRINT_BAND_PT
    return in_band and bool(_PRINT_HEADER.match(line.text) or _PAGE_COUNTER.search(line.text))


def furniture_chunk(line: Line, printed: Printed, at_top: bool) -> Chunk:
    """The header or footer line as a landmark; its title and URL are kept for the article."""
    header = _PRINT_HEADER.match(line.text)
    if header and header.group(3) and printed.title is None:
        printed.title = header.group(3).strip()
    footer = _PRINT_FOOTER.match(line.text)
    if footer and footer.group(1) and printed.url is None:
        printed.url = web_url(footer.group(1))
    return Chunk("header" if at_top else "footer", html.escape(line.text), line.text)


def starts_block(paragraph: list[Line], line: Line, pitches: dict[float, float], new_page: bool = False
                 ) -> bool:
    """Whether ``line`` begins a new paragraph or heading rather than continuing ``paragraph``."""
    previous = paragraph[-1]
    if abs(line.size - previous.size) > SIZE_CHANGE_RATIO * max(previous.size, 1.0):
        return True
    if abs(line.linked - previous.linked) >= LINK_CHANGE and ended_short(paragraph, line):
        return True  # prose next to a link line: a story beside a menu or a related list
    if abs(line.left - previous.left) > SECTION_SHIFT_PT:
        return True  # lines of a paragraph share their left edge (a first-line indent is smaller)
    if new_page:
        return False
    pitch = previous.top - line.top
    usual = pitches.get(round(line.size, 1), DEFAULT_PITCH_RATIO * line.size / PARAGRAPH_PITCH_RATIO)
    return pitch > PARAGRAPH_PITCH_RATIO * usual or pitch < -line.size  # a gap, or a new column


def ended_short(paragraph: list[Line], line: Line) -> bool:
    """Whether the last line stopped before its column's edge with room for the next line's first
    word: it ended there on purpose (a paragraph, a menu entry), the text did not wrap."""
    previous = paragraph[-1]
    edge = max(max(one.right for one in paragraph), line.right)
    words = line.text.split()
    width = (line.right - line.left) / max(1, len(line.text))  # the line's mean character width
    return previous.right + width * (len(words[0]) + 1 if words else 0) < edge


def usual_pitches(pages: list[list[Line]]) -> dict[float, float]:
    """The most common top-to-top distance between consecutive lines, per type size."""
    seen: dict[float, list[float]] = {}
    for page in pages:
        for previous, line in zip(page, page[1:], strict=False):
            pitch = previous.top - line.top
            if abs(previous.size - line.size) < 0.1 and 0 < pitch < 3 * line.size:
                seen.setdefault(round(line.size, 1), []).append(round(pitch, 1))
    return {size: statistics.mode(values) for size, values in seen.items()}


def flush(paragraph: list[Line], printed: Printed, body_size: float) -> None:
    """One paragraph (or heading) of lines as a block, its line breaks and hyphens undone."""
    if not paragraph:
        return
    text = join_lines([line.markup().strip() for line in paragraph])
    size = statistics.median(line.size for line in paragraph)
    tag = "h2" if body_size and size >= HEADING_SIZE_RATIO * body_size and len(text) < 300 else "p"
    plain = " ".join(line.text for line in paragraph)
    visible = sum(len("".join(line.text.split())) for line in paragraph)
    linked = sum(line.linked * len("".join(line.text.split())) for line in paragraph) / max(1, visible)
    printed.parts.append(Chunk(tag, text, plain, linked))


def join_lines(lines: list[str]) -> str:
    """Lines joined by spaces; a word broken by the line's hyphen is made whole again."""
    text = ""
    for line in lines:
        if text.endswith(SOFT_HYPHEN):
            text = text[:-1] + line
        elif text.endswith("-") and len(text) > 1 and text[-2].isalpha() and line[:1].islower():
            text += line  # "well-" + "known": the hyphen is the word's own
        else:
            text = f"{text} {line}" if text else line
    return " ".join(text.replace(SOFT_HYPHEN, "-").split())


def document_title(printed: Printed) -> str:
    return f"<title>{html.escape(printed.title)}</title>" if printed.title else ""
