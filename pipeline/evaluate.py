"""Evaluate: score a saved model on held-out data; write metrics, plots and predictions; promote the champion.

Metrics are macro-F1, accuracy, per-class precision/recall/F1, the confusion matrix and accuracy per outlet
(a model that scores by recognising outlets shows up there). With validation data too, the validation
macro-F1 decides which registered model version carries the `champion` alias.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_recall_curve, \
    precision_recall_fscore_support

from pipeline import tracking
from pipeline.classifiers import load_model, predict, read_model_config
from pipeline.config import Params
from pipeline.ingest import load_records
from pipeline.io import write_json, write_table
from pipeline.train import MODEL_ARTIFACT, data_fingerprint, labelled_rows

log = logging.getLogger(__name__)


def classification_metrics(truth: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> dict[str, Any]:
    labels = list(labels)
    precision, recall, f1, support = precision_recall_fscore_support(
        truth, predicted, labels=labels, zero_division=0)
    return {
        "n": len(truth),
        "macro_f1": float(f1_score(truth, predicted, labels=labels, average="macro", zero_division=0)),
        "accuracy": float(accuracy_score(truth, predicted)),
        "per_class": {label: {"precision": float(precision[i]), "recall": float(recall[i]), "f1": float(f1[i]),
                              "support": int(support[i])} for i, label in enumerate(labels)},
        "confusion": {"labels": labels, "matrix": confusion_matrix(truth, predicted, labels=labels).tolist()},
    }


def per_outlet_accuracy(frame: pd.DataFrame, predicted: Sequence[str]) -> dict[str, dict[str, float]]:
    hits = pd.DataFrame({"source": frame["source"].fillna("(unknown)").to_numpy(),
                         "correct": frame["label"].to_numpy() == np.asarray(predicted)})
    grouped = hits.groupby("source")["correct"].agg(["size", "mean"])
    return {source: {"n": int(row["size"]), "accuracy": float(row["mean"])} for source, row in grouped.iterrows()}


def pr_curve_tables(truth: Sequence[str], predictions: pd.DataFrame, labels: Sequence[str]) -> dict[str, pd.DataFrame]:
    """One-vs-rest precision/recall curve per label (labels absent from `truth` have no curve)."""
    truth = np.asarray(truth)
    tables = {}
    for label in labels:
        if not (truth == label).any():
            continue
        precision, recall, thresholds = precision_recall_curve(truth == label, predictions[f"p_{label}"])
        tables[label] = pd.DataFrame({"recall": recall[:-1], "precision": precision[:-1],
                                      "threshold": thresholds}).round(6)
    return tables


def evaluate_frame(model, frame: pd.DataFrame, labels: Sequence[str]) -> tuple[dict[str, Any], pd.DataFrame]:
    predictions = predict(model, frame)
    metrics = classification_metrics(frame["label"].tolist(), predictions["stance"].tolist(), labels)
    metrics["per_outlet_accuracy"] = per_outlet_accuracy(frame, predictions["stance"].tolist())
    return metrics, predictions


def headline_metrics(report: dict[str, Any]) -> dict[str, Any]:
    return {part: {key: report[part][key] for key in ("n", "macro_f1", "accuracy", "per_class")}
            for part in ("valid", "test") if part in report}


def _prediction_table(frame: pd.DataFrame, predictions: pd.DataFrame) -> pd.DataFrame:
    keep = [c for c in ("id", "source", "title", "label") if c in frame.columns]
    return pd.concat([frame[keep].reset_index(drop=True), predictions.reset_index(drop=True)], axis=1)


def _write_plots(plots_dir: Path, frame: pd.DataFrame, predictions: pd.DataFrame, labels: Sequence[str]) -> None:
    write_table(pd.DataFrame({"actual": frame["label"].to_numpy(), "predicted": predictions["stance"].to_numpy()}),
                plots_dir / "confusion.csv")
    pr_dir = plots_dir / "pr"
    tables = pr_curve_tables(frame["label"].tolist(), predictions, labels)
    for stale in pr_dir.glob("*.csv") if pr_dir.exists() else []:
        if stale.stem not in tables:
            stale.unlink()
    for label, table in tables.items():
        write_table(table, pr_dir / f"{label}.csv")


def run(model_dir: str | Path, data_path: str | Path, out_path: str | Path, params: Params,
        valid_path: str | Path | None = None, plots_dir: str | Path | None = None,
        predictions_path: str | Path | None = None, register: bool = True,
        details_path: str | Path | None = None) -> dict[str, Any]:
    """Evaluate `model_dir` on `data_path` (and `valid_path`); log to MLflow; register and promote.

    `out_path` gets the headline numbers (what `dvc metrics` compares); `details_path` (default: beside it,
    `evaluation.json`) the whole report, with the confusion matrix and accuracy per outlet.
    """
    labels = params.labels
    model = load_model(model_dir)
    config = read_model_config(model_dir)
    kind = config["kind"]
    test_frame = labelled_rows(load_records([data_path], labels), labels, str(data_path))
    report: dict[str, Any] = {"model": kind, "model_dir": str(model_dir)}
    report["test"], test_predictions = evaluate_frame(model, test_frame, labels)
    valid_frame = None
    if valid_path:
        valid_frame = labelled_rows(load_records([valid_path], labels), labels, str(valid_path))
        report["valid"], _ = evaluate_frame(model, valid_frame, labels)

    write_json(headline_metrics(report), out_path)
    write_json(report, details_path or Path(out_path).with_name("evaluation.json"))
    if plots_dir:
        _write_plots(Path(plots_dir), test_frame, test_predictions, labels)
    if predictions_path:
        write_table(_prediction_table(test_frame, test_predictions), predictions_path)

    with tracking.start_run(params.tracking.experiment, stage=f"evaluate@{kind}", run_name=kind,
                            run_id=config.get("run_id"), tags={"model_kind": kind}) as run:
        import mlflow

        mlflow.log_metrics({k: v for k, v in tracking.flatten("", report).items()
                            if not k.startswith(("test.per_outlet", "valid.per_outlet", "test.confusion",
                                                 "valid.confusion"))})
        mlflow.log_dict(report, "evaluation/metrics.json")
        if plots_dir:
            mlflow.log_artifacts(str(plots_dir), "evaluation/plots")
            mlflow.log_figure(confusion_figure(report["test"]["confusion"]), "evaluation/confusion_matrix.png")
        if run.info.run_id != config.get("run_id"):  # the training run is not in this store: log the model here
            mlflow.log_artifacts(str(model_dir), MODEL_ARTIFACT)
        if register and valid_frame is not None:
            champion_metric = params.evaluate.champion_metric
            tracking.register_and_promote(
                params.tracking.registered_model, run.info.run_id, MODEL_ARTIFACT, kind,
                report["valid"][champion_metric], validation_key=data_fingerprint(valid_frame),
                configured_kinds=params.train.models)
    log.info("evaluate@%s: test macro-F1 %.3f, accuracy %.3f on %d articles", kind, report["test"]["macro_f1"],
             report["test"]["accuracy"], report["test"]["n"])
    return report


def confusion_figure(confusion: dict[str, Any]):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels, matrix = confusion["labels"], np.asarray(confusion["matrix"])
    figure, axes = plt.subplots(figsize=(4.5, 4))
    axes.imshow(matrix, cmap="Blues")
    axes.set_xticks(range(len(labels)), labels, rotation=30)
    axes.set_yticks(range(len(labels)), labels)
    axes.set_xlabel("predicted")
    axes.set_ylabel("actual")
    for (i, j), value in np.ndenumerate(matrix):
        axes.text(j, i, str(value), ha="center", va="center")
    figure.tight_layout()
    plt.close(figure)
    return figure

