"""Coordination quality: does Casework find the planted campaigns, and only them?

Generates posts with planted campaigns (bench.coord_generate: copy-paste, reworded,
link bursts, sockpuppets with name variants) in a realistic background, runs Casework's
`detect` at its default settings and the peer's near-duplicate-text network
(coordination-network-toolkit co_similar_tweet) over a grid of settings, and scores
both against the labels:

- accounts: an account is predicted when it has at least one link;
- pairs: a pair of accounts is predicted when they are linked;
- groups: a pair is predicted when both accounts fall in one community (Casework's
  own communities; for the peer, Leiden with the same settings over its edges, so
  both get the same grouping step).

The peer is given its best setting by F1 (chosen separately for accounts and for
pairs), so the comparison is against the peer tuned on the answers. Its other
networks (co_tweet, co_link, co_retweet, co_reply) are run at that best setting's
window and min edge weight and united with it in the "peer all" column, since
co_similar_tweet alone cannot see link bursts or sockpuppets by design.

The peer runs with --min_edge_weight 1 and its edges are filtered by weight here:
an edge's weight does not depend on that option, so one run scores min weights 1,
2 (the toolkit's default) and 3. Window 3600 s runs only at threshold 0.9 unless
--full-grid: each run there took 45-90 s on 50k posts over 7 days on 2 cores and
links tens of thousands of pairs at lower thresholds.

    python -m bench.coord_quality [--posts 50000] [--campaigns 20] [--days 7] [--full-grid]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bench import coord_generate, coord_peer

TARGET_PRECISION = 0.95
TARGET_RECALL = 0.90
WINDOWS = (60, 300, 3600)
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
MIN_WEIGHTS = (1, 2, 3)
Pair = tuple[str, str]


def prf(predicted: set, truth: set) -> dict[str, float]:
    """Precision, recall and F1 of a predicted set against the true one."""
    hit = len(predicted & truth)
    p = hit / len(predicted) if predicted else 0.0
    r = hit / len(truth) if truth else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _pairs(edges: Iterable[tuple[str, str]]) -> set[Pair]:
    return {(a, b) if a < b else (b, a) for a, b in edges if a != b}


def _accounts(pairs: set[Pair]) -> set[str]:
    return {x for pair in pairs for x in pair}


def communities(pairs: set[Pair], seed: int = 42) -> list[list[str]]:
    """Leiden communities (modularity, as Casework uses) of a set of linked pairs."""
    import igraph
    import leidenalg

    if not pairs:
        return []
    ids = sorted(_accounts(pairs))
    index = {a: n for n, a in enumerate(ids)}
    graph = igraph.Graph(n=len(ids), edges=[(index[a], index[b]) for a, b in pairs])
    partition = leidenalg.find_partition(graph, leidenalg.ModularityVertexPartition, seed=seed)
    return [[ids[v] for v in part] for part in partition if len(part) >= 2]


def group_pairs(groups: Iterable[Iterable[str]]) -> set[Pair]:
    """Every pair of accounts inside one group."""
    out: set[Pair] = set()
    for group in groups:
        members = sorted(group)
        out.update((a, b) for n, a in enumerate(members) for b in members[n + 1 :])
    return out


def score(
    pairs: set[Pair], labels: dict[str, Any], groups: list[list[str]] | None = None
) -> dict[str, Any]:
    """Account, pair and group-pair scores, and account recall per campaign kind."""
    truth_pairs = {tuple(sorted(p)) for p in labels["planted_pairs"]}
    predicted = _accounts(pairs)
    by_kind: dict[str, list[int]] = {}
    for camp in labels["campaigns"]:
        found = sum(a in predicted for a in camp["accounts"])
        tally = by_kind.setdefault(camp["kind"], [0, 0])
        tally[0] += found
        tally[1] += len(camp["accounts"])
    return {
        "accounts": prf(predicted, set(labels["planted_accounts"])),
        "pairs": prf(pairs, truth_pairs),
        "groups": prf(group_pairs(communities(pairs) if groups is None else groups), truth_pairs),
        "recall_by_kind": {k: f / n if n else 0.0 for k, (f, n) in by_kind.items()},
        "predicted_accounts": len(predicted),
        "predicted_pairs": len(pairs),
    }


def _casework():
    """Casework's coordination API, or exit with a clear message while it is not there."""
    try:
        from casework.coordination import Settings, detect, load_file
    except ImportError as exc:
        sys.exit(
            f"casework.coordination is not importable ({exc}); it is needed for this bench "
            "(use --peer-only to run just the peer)"
        )
    return Settings, detect, load_file


