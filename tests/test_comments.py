"""Comment meta lines that put the author and the date on one line, separated by a comma."""

import pytest

from pipeline.segmenter import parse_comments


def test_name_comma_date_lines_start_new_comments():
    comments = parse_comments([
        "Moscow_Mule, 2022-01-12 16:58", "Security guarantees is Kremlin talk for half of Europe.",
        "Raymond Osei, 2022-01-12 19:21", "A country does not need permission to choose its allies.",
    ])
    assert [(c.author, c.date) for c in comments] == [("Moscow_Mule", "2022-01-12 16:58"),
                                                      ("Raymond Osei", "2022-01-12 19:21")]
    assert comments[1].text.startswith("A country")


def test_a_date_with_a_comma_is_not_read_as_a_name():
    comments = parse_comments(["Terry Wall", "October 27, 2018", "I support the talks."])
    assert [(c.author, c.date) for c in comments] == [("Terry Wall", "October 27, 2018")]
    assert parse_comments(["Updated, 2022-01-12 16:58", "Text of a comment here."])[0].author is None


def test_reply_buttons_labelled_boilerplate_still_separate_comments():
    # Dragnet's gold calls "Reply" buttons boilerplate, so the model may too; they still end a comment
    from pipeline.segmenter.text import finish

    lines = ["Talks resume in Geneva", "Negotiators met on Tuesday for the first time in a year, officials said.",
             "3 Comment(s)", "Yeah, that's right.", "About time.", "Reply", "Nothing will come of it.", "Reply",
             "They never learn.", "Reply", "Privacy Policy"]
    labels = ["body", "body", "boilerplate", "comment", "comment", "boilerplate", "comment", "comment", "comment",
              "boilerplate", "boilerplate"]
    result = finish(list(enumerate(lines, start=1)), labels)
    assert [c.text for c in result.comments] == ["Yeah, that's right.\nAbout time.", "Nothing will come of it.",
                                                 "They never learn."]
    assert "Reply" in result.boilerplate and "Privacy Policy" in result.boilerplate


def _triples(comments):
    return [(c.author, c.date, c.text) for c in comments]


def test_disqus_layout_avatars_bullets_votes_and_reply_targets():
    # a Disqus widget flattened to text: avatar alt text, name, the name replied to, bullets, votes
    comments = parse_comments([
        "Harold Beck", "•", "5 months ago", "Finally someone says it. Europe pays, America profits.",
        "23", "•", "Reply", "•", "Share ›",
        "Avatar", "Sofia R.", "Harold Beck", "•", "5 months ago",
        "That is a very convenient reading. Who started the war again?", "see more", "11", "•", "Reply",
        "Avatar", "dmitri_v", "•", "5 months ago", "edited", "The gas prices were rising before any sanctions.",
        "4", "•", "Reply",
    ])
    assert _triples(comments) == [
        ("Harold Beck", "5 months ago", "Finally someone says it. Europe pays, America profits."),
        ("Sofia R.", "5 months ago", "That is a very convenient reading. Who started the war again?"),
        ("dmitri_v", "5 months ago", "The gas prices were rising before any sanctions."),
    ]


def test_wpdiscuz_layout_names_with_initials_and_reply_to_lines():
    comments = parse_comments([
        "Avatar", "Gregory T.", "2 years ago", "Sanctions never work against a country this size.", "Reply",
        "Avatar", "lena_k", "2 years ago", "Reply to  Gregory T.", "They worked on the banks in 2014.", "Reply",
    ])
    assert _triples(comments) == [("Gregory T.", "2 years ago", "Sanctions never work against a country this size."),
                                  ("lena_k", "2 years ago", "They worked on the banks in 2014.")]


