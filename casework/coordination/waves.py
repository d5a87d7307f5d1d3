"""Comment waves: the accounts in one comment section that push the same claims.

The co-action network (casework.coordination.detect) asks two accounts to act
together again and again; a wave under an article does not give that: each
account posts once or twice, in its own words. What a wave has instead is
claims that several accounts push beyond what the thread and the corpus
predict, said close together, by accounts that agree with each other and
answer the critics, often with other signs (a name in two spellings, one
account's burst, the same reply target within minutes).

Per thread (a comment section; past MAX_THREAD messages a thread is a
timeline, left to the network):

1. Talking points by claim. Each message's terms (casework.coordination.claims:
   stems, pairs of stems, frames). A term is a claim when at least MIN_PUSHERS
   accounts use it and that many is unlikely under its background (binomial
   tail at most ALPHA, FRAME_ALPHA for a frame: general language, the article,
   the other threads). Terms pushed by much the same accounts join into one
   talking point; claims pushed under two or more articles also become one
   corpus-wide point.
2. Stance (`_Replies`). A message that names the wave ("trolls", "who pays you",
   "the same sentence") is a critic's and pushes nothing. A reply that opens by
   disagreeing, scare-quotes its parent's words, or answers back and forth puts
   two accounts on opposite sides; it still pushes its claims (a campaign argues
   with its critics), and no group keeps anyone who argues with a member.
3. The campaign: candidate groups from accounts tied by shared points and
   secondary signs (a name variant, near-identical text, an agreeing reply,
   replies under one comment within minutes, messages within minutes or side
   by side); claims (frames) sharing pushers; the repertoire (more frame uses
   than ordinary readers make, Poisson); a pile-on (replies to one comment
   beyond the thread's reply rate); four or more accounts joined by agreeing
   replies. The best-scoring group of at least MIN_ACCOUNTS is the thread's
   campaign when it holds two claims, or one said close together or with a
   sign; words alone, with no frame, sign or burst, are readers of one story.

Across a corpus, near-identical texts by MIN_ACCOUNTS or more accounts within
COPY_WINDOW seconds (all within COPY_SPAN; the same link or hashtag named) are
a campaign however few times each account posts, unless they are a share
button's text (the link's own headline).

The wording is neutral: "posted the same claims within 9 minutes", never "act
in concert"; each member comes with the messages that put them there.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from casework.coordination.claims import (
    FRAME_PREFIX,
    MIN_CORPUS_THREADS,
    Background,
    Terms,
    binomial_tail,
    terms_of,
)
from casework.coordination.frame import Frame
from casework.coordination.frames import FRAME_LABELS, echoes, is_critic, opening
from casework.coordination.model import Campaign, ClaimPoint, Member
from casework.coordination.talking_points import iso_utc

MIN_PUSHERS = 3
MIN_ACCOUNTS = 3
MAX_THREAD = 3000
ALPHA = 1e-3
# A frame is a claim said in any of many wordings: it needs its pushers to be
# unlikely, not astonishing.
FRAME_ALPHA = 0.05
# Terms whose pushers overlap this much (Jaccard) are one talking point, and
# an account pushes a point when it uses this share of the point's terms.
JOIN = 0.5
PUSH_SHARE = 0.34
# Two accounts' messages this close in time, or this close in the thread's
# order, are said together.
NEAR_SECONDS = 900.0
NEAR_POSITIONS = 1
# A group's messages said close together: within this share of the thread's
# span of time (or of its comments), or within BURST_SECONDS.
CONCENTRATION = 0.5
BURST_SECONDS = 3600.0
# An ordinary reader's chance of using each frame, as measured on the gold set's
# development threads (the share of their ordinary accounts that use it, outside
# critics' comments: bench.wave_gold, development to development4), and at least
# RARE_FRAME_RATE. A thread's frame uses are a repertoire when this many is
# unlikely (REPERTOIRE_ALPHA). Estimating them, rather than giving every frame one
# prior, keeps a newly written frame from making the test harder by existing.
FRAME_RATES = {
    "discredit": 0.06,
    "paid": 0.04,
    "praise": 0.03,
    "foreign_hand": 0.015,
    "whataboutism": 0.012,
    "staged": 0.012,
}
RARE_FRAME_RATE = 0.01
TOPICAL_FRAME_RATE = 0.1
REPERTOIRE_ALPHA = 0.05
# What ties two accounts: each shared point counts one, a name variant or
# near-identical text or an agreeing reply one (a family name alone a half),
# posting close together CLOSE_WEIGHT; a tie needs TIE.
TIE = 2.0
CLOSE_WEIGHT = 1.0
# Each further term of a shared point that both use, up to MAX_WORDS of them.
WORD_WEIGHT = 0.25
MAX_WORDS = 4
# Signs that let an account join a group on one shared point.
IDENTITY_SIGNS = frozenset(
    {
        "name variant",
        "near-identical text",
        "agreeing reply",
        "replied to the same comment within minutes",
    }
)
# Accounts joined by agreeing replies, this many or more, are a chorus to test
# (two readers agreeing are a conversation).
AGREEING_GROUP = 4
# Replies to one comment this close in time are a pile-on, when that many are
# this unlikely at the thread's own rate of replies.
PILE_ON_SECONDS = 900.0
PILE_ON_ALPHA = 0.001
# A post whose words are mostly its link's address words is a share button's text.
SLUG_SHARE = 0.6
_LINK = re.compile(r"https?://\S+|www\.\S+")
# Near-identical posts by several accounts within this many seconds.
COPY_WINDOW = 900.0
# ... and all of them within this span.
COPY_SPAN = 1800.0
# Points shown per campaign and messages per point.
SHOWN = 8


@dataclass
class _Message:
    row: int
    account: int
    terms: Terms
    critic: bool
    stance: str | None  # agree / disagree with the message it replies to
    parent: int | None  # row replied to, in this thread


@dataclass
class _Point:
    terms: list[str]
    pushers: set[int]
    rows: set[int]
    surprise: float
    frames: list[str] = field(default_factory=list)
    raw: set[str] = field(default_factory=set)  # its terms as stems, for matching


def waves(
    frame: Frame,
    texts: list[str | None],
    names: dict[int, str],
    variants: dict[tuple[int, int], float],
    text_pairs: pa.Table | None,
    backgrounds: dict[str, str] | None = None,
) -> tuple[list[ClaimPoint], list[Campaign]]:
    """Talking points by claim and campaigns, thread by thread, then copy bursts.

    `variants` are name-variant pairs of account codes (a < b) with their
    strength; `text_pairs` the corpus's co_text and near_text message pairs;
    `backgrounds` the article text of each thread (by thread id), where known.
    """
    backgrounds = backgrounds or {}
    thread_ids = frame.table.column("thread").to_pylist()
    by_thread: dict[int, list[int]] = defaultdict(list)
    for row, code in enumerate(frame.thread.tolist()):
        if code >= 0:
            by_thread[code].append(row)
    # A comment section, not a whole export read in as one document: past this
    # size a thread is a timeline, which the co-action network reads.
    by_thread = {c: rows for c, rows in by_thread.items() if len(rows) <= MAX_THREAD}
    analysed: dict[int, Terms] = {
        row: terms_of(texts[row]) for rows in by_thread.values() for row in rows
    }
    near = _near_pairs(frame, text_pairs) if by_thread else set()
    # The corpus background: per term, its share of each thread's accounts.
    shares: dict[str, dict[int, float]] = defaultdict(dict)
    for code, rows in by_thread.items():
        users: dict[str, set[int]] = defaultdict(set)
        for row in rows:
            for term in analysed[row].terms:
                users[term].add(int(frame.account[row]))
        accounts = len({int(frame.account[r]) for r in rows})
        for term, who in users.items():
            shares[term][code] = len(who) / accounts
    points: list[ClaimPoint] = []
    campaigns: list[Campaign] = []
    for code, rows in sorted(by_thread.items()):
        thread = thread_ids[rows[0]]
        article = backgrounds.get(thread) if thread is not None else None
        read = terms_of(article) if article else None
        article_terms = read.terms if read else set()
        language = Counter(analysed[r].language for r in rows).most_common(1)[0][0]
        background = Background(
            article_terms,
            _corpus_rate(shares, code, len(by_thread) - 1),
            language,
            read.names if read else None,
        )
        found_points, found = _thread(
            frame, texts, names, variants, near, analysed, rows, background, thread
        )
        points.extend(found_points)
        campaigns.extend(found)
    campaigns.extend(_copy_bursts(frame, texts, names, text_pairs, campaigns))
    points.extend(_across_threads(points))
    for number, point in enumerate(points):
        point.id = number
    for number, campaign in enumerate(campaigns):
        campaign.id = number
    return points, campaigns


def _across_threads(points: list[ClaimPoint]) -> list[ClaimPoint]:
    """The claims pushed in two or more comment sections of the corpus, as one point
    each (thread None): the line a campaign carries from article to article."""
    by_label: dict[str, list[ClaimPoint]] = defaultdict(list)
    for p in points:
        by_label[p.label].append(p)
    out = []
    for label, found in sorted(by_label.items()):
        if len({p.thread for p in found}) < 2:
            continue
        messages = sorted(
            (m for p in found for m in p.messages), key=lambda m: (m["time"] or "", m["id"])
        )
        out.append(
            ClaimPoint(
                id=0,
                thread=None,
                label=label,
                phrases=list(dict.fromkeys(x for p in found for x in p.phrases))[:SHOWN],
                accounts=sorted({a for p in found for a in p.accounts}),
                messages=messages,
                surprise=max(p.surprise for p in found),
            )
        )
    return out


def _corpus_rate(
    shares: dict[str, dict[int, float]], thread: int, others: int
) -> Callable[[str], float | None]:
    """A term's median share of accounts over the other threads (0 where unused)."""

    def rate(term: str) -> float | None:
        if others < MIN_CORPUS_THREADS:
            return None
        values = [v for code, v in shares.get(term, {}).items() if code != thread]
        if len(values) * 2 <= others:
            return 0.0
        values += [0.0] * (others - len(values))
        return float(np.median(values))

    return rate


