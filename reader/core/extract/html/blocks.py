"""A page's <body> → its paragraph-level blocks in reading order, each tied to its element.

A block is a block element with no block elements inside (a leaf), a data table, a <pre>,
an image, or a run of loose text between the block children of a container. The walk is
iterative so deeply nested pages cannot exhaust the stack.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml.html import HtmlElement

from reader.core.extract import collapse_visible
from reader.core.model import BlockKind

BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav",
    "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
    "ul", "html",
})
HEADING_TAGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
LIST_TAGS = frozenset({"ul", "ol", "menu", "dir"})
# Tables whose cells hold these are page layout, not data: walk into them instead.
LAYOUT_MARKERS = frozenset({"table", "p", "div", "ul", "ol", "h1", "h2", "h3", "blockquote"})
# A data table larger than this is walked cell by cell: a whole page laid out as one grid.
MAX_TABLE_CELLS = 400  # far above any data table in the corpora; layout grids exceed it


@dataclass
class PageBlock:
    """One block with what the classifiers need: its element, ancestors and link share."""

    elem: HtmlElement  # the leaf element, or the container that owns a loose text run
    path: tuple[HtmlElement, ...]  # ancestors from <body> down, ``elem`` itself excluded
    text: str
    kind: BlockKind = "paragraph"
    level: int = 0
    link_chars: int = 0
    image: str | None = None  # the raw src of an <img>; resolved to a local reference later
    rows: tuple[tuple[str, ...], ...] = ()
    flags: set[str] = field(default_factory=set)  # how the block was cut, e.g. {"run"}
    landmark: str | None = None  # reason of the nearest landmark around it (nav, footer, ...)
    surroundings: str | None = None  # reason of the nearest landmark or furniture class around it

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


def tag_of(el: HtmlElement) -> str:
    """The tag name ("" for comments and the like); lxml's HTML parser gives it lower-cased."""
    tag = el.tag
    return tag if isinstance(tag, str) else ""


def elements_with_blocks(body: HtmlElement) -> set[HtmlElement]:
    """Every element that has a block element somewhere below it: each block marks its
    ancestors, stopping at the first one already marked, so every element is visited once."""
    marked: set[HtmlElement] = set()
    for el in body.iter(*BLOCK_TAGS):
        parent = el.getparent()
        while parent is not None and parent not in marked:
            marked.add(parent)
            parent = parent.getparent()
    return marked


def link_chars(el: HtmlElement) -> int:
    return sum(len(collapse_visible(a.text_content())) for a in el.iter("a"))


def leaf_kind(el: HtmlElement, path: tuple[HtmlElement, ...]) -> tuple[BlockKind, int]:
    """The model kind and level of a leaf block from its tag and its ancestors."""
    tag = tag_of(el)
    if tag in HEADING_TAGS:
        return "heading", HEADING_TAGS[tag]
    if tag == "pre":
        return "preformatted", 0
    if tag in ("figcaption", "caption"):
        return "caption", 0
    if tag == "li":
        return "list-item", max(1, sum(1 for _ in el.iterancestors(*LIST_TAGS)))
    if tag == "blockquote" or next(el.iterancestors("blockquote"), None) is not None:
        return "quote", 0
    if tag != "p" and next(el.iterancestors("figure"), None) is not None:
        return "caption", 0
    return "paragraph", 0


