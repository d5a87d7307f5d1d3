"""Exporters for a coordination :class:`~casework.coordination.model.Network`.

An analyst reads the result in whatever tool they already use: Gephi (GEXF, or the
nodes/edges CSV pair through its spreadsheet import), any graph library (GraphML),
a script (JSON), or a browser with no network (one self-contained HTML file). Every
format carries the reason behind each account and link, so an edge can be checked by
reading its evidence rather than trusted as a number; ``evidence.csv`` and the JSON keep
every Evidence item so nothing the detector found is lost in export.

Text in the network comes from scraped posts and may hold anything, including control
characters that XML forbids and markup that HTML would run; every writer cleans and
escapes it (the JSON keeps it verbatim, as JSON escapes all of it).
"""

from __future__ import annotations

import csv
import html
import json
import math
import random
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from lxml import etree

from casework.coordination.model import ACCOUNT_SIGNALS, SIGNALS, Account, Evidence, Link, Network

FORMATS: tuple[str, ...] = ("gexf", "graphml", "csv", "json", "html")

GEXF_NS = "http://gexf.net/1.3"
GEXF_VIZ_NS = "http://gexf.net/1.3/viz"
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"

# File names are fixed so a script or a colleague finds the same file in every run.
FILE_NAMES: dict[str, tuple[str, ...]] = {
    "gexf": ("network.gexf",),
    "graphml": ("network.graphml",),
    "csv": ("nodes.csv", "edges.csv", "evidence.csv", "talking_points.csv", "campaigns.csv"),
    "json": ("network.json",),
    "html": ("network.html",),
}

NODE_COLUMNS = ("Id", "Label", "community", "score", "messages", "flags", "reason")
EDGE_COLUMNS = ("Source", "Target", "Type", "Weight", "signals", "reason", "evidence")
# One row per campaign member: the comment-wave view (casework.coordination.waves).
CAMPAIGN_COLUMNS = (
    "campaign",
    "thread",
    "kind",
    "score",
    "account",
    "points",
    "signs",
    "messages",
    "reason",
)
TALKING_POINT_COLUMNS = (
    "id",
    "accounts",
    "linked",
    "messages",
    "versions",
    "first_seen",
    "last_seen",
    "text",
    "account_ids",
    "examples",
    "reason",
)
EVIDENCE_COLUMNS = (
    "kind",  # "link" (a, b set) or "account" (account set)
    "a",
    "b",
    "account",
    "signal",
    "message_a",
    "message_b",
    "gap_seconds",
    "detail",
    "text_a",
    "text_b",
)

# (title, GEXF type, GraphML type) for each attribute; one list keeps the formats alike.
NODE_ATTRIBUTES = (
    ("name", "string", "string"),
    ("messages", "integer", "int"),
    ("community", "integer", "int"),
    ("score", "double", "double"),
    ("flags", "string", "string"),
    ("reason", "string", "string"),
)
EDGE_ATTRIBUTES = (
    ("signals", "string", "string"),
    ("reason", "string", "string"),
    ("evidence_count", "integer", "int"),
)

# Colour-blind-friendly qualitative palette (Okabe-Ito, then Tableau extras).
PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#D55E00",
    "#CC79A7",
    "#56B4E9",
    "#F0E442",
    "#8C564B",
    "#7F7F7F",
    "#BCBD22",
    "#17BECF",
    "#9467BD",
)
NO_COMMUNITY_COLOUR = "#B0B0B0"

# XML 1.0 forbids C0 controls other than tab/newline/CR, lone surrogates and U+FFFE/F;
# DEL and C1 controls are legal but render as garbage in Gephi and browsers, so they go too.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACE = re.compile(r"\s+")

EVIDENCE_SUMMARY_ITEMS = 3
EVIDENCE_SUMMARY_CHARS = 400
TOP_LINKS = 20
LAYOUT_SEED = 20240601
SVG_WIDTH = 960
SVG_HEIGHT = 640
SVG_MARGIN = 30
SVG_LABEL_LIMIT = 80  # above this many nodes, labels only clutter; tooltips remain