def run_casework(posts_csv: Path) -> dict[str, Any]:
    """Casework at its default settings: load, detect, the linked pairs."""
    settings_cls, detect, load_file = _casework()
    started = time.perf_counter()
    table = load_file(posts_csv)
    loaded = time.perf_counter()
    settings = settings_cls()
    network = detect(table, settings)
    done = time.perf_counter()
    return {
        "load_seconds": loaded - started,
        "detect_seconds": done - loaded,
        "settings": {"window": settings.window, "min_weight": settings.min_weight},
        "linked": _pairs((link.a, link.b) for link in network.links),
        "communities": [c.accounts for c in network.communities],
        "timings": dict(network.timings),
        # the comment-wave view, beside the network: its campaigns' accounts
        "campaign_accounts": sorted({a for c in network.campaigns for a in c.accounts}),
        "campaigns": len(network.campaigns),
    }


def peer_sweep(
    toolkit_csv: Path,
    base_db: Path,
    grid: list[tuple[int, float]],
    labels: dict[str, Any],
    timeout: float,
) -> list[dict[str, Any]]:
    """co_similar_tweet over (window, threshold) settings, each scored at several min weights."""
    results = []
    for window, threshold in grid:
        run = coord_peer.run_peer(
            toolkit_csv,
            "co_similar_tweet",
            window,
            threshold,
            min_edge_weight=1,
            preprocessed=base_db,
            timeout=timeout,
        )
        print(
            f"  co_similar_tweet window {window:>5} s, threshold {threshold:.1f}: "
            + (
                f"timed out after {timeout:.0f} s"
                if run["timed_out"]
                else f"{run['seconds']:.1f} s"
            ),
            file=sys.stderr,
        )
        for min_weight in MIN_WEIGHTS:
            pairs = _pairs((a, b) for a, b, w in run["edges"] if w >= min_weight)
            results.append(
                {
                    "window": window,
                    "threshold": threshold,
                    "min_weight": min_weight,
                    "seconds": run["seconds"],
                    "timed_out": run["timed_out"],
                    "linked": pairs,
                    **score(pairs, labels),
                }
            )
    return results


def peer_all(
    toolkit_csv: Path,
    base_db: Path,
    best: dict[str, Any],
    timeout: float,
) -> tuple[set[Pair], float]:
    """Union of the best co_similar_tweet edges and the peer's other networks at its window."""
    pairs = set(best["linked"])
    seconds = best["seconds"]
    for command in ("co_tweet", "co_link", "co_retweet", "co_reply"):
        run = coord_peer.run_peer(
            toolkit_csv,
            command,
            best["window"],
            min_edge_weight=best["min_weight"],
            preprocessed=base_db,
            timeout=timeout,
        )
        seconds += run["seconds"]
        pairs |= _pairs((a, b) for a, b, _ in run["edges"])
    return pairs, seconds


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def _ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None:
        return "-"
    return f"{a / b:.2f}" if b else ("inf" if a else "-")