def test_name_and_date_on_one_line():
    comments = parse_comments([
        "Kathy Lindqvist 4 days ago", "Trust but verify.", "Reply",
        "john mason — May 14, 2021 10:21 PM", "The NSA lost its own tools.", "Reply · Like (34)",
        "Gary Pohl · 4d", "Iraq all over again.", "Like · Reply · 7d",
        "freethinker 3 days ago", "About time.", "Reply",
    ])
    assert _triples(comments) == [("Kathy Lindqvist", "4 days ago", "Trust but verify."),
                                  ("john mason", "May 14, 2021 10:21 PM", "The NSA lost its own tools."),
                                  ("Gary Pohl", "4d", "Iraq all over again."),
                                  ("freethinker", "3 days ago", "About time.")]


def test_blogger_layout_name_said_then_text_then_date():
    comments = parse_comments(["Anonymous said...", "The transit agreement says something different.",
                               "March 5, 2022 at 11:15 AM", "Delete",
                               "Jonas P. said...", "Prices were already high.", "March 6, 2022 at 8:30 AM"])
    assert _triples(comments) == [("Anonymous", "March 5, 2022 at 11:15 AM", "The transit agreement says something different."),
                                  ("Jonas P.", "March 6, 2022 at 8:30 AM", "Prices were already high.")]


def test_russian_comment_section():
    comments = parse_comments(["Иван Петров", "12 февраля 2023, 19:05", "Ничего нового, каждый обвиняет другого.",
                               "Ответить", "Ольга", "3 дня назад", "Главное, чтобы переговоры продолжались.", "Ответить"])
    assert _triples(comments) == [("Иван Петров", "12 февраля 2023, 19:05", "Ничего нового, каждый обвиняет другого."),
                                  ("Ольга", "3 дня назад", "Главное, чтобы переговоры продолжались.")]


def test_reddit_layout_levels_abbreviated_ages_and_save_buttons():
    comments = parse_comments(["level 1", "throwaway_geo", "· 3 hr. ago", "Nobody reads the treaty text anyway.", "Reply",
                               "Share", "Report", "Save", "45", "level 2", "KarlinPrague", "· 2 hr. ago",
                               "I did. Article 5 is the interesting part.", "Reply", "Share", "Report", "Save", "12"])
    assert _triples(comments) == [("throwaway_geo", "3 hr. ago", "Nobody reads the treaty text anyway."),
                                  ("KarlinPrague", "2 hr. ago", "I did. Article 5 is the interesting part.")]


def test_german_and_french_comment_sections():
    german = parse_comments(["Kommentare (3)", "Kommentar schreiben", "Heinz M.", "vor 2 Stunden",
                             "Endlich reden sie wieder miteinander.", "Antworten", "Melden", "Lisa_K", "gestern, 18:40 Uhr",
                             "Ich bin skeptisch.", "Antworten", "Melden"])
    assert _triples(german) == [("Heinz M.", "vor 2 Stunden", "Endlich reden sie wieder miteinander."),
                                ("Lisa_K", "gestern, 18:40 Uhr", "Ich bin skeptisch.")]
    french = parse_comments(["Réactions (2)", "Écrire un commentaire", "Pierre L.", "il y a 2 heures",
                             "Enfin une bonne nouvelle.", "Répondre", "Signaler", "Sophie_M", "4 décembre 2026 à 14h32",
                             "On verra bien.", "Répondre", "J'aime"])
    assert _triples(french) == [("Pierre L.", "il y a 2 heures", "Enfin une bonne nouvelle."),
                                ("Sophie_M", "4 décembre 2026 à 14h32", "On verra bien.")]


def test_typepad_layout_text_then_posted_by_name_date_and_number():
    comments = parse_comments(["The science gap is the real story here.", "Posted by: Arctic_fox | Dec 3 2026 10:15 utc | 1",
                               "@1 agreed, and nobody covers it.", "Second paragraph of the same comment.",
                               "Posted by: north of 60 | Dec 3 2026 11:02 utc | 2",
                               "priceless.", "Posted by: omni | Mar 20, 2007 10:19:46 PM"])
    assert _triples(comments) == [
        ("Arctic_fox", "Dec 3 2026 10:15 utc", "The science gap is the real story here."),
        ("north of 60", "Dec 3 2026 11:02 utc", "@1 agreed, and nobody covers it.\nSecond paragraph of the same comment."),
        ("omni", "Mar 20, 2007 10:19:46 PM", "priceless.")]


