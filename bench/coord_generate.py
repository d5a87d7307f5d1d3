"""Synthetic social posts with planted coordinated campaigns, for the coordination benches.

Real labelled coordination data is scarce and small, so precision and recall are
measured on generated data instead. The background is built to contain the things
that fool naive detectors in real exports: a few very active accounts and many quiet
ones, popular posts reposted and replied to by many unrelated people within seconds,
the same short replies ("lol", "+1") everywhere, breaking-news links shared in bursts
with the share button's headline as text, common stock phrases, and people with the
same common name. Against that, four kinds of small campaigns are planted:

- copy_paste: identical long messages from the whole group within a minute or so;
- reworded: one message per round, each member's copy with a few words swapped,
  dropped, replaced or misspelled;
- link_burst: the group posts the same rare URL within a couple of minutes, with
  their own words, again and again;
- name_variant: sockpuppets whose display names are spellings of one person's name
  (order, transliteration, suffix), replying on the same threads.

Campaign accounts are ordinary low-activity accounts that also post background
content, so nothing but their coordination tells them apart.

    python -m bench.coord_generate --posts 1000000 --days 1 --out posts.csv

writes posts.csv (Casework's posts format) and posts.labels.json (the ground truth).
Rows are written in time order as they are generated, so a million posts need
little memory.
"""

from __future__ import annotations

import argparse
import csv
import heapq
import itertools
import json
import random
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

FIELDS = (
    "message_id",
    "account",
    "display_name",
    "text",
    "timestamp",
    "reply_to",
    "repost_of",
    "urls",
    "hashtags",
)
KINDS = ("copy_paste", "reworded", "link_burst", "name_variant")
START = datetime(2024, 3, 1, tzinfo=UTC)
DAY = 86_400

# Shares of background posts by type (the rest are original posts). News-link
# shares are generated separately, as bursts after each article is published.
P_REPOST = 0.30
P_REPLY = 0.20
P_QUOTE = 0.05
NEWS_SHARE = 0.08
ARTICLE_COMMENT = 0.08  # of replies: comments under a news article (reply_to = its id)
PARETO_ALPHA = 1.3  # posts per account: top 1% of accounts write 14-22%, top 10% about half
# Relative posting volume by hour of day (UTC).
DIURNAL = (
    0.3, 0.2, 0.15, 0.12, 0.12, 0.2, 0.4, 0.7, 0.9, 1.0, 1.0, 1.0,
    1.05, 1.0, 1.0, 1.0, 1.05, 1.1, 1.2, 1.3, 1.3, 1.2, 0.9, 0.6,
)  # fmt: skip

# ---------------------------------------------------------------------------
# Vocabularies (module constants, so building them costs nothing per post)

