"""Rules from the tenth round of probe pages: a chronology's dated entries, skip links and headlines in other
languages, the comment widgets of Turkish, Korean, Belarusian and LiveJournal pages, and a post's tags and
previous/next links above its comments."""

from __future__ import annotations

import pytest

from pipeline.segmenter.comments import MetaMemo, is_button, is_counter
from pipeline.segmenter.cues import interstitial_lines, reading_view
from pipeline.segmenter.text import (_comment_opening, _heading_like, _is_furniture, _overlap, apply_rules, find_title,
                                     is_skip_link, unwrap_lines, wrap_width)

INTRO = "For decades the two capitals relied on a web of treaties to cap their arsenals, and most of it is gone now."


def test_a_chronologys_dated_entries_are_body_not_comments_without_names() -> None:
    lines = [INTRO, "April 2010", "The presidents signed the treaty in Prague, capping deployed warheads at 1,550.",
             "Feb. 5, 2011", "The treaty entered into force after both parliaments ratified it.",
             "Advertisement",
             "Aug. 2, 2019", "Washington withdrew from the intermediate-range treaty, citing a Russian missile.",
             "Comments (1)", "Dale Whitcombe", "Dec. 5, 2026", "Useful summary, thank you.", "Reply"]
    labels = ["body", "boilerplate"] + ["comment"] * 4 + ["comment"] * 2 + ["boilerplate"] + ["comment"] * 3 \
        + ["boilerplate"]
    assert apply_rules(lines, labels) == ["body"] * 5 + ["boilerplate"] + ["body"] * 2 + ["boilerplate"] \
        + ["comment"] * 3 + ["boilerplate"]


@pytest.mark.parametrize("stamps", [
    # reader comments under bare dates of one season: no chronology (a single year)
    ["Dec. 3, 2026", "Dec. 4, 2026", "Dec. 5, 2026"],
    # stamps with a clock time are comments' stamps, whatever years they span
    ["Dec 6th, 2009 at 6:06 am", "Jan 1st, 2010 at 10:18 pm", "Apr 13th, 2010 at 3:08 pm"],
])
def test_comments_under_bare_dates_or_timed_stamps_stay_comments(stamps: list[str]) -> None:
    lines = [INTRO]
    for stamp in stamps:
        lines += [stamp, "The talks will fail again, mark my words, they always do."]
    labels = ["body"] + ["comment"] * (len(lines) - 1)
    assert apply_rules(lines, labels) == labels


def test_a_blogs_monthly_archive_under_the_comments_is_no_chronology() -> None:
    months = ["October 2009", "September 2009", "August 2009", "July 2009", "June 2008", "May 2008"]
    lines = [INTRO, "Great post, thanks for writing it up.", *months]
    labels = ["body", "comment"] + ["boilerplate"] * len(months)
    assert apply_rules(lines, labels) == labels


@pytest.mark.parametrize("line, skip", [
    ("メインコンテンツへスキップ", True), ("本文へ移動", True), ("跳到主要内容", True), ("본문 바로가기", True),
    ("Zum Inhalt springen", True), ("Aller au contenu principal", True), ("Перейти к содержанию", True),
    ("Перейти до основного вмісту", True), ("انتقل إلى المحتوى", True), ("[1]Skip to main content", True),
    ("Zum Inhalt der Verhandlungen sagte Lawrow nichts", False), ("Перейти к содержанию переговоров нельзя", False),
])
def test_skip_links_in_other_languages(line: str, skip: bool) -> None:
    assert is_skip_link(line) is skip
    if "スキップ" in line:  # the title search reads Japanese through the reading view, with its pseudo-words
        assert is_skip_link(reading_view([line])[0])


def test_a_japanese_headline_under_the_sites_name_and_menu_is_the_title() -> None:
    lines = ["メインコンテンツへスキップ", "あさなぎ新聞デジタル", "ログイン", "会員登録", "トップ", "速報", "政治", "国際",
             "米ロ外相が電話会談 ウクライナ停戦協議の再開巡り「意見交換」", "2026年12月5日 11時42分",
             "米国務省は4日、国務長官がロシアの外相と電話で会談したと発表した。両外相の協議は約8カ月ぶりで、ウクライナでの停戦協議の再開に向けた条件などについて意見を交わしたという。",
             "ロシア外務省も同日、会談で「意見交換」を行ったと認める声明を出した。停戦協議の再開の日程には触れなかった。"]
    view = reading_view(lines)
    labels = ["boilerplate"] * 10 + ["body"] * 2
    assert find_title(view, labels) == 8
    # character pairs, not pseudo-words, measure a Chinese or Japanese line's overlap with the article
    assert _overlap(view[8], " ".join(view[10:])) > 0.5 > _overlap(view[1], " ".join(view[10:]))


