"""Named entities from spaCy's parse, as mentions with exact spans and their sentence.

spaCy finds the spans; this module decides what Casework keeps and how it is
cut: people, organisations, places and laws (a nationality like "Azerbaijani"
is an adjective here, not an entity), without a leading "the", a title before a
person's name, a trailing possessive or punctuation, so that "the Institute's"
is stored as "Institute" at the exact characters it occupies.

The small model labels each sentence on its own, so one name often gets three
labels in one article and is missed in half its sentences. `in_document` reads
a whole document (body and comments) at once: each name gets the label the
words around it point to most often ("protesters in X", "X, a news agency",
"Judge X"), the same label everywhere, and is found where the model missed it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace

from followthemoney.types import registry
from spacy.tokens import Doc, Span, Token

from casework.extract.model import Mention, Segment
from casework.extract.patterns import (
    CAPTION_LABELS,
    HONORIFICS,
    LEGAL_FORMS,
    ORG_AFTER,
    ORG_BEFORE_PAIRS,
    ORG_HEADS,
    ORG_NOUNS,
    PERSON_NOUNS,
    PERSON_OWNS,
    PERSON_VERBS,
    PLACE_BEFORE,
    PLACE_BEFORE_PAIRS,
    PLACE_NOUNS,
    PLACE_OWNS,
)
from casework.extract.roles import TITLE_WORDS
from casework.store.ids import make_id

LABELS: dict[str, str] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "LAW": "LAW",
}
_LEADING = {"the", "a", "an"}
_AND = {"and", "&"}
_GENDERED = frozenset({"he", "she", "his", "her", "him", "himself", "herself"})
CUE_WEIGHT = 3  # a mention whose context says what it is outvotes this many model labels
_TRAILING = {"'s", "’s", "'", "’"}
_POSSESSIVE = {"'s", "’s"}
# Words cut from the front of a PERSON span: "President Odile Marchetti", "Ms Okonkwo".
_TITLES = TITLE_WORDS | HONORIFICS
# Title words before a name that make it a person; the vaguer ones ("former",
# "member", "head") also stand before organisations ("former Acme executives").
_PERSON_TITLES = _TITLES - frozenset(
    "former member partner owner shareholder head chief general deputy vice prime "
    "official officer".split()
)
# Entity types whose tokens a known name is never looked for in.
_NOT_NAMES = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "LAW"}


def mentions(doc: Doc, segment: Segment, model: str) -> list[Mention]:
    """The mentions in one parsed segment, spans shifted into full_text."""
    cut: list[tuple[Span, str, str]] = []
    for ent in doc.ents:
        label = LABELS.get(ent.label_)
        if label is None:
            continue
        cut.extend((span, kind, ent.label_) for span, kind in _cut(ent, label))
    kept: list[tuple[Span, str, str]] = []
    for span, kind, model_label in sorted(cut, key=lambda c: (-len(c[0].text), c[0].start)):
        if all(span.end <= k.start or k.end <= span.start for k, _, _ in kept):
            kept.append((span, kind, model_label))  # a hyphenated word is one name
    kept.sort(key=lambda c: c[0].start)
    return [_mention(span, kind, model_label, segment, model) for span, kind, model_label in kept]


def _mention(span: Span, label: str, model_label: str, segment: Segment, model: str) -> Mention:
    start = segment.start + span.start_char
    end = segment.start + span.end_char
    sentence = span.sent
    return Mention(
        id=make_id("mention", segment.document_id, start, end),
        document_id=segment.document_id,
        segment=segment.seq,
        segment_kind=segment.kind,
        comment_id=segment.comment_id,
        label=label,
        model_label=model_label,
        text=span.text,
        start=start,
        end=end,
        sentence=sentence.text,
        sentence_start=segment.start + sentence.start_char,
        sentence_end=segment.start + sentence.end_char,
        model=model,
    )


def _cut(ent: Span, label: str) -> list[tuple[Span, str]]:
    """The names in one entity span, each with its label: the span trimmed, and split
    where the model ran two names together ("Vallorca's National Intelligence Directorate" is a
    place and a body, "Foreign Ministry in Vallorca" a body and a place)."""
    if label == "ORG" and _titled_person(ent):
        label = "PERSON"  # "Major General Rasim Qasimli": a titled person, not a body
    span = _trim(ent, label)
    if span is None:
        return []
    if label == "LAW" and span[-1].lower_ in {"of", "the", "and", "on"}:
        return []  # a fragment the model cut off its law: "Article 41 of the"
    if label != "LAW" and _lower_case(span):
        return []  # not a proper name: "the foreign affairs committee"
    if label == "PERSON" and _demonym(span.text):
        return []  # "Azerbaijani", "Baku": a people or a place the model took for a person
    if label == "PERSON":
        return _people(span)
    if label == "ORG" and _two_people(span):
        return _people(span)  # "Daniel Novak & Richard Hale": two full names, no firm
    if label == "PLACE" and _acronym(span.text) and registry.country.clean_text(span.text) is None:
        return [(span, "ORG")]  # "MLB", "KPA": an acronym that names no country is a body
    if label in ("ORG", "PLACE") and _in_title(span, label):
        return []  # "Secretary of [State]", "[UK Home] Secretary": part of a job title
    owner = next((t.i for t in span[1:-1] if t.text in _POSSESSIVE), None)
    if owner is not None and label == "ORG" and not _is_title(span.doc[owner - 1]):
        return _parts(span.doc[span.start : owner], "PLACE") + _parts(
            span.doc[owner + 1 : span.end], label
        )
    inside = next((t.i for t in span[1:-1] if t.lower_ == "in"), None)
    if inside is not None and label == "ORG" and span[-1].is_title:
        return _parts(span.doc[span.start : inside], label) + _parts(
            span.doc[inside + 1 : span.end], "PLACE"
        )
    return [(span, label)]


def _titled_person(ent: Span) -> bool:
    """A title or rank, then two or three capitalised words with no body's head word:
    the model's organisation is a person ("Major General Rasim Qasimli", "Judge Vesna
    Halder")."""
    words = [t for t in ent if not t.is_punct]
    lead = 0
    while lead < len(words) and (_is_title(words[lead]) or words[lead].lower_ in RANKS):
        lead += 1
    rest = words[lead:]
    return (
        lead > 0
        and 2 <= len(rest) <= 3  # a given name and a surname: "General Motors" is a firm
        and all(t.is_title and t.lower_ not in RANKS for t in rest)
        and not any(t.text in ORG_HEADS or t.lower_ in ORG_HEADS for t in rest)
    )


