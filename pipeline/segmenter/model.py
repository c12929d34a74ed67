"""The learned line segmenter: convolution and a bidirectional GRU over the lines of a document.

Each line's features (`batch_features.py`: numeric features of the line and of its place in the
document, plus lexical tokens) become one vector: a linear map of the numeric features (and, in
models trained with them, the mean fixed word vector of the line's words, `word_vectors.py`) plus the
sum of learned embeddings of its tokens (an `EmbeddingBag`; words, and in models trained with them the words'
character trigrams). A convolution over neighbouring lines
adds local context cheaply, a bidirectional GRU reads the whole document in both directions, so
every line's label depends on everything above and below it (where the article's paragraphs end,
whether a comment header came before, how the page is laid out), and a linear layer gives per-line
label scores. Feature extraction works column-wise on whole batches of documents, so throughput
comes from `predict_many` on many documents at once.

Storage is one safetensors file: the weights (and the fixed word vectors) as tensors, and the token
vocabularies, word list, label set, feature names and settings as JSON strings in its metadata.
Loading parses JSON and raw tensors only, never pickle.

Adapting to a user's sites: `fit(docs, labels, base=load_segmenter())` starts from the base model's
vocabulary and weights and fine-tunes them on the user's labelled pages (a few epochs, lower
learning rate). Retraining from the shared data plus the user's pages is
`python -m pipeline.segmenter.train --user-jsonl FILE`.
"""

from __future__ import annotations

import itertools
import json
import logging
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import torch
from safetensors.torch import load_file, save_file
from torch import nn

from pipeline.segmenter.batch_features import (COLUMN, DENSE_NAMES, GRAM_SPACE, TOKEN_SPACES, BatchFeatures,
                                               batch_features, gram_code, gram_text)
from pipeline.segmenter.cues import (INLINE_PROMPT, INLINE_PROMPT_PARTS, INTERSTITIAL_CANDIDATE_RE2,
                                     archive_banner_length, interstitial_lines)
from pipeline.segmenter.result import LABELS
from pipeline.segmenter.sites import SITE_NAMES, site_features

log = logging.getLogger(__name__)

FORMAT_NAME = "newsstance-line-segmenter"
FORMAT_VERSION = "3"
DEFAULT_CONFIG: dict[str, Any] = {"embedding": 64, "hidden": 64, "layers": 2, "kernel": 1, "window": 256,
                                  "dropout": 0.3, "site_features": True, "word_vectors": 0}
NETWORK_KEYS = ("embedding", "hidden", "layers", "kernel", "window", "dropout")
DEFAULT_TRAINING: dict[str, Any] = {"epochs": 12, "lr": 3e-3, "batch_lines": 6000, "min_count": 3,
                                    "min_word_count": 5, "max_words": 0, "seed": 13, "word_weighted": True,
                                    "token_dropout": 0.0, "line_dropout": 0.0, "distill": 0.0,
                                    "word_vector_dropout": 0.0, "gram_min_count": 0}
WORD_VECTORS_TENSOR = "word_vectors"  # the fixed word vectors' table in a model file (not a network weight)
FINE_TUNING: dict[str, Any] = {"epochs": 4, "lr": 1e-3}
BATCH_DOCS = 64  # documents per feature batch in training
# documents per inference batch: the GRU's sequential steps are shared by a batch's windows, so fewer, larger
# batches take fewer steps (128 was ~6% faster than 64 on the test pages, same labels; 256 slower)
INFERENCE_BATCH_DOCS = 128
# To the network an ad or app prompt in mid-article (cues.INLINE_PROMPT) reads like the article's end (on
# validation pages with one inserted after every third paragraph, body recall fell from 0.944 to 0.885), so
# it reads the page without them, and they are boilerplate.
INLINE_PROMPT_RE2 = "(?i)" + INLINE_PROMPT
# below this many lines a test for cues.INLINE_PROMPT_PARTS in the casefolded text is cheaper than compiling
# the RE2 pattern (about a millisecond); the parts are a necessary condition, since the only non-ASCII letters
# RE2's case folding takes for ASCII ones are the Kelvin sign U+212A and the long s U+017F, which casefold
# maps to "k" and "s"
INLINE_PROMPT_RE2_MIN_LINES = 1000


