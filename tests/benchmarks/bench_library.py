"""The library's speed and size against issue 14's targets.

Usage: .venv/bin/python tests/benchmarks/bench_library.py [--skip-import] [--articles N] [--runs N]
Prints one JSON object:
- ``import``: ``sift library add`` of the 83 dev AEB pages plus the seed, with analysis, on a
  fresh library using every core, beside one ``sift extract`` process over the same files (the
  single-process time) divided by the cores; target ratio <= 1.6. Then the same folder again
  (re-import, nothing changed): target <= 2 s, process start included.
- ``synthetic``: a library of N (10,000) articles generated from the corpus texts without spaCy:
  varied titles, sites, dates, people, organizations and places named in sentences the article
  really contains, with claims and dispute links. Text search, entity query and speaker query
  over it: target <= 50 ms median, <= 150 ms p95 each; database bytes per article beyond the
  stored text: target <= 12 KB. Also opening the file (with its structural check), listing the
  first screen, and forgetting one article (which compacts the search index).
- Issue 16 over the same library: the speaker page (claims with disputes both ways, and the
  articles that mention the person) and the disputes view (filtered by a person, and every
  link of the library): target <= 100 ms median each. Also the sources column of a first
  screen, a site's aggregated sources, and an article's versions view.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.core.library import Filters, Library  # noqa: E402
from reader.core.library.articles import insert_article, see_path  # noqa: E402
from reader.core.library.entities import garbage_collect, relink  # noqa: E402
from reader.core.library.store import now_iso, transaction  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
AEB_PAGES = CORPUS / "aeb" / "html"
SEED = CORPUS / "seed" / "000_f2ed90793f4af516.txt"
SYNTHETIC_ARTICLES = 10_000
IMPORT_RUNS = 3  # extract / import pairs: the machine is shared, the median pair is reported
QUERY_RUNS = 60  # queries per kind: enough for a stable p95
BATCH = 500  # synthetic articles per transaction while generating
BARE_SURNAME_SHARE = 0.4  # articles that also name someone by a surname alone

FIRST_NAMES = [
    "Anna",
    "Boris",
    "Carla",
    "David",
    "Elena",
    "Farid",
    "Grace",
    "Hugo",
    "Ingrid",
    "Jamal",
    "Keiko",
    "Liam",
    "Maria",
    "Nikolai",
    "Olga",
    "Pedro",
    "Quentin",
    "Rosa",
    "Samir",
    "Tara",
    "Ulrich",
    "Vera",
    "Walter",
    "Ximena",
    "Yusuf",
    "Zofia",
    "Alan",
    "Beatriz",
    "Chen",
    "Dmitri",
]
LAST_NAMES = [
    "Novak",
    "Okafor",
    "Petrov",
    "Quinn",
    "Rossi",
    "Schmidt",
    "Tanaka",
    "Usman",
    "Varga",
    "Weber",
    "Xu",
    "Yilmaz",
    "Zhou",
    "Andersen",
    "Bianchi",
    "Costa",
    "Dubois",
    "Eriksen",
    "Fischer",
    "Garcia",
    "Horvat",
    "Ivanova",
    "Jensen",
    "Kowalski",
    "Larsen",
    "Moreau",
    "Nielsen",
    "Ortiz",
    "Popescu",
    "Reyes",
]
ORG_WORDS = ["Ministry of", "Bank of", "Council for", "Institute of", "Union of", "Agency for"]
ORG_TOPICS = [
    "Energy",
    "Defence",
    "Health",
    "Transport",
    "Fisheries",
    "Culture",
    "Trade",
    "Water",
    "Science",
    "Housing",
    "Labour",
    "Tourism",
    "Mining",
    "Forestry",
    "Aviation",
    "Statistics",
    "Ports",
    "Youth",
]
PLACES = [
    "Avonford",
    "Brightwater",
    "Castlemere",
    "Dunhollow",
    "Eastbrook",
    "Fairhaven",
    "Glenrock",
    "Highgate",
    "Ironbridge",
    "Juniper Bay",
    "Kingsport",
    "Lakeshore",
    "Millbrook",
    "Northwick",
    "Oakridge",
    "Pinecrest",
    "Queensbury",
    "Riverton",
    "Stonefield",
    "Thornbury",
    "Upton",
    "Valewood",
    "Westmoor",
    "Yarrowdale",
]
SITES = [
    f"{word} {kind}"
    for word in ("Daily", "Evening", "Morning", "Weekly", "Metro", "National", "Coastal", "Valley")
    for kind in ("Post", "Herald", "Courier", "Times", "News")
]
TOPIC_WORDS = [
    "budget",
    "bridge",
    "election",
    "harbour",
    "strike",
    "school",
    "hospital",
    "river",
    "tariff",
    "railway",
    "festival",
    "court",
    "drought",
    "vaccine",
    "mine",
    "airport",
    "treaty",
    "museum",
]
CUES = ["said", "told reporters", "argued", "warned", "insisted", "denied"]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def stats_ms(values: list[float]) -> dict[str, float]:
    return {
        "median_ms": round(statistics.median(values) * 1000, 2),
        "p95_ms": round(percentile(values, 0.95) * 1000, 2),
    }


# -- import of the corpus ------------------------------------------------------------------


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Wall seconds, CPU seconds (the process and every process it waited for: the pool), result."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, result


def bench_import(work: Path, runs: int) -> dict[str, Any]:
    """Single-process extract and pooled import alternate ``runs`` times (a fresh library each
    time), so a burst of other work on a shared machine slows both alike; medians reported."""
    folder = work / "pages"
    folder.mkdir()
    for page in sorted(AEB_PAGES.glob("*.html.gz")):
        shutil.copy(page, folder / page.name)
    shutil.copy(SEED, folder / SEED.name)
    files = sorted(str(p) for p in folder.iterdir())
    env = {**os.environ, "PATH": f"{ROOT / '.venv' / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}"}
    python = sys.executable
    cores = os.cpu_count() or 1
    singles: list[float] = []
    imports: list[float] = []
    ratios: list[float] = []
    cpu: dict[str, list[float]] = {"extract": [], "import": []}
    for run in range(runs):
        single, single_cpu, extracted = timed([python, "-m", "reader", "extract", "--jobs", "1", *files], env)
        assert extracted.returncode == 0, extracted.stderr
        db = work / f"import-{run}.sqlite3"
        add = [python, "-m", "reader", "library", "add", str(folder), "--library", str(db)]
        parallel, parallel_cpu, imported = timed(add, env)
        statuses = [json.loads(line)["status"] for line in imported.stdout.splitlines()]
        assert statuses.count("added") == len(files), imported.stderr
        singles.append(single)
        imports.append(parallel)
        ratios.append(parallel / (single / cores))
        cpu["extract"].append(single_cpu)
        cpu["import"].append(parallel_cpu)
    again, _, reimported = timed(add, env)
    again_statuses = [json.loads(line)["status"] for line in reimported.stdout.splitlines()]
    return {
        "files": len(files),
        "cores": cores,
        "runs": runs,
        "single_process_extract_s": [round(t, 2) for t in singles],
        "import_s": [round(t, 2) for t in imports],
        "ratio_to_single_over_cores": [round(r, 3) for r in ratios],
        "median_ratio": round(statistics.median(ratios), 3),
        "target_ratio": 1.6,
        "cpu_s": {k: [round(t, 1) for t in v] for k, v in cpu.items()},
        "reimport_s": round(again, 2),
        "reimport_statuses": {s: again_statuses.count(s) for s in set(again_statuses)},
        "target_reimport_s": 2.0,
    }


# -- the synthetic library -----------------------------------------------------------------


def corpus_texts() -> list[dict[str, Any]]:
    """The corpus's story records without analysis (extraction only: a few seconds)."""
    from reader.core.reading import extract_record

    records = []
    for path in [*sorted(AEB_PAGES.glob("*.html.gz")), SEED]:
        try:
            record = extract_record(path, analysis=False)
        except Exception:  # noqa: BLE001 - a page that fails is simply not a template
            continue
        if len(record["body"]) > 500:
            records.append(record)
    return records


