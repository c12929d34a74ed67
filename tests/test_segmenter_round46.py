"""Rules from rounds 46-51 of probe pages (stop 38): ages and dates in more formats (Slovene ages, Facebook's
Scandinavian "3 t", French "à 10 h 41 min", Georgian months), a date with a masked address or a reply button after it,
a text browser's rows of buttons with link numbers and its paragraphs' width, comment headers (class years, towns,
initials, ranks, author badges, a newsletter platform's "NAME Feb 23"), breadcrumb trails labelled body, and notices,
prompts and buttons of consent walls, newsletters, subscriptions, donations, reader views and lynx's forms."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.segmenter.comments import MetaMemo, _meta_of, is_button, is_date_text, parse_comments
from pipeline.segmenter.text import _is_furniture, _trails_in_body, furniture_flags, split_lines, unwrap_lines, wrap_width

PAGES = Path(__file__).parent / "pages"


def _parsed(lines: list[str]) -> list[tuple[str | None, str | None]]:
    return [(comment.author, comment.date) for comment in parse_comments(lines)]


@pytest.mark.parametrize("age", ["pred 25 minutami", "pred 1 uro", "pred 2 urama", "pred 3 urami", "pred 2 dnevoma",
                                 "3 t", "2 tim", "42 min"])
def test_slovene_and_scandinavian_ages_are_dates(age: str) -> None:
    assert is_date_text(age)


@pytest.mark.parametrize("date", ["3 septembre 2014 à 10 h 41 min", "5 février 2011 07 h 48", "6 ოქტომბერი 2016, 13:02"])
def test_french_spaced_times_and_georgian_months_make_dates(date: str) -> None:
    assert is_date_text(date)


def test_a_spaced_time_needs_a_year_or_a_before_it() -> None:
    assert not is_date_text("after 5 h 30 min of talks")
    assert _meta_of("He left at 5 h 30 min later") is None


def test_a_date_followed_by_a_masked_address_or_a_reply_button_is_the_date() -> None:
    assert _meta_of("18.10.2011 15:58 | IP: 83.27.*.*").date == "18.10.2011 15:58"
    assert _meta_of("9 авг в 19:02 | Ответить").date == "9 авг в 19:02"
    assert _meta_of("9 авг в 19:40 ответила Андрею | Ответить").date == "9 авг в 19:40"
    # a name, a date and a button in one row stay as they were read (no date-only header made of the name)
    assert _meta_of("B.R. | November 9, 2012 11:32 AM | Reply") is None


def test_a_vk_thread_with_replies_keeps_every_comment_and_its_date() -> None:
    lines = ["Андрей Соловьёв", "Поедут, конечно, куда денутся.", "9 авг в 19:02 | Ответить",
             "Светлана Мухина", "Андрей, не все так просто с визами.", "9 авг в 19:40 ответила Андрею | Ответить",
             "Виктор Зуев", "Программа работает уже десять лет.", "9 авг в 21:16 | Ответить"]
    assert _parsed(lines) == [("Андрей Соловьёв", "9 авг в 19:02"), ("Светлана Мухина", "9 авг в 19:40"),
                              ("Виктор Зуев", "9 авг в 21:16")]


@pytest.mark.parametrize("row", ["[33]Адказаць [34]▲ 24 [35]▼ 3", "[12]Reply [13]Report", "Oceń: +31 -7",
                                 "Signaler ce commentaire", "odpowiedz | zgłoś do usunięcia"])
def test_rows_of_buttons(row: str) -> None:
    assert is_button(row)


def test_a_link_number_alone_is_no_button() -> None:
    assert not is_button("[3]Home") and not is_button("[3]Reply to the minister's letter was slow")


def test_a_lynx_button_row_under_a_full_sentence_is_not_joined_to_it() -> None:
    width = 77
    paragraph = ["This line of a comment is wrapped by the text browser at its width so the next", "one goes on.",
                 "Сымон, галоўнае — пачалі. Еўропа наогул яшчэ нічога не зрабіла праз Кіпр, заўважце.",
                 "[36]Адказаць [37]▲ 2 [38]▼ 0"]
    lines = [*(f"filler line number {index} of the page, cut where the width ends and going" for index in range(4)),
             *paragraph]
    lines = [line.ljust(min(width, len(line))) for line in lines]
    numbered = list(enumerate(lines, start=1))
    texts = [text for _, text in unwrap_lines(numbered)]
    assert "[36]Адказаць [37]▲ 2 [38]▼ 0" in texts


@pytest.mark.parametrize(("name", "expected"), [("Dana Reyes '05", "Dana Reyes '05"), ("Gaz1975, Workington", "Gaz1975, Workington")])
def test_a_class_year_after_a_name_keeps_it_a_name(name: str, expected: str) -> None:
    assert _meta_of(name).author == expected


def test_digits_elsewhere_still_make_no_name() -> None:
    assert _meta_of("Room 101 ’79") is None


FURNITURE = [
    "Give Now", "Donate", "Donate today", "Jetzt spenden", "(BUTTON) Адправіць", "(BUTTON) Send",
    "Sign up for the Ottawa Insider newsletter. A daily guide to the decisions shaping federal politics.",
    "Sign up to the Estuary Champion newsletter for the week's top stories, straight to your inbox.",
    "Don’t miss out on the headlines from World. Followed categories will be added to My News.",
    "Noi e i nostri 412 partner utilizziamo cookie o tecnologie simili per finalità tecniche.",
    "Accetta e continua", "Rifiuta e abbonati a 2,99 € al mese",
    "Pour réagir à cet article, vous devez être abonné ou inscrit.",
    "Os comentários a este artigo estão reservados a assinantes.",
    "Assine o Atlântico e tenha acesso ilimitado a todos os artigos.",
    "Vous aimez cet article? Abonnez-vous à l'infolettre quotidienne de La Gazette.",
    "Ultima oră: Guvernul a aprobat rectificarea bugetară",
    "5-6 minuti", "4–5 minutes", "We’re glad you’ve read 5 of our articles this month.",
    "For as little as $6 a month, you can support our journalism.",
    "Thank you! For your security, we’ve sent a confirmation email to the address you entered.",
    "Thank you! For your security, we've mailed you a link.", "Deze inhoud kan helaas niet worden getoond.", "Cookie-instellingen aanpassen", "Najnovije Najstarije Najpopularnije",
    "Новосибирск, 24 июня, четверг. Погода: +24°С. Курс ЦБ: $ 31,17 € 38,25", "KGS/USD 89.20",
    "Leggi anche: [27]Mosca-Washington, il «reset» è già finito?", "Le puede interesar: Rusia y Estados Unidos cruzan acusaciones",
    "Us pot interessar: Washington i Moscou, lluny d'un acord", "Yasal Uyarı: Yorumlardaki ifadelerin hukuki sorumluluğu okura aittir.",
    "Ha tetszett a cikk, kövesse a Hírhálót a Facebookon is!", "Zdieľať na Facebooku Tweetnúť",
]

TEXT = [
    "GIVE", "Give me a reason to believe the talks will resume.", "The senator said sign up for the draft was over.",
    "The minister told reporters that donations to the fund had doubled.",
    "We and the Italians agreed, the minister said, on the partner countries' role.",
    "The talks lasted 5-6 hours", "Najnovije vesti iz Beograda", "Погода в Москве испортилась.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_notices_prompts_and_buttons_are_furniture_one_by_one_and_in_batches(line: str) -> None:
    assert _is_furniture(line) and furniture_flags([line] * 1200)[0]


@pytest.mark.parametrize("line", TEXT)
def test_lines_with_the_same_words_are_not(line: str) -> None:
    assert not _is_furniture(line) and not furniture_flags([line] * 1200)[0]


@pytest.mark.parametrize(("header", "author", "date"), [
    ("szürkeeminencia | 2012.05.03. 17:41 | #1", "szürkeeminencia", "2012.05.03. 17:41"),
    ("Николай, Смоленск 12.08.2015 15:58", "Николай, Смоленск", "12.08.2015 15:58"),
    ("Сергей В. 12.08.2015 17:20", "Сергей В.", "12.08.2015 17:20"),
    ("marinella r. - 11/11/2011 alle 16:54", "marinella r.", "11/11/2011 alle 16:54"),
    ("Кирилл Ветлугин Автор записи 30.07.2014 в 11:52", "Кирилл Ветлугин", "30.07.2014 в 11:52"),
    ("Evelyn Marchetti Author Feb 23", "Evelyn Marchetti", "Feb 23"),
    ("Paul Renko Feb 23", "Paul Renko", "Feb 23"),
    ("Sgt Maj (Ret) T. Brannigan says:", "Sgt Maj (Ret) T. Brannigan", None),
])
def test_comment_headers(header: str, author: str, date: str | None) -> None:
    meta = _meta_of(header)
    assert (meta.author, meta.date) == (author, date)


@pytest.mark.parametrize("line", ["Since Feb 23", "Abigail Fielding-Smith, Financial Times, August 7",
                                  "by denis-The-menace (471988) writes:"])
def test_lines_that_head_no_comment_by_their_name(line: str) -> None:
    meta = _meta_of(line)
    assert meta is None or meta.author is None


def test_a_reply_line_in_french_is_skipped_not_taken_for_the_author() -> None:
    lines = ["Jean-Marc Lefaucheux", "Le 09/08/2022 à 13h02", "Un texte de commentaire assez long pour compter.",
             "Nadia_R", "Le 09/08/2022 à 18h03", "Réponse à Jean-Marc Lefaucheux", "Je ne suis pas d'accord sur ce point."]
    assert _parsed(lines) == [("Jean-Marc Lefaucheux", "Le 09/08/2022 à 13h02"), ("Nadia_R", "Le 09/08/2022 à 18h03")]


@pytest.mark.parametrize("row", ["Recommander (21)", "Lik 8", "[52]Vasta [53]Teata moderaatorile"])
def test_more_buttons(row: str) -> None:
    assert is_button(row)


def test_a_lynx_page_is_unwrapped_at_its_paragraphs_width_not_at_a_wider_flush_left_heading() -> None:
    page = (PAGES / "pl_regional2017_zapad_obserwatorzy_lynx.txt").read_text(encoding="utf-8")
    numbered = split_lines(page)
    longest = max(len(text) for _, text in numbered if " " in text and "://" not in text)
    assert wrap_width(numbered) == 74 < longest  # (the flush-left headline: 79 characters)
    paragraph = next(text for _, text in unwrap_lines(numbered) if text.startswith("Rozpoczęte w czwartek"))
    assert paragraph.endswith("Dokumentu wiedeńskiego OBWE.")


def test_breadcrumb_trails_labelled_body_are_boilerplate_but_not_date_lines() -> None:
    lines = ["[16]Головна » [17]Новини » [18]Політика", "Главная / В мире / Политика",
             "Monday, 11.05.2012 / 9:44 PM / News", "Superman > Hulk"]
    assert _trails_in_body(lines, ["body"] * 4) == [0, 1]


@pytest.mark.parametrize("age", ["acum o oră", "hace una hora", "il y a une heure", "vor einer Stunde"])
def test_ages_spelled_without_digits(age: str) -> None:
    assert is_date_text(age)


def test_labelled_author_and_date_fields_head_a_comment() -> None:
    lines = ["Author: Nana Kwame Boateng", "Date: 2013-08-08 10:14:22", "A fair point about the summit, well argued.",
             "Author: Kofi A.", "Date: 2013-08-08 10:41:09", "I disagree with you on the main point."]
    assert _parsed(lines) == [("Nana Kwame Boateng", "2013-08-08 10:14:22"), ("Kofi A.", "2013-08-08 10:41:09")]
    assert _meta_of("Name: The treaty is dead and buried forever now") is None


def test_an_english_dates_sentence_stop_is_dropped_but_not_a_date_stop_of_other_languages() -> None:
    metas = MetaMemo()
    assert metas["buckeyevet posted at 7:12 am on Sun, Apr 1, 2012."].date == "7:12 am on Sun, Apr 1, 2012"
    assert metas["22. listopada 2013."].date == "22. listopada 2013."
    assert metas["2012.05.03."].date == "2012.05.03."


def test_two_crumb_trails_from_the_home_or_news_section() -> None:
    lines = ["[13]Главная » [14]Политика", "Новости / Экономика и бизнес", "Home / The long title of the story here and more"]
    assert _trails_in_body(lines, ["body"] * 3) == [0, 1]
