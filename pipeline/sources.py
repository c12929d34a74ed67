"""Sources: one row per outlet with the evidence gathered about it.

Per outlet: how many articles, the labelled stance distribution, the stance the champion model predicts
over all its articles, how much of its text is comments, and its syndication links (stories it republished
from others, stories others took from it). Reliability is not estimated yet: the `reliability_score` column
is empty and `reliability_status` says `not_estimated`, so nobody mistakes a placeholder for an estimate.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Sequence

import pandas as pd

from pipeline.config import Params
from pipeline.io import read_table, write_table
from pipeline.split import UNKNOWN_SOURCE
from pipeline.tracking import select_champion

log = logging.getLogger(__name__)

NOT_ESTIMATED = "not_estimated"


def champion_kind(reports_dir: str | Path, kinds: Sequence[str], metric: str) -> str | None:
    """The configured kind with the best validation score in reports/<kind>/metrics.json."""
    scores = {}
    for kind in kinds:
        path = Path(reports_dir) / kind / "metrics.json"
        if path.exists():
            report = json.loads(path.read_text(encoding="utf-8"))
            scores[kind] = report.get("valid", report.get("test", {})).get(metric)
    return select_champion(scores)


def outlet_table(articles: pd.DataFrame, syndication: pd.DataFrame, labels: Sequence[str],
                 predictions: pd.DataFrame | None = None, min_articles: int = 1) -> pd.DataFrame:
    frame = articles.assign(source=articles["source"].fillna(UNKNOWN_SOURCE))
    grouped = frame.groupby("source")
    table = pd.DataFrame({"n_articles": grouped.size()})
    table["n_labelled"] = grouped["label"].count()
    for label in labels:
        table[f"label_share_{label}"] = grouped["label"].apply(
            lambda s, label=label: (s == label).sum() / s.count() if s.count() else float("nan"))
    if predictions is not None:
        scored = frame[["source"]].join(predictions)
        by_source = scored.groupby("source")
        for label in labels:
            table[f"predicted_share_{label}"] = by_source["stance"].apply(lambda s, label=label: (s == label).mean())
            table[f"mean_p_{label}"] = by_source[f"p_{label}"].mean()
    if "comments" in frame.columns:
        table["mean_comments"] = grouped["comments"].apply(lambda s: s.map(len).mean())
        table["mean_body_share"] = grouped["body_share"].mean()
    if "duplicate_of" in frame.columns:
        table["n_near_copies"] = grouped["duplicate_of"].count()
    _add_syndication(table, syndication)
    table["few_articles"] = table["n_articles"] < min_articles
    table["reliability_score"] = float("nan")
    table["reliability_status"] = NOT_ESTIMATED
    table["reliability_evidence"] = "not yet estimated: see the syndication and stance columns"
    return table.reset_index().sort_values(["n_articles", "source"], ascending=[False, True], ignore_index=True)


def _add_syndication(table: pd.DataFrame, syndication: pd.DataFrame) -> None:
    table["stories_republished_from_others"] = 0
    table["stories_taken_by_others"] = 0
    table["republishes_from"] = ""
    if syndication.empty:
        return
    copying = syndication.groupby("copying_source")["n_stories"].sum()
    original = syndication.groupby("original_source")["n_stories"].sum()
    table["stories_republished_from_others"] = copying.reindex(table.index).fillna(0).astype(int)
    table["stories_taken_by_others"] = original.reindex(table.index).fillna(0).astype(int)
    sources_of = syndication.groupby("copying_source")["original_source"].agg(lambda s: ", ".join(sorted(set(s))))
    table["republishes_from"] = sources_of.reindex(table.index).fillna("")


def run(articles_path: str | Path, syndication_path: str | Path, reports_dir: str | Path, models_dir: str | Path,
        output: str | Path, params: Params) -> pd.DataFrame:
    from pipeline.classifiers import load_model, predict

    articles = read_table(articles_path)
    syndication = read_table(syndication_path)
    kind = champion_kind(reports_dir, params.train.models, params.evaluate.champion_metric)
    predictions = None
    if kind is not None:
        predictions = predict(load_model(Path(models_dir) / kind), articles)
        log.info("sources: stance predicted with the champion model %s", kind)
    table = outlet_table(articles, syndication, params.labels, predictions, params.sources.min_articles)
    table["stance_model"] = kind
    write_table(table, output)
    write_table(table, Path(output).with_suffix(".csv"))
    log.info("sources: %d outlets -> %s", len(table), output)
    return table
