"""Plain-text page dumps: a saved web page as text, with its comment thread.

Such dumps (a browser's copy, `lynx -dump`, `w3m -dump`, `html2text`,
`pandoc -t plain`, archive exports) keep the page's layout but none of its
markup. The reader works on that layout, never on any site's wording
(the line tests are in `text_layout`):

1. lines: renderer marks go (link numbers, buttons, form fields, a lynx link
   list), heading rules mark the line above as a heading, and lines a
   renderer wrapped at its width are joined again;
2. thread: a comment opens at a bulleted or numbered short name, or at a
   name line that says "wrote:"/"says:" or is followed by a time; a deeper
   marker is a reply to the nearest shallower comment; metadata lines
   ("Reply", like counts, times) are not text; chrome at or left of the
   thread's margin ends it (what follows is the site footer);
3. header: the title is the headline-shaped line with the most evidence for
   it (a byline or date below it, a heading mark, its repeat in a breadcrumb
   or a comment heading), not the first line; the site name, menus and
   navigation bars above it are chrome; between the title and the body sit
   the dek, byline and date in any order; a kicker just above it is the section;
4. body: from the header to the last run of prose before a long stretch of
   non-prose (related links, tags, menus); runs of short items are menus;
   "<Name> is a/an/the ..." lines at either end are author biographies.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from casework.ingest import text_layout as layout
from casework.ingest.boilerplate import boilerplate_kind
from casework.ingest.cleaning import repeat_key, tidy
from casework.ingest.dates import parse_timestamp
from casework.ingest.records import Bio, Comment, ParsedDocument, Removed

TAB_WIDTH = 4
# How far below the title the dek, byline and date may sit, in non-empty lines.
HEADER_SPAN = 8
KICKER_MAX_WORDS = 12
# A line of at most this many words above a headline is a kicker or a site name.
SUBTITLE_KICKER_WORDS = 3
ALT_MAX_WORDS = 12
AUTHOR_BOX_MAX_WORDS = 80
# Chrome that comes after an article's last paragraph, not between its paragraphs.
# How many lines below a bare marker its name may sit (past blank lines, an avatar).
HEAD_REACH = 6
# Candidate thread openings tried before the dump is taken to have no thread.
THREAD_TRIES = 8
LABEL_MAX_WORDS = layout.LABEL_MAX_WORDS
CLOSING_CHROME = frozenset({"tags", "share-bar", "author-bio"})
DEK_MAX_WORDS = 60
# A standfirst is shorter than a lede (deks run 10-25 words; first paragraphs 25-40).
LATE_DEK_MAX_WORDS = 25
AUTHOR_MAX_WORDS = 6
AUTHOR_MAX_CHARS = 60
# A run of this many short items is a menu, a share bar or a list of links.
MENU_RUN = 4
# This many non-prose lines in a row after the body's prose end the body.
BODY_GAP = 4
# ... when the prose after the stretch is less than this share of the prose before it.
TAIL_SHARE = 0.5
# A dump is hard-wrapped when this many lines (and this share of them) reach within
# WRAP_SLACK of the widest.
WRAPPED_LINES_MIN = 5
WRAP_SLACK = 10
WRAPPED_SHARE = 0.25
# The width is read off the widest lines but a few columns may sit past it (lynx puts
# headings at the margin, text three columns in): a line that long still wrapped.
WIDTH_OVERRUN = 3
INITIAL_END = re.compile(r"(^|\s)\w\.$")
_NAME_PART = r"[A-ZÀ-ÖØ-ÞĀ-ſƏА-Я][\w'’.\-]+"
BIO_START = re.compile(
    r"(?:^|(?<=[.!?]\s))(?P<name>"
    + _NAME_PART
    + r"(?:\s+(?:"
    + _NAME_PART
    + r"|de|van|von|al|bin|el|da|di)){1,3})\s+(?:is|was|serves as|has been)\s+"
    r"(?:a|an|the|former|currently|also|now)\b"
)
_TERMINAL = re.compile(r"[.!?…:;\"”»)]$")


@dataclass
class _Line:
    number: int
    indent: int
    text: str
    heading: bool = False
    # The last source line of a line joined from several (see _unwrap).
    last_number: int = 0

    def __post_init__(self) -> None:
        self.last_number = max(self.last_number, self.number)


@dataclass
class _Head:
    """Where a comment opens: its depth, author, time, and the first line of its text."""

    indent: int
    author: str
    published_raw: str | None
    text_start: int
    reply_to: str | None = None  # the author this comment says it answers


@dataclass
class _Thread:
    start: int
    end: int
    comments: list[Comment] = field(default_factory=list)


def parse_text_dump(text: str) -> ParsedDocument:
    lines = _unwrap(_read_lines(text))
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


# --- lines ------------------------------------------------------------------------


def _read_lines(text: str) -> list[_Line]:
    """Lines with their indent, renderer marks gone and headings marked."""
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    raw_lines = raw_lines[: _references_start(raw_lines)]
    underscored = layout.underscores_links(text)
    lines: list[_Line] = []
    for number, raw in enumerate(raw_lines, start=1):
        raw = raw.expandtabs(TAB_WIDTH).replace("\u00a0", " ").rstrip()
        if layout.HEADING_RULE.match(raw):
            if lines and lines[-1].text:
                lines[-1].heading = True
                # html2text's starred heading that filled the width: its closing
                # stars alone on the next line ("****** A headline" / "******")
                opened = layout.STARRED_OPEN.match(lines[-1].text)
                if opened:
                    lines[-1].text = opened.group("text")
            continue
        heading = False
        starred = layout.STARRED_HEADING.match(raw)
        if starred:
            raw, heading = " " * (len(raw) - len(raw.lstrip())) + starred.group("text"), True
        cleaned = layout.strip_marks(raw, underscored)
        stripped = cleaned.strip()
        lines.append(_Line(number, len(cleaned) - len(cleaned.lstrip()), stripped, heading))
    _join_starred(lines)
    return lines


def _references_start(raw_lines: list[str]) -> int:
    """Where a trailing lynx link list ("References", numbered URLs) begins."""
    for i in range(len(raw_lines) - 1, -1, -1):
        if layout.REFERENCES_HEAD.match(raw_lines[i]):
            following = [r for r in raw_lines[i + 1 : i + 6] if r.strip()]
            if following and all(
                layout.REFERENCE_ITEM.match(r) or layout.REFERENCES_HEAD.match(r) for r in following
            ):
                return i
    return len(raw_lines)


def _join_starred(lines: list[_Line]) -> None:
    """A starred heading wrapped over two lines ("*** A long" / "title ***") is one heading."""
    for line, following in itertools.pairwise(lines):
        opened = layout.STARRED_OPEN.match(line.text)
        closed = layout.STARRED_CLOSE.match(following.text)
        if opened and closed and not line.heading:
            head = opened.group("text")
            line.text = f"{head}{_glue(head)}{closed.group('text')}"
            line.heading, line.last_number = True, following.number
            following.text = ""


def _glue(head: str) -> str:
    """What joins a wrapped line to the next: a space, or nothing after a word broken
    at its hyphen ("Well-" / "Connected" is "Well-Connected")."""
    return "" if re.search(r"\w-$", head) else " "


def _unwrap(lines: list[_Line]) -> list[_Line]:
    """Join lines a renderer broke at its width back into one line.

    A line was broken there when the next line's first word would not have
    fitted on it; the width is the widest line, when enough lines reach it.
    """
    width = _wrap_width(lines)
    if width is None:
        return lines
    joined: list[_Line] = []
    # The physical line last read: a joined line is judged by its last piece, not its sum.
    last: _Line | None = None
    for line in lines:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and last is not None
            and last.text
            and line.text
            and line.number == last.number + 1
            and line.indent in (previous.indent, previous.indent + _marker_width(previous.text))
            and previous.heading == line.heading
            and not layout.BULLET.match(line.text)
            and not layout.IMAGE_MARK.match(line.text)
            and last.indent + len(last.text) + 1 + len(line.text.split()[0]) > width
            and last.indent + len(last.text) <= width + WIDTH_OVERRUN
        ):
            previous.text = f"{previous.text}{_glue(previous.text)}{line.text}"
            previous.last_number = line.number
            last = line
            continue
        joined.append(_Line(line.number, line.indent, line.text, line.heading))
        last = line
    return joined


def _wrap_width(lines: list[_Line]) -> int | None:
    # Table rows (columns padded with runs of spaces) run past the text's width.
    lengths = sorted(
        (
            line.indent + len(line.text)
            for line in lines
            if " " in line.text and "   " not in line.text
        ),
        reverse=True,
    )
    if len(lengths) < WRAPPED_LINES_MIN:
        return None
    # Headings and preformatted lines may run past the width: skip the few widest.
    width = lengths[len(lengths) // 50]
    near = sum(1 for length in lengths if width - WRAP_SLACK <= length <= width)
    return width if near >= max(WRAPPED_LINES_MIN, len(lengths) * WRAPPED_SHARE) else None


def _marker_width(text: str) -> int:
    match = layout.BULLET.match(text)
    return text.index(match.group("text")) if match and match.group("text") else 0


# --- header and body -------------------------------------------------------------


def _parse_head(lines: list[_Line], doc: ParsedDocument) -> None:
    filled = [line for line in lines if line.text]
    if not filled:
        return
    title_at = _title_index(filled)
    if title_at is None:
        doc.title = (
            filled[0].text if layout.words(filled[0].text) <= layout.TITLE_MAX_WORDS else None
        )
        rest = filled[1:] if doc.title else filled
    else:
        doc.title = filled[title_at].text
        _take_section(filled, title_at, doc)
        for line in filled[:title_at]:
            if line.text != doc.section:
                doc.removed.append(Removed(line.text, boilerplate_kind(line.text) or "page-header"))
        rest = _take_header(filled[title_at + 1 :], doc)
    rest = _cut_tail(rest, doc)
    rest = _drop_menus(rest, doc)
    rest = _drop_chrome(rest, doc)
    rest = _take_bios(rest, doc, from_end=False)
    rest = _take_bios(rest, doc, from_end=True)
    doc.paragraphs = _join_wrapped(rest)


def _title_index(filled: list[_Line]) -> int | None:
    """The headline: the headline-shaped line before the body with the most evidence.

    Evidence: a byline or date below it (before any prose), a heading mark, its
    repeat elsewhere (the tail of a breadcrumb, a quoted comment heading), and
    being outdented from the text around it. Ties go to the lower line, since
    site names and kickers sit above headlines.
    """
    listed = _listed(filled)
    body_start = _first_prose_run(filled, listed)
    repeats = _repeated_keys(filled)
    margin = _main_indent(filled)
    best: tuple[int, int] | None = None
    scores: dict[int, int] = {}
    for i, line in enumerate(filled[:body_start]):
        if i in listed or not layout.is_title_like(line.text):
            continue
        score = 0
        below = filled[i + 1 : i + 1 + HEADER_SPAN]
        for other in below:
            if _is_byline(other.text):
                score += 3
                break
            if (
                layout.is_prose(other.text)
                and not _is_dek(other.text)
                and not layout.is_title_like(other.text)  # a subtitle
            ):
                break
        score += 2 if line.heading or line.indent < margin else 0
        score += 3 if repeat_key(line.text) in repeats else 0
        scores[i] = score
        if best is None or score >= best[0]:
            best = (score, i)
    if best is not None and best[0] > 0:
        return _over_subtitle(filled, best[1], scores)
    # No evidence: the first line, unless it is chrome; then the headline-shaped line
    # nearest the body.
    first = filled[0].text
    if layout.words(first) <= layout.TITLE_MAX_WORDS and not _is_chrome(first):
        return 0
    return best[1] if best else None


def _listed(filled: list[_Line]) -> set[int]:
    """Lines that are items of a list of two or more (a menu, a breadcrumb rendered as
    a numbered list: "1. Home 2. Russia 3. <the headline>"). A headline is not a list
    item; the page's own headline stands apart from such a list."""
    items = [bool(layout.BULLET.match(line.text)) for line in filled]
    return {
        i
        for i, item in enumerate(items)
        if item and ((i > 0 and items[i - 1]) or (i + 1 < len(items) and items[i + 1]))
    }


