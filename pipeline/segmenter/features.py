"""Line features of the baseline CRF segmenter (`crf.py`), one dict per line; and the shared word
lists and cue patterns (dates, times, "N days ago") that the other segmenter modules reuse.

The shipped recurrent model computes its features column-wise over whole batches instead
(`batch_features.py`, several times faster). This module turns one document's non-blank,
whitespace-collapsed lines into one feature dict per line, the input format of python-crfsuite.
Three kinds of features:

* the line alone: length and word-count buckets, shares of letters / digits / capitals / punctuation
  / stopwords, how it starts and ends, date and time shapes, cue words of site furniture ("share",
  "subscribe", "©") and of comment sections ("reply", "says:", "N comments", "ago"), name shapes, and
  the lowercased words of short lines (menus, buttons and headers are short and recur across sites);
* the document around it: relative position, share of the document's words before it, length
  relative to the longest line, the word mass of a window around it, repetition of the same line;
* neighbours: a few coarse features of the lines one and two above and below, so that the CRF sees a
  short context in addition to its label transitions.

Everything is plain Python over strings with a handful of precompiled regular expressions; speed
matters (the segmenter must handle hundreds of documents per second on one core).
"""

from __future__ import annotations

import math
import re
import string
from bisect import bisect_right
from collections import Counter

STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have
    having he her here hers herself him himself his how i if in into is it its itself just me more most my
    myself no nor not now of off on once only or other our ours ourselves out over own same she should so
    some such than that the their theirs them themselves then there these they this those through to too
    under until up very was we were what when where which while who whom why will with would you your
    yours yourself yourselves""".split()
)

FURNITURE_WORDS = frozenset(
    """share shares tweet facebook twitter linkedin pinterest whatsapp reddit email e-mail print subscribe
    newsletter login log sign signup register password cookie cookies privacy terms advertisement advertise
    sponsored copyright rights reserved menu search home contact about related popular trending recommended
    more read follow tags tag categories category archive archives rss feed next previous prev older newer
    download app donate support skip navigation sitemap faq disclaimer policy loading""".split()
)

COMMENT_WORDS = frozenset(
    """comment comments reply replies replied says said wrote posted responses response discussion
    commenting commented like likes dislike upvote downvote flag report permalink quote thread
    guest anonymous member moderator votes vote points""".split()
)

MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august"
    "|september|october|november|december"
)
DATE_RE = re.compile(
    rf"\b(?:(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\.?,?\s+\d{{4}}"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})\b",
    re.IGNORECASE,
)
TIME_RE = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\b|\b\d{1,2}\s*[ap]\.?m\.?\b", re.IGNORECASE)
AGO_RE = re.compile(
    r"\b(?:\d+|an?|one)\s+(?:second|sec|minute|min|hour|hr|day|week|month|year|yr)s?\s+ago\b|\byesterday\b|\btoday\b",
    re.IGNORECASE,
)
# necessary conditions of DATE_RE (a 4-digit year, or digits around a separator) and TIME_RE, far
# cheaper to search for
DATE_GATE = re.compile(r"\d(?:\d\d\d|[-/.]\d)").search
TIME_GATE = re.compile(r"\d(?::\d|\s*[ap])", re.IGNORECASE).search
COUNT_COMMENTS_RE = re.compile(r"^\W*\d[\d,.]*\s*(?:comments?|responses?|replies|repl(?:y|ies)|thoughts)\b", re.IGNORECASE)
SAYS_RE = re.compile(r"\b(?:says|said|wrote|writes)\s*:?\s*$", re.IGNORECASE)
BY_RE = re.compile(r"^(?:posted\s+)?by\s+\S", re.IGNORECASE)
URL_RE = re.compile(r"https?://|www\.|\.com\b|\.org\b|\.net\b|@\w+\.", re.IGNORECASE)
WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
BULLET_CHARS = frozenset("*•·-–—>|»›◦▪■●+")
SENTENCE_END = frozenset(".!?\"'”’)…:;")



def _bucket(value: float, edges: tuple[float, ...]) -> int:
    """Index of the first edge above `value` (len(edges) when none is)."""
    return bisect_right(edges, value)


WORD_EDGES = (1.5, 2.5, 3.5, 5.5, 8.5, 12.5, 20.5, 35.5, 60.5, 120.5)


LETTERS_RE = re.compile(r"[^\W\d_]+")
DIGITS_RE = re.compile(r"\d+")
HAS_DIGIT = re.compile(r"\d").search
UPPER_RE = re.compile(r"[A-ZÀ-ÖØ-ÞА-ЯЁ]+")
CAPITALISED_WORD_RE = re.compile(r"(?<!\w)[A-ZÀ-ÖØ-ÞА-ЯЁ]")
# what DIGITS_RE, LETTERS_RE and UPPER_RE match in an ASCII line
ASCII_DIGITS = string.digits.encode()
ASCII_LETTERS = string.ascii_letters.encode()
ASCII_UPPERCASE = string.ascii_uppercase.encode()


def _removed(regex: re.Pattern, text: str) -> int:
    """Number of characters of `text` matched by `regex` (counted in C, not per character)."""
    return len(text) - len(regex.sub("", text))


SAYS_WORDS = ("says", "said", "wrote", "writes")


def _ends_with_says(lowered: str) -> bool:
    """Cheap necessary condition of SAYS_RE for an ASCII line: it ends with a says-word, then an
    optional colon and whitespace (the regex still decides)."""
    tail = lowered.rstrip()
    if tail.endswith(":"):
        tail = tail[:-1].rstrip()
    return tail.endswith(SAYS_WORDS)


def line_features(line: str) -> tuple[dict[str, float], list[str], int, dict[str, float | str]]:
    """Features of one line alone (categorical ones as "name=value": 1.0), its lowercase words, its
    word count, and the few values its neighbours copy."""
    lowered = line.lower()
    lower_words = WORD_RE.findall(lowered)
    n_words = len(lower_words)
    n_chars = len(line)
    features: dict[str, float] = {"bias": 1.0}
    word_bucket = str(_bucket(n_words, WORD_EDGES))
    features["wb=" + word_bucket] = 1.0
    features["len"] = math.log1p(n_chars) / 8.0
    features["nw"] = math.log1p(n_words) / 5.0
    if line.isascii():  # the same counts as the regexes below, by deleting bytes (faster)
        encoded = line.encode()
        digits = n_chars - len(encoded.translate(None, ASCII_DIGITS))
        letters = n_chars - len(encoded.translate(None, ASCII_LETTERS))
        uppers = n_chars - len(encoded.translate(None, ASCII_UPPERCASE))
    else:
        digits = _removed(DIGITS_RE, line) if HAS_DIGIT(line) else 0
        letters = _removed(LETTERS_RE, line)
        uppers = _removed(UPPER_RE, line)
    spaces = line.count(" ")
    punct = n_chars - letters - digits - spaces
    if n_chars:
        features["alpha"] = letters / n_chars
        features["digit"] = digits / n_chars
        features["punct"] = punct / n_chars
    if letters:
        features["upper"] = uppers / letters
    if n_words:
        stop = sum(map(STOPWORDS.__contains__, lower_words))
        features["stop"] = stop / n_words
        capitalised = len(CAPITALISED_WORD_RE.findall(line))
        features["cap"] = min(capitalised / n_words, 1.0)
        features["commas"] = min(line.count(",") / n_words * 5, 1.0)
        features["avgwl"] = min(letters / n_words / 10.0, 2.0)
    first = line[:1]
    last = line[-1:]
    end = "p" if last in ".!?" else ("q" if last in SENTENCE_END else ("d" if last.isdigit() else "o"))
    features["end=" + end] = 1.0
    if first in BULLET_CHARS:
        features["bullet"] = 1.0
    if first.islower():
        features["lowstart"] = 1.0
    if first.isdigit():
        features["digstart"] = 1.0
    if "|" in line:
        features["pipe"] = 1.0
    if "©" in line or "copyright" in lowered:
        features["copy"] = 1.0
    if ("http" in lowered or "www." in lowered or ".com" in lowered or ".org" in lowered or ".net" in lowered
            or "@" in line) and URL_RE.search(line):
        features["url"] = 1.0
    is_date = False
    if digits:
        is_date = DATE_GATE(line) is not None and DATE_RE.search(line) is not None
        if is_date:
            features["date"] = 1.0
        if TIME_GATE(line) and TIME_RE.search(line):
            features["time"] = 1.0
        if COUNT_COMMENTS_RE.search(line):
            features["ncomm"] = 1.0
    if ("ago" in lowered or "yesterday" in lowered or "today" in lowered) and AGO_RE.search(line):
        features["ago"] = 1.0
    if n_words <= 12 and (not line.isascii() or _ends_with_says(lowered)) and SAYS_RE.search(line):
        features["says"] = 1.0
    if lowered.startswith(("by", "posted")) and BY_RE.search(line):
        features["by"] = 1.0
    furniture = sum(map(FURNITURE_WORDS.__contains__, lower_words))
    commentish = sum(map(COMMENT_WORDS.__contains__, lower_words))
    if furniture:
        features["furn"] = min(furniture / max(n_words, 1) * 2, 1.0)
    if commentish:
        features["commw"] = min(commentish / max(n_words, 1) * 2, 1.0)
    cue = "c" if commentish else ("f" if furniture else ("t" if is_date else "n"))
    features["cue=" + cue] = 1.0
    short = n_words <= 5
    features["short=1" if short else "short=0"] = 1.0
    if short:
        for word in lower_words[:5]:
            features["w=" + word] = 1.0
        if 1 <= n_words <= 4 and last not in SENTENCE_END and all(word[:1].isupper() for word in line.split()):
            features["name"] = 1.0
    elif lower_words:
        features["w0=" + lower_words[0]] = 1.0
        features["wl=" + lower_words[-1]] = 1.0
    summary: dict[str, float | str] = {"len": features["len"], "end": end, "short": "1" if short else "0",
                                       "cue": cue, "wb": word_bucket}
    if is_date:
        summary["date"] = 1.0
    return features, lower_words, n_words, summary


def _prefix_sums(values: list[int]) -> list[int]:
    sums = [0] * (len(values) + 1)
    running = 0
    for index, value in enumerate(values):
        running += value
        sums[index + 1] = running
    return sums


SHAPE_DIGITS_RE = re.compile(r"\d+")
SHAPE_CAPITALISED_RE = re.compile(r"[A-Z][\w'’.-]*")
CONTEXT_RADIUS = 8


def _shape(line: str, n_words: int) -> str:
    """Template of a short line: capitalised words -> A, numbers -> 0 ("by A A on A 0, 0 at 0:0 pm")."""
    if n_words > 14:
        return ""
    return SHAPE_CAPITALISED_RE.sub("A", SHAPE_DIGITS_RE.sub("0", line))


LineFeatures = tuple[dict[str, float], list[str], int, dict[str, float | str]]


def document_features(lines: list[str], neighbours: bool = True) -> list[dict[str, float]]:
    """Feature dicts of one document's lines, including document-level and (optionally, for models
    that do not read the sequence themselves) neighbour and window features."""
    own, context = document_feature_parts(lines, neighbours)
    return [{**own[line][0], **line_context} for line, line_context in zip(lines, context)]


def document_feature_parts(lines: list[str], neighbours: bool = True
                           ) -> tuple[dict[str, LineFeatures], list[dict[str, float]]]:
    """`document_features` in two parts: `line_features` of each distinct line (keyed by the line;
    a page repeats menus and buttons) and each line's document-level features (their names never
    clash with the line's own). A line's features are its own, then its document-level ones, in order."""
    n_lines = len(lines)
    if n_lines == 0:
        return {}, []
    line_counts = Counter(lines)
    # a page repeats some lines (menus, separators, buttons): their own features are computed once
    unique = {line: line_features(line) for line in line_counts}
    per_line = [unique[line] for line in lines]
    word_counts = [item[2] for item in per_line]
    total_words = sum(word_counts) or 1
    max_words = max(word_counts) or 1
    unique_shapes = {line: _shape(line, item[2]) for line, item in unique.items()}
    shapes = [unique_shapes[line] for line in lines]
    shape_counts = Counter(shapes)
    prefix = _prefix_sums(word_counts)
    is_long = [int(count >= 25) for count in word_counts]
    is_short = [int(count <= 5) for count in word_counts]
    is_meta = [int(count <= 14 and ("date" in f or "time" in f or "ago" in f or "says" in f or "by" in f
                                    or "name" in f or "commw" in f)) for f, _, count, _ in per_line]
    is_header = [int("ncomm" in f) for f, _, _, _ in per_line]
    long_sums, short_sums, meta_sums, header_sums = (
        _prefix_sums(values) for values in (is_long, is_short, is_meta, is_header)
    )
    long_lines = [index for index, flag in enumerate(is_long) if flag]
    first_long = long_lines[0] if long_lines else n_lines
    last_long = long_lines[-1] if long_lines else -1
    total_meta = meta_sums[-1] or 1
    result: list[dict[str, float]] = []
    for index, (_, _, n_words, _) in enumerate(per_line):
        out: dict[str, float] = {}
        out["pos"] = index / n_lines
        out["posb=" + str(int(10 * index / n_lines))] = 1.0
        out["mass"] = prefix[index] / total_words
        out["massb=" + str(int(10 * prefix[index] / total_words))] = 1.0
        out["rel"] = n_words / max_words
        if neighbours:
            window = prefix[min(n_lines, index + 4)] - prefix[max(0, index - 3)]
            out["win"] = math.log1p(window) / 7.0
            out["winb=" + str(_bucket(window, (5, 15, 40, 100, 250, 600)))] = 1.0
            near = prefix[min(n_lines, index + 2)] - prefix[max(0, index - 1)]
            out["near"] = math.log1p(near) / 6.0
            low, high = max(0, index - CONTEXT_RADIUS), min(n_lines, index + CONTEXT_RADIUS + 1)
            span = high - low
            out["ctx_long"] = (long_sums[high] - long_sums[low]) / span
            out["ctx_short"] = (short_sums[high] - short_sums[low]) / span
            out["ctx_meta"] = (meta_sums[high] - meta_sums[low]) / span
        out["meta_above"] = meta_sums[index] / total_meta
        out["long_above"] = long_sums[index] / max(long_sums[-1], 1)
        headers_above = header_sums[index]
        if headers_above:
            out["hdr_above"] = 1.0
        if header_sums[-1] - header_sums[index + 1]:
            out["hdr_below"] = 1.0
        shape_count = shape_counts[shapes[index]] if shapes[index] else 0
        if shape_count > 1:
            out["shape=" + str(_bucket(shape_count, (3, 5, 10, 25)))] = 1.0
        out["start=1" if index < 3 else ("start=2" if index < 10 else "start=0")] = 1.0
        out["stop_end=1" if n_lines - index <= 3 else ("stop_end=2" if n_lines - index <= 10 else "stop_end=0")] = 1.0
        if index < first_long:
            out["beforelong"] = 1.0
        if index > last_long:
            out["afterlong"] = 1.0
        repeats = line_counts[lines[index]]
        if repeats > 1:
            out["rep"] = min(repeats / 5.0, 1.0)
        if index and lines[index - 1] == lines[index]:
            out["dupprev"] = 1.0
        if neighbours:
            for offset in (-2, -1, 1, 2):
                other = index + offset
                tag = f"{offset:+d}:"
                if 0 <= other < n_lines:
                    for key, value in per_line[other][3].items():
                        if value.__class__ is str:
                            out[tag + key + "=" + value] = 1.0
                        else:
                            out[tag + key] = value
                else:
                    out[tag + "edge"] = 1.0
        result.append(out)
    return unique, result
