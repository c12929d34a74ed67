"""Tests of the MiniLM classifiers (pipeline.classifiers.minilm): training, offline loading, saving, MLflow."""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from pipeline.classifiers import load_model, save_model
from pipeline.classifiers.base import model_text
from pipeline.classifiers.minilm import (
    BASE_MODEL_DIR,
    CLASSIFIER_FILE,
    MinilmFinetune,
    MinilmLogreg,
    bundled_model_path,
    chunk_token_ids,
    embed_texts,
    load_base_model,
    load_tokenizer,
)
from pipeline.config import MinilmFinetuneParams, MinilmLogregParams

LABELS = ["sport", "money", "weather"]
# Written for these tests: three topics a sentence encoder separates without any training.
SENTENCES = {
    "sport": [
        "The striker scored twice in the second half to win the cup final.",
        "Our goalkeeper saved a penalty in the last minute of the match.",
        "The tennis champion lost the first set but came back to win.",
        "Fans cheered as the home team took the lead after the break.",
        "The coach praised his players after a hard game on a muddy pitch.",
        "She broke the national record in the hundred metres sprint.",
        "The basketball team signed a new point guard before the season.",
        "A late goal sent the club through to the quarter-finals.",
        "The cyclist attacked on the final climb and won the stage.",
        "The referee showed two red cards during the derby.",
    ],
    "money": [
        "The central bank raised interest rates by a quarter point.",
        "Shares fell sharply after the company reported lower profits.",
        "Inflation slowed last month as fuel prices came down.",
        "Investors moved money into government bonds amid the uncertainty.",
        "The firm plans to cut costs and sell two of its factories.",
        "Mortgage lending rose for the third quarter in a row.",
        "The currency weakened against the dollar after the budget speech.",
        "Analysts expect the bank to report record quarterly earnings.",
        "Small businesses struggle to get loans as credit tightens.",
        "The stock market closed higher on hopes of lower taxes.",
    ],
    "weather": [
        "Heavy rain is expected across the north with strong winds tonight.",
        "Temperatures will climb above thirty degrees by the weekend.",
        "A thick fog covered the valley early this morning.",
        "Snow is forecast on the hills, with frost in sheltered places.",
        "The storm brought thunder, hail and flooding to the coast.",
        "Skies will clear in the afternoon, leaving a cold and starry night.",
        "Forecasters warned of icy roads after the overnight freeze.",
        "A warm sunny spell will last until the middle of next week.",
        "Gusts of wind reached ninety kilometres an hour on the island.",
        "Light showers will spread from the west during the evening.",
    ],
}
TEXTS = [text for label in LABELS for text in SENTENCES[label]]
TARGETS = [label for label in LABELS for _ in SENTENCES[label]]
UNSEEN = {
    "sport": "The midfielder was injured and will miss the next three matches.",
    "money": "The bank cut its growth forecast and warned about rising debt.",
    "weather": "Tomorrow will be windy with rain turning to sleet in the evening.",
}


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a network connection fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


def assert_probabilities(probabilities: np.ndarray, rows: int) -> None:
    assert probabilities.shape == (rows, len(LABELS))
    assert np.all(probabilities >= 0)
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0, atol=1e-6)


def test_minilm_logreg_learns_saves_and_loads(tmp_path: Path, no_network):
    params = MinilmLogregParams(max_tokens=32, batch_size=16)
    classifier = MinilmLogreg(LABELS, params).fit(TEXTS, TARGETS)
    unseen = list(UNSEEN.values())
    probabilities = classifier.predict_proba(unseen)
    assert_probabilities(probabilities, len(unseen))
    assert [LABELS[i] for i in probabilities.argmax(axis=1)] == list(UNSEEN)

    classifier.save(tmp_path)
    assert not (tmp_path / BASE_MODEL_DIR).exists()  # the bundled base model is referenced, not copied
    assert not list(tmp_path.rglob("*.pkl")) and not list(tmp_path.rglob("*.bin"))
    loaded = MinilmLogreg.load(tmp_path, LABELS, params)
    np.testing.assert_allclose(loaded.predict_proba(unseen), probabilities, atol=1e-6)


def test_minilm_logreg_columns_follow_configured_label_order():
    reordered = ["weather", "sport", "money"]
    classifier = MinilmLogreg(reordered, MinilmLogregParams(max_tokens=32)).fit(TEXTS, TARGETS)
    probabilities = classifier.predict_proba([UNSEEN["weather"], UNSEEN["sport"]])
    assert probabilities.argmax(axis=1).tolist() == [0, 1]
    with pytest.raises(ValueError, match="not among the configured labels"):
        classifier.fit(TEXTS, ["politics"] * len(TEXTS))


