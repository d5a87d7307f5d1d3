"""Run the signals, weigh the links, find communities, and say why for each.

`detect(table, Settings())` is the whole job on a messages table (from
`load_workspace` or `load_file`). Each signal is timed. Message pairs from
the co-action signals are summed per pair of accounts with numpy; a pair
becomes a link when its co-actions repeat (`min_repeats`), weigh enough
(`min_weight`) and are beyond chance: a Poisson test against the
configuration model of the co-action network, with the Benjamini-Hochberg
cut at `false_rate`. Name variants and style add to pairs that act
together. Links form the network, whose communities Leiden finds (igraph +
leidenalg); talking points group the messages that push one text.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

import igraph
import leidenalg
import numpy as np
import pyarrow as pa
from scipy.special import pdtrc

from casework.coordination.frame import SMALL_CROWD, Frame, within_window
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
from casework.coordination.shares import ITEMS, co_items, shared_places
from casework.coordination.style import cosines
from casework.coordination.talking_points import talking_points
from casework.coordination.text import co_text, near_text, normalise
from casework.coordination.variants import display_names, name_candidates, variant
from casework.coordination.waves import waves
from casework.errors import CaseworkError, Errors

# How much one unit of each signal weighs in a link. Two co-actions are needed
# anyway (Settings.min_repeats); these say how many of which kind reach the
# default min_weight: two shared texts or two rare links do, hashtags,
# reposts (one click, nothing of the account's own) and replies under the
# same item need four. A name variant or a close style match, between
# accounts that act together, is a link by itself.
SIGNAL_WEIGHTS: dict[str, float] = {
    "co_text": 2.0,
    "near_text": 2.0,
    "co_link": 1.0,
    "co_hashtag": 0.5,
    "co_repost": 0.5,
    "co_target": 0.5,
    "name_variant": 2.0,
    "style": 2.0,
}
# A signal's strength counts up to this many units in one link: ten copies of
# one text are not ten times the evidence of three.
STRENGTH_CAP = 5.0
EVIDENCE_PER_LINK = 5
BASELINE_MIN = 1000
# Identity signals link accounts that act together: co-actions this unlikely by
# chance, or a place (thread, replied item) this small that both post in.
IDENTITY_CHANCE = 0.01
SMALL_PLACE = 4 * SMALL_CROWD
_WEIGHT_ARRAY = np.array([SIGNAL_WEIGHTS[s] for s in PAIR_SIGNALS])
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
    # Co-actions a link needs: one shared text or link can be chance (a headline
    # many people share from a news site's button); the same two accounts doing
    # it again is a pattern. Name variants and style need only one, or a thread
    # both post in: they say who is behind an account, not what it did.
    min_repeats: int = 2
    # The share of links that may be chance: each pair's co-actions get the
    # probability (Poisson, configuration model) of that many between accounts
    # as active as these, and Benjamini-Hochberg picks the cut that keeps the
    # expected share of chance pairs among the links at this rate.
    false_rate: float = 0.005
    style_threshold: float = 0.8
    seed: int = 42

    def __post_init__(self) -> None:
        unknown = [s for s in self.signals if s not in SIGNALS]
        if unknown:
            raise CaseworkError(Errors.E504, name=unknown[0], known=", ".join(SIGNALS))


def detect(
    table: pa.Table, settings: Settings | None = None, backgrounds: dict[str, str] | None = None
) -> Network:
    """The network, its communities and talking points, and the comment-wave view
    (casework.coordination.waves) with `backgrounds`: each thread's article text."""
    settings = settings or Settings()
    frame = Frame.of(table)
    timings: dict[str, float] = {}
    texts = frame.texts()
    started = time.perf_counter()
    keys = [normalise(t) for t in texts] if {"co_text", "near_text"} & set(settings.signals) else []
    timings["normalise"] = time.perf_counter() - started
    tables: list[pa.Table] = []
    text_tables: list[pa.Table] = []
    for signal in PAIR_SIGNALS:
        if signal not in settings.signals or signal in IDENTITY_SIGNALS:
            continue
        started = time.perf_counter()
        if signal in ("co_text", "near_text"):
            # Over the whole corpus, for talking points; the window applies below.
            found = (co_text if signal == "co_text" else near_text)(frame, keys, None)
            text_tables.append(found)
            tables.append(_within(frame, found, settings.window))
        elif signal in ITEMS:
            tables.append(co_items(frame, signal, settings.window))
        timings[signal] = time.perf_counter() - started
    started = time.perf_counter()
    co = _CoActions.of(frame, pa.concat_tables(tables) if tables else None)
    timings["aggregate"] = time.perf_counter() - started
    first_message = _first_messages(frame)
    names = display_names(frame)
    identity: dict[LinkKey, dict[str, tuple[float, Evidence]]] = defaultdict(dict)
    variant_strength: dict[LinkKey, float] = {}
    if "name_variant" in settings.signals:
        started = time.perf_counter()
        candidates = np.array(name_candidates(names), dtype=np.int64).reshape(-1, 2)
        for a, b in _together(frame, co, candidates).tolist():
            v = variant(names, a, b)
            if v is None:
                continue
            ia, ib = first_message[v.a], first_message[v.b]
            variant_strength[(v.a, v.b)] = v.strength
            identity[(v.a, v.b)]["name_variant"] = (
                v.strength,
                _evidence(frame, texts, "name_variant", ia, ib, v.detail),
            )
        timings["name_variant"] = time.perf_counter() - started
    if "style" in settings.signals:
        started = time.perf_counter()
        # Style is asked only of pairs it could make a link of: acting together
        # beyond chance, with at least half a link's weight from co-action.
        asked = (co.p <= IDENTITY_CHANCE) & (co.weight >= settings.min_weight / 2)
        candidates = np.stack([co.a[asked], co.b[asked]], axis=1)
        similarity = cosines(frame, [tuple(p) for p in candidates.tolist()])
        for (a, b), cosine in zip(candidates.tolist(), similarity.tolist(), strict=True):
            if cosine < settings.style_threshold:
                continue
            ia, ib = first_message[a], first_message[b]
            strength = (cosine - settings.style_threshold) / (1 - settings.style_threshold)
            detail = f"character trigram profiles alike: cosine {cosine:.2f}"
            identity[(a, b)]["style"] = (
                max(strength, 0.5),
                _evidence(frame, texts, "style", ia, ib, detail),
            )
        timings["style"] = time.perf_counter() - started
    started = time.perf_counter()
    links = _kept_links(frame, co, identity, texts, settings)
    timings["links"] = time.perf_counter() - started
    started = time.perf_counter()
    account_runs = [r for r in runs(frame) if r.kind in settings.signals]
    timings["burst_split"] = time.perf_counter() - started
    started = time.perf_counter()
    network = _network(frame, names, links, account_runs, texts, settings)
    timings["network"] = time.perf_counter() - started
    started = time.perf_counter()
    linked = {x for link in links for x in (link.a, link.b)}
    network.talking_points = talking_points(
        frame, pa.concat_tables(text_tables) if text_tables else None, keys, texts, linked
    )
    timings["talking_points"] = time.perf_counter() - started
    started = time.perf_counter()
    network.claims, network.campaigns = waves(
        frame,
        texts,
        names,
        variant_strength,
        pa.concat_tables(text_tables) if text_tables else None,
        backgrounds,
    )
    timings["waves"] = time.perf_counter() - started
    network.timings = timings
    return network


