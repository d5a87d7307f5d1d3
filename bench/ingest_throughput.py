"""Throughput: pages per second, Casework's full HTML ingest vs bare trafilatura.extract.

Both run in this one process on the same pages: the benchmark pages, each
copied into many distinct variants (a different headline number and marker,
so no variant is skipped as an exact duplicate). trafilatura.extract gets the
HTML text; Casework does everything `casework ingest` does: read and hash the
files, decode, parse, extract body and metadata, parse comments, clean,
detect languages, MinHash, write to DuckDB in transactions, group duplicates.
Casework runs twice: in one process (--jobs 1) and with its default of one
parsing worker per CPU; trafilatura.extract runs in one process, as it is.

    python -m bench.ingest_throughput [--copies N]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import trafilatura

from bench.pages import gold_pages
from casework.ingest import IngestConfig, run
from casework.ingest.language import detect_language
from casework.store import Workspace

TARGET_RATIO = 0.5
TARGET_PAGES_PER_SECOND = 50


def make_variants(folder: Path, copies: int) -> list[Path]:
    paths = []
    for page in gold_pages():
        html = page.html_path.read_text(encoding="utf-8")
        for i in range(copies):
            variant = html.replace("<title>", f"<title>[{i}] ", 1)
            variant = variant.replace("</body>", f"<!-- variant {i} --></body>", 1)
            path = folder / f"{page.html_path.stem}-{i:04d}.html"
            path.write_text(variant, encoding="utf-8")
            paths.append(path)
    return paths


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        paths = make_variants(folder, args.copies)
        if not paths:
            print("no benchmark pages found")
            return 1
        texts = [p.read_text(encoding="utf-8") for p in paths]
        detect_language("warm up the language model once, outside the timings")
        trafilatura.extract(texts[0])

        start = time.perf_counter()
        for text in texts:
            trafilatura.extract(text)
        bare = time.perf_counter() - start

        timings = {}
        for jobs in (1, 0):
            with Workspace.open(Path(tmp) / f"t{jobs}.duckdb") as ws:
                start = time.perf_counter()
                report = run(ws, [str(folder)], IngestConfig(jobs=jobs))
                timings[jobs] = time.perf_counter() - start
            assert report.documents == len(paths), report.errors

    n = len(paths)
    bare_rate = n / bare
    print(
        f"{n} pages, {sum(len(t) for t in texts) / n / 1024:.1f} KiB on average, "
        f"{os.cpu_count()} CPUs"
    )
    print(f"{'system':44} {'seconds':>8} {'pages/s':>8} {'ratio':>6}")
    print(
        f"{'trafilatura.extract (text only, 1 process)':44} {bare:8.2f} {bare_rate:8.1f} {1:6.2f}"
    )
    labels = {1: "casework ingest --jobs 1", 0: "casework ingest (default: a worker per CPU)"}
    for jobs, seconds in timings.items():
        rate = n / seconds
        print(f"{labels[jobs]:44} {seconds:8.2f} {rate:8.1f} {rate / bare_rate:6.2f}")
    our_rate = n / timings[0]
    ratio = our_rate / bare_rate
    print(
        f"default settings: {ratio:.2f}x of trafilatura (target >= {TARGET_RATIO}x), "
        f"{our_rate:.0f} pages/s (target >= {TARGET_PAGES_PER_SECOND})"
    )
    ok = ratio >= TARGET_RATIO and our_rate >= TARGET_PAGES_PER_SECOND
    print("verdict:", "targets met" if ok else "targets missed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