def test_old_reddit_layout_votes_and_link_buttons():
    comments = parse_comments(["hide", "94% Upvoted", "sorted by: best", "[–]", "KettleDrumm", "41 points", "6 hours ago",
                               "Completely normal. Each readout is written for a domestic audience first.", "permalink",
                               "embed", "save", "report", "reply", "[–]", "vasya_k", "17 points", "5 hours ago",
                               "Read the 2018 readouts side by side.", "permalink embed save parent report give award reply"])
    assert _triples(comments) == [("KettleDrumm", "6 hours ago",
                                   "Completely normal. Each readout is written for a domestic audience first."),
                                  ("vasya_k", "5 hours ago", "Read the 2018 readouts side by side.")]


def test_a_notice_above_the_first_comment_does_not_turn_the_layout_around():
    # names over their text, "Reply" under it: a text line first is a notice, not the first comment's text
    header_first = ["Keep it friendly, folks.", "Henrik L. 2 hours ago", "A hotline is the least we should have.", "Reply",
                    "baltic_observer 1 hour ago", "Easy to say from Rome.", "Reply"]
    assert _triples(parse_comments(header_first)) == [
        (None, None, "Keep it friendly, folks."), ("Henrik L.", "2 hours ago", "A hotline is the least we should have."),
        ("baltic_observer", "1 hour ago", "Easy to say from Rome.")]
    # text, then its author and date, then the buttons: the layout stays text-first
    text_first = ["A hotline is the least we should have.", "Henrik L. 2 hours ago", "Reply", "Easy to say from Rome.",
                  "baltic_observer 1 hour ago", "Reply"]
    assert _triples(parse_comments(text_first)) == [
        ("Henrik L.", "2 hours ago", "A hotline is the least we should have."),
        ("baltic_observer", "1 hour ago", "Easy to say from Rome.")]


def test_an_op_flair_is_not_the_author_and_one_reply_is_no_comment():
    reddit = parse_comments(["level 2", "baltic_watcher", "OP · 4 hr. ago", "Then why send the hardliner?", "21", "Reply",
                             "Share"])
    assert [(c.author, c.text) for c in reddit] == [("baltic_watcher", "Then why send the hardliner?")]
    assert reddit[0].date.endswith("4 hr. ago")  # the date line as printed, flair included
    medium = parse_comments(["Martha Ellison", "Oct 4, 2026", "The point about cables is accurate.", "12", "Reply",
                             "Kevin Osei", "Oct 5, 2026", "I agree with the diagnosis.", "4", "1 reply", "Reply"])
    assert _triples(medium) == [("Martha Ellison", "Oct 4, 2026", "The point about cables is accurate."),
                                ("Kevin Osei", "Oct 5, 2026", "I agree with the diagnosis.")]


def test_dates_without_a_year():
    comments = parse_comments(["Paul Navarro", "Aug 2", "Good piece.", "Reply", "Ines M.", "3 August", "Agreed.", "Reply"])
    assert _triples(comments) == [("Paul Navarro", "Aug 2", "Good piece."), ("Ines M.", "3 August", "Agreed.")]


def test_date_lines_with_a_word_in_front_are_not_names():
    for line in ("Updated 3 days ago", "Tue February 6, 2024", "Posted on May 3, 2019 at 10:42 pm"):
        comments = parse_comments([line, "Text of the comment here."])
        assert comments[0].author is None, line
        assert comments[0].date is not None, line


