"""Quote-span F1 and speaker accuracy on PolNeAR, from the CLI's output, in the Gender Gap
Tracker's terms (so Sift's figures stand beside its published 0.84 / 0.76 / 0.86-0.87).

A predicted claim's content (all its fragments) and a gold attribution's content are sets of
tokens (the PolNeAR scorer's tokenizer). They match at threshold t when the tokens they share
are at least t of each: |P ∩ G| >= t * max(|P|, |G|). Claims and gold attributions are paired
one to one, best overlap first. Quote-span precision is matched claims / claims, recall matched
gold / gold, F1 their harmonic mean, at t = 0.3 and t = 0.8.

Speaker accuracy: of the gold attributions matched at 0.3, the share whose predicted speaker
span overlaps the gold source span (or both have none). "Exact" requires the same tokens.

PolNeAR annotates beliefs, intentions and judgements as attributions besides speech, where the
Gender Gap Tracker counts quotes: direct and indirect speech anchored on a verb of saying. The
same figures are also given for two subsets defined alike on both sides: quotations (gold
attributions whose content holds a quotation mark against claims whose content does) and speech
(gold attributions whose cue holds one of the commonest English verbs of saying, SPEECH_CUE,
against claims whose cue does).

Usage: python tests/benchmarks/bench_quotes.py [--cmd sift] [--split dev] [--corpus DIR] [--json]
Run it with the project's environment first on PATH so that ``sift`` is this checkout's.
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
POLNEAR_TOOLS = ROOT.parent / "shared" / "tools" / "polnear"
THRESHOLDS = (0.3, 0.8)
QUOTE_MARKS = ('"', "“", "”", "''", "``")
SUBSETS = ("all", "quotations", "speech")
# The commonest English verbs of saying (every form), for the "speech" subset: a fixed list
# written for this benchmark, not Sift's own cue lexicon, applied alike to gold and claims.
SPEECH_CUE = re.compile(
    r"\b(?:say|says|said|saying|tell|tells|told|telling|add|adds|added|adding|state|states|"
    r"stated|stating|explain(?:s|ed|ing)?|claim(?:s|ed|ing)?|note(?:s|d)?|noting|"
    r"argue(?:s|d)?|arguing|write|writes|wrote|written|writing|announce(?:s|d)?|announcing|"
    r"insist(?:s|ed|ing)?|warn(?:s|ed|ing)?|ask(?:s|ed|ing)?|repl(?:y|ies|ied|ying)|"
    r"respond(?:s|ed|ing)?|declare(?:s|d)?|declaring|comment(?:s|ed|ing)?|"
    r"acknowledge(?:s|d)?|acknowledging|admit(?:s|ted|ting)?|confirm(?:s|ed|ing)?|"
    r"den(?:y|ies|ied|ying)|recall(?:s|ed|ing)?|tweet(?:s|ed|ing)?)\b", re.IGNORECASE)
# Files per CLI call: one model load for many articles, short enough command lines.
BATCH = 100

TokenSet = frozenset[int]


@dataclass(frozen=True)
class Quote:
    """One attribution as token sets: its content, and its speaker (empty when none)."""

    content: TokenSet
    speaker: TokenSet
    quoted: bool  # the content holds a quotation mark
    speech: bool  # the cue holds a common verb of saying (SPEECH_CUE)


def token_set(tokenizer: Any, fragments: Iterable[Sequence[int]]) -> TokenSet:
    """The indices of the tokens the character ranges ``fragments`` touch."""
    out: set[int] = set()
    for start, end in fragments:
        span = tokenizer.span(start, end)
        if span is not None:
            out.update(range(span[0], span[1]))
    return frozenset(out)


def overlap(pred: TokenSet, gold: TokenSet) -> float:
    """Shared tokens as a share of the longer of the two spans (0 when either is empty)."""
    if not pred or not gold:
        return 0.0
    return len(pred & gold) / max(len(pred), len(gold))


def match(pred: list[Quote], gold: list[Quote], threshold: float) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) pairs overlapping at least ``threshold``, best first."""
    candidates = sorted(((overlap(p.content, g.content), i, j) for i, p in enumerate(pred)
                         for j, g in enumerate(gold)), reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for score, i, j in candidates:
        if score < threshold:
            break
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def speaker_right(pred: Quote, gold: Quote, exact: bool) -> bool:
    if not pred.speaker or not gold.speaker:
        return not pred.speaker and not gold.speaker
    return pred.speaker == gold.speaker if exact else bool(pred.speaker & gold.speaker)


def run_cli(cmd: str, files: list[Path]) -> dict[str, dict[str, Any]]:
    """``sift analyze`` records by file stem."""
    records: dict[str, dict[str, Any]] = {}
    for i in range(0, len(files), BATCH):
        argv = [*shlex.split(cmd), "analyze", *map(str, files[i:i + BATCH])]
        out = subprocess.run(argv, capture_output=True, text=True, check=False).stdout
        for line in out.splitlines():
            record = json.loads(line)
            records[Path(record["path"]).stem] = record
    return records


def predicted(record: dict[str, Any], tokenizer: Any) -> list[Quote]:
    quotes = []
    for claim in record.get("claims", []):
        content = token_set(tokenizer, [(s["start"], s["end"]) for s in claim["content"]])
        speaker = claim.get("speaker")
        who = token_set(tokenizer, [(speaker["start"], speaker["end"])]) if speaker else frozenset()
        quoted = any(mark in s["text"] for s in claim["content"] for mark in QUOTE_MARKS)
        quotes.append(Quote(content, who, quoted, bool(SPEECH_CUE.search(claim["cue"]["text"]))))
    return quotes


def gold_quotes(document: Any, tokenizer: Any) -> list[Quote]:
    quotes = []
    for attribution in document.attributions:
        if attribution.content is None:
            continue
        content = token_set(tokenizer, attribution.content.fragments)
        source = token_set(tokenizer, attribution.source.fragments) if attribution.source else frozenset()
        quoted = any(mark in attribution.content.text for mark in QUOTE_MARKS)
        cue = attribution.cue.text if attribution.cue else ""
        quotes.append(Quote(content, source, quoted, bool(SPEECH_CUE.search(cue))))
    return quotes


def in_subset(quote: Quote, subset: str) -> bool:
    return subset == "all" or (quote.quoted if subset == "quotations" else quote.speech)


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(cmd: str, split: str, corpus: Path) -> dict[str, Any]:
    sys.path.insert(0, str(POLNEAR_TOOLS))
    import load  # shared/tools/polnear
    import score

    root = corpus / "polnear"
    documents = list(load.load_split(split, annotators="first", data_dir=str(root)))
    files = sorted((root / split / "text").glob("*.txt"))
    records = run_cli(cmd, files)
    counts = {(subset, t): [0, 0, 0] for subset in SUBSETS for t in THRESHOLDS}  # matched, pred, gold
    speakers = {subset: [0, 0, 0] for subset in SUBSETS}  # overlapping, exact, judged
    for document in documents:
        tokenizer = score.Tok(document.text)
        every_pred = predicted(records.get(document.article, {}), tokenizer)
        every_gold = gold_quotes(document, tokenizer)
        for subset in SUBSETS:
            pred = [q for q in every_pred if in_subset(q, subset)]
            gold = [q for q in every_gold if in_subset(q, subset)]
            for t in THRESHOLDS:
                pairs = match(pred, gold, t)
                tally = counts[(subset, t)]
                tally[0] += len(pairs)
                tally[1] += len(pred)
                tally[2] += len(gold)
                if t == THRESHOLDS[0]:
                    for i, j in pairs:
                        speakers[subset][0] += speaker_right(pred[i], gold[j], exact=False)
                        speakers[subset][1] += speaker_right(pred[i], gold[j], exact=True)
                        speakers[subset][2] += 1
    result: dict[str, Any] = {"split": split, "documents": len(documents)}
    for (subset, t), (matched, n_pred, n_gold) in counts.items():
        p = matched / n_pred if n_pred else 0.0
        r = matched / n_gold if n_gold else 0.0
        prefix = "" if subset == "all" else f"{subset}_"
        result[f"{prefix}quote_span_{round(t * 100)}"] = {"precision": p, "recall": r, "f1": f1(p, r)}
    for subset, (overlapping, exact, judged) in speakers.items():
        prefix = "" if subset == "all" else f"{subset}_"
        result[f"{prefix}speaker_accuracy"] = overlapping / (judged or 1)
        result[f"{prefix}speaker_accuracy_exact"] = exact / (judged or 1)
        result[f"{prefix}speakers_judged"] = judged
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cmd", default="sift")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = evaluate(args.cmd, args.split, args.corpus)
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"PolNeAR {result['split']}, {result['documents']} documents")
    for subset in SUBSETS:
        prefix = "" if subset == "all" else f"{subset}_"
        print(f"  {subset} attributions:")
        for t in THRESHOLDS:
            m = result[f"{prefix}quote_span_{round(t * 100)}"]
            print(f"    quote-span at {t:.0%} overlap: P {m['precision']:.3f}  R {m['recall']:.3f}  "
                  f"F1 {m['f1']:.3f}")
        print(f"    speaker accuracy (matched at 30%): {result[prefix + 'speaker_accuracy']:.3f} "
              f"overlapping, {result[prefix + 'speaker_accuracy_exact']:.3f} exact, "
              f"of {result[prefix + 'speakers_judged']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
