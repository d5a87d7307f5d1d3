"""What a line of a page dump is, judged by its layout: the tables and tests.

A text dump has no markup, so every decision rests on the shape of a line:
its length, its punctuation and capitals, how it is separated, and where it
stands. The renderers that make dumps (`lynx -dump`, `w3m -dump`, Debian's
`html2text`, `pandoc -t plain`, a browser's copy) also leave marks of their
own: link numbers, button labels, form fields, heading rules. Those marks are
listed here as data, with the line tests that use them, so the reader in
`text_dump` stays a sequence of steps.
"""

from __future__ import annotations

import re
from datetime import date

from casework.ingest.boilerplate import boilerplate_kind
from casework.ingest.dates import FOREIGN_MONTH_PATTERN, parse_date

# --- renderer marks, removed before any line is judged ------------------------------

RENDERER_MARKS = (
    re.compile(r"\[(?:\d*|[0-9a-f]{6,}|[\w-]+\.(?:png|jpe?g|gif|svg|webp))\]"),  # link/image refs
    re.compile(r"\((?:BUTTON|IMAGE|INLINE|FORM|NO ?SCRIPT)\)"),  # lynx control labels
    re.compile(r"_{3,}|\[ {2,}\]|\[ \]|\[[xX]\]|□|\[Unknown INPUT type\]"),  # form fields
    re.compile(r"\x08."),  # overstrike pairs
)
HEADING_RULE = re.compile(r"^\s*([=\-~*^#_])\1{2,}\s*$")
STARRED_HEADING = re.compile(r"^\s*\*{2,}\s+(?P<text>.+?)\s+\*{2,}\s*$")
STARRED_OPEN = re.compile(r"^\s*\*{2,}\s+(?P<text>.+)$")
STARRED_CLOSE = re.compile(r"^(?P<text>.+?)\s+\*{2,}\s*$")
# html2text writes a link's spaces as underscores ("March_14,_2025_at_11:02_am");
# a handle has one or two, never one beside punctuation or three.
UNDERSCORED = re.compile(r"\b\w+(?:_[\w,:.'’]+){3,}|\b\w+(?:_[\w']+)*_\w*[,:.]_\w+(?:_\w+)*")
# A lynx link list ends the dump: "References" then numbered URLs.
REFERENCES_HEAD = re.compile(r"^\s*(References|Visible links:?)\s*$")
REFERENCE_ITEM = re.compile(r"^\s*\d+\.\s+\S+:\S+")

# --- short-line kinds ------------------------------------------------------------------

BULLETS = "•◦▪‣●○*-–—+►"
BULLET = re.compile(r"^(?P<mark>[" + re.escape(BULLETS) + r"]|\d{1,3}[.)])(?:\s+|$)(?P<text>.*)$")
# Items of a menu or breadcrumb: short pieces between separators.
NAV_SEPARATORS = re.compile(r"\s+[|»›>/·•]\s+|\s*\|\s*")
NAV_ITEM_MAX_WORDS = 4
BREADCRUMB_SEPARATORS = re.compile(r"\s+[»›>/]\s+")
LABEL_MAX_WORDS = 5
TITLE_MIN_WORDS = 2
TITLE_MAX_WORDS = 30
PROSE_MIN_WORDS = 12
SENTENCE_END = re.compile(r"[.!?…][\"”»’')\]]*$")
OPEN_END = re.compile(r"[,:;\-–—]$")

# --- dates and bylines -------------------------------------------------------------------

