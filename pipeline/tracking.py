"""Where the MLflow store is, what every run is tagged with, and champion promotion.

The store is `sqlite:///<root>/mlflow.db` with artifacts in `<root>/mlartifacts`, where root is `DVC_ROOT`
when DVC runs the stage (so `dvc exp run --temp/--queue`, which run in a throw-away copy, log to the same
store) and the repository root otherwise; `MLFLOW_TRACKING_URI` overrides it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import subprocess
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

CHAMPION_ALIAS = "champion"
os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")
os.environ.setdefault("DVC_NO_ANALYTICS", "1")


def project_root(start: Path | None = None) -> Path:
    """DVC_ROOT when set; else the nearest folder above `start` holding dvc.yaml or .git; else `start`."""
    if os.environ.get("DVC_ROOT"):
        return Path(os.environ["DVC_ROOT"]).resolve()
    start = (start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if (folder / "dvc.yaml").exists() or (folder / ".git").exists():
            return folder
    return start


def tracking_uri() -> str:
    return os.environ.get("MLFLOW_TRACKING_URI") or f"sqlite:///{project_root() / 'mlflow.db'}"


def configure(experiment: str) -> str:
    """Point MLflow at the project store and return the experiment id (created with a fixed artifact root)."""
    import mlflow

    mlflow.set_tracking_uri(tracking_uri())
    found = mlflow.get_experiment_by_name(experiment)
    if found is not None:
        experiment_id = found.experiment_id
    else:
        artifacts = None
        if tracking_uri().startswith("sqlite:///"):
            # Without an explicit location MLflow puts artifacts under the *current* folder, which for
            # `dvc exp run --temp` is deleted afterwards.
            artifacts = (project_root() / "mlartifacts").as_uri()
        experiment_id = mlflow.create_experiment(experiment, artifact_location=artifacts)
    mlflow.set_experiment(experiment_id=experiment_id)
    return experiment_id


def _git(*args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], capture_output=True, text=True, timeout=10, cwd=project_root())
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def run_tags(stage: str) -> dict[str, str]:
    """Tags every run carries: git commit (and whether the tree was dirty), DVC stage and experiment."""
    tags = {"newsstance.stage": stage}
    commit = _git("rev-parse", "HEAD") or os.environ.get("DVC_EXP_BASELINE_REV")
    if commit:
        tags["mlflow.source.git.commit"] = commit
        tags["git_commit"] = commit
    dirty = _git("status", "--porcelain", "--untracked-files=no")
    if dirty is not None:
        tags["git_dirty"] = str(bool(dirty)).lower()
    for variable, tag in (("DVC_EXP_NAME", "dvc_experiment"), ("DVC_EXP_BASELINE_REV", "dvc_baseline_rev")):
        if os.environ.get(variable):
            tags[tag] = os.environ[variable]
    return {**tags, "dvc_stage": stage}


@contextlib.contextmanager
def start_run(experiment: str, stage: str, run_name: str, run_id: str | None = None,
              tags: Mapping[str, str] | None = None) -> Iterator[Any]:
    """An MLflow run in the project store; resumes `run_id` when it exists in this store."""
    import mlflow
    from mlflow.exceptions import MlflowException

    configure(experiment)
    resume = None
    if run_id:
        try:
            resume = mlflow.get_run(run_id).info.run_id
        except MlflowException:
            log.info("run %s is not in %s: starting a new run", run_id, tracking_uri())
    with mlflow.start_run(run_id=resume, run_name=None if resume else run_name) as run:
        mlflow.set_tags({**run_tags(stage), **(tags or {})})
        yield run


def flatten(prefix: str, value: Any) -> dict[str, float]:
    """Nested metric dicts -> flat `a.b.c` keys with numeric values (what mlflow.log_metrics takes)."""
    if isinstance(value, Mapping):
        out: dict[str, float] = {}
        for key, inner in value.items():
            out.update(flatten(f"{prefix}.{key}" if prefix else str(key), inner))
        return out
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return {prefix: float(value)}
    return {}


def select_champion(scores: Mapping[str, float]) -> str | None:
    """The best candidate by score; ties go to the first listed (the configured order)."""
    best = None
    for name, score in scores.items():
        if score is None:
            continue
        if best is None or score > scores[best]:
            best = name
    return best


def register_and_promote(model_name: str, run_id: str, artifact_path: str, kind: str, score: float,
                         validation_key: str, configured_kinds: list[str]) -> str:
    """Register the run's model as a new version and move `champion` to the best current version.

    Candidates are the latest version of each configured kind evaluated on the same validation data
    (`validation_key`); scores from another split are not comparable and never compete.
    """
    import mlflow
    from mlflow import MlflowClient
    from mlflow.exceptions import MlflowException

    client = MlflowClient()
    try:
        client.get_registered_model(model_name)
    except MlflowException:
        client.create_registered_model(model_name, description="newsstance stance classifiers (all kinds)")
    version = mlflow.register_model(
        f"runs:/{run_id}/{artifact_path}", model_name,
        tags={"kind": kind, "validation_key": validation_key, "valid_score": f"{score:.6f}"},
    ).version
    latest: dict[str, Any] = {}
    for candidate in client.search_model_versions(f"name = '{model_name}'"):
        candidate_kind = candidate.tags.get("kind")
        if candidate_kind in configured_kinds and candidate.tags.get("validation_key") == validation_key:
            if candidate_kind not in latest or int(candidate.version) > int(latest[candidate_kind].version):
                latest[candidate_kind] = candidate
    ordered = {k: float(latest[k].tags["valid_score"]) for k in configured_kinds if k in latest}
    champion_kind = select_champion(ordered)
    if champion_kind is not None:
        client.set_registered_model_alias(model_name, CHAMPION_ALIAS, latest[champion_kind].version)
        log.info("%s@%s -> version %s (%s, valid score %.4f)", model_name, CHAMPION_ALIAS,
                 latest[champion_kind].version, champion_kind, ordered[champion_kind])
    return str(version)
