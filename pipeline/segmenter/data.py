"""Reading labelled line data: the shared Dragnet dumps, the demo corpus and users' own JSONL files.

A labelled document is a dict with at least `lines` (non-blank text lines) and `labels` (one of
`title`, `body`, `comment`, `boilerplate` per line). The shared files under
`../shared/data/segmentation/` add `id`, `split_host_disjoint`, `host_guess`, `low_confidence`, ...
(see the README there). Nothing here copies that data anywhere: it is read where it lies.

The demo corpus (`data/raw/demo/`, our own text in site styles of 2017-2024) has no labelled lines, but its
generator writes what each file holds (`data/raw/demo_gold.jsonl`: title, body paragraphs, comments);
`demo_line_labels` turns that into line labels by matching text.
"""

from __future__ import annotations

import gzip
import itertools
import json
import math
import random
import re
import unicodedata
import zlib
from pathlib import Path
from typing import Iterator

DUMP_STYLES = ("inscriptis", "htmltext")
REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA_DIR = REPO_ROOT.parent / "shared" / "data" / "segmentation"
VALID_LABELS = frozenset({"title", "body", "comment", "boilerplate"})
DEMO_DIR = REPO_ROOT / "data" / "raw" / "demo"
DEMO_GOLD = REPO_ROOT / "data" / "raw" / "demo_gold.jsonl"
NOT_SCORED = "-"  # a demo line whose label the generator's gold cannot say
TRAINING_LABEL = {NOT_SCORED: "comment", "title": "body"}  # demo labels -> Dragnet's conventions
_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
                       "\u00a0": " "})
_SPACES = re.compile(r"\s+")


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
    """A user's labelled pages: one JSON object per line with `lines` and `labels` (and optionally `site`), or a
    record of `newsstance segment` output whose `lines` ({line_no, text, label}) the user has corrected (its
    `source` is the site). A label may be null: that line is not labelled (`LineSegmenter.fit` reads it as context
    only)."""
    records = []
    for number, record in enumerate(read_jsonl(path), start=1):
        lines, labels = record.get("lines"), record.get("labels")
        if labels is None and isinstance(lines, list) and lines and all(isinstance(line, dict) for line in lines):
            if not all({"text", "label"} <= set(line) for line in lines):
                raise ValueError(f"{path}:{number}: each of `lines` needs `text` and `label`")
            lines, labels = [line["text"] for line in lines], [line["label"] for line in lines]
            record = {key: value for key, value in record.items() if key in ("id", "site", "source")}
            if record.get("source") and not record.get("site"):
                record["site"] = record["source"]
        if not isinstance(lines, list) or not isinstance(labels, list) or len(lines) != len(labels):
            raise ValueError(f"{path}:{number}: needs `lines` and `labels` lists of equal length")
        unknown = set(labels) - VALID_LABELS - {None}  # None (JSON null): a line not labelled, read as context only
        if unknown:
            raise ValueError(f"{path}:{number}: unknown labels {sorted(unknown, key=str)}")
        kept = [(" ".join(str(line).split()), label) for line, label in zip(lines, labels)]
        kept = [(line, label) for line, label in kept if line]
        records.append({**record, "lines": [line for line, _ in kept], "labels": [label for _, label in kept]})
    return records


def host_fold(record: dict, n_folds: int) -> int:
    """Deterministic fold of a record's host (its id when the host is unknown), for host-disjoint
    validation inside the training split."""
    key = record.get("host_guess") or record.get("id") or ""
    return zlib.crc32(key.encode("utf-8")) % n_folds


def page_site(record: dict) -> str | None:
    """The site a labelled page came from, for the site-template features (`sites.py`): a Dragnet
    page's host within its dump style, a demo page's outlet, a user page's `site` field; None for
    augmented variants (which train the model to read a page alone) and pages of unknown site."""
    if record.get("augmented"):
        return None
    if record.get("style"):
        return f"{record['host_guess']}|{record['style']}" if record.get("host_guess") else None
    return str(record["site"]) if record.get("site") else None


def _boilerplate_ends(labels: list[str]) -> tuple[int, int]:
    """(start, end) of a page between its leading and its trailing run of boilerplate lines."""
    start, end = 0, len(labels)
    while start < end and labels[start] == "boilerplate":
        start += 1
    while end > start and labels[end - 1] == "boilerplate":
        end -= 1
    return start, end


