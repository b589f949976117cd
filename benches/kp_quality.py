"""Keyphrase quality against gold labels: precision, recall and F1 at 5 and 10 for Maqal (the native command) and
Python YAKE (n=3, top 10) on the same documents in the same run.

Usage (from the repository root; `make bench-quality` builds the command and passes ../shared/kp/*.jsonl):
    python benches/kp_quality.py [--limit N] [--runs 3] [--maqal target/release/maqal] DATASET.jsonl ...

Datasets are JSONL `{id, lang, text, keyphrases}` (../shared/kp; not part of the repository). Matching is stemmed
exact match, the same for both systems: lowercase, split into words, Porter stems for English; for Arabic, harakat
and tatweel removed; other languages compared as lowercase words. Scores are macro-averaged over documents.
Maqal's documents/s count its process start-up and JSON, and the command uses every core (each core takes the next
document); YAKE runs in this process, one document after another, as it is normally used: three times when one run
of the dataset takes less than `--yake-budget` seconds (its time is then the median), else once. Maqal runs the
whole dataset `--runs` times before YAKE's first run and again after each (after one run that is not timed), so
that both are timed over the same stretch of the machine's load; its time is the median of those runs.
"""
import argparse
import json
import re
import subprocess
import sys
import time

import snowballstemmer
import yake

PORTER = snowballstemmer.stemmer("porter")
HARAKAT = re.compile("[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")


def norm(phrase, lang):
    words = re.findall(r"\w+", phrase.lower())
    if lang == "en":
        words = PORTER.stemWords(words)
    elif lang == "ar":
        words = [HARAKAT.sub("", w) for w in words]
    return " ".join(w for w in words if w)


def prf(predicted, gold, k, lang):
    pred = []
    for p in predicted[:k]:
        n = norm(p, lang)
        if n and n not in pred:
            pred.append(n)
    gold = {norm(g, lang) for g in gold} - {""}
    if not gold:
        return None
    hits = sum(1 for p in pred if p in gold)
    precision = hits / k
    recall = hits / len(gold)
    f1 = 0.0 if hits == 0 else 2 * precision * recall / (precision + recall)
    return precision, recall, f1


def mean(rows, i):
    rows = [r for r in rows if r is not None]
    return sum(r[i] for r in rows) / len(rows) if rows else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0, help="documents per dataset (0: all)")
    ap.add_argument("--maqal", default="target/release/maqal")
    ap.add_argument(
        "--runs",
        type=int,
        default=3,
        help="runs of Maqal before YAKE's first run and after each; its time is the median of all",
    )
    ap.add_argument(
        "--yake-budget",
        type=float,
        default=20.0,
        help="YAKE runs three times (median) on a dataset whose first run takes less than this many seconds",
    )
    ap.add_argument("datasets", nargs="+")
    args = ap.parse_args()
    print("| dataset | docs | system | P@5 | R@5 | F1@5 | P@10 | R@10 | F1@10 | docs/s |")
    print("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for path in args.datasets:
        docs = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
        if args.limit:
            docs = docs[: args.limit]
        name = path.rsplit("/", 1)[-1].replace(".jsonl", "")
        # Maqal: one process for the whole dataset, its lines written in UTF-8 as in the dataset's own file (not
        # with every non-ASCII letter escaped as \uXXXX).
        payload = "".join(
            json.dumps({"id": i, "lang": d.get("lang"), "text": d["text"]}, ensure_ascii=False) + "\n"
            for i, d in enumerate(docs)
        )
        # Maqal's runs are interleaved with YAKE's: `--runs` of them before YAKE's first run and after each, so that
        # both are timed over the same stretch of a shared machine's load (one run of a whole dataset takes Maqal
        # tens of milliseconds, YAKE seconds); Maqal's time is the median of all of them. One run comes first, not
        # timed: on an idle machine the first run of a dataset took up to 3.5 times as long as the next ones
        # (caches, clock speed). Every run must give the same keyphrases.
        def run_maqal():
            t0 = time.perf_counter()
            out = subprocess.run([args.maqal, "keywords", "--jsonl", "--top", "10"], input=payload, capture_output=True, encoding="utf-8")
            seconds = time.perf_counter() - t0
            if out.returncode != 0:
                print(out.stderr, file=sys.stderr)
            return out.stdout, seconds

        maqal_out, _ = run_maqal()
        times = []

        def maqal_runs():
            for _ in range(max(1, args.runs)):
                out, seconds = run_maqal()
                if out != maqal_out:
                    sys.exit(f"{name}: Maqal's keyphrases differ between runs")
                times.append(seconds)

        maqal = {}
        for line in maqal_out.splitlines():
            r = json.loads(line)
            maqal[r["id"]] = r["keywords"]

        # YAKE, same documents.
        def run_yake():
            t0 = time.perf_counter()
            out = {}
            for i, d in enumerate(docs):
                extractor = yake.KeywordExtractor(lan=d.get("lang") or "en", n=3, top=10)
                out[i] = [k for k, _ in extractor.extract_keywords(d["text"])]
            return out, time.perf_counter() - t0

        maqal_runs()
        yk, first_s = run_yake()
        yake_times = [first_s]
        maqal_runs()
        if first_s < args.yake_budget:
            for _ in range(2):
                again, seconds = run_yake()
                if again != yk:
                    sys.exit(f"{name}: YAKE's keyphrases differ between runs")
                yake_times.append(seconds)
                maqal_runs()
        maqal_s = sorted(times)[len(times) // 2]
        yake_s = sorted(yake_times)[len(yake_times) // 2]
        for system, preds, seconds in (("Maqal", maqal, maqal_s), ("YAKE (Python)", yk, yake_s)):
            at5 = [prf(preds.get(i, []), d["keyphrases"], 5, d.get("lang")) for i, d in enumerate(docs)]
            at10 = [prf(preds.get(i, []), d["keyphrases"], 10, d.get("lang")) for i, d in enumerate(docs)]
            print(
                f"| {name} | {len(docs)} | {system} | {mean(at5, 0):.3f} | {mean(at5, 1):.3f} | {mean(at5, 2):.3f} "
                f"| {mean(at10, 0):.3f} | {mean(at10, 1):.3f} | {mean(at10, 2):.3f} | {len(docs) / seconds:.1f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
