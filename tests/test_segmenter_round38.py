"""Rules from rounds 38-40 of probe pages and from misreads that earlier rounds kept: a tab title over the page's own
headline, a commenter's town or job under the name (also in its own HTML span), a portal's mark before a guest's name,
a masked address or a lynx link number around a header, lower-case handles, reply headers, abbreviated ages, a thread's
counter over its first comment, and more prompts, buttons and furniture words."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from pipeline.segmenter import segment_text
from pipeline.segmenter.comments import is_button, is_counter, parse_comments
from pipeline.segmenter.cues import INLINE_PROMPT_PARTS, INLINE_PROMPT_RE
from pipeline.segmenter.html import html_to_lines
from pipeline.segmenter.model import INLINE_PROMPT_RE2
from pipeline.segmenter.text import _is_furniture, apply_rules, furniture_flags


def _parsed(lines: list[str]) -> list[tuple[str | None, str | None]]:
    return [(comment.author, comment.date) for comment in parse_comments(lines)]


def test_a_portal_mark_before_a_guests_name_keeps_it_a_name() -> None:
    lines = ["~Krzysztof z Lublina", "22.02.2023, 10:14", "Traktat i tak był martwy od roku.", "Odpowiedz",
             "~ola_w", "22.02.2023, 10:32", "Niech straszą.", "Odpowiedz"]
    assert _parsed(lines) == [("~Krzysztof z Lublina", "22.02.2023, 10:14"), ("~ola_w", "22.02.2023, 10:32")]


def test_a_line_under_the_name_in_a_thread_dated_in_its_button_rows_is_no_second_name() -> None:
    # Facebook's comments plugin: name, the commenter's town or job, text, "Like · Reply · N · age"
    lines = ["Віктор Дрозденко", "Полтава", "Хоч би вже швидше все вирішили.", "Подобається · Відповісти · 7 · 3 год",
             "Людмила Оніщенко", "Санкції санкціями, а міст стоїть.", "Подобається · Відповісти · 3 год"]
    assert [author for author, _ in _parsed(lines)] == ["Віктор Дрозденко", "Людмила Оніщенко"]


def test_the_first_commenters_town_is_read_like_the_later_ones() -> None:
    lines = ["Rajiv Khanna", "Pune", "Aug 3, 2019, 09:14 AM IST", "Both superpowers will now start a new race.",
             "Agree (14) Disagree (2) Report · Reply",
             "Anil Varghese", "Kochi", "Aug 3, 2019, 09:41 AM IST", "S-400 has nothing to do with INF.",
             "Agree (6) Disagree (1) Report · Reply"]
    assert [author for author, _ in _parsed(lines)] == ["Rajiv Khanna", "Anil Varghese"]


def test_a_comment_forms_name_field_over_the_first_comment_is_no_author() -> None:
    lines = ["Name", "marina_k", "3 hours ago", "Sanctions are a slow tool.", "Reply",
             "Tom Whitacre", "Akron", "2 hours ago", "Agreed, but they add up.", "Reply"]
    assert [author for author, _ in _parsed(lines)][1] == "Tom Whitacre"
    assert _parsed(lines)[0] != ("Name", "3 hours ago")


@pytest.mark.parametrize("age", ["3 ч назад", "45 мин назад", "2 ч. назад", "5 дн назад", "5 хв тому"])
def test_abbreviated_cyrillic_ages_are_dates(age: str) -> None:
    lines = ["Ирина К.", age, "Хорошо, что хоть кто-то об этом пишет.", "Ответить",
             "Старый_физтех", "1 ч назад", "Договор был последним.", "Ответить"]
    assert _parsed(lines) == [("Ирина К.", age), ("Старый_физтех", "1 ч назад")]


INLINE_PROMPTS = ["Dalszy ciąg artykułu pod materiałem wideo", "Artikeln fortsätter under annonsen",
                  "Artikkelen fortsetter under annonsen", "Artiklen fortsætter under annoncen",
                  "Artikkeli jatkuu mainoksen jälkeen", "A cikk a hirdetés után folytatódik",
                  "La suite après cette publicité", "Lees verder na de advertentie", "Weiterlesen nach der Anzeige",
                  "L’articolo prosegue sotto la pubblicità", "Продолжение ниже", "Продовження статті нижче"]
NOT_PROMPTS = ["La suite des négociations a été reportée.", "Weiter nach der Anzeige stand er auf.",
               "Продолжение следует", "Dalszy ciąg rozmów zaplanowano na marzec."]


def test_ad_breaks_in_other_languages_are_inline_prompts_on_both_paths() -> None:
    lines = INLINE_PROMPTS + NOT_PROMPTS
    expected = [True] * len(INLINE_PROMPTS) + [False] * len(NOT_PROMPTS)
    assert [INLINE_PROMPT_RE.match(line) is not None for line in lines] == expected
    assert pc.match_substring_regex(pa.array(lines), INLINE_PROMPT_RE2).to_pylist() == expected
    # the parts are a necessary condition (the cheap test of short documents)
    assert all(any(part in line.casefold() for part in INLINE_PROMPT_PARTS) for line in INLINE_PROMPTS)


@pytest.mark.parametrize("line", [
    "Download the Hindustan Ledger app for the latest news, live updates and e-paper on the go.",
    "Смотреть все фото", "View all 12 photos", "Lasă un comentariu", "Adaugă un comentariu"])
def test_more_furniture_one_by_one_and_batched(line: str) -> None:
    assert _is_furniture(line)
    assert furniture_flags([line] * 1200)[0]


@pytest.mark.parametrize("line", ["Смотреть все фото с места событий в нашей галерее, где видно всё.",
                                  "Download the data from the ministry's site, the report says."])
def test_sentences_that_open_like_that_furniture_are_not(line: str) -> None:
    assert not _is_furniture(line)
    assert not furniture_flags([line] * 1200)[0]


def test_a_threads_showing_counter_and_a_report_to_moderator_button() -> None:
    assert is_counter("Showing 1-6 of 6 comments | Sort by: Oldest first")
    assert is_counter("Displaying 20 of 187 comments")
    assert not is_counter("Showing 5 of the 12 delegations were enough.")
    assert is_button("Сообщить модератору")


TAB_TITLE_PAGE = """Moscow opens its airspace to supply flights bound for Kabul - Example News
EDITION: U.S. | INTERNATIONAL
Home | Video | World | Politics
updated 9:18 p.m. EDT, Mon July 6, 2009
Moscow opens its airspace to supply flights bound for Kabul
By Dana Whitcomb
MOSCOW (EN) -- Russia agreed on Monday to let American military aircraft carrying troops and weapons fly across its territory to Afghanistan, officials said.
The accord was signed at the Kremlin during the first day of a two-day summit between the two presidents, who met for the first time in Moscow.
Officials in Washington described the deal as the first tangible result of the effort to repair relations with the Kremlin after the war in Georgia.
Russian officials were careful to stress that the agreement did not signal a change in Moscow's broader view of American bases in Central Asia.
Comments (2)
Showing 1-2 of 2 comments | Sort by: Oldest first
Good. Our troops need supplies and the southern route is a shooting gallery.
Posted by GrandRapidsVet at 7:52 PM ET, Jul 6, 2009
Report abuse
The real test is the arms treaty. Flights are nice but warheads are what matter.
Posted by oldschool_rick at 11:03 PM ET, Jul 6, 2009
Report abuse
"""


def test_a_tab_title_over_the_page_gives_way_to_the_headline_it_holds() -> None:
    result = segment_text(TAB_TITLE_PAGE)
    assert result.title == "Moscow opens its airspace to supply flights bound for Kabul"
    labels = {line.text: line.label for line in result.lines}
    assert labels["Moscow opens its airspace to supply flights bound for Kabul - Example News"] == "boilerplate"
    assert labels["Showing 1-2 of 2 comments | Sort by: Oldest first"] == "boilerplate"
    assert [(c.author, c.date) for c in result.comments] == [("GrandRapidsVet", "7:52 PM ET, Jul 6, 2009"),
                                                            ("oldschool_rick", "11:03 PM ET, Jul 6, 2009")]


# --- round 39 ---------------------------------------------------------------------------------------------------------

def test_a_masked_address_between_a_guests_name_and_the_date_keeps_the_author() -> None:
    page = "\n".join(["Komentarze (2)", "~Zbyszek", "IP: 83.27.x.x", "14.06.2015 10:02",
                      "Nareszcie jakiś konkret, ile można słuchać zapewnień bez pokrycia.", "Odpowiedz", "Zgłoś",
                      "~emeryt z Białegostoku", "IP: 83.9.x.x", "14.06.2015 11:07",
                      "Rosja i tak zrobi co zechce, niezależnie od tego ile czołgów tu postawią.", "Odpowiedz", "Zgłoś"])
    assert _parsed(page.split("\n")[1:]) == [("~Zbyszek", "14.06.2015 10:02"),
                                             ("~emeryt z Białegostoku", "14.06.2015 11:07")]


def test_a_disqus_reply_header_loses_its_parents_name() -> None:
    lines = ["OldHandAtState • 2 days ago", "The waiver was the right call.", "Reply",
             "Kathleen M. ↪ OldHandAtState • 2 days ago", "It was not.", "Reply"]
    assert _parsed(lines) == [("OldHandAtState", "2 days ago"), ("Kathleen M.", "2 days ago")]


@pytest.mark.parametrize("line", ["Новые", "Популярные", "Добавьте комментарий...", "Write a response…"])
def test_a_comment_widgets_tabs_and_prompts_are_counters(line: str) -> None:
    assert is_counter(line)


@pytest.mark.parametrize("line", ["12 claps", "1.1K claps"])
def test_claps_are_buttons(line: str) -> None:
    assert is_button(line)


@pytest.mark.parametrize("line", [
    "In the News: Libya no-fly zone Japan reactor Budget talks Final Four", "Воспроизвести", "Развернуть на весь экран",
    "Lee sin límites", "Suscríbete Ya soy suscriptor", "Abonnez-vous", "Добавьте комментарий..."])
def test_round_39_furniture_one_by_one_and_batched(line: str) -> None:
    assert _is_furniture(line)
    assert furniture_flags([line] * 1200)[0]


@pytest.mark.parametrize("line", ["In the news: the talks resumed on Friday after a week of delays.",
                                  "TRENDING: Portman says he will run for the Senate",
                                  "Suscribirse a la ONU fue una decisión."])
def test_lines_that_open_like_round_39_furniture_are_not(line: str) -> None:
    assert not _is_furniture(line)
    assert not furniture_flags([line] * 1200)[0]


def test_a_lower_case_handle_and_a_first_comment_over_a_row_with_a_count_are_read() -> None:
    # the labels as the model gave them on a Finnish page: the first comment, and the second's name, as furniture
    rows = [("Eli Venäjä ja Saudit kilpailevat siitä, kumpi kestää pidempään.", "body"),
            ("Kommentit (3)", "boilerplate"), ("Keijo_K", "boilerplate"), ("12.3.2020 14:05", "boilerplate"),
            ("Amerikkalaiset pienyhtiöt jäävät tässä kisassa jalkoihin, se on selvä.", "boilerplate"),
            ("Vastaa", "boilerplate"), ("Tykkää", "boilerplate"), ("24", "boilerplate"),
            ("pohjoisen tuuli", "boilerplate"), ("12.3.2020 14:22", "comment"),
            ("Hyvä kirjoitus. Koronan takia kysyntä laskee muutenkin.", "comment"),
            ("Vastaa", "boilerplate"), ("Tykkää", "boilerplate"), ("17", "boilerplate"),
            ("Marjatta H.", "comment"), ("12.3.2020 15:10", "comment"),
            ("Halvempi bensa ei paljon lämmitä, jos pörssissä menee kaikki säästöt.", "comment"),
            ("Vastaa", "boilerplate"), ("Tykkää", "boilerplate"), ("31", "boilerplate")]
    lines, labels = [line for line, _ in rows], [label for _, label in rows]
    relabelled = apply_rules(lines, labels)
    assert [lines[index] for index, label in enumerate(relabelled) if label == "comment"] == [
        "Keijo_K", "12.3.2020 14:05", "Amerikkalaiset pienyhtiöt jäävät tässä kisassa jalkoihin, se on selvä.",
        "pohjoisen tuuli", "12.3.2020 14:22", "Hyvä kirjoitus. Koronan takia kysyntä laskee muutenkin.",
        "Marjatta H.", "12.3.2020 15:10", "Halvempi bensa ei paljon lämmitä, jos pörssissä menee kaikki säästöt."]


def test_a_replys_response_to_line_is_no_header() -> None:
    lines = ["OldVicar", "3 January 2013 5:51pm", "Recommend 12", "The ban punishes orphans for a quarrel of adults.",
             "Reply | Share | Report",
             "ilya_from_perm", "3 January 2013 6:10pm", "Recommend 4", "Response to OldVicar, 3 January 2013 5:51pm",
             "Orphanages here are not what you think.", "Reply | Share | Report"]
    assert _parsed(lines) == [("OldVicar", "3 January 2013 5:51pm"), ("ilya_from_perm", "3 January 2013 6:10pm")]


def test_a_list_bullet_between_a_comments_buttons_and_the_next_name_does_not_hide_the_town() -> None:
    lines = ["*", "Vikram Desai", "Pune", "Dec 16, 2020 at 07:52 IST", "India should go ahead with the deal.",
             "Reply Like (42) Report", "*", "S. Krishnan", "Chennai", "Dec 16, 2020 at 06:30 IST",
             "The US will not sanction India while it needs us.", "Reply Like (27) Report"]
    assert _parsed(lines) == [("Vikram Desai", "Dec 16, 2020 at 07:52 IST"), ("S. Krishnan", "Dec 16, 2020 at 06:30 IST")]


@pytest.mark.parametrize("line", ["Читайте «Укрінфопрес» у Telegram та Viber: лише перевірені новини",
                                  "При цитуванні і використанні будь-яких матеріалів в Інтернеті посилання обов'язкове."])
def test_a_messenger_prompt_and_citation_rules_are_furniture(line: str) -> None:
    assert _is_furniture(line)
    assert furniture_flags([line] * 1200)[0]


def test_a_commenters_town_in_its_own_span_is_its_own_line() -> None:
    page = ("<html><body><article><h1>Sanctions talks resume</h1><p>" + "Talks resumed in Geneva on Monday. " * 5 + "</p>"
            "</article><section class='comments'><div class='comment'><div class='comment__who'>"
            "<b class='comment__name'>Arvind Rao</b>, <span class='comment__city'>Bengaluru</span></div>"
            "<span class='comment__time'>Dec 08, 2021 07:25 AM</span><p>Good move.</p></div></section>"
            "<p>LONDON — To many in <span class='location'>Britain</span>, the decision was a step.</p></body></html>")
    lines = html_to_lines(page)[0]
    assert "Arvind Rao" in lines and "Bengaluru" in lines  # the town apart, its comma gone
    assert "LONDON — To many in Britain, the decision was a step." in lines  # a town in article text stays inline


# --- round 40 ---------------------------------------------------------------------------------------------------------

def test_a_posted_at_header_and_german_short_ages() -> None:
    lines = ["grumpy_gus posted at 7:14 am on Sat, Nov 17, 2012", "Farmers here have waited years for this.", "Report",
             "Ottakringer_Grantler vor 5 Std.", "Die Bank wird sich das nicht zweimal fragen lassen.", "Antworten"]
    assert _parsed(lines) == [("grumpy_gus", "7:14 am on Sat, Nov 17, 2012"), ("Ottakringer_Grantler", "vor 5 Std.")]


@pytest.mark.parametrize("line", ["Reagovať", "Upozorniť"])
def test_slovak_comment_buttons(line: str) -> None:
    assert is_button(line)


@pytest.mark.parametrize("line", ["Dolar 5,4612 Euro 6,2478 Sterlin 6,9720 Altın 245,30 BIST 100 93.712",
                                  "Weather: Keighley 9°C, light cloud", "Погода: Москва −3 °C",
                                  "Read: Why Moscow keeps saying no to arms talks"])
def test_round_40_furniture_one_by_one_and_batched(line: str) -> None:
    assert _is_furniture(line)
    assert furniture_flags([line] * 1200)[0]


@pytest.mark.parametrize("line", ["Weather forecasters said temperatures would reach 30°C on Friday.",
                                  "Reading between the lines: the treaty is dead.", "The dollar 63.5 rose"])
def test_lines_that_open_like_round_40_furniture_are_not(line: str) -> None:
    assert not _is_furniture(line)
    assert not furniture_flags([line] * 1200)[0]


def test_a_bulgarian_reply_button_lets_an_unlabelled_thread_be_found() -> None:
    assert is_button("Отговор")


def test_lynx_link_numbers_before_a_commenters_header_are_read_past() -> None:
    from pipeline.segmenter.comments import MetaMemo

    meta = MetaMemo()["[49]Marge Petrakis posted at 9:45 am on Sat, Nov 17, 2012"]
    assert meta is not None and (meta.author, meta.date) == ("Marge Petrakis", "9:45 am on Sat, Nov 17, 2012")


# --- round 41 ---------------------------------------------------------------------------------------------------------

BREADCRUMB_PAGE = """Business News›News›Economy›Foreign Trade›US tightens Russian oil price cap rules; refiners seek clarity
US tightens Russian oil price cap rules; refiners seek clarity
Synopsis
The US Treasury issued new guidance on Thursday that tightens how traders must show that Russian crude was bought below the price cap, officials said.
Indian refiners, which have become some of the largest buyers of Russian oil since 2022, said they were studying the rules and would seek clarity from banks.
Traders in Dubai said several cargoes due to load next month could be delayed while buyers and shippers gather the new paperwork the rules require.
The Russian energy ministry called the guidance another attempt to disrupt legitimate trade and said exports would continue to find buyers in Asia.
"""


def test_a_breadcrumb_that_ends_in_the_headline_gives_way_to_it() -> None:
    result = segment_text(BREADCRUMB_PAGE)
    assert result.title == "US tightens Russian oil price cap rules; refiners seek clarity"
    trail = next(line for line in result.lines if line.text.startswith("Business News›"))
    assert trail.label == "boilerplate"


@pytest.mark.parametrize("line", ["Vos données personnelles", "Правила комментирования",
                                  "Avec votre accord, nos partenaires et nous utilisons des cookies ou technologies similaires",
                                  "Para comentar es necesario estar registrado en La Crónica del Segura. Inicia sesión o regístrate."])
def test_round_41_furniture_one_by_one_and_batched(line: str) -> None:
    assert _is_furniture(line)
    assert furniture_flags([line] * 1200)[0]


def test_a_spanish_sign_in_prompt_is_no_comment_but_a_sentence_that_opens_like_it_is_text() -> None:
    assert is_counter("Para comentar es necesario estar registrado en La Crónica del Segura. Inicia sesión o regístrate.")
    assert not _is_furniture("Para comentar hay que leer primero el informe completo del Tesoro.")


def test_a_first_comment_over_a_bulleted_row_with_a_count_first_is_found() -> None:
    # Disqus in HTML, as list items: the row under each comment opens with its vote count ("* 14", "* •", "* Reply")
    rows = [("Join the discussion…", "boilerplate"), ("*", "boilerplate"),
            ("Lenny Haakonsen • 2 years ago", "boilerplate"),
            ("My brother was on one of those boats and they lost the best week of the season.", "boilerplate"),
            ("* 14", "boilerplate"), ("* •", "boilerplate"), ("* Reply", "boilerplate"), ("* •", "boilerplate"),
            ("* Share ›", "boilerplate"), ("*", "comment"), ("AKsalt • 2 years ago", "comment"),
            ("Same thing happened to a longliner out of Sand Point a few years back.", "comment"),
            ("* 6", "boilerplate"), ("* •", "boilerplate"), ("* Reply", "boilerplate"), ("* •", "boilerplate"),
            ("* Share ›", "boilerplate")]
    lines, labels = [line for line, _ in rows], [label for _, label in rows]
    relabelled = apply_rules(lines, labels)
    assert relabelled[2:4] == ["comment", "comment"]
