"""`casework lists update`: download the official lists, then load what changed.

Each source is a row of data in `SOURCES`: the dataset it fills, and the files
it is made of with the official URL of each and the name it is saved under.
Files are fetched with conditional requests (If-None-Match from the ETag,
If-Modified-Since from Last-Modified, both kept in a small JSON file beside
the cached copy); a 304 reuses the cached copy, and a source whose files are
all unchanged is not reloaded when the workspace already holds that version.

Downloads stream to a temporary file in the cache folder and replace the
cached copy by an atomic rename only once every file of the source arrived
whole, so a failed or truncated download never leaves a half-written list.
Any failure (network, HTTP status, truncated body, size limit, unreadable
list) keeps the previously loaded version of that dataset in use.

Mirrors: with a base URL, each file is fetched from
`{base_url}/{source}/{file}` instead of its official URL, e.g.

    {base_url}/ofac/sdn.csv    {base_url}/ofac/alt.csv    {base_url}/ofac/add.csv
    {base_url}/un/consolidated.xml
    {base_url}/uk/uk-sanctions-list.xml
    {base_url}/eu/eu-fsf.xml
    {base_url}/opensanctions/opensanctions.ftm.json

The cache folder has the same layout (`{cache}/{source}/{file}`), with
`.{file}.meta.json` beside each file; it defaults to `lists-cache` next to
the workspace file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import requests

from casework import __version__
from casework.errors import Errors, ListError
from casework.lists.loader import load
from casework.store import Workspace

CACHE_FOLDER = "lists-cache"
STALE_PART_SECONDS = 86400
OFAC_EXPORTS = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports"


@dataclass(frozen=True)
class RemoteFile:
    """One file of a source: the name it is saved (and mirrored) under, its official URL."""

    name: str
    url: str


@dataclass(frozen=True)
class ListSource:
    """A list as its publisher ships it; the first file is loaded, the others ride along."""

    name: str
    dataset: str
    title: str
    files: tuple[RemoteFile, ...]
    # Updated when no --source is given; OpenSanctions is left out by default
    # because it is large and licensed CC BY-NC.
    default: bool = False

    @property
    def main(self) -> str:
        return self.files[0].name


SOURCES: dict[str, ListSource] = {
    source.name: source
    for source in (
        ListSource(
            "ofac",
            "us_ofac_sdn",
            "US OFAC Specially Designated Nationals (legacy CSV, Sanctions List Service)",
            (
                # The CSV reader finds alt.csv and add.csv next to sdn.csv.
                RemoteFile("sdn.csv", f"{OFAC_EXPORTS}/SDN.CSV"),
                RemoteFile("alt.csv", f"{OFAC_EXPORTS}/ALT.CSV"),
                RemoteFile("add.csv", f"{OFAC_EXPORTS}/ADD.CSV"),
            ),
            default=True,
        ),
        ListSource(
            "un",
            "un_sc_sanctions",
            "UN Security Council Consolidated List (XML)",
            (
                RemoteFile(
                    "consolidated.xml",
                    "https://scsanctions.un.org/resources/xml/en/consolidated.xml",
                ),
            ),
            default=True,
        ),
        ListSource(
            "uk",
            "gb_fcdo_sanctions",
            "UK Sanctions List, FCDO (XML)",
            (
                RemoteFile(
                    "uk-sanctions-list.xml",
                    "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml",
                ),
            ),
            default=True,
        ),
        ListSource(
            "eu",
            "eu_fsf",
            "EU Financial Sanctions Files, consolidated list (XML 1.1)",
            (
                RemoteFile(
                    "eu-fsf.xml",
                    "https://webgate.ec.europa.eu/fsd/fsf/public/files/"
                    "xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw",
                ),
            ),
            default=True,
        ),
        ListSource(
            "opensanctions",
            "opensanctions",
            "OpenSanctions consolidated sanctions collection (FtM JSON lines)",
            (
                RemoteFile(
                    "opensanctions.ftm.json",
                    "https://data.opensanctions.org/datasets/latest/sanctions/entities.ftm.json",
                ),
            ),
        ),
    )
}


@dataclass(frozen=True)
class UpdateOptions:
    base_url: str | None = None
    cache_dir: Path | None = None
    timeout: float = 60.0  # seconds to connect, and between bytes while reading
    max_bytes: int = 2 * 1024**3  # per file
    chunk_bytes: int = 1024**2


@dataclass
class FileResult:
    name: str
    url: str
    status: str  # "downloaded" | "unchanged"
    bytes: int
    last_modified: str | None


@dataclass
class SourceResult:
    source: str
    dataset: str
    status: str  # "updated" | "reloaded" (from cache) | "unchanged" | "failed"
    version: str = ""
    entities: int = 0
    files: list[FileResult] = field(default_factory=list)
    error: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class UpdateReport:
    sources: list[SourceResult] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if any(s.status == "failed" for s in self.sources) else 0


def select_sources(names: list[str] | None) -> list[ListSource]:
    """The sources named (all defaults when none are); an unknown name is E305."""
    if not names:
        return [s for s in SOURCES.values() if s.default]
    for name in names:
        if name not in SOURCES:
            raise ListError(Errors.E305, name=name, known=", ".join(SOURCES))
    return [SOURCES[name] for name in dict.fromkeys(names)]


def default_cache_dir(workspace_path: Path) -> Path:
    return workspace_path.parent / CACHE_FOLDER


def file_url(source: ListSource, remote: RemoteFile, base_url: str | None) -> str:
    if base_url:
        return f"{base_url.rstrip('/')}/{source.name}/{remote.name}"
    return remote.url


def update(
    workspace: Workspace,
    names: list[str] | None = None,
    options: UpdateOptions | None = None,
    on_start: Callable[[ListSource], None] = lambda source: None,
    on_done: Callable[[SourceResult], None] = lambda result: None,
) -> UpdateReport:
    """Fetch each source's files, load those that changed; one failure spares the rest."""
    options = options or UpdateOptions()
    sources = select_sources(names)
    cache = options.cache_dir or default_cache_dir(workspace.path)
    report = UpdateReport()
    with requests.Session() as session:
        session.headers["User-Agent"] = f"casework/{__version__} (sanctions list update)"
        for source in sources:
            on_start(source)
            result = _update_source(workspace, session, source, cache / source.name, options)
            report.sources.append(result)
            on_done(result)
    return report