def _trim_boilerplate_ends(lines: list[str], labels: list[str]) -> tuple[list[str], list[str]]:
    start, end = _boilerplate_ends(labels)
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


def interrupt(record: dict, rng: random.Random) -> dict | None:
    """A variant of a labelled page with site furniture between its paragraphs.

    Modern pages print newsletter boxes, share bars, related links and ads inside the article; the
    Dragnet pages seldom do, and a model trained on them alone reads such a block as the article's
    end (on validation pages with a three-line newsletter box after every fourth paragraph, body
    recall fell from 0.94 to 0.75). Here 1 to 3 runs of 1 to 4 of the page's own boilerplate lines are
    each put between two body lines."""
    lines, labels = record["lines"], record["labels"]
    furniture = [index for index, label in enumerate(labels) if label == "boilerplate"]
    gaps = [index for index in range(1, len(labels)) if labels[index - 1] == labels[index] == "body"]
    if not furniture or not gaps:
        return None
    new_lines: list[str] = []
    new_labels: list[str] = []
    last = 0
    for gap in sorted(rng.sample(gaps, min(len(gaps), rng.randint(1, 3)))):
        new_lines += lines[last:gap]
        new_labels += labels[last:gap]
        start, length = rng.choice(furniture), rng.randint(1, 4)
        run = list(itertools.takewhile(lambda index: labels[index] == "boilerplate", range(start, min(start + length, len(labels)))))
        new_lines += [lines[index] for index in run]
        new_labels += ["boilerplate"] * len(run)
        last = gap
    return {**record, "lines": new_lines + lines[last:], "labels": new_labels + labels[last:], "augmented": "interrupted"}


def shorten(record: dict, rng: random.Random) -> dict | None:
    """A variant of a labelled page whose article is cut after its first 2 to 4 paragraphs (body lines of
    10+ words), every other line kept: a wire brief or a short news item in a full site template.

    Dragnet's articles are mostly long; on modern pages a short article between a long menu, share
    bars and a long footer lost its opening paragraphs to the network."""
    keep_paragraphs = rng.randint(2, 4)
    paragraphs = 0
    new_lines, new_labels = [], []
    for line, label in zip(record["lines"], record["labels"]):
        if label == "body":
            if paragraphs >= keep_paragraphs:
                continue
            paragraphs += len(line.split()) >= 10
        new_lines.append(line)
        new_labels.append(label)
    if paragraphs < keep_paragraphs or len(new_lines) == len(record["lines"]):
        return None  # the article is that short already
    return {**record, "lines": new_lines, "labels": new_labels, "augmented": "shortened"}


def transplant(record: dict, donor: dict) -> dict | None:
    """A variant of a labelled page in another site's template: its leading and trailing runs of boilerplate
    (menus, headers, footers) replaced by those of `donor`, a page of another site. The test pages' sites
    are all new to the model; this gives the training articles more templates than their own."""
    start, end = _boilerplate_ends(record["labels"])
    donor_start, donor_end = _boilerplate_ends(donor["labels"])
    if start == end or (donor_start == 0 and donor_end == len(donor["labels"])):
        return None
    return {**record, "augmented": "transplanted",
            "lines": donor["lines"][:donor_start] + record["lines"][start:end] + donor["lines"][donor_end:],
            "labels": donor["labels"][:donor_start] + record["labels"][start:end] + donor["labels"][donor_end:]}


def _transplants(records: list[dict], share: float, rng: random.Random) -> list[dict]:
    """`transplant` for about a `share` of the records, each into the template of a page of another host in
    the same dump style."""
    by_style: dict[str | None, list[dict]] = {}
    for record in records:
        by_style.setdefault(record.get("style"), []).append(record)

    def make(record: dict, rng: random.Random) -> dict | None:
        donor = rng.choice(by_style[record.get("style")])
        if (donor.get("host_guess") or donor.get("id")) == (record.get("host_guess") or record.get("id")):
            return None
        return transplant(record, donor)

    return _variants(records, share, make, rng)


def _variants(records: list[dict], share: float, make, rng: random.Random) -> list[dict]:
    """`make(record, rng)` for about a `share` of the records (each drawn with `rng`), where it gives one."""
    variants = []
    for record in records:
        if rng.random() < share:
            variant = make(record, rng)
            if variant is not None:
                variants.append(variant)
    return variants