# --- small helpers -----------------------------------------------------------------------


def clean_text(value: object) -> str:
    """Text safe for XML, CSV and HTML: None -> "", control characters removed."""
    if value is None:
        return ""
    return _CONTROL.sub("", str(value))


def _one_line(value: object) -> str:
    """Clean text on one line, for table cells that spreadsheet importers read row by row."""
    return _SPACE.sub(" ", clean_text(value)).strip()


def _num(value: float | int | None) -> str:
    """A number as short text: 2 not 2.0, 0.8235 not 0.82345678; "" for None."""
    if value is None:
        return ""
    number = float(value)
    if math.isfinite(number) and number.is_integer():
        return str(int(number))
    return format(round(number, 4), "g")


def _ordered(keys: Iterable[str], order: Sequence[str]) -> list[str]:
    """Known signals in their report order, then any others alphabetically."""
    keys = list(keys)
    known = [k for k in order if k in keys]
    return known + sorted(k for k in keys if k not in order)


def format_signals(signals: dict[str, float]) -> str:
    """``{"co_text": 2, "name_variant": 1}`` -> ``"co_text=2;name_variant=1"``."""
    return ";".join(f"{k}={_num(signals[k])}" for k in _ordered(signals, SIGNALS))


def format_flags(flags: dict[str, int]) -> str:
    """``{"burst": 1, "split": 1}`` -> ``"burst=1;split=1"``."""
    return ";".join(f"{k}={_num(flags[k])}" for k in _ordered(flags, ACCOUNT_SIGNALS))


def _community(account: Account) -> int:
    """-1 for no community: Gephi and GraphML need an integer in every row."""
    return -1 if account.community is None else account.community


def _label(account: Account) -> str:
    return _one_line(account.name) or _one_line(account.id)


def _nodes(network: Network) -> list[Account]:
    """The accounts, plus a bare one for any link end missing from them.

    Every format must be self-consistent: an edge to an undeclared node breaks GEXF and
    GraphML readers, so a link never points at nothing.
    """
    nodes = list(network.accounts)
    known = {a.id for a in nodes}
    for link in network.links:
        for end in (link.a, link.b):
            if end not in known:
                known.add(end)
                nodes.append(Account(id=end, name=None, messages=0))
    return nodes


def _node_values(account: Account) -> dict[str, str]:
    return {
        "name": _one_line(account.name),
        "messages": str(int(account.messages)),
        "community": str(_community(account)),
        "score": _num(account.score),
        "flags": format_flags(account.flags),
        "reason": _one_line(account.reason),
    }


def _edge_values(link: Link) -> dict[str, str]:
    return {
        "signals": format_signals(link.signals),
        "reason": _one_line(link.reason),
        "evidence_count": str(len(link.evidence)),
    }


def _evidence_line(evidence: Evidence) -> str:
    messages = "/".join(m for m in (evidence.message_a, evidence.message_b) if m)
    text = f"{evidence.signal}: {evidence.detail}"
    if messages:
        text += f" [{messages}]"
    if evidence.gap_seconds is not None:
        text += f" gap {_num(evidence.gap_seconds)}s"
    return text


def evidence_summary(link: Link) -> str:
    """A short, one-line account of a link's first evidence items, for a table cell."""
    parts = [_evidence_line(e) for e in link.evidence[:EVIDENCE_SUMMARY_ITEMS]]
    more = len(link.evidence) - EVIDENCE_SUMMARY_ITEMS
    if more > 0:
        parts.append(f"+{more} more")
    text = _one_line(" | ".join(parts))
    if len(text) > EVIDENCE_SUMMARY_CHARS:
        text = text[: EVIDENCE_SUMMARY_CHARS - 1].rstrip() + "…"
    return text


