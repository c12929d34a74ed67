"""Build the project's own demo corpus, data/raw/demo/, from hand-written text banks.

Everything in the corpus is fictional and original: the outlets, journalists, analysts and commenters are
invented, and every sentence was written for this project (see data/raw/demo_source/). Real public figures and
events of US-Russia relations are named as news would name them.

The script assembles raw "scraped dump" documents the way real sites present them: a title, bylines, body
paragraphs, photo captions, share prompts, newsletter boxes, disclaimers, author bios, related links and reader
comment sections, each outlet with its own template. It then adds syndicated near-copies of some stories on
other outlets, two exact duplicates, two documents with mojibake, and writes metadata.csv, SYNDICATION.md and
README.md. It is deterministic: running it twice produces byte-identical files.

Alongside the folder it writes `demo_gold.jsonl` (outside it, so the pipeline does not ingest it): per file, the
text the generator knows to be the title, the article's body (paragraphs and crossheads) and the reader comments
(author and text), which `benchmarks/segmentation.py --demo` scores the segmenter against.

Run:  python data/raw/build_demo.py            (writes data/raw/demo/, replacing it)
      python data/raw/build_demo.py --out DIR  (writes elsewhere)
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import html
import io
import json
import logging
import random
import re
import shutil
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Callable

log = logging.getLogger("build_demo")

HERE = Path(__file__).resolve().parent
SOURCE_DIR = HERE / "demo_source"
DEFAULT_OUT = HERE / "demo"
LABELS = ("pro_us", "pro_russia", "neutral")
SEED = 20240917
MIN_BYTES, MAX_BYTES, MAX_TOTAL = 1024, 12 * 1024, 1_500_000


# ----------------------------------------------------------------------------------------------------------
# Text banks
# ----------------------------------------------------------------------------------------------------------

TAG_RE = re.compile(r"^\[(\d{4}-\d\d-\d\d)?(\.\.)?(\d{4}-\d\d-\d\d)?\]\s*")


@dataclass(frozen=True)
class Para:
    """One bank paragraph, valid for articles dated between lo and hi (inclusive, open when None)."""

    text: str
    lo: date | None
    hi: date | None
    uid: str

    def fits(self, day: date) -> bool:
        return (self.lo is None or day >= self.lo) and (self.hi is None or day <= self.hi)


def parse_sections(path: Path) -> dict[str, list[str]]:
    """Split a bank file into '@section' -> raw lines; a section may appear several times."""
    sections: dict[str, list[str]] = defaultdict(list)
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("@"):
            current = line[1:].strip()
            if current.startswith("topic "):
                sections["topic"].append(current.split(" ", 1)[1])
                current = None
            elif current.startswith("dates"):
                current = None
            else:
                sections[current].append("")
            continue
        if current is not None:
            sections[current].append(line)
    return sections


def lines_of(raw: list[str]) -> list[str]:
    return [line.strip() for line in raw if line.strip()]


def paragraphs_of(raw: list[str], prefix: str) -> list[Para]:
    paras, buf = [], []
    for line in raw + [""]:
        if line.strip():
            buf.append(line.strip())
        elif buf:
            text = " ".join(buf)
            buf = []
            lo = hi = None
            m = TAG_RE.match(text)
            if m:
                lo_s, dots, hi_s = m.groups()
                lo = date.fromisoformat(lo_s) if lo_s else None
                hi = date.fromisoformat(hi_s) if hi_s else None
                if lo_s and not dots:  # a lead's event date
                    hi = lo
                text = text[m.end():]
            paras.append(Para(text, lo, hi, f"{prefix}#{len(paras)}"))
    return paras


@dataclass
class Topic:
    name: str
    captions: list[str]
    background: list[Para]
    titles: dict[str, list[str]]
    leads: dict[str, list[Para]]
    bodies: dict[str, list[Para]]


def load_topic(path: Path) -> Topic:
    s = parse_sections(path)
    name = s["topic"][0]
    topic = Topic(name, lines_of(s["captions"]), paragraphs_of(s["background"], f"{name}/bg"), {}, {}, {})
    for label in LABELS:
        topic.titles[label] = lines_of(s[f"{label} titles"])
        topic.leads[label] = paragraphs_of(s[f"{label} leads"], f"{name}/{label}/lead")
        topic.bodies[label] = paragraphs_of(s[f"{label} body"], f"{name}/{label}/body")
        assert len(topic.titles[label]) == len(topic.leads[label]) == 3, (name, label)
        assert all(p.lo for p in topic.leads[label]), (name, label, "lead without event date")
    return topic


@dataclass
class Banks:
    topics: dict[str, Topic]
    generic: dict[str, list[Para]]
    comments: dict[str, list[Para]]
    extras: list[str]


def load_banks(source: Path = SOURCE_DIR) -> Banks:
    topics = {t.name: t for t in (load_topic(p) for p in sorted((source / "topics").glob("*.txt")))}
    g = parse_sections(source / "generic.txt")
    generic = {label: paragraphs_of(g[f"{label} body"], f"generic/{label}") for label in LABELS}
    c = parse_sections(source / "comments.txt")
    comments = {key: paragraphs_of(c[key], key) for key in (*LABELS, "reply")}
    extras = [p.text for p in paragraphs_of(parse_sections(source / "extras.txt")["extra"], "extra")]
    return Banks(topics, generic, comments, extras)


# ----------------------------------------------------------------------------------------------------------
# Small helpers: stable randomness, dates, typography
# ----------------------------------------------------------------------------------------------------------

def rng_for(*parts: object) -> random.Random:
    digest = hashlib.sha256("|".join(map(str, (SEED, *parts))).encode()).hexdigest()
    return random.Random(int(digest[:16], 16))


def stable_int(*parts: object, digits: int = 7) -> int:
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()
    return int(digest[:12], 16) % (10 ** digits - 10 ** (digits - 1)) + 10 ** (digits - 1)


def slugify(title: str, max_words: int = 7) -> str:
    words = re.sub(r"[^a-z0-9 ]+", "", title.lower().replace("-", " ")).split()
    stop = {"the", "a", "an", "of", "and", "to", "is", "on", "in", "for", "as", "it", "its"}
    kept = [w for w in words if w not in stop] or words
    return "-".join(kept[:max_words])


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
AP_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def long_date(d: date) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def uk_date(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def ap_date(d: date) -> str:
    return f"{AP_MONTHS[d.month - 1]} {d.day}, {d.year}"


def clock12(t: datetime, lower: bool = False) -> str:
    hour = t.hour % 12 or 12
    suffix = "am" if t.hour < 12 else "pm"
    return f"{hour}:{t.minute:02d} {suffix if lower else suffix.upper()}"


def crawl_time(doc_key: str, published: datetime) -> datetime:
    """When the page was scraped: relative comment ages ("3 days ago") are as of this moment."""
    return published + timedelta(days=3 + stable_int(doc_key, "crawl") % 12, hours=stable_int(doc_key, "h") % 24)


def scraped(doc: "Doc") -> datetime:
    return crawl_time(doc.key, doc.published)


def relative_age(posted: datetime, now: datetime) -> str:
    hours = int((now - posted).total_seconds() // 3600)
    if hours < 1:
        return "52 minutes ago"
    if hours < 24:
        return f"{hours} hour{'s' if hours > 1 else ''} ago"
    days = hours // 24
    if days < 30:
        return f"{days} day{'s' if days > 1 else ''} ago"
    return f"{days // 30} month{'s' if days >= 60 else ''} ago"


def short_age(posted: datetime, now: datetime) -> str:
    hours = int((now - posted).total_seconds() // 3600)
    return f"{max(hours, 1)}h" if hours < 24 else f"{hours // 24}d"


def curl_quotes(text: str) -> str:
    out = []
    for i, ch in enumerate(text):
        if ch == '"':
            prev = text[i - 1] if i else " "
            out.append("\u201c" if prev.isspace() or prev in "([{\u2014-/" else "\u201d")
        elif ch == "'":
            prev = text[i - 1] if i else " "
            out.append("\u2018" if prev.isspace() or prev in "([{" else "\u2019")
        else:
            out.append(ch)
    return "".join(out)


NBSP_RE = re.compile(r"(\d) (kilometres|km|percent|million|billion|tonnes|dollars|years|missiles|pieces|days|hours|"
                     r"weeks|months|countries|people|diplomats|members|January|February|March|April|May|June|July|"
                     r"August|September|October|November|December)")


def typeset(text: str, curly: bool, dash: str, nbsp: bool) -> str:
    if curly:
        text = curl_quotes(text)
    if dash != "\u2014":
        text = text.replace(" \u2014 ", f" {dash} ").replace("\u2014", f" {dash} ")
    if nbsp:
        text = NBSP_RE.sub("\\1\u00a0\\2", text)
    return text


def sloppy_cp1252(text: str) -> str:
    """Mojibake as produced by decoding UTF-8 bytes as Windows-1252 (undefined bytes kept as Latin-1)."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


