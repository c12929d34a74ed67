"""Classifiers save as plain data and load back to the same predictions; the pyfunc adapter wraps them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from pipeline.classifiers import load_classifier, load_model, predict, save_model
from pipeline.classifiers.tfidf_logreg import TfidfLogreg
from pipeline.config import TfidfLogregParams

LABELS = ["pro_us", "pro_russia", "neutral"]
TEXTS = {
    "pro_us": ["Moscow broke the treaty and Washington answered firmly.", "Allies backed the American sanctions."],
    "pro_russia": ["Washington tore up the treaty while Moscow showed restraint.", "The sanctions failed, Moscow said."],
    "neutral": ["Both sides will meet again next month in Geneva.", "The delegations issued separate statements."],
}


def fitted() -> TfidfLogreg:
    texts = [t for label in LABELS for t in TEXTS[label]] * 3
    labels = [label for label in LABELS for _ in TEXTS[label]] * 3
    return TfidfLogreg(LABELS, TfidfLogregParams()).fit(texts, labels)


def test_tfidf_round_trip_gives_identical_probabilities_without_pickle(tmp_path: Path):
    classifier = fitted()
    folder = save_model(classifier, tmp_path / "model", ["title", "body"], TfidfLogregParams().model_dump())
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert not [p for p in files if p.suffix in {".pkl", ".pickle", ".joblib"}]
    loaded, config = load_classifier(folder / "artifacts" / "classifier")
    probe = ["Moscow broke the treaty.", "The talks resume in Geneva."]
    assert np.array_equal(classifier.predict_proba(probe), loaded.predict_proba(probe))
    assert config["kind"] == "tfidf_logreg" and config["labels"] == LABELS


def test_label_order_follows_the_configuration_not_the_alphabet():
    classifier = fitted()
    probabilities = classifier.predict_proba(["Washington tore up the treaty while Moscow showed restraint."])
    assert LABELS[int(probabilities.argmax())] == "pro_russia"
    assert np.allclose(probabilities.sum(axis=1), 1)


def test_pyfunc_predicts_from_title_and_body_or_from_text(tmp_path: Path):
    folder = save_model(fitted(), tmp_path / "model", ["title", "body"], {})
    model = load_model(folder)
    segmented = pd.DataFrame({"id": ["a"], "title": ["Talks"], "body": ["Moscow broke the treaty."],
                              "comments": [[{"author": "x", "date": None, "text": "Washington lies"}]]})
    raw = pd.DataFrame({"text": ["Moscow broke the treaty."]})
    out_segmented, out_raw = predict(model, segmented), predict(model, raw)
    assert list(out_segmented.columns) == ["stance", "p_pro_us", "p_pro_russia", "p_neutral"]
    assert out_segmented.loc[0, "stance"] == out_raw.loc[0, "stance"] == "pro_us"


def test_every_configurable_kind_has_an_implementation():
    from pipeline.classifiers import IMPLEMENTATIONS, classifier_class
    from pipeline.config import MODEL_KINDS

    assert set(IMPLEMENTATIONS) == set(MODEL_KINDS)
    for kind in MODEL_KINDS:
        assert classifier_class(kind).kind == kind
