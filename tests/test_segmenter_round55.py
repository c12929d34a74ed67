"""Rules of stop 40: Chinese and Japanese pages, whose lines the rules read spaced into pseudo-words (`cues.reading_view`)
while the page prints them unspaced: dates and ages as their comment widgets print them, Facebook plugin threads in
Traditional Chinese (reply word, sort controls, "Top commenter" badge), Chinese and Japanese counters and buttons as
printed and as spaced (`cues.spaced_literal`), and Japanese photo captions kept from the title;
from round 55: comment headers with the verb after the date ("NAME on DATE said:", "NAME schrieb am DATE:"), a number
before them ("1. Posted by NAME on DATE"), a one-word name before "on" and the date, phpBB's "Postby NAME » DATE", and
ages with abbreviated units in Spanish, Portuguese and French; Telegram's post previews, metered paywalls and favourite
buttons as furniture; an outlet's sign-off after an article's last sentence; phpBB 3 posts with the author's profile
under the text and a "Re:" subject over the header; from round 56: VK's "DATE ответила NAME" lines, IntenseDebate's points
between name and age, Blogger's "NAME said..." in more languages and with an abbreviated surname (and its comments that
the model missed), a French article's closing lines."""

from __future__ import annotations

import re

import pytest

from pipeline.segmenter import segment_text
from pipeline.segmenter.comments import MetaMemo, is_button, is_counter, is_date_text, parse_comments
from pipeline.segmenter.cues import reading_view, spaced_literal
from pipeline.segmenter.text import (_is_furniture, _missed_first_comments, _missed_middle_comments, _paragraph,
                                     _thread_row_shapes, dump_lines, furniture_flags)


@pytest.mark.parametrize("date", ["12月30日 12:05", "2016年12月30日", "2016年12月30日 11:42", "3小时前", "5分前", "2時間前",
                                  "3天前", "昨天 21:14", "12月3日"])
def test_chinese_and_japanese_dates_and_ages_are_dates_as_printed_and_as_the_rules_read_them(date: str) -> None:
    assert is_date_text(date)
    assert is_date_text(reading_view([date])[0])


@pytest.mark.parametrize("line", ["美國政府29日宣布，以干預美國總統大選為由", "12月的会谈没有结果", "前天的声明", "日本も参加へ"])
def test_sentences_holding_a_day_or_month_are_no_dates(line: str) -> None:
    assert not is_date_text(line)
    assert not is_date_text(reading_view([line])[0])


def test_a_facebook_plugin_row_in_traditional_chinese_is_buttons_with_its_date() -> None:
    row = "讚 · 回覆 · 58 · 12月30日 12:05"
    assert is_button(row) and is_button(reading_view([row])[0])


@pytest.mark.parametrize("caption", ["記者会見する国務次官＝4日、ワシントン、山本健太撮影", "オンラインで開かれた財務相会合＝2日、財務省提供",
                                     "ウィーンの会場に到着する代表団＝ロイター"])
def test_a_japanese_photo_caption_is_furniture(caption: str) -> None:
    assert _is_furniture(caption)


@pytest.mark.parametrize("line", ["【ワシントン＝山本健太】米国とロシアの両政府は4日、新たな協議を始めることで合意した。",
                                  "2位 円相場、一時1ドル＝148円台に", "ワシントン＝佐伯俊介、東京＝村井由佳"])
def test_a_dateline_a_rate_or_a_byline_with_the_equals_sign_is_no_caption(line: str) -> None:
    assert not _is_furniture(line)


# a Taiwanese portal's article with Facebook's comment plugin, as a select-all copy shows it (our own text)
TAIWAN_PAGE = """環球時報網 Huanqiu Net
首頁 > 國際 > 即時新聞
美俄重啟核裁軍對話 雙方同意明年初在日內瓦會面
2021-06-17 10:20
記者王雅婷／綜合外電報導
美國與俄羅斯總統16日在日內瓦舉行首次峰會，雙方同意就戰略穩定展開對話，並讓兩國大使重返對方首都。這是兩國關係近年來少見的緩和跡象。
白宮在會後發表的聲明中表示，兩國將在未來數月內啟動工作小組，討論軍備管制與降低衝突風險的具體措施。美方官員強調，對話不代表制裁會放寬。
俄方代表團則表示，峰會的氣氛「比預期更具建設性」，但在網路安全與人權問題上雙方仍有明顯分歧。克里姆林宮說，下一步取決於華府的實際行動。
分析人士認為，這次會面的最大成果是恢復溝通管道，至於能否達成新的軍備協議，仍須觀察國會與盟友的反應。
更多環球時報網報導
5 則留言
排序依據
熱門留言
新增留言……
張家豪 · 頂尖留言者
能坐下來談總比互相放話好，但別期待太多
讚 · 回覆 · 31 · 6月17日 11:02
李佩珊
大使能回去就是好事，至少有人可以傳話
讚 · 回覆 · 12 · 6月17日 11:40
陳冠宇
工作小組聽起來很熟悉，上次也是這樣開始的
讚 · 回覆 · 8 · 6月17日 12:15
Facebook 留言外掛程式
關於我們 | 廣告刊登 | 服務條款 | 隱私權政策
"""


