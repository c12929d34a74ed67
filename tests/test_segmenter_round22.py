"""Rules from the twenty-second and twenty-third rounds of probe pages, ordinary article pages of outlets that cover
US-Russia relations (2009-2025, English, Russian, Ukrainian and seven other languages): comment widgets' sort controls,
"more comments" links, sign-in notes and vote rows, Facebook's comments plugin of the mid-2010s, a forum's masked
addresses and post numbers, ticker lines and top-story strips above the headline, most-read headings, consent walls
and related links inside the article. Also the memory of the pure line tests, which must not change any answer."""

from __future__ import annotations

import pytest

from pipeline.segmenter import load_segmenter, segment_text, segment_texts
from pipeline.segmenter.comments import (MORE_COMMENTS_RE, MetaMemo, _date_spans, _is_date_text, _meta_of,
                                         is_button, is_counter, parse_comments)
from pipeline.segmenter.cues import interstitial_lines
from pipeline.segmenter.text import _heading_like, _is_furniture, _menu_like, furniture_flags

PARAGRAPH = ("Officials on both sides said the next round of talks would open in Vienna in February, without a date "
             "set, and that the delegations would meet at the level of deputy ministers.")


@pytest.mark.parametrize(("line", "furniture"), [
    ("Сначала новые Сначала старые Популярные", True),
    ("Спочатку нові", True),
    ("Сортировка: Новые Старые Лучшие", True),
    ("Главное сегодня: Санкции против России", True),
    ("Головне за добу", True),
    ("Download The Bharat Chronicle App to get Daily Market Updates.", True),
    ("We will use your email address only for sending you newsletters.", True),
    ("Social Sharing", True),
    ("Добавить в блог", True),
    ("Оставляя комментарий, вы соглашаетесь с правилами сайта.", True),
    ("By posting a comment, you agree to our Community Guidelines.", True),
    ("You must be logged in to post a comment. Log in", True),
    ("Bitte melden Sie sich an, um zu kommentieren.", True),
    ("Pro vstup do diskuse se musíte přihlásit.", True),
    ("Курсы НБРБ: USD 2,4310 EUR 2,6254 RUB 3,3120", True),
    ("Dagnieuws.nl vraagt je toestemming voor het gebruik van cookies", True),
    ("We value your privacy", True),
    ("Stories like this one are possible because of listeners like you.", True),
    ("Версия для печати Отправить другу", True),
    ("Témata:", True),
    ("Lo más visto", True),
    ("Most read on BBC News", True),
    # an article's own sentences that share words with them
    ("The ministry said it would only use your email records if a court allowed it.", False),
    ("Сначала стороны договорились о новых консультациях в Женеве.", False),
    ("Most readers of the report will notice that the figures changed.", False),
    ("The euro fell against the dollar on Monday, to 1.05.", False),
])
def test_furniture_of_ordinary_article_pages(line: str, furniture: bool) -> None:
    assert _is_furniture(line) is furniture
    # the RE2 passes that batches use agree with the Python pattern
    assert furniture_flags([line] * 1000)[0] is furniture


@pytest.mark.parametrize(("line", "counter", "button"), [
    ("Показать еще комментарии", True, False),
    ("Voir plus de réactions", True, False),
    ("Signaler un abus", False, True),
    ("Up 47", False, True),
    ("Down Vote", False, True),
    ("Reply · Like · 14 · Follow Post · March 3, 2015 at 8:12pm", False, True),
    ("March 3, 2015 at 8:12pm", False, False),  # a date line alone is a comment's header, no button
    ("[49]December 5, 2026 at 7:12 pm", False, False),
])
def test_comment_widget_controls(line: str, counter: bool, button: bool) -> None:
    assert is_counter(line) is counter
    assert is_button(line) is button


def test_more_comments_links() -> None:
    for line in ("← Previous Comments", "Older Comments »", "View all comments", "Показать еще комментарии"):
        assert MORE_COMMENTS_RE.match(line)
    assert not MORE_COMMENTS_RE.match("More comments from the minister are expected on Friday.")


