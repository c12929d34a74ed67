"""Segmentation of scraped article text into title, body, reader comments and boilerplate.

Public API (used by the `segment` stage and the CLI):

* `segment_text(text)` labels every non-blank line of a plain-text dump with the learned
  `LineSegmenter` (a bidirectional GRU over column-wise line features, see `model.py` and
  `batch_features.py`), picks the title with a learned
  scorer (`titles.py`) and parses the comment lines into `Comment(author, date, text)` (`comments.py`).
  The body is the body lines joined with a blank line ("\\n\\n"); the title line is not in the body.
* `segment_texts(texts, sites=...)` segments many dumps at once (the model runs on batches of
  documents: several times faster per document than one `segment_text` call each). With each
  document's site (outlet, host), lines recurring on the site's other pages are read as its
  template (`sites.py`): pass a site's pages together.
* `segment_html(html)` does the same from HTML (`html.py`); `segment_htmls(htmls, sites=...)` for
  many pages.
* `load_segmenter(path)` loads a model file (safetensors, never pickle); `None` loads the shipped
  weights once and caches them.
* `LineSegmenter.fit(docs, labels, base=load_segmenter())` adapts the model to a user's sites;
  `python -m pipeline.segmenter.train` retrains from the shared data plus users' JSONL files.
"""

from __future__ import annotations

import gc
from functools import lru_cache
from pathlib import Path

from pipeline.segmenter.comments import clear_line_caches, parse_comments
from pipeline.segmenter.model import INFERENCE_BATCH_DOCS, LineSegmenter
from pipeline.segmenter.result import LABELS, Comment, LabelledLine, Segmentation

WEIGHTS_DIR = Path(__file__).resolve().parent / "weights"
SHIPPED_WEIGHTS = WEIGHTS_DIR / "line_segmenter.safetensors"

__all__ = [
    "LABELS",
    "Comment",
    "LabelledLine",
    "Segmentation",
    "LineSegmenter",
    "load_segmenter",
    "segment_text",
    "segment_texts",
    "segment_html",
    "segment_htmls",
    "parse_comments",
    "clear_line_caches",
    "SHIPPED_WEIGHTS",
]


@lru_cache(maxsize=1)
def _shipped_segmenter() -> LineSegmenter:
    segmenter = LineSegmenter.load(SHIPPED_WEIGHTS)
    # torch's objects and the model live as long as the process: keeping them out of the garbage
    # collector's full passes (which the many small result objects of a batch trigger) saves ~10%
    gc.freeze()
    return segmenter


def load_segmenter(path: str | Path | None = None) -> LineSegmenter:
    """A LineSegmenter from a model file; None: the shipped weights (loaded once, then cached)."""
    if path is None:
        return _shipped_segmenter()
    return LineSegmenter.load(path)


def segment_text(text: str | bytes, segmenter: LineSegmenter | None = None,
                 title_hint: str | None = None) -> Segmentation:
    """Segment a plain-text dump (str, or bytes in UTF-8 / cp1252 / mixed) into its parts; a hard-wrapped
    dump's paragraphs are joined first (`text.unwrap_lines`), each labelled at its first line's number; a Markdown
    dump is read as its text (`text.dump_lines`)."""
    from pipeline.segmenter.text import dump_lines, segment_lines

    return segment_lines(dump_lines(text), segmenter or load_segmenter(), title_hint=title_hint)


def segment_texts(texts: list[str | bytes], segmenter: LineSegmenter | None = None,
                  title_hints: list[str | None] | None = None, sites: list | None = None,
                  batch_size: int = INFERENCE_BATCH_DOCS) -> list[Segmentation]:
    """`segment_text` for many documents, the model running on `batch_size` documents at a time.
    `sites[i]`: the site (outlet, host) of document i, or None: lines that recur on other documents
    of the same site are read as its template (menus, prompts, footers), so pass a site's pages
    together."""
    from pipeline.segmenter.text import dump_lines, segment_numbered_batch

    segmenter = segmenter or load_segmenter()
    hints = title_hints or [None] * len(texts)
    docs = [dump_lines(text) for text in texts]
    return segment_numbered_batch(docs, segmenter, hints, sites, batch_size)


def segment_html(html: str | bytes, segmenter: LineSegmenter | None = None) -> Segmentation:
    """Segment an HTML page; `lines[].line_no` count lines of the page's flattened text."""
    from pipeline.segmenter.html import segment_html_page

    return segment_html_page(html, segmenter or load_segmenter())


def segment_htmls(htmls: list[str | bytes], segmenter: LineSegmenter | None = None,
                  sites: list | None = None) -> list[Segmentation]:
    """`segment_html` for many pages, with batched model calls and each page's site as in `segment_texts`."""
    from pipeline.segmenter.html import segment_html_pages

    return segment_html_pages(htmls, segmenter or load_segmenter(), sites)
