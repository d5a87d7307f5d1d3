"""Name-matching quality: Casework's matcher vs nomenklatura's logic-v2 and ofac, same pairs.

Three sets (bench/names_data.py): nomenklatura's own labelled cases, a
cross-script set from the Wikidata name groups, and OFAC primary names vs
their own aliases with same-surname negatives. Casework is judged at its
match threshold, the peers at yente's default (0.70). Peers need the
`bench` extra; without it only Casework runs.

    python -m bench.names_quality
"""

from __future__ import annotations

import sys

from bench.names_data import SETS, Pair
from bench.names_eval import evaluate, print_groups, print_table
from bench.names_peers import SHARED, nomenklatura_matchers
from casework.names import compare_names
from casework.screen import MATCH_THRESHOLD


def casework_score(pair: Pair) -> float:
    return compare_names(pair.left, pair.right, pair.schema).score


def main() -> int:
    try:
        peers = nomenklatura_matchers()
    except ImportError as exc:
        print(f"peers skipped ({exc}); install the bench extra", file=sys.stderr)
        peers = []
    results: dict[str, dict[str, dict]] = {}
    for set_name, load in SETS.items():
        try:
            pairs = load(SHARED)
        except FileNotFoundError as exc:
            print(f"skipping {set_name}: {exc}", file=sys.stderr)
            continue
        systems = {"casework": evaluate(pairs, casework_score, MATCH_THRESHOLD)}
        for peer in peers:
            systems[peer.name] = evaluate(pairs, peer.score, peer.threshold)
        results[set_name] = systems
    print_table(results, reference="logic-v2" if peers else "casework")
    print()
    print_groups(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
