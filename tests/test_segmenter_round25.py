"""Rules from the twenty-fifth round of probe pages (the same story on two sites: a wire's, a state outlet's, a
think tank's or a newsletter's piece and a republisher's copy, with each site's furniture and comments), and from
misreads of earlier rounds that it fixed: Disqus reply headers whose handles run two words together, a guest's
reply, Facebook's comments plugin printing a commenter's town or school under the name, and a reply's depth on
Reddit's pages. The round's own misreads: rows of buttons under comments (Substack's, an Indian daily's votes, German
"Empfehlungen", Facebook's plugin of 2014 with a British date and of 2025 in Polish), German comment forms, a French
"Répondre à NAME", a comment section's pages, and a Disqus copy whose reply rows open with counts and bullets."""

from __future__ import annotations

import pytest

from pipeline.segmenter.comments import (BUTTON_AGE_RE, MORE_COMMENTS_RE, MetaMemo, _bare_author, _classify, _control_kind,
                                         _whole_name, _widget_kind, is_button, parse_comments)
from pipeline.segmenter.text import BADGE_RE, _is_furniture, _menu_like, apply_rules, find_title, furniture_flags


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


@pytest.mark.parametrize(("line", "button"), [
    ("Gift a subscription", True), ("Collapse", True), ("14 Empfehlungen", True), ("1 Empfehlung", True),
    ("Agree (14) Disagree (2) Report · Reply", True),
    ("Reply · Like · 14 · 31 July at 11:02", True), ("Lubię to! · Odpowiedz · 6 godz.", True),
    # a one-word comment is no button
    ("Agree", False), ("Agree 100%", False), ("I agree", False),
])
def test_buttons_of_substack_indian_german_polish_and_2014_facebook_rows(line: str, button: bool) -> None:
    assert is_button(line) is button


@pytest.mark.parametrize(("line", "age"), [
    ("Reply · Like · 14 · 31 July at 11:02", "31 July at 11:02"), ("Lubię to! · Odpowiedz · 6 godz.", "6 godz."),
])
def test_a_button_row_gives_the_comment_its_date(line: str, age: str) -> None:
    assert BUTTON_AGE_RE.search(line).group(1) == age


@pytest.mark.parametrize(("line", "kind"), [
    ("Neuen Kommentar verfassen", "skip"), ("Sie müssen angemeldet sein, um einen Kommentar zu schreiben.", "skip"),
    ("Sort by: Newest | Oldest | Most Agreed | Most Discussed", "skip"), ("Répondre à Odile M.", None),
])
def test_comment_forms_and_sort_rows_are_no_comment(line: str, kind: str | None) -> None:
    assert _control_kind(line) == kind
    assert _widget_kind(line) == ("skip" if kind is None else None) or kind == "skip"


@pytest.mark.parametrize("line", ["Neuen Kommentar verfassen", "Sie müssen angemeldet sein, um einen Kommentar zu schreiben.",
                                  "Kommentar schreiben"])
def test_german_comment_forms_are_furniture_one_by_one_and_batched(line: str) -> None:
    assert _is_furniture(line)
    assert furniture_flags([line] * 1200)[0]


def test_a_link_to_the_comments_next_page_is_no_comment() -> None:
    assert MORE_COMMENTS_RE.match("Next page ›") and MORE_COMMENTS_RE.match("« Previous page")
    assert not MORE_COMMENTS_RE.match("Next page of the report shows the figures")


DISQUS_2018 = """14 Comments
Sort by Best
Avatar
Mark_in_Montana • a day ago
Notice how nobody asks what the alternative to talking is, when the other side holds as many warheads as we do.
27△ ▽•Reply•Share ›
Avatar
Sofia K. Mark_in_Montana • a day ago
Exactly. My grandfather lived through the Cuban missile crisis, and nobody then called a summit treason.
15△ ▽•Reply•Share ›
Avatar
OldSchoolDiplomat • 19 hours ago
The treaty extension is the real story here, and of course it is buried at the bottom of the piece.
11△ ▽•Reply•Share ›
Load more comments"""


def test_a_disqus_copy_the_model_misses_is_found_by_its_reply_rows() -> None:
    lines = DISQUS_2018.split("\n")
    labels = apply_rules(lines, ["boilerplate"] * len(lines))
    assert all(labels[index] == "comment" for index in (3, 4, 7, 8, 11, 12))
    assert all(labels[index] == "boilerplate" for index in (0, 1, 5, 9, 13, 14))
    comments = parse_comments([line for line, label in zip(lines, labels) if label == "comment"])
    assert [(comment.author, comment.date) for comment in comments] == [
        ("Mark_in_Montana", "a day ago"), ("Sofia K.", "a day ago"), ("OldSchoolDiplomat", "19 hours ago")]


@pytest.mark.parametrize(("line", "menu"), [
    ("Subscribe | e-Edition | Place an Ad | Contact Us", True), ("Previous Entry | Next Entry", True),
    ("Log In | Sign Up", True),
    # page titles, whose parts open like the site's links or not
    ("Help Students Help Themselves | The Edublogger", False), ("Home Solar Power Systems | Solar Information", False),
    ("Putin's gambit | The Albion Herald", False),
])
def test_rows_of_the_sites_own_links_are_menus(line: str, menu: bool) -> None:
    assert _menu_like(line) is menu


def test_a_headline_past_a_long_menu_may_hold_a_dash() -> None:
    menu = ["The Albion Herald", "Wednesday 30 July 2014", "Register", "Sign in"] + [
        "Home", "News", "World", "Sport", "Finance", "Comment", "Culture", "Travel", "Life", "Tech", "Jobs", "Offers",
        "World News", "Europe", "Russia", "Ukraine", "USA", "Middle East", "Asia", "Africa", "Home › News › Europe"]
    headline = "Sanctions on Russia: Europe has finally found its nerve – can it hold on to it?"
    paragraph = ("Europe's new sanctions on Russia's banks and oil technology show that the union has finally found "
                 "its nerve, though whether it can hold on to it through a cold winter is another matter.")
    lines = [*menu, "Analysis", headline, paragraph]
    labels = ["boilerplate"] * len(menu) + ["body", "body", "body"]
    assert lines[find_title(lines, labels)] == headline
