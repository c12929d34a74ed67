"""Exact and near-duplicate detection for news articles, and the syndication table built from it.

* `content_hash`: a hash of the case- and whitespace-normalised text; the clean stage drops records
  whose hash it has already seen.
* `find_near_duplicates`: groups copies of one story (republished whole, truncated, under another
  site's boilerplate, with reader comments, re-wrapped, with a new headline...) into clusters with a
  canonical member (earliest date, else longest text, ties by id).
* `syndication_table`: who republished whom, how often and with what lag.

How near-duplicates are found. Copies in a crawl are rarely similar as wholes: a copy may keep 40%
of the story and add as much again of comments, so its Jaccard similarity to the original is ~0.3
while most of it is shared text. So the method measures *containment* rather than Jaccard:

1. Each text is lower-cased; lines with fewer than `min_line_words` words (menus, bylines, dates,
   "Reply") are skipped unless they end a wrapped line; the rest is one word stream, so re-wrapping
   does not change it. Words are runs of letters and digits (punctuation and quotes ignored).
2. Every `shingle_words`-word shingle is hashed (vectorised in numpy over a batch of documents:
   a polynomial byte hash per word, combined per shingle, then a 64-bit finaliser), and a shingle
   is kept as a fingerprint when its hash is 0 modulo `sample_mod`. This sampling is consistent
   across documents, so the fingerprints two texts share are exactly the sample of the shingles
   they share, and shared/min(size) estimates the containment of the smaller text in the larger.
3. Boilerplate is dropped: with a source column, fingerprints found in at least
   `site_boilerplate_min_docs` and `site_boilerplate_share` of one site's documents are that
   site's furniture (footers, newsletter pitches, disclaimers) and are dropped from its documents;
   fingerprints in more than `max_fingerprint_df` documents overall are dropped everywhere.
4. An inverted index over the rest yields candidate pairs: all pairs of a posting list of up to
   `all_pairs_max_df` documents, only neighbours in longer lists (a story syndicated many times),
   so the cost stays linear; shared counts are lower bounds, and pairs they leave undecided are
   counted exactly.
5. A pair is a copy when it shares at least `min_shared` fingerprints and at least
   `containment_threshold` of the smaller document's. Distinct articles on the same event share
   quotes, names and stock phrases but rarely a fifth of their five-word shingles.
6. Connected components of the accepted pairs are the clusters (scipy). A component with a member
   less than `cluster_min_similarity` similar to its canonical was joined by a page bridging two
   stories; it is split by cutting its weakest pairs first. `similarity` is the containment
   estimate of each copy against its canonical member.

The benchmark (benchmarks/dedup.py) compares this with MinHash LSH on Jaccard similarity.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import xxhash
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from tqdm.auto import tqdm

logger = logging.getLogger(__name__)


_ASCII_WHITESPACE = b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"
# UTF-8 forms of the other Unicode whitespace characters (str.split's set).
_UNICODE_WHITESPACE = re.compile(b"|".join(
    re.escape(c.encode()) for c in "\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
))


def content_hash(text: str) -> str:
    """Hex hash (128-bit) of the lower-cased text with all whitespace removed: the exact-duplicate
    key, insensitive to case, re-wrapping and spacing."""
    encoded = text.lower().encode("utf-8", "surrogatepass").translate(None, _ASCII_WHITESPACE)
    if not encoded.isascii():
        encoded = _UNICODE_WHITESPACE.sub(b"", encoded)
    return xxhash.xxh3_128_hexdigest(encoded)


@dataclass(frozen=True)
class DedupParams:
    """Near-duplicate detection settings; the defaults are those tuned on benchmarks/dedup.py."""

    shingle_words: int = 5
    sample_mod: int = 4             # keep shingles whose hash is 0 modulo this (1 in sample_mod)
    min_line_words: int = 4         # shorter lines are menus/bylines/dates, skipped unless they end a wrapped line
    all_pairs_max_df: int = 50      # fingerprints in up to this many documents pair all of them
    max_fingerprint_df: int = 1000  # fingerprints in more documents are boilerplate, dropped
    site_boilerplate_min_docs: int = 4      # with a source column: a fingerprint in this many of a
    site_boilerplate_share: float = 0.05    # site's documents (and this share of them) is the site's boilerplate
    min_shared: int = 5             # shared fingerprints a pair needs at least
    containment_threshold: float = 0.45  # shared / fingerprints of the smaller document
    cluster_min_similarity: float = 0.25  # a cluster member less similar to the canonical splits the cluster
    batch_size: int = 1000          # documents hashed together


# ---------------------------------------------------------------------------------------------
# Fingerprints
# ---------------------------------------------------------------------------------------------

_WORD_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93],
                     dtype=np.uint64)
_SHINGLE_MULTIPLIERS = np.array(
    [0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x27D4EB2F165667C5, 0x85EBCA77C2B2AE63, 0x94D049BB133111EB,
     0xBF58476D1CE4E5B9, 0x2545F4914F6CDD1D, 0x9FB21C651E98DF25, 0xD1B54A32D192ED03, 0xAEF17502108EF2D9],
    dtype=np.uint64,
)


def _byte_table(members: bytes) -> np.ndarray:
    table = np.zeros(256, dtype=bool)
    table[list(members)] = True
    return table


# Word bytes: ASCII letters and digits, and every byte of a multi-byte UTF-8 character (letters of
# other scripts); the punctuation among the latter is masked out in _word_bounds.
_WORD_BYTE = _byte_table(b"abcdefghijklmnopqrstuvwxyz0123456789" + bytes(range(0x80, 0x100)))
_BLANK_BYTE = _byte_table(b" \t\r")
_TERMINAL_BYTE = _byte_table(b".!?:;\"')")
_NEWLINE = 10
# Keep-masks for the first L bytes (low end) and the last L bytes (high end) of a little-endian word.
_LOW_BYTES = np.array([(1 << (8 * n)) - 1 for n in range(9)], dtype=np.uint64)
_HIGH_BYTES = np.array([((1 << 64) - 1) ^ ((1 << (8 * (8 - n))) - 1) for n in range(9)], dtype=np.uint64)


def _splitmix64(z: np.ndarray) -> np.ndarray:
    z = z + np.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def _word_bounds(buf: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start and end offsets of the words in a buffer of lower-cased UTF-8."""
    word = _WORD_BYTE[buf]
    n = len(buf)
    # U+2000-U+203F (E2 80 xx: spaces, dashes, curly quotes, ellipsis) and U+0080-U+00BF
    # (C2 xx: no-break space, guillemets, signs) are punctuation, not word characters.
    lead = np.flatnonzero(buf[: max(n - 2, 0)] == 0xE2)
    lead = lead[buf[lead + 1] == 0x80]
    for k in range(3):
        word[lead + k] = False
    lead = np.flatnonzero(buf[: max(n - 1, 0)] == 0xC2)
    for k in range(2):
        word[lead + k] = False
    edges = np.diff(word.view(np.int8), prepend=np.int8(0), append=np.int8(0))
    return np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)


