"""Resolution quality on the gold set (bench/extract_gold): which mentions are one entity.

Two runs of casework.resolve.resolve, the function `casework resolve` runs:

- on the gold mentions (the resolver alone: every labelled mention, with the
  words before it in its sentence, as extraction would give them);
- on the mentions extraction finds (end to end: extraction, its roles, then
  resolution), scored on the extracted mentions whose span is a gold span.

Each is scored by B-cubed and pairwise precision and recall against the gold
entity ids, and by the homonyms it kept apart: pairs of different gold
entities with one surname or one generic name (entities.json notes them)
that share no predicted entity.

    python -m bench.resolve_quality [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench.clusters import bcubed, pairwise
from bench.extract_gold_data import GoldDocument, homonym_surnames, load, load_entities
from bench.extract_quality import extract
from casework.resolve import MentionRef, resolve

TARGET = ("b-cubed", "f1", 0.90)
BEFORE = 60  # characters of the sentence before a mention, as casework.resolve reads them
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+")
_LABEL = {"GPE": "PLACE"}


def layout(doc: GoldDocument) -> dict[str, tuple[int, str]]:
    """Source id -> (offset, text): body then comments, as bench.extract_quality lays
    them out in one full text."""
    out, offset = {}, 0
    for source, text in [(doc.id, doc.text)] + [(c.id, c.text) for c in doc.comments]:
        out[source] = (offset, text)
        offset += len(text) + 2
    return out


def _sentence_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


def gold_mentions(docs: list[GoldDocument]) -> tuple[list[MentionRef], dict[str, str]]:
    """The labelled mentions as resolution's input, and each one's gold entity."""
    refs: list[MentionRef] = []
    truth: dict[str, str] = {}
    for doc in docs:
        sources = layout(doc)
        starts = {s: _sentence_starts(text) for s, (_, text) in sources.items()}
        for e in doc.entities:
            offset, text = sources[e.source]
            sentence = max(s for s in starts[e.source] if s <= e.start)
            mention_id = f"{e.source}@{e.start}"
            refs.append(
                MentionRef(
                    id=mention_id,
                    document_id=doc.id,
                    label=_LABEL.get(e.label, e.label),
                    text=e.text,
                    start=offset + e.start,
                    sentence_start=offset + sentence,
                    before=text[sentence : e.start][-BEFORE:],
                )
            )
            truth[mention_id] = e.entity
    refs.sort(key=lambda r: (r.document_id, r.start, r.id))
    return refs, truth


def extracted_mentions(docs: list[GoldDocument]) -> tuple[list[MentionRef], dict[str, str]]:
    """What extraction finds, as `casework resolve` reads it from the workspace, and the
    gold entity of each mention whose span is exactly a gold mention's."""
    found, _ = extract(docs)
    gold = {(e.source, e.start, e.end): e.entity for d in docs for e in d.entities}
    refs: list[MentionRef] = []
    truth: dict[str, str] = {}
    for doc in docs:
        for source, (offset, _) in layout(doc).items():
            records = found.get(source, {})
            roles: dict[str, list[str]] = defaultdict(list)
            for p in records.get("roles", []):
                roles[p.mention_id].append(p.role)
            for m in records.get("mentions", []):
                at = offset + m.start
                refs.append(
                    MentionRef(
                        id=m.id,
                        document_id=doc.id,
                        label=m.label,
                        text=m.text,
                        start=at,
                        sentence_start=m.sentence_start,
                        before=m.sentence[: at - m.sentence_start][-BEFORE:],
                        roles=tuple(roles[m.id]),
                    )
                )
                entity = gold.get((source, m.start, m.end))
                if entity is not None:
                    truth[m.id] = entity
    refs.sort(key=lambda r: (r.document_id, r.start, r.id))
    return refs, truth


def homonym_pairs() -> list[tuple[str, str]]:
    """Pairs of gold entities that share a surname, or that entities.json marks as
    homonyms of each other (the interior ministries, the embassies...)."""
    registry = load_entities()
    pairs = set()
    for ids in homonym_surnames(registry).values():
        pairs.update((a, b) for a in ids for b in ids if a < b)
    for record in registry.values():
        if "HOMONYM" not in record.note:
            continue
        for other in re.findall(r"\b[POG]-[a-z0-9-]+", record.note):
            if other in registry and other != record.id:
                pairs.add(tuple(sorted((record.id, other))))
        if record.type == "ORG":
            same_kind = [
                r.id
                for r in registry.values()
                if r.type == "ORG"
                and r.id != record.id
                and "HOMONYM" in r.note
                and _generic_words(r.name) == _generic_words(record.name)
            ]
            pairs.update(tuple(sorted((record.id, o))) for o in same_kind)
    return sorted(pairs)


def _generic_words(name: str) -> frozenset[str]:
    """An organisation's name without the place it is in ("of Azervan", "in Korvansk")."""
    return frozenset(re.sub(r"\b(of|in)\s+[A-Z]\w+$", "", name).casefold().split())


def score(refs: list[MentionRef], truth: dict[str, str], pairs: list[tuple[str, str]]) -> dict:
    started = time.perf_counter()
    resolution = resolve(refs)
    seconds = time.perf_counter() - started
    predicted = {r.id: resolution.entity_of[n] for n, r in enumerate(refs)}
    entities_of: dict[str, set[int]] = defaultdict(set)
    for mention, entity in truth.items():
        if mention in predicted:
            entities_of[entity].add(predicted[mention])
    present = [(a, b) for a, b in pairs if entities_of[a] and entities_of[b]]
    merged = [(a, b) for a, b in present if entities_of[a] & entities_of[b]]
    result: dict[str, Any] = {
        "b-cubed": bcubed(predicted, truth),
        "pairwise": pairwise(predicted, truth),
        "homonyms kept apart": {
            "kept": len(present) - len(merged),
            "of": len(present),
            "merged": [f"{a} + {b}" for a, b in merged],
        },
        "mentions": len(refs),
        "scored": sum(1 for m in truth if m in predicted),
        "entities": len(resolution.entities),
        "gold entities": len(set(truth.values())),
        "review": len(resolution.review),
        "seconds": seconds,
    }
    for label in ("PERSON", "ORG", "PLACE", "LAW"):
        ids = {r.id for r in refs if r.label == label}
        subset = {m: e for m, e in truth.items() if m in ids}
        result[f"b-cubed {label}"] = bcubed(predicted, subset)
    return result


def _print(name: str, result: dict) -> None:
    print(
        f"== {name}: {result['scored']} of {result['mentions']} mentions scored, "
        f"{result['entities']} entities (gold {result['gold entities']}), "
        f"{result['review']} to review, resolved in {result['seconds']:.2f} s"
    )
    for key in (
        "b-cubed",
        "pairwise",
        *(f"b-cubed {x}" for x in ("PERSON", "ORG", "PLACE", "LAW")),
    ):
        v = result[key]
        print(f"  {key:<16} P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}")
    h = result["homonyms kept apart"]
    print(
        f"  homonyms kept apart: {h['kept']} of {h['of']}"
        + (f" (merged: {', '.join(h['merged'])})" if h["merged"] else "")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    docs = load()
    pairs = homonym_pairs()
    results = {
        "gold mentions": score(*gold_mentions(docs), pairs),
        "extracted mentions": score(*extracted_mentions(docs), pairs),
    }
    for name, result in results.items():
        _print(name, result)
    figure, field, floor = TARGET
    value = results["gold mentions"][figure][field]
    verdict = "met" if value >= floor else "NOT met"
    print(f"\ntarget {figure} {field} >= {floor} (gold mentions): {verdict} ({value:.3f})")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