def test_a_traditional_chinese_facebook_plugin_thread_is_parsed_with_names_and_dates_as_printed() -> None:
    result = segment_text(TAIWAN_PAGE)
    assert [(comment.author, comment.date) for comment in result.comments] == [
        ("張家豪", "6月17日 11:02"), ("李佩珊", "6月17日 11:40"), ("陳冠宇", "6月17日 12:15")]
    assert result.comments[0].text == "能坐下來談總比互相放話好，但別期待太多"
    labels = {line.text: line.label for line in result.lines}
    for control in ("排序依據", "熱門留言", "新增留言……"):
        assert labels[control] == "boilerplate"
    assert "白宮在會後發表的聲明中表示" in result.body


@pytest.mark.parametrize(("header", "author", "date"), [
    ("Gwen Harlan on December 9, 2011 at 10:22 am said:", "Gwen Harlan", "December 9, 2011 at 10:22 am"),
    ("Kalle_aus_Sontra schrieb am 10.09.2016 um 19:48 Uhr:", "Kalle_aus_Sontra", "10.09.2016 um 19:48 Uhr"),
    ("wanderfreund61 schrieb am 10.09.2016 um 17:31 Uhr:", "wanderfreund61", "10.09.2016 um 17:31 Uhr"),
    ("1. Posted by Dana Whitfield on September 18, 2009 4:52 PM", "Dana Whitfield", "September 18, 2009 4:52 PM"),
    ("12. Heather on October 23rd, 2012 1:37 pm", "Heather", "October 23rd, 2012 1:37 pm"),
    ("jennb33 on October 23rd, 2012 1:38 pm", "jennb33", "October 23rd, 2012 1:38 pm"),
    ("Postby kbernhardt » Fri Jul 09, 2010 11:36 pm", "kbernhardt", "Fri Jul 09, 2010 11:36 pm"),
])
def test_comment_headers_with_a_verb_a_number_or_a_one_word_name(header: str, author: str, date: str) -> None:
    meta = MetaMemo()[header]
    assert (meta.author, meta.date) == (author, date)


@pytest.mark.parametrize("line", ["Posted on October 23rd, 2012", "Updated on May 5, 2019 10:14", "Sunday on May 5, 2019"])
def test_a_date_line_with_a_label_before_on_names_nobody(line: str) -> None:
    assert MetaMemo()[line].author is None


def test_a_numbered_list_item_with_a_date_is_no_header() -> None:
    assert MetaMemo()["1. Sanctions were imposed on May 3, 2019"] is None


@pytest.mark.parametrize("age", ["hace 38 min", "hace 1 h", "há 3 h", "il y a 2 h", "vor 5 Std."])
def test_ages_with_abbreviated_units_in_more_languages_are_dates(age: str) -> None:
    assert is_date_text(age)


def test_a_spanish_thread_with_its_ages_under_the_names() -> None:
    thread = ["Jacinto M.", "hace 38 min", "Nadie cree ya en estas rondas de Estambul.", "Responder", "Me gusta 4",
              "Lucía R.", "hace 1 h", "Al menos vuelven los cónsules, algo es algo.", "Responder", "Me gusta 9"]
    assert [(comment.author, comment.date) for comment in parse_comments(thread)] == [("Jacinto M.", "hace 38 min"),
                                                                                    ("Lucía R.", "hace 1 h")]


@pytest.mark.parametrize("line", [
    "Открыть канал", "Если у вас есть Telegram, вы можете посмотреть публикацию и присоединиться к каналу «Сводки» прямо сейчас.",
    "If you have Telegram, you can view this post and join Bond Notes right away.",
    "Вы прочитали 2 из 3 бесплатных статей в этом месяце. Оформите подписку, чтобы читать без ограничений.",
    "Ajouter à mes favoris", "Add to favorites", "Добавить в избранное"])
