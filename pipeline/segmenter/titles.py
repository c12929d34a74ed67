"""The title scorer: which line near the top of a page is its headline, learned from pages whose titles we know.

After the network and the label rules have labelled a page's lines, every line from the top down to just past the
article's first paragraph that reads as a heading is a candidate (`text._heading_like`: two to thirty words, no
sentence, date line, byline, menu or site furniture; not a comment), so that no sentence of the article leaves the
body. Each candidate is
described by a few dozen page-layout features (its length and case, its label and its neighbours', whether it reads as
a heading, a date, a byline, a menu or site furniture, where it stands against the first paragraph, how many of its
words the article's opening repeats, whether a longer line above or below holds it, as "Headline | Site" holds
"Headline"); a logistic regression scores them, and the best-scored candidate is the title. No feature names a word of
any language, so the scorer reads layouts, not vocabularies.

It replaced a cascade of hand-written title rules (2026-12-07, stop 33), which the probe pages of thirty rounds had
grown one layout at a time: on pages of sites the scorer had not seen, it picks the right line far more often (see
the model card, "A learned title scorer", and `benchmarks/titles.py`). A title given by the caller or by the page's
markup, a clipping tool's title field, and a headline quoted over a comment section are still taken first
(`text.find_title`).

Weights: `weights/title_scorer.json` (the features' names, their scaling, the coefficients and how they were trained),
written by `python -m pipeline.segmenter.titles` from the title checks of the probe pages (`tests/pages`), the demo
corpus's gold (`data/raw/demo_gold.jsonl`) and, weighed less, the headlines of Dragnet's training pages
(`dragnet_title_pages`).
"""

from __future__ import annotations

import contextlib
import contextvars
import json
import logging
import math
import re
import time
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import numpy as np

from pipeline.segmenter.comments import is_button, is_counter, line_cache

log = logging.getLogger(__name__)

TITLE_SCORER_PATH = Path(__file__).resolve().parent / "weights" / "title_scorer.json"
MAX_CANDIDATES = 60  # lines from the top of the page (a web archive's banner aside) that may hold the title
MAX_CANDIDATE_WORDS = 30  # no headline is longer (the longest of the training pages: 21 words)
# a sentence's end inside the line, after a word of two or more lower-case letters ("U.S. Senate", "Mr. Putin" are none)
INNER_SENTENCE_RE = re.compile(r"[a-zß-ÿа-яё]{2}[.!?]\s+[\"“«(]?[A-ZÀ-ÞА-ЯЁ]")
# a photo's credit at the end of its caption: "... le 28 juillet 2017. NIKOLAÏ ORLOV / AFP", "... on Sunday. Karim
# Haddad/Ledger Photo Service"
CREDIT_END_RE = re.compile(r"[.!?)][\"”’]?\s+[A-ZÀ-ÞА-ЯЁ][\w'’.-]*(?:\s+[A-ZÀ-ÞА-ЯЁ][\w'’.-]*){0,3}\s*/\s*"
                           r"[A-ZÀ-ÞА-ЯЁ][\w&'’.-]*(?:\s+[\w&'’.-]+){0,3}\s*$")
SEPARATOR_MARKS = frozenset("|·•")  # between a strip's items ("TRENDING: Tax Reform | DACA | North Korea", "ENG | РУС")
MAX_SEPARATORS = 4
MIN_CANDIDATE_WORDS = 2  # nor shorter (a menu's items are one word)
CANDIDATE_WINDOW_PAST_FIRST_PARAGRAPH = 2  # the "first paragraph" may be a long headline the network called body
# Dragnet's training pages (`dragnet_title_pages`) weigh this much each against a probe or demo page: their titles are
# derived from the gold, and their layouts (2000s-2012 English sites) are not what most users' pages look like. With
# weight 1 they cost 24 of 527 probe titles held out a group at a time; with 0.1, 5; with neither, the scorer picks
# the right line on far fewer held-out Dragnet training pages (benchmarks/titles.py)
DRAGNET_WEIGHT = 0.1
REPO = Path(__file__).resolve().parents[2]
PROBE_PAGES_DIR = REPO / "tests" / "pages"


