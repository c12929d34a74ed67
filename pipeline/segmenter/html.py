"""HTML input: flatten the page to text lines keeping its block structure, then segment the lines.

The flattening mimics what text dumps look like (one line per block element, list items as "* item",
scripts, styles and hidden elements dropped), so the same line model applies. The page's `<h1>`, or
else its `<title>`, is the title hint. Which HTML path ships was chosen by measurement: see
`benchmarks/segmentation.py` and MODEL_CARD.md.
"""

from __future__ import annotations

import re

from lxml import etree, html as lxml_html

from pipeline.segmenter.result import Segmentation
from pipeline.segmenter.text import segment_lines

SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "math", "head", "iframe", "object", "embed", "canvas",
     "select", "option", "button", "input", "textarea", "map"}
)
BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "main", "aside", "header", "footer", "nav", "ul", "ol", "li", "dl", "dt", "dd",
     "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "thead", "tbody", "tfoot", "caption",
     "figure", "figcaption", "form", "fieldset", "legend", "address", "hr", "center", "body", "html", "details",
     "summary", "menu", "label"}
)
CELL_TAGS = frozenset({"td", "th"})
HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _text_of(element) -> str:
    return " ".join(element.text_content().split()) if element is not None else ""


def html_to_lines(markup: str | bytes) -> tuple[list[str], str | None, str | None]:
    """(text lines, <title> text, first <h1> text) of an HTML page."""
    if isinstance(markup, bytes):
        markup = markup.decode("utf-8", errors="replace")
    markup = markup.strip()
    if not markup:
        return [], None, None
    try:
        root = lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return [], None, None
    title_element = root.find(".//title")
    page_title = _text_of(title_element) or None
    h1 = root.find(".//h1")
    heading = _text_of(h1) or None

    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = " ".join("".join(current).split())
        if line:
            lines.append(line)
        current.clear()

    skip_depth = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower()
        if event == "start":
            if skip_depth or tag in SKIP_TAGS or element.get("hidden") is not None \
                    or HIDDEN_STYLE_RE.search(element.get("style") or ""):
                skip_depth += 1
                continue
            if tag in BLOCK_TAGS or tag == "br":
                flush()
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
            if tag in BLOCK_TAGS:
                flush()
            elif tag in CELL_TAGS:
                current.append(" ")
            if element.tail:
                current.append(element.tail)
    flush()
    return lines, page_title, heading


def segment_html_page(markup: str | bytes, segmenter) -> Segmentation:
    lines, page_title, heading = html_to_lines(markup)
    numbered = list(enumerate(lines, start=1))
    return segment_lines(numbered, segmenter, title_hint=heading or page_title)
