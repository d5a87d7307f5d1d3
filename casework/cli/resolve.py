"""`casework resolve` and `casework entities`: who is who, and a person's judgements."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer
from rich.table import Table

from casework.cli.common import (
    DEFAULT_WORKSPACE_PATH,
    ListFormat,
    WorkspaceOption,
    fail,
    one_verdict,
    open_workspace,
)
from casework.cli.output import print_json, stderr, stdout
from casework.errors import CaseworkError
from casework.resolve import ResolveReport, decide, find_entity, record, run
from casework.resolve.catalog import list_entities, review_queue
from casework.store.backend import Backend

resolve_app = typer.Typer(
    help="Resolve mentions into entities; review uncertain merges; record decisions.",
    invoke_without_command=True,
    no_args_is_help=False,
)


class Label(StrEnum):
    PERSON = "PERSON"
    ORG = "ORG"
    PLACE = "PLACE"
    LAW = "LAW"
    ACCOUNT = "ACCOUNT"


def _resolve(backend: Backend) -> ResolveReport:
    try:
        return run(backend)
    except CaseworkError as exc:
        raise fail(exc) from exc


def _rescreen(backend: Backend) -> str | None:
    """Screen the entities again after a decision re-resolved them, when they had
    been screened: a merged or split entity then has its own screening at the
    next `casework casefile`, with no other command to run."""
    if not backend.scalar("SELECT count(*) FROM screened_entities"):
        return None
    from casework.screen import entities as screening
    from casework.screen.session import ScreeningSession

    try:
        session = ScreeningSession.open(backend, record=False, show_ruled_out=True)
    except CaseworkError:
        return None  # the lists were removed since: nothing to screen against
    report = screening.run(backend, session)
    session.close()
    return f"screened again: {report.screened} subjects, {report.hits} with a list hit"


@resolve_app.callback()
def resolve_command(
    ctx: typer.Context,
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.table,
) -> None:
    """Group every extracted mention (and commenter) into entities."""
    if ctx.invoked_subcommand is not None:
        return
    with open_workspace(workspace) as ws:
        report = _resolve(ws.backend)
    if format is ListFormat.json:
        print_json(
            {
                "mentions": report.mentions,
                "document_groups": report.groups,
                "entities": dict(report.entities),
                "across_documents": report.across_documents,
                "accounts": report.accounts,
                "review": report.review,
                "decisions": report.decisions,
                "seconds": round(report.seconds, 3),
            }
        )
        return
    rate = report.mentions / report.seconds if report.seconds else 0.0
    stdout.print(
        f"{report.mentions} mentions into {sum(report.entities.values())} entities "
        f"({report.across_documents} named in several documents) and {report.accounts} "
        f"accounts in {report.seconds:.1f} s ({rate:,.0f} mentions/s)",
        highlight=False,
    )
    table = Table("kind", "entities", box=None)
    for label, count in report.entities.most_common():
        table.add_row(label, str(count))
    stdout.print(table)
    stdout.print(
        f"{report.review} pairs to review (`casework resolve review`); "
        f"{report.decisions} decisions honoured",
        highlight=False,
    )


@resolve_app.command("decide")
def decide_command(
    left: Annotated[
        str, typer.Argument(help="An entity id (or its start), exact name, or a mention id.")
    ],
    right: Annotated[str, typer.Argument(help="The other entity.")],
    same: Annotated[bool, typer.Option("--same", help="They are one entity.")] = False,
    different: Annotated[
        bool, typer.Option("--different", help="They are two; never merge them.")
    ] = False,
    unsure: Annotated[bool, typer.Option("--unsure", help="Keep them in review.")] = False,
    note: Annotated[str | None, typer.Option(help="Why, for whoever reads it next.")] = None,
    user: Annotated[str | None, typer.Option(help="Who decides (default: $CASEWORK_USER)")] = None,
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
) -> None:
    """Record that two entities are (or are not) one, and resolve again to apply it."""
    verdict = one_verdict(same, different, unsure)
    with open_workspace(workspace) as ws:
        try:
            a = find_entity(ws.backend, left)
            b = find_entity(ws.backend, right)
            decide(ws.backend, a, b, verdict, note, user)
        except CaseworkError as exc:
            raise fail(exc) from exc
        report = _resolve(ws.backend)
        screened = _rescreen(ws.backend)
    stdout.print(
        f"recorded: {a.name} ({a.id}) and {b.name} ({b.id}) are {verdict}; "
        f"resolved again: {sum(report.entities.values())} entities, {report.review} to review"
        + (f"; {screened}" if screened else ""),
        highlight=False,
    )


@resolve_app.command("review")
def review_command(
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    limit: Annotated[int, typer.Option(help="At most this many pairs.")] = 50,
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.table,
) -> None:
    """Go through uncertain merges: same, different, unsure, skip or quit for each.

    On a terminal this asks; piped, or with --format json, it lists the queue."""
    with open_workspace(workspace) as ws:
        queue = review_queue(ws.backend, limit)
        if format is ListFormat.json:
            print_json(queue)
            return
        if not queue:
            stdout.print("nothing to review")
            return
        if not stdout.is_terminal:
            _print_queue(queue)
            return
        decided = 0
        for item in queue:
            _show(item)
            answer = typer.prompt(
                "[s]ame, [d]ifferent, [u]nsure, [k] skip, [q]uit", default="k"
            ).strip()[:1]
            if answer == "q":
                break
            verdict = {"s": "same", "d": "different", "u": "unsure"}.get(answer.lower())
            if verdict is None:
                continue
            record(
                ws.backend,
                (item["left_mention_id"], item["left_name"]),
                (item["right_mention_id"], item["right_name"]),
                verdict,
            )
            decided += 1
        if decided:
            report = _resolve(ws.backend)
            screened = _rescreen(ws.backend)
            stdout.print(
                f"{decided} decisions recorded; resolved again: "
                f"{sum(report.entities.values())} entities, {report.review} to review"
                + (f"; {screened}" if screened else ""),
                highlight=False,
            )


def _show(item: dict) -> None:
    stdout.rule(f"#{item['rank']}  {item['reason']}  (score {item['score']:.2f})")
    for side in ("left", "right"):
        stdout.print(
            f"[bold]{item[f'{side}_name']}[/bold]  {item[f'{side}_id']}  "
            f"in {item[f'{side}_document']}",
        )
        stdout.print(f"  {item[f'{side}_sentence'].strip()}", highlight=False)
    stdout.print(f"[dim]{item['detail']}[/dim]", highlight=False)


def _print_queue(queue: list[dict]) -> None:
    table = Table("#", "left", "right", "score", "reason", "detail", box=None)
    for item in queue:
        table.add_row(
            str(item["rank"]),
            f"{item['left_name']} ({item['left_id'][:15]})",
            f"{item['right_name']} ({item['right_id'][:15]})",
            f"{item['score']:.2f}",
            item["reason"],
            item["detail"],
        )
    stdout.print(table)


def entities_command(
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    label: Annotated[Label | None, typer.Option(help="Only this kind.")] = None,
    name: Annotated[
        str | None, typer.Option(help="Only entities with this name (or containing it).")
    ] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many.")] = None,
    evidence: Annotated[
        bool, typer.Option(help="With each mention's sentence, roles and comments (JSON).")
    ] = False,
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.table,
) -> None:
    """Resolved entities, most mentioned first."""
    with open_workspace(workspace) as ws:
        rows = list_entities(
            ws.backend, label.value if label else None, name, limit, evidence=evidence
        )
    if format is ListFormat.json:
        print_json(rows)
        return
    if not rows:
        stderr.print("no entities: run `casework extract` and `casework resolve` first")
        return
    table = Table("id", "kind", "name", "mentions", "documents", "also written", box=None)
    for row in rows:
        others = [n for n in row["names"] if n != row["name"]]
        table.add_row(
            row["id"][:22],
            row["label"],
            row["name"],
            str(row["mentions"]),
            str(row["documents"]),
            ", ".join(others[:6]) + (" ..." if len(others) > 6 else ""),
        )
    stdout.print(table)