def _colour(community: int | None) -> str:
    if community is None or community < 0:
        return NO_COMMUNITY_COLOUR
    return PALETTE[community % len(PALETTE)]


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _write_xml(root: etree._Element, path: Path) -> None:
    etree.ElementTree(root).write(
        str(path), xml_declaration=True, encoding="UTF-8", pretty_print=True
    )


# --- GEXF --------------------------------------------------------------------------------


def write_gexf(network: Network, path: str | Path) -> Path:
    """Write GEXF 1.3 (undirected), the format Gephi opens with all attributes typed.

    Nodes also carry ``viz:color`` (by community) and ``viz:size`` (by score), so the
    first picture Gephi draws already shows the groups.
    """
    path = Path(path)
    nsmap = {None: GEXF_NS, "viz": GEXF_VIZ_NS, "xsi": XSI_NS}
    root = etree.Element(f"{{{GEXF_NS}}}gexf", nsmap=nsmap, version="1.3")
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{GEXF_NS} {GEXF_NS}/gexf.xsd")
    meta = etree.SubElement(root, f"{{{GEXF_NS}}}meta")
    etree.SubElement(meta, f"{{{GEXF_NS}}}creator").text = "casework"
    etree.SubElement(
        meta, f"{{{GEXF_NS}}}description"
    ).text = "Accounts linked by coordinated activity"
    graph = etree.SubElement(
        root, f"{{{GEXF_NS}}}graph", defaultedgetype="undirected", mode="static"
    )
    for cls, attributes in (("node", NODE_ATTRIBUTES), ("edge", EDGE_ATTRIBUTES)):
        declared = etree.SubElement(graph, f"{{{GEXF_NS}}}attributes", {"class": cls})
        for title, gexf_type, _ in attributes:
            etree.SubElement(
                declared, f"{{{GEXF_NS}}}attribute", id=title, title=title, type=gexf_type
            )

    nodes = _nodes(network)
    max_score = max((a.score for a in nodes), default=0.0)
    nodes_el = etree.SubElement(graph, f"{{{GEXF_NS}}}nodes")
    for account in nodes:
        node = etree.SubElement(
            nodes_el, f"{{{GEXF_NS}}}node", id=clean_text(account.id), label=_label(account)
        )
        attvalues = etree.SubElement(node, f"{{{GEXF_NS}}}attvalues")
        for key, value in _node_values(account).items():
            etree.SubElement(attvalues, f"{{{GEXF_NS}}}attvalue", {"for": key, "value": value})
        r, g, b = _rgb(_colour(account.community))
        etree.SubElement(node, f"{{{GEXF_VIZ_NS}}}color", r=str(r), g=str(g), b=str(b))
        etree.SubElement(node, f"{{{GEXF_VIZ_NS}}}size", value=_num(_size(account, max_score)))

    edges_el = etree.SubElement(graph, f"{{{GEXF_NS}}}edges")
    for i, link in enumerate(network.links):
        edge = etree.SubElement(
            edges_el,
            f"{{{GEXF_NS}}}edge",
            id=str(i),
            source=clean_text(link.a),
            target=clean_text(link.b),
            weight=_num(link.weight),
        )
        attvalues = etree.SubElement(edge, f"{{{GEXF_NS}}}attvalues")
        for key, value in _edge_values(link).items():
            etree.SubElement(attvalues, f"{{{GEXF_NS}}}attvalue", {"for": key, "value": value})
    _write_xml(root, path)
    return path


# --- GraphML -----------------------------------------------------------------------------


