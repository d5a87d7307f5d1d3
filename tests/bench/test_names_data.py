"""Name-matching benchmark data: sizes, balance, determinism, hard negatives, and evaluate()."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import pytest

from bench import names_data as nd
from bench.names_data import Pair
from bench.names_eval import best_threshold, evaluate, print_table

SHARED = Path(__file__).resolve().parents[3] / "shared"
needs_data = pytest.mark.skipif(
    not (SHARED / "data").is_dir(),
    reason=f"../shared/data is not beside the repository ({SHARED / 'data'} missing)",
)


def load(loader, *args, **kwargs) -> list[Pair]:
    try:
        return loader(SHARED, *args, **kwargs)
    except FileNotFoundError as exc:
        pytest.skip(str(exc))


def _uncap(token: str) -> str:
    return token[:1].lower() + token[1:]


@pytest.fixture(scope="module")
def name_index() -> dict[str, set[tuple[str, int]]]:
    """variant -> {(role, component)} over the given- and family-name pools of set (b)."""
    try:
        pools = nd._name_pools(
            nd._require(SHARED, nd.VARIANTS_TXT), nd._require(SHARED, nd.SDN_CSV)
        )
    except FileNotFoundError as exc:
        pytest.skip(str(exc))
    index: dict[str, set[tuple[str, int]]] = {}
    for role, pool in (("given", pools.given), ("family", pools.family)):
        for group in pool:
            for tokens in group.variants.values():
                for token in tokens:
                    index.setdefault(token, set()).add((role, group.component))
    return index


# --- (a) nomenklatura -------------------------------------------------------------------------


@needs_data
def test_nomenklatura_cases_are_all_826_rows():
    pairs = load(nd.nomenklatura_cases)
    assert len(pairs) == 826
    assert {p.is_match for p in pairs} == {True, False}
    assert {p.schema for p in pairs} <= {
        "Person",
        "Company",
        "Organization",
        "LegalEntity",
        "Vessel",
    }
    assert "nk_checks" in {p.group for p in pairs}
    assert all(p.left and p.right for p in pairs)


def test_missing_files_raise_a_clear_error(tmp_path):
    for loader in nd.SETS.values():
        with pytest.raises(FileNotFoundError, match="benchmark data missing"):
            loader(tmp_path)


# --- (b) cross-script --------------------------------------------------------------------------


@needs_data
def test_cross_script_size_balance_and_groups():
    pairs = load(nd.cross_script_cases)
    assert len(pairs) == 2000
    assert sum(p.is_match for p in pairs) == 1000
    groups = Counter((p.group, p.is_match) for p in pairs)
    for kind in ("script", "spelling", "order"):
        assert groups[(kind, True)] >= 333
    assert groups[("shared-given", False)] == groups[("shared-family", False)] == 500
    assert {p.schema for p in pairs} == {"Person"}
    assert len({(p.left, p.right) for p in pairs}) == 2000


@needs_data
def test_cross_script_is_deterministic():
    first = load(nd.cross_script_cases, n=300, seed=3)
    assert first == load(nd.cross_script_cases, n=300, seed=3)
    assert first != load(nd.cross_script_cases, n=300, seed=4)


@needs_data
def test_cross_script_positives_differ_and_reuse_both_names(name_index):
    for p in load(nd.cross_script_cases, n=600):
        if not p.is_match:
            continue
        assert p.left != p.right
        left, right = p.left.split(" "), p.right.split(" ")
        assert len(left) == len(right) == 2
        # every part of one side names the same given or family name as a part of the other
        for token in left:
            mine = name_index[_uncap(token)]
            assert any(mine & name_index[_uncap(other)] for other in right), p
        assert not set(left) & set(right), p  # each part written with a different variant


@needs_data
def test_cross_script_order_pairs_put_the_family_name_first_on_one_side(name_index):
    for p in load(nd.cross_script_cases, n=600):
        if p.group != "order":
            continue
        firsts = [
            {role for role, _ in name_index[_uncap(side.split(" ")[0])]}
            for side in (p.left, p.right)
        ]
        assert {"given", "family"} <= firsts[0] | firsts[1], p


@needs_data
def test_cross_script_negatives_share_exactly_one_name(name_index):
    for p in load(nd.cross_script_cases, n=600):
        if p.is_match:
            continue
        left = [name_index[_uncap(t)] for t in p.left.split(" ")]
        right = [name_index[_uncap(t)] for t in p.right.split(" ")]
        shared = [(i, j) for i in range(2) for j in range(2) if left[i] & right[j]]
        assert len(shared) == 1, p  # one part in common, the other a different name
        role = "given" if p.group == "shared-given" else "family"
        i, j = shared[0]
        assert any(r == role for r, _ in left[i] & right[j]), p


# --- (c) OFAC aliases --------------------------------------------------------------------------


@needs_data
def test_ofac_alias_size_balance_schema_and_determinism():
    pairs = load(nd.ofac_alias_cases)
    assert len(pairs) == 2000
    assert sum(p.is_match for p in pairs) == 1000
    assert {p.schema for p in pairs} <= {"Person", "Organization", "Vessel", "Airplane"}
    for p in pairs:
        prefix = (
            "aka:"
            if p.is_match
            else ("shared-surname:" if p.schema == "Person" else "shared-token:")
        )
        assert p.group == prefix + p.schema
    assert pairs == load(nd.ofac_alias_cases)
    assert pairs != load(nd.ofac_alias_cases, seed=8)


@needs_data
def test_ofac_alias_negatives_share_a_word_and_positives_are_own_akas():
    pairs = load(nd.ofac_alias_cases)
    entries = nd._sdn_entries(SHARED / nd.SDN_CSV)
    own = {
        (entries[e].name, alias)
        for e, kind, alias in nd._sdn_akas(SHARED / nd.ALT_CSV)
        if kind == "aka" and e in entries
    }
    forms = {}
    for primary, alias in own:
        for a in {primary, nd._given_first(primary)}:
            for b in {alias, nd._given_first(alias)}:
                forms[frozenset((a, b))] = (primary, alias)
    for p in pairs:
        if p.is_match:
            assert frozenset((p.left, p.right)) in forms, p
        else:
            assert set(nd._words(p.left)) & set(nd._words(p.right)), p
    flipped = sum(p.schema == "Person" and "," not in p.left + p.right for p in pairs)
    assert flipped == 0  # exactly one side of each person pair keeps "SURNAME, Given"


SDN_ROWS = [
    ["1", "PETROV, Ivan", "individual"],
    ["2", "PETROV, Sergey Nikolaevich", "individual"],
    ["3", "ACME TRADING LLC", "-0- "],
    ["4", "ACME SHIPPING COMPANY", "-0- "],
    ["5", "BLUE WHALE", "vessel"],
]
ALT_ROWS = [
    ["1", "10", "aka", "PETROFF, Ivan"],
    ["3", "11", "aka", "AKME TRADING"],
    ["3", "12", "aka", "AT"],  # weak: one token under 4 characters
    ["2", "13", "fka", "SIDOROV, Sergey"],  # not an aka
    ["99", "14", "aka", "GHOST OF ABSENT ENTRY"],  # ent_num not in sdn.csv
]


def _write_ofac(root: Path) -> Path:
    folder = root / nd.SDN_CSV.parent
    folder.mkdir(parents=True)
    with (root / nd.SDN_CSV).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        for row in SDN_ROWS:
            writer.writerow(row + ["-0- "] * 9)
        fh.write("\x1a")  # the DOS end-of-file byte OFAC's files end with
    with (root / nd.ALT_CSV).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        for row in ALT_ROWS:
            writer.writerow([*row, "-0- "])
    return root


def test_ofac_alias_cases_skip_absent_entries_weak_aliases_and_non_akas(tmp_path):
    pairs = nd.ofac_alias_cases(_write_ofac(tmp_path), n=4)
    text = " ".join(p.left + " " + p.right for p in pairs)
    assert "GHOST" not in text
    assert "SIDOROV" not in text
    assert not any(p.is_match and "AT" in (p.left, p.right) for p in pairs)
    positives = {frozenset((p.left, p.right)) for p in pairs if p.is_match}
    assert frozenset(("ACME TRADING LLC", "AKME TRADING")) in positives
    assert len(positives) == 2
    negatives = [p for p in pairs if not p.is_match]
    assert {p.group for p in negatives} == {"shared-surname:Person", "shared-token:Organization"}
    person = next(p for p in negatives if p.schema == "Person")
    assert sorted([person.left.count(","), person.right.count(",")]) == [0, 1]


# --- evaluate -------------------------------------------------------------------------------


def _pairs_with_scores() -> tuple[list[Pair], dict[tuple[str, str], float]]:
    rows = [  # (left, right, is_match, group, score)
        ("a", "a1", True, "x", 0.9),  # tp
        ("b", "b1", True, "x", 0.5),  # tp: a score equal to the threshold is a match
        ("c", "c1", True, "y", 0.4),  # fn
        ("d", "d1", True, "y", 0.1),  # fn
        ("e", "e1", False, "y", 0.7),  # fp
        ("f", "f1", False, "z", 0.2),  # tn
        ("g", "g1", False, "z", 0.0),  # tn
        ("h", "h1", False, "z", 0.3),  # tn
    ]
    pairs = [Pair(left, right, match, "Person", group) for left, right, match, group, _ in rows]
    return pairs, {(r[0], r[1]): r[4] for r in rows}


def test_evaluate_counts_and_metrics():
    pairs, scores = _pairs_with_scores()
    result = evaluate(pairs, lambda p: scores[(p.left, p.right)], threshold=0.5)
    assert (result["tp"], result["fp"], result["fn"], result["tn"]) == (2, 1, 2, 3)
    assert result["precision"] == pytest.approx(2 / 3)
    assert result["recall"] == pytest.approx(0.5)
    assert result["f1"] == pytest.approx(4 / 7)
    assert result["accuracy"] == pytest.approx(5 / 8)
    assert result["groups"]["x"]["f1"] == pytest.approx(1.0)
    assert result["groups"]["y"]["precision"] == 0.0
    assert result["groups"]["z"]["recall"] is None  # no matches in the group
    assert result["groups"]["z"]["tn"] == 3
    assert result["pairs_per_s"] > 0
    assert result["best_threshold"] == pytest.approx(0.4)
    assert result["best_f1"] == pytest.approx(2 * 3 / (3 + 1 + 4))


def test_best_threshold_ties_and_print_table():
    # the cut at 0.5 lets both 0.5 pairs through: tp 2, fp 1, fn 0 (F1 0.8), not tp 2, fp 0
    assert best_threshold([True, False, True], [0.5, 0.5, 0.9]) == (0.5, pytest.approx(0.8))
    pairs, scores = _pairs_with_scores()
    results = {
        "toy": {
            "ref": evaluate(pairs, lambda p: scores[(p.left, p.right)], 0.5),
            "all": evaluate(pairs, lambda p: 1.0, 0.5),
        }
    }
    out = io.StringIO()
    print_table(results, reference="ref", file=out)
    lines = out.getvalue().splitlines()
    assert "F1/ref" in lines[0]
    ref_row = next(line for line in lines if " ref " in line)
    all_row = next(line for line in lines if " all " in line)
    assert "1.000" in ref_row
    # "all" predicts every pair a match: P 0.5, R 1, F1 2/3; ratio (2/3) / (4/7) = 7/6
    assert "0.667" in all_row and "1.167" in all_row


def test_peer_matchers_score_pairs():
    pytest.importorskip("nomenklatura")
    from bench.names_peers import NomenklaturaMatcher, nomenklatura_matchers

    peers = nomenklatura_matchers()
    assert [m.name for m in peers] == ["logic-v2", "ofac"]
    assert all(m.threshold == 0.70 for m in peers)
    ofac = NomenklaturaMatcher("ofac")  # logic-v2 loads its name tables on first use (~5 s)
    same = Pair("Ilham Aliyev", "ALIYEV, Ilham", True, "Person", "t")
    other = Pair("Ilham Aliyev", "Vladimir Putin", False, "Person", "t")
    assert ofac.score(same) >= ofac.threshold > ofac.score(other)
