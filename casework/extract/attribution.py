"""Who speaks, read off spaCy's dependency parse: the speech verb above some words,
its subject, and the clauses it reports.

Quotation marks and reported clauses (casework.extract.quotes) are found by
their shape; whether they are speech at all, and whose, depends on the verb
that governs them: "said", "told the court that", "warned", "called the
sanctions ...", or a statement the verb names ("said in a statement that").
This module answers those questions on a parse and knows nothing of mentions
or documents. Word lists are tables (below) so that each rule reads as the
grammar it follows. The pipeline runs without a lemmatizer, so the tables hold
word forms, not lemmas.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

# Verbs that report speech or writing, as written (no lemmatizer).
SPEECH_VERBS = frozenset(
    """
    say said says saying tell told tells telling add added adds adding
    stress stressed stresses stressing note noted notes noting state stated states
    claim claimed claims claiming argue argued argues arguing warn warned warns
    warning explain explained explains explaining insist insisted insists insisting
    emphasise emphasised emphasises emphasize emphasized emphasizes underline
    underlined underlines comment commented comments write wrote writes written
    writing declare declared declares announce announced announces believe believes
    believed accuse accused accuses accusing deny denied denies report reported
    reports recall recalled recalls continue continued continues conclude concluded
    concludes suggest suggested suggests complain complained complains acknowledge
    acknowledged acknowledges admit admitted admits assert asserted asserts allege
    alleged alleges alleging maintain maintained maintains observe observed observes
    reply replied replies respond responded responds answer answered answers ask
    asked asks urge urged urges pointed point points confirm confirmed confirms
    shout shouted shouts cry cried tweet tweeted tweets post posted testify
    testified testifies vow vowed vows promise promised promises predict predicted
    predicts reiterate reiterated reiterates caution cautioned demand demanded
    demands describe described describes describing call called calls calling
    brand branded brands dub dubbed term termed label labelled labeled
    """.split()
)
# Speech verbs that are something else when they take an infinitive:
# '"...," he continued' is speech, "the EU would continue to raise" is not;
# "asked not to be named" is no question.
NOT_WITH_INFINITIVE = frozenset(
    "continue continued continues ask asked asks urge urged urges promise promised "
    "promises vow vowed vows call called calls calling".split()
)
# Words on the way from quotation marks up to a speech verb that make the
# marks a name, not speech: titles ('a report titled "Behind Bars"'), charges
# ('charged with "hooliganism"'), registers and labels.
NOT_SPEECH = frozenset(
    """
    titled entitled headlined named nicknamed charge charges charged convicted
    conviction convictions sentenced indicted article articles offence offences
    offense offenses crime crimes register registry list label labels term terms
    status category programme program show book books poem poems song songs film
    films slogan slogans headline headlines campaign operation hashtag
    """.split()
)
# Nouns for what a speaker issues: "said in a statement that ...".
STATEMENT_NOUNS = frozenset(
    """
    statement statements letter interview post message remarks speech tweet note
    reply response communique communiqué release submission testimony briefing
    conference
    """.split()
)
RELATIVE = frozenset({"who", "that", "which"})
# "X was quoted as saying": the passive subject of these is the speaker.
QUOTED_AS = frozenset({"quoted", "cited"})
# Dependents through which a verb shares its subject: "welcomed the release but
# said ..." (conj), "..., telling a news conference that ..." (advcl), "went on
# to say" (xcomp).
_SHARES_SUBJECT = ("conj", "advcl", "xcomp")


def is_speech_verb(token: Token) -> bool:
    """A verb that reports speech here, not an infinitive-taking homonym."""
    if token.lower_ not in SPEECH_VERBS or token.pos_ not in ("VERB", "AUX"):
        return False
    if token.lower_ in NOT_WITH_INFINITIVE:
        return not any(c.dep_ == "xcomp" for c in token.children)
    return True


def subject(verb: Token, outside: Span | None = None) -> Token | None:
    """Who performs the verb: its active subject outside the quoted words, the
    antecedent of a relative "who", else the subject of the verb it is
    conjoined with or subordinate to ("welcomed X but said", "..., writing").

    A passive subject is not a speaker ("was accused of ..."), except that of
    "was quoted as saying"; an open clausal modifier ("a programme called ...")
    has none.
    """
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.lower_ in QUOTED_AS:
        quoted = verb.head.head
        return next((c for c in quoted.children if c.dep_ == "nsubjpass"), None)
    for _ in range(4):
        found = next(
            (c for c in verb.children if c.dep_ == "nsubj" and not _inside(c, outside)), None
        )
        if found is not None:
            if found.lower_ in RELATIVE and verb.dep_ == "relcl":
                return verb.head
            return found
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            return None
        if verb.dep_ not in _SHARES_SUBJECT or verb.head.i == verb.i:
            return None
        if verb.dep_ == "advcl" and verb.tag_ != "VBG":
            return None  # "when asked", "as reported": not the main subject's words
        verb = verb.head
    return None


def governing_verb(words: Span, quoted: frozenset[int] = frozenset()) -> Token | None:
    """The speech verb whose complement holds these words (quotation marks inside
    reported speech: 'said the site had published "materials ..."'), or None
    when the way up reaches the sentence root without one. A verb in quotation
    marks of its own (`quoted`: token indices) is the speaker's word, not the
    attribution: 'said the forces had "responded proportionately" and that "..."'
    is said by the subject of "said"."""
    for ancestor in _way_up(words):
        if is_speech_verb(ancestor) and ancestor.i not in quoted:
            return ancestor
    return None


def names_not_speech(words: Span) -> bool:
    """Whether the way up from these words meets a title, charge or label before
    any speech verb: 'a report titled "..."', 'on charges that were "..."'."""
    for ancestor in _way_up(words):
        if is_speech_verb(ancestor):
            return False
        if ancestor.lower_ in NOT_SPEECH:
            return True
    return False


def _way_up(words: Span) -> Iterator[Token]:
    """The ancestors of the words, nearest first, from each place they hang off
    the rest of the sentence."""
    inside = range(words.start, words.end)
    for token in words:
        if token.is_punct or token.head.i in inside or token.head.i == token.i:
            continue
        ancestor = token.head
        while True:
            yield ancestor
            if ancestor.head.i == ancestor.i:
                break
            ancestor = ancestor.head


def reported_clauses(verb: Token) -> list[Token]:
    """The roots of the clauses a speech verb reports: its clausal complement,
    or a "that" clause on a statement it names ("said in a statement that ...")."""
    out = [c for c in verb.children if c.dep_ == "ccomp"]
    if out:
        return out
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            if noun.lower_ not in STATEMENT_NOUNS:
                continue
            out.extend(
                c
                for c in noun.children
                if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" for m in c.children)
            )
    return out


def parenthetical_parts(verb: Token) -> list[Span]:
    """What a parenthetical speech verb reports: the clause it is set in, as printed
    ("Complaints to the office, she added, usually came back with ..."), when it
    has a subject of its own and stands between commas."""
    doc = verb.doc
    if verb.dep_ != "parataxis" or not any(c.dep_ == "nsubj" for c in verb.children):
        return []
    left, right = verb.left_edge.i, verb.right_edge.i
    if left == 0 or right + 1 >= len(doc):
        return []
    if "," not in (doc[left].text, doc[left - 1].text):
        return []
    if "," not in (doc[right].text, doc[right + 1].text):
        return []
    clause = verb.head
    return [doc[clause.left_edge.i : clause.right_edge.i + 1]]


def conjunct_parts(clause: Token) -> list[Span]:
    """A reported clause cut at its conjoined clauses: "that X and that Y" is two
    parts, so each can be taken alone when quotation marks cover the other."""
    doc = clause.doc
    conjuncts = [c for c in clause.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    if not conjuncts:
        return [doc[clause.left_edge.i : clause.right_edge.i + 1]]
    parts = [doc[clause.left_edge.i : conjuncts[0].left_edge.i]]
    for n, conj in enumerate(conjuncts):
        end = conjuncts[n + 1].left_edge.i if n + 1 < len(conjuncts) else conj.right_edge.i + 1
        parts.append(doc[conj.left_edge.i : end])
    return parts


def _inside(token: Token, span: Span | None) -> bool:
    return span is not None and span.start <= token.i < span.end
