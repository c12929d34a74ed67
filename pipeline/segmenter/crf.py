"""The baseline line segmenter: linear-chain CRFs over line features, in two stacked passes.

`CrfSegmenter` has the same interface as `LineSegmenter` (predict / fit / save / load) and was the
first model of the project; the shipped model is the recurrent `LineSegmenter` (model.py), which
measured better on held-out training sites (see MODEL_CARD.md). The CRF stays as a fast, small
comparison point in `benchmarks/segmentation.py`.

It wraps python-crfsuite: training writes crfsuite's own binary model, kept in memory and stored,
base64-encoded, inside one JSON file together with its settings (no pickle). Two passes: the first
CRF labels lines from their own features and those of their neighbours; the second also sees
wide-window summaries of the first pass's marginal probabilities (`stacking.py`), trained on
out-of-fold first-pass predictions (folds by `groups`, e.g. the site). `fit(..., base=other)` adds
another model's marginals as features (stacking, for adaptation with few pages).
"""

from __future__ import annotations

import base64
import json
import logging
import os
import tempfile
import zlib
from pathlib import Path
from typing import Any

import pycrfsuite

import numpy as np

from pipeline.segmenter.features import document_features
from pipeline.segmenter.stacking import stacked_features

log = logging.getLogger(__name__)

FORMAT_NAME = "newsstance-crf-segmenter"
FORMAT_VERSION = 1
DEFAULT_PARAMS: dict[str, Any] = {"c1": 0.05, "c2": 0.01, "max_iterations": 200, "feature.minfreq": 2}


def _train_crf(sequences: list[tuple[list[dict], list[str]]], params: dict[str, Any]) -> bytes:
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.select("lbfgs", "crf1d")
    trainer.set_params(params)
    for features, labels in sequences:
        trainer.append(features, labels)
    with tempfile.TemporaryDirectory() as tmp:
        model_path = os.path.join(tmp, "model.crfsuite")
        trainer.train(model_path)
        return Path(model_path).read_bytes()


class _Tagger(pycrfsuite.Tagger):
    """A crfsuite tagger that owns the buffer it reads: crfsuite does not copy in-memory models."""

    model_bytes: bytes


def _open_tagger(model_bytes: bytes) -> pycrfsuite.Tagger:
    tagger = _Tagger()
    tagger.model_bytes = model_bytes
    tagger.open_inmemory(model_bytes)
    return tagger


def _marginals(tagger: pycrfsuite.Tagger, features: list[dict]) -> tuple[list[str], np.ndarray, list[str]]:
    """(labels, marginals lines x label_names, label_names) of one sequence."""
    tagger.set(features)
    labels = tagger.tag()
    names = tagger.labels()
    marginals = np.array([[tagger.marginal(name, index) for name in names] for index in range(len(features))])
    return labels, marginals, names


def _merge(first: list[dict], second: list[dict]) -> list[dict]:
    return [{**a, **b} for a, b in zip(first, second)]


def _word_counts(lines: list[str]) -> list[int]:
    return [line.count(" ") + 1 for line in lines]


