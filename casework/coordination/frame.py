"""The messages as numpy columns, shared by every signal.

Signals work on row numbers and integer codes (account, thread), not on
strings and objects: a million messages stay a few arrays. `pairs()` is the
one shape every pairwise signal returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc


@dataclass
class Frame:
    table: pa.Table
    account: np.ndarray  # int32 code per message
    accounts: list[str]  # code -> account id
    ts: np.ndarray  # float64 seconds since the epoch, NaN where unknown
    thread: np.ndarray  # int32 code, -1 where none
    position: np.ndarray  # int64, order within the thread (or the file)

    @classmethod
    def of(cls, table: pa.Table) -> Frame:
        account = pc.dictionary_encode(table.column("account")).combine_chunks()
        ts_col = table.column("ts")
        if len(table) and pa.types.is_timestamp(ts_col.type):
            seconds = pc.cast(ts_col, pa.timestamp("us", tz="UTC")).cast(pa.int64())
            ts = seconds.to_numpy(zero_copy_only=False).astype("float64") / 1e6
            ts[pc.is_null(ts_col).to_numpy(zero_copy_only=False)] = np.nan
        else:
            ts = np.full(len(table), np.nan)
        thread = pc.dictionary_encode(table.column("thread")).combine_chunks()
        thread_codes = thread.indices.to_numpy(zero_copy_only=False)
        thread_codes = np.where(
            pc.is_null(thread.indices).to_numpy(zero_copy_only=False), -1, thread_codes
        )
        position = table.column("position").to_numpy(zero_copy_only=False)
        return cls(
            table=table,
            account=account.indices.to_numpy(zero_copy_only=False).astype(np.int32),
            accounts=account.dictionary.to_pylist(),
            ts=ts,
            thread=np.asarray(thread_codes, dtype=np.int32),
            position=np.nan_to_num(position.astype("float64"), nan=-1).astype(np.int64),
        )

    def __len__(self) -> int:
        return len(self.table)

    def texts(self) -> list[str | None]:
        return self.table.column("text").to_pylist()

    @cached_property
    def ids(self) -> list[str]:
        """Message ids by row, converted once: evidence quotes thousands of them."""
        return self.table.column("id").to_pylist()

    def gap(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Seconds between messages i and j (NaN where either has no time)."""
        return np.abs(self.ts[i] - self.ts[j])


PAIR_SCHEMA = pa.schema(
    [
        ("signal", pa.string()),
        ("i", pa.int64()),  # message row of account a
        ("j", pa.int64()),  # message row of account b
        ("strength", pa.float64()),
        ("detail", pa.string()),
    ]
)


def pairs(signal: str, i: np.ndarray, j: np.ndarray, strength: np.ndarray, details) -> pa.Table:
    """Message pairs from two different accounts that support one signal."""
    return pa.table(
        {
            "signal": pa.array([signal] * len(i), pa.string()),
            "i": pa.array(np.asarray(i, dtype=np.int64)),
            "j": pa.array(np.asarray(j, dtype=np.int64)),
            "strength": pa.array(np.asarray(strength, dtype=np.float64)),
            "detail": pa.array(details if not isinstance(details, str) else [details] * len(i)),
        },
        schema=PAIR_SCHEMA,
    )


def within_window(frame: Frame, i: np.ndarray, j: np.ndarray, window: float | None) -> np.ndarray:
    """Which pairs fall inside the window; pairs with an unknown time are kept
    (comment sections often carry none, and text reuse across days still counts)."""
    if window is None:
        return np.ones(len(i), dtype=bool)
    gap = frame.gap(i, j)
    return np.isnan(gap) | (gap <= window)