def test_says_needs_the_line_to_end_after_the_verb_or_a_date():
    comments = parse_comments(["john mason says:", "February 16, 2023 at 1:10 pm", "Keep it up.", "Reply",
                               "Finally someone says it.", "Reply"])
    assert _triples(comments) == [("john mason", "February 16, 2023 at 1:10 pm", "Keep it up."),
                                  (None, None, "Finally someone says it.")]


def test_lines_without_letters_separate_comments_and_are_never_authors():
    comments = parse_comments(["Lena Vogt", "01/02/2019 16:12", "The launchers can fire Tomahawks.", "Reply | Report",
                               "↑ 12 ↓ 6", "old hand", "01/02/2019 21:01", "First!", "Reply | Report", "↑ 15 ↓ 7"])
    assert _triples(comments) == [("Lena Vogt", "01/02/2019 16:12", "The launchers can fire Tomahawks."),
                                  ("old hand", "01/02/2019 21:01", "First!")]


# layouts written after the widget rules as a check (run once, all right at the first run)
FURTHER_LAYOUTS = {
    "guardian": (["Sasha Petrenko", "12 Mar 2022 14:05", "The sanctions were priced in weeks ago.", "Reply", "Share",
                  "Report", "oldsailor", "12 Mar 2022 14:31", "Priced in is doing a lot of work there.", "Reply", "Share",
                  "Report"],
                 [("Sasha Petrenko", "The sanctions were priced in weeks ago."),
                  ("oldsailor", "Priced in is doing a lot of work there.")]),
    "youtube": (["@ivan_from_omsk 2 years ago", "The translation in the subtitles is wrong at 3:15.", "45", "Reply",
                 "@JaneDoeNews 1 year ago (edited)", "Great summary, thanks for the links.", "3", "Reply"],
                [("@ivan_from_omsk", "The translation in the subtitles is wrong at 3:15."),
                 ("@JaneDoeNews", "Great summary, thanks for the links.")]),
    "wrote": (["Peter K. wrote:", "Both sides will claim victory, as usual.", "Posted 14.03.2022 09:12", "Report",
               "Marianne wrote:", "We will see in a month whether the grain ships move.", "Posted 14.03.2022 10:40", "Report"],
              [("Peter K.", "Both sides will claim victory, as usual."),
               ("Marianne", "We will see in a month whether the grain ships move.")]),
    "numbered": (["1", "Tom Reyes", "March 3, 2022 at 4:12 pm", "Thanks for the clear explanation.", "Reply",
                  "2", "a_careful_reader", "March 3, 2022 at 6:40 pm", "The map is out of date.", "Reply"],
                 [("Tom Reyes", "Thanks for the clear explanation."), ("a_careful_reader", "The map is out of date.")]),
}


@pytest.mark.parametrize("layout", sorted(FURTHER_LAYOUTS))
def test_further_comment_layouts(layout):
    lines, expected = FURTHER_LAYOUTS[layout]
    assert [(c.author, c.text) for c in parse_comments(lines)] == expected


def test_text_first_comments_with_a_rating_button_under_the_author_line():
    # tabloid style: the comment's text, then "NAME, place, age", then a rating widget and its count; the author is
    # the name alone, not where the commenter lives
    lines = ["Both sides need to get this done before the summer.", "JohnnyB, Ohio, United States, 2 hours ago",
             "Click to rate", "12", "Nothing will come of it. Talks about talks.",
             "SarahInLondon, London, United Kingdom, 3 hours ago", "Click to rate", "5"]
    assert _triples(parse_comments(lines)) == [
        ("JohnnyB", "2 hours ago", "Both sides need to get this done before the summer."),
        ("SarahInLondon", "3 hours ago", "Nothing will come of it. Talks about talks.")]


