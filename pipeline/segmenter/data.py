"""Reading labelled line data: the shared Dragnet dumps and users' own JSONL files.

A labelled document is a dict with at least `lines` (non-blank text lines) and `labels` (one of
`title`, `body`, `comment`, `boilerplate` per line). The shared files under
`../shared/data/segmentation/` add `id`, `split_host_disjoint`, `host_guess`, `low_confidence`, ...
(see the README there). Nothing here copies that data anywhere: it is read where it lies.
"""

from __future__ import annotations

import gzip
import json
import random
import zlib
from pathlib import Path
from typing import Iterator

DUMP_STYLES = ("inscriptis", "htmltext")
REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA_DIR = REPO_ROOT.parent / "shared" / "data" / "segmentation"
VALID_LABELS = frozenset({"title", "body", "comment", "boilerplate"})


def read_jsonl(path: str | Path) -> Iterator[dict]:
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def load_dragnet(data_dir: str | Path = DEFAULT_DATA_DIR, split: str | None = "train",
                 styles: tuple[str, ...] = DUMP_STYLES, drop_low_confidence: bool = False) -> list[dict]:
    """Records of the shared Dragnet dumps; `split` filters on `split_host_disjoint` (None: all)."""
    records = []
    for style in styles:
        for record in read_jsonl(Path(data_dir) / f"dragnet.{style}.jsonl.gz"):
            if split is not None and record["split_host_disjoint"] != split:
                continue
            if drop_low_confidence and record.get("low_confidence"):
                continue
            record["style"] = style
            records.append(record)
    return records


def load_user_jsonl(path: str | Path) -> list[dict]:
    """A user's labelled pages: one JSON object per line with `lines` and `labels`."""
    records = []
    for number, record in enumerate(read_jsonl(path), start=1):
        lines, labels = record.get("lines"), record.get("labels")
        if not isinstance(lines, list) or not isinstance(labels, list) or len(lines) != len(labels):
            raise ValueError(f"{path}:{number}: needs `lines` and `labels` lists of equal length")
        unknown = set(labels) - VALID_LABELS
        if unknown:
            raise ValueError(f"{path}:{number}: unknown labels {sorted(unknown)}")
        kept = [(" ".join(str(line).split()), label) for line, label in zip(lines, labels)]
        kept = [(line, label) for line, label in kept if line]
        records.append({**record, "lines": [line for line, _ in kept], "labels": [label for _, label in kept]})
    return records


def host_fold(record: dict, n_folds: int) -> int:
    """Deterministic fold of a record's host (its id when the host is unknown), for host-disjoint
    validation inside the training split."""
    key = record.get("host_guess") or record.get("id") or ""
    return zlib.crc32(key.encode("utf-8")) % n_folds


def _trim_boilerplate_ends(lines: list[str], labels: list[str]) -> tuple[list[str], list[str]]:
    start, end = 0, len(labels)
    while start < end and labels[start] == "boilerplate":
        start += 1
    while end > start and labels[end - 1] == "boilerplate":
        end -= 1
    return lines[start:end], labels[start:end]


def augment(record: dict, rng: random.Random) -> dict | None:
    """A variant of a labelled page that looks like an already partly cleaned dump.

    Dragnet pages are whole web pages (menus above, footers below); users' dumps are often cleaner:
    the seeds start at the headline and end in the last paragraph or the comments. Without such
    variants the model learns "the end of a document is boilerplate". One of: both boilerplate ends
    cut off; most boilerplate dropped; no boilerplate at all; a short run of body lines alone.
    """
    lines, labels = record["lines"], record["labels"]
    kind = rng.choice(("trim", "sparse", "clean", "snippet"))
    if kind == "trim":
        new_lines, new_labels = _trim_boilerplate_ends(lines, labels)
    elif kind == "sparse":
        keep = [label != "boilerplate" or rng.random() < 0.25 for label in labels]
        new_lines, new_labels = _trim_boilerplate_ends(
            [line for line, kept in zip(lines, keep) if kept], [label for label, kept in zip(labels, keep) if kept]
        )
        if rng.random() < 0.5:  # keep some leading furniture (site name, section) as the seeds do
            head = [i for i, label in enumerate(labels[:15]) if label == "boilerplate"][: rng.randint(1, 3)]
            new_lines = [lines[i] for i in head] + new_lines
            new_labels = ["boilerplate"] * len(head) + new_labels
    elif kind == "clean":
        new_lines = [line for line, label in zip(lines, labels) if label != "boilerplate"]
        new_labels = [label for label in labels if label != "boilerplate"]
    else:
        body = [index for index, label in enumerate(labels) if label == "body"]
        if not body:
            return None
        start = rng.choice(body)
        length = rng.randint(1, 6)
        span = [index for index in body if start <= index][:length]
        new_lines = [lines[index] for index in span]
        new_labels = ["body"] * len(span)
    if not new_lines:
        return None
    return {**record, "lines": new_lines, "labels": new_labels, "augmented": kind}


def with_augmentations(records: list[dict], share: float = 1.0, seed: int = 13) -> list[dict]:
    """The records plus, for a `share` of them, one augmented variant each (deterministic)."""
    rng = random.Random(seed)
    extra = []
    for record in records:
        if rng.random() < share:
            variant = augment(record, rng)
            if variant is not None:
                extra.append(variant)
    return records + extra
