"""Messages for coordination detection, as one Arrow table, from a workspace or a posts file.

Columns: id, account, name (display name), text, ts (UTC timestamp), thread (the
document or conversation), position (order within the thread), target (the
item replied to or commented under), repost_of, urls, hashtags. A field the
source lacks is null, never a shared blank: two accounts with no URL have not
shared a URL.

Files are read by DuckDB (CSV or JSON lines), not record by record in Python:
a million posts load in seconds. Columns are found by the same names
`casework ingest` accepts (casework.ingest.posts.DEFAULT_MAPPING), or by a
mapping file.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa

from casework.errors import Errors, InputError
from casework.ingest.catalog import account_key
from casework.ingest.posts import Mapping
from casework.store.backend import Backend
from casework.store.duckdb_backend import to_arrow

COLUMNS = (
    "id",
    "account",
    "name",
    "text",
    "ts",
    "thread",
    "position",
    "target",
    "repost_of",
    "urls",
    "hashtags",
)

_WORKSPACE_SQL = f"""
SELECT
    c.id AS id,
    {account_key("c")} AS account,
    c.author_name AS name,
    nullif(trim(c.text), '') AS text,
    c.published_at AS ts,
    c.document_id AS thread,
    c.position::BIGINT AS position,
    coalesce(c.reply_to, p.native_id, p.id, c.document_id) AS target,
    c.repost_of AS repost_of,
    c.urls AS urls,
    c.hashtags AS hashtags
FROM comments c
LEFT JOIN comments p ON p.id = c.parent_id
WHERE {account_key("c")} IS NOT NULL
ORDER BY c.document_id, c.position
"""


def load_workspace(backend: Backend) -> pa.Table:
    """Comments and posts stored by `casework ingest`, with an author, in thread order."""
    return backend.arrow(_WORKSPACE_SQL)


def load_backgrounds(backend: Backend) -> dict[str, str]:
    """Each commented document's title and body, by document id: what the readers of
    a comment section read, the background its talking points are weighed against."""
    rows = backend.arrow(
        "SELECT d.id, concat_ws(' ', d.title, d.description, array_to_string(d.authors, ' '), "
        "d.bios::VARCHAR, d.body) AS text FROM documents d "
        "WHERE EXISTS (SELECT 1 FROM comments c WHERE c.document_id = d.id)"
    ).to_pylist()
    return {r["id"]: r["text"] for r in rows if r["text"]}


def load_file(path: str | Path, mapping: Mapping | None = None) -> pa.Table:
    """A posts export (CSV, or JSON lines with .jsonl/.ndjson/.json) as a messages table.

    Raises InputError naming the file when it cannot be read or lacks an
    account column; rows without an account are dropped (and counted by the
    caller from the row numbers if needed).
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(Errors.E106, source=str(path), path=path)
    mapping = mapping or Mapping.default()
    # An in-memory DuckDB reads the file: its CSV and JSON readers are columnar and
    # parallel, where a Python loop over a million records takes a minute.
    con = duckdb.connect()
    literal = "'" + str(path).replace("'", "''") + "'"  # a view takes no parameters
    reader = (
        f"read_json_auto({literal}, format='newline_delimited', union_by_name=true)"
        if path.suffix.lower() in (".jsonl", ".ndjson", ".json")
        else f"read_csv({literal}, header=true, all_varchar=true, quote='\"', escape='\"', "
        "null_padding=true, strict_mode=false)"
    )
    try:
        con.execute(f"CREATE VIEW raw AS SELECT * FROM {reader}")
        present = {row[0].lower(): row[0] for row in con.execute("DESCRIBE raw").fetchall()}
    except duckdb.Error as exc:
        raise InputError(Errors.E501, source=str(path), path=path, reason=str(exc)) from exc
    column = {field: _pick(mapping, field, present) for field in mapping.columns}
    if column.get("author") is None:
        raise InputError(
            Errors.E502,
            source=str(path),
            path=path,
            candidates=", ".join(mapping.columns["author"]),
            columns=", ".join(present.values()),
        )

    def text(field: str) -> str:
        name = column.get(field)
        return f"nullif(trim(CAST({_q(name)} AS VARCHAR)), '')" if name else "NULL::VARCHAR"

    def items(field: str) -> str:
        name = column.get(field)
        if not name:
            return "NULL::VARCHAR[]"
        # Lists arrive as JSON arrays or as space/comma separated strings.
        return (
            f"list_filter(CASE WHEN typeof({_q(name)}) LIKE '%[]' "
            f"THEN CAST({_q(name)} AS VARCHAR[]) "
            f"ELSE string_split_regex(trim(CAST({_q(name)} AS VARCHAR)), '[\\s,;|]+') END, "
            "lambda x: x IS NOT NULL AND x <> '')"
        )

    ts_col = column.get("created_at")
    ts = (
        f"""CASE
            WHEN regexp_full_match(trim(CAST({_q(ts_col)} AS VARCHAR)), '\\d{{9,11}}(\\.\\d+)?')
                THEN to_timestamp(CAST(trim(CAST({_q(ts_col)} AS VARCHAR)) AS DOUBLE))
            ELSE TRY_CAST(trim(CAST({_q(ts_col)} AS VARCHAR)) AS TIMESTAMPTZ) END"""
        if ts_col
        else "NULL::TIMESTAMPTZ"
    )
    message_id = text("id") if column.get("id") else "CAST(row_number() OVER () AS VARCHAR)"
    sql = f"""
        SELECT
            coalesce({message_id}, 'row-' || CAST(row_number() OVER () AS VARCHAR)) AS id,
            {text("author")} AS account,
            {text("author_name")} AS name,
            {text("text")} AS text,
            {ts} AS ts,
            NULL::VARCHAR AS thread,
            CAST(row_number() OVER () AS BIGINT) AS position,
            {text("parent")} AS target,
            {text("repost_of")} AS repost_of,
            {items("urls")} AS urls,
            {items("hashtags")} AS hashtags
        FROM raw
    """
    try:
        table = to_arrow(con.sql(f"SELECT * FROM ({sql}) WHERE account IS NOT NULL"))
    except duckdb.Error as exc:
        raise InputError(Errors.E501, source=str(path), path=path, reason=str(exc)) from exc
    return table


def _pick(mapping: Mapping, field: str, present: dict[str, str]) -> str | None:
    for candidate in mapping.columns[field]:
        if candidate.lower() in present:
            return present[candidate.lower()]
    return None


def _q(name: str | None) -> str:
    return '"' + (name or "").replace('"', '""') + '"'
