"""Extraction quality on the gold set (bench/extract_gold): entities, quotes, acts, roles.

Each gold document and comment is read the way `casework extract` reads a
segment (the same spaCy pipeline and the same rules), and compared with the
labels:

- entities: a predicted mention is right when its span and kind are exactly a
  gold mention's (PLACE counts as GPE);
- quotes: a gold quote is found when a predicted quote overlaps its text in
  the same source; its speaker is right when the predicted speaker's name is
  one of the names the gold set gives that speaker (canonical name or any of
  its mentions), or both have none;
- acts: a predicted act is right when a gold act of the same kind has the same
  evidence sentence in the same source; actor and target agreement is
  reported over those matches;
- roles: a gold role is found when a predicted role for the same person (by
  name) in the same source overlaps it by words (Jaccard 0.5).

    python -m bench.extract_quality [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

from bench.extract_gold_data import GoldDocument, load, load_entities
from casework.extract.model import Segment
from casework.extract.nlp import load as load_model
from casework.extract.nlp import model_id
from casework.extract.pipeline import read

# result -> (the figure the target is on, its floor)
TARGETS = {"entities": ("f1", 0.85), "quote speakers": ("accuracy", 0.85), "acts": ("f1", 0.70)}
_LABEL = {"PLACE": "GPE"}


def prf(hit_p: int, predicted: int, hit_r: int, truth: int) -> dict[str, float]:
    p = hit_p / predicted if predicted else 0.0
    r = hit_r / truth if truth else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def extract(docs: list[GoldDocument]) -> tuple[dict[str, dict[str, list]], float]:
    """Per source id (document or comment): mentions, positions, quotes and acts, read
    by casework.extract.pipeline.read, the function `casework extract` uses.

    Each gold document and its comments are laid out one after another as ingest
    lays out full_text (one segment each); spans come back relative to their source.
    """
    nlp = load_model()
    model = model_id(nlp)
    segments: list[Segment] = []
    origin: dict[str, tuple[str, int]] = {}  # comment_id or doc id -> (source, offset)
    for doc in docs:
        offset = 0
        for n, (source, text) in enumerate(
            [(doc.id, doc.text)] + [(c.id, c.text) for c in doc.comments]
        ):
            kind, comment = ("body", None) if source == doc.id else ("comment", source)
            segments.append(Segment(doc.id, n, kind, comment, offset, text, "en"))
            origin[comment or doc.id] = (source, offset)
            offset += len(text) + 2
    started = time.perf_counter()
    found = read(nlp, segments, model)
    seconds = time.perf_counter() - started
    out: dict[str, dict[str, list]] = defaultdict(
        lambda: {"mentions": [], "roles": [], "quotes": [], "acts": []}
    )
    comment_of = {(s.document_id, s.seq): s.comment_id or s.document_id for s in segments}
    for key, records in (
        ("mentions", found.mentions),
        ("roles", found.positions),
        ("quotes", found.quotes),
        ("acts", found.acts),
    ):
        for record in records:
            source, offset = origin[comment_of[(record.document_id, record.segment)]]
            out[source][key].append(
                replace(record, start=record.start - offset, end=record.end - offset)
            )
    return out, seconds


def score(docs: list[GoldDocument], found: dict[str, dict[str, list]]) -> dict[str, Any]:
    registry = load_entities()
    names: dict[str, set[str]] = defaultdict(set)
    for entity_id, record in registry.items():
        names[entity_id].add(record.name.casefold())
    for doc in docs:
        for e in doc.entities:
            names[e.entity].add(e.text.casefold())
    results: dict[str, Any] = {}

    # Entities: exact span and kind.
    gold_spans = {(e.source, e.start, e.end, e.label) for d in docs for e in d.entities}
    predicted = {
        (sid, m.start, m.end, _LABEL.get(m.label, m.label))
        for sid, f in found.items()
        for m in f["mentions"]
    }
    hits = len(gold_spans & predicted)
    results["entities"] = prf(hits, len(predicted), hits, len(gold_spans))
    for label in ("PERSON", "ORG", "GPE", "LAW"):
        g = {x for x in gold_spans if x[3] == label}
        p = {x for x in predicted if x[3] == label}
        results[f"entities {label}"] = prf(len(g & p), len(p), len(g & p), len(g))

    # Quotes: found by overlap, then the speaker.
    texts = {d.id: d.text for d in docs} | {c.id: c.text for d in docs for c in d.comments}
    found_quotes = right_speaker = 0
    matched_predicted: set[str] = set()
    gold_quotes = [q for d in docs for q in d.quotes]
    for q in gold_quotes:
        text = texts[q.source]
        at = text.find(q.text)
        if at < 0:
            continue
        span = (at, at + len(q.text))
        match = next(
            (
                p
                for p in found.get(q.source, {}).get("quotes", [])
                if p.start < span[1] and span[0] < p.end
            ),
            None,
        )
        if match is None:
            continue
        found_quotes += 1
        matched_predicted.add(match.id)
        if q.speaker is None:
            right_speaker += match.speaker is None
        elif match.speaker is not None and match.speaker.casefold() in names[q.speaker]:
            right_speaker += 1
    n_predicted = sum(len(f["quotes"]) for f in found.values())
    results["quotes"] = prf(len(matched_predicted), n_predicted, found_quotes, len(gold_quotes))
    results["quote speakers"] = {
        "accuracy": right_speaker / found_quotes if found_quotes else 0.0,
        "of_gold": right_speaker / len(gold_quotes) if gold_quotes else 0.0,
    }

    # Acts: kind and evidence sentence; then actor and target.
    gold_acts = [a for d in docs for a in d.acts]
    predicted_acts = [(sid, a) for sid, f in found.items() for a in f["acts"]]
    used: set[int] = set()
    hit_gold = 0
    actor_ok = target_ok = 0
    for g in gold_acts:
        for n, (sid, a) in enumerate(predicted_acts):
            if n in used or sid != g.source or a.kind != g.kind:
                continue
            if g.sentence.strip() not in a.sentence and a.sentence.strip() not in g.sentence:
                continue
            used.add(n)
            hit_gold += 1
            actor_ok += _same(a.actor, g.actor, names)
            target_ok += _same(a.target, g.target, names)
            break
    results["acts"] = prf(len(used), len(predicted_acts), hit_gold, len(gold_acts))
    results["act actors"] = {"accuracy": actor_ok / hit_gold if hit_gold else 0.0}
    results["act targets"] = {"accuracy": target_ok / hit_gold if hit_gold else 0.0}
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for g in gold_acts:
        by_kind[g.kind][1] += 1
    for n in used:
        by_kind[predicted_acts[n][1].kind][0] += 1
    results["act recall by kind"] = {k: h / t for k, (h, t) in sorted(by_kind.items())}

    # Roles: same person, overlapping words.
    gold_roles = [r for d in docs for r in d.roles]
    role_hits = 0
    for g in gold_roles:
        words = set(g.role.casefold().split())
        for p in found.get(g.source, {}).get("roles", []):
            if p.person.casefold() not in names[g.entity]:
                continue
            other = set(p.role.casefold().split())
            if len(words & other) / len(words | other) >= 0.5:
                role_hits += 1
                break
    n_roles = sum(len(f["roles"]) for f in found.values())
    results["roles"] = {
        "recall": role_hits / len(gold_roles) if gold_roles else 0.0,
        "predicted": n_roles,
    }
    return results


def _same(predicted: str | None, gold: str | None, names: dict[str, set[str]]) -> bool:
    if gold is None:
        return predicted is None
    return predicted is not None and predicted.casefold() in names[gold]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    docs = load()
    found, seconds = extract(docs)
    results = score(docs, found)
    words = sum(len(d.text.split()) + sum(len(c.text.split()) for c in d.comments) for d in docs)
    print(f"{len(docs)} documents, {sum(len(d.comments) for d in docs)} comments, {words:,} words")
    rate = f"{len(docs) / seconds:.1f} documents/s, {words / seconds:,.0f} words/s"
    print(f"read in {seconds:.1f} s ({rate})\n")
    for name, value in results.items():
        if "precision" in value:
            p, r, f = value["precision"], value["recall"], value["f1"]
            print(f"{name:<22} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
        else:
            print(
                f"{name:<22} "
                + "  ".join(
                    f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in value.items()
                )
            )
    print()
    for name, (figure, target) in TARGETS.items():
        value = results[name][figure]
        verdict = "met" if value >= target else "NOT met"
        print(f"target {name} {figure} >= {target}: {verdict} ({value:.3f})")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