def _near_pairs(frame: Frame, text_pairs: pa.Table | None) -> set[tuple[int, int]]:
    """Pairs of accounts (a < b) with identical or near-identical messages."""
    if text_pairs is None or not len(text_pairs):
        return set()
    a = frame.account[text_pairs.column("i").to_numpy()]
    b = frame.account[text_pairs.column("j").to_numpy()]
    return {(min(x, y), max(x, y)) for x, y in zip(a.tolist(), b.tolist(), strict=True) if x != y}


def _messages(frame: Frame, analysed: dict[int, Terms], rows: list[int]) -> list[_Message]:
    ids = frame.ids
    row_of = {ids[r]: r for r in rows}
    targets = frame.table.column("target").to_pylist()
    out = []
    for row in rows:
        parent = row_of.get(targets[row]) if targets[row] is not None else None
        terms = analysed[row]
        stance = opening(terms.folded) if parent is not None else None
        if stance is None and parent is not None and echoes(terms.folded, analysed[parent].folded):
            stance = "disagree"  # "Again the 'foreign grant' fairy tale"
        out.append(
            _Message(row, int(frame.account[row]), terms, is_critic(terms.folded), stance, parent)
        )
    return out


def _thread(
    frame: Frame,
    texts: list[str | None],
    names: dict[int, str],
    variants: dict[tuple[int, int], float],
    near: set[tuple[int, int]],
    analysed: dict[int, Terms],
    rows: list[int],
    background: Background,
    thread: str | None,
) -> tuple[list[ClaimPoint], list[Campaign]]:
    rows = sorted(rows, key=lambda r: (frame.position[r], r))
    messages = _messages(frame, analysed, rows)
    accounts = sorted({m.account for m in messages})
    if len(accounts) < MIN_ACCOUNTS:
        return [], []
    replies = _Replies.of(messages)
    critics = Counter(m.account for m in messages if m.critic)
    posted = Counter(m.account for m in messages)
    # A critic of the wave: most of its messages name the wave, or one does and
    # none of the others makes a claim of the repertoire.
    claims_made = {m.account for m in messages if m.terms.frames and not m.critic}
    critic_accounts = {a for a, n in critics.items() if n * 2 > posted[a] or a not in claims_made}
    silent = _silent(messages, critic_accounts)
    found = _points(messages, silent, background, len(accounts))
    framed = _framed(messages, silent)
    repertoire = _repertoire(framed, len(accounts), background.frames)
    claim_points = [_claim_point(frame, texts, names, p, thread) for p in found]
    campaign = _campaign(
        frame,
        texts,
        names,
        variants,
        near,
        messages,
        found,
        replies,
        critic_accounts,
        framed,
        repertoire,
    )
    return claim_points, [campaign] if campaign else []


