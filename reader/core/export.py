"""An article as Markdown, standalone HTML or the CLI's JSON record (Qt-free; PDF is the GUI's).

The Markdown front matter is YAML whose every value is written as JSON (a subset of YAML), so
any YAML reader takes it and quoting is never ambiguous. Only story blocks are exported.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from reader import APP_NAME
from reader.core.model import Analysis, Article, Block, Claim
from reader.core.records import article_record

EXPORT_FORMATS = {"markdown": ".md", "html": ".html", "json": ".json"}
# Characters that would start Markdown syntax at the beginning of a paragraph.
_MARKDOWN_LEAD = re.compile(r"^(\s*)([#>*+\-=|]|\d+[.)])")


def to_json(article: Article, analysis: Analysis | None = None) -> str:
    """The ``sift extract`` record, as the command line prints it (pretty-printed)."""
    return json.dumps(article_record(article, analysis), ensure_ascii=False, indent=2) + "\n"


def front_matter(article: Article, analysis: Analysis | None) -> str:
    fields: dict[str, Any] = {"title": article.title, "byline": article.byline,
                              "date": article.published, "site": article.site, "url": article.url}
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


def to_markdown(article: Article, analysis: Analysis | None = None) -> str:
    """Front matter, the title as a heading, then the story in Markdown."""
    parts = [front_matter(article, analysis)]
    if article.title:
        parts.append("# " + article.title.strip())
    meta = meta_line(article)
    if meta:
        parts.append("*" + escape_markdown(meta) + "*")
    parts += [block_markdown(b) for b in article.story_blocks]
    return "\n\n".join(p for p in parts if p) + "\n"


def escape_markdown(text: str) -> str:
    text = re.sub(r"([\\`*_\[\]<>])", r"\\\1", " ".join(text.split()))
    return _MARKDOWN_LEAD.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def block_markdown(block: Block) -> str:
    text = escape_markdown(block.text)
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


def to_html(article: Article, analysis: Analysis | None = None) -> str:
    """A clean standalone page: no scripts, no external resources, the story alone."""
    esc = html.escape
    title = article.title or article.path.name
    body = [f"<h1>{esc(article.title)}</h1>"] if article.title else []
    meta = meta_line(article)
    if meta:
        body.append(f'<p class="meta">{esc(meta)}</p>')
    if article.url:
        body.append(f'<p class="meta">Saved from <a href="{esc(article.url)}">{esc(article.url)}</a></p>')
    body += [block_html(b) for b in article.story_blocks]
    language = f' lang="{esc(article.language)}"' if article.language else ""
    return (f"<!DOCTYPE html>\n<html{language}>\n<head>\n<meta charset=\"utf-8\">\n"
            f"<meta name=\"generator\" content=\"{APP_NAME}\">\n<title>{esc(title)}</title>\n"
            f"<style>{HTML_STYLE}</style>\n</head>\n<body>\n<article>\n"
            + "\n".join(body) + "\n</article>\n</body>\n</html>\n")


def block_html(block: Block) -> str:
    text = html.escape(block.text)
    if block.kind == "heading":
        level = min(6, max(2, block.level or 2))
        return f"<h{level}>{text}</h{level}>"
    if block.kind == "list-item":
        return f"<ul><li>{text}</li></ul>"
    if block.kind == "quote":
        return f"<blockquote><p>{text}</p></blockquote>"
    if block.kind == "image" and block.image and block.image.startswith("data:"):
        return f'<figure><img src="{html.escape(block.image)}" alt="{text}"><figcaption>{text}</figcaption></figure>'
    if block.kind == "table" and block.rows:
        rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in block.rows)
        return f"<table>{rows}</table>"
    if block.kind == "preformatted":
        return f"<pre>{text}</pre>"
    return f"<p>{text}</p>"


def export_text(kind: str, article: Article, analysis: Analysis | None = None) -> str:
    """The article in one of :data:`EXPORT_FORMATS`."""
    makers = {"markdown": to_markdown, "html": to_html, "json": to_json}
    return makers[kind](article, analysis)