def _within(frame: Frame, table: pa.Table, window: float | None) -> pa.Table:
    """The message pairs of `table` inside the time window."""
    if window is None or not len(table):
        return table
    inside = within_window(
        frame, table.column("i").to_numpy(), table.column("j").to_numpy(), window
    )
    return table.filter(pa.array(inside))


def _id(frame: Frame, row: int) -> str:
    return frame.ids[row]


def _gap(frame: Frame, i: int, j: int) -> float | None:
    gap = abs(frame.ts[i] - frame.ts[j])
    return None if np.isnan(gap) else float(gap)


def _evidence(
    frame: Frame, texts: list[str | None], signal: str, i: int, j: int, detail: str
) -> Evidence:
    return Evidence(
        signal, _id(frame, i), _id(frame, j), texts[i], texts[j], _gap(frame, i, j), detail
    )


def _first_messages(frame: Frame) -> dict[int, int]:
    codes, first = np.unique(frame.account, return_index=True)
    return dict(zip(codes.tolist(), first.tolist(), strict=True))


LinkKey = tuple[int, int]
IDENTITY_SIGNALS = ("name_variant", "style")
_CO_SIGNALS = [s for s in PAIR_SIGNALS if s not in IDENTITY_SIGNALS]


@dataclass
class _CoActions:
    """Every message pair from the co-action signals, summed per pair of accounts.

    Columns, not objects: a million message pairs are summed with numpy, and
    Evidence objects are made only for the links that are kept.
    """

    pairs: pa.Table | None  # the message pairs, i by account a < j by account b
    a: np.ndarray  # per link: account codes, a < b
    b: np.ndarray
    strength: np.ndarray  # (links, len(PAIR_SIGNALS)): summed strength per signal
    counted: np.ndarray  # the same, from each message pair's strongest signal only
    repeats: np.ndarray  # per link: co-actions, the fewer of either side's messages
    expected: np.ndarray  # per link: co-actions its two accounts' activity predicts
    link_of_pair: np.ndarray  # per message pair: its link
    n_accounts: int = 0

    @cached_property
    def p(self) -> np.ndarray:
        """Per link: the chance of its co-actions (`chance`), computed once."""
        return chance(self.repeats, self.expected)

    @property
    def weight(self) -> np.ndarray:
        """Per link: its weight from co-action (strongest signal per message pair)."""
        return (np.minimum(self.counted, STRENGTH_CAP) * _WEIGHT_ARRAY).sum(axis=1)

    @property
    def keys(self) -> np.ndarray:
        """Per link: a * n_accounts + b, sorted (np.unique made them)."""
        return self.a * self.n_accounts + self.b

    @classmethod
    def of(cls, frame: Frame, table: pa.Table | None) -> _CoActions:
        n_signals = len(PAIR_SIGNALS)
        if table is None or not len(table):
            empty = np.array([], dtype=np.int64)
            none = np.zeros((0, n_signals))
            return cls(None, empty, empty, none, none, empty, empty, empty, len(frame.accounts))
        i = table.column("i").to_numpy()
        j = table.column("j").to_numpy()
        a, b = frame.account[i].astype(np.int64), frame.account[j].astype(np.int64)
        swap = a > b
        i, j = np.where(swap, j, i), np.where(swap, i, j)
        a, b = np.minimum(a, b), np.maximum(a, b)
        table = table.set_column(1, "i", pa.array(i)).set_column(2, "j", pa.array(j))
        keys, link = np.unique(a * len(frame.accounts) + b, return_inverse=True)
        signal = table.column("signal").to_numpy().astype(np.int64)
        values = table.column("strength").to_numpy()
        cells = link * n_signals + signal
        size = len(keys) * n_signals
        strength = np.bincount(cells, values, size).reshape(len(keys), n_signals)
        # One message pair is one co-action however many signals it fires: a
        # shared headline with its link is one share, not a text and a link.
        message_pair = i * len(frame) + j
        order = np.lexsort((-values * _WEIGHT_ARRAY[signal], message_pair))
        first = np.r_[True, message_pair[order][1:] != message_pair[order][:-1]]
        strongest = np.zeros(len(values))
        strongest[order[first]] = values[order[first]]
        counted = np.bincount(cells, strongest, size).reshape(len(keys), n_signals)
        # Co-actions: distinct messages on each side, so one text answered by
        # five copies is one act of the first account, not five.
        rows = len(frame)
        side_a = np.bincount(np.unique(link * rows + i) // rows, minlength=len(keys))
        side_b = np.bincount(np.unique(link * rows + j) // rows, minlength=len(keys))
        repeats = np.minimum(side_a, side_b)
        a, b = keys // len(frame.accounts), keys % len(frame.accounts)
        expected = _expected(a, b, repeats)
        return cls(table, a, b, strength, counted, repeats, expected, link, len(frame.accounts))

    def find(self, pairs: np.ndarray) -> np.ndarray:
        """The link number of each pair of account codes (a < b), or -1."""
        if not len(self.keys) or not len(pairs):
            return np.full(len(pairs), -1, dtype=np.int64)
        wanted = pairs[:, 0].astype(np.int64) * self.n_accounts + pairs[:, 1]
        at = np.minimum(np.searchsorted(self.keys, wanted), len(self.keys) - 1)
        return np.where(self.keys[at] == wanted, at, -1)

    def evidence(
        self, frame: Frame, texts: list[str | None], links: np.ndarray
    ) -> dict[int, list[Evidence]]:
        """The strongest EVIDENCE_PER_LINK message pairs of each of `links`."""
        if self.pairs is None or not len(links):
            return {}
        wanted = np.zeros(len(self.a), dtype=bool)
        wanted[links] = True
        rows = np.flatnonzero(wanted[self.link_of_pair])
        signal = self.pairs.column("signal").to_numpy()[rows].astype(np.int64)
        weighted = self.pairs.column("strength").to_numpy()[rows] * _WEIGHT_ARRAY[signal]
        link = self.link_of_pair[rows]
        order = np.lexsort((-weighted, link))
        rows, link = rows[order], link[order]
        starts = np.flatnonzero(np.r_[True, link[1:] != link[:-1]])
        rank = np.arange(len(link)) - np.repeat(starts, np.diff(np.r_[starts, len(link)]))
        chosen = rows[rank < EVIDENCE_PER_LINK]
        sample = self.pairs.take(pa.array(chosen))
        out: dict[int, list[Evidence]] = defaultdict(list)
        for n, sig, i, j, detail in zip(
            self.link_of_pair[chosen].tolist(),
            sample.column("signal").to_pylist(),
            sample.column("i").to_pylist(),
            sample.column("j").to_pylist(),
            sample.column("detail").to_pylist(),
            strict=True,
        ):
            out[n].append(_evidence(frame, texts, PAIR_SIGNALS[sig], i, j, detail))
        return out


def _expected(a: np.ndarray, b: np.ndarray, repeats: np.ndarray) -> np.ndarray:
    """Co-actions expected of each pair from how much its accounts co-act with anyone.

    The configuration model, as modularity uses it: an account in k co-actions
    of the m there are meets a given other account in k_a * k_b / 2m of them
    by chance. Two news sites that each share every popular story co-act
    dozens of times and this expects it; two quiet accounts that meet in five
    copy-pasted texts are thousands of times above it.
    """
    if not len(a):
        return np.zeros(0)
    degree = np.bincount(np.concatenate([a, b]), weights=np.concatenate([repeats, repeats]))
    # In a small corpus nearly every co-action may be the campaign itself, and
    # the model would call it expected; below BASELINE_MIN co-actions there is
    # too little background to say what chance looks like, so it is taken as
    # at least that large.
    total = max(float(repeats.sum()), BASELINE_MIN)
    return degree[a] * degree[b] / (2 * total)


def chance(repeats: np.ndarray, expected: np.ndarray) -> np.ndarray:
    """Probability of at least `repeats` co-actions where `expected` are expected."""
    return pdtrc(np.maximum(repeats - 1, 0), np.maximum(expected, 1e-12))


def benjamini_hochberg(p: np.ndarray, rate: float) -> float:
    """The largest p-value to accept so that at most `rate` of those accepted are
    expected to be chance (Benjamini and Hochberg, 1995); -1 where none is."""
    if not len(p):
        return -1.0
    ordered = np.sort(p)
    passing = np.flatnonzero(ordered <= np.arange(1, len(p) + 1) / len(p) * rate)
    return float(ordered[passing[-1]]) if len(passing) else -1.0


def _together(frame: Frame, co: _CoActions, pairs: np.ndarray) -> np.ndarray:
    """The pairs (rows of a 2-column array) that act together: co-actions beyond
    chance at IDENTITY_CHANCE, or posts in one place (thread, replied item) of
    at most SMALL_PLACE accounts.

    What an identity signal (name variant, style) needs before it links: two
    namesakes who never meet are two people.
    """
    if not len(pairs):
        return pairs
    n = co.find(pairs)
    found = n >= 0
    p = np.ones(len(pairs))
    p[found] = co.p[n[found]]
    acting = p <= IDENTITY_CHANCE
    apart = [(int(a), int(b)) for a, b in pairs[~acting]]
    near = {key for key, crowd in shared_places(frame, apart).items() if crowd <= SMALL_PLACE}
    acting[~acting] = [key in near for key in apart]
    return pairs[acting]


def _kept_links(
    frame: Frame,
    co: _CoActions,
    identity: dict[LinkKey, dict[str, tuple[float, Evidence]]],
    texts: list[str | None],
    settings: Settings,
) -> list[Link]:
    """Links that reach min_weight and show a pattern: repeated co-action, or an
    identity signal (name variant, style) between accounts that act in one place."""
    weight = co.weight
    p = co.p
    keep = (
        (weight >= settings.min_weight)
        & (co.repeats >= settings.min_repeats)
        & (p <= benjamini_hochberg(p, settings.false_rate))
    )
    extra: dict[int, dict[str, tuple[float, Evidence]]] = {}
    alone: list[LinkKey] = []
    keys = list(identity)
    numbers = co.find(np.array(keys, dtype=np.int64).reshape(-1, 2)).tolist()
    for key, n in zip(keys, numbers, strict=True):
        if n < 0:
            alone.append(key)
        else:
            extra[n] = identity[key]
    for n, found in extra.items():
        bonus = sum(SIGNAL_WEIGHTS[s] * min(v, STRENGTH_CAP) for s, (v, _) in found.items())
        keep[n] = weight[n] + bonus >= settings.min_weight
    kept_numbers = np.flatnonzero(keep)
    evidence = co.evidence(frame, texts, kept_numbers)
    out: list[Link] = []
    for n in kept_numbers.tolist():
        signals = {
            PAIR_SIGNALS[s]: float(co.strength[n, s])
            for s in np.flatnonzero(co.strength[n]).tolist()
        }
        total = float(weight[n])
        items = evidence.get(n, [])
        for s, (v, e) in extra.get(n, {}).items():
            signals[s] = v
            total += SIGNAL_WEIGHTS[s] * min(v, STRENGTH_CAP)
            items.insert(0, e)
        out.append(_link(frame, int(co.a[n]), int(co.b[n]), total, signals, items))
    for key in alone:
        found = identity[key]
        signals = {s: v for s, (v, _) in found.items()}
        if _weight(signals) >= settings.min_weight:
            evidence_items = [e for _, e in found.values()]
            out.append(_link(frame, *key, _weight(signals), signals, evidence_items))
    return out


def _link(
    frame: Frame, a: int, b: int, weight: float, signals: dict[str, float], evidence: list
) -> Link:
    return Link(
        frame.accounts[a],
        frame.accounts[b],
        weight,
        signals,
        evidence[:EVIDENCE_PER_LINK],
        _reason(signals),
    )


def _weight(signals: dict[str, float]) -> float:
    return sum(SIGNAL_WEIGHTS[s] * min(v, STRENGTH_CAP) for s, v in signals.items())


def _reason(signals: dict[str, float]) -> str:
    ranked = sorted(signals.items(), key=lambda kv: -SIGNAL_WEIGHTS[kv[0]] * kv[1])
    return "; ".join(f"{WORDS[s]} ({v:.2g})" for s, v in ranked)


def _network(
    frame: Frame,
    names: dict[int, str],
    links: list[Link],
    account_runs: list,
    texts: list[str | None],
    settings: Settings,
) -> Network:
    counts = np.bincount(frame.account, minlength=len(frame.accounts))
    kept = sorted(links, key=lambda link: (-link.weight, link.a, link.b))
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
