"""Who is working: every recorded judgement names the person who made it."""

from __future__ import annotations

import getpass
import os


def current_user() -> str:
    """CASEWORK_USER when set (a shared machine, a CI job), else the login name."""
    return os.environ.get("CASEWORK_USER") or getpass.getuser()
