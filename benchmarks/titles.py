"""How often the title search picks the right line on pages of sites it was not fitted to: the learned title scorer
(`pipeline.segmenter.titles`) against the hand-written rules it replaced (`text.rule_title`).

Pages: every probe page of `tests/pages` whose spec names a title and every demo document (`labelled_title_pages`;
pages whose title comes from a hint, or is no line of the page, are left out), and Dragnet's pages whose gold opens
with a headline (`dragnet_title_pages`, both dump styles). Each page is scored by a scorer trained without it:

* probe pages and demo: each spec file (one helper's pages of one round) or demo outlet in turn is held out
  (syndicated copies of a story sit in one file, so they are never split);
* a split in time: trained on the pages written before stop 32, scored on the pages of stop 32's six rounds;
* Dragnet's training pages: their hosts in five folds;
* Dragnet's host-disjoint test pages: trained as the shipped scorer is (probe, demo and Dragnet training pages).

The hand-written rules were fitted, one layout at a time, to the probe pages, stop 32's included, so their figures
there are in-sample: a flattering baseline. The scorer's are all out-of-sample. A bootstrap over pages gives a 95%
interval of the difference (paired: the same pages for both).

    python benchmarks/titles.py

Prints a table and writes benchmarks/results/titles.json.
"""

from __future__ import annotations

import json
import sys
import time
import zlib
from pathlib import Path

import numpy as np
import torch

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline.segmenter import titles  # noqa: E402
from pipeline.segmenter.text import _title_quoted_over_comments, rule_title  # noqa: E402

RESULT = REPO / "benchmarks" / "results" / "titles.json"
DRAGNET_FOLDS = 5
LATE_GROUPS = {f"probe_pages_2026_12_07_batch{number}" for number in range(30, 54)}  # stop 32's rounds 25-30


def rule_right(page: dict) -> bool:
    quoted = _title_quoted_over_comments(page["lines"])
    picked = quoted if quoted is not None else rule_title(page["lines"], page["labels"])
    return picked in page["title"]


def held_out(pages, names, matrix, flags, page_of, weights, train_groups_of) -> dict[int, bool]:
    """For each page, whether a scorer trained without its held-out set picks its title; `train_groups_of(group)`:
    the groups that a page of `group` is scored by a model trained on (one model per distinct set)."""
    right: dict[int, bool] = {}
    group_of_row = np.array([pages[page]["group"] for page in page_of])
    by_training: dict[frozenset, list[int]] = {}
    for number, page in enumerate(pages):
        training = train_groups_of(page["group"])
        if training is not None:
            by_training.setdefault(frozenset(training), []).append(number)
    for training, scored in by_training.items():
        rows = np.isin(group_of_row, list(training))
        scorer = titles.fit_title_scorer(matrix[rows], flags[rows], names, weights=weights[rows])
        right.update(titles.picks_right(scorer, matrix, flags, page_of, scored))
    return right


def paired_interval(a: list[bool], b: list[bool], draws: int = 2000, seed: int = 0) -> tuple[float, float]:
    """95% bootstrap interval of mean(a) - mean(b) over pages."""
    difference = np.array(a, dtype=float) - np.array(b, dtype=float)
    rng = np.random.default_rng(seed)
    means = difference[rng.integers(0, len(difference), (draws, len(difference)))].mean(axis=1)
    return float(np.quantile(means, 0.025)), float(np.quantile(means, 0.975))


def host_fold(group: str) -> int:
    return zlib.crc32(group.encode()) % DRAGNET_FOLDS


def main() -> None:
    torch.set_num_threads(1)
    probe = titles.labelled_title_pages()
    dragnet_train = titles.dragnet_title_pages("train")
    dragnet_test = titles.dragnet_title_pages("test")
    pages = probe + dragnet_train + dragnet_test
    names, matrix, flags, page_of, _ = titles.feature_table(pages)
    weights = titles.row_weights(pages, page_of)
    probe_groups = sorted({page["group"] for page in probe})
    train_hosts = sorted({page["group"] for page in dragnet_train})
    early = [group for group in probe_groups if group not in LATE_GROUPS]
    rules = [rule_right(page) for page in pages]
    kinds = {
        # each probe file or demo outlet held out in turn (Dragnet's training pages always in training)
        "probe pages and demo, one group held out at a time": held_out(
            pages, names, matrix, flags, page_of, weights,
            lambda group: [g for g in probe_groups + train_hosts if g != group] if group in probe_groups else None),
        # trained on the probe pages written before stop 32 (and the demo, and Dragnet's training pages)
        "stop 32's six rounds, trained on earlier pages": held_out(
            pages, names, matrix, flags, page_of, weights,
            lambda group: early + train_hosts if group in LATE_GROUPS else None),
        # Dragnet's training hosts in five folds
        "Dragnet training pages, hosts in 5 folds": held_out(
            pages, names, matrix, flags, page_of, weights,
            lambda group: probe_groups + [h for h in train_hosts if host_fold(h) != host_fold(group)]
            if group in set(train_hosts) else None),
        # the shipped recipe: trained on everything but the test split
        "Dragnet test pages (host-disjoint split)": held_out(
            pages, names, matrix, flags, page_of, weights,
            lambda group: probe_groups + train_hosts if group.startswith("dragnet:") and group not in set(train_hosts)
            and any(group == page["group"] for page in dragnet_test) else None),
    }
    test_pages = set(range(len(probe) + len(dragnet_train), len(pages)))
    kinds["Dragnet test pages (host-disjoint split)"] = {
        page: right for page, right in kinds["Dragnet test pages (host-disjoint split)"].items() if page in test_pages}
    rows = []
    print(f"{len(probe)} probe and demo pages ({len(probe_groups)} groups), {len(dragnet_train)} Dragnet training and "
          f"{len(dragnet_test)} test pages with a known title line")
    print(f"{'pages':<52}{'rules':>12}{'scorer (held out)':>20}{'difference, 95%':>24}")
    for label, right in kinds.items():
        scored = sorted(right)
        rule_count, scorer_count = sum(rules[p] for p in scored), sum(right[p] for p in scored)
        low, high = paired_interval([right[p] for p in scored], [rules[p] for p in scored])
        rows.append({"pages": label, "n": len(scored), "rules": rule_count, "scorer": scorer_count,
                     "difference_95": [round(low, 4), round(high, 4)]})
        print(f"{label:<52}{f'{rule_count} / {len(scored)}':>12}{f'{scorer_count} / {len(scored)}':>20}"
              f"{f'{100 * low:+.1f} to {100 * high:+.1f} pts':>24}")
    summary = {"rows": rows, "dragnet_weight": titles.DRAGNET_WEIGHT,
               "run_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    temporary = RESULT.with_suffix(".json.tmp")
    temporary.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    temporary.replace(RESULT)


if __name__ == "__main__":
    main()
