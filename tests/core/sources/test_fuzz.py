"""Fuzzing the loader and the extractor with hostile files: a result or a ReaderError, nothing else.

Every generated input is written to a file and run through ``load`` then ``extract`` (what the
window and ``sift extract`` do). The properties, checked by ``check_pipeline``:
- the only exception that may escape is a :class:`ReaderError` with a kind and a sentence;
- every string of the result is valid Unicode (encodes as UTF-8);
- one input takes bounded time and memory.

CI mode (the default) runs the hypothesis tests below with EXAMPLES_PER_TEST examples each,
2,000+ inputs in all; ``SIFT_FUZZ_EXAMPLES=100000`` spreads 100,000 over them (the long mode),
with a fresh random seed each run instead of CI's fixed one.
"""

from __future__ import annotations

import base64
import codecs
import gzip
import logging
import os
import plistlib
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from loading_fixtures import (
    PNG_1X1,
    STORY,
    eml_bytes,
    encrypted_pdf,
    mbox_bytes,
    mhtml_bytes,
    page,
    printed_article_pdf,
    self_extracting,
    singlefile_html,
    singlefile_zip,
    text_pdf,
    wacz_bytes,
    warc_bytes,
    webarchive_bytes,
)

from reader.core import errors
from reader.core.extract import extract
from reader.core.model import Article
from reader.core.sources.loading import Limits, load

ERROR_KINDS = {"not-found", "is-directory", "permission-denied", "empty", "unsupported-format",
               "too-large", "undecodable", "malformed", "timeout", "internal"}
HYPOTHESIS_TESTS = 8
TOTAL_EXAMPLES = int(os.environ.get("SIFT_FUZZ_EXAMPLES", "2100"))
EXAMPLES_PER_TEST = max(1, TOTAL_EXAMPLES // HYPOTHESIS_TESTS)
LONG_MODE = TOTAL_EXAMPLES > 10_000
# One small generated input takes ~20 ms; 5 s means something went quadratic or hung.
SECONDS_PER_SMALL_INPUT = 5.0
# The explicit giant inputs (10 MB lines, a million elements) must open within the 10 s;
# 20 s leaves room for a loaded CI machine.
SECONDS_PER_GIANT_INPUT = 20.0
# Growth of resident memory one input may cause (the bound for a whole extraction).
MAX_RSS_GROWTH_BYTES = 500 * 1024 * 1024

FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES_PER_TEST, deadline=None, database=None, derandomize=not LONG_MODE,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.function_scoped_fixture, HealthCheck.large_base_example],
)
TRIED = {"inputs": 0, "results": 0, "errors": 0}


@pytest.fixture(scope="module", autouse=True)
def report_counts() -> Iterator[None]:
    yield
    print(f"\nfuzz: {TRIED['inputs']} inputs, {TRIED['results']} articles, "
          f"{TRIED['errors']} typed errors, 0 other exceptions")


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