def print_report(
    labels: dict[str, Any],
    casework: dict[str, Any] | None,
    sweep: list[dict[str, Any]],
    union: dict[str, Any] | None,
) -> None:
    print(
        f"\n{labels['posts']:,} posts, {labels['accounts']:,} accounts, {labels['days']:g} days; "
        f"{len(labels['campaigns'])} campaigns: {len(labels['planted_accounts'])} planted "
        f"accounts, {len(labels['planted_pairs'])} planted pairs"
    )
    print("\nPeer co_similar_tweet sweep (accounts P/R/F1 | pairs P/R/F1):")
    print(f"  {'window':>6} {'thr':>4} {'minw':>4} {'secs':>6}   accounts P/R/F1      pairs P/R/F1")
    for r in sweep:
        a, p = r["accounts"], r["pairs"]
        print(
            f"  {r['window']:>6} {r['threshold']:>4.1f} {r['min_weight']:>4} "
            f"{r['seconds']:>6.1f}   {a['precision']:.3f} {a['recall']:.3f} {a['f1']:.3f}   "
            f"{p['precision']:.3f} {p['recall']:.3f} {p['f1']:.3f}"
            + ("  (timed out)" if r["timed_out"] else "")
        )
    ok = [r for r in sweep if not r["timed_out"]]
    best_acc = max(ok, key=lambda r: r["accounts"]["f1"]) if ok else None
    best_pair = max(ok, key=lambda r: r["pairs"]["f1"]) if ok else None

    def setting(r: dict[str, Any] | None) -> str:
        return "-" if r is None else f"w{r['window']} t{r['threshold']:.1f} m{r['min_weight']}"

    print(
        f"\nBest peer setting by accounts F1: {setting(best_acc)}; "
        f"by pairs F1: {setting(best_pair)}"
    )
    if casework:
        s = casework["settings"]
        print(
            f"Casework defaults (window {s['window']:g} s, min_weight {s['min_weight']:g}): "
            f"load {casework['load_seconds']:.1f} s, detect {casework['detect_seconds']:.1f} s, "
            f"{casework['predicted_pairs']} links"
        )
    header = f"\n{'metric':<20} {'casework':>9} {'peer sim':>9} {'ratio':>6}"
    if union:
        header += f" {'peer all':>9} {'ratio':>6}"
    print(header)
    for level, best in (("accounts", best_acc), ("pairs", best_pair), ("groups", best_pair)):
        for m in ("precision", "recall", "f1"):
            cw = casework[level][m] if casework else None
            peer = best[level][m] if best else None
            line = f"{level + ' ' + m:<20} {_fmt(cw):>9} {_fmt(peer):>9} {_ratio(cw, peer):>6}"
            if union:
                u = union[level][m]
                line += f" {_fmt(u):>9} {_ratio(cw, u):>6}"
            print(line)
    kinds = coord_generate.KINDS
    print("\nAccount recall by campaign kind:")
    for kind in kinds:
        cw = casework["recall_by_kind"].get(kind) if casework else None
        peer = best_acc["recall_by_kind"].get(kind) if best_acc else None
        line = f"  {kind:<18} casework {_fmt(cw)}  peer sim {_fmt(peer)}"
        if union:
            line += f"  peer all {_fmt(union['recall_by_kind'].get(kind))}"
        print(line)
    if casework and "campaign_accounts" in casework:
        waves = prf(set(casework["campaign_accounts"]), set(labels["planted_accounts"]))
        print(
            f"\nCasework campaigns (comment-wave view, copy bursts here: the posts have no "
            f"threads): {casework['campaigns']} campaigns, accounts precision "
            f"{waves['precision']:.3f}, recall {waves['recall']:.3f}"
        )
    if casework:
        a = casework["accounts"]
        met = a["precision"] >= TARGET_PRECISION and a["recall"] >= TARGET_RECALL
        print(
            f"\nTarget (casework accounts): precision >= {TARGET_PRECISION} and recall >= "
            f"{TARGET_RECALL}: {'met' if met else 'NOT met'} "
            f"(precision {a['precision']:.3f}, recall {a['recall']:.3f})"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=50_000)
    parser.add_argument("--accounts", type=int, default=None, help="default: posts / 10")
    parser.add_argument("--campaigns", type=int, default=20)
    parser.add_argument("--days", type=float, default=7.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--windows", default=",".join(map(str, WINDOWS)))
    parser.add_argument("--thresholds", default=",".join(map(str, THRESHOLDS)))
    parser.add_argument("--full-grid", action="store_true", help="all thresholds at 3600 s too")
    parser.add_argument("--peer-timeout", type=float, default=300, help="seconds per peer run")
    parser.add_argument("--peer-only", action="store_true", help="skip Casework")
    parser.add_argument("--no-peer", action="store_true", help="skip the peer")
    parser.add_argument("--keep", type=Path, default=None, help="write the dataset here")
    parser.add_argument("--json", type=Path, default=None, help="write the scores here")
    args = parser.parse_args(argv)
    if not args.peer_only:
        _casework()  # fail early, before generating anything
    if not args.no_peer and not coord_peer.available():
        sys.exit("coordination-network-toolkit is missing: pip install -e '.[bench]'")

    windows = [int(w) for w in args.windows.split(",")]
    thresholds = [float(t) for t in args.thresholds.split(",")]
    grid = [
        (w, t)
        for w in windows
        for t in thresholds
        if args.full_grid or w < 3600 or t == max(thresholds)
    ]
    with tempfile.TemporaryDirectory(prefix="coordq-") as tmp:
        folder = args.keep or Path(tmp)
        posts_csv = folder / "posts.csv"
        labels = coord_generate.write(
            posts_csv, args.posts, args.accounts, args.campaigns, args.days, args.seed
        )
        casework = None
        if not args.peer_only:
            casework = run_casework(posts_csv)
            casework.update(score(casework["linked"], labels, casework["communities"]))
        sweep: list[dict[str, Any]] = []
        union = None
        if not args.no_peer:
            toolkit_csv = folder / "toolkit.csv"
            coord_peer.convert(posts_csv, toolkit_csv)
            base_db = Path(tmp) / "base.db"
            pre = coord_peer.preprocess(toolkit_csv, base_db)
            print(f"  peer preprocess: {pre['seconds']:.1f} s", file=sys.stderr)
            sweep = peer_sweep(toolkit_csv, base_db, grid, labels, args.peer_timeout)
            ok = [r for r in sweep if not r["timed_out"]]
            if ok:
                best = max(ok, key=lambda r: r["accounts"]["f1"])
                pairs, seconds = peer_all(toolkit_csv, base_db, best, args.peer_timeout)
                union = {"seconds": seconds, **score(pairs, labels)}
        print_report(labels, casework, sweep, union)
        if args.json:
            strip = {"linked", "communities"}
            out = {
                "labels": {k: labels[k] for k in ("posts", "accounts", "days")},
                "casework": {k: v for k, v in (casework or {}).items() if k not in strip},
                "peer_sweep": [{k: v for k, v in r.items() if k not in strip} for r in sweep],
                "peer_all": union,
            }
            args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
