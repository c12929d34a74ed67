"""Rules from rounds 42-44 of probe pages (stop 37): British regional comment headers ("Name, Town says..." over
"9:42am Thu 14 Jul 11"), WordPress's "says" in more of its translations, names over a masked address or a post count,
Hungarian and Catalan dates, story lists under the article, and notices, prompts and controls in more languages."""

from __future__ import annotations

import pytest

from pipeline.segmenter.comments import MORE_COMMENTS_RE, is_button, is_date_text, parse_comments
from pipeline.segmenter.text import _is_furniture, apply_rules, furniture_flags


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


FURNITURE = [
    "Votre vie privée est importante pour nous", "Your privacy is important to us",
    "Le Phare et ses partenaires utilisent des cookies et des technologies similaires pour mesurer l'audience.",
    "Mots-clés : Gaz, États-Unis, Russie", "Palabras clave: Ginebra, Ucrania",
    "Pour réagir, identifiez-vous ou créez un compte.",
    "Do diskuse mohou přispívat pouze přihlášení uživatelé s ověřeným telefonním číslem.",
    "Only registered users can comment.", "Tylko zalogowani użytkownicy mogą komentować.",
    "Die Kommentare von Userinnen und Usern geben nicht notwendigerweise die Meinung der Redaktion wieder.",
    "Comments stay open for 48 hours and may be closed earlier at our discretion.",
    "Commenters on our sites now post under their first and last names.",
    "Ten tekst przeczytasz w 4 minuty", "Lesedauer: 4 Min.",
    "Älteste zuerst", "Neue Postings zuerst", "Les plus récents", "Najnowsze", "Más recientes",
    # round 43
    "A hozzászólások nem a Hírsziget szerkesztőségének véleményét tükrözik. Kérjük, tartsd be a házirendet!",
    "Komentáře nemusí nutně vyjadřovat názor redakce.", "Reacties geven niet noodzakelijk de mening van de redactie weer.",
    "Kövesd a Hírszigetet a Google Hírekben is!", "Folgen Sie uns auf Google News", "Теми: САЩ, Русия, дипломация",
    "Cet article vous a intéressé ? Soutenez l'information locale : abonnez-vous à partir de 1 € le premier mois.",
    "Перейти в фотобанк", "Lasă un comentariu. Comentariile care conțin injurii vor fi șterse.", "Trimite", "Absenden",
    # round 44
    "Қаралды: 1 942", "Тегтер: АҚШ, Ресей, Женева", "Yorum Yaz (7)", "Yorumunuz editör onayından sonra yayımlanacaktır.",
    "Os comentários são de responsabilidade exclusiva de seus autores e não representam a opinião deste site.",
    "Related Story: US arms control envoy says a deal with Moscow could come", "CITEŞTE ŞI: Ce se află la Deveselu",
]
TEXT = [
    "Ukraine and its partners use every channel available, the minister said on Tuesday.",
    "Les plus récents sondages montrent un recul du soutien aux sanctions.",
    "Privacy is important to us, the senator told reporters, but so is security.",
    "The commission's keywords for the review were energy, arms control and trade.",
    "Google News removed the outlet from its Russian edition in March.",
    "Temas como la energía y las sanciones dominaron la reunión.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_notices_and_controls_in_more_languages_are_furniture_one_by_one_and_in_batches(line: str) -> None:
    assert _is_furniture(line) and furniture_flags([line] * 1200)[0]


@pytest.mark.parametrize("line", TEXT)
def test_sentences_with_the_same_words_are_not(line: str) -> None:
    assert not _is_furniture(line) and not furniture_flags([line] * 1200)[0]


def test_a_lower_case_name_over_a_masked_address_or_a_post_count_heads_its_comment() -> None:
    lines = ["Rūta", "IP: 86.100.xxx.xx", "2023-06-14 17:31", "Veikia tik ant tų, kurie nori išsigąsti.", "Atsakyti",
             "senas jūreivis", "IP: 88.119.xxx.xx", "2023-06-14 17:20", "Ginklai stovės ne tam, kad juos naudotų.",
             "Atsakyti", "kritischer Geist 2.0", "14.503 Postings", "27. Jänner 2021, 18:03:41",
             "Einstimmig in beiden Kammern.", "Antworten"]
    assert _parsed(lines) == [("Rūta", "2023-06-14 17:31"), ("senas jūreivis", "2023-06-14 17:20"),
                              ("kritischer Geist 2.0", "27. Jänner 2021, 18:03:41")]


def test_the_first_name_over_a_post_count_is_labelled_comment_and_the_sort_options_above_it_are_not() -> None:
    lines = ["Postings 1 - 25 von 412", "Neue Postings zuerst", "Älteste zuerst", "Wachauer Marille", "2.871 Postings",
             "27. Jänner 2021, 17:58:04", "Endlich wieder ein bisserl Vernunft.", "Antworten", "Hofrat Zwickl",
             "312 Postings", "27. Jänner 2021, 18:10:19", "Man wird sehen, was davon übrig bleibt.", "Antworten"]
    labels = ["boilerplate"] * 5 + ["comment", "comment", "boilerplate", "boilerplate", "boilerplate", "comment",
                                    "comment", "boilerplate"]
    assert apply_rules(lines, labels)[:6] == ["boilerplate"] * 3 + ["comment", "boilerplate", "comment"]


def test_a_french_link_to_the_rest_of_the_thread_is_no_comment() -> None:
    assert MORE_COMMENTS_RE.match("Voir les 81 autres réactions")


def test_a_story_list_under_the_article_is_boilerplate_but_headlines_the_article_goes_on_under_are_not() -> None:
    article = ["The test came sixteen days after the treaty lapsed, officials said on Monday.",
               "The Pentagon expects to test a ballistic missile of the same range before the end of the year."]
    trending = ["Trending in World", "North Korea fires two more short-range projectiles into the sea, Seoul says",
                "Greenland officials brush off talk of a US purchase"]
    thread = ["14 Comments", "Paul Tremblay", "3 hours ago", "Let them sort out their own election first.", "Reply"]
    thread_labels = ["boilerplate", "comment", "comment", "comment", "boilerplate"]
    labels = ["body", "body", "boilerplate", "body", "body"]
    assert apply_rules(article + trending + thread, labels + thread_labels)[2:5] == ["boilerplate"] * 3
    more = ["The ministry gave no date for the next round of talks."]
    assert apply_rules(article + trending + more + thread, labels + ["body"] + thread_labels)[3:6] == ["body"] * 3


def test_hungarian_and_catalan_comment_dates_are_dates() -> None:
    assert is_date_text("2022. nov. 14. 20:03") and is_date_text("12/10/2023 a les 14:05")
    lines = ["kovacs_geza58", "2022. nov. 14. 19:41", "Ankara megint közvetít, ez nem véletlen.", "Válasz   Tetszik (12)",
             "Pannonbarát", "2022. nov. 14. 20:03", "Majd meglátjuk, mi lesz belőle.", "Válasz   Tetszik (3)"]
    assert _parsed(lines) == [("kovacs_geza58", "2022. nov. 14. 19:41"), ("Pannonbarát", "2022. nov. 14. 20:03")]
    assert _parsed(["Jordi Puig Salvadó 12/10/2023 a les 14:05", "Una altra sanció que ningú no vigilarà.", "Respon"]) == \
        [("Jordi Puig Salvadó", "12/10/2023 a les 14:05")]


def test_facebook_plugin_rows_in_other_languages_are_buttons_that_date_their_comment() -> None:
    assert is_button("Synes godt om · Svar · 18 · 12. maj 2015 kl. 09:12")
    assert is_button("Gefällt mir · Antworten · 3. März 2016 um 14:05")
    assert not is_button("Kerry · Putin · 12. maj 2015")
    lines = ["Jens Ravnsborg", "Godt at de snakker sammen.", "Synes godt om · Svar · 18 · 12. maj 2015 kl. 09:12",
             "Lone Mikkelsen", "Det bliver spændende at se.", "Synes godt om · Svar · 4 · 12. maj 2015 kl. 09:40"]
    assert _parsed(lines) == [("Jens Ravnsborg", "12. maj 2015 kl. 09:12"), ("Lone Mikkelsen", "12. maj 2015 kl. 09:40")]


@pytest.mark.parametrize("date", ["12. maj 2015 kl. 09:12", "14. června 2017 10:02", "30. joulukuuta 2016 klo 12:14",
                                  "12 d'octubre de 2023", "2023 m. birželio 14 d. 16:58", "3. svibnja 2019. u 10:15"])
def test_dates_with_month_names_of_more_languages_are_dates_in_comments(date: str) -> None:
    assert is_date_text(date)


def test_a_date_line_with_its_button_gives_the_date_alone_and_report_buttons_are_no_names() -> None:
    lines = ["Андрей Ковалёв", "Зарплаты на заводе и так задерживают.", "вчера в 18:44 · Ответить", "3",
             "Максим Терентьев", "Посмотрим, кто кого.", "вчера в 20:15 · Ответить"]
    assert _parsed(lines) == [("Андрей Ковалёв", "вчера в 18:44"), ("Максим Терентьев", "вчера в 20:15")]
    lines = ["Vasile Tănase", "12.05.2016 18:02", "Scutul ne apără pe noi, nu pe americani.", "Răspunde", "Raportează abuz",
             "Ion Marin", "12.05.2016 18:26", "Moscova oricum va protesta.", "Răspunde", "Raportează abuz"]
    assert _parsed(lines) == [("Vasile Tănase", "12.05.2016 18:02"), ("Ion Marin", "12.05.2016 18:26")]


def test_a_post_count_in_cyrillic_under_the_name_is_skipped_too() -> None:
    lines = ["Иван Петров", "1 204 сообщения", "12.03.2014 16:02", "Карты не работают с утра.", "Ответить",
             "гость_самара", "87 сообщений", "12.03.2014 16:25", "У меня тоже.", "Ответить"]
    assert _parsed(lines) == [("Иван Петров", "12.03.2014 16:02"), ("гость_самара", "12.03.2014 16:25")]