def _over_subtitle(filled: list[_Line], at: int, scores: dict[int, int]) -> int:
    """A headline right above an equally evidenced line is the title; that line is its
    subtitle. (A kicker or a site name above a headline is a label of a few words.)"""
    above = at - 1
    if (
        scores.get(above) == scores[at]
        and filled[at].number - filled[above].last_number <= 2
        and len(re.findall(r"\w+", filled[above].text)) > SUBTITLE_KICKER_WORDS
    ):
        return above
    return at


def _is_byline(text: str) -> bool:
    """A byline or dateline: names after "By", or a date on a line that is not a sentence."""
    return bool(
        layout.byline_names(text) or (layout.date_in(text) and not layout.SENTENCE_END.search(text))
    )


def _is_chrome(text: str) -> bool:
    return bool(
        layout.is_nav(text) or boilerplate_kind(text) or layout.FURNITURE.search(text)
    ) or layout.is_name_only(text)


def _first_prose_run(filled: list[_Line], listed: set[int] | None = None) -> int:
    """Index of the first of two prose lines close together: the body has begun."""
    # A breadcrumb ending in a long headline is as long as a sentence, but it is
    # navigation; so is a list item (`listed`: see `_listed`).
    listed = listed or set()
    prose = [
        i
        for i, line in enumerate(filled)
        if i not in listed and layout.is_prose(line.text) and not layout.breadcrumb_tail(line.text)
    ]
    for a, b in itertools.pairwise(prose):
        if b - a <= 2:
            return a + 1  # the first may be a dek; the title is above either way
    return len(filled)