COMMON = (
    "the to and a of is in it you that i for this on be are with have not we just so but "
    "they at all was what my like can do your if about me will people no one how get out "
    "more up now know there from by when think they're it's don't an as time who would "
    "really today our has good why need new still going been see make right want them "
    "some back only day because than even much other any very here after said these well "
    "never too year last first also every those over again great should being their "
    "thing way many keep let were better did things always while next world big sure "
    "nothing long real since same said look stop everyone true already another hope "
    "life believe where feel maybe enough tonight happening least wait someone"
).split()
TOPICS: dict[str, tuple[str, ...]] = {
    "politics": tuple(
        "election vote parliament minister government opposition president policy law "
        "campaign candidate ballot reform corruption protest rights court constitution "
        "sanctions official party coalition debate referendum mandate".split()
    ),
    "economy": tuple(
        "prices inflation salary jobs market bank currency oil gas budget tax loan rent "
        "economy growth debt investors exports wages pension crisis manat rouble".split()
    ),
    "sports": tuple(
        "match goal team league coach season player score football final derby fans "
        "stadium transfer penalty champions referee training win draw striker".split()
    ),
    "weather": tuple(
        "rain snow storm heat sunny wind forecast cold weekend flood temperature clouds "
        "summer winter spring degrees umbrella traffic roads outside".split()
    ),
    "tech": tuple(
        "phone app update battery android iphone software laptop internet wifi ai "
        "startup code bug release server cloud privacy data hackers".split()
    ),
    "food": tuple(
        "dinner lunch breakfast recipe coffee tea bread cheese restaurant cafe pizza "
        "soup kebab dessert plov delicious cooking kitchen taste market".split()
    ),
    "culture": tuple(
        "movie film series concert album song music festival theatre book novel artist "
        "museum exhibition premiere singer director award show stage".split()
    ),
    "health": tuple(
        "doctor hospital vaccine flu virus sleep gym running diet medicine clinic "
        "pharmacy symptoms recovery nurses patients health workout cough".split()
    ),
    "local": tuple(
        "city mayor bus metro park street neighbours school teachers district building "
        "construction water electricity repair bridge square police fire".split()
    ),
    "world": tuple(
        "war ceasefire border talks summit refugees embassy nato treaty conflict "
        "troops ukraine russia europe turkey iran envoy allies attack drones".split()
    ),
}
TOPIC_NAMES = tuple(TOPICS)
TOPIC_TAGS: dict[str, tuple[str, ...]] = {
    "politics": ("politics", "election2024", "vote"),
    "economy": ("economy", "prices", "inflation"),
    "sports": ("football", "matchday", "sport"),
    "weather": ("weather", "baku", "storm"),
    "tech": ("tech", "ai", "android"),
    "food": ("foodie", "recipe", "coffee"),
    "culture": ("music", "cinema", "festival"),
    "health": ("health", "fitness", "flu"),
    "local": ("baku", "city", "metro"),
    "world": ("news", "breaking", "world"),
}
SHORT_REPLIES = (
    "lol", "thanks!", "so true", "+1", "this", "exactly", "agreed", "wow", "haha", "yes!",
    "same", "true", "thank you", "100%", "😂😂😂", "🔥", "👏👏", "nice", "omg", "love this",
    "well said", "great thread", "no way", "facts", "❤️", "this is the way", "sad", "finally",
    "congrats!", "good point", "+100", "lmao", "interesting", "wtf", "so sad", "🙏",
    "thanks for sharing", "amazing", "true story", "same here",
)  # fmt: skip
STOCK_PHRASES = (
    "Good morning everyone!", "Happy Friday!", "Good night all", "Can't believe this is happening",
    "What a game!", "Monday again...", "Read this thread", "This is huge", "I can't even",
    "Stay safe everyone", "Happy birthday to me!", "Who else is watching this?",
    "Coffee first.", "Weekend finally!", "Breaking news", "Thoughts?", "Unbelievable.",
    "Not again", "So proud of our team", "Rest in peace",
)  # fmt: skip
REACTIONS = (
    "Must read", "Wow", "Finally", "Interesting", "Important", "Worth reading", "Not surprised",
    "Unbelievable", "Read this", "Good news", "Bad news", "Shocking", "This", "Big if true",
)  # fmt: skip
ENDINGS = ("", "", "", ".", ".", "!", "?", "...", " 😡", " 🙏", " 😂", " 👍", "!!")
NEWS_DOMAINS = (
    "apa.az", "report.az", "trend.az", "oc-media.org", "eurasianet.org", "bbc.com", "reuters.com",
    "meduza.io", "rferl.org", "aljazeera.com", "theguardian.com", "jam-news.net",
)  # fmt: skip
SYNONYMS = {
    "people": "citizens", "government": "authorities", "really": "truly", "good": "great",
    "big": "huge", "need": "must", "stop": "end", "never": "not", "true": "real",
    "everyone": "everybody", "today": "now", "think": "believe", "look": "see",
    "official": "officer", "corruption": "bribery", "protest": "rally", "prices": "costs",
    "war": "conflict", "city": "town", "law": "bill", "court": "judges", "rights": "freedoms",
}  # fmt: skip
CALLS = (
    "share before they delete it", "spread the word", "wake up", "the truth must be heard",
    "do not stay silent", "retweet if you agree", "they are lying to you", "support now",
)  # fmt: skip

