"""Second-pass features from a first model's per-line label probabilities.

A CRF's label transitions only look one line back. Whether a long paragraph belongs to the article
or to the comments depends on what lies far around it: is most of the page's body-like text above
it, is it inside the largest body-like block, is the region around it body-like on average. Given
the first pass's marginal probabilities, these features summarise them over wide windows; a second
CRF trained on them (with out-of-fold first-pass predictions) labels the lines again. The same
features carry a base model's opinion when a user adapts the model to their sites.
"""

from __future__ import annotations

import numpy as np

WINDOWS = (2, 6, 15)
STACK_LABELS = ("body", "comment", "boilerplate")


def _window_means(values: np.ndarray, radius: int) -> np.ndarray:
    n = len(values)
    sums = np.concatenate(([0.0], np.cumsum(values)))
    index = np.arange(n)
    low = np.maximum(index - radius, 0)
    high = np.minimum(index + radius + 1, n)
    return (sums[high] - sums[low]) / (high - low)


def _largest_run(mask: np.ndarray, weights: np.ndarray) -> tuple[int, int]:
    """[start, end) of the contiguous True run with the largest total weight (or (0, 0))."""
    best, best_span = 0.0, (0, 0)
    start, total = None, 0.0
    for index, flag in enumerate(mask):
        if flag:
            if start is None:
                start, total = index, 0.0
            total += weights[index]
            if total > best:
                best, best_span = total, (start, index + 1)
        else:
            start = None
    return best_span


def stacked_features(marginals: np.ndarray, label_names: list[str], word_counts: list[int],
                     prefix: str = "s") -> list[dict[str, float | str]]:
    """Feature dicts (one per line) summarising first-pass marginals `marginals` (lines x labels)."""
    n = marginals.shape[0]
    if n == 0:
        return []
    columns = {name: marginals[:, label_names.index(name)] if name in label_names else np.zeros(n)
               for name in STACK_LABELS}
    words = np.asarray(word_counts, dtype=float) + 1.0
    features: list[dict[str, float | str]] = [dict() for _ in range(n)]
    argmax = [label_names[i] for i in marginals.argmax(axis=1)]
    for name in ("body", "comment"):
        values = columns[name]
        mass = values * words
        cumulative = np.cumsum(mass)
        total = cumulative[-1] or 1.0
        above = (cumulative - mass) / total
        means = [_window_means(values, radius) for radius in WINDOWS]
        for i in range(n):
            item = features[i]
            item[f"{prefix}p_{name}"] = float(values[i])
            item[f"{prefix}above_{name}"] = float(above[i])
            for radius, mean in zip(WINDOWS, means):
                item[f"{prefix}w{radius}_{name}"] = float(mean[i])
    body_mask = np.asarray([label == "body" for label in argmax])
    run_start, run_end = _largest_run(body_mask, words)
    for i in range(n):
        item = features[i]
        item[f"{prefix}lab"] = argmax[i]
        item[f"{prefix}lab-1"] = argmax[i - 1] if i else "^"
        item[f"{prefix}lab+1"] = argmax[i + 1] if i + 1 < n else "$"
        if run_start <= i < run_end:
            item[f"{prefix}inrun"] = 1.0
        elif i < run_start:
            item[f"{prefix}beforerun"] = min((run_start - i) / 10.0, 1.0)
        else:
            item[f"{prefix}afterrun"] = min((i - run_end + 1) / 10.0, 1.0)
    return features
