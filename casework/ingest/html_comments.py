"""Reader comments out of HTML, with who wrote them, when, and in reply to whom.

trafilatura keeps comment text but drops its author, time and thread, which
are exactly what coordination analysis needs, so comments are parsed here
from the three markups that cover most sites:

- JSON-LD `Comment` objects (schema.org), nested or linked by `parentItem`;
- schema.org `Comment` microdata (`itemscope itemtype=.../Comment`);
- comment-classed containers: WordPress comment lists, Drupal, Disqus-style
  and the `comment`-classed elements most CMSs emit, found by class tokens.

Each markup gives a list; the page's comments are the longest list (ties go
to the more structured markup). Class and attribute patterns are data, below.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlparse

from lxml.etree import XPath
from lxml.html import HtmlElement

from casework.ingest.dates import parse_timestamp
from casework.ingest.htmltext import element_text, own_descendants
from casework.ingest.records import Comment

# A class token that marks one comment (not the list, not a part of one).
ITEM_CLASS = re.compile(
    r"^(?:[a-z0-9]+[-_]+)*comment(?:[-_]+(?:item|entry|single|container|card|node|wrapper|"
    r"box|block|thread-item|\d+))?$",
    re.IGNORECASE,
)
ITEM_ID = re.compile(r"^comment[-_]?\d+$", re.IGNORECASE)
ITEM_ATTRIBUTES = ("data-comment-id", "data-commentid")
# Disqus-style threads call each comment a "post" inside a known container.
THREAD_CONTAINER_IDS = frozenset({"disqus_thread", "post-list", "comments-list"})

# Parts of a comment, most specific first; matched against the class attribute.
AUTHOR_CLASSES = (
    re.compile(r"(^|\s)fn(\s|$)"),
    re.compile(r"(author|user|commenter)[-_]*(name|nick)|username|nickname|display[-_]?name", re.I),
    re.compile(r"(^|[-_\s])(author|commenter|user)([-_\s]|$)", re.I),
    # A byline holds the name and the time together: the name's last resort.
    re.compile(r"(^|[-_\s])byline([-_\s]|$)", re.I),
)
TIME_CLASSES = (re.compile(r"(^|[-_\s])(date|time|timestamp|published|posted)([-_\s]|$)", re.I),)
TEXT_CLASSES = (
    re.compile(r"comment[-_]*(content|text|message)", re.I),
    re.compile(r"(^|[-_\s])(content|text|message|post-message|body-text)([-_\s]|$)", re.I),
    re.compile(r"comment[-_]*body|(^|[-_\s])body([-_\s]|$)", re.I),
)
AUTHOR_NOISE = re.compile(r"\s*(says|said|wrote|replied|writes)\s*:?\s*$|^\s*by\s+", re.I)
# What a byline puts after the name ("name • 2 days ago"): a separator starts it.
AUTHOR_TAIL = re.compile(r"\s+[•·|]\s.*$", re.S)
# A time element needs a word or digit: a bare bullet in a time-classed span is decoration.
_HAS_TIME = re.compile(r"\w")
HANDLE_ATTRIBUTES = ("data-username", "data-user", "data-handle", "data-author")
PROFILE_PATH = re.compile(
    r"/(?:@|u/|user/|users/|profile/|profiles/|people/|author/|members?/)([\w.\-]+)/?$", re.I
)
COMMENT_TYPES = frozenset({"Comment", "Answer"})


@dataclass(frozen=True)
class Markup:
    """A way comments are written into pages, and the function that reads it."""

    name: str
    read: Callable[[HtmlElement, str | None], list[Comment]]


def extract_comments(tree: HtmlElement, url: str | None = None) -> tuple[str | None, list[Comment]]:
    """The page's comments and the markup they came from; ([], None) is normal."""
    best: tuple[str | None, list[Comment]] = (None, [])
    for markup in MARKUPS:
        found = markup.read(tree, url)
        if len(found) > len(best[1]):
            best = (markup.name, found)
    return best


# --- JSON-LD ------------------------------------------------------------------

_JSON_LD_SCRIPTS = XPath('//script[@type="application/ld+json"]')


def from_json_ld(tree: HtmlElement, url: str | None) -> list[Comment]:
    comments: list[Comment] = []
    ids: dict[str, int] = {}
    links: list[tuple[int, str]] = []
    for script in _JSON_LD_SCRIPTS(tree):
        try:
            data = json.loads(script.text or "", strict=False)
        except json.JSONDecodeError:
            continue
        for node, parent in _walk_json(data, None):
            comment = _json_ld_comment(node, url)
            if comment is None:
                continue
            index = len(comments)
            comment.parent = parent
            comments.append(comment)
            if comment.native_id:
                ids[comment.native_id] = index
            ref = _ref(node.get("parentItem"))
            if ref:
                links.append((index, ref))
    for index, ref in links:
        if comments[index].parent is None and ref in ids and ids[ref] != index:
            comments[index].parent = ids[ref]
    return comments