@pytest.mark.parametrize("line", ["Yanıtla", "Cevapla", "Beğen (14)", "Beğenme (3)", "답글 2", "공감 12 비공감 3",
                                  "Адказаць", "Ссылка", "Ветвь дискуссии", "Выше по ветке", "Развернуть"])
def test_comment_buttons_of_more_languages(line: str) -> None:
    assert is_button(line) and not is_counter(line)


@pytest.mark.parametrize("line", ["Yorumlar (5)", "댓글 4", "Каментары (4)", "Daha fazla yorum yükle", "댓글 더보기",
                                  "순공감순 최신순 공감비율순"])
def test_comment_counters_and_sort_controls_of_more_languages(line: str) -> None:
    assert is_counter(line) and not is_button(line)


@pytest.mark.parametrize("line", ["Yorumlar kullanıcılar tarafından yazılmaktadır.", "Yine masaya oturacaklar.",
                                  "대화를 다시 시작한다니 다행이네요.", "Ссылка на источник в тексте статьи неверна."])
def test_comment_texts_are_no_buttons_or_counters(line: str) -> None:
    assert not is_button(line) and not is_counter(line)


@pytest.mark.parametrize("line", ["2 saat önce", "15 dakika önce", "3시간 전", "2 гадзіны таму", "Учора"])
def test_ages_of_more_languages_are_dates(line: str) -> None:
    meta = MetaMemo()[line]
    assert meta is not None and meta.date == line and not meta.author


def test_a_comment_without_a_date_opens_at_the_name_over_its_text_not_at_the_forms_prompts() -> None:
    lines = ["Adınız", "E-posta adresiniz", "Gönder", "Hakan_Ç", "Yine masaya oturacaklar, yine bir şey çıkmayacak."]
    assert _comment_opening(lines, list(range(len(lines))), MetaMemo()) == 3
    # a short reply that reads like a name is the comment's text, not its opening
    lines = ["Hakan_Ç", "Aynen katılıyorum"]
    assert _comment_opening(lines, [0, 1], MetaMemo()) == 0


def test_a_korean_comment_section_the_model_missed_is_found_by_its_reply_buttons() -> None:
    lines = [INTRO, "댓글 4", "댓글 입력", "로그인 후 댓글을 작성할 수 있습니다.", "순공감순 최신순 공감비율순"]
    for name, stamp, comment in [("kim****", "2026.12.05 15:02", "대화를 다시 시작한다니 다행이네요. 안 만나는 것보다는 낫습니다."),
                                 ("park****", "2026.12.05 15:20", "제재 완화를 조건으로 내거는 건 결국 협상을 안 하겠다는 뜻 아닌가요"),
                                 ("ljh7****", "2026.12.05 15:47", "제네바 회담 결과 나오면 후속 기사 부탁드립니다 정말로요")]:
        lines += [name, stamp, comment, "답글 0", "공감 4 비공감 0"]
    labels = apply_rules(lines, ["body"] + ["boilerplate"] * (len(lines) - 1))
    assert [line for line, label in zip(lines, labels) if label == "comment"] == \
        [line for index, line in enumerate(lines[5:]) if index % 5 < 3]


@pytest.mark.parametrize("line", ["Метки: архив, дипломатия, санкции", "Tags: Automotive, Honda",
                                  "Предыдущая запись: Итоги года", "Next post: The view from Geneva"])
def test_a_posts_tags_and_neighbour_links_are_no_comment(line: str) -> None:
    lines = [INTRO, line, "olga_kaluga", "2026-12-05 12:14 (UTC)", "Спасибо за разбор, очень точно написано."]
    assert apply_rules(lines, ["body"] + ["comment"] * 4)[1] == "boilerplate"


