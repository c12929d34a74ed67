"""Line features for a batch of documents, computed column-wise.

The segmenter's input for every non-blank line of every document in a batch, built without a
Python loop over lines: character classes come from one numpy pass over the batch's UTF-32 code
points, cue patterns from RE2 regular expressions run by pyarrow over all lines at once, and
document-level context from grouped cumulative sums. Per line this gives

* `dense`: numeric features (float32 matrix, one row per line, columns `DENSE_NAMES`):
  - the line alone: length and word count (log and buckets), shares of letters / digits /
    capitals / punctuation / stopwords / capitalised words, how it starts and ends, date, time,
    "N days ago", "says:", "by X", "N comments", URL and copyright patterns, shares of site-furniture
    and comment cue words, name-like short lines;
  - its place in the document: relative position, share of the document's words above it, length
    relative to the longest line, comment headers and meta lines above it, repetition of the line
    and of its shape (capitalised words -> A, numbers -> 0), the document's size;
* `tokens`: lexical features as (namespace, string) pairs, looked up in the model's vocabulary:
  `w` the words of short lines (menus, buttons, headers recur across sites), `w0` / `wl` the first
  and last word of longer lines, `b` every word of the line (a bag of words weighted 1/n, so each
  line's bag sums to 1), and, for models trained with them, `g` the character trigrams of the words of short lines
  ("<" and ">" mark a word's ends; each word's trigrams weigh 1/n, so a word counts once), which give a word no
  training page had a reading from its pieces ("kommentar", "komentarz", "commentaire" share "ent", "men", ...).
  Digit runs read as "0".

The sequence model (`model.py`) reads the lines in order, so no neighbour or window features are
needed here.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.segmenter.cues import (
    AGO_RE, COMMENT_WORDS, CYRILLIC_AGO_PATTERN, CYRILLIC_COMMENT_WORDS, CYRILLIC_DATE_PATTERN, CYRILLIC_FURNITURE_WORDS,
    CYRILLIC_LETTER, CYRILLIC_STOPWORDS, DATE_RE, DE_FR_COMMENT_WORDS, DE_FR_FURNITURE_WORDS, DE_FR_STOPWORDS,
    FURNITURE_WORDS, NOT_CYRILLIC_LETTER, OTHER_AGO_RE, OTHER_FURNITURE_WORDS, STOPWORDS, TIME_RE,
)

# character classes of the code points below 65536 (others count as letters without case)
LOWER, UPPER, CASELESS, DIGIT, SPACE, OTHER = range(1, 7)
N_CLASSES = 8
SENTENCE_END = ".!?\"'”’)…:;"
BULLETS = "*•·-–—>|»›◦▪■●+"
TRIMMED_PUNCTUATION = string.punctuation + "“”‘’«»…–—·•©®™¿¡"

# RE2 (pyarrow) reads Python's syntax for these; case-insensitivity moves into the pattern
FLAG_PATTERNS = {
    "date": "(?i)" + DATE_RE.pattern,
    "time": "(?i)" + TIME_RE.pattern,
    "ago": "(?i)" + AGO_RE.pattern + "|" + OTHER_AGO_RE.pattern,
    # with German and French forms (cues.py): "3 Kommentare", "Kommentare (3)", "Antworten", "Répondre", ...
    "ncomm": r"(?i)^\W*\d[\d,.]*\s*(?:comments?|responses?|replies|repl(?:y|ies)|thoughts|kommentare?|commentaires?"
             r"|réactions?)\b|^\W*(?:kommentare|commentaires|réactions)\s*\(\d",
    "says": r"(?i)\b(?:says|said|wrote|writes|schreibt|schrieb|a écrit)\s*:?\s*$",
    "by": r"(?i)^(?:posted\s+)?by\s+\S",
    "url": r"(?i)https?://|www\.|\.com\b|\.org\b|\.net\b|@\w+\.",
    "copy": r"(?i)©|\bcopyright\b|all rights reserved|alle rechte vorbehalten|tous droits réservés",
    "reply": r"(?i)^\W*(?:reply|report|like|share|permalink|quote|flag|antworten|melden|gefällt mir|répondre|signaler"
             r"|j'aime)(?:\W|$)",
    "more": r"(?i)\b(?:read|continue|view|see|show|load)\s+(?:more|all|full)\b|»\s*$|\.\.\.\s*$|…\s*$"
            r"|\bweiterlesen\b|\blire la suite\b",
}
# The same cues on Russian and Ukrainian pages. Each needs a Cyrillic letter, so they run on the lines
# that hold one only, and add to the flags above. (RE2's \b and \w are ASCII-only, see cues.py.)
CYRILLIC_FLAG_PATTERNS = {
    "date": "(?i)" + CYRILLIC_DATE_PATTERN,
    "ago": "(?i)" + CYRILLIC_AGO_PATTERN,
    "ncomm": rf"(?i)^\W*\d[\d\s]*(?:комментари|коментар|отзыв|відгук){CYRILLIC_LETTER}*"
             rf"|^\W*(?:комментари|коментар|отзыв|відгук){CYRILLIC_LETTER}*\s*\(\d",
    "says": r"(?i)(?:пишет|написал|написала|пише|написав)\s*:?\s*$",
    "copy": r"(?i)все права защищены|всі права захищені",
    "reply": rf"(?i)^[^a-z0-9{CYRILLIC_LETTER[1:-1]}]*(?:ответить|пожаловаться|нравится|цитировать|відповісти"
             rf"|поскаржитися|подобається)(?:{NOT_CYRILLIC_LETTER}|$)",
    "more": r"(?i)читать (?:далее|полностью)|читати далі|подробнее|показать (?:все|ещё|еще)",
}
CYRILLIC_CODES = (0x400, 0x4FF)
NEEDS_DIGIT = frozenset({"date", "time", "ncomm"})  # patterns that cannot match a line without digits
# The other patterns match few lines. One RE2 pass of their union (which matches every line that any
# of them matches) costs about what one pattern's pass does; each pattern then runs on its hits only.
ANY_LINE_UNION = "(?i)" + "|".join(f"(?:{pattern.removeprefix('(?i)')})" for name, pattern in FLAG_PATTERNS.items()
                                   if name not in NEEDS_DIGIT)
UNION_MIN_LINES = 400  # RE2 compiles the union in ~0.2 ms per call, which fewer lines do not win back
WORD_EDGES = np.array([1.5, 2.5, 3.5, 5.5, 8.5, 12.5, 20.5, 35.5, 60.5, 120.5])
SHAPE_EDGES = np.array([1.5, 3, 5, 10, 25])
SHORT_WORDS = 5  # lines up to this many words contribute all their words as `w` tokens
LONG_WORDS = 25  # a "long" line: a paragraph of text
META_WORDS = 14  # meta lines (dates, names, "says:") are at most this long
SHAPE_WORDS = 14

TOKEN_SPACES = ("w", "w0", "wl", "b", "g")  # (new namespaces go last: a model's token ids are offsets in this order)
GRAM_SPACE = "g"
CODE_BITS = 21  # a code point fits in 21 bits, so a trigram fits in one 63-bit integer


def _dense_names() -> list[str]:
    names = ["len", "words", *(f"wb={i}" for i in range(len(WORD_EDGES) + 1)),
             "alpha", "digit", "punct", "upper", "stop", "cap", "commas", "avg_word", "furn", "commw",
             "end=p", "end=q", "end=d", "end=o", "bullet", "lowstart", "digstart", "name", "short",
             *FLAG_PATTERNS, "pipe", "question",
             "pos", *(f"posb={i}" for i in range(10)), "mass", *(f"massb={i}" for i in range(10)), "rel",
             "meta_above", "long_above", "hdr_above", "hdr_below", *(f"shape={i}" for i in range(len(SHAPE_EDGES) + 1)),
             "start=1", "start=2", "stop_end=1", "stop_end=2", "before_long", "after_long", "rep", "dup_prev",
             "doc_lines", "doc_words"]
    return names


DENSE_NAMES = _dense_names()
COLUMN = {name: index for index, name in enumerate(DENSE_NAMES)}


def _class_table() -> np.ndarray:
    """Class of every code point below 65536; those above (rare) count as letters without case."""
    table = np.full(0x110000, CASELESS, dtype=np.uint8)
    table[:65536] = OTHER
    for code in range(65536):
        char = chr(code)
        if char.isalpha():
            table[code] = LOWER if char.islower() else UPPER if char.isupper() else CASELESS
        elif char.isdigit():
            table[code] = DIGIT
        elif char.isspace():
            table[code] = SPACE
    return table


_TABLE: np.ndarray | None = None


def _classes(codes: np.ndarray) -> np.ndarray:
    global _TABLE
    if _TABLE is None:
        _TABLE = _class_table()
    return np.take(_TABLE, codes)  # faster than _TABLE[codes]


_WORD_LISTS = {"stop": STOPWORDS | CYRILLIC_STOPWORDS | DE_FR_STOPWORDS,
               "furn": FURNITURE_WORDS | CYRILLIC_FURNITURE_WORDS | DE_FR_FURNITURE_WORDS | OTHER_FURNITURE_WORDS,
               "commw": COMMENT_WORDS | CYRILLIC_COMMENT_WORDS | DE_FR_COMMENT_WORDS}
_CUE_WORDS = pa.array(sorted(set().union(*_WORD_LISTS.values())), pa.string())
# for each list, whether each word of _CUE_WORDS is in it (the lists overlap: "about", "more", ...)
_CUE_WORD_MEMBERS = {name: np.isin(_CUE_WORDS.to_numpy(zero_copy_only=False), sorted(words))
                     for name, words in _WORD_LISTS.items()}


@dataclass
class BatchFeatures:
    """Features of the lines of a batch of documents, in document order then line order."""

    dense: np.ndarray  # (lines, len(DENSE_NAMES)) float32
    doc_lengths: np.ndarray  # lines per document
    # namespace -> (strings, line of each, weight); `g` (when asked for): trigram codes (`gram_code`), not strings
    tokens: dict[str, tuple[pa.Array, np.ndarray, np.ndarray]]

    @property
    def n_lines(self) -> int:
        return int(self.doc_lengths.sum())


def _grouped_exclusive_cumsum(values: np.ndarray, doc_of_line: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """For each line, the sum of `values` over the lines above it in its document."""
    inclusive = np.cumsum(values)
    exclusive = inclusive - values
    return exclusive - exclusive[starts][doc_of_line]


def _bucket_onehot(dense: np.ndarray, first_column: int, buckets: np.ndarray) -> None:
    dense[np.arange(len(buckets)), first_column + buckets] = 1.0


def gram_code(gram: str) -> int:
    """A trigram as one integer (its code points side by side)."""
    first, second, third = map(ord, gram)
    return (first << 2 * CODE_BITS) | (second << CODE_BITS) | third


def gram_text(code: int) -> str:
    """The trigram of a `gram_code`."""
    mask = (1 << CODE_BITS) - 1
    return "".join(chr(code >> shift & mask) for shift in (2 * CODE_BITS, CODE_BITS, 0))


def word_grams(words: pa.Array, line_of_word: np.ndarray) -> tuple[pa.Array, np.ndarray, np.ndarray]:
    """The character trigrams of each word as `gram_code`s ("<word>": its ends count), the line of each and its
    weight (1/n for a word of n trigrams), in one numpy pass over the words' code points."""
    if not len(words):
        return pa.array([], pa.uint64()), np.zeros(0, np.int64), np.zeros(0, np.float32)
    padded = "<" + ">\n<".join(words.to_pylist()) + ">\n"
    codes = np.frombuffer(padded.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    ends = codes == ord("\n")
    starts = np.flatnonzero(~(ends[:-2] | ends[1:-1] | ends[2:]))  # trigrams that lie inside one word
    bits = np.uint64(CODE_BITS)
    grams = (codes[starts] << (bits + bits)) | (codes[starts + 1] << bits) | codes[starts + 2]
    word_of_gram = (np.cumsum(ends) - ends)[starts]
    per_word = np.bincount(word_of_gram, minlength=len(words))
    return (pa.array(grams, pa.uint64()), line_of_word[word_of_gram],
            (1.0 / per_word[word_of_gram]).astype(np.float32))


def _no_tokens(space: str) -> tuple[pa.Array, np.ndarray, np.ndarray]:
    values = pa.array([], pa.uint64() if space == GRAM_SPACE else pa.string())
    return values, np.zeros(0, np.int64), np.zeros(0, np.float32)


def batch_features(docs: list[list[str]], text: pa.Array | None = None, grams: bool = False) -> BatchFeatures:
    """Features of every line of `docs` (each a list of non-blank, whitespace-collapsed lines);
    `text`: the same lines, one after another, as a pyarrow string array, when the caller has it;
    `grams`: add the `g` tokens (trigrams of the words of short lines), for models that read them."""
    doc_lengths = np.fromiter(map(len, docs), dtype=np.int64, count=len(docs))
    lines = [line for doc in docs for line in doc]
    n = len(lines)
    dense = np.zeros((n, len(DENSE_NAMES)), dtype=np.float32)
    spaces = TOKEN_SPACES if grams else tuple(space for space in TOKEN_SPACES if space != GRAM_SPACE)
    if n == 0:
        return BatchFeatures(dense, doc_lengths, {space: _no_tokens(space) for space in spaces})
    column = COLUMN

    # --- characters: one pass over the batch's code points ------------------------------------
    lengths = np.fromiter(map(len, lines), dtype=np.int64, count=n)
    codes = np.frombuffer(("\n".join(lines) + "\n").encode("utf-32-le"), dtype=np.uint32)
    classes = _classes(codes)
    line_of_char = np.repeat(np.arange(n, dtype=np.int32), lengths + 1)
    counts = np.bincount(line_of_char * N_CLASSES + classes, minlength=n * N_CLASSES).reshape(n, N_CLASSES)
    line_bounds = np.concatenate(([0], np.cumsum(lengths + 1)))

    def per_line(mask: np.ndarray) -> np.ndarray:
        """How many characters of each line the mask holds."""
        return np.diff(np.searchsorted(np.flatnonzero(mask), line_bounds))

    letters = counts[:, LOWER] + counts[:, UPPER] + counts[:, CASELESS]
    digits = counts[:, DIGIT]
    uppers = counts[:, UPPER]
    spaces = counts[:, SPACE] - 1  # the joining newline
    punct = lengths - letters - digits - spaces
    # words: runs of letters/digits; capitalised words start with an upper-case letter
    is_word = (classes == LOWER) | (classes == UPPER) | (classes == CASELESS) | (classes == DIGIT)
    previous_word = np.concatenate(([False], is_word[:-1]))
    word_start = is_word & ~previous_word
    words = per_line(word_start)
    capitalised = per_line(word_start & (classes == UPPER))
    # whitespace-separated tokens, and those starting with a capital (name-like lines)
    is_text = (classes != SPACE) & (codes != 10)
    previous_text = np.concatenate(([False], is_text[:-1]))
    token_start = is_text & ~previous_text
    n_tokens = per_line(token_start)
    upper_tokens = per_line(token_start & (classes == UPPER))
    commas = per_line(codes == ord(","))
    pipes = per_line(codes == ord("|"))

    line_starts = line_bounds[:-1]
    first_codes = codes[line_starts]
    last_codes = codes[line_starts + lengths - 1]
    first_class, last_class = classes[line_starts], classes[line_starts + lengths - 1]

    safe_chars = np.maximum(lengths, 1)
    safe_words = np.maximum(words, 1)
    dense[:, column["len"]] = np.log1p(lengths) / 8.0
    dense[:, column["words"]] = np.log1p(words) / 5.0
    _bucket_onehot(dense, column["wb=0"], np.searchsorted(WORD_EDGES, words, side="right"))
    dense[:, column["alpha"]] = letters / safe_chars
    dense[:, column["digit"]] = digits / safe_chars
    dense[:, column["punct"]] = punct / safe_chars
    dense[:, column["upper"]] = uppers / np.maximum(letters, 1)
    dense[:, column["cap"]] = np.minimum(capitalised / safe_words, 1.0)
    dense[:, column["commas"]] = np.minimum(commas / safe_words * 5, 1.0)
    dense[:, column["avg_word"]] = np.minimum(letters / safe_words / 10.0, 2.0)
    sentence_end = np.isin(last_codes, [ord(c) for c in ".!?"])
    quote_end = np.isin(last_codes, [ord(c) for c in SENTENCE_END]) & ~sentence_end
    digit_end = last_class == DIGIT
    dense[:, column["end=p"]] = sentence_end
    dense[:, column["end=q"]] = quote_end
    dense[:, column["end=d"]] = digit_end
    dense[:, column["end=o"]] = ~(sentence_end | quote_end | digit_end)
    dense[:, column["pipe"]] = pipes > 0
    dense[:, column["question"]] = last_codes == ord("?")
    dense[:, column["bullet"]] = np.isin(first_codes, [ord(c) for c in BULLETS])
    dense[:, column["lowstart"]] = first_class == LOWER
    dense[:, column["digstart"]] = first_class == DIGIT
    short = words <= SHORT_WORDS
    dense[:, column["short"]] = short
    dense[:, column["name"]] = (words >= 1) & (words <= 4) & ~(sentence_end | quote_end) & (upper_tokens == n_tokens)

    # --- patterns and words: pyarrow (RE2) over all lines at once -----------------------------
    text = pa.array(lines, pa.string()) if text is None else text
    with_digits = np.flatnonzero(digits > 0)
    text_with_digits = text.take(pa.array(with_digits))
    if n >= UNION_MIN_LINES:
        union_hits = np.flatnonzero(pc.match_substring_regex(text, ANY_LINE_UNION).to_numpy(zero_copy_only=False))
        text_of_hits = text.take(pa.array(union_hits))
    else:
        union_hits, text_of_hits = np.arange(n), text
    flags = {}
    for name, pattern in FLAG_PATTERNS.items():
        rows, subset = (with_digits, text_with_digits) if name in NEEDS_DIGIT else (union_hits, text_of_hits)
        flags[name] = np.zeros(n, dtype=bool)
        if len(rows):
            flags[name][rows] = pc.match_substring_regex(subset, pattern).to_numpy(zero_copy_only=False)
    cyrillic = np.flatnonzero(per_line((codes >= CYRILLIC_CODES[0]) & (codes <= CYRILLIC_CODES[1])))
    if len(cyrillic):
        text_with_cyrillic = text.take(pa.array(cyrillic))
        for name, pattern in CYRILLIC_FLAG_PATTERNS.items():
            flags[name][cyrillic] |= pc.match_substring_regex(text_with_cyrillic, pattern).to_numpy(zero_copy_only=False)
    for name in FLAG_PATTERNS:
        dense[:, column[name]] = flags[name]
    # words: split at spaces (the lines are whitespace-collapsed), lowercased, digit runs as "0",
    # punctuation trimmed off both ends
    digits_as_zero = text if not len(with_digits) else pc.replace_with_mask(
        text, pa.array(digits > 0), pc.replace_substring_regex(text_with_digits, r"[0-9]+", "0"))
    split = pc.ascii_split_whitespace(pc.utf8_lower(digits_as_zero))
    all_words = pc.utf8_trim(pc.list_flatten(split), characters=TRIMMED_PUNCTUATION)
    word_line = pc.list_parent_indices(split).to_numpy()
    kept = pc.not_equal(all_words, "").to_numpy(zero_copy_only=False)
    all_words = all_words.filter(pa.array(kept))
    word_line = word_line[kept]
    # one hash lookup in the union of the word lists, then each list's members among the hits
    found = pc.index_in(all_words, value_set=_CUE_WORDS).to_numpy(zero_copy_only=False)
    hit = ~np.isnan(found)
    hit_lines, hit_words = word_line[hit], found[hit].astype(np.int64)
    for name, members in _CUE_WORD_MEMBERS.items():
        share = np.bincount(hit_lines[members[hit_words]], minlength=n) / safe_words
        dense[:, column[name]] = share if name == "stop" else np.minimum(share * 2, 1.0)

    # --- the document around each line ----------------------------------------------------------
    n_docs = len(docs)
    doc_of_line = np.repeat(np.arange(n_docs), doc_lengths)
    doc_starts = np.concatenate(([0], np.cumsum(doc_lengths)[:-1]))
    nonempty_starts = doc_starts[doc_lengths > 0]
    # reduceat over non-empty documents only; map each line to its document's slot among them
    slot = np.cumsum(doc_lengths > 0) - 1
    line_slot = slot[doc_of_line]
    index_in_doc = np.arange(n) - doc_starts[doc_of_line]
    lines_in_doc = doc_lengths[doc_of_line]

    def above(values: np.ndarray) -> np.ndarray:
        return _grouped_exclusive_cumsum(values, doc_of_line, doc_starts)

    def total(values: np.ndarray) -> np.ndarray:
        return np.add.reduceat(values, nonempty_starts)[line_slot]

    position = index_in_doc / lines_in_doc
    dense[:, column["pos"]] = position
    _bucket_onehot(dense, column["posb=0"], np.minimum((10 * position).astype(np.int64), 9))
    total_words = np.maximum(total(words), 1)
    mass = above(words) / total_words
    dense[:, column["mass"]] = mass
    _bucket_onehot(dense, column["massb=0"], np.minimum((10 * mass).astype(np.int64), 9))
    dense[:, column["rel"]] = words / np.maximum(np.maximum.reduceat(words, nonempty_starts)[line_slot], 1)
    is_long = (words >= LONG_WORDS).astype(np.int64)
    is_meta = ((words <= META_WORDS) & (flags["date"] | flags["time"] | flags["ago"] | flags["says"] | flags["by"]
                                        | (dense[:, column["name"]] > 0) | (dense[:, column["commw"]] > 0))).astype(np.int64)
    is_header = flags["ncomm"].astype(np.int64)
    dense[:, column["meta_above"]] = above(is_meta) / np.maximum(total(is_meta), 1)
    long_above = above(is_long)
    long_total = total(is_long)
    dense[:, column["long_above"]] = long_above / np.maximum(long_total, 1)
    headers_above = above(is_header)
    dense[:, column["hdr_above"]] = headers_above > 0
    dense[:, column["hdr_below"]] = total(is_header) - headers_above - is_header > 0
    dense[:, column["before_long"]] = long_above + is_long == 0
    dense[:, column["after_long"]] = long_total - long_above == 0
    dense[:, column["start=1"]] = index_in_doc < 3
    dense[:, column["start=2"]] = (index_in_doc >= 3) & (index_in_doc < 10)
    from_end = lines_in_doc - index_in_doc
    dense[:, column["stop_end=1"]] = from_end <= 3
    dense[:, column["stop_end=2"]] = (from_end > 3) & (from_end <= 10)
    dense[:, column["doc_lines"]] = np.log1p(lines_in_doc) / 7.0
    dense[:, column["doc_words"]] = np.log1p(total_words) / 10.0

    # repetition of the same line, and of the same short-line shape, within a document
    line_codes = pc.dictionary_encode(text).indices.to_numpy().astype(np.int64)
    repeats = _count_within_doc(line_codes, doc_of_line)
    dense[:, column["rep"]] = np.where(repeats > 1, np.minimum(repeats / 5.0, 1.0), 0.0)
    same_as_previous = np.zeros(n, dtype=bool)
    same_as_previous[1:] = (line_codes[1:] == line_codes[:-1]) & (index_in_doc[1:] > 0)
    dense[:, column["dup_prev"]] = same_as_previous
    shaped_lines = np.flatnonzero(words <= SHAPE_WORDS)
    shapes = pc.replace_substring_regex(digits_as_zero.take(pa.array(shaped_lines)), r"[A-Z][^\s,:;!?()]*", "A")
    shape_counts = np.zeros(n, dtype=np.int64)
    if len(shaped_lines):
        shape_codes = pc.dictionary_encode(shapes).indices.to_numpy().astype(np.int64)
        shape_counts[shaped_lines] = _count_within_doc(shape_codes, doc_of_line[shaped_lines])
    _bucket_onehot(dense, column["shape=0"], np.searchsorted(SHAPE_EDGES, shape_counts, side="right"))

    # --- lexical tokens ----------------------------------------------------------------------------
    word_index = np.arange(len(word_line))
    first_of_line = np.full(n, -1, dtype=np.int64)
    last_of_line = np.full(n, -1, dtype=np.int64)
    first_of_line[word_line[::-1]] = word_index[::-1]
    last_of_line[word_line] = word_index
    long_lines = np.flatnonzero(~short & (first_of_line >= 0))
    short_words = short[word_line]
    tokens_per_line = np.maximum(np.bincount(word_line, minlength=n), 1)
    word_weight = (1.0 / tokens_per_line)[word_line].astype(np.float32)
    words_of_short_lines = all_words.filter(pa.array(short_words))
    tokens = {
        "w": (words_of_short_lines, word_line[short_words], np.ones(int(short_words.sum()), np.float32)),
        "w0": (all_words.take(pa.array(first_of_line[long_lines])), long_lines, np.ones(len(long_lines), np.float32)),
        "wl": (all_words.take(pa.array(last_of_line[long_lines])), long_lines, np.ones(len(long_lines), np.float32)),
        "b": (all_words, word_line, word_weight),
    }
    if grams:
        tokens[GRAM_SPACE] = word_grams(words_of_short_lines, word_line[short_words])
    return BatchFeatures(dense, doc_lengths, tokens)


def _count_within_doc(codes: np.ndarray, doc_of_line: np.ndarray) -> np.ndarray:
    """For each line, how many lines of its document share its code."""
    keys = doc_of_line * (int(codes.max()) + 1) + codes
    _, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
    return counts[inverse]