def write_graphml(network: Network, path: str | Path) -> Path:
    """Write GraphML with typed keys, for igraph, networkx, yEd, Cytoscape and Gephi.

    Written with lxml rather than igraph so the key types and the escaping are ours and
    the same as in the GEXF; ``label`` is a key too, as GraphML has no built-in label.
    """
    path = Path(path)
    root = etree.Element(f"{{{GRAPHML_NS}}}graphml", nsmap={None: GRAPHML_NS, "xsi": XSI_NS})
    root.set(
        f"{{{XSI_NS}}}schemaLocation",
        f"{GRAPHML_NS} {GRAPHML_NS}/1.0/graphml.xsd",
    )
    node_keys = (("label", "", "string"), *NODE_ATTRIBUTES)
    edge_keys = (("weight", "", "double"), *EDGE_ATTRIBUTES)
    ids: dict[tuple[str, str], str] = {}
    for domain, keys in (("node", node_keys), ("edge", edge_keys)):
        for title, _, graphml_type in keys:
            key_id = f"{domain[0]}_{title}"
            ids[domain, title] = key_id
            etree.SubElement(
                root,
                f"{{{GRAPHML_NS}}}key",
                {"id": key_id, "for": domain, "attr.name": title, "attr.type": graphml_type},
            )
    graph = etree.SubElement(root, f"{{{GRAPHML_NS}}}graph", id="G", edgedefault="undirected")

    for account in _nodes(network):
        node = etree.SubElement(graph, f"{{{GRAPHML_NS}}}node", id=clean_text(account.id))
        values = {"label": _label(account), **_node_values(account)}
        for key, value in values.items():
            etree.SubElement(node, f"{{{GRAPHML_NS}}}data", key=ids["node", key]).text = value
    for i, link in enumerate(network.links):
        edge = etree.SubElement(
            graph,
            f"{{{GRAPHML_NS}}}edge",
            id=f"e{i}",
            source=clean_text(link.a),
            target=clean_text(link.b),
        )
        values = {"weight": _num(link.weight), **_edge_values(link)}
        for key, value in values.items():
            etree.SubElement(edge, f"{{{GRAPHML_NS}}}data", key=ids["edge", key]).text = value
    _write_xml(root, path)
    return path


# --- CSV ---------------------------------------------------------------------------------


def _evidence_row(kind: str, evidence: Evidence, **ends: str) -> dict[str, str]:
    return {
        "kind": kind,
        "a": ends.get("a", ""),
        "b": ends.get("b", ""),
        "account": ends.get("account", ""),
        "signal": clean_text(evidence.signal),
        "message_a": clean_text(evidence.message_a),
        "message_b": clean_text(evidence.message_b),
        "gap_seconds": _num(evidence.gap_seconds),
        "detail": clean_text(evidence.detail),
        "text_a": clean_text(evidence.text_a),
        "text_b": clean_text(evidence.text_b),
    }