MONTHS = (
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|"
    + FOREIGN_MONTH_PATTERN
    + r")\.?"
)
DATE_TEXT = re.compile(
    r"(?:\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:\b" + MONTHS + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\b\d{1,2}(?:st|nd|rd|th|\.)?\s+" + MONTHS + r",?\s+\d{4}"
    r"|\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?"
    r"|\b\d{1,2}[./]\d{1,2}[./]\d{4})"
    r"(?:,?\s*[-–|·•]?\s*(?:(?:at|в|um|à|saat)\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)?",
    re.I,
)
RELATIVE_TIME = re.compile(
    r"^(?:(?:about|over|almost)\s+)?(?:\d+|an?|one)\s+"
    r"(?:sec|second|min|minute|hour|hr|day|week|month|year)s?\s+ago$|^(?:yesterday|today|just now)"
    r"(?:\s+at\s+\d{1,2}[:.]\d{2}(?:\s*[ap]m)?)?$",
    re.I,
)
DATE_WORDS = re.compile(
    r"^(?:published|posted|updated|date|last updated|first published|on)(?:\s+on)?\s*[:\-–]?\s*",
    re.I,
)
BYLINE_LEADS = re.compile(
    r"^(?:(?:(?:words|text|reporting|written|story|photos?|article)\s+)?by"
    # "Author" in the languages of the pages we read, used as a byline's lead word.
    r"|автор|автори|müəllif|yazar|autor|auteur|verfasser)\s*[:\-–]?\s+",
    re.I,
)
AUTHOR_LABEL = re.compile(r"^(?:authors?|writers?|reporters?)\s*[:\-–]\s*", re.I)
BYLINE_SEPARATORS = re.compile(r"\s*(?:[|·•]|\s—\s|\s–\s)\s*")
NAME_JOINERS = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s+и\s+|\s+və\s+)\s*")
NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-ſƏА-ЯЁ][\w'’.\-]*|de|van|von|der|al|bin|el|da|di|la|le)$")
NAME_MAX_WORDS = 4
# Words that follow a name in a byline to give its role ("Ann Lee, staff reporter").
ROLE_WORDS = re.compile(
    r"\b(?:reporter|correspondent|editor|writer|contributor|columnist|staff|journalist|"
    r"photographer|analyst|researcher|fellow|director|in|for|at)\b",
    re.I,
)

# --- comment-section lines -------------------------------------------------------------

COMMENT_VERBS = re.compile(
    r"\s+(?:says|said|wrote|writes|replied|commented|пишет|написал|написала|ответил|ответила|"
    r"пише|написав|yazır|yazdı|schreibt|schrieb|écrit|a écrit|escribió|escribe|dice|scrive)"
    r"\s*:?\s*$",
    re.I,
)
COMMENT_META = re.compile(
    r"^(?:reply|replies|report|share|share\s*›|like|likes|dislike|upvote|downvote|vote|flag|"
    r"permalink|edit|delete|quote|avatar|[+−\-]?\d+|#\d+|\d+\s+(?:likes?|points?|votes?|replies)|"
    r"reply\s*[+−\-]?\d+|(?:reply|share|like)(?:\s*[·•|]\s*(?:reply|share|like|report))+|"
    r"[·•|]|load more(?: comments| replies)?|show more(?: replies)?|view (?:all )?(?:\d+ )?"
    r"(?:comments|replies)|\d+ comments?|sort by \w+|newest|oldest|best|top|login|log in|"
    r"favorite|favourite|cavab ver|cavabla|ответить|ответ|antworten|répondre|responder|rispondi|"
    r"odpowiedz|відповісти)$",
    re.I,
)


# Buttons with no space between them render as one word ("ReplyReport", "LikeReplyShare").
_GLUED_WORD = re.compile(r"[A-Z][a-z]+")
# An avatar letter run into the name it stands for: "TTimur K.", "JJ. Morrison".
DOUBLED_INITIAL = re.compile(r"^([A-ZÀ-ÖØ-ÞĀ-ſƏА-ЯЁ])(?=\1[a-zà-ÿā-žəа-яё.'’])")


# Vote counts with their buttons run together: "+0−", "12▲".
VOTES = re.compile(r"^[+−\-▲▼]?\d+[+−\-▲▼]?$")


def is_comment_meta(text: str) -> bool:
    """A comment's controls or counts, alone on a line ("Reply", "3 likes", "ReplyReport",
    "Reply | Quote | +0−")."""
    pieces = [p.strip() for p in NAV_SEPARATORS.split(text) if p.strip()]
    return bool(pieces) and all(_is_meta_piece(p) or _is_meta_run(p) for p in pieces)


def _is_meta_run(text: str) -> bool:
    """Controls side by side with only spaces between: "14 Likes Reply", "Reply Share"."""
    tokens = text.split()
    i = 0
    while i < len(tokens):
        if i + 1 < len(tokens) and COMMENT_META.match(f"{tokens[i]} {tokens[i + 1]}"):
            i += 2
        elif _is_meta_piece(tokens[i]):
            i += 1
        else:
            return False
    return len(tokens) > 1


def _is_meta_piece(text: str) -> bool:
    if COMMENT_META.match(text) or VOTES.match(text):
        return True
    parts = _GLUED_WORD.findall(text)
    return len(parts) >= 2 and "".join(parts) == text and all(COMMENT_META.match(p) for p in parts)


# A reply names the comment it answers: "Ann in reply to Bob", "Replying to @bob".
REPLY_TO = re.compile(
    r"(?:^|\s+)(?:in reply to|replying to|in response to|reply to|replied to|↪|→)"
    r"\s+@?(?P<name>.+)$",
    re.I,
)
# Forum heads end with the post's number: "ann_k March 3, 2024, 9:12am #2".
POST_NUMBER = re.compile(r"\s+#\d+$")


def split_trailing_time(text: str) -> tuple[str, str | None]:
    """A head line with its time at the end and no separator: ("Ann Lee", "March 3, 2024")."""
    for match in DATE_TEXT.finditer(text):
        if match.end() == len(text) and match.start() > 0:
            return text[: match.start()].rstrip(" ,·•|-–—"), match.group(0)
    words_ = text.split()
    for n in (4, 3, 2):
        tail = " ".join(words_[-n:])
        if len(words_) > n and RELATIVE_TIME.match(tail):
            return " ".join(words_[:-n]).rstrip(" ,·•|-–—"), tail
    return text, None


# Inline elements with no space between them render glued ("Ann LeeMarch 3, 2021").
GLUED_MONTH = re.compile(
    r"(?<=[a-zà-ÿā-ž.])(?=(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+\d)"
)


# Page furniture that looks like a short headline or a name: reading times, avatars.
FURNITURE = re.compile(r"\b\d+\s*min(?:ute)?s?\s+read\b|\bavatar\b|\bphoto:", re.I)


# In a dump that writes link spaces as underscores, so does a two-word name ("Ann_Lee");
# a handle ("ann_lee", "Levan_K") keeps its underscore.
UNDERSCORED_NAME = re.compile(r"\b[^\W\d_]{2,}(?:_[^\W\d_]{2,})+\b")
UNDERSCORED_DUMP_MIN = 3


def _spaced_name(match: re.Match[str]) -> str:
    parts = match.group(0).split("_")
    capitalised = all(p[0].isupper() and p[1:].islower() for p in parts)
    return " ".join(parts) if capitalised else match.group(0)


def underscores_links(text: str) -> bool:
    """Whether a whole dump writes the spaces of link text as underscores (html2text does)."""
    return len(UNDERSCORED.findall(text)) >= UNDERSCORED_DUMP_MIN


def strip_marks(text: str, underscored: bool = False) -> str:
    """The line without renderer marks (link numbers, buttons, form fields)."""
    for mark in RENDERER_MARKS:
        text = mark.sub("", text)
    text = GLUED_MONTH.sub(" ", text)
    if underscored:
        text = UNDERSCORED_NAME.sub(_spaced_name, text)
    return UNDERSCORED.sub(lambda m: m.group(0).replace("_", " "), text)


def words(text: str) -> int:
    return len(text.split())


def is_prose(text: str) -> bool:
    """A sentence-length line or block, the stuff article bodies are made of."""
    return words(text) >= PROSE_MIN_WORDS and boilerplate_kind(text) is None


def is_nav(text: str) -> bool:
    """A menu, breadcrumb or site bar: three or more short items between separators."""
    parts = [p for p in NAV_SEPARATORS.split(text) if p.strip()]
    return len(parts) >= 3 and all(words(p) <= NAV_ITEM_MAX_WORDS for p in parts[:-1])


def breadcrumb_tail(text: str) -> str | None:
    """The last item of a "Home » Section » Headline" trail, which names this page."""
    parts = BREADCRUMB_SEPARATORS.split(text)
    if len(parts) >= 2 and all(words(p) <= NAV_ITEM_MAX_WORDS for p in parts[:-1]):
        return parts[-1].strip()
    return None


def is_label(text: str) -> bool:
    """A menu item, tag or kicker: a few words, no sentence punctuation."""
    return 0 < words(text) <= LABEL_MAX_WORDS and not SENTENCE_END.search(text)


def is_title_like(text: str) -> bool:
    """A headline's shape: a few to thirty words, capitalised, not ending as a clause."""
    return (
        TITLE_MIN_WORDS <= words(text) <= TITLE_MAX_WORDS
        and text[:1].isupper() | text[:1].isdigit() | (text[:1] in "“\"'«")
        and not OPEN_END.search(text)
        and not text.endswith(".")
        and not is_nav(text)
        and boilerplate_kind(text) is None
        and date_in(text) is None
        and byline_names(text) is None
        and not is_name_only(text)
        and not FURNITURE.search(text)
        and not DATE_NUMBER.search(text)
        and len(GLUED_WORDS.findall(text)) < 2
    )


# Inline items with no space between them ("Cookie settingsRejectAccept all",
# "eventsTokayevFuel"): buttons and menus, not a headline.
GLUED_WORDS = re.compile(r"[a-zà-ÿа-яё][A-ZÀ-ÞА-ЯЁ]")


# A day and year around a month word of any language ("21 февраля 2025").
DATE_NUMBER = re.compile(r"^\d{1,2}\.?\s+\w+\.?,?\s+\d{4}\b|^\w+\s+\d{1,2},?\s+\d{4}\b")


def is_name_only(text: str) -> bool:
    """A line that is one or two names and nothing else: a byline or a site name."""
    names = names_from(text)
    return (
        bool(names)
        and all(words(n) >= 2 for n in names)
        and sum(words(n) for n in names) + len(names) - 1 >= words(text)
    )


def date_in(text: str) -> date | None:
    """The date a short line gives ("Published on: March 3, 2021", "03.03.2021, 09:40")."""
    if words(text) > 16:
        return None
    match = DATE_TEXT.search(text)
    return parse_date(match.group(0)) if match else None


def is_timestamp(text: str) -> bool:
    """A line that is only a time: a date, a date and clock time, or a relative time."""
    bare = DATE_WORDS.sub("", text).strip(" ·•|")
    if RELATIVE_TIME.match(bare):
        return True
    match = DATE_TEXT.search(bare)
    return match is not None and words(bare.replace(match.group(0), "")) <= 1


def names_from(text: str) -> list[str]:
    """Leading person names in a byline tail: "A and B March 3" gives [A, B].

    A name is up to four capitalised words; a role after a comma ("staff
    reporter") is stepped over; the list stops at the first word that is not
    part of a name (a date, a count, "min read").
    """
    names: list[str] = []
    dated = DATE_TEXT.search(text)
    if dated:
        text = text[: dated.start()]
    for part in NAME_JOINERS.split(text.strip()):
        tokens = part.split()
        taken: list[str] = []
        for token in tokens:
            if not NAME_WORD.match(token) or len(taken) == NAME_MAX_WORDS or date_in(token):
                break
            taken.append(token)
        if not taken or not taken[-1][:1].isupper():
            break
        name = " ".join(taken).rstrip(".,")
        if ROLE_WORDS.fullmatch(taken[0]):
            break
        names.append(name)
        if len(taken) < len(tokens):
            break
    return names


def byline_names(text: str) -> list[str] | None:
    """The authors a byline line names, in any of its common forms, or None.

    Forms: "By A and B", "Words by A", "Reporting by A; editing by B",
    "A and B · March 3, 2021", "March 3, 2021 · By A and B", "Author: A".
    Without a "by", the line must be split by a separator into a name part and
    a date part, so that a headline is never read as names.
    """
    if words(text) > 24:
        return None
    pieces = [p for p in BYLINE_SEPARATORS.split(text) if p]
    for piece in pieces:
        lead = BYLINE_LEADS.match(piece) or AUTHOR_LABEL.match(piece)
        if lead:
            return names_from(piece[lead.end() :]) or None
    for piece in pieces:
        lead = re.search(r"\bby\s+", piece, re.I)
        if lead and date_in(piece[: lead.start()]):
            return names_from(piece[lead.end() :]) or None
    if len(pieces) >= 2 and any(date_in(p) for p in pieces):
        for piece in pieces:
            if date_in(piece) or piece.lower().endswith(("comments", "read", "views")):
                continue
            if is_name_only(piece):
                return names_from(piece)
    return None


# --- chrome inside the article's run: captions, promo boxes, share bars, notices ------------
#
# The HTML reader drops these by their markup (figcaption, aside, form, footer); a dump
# keeps only their wording and shape, so they are told by the language page furniture
# uses everywhere, never by any one site's text.

CHROME_MAX_WORDS = 50
# A photo credit ends a caption: "Photo: A. Name", "Фото: ...", "Photo by the author.",
# "(News Agency)", "File photo. Agency", "Getty Images".
CAPTION_CREDIT = re.compile(
    r"(?:\b(?:photo(?:graph)?s?|foto|фото|image|picture|illustration|credit|source)"
    r"\s*(?:by)?\s*[:©]\s*[^.!?:]{1,60}\.?"
    r"|\b(?:photo(?:graph)?|foto|фото)\s+(?:by|by the|courtesy of)\s+[^.!?]{1,60}\.?"
    r"|\((?:[A-ZА-Я][\w.&'’-]*\s?){1,5}\)"
    r"|\b(?:getty images|reuters|afp|ap photo|epa|shutterstock)\b[^.!?]{0,40}"
    r"|\bfile (?:photo|image)\b[.,]?[^.!?]{0,60})$",
    re.I,
)
# The last piece of a caption may be its credit alone, after the sentence: "... on Thursday.
# Agency Name". Two to five title-case words, no closing punctuation: an agency or a
# photographer, not a sentence's first word left at the end of a wrapped line ("... Invoices").
CREDIT_TAIL = re.compile(r"\.\s+[A-ZА-Я][\w'’&.-]*(?:\s[A-ZА-Я][\w'’&.-]*){1,4}$")
# An image the renderer shows by its alt text or file slug: "[alt text]Caption", "[slug]".
IMAGE_MARK = re.compile(r"^\[[^\]]{2,}\]")
IMAGE_SLUG = re.compile(r"\[[^\]\s]{2,60}\]")
# What newsletter and membership boxes say, in any site's words.
PROMO_CUES = re.compile(
    r"\bin your inbox\b|\bunsubscribe\b|\bno spam\b|\bby signing up\b|\bone (?:e-?mail|letter) a\b"
    r"|\b(?:weekly|daily|monthly) (?:digest|round-?up|briefing|newsletter|email|e-mail)\b"
    r"|\b(?:every|each) (?:morning|evening|week|weekday|day|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday)\b.{0,20}$|\breader-supported\b|\b(?:free|paid) subscriber\b"
    r"|\be-?mail address\b|\bsubscribe\b|\bnewsletter\b",
    re.I,
)
# Buttons and calls to action start with their verb: "Sign up for ...", "Share on X".
CALL_TO_ACTION = re.compile(
    r"^(?:sign up|subscribe|share|read more|read also|read next|follow us|follow|donate|"
    r"support us|support (?:independent|our)|become a (?:member|subscriber|patron|supporter)|"
    r"log in|sign in|download|get the|join (?:us|our))\b",
    re.I,
)
SHARE_WORDS = frozenset(
    "share facebook twitter x whatsapp telegram linkedin vk reddit email e-mail print pinterest "
    "copy link on via this: bluesky mastodon threads".split()
)
# Lists of the page's tags: "Tags: A, B", "Tagged A, B", "Filed under A".
TAG_LEAD = re.compile(
    r"^(?:tags?|tagged(?: with)?|topics?|filed under|categories|keywords|теги|метки|"
    r"etiketlər|teqlər)\s*:?\s+\S",
    re.I,
)
# Notices about the page rather than its story: comment policy, scripts, syndication, credits.
NOTICES = re.compile(
    r"\bcomments? (?:are|is) (?:moderated|disabled|closed|loaded|turned off|reviewed)\b"
    r"|\bcommunity (?:guidelines|standards|rules)\b|\b(?:enable|requires?|required) javascript\b"
    r"|\bjavascript is (?:required|disabled)\b|\boriginally (?:published|appeared) (?:by|in|on)\b"
    r"|\bctrl\s*\+\s*\w+|\b(?:editing|additional reporting) by\b|\bour standards\b"
    r"|\b(?:followers|subscribers)\s*[·•|]|\blaunched \d+ \w+ ago\b",
    re.I,
)
# Short lines that only state a time or a count: "Updated 5:02 PM GMT+4", "12 Comments".
META_LINE = re.compile(
    r"\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\b|\b\d+\s+(?:comments?|replies|views|shares)\b", re.I
)
META_MAX_WORDS = 8
# A comment section's own heading: "Discussion (6 replies)", "Reader comments (4)".
COMMENTS_LABEL = re.compile(
    r"\b(?:comments?|discussion|replies|responses|reactions|kommentare|commentaires|"
    r"комментарии|коментарі|şərhlər|yorumlar)\b",
    re.I,
)
# The heading a comment section opens with: "12 thoughts on “Headline”".
COMMENTS_HEADING = re.compile(
    r"^(?:\d+|one|two|three)\s+(?:thoughts?|responses?|comments?|replies|reactions?)\s+"
    r"(?:on|to)\b",
    re.I,
)


def chrome_kind(text: str) -> str | None:
    """What piece of page furniture a line inside the article's run is, or None for text.

    Only short lines qualify, so an article sentence that mentions a newsletter or a
    photograph stays in the body.
    """
    n = words(text)
    if n > CHROME_MAX_WORDS:
        return None
    if (
        IMAGE_MARK.match(text)
        or CAPTION_CREDIT.search(text)
        or (n <= 40 and CREDIT_TAIL.search(text) and not SENTENCE_END.search(text))
    ):
        return "caption"
    if COMMENTS_HEADING.match(text):
        return "comments-heading"
    if TAG_LEAD.match(text) and not SENTENCE_END.search(text):
        return "tags"
    if is_share_bar(text):
        return "share-bar"
    if n <= 25 and CALL_TO_ACTION.match(text):
        return "call-to-action"
    if n <= 40 and PROMO_CUES.search(text):
        return "promo"
    if n <= 30 and NOTICES.search(text):
        return "notice"
    if n <= META_MAX_WORDS and META_LINE.search(text) and not SENTENCE_END.search(text):
        return "meta"
    return None


def is_share_bar(text: str) -> bool:
    """Share buttons run together: "Facebook X LinkedIn Copy link", "Share on X Email"."""
    tokens = [t.strip(",;|·•").lower() for t in text.split()]
    tokens = [t for t in tokens if t]
    return len(tokens) >= 2 and all(t in SHARE_WORDS for t in tokens)
