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
   (MinHash estimates Jaccard and misses such copies; see the benchmark.)
3. Fingerprints found in more than `max_fingerprint_df` documents are site boilerplate
   (disclaimers, footers) and are dropped. An inverted index over the rest yields every pair of
   documents sharing a fingerprint with its count of shared fingerprints.
4. A pair is a copy when it shares at least `min_shared` fingerprints and at least
   `containment_threshold` of the smaller document's. Distinct articles on the same event share
   quotes, names and stock phrases but rarely a tenth of their five-word shingles.
5. Connected components of the accepted pairs are the clusters (scipy); `similarity` is the
   containment estimate of each copy against its canonical member.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
import pandas as pd
import xxhash
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from tqdm.auto import tqdm

logger = logging.getLogger(__name__)


def content_hash(text: str) -> str:
    """Hex hash of the text with case and whitespace normalised (exact-duplicate key)."""
    return xxhash.xxh3_128_hexdigest(" ".join(text.lower().split()).encode("utf-8", "surrogatepass"))


@dataclass(frozen=True)
class DedupParams:
    """Near-duplicate detection settings; the defaults are those tuned on benchmarks/dedup.py."""

    shingle_words: int = 5
    sample_mod: int = 4             # keep shingles whose hash is 0 modulo this (1 in sample_mod)
    min_line_words: int = 4         # shorter lines are menus/bylines/dates, skipped unless they end a wrapped line
    max_fingerprint_df: int = 500   # fingerprints in more documents are boilerplate
    min_shared: int = 5             # shared fingerprints a pair needs at least
    containment_threshold: float = 0.4  # shared / fingerprints of the smaller document
    batch_size: int = 1000          # documents hashed together


# ---------------------------------------------------------------------------------------------
# Fingerprints
# ---------------------------------------------------------------------------------------------

_TERMINAL_PUNCTUATION = tuple('.!?:;"\')”’»')


def _shingle_source(text: str, min_line_words: int) -> str:
    """Lower-cased word stream of the lines that carry prose (see module docstring, step 1)."""
    kept: list[str] = []
    previous_line_open = False
    for line in text.lower().split("\n"):
        n_words = len(line.split())
        if n_words >= min_line_words or (n_words and previous_line_open):
            kept.append(line)
        previous_line_open = n_words >= 2 * min_line_words and not line.rstrip().endswith(_TERMINAL_PUNCTUATION)
    if not kept:
        return text.lower()
    return " ".join(kept)


_MASK64 = (1 << 64) - 1
_BYTE_PRIME = 0x100000001B3  # odd, so invertible modulo 2**64
_BYTE_PRIME_INVERSE = pow(_BYTE_PRIME, -1, 1 << 64)
_SHINGLE_MULTIPLIERS = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD,
     0xC4CEB9FE1A85EC53, 0x27D4EB2F165667C5, 0x85EBCA77C2B2AE63, 0x94D049BB133111EB, 0xBF58476D1CE4E5B9],
    dtype=np.uint64,
)

# Word bytes: ASCII letters and digits, and every byte of a multi-byte UTF-8 character (letters of
# other scripts); the punctuation among the latter is masked out in _word_mask.
_WORD_BYTE = np.zeros(256, dtype=bool)
for _c in b"abcdefghijklmnopqrstuvwxyz0123456789":
    _WORD_BYTE[_c] = True
_WORD_BYTE[0x80:] = True


def _splitmix64(z: np.ndarray) -> np.ndarray:
    z = z + np.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def _word_mask(buf: np.ndarray) -> np.ndarray:
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
    return word