def _text():
    """pipeline.segmenter.text, which imports this module (its title search calls `pick_title`)."""
    from pipeline.segmenter import text

    return text


def first_paragraph(lines: list[str], labels: list[str]) -> int:
    """Index of the first body line of 12 or more words (the article's first paragraph), or len(lines)."""
    word_re = _text().WORD_RE
    return next((index for index, label in enumerate(labels) if label == "body" and len(word_re.findall(lines[index])) >= 12),
                len(lines))


def title_candidates(lines: list[str], labels: list[str]) -> tuple[list[int], int, int]:
    """(candidate line indices, first paragraph, first line of the page proper)."""
    candidates, _, paragraph, start = _candidates(lines, labels)
    return candidates, paragraph, start


def _candidates(lines: list[str], labels: list[str]) -> tuple[list[int], list[int], int, int]:
    """`title_candidates`, with each candidate's word count (WORD_RE) second."""
    text = _text()
    paragraph = first_paragraph(lines, labels)
    start = text.archive_banner_length(lines)
    end = min(len(lines), max(paragraph + CANDIDATE_WINDOW_PAST_FIRST_PARAGRAPH, start + 1), start + MAX_CANDIDATES)
    candidates, word_counts = [], []
    for index in range(start, end):
        line = lines[index]
        # a heading (`text._heading_like`: no sentence, date, byline, menu or furniture), so that no sentence of the
        # article leaves the body (a post without a headline keeps its first sentence)
        if labels[index] != "comment" and text._heading_like(line, MIN_CANDIDATE_WORDS):
            n_words = _word_count(line)
            if n_words <= MAX_CANDIDATE_WORDS:
                candidates.append(index)
                word_counts.append(n_words)
    return candidates, word_counts, paragraph, start


# (every candidate reads as a heading, so no feature asks what `text._heading_like` rules out: a date, a byline, a
# menu, furniture, a full stop at the end)
CONTEXT_FEATURES = (
    "first_heading", "headings_above", "first_candidate",
    "labelled_body", "body_above", "body_below", "longer_body_below", "separated", "amid_menu", "heads_menu",
    "above_first_paragraph", "is_first_paragraph", "past_first_paragraph", "to_first_paragraph",
    "position", "position_squared", "first_line", "overlap",
    "holds_another", "held_by_another", "repeated", "byline_below", "byline_two_below", "date_above",
    "heading_above", "heading_below", "list_item_around", "longer_heading_below", "shorter_heading_above",
)
LINE_FEATURES = (  # the line's own (`_line_features`)
    "heading", "log_words", "words_4_to_20", "words_up_to_3", "words_over_20", "capitalised", "upper",
    "ends_with_colon", "ends_with_question", "digits", "button", "lower_case_start",
    "ends_with_bracket", "copyright_sign", "early_colon", "list_item", "inner_sentence", "figure_tokens", "separators",
    "credit_end",
)
FEATURES = CONTEXT_FEATURES + LINE_FEATURES


@line_cache
def _word_count(line: str) -> int:
    return len(_text().WORD_RE.findall(line))


