"""The learned line segmenter: a bidirectional GRU over the lines of a document.

Each line becomes a sparse bag of the features of `features.py` (cue words, shapes, lengths,
window and neighbour statistics), embedded by a learned `EmbeddingBag`; a two-layer bidirectional
GRU reads the whole document in both directions, so every line's label depends on everything
above and below it (where the article's paragraphs end, whether a comment header came before, how
the page is laid out), and a linear layer gives per-line label scores. On held-out training sites
it beats the two-pass CRF of `crf.py` by a wide margin (MODEL_CARD.md).

Storage is one safetensors file: the weights as tensors, and the feature vocabulary, label set and
settings as JSON strings in its metadata. Loading parses JSON and raw tensors only, never pickle.

Adapting to a user's sites: `fit(docs, labels, base=load_segmenter())` starts from the base model's
vocabulary and weights and fine-tunes them on the user's labelled pages (a few epochs, lower
learning rate). Retraining from the shared data plus the user's pages is
`python -m pipeline.segmenter.train --user-jsonl FILE`.
"""

from __future__ import annotations

import json
import logging
import random
from array import array
from collections import Counter
from itertools import accumulate, repeat
from pathlib import Path
from typing import Any

import torch
from safetensors.torch import load_file, save_file
from torch import nn

from pipeline.segmenter.features import document_feature_parts, document_features
from pipeline.segmenter.result import LABELS

log = logging.getLogger(__name__)

FORMAT_NAME = "newsstance-line-segmenter"
FORMAT_VERSION = "2"
DEFAULT_CONFIG: dict[str, Any] = {"embedding": 64, "hidden": 64, "layers": 2, "dropout": 0.2, "neighbours": False}
NETWORK_KEYS = ("embedding", "hidden", "layers", "dropout")
DEFAULT_TRAINING: dict[str, Any] = {"epochs": 8, "lr": 3e-3, "batch_lines": 6000, "min_count": 3, "seed": 13,
                                    "word_weighted": True}
FINE_TUNING: dict[str, Any] = {"epochs": 4, "lr": 1e-3}
BATCH_LINES = 20000  # lines per inference batch


class _Network(nn.Module):
    def __init__(self, vocab_size: int, n_labels: int, embedding: int, hidden: int, layers: int,
                 dropout: float) -> None:
        super().__init__()
        self.embed = nn.EmbeddingBag(vocab_size + 1, embedding, mode="sum", padding_idx=0)
        self.norm = nn.LayerNorm(embedding)
        self.rnn = nn.GRU(embedding, hidden, num_layers=layers, bidirectional=True, batch_first=True,
                          dropout=dropout if layers > 1 else 0.0)
        self.out = nn.Linear(2 * hidden + embedding, n_labels)
        self.drop = nn.Dropout(dropout)

    def forward(self, batch: list[tuple[torch.Tensor, torch.Tensor, torch.Tensor]]) -> torch.Tensor:
        """Label scores, padded: (documents, max lines, labels)."""
        lines = [self.norm(self.embed(index, offsets, per_sample_weights=weights)) for index, weights, offsets in batch]
        lengths = torch.tensor([len(x) for x in lines])
        padded = nn.utils.rnn.pad_sequence(lines, batch_first=True)
        packed = nn.utils.rnn.pack_padded_sequence(self.drop(padded), lengths, batch_first=True, enforce_sorted=False)
        hidden, _ = self.rnn(packed)
        hidden, _ = nn.utils.rnn.pad_packed_sequence(hidden, batch_first=True, total_length=padded.shape[1])
        return self.out(self.drop(torch.cat([hidden, padded], dim=-1)))


def _batches(lengths: list[int], max_lines: int, max_docs: int = 64) -> list[list[int]]:
    """Indices grouped into batches of similar length (little padding)."""
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


def _tensor(values: array, dtype: torch.dtype) -> torch.Tensor:
    """A tensor over an array's buffer (no per-element conversion from Python objects)."""
    return torch.frombuffer(values, dtype=dtype) if len(values) else torch.zeros(0, dtype=dtype)


