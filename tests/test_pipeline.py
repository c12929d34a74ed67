"""End to end: `dvc repro` on the demo corpus in a fresh copy of the repository, then what it left behind.

One copy is reproduced per test session (about a minute on 2 cores); the tests below read its outputs.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

pytestmark = pytest.mark.slow


def _env(root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MLFLOW_", "DVC_"))}
    env.update(PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}", HF_HUB_OFFLINE="1", DVC_NO_ANALYTICS="1",
               MLFLOW_DISABLE_TELEMETRY="true", GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@localhost",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@localhost")
    return env


def _run(args: list[str], root: Path, timeout: int = 600) -> subprocess.CompletedProcess:
    done = subprocess.run(args, cwd=root, env=_env(root), capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-5000:]}"
    return done


def _copy_repository(target: Path) -> None:
    """The files a fresh clone would have (tracked, plus untracked files git does not ignore)."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=REPO,
                            capture_output=True, text=True, check=True).stdout.split("\0")
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


@pytest.fixture(scope="session")
def demo(tmp_path_factory) -> Path:
    if not (REPO / "data/raw/demo/metadata.csv").exists():
        pytest.fail("the demo corpus data/raw/demo is missing from the repository")
    root = tmp_path_factory.mktemp("repo")
    _copy_repository(root)
    for stale in ("dvc.lock", "mlflow.db"):
        (root / stale).unlink(missing_ok=True)
    _run(["git", "init", "-q"], root)
    _run(["git", "add", "-A"], root)
    _run(["git", "commit", "-qm", "fresh clone"], root)
    _run(["dvc", "repro"], root)
    return root


def test_repro_leaves_metrics_models_and_runs(demo: Path):
    metrics = json.loads((demo / "reports/tfidf_logreg/metrics.json").read_text())
    assert 0.0 <= metrics["test"]["macro_f1"] <= 1.0 and metrics["test"]["n"] > 0
    assert (demo / "models/tfidf_logreg/MLmodel").exists()
    assert (demo / "reports/tfidf_logreg/plots/confusion.csv").exists()
    import sqlite3

    with sqlite3.connect(demo / "mlflow.db") as db:
        runs = db.execute("select count(*) from runs").fetchone()[0]
        champion = db.execute("select version from registered_model_aliases where alias='champion'").fetchall()
    assert runs >= 1 and champion


def test_second_repro_is_up_to_date(demo: Path):
    status = _run(["dvc", "status"], demo).stdout
    assert "up to date" in status, status


def test_nothing_is_lost_between_raw_files_and_outputs(demo: Path):
    raw_files = [p for p in (demo / "data/raw/demo").rglob("*") if p.suffix in {".txt", ".html"}]
    articles = pd.read_parquet(demo / "data/interim/articles.parquet")
    ingest_rejects = (demo / "data/interim/rejects.jsonl").read_text().splitlines()
    assert len(raw_files) == len(articles) + len(ingest_rejects)
    clean = pd.read_parquet(demo / "data/interim/clean.parquet")
    clean_rejects = [json.loads(line) for line in (demo / "data/interim/clean_rejects.jsonl").read_text().splitlines()]
    assert len(articles) == len(clean) + len(clean_rejects)
    assert any("exact duplicate" in r["reason"] for r in clean_rejects), "the demo corpus has exact duplicates"
    splits = sum(len(pd.read_parquet(demo / f"data/processed/{s}.parquet")) for s in ("train", "valid", "test"))
    set_aside = (demo / "data/processed/split_excluded.jsonl").read_text().splitlines()
    assert splits + len(set_aside) == len(clean)


def test_splits_share_no_outlet_and_no_story(demo: Path):
    parts = {s: pd.read_parquet(demo / f"data/processed/{s}.parquet") for s in ("train", "valid", "test")}
    for a in parts:
        for b in parts:
            if a < b:
                assert not set(parts[a]["source"]) & set(parts[b]["source"]), (a, b)
                assert not set(parts[a]["cluster_id"]) & set(parts[b]["cluster_id"]), (a, b)
    for name, part in parts.items():
        assert set(part["label"].dropna()) == {"pro_us", "pro_russia", "neutral"}, name