def test_ukrainian_comment_section():
    comments = parse_comments(["Олег", "2 години тому", "Заяви заявами, а домовлятися все одно доведеться.", "Відповісти",
                               "Ірина С.", "4 грудня 2026 р., 12:40", "Цікаво, чи хтось вірить у ці переговори.",
                               "Подобається · Відповісти", "Андрій", "вчора о 18:20", "Дякую за матеріал.", "Відповісти"])
    assert _triples(comments) == [("Олег", "2 години тому", "Заяви заявами, а домовлятися все одно доведеться."),
                                  ("Ірина С.", "4 грудня 2026 р., 12:40", "Цікаво, чи хтось вірить у ці переговори."),
                                  ("Андрій", "вчора о 18:20", "Дякую за матеріал.")]


def test_a_log_in_to_comment_prompt_is_no_comment():
    for prompt in ("Авторизуйтесь, чтобы оставить комментарий", "Залишити коментар", "Leave a comment"):
        comments = parse_comments([prompt, "Виктор Н.", "04.12.2026, 15:40", "Пишут обращения уже который год.", "Ответить"])
        assert _triples(comments) == [("Виктор Н.", "04.12.2026, 15:40", "Пишут обращения уже который год.")], prompt


def test_a_commenter_badge_is_neither_the_author_nor_the_text():
    comments = parse_comments(["Peter Haldane", "Dec 3", "Good summary of the talks.", "Like (12)", "Reply",
                               "Marta Kovalenko", "Dec 3", "Author", "Agreed, more next week.", "Like (4)", "Reply",
                               "olga_v", "Top fan", "Dec 4", "The plumbing quote is perfect.", "Reply"])
    assert _triples(comments) == [("Peter Haldane", "Dec 3", "Good summary of the talks."),
                                  ("Marta Kovalenko", "Dec 3", "Agreed, more next week."),
                                  ("olga_v", "Dec 4", "The plumbing quote is perfect.")]
    # a name that only starts like a badge word stays a name
    assert _triples(parse_comments(["Authorsmith", "Dec 5", "Fine.", "Reply"])) == [("Authorsmith", "Dec 5", "Fine.")]


def test_a_reply_mention_under_the_date_is_not_the_author():
    comments = parse_comments(["rolandT", "3 Dec 2026 17:40", "Nobody wants to go first.", "Report", "Reply", "22",
                               "Marginalia", "3 Dec 2026 17:52", "@rolandT", "And yet they always manage it.", "Report",
                               "Reply", "8"])
    assert _triples(comments) == [("rolandT", "3 Dec 2026 17:40", "Nobody wants to go first."),
                                  ("Marginalia", "3 Dec 2026 17:52", "And yet they always manage it.")]
    # a handle as the only name line, above the date, is still the author
    assert _triples(parse_comments(["@kremlin_watch", "3 Dec 2026 18:01", "Seen this before.", "Reply"])) == \
        [("@kremlin_watch", "3 Dec 2026 18:01", "Seen this before.")]


def test_a_quoted_reply_is_the_comments_text_not_a_new_comment():
    lines = ["HarborDad62", "Dec 3, 2026 9:12pm", "Good to see the board take this seriously for once.", "Quote",
             "skeptic_sue", "Dec 3, 2026 10:05pm", "HarborDad62 wrote:", "Good to see the board take this seriously.",
             "Seriously? $180,000 for a consultant.", "Quote"]
    comments = parse_comments(lines)
    assert [(c.author, c.date) for c in comments] == [("HarborDad62", "Dec 3, 2026 9:12pm"),
                                                      ("skeptic_sue", "Dec 3, 2026 10:05pm")]
    assert comments[1].text.startswith("HarborDad62 wrote:") and comments[1].text.endswith("consultant.")
    # "NAME wrote:" heading each comment, the date line under the text above it ("-pete" signs that text)
    signed = ["Peter wrote:", "Thanks for writing this.", "-pete", "July 4, 2012 at 12:48 pm | Permalink",
              "K.G. Schneider wrote:", "Ten percent, that makes me envious!"]
    assert [c.author for c in parse_comments(signed)] == ["Peter", "K.G. Schneider"]