def _repeated_keys(filled: list[_Line]) -> set[str]:
    """Headlines a page repeats: breadcrumb tails and quoted headings ("3 thoughts on “X”")."""
    keys: set[str] = set()
    for line in filled:
        tail = layout.breadcrumb_tail(line.text)
        if tail:
            keys.add(repeat_key(tail))
        for quoted in re.findall(r"[“\"«]([^”\"»]{10,})[”\"»]", line.text):
            keys.add(repeat_key(quoted))
    return keys


def _main_indent(filled: list[_Line]) -> int:
    """The indent most prose sits at (lynx indents text and leaves headings at the margin)."""
    indents = [line.indent for line in filled if layout.is_prose(line.text)]
    return max(set(indents), key=indents.count) if indents else 0


def _is_dek(text: str) -> bool:
    return layout.words(text) <= DEK_MAX_WORDS and bool(layout.SENTENCE_END.search(text))


def _take_section(filled: list[_Line], title_at: int, doc: ParsedDocument) -> None:
    """A kicker directly above the title (not the site's first line) is the section."""
    if title_at == 0:
        return
    above = filled[title_at - 1]
    title = filled[title_at]
    if (
        layout.words(above.text) <= KICKER_MAX_WORDS
        and not layout.SENTENCE_END.search(above.text)
        and not layout.is_nav(above.text)
        and boilerplate_kind(above.text) is None
        and title.number - above.last_number <= 2
        and (title_at > 1 or title.number == above.last_number + 1)
    ):
        doc.section = above.text


