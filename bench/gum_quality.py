"""Named people, organisations and places on real text: GUM, Casework beside bare spaCy.

GUM (Zeldes 2017, "The GUM Corpus: Creating Multilayer Resources in the Classroom",
Language Resources and Evaluation 51(3)) annotates every mention in Wikinews news and
interviews and Wikipedia biographies; bench.gum_data reads its CoNLL-U from
../shared/data/real/gum. Each document's text is read the way `casework extract` reads
a body (`casework.extract.pipeline.read`, one body segment) and, in the same run, by
bare spaCy `en_core_web_sm` (PERSON -> person, ORG -> organization, GPE/LOC/FAC -> place).

- mentions (primary: exact span): a predicted name is right when its span equals a
  gold named mention's of the same kind, both with a leading determiner and a
  trailing possessive stripped ("the [Institute]", "[Galois]'"), or equals the proper
  name the gold mention is built on (bench.gum_data: without the title GUM marks
  nmod:desc, an apposition or a relative clause: "Dr. [William Glennie]",
  "[Jacob Bernoulli] (who ...)"); a gold mention is matched once. Secondary (head):
  the predicted span lies within the gold mention and holds its head word
  ("[Glennie]" in "Dr. William Glennie" counts);
- coreference: entity B-cubed over the gold named mentions a system found (head
  match, any kind), Casework's within-document groups (casework.resolve.local, the
  first step of `casework resolve`) against GUM's coreference ids; bare spaCy's
  baseline puts mentions written alike together.

    python -m bench.gum_quality [--split development|test|all] [--json FILE] [--errors KIND]

Tune on the development split; the test split is for reporting, not for reading errors.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from bench.clusters import bcubed
from bench.gum_data import KINDS, GoldMention, GumDocument, load
from casework.extract.model import Segment
from casework.extract.nlp import DEFAULT_MODELS, model_id
from casework.extract.nlp import load as load_model
from casework.extract.pipeline import read
from casework.resolve.local import group_document
from casework.resolve.model import MentionRef

CASEWORK_KINDS = {"PERSON": "person", "ORG": "organization", "PLACE": "place"}
SPACY_KINDS = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
_DETERMINERS = ("the ", "The ", "a ", "A ", "an ", "An ")
_POSSESSIVES = ("'s", "’s", "'", "’")
BEFORE = 60  # characters of the sentence before a mention, as casework.resolve reads them


@dataclass(frozen=True)
class Predicted:
    kind: str
    start: int
    end: int
    text: str
    cluster: str  # the system's entity within the document


def core(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without a leading determiner or a trailing possessive or full stop."""
    piece = text[start:end]
    for det in _DETERMINERS:
        if piece.startswith(det) and len(piece) > len(det):
            start, piece = start + len(det), piece[len(det) :]
            break
    for mark in _POSSESSIVES:
        if piece.endswith(mark) and len(piece) > len(mark):
            end, piece = end - len(mark), piece[: -len(mark)]
            break
    return start, end


def casework_predictions(docs: list[GumDocument]) -> dict[str, list[Predicted]]:
    """What `casework extract` finds in each document body, grouped as resolve groups it."""
    nlp = load_model()
    segments = [Segment(d.id, 0, "body", None, 0, d.text, "en", None) for d in docs]
    found = read(nlp, segments, model_id(nlp))
    roles: dict[str, list[str]] = defaultdict(list)
    for p in found.positions:
        roles[p.mention_id].append(p.role)
    by_doc: dict[str, list] = defaultdict(list)
    for m in found.mentions:
        by_doc[m.document_id].append(m)
    out: dict[str, list[Predicted]] = {}
    for doc in docs:
        mentions = sorted(by_doc[doc.id], key=lambda m: (m.start, m.id))
        refs = [
            MentionRef(
                id=m.id,
                document_id=m.document_id,
                label=m.label,
                text=m.text,
                start=m.start,
                sentence_start=m.sentence_start,
                before=m.sentence[: m.start - m.sentence_start][-BEFORE:],
                roles=tuple(roles[m.id]),
            )
            for m in mentions
        ]
        cluster = {}
        for n, group in enumerate(group_document(refs, 0)):
            for member in group.members:
                cluster[member] = f"{group.label}:{n}"
        out[doc.id] = [
            Predicted(CASEWORK_KINDS[m.label], m.start, m.end, m.text, cluster[n])
            for n, m in enumerate(mentions)
            if m.label in CASEWORK_KINDS
        ]
    return out


def spacy_predictions(docs: list[GumDocument]) -> dict[str, list[Predicted]]:
    """Bare en_core_web_sm's entities; one entity per kind and written form."""
    import spacy

    nlp = None
    for name in DEFAULT_MODELS:  # en_core_web_sm, or its copy on PyPI
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    if nlp is None:
        raise SystemExit("en_core_web_sm is not installed")
    out: dict[str, list[Predicted]] = {}
    for doc, parsed in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        out[doc.id] = [
            Predicted(kind, e.start_char, e.end_char, e.text, f"{kind}:{e.text}")
            for e in parsed.ents
            if (kind := SPACY_KINDS.get(e.label_)) is not None
        ]
    return out


