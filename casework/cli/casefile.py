"""`casework build` (the whole pipeline) and `casework casefile` (one subject's dossier)."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from casework.build import STEPS, BuildConfig
from casework.build import run as run_build
from casework.casefile.assemble import assemble
from casework.casefile.render import SUFFIXES, render, write
from casework.casefile.subjects import find_subject
from casework.cli.common import (
    DEFAULT_WORKSPACE_PATH,
    ListFormat,
    PseudonymiseOption,
    WorkspaceOption,
    fail,
    open_workspace,
)
from casework.cli.output import print_json, stderr, stdout
from casework.coordination.pseudonyms import workspace_key
from casework.errors import CaseworkError, Errors
from casework.ingest.listener import Listener
from casework.lists.update import UpdateOptions


class CaseFormat(StrEnum):
    html = "html"
    md = "md"
    pdf = "pdf"
    json = "json"
    ftm = "ftm"


class _Display:
    """One progress display for the whole build: a bar over the steps and one for
    the step under way; on a pipe, one line per finished step instead."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.overall: TaskID | None = None
        self.current: TaskID | None = None
        if progress is not None:
            self.overall = progress.add_task("build", total=len(STEPS))

    def step(self, name: str, number: int, total: int) -> Listener:
        def error(line: str) -> None:
            stderr.print(f"[red]error[/red] {line}", highlight=False)

        if self.progress is None:
            return Listener(error=error, warning=self.say)
        progress = self.progress
        assert self.overall is not None
        progress.update(self.overall, completed=number - 1, description=f"build: {name}")
        if self.current is not None:
            progress.remove_task(self.current)
        task = progress.add_task(f"  {name}", total=None)
        self.current = task
        return Listener(
            total=lambda n: progress.update(task, total=n),
            advance=lambda item: progress.update(
                task, advance=1, description=f"  {name}: {item[-40:]}"
            ),
            error=lambda line: progress.console.print(f"[red]error[/red] {line}"),
            warning=lambda line: progress.console.print(f"[yellow]{line}[/yellow]"),
        )

    def say(self, line: str) -> None:
        console = self.progress.console if self.progress is not None else stderr
        console.print(line, highlight=False, markup=False)


def build_command(
    sources: Annotated[list[Path], typer.Argument(help="Folders, files or globs of sources.")],
    lists: Annotated[
        Path | None,
        typer.Option("--lists", help="Load sanctions lists from this folder first."),
    ] = None,
    update_lists: Annotated[
        bool,
        typer.Option("--update-lists", help="Download the official lists (OFAC, UN, ...) first."),
    ] = False,
    lists_base_url: Annotated[
        str | None,
        typer.Option(help="A mirror of the official lists for --update-lists.", hidden=True),
    ] = None,
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder for case files and report.")
    ] = Path("casework-out"),
    top: Annotated[
        int | None,
        typer.Option(min=1, help="Case files for the N most mentioned subjects only."),
    ] = None,
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.table,
    pseudonymise: PseudonymiseOption = False,
) -> None:
    """Ingest, extract, resolve, screen, find coordination, write case files and a report.

    Run it again after an interruption: it continues where it stopped."""
    if lists is not None and update_lists:
        raise typer.BadParameter("give --lists DIR or --update-lists, not both")
    if lists is not None and not lists.is_dir():
        raise typer.BadParameter(f"{lists}: not a folder")
    missing = [str(s) for s in sources if not s.exists() and not any(ch in str(s) for ch in "*?[")]
    if missing:
        raise fail(CaseworkError(Errors.E704, path=missing[0]))
    config = BuildConfig(
        sources=tuple(str(s) for s in sources),
        out_dir=out,
        lists_dir=lists,
        update_lists=update_lists,
        list_options=UpdateOptions(base_url=lists_base_url),
        pseudonymise=pseudonymise,
    )
    with open_workspace(workspace) as ws:
        try:
            if stderr.is_terminal:
                with Progress(
                    TextColumn("[bold]{task.description}"),
                    BarColumn(),
                    MofNCompleteColumn(),
                    TimeElapsedColumn(),
                    console=stderr,
                    transient=True,
                ) as progress:
                    report = run_build(ws, config, _Display(progress))
            else:
                report = run_build(ws, config, _Display(None))
        except CaseworkError as exc:
            raise fail(exc) from exc
    if format is ListFormat.json:
        print_json(report.as_dict())
        return
    if report.resumed:
        stderr.print(f"resumed: skipped {', '.join(report.resumed)} (done before)", highlight=False)
    stdout.print(
        f"{report.casefiles} case files in {out / 'casefiles'}; report: {report.report}",
        highlight=False,
    )


def casefile_command(
    subject: Annotated[str, typer.Argument(help="A name (any spelling or script) or entity id.")],
    format: Annotated[CaseFormat, typer.Option("--format", "-f")] = CaseFormat.html,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="File to write (default: standard output).")
    ] = None,
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    pseudonymise: PseudonymiseOption = False,
) -> None:
    """One subject's case file: identity, alleged conduct, statements, sanctions status,
    discourse, a submission draft; every statement cited to its source."""
    with open_workspace(workspace) as ws:
        try:
            entity_id = find_subject(ws.backend, subject)
            key = workspace_key(ws.backend) if pseudonymise else None
            case = assemble(
                ws.backend, entity_id, datetime.now(UTC), str(workspace), pseudonyms=key
            )
            content = render(case, format.value)
        except CaseworkError as exc:
            raise fail(exc) from exc
    if out is None and isinstance(content, bytes):
        if sys.stdout.isatty():
            raise typer.BadParameter("PDF is binary: give --out FILE.pdf")
        sys.stdout.buffer.write(content)
        return
    if out is None:
        sys.stdout.write(content)
        return
    if out.is_dir():
        out = out / f"{entity_id}{SUFFIXES[format.value]}"
    write(case, format.value, out, content)
    stderr.print(f"case file for {case.subject.name} -> {out}", highlight=False)
