"""An article as Markdown, standalone HTML or the CLI's JSON record, with the reader's highlights.

The Markdown front matter is YAML whose every value is written as JSON (a subset of YAML), so
any YAML reader takes it and quoting is never ambiguous. Only story blocks are exported.
Highlights are ``==marked==`` in Markdown (Obsidian's syntax) with notes as footnotes, and
``<mark>`` in HTML; highlights whose text is gone ("orphaned") are listed after the story.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from reader import APP_NAME
from reader.core.export.annotation import article_iri, to_annotation
from reader.core.export.marks import Run, block_runs, note_numbers, orphaned
from reader.core.model import Analysis, Article, Block, Claim, Highlight
from reader.core.records import article_record

EXPORT_FORMATS = {"markdown": ".md", "html": ".html", "json": ".json"}
# Characters that would start Markdown syntax at the beginning of a paragraph.
_MARKDOWN_LEAD = re.compile(r"^(\s*)([#>*+\-=|]|\d+[.)])")


def to_json(article: Article, analysis: Analysis | None = None, highlights: Sequence[Highlight] = (),
            article_id: str | None = None) -> str:
    """The ``sift extract`` record, as the command line prints it (pretty-printed), plus the
    highlights as W3C annotations when there are any."""
    record = article_record(article, analysis)
    if highlights:
        source = article_iri(article, article_id)
        record["annotations"] = [to_annotation(h, source) for h in highlights]
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def front_matter(article: Article, analysis: Analysis | None, extra: Mapping[str, Any] | None = None) -> str:
    fields: dict[str, Any] = {"title": article.title, "byline": article.byline,
                              "date": article.published, "site": article.site, "url": article.url}
    fields.update(extra or {})
    lines = ["---"]
    lines += [f"{key}: {json.dumps(value, ensure_ascii=False)}"
              for key, value in fields.items() if value]
    if analysis is not None and analysis.entities:
        lines.append("entities:")
        lines += ["  - " + json.dumps({"name": e.name, "type": e.type, "mentions": len(e.mentions)},
                                      ensure_ascii=False) for e in analysis.entities]
    if analysis is not None and analysis.claims:
        lines.append("claims:")
        lines += ["  - " + json.dumps(claim_summary(c), ensure_ascii=False) for c in analysis.claims]
    lines.append("---")
    return "\n".join(lines) + "\n"


def claim_summary(claim: Claim) -> dict[str, Any]:
    return {"speaker": claim.speaker_entity or (claim.speaker.text if claim.speaker else None),
            "cue": claim.cue.text, "content": " … ".join(s.text for s in claim.content),
            "kind": claim.kind, "disputes": claim.disputes}


def to_markdown(article: Article, analysis: Analysis | None = None, highlights: Sequence[Highlight] = (),
                extra: Mapping[str, Any] | None = None) -> str:
    """Front matter, the title as a heading, the story in Markdown with its highlights, then the
    reader's notes, highlights that lost their place, and the entities and claims."""
    parts = [front_matter(article, analysis, extra)]
    if article.title:
        parts.append("# " + article.title.strip())
    meta = meta_line(article)
    if meta:
        parts.append("*" + escape_markdown(meta) + "*")
    numbers = note_numbers(highlights)
    parts += [block_markdown(b, marked_markdown(runs, numbers))
              for b, runs in block_runs(article, highlights)]
    parts += orphans_markdown(highlights, numbers)
    parts += [f"[^{numbers[h.id]}]: {escape_markdown(h.note or '')}" for h in highlights if h.id in numbers]
    parts += appendix_markdown(analysis)
    return "\n\n".join(p for p in parts if p) + "\n"


def escape_markdown(text: str) -> str:
    return escape_lead(escape_inline(" ".join(text.split())))


def escape_inline(text: str) -> str:
    """Markdown's inline syntax characters escaped (``=`` too: ``==`` marks a highlight)."""
    return re.sub(r"([\\`*_\[\]<>=])", r"\\\1", text)


def escape_lead(text: str) -> str:
    return _MARKDOWN_LEAD.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def marked_markdown(runs: Sequence[Run], numbers: Mapping[str, int]) -> str:
    """A block's runs as Markdown: ``==highlighted==`` with a footnote marker for a note."""
    out: list[str] = []
    for run in runs:
        text = escape_inline(re.sub(r"\s+", " ", run.text))
        if run.highlight is None or not text.strip():
            out.append(text)
            continue
        lead, core, trail = re.match(r"^(\s*)(.*?)(\s*)$", text, re.S).groups()  # type: ignore[union-attr]
        number = numbers.get(run.highlight.id) if run.closes else None
        out.append(f"{lead}=={core}==" + (f"[^{number}]" if number else "") + trail)
    return escape_lead("".join(out).strip())


def orphans_markdown(highlights: Sequence[Highlight], numbers: Mapping[str, int]) -> list[str]:
    lost = orphaned(highlights)
    if not lost:
        return []
    lines = ["## Highlights no longer found in the text"]
    for h in lost:
        marker = f"[^{numbers[h.id]}]" if h.id in numbers else ""
        lines.append("> " + escape_markdown(h.exact) + marker)
    return lines


def appendix_markdown(analysis: Analysis | None) -> list[str]:
    """Entities and claims as readable lists after the story (the front matter has them as data)."""
    if analysis is None or not (analysis.entities or analysis.claims):
        return []
    parts: list[str] = []
    if analysis.entities:
        parts.append("## Entities")
        parts.append("\n".join(f"- **{escape_markdown(e.name)}** ({e.type}, {len(e.mentions)})"
                               for e in analysis.entities))
    if analysis.claims:
        parts.append("## Claims")
        lines = []
        for c in analysis.claims:
            summary = claim_summary(c)
            speaker = escape_markdown(summary["speaker"] or "unnamed")
            cue, content = escape_markdown(summary["cue"]), escape_markdown(summary["content"])
            lines.append(f"- {speaker} *{cue}*: {content}")
        parts.append("\n".join(lines))
    return parts