def test_telegram_previews_metered_paywalls_and_favourite_buttons_are_furniture(line: str) -> None:
    assert _is_furniture(line)
    assert furniture_flags([line] * 1000)[0]  # (the RE2 passes agree)


@pytest.mark.parametrize("line", ["Open channels of communication stayed shut for most of the year.",
                                  "Add to that the favourites of the Kremlin press pool, and the room was full."])
def test_sentences_that_open_like_those_controls_are_no_furniture(line: str) -> None:
    assert not _is_furniture(line)


@pytest.mark.parametrize(("line", "paragraph"), [
    ("The US embassy in Pretoria declined to comment on the letter, referring questions to Washington. DM", True),
    ("The ministry said talks would resume in the spring after the holidays. — AP", True),
    ("The ministry said talks would resume in the spring after the holidays (Reuters)", False),
    ("Read more about the talks and the people behind them on our site DM", False),
])
def test_an_outlets_sign_off_after_the_last_sentence_keeps_a_paragraph_a_paragraph(line: str, paragraph: bool) -> None:
    assert _paragraph(line) is paragraph


# a phpBB 3 thread as a select-all copy prints it, each post's author block under its text (our own text)
PHPBB_PAGE = """Eastbrook Policy Forum • View topic - What the consulate closures mean
Board index ‹ Russia & Eurasia
What the consulate closures mean
Postby dvorak_k » Sat Sep 02, 2017 9:14 am
Both consulates closed within a week of each other, and nobody in either capital seems to think this is the end of it. The question for this board is what the closures do to the visa queues over the winter.
The embassy says it will absorb the caseload, but it said the same thing last year and the wait times doubled within a month of the first round of staff cuts.
dvorak_k
Moderator
Posts: 2210
Joined: Mon Mar 10, 2008 8:02 pm
Location: Seattle
Top
Re: What the consulate closures mean
Postby annaleigh » Sat Sep 02, 2017 11:40 am
The queues will be worse in the regions than in Moscow, because the regional posts were the ones that took the overflow.
annaleigh
Posts: 318
Joined: Fri Jan 15, 2010 4:21 pm
Top
Re: What the consulate closures mean
Postby petrov_watch » Sat Sep 02, 2017 1:05 pm
Students will feel it first. Exchange programs plan a year ahead and nobody can plan around a closed consulate.
petrov_watch
Posts: 44
Joined: Tue Jun 06, 2017 10:12 am
Location: Tbilisi
Top
Display posts from previous: All posts Sort by Post time Ascending Go
Powered by phpBB © 2000, 2002, 2005, 2007 phpBB Group
"""


def test_a_phpbb3_thread_keeps_each_posts_text_with_its_header_and_leaves_out_profiles_and_subjects() -> None:
    result = segment_text(PHPBB_PAGE)
    assert [(comment.author, comment.date) for comment in result.comments] == [
        ("annaleigh", "Sat Sep 02, 2017 11:40 am"), ("petrov_watch", "Sat Sep 02, 2017 1:05 pm")]
    assert result.comments[0].text.startswith("The queues will be worse in the regions")
    assert result.comments[1].text.startswith("Students will feel it first.")
    labels = [(line.text, line.label) for line in result.lines]
    assert all(label == "boilerplate" for text, label in labels if text.startswith(("Posts:", "Joined:", "Location:", "Re:")))
    assert "Both consulates closed within a week" in result.body


@pytest.mark.parametrize("word", ["コメント", "网友评论", "评论", "コメント(12)"])
def test_chinese_and_japanese_comment_counters_match_as_printed_and_as_spaced(word: str) -> None:
    assert is_counter(word) and is_counter(reading_view([word])[0])


@pytest.mark.parametrize("row", ["いいね · 返信 · 3 · 2時間前", "いいね", "点赞 回复", "返信"])
def test_chinese_and_japanese_buttons_match_as_printed_and_as_spaced(row: str) -> None:
    assert is_button(row) and is_button(reading_view([row])[0])


def test_spaced_literal_leaves_other_words_as_re_escape_does() -> None:
    assert spaced_literal("report abuse") == re.escape("report abuse")
    assert re.fullmatch(spaced_literal("查看更多评论"), "查看 更多 评论")


@pytest.mark.parametrize(("header", "author", "date"), [
    ("30 мар в 16:58 ответила Дмитрию", None, "30 мар в 16:58"),
    ("Gerald Friesen 214p · 2 days ago", "Gerald Friesen", "2 days ago"),
    ("Στέλιος Καρ. είπε...", "Στέλιος Καρ.", None),
    ("Jean Dupont a dit...", "Jean Dupont", None),
])
def test_round_56_headers_vk_replies_intensedebate_points_and_blogger_in_more_languages(header: str, author: str | None,
                                                                                         date: str | None) -> None:
    meta = MetaMemo()[header]
    assert (meta.author, meta.date) == (author, date)


