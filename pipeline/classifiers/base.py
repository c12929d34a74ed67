"""The interface every stance classifier implements, and what text a classifier reads.

A classifier maps texts to a probability per configured label. It saves itself into a folder without
pickle (skops for scikit-learn, safetensors for torch) and loads back from it; `pipeline.classifiers.pyfunc`
wraps any of them as one MLflow model with a single `predict`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, Sequence

import numpy as np
import pandas as pd


class StanceClassifier(Protocol):
    kind: str
    labels: list[str]

    def fit(self, texts: Sequence[str], labels: Sequence[str],
            valid: tuple[Sequence[str], Sequence[str]] | None = None) -> "StanceClassifier": ...

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Shape (len(texts), len(self.labels)), rows summing to 1, columns in `self.labels` order."""
        ...

    def save(self, folder: Path) -> None: ...

    @classmethod
    def load(cls, folder: Path) -> "StanceClassifier": ...


def model_text(frame: pd.DataFrame, fields: Sequence[str]) -> list[str]:
    """The text a model reads: the chosen fields joined by a blank line.

    `body` falls back to `text` for records that were not segmented (a user's JSONL scored directly), so
    the same model works on both; comments are never read.
    """
    columns = []
    for name in fields:
        if name == "body" and "body" not in frame.columns:
            name = "text"
        if name in frame.columns:
            columns.append(frame[name].fillna("").astype(str))
    if not columns:
        raise ValueError(f"none of the text fields {list(fields)} (or 'text') is in the data; "
                         f"columns are {list(frame.columns)}")
    joined = columns[0]
    for column in columns[1:]:
        joined = joined.str.cat(column, sep="\n\n")
    return joined.str.strip().tolist()