@line_cache
def _line_features(line: str, n_words: int) -> tuple:
    """The LINE_FEATURES of a candidate line with `n_words` words (WORD_RE)."""
    text = _text()
    words = line.split()
    return (
        n_words >= 4 and text._heading_like(line, 4), math.log1p(n_words), 4 <= n_words <= 20, n_words <= 3,
        n_words > 20, sum(word[:1].isupper() for word in words) / len(words), line.isupper(),
        line.endswith(":"), line.endswith(("?", "!")), sum(map(str.isdigit, line)) / len(line),
        is_button(line) or is_counter(line), text.opens_lower(line),
        line.endswith((")", "]")),  # a caption's credit, "(Courtesy of ...)"
        "©" in line, ": " in line[:25],  # a label ("Republished from: ...") or a headline's kicker
        text.LIST_ITEM_RE.match(line) is not None,
        INNER_SENTENCE_RE.search(line) is not None,  # two sentences: a notice ("We use cookies. By continuing ...")
        sum(any(map(str.isdigit, word)) for word in words) / len(words),  # a weather strip ("5PM 19°C 8PM 17°C")
        min(sum(map(SEPARATOR_MARKS.__contains__, line)), MAX_SEPARATORS) / MAX_SEPARATORS,  # a strip: "ENG | РУС"
        "/" in line and CREDIT_END_RE.search(line) is not None,  # a caption with its credit
    )


def candidate_features(lines: list[str], labels: list[str]) -> tuple[list[int], np.ndarray]:
    """The candidates and their features, one row each in the order of FEATURES (see the module docstring). "holds
    another": a part of the line between page-title separators ("Headline | Site") is another line near the top;
    "held by another": the line is such a part of another."""
    text = _text()
    candidates, word_counts, paragraph, start = _candidates(lines, labels)
    if not candidates:
        return candidates, np.zeros((0, len(FEATURES)))
    opening = text._opening(lines, labels, paragraph) if paragraph < len(lines) else ""
    top = lines[start:min(len(lines), paragraph + CANDIDATE_WINDOW_PAST_FIRST_PARAGRAPH, start + MAX_CANDIDATES)]
    counts = Counter(top)
    folded_lines = {line.casefold() for line in counts}
    # (a tab title's parts are compared case-blind: "U.S. Suspends Syria Talks - Site" holds "U.S. suspends Syria talks")
    parts_of = {line: [part.strip().casefold() for part in text._title_parts(line)]
                for line in counts if text._title_separated(line)}
    held_parts = {part for parts in parts_of.values() for part in parts}
    n_lines = len(lines)
    headings_above = 0
    rows = []
    for number, (index, n_words) in enumerate(zip(candidates, word_counts)):
        line = lines[index]
        own = _line_features(line, n_words)
        heading = own[0]
        position = min(index - start, MAX_CANDIDATES) / MAX_CANDIDATES
        above = lines[index - 1] if index > 0 else ""
        below = lines[index + 1] if index + 1 < n_lines else ""
        body_below = index + 1 < n_lines and labels[index + 1] == "body"
        heading_above = index > 0 and text._heading_like(above, 2)
        heading_below = bool(below) and text._heading_like(below, 2)
        rows.append((
            heading and headings_above == 0, min(headings_above, 5) / 5, number == 0,
            labels[index] == "body", index > 0 and labels[index - 1] == "body", body_below,
            body_below and len(below) > len(line), line in parts_of,
            text._amid_menu(lines, index), text._heads_a_menu(lines, index),
            index < paragraph, index == paragraph, index > paragraph, max(-30, min(5, index - paragraph)) / 30,
            position, position ** 2, index == start, text._overlap(line, opening) if opening else 0.0,
            any(part != line.casefold() and part in folded_lines for part in parts_of.get(line, ())),
            line.casefold() in held_parts,
            counts[line] > 1, text._opens_byline_block(lines, index + 1), text._opens_byline_block(lines, index + 2),
            index > 0 and len(above) <= 80 and text.is_date_text(above),
            heading_above, heading_below,
            above.startswith(text.BULLET_START) or below.startswith(text.BULLET_START),
            # a headline over its standfirst, which the article's opening repeats more of
            heading_below and _word_count(below) > n_words, heading_above and _word_count(above) < n_words,
        ) + own)
        headings_above += heading
    return candidates, np.array(rows, dtype=np.float64)