def test_a_weekday_is_part_of_the_date_and_never_the_author():
    # dates lead: a weekday line or "Weekday, DATE | Permalink" over "NAME wrote:" over the text
    for dated in (["Sunday", "September 16, 2012 at 7:41 pm | Permalink"],
                  ["Sunday, September 16, 2012 at 7:41 pm | Permalink"]):
        lines = [*dated, "Walter Underwood wrote:", "About information flow, read the book by Tom Allen.",
                 *dated, "Dorothea wrote:", "Please have a look at my syllabus."]
        comments = parse_comments(lines)
        assert [c.author for c in comments] == ["Walter Underwood", "Dorothea"]
        # (the "| Permalink" button after the date is no part of it, since stop 40)
        assert all(c.date and c.date.endswith("September 16, 2012 at 7:41 pm") for c in comments)
    # where names lead ("NAME said...", text, date), a date stays the footer of the comment above it
    blogger = ["Michael said...", "Congratulations, all states should be watching.", "October 16, 2012 11:57 AM",
               "James said...", "A small step for records and a giant step for patients!", "October 17, 2012 6:49 AM"]
    assert [(c.author, c.date) for c in parse_comments(blogger)] == [("Michael", "October 16, 2012 11:57 AM"),
                                                                      ("James", "October 17, 2012 6:49 AM")]


def test_a_numbered_says_line_names_the_author():
    lines = ["1. Matthew Tarpy says:", "November 12, 2012 at 5:49 am", "I may have missed the attribution.",
             "2. LB says:", "November 12, 2012 at 8:51 am", "Agree that this is a concern."]
    assert [(c.author, c.text) for c in parse_comments(lines)] == [
        ("Matthew Tarpy", "I may have missed the attribution."), ("LB", "Agree that this is a concern.")]
    # a numbered sentence is still text
    assert parse_comments(["Tom", "2 hours ago", "1. She said it would never happen."])[0].text == \
        "1. She said it would never happen."


def test_post_numbers_and_deleted_comments_are_no_comments():
    lines = ["Beitrag 1", "hanseat_77", "06.12.2026, 15:10 Uhr", "Endlich wieder Gespräche.", "Melden", "Antworten",
             "Beitrag 2", "Friederike.M", "06.12.2026, 15:24 Uhr", "Ich bleibe skeptisch.", "Melden", "Antworten"]
    assert [(c.author, c.text) for c in parse_comments(lines)] == [("hanseat_77", "Endlich wieder Gespräche."),
                                                                  ("Friederike.M", "Ich bleibe skeptisch.")]
    deleted = ["Avatar", "Raymond Tkach", "3 hours ago", "Europe still buys the gas.", "• Reply •",
               "This comment was deleted.", "• Reply •", "Avatar", "Lena Moravec", "2 hours ago", "Fair point.", "• Reply •"]
    assert [c.author for c in parse_comments(deleted)] == ["Raymond Tkach", "Lena Moravec"]
    # a sentence that starts with such words is text
    assert parse_comments(["Tom", "2 hours ago", "Comment 3 in the thread above says it all."])[0].text == \
        "Comment 3 in the thread above says it all."


def test_pick_badges_and_places_between_the_name_and_the_date_are_skipped():
    lines = ["Margaret Hollis", "Portland, Maine", "Dec. 5", "Times Pick", "I cannot imagine waiting two years.",
             "Recommend", "Flag", "Tom Berkowitz", "Ann Arbor, Mich.", "Dec. 5", "Every swap tells the Kremlin it works.",
             "Flag", "Rebecca Thornbury", "Author", "Cleveland", "Dec. 5", "Thank you for reading.", "Flag"]
    assert [(c.author, c.date, c.text) for c in parse_comments(lines)] == [
        ("Margaret Hollis", "Dec. 5", "I cannot imagine waiting two years."),
        ("Tom Berkowitz", "Dec. 5", "Every swap tells the Kremlin it works."),
        ("Rebecca Thornbury", "Dec. 5", "Thank you for reading.")]