def _people(span: Span) -> list[tuple[Span, str]]:
    """The people in a PERSON span: coordinated names split ("A & B", "Smith and
    McGovern"), a possessive's owner without what is owned ("X's Regime" is a thing
    of X's), and nothing when the name only modifies a common noun after a
    determiner ("the X corridor": a place or thing named after someone)."""
    doc = span.doc
    owner = next((t.i for t in span[:-1] if t.text in _POSSESSIVE), None)
    if owner is not None and owner > span.start:
        return _parts(doc[span.start : owner], "PERSON")
    if _modifier(span):
        place = doc[span.end]
        return [(span, "PLACE")] if place.lower_ in PLACE_NOUNS else []
    joints = [t.i for t in span[1:-1] if t.lower_ in _AND]
    if not joints:
        return [(span, "PERSON")]
    out: list[tuple[Span, str]] = []
    for start, end in zip([span.start, *[j + 1 for j in joints]], [*joints, span.end], strict=True):
        out.extend(_parts(doc[start:end], "PERSON"))
    return out


def _acronym(text: str) -> bool:
    """Two to six capitals, dots allowed: "MLB", "U.N."."""
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def _two_people(span: Span) -> bool:
    """Two or more full names of people joined by "&" or "and": each side two to four
    capitalised words (initials allowed), none a word that ends an organisation's
    name or a legal form. A firm named after people joins surnames ("Marks &
    Spencer") or ends in its form ("... & Sons Ltd")."""
    joints = [t.i for t in span[1:-1] if t.lower_ in _AND]
    if not joints:
        return False
    bounds = zip([span.start, *[j + 1 for j in joints]], [*joints, span.end], strict=True)
    for start, end in bounds:
        words = span.doc[start:end]
        if not 2 <= len(words) <= 4 or any(
            not t.is_title or t.text.rstrip(".") in ORG_HEADS | LEGAL_FORMS for t in words
        ):
            return False
    return True


