"""Rules from the twenty-sixth round of probe pages (the same story on two sites again: English 2009-2013 and
2022-2025, Ukrainian, Russian-language Ukrainian, Spanish, Italian and Portuguese): a commenter's town over the
comment's age, a British tabloid's signature under the text, share buttons beside "Reply" in other languages,
Ukrainian ages in Facebook's plugin, a forum post's number after its date, a quotation's header in a forum post,
and comment forms' headings, fields and rules. From the twenty-seventh round: Facebook's 2016 rows, forum likes, German
quote buttons, old Reddit's marks, a Dutch skip link and a crumb trail from the home page."""

from __future__ import annotations

import pytest

from pipeline.segmenter.comments import (BUTTON_AGE_RE, _bare_author, _meta_of, _profile_header, is_button,
                                         parse_comments)
from pipeline.segmenter.text import _heading_like, _is_furniture, _menu_like, furniture_flags, is_skip_link


def test_a_town_and_age_under_the_name_is_no_second_commenter() -> None:
    lines = ["Sandra_K", "Rotherham, United Kingdom, 3 hours ago",
             "They should have swapped him months ago; the whole thing dragged on far too long.", "Reply",
             "Bob Jones", "Alicante, Spain, 2 hours ago",
             "Good news for his family at last, and about time the two sides talked to each other.", "Reply"]
    assert [(comment.author, comment.date) for comment in parse_comments(lines)] == [
        ("Sandra_K", "3 hours ago"), ("Bob Jones", "2 hours ago")]


@pytest.mark.parametrize(("line", "author", "date"), [
    ("- Maureen, Kettering, 28/12/2012 18:58", "Maureen", "28/12/2012 18:58"),
    ("- Sue, Bolton, United Kingdom, 28/12/2012 16:45", "Sue", "28/12/2012 16:45"),
    ("12-28-2012, 07:59 PM #2", None, "12-28-2012, 07:59 PM"),
])
def test_signatures_and_numbered_posts(line: str, author: str | None, date: str) -> None:
    meta = _meta_of(line)
    assert (meta.author, meta.date) == (author, date)


@pytest.mark.parametrize("line", ["Originally Posted by Volga_Boatman", "- the talks resumed on 28/12/2012"])
def test_a_quotations_header_and_a_dashed_sentence_are_no_meta_lines(line: str) -> None:
    assert _meta_of(line) is None


@pytest.mark.parametrize(("line", "button"), [
    ("7 △ ▽ • Rispondi • Condividi ›", True), ("Подобається · Відповісти · 3 год", True),
    ("Rated by readers: 156", True), ("Rated by readers: -188", True), ("Teilen", True),
    ("Rated by readers as the best of the week.", False),
])
def test_buttons_in_other_languages(line: str, button: bool) -> None:
    assert is_button(line) is button


def test_ukrainian_ages_in_a_button_row() -> None:
    assert BUTTON_AGE_RE.search("Подобається · Відповісти · 2 · 5 год").group(1) == "5 год"
    assert BUTTON_AGE_RE.search("Подобається · Відповісти · 45 хв").group(1) == "45 хв"


@pytest.mark.parametrize(("line", "furniture"), [
    ("Додати коментар", True), ("Ваше ім'я:", True), ("Ваше ім'я: Гість", True),
    ("Редакція залишає за собою право видаляти коментарі, що містять образи.", True),
    ("Los comentarios publicados son de exclusiva responsabilidad de sus autores.", True),
    ("Normas de participación", True), ("Ordenar: Más recientes", True),
    ("Escribe tu comentario. Para comentar debes estar registrado.", True),
    ("Frozen Assets is a reader-supported publication. To receive new posts, consider subscribing.", True),
    ("For more stories like this, check our news page.", True), ("Популярне", True),
    ("Your name was on the list of the delegation.", False), ("Deja un comentario", True),
])
def test_comment_forms_and_appeals_are_furniture_one_by_one_and_batched(line: str, furniture: bool) -> None:
    assert _is_furniture(line) is furniture
    assert furniture_flags([line] * 1200)[0] is furniture


@pytest.mark.parametrize(("line", "author"), [
    ("Hassan Al-Mouallem · University of Aleppo", "Hassan Al-Mouallem"),
    ("Dmitri Orlovsky · Top Commenter · Works at Self-employed", "Dmitri Orlovsky"),
    # a crumb trail holds no profile: nothing but short capitalised names after the first
    ("World News · Europe", None), ("Svetlana Gorina · Saint Petersburg", None),
])
def test_facebook_profile_headers_with_a_school(line: str, author: str | None) -> None:
    meta = _profile_header(line)
    assert (meta.author if meta else None) == author


@pytest.mark.parametrize(("line", "menu"), [
    ("Курс НБУ: USD 26,93 | EUR 30,41", True), ("EUR/USD 1.0875 | Gold 2 418 €", True),
    ("Sanctions on Russian banks widen | The Albion Herald", False), ("Talks resume in Geneva | Page 2", False),
])
def test_an_exchange_rate_strip_is_no_headline(line: str, menu: bool) -> None:
    assert _menu_like(line) is menu


@pytest.mark.parametrize(("line", "button", "age"), [
    ("Like · Reply · 5 · Oct 12, 2016 9:14am", True, "Oct 12, 2016 9:14am"),  # Facebook's plugin of 2016: no "at"
    ("♥ 3", True, None), ("Zitieren Melden", True, None),
    ("Submit", False, None),  # (a comment form's button is no row under a comment: rules would read the form as one)
])
def test_round_27_buttons(line: str, button: bool, age: str | None) -> None:
    assert is_button(line) is button
    found = BUTTON_AGE_RE.search(line)
    assert (found.group(1) if found else None) == age


@pytest.mark.parametrize(("author", "bare"), [("ledger_and_lance[S]", "ledger_and_lance"), ("mod_anna[M]", "mod_anna"),
                                              ("Bob [s]", "Bob [s]")])
def test_old_reddits_marks_are_no_part_of_the_name(author: str, bare: str) -> None:
    assert _bare_author(author, set()) == bare


@pytest.mark.parametrize(("line", "menu"), [
    ("Home » Geopolitiek » Geen doorbraak in Istanbul", True),
    ("Accueil » Défense » New Start : la Russie suspend le dernier traité", True),
    ("Blog » Archive » Why the talks failed", False),  # a page title, from no home page
])
def test_a_trail_from_the_home_page_is_a_menu(line: str, menu: bool) -> None:
    assert _menu_like(line) is menu


def test_a_dutch_skip_link() -> None:
    assert is_skip_link("Ga direct naar de inhoud") and is_skip_link("Ga naar de hoofdinhoud")


@pytest.mark.parametrize("line", ["Редакция оставляет за собой право удалять комментарии.", "Популярное за неделю",
                                  "Оставить отзыв", "Отзывы публикуются после проверки модератором.", "Сделать стартовой"])
def test_russian_guestbook_forms_and_portal_links_are_furniture(line: str) -> None:
    assert _is_furniture(line) and furniture_flags([line] * 1200)[0]


@pytest.mark.parametrize(("line", "heading"), [
    ("USD ЦБ 65,83 ▲ 0,91 EUR ЦБ 76,42 ▲ 0,73 Brent 72,14 ▼ 1,2% РТС 1 089,55 ▼ 4,0%", False),
    ("Post date: 08/09/2012 - 14:49", False),
    ("Dow falls 500 points as S&P 500 drops 2% on sanctions news", True),
])
def test_a_ticker_is_no_headline(line: str, heading: bool) -> None:
    assert _heading_like(line, 4) is heading