def write_csv(network: Network, directory: str | Path) -> list[Path]:
    """Write ``nodes.csv`` and ``edges.csv`` for Gephi's spreadsheet import, and
    ``evidence.csv`` with every Evidence item of every link and account.

    Nodes and edges use Gephi's own column names (Id, Label, Source, Target, Type, Weight)
    so the importer maps them without questions; their cells stay on one line. The
    evidence file keeps post texts whole (newlines quoted by the csv module).
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    nodes_path = directory / "nodes.csv"
    edges_path = directory / "edges.csv"
    evidence_path = directory / "evidence.csv"
    nodes = _nodes(network)

    with nodes_path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=NODE_COLUMNS)
        writer.writeheader()
        for account in nodes:
            values = _node_values(account)
            writer.writerow(
                {
                    "Id": clean_text(account.id),
                    "Label": _label(account),
                    "community": values["community"],
                    "score": values["score"],
                    "messages": values["messages"],
                    "flags": values["flags"],
                    "reason": values["reason"],
                }
            )

    with edges_path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=EDGE_COLUMNS)
        writer.writeheader()
        for link in network.links:
            writer.writerow(
                {
                    "Source": clean_text(link.a),
                    "Target": clean_text(link.b),
                    "Type": "Undirected",
                    "Weight": _num(link.weight),
                    "signals": format_signals(link.signals),
                    "reason": _one_line(link.reason),
                    "evidence": evidence_summary(link),
                }
            )

    with evidence_path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=EVIDENCE_COLUMNS)
        writer.writeheader()
        for link in network.links:
            a, b = clean_text(link.a), clean_text(link.b)
            for evidence in link.evidence:
                writer.writerow(_evidence_row("link", evidence, a=a, b=b))
        for account in nodes:
            for evidence in account.evidence:
                writer.writerow(_evidence_row("account", evidence, account=clean_text(account.id)))

    points_path = directory / "talking_points.csv"
    with points_path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=TALKING_POINT_COLUMNS)
        writer.writeheader()
        for point in network.talking_points:
            writer.writerow(
                {
                    "id": point.id,
                    "accounts": len(point.accounts),
                    "linked": point.linked,
                    "messages": point.messages,
                    "versions": point.versions,
                    "first_seen": point.first_seen or "",
                    "last_seen": point.last_seen or "",
                    "text": _one_line(point.text),
                    "account_ids": ";".join(clean_text(a) for a in point.accounts),
                    "examples": ";".join(clean_text(m) for m in point.examples),
                    "reason": point.reason,
                }
            )
    campaigns_path = directory / "campaigns.csv"
    with campaigns_path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=CAMPAIGN_COLUMNS)
        writer.writeheader()
        for campaign in network.campaigns:
            for member in campaign.members:
                writer.writerow(
                    {
                        "campaign": campaign.id,
                        "thread": campaign.thread or "",
                        "kind": campaign.kind,
                        "score": _num(campaign.score),
                        "account": clean_text(member.account),
                        "points": _one_line("; ".join(member.points)),
                        "signs": _one_line(", ".join(member.signs)),
                        "messages": ";".join(clean_text(m["id"]) for m in member.messages),
                        "reason": _one_line(campaign.reason),
                    }
                )
    return [nodes_path, edges_path, evidence_path, points_path, campaigns_path]


# --- JSON --------------------------------------------------------------------------------


def write_json(network: Network, path: str | Path) -> Path:
    """Write ``network.as_dict()`` as UTF-8 JSON: the complete, lossless record."""
    path = Path(path)
    with path.open("w", encoding="utf-8") as fh:
        json.dump(network.as_dict(), fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    return path


# --- HTML --------------------------------------------------------------------------------


def _size(account: Account, max_score: float) -> float:
    """Node radius from score: area, not radius, grows with it, so big scores don't swamp."""
    if max_score <= 0:
        return 6.0
    return 4.0 + 12.0 * math.sqrt(max(account.score, 0.0) / max_score)


def _layout(nodes: Sequence[Account], links: Sequence[Link]) -> list[tuple[float, float]]:
    """Fruchterman-Reingold positions, the same on every run for the same network.

    igraph draws from Python's ``random`` module; a seeded generator is swapped in for
    the call and the module put back, so the picture is reproducible and no one else's
    randomness is disturbed. A circle is used where igraph is not installed.
    """
    n = len(nodes)
    try:
        import igraph
    except ImportError:  # pragma: no cover - igraph is installed where tests run
        return [(math.cos(2 * math.pi * i / n), math.sin(2 * math.pi * i / n)) for i in range(n)]
    index = {a.id: i for i, a in enumerate(nodes)}
    graph = igraph.Graph(n=n, edges=[(index[link.a], index[link.b]) for link in links])
    max_weight = max((link.weight for link in links), default=1.0) or 1.0
    weights = [max(link.weight / max_weight, 0.05) for link in links]
    # igraph's own random start (spread over sqrt(n)) comes from the seeded generator;
    # a tight start like a unit circle crowds its grid and makes big layouts 20x slower.
    igraph.set_random_number_generator(random.Random(LAYOUT_SEED))
    try:
        layout = graph.layout_fruchterman_reingold(weights=weights or None)
    finally:
        igraph.set_random_number_generator(random)
    return [(float(x), float(y)) for x, y in layout.coords]


