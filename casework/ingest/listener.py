"""The hooks a long stage reports through: a total, each item, errors and warnings.

Its own module, light to import, because every stage and the CLI's progress
display share it and a one-name command should not load the ingest readers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Listener:
    """Hooks the CLI uses for its progress bar and error lines."""

    total: Callable[[int], None] = lambda n: None
    advance: Callable[[str], None] = lambda name: None
    error: Callable[[str], None] = lambda line: None
    warning: Callable[[str], None] = lambda line: None
