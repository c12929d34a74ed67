"""Speed of the plain-text segmenter, and a check that its labels do not change.

Pages: the host-disjoint test split of the Dragnet inscriptis dumps in `../shared/data/segmentation`
(`split_host_disjoint == "test"`, `low_confidence` pages dropped), each dump's lines joined with
newlines. Speed: documents per second of process CPU time (`time.process_time`, what one core
delivers) on one torch thread, each run starting with the segmenter's line caches empty (a second run over the same
pages would find most of its line answers remembered and run about a third faster than a run over a new corpus),
text in, Segmentation out: one `segment_text` call per document,
`segment_texts` on all of them (batches of `model.INFERENCE_BATCH_DOCS`, 128), and `segment_texts` with each page's host as its
site (the site-template features of `pipeline.segmenter.sites`, as the `segment` stage runs). The best of `--repeats` runs is kept, since the
machine is shared with other workers and timings are noisy.

Paired comparison: `--paired-with DIR` (a checkout of another version, e.g. `git worktree add DIR
COMMIT`, with `../shared` reachable from it) keeps one worker process per version and times them in
turn, `--rounds` times each way (order swapped every round), so both see the same moments of a
shared machine; it reports each version's best and median speed and the median per-round speedup,
which holds far better than two separate runs on a noisy machine.

Labels: `--save-labels FILE` writes every page's final line labels (and the model's raw labels) as
JSON; `--check-labels FILE` compares against such a file and reports how many pages differ. A
`--before FILE` result JSON (written earlier by this script) adds a before/after column to the table.
The shipped "before" figures come from the previous shipped code (commit c99da1d), run back to back
with the "after" run on the same machine: `git worktree add DIR/tree c99da1d`, `../shared` linked
next to DIR/tree, then `python DIR/tree/benchmarks/segmenter_speed.py --out before.json` and here
`--before before.json`. Speeds differ by machine (the result records the CPU): compare only
figures from one run or from runs back to back.

    python benchmarks/segmenter_speed.py [--repeats 3] [--save-labels F] [--check-labels F] [--before F]
                                         [--paired-with DIR [--rounds 12]]

Prints a table and writes benchmarks/results/segmenter_speed.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

import torch

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline.segmenter import load_segmenter, segment_text, segment_texts  # noqa: E402

DUMPS = REPO.parent / "shared" / "data" / "segmentation" / "dragnet.inscriptis.jsonl.gz"
RESULT = REPO / "benchmarks" / "results" / "segmenter_speed.json"


def load_test_texts(path: Path = DUMPS, with_hosts: bool = False):
    """(ids, texts) of the host-disjoint test pages without low-confidence labels; `with_hosts`:
    (ids, texts, hosts)."""
    ids, texts, hosts = [], [], []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for row in map(json.loads, handle):
            if row.get("split_host_disjoint") == "test" and not row.get("low_confidence"):
                ids.append(row["id"])
                texts.append("\n".join(row["lines"]))
                hosts.append(row.get("host_guess"))
    return (ids, texts, hosts) if with_hosts else (ids, texts)


def clear_caches() -> None:
    """Empty the loaded segmenter's line caches: `clear_line_caches`, or in an older checkout that lacks it, each
    cache of its modules' functions that holds lines (maxsize 1 << 16)."""
    import pipeline.segmenter as package

    if hasattr(package, "clear_line_caches"):
        package.clear_line_caches()
        return
    for name, module in list(sys.modules.items()):
        if name.startswith("pipeline.segmenter"):
            for function in vars(module).values():
                if hasattr(function, "cache_info") and function.cache_info().maxsize == 1 << 16:
                    function.cache_clear()