@pytest.mark.parametrize("line", ["Sign Up.", "Read More.", "Log In."])
def test_a_capitalised_button_with_a_full_stop_is_no_abbreviated_name(line: str) -> None:
    assert MetaMemo()[line] is None


@pytest.mark.parametrize("line", [
    "Tous droits de reproduction et de représentation réservés. © Le Courrier de l'Ouest 2015.",
    "Vous avez repéré une erreur dans cet article ? Signalez-la à notre rédaction.",
    "Suivez toute l'actualité de votre ville sur l'application du Courrier, disponible sur iOS et Android."])
def test_a_french_articles_closing_lines_are_furniture(line: str) -> None:
    assert _is_furniture(line) and furniture_flags([line] * 1000)[0]


# a Greek blog on Blogger: "NAME said..." over each comment, its date under the text (our own text)
BLOGGER_THREAD = """Η εβδομάδα στη διπλωματία
Παρασκευή, 14 Δεκεμβρίου 2012
Νέος γύρος συνομιλιών για τα πυρηνικά χωρίς αποτέλεσμα
Οι αντιπροσωπείες των δύο χωρών συναντήθηκαν για τρίτη φορά μέσα στον μήνα, χωρίς να καταλήξουν σε κοινό κείμενο για τον έλεγχο των όπλων.
Σύμφωνα με διπλωματικές πηγές, η διαφωνία αφορά τον τρόπο επαλήθευσης και τον αριθμό των επιθεωρήσεων που θα επιτρέπονται κάθε χρόνο.
Η επόμενη συνάντηση προγραμματίζεται για τον Φεβρουάριο, αλλά καμία πλευρά δεν δεσμεύεται για ημερομηνία.
Αναρτήθηκε από Ο Παρατηρητής στις 11:47 π.μ.
4 σχόλια:
Ανώνυμος είπε...
Πάλι τα ίδια, κάθε μήνα μια συνάντηση και κανένα αποτέλεσμα στο τέλος.
14 Δεκεμβρίου 2012 - 12:05 μ.μ.
Νίκος Παπ. είπε...
Η επαλήθευση ήταν πάντα το δύσκολο σημείο, από την εποχή του ψυχρού πολέμου.
14 Δεκεμβρίου 2012 - 12:38 μ.μ.
Ελένη Κ. είπε...
Καλή η ανάλυση, αλλά θα ήθελα περισσότερα για τη θέση της Ευρώπης.
14 Δεκεμβρίου 2012 - 1:14 μ.μ.
Ο Παρατηρητής είπε...
Ελένη, θα ανεβάσουμε σύντομα ξεχωριστή ανάρτηση για αυτό.
14 Δεκεμβρίου 2012 - 3:52 μ.μ.
Δημοσίευση σχολίου
"""


def test_a_blogger_thread_gives_each_comment_the_date_under_its_text() -> None:
    lines = BLOGGER_THREAD.splitlines()
    thread = lines[lines.index("4 σχόλια:") + 1:-1]
    assert [(comment.author, comment.date) for comment in parse_comments(thread)] == [
        ("Ανώνυμος", "14 Δεκεμβρίου 2012 - 12:05 μ.μ."), ("Νίκος Παπ.", "14 Δεκεμβρίου 2012 - 12:38 μ.μ."),
        ("Ελένη Κ.", "14 Δεκεμβρίου 2012 - 1:14 μ.μ."), ("Ο Παρατηρητής", "14 Δεκεμβρίου 2012 - 3:52 μ.μ.")]
    result = segment_text(BLOGGER_THREAD)
    assert [comment.author for comment in result.comments] == ["Ανώνυμος", "Νίκος Παπ.", "Ελένη Κ.", "Ο Παρατηρητής"]


def test_an_echo_stream_gives_each_comment_the_age_in_the_row_under_its_text() -> None:
    thread = ["CupertinoMom", "Bring your checkbook and leave the export licenses at home.",
              "about 1 hour ago via Echo · Reply · Like", "sj_engineer", "If they fix the courts, some of us would go back.",
              "about 2 hours ago via Echo · Reply · Like", "4 people liked this.", "policy_nerd",
              "Delegation on Sand Hill today. Busy day.", "about 3 hours ago via Twitter · Reply"]
    assert [(comment.author, comment.date) for comment in parse_comments(thread)] == [
        ("CupertinoMom", "about 1 hour ago"), ("sj_engineer", "about 2 hours ago"), ("policy_nerd", "about 3 hours ago")]


