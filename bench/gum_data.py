"""GUM documents as text with gold named mentions and coreference, read from CoNLL-U.

GUM, the Georgetown University Multilayer corpus (Zeldes 2017, "The GUM Corpus:
Creating Multilayer Resources in the Classroom", Language Resources and Evaluation
51(3); github.com/amir-zeldes/gum), annotates every mention of every entity in its
`Entity=` MISC layer with a type and a coreference group. The documents are read
from ../shared/data/real/gum at run time and never copied into the project.

- text: each sentence's tokens joined as written (`SpaceAfter=No` glues a token to the
  next; a multiword token such as "Galois'" is written once), sentences of a paragraph
  joined by a space, paragraphs (`# newpar`) by a blank line, so every token has its
  exact character offsets;
- mentions: `(ID-TYPE-...` opens a mention, `ID)` closes it; a mention's head is its
  token whose syntactic head lies outside it; a mention is named when its head is a
  proper noun (UPOS PROPN), or when it carries an identity (a Wikipedia page) and its
  head is a capitalised word that is not a pronoun ("the Comédie-Française"). The
  README's looser "or carries an identity" would count "his" (Lord_Byron's pronoun)
  and "a son of Johann Bernoulli", which name nobody, so identity alone is not enough;
- coreference: the mentions of one entity share its ID within the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "shared" / "data" / "real" / "gum"
KINDS = ("person", "organization", "place")
_OPEN_CLOSE = re.compile(r"\(([^()]+)|(\d+)?\)")


@dataclass(frozen=True)
class Token:
    form: str
    upos: str
    head: int  # index in the sentence (0 for the root), as in CoNLL-U
    deprel: str
    start: int  # in the document text
    end: int


@dataclass(frozen=True)
class Sentence:
    id: str
    text: str  # as `# text =` gives it
    start: int  # in the document text
    end: int
    tokens: tuple[Token, ...]


@dataclass(frozen=True)
class GoldMention:
    kind: str  # person, organization, place, event, ...
    group: str  # coreference id within the document
    identity: str | None
    start: int
    end: int
    text: str
    head: int  # the head token's start offset
    head_upos: str
    named: bool
    name_start: int  # the proper name inside the mention (see `_name`)
    name_end: int


@dataclass
class GumDocument:
    id: str
    title: str
    text: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[GoldMention] = field(default_factory=list)

    def named(self, kinds: tuple[str, ...] = KINDS) -> list[GoldMention]:
        return [m for m in self.mentions if m.named and m.kind in kinds]


def splits(root: Path = ROOT) -> dict[str, list[str]]:
    """SPLITS.txt: split name -> document ids."""
    out: dict[str, list[str]] = {}
    for line in (root / "SPLITS.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        split, doc_id = line.split()
        out.setdefault(split, []).append(doc_id)
    return out


def load(split: str = "development", root: Path = ROOT) -> list[GumDocument]:
    """The documents of one split (or "all"), in SPLITS.txt order."""
    table = splits(root)
    ids = [d for ids in table.values() for d in ids] if split == "all" else table[split]
    return [read(root / f"{doc_id}.conllu") for doc_id in ids]


def read(path: Path) -> GumDocument:
    """One CoNLL-U document."""
    doc = GumDocument(id=path.stem, title="")
    parts: list[str] = []
    block: list[str] = []
    new_paragraph = False
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("# meta::title = "):
            doc.title = line.split("= ", 1)[1]
        elif line.startswith("# newpar") and not line.startswith("# newpar_block"):
            new_paragraph = True
        if line.strip():
            block.append(line)
            continue
        if not any(not b.startswith("#") for b in block):
            block = []
            continue
        if parts:
            parts.append("\n\n" if new_paragraph else " ")
        offset = sum(len(p) for p in parts)
        sentence, text, mentions = _sentence(block, offset)
        parts.append(text)
        doc.sentences.append(sentence)
        doc.mentions.extend(mentions)
        block, new_paragraph = [], False
    doc.text = "".join(parts)
    return doc


def _sentence(lines: list[str], offset: int) -> tuple[Sentence, str, list[GoldMention]]:
    sent_id = next((ln.split("= ", 1)[1] for ln in lines if ln.startswith("# sent_id")), "")
    given = next((ln.split("= ", 1)[1] for ln in lines if ln.startswith("# text = ")), "")
    rows = [ln.split("\t") for ln in lines if not ln.startswith("#")]
    text, spans = _layout(rows, offset)
    words = [r for r in rows if r[0].isdigit()]
    tokens = tuple(
        Token(r[1], r[3], int(r[6]) if r[6].isdigit() else 0, r[7], *spans[int(r[0])])
        for r in words
    )
    sentence = Sentence(sent_id, given, offset, offset + len(text), tokens)
    return sentence, text, _mentions(words, tokens, text, offset)


def _layout(rows: list[list[str]], offset: int) -> tuple[str, dict[int, tuple[int, int]]]:
    """The sentence text and each word's span in the document; a multiword token's
    words share out its characters when they spell it, else each gets all of it."""
    out: list[str] = []
    spans: dict[int, tuple[int, int]] = {}
    covered: dict[int, tuple[str, int]] = {}
    at = offset
    for r in rows:
        if "-" in r[0]:
            first, last = (int(x) for x in r[0].split("-"))
            for n in range(first, last + 1):
                covered[n] = (r[1], at)
            out.append(r[1])
            at = _advance(out, r, at, len(r[1]))
            continue
        if "." in r[0]:
            continue  # an empty node
        n = int(r[0])
        if n in covered:
            form, begin = covered[n]
            spans[n] = (begin, begin + len(form))
            continue
        spans[n] = (at, at + len(r[1]))
        out.append(r[1])
        at = _advance(out, r, at, len(r[1]))
    _share(rows, spans)
    return "".join(out).rstrip(" "), spans


def _advance(out: list[str], row: list[str], at: int, length: int) -> int:
    if "SpaceAfter=No" in row[9].split("|"):
        return at + length
    out.append(" ")
    return at + length + 1


def _share(rows: list[list[str]], spans: dict[int, tuple[int, int]]) -> None:
    for r in rows:
        if "-" not in r[0]:
            continue
        first, last = (int(x) for x in r[0].split("-"))
        forms = [next(w[1] for w in rows if w[0] == str(n)) for n in range(first, last + 1)]
        if "".join(forms) != r[1]:
            continue
        at = spans[first][0]
        for n, form in zip(range(first, last + 1), forms, strict=True):
            spans[n] = (at, at + len(form))
            at += len(form)


def _mentions(
    words: list[list[str]], tokens: tuple[Token, ...], text: str, offset: int
) -> list[GoldMention]:
    opened: dict[str, list[tuple[int, list[str]]]] = {}
    found: list[tuple[int, int, list[str]]] = []
    for n, row in enumerate(words):
        misc = next((f[7:] for f in row[9].split("|") if f.startswith("Entity=")), "")
        last: str | None = None
        for match in _OPEN_CLOSE.finditer(misc):
            if match.group(1) is not None:
                fields = match.group(1).split("-")
                opened.setdefault(fields[0], []).append((n, fields))
                last = fields[0]
                continue
            key = match.group(2) or last
            if key is None or not opened.get(key):
                continue
            first, fields = opened[key].pop()
            found.append((first, n, fields))
            if match.group(2) is None:
                last = None
    return [_gold(first, last, fields, tokens, text, offset) for first, last, fields in found]


def _gold(
    first: int, last: int, fields: list[str], tokens: tuple[Token, ...], text: str, offset: int
) -> GoldMention:
    inside = range(first + 1, last + 2)  # CoNLL-U word numbers
    heads = [n for n in inside if tokens[n - 1].head not in inside]
    head = tokens[(heads[0] if heads else first + 1) - 1]
    identity = "-".join(fields[7:]) or None
    start, end = tokens[first].start, tokens[last].end
    named = head.upos == "PROPN" or (
        identity is not None and head.form[:1].isupper() and head.upos not in ("PRON", "DET")
    )
    head_number = heads[0] if heads else first + 1
    named_by = _apposed_name(tokens, inside, head_number) if head.upos != "PROPN" else None
    if named_by is not None:
        named, head_number = True, named_by
    if any(tokens[n - 1].head == head_number and tokens[n - 1].deprel == "conj" for n in inside):
        named = False  # "Bernoulli and Euler": each name is a mention of its own
    name = _name(tokens, inside, head_number)
    head = tokens[head_number - 1]
    return GoldMention(
        kind=fields[1],
        group=fields[0],
        identity=identity,
        start=start,
        end=end,
        text=text[start - offset : end - offset],
        head=head.start,
        head_upos=head.upos,
        named=named,
        name_start=tokens[name[0] - 1].start,
        name_end=tokens[name[-1] - 1].end,
    )


# Dependents of a name's head that are part of the name: "Jacob [Bernoulli]",
# "Louis [XV]", "[Royal] Society", "[Aberdeen Grammar] School".
_NAME_DEPS = frozenset({"flat", "compound", "goeswith", "fixed", "amod", "nummod", "nmod:unmarked"})


def _apposed_name(tokens: tuple[Token, ...], inside: range, head: int) -> int | None:
    """The proper noun in apposition to a common-noun head that ends the mention: "the
    physician [Yang Buwei]", "music journalist [Stanley Mitchell]"; GUM heads these
    mentions by the noun, yet they name someone."""
    for n in inside:
        t = tokens[n - 1]
        if t.head == head and t.deprel == "appos" and t.upos == "PROPN":
            tail = [m for m in inside if m > n and tokens[m - 1].upos not in ("PART", "PUNCT")]
            if all(tokens[m - 1].head in range(n, inside.stop) for m in tail):
                return n
    return None


def _name(tokens: tuple[Token, ...], inside: range, head: int) -> list[int]:
    """The word numbers of the proper name a mention is built on: its head and the head's
    name-forming dependents (recursively), without the title GUM marks `nmod:desc`
    ("Dr." in "Dr. William Glennie"), determiners, possessive markers, appositions,
    relative clauses and prepositional phrases; contiguous from first to last."""
    keep = {head}
    grew = True
    while grew:
        grew = False
        for n in inside:
            t = tokens[n - 1]
            if n not in keep and t.head in keep and t.deprel in _NAME_DEPS:
                keep.add(n)
                grew = True
    return list(range(min(keep), max(keep) + 1))