# ----------------------------------------------------------------------------------------------------------
# Documents
# ----------------------------------------------------------------------------------------------------------

@dataclass
class Comment:
    author: str
    posted: datetime
    text: str
    reply_to: str | None = None
    likes: int = 0


@dataclass
class Doc:
    outlet: "Outlet"
    topic: str
    label: str
    title: str
    day: date
    published: datetime
    paras: list[str]
    captions: list[str]
    author: str
    lead_uid: str
    comments: list[Comment] = field(default_factory=list)
    comment_total: int = 0
    related: list[str] = field(default_factory=list)
    via: str | None = None            # name of the outlet a syndicated copy credits
    via_url: str | None = None
    truncated: bool = False
    fmt: str = "txt"
    file: str = ""
    url: str = ""
    key: str = ""                     # stable identity used to seed randomness
    copy_of: str | None = None
    copy_kind: str | None = None


@dataclass
class Outlet:
    key: str
    name: str
    domain: str
    quota: dict[str, int]
    journalists: list[str]
    curly: bool
    dash: str
    nbsp: bool
    comment_rate: float
    comment_range: tuple[int, int]
    url_for: Callable[[Doc], str]
    render: Callable[[Doc], str] | None  # plain-text dump template; None for HTML-only sites
    explicit_source: str = ""
    html_every: int = 0               # 1: all html, n>1: every n-th doc html, 0: never

    def typeset(self, text: str) -> str:
        return typeset(text, self.curly, self.dash, self.nbsp)


DATELINES = {
    "inf": ["WASHINGTON", "MOSCOW", "BRUSSELS"], "newstart": ["WASHINGTON", "MOSCOW"],
    "sanctions": ["WASHINGTON", "MOSCOW", "LONDON"], "diplomats": ["WASHINGTON", "MOSCOW"],
    "ukraine": ["GENEVA", "BRUSSELS", "ISTANBUL"], "cyber": ["WASHINGTON", "MOSCOW"],
    "arctic": ["TROMSO, Norway", "MURMANSK, Russia", "ANCHORAGE, Alaska"], "energy": ["BERLIN", "COPENHAGEN"],
    "summits": ["HELSINKI", "GENEVA"], "grain": ["ISTANBUL", "ODESA, Ukraine", "UNITED NATIONS"],
    "swaps": ["WASHINGTON", "MOSCOW"], "space": ["HOUSTON", "MOSCOW", "CAPE CANAVERAL, Fla."],
    "syria": ["BEIRUT", "WASHINGTON", "MOSCOW"], "poisoning": ["LONDON", "BERLIN", "MOSCOW"],
}
TOPIC_TAGS = {
    "inf": ["INF Treaty", "Arms Control", "NATO"], "newstart": ["New START", "Nuclear Weapons", "Arms Control"],
    "sanctions": ["Sanctions", "Economy", "Oil"], "diplomats": ["Diplomacy", "Espionage", "Embassies"],
    "ukraine": ["Ukraine", "NATO", "Diplomacy"], "cyber": ["Cybersecurity", "Hacking", "Ransomware"],
    "arctic": ["Arctic", "Shipping", "Military"], "energy": ["Nord Stream", "Energy", "Gas"],
    "summits": ["Summit", "White House", "Kremlin"], "grain": ["Black Sea", "Food Security", "Grain"],
    "swaps": ["Prisoner Swap", "Detained Americans", "Diplomacy"], "space": ["Space", "ISS", "Satellites"],
    "syria": ["Syria", "Chemical Weapons", "Middle East"], "poisoning": ["Novichok", "Navalny", "Skripal"],
}
KICKERS = {
    "inf": "Missile treaty", "newstart": "Nuclear arms", "sanctions": "Sanctions", "diplomats": "Diplomatic row",
    "ukraine": "Ukraine crisis", "cyber": "Cyber", "arctic": "High North", "energy": "Energy",
    "summits": "Summit", "grain": "Black Sea", "swaps": "Prisoner exchange", "space": "Space",
    "syria": "Syria", "poisoning": "Nerve agent",
}
PHOTO_AGENCIES = ["Northlight Images", "Pressfoto Service", "Meridian Photo Desk", "Eastline Pictures",
                  "Harbourside Pictures", "Staff photographer"]

COMMENTER_NAMES = [
    "Terry Walsh", "john mason", "Marek K.", "Dave in Ohio", "Svetlana P", "RealistJoe", "Ingrid Holm",
    "patriot1776", "Colin Farrow", "AnnaB", "Greg Tomlinson", "Vlad from Tver", "skeptic_42", "Maureen O'Hara",
    "Pete Dunmore", "Linda Carvalho", "OldSailor", "Hank Rutherford", "Tomas Ruzicka", "NoMoreWars",
    "Kathy Lindqvist", "Ben Achterberg", "R. Whitfield", "Igor Samsonov", "freethinker", "Janet Moss",
    "Mikhail Orlov", "DeltaBravo", "Susan Petrakis", "Karl-Heinz B.", "anonymous coward", "Rob Kellerman",
    "Yuri G", "Aunt Bee", "Marcus Delgado", "OzWatcher", "Fiona McLeish", "Dmitri K", "Gary Pohl",
    "truthseeker99", "Helga Brandt", "Neil Ashworth", "Lena Vogt", "Bill Tanaka", "GeopoliticsNerd",
    "Raymond Osei", "Irina V.", "Carl Mendez", "Paul from Perth", "Moscow_Mule", "Edith Crane",
    "Stan Kowalski", "Ruth Ellery", "sanity_check", "Walt Brenner", "Natalia S", "Hugh Pembroke",
]
COMMENT_TAILS = {
    "pro_us": [" Wake up, people.", " History will judge.", " Sad.", " Slava Ukraini.", " Simple as that."],
    "pro_russia": [" Wake up, people.", " Think about it.", " Change my mind.", " Follow the money.", " Sad."],
    "neutral": [" Thanks for covering this.", " Bookmarking this one.", " Great article as always.",
                " Just my two cents."],
}


def pick_least_used(pool: list, usage: Counter, rng: random.Random, k: int, key=lambda x: x) -> list:
    ranked = sorted(pool, key=lambda x: (usage[key(x)], rng.random()))
    chosen = ranked[:k]
    for item in chosen:
        usage[key(item)] += 1
    return chosen


def roughen(text: str, rng: random.Random) -> str:
    """Comment-box style variation: lower case, missing final stop, doubled punctuation."""
    r = rng.random()
    if r < 0.12:
        return text.lower()
    if r < 0.22:
        return text.rstrip(".")
    if r < 0.28:
        return text.replace("?", "??").replace("!", "!!")
    return text


COMMENT_TOPIC_RE = re.compile(r"^<([a-z,]+)>\s*")


def comment_topics(p: Para) -> tuple[str, ...] | None:
    """Topics a bank comment is about ('<inf,newstart> text'), or None for a comment that fits any story."""
    m = COMMENT_TOPIC_RE.match(p.text)
    return tuple(m.group(1).split(",")) if m else None


def make_comments(doc: Doc, banks: Banks, usage: Counter, n: int) -> list[Comment]:
    rng = rng_for("comments", doc.key)
    if doc.label == "neutral":
        weights = {"pro_us": 0.36, "pro_russia": 0.36, "neutral": 0.28}
    else:
        opposite = "pro_russia" if doc.label == "pro_us" else "pro_us"
        weights = {opposite: 0.47, doc.label: 0.25, "neutral": 0.28}
    posted = doc.published + timedelta(minutes=rng.randint(20, 180))
    out: list[Comment] = []
    seen: set[str] = set()
    scraped = crawl_time(doc.key, doc.published)
    for _ in range(n):
        posted += timedelta(minutes=rng.randint(4, 600))
        if posted >= scraped - timedelta(minutes=10):
            break
        if out and rng.random() < 0.2:
            target = rng.choice(out).author
            text = pick_least_used(banks.comments["reply"], usage, rng, 1, key=lambda p: p.uid)[0].text
            if rng.random() < 0.5:
                text = f"@{target} {text}"
            out.append(Comment(rng.choice(COMMENTER_NAMES), posted, text, target, rng.randint(0, 9)))
            continue
        stance = rng.choices(list(weights), list(weights.values()))[0]
        pool = [p for p in banks.comments[stance] if p.uid not in seen and p.fits(posted.date())
                and (comment_topics(p) is None or doc.topic in comment_topics(p))]
        if not pool:
            continue
        picked = pick_least_used(pool, usage, rng, 1, key=lambda p: p.uid)[0]
        seen.add(picked.uid)
        text = COMMENT_TOPIC_RE.sub("", picked.text)
        if rng.random() < 0.13:
            text += rng.choice(COMMENT_TAILS[stance])
        author = rng.choice([c.author for c in out]) if out and rng.random() < 0.12 else rng.choice(COMMENTER_NAMES)
        out.append(Comment(author, posted, roughen(text, rng), None, rng.randint(0, 40)))
    return out