class ErrorLogRecorder(logging.Handler):
    """Collects ERROR records: with no logging set up, Python prints them (and their
    tracebacks) on the user's terminal, which the no-traceback promise forbids."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def current_rss() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def assert_unicode(article: Article) -> None:
    strings = [article.title, article.byline, article.published, article.site, article.language,
               article.url, article.text]
    strings += [b.text for b in article.blocks] + [b.reason for b in article.blocks]
    strings += [w.message for w in article.warnings]
    for text in strings:
        if text is not None:
            text.encode("utf-8")  # raises on lone surrogates


def check_pipeline(path: Path, data: bytes, seconds: float = SECONDS_PER_SMALL_INPUT,
                   page: str | None = None) -> Article | None:
    """Write ``data`` to ``path``, load and extract it, and check the three properties."""
    path.write_bytes(data)
    TRIED["inputs"] += 1
    rss = current_rss() if os.path.exists("/proc/self/statm") else 0
    started = time.monotonic()
    article = None
    recorder = ErrorLogRecorder()
    logging.getLogger().addHandler(recorder)
    try:
        article = extract(load(path, Limits(), page=page))
    except errors.ReaderError as exc:
        TRIED["errors"] += 1
        assert exc.kind in ERROR_KINDS and exc.message.strip(), exc
        exc.message.encode("utf-8")
    else:
        TRIED["results"] += 1
        assert_unicode(article)
    finally:
        logging.getLogger().removeHandler(recorder)
    assert not recorder.records, [r.getMessage() for r in recorder.records]
    elapsed = time.monotonic() - started
    assert elapsed < seconds, f"{path.name} ({len(data)} bytes) took {elapsed:.1f} s"
    if rss:
        assert current_rss() - rss < MAX_RSS_GROWTH_BYTES
    return article


# --- strategies ------------------------------------------------------------------------------

SUFFIXES = ["", ".html", ".htm", ".xhtml", ".txt", ".md", ".mhtml", ".mht", ".webarchive", ".gz", ".pdf",
            ".zip", ".warc", ".wacz", ".eml", ".mbox"]
CODECS = ["utf-8", "utf-16-le", "utf-16-be", "utf-16", "utf-32", "cp1252", "latin-1", "shift_jis",
          "gb18030", "big5", "euc-kr", "koi8-r", "cp1251", "iso-8859-7", "utf-7"]
CHARSET_LABELS = CODECS + ["", "utf-16", "x-user-defined", "base64", "zlib", "rot13", "bogus-charset",
                           "ä", "utf-8\x00", "a" * 300, "'\"><script>", "unicode-1-1-utf-7", "hz"]
# Characters that trip text handling: zero-width, bidi controls, BOMs mid-text, line and
# paragraph separators, C0/C1 controls, replacement character, astral emoji, combining marks.
TRICKY_CHARS = ("\u200b\u200c\u200d\u2060\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068"
                "\u2069\u200e\u200f\u061c\u2028\u2029\x00\x01\x0b\x0c\x1b\x7f\x85\x9f\ufffd\ufffe"
                "\U0001f600\u0301\u0336\u00ad\u3000")
SCRIPTS = [
    STORY,
    "רשות הנמל הודיעה ביום שלישי כי המזח הישן ייפתח מחדש באביב.",  # Hebrew (RTL)
    "أعلنت سلطة الميناء يوم الثلاثاء أن الرصيف القديم سيعاد افتتاحه في الربيع.",  # Arabic (RTL)
    "港务局周二表示，旧码头将于春季重新开放。",
    "東京の港湾局は火曜日、古い桟橋が春に再開すると発表した。",
    "항만청은 화요일 오래된 부두가 봄에 다시 문을 연다고 밝혔다.",
    "Портовое управление заявило, что старый причал откроется весной.",
    "बंदरगाह प्राधिकरण ने मंगलवार को कहा कि पुराना घाट वसंत में फिर से खुलेगा।",
]
texts = st.one_of(
    st.sampled_from(SCRIPTS),
    st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=120),
    st.text(alphabet=st.sampled_from(TRICKY_CHARS + "ab שלום 中文"), max_size=60),
)
TAGS = ["div", "p", "span", "a", "b", "i", "table", "tr", "td", "ul", "ol", "li", "h1", "h2", "h6",
        "script", "style", "svg", "math", "iframe", "object", "embed", "img", "br", "hr", "article",
        "section", "nav", "footer", "header", "aside", "form", "template", "noscript", "title",
        "meta", "base", "link", "frameset", "frame", "pre", "code", "blockquote", "figure",
        "figcaption", "video", "picture", "source", "html", "head", "body", "xmp", "plaintext",
        "textarea", "select", "option", "caption", "time", "x-custom", "svg:svg", "o:p"]
ATTR_VALUES = ["file:///etc/passwd", "../../../etc/shadow", "javascript:alert(1)", "data:text/html,<b>x",
               "https://tracker.example/pixel.gif", "//cdn.example/x.js", "cid:frame-1", "#top",
               "display:none", "background:url(https://x.example/a.png)", "\x00", "\"'><", "",
               "canonical", "og:url", "author", "article:published_time", "2025-03-09T10:00:00Z"]
attrs = st.lists(st.tuples(st.sampled_from(["href", "src", "rel", "content", "property", "name",
                                            "style", "class", "id", "hidden", "charset", "srcset",
                                            "http-equiv", "itemprop", "role", "onload", "xmlns"]),
                           st.sampled_from(ATTR_VALUES) | texts), max_size=3)


@st.composite
def markup_token(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 9))
    tag = draw(st.sampled_from(TAGS))
    if kind <= 2:
        rendered = "".join(f' {k}="{v}"' for k, v in draw(attrs))
        return f"<{tag}{rendered}>"
    if kind == 3:
        return f"</{draw(st.sampled_from(TAGS))}>"
    if kind <= 6:
        return draw(texts)
    return draw(st.sampled_from([
        "<!--", "-->", "<!-- c -->", "<![CDATA[", "]]>", "<!DOCTYPE html>", "<?xml version='1.0'?>",
        "&#0;", "&#xD800;", "&#99999999;", "&#x110000;", "&amp", "&nbsp;", "&", "<", ">", "</",
        "<p", "=\"", "<meta charset=", "<!-- saved from url=(0020)https://x.example/ -->",
        '<link rel="canonical" href="', '<meta property="og:url" content="https://a.example/b">',
        "<script>document.write('<p>x</p>')</script>", "\r\n", "\t", "\x00", "\ufeff",
    ]))


@st.composite
def hostile_html(draw: st.DrawFn) -> bytes:
    """A page of random markup tokens, optionally very nested, in a random (maybe lying) charset."""
    tokens = draw(st.lists(markup_token(), max_size=80))
    depth = draw(st.sampled_from([0, 0, 0, 50, 300, 3000]))
    body = "<div>" * depth + "".join(tokens) + "</div>" * draw(st.integers(0, depth))
    label = draw(st.sampled_from(CHARSET_LABELS))
    head = draw(st.sampled_from(["", f'<meta charset="{label}">',
                                 f'<meta http-equiv="Content-Type" content="text/html; charset={label}">',
                                 f'<?xml version="1.0" encoding="{label}"?>']))
    html = head + "<html><body>" + body if draw(st.booleans()) else body
    codec = draw(st.sampled_from(CODECS))
    data = html.encode(codec, errors=draw(st.sampled_from(["replace", "xmlcharrefreplace", "ignore"])))
    return draw(st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE])) + data


@st.composite
def mixed_encodings(draw: st.DrawFn) -> bytes:
    """Pieces of text each encoded differently, plus invalid UTF-8 and UTF-16 surrogate bytes."""
    pieces = draw(st.lists(st.tuples(texts, st.sampled_from(CODECS)), min_size=1, max_size=8))
    junk = [b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xc0\xaf", b"\xf8\x88\x80\x80\x80", b"\xff\xfe",
            b"\x00\xd8", b"\x00\xdc\x41\x00", b"\xfe\xff\xd8\x00", b"\x80", b"\xe2\x80"]
    data = b"".join(text.encode(codec, errors="replace") + draw(st.sampled_from([b""] + junk))
                    for text, codec in pieces)
    wrap = draw(st.sampled_from(["text", "html", "html-declared"]))
    if wrap == "text":
        return data
    label = draw(st.sampled_from(CHARSET_LABELS)).encode("ascii", "replace")
    head = b'<meta charset="' + label + b'">' if wrap == "html-declared" else b""
    return b"<!DOCTYPE html><html><head>" + head + b"</head><body><p>" + data + b"</p></body></html>"


ENCODINGS = ["base64", "quoted-printable", "7bit", "8bit", "binary", "x-uuencode", "bogus", ""]
MEDIA = ["text/html", "text/html; charset=utf-8", "text/html; charset=bogus", "text/css",
         "image/png", "multipart/related", "multipart/alternative; boundary=inner", "message/rfc822",
         "text/plain", "application/octet-stream", "text/html; charset=\"utf-16\"", ""]


@st.composite
def mime_part(draw: st.DrawFn, boundary: str, depth: int) -> str:
    media = draw(st.sampled_from(MEDIA))
    encoding = draw(st.sampled_from(ENCODINGS))
    if depth > 0 and draw(st.booleans()):  # a nested multipart, possibly unterminated
        inner = f"b{depth}"
        body = draw(mime_body(inner, depth - 1))
        media = f'multipart/related; boundary="{inner}"'
    else:
        raw = draw(st.one_of(hostile_html(), st.binary(max_size=300), st.just(page().encode())))
        body = (base64.encodebytes(raw).decode("ascii") if encoding == "base64"
                else raw.decode("latin-1"))
    location = draw(st.sampled_from(["https://news.example.org/pier", "cid:frame-1", "", "file:///etc/passwd",
                                     "https://news.example.org/img/pier.png"]))
    return (f"--{boundary}\r\nContent-Type: {media}\r\nContent-Transfer-Encoding: {encoding}\r\n"
            f"Content-Location: {location}\r\nContent-ID: <{draw(st.text(max_size=8))}>\r\n\r\n{body}\r\n")


@st.composite
def mime_body(draw: st.DrawFn, boundary: str, depth: int) -> str:
    parts = draw(st.lists(mime_part(boundary, depth), max_size=4))
    return "".join(parts) + draw(st.sampled_from([f"--{boundary}--\r\n", "", f"--{boundary}"]))


MHTML_LOCATIONS = ["https://news.example.org/pier", "", "cid:frame-1"]
MHTML_SUBJECTS = ["=?utf-8?Q?Pier?=", "=?bogus?B?////?=", "=?utf-8?B?", "", "plain"]
MHTML_DATES = ["Sun, 9 Mar 2025 10:15:00 +0100", "yesterday", "31 Feb 99999 99:99", ""]


@st.composite
def hostile_mhtml(draw: st.DrawFn) -> bytes:
    """Archives with random parts, nesting, encodings, headers and missing boundaries."""
    boundary = draw(st.sampled_from(["----b", "x", "", "--", "a" * 200, "----MultipartBoundary--q"]))
    headers = [
        "From: <Saved by Blink>",
        f"Snapshot-Content-Location: {draw(st.sampled_from(MHTML_LOCATIONS))}",
        f"Subject: {draw(st.sampled_from(MHTML_SUBJECTS))}",
        f"Date: {draw(st.sampled_from(MHTML_DATES))}",
        "MIME-Version: 1.0",
        f'Content-Type: multipart/related; type="text/html"; boundary="{boundary}"',
    ]
    headers = draw(st.permutations(headers))
    body = draw(mime_body(boundary, draw(st.integers(0, 6))))
    return ("\r\n".join(headers) + "\r\n\r\n" + body).encode("utf-8", "surrogateescape")


def plist_containers(children: st.SearchStrategy) -> st.SearchStrategy:
    return st.one_of(st.lists(children, max_size=4),
                     st.dictionaries(st.text(max_size=20), children, max_size=4))


plist_values = st.recursive(
    st.one_of(st.binary(max_size=200), st.text(max_size=40), st.integers(-(2**63), 2**63 - 1),
              st.booleans(), st.floats(allow_nan=False)),
    plist_containers, max_leaves=20,
)


@st.composite
def hostile_webarchive(draw: st.DrawFn) -> bytes:
    keys = ["WebMainResource", "WebSubresources", "WebResourceData", "WebResourceURL",
            "WebResourceTextEncodingName", "WebResourceMIMEType"]
    main = draw(st.dictionaries(st.sampled_from(keys), plist_values, max_size=5))
    if draw(st.booleans()):
        main["WebResourceData"] = draw(hostile_html())
    archive = {"WebMainResource": main, "WebSubresources": draw(st.lists(plist_values, max_size=3))}
    top = draw(st.sampled_from([archive, main, [archive], "text"]))
    return plistlib.dumps(top, fmt=plistlib.FMT_BINARY)


VALID_FILES = [page().encode(), mhtml_bytes(), webarchive_bytes(), STORY.encode("utf-16"),
               gzip.compress(page().encode(), mtime=0),
               page(SCRIPTS[4], head='<meta charset="shift_jis">').encode("cp932")]


# The saved forms of issue 17, each valid (sources/test_saved_forms.py), here to be damaged.
_PIER = "https://news.example.org/pier"
SAVED_FORMS = {
    ".html": singlefile_html().encode(), ".zip": singlefile_zip(), "-sfx.html": self_extracting(),
    ".warc.gz": warc_bytes([(_PIER, page())], {_PIER + ".png": PNG_1X1}),
    ".warc": warc_bytes([(_PIER, page())], compress=False, chunked=True, gzip_encoded=True),
    ".wacz": wacz_bytes(warc_bytes([(_PIER, page())]), [(_PIER, "Pier")]),
    ".eml": eml_bytes(), ".mbox": mbox_bytes([eml_bytes(), eml_bytes(subject="Second")]),
    ".pdf": printed_article_pdf(), "-locked.pdf": encrypted_pdf(),
}
VALID_FILES += list(SAVED_FORMS.values())


@st.composite
def mutated_valid_file(draw: st.DrawFn, files: list[bytes] = VALID_FILES) -> bytes:
    """A valid save of each format, truncated anywhere and with random bytes flipped or inserted."""
    data = bytearray(draw(st.sampled_from(files)))
    for _ in range(draw(st.integers(0, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        action = draw(st.integers(0, 2))
        if action == 0:
            data[at] = draw(st.integers(0, 255))
        elif action == 1:
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        else:
            del data[at:at + draw(st.integers(1, 64))]
    return bytes(data[: draw(st.integers(0, len(data)))]) if draw(st.booleans()) else bytes(data)


# --- the generated suites ------------------------------------------------------------------

@FUZZ_SETTINGS
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes(fuzz_dir: Path, data: bytes, suffix: str) -> None:
    check_pipeline(fuzz_dir / f"random{suffix}", data)


@FUZZ_SETTINGS
@given(data=mutated_valid_file(), suffix=st.sampled_from(SUFFIXES))
def test_truncated_and_mutated_saves(fuzz_dir: Path, data: bytes, suffix: str) -> None:
    check_pipeline(fuzz_dir / f"mutated{suffix}", data)


@FUZZ_SETTINGS
@given(form=st.sampled_from(list(SAVED_FORMS)), data=st.data(),
       page_key=st.sampled_from([None, "2", _PIER, "x"]))
def test_damaged_saved_forms(fuzz_dir: Path, form: str, data: st.DataObject, page_key: str | None) -> None:
    """SingleFile, ZIP, WARC, WACZ, e-mail, mailbox and PDF saves, damaged, under their own names."""
    damaged = data.draw(mutated_valid_file([SAVED_FORMS[form]]))
    check_pipeline(fuzz_dir / f"damaged{form}", damaged, page=page_key)


@FUZZ_SETTINGS
@given(data=hostile_html(), suffix=st.sampled_from([".html", ".xhtml", "", ".txt"]))
# Inputs that once broke the extractor, replayed on every run.
@example(data=b"<div>Text \x01 with a control <div>inner</div> and more.</div>", suffix=".html")
@example(data=b'<div hidden="file:///etc/passwd"></div>&#65534;', suffix=".html")
@example(data=b"<div>&#65534;<div>", suffix=".html")
@example(data=b"<div>&#x1<div>&#000000000000011;x</div></div>", suffix="")
def test_hostile_html(fuzz_dir: Path, data: bytes, suffix: str) -> None:
    check_pipeline(fuzz_dir / f"hostile{suffix}", data)


@FUZZ_SETTINGS
@given(data=mixed_encodings(), suffix=st.sampled_from([".html", ".txt", ""]))
def test_mixed_encodings(fuzz_dir: Path, data: bytes, suffix: str) -> None:
    check_pipeline(fuzz_dir / f"mixed{suffix}", data)


@FUZZ_SETTINGS
@given(data=hostile_mhtml(), suffix=st.sampled_from([".mhtml", ".mht", ""]))
def test_hostile_mhtml(fuzz_dir: Path, data: bytes, suffix: str) -> None:
    check_pipeline(fuzz_dir / f"archive{suffix}", data)


@FUZZ_SETTINGS
@given(data=hostile_webarchive())
def test_hostile_webarchive(fuzz_dir: Path, data: bytes) -> None:
    check_pipeline(fuzz_dir / "safari.webarchive", data)


@FUZZ_SETTINGS
@given(data=st.one_of(hostile_html(), hostile_mhtml(), mutated_valid_file()), truncate=st.booleans())
def test_gzipped_hostile_input(fuzz_dir: Path, data: bytes, truncate: bool) -> None:
    packed = gzip.compress(data, mtime=0)
    check_pipeline(fuzz_dir / "packed.html.gz", packed[: len(packed) // 2] if truncate else packed)


# --- giant inputs, once each -----------------------------------------------------------------

def nested_divs() -> bytes:
    return ("<html><body>" + "<div>" * 100_000 + STORY + "</div>" * 100_000 + "</body></html>").encode()


def huge_base64_part() -> bytes:
    image = base64.encodebytes(os.urandom(6 * 1024 * 1024))
    return mhtml_bytes().replace(base64.encodebytes(PNG_1X1), image)


def recursive_mhtml() -> bytes:
    head = 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b0"\r\n\r\n'
    nest = "".join(f'--b{i}\r\nContent-Type: multipart/related; boundary="b{i + 1}"\r\n\r\n'
                   for i in range(5000))
    return (head + nest + "--b5000\r\nContent-Type: text/html\r\n\r\n" + page()).encode()


def many_parts_mhtml() -> bytes:
    part = ("--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
            "Content-Location: https://x.example/{i}.png\r\n\r\niVBORw0KGgo=\r\n")
    parts = "".join(part.format(i=i) for i in range(20_000))
    return ('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n'
            + parts + "--b\r\nContent-Type: text/html\r\n\r\n" + page() + "--b--\r\n").encode()


# The archive that motivated our own MIME reader (reader/core/sources/mime.py): 37 MB whose image
# part is wrapped in 4-character lines, ~6.3 million of them. The standard library's email parser
# keeps each line as a string: 5.7 s and 965 MB here, past MAX_RSS_GROWTH_BYTES; ours 0.2 s, 94 MB.
SHORT_LINE_CHARS = 4
SHORT_LINE_BASE64_MIB = 24  # half again with the CRLFs: a 37.7 MB file


def short_line_mhtml() -> bytes:
    """A real save's layout (quoted-printable page, base64 image) with a 37 MB image of short lines."""
    encoded = base64.b64encode(os.urandom(3 * 256 * 1024))  # 1 MiB of base64 in whole 4-char groups
    block = b"\r\n".join(encoded[i:i + SHORT_LINE_CHARS] for i in range(0, len(encoded), SHORT_LINE_CHARS))
    image = (block + b"\r\n") * SHORT_LINE_BASE64_MIB
    return mhtml_bytes().replace(base64.encodebytes(PNG_1X1), image)


