"""Segmentation benchmark: newsstance vs trafilatura (HTML) and jusText (plain lines) on Dragnet.

Pages: the host-disjoint test split of `../shared/data/segmentation` (`split_host_disjoint ==
"test"`, no site of it in training), `low_confidence` pages dropped, in BOTH dump styles
(inscriptis and html-text flattenings of the same pages). Every system ends up with one label per
gold line (body / comment / boilerplate; a `title` line counts as body, since Dragnet's gold
article text includes the headline when the page shows it):

* newsstance, plain text: `segment_text` on the dump's lines joined with newlines, one page at a
  time; its line labels are the gold lines' labels directly.
* newsstance, plain text, a site's pages together: `segment_texts` on all pages of one dump style,
  each with its host (`host_guess`) as its site, as the `segment` stage passes an outlet's articles
  (`pipeline.segmenter.sites`: lines recurring on the site's other pages). The test pages of a host
  are compared with each other only (hosts are disjoint from training); 90 of the 437 test pages are
  their host's only page and read alone.
* jusText, plain lines: each line becomes one `<p>` of a minimal HTML page (English stoplist);
  paragraphs classified `good` are body, the rest boilerplate (jusText has no comment class).
* trafilatura, HTML: `bare_extraction(html, include_comments=True)` on the page's original HTML;
  its main text and its comments are mapped onto the gold lines of each dump style.
* newsstance, HTML: `segment_html` on the same HTML; the text of its body (and title) lines and of
  its comment lines is mapped onto the gold lines the same way. Again one page at a time, and all
  pages through `segment_htmls` with their hosts as sites.

Mapping extracted text onto gold lines (the rule the gold labels themselves were made with): a gold
line takes the label of the extracted part (body or comments) that contains at least half of its
word tokens, counting tokens as a multiset that is used up in page order, so repeated menu lines
are not all matched by one occurrence; otherwise it is boilerplate.

Scores, pooled over all pages of a style (micro average), word-weighted: every gold line weighs as
many as its word tokens (`\\w+`, lowercased). For label L, precision = words of lines predicted L
whose gold label is L / words of lines predicted L; recall = same numerator / words of lines whose
gold label is L; F1 their harmonic mean. Line accuracy counts lines, unweighted. Each F1 comes with a
95% interval from a bootstrap over hosts (pages of one site share a template, and both dump styles of
a page share its gold, so hosts, not pages, are the units drawn): 2,000 draws of the hosts (151 on
the test pages) with replacement. Every system is scored on the same draws, so the difference between
newsstance and each peer gets its own (paired) interval too. Speed: documents
per second on one thread (torch.set_num_threads(1)), text in, Segmentation out, both per second of
wall time and per second of the process's CPU time (= what one core delivers), one `segment_text`
call per document and, for newsstance plain text, also through the batched `segment_texts`; the
machine is shared by several workers, so wall timings are noisy.

    python benchmarks/segmentation.py [--limit N] [--model PATH] [--also PATH]

`--pages validation` scores instead the held-out host fold (1 of 5) of the TRAINING split, for a
model trained without it (`train.py --validate`-style); that is where design choices (such as the
HTML path) were made, never on the test pages.

Prints a table and writes benchmarks/results/segmentation.json (top-level `summary`).
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import tarfile
import time
from collections import Counter
from pathlib import Path

import numpy as np
import torch
from tqdm import tqdm

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline.segmenter import (clear_line_caches, load_segmenter, segment_html, segment_htmls,  # noqa: E402
                                 segment_text, segment_texts)
from pipeline.segmenter.train import COUNT_NAMES, word_counts, word_scores  # noqa: E402
from pipeline.segmenter.data import DEFAULT_DATA_DIR, DUMP_STYLES, host_fold, load_dragnet  # noqa: E402
from pipeline.segmenter.model import INFERENCE_BATCH_DOCS  # noqa: E402

WORD_RE = re.compile(r"\w+")
RESULTS = REPO / "benchmarks" / "results" / "segmentation.json"
BOOTSTRAP_ROUNDS = 2000
# differences with a bootstrap interval: each newsstance mode against the peer on the same input
COMPARED = [("newsstance (plain text, site's pages together)", "jusText (plain lines)"),
            ("newsstance (plain text, site's pages together)", "trafilatura (HTML, comments)"),
            ("newsstance (HTML, site's pages together)", "trafilatura (HTML, comments)")]


def tokens(text: str) -> list[str]:
    return [token.lower() for token in WORD_RE.findall(text)]


def map_text_to_lines(lines: list[str], body_text: str, comment_text: str) -> list[str]:
    """Labels of gold lines from extracted body and comment texts (see module docstring)."""
    pools = {"body": Counter(tokens(body_text)), "comment": Counter(tokens(comment_text))}
    labels = []
    for line in lines:
        words = tokens(line)
        if not words:
            labels.append("boilerplate")
            continue
        needed = Counter(words)
        best, best_share = "boilerplate", 0.0
        for name, pool in pools.items():
            share = sum(min(count, pool[word]) for word, count in needed.items()) / len(words)
            if share >= 0.5 and share > best_share:
                best, best_share = name, share
        if best != "boilerplate":
            pools[best].subtract(needed)
            pools[best] += Counter()  # drop non-positive counts
        labels.append(best)
    return labels


def read_html(ids: set[str]) -> dict[str, bytes]:
    pages = {}
    with tarfile.open(DEFAULT_DATA_DIR / "dragnet_html.tar.gz") as archive:
        for member in archive:
            if member.isfile() and member.name.startswith("input/") and member.name.endswith(".html"):
                page_id = "dragnet/" + member.name[len("input/"):-len(".html")]
                if page_id in ids:
                    pages[page_id] = archive.extractfile(member).read()
    return pages


class Speed:
    """Documents per second of wall time and per second of this process's CPU time (the latter is
    what one core delivers, and is less disturbed by other jobs on a shared machine). Each timed run starts with
    the segmenter's line caches empty, as a run over a new corpus does (`clear_line_caches`)."""

    def __init__(self, n_docs: int) -> None:
        self.n_docs = n_docs

    def __enter__(self) -> "Speed":
        clear_line_caches()
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc) -> None:
        self.per_wall_s = self.n_docs / max(time.perf_counter() - self.wall, 1e-9)
        self.per_cpu_s = self.n_docs / max(time.process_time() - self.cpu, 1e-9)


