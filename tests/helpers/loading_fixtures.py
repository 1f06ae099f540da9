"""Builders for saved-article files in every format the loader reads, written into tmp_path.

Shared by the loader, CLI, fuzz and nothing-lost tests so each format is built one way only.
The texts are our own sentences.
"""

from __future__ import annotations

import base64
import contextlib
import gzip
import hashlib
import http.server
import io
import json
import os
import plistlib
import quopri
import re
import shutil
import signal
import ssl
import subprocess
import threading
import urllib.parse
import zipfile
from collections.abc import Iterator
from pathlib import Path

STORY = (
    "The harbour authority said on Tuesday that the old ferry pier would reopen in spring. "
    "“We’re glad to see it back,” said José Núñez, who runs the café beside the quay."
)
# A 1x1 transparent PNG, built by hand so no image file is needed.
PNG_1X1 = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)
BOUNDARY = "----MultipartBoundary--sift0test0boundary----"


def page(body: str = STORY, head: str = "", title: str = "Pier to reopen") -> str:
    """A small but complete HTML page around ``body``."""
    return (f"<!DOCTYPE html>\n<html><head>{head}<title>{title}</title></head>"
            f"<body><article><h1>{title}</h1><p>{body}</p></article></body></html>\n")


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def mhtml_bytes(html: str = page(), *, charset: str = "utf-8", url: str = "https://news.example.org/pier",
                subject: str = "=?utf-8?Q?Pier_to_reopen_=E2=80=93_harbour?=",
                date: str = "Sun, 9 Mar 2025 10:15:00 +0100", image: bytes = PNG_1X1,
                part_charset_in_meta: bool = False) -> bytes:
    """A Chrome-style MHTML: headers, a quoted-printable HTML part and a base64 image part."""
    encoded_html = quopri.encodestring(html.encode(charset)).decode("ascii")
    image_b64 = base64.encodebytes(image).decode("ascii")
    content_type = "text/html" if part_charset_in_meta else f'text/html; charset="{charset}"'
    return (
        "From: <Saved by Blink>\r\n"
        f"Snapshot-Content-Location: {url}\r\n"
        f"Subject: {subject}\r\n"
        f"Date: {date}\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: multipart/related;\r\n"
        '\ttype="text/html";\r\n'
        f'\tboundary="{BOUNDARY}"\r\n\r\n\r\n'
        f"--{BOUNDARY}\r\n"
        f"Content-Type: {content_type}\r\n"
        "Content-ID: <frame-1@mhtml.blink>\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        f"Content-Location: {url}\r\n\r\n"
        f"{encoded_html}\r\n"
        f"--{BOUNDARY}\r\n"
        "Content-Type: image/png\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        "Content-Location: https://news.example.org/img/pier.png\r\n\r\n"
        f"{image_b64}\r\n"
        f"--{BOUNDARY}--\r\n"
    ).encode("ascii")


def webarchive_bytes(html: str = page(), *, charset: str | None = "UTF-8",
                     url: str = "https://news.example.org/pier") -> bytes:
    """A Safari .webarchive: a binary property list with a main resource and one subresource."""
    main: dict[str, object] = {"WebResourceData": html.encode(charset or "utf-8"),
                               "WebResourceMIMEType": "text/html", "WebResourceURL": url,
                               "WebResourceFrameName": ""}
    if charset:
        main["WebResourceTextEncodingName"] = charset
    archive = {"WebMainResource": main, "WebSubresources": [
        {"WebResourceData": PNG_1X1, "WebResourceMIMEType": "image/png",
         "WebResourceURL": "https://news.example.org/img/pier.png"}]}
    return plistlib.dumps(archive, fmt=plistlib.FMT_BINARY)


