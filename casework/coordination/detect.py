"""Run the signals, weigh the links, find communities, and say why for each.

`detect(table, Settings())` is the whole job on a messages table (from
`load_workspace` or `load_file`). Each signal is timed; pairs of messages
become links between accounts with a sample of their evidence; links at or
above `min_weight` form the network, whose communities Leiden finds (igraph
+ leidenalg).
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass

import igraph
import leidenalg
import numpy as np
import pyarrow as pa

from casework.coordination.frame import Frame
from casework.coordination.model import (
    ACCOUNT_SIGNALS,
    PAIR_SIGNALS,
    SIGNALS,
    Account,
    Community,
    Evidence,
    Link,
    Network,
)
from casework.coordination.sequence import runs
from casework.coordination.shares import ITEMS, co_items
from casework.coordination.style import alike
from casework.coordination.text import co_text, near_text, normalise
from casework.coordination.variants import display_names, name_variants
from casework.errors import CaseworkError, Errors

# How much one unit of each signal weighs in a link. One identical long message,
# one name variant or one close style match is a link by itself at the default
# min_weight; shares need repeating.
SIGNAL_WEIGHTS: dict[str, float] = {
    "co_text": 2.0,
    "near_text": 2.0,
    "co_link": 1.0,
    "co_hashtag": 0.5,
    "co_repost": 1.0,
    "co_target": 0.5,
    "name_variant": 2.0,
    "style": 2.0,
}
# A signal's strength counts up to this many units in one link: ten copies of
# one text are not ten times the evidence of three.
STRENGTH_CAP = 5.0
EVIDENCE_PER_LINK = 5
WORDS = {
    "co_text": "identical texts",
    "near_text": "near-identical texts",
    "co_link": "same links in the window",
    "co_hashtag": "same hashtags in the window",
    "co_repost": "same reposts in the window",
    "co_target": "replies to the same items",
    "name_variant": "name variants",
    "style": "alike writing style",
    "burst": "bursts",
    "split": "split messages",
}


@dataclass(frozen=True)
class Settings:
    window: float | None = 3600.0  # seconds; None: the whole corpus
    signals: tuple[str, ...] = SIGNALS
    min_weight: float = 2.0
    style_threshold: float = 0.8
    seed: int = 42

    def __post_init__(self) -> None:
        unknown = [s for s in self.signals if s not in SIGNALS]
        if unknown:
            raise CaseworkError(Errors.E504, name=unknown[0], known=", ".join(SIGNALS))


def detect(table: pa.Table, settings: Settings | None = None) -> Network:
    settings = settings or Settings()
    frame = Frame.of(table)
    timings: dict[str, float] = {}
    texts = frame.texts()
    started = time.perf_counter()
    keys = [normalise(t) for t in texts] if {"co_text", "near_text"} & set(settings.signals) else []
    timings["normalise"] = time.perf_counter() - started
    tables: list[pa.Table] = []
    for signal in PAIR_SIGNALS:
        if signal not in settings.signals or signal in ("name_variant", "style"):
            continue
        started = time.perf_counter()
        if signal == "co_text":
            tables.append(co_text(frame, keys, settings.window))
        elif signal == "near_text":
            tables.append(near_text(frame, keys, settings.window))
        elif signal in ITEMS:
            tables.append(co_items(frame, signal, settings.window))
        timings[signal] = time.perf_counter() - started
    started = time.perf_counter()
    links = _links(frame, pa.concat_tables(tables) if tables else None, texts)
    timings["aggregate"] = time.perf_counter() - started
    first_message = _first_messages(frame)
    names = display_names(frame)
    if "name_variant" in settings.signals:
        started = time.perf_counter()
        for v in name_variants(names):
            ia, ib = first_message[v.a], first_message[v.b]
            _add(
                links,
                v.a,
                v.b,
                "name_variant",
                v.strength,
                Evidence(
                    "name_variant",
                    _id(frame, ia),
                    _id(frame, ib),
                    texts[ia],
                    texts[ib],
                    _gap(frame, ia, ib),
                    v.detail,
                ),
            )
        timings["name_variant"] = time.perf_counter() - started
    if "style" in settings.signals:
        started = time.perf_counter()
        for s in alike(frame, settings.style_threshold):
            ia, ib = first_message[s.a], first_message[s.b]
            strength = (s.cosine - settings.style_threshold) / (1 - settings.style_threshold)
            _add(
                links,
                s.a,
                s.b,
                "style",
                max(strength, 0.5),
                Evidence(
                    "style",
                    _id(frame, ia),
                    _id(frame, ib),
                    texts[ia],
                    texts[ib],
                    _gap(frame, ia, ib),
                    f"character trigram profiles alike: cosine {s.cosine:.2f}",
                ),
            )
        timings["style"] = time.perf_counter() - started
    started = time.perf_counter()
    account_runs = [r for r in runs(frame) if r.kind in settings.signals]
    timings["burst_split"] = time.perf_counter() - started
    started = time.perf_counter()
    network = _network(frame, names, links, account_runs, texts, settings)
    timings["network"] = time.perf_counter() - started
    network.timings = timings
    return network


def _id(frame: Frame, row: int) -> str:
    return frame.ids[row]


def _gap(frame: Frame, i: int, j: int) -> float | None:
    gap = abs(frame.ts[i] - frame.ts[j])
    return None if np.isnan(gap) else float(gap)


def _first_messages(frame: Frame) -> dict[int, int]:
    codes, first = np.unique(frame.account, return_index=True)
    return dict(zip(codes.tolist(), first.tolist(), strict=True))


LinkKey = tuple[int, int]


def _add(links: dict, a: int, b: int, signal: str, strength: float, evidence: Evidence) -> None:
    if a > b:
        a, b = b, a
        evidence = Evidence(
            evidence.signal,
            evidence.message_b,
            evidence.message_a,
            evidence.text_b,
            evidence.text_a,
            evidence.gap_seconds,
            evidence.detail,
        )
    entry = links.setdefault((a, b), {"signals": defaultdict(float), "evidence": []})
    entry["signals"][signal] += strength
    if len(entry["evidence"]) < EVIDENCE_PER_LINK * 2:
        entry["evidence"].append((strength, evidence))


def _links(frame: Frame, table: pa.Table | None, texts: list[str | None]) -> dict:
    links: dict[LinkKey, dict] = {}
    if table is None or not len(table):
        return links
    i = table.column("i").to_numpy()
    j = table.column("j").to_numpy()
    a, b = frame.account[i], frame.account[j]
    swap = a > b
    i, j = np.where(swap, j, i), np.where(swap, i, j)
    a, b = np.minimum(a, b), np.maximum(a, b)
    signal = table.column("signal").to_pylist()
    strength = table.column("strength").to_numpy()
    detail = table.column("detail").to_pylist()
    # Strongest pairs first, so each link keeps its best evidence.
    for n in np.argsort(-strength, kind="stable").tolist():
        key = (int(a[n]), int(b[n]))
        entry = links.setdefault(key, {"signals": defaultdict(float), "evidence": []})
        entry["signals"][signal[n]] += float(strength[n])
        if len(entry["evidence"]) < EVIDENCE_PER_LINK:
            x, y = int(i[n]), int(j[n])
            entry["evidence"].append(
                (
                    float(strength[n]),
                    Evidence(
                        signal[n],
                        _id(frame, x),
                        _id(frame, y),
                        texts[x],
                        texts[y],
                        _gap(frame, x, y),
                        detail[n],
                    ),
                )
            )
    return links


def _weight(signals: dict[str, float]) -> float:
    return sum(SIGNAL_WEIGHTS[s] * min(v, STRENGTH_CAP) for s, v in signals.items())


def _reason(signals: dict[str, float]) -> str:
    ranked = sorted(signals.items(), key=lambda kv: -SIGNAL_WEIGHTS[kv[0]] * kv[1])
    return "; ".join(f"{WORDS[s]} ({v:.2g})" for s, v in ranked)


def _network(
    frame: Frame,
    names: dict[int, str],
    links: dict,
    account_runs: list,
    texts: list[str | None],
    settings: Settings,
) -> Network:
    counts = np.bincount(frame.account, minlength=len(frame.accounts))
    kept: list[Link] = []
    for (a, b), entry in links.items():
        weight = _weight(entry["signals"])
        if weight < settings.min_weight:
            continue
        evidence = [e for _, e in sorted(entry["evidence"], key=lambda t: -t[0])]
        kept.append(
            Link(
                frame.accounts[a],
                frame.accounts[b],
                weight,
                dict(entry["signals"]),
                evidence[:EVIDENCE_PER_LINK],
                _reason(entry["signals"]),
            )
        )
    kept.sort(key=lambda link: (-link.weight, link.a, link.b))
    flags: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    run_evidence: dict[int, list[Evidence]] = defaultdict(list)
    for run in account_runs:
        flags[run.account][run.kind] += 1
        first, last = run.rows[0], run.rows[-1]
        detail = (
            f"{len(run.rows)} messages in a row"
            if run.kind == "burst"
            else "continues the same author's previous comment"
        )
        run_evidence[run.account].append(
            Evidence(
                run.kind,
                _id(frame, first),
                _id(frame, last),
                texts[first],
                texts[last],
                _gap(frame, first, last),
                detail,
            )
        )
    code_of = {acc: n for n, acc in enumerate(frame.accounts)}
    by_account: dict[str, list[Link]] = defaultdict(list)
    for link in kept:
        by_account[link.a].append(link)
        by_account[link.b].append(link)
    involved = {code_of[acc] for acc in by_account} | set(flags)
    accounts: dict[str, Account] = {}
    for code in sorted(involved):
        acc = frame.accounts[code]
        accounts[acc] = Account(
            acc,
            names.get(code),
            int(counts[code]),
            flags=dict(flags[code]),
            evidence=run_evidence[code][:EVIDENCE_PER_LINK],
        )
    communities = _communities(kept, accounts, settings.seed)
    for account in accounts.values():
        own = by_account.get(account.id, [])
        account.score = sum(link.weight for link in own) + sum(account.flags.values())
        parts = []
        if own:
            partners = {link.b if link.a == account.id else link.a for link in own}
            kinds = sorted({s for link in own for s in link.signals}, key=SIGNALS.index)
            parts.append(
                f"linked to {len(partners)} account(s) by " + ", ".join(WORDS[k] for k in kinds)
            )
        for kind in ACCOUNT_SIGNALS:
            if account.flags.get(kind):
                parts.append(f"{account.flags[kind]} {WORDS[kind]}")
        account.reason = "; ".join(parts)
    ordered = sorted(accounts.values(), key=lambda x: (-x.score, x.id))
    return Network(
        ordered,
        kept,
        communities,
        settings={
            "window": settings.window,
            "signals": list(settings.signals),
            "min_weight": settings.min_weight,
            "messages": len(frame),
            "accounts": len(frame.accounts),
        },
    )


def _communities(links: list[Link], accounts: dict[str, Account], seed: int) -> list[Community]:
    if not links:
        return []
    ids = sorted({x for link in links for x in (link.a, link.b)})
    index = {acc: n for n, acc in enumerate(ids)}
    graph = igraph.Graph(n=len(ids), edges=[(index[link.a], index[link.b]) for link in links])
    graph.es["weight"] = [link.weight for link in links]
    partition = leidenalg.find_partition(
        graph, leidenalg.ModularityVertexPartition, weights="weight", seed=seed
    )
    out = []
    members_of = [sorted(ids[v] for v in part) for part in partition if len(part) >= 2]
    members_of.sort(key=lambda m: (-len(m), m))
    community_of = {acc: n for n, members in enumerate(members_of) for acc in members}
    internal: dict[int, list[Link]] = defaultdict(list)
    for link in links:
        ca, cb = community_of.get(link.a), community_of.get(link.b)
        if ca is not None and ca == cb:
            internal[ca].append(link)
    for number, members in enumerate(members_of):
        inside = internal[number]
        signals: dict[str, int] = defaultdict(int)
        for link in inside:
            for s in link.signals:
                signals[s] += 1
        score = sum(link.weight for link in inside) / len(members)
        reason = f"{len(members)} accounts, {len(inside)} links inside: " + ", ".join(
            f"{WORDS[s]} {n}" for s, n in sorted(signals.items(), key=lambda kv: -kv[1])
        )
        for acc in members:
            accounts[acc].community = number
        out.append(Community(number, members, score, dict(signals), reason))
    return out
