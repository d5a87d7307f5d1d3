"""The exporters write files that real readers (lxml, igraph, csv, json) load back intact."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import igraph
import pytest
from lxml import etree

from casework.coordination.export import (
    EDGE_COLUMNS,
    EVIDENCE_COLUMNS,
    FORMATS,
    NODE_COLUMNS,
    export,
    write_html,
)
from casework.coordination.model import (
    Account,
    Community,
    Evidence,
    Link,
    Network,
    TalkingPoint,
)

GEXF = "{http://gexf.net/1.3}"
NASTY = 'Stop <b>reporting</b> & "lying" \x07 now'


def _network() -> Network:
    accounts = [
        Account(
            id="u1",
            name="Fərid Murad",
            messages=12,
            community=0,
            score=0.9,
            flags={"split": 1, "burst": 2},
            evidence=[
                Evidence(
                    "burst", "m1", "m9", "first <post>", "second & last", 30.0, "9 posts in 5 min"
                )
            ],
            reason="burst of 9 posts & split name",
        ),
        Account(id="u2", name="Farid Muradov", messages=7, community=0, score=0.6),
        Account(id="u3", name="Ağa <Bəy>", messages=3, community=0, score=0.3),
        Account(id="u4", name=None, messages=1, community=None, score=0.0),
    ]
    links = [
        Link(
            a="u1",
            b="u2",
            weight=3.5,
            signals={"name_variant": 1.0, "co_text": 2.0},
            evidence=[
                Evidence("co_text", "m1", "m2", NASTY, NASTY, 12.0, "identical text"),
                Evidence("co_text", "m3", "m4", "line one\nline two", "x", None, "identical text"),
                Evidence("name_variant", None, None, None, None, None, "suffix form of 'murad'"),
            ],
            reason="2 identical posts <12s apart & name variant",
        ),
        Link(
            a="u2",
            b="u3",
            weight=1.25,
            signals={"near_text": 0.82345},
            evidence=[Evidence("near_text", "m5", "m6", "a\x00b", "ab", 40.5, "Jaccard 0.82")],
            reason="near-duplicate text",
        ),
        Link(a="u1", b="u3", weight=0.5, signals={"co_hashtag": 1.0}, reason="same hashtag"),
    ]
    communities = [
        Community(
            id=0,
            accounts=["u1", "u2", "u3"],
            score=0.8,
            signals={"co_text": 1},
            reason="3 accounts <co-posting>",
        )
    ]
    points = [
        TalkingPoint(
            id=0,
            text=NASTY,
            messages=4,
            versions=2,
            accounts=["u1", "u2", "u3"],
            linked=2,
            first_seen="2024-05-01T10:00:00Z",
            last_seen="2024-05-01T10:05:00Z",
            examples=["m1", "m2"],
            reason="4 messages by 3 accounts in 2 wordings; 2 of them linked in the network",
        )
    ]
    return Network(
        accounts=accounts,
        links=links,
        communities=communities,
        settings={"window": 60},
        talking_points=points,
    )


@pytest.fixture
def exported(tmp_path: Path) -> tuple[Network, Path, list[Path]]:
    network = _network()
    paths = export(network, tmp_path / "out")
    return network, tmp_path / "out", paths


def test_export_writes_every_format(exported) -> None:
    _, out, paths = exported
    names = [p.name for p in paths]
    assert names == [
        "network.gexf",
        "network.graphml",
        "nodes.csv",
        "edges.csv",
        "evidence.csv",
        "talking_points.csv",
        "campaigns.csv",
        "network.json",
        "network.html",
    ]
    assert all(p.parent == out and p.is_file() and p.stat().st_size > 0 for p in paths)


def test_gexf(exported) -> None:
    _, out, _ = exported
    root = etree.parse(str(out / "network.gexf")).getroot()
    assert root.tag == f"{GEXF}gexf" and root.get("version") == "1.3"
    graph = root.find(f"{GEXF}graph")
    assert graph.get("defaultedgetype") == "undirected"
    declared = {
        a.getparent().get("class") + ":" + a.get("title"): a.get("type")
        for a in graph.iter(f"{GEXF}attribute")
    }
    assert declared["node:messages"] == "integer"
    assert declared["node:score"] == "double"
    assert declared["edge:evidence_count"] == "integer"

    nodes = graph.findall(f"{GEXF}nodes/{GEXF}node")
    edges = graph.findall(f"{GEXF}edges/{GEXF}edge")
    assert len(nodes) == 4 and len(edges) == 3

    def values(el):
        return {v.get("for"): v.get("value") for v in el.iter(f"{GEXF}attvalue")}

    by_id = {n.get("id"): n for n in nodes}
    assert by_id["u1"].get("label") == "Fərid Murad"
    assert by_id["u3"].get("label") == "Ağa <Bəy>"
    assert by_id["u4"].get("label") == "u4"  # no display name: the id
    u1 = values(by_id["u1"])
    assert u1 == {
        "name": "Fərid Murad",
        "messages": "12",
        "community": "0",
        "score": "0.9",
        "flags": "burst=2;split=1",
        "reason": "burst of 9 posts & split name",
    }
    assert values(by_id["u4"])["community"] == "-1"

    first = edges[0]
    assert (first.get("source"), first.get("target"), first.get("weight")) == ("u1", "u2", "3.5")
    assert values(first) == {
        "signals": "co_text=2;name_variant=1",
        "reason": "2 identical posts <12s apart & name variant",
        "evidence_count": "3",
    }
    assert values(edges[1])["signals"] == "near_text=0.8235"


def test_graphml_reads_back_in_igraph(exported) -> None:
    _, out, _ = exported
    g = igraph.Graph.Read_GraphML(str(out / "network.graphml"))
    assert g.vcount() == 4 and g.ecount() == 3
    assert not g.is_directed()
    assert g.vs["id"] == ["u1", "u2", "u3", "u4"]
    assert g.vs["name"][0] == "Fərid Murad"
    assert g.vs["label"][2] == "Ağa <Bəy>"
    assert g.vs["community"] == [0, 0, 0, -1]
    assert g.vs["messages"] == [12, 7, 3, 1]
    assert g.es["weight"] == [3.5, 1.25, 0.5]
    assert g.es["signals"][0] == "co_text=2;name_variant=1"
    assert g.es["evidence_count"] == [3, 1, 0]
    assert [(e.source, e.target) for e in g.es] == [(0, 1), (1, 2), (0, 2)]


def _rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def test_csv(exported) -> None:
    _, out, _ = exported
    header, nodes = _rows(out / "nodes.csv")
    assert header == list(NODE_COLUMNS)
    assert header == ["Id", "Label", "community", "score", "messages", "flags", "reason"]
    assert [r["Id"] for r in nodes] == ["u1", "u2", "u3", "u4"]
    assert nodes[0]["Label"] == "Fərid Murad"
    assert nodes[0]["flags"] == "burst=2;split=1"
    assert nodes[3]["community"] == "-1"

    header, edges = _rows(out / "edges.csv")
    assert header == list(EDGE_COLUMNS)
    assert [(r["Source"], r["Target"], r["Type"], r["Weight"]) for r in edges] == [
        ("u1", "u2", "Undirected", "3.5"),
        ("u2", "u3", "Undirected", "1.25"),
        ("u1", "u3", "Undirected", "0.5"),
    ]
    assert edges[0]["signals"] == "co_text=2;name_variant=1"
    assert edges[0]["evidence"].startswith("co_text: identical text [m1/m2] gap 12s")
    assert "\n" not in edges[0]["evidence"]
    assert edges[2]["evidence"] == ""

    header, evidence = _rows(out / "evidence.csv")
    assert header == list(EVIDENCE_COLUMNS)
    link_rows = [r for r in evidence if r["kind"] == "link"]
    account_rows = [r for r in evidence if r["kind"] == "account"]
    assert len(link_rows) == 4 and len(account_rows) == 1
    assert link_rows[0]["text_a"] == 'Stop <b>reporting</b> & "lying"  now'  # \x07 removed
    assert link_rows[1]["text_a"] == "line one\nline two"  # kept whole
    assert link_rows[1]["gap_seconds"] == ""
    assert link_rows[3]["text_a"] == "ab" and link_rows[3]["gap_seconds"] == "40.5"
    assert account_rows[0]["account"] == "u1"
    assert account_rows[0]["signal"] == "burst"
    assert account_rows[0]["text_b"] == "second & last"


def test_json_round_trips(exported) -> None:
    network, out, _ = exported
    text = (out / "network.json").read_text(encoding="utf-8")
    assert "Fərid Murad" in text  # not \u escaped
    assert json.loads(text) == json.loads(json.dumps(network.as_dict()))


def test_html(exported) -> None:
    _, out, _ = exported
    page = (out / "network.html").read_text(encoding="utf-8")
    assert "<svg" in page and "</svg>" in page
    assert "Fərid Murad" in page
    assert "Ağa &lt;Bəy&gt;" in page
    assert "<Bəy>" not in page
    assert "2 identical posts &lt;12s apart &amp; name variant" in page
    assert "3 accounts &lt;co-posting&gt;" in page
    assert "4 accounts, 3 links, 1 communities" in page
    assert "<script" not in page and "http://" not in page.replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    )
    assert "\x07" not in page and "\x00" not in page
    # A valid XML fragment: the SVG parses on its own.
    svg = page[page.index("<svg") : page.index("</svg>") + 6]
    root = etree.fromstring(svg.encode("utf-8"))
    assert len(root.findall(".//{http://www.w3.org/2000/svg}circle")) == 4
    assert len(root.findall(".//{http://www.w3.org/2000/svg}line")) == 3


def test_html_layout_is_reproducible(tmp_path: Path) -> None:
    network = _network()
    first = write_html(network, tmp_path / "a.html").read_text(encoding="utf-8")
    second = write_html(network, tmp_path / "b.html").read_text(encoding="utf-8")
    assert first == second


def test_empty_network(tmp_path: Path) -> None:
    empty = Network(accounts=[], links=[], communities=[])
    paths = export(empty, tmp_path)
    assert len(paths) == 9
    page = (tmp_path / "network.html").read_text(encoding="utf-8")
    assert "No links between accounts" in page and "<svg" not in page
    root = etree.parse(str(tmp_path / "network.gexf")).getroot()
    assert root.findall(f".//{GEXF}node") == []
    g = igraph.Graph.Read_GraphML(str(tmp_path / "network.graphml"))
    assert g.vcount() == 0 and g.ecount() == 0
    assert _rows(tmp_path / "edges.csv") == (list(EDGE_COLUMNS), [])
    assert json.loads((tmp_path / "network.json").read_text(encoding="utf-8"))["links"] == []


def test_accounts_without_links(tmp_path: Path) -> None:
    lonely = Network(
        accounts=[Account(id="u1", name="Fərid", messages=2)], links=[], communities=[]
    )
    export(lonely, tmp_path, formats=("html", "csv"))
    assert "No links between accounts" in (tmp_path / "network.html").read_text(encoding="utf-8")
    assert [r["Id"] for r in _rows(tmp_path / "nodes.csv")[1]] == ["u1"]


def test_link_end_missing_from_accounts_becomes_a_node(tmp_path: Path) -> None:
    network = Network(
        accounts=[Account(id="u1", name=None, messages=1)],
        links=[Link(a="u1", b="u9", weight=1.0, signals={"co_link": 1.0})],
        communities=[],
    )
    export(network, tmp_path, formats=["graphml", "html"])
    g = igraph.Graph.Read_GraphML(str(tmp_path / "network.graphml"))
    assert g.vs["id"] == ["u1", "u9"] and g.ecount() == 1


def test_selected_formats_only(tmp_path: Path) -> None:
    paths = export(_network(), tmp_path, formats=["json", "GEXF"])
    assert [p.name for p in paths] == ["network.json", "network.gexf"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["network.gexf", "network.json"]
    assert [p.name for p in export(_network(), tmp_path / "one", formats="csv")] == [
        "nodes.csv",
        "edges.csv",
        "evidence.csv",
        "talking_points.csv",
        "campaigns.csv",
    ]


def test_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(ValueError) as err:
        export(_network(), tmp_path / "out", formats=("json", "dot"))
    message = str(err.value)
    assert "dot" in message
    assert all(f in message for f in FORMATS)
    assert not (tmp_path / "out").exists()  # nothing half-written


def test_talking_points_csv_and_html(exported) -> None:
    _, out, _ = exported
    header, points = _rows(out / "talking_points.csv")
    assert header[:3] == ["id", "accounts", "linked"]
    assert points[0]["account_ids"] == "u1;u2;u3" and points[0]["linked"] == "2"
    assert "\x07" not in points[0]["text"] and "<b>reporting</b>" in points[0]["text"]
    page = (out / "network.html").read_text(encoding="utf-8")
    assert "<h2>Talking points</h2>" in page and "&lt;b&gt;reporting" in page
    assert json.loads((out / "network.json").read_text())["talking_points"][0]["linked"] == 2