def _take_header(after_title: list[_Line], doc: ParsedDocument) -> list[_Line]:
    """Dek, byline and date below the title, in any order; the rest is the body."""
    end = 0
    dek: list[str] = []
    for k, line in enumerate(after_title[:HEADER_SPAN]):
        names = layout.byline_names(line.text) or _name_line(line.text)
        published = layout.date_in(line.text) if layout.words(line.text) <= 16 else None
        if names and not doc.authors:
            doc.authors = names
        if published and doc.published is None:
            doc.published = published
        if names or published:
            end = k + 1
            continue
        if layout.is_prose(line.text) and not _is_dek(line.text) and not _is_subtitle(k, line):
            break
    for k, line in enumerate(after_title[:end]):
        if layout.byline_names(line.text) or _name_line(line.text) or layout.date_in(line.text):
            continue
        if (_is_dek(line.text) or _is_subtitle(k, line)) and layout.words(line.text) > 3:
            dek.append(line.text)
        else:
            doc.removed.append(Removed(line.text, boilerplate_kind(line.text) or "page-header"))
    if not dek and end and _is_late_dek(after_title[end : end + 2]):
        dek.append(after_title[end].text)
        end += 1
    doc.description = " ".join(dek) or None
    return after_title[end:]


def _is_late_dek(lines: list[_Line]) -> bool:
    """A standfirst below the byline: one sentence, then page furniture, not more prose."""
    if len(lines) < 2:
        return False
    text, following = lines[0].text, lines[1].text
    return (
        layout.words(text) <= LATE_DEK_MAX_WORDS
        and bool(layout.SENTENCE_END.search(text))
        and len(re.findall(r"[.!?…]\s", text)) == 0
        and layout.chrome_kind(following) is not None
    )


