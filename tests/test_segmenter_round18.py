"""Rules from the eighteenth and nineteenth rounds of probe pages, pages of other years: the comment systems of 2003-2019
(Facebook's comments plugin, Disqus's reply headers and vote arrows, Slash sites, vBulletin and phpBB 2 threads,
LiveJournal, Drupal, old Reddit) and of the 2020s (OpenWeb's avatar initials, Bluesky threads), the furniture of those
years (text-size buttons, share rows, lynx's link header, an old article's label, bylines of other languages), the
titles of blogs and layout tables, and <pre> blocks in HTML."""

from __future__ import annotations

import pytest

from pipeline.segmenter.comments import _meta_of, _widget_kind, is_button, parse_comments
from pipeline.segmenter.html import html_to_lines
from pipeline.segmenter.titles import pick_title
from pipeline.segmenter.text import _forum_posts, _heading_like, _is_furniture, _social_thread, apply_rules, find_title, \
    furniture_flags, rule_title

INTRO = "For decades the two capitals relied on a web of treaties to cap their arsenals, and most of it is gone now."
SECOND = "Officials on both sides said the next round of talks would open in Vienna in February, without a date set."


@pytest.mark.parametrize("line, furniture", [
    ("Text Size", True), ("Font size: A A A", True), ("Text size: Small | Medium | Large", True),
    ("Text size matters less than contrast, the designers said.", False),
    ("This article is more than 1 month old", True), ("This story is more than two years old", True),
    ("This article is more than a rumour, officials insisted on Friday.", False),
    ("👁 48,2K · 13 июн в 12:51", True), ("#[1]The Steppe Ledger [2]The Steppe Ledger", True),
    ("[info]vostrov_m (vostrov_m) пишет,", True),
    ("Share on Facebook Tweet +1 Email Print", True), ("Email this story | Print | Digg | del.icio.us", True),
    ("Print Email Tweet", True), ("Facebook and Twitter print money, the senator said of the platforms.", False),
    ("Думки, висловлені в коментарі, належать авторові і можуть не збігатися з позицією Центру.", True),
    ("Мнения, высказанные в статье, отражают позицию автора.", True),
    ("Мнения экспертов разошлись.", False),
    ("Aug 3, 2017 · 7 min read", True), ("Найновіші Найстаріші Найпопулярніші", True), ("Newest Oldest", True),
    ("Von Jens Albrecht, Bukarest", True), ("Par Claire Dubois", True), ("Door Pieter de Vries", True),
    ("Von Moskau aus gesehen ist das anders.", False),
    ("Das Transkript wurde automatisch erstellt und kann Fehler enthalten.", True),
    ("Сортувати: Спочатку нові", True), ("Сортувати товари за ціною, а не за брендом, пропонують експерти.", False),
])
def test_furniture_of_other_years(line: str, furniture: bool) -> None:
    assert _is_furniture(line) is furniture
    assert furniture_flags([line])[0] is furniture  # the RE2 pass finds them too


def test_facebook_comments_plugin() -> None:
    # the profile line under a name is no comment text, and the spelled-out age in the row of buttons is the date
    lines = ["Denise Harrow", "Works at Fairview Medical Center",
             "Nobody is surprised by this. The question is what happens before November.",
             "Like · Reply · 41 · 3 years ago", "Ray Montalbán", "Lives in Tucson, Arizona",
             "At least a dozen states and they won't name them? How are voters supposed to check?",
             "Like · Reply · 17 · 3 years ago", "Gloria Nwosu", "Wake me up when someone goes on the record.",
             "Like · Reply · 6 · a year ago"]
    comments = parse_comments(lines)
    assert [(c.author, c.date) for c in comments] == [
        ("Denise Harrow", "3 years ago"), ("Ray Montalbán", "3 years ago"), ("Gloria Nwosu", "a year ago")]
    assert "Works at" not in comments[0].text
    assert _widget_kind("lives in fear") is None  # a lowercase line is text
    assert is_button("Like · Reply · 41") and is_button("Reply Like 14")
    assert not is_button("(202) 724-8058")  # a phone number is no row of counts


def test_disqus_reply_headers_and_vote_arrows() -> None:
    lines = ["Avatar", "Walt Prezioso • 4 years ago", "Freezing the accounts of eleven men is not much of a threat.",
             "14 △ ▽", "• Reply", "•", "Share ›",
             "Avatar", "marinka_k Walt Prezioso • 4 years ago", "You would be surprised how many have condos in Miami.",
             "6 △ ▽", "• Reply", "•", "Share ›",
             "Avatar", "Walt Prezioso marinka_k • 4 years ago", "Fair enough, but a start of what?", "3 △ ▽", "• Reply"]
    assert is_button("14 △ ▽")
    # a reply's header names its author, then the commenter it answers
    assert [c.author for c in parse_comments(lines)] == ["Walt Prezioso", "marinka_k", "Walt Prezioso"]
    # a surname alone is no second commenter's name
    lines = ["Marie-Christine", "June 29, 2012", "Lovely post.", "Reply", "Marie-Christine Grimard", "July 1, 2012",
             "Thank you for the recipe.", "Reply"]
    assert [c.author for c in parse_comments(lines)] == ["Marie-Christine", "Marie-Christine Grimard"]