@pytest.mark.parametrize(("line", "author", "date"), [
    ("Gerald Whitmore · Top Commenter · Owner at Whitmore Auto Body", "Gerald Whitmore", None),
    ("Lena Brodsky · Works at Cleveland Clinic", "Lena Brodsky", None),
    ("Dolores Vance-Ruiz · Phoenix, Arizona", "Dolores Vance-Ruiz", None),
    ("Рижанин IP: 85.254.xx.xx 17.07.2018 11:52", "Рижанин", "17.07.2018 11:52"),
    ("Вадим_К 12.03.2012 12:10 #1", "Вадим_К", "12.03.2012 12:10"),
])
def test_comment_headers(line: str, author: str, date: str | None) -> None:
    meta = _meta_of(line)
    assert meta is not None and (meta.author, meta.date) == (author, date)


def test_menu_rows_are_no_headers() -> None:
    assert _meta_of("Home · World · Politics") is None


def test_facebook_plugin_comments_of_2015() -> None:
    lines = ["Gerald Whitmore · Top Commenter · Owner at Whitmore Auto Body",
             "More sanctions. That worked so well last year.",
             "Reply · Like · 14 · Follow Post · March 3, 2015 at 8:12pm",
             "Lena Brodsky · Works at Cleveland Clinic",
             "Sanctions are slow but the ruble lost half its value.",
             "Reply · Like · 9 · March 3, 2015 at 8:40pm"]
    comments = parse_comments(lines)
    assert [(c.author, c.date) for c in comments] == [("Gerald Whitmore", "March 3, 2015 at 8:12pm"),
                                                       ("Lena Brodsky", "March 3, 2015 at 8:40pm")]
    assert comments[0].text == "More sanctions. That worked so well last year."


def test_avatar_initials_over_name_and_town() -> None:
    lines = ["RK", "Ramesh Krishnan", "Kochi", "5 hours ago", "Good that the US has clarified India's position.",
             "Reply", "MT", "Meera Thakkar", "Ahmedabad", "4 hours ago", "Russia has been a reliable friend.", "Reply"]
    assert [(c.author, c.date) for c in parse_comments(lines)] == [("Ramesh Krishnan", "5 hours ago"),
                                                                    ("Meera Thakkar", "4 hours ago")]


def test_forum_quotation_in_russian() -> None:
    lines = ["Аэропортовский 12.03.2012 12:34 #2", "Лучше пусть самолеты летают.", "Ответить Цитировать",
             "Гость_Ольга 12.03.2012 13:02 #3", "Вадим_К пишет:", "Скоро американцы будут по Гончарова ходить.",
             "И что в этом страшного? По Москве ходят, и ничего.", "Ответить Цитировать",
             "симбирянин 12.03.2012 13:45 #4", "А кто-нибудь видел, что в контейнерах?", "Ответить Цитировать"]
    comments = parse_comments(lines)
    assert [(c.author, c.date) for c in comments] == [("Аэропортовский", "12.03.2012 12:34"),
                                                       ("Гость_Ольга", "12.03.2012 13:02"),
                                                       ("симбирянин", "12.03.2012 13:45")]
    assert comments[1].text.startswith("Вадим_К пишет:")


@pytest.mark.parametrize("line", ["Курс доллара: 59,38 ₽", "Погода в Москве: +21", "Brent: $84.20", "Inflation: 3.2%"])
def test_ticker_lines_are_no_headlines(line: str) -> None:
    assert not _heading_like(line, 2)


def test_headlines_with_numbers_stay_headlines() -> None:
    assert _heading_like("Ukraine war: day 1,000 of the fighting", 4)
    assert _heading_like("Senate passes sanctions bill: 98 votes to 2", 4)


@pytest.mark.parametrize(("line", "menu"), [
    ("Главная / В мире / Россия и США", True),
    ("Subscribe | Place an Ad | e-Edition | Contact Us | Jobs at the Herald", True),
    # a page title of five short parts, none of them the site's own links
    ("Once Wed Sponsors | Joielle | Wedding Apparel | New Sponsor Blog | Once Wed", False),
    ("Russia / Ukraine: what the ceasefire talks could bring", False),
])
def test_menu_rows(line: str, menu: bool) -> None:
    assert _menu_like(line) is menu


@pytest.mark.parametrize("label", ["İLGİLİ HABER: Ankara'dan Karadeniz diplomasisi başlıyor",
                                   "Čtěte také: Rusko vyhostilo americké diplomaty"])
def test_inline_related_links_between_paragraphs(label: str) -> None:
    lines = [PARAGRAPH, label, PARAGRAPH.replace("Vienna", "Geneva")]
    assert interstitial_lines(lines) == [1]