@pytest.mark.parametrize("line, furniture", [
    ("Microsoft may earn an Affiliate Commission if you purchase something through recommended links.", True),
    ("We may earn a commission when you buy through links on our site.", True),
    ("By signing up, you agree to our Terms of Use and Privacy Policy.", True),
    ("Share on Facebook Share on X Share on LinkedIn Share via Email", True),
    ("Edition: US UK Europe", True),
    ("The commission may earn a reprieve if the ministers agree.", False),
    ("Share on Facebook", True),  # (71 of 71 such lines of the training pages are boilerplate in Dragnet's gold)
    ("Shared on Facebook", False),  # a comment plugin's note under a comment
    ("Share prices of Facebook rose sharply", False),
    ("By signing the accord, Moscow agreed to resume inspections.", False),
])
def test_affiliate_and_sign_up_disclosures_share_rows_and_edition_switchers_are_furniture(
        line: str, furniture: bool) -> None:
    assert _is_furniture(line) is furniture


@pytest.mark.parametrize("line, heading", [
    ("Search All NYTimes.com", False), ("Search This Site Go", False), ("Search with your voice", False),
    ("Story by Rebecca Aldana • 3h", False),
    ("Search for survivors resumes after quake", True), ("Story of a summit that never was", True),
])
def test_search_boxes_and_story_bylines_are_no_headlines(line: str, heading: bool) -> None:
    assert _heading_like(line, 4) is heading


def test_a_sponsored_grid_between_paragraphs_does_not_end_the_article() -> None:
    paragraph = "The Kremlin confirmed that talks had taken place but gave few details about who would be freed."
    grid = ["Sponsored Content", "Seniors Are Ditching Their Old Phones for This New Device", "TechDaily Review", "Ad",
            "The Backyard Trick That Keeps Mosquitoes Away", "Garden Hacks Weekly", "Ad"]
    assert interstitial_lines([paragraph, *grid, paragraph]) == list(range(1, 8))
    # a "Sponsored Links" box over the article's own headline, with no ad mark: not taken
    box = ["Sponsored Links", "RedNotebook Portable 1.6.1 Released", "Submitted by vf2nsr on November 12, 2012"]
    assert interstitial_lines([paragraph, *box, paragraph]) == []


BRIEF = """For the first time in more than half a century, the United States and Rus-
sia have no binding limits on their strategic nuclear forces. The expiry of
New START left behind a patchwork of political pledges, and neither gov-
ernment has yet set out what, if anything, should replace it.1
Washington has said it will not exceed the central limits of the expired
treaty as long as Moscow does the same. Russian officials have offered a
similar pledge in speeches, while insisting that any future framework must
also cover British and French forces and American missile defences.2
1 The treaty's final data exchange took place in 2022; see Arms Control Monitor, vol. 9 (2025), pp. 4-7.
2 Remarks by the Russian deputy foreign minister at a press conference in Moscow, 14 October 2026.
Managing the Gap: US-Russia Strategic Stability Without a Treaty
1
Key findings
• Informal data exchanges could be revived at low political cost and would
reduce the risk of worst-case planning in Washington and Moscow.
The war in Ukraine has further narrowed the space for talks. Since 2022
the Kremlin has treated arms control as one element of a broader bargain
with the West, and has tied progress to the easing of sanctions.
Managing the Gap: US-Russia Strategic Stability Without a Treaty
2"""


def test_a_pdfs_text_is_unwrapped_at_its_paragraphs_width_despite_longer_footnotes() -> None:
    numbered = list(enumerate(BRIEF.splitlines()))
    assert wrap_width(numbered) == 75  # not the footnotes' 100+ characters
    joined = [text for _, text in unwrap_lines(numbered)]
    assert joined[0].startswith("For the first time") and "United States and Russia have" in joined[0] \
        and "neither government has" in joined[0] and joined[0].endswith("replace it.1")
    assert "1" in joined and "2" in joined  # page numbers stay lines of their own
    assert "Key findings" in joined  # a heading over a list item is not joined to the line above


def test_a_pdfs_footnotes_running_titles_and_page_numbers_are_boilerplate() -> None:
    lines = [text for _, text in unwrap_lines(list(enumerate(BRIEF.splitlines())))]
    labels = apply_rules(lines, ["body"] * len(lines))
    boilerplate = {line[:20] for line, label in zip(lines, labels) if label == "boilerplate"}
    assert boilerplate == {"1 The treaty's final", "2 Remarks by the Rus", "Managing the Gap: US", "1", "2"}
    # the same lines on a page whose numbers are no page numbers in order ("24", "2012": a date's parts) stay body
    dated = [line if not line.isdigit() else {"1": "24", "2": "2012"}[line] for line in lines]
    assert "body" in [label for line, label in zip(dated, apply_rules(dated, ["body"] * len(dated)))
                      if line.startswith("Managing")]