def test_a_reply_mention_of_a_display_name_under_the_date_is_not_the_author():
    lines = ["Ben Tallis", "10:37 AM", "Businesslike is diplomat speak for a shouting match, right?", "Reply",
             "Keisha Donovan", "10:51 AM", "@Ben Tallis", "Not always. Sometimes nobody walked out either.", "Reply"]
    assert [(c.author, c.date) for c in parse_comments(lines)] == [("Ben Tallis", "10:37 AM"),
                                                                  ("Keisha Donovan", "10:51 AM")]
    # Russian sort controls are no commenter
    lines = ["Сортировка:", "сначала старые", "Андрей Ковалёв", "5 декабря 2026, 18:20", "Хоть какое-то движение.",
             "Ответить"]
    assert [c.author for c in parse_comments(lines)] == ["Андрей Ковалёв"]


def test_list_marked_meta_lines_and_wrote_on_dates():
    # comments in <li> items, flattened with a list mark: "* NAME 2 hours ago"
    lines = ["* Margaret Ellison 2 hours ago", "Closing consulates never makes anyone safer.", "Reply",
             "* David Kowalczyk 1 hour ago", "If the consulate was used for spying, closing it was right.", "Reply"]
    assert [(c.author, c.date) for c in parse_comments(lines)] == [("Margaret Ellison", "2 hours ago"),
                                                                  ("David Kowalczyk", "1 hour ago")]
    # a list item without a date stays what it was ("+ Heather" as a name)
    assert parse_comments(["+ Heather", "October 26, 2012 at 8:04 am", "That's what I was thinking."])[0].author \
        == "+ Heather"
    # "NAME wrote on DATE:" over the text, and a sign-in prompt under the last comment
    lines = ["Gerald Hutchins wrote on Dec 5, 2026 10:14 PM:", "They will talk again in January.",
             "Patricia Novak wrote on Dec 5, 2026 10:37 PM:", "Talks are better than silence.",
             "Щоб залишити коментар, увійдіть на сайт."]
    assert [(c.author, c.date, c.text) for c in parse_comments(lines)] == [
        ("Gerald Hutchins", "Dec 5, 2026 10:14 PM", "They will talk again in January."),
        ("Patricia Novak", "Dec 5, 2026 10:37 PM", "Talks are better than silence.")]


def test_liked_by_badges_commented_verbs_and_counted_buttons() -> None:
    # a newsletter platform's "Liked by NAME" badge is no author; "NAME commented 2 hours ago" names NAME;
    # a row of buttons with a count after them ("Reply Like 14") ends a comment, not starts one
    lines = ["Daniel Okafor", "Dec 5", "Liked by Anna Petrova",
             "The airport line is going to stay with me. Great reporting from a place few of us could reach.",
             "Reply Like 14",
             "Deb Kessler commented 2 hours ago", "Sanctions relief for fertilizer was always going to be the price.",
             "Reply Like 3"]
    comments = parse_comments(lines)
    assert [(c.author, c.date) for c in comments] == [("Daniel Okafor", "Dec 5"), ("Deb Kessler", "2 hours ago")]
    assert comments[0].text.startswith("The airport line") and "Like 14" not in comments[0].text


def test_by_name_before_a_date_names_name() -> None:
    comments = parse_comments(["by EmpireGeorge__-- July 25, 2012 10:54 AM EDT", "Nobody asked the neighbours about it.",
                               "by lvnvlady July 25, 2012 4:17 AM EDT", "They should have checked sooner."])
    assert [(c.author, c.date) for c in comments] == [("EmpireGeorge__", "July 25, 2012 10:54 AM EDT"),
                                                      ("lvnvlady", "July 25, 2012 4:17 AM EDT")]