@dataclass
class _Replies:
    """Who answers whom in a thread, and how: the pairs on opposite sides (a reply
    that disagrees or names the wave; two accounts answering each other without
    agreeing, since a campaign answers its critics, not itself), the pairs that
    agree, and whom each account answers without agreeing."""

    author: dict[int, int]  # row -> account
    against: set[tuple[int, int]]
    agrees: set[tuple[int, int]]
    answered: dict[int, set[int]]

    @classmethod
    def of(cls, messages: list[_Message]) -> _Replies:
        author = {m.row: m.account for m in messages}
        against: set[tuple[int, int]] = set()
        agrees: set[tuple[int, int]] = set()
        answered: dict[int, set[int]] = defaultdict(set)
        for m in messages:
            if m.parent is None:
                continue
            other = author[m.parent]
            if m.stance != "agree":
                answered[m.account].add(other)
            if other == m.account:
                continue
            pair = (min(m.account, other), max(m.account, other))
            if m.stance == "disagree" or m.critic:
                against.add(pair)
            elif m.stance == "agree":
                agrees.add(pair)
        for a, answers in answered.items():
            for b in answers:
                if a != b and a in answered.get(b, ()):
                    against.add((min(a, b), max(a, b)))
        return cls(author, against, agrees, dict(answered))


def _points(
    messages: list[_Message], silent: set[int], background: Background, n_accounts: int
) -> list[_Point]:
    """Terms that enough accounts push beyond their background, joined into points."""
    users: dict[str, set[int]] = defaultdict(set)
    rows: dict[str, set[int]] = defaultdict(set)
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    words: Counter[int] = Counter()
    for m in messages:
        words[m.account] += m.terms.words
        if m.row in silent:
            continue
        for term in m.terms.terms:
            users[term].add(m.account)
            rows[term].add(m.row)
        for stem, surface in m.terms.surface.items():
            surfaces[stem][surface] += 1
    mean_words = max(1.0, sum(words.values()) / max(1, len(words)))
    kept: list[tuple[str, float]] = []
    for term, who in users.items():
        if len(who) < MIN_PUSHERS:
            continue
        rate = background.rate(term, list(surfaces.get(term, ())), mean_words)
        tail = binomial_tail(len(who), n_accounts, rate)
        if tail <= (FRAME_ALPHA if term.startswith(FRAME_PREFIX) else ALPHA):
            kept.append((term, -math.log10(max(tail, 1e-300))))
    # A pair of stems says more than its words: drop a word pushed by the same
    # accounts as a pair holding it.
    pair_words = {
        w: users[t] for t, _ in kept if " " in t for w in t.split(" ") if not t.startswith("frame")
    }
    kept = [(t, s) for t, s in kept if not (t in pair_words and users[t] <= pair_words[t])]
    kept.sort(key=lambda x: -x[1])
    groups: list[_Point] = []
    for term, surprise in kept:
        who = users[term]
        home = next((g for g in groups if _jaccard(g.pushers, who) >= JOIN), None)
        if home is None:
            home = _Point([], set(), set(), 0.0)
            groups.append(home)
        home.terms.append(term)
        home.raw.add(term)
        home.pushers |= who
        home.rows |= rows[term]
        home.surprise = max(home.surprise, surprise)
        if term.startswith(FRAME_PREFIX):
            home.frames.append(term[len(FRAME_PREFIX) :])
    for g in groups:
        # Who pushes a point of many terms: who uses a good share of them, not
        # the reader who shares one word of a pasted paragraph.
        need = max(1, math.ceil(PUSH_SHARE * len(g.raw)))
        uses = Counter(a for term in g.raw for a in users[term])
        g.pushers = {a for a, n in uses.items() if n >= need}
        by_row = Counter(r for term in g.raw for r in rows[term])
        g.rows = {r for r, n in by_row.items() if n >= need}
        g.terms = [_show(t, surfaces) for t in g.terms]
    return [g for g in groups if len(g.pushers) >= MIN_PUSHERS]