# -- one source ---------------------------------------------------------------


@dataclass
class _Fetched:
    target: Path
    url: str
    meta: dict[str, Any]
    temp: Path | None  # the new body until committed; None when the cached copy is current
    downloaded: bool = False

    @property
    def result(self) -> FileResult:
        return FileResult(
            self.target.name,
            self.url,
            "downloaded" if self.downloaded else "unchanged",
            int(self.meta.get("bytes", 0)),
            self.meta.get("last_modified"),
        )


def _update_source(
    workspace: Workspace,
    session: requests.Session,
    source: ListSource,
    folder: Path,
    options: UpdateOptions,
) -> SourceResult:
    result = SourceResult(source.name, source.dataset, "failed")
    folder.mkdir(parents=True, exist_ok=True)
    _remove_stale_parts(folder)
    try:
        fetched = _fetch_all(session, source, folder, options)
    except ListError as exc:
        result.error = exc.located()
        return result
    try:
        for item in fetched:
            _commit(item)
    except OSError as exc:
        _discard(fetched)
        reason = f"cannot write to the cache folder {folder}: {exc}"
        result.error = ListError(Errors.E304, source.name, url=item.url, reason=reason).located()
        return result
    result.files = [item.result for item in fetched]
    main_meta = fetched[0].meta
    loaded = main_meta.get("loaded") or {}
    if not any(item.downloaded for item in fetched) and loaded:
        result.dataset = loaded["dataset"]
        if _stored_version(workspace, loaded["dataset"]) == loaded["version"]:
            result.status, result.version = "unchanged", loaded["version"]
            return result
    hint = _version_hint([item.meta.get("last_modified") for item in fetched])
    report = load(workspace, [str(folder / source.main)], version_hint=hint)
    if report.errors or not report.loaded:
        # The next run downloads afresh instead of trusting this copy.
        for item in fetched:
            _meta_path(item.target).unlink(missing_ok=True)
        result.error = "; ".join(report.errors) or f"{source.main}: nothing loaded"
        return result
    dataset = report.loaded[0]
    main_meta["loaded"] = {"dataset": dataset.dataset, "version": dataset.version}
    _write_json(_meta_path(fetched[0].target), main_meta)
    result.status = "updated" if any(item.downloaded for item in fetched) else "reloaded"
    result.dataset, result.version, result.entities = (
        dataset.dataset,
        dataset.version,
        dataset.entities,
    )
    return result