def test_a_comment_the_model_missed_between_two_it_found() -> None:
    block = ["Avatar", "{name} • 4 years ago", "{text}", "2 △ ▽", "• Reply", "•", "Share ›"]
    names = ["OldLakeGuy", "Guest", "JRuddock"]
    texts = ["My grandparents came from near Lviv, and people here do not see how fast this spreads.",
             "Why is this our problem? We have enough going on at home.",
             "Good reporting. The quote from the former State official at the end is the real story."]
    lines = [INTRO, "Comments"] + [line.format(name=name, text=text) for name, text in zip(names, texts) for line in block]
    labels = ["body", "boilerplate"]
    for name in names:
        model = "boilerplate" if name == "Guest" else "comment"
        labels += ["boilerplate", model, model, "boilerplate", "boilerplate", "boilerplate", "boilerplate"]
    new = apply_rules(lines, labels)
    assert new[lines.index(texts[1])] == "comment"
    assert new[lines.index("Guest • 4 years ago")] == "comment"


def test_slash_comment_headers() -> None:
    for line, author, date in [
            ("by mcgrew (92797) * on Tuesday July 24, @11:35AM ( #40750343 ) Journal", "mcgrew", "Tuesday July 24, @11:35AM"),
            ("by mcgrew (92797) * writes: on Tuesday July 24, @11:35AM (#40750343) Journal", "mcgrew",
             "Tuesday July 24, @11:35AM"),
            ("by Velocirapture (1193842) on Tuesday June 29 2010, @09:31AM (#32729414)", "Velocirapture",
             "Tuesday June 29 2010, @09:31AM"),
            ("by Anonymous Coward on Tuesday July 24, @10:20AM", "Anonymous Coward", "Tuesday July 24, @10:20AM")]:
        meta = _meta_of(line)
        assert meta is not None and (meta.author, meta.date) == (author, date), line
    # a signature under "--" is the comment's own, and "Reply to This" is a button
    lines = ["by gostplatz (602117) on Tuesday June 29 2010, @10:02AM (#32729833) Journal",
             "People keep asking why now. The complaint says one of them had a flight booked.", "--",
             "I used to have a sig.", "Reply to This Share",
             "by m_petrosyan (1402276) on Tuesday June 29 2010, @10:47AM (#32730511)",
             "Neither side wants this to wreck the treaty.", "Reply to This Parent Share"]
    assert is_button("Reply to This Parent Share")
    comments = parse_comments(lines)
    assert [c.author for c in comments] == ["gostplatz", "m_petrosyan"]
    assert "I used to have a sig." in comments[0].text


VB_THREAD = """Duma votes to ban US adoptions
[17]Old 12-19-2012, 08:52 PM [18]#1
[19]ohio_kremlinwatch ohio_kremlinwatch is offline
Senior Member
Join Date: Feb 2007
Posts: 3,118
Default Duma votes to ban US adoptions
From the Tribune this afternoon, posting the relevant part since their site has gone to a meter.
Quote:
MOSCOW -- Russia's lower house of parliament on Wednesday voted to bar Americans from adopting Russian children.
__________________
"Trust, but verify" -- and then verify again.
[21]Reply With Quote
[22]Old 12-19-2012, 09:10 PM [23]#2
[24]Brennan_K Brennan_K is offline
Member
Join Date: Oct 2010
Default
Tit for tat, except one side hit visa lists and the other side hit orphans.
[25]Reply With Quote
[26]Old 12-19-2012, 09:37 PM [27]#3
[28]steppenwolf1961 steppenwolf1961 is offline
Default
Quote:
Originally Posted by Brennan_K [29]View Post
Not a proportional answer by any measure.
It isn't meant to be proportional. It's meant to be popular at home.
[30]Reply With Quote""".split("\n")


