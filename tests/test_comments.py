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