@dataclass(frozen=True)
class TitleScorer:
    """A logistic regression over `candidate_features`, standardised; only the ranking of a page's candidates is used."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    metadata: dict

    def scores(self, matrix: np.ndarray) -> np.ndarray:
        """Scores of candidates' feature rows (`candidate_features`)."""
        return ((matrix - self.mean) / self.scale) @ self.coef + self.intercept

    def pick(self, lines: list[str], labels: list[str]) -> int | None:
        """Index of the title line, or None when no candidate reads as a heading (of two or more words)."""
        candidates, matrix = candidate_features(lines, labels)
        if not candidates:
            return None
        return _headline_of_tab_title(lines, labels, candidates[int(np.argmax(self.scores(matrix)))])

    def to_json(self) -> dict:
        return {"features": list(self.features), "mean": self.mean.tolist(), "scale": self.scale.tolist(),
                "coef": self.coef.tolist(), "intercept": self.intercept, "metadata": self.metadata}

    @classmethod
    def from_json(cls, data: dict) -> "TitleScorer":
        if tuple(data["features"]) != FEATURES:
            raise ValueError("the title scorer's weights were trained on other features than this version computes: "
                             "retrain them with `python -m pipeline.segmenter.titles`")
        return cls(tuple(data["features"]), np.asarray(data["mean"], dtype=np.float64),
                   np.asarray(data["scale"], dtype=np.float64), np.asarray(data["coef"], dtype=np.float64),
                   float(data["intercept"]), data.get("metadata", {}))


def _headline_of_tab_title(lines: list[str], labels: list[str], picked: int) -> int:
    """The picked line, or, when it is a page title ("Headline - Site", "Headline | Section | Site") or a breadcrumb
    ("Business News›Economy›Headline") whose longest part, of three or more words, a line under it prints alone (case
    aside), that line: the page's own headline. (The candidates may not reach it: the network often reads a tab title
    over the page as its first paragraph. The other parts are the site's or a section's name, which a page prints alone
    too.)"""
    line = lines[picked]
    if _text()._title_separated(line):
        parts = _text()._title_parts(line)
    elif "›" in line or ">" in line:  # a breadcrumb that ends in the headline ("Business News›Economy›Headline")
        parts = _text().BREADCRUMB_MARK_RE.split(line)
    else:
        return picked
    headline = max((part.strip() for part in parts), key=len).casefold()
    if len(headline.split()) < 3:
        return picked
    return next((index for index in range(picked + 1, min(len(lines), picked + MAX_CANDIDATES))
                 if labels[index] != "comment" and lines[index].strip().casefold() == headline), picked)


_RECORDED: contextvars.ContextVar[list | None] = contextvars.ContextVar("title_inputs", default=None)


@contextlib.contextmanager
def recording_title_inputs() -> Iterator[list[tuple[list[str], list[str], str | None]]]:
    """Within the block, `text.place_title` appends (lines, labels, title hint) of every page it reads to the list
    yielded: the title search's input, as the segmenter computes it on any path (text, HTML, batched with sites). The
    scorer picks no title meanwhile."""
    recorded: list = []
    token = _RECORDED.set(recorded)
    try:
        yield recorded
    finally:
        _RECORDED.reset(token)


def record_title_input(lines: list[str], labels: list[str], title_hint: str | None) -> None:
    recorded = _RECORDED.get()
    if recorded is not None:
        recorded.append((list(lines), list(labels), title_hint))


@lru_cache(maxsize=1)
def load_title_scorer(path: str | Path = TITLE_SCORER_PATH) -> TitleScorer:
    return TitleScorer.from_json(json.loads(Path(path).read_text(encoding="utf-8")))


def pick_title(lines: list[str], labels: list[str]) -> int | None:
    """The shipped scorer's title line (`TitleScorer.pick`); None while the title search's inputs are recorded
    (`recording_title_inputs`: they are what a scorer is trained on, so none need exist yet)."""
    if _RECORDED.get() is not None:
        return None
    return load_title_scorer().pick(lines, labels)