def test_a_link_to_another_article_under_the_last_paragraph_is_boilerplate() -> None:
    lines = [INTRO, "Read more: What we know about the Americans detained in Russia", "Topics"]
    assert apply_rules(lines, ["body", "body", "boilerplate"]) == ["body", "boilerplate", "boilerplate"]
    # a sentence that starts like one is no link
    lines = [INTRO, "Read more closely, the statement offers Moscow nothing new on inspections."]
    assert apply_rules(lines, ["body", "body"]) == ["body", "body"]


def test_a_share_row_with_print_and_email_links_is_furniture() -> None:
    assert _is_furniture("Share on Facebook   Share on X   Share by email   Print")


def test_a_feeds_items_with_summaries_are_boilerplate_but_short_dated_comments_are_not() -> None:
    items = ["Russia and Belarus hold joint air defence drills near Polish border", "Dec 5, 2026",
             "Exercises involving fighter jets will run until Monday, the defence ministry said.",
             "US envoy meets Ukrainian officials in Kyiv ahead of Geneva talks", "Dec 4, 2026",
             "The visit comes days before a planned meeting between the negotiators.",
             "Kremlin names new ambassador to Washington after months-long vacancy", "Dec 3, 2026",
             "The career diplomat previously served as deputy foreign minister."]
    labels = apply_rules([INTRO, *items], ["body"] + ["comment"] * len(items))
    assert labels == ["body"] + ["boilerplate"] * len(items)
    comments = ["Michael Brenner", "Aug 9 2012", "Thanks Timo, you always know how to break things down.",
                "Josh Klein", "Aug 9 2012", "Thanks so much for that link. It is perfect.",
                "Anna Weber", "Aug 10 2012", "I figured the translation was off somewhere."]
    assert apply_rules([INTRO, *comments], ["body"] + ["comment"] * 9) == ["body"] + ["comment"] * 9


@pytest.mark.parametrize("line", [
    "The post Senate committee advances bill on oil price cap appeared first on Example Monitor.",
    "Link: https://examplemonitor.org/2026/12/05/senate-committee-oil-price-cap-bill/"])
def test_a_feed_items_footer_and_labelled_link_are_furniture(line: str) -> None:
    assert _is_furniture(line)
    assert not _is_furniture("The post of ambassador appeared vacant for months.")


@pytest.mark.parametrize("line, author, date", [
    ("vrbanac 4 hours ago | parent | next [–]", "vrbanac", "4 hours ago"),
    ("mpalmer_ 3 hours ago | root | parent | next [–]", "mpalmer_", "3 hours ago"),
    ("t_vanderbeek 2 hours ago | prev [–]", "t_vanderbeek", "2 hours ago"),
])
def test_a_discussion_sites_thread_links_are_left_out_of_a_comments_date(line: str, author: str, date: str) -> None:
    meta = MetaMemo()[line]
    assert meta is not None and (meta.author, meta.date) == (author, date)


def test_a_social_posts_link_preview_is_boilerplate_but_a_domain_in_an_article_is_not() -> None:
    post = ["Russia's foreign ministry says it is ready in principle to discuss a new limit on missiles.",
            "LAKESHORECOURIER.COM", "Moscow signals openness to missile talks, but ties them to sanctions relief",
            "Negotiators met quietly in Vienna this week.", "All reactions:", "1.4K"]
    labels = apply_rules(post, ["body", "boilerplate", "body", "body", "body", "boilerplate"])
    assert labels == ["body"] + ["boilerplate"] * 5
    article = [INTRO, "NBCOlympics.com", "NBC's Costas says he plans to honor Israelis", INTRO]
    assert apply_rules(article, ["body", "boilerplate", "body", "body"]) == ["body", "boilerplate", "body", "body"]


def test_a_readers_name_and_age_is_a_comments_author_and_vote_arrows_are_buttons() -> None:
    meta = MetaMemo()["Harold Benning, 67"]
    assert meta is not None and meta.author == "Harold Benning" and meta.date is None
    assert MetaMemo()["Moscow, 2026"] is None  # a place and a year
    assert is_button("👍 27 👎 1") and is_button("▲ 4 ▼") and not is_button("👍 Great point, 27 of us agree")