def gzipped(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


def fingerprint(path: Path) -> tuple[str, int, int]:
    """Content hash, mtime (ns) and mode of a file: what "unchanged" means for the tests."""
    info = os.stat(path)
    return hashlib.sha256(path.read_bytes()).hexdigest(), info.st_mtime_ns, info.st_mode


def snapshot_tree(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Every file under ``folder`` with its fingerprint: detects writes, moves and new files."""
    return {str(p.relative_to(folder)): fingerprint(p) for p in sorted(folder.rglob("*")) if p.is_file()}


# --- the saved forms of issue 17: SingleFile, WARC/WACZ, ArchiveBox, e-mail, PDF -------------------

SINGLEFILE_DATE = "Sun Mar 09 2025 10:15:00 GMT+0100 (Central European Standard Time)"
PNG_DATA_URL = "data:image/png;base64," + base64.b64encode(PNG_1X1).decode("ascii")


def singlefile_html(html: str = page(), url: str = "https://news.example.org/pier",
                    saved: str = SINGLEFILE_DATE) -> str:
    """A page as SingleFile saves it: its comment with URL and date after <html>, scripts gone."""
    comment = f"<!--\n Page saved with SingleFile \n url: {url} \n saved date: {saved}\n-->"
    html = re.sub(r"<script\b.*?</script>", "", html, flags=re.I | re.S)
    at = re.search(r"<html[^>]*>", html, re.I)
    return html[:at.end()] + comment + html[at.end():] if at else comment + html


def singlefile_zip(html: str = page(), url: str = "https://news.example.org/pier",
                   images: dict[str, bytes] | None = None) -> bytes:
    """A SingleFile ZIP save: index.html (with its comment) and its images beside it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("index.html", singlefile_html(html, url))
        for name, data in (images or {"images/0.png": PNG_1X1}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def self_extracting(zip_html: str = page(), url: str = "https://news.example.org/pier") -> bytes:
    """A self-extracting SingleFile save: an HTML page whose bytes are also the ZIP (in a comment)."""
    prefix = (b"<!DOCTYPE html><html><head><meta charset=windows-1252><title>Please wait...</title>"
              b"</head><body><p>Please wait...</p><!--")
    buffer = io.BytesIO(prefix)
    buffer.seek(0, io.SEEK_END)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_STORED) as archive:  # appended: offsets count the page
        archive.writestr("index.html", singlefile_html(zip_html, url))
        archive.writestr("images/0.png", PNG_1X1)
        archive.comment = b"--><script>/* unpacks the archive in a browser */</script></body></html>"
    return buffer.getvalue()


def warc_bytes(pages: list[tuple[str, str]], images: dict[str, bytes] | None = None, *,
               compress: bool = True, date: str = "2025-03-09T09:15:00Z", redirect_first: bool = True,
               chunked: bool = False, gzip_encoded: bool = False) -> bytes:
    """A WARC as crawlers write it: per page a request, (a redirect), a response; then the images."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    headers = {"WARC-Date": date}

    def response(url: str, status: str, media_type: str, body: bytes, extra: list[tuple[str, str]]) -> None:
        http = StatusAndHeaders(status, [("Content-Type", media_type), *extra], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                           warc_headers_dict=headers)
        writer.write_record(record)

    for number, (url, html) in enumerate(pages):
        if number == 0 and redirect_first:
            response(url.replace("https://", "http://"), "301 Moved Permanently", "text/html", b"",
                     [("Location", url)])
        body = html.encode("utf-8")
        extra: list[tuple[str, str]] = []
        if gzip_encoded:
            body = gzip.compress(body, mtime=0)
            extra.append(("Content-Encoding", "gzip"))
        if chunked:
            chunks = [c for c in (body[:100], body[100:]) if c]
            body = b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in chunks) + b"0\r\n\r\n"
            extra.append(("Transfer-Encoding", "chunked"))
        response(url, "200 OK", "text/html; charset=utf-8", body, extra)
    for url, data in (images or {}).items():
        response(url, "200 OK", "image/png", data, [])
    return out.getvalue()


def wacz_bytes(warc: bytes, pages: list[tuple[str, str]]) -> bytes:
    """A WACZ: the WARC under archive/, pages/pages.jsonl (main page first), datapackage.json."""
    lines = [json.dumps({"format": "json-pages-1.0", "id": "pages", "title": "All Pages"})]
    lines += [json.dumps({"id": str(i), "url": url, "title": title, "ts": "2025-03-09T09:15:00Z"})
              for i, (url, title) in enumerate(pages)]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("archive/data.warc.gz"), warc)  # stored, as WACZ asks
        archive.writestr("pages/pages.jsonl", "\n".join(lines) + "\n")
        archive.writestr("datapackage.json", json.dumps({"profile": "data-package", "wacz_version": "1.1.1"}))
    return buffer.getvalue()


def archivebox_snapshot(folder: Path, html: str = page(), *, url: str = "https://news.example.org/pier",
                        title: str = "Pier to reopen", timestamp: str = "1741511700.0",
                        outputs: tuple[str, ...] = ("singlefile", "dom", "wget")) -> Path:
    """An ArchiveBox snapshot folder: index.json and the outputs asked for."""
    folder.mkdir(parents=True, exist_ok=True)
    canonical = {}
    if "singlefile" in outputs:
        write(folder, "singlefile.html", singlefile_html(html, url))
        canonical["singlefile_path"] = "singlefile.html"
    if "dom" in outputs:
        write(folder, "output.html", html)
        canonical["dom_path"] = "output.html"
    if "wget" in outputs:
        (folder / "news.example.org").mkdir(exist_ok=True)
        write(folder / "news.example.org", "pier.html", html)
        canonical["wget_path"] = "news.example.org/pier.html"
    index = {"url": url, "title": title, "timestamp": timestamp, "canonical": canonical}
    write(folder, "index.json", json.dumps(index))
    return folder


NEWSLETTER_CLUTTER = (
    '<p><a href="https://news.example.org/view">View in browser</a></p>',
    '<p>You are receiving this because you subscribed. <a href="https://x.example/u">Unsubscribe</a> · '
    '<a href="https://x.example/p">Manage preferences</a></p>',
)
TRACKING_PIXEL = '<img src="https://track.example/open.gif?id=42" width="1" height="1" alt="">'


def eml_bytes(html: str | None = page(), text: str | None = STORY, *, subject: str = "Pier to reopen",
              sender: str = "Harbour Weekly <news@harbour.example>",
              date: str = "Sun, 9 Mar 2025 10:15:00 +0100", image: bytes | None = PNG_1X1) -> bytes:
    """A newsletter e-mail: multipart/related around multipart/alternative (text, HTML) and a cid: image."""
    parts = []
    if text is not None:
        parts.append("Content-Type: text/plain; charset=utf-8\r\n"
                     "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
                     + quopri.encodestring(text.encode("utf-8")).decode("ascii"))
    if html is not None:
        parts.append("Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                     + base64.encodebytes(html.encode("utf-8")).decode("ascii"))
    alternative = "".join(f"--alt\r\n{p}\r\n" for p in parts) + "--alt--\r\n"
    related = f"--rel\r\nContent-Type: multipart/alternative; boundary=alt\r\n\r\n{alternative}"
    if image is not None:
        related += ("--rel\r\nContent-Type: image/png\r\nContent-ID: <pier@harbour>\r\n"
                    "Content-Disposition: inline\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                    + base64.encodebytes(image).decode("ascii") + "\r\n")
    related += "--rel--\r\n"
    headers = (f"Return-Path: <news@harbour.example>\r\nMessage-ID: <1@harbour.example>\r\nFrom: {sender}\r\n"
               f"To: reader@example.org\r\nSubject: {subject}\r\nDate: {date}\r\nMIME-Version: 1.0\r\n"
               "List-Unsubscribe: <https://x.example/u>\r\n"
               'Content-Type: multipart/related; boundary="rel"\r\n\r\n')
    return (headers + related).encode("utf-8")


def mbox_bytes(messages: list[bytes]) -> bytes:
    """A mailbox: each message after its "From " envelope line, "From " in bodies escaped."""
    out = b""
    for message in messages:
        body = message.replace(b"\r\n", b"\n").replace(b"\nFrom ", b"\n>From ")
        out += b"From news@harbour.example Sun Mar  9 10:15:00 2025\n" + body + b"\n"
    return out


CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-extensions",
                  "--disable-default-apps", "--proxy-server=http://127.0.0.1:9")
# Never the network: every host resolves to nothing and every request goes to a dead proxy, save
# the page's own host when it is served from 127.0.0.1 (print_pdf's ``url``).
NO_HOSTS = "MAP * ~NOTFOUND"


# Chromium prints a corpus page in 2-5 s here, on a busy machine up to ~15 s.
PRINT_SECONDS = 30


def chromium() -> str | None:
    """Debian's headless Chromium, or None (tests that print PDFs then skip)."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def throwaway_certificate(folder: Path) -> tuple[Path, Path]:
    """A throwaway self-signed certificate and key (openssl's command line) for the local server:
    a page's host may be on the browsers' HTTPS-only list, so the page is served over https, and
    Chromium is told to accept any certificate for it."""
    key, certificate = folder / "server-key.pem", folder / "server-cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-keyout", str(key), "-out", str(certificate), "-subj", "/CN=sift-test",
                    "-days", "2"], check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=PRINT_SECONDS)
    return certificate, key