# --- training ---------------------------------------------------------------------------------------------------

def labelled_title_pages(segmenter=None, probe_dir: Path = PROBE_PAGES_DIR) -> list[dict]:
    """Pages whose title is known, with the title search's input: the probe pages of `tests/pages` (their specs'
    `title`, one page at a time, as the tests read them) and the demo corpus (its gold titles, segmented with their
    outlets together, as the `segment` stage reads them). A page whose title comes from a hint, or whose title is no
    line of it, is left out. Each page: group (spec file or demo outlet), page, lines, labels, title (its line indices)."""
    from pipeline.ingest import load_records
    from pipeline.segmenter import load_segmenter, segment_html, segment_text, segment_texts
    from pipeline.segmenter.data import DEMO_DIR, read_demo_gold
    from pipeline.textnorm import repair_text

    segmenter = segmenter or load_segmenter()
    known: list[tuple[str, str, str]] = []
    inputs = []
    for spec_path in sorted(probe_dir.glob("probe_pages_*.json")):
        for name, spec in json.loads(spec_path.read_text(encoding="utf-8")).items():
            if spec["title"] is None:
                continue
            page = (spec_path.parent / name).read_bytes()
            with recording_title_inputs() as recorded:
                segment_html(page, segmenter) if spec["kind"] == "html" else segment_text(page.decode("utf-8"), segmenter)
            known.append((spec_path.stem, name, spec["title"]))
            inputs.append(recorded[0])
    gold = read_demo_gold()
    records = load_records([DEMO_DIR]).to_dict(orient="records")
    with recording_title_inputs() as recorded:
        segment_texts([repair_text(record["text"] or "") for record in records], segmenter,
                      sites=[record["source"] for record in records])
    known += [("demo:" + record["id"].split("/")[0], record["id"], gold[record["id"]]["title"]) for record in records]
    inputs += recorded
    pages = []
    for (group, name, title), (lines, labels, hint) in zip(known, inputs, strict=True):
        indices = [index for index, line in enumerate(lines) if line == title]
        if hint is None and indices:
            pages.append({"group": group, "page": name, "lines": lines, "labels": labels, "title": indices})
    return pages


def dragnet_title_pages(split: str = "train", segmenter=None, data_dir: str | Path | None = None) -> list[dict]:
    """Dragnet pages of a split (`split_host_disjoint`; both dump styles, low-confidence pages left out) whose headline
    the gold tells: the gold article's first line, when it reads as a heading of two or more words
    (`text._heading_like`: no date line, no sentence), as most articles open; segmented with each page's host, as
    `benchmarks/segmentation.py` reads them. The group of a page is its host. None of `../shared`: no pages."""
    from pipeline.segmenter import load_segmenter, segment_texts
    from pipeline.segmenter.data import DEFAULT_DATA_DIR, DUMP_STYLES, load_dragnet

    data_dir = Path(data_dir or DEFAULT_DATA_DIR)
    if not data_dir.is_dir():
        return []
    segmenter = segmenter or load_segmenter()
    pages = []
    for style in DUMP_STYLES:
        records = load_dragnet(data_dir, split, (style,), drop_low_confidence=True)
        with recording_title_inputs() as recorded:
            segment_texts(["\n".join(record["lines"]) for record in records], segmenter,
                          sites=[record.get("host_guess") for record in records])
        for record, (lines, labels, _) in zip(records, recorded, strict=True):
            headline = next((line for line, label in zip(record["lines"], record["labels"]) if label == "body"), None)
            if headline is None or not _text()._heading_like(headline, 2):
                continue
            headline = " ".join(headline.split())
            indices = [index for index, line in enumerate(lines) if line == headline]
            if indices:
                pages.append({"group": f"dragnet:{record.get('host_guess')}", "page": f"{style}:{record['id']}",
                              "lines": lines, "labels": labels, "title": indices})
    return pages