def _modifier(span: Span) -> bool:
    """A name between a determiner and the common noun it modifies: "the [X] corridor"."""
    doc = span.doc
    if span.start == 0 or span.end >= len(doc) or doc[span.start - 1].lower_ not in _LEADING:
        return False
    after = doc[span.end]
    return after.is_lower and after.pos_ == "NOUN" and span.root.head.i == after.i


def _in_title(span: Span, label: str) -> bool:
    """An organisation or place name that is part of a job title: one word after a
    title word and "of" ("Secretary of State", "Professor of Linguistics"; not a
    country: "Emperor of Russia"), an organisation's words there without a head word
    of a body ("Secretary of State for Democracy"; not "President of the Linguistic
    Society"), or words right before a title word ("UK Home Secretary")."""
    doc = span.doc
    if span.end < len(doc) and _is_title(doc[span.end]) and doc[span.end].is_title:
        return span.root.head.i == span.end
    if _in_portfolio(span):
        return True
    if span.start < 2 or doc[span.start - 1].lower_ not in ("of", "for"):
        return False
    title = doc[span.start - 2]
    if not (title.is_title and _is_title(title)):
        return False
    if len(span) > 1:  # "Secretary of [State for Democracy]", "Professor of [East Asian Studies]"
        return label == "ORG" and span[-1].text not in ORG_HEADS
    return registry.country.clean_text(span.text) is None


def _in_portfolio(span: Span) -> bool:
    """The last items of a title's portfolio: "Assistant Secretary of State for
    Democracy, Human Rights, and [Labor]": back over the list's capitalised words,
    commas and "and" to a "for" that follows a title word."""
    doc = span.doc
    i = span.start - 1
    steps = 0
    while (
        i >= 0 and steps < 12 and (doc[i].text == "," or doc[i].lower_ == "and" or doc[i].is_title)
    ):
        i, steps = i - 1, steps + 1
    if steps == 0 or i < 1 or doc[i].lower_ != "for":
        return False
    return any(_is_title(t) and t.is_title for t in doc[max(0, i - 4) : i])


def _demonym(text: str) -> bool:
    """A word for a country's people or places, not a person: followthemoney's country
    type reads demonyms and capitals ("Azerbaijani", "Baku" -> az); a word that is the
    country's own name ("Jordan", "Chad") may be a surname and is kept."""
    words = text.rstrip("s") if text.endswith(("ians", "is", "ans")) else text
    code = registry.country.clean_text(words)
    return code is not None and registry.country.caption(code).casefold() != text.casefold()


def _lower_case(span: Span) -> bool:
    """True when the span has cased letters and none is upper case."""
    text = span.text
    return any(ch.islower() for ch in text) and not any(ch.isupper() for ch in text)


def _parts(span: Span, label: str) -> list[tuple[Span, str]]:
    trimmed = _trim(span, label)
    return [(trimmed, label)] if trimmed is not None else []


