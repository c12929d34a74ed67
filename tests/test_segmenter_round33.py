"""Rules from the thirty-third round of probe pages (English pages of Canada, Scotland, South Africa, Singapore, a US
public station and the Philippines; Russian-language sites of Russia, Moldova, Armenia and Kyrgyzstan; Spanish, Italian,
Dutch, Luxembourg, Maltese and Brazilian pages; Polish, Czech, Slovak, Bulgarian, Lithuanian and Turkish pages): a
related-links label and its headlines at the article's end, a spelled age under a Disqus name, more button and
"more comments" words, a Dutch sign-in prompt, Russian and Ukrainian cookie notices, an audio player's line and a
prompt to join a messaging channel."""

from __future__ import annotations

import pytest

from pipeline.segmenter.comments import MORE_COMMENTS_RE, is_button, parse_comments
from pipeline.segmenter.text import _bare_related_labels, _is_furniture, furniture_flags

ARTICLE = ["Growers in the region say the gas price has doubled since the summer, and some will close for the winter.",
           "The town council wants an energy desk for small firms, its alderman said on Wednesday evening."]


def test_a_related_label_and_its_headlines_at_the_articles_end() -> None:
    lines = [*ARTICLE, "Lees ook", "Kwekers zetten lampen uit: ‘Liever geen omzet dan verlies’",
             "Gemeente Westland wil energieloket voor ondernemers", "Onderwerpen:"]
    labels = ["body"] * 5 + ["boilerplate"]
    assert _bare_related_labels(lines, labels) == [2, 3, 4]


def test_a_related_label_inside_the_article_stays() -> None:
    lines = [*ARTICLE, "Related:", "Berlin, Day 1: Dessert for Lunch", *ARTICLE]
    assert _bare_related_labels(lines, ["body"] * len(lines)) == []


def test_a_spelled_age_under_a_disqus_name_is_its_date() -> None:
    lines = ["Jabu Mthembu", "• 2 hours ago", "The court already killed that deal.", "5 △ ▽ • Reply • Share ›",
             "Capetonian1965", "• an hour ago", "Renewables are cheaper and faster to build.", "7 △ ▽ • Reply • Share ›"]
    assert [(c.author, c.date) for c in parse_comments(lines)] == [("Jabu Mthembu", "2 hours ago"),
                                                                   ("Capetonian1965", "an hour ago")]
    row = ["Ann Lee", "Great piece on the talks.", "Like · Reply · an hour ago"]
    assert parse_comments(row)[0].date == "an hour ago"


@pytest.mark.parametrize("line", ["Reageren", "Report this comment", "Zgłoś naruszenie"])
def test_round_33_buttons(line: str) -> None:
    assert is_button(line)


def test_turkish_more_comments() -> None:
    assert MORE_COMMENTS_RE.match("Tüm yorumları göster")


@pytest.mark.parametrize("line", [
    "Log in of maak een account aan om te reageren.", "Мы используем файлы cookie, чтобы сайт работал лучше.",
    "Listen • 4:12", "Join The Lion City Tribune's Telegram channel for the latest news.",
])
def test_round_33_furniture_one_by_one_and_batched(line: str) -> None:
    assert _is_furniture(line) and furniture_flags([line] * 1200)[0]


def test_a_sentence_about_joining_talks_on_telegram_is_not_furniture() -> None:
    assert not _is_furniture("Join the talks, the envoy urged, in a post on Telegram on Friday.")


def test_an_h1_worded_apart_from_the_search_engines_title() -> None:
    from pipeline.segmenter.html import _headline

    title = "ABD'den Rusya'ya yeni yaptırım kararı: S-400 tartışması alevlendi - Günışığı"
    h1 = "ABD'den Rusya'ya yeni yaptırım kararı: Gözler S-400 anlaşmasında"
    assert _headline(title, ["Son dakika", h1]) == h1
    # a heading that shares few of the title's words is not taken for it
    assert _headline(title, ["Gündem haberleri ve son dakika gelişmeleri"]) == title.removesuffix(" - Günışığı")


@pytest.mark.parametrize(("author", "earlier", "bare"), [
    # Disqus prints a reply's header as "NAME PARENT" (rounds 31, 33 and 34): names with lower-case links are whole
    ("Karen van Wyk Sipho_N", {"Sipho_N"}, "Karen van Wyk"),
    ("Sipho_N Karen van Wyk", {"Sipho_N", "Karen van Wyk"}, "Sipho_N"),
    ("Mike in Tulsa Gunny_Ret", {"Gunny_Ret"}, "Mike in Tulsa"),
    # a first name alone before an earlier commenter's surname-like name is no cut
    ("David Meerman Scott", {"Meerman Scott"}, "David Meerman Scott"),
])
def test_disqus_reply_headers_with_name_links(author: str, earlier: set[str], bare: str) -> None:
    from pipeline.segmenter.comments import _bare_author

    assert _bare_author(author, earlier) == bare


def test_report_offensive_comment_is_a_button() -> None:
    assert is_button("Report Offensive Comment")
