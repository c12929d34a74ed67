"""Rules from the twenty-eighth round of probe pages (the same story on two sites: UK, Irish, Australian, South Asian,
Turkish, Chinese and Korean English-language outlets; Polish, Czech, Lithuanian and Russian-language Baltic sites;
French, Belgian, Swiss and Quebec sites): comment headers and verbs in other languages, a WordPress theme's author
badge, French short ages, Czech buttons, and comment forms, paywall boxes, copyright notices and sign-in links in
those languages. From the twenty-ninth round: a date word before the comma of "NAME, DATE", a Disqus reply's
"NAME → PARENT • AGE", Turkish months, Italian "un giorno fa", Facebook's 2014 rows without a year, a Russian
XenForo quotation's "сказал(а):", and more furniture in six languages."""

from __future__ import annotations

import pytest

from pipeline.segmenter.comments import BUTTON_AGE_RE, MORE_COMMENTS_RE, _is_date_text, _meta_of, is_button
from pipeline.segmenter.cues import RELATED_LINK_LABEL_RE
from pipeline.segmenter.text import _is_furniture, _menu_like, furniture_flags


@pytest.mark.parametrize(("line", "author", "date"), [
    ("Posté par Claire M. le 14 mars 2021 à 19:05", "Claire M.", "14 mars 2021 à 19:05"),
    ("Marek W. napisał(a):", "Marek W.", None), ("Anna napisała:", "Anna", None),
    ("Gwen O. says: Post author", "Gwen O.", None),
])
def test_comment_headers_in_other_languages(line: str, author: str, date: str | None) -> None:
    meta = _meta_of(line)
    assert (meta.author, meta.date) == (author, date)


def test_a_french_posted_by_line_needs_a_date() -> None:
    meta = _meta_of("Posté par Claire M. le matin")
    assert meta is None or meta.author != "Claire M."


def test_short_french_ages_and_czech_buttons() -> None:
    assert _is_date_text("il y a 2 h") and _is_date_text("il y a 15 min")
    assert is_button("Reagovat Líbí se (4)") and is_button("Reagovat")


@pytest.mark.parametrize("line", [
    "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
    "Cet article est réservé aux abonnés.", "Article réservé aux abonnés", "Lire l'article complet sur Le Courrier boréal",
    "Laisser un commentaire", "Vous devez être connecté pour publier un commentaire.",
    "Vous devez être connecté pour réagir. Se connecter",
    "Komentovat mohou pouze registrovaní čtenáři. Redakce si vyhrazuje právo mazat příspěvky porušující pravidla.",
    "Griežtai draudžiama kopijuoti.", "Полное или частичное копирование материалов запрещено.",
])
def test_forms_paywalls_and_copyright_notices_are_furniture_one_by_one_and_batched(line: str) -> None:
    assert _is_furniture(line) and furniture_flags([line] * 1200)[0]


@pytest.mark.parametrize(("line", "furniture"), [("Laisser un commentaire sur le traité, c'est facile", False),
                                                 ("Cet article a été écrit à Genève.", False)])
def test_article_sentences_are_not_furniture(line: str, furniture: bool) -> None:
    assert _is_furniture(line) is furniture


@pytest.mark.parametrize(("line", "menu"), [("Zaloguj się | Załóż konto", True), ("Войти | Регистрация", True),
                                            ("Se connecter | S'inscrire", True)])
def test_sign_in_rows_in_other_languages_are_menus(line: str, menu: bool) -> None:
    assert _menu_like(line) is menu


@pytest.mark.parametrize(("line", "author", "date"), [
    ("Ольга К. вчера, 22:03", "Ольга К.", "вчера, 22:03"),  # (the date starts before the comma)
    ("John Smith, 3 hours ago", "John Smith", "3 hours ago"),
    ("Cassandra_Wells → PatriotSam1776 • 9 minutes ago", "Cassandra_Wells", "9 minutes ago"),
    ("KarenW_OH → Ron_in_Dayton", "KarenW_OH", None),
    ("29 Kasım 2023 18:40", None, "29 Kasım 2023 18:40"), ("un giorno fa", None, "un giorno fa"),
])
def test_round_29_comment_headers(line: str, author: str | None, date: str | None) -> None:
    meta = _meta_of(line)
    assert (meta.author, meta.date) == (author, date)


def test_facebook_2014_rows_without_a_year() -> None:
    line = "Reply · Like · 14 · Follow Post · March 21 at 8:02am"
    assert is_button(line) and BUTTON_AGE_RE.search(line).group(1) == "March 21 at 8:02am"


def test_a_xenforo_quotation_header_in_russian() -> None:
    meta = _meta_of("ВолжскийДед сказал(а):")
    assert (meta.author, meta.says) == ("ВолжскийДед", True)


@pytest.mark.parametrize("line", [
    "Agregar un comentario...", "Yazı Boyutu A- A+", "Смотреть видео 02:47",
    "Скопировать ссылку Telegram X Facebook WhatsApp", "Sortieren: Neueste zuerst",
    "Bu haber Yeni Ufuk Gazetesi kaynağından otomatik olarak derlenmiştir. Haberin tamamı için tıklayın.",
])
def test_round_29_furniture_one_by_one_and_batched(line: str) -> None:
    assert _is_furniture(line) and furniture_flags([line] * 1200)[0]


def test_more_comments_and_read_also_in_spanish() -> None:
    assert MORE_COMMENTS_RE.match("Cargar más comentarios") and RELATED_LINK_LABEL_RE.match("LEA TAMBIÉN:")


# From the thirtieth round (written against the final rules and scored before these were added)
def test_round_30_comment_lines() -> None:
    meta = _meta_of("Bärni1965 am 14.03.2014 15:30")
    assert (meta.author, meta.date) == ("Bärni1965", "14.03.2014 15:30")
    assert is_button("Antworten Melden Empfehlen (14)") and is_button("Antworten | Gefällt mir (11) | Gefällt mir nicht (16)")
    assert MORE_COMMENTS_RE.match("Развернуть все") and MORE_COMMENTS_RE.match("Развернуть все | Свернуть все")


@pytest.mark.parametrize("line", [
    "Diese Website verwendet Cookies. Mit der Nutzung der Website erklären Sie sich damit einverstanden. Mehr erfahren",
    "Cet article est réservé aux abonnés. Vous êtes abonné(e) au Nouveau Regard : merci de votre fidélité.",
    "Vous pouvez offrir cet article à un proche : il pourra le lire gratuitement pendant 72 heures.",
    "Если сайт не открывается, используйте VPN или наше зеркало в Telegram: @mirror",
    "Якщо відео не відтворюється, оновіть сторінку",
    "Download episode (MP3, 38 MB)", "Залиште коментар. Коментарі з образами видаляються.",
    "Create an account or Sign in to comment",
])
def test_round_30_furniture_one_by_one_and_batched(line: str) -> None:
    assert _is_furniture(line) and furniture_flags([line] * 1200)[0]