def people() -> list[str]:
    return [f"{first} {last}" for first in FIRST_NAMES for last in LAST_NAMES]


def synthetic_record(
    rng: random.Random, base: dict[str, Any], n: int, names: list[str], weights: list[float]
) -> dict[str, Any]:
    """One article: paragraphs of a corpus body (rotated and cut), sentences naming people,
    organizations and places, each a claim; spans are computed on the final text."""
    paragraphs = base["body"].split("\n\n")
    start = rng.randrange(len(paragraphs))
    chosen = (paragraphs[start:] + paragraphs[:start])[: rng.randint(4, 14)]
    topic = rng.choice(TOPIC_WORDS)
    title = f"{rng.choice(PLACES)} {topic} {rng.choice(['row', 'plan', 'vote', 'talks', 'report'])} #{n}"
    speakers = list(dict.fromkeys(rng.choices(names, weights, k=rng.randint(2, 6))))
    orgs = [f"{rng.choice(ORG_WORDS)} {rng.choice(ORG_TOPICS)}" for _ in range(rng.randint(1, 3))]
    places = rng.sample(PLACES, rng.randint(1, 4))
    # The sentences are built piece by piece so every claim's spans are known exactly.
    said: list[tuple[str, int, str, int, int]] = []  # speaker, at, cue, content start, content end
    block = ""
    for person in speakers:
        cue = rng.choice(CUES)
        content = f"the {topic} in {rng.choice(places)} would change everything for the {rng.choice(orgs)}"
        at = len(block)
        block += f"{person} {cue} that {content}. "
        content_at = at + len(person) + len(cue) + len(" that ") + 1
        said.append((person, at, cue, content_at, content_at + len(content)))
    block += " ".join(f"{p.split()[-1]} later repeated the point." for p in speakers[:2])
    # Some articles name someone by the surname alone: a bare name the library links (or not).
    bare = rng.choice(LAST_NAMES) if rng.random() < BARE_SURNAME_SHARE else None
    if bare is not None and not any(p.endswith(f" {bare}") for p in speakers):
        block += f" {bare} declined to comment."
    else:
        bare = None
    head = "\n\n".join(chosen[:2])
    body = "\n\n".join([head, block, *chosen[2:]])
    text = f"{title}\n\n{body}"
    offset = len(title) + 2 + len(head) + 2
    entities = []
    for name, kind in [
        *((p, "person") for p in speakers),
        *((o, "organization") for o in dict.fromkeys(orgs)),
        *((p, "place") for p in places),
    ]:
        forms = [name, name.split()[-1]] if kind == "person" else [name]
        mentions = [{"start": i, "end": i + len(f), "text": f} for f in forms for i in find_all(text, f)]
        entities.append({"name": name, "type": kind, "aliases": forms[1:], "mentions": mentions[:20]})
    if bare is not None:
        found = find_all(text, f"{bare} declined")
        mentions = [{"start": i, "end": i + len(bare), "text": bare} for i in found]
        entities.append({"name": bare, "type": "person", "aliases": [], "mentions": mentions})
    claims = []
    for index, (person, at, cue, start, end) in enumerate(said):
        at += offset
        cue_at = at + len(person) + 1
        claims.append(
            {
                "speaker": {"start": at, "end": at + len(person), "text": person},
                "speaker_entity": person,
                "cue": {"start": cue_at, "end": cue_at + len(cue), "text": cue},
                "content": [
                    {
                        "start": offset + start,
                        "end": offset + end,
                        "text": text[offset + start : offset + end],
                    }
                ],
                "kind": "indirect",
                "disputes": index - 1 if index and rng.random() < 0.2 else None,
            }
        )
        assert text[at : at + len(person)] == person and text[cue_at : cue_at + len(cue)] == cue
    date = f"{rng.randint(2022, 2025)}-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}"
    return {
        "path": None,
        "format": "html",
        "title": title,
        "byline": rng.choice(people()),
        "published": date,
        "site": rng.choice(SITES),
        "language": "en",
        "url": f"https://example.org/{n}",
        "body": body,
        "text": text,
        "blocks": [
            {"role": "title", "text": title, "reason": None},
            *({"role": "story", "text": p, "reason": None} for p in body.split("\n\n")),
            *(
                {"role": "clutter", "text": b["text"], "reason": b["reason"]}
                for b in base["blocks"]
                if b["role"] == "clutter"
            ),
        ],
        "warnings": [],
        "entities": entities,
        "claims": claims,
    }