def docs_per_cpu_second(run, n_docs: int, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        clear_caches()
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return n_docs / best


def _worker(repo: Path) -> None:
    """Time `segment_texts` on the test pages (with sites when told "sites") for each line of stdin."""
    sys.path.insert(0, str(repo))
    for name in [name for name in sys.modules if name == "pipeline" or name.startswith("pipeline.")]:
        del sys.modules[name]
    from pipeline.segmenter import load_segmenter as load, segment_texts as segment

    torch.set_num_threads(1)
    _, texts, hosts = load_test_texts(with_hosts=True)
    segmenter = load()
    segment(texts[:8], segmenter)
    print("ready", flush=True)
    for command in sys.stdin:
        clear_caches()
        start = time.process_time()
        segment(texts, segmenter, sites=hosts if command.strip() == "sites" else None)
        print(time.process_time() - start, flush=True)


def paired(other: Path, rounds: int) -> dict:
    """Alternate timings of this checkout and `other` (see the module docstring)."""
    import statistics
    import subprocess

    command = [sys.executable, __file__, "--worker"]
    workers = {name: subprocess.Popen([*command, str(repo)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
               for name, repo in (("other", other.resolve()), ("this", REPO))}
    for worker in workers.values():
        if worker.stdout.readline().strip() != "ready":
            raise RuntimeError("a worker failed to start")
    n_docs = len(load_test_texts()[0])
    seconds: dict[tuple[str, str], list[float]] = {(name, mode): [] for name in workers for mode in ("plain", "sites")}
    for round_number in range(rounds):
        order = list(workers.items()) if round_number % 2 == 0 else list(reversed(workers.items()))
        for mode in ("plain", "sites"):
            for name, worker in order:
                worker.stdin.write(mode + "\n")
                worker.stdin.flush()
                seconds[(name, mode)].append(float(worker.stdout.readline()))
    for worker in workers.values():
        worker.stdin.close()
        worker.wait()
    commit = subprocess.run(["git", "-C", str(other), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    result: dict = {"other": str(other), "other_commit": commit.stdout.strip() or None, "rounds": rounds}
    for (name, mode), values in seconds.items():
        result[f"{name}_{mode}"] = {"best": round(n_docs / min(values), 1),
                                    "median": round(n_docs / statistics.median(values), 1)}
    for mode in ("plain", "sites"):
        ratios = [theirs / ours for ours, theirs in zip(seconds[("this", mode)], seconds[("other", mode)])]
        result[f"speedup_{mode}"] = {"median": round(statistics.median(ratios), 3),
                                     "min": round(min(ratios), 3), "max": round(max(ratios), 3)}
    return result


def machine() -> str:
    """CPU model and count: speeds from different machines are not comparable."""
    import os
    import platform

    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            model = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), model)
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--save-labels", type=Path)
    parser.add_argument("--check-labels", type=Path)
    parser.add_argument("--before", type=Path, help="an earlier result JSON of this script")
    parser.add_argument("--out", type=Path, default=RESULT)
    parser.add_argument("--paired-with", type=Path, help="another checkout to time in turn with this one")
    parser.add_argument("--rounds", type=int, default=12)
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return _worker(args.worker)
    torch.set_num_threads(1)

    ids, texts, hosts = load_test_texts(with_hosts=True)
    segmenter = load_segmenter()
    segment_texts(texts[:8], segmenter)  # warm-up

    single = docs_per_cpu_second(lambda: [segment_text(text, segmenter) for text in texts], len(texts), args.repeats)
    batched = docs_per_cpu_second(lambda: segment_texts(texts, segmenter), len(texts), args.repeats)
    with_sites = docs_per_cpu_second(lambda: segment_texts(texts, segmenter, sites=hosts), len(texts), args.repeats)

    results = segment_texts(texts, segmenter)
    singles = [segment_text(text, segmenter) for text in texts]
    labels = {page: [line.label for line in result.lines] for page, result in zip(ids, results)}
    consistent = all([line.label for line in a.lines] == [line.label for line in b.lines]
                     for a, b in zip(results, singles))
    raw = segmenter.predict_many([[line.text for line in result.lines] for result in results])
    raw_labels = dict(zip(ids, raw))

    summary = {"pages": len(texts), "lines": sum(len(r.lines) for r in results),
               "docs_per_cpu_second": round(single, 1), "batched_docs_per_cpu_second": round(batched, 1),
               "batched_with_sites_docs_per_cpu_second": round(with_sites, 1),
               "single_equals_batched": consistent, "torch_threads": 1, "machine": machine(),
               "run_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    if args.save_labels:
        args.save_labels.write_text(json.dumps({"final": labels, "model": raw_labels}))
    if args.check_labels:
        saved = json.loads(args.check_labels.read_text())
        summary["pages_with_changed_labels"] = sum(saved["final"][page] != labels[page] for page in ids)
        summary["pages_with_changed_model_labels"] = sum(saved["model"][page] != raw_labels[page] for page in ids)
    before = json.loads(args.before.read_text())["after"] if args.before else None
    if args.paired_with:
        summary["paired"] = paired(args.paired_with, args.rounds)

    print(f"{len(texts)} test pages, {summary['lines']} lines, one torch thread (shared machine: noisy)")
    print(f"{'docs per CPU-second':<28}{'before':>10}{'after':>10}")
    for key, name in (("docs_per_cpu_second", "segment_text (one by one)"),
                      ("batched_docs_per_cpu_second", "segment_texts (batched)"),
                      ("batched_with_sites_docs_per_cpu_second", "segment_texts + sites")):
        print(f"{name:<28}{(before or {}).get(key, float('nan')):>10.1f}{summary[key]:>10.1f}")
    for key in ("single_equals_batched", "pages_with_changed_labels", "pages_with_changed_model_labels"):
        if key in summary:
            print(f"{key}: {summary[key]}")
    if "paired" in summary:
        pair = summary["paired"]
        print(f"paired with {pair['other']}, {pair['rounds']} rounds: docs per CPU-second, best / median")
        for mode in ("plain", "sites"):
            print(f"  {mode:<6} other {pair['other_' + mode]['best']:>6.1f} / {pair['other_' + mode]['median']:<6.1f}"
                  f" this {pair['this_' + mode]['best']:>6.1f} / {pair['this_' + mode]['median']:<6.1f}"
                  f" speedup median {pair['speedup_' + mode]['median']:.3f}"
                  f" (min {pair['speedup_' + mode]['min']:.3f}, max {pair['speedup_' + mode]['max']:.3f})")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"before": before, "after": summary}, indent=2) + "\n")


if __name__ == "__main__":
    main()