def _fetch_all(
    session: requests.Session, source: ListSource, folder: Path, options: UpdateOptions
) -> list[_Fetched]:
    """Every file of the source, or none: on a failure the new bodies are dropped."""
    fetched: list[_Fetched] = []
    try:
        for remote in source.files:
            url = file_url(source, remote, options.base_url)
            fetched.append(_fetch(session, url, folder / remote.name, options, source.name))
    except BaseException:
        _discard(fetched)
        raise
    return fetched


def _discard(fetched: list[_Fetched]) -> None:
    for item in fetched:
        if item.temp is not None:
            item.temp.unlink(missing_ok=True)


def _commit(item: _Fetched) -> None:
    if item.temp is not None:
        os.replace(item.temp, item.target)
        item.temp = None
        if stamp := _http_date(item.meta.get("last_modified")):
            # The OFAC reader dates its version by file mtime: make that the server's date.
            os.utime(item.target, (stamp.timestamp(), stamp.timestamp()))
    _write_json(_meta_path(item.target), item.meta)


# -- one file -------------------------------------------------------------------


def _fetch(
    session: requests.Session, url: str, target: Path, options: UpdateOptions, source: str
) -> _Fetched:
    cached = _read_json(_meta_path(target)) if target.is_file() else {}
    if cached.get("url") != url:
        cached = {}  # validators from another URL mean nothing here
    headers = {}
    if cached.get("etag"):
        headers["If-None-Match"] = cached["etag"]
    if cached.get("last_modified"):
        headers["If-Modified-Since"] = cached["last_modified"]
    try:
        with session.get(url, headers=headers, stream=True, timeout=options.timeout) as response:
            if response.status_code == 304 and headers:
                return _Fetched(target, url, _meta(cached, response, url), None)
            if response.status_code != 200:
                reason = f"HTTP {response.status_code} {response.reason or ''}".strip()
                raise ListError(Errors.E304, source=source, url=url, reason=reason)
            temp, size, digest = _stream(response, target, options, url, source)
    except requests.RequestException as exc:
        raise ListError(Errors.E304, source=source, url=url, reason=_describe(exc)) from exc
    except OSError as exc:
        reason = f"cannot write to the cache folder {target.parent}: {exc}"
        raise ListError(Errors.E304, source=source, url=url, reason=reason) from exc
    meta = _meta(cached, response, url) | {"bytes": size, "sha256": digest}
    meta["fetched_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    if cached and cached.get("sha256") == digest and target.is_file():
        # A server that ignores validators sent the same bytes again.
        temp.unlink()
        if "loaded" in cached:
            meta["loaded"] = cached["loaded"]
        return _Fetched(target, url, meta, None)
    return _Fetched(target, url, meta, temp, downloaded=True)


def _stream(
    response: requests.Response, target: Path, options: UpdateOptions, url: str, source: str
) -> tuple[Path, int, str]:
    """Write the body to a temporary file beside the target; check size and length."""
    expected = _content_length(response)
    if expected is not None and expected > options.max_bytes:
        raise ListError(Errors.E304, source=source, url=url, reason=_too_big(expected, options))
    digest = hashlib.sha256()
    size = 0
    with _temporary(target) as (stream, temp):
        try:
            for chunk in response.iter_content(options.chunk_bytes):
                size += len(chunk)
                if size > options.max_bytes:
                    raise ListError(
                        Errors.E304, source=source, url=url, reason=_too_big(size, options)
                    )
                digest.update(chunk)
                stream.write(chunk)
        except requests.exceptions.ChunkedEncodingError as exc:
            received = response.raw.tell() if response.raw is not None else size
            raise ListError(
                Errors.E304, source=source, url=url, reason=_truncated(received, expected)
            ) from exc
        received = response.raw.tell() if response.raw is not None else size
        if expected is not None and received != expected:
            raise ListError(
                Errors.E304, source=source, url=url, reason=_truncated(received, expected)
            )
    return temp, size, digest.hexdigest()


@contextlib.contextmanager
def _temporary(target: Path) -> Iterator[tuple[Any, Path]]:
    """A hidden `.part` file next to the target, removed unless the block succeeds."""
    descriptor, name = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".part"
    )
    temp = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            yield handle, temp
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _remove_stale_parts(folder: Path) -> None:
    """Left by a run that was killed; a day old, so a run going on beside this one is spared."""
    cutoff = datetime.now(UTC).timestamp() - STALE_PART_SECONDS
    for part in folder.glob(".*.part"):
        with contextlib.suppress(OSError):
            if part.stat().st_mtime < cutoff:
                part.unlink()