def with_augmentations(records: list[dict], share: float = 1.0, seed: int = 13, interrupted: float = 0.0,
                       shortened: float = 0.0, transplanted: float = 0.0) -> list[dict]:
    """The records plus, for a `share` of them, one augmented variant each (deterministic); a share
    above 1 draws further rounds (2.0: two variants of every record). `interrupted`: the share of
    records that also enter with furniture between their paragraphs (`interrupt`); `shortened`: the
    share that also enter with their article cut short (`shorten`); `transplanted`: the share that also
    enter in another site's template (`transplant`)."""
    extra = []
    for round_number in range(max(math.ceil(share), 1)):
        extra += _variants(records, share - round_number, augment, random.Random(seed + round_number))
    # each kind draws from its own stream: adding one leaves the others' variants as they were
    extra += _variants(records, interrupted, interrupt, random.Random(seed + 1000))
    extra += _variants(records, shortened, shorten, random.Random(seed + 2000))
    if transplanted:
        extra += _transplants(records, transplanted, random.Random(seed + 3000))
    return records + extra


def normalise_for_matching(text: str) -> str:
    """Text as the demo gold is matched: repaired, NFKC, quotes and dashes folded, spaces collapsed, casefolded."""
    from pipeline.textnorm import repair_text

    text = unicodedata.normalize("NFKC", repair_text(text)).translate(_FOLD)
    return _SPACES.sub(" ", text).strip().casefold()


def _holds(line: str, pieces: list[str], min_piece: int) -> bool:
    return any(piece in line or (len(line) >= min_piece and line in piece) for piece in pieces if piece)


def demo_line_labels(lines: list[str], gold: dict) -> list[str]:
    """Labels of a demo document's lines from its gold record, compared after repair with quotes, dashes and
    spaces folded and case ignored:

    * `title`: the first line that is the title;
    * `body`: a line that contains a body paragraph or crosshead, or is a piece (>= 30 characters) of one;
    * `comment`: a line that contains a comment's text or is a piece (>= 20 characters) of one;
    * NOT_SCORED: the other lines between the first and the last comment text (author, date, "Reply" lines:
      the gold knows their text is not article text, but not how a page's gold would label them), and the
      lines just above the first comment text down from one naming a commenter (at most 3);
    * `boilerplate`: everything else.
    """
    body = [normalise_for_matching(paragraph) for paragraph in gold["body"]]
    comments = [normalise_for_matching(comment["text"]) for comment in gold["comments"]]
    title = normalise_for_matching(gold["title"])
    folded = [normalise_for_matching(line) for line in lines]
    labels = []
    title_seen = False
    for line in folded:
        if line == title and not title_seen:
            labels.append("title")
            title_seen = True
        elif _holds(line, body, 30):
            labels.append("body")
        elif _holds(line, comments, 20):
            labels.append("comment")
        else:
            labels.append("boilerplate")
    comment_rows = [i for i, label in enumerate(labels) if label == "comment"]
    if comment_rows:
        first, last = comment_rows[0], comment_rows[-1]
        for i in range(first + 1, last):
            if labels[i] == "boilerplate":
                labels[i] = NOT_SCORED
        authors = {comment["author"].casefold() for comment in gold["comments"]}
        for i in range(first - 1, max(first - 4, -1), -1):
            if labels[i] != "boilerplate":
                break
            if any(author in folded[i] for author in authors):
                labels[i:first] = [NOT_SCORED] * (first - i)
    return labels


def read_demo_gold(path: str | Path = DEMO_GOLD) -> dict[str, dict]:
    return {record["file"]: record for record in read_jsonl(path)}


def load_demo_pages(outlets: set[str] | None = None, demo_dir: str | Path = DEMO_DIR,
                    gold_path: str | Path = DEMO_GOLD) -> list[dict]:
    """The demo documents (`outlets`: only these folders) as labelled pages of plain-text lines, the way the
    segmenter reads them in the pipeline (HTML pages flattened as ingest does, text repaired as clean does), labelled
    as Dragnet's gold labels a page: the unscored lines of a comment section are `comment` and the title is `body`
    (the model has no title label; `text.place_title` picks the title)."""
    from pipeline.ingest import load_records
    from pipeline.segmenter.text import split_lines
    from pipeline.textnorm import repair_text

    gold = read_demo_gold(gold_path)
    pages = []
    for record in load_records([demo_dir]).to_dict(orient="records"):
        if outlets is not None and record["id"].split("/")[0] not in outlets:
            continue
        if record["id"] not in gold:
            raise ValueError(f"{gold_path}: no gold for {record['id']} (rebuild with data/raw/build_demo.py)")
        lines = [line for _, line in split_lines(repair_text(record["text"] or ""))]
        labels = [TRAINING_LABEL.get(label, label) for label in demo_line_labels(lines, gold[record["id"]])]
        pages.append({"id": record["id"], "site": "demo:" + record["id"].split("/")[0], "lines": lines, "labels": labels})
    return pages