def _is_subtitle(k: int, line: _Line) -> bool:
    """The headline-shaped line right below the title is its subtitle."""
    return k == 0 and layout.is_title_like(line.text)


def _name_line(text: str) -> list[str] | None:
    """A line (or bullet) that holds only names, below a title, is the byline."""
    bullet = layout.BULLET.match(text)
    text = bullet.group("text") if bullet else text
    return layout.names_from(text) if layout.is_name_only(text) else None


def _drop_menus(rest: list[_Line], doc: ParsedDocument) -> list[_Line]:
    """Navigation bars and runs of short items (menus, share bars, link lists) are chrome."""
    kept: list[_Line] = []
    run: list[_Line] = []

    def flush() -> None:
        if len(run) >= MENU_RUN:
            doc.removed.extend(Removed(line.text, "menu") for line in run)
        else:
            kept.extend(run)
        run.clear()

    for line in rest:
        if layout.is_nav(line.text):
            doc.removed.append(Removed(line.text, "navigation"))
            continue
        if _is_item(line.text):
            run.append(line)
            continue
        flush()
        kept.append(line)
    flush()
    return kept


def _drop_chrome(rest: list[_Line], doc: ParsedDocument) -> list[_Line]:
    """Captions, promo boxes, share bars, tag lists, notices and author boxes are not the story.

    The HTML reader drops them by their markup; here their wording and their place tell:
    a credit ends a caption and the short line right above it is the image's alt text; a
    paragraph opening with the byline's name is the author's box; a comment-section
    heading ("12 thoughts on ...") ends the article.
    """
    kept: list[_Line] = []
    for line in rest:
        kind = _chrome_kind(line.text, doc)
        if kind == "author-bio":  # kept on the record as a biography, as _take_bios does
            doc.bios.extend(_bios(line.text) or [Bio(_box_author(line.text, doc) or "", line.text)])
            continue
        if kind == "comments-heading":
            doc.removed.extend(Removed(x.text, kind) for x in rest[rest.index(line) :])
            break
        if kind is None:
            kept.append(line)
            continue
        if kind == "caption" and kept and _is_alt_text(kept[-1], line):
            doc.removed.append(Removed(kept.pop().text, kind))
        doc.removed.append(Removed(line.text, kind))
    return kept


def _is_alt_text(above: _Line, caption: _Line) -> bool:
    """An image's alt text sits on the line right above its caption, as a short label."""
    return (
        above.last_number + 1 == caption.number
        and layout.words(above.text) <= ALT_MAX_WORDS
        and not layout.SENTENCE_END.search(above.text)
        and not above.heading
    )


