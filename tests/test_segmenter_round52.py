"""Rules from rounds 52-53 of probe pages (stop 39): what stands over a thread's first comment (a comment box's
placeholder, a comment form's labels over a notice), badges between a commenter's name and the date, Disqus's rows of
buttons in any language, Facebook plugin rows in Swedish and Chinese, a day and month without the year before a time,
Hungarian ages spelled with "egy", a notice on a subscriber debate, Portuguese "Gosto" and a Korean sort label."""

from __future__ import annotations

import pytest

from pipeline.segmenter import clear_line_caches, segment_text
from pipeline.segmenter.comments import (_header_badges, _Meta, is_button, is_counter, is_date_text, parse_comments,
                                         parse_comments_and_strays)
from pipeline.segmenter.cues import reading_view
from pipeline.segmenter.text import _is_furniture, furniture_flags


def _parsed(lines: list[str]) -> list[tuple[str | None, str | None, str]]:
    return [(comment.author, comment.date, comment.text) for comment in parse_comments(lines)]


@pytest.mark.parametrize("row", ["12 △ ▽ • Reply • Share ›", "15 • Rispondi•Condividi ›", "7 △ ▽ • Cevapla • Paylaş ›",
                                 "8 • Răspunde • Distribuie ›", "△ ▽ • Antworten • Teilen ›", "4 △ ▽ • Válasz • Megosztás ›"])
def test_disqus_rows_are_buttons_in_any_language(row: str) -> None:
    assert is_button(row)


@pytest.mark.parametrize("line", ["Home › World ›", "Politics • World • Europe", "12 • 14 • 16 ›", "Europe • Asia ›"])
def test_other_lines_with_bullets_or_an_arrow_are_no_disqus_row(line: str) -> None:
    assert not is_button(line)


# a Disqus thread as an Italian regional paper printed it in 2013 (our own text)
PLACEHOLDER_THREAD = ["Partecipa alla discussione...", "Nadia Ruggeri • 5 ore fa", "Il porto merita un piano serio, non voci.",
                      "Tommaso B. • 4 ore fa", "Le voci girano da settimane, nessuno smentisce.",
                      "ex_camallo • 2 ore fa", "Chi ha lavorato in banchina sa che non si fa in un giorno."]


def test_a_comment_boxs_placeholder_over_the_first_header_is_left_out_and_texts_stay_with_their_headers() -> None:
    comments, strays = parse_comments_and_strays(PLACEHOLDER_THREAD)
    assert [(comment.author, comment.date) for comment in comments] == [
        ("Nadia Ruggeri", "5 ore fa"), ("Tommaso B.", "4 ore fa"), ("ex_camallo", "2 ore fa")]
    assert comments[0].text == "Il porto merita un piano serio, non voci."
    assert strays == [0]


def test_a_first_comment_ending_in_an_ellipsis_stays_where_comments_close_with_their_header() -> None:
    # text, then its "NAME • age" line under it: the short first line is the first comment's text
    thread = ["Well, we will see...", "Nadia Ruggeri • 5 ore fa", "Nobody asked the dockers, as usual.",
              "Tommaso B. • 4 ore fa"]
    assert [(author, date) for author, date, _ in _parsed(thread)] == [("Nadia Ruggeri", "5 ore fa"),
                                                                       ("Tommaso B.", "4 ore fa")]
    assert _parsed(thread)[0][2] == "Well, we will see..."


# a comment form over an Estonian portal's anonymous comments (our own text)
FORM_THREAD = ["Nimi", "Kommentaar", "Saada kommentaar",
               "Kommentaaride eest vastutavad nende autorid. Toimetus võib kommentaari eemaldada.",
               "Mart 03.10.2016 19:12", "Lepingud on paberil, aga usaldust pole kummalgi poolel.",
               "linnainimene 03.10.2016 19:30", "Hea ülevaade, aitäh.",
               "Mart 03.10.2016 19:41", "Vähemalt räägitakse veel omavahel."]


def test_a_comment_forms_labels_and_its_notice_over_the_thread_are_no_comment() -> None:
    comments, strays = parse_comments_and_strays(FORM_THREAD)
    assert [(comment.author, comment.date) for comment in comments] == [
        ("Mart", "03.10.2016 19:12"), ("linnainimene", "03.10.2016 19:30"), ("Mart", "03.10.2016 19:41")]
    assert strays == [0, 1, 2, 3]


def test_two_names_over_a_text_that_is_no_notice_are_not_a_form() -> None:
    # a commenter's name and town over the text: kept
    thread = ["Mart", "Tartu", "Lepingud on paberil, aga usaldust pole kummalgi poolel.", "linnainimene 03.10.2016 19:30",
              "Hea ülevaade, aitäh."]
    comments, strays = parse_comments_and_strays(thread)
    assert strays == [] and comments[0].text.startswith("Lepingud")


def test_a_notice_on_a_subscriber_debate_over_the_thread_is_left_out() -> None:
    thread = ["Du skal være abonnent for at deltage i debatten. Husk at skrive under fuldt navn.",
              "Karen Holm", "for 5 timer siden", "Det minder om firserne.", "Svar",
              "Poul Berg", "for 3 timer siden", "Enig, men der er færre samtaler nu.", "Svar"]
    comments, strays = parse_comments_and_strays(thread)
    assert [(comment.author, comment.date) for comment in comments] == [("Karen Holm", "for 5 timer siden"),
                                                                        ("Poul Berg", "for 3 timer siden")]
    assert strays == [0]


