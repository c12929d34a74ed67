"""HTML input: flatten the page to text lines, segment them, and confirm body lines with trafilatura.

The flattening mimics what text dumps look like (one line per block element, list items as "* item",
a button's label on a line of its own, scripts, styles, form fields and hidden elements dropped), so the same
line model applies. A comment widget's "Reply" buttons are what separates one comment from the next. A line the model
labels body stays body only when trafilatura's main text (extracted from the same HTML, which sees
the markup) contains at least half of its words; otherwise it becomes boilerplate. Comments come
from the line model alone. When trafilatura extracts nothing, the line model decides alone.

Chosen by measurement on held-out training sites (host fold 0 of 5 of the training split, model
trained without them; word-weighted F1, body / comments): trafilatura with comments 0.931 / 0.906,
flattening + line model 0.928 / 0.962, this combination 0.948 / 0.960 (MODEL_CARD.md). The title hint is
the first `<h1>`/`<h2>` that the page's `<title>` contains, else the longest part of the `<title>`
("Headline | Site" -> "Headline"). Which HTML path ships was chosen by measurement: see
`benchmarks/segmentation.py` and MODEL_CARD.md.
"""

from __future__ import annotations

import logging
import re
from collections import Counter

import numpy as np
from lxml import etree, html as lxml_html

from pipeline.segmenter.cues import reading_view
from pipeline.segmenter.result import Segmentation
from pipeline.segmenter.sites import template_evidence
from pipeline.segmenter.text import apply_rules, assemble, place_title_in_view, unwrap_lines

WORD_RE = re.compile(r"\w+")

SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "math", "head", "iframe", "object", "embed", "canvas",
     "select", "option", "input", "textarea", "map"}
)
BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "main", "aside", "header", "footer", "nav", "ul", "ol", "li", "dl", "dt", "dd",
     "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "thead", "tbody", "tfoot", "caption",
     "figure", "figcaption", "form", "fieldset", "legend", "address", "hr", "center", "body", "html", "details",
     "summary", "menu", "label", "button"}
)
CELL_TAGS = frozenset({"td", "th"})
LAYOUT_CELL_TAGS = ("br", *sorted(BLOCK_TAGS))  # what a layout column holds (`_layout_cell`)
HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# an inline element that a comment widget gives a commenter's town ("<span class="comment__loc">Chennai</span>" between the
# name and the date): a line of its own, as a text dump prints it, so that the town does not run into the name
LOCATION_CLASS_RE = re.compile(r"(?:^|[-_\s])(?:loc|location|city|town|hometown)(?:$|[-_\s])", re.IGNORECASE)
COMMENT_CLASS_RE = re.compile(r"comment", re.IGNORECASE)  # (a town in an article's dateline is inline text)


def _text_of(element) -> str:
    return " ".join(element.text_content().split()) if element is not None else ""


HEADING_SHARE_OF_TITLE = 0.5  # a heading with at least this share of its words in the <title> is the headline it words
TITLE_SEPARATORS_RE = re.compile(r"\s+(?:[|«»–—:~•·]|::|-)\s+")


def _headline(page_title: str | None, headings: list[str]) -> str | None:
    """The article's headline, from the page's <title> (often "Headline | Site") and its h1/h2 texts: the
    first heading that holds the longest part of the <title> (3+ words; the <title> may be shortened
    for search engines), else the first heading of 3+ words that the <title> holds (the title's parts
    may be split oddly), else the first heading of 3+ words half of whose words the <title>'s longest part holds,
    else that longest part; without a <title>, the first heading of 3+ words."""
    if not page_title:
        return next((heading for heading in headings if len(heading.split()) >= 3), None)
    main_part = max(TITLE_SEPARATORS_RE.split(page_title), key=len).strip()
    folded_title, folded_main = page_title.casefold(), main_part.casefold()
    if len(main_part.split()) >= 3:
        holding = next((heading for heading in headings if folded_main in heading.casefold()), None)
        if holding is not None:
            return holding
    for heading in headings:
        if len(heading.split()) >= 3 and heading.casefold() in folded_title:
            return heading
    # a search engine's title that words the headline differently ("Sanctions decision: S-400 debate flares up - Site"
    # over the page's "Sanctions decision: all eyes on the S-400 deal"): the heading that shares most of its words
    title_words = set(folded_main.split())
    for heading in headings:
        words = heading.casefold().split()
        if len(words) >= 3 and sum(word in title_words for word in words) >= HEADING_SHARE_OF_TITLE * len(words):
            return heading
    return main_part or None


def _parse(markup: str | bytes):
    """lxml root of a page: bytes are UTF-8 when they decode as such, else lxml reads the charset."""
    if isinstance(markup, bytes):
        try:
            markup = markup.decode("utf-8")
        except UnicodeDecodeError:
            pass
    if not markup.strip():
        return None
    try:
        return lxml_html.document_fromstring(markup)
    except ValueError:  # a str with an XML encoding declaration: let lxml read the bytes
        try:
            return lxml_html.document_fromstring(markup.encode("utf-8") if isinstance(markup, str) else markup)
        except (etree.ParserError, ValueError):
            return None
    except etree.ParserError:
        return None


def _layout_cell(cell) -> bool:
    """A table cell that holds line breaks or blocks is a column of the page's layout (a menu beside the article),
    not a cell of a data table: its text starts and ends lines of its own."""
    return next(cell.iterdescendants(*LAYOUT_CELL_TAGS), None) is not None