def _show(term: str, surfaces: dict[str, Counter[str]]) -> str:
    if term.startswith(FRAME_PREFIX):
        return FRAME_LABELS[term[len(FRAME_PREFIX) :]]
    return " ".join(
        surfaces[w].most_common(1)[0][0] if surfaces.get(w) else w for w in term.split(" ")
    )


def _jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _label(point: _Point) -> str:
    if point.frames:
        return FRAME_LABELS[point.frames[0]]
    return ", ".join(point.terms[:3])


def _claim_point(
    frame: Frame, texts: list[str | None], names: dict[int, str], point: _Point, thread
) -> ClaimPoint:
    ordered = sorted(point.rows, key=lambda r: (np.nan_to_num(frame.ts[r], nan=np.inf), r))
    return ClaimPoint(
        id=0,
        thread=thread,
        label=_label(point),
        phrases=point.terms[:SHOWN],
        accounts=sorted(frame.accounts[a] for a in point.pushers),
        messages=[_message(frame, texts, names, r) for r in ordered],
        surprise=round(point.surprise, 2),
    )


def _message(frame: Frame, texts: list[str | None], names: dict[int, str], row: int) -> dict:
    ts = frame.ts[row]
    account = int(frame.account[row])
    return {
        "id": frame.ids[row],
        "account": frame.accounts[account],
        "name": names.get(account),
        "time": None if np.isnan(ts) else iso_utc(ts),
        "text": texts[row],
    }


def _campaign(
    frame: Frame,
    texts: list[str | None],
    names: dict[int, str],
    variants: dict[tuple[int, int], float],
    near: set[tuple[int, int]],
    messages: list[_Message],
    points: list[_Point],
    replies: _Replies,
    critics: set[int],
    framed: dict[int, dict[str, list[int]]],
    repertoire: list[int],
) -> Campaign | None:
    against, agrees, answered = replies.against, replies.agrees, replies.answered
    account_of_row = replies.author
    pushes: dict[int, set[int]] = defaultdict(set)  # account -> point numbers
    for n, point in enumerate(points):
        for a in point.pushers:
            if a not in critics:
                pushes[a].add(n)
    # The kept terms each account used: two accounts sharing one point in many
    # of its words say it alike.
    used: dict[int, set[str]] = defaultdict(set)
    for m in messages:
        for n in pushes.get(m.account, ()):
            used[m.account] |= m.terms.terms & points[n].raw
    order = {m.row: n for n, m in enumerate(messages)}
    rows_of: dict[int, list[int]] = defaultdict(list)
    for m in messages:
        rows_of[m.account].append(m.row)
    ts = frame.ts

    def nearness(a: int, b: int) -> float:
        """CLOSE_WEIGHT for messages within NEAR_SECONDS; half that for messages
        side by side in a thread without times (order says less than a clock)."""
        best = 0.0
        for x, y in itertools.product(rows_of[a], rows_of[b]):
            gap = abs(ts[x] - ts[y])
            if not np.isnan(gap):
                if gap <= NEAR_SECONDS:
                    return CLOSE_WEIGHT
            elif abs(order[x] - order[y]) <= NEAR_POSITIONS:
                best = CLOSE_WEIGHT / 2
        return best

    def close(a: int, b: int) -> bool:
        return nearness(a, b) > 0

    # Replies under one comment: the pile-on. Each account's replies, by parent.
    under: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for m in messages:
        if m.parent is not None:
            under[m.account][m.parent].append(m.row)

    def piled(a: int, b: int) -> bool:
        """Both answered one comment (not their own) within PILE_ON_SECONDS. Without
        times, two replies under one comment say nothing: that is what replies do."""
        for parent in set(under[a]) & set(under[b]):
            if account_of_row[parent] in (a, b):
                continue
            for x, y in itertools.product(under[a][parent], under[b][parent]):
                gap = abs(ts[x] - ts[y])
                if not np.isnan(gap) and gap <= PILE_ON_SECONDS:
                    return True
        return False

    pile_ons = _pile_ons(frame, messages, critics)
    ties: dict[int, set[int]] = defaultdict(set)
    signs: dict[tuple[int, int], list[str]] = {}
    for a, b in itertools.combinations(sorted(pushes), 2):
        if (a, b) in against:
            continue
        shared = pushes[a] & pushes[b]
        # One name in two spellings, each pushing the thread's points: one voice.
        one_voice = variants.get((a, b), 0.0) >= 1
        if not shared and not one_voice:
            continue
        second: list[str] = []
        words = len(used[a] & used[b]) - len(shared)
        strength = len(shared) + WORD_WEIGHT * min(max(words, 0), MAX_WORDS)
        if (a, b) in variants:
            second.append("name variant" if one_voice else "family name variant")
            strength += variants[(a, b)]
        if (a, b) in near:
            second.append("near-identical text")
            strength += 1
        if (a, b) in agrees:
            second.append("agreeing reply")
            strength += 1
        if piled(a, b):
            second.append("replied to the same comment within minutes")
            strength += 1
        near_by = nearness(a, b)
        if near_by:
            second.append("posted close together")
            strength += near_by
        signs[(a, b)] = second
        if strength >= TIE or one_voice:
            ties[a].add(b)
            ties[b].add(a)
    # Replies that answer someone without agreeing: an argument, not a chorus.
    answered: dict[int, set[int]] = defaultdict(set)
    for m in messages:
        if m.parent is not None and m.stance != "agree":
            answered[m.account].add(account_of_row[m.parent])
    groups = _merged(
        [
            _attach(core, pushes, points, signs, against, answered)
            for core in _components(ties)
            if len(core) >= 2
        ]
        + _claim_groups(points, pushes, against)
        + (
            [_answering(_without_rivals(repertoire, against), framed, messages)]
            if repertoire
            else []
        )
    ) + [p for p, _ in pile_ons]  # a pile-on stands on its own: it is not a claim
    groups += [g for g in _components(_agreeing(agrees)) if len(g) >= AGREEING_GROUP]
    groups = [
        _without_opponents(
            _attach_by_frames(g, framed, close, against, agrees, answered), against, signs
        )
        for g in groups
        if len(g) >= 2
    ]
    best: tuple[float, list[int], str] | None = None
    for group in groups:
        if len(group) < MIN_ACCOUNTS:
            continue
        piled_on = next((why for p, why in pile_ons if set(p) <= set(group)), None)
        scored = _score(
            frame, messages, points, group, variants, near, framed, repertoire, piled_on
        )
        # scores are capped at 1: between two groups that reach it, the larger
        if scored is not None and (
            best is None or (scored[0], len(group)) > (best[0], len(best[1]))
        ):
            best = (scored[0], group, scored[1])
    if best is None:
        return None
    score, group, reason = best
    members = []
    member_set = set(group)
    frame_uses = Counter(f for a in group for f in framed.get(a, {}))
    for a in sorted(group, key=lambda x: frame.accounts[x]):
        own = [n for n in sorted(pushes[a]) if len(points[n].pushers & member_set) >= 2]
        frames_used = [f for f in framed.get(a, {}) if frame_uses[f] >= 2]
        rows = {r for n in own for r in points[n].rows} | {
            r for f in frames_used for r in framed[a][f]
        }
        evidence = [_message(frame, texts, names, r) for r in rows_of[a] if r in rows]
        with_whom = sorted(
            {
                s
                for (x, y), found in signs.items()
                if a in (x, y) and {x, y} <= member_set
                for s in found
            }
        )
        said = [_label(points[n]) for n in own] + [FRAME_LABELS[f] for f in frames_used]
        members.append(
            Member(
                account=frame.accounts[a],
                name=names.get(a),
                points=list(dict.fromkeys(said)),
                signs=with_whom,
                messages=evidence[:SHOWN],
            )
        )
    counted = Counter(p for m in members for p in m.points)
    return Campaign(
        id=0,
        thread=frame.table.column("thread")[messages[0].row].as_py(),
        kind="talking_points",
        accounts=[m.account for m in members],
        score=round(score, 3),
        reason=reason,
        talking_points=[p for p, k in counted.most_common() if k >= 2][:SHOWN],
        members=members,
    )


