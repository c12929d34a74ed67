"""Segmentation stress test: site furniture between an article's paragraphs.

Modern news pages print newsletter boxes, share bars, "RELATED:" links, ad prompts and photo credits
inside the article. The Dragnet pages seldom do, so this benchmark puts them there: the host-disjoint
test pages (plain text, both dump styles, `low_confidence` dropped) with one kind of furniture put after
every fourth paragraph (a gold body line of 12+ words), labelled boilerplate, one kind at a time. The
furniture texts below are our own, and none of them is what training inserts (`data.interrupt` takes a
page's own boilerplate lines). Scores as in `benchmarks/segmentation.py` (word-weighted, pooled); jusText
(plain lines, English stoplist) runs on the same pages as the peer.

    python benchmarks/segmentation_robustness.py [--model PATH] [--pages test|validation] [--limit N]

`--pages validation` uses the held-out host fold (1 of 5) of the TRAINING split instead, for models
trained without it: that is where training choices are compared, never on the test pages.

Prints a table and writes benchmarks/results/segmentation_robustness.json (full test runs).
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
import time
from pathlib import Path

import torch

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.segmentation import benchmark_pages, run_justext  # noqa: E402
from pipeline.segmenter import load_segmenter, segment_texts  # noqa: E402
from pipeline.segmenter.train import word_scores  # noqa: E402

RESULTS = REPO / "benchmarks" / "results" / "segmentation_robustness.json"
EVERY = 4  # furniture after every 4th paragraph
FURNITURE = {
    "newsletter box": [["Sign up for our daily briefing", "Email address", "Sign up"],
                       ["Get the morning newsletter", "Enter your email", "Subscribe"]],
    "share bar": [["Share", "Facebook", "Twitter", "Email"], ["Share this:", "X", "LinkedIn", "WhatsApp", "Copy link"]],
    "related line": [["RELATED: Senate panel advances new sanctions bill"],
                     ["Read more: What the summit means for arms control"], ["READ MORE: Moscow expels two diplomats"]],
    "ad prompt": [["Advertisement"], ["Story continues below advertisement"], ["ADVERTISEMENT"]],
    "photo credit": [["Photo: Alexei Ivanov / Getty Images"], ["(AP Photo/Ivan Petrov)"]],
}


def with_furniture(record: dict, blocks: list[list[str]], rng: random.Random) -> dict:
    """The page with one of `blocks` (labelled boilerplate) after every EVERY-th paragraph."""
    lines, labels, paragraphs = [], [], 0
    for line, label in zip(record["lines"], record["labels"]):
        lines.append(line)
        labels.append(label)
        if label == "body" and len(line.split()) >= 12:
            paragraphs += 1
            if paragraphs % EVERY == 0:
                block = rng.choice(blocks)
                lines += block
                labels += ["boilerplate"] * len(block)
    return {**record, "lines": lines, "labels": labels}


def newsstance_labels(records: list[dict], segmenter) -> list[list[str]]:
    results = segment_texts(["\n".join(record["lines"]) for record in records], segmenter)
    return [[line.label for line in result.lines] for result in results]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, default=None, help="segmenter model file (default: shipped)")
    parser.add_argument("--pages", choices=("test", "validation"), default="test")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages (quick runs)")
    parser.add_argument("--no-justext", action="store_true", help="leave out the jusText rows")
    parser.add_argument("--out", type=Path, default=None, help=f"JSON results (default {RESULTS} for full test runs)")
    args = parser.parse_args()
    torch.set_num_threads(1)
    logging.basicConfig(level=logging.WARNING)
    records = benchmark_pages(args.pages)
    if args.limit:
        records = records[: args.limit]
    out_path = args.out or (RESULTS if args.pages == "test" and not args.limit else None)
    segmenter = load_segmenter(args.model)

    variants = {"as they are": records}
    for name, blocks in FURNITURE.items():
        rng = random.Random(0)
        variants[name] = [with_furniture(record, blocks, rng) for record in records]
    rows = {}
    for name, pages in variants.items():
        rows[name] = {"inserted_lines": sum(len(p["lines"]) for p in pages) - sum(len(r["lines"]) for r in records),
                      "newsstance": word_scores(pages, newsstance_labels(pages, segmenter))}
        if not args.no_justext:
            rows[name]["jusText"] = word_scores(pages, run_justext(pages)[0])

    systems = ["newsstance"] + ([] if args.no_justext else ["jusText"])
    print(f"\n{len(records)} Dragnet {args.pages} pages (both dump styles), furniture after every {EVERY}th paragraph")
    header = f"{'furniture':16s} {'lines':>6s} " + " ".join(f"{s + ' body P/R/F1':>28s}" for s in systems)
    print(header)
    print("-" * len(header))
    for name, row in rows.items():
        cells = " ".join(f"{row[s]['body_precision']:8.3f} {row[s]['body_recall']:6.3f} {row[s]['body_f1']:6.3f}      "
                         for s in systems)
        print(f"{name:16s} {row['inserted_lines']:6d} {cells}")
    inserted = [name for name in rows if name != "as they are"]
    mean = {s: sum(rows[name][s]["body_f1"] for name in inserted) / len(inserted) for s in systems}
    print("mean body F1 with furniture inserted: " + ", ".join(f"{s} {value:.3f}" for s, value in mean.items()))
    if out_path is not None:
        output = {"run_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "pages": len(records),
                  "split": args.pages, "model": str(args.model or "shipped"), "every": EVERY,
                  "mean_body_f1_with_furniture": mean,
                  "rows": {name: {k: v if k == "inserted_lines" else {m: round(x, 4) for m, x in v.items()}
                                  for k, v in row.items()} for name, row in rows.items()}}
        out_path.parent.mkdir(parents=True, exist_ok=True)
        out_path.write_text(json.dumps(output, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {out_path}")


if __name__ == "__main__":
    main()