def preformatted_text(el: HtmlElement) -> str:
    """A <pre> keeps its lines; spaces inside each line are collapsed, blank lines dropped."""
    lines = (collapse_visible(line) for line in el.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def is_data_table(table: HtmlElement) -> bool:
    cells = 0
    for el in table.iter():
        tag = tag_of(el)
        if tag in LAYOUT_MARKERS and el is not table:
            return False
        cells += tag in ("td", "th")
    return 0 < cells <= MAX_TABLE_CELLS


def table_rows(table: HtmlElement) -> tuple[tuple[str, ...], ...]:
    rows = []
    for tr in table.iter("tr"):
        cells = tuple(collapse_visible(c.text_content()) for c in tr if tag_of(c) in ("td", "th"))
        if any(cells):
            rows.append(cells)
    return tuple(rows)


def image_blocks(el: HtmlElement, path: tuple[HtmlElement, ...]) -> list[PageBlock]:
    """The <img> elements at or under ``el`` as image blocks (text is empty: images are not prose)."""
    images = [el] if tag_of(el) == "img" else list(el.iter("img"))
    blocks = []
    for img in images:
        src = img.get("src") or img.get("data-src") or ""
        if src:
            blocks.append(PageBlock(elem=img, path=path, text="", kind="image", image=src.strip()))
    return blocks


def leaf_blocks(el: HtmlElement, path: tuple[HtmlElement, ...]) -> list[PageBlock]:
    """The block (and images) of a leaf element."""
    tag = tag_of(el)
    if tag == "table":
        rows = table_rows(el)
        text = " ".join(" ".join(c for c in row if c) for row in rows)
        return [PageBlock(elem=el, path=path, text=text, kind="table", rows=rows, link_chars=link_chars(el))]
    kind, level = leaf_kind(el, path)
    if kind == "paragraph" and has_paragraph_breaks(el):  # not quotes: an embedded post keeps its lines
        return [*(PageBlock(elem=el, path=path, text=text, kind=kind, link_chars=links, flags={"part"})
                  for text, links in paragraph_parts(el)), *image_blocks(el, path)]
    text = preformatted_text(el) if kind == "preformatted" else collapse_visible(el.text_content())
    if not text:
        return image_blocks(el, path)
    return [PageBlock(elem=el, path=path, text=text, kind=kind, level=level, link_chars=link_chars(el)),
            *image_blocks(el, path)]


def is_double_break(child: HtmlElement, previous: HtmlElement | None) -> bool:
    """A <br> right after another <br> (only spaces between): the end of a paragraph."""
    return (tag_of(child) == "br" and previous is not None and tag_of(previous) == "br"
            and (not previous.tail or previous.tail.isspace()))


def has_paragraph_breaks(el: HtmlElement) -> bool:
    """Whether two <br> in a row cut the element's own text into paragraphs, as pages without
    <p> write them (only the element's children count; nested inline markup does not)."""
    previous: HtmlElement | None = None
    for child in el:
        if is_double_break(child, previous):
            return True
        previous = child
    return False


def paragraph_parts(el: HtmlElement) -> list[tuple[str, int]]:
    """The element's text cut at each run of two or more <br>: (text, link characters) per part."""
    parts: list[tuple[str, int]] = []
    pieces: list[str] = [el.text or ""]
    links = 0
    previous: HtmlElement | None = None
    for child in el:
        if is_double_break(child, previous):
            text = collapse_visible("".join(pieces))
            parts.extend([(text, min(links, len(text)))] if text else [])
            pieces, links = [], 0
        elif tag_of(child) != "br":
            pieces.append(child.text_content())
            own = collapse_visible(child.text_content())
            links += len(own) if tag_of(child) == "a" else link_chars(child)
        pieces.append(child.tail or "")
        previous = child
    text = collapse_visible("".join(pieces))
    return [*parts, (text, min(links, len(text)))] if text else parts


# One item of the walk: (action, element, path, text). Actions: visit an element, add loose text
# to the open run, or close the run (the element then owns the next one). Plain tuples: the walk
# makes tens of thousands of them on a large page.
VISIT, TEXT, FLUSH = 0, 1, 2
Step = tuple[int, HtmlElement, tuple[HtmlElement, ...], str]


def segment_blocks(body: HtmlElement) -> list[PageBlock]:
    """Every block of the body in reading order (an explicit stack instead of recursion)."""
    containers = elements_with_blocks(body)
    blocks: list[PageBlock] = []
    run: list[tuple[str, int]] = []  # loose text pieces (text, link chars) of the open run
    owner: tuple[HtmlElement, tuple[HtmlElement, ...]] = (body, ())  # the container of the run
    stack: list[Step] = [(VISIT, body, (), "")]
    while stack:
        action, el, path, text = stack.pop()
        if action == TEXT:
            run.append((text, 0))
            continue
        if action == FLUSH:
            flush_run(run, owner, blocks)
            owner = (el, path)
            continue
        tag = tag_of(el)
        if tag == "pre" or tag == "table" and is_data_table(el) or el not in containers and tag in BLOCK_TAGS:
            flush_run(run, owner, blocks)
            blocks.extend(leaf_blocks(el, path))
        elif el not in containers:  # an inline element: part of the run, its images beside it
            run.append((el.text_content(), link_chars(el)))
            blocks.extend(image_blocks(el, path))
        else:
            stack.extend(reversed(container_steps(el, path)))
    flush_run(run, owner, blocks)
    return blocks


def container_steps(el: HtmlElement, path: tuple[HtmlElement, ...]) -> list[Step]:
    """A container's own text, its children and their tails, in reading order, between flushes."""
    inner = path + (el,)
    steps: list[Step] = [(FLUSH, el, inner, "")]
    if el.text:
        steps.append((TEXT, el, inner, el.text))
    for child in el:
        if isinstance(child.tag, str):
            steps.append((VISIT, child, inner, ""))
        if child.tail:
            steps.append((TEXT, el, inner, child.tail))
    # Loose text after this container belongs to its parent's run again.
    steps.append((FLUSH, path[-1], path, "") if path else (FLUSH, el, inner, ""))
    return steps


def flush_run(run: list[tuple[str, int]], owner: tuple[HtmlElement, tuple[HtmlElement, ...]],
              blocks: list[PageBlock]) -> None:
    """Close the open run of loose text as one paragraph block owned by its container."""
    if not run:
        return
    text = collapse_visible("".join(piece for piece, _ in run))
    links = sum(n for _, n in run)
    run.clear()
    if text:
        el, path = owner
        quoted = el.tag == "blockquote" or next(el.iterancestors("blockquote"), None) is not None
        blocks.append(PageBlock(elem=el, path=path[:-1] if path and path[-1] is el else path,
                                text=text, kind="quote" if quoted else "paragraph",
                                link_chars=min(links, len(text)), flags={"run"}))