def _attach(
    core: list[int],
    pushes: dict[int, set[int]],
    points: list[_Point],
    signs: dict[tuple[int, int], list[str]],
    against: set[tuple[int, int]],
    answered: dict[int, set[int]],
) -> list[int]:
    """The core of strongly tied accounts with those who join it on weaker evidence:
    two of its points, or one and a sign shared with a member (a name variant,
    near-identical text, an agreeing reply), or one said beside a member's by an
    account that is not answering a member without agreeing."""
    group = set(core)
    changed = True
    while changed:
        changed = False
        ours = {n for n, p in enumerate(points) if len(p.pushers & group) >= 2}
        for a in sorted(set(pushes) - group):
            if any((min(a, c), max(a, c)) in against for c in group):
                continue
            k = len(pushes[a] & ours)
            found = {s for c in group for s in signs.get((min(a, c), max(a, c)), ())}
            identity = bool(found & IDENTITY_SIGNS)
            beside = "posted close together" in found and not (answered.get(a, set()) & group)
            voice = "name variant" in found
            if k >= 2 or (k >= 1 and (identity or beside)) or voice:
                group.add(a)
                changed = True
    return sorted(group)


def _agreeing(agrees: set[tuple[int, int]]) -> dict[int, set[int]]:
    """Who answers whom with agreement ("Exactly", "Well said"), as a graph."""
    out: dict[int, set[int]] = defaultdict(set)
    for a, b in agrees:
        out[a].add(b)
        out[b].add(a)
    return out


