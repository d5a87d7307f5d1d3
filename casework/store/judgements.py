"""What every recorded judgement carries: its verdict and the person who made it.

Screening decisions and resolution decisions are both a person saying
"same", "different" or "unsure" about two things; one vocabulary, one
notion of who is working.
"""

from __future__ import annotations

import getpass
import os

VERDICTS = ("same", "different", "unsure")


def check_verdict(verdict: str) -> None:
    """ValueError for a verdict outside VERDICTS (callers take them from flags)."""
    if verdict not in VERDICTS:
        raise ValueError(f"verdict must be one of {', '.join(VERDICTS)}")


def current_user() -> str:
    """CASEWORK_USER when set (a shared machine, a CI job), else the login name."""
    return os.environ.get("CASEWORK_USER") or getpass.getuser()
