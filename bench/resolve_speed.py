"""Resolution at scale: a million synthetic mentions through casework.resolve, timed.

The generator writes documents the way news names people: a person in full
("Rauf Kazimov"), then by surname ("Kazimov"), sometimes with a title before
it, sometimes misspelt or in Cyrillic; organisations and places by name.
Names are built from invented syllables, so there are many homonyms (one
surname, several given names) and the truth is known: the run reports
B-cubed against it as well as time and memory.

    python -m bench.resolve_speed [--mentions 1000000] [--store]

--store also writes the result into a fresh DuckDB workspace, as `casework
resolve` does, and times that.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from bench.clusters import bcubed
from casework.resolve import MentionRef, resolve

_ONSETS = "b d f g h k l m n p r s t v z sh kh ch ts y".split()
_VOWELS = "a e i o u ai ei ou ia".split()
_CODAS = ["", "", "n", "r", "l", "m", "s", "t"]
_SURNAME_ENDINGS = ["ov", "ev", "li", "ly", "enko", "yan", "ski", "dze", "ishvili", "oglu"]
_ORG_KINDS = ["Foundation", "Trading", "Holdings", "Institute", "Union", "Centre", "Bank"]
_TITLES = ["President", "Minister", "Judge", "journalist", "activist", "lawyer", "Mr", "Ms"]
_CYRILLIC = dict(
    zip(
        "abvgdezijklmnoprstufhcy",
        "абвгдезийклмнопрстуфхцы",
        strict=True,
    )
)


def _syllables(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(n))


def _typo(rng: random.Random, word: str) -> str:
    """One letter dropped, doubled or swapped with its neighbour (not the first)."""
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return word[:i] + word[i + 1 :]
    if kind == 1:
        return word[:i] + word[i] + word[i:]
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def _cyrillic(word: str) -> str:
    return "".join(_CYRILLIC.get(ch, ch) for ch in word.lower()).capitalize()


class Corpus:
    """People, organisations and places, and documents that mention them."""

    def __init__(self, seed: int, people: int, organisations: int, places: int) -> None:
        rng = self.rng = random.Random(seed)
        given = sorted({_syllables(rng, 2).capitalize() for _ in range(people // 40 + 50)})
        family = sorted(
            {
                _syllables(rng, rng.choice((1, 2))).capitalize() + rng.choice(_SURNAME_ENDINGS)
                for _ in range(people // 4 + 50)
            }
        )
        self.people = sorted({(rng.choice(given), rng.choice(family)) for _ in range(people)})
        self.organisations = sorted(
            {
                f"{_syllables(rng, 2).capitalize()} {rng.choice(_ORG_KINDS)}"
                for _ in range(organisations)
            }
        )
        self.places = sorted({_syllables(rng, 2).capitalize() + "stan" for _ in range(places)})

    def document(self, n: int, size: int) -> tuple[list[MentionRef], list[str]]:
        """About `size` mentions: each person in full first, then by surname."""
        rng = self.rng
        refs: list[MentionRef] = []
        truth: list[str] = []
        at = 0

        def add(label: str, text: str, entity: str, before: str = "") -> None:
            nonlocal at
            refs.append(MentionRef(f"m{n}-{len(refs)}", f"d{n:07d}", label, text, at, at, before))
            truth.append(entity)
            at += len(text) + 40

        people = rng.sample(range(len(self.people)), k=max(1, size * 2 // 5 // 2))
        for p in people:
            first, last = self.people[p]
            title = rng.choice(_TITLES) if rng.random() < 0.3 else ""
            form = rng.random()
            if form < 0.1:
                text = f"{first} {_typo(rng, last)}"
            elif form < 0.15:
                text = f"{_cyrillic(first)} {_cyrillic(last)}"
            else:
                text = f"{first} {last}"
            add("PERSON", text, f"p{p}", title)
            add("PERSON", last, f"p{p}", title if rng.random() < 0.5 else "")
        while len(refs) < size:
            if rng.random() < 0.6:
                o = rng.randrange(len(self.organisations))
                add("ORG", self.organisations[o], f"o{o}")
            else:
                g = rng.randrange(len(self.places))
                add("PLACE", self.places[g], f"g{g}")
        return refs, truth


def generate(mentions: int, seed: int = 7, per_document: int = 10):
    documents = mentions // per_document
    corpus = Corpus(
        seed,
        people=max(1000, documents // 5),
        organisations=documents // 20 + 50,
        places=documents // 100 + 20,
    )
    refs: list[MentionRef] = []
    truth: dict[str, str] = {}
    for n in range(documents):
        found, entities = corpus.document(n, per_document)
        refs.extend(found)
        truth.update((r.id, e) for r, e in zip(found, entities, strict=True))
    return refs, truth


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--store", action="store_true", help="also write a DuckDB workspace")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    refs, truth = generate(args.mentions)
    print(
        f"{len(refs):,} mentions in {len({r.document_id for r in refs}):,} documents, "
        f"{len(set(truth.values())):,} entities, generated in {time.perf_counter() - started:.1f} s"
    )
    started = time.perf_counter()
    resolution = resolve(refs)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    predicted = {r.id: resolution.entity_of[n] for n, r in enumerate(refs)}
    quality = bcubed(predicted, truth)
    print(
        f"resolved in {seconds:.1f} s ({len(refs) / seconds:,.0f} mentions/s), "
        f"peak {peak:,.0f} MiB: {len(resolution.entities):,} entities, "
        f"{len(resolution.review):,} to review"
    )
    print(f"B-cubed P {quality['precision']:.3f} R {quality['recall']:.3f} F1 {quality['f1']:.3f}")
    if args.store:
        from casework.resolve.pipeline import store
        from casework.store import Workspace

        with (
            tempfile.TemporaryDirectory() as folder,
            Workspace.open(Path(folder) / "bench.duckdb") as ws,
        ):
            started = time.perf_counter()
            store(ws.backend, refs, resolution, [])
            print(f"stored in {time.perf_counter() - started:.1f} s")
    verdict = "met" if seconds < 300 else "NOT met"
    print(f"target: 1M mentions in under 5 minutes: {verdict} ({seconds:.1f} s for {len(refs):,})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
