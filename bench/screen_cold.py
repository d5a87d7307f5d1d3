"""Start-up and one-name screening from the command line, as a journalist runs it.

A workspace with the OFAC SDN and UN lists from ../shared is loaded once; then
each figure is a new `casework` process, timed from the outside:

- `casework --version` and `casework --help` (the floor every command pays);
- the first `casework screen NAME` after the lists were loaded (it builds the
  screening index and keeps it in the workspace);
- cold `casework screen NAME`: a new process, the stored index (median of runs);
- warm: the same queries in one process once the screener is open;
- a batch of 2,000 names (`casework screen --input names.csv`), start-up included.

Each is printed with its ratio to `casework --version`. Targets (issue 15):
`--help` under 1 s, cold screen under 1.5 s, the batch under 5 s.

    python -m bench.screen_cold [--runs 5]
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from casework.lists import load
from casework.screen import ScreenQuery
from casework.screen.session import ScreeningSession
from casework.store import Workspace

SHARED = Path(__file__).resolve().parents[2] / "shared"
LISTS = [SHARED / "data" / "sanctions" / "ofac", SHARED / "data" / "sanctions" / "un"]
QUERIES = ["Eldar Mammadov", "Gulnara Karimova", "Viktor Bout", "Ilham Aliyev", "Rosneft"]
TARGETS = {"--help": 1.0, "cold screen": 1.5, "batch 2000": 5.0}


def _timed(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "casework", *args],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    missing = [str(p) for p in LISTS if not p.is_dir()]
    if missing:
        sys.exit(f"needs the lists in {', '.join(missing)}")
    with tempfile.TemporaryDirectory() as tmp:
        ws_path = Path(tmp) / "ws.duckdb"
        with Workspace.open(ws_path) as ws:
            report = load(ws, [str(p) for p in LISTS])
        entities = sum(d.entities for d in report.loaded)
        ws_arg = ["--workspace", str(ws_path)]
        version = statistics.median(_timed(["--version"]) for _ in range(args.runs))
        rows: list[tuple[str, float]] = [("--version", version)]
        rows.append(("--help", statistics.median(_timed(["--help"]) for _ in range(args.runs))))
        rows.append(("first screen after load", _timed(["screen", QUERIES[0], *ws_arg])))
        cold = [_timed(["screen", q, "--no-record", *ws_arg]) for q in QUERIES[: args.runs]]
        rows.append(("cold screen", statistics.median(cold)))
        with Workspace.open(ws_path) as ws:
            session = ScreeningSession.open(ws.backend, str(ws_path), record=False)
            for q in QUERIES:
                session.screen(ScreenQuery(q))
            started = time.perf_counter()
            for _ in range(20):
                for q in QUERIES:
                    session.screen(ScreenQuery(q))
            rows.append(("warm screen (in process)", (time.perf_counter() - started) / 100))
            names = [
                r["names"][0]
                for r in ws.backend.query(
                    "SELECT names FROM list_entities WHERE len(names) > 0 ORDER BY id"
                )
            ]
        rng = random.Random(7)
        batch = Path(tmp) / "names.csv"
        with batch.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["name"])
            for name in rng.sample(names, 2000):
                writer.writerow([name])
        out = Path(tmp) / "results.csv"
        batch_args = ["screen", "--input", str(batch), "--output", str(out), "--no-record"]
        rows.append(("batch 2000", _timed([*batch_args, *ws_arg])))
    print(f"lists: OFAC SDN + UN, {entities} entities; {args.runs} runs, medians")
    print(f"{'what':28} {'seconds':>8} {'x --version':>12} {'target':>8}")
    for what, seconds in rows:
        target = TARGETS.get(what)
        mark = "" if target is None else (f"< {target:g}" + (" ok" if seconds < target else " NO"))
        print(f"{what:28} {seconds:8.3f} {seconds / version:12.1f} {mark:>8}")


if __name__ == "__main__":
    main()
