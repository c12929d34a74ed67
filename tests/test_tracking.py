"""MLflow store location, run tags and champion promotion."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline import tracking


def test_store_is_anchored_on_dvc_root(monkeypatch, tmp_path: Path):
    monkeypatch.delenv("MLFLOW_TRACKING_URI", raising=False)
    monkeypatch.setenv("DVC_ROOT", str(tmp_path))
    monkeypatch.chdir(Path("/"))
    assert tracking.tracking_uri() == f"sqlite:///{tmp_path.resolve()}/mlflow.db"


def test_store_defaults_to_the_repository_root(monkeypatch, tmp_path: Path):
    monkeypatch.delenv("MLFLOW_TRACKING_URI", raising=False)
    monkeypatch.delenv("DVC_ROOT", raising=False)
    (tmp_path / "dvc.yaml").write_text("stages: {}\n")
    (tmp_path / "notebooks").mkdir()
    monkeypatch.chdir(tmp_path / "notebooks")
    assert tracking.tracking_uri() == f"sqlite:///{tmp_path.resolve()}/mlflow.db"


def test_environment_overrides_the_store(monkeypatch):
    monkeypatch.setenv("MLFLOW_TRACKING_URI", "sqlite:////elsewhere/x.db")
    assert tracking.tracking_uri() == "sqlite:////elsewhere/x.db"


def test_run_tags_name_stage_and_experiment(monkeypatch):
    monkeypatch.setenv("DVC_EXP_NAME", "brave-otter")
    tags = tracking.run_tags("train@tfidf_logreg")
    assert tags["dvc_experiment"] == "brave-otter"
    assert tags["newsstance.stage"] == "train@tfidf_logreg"


def test_select_champion_prefers_the_best_then_the_first():
    assert tracking.select_champion({"a": 0.5, "b": 0.7, "c": 0.7}) == "b"
    assert tracking.select_champion({"a": None, "b": 0.1}) == "b"
    assert tracking.select_champion({}) is None


def test_champion_moves_only_among_versions_scored_on_the_same_validation_data(mlflow_store: Path, tmp_path: Path):
    import mlflow
    from mlflow import MlflowClient

    from pipeline.classifiers import load_model, save_model
    from pipeline.classifiers.tfidf_logreg import TfidfLogreg
    from pipeline.config import TfidfLogregParams

    texts = ["moscow broke the treaty again", "washington broke the treaty again", "talks resume next month"] * 4
    labels = ["pro_us", "pro_russia", "neutral"] * 4
    classifier = TfidfLogreg(["pro_us", "pro_russia", "neutral"], TfidfLogregParams()).fit(texts, labels)
    folder = save_model(classifier, tmp_path / "m", ["text"], {})

    def register(kind: str, score: float, key: str) -> str:
        with tracking.start_run("t", stage="test", run_name=kind) as run:
            mlflow.log_artifacts(str(folder), "model")
            return tracking.register_and_promote("stance", run.info.run_id, "model", kind, score, key,
                                                 ["tfidf_logreg", "minilm_logreg"])

    first = register("tfidf_logreg", 0.60, "split-A")
    register("minilm_logreg", 0.55, "split-A")
    client = MlflowClient()
    assert str(client.get_model_version_by_alias("stance", "champion").version) == first
    better = register("minilm_logreg", 0.70, "split-A")
    assert str(client.get_model_version_by_alias("stance", "champion").version) == better
    register("tfidf_logreg", 0.99, "split-B")  # another validation set: not comparable, but now the latest
    champion = client.get_model_version_by_alias("stance", "champion")
    assert champion.tags["validation_key"] == "split-B"  # the only candidate on split-B
    model = load_model("models:/stance@champion")
    predictions = model.predict(pd.DataFrame({"text": ["moscow broke the treaty"]}))
    assert set(predictions.columns) == {"stance", "p_pro_us", "p_pro_russia", "p_neutral"}
