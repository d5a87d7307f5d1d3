"""Site boilerplate as data: the phrases that mark page chrome, by kind.

Heuristics live in named tables (as trafilatura keeps its XPaths in one
module), so a new site's prompts are a one-line change here and every
removal is reported with the kind of chrome it matched.

Patterns are matched against a whole paragraph (case-insensitive, trailing
punctuation ignored). `SHORT_ONLY` kinds only apply to short paragraphs, so
an article sentence that happens to mention "newsletter" is never dropped.
"""

from __future__ import annotations

import re

SHORT_PARAGRAPH_WORDS = 25
LABEL_WORDS = 6

_SOCIAL = r"(facebook|twitter|x|whatsapp|telegram|linkedin|vk|reddit|email|e-mail|print|pinterest)"

BOILERPLATE: dict[str, tuple[str, ...]] = {
    "share-prompt": (
        r"share( this( article| story| post| page)?)?( on| via)?( social media| " + _SOCIAL + r")?",
        r"(follow|find|join|like) us( on)?( social (networks|media)| " + _SOCIAL + r"|.{0,30})",
        r"(share|tweet|post)( on| to)? " + _SOCIAL + r"(\s*[|/·•,]?\s*" + _SOCIAL + r")*",
        _SOCIAL + r"(\s*[|/·•,]\s*(" + _SOCIAL + r"|copy link|share))+",
        r"copy link|link copied",
    ),
    "newsletter-prompt": (
        r"(sign up|subscribe|register)( now| today| free)?( (to|for) .{0,60})?",
        r"(get|receive) (the|our) .{0,60}(newsletter|briefing|digest|updates)( .{0,60})?",
        r"enter your e-?mail( address)?.{0,60}",
    ),
    "review-prompt": (
        r"leave a (review|comment|reply)",
        r"rate this (article|story|post|page)",
        r"(was|is) this (article|story|page) (helpful|useful)",
        r"(did|do) you (like|enjoy) this (article|story)",
    ),
    "comment-toggle": (
        r"(show|hide|view|load|see|open|close|read)( all| more)?( \d+)? "
        r"(comments?|replies)( \(\d+\))?",
        r"\d+ (comments?|replies)",
        r"comments?( \(\d+\))?",
        r"(be the first to comment|no comments yet|add a comment|post a comment|"
        r"join the (discussion|conversation)|leave a reply|cancel reply)",
    ),
    "navigation": (
        r"(news ?line|latest news|latest|top stories|most read|most popular|trending( now)?|"
        r"related( articles| stories| news| posts| topics)?|read (more|also|next)|"
        r"you (may|might) also like|recommended( for you)?|back to top|"
        r"skip to (main )?content|advertisement|sponsored( content)?|tags?|topics)",
        r"(read|see) (more|also)( about this)?\s*:.{0,150}",
        r"(home|news|politics|world|business|sport|opinion|about us|contact( us)?)"
        r"(\s*[|/›»>·•]\s*[\w&' -]{1,30}){2,}",
    ),
    "copyright": (
        r"(©|\(c\)|copyright\b).{0,300}",
        r".{0,120}\ball rights reserved\b.{0,200}",
    ),
    "affiliate-disclaimer": (
        r"we are a participant in the .{0,60}associates program.{0,400}",
        r".{0,200}\baffiliate (advertising )?(program|links?)\b.{0,300}",
    ),
    "cookie-notice": (
        r".{0,200}\bwe use cookies\b.{0,300}",
        r"(accept|reject|manage)( all)? cookies",
    ),
}

# Kinds that could match real article prose when it is long.
SHORT_ONLY = frozenset(
    {"share-prompt", "newsletter-prompt", "review-prompt", "comment-toggle", "navigation"}
)


def _combined(kinds: list[str]) -> re.Pattern[str]:
    """One alternation per use, each kind a named group: one regex call per paragraph."""
    groups = (
        f"(?P<{kind.replace('-', '_')}>{'|'.join(f'(?:{p})' for p in BOILERPLATE[kind])})"
        for kind in kinds
    )
    return re.compile("|".join(groups), re.IGNORECASE)


_ANY_KIND = _combined(list(BOILERPLATE))
_LONG_KINDS = _combined([kind for kind in BOILERPLATE if kind not in SHORT_ONLY])
_TRAILING_PUNCT = re.compile(r"[\s.:!?…»›>|•·\-–—]+$")


def boilerplate_kind(paragraph: str) -> str | None:
    """The kind of chrome this paragraph is, or None when it is content."""
    text = _TRAILING_PUNCT.sub("", paragraph.strip())
    if not text:
        return "empty"
    short = text.count(" ") < SHORT_PARAGRAPH_WORDS
    match = (_ANY_KIND if short else _LONG_KINDS).fullmatch(text)
    if match is None:
        return None
    return next(kind for kind, value in match.groupdict().items() if value is not None).replace(
        "_", "-"
    )


def is_label(paragraph: str) -> bool:
    """A short title-like line (a tag, programme name or menu item), not a sentence."""
    text = paragraph.strip()
    return (
        0 < len(text.split()) <= LABEL_WORDS
        and not re.search(r"[.!?;:\"”»)]$", text)
        and not re.search(r"\d{3,}", text)
    )