@dataclass
class _Encoded:
    """A batch's network input: numeric features, and token ids grouped by line for the bag."""

    dense: torch.Tensor  # (lines, features)
    token_ids: torch.Tensor  # ids of known tokens, line by line
    token_weights: torch.Tensor
    bag_offsets: torch.Tensor  # where each line's tokens start in token_ids
    doc_lengths: list[int]

    def select(self, docs: list[int]) -> "_Encoded":
        """The same input restricted to some of the documents, in the given order."""
        line_starts = np.concatenate(([0], np.cumsum(self.doc_lengths)))
        token_starts = np.concatenate((self.bag_offsets.numpy(), [len(self.token_ids)]))
        line_parts, token_parts, sizes = [], [], []
        for doc in docs:
            low, high = line_starts[doc], line_starts[doc + 1]
            line_parts.append(np.arange(low, high))
            token_parts.append(np.arange(token_starts[low], token_starts[high]))
            sizes.append(np.diff(token_starts[low: high + 1]))
        lines = torch.from_numpy(np.concatenate(line_parts)) if line_parts else torch.zeros(0, dtype=torch.long)
        tokens = torch.from_numpy(np.concatenate(token_parts)) if token_parts else torch.zeros(0, dtype=torch.long)
        per_line = np.concatenate(sizes) if sizes else np.zeros(0, dtype=np.int64)
        offsets = np.concatenate(([0], np.cumsum(per_line)[:-1])) if len(per_line) else np.zeros(0, dtype=np.int64)
        return _Encoded(self.dense[lines], self.token_ids[tokens], self.token_weights[tokens],
                        torch.from_numpy(offsets.astype(np.int64)), [self.doc_lengths[d] for d in docs])

    def keep_lines(self, kept: torch.Tensor) -> "_Encoded":
        """The same input with only the lines where `kept` (bool, one per line) is true."""
        per_line = torch.diff(self.bag_offsets, append=torch.tensor([len(self.token_ids)]))
        token_kept = torch.repeat_interleave(kept, per_line)
        kept_sizes = per_line[kept]
        offsets = torch.cumsum(kept_sizes, 0) - kept_sizes
        doc_of_line = torch.repeat_interleave(torch.arange(len(self.doc_lengths)), torch.tensor(self.doc_lengths))
        lengths = torch.bincount(doc_of_line[kept], minlength=len(self.doc_lengths)).tolist()
        return _Encoded(self.dense[kept], self.token_ids[token_kept], self.token_weights[token_kept], offsets, lengths)


