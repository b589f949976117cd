"""Peer timing: Python YAKE (pip `yake`, n=3, top 10) on the seed articles, median of repeated runs.
Usage: python3 benches/yake_peer.py FILE... ; prints JSON {file: {"ms": median, "keywords": [...]}}."""
import json
import statistics
import sys
import time

import yake

out = {}
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    extractor = yake.KeywordExtractor(lan="ar", n=3, top=10)
    keywords = extractor.extract_keywords(text)
    times = []
    for _ in range(15):
        t0 = time.perf_counter()
        extractor.extract_keywords(text)
        times.append((time.perf_counter() - t0) * 1000)
    out[path.rsplit("/", 1)[-1]] = {"ms": statistics.median(times), "keywords": [k for k, _ in keywords]}
print(json.dumps(out, ensure_ascii=False, indent=1))
