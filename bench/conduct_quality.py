"""Who did what to whom, on the conduct gold set (bench/conduct_gold), written blind to the rules.

Each gold document is read the way `casework extract` reads a body (the same spaCy
pipeline and rules, `casework.extract.pipeline.read`), with its publication date,
and compared with the labels. Names are mapped to gold entities by the gold
mention their span overlaps, else by a gold mention or registry name written the
same way in that document; a name that maps to nothing is wrong wherever it stands.

- conduct: per document, the set of (actor, act kind, victim) triples, with None for
  "no one named", against the gold set's; precision, recall and F1 over all kinds and
  over acts with a named actor. Mode and date agreement are over the matched triples
  (a triple's mode or date is right when one of the gold rows behind it has it);
- quotations: found when a predicted quotation overlaps the gold one; the speaker is
  right when it is the gold entity (or both are None). Reported over the quotations
  found, over those given a speaker, and over all gold quotations;
- exculpatory information (replies): right when the same sentence (overlapping
  sentences) gives the same subject; kinds are reported over the matches;
- subject parts: each gold (document, entity) part against
  casework.casefile.parts.part_of on what extraction found in that document;
- the peer, in the same run: bare spaCy (the same small model without Casework's
  patterns) with the same act words and the nearest names around them.

    python -m bench.conduct_quality [--split development|test|all] [--json FILE] [--errors]

The development split (odd ids) is for tuning; the test split (even ids) is reported.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import spacy

from bench.conduct_gold_data import load, load_entities, split
from casework.casefile.parts import Evidence, part_of
from casework.extract.model import Segment
from casework.extract.nlp import DEFAULT_MODELS, model_id
from casework.extract.nlp import load as load_model
from casework.extract.pipeline import Found, read
from casework.extract.triggers import kind_of

TARGETS = {
    "conduct triples": ("f1", 0.70),
    "quote speakers": ("of_found", 0.90),
    "replies": ("f1", 0.80),
}


def prf(hit_p: int, predicted: int, hit_r: int, truth: int) -> dict[str, float]:
    p = hit_p / predicted if predicted else 0.0
    r = hit_r / truth if truth else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


@dataclass
class Names:
    """Maps what extraction names in one document to gold entity ids."""

    spans: list[tuple[int, int, str]]
    by_text: dict[str, str]
    mentions: dict[str, tuple[int, int]] = field(default_factory=dict)

    def entity(self, mention_id: str | None, text: str | None) -> str | None:
        """The gold entity a predicted name stands for; "?name" when it is none of them."""
        if mention_id is None and text is None:
            return None
        if mention_id in self.mentions:
            start, end = self.mentions[mention_id]
            for g_start, g_end, entity in self.spans:
                if g_start < end and start < g_end:
                    return entity
        if text is not None:
            key = text.casefold().removeprefix("the ")
            if key in self.by_text:
                return self.by_text[key]
        return f"?{text}"


def names_of(doc: dict[str, Any], registry: dict[str, dict], found: Found) -> Names:
    spans = [(e["start"], e["end"], e["entity"]) for e in doc["entities"]]
    by_text: dict[str, str] = {}
    for e in doc["entities"]:
        by_text.setdefault(e["text"].casefold(), e["entity"])
    for entity in {e["entity"] for e in doc["entities"]}:
        by_text.setdefault(registry[entity]["name"].casefold(), entity)
    mentions = {m.id: (m.start, m.end) for m in found.mentions if m.document_id == doc["id"]}
    return Names(spans, by_text, mentions)


def extract(docs: list[dict[str, Any]]) -> tuple[dict[str, Found], float]:
    """What `casework extract` finds in each gold document's body."""
    nlp = load_model()
    model = model_id(nlp)
    segments = [
        Segment(d["id"], 0, "body", None, 0, d["text"], "en", date.fromisoformat(d["published"]))
        for d in docs
    ]
    started = time.perf_counter()
    found = read(nlp, segments, model)
    seconds = time.perf_counter() - started
    per_doc: dict[str, Found] = defaultdict(Found)
    for key in ("mentions", "positions", "quotes", "acts", "replies"):
        for record in getattr(found, key):
            getattr(per_doc[record.document_id], key).append(record)
    return per_doc, seconds


