"""Split: no outlet and no story on two sides; every label on every side when the outlets allow it."""

from __future__ import annotations

import pandas as pd

from pipeline.config import SplitParams
from pipeline.split import SPLITS, split_frame

LABELS = ["pro_us", "pro_russia", "neutral"]


def frame(n_outlets: int = 10, per_label: int = 3) -> pd.DataFrame:
    rows = []
    for o in range(n_outlets):
        for label in LABELS:
            for n in range(per_label):
                rows.append({"id": f"o{o}-{label}-{n}", "source": f"outlet{o}.com", "label": label,
                             "cluster_id": f"o{o}-{label}-{n}", "duplicate_of": None})
    return pd.DataFrame(rows)


def test_outlets_never_cross_sides_and_every_side_has_every_label():
    data = frame()
    sides, reasons = split_frame(data, SplitParams(seed=3))
    assert sides.notna().all() and reasons.isna().all()
    outlets_per_side = {side: set(data.loc[sides == side, "source"]) for side in SPLITS}
    assert not outlets_per_side["train"] & outlets_per_side["test"]
    assert not outlets_per_side["train"] & outlets_per_side["valid"]
    assert not outlets_per_side["valid"] & outlets_per_side["test"]
    for side in SPLITS:
        assert set(data.loc[sides == side, "label"]) == set(LABELS)
    shares = sides.value_counts(normalize=True)
    assert 0.1 <= shares["test"] <= 0.3 and 0.05 <= shares["valid"] <= 0.25


def test_split_is_reproducible_and_seed_dependent():
    data = frame()
    first, _ = split_frame(data, SplitParams(seed=1))
    again, _ = split_frame(data, SplitParams(seed=1))
    other, _ = split_frame(data, SplitParams(seed=2))
    assert first.equals(again)
    assert not first.equals(other)


def test_a_story_copied_across_sides_is_set_aside_not_leaked():
    data = frame()
    sides, _ = split_frame(data, SplitParams(seed=3))
    original = data.index[sides == "train"][0]
    copy = data.index[sides == "test"][0]
    data.loc[copy, "duplicate_of"] = data.loc[original, "id"]
    data.loc[copy, "cluster_id"] = data.loc[original, "cluster_id"]
    sides_after, reasons = split_frame(data, SplitParams(seed=3))
    assert pd.isna(sides_after[copy])
    assert data.loc[original, "id"] in reasons[copy]
    for side in SPLITS:  # no cluster on two sides
        clusters = [set(data.loc[sides_after == s, "cluster_id"]) for s in SPLITS if s != side]
        assert not set(data.loc[sides_after == side, "cluster_id"]) & set().union(*clusters)


def test_too_few_outlets_is_an_error():
    import pytest

    with pytest.raises(ValueError, match="at least 3 outlets"):
        split_frame(frame(n_outlets=2), SplitParams())
