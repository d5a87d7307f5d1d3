"""Casework: evidence-linked case files from open-source reporting."""

__version__ = "0.1.0"