@dataclass(frozen=True)
class _NearestAct:
    """The peer's act: a trigger word with the nearest names around it."""

    kind: str
    actor: str | None
    target: str | None
    actor_mention_id: None = None
    target_mention_id: None = None
    mode: None = None
    date: None = None
    time: None = None
    sentence: str = ""


def nearest_names(docs: list[dict[str, Any]]) -> dict[str, Found]:
    """The peer: bare `en_core_web_sm` NER and the same act words (triggers.kind_of), with
    the nearest PERSON or ORG before the word in its sentence as actor and the nearest
    after it as victim. What a co-occurrence reading of the same text gives, without
    the parse-based rules: the figure Casework's rules have to beat."""
    nlp = _bare()
    out: dict[str, Found] = defaultdict(Found)
    for doc, d in zip(nlp.pipe(d["text"] for d in docs), docs, strict=True):
        for sent in doc.sents:
            names = [e for e in sent.ents if e.label_ in ("PERSON", "ORG")]
            for token in sent:
                kind = kind_of(token)
                if kind is None:
                    continue
                before = [e for e in names if e.end <= token.i]
                after = [e for e in names if e.start > token.i]
                out[d["id"]].acts.append(
                    _NearestAct(
                        kind,
                        before[-1].text if before else None,
                        after[0].text if after else None,
                        sentence=sent.text,
                    )
                )
    return out


def _bare() -> spacy.language.Language:
    """The same small English model, as shipped, without Casework's patterns."""
    for name in DEFAULT_MODELS:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit(f"none of {DEFAULT_MODELS} is installed")


def score(docs: list[dict[str, Any]], found: dict[str, Found], errors: list[str]) -> dict:
    registry = {e["id"]: e for e in load_entities()}
    results: dict[str, Any] = {}
    conduct = _Tally()
    quotes = Counter()
    replies = Counter()
    parts = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    for doc in docs:
        here = found.get(doc["id"], Found())
        names = names_of(doc, registry, here)
        _conduct(doc, here, names, conduct, errors)
        _quotes(doc, here, names, quotes, errors)
        _replies(doc, here, names, replies, errors)
        _parts(doc, here, names, registry, parts, confusion, errors)
    results["conduct triples"] = prf(conduct.hit, conduct.predicted, conduct.hit, conduct.gold)
    results["conduct triples, named actor"] = prf(
        conduct.named_hit, conduct.named_predicted, conduct.named_hit, conduct.named_gold
    )
    results["conduct mode"] = {"accuracy": _ratio(conduct.mode_ok, conduct.mode_n)}
    results["conduct date"] = {"accuracy": _ratio(conduct.date_ok, conduct.date_n)}
    results["conduct recall by kind"] = {
        k: round(_ratio(conduct.kind_hit[k], n), 3) for k, n in sorted(conduct.kind_gold.items())
    }
    results["conduct recall by mode"] = {
        k: round(_ratio(conduct.mode_hit[k], n), 3) for k, n in sorted(conduct.mode_gold.items())
    }
    results["quotes"] = prf(
        quotes["matched_predicted"], quotes["predicted"], quotes["found"], quotes["gold"]
    )
    results["quote speakers"] = {
        "of_found": _ratio(quotes["right"], quotes["found"]),
        "of_given": _ratio(quotes["right_given"], quotes["given"]),
        "of_gold": _ratio(quotes["right"], quotes["gold"]),
        "unclear": _ratio(quotes["found"] - quotes["given"], quotes["found"]),
    }
    results["replies"] = prf(replies["hit"], replies["predicted"], replies["hit"], replies["gold"])
    results["reply kinds"] = {"accuracy": _ratio(replies["kind_ok"], replies["hit"])}
    results["subject parts"] = {
        "accuracy": _ratio(parts["right"], parts["gold"]),
        "found": _ratio(parts["found"], parts["gold"]),
    }
    results["part confusion (gold -> predicted)"] = {
        f"{g}->{p}": n for (g, p), n in sorted(confusion.items()) if g != p
    }
    return results