def _trim(ent: Span, label: str = "") -> Span | None:
    """The entity without a leading article, a title before a person's name, a
    trailing possessive or punctuation, or (after a person's name) trailing words
    that are not capitalised ("Bakhyt aga"); None when nothing with a letter is left."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while (
        end + 1 < len(doc)
        and _glued(doc[end])
        and _glued(doc[end + 1])
        and (label == "PERSON" or doc[end + 1].is_title)
    ):
        end += 2  # "Kim Jong-[un]", "Lee Cheuk-[yan]": the model stops at the hyphen
    while start > 1 and _glued(doc[start]) and doc[start - 2].is_title:
        start -= 2  # "[Make-A-]Wish Foundation"
    while start < end and (
        doc[start].is_space
        or doc[start].lower_ in _LEADING
        or (label == "PERSON" and (_is_title(doc[start]) or doc[start].lower_ in RANKS))
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_space
        or doc[end - 1].text in _TRAILING
        or (doc[end - 1].is_punct and not _glued(doc[end - 1]))
        or (
            label == "PERSON"
            and end - 1 > start
            and not _glued(doc[end - 1])
            and (doc[end - 1].is_lower or doc[end - 1].like_num)
        )
    ):
        end -= 1
    while end > start and doc[end - 1].lower_ in CAPTION_LABELS and _before_colon(doc[end - 1]):
        end -= 1  # "Spacecraft Stardust [Image]: NASA": a caption's label, not the name's
    span = doc[start:end]
    if not any(ch.isalpha() for ch in span.text):
        return None
    words = [t for t in span if not t.is_punct]
    if words and all(_is_title(t) or t.lower_ in RANKS for t in words):
        return None  # "Major General", "Colonel": a title the model took for a name
    if _STYLE_SUFFIX.search(span.text):
        return None  # "Magnitsky-style", "Kremlin-backed": a modifier, not a name
    return span


# Military and police ranks, which open titles ("Major General", "Lieutenant Colonel").
RANKS = frozenset(
    "major lieutenant brigadier sergeant corporal admiral captain colonel general marshal".split()
)
# A name turned into an adjective: "Magnitsky-style sanctions", "a Kremlin-backed outlet".
_STYLE_SUFFIX = re.compile(
    r"-(?:style|led|backed|based|linked|related|funded|owned|era|like|born|made|controlled)$",
    re.IGNORECASE,
)


def _before_colon(token: Token) -> bool:
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == ":"


def _is_title(token: Token) -> bool:
    word = token.lower_.rstrip(".")
    return word in _TITLES or _singular(word) in _TITLES


def _singular(word: str) -> str:
    """ "congressmen" -> "congressman", "senators" -> "senator"."""
    if word.endswith("men"):
        return word[:-3] + "man"
    return word[:-1] if word.endswith("s") else word


def _glued(token: Token) -> bool:
    """A piece of a hyphenated word: a hyphen between two words, or the word after it."""
    doc = token.doc
    if token.i == 0 or doc[token.i - 1].whitespace_:
        return False
    if token.text == "-":
        return token.i + 1 < len(doc) and not token.whitespace_ and doc[token.i + 1].is_alpha
    return doc[token.i - 1].text == "-" and token.is_alpha


def in_document(
    found: list[Mention], parsed: list[tuple[Doc, Segment]], model: str
) -> list[Mention]:
    """One document's mentions with one label per name, and the name found where the
    model missed it. spaCy's own label stays in model_label."""
    spans = _spans(found, parsed)
    labels = _labels(found, spans)
    settled = [replace(m, label=_settle(m, labels, spans)) for m in found]
    settled = _drop_stray_words(settled, spans, parsed)
    names = {m.text: m.label for m in settled if m.label != "LAW"}
    names.update({part: "PERSON" for part in _name_parts(settled) if part not in names})
    added = _missed(settled, parsed, names, model)
    return sorted(settled + added, key=lambda m: (m.segment, m.start))


def _settle(m: Mention, labels: dict[str, str], spans: dict[str, Span]) -> str:
    """A mention's label: the document's label for its name, unless the words around
    this mention say what the model said ("Washington" the general beside
    "Washington" the city: evidence in context outweighs the document's vote)."""
    label = labels.get(m.text, m.label)
    if label != m.label and m.id in spans and _cue(spans[m.id]) == m.label:
        return m.label
    return label