def _prose_words(buf: np.ndarray, starts: np.ndarray, doc_starts: np.ndarray,
                 min_line_words: int) -> tuple[np.ndarray, np.ndarray]:
    """Mask of the words on prose lines (lines of at least min_line_words words, and shorter lines
    that follow a long line ending without punctuation: the tail of a wrapped paragraph; a document
    without any such line keeps all its words), and the document of each word."""
    is_newline = buf == _NEWLINE
    newlines = np.flatnonzero(is_newline)                     # the buffer ends with one
    line_of_byte = np.cumsum(is_newline, dtype=np.int32)      # a newline counts for the next line
    word_line = line_of_byte[starts]
    words_per_line = np.bincount(word_line, minlength=len(newlines))

    last = np.maximum(newlines - 1, 0)                        # last visible byte, skipping two blanks
    for _ in range(2):
        last = np.where(_BLANK_BYTE[buf[last]], np.maximum(last - 1, 0), last)
    last_byte, before_last = buf[last], buf[np.maximum(last - 1, 0)]
    ends_sentence = _TERMINAL_BYTE[last_byte] | (
        ((last_byte == 0x9D) | (last_byte == 0x99)) & (before_last == 0x80)   # ” ’
    ) | ((last_byte == 0xBB) & (before_last == 0xC2))                         # »

    first_line_of_doc = line_of_byte[doc_starts]
    open_line = (words_per_line >= 2 * min_line_words) & ~ends_sentence
    follows_open = np.append(False, open_line[:-1])
    follows_open[first_line_of_doc] = False
    keep_line = (words_per_line >= min_line_words) | ((words_per_line > 0) & follows_open)

    doc_of_line = np.searchsorted(first_line_of_doc, np.arange(len(newlines)), side="right") - 1
    kept_words = np.bincount(doc_of_line, weights=words_per_line * keep_line, minlength=len(doc_starts))
    keep_line |= (kept_words == 0)[doc_of_line]
    return keep_line[word_line], doc_of_line[word_line]