def _chrome_kind(text: str, doc: ParsedDocument) -> str | None:
    return layout.chrome_kind(text) or ("author-bio" if _box_author(text, doc) else None)


def _box_author(text: str, doc: ParsedDocument) -> str | None:
    """A short paragraph that opens with a byline name is the author's box ("A B covers ...")."""
    if layout.words(text) > AUTHOR_BOX_MAX_WORDS:
        return None
    return next(
        (
            name
            for name in doc.authors
            if len(name.split()) >= 2 and re.match(re.escape(name) + r"(?=[\s,—–-])", text)
        ),
        None,
    )


def _is_item(text: str) -> bool:
    bullet = layout.BULLET.match(text)
    item = bullet.group("text") if bullet else text
    return layout.is_label(item) or (bullet is not None and layout.words(item) <= 12)


def _cut_tail(rest: list[_Line], doc: ParsedDocument) -> list[_Line]:
    """The body ends at its last prose before a long stretch without any, when what
    prose follows the stretch is little next to what came before it.

    The article is the page's main run of prose: a share bar or a list of links in
    the middle of it is followed by most of the story, while the related teasers,
    app promos and footer notes after it hold a few stray sentences. Menu items
    count towards the stretch (this runs before menus are dropped), as does chrome
    that closes articles (tags, share bars, the author's box); captions and promo
    boxes also sit between paragraphs, so they do not.
    """
    kinds = [_chrome_kind(line.text, doc) for line in rest]
    stop = next((i for i, kind in enumerate(kinds) if kind == "comments-heading"), len(rest))
    sizes = [
        layout.words(line.text)
        if kinds[i] is None and (layout.is_prose(line.text) or _is_bio_line(line.text))
        else 0
        for i, line in enumerate(rest[:stop])
    ]
    total, seen, gap = sum(sizes), 0, 0
    last_prose = None
    for i, line in enumerate(rest[:stop]):
        if kinds[i] in CLOSING_CHROME:
            gap += 1
        elif kinds[i] is not None:
            continue
        elif sizes[i]:
            if last_prose is not None and gap >= BODY_GAP and total - seen < TAIL_SHARE * seen:
                break
            last_prose, gap, seen = i, 0, seen + sizes[i]
        elif boilerplate_kind(line.text) is None or layout.is_nav(line.text):
            gap += 1
    if last_prose is None or len(rest) - last_prose - 1 < BODY_GAP:
        return rest
    for line in rest[last_prose + 1 :]:
        doc.removed.append(Removed(line.text, boilerplate_kind(line.text) or "page-footer"))
    return rest[: last_prose + 1]


def _is_bio_line(text: str) -> bool:
    return bool(_bios(text))


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
            and line.number == previous.last_number + 1
            and not _TERMINAL.search(paragraphs[-1])
            and line.text[:1].islower()
        ):
            paragraphs[-1] = f"{paragraphs[-1]}{_glue(paragraphs[-1])}{line.text}"
        else:
            paragraphs.append(line.text)
        previous = line
    return paragraphs


# --- comment thread --------------------------------------------------------------