def _fit(points: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """Scale layout coordinates into the SVG box, keeping the aspect ratio."""
    if not points:
        return []
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    inner_w = SVG_WIDTH - 2 * SVG_MARGIN
    inner_h = SVG_HEIGHT - 2 * SVG_MARGIN
    scale = min(inner_w, inner_h) / span
    off_x = SVG_MARGIN + (inner_w - (max(xs) - min(xs)) * scale) / 2
    off_y = SVG_MARGIN + (inner_h - (max(ys) - min(ys)) * scale) / 2
    return [(off_x + (x - min(xs)) * scale, off_y + (y - min(ys)) * scale) for x, y in points]


def _e(value: object) -> str:
    """Escape for HTML text and attributes, after removing control characters."""
    return html.escape(clean_text(value), quote=True)


def svg(network: Network) -> str:
    nodes = _nodes(network)
    positions = dict(zip((a.id for a in nodes), _fit(_layout(nodes, network.links)), strict=True))
    by_id = {a.id: a for a in nodes}
    max_score = max((a.score for a in nodes), default=0.0)
    max_weight = max((link.weight for link in network.links), default=1.0) or 1.0
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SVG_WIDTH} {SVG_HEIGHT}" '
        f'width="100%" role="img" aria-label="Network of {len(nodes)} accounts">',
        '<g class="edges">',
    ]
    for link in network.links:
        (x1, y1), (x2, y2) = positions[link.a], positions[link.b]
        a, b = by_id[link.a], by_id[link.b]
        same = a.community is not None and a.community == b.community
        colour = _colour(a.community) if same else "#999999"
        width = 0.5 + 4.5 * max(link.weight, 0.0) / max_weight
        tip = (
            f"{_label(a)} – {_label(b)}\nweight {_num(link.weight)}; "
            f"{format_signals(link.signals)}\n{clean_text(link.reason)}"
        )
        out.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="{colour}" stroke-opacity="0.6" stroke-width="{width:.2f}">'
            f"<title>{_e(tip)}</title></line>"
        )
    out.append('</g><g class="nodes">')
    for account in nodes:
        x, y = positions[account.id]
        tip = f"{_label(account)} ({clean_text(account.id)})\nscore {_num(account.score)}"
        if account.reason:
            tip += f"\n{clean_text(account.reason)}"
        out.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{_size(account, max_score):.1f}" '
            f'fill="{_colour(account.community)}" stroke="#ffffff" stroke-width="1">'
            f"<title>{_e(tip)}</title></circle>"
        )
    if len(nodes) <= SVG_LABEL_LIMIT:
        out.append('</g><g class="labels">')
        for account in nodes:
            x, y = positions[account.id]
            r = _size(account, max_score)
            out.append(f'<text x="{x + r + 2:.1f}" y="{y + 4:.1f}">{_e(_label(account))}</text>')
    out.append("</g></svg>")
    return "\n".join(out)


_STYLE = """
body { font-family: system-ui, sans-serif; margin: 1.5em; color: #222; }
svg { border: 1px solid #ddd; background: #fcfcfc; max-width: 1100px; }
svg text { font-size: 11px; fill: #333; pointer-events: none; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 50%; }
.empty { color: #666; font-style: italic; }
"""


def _community_table(network: Network, names: dict[str, str]) -> str:
    if not network.communities:
        return '<p class="empty">No communities.</p>'
    rows = []
    for c in sorted(network.communities, key=lambda c: (-c.score, c.id)):
        members = [names.get(a, a) for a in c.accounts]
        shown = ", ".join(members[:10]) + (
            f" +{len(members) - 10} more" if len(members) > 10 else ""
        )
        rows.append(
            "<tr>"
            f'<td><span class="swatch" style="background:{_colour(c.id)}"></span> {c.id}</td>'
            f'<td><span class="num">{len(members)}</span>: {_e(shown)}</td>'
            f'<td class="num">{_e(_num(c.score))}</td>'
            f"<td>{_e(c.reason)}</td>"
            "</tr>"
        )
    return (
        "<table><thead><tr><th>Community</th><th>Accounts</th><th>Score</th>"
        "<th>Reason</th></tr></thead><tbody>\n" + "\n".join(rows) + "\n</tbody></table>"
    )