class LineSegmenter:
    """Labels one document's non-blank lines (see the module docstring)."""

    def __init__(self) -> None:
        self.vocab: dict[str, int] = {}
        self.labels: list[str] = []
        self.config: dict[str, Any] = dict(DEFAULT_CONFIG)
        self.meta: dict[str, Any] = {}
        self.network: _Network | None = None

    def _new_network(self) -> _Network:
        return _Network(len(self.vocab), len(self.labels), **{k: self.config[k] for k in NETWORK_KEYS})

    # --- features ---------------------------------------------------------------------------

    def _encode(self, lines: list[str]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """(feature indices, weights, per-line offsets) for the EmbeddingBag. Unknown features get
        index 0, the bag's padding index, which the bag leaves out of its sums."""
        own, context = document_feature_parts(lines, neighbours=self.config.get("neighbours", True))
        lookup = self.vocab.get
        # the indices of a line's own features are looked up once per distinct line
        own_encoded = {line: (list(map(lookup, features, repeat(0))), list(features.values()))
                       for line, (features, *_) in own.items()}
        index: list[int] = []
        weights: list[float] = []
        sizes: list[int] = []
        for line, line_context in zip(lines, context):
            own_index, own_weights = own_encoded[line]
            index += own_index
            index += map(lookup, line_context, repeat(0))
            weights += own_weights
            weights += line_context.values()
            sizes.append(len(own_index) + len(line_context))
        offsets = accumulate(sizes[:-1], initial=0) if sizes else ()
        return _tensor(array("q", index), torch.long), _tensor(array("f", weights), torch.float32), \
            _tensor(array("q", offsets), torch.long)

    # --- prediction -------------------------------------------------------------------------

    def _require_network(self) -> _Network:
        if self.network is None:
            raise RuntimeError("this LineSegmenter has no model yet: call fit() or load()")
        return self.network

    def predict(self, lines: list[str]) -> list[str]:
        """Labels of one document's non-blank lines, in order."""
        return self.predict_many([lines])[0]

    def predict_many(self, docs: list[list[str]]) -> list[list[str]]:
        """Labels of many documents (batched: faster than one by one)."""
        return [[self.labels[i] for i in row.argmax(-1).tolist()] for row in self._scores(docs)]

    def predict_proba(self, lines: list[str]) -> list[dict[str, float]]:
        """Per-line probability of each label (for confidence reporting)."""
        probabilities = torch.softmax(self._scores([lines])[0], dim=-1)
        return [dict(zip(self.labels, row)) for row in probabilities.tolist()]

    def _scores(self, docs: list[list[str]]) -> list[torch.Tensor]:
        network = self._require_network()
        network.eval()
        results: list[torch.Tensor] = [torch.zeros((0, len(self.labels)))] * len(docs)
        non_empty = [i for i, lines in enumerate(docs) if lines]
        encoded = {i: self._encode(docs[i]) for i in non_empty}
        with torch.inference_mode():
            for batch in _batches([len(docs[i]) for i in non_empty], BATCH_LINES):
                members = [non_empty[j] for j in batch]
                scores = network([encoded[i] for i in members])
                for row, i in enumerate(members):
                    results[i] = scores[row, : len(docs[i])]
        return results

    # --- training ---------------------------------------------------------------------------

    def fit(self, docs: list[list[str]], labels: list[list[str]], *, base: "LineSegmenter | None" = None,
            progress: bool = False, **params: Any) -> "LineSegmenter":
        """Train on documents (lists of non-blank lines) and their labels; returns self.

        `base`: start from this model's vocabulary and weights and fine-tune (defaults: 4 epochs,
        lr 1e-3); a `title` label the base lacks counts as `body`. Without `base`, a fresh model
        (defaults: 8 epochs, lr 3e-3). Parameters: epochs, lr, batch_lines, min_count, seed,
        word_weighted (a line's loss weighs sqrt(1 + words)), embedding, hidden, layers, dropout.
        """
        if len(docs) != len(labels):
            raise ValueError("docs and labels differ in length")
        pairs = [(list(lines), list(doc_labels)) for lines, doc_labels in zip(docs, labels) if lines]
        for lines, doc_labels in pairs:
            if len(lines) != len(doc_labels):
                raise ValueError("a document's lines and labels differ in length")
            unknown = set(doc_labels) - set(LABELS)
            if unknown:
                raise ValueError(f"unknown labels {sorted(unknown)}")
        if not pairs:
            raise ValueError("no non-empty documents to train on")
        training = {**DEFAULT_TRAINING, **(FINE_TUNING if base is not None else {}),
                    **{k: v for k, v in params.items() if k in DEFAULT_TRAINING}}
        torch.manual_seed(training["seed"])
        rng = random.Random(training["seed"])

        iterator: Any = pairs
        if progress:
            from tqdm import tqdm

            iterator = tqdm(pairs, desc="features")
        if base is None:
            self.config = {**DEFAULT_CONFIG, **{k: v for k, v in params.items() if k in DEFAULT_CONFIG}}
        features = [document_features(lines, neighbours=self.config.get("neighbours", True)) for lines, _ in iterator]
        if base is not None:
            base._require_network()
            self.vocab, self.labels, self.config = dict(base.vocab), list(base.labels), dict(base.config)
            self.network = self._new_network()
            self.network.load_state_dict(base.network.state_dict())
            pairs = [(lines, [("body" if y == "title" and "title" not in self.labels else y) for y in doc_labels])
                     for lines, doc_labels in pairs]
        else:
            counts = Counter(name for doc in features for item in doc for name in item)
            kept = sorted(key for key, count in counts.items() if count >= training["min_count"])
            self.vocab = {key: position for position, key in enumerate(kept, start=1)}
            present = {y for _, doc_labels in pairs for y in doc_labels}
            self.labels = [label for label in LABELS if label in present]
            self.network = self._new_network()
        encoded = [self._encode(lines) for lines, _ in pairs]
        targets = [torch.tensor([self.labels.index(y) for y in doc_labels]) for _, doc_labels in pairs]
        # word_weighted: a line's loss weighs sqrt(1 + its words), closer to the word-weighted scores
        line_weights = [torch.tensor([(1.0 + line.count(" ")) ** 0.5 if training["word_weighted"] else 1.0
                                      for line in lines]) for lines, _ in pairs]
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
                scores = network([encoded[i] for i in batch])
                gold = nn.utils.rnn.pad_sequence([targets[i] for i in batch], batch_first=True, padding_value=-100)
                weight = nn.utils.rnn.pad_sequence([line_weights[i] for i in batch], batch_first=True).reshape(-1)
                losses = nn.functional.cross_entropy(scores.reshape(-1, scores.shape[-1]), gold.reshape(-1),
                                                     ignore_index=-100, reduction="none")
                loss = (losses * weight).sum() / weight.sum()
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
        vocab_in_order = sorted(self.vocab, key=self.vocab.__getitem__)
        metadata = {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "labels": json.dumps(self.labels),
            "config": json.dumps(self.config),
            "vocab": json.dumps(vocab_in_order, ensure_ascii=False),
            "meta": json.dumps(self.meta, ensure_ascii=False),
        }
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
        model.vocab = {key: position for position, key in enumerate(json.loads(metadata["vocab"]), start=1)}
        tensors = {name: tensor.float() for name, tensor in load_file(str(path)).items()}
        model.network = model._new_network()
        model.network.load_state_dict(tensors)
        model.network.eval()
        return model
