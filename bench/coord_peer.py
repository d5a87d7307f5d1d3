"""The peer for the coordination benches: coordination-network-toolkit (QUT DMRC), v1.5.2.

It is the published tool closest to Casework's coordination module: it builds
co-retweet, co-tweet, co-similar-tweet, co-link and co-reply networks from a CSV of
posts, in SQLite, in parallel worker processes. Each computation runs here as a
subprocess on a fresh database so that its time and peak memory are its own
(peak memory is the largest single process: the main one or a worker, from wait4).

Its CSV (see coordination_network_toolkit.preprocess.preprocess_csv_files) has a
header and the columns, by position: message_id, user_id, username, repost_id,
reply_id, message, timestamp (unix seconds), urls (space-separated).

One quirk is worked around: the CLI's `preprocess` splits an empty urls field into
[""], which stores the empty string as a URL of every message without links, so its
co_link network links everyone who posted anything without a link within the window.
`preprocess` here runs the toolkit's own `preprocess_data` with empty URLs dropped,
which is what the column means; the CLI path gives the same rows otherwise.
"""

from __future__ import annotations

import contextlib
import csv
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

COMMANDS = ("co_similar_tweet", "co_tweet", "co_link", "co_retweet", "co_reply")
TOOLKIT_FIELDS = (
    "message_id",
    "user_id",
    "username",
    "repost_id",
    "reply_id",
    "message",
    "timestamp",
    "urls",
)
BIN = Path(sys.executable).parent
COMPUTE_NETWORKS = BIN / "compute_networks"
MIN_EDGE_WEIGHT = 2  # the toolkit CLI's default

# Runs in the child: the toolkit's own preprocessing, fed URL lists without "".
_PREPROCESS = """
import csv, sys
from coordination_network_toolkit.preprocess import preprocess_data
csv.field_size_limit(1 << 30)
with open(sys.argv[2], encoding="utf-8", newline="") as stream:
    reader = csv.reader(stream)
    next(reader)
    preprocess_data(sys.argv[1], ((*r[:-1], [u for u in r[-1].split(" ") if u]) for r in reader))
"""


def available() -> bool:
    """Whether the toolkit is installed (pip install -e '.[bench]')."""
    try:
        import coordination_network_toolkit  # noqa: F401
    except ImportError:
        return False
    return COMPUTE_NETWORKS.exists()


def _epoch(value: str) -> int:
    """Unix seconds from ISO 8601 (what Casework's format holds) or from a number."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return int(float(value))
    if moment.tzinfo is None:  # Casework reads times without a zone as UTC
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp())


def convert(casework_csv: str | Path, toolkit_csv: str | Path) -> int:
    """Write a Casework posts CSV as the toolkit's CSV; returns the number of rows.

    Rows without a time are dropped: the toolkit needs one for every message.
    """
    count = 0
    with (
        open(casework_csv, encoding="utf-8", newline="") as src,
        open(toolkit_csv, "w", encoding="utf-8", newline="") as dst,
    ):
        writer = csv.writer(dst)
        writer.writerow(TOOLKIT_FIELDS)
        for row in csv.DictReader(src):
            stamp = row.get("timestamp") or ""
            if not stamp:
                continue
            writer.writerow(
                (
                    row["message_id"],
                    row["account"],
                    row.get("display_name") or "",
                    row.get("repost_of") or "",
                    row.get("reply_to") or "",
                    row.get("text") or "",
                    _epoch(stamp),
                    row.get("urls") or "",
                )
            )
            count += 1
    return count


# Runs the measured command as its own child and reports that child's wall time and
# maxrss. Linux keeps a process's peak RSS across fork and exec, so a command spawned
# straight from a big bench process would report at least that process's size; spawned
# from this small launcher it reports its own peak (and its workers', via wait4).
_LAUNCHER = """
import os, sys, time
started = time.perf_counter()
pid = os.posix_spawnp(sys.argv[2], sys.argv[2:], os.environ)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - started
with open(sys.argv[1], "w") as out:
    out.write(f"{seconds} {usage.ru_maxrss}")
