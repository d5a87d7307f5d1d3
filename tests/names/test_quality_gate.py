"""Evaluation gate: name-matching F1 on the benchmark sets may not fall below its floors.

Floors sit just under the figures measured with `python -m bench.names_quality`
(nomenklatura 0.904, cross-script 0.999, OFAC aliases 0.645 at threshold 0.75);
nomenklatura's floor is the issue's target of 0.90;
lowering one is a deliberate, visible change.
"""

from __future__ import annotations

import pytest

from bench.names_data import SETS
from bench.names_eval import evaluate
from casework.names import compare_names
from casework.screen import MATCH_THRESHOLD
from tests.conftest import SHARED, needs_shared

FLOORS = {"nomenklatura": 0.90, "cross-script": 0.995, "ofac-aliases": 0.64}


@needs_shared
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_f1_floor(name):
    pairs = SETS[name](SHARED)
    result = evaluate(
        pairs, lambda p: compare_names(p.left, p.right, p.schema).score, MATCH_THRESHOLD
    )
    assert result["f1"] >= FLOORS[name], result["groups"]