def _gather_u64(aligned: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """The 8 bytes at each byte offset of a buffer viewed as little-endian uint64 words."""
    index = offsets >> 3
    shift = ((offsets & 7) * 8).astype(np.uint64)
    low, high = aligned[index], aligned[index + 1]
    # high << (64 - shift) written as two shifts: a shift by 64 is undefined.
    return (low >> shift) | ((high << (np.uint64(63) - shift)) << np.uint64(1))


def _word_hashes(buf: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """64-bit hash of each word from its length, first 16 bytes and last 8 bytes."""
    size = 8 + len(buf) + 24
    padded = np.zeros(size + (-size) % 8, dtype=np.uint8)
    padded[8:8 + len(buf)] = buf
    aligned = padded.view("<u8")
    length = ends - starts
    starts = starts + 8
    head = _gather_u64(aligned, starts) & _LOW_BYTES[np.minimum(length, 8)]
    middle = np.zeros(len(starts), dtype=np.uint64)     # most words are short: gather only for long ones
    tail = np.zeros(len(starts), dtype=np.uint64)
    long = np.flatnonzero(length > 8)
    middle[long] = _gather_u64(aligned, starts[long] + 8) & _LOW_BYTES[np.minimum(length[long] - 8, 8)]
    long = long[length[long] > 16]
    tail[long] = _gather_u64(aligned, starts[long] + length[long] - 8) & _HIGH_BYTES[np.minimum(length[long] - 16, 8)]
    with np.errstate(over="ignore"):
        mixed = (head * _WORD_MIX[0]) ^ _splitmix64(middle * _WORD_MIX[1] + length.astype(np.uint64)) \
            ^ (tail * _WORD_MIX[2])
        return _splitmix64(mixed)


def _batch_fingerprints(texts: list[str], params: DedupParams) -> tuple[np.ndarray, np.ndarray]:
    """(local document index, fingerprint) of every sampled shingle of a batch of texts."""
    encoded = [t.encode("utf-8", "surrogatepass") for t in texts]
    lengths = np.fromiter((len(e) + 1 for e in encoded), dtype=np.int64, count=len(encoded))
    doc_starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    # bytes.lower() folds ASCII only: copies rarely differ in the case of other letters.
    buf = np.frombuffer((b"\n".join(encoded) + b"\n").lower(), dtype=np.uint8)
    empty = (np.empty(0, np.int64), np.empty(0, np.uint64))

    starts, ends = _word_bounds(buf)
    keep, word_doc = _prose_words(buf, starts, doc_starts, params.min_line_words)
    starts, ends, word_doc = starts[keep], ends[keep], word_doc[keep]
    k = params.shingle_words
    if len(starts) < k:
        return empty
    words = _word_hashes(buf, starts, ends)
    n_shingles = len(words) - k + 1
    with np.errstate(over="ignore"):
        shingles = words[:n_shingles] * _SHINGLE_MULTIPLIERS[0]
        for j in range(1, k):
            shingles += words[j:j + n_shingles] * _SHINGLE_MULTIPLIERS[j % len(_SHINGLE_MULTIPLIERS)]
        shingles = _splitmix64(shingles)
    mod = params.sample_mod
    sampled = (shingles & np.uint64(mod - 1) == 0) if mod & (mod - 1) == 0 else (shingles % np.uint64(mod) == 0)
    keep = (word_doc[:n_shingles] == word_doc[k - 1:]) & sampled
    return word_doc[:n_shingles][keep], shingles[keep]


def _sorted_unique(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted unique values and their counts (np.unique, but sort-based: numpy 2's hash-based
    unique is several times slower on large integer arrays)."""
    values = np.sort(values)
    is_first = np.ones(len(values), dtype=bool)
    is_first[1:] = values[1:] != values[:-1]
    first = np.flatnonzero(is_first)
    return values[first], np.diff(np.append(first, len(values)))


def _starts_of_runs(values: np.ndarray) -> np.ndarray:
    is_start = np.ones(len(values), dtype=bool)
    np.not_equal(values[1:], values[:-1], out=is_start[1:])
    return is_start


def _in_sorted(values: np.ndarray, sorted_set: np.ndarray) -> np.ndarray:
    if not len(sorted_set):
        return np.zeros(len(values), dtype=bool)
    position = np.minimum(np.searchsorted(sorted_set, values), len(sorted_set) - 1)
    return sorted_set[position] == values


@dataclass
class _Fingerprints:
    """Each document's fingerprints and the posting list (documents) of each fingerprint.

    Documents are renumbered in source order ("internal" numbers), so that in a posting list the
    documents of one site sit together. A fingerprint (its top 64 - doc_bits bits: 40 or more
    below a million documents, so random collisions are negligible) and an internal document
    number are packed into one uint64, which np.sort orders by either.
    """

    doc_bits: int
    doc_major: np.ndarray       # (internal doc << fp_bits) | fingerprint, sorted, unique
    doc_offsets: np.ndarray     # internal doc d: doc_major[doc_offsets[d]:doc_offsets[d + 1]]
    internal: np.ndarray        # internal number of each document
    source: np.ndarray          # source code of each internal document
    dropped: np.ndarray         # fingerprints in too many documents (sorted)
    site_dropped: np.ndarray    # (fingerprint << source_bits) | source: a site's boilerplate (sorted)
    source_bits: int
    n_fp: np.ndarray            # fingerprints per internal document, boilerplate excluded
    n_common: np.ndarray        # of which in more than all_pairs_max_df documents
    list_docs: np.ndarray       # internal documents of the posting lists with two or more, concatenated
    list_start: np.ndarray
    list_size: np.ndarray

    def of(self, doc: int) -> np.ndarray:
        """Fingerprints of an internal document, boilerplate excluded."""
        fp_mask = np.uint64((1 << (64 - self.doc_bits)) - 1)
        fps = self.doc_major[self.doc_offsets[doc]:self.doc_offsets[doc + 1]] & fp_mask
        fps = fps[~_in_sorted(fps, self.dropped)]
        site_keys = (fps << np.uint64(self.source_bits)) | np.uint64(self.source[doc])
        return fps[~_in_sorted(site_keys, self.site_dropped)]

    def shared_internal(self, a: int, b: int) -> int:
        return len(np.intersect1d(self.of(a), self.of(b), assume_unique=True))

    def shared(self, a: int, b: int) -> int:
        """Fingerprints shared by documents a and b (original positions)."""
        return self.shared_internal(int(self.internal[a]), int(self.internal[b]))

    def count(self, a: int) -> int:
        """Fingerprints of document a (original position), boilerplate excluded."""
        return int(self.n_fp[self.internal[a]])


def _fingerprints(texts: list[str], params: DedupParams, progress: bool,
                  sources: np.ndarray | None = None) -> _Fingerprints:
    n_docs = len(texts)
    doc_bits = max(1, (n_docs - 1).bit_length())
    fp_bits = 64 - doc_bits
    site_filter = sources is not None
    sources = np.zeros(n_docs, dtype=np.int64) if sources is None else np.asarray(sources, dtype=np.int64)
    order = np.argsort(sources, kind="stable")
    internal = np.empty(n_docs, dtype=np.int64)
    internal[order] = np.arange(n_docs)
    source = sources[order]

    doc_major = []
    batches = range(0, n_docs, params.batch_size)
    for start in tqdm(batches, desc="fingerprints", unit="batch", disable=not progress):
        local_doc, fp = _batch_fingerprints([texts[i] for i in order[start:start + params.batch_size]], params)
        doc = (local_doc + start).astype(np.uint64)
        doc_major.append(_sorted_unique((doc << np.uint64(fp_bits)) | (fp >> np.uint64(doc_bits)))[0])
        del local_doc, fp, doc
    keys = np.concatenate(doc_major) if doc_major else np.empty(0, np.uint64)
    del doc_major
    doc_offsets = np.searchsorted(keys, np.arange(n_docs + 1, dtype=np.uint64) << np.uint64(fp_bits))

    # Posting lists: sorted by fingerprint, then by internal document (so by site within a list).
    # Arrays here hold one value per (document, fingerprint): kept to 32 bits where possible.
    doc_shift = np.uint64(doc_bits)
    doc_mask = np.uint64((1 << doc_bits) - 1)
    fp_major = (keys & np.uint64((1 << fp_bits) - 1)) << doc_shift
    fp_major |= keys >> np.uint64(fp_bits)
    fp_major.sort()
    is_start = _starts_of_runs(fp_major >> doc_shift)
    list_start = np.flatnonzero(is_start)
    list_size = np.diff(np.append(list_start, len(fp_major))).astype(np.int32)
    entry_df = np.repeat(list_size, list_size)

    # A site's boilerplate: runs of one (fingerprint, source) long enough for that site.
    n_sources = int(source.max()) + 1 if n_docs else 1
    source_bits = max(1, (n_sources - 1).bit_length())
    keep = np.ones(len(fp_major), dtype=bool)
    site_dropped = np.empty(0, np.uint64)
    if site_filter:
        entry_source = source.astype(np.int32)[(fp_major & doc_mask).astype(np.int64)]
        is_run_start = is_start.copy()
        is_run_start[1:] |= entry_source[1:] != entry_source[:-1]
        run_start = np.flatnonzero(is_run_start)
        del is_run_start
        run_size = np.diff(np.append(run_start, len(fp_major))).astype(np.int32)
        run_source = entry_source[run_start]
        del entry_source
        docs_per_source = np.bincount(source, minlength=n_sources)
        needed_per_source = np.maximum(params.site_boilerplate_min_docs,
                                       np.ceil(params.site_boilerplate_share * docs_per_source)).astype(np.int32)
        site_run = run_size >= needed_per_source[run_source]
        site_dropped = np.sort(((fp_major[run_start[site_run]] >> doc_shift) << np.uint64(source_bits))
                               | run_source[site_run].astype(np.uint64))
        keep = ~np.repeat(site_run, run_size)
        del run_start, run_size, run_source, site_run
        if len(site_dropped):
            logger.info("dropped %d site-boilerplate fingerprint occurrences", int((~keep).sum()))

    too_common = list_size > params.max_fingerprint_df
    dropped = fp_major[list_start[too_common]] >> doc_shift
    if len(dropped):
        logger.info("dropped %d boilerplate fingerprints (each in more than %d documents)",
                    len(dropped), params.max_fingerprint_df)
    keep &= entry_df <= params.max_fingerprint_df
    del is_start, list_start, list_size
    fp_major, entry_df = fp_major[keep], entry_df[keep]
    del keep
    list_docs = (fp_major & doc_mask).astype(np.int32)
    n_fp = np.bincount(list_docs, minlength=n_docs)
    n_common = np.bincount(list_docs[entry_df > params.all_pairs_max_df], minlength=n_docs)
    del entry_df

    # Posting lists again, after the drops; only those of two or more documents are kept.
    is_start = _starts_of_runs(fp_major >> doc_shift)
    del fp_major
    list_start = np.flatnonzero(is_start)
    list_size = np.diff(np.append(list_start, len(is_start))).astype(np.int32)
    del list_start
    shared_list = list_size >= 2
    list_docs = list_docs[np.repeat(shared_list, list_size)]
    sizes = list_size[shared_list]
    return _Fingerprints(
        doc_bits=doc_bits, doc_major=keys, doc_offsets=doc_offsets, internal=internal, source=source,
        dropped=np.sort(dropped), site_dropped=site_dropped, source_bits=source_bits,
        n_fp=n_fp, n_common=n_common, list_docs=list_docs,
        list_start=np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.int64), list_size=sizes,
    )


# ---------------------------------------------------------------------------------------------
# Candidate pairs
# ---------------------------------------------------------------------------------------------

def _candidate_pairs(fps: _Fingerprints, n_docs: int, all_pairs_max_df: int) -> tuple[np.ndarray, ...]:
    """Document pairs (a < b) that share fingerprints, with a lower bound on how many they share.

    Posting lists of up to all_pairs_max_df documents give all their pairs. Longer lists (a story
    syndicated many times, a phrase common in the news) give only neighbouring documents, so their
    cost stays linear; pairs whose lower bound leaves the decision open are counted exactly later.
    """
    keys = []
    docs, starts, sizes = fps.list_docs, fps.list_start, fps.list_size
    for size in np.unique(sizes[(sizes >= 2) & (sizes <= all_pairs_max_df)]):
        members = docs[starts[sizes == size][:, None] + np.arange(size)]
        i, j = np.triu_indices(size, 1)
        keys.append((members[:, i].astype(np.int64) * n_docs + members[:, j]).ravel())
    long_lists = sizes > all_pairs_max_df
    if long_lists.any():
        in_long = np.repeat(long_lists, sizes)
        positions = np.flatnonzero(in_long)
        list_end = np.repeat(starts + sizes - 1, sizes)[in_long]
        positions = positions[positions < list_end]      # every member but the last, with its successor
        keys.append(docs[positions].astype(np.int64) * n_docs + docs[positions + 1])
    if not keys:
        empty = np.empty(0, np.int64)
        return empty, empty, empty
    all_keys = np.concatenate(keys)
    del keys
    all_keys.sort()
    is_first = np.ones(len(all_keys), dtype=bool)
    is_first[1:] = all_keys[1:] != all_keys[:-1]
    first = np.flatnonzero(is_first)
    del is_first
    pair_keys, shared = all_keys[first], np.diff(np.append(first, len(all_keys)))
    del all_keys, first
    return pair_keys // n_docs, pair_keys % n_docs, shared


def _accepted_pairs(fps: _Fingerprints, n_docs: int, params: DedupParams) -> tuple[np.ndarray, ...]:
    """Pairs (a < b, original positions) that are copies of one another, with their containment."""
    a, b, shared = _candidate_pairs(fps, n_docs, params.all_pairs_max_df)
    smaller = np.maximum(np.minimum(fps.n_fp[a], fps.n_fp[b]), 1)
    needed = np.maximum(params.min_shared, np.ceil(params.containment_threshold * smaller))
    sure = shared >= needed
    upper_bound = shared + np.minimum(fps.n_common[a], fps.n_common[b])
    open_question = np.flatnonzero(~sure & (upper_bound >= needed))
    for i in open_question.tolist():
        shared[i] = fps.shared_internal(int(a[i]), int(b[i]))
    accepted = shared >= needed
    logger.info("%d candidate pairs, %d counted exactly, %d accepted", len(a), len(open_question), int(accepted.sum()))
    original = np.argsort(fps.internal)           # internal number -> original position
    a, b = original[a[accepted]], original[b[accepted]]
    return np.minimum(a, b), np.maximum(a, b), shared[accepted] / smaller[accepted]


# ---------------------------------------------------------------------------------------------
# Clusters
# ---------------------------------------------------------------------------------------------

def _components(members: list[int], neighbours: dict[int, dict[int, float]], min_similarity: float) -> list[list[int]]:
    """Connected components of members over the pairs at least min_similarity similar."""
    member_set, seen, groups = set(members), set(), []
    for start in members:
        if start in seen:
            continue
        seen.add(start)
        group, stack = [], [start]
        while stack:
            doc = stack.pop()
            group.append(doc)
            for other, sim in neighbours[doc].items():
                if sim >= min_similarity and other in member_set and other not in seen:
                    seen.add(other)
                    stack.append(other)
        groups.append(group)
    return groups


def _split_incoherent(members: list[int], rank: np.ndarray, neighbours: dict[int, dict[int, float]],
                      is_coherent, params: DedupParams) -> dict[int, int]:
    """Split a component whose members are not all similar to its canonical. Returns {member: canonical}.

    The weakest pairs go first: the pairs kept must be ever more similar (in steps of 0.1) until
    every group is coherent; a story's copies are linked more strongly than two stories are by a
    shared passage. Documents left alone then join the group of their most similar neighbour that
    stays coherent with them, earliest first (a copy with much added text keeps its story, a page
    bridging two stories joins one of them). A group still incoherent when
    only near-identical pairs are left is split into stars around its earliest documents.
    """
    group_of: dict[int, int] = {}
    orphans: list[int] = []
    pending = [(members, params.containment_threshold)]
    while pending:
        group, threshold = pending.pop()
        if is_coherent(group):
            group_of.update({m: group[0] for m in group})
        elif threshold + 0.1 > 1.0:
            group_of.update(_star_split(group, rank, neighbours))
        else:
            for sub in _components(group, neighbours, threshold + 0.1):
                if len(sub) == 1:
                    orphans.append(sub[0])
                else:
                    pending.append((sub, threshold + 0.1))
    groups: dict[int, list[int]] = {}
    for member, group in group_of.items():
        groups.setdefault(group, []).append(member)
    for orphan in sorted(orphans, key=lambda m: rank[m]):
        linked: dict[int, float] = {}
        for other, sim in neighbours[orphan].items():
            if other in group_of:
                linked[group_of[other]] = max(sim, linked.get(group_of[other], 0.0))
        joined = next((g for g in sorted(linked, key=lambda g: -linked[g]) if is_coherent(groups[g] + [orphan])),
                      orphan)
        group_of[orphan] = joined
        groups.setdefault(joined, []).append(orphan)
    canonical_of_group: dict[int, int] = {}
    for member, group in group_of.items():
        best = canonical_of_group.get(group)
        if best is None or rank[member] < rank[best]:
            canonical_of_group[group] = member
    return {member: canonical_of_group[group] for member, group in group_of.items()}


def _star_split(members: list[int], rank: np.ndarray, neighbours: dict[int, dict[int, float]]) -> dict[int, int]:
    """Split a component into stars: in canonical order, a document with no earlier centre among
    its neighbours becomes a centre; every other document joins the earlier centre it is most
    similar to. Returns {member: centre}."""
    centre_of: dict[int, int] = {}
    centres: set[int] = set()
    for doc in sorted(members, key=lambda m: rank[m]):
        linked = {c: sim for c, sim in neighbours[doc].items() if c in centres}
        if linked:
            centre_of[doc] = max(linked, key=lambda c: (linked[c], -rank[c]))
        else:
            centres.add(doc)
            centre_of[doc] = doc
    return centre_of


def _clusters(n: int, a: np.ndarray, b: np.ndarray, containment: np.ndarray, rank: np.ndarray,
              fingerprints: _Fingerprints, params: DedupParams) -> tuple[np.ndarray, np.ndarray]:
    """Canonical row of each document and its similarity to it (NaN for canonicals).

    Clusters are the connected components of the accepted pairs, which keeps a story syndicated
    many times together even where only neighbouring copies were compared. One wrong pair would
    join two stories, though; so a component with a member less than cluster_min_similarity
    similar to its canonical is split (see _split_incoherent).
    """
    graph = coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n))
    _, component = connected_components(graph, directed=False)
    best_rank = np.full(component.max() + 1 if n else 0, np.iinfo(np.int64).max)
    np.minimum.at(best_rank, component, rank)
    rank_to_row = np.empty(n, dtype=np.int64)
    rank_to_row[rank] = np.arange(n)
    canonical_row = rank_to_row[best_rank[component]]

    pair_containment = dict(zip(zip(a.tolist(), b.tolist()), containment.tolist()))

    def similarity_to(row: int, canon: int) -> float:
        key = (min(row, canon), max(row, canon))
        if key not in pair_containment:
            smaller = max(min(fingerprints.count(row), fingerprints.count(canon)), 1)
            pair_containment[key] = fingerprints.shared(row, canon) / smaller
        return pair_containment[key]

    def is_coherent(group: list[int]) -> bool:
        canon = min(group, key=lambda m: rank[m])
        return all(similarity_to(m, canon) >= params.cluster_min_similarity for m in group if m != canon)

    copies = np.flatnonzero(canonical_row != np.arange(n))
    similarity = np.full(n, np.nan)
    for row in copies.tolist():
        similarity[row] = similarity_to(row, int(canonical_row[row]))

    incoherent = np.unique(component[copies[similarity[copies] < params.cluster_min_similarity]])
    if len(incoherent):
        members_of = pd.Series(np.arange(n)).groupby(component).agg(list)
        neighbours: dict[int, dict[int, float]] = {}
        for x, y, sim in zip(a.tolist(), b.tolist(), containment.tolist()):
            neighbours.setdefault(x, {})[y] = sim
            neighbours.setdefault(y, {})[x] = sim
        for comp in incoherent.tolist():
            for member, canon in _split_incoherent(members_of[comp], rank, neighbours, is_coherent, params).items():
                canonical_row[member] = canon
                similarity[member] = np.nan if member == canon else similarity_to(member, canon)
        logger.info("split %d incoherent clusters", len(incoherent))
    return canonical_row, similarity


def _canonical_order(df: pd.DataFrame, lengths: np.ndarray, id_col: str, date_col: str) -> np.ndarray:
    """Rank of each row as a canonical candidate: earliest date first (rows without a date after
    dated ones), then longest text, then smallest id."""
    if date_col in df.columns:
        dates = pd.to_datetime(df[date_col], errors="coerce", utc=True, format="mixed")
        date_key = dates.astype("int64").to_numpy(dtype=np.float64, copy=True)
        date_key[dates.isna().to_numpy()] = np.inf
    else:
        date_key = np.zeros(len(df))
    length_key = -lengths
    id_key = df[id_col].astype(str).to_numpy()
    order = np.lexsort((id_key, length_key, date_key))
    rank = np.empty(len(df), dtype=np.int64)
    rank[order] = np.arange(len(df))
    return rank


def _cluster_id(canonical_id: str) -> str:
    return "c" + xxhash.xxh64_hexdigest(str(canonical_id).encode("utf-8", "surrogatepass"))


def _source_codes(sources) -> np.ndarray:
    """One code per site; documents without a source each count as a site of their own."""
    labels = pd.Series(sources, dtype=object).replace("", None)
    codes = pd.factorize(labels)[0]
    missing = codes < 0
    codes[missing] = codes.max(initial=-1) + 1 + np.arange(int(missing.sum()))
    return codes


def _pairs_and_fingerprints(texts: list[str], params: DedupParams, sources, progress: bool):
    source_codes = _source_codes(sources) if sources is not None else None
    fingerprints = _fingerprints(list(texts), params, progress, source_codes)
    return _accepted_pairs(fingerprints, max(len(texts), 1), params), fingerprints


def near_duplicate_pairs(texts: list[str], params: DedupParams = DedupParams(),
                         sources: list | np.ndarray | None = None, progress: bool = False) -> pd.DataFrame:
    """All pairs of texts (positions a < b) that are copies of one another, with the containment
    estimate (shared fingerprints / fingerprints of the smaller text); `sources` (one label per
    text) enables the site-boilerplate filter."""
    (a, b, containment), _ = _pairs_and_fingerprints(texts, params, sources, progress)
    return pd.DataFrame({"a": a, "b": b, "containment": containment})


def find_near_duplicates(df: pd.DataFrame, params: DedupParams = DedupParams(), text_col: str = "text",
                         id_col: str = "id", date_col: str = "date", progress: bool = False,
                         source_col: str | None = "source") -> pd.DataFrame:
    """Group near-duplicate documents (copies of one story) into clusters.

    Returns a DataFrame indexed like df with `cluster_id` (same for all copies of one story;
    singletons get their own), `duplicate_of` (id of the cluster's canonical member; None for the
    canonical and singletons) and `similarity` (containment estimate against the canonical; NaN
    for the canonical and singletons). When df has `source_col`, fingerprints repeated across many
    documents of one site are treated as that site's boilerplate."""
    n = len(df)
    texts = df[text_col].fillna("").astype(str).tolist()
    ids = df[id_col].astype(str).to_numpy()
    sources = df[source_col].to_numpy() if source_col and source_col in df.columns else None
    (a, b, containment), postings = _pairs_and_fingerprints(texts, params, sources, progress)

    rank = _canonical_order(df, np.fromiter(map(len, texts), dtype=np.int64, count=n), id_col, date_col)
    canonical_row, similarity = _clusters(n, a, b, containment, rank, postings, params)
    is_copy = canonical_row != np.arange(n)

    canonical_ids = ids[canonical_row]
    return pd.DataFrame(
        {
            "cluster_id": [_cluster_id(c) for c in canonical_ids],
            "duplicate_of": [c if copy else None for c, copy in zip(canonical_ids, is_copy)],
            "similarity": similarity,
        },
        index=df.index,
    )


# ---------------------------------------------------------------------------------------------
# Syndication
# ---------------------------------------------------------------------------------------------

SYNDICATION_COLUMNS = ["original_source", "copying_source", "n_stories", "median_lag_days",
                       "min_lag_days", "max_lag_days", "example_cluster_ids"]


def syndication_table(df: pd.DataFrame, source_col: str = "source", date_col: str = "date",
                      max_examples: int = 3, include_same_source: bool = False) -> pd.DataFrame:
    """One row per (original_source, copying_source): how many stories (clusters) the second
    republished from the first, and the lag in days between the canonical's date and the copy's
    (null when dates are missing). df needs id, source, date, cluster_id and duplicate_of."""
    copies = df[df["duplicate_of"].notna()]
    if copies.empty:
        return pd.DataFrame(columns=SYNDICATION_COLUMNS)
    by_id = df.set_index(df["id"].astype(str))
    originals = by_id.loc[copies["duplicate_of"].astype(str)]
    dates = (lambda s: pd.to_datetime(s, errors="coerce", utc=True, format="mixed")) if date_col in df.columns else None
    lag = (
        (dates(copies[date_col]).to_numpy() - dates(originals[date_col]).to_numpy()) / pd.Timedelta(days=1)
        if dates is not None else np.full(len(copies), np.nan)
    )
    pairs = pd.DataFrame({
        "original_source": originals[source_col].astype(str).to_numpy(),
        "copying_source": copies[source_col].astype(str).to_numpy(),
        "cluster_id": copies["cluster_id"].to_numpy(),
        "lag_days": np.asarray(lag, dtype=float),
    })
    if not include_same_source:
        pairs = pairs[pairs["original_source"] != pairs["copying_source"]]
    if pairs.empty:
        return pd.DataFrame(columns=SYNDICATION_COLUMNS)
    table = (
        pairs.groupby(["original_source", "copying_source"], sort=False)
        .agg(
            n_stories=("cluster_id", "nunique"),
            median_lag_days=("lag_days", "median"),
            min_lag_days=("lag_days", "min"),
            max_lag_days=("lag_days", "max"),
            example_cluster_ids=("cluster_id", lambda s: sorted(set(s))[:max_examples]),
        )
        .reset_index()
        .sort_values(["n_stories", "original_source", "copying_source"], ascending=[False, True, True])
        .reset_index(drop=True)
    )
    return table[SYNDICATION_COLUMNS]
