"""The `casework` command: parse arguments, open the workspace, call the stage."""

from casework.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