def _walk_json(
    node: Any, parent: int | None, counter: list[int] | None = None
) -> Iterator[tuple[dict[str, Any], int | None]]:
    """Pre-order walk yielding dicts with the index of the enclosing Comment."""
    counter = counter if counter is not None else [0]
    if isinstance(node, list):
        for item in node:
            yield from _walk_json(item, parent, counter)
        return
    if not isinstance(node, dict):
        return
    own = parent
    if _is_comment(node):
        yield node, parent
        own = counter[0]
        counter[0] += 1
    for key, value in node.items():
        if isinstance(value, dict | list) and key != "author":
            yield from _walk_json(value, own, counter)


def _is_comment(node: dict[str, Any]) -> bool:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.rsplit("/", 1)[-1] in COMMENT_TYPES for k in kinds)


def _json_ld_comment(node: dict[str, Any], url: str | None) -> Comment | None:
    if not _is_comment(node):
        return None
    text = node.get("text") or node.get("commentText") or node.get("description") or ""
    if not isinstance(text, str) or not text.strip():
        return None
    author = node.get("author") or node.get("creator")
    if isinstance(author, list):
        author = author[0] if author else None
    name = author_url = None
    if isinstance(author, dict):
        name = author.get("name") or author.get("alternateName")
        author_url = author.get("url") or _ref(author)
    elif isinstance(author, str):
        name = author
    raw_time = node.get("dateCreated") or node.get("datePublished") or node.get("uploadDate")
    native = node.get("@id") or node.get("identifier") or node.get("url")
    return _make_comment(
        text=_plain(text),
        author=name if isinstance(name, str) else None,
        author_url=author_url if isinstance(author_url, str) else None,
        raw_time=raw_time if isinstance(raw_time, str) else None,
        native_id=str(native) if native else None,
        base_url=url,
    )


def _ref(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    return value if isinstance(value, str) and value else None


def _plain(text: str) -> str:
    """JSON-LD text sometimes carries HTML; keep its words, not its tags."""
    if "<" not in text:
        return text.strip()
    from lxml.html import fragment_fromstring

    return element_text(fragment_fromstring(text, create_parent="div"))


# --- microdata ----------------------------------------------------------------

_MICRODATA_ITEMS = XPath(
    "//*[@itemscope][contains(@itemtype, 'schema.org/Comment') "
    "or contains(@itemtype, 'schema.org/Answer')]"
)


def from_microdata(tree: HtmlElement, url: str | None) -> list[Comment]:
    items = _MICRODATA_ITEMS(tree)
    item_set = set(items)
    index_of: dict[HtmlElement, int] = {}
    by_id: dict[str, int] = {}
    comments: list[Comment] = []
    pending_links: list[tuple[int, str]] = []
    for item in items:
        props = _microdata_props(item, item_set)
        text_el = _first_prop(props, "text", "commentText")
        if text_el is None:
            continue
        text = element_text(text_el)
        if not text:
            continue
        author_el = _first_prop(props, "author", "creator")
        name, author_url = _microdata_person(author_el)
        time_el = _first_prop(props, "dateCreated", "datePublished")
        raw_time = None
        if time_el is not None:
            raw_time = time_el.get("datetime") or time_el.get("content") or element_text(time_el)
        native = item.get("itemid") or item.get("id")
        comment = _make_comment(text, name, author_url, raw_time, native, url)
        comment.parent = _nearest(item, index_of)
        index = index_of[item] = len(comments)
        url_el = props.get("url")
        own_url = None if url_el is None else url_el.get("href") or url_el.get("content")
        for key in (native, f"#{native}" if native else None, own_url):
            if key:
                by_id[key] = index
        # A reply outside its parent's element points at it by URL or id.
        parent_el = props.get("parentItem")
        refs = [item.get("data-reply-to")]
        if parent_el is not None:
            refs += [parent_el.get(a) for a in ("href", "content", "itemid")]
        pending_links += [(index, ref) for ref in refs if ref]
        comments.append(comment)
    for index, ref in pending_links:
        if comments[index].parent is None and by_id.get(ref, index) != index:
            comments[index].parent = by_id[ref]
    return comments


def _microdata_props(item: HtmlElement, items: set[HtmlElement]) -> dict[str, HtmlElement]:
    """First element for each itemprop of this item, not of nested items."""
    props: dict[str, HtmlElement] = {}
    stack = list(reversed(item))
    while stack:
        node = stack.pop()
        if not isinstance(node.tag, str) or node in items:
            continue
        for prop in (node.get("itemprop") or "").split():
            props.setdefault(prop, node)
        if node.get("itemscope") is None:
            stack.extend(reversed(node))
    return props


def _first_prop(props: dict[str, HtmlElement], *names: str) -> HtmlElement | None:
    return next((props[name] for name in names if name in props), None)


def _microdata_person(el: HtmlElement | None) -> tuple[str | None, str | None]:
    if el is None:
        return None, None
    if el.get("itemscope") is not None:
        name_el = next(iter(el.xpath(".//*[@itemprop='name']")), None)
        url_el = next(iter(el.xpath(".//*[@itemprop='url']")), None)
        name = None
        if name_el is not None:
            name = name_el.get("content") or element_text(name_el)
        url = None if url_el is None else url_el.get("href") or url_el.get("content")
        return name or element_text(el) or None, url
    return el.get("content") or element_text(el) or None, el.get("href")


# --- comment-classed containers -------------------------------------------------

# Compiled once: lxml recompiles an XPath string on every call.
_CANDIDATES = XPath(
    "//*[contains(@class, 'omment') or contains(@id, 'omment') or @data-comment-id "
    "or @data-commentid]"
    " | //*[" + " or ".join(f"@id='{name}'" for name in sorted(THREAD_CONTAINER_IDS)) + "]"
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' post ')]"
)