def block_markdown(block: Block, text: str | None = None) -> str:
    text = escape_markdown(block.text) if text is None else text
    if block.kind == "heading":
        return "#" * min(6, max(2, block.level or 2)) + " " + text
    if block.kind == "list-item":
        return "  " * max(0, block.level - 1) + "- " + text
    if block.kind == "quote":
        return "> " + text
    if block.kind == "image" and block.image and not block.image.startswith("data:"):
        return f"![{text}]({block.image})"
    if block.kind == "table" and block.rows:
        return table_markdown(block.rows)
    if block.kind == "preformatted":
        return "```\n" + block.text + "\n```"
    return text


def table_markdown(rows: tuple[tuple[str, ...], ...]) -> str:
    width = max(len(r) for r in rows)
    cells = [[escape_markdown(c).replace("|", "\\|") for c in r] + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(r) + " |" for r in cells[1:]]
    return "\n".join(lines)


def meta_line(article: Article) -> str:
    """byline · date · site, as the reading view's meta line shows them."""
    return " · ".join(p for p in (article.byline, article.published, article.site) if p)


HTML_STYLE = """body{font-family:Georgia,'Times New Roman',serif;line-height:1.6;max-width:40em;
margin:2em auto;padding:0 1em;color:#222;background:#fff}h1{line-height:1.2}
.meta{color:#666;font-style:italic}blockquote{border-left:3px solid #ccc;margin-left:0;padding-left:1em}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em}img{max-width:100%}"""


HIGHLIGHT_STYLE = """mark{padding:0 .1em}mark.yellow{background:#fff3a3}mark.green{background:#c8f0c0}
mark.blue{background:#cfe3ff}mark.pink{background:#ffd1e3}
.note{font-size:.85em;color:#555}"""


def to_html(article: Article, analysis: Analysis | None = None, highlights: Sequence[Highlight] = ()) -> str:
    """A clean standalone page: no scripts, no external resources, the story alone."""
    esc = html.escape
    title = article.title or article.path.name
    body = [f"<h1>{esc(article.title)}</h1>"] if article.title else []
    meta = meta_line(article)
    if meta:
        body.append(f'<p class="meta">{esc(meta)}</p>')
    if article.url:
        body.append(f'<p class="meta">Saved from <a href="{esc(article.url)}">{esc(article.url)}</a></p>')
    numbers = note_numbers(highlights)
    body += [block_html(b, marked_html(runs, numbers)) for b, runs in block_runs(article, highlights)]
    body += notes_html(highlights, numbers)
    language = f' lang="{esc(article.language)}"' if article.language else ""
    return (f"<!DOCTYPE html>\n<html{language}>\n<head>\n<meta charset=\"utf-8\">\n"
            f"<meta name=\"generator\" content=\"{APP_NAME}\">\n<title>{esc(title)}</title>\n"
            f"<style>{HTML_STYLE}{HIGHLIGHT_STYLE if highlights else ''}</style>\n</head>\n"
            "<body>\n<article>\n"
            + "\n".join(body) + "\n</article>\n</body>\n</html>\n")


def html_note_ref(number: int) -> str:
    return f'<sup><a href="#note-{number}" id="ref-{number}">{number}</a></sup>'


def marked_html(runs: Sequence[Run], numbers: Mapping[str, int], escape: Callable[[str], str] = html.escape,
                note_ref: Callable[[int], str] = html_note_ref) -> str:
    """A block's runs as (X)HTML: ``<mark>`` around highlights, a note reference after a noted one."""
    out: list[str] = []
    for run in runs:
        text = escape(run.text)
        if run.highlight is None:
            out.append(text)
            continue
        out.append(f'<mark class="{run.highlight.color}">{text}</mark>')
        number = numbers.get(run.highlight.id) if run.closes else None
        if number:
            out.append(note_ref(number))
    return "".join(out)


def notes_html(highlights: Sequence[Highlight], numbers: Mapping[str, int]) -> list[str]:
    """The notes, and the highlights whose text is gone, after the story."""
    parts: list[str] = []
    lost = orphaned(highlights)
    if lost:
        parts.append("<h2>Highlights no longer found in the text</h2>")
        parts += [f'<blockquote><p><mark class="{h.color}">{html.escape(h.exact)}</mark></p></blockquote>'
                  for h in lost]
    noted = sorted((h for h in highlights if h.id in numbers), key=lambda h: numbers[h.id])
    if noted:
        items = "".join(f'<li id="note-{numbers[h.id]}" class="note">{html.escape(h.note or "")}</li>'
                        for h in noted)
        parts.append(f"<h2>Notes</h2><ol>{items}</ol>")
    return parts


def block_html(block: Block, marked: str | None = None) -> str:
    text = html.escape(block.text) if marked is None else marked
    if block.kind == "heading":
        level = min(6, max(2, block.level or 2))
        return f"<h{level}>{text}</h{level}>"
    if block.kind == "list-item":
        return f"<ul><li>{text}</li></ul>"
    if block.kind == "quote":
        return f"<blockquote><p>{text}</p></blockquote>"
    if block.kind == "image" and block.image and block.image.startswith("data:"):
        return (f'<figure><img src="{html.escape(block.image)}" alt="{html.escape(block.text)}">'
                f"<figcaption>{text}</figcaption></figure>")
    if block.kind == "table" and block.rows:
        rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>"
                       for r in block.rows)
        return f"<table>{rows}</table>"
    if block.kind == "preformatted":
        return f"<pre>{text}</pre>"
    return f"<p>{text}</p>"