def zip_of(entries: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def nested_zip(depth: int = 20) -> bytes:
    data = singlefile_zip()
    for level in range(depth):
        data = zip_of({f"level{level}.zip": data})
    return data


def many_records_warc() -> bytes:
    """One page among 30,000 image records: listing and opening must stay quick."""
    images = {f"https://news.example.org/img/{n}.png": PNG_1X1 for n in range(30_000)}
    return warc_bytes([("https://news.example.org/pier", page())], images)


def singlefile_with_huge_inline_data() -> bytes:
    picture = "data:image/png;base64," + "A" * (6 * 1024 * 1024)
    font = "data:font/woff2;base64," + "B" * (30 * 1024 * 1024)
    style = f"<style>@font-face{{src:url({font})}}</style>"
    return singlefile_html(page(STORY + f'<img src="{picture}">' + style)).encode()


# Inputs too large for hypothesis to generate quickly, each built only when its test runs.
GIANT_INPUTS: dict[str, Callable[[], bytes]] = {
    "nested-100k-divs.html": nested_divs,
    "single-line-10mb.html": lambda: b"<html><body><p>" + b"word " * 2_000_000 + b"</p></body></html>",
    "single-line-10mb.txt": lambda: b"word " * 2_000_000,  # refused: plain text stops at 1 MiB
    "single-line-1mb.txt": lambda: b"word " * 200_000,  # the longest line a text file may have
    "short-lines-1mb.txt": lambda: b"A short line.\n" * 70_000,
    "single-line-10mb-no-spaces.txt": lambda: b"x" * 10_000_000,
    "million-paragraphs.html": lambda: b"<html><body>" + b"<p>x</p>" * 1_000_000 + b"</body></html>",
    "wide-table.html": lambda: b"<table>" + b"<tr><td>a</td><td>b</td></tr>" * 300_000 + b"</table>",
    "nul-bytes.html": lambda: page().encode().replace(b" ", b"\x00") * 2000,
    "huge-base64-part.mhtml": huge_base64_part,
    "recursive.mhtml": recursive_mhtml,
    "many-parts.mhtml": many_parts_mhtml,
    "short-lines-37mb.mhtml": short_line_mhtml,
    "zip-bomb-200mb.zip": lambda: zip_of({"index.html": page().encode() + b" " * (200 * 1024 * 1024)}),
    "nested-20.zip": nested_zip,
    "giant-record-60mb.warc.gz": lambda: warc_bytes([("https://news.example.org/pier",
                                                       page(STORY + " word" * 12_000_000))]),
    "many-records.warc.gz": many_records_warc,
    "many-pages-400.pdf": lambda: text_pdf([[(STORY[:60], 36, 700, 12)]] * 400),
    "inline-data-36mb.html": singlefile_with_huge_inline_data,
}


@pytest.mark.parametrize("name", list(GIANT_INPUTS))
def test_giant_inputs_are_bounded(fuzz_dir: Path, name: str) -> None:
    check_pipeline(fuzz_dir / name, GIANT_INPUTS[name](), seconds=SECONDS_PER_GIANT_INPUT)


def test_the_short_line_archive_is_read_not_refused(fuzz_dir: Path) -> None:
    """Bounded is not enough for a plausible save: its story comes out."""
    data = short_line_mhtml()
    assert len(data) > 36 * 1024 * 1024 and data.count(b"\n") > 6_000_000
    article = check_pipeline(fuzz_dir / "short-lines-story.mhtml", data, seconds=SECONDS_PER_GIANT_INPUT)
    assert article is not None and STORY in article.text