def _pile_ons(
    frame: Frame, messages: list[_Message], critics: set[int]
) -> list[tuple[list[int], str]]:
    """Accounts answering one comment together: MIN_ACCOUNTS or more replies to it,
    none agreeing with it, within PILE_ON_SECONDS, more than the thread's own rate
    of replies makes likely (Poisson tail at most PILE_ON_ALPHA). Each with its
    reason in words. Threads without times have none: order alone is not a burst."""
    ts = frame.ts
    timed = [m for m in messages if not np.isnan(ts[m.row])]
    replies = [m for m in timed if m.parent is not None]
    if len(replies) < MIN_ACCOUNTS or len(timed) < 2:
        return []
    span = max(float(ts[timed[-1].row] - ts[timed[0].row]), PILE_ON_SECONDS)
    span = max(span, float(max(ts[m.row] for m in timed) - min(ts[m.row] for m in timed)))
    author = {m.row: m.account for m in messages}
    under: dict[int, list[_Message]] = defaultdict(list)
    for m in replies:
        if m.stance != "agree" and not m.critic and author[m.parent] != m.account:
            under[m.parent].append(m)
    out = []
    for answers in under.values():
        answers.sort(key=lambda m: ts[m.row])
        best: list[_Message] = []
        for n, first in enumerate(answers):
            inside = [m for m in answers[n:] if ts[m.row] - ts[first.row] <= PILE_ON_SECONDS]
            if len({m.account for m in inside}) > len({m.account for m in best}):
                best = inside
        accounts = sorted({m.account for m in best} - critics)
        if len(accounts) < MIN_ACCOUNTS:
            continue
        # the thread's rate of replies, without these: they are what is tested
        expected = max(len(replies) - len(answers), 1) * PILE_ON_SECONDS / span
        if poisson_tail(len(best), expected) > PILE_ON_ALPHA:
            continue
        minutes = _duration(float(ts[best[-1].row] - ts[best[0].row]))
        out.append((accounts, f"replied to one comment within {minutes}"))
    return out


def _attach_by_frames(
    group: list[int],
    framed: dict[int, dict[str, list[int]]],
    close: Callable[[int, int], bool],
    against: set[tuple[int, int]],
    agrees: set[tuple[int, int]],
    answered: dict[int, set[int]],
) -> list[int]:
    """Accounts that say the group's claims in words no point of the thread holds
    (a frame some member uses), beside a member's comment or agreeing with one, or
    two of its frames anyway."""
    members = set(group)
    ours = {f for a in members for f in framed.get(a, {})}
    for a in sorted(set(framed) - members):
        if any((min(a, c), max(a, c)) in against for c in members):
            continue
        shared = set(framed[a]) & ours
        if not shared:
            continue
        agreeing = any((min(a, c), max(a, c)) in agrees for c in members)
        beside = not (answered.get(a, set()) & members) and any(close(a, c) for c in members)
        if len(shared) >= 2 or agreeing or beside:
            members.add(a)
    return sorted(members)


def _silent(messages: list[_Message], critics: set[int]) -> set[int]:
    """Rows that push no claim: what critics write, and replies that argue against
    a message making claims (they rebut the claims, whatever words they borrow:
    "Old news? It was this year")."""
    by_row = {m.row: m for m in messages}
    out = set()
    for m in messages:
        parent = by_row.get(m.parent) if m.parent is not None else None
        rebuttal = m.stance == "disagree" and parent is not None and bool(parent.terms.frames)
        if m.critic or m.account in critics or rebuttal:
            out.add(m.row)
    return out


def _framed(messages: list[_Message], silent: set[int]) -> dict[int, dict[str, list[int]]]:
    """Per account, the frames it uses (each with the rows that use it), leaving out
    the `silent` rows (see `_silent`). Frames the article makes count here too: an
    article that reports the government's defence ("a national tradition") does
    not make the chorus repeating it ordinary (the talking points by claim weigh
    them against the article; the repertoire needs two frames, see `_score`)."""
    out: dict[int, dict[str, list[int]]] = defaultdict(dict)
    for m in messages:
        if m.row in silent:
            continue
        for name in m.terms.frames:
            out[m.account].setdefault(name, []).append(m.row)
    return dict(out)


def _repertoire(
    framed: dict[int, dict[str, list[int]]], n_accounts: int, topical: set[str]
) -> list[int]:
    """The accounts using the frames, when the thread's accounts use more of them
    than ordinary readers would: each distinct (account, frame) counts once, and
    the count is tested (Poisson tail at most REPERTOIRE_ALPHA) against what
    FRAME_RATES predict for this many accounts (a frame the article makes itself
    at TOPICAL_FRAME_RATE: a story about bribes has readers talking of money)."""
    users = sorted(a for a, frames in framed.items() if frames)
    if len(users) < MIN_ACCOUNTS:
        return []
    uses = sum(len(frames) for frames in framed.values())
    expected = n_accounts * sum(
        TOPICAL_FRAME_RATE if f in topical else FRAME_RATES.get(f, RARE_FRAME_RATE)
        for f in FRAME_LABELS
    )
    if poisson_tail(uses, expected) > REPERTOIRE_ALPHA:
        return []
    return users


def poisson_tail(k: int, mean: float) -> float:
    """P(X >= k) for X ~ Poisson(mean)."""
    from scipy.stats import poisson

    return float(poisson.sf(k - 1, max(mean, 1e-12))) if k > 0 else 1.0


def _answering(
    group: list[int], framed: dict[int, dict[str, list[int]]], messages: list[_Message]
) -> list[int]:
    """The group without those whose every framed message answers a member without
    agreeing: a reader arguing with the chorus in its own words."""
    author = {m.row: m.account for m in messages}
    parent = {m.row: m.parent for m in messages}
    stance = {m.row: m.stance for m in messages}
    members = set(group)
    kept = []
    for a in group:
        rows = {r for found in framed.get(a, {}).values() for r in found}
        answering = [
            parent[r] is not None
            and author.get(parent[r]) in members - {a}
            and stance[r] != "agree"
            for r in rows
        ]
        if not answering or not all(answering):
            kept.append(a)
    return kept


