"""The params.yaml schema: every hyperparameter of the pipeline, validated strictly.

Unknown keys are errors (a typo in `dvc exp run -S train.tfidf_logreg.C=2` must not be ignored silently),
and every stage reads only its own section through `load_params(path).<section>`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

DEFAULT_PARAMS_FILE = "params.yaml"
MODEL_KINDS = ("tfidf_logreg", "minilm_logreg", "minilm_finetune")  # implemented in pipeline.classifiers


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class IngestParams(Section):
    min_chars: int = Field(20, ge=0, description="records with less text than this are rejected")
    max_bytes: int = Field(20_000_000, gt=0, description="files larger than this are rejected")


class CleanParams(Section):
    keep_languages: list[str] = Field(default_factory=lambda: ["en"], description="empty list keeps all")
    drop_exact_duplicates: bool = True
    dedup: dict[str, int | float] = Field(default_factory=dict,
                                          description="fields of pipeline.dedup.DedupParams; omitted = tuned default")

    @field_validator("dedup")
    @classmethod
    def known_dedup_fields(cls, values: dict[str, int | float]) -> dict[str, int | float]:
        from dataclasses import fields

        from pipeline.dedup import DedupParams

        known = {f.name: f.type for f in fields(DedupParams)}
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise ValueError(f"unknown dedup setting(s) {unknown}; known: {sorted(known)}")
        return values

    def dedup_params(self):
        from pipeline.dedup import DedupParams

        return DedupParams(**self.dedup)


class SegmentParams(Section):
    model_path: str | None = Field(None, description="line-segmenter weights; null = the shipped model")
    min_body_chars: int = Field(80, ge=0, description="documents with a shorter body get a warning")


class SplitParams(Section):
    seed: int = 13
    valid_fraction: float = Field(0.15, gt=0, lt=0.5)
    test_fraction: float = Field(0.2, gt=0, lt=0.5)


class TfidfLogregParams(Section):
    max_features: int = Field(50_000, ge=100)
    ngram_max: int = Field(2, ge=1, le=3)
    min_df: int = Field(1, ge=1)
    sublinear_tf: bool = True
    C: float = Field(4.0, gt=0)
    class_weight: Literal["balanced"] | None = "balanced"
    max_iter: int = Field(2000, ge=100)


class MinilmLogregParams(Section):
    base_model: str | None = Field(None, description="local folder or cached hub id; null = bundled all-MiniLM-L6-v2")
    max_tokens: int = Field(256, ge=16, le=512)
    max_chunks: int = Field(1, ge=1, le=16, description="windows of max_tokens averaged per text")
    batch_size: int = Field(32, ge=1)
    C: float = Field(2.0, gt=0)
    class_weight: Literal["balanced"] | None = "balanced"


class MinilmFinetuneParams(Section):
    base_model: str | None = Field(None, description="local folder or cached hub id; null = bundled all-MiniLM-L6-v2")
    max_tokens: int = Field(256, ge=16, le=512)
    class_weight: Literal["balanced"] | None = "balanced"
    batch_size: int = Field(16, ge=1)
    epochs: float = Field(3.0, gt=0)
    learning_rate: float = Field(5e-5, gt=0)
    weight_decay: float = Field(0.01, ge=0)
    seed: int = 13


class TrainParams(Section):
    models: list[str] = Field(default_factory=lambda: ["tfidf_logreg"])
    text_fields: list[Literal["title", "body", "text"]] = Field(
        default_factory=lambda: ["title", "body"],
        description="what the model reads: the segmented title and body by default, never the comments",
    )
    tfidf_logreg: TfidfLogregParams = TfidfLogregParams()
    minilm_logreg: MinilmLogregParams = MinilmLogregParams()
    minilm_finetune: MinilmFinetuneParams = MinilmFinetuneParams()

    @field_validator("models")
    @classmethod
    def known_kinds(cls, models: list[str]) -> list[str]:
        unknown = sorted(set(models) - set(MODEL_KINDS))
        if unknown:
            raise ValueError(f"unknown model kind(s) {unknown}; known: {list(MODEL_KINDS)}")
        if not models:
            raise ValueError("train.models must name at least one model kind")
        return models


class EvaluateParams(Section):
    champion_metric: Literal["macro_f1", "accuracy"] = "macro_f1"


class SourcesParams(Section):
    min_articles: int = Field(1, ge=1, description="outlets with fewer scored articles are listed but flagged")


class TrackingParams(Section):
    experiment: str = "newsstance"
    registered_model: str = "newsstance-stance"


class Params(Section):
    labels: list[str] = Field(default_factory=lambda: ["pro_us", "pro_russia", "neutral"], min_length=2)
    ingest: IngestParams = IngestParams()
    clean: CleanParams = CleanParams()
    segment: SegmentParams = SegmentParams()
    split: SplitParams = SplitParams()
    train: TrainParams = TrainParams()
    evaluate: EvaluateParams = EvaluateParams()
    sources: SourcesParams = SourcesParams()
    tracking: TrackingParams = TrackingParams()

    @field_validator("labels")
    @classmethod
    def distinct_labels(cls, labels: list[str]) -> list[str]:
        if len(set(labels)) != len(labels):
            raise ValueError(f"labels must be distinct, got {labels}")
        return labels

    @model_validator(mode="after")
    def fractions_leave_training_data(self) -> "Params":
        if self.split.valid_fraction + self.split.test_fraction >= 0.8:
            raise ValueError("split.valid_fraction + split.test_fraction must leave at least 20% for training")
        return self


class ParamsError(ValueError):
    """params.yaml is missing, unreadable or does not match the schema."""


def load_params(path: str | os.PathLike | None = None) -> Params:
    """Read and validate params.yaml; a missing file gives the defaults."""
    path = Path(path or DEFAULT_PARAMS_FILE)
    if not path.exists():
        return Params()
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise ParamsError(f"{path}: not valid YAML: {error}") from error
    try:
        return Params.model_validate(raw)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in issue['loc'])}: {issue['msg']}" for issue in error.errors()
        )
        raise ParamsError(f"{path}: {problems}") from error