def _drop_stray_words(
    found: list[Mention], spans: dict[str, Span], parsed: list[tuple[Doc, Segment]]
) -> list[Mention]:
    """Without the one-word "people" that only ever open a sentence or a heading
    (a section label opening a heading, a misspelt verb opening a comment): a capitalised first
    word is no evidence of a name; one that the document never writes elsewhere,
    that is no part of a person's full name and that no title or apposition marks is
    dropped."""
    parts = _name_parts(found)
    elsewhere: set[str] = set()
    for doc, _ in parsed:
        for token in doc:
            if not _opens(token):
                elsewhere.add(token.text)
    stray: dict[str, bool] = {}
    for m in found:
        if m.label != "PERSON" or " " in m.text or m.text in parts or m.text in elsewhere:
            continue
        span = spans.get(m.id)
        opens = span is not None and _opens(span[0]) and _cue(span) is None
        stray[m.text] = stray.get(m.text, True) and opens
    return [m for m in found if not (m.label == "PERSON" and stray.get(m.text))]


def _opens(token: Token) -> bool:
    """True for the first word of a sentence (after any quotation mark or bracket)."""
    sent = token.sent
    lead = next((t for t in sent if not (t.is_punct or t.is_space)), None)
    return lead is not None and lead.i == token.i


def _spans(found: list[Mention], parsed: list[tuple[Doc, Segment]]) -> dict[str, Span]:
    """Each mention's span in its parsed segment."""
    by_seq = {segment.seq: (doc, segment) for doc, segment in parsed}
    out: dict[str, Span] = {}
    for m in found:
        doc, segment = by_seq[m.segment]
        span = doc.char_span(m.start - segment.start, m.end - segment.start)
        if span is not None:
            out[m.id] = span
    return out


def _labels(found: list[Mention], spans: dict[str, Span]) -> dict[str, str]:
    """The label of each name in the document. Names of several words are settled
    first, so that the parts of a person's full name ("Marisol", "Quenta") can then
    be taken for that person wherever they stand alone."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in found:
        if m.label != "LAW":
            groups[m.text].append(m)
    orgs = {m.text for m in found if m.label == "ORG" and " " in m.text}
    labels: dict[str, str] = {}
    for text, group in groups.items():
        if " " in text:
            labels[text] = _vote(text, group, spans, orgs)
    parts = _name_parts([replace(m, label=labels.get(m.text, m.label)) for m in found])
    orgs = {text for text, label in labels.items() if label == "ORG"}
    for text, group in groups.items():
        if " " not in text:
            part = text in parts and not _mostly_other(group)
            labels[text] = "PERSON" if part else _vote(text, group, spans, orgs)
    return labels


def _mostly_other(group: list[Mention]) -> bool:
    """Whether the model took a word for one thing other than a person at least twice
    and more often than for a person ("YouTube" beside "YouTube Rewind", a show the
    model took for a person): then being a word of a person's name is not enough."""
    other = Counter(m.label for m in group if m.label != "PERSON").most_common(1)
    people = sum(1 for m in group if m.label == "PERSON")
    return bool(other) and other[0][1] >= 2 and other[0][1] > people


def _vote(text: str, group: list[Mention], spans: dict[str, Span], orgs: set[str]) -> str:
    """One name's label: ORG when it ends in a word like "Ministry"; else the label
    the contexts of its mentions point to most often ("Judge X", "protesters in X"),
    unless the model labelled more than CUE_WEIGHT times as many of its mentions
    otherwise (one "visit to X" does not outweigh seven "X"s the model took for a
    company); else ORG
    when a one-word name the model took for a person starts a longer organisation's
    name ("Ostrava" beside "Ostrava Shipping Ltd"; not "Andy Warhol" beside "Andy
    Warhol Foundation", nor a place: "United States Navy"); else the model's most
    frequent label."""
    if text.split()[-1] in ORG_HEADS:
        return "ORG"
    cues = Counter(cue for m in group if m.id in spans and (cue := _cue(spans[m.id])) is not None)
    model = Counter(m.label for m in group)
    if cues:
        ranked = cues.most_common()
        top, count = ranked[0]
        against = max((n for label, n in model.items() if label != top), default=0)
        if (len(ranked) == 1 or count > ranked[1][1]) and count * CUE_WEIGHT >= against:
            return top
    model = model.most_common()
    prefix = any(o.startswith(text + " ") for o in orgs)
    if prefix and " " not in text and model[0][0] == "PERSON":
        return "ORG"
    if len(model) == 1 or model[0][1] > model[1][1]:
        return model[0][0]
    return group[0].label if len(set(m.label for m in group)) == 1 else model[0][0]