@pytest.mark.parametrize("age", ["egy órája", "egy perce", "egy napja", "egy hete", "egy hónapja", "egy éve"])
def test_hungarian_ages_of_one_unit_are_dates(age: str) -> None:
    assert is_date_text(age)


def test_a_disqus_reply_header_with_a_hungarian_age_of_one_hour_gives_name_and_date() -> None:
    thread = ["Kovács Anna • 2 órája", "Ez csak papíron működik.", "3 △ ▽ • Válasz • Megosztás ›",
              "kékmadár → Kovács Anna • egy órája", "Majd meglátjuk.", "1 △ ▽ • Válasz • Megosztás ›"]
    assert [(author, date) for author, date, _ in _parsed(thread)] == [("Kovács Anna", "2 órája"),
                                                                       ("kékmadár", "egy órája")]


# a veterans' community site's comments, 2023 (our own text): name, service badge, date, text
BADGED_THREAD = ["Dale Hutchins", "U.S. Army · 2001-2009", "Jun 14, 2023 at 9:03 AM", "Praying this gets resolved soon.",
                 "Like (12)", "Reply", "Maria Esposito", "U.S. Navy · 1995-2015", "Jun 14, 2023 at 10:40 AM",
                 "The consular access issue is the real story here.", "Like (8)", "Reply"]


def test_a_badge_between_a_commenters_name_and_the_date_stays_out_of_the_comment() -> None:
    assert _parsed(BADGED_THREAD) == [("Dale Hutchins", "Jun 14, 2023 at 9:03 AM", "Praying this gets resolved soon."),
                                      ("Maria Esposito", "Jun 14, 2023 at 10:40 AM",
                                       "The consular access issue is the real story here.")]


@pytest.mark.parametrize(("between", "badges"), [("U.S. Army · 2001-2009", [1, 5]), ("+ altops", []),
                                                  ("10. Serdane", []), ("It was a long day.", [])])
def test_a_line_between_a_name_and_a_date_is_a_badge_unless_it_reads_as_a_name_or_a_sentence(
        between: str, badges: list[int]) -> None:
    # (the header tests missed a name with a list's mark: it is the next commenter's, under a line read as a name)
    lines = ["Report Post »", between, "Jun 14, 2023", "Text of the first comment here.",
             "Report Post »", between, "Jun 15, 2023", "Text of the second comment here."]
    name, date = _Meta(author="Report Post »"), _Meta(date="Jun 14, 2023")
    kinds = [("meta", name), ("text", between), ("meta", date), ("text", lines[3])] * 2
    assert _header_badges(kinds, lines) == badges


@pytest.mark.parametrize("row", ["Responder Gosto (5) Denunciar", "Gosto (12)"])
def test_european_portuguese_like_buttons_are_buttons(row: str) -> None:
    assert is_button(row)


def test_a_korean_sort_control_with_its_label_is_a_counter() -> None:
    assert is_counter("정렬 최신순 | 공감순")


@pytest.mark.parametrize("date", ["14 november kl. 08:21", "14 maj kl. 08:21", "September 15 at 7:12pm",
                                  "November 1 at 2:57 pm", "3. März um 14:05"])
def test_a_day_and_month_without_the_year_before_a_time_is_a_date(date: str) -> None:
    assert is_date_text(date)


@pytest.mark.parametrize("text", ["see you 14 november at 5pm", "Room 14 november 08:21 booked"])
def test_a_day_and_month_amid_other_words_is_no_date_line(text: str) -> None:
    assert not is_date_text(text)


@pytest.mark.parametrize("row", ["Svara · Gilla · 14 · 14 november kl. 08:21", "讚 · 回覆 · 3 · 12月30日 12:05"])
def test_facebook_plugin_rows_in_swedish_and_traditional_chinese_are_buttons(row: str) -> None:
    assert is_button(row)


FURNITURE_LINES = ["Ta strona używa plików cookies. Korzystając ze strony wyrażasz zgodę na ich używanie.",
                   "熱門搜尋：外交 制裁 年金", "有料会員登録はこちら", "日報デジタルの有料会員になると、すべての記事が読めます。",
                   "Sign up for Night Ledger, our free weekly newsletter on foreign affairs.",
                   "The Harbor Post is a nonprofit newsroom. Become a member today."]
NOT_FURNITURE = ["The senator said she would sign up for the program, the newsletter reported.",
                 "Club members become a force today, the organisers said.", "Ta strona sporu ma rację, mówi minister."]


def test_cookie_notices_trending_bars_paywall_offers_newsletters_and_appeals_of_round_53_are_furniture() -> None:
    clear_line_caches()
    assert [_is_furniture(line) for line in FURNITURE_LINES + NOT_FURNITURE] == [True] * 6 + [False] * 3
    assert furniture_flags((FURNITURE_LINES + NOT_FURNITURE) * 120)[:9] == [True] * 6 + [False] * 3  # the RE2 passes


def test_furniture_written_in_chinese_or_japanese_is_found_in_the_pages_own_text_not_only_the_reading_view() -> None:
    page = "\n".join(["台北日報", "熱門搜尋：外交 制裁 年金 寒流", "美國驅逐俄國外交官",
                      "美國政府宣布驅逐三十五名俄國外交官，並關閉兩處俄方設施，以回應干預選舉的指控。",
                      "俄方表示將研究對等回應，但暫不採取行動，外界關注兩國關係走向。"])
    trending = next(line for line in segment_text(page).lines if line.text.startswith("熱門搜尋"))
    assert reading_view([trending.text])[0] != trending.text  # the rules read it spaced apart...
    assert trending.label == "boilerplate"  # ...and still find the bar's words
