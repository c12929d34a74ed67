"""Segmentation on the demo corpus, against the gold its generator knows: a check on modern site styles.

The Dragnet pages of `benchmarks/segmentation.py` come from sites of the 2000s and 2010s. The demo corpus
(`data/raw/demo/`, our own text) imitates site templates of 2017-2024: share rows, newsletter boxes, "Notify of"
comment widgets, photo credits, related-story lists. `data/raw/build_demo.py` writes `data/raw/demo_gold.jsonl`
with what each file holds: its title, its body paragraphs (and crosshead) and its comments.

Each document goes through the same code as the `segment` stage (`pipeline.segment.segment_records`: HTML files
through the markup path, text files through the line segmenter with the title hint), after ingest and repair.
`--text-only` sends the HTML files' flattened text through the line segmenter too. Every segmented line then
gets a gold label by its text (`pipeline.segmenter.data.demo_line_labels`: title and body paragraphs count as
body, comment texts as comments, a comment section's author / date / "Reply" lines are not scored, the rest is
boilerplate).

Scores are those of the Dragnet benchmark (`train.word_scores`, word-weighted, title counts as body). Besides
them the table lists, per model, the documents whose body holds at least one boilerplate line ("furniture
in body") and those that lost a body line, the documents whose title is the gold one, and comment parsing:
the share of gold comments parsed with exactly their text ("commentsFound"), and of those the share with
the gold author.

    python benchmarks/segmentation_demo.py [--model PATH] [--also PATH ...] [--text-only] [--outlets A,B]

Prints a table and writes benchmarks/results/segmentation_demo.json. A model trained on part of the demo
(`pipeline.segmenter.train --demo-repeat N --demo-outlets A,B`) is judged on the other outlets (`--outlets`):
its own outlets' templates it has seen.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import Counter
from pathlib import Path

import torch

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline.clean import repair_frame  # noqa: E402
from pipeline.ingest import load_records  # noqa: E402
from pipeline.segment import segment_records  # noqa: E402
from pipeline.segmenter import load_segmenter  # noqa: E402
from pipeline.segmenter.data import NOT_SCORED, demo_line_labels, normalise_for_matching, read_demo_gold  # noqa: E402
from pipeline.segmenter.result import Segmentation  # noqa: E402
from pipeline.segmenter.train import word_scores  # noqa: E402

DEMO = REPO / "data" / "raw" / "demo"
RESULTS = REPO / "benchmarks" / "results" / "segmentation_demo.json"


def comment_parsing(segmentation: Segmentation, gold: dict) -> Counter:
    """Counts for one document: gold comments, parsed comments, parsed comments whose text is exactly a
    gold comment's (text matched), and of those the ones with the gold author."""
    gold_comments = [(normalise_for_matching(c["text"]), normalise_for_matching(c.get("author") or ""))
                     for c in gold.get("comments") or []]
    unmatched = Counter(text for text, _ in gold_comments)
    authors = {text: author for text, author in gold_comments}
    counts = Counter(gold=len(gold_comments), parsed=len(segmentation.comments))
    for comment in segmentation.comments:
        text = normalise_for_matching(comment.text)
        if unmatched[text] > 0:
            unmatched[text] -= 1
            counts["text_matched"] += 1
            counts["author_right"] += normalise_for_matching(comment.author or "") == authors[text]
    return counts


def score(segmentations: list[Segmentation], golds: list[dict]) -> dict:
    records, predictions = [], []
    parsing: Counter = Counter()
    titles_right = 0
    furniture_docs, lost_docs, furniture_lines = 0, 0, Counter()
    for segmentation, gold in zip(segmentations, golds):
        lines = [line.text for line in segmentation.lines]
        truth = demo_line_labels(lines, gold)
        kept = [i for i, label in enumerate(truth) if label != NOT_SCORED]
        predicted = [segmentation.lines[i].label for i in kept]
        records.append({"lines": [lines[i] for i in kept], "labels": [truth[i] for i in kept]})
        predictions.append(predicted)
        in_body = [lines[i] for i, p in zip(kept, predicted) if p in ("title", "body") and truth[i] == "boilerplate"]
        furniture_docs += bool(in_body)
        furniture_lines.update(line[:60] for line in in_body)
        lost_docs += any(truth[i] == "body" and p != "body" and p != "title" for i, p in zip(kept, predicted))
        parsing += comment_parsing(segmentation, gold)
        titles_right += normalise_for_matching(segmentation.title or "") == normalise_for_matching(gold["title"])
    scores = word_scores(records, predictions)
    return {**{k: round(v, 4) for k, v in scores.items()}, "docs_with_furniture_in_body": furniture_docs,
            "docs_missing_body_lines": lost_docs, "furniture_in_body_top": furniture_lines.most_common(10),
            "titles_right": titles_right,
            "comment_parsing": {**dict(parsing),
                                "text_recall": round(parsing["text_matched"] / max(parsing["gold"], 1), 4),
                                "text_precision": round(parsing["text_matched"] / max(parsing["parsed"], 1), 4),
                                "author_accuracy": round(parsing["author_right"] / max(parsing["text_matched"], 1), 4)}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, default=None, help="segmenter model file (default: shipped)")
    parser.add_argument("--also", type=Path, nargs="*", default=[], help="further model files to score")
    parser.add_argument("--text-only", action="store_true", help="HTML files too through the plain-text path")
    parser.add_argument("--outlets", default="", help="only these outlets (comma-separated folder names)")
    parser.add_argument("--out", type=Path, default=None, help=f"JSON results (default {RESULTS})")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    torch.set_num_threads(1)

    golds = read_demo_gold()
    frame = repair_frame(load_records([DEMO]))
    records = frame.to_dict(orient="records")
    if args.outlets:
        records = [record for record in records if record["id"].split("/")[0] in args.outlets.split(",")]
    if args.text_only:
        records = [{**record, "html": None} for record in records]
    missing = [record["id"] for record in records if record["id"] not in golds]
    if missing:
        raise SystemExit(f"demo_gold.jsonl: no gold for {missing[:3]} (rebuild with data/raw/build_demo.py)")
    ordered_gold = [golds[record["id"]] for record in records]

    results = {}
    for model in [args.model, *args.also]:
        name = "shipped" if model is None else model.name
        results[name] = score(segment_records(records, load_segmenter(model)), ordered_gold)

    header = (f"{'model':36s} {'bodyP':>6s} {'bodyR':>6s} {'bodyF1':>6s} {'commF1':>6s} {'lineAcc':>7s} {'furniture':>9s} "
              f"{'lost':>5s} {'titles':>6s} {'commentsFound':>13s} {'authors':>7s}")
    print(f"\ndemo corpus: {len(records)} documents ({'all as plain text' if args.text_only else 'as the segment stage reads them'})")
    print(header)
    print("-" * len(header))
    for name, result in results.items():
        print(f"{name:36s} {result['body_precision']:6.3f} {result['body_recall']:6.3f} {result['body_f1']:6.3f} "
              f"{result['comment_f1']:6.3f} {result['line_accuracy']:7.3f} {result['docs_with_furniture_in_body']:9d} "
              f"{result['docs_missing_body_lines']:5d} {result['titles_right']:6d} "
              f"{result['comment_parsing']['text_recall']:13.3f} {result['comment_parsing']['author_accuracy']:7.3f}")
    out_path = args.out or RESULTS
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps({"documents": len(records), "text_only": args.text_only, "models": results},
                                   indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {out_path}")


if __name__ == "__main__":
    main()