def _cue(span: Span) -> str | None:
    """What the words around one mention say it is: PERSON, ORG, PLACE or None."""
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    before2 = doc[span.start - 2].lower_ if span.start > 1 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    after2 = doc[span.end + 1].lower_ if span.end + 1 < len(doc) else ""
    if span.start > 0 and _is_person_title(doc[span.start - 1]):
        return "PERSON"
    if before in ORG_NOUNS or after in ORG_AFTER or (before2, before) in ORG_BEFORE_PAIRS:
        return "ORG"
    if (before in PLACE_BEFORE or (before2, before) in PLACE_BEFORE_PAIRS) and not (
        span.root.head.i >= span.end  # "near [X] civil police posts": X modifies the posts
    ):
        return "PLACE"
    if after in _POSSESSIVE and after2 in PLACE_OWNS:
        return "PLACE"
    if after in _POSSESSIVE and after2 in PERSON_OWNS:
        return "PERSON"
    if after in ("(", ",") and after2 == "born":
        return "PERSON"  # "X (born 3 April 1978)"
    if _acts_as_person(span):
        return "PERSON"
    listed = _listed_with(span)
    if listed is not None:
        return listed
    if after == ",":
        return _apposition(doc[span.end + 1 : span.end + 8])
    return None


def _acts_as_person(span: Span) -> bool:
    """The name is the subject of a verb only people are ("X was born", "X married",
    "X died"), of a clause that goes on with "his" or "her" (companies are "its"), or
    of a sentence the next of which has "he" or "she" as a subject (a biography's "X
    studied law. He moved to ...")."""
    root = span.root
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = root.head
    if verb.lower_ in PERSON_VERBS or any(
        c.dep_ in ("auxpass", "acomp", "attr") and c.lower_ in PERSON_VERBS for c in verb.children
    ):
        return True
    sent = span.sent
    doc = span.doc
    if any(t.lower_ in _GENDERED for t in doc[span.end : sent.end]) and not _other_person(span):
        return True  # "X moved to left field ... his career": people are he or she
    if verb.dep_ != "ROOT" or sent.end >= len(doc):
        return False
    nxt = doc[sent.end].sent
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("he", "she") for t in nxt)


def _other_person(span: Span) -> bool:
    """Whether the model names a person other than the span in its sentence or the one
    before: a "his" or "her" there may be theirs."""
    doc = span.doc
    sent = span.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    return any(
        t.ent_type_ == "PERSON" and not span.start <= t.i < span.end for t in doc[start : sent.end]
    )


def _listed_with(span: Span) -> str | None:
    """ORG for a name listed with an organisation whose name ends in a word like
    "Watch" or "Ministry" ("Human Rights Watch, X, etc."): the names of one list are
    of one kind. Only such plain organisations are read so: the model's own ORG is
    often two people ("A & B"), and a person is listed with their employer."""
    root = span.root
    conjuncts = [c for c in root.children if c.dep_ == "conj"]
    if root.dep_ == "conj":
        conjuncts.append(root.head)
    for token in conjuncts:
        if token.ent_type_ != "ORG" or span.start <= token.i < span.end:
            continue
        name = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if name is not None and name[-1].text in ORG_HEADS:
            return "ORG"  # listed with a name an organisation's head word ends
    return None