def run_newsstance_text(records: list[dict], segmenter) -> tuple[list[list[str]], Speed]:
    predictions = []
    with Speed(len(records)) as speed:
        for record in tqdm(records, desc="newsstance text"):
            result = segment_text("\n".join(record["lines"]), segmenter)
            predictions.append([line.label for line in result.lines])
    return predictions, speed


def run_newsstance_sites(records: list[dict], segmenter) -> tuple[list[list[str]], Speed]:
    with Speed(len(records)) as speed:
        results = segment_texts(["\n".join(record["lines"]) for record in records], segmenter,
                                sites=[record.get("host_guess") for record in records])
    return [[line.label for line in result.lines] for result in results], speed


def run_justext(records: list[dict]) -> tuple[list[list[str]], Speed]:
    import html as html_escape

    import justext

    stoplist = justext.get_stoplist("English")
    predictions = []
    speed = Speed(len(records)).__enter__()
    for record in tqdm(records, desc="jusText"):
        page = "<html><body>" + "".join(f"<p>{html_escape.escape(line)}</p>" for line in record["lines"]) + "</body></html>"
        paragraphs = justext.justext(page.encode("utf-8"), stoplist, encoding="utf-8")
        good = " ".join(p.text for p in paragraphs if p.class_type == "good")
        if len(paragraphs) == len(record["lines"]):
            predictions.append(["body" if p.class_type == "good" else "boilerplate" for p in paragraphs])
        else:  # jusText merged or dropped a paragraph: map its good text back onto the lines
            predictions.append(map_text_to_lines(record["lines"], good, ""))
    speed.__exit__()
    return predictions, speed