# ----------------------------------------------------------------------------------------------------------
# Body assembly
# ----------------------------------------------------------------------------------------------------------

def choose_bodies(eligible: list[Para], k: int, earlier: list[set[str]], usage: Counter,
                  rng: random.Random) -> list[Para]:
    """Least-used paragraphs first, sharing at most one with any earlier article of the same topic and stance."""
    chosen: list[Para] = []
    for p in sorted(eligible, key=lambda p: (usage[p.uid], rng.random())):
        if len(chosen) == k:
            break
        ids = {c.uid for c in chosen} | {p.uid}
        if all(len(ids & prev) <= 1 for prev in earlier):
            chosen.append(p)
    for p in chosen:
        usage[p.uid] += 1
    return chosen


def compose(topic: Topic, label: str, lead: Para, day: date, banks: Banks, usage: Counter,
            earlier: list[set[str]], rng: random.Random) -> list[str]:
    """Lead, then the stance's body paragraphs valid on that day, background and generic stance paragraphs."""
    eligible = [p for p in topic.bodies[label] if p.fits(day)]
    chosen = choose_bodies(eligible, rng.choice([2, 3, 4, 4, 5, 6]), earlier, usage, rng)
    earlier.append({p.uid for p in chosen})
    chosen.sort(key=lambda p: (topic.bodies[label].index(p) + rng.random() * 2.5))
    background = [p for p in topic.background if p.fits(day)]
    bg = pick_least_used(background, usage, rng, min(len(background), rng.choice([0, 1, 1, 1])),
                         key=lambda p: p.uid)
    generic_n = max(1 if rng.random() < 0.45 else 0, 4 - 1 - len(chosen) - len(bg))
    generic = pick_least_used(banks.generic[label], usage, rng, generic_n, key=lambda p: p.uid)
    cut = 1 if len(chosen) > 1 else len(chosen)
    paras = [lead.text] + [p.text for p in chosen[:cut]] + [p.text for p in bg] + [p.text for p in chosen[cut:]]
    if generic:
        paras.insert(len(paras) - (1 if rng.random() < 0.5 and len(paras) > 3 else 0), generic[0].text)
        paras.extend(p.text for p in generic[1:])
    return paras


# ----------------------------------------------------------------------------------------------------------
# Outlet templates (one function per site: each has its own boilerplate, like real sites)
# ----------------------------------------------------------------------------------------------------------

CROSSHEADS = {
    "pro_us": ["A pattern of denial", "Allies close ranks", "No reason to trust", "The cost of looking away",
               "What Moscow wants"],
    "pro_russia": ["Double standards", "Who benefits?", "A familiar script", "The view from Moscow",
                   "Evidence, please"],
    "neutral": ["Competing claims", "What happens next", "Background", "Reactions", "The wider picture"],
}
MID_BODY = {
    "thamesherald": "Story continues below advertisement",
    "harbourtimes": "ADVERTISEMENT",
    "bayoudispatch": "Continue reading below",
    "meridiandaily": "Skip past newsletter promotion",
}


def crosshead(doc: Doc) -> str | None:
    if doc.outlet.key not in ("northgate", "truthcompass", "multipolarmonitor", "meridiandaily", "eastwindreport",
                              "alpinepost") or len(doc.paras) < 5 or stable_int(doc.key, "xh") % 3 == 0:
        return None
    heads = CROSSHEADS[doc.label]
    return heads[stable_int(doc.key, "xh2") % len(heads)]


def body_with_captions(doc: Doc, caption_fmt: Callable[[str, int], str], after: tuple[int, ...] = (1,)) -> list[str]:
    blocks = []
    caps = list(doc.captions)
    head = crosshead(doc)
    mid = MID_BODY.get(doc.outlet.key) if stable_int(doc.key, "mid") % 2 else None
    for i, p in enumerate(doc.paras):
        if i == 3 and head:
            blocks.append(head)
        if i == 2 and mid:
            blocks.append(mid)
        blocks.append(doc.outlet.typeset(p))
        if i in after and caps:
            blocks.append(caption_fmt(caps.pop(0), i))
    return blocks


def credit_line(doc: Doc) -> str:
    return f"Photo: {PHOTO_AGENCIES[stable_int(doc.key, 'agency') % len(PHOTO_AGENCIES)]}"


def join_blocks(blocks: list[str], sep: str = "\n\n") -> str:
    return sep.join(b for b in blocks if b is not None).rstrip() + "\n"


def pick_topics_tags(doc: Doc) -> list[str]:
    return TOPIC_TAGS[doc.topic] + (["Russia", "United States"] if stable_int(doc.key, "tags") % 2 else ["Russia"])


def render_potomacwire(doc: Doc) -> str:
    t = doc.published
    dateline = DATELINES[doc.topic][stable_int(doc.key, "dl") % len(DATELINES[doc.topic])]
    paras = body_with_captions(doc, lambda c, i: f"{c} ({credit_line(doc)} for Potomac Wire)")
    paras[0] = f"{dateline} (PW) \u2014 {paras[0]}"
    blocks = [doc.title, f"By {doc.author} | {doc.via or 'Potomac Wire'}", f"{ap_date(doc.day)} {clock12(t)} ET"]
    if doc.via:
        blocks.append(f"This story was first published by {doc.via}.")
    blocks += paras
    if doc.truncated:
        blocks.append(f"Read the full story at {doc.via}: {doc.via_url}")
    blocks.append("Copyright Potomac Wire Media. All rights reserved. This material may not be published, "
                  "broadcast, rewritten or redistributed without permission.")
    if doc.related:
        blocks.append("Read more:\n" + "\n".join(f"- {r}" for r in doc.related))
    if doc.comments:
        lines = [f"Comments ({doc.comment_total})"]
        for c in doc.comments:
            lines += ["", f"{c.author} \u2014 {ap_date(c.posted.date())} {clock12(c.posted)}", c.text,
                      f"Reply \u00b7 Like ({c.likes})"]
        if doc.comment_total > len(doc.comments):
            lines += ["", "Show more comments"]
        blocks.append("\n".join(lines))
    elif stable_int(doc.key, "closed") % 2:
        blocks.append("Comments are closed for this story.")
    blocks.append("About Us | Contact | Corrections | Terms of Use | Privacy")
    return join_blocks(blocks)


def render_freedomanvil(doc: Doc) -> str:
    tags = pick_topics_tags(doc)
    blocks = [doc.title, "", f"Posted by {doc.author} | {long_date(doc.day)} | Foreign Policy, World | "
                              f"{doc.comment_total} Comments"]
    if doc.via:
        blocks.append(f"Originally published at {doc.via}. Reposted with permission.")
    blocks += body_with_captions(doc, lambda c, i: f"IMAGE: {c}", after=(2,))
    if doc.truncated:
        blocks.append(f"Continue reading at {doc.via} \u00bb")
    blocks += ["If you value independent commentary, please pass this post along to your friends, family and "
               "followers. The legacy media won't.",
               "Share on Facebook\nShare on X\nEmail this post",
               "Tags: " + ", ".join(tags),
               (f"About {doc.author}: {doc.author} is a correspondent for {doc.via}." if doc.via else
                f"About {doc.author}: {doc.author} writes on national security and foreign affairs for The Freedom "
                "Anvil. A former Army intelligence analyst, the author lives in northern Virginia with family and "
                "two very loud beagles.")]
    if doc.comments:
        lines = [f"{doc.comment_total} Comments", ""]
        for c in doc.comments:
            lines += [c.author, c.author, long_date(c.posted.date()), "", c.text, "", "Reply", ""]
        if doc.comment_total > len(doc.comments):
            lines.append("Load more comments")
        blocks.append("\n".join(lines).rstrip())
    if doc.related:
        blocks.append("Related Posts\n\n" + "\n\n".join(doc.related))
    return join_blocks(blocks)


