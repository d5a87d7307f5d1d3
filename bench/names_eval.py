"""Precision, recall and F1 of a name matcher on labelled pairs, overall and per group.

A pair is predicted a match when its score is at or above the threshold. Precision is
None where nothing was predicted a match, recall None where nothing is a match (a group
holding only non-matches), F1 None where either is None.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import IO, Any

from bench.names_data import Pair


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def counts_to_metrics(tp: int, fp: int, fn: int, tn: int) -> dict[str, Any]:
    """Counts plus precision, recall, F1 and accuracy (None where undefined)."""
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    if precision is None or recall is None:
        f1 = None
    else:
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "n": tp + fp + fn + tn,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "accuracy": _ratio(tp + tn, tp + fp + fn + tn),
    }


def _confusion(labels: Iterable[bool], predicted: Iterable[bool]) -> dict[str, Any]:
    tp = fp = fn = tn = 0
    for gold, guess in zip(labels, predicted, strict=True):
        if gold and guess:
            tp += 1
        elif guess:
            fp += 1
        elif gold:
            fn += 1
        else:
            tn += 1
    return counts_to_metrics(tp, fp, fn, tn)


def best_threshold(labels: Sequence[bool], scores: Sequence[float]) -> tuple[float, float]:
    """(threshold, F1) of the score cut with the highest F1: an oracle, for context only."""
    positives = sum(labels)
    best = (1.0, 0.0)
    ranked = sorted(zip(scores, labels, strict=True), key=lambda item: -item[0])
    tp = fp = 0
    for i, (score, gold) in enumerate(ranked):
        tp, fp = tp + gold, fp + (not gold)
        if i + 1 < len(ranked) and ranked[i + 1][0] == score:
            continue  # a cut lets through every pair with the same score
        f1 = 2 * tp / (tp + fp + positives) if positives else 0.0
        if f1 > best[1]:
            best = (score, f1)
    return best


def evaluate(
    pairs: Sequence[Pair], score_fn: Callable[[Pair], float], threshold: float
) -> dict[str, Any]:
    """Score every pair once and report counts, P/R/F1, per-group figures and throughput.

    One untimed call on the first pair goes first, so that lazy loading (reference data,
    compiled tables) is not billed to the throughput. Returns a dict with the overall
    counts and metrics, ``threshold``, ``seconds``, ``pairs_per_s``, ``best_threshold`` and
    ``best_f1`` (the F1-optimal cut, for context), ``scores`` and ``groups`` (group -> counts
    and metrics).
    """
    if pairs:
        score_fn(pairs[0])
    started = time.perf_counter()
    scores = [float(score_fn(pair)) for pair in pairs]
    seconds = time.perf_counter() - started
    labels = [pair.is_match for pair in pairs]
    predicted = [score >= threshold for score in scores]
    result = _confusion(labels, predicted)
    by_group: dict[str, list[int]] = defaultdict(list)
    for i, pair in enumerate(pairs):
        by_group[pair.group].append(i)
    result["groups"] = {
        group: _confusion((labels[i] for i in idx), (predicted[i] for i in idx))
        for group, idx in sorted(by_group.items())
    }
    cut, best_f1 = best_threshold(labels, scores)
    result.update(
        threshold=threshold,
        seconds=seconds,
        pairs_per_s=len(pairs) / seconds if seconds > 0 else None,
        best_threshold=cut,
        best_f1=best_f1,
        scores=scores,
    )
    return result


def _fmt(value: float | None, width: int = 6, digits: int = 3) -> str:
    return f"{'-':>{width}}" if value is None else f"{value:{width}.{digits}f}"


def print_table(
    results: dict[str, dict[str, dict[str, Any]]],
    reference: str = "logic-v2",
    file: IO[str] | None = None,
) -> None:
    """One row per (set, system): n, threshold, P, R, F1, F1 / the reference system's F1 on
    the same set, pairs per second, and the best-F1 cut for context.

    `results` maps set name -> system name -> an `evaluate` result.
    """
    out = file or sys.stdout
    header = (
        f"{'set':14} {'system':16} {'n':>5} {'thr':>5} {'P':>6} {'R':>6} {'F1':>6} "
        f"{'F1/' + reference:>12} {'pairs/s':>9} {'bestF1@thr':>13}"
    )
    print(header, file=out)
    print("-" * len(header), file=out)
    for set_name, systems in results.items():
        ref_f1 = systems.get(reference, {}).get("f1")
        for system, r in systems.items():
            ratio = r["f1"] / ref_f1 if ref_f1 and r["f1"] is not None else None
            pps = r.get("pairs_per_s")
            print(
                f"{set_name:14} {system:16} {r['n']:5d} {r['threshold']:5.2f} "
                f"{_fmt(r['precision'])} {_fmt(r['recall'])} {_fmt(r['f1'])} "
                f"{_fmt(ratio, 12)} {_fmt(pps, 9, 0)} "
                f"{r['best_f1']:6.3f}@{r['best_threshold']:<6.2f}",
                file=out,
            )


def print_groups(
    results: dict[str, dict[str, dict[str, Any]]], file: IO[str] | None = None
) -> None:
    """Per-group counts and P/R/F1 for every (set, system)."""
    out = file or sys.stdout
    header = (
        f"{'set':14} {'system':16} {'group':26} {'n':>5} {'tp':>5} {'fp':>5} {'fn':>5} "
        f"{'tn':>5} {'P':>6} {'R':>6} {'F1':>6}"
    )
    print(header, file=out)
    print("-" * len(header), file=out)
    for set_name, systems in results.items():
        for system, r in systems.items():
            for group, g in r["groups"].items():
                print(
                    f"{set_name:14} {system:16} {group[:26]:26} {g['n']:5d} {g['tp']:5d} "
                    f"{g['fp']:5d} {g['fn']:5d} {g['tn']:5d} "
                    f"{_fmt(g['precision'])} {_fmt(g['recall'])} {_fmt(g['f1'])}",
                    file=out,
                )