# -- small helpers ------------------------------------------------------------------


def _meta(cached: dict[str, Any], response: requests.Response, url: str) -> dict[str, Any]:
    """HTTP validators for the next request; a 304 may omit them, then the old ones stay."""
    meta = dict(cached)
    meta["url"] = url
    for key, header in (("etag", "ETag"), ("last_modified", "Last-Modified")):
        if response.headers.get(header):
            meta[key] = response.headers[header]
    if response.status_code == 200:
        meta.pop("loaded", None)
    return meta


def _meta_path(target: Path) -> Path:
    # Hidden, so `casework lists load CACHE_DIR` skips it.
    return target.with_name(f".{target.name}.meta.json")


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_json(path: Path, data: dict[str, Any]) -> None:
    temp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    temp.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(temp, path)


def _stored_version(workspace: Workspace, dataset: str) -> str | None:
    return workspace.backend.scalar("SELECT version FROM list_datasets WHERE name = ?", [dataset])


def _version_hint(last_modified: list[str | None]) -> str | None:
    """The newest Last-Modified date of the files, for lists that carry no date."""
    stamps = [s for s in (_http_date(v) for v in last_modified) if s is not None]
    return max(stamps).strftime("%Y-%m-%d") if stamps else None


def _http_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        stamp = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)


def _content_length(response: requests.Response) -> int | None:
    try:
        return int(response.headers["Content-Length"])
    except (KeyError, ValueError):
        return None


def _too_big(size: int, options: UpdateOptions) -> str:
    return f"file is over the size limit of {options.max_bytes} bytes ({size} bytes or more)"


def _truncated(received: int, expected: int | None) -> str:
    of = f" of {expected}" if expected is not None else ""
    return f"truncated body: the connection closed after {received}{of} bytes"


def _describe(exc: requests.RequestException) -> str:
    if isinstance(exc, requests.Timeout):
        return f"timed out ({exc.__class__.__name__})"
    if isinstance(exc, requests.ConnectionError):
        return f"connection failed: {_first_line(exc)}"
    return f"{exc.__class__.__name__}: {_first_line(exc)}"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else exc.__class__.__name__
