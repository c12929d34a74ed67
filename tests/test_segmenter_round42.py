"""Rules from round 42 of probe pages (stop 37): British regional comment headers ("Name, Town says..." over "9:42am Thu
14 Jul 11"), WordPress's "says" in more of its translations, and more furniture words."""

from __future__ import annotations

import pytest

from pipeline.segmenter.comments import is_date_text, parse_comments


def _parsed(lines: list[str]) -> list[tuple[str | None, str | None]]:
    return [(comment.author, comment.date) for comment in parse_comments(lines)]


def test_a_day_and_month_with_a_two_digit_year_is_a_date_but_not_before_a_clock_time() -> None:
    assert is_date_text("9:42am Thu 14 Jul 11") and is_date_text("Sat 3 March 12")
    assert not is_date_text("14 Jul 11:30 the talks resumed")


def test_a_handle_and_town_over_a_short_year_date_heads_a_comment() -> None:
    lines = ["Gaz1975, Workington says...", "9:42am Thu 14 Jul 11", "Heard it all before about that plant.",
             "Report this comment", "Margaret Tyson, Cockermouth says...", "10:15am Thu 14 Jul 11",
             "Nobody told the workforce anything.", "Report this comment"]
    assert _parsed(lines) == [("Gaz1975, Workington", "9:42am Thu 14 Jul 11"),
                              ("Margaret Tyson, Cockermouth", "10:15am Thu 14 Jul 11")]


@pytest.mark.parametrize(("header", "author"), [
    ("Γιώργος Κ. λέει:", "Γιώργος Κ."), ("Ayşe Demir dedi ki:", "Ayşe Demir"), ("Jonas Petraitis sako:", "Jonas Petraitis"),
    ("Ion Popescu a spus:", "Ion Popescu"), ("Marco Bianchi scrive:", "Marco Bianchi"),
])
def test_wordpress_says_in_other_languages_leaves_the_name(header: str, author: str) -> None:
    lines = [header, "2 Αυγούστου 2019 στις 15:02" if "λέει" in header else "12.08.2019 15:02",
             "The treaty was dead long before this week.", "Reply"]
    assert _parsed(lines)[0][0] == author
