"""Plain-text segmentation: raw dump -> labelled lines -> title, body, comments, boilerplate.

Steps: decode (bytes with mixed encodings are decoded line by line), split on CRLF / CR / LF keeping
1-based line numbers, collapse whitespace and drop blank lines, label the lines with the learned
`LineSegmenter` (body / comment / boilerplate), relabel one line as the title by rule, then gather the
parts. The title rule, in order: a line matching `title_hint`; else the first heading-like line (a
few words, no closing full stop, not a date or a menu item) at or before the first body line, near
the top (above the first paragraph of 12+ words labelled body); when a page title with a site suffix ("Headline | Site") is followed by the bare headline,
the bare headline wins.
"""

from __future__ import annotations

import re

from pipeline.segmenter.comments import parse_comments
from pipeline.segmenter.features import DATE_RE, WORD_RE
from pipeline.segmenter.result import BODY_JOINER, LabelledLine, Segmentation

LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")
TITLE_WINDOW = 25
BULLET_START = tuple("*•·-–—>|»›◦▪■●+")


def decode(data: str | bytes) -> str:
    """Text of a dump; bytes are decoded as UTF-8 line by line, falling back to cp1252 then latin-1."""
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    parts = []
    for chunk in re.split(rb"(\r\n|\r|\n)", data):
        for encoding in ("utf-8", "cp1252", "latin-1"):
            try:
                parts.append(chunk.decode(encoding))
                break
            except UnicodeDecodeError:
                continue
    return "".join(parts)


def split_lines(text: str) -> list[tuple[int, str]]:
    """(1-based line number, whitespace-collapsed text) of every non-blank line."""
    numbered = []
    for number, raw in enumerate(LINE_BREAK_RE.split(text), start=1):
        line = " ".join(raw.split())
        if line:
            numbered.append((number, line))
    return numbered


def _normalise(text: str) -> list[str]:
    return [word.casefold() for word in WORD_RE.findall(text)]


def _heading_like(line: str, min_words: int) -> bool:
    words = WORD_RE.findall(line)
    if not min_words <= len(words) <= 30 or len(line) > 250:
        return False
    if line.endswith(".") and not line.endswith("..."):
        return False
    if line.startswith(BULLET_START) or DATE_RE.fullmatch(line.strip(" ,.")):
        return False
    return any(word[:1].isupper() for word in words)


def find_title(lines: list[str], labels: list[str], title_hint: str | None = None) -> int | None:
    """Index of the title line, or None."""
    if title_hint:
        hint = _normalise(title_hint)
        if hint:
            for index, line in enumerate(lines):
                words = _normalise(line)
                if words == hint:
                    return index
            for index, line in enumerate(lines[: TITLE_WINDOW * 2]):
                words = _normalise(line)
                if words and len(words) <= 2 * len(hint) and (
                    " ".join(hint) in " ".join(words) or (len(words) >= 3 and " ".join(words) in " ".join(hint))
                ):
                    return index
        return None
    # the title sits above the first real paragraph; short lines labelled body before it (bylines,
    # stray menu words) do not end the search
    first_paragraph = next(
        (index for index, label in enumerate(labels) if label == "body" and len(WORD_RE.findall(lines[index])) >= 12),
        len(lines),
    )
    stop = min(first_paragraph + 1, TITLE_WINDOW, len(lines))
    for min_words in (4, 2):
        for index in range(stop):
            line = lines[index]
            if labels[index] == "comment" or not _heading_like(line, min_words):
                continue
            for later in range(index + 1, min(index + 6, len(lines))):
                other = lines[later]
                if other != line and len(other) >= 0.4 * len(line) and (line.startswith(other) or line.endswith(other)) \
                        and _heading_like(other, 2):
                    return later
            return index
    return None


def assemble(numbered: list[tuple[int, str]], labels: list[str], title_index: int | None,
             title_text: str | None = None) -> Segmentation:
    """Gather labelled lines into a Segmentation; `title_index` is relabelled `title`."""
    labels = list(labels)
    if title_index is not None:
        labels[title_index] = "title"
    lines = [LabelledLine(line_no=number, text=text, label=label) for (number, text), label in zip(numbered, labels)]
    title = title_text
    if title is None:
        title = next((line.text for line in lines if line.label == "title"), None)
    return Segmentation(
        title=title,
        body=BODY_JOINER.join(line.text for line in lines if line.label == "body"),
        comments=parse_comments([line.text for line in lines if line.label == "comment"]),
        boilerplate=[line.text for line in lines if line.label == "boilerplate"],
        lines=lines,
    )


def segment_lines(numbered: list[tuple[int, str]], segmenter, title_hint: str | None = None) -> Segmentation:
    """Segment already split lines ((line_no, text) pairs) with a LineSegmenter."""
    texts = [text for _, text in numbered]
    labels = segmenter.predict(texts) if texts else []
    title_index = find_title(texts, labels, title_hint)
    title_text = " ".join(title_hint.split()) if title_hint and title_index is None else None
    return assemble(numbered, labels, title_index, title_text or None)
