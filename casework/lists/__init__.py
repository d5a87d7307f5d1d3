"""Sanctions and PEP lists as FollowTheMoney entities in the workspace."""

from casework.lists.loader import LoadReport, load
from casework.lists.store import list_datasets

__all__ = ["LoadReport", "list_datasets", "load"]
