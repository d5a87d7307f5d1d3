"""A mutation campaign over every list reader: only coded errors may escape, nothing hangs.

    python -m bench.fuzz_lists --seconds 120

Each input is a seed (bench.list_seeds) with a few random byte edits, loaded
as `casework lists load` would in a worker process the campaign watches: an
exception that is not a CaseworkError is a finding, and so is an input that
runs past --hang seconds (the worker is killed and started again) or a worker
that dies (memory). Findings are written to --out for replaying; the table
gives, per reader, the inputs tried, how they ended, and the distinct
uncaught exceptions.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import tempfile
import time
import traceback
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from bench.list_seeds import Seed, digits_mutate, mutate, read_once, seeds

MEMORY_LIMIT = 4 << 30


@dataclass
class Tally:
    tried: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    # Uncaught exceptions by type and place, with one message of each.
    uncaught: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)
    hangs: int = 0


def _work(connection: Connection, all_seeds: list[Seed]) -> None:
    """Worker loop: read each mutant, answer with its outcome."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    with tempfile.TemporaryDirectory() as folder:
        while True:
            index, data = connection.recv()
            path = all_seeds[index].write(Path(folder), data)
            try:
                connection.send(("coded", read_once(path)))
            except Exception as exc:  # a finding: report it, keep going
                where = traceback.extract_tb(exc.__traceback__)[-1]
                place = f"{Path(where.filename).name}:{where.lineno}"
                connection.send(("uncaught", f"{type(exc).__name__} at {place}|{exc}"[:200]))


class Worker:
    """One watched worker process, started again after a hang or a crash."""

    def __init__(self, all_seeds: list[Seed]) -> None:
        self.seeds = all_seeds
        self.context = multiprocessing.get_context("fork")
        self.start()

    def start(self) -> None:
        self.connection, child = self.context.Pipe()
        self.process = self.context.Process(target=_work, args=(child, self.seeds), daemon=True)
        self.process.start()

    def restart(self) -> None:
        self.process.kill()
        self.process.join()
        self.start()

    def run(self, index: int, data: bytes, hang: float) -> tuple[str, str]:
        self.connection.send((index, data))
        if not self.connection.poll(hang):
            self.restart()
            return "hang", f"over {hang:g} s"
        try:
            return self.connection.recv()
        except EOFError:
            self.restart()
            return "uncaught", "worker died (memory limit?)"


def campaign(seconds: float, hang: float, out: Path, seed: int) -> dict[str, Tally]:
    all_seeds = seeds()
    rng = random.Random(seed)
    worker = Worker(all_seeds)
    by_reader: dict[str, list[int]] = defaultdict(list)
    for index, s in enumerate(all_seeds):
        by_reader[s.reader].append(index)
    tallies = {reader: Tally() for reader in by_reader}
    out.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for reader, indexes in by_reader.items():
            index = rng.choice(indexes)
            source = all_seeds[index]
            shake = digits_mutate if rng.random() < 0.25 else mutate
            data = shake(source.data, rng)
            kind, detail = worker.run(index, data, hang)
            tally = tallies[reader]
            tally.tried += 1
            tally.outcomes[detail if kind == "coded" else kind] += 1
            if kind == "hang":
                tally.hangs += 1
            if kind == "uncaught":
                where, _, message = detail.partition("|")
                tally.uncaught[where] += 1
                tally.examples.setdefault(where, message)
            if kind != "coded":
                (out / f"{reader}-{kind}-{tally.tried}-{source.name}").write_bytes(data)
    worker.process.kill()
    return tallies


def report(tallies: dict[str, Tally], seconds: float) -> None:
    print(f"{'reader':15} {'tried':>6} {'ok':>6} {'coded':>6} {'uncaught':>8} {'hangs':>5}")
    for reader, t in sorted(tallies.items()):
        coded = sum(n for k, n in t.outcomes.items() if k.startswith("E"))
        print(
            f"{reader:15} {t.tried:6} {t.outcomes['ok']:6} {coded:6} "
            f"{sum(t.uncaught.values()):8} {t.hangs:5}"
        )
        for where, n in t.uncaught.most_common(5):
            print(f"    {n:4} x {where}: {t.examples[where][:90]}")
    print(f"({seconds:g} s of mutations)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--hang", type=float, default=10, help="seconds before an input hangs")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "fuzz_lists")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    report(campaign(args.seconds, args.hang, args.out, args.seed), args.seconds)


if __name__ == "__main__":
    main()