class _OnePage(http.server.BaseHTTPRequestHandler):
    """Serves the page at its own path and nothing else (its images and styles get 404s)."""

    page_path = "/"
    body = b""
    timeout = PRINT_SECONDS  # a connection Chromium opens and leaves idle is dropped

    def setup(self) -> None:
        """The TLS handshake here, in the connection's own thread: done in the server's accept,
        one idle connection Chromium opened ahead (a preconnect) would stall every other."""
        if isinstance(self.request, ssl.SSLSocket):
            self.request.settimeout(self.timeout)
            self.request.do_handshake()
        super().setup()

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        found = urllib.parse.unquote(self.path) == urllib.parse.unquote(self.page_path)
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(self.body) if found else 0))
        self.end_headers()
        if found:
            self.wfile.write(self.body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base class's name)
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """Nothing: Chromium drops connections it opened ahead (a handshake cut short is no fault)."""


@contextlib.contextmanager
def served(body: bytes, url: str, folder: Path) -> Iterator[list[str]]:
    """``body`` served from 127.0.0.1 at ``url``'s path (over https when ``url`` is https, with a
    throwaway certificate), and the Chromium flags that send ``url``'s host, and only it, there:
    the printed footer then carries the page's real address."""
    parts = urllib.parse.urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    server = _QuietServer(("127.0.0.1", 0), type("Handler", (_OnePage,), {"page_path": path, "body": body}))
    if parts.scheme.lower() == "https":
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(*throwaway_certificate(folder))
        server.socket = context.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host = parts.hostname or ""
    try:
        yield [f"--host-resolver-rules=MAP {host} 127.0.0.1:{server.server_address[1]}, {NO_HOSTS}",
               f"--proxy-bypass-list={host}", "--ignore-certificate-errors"]
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def print_pdf(html: str | bytes, folder: Path, name: str = "page", url: str | None = None) -> Path:
    """The page printed to PDF by headless Chromium, with its header and footer (its scripts removed,
    a fresh profile, no network). With a web ``url`` the page is served at that address from
    127.0.0.1, so the footer shows it; without, it is printed from a file:// copy in ``folder``,
    whose footer shows a file path. Chromium's own switch for scripts
    (--blink-settings=scriptEnabled=false) makes headless printing write nothing, so the scripts
    are taken out of the page instead."""
    binary = chromium()
    assert binary is not None, "callers skip when Chromium is absent"
    source = folder / f"{name}.html"
    text = html if isinstance(html, str) else html.decode("utf-8", "replace")
    source.write_text(re.sub(r"<script\b.*?</script\s*>", "", text, flags=re.I | re.S), encoding="utf-8")
    target = folder / f"{name}.pdf"
    with contextlib.ExitStack() as stack:
        if url and re.match(r"https?://", url, re.I):
            flags = stack.enter_context(served(source.read_bytes(), url, folder))
            address = url
        else:
            flags, address = [f"--host-resolver-rules={NO_HOSTS}"], source.as_uri()
        run_chromium([binary, *CHROMIUM_FLAGS, *flags, f"--print-to-pdf={target}", address], folder / name)
    if not target.exists():
        raise RuntimeError(f"Chromium printed no PDF for {source}")
    return target


def run_chromium(command: list[str], scratch: Path) -> None:
    """Chromium with a fresh profile under ``scratch``, stopped after PRINT_SECONDS."""
    profile = scratch.with_name(f"{scratch.name}-profile")
    # Its own session, so a Chromium that never finishes (a few corpus pages hang it here, network
    # or not) is stopped with all its helper processes; stdin closed (with a pipe it can hang too).
    process = subprocess.Popen([*command, f"--user-data-dir={profile}"], stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "HOME": str(scratch.parent)}, start_new_session=True)
    try:
        process.wait(timeout=PRINT_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    shutil.rmtree(profile, ignore_errors=True)


FORMS = ("singlefile", "singlefile-zip", "self-extracting", "warc", "wacz", "archivebox", "eml", "pdf")
_IMG_SRC = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']""", re.I)
# Images per generated archive: enough to check they are served, few enough to keep tests quick.
MAX_FIXTURE_IMAGES = 8


def page_url(html: str, fallback: str) -> str:
    """The page's own canonical address when it states one, else ``fallback``."""
    match = re.search(r"""<link[^>]+rel=["']canonical["'][^>]*href=["'](https?://[^"']+)""", html, re.I)
    return match.group(1) if match else fallback


def page_images(html: str, url: str) -> dict[str, bytes]:
    """Stand-in bytes (a 1x1 PNG) for the first images the page names, by absolute address."""
    from urllib.parse import urljoin

    found = [urljoin(url, m.group(1)) for m in _IMG_SRC.finditer(html) if not m.group(1).startswith("data:")]
    return dict.fromkeys([u for u in found if u.startswith("http")][:MAX_FIXTURE_IMAGES], PNG_1X1)


def saved_form(form: str, html: str, folder: Path, url: str) -> Path:
    """The page saved as ``form`` (one of FORMS) in ``folder``; "pdf" needs Chromium."""
    folder.mkdir(parents=True, exist_ok=True)
    if form == "singlefile":
        return write(folder, "page.html", singlefile_html(html, url))
    if form == "singlefile-zip":
        return write(folder, "page.zip", singlefile_zip(html, url))
    if form == "self-extracting":
        return write(folder, "page-sfx.html", self_extracting(html, url))
    if form in ("warc", "wacz"):
        warc = warc_bytes([(url, html)], page_images(html, url))
        if form == "warc":
            return write(folder, "page.warc.gz", warc)
        return write(folder, "page.wacz", wacz_bytes(warc, [(url, "")]))
    if form == "archivebox":
        return archivebox_snapshot(folder / "snapshot", html, url=url)
    if form == "eml":
        return write(folder, "page.eml", eml_bytes(html, text=None, image=None))
    if form == "pdf":
        return print_pdf(html, folder, url=url)
    raise ValueError(form)


PdfLine = tuple[str, float, float, float]  # text, x, y, type size (points)


def text_pdf(pages: list[list[PdfLine]],
             size: tuple[float, float] = (612, 792)) -> bytes:
    """A PDF made here with PDFium (no browser needed): per page, (text, x, y, type size) lines in
    the standard Helvetica font."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    document = pdfium.PdfDocument.new()
    for lines in pages:
        sheet = document.new_page(*size)
        for text, x, y, points in lines:
            obj = raw.FPDFPageObj_NewTextObj(document.raw, b"Helvetica", ctypes.c_float(points))
            encoded = (text + "\0").encode("utf-16-le")
            raw.FPDFText_SetText(obj, (ctypes.c_ushort * (len(encoded) // 2)).from_buffer_copy(encoded))
            raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
            raw.FPDFPage_InsertObject(sheet.raw, obj)
        raw.FPDFPage_GenerateContent(sheet.raw)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def printed_article_pdf(paragraphs: int = 6, url: str = "https://news.example.org/pier") -> bytes:
    """A two-page PDF laid out as a browser prints a page: header, title, paragraphs, footer."""
    pages: list[list[PdfLine]] = []
    for number in (1, 2):
        lines: list[PdfLine] = [("3/9/25, 10:15 AM Pier to reopen | Harbour News", 25, 770, 8),
                 (f"{url} {number}/2", 25, 16, 8)]
        if number == 1:
            lines.append(("Pier to reopen", 36, 700, 24))
        top = 660.0
        for index in range(paragraphs):
            lines += [(f"({number}.{index}) " + STORY[:70], 36, top, 12),
                      (STORY[70:140] + ".", 36, top - 14, 12)]
            top -= 40
        pages.append(lines)
    return text_pdf(pages)


_TOKEN = re.compile(r"\w+")


def token_f1(expected: str, found: str) -> float:
    """Bag-of-words F1 of two stories (words casefolded): how far one extraction agrees with another."""
    from collections import Counter

    want, got = Counter(_TOKEN.findall(expected.casefold())), Counter(_TOKEN.findall(found.casefold()))
    common = sum((want & got).values())
    if not want and not got:
        return 1.0
    if not common:
        return 0.0
    precision, recall = common / sum(got.values()), common / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def encrypted_pdf() -> bytes:
    """A one-page PDF behind a password: a standard security handler whose keys no password opens."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
               b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>"]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    table = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    file_id = b"<00112233445566778899aabbccddeeff>"
    out += (b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [%s %s] >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objects) + 1, file_id, file_id, table))
    return out