def test_a_vbulletin_thread() -> None:
    labels = ["boilerplate"] * len(VB_THREAD)
    new = dict(_forum_posts(VB_THREAD, labels))
    assert new[VB_THREAD.index("From the Tribune this afternoon, posting the relevant part since their site has gone "
                               "to a meter.")] == "body"
    assert new[VB_THREAD.index("Quote:")] == "boilerplate" and new[VB_THREAD.index("Senior Member")] == "boilerplate"
    assert new[VB_THREAD.index('"Trust, but verify" -- and then verify again.')] == "boilerplate"  # the signature
    assert new[VB_THREAD.index("Tit for tat, except one side hit visa lists and the other side hit orphans.")] == "comment"
    comment_lines = [line for index, line in enumerate(VB_THREAD) if new.get(index) == "comment" or is_button(line)]
    comments = parse_comments(comment_lines[comment_lines.index("[22]Old 12-19-2012, 09:10 PM [23]#2"):])
    assert [(c.author, c.date) for c in comments] == [("Brennan_K", "12-19-2012, 09:10 PM"),
                                                       ("steppenwolf1961", "12-19-2012, 09:37 PM")]
    # an article above the posts: no forum thread of this kind
    assert _forum_posts([INTRO, SECOND] + VB_THREAD, ["body", "body"] + labels) == []


def test_livejournal_user_marks_openweb_initials_and_russian_reply_lines() -> None:
    lines = ["[info]tyoma_k", "2010-04-09 00:12 (UTC)", "Про телеметрию очень точно.", "(Ответить) (Ветвь дискуссии)"]
    assert [c.author for c in parse_comments(lines)] == ["tyoma_k"]
    lines = ["DS", "DesertSkeptic", "2h", "A waiver for 180 days means nothing happens for 180 days.", "Reply",
             "JP", "JeanPaulO", "1h", "The Senate will sit on it until after the recess.", "Reply"]
    assert [(c.author, c.date) for c in parse_comments(lines)] == [("DesertSkeptic", "2h"), ("JeanPaulO", "1h")]
    # a sign-off under a comment's text is no avatar when no name and date line follow it
    lines = ["Dip It Black", "November 9, 2012, | Permalink", "Great how she rides that skateboard!", "X",
             "http://dipitblack.com", "Serdane", "November 9, 2012, | Permalink", "So nice picture, I agree."]
    assert [c.author for c in parse_comments(lines)] == ["Dip It Black", "Serdane"]
    lines = ["Марина Лебедева", "13.06.2024 16:05", "Ответ для Гость", "Читайте ссылку в статье, ЦБ вчера всё разъяснил.",
             "Ответить"]
    assert [(c.author, c.date) for c in parse_comments(lines)] == [("Марина Лебедева", "13.06.2024 16:05")]


def test_titles_of_blogs_layout_tables_and_text_browsers() -> None:
    # (the hand-written title rules, the baseline of benchmarks/titles.py)
    # a blog's day over its post's title, under the blog's name and tagline
    lines = ["The Baltic Radar Watch", "Missile defence, Moscow and the map of Europe, from a retired analyst in Ohio",
             "Thursday, September 17, 2009", "Radars Off, Iskanders Parked? Notes on Today's Announcement",
             "So it is official: the ten interceptors in northern Poland are not going to be built, the officials said."]
    labels = ["boilerplate", "boilerplate", "body", "body", "body"]
    assert rule_title(lines, labels) == 3
    # a live blog's time over an entry's heading is no such date
    lines[2] = "15:42"
    assert rule_title(lines, labels) == 0
    # a site's name in capitals with the day's date; a form's field; lynx's link header
    assert not _heading_like("THE ATLANTIC LEDGER Monday, July 21, 2014", 4)
    assert _heading_like("EDDIE ROSS - On Quadrille Today", 4)
    assert not _heading_like("[ЖЖ] Поиск: [ ] [Найти] Войти | Регистрация", 2)
    assert not _heading_like("#[1]The Steppe Ledger [2]The Steppe Ledger", 2)


PHPBB_TOPIC = """Автор Сообщение
Kostya_NN
Ветеран
Зарегистрирован: 12.03.2003
Сообщения: 1418
Откуда: Нижний Новгород
Добавлено: Пн Ноя 22, 2004 11:47 pm Заголовок сообщения: Выборы на Украине
Итак, ЦИК в Киеве ещё не объявил окончательные итоги второго тура, а на Майдане уже стоят палатки.
Вернуться к началу
andrey_spb
Участник
Зарегистрирован: 05.09.2004
Сообщения: 87
Добавлено: Вт Ноя 23, 2004 12:15 am Заголовок сообщения: Ответить с цитатой
Вмешательство — это когда один кандидат ездит на поклон в Москву, а второй в Вашингтон.
Вернуться к началу
Гость
Добавлено: Вт Ноя 23, 2004 8:02 am Заголовок сообщения: Ответить с цитатой
Всё это давно расписано в Вашингтоне, сначала Белград, потом Тбилиси.
Вернуться к началу""".split("\n")