def _links_table(network: Network, names: dict[str, str]) -> str:
    top = sorted(network.links, key=lambda link: (-link.weight, link.a, link.b))[:TOP_LINKS]
    rows = [
        "<tr>"
        f"<td>{_e(names.get(link.a, link.a))}</td>"
        f"<td>{_e(names.get(link.b, link.b))}</td>"
        f'<td class="num">{_e(_num(link.weight))}</td>'
        f"<td>{_e(format_signals(link.signals))}</td>"
        f"<td>{_e(link.reason)}</td>"
        "</tr>"
        for link in top
    ]
    return (
        "<table><thead><tr><th>Account</th><th>Account</th><th>Weight</th><th>Signals</th>"
        "<th>Reason</th></tr></thead><tbody>\n" + "\n".join(rows) + "\n</tbody></table>"
    )


def _talking_points_table(network: Network) -> str:
    rows = [
        "<tr>"
        f'<td class="num">{len(point.accounts)}</td>'
        f'<td class="num">{point.linked}</td>'
        f'<td class="num">{point.messages}</td>'
        f"<td>{_e(clean_text(point.text))}</td>"
        "</tr>"
        for point in network.talking_points[:TOP_LINKS]
    ]
    return (
        "<table><thead><tr><th>Accounts</th><th>Linked</th><th>Messages</th><th>Text</th>"
        "</tr></thead><tbody>\n" + "\n".join(rows) + "\n</tbody></table>"
    )


def write_html(network: Network, path: str | Path) -> Path:
    """Write one self-contained HTML page: an SVG picture of the network and a summary.

    No scripts, styles or fonts are fetched, so the file opens offline and can be mailed
    or archived with a case file. Hovering a node or edge shows its reason.
    """
    path = Path(path)
    nodes = _nodes(network)
    names = {
        a.id: f"{_label(a)} ({clean_text(a.id)})" if a.name else clean_text(a.id) for a in nodes
    }
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Coordinated accounts</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<h1>Coordinated accounts</h1>",
    ]
    if network.links:
        parts.append(svg(network))
    else:
        parts.append(
            '<p class="empty">No links between accounts were found: there is no network '
            "to draw.</p>"
        )
    parts += [
        "<h2>Summary</h2>",
        f"<p>{len(nodes)} accounts, {len(network.links)} links, "
        f"{len(network.communities)} communities.</p>",
        "<h2>Communities</h2>",
        _community_table(network, names),
    ]
    if network.links:
        shown = min(TOP_LINKS, len(network.links))
        parts += [f"<h2>Top {shown} links</h2>", _links_table(network, names)]
    if network.talking_points:
        parts += ["<h2>Talking points</h2>", _talking_points_table(network)]
    parts.append("</body></html>\n")
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


# --- all at once -------------------------------------------------------------------------


def export(network: Network, out_dir: str | Path, formats: Iterable[str] = FORMATS) -> list[Path]:
    """Write the network in each of ``formats`` into ``out_dir`` under fixed file names.

    Formats are checked before anything is written, so a typo does not leave a half
    export behind. Returns the paths written, in the order of ``formats``.
    """
    if isinstance(formats, str):  # export(net, d, "csv") means one format, not c, s, v
        formats = [formats]
    wanted = [f.strip().lower() for f in formats]
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown:
        raise ValueError(
            f"unknown export format(s): {', '.join(unknown)}; known: {', '.join(FORMATS)}"
        )
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for fmt in dict.fromkeys(wanted):
        if fmt == "gexf":
            written.append(write_gexf(network, out / "network.gexf"))
        elif fmt == "graphml":
            written.append(write_graphml(network, out / "network.graphml"))
        elif fmt == "csv":
            written.extend(write_csv(network, out))
        elif fmt == "json":
            written.append(write_json(network, out / "network.json"))
        elif fmt == "html":
            written.append(write_html(network, out / "network.html"))
    return written
