"""HTML to plain-text lines, the way a text dump shows a page: one line per block, scripts and styles dropped.

Used by ingest to give HTML records a `text` (for cleaning, language id and duplicate detection); the
segmenter's HTML path works on the markup itself.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html
from lxml.etree import ParserError

BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "table", "td", "th", "tr", "ul", "title",
}
DROPPED_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "head")
_SPACES = re.compile(r"[ \t\u00a0\u200b\r\f\v]+")


def parse_html(markup: str):
    """An lxml tree, or None for markup lxml cannot parse (empty or not HTML)."""
    if not markup.strip():
        return None
    try:
        return lxml_html.document_fromstring(markup)
    except (ParserError, ValueError):
        return None


def html_title(markup: str) -> str | None:
    tree = parse_html(markup)
    if tree is None:
        return None
    for xpath in ("//title", "//h1"):
        for element in tree.xpath(xpath):
            text = _SPACES.sub(" ", element.text_content()).strip()
            if text:
                return text
    return None


def html_to_text(markup: str) -> str:
    """Visible text of the page, one line per block element."""
    tree = parse_html(markup)
    if tree is None:
        return ""
    for element in tree.xpath("|".join(f"//{tag}" for tag in DROPPED_TAGS)):
        element.drop_tree()
    pieces: list[str] = []

    def walk(element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        block = tag in BLOCK_TAGS
        if block:
            pieces.append("\n")
        if element.text:
            pieces.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                pieces.append(child.tail)
        if block:
            pieces.append("\n")

    walk(tree)
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(pieces).split("\n"))
    return "\n".join(line for line in lines if line)