def test_related_label_under_a_paragraph_closing_on_a_single_quote() -> None:
    lines = ["Maritiem jurist Pieter Hoogendijk wijst erop dat landen de schepen niet zomaar kunnen tegenhouden. "
             "'Er geldt vrije doorvaart.'", "Lees ook", "Schaduwvloot vaart dagelijks langs onze kust: 'Een ongeluk is "
             "een kwestie van tijd'", PARAGRAPH]
    assert interstitial_lines(lines) == [1, 2]


def test_more_comments_link_labelled_comment_becomes_boilerplate() -> None:
    page = "\n".join([
        "Summit ends without a deal", PARAGRAPH, PARAGRAPH.replace("Vienna", "Geneva"), "3 Comments",
        "← Previous Comments", "Harold Beck", "December 5, 2026 at 7:12 pm", "Talking is better than not talking.",
        "Reply", "Marta Jensen", "December 5, 2026 at 8:02 pm", "Verification is the whole ballgame.", "Reply"])
    result = segment_text(page, load_segmenter())
    assert [line.label for line in result.lines if line.text == "← Previous Comments"] == ["boilerplate"]


def test_line_memory_changes_no_answer() -> None:
    """The pure line tests remember their answers (functools.lru_cache) and a batch shares one memo of meta lines:
    asking again, or in another order, gives the same answers, and a batch labels as one page at a time does."""
    lines = ["Reply · Like · 9 · March 3, 2015 at 8:40pm", "12.03.2012 12:10", "Вадим_К 12.03.2012 12:10 #1", "Reply"]
    first = [(is_button(line), is_counter(line), _is_date_text(line), _date_spans(line)) for line in lines]
    again = [(is_button(line), is_counter(line), _is_date_text(line), _date_spans(line)) for line in reversed(lines)]
    assert first == again[::-1]
    assert isinstance(_date_spans("12.03.2012 12:10"), tuple)  # (shared answers must not be mutable)
    memo = MetaMemo()
    assert [memo[line] for line in lines] == [_meta_of(line) for line in lines]
    pages = ["\n".join(["Title of a page", PARAGRAPH, "2 Comments", "Anna K.", "3 hours ago", "First comment.",
                        "Reply", "Boris", "2 hours ago", "Second comment.", "Reply"])] * 3
    segmenter = load_segmenter()
    batched = segment_texts(pages, segmenter)
    single = segment_text(pages[0], segmenter)
    for result in batched:
        assert [(line.label, line.text) for line in result.lines] == [(line.label, line.text) for line in single.lines]
        assert [(c.author, c.date, c.text) for c in result.comments] == [(c.author, c.date, c.text)
                                                                        for c in single.comments]


@pytest.mark.parametrize(("line", "furniture"), [
    # round 24: state and international media, comment platforms, wires
    ("Facebook Twitter WhatsApp SMS Email Print Copy article link Save", True),
    ("save print", True),
    ("X, Facebook, Email", True),
    ("Copy article link Facebook", True),
    ("Share this Story: Canada joins US in tracking Russian bombers near Alaska", True),
    ("I understand and agree that registration on or use of this site constitutes agreement to its user agreement", True),
    ("Post comment", True),
    ("Playback speed", True),
    ("Save the date: arms control talks resume in Geneva next month", False),
    ("Facebook said it removed 30 accounts linked to the agency.", False),
])
def test_furniture_of_round_24(line: str, furniture: bool) -> None:
    assert _is_furniture(line) is furniture
    assert furniture_flags([line] * 1000)[0] is furniture


def test_show_more_replies_in_a_thread_is_no_comment() -> None:
    assert MORE_COMMENTS_RE.match("Show 3 more replies in this thread")
    assert is_counter("Show 3 more replies in this thread")


def test_reddit_buttons_and_badges_are_no_authors() -> None:
    lines = ["level 1", "ostpolitik_fan", "·", "8 hr. ago", "The swap was negotiated for months.", "42", "Reply",
             "Share", "Report", "Save", "Follow", "level 2", "OP", "vlad_the_accountant", "·", "7 hr. ago",
             "Nobody in Moscow will admit that.", "12", "Reply", "Share", "Report", "Save", "Follow"]
    assert [c.author for c in parse_comments(lines)] == ["ostpolitik_fan", "vlad_the_accountant"]