class CrfSegmenter:
    """Sequence labeller for the lines of one document (see the module docstring)."""

    def __init__(self, stages: list[bytes] | None = None, params: dict[str, Any] | None = None,
                 base: "CrfSegmenter | None" = None, meta: dict[str, Any] | None = None) -> None:
        self.params = dict(params or {})
        self.base = base
        self.meta = dict(meta or {})
        self._stages: list[bytes] = list(stages or [])
        self._taggers = [_open_tagger(model) for model in self._stages]

    @property
    def labels(self) -> list[str]:
        return list(self._taggers[-1].labels()) if self._taggers else []

    def _base_features(self, lines: list[str]) -> list[dict]:
        features = document_features(lines)
        if self.base is not None and features:
            _, marginals, names = self.base._final(lines)
            features = _merge(features, stacked_features(marginals, names, _word_counts(lines), prefix="b"))
        return features

    def _final(self, lines: list[str]) -> tuple[list[str], np.ndarray, list[str]]:
        """Labels and marginals of the last pass."""
        if not self._taggers:
            raise RuntimeError("this CrfSegmenter has no model yet: call fit() or load()")
        features = self._base_features(lines)
        labels, marginals, names = _marginals(self._taggers[0], features)
        for tagger in self._taggers[1:]:
            stacked = stacked_features(marginals, names, _word_counts(lines))
            labels, marginals, names = _marginals(tagger, _merge(features, stacked))
        return labels, marginals, names

    def predict(self, lines: list[str]) -> list[str]:
        """Labels of one document's non-blank lines, in order."""
        if not lines:
            return []
        if not self._taggers:
            raise RuntimeError("this CrfSegmenter has no model yet: call fit() or load()")
        features = self._base_features(lines)
        if len(self._taggers) == 1:
            return list(self._taggers[0].tag(features))
        _, marginals, names = _marginals(self._taggers[0], features)
        stacked = stacked_features(marginals, names, _word_counts(lines))
        return list(self._taggers[1].tag(_merge(features, stacked)))

    def predict_many(self, docs: list[list[str]]) -> list[list[str]]:
        return [self.predict(lines) for lines in docs]

    def predict_marginals(self, lines: list[str]) -> list[dict[str, float]]:
        """Per-line marginal probability of each label (for confidence reporting)."""
        if not lines:
            return []
        _, marginals, names = self._final(lines)
        return [dict(zip(names, map(float, row))) for row in marginals]

    def fit(self, docs: list[list[str]], labels: list[list[str]], *, base: "CrfSegmenter | None" = None,
            stages: int = 2, folds: int = 3, groups: list[str] | None = None, progress: bool = False,
            **params: Any) -> "CrfSegmenter":
        """Train on documents (lists of non-blank lines) and their per-line labels; returns self.

        `base`: an existing segmenter whose predictions become features (adaptation with few pages).
        `stages`: 1 (one CRF) or 2 (stacked second pass, trained on `folds` out-of-fold first passes;
        `groups` gives each document's group, e.g. its site, so folds never split a site).
        Other keyword arguments are crfsuite training parameters (c1, c2, max_iterations, ...).
        """
        if len(docs) != len(labels):
            raise ValueError("docs and labels differ in length")
        if stages not in (1, 2):
            raise ValueError("stages must be 1 or 2")
        self.base = base
        self.params = {**DEFAULT_PARAMS, **params, "stages": stages, "folds": folds}
        crf_params = {k: v for k, v in self.params.items() if k not in ("stages", "folds")}
        kept = [(i, lines, list(doc_labels)) for i, (lines, doc_labels) in enumerate(zip(docs, labels)) if lines]
        for _, lines, doc_labels in kept:
            if len(lines) != len(doc_labels):
                raise ValueError("a document's lines and labels differ in length")
        if not kept:
            raise ValueError("no non-empty documents to train on")
        iterator = kept
        if progress:
            from tqdm import tqdm

            iterator = tqdm(kept, desc="features")
        features = [self._base_features(lines) for _, lines, _ in iterator]
        first = _train_crf([(f, y) for f, (_, _, y) in zip(features, kept)], crf_params)
        self._stages = [first]
        if stages == 2:
            group_keys = [str(groups[i]) if groups is not None else str(i) for i, _, _ in kept]
            fold_of = [zlib.crc32(key.encode("utf-8")) % folds for key in group_keys]
            stacked: list[list[dict] | None] = [None] * len(kept)
            for fold in range(folds):
                train_idx = [j for j, f in enumerate(fold_of) if f != fold]
                held_idx = [j for j, f in enumerate(fold_of) if f == fold]
                if not held_idx:
                    continue
                if not train_idx:  # too few groups for folds: fall back to the full first pass
                    tagger = _open_tagger(first)
                else:
                    log.info("first pass for fold %d/%d (%d docs)", fold + 1, folds, len(train_idx))
                    tagger = _open_tagger(_train_crf([(features[j], kept[j][2]) for j in train_idx], crf_params))
                for j in held_idx:
                    _, marginals, names = _marginals(tagger, features[j])
                    stacked[j] = _merge(features[j], stacked_features(marginals, names, _word_counts(kept[j][1])))
            log.info("second pass")
            self._stages.append(_train_crf([(stacked[j], kept[j][2]) for j in range(len(kept))], crf_params))
        self._taggers = [_open_tagger(model) for model in self._stages]
        self.meta = {**self.meta, "trained_docs": len(kept)}
        log.info("trained %d-pass CRF on %d documents (%d bytes)", stages, len(kept), sum(map(len, self._stages)))
        return self

    def to_dict(self) -> dict[str, Any]:
        if not self._stages:
            raise RuntimeError("nothing to save: the segmenter is not trained")
        return {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "params": self.params,
            "meta": self.meta,
            "crfsuite_models_b64": [base64.b64encode(model).decode("ascii") for model in self._stages],
            "base": self.base.to_dict() if self.base is not None else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "CrfSegmenter":
        if data.get("format") != FORMAT_NAME or data.get("version") != FORMAT_VERSION:
            raise ValueError(f"not a {FORMAT_NAME} v{FORMAT_VERSION} model")
        base = cls.from_dict(data["base"]) if data.get("base") else None
        stages = [base64.b64decode(model) for model in data["crfsuite_models_b64"]]
        return cls(stages=stages, params=data.get("params"), base=base, meta=data.get("meta"))

    def save(self, path: str | Path) -> None:
        """Write the model as one JSON file (crfsuite's binary models inside, base64)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_dict()), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> "CrfSegmenter":
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))