def feature_table(pages: list[dict]) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray, list[list[int]]]:
    """(feature names, matrix, is-title flags, page of each row, each page's candidates) over the pages."""
    matrices, flags, page_of, candidates_of = [], [], [], []
    for number, page in enumerate(pages):
        candidates, matrix = candidate_features(page["lines"], page["labels"])
        matrices.append(matrix)
        flags += [index in page["title"] for index in candidates]
        page_of += [number] * len(candidates)
        candidates_of.append(candidates)
    return (list(FEATURES), np.vstack(matrices) if matrices else np.zeros((0, len(FEATURES))),
            np.array(flags, dtype=bool), np.array(page_of, dtype=np.int64), candidates_of)


def row_weights(pages: list[dict], page_of: np.ndarray) -> np.ndarray:
    """Each candidate's training weight: DRAGNET_WEIGHT for a Dragnet page's, 1 for the others'."""
    dragnet = np.array([page["group"].startswith("dragnet:") for page in pages], dtype=bool)
    return np.where(dragnet[page_of], DRAGNET_WEIGHT, 1.0) if len(page_of) else np.zeros(0)


def fit_title_scorer(matrix: np.ndarray, flags: np.ndarray, names: list[str], c: float = 1.0,
                     metadata: dict | None = None, weights: np.ndarray | None = None) -> TitleScorer:
    """A standardised logistic regression (scikit-learn, lbfgs) of whether a candidate is the title."""
    from sklearn.linear_model import LogisticRegression

    mean = matrix.mean(axis=0)
    scale = matrix.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=5000).fit((matrix - mean) / scale, flags, sample_weight=weights)
    return TitleScorer(tuple(names), mean, scale, model.coef_[0].astype(np.float64), float(model.intercept_[0]),
                       metadata or {})


def picks_right(scorer: TitleScorer, matrix: np.ndarray, flags: np.ndarray, page_of: np.ndarray,
                pages: list[int]) -> dict[int, bool]:
    """For each of the pages, whether the scorer's best candidate is a title line (rows of `feature_table`)."""
    scores = ((matrix - scorer.mean) / scorer.scale) @ scorer.coef
    right = {}
    for page in pages:
        rows = np.flatnonzero(page_of == page)
        right[page] = bool(flags[rows[int(np.argmax(scores[rows]))]]) if len(rows) else False
    return right


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description="Train the title scorer on the probe pages and the demo corpus.")
    parser.add_argument("--out", type=Path, default=TITLE_SCORER_PATH)
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    pages = labelled_title_pages()
    dragnet = dragnet_title_pages("train")
    if not dragnet:
        log.warning("../shared is absent: the scorer is trained without Dragnet's pages")
    pages += dragnet
    names, matrix, flags, page_of, _ = feature_table(pages)
    metadata = {"trained": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "pages": len(pages),
                "dragnet_pages": len(dragnet), "dragnet_weight": DRAGNET_WEIGHT, "candidates": int(len(flags)),
                "c": args.c, "command": "python -m pipeline.segmenter.titles"}
    scorer = fit_title_scorer(matrix, flags, names, args.c, metadata, row_weights(pages, page_of))
    right = picks_right(scorer, matrix, flags, page_of, list(range(len(pages))))
    log.info("%d pages (%d of Dragnet), %d candidates; titles right on the training pages: %d",
             len(pages), len(dragnet), len(flags), sum(right.values()))
    temporary = args.out.with_suffix(".json.tmp")
    temporary.write_text(json.dumps(scorer.to_json(), indent=1) + "\n", encoding="utf-8")
    temporary.replace(args.out)
    log.info("wrote %s", args.out)


if __name__ == "__main__":
    from pipeline.segmenter import titles  # the module the segmenter imports, whose recorder `place_title` fills

    titles.main()