def find_all(text: str, needle: str) -> list[int]:
    found, at = [], text.find(needle)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + len(needle))
    return found


def build_synthetic(db: Path, count: int, rng: random.Random) -> dict[str, Any]:
    bases = corpus_texts()
    names = people()
    weights = [1.0 / (rank + 1) for rank in range(len(names))]  # a few people are in the news a lot
    start = time.perf_counter()
    text_bytes = 0
    with Library.open(db) as library:
        for first in range(0, count, BATCH):
            with transaction(library.conn):
                for n in range(first, min(first + BATCH, count)):
                    record = synthetic_record(rng, rng.choice(bases), n, names, weights)
                    text_bytes += len(record["text"].encode())
                    digest = hashlib.sha256(f"synthetic {n}".encode()).hexdigest()
                    num = insert_article(library.conn, record, digest, now_iso())
                    see_path(library.conn, num, f"/synthetic/{n}.html", 1000 + n, n, now_iso())
        with transaction(library.conn):
            garbage_collect(library.conn)
            relink(library.conn)
        library.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        library.conn.execute("VACUUM")
    size = db.stat().st_size
    return {
        "articles": count,
        "templates": len(bases),
        "build_s": round(time.perf_counter() - start, 1),
        "file_bytes": size,
        "text_bytes": text_bytes,
        "kb_per_article_beyond_text": round((size - text_bytes) / count / 1024, 2),
        "target_kb": 12,
    }


