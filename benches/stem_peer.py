"""Peer for benches/stem.rs: stems per second of Python snowballstemmer (the reference implementation, pure Python)
and, when installed, PyStemmer (the C libstemmer) on the same fixture words. Prints JSON.
Usage: python benches/stem_peer.py tests/fixtures/stems/ar.tsv tests/fixtures/stems/en.tsv"""
import json
import statistics
import sys
import time

import snowballstemmer
from snowballstemmer.arabic_stemmer import ArabicStemmer
from snowballstemmer.english_stemmer import EnglishStemmer

ALGORITHMS = {"ar": "arabic", "en": "english"}
# The pure-Python classes (snowballstemmer.stemmer() returns PyStemmer's C stemmer when that is installed).
PURE = {"ar": ArabicStemmer, "en": EnglishStemmer}


def rate(stem, words, runs=7):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for w in words:
            stem(w)
        times.append(time.perf_counter() - t0)
    return len(words) / statistics.median(times)


out = {}
for path in sys.argv[1:]:
    lang = path.rsplit("/", 1)[-1].split(".")[0]
    words = [l.split("\t")[0] for l in open(path, encoding="utf-8") if not l.startswith("#")]
    pure = PURE[lang]()
    out[f"{lang}_python_stems_per_s"] = rate(pure.stemWord, words)
    try:
        import Stemmer  # PyStemmer: C libstemmer

        c = Stemmer.Stemmer(ALGORITHMS[lang])
        out[f"{lang}_pystemmer_stems_per_s"] = rate(c.stemWord, words)
    except ImportError:
        pass
print(json.dumps(out, indent=1))