GIVEN = (
    "Anna Maria Elena Olga Irina Leyla Aysel Nigar Sabina Gunel Fatima Zeynab Sara Emma Sofia "
    "Laura Nino Mariam Ani Ekaterina Natalia Tatiana Yulia Alina Daria Hanna Lena Kamala Narmin "
    "Aynur John David Michael James Peter Thomas Daniel Alex Mark Paul Ivan Sergei Dmitry "
    "Alexei Nikolai Andrei Pavel Oleg Artem Maxim Farid Rashad Elnur Anar Tural Orkhan Vugar "
    "Ilgar Aydin Kamran Elvin Ramil Emin Samir Murad Ali Hasan Huseyn Javid Ruslan Giorgi Levan "
    "Davit Armen Tigran Mehmet Ahmet Mustafa Emre Can Omar Yusuf Karim Lars Jan Piotr Tomasz "
    "Marco Luca Pierre Jean Carlos Diego Chen Wei Hiroshi Kenji"
).split()
FAMILY = (
    "Aliyev Mammadov Hasanov Huseynov Guliyev Ismayilov Karimov Jafarov Bayramov Muradov "
    "Rahimov Abbasov Valiyev Suleymanov Ibrahimov Gasimov Mustafayev Nasirov Orujov Babayev "
    "Ivanov Petrov Smirnov Sokolov Volkov Popov Kuznetsov Novikov Morozov Lebedev Kozlov "
    "Pavlov Orlov Ivanova Petrova Smirnova Sokolova Volkova Popova Kuznetsova Aliyeva "
    "Mammadova Hasanova Huseynova Beridze Kapanadze Gelashvili Petrosyan Sargsyan Hakobyan "
    "Yilmaz Kaya Demir Sahin Celik Smith Johnson Brown Miller Wilson Taylor Anderson Clark "
    "Lewis Walker Young King Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell "
    "Roberts Schmidt Muller Weber Fischer Meyer Kowalski Nowak Wisniewski Rossi Bianchi "
    "Dubois Martin Bernard Garcia Lopez Martinez Wang Li Zhang Tanaka Suzuki Sato"
).split()
HANDLE_A = (
    "real truth free daily baku caspian night coffee happy angry silent urban green blue "
    "old young lucky crazy smart proud lonely wild"
).split()
HANDLE_B = (
    "news voice citizen fan lover girl boy cat dog wolf eagle patriot watcher reader "
    "observer dreamer traveller writer gamer mom dad"
).split()
TLDS = ("info", "net", "org", "com", "online", "news", "site", "press")

# Persons whose names sockpuppets spell in different ways:
# (given, given alt. romanisation, family, family alt., given Cyrillic, family Cyrillic,
#  given local spelling, family local spelling).
PERSONS = (
    ("Farid", "Fareed", "Muradov", "Muradli", "Фарид", "Мурадов", "Fərid", "Muradov"),
    ("Elnur", "Elnour", "Hasanov", "Gasanov", "Эльнур", "Гасанов", "Elnur", "Həsənov"),
    ("Rashad", "Rashid", "Aliyev", "Aliev", "Рашад", "Алиев", "Rəşad", "Əliyev"),
    ("Ilgar", "Ilqar", "Mammadov", "Mamedov", "Ильгар", "Мамедов", "İlqar", "Məmmədov"),
    ("Sergei", "Sergey", "Ivanov", "Ivanoff", "Сергей", "Иванов", "Serhiy", "Ivanov"),
    ("Dmitry", "Dmitri", "Sokolov", "Sokoloff", "Дмитрий", "Соколов", "Dmytro", "Sokolov"),
    ("Anar", "Anaar", "Guliyev", "Kuliev", "Анар", "Кулиев", "Anar", "Quliyev"),
    ("Tural", "Turol", "Jafarov", "Dzhafarov", "Турал", "Джафаров", "Tural", "Cəfərov"),
    ("Aydin", "Aidyn", "Karimov", "Kerimov", "Айдын", "Керимов", "Aydın", "Kərimov"),
    ("Orkhan", "Orhan", "Huseynov", "Guseinov", "Орхан", "Гусейнов", "Orxan", "Hüseynov"),
    ("Vugar", "Vuqar", "Bayramov", "Bairamov", "Вугар", "Байрамов", "Vüqar", "Bayramov"),
    ("Nikolai", "Nikolay", "Volkov", "Volkoff", "Николай", "Волков", "Mykola", "Volkov"),
)
_SUFFIXES = ("yev", "yeva", "ev", "eva", "ov", "ova", "off", "li", "иев", "ев", "ов")


