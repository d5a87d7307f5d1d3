"""One HTML page: article text and metadata from trafilatura, comments from us.

The page is parsed once with lxml; our comment reader walks that tree, and
trafilatura works on its own copy, so neither sees the other's edits.
"""

from __future__ import annotations

import re

from lxml.etree import XPath
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.utils import load_html

from casework.errors import Errors, InputError
from casework.ingest.cleaning import repeat_key
from casework.ingest.dates import parse_date
from casework.ingest.html_comments import extract_comments
from casework.ingest.records import ParsedDocument, Removed
from casework.ingest.text_layout import BYLINE_LEADS, byline_names

_WORD = re.compile(r"\w\w")
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|\band\b|&|\|)\s*")


def parse_html(text: str, source: str, url: str | None = None) -> ParsedDocument:
    """Parse a page; raise InputError when nothing at all can be had from it."""
    tree = load_html(text)
    if tree is None:
        raise InputError(Errors.E201, source=source)
    markup, comments = extract_comments(tree, url)
    extracted = bare_extraction(
        tree,
        url=url,
        include_comments=False,
        with_metadata=True,
        include_tables=True,
        deduplicate=False,
    )
    doc = ParsedDocument(format="html", comments=comments, source_url=url)
    if markup:
        doc.metadata["comment_markup"] = markup
    html_lang = tree.get("lang") or next(iter(tree.xpath("//html/@lang")), None)
    if extracted is None:
        if not comments:
            raise InputError(Errors.E201, source=source)
        doc.declared_language = _language_code(html_lang)
        return doc
    doc.title = extracted.title or None
    doc.description = extracted.description or None
    doc.site = extracted.sitename or extracted.hostname or None
    doc.section = _first(extracted.categories)
    doc.authors = _authors(extracted.author) or _visible_byline(tree)
    doc.published = parse_date(extracted.date)
    doc.canonical_url = extracted.url or None
    doc.declared_language = _language_code(extracted.language or html_lang)
    if extracted.tags:
        doc.metadata["tags"] = list(extracted.tags)
    # Broken markup can leave stray tag characters as "text": keep lines with words.
    doc.paragraphs = [line for line in (extracted.text or "").split("\n") if _WORD.search(line)]
    _drop_comment_echoes(doc)
    if not doc.paragraphs and not comments and not doc.title:
        raise InputError(Errors.E201, source=source)
    return doc


def _drop_comment_echoes(doc: ParsedDocument) -> None:
    """Comment text the body extractor let through belongs to the comments only."""
    if not doc.comments:
        return
    comment_keys = {repeat_key(p) for c in doc.comments for p in c.text.split("\n\n")}
    kept = []
    for paragraph in doc.paragraphs:
        if repeat_key(paragraph) in comment_keys:
            doc.removed.append(Removed(paragraph, "comment-text"))
        else:
            kept.append(paragraph)
    doc.paragraphs = kept


# Short elements that can hold a byline ("By <a>Ann Lee</a>"), outside any comment.
_BYLINE_CANDIDATES = XPath(
    "//body//*[self::span or self::p or self::div or self::address or self::li]"
    "[not(ancestor-or-self::*[contains(@class, 'omment') or contains(@id, 'omment')])]"
)
BYLINE_MAX_WORDS = 8


def _visible_byline(tree: HtmlElement) -> list[str]:
    """The page's own "By ..." line, when the metadata names nobody.

    trafilatura reads authors from metadata and a few byline classes; a CMS that
    prints "By <a class=username>Ann Lee</a>" (or "Müəllif ...") with neither is
    still a byline a reader sees, and the text-dump reader reads it the same way.
    """
    for el in _BYLINE_CANDIDATES(tree):
        text = " ".join(el.text_content().split())
        if not text or len(text.split()) > BYLINE_MAX_WORDS or not BYLINE_LEADS.match(text):
            continue
        names = byline_names(text)
        if names:
            return names
    return []


def _first(values: list[str] | None) -> str | None:
    return values[0] if values else None


def _authors(raw: str | None) -> list[str]:
    if not raw:
        return []
    names = [name.strip(" ,") for name in _AUTHOR_SPLIT.split(raw)]
    return list(dict.fromkeys(name for name in names if name))


def _language_code(value: str | None) -> str | None:
    if not value:
        return None
    return value.split("-")[0].split("_")[0].lower() or None
