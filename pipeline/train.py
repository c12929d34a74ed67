"""Train: fit one stance classifier on the training split and save it as an MLflow model folder.

The classifier reads the segmented title and body (`train.text_fields`), never the reader comments. The run
logs its parameters, the training data's size and fingerprint, and the model (the saved folder, logged as
the run's `model` artifact so that the registry keeps a copy that outlives DVC's workspace).
"""

from __future__ import annotations

import hashlib
import logging
import time
from pathlib import Path
from typing import Sequence

import pandas as pd

from pipeline import tracking
from pipeline.classifiers import model_text, new_classifier, save_model
from pipeline.config import Params

log = logging.getLogger(__name__)

MODEL_ARTIFACT = "model"


def labelled_rows(frame: pd.DataFrame, labels: Sequence[str], what: str) -> pd.DataFrame:
    """Rows whose label is one of `labels`; others are dropped with a log line saying how many."""
    if "label" not in frame.columns:
        raise ValueError(f"{what}: no 'label' column, cannot train or evaluate")
    keep = frame["label"].isin(list(labels))
    if (~keep).any():
        log.warning("%s: %d of %d rows have no label in %s and are left out", what, int((~keep).sum()),
                    len(frame), list(labels))
    if not keep.any():
        raise ValueError(f"{what}: no rows labelled with any of {list(labels)}")
    return frame.loc[keep].reset_index(drop=True)


def data_fingerprint(frame: pd.DataFrame) -> str:
    """A short hash of ids and labels: which examples a model saw, comparable across runs."""
    digest = hashlib.sha256()
    for record_id, label in zip(frame["id"].astype(str), frame["label"].astype(str)):
        digest.update(f"{record_id}\t{label}\n".encode())
    return digest.hexdigest()[:16]


def train(kind: str, train_frame: pd.DataFrame, params: Params, valid_frame: pd.DataFrame | None = None):
    """A fitted classifier of `kind` (valid data is used only by kinds that stop early on it)."""
    labels = params.labels
    classifier = new_classifier(kind, labels, params.train)
    valid = None
    if valid_frame is not None and len(valid_frame):
        valid = (model_text(valid_frame, params.train.text_fields), valid_frame["label"].tolist())
    classifier.fit(model_text(train_frame, params.train.text_fields), train_frame["label"].tolist(), valid=valid)
    return classifier


def run(kind: str, train_path: str | Path, out_dir: str | Path, params: Params,
        valid_path: str | Path | None = None) -> Path:
    from pipeline.ingest import load_records

    train_frame = labelled_rows(load_records([train_path], params.labels), params.labels, str(train_path))
    valid_frame = (labelled_rows(load_records([valid_path], params.labels), params.labels, str(valid_path))
                   if valid_path else None)
    kind_params = getattr(params.train, kind).model_dump()
    with tracking.start_run(params.tracking.experiment, stage=f"train@{kind}", run_name=kind,
                            tags={"model_kind": kind}) as run:
        import mlflow

        mlflow.log_params({**{f"{kind}.{k}": v for k, v in kind_params.items()}, "model_kind": kind,
                           "labels": ",".join(params.labels), "text_fields": ",".join(params.train.text_fields),
                           "n_train": len(train_frame), "train_fingerprint": data_fingerprint(train_frame),
                           "train_data": str(train_path)})
        mlflow.log_metrics({f"train.n_{label}": float((train_frame["label"] == label).sum())
                            for label in params.labels})
        started = time.perf_counter()
        classifier = train(kind, train_frame, params, valid_frame)
        mlflow.log_metric("train.seconds", time.perf_counter() - started)
        folder = save_model(classifier, out_dir, params.train.text_fields, kind_params,
                            extra={"run_id": run.info.run_id, "train_fingerprint": data_fingerprint(train_frame)})
        mlflow.log_artifacts(str(folder), MODEL_ARTIFACT)
    log.info("train@%s: %d examples -> %s (MLflow run %s)", kind, len(train_frame), folder, run.info.run_id)
    return folder