def run_trafilatura(pages: dict[str, bytes]) -> tuple[dict[str, tuple[str, str]], Speed]:
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    texts = {}
    speed = Speed(len(pages)).__enter__()
    for page_id, markup in tqdm(pages.items(), desc="trafilatura"):
        document = trafilatura.bare_extraction(markup, include_comments=True, with_metadata=True)
        if document is None:
            texts[page_id] = ("", "")
            continue
        body = "\n".join(part for part in (document.title, document.text) if part)
        texts[page_id] = (body, document.comments or "")
    speed.__exit__()
    return texts, speed


def run_newsstance_html(pages: dict[str, bytes], segmenter, hosts: dict[str, str] | None = None
                        ) -> tuple[dict[str, tuple[str, str]], Speed]:
    """One page at a time, or (`hosts`: page id -> host) all pages through `segment_htmls` with their hosts."""
    texts = {}
    speed = Speed(len(pages)).__enter__()
    if hosts is None:
        results = [segment_html(markup, segmenter) for markup in tqdm(pages.values(), desc="newsstance html")]
    else:
        results = segment_htmls(list(pages.values()), segmenter, sites=[hosts.get(page_id) for page_id in pages])
    for page_id, result in zip(pages, results):
        body = "\n".join(line.text for line in result.lines if line.label in ("title", "body"))
        comments = "\n".join(line.text for line in result.lines if line.label == "comment")
        texts[page_id] = (body, comments)
    speed.__exit__()
    return texts, speed


def host_bootstrap(counts: dict[str, np.ndarray], hosts: list[str], pairs: list[tuple[str, str]],
                   rounds: int = BOOTSTRAP_ROUNDS, seed: int = 0
                   ) -> tuple[dict[str, dict[str, list[float]]], dict[str, dict[str, list[float]]]]:
    """95% percentile intervals of body and comment F1, drawing hosts with replacement: per system, and
    of the difference of each (A, B) in `pairs` (A's F1 minus B's; positive: A is ahead).

    `counts`: per system, one row of `train.word_counts` per document, the documents in the order of
    `hosts`. Every system is scored on the same draws, so a difference's interval is a paired one."""
    names = sorted(set(hosts))
    host_index = np.array([names.index(host) for host in hosts])
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(names), size=(rounds, len(names)))
    weights = np.stack([np.bincount(row, minlength=len(names)) for row in draws]).astype(float)
    column = {name: i for i, name in enumerate(COUNT_NAMES)}

    def f1s(rows: np.ndarray) -> dict[str, np.ndarray]:
        per_host = np.zeros((len(names), len(COUNT_NAMES)))
        np.add.at(per_host, host_index, rows)
        pooled = weights @ per_host
        return {f"{label}_f1": 2 * pooled[:, column[f"{label}_true"]]
                / np.maximum(pooled[:, column[f"{label}_predicted"]] + pooled[:, column[f"{label}_gold"]], 1)
                for label in ("body", "comment")}

    def interval(values: np.ndarray) -> list[float]:
        return [round(float(np.percentile(values, 2.5)), 4), round(float(np.percentile(values, 97.5)), 4)]

    drawn = {system: f1s(rows) for system, rows in counts.items()}
    per_system = {system: {key: interval(values) for key, values in scores.items()} for system, scores in drawn.items()}
    differences = {f"{a} minus {b}": {key: interval(drawn[a][key] - drawn[b][key]) for key in drawn[a]}
                   for a, b in pairs if a in drawn and b in drawn}
    return per_system, differences


