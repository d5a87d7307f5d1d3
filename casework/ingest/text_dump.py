"""Plain-text page dumps: a saved web page as text, with its comment thread.

Such dumps (copy-paste from a browser, `lynx -dump`, archive exports) keep
the page's layout but none of its markup. The rules here read that layout,
never any site's wording:

- header: a short kicker line directly above the title (no blank line between)
  is the section; a one-sentence block before a date line is the dek; a short
  line holding a date ("Published on: ...") is the date; lines of the form
  "<Name> is a/an/the/former ..." are author biographies;
- comment thread: a bulleted line holding only a short name, followed by text
  indented deeper than the bullet, opens a comment; a deeper bullet is a reply
  to the nearest shallower one; text at or left of the thread's first bullet
  ends the thread (what follows is the site footer).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from casework.ingest.boilerplate import boilerplate_kind
from casework.ingest.cleaning import tidy
from casework.ingest.dates import parse_date
from casework.ingest.records import Bio, Comment, ParsedDocument, Removed

BULLETS = "•◦▪‣●○·*-–—►>"
BULLET_LINE = re.compile(r"^(?P<indent>[ ]*)[" + re.escape(BULLETS) + r"]\s+(?P<text>\S.*?)\s*$")
AUTHOR_MAX_WORDS = 6
# A name may end in an initial ("Tarlan B."); any other final full stop ends a sentence.
INITIAL_END = re.compile(r"(^|\s)\w\.$")
AUTHOR_MAX_CHARS = 60
KICKER_MAX_WORDS = 12
TITLE_MAX_WORDS = 30
DEK_MAX_WORDS = 60
DATE_LINE_MAX_WORDS = 10
DATE_SEARCH_LINES = 4
DATE_PREFIX = re.compile(
    r"^(?:published|posted|updated|date|last updated|first published)(?:\s+on)?\s*[:\-–]?\s*",
    re.I,
)
MONTH_OR_NUMERIC_DATE = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|"
    r"\b\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|"
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{4}\b",
    re.I,
)
_NAME_PART = r"[A-ZÀ-ÖØ-ÞĀ-ſƏА-Я][\w'’.\-]+"
BIO_START = re.compile(
    r"(?:^|(?<=[.!?]\s))(?P<name>"
    + _NAME_PART
    + r"(?:\s+(?:"
    + _NAME_PART
    + r"|de|van|von|al|bin|el|da|di)){1,3})\s+(?:is|was|serves as|has been)\s+"
    r"(?:a|an|the|former|currently|also|now)\b"
)
BYLINE = re.compile(r"^by\s+(?P<names>[^.]{3,120})$", re.I)
_BYLINE_SPLIT = re.compile(r"\s*(?:,|\band\b|&)\s*")
_TERMINAL = re.compile(r"[.!?…:;\"”»)]$")


@dataclass
class _Line:
    number: int
    indent: int
    text: str


@dataclass
class _Thread:
    start: int
    end: int
    comments: list[Comment] = field(default_factory=list)


def parse_text_dump(text: str) -> ParsedDocument:
    lines = [
        _Line(n, len(raw) - len(raw.lstrip(" ")), raw.strip())
        for n, raw in enumerate(text.expandtabs(4).replace("\r\n", "\n").split("\n"), start=1)
    ]
    doc = ParsedDocument(format="text")
    thread = _find_thread(lines)
    head = lines if thread is None else lines[: thread.start]
    _parse_head(head, doc)
    if thread is not None:
        doc.comments = thread.comments
        for line in lines[thread.end :]:
            if line.text:
                doc.removed.append(Removed(line.text, boilerplate_kind(line.text) or "page-footer"))
    return doc


# --- header and body -------------------------------------------------------------


def _parse_head(lines: list[_Line], doc: ParsedDocument) -> None:
    filled = [(i, line) for i, line in enumerate(lines) if line.text]
    if not filled:
        return
    position = 0
    first_index, first = filled[0]
    second = filled[1] if len(filled) > 1 else None
    if (
        second is not None
        and second[0] == first_index + 1
        and _is_kicker(first.text)
        and _is_kicker(second[1].text)
    ):
        doc.section, doc.title = first.text, second[1].text
        position = 2
    elif len(first.text.split()) <= TITLE_MAX_WORDS:
        doc.title = first.text
        position = 1
    rest = [line for _, line in filled[position:]]
    rest = _take_date_and_dek(rest, doc)
    rest = _take_bios(rest, doc, from_end=False)
    rest = _take_bios(rest, doc, from_end=True)
    doc.paragraphs = _join_wrapped(rest)


def _is_kicker(text: str) -> bool:
    return len(text.split()) <= KICKER_MAX_WORDS and not re.search(r"[.!?]$", text)


def _take_date_and_dek(rest: list[_Line], doc: ParsedDocument) -> list[_Line]:
    for k, line in enumerate(rest[:DATE_SEARCH_LINES]):
        text = line.text
        byline = BYLINE.match(text)
        if byline and not doc.authors:
            doc.authors = [n for n in _BYLINE_SPLIT.split(byline.group("names")) if n]
            continue
        published = _date_line(text)
        if published is None:
            continue
        doc.published = published
        before = [b for b in rest[:k] if not BYLINE.match(b.text)]
        if before and all(len(b.text.split()) <= DEK_MAX_WORDS for b in before):
            doc.description = " ".join(b.text for b in before)
        return rest[k + 1 :] if doc.description or not before else before + rest[k + 1 :]
    return rest


def _date_line(text: str) -> date | None:
    if len(text.split()) > DATE_LINE_MAX_WORDS or not MONTH_OR_NUMERIC_DATE.search(text):
        return None
    return parse_date(DATE_PREFIX.sub("", text))


def _take_bios(rest: list[_Line], doc: ParsedDocument, from_end: bool) -> list[_Line]:
    """Consume author-bio lines at the start (or end) of the remaining lines.

    At the end, chrome lines after the bios ("Comments (4)") are stepped over
    and left in place for cleaning to remove and record.
    """
    chrome: list[_Line] = []
    while rest:
        text = (rest[-1] if from_end else rest[0]).text
        if from_end and boilerplate_kind(text):
            chrome.insert(0, rest.pop())
            continue
        bios = _bios(text)
        if not bios:
            break
        doc.bios.extend(bios)
        for bio in bios:
            if bio.name not in doc.authors:
                doc.authors.append(bio.name)
        rest = rest[:-1] if from_end else rest[1:]
    return rest + chrome


def _bios(text: str) -> list[Bio]:
    starts = list(BIO_START.finditer(text))
    if not starts or starts[0].start() != 0:
        return []
    bounds = [m.start() for m in starts] + [len(text)]
    return [
        Bio(match.group("name"), text[bounds[i] : bounds[i + 1]].strip())
        for i, match in enumerate(starts)
    ]


def _join_wrapped(lines: list[_Line]) -> list[str]:
    """Join a line that stops mid-sentence with the next, lower-case line of its block."""
    paragraphs: list[str] = []
    previous = None
    for line in lines:
        if (
            previous is not None
            and line.number == previous.number + 1
            and not _TERMINAL.search(paragraphs[-1])
            and line.text[:1].islower()
        ):
            paragraphs[-1] = f"{paragraphs[-1]} {line.text}"
        else:
            paragraphs.append(line.text)
        previous = line
    return paragraphs


# --- comment thread --------------------------------------------------------------


def _author_bullet(lines: list[_Line], i: int) -> tuple[int, str] | None:
    """(indent, author) when line i opens a comment, else None."""
    match = BULLET_LINE.match(" " * lines[i].indent + lines[i].text)
    if not match:
        return None
    author = match.group("text")
    if (
        len(author.split()) > AUTHOR_MAX_WORDS
        or len(author) > AUTHOR_MAX_CHARS
        or re.search(r"[!?,;:]$", author)
        or (author.endswith(".") and not INITIAL_END.search(author))
    ):
        return None
    indent = len(match.group("indent"))
    following = next((line for line in lines[i + 1 :] if line.text), None)
    if following is None or following.indent <= indent or BULLET_LINE.match(following.text):
        return None
    return indent, author


def _find_thread(lines: list[_Line]) -> _Thread | None:
    start = next((i for i in range(len(lines)) if _author_bullet(lines, i)), None)
    if start is None:
        return None
    base = lines[start].indent
    thread = _Thread(start=start, end=len(lines))
    stack: list[tuple[int, int]] = []  # (bullet indent, comment index)
    body: list[_Line] = []
    for i in range(start, len(lines)):
        line = lines[i]
        opened = _author_bullet(lines, i)
        if opened is None and line.text and line.indent <= base:
            thread.end = i
            break
        if opened is None:
            body.append(line)
            continue
        _close(thread, body)
        body = []
        indent, author = opened
        while stack and stack[-1][0] >= indent:
            stack.pop()
        parent = stack[-1][1] if stack else None
        thread.comments.append(Comment(text="", author=author, parent=parent, line=line.number))
        stack.append((indent, len(thread.comments) - 1))
    _close(thread, body)
    return thread


def _close(thread: _Thread, body: list[_Line]) -> None:
    """Give the lines read since the last author line to the last comment."""
    if not thread.comments:
        return
    filled = [line for line in body if line.text]
    if not filled:
        return
    margin = min(line.indent for line in filled)
    text = "\n".join(" " * (line.indent - margin) + line.text if line.text else "" for line in body)
    thread.comments[-1].text = tidy(text)
