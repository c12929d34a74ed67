"""Rules from the twenty-fifth round of probe pages (the same story on two sites: a wire's, a state outlet's, a
think tank's or a newsletter's piece and a republisher's copy, with each site's furniture and comments), and from
misreads of earlier rounds that it fixed: Disqus reply headers whose handles run two words together, a guest's
reply, Facebook's comments plugin printing a commenter's town or school under the name, and a reply's depth on
Reddit's pages."""

from __future__ import annotations

import pytest

from pipeline.segmenter.comments import MetaMemo, _bare_author, _classify, _whole_name, parse_comments
from pipeline.segmenter.text import BADGE_RE


@pytest.mark.parametrize(("name", "whole"), [
    ("NorfolkNigel", True), ("BrigadierBaz", True), ("Sally_W", True), ("jm1987", True), ("Guest", True),
    ("Walt Prezioso", True),
    # a surname or a first name alone is not, even with a capital inside it
    ("McLean", False), ("DeLuca", False), ("MacKenzie", False), ("Smith", False), ("iPhone", False),
])
def test_whole_names_include_run_together_handles_and_guests(name: str, whole: bool) -> None:
    assert _whole_name(name) is whole


@pytest.mark.parametrize(("author", "earlier", "bare"), [
    ("Sally_W NorfolkNigel", {"NorfolkNigel"}, "Sally_W"),
    ("NorfolkNigel Sally_W", {"NorfolkNigel", "Sally_W"}, "NorfolkNigel"),
    ("Guest texas_bluebonnet", {"texas_bluebonnet"}, "Guest"),
    # a surname that an earlier commenter's run-together handle does not make: no cut
    ("Ashley MacKenzie", {"MacKenzie"}, "Ashley MacKenzie"),
    ("David Meerman Scott", {"Meerman Scott"}, "David Meerman Scott"),
])
def test_a_reply_header_loses_the_name_it_answers(author: str, earlier: set[str], bare: str) -> None:
    assert _bare_author(author, earlier) == bare


FACEBOOK_2019 = """Gord Lamoureux
Retired at Canadian Armed Forces
Spent fourteen years at the radar sites up north, and half of that equipment was old when I got there.
Like · Reply · 23 · 3y
Denise Fontaine
Winnipeg, Manitoba
Gord, my brother served at Cambridge Bay and says the same about the stations there.
Like · Reply · 4 · 3y
Priya Bhatt
University of Toronto
The launchers in Romania were the other side's complaint, so it is never as simple as one side cheating.
Like · Reply · 6 · 3y""".split("\n")


def test_facebook_profile_lines_under_the_name_are_neither_author_nor_text() -> None:
    comments = parse_comments(FACEBOOK_2019)
    assert [(comment.author, comment.date) for comment in comments] == [
        ("Gord Lamoureux", "3y"), ("Denise Fontaine", "3y"), ("Priya Bhatt", "3y")]
    assert comments[0].text.startswith("Spent fourteen years")
    assert [kind for kind, _ in _classify(FACEBOOK_2019[:4], MetaMemo())] == ["meta", "skip", "text", "button"]


def test_a_place_line_between_two_text_lines_stays_text() -> None:
    lines = ["Arianne Dufresne", "2 days ago", "We drove through on the way to the coast last summer.",
             "Portland, Maine", "That is where we stopped for the night, and the talk was all about the plant."]
    kinds = [kind for kind, _ in _classify(lines, MetaMemo())]
    assert kinds[3] != "skip"


@pytest.mark.parametrize(("line", "badge"), [
    ("level 1", True), ("level 12", True), ("Retired at Canadian Armed Forces", True), ("Works at Boeing", True),
    ("level with the Senate on this one", False), ("Retired at last, and glad of it.", False),
])
def test_reddit_depth_and_profile_lines_are_badges(line: str, badge: bool) -> None:
    assert (BADGE_RE.match(line) is not None) is badge