def render_northgate_txt(doc: Doc) -> str:
    minutes = max(3, sum(len(p.split()) for p in doc.paras) // 220)
    role = doc.via or "Senior Fellow"
    blocks = [doc.title, "ANALYSIS", f"{doc.author}, {role}", uk_date(doc.day), f"{minutes} min read"]
    if doc.via:
        blocks.append(f"This piece originally appeared in {doc.via}.")
    blocks += body_with_captions(doc, lambda c, i: f"{c} \u2022 {credit_line(doc)}")
    if doc.truncated:
        blocks.append(f"The full version of this analysis is available from {doc.via}.")
    blocks += [(f"{doc.author} writes for {doc.via}." if doc.via else
                f"{doc.author} is a senior fellow in the Northgate Sentinel's Eurasia programme and previously "
                "served on the policy planning staff of a NATO member's defence ministry."),
               "The views expressed are the author's own and do not represent an institutional position.",
               "Topics: " + " \u00b7 ".join(TOPIC_TAGS[doc.topic])]
    if doc.comments:
        lines = ["Join the discussion", f"{doc.comment_total} comments", "Sort by Best", ""]
        for c in doc.comments:
            lines += [c.author, relative_age(c.posted, scraped(doc)), c.text, "Reply \u2022 Share \u203a", ""]
        lines.append("Load more comments")
        blocks.append("\n".join(lines))
    if doc.related:
        blocks.append("Also on Northgate Sentinel\n" + "\n".join(f"\u2022 {r}" for r in doc.related))
    return join_blocks(blocks)


def render_thamesherald(doc: Doc) -> str:
    t = doc.published
    updated = t + timedelta(minutes=47 + stable_int(doc.key, "upd") % 180)
    blocks = [doc.title, f"By {doc.author}, {doc.via or 'Diplomatic Editor'}",
              f"{WEEKDAYS[doc.day.weekday()]} {uk_date(doc.day)} {t:%H:%M}, UPDATED {updated:%H:%M}",
              "Share via Facebook  Share via Twitter  Share via WhatsApp  Share via Email"]
    if doc.via:
        blocks.append(f"Additional reporting by {doc.via}")
    blocks += body_with_captions(doc, lambda c, i: f"{c} (Image: {PHOTO_AGENCIES[i % len(PHOTO_AGENCIES)]})",
                                 after=(0, 3))
    if doc.truncated:
        blocks.append(f"Read the full report on {doc.via}")
    blocks.append("Sign up to The Thames Herald's World Brief \u2014 the stories that matter, free in your inbox "
                  "each weekday morning. Sign up here")
    if doc.related:
        blocks.append("MOST READ\n" + "\n".join(f"{i}. {r}" for i, r in enumerate(doc.related, 1)))
    if doc.comments:
        lines = [f"Comments ({doc.comment_total})",
                 "Have your say. Please keep comments civil and on topic. See our house rules.", ""]
        for c in doc.comments:
            lines += [c.author, f"{c.posted:%d/%m/%Y %H:%M}", c.text, "Reply | Report",
                      f"\u2191 {c.likes}  \u2193 {stable_int(c.text, c.author) % 9}", ""]
        blocks.append("\n".join(lines).rstrip())
    blocks.append("\u00a9 Thames Herald Newspapers Ltd. Registered in England and Wales.")
    return join_blocks(blocks)


def render_ambercoast(doc: Doc) -> str:
    blocks = [doc.title, uk_date(doc.day), doc.author]
    if doc.via:
        blocks.append(f"Via {doc.via}")
    caption = lambda c, i: f"  \u2022 {c}\n  \u2022 {credit_line(doc)}\n  \u2022 \u00a9 ambercoastobserver.eu"  # noqa: E731
    blocks += body_with_captions(doc, caption, after=(2,))
    if doc.truncated:
        blocks.append(f"The rest of this article can be read on {doc.via}.")
    blocks.append("Dear readers: the Amber Coast Observer is funded by people like you. If this report helped you "
                  "understand the region, share it with one friend today.")
    if doc.comments:
        lines = ["What do you think?", "", "Notify of", "Newest Most Voted", "Inline Feedbacks",
                 "View all comments"]
        for c in doc.comments:
            body = c.text if len(c.text) < 170 else c.text[:150].rsplit(" ", 1)[0] + "\u2026 Read more \u00bb"
            lines += [c.author, c.author, long_date(c.posted.date()), "", body, ""]
        blocks.append("\n".join(lines).rstrip())
    if doc.related:
        blocks.append("\n\n".join(doc.related))
    return join_blocks(blocks)


def render_bayoudispatch(doc: Doc) -> str:
    t = doc.published
    blocks = [doc.title, f"BY {doc.author.upper()}", (doc.via or "The Bayou Dispatch").upper(),
              f"{long_date(doc.day)} {clock12(t)}"]
    if doc.via:
        blocks.append(f"Originally published by {doc.via}")
    blocks.append("ADVERTISEMENT")
    blocks += body_with_captions(doc, lambda c, i: f"{c}   {PHOTO_AGENCIES[i % 5]} Bayou Dispatch file photo")
    if doc.truncated:
        blocks.append(f"This is an excerpt. Read the full story at {doc.via}.")
    if doc.related:
        blocks.append("Read Next\n\n" + "\n\n".join(doc.related[:2]))
    if doc.comments:
        lines = [f"{doc.comment_total} comments", "Sort by Oldest", ""]
        for c in doc.comments:
            lines += [c.author, c.text, f"Like \u00b7 Reply \u00b7 {short_age(c.posted, scraped(doc))}", ""]
        lines += ["Add a comment...", "Facebook Comments Plugin"]
        blocks.append("\n".join(lines))
    blocks += ["Take Us With You\nReal-time updates and all local stories you want right in the palm of your "
               "hand.\nBAYOU DISPATCH APP \u2192",
               f"\u00a9 {doc.day.year} Bayou Dispatch. All Rights Reserved. User Agreement | Privacy Policy"]
    return join_blocks(blocks)


def render_volgatribune(doc: Doc) -> str:
    t = doc.published
    blocks = [doc.title, f"{doc.day:%d.%m.%Y} | {t:%H:%M}", "Politics"]
    if doc.via:
        blocks.append(f"Source: {doc.via}")
    blocks += body_with_captions(doc, lambda c, i: f"{c} \u2014 Photo: Volga Tribune / {doc.author}")
    if doc.truncated:
        blocks.append(f"Full text: {doc.via_url}")
    blocks += ["Subscribe to Volga Tribune on Telegram: fresh news without censorship!",
               "Tags: " + ", ".join(pick_topics_tags(doc))]
    if doc.comments:
        lines = [f"Comments: {doc.comment_total}", ""]
        for c in doc.comments:
            lines += [f"{c.author}, {c.posted:%Y-%m-%d %H:%M}", c.text, "Reply", ""]
        blocks.append("\n".join(lines).rstrip())
    if doc.related:
        blocks.append("Read also:\n" + "\n".join(doc.related))
    blocks.append(f"\u00a9 2014\u2013{doc.day.year} Volga Tribune. When quoting, an active hyperlink to the "
                  "source is required. 18+")
    return join_blocks(blocks)


def render_truthcompass(doc: Doc) -> str:
    blocks = [doc.title, f"By {doc.author}", f"Global Affairs, {long_date(doc.day)}",
              "Theme: Empire and Diplomacy, Media Disinformation"]
    if doc.via:
        blocks.append(f"Via {doc.via}")
    blocks += body_with_captions(doc, lambda c, i: f"({c})", after=(3,))
    if doc.truncated:
        blocks.append(f"Read the rest of this article at {doc.via}")
    blocks += ["",
               "Readers: if you found this useful, hit the share buttons above and forward the piece to your "
               "contacts. Repost it on your own blog, your social pages and discussion forums.",
               (f"Copyright {doc.author}, {doc.via}, {doc.day.year}" if doc.via else
                f"{doc.author} is a regular contributor to Truth Compass and writes on war, sanctions and "
                "the media. Reach the author at [email protected]"),
               "Featured image is from the public domain",
               "Disclaimer: Each author is solely responsible for the content of their article. Truth Compass "
               "cannot be held responsible for any inaccurate or incomplete statement. Non-commercial websites "
               "may republish our articles in full provided the original source and a working link are given."]
    if doc.comments:
        lines = [f"Discussion ({doc.comment_total})", ""]
        for c in doc.comments:
            lines += [f"{c.author} \u2022 {relative_age(c.posted, scraped(doc))}", c.text, "Reply", ""]
        blocks.append("\n".join(lines).rstrip())
    else:
        blocks.append("Comment on Truth Compass articles on our Telegram channel")
    blocks.append("Articles by: " + doc.author)
    return join_blocks(blocks)


def render_multipolarmonitor(doc: Doc) -> str:
    blocks = [doc.title, f"{long_date(doc.day)} by {doc.author} \u2014 {doc.comment_total} Comments"]
    if doc.via:
        blocks.append(f"Republished from {doc.via}")
    blocks += body_with_captions(doc, lambda c, i: f"[Caption: {c}]")
    if doc.truncated:
        blocks.append(f"\u2192 Continue reading on {doc.via}")
    blocks += ["The opinions expressed in this piece belong to the author and are not necessarily shared by "
               "the editors of Multipolar Monitor.",
               "Share this:\nTwitter\nFacebook\nTelegram\nEmail", "Like this:\nLike Loading..."]
    if doc.related:
        blocks.append("Related\n\n" + "\n\n".join(f"{r}\nIn \"Geopolitics\"" for r in doc.related[:3]))
    if doc.comments:
        lines = [f"{doc.comment_total} thoughts on \u201c{doc.title}\u201d", ""]
        for c in doc.comments:
            lines += [f"{c.author} says:", f"{long_date(c.posted.date())} at {clock12(c.posted, lower=True)}",
                      c.text, "Reply", ""]
        blocks.append("\n".join(lines).rstrip())
    blocks.append("Leave a Reply Cancel reply\nYour email address will not be published. Required fields are "
                  "marked *\nComment *\nName *\nEmail *\nPost Comment")
    return join_blocks(blocks)


def render_meridiandaily(doc: Doc) -> str:
    words = sum(len(p.split()) for p in doc.paras)
    blocks = [doc.title, f"World | {long_date(doc.day)}", doc.author, doc.via or "Meridian Daily correspondent",
              f"Listen to this article \u00b7 {max(2, words // 150)} min"]
    if doc.via:
        blocks.append(f"This article is republished from {doc.via}.")
    blocks += body_with_captions(doc, lambda c, i: f"{c} Photograph: {PHOTO_AGENCIES[(i + 2) % 6]}", after=(0, 2))
    if doc.truncated:
        blocks.append(f"Read the original at {doc.via}")
    blocks += ["Sign up for The Meridian Morning \u2014 the day's essential world news, free in your inbox.",
               "Topics: " + ", ".join(TOPIC_TAGS[doc.topic])]
    if doc.comments:
        lines = ["Join the conversation", f"Comments ({doc.comment_total})", "Sort: Newest", ""]
        for c in reversed(doc.comments):
            lines += [f"{c.author} \u00b7 {short_age(c.posted, scraped(doc))}", c.text, "Like  Reply", ""]
        lines.append("Load more comments")
        blocks.append("\n".join(lines))
    if doc.related:
        blocks.append("More on this story\n" + "\n".join(doc.related))
    return join_blocks(blocks)


def render_wirebrief_txt(doc: Doc) -> str:
    city = DATELINES[doc.topic][stable_int(doc.key, "dl") % len(DATELINES[doc.topic])]
    paras = [doc.outlet.typeset(p) for p in doc.paras]
    paras[0] = f"{city}, {MONTHS[doc.day.month - 1]} {doc.day.day} (Wirebrief) - {paras[0]}"
    desk = [j for j in doc.outlet.journalists if j != doc.author]
    editor = desk[stable_int(doc.key, "ed") % len(desk)]
    blocks = [doc.title, f"{doc.published:%B %d, %Y %I:%M %p} UTC", *paras]
    if doc.truncated:
        blocks.append(f"(Full story: {doc.via_url})")
    blocks += [f"Reporting by {doc.author}; Editing by {editor}",
               "Our Standards: The Wirebrief Editorial Principles."]
    if doc.comments:
        lines = ["Reader comments", ""]
        for c in doc.comments:
            lines += [f"{c.author} wrote on {c.posted:%b} {c.posted.day}, {c.posted.year}:", c.text, ""]
        blocks.append("\n".join(lines).rstrip())
    return join_blocks(blocks)


def render_alpinepost(doc: Doc) -> str:
    blocks = [doc.title, f"{doc.day:%d.%m.%Y}, {doc.published:%H:%M} \u2014 {doc.author}, Geneva"]
    if doc.via:
        blocks.append(f"With material from {doc.via}")
    blocks += body_with_captions(doc, lambda c, i: f"{c} (Photo: Alpine Post / {doc.author})")
    if doc.truncated:
        blocks.append(f"Read the complete article on {doc.via}")
    if stable_int(doc.key, "transl") % 3 == 0:
        blocks.append("This article was translated from our French-language edition.")
    if doc.comments:
        lines = ["Comments", ""]
        for c in doc.comments:
            lines += [f"Posted by {c.author} | {c.posted:%d.%m.%Y %H:%M}", c.text, "Reply", ""]
        blocks.append("\n".join(lines).rstrip())
    if doc.related:
        blocks.append("You might also be interested in\n" + "\n".join(doc.related))
    blocks.append("The Alpine Post \u00b7 Impressum \u00b7 Data protection \u00b7 Newsletter")
    return join_blocks(blocks)


def render_harbourtimes(doc: Doc) -> str:
    blocks = [doc.title, doc.author, doc.via or "World affairs correspondent",
              f"Updated {long_date(doc.day)} \u2014 first published at {clock12(doc.published, lower=True)}"]
    if doc.via:
        blocks.append(f"From {doc.via}")
    blocks += body_with_captions(doc, lambda c, i: f"{c} Picture: {PHOTO_AGENCIES[i % 6]}")
    if doc.truncated:
        blocks.append(f"Read more at {doc.via}")
    if doc.comments:
        lines = ["Conversation", "Comments are moderated and may take some time to appear. Read our community "
                 "guidelines.", ""]
        for c in doc.comments:
            lines += [c.author, relative_age(c.posted, scraped(doc)), c.text, f"Reply \u00b7 Like ({c.likes})", ""]
        lines.append("Load more comments")
        blocks.append("\n".join(lines))
    if doc.related:
        blocks.append("Read next\n" + "\n".join(doc.related))
    blocks.append("Harbour Times \u2014 independent journalism from the Pacific since 1921.")
    return join_blocks(blocks)


# ---- HTML pages --------------------------------------------------------------------------------------------

def esc(text: str) -> str:
    return html.escape(text, quote=False)


def render_html_page(doc: Doc, site: dict[str, str]) -> str:
    o = doc.outlet
    paras = [o.typeset(p) for p in doc.paras]
    body_html = []
    caps = list(doc.captions)
    head = crosshead(doc)
    for i, p in enumerate(paras):
        if i == 3 and head:
            body_html.append(f"      <h2>{esc(head)}</h2>")
        if i == 2 and stable_int(doc.key, "ad") % 2:
            body_html.append('      <div class="ad-slot" data-slot="mid-article"><span>Advertisement</span></div>')
        body_html.append(f"      <p>{esc(p)}</p>")
        if i == 1 and caps:
            body_html.append(f'      <figure class="{site["fig"]}">\n        '
                             f'<img src="/img/{stable_int(doc.key, i)}.jpg" alt="">\n        '
                             f'<figcaption>{esc(caps.pop(0))} <span class="credit">'
                             f'{esc(credit_line(doc))}</span></figcaption>\n      </figure>')
    if doc.truncated:
        body_html.append(f'      <p class="readmore"><a href="{esc(doc.via_url or "")}">Read the full story at '
                         f'{esc(doc.via or "")}</a></p>')
    via = f'\n      <p class="source-note">Originally published by {esc(doc.via)}</p>' if doc.via else ""
    comments_html = ""
    if doc.comments:
        items = []
        now = scraped(doc)
        for c in doc.comments:
            shown = relative_age(c.posted, now) if site["reltime"] else long_date(c.posted.date())
            items.append(f'      <li class="comment">\n        <div class="comment-meta"><span class="comment-author">'
                         f'{esc(c.author)}</span> <time datetime="{c.posted:%Y-%m-%dT%H:%M}">'
                         f'{esc(shown)}'
                         f'</time></div>\n        <div class="comment-body"><p>{esc(c.text)}</p></div>\n'
                         f'        <a class="reply" href="#">Reply</a>\n      </li>')
        comments_html = (f'\n  <section id="comments" class="{site["comments"]}">\n    <h3>{doc.comment_total} '
                         f'Comments</h3>\n    <ol class="comment-list">\n' + "\n".join(items) +
                         '\n    </ol>\n    <button class="load-more">Load more comments</button>\n  </section>')
    related = "\n".join(f'        <li><a href="/{slugify(r)}">{esc(r)}</a></li>' for r in doc.related)
    nav = "\n".join(f'      <li><a href="/{s.lower()}">{s}</a></li>' for s in site["nav"].split(","))
    tags = "".join(f'<a rel="tag" href="/tag/{slugify(t)}">{esc(t)}</a> ' for t in TOPIC_TAGS[doc.topic])
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{esc(doc.title)} {site["title_sep"]} {esc(o.name)}</title>
  <meta property="og:title" content="{html.escape(doc.title)}">
  <meta property="og:url" content="{doc.url}">
  <meta property="article:published_time" content="{doc.published:%Y-%m-%dT%H:%M:%S}Z">
  <link rel="canonical" href="{doc.url}">
  <style>
    body {{ font-family: {site["font"]}; margin: 0; color: #222; }}
    .site-nav ul {{ list-style: none; display: flex; gap: 1em; }}
    article p {{ line-height: 1.6; max-width: 42em; }}
    .{site["fig"]} figcaption {{ font-size: .85em; color: #666; }}
  </style>
  <script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"section": "world", "paywall": false}});</script>
</head>
<body class="article-page">
  <header class="masthead">
    <a class="logo" href="/">{esc(o.name)}</a>
    <nav class="site-nav">
    <ul>
{nav}
    </ul>
    </nav>
    <a class="subscribe" href="/subscribe">{site["cta"]}</a>
  </header>
  <main>
    <article class="story">
      <h1 class="headline">{esc(doc.title)}</h1>
      <div class="byline">By <a href="/author/{slugify(doc.author)}">{esc(doc.author)}</a> \u00b7 <time datetime="{doc.day.isoformat()}">{long_date(doc.day)}</time></div>{via}
      <div class="share-bar"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
{chr(10).join(body_html)}
      <div class="tags">Tags: {tags}</div>
    </article>
    <aside class="sidebar">
      <h2>{site["aside"]}</h2>
      <ul>
{related}
      </ul>
      <div class="newsletter">{site["newsletter"]} <form><input type="email" placeholder="Your email"><button>Sign up</button></form></div>
    </aside>{comments_html}
  </main>
  <footer class="site-footer">
    <p>{site["footer"]}</p>
    <p><a href="/about">About</a> | <a href="/privacy">Privacy</a> | <a href="/contact">Contact</a></p>
  </footer>
  <script src="/static/js/{site["js"]}.min.js" defer></script>
  <script>document.querySelectorAll('.load-more').forEach(function (b) {{ b.addEventListener('click', function () {{ b.remove(); }}); }});</script>
</body>
</html>
"""


EASTWIND_SITE = {
    "nav": "World,Russia,Geopolitics,Economy,Opinion,Video", "title_sep": "\u2014", "font": "Georgia, serif",
    "fig": "photo", "comments": "reader-comments", "aside": "Trending now", "reltime": "1",
    "newsletter": "Get East Wind Report in your inbox, uncensored.", "cta": "Support us",
    "footer": "\u00a9 East Wind Report. Reproduction with an active hyperlink to the source.",
    "js": "ewr-bundle",
}
WIREBRIEF_SITE = {
    "nav": "World,Business,Markets,Politics,Tech", "title_sep": "|", "font": "Helvetica, Arial, sans-serif",
    "fig": "media", "comments": "comments-module", "aside": "More from Wirebrief", "reltime": "",
    "newsletter": "The Daily Brief: top stories before your first coffee.", "cta": "Register",
    "footer": "All quotes delayed a minimum of 15 minutes. \u00a9 Wirebrief News Agency.", "js": "wb-main",
}
NORTHGATE_SITE = {
    "nav": "Research,Analysis,Events,Podcasts,Experts,About", "title_sep": "\u00b7", "font": "'Source Serif', serif",
    "fig": "wp-block-image", "comments": "discussion", "aside": "Related analysis", "reltime": "1",
    "newsletter": "Sign up for the Sentinel Weekly.", "cta": "Donate",
    "footer": "The Northgate Sentinel is a nonpartisan, nonprofit publication. All rights reserved.",
    "js": "ngs-theme",
}


# ----------------------------------------------------------------------------------------------------------
# Outlet registry
# ----------------------------------------------------------------------------------------------------------

def make_outlets() -> dict[str, Outlet]:
    def q(pu: int, pr: int, ne: int) -> dict[str, int]:
        return {"pro_us": pu, "pro_russia": pr, "neutral": ne}

    def ymd(d: Doc) -> str:
        return f"{d.day:%Y/%m/%d}"

    slug = lambda d: slugify(d.title)  # noqa: E731
    outlets = [
        Outlet("potomacwire", "Potomac Wire", "potomacwire-news.com", q(5, 1, 2),
               ["Dana Whitaker", "Mark Ellison", "Priya Raman"], False, "\u2014", False, 0.5, (3, 7),
               lambda d: f"https://www.potomacwire-news.com/world/{ymd(d)}/{slug(d)}/", render_potomacwire),
        Outlet("freedomanvil", "The Freedom Anvil", "freedomanvil.com", q(5, 1, 2),
               ["Rick Halvorsen", "J.T. Cole"], False, "--", False, 0.95, (6, 16),
               lambda d: f"https://www.freedomanvil.com/{d.day:%Y/%m}/{slug(d)}/", render_freedomanvil),
        Outlet("northgate", "The Northgate Sentinel", "northgatesentinel.org", q(5, 1, 2),
               ["Dr. Evelyn Strand", "Marcus Oyelaran", "Katarzyna Nowak"], True, "\u2014", False, 0.8, (3, 7),
               lambda d: f"https://northgatesentinel.org/analysis/{slug(d)}", render_northgate_txt, html_every=3),
        Outlet("thamesherald", "The Thames Herald", "thamesherald.co.uk", q(3, 1, 4),
               ["Oliver Penrose", "Harriet Adeyemi", "Simon Kerr"], True, "\u2013", True, 0.9, (4, 8),
               lambda d: f"https://www.thamesherald.co.uk/news/world/{slug(d)}-{stable_int(d.file, digits=8)}",
               render_thamesherald),
        Outlet("ambercoast", "Amber Coast Observer", "ambercoastobserver.eu", q(5, 0, 3),
               ["Laura Kalnina", "Rokas Vaitkus", "Maarja Tamm"], True, "\u2013", True, 0.9, (3, 12),
               lambda d: f"https://ambercoastobserver.eu/{ymd(d)}/{slug(d)}", render_ambercoast),
        Outlet("bayoudispatch", "The Bayou Dispatch", "bayoudispatch.com", q(3, 1, 3),
               ["Claire Thibodeaux", "Marcus Leblanc"], True, "\u2014", False, 0.85, (3, 8),
               lambda d: f"https://www.bayoudispatch.com/news/nation-world/article{stable_int(d.file, digits=9)}.html",
               render_bayoudispatch),
        Outlet("volgatribune", "Volga Tribune", "volgatribune.ru", q(1, 6, 1),
               ["Anton Belov", "Yelena Markina", "Sergei Dorofeev"], False, "\u2014", False, 0.8, (3, 8),
               lambda d: f"https://volgatribune.ru/en/politics/{d.day:%Y%m%d}-{slug(d)}", render_volgatribune,
               explicit_source="Volga Tribune"),
        Outlet("truthcompass", "Truth Compass", "truthcompass.net", q(0, 6, 2),
               ["Gordon Reilly", "Marianne Duclos", "Prof. Hal Whitby"], True, "\u2013", False, 0.6, (3, 6),
               lambda d: f"https://www.truthcompass.net/{slug(d)}/{stable_int(d.file, digits=7)}", render_truthcompass),
        Outlet("multipolarmonitor", "Multipolar Monitor", "multipolarmonitor.org", q(1, 5, 2),
               ["Brandon Teague", "Alexei Varga", "N. Castellanos"], True, "\u2014", False, 0.9, (5, 14),
               lambda d: f"https://multipolarmonitor.org/{ymd(d)}/{slug(d)}/", render_multipolarmonitor),
        Outlet("eastwindreport", "East Wind Report", "eastwindreport.com", q(1, 6, 1),
               ["Viktor Lanskoy", "Daria Kuzmina", "Tom Hadley"], True, "\u2014", False, 0.9, (3, 7),
               lambda d: f"https://news.eastwindreport.com/world/{stable_int(d.file, digits=6)}-{slug(d)}.html",
               None, html_every=1),
        Outlet("meridiandaily", "Meridian Daily", "meridiandaily.com", q(3, 2, 4),
               ["Sofia Lindgren", "Aaron Blythe", "Nadia Haddad"], True, "\u2014", True, 0.85, (3, 7),
               lambda d: f"https://www.meridiandaily.com/world/{ymd(d)}/{slug(d)}", render_meridiandaily),
        Outlet("wirebrief", "Wirebrief", "wirebrief.net", q(2, 3, 4),
               ["Jonas Eklund", "Martha Greaves", "Felipe Arce", "Hannah Cho"], False, "\u2014", False, 0.45, (2, 5),
               lambda d: f"https://www.wirebrief.net/story/{slug(d)}-{stable_int(d.file, digits=8)}",
               render_wirebrief_txt, html_every=2),
        Outlet("alpinepost", "The Alpine Post", "alpinepost.ch", q(2, 2, 4),
               ["Luc Favre", "Andrea Brunner", "Matteo Crivelli"], True, "\u2013", True, 0.75, (2, 6),
               lambda d: f"https://www.alpinepost.ch/en/international/{slug(d)}", render_alpinepost,
               explicit_source="The Alpine Post"),
        Outlet("harbourtimes", "Harbour Times", "harbourtimes.com.au", q(2, 3, 3),
               ["Bridget Nolan", "Sam Whitlam", "Mei Lin Tan"], True, "\u2014", False, 0.85, (3, 7),
               lambda d: f"https://www.harbourtimes.com.au/world/{slug(d)}/{stable_int(d.file, digits=7)}",
               render_harbourtimes),
    ]
    return {o.key: o for o in outlets}


HTML_SITES = {"eastwindreport": EASTWIND_SITE, "wirebrief": WIREBRIEF_SITE, "northgate": NORTHGATE_SITE}


def render(doc: Doc) -> str:
    if doc.fmt == "html":
        return render_html_page(doc, HTML_SITES[doc.outlet.key])
    assert doc.outlet.render is not None, doc.outlet.key
    return doc.outlet.render(doc)


# ----------------------------------------------------------------------------------------------------------
# Corpus plan: which outlet writes which story, syndication, duplicates
# ----------------------------------------------------------------------------------------------------------

SYNDICATION = [  # (original outlet, label, [(copying outlet, kind), ...]); kinds: full/truncated/extra/retitled
    ("wirebrief", "neutral", [("bayoudispatch", "full"), ("harbourtimes", "truncated"), ("thamesherald", "extra")]),
    ("potomacwire", "pro_us", [("bayoudispatch", "retitled"), ("freedomanvil", "full")]),
    ("truthcompass", "pro_russia", [("multipolarmonitor", "extra"), ("eastwindreport", "full"),
                                    ("volgatribune", "truncated")]),
    ("volgatribune", "pro_russia", [("truthcompass", "retitled"), ("multipolarmonitor", "full")]),
    ("meridiandaily", "neutral", [("alpinepost", "full"), ("harbourtimes", "extra")]),
    ("northgate", "pro_us", [("ambercoast", "truncated"), ("potomacwire", "full")]),
    ("eastwindreport", "pro_russia", [("truthcompass", "full"), ("multipolarmonitor", "retitled")]),
    ("alpinepost", "neutral", [("wirebrief", "retitled"), ("meridiandaily", "truncated")]),
    ("ambercoast", "pro_us", [("thamesherald", "extra"), ("northgate", "full")]),
]
EXTRA_FOR = {"bayoudispatch": 1, "harbourtimes": 2, "thamesherald": 3, "alpinepost": 4}
EXACT_DUPLICATES = [("freedomanvil", "pro_us", "-amp", "amp/"), ("meridiandaily", "neutral", "-1", "?utm_source=rss")]
MOJIBAKE = [("thamesherald", "neutral"), ("harbourtimes", "pro_russia")]


def interleaved_slots(outlets: dict[str, Outlet]) -> list[tuple[Outlet, str]]:
    per_outlet = []
    for o in outlets.values():
        labels = [lab for lab in LABELS for _ in range(o.quota[lab])]
        rng_for("slots", o.key).shuffle(labels)
        per_outlet.append([(o, lab) for lab in labels])
    depth = max(len(x) for x in per_outlet)
    return [row[i] for i in range(depth) for row in per_outlet if i < len(row)]


def plan_originals(banks: Banks, outlets: dict[str, Outlet]) -> list[Doc]:
    """Give every (outlet, label) slot its own story: a topic cell and one of its unused leads."""
    rng = rng_for("plan")
    remaining = {(t, lab): [0, 1, 2] for t in banks.topics for lab in LABELS}
    used_topics: dict[str, Counter] = defaultdict(Counter)
    para_usage: Counter = Counter()
    earlier: dict[tuple[str, str], list[set[str]]] = defaultdict(list)
    docs = []
    for outlet, label in interleaved_slots(outlets):
        candidates = [t for t in sorted(banks.topics) if remaining[(t, label)]]
        fewest = min(used_topics[outlet.key][t] for t in candidates)
        fresh = [t for t in candidates if used_topics[outlet.key][t] == fewest]
        most = max(len(remaining[(t, label)]) for t in fresh)
        name = rng.choice([t for t in fresh if len(remaining[(t, label)]) == most])
        lead_idx = remaining[(name, label)].pop(rng.randrange(len(remaining[(name, label)])))
        used_topics[outlet.key][name] += 1
        topic = banks.topics[name]
        lead = topic.leads[label][lead_idx]
        key = f"{outlet.key}|{name}|{label}|{lead_idx}"
        r = rng_for("doc", key)
        day = lead.lo + timedelta(days=r.choice([0, 0, 0, 1, 1, 2]))
        published = datetime(day.year, day.month, day.day, r.randint(6, 21), r.randint(0, 59))
        paras = compose(topic, label, lead, day, banks, para_usage, earlier[(name, label)], r)
        caps = r.sample(topic.captions, r.choice([1, 1, 2]))
        author = r.choice(outlet.journalists)
        docs.append(Doc(outlet, name, label, topic.titles[label][lead_idx], day, published, paras, caps, author,
                        lead.uid, key=key))
    return docs


def assign_formats_and_paths(docs: list[Doc]) -> None:
    counts: Counter = Counter()
    for doc in sorted(docs, key=lambda d: (d.outlet.key, d.day, d.title)):
        every = doc.outlet.html_every
        doc.fmt = "html" if every and counts[doc.outlet.key] % every == 0 else "txt"
        counts[doc.outlet.key] += 1
        doc.file = f"{doc.outlet.key}/{doc.day.isoformat()}-{slugify(doc.title)}.{doc.fmt}"
        doc.url = doc.outlet.url_for(doc)


def retitle(doc: Doc, rng: random.Random) -> str:
    options = [f"{KICKERS[doc.topic]}: {doc.title}", f"{doc.title} \u2014 Analysis",
               doc.title.rsplit(",", 1)[0] if "," in doc.title else f"{KICKERS[doc.topic]}: {doc.title}"]
    return rng.choice(options)


def make_copies(originals: list[Doc], outlets: dict[str, Outlet], banks: Banks) -> list[Doc]:
    copies = []
    taken: set[str] = set()
    for src_key, label, targets in SYNDICATION:
        source = next(d for d in originals if d.outlet.key == src_key and d.label == label and d.file not in taken
                      and not any(d.topic == c.topic and d.label == c.label for c in copies))
        taken.add(source.file)
        for target_key, kind in targets:
            target = outlets[target_key]
            r = rng_for("copy", source.file, target_key)
            day = source.day + timedelta(days=r.choice([0, 1, 1, 2, 3]))
            published = datetime(day.year, day.month, day.day, r.randint(6, 22), r.randint(0, 59))
            paras = list(source.paras)
            title = source.title
            truncated = False
            if kind == "truncated":
                paras = paras[:max(3, -(-len(paras) * 2 // 3))]
                truncated = True
            elif kind == "extra":
                where = len(paras) - 1 if r.random() < 0.5 else len(paras)
                paras.insert(where, banks.extras[EXTRA_FOR.get(target_key, 0)])
            elif kind == "retitled":
                title = retitle(source, r)
            copy = Doc(target, source.topic, source.label, title, day, published, paras, list(source.captions),
                       source.author, source.lead_uid, via=source.outlet.name, via_url=source.url,
                       truncated=truncated, key=f"copy|{source.file}|{target_key}", copy_of=source.file,
                       copy_kind=kind)
            copy.fmt = "html" if target.html_every == 1 else "txt"
            copy.file = f"{target.key}/{day.isoformat()}-{slugify(title)}.{copy.fmt}"
            copy.url = target.url_for(copy)
            copies.append(copy)
    return copies


def fill_comments_and_related(docs: list[Doc], banks: Banks) -> None:
    usage: Counter = Counter()
    by_outlet: dict[str, list[Doc]] = defaultdict(list)
    for d in docs:
        by_outlet[d.outlet.key].append(d)
    for doc in docs:
        r = rng_for("extras", doc.key)
        lo, hi = doc.outlet.comment_range
        if r.random() < doc.outlet.comment_rate:
            n = r.randint(lo, hi)
            doc.comments = make_comments(doc, banks, usage, n)
            doc.comment_total = n + (r.randint(1, 60) if r.random() < 0.6 else 0)
        nearest = sorted((d for d in by_outlet[doc.outlet.key] if d.title != doc.title),
                         key=lambda d: (abs((d.day - doc.day).days) + (0 if d.day <= doc.day else 120), d.title))
        others = list(dict.fromkeys(d.title for d in nearest))[:7]
        doc.related = r.sample(others, min(len(others), r.randint(2, 5)))


def fit_size(doc: Doc) -> str:
    text = render(doc)
    while len(text.encode("utf-8")) > MAX_BYTES and doc.comments:
        doc.comments = doc.comments[:-1]
        text = render(doc)
    while len(text.encode("utf-8")) > MAX_BYTES and doc.related:
        doc.related = doc.related[:-1]
        text = render(doc)
    return text


def gold_record(doc: Doc, file: str) -> dict[str, object]:
    """What the segmenter should find in a rendered document (title, body, comments), as the generator knows it."""
    head = crosshead(doc)
    body = [doc.outlet.typeset(p) for p in doc.paras] + ([head] if head and len(doc.paras) > 3 else [])
    return {"file": file, "title": doc.title, "body": body,
            "comments": [{"author": c.author, "text": c.text} for c in doc.comments]}


# ----------------------------------------------------------------------------------------------------------
# Side files
# ----------------------------------------------------------------------------------------------------------

README = """# Demo corpus (fictional, original)

A small corpus of raw "scraped" news-article dumps about US-Russia relations, written for the newsstance
project so that the pipeline can be developed, tested and demonstrated without third-party text.

* **Fictional and original.** The {n_outlets} outlets, their domains, journalists, analysts, think tanks and
  reader comments are invented, and every sentence was written for this project. Real public figures and real
  events (INF Treaty, New START, sanctions, expulsions, Ukraine talks, cyber attacks, the Arctic, Nord Stream,
  summits, the Black Sea grain deal, prisoner swaps, space, Syria, Novichok poisonings) are named as news would
  name them; direct quotations are attributed only to fictional people.
* **Licence:** CC0 1.0 (public domain dedication).
* **How it was made:** `python data/raw/build_demo.py` assembles the documents deterministically (running it twice
  gives identical files) from hand-written banks in `data/raw/demo_source/`: topic x stance paragraph banks with
  date ranges (so an article never mentions a later event), per-outlet page templates, and comment banks. Do not
  edit files here by hand; edit the banks or the script and rebuild.

## What is in it
* {n_docs} documents ({n_html} HTML pages, the rest plain-text dumps with the title on the first line), {size_kb} KB.
  Each outlet has its own boilerplate: bylines, datelines, photo captions, share prompts, newsletter boxes,
  disclaimers, author bios, related-link lists, advertisement markers and, on most documents, a reader comment
  section (counts, names, dates in several formats, "Reply", "Load more comments").
* `metadata.csv`: `file,url,source,date,label`. `source` is empty except for two outlets (Volga Tribune, The
  Alpine Post), so the pipeline derives it from the URL's registered domain (note `news.eastwindreport.com`,
  `.co.uk`, `.com.au`).
* Labels (`pro_us` / `pro_russia` / `neutral`) describe the article body's framing: which side is blamed, whose
  claims are taken at face value, loaded or neutral wording. Comments often disagree with the article and
  must not be read as body. Every outlet leans one way but publishes at least two stances.
* `SYNDICATION.md` lists near-copies (one story republished by other outlets 0-3 days later: full, truncated,
  with an extra paragraph, or retitled; copies carry the original's label) and two exact duplicates.
* Mojibake on purpose (UTF-8 read as Windows-1252, e.g. `\u00e2\u20ac\u2122`): {mojibake}.

| outlet | pro_us | pro_russia | neutral | total |
|---|---|---|---|---|
{table}
"""


def readme_table(rows: list[tuple[str, str, str, str, str]]) -> str:
    counts: dict[str, Counter] = defaultdict(Counter)
    for file, *_, label in rows:
        counts[file.split("/")[0]][label] += 1
    lines = [f"| {o} | " + " | ".join(str(c[lab]) for lab in LABELS) + f" | {sum(c.values())} |"
             for o, c in sorted(counts.items())]
    total = Counter(r[4] for r in rows)
    lines.append("| **all** | " + " | ".join(str(total[lab]) for lab in LABELS) + f" | {len(rows)} |")
    return "\n".join(lines)


def syndication_table(originals: list[Doc], copies: list[Doc], dups: list[tuple[Doc, str]]) -> str:
    lines = ["# Syndication and duplicates in the demo corpus", "",
             "Near-copies: the same story republished by other outlets 0-3 days later (same body; different site",
             "boilerplate and comments; `truncated` keeps only the first part, `extra` adds a paragraph, `retitled`",
             "changes the headline). Copies carry the original's label.", "",
             "| original | copy | kind | days later |", "|---|---|---|---|"]
    by_file = {d.file: d for d in originals}
    for c in copies:
        src = by_file[c.copy_of]
        lines.append(f"| {src.file} | {c.file} | {c.copy_kind} | {(c.day - src.day).days} |")
    lines += ["", "Exact duplicates: byte-identical files under two names of one outlet.", "",
              "| original | duplicate |", "|---|---|"]
    lines += [f"| {d.file} | {dup_file} |" for d, dup_file in dups]
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------------------------------------
# Build
# ----------------------------------------------------------------------------------------------------------

def build(out: Path = DEFAULT_OUT, source: Path = SOURCE_DIR) -> dict[str, object]:
    banks = load_banks(source)
    outlets = make_outlets()
    originals = plan_originals(banks, outlets)
    assign_formats_and_paths(originals)
    copies = make_copies(originals, outlets, banks)
    docs = originals + copies
    fill_comments_and_related(docs, banks)

    syndicated = {d.file for d in originals if any(c.copy_of == d.file for c in copies)}
    plain = [d for d in originals if d.file not in syndicated and d.fmt == "txt"]
    mojibake = {next(d for d in plain if d.outlet.key == k and d.label == lab).file for k, lab in MOJIBAKE}
    dups = []
    for k, lab, file_suffix, url_suffix in EXACT_DUPLICATES:
        d = next(x for x in plain if x.outlet.key == k and x.label == lab and x.file not in mojibake)
        dups.append((d, d.file.replace(".txt", f"{file_suffix}.txt"), d.url + url_suffix))

    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    rows = []
    gold = []
    total = 0
    for doc in sorted(docs, key=lambda d: d.file):
        text = fit_size(doc)
        if doc.file in mojibake:
            text = sloppy_cp1252(text)
        data = text.encode("utf-8")
        assert MIN_BYTES <= len(data) <= MAX_BYTES, (doc.file, len(data))
        targets = [(doc.file, doc.url)] + [(f, u) for d, f, u in dups if d.file == doc.file]
        for file, url in targets:
            path = out / file
            assert not path.exists(), file
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            total += len(data)
            rows.append((file, url, doc.outlet.explicit_source, doc.day.isoformat(), doc.label))
            gold.append(gold_record(doc, file))
    rows.sort()
    gold.sort(key=lambda record: record["file"])
    gold_path = out.parent / f"{out.name}_gold.jsonl"
    gold_path.write_text("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in gold), encoding="utf-8")
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["file", "url", "source", "date", "label"])
    writer.writerows(rows)
    (out / "metadata.csv").write_text(buf.getvalue(), encoding="utf-8")
    (out / "SYNDICATION.md").write_text(syndication_table(originals, copies, [(d, f) for d, f, _ in dups]),
                                        encoding="utf-8")
    n_html = sum(1 for r in rows if r[0].endswith(".html"))
    (out / "README.md").write_text(README.format(n_outlets=len(outlets), n_docs=len(rows), n_html=n_html,
                                                 size_kb=round(total / 1024), table=readme_table(rows),
                                                 mojibake=", ".join(f"`{m}`" for m in sorted(mojibake))),
                                   encoding="utf-8")
    assert total < MAX_TOTAL, total
    return {"documents": len(rows), "html": n_html, "bytes": total, "labels": Counter(r[4] for r in rows),
            "outlets": Counter(r[0].split("/")[0] for r in rows), "copies": len(copies), "duplicates": len(dups),
            "mojibake": sorted(mojibake)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (replaced)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    stats = build(args.out)
    for key, value in stats.items():
        log.info("%s: %s", key, value)


if __name__ == "__main__":
    main()
