"""Coded errors survive pickling (ingest's workers send them to the parent)."""

from __future__ import annotations

import pickle

import pytest

from casework.errors import CaseworkError, Errors, InputError, ListError


def _subclasses(cls: type) -> list[type]:
    found = [cls]
    for sub in cls.__subclasses__():
        found.extend(_subclasses(sub))
    return found


def _made(cls: type[CaseworkError]) -> CaseworkError:
    if issubclass(cls, InputError):
        return cls(Errors.E202, source="posts.jsonl", line=7, reason="Expecting value")
    if issubclass(cls, ListError):
        return cls(Errors.E302, source="sdn.csv:12", reason="4 columns, expected 12")
    return cls(Errors.E002, path="ws.duckdb", reason="locked")


@pytest.mark.parametrize("cls", _subclasses(CaseworkError), ids=lambda c: c.__name__)
def test_each_error_class_round_trips_through_pickle(cls):
    error = _made(cls)
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is cls
    assert (copy.code, copy.message, str(copy)) == (error.code, error.message, str(error))
    assert vars(copy) == vars(error)
    if hasattr(error, "located"):
        assert copy.located() == error.located()
