"""Each signal on a small posts file written for these tests."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest

from casework.coordination import Settings, detect, load_file
from casework.coordination.sequence import continues
from casework.coordination.text import normalise
from casework.coordination.window import parse_window
from casework.errors import CaseworkError, InputError

CLAIM = (
    "The so-called experts writing this report are paid by foreign lobbies "
    "and know nothing about our peaceful country"
)
REWORDED = (
    "The so called experts writing this report are paid by foreign lobby groups "
    "and know nothing about our peaceful country at all"
)
SECOND = (
    "Every honest citizen knows these reporters never visited the region and "
    "simply repeat what their sponsors in Brussels tell them to write"
)
SECOND_REWORDED = (
    "Every honest citizen knows these reporters never visited our region and "
    "simply repeat what their sponsors in Brussels tell them to write!"
)
FIELDS = [
    "message_id",
    "account",
    "display_name",
    "text",
    "timestamp",
    "reply_to",
    "urls",
    "hashtags",
]


def _row(n, account, text, ts, urls="", hashtags="", reply_to="", name=""):
    return {
        "message_id": f"m{n}",
        "account": account,
        "display_name": name,
        "text": text,
        "timestamp": ts,
        "reply_to": reply_to,
        "urls": urls,
        "hashtags": hashtags,
    }


@pytest.fixture
def posts(tmp_path):
    rows = [
        _row(1, "c1", CLAIM, "2024-05-01T10:00:00Z"),
        _row(2, "c2", CLAIM + "!!", "2024-05-01T10:01:30Z"),
        _row(3, "c3", REWORDED, "2024-05-01T10:03:00Z"),
        _row(4, "late", CLAIM, "2024-05-04T09:00:00Z"),
        _row(9, "c1", SECOND, "2024-05-01T16:00:00Z"),
        _row(10, "c2", SECOND, "2024-05-01T16:00:50Z"),
        _row(11, "c3", SECOND_REWORDED, "2024-05-01T16:02:10Z"),
        _row(12, "late", SECOND, "2024-05-04T15:00:00Z"),
        _row(5, "l1", "look at this", "2024-05-01T11:00:00Z", urls="https://rare.example/x"),
        _row(6, "l2", "read it", "2024-05-01T11:00:40Z", urls="https://rare.example/x"),
        _row(7, "l1", "again", "2024-05-01T12:00:00Z", urls="https://rare.example/y"),
        _row(8, "l2", "and again", "2024-05-01T12:00:20Z", urls="https://rare.example/y"),
    ]
    rows += [_row(20 + n, f"fan{n}", "so true", f"2024-05-01T13:00:{n:02d}Z") for n in range(12)]
    rows += [
        _row(40 + n, "bursty", f"post number {n}", f"2024-05-01T14:00:{n * 10:02d}Z")
        for n in range(5)
    ]
    path = tmp_path / "posts.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, FIELDS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def _pairs(network, signal):
    return {frozenset((x.a, x.b)) for x in network.links if signal in x.signals}


def test_one_shared_text_is_not_a_pattern(posts, tmp_path):
    rows = [
        _row(1, "x1", CLAIM, "2024-05-01T10:00:00Z"),
        _row(2, "x2", CLAIM, "2024-05-01T10:00:30Z"),
    ]
    path = tmp_path / "once.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, FIELDS)
        writer.writeheader()
        writer.writerows(rows)
    assert detect(load_file(path)).links == []
    assert len(detect(load_file(path), Settings(min_repeats=1)).links) == 1


def test_copy_paste_and_rewording_inside_the_window(posts):
    network = detect(load_file(posts), Settings(window=3600))
    assert _pairs(network, "co_text") == {frozenset(("c1", "c2"))}
    assert frozenset(("c1", "c3")) in _pairs(network, "near_text")
    linked = {x for link in network.links for x in (link.a, link.b)}
    assert "late" not in linked  # three days later: outside the window
    assert not any(a.startswith("fan") for a in linked)  # "so true" is no evidence


def test_the_whole_corpus_when_asked(posts):
    network = detect(load_file(posts), Settings(window=None))
    assert frozenset(("c1", "late")) in _pairs(network, "co_text")


def test_shared_rare_links_repeated_make_a_link(posts):
    network = detect(load_file(posts), Settings(window=120))
    link = next(x for x in network.links if {x.a, x.b} == {"l1", "l2"})
    assert link.signals["co_link"] == pytest.approx(2.0)
    assert {e.gap_seconds for e in link.evidence} == {40.0, 20.0}
    assert all("rare.example" in e.detail for e in link.evidence)


def test_talking_points(posts):
    network = detect(load_file(posts), Settings(window=3600))
    texts = {p.text: p for p in network.talking_points}
    # The claim went out from c1, c2 and c3 (reworded) and, days later, "late":
    # one talking point across the window, its linked accounts counted.
    point = texts[CLAIM]
    assert point.accounts == ["c1", "c2", "c3", "late"] and point.linked == 3
    assert point.versions == 2 and point.examples[0] == "m1"  # "!!" normalises away
    assert point.first_seen == "2024-05-01T10:00:00Z"
    assert "4 accounts" in point.reason
    assert not any(p.text == "so true" for p in network.talking_points)  # too short


def test_timeline_burst(posts):
    network = detect(load_file(posts), Settings(window=3600))
    bursty = next(a for a in network.accounts if a.id == "bursty")
    assert bursty.flags == {"burst": 1}
    assert bursty.evidence[0].detail == "5 messages in a row"


def test_communities_and_reasons(posts):
    network = detect(load_file(posts), Settings(window=3600))
    members = [set(c.accounts) for c in network.communities]
    assert {"c1", "c2", "c3"} in members
    assert all(c.reason for c in network.communities)
    assert network.as_dict()["links"][0]["evidence"]


def test_jsonl_with_lists_and_epoch_times(tmp_path):
    path = tmp_path / "posts.jsonl"
    records = [
        {
            "id": "a",
            "user": "u1",
            "text": CLAIM,
            "created_at": 1714557600,
            "urls": ["https://x.example/1"],
        },
        {"id": "b", "user": "u2", "text": CLAIM, "created_at": 1714557660, "urls": []},
        {"id": "c", "user": "u1", "text": SECOND, "created_at": 1714567600},
        {"id": "d", "user": "u2", "text": SECOND, "created_at": 1714567630, "urls": None},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    table = load_file(path)
    assert table.column("urls").to_pylist() == [["https://x.example/1"], [], None, None]
    assert table.column("ts")[1].as_py().timestamp() == 1714557660
    assert _pairs(detect(table), "co_text") == {frozenset(("u1", "u2"))}


def test_missing_account_column_is_named(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("id,body\n1,hello\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_file(path)
    assert caught.value.code == "E502" and "id, body" in caught.value.message
    with pytest.raises(InputError) as missing:
        load_file(tmp_path / "nowhere.csv")
    assert missing.value.code == "E106"


def test_missing_fields_are_missing_not_shared(tmp_path):
    path = tmp_path / "posts.csv"
    path.write_text(
        "id,account,text,urls\n1,a,hello there,\n2,b,something else,\n", encoding="utf-8"
    )
    network = detect(load_file(path), Settings(window=None))
    assert network.links == []


def test_split_message_cues():
    assert continues("It all started in 2003.", "Obviously this is the reason why they write.")
    assert continues("They are paid by lobbies and", "nobody asks who pays them.")
    assert not continues("The diplomats are wrong.", "These two claim the situation worsened.")


def test_normalise_and_windows():
    assert normalise("Read THIS: https://t.co/x @bot #Tag — now!") == "read this now"
    assert parse_window("15m") == 900 and parse_window("2h") == 7200 and parse_window("90") == 90
    assert parse_window("corpus") is None
    with pytest.raises(CaseworkError):
        parse_window("soon")
    with pytest.raises(CaseworkError):
        Settings(signals=("telepathy",))


def test_cli_reads_a_posts_file_and_exports(posts, cli, tmp_path):
    out = tmp_path / "net"
    code, output = cli(
        "coordination",
        "--input",
        str(posts),
        "--window",
        "1h",
        "--format",
        "json",
        "--out",
        str(out),
    )
    assert code == 0, output
    body = json.loads(output[output.index("{") :])
    assert {frozenset((x["a"], x["b"])) for x in body["links"]} >= {frozenset(("c1", "c2"))}
    assert sorted(p.name for p in out.iterdir()) == [
        "campaigns.csv",
        "edges.csv",
        "evidence.csv",
        "network.gexf",
        "network.graphml",
        "network.html",
        "network.json",
        "nodes.csv",
        "talking_points.csv",
    ]
    code, output = cli("coordination", "--input", str(posts), "--window", "soon")
    assert code == 2 and "E505" in output


def test_cli_on_an_empty_workspace_says_what_to_do(cli):
    code, output = cli("coordination")
    assert code == 2 and "E503" in output and "casework ingest" in output


def test_chance_and_false_rate():
    from casework.coordination.detect import benjamini_hochberg, chance

    # Two co-actions where a hundredth of one is expected: far beyond chance.
    assert chance(np.array([2]), np.array([0.01]))[0] < 1e-4
    # Five where twenty are expected: what two busy accounts do anyway.
    assert chance(np.array([5]), np.array([20.0]))[0] > 0.99
    p = np.array([1e-6, 2e-6, 0.008, 0.2, 0.5])
    assert benjamini_hochberg(p, 0.01) == 2e-6
    assert benjamini_hochberg(np.array([0.5]), 0.01) == -1.0


def test_places_say_how_small_a_shared_thread_is(tmp_path):
    from casework.coordination.frame import Frame
    from casework.coordination.shares import shared_places

    rows = [
        _row(n, f"a{n}", "hello there", "2024-05-01T10:00:00Z", reply_to="small") for n in range(3)
    ]
    rows += [_row(10 + n, f"b{n}", "hi", "2024-05-01T10:00:00Z", reply_to="big") for n in range(6)]
    path = tmp_path / "threads.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, FIELDS)
        writer.writeheader()
        writer.writerows(rows)
    frame = Frame.of(load_file(path))
    code = {account: n for n, account in enumerate(frame.accounts)}
    pairs = [(code["a0"], code["a1"]), (code["b0"], code["b1"]), (code["a0"], code["b0"])]
    crowd = shared_places(frame, pairs)
    assert crowd[pairs[0]] == 3  # both replied under "small", three accounts
    assert crowd[pairs[1]] == 6
    assert crowd.get(pairs[2], 9) == 9  # nothing smaller than the whole file joins them


def test_name_variant_rules():
    from casework.coordination.variants import variant

    names = {
        0: "Ali Panahov",
        1: "Abbas Pənahov",
        2: "Sara Volkov",
        3: "David Volkova",
        4: "Elnur Volkov",
        5: "Эльнур Гасанов",
        6: "Kenji Aliyev",
        7: "Kenji Aliyeva",
        8: "proud_observer3",
        9: "proud_observer33",
    }
    assert "family name spelled two ways" in variant(names, 0, 1).detail
    assert variant(names, 2, 3) is None  # a man and a woman of one family
    assert variant(names, 6, 7) is None
    assert variant(names, 4, 5) is None  # the given name in two scripts, two families
    assert variant(names, 8, 9) is None  # handles are not names


def test_handles_equal_but_for_separators_and_case_are_variants(tmp_path):
    from casework.coordination.variants import variant

    names = {0: "Investor_1987", 1: "Investor-1987", 2: "investor1987", 3: "Investor_1988"}
    assert "one handle written two ways" in variant(names, 0, 1).detail
    assert variant(names, 0, 2).strength == 1.0
    assert variant(names, 0, 3) is None  # another digit: another handle
    # Posting the same line a minute apart under one article links them.
    rows = [
        _row(1, "u1", CLAIM, "2024-05-01T10:00:00Z", name="Investor_1987"),
        _row(2, "u2", CLAIM, "2024-05-01T10:01:00Z", name="Investor-1987"),
        _row(3, "u3", SECOND, "2024-05-01T10:05:00Z", name="Reader Kemal"),
    ]
    path = tmp_path / "handles.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, FIELDS)
        writer.writeheader()
        writer.writerows(rows)
    network = detect(load_file(path))
    assert _pairs(network, "name_variant") == {frozenset(("u1", "u2"))}