def _stem(family: str) -> str:
    """The family name without its patronymic suffix (Muradov -> Murad), as people shorten it."""
    for suffix in _SUFFIXES:
        if family.endswith(suffix) and len(family) - len(suffix) >= 3:
            return family[: -len(suffix)]
    return family


def name_variants(person: tuple[str, ...]) -> list[str]:
    """Distinct display-name spellings of one person: order, script, romanisation, suffix."""
    g, g_alt, f, f_alt, gc, fc, gl, fl = person
    forms = [
        f"{g} {f}",
        f"{f} {g}",
        f"{gl} {_stem(fl)}",
        f"{gc} {fc}",
        f"{fc} {gc}",
        f"{g[0]}. {f}",
        f"{g} {_stem(f)}",
        f"{gl} {fl}",
        f"{gc[0]}. {fc}",
        f"{g} {f_alt}",
        f"{gc} {_stem(fc)}",
        f"{g_alt} {f}",
        f"{g_alt} {f_alt}",
        f"{g.lower()}.{f.lower()}",
        f"{f} {g[0]}.",
    ]
    return list(dict.fromkeys(forms))


def _pseudo_words(count: int, seed: int = 12_345) -> tuple[str, ...]:
    """Rare words (names, slang, typos in the wild) that make unrelated texts differ."""
    rng = random.Random(seed)
    onsets = "b c d f g h j k l m n p r s t v z br tr st sh ch kr pl gr".split()
    vowels = "a e i o u ai ou ia".split()
    words: dict[str, None] = {}
    while len(words) < count:
        n = rng.choice((2, 2, 3, 3, 4))
        words["".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(n))] = None
    return tuple(words)


RARE = _pseudo_words(4000)


def _topic_pools() -> dict[str, tuple[list[str], list[float]]]:
    """Per topic: words and cumulative weights (Zipf common words, topic words, a rare tail)."""
    pools = {}
    common_w = [1.0 / (r + 1) for r in range(len(COMMON))]
    scale_c = 0.55 / sum(common_w)
    for topic, words in TOPICS.items():
        population = list(COMMON) + list(words) + list(RARE)
        weights = [w * scale_c for w in common_w]
        weights += [0.33 / len(words)] * len(words)
        weights += [0.12 / len(RARE)] * len(RARE)
        pools[topic] = (population, list(itertools.accumulate(weights)))
    return pools


POOLS = _topic_pools()
_REPLY_CUM = list(itertools.accumulate(1.0 / (r + 1) for r in range(len(SHORT_REPLIES))))
_ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


# ---------------------------------------------------------------------------
# The plan: accounts, articles, campaigns (everything decided before streaming)


