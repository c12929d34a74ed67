"""params.yaml: strict schema, clear errors, defaults that match the shipped file."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline.config import Params, ParamsError, load_params

REPO = Path(__file__).resolve().parents[1]


def test_shipped_params_are_valid_and_complete():
    params = load_params(REPO / "params.yaml")
    raw = yaml.safe_load((REPO / "params.yaml").read_text())
    assert params.labels == raw["labels"]
    assert set(raw) == set(Params.model_fields), "params.yaml should list every section"


@pytest.mark.parametrize("text, fragment", [
    ("train:\n  tfidf_logreg:\n    CC: 2\n", "train.tfidf_logreg.CC"),
    ("tranin: {}\n", "tranin"),
    ("train:\n  models: [bert_huge]\n", "bert_huge"),
    ("clean:\n  dedup: {no_such_knob: 3}\n", "no_such_knob"),
    ("labels: [a, a]\n", "distinct"),
    ("split:\n  valid_fraction: 0.45\n  test_fraction: 0.45\n", "20%"),
    ("train: [unclosed\n", "not valid YAML"),
])
def test_bad_params_name_the_problem(tmp_path: Path, text: str, fragment: str):
    path = tmp_path / "params.yaml"
    path.write_text(text)
    with pytest.raises(ParamsError) as error:
        load_params(path)
    assert fragment in str(error.value)
    assert str(path) in str(error.value)


def test_missing_file_gives_defaults(tmp_path: Path):
    assert load_params(tmp_path / "absent.yaml") == Params()
