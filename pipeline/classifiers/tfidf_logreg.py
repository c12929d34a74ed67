"""TF-IDF word and bigram features with a multinomial logistic regression: the classical baseline."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np
import skops.io as sio
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from pipeline.config import TfidfLogregParams

ESTIMATOR_FILE = "estimator.skops"
# Everything the saved pipeline may contain; loading refuses any other type (skops' guard against
# code execution from untrusted files).
TRUSTED_TYPES = {
    "sklearn.pipeline.Pipeline",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.linear_model.LogisticRegression",
    "numpy.float64", "numpy.int64", "numpy.dtype", "numpy.ndarray", "builtins.slice",
    "scipy.sparse._csr.csr_matrix", "scipy.sparse._csr.csr_array",
}


class TfidfLogreg:
    kind = "tfidf_logreg"

    def __init__(self, labels: Sequence[str], params: TfidfLogregParams, estimator: Pipeline | None = None):
        self.labels = list(labels)
        self.params = params
        self.estimator = estimator

    def fit(self, texts, labels, valid=None) -> "TfidfLogreg":
        p = self.params
        self.estimator = Pipeline([
            ("tfidf", TfidfVectorizer(max_features=p.max_features, ngram_range=(1, p.ngram_max), min_df=p.min_df,
                                      sublinear_tf=p.sublinear_tf, strip_accents="unicode", lowercase=True)),
            ("logreg", LogisticRegression(C=p.C, class_weight=p.class_weight, max_iter=p.max_iter)),
        ])
        self.estimator.fit(list(texts), list(labels))
        return self

    def predict_proba(self, texts) -> np.ndarray:
        if self.estimator is None:
            raise RuntimeError("TfidfLogreg.predict_proba called before fit/load")
        probabilities = self.estimator.predict_proba(list(texts))
        columns = {label: i for i, label in enumerate(self.estimator.classes_)}
        # A label absent from the training data gets probability 0 rather than a shifted column.
        out = np.zeros((len(probabilities), len(self.labels)))
        for j, label in enumerate(self.labels):
            if label in columns:
                out[:, j] = probabilities[:, columns[label]]
        return out

    def top_features(self, per_label: int = 15) -> dict[str, list[tuple[str, float]]]:
        """The strongest n-grams for each label: what the model learned (look for outlet names here)."""
        vocabulary = np.array(self.estimator.named_steps["tfidf"].get_feature_names_out())
        logreg = self.estimator.named_steps["logreg"]
        coefficients = logreg.coef_
        if coefficients.shape[0] == 1:  # binary problem: one row for the second class
            coefficients = np.vstack([-coefficients[0], coefficients[0]])
        result = {}
        for row, label in zip(coefficients, logreg.classes_):
            order = np.argsort(row)[::-1][:per_label]
            result[str(label)] = [(str(vocabulary[i]), float(row[i])) for i in order]
        return result

    def save(self, folder: Path) -> None:
        sio.dump(self.estimator, Path(folder) / ESTIMATOR_FILE)

    @classmethod
    def load(cls, folder: Path, labels: Sequence[str], params: TfidfLogregParams) -> "TfidfLogreg":
        path = Path(folder) / ESTIMATOR_FILE
        untrusted = set(sio.get_untrusted_types(file=path)) - TRUSTED_TYPES
        if untrusted:
            raise ValueError(f"{path}: refusing to load unexpected types {sorted(untrusted)}")
        return cls(labels, params, sio.load(path, trusted=sorted(sio.get_untrusted_types(file=path))))