def _batch_fingerprints(texts: list[str], params: DedupParams) -> tuple[np.ndarray, np.ndarray]:
    """(local document index, fingerprint) for every sampled shingle of a batch of texts."""
    encoded = [_shingle_source(t, params.min_line_words).encode("utf-8", "surrogatepass") for t in texts]
    lengths = np.fromiter((len(e) + 1 for e in encoded), dtype=np.int64, count=len(encoded))
    doc_starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    buf = np.frombuffer(b"\n".join(encoded) + b"\n", dtype=np.uint8)
    empty = (np.empty(0, np.int64), np.empty(0, np.uint64))
    if len(buf) == 0:
        return empty

    word = _word_mask(buf)
    edges = np.diff(word.astype(np.int8), prepend=np.int8(0), append=np.int8(0))
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1)
    if len(starts) < params.shingle_words:
        return empty

    # Polynomial hash of each word from prefix sums: (P[end] - P[start]) * p^-start, all mod 2**64.
    with np.errstate(over="ignore"):
        powers = np.cumprod(np.full(len(buf), _BYTE_PRIME, dtype=np.uint64))
        prefix = np.concatenate(([np.uint64(0)], np.cumsum((buf.astype(np.uint64) + np.uint64(1)) * powers)))
        inverse_powers = np.concatenate(
            ([np.uint64(1)], np.cumprod(np.full(len(buf), _BYTE_PRIME_INVERSE, dtype=np.uint64)))
        )
        words = _splitmix64((prefix[ends] - prefix[starts]) * inverse_powers[starts])

        k = params.shingle_words
        n_shingles = len(words) - k + 1
        shingles = words[:n_shingles] * _SHINGLE_MULTIPLIERS[0]
        for j in range(1, k):
            shingles = shingles + words[j:j + n_shingles] * _SHINGLE_MULTIPLIERS[j % len(_SHINGLE_MULTIPLIERS)]
        shingles = _splitmix64(shingles)

    word_doc = np.searchsorted(doc_starts, starts, side="right") - 1
    keep = (word_doc[:n_shingles] == word_doc[k - 1:]) & (shingles % np.uint64(params.sample_mod) == 0)
    return word_doc[:n_shingles][keep], shingles[keep]


def _fingerprints(texts: list[str], params: DedupParams, progress: bool) -> tuple[np.ndarray, np.ndarray]:
    """Unique (document index, fingerprint) pairs, sorted by document then fingerprint."""
    docs, fps = [], []
    batches = range(0, len(texts), params.batch_size)
    for start in tqdm(batches, desc="fingerprints", unit="batch", disable=not progress):
        local_doc, fp = _batch_fingerprints(texts[start:start + params.batch_size], params)
        docs.append((local_doc + start).astype(np.int32))
        fps.append(fp)
    doc = np.concatenate(docs) if docs else np.empty(0, np.int32)
    fp = np.concatenate(fps) if fps else np.empty(0, np.uint64)
    order = np.lexsort((fp, doc))
    doc, fp = doc[order], fp[order]
    first = np.ones(len(doc), dtype=bool)
    first[1:] = (doc[1:] != doc[:-1]) | (fp[1:] != fp[:-1])
    return doc[first], fp[first]


# ---------------------------------------------------------------------------------------------
# Candidate pairs and clusters
# ---------------------------------------------------------------------------------------------

