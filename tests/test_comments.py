"""Comment meta lines that put the author and the date on one line, separated by a comma."""

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
