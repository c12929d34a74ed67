"""No line makes the comment parser's patterns backtrack without end (stop 41).

Three patterns could read a run of marks in exponentially many ways when the line did not match in the end: a row of
vote marks and spaces ("- - - ... ж", VOTES_RE), a row of thumbs or arrows ("👍👍👍 ... ж", "▲ 3 ▲ 3 ...", BUTTON_RE)
and a run of button words before a last one ("like like ... x like", TRAILING_BUTTONS_RE). Thirty marks took minutes
and forty would take days, on one line of one document. Each check runs in a child process with a time limit, so a
regression fails the test instead of hanging the run."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pipeline.segmenter.comments import is_button, parse_comments

REPO = Path(__file__).resolve().parents[1]

PATHOLOGICAL_LINES = ["- " * 40 + "Продолжение", "👍" * 60 + " Согласен", "👍 " * 60 + "ж!", "▲ 3 " * 60 + "ж!",
                      "1 ▲ ▼ " * 60 + "ж!", "공감 " * 60 + "ж!", "Like ▲ 3 " * 60 + "ж!", "like " * 5000 + "x like"]


def test_pathological_lines_are_read_in_bounded_time() -> None:
    code = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(REPO)!r})
        from pipeline.segmenter.comments import _clean_text, is_button, parse_comments
        lines = {PATHOLOGICAL_LINES!r}
        for line in lines:
            is_button(line)
            _clean_text(line)
        parse_comments(["Иван Петров", "12.05.2014 18:41", "Интересно.", "Ответить", *lines])
    """)
    finished = subprocess.run([sys.executable, "-c", code], timeout=120, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr


@pytest.mark.parametrize("row", ["👍 24 👎 3", "▲ 12 ▼ 1", "14 △ ▽", "공감 56 비공감 3", "Like ▲ 3", "Reply · Report #",
                                 "[33]Reply [34]▲ 24", "Like · Reply · 41 · 3 years ago", "↑ 22 ↓ 1"])
def test_rows_of_buttons_and_votes_are_still_buttons(row: str) -> None:
    assert is_button(row)


@pytest.mark.parametrize("line", ["- " * 12 + "Продолжение", "👍👍👍 Согласен полностью", "Like this article a lot"])
def test_text_that_opens_with_marks_or_a_button_word_is_no_button(line: str) -> None:
    assert not is_button(line)


@pytest.mark.parametrize("sentences", [3, 60])  # (a long text is searched for its buttons in its last characters only)
def test_a_comment_ending_in_button_words_loses_them_and_keeps_its_text(sentences: int) -> None:
    text = "Согласен. " * sentences + "Reply · Report"
    comments = parse_comments(["Иван Петров", "12.05.2014 18:41", text])
    assert comments[0].text == ("Согласен. " * sentences).rstrip(" .")