@dataclass
class _Tally:
    hit: int = 0
    predicted: int = 0
    gold: int = 0
    named_hit: int = 0
    named_predicted: int = 0
    named_gold: int = 0
    mode_ok: int = 0
    mode_n: int = 0
    date_ok: int = 0
    date_n: int = 0
    kind_hit: Counter = field(default_factory=Counter)
    kind_gold: Counter = field(default_factory=Counter)
    mode_hit: Counter = field(default_factory=Counter)
    mode_gold: Counter = field(default_factory=Counter)


def _conduct(doc: dict, here: Found, names: Names, tally: _Tally, errors: list[str]) -> None:
    gold: dict[tuple, list[dict]] = defaultdict(list)
    for a in doc["acts"]:
        gold[(a["actor"], a["kind"], a["target"])].append(a)
    predicted: dict[tuple, list] = defaultdict(list)
    for a in here.acts:
        key = (
            names.entity(a.actor_mention_id, a.actor),
            a.kind,
            names.entity(a.target_mention_id, a.target),
        )
        predicted[key].append(a)
    hits = set(gold) & set(predicted)
    tally.hit += len(hits)
    tally.predicted += len(predicted)
    tally.gold += len(gold)
    tally.named_hit += sum(1 for k in hits if k[0] is not None)
    tally.named_predicted += sum(1 for k in predicted if k[0] is not None)
    tally.named_gold += sum(1 for k in gold if k[0] is not None)
    for key, rows in gold.items():
        tally.kind_gold[key[1]] += 1
        modes = {r["mode"] for r in rows if r["mode"]}
        for mode in modes:
            tally.mode_gold[mode] += 1
        if key not in hits:
            errors.append(f"{doc['id']} missed {key} modes={sorted(modes)}: {rows[0]['sentence']}")
            continue
        tally.kind_hit[key[1]] += 1
        mine = predicted[key]
        if key[0] is not None and modes:
            tally.mode_n += 1
            ok = bool({a.mode for a in mine} & modes)
            tally.mode_ok += ok
            for mode in modes & {a.mode for a in mine}:
                tally.mode_hit[mode] += 1
            if not ok:
                errors.append(
                    f"{doc['id']} mode {sorted(modes)} got {sorted({str(a.mode) for a in mine})}: "
                    f"{rows[0]['sentence']}"
                )
        dates = {r["date"] for r in rows if r["date"]}
        if dates:
            tally.date_n += 1
            ok = bool({a.date for a in mine} & dates)
            tally.date_ok += ok
            if not ok:
                errors.append(
                    f"{doc['id']} date {sorted(dates)} got {sorted({str(a.date) for a in mine})}"
                    f" ({sorted({str(a.time) for a in mine})}): {rows[0]['sentence']}"
                )
    for key in set(predicted) - hits:
        errors.append(f"{doc['id']} wrong {key}: {predicted[key][0].sentence}")


def _quotes(doc: dict, here: Found, names: Names, tally: Counter, errors: list[str]) -> None:
    text = doc["text"]
    matched: set[str] = set()
    for q in doc["quotes"]:
        tally["gold"] += 1
        at = text.find(q["sentence"])
        at = text.find(q["text"], max(at, 0))
        if at < 0:
            at = text.find(q["text"])
        span = (at, at + len(q["text"]))
        match = next((p for p in here.quotes if p.start < span[1] and span[0] < p.end), None)
        if match is None:
            errors.append(f"{doc['id']} quote missed: {q['text'][:70]}")
            continue
        tally["found"] += 1
        matched.add(match.id)
        said = names.entity(match.speaker_mention_id, match.speaker)
        right = said == q["speaker"]
        tally["right"] += right
        if said is not None:
            tally["given"] += 1
            tally["right_given"] += right
        if not right:
            errors.append(
                f"{doc['id']} speaker {q['speaker']} got {said} ({match.speaker_basis}, "
                f"{match.confidence:.2f}): {q['text'][:70]}"
            )
    tally["predicted"] += len(here.quotes)
    tally["matched_predicted"] += len(matched)