@dataclass
class Counts:
    hits: int = 0
    predicted: int = 0
    gold: int = 0

    def scores(self) -> dict[str, float]:
        p = self.hits / self.predicted if self.predicted else 0.0
        r = self.hits / self.gold if self.gold else 0.0
        return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def score(
    docs: list[GumDocument], predictions: dict[str, list[Predicted]]
) -> dict[str, dict[str, dict[str, float]]]:
    """Per way of matching and kind: precision, recall, F1; and entity B-cubed."""
    out: dict[str, dict[str, dict[str, float]]] = {}
    for by in ("exact", "head"):
        counts = {kind: Counts() for kind in KINDS}
        for doc in docs:
            gold = doc.named()
            predicted = predictions[doc.id]
            pairs = _kind_match(doc.text, gold, predicted, by)
            for kind in KINDS:
                counts[kind].gold += sum(1 for g in gold if g.kind == kind)
                counts[kind].predicted += sum(1 for p in predicted if p.kind == kind)
                counts[kind].hits += sum(
                    1 for n, k in pairs.items() if predicted[n].kind == kind == gold[k].kind
                )
        out[by] = {kind: c.scores() for kind, c in counts.items()}
        total = Counts(
            *(sum(getattr(c, f) for c in counts.values()) for f in Counts.__annotations__)
        )
        out[by]["all"] = total.scores()
    out["coreference"] = {"b-cubed": coreference(docs, predictions)}
    return out


def _kind_match(
    text: str, gold: list[GoldMention], predicted: list[Predicted], by: str
) -> dict[int, int]:
    """Matches of the same kind first, then any kind (so a gold mention is not used up
    by a wrong-kind prediction when a right-kind one fits it)."""
    pairs: dict[int, int] = {}
    for same_kind in (True, False):
        used = set(pairs.values())
        left = [n for n in range(len(predicted)) if n not in pairs]
        for n in left:
            p = predicted[n]
            span = core(text, p.start, p.end)
            for k, g in enumerate(gold):
                if k in used or (same_kind and g.kind != p.kind):
                    continue
                if by == "exact":
                    ok = span in (core(text, g.start, g.end), core(text, g.name_start, g.name_end))
                else:
                    ok = g.start <= p.start and p.end <= g.end and p.start <= g.head < p.end
                if ok:
                    pairs[n] = k
                    used.add(k)
                    break
    return pairs


def coreference(docs: list[GumDocument], predictions: dict[str, list[Predicted]]) -> dict:
    """B-cubed over the gold named mentions the system found (head match)."""
    predicted_of: dict[tuple[str, int], str] = {}
    gold_of: dict[tuple[str, int], str] = {}
    for doc in docs:
        gold = doc.named()
        predicted = predictions[doc.id]
        for n, k in _kind_match(doc.text, gold, predicted, "head").items():
            predicted_of[(doc.id, k)] = f"{doc.id}:{predicted[n].cluster}"
            gold_of[(doc.id, k)] = f"{doc.id}:{gold[k].group}"
    return bcubed(predicted_of, gold_of)


def errors(
    docs: list[GumDocument], predictions: dict[str, list[Predicted]], kind: str
) -> Iterable[str]:
    """Exact-span misses and false alarms of one kind, for tuning on the development split."""
    for doc in docs:
        gold = doc.named()
        predicted = predictions[doc.id]
        pairs = _kind_match(doc.text, gold, predicted, "exact")
        matched = {k for n, k in pairs.items() if predicted[n].kind == gold[k].kind}
        right = {n for n, k in pairs.items() if predicted[n].kind == gold[k].kind}
        for k, g in enumerate(gold):
            if g.kind == kind and k not in matched:
                got = [
                    f"{p.text}/{p.kind}" for p in predicted if p.start < g.end and g.start < p.end
                ]
                yield f"{doc.id}\tMISS\t{g.text!r}\tgot {got}"
        for n, p in enumerate(predicted):
            if p.kind == kind and n not in right:
                was = [
                    f"{g.text}/{g.kind}"
                    for g in doc.mentions
                    if g.start < p.end and p.start < g.end
                ]
                yield f"{doc.id}\tFALSE\t{p.text!r}\tgold {was[:3]}"


def table(results: dict[str, dict]) -> str:
    systems = list(results)
    lines = [
        f"{'':24}" + "".join(f"{s:>24}" for s in systems),
        f"{'':24}" + "".join(f"{'P     R     F1':>24}" for _ in systems),
    ]
    for by in ("exact", "head"):
        for kind in (*KINDS, "all"):
            row = f"{by + ' ' + kind:24}"
            for s in systems:
                m = results[s][by][kind]
                row += f"{m['precision']:>12.3f}{m['recall']:>6.3f}{m['f1']:>6.3f}"
            lines.append(row)
    row = f"{'coref b-cubed':24}"
    for s in systems:
        b = results[s]["coreference"]["b-cubed"]
        row += f"{b['precision']:>12.3f}{b['recall']:>6.3f}{b['f1']:>6.3f}"
    lines.append(row)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="development", choices=["development", "test", "all"])
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument("--errors", choices=KINDS, help="list one kind's errors (development only)")
    args = parser.parse_args(argv)
    docs = load(args.split)
    started = time.perf_counter()
    predictions = {"casework": casework_predictions(docs), "spacy": spacy_predictions(docs)}
    results = {name: score(docs, p) for name, p in predictions.items()}
    print(
        f"GUM (Zeldes 2017), {args.split} split: {len(docs)} documents, "
        f"{sum(len(d.named()) for d in docs)} gold named mentions "
        f"({time.perf_counter() - started:.0f}s)"
    )
    print(table(results))
    if args.errors:
        if args.split == "test":
            print("errors are listed for the development split only", file=sys.stderr)
            return 2
        for line in errors(docs, predictions["casework"], args.errors):
            print(line)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"split": args.split, "results": results}, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