@pytest.mark.parametrize("line", [
    "Erstellt am 12.03.2019 um 14:22", "Bearbeitet am 14.03.2014 15:30", "Stand: 14.03.2014 15:30 Uhr",
    "Publicado el 3 de mayo de 2020", "Atualizado em 3 de junho de 2020", "Pubblicato il 25 giugno 2010",
    "Modifié le 08/07/2017 à 07h52", "Gepubliceerd op 3 juni 2020", "Opublikowano 3 czerwca 2020",
    "Publicerad 3 juni 2020", "Julkaistu 3.6.2020", "Publicat pe 3 iunie 2020", "Опубликовано 3 июня 2020",
])
def test_a_date_with_its_label_in_other_languages_is_a_date_not_a_commenter(line: str) -> None:
    from pipeline.segmenter.comments import MetaMemo

    meta = MetaMemo()[line]
    assert meta is not None and meta.author is None and meta.date == line


def test_a_thread_whose_dates_carry_a_label_names_the_commenters_above_them() -> None:
    thread = ["Katrin_W", "Erstellt am 12.03.2019 um 14:22", "Die Gespräche in Genf bringen wieder nichts Neues.",
              "Antworten", "Holger B.", "Erstellt am 12.03.2019 um 15:03", "Abwarten, erst einmal reden sie ja.",
              "Antworten"]
    assert [[c.author, c.date] for c in parse_comments(thread)] == [
        ["Katrin_W", "Erstellt am 12.03.2019 um 14:22"], ["Holger B.", "Erstellt am 12.03.2019 um 15:03"]]


def test_the_text_under_a_comments_header_that_the_model_missed_is_the_comments() -> None:
    from pipeline.segmenter.text import apply_rules

    lines = ["Comentários (2)", "Manuel Ventura", "07.08.2014 às 19:48",
             "Quem paga a factura são sempre os mesmos produtores.", "Responder Denunciar Gosto (14)",
             "Observador Atento", "08.08.2014 às 08:14", "Mais um capítulo de uma guerra fria que nunca acabou.",
             "Entretanto, os russos vão comer fruta turca.", "Responder Denunciar Gosto (5)", "Ver mais comentários",
             "187. Incêndio em Monchique obriga a cortar a estrada nacional"]
    labels = ["boilerplate", "comment", "comment", "comment", "boilerplate", "comment", "comment", "boilerplate",
              "boilerplate", "boilerplate", "boilerplate", "boilerplate"]
    fixed = apply_rules(lines, list(labels))
    assert fixed[7:9] == ["comment", "comment"]  # the last comment's text: under its header, over its buttons
    assert fixed[9:] == ["boilerplate"] * 3
    # a date under a comment's text is that comment's footer: the line under it is not taken for a text
    footer_first = ["Manuel Ventura", "Quem paga a factura são sempre os mesmos produtores.", "07.08.2014 às 19:48",
                    "Os comentários são da exclusiva responsabilidade dos seus autores."]
    assert apply_rules(footer_first, ["comment", "comment", "comment", "boilerplate"])[3] == "boilerplate"


def test_a_first_comment_over_buttons_that_the_model_read_as_a_comment_is_found_above_them() -> None:
    from pipeline.segmenter.text import apply_rules

    lines = ["6 Comments", "Sort by", "Add a comment...", "Gerald Whitmore · Top Commenter",
             "Better they talk than shout at each other across the ocean.", "Like · Reply · 58 · Dec 30 12:05",
             "Lena Brodsky", "Seventy-two hours to pack up a whole family is brutal.",
             "Like · Reply · 21 · Dec 30 12:31",
             "Tom Reyes", "Moscow will answer in kind, as it always has.", "Like · Reply · 14 · Dec 30 13:10",
             "Facebook Comments Plugin"]
    # the model read the first comment's buttons as a comment, and the comment itself as boilerplate
    labels = ["boilerplate"] * 5 + ["comment"] * 7 + ["boilerplate"]
    fixed = apply_rules(lines, list(labels))
    assert fixed[3:5] == ["comment", "comment"]
    assert fixed[:3] == ["boilerplate"] * 3 and fixed[-1] == "boilerplate"
