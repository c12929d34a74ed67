"""Train the line segmenter.

    python -m pipeline.segmenter.train --out pipeline/segmenter/weights/line_segmenter.safetensors

reads the shared Dragnet dumps (`split_host_disjoint == "train"`, both dump styles) from
`../shared/data/segmentation` and writes one model file. Users add their own labelled pages, JSONL
records `{"lines": [...], "labels": [...]}` with labels title / body / comment / boilerplate, and optionally
`"site"` (outlet or host: pages of one site teach the site-template features, `sites.py`):

    # retrain on shared data + your pages (your pages repeated 3 times to weigh more)
    python -m pipeline.segmenter.train --user-jsonl mine.jsonl --user-repeat 3 --out my_model.safetensors
    # without the shared data: fine-tune the shipped model on your pages
    python -m pipeline.segmenter.train --no-shared --user-jsonl mine.jsonl --base shipped --out my_model.safetensors

`--demo-repeat N` adds the project's demo corpus (site styles of 2017-2024, line labels from its generator's
gold, `data.load_demo_pages`) N times; `--demo-outlets` limits it to some outlets, for outlet-disjoint checks
with `benchmarks/segmentation_demo.py --outlets`.

`--validate K` first holds out one of K host folds of the training data, trains on the rest and
logs word-weighted scores on the held-out hosts (the host-disjoint test split is never read here).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import re
from pathlib import Path

from pipeline.segmenter.data import (
    DEFAULT_DATA_DIR,
    DUMP_STYLES,
    host_fold,
    load_demo_pages,
    load_dragnet,
    load_probe_pages,
    load_user_jsonl,
    page_site,
    with_augmentations,
)
from pipeline.segmenter.model import DEFAULT_TRAINING, LineSegmenter

log = logging.getLogger("pipeline.segmenter.train")
WORD_RE = re.compile(r"\w+")


# per-document tallies behind the word-weighted scores, in this order (`word_counts`)
COUNT_NAMES = ("body_true", "body_predicted", "body_gold", "comment_true", "comment_predicted", "comment_gold",
               "lines_correct", "lines")


def word_counts(record: dict, labels: list[str]) -> list[int]:
    """One document's tallies (`COUNT_NAMES`): words of lines labelled L rightly, labelled L, gold L, for
    body and comment (title counts as body), then lines labelled rightly and lines. Scores pool them."""
    counts = dict.fromkeys(COUNT_NAMES, 0)
    for line, gold_label, label in zip(record["lines"], record["labels"], labels):
        gold_label = "body" if gold_label == "title" else gold_label
        label = "body" if label == "title" else label
        n_words = len(WORD_RE.findall(line))
        for name in ("body", "comment"):
            counts[f"{name}_gold"] += n_words * (gold_label == name)
            counts[f"{name}_predicted"] += n_words * (label == name)
            counts[f"{name}_true"] += n_words * (label == gold_label == name)
        counts["lines_correct"] += label == gold_label
        counts["lines"] += 1
    return [counts[name] for name in COUNT_NAMES]


def scores_from_counts(counts: "list[int] | tuple[int, ...]") -> dict[str, float]:
    """Word-weighted P/R/F1 for body and comment and line accuracy from pooled `word_counts`."""
    tally = dict(zip(COUNT_NAMES, counts))
    scores: dict[str, float] = {"line_accuracy": tally["lines_correct"] / max(tally["lines"], 1)}
    for name in ("body", "comment"):
        true, predicted, gold = tally[f"{name}_true"], tally[f"{name}_predicted"], tally[f"{name}_gold"]
        precision = true / predicted if predicted else 0.0
        recall = true / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores.update({f"{name}_precision": precision, f"{name}_recall": recall, f"{name}_f1": f1})
    return scores


def word_scores(records: list[dict], predictions: list[list[str]]) -> dict[str, float]:
    """Word-weighted P/R/F1 for body and comment (title counts as body) and line accuracy, pooled over
    the documents (micro average)."""
    pooled = [0] * len(COUNT_NAMES)
    for record, labels in zip(records, predictions):
        pooled = [a + b for a, b in zip(pooled, word_counts(record, labels))]
    return scores_from_counts(pooled)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True, help="model file to write (safetensors)")
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--styles", nargs="+", default=list(DUMP_STYLES), choices=list(DUMP_STYLES))
    parser.add_argument("--no-shared", action="store_true", help="do not read the shared Dragnet data")
    parser.add_argument("--user-jsonl", type=Path, action="append", default=[], help="user-labelled pages")
    parser.add_argument("--user-repeat", type=int, default=1, help="times each user page enters training")
    parser.add_argument("--demo-repeat", type=int, default=0, help="times each demo page enters training (0: none)")
    parser.add_argument("--probe-pages", type=Path, nargs="+", default=[], metavar="SPEC_JSON",
                        help="probe page spec files (tests/pages/probe_pages_*.json): their checked lines, partly labelled")
    parser.add_argument("--probe-repeat", type=int, default=1, help="times each probe page enters training")
    parser.add_argument("--demo-outlets", default="", help="only these demo outlets (comma-separated folders)")
    parser.add_argument("--base", default=None, help="model file (or 'shipped') to start from")
    parser.add_argument("--epochs", type=int, default=None, help="passes over the data (12; 4 with --base)")
    parser.add_argument("--lr", type=float, default=None, help="peak learning rate (3e-3; 1e-3 with --base)")
    parser.add_argument("--threads", type=int, default=0, help="torch threads (0: torch's default)")
    parser.add_argument("--unweighted", action="store_true",
                        help="every line's loss weighs 1 (default: sqrt(1 + its words))")
    parser.add_argument("--seed", type=int, default=DEFAULT_TRAINING["seed"])
    parser.add_argument("--network", type=json.loads, default={}, metavar="JSON",
                        help='network and training settings, e.g. \'{"layers": 2, "hidden": 48}\' or '
                             '\'{"token_dropout": 0.3}\' (defaults: model.DEFAULT_CONFIG, DEFAULT_TRAINING)')
    parser.add_argument("--augment", type=float, default=1.0,
                        help="share of shared pages that also enter as a trimmed/cleaned variant (2.0: two variants each)")
    parser.add_argument("--interrupted", type=float, default=0.0,
                        help="share of shared pages that also enter with furniture put between their paragraphs")
    parser.add_argument("--shortened", type=float, default=0.0,
                        help="share of shared pages that also enter with their article cut after 2-4 paragraphs")
    parser.add_argument("--transplanted", type=float, default=0.0,
                        help="share of shared pages that also enter in the header and footer of another host's page")
    parser.add_argument("--teachers", type=Path, nargs="+", default=[],
                        help="model files whose mean predictions the new model also learns from (with --distill)")
    parser.add_argument("--distill", type=float, default=None,
                        help="weight of the teachers' predictions in each line's loss (0.5 when --teachers is given)")
    parser.add_argument("--validate", type=int, default=0, metavar="K", help="hold out 1 of K host folds first")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    args = parse_args(argv)
    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
    records: list[dict] = []
    if not args.no_shared:
        records += load_dragnet(args.data_dir, split="train", styles=tuple(args.styles))
        log.info("shared training pages: %d", len(records))
    for path in args.user_jsonl:
        user = load_user_jsonl(path)
        log.info("user pages from %s: %d (x%d)", path, len(user), args.user_repeat)
        records += user * max(args.user_repeat, 1)
    if args.demo_repeat > 0:
        demo = load_demo_pages(set(args.demo_outlets.split(",")) if args.demo_outlets else None)
        log.info("demo corpus pages: %d (x%d)", len(demo), args.demo_repeat)
        records += demo * args.demo_repeat
    if args.probe_pages:
        probes = load_probe_pages(args.probe_pages)
        log.info("probe pages (partly labelled): %d (x%d)", len(probes), args.probe_repeat)
        records += probes * max(args.probe_repeat, 1)
    if not records:
        raise SystemExit("no training data: give --user-jsonl or drop --no-shared")
    base = None
    if args.base:
        from pipeline.segmenter import load_segmenter

        base = load_segmenter(None if args.base == "shipped" else args.base)
    params = {"seed": args.seed, "word_weighted": not args.unweighted, **args.network}
    if args.epochs is not None:
        params["epochs"] = args.epochs
    if args.lr is not None:
        params["lr"] = args.lr
    teachers = [LineSegmenter.load(path) for path in args.teachers]
    if teachers:
        params["distill"] = 0.5 if args.distill is None else args.distill

    def fit(model: LineSegmenter, pages: list[dict]) -> LineSegmenter:
        shared = [r for r in pages if r.get("style")]
        user = [r for r in pages if not r.get("style")]
        pages = with_augmentations(shared, args.augment, interrupted=args.interrupted,
                                   shortened=args.shortened, transplanted=args.transplanted) + user
        return model.fit([r["lines"] for r in pages], [r["labels"] for r in pages], base=base,
                         sites=[page_site(r) for r in pages], teachers=teachers, progress=True, **params)

    if args.validate:
        held = [r for r in records if host_fold(r, args.validate) == 0]
        kept = [r for r in records if host_fold(r, args.validate) != 0]
        held = [r for r in held if not r.get("low_confidence")]
        model = fit(LineSegmenter(), kept)
        scores = word_scores(held, model.predict_many([r["lines"] for r in held], [page_site(r) for r in held]))
        log.info("validation on %d held-out pages: %s", len(held), json.dumps({k: round(v, 4) for k, v in scores.items()}))

    model = LineSegmenter()
    model.meta = {
        "trained_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "data": ("shared dragnet split_host_disjoint=train styles=" + ",".join(args.styles)) if not args.no_shared else "",
        "user_jsonl": [str(path) for path in args.user_jsonl],
        "demo": {"repeat": args.demo_repeat, "outlets": args.demo_outlets or "all"} if args.demo_repeat > 0 else None,
        "probe_pages": {"files": [path.name for path in args.probe_pages], "repeat": args.probe_repeat}
        if args.probe_pages else None,
        "base": args.base,
        "augment": args.augment,
        "interrupted": args.interrupted,
        "shortened": args.shortened,
        "transplanted": args.transplanted,
        "teachers": [teacher.meta.get("trained_at") for teacher in teachers],
        "params": params,
    }
    fit(model, records)
    model.save(args.out)
    log.info("wrote %s (%.1f MB)", args.out, args.out.stat().st_size / 1e6)


if __name__ == "__main__":
    main()
