"""Comment waves on the gold comment sections: campaign accounts found, per thread and overall.

The gold set (bench/wave_gold, read by bench.wave_data) is fictional comment sections
written by a helper session blind to the rules, labelled with each campaign's accounts.
Three systems run on the same threads in one run:

- casework waves: the campaigns of casework.coordination.waves (talking points by
  claim, stance, secondary signs; copy bursts), as `casework coordination` reports them;
- casework co-action: the accounts of the network's communities (the large-scale model:
  repeated co-action beyond chance), the view a comment wave does not fit;
- peer: coordination-network-toolkit 1.5.2's co_similar_tweet network (accounts in a
  connected group of at least three), with a one-hour window, similarity 0.5 and an
  edge weight of 1 (each account of a wave posts once or twice; its default of 2 would
  find nothing). The toolkit needs a time on every message: threads without times give
  it nothing to read, and are counted as found nothing.

A thread's predicted members are every account any campaign in it holds; precision and
recall are over accounts, per thread and summed over threads (micro). Threads with no
campaign count the accounts wrongly reported in them.

    python -m bench.wave_quality [--split development|development2|development3|test|test2|all]
        [--errors] [--json FILE]

Tune on the development split; report the test split.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench import wave_data
from casework.coordination import Settings, detect

TARGETS = {"precision": 0.90, "recall": 0.85}


def casework_views(threads: list[wave_data.Thread]) -> tuple[dict, dict, Any]:
    """Per thread: the accounts in waves' campaigns, and in the network's communities."""
    table = wave_data.table(threads)
    network = detect(table, Settings(window=None), wave_data.backgrounds(threads))
    waves: dict[str, set[str]] = defaultdict(set)
    for campaign in network.campaigns:
        waves[campaign.thread].update(campaign.accounts)
    thread_of: dict[str, set[str]] = defaultdict(set)
    for row in table.select(["account", "thread"]).to_pylist():
        thread_of[row["account"]].add(row["thread"])
    coaction: dict[str, set[str]] = defaultdict(set)
    for community in network.communities:
        for account in community.accounts:
            for thread in thread_of[account]:
                coaction[thread].add(account)
    return waves, coaction, network


def peer_view(threads: list[wave_data.Thread]) -> tuple[dict[str, set[str]], str | None]:
    """Per thread: accounts in a co_similar_tweet group of three or more, or why none."""
    try:
        from bench import coord_peer
    except ImportError as exc:  # pragma: no cover - the bench extra
        return {}, f"peer not importable: {exc}"
    if not coord_peer.available():
        return {}, "coordination-network-toolkit is not installed (pip install -e '.[bench]')"
    out: dict[str, set[str]] = defaultdict(set)
    with tempfile.TemporaryDirectory(prefix="wave-peer-") as tmp:
        source = Path(tmp) / "posts.csv"
        owner: dict[str, str] = {}
        with source.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(
                (
                    "message_id",
                    "account",
                    "display_name",
                    "repost_of",
                    "reply_to",
                    "text",
                    "timestamp",
                    "urls",
                )
            )
            for thread in threads:
                for c in thread.comments:
                    # accounts are per thread: one name in two threads is two readers
                    account = f"{thread.id}/{c['author']}"
                    owner[account] = thread.id
                    writer.writerow(
                        (
                            c["id"],
                            account,
                            c["author"],
                            "",
                            c.get("parent") or "",
                            c["text"],
                            c.get("created_at") or "",
                            "",
                        )
                    )
        converted = Path(tmp) / "toolkit.csv"
        coord_peer.convert(source, converted)
        result = coord_peer.run_peer(
            converted, "co_similar_tweet", 3600, 0.5, min_edge_weight=1, timeout=300
        )
        neighbours: dict[str, set[str]] = defaultdict(set)
        for a, b, _ in result["edges"]:
            neighbours[a].add(b)
            neighbours[b].add(a)
        seen: set[str] = set()
        for start in neighbours:
            if start in seen:
                continue
            group, stack = set(), [start]
            while stack:
                node = stack.pop()
                if node in group:
                    continue
                group.add(node)
                stack.extend(neighbours[node] - group)
            seen |= group
            if len(group) >= 3:
                for account in group:
                    out[owner[account]].add(account.split("/", 1)[1])
    return out, None


def score(threads: list[wave_data.Thread], predicted: dict[str, set[str]]) -> dict[str, Any]:
    per_thread = {}
    hit = found = truth = 0
    false_threads = []
    for t in threads:
        p, g = predicted.get(t.id, set()), t.members
        per_thread[t.id] = {
            "gold": len(g),
            "found": len(p),
            "right": len(p & g),
            "precision": len(p & g) / len(p) if p else None,
            "recall": len(p & g) / len(g) if g else None,
        }
        hit, found, truth = hit + len(p & g), found + len(p), truth + len(g)
        if not g and p:
            false_threads.append(t.id)
    precision = hit / found if found else 0.0
    recall = hit / truth if truth else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "threads": per_thread,
        "no_campaign_threads_with_a_report": false_threads,
    }


def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--split",
        default="development",
        choices=[
            "development",
            "development2",
            "development3",
            "development4",
            "test",
            "test2",
            "test3",
            "all",
        ],
    )
    parser.add_argument("--errors", action="store_true", help="list wrong and missed accounts")
    parser.add_argument("--no-peer", action="store_true", help="skip the toolkit peer")
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_args(argv)
    threads = wave_data.load(args.split)
    if args.errors and not args.split.startswith("development"):
        sys.exit("--errors lists the development split only: the test split is for reporting")
    waves, coaction, network = casework_views(threads)
    systems = {"casework waves": waves, "casework co-action": coaction}
    note = None
    if not args.no_peer:
        peer, note = peer_view(threads)
        if note is None:
            systems["peer: toolkit co_similar_tweet"] = peer
    results = {name: score(threads, predicted) for name, predicted in systems.items()}
    campaigns = sum(1 for t in threads if t.campaigns)
    print(
        f"comment-wave gold set, {args.split} split: {len(threads)} threads "
        f"({campaigns} with a campaign), {sum(len(t.comments) for t in threads)} comments, "
        f"{sum(len(t.members) for t in threads)} campaign accounts"
    )
    for name, r in results.items():
        wrong = r["no_campaign_threads_with_a_report"]
        print(
            f"{name:32} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}  "
            f"campaign-free threads with a report: {len(wrong)}"
        )
    if note:
        print(f"peer: {note}")
    print("\nper thread (casework waves): gold / found / right, P, R")
    for thread_id, r in results["casework waves"]["threads"].items():
        print(
            f"  {thread_id}: {r['gold']:2} / {r['found']:2} / {r['right']:2}  "
            f"P {_fmt(r['precision'])}  R {_fmt(r['recall'])}"
        )
    main_result = results["casework waves"]
    for key, target in TARGETS.items():
        met = "met" if main_result[key] >= target else "NOT met"
        print(f"target {key} >= {target}: {met} ({main_result[key]:.3f})")
    clean = not main_result["no_campaign_threads_with_a_report"]
    print(f"target no campaign in campaign-free threads: {'met' if clean else 'NOT met'}")
    if args.errors:
        for t in threads:
            p = waves.get(t.id, set())
            for a in sorted(p - t.members):
                print(f"{t.id} wrong {a}")
            for a in sorted(t.members - p):
                print(f"{t.id} missed {a}")
        for c in network.campaigns:
            print(f"{c.thread} campaign: {c.reason}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, default=sorted), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