def test_belarusian_read_also_links_between_paragraphs_are_hidden_from_the_network() -> None:
    paragraph = "Дэлегацыі ЗША і Расіі ў пятніцу завяршылі ў Жэневе двухдзённыя перамовы аб стратэгічнай стабільнасці."
    lines = [paragraph, "Чытайце таксама:", "Лукашэнка заявіў, што Беларусь не будзе прадметам гандлю",
             "Еўрасаюз абмяркоўвае новы пакет санкцый", paragraph]
    assert interstitial_lines(lines) == [1, 2, 3]


@pytest.mark.parametrize("line, furniture", [
    ("Continued on page 3: What the Pentagon fears most", True), ("Next page ›", True), ("Continue to page 2", True),
    ("Talks continued on page after page of draft text, one diplomat said.", False),
])
def test_a_paged_articles_links_to_its_other_pages_are_furniture(line: str, furniture: bool) -> None:
    assert _is_furniture(line) is furniture


@pytest.mark.parametrize("line", ["जवाब दें", "पसंद (15)", "پاسخ", "+5 / -1"])
def test_hindi_and_persian_comment_buttons_and_plus_minus_ratings(line: str) -> None:
    assert is_button(line)


@pytest.mark.parametrize("line", ["टिप्पणियाँ (3)", "نظرات (3)", "और टिप्पणियाँ देखें"])
def test_hindi_and_persian_comment_counters(line: str) -> None:
    assert is_counter(line)


@pytest.mark.parametrize("line", ["2 घंटे पहले", "۲ ساعت پیش", "05 दिसंबर 2026, 13:10", "۱۴ آذر ۱۴۰۵ - ۱۵:۱۰"])
def test_hindi_and_persian_ages_and_dates(line: str) -> None:
    meta = MetaMemo()[line]
    assert meta is not None and meta.date and not meta.author


def test_hindi_words_keep_their_vowel_signs() -> None:
    from pipeline.segmenter.cues import WORD_RE
    assert WORD_RE.findall("भारत को मध्यस्थ की भूमिका निभानी चाहिए।") == ["भारत", "को", "मध्यस्थ", "की", "भूमिका", "निभानी",
                                                                      "चाहिए"]


@pytest.mark.parametrize("line, heading", [
    ("صفحه نخست » بین‌الملل » آمریکا", False),  # a trail of sections
    ("dy/dan » Blog Archive » 1,400 Rectangles", True),  # a blog's page title: its last part is the post's
    ("کد خبر: ۱۸۴۲۷۶۵", False), ("Story ID: 5214433", False),
    ("Russia and the West: 2026", True),
    ("मुख्य सामग्री पर जाएं", False),
])
def test_section_trails_record_numbers_and_skip_links_are_no_headlines(line: str, heading: bool) -> None:
    assert _heading_like(line, 2) is heading


@pytest.mark.parametrize("line, furniture", [
    ("Просмотров: 3 418", True), ("Views: 12,400", True),
    ("Подпишитесь на наш Telegram-канал, чтобы первыми узнавать главные новости", True),
    ("Views differ sharply on how 12,400 troops should be withdrawn.", False),
])
def test_view_counters_and_channel_prompts_are_furniture(line: str, furniture: bool) -> None:
    assert _is_furniture(line) is furniture


def test_related_links_over_an_ad_marker_between_paragraphs_are_hidden() -> None:
    paragraph = "Mosca ha presentato agli Stati Uniti una proposta per allentare alcune delle sanzioni sul settore energetico."
    lines = [paragraph, "Leggi anche", "Sanzioni, l'Ue prepara il ventesimo pacchetto", "Pubblicità", paragraph]
    assert interstitial_lines(lines) == [1, 2]


def test_the_bare_headline_far_under_a_page_title_copy_is_the_title() -> None:
    headline = "Prisoner talks resume as envoys meet in Abu Dhabi"
    lines = [f"{headline} | The Meridian Ledger", '{"@context":"https://schema.org","@type":"NewsArticle"}',
             "window.dataLayer = window.dataLayer || [];", *["Home", "World", "Politics", "Business", "Opinion",
                                                            "Sport", "Culture", "Video", "Podcasts", "Newsletters"],
             headline, "By Anna Keller", INTRO]
    labels = ["boilerplate"] * (len(lines) - 1) + ["body"]
    assert find_title(lines, labels) == len(lines) - 3


