"""The coordination bench data: deterministic, labels that match the rows, a realistic
background (heavy-tailed activity), every campaign kind planted as described, and a
conversion the peer (coordination-network-toolkit) accepts and finds a campaign in."""

from __future__ import annotations

import csv
import itertools
import json
import subprocess
from collections import Counter

import pytest

from bench import coord_generate as cg
from bench import coord_peer


@pytest.fixture(scope="module")
def data():
    return cg.generate(6000, campaigns=8, days=1, seed=3)


def _by_id(rows):
    return {r["message_id"]: r for r in rows}


def test_same_seed_same_output():
    assert cg.generate(1500, campaigns=4, seed=7) == cg.generate(1500, campaigns=4, seed=7)
    assert cg.generate(1500, campaigns=4, seed=7)[0] != cg.generate(1500, campaigns=4, seed=8)[0]


def test_sizes_and_format(data):
    rows, labels = data
    assert len(rows) == labels["posts"] == 6000
    assert len({r["account"] for r in rows}) <= labels["accounts"] == 600
    assert len({r["message_id"] for r in rows}) == len(rows)
    stamps = [r["timestamp"] for r in rows]
    assert stamps == sorted(stamps)  # written in time order
    assert all(s.startswith("2024-03-01T") and s.endswith("Z") for s in stamps)
    assert all(r["text"] or r["repost_of"] or r["urls"] for r in rows)
    kinds = Counter(
        "repost" if r["repost_of"] else "reply" if r["reply_to"] else "post" for r in rows
    )
    assert kinds["repost"] > 1000 and kinds["reply"] > 600


def test_every_kind_planted_with_small_groups(data):
    _, labels = data
    kinds = [c["kind"] for c in labels["campaigns"]]
    assert sorted(set(kinds)) == sorted(cg.KINDS)
    assert all(3 <= len(c["accounts"]) <= 15 for c in labels["campaigns"])


def test_labels_match_rows(data):
    rows, labels = data
    by_id = _by_id(rows)
    members: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for camp in labels["campaigns"]:
        accounts = set(camp["accounts"])
        assert camp["messages"]
        for mid in camp["messages"]:
            assert mid in by_id
            assert by_id[mid]["account"] in accounts
        # every member takes part in at least two rounds
        posted = Counter(by_id[m]["account"] for m in camp["messages"])
        assert set(posted) == accounts and min(posted.values()) >= 2
        members |= accounts
        pairs |= set(itertools.combinations(sorted(accounts), 2))
    assert set(labels["planted_accounts"]) == members
    assert {tuple(p) for p in labels["planted_pairs"]} == pairs
    # campaign accounts are ordinary accounts: they post background content too
    planted_messages = {m for c in labels["campaigns"] for m in c["messages"]}
    own = [r for r in rows if r["account"] in members and r["message_id"] not in planted_messages]
    assert own


def test_campaign_kinds_look_as_described(data):
    rows, labels = data
    by_id = _by_id(rows)
    for camp in labels["campaigns"]:
        msgs = [by_id[m] for m in camp["messages"]]
        texts = Counter(m["text"] for m in msgs)
        if camp["kind"] == "copy_paste":
            assert all(count >= 2 for count in texts.values())
            assert all(len(t.split()) >= 20 for t in texts)
        elif camp["kind"] == "reworded":
            # one round's copies: near each other, rarely identical
            first = [m for m in msgs if m["text"].split()[0] == msgs[0]["text"].split()[0]]
            a, b = set(first[0]["text"].split()), set(first[1]["text"].split())
            assert 0.5 <= len(a & b) / len(a | b) < 1.0
        elif camp["kind"] == "link_burst":
            urls = Counter(m["urls"] for m in msgs)
            assert all(u and count >= 2 for u, count in urls.items())
            assert len(set(texts)) > len(texts) // 2  # own words around the link
            assert all(
                u not in {r["urls"] for r in rows if r["message_id"] not in camp["messages"]}
                for u in urls
            )
        else:
            threads = Counter(m["reply_to"] for m in msgs)
            assert all(t and count >= 2 for t, count in threads.items())


def test_name_variant_display_names_differ_in_spelling(data):
    rows, labels = data
    camps = [c for c in labels["campaigns"] if c["kind"] == "name_variant"]
    assert camps
    by_id = _by_id(rows)
    for camp in camps:
        names = {by_id[m]["account"]: by_id[m]["display_name"] for m in camp["messages"]}
        assert len(set(names.values())) == len(names)  # one spelling per account
        assert len({n.casefold() for n in names.values()}) == len(names)
        assert sorted(names.values()) == sorted(camp["display_names"])


def test_name_variants_of_one_person():
    forms = cg.name_variants(cg.PERSONS[0])
    assert {"Farid Muradov", "Muradov Farid", "Fərid Murad", "Фарид Мурадов"} <= set(forms)
    assert len(forms) == len(set(forms)) >= 10


def test_activity_is_heavy_tailed():
    rows, labels = cg.generate(30_000, campaigns=4, seed=1)
    counts = sorted(Counter(r["account"] for r in rows).values(), reverse=True)
    top = counts[: labels["accounts"] // 100]
    share = sum(top) / len(rows)
    assert share > 0.08  # 1% of accounts, over 8% of posts
    assert counts[0] > 20 * counts[len(counts) // 2]


def test_write_streams_csv_and_labels(tmp_path):
    out = tmp_path / "posts.csv"
    labels = cg.write(out, 2000, campaigns=4, seed=2)
    with out.open(encoding="utf-8", newline="") as stream:
        reader = csv.reader(stream)
        assert tuple(next(reader)) == cg.FIELDS
        written = [dict(zip(cg.FIELDS, row, strict=True)) for row in reader]
    assert json.loads(cg.labels_path(out).read_text(encoding="utf-8")) == labels
    assert cg.generate(2000, campaigns=4, seed=2) == (written, labels)


@pytest.mark.skipif(not coord_peer.available(), reason="coordination-network-toolkit missing")
def test_toolkit_accepts_conversion_and_finds_copy_paste(tmp_path):
    posts = tmp_path / "posts.csv"
    labels = cg.write(posts, 3000, campaigns=4, days=1, seed=4)
    toolkit_csv = tmp_path / "toolkit.csv"
    assert coord_peer.convert(posts, toolkit_csv) == 3000
    with toolkit_csv.open(encoding="utf-8", newline="") as stream:
        header, first = next(csv.reader(stream)), next(csv.reader(stream))
    assert tuple(header) == coord_peer.TOOLKIT_FIELDS
    assert first[6].isdigit()
    db = tmp_path / "peer.db"
    cmd = str(coord_peer.COMPUTE_NETWORKS)
    subprocess.run([cmd, str(db), "preprocess", str(toolkit_csv)], check=True, capture_output=True)
    subprocess.run(
        [cmd, str(db), "compute", "co_similar_tweet", "--time_window", "60"],
        check=True,
        capture_output=True,
    )
    found = {(a, b) for a, b, _ in coord_peer.edges(db, "co_similar_tweet")}
    copy_paste = [c for c in labels["campaigns"] if c["kind"] == "copy_paste"]
    planted = {p for c in copy_paste for p in itertools.combinations(sorted(c["accounts"]), 2)}
    assert found & planted