def test_syndicated_copies_are_grouped(demo: Path):
    clean = pd.read_parquet(demo / "data/interim/clean.parquet")
    copies = clean[clean["duplicate_of"].notna()]
    assert len(copies) >= 6
    assert (copies["source"] != copies["duplicate_of"].map(clean.set_index("id")["source"])).any()
    syndication = pd.read_parquet(demo / "data/processed/syndication.parquet")
    assert len(syndication) >= 2


def test_segmented_documents_have_bodies_and_comments(demo: Path):
    segmented = pd.read_parquet(demo / "data/interim/segmented.parquet")
    assert (segmented["body"].str.len() > 200).mean() > 0.9
    with_comments = segmented[segmented["comments"].map(len) > 0]
    assert len(with_comments) > len(segmented) / 3
    assert with_comments["comments"].map(lambda cs: any(c["author"] for c in cs)).mean() > 0.5


def test_sources_table_marks_reliability_as_not_estimated(demo: Path):
    sources = pd.read_csv(demo / "data/processed/sources.csv")
    assert sources["source"].is_unique and len(sources) >= 12
    assert (sources["reliability_status"] == "not_estimated").all()
    assert sources["reliability_score"].isna().all()
    shares = sources[[c for c in sources.columns if c.startswith("predicted_share_")]].sum(axis=1)
    assert ((shares - 1).abs() < 1e-6).all()


def test_dvc_metrics_and_plots_commands_work(demo: Path):
    assert "macro_f1" in _run(["dvc", "metrics", "show"], demo).stdout
    _run(["dvc", "plots", "show", "-o", str(demo / "plots_html")], demo)
    assert (demo / "plots_html/index.html").exists()


def test_score_with_the_champion_alias(demo: Path, tmp_path: Path):
    new = tmp_path / "new.jsonl"
    new.write_text(json.dumps({"id": "n1", "url": "https://www.example-news.com/a", "text": (
        "Talks stall again\n\nWashington said Moscow had broken the treaty and must return to compliance, "
        "while allied envoys backed the American position at the meeting in Brussels on Friday.\n\n"
        "Share this article\n\n3 Comments\n\nAnna Berg\nMarch 3, 2019\nThis is one-sided.\nReply\n")}) + "\n")
    out = tmp_path / "scored.csv"
    _run(["newsstance", "score", str(new), "--model", "models:/newsstance-stance@champion", "--output", str(out),
          "--sources", "data/processed/sources.parquet"], demo)
    scored = pd.read_csv(out)
    assert list(scored["id"]) == ["n1"]
    assert scored.loc[0, "stance"] in {"pro_us", "pro_russia", "neutral"}
    total = scored[["p_pro_us", "p_pro_russia", "p_neutral"]].sum(axis=1)
    assert abs(total[0] - 1) < 1e-6
    assert scored.loc[0, "model"].startswith("models:/")


def test_notebook_runs_on_the_pipeline_outputs(demo: Path):
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(demo / "notebooks/01-explore.ipynb", as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(demo)}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = json.dumps([o.get("text", "") for o in outputs])
    assert "articles from" in text and "near-copies" in text


def test_experiment_with_a_changed_param_logs_to_the_same_store(demo: Path):
    _run(["dvc", "exp", "run", "--temp", "-S", "train.tfidf_logreg.C=0.5"], demo)
    import sqlite3

    with sqlite3.connect(demo / "mlflow.db") as db:
        values = {v for (v,) in db.execute("select value from params where key='tfidf_logreg.C'")}
        experiments = {v for (v,) in db.execute("select value from tags where key='dvc_experiment'")}
    assert {"4.0", "0.5"} <= values
    assert experiments, "runs from dvc exp run carry the experiment name"
    assert not (demo / ".dvc/tmp/exps/mlflow.db").exists()