def test_an_outlets_name_over_a_date_line_is_not_taken_for_a_headline_the_model_called_body() -> None:
    lines = ["‹ Today", "The Lakeshore Courier", "Published 5 December 2026",
             "Washington weighs easing fertilizer sanctions on Russia to calm global food prices", "By Helena Marsh",
             INTRO]
    assert find_title(lines, ["boilerplate"] * 3 + ["body", "boilerplate", "body"]) == 3


@pytest.mark.parametrize("line, furniture", [("Play", True), ("0:00 / 48:12", True), ("Play episode", True),
                                             ("Play for time, Moscow says", False), ("12:00 / noon talks", False)])
def test_a_media_players_controls_are_furniture(line: str, furniture: bool) -> None:
    assert _is_furniture(line) is furniture


@pytest.mark.parametrize("line, furniture", [
    ("Fund independent journalism with £5 per month", True),
    ("Privacy Notice: Newsletters may contain info about charities and online ads.", True),
    ("Weather: 34°F Overcast", True), ("42°", True),
    ("Accept all cookiesReject non-essentialCookie settings", True),
    ("Item 1 of 3 A Russian delegation arrives in Geneva. REUTERS/Anna Berg", True),
    ("[1/3] A Russian delegation arrives in Geneva", True),
    ("Пост в Telegram", True), ("View on Instagram", True),
    ("Газета «Деловой вестник» №224 от 05.12.2026, стр. 6", True),
    ("['Hollis Grant', 'Anya Petrosyan']", True),
    ("Temperatures fell to 34° overnight in Moscow as talks resumed.", False),
    ("Item by item, the delegations went through the draft.", False),
    ("The fund supports independent journalism in the region, its director said.", False),
])
def test_banners_widgets_and_script_leftovers_of_the_twelfth_round_are_furniture(line: str, furniture: bool) -> None:
    assert _is_furniture(line) is furniture


@pytest.mark.parametrize("line, author, date", [
    ("KarenW_OH → Ron_in_Dayton", "KarenW_OH", None),
    ("Сообщение volkov_sergei » 05 дек 2026, 14:32", "volkov_sergei", "05 дек 2026, 14:32"),
    ("Post by ann_k » Fri Dec 05, 2026 2:32 pm", "ann_k", "Fri Dec 05, 2026 2:32 pm"),
])
def test_reply_arrows_and_forum_post_headers(line: str, author: str, date: str | None) -> None:
    meta = MetaMemo()[line]
    assert meta is not None and (meta.author, meta.date) == (author, date)


def test_abbreviated_russian_months_are_dates_but_not_inside_words() -> None:
    from pipeline.segmenter.comments import is_date_text
    assert is_date_text("05 дек 2026, 14:32") and is_date_text("5 дек. 2026")
    assert not is_date_text("5 маршрутов")


def test_a_commenters_badge_is_no_comment_text() -> None:
    lines = [INTRO, "Anna Fischer", "5 Dec 2026 15:10", "Staff pick", "The talks will fail again, mark my words.",
             "Reply"]
    labels = apply_rules(lines, ["body", "comment", "comment", "comment", "comment", "boilerplate"])
    assert labels[3] == "boilerplate" and labels[4] == "comment"


def test_a_forum_threads_opening_post_is_the_body_and_signatures_are_boilerplate() -> None:
    lines = ["Список форумов ‹ Международная политика ‹ Россия и США",
             "Сообщение Старый_дипломат » 05 дек 2026, 14:32",
             "Коллеги, предлагаю обсудить новости из Женевы, где делегации провели многочасовые консультации.",
             "Что думаете?", "_________________", "Дипломатия — это искусство говорить «хорошая собачка».",
             "Вернуться к началу",
             "Сообщение Ratnik_1985 » 05 дек 2026, 14:47", "Декларации ничего не стоят, договор нужен.",
             "_________________", "Служу Отечеству!", "Вернуться к началу",
             "Сообщение geopolitik » 05 дек 2026, 15:26", "Без Китая никакого договора не будет.", "Вернуться к началу"]
    labels = apply_rules(lines, ["boilerplate"] + ["comment"] * (len(lines) - 1))
    assert [label for label in labels[1:7]] == ["boilerplate", "body", "body", "boilerplate", "boilerplate",
                                                "boilerplate"]
    assert labels[7:9] == ["comment", "comment"] and labels[9:12] == ["boilerplate"] * 3
    assert not _heading_like(lines[0], 2)  # a forum's trail of sections is no headline


