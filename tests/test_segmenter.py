"""Tests of the plain-text / HTML segmenter and comment parsing (pipeline.segmenter)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.segmenter import (
    LABELS,
    Comment,
    LineSegmenter,
    Segmentation,
    load_segmenter,
    parse_comments,
    segment_html,
    segment_text,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = sorted((SHARED / "seeds").glob("*.txt"))

PARAGRAPHS = [
    "The foreign ministers met on Tuesday in Geneva to discuss the future of the arms control treaty, "
    "which both governments say the other side has violated for several years now.",
    "Officials from both delegations described the talks as difficult, and neither side offered new "
    "proposals to verify the range of the disputed missile system before the deadline.",
    "Analysts said the collapse of the agreement would leave Europe without any limits on land-based "
    "intermediate-range missiles for the first time since the late nineteen-eighties.",
    "A spokesman for the ministry said further meetings were planned for next month, although no date "
    "had been set and the agenda remained unclear to the experts who follow the negotiations.",
]


def article(comments: str = "") -> str:
    parts = ["Home", "World", "Politics", "Ministers fail to agree on missile treaty future", "By Jane Reporter",
             *PARAGRAPHS, "Share this article", "Facebook", "Twitter", comments, "Copyright 2019 Example News. All rights reserved."]
    return "\n\n".join(part for part in parts if part)


COMMENTS_BLOCK = """3 Comments
Alice Smith
Alice Smith
October 27, 2018
I do not trust either government on this, both have broken promises before and will again.
Reply
Bob Jones
Bob Jones
October 28, 2018
The treaty kept Europe safe for thirty years and it is sad to watch it fall apart like this.
Reply"""


@pytest.fixture(scope="module")
def segmenter() -> LineSegmenter:
    return load_segmenter()


def test_shipped_model_is_small_json_not_pickle() -> None:
    from pipeline.segmenter import SHIPPED_WEIGHTS

    assert SHIPPED_WEIGHTS.stat().st_size < 10_000_000
    with SHIPPED_WEIGHTS.open(encoding="utf-8") as handle:
        data = json.load(handle)
    assert data["format"] == "newsstance-line-segmenter"
    assert not list(SHIPPED_WEIGHTS.parent.glob("*.pkl")) and not list(SHIPPED_WEIGHTS.parent.glob("*.pickle"))


def test_article_body_and_furniture(segmenter: LineSegmenter) -> None:
    result = segment_text(article(), segmenter)
    assert isinstance(result, Segmentation)
    for paragraph in PARAGRAPHS:
        assert paragraph in result.body
    assert "Copyright" not in result.body and "Share this article" not in result.body
    assert result.title == "Ministers fail to agree on missile treaty future"
    assert all(line.label in LABELS for line in result.lines)
    assert 0.5 < result.body_share < 1.0


def test_line_numbers_count_blank_lines_and_crlf(segmenter: LineSegmenter) -> None:
    text = "First heading of the page\r\n\r\n" + PARAGRAPHS[0] + "\r\r" + PARAGRAPHS[1] + "\n\n\n" + PARAGRAPHS[2]
    result = segment_text(text, segmenter)
    assert [line.line_no for line in result.lines] == [1, 3, 5, 8]
    assert all("\r" not in line.text for line in result.lines)


def test_empty_and_one_line_documents(segmenter: LineSegmenter) -> None:
    for empty in ("", "   \n\t\n", "\r\n\r\n"):
        result = segment_text(empty, segmenter)
        assert result.lines == [] and result.body == "" and result.comments == [] and result.title is None
        assert result.body_share == 0.0
    one = segment_text(PARAGRAPHS[0], segmenter)
    assert [line.label for line in one.lines] == ["body"]
    assert one.body == PARAGRAPHS[0]


def test_very_long_line(segmenter: LineSegmenter) -> None:
    long_line = " ".join(PARAGRAPHS * 300)  # ~ 100k characters on one line
    result = segment_text("Menu\n" + long_line + "\nCopyright 2019", segmenter)
    assert result.lines[1].label == "body"
    assert long_line in result.body and "Copyright" not in result.body


def test_bytes_with_mixed_encodings(segmenter: LineSegmenter) -> None:
    utf8_line = "Le ministre a déclaré que l’accord était mort, selon des responsables à Genève et à Moscou hier.".encode()
    cp1252_line = "Der Außenminister sagte, das Abkommen sei für Europa wichtig gewesen, seit über dreißig Jahren.".encode("cp1252")
    result = segment_text(utf8_line + b"\n" + cp1252_line, segmenter)
    texts = [line.text for line in result.lines]
    assert "déclaré" in texts[0] and "Außenminister" in texts[1]


def test_to_dict_is_json_ready(segmenter: LineSegmenter) -> None:
    result = segment_text(article(COMMENTS_BLOCK), segmenter)
    data = json.loads(json.dumps(result.to_dict()))
    assert set(data) == {"title", "body", "comments", "boilerplate", "lines"}
    assert set(data["lines"][0]) == {"line_no", "text", "label"}


# --- comment parsing on self-written examples -------------------------------------------------


def test_parse_comments_repeated_names_dates_and_reply_buttons() -> None:
    comments = parse_comments(COMMENTS_BLOCK.splitlines())
    assert comments == [
        Comment("Alice Smith", "October 27, 2018", "I do not trust either government on this, both have broken promises before and will again."),
        Comment("Bob Jones", "October 28, 2018", "The treaty kept Europe safe for thirty years and it is sad to watch it fall apart like this."),
    ]


def test_parse_comments_footer_style() -> None:
    lines = [
        "Great piece, thanks for writing it.",
        "I learned a lot about the history here.",
        "by Carol White on December 4, 2010 at 10:42 pm. Reply #",
        "I disagree with most of this.",
        "by dave on December 5, 2010 at 1:34 am. Reply #",
    ]
    comments = parse_comments(lines)
    assert [(c.author, c.date) for c in comments] == [
        ("Carol White", "December 4, 2010 at 10:42 pm"),
        ("dave", "December 5, 2010 at 1:34 am"),
    ]
    assert comments[0].text == "Great piece, thanks for writing it.\nI learned a lot about the history here."


def test_parse_comments_anonymous_with_buttons_and_counter_header() -> None:
    lines = ["9 Comment(s)", "Yeah, that's right", "Reply", "They will never agree to that.", "Reply", "Nonsense … Read more »"]
    comments = parse_comments(lines)
    assert [c.text for c in comments] == ["Yeah, that's right", "They will never agree to that.", "Nonsense"]
    assert all(c.author is None and c.date is None for c in comments)


def test_parse_comments_says_and_relative_dates() -> None:
    lines = ["Ed Brown says:", "3 days ago", "Spot on analysis.", "Frank says:", "2 hours ago", "Not convinced."]
    comments = parse_comments(lines)
    assert [(c.author, c.date, c.text) for c in comments] == [
        ("Ed Brown", "3 days ago", "Spot on analysis."),
        ("Frank", "2 hours ago", "Not convinced."),
    ]


def test_parse_comments_date_only_header() -> None:
    lines = ["Alice Smith", "Alice Smith", "October 27, 2018", "First comment text here.",
             "October 28, 2018", "Second comment from someone without a name."]
    comments = parse_comments(lines)
    assert [(c.author, c.date) for c in comments] == [("Alice Smith", "October 27, 2018"), (None, "October 28, 2018")]


def test_parse_comments_empty() -> None:
    assert parse_comments([]) == []


# --- HTML -------------------------------------------------------------------------------------


def test_html_input(segmenter: LineSegmenter) -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = (
        "<html><head><title>Ministers fail to agree | Example News</title><style>p {color: red}</style>"
        "<script>var x = 'Share this';</script></head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li></ul></nav>"
        f"<article><h1>Ministers fail to agree</h1><p class='byline'>By Jane Reporter</p>{paragraphs}</article>"
        "<footer><p>Copyright 2019 Example News. All rights reserved.</p></footer></body></html>"
    )
    result = segment_html(html, segmenter)
    assert result.title == "Ministers fail to agree"
    for paragraph in PARAGRAPHS:
        assert paragraph in result.body
    assert "var x" not in " ".join(line.text for line in result.lines)
    assert "Copyright" not in result.body


def test_html_empty(segmenter: LineSegmenter) -> None:
    assert segment_html("", segmenter).lines == []
