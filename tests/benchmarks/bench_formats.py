"""The saved forms of issue 17 against the same page's HTML: agreement, URL, time, memory, listing.

Every dev AEB page is saved in each form by the test generators (tests/helpers/loading_fixtures.py:
SingleFile plain/ZIP/self-extracting, WARC, WACZ, an ArchiveBox folder, an .eml, and a PDF printed
by headless Chromium when it is installed), then loaded and extracted. Reported per form:
token F1 of its story against the HTML page's story (all pages, and the even and odd halves),
how often the URL comes back (and how often a wrong one does), and the time to the story against
the HTML page's, measured in the same run (median of three runs each; the per-page ratios' median
and mean, and the ratio of the totals). Then a 200 MB WARC holding all the pages and their
images: time to list its pages (alone, and as the window does before its page picker opens:
reading the file and listing), time to open its main page, and peak memory,
each in a forked child so the figures are its own.

    .venv/bin/python tests/benchmarks/bench_formats.py [--pages N] [--forms singlefile,pdf] [--json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "helpers")]

from loading_fixtures import (  # noqa: E402
    FORMS,
    chromium,
    page_images,
    page_url,
    saved_form,
    token_f1,
    warc_bytes,
    write,
)

from reader.core.extract import extract  # noqa: E402
from reader.core.sources.loading import list_pages, load  # noqa: E402

sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
from peak_rss import in_child  # noqa: E402

AEB = ROOT.parent / "shared" / "corpus" / "aeb" / "html"
RUNS = 3  # timing runs per page and form; the median is kept (the machine is shared)
WARC_TARGET_BYTES = 200 * 1024 * 1024  # the "200 MB WARC"
# Stand-in image bytes per picture in the big WARC: random, so gzip cannot shrink the archive.
WARC_IMAGE_BYTES = 256 * 1024


def timed(work: Callable[[], object]) -> float:
    """The median seconds of RUNS runs of ``work``."""
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def measure_forms(pages: list[Path], forms: list[str], folder: Path, by_page: bool = False
                  ) -> dict[str, dict[str, object]]:
    """Per form: F1 of each page, URLs recovered, time ratios to the HTML page, failures."""
    results: dict[str, dict[str, list]] = {f: {"f1": [], "url": [], "ratio": [], "failed": [], "number": [],
                                               "wrong_url": [], "seconds": [], "html_seconds": []}
                                           for f in forms}
    for number, source in enumerate(pages):
        html = gzip.decompress(source.read_bytes()).decode("utf-8", "replace")
        work = folder / f"p{number}"
        (work / "ref").mkdir(parents=True)
        reference = write(work / "ref", "page.html", html)
        html_story = extract(load(reference)).body
        html_time = timed(lambda page=reference: extract(load(page)))  # type: ignore[misc]
        url = page_url(html, f"https://aeb.example/{source.name[:16]}")
        for form in forms:
            try:
                path = saved_form(form, html, work / form, url)
                article = extract(load(path))
            except Exception as exc:  # a page Chromium cannot print, or a failure to report
                results[form]["failed"].append(f"{source.name[:10]}: {type(exc).__name__}: {exc}"[:160])
                continue
            form_time = timed(lambda p=path: extract(load(p)))  # type: ignore[misc]
            results[form]["f1"].append(token_f1(html_story, article.body))
            results[form]["url"].append(article.url == url)
            results[form]["wrong_url"].append(article.url not in (url, None))  # a cut or foreign address
            results[form]["ratio"].append(form_time / html_time)
            results[form]["number"].append(number)
            results[form]["seconds"].append(form_time)
            results[form]["html_seconds"].append(html_time)
    report = {form: summary(values) for form, values in results.items()}
    if by_page:  # which page is which: the folder p<number> holds page <number>'s forms
        for form, values in results.items():
            pairs = zip(values["number"], values["f1"], strict=True)
            report[form]["f1_by_page"] = {number: round(f1, 4) for number, f1 in pairs}
    return report


def summary(values: dict[str, list]) -> dict[str, object]:
    f1, ratios = values["f1"], values["ratio"]
    if not f1:
        return {"pages": 0, "failed": values["failed"]}
    # the two halves of the dev pages (even and odd numbers), for thresholds tuned on one of them
    halves = {name: [v for v, n in zip(f1, values["number"], strict=True) if n % 2 == parity]
              for name, parity in (("even", 0), ("odd", 1))}
    return {"pages": len(f1), "f1_mean": round(statistics.mean(f1), 4),
            "f1_median": round(statistics.median(f1), 4), "f1_min": round(min(f1), 3),
            **{f"f1_{name}_mean_median": [round(statistics.mean(v), 4), round(statistics.median(v), 4)]
               for name, v in halves.items() if v},
            "url_wrong": sum(values["wrong_url"]),
            "time_ratio_of_totals": round(sum(values["seconds"]) / sum(values["html_seconds"]), 2),
            "pages_f1_ge_0.95": sum(v >= 0.95 for v in f1), "pages_f1_ge_0.90": sum(v >= 0.90 for v in f1),
            "url_recovered": f"{sum(values['url'])}/{len(f1)}",
            "time_ratio_median": round(statistics.median(ratios), 2), "time_ratio_max": round(max(ratios), 2),
            "time_ratio_mean": round(statistics.mean(ratios), 2), "failed": values["failed"]}


def big_warc(pages: list[Path], target: Path) -> Path:
    """All the pages with random stand-in images, repeated until the WARC reaches 200 MB."""
    with open(target, "wb") as out:
        copy = 0
        while out.tell() < WARC_TARGET_BYTES:
            for source in pages:
                html = gzip.decompress(source.read_bytes()).decode("utf-8", "replace")
                url = page_url(html, f"https://aeb.example/{source.name[:16]}") + f"?copy={copy}"
                images = {u + f"?copy={copy}": os.urandom(WARC_IMAGE_BYTES) for u in page_images(html, url)}
                out.write(warc_bytes([(url, html)], images, redirect_first=False))
                if out.tell() >= WARC_TARGET_BYTES:
                    break
            copy += 1
    return target


def measure_big_warc(pages: list[Path], folder: Path) -> dict[str, object]:
    path = big_warc(pages, folder / "big.warc.gz")
    listing = in_child(lambda: len(list_pages(path)))
    picker = in_child(lambda: len(pages_to_pick(path)))  # what the window does before its picker opens
    opening = in_child(lambda: len(extract(load(path)).body))
    return {"megabytes": round(path.stat().st_size / 1024 / 1024), "pages_listed": listing.get("result"),
            "list_seconds": listing.get("seconds"), "list_peak_mb": listing.get("peak_mb"),
            "picker_seconds": picker.get("seconds"), "picker_peak_mb": picker.get("peak_mb"),
            "open_seconds": opening.get("seconds"), "open_peak_mb": opening.get("peak_mb")}


def pages_to_pick(path: Path) -> tuple[object, ...]:
    """The window's opening task on a file of several pages: read it once, list its pages."""
    from reader.core.reading import PageChoice, open_or_list_pages

    choice = open_or_list_pages(path)
    assert isinstance(choice, PageChoice), "the big WARC should offer its pages"
    return choice.pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=0, help="only the first N dev pages (default: all)")
    parser.add_argument("--forms", default=",".join(FORMS), help="comma-separated forms")
    parser.add_argument("--no-big-warc", action="store_true", help="skip the 200 MB WARC")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--keep", type=Path, help="write the saved forms here and keep them (default: a "
                                                     "temporary folder); the JSON then lists each page's F1")
    args = parser.parse_args()
    pages = sorted(AEB.glob("*.html.gz"))
    pages = pages[: args.pages] if args.pages else pages
    forms = [f for f in args.forms.split(",") if f != "pdf" or chromium() is not None]
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep.resolve() if args.keep else Path(tmp)
        report: dict[str, object] = {"forms": measure_forms(pages, forms, folder, by_page=bool(args.keep))}
        if not args.no_big_warc:
            report["big_warc"] = measure_big_warc(sorted(AEB.glob("*.html.gz")), Path(tmp))
    if args.json:
        print(json.dumps(report, indent=1))
        return 0
    forms_report: dict[str, dict[str, object]] = report["forms"]  # type: ignore[assignment]
    for form, figures in forms_report.items():
        failed: list[str] = figures.pop("failed")  # type: ignore[assignment]
        print(f"{form:16} {json.dumps(figures)}  failed: {len(failed)}")
        for line in failed:
            print(f"    {line}")
    if "big_warc" in report:
        print("200 MB WARC", json.dumps(report["big_warc"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