def test_a_reader_apis_title_header_gives_way_to_the_bare_headline() -> None:
    headline = "US and Russia agree to reopen consulates closed since 2023"
    lines = [f"Title: {headline} | The Harbor Ledger", "URL Source: https://harborledger.example/world/consulates",
             "Published Time: 2026-12-05T14:32:00Z", "Markdown Content:", *["Home", "World", "Politics", "Business",
                                                                             "Opinion", "Sport", "Video"],
             headline, INTRO]
    assert find_title(lines, ["boilerplate"] * (len(lines) - 1) + ["body"]) == len(lines) - 2


def test_a_page_printed_on_one_line_is_cut_into_sentences_but_one_long_article_line_is_not() -> None:
    from pipeline.segmenter.text import split_run_on_page
    sentence = "Negotiators from both capitals met for two days in Vienna and traded draft texts on a hotline."
    page = "Home | World | Politics Subscribe Sign in " + " ".join([sentence] * 30) + \
        " Reply Like 12 Anna K. December 5, 2026 at 9:40 am Good. Reply Like 3 © 2026 The Harbor Ledger."
    pieces = split_run_on_page([(1, page)])
    assert len(pieces) > 30 and {number for number, _ in pieces} == {1} and pieces[1][1] == sentence
    article = " ".join([sentence] * 30)  # an article's text alone on one line, as a CSV export holds it
    assert split_run_on_page([(1, article)]) == [(1, article)]
    assert split_run_on_page([(1, "Menu"), (2, page)]) == [(1, "Menu"), (2, page)]  # a page with line breaks


@pytest.mark.parametrize("line", ["Show 2 replies", "Hide 1 reply", "View 12 more comments"])
def test_reply_toggles_with_counts_are_counters(line: str) -> None:
    assert is_counter(line)


def test_a_listen_feature_banner_run_into_its_badge_is_furniture() -> None:
    assert _is_furniture("NEWYou can now listen to Summit News articles!")


@pytest.mark.parametrize("line", ["Odpovědět", "Atsakyti", "Одговори", "הגב", "Vastaa", "Tykkää 14"])
def test_czech_lithuanian_serbian_hebrew_and_finnish_comment_buttons(line: str) -> None:
    assert is_button(line)


@pytest.mark.parametrize("line", ["Diskuze (4)", "Komentarai (3)", "Коментари (4)", "תגובות (3)", "Kommentit (3)"])
def test_czech_lithuanian_serbian_hebrew_and_finnish_comment_counters(line: str) -> None:
    assert is_counter(line)


@pytest.mark.parametrize("line", ["před 2 hodinami", "prieš 3 val.", "пре 2 сата", "2 tuntia sitten"])
def test_czech_lithuanian_serbian_and_finnish_ages(line: str) -> None:
    meta = MetaMemo()[line]
    assert meta is not None and meta.date == line


@pytest.mark.parametrize("line, furniture", [("Duration 2:34", True), ("EDS: LEADS WITH MINISTRY REACTION", True),
                                             ("Pokračování článku pod reklamou", True), ("Mainos", True),
                                             ("Duration of the talks was not announced.", False)])
def test_video_lengths_editors_notes_and_ad_markers_of_more_languages(line: str, furniture: bool) -> None:
    assert _is_furniture(line) is furniture


def test_a_reply_toggle_under_a_comment_is_no_comment_text() -> None:
    lines = [INTRO, "Anna Fischer", "3h", "The talks will fail again, mark my words.", "Show 2 replies"]
    assert apply_rules(lines, ["body"] + ["comment"] * 4)[-1] == "boilerplate"


@pytest.mark.parametrize("line, furniture", [("Aiheet: Venäjä, Yhdysvallat", True), ("Теги: США, Россия", True),
                                             ("תגיות: ארה\"ב, רוסיה", True), ("Žymės: JAV, Rusija", True),
                                             ("Tags: Automotive, Honda", False),  # English: the network's call
                                             ("Теги не стоят ничего, сказал дипломат.", False)])
def test_tag_lines_of_other_languages_are_furniture(line: str, furniture: bool) -> None:
    assert _is_furniture(line) is furniture
