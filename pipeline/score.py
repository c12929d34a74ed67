"""Score: stance of new articles with a trained model, through the same ingest, clean and segment code.

Nothing is dropped here: exact and near duplicates are scored and point at their original, documents in a
language the model was not trained on are scored with a warning, and only unreadable records go to the
rejects file. With a sources table, each row also carries its outlet's reliability fields.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Sequence

import pandas as pd

from pipeline.classifiers import load_model, predict
from pipeline.clean import repair_frame
from pipeline.config import Params
from pipeline.dedup import find_near_duplicates
from pipeline.ingest import ingest
from pipeline.io import read_table, write_table
from pipeline.segment import segment_frame

log = logging.getLogger(__name__)

RELIABILITY_COLUMNS = ["reliability_score", "reliability_status"]


def model_name(model_ref: str) -> str:
    if model_ref.startswith("models:/"):
        return model_ref
    config = Path(model_ref) / "newsstance.json"
    if config.exists():
        import json

        return f"{json.loads(config.read_text(encoding='utf-8'))['kind']}:{Path(model_ref).resolve()}"
    return str(model_ref)


def warnings_column(segmented: pd.DataFrame, params: Params) -> list[list[str]]:
    """Per row: a language the model was not trained on, a short body, being a near-copy."""
    keep = params.clean.keep_languages
    minimum = params.segment.min_body_chars
    rows = zip(segmented["lang"], segmented["body"].str.len(), segmented["duplicate_of"])
    return [[warning for warning in (
        f"language {lang} is not one the model was trained on" if keep and lang not in keep else None,
        f"short body ({chars} characters)" if chars < minimum else None,
        f"near-duplicate of {original}" if isinstance(original, str) else None,
    ) if warning] for lang, chars, original in rows]


def score_frame(frame: pd.DataFrame, model, model_label: str, params: Params,
                sources: pd.DataFrame | None = None, progress: bool = False) -> pd.DataFrame:
    repaired = repair_frame(frame, progress)
    groups = find_near_duplicates(repaired, params.clean.dedup_params())
    repaired["duplicate_of"] = groups["duplicate_of"].to_numpy()
    segmented = segment_frame(repaired, params.segment, progress)
    predictions = predict(model, segmented)
    out = pd.DataFrame({"id": segmented["id"], "source": segmented["source"], "title": segmented["title"]})
    out = out.join(predictions)
    out["body_chars"] = segmented["body"].str.len()
    out["n_comments"] = segmented["comments"].map(len)
    out["duplicate_of"] = segmented["duplicate_of"]
    out["lang"] = segmented["lang"]
    if sources is not None and "source" in sources.columns:
        reliability = sources.set_index("source")[[c for c in RELIABILITY_COLUMNS if c in sources.columns]]
        out = out.join(reliability, on="source")
    out["model"] = model_label
    out["warnings"] = warnings_column(segmented, params)
    return out


def run(inputs: Sequence[str | Path], model_ref: str, output: str | Path, params: Params,
        sources_path: str | Path | None = None, rejects_path: str | Path | None = None,
        default_source: str | None = None) -> pd.DataFrame:
    """Score any ingest input with a model (folder or registry URI); `default_source` as in `ingest`."""
    frame, rejects = ingest(inputs, params.ingest, labels=None, default_source=default_source)
    model = load_model(model_ref)
    sources = read_table(sources_path) if sources_path else None
    scored = score_frame(frame, model, model_name(model_ref), params, sources, progress=True)
    write_table(scored, output)
    rejects_path = rejects_path or Path(output).with_name(Path(output).stem + ".rejects.jsonl")
    rejects.write(rejects_path)
    log.info("score: %d in, %d scored, %d rejected -> %s (rejects: %s)", len(frame) + len(rejects), len(scored),
             len(rejects), output, rejects_path)
    return scored