def _comment_head(lines: list[_Line], i: int) -> _Head | None:
    """The comment line i opens, or None.

    A comment opens at a marker (bullet or number) and a short name, on one
    line or two; or at a name line that says "wrote:"/"says:" or carries a
    time, or is followed by one. A bare bulleted name must have its text
    indented below it, so a bulleted list in the body is never a thread.
    """
    line = lines[i]
    marker = layout.BULLET.match(line.text)
    at = i
    text = marker.group("text").strip() if marker else line.text
    while not text or layout.is_comment_meta(text) or layout.IMAGE_SLUG.fullmatch(text):
        at = _next_filled(lines, at)
        if at is None or at - i > HEAD_REACH or marker is None:
            return None
        if layout.BULLET.match(lines[at].text) or lines[at].indent < line.indent:
            return None
        text = lines[at].text
    said = layout.COMMENT_VERBS.search(text)
    if said:
        text = text[: said.start()]
    text, glued_time = layout.POST_NUMBER.sub("", text), None
    if len([p for p in layout.BYLINE_SEPARATORS.split(text) if p]) == 1:
        text, glued_time = layout.split_trailing_time(text)
    reply = layout.REPLY_TO.search(text)
    reply_to = None
    if reply and reply.start() > 0:
        text, reply_to = text[: reply.start()], reply.group("name").strip()
    pieces = [p for p in layout.BYLINE_SEPARATORS.split(text) if p]
    if glued_time:
        # A name run into its time, with no mark, opens a block: after a blank line or
        # the last comment's metadata, not halfway through a wrapped list item.
        if not (marker or said or _opens_block(lines, at)):
            return None
        pieces.append(glued_time)
    if not pieces:
        return None
    author, stamps = pieces[0], [p for p in pieces[1:] if layout.is_timestamp(p)]
    if not _is_author(author) or len(stamps) != len(pieces) - 1:
        return None
    following = _next_filled(lines, at)
    if following is None:
        return None
    text_start = following
    raw_time = stamps[0] if stamps else None
    if layout.is_timestamp(lines[following].text):
        raw_time = raw_time or lines[following].text
        text_start = following + 1
        stamps.append(lines[following].text)
    if not (said or stamps):
        if marker is None:
            return None
        if lines[following].indent <= line.indent or layout.BULLET.match(lines[following].text):
            return None
    return _Head(line.indent, author.strip(), raw_time, text_start, reply_to)


def _opens_block(lines: list[_Line], i: int) -> bool:
    """Line i starts a block: the line above is blank, a comment's metadata or avatar, or
    the heading of the comment section."""
    above = lines[i - 1] if i > 0 else None
    return (
        above is None
        or not above.text
        or _is_meta(above.text)
        or above.heading
        or boilerplate_kind(above.text) == "comment-toggle"
        or (layout.is_label(above.text) and bool(layout.COMMENTS_LABEL.search(above.text)))
    )


def _is_author(text: str) -> bool:
    return (
        not re.match(r"\d+\s", text)
        and not layout.BYLINE_LEADS.match(text)
        and ": " not in text
        and sum(word[:1].islower() for word in text.split()) <= 1
        and not layout.FURNITURE.search(text)
        and 0 < layout.words(text) <= AUTHOR_MAX_WORDS
        and len(text) <= AUTHOR_MAX_CHARS
        and not re.search(r"[!?,;:]$", text)
        and not (text.endswith(".") and not INITIAL_END.search(text))
        and not layout.is_timestamp(text)
        and not layout.is_comment_meta(text)
        and boilerplate_kind(text) is None
    )


def _next_filled(lines: list[_Line], i: int) -> int | None:
    return next((j for j in range(i + 1, len(lines)) if lines[j].text), None)


def _find_thread(lines: list[_Line]) -> _Thread | None:
    """The comment thread: the first comment after the body has begun, to the footer."""
    filled = [i for i, line in enumerate(lines) if line.text]
    run = _first_prose_run([lines[i] for i in filled])
    after = filled[run] if run < len(filled) else len(lines)
    starts = itertools.chain(
        (i for i in range(after, len(lines)) if lines[i].text and _comment_head(lines, i)),
        (i for i in range(len(lines)) if _bulleted_head(lines, i)),
    )
    for start in itertools.islice(starts, THREAD_TRIES):
        thread = _read_thread(lines, start)
        if _is_conversation(thread):
            return thread
    return None


def _is_conversation(thread: _Thread) -> bool:
    """People wrote it: most comments say something longer than a menu item.

    A bulleted menu with sub-items ("• Politics" over "□ Economy") has the shape of a
    thread but only labels for text.
    """
    said = sum(1 for c in thread.comments if any(map(_said, c.text.split("\n"))))
    return said * 2 >= len(thread.comments) > 0


def _said(line: str) -> bool:
    """A line a person wrote: longer than a label, or a finished sentence."""
    return layout.words(line) > LABEL_MAX_WORDS or bool(layout.SENTENCE_END.search(line.strip()))


