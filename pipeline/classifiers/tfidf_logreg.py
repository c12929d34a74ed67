"""TF-IDF word and bigram features with a multinomial logistic regression: the classical baseline."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import json

import numpy as np
from safetensors.numpy import load_file, save_file
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from pipeline.config import TfidfLogregParams

SETTINGS_FILE = "tfidf_logreg.json"
ARRAYS_FILE = "tfidf_logreg.safetensors"
VECTORIZER_SETTINGS = ("lowercase", "strip_accents", "ngram_range", "sublinear_tf", "norm", "use_idf",
                       "smooth_idf", "analyzer", "token_pattern", "max_features", "min_df")
LOGREG_SETTINGS = ("C", "max_iter")


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
        """Vocabulary and settings as JSON, arrays as safetensors: plain data, loaded without executing code.

        (skops serialises the vocabulary dict entry by entry: minutes for 50k terms.)
        """
        vectorizer = self.estimator.named_steps["tfidf"]
        logreg = self.estimator.named_steps["logreg"]
        terms = [None] * len(vectorizer.vocabulary_)
        for term, index in vectorizer.vocabulary_.items():
            terms[index] = term
        settings = {
            "vectorizer": {k: v for k, v in vectorizer.get_params().items() if k in VECTORIZER_SETTINGS},
            "logreg": {k: v for k, v in logreg.get_params().items() if k in LOGREG_SETTINGS},
            "classes": [str(c) for c in logreg.classes_],
            "vocabulary": terms,
        }
        (Path(folder) / SETTINGS_FILE).write_text(json.dumps(settings), encoding="utf-8")
        arrays = {"idf": vectorizer.idf_, "coef": logreg.coef_, "intercept": logreg.intercept_}
        # safetensors writes the raw buffer: a Fortran-ordered coef_ (lbfgs) must be made C-ordered first.
        save_file({name: np.ascontiguousarray(a) for name, a in arrays.items()}, str(Path(folder) / ARRAYS_FILE))

    @classmethod
    def load(cls, folder: Path, labels: Sequence[str], params: TfidfLogregParams) -> "TfidfLogreg":
        settings = json.loads((Path(folder) / SETTINGS_FILE).read_text(encoding="utf-8"))
        arrays = load_file(str(Path(folder) / ARRAYS_FILE))
        vectorizer_settings = dict(settings["vectorizer"])
        vectorizer_settings["ngram_range"] = tuple(vectorizer_settings["ngram_range"])
        vectorizer = TfidfVectorizer(**vectorizer_settings, vocabulary=settings["vocabulary"])
        vectorizer.idf_ = arrays["idf"]
        logreg = LogisticRegression(**settings["logreg"])
        logreg.classes_ = np.array(settings["classes"], dtype=object)
        logreg.coef_, logreg.intercept_ = arrays["coef"], arrays["intercept"]
        logreg.n_features_in_ = arrays["coef"].shape[1]
        return cls(labels, params, Pipeline([("tfidf", vectorizer), ("logreg", logreg)]))