def time_queries(run: Callable[[str], object], queries: list[str]) -> dict[str, Any]:
    """Wall time per query, and this process's CPU time (which other sessions' load on a shared
    machine barely changes: the wall time waits for the CPU, the CPU time does not)."""
    times, cpu_times, sizes = [], [], []
    for query in queries:
        start, cpu = time.perf_counter(), time.process_time()
        result = run(query)
        times.append(time.perf_counter() - start)
        cpu_times.append(time.process_time() - cpu)
        sizes.append(len(result) if isinstance(result, list) else 0)
    cpu_stats = {f"cpu_{k}": v for k, v in stats_ms(cpu_times).items()}
    return {
        **stats_ms(times),
        **cpu_stats,
        "queries": len(queries),
        "median_results": statistics.median(sizes),
    }


def bench_queries(db: Path, rng: random.Random, runs: int) -> dict[str, Any]:
    names = people()
    start = time.perf_counter()
    library = Library.open(db)
    opened = time.perf_counter() - start
    start = time.perf_counter()
    first_screen = library.list_articles(limit=100)
    listed = time.perf_counter() - start
    start = time.perf_counter()
    whole = library.list_articles()
    listed_all = time.perf_counter() - start
    words = TOPIC_WORDS + ["minister", "police", "said", "government", "water", "president"]
    text_queries = [
        rng.choice(
            [
                f"{rng.choice(words)}",
                f"{rng.choice(words)} {rng.choice(PLACES)}",
                f'"{rng.choice(PLACES)} {rng.choice(TOPIC_WORDS)}"',
                f"{rng.choice(words)} -{rng.choice(TOPIC_WORDS)}",
            ]
        )
        for _ in range(runs)
    ]
    popular = names[:5]
    people_queries = [rng.choice(popular) if i % 3 == 0 else rng.choice(names) for i in range(runs)]
    surname_queries = [name.split()[-1] for name in people_queries]
    results = {
        "open_s_with_check": round(opened, 3),
        "list_first_100_ms": round(listed * 1000, 1),
        "list_all_ms": round(listed_all * 1000, 1),
        "listed": len(whole),
        "first_screen": len(first_screen),
        "text_search_limit_100": time_queries(lambda q: library.search(q, limit=100), text_queries),
        "text_search_all_results": time_queries(lambda q: library.search(q), text_queries),
        "entity_query": time_queries(library.entity_articles, people_queries),
        "entity_query_by_surname": time_queries(library.entity_articles, surname_queries),
        "entity_filter_search_limit_100": time_queries(
            lambda q: library.search("", Filters(entity=q), limit=100), people_queries
        ),
        "speaker_query": time_queries(library.speaker_claims, people_queries),
        **bench_story_views(library, people_queries, [s.id for s in first_screen], rng),
    }
    victim = whole[len(whole) // 2].id
    start = time.perf_counter()
    library.forget([victim])
    results["forget_one_s"] = round(time.perf_counter() - start, 2)
    library.close()
    return results


def bench_story_views(library: Library, people_queries: list[str], screen: list[str],
                      rng: random.Random) -> dict[str, Any]:
    """Issue 16's views. The speaker page's claims are read as the page shows them (each claim and
    its disputes decoded for the first screen of 50); the disputes view likewise."""

    def page(name: str) -> list[Any]:
        found = library.speaker_page(name)
        for item in found.claims[:50]:
            _ = (item.claim, item.disputes, item.disputed_by)
        return found.claims

    def links(name: str | None) -> list[Any]:
        found = library.disputes(name)
        for link in found[:50]:
            _ = (link.claim.claim, link.disputed_by.claim)
        return list(found.rows)  # the rows: the links are made as read

    sites = [rng.choice(SITES) for _ in range(len(people_queries) // 3)]
    versions_of = [rng.choice(screen) for _ in range(len(people_queries) // 3)]
    return {
        "speaker_page": time_queries(page, people_queries),
        "disputes_by_entity": time_queries(links, people_queries),
        "disputes_all": time_queries(lambda _: links(None), people_queries[: len(people_queries) // 3]),
        "sources_column_first_100": time_queries(lambda _: list(library.source_summaries(screen).values()),
                                                 people_queries[:10]),
        "sources_of_a_site": time_queries(lambda site: library.aggregate_sources(site=site), sites),
        "versions_view": time_queries(lambda ref: library.versions(ref).versions, versions_of),
        "target_ms_median": 100,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-import", action="store_true", help="only the synthetic library")
    parser.add_argument("--skip-synthetic", action="store_true", help="only the corpus import")
    parser.add_argument("--import-runs", type=int, default=IMPORT_RUNS)
    parser.add_argument("--articles", type=int, default=SYNTHETIC_ARTICLES)
    parser.add_argument("--runs", type=int, default=QUERY_RUNS)
    parser.add_argument("--keep", type=Path, help="keep the synthetic library at this path")
    args = parser.parse_args()
    rng = random.Random(14)
    report: dict[str, Any] = {"cores": os.cpu_count(), "load_average": os.getloadavg()}
    with tempfile.TemporaryDirectory(prefix="sift-bench-library-") as folder:
        work = Path(folder)
        if not args.skip_import:
            report["import"] = bench_import(work, args.import_runs)
        if not args.skip_synthetic:
            db = args.keep or work / "synthetic.sqlite3"
            report["synthetic"] = build_synthetic(db, args.articles, rng)
            report["queries"] = bench_queries(db, rng, args.runs)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
