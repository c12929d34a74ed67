"""Adapting the segmenter to a site: how much do two labelled pages of a site help on its other pages?

Users adapt the shipped segmenter to their sites by labelling a few pages and fine-tuning on them
(README, "Adapting the segmenter to your sites"). This benchmark measures that workflow on sites the shipped
model has never seen: the hosts of the host-disjoint Dragnet test split with at least MIN_PAGES pages
(low_confidence pages dropped). For each such host, in turn:

1. its first LABELLED_PAGES pages (by id) are the user's labelled pages, in both dump styles, with the gold
   labels as the user's labels and the host as their `site`;
2. the shipped model is fine-tuned on them exactly as the README's command does
   (`python -m pipeline.segmenter.train --no-shared --user-jsonl FILE --base shipped`, its default settings:
   4 epochs, learning rate 1e-3, seed 13);
3. the host's other pages (both styles) are segmented with the shipped and the adapted model, as one site
   (`segment_texts(..., sites=...)`), and scored against the gold labels;
4. forgetting: the adapted model also segments a fixed sample of OTHER_PAGES pages of the other test hosts
   (both styles, each with its own host), against the shipped model on the same pages.

Scores are the Dragnet benchmark's (`train.word_scores`, word-weighted, final labels with the rules, title counts
as body), pooled over all hosts' held-out pages. The design and the settings were fixed before the first run;
nothing in the shipped model or its rules is chosen by this benchmark.

    python benchmarks/segmentation_adaptation.py [--limit N]

Prints a table and writes benchmarks/results/segmentation_adaptation.json.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import torch

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.segmentation import benchmark_pages, run_newsstance_sites  # noqa: E402
from pipeline.segmenter import load_segmenter  # noqa: E402
from pipeline.segmenter import train as segmenter_train  # noqa: E402
from pipeline.segmenter.train import word_scores  # noqa: E402

RESULTS = REPO / "benchmarks" / "results" / "segmentation_adaptation.json"
MIN_PAGES = 4
LABELLED_PAGES = 2
OTHER_PAGES = 40
SAMPLE_SEED = 13


def final_labels(records: list[dict], segmenter) -> list[list[str]]:
    """The final line labels of the records, each record segmented with its host as its site (as the segmentation
    benchmark's "site's pages together" row)."""
    return run_newsstance_sites(records, segmenter)[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=0, help="only the first N hosts (a quick run; no results file)")
    args = parser.parse_args()
    torch.set_num_threads(1)
    logging.basicConfig(level=logging.WARNING)
    records = benchmark_pages("test")  # exits with a message when ../shared is absent
    by_host: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for record in records:
        by_host[record["host_guess"]][record["id"]].append(record)
    hosts = sorted(host for host, pages in by_host.items() if len(pages) >= MIN_PAGES)
    if args.limit:
        hosts = hosts[: args.limit]
    shipped = load_segmenter()
    rows, held_gold, held_shipped, held_adapted = [], [], [], []
    other_gold, other_shipped, other_adapted = [], [], []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as scratch:
        for number, host in enumerate(hosts, start=1):
            page_ids = sorted(by_host[host])
            labelled = [r for page_id in page_ids[:LABELLED_PAGES] for r in by_host[host][page_id]]
            held = [r for page_id in page_ids[LABELLED_PAGES:] for r in by_host[host][page_id]]
            user_file, model_file = Path(scratch) / "user.jsonl", Path(scratch) / "adapted.safetensors"
            user_file.write_text("".join(json.dumps({"lines": r["lines"], "labels": r["labels"], "site": host}) + "\n"
                                         for r in labelled), encoding="utf-8")
            fit_started = time.perf_counter()
            segmenter_train.main(["--no-shared", "--user-jsonl", str(user_file), "--base", "shipped",
                                  "--out", str(model_file), "--threads", "1"])
            fit_seconds = time.perf_counter() - fit_started
            logging.getLogger().setLevel(logging.WARNING)  # train.main configures INFO logging
            adapted = load_segmenter(model_file)
            before, after = final_labels(held, shipped), final_labels(held, adapted)
            others = sorted((r for other in by_host if other != host for page in by_host[other].values() for r in page),
                            key=lambda r: (r["id"], r["style"]))
            sample_ids = set(random.Random(SAMPLE_SEED).sample(sorted({r["id"] for r in others}), OTHER_PAGES))
            sample = [r for r in others if r["id"] in sample_ids]
            other_gold += sample
            other_shipped += final_labels(sample, shipped)
            other_adapted += final_labels(sample, adapted)
            held_gold += held
            held_shipped += before
            held_adapted += after
            host_before, host_after = word_scores(held, before), word_scores(held, after)
            rows.append({"host": host, "labelled_pages": LABELLED_PAGES, "held_out_pages": len(page_ids) - LABELLED_PAGES,
                         "fine_tune_seconds": round(fit_seconds, 1),
                         "body_f1": [round(host_before["body_f1"], 4), round(host_after["body_f1"], 4)],
                         "comment_f1": [round(host_before["comment_f1"], 4), round(host_after["comment_f1"], 4)]})
            print(f"[{number}/{len(hosts)}] {host}: body F1 {host_before['body_f1']:.3f} -> {host_after['body_f1']:.3f}"
                  f"  ({fit_seconds:.1f} s to fine-tune)", flush=True)
    pooled = {"held_out": {"shipped": word_scores(held_gold, held_shipped), "adapted": word_scores(held_gold, held_adapted)},
              "other_hosts": {"shipped": word_scores(other_gold, other_shipped),
                              "adapted": word_scores(other_gold, other_adapted)}}
    improved = sum(row["body_f1"][1] > row["body_f1"][0] for row in rows)
    worse = sum(row["body_f1"][1] < row["body_f1"][0] for row in rows)
    print(f"\n{len(hosts)} test hosts with >= {MIN_PAGES} pages; {LABELLED_PAGES} labelled pages each (both dump styles); "
          f"{len(held_gold)} held-out documents")
    header = f"{'pages':34s} {'model':8s} {'bodyP':>6s} {'bodyR':>6s} {'bodyF1':>6s} {'commF1':>6s} {'lineAcc':>7s}"
    print(header)
    print("-" * len(header))
    names = {"held_out": "the hosts' other pages", "other_hosts": f"other hosts ({OTHER_PAGES} pages per model)"}
    for part, models in pooled.items():
        for model, scores in models.items():
            print(f"{names[part]:34s} {model:8s} {scores['body_precision']:6.3f} {scores['body_recall']:6.3f} "
                  f"{scores['body_f1']:6.3f} {scores['comment_f1']:6.3f} {scores['line_accuracy']:7.3f}")
    print(f"hosts whose held-out body F1 rose / fell: {improved} / {worse}; "
          f"median fine-tune time {sorted(row['fine_tune_seconds'] for row in rows)[len(rows) // 2]:.1f} s; "
          f"{time.perf_counter() - started:.0f} s in all")
    if not args.limit:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps({"summary": {part: {model: {key: round(value, 4) for key, value in scores.items()}
                                                           for model, scores in models.items()}
                                                    for part, models in pooled.items()},
                                       "hosts_improved": improved, "hosts_worse": worse, "per_host": rows,
                                       "settings": {"min_pages": MIN_PAGES, "labelled_pages": LABELLED_PAGES,
                                                    "other_pages": OTHER_PAGES, "sample_seed": SAMPLE_SEED}},
                                      indent=2) + "\n", encoding="utf-8")
        print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