class _Plan:
    """Everything drawn up front; rows are then streamed in time order from it."""

    def __init__(self, posts: int, accounts: int, campaigns: int, days: float, seed: int):
        if posts < 1 or accounts < 2 or days <= 0:
            raise ValueError("need posts >= 1, accounts >= 2 and days > 0")
        self.rng = rng = random.Random(seed)
        self.posts = posts
        self.period = max(3600, int(days * DAY))
        self.days = days
        # Accounts: ids that say nothing, names, heavy-tailed activity.
        self.ids = [str(x) for x in rng.sample(range(10**8, 10**9), accounts)]
        self.names = [self._background_name() for _ in range(accounts)]
        # Capped: the busiest account (a bot, a news outlet) writes a few tenths of a percent.
        cap = max(50.0, accounts / 100)
        weights = [min(rng.paretovariate(PARETO_ALPHA), cap) for _ in range(accounts)]
        self.quiet = [i for i, w in enumerate(weights) if w < 3.0]
        self.campaigns = self._campaigns(campaigns, weights)
        # Campaign members keep their background activity but don't dominate it.
        self.author_cum = list(itertools.accumulate(weights))
        n_campaign = sum(len(c["events"]) for c in self.campaigns)
        budget = max(0, posts - n_campaign)
        self.n_news = int(budget * NEWS_SHARE)
        self.n_background = budget - self.n_news
        self._articles()

    def _background_name(self) -> str:
        rng = self.rng
        r = rng.random()
        if r < 0.45:
            return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
        if r < 0.55:
            return rng.choice(GIVEN)
        if r < 0.85:
            return f"{rng.choice(HANDLE_A)}_{rng.choice(HANDLE_B)}{rng.randrange(100)}"
        return f"{rng.choice(HANDLE_A).capitalize()} {rng.choice(HANDLE_B).capitalize()}"

    def _campaigns(self, count: int, weights: list[float]) -> list[dict[str, Any]]:
        rng = self.rng
        pool = list(self.quiet) if len(self.quiet) >= 3 else list(range(len(self.ids)))
        rng.shuffle(pool)
        persons = list(PERSONS)
        rng.shuffle(persons)
        out = []
        for c in range(count):
            kind = KINDS[c % len(KINDS)]
            size = rng.randint(3, 15)
            variants: list[str] = []
            if kind == "name_variant":
                person = persons[(c // len(KINDS)) % len(persons)]
                variants = name_variants(person)
                rng.shuffle(variants)
                size = min(size, len(variants))
            if len(pool) < size:
                break
            members = [pool.pop() for _ in range(size)]
            for i, member in enumerate(members):
                weights[member] = min(weights[member], 1.5)
                if variants:
                    self.names[member] = variants[i]
            topic = rng.choice(("politics", "economy", "world"))
            tag = (rng.choice(TOPICS[topic]) + rng.choice(RARE)).replace("'", "")
            rounds = self._rounds(kind, members, topic)
            events = []
            for r, (start, participants) in enumerate(rounds):
                first = True
                for m in participants:
                    if first:
                        delay = 0.0
                        first = False
                    elif kind == "link_burst":
                        delay = rng.uniform(0, 100)
                    elif kind == "name_variant":
                        delay = rng.uniform(0, 90) if rng.random() < 0.85 else rng.uniform(90, 600)
                    else:
                        delay = rng.uniform(0, 50) if rng.random() < 0.88 else rng.uniform(50, 300)
                    ts = min(self.period - 1, start + int(delay))
                    events.append((ts, 2, c, r, m))
            out.append(
                {
                    "kind": kind,
                    "members": members,
                    "topic": topic,
                    "tag": tag,
                    "events": sorted(events),
                    "texts": [self._campaign_text(topic, tag) for _ in rounds],
                    "urls": [self._rare_url(c) for _ in rounds] if kind == "link_burst" else [],
                    "threads": [None] * len(rounds),
                    "messages": [],
                }
            )
        return out

    def _rounds(self, kind: str, members: list[int], topic: str) -> list[tuple[int, list[int]]]:
        """Round start times and participants; every member in at least two rounds."""
        rng = self.rng
        n = rng.randint(3, 6)
        starts = sorted(rng.randrange(0, max(1, self.period - 700)) for _ in range(n))
        taking = [[m for m in members if rng.random() < 0.85] for _ in range(n)]
        for m in members:
            have = [r for r in range(n) if m in taking[r]]
            for r in rng.sample([r for r in range(n) if r not in have], max(0, 2 - len(have))):
                taking[r].append(m)
        for r in range(n):
            while len(taking[r]) < 2:
                extra = rng.choice(members)
                if extra not in taking[r]:
                    taking[r].append(extra)
            rng.shuffle(taking[r])
        return list(zip(starts, taking, strict=True))

    def _campaign_text(self, topic: str, tag: str) -> str:
        rng = self.rng
        population, cum = POOLS[topic]
        words = rng.choices(population, cum_weights=cum, k=rng.randint(24, 38))
        words.insert(rng.randrange(len(words)), rng.choice(CALLS))
        return " ".join(words).capitalize() + rng.choice(("!", "!!", ".", "")) + f" #{tag}"

    def _rare_url(self, c: int) -> str:
        rng = self.rng
        domain = f"{rng.choice(RARE)}-{rng.choice(RARE)}.{rng.choice(TLDS)}"
        slug = "-".join(rng.choice(TOPICS["politics"] + TOPICS["world"]) for _ in range(4))
        return f"https://{domain}/{slug}-{c}{rng.randrange(10**6)}"

    def _articles(self) -> None:
        """News articles: publish times, Zipf popularity, shares bursting after publication."""
        rng = self.rng
        n = max(20, self.posts // 250)
        self.article_ids = [f"article:{rng.randrange(10**7, 10**8)}" for _ in range(n)]
        self.article_urls = []
        self.article_titles = []
        self.article_tags = []
        for i in range(n):
            topic = rng.choice(TOPIC_NAMES)
            population, cum = POOLS[topic]
            title = " ".join(rng.choices(population, cum_weights=cum, k=rng.randint(7, 13)))
            domain = rng.choice(NEWS_DOMAINS)
            slug = "-".join(title.split()[:6]).replace("'", "")
            self.article_urls.append(f"https://{domain}/news/{slug}-{i}")
            self.article_titles.append(title.capitalize())
            self.article_tags.append(rng.choice(TOPIC_TAGS[topic]))
        self.article_pub = [rng.randrange(self.period) for _ in range(n)]
        self.article_cum = list(itertools.accumulate(1.0 / (r + 1) ** 1.1 for r in range(n)))
        shares = []
        for a in rng.choices(range(n), cum_weights=self.article_cum, k=self.n_news):
            ts = self.article_pub[a] + int(rng.expovariate(1 / 5400))
            if ts >= self.period:  # published late: the burst is cut off by the end
                ts = self.article_pub[a] + rng.randrange(max(1, self.period - self.article_pub[a]))
            shares.append((ts, 1, a))
        shares.sort()
        self.shares = shares

    def background_times(self) -> Iterator[tuple[int, int]]:
        """Background post times in order, following the daily rhythm, drawn hour by hour."""
        rng = self.rng
        hours = max(1, -(-self.period // 3600))
        weights = [DIURNAL[h % 24] for h in range(hours)]
        counts = [0] * hours
        for h in rng.choices(range(hours), weights=weights, k=self.n_background):
            counts[h] += 1
        for h, count in enumerate(counts):
            base = h * 3600
            span = min(3600, self.period - base)
            for s in sorted(rng.randrange(span) for _ in range(count)):
                yield (base + s, 0)


# ---------------------------------------------------------------------------
# Streaming rows


def _timestamp_formatter(period: int):
    """ISO 8601 UTC strings from second offsets, with the date part precomputed per day."""
    days = [(START + timedelta(days=d)).strftime("%Y-%m-%d") for d in range(period // DAY + 2)]

    def fmt(ts: int) -> str:
        d, r = divmod(ts, DAY)
        h, r = divmod(r, 3600)
        m, s = divmod(r, 60)
        return f"{days[d]}T{h:02d}:{m:02d}:{s:02d}Z"

    return fmt


def _reword(text: str, rng: random.Random) -> str:
    """The same message with a few words swapped, dropped, replaced or misspelled."""
    words = text.split()
    for _ in range(rng.randint(2, 4)):
        op = rng.random()
        i = rng.randrange(len(words) - 1)  # the last word is the hashtag: keep it
        if op < 0.25 and i + 2 < len(words):
            words[i], words[i + 1] = words[i + 1], words[i]
        elif op < 0.45 and len(words) > 12:
            del words[i]
        elif op < 0.70:
            words[i] = SYNONYMS.get(words[i].lower(), rng.choice(COMMON[:60]))
        else:
            w = words[i]
            if len(w) >= 4:
                j = rng.randrange(1, len(w) - 1)
                words[i] = rng.choice(
                    (
                        w[:j] + w[j + 1 :],
                        w[:j] + w[j] + w[j:],
                        w[: j - 1] + w[j] + w[j - 1] + w[j + 1 :],
                    )
                )
    return " ".join(words)


def iter_rows(
    posts: int,
    accounts: int | None = None,
    campaigns: int = 20,
    days: float = 1.0,
    seed: int = 0,
    labels: dict[str, Any] | None = None,
) -> Iterator[tuple[str, ...]]:
    """Rows (tuples in FIELDS order) in time order; `labels` is filled in as they are made.

    A generator rather than a list so a million posts stream to disk; the labels are
    complete once the generator is exhausted.
    """
    accounts = accounts or max(10, posts // 10)
    plan = _Plan(posts, accounts, campaigns, days, seed)
    rng = plan.rng
    rand = rng.random
    choices = rng.choices
    fmt = _timestamp_formatter(plan.period)
    ids, names = plan.ids, plan.names
    pools = [POOLS[t] for t in TOPIC_NAMES]
    n_topics = len(pools)
    topic_tags = [TOPIC_TAGS[t] for t in TOPIC_NAMES]
    daily_tags = [f"{rng.choice(RARE)}day" for _ in range(plan.period // DAY + 1)]
    author_cum = plan.author_cum
    n_accounts = len(ids)
    buffer: list[int] = []
    # Preferential attachment: a post's id is a ticket once, plus once per repost,
    # quote or reply it gets; targets are drawn from recent tickets, favouring the newest.
    tickets: list[str] = []
    recent = max(500, int(posts / (plan.period / 3600) * 4))  # about four hours of posts
    campaigns_ = plan.campaigns
    n_articles = len(plan.article_ids)

    def author() -> int:
        if not buffer:
            buffer.extend(choices(range(n_accounts), cum_weights=author_cum, k=8192))
        return buffer.pop()

    def target() -> str | None:
        n = len(tickets)
        if not n:
            return None
        window = min(n, recent)
        return tickets[n - 1 - int(window * rand() ** 3)]

    def words(topic: int, lo: int, hi: int) -> str:
        population, cum = pools[topic]
        return " ".join(choices(population, cum_weights=cum, k=rng.randint(lo, hi)))

    def original(topic: int) -> tuple[str, str]:
        """Own text with hashtags now and then; returns (text, hashtags)."""
        r = rand()
        if r < 0.04:
            text = rng.choice(STOCK_PHRASES)
        else:
            text = words(topic, 4, 24).capitalize() + rng.choice(ENDINGS)
        tags = ""
        if rand() < 0.25:
            tags = rng.choice(topic_tags[topic])
            if rand() < 0.3:
                tags += " " + daily_tags[min(len(daily_tags) - 1, ts // DAY)]
            text += " " + " ".join("#" + t for t in tags.split())
        return text, tags

    sources = [plan.background_times(), iter(plan.shares)]
    sources += [iter(c["events"]) for c in campaigns_]
    counter = 0
    for event in heapq.merge(*sources):
        ts = event[0]
        mid = str(1_000_000_000 + counter)
        counter += 1
        reply_to = repost_of = urls = tags = ""
        if event[1] == 0:  # background
            a = author()
            r = rand()
            topic = int(rand() * n_topics)
            if r < P_REPOST and tickets:
                repost_of = target() or ""
                tickets.append(repost_of)
                text = ""
            elif r < P_REPOST + P_REPLY and tickets:
                if rand() < ARTICLE_COMMENT:
                    reply_to = plan.article_ids[choices(range(n_articles), plan.article_cum)[0]]
                else:
                    reply_to = target() or ""
                    tickets.append(reply_to)
                if rand() < 0.4:
                    text = choices(SHORT_REPLIES, cum_weights=_REPLY_CUM)[0]
                else:
                    text = words(topic, 3, 18) + rng.choice(ENDINGS)
            elif r < P_REPOST + P_REPLY + P_QUOTE and tickets:
                repost_of = target() or ""
                tickets.append(repost_of)
                if rand() < 0.5:
                    text = choices(SHORT_REPLIES, cum_weights=_REPLY_CUM)[0]
                else:
                    text = words(topic, 3, 15) + rng.choice(ENDINGS)
                tickets.append(mid)
            else:
                text, tags = original(topic)
                if rand() < 0.04:  # own video or blog link: unique, no one else shares it
                    urls = "https://youtu.be/" + "".join(choices(_ALNUM, k=11))
                    text += " " + urls
                tickets.append(mid)
        elif event[1] == 1:  # sharing a news article
            art = event[2]
            a = author()
            urls = plan.article_urls[art]
            r = rand()
            if r < 0.45:  # the share button's text
                text = f"{plan.article_titles[art]} {urls}"
            elif r < 0.65:
                text = f"{rng.choice(REACTIONS)}: {plan.article_titles[art]} {urls}"
            else:
                text = f"{words(int(rand() * n_topics), 4, 16).capitalize()} {urls}"
            if rand() < 0.2:
                tags = plan.article_tags[art]
                text += f" #{tags}"
            tickets.append(mid)
        else:  # a campaign post
            _, _, c, rnd, a = event
            camp = campaigns_[c]
            kind = camp["kind"]
            tags = camp["tag"]
            if kind == "copy_paste":
                text = camp["texts"][rnd]
            elif kind == "reworded":
                text = _reword(camp["texts"][rnd], rng)
            elif kind == "link_burst":
                urls = camp["urls"][rnd]
                text = f"{words(TOPIC_NAMES.index(camp['topic']), 5, 14).capitalize()} {urls}"
                tags = ""
            else:  # name_variant: replies on one thread per round
                if camp["threads"][rnd] is None:
                    if rand() < 0.5 or not tickets:
                        art = choices(range(n_articles), plan.article_cum)[0]
                        camp["threads"][rnd] = plan.article_ids[art]
                    else:
                        camp["threads"][rnd] = target()
                reply_to = camp["threads"][rnd]
                text = words(TOPIC_NAMES.index(camp["topic"]), 6, 20).capitalize()
                text += rng.choice(ENDINGS)
                tags = ""
            camp["messages"].append(mid)
            tickets.append(mid)
        if len(tickets) > 2 * recent:
            del tickets[:recent]
        yield (mid, ids[a], names[a], text, fmt(ts), reply_to, repost_of, urls, tags)

    if labels is not None:
        labels.update(_labels(plan, counter))


def _labels(plan: _Plan, count: int) -> dict[str, Any]:
    campaigns = []
    planted: dict[str, None] = {}
    pairs: dict[tuple[str, str], None] = {}
    for camp in plan.campaigns:
        members = [plan.ids[m] for m in camp["members"]]
        entry: dict[str, Any] = {
            "kind": camp["kind"],
            "accounts": members,
            "messages": list(camp["messages"]),
            "rounds": len(camp["texts"]),
        }
        if camp["kind"] == "name_variant":
            entry["display_names"] = [plan.names[m] for m in camp["members"]]
        if camp["kind"] == "link_burst":
            entry["urls"] = list(camp["urls"])
        campaigns.append(entry)
        planted.update(dict.fromkeys(members))
        for a, b in itertools.combinations(sorted(members), 2):
            pairs[(a, b)] = None
    return {
        "campaigns": campaigns,
        "planted_accounts": list(planted),
        "planted_pairs": [list(p) for p in pairs],
        "posts": count,
        "accounts": len(plan.ids),
        "days": plan.days,
    }


def generate(
    posts: int,
    accounts: int | None = None,
    campaigns: int = 20,
    days: float = 1.0,
    seed: int = 0,
) -> tuple[list[dict[str, str]], dict[str, Any]]:
    """All rows as dicts (FIELDS keys, empty string for missing) and the labels.

    For tests and small sets; use `write` for large ones.
    """
    labels: dict[str, Any] = {}
    rows = [
        dict(zip(FIELDS, row, strict=True))
        for row in iter_rows(posts, accounts, campaigns, days, seed, labels)
    ]
    return rows, labels


def labels_path(out: str | Path) -> Path:
    """Where the labels of a posts file go: posts.csv -> posts.labels.json."""
    out = Path(out)
    return out.with_name(out.stem + ".labels.json")


def write(
    out: str | Path,
    posts: int,
    accounts: int | None = None,
    campaigns: int = 20,
    days: float = 1.0,
    seed: int = 0,
) -> dict[str, Any]:
    """Stream a posts CSV to `out` and its labels beside it; returns the labels."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    labels: dict[str, Any] = {}
    with out.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(FIELDS)
        writer.writerows(iter_rows(posts, accounts, campaigns, days, seed, labels))
    labels_path(out).write_text(json.dumps(labels, ensure_ascii=False, indent=1), encoding="utf-8")
    return labels


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=50_000)
    parser.add_argument("--accounts", type=int, default=None, help="default: posts / 10")
    parser.add_argument("--campaigns", type=int, default=20)
    parser.add_argument("--days", type=float, default=1.0, help="time span; 1 = dense")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", required=True, help="posts CSV; labels go to <stem>.labels.json")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    labels = write(args.out, args.posts, args.accounts, args.campaigns, args.days, args.seed)
    print(
        f"{labels['posts']} posts, {labels['accounts']} accounts, {len(labels['campaigns'])} "
        f"campaigns ({len(labels['planted_accounts'])} planted accounts, "
        f"{len(labels['planted_pairs'])} pairs) -> {args.out} "
        f"in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