def benchmark_pages(pages: str) -> list[dict]:
    """The scored pages, both dump styles, low_confidence dropped: the host-disjoint test split
    ("test"), or host fold 0 of 5 of the training split ("validation", for models trained without it)."""
    if not DEFAULT_DATA_DIR.exists():
        raise SystemExit(f"{DEFAULT_DATA_DIR} is absent: this benchmark needs ../shared")
    if pages == "test":
        return load_dragnet(split="test", drop_low_confidence=True)
    return [r for r in load_dragnet(split="train", drop_low_confidence=True) if host_fold(r, 5) == 0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=0, help="only the first N test pages (quick runs)")
    parser.add_argument("--model", type=Path, default=None, help="segmenter model file (default: shipped)")
    parser.add_argument("--also", type=Path, default=None, help="also score another segmenter model file")
    parser.add_argument("--out", type=Path, default=None, help=f"JSON results (default {RESULTS} for full test runs)")
    parser.add_argument("--pages", choices=("test", "validation"), default="test")
    args = parser.parse_args()
    torch.set_num_threads(1)
    logging.basicConfig(level=logging.WARNING)
    records = benchmark_pages(args.pages)
    # a --limit run is a quick check: it never replaces the full results unless --out asks for it
    out_path = args.out or (RESULTS if args.pages == "test" and not args.limit else None)
    ids = sorted({record["id"] for record in records})
    if args.limit:
        ids = ids[: args.limit]
        records = [record for record in records if record["id"] in set(ids)]
    by_style = {style: [record for record in records if record["style"] == style] for style in DUMP_STYLES}
    pages = read_html(set(ids))
    segmenter = load_segmenter(args.model)
    segment_text("warm up", segmenter)

    systems: dict[str, dict] = {}
    counts: dict[str, np.ndarray] = {}  # per system, word_counts per document (both styles, in DUMP_STYLES order)

    def add(name: str, input_kind: str, per_style: dict[str, list[list[str]]], speeds: list[Speed]) -> None:
        counts[name] = np.array([word_counts(record, labels) for style in DUMP_STYLES
                                 for record, labels in zip(by_style[style], per_style[style])])
        scores = {style: word_scores(by_style[style], per_style[style]) for style in DUMP_STYLES}
        pooled = word_scores([r for s in DUMP_STYLES for r in by_style[s]], [p for s in DUMP_STYLES for p in per_style[s]])
        systems[name] = {"input": input_kind, "by_style": scores, "both_styles": pooled,
                         "docs_per_s_wall": sum(s.per_wall_s for s in speeds) / len(speeds),
                         "docs_per_cpu_s": sum(s.per_cpu_s for s in speeds) / len(speeds)}

    per_style, speeds = {}, []
    for style in DUMP_STYLES:
        per_style[style], speed = run_newsstance_text(by_style[style], segmenter)
        speeds.append(speed)
    add("newsstance (plain text)", "text lines", per_style, speeds)
    batched = []
    for style in DUMP_STYLES:  # same documents through the batched API (labels are identical)
        with Speed(len(by_style[style])) as speed:
            segment_texts(["\n".join(record["lines"]) for record in by_style[style]], segmenter)
        batched.append(speed)
    systems["newsstance (plain text)"]["batched_docs_per_cpu_s"] = sum(s.per_cpu_s for s in batched) / len(batched)
    systems["newsstance (plain text)"]["batched_docs_per_s_wall"] = sum(s.per_wall_s for s in batched) / len(batched)

    per_style, speeds = {}, []
    for style in DUMP_STYLES:
        per_style[style], speed = run_newsstance_sites(by_style[style], segmenter)
        speeds.append(speed)
    add("newsstance (plain text, site's pages together)", "text lines + host", per_style, speeds)

    if args.also:
        other = load_segmenter(args.also)
        for name, run, given in (("plain text", run_newsstance_text, "text lines"),
                                 ("plain text, site's pages together", run_newsstance_sites, "text lines + host")):
            per_style, speeds = {}, []
            for style in DUMP_STYLES:
                per_style[style], speed = run(by_style[style], other)
                speeds.append(speed)
            add(f"newsstance {args.also.name} ({name})", given, per_style, speeds)

    per_style, speeds = {}, []
    for style in DUMP_STYLES:
        per_style[style], speed = run_justext(by_style[style])
        speeds.append(speed)
    add("jusText (plain lines)", "text lines", per_style, speeds)

    hosts = {record["id"]: record.get("host_guess") for record in records}
    for name, runner in (("trafilatura (HTML, comments)", lambda: run_trafilatura(pages)),
                         ("newsstance (HTML)", lambda: run_newsstance_html(pages, segmenter)),
                         ("newsstance (HTML, site's pages together)", lambda: run_newsstance_html(pages, segmenter, hosts))):
        texts, speed = runner()
        per_style = {style: [map_text_to_lines(r["lines"], *texts.get(r["id"], ("", ""))) for r in by_style[style]]
                     for style in DUMP_STYLES}
        add(name, "HTML", per_style, [speed])

    header = f"{'system':48s} {'style':10s} {'bodyP':>6s} {'bodyR':>6s} {'bodyF1':>6s} {'commP':>6s} {'commR':>6s} {'commF1':>6s} {'lineAcc':>7s} {'docs/s':>7s} {'docs/cpu-s':>10s}"
    print(f"\nhost-disjoint Dragnet {args.pages} pages: {len(ids)} pages x {len(DUMP_STYLES)} dump styles (low_confidence dropped)")
    print(header)
    print("-" * len(header))
    for name, result in systems.items():
        for style, scores in [*result["by_style"].items(), ("both", result["both_styles"])]:
            print(f"{name:48s} {style:10s} {scores['body_precision']:6.3f} {scores['body_recall']:6.3f} "
                  f"{scores['body_f1']:6.3f} {scores['comment_precision']:6.3f} {scores['comment_recall']:6.3f} "
                  f"{scores['comment_f1']:6.3f} {scores['line_accuracy']:7.3f} {result['docs_per_s_wall']:7.1f} "
                  f"{result['docs_per_cpu_s']:10.1f}")
    hosts = [record.get("host_guess") or record["id"] for style in DUMP_STYLES for record in by_style[style]]
    intervals, differences = host_bootstrap(counts, hosts, COMPARED)
    print(f"\n95% intervals: {BOOTSTRAP_ROUNDS} draws of the {len(set(hosts))} hosts with replacement")
    width = max(map(len, [*intervals, *differences]))
    print(f"{'system':{width}s} {'body F1':>13s} {'comment F1':>13s}")
    for name, bounds in [*intervals.items(), *differences.items()]:
        print(f"{name:{width}s} " + " ".join(f"{bounds[key][0]:+.3f}..{bounds[key][1]:+.3f}" if " minus " in name
                                        else f"{bounds[key][0]:.3f}..{bounds[key][1]:.3f}"
                                        for key in ("body_f1", "comment_f1")))
    for name, bounds in intervals.items():
        systems[name]["intervals_95"] = bounds
    summary = {name: {"input": result["input"], "body_f1": round(result["both_styles"]["body_f1"], 4),
                      "comment_f1": round(result["both_styles"]["comment_f1"], 4),
                      "body_f1_interval_95": result["intervals_95"]["body_f1"],
                      "comment_f1_interval_95": result["intervals_95"]["comment_f1"],
                      "line_accuracy": round(result["both_styles"]["line_accuracy"], 4),
                      "docs_per_s_wall_one_thread": round(result["docs_per_s_wall"], 1),
                      "docs_per_cpu_second": round(result["docs_per_cpu_s"], 1),
                      **({"batched_docs_per_cpu_second": round(result["batched_docs_per_cpu_s"], 1)}
                         if "batched_docs_per_cpu_s" in result else {})} for name, result in systems.items()}
    output = {
        "summary": summary,
        "run_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "pages": len(ids),
        "styles": list(DUMP_STYLES),
        "split": ("split_host_disjoint == test" if args.pages == "test" else "train, host fold 0 of 5")
        + ", low_confidence dropped",
        "model": str(args.model or "shipped"),
        "model_meta": getattr(segmenter, "meta", {}),
        "note": "word-weighted, pooled over pages; docs/s on one thread of a shared 2-core machine (wall: noisy; per CPU-second: one core)",
        "systems": systems,
        "differences_95": differences,
    }
    plain = systems["newsstance (plain text)"]
    print(f"newsstance plain text through segment_texts (batches of {INFERENCE_BATCH_DOCS}): "
          f"{plain['batched_docs_per_s_wall']:.1f} docs/s, "
          f"{plain['batched_docs_per_cpu_s']:.1f} docs/cpu-s")
    if out_path is not None:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        out_path.write_text(json.dumps(output, indent=2, default=str) + "\n", encoding="utf-8")
        print(f"\nwrote {out_path}")


if __name__ == "__main__":
    main()