def _is_item(el: HtmlElement) -> bool:
    if not isinstance(el.tag, str) or el.tag in ("a", "span", "form", "textarea", "button"):
        return False
    tokens = (el.get("class") or "").split()
    if any(ITEM_CLASS.match(token) for token in tokens):
        return True
    if ITEM_ID.match(el.get("id") or "") or any(el.get(a) for a in ITEM_ATTRIBUTES):
        return True
    if "post" in tokens:
        return any(
            (ancestor.get("id") or "") in THREAD_CONTAINER_IDS for ancestor in el.iterancestors()
        )
    return False


def from_comment_classes(tree: HtmlElement, url: str | None) -> list[Comment]:
    candidates = [el for el in _CANDIDATES(tree) if _is_item(el)]
    boundary = set(candidates)
    index_of: dict[HtmlElement, int] = {}
    wrappers: set[HtmlElement] = set()
    comments: list[Comment] = []
    for item in candidates:
        own = list(own_descendants(item, boundary.__contains__))
        author_el = _first_by_class(own, AUTHOR_CLASSES)
        text_el = _first_by_class(own, TEXT_CLASSES)
        if text_el is not None and any(el in boundary for el in text_el.iterdescendants()):
            # Its "text" holds another item: a wrapper (Disqus puts the post's body in an
            # inner item); the post is the inner one, and replies to it nest in the wrapper.
            wrappers.add(item)
            continue
        if author_el is None or text_el is None:
            continue
        time_el = next((el for el in own if el.tag == "time"), None)
        if time_el is None:
            time_el = _first_by_class(
                [el for el in own if _HAS_TIME.search(_time_value(el) or "")], TIME_CLASSES
            )
        skip = {el for el in (author_el, time_el) if el is not None and el is not text_el}
        text = element_text(text_el, skip)
        if not text:
            continue
        raw_time = None if time_el is None else _time_value(time_el)
        link = author_el if author_el.tag == "a" else next(iter(author_el.iter("a")), None)
        author_url = link.get("href") if link is not None else None
        native = item.get("data-comment-id") or item.get("data-commentid") or item.get("id")
        comment = _make_comment(text, element_text(author_el), author_url, raw_time, native, url)
        handle = next(
            (h for el in (item, author_el) for a in HANDLE_ATTRIBUTES if (h := el.get(a))), None
        )
        if handle:
            comment.author_handle = handle.lstrip("@")
        comment.parent = _nearest(item, index_of)
        index_of[item] = len(comments)
        for ancestor in item.iterancestors():
            if ancestor in index_of:
                break
            if ancestor in wrappers:
                index_of[ancestor] = index_of[item]
                break
        comments.append(comment)
    return comments


def _time_value(el: HtmlElement) -> str | None:
    """A time element's machine-readable value where it has one, else its text."""
    return (
        el.get("datetime")
        or el.get("data-time")
        or el.get("title")
        or el.get("content")
        or element_text(el)
    )


def _first_by_class(
    elements: list[HtmlElement], patterns: tuple[re.Pattern[str], ...]
) -> HtmlElement | None:
    for pattern in patterns:
        for el in elements:
            if pattern.search(el.get("class") or ""):
                return el
    return None


# --- shared -------------------------------------------------------------------


def _nearest(item: HtmlElement, index_of: dict[HtmlElement, int]) -> int | None:
    for ancestor in item.iterancestors():
        if ancestor in index_of:
            return index_of[ancestor]
    return None


def _make_comment(
    text: str,
    author: str | None,
    author_url: str | None,
    raw_time: str | None,
    native_id: str | None,
    base_url: str | None,
) -> Comment:
    name = AUTHOR_NOISE.sub("", AUTHOR_TAIL.sub("", author)).strip() if author else None
    if author_url and base_url:
        author_url = urljoin(base_url, author_url)
    if author_url and author_url.startswith("#"):
        author_url = None
    handle = None
    if name and name.startswith("@") and " " not in name:
        handle = name[1:]
    elif author_url and (match := PROFILE_PATH.search(urlparse(author_url).path)):
        handle = match.group(1).lstrip("@")
    raw_time = raw_time.strip() if raw_time else None
    return Comment(
        text=text,
        author=name or None,
        author_url=author_url,
        author_handle=handle,
        published_raw=raw_time or None,
        published_at=parse_timestamp(raw_time),
        native_id=native_id,
    )


MARKUPS: tuple[Markup, ...] = (
    Markup("json-ld", from_json_ld),
    Markup("microdata", from_microdata),
    Markup("comment-classes", from_comment_classes),
)
