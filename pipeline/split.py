"""Split: train / valid / test with no outlet and no story on two sides.

Whole outlets are assigned to a side (so a model cannot score by recognising an outlet's house style), in a
seeded order, until each side holds its share of the articles; among the seeded orders tried, the first in
which every side that can hold every label does is kept. A syndicated story can still span outlets on two
sides: its copies follow the cluster's canonical article, and a copy whose outlet sits on another side is set
aside (listed in the excluded file with the reason) rather than leak the story across the split.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import pandas as pd

from pipeline.config import SplitParams
from pipeline.io import Reject, RejectLog, write_json, write_table

log = logging.getLogger(__name__)

SPLITS = ("train", "valid", "test")
UNKNOWN_SOURCE = "(unknown)"
MAX_ORDERS_TRIED = 200


def outlet_order(sources: Sequence[str], seed: int) -> list[str]:
    outlets = sorted(set(sources))
    return [outlets[i] for i in np.random.default_rng(seed).permutation(len(outlets))]


def assign_outlets(sizes: pd.Series, order: Sequence[str], params: SplitParams) -> dict[str, str]:
    """Fill test, then valid, up to their shares of articles; the rest is train."""
    total = float(sizes.sum())
    targets = {"test": params.test_fraction * total, "valid": params.valid_fraction * total}
    filled = {"test": 0.0, "valid": 0.0}
    assignment: dict[str, str] = {}
    for outlet in order:
        side = next((s for s in ("test", "valid") if filled[s] + sizes[outlet] / 2 <= targets[s]), "train")
        assignment[outlet] = side
        if side != "train":
            filled[side] += sizes[outlet]
    return assignment


def _covers_labels(frame: pd.DataFrame, sides: pd.Series) -> bool:
    labelled = frame["label"].notna()
    present = set(frame.loc[labelled, "label"])
    by_side = frame.loc[labelled].groupby(sides[labelled])["label"].agg(set)
    return all(set(by_side.get(side, set())) >= present for side in SPLITS)


def split_frame(frame: pd.DataFrame, params: SplitParams) -> tuple[pd.Series, pd.Series]:
    """`split` per row (train/valid/test, or None when set aside) and the reason for rows set aside."""
    sources = frame["source"].fillna(UNKNOWN_SOURCE).astype(str)
    sizes = sources.value_counts()
    if len(sizes) < 3:
        raise ValueError(f"an outlet-disjoint split needs at least 3 outlets; the data has {len(sizes)}")
    chosen = None
    for attempt in range(MAX_ORDERS_TRIED):
        assignment = assign_outlets(sizes, outlet_order(sources, params.seed + attempt), params)
        sides = sources.map(assignment)
        if chosen is None:
            chosen = sides
        if _covers_labels(frame, sides):
            chosen = sides
            break
    else:
        log.warning("no outlet assignment in %d tries puts every label on every side", MAX_ORDERS_TRIED)
    return _follow_canonical(frame, chosen)


def _follow_canonical(frame: pd.DataFrame, sides: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Copies go where their cluster's canonical article went; copies from an outlet elsewhere are set aside."""
    reasons = pd.Series(None, index=frame.index, dtype=object)
    if "duplicate_of" not in frame.columns:
        return sides, reasons
    side_of = dict(zip(frame["id"], sides))
    final = sides.copy()
    for index, canonical in frame["duplicate_of"].items():
        if isinstance(canonical, str) and canonical in side_of and side_of[canonical] != sides[index]:
            reasons[index] = (f"near-duplicate of {canonical} ({side_of[canonical]}) from an outlet on the "
                              f"{sides[index]} side")
            final[index] = None
    return final, reasons


def summary(frame: pd.DataFrame, sides: pd.Series) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for side in SPLITS:
        part = frame[sides == side]
        out[side] = {"articles": len(part), "outlets": sorted(part["source"].fillna(UNKNOWN_SOURCE).unique()),
                     "labels": {str(k): int(v) for k, v in part["label"].value_counts().items()}}
    out["set_aside"] = int(sides.isna().sum())
    return out


def run(segmented_path: str | Path, out_dir: str | Path, params: SplitParams) -> dict[str, Any]:
    from pipeline.io import read_table

    frame = read_table(segmented_path)
    sides, reasons = split_frame(frame, params)
    out_dir = Path(out_dir)
    for side in SPLITS:
        write_table(frame[sides == side].assign(split=side).reset_index(drop=True), out_dir / f"{side}.parquet")
    set_aside = RejectLog()
    for index in reasons.dropna().index:
        row = frame.loc[index]
        set_aside.add(Reject(str(segmented_path), int(index) + 1, reasons[index], id=row["id"], stage="split"))
    set_aside.write(out_dir / "split_excluded.jsonl")
    report = summary(frame, sides)
    write_json(report, out_dir / "split_summary.json")
    log.info("split: %s; %d near-copies set aside", {s: report[s]["articles"] for s in SPLITS}, report["set_aside"])
    return report