class _Network(nn.Module):
    def __init__(self, vocab_size: int, n_dense: int, n_labels: int, embedding: int, hidden: int, layers: int,
                 kernel: int, window: int, dropout: float) -> None:
        super().__init__()
        self.window = window
        self.embed = nn.EmbeddingBag(vocab_size + 1, embedding, mode="sum", padding_idx=0)
        self.dense = nn.Linear(n_dense, embedding)
        self.norm = nn.LayerNorm(embedding)
        self.conv = nn.Conv1d(embedding, embedding, kernel, padding=kernel // 2)
        self.rnn = nn.GRU(embedding, hidden, num_layers=layers, bidirectional=True, batch_first=True,
                          dropout=dropout if layers > 1 else 0.0)
        self.out = nn.Linear(2 * hidden + embedding, n_labels)
        self.drop = nn.Dropout(dropout)

    def forward(self, batch: _Encoded) -> torch.Tensor:
        """Label scores of every line of the batch: (lines, labels), documents one after another.

        No padding: the convolution runs over all documents laid end to end with zero rows between
        them, and the GRU reads a packed sequence built straight from the flat lines."""
        lines = self.embed(batch.token_ids, batch.bag_offsets, per_sample_weights=batch.token_weights)
        lines = self.norm(lines + self.dense(batch.dense))
        layout = _Layout.of(batch.doc_lengths, self.conv.padding[0], self.window, self.window // 8)
        if self.conv.kernel_size[0] == 1:  # a convolution over one line is a linear map, and far faster as one
            context = nn.functional.linear(self.drop(lines), self.conv.weight[:, :, 0], self.conv.bias)
        else:
            spaced = lines.new_zeros((layout.spaced_length, lines.shape[1])).index_copy(0, layout.spaced, self.drop(lines))
            context = self.conv(spaced.T.unsqueeze(0))[0].T.index_select(0, layout.spaced)
        mixed = lines + torch.relu(context)
        packed = nn.utils.rnn.PackedSequence(self.drop(mixed).index_select(0, layout.packed), layout.batch_sizes)
        hidden = self.rnn(packed)[0].data.index_select(0, layout.owner_rows)
        return self.out(self.drop(torch.cat([hidden, mixed], dim=-1)))


@dataclass
class _Layout:
    """Index arrays that place a batch's flat lines for the convolution and the GRU.

    The GRU reads windows of at most `window` lines: a longer document is cut into windows that
    overlap by 2 * `margin` lines, and each line takes its GRU state from the window in which it
    lies at least `margin` lines from a cut. This bounds the GRU's sequential steps (the cost on a
    CPU) whatever the documents' lengths, and lets many documents share every step."""

    spaced: torch.Tensor  # row of each line when documents are separated by `gap` zero rows
    spaced_length: int
    packed: torch.Tensor  # line read at each row of the packed windows (time-major, longest first)
    batch_sizes: torch.Tensor  # windows still running at each step
    owner_rows: torch.Tensor  # for each line, the packed row whose GRU state it takes

    @classmethod
    def of(cls, doc_lengths: list[int], gap: int, window: int, margin: int) -> "_Layout":
        lengths = np.asarray(doc_lengths, dtype=np.int64)
        n_docs, n_lines = len(lengths), int(lengths.sum())
        doc_of_line = np.repeat(np.arange(n_docs), lengths)
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        spaced = np.arange(n_lines) + (doc_of_line + 1) * gap
        # windows: (document, first line in the document, length)
        stride = window - 2 * margin
        pieces = np.maximum(1, -(-(lengths - 2 * margin) // stride))
        piece_doc = np.repeat(np.arange(n_docs), pieces)
        piece_number = np.arange(len(piece_doc)) - np.repeat(np.cumsum(pieces) - pieces, pieces)
        piece_start = piece_number * stride
        piece_length = np.minimum(window, lengths[piece_doc] - piece_start)
        n_pieces = len(piece_doc)
        piece_of_row = np.repeat(np.arange(n_pieces), piece_length)
        step = np.arange(len(piece_of_row)) - np.repeat(np.cumsum(piece_length) - piece_length, piece_length)
        position = piece_start[piece_of_row] + step  # line's position in its document
        line_of_row = starts[piece_doc[piece_of_row]] + position
        # a line belongs to the window where it is at least `margin` lines from a cut (or at a document end)
        low = np.where(piece_number == 0, 0, piece_start + margin)[piece_of_row]
        high = np.where(piece_number == pieces[piece_doc] - 1, np.iinfo(np.int64).max,
                        piece_start + margin + stride)[piece_of_row]
        owned = (position >= low) & (position < high)
        rank = np.empty(n_pieces, dtype=np.int64)
        rank[np.argsort(-piece_length, kind="stable")] = np.arange(n_pieces)
        order = np.argsort(step * n_pieces + rank[piece_of_row], kind="stable")
        row_of_ordered = np.empty_like(order)
        row_of_ordered[order] = np.arange(len(order))
        owner_rows = np.empty(n_lines, dtype=np.int64)
        owner_rows[line_of_row[owned]] = row_of_ordered[np.flatnonzero(owned)]
        return cls(torch.from_numpy(spaced), n_lines + (n_docs + 1) * gap, torch.from_numpy(line_of_row[order]),
                   torch.from_numpy(np.bincount(step)), torch.from_numpy(owner_rows))


def _batches(lengths: list[int], max_lines: int, max_docs: int = BATCH_DOCS) -> list[list[int]]:
    """Indices grouped into batches of documents of similar length (the GRU's steps stay full)."""
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    batches: list[list[int]] = []
    current: list[int] = []
    total = 0
    for index in order:
        if current and (total + lengths[index] > max_lines or len(current) >= max_docs):
            batches.append(current)
            current, total = [], 0
        current.append(index)
        total += lengths[index]
    if current:
        batches.append(current)
    return batches


def _bag_offsets(line_of_token: np.ndarray, n_lines: int) -> np.ndarray:
    """Where each line's tokens start among tokens sorted by line (an `EmbeddingBag`'s offsets)."""
    per_line = np.bincount(line_of_token, minlength=n_lines)
    return np.concatenate(([0], np.cumsum(per_line)[:-1])) if n_lines else np.zeros(0, np.int64)


def _count_tokens(features: list[BatchFeatures]) -> dict[str, pa.Table]:
    """Occurrences of every token (a string; a `gram_code` in `g`), per namespace the features hold."""
    counts = {}
    for space in features[0].tokens:
        values = pa.chunked_array([f.tokens[space][0] for f in features], type=features[0].tokens[space][0].type)
        counts[space] = pa.table({"value_counts": pc.value_counts(values)}).flatten()
    return counts


class LineSegmenter:
    """Labels one document's non-blank lines (see the module docstring)."""

    def __init__(self) -> None:
        self.vocab: dict[str, list[str]] = {}
        self.labels: list[str] = []
        self.config: dict[str, Any] = dict(DEFAULT_CONFIG)
        self.meta: dict[str, Any] = {}
        self.network: _Network | None = None
        self._value_sets: dict[str, tuple[pa.Array, int]] = {}
        self.dense_names: list[str] = list(DENSE_NAMES)  # the line features this model reads
        # fixed word vectors (`word_vectors.py`): the word list as a lookup set, and the (words + 1, dims) table
        # whose row 0 stands for words not in the list; None for a model without them
        self._word_vectors: tuple[pa.Array, torch.Tensor] | None = None

    def _set_word_vectors(self, words: list[str], vectors: np.ndarray | torch.Tensor) -> None:
        table = torch.as_tensor(vectors).half().float()  # as stored in a model file, so a loaded model reads the same
        self._word_vectors = (pa.array(words, pa.string()), torch.cat([table.new_zeros((1, table.shape[1])), table]))

    @property
    def _word_vector_dims(self) -> int:
        return 0 if self._word_vectors is None else int(self._word_vectors[1].shape[1])

    def _set_vocab(self, vocab: dict[str, list[str]]) -> None:
        self.vocab = vocab
        self._value_sets = {}
        offset = 1  # 0 is the bag's padding index: unknown tokens
        for space in TOKEN_SPACES:
            strings = vocab.get(space, [])
            values = pa.array(list(map(gram_code, strings)), pa.uint64()) if space == GRAM_SPACE \
                else pa.array(strings, pa.string())
            self._value_sets[space] = (values, offset)
            offset += len(strings)

    @property
    def reads_grams(self) -> bool:
        """Whether the model reads the `g` tokens (trigrams of the words of short lines; models before them do not)."""
        return bool(self.vocab.get(GRAM_SPACE))

    @property
    def vocab_size(self) -> int:
        return sum(len(strings) for strings in self.vocab.values())

    def _new_network(self) -> _Network:
        return _Network(self.vocab_size, len(self.dense_names) + len(self._site_names) + self._word_vector_dims,
                        len(self.labels),
                        **{k: self.config[k] for k in NETWORK_KEYS})

    # --- features ---------------------------------------------------------------------------

    @property
    def _site_names(self) -> list[str]:
        """Site-template features this model reads (`sites.py`; models before them read none)."""
        return SITE_NAMES if self.config.get("site_features") else []

    def _site_arrays(self, docs: list[list[str]], sites: list[Any] | None) -> list[np.ndarray] | None:
        return site_features(docs, sites) if self._site_names else None

    def _encode(self, features: BatchFeatures, site: list[np.ndarray] | None = None) -> _Encoded:
        """Network input of a batch (`site`: its documents' site features, when the model reads
        them): unknown tokens are left out of the bags."""
        ids, lines, weights = [], [], []
        for space in TOKEN_SPACES:
            if space not in features.tokens or (space == GRAM_SPACE and not self.reads_grams):
                continue
            strings, line_of_token, weight = features.tokens[space]
            value_set, offset = self._value_sets[space]
            found = pc.index_in(strings, value_set=value_set).to_numpy(zero_copy_only=False)
            known = ~np.isnan(found)
            ids.append(found[known].astype(np.int64) + offset)
            lines.append(line_of_token[known])
            weights.append(weight[known])
        token_ids, token_lines, token_weights = np.concatenate(ids), np.concatenate(lines), np.concatenate(weights)
        order = np.argsort(token_lines, kind="stable")
        offsets = _bag_offsets(token_lines, features.n_lines)
        dense = features.dense
        if self.dense_names != DENSE_NAMES or dense.shape[1] != len(self.dense_names):  # an older model
            dense = np.ascontiguousarray(dense[:, [COLUMN[name] for name in self.dense_names]])
        if site is not None:
            stacked = np.concatenate(site) if site else np.zeros((0, len(SITE_NAMES)), np.float32)
            dense = np.concatenate([dense, stacked], axis=1)
        if self._word_vectors is not None:
            dense = np.concatenate([dense, self._mean_word_vectors(features)], axis=1)
        return _Encoded(torch.from_numpy(dense), torch.from_numpy(token_ids[order]),
                        torch.from_numpy(token_weights[order].astype(np.float32)),
                        torch.from_numpy(offsets.astype(np.int64)), features.doc_lengths.tolist())

    def _mean_word_vectors(self, features: BatchFeatures) -> np.ndarray:
        """Per line, the mean fixed vector of its words that the word list holds (zeros for none)."""
        words, table = self._word_vectors
        strings, line_of_word, _ = features.tokens["b"]  # every word of every line, line by line
        found = pc.index_in(strings, value_set=words).to_numpy(zero_copy_only=False)
        known = ~np.isnan(found)
        offsets = _bag_offsets(line_of_word[known], features.n_lines)
        return nn.functional.embedding_bag(torch.from_numpy(found[known].astype(np.int64) + 1), table,
                                           torch.from_numpy(offsets.astype(np.int64)), mode="mean").numpy()

    def _encode_docs(self, docs: list[list[str]], site: list[np.ndarray] | None = None,
                     text: pa.Array | None = None) -> _Encoded:
        return self._encode(batch_features(docs, text, grams=self.reads_grams), site)

    # --- prediction -------------------------------------------------------------------------

    def _require_network(self) -> _Network:
        if self.network is None:
            raise RuntimeError("this LineSegmenter has no model yet: call fit() or load()")
        return self.network

    def predict(self, lines: list[str]) -> list[str]:
        """Labels of one document's non-blank lines, in order."""
        return self.predict_many([lines])[0]

    def predict_many(self, docs: list[list[str]], sites: list[Any] | None = None,
                     batch_docs: int = INFERENCE_BATCH_DOCS, site_rows: list[np.ndarray] | None = None) -> list[list[str]]:
        """Labels of many documents, run through the network `batch_docs` at a time (batched: faster
        than one by one). `sites[i]`: document i's site (outlet, host; None: unknown); lines
        recurring on a site's other pages are evidence of its template (`sites.py`). `site_rows`:
        `site_features(docs, sites)`, when the caller has computed them already."""
        scores = self._scores(docs, sites, batch_docs, site_rows)
        return [[self.labels[i] for i in row.argmax(-1).tolist()] for row in scores]

    def predict_proba(self, lines: list[str]) -> list[dict[str, float]]:
        """Per-line probability of each label (for confidence reporting)."""
        probabilities = torch.softmax(self._scores([lines])[0], dim=-1)
        return [dict(zip(self.labels, row)) for row in probabilities.tolist()]

    def _scores(self, docs: list[list[str]], sites: list[Any] | None = None,
                batch_docs: int = INFERENCE_BATCH_DOCS, site_rows: list[np.ndarray] | None = None) -> list[torch.Tensor]:
        network = self._require_network()
        network.eval()
        site = site_rows if site_rows is not None and self._site_names else self._site_arrays(docs, sites)
        results: list[torch.Tensor] = [torch.zeros((0, len(self.labels)))] * len(docs)
        # documents of similar length share a batch (the GRU's steps stay full)
        non_empty = sorted((i for i, lines in enumerate(docs) if lines), key=lambda i: len(docs[i]))
        with torch.inference_mode():
            for start in range(0, len(non_empty), batch_docs):
                members = non_empty[start:start + batch_docs]
                text = pa.array(list(itertools.chain.from_iterable(docs[i] for i in members)), pa.string())
                hidden = self._hidden_lines([docs[i] for i in members], text)
                kept = {i: ~mask for i, mask in zip(members, hidden) if mask.any()}  # the lines read, where not all
                read = [i for i in members if i not in kept or kept[i].any()]
                if kept:
                    text = text.filter(pa.array(~np.concatenate(hidden)))
                if read:
                    lines = [docs[i] if i not in kept else list(itertools.compress(docs[i], kept[i])) for i in read]
                    site_rows = None if site is None else [site[i] if i not in kept else site[i][kept[i]] for i in read]
                    scores = network(self._encode_docs(lines, site_rows, text))
                    for i, doc_scores in zip(read, torch.split(scores, list(map(len, lines)))):
                        results[i] = doc_scores
                for i, lines_read in kept.items():  # the hidden lines: boilerplate, with certainty
                    full = torch.full((len(lines_read), len(self.labels)), -1e4)
                    full[:, self.labels.index("boilerplate")] = 0.0
                    full[torch.from_numpy(lines_read)] = results[i]
                    results[i] = full
        return results

    def _hidden_lines(self, docs: list[list[str]], text: pa.Array) -> list[np.ndarray]:
        """Per document, which lines are ad or app prompts inside the article (INLINE_PROMPT_RE2;
        `text`: the documents' lines one after another), related-article links between its paragraphs or
        running page headers and footers (`cues.interstitial_lines`), or a web archive's toolbar above the
        page (`cues.archive_banner_length`): the network reads the page without them (none, for a model
        without a boilerplate label)."""
        lengths = [len(lines) for lines in docs]
        if "boilerplate" not in self.labels:
            return [np.zeros(length, dtype=bool) for length in lengths]
        cuts = np.cumsum(lengths)[:-1]
        if len(text) < INLINE_PROMPT_RE2_MIN_LINES:
            candidates = [None] * len(docs)  # `interstitial_lines` picks them with a cheap test
            folded = "\n".join(itertools.chain.from_iterable(docs)).casefold()
            if not any(map(folded.__contains__, INLINE_PROMPT_PARTS)):
                masks = [np.zeros(length, dtype=bool) for length in lengths]
            else:
                masks = np.split(pc.match_substring_regex(text, INLINE_PROMPT_RE2).to_numpy(zero_copy_only=False), cuts)
        else:
            masks = np.split(pc.match_substring_regex(text, INLINE_PROMPT_RE2).to_numpy(zero_copy_only=False), cuts)
            hits = pc.match_substring_regex(text, INTERSTITIAL_CANDIDATE_RE2).to_numpy(zero_copy_only=False)
            candidates = [np.flatnonzero(doc_hits).tolist() for doc_hits in np.split(hits, cuts)]
        for lines, mask, doc_candidates in zip(docs, masks, candidates):
            mask[:archive_banner_length(lines)] = True
            mask[interstitial_lines(lines, doc_candidates)] = True
        return masks

    # --- training ---------------------------------------------------------------------------

    def fit(self, docs: list[list[str]], labels: list[list[str]], *, base: "LineSegmenter | None" = None,
            sites: list[Any] | None = None, teachers: "list[LineSegmenter] | None" = None, progress: bool = False,
            **params: Any) -> "LineSegmenter":
        """Train on documents (lists of non-blank lines) and their labels; returns self. A label may be None: the
        line is read as context but left out of the loss (a partly labelled page).

        `base`: start from this model's vocabulary and weights and fine-tune (defaults: 4 epochs,
        lr 1e-3); a `title` label the base lacks counts as `body`. Without `base`, a fresh model
        (defaults: 12 epochs, lr 3e-3). Parameters: epochs, lr, batch_lines, min_count (tokens of
        short lines, first/last words), min_word_count and max_words (the bag of words), seed,
        word_weighted (a line's loss weighs sqrt(1 + words)), token_dropout (share of lexical
        tokens hidden at random in each training batch), line_dropout (share of lines left out at
        random in each training batch), embedding, hidden, layers, kernel, window,
        dropout, site_features (read `sites.py` features: documents of one site in `sites` are
        compared with each other; train with single documents too, whose site is None), word_vectors
        (dimensions of the fixed word vectors of `word_vectors.py` whose mean over a line's words joins
        its numeric features; 0: none), word_vector_dropout (share of lines whose word vectors are zeroed
        at random in each training batch), gram_min_count (read the `g` tokens, character trigrams of the words
        of short lines, those seen this often in training; 0: none; a base without them learns them, their
        embeddings starting at zero, so the base's reading is where fine-tuning starts), distill.

        `teachers` with `distill` = a > 0: each line's loss is (1 - a) x cross-entropy with its label
        + a x cross-entropy with the teachers' mean label probabilities for it (knowledge distillation:
        one network learns what an ensemble of them predicts, at one network's cost).
        """
        if len(docs) != len(labels) or (sites is not None and len(sites) != len(docs)):
            raise ValueError("docs, labels and sites differ in length")
        kept = [i for i, lines in enumerate(docs) if lines]
        pairs = [(list(docs[i]), list(labels[i])) for i in kept]
        doc_sites = None if sites is None else [sites[i] for i in kept]
        for lines, doc_labels in pairs:
            if len(lines) != len(doc_labels):
                raise ValueError("a document's lines and labels differ in length")
            unknown = set(doc_labels) - set(LABELS) - {None}
            if unknown:
                raise ValueError(f"unknown labels {sorted(unknown)}")
        if not pairs:
            raise ValueError("no non-empty documents to train on")
        training = {**DEFAULT_TRAINING, **(FINE_TUNING if base is not None else {}),
                    **{k: v for k, v in params.items() if k in DEFAULT_TRAINING}}
        torch.manual_seed(training["seed"])
        rng = random.Random(training["seed"])

        starts: Any = range(0, len(pairs), BATCH_DOCS)
        if progress:
            from tqdm import tqdm

            starts = tqdm(starts, desc="features", unit="batch")
        grams = bool(training["gram_min_count"]) or (base is not None and base.reads_grams)
        features = [batch_features([lines for lines, _ in pairs[start:start + BATCH_DOCS]], grams=grams)
                    for start in starts]
        if base is not None:
            base._require_network()
            vocab = {space: list(strings) for space, strings in base.vocab.items()}
            added = 0
            if training["gram_min_count"] and not base.reads_grams:  # a base without grams learns them now
                vocab[GRAM_SPACE] = _vocabulary(features, training)[GRAM_SPACE]
                added = len(vocab[GRAM_SPACE])
            self._set_vocab(vocab)
            self.labels, self.config = list(base.labels), dict(base.config)
            self.dense_names = list(base.dense_names)
            self._word_vectors = base._word_vectors
            self.network = self._new_network()
            state = base.network.state_dict()
            if added:  # the new grams' embeddings start at zero: the base's reading of every line is unchanged
                embedding = state["embed.weight"]
                state["embed.weight"] = torch.cat([embedding, embedding.new_zeros((added, embedding.shape[1]))])
            self.network.load_state_dict(state)
            pairs = [(lines, [("body" if y == "title" and "title" not in self.labels else y) for y in doc_labels])
                     for lines, doc_labels in pairs]
        else:
            self.config = {**DEFAULT_CONFIG, **{k: v for k, v in params.items() if k in DEFAULT_CONFIG}}
            self._set_vocab(_vocabulary(features, training))
            present = {y for _, doc_labels in pairs for y in doc_labels if y is not None}
            self.labels = [label for label in LABELS if label in present]
            self.dense_names = list(DENSE_NAMES)
            self._word_vectors = None
            if self.config["word_vectors"]:
                from pipeline.segmenter.word_vectors import build_word_vectors

                self._set_word_vectors(*build_word_vectors(self.config["word_vectors"]))
            self.network = self._new_network()
        site = self._site_arrays([lines for lines, _ in pairs], doc_sites)
        encoded = _concat([self._encode(f, None if site is None else site[start:start + BATCH_DOCS])
                           for f, start in zip(features, range(0, len(pairs), BATCH_DOCS))])
        targets = [torch.tensor([0 if y is None else self.labels.index(y) for y in doc_labels]) for _, doc_labels in pairs]
        soft = self._teacher_probabilities(teachers, [lines for lines, _ in pairs], doc_sites) \
            if teachers and training["distill"] else None
        # word_weighted: a line's loss weighs sqrt(1 + its words), closer to the word-weighted scores
        # an unlabelled line (None: a partly labelled page) weighs 0
        line_weights = [torch.tensor([0.0 if y is None else (1.0 + line.count(" ")) ** 0.5 if training["word_weighted"]
                                      else 1.0 for line, y in zip(lines, doc_labels)]) for lines, doc_labels in pairs]
        batches = _batches([len(t) for t in targets], training["batch_lines"], max_docs=32)
        network = self.network
        optimiser = torch.optim.AdamW(network.parameters(), lr=training["lr"], weight_decay=1e-4)
        schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=training["lr"],
                                                       total_steps=max(training["epochs"] * len(batches), 1))
        network.train()
        for epoch in range(training["epochs"]):
            rng.shuffle(batches)
            total = 0.0
            for batch in batches:
                selected = encoded.select(batch)
                if training["token_dropout"]:
                    # hide some lexical tokens, as unknown words are at inference on new sites, so
                    # the network also learns to read a line from its shape and its neighbours
                    kept = torch.rand(len(selected.token_weights)) >= training["token_dropout"]
                    selected.token_weights = selected.token_weights * kept
                if training["word_vector_dropout"] and self._word_vectors is not None:
                    # zero some lines' word vectors, as lines whose words are not in the list (another language,
                    # names, numbers) have none at inference: the network must read those lines without them
                    hidden_lines = torch.rand(len(selected.dense)) < training["word_vector_dropout"]
                    selected.dense[hidden_lines, -self._word_vector_dims:] = 0.0
                gold = torch.cat([targets[i] for i in batch])
                weight = torch.cat([line_weights[i] for i in batch])
                taught = None if soft is None else torch.cat([soft[i] for i in batch])
                if training["line_dropout"]:
                    # leave some lines out, so that the network does not rely on exact neighbours
                    # (pages reach users cut, cleaned or flattened differently); every document keeps one
                    kept_lines = torch.rand(len(gold)) >= training["line_dropout"]
                    kept_lines[torch.cumsum(torch.tensor([0] + selected.doc_lengths[:-1]), 0)] = True
                    selected, gold, weight = selected.keep_lines(kept_lines), gold[kept_lines], weight[kept_lines]
                    taught = None if taught is None else taught[kept_lines]
                scores = network(selected)
                losses = nn.functional.cross_entropy(scores, gold, reduction="none")
                if taught is not None:
                    from_teachers = -(taught * torch.log_softmax(scores, dim=-1)).sum(-1)
                    losses = (1 - training["distill"]) * losses + training["distill"] * from_teachers
                loss = (losses * weight).sum() / weight.sum().clamp_min(1e-6)
                optimiser.zero_grad()
                loss.backward()
                nn.utils.clip_grad_norm_(network.parameters(), 1.0)
                optimiser.step()
                schedule.step()
                total += loss.item()
            log.info("epoch %d/%d: loss %.4f", epoch + 1, training["epochs"], total / max(len(batches), 1))
        network.eval()
        self.meta = {**self.meta, "trained_docs": len(pairs), "training": training,
                     "base": base.meta.get("trained_at") if base is not None else None}
        return self

    def _teacher_probabilities(self, teachers: "list[LineSegmenter]", docs: list[list[str]],
                               sites: list[Any] | None) -> list[torch.Tensor]:
        """Per document, the teachers' mean probability of each of this model's labels, per line."""
        total = [torch.zeros((len(lines), len(self.labels))) for lines in docs]
        for teacher in teachers:
            missing = set(teacher.labels) - set(self.labels)
            if missing:
                raise ValueError(f"a teacher predicts labels the training data lacks: {sorted(missing)}")
            columns = torch.tensor([self.labels.index(label) for label in teacher.labels])
            for doc_total, scores in zip(total, teacher._scores(docs, sites)):
                doc_total.index_add_(1, columns, torch.softmax(scores, dim=-1))
        return [doc_total / len(teachers) for doc_total in total]

    # --- storage ----------------------------------------------------------------------------

    def save(self, path: str | Path) -> None:
        """Write one safetensors file: weights (embeddings in float16) plus JSON metadata."""
        network = self._require_network()
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tensors = {}
        for name, tensor in network.state_dict().items():
            tensor = tensor.detach().contiguous()
            tensors[name] = tensor.half() if name == "embed.weight" else tensor
        if self._word_vectors is not None:
            tensors[WORD_VECTORS_TENSOR] = self._word_vectors[1][1:].half().contiguous()
        metadata = {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "labels": json.dumps(self.labels),
            "config": json.dumps(self.config),
            "vocab": json.dumps(self.vocab, ensure_ascii=False),
            "dense_features": json.dumps(self.dense_names),
            "meta": json.dumps(self.meta, ensure_ascii=False),
        }
        if self._word_vectors is not None:
            metadata["word_vector_words"] = json.dumps(self._word_vectors[0].to_pylist(), ensure_ascii=False)
        save_file(tensors, str(path), metadata=metadata)

    @classmethod
    def load(cls, path: str | Path) -> "LineSegmenter":
        from safetensors import safe_open

        with safe_open(str(path), framework="pt") as handle:
            metadata = handle.metadata() or {}
        if metadata.get("format") != FORMAT_NAME or metadata.get("version") != FORMAT_VERSION:
            raise ValueError(f"{path}: not a {FORMAT_NAME} v{FORMAT_VERSION} model")
        model = cls()
        model.labels = json.loads(metadata["labels"])
        model.config = json.loads(metadata["config"])
        model.meta = json.loads(metadata["meta"])
        model.dense_names = json.loads(metadata.get("dense_features", "[]"))
        unknown = [name for name in model.dense_names if name not in COLUMN]
        if unknown or not model.dense_names:
            raise ValueError(f"{path}: made for line features this version does not compute: {unknown[:5]}")
        model._set_vocab(json.loads(metadata["vocab"]))
        tensors = {name: tensor.float() for name, tensor in load_file(str(path)).items()}
        if WORD_VECTORS_TENSOR in tensors:
            model._set_word_vectors(json.loads(metadata["word_vector_words"]), tensors.pop(WORD_VECTORS_TENSOR))
        model.network = model._new_network()
        model.network.load_state_dict(tensors)
        model.network.eval()
        return model


def _vocabulary(features: list[BatchFeatures], training: dict[str, Any]) -> dict[str, list[str]]:
    """Token strings seen often enough in training, per namespace (the bag of words is capped)."""
    vocab = {}
    minimums = {"b": training["min_word_count"], GRAM_SPACE: training["gram_min_count"]}
    for space, table in _count_tokens(features).items():
        values = table.column("value_counts.values").to_pylist()
        if space == GRAM_SPACE:
            values = list(map(gram_text, values))
        counts = table.column("value_counts.counts").to_numpy()
        minimum = minimums.get(space, training["min_count"])
        order = np.argsort(-counts, kind="stable")
        kept = [values[i] for i in order if counts[i] >= minimum]
        if space == "b":
            kept = kept[: training["max_words"]]
        vocab[space] = sorted(kept)
    return vocab


def _concat(parts: list[_Encoded]) -> _Encoded:
    """One encoded input from several batches' (documents in order)."""
    token_counts = [len(part.token_ids) for part in parts]
    token_shift = np.concatenate(([0], np.cumsum(token_counts)[:-1]))
    return _Encoded(
        torch.cat([part.dense for part in parts]),
        torch.cat([part.token_ids for part in parts]),
        torch.cat([part.token_weights for part in parts]),
        torch.cat([part.bag_offsets + int(shift) for part, shift in zip(parts, token_shift)]),
        [length for part in parts for length in part.doc_lengths],
    )