def test_minilm_finetune_trains_saves_and_loads(tmp_path: Path, no_network):
    params = MinilmFinetuneParams(max_tokens=32, batch_size=8, epochs=1, learning_rate=1e-4)
    classifier = MinilmFinetune(LABELS, params).fit(TEXTS, TARGETS, valid=(TEXTS[::3], TARGETS[::3]))
    assert len(classifier.history) == 1 and "valid_macro_f1" in classifier.history[0]
    probabilities = classifier.predict_proba(TEXTS)
    assert_probabilities(probabilities, len(TEXTS))

    classifier.save(tmp_path)
    weights = list(tmp_path.rglob("*.safetensors"))
    assert weights and not list(tmp_path.rglob("*.bin")) and not list(tmp_path.rglob("*.pkl"))
    loaded = MinilmFinetune.load(tmp_path, LABELS, params)
    assert [loaded.estimator.config.id2label[i] for i in range(3)] == LABELS
    np.testing.assert_allclose(loaded.predict_proba(TEXTS), probabilities, atol=1e-6)


def test_base_model_loads_offline_from_any_local_folder(tmp_path: Path, no_network):
    copy = tmp_path / "my-minilm"
    shutil.copytree(bundled_model_path(), copy)
    assert os.environ["HF_HUB_OFFLINE"] == "1"
    tokenizer, model = load_base_model(copy)
    vectors = embed_texts(tokenizer, model, [UNSEEN["sport"], SENTENCES["sport"][0], UNSEEN["weather"]],
                          max_tokens=32, progress=False)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]  # two sport sentences sit closer than sport/weather


def test_long_texts_are_cut_into_at_most_max_chunks_windows():
    tokenizer = load_tokenizer(None)
    long_text = " ".join(SENTENCES["money"] * 3)
    windows, owners = chunk_token_ids(tokenizer, [long_text, UNSEEN["sport"]], max_tokens=24, max_chunks=2)
    assert owners == [0, 0, 1]
    assert all(len(window) <= 24 and window[0] == tokenizer.cls_token_id and window[-1] == tokenizer.sep_token_id
               for window in windows)
    assert windows[0][1:-1] + windows[1][1:-1] == tokenizer(long_text, add_special_tokens=False)["input_ids"][:44]
    single, _ = chunk_token_ids(tokenizer, [long_text], max_tokens=24, max_chunks=1)
    assert single == windows[:1]


def test_minilm_logreg_with_a_custom_base_model_carries_its_weights(tmp_path: Path, no_network):
    custom = tmp_path / "custom-base"
    shutil.copytree(bundled_model_path(), custom)
    params = MinilmLogregParams(max_tokens=32)
    classifier = MinilmLogreg(LABELS, params, base_model=custom).fit(TEXTS, TARGETS)
    saved = tmp_path / "saved"
    saved.mkdir()
    classifier.save(saved)
    shutil.rmtree(custom)  # the saved classifier must not depend on the original folder
    assert (saved / BASE_MODEL_DIR / "model.safetensors").is_file()
    assert '"base_model": "base_model"' in (saved / CLASSIFIER_FILE).read_text()
    loaded = MinilmLogreg.load(saved, LABELS, params)
    np.testing.assert_allclose(loaded.predict_proba(TEXTS[:5]), classifier.predict_proba(TEXTS[:5]), atol=1e-6)


def test_minilm_logreg_as_mlflow_pyfunc_model(tmp_path: Path, no_network):
    params = MinilmLogregParams(max_tokens=32)
    classifier = MinilmLogreg(LABELS, params).fit(TEXTS, TARGETS)
    frame = pd.DataFrame({"title": ["Match report", "Markets", "Forecast"], "body": list(UNSEEN.values())})
    folder = save_model(classifier, tmp_path / "model", ["title", "body"], params.model_dump())

    predicted = load_model(folder).predict(frame)
    expected = classifier.predict_proba(model_text(frame, ["title", "body"]))
    assert predicted["stance"].tolist() == [LABELS[i] for i in expected.argmax(axis=1)]
    np.testing.assert_allclose(predicted[[f"p_{label}" for label in LABELS]].to_numpy(), expected, atol=1e-6)
