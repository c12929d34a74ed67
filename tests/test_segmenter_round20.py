"""Rules from the twentieth round of probe pages, pages as researchers' collection tools print them in 2025-2026:
a clipping tool's or a scraper's metadata above the page (YAML front matter, trafilatura's metadata, an API record, an
e-mail's headers), a browser's print header and footer, the notices of media that Russia bans, consent, app and
translation bars, a text browser's starred headings, headlines that quote in guillemets, and comment widgets as a
machine translation or Dzen print them."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.segmenter import load_segmenter, segment_text
from pipeline.segmenter.comments import MetaMemo, parse_comments
from pipeline.segmenter.cues import interstitial_lines, metadata_header
from pipeline.segmenter.text import (RE2_MIN_LINES, _heading_like, _is_furniture, _money_appeals, _status_notices,
                                     _title_parts, _title_separated, _unlabelled_comments, dump_lines, find_title,
                                     furniture_flags, split_lines, wrap_width)

PAGES = Path(__file__).parent / "pages"
INTRO = "For decades the two capitals relied on a web of treaties to cap their arsenals, and most of it is gone now."
SECOND = "Officials on both sides said the next round of talks would open in Vienna in February, without a date set."


def test_front_matter_is_metadata_and_names_the_title() -> None:
    page = ["---", 'title: "Flüssiggas aus Russland: Washington drängt Europa zum Ausstieg"',
            'source: "https://www.example-rundschau.de/politik/lng-a-81f3c2"', "author:", '  - "[[Katrin Vogel]]"',
            "published: 2025-10-02", "created: 2026-01-19", "tags:", '  - "clippings"', "---", "",
            "Die Vereinigten Staaten erhöhen den Druck auf die Europäische Union, ihre Importe von russischem "
            "Flüssiggas früher zu beenden als bisher vorgesehen, sagte ein Diplomat in Brüssel am Donnerstag.",
            "Zugleich warben die Unterhändler offensiv für amerikanisches Flüssiggas, das jedes Molekül aus "
            "Russland ersetzen könne, wie ein Mitglied der Delegation sagte."]
    header = metadata_header([line.strip() for line in page])
    assert header.lines == list(range(10))
    assert header.title == "Flüssiggas aus Russland: Washington drängt Europa zum Ausstieg"
    result = segment_text("\n".join(page), load_segmenter())
    assert result.title == header.title  # the page prints no headline: the field's value is the title
    assert not any(line.label == "body" and line.text.startswith(("source:", "created:")) for line in result.lines)
    assert result.body.startswith("Die Vereinigten Staaten")


def test_metadata_title_finds_the_printed_headline() -> None:
    # trafilatura's metadata: the title field "Headline | Site" points at the bare headline printed under it
    page = ["---", "title: Kansas growers watch Geneva as grain talks resume | The Bluestem Ledger",
            "author: Carla Menzies", "url: https://bluestemledger.org/2026/04/14/kansas-growers/",
            "hostname: bluestemledger.org", "sitename: The Bluestem Ledger", "date: 2026-04-14", "---",
            "Kansas growers watch Geneva as grain talks resume", INTRO, SECOND]
    result = segment_text("\n".join(page), load_segmenter())
    assert result.title == "Kansas growers watch Geneva as grain talks resume"
    assert [line.line_no for line in result.lines if line.label == "title"] == [9]  # not the field's line (2)
    assert {line.label for line in result.lines if line.line_no <= 8} == {"boilerplate"}


@pytest.mark.parametrize("lines", [
    # an app's fields in a listing are the page's text: no title or address among them
    ["Name: Task List and Timer", "Author: Adam Hotz", "Description: Allows you to track tasks.", INTRO],
    # a block must open near the top
    [INTRO] * 12 + ["Title: x", "URL: https://example.org", "Author: A", "Date: 2026-01-01"],
    # three fields are too few
    ["Title: Talks resume", "Author: A. Writer", "Date: 2026-01-01", INTRO],
])
def test_no_metadata_header(lines: list[str]) -> None:
    assert metadata_header(lines).lines == []


@pytest.mark.parametrize("line, separated", [
    ("Записи в блоге «Заметки на полях дипломатии»", False),
    ("Лавров назвал «неприемлемыми» условия Вашингтона", False),
    ("Lavrov : « Nous ne céderons pas » sur les sanctions", True),  # (the French colon between spaces stays one)
    ("Merz warnt: »Wir bleiben standhaft«", False),
    ("Санкции продлены | «Деловой курс»", True), ("Blog » Archive » Headline", True),
    ("NEXT POST »Samsung Nexus 10 Tablet", True),  # a link's arrow, no quotation
])
def test_guillemet_quotations_separate_no_page_title(line: str, separated: bool) -> None:
    assert _title_separated(line) is separated


def test_title_parts_keep_quotations_whole() -> None:
    assert _title_parts("«Газпром» сократил поставки — РИА «Восток»") == ["«Газпром» сократил поставки", "РИА «Восток»"]
    assert _title_parts("Headline | Site") == ["Headline", "Site"]


def test_blog_heading_with_a_quoted_name_gives_way_to_the_entry_title() -> None:
    lines = ["Главная", "Лента", "Записи в блоге «Заметки на полях дипломатии»", "Заметки на полях дипломатии",
             "5 декабря 2026, 11:40", "Старый договор, новые правила: что обсуждали в Женеве",
             "Вчера вечером появились первые подробности о консультациях в Женеве, и я ожидал гораздо меньшего от них.",
             "Главная тема была не количество боеголовок, а возвращение инспекций и обмен данными между сторонами."]
    labels = ["boilerplate"] * 4 + ["body"] * 4
    assert find_title(lines, labels) == 5


@pytest.mark.parametrize("line, notice", [
    ("«Северный ветер» признан в России «нежелательной организацией». Пересылая этот текст, будьте осторожны.", True),
    ("ДАННОЕ СООБЩЕНИЕ (МАТЕРИАЛ) СОЗДАНО И (ИЛИ) РАСПРОСТРАНЕНО ИНОСТРАННЫМ СРЕДСТВОМ МАССОВОЙ ИНФОРМАЦИИ, "
     "ВЫПОЛНЯЮЩИМ ФУНКЦИИ ИНОСТРАННОГО АГЕНТА", True),
    ('Gorizont is recognized in Russia as an "undesirable organization". Reposting our materials in Russia may be '
     "punishable. Read us via VPN or our mirror.", True),
    ("Если вы читаете нас из России, используйте VPN или зеркало сайта.", True),
    # an article's own sentences about designations and VPNs
    ("В 2023 году Минюст признал издание «нежелательной организацией», и редакция переехала в Ригу.", False),
    ("The ministry declared the outlet an undesirable organization in 2023, a year after it moved to Riga.", False),
    ("Roskomnadzor said it had blocked dozens of VPN services in Russia since March.", False),
])
def test_status_notices_of_banned_media(line: str, notice: bool) -> None:
    lines = [INTRO, line, SECOND]
    assert (_status_notices(lines, ["body"] * 3, "\n".join(lines)) == [1]) is notice


@pytest.mark.parametrize("line, furniture", [
    ("Accept all Reject all", True), ("Reject all", True), ("Accept all · Manage preferences", True),
    ("Get the app for local news & alerts", True), ("Open in app", True), ("Download the app", True),
    ("Google Translate", True), ("Show original", True), ("View this email in your browser", True),
    ("View in browser", True), ("Estimated reading time: 7 min", True),
    ("Get the approval of Congress first, the senator said.", False),
    ("Reject all talk of a ceasefire, the minister told the Duma.", False),
])
def test_furniture_of_collection_tools(line: str, furniture: bool) -> None:
    assert _is_furniture(line) is furniture
    assert furniture_flags([line] * RE2_MIN_LINES)[0] is furniture  # the RE2 pass finds them too


def test_print_header_carries_the_page_title() -> None:
    # a page printed to PDF by a browser: pdftotext puts the date, time and page title on one line
    page = ["11/14/25, 9:02 AM Washington weighs Moscow's offer on nuclear limits - The Meridian Ledger",
            "The Meridian Ledger", "National Security", "Washington weighs Moscow's offer on nuclear limits", INTRO, SECOND,
            "https://www.meridianledger.com/national-security/2025/11/13/new-start-pledge/ 1/2",
            "11/14/25, 9:02 AM Washington weighs Moscow's offer on nuclear limits - The Meridian Ledger",
            "The treaty's central limits have held since 2018, and both sides say they still observe them in practice.",
            "https://www.meridianledger.com/national-security/2025/11/13/new-start-pledge/ 2/2"]
    result = segment_text("\n".join(page), load_segmenter())
    assert result.title == "Washington weighs Moscow's offer on nuclear limits"
    assert {line.label for line in result.lines if line.text.startswith("https://")} == {"boilerplate"}


def test_email_subject_finds_the_pasted_headline() -> None:
    page = ["From: Priya Natarajan <priya@example.com>", "Subject: Fwd: Europe cannot afford to be a bystander on arms control",
            "Date: October 4, 2025 at 8:02:51 AM EDT", "To: Priya Natarajan <pn@example.edu>", "Sent from my iPhone",
            "Opinion", "Europe cannot afford to be a bystander on arms control", INTRO, SECOND]
    header = metadata_header(page)
    assert header.lines == [0, 1, 2, 3] and header.subject == "Europe cannot afford to be a bystander on arms control"
    assert header.title is None
    result = segment_text("\n".join(page), load_segmenter())
    assert result.title == header.subject
    assert [line.line_no for line in result.lines if line.label == "title"] == [7]


def test_starred_headings_of_a_text_browser_dump() -> None:
    dump = "****** Nach Anchorage: Bleiben die Sanktionen? ******\nText.\n**** Europa unter Zugzwang ****\nMehr."
    assert [text for _, text in dump_lines(dump)] == [
        "Nach Anchorage: Bleiben die Sanktionen?", "Text.", "Europa unter Zugzwang", "Mehr."]
    # one such line is a writer's own emphasis ("***** Spoiler Alert *****" over a comment), and stays as it is
    assert dump_lines("Nice.\n***** Spoiler Alert *****\nBond dies.")[1][1] == "***** Spoiler Alert *****"


def test_bracketed_label_is_no_headline() -> None:
    assert not _heading_like("[Ostpolitik-Forum e.V.]", 2)
    assert _heading_like("Ostpolitik-Forum: Bleiben die Sanktionen?", 2)


def test_long_headline_right_past_the_title_window() -> None:
    # a portal's menu pushes the headline to the window's edge, where its twelve words make it the "first paragraph"
    menu = ["Skip to main content", "Yahoo News", "Search query", "Sign in"] + [f"Section {n}" for n in range(21)]
    lines = [*menu, "U.S. and Russian envoys to meet in Vienna on post-New START limits, officials say",
             "U.S. and Russian envoys will meet in Vienna next week to discuss limits on strategic arms after New START, "
             "officials said on Tuesday.", SECOND]
    labels = ["boilerplate"] * len(menu) + ["body"] * 3
    assert find_title(lines, labels) == len(menu)


@pytest.mark.parametrize("line, furniture", [
    ("First new ones", True), ("Login via Telegram", True), ("Сначала интересные", True),
    ("4,1 тыс. прочитали", True), ("12 тыс. прочитали", True), ("Subscribe Sign in", True), ("Log in | Register", True),
    ("Если статья была полезной, поставьте лайк и подпишитесь на канал.", True),
    ("First new ones were delivered to Kyiv in March, the ministry said.", False),
    ("Old ones first", True), ("First the old ones", True), ("Always translate from Russian", True),
    ("Translated with DeepL.com (free version)", True), ("The views expressed are the author's own.", True),
    ("The views expressed in Moscow are hardly new, the diplomat said.", False), ("Оригинал публикации:", True),
    ("[В ответ на Виктор Савельев]", True), ("В ответ на критику Минфин заявил, что бюджет сбалансирован.", False),
])
def test_furniture_of_translated_and_russian_widgets(line: str, furniture: bool) -> None:
    assert _is_furniture(line) is furniture
    assert furniture_flags([line] * RE2_MIN_LINES)[0] is furniture


def test_machine_translated_comment_buttons() -> None:
    # Google Translate prints "Ответить" and "Пожаловаться" as "Answer" and "Complain"
    lines = ["Old_Grumbler", "November 6, 2026 at 22:17", "I watched that release. My mother believed every word.",
             "Answer", "Complain", "Andrey K.", "November 6, 2026 at 21:58", "Good count, but where is the comparison?",
             "Answer", "Complain"]
    assert [(c.author, c.date) for c in parse_comments(lines)] == [
        ("Old_Grumbler", "November 6, 2026 at 22:17"), ("Andrey K.", "November 6, 2026 at 21:58")]


def test_comments_dated_under_their_text() -> None:
    # Dzen prints a comment as name, text, age, "Ответить" and a count; the model, not trained on Russian, missed them
    comments = [("Игорь Семёнов", "Американцы сами себе стреляют в ногу, бензин у них подорожал сильнее нашего.",
                 "2 дня назад", "48"),
                ("Марина Л.", "Игорь Семёнов, у нас бензин дорожает и без всяких санкций, не путайте.", "2 дня назад", "31"),
                ("Viktor_58", "Скидка на Urals — это и есть деньги, которые бюджет не получит в этом году.", "вчера", "27")]
    lines = [INTRO, SECOND, "Комментарии 34", "Сначала интересные"]
    for name, text, age, likes in comments:
        lines += [name, text, age, "Ответить", likes]
    labels = ["body", "body"] + ["boilerplate"] * (len(lines) - 2)
    found = _unlabelled_comments(lines, labels, MetaMemo())
    assert [lines[index] for index in found] == [line for name, text, age, _ in comments for line in (name, text, age)]


@pytest.mark.parametrize("line, appeal", [
    ("Мы работаем без цензуры. Поддержите «Северный ветер» — даже 5 евро в месяц помогают нам работать.", True),
    ("Support us with $5 a month and keep our reporters in Kyiv.", True),
    ("Pensioners in Omsk receive about 20,000 rubles a month, and many support the war.", False),
    ("Donate now: $10 a month keeps one reporter on the road.", True),
    ("The foundation pledged to donate to the clinic, which needs 5,000 euros a month to stay open, its director said.",
     False),
])
def test_money_appeals(line: str, appeal: bool) -> None:
    lines = [INTRO, line, SECOND]
    assert (_money_appeals(lines, ["body"] * 3, "\n".join(lines)) == [1]) is appeal


def test_byte_order_mark_and_skip_links() -> None:
    # a Google Docs or Notepad export opens with a byte-order mark; a skip link at the top is boilerplate in any language
    page = "\ufeffПерейти к содержанию\nСанкции продлены ещё на полгода\n" + "\n".join([INTRO, SECOND])
    for dump in (page, page.encode("utf-8")):
        result = segment_text(dump, load_segmenter())
        assert result.lines[0].text == "Перейти к содержанию" and result.lines[0].label == "boilerplate"


def test_telegram_message_headers() -> None:
    # Telegram Desktop copies each message under "NAME, [DD.MM.YYYY HH:MM]"
    lines = ["Виктор Савельев, [14.02.2026 10:17]", "20 долларов скидки — это серьёзно, интересно, сколько оседает.",
             "Ksenia, [14.02.2026 10:21]", "[В ответ на Виктор Савельев]", "Посредники тоже в основном свои люди."]
    assert [(c.author, c.date) for c in parse_comments(lines)] == [
        ("Виктор Савельев", "14.02.2026 10:17"), ("Ksenia", "14.02.2026 10:21")]
    assert not _heading_like("Полигон | США и Россия, [14.02.2026 10:03]", 2)


def test_translated_reply_button() -> None:
    lines = ["Sergey_Ekb", "March 14, 2025, 10:12", "Embassies are good, but the main thing is the flights.", "To answer",
             "Complain", "observer66", "March 14, 2025, 13:20", "Flights first, then embassies.", "To answer"]
    assert [c.author for c in parse_comments(lines)] == ["Sergey_Ekb", "observer66"]


def test_parser_fields_as_metadata() -> None:
    # Postlight's parser, written out by a script: "# title" and its fields
    page = ["New START's end leaves verification in limbo", "Author: Helen Ostrowski", "Published: 2025-11-02",
            "Source: https://coldwater.example.org/analysis/new-start", "Words: 1046", "Excerpt: For most of the last decade",
            INTRO, SECOND]
    assert metadata_header(page).lines == [1, 2, 3, 4, 5]


def test_page_printed_in_a_proportional_font_is_unwrapped() -> None:
    # pdftotext of Firefox's print: wrapped lines of 82-100 characters (letters of different widths), the page footer
    # ("1 of 3", the time of printing) and header (title, address) between the pages
    numbered = dump_lines((PAGES / "firefoxpdf2025_pecosvalley_uranium.txt").read_text(encoding="utf-8"))
    texts = [text for _, text in numbered]
    assert wrap_width(split_lines((PAGES / "firefoxpdf2025_pecosvalley_uranium.txt").read_text(encoding="utf-8")))
    opening = next(text for text in texts if text.startswith("When Congress banned imports"))
    assert opening.endswith("fielding calls from utilities they have never worked with before.")
    assert "1 of 3" in texts and any(text.startswith("https://www.pecosvalleysentinel.com/") for text in texts)
    assert {texts[index] for index in interstitial_lines(texts)} >= {"1 of 3", "2 of 3", "3 of 3", "3/16/25, 8:12 AM"}


def test_slideshow_counters_are_no_printed_pages() -> None:
    lines = [INTRO, "1 of 5", SECOND, "1 of 13", INTRO, "1 of 2", SECOND]
    assert not [index for index in interstitial_lines(lines) if lines[index].endswith(("5", "13", "2"))]
    lines = [INTRO, "1 of 3", "3/16/25, 8:12 AM", SECOND, "2 of 3", "3/16/25, 8:12 AM", INTRO, "3 of 3", "3/16/25, 8:12 AM"]
    assert sorted(interstitial_lines(lines)) == [1, 2, 4, 5, 7, 8]


def test_wrapped_markdown_links_and_glued_says() -> None:
    # Python's html2text cuts links at 78 columns; WordPress's hidden "says" span runs into the name
    dump = "\n".join([
        "[Home](https://example.net/) [About](https://example.net/about) [Contact](https://example.net/contact)",
        "Dale Oquilluksays:", "", "[March 2, 2026 at 7:41 pm](https://example.net/2026/03/02/hotline-",
        "gambell/#comment-1193)", "", "My cousin was on one of those boats in Nome that week.", "",
        "![](https://example.net/a.jpg)[Ruth", "Halvorsen](https://example.net)says:", "",
        "[March 2, 2026 at 8:05 pm](https://example.net/2026/03/02/hotline-gambell/#comment-1194)", "",
        "The harbor office called them first, and that tells you how the system works."])
    texts = [text for _, text in dump_lines(dump)]
    assert "March 2, 2026 at 7:41 pm" in texts and "Ruth Halvorsensays:" in texts
    assert [(c.author, c.date) for c in parse_comments(texts[1:])] == [
        ("Dale Oquilluk", "March 2, 2026 at 7:41 pm"), ("Ruth Halvorsen", "March 2, 2026 at 8:05 pm")]
    assert parse_comments(["Essays:", "Five pieces on the treaty's end, from five capitals."])[0].author != "Es"