def _without_opponents(
    group: list[int], against: set[tuple[int, int]], signs: dict[tuple[int, int], list[str]]
) -> list[int]:
    """The group without anyone who argues with one of its members (a reply that
    disagrees, mocks in quotes, or a back-and-forth): the chorus does not argue
    with itself. Where two argue, the one with fewer allies in the group goes."""
    members = set(group)
    while True:
        rivals = {
            a: sum((min(a, b), max(a, b)) in against for b in members if b != a) for a in members
        }
        allies = {
            a: sum((min(a, b), max(a, b)) in signs for b in members if b != a) for a in members
        }
        worst = max(members, key=lambda a: (rivals[a], -allies[a], a), default=None)
        if worst is None or rivals[worst] == 0:
            return sorted(members)
        members.discard(worst)


def _without_rivals(group: list[int], against: set[tuple[int, int]]) -> list[int]:
    """The group without those who argue with most of it."""
    kept = set(group)
    for a in sorted(group):
        rivals = sum((min(a, b), max(a, b)) in against for b in group)
        if rivals and rivals * 2 >= len(group) - 1:
            kept.discard(a)
    return sorted(kept)


def _claim_groups(
    points: list[_Point], pushes: dict[int, set[int]], against: set[tuple[int, int]]
) -> list[list[int]]:
    """Accounts behind two or more claims (frames) that share pushers: a repertoire
    pushed in one thread by one set of accounts, each in its own words, even when no
    two of them are tied closely. Words alone do not make such a group (readers of
    one story share its words); claims do."""
    claims = [n for n, p in enumerate(points) if p.frames]
    linked: dict[int, set[int]] = defaultdict(set)
    for x, y in itertools.combinations(claims, 2):
        if points[x].pushers & points[y].pushers:
            linked[x].add(y)
            linked[y].add(x)
    out = []
    for component in _components(linked):
        if len(component) < 2:
            continue
        pushed = {
            a: len(pushes[a] & set(component))
            for n in component
            for a in points[n].pushers
            if a in pushes
        }
        out.append(_without_rivals(sorted(pushed), against))
    return out


def _merged(groups: list[list[int]]) -> list[list[int]]:
    """Groups that came to share an account are one."""
    out: list[set[int]] = []
    for group in groups:
        joined = set(group)
        for other in [o for o in out if o & joined]:
            joined |= other
            out.remove(other)
        out.append(joined)
    return [sorted(g) for g in out]


def _components(ties: dict[int, set[int]]) -> list[list[int]]:
    seen: set[int] = set()
    out = []
    for start in sorted(ties):
        if start in seen:
            continue
        stack, group = [start], []
        seen.add(start)
        while stack:
            node = stack.pop()
            group.append(node)
            for other in ties[node]:
                if other not in seen:
                    seen.add(other)
                    stack.append(other)
        out.append(sorted(group))
    return out


def _score(
    frame: Frame,
    messages: list[_Message],
    points: list[_Point],
    group: list[int],
    variants: dict[tuple[int, int], float],
    near: set[tuple[int, int]],
    framed: dict[int, dict[str, list[int]]],
    repertoire: list[int],
    piled_on: str | None = None,
) -> tuple[float, str] | None:
    """The group's score and its reason in words, or None when it is no campaign."""
    members = set(group)
    shared = [n for n, p in enumerate(points) if len(p.pushers & members) >= MIN_PUSHERS]
    labels = [_label(points[n]) for n in shared]
    # and the frames two or more of them use, in words no point of the thread holds
    uses = Counter(f for a in members for f in framed.get(a, {}))
    labels += [FRAME_LABELS[f] for f, k in uses.most_common() if k >= 2]
    labels = list(dict.fromkeys(labels))
    if not labels and piled_on is None:
        return None
    rows = [m.row for m in messages if m.account in members]
    all_rows = [m.row for m in messages]
    times = frame.ts[rows]
    timed = times[~np.isnan(times)]
    thread_times = frame.ts[all_rows]
    thread_times = thread_times[~np.isnan(thread_times)]
    together = None
    burst = False  # within BURST_SECONDS, not only a share of a long thread's time
    if len(timed) >= 2 and len(thread_times) >= 2:
        span = float(timed.max() - timed.min())
        thread_span = float(thread_times.max() - thread_times.min()) or 1.0
        burst = span <= BURST_SECONDS
        if burst or span <= CONCENTRATION * thread_span:
            together = f"within {_duration(span)}"
    else:
        index = [n for n, m in enumerate(messages) if m.account in members]
        run = index[-1] - index[0] + 1
        if len(index) >= CONCENTRATION * run * 1.4 or run <= CONCENTRATION * len(messages):
            together = f"in a run of {run} of the thread's {len(messages)} comments"
    pairs = list(itertools.combinations(sorted(members), 2))
    identity = sorted(
        {
            ("name variants" if variants[p] >= 1 else "family name variants")
            for p in pairs
            if p in variants
        }
        | ({"near-identical texts"} if any(p in near for p in pairs) else set())
    )
    # Two claims say enough; one claim needs the group to have said it close
    # together or to share an identity sign.
    if piled_on is not None:
        identity = [piled_on, *identity]
    if repertoire and len(members & set(repertoire)) * 2 >= len(members):
        # the repertoire test passed: more of the thread used these claims than
        # its ordinary readers would
        identity.append("more of the thread's accounts making these claims than chance")
    if len(labels) < 2 and not identity and together is None:
        return None
    # Words alone, with no frame, sign or burst, are readers of one story talking
    # (half a day's comments repeating the article's demand is a readership, not a
    # burst).
    claims = set(labels) & set(FRAME_LABELS.values())
    if not claims and not identity and not burst and (together is None or len(timed) >= 2):
        return None
    score = min(1.0, 0.25 * len(labels) + 0.15 * len(identity) + (0.25 if together else 0.0))
    labels = labels[:3]
    score *= min(1.0, len(members) / 5)
    if labels:
        reason = f"{len(members)} accounts posted the same claims ({'; '.join(labels)})"
    else:  # a pile-on in other words each: its replies are the evidence
        reason = f"{len(members)} accounts {identity.pop(0)}"
    if together:
        reason += f" {together}"
    if identity:
        reason += "; also " + ", ".join(identity)
    return score, reason


