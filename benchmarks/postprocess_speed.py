"""Speed of the plain-text segmenter's post-processing (everything but the model), per document.

Pages: the 434 host-disjoint test pages of `segmenter_speed.py` (`load_test_texts`). The model's
labels are computed once, untimed; then each part runs on all pages and its process CPU time
(`time.process_time`, best of `--repeats` runs: the machine is shared, timings are noisy; each run starts with the
line caches empty, `clear_line_caches`, as a run over a new corpus does) is divided by the number of pages:

* `split_lines`: raw text -> numbered non-blank lines (`decode` included; a no-op on str);
* `apply_rules`, `find_title`, `assemble` (which includes `parse_comments`): the steps of `finish`;
* total: `split_lines` + `finish`, timed as one run (not the sum of the parts);
* total, frozen: the same after `gc.freeze()` (see below).

Each run keeps its results until it ends, as `segment_texts` does, so the garbage collections that
their objects trigger are part of the cost; the "of which gc" column is the time spent in them. A
full collection walks every object of the process (torch's ~200k included), so that share depends
on the process as much as on this code; `gc.freeze()` once the model is loaded takes those objects
out of the collections' way ("total, frozen").

`--save-reference FILE` writes the model labels and every page's `finish(...).to_dict()` (gzipped
JSON; it holds third-party text, so keep it outside the repository); `--check FILE` reruns `finish`
on the saved labels (not the current model's, which may have changed) and counts the pages whose
output differs.

`--before FILE` (a result JSON of this script, e.g. run on an older checkout of the package, back to
back with this run) adds a "before" column. The shipped "before" is the code of commit 98ebe56:
`git archive 98ebe56 | tar -x -C DIR/main`, this script copied into DIR/main/benchmarks, `../shared`
linked next to DIR/main, run there with `--check` and `--out before.json`, then here with
`--check` and `--before before.json`.

    python benchmarks/postprocess_speed.py [--repeats 3] [--save-reference F] [--check F] [--before F]

Prints a table and writes benchmarks/results/postprocess_speed.json.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import torch

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from segmenter_speed import load_test_texts  # noqa: E402

from pipeline.segmenter import clear_line_caches, load_segmenter  # noqa: E402
from pipeline.segmenter.text import apply_rules, assemble, decode, find_title, finish, split_lines  # noqa: E402

RESULT = REPO / "benchmarks" / "results" / "postprocess_speed.json"


class GcTimer:
    """Seconds spent in garbage collections while active (a gc callback)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._start = 0.0

    def __call__(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._start = time.process_time()
        else:
            self.seconds += time.process_time() - self._start

    def __enter__(self) -> "GcTimer":
        gc.callbacks.append(self)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self)


def cpu_ms_per_doc(run: Callable[[], object], n_docs: int, repeats: int,
                   freeze: bool = False) -> tuple[float, float]:
    """(ms per document, of which in garbage collection) of the fastest of `repeats` runs of `run()`
    (process CPU time). The results of a run are kept until it ends, as segment_texts keeps them:
    the collections that their objects trigger are part of the cost. `freeze`: run after
    `gc.freeze()`, so that full collections skip the objects that existed before."""
    best, best_gc = float("inf"), 0.0
    for _ in range(repeats):
        clear_line_caches()
        gc.collect()
        if freeze:
            gc.freeze()
        with GcTimer() as gc_timer:
            start = time.process_time()
            run()
            elapsed = time.process_time() - start
        gc.unfreeze()
        if elapsed < best:
            best, best_gc = elapsed, gc_timer.seconds
    return 1000 * best / n_docs, 1000 * best_gc / n_docs


def part_timings(texts: list[str], labels: list[list[str]], repeats: int) -> dict[str, tuple[float, float]]:
    """(ms per document, of which in garbage collection) of each post-processing step, and of
    split_lines + finish together."""
    numbered = [split_lines(decode(text)) for text in texts]
    lines = [[line for _, line in doc] for doc in numbered]
    ruled = [apply_rules(doc, doc_labels) if doc else [] for doc, doc_labels in zip(lines, labels)]
    titles = [find_title(doc, doc_labels) for doc, doc_labels in zip(lines, ruled)]
    n = len(texts)
    return {
        "split_lines": cpu_ms_per_doc(lambda: [split_lines(decode(text)) for text in texts], n, repeats),
        "apply_rules": cpu_ms_per_doc(
            lambda: [apply_rules(doc, doc_labels) for doc, doc_labels in zip(lines, labels) if doc], n, repeats),
        "find_title": cpu_ms_per_doc(
            lambda: [find_title(doc, doc_labels) for doc, doc_labels in zip(lines, ruled)], n, repeats),
        "assemble": cpu_ms_per_doc(
            lambda: [assemble(doc, doc_labels, title) for doc, doc_labels, title in zip(numbered, ruled, titles)],
            n, repeats),
        "total": cpu_ms_per_doc(
            lambda: [finish(split_lines(decode(text)), doc_labels) for text, doc_labels in zip(texts, labels)],
            n, repeats),
        "total, frozen": cpu_ms_per_doc(
            lambda: [finish(split_lines(decode(text)), doc_labels) for text, doc_labels in zip(texts, labels)],
            n, repeats, freeze=True),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--save-reference", type=Path, help="write model labels and outputs here (gzipped JSON)")
    parser.add_argument("--check", type=Path, help="a file written by --save-reference: compare outputs")
    parser.add_argument("--before", type=Path, help="an earlier result JSON of this script: adds a column")
    parser.add_argument("--out", type=Path, default=RESULT)
    args = parser.parse_args()
    torch.set_num_threads(1)

    ids, texts = load_test_texts()
    if args.check:
        with gzip.open(args.check, "rt", encoding="utf-8") as handle:
            reference = json.load(handle)
        labels = [reference["labels"][page] for page in ids]
    else:
        numbered = [split_lines(decode(text)) for text in texts]
        labels = load_segmenter().predict_many([[line for _, line in doc] for doc in numbered])

    timings = part_timings(texts, labels, args.repeats)
    summary: dict[str, object] = {
        "pages": len(texts),
        "ms_per_doc": {part: round(ms, 3) for part, (ms, _) in timings.items()},
        "of_which_gc_ms_per_doc": {part: round(gc_ms, 3) for part, (_, gc_ms) in timings.items()},
        "python_objects_at_start": len(gc.get_objects()),
    }
    outputs = {page: finish(split_lines(decode(text)), doc_labels).to_dict()
               for page, text, doc_labels in zip(ids, texts, labels)}
    if args.save_reference:
        with gzip.open(args.save_reference, "wt", encoding="utf-8") as handle:
            json.dump({"labels": dict(zip(ids, labels)), "outputs": outputs}, handle)
    if args.check:
        summary["pages_with_different_output"] = sum(reference["outputs"][page] != outputs[page] for page in ids)

    print(f"{len(texts)} test pages, model labels precomputed; process CPU time, best of {args.repeats} "
          f"(shared machine: noisy)")
    before = json.loads(args.before.read_text())["after"] if args.before else None
    before_ms = (before or {}).get("ms_per_doc", {})
    print(f"{'ms per document':<16}{'before':>8}{'after':>8}{'of which gc':>13}")
    for part, (ms, gc_ms) in timings.items():
        print(f"{part:<16}{before_ms.get(part, float('nan')):>8.3f}{ms:>8.3f}{gc_ms:>13.3f}")
    if "pages_with_different_output" in summary:
        print(f"pages with different output: {summary['pages_with_different_output']}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"before": before, "after": summary}, indent=2) + "\n")


if __name__ == "__main__":
    main()