def _opening_rows(texts: list[str], opening: str) -> list[int]:
    return [index for index, text in enumerate(texts) if text.startswith(opening)]


def probe_page_labels(texts: list[str], spec: dict) -> list[str | None]:
    """Partial line labels of a probe page from its checks (`tests/pages/probe_pages_*.json`): lines that open with a
    `body_openings` entry are body, with a `boilerplate_openings` entry boilerplate, a line that is the title (when
    exactly one is) body, as in Dragnet's gold; a comment's author line (opening with the name, at most six words) and
    its date line (holding the date, at most twelve words) are comment. Every other line is None: not labelled, left
    out of the loss. A check that matches no line labels nothing."""
    labels: list[str | None] = [None] * len(texts)
    title_rows = [index for index, text in enumerate(texts) if text == spec.get("title")]
    if len(title_rows) == 1:
        labels[title_rows[0]] = "body"
    for author, date in spec.get("comments", []):
        for index, text in enumerate(texts):
            words = len(text.split())
            if (author and text.startswith(author) and words <= 6) or (date and date in text and words <= 12):
                labels[index] = "comment"
    for opening in spec.get("body_openings", []):
        for index in _opening_rows(texts, opening):
            labels[index] = "body"
    for opening in spec.get("boilerplate_openings", []):
        for index in _opening_rows(texts, opening):
            labels[index] = "boilerplate"
    return labels


def probe_page_failures(spec: dict, lines: list[tuple[str, str]], title: str | None,
                        comments: list[list[str | None]]) -> list[tuple[str, str]]:
    """The checks of a probe page's spec (`tests/pages/probe_pages_*.json`) that a reading of the page fails, one
    (kind, what was read) pair per failed check, kind "title", "body", "comments" or "furniture"; `lines`: (label, text)
    of every line, `comments`: [author, date] of each comment. A page passes when there are none: its title (unless
    the spec has none), every article paragraph body (and no sentence body on a page without an article), its comments'
    authors and dates in order, and every furniture line boilerplate."""
    failed = []
    if spec["title"] is not None and title != spec["title"]:
        failed.append(("title", repr(title)))
    if not spec["body_openings"] and any(label == "body" and len(text.split()) >= 6 for label, text in lines):
        failed.append(("body", "a sentence read as body on a page without an article"))
    for opening in spec["body_openings"]:
        labels = [label for label, text in lines if text.startswith(opening)]
        if labels != ["body"]:
            failed.append(("body", f"{opening!r}: {labels}"))
    if comments != spec["comments"]:
        failed.append(("comments", repr(comments)))
    for opening in spec["boilerplate_openings"]:
        labels = [label for label, text in lines if text.startswith(opening)]
        if not labels or set(labels) != {"boilerplate"}:
            failed.append(("furniture", f"{opening!r}: {labels}"))
    return failed


def load_probe_pages(paths: list[str | Path]) -> list[dict]:
    """Probe pages as partially labelled pages (`probe_page_labels`): each spec file's pages, read the way the
    segmenter reads them (a text page's dump lines, an HTML page's flattened lines, both through the reading view)."""
    from pipeline.segmenter.html import html_to_lines
    from pipeline.segmenter.text import dump_lines, reading_view

    pages = []
    for path in map(Path, paths):
        for name, spec in json.loads(path.read_text(encoding="utf-8")).items():
            raw = (path.parent / name).read_bytes()
            if spec["kind"] == "html":
                texts = html_to_lines(raw)[0]
            else:
                texts = [text for _, text in dump_lines(raw.decode("utf-8"))]
            pages.append({"id": f"probe:{name}", "lines": reading_view(texts),
                          "labels": probe_page_labels(texts, spec)})
    return pages
