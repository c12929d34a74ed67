"""The `newsstance` commands on arbitrary paths, outside DVC."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app

runner = CliRunner()
REPO = Path(__file__).resolve().parents[1]
PARAMS = str(REPO / "params.yaml")


def invoke(*args: str):
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def test_segment_writes_lines_with_raw_line_numbers(tmp_path: Path):
    dump = tmp_path / "dump.txt"
    dump.write_bytes(
        b"Envoys meet again in Vienna\r\n\r\n\r\n"
        b"Delegations from both capitals met for a third day of talks on the inspection regime, officials said, "
        b"and agreed to continue the discussion next month after a short pause for consultations at home.\r\n\r\n"
        b"The talks are the first since the treaty lapsed, and both sides described them as businesslike, "
        b"though neither would say whether a new text was on the table.\r\n\r\n"
        b"Share this article\r\nSign up for our newsletter\r\n")
    out = tmp_path / "segmented.jsonl"
    invoke("segment", str(dump), "--output", str(out), "--params", PARAMS)
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == 1
    record = records[0]
    assert set(record) >= {"id", "title", "body", "comments", "lines"}
    lines = {line["line_no"]: line for line in record["lines"]}
    raw_lines = dump.read_bytes().decode().split("\r\n")
    for number, line in lines.items():
        assert raw_lines[number - 1].strip() == line["text"].strip()
        assert line["label"] in {"title", "body", "comment", "boilerplate"}
    assert "third day of talks" in record["body"]
    assert "Share this article" not in record["body"]


def test_segment_takes_another_segmenter_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from pipeline import segment as stage
    from pipeline.segmenter import SHIPPED_WEIGHTS

    dump = tmp_path / "dump.txt"
    dump.write_text("Envoys meet again in Vienna\nDelegations from both capitals met for a third day of talks on the "
                    "inspection regime, officials said on Thursday evening.\nShare this article\n", encoding="utf-8")
    weights = tmp_path / "my_segmenter.safetensors"
    weights.write_bytes(SHIPPED_WEIGHTS.read_bytes())
    loaded = []

    def recording_load(path=None):
        loaded.append(path)
        return stage_load(path)

    stage_load = stage.load_segmenter
    monkeypatch.setattr(stage, "load_segmenter", recording_load)
    default, chosen = tmp_path / "default.jsonl", tmp_path / "chosen.jsonl"
    invoke("segment", str(dump), "--output", str(default), "--params", PARAMS)
    invoke("segment", str(dump), "--output", str(chosen), "--segmenter", str(weights), "--params", PARAMS)
    assert loaded == [None, str(weights)]
    assert chosen.read_text() == default.read_text()  # the same weights under another name
    missing = runner.invoke(app, ["segment", str(dump), "--segmenter", str(tmp_path / "none.safetensors")])
    assert missing.exit_code != 0


def test_clean_writes_lang_cluster_and_duplicate_links(tmp_path: Path, corpus: Path):
    copy = corpus / "riverdispatch" / "copy-of-pro_us-0.txt"
    original = (corpus / "harborledger" / "pro_us-0.txt").read_text()
    copy.write_text(original.replace("By Staff Writer", "Republished with permission"), encoding="utf-8")
    out = tmp_path / "clean.jsonl"
    invoke("clean", str(corpus), "--output", str(out), "--syndication", str(tmp_path / "synd.parquet"),
           "--params", PARAMS)
    records = {r["id"]: r for r in map(json.loads, out.read_text().splitlines())}
    assert records["riverdispatch/copy-of-pro_us-0.txt"]["duplicate_of"] == "harborledger/pro_us-0.txt"
    assert records["harborledger/pro_us-0.txt"]["duplicate_of"] is None
    assert all(r["lang"] == "en" for r in records.values())
    assert len({r["cluster_id"] for r in records.values()}) == len(records) - 1


def test_train_and_evaluate_on_any_record_file(tmp_path: Path, corpus: Path, mlflow_store: Path):
    from pipeline.config import IngestParams
    from pipeline.ingest import ingest

    table, _ = ingest([corpus], IngestParams(), None, progress=False)
    train_part = table[~table["source"].isin(["riverdispatch.com", "plainsgazette.org"])]
    test_part = table[table["source"].isin(["riverdispatch.com", "plainsgazette.org"])]
    train_file, test_file = tmp_path / "train.jsonl", tmp_path / "test.jsonl"
    train_part[["id", "text", "source", "label"]].to_json(train_file, orient="records", lines=True)
    test_part[["id", "text", "source", "label"]].to_json(test_file, orient="records", lines=True)
    model_dir, metrics = tmp_path / "model", tmp_path / "metrics.json"
    invoke("train", "--data", str(train_file), "--model", "tfidf_logreg", "--out", str(model_dir), "--params", PARAMS)
    result = invoke("evaluate", "--model", str(model_dir), "--data", str(test_file), "--out", str(metrics),
                    "--params", PARAMS)
    report = json.loads(metrics.read_text())
    assert report["test"]["n"] == len(test_part)
    assert "macro-F1" in result.output
    # the fixture's stance sentences are learnable across outlets
    assert report["test"]["macro_f1"] > 0.6


@pytest.mark.slow
def test_train_and_evaluate_on_the_silver_set(shared: Path, tmp_path: Path, mlflow_store: Path):
    """The silver set with an outlet-disjoint holdout: RT and two US outlets are held out of training."""
    silver = pd.read_json(shared / "data/stance/us_russia_silver_dev.jsonl", lines=True)
    us_outlets = sorted(set(silver["source"]) - {"RT"})
    held_out = silver["source"].isin(us_outlets[:6])
    train_file, test_file = tmp_path / "train.jsonl", tmp_path / "test.jsonl"
    silver[~held_out].to_json(train_file, orient="records", lines=True)
    silver[held_out].to_json(test_file, orient="records", lines=True)
    model_dir, metrics = tmp_path / "model", tmp_path / "metrics.json"
    invoke("train", "--data", str(train_file), "--model", "tfidf_logreg", "--out", str(model_dir), "--params", PARAMS)
    result = invoke("evaluate", "--model", str(model_dir), "--data", str(test_file), "--out", str(metrics),
                    "--params", PARAMS)
    report = json.loads(metrics.read_text())
    assert report["test"]["n"] == int(held_out.sum())
    assert 0.0 <= report["test"]["macro_f1"] <= 1.0
    assert "macro-F1" in result.output


def test_bad_params_file_is_a_usage_error(tmp_path: Path, corpus: Path):
    bad = tmp_path / "params.yaml"
    bad.write_text("ingest:\n  min_chars: -3\n")
    result = runner.invoke(app, ["ingest", str(corpus), "--output", str(tmp_path / "a.parquet"), "--params", str(bad)])
    assert result.exit_code != 0
    assert "ingest.min_chars" in result.output


def test_score_warns_about_language_short_bodies_and_copies():
    from pipeline.config import Params
    from pipeline.score import warnings_column

    segmented = pd.DataFrame({"lang": ["en", "de", "en"], "body": ["x" * 500, "y" * 500, "short"],
                              "duplicate_of": [None, None, "a1"]})
    warnings = warnings_column(segmented, Params())
    assert warnings[0] == []
    assert warnings[1] == ["language de is not one the model was trained on"]
    assert warnings[2] == ["short body (5 characters)", "near-duplicate of a1"]