def _drop_boilerplate(doc: np.ndarray, fp: np.ndarray, max_df: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Remove fingerprints found in more than max_df documents; return (doc, fp) sorted by fp and
    the start offset of each fingerprint's posting list."""
    order = np.argsort(fp, kind="stable")
    doc, fp = doc[order], fp[order]
    group_start = np.flatnonzero(np.concatenate(([True], fp[1:] != fp[:-1])))
    df = np.diff(np.append(group_start, len(fp)))
    keep_group = df <= max_df
    keep = np.repeat(keep_group, df)
    n_dropped = int((~keep_group).sum())
    if n_dropped:
        logger.info("dropped %d boilerplate fingerprints (in more than %d documents)", n_dropped, max_df)
    doc, fp = doc[keep], fp[keep]
    group_start = np.flatnonzero(np.concatenate(([True], fp[1:] != fp[:-1]))) if len(fp) else np.empty(0, np.int64)
    return doc, fp, group_start


def _shared_counts(doc: np.ndarray, fp: np.ndarray, group_start: np.ndarray,
                   n_docs: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every document pair (a < b) sharing a fingerprint, with the number they share."""
    if len(fp) == 0:
        return np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.int64)
    df = np.diff(np.append(group_start, len(fp)))
    keys = []
    for size in np.unique(df[df >= 2]):
        starts = group_start[df == size]
        members = doc[starts[:, None] + np.arange(size)]          # (groups, size), docs ascending
        i, j = np.triu_indices(size, 1)
        keys.append((members[:, i].astype(np.int64) * n_docs + members[:, j]).ravel())
    if not keys:
        return np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.int64)
    pair_keys, shared = np.unique(np.concatenate(keys), return_counts=True)
    return pair_keys // n_docs, pair_keys % n_docs, shared


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


def find_near_duplicates(df: pd.DataFrame, params: DedupParams = DedupParams(), text_col: str = "text",
                         id_col: str = "id", date_col: str = "date", progress: bool = False) -> pd.DataFrame:
    """Group near-duplicate documents (copies of one story) into clusters.

    Returns a DataFrame indexed like df with `cluster_id` (same for all copies of one story;
    singletons get their own), `duplicate_of` (id of the cluster's canonical member; None for the
    canonical and singletons) and `similarity` (containment estimate against the canonical; NaN
    for the canonical and singletons)."""
    n = len(df)
    texts = df[text_col].fillna("").astype(str).tolist()
    ids = df[id_col].astype(str).to_numpy()
    doc, fp = _fingerprints(texts, params, progress)
    doc, fp, group_start = _drop_boilerplate(doc, fp, params.max_fingerprint_df)
    n_fp = np.bincount(doc, minlength=n)

    a, b, shared = _shared_counts(doc, fp, group_start, max(n, 1))
    containment = shared / np.maximum(np.minimum(n_fp[a], n_fp[b]), 1)
    accepted = (shared >= params.min_shared) & (containment >= params.containment_threshold)
    a, b, containment = a[accepted], b[accepted], containment[accepted]
    logger.info("%d documents, %d fingerprints, %d candidate pairs, %d accepted",
                n, len(fp), len(shared), len(a))

    graph = coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n))
    _, component = connected_components(graph, directed=False)
    rank = _canonical_order(df, np.fromiter(map(len, texts), dtype=np.int64, count=n), id_col, date_col)
    # The canonical member of each component is the one with the lowest rank.
    best_rank = np.full(component.max() + 1 if n else 0, np.iinfo(np.int64).max)
    np.minimum.at(best_rank, component, rank)
    rank_to_row = np.empty(n, dtype=np.int64)
    rank_to_row[rank] = np.arange(n)
    canonical_row = rank_to_row[best_rank[component]]

    similarity = np.full(n, np.nan)
    is_copy = canonical_row != np.arange(n)
    pair_containment = dict(zip(zip(np.minimum(a, b).tolist(), np.maximum(a, b).tolist()), containment.tolist()))
    doc_offsets = np.searchsorted(np.sort(doc), np.arange(n + 1)) if n else np.zeros(1, np.int64)
    fp_by_doc = fp[np.argsort(doc, kind="stable")]
    for row in np.flatnonzero(is_copy):
        canon = canonical_row[row]
        key = (min(row, canon), max(row, canon))
        if key in pair_containment:
            similarity[row] = pair_containment[key]
        else:
            mine = fp_by_doc[doc_offsets[row]:doc_offsets[row + 1]]
            theirs = fp_by_doc[doc_offsets[canon]:doc_offsets[canon + 1]]
            common = len(np.intersect1d(mine, theirs, assume_unique=True))
            similarity[row] = common / max(min(len(mine), len(theirs)), 1)

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
