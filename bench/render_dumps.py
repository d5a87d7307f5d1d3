"""Text dumps of our HTML pages, read back: does the dump give what the page gives?

Every HTML page (bench/pages and the sample corpus) is rendered by each
installed renderer (bench.renderers); the text-dump reader reads the render
and the HTML reader reads the page. The HTML reading is the reference: the
same title, date and authors, a body whose 4-gram shingle F1 against the
HTML body is at least BODY_F1_FLOOR, and the same comment thread (authors in
order, the parent of each).

    python -m bench.render_dumps          (or: make bench-dumps)
    python -m bench.render_dumps --write-gaps   (re-pin the known gaps)

What does not hold yet is pinned in GAPS_FILE, one list of (page, renderer)
per check; tests/ingest/test_render_dumps.py fails when a pinned gap closes
(so the pin is tightened) or a new one opens (a regression).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bench.metrics import Score
from bench.renderers import RENDERERS, ROOT, render_all
from casework.ingest.cleaning import clean_paragraphs, repeat_key
from casework.ingest.html_page import parse_html
from casework.ingest.records import ParsedDocument
from casework.ingest.text_dump import parse_text_dump

BODY_F1_FLOOR = 0.95
GAPS_FILE = ROOT / "bench" / "render_dumps_gaps.json"
ASPECTS = ("title", "authors", "date", "body", "thread")
PAGE_FOLDERS = (ROOT / "bench" / "pages", ROOT / "examples" / "corpus" / "html")


def html_pages() -> list[Path]:
    return [path for folder in PAGE_FOLDERS for path in sorted(folder.glob("*.html"))]


@dataclass(frozen=True)
class Reading:
    """What a reader made of one page, in the terms the two readers share."""

    title: str | None
    authors: tuple[str, ...]
    published: date | None
    body: str
    thread: tuple[tuple[str | None, str | None], ...]  # (author, parent's author)

    @classmethod
    def of(cls, doc: ParsedDocument) -> Reading:
        paragraphs, _ = clean_paragraphs(doc.paragraphs, doc.title)
        authors = [c.author for c in doc.comments]
        return cls(
            title=doc.title,
            authors=tuple(doc.authors),
            published=doc.published,
            body="\n\n".join(paragraphs),
            thread=tuple(
                (c.author, None if c.parent is None else authors[c.parent]) for c in doc.comments
            ),
        )


@dataclass(frozen=True)
class Check:
    """One page read from one renderer's dump, against its HTML reading."""

    page: str
    renderer: str
    reference: Reading
    dump: Reading

    @property
    def title_ok(self) -> bool:
        return _key(self.dump.title) == _key(self.reference.title)

    @property
    def authors_ok(self) -> bool:
        return self.dump.authors == self.reference.authors

    @property
    def date_ok(self) -> bool:
        return self.dump.published == self.reference.published

    @property
    def body_f1(self) -> float:
        return Score.of(self.dump.body, self.reference.body).f1

    @property
    def thread_ok(self) -> bool:
        return self.dump.thread == self.reference.thread

    def holds(self, aspect: str) -> bool:
        """Whether the dump gives what the page gives, for one of ASPECTS."""
        if aspect == "body":
            return self.body_f1 >= BODY_F1_FLOOR
        return bool(getattr(self, f"{aspect}_ok"))

    @property
    def ok(self) -> bool:
        return all(self.holds(aspect) for aspect in ASPECTS)


def _key(title: str | None) -> str | None:
    """Titles compare once quotes, spacing and case are set aside (renderers differ there)."""
    return repeat_key(title) if title else None


def reference(path: Path) -> Reading:
    return Reading.of(parse_html(path.read_text(encoding="utf-8"), str(path)))


def check_all(renderer: str, pages: list[Path]) -> list[Check]:
    renders = render_all(renderer, pages)
    return [
        Check(
            path.name,
            renderer,
            reference(path),
            Reading.of(parse_text_dump(renders[path.resolve()])),
        )
        for path in pages
    ]


def pinned_gaps() -> dict[str, set[tuple[str, str]]]:
    """The (page, renderer) pairs known to fail each check, as pinned in GAPS_FILE."""
    if not GAPS_FILE.exists():
        return {aspect: set() for aspect in ASPECTS}
    data = json.loads(GAPS_FILE.read_text(encoding="utf-8"))
    return {aspect: {tuple(pair) for pair in data.get(aspect, [])} for aspect in ASPECTS}


def write_gaps(checks: list[Check]) -> None:
    gaps = {
        aspect: sorted([c.page, c.renderer] for c in checks if not c.holds(aspect))
        for aspect in ASPECTS
    }
    GAPS_FILE.write_text(json.dumps(gaps, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def _mark(ok: bool) -> str:
    return "ok" if ok else "--"


def main(argv: list[str]) -> int:
    pages = html_pages()
    available = [r for r in RENDERERS if r.available()]
    for renderer in RENDERERS:
        if renderer not in available:
            print(f"skipped {renderer.name}: {renderer.missing_reason()}")
    print(f"{'page':40} {'renderer':12} title authors date  body-F1 thread")
    checks = [check for renderer in available for check in check_all(renderer.name, pages)]
    for check in sorted(checks, key=lambda c: (c.page, c.renderer)):
        print(
            f"{check.page[:40]:40} {check.renderer:12} {_mark(check.title_ok):5} "
            f"{_mark(check.authors_ok):7} {_mark(check.date_ok):5} {check.body_f1:7.3f} "
            f"{_mark(check.thread_ok)}"
        )
    print()
    print(f"{'renderer':12} pages title authors date body>={BODY_F1_FLOOR} thread all")
    for renderer in available:
        mine = [c for c in checks if c.renderer == renderer.name]
        print(
            f"{renderer.name:12} {len(mine):5} {sum(c.title_ok for c in mine):5} "
            f"{sum(c.authors_ok for c in mine):7} {sum(c.date_ok for c in mine):4} "
            f"{sum(c.body_f1 >= BODY_F1_FLOOR for c in mine):9} "
            f"{sum(c.thread_ok for c in mine):6} {sum(c.ok for c in mine):3}"
        )
    if "--write-gaps" in argv:
        write_gaps(checks)
        print(f"\npinned the gaps in {GAPS_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