sys.exit(os.waitstatus_to_exitcode(status))
"""


def measure(
    args: list[str], log: Path, timeout: float | None = None, cwd: Path | None = None
) -> dict[str, Any]:
    """Run `args` as a child; wall seconds, peak MiB of its largest process, exit status.

    Output goes to `log`. The peak is the maxrss wait4 reports for the child: its own or
    that of a worker process it waited for, whichever is larger; each run is measured on
    its own, not blurred with earlier ones as RUSAGE_CHILDREN totals would be.
    """
    report = log.with_name(log.name + ".rusage")
    report.unlink(missing_ok=True)
    launcher = [sys.executable, "-c", _LAUNCHER, str(report), *args]
    with log.open("ab") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(
            launcher, stdout=out, stderr=subprocess.STDOUT, start_new_session=True, cwd=cwd
        )
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            with contextlib.suppress(ProcessLookupError):  # its own session: workers too
                os.killpg(proc.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill) if timeout else None
        if timer:
            timer.start()
        try:
            returncode = proc.wait()
        finally:
            if timer:
                timer.cancel()
        seconds = time.perf_counter() - started
    peak_kib = 0.0
    if report.exists():  # absent when killed
        child_seconds, peak = report.read_text().split()
        seconds, peak_kib = float(child_seconds), float(peak)
        report.unlink()
    return {
        "seconds": seconds,
        "peak_mib": peak_kib / 1024,
        "returncode": returncode,
        "timed_out": timed_out.is_set(),
    }


def _check(result: dict[str, Any], what: str, log: Path) -> None:
    if result["returncode"] != 0 and not result["timed_out"]:
        tail = log.read_text(encoding="utf-8", errors="replace")[-2000:]
        raise RuntimeError(f"toolkit {what} failed ({result['returncode']}):\n{tail}")


def preprocess(toolkit_csv: str | Path, db_path: str | Path, timeout: float | None = None) -> dict:
    """Load a toolkit CSV into a new database; seconds and peak MiB of doing so."""
    db_path = Path(db_path)
    log = db_path.with_suffix(".log")
    args = [sys.executable, "-c", _PREPROCESS, str(db_path), str(toolkit_csv)]
    result = measure(args, log, timeout)
    _check(result, "preprocess", log)
    return result


def edges(db_path: str | Path, command: str) -> list[tuple[str, str, int]]:
    """Undirected edges (a < b, the larger of the two directed weights), no self loops.

    The toolkit stores each pair both ways, weighted by the first user's messages.
    """
    db = sqlite3.connect(db_path)
    try:
        rows = db.execute(f"select user_1, user_2, weight from {command}_network").fetchall()
    finally:
        db.close()
    best: dict[tuple[str, str], int] = {}
    for u1, u2, weight in rows:
        if u1 == u2:
            continue
        key = (str(u1), str(u2)) if str(u1) < str(u2) else (str(u2), str(u1))
        best[key] = max(best.get(key, 0), int(weight))
    return [(a, b, w) for (a, b), w in sorted(best.items())]


def run_peer(
    toolkit_csv: str | Path,
    command: str,
    time_window: int,
    similarity_threshold: float | None = None,
    *,
    min_edge_weight: int = MIN_EDGE_WEIGHT,
    n_cpus: int | None = None,
    preprocessed: str | Path | None = None,
    timeout: float | None = None,
) -> dict[str, Any]:
    """Compute one toolkit network on a fresh database in a temp dir.

    Returns seconds and peak_mib of the computation, preprocess_seconds and
    preprocess_peak_mib of loading the CSV (reported apart, as the toolkit keeps the
    loaded database for further networks), edges [(a, b, weight)], timed_out.
    `preprocessed`: a database already loaded from this CSV, copied instead of loading
    again (for parameter sweeps); the copy is fresh, so tokenising and indexing are
    still paid by every run.
    """
    if command not in COMMANDS:
        raise ValueError(f"unknown command {command!r}; one of {', '.join(COMMANDS)}")
    with tempfile.TemporaryDirectory(prefix="cnt-") as tmp:
        db = Path(tmp) / "peer.db"
        log = Path(tmp) / "peer.log"
        out: dict[str, Any] = {"command": command, "time_window": time_window}
        if preprocessed:
            shutil.copyfile(preprocessed, db)
            out["preprocess_seconds"] = out["preprocess_peak_mib"] = None
        else:
            pre = preprocess(toolkit_csv, db, timeout)
            out["preprocess_seconds"] = pre["seconds"]
            out["preprocess_peak_mib"] = pre["peak_mib"]
        args = [
            str(COMPUTE_NETWORKS),
            str(db),
            "compute",
            command,
            "--time_window",
            str(int(time_window)),
            "--min_edge_weight",
            str(min_edge_weight),
        ]
        if similarity_threshold is not None:
            args += ["--similarity_threshold", str(similarity_threshold)]
            out["similarity_threshold"] = similarity_threshold
        if n_cpus:
            args += ["--n_cpus", str(n_cpus)]
        result = measure(args, log, timeout)
        _check(result, command, log)
        out.update(
            seconds=result["seconds"], peak_mib=result["peak_mib"], timed_out=result["timed_out"]
        )
        out["edges"] = [] if result["timed_out"] else edges(db, command)
    return out


def main(argv: list[str] | None = None) -> int:
    """Convert a Casework posts CSV and run the toolkit's networks on it, for a quick look."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("posts", help="Casework posts CSV")
    parser.add_argument("--commands", default=",".join(COMMANDS))
    parser.add_argument("--window", type=int, default=60)
    parser.add_argument("--threshold", type=float, default=None, help="co_similar_tweet only")
    args = parser.parse_args(argv)
    if not available():
        print("coordination-network-toolkit is missing: pip install -e '.[bench]'")
        return 1
    with tempfile.TemporaryDirectory(prefix="cnt-") as tmp:
        toolkit_csv = Path(tmp) / "toolkit.csv"
        convert(args.posts, toolkit_csv)
        base = Path(tmp) / "base.db"
        pre = preprocess(toolkit_csv, base)
        print(f"preprocess {pre['seconds']:.1f} s, {pre['peak_mib']:.0f} MiB")
        for command in args.commands.split(","):
            threshold = args.threshold if command == "co_similar_tweet" else None
            r = run_peer(toolkit_csv, command, args.window, threshold, preprocessed=base)
            print(
                f"{command:17} {r['seconds']:7.1f} s {r['peak_mib']:7.0f} MiB "
                f"{len(r['edges']):7d} edges"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
