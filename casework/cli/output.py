"""How the CLI shows things: JSON for scripts, Rich for people, quiet when piped."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from casework.ingest.listener import Listener

# Piped output is read by people in a pager or a file, not an 80-column terminal.
stdout = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 140)
stderr = Console(stderr=True, soft_wrap=True)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


@contextmanager
def progress_listener(label: str) -> Iterator[Listener]:
    """A Listener that drives a progress bar on a terminal and prints errors always."""

    def error(line: str) -> None:
        stderr.print(f"[red]error[/red] {line}", markup=True, highlight=False)

    def warning(line: str) -> None:
        stderr.print(f"[yellow]{line}[/yellow]", markup=True, highlight=False)

    if not stderr.is_terminal:
        yield Listener(error=error, warning=warning)
        return
    progress = Progress(
        TextColumn(f"[bold]{label}[/bold]"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=stderr,
        transient=True,
    )
    with progress:
        task = progress.add_task("", total=None)
        yield Listener(
            total=lambda n: progress.update(task, total=n),
            advance=lambda name: progress.update(task, advance=1, description=name[-50:]),
            error=lambda line: progress.console.print(f"[red]error[/red] {line}", highlight=False),
            warning=lambda line: progress.console.print(f"[yellow]{line}[/yellow]"),
        )
