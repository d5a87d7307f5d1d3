"""`casework coordination`: accounts that post alike, and campaigns in comment sections,
with the evidence for each."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from casework.cli.common import (
    DEFAULT_WORKSPACE_PATH,
    ListFormat,
    PseudonymiseOption,
    WorkspaceOption,
    open_workspace,
)
from casework.cli.output import print_json, stderr, stdout
from casework.coordination import (
    SIGNALS,
    Settings,
    detect,
    load_backgrounds,
    load_file,
    load_workspace,
)
from casework.coordination.pseudonyms import pseudonymised, workspace_key
from casework.coordination.window import parse_window
from casework.errors import CaseworkError, Errors
from casework.ingest import Mapping


def coordination_command(
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    input: Annotated[
        Path | None,
        typer.Option(help="A posts file (CSV or JSON lines) instead of the workspace."),
    ] = None,
    mapping: Annotated[
        Path | None, typer.Option(help="YAML/JSON column mapping for --input.")
    ] = None,
    window: Annotated[
        str, typer.Option(help="Time window: 90s, 15m, 1h, 1d, or 'corpus' for none.")
    ] = "1h",
    signals: Annotated[
        str, typer.Option(help="Comma-separated signals (default all): " + ", ".join(SIGNALS))
    ] = ",".join(SIGNALS),
    min_weight: Annotated[
        float, typer.Option(help="Weakest link kept in the network.", min=0.0)
    ] = 2.0,
    min_repeats: Annotated[
        int, typer.Option(help="Co-actions a link needs (one shared text can be chance).", min=1)
    ] = 2,
    false_rate: Annotated[
        float,
        typer.Option(
            help="Share of links that may be chance (Benjamini-Hochberg over all pairs).",
            min=0.0,
            max=1.0,
        ),
    ] = 0.005,
    out: Annotated[
        Path | None,
        typer.Option(help="Write GEXF, GraphML, CSV, JSON and an HTML picture to this folder."),
    ] = None,
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.table,
    pseudonymise: PseudonymiseOption = False,
) -> None:
    """Find accounts that post alike and campaigns in comment sections, with the evidence."""
    try:
        settings = Settings(
            window=parse_window(window),
            signals=tuple(s.strip() for s in signals.split(",") if s.strip()),
            min_weight=min_weight,
            min_repeats=min_repeats,
            false_rate=false_rate,
        )
        backgrounds: dict[str, str] = {}
        key = None
        if input is not None:
            table = load_file(input, Mapping.load(mapping) if mapping else None)
            if pseudonymise:
                key = workspace_key(None)
        else:
            with open_workspace(workspace) as ws:
                table = load_workspace(ws.backend)
                backgrounds = load_backgrounds(ws.backend)
                if pseudonymise:
                    key = workspace_key(ws.backend)
            if not len(table):
                raise CaseworkError(Errors.E503, path=str(workspace))
    except CaseworkError as exc:
        where = f"{getattr(exc, 'source', '')}: " if getattr(exc, "source", "") else ""
        stderr.print(f"[red]error[/red] {where}{exc.message}")
        raise typer.Exit(2) from exc
    network = detect(table, settings, backgrounds)
    if key is not None:
        network = pseudonymised(network, key)
    if out is not None:
        from casework.coordination.export import export

        written = export(network, out)
        stderr.print(f"wrote {', '.join(str(p) for p in written)}")
    if format is ListFormat.json:
        print_json(network.as_dict())
        return
    _print(network)


def _print(network) -> None:
    s = network.settings
    stdout.print(
        f"{s['messages']} messages by {s['accounts']} accounts: {len(network.links)} links, "
        f"{len(network.communities)} communities, "
        f"{sum(1 for a in network.accounts if a.flags)} accounts with bursts or split messages, "
        f"{len(network.talking_points)} talking points; "
        f"{len(network.campaigns)} campaigns, {len(network.claims)} claims pushed by "
        "three or more accounts of a thread",
        highlight=False,
    )
    _print_campaigns(network)
    if network.links:
        table = Table("weight", "account", "account", "why", title="links")
        for link in network.links[:50]:
            table.add_row(f"{link.weight:.2f}", escape(link.a), escape(link.b), escape(link.reason))
        stdout.print(table)
        for link in network.links[:10]:
            stdout.print(f"\n{link.a} — {link.b}", highlight=False, markup=False)
            for e in link.evidence[:3]:
                gap = "" if e.gap_seconds is None else f", {e.gap_seconds:.0f} s apart"
                stdout.print(f"  {e.signal}: {e.detail}{gap}", highlight=False, markup=False)
                for who, text in (("a", e.text_a), ("b", e.text_b)):
                    if text:
                        short = text if len(text) <= 140 else text[:137] + "..."
                        stdout.print(f"    {who}: {short}", highlight=False, markup=False)
    flagged = [a for a in network.accounts if a.flags]
    if flagged:
        table = Table("account", "bursts", "split messages", title="posting patterns")
        for a in flagged:
            table.add_row(escape(a.id), str(a.flags.get("burst", 0)), str(a.flags.get("split", 0)))
        stdout.print(table)
    for c in network.communities:
        stdout.print(
            f"\ncommunity {c.id} (score {c.score:.2f}): {c.reason}", highlight=False, markup=False
        )
        stdout.print("  " + ", ".join(c.accounts), highlight=False, markup=False)
    if network.talking_points:
        table = Table("accounts", "linked", "messages", "text", title="talking points")
        for point in network.talking_points[:20]:
            short = point.text if len(point.text) <= 120 else point.text[:117] + "..."
            table.add_row(
                str(len(point.accounts)), str(point.linked), str(point.messages), escape(short)
            )
        stdout.print(table)


def _print_campaigns(network) -> None:
    """The comment-wave view: each campaign with its members and what puts them there."""
    for c in network.campaigns:
        where = f" under {c.thread}" if c.thread else ""
        stdout.print(
            f"\ncampaign {c.id}{where} (score {c.score:.2f}): {c.reason}",
            highlight=False,
            markup=False,
        )
        if c.talking_points and c.kind == "talking_points":
            stdout.print("  talking points: " + "; ".join(c.talking_points), markup=False)
        for m in c.members:
            why = ", ".join(filter(None, ["; ".join(m.points), ", ".join(m.signs)]))
            stdout.print(f"  {m.account}: {why}", highlight=False, markup=False)
            for message in m.messages[:2]:
                text = message["text"] or ""
                short = text if len(text) <= 140 else text[:137] + "..."
                stdout.print(f"    {message['id']}: {short}", highlight=False, markup=False)
    if network.claims:
        table = Table("accounts", "claim", "phrases", title="claims pushed in a thread")
        for claim in sorted(network.claims, key=lambda c: -len(c.accounts))[:20]:
            table.add_row(
                str(len(claim.accounts)), escape(claim.label), escape(", ".join(claim.phrases[:4]))
            )
        stdout.print(table)
