"""Text out of an lxml element, keeping paragraph breaks, dropping controls.

trafilatura does this for whole articles; comment bodies are small elements
we pick ourselves, so they need their own short walk.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator

from lxml.html import HtmlElement

from casework.ingest.cleaning import tidy

BLOCK_TAGS = frozenset(
    "p div blockquote li ul ol pre h1 h2 h3 h4 h5 h6 table tr section article header "
    "footer figure figcaption dd dt dl hr".split()
)
SKIP_TAGS = frozenset(
    "script style noscript template button form input select textarea svg".split()
)
# Controls that sit inside comment bodies: reply links, vote and share buttons.
CONTROL_CLASS = re.compile(
    r"(^|[-_ ])(reply|replies-count|actions?|toolbar|vote|votes|like|likes|share|report|flag|"
    r"edit|permalink|button|btn|menu)([-_ ]|$)",
    re.IGNORECASE,
)


def classes(el: HtmlElement) -> str:
    return el.get("class") or ""


def element_text(el: HtmlElement, skip: Collection[HtmlElement] = ()) -> str:
    """Visible text of `el`, blocks separated by blank lines, `<br>` as newline.

    Elements in `skip` (a comment's author line or date inside its body) are left out.
    """
    parts: list[str] = []
    _walk(el, parts, skip)
    return tidy("".join(parts))


def _walk(el: HtmlElement, parts: list[str], skip: Collection[HtmlElement]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in SKIP_TAGS or el in skip or (tag and tag != "p" and CONTROL_CLASS.search(classes(el))):
        if el.tail:
            parts.append(el.tail)
        return
    block = tag in BLOCK_TAGS
    if block:
        parts.append("\n\n")
    if tag == "br":
        parts.append("\n")
    if el.text and tag:
        parts.append(el.text)
    for child in el:
        _walk(child, parts, skip)
    if block:
        parts.append("\n\n")
    if el.tail:
        parts.append(el.tail)


def own_descendants(
    el: HtmlElement, is_boundary: Callable[[HtmlElement], bool]
) -> Iterator[HtmlElement]:
    """Descendants of `el` in document order, not entering nested boundary elements.

    Comments nest: a reply sits inside its parent's element, so a parent's
    author, date and text must be looked for without descending into replies.
    """
    stack = list(reversed(el))
    while stack:
        node = stack.pop()
        if not isinstance(node.tag, str):
            continue
        if is_boundary(node):
            continue
        yield node
        stack.extend(reversed(node))