def test_a_phpbb2_topic() -> None:
    new = dict(_forum_posts(PHPBB_TOPIC, ["boilerplate"] * len(PHPBB_TOPIC)))
    assert new[7] == "body" and new[1] == new[3] == new[6] == "boilerplate"  # the opening post: its text, its header
    assert [new[index] for index in (9, 10, 11, 12, 13, 14)] == ["comment", "boilerplate", "boilerplate", "boilerplate",
                                                                  "comment", "comment"]
    assert new[16] == new[17] == new[18] == "comment"  # a guest: no profile
    comment_lines = [line for index, line in enumerate(PHPBB_TOPIC) if new.get(index) == "comment" or is_button(line)]
    assert [(c.author, c.date) for c in parse_comments(comment_lines[1:])] == [
        ("andrey_spb", "Вт Ноя 23, 2004 12:15 am"), ("Гость", "Вт Ноя 23, 2004 8:02 am")]
    # a label and its value is no commenter's name
    assert _meta_of("Откуда: Санкт-Петербург") is None and _meta_of("Twitter: @someone") is None


def test_drupal_and_old_reddit_comments() -> None:
    lines = ["[18]Gas is leverage, not a market", "Submitted by [19]m.okafor on Sun, 07/16/2006 - 08:12.",
             "Good summary. I would only add that the Europeans themselves were split on transit.", "* [20]reply",
             "[24]Jackson-Vanik", "Submitted by Yuri K. (not verified) on Sun, 07/16/2006 - 14:05.",
             "As a reader from Samara: nobody here understands why that law still matters.", "* [25]reply"]
    assert [(c.author, c.date) for c in parse_comments(lines)] == [("m.okafor", "Sun, 07/16/2006 - 08:12"),
                                                                   ("Yuri K.", "Sun, 07/16/2006 - 14:05")]
    lines = ["[–]Ukraine_obs 187 points 13 hours ago", "The seven-day clause is the tell.", "* permalink", "* give gold",
             "* reply", "[–][deleted] 11 hours ago", "[deleted]", "* permalink", "* reply",
             "[–]Kvass_Diplomat Former FSO 45 points 12 hours ago", "Agree, but both capitals know this.", "* reply",
             "[–]pskov_lurker [score hidden] 22 minutes ago", "Aid trucks are still waiting at the border.", "* reply"]
    # (a deleted comment has no text: no comment; its header must not turn the layout into one of footers)
    assert [(c.author, c.date) for c in parse_comments(lines)] == [
        ("Ukraine_obs", "13 hours ago"), ("Kvass_Diplomat", "12 hours ago"), ("pskov_lurker", "22 minutes ago")]


def test_a_title_quoted_by_the_comment_header() -> None:
    lines = ["Steppe & Strait", "Notes on Russia, the Black Sea and American foreign policy",
             "« Tbilisi, day three: the roads are empty", "What Washington can and cannot do for Georgia",
             "The shooting around Gori has mostly stopped, and the argument in Washington has started in earnest.",
             "5 Responses to “What Washington can and cannot do for Georgia”", "Marek Says:"]
    labels = ["boilerplate", "boilerplate", "body", "body", "body", "boilerplate", "comment"]
    assert find_title(lines, labels) == 3
    lines[5] = "5 Responses to “Another post altogether”"  # a header that quotes no line: the title scorer's pick
    assert find_title(lines, labels) == pick_title(lines, labels)


def test_a_bluesky_thread_with_dated_replies() -> None:
    lines = ["Dana Kessler", "@danakessler.bsky.social", "Thread on what the new designations against Russia's oil "
             "trade actually do.", "February 24, 2025 at 9:14 AM"]
    for number in (2, 3):
        lines += ["Dana Kessler", "@danakessler.bsky.social", "· Feb 24, 2025",
                  f"{number}/ The part that matters is quieter than the headline number suggests."]
    for name in ("Hollis Varga", "Piotr Zalewski"):
        handle = "@" + name.split()[1].lower() + ".bsky.social"
        lines += [name, handle, "· Feb 24, 2025", "Great thread, one nuance on the insurer in Labuan though."]
    new = dict(_social_thread(lines))
    assert new[7] == new[11] == "body" and new[4] == "boilerplate"  # the thread's own posts, and their headers
    assert new[15] == new[12] == "comment"  # the replies, dated (not aged) as a logged-out copy prints them


def test_preformatted_html_keeps_its_lines() -> None:
    markup = ("<html><body><h1>[Arms-list] Moscow Treaty text</h1><pre>Colleagues,\n\nthe text signed today in Moscow "
              "is\nshort: three pages, no verification.\n\n-- \nHal</pre></body></html>")
    lines = html_to_lines(markup)[0]
    assert lines[:2] == ["[Arms-list] Moscow Treaty text", "Colleagues,"]
    assert "Hal" in lines and "--" in lines  # the signature's lines stay apart from the text