def html_to_lines(markup: str | bytes) -> tuple[list[str], str | None, str | None]:
    """(text lines, <title> text, headline) of an HTML page."""
    root = _parse(markup)
    if root is None:
        return [], None, None
    page_title = _text_of(root.find(".//title")) or None
    heading = _headline(page_title, [_text_of(h) for h in root.iter("h1", "h2")])

    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = " ".join("".join(current).split())
        if line:
            lines.append(line)
        current.clear()

    def flush_preformatted() -> None:
        """A <pre> block's lines as a text dump's (a mailing-list archive's message, a plain-text page): its line
        breaks kept, a hard-wrapped paragraph joined again (`text.unwrap_lines`; blank lines part paragraphs)."""
        numbered = [(number, " ".join(line.split())) for number, line in enumerate("".join(current).split("\n"), start=1)]
        lines.extend(text for _, text in unwrap_lines([(number, line) for number, line in numbered if line]))
        current.clear()

    skip_depth = 0
    preformatted = 0  # depth of <pre> elements around the walk
    layout_cells = set()
    inline_ended = False  # an inline element has just ended, with no text after it yet
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower()
        if event == "start":
            if skip_depth or tag in SKIP_TAGS or element.get("hidden") is not None \
                    or HIDDEN_STYLE_RE.search(element.get("style") or ""):
                skip_depth += 1
                continue
            if tag in CELL_TAGS and _layout_cell(element):
                layout_cells.add(element)
            elif tag not in BLOCK_TAGS and LOCATION_CLASS_RE.search(element.get("class") or "") \
                    and any(COMMENT_CLASS_RE.search(ancestor.get("class") or "") for ancestor in element.iterancestors()):
                layout_cells.add(element)
                if current:  # (the separator before the town goes with it: "<b>NAME</b>, <span class=city>")
                    current[-1] = current[-1].rstrip(" ,·•|-–—\u00a0")
            if tag in BLOCK_TAGS or tag == "br" or element in layout_cells:
                flush_preformatted() if preformatted else flush()
            elif inline_ended and current and not current[-1][-1:].isspace():
                # "<a>Politics</a><a>Business</a>": two links, two words ("<b>T</b>he" keeps its word whole)
                current.append(" ")
            if tag == "pre":
                preformatted += 1
            inline_ended = False
            if tag == "li":
                current.append("* ")
            elif tag in CELL_TAGS:
                current.append(" ")
            if element.text and tag:
                current.append(element.text)
        else:
            if skip_depth:
                skip_depth -= 1
                if skip_depth == 0 and element.tail:
                    current.append(element.tail)
                continue
            if tag == "pre":
                preformatted -= 1
                flush_preformatted()
            elif tag in BLOCK_TAGS or element in layout_cells:
                flush_preformatted() if preformatted else flush()
            elif tag in CELL_TAGS:
                current.append(" ")
            inline_ended = tag not in BLOCK_TAGS and not element.tail
            if element.tail:
                current.append(element.tail)
    flush()
    return lines, page_title, heading


def trafilatura_main_text(markup: str | bytes) -> str:
    """trafilatura's main text (title included) of a page, or "" when it finds none."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        document = trafilatura.bare_extraction(markup, include_comments=True, with_metadata=True)
    except Exception:  # trafilatura raises assorted errors on malformed pages; fall back to the model
        return ""
    if document is None:
        return ""
    return "\n".join(part for part in (document.title, document.text) if part)


def confirm_body(lines: list[str], labels: list[str], main_text: str) -> list[str]:
    """Body labels kept only for lines with >= half of their words in `main_text` (a multiset of
    words, used up in page order); the other body lines become boilerplate."""
    pool = Counter(word.lower() for word in WORD_RE.findall(main_text))
    confirmed = []
    for line, label in zip(lines, labels):
        if label == "body":
            words = Counter(word.lower() for word in WORD_RE.findall(line))
            found = sum(min(count, pool[word]) for word, count in words.items())
            if words and found * 2 >= sum(words.values()):
                pool.subtract(words)
            else:
                label = "boilerplate"
        confirmed.append(label)
    return confirmed


def segment_html_pages(markups: list[str | bytes], segmenter, sites: list | None = None) -> list[Segmentation]:
    """Segment HTML pages with one batched model call (`sites`: as in `LineSegmenter.predict_many`);
    `lines[].line_no` count lines of each page's flattened text."""
    flattened = [html_to_lines(markup) for markup in markups]
    views = [reading_view(lines) for lines, _, _ in flattened]
    site_rows, recurring = template_evidence(views, sites)
    predicted = segmenter.predict_many(views, sites, site_rows=site_rows)
    return [_finish_page(markup, lines, view, headline, labels, repeats)
            for markup, (lines, _, headline), view, labels, repeats in zip(markups, flattened, views, predicted, recurring)]


def segment_html_page(markup: str | bytes, segmenter) -> Segmentation:
    return segment_html_pages([markup], segmenter)[0]


def _finish_page(markup: str | bytes, lines: list[str], view: list[str], headline: str | None, predicted: list[str],
                 recurring: np.ndarray | None = None) -> Segmentation:
    """Rules, trafilatura's confirmation of the body, title and assembly on top of the model's labels
    (`view`: the lines as the model read them, `cues.reading_view`; `recurring`: as in `text.apply_rules`)."""
    labels = apply_rules(view, predicted, recurring=recurring) if lines else []
    main_text = trafilatura_main_text(markup) if "body" in labels else ""
    if main_text:
        labels = confirm_body(lines, labels, main_text)
    labels, title_index, title_text = place_title_in_view(lines, view, labels, headline)
    return assemble(list(enumerate(lines, start=1)), labels, title_index, title_text)