def _duration(seconds: float) -> str:
    minutes = max(1, round(seconds / 60))
    if minutes < 120:
        return f"{minutes} minutes"
    return f"{round(minutes / 60)} hours"


def _copy_bursts(
    frame: Frame,
    texts: list[str | None],
    names: dict[int, str],
    text_pairs: pa.Table | None,
    found: list[Campaign],
) -> list[Campaign]:
    """Near-identical posts by several accounts within COPY_WINDOW seconds."""
    if text_pairs is None or not len(text_pairs):
        return []
    i = text_pairs.column("i").to_numpy()
    j = text_pairs.column("j").to_numpy()
    gap = np.abs(frame.ts[i] - frame.ts[j])
    keep = ~np.isnan(gap) & (gap <= COPY_WINDOW)
    i, j = i[keep], j[keep]
    if not len(i):
        return []
    # Connected groups of messages, in numpy: a million posts give many pairs.
    rows_all = np.unique(np.concatenate([i, j]))
    li, lj = np.searchsorted(rows_all, i), np.searchsorted(rows_all, j)
    graph = sparse.coo_matrix(
        (np.ones(len(li), dtype=np.int8), (li, lj)), shape=(len(rows_all),) * 2
    )
    _, component = connected_components(graph, directed=False)
    accounts_of = frame.account[rows_all].astype(np.int64)
    couples = np.unique(component.astype(np.int64) * (len(frame.accounts) + 1) + accounts_of)
    per_component = np.bincount(couples // (len(frame.accounts) + 1))
    wanted = per_component >= MIN_ACCOUNTS
    order = np.argsort(component, kind="stable")
    starts = np.flatnonzero(np.r_[True, np.diff(component[order]) != 0])
    groups = [
        rows_all[part].tolist()
        for part in np.split(order, starts[1:])
        if wanted[component[part[0]]]
    ]
    already = [set(c.accounts) for c in found]
    urls = frame.table.column("urls")
    tags = frame.table.column("hashtags")
    out = []
    for rows in groups:
        rows.sort(key=lambda r: (frame.ts[r], r))
        accounts = sorted({frame.accounts[int(frame.account[r])] for r in rows})
        if len(accounts) < MIN_ACCOUNTS or any(set(accounts) <= a for a in already):
            continue
        if _share_buttons(rows, texts, urls):
            continue
        span = float(frame.ts[rows[-1]] - frame.ts[rows[0]])
        if span > COPY_SPAN:
            continue  # a text passed on over an hour or more: spread, not a burst
        shared = _shared_items(rows, urls, tags)
        reason = (
            f"{len(accounts)} accounts posted near-identical texts within {_duration(span)}"
            + (f", with the same {shared}" if shared else "")
        )
        members = [
            Member(
                account=account,
                name=next(
                    names.get(int(frame.account[r]))
                    for r in rows
                    if frame.accounts[int(frame.account[r])] == account
                ),
                points=[],
                signs=["near-identical text"],
                messages=[
                    _message(frame, texts, names, r)
                    for r in rows
                    if frame.accounts[int(frame.account[r])] == account
                ][:SHOWN],
            )
            for account in accounts
        ]
        out.append(
            Campaign(
                id=0,
                thread=frame.table.column("thread")[rows[0]].as_py(),
                kind="copy_burst",
                accounts=accounts,
                score=round(min(1.0, 0.5 + 0.1 * len(accounts) + (0.2 if shared else 0)), 3),
                reason=reason,
                talking_points=[texts[rows[0]] or ""],
                members=members,
            )
        )
    return out


_SLUG_WORD = re.compile(r"[^\W\d_]{2,}")


def _share_buttons(rows: list[int], texts: list[str | None], urls: pa.ChunkedArray) -> bool:
    """Most of the posts are a site's share text: the linked page's own headline,
    which its address spells ("Title words https://site/news/title-words-22"). Many
    readers pressing one share button within minutes is a popular story."""
    shares = 0
    for row, links in zip(rows, urls.take(pa.array(rows)).to_pylist(), strict=True):
        path = [link.split("//", 1)[-1].split("/", 1)[-1] for link in links or []]
        slug = {w.casefold() for p in path for w in _SLUG_WORD.findall(p)}
        words = {w.casefold() for w in _SLUG_WORD.findall(_LINK.sub(" ", texts[row] or ""))}
        # the text holds the headline the address spells (perhaps with "Worth
        # reading:" before it), or is little more than it
        if (
            slug
            and words
            and (
                len(slug & words) >= SLUG_SHARE * len(slug)
                or len(slug & words) >= SLUG_SHARE * len(words)
            )
        ):
            shares += 1
    return shares * 2 > len(rows)


def _shared_items(rows: list[int], urls: pa.ChunkedArray, tags: pa.ChunkedArray) -> str:
    def common(column: pa.ChunkedArray) -> list[str]:
        sets = [set(v or []) for v in column.take(pa.array(rows)).to_pylist()]
        return sorted(set.intersection(*sets)) if sets else []

    found = [f"link {u}" for u in common(urls)] + [f"hashtag #{t}" for t in common(tags)]
    return " and ".join(found[:2])