def _bulleted_head(lines: list[_Line], i: int) -> bool:
    """A head with a marker: enough on its own in a dump that is only a thread."""
    return bool(lines[i].text and layout.BULLET.match(lines[i].text) and _comment_head(lines, i))


def _read_thread(lines: list[_Line], start: int) -> _Thread:
    base = lines[start].indent
    first = _comment_head(lines, start)
    assert first is not None
    # Comment text indented below its head (controls such as "* Reply" do not count).
    text_lines = [
        line
        for line in lines[first.text_start : first.text_start + 6]
        if line.text and not _is_meta(_unbulleted(line.text))
    ][:1]
    indented = any(line.indent > base for line in text_lines)
    thread = _Thread(start=start, end=len(lines))
    stack: list[tuple[int, int]] = []  # (marker indent, comment index)
    body: list[_Line] = []
    i = start
    while i < len(lines):
        line = lines[i]
        head = _comment_head(lines, i) if line.text else None
        if head is None:
            if line.text and _ends_thread(line, base, indented):
                thread.end = i
                break
            body.append(line)
            i += 1
            continue
        _close(thread, body)
        body = []
        while stack and stack[-1][0] >= head.indent:
            stack.pop()
        parent = stack[-1][1] if stack else None
        if head.reply_to:
            parent = _last_by(thread.comments, head.reply_to, parent)
        thread.comments.append(
            Comment(
                text="",
                author=head.author,
                parent=parent,
                line=line.number,
                published_raw=head.published_raw,
                published_at=parse_timestamp(head.published_raw),
            )
        )
        stack.append((head.indent, len(thread.comments) - 1))
        i = head.text_start
    _close(thread, body)
    _drop_avatar_letters(thread.comments)
    return thread


def _drop_avatar_letters(comments: list[Comment]) -> None:
    """Avatar initials glued to names ("TTimur K."): when most of the thread's names start
    with a doubled capital, the page draws a letter avatar, so the first letter goes."""
    doubled = [c for c in comments if c.author and layout.DOUBLED_INITIAL.match(c.author)]
    if len(doubled) >= 2 and len(doubled) * 2 > len(comments):
        for comment in doubled:
            assert comment.author is not None
            comment.author = comment.author[1:]


def _last_by(comments: list[Comment], author: str, fallback: int | None) -> int | None:
    """The latest comment by the author a reply names; else what the layout said."""
    key = repeat_key(author)
    found = [i for i, c in enumerate(comments) if c.author and repeat_key(c.author) == key]
    return found[-1] if found else fallback


def _unbulleted(text: str) -> str:
    bullet = layout.BULLET.match(text)
    return bullet.group("text") if bullet else text


def _ends_thread(line: _Line, base: int, indented: bool) -> bool:
    """Chrome after the thread: at or left of its margin when comment text is indented."""
    if indented:
        return line.indent <= base
    if _is_meta(line.text):  # "Reply | Quote | +0" is a comment's, not the footer's
        return False
    kind = boilerplate_kind(line.text)
    return (kind is not None and kind != "comment-toggle") or layout.is_nav(line.text)


def _close(thread: _Thread, body: list[_Line]) -> None:
    """Give the lines read since the last author line to the last comment, less its metadata."""
    if not thread.comments:
        return
    body = [line for line in body if not (line.text and _is_meta(_unbulleted(line.text)))]
    filled = [line for line in body if line.text]
    if not filled:
        return
    margin = min(line.indent for line in filled)
    text = "\n".join(" " * (line.indent - margin) + line.text if line.text else "" for line in body)
    thread.comments[-1].text = tidy(text)


def _is_meta(text: str) -> bool:
    """Controls, counts, times and avatar images ("[avatar-3]") around a comment's text.

    An image shows as its file slug, one bracketed word; a bracketed sentence is text.
    """
    return bool(
        layout.is_comment_meta(text)
        or layout.is_timestamp(text)
        or layout.IMAGE_SLUG.fullmatch(text.strip())
    )