def _is_person_title(token: Token) -> bool:
    word = token.lower_
    return word in _PERSON_TITLES or word.rstrip(".") in _PERSON_TITLES


def _apposition(words: Span) -> str | None:
    """PERSON or ORG from the apposition after a name: ", a 22-year-old student",
    ", 52,", ", a Scandinavian news agency"."""
    if len(words) > 1 and words[0].like_num and words[1].text == ",":
        return "PERSON"  # an age
    if not len(words) or words[0].lower_ not in _LEADING:
        return None
    for token in words[1:]:
        if token.text == "-":
            continue  # inside "22-year-old"
        if token.is_punct or token.pos_ in ("VERB", "AUX", "ADP", "PRON"):
            break
        if token.lower_ in PERSON_NOUNS or token.lower_ == "old":
            return "PERSON"
        if token.lower_ in ORG_NOUNS:
            return "ORG"
    return None


def _name_parts(found: Iterable[Mention]) -> set[str]:
    """First and last words of the people named in full: "Marisol Quenta" gives
    "Marisol" and "Quenta", "Omar al-Haddad" gives "Omar" and "al-Haddad"."""
    parts: set[str] = set()
    for m in found:
        words = m.text.split()
        if m.label == "PERSON" and len(words) > 1:
            parts.update(w for w in (words[0], words[-1]) if len(w) > 1 and w[0].isalpha())
    return parts


def _missed(
    found: list[Mention], parsed: list[tuple[Doc, Segment]], names: dict[str, str], model: str
) -> list[Mention]:
    """Mentions of the document's names where the model found none: each known name
    (longest first) wherever it stands as a whole name, outside other mentions and
    outside dates and numbers."""
    taken: dict[int, set[int]] = defaultdict(set)
    for m in found:
        taken[m.segment].update(range(m.start, m.end))
    wanted = sorted(
        ((text.split(), label) for text, label in names.items() if _searchable(text)),
        key=lambda item: -len(item[0]),
    )
    added: list[Mention] = []
    for doc, segment in parsed:
        used = taken[segment.seq]
        at: dict[str, list[int]] = defaultdict(list)
        for token in doc:
            at[token.text].append(token.i)
        for words, label in wanted:
            for span in _occurrences(doc, at.get(words[0], []), words, label):
                chars = range(segment.start + span.start_char, segment.start + span.end_char)
                if used.intersection(chars) or any(t.ent_type_ in _NOT_NAMES for t in span):
                    continue
                used.update(chars)
                added.append(_mention(span, label, "", segment, model))
    return added


def _searchable(text: str) -> bool:
    """A name safe to look for by its letters alone: capitalised (or in a script
    without case) and not a common word."""
    return len(text) > 2 and not text[:1].islower() and text.casefold() not in _COMMON


def _occurrences(doc: Doc, starts: list[int], words: list[str], label: str) -> Iterable[Span]:
    """Token runs of doc (from these starts) equal to words that are whole names: not preceded or
    followed by another capitalised word, except that a person's known surname
    takes the given name before it ("Ines Quenta" where only "Quenta" was known)."""
    n = len(words)
    for i in starts:
        if [t.text for t in doc[i : i + n]] != words:
            continue
        if i + n < len(doc) and _capitalised(doc[i + n]):
            continue
        if i > 0 and _capitalised(doc[i - 1]):
            if label == "PERSON" and n == 1 and _given_name(doc[i - 1]):
                yield doc[i - 1 : i + 1]
                continue
            if not doc[i - 1].is_sent_start:
                continue
        yield doc[i : i + n]


def _given_name(token: Token) -> bool:
    return token.pos_ == "PROPN" and not _is_title(token) and not token.is_sent_end


def _capitalised(token: Token) -> bool:
    return token.is_title and not token.is_stop and token.is_alpha


# Capitalised words that are common words before they are names.
_COMMON = frozenset("the this that there today may will march june august god rip".split())
