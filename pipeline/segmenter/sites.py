"""Site-template features: which of a document's lines recur on other pages of the same site.

A site prints its menus, share prompts, disclaimers, newsletter boxes and footers on every page,
while an article's paragraphs and its readers' comments belong to that page alone. When several
documents of one site (outlet, host) are segmented together, each line gets:

* `site_share`: the share of the site's other documents that hold the same line (case ignored,
  every digit read as 0: "12 Comments" and "40 comments" are one line);
* `site_any`: 1 when at least one of them does;
* `site_others`: how many other documents were compared (log-scaled to 0..1), so that the model can
  tell "recurs nowhere" from "nothing to compare with".

Copies of the document itself (the same article twice on one site, a syndicated story re-posted) would
make its paragraphs recur, so a document is not compared with another that holds more than half of the
words of its long lines. A site's documents are compared in chunks of up to `SITE_CHUNK` (in input order,
sizes as equal as possible, no chunk of one page when the site has several), which bounds the cost of
large sites. A document without a site, or the only one of its site, gets zeros: the model was
trained on such documents too and then reads the page alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

SITE_NAMES = ["site_share", "site_any", "site_others"]
SITE_CHUNK = 32  # documents of one site compared with each other at most
COPY_SHARE = 0.5  # another document holding more of the long-line words than this is a copy
LONG_LINE_WORDS = 12  # lines of at least this many words are article-like (paragraphs, comments)


_DIGITS_TO_ZERO = np.arange(256, dtype=np.uint8)
_DIGITS_TO_ZERO[ord("1"):ord("9") + 1] = ord("0")


def line_keys(lines: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(key id of each line, words of each key): lines (whitespace-collapsed, as `text.split_lines`
    gives them) count as the same when they match lowercased and with every digit as 0 (so a number's
    length still counts: keys keep the line's length, which lets the digits be mapped in place). Column-wise,
    no Python loop over lines: digits are single bytes in UTF-8, so they are mapped in the buffer."""
    lowered = pc.utf8_lower(pa.array(lines, pa.string()))
    _validity, offsets, data = lowered.buffers()
    zeroed = _DIGITS_TO_ZERO[np.frombuffer(data, dtype=np.uint8)] if data is not None else np.zeros(0, np.uint8)
    keys = pa.StringArray.from_buffers(len(lowered), offsets, pa.py_buffer(zeroed.tobytes()), offset=lowered.offset)
    encoded = pc.dictionary_encode(keys)
    words = pc.add(pc.count_substring(encoded.dictionary, " "), 1)
    return encoded.indices.to_numpy(zero_copy_only=False), words.to_numpy(zero_copy_only=False).astype(np.float32)


def even_parts(items: list, most: int) -> list[list]:
    """The items in order, cut into parts of at most `most` items and sizes as equal as possible; a part
    of one item is avoided when there are several (a site's last page would have nothing to be compared
    with), at the price of a part of `most` + 1."""
    n_parts = max(1, min(-(-len(items) // most), len(items) // 2))
    size, extra = divmod(len(items), n_parts)
    bounds = np.cumsum([0] + [size + (part < extra) for part in range(n_parts)])
    return [items[bounds[part]:bounds[part + 1]] for part in range(n_parts)]


def site_features(docs: Sequence[Sequence[str]], sites: Sequence[Hashable | None] | None,
                  chunk: int = SITE_CHUNK) -> list[np.ndarray]:
    """Per document, a (lines, len(SITE_NAMES)) float32 array of the features above; `sites[i]` is
    document i's site (None: unknown)."""
    features = [np.zeros((len(lines), len(SITE_NAMES)), dtype=np.float32) for lines in docs]
    if sites is None:
        return features
    if len(sites) != len(docs):
        raise ValueError(f"{len(sites)} sites given for {len(docs)} documents")
    members: dict[Hashable, list[int]] = defaultdict(list)
    for index, site in enumerate(sites):
        if site is not None and len(docs[index]):
            members[site].append(index)
    parts = [part for indices in members.values() for part in even_parts(indices, chunk) if len(part) > 1]
    compared = [d for part in parts for d in part]
    if not compared:
        return features
    key_ids, key_words = line_keys([line for d in compared for line in docs[d]])
    bounds = np.cumsum([0] + [len(docs[d]) for d in compared])
    start_of = {d: (bounds[i], bounds[i + 1]) for i, d in enumerate(compared)}
    for part in parts:
        _compare(part, [key_ids[slice(*start_of[d])] for d in part], key_words, features, chunk)
    return features


RECURRING_SHARE = 0.5  # a line on at least half of the site's other documents ...
RECURRING_MIN_OTHERS = 3  # ... of at least this many is part of the site's template


def recurring_lines(features: np.ndarray, chunk: int = SITE_CHUNK) -> np.ndarray:
    """Which lines of one document (its `site_features` array) the site prints on at least
    RECURRING_SHARE of at least RECURRING_MIN_OTHERS other documents (copies of it not counted)."""
    others = np.expm1(features[:, 2] * np.log1p(chunk - 1))
    return (features[:, 0] >= RECURRING_SHARE) & (others >= RECURRING_MIN_OTHERS - 0.01)


def template_evidence(docs: Sequence[Sequence[str]], sites: Sequence[Hashable | None] | None
                      ) -> tuple[list[np.ndarray] | None, list[np.ndarray | None]]:
    """The documents' `site_features` (None when no document has a site) and each one's
    `recurring_lines` (None without features): computed once, for the model and the rules."""
    if sites is None or all(site is None for site in sites):
        return None, [None] * len(docs)
    rows = site_features(docs, sites)
    return rows, [recurring_lines(features) for features in rows]


def _compare(part: list[int], doc_keys: list[np.ndarray], key_words: np.ndarray, features: list[np.ndarray],
             chunk: int) -> None:
    """Fill the features of the documents `part` of one site (their lines' key ids `doc_keys`), each
    compared with the others."""
    columns, inverse = np.unique(np.concatenate(doc_keys), return_inverse=True)
    words = key_words[columns]
    bounds = np.cumsum([0] + [len(keys) for keys in doc_keys])
    doc_columns = [inverse[bounds[row]:bounds[row + 1]] for row in range(len(part))]
    present = np.zeros((len(part), len(columns)), dtype=np.float32)
    for row, cols in enumerate(doc_columns):
        present[row, cols] = 1.0
    long_words = present * np.where(words >= LONG_LINE_WORDS, words, 0.0)
    shared = long_words @ present.T  # [d, e]: words of d's long lines that e holds too
    own = np.diag(shared).copy()
    is_copy = shared > COPY_SHARE * np.maximum(own, 1.0)[:, None]
    np.fill_diagonal(is_copy, True)
    compared = (~is_copy).astype(np.float32)
    counts = compared @ present  # [d, line]: other (non-copy) documents holding the line
    others = compared.sum(axis=1)
    scale = np.log1p(chunk - 1)
    for row, d in enumerate(part):
        if others[row] == 0:
            continue
        found = counts[row, doc_columns[row]]
        features[d][:, 0] = found / others[row]
        features[d][:, 1] = found > 0
        features[d][:, 2] = np.log1p(others[row]) / scale