def _replies(doc: dict, here: Found, names: Names, tally: Counter, errors: list[str]) -> None:
    text = doc["text"]
    gold = []
    for r in doc["replies"]:
        at = text.find(r["sentence"])
        gold.append((r, (at, at + len(r["sentence"]))))
    used: set[int] = set()
    for r, (start, end) in gold:
        tally["gold"] += 1
        for n, p in enumerate(here.replies):
            p_end = p.sentence_start + len(p.sentence)
            if n in used or not (p.sentence_start < end and start < p_end):
                continue
            if names.entity(p.subject_mention_id, p.subject) != r["subject"]:
                continue
            used.add(n)
            tally["hit"] += 1
            tally["kind_ok"] += p.kind == r["kind"]
            break
        else:
            errors.append(f"{doc['id']} reply missed {r['subject']} {r['kind']}: {r['sentence']}")
    for n, p in enumerate(here.replies):
        if n not in used:
            subject = names.entity(p.subject_mention_id, p.subject)
            errors.append(f"{doc['id']} reply wrong {subject} {p.kind}: {p.sentence}")
    tally["predicted"] += len(here.replies)


def _parts(
    doc: dict,
    here: Found,
    names: Names,
    registry: dict[str, dict],
    tally: Counter,
    confusion: Counter,
    errors: list[str],
) -> None:
    evidence: dict[str, Evidence] = defaultdict(Evidence)
    for m in here.mentions:
        entity = names.entity(m.id, m.text)
        if entity and not entity.startswith("?"):
            evidence[entity].add_mention(m.segment_kind)
    for p in here.positions:
        entity = names.entity(p.mention_id, p.person)
        if entity in evidence:
            evidence[entity].add_role(p.role)
    for a in here.acts:
        for side, mention_id, text in (
            ("actor", a.actor_mention_id, a.actor),
            ("target", a.target_mention_id, a.target),
        ):
            entity = names.entity(mention_id, text)
            if entity in evidence:
                evidence[entity].add_act(side, a.kind, a.category)
    for q in here.quotes:
        entity = names.entity(q.speaker_mention_id, q.speaker)
        if entity in evidence:
            evidence[entity].add_quote()
    for r in here.replies:
        entity = names.entity(r.subject_mention_id, r.subject)
        if entity in evidence:
            evidence[entity].add_reply(r.kind)
    for entity, part in doc["parts"].items():
        tally["gold"] += 1
        if entity not in evidence:
            confusion[(part, "(not found)")] += 1
            continue
        tally["found"] += 1
        kind = registry[entity]["type"]
        predicted = part_of(evidence[entity], "Person" if kind == "PERSON" else "Organization")
        tally["right"] += predicted == part
        confusion[(part, predicted)] += 1
        if predicted != part:
            errors.append(f"{doc['id']} part {entity} {part} got {predicted}")


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("development", "test", "all"), default="test")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--errors", action="store_true", help="print every disagreement")
    args = parser.parse_args(argv)
    docs = [d for d in load() if args.split == "all" or split(d["id"]) == args.split]
    found, seconds = extract(docs)
    errors: list[str] = []
    results = score(docs, found, errors)
    peer = score(docs, nearest_names(docs), [])
    words = sum(len(d["text"].split()) for d in docs)
    print(f"conduct gold set, {args.split} split: {len(docs)} documents, {words:,} words")
    print(f"read in {seconds:.1f} s\n")
    for name, value in results.items():
        if "precision" in value:
            p, r, f = value["precision"], value["recall"], value["f1"]
            print(f"{name:<30} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
        else:
            print(
                f"{name:<30} "
                + "  ".join(
                    f"{k} {v}" if not isinstance(v, float) else f"{k} {v:.3f}"
                    for k, v in value.items()
                )
            )
    print()
    for name in ("conduct triples", "conduct triples, named actor"):
        p, r, f = (peer[name][k] for k in ("precision", "recall", "f1"))
        print(f"peer: {name:<24} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (bare spaCy, nearest names)")
    print()
    for name, (figure, target) in TARGETS.items():
        value = results[name][figure]
        verdict = "met" if value >= target else "NOT met"
        print(f"target {name} {figure} >= {target}: {verdict} ({value:.3f})")
    if args.errors:
        print("\n" + "\n".join(errors))
    if args.json:
        results["peer: nearest names"] = {k: peer[k] for k in ("conduct triples",)}
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
