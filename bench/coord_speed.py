"""Coordination speed: Casework's detect against coordination-network-toolkit, by input size.

Data sets:
- real: ../shared/data/coordination/russian_coord_tweets.csv, 35k shares from the
  CooRTweet package (account_id, object_id, content_id, timestamp_share). There,
  content_id is the id of the share itself and object_id the shared object: 35,085
  distinct content ids (a few posts share two objects) against 7,285 objects, the
  busiest shared 1,053 times. So a share becomes a post whose repost_of is object_id;
  a second object shared by the same post gets its own row (id "<content_id>/2").
- dense: generated posts (bench.coord_generate) all in one day, --sizes N,N,...;
- sparse: 1,000,000 generated posts over 30 days (--sparse).

Every run is a subprocess of its own, so its time and peak memory (largest process)
are its own: Casework runs as `python -m bench.coord_speed --one FILE`, the peer as
`compute_networks` on a fresh database per network (bench.coord_peer). Casework's
time is split by signal (network.timings); the peer's by network, with its CSV
loading (preprocess) shown apart. Both use the same time window (--window, 60 s).
The growth factor is how much the time multiplies when the input doubles
(t2 / t1 normalised to a doubling: (t2 / t1) ** (1 / log2(n2 / n1))).

    python -m bench.coord_speed                       # real + dense 100k: a few minutes
    python -m bench.coord_speed --sizes 100000,200000,400000 --sparse
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import math
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import coord_generate, coord_peer

SHARED = Path(__file__).resolve().parents[2] / "shared"
REAL = SHARED / "data" / "coordination" / "russian_coord_tweets.csv"
MARK = "RESULT "
SPARSE_POSTS = 1_000_000
SPARSE_DAYS = 30


def convert_real(src: Path, dst: Path) -> int:
    """CooRTweet shares (object_id, account_id, content_id, timestamp_share) as Casework posts."""
    seen: dict[str, int] = {}
    count = 0
    with (
        src.open(encoding="utf-8", newline="") as inp,
        dst.open("w", encoding="utf-8", newline="") as out,
    ):
        writer = csv.writer(out)
        writer.writerow(coord_generate.FIELDS)
        for row in csv.DictReader(inp):
            post = row["content_id"]
            seen[post] = seen.get(post, 0) + 1
            mid = post if seen[post] == 1 else f"{post}/{seen[post]}"
            when = datetime.fromtimestamp(float(row["timestamp_share"]), UTC)
            stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
            writer.writerow((mid, row["account_id"], "", "", stamp, "", row["object_id"], "", ""))
            count += 1
    return count


def _casework_api():
    try:
        from casework.coordination import Settings, detect, load_file
    except ImportError as exc:
        sys.exit(
            f"casework.coordination is not importable ({exc}); it is needed for this bench "
            "(use --no-casework to time just the peer)"
        )
    return Settings, detect, load_file


def casework_one(posts_csv: Path, window: float | None) -> dict[str, Any]:
    """In this process: load and detect once; times, per-signal timings, peak memory."""
    settings_cls, detect, load_file = _casework_api()
    settings = settings_cls() if window is None else settings_cls(window=window)
    started = time.perf_counter()
    table = load_file(posts_csv)
    loaded = time.perf_counter()
    network = detect(table, settings)
    done = time.perf_counter()
    return {
        "load_seconds": loaded - started,
        "detect_seconds": done - loaded,
        "total_seconds": done - started,
        "timings": dict(network.timings),
        "links": len(network.links),
        "rows": table.num_rows,
        "window": settings.window,
    }


def run_casework(posts_csv: Path, window: float | None, timeout: float) -> dict[str, Any]:
    """casework_one in a fresh interpreter, so its time and peak memory are its own."""
    args = [sys.executable, "-m", "bench.coord_speed", "--one", str(posts_csv)]
    if window is not None:
        args += ["--window", str(window)]
    with tempfile.TemporaryDirectory(prefix="cw-speed-") as tmp:
        log = Path(tmp) / "casework.log"
        run = coord_peer.measure(args, log, timeout, cwd=Path(__file__).resolve().parents[1])
        if run["timed_out"]:
            return {"timed_out": True, "total_seconds": run["seconds"]}
        text = log.read_text(encoding="utf-8", errors="replace")
    for line in reversed(text.splitlines()):
        if line.startswith(MARK):
            result = json.loads(line[len(MARK) :])
            result["peak_mib"] = run["peak_mib"]  # the launcher's wait4 figure
            return result
    raise RuntimeError(f"casework run failed ({run['returncode']}):\n{text[-3000:]}")


def run_peer_all(
    posts_csv: Path,
    window: int,
    threshold: float,
    commands: tuple[str, ...],
    timeout: float,
) -> dict[str, Any]:
    """The toolkit: convert, preprocess once, then every network on a fresh copy."""
    out: dict[str, Any] = {"networks": {}}
    with tempfile.TemporaryDirectory(prefix="cnt-speed-") as tmp:
        toolkit_csv = Path(tmp) / "toolkit.csv"
        started = time.perf_counter()
        coord_peer.convert(posts_csv, toolkit_csv)
        out["convert_seconds"] = time.perf_counter() - started
        base = Path(tmp) / "base.db"
        pre = coord_peer.preprocess(toolkit_csv, base, timeout)
        out["preprocess_seconds"] = pre["seconds"]
        out["preprocess_peak_mib"] = pre["peak_mib"]
        for command in commands:
            run = coord_peer.run_peer(
                toolkit_csv,
                command,
                window,
                threshold if command == "co_similar_tweet" else None,
                preprocessed=base,
                timeout=timeout,
            )
            out["networks"][command] = {
                "seconds": run["seconds"],
                "peak_mib": run["peak_mib"],
                "timed_out": run["timed_out"],
                "edges": len(run["edges"]),
            }
            print(
                f"    peer {command}: {run['seconds']:.1f} s"
                + (" (timed out)" if run["timed_out"] else f", {len(run['edges'])} edges"),
                file=sys.stderr,
            )
    nets = out["networks"].values()
    out["all_seconds"] = sum(n["seconds"] for n in nets)
    out["all_timed_out"] = any(n["timed_out"] for n in nets)
    out["peak_mib"] = max([out["preprocess_peak_mib"], *(n["peak_mib"] for n in nets)])
    return out


def growth(n1: int, t1: float, n2: int, t2: float) -> float | None:
    """Time factor per doubling of the input between two sizes."""
    if n1 <= 0 or n2 <= n1 or t1 <= 0:
        return None
    return (t2 / t1) ** (1 / math.log2(n2 / n1))


def _s(x: float | None, timed_out: bool = False) -> str:
    if x is None:
        return "-"
    return f">{x:.0f}" if timed_out else f"{x:.1f}"


def _r(a: float | None, b: float | None, timed_out: bool = False) -> str:
    if a is None or not b:
        return "-"
    return (">" if timed_out else "") + f"{a / b:.1f}x"


def print_report(results: list[dict[str, Any]]) -> None:
    print(
        f"\n{'data set':<16} {'posts':>9} | {'cw load':>7} {'detect':>7} {'total':>7} {'MiB':>6} "
        f"| {'pre':>6} {'sim':>7} {'all':>7} {'MiB':>6} | {'sim/cw':>7} {'all/cw':>7}"
    )
    for r in results:
        cw, peer = r.get("casework") or {}, r.get("peer") or {}
        sim = (peer.get("networks") or {}).get("co_similar_tweet", {})
        cw_out = cw.get("timed_out", False)
        cw_total = None if cw_out else cw.get("total_seconds")
        print(
            f"{r['name']:<16} {r['posts']:>9,} | {_s(cw.get('load_seconds')):>7} "
            f"{_s(cw.get('detect_seconds')):>7} {_s(cw_total, cw_out):>7} "
            f"{_s(cw.get('peak_mib')):>6} | {_s(peer.get('preprocess_seconds')):>6} "
            f"{_s(sim.get('seconds'), sim.get('timed_out', False)):>7} "
            f"{_s(peer.get('all_seconds'), peer.get('all_timed_out', False)):>7} "
            f"{_s(peer.get('peak_mib')):>6} | "
            f"{_r(sim.get('seconds'), cw_total, sim.get('timed_out', False)):>7} "
            f"{_r(peer.get('all_seconds'), cw_total, peer.get('all_timed_out', False)):>7}"
        )
    print(
        "  cw = Casework load_file + detect; sim = peer co_similar_tweet; all = the peer's "
        "networks together (pre, its CSV loading, not included); MiB = peak of the largest "
        "process; ratios are peer time / Casework total"
    )
    signals: list[str] = []
    for r in results:
        for name in (r.get("casework") or {}).get("timings", {}):
            if name not in signals:
                signals.append(name)
    if signals:
        print(
            f"\nCasework seconds by signal\n{'signal':<16}"
            + "".join(f" {r['name']:>14}" for r in results)
        )
        for name in signals:
            cells = [(r.get("casework") or {}).get("timings", {}).get(name) for r in results]
            print(f"{name:<16}" + "".join(f" {_s(c):>14}" for c in cells))
    nets: list[str] = []
    for r in results:
        for name in (r.get("peer") or {}).get("networks") or {}:
            if name not in nets:
                nets.append(name)
    if nets:
        print(
            f"\nPeer seconds by network\n{'network':<16}"
            + "".join(f" {r['name']:>14}" for r in results)
        )
        for name in ["preprocess", *nets]:
            cells = []
            for r in results:
                peer = r.get("peer") or {}
                if name == "preprocess":
                    cells.append(_s(peer.get("preprocess_seconds")))
                else:
                    n = (peer.get("networks") or {}).get(name, {})
                    cells.append(_s(n.get("seconds"), n.get("timed_out", False)))
            print(f"{name:<16}" + "".join(f" {c:>14}" for c in cells))
    dense = [r for r in results if r["name"].startswith("dense")]
    if len(dense) > 1:
        print("\nGrowth factor per doubling of the input (dense sets)")
        for a, b in itertools.pairwise(dense):
            parts = []
            for label, get in (
                ("casework", lambda r: (r.get("casework") or {}).get("total_seconds")),
                (
                    "peer sim",
                    lambda r: (
                        ((r.get("peer") or {}).get("networks") or {})
                        .get("co_similar_tweet", {})
                        .get("seconds")
                    ),
                ),
                ("peer all", lambda r: (r.get("peer") or {}).get("all_seconds")),
            ):
                ta, tb = get(a), get(b)
                g = growth(a["posts"], ta, b["posts"], tb) if ta and tb else None
                parts.append(f"{label} {'-' if g is None else f'{g:.2f}x'}")
            print(f"  {a['posts']:,} -> {b['posts']:,}: " + ", ".join(parts))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--one", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--sizes", default="100000", help="dense (one-day) sizes, comma-separated")
    parser.add_argument("--sparse", action="store_true", help="also 1M posts over 30 days")
    parser.add_argument("--no-real", action="store_true", help="skip the CooRTweet set")
    parser.add_argument("--no-peer", action="store_true")
    parser.add_argument("--no-casework", action="store_true")
    parser.add_argument("--window", type=float, default=60.0, help="seconds, both tools")
    parser.add_argument("--threshold", type=float, default=0.8, help="peer co_similar_tweet")
    parser.add_argument("--commands", default=",".join(coord_peer.COMMANDS))
    parser.add_argument("--timeout", type=float, default=600, help="seconds per run")
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("--json", type=Path, default=None, help="write results here")
    args = parser.parse_args(argv)

    if args.one:
        result = casework_one(args.one, args.window)
        print(MARK + json.dumps(result), flush=True)
        return 0
    if not args.no_casework:
        _casework_api()  # fail early with the message, before generating anything
    if not args.no_peer and not coord_peer.available():
        sys.exit("coordination-network-toolkit is missing: pip install -e '.[bench]'")

    commands = tuple(c for c in args.commands.split(",") if c)
    plans: list[tuple[str, int | None, float]] = []  # name, posts (None: real), days
    if not args.no_real:
        if REAL.exists():
            plans.append(("real (CooRTweet)", None, 0))
        else:
            print(f"skipping the real set: {REAL} missing", file=sys.stderr)
    for size in sorted(int(s) for s in args.sizes.split(",") if s):
        plans.append((f"dense {size // 1000}k", size, 1.0))
    if args.sparse:
        plans.append((f"sparse {SPARSE_POSTS // 1000}k/{SPARSE_DAYS}d", SPARSE_POSTS, SPARSE_DAYS))

    results = []
    with tempfile.TemporaryDirectory(prefix="coord-speed-") as tmp:
        for name, size, days in plans:
            posts_csv = Path(tmp) / "posts.csv"
            started = time.perf_counter()
            if size is None:
                count = convert_real(REAL, posts_csv)
            else:
                count = coord_generate.write(posts_csv, size, None, 20, days, args.seed)["posts"]
            print(
                f"{name}: {count:,} posts ready in {time.perf_counter() - started:.1f} s",
                file=sys.stderr,
            )
            result: dict[str, Any] = {"name": name, "posts": count}
            if not args.no_casework:
                result["casework"] = run_casework(posts_csv, args.window, args.timeout)
                cw = result["casework"]
                print(
                    "    casework: "
                    + ("timed out" if cw.get("timed_out") else f"{cw['total_seconds']:.1f} s"),
                    file=sys.stderr,
                )
            if not args.no_peer:
                result["peer"] = run_peer_all(
                    posts_csv, int(args.window), args.threshold, commands, args.timeout
                )
            results.append(result)
            posts_csv.unlink()
    print_report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