def test_about_before_an_age_is_no_name() -> None:
    assert (MetaMemo()["about 1 hour ago"].author, MetaMemo()["about 1 hour ago"].date) == (None, "about 1 hour ago")


def test_a_markdown_links_text_cut_over_three_lines_is_joined_and_its_address_dropped() -> None:
    page = "\n".join(["# Title", "[a](https://x.example/1) [b](https://x.example/2) [c](https://x.example/3)", "",
                      "**À lire aussi :** [Mer Noire : comment la guerre a redessiné la carte des", "patrouilles",
                      "aériennes](https://www.example.fr/international/mer-noire_5417.html)", "", "Un paragraphe."])
    texts = [text for _, text in dump_lines(page)]
    assert "À lire aussi : Mer Noire : comment la guerre a redessiné la carte des patrouilles aériennes" in texts
    assert not any("https://" in text for text in texts)


@pytest.mark.parametrize("line", ["Xếp theo: Mới nhất | Được thích nhiều nhất", "Bạn cần đăng nhập để bình luận"])
def test_vietnamese_comment_controls_are_furniture(line: str) -> None:
    assert _is_furniture(line) and furniture_flags([line] * 1000)[0]


def test_comments_the_model_missed_above_and_between_a_threads_rows_of_buttons() -> None:
    labels = ["body", "boilerplate", "boilerplate", "boilerplate", "comment", "comment", "comment", "comment", "comment",
              "comment", "boilerplate", "boilerplate", "comment", "comment", "comment", "comment", "boilerplate"]
    lines = ["Bài viết kết thúc ở đây với một câu dài đủ để là đoạn văn.", "Nguyễn Văn An",
             "Gặp nhau được là tốt rồi, hai bên chỉ đấu khẩu qua báo chí.", "4 giờ trước · Thích (57) · Trả lời",
             "hoangyen.sg", "Không có Ukraine ngồi cùng bàn thì khó có thỏa thuận bền vững.",
             "4 giờ trước · Thích (38) · Trả lời", "Trần Quốc Việt", "Đây mới là vòng thăm dò, các bên sẽ còn gặp nhau.",
             "3 giờ trước · Thích (12) · Trả lời", "minhtam1979", "Giá xăng trong nước có giảm không các bác ơi?",
             "2 giờ trước · Thích (21) · Trả lời", "Lý Văn Sang", "Chọn Alaska cũng có ý nghĩa lịch sử riêng của nó.",
             "1 giờ trước · Thích (6) · Trả lời", "Xem thêm bình luận"]
    metas, shapes = MetaMemo(), _thread_row_shapes(lines, labels)
    assert shapes == {"# giờ trước · Thích (#) · Trả lời"}
    assert _missed_first_comments(lines, labels, metas, shapes) == [1, 2]
    assert _missed_middle_comments(lines, labels, metas, shapes) == [10, 11]



@pytest.mark.parametrize(("header", "author", "date"), [
    ("1.Posté par Pape Diouf le 04/10/2016 09:31", "Pape Diouf", "04/10/2016 09:31"),
    ("Door Henk de Vries op 12 september 2014 om 17:21", "Henk de Vries", "12 september 2014 om 17:21"),
    ("Inviato il 09/07/2010 alle 15:42 | Segnala abuso", None, "09/07/2010 alle 15:42"),
    ("Sunday, August 26, 2012 at 11:49 am | Permalink", None, "Sunday, August 26, 2012 at 11:49 am"),
    ("Il Grillo 3 days ago", "Il Grillo", "3 days ago"),
])
def test_stop_40_headers_in_french_dutch_and_italian_and_a_button_after_the_date(header: str, author: str | None,
                                                                                  date: str) -> None:
    meta = MetaMemo()[header]
    assert (meta.author, meta.date) == (author, date)


@pytest.mark.parametrize("row", ["Alerter", "Reageer | Waardeer (12) | Meld misbruik"])
def test_french_and_dutch_comment_buttons(row: str) -> None:
    assert is_button(row)


@pytest.mark.parametrize("line", ["I commenti sono moderati. Prima di scrivere leggi le regole della community.",
                                  "Les commentaires sont modérés avant publication.", "Kommentare werden moderiert."])
def test_moderation_notices_in_more_languages_are_furniture(line: str) -> None:
    assert _is_furniture(line) and furniture_flags([line] * 1000)[0]
