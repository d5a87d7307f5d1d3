"""Mutated list files: a reader raises a coded error or reads them, never anything else.

Bounded for the suite (40 inputs a reader); `python -m bench.fuzz_lists` runs
the long campaign.
"""

from __future__ import annotations

import signal
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.list_seeds import TOKENS, Seed, read_once, seeds
from casework.lists.formats import FORMATS

SEEDS = {s.reader: s for s in reversed(seeds())}  # the first seed of each reader
# One edit: where (a fraction of the file), what goes in, how many bytes it replaces.
EDITS = st.lists(
    st.tuples(st.floats(0, 1), st.sampled_from(TOKENS) | st.binary(max_size=6), st.integers(0, 16)),
    min_size=1,
    max_size=4,
)
HANG_SECONDS = 10


def _edited(data: bytes, edits: list[tuple[float, bytes, int]]) -> bytes:
    out = bytearray(data)
    for where, token, cut in edits:
        at = int(where * len(out))
        out[at : at + cut] = token
    return bytes(out)


def _hang(_signum, _frame):
    raise TimeoutError(f"a reader ran past {HANG_SECONDS} s")


@pytest.mark.parametrize("reader", [f.name for f in FORMATS])
def test_only_coded_errors_escape_a_reader(reader):
    seed = SEEDS.get(reader)
    if seed is None:
        pytest.skip(f"no seed file for {reader} (../shared is not beside the repository)")

    @settings(
        max_examples=40,
        deadline=2000,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(EDITS)
    def reads_or_refuses(edits):
        with tempfile.TemporaryDirectory() as folder:
            path = seed.write(Path(folder), _edited(seed.data, edits))
            previous = signal.signal(signal.SIGALRM, _hang)
            signal.alarm(HANG_SECONDS)
            try:
                outcome = read_once(path)
            finally:
                signal.alarm(0)
                signal.signal(signal.SIGALRM, previous)
            assert outcome == "ok" or outcome.startswith("E")

    with tempfile.TemporaryDirectory() as folder:
        # The unedited seed reads; the first read also pays the one-off start-up
        # (FtM's country tables) outside the deadline.
        assert read_once(seed.write(Path(folder), seed.data)) == "ok"
    reads_or_refuses()


def test_a_long_span_of_birth_years_keeps_its_ends(tmp_path):
    seed: Seed | None = SEEDS.get("un-xml")
    if seed is None or b"<TO_YEAR>" not in seed.data:
        pytest.skip("no UN seed with a span of birth years (../shared is missing)")
    start = seed.data.index(b"<TO_YEAR>") + len(b"<TO_YEAR>")
    end = seed.data.index(b"</TO_YEAR>", start)
    path = seed.write(tmp_path, seed.data[:start] + b"99999999" + seed.data[end:])
    assert read_once(path) == "ok"
