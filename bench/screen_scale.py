"""Screening at scale: a synthetic list of N names (default 1,000,000).

Names are random given + family name combinations drawn from the Wikidata
name groups in ../shared (so they are spelled as real names are, in several
scripts). Reports index build time, peak memory and queries per second for
queries that are list names typed with a variation, single process.

    python -m bench.screen_scale [--names 1000000] [--queries 1000]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

from bench.screen_speed import perturb
from casework.names import analyze
from casework.screen import Screener, ScreenQuery

SHARED = Path(__file__).resolve().parents[2] / "shared"
VARIANTS = SHARED / "data" / "names" / "wikidata_person_name_variants.txt"
TARGETS = {"build_seconds": 120, "peak_gib": 3.0, "qps": 100}


def name_pool(limit: int = 60_000) -> list[str]:
    words = []
    with VARIANTS.open(encoding="utf-8") as stream:
        for line in stream:
            forms = [f.strip() for f in line.split("=>")[0].split(",") if f.strip().isalpha()]
            words.extend(f.capitalize() for f in forms[:2])
            if len(words) >= limit:
                break
    return words


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--names", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=1000)
    args = parser.parse_args()
    if not VARIANTS.exists():
        print(f"skipped: {VARIANTS} missing")
        return 0
    rng = random.Random(5)
    pool = name_pool()
    entities = [
        {
            "dataset": "synthetic",
            "id": f"syn-{i}",
            "schema": "Person",
            "caption": "",
            "names": [f"{rng.choice(pool)} {rng.choice(pool)} {rng.choice(pool)}"],
            "weak_names": [],
            "programs": [],
            "birth_dates": [],
            "countries": [],
            "genders": [],
            "identifiers": [],
            "content_hash": "",
        }
        for i in range(args.names)
    ]
    analyze("warm up the name data", "Person")
    started = time.perf_counter()
    screener = Screener.from_entities(entities)
    build = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2
    sample = rng.sample(entities, args.queries)
    queries = [(perturb(e["names"][0], rng), e["id"]) for e in sample]
    started = time.perf_counter()
    found = 0
    for text, expected in queries:
        results = screener.screen(ScreenQuery(text, limit=5))
        for result in results:
            result.as_dict()
        found += any(r.entity_id == expected for r in results)
    seconds = time.perf_counter() - started
    qps = len(queries) / seconds
    print(
        f"{args.names} names: index built in {build:.0f} s (target < {TARGETS['build_seconds']}),"
        f" peak memory {peak:.2f} GiB (target < {TARGETS['peak_gib']})"
    )
    print(
        f"{len(queries)} queries: {qps:.0f} queries/s (target >= {TARGETS['qps']}), "
        f"recall@5 {found / len(queries):.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
