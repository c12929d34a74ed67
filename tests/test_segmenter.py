"""Tests of the plain-text / HTML segmenter and comment parsing (pipeline.segmenter)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyarrow as pa
import pytest

from pipeline.segmenter import (
    LABELS,
    Comment,
    LineSegmenter,
    Segmentation,
    load_segmenter,
    parse_comments,
    segment_html,
    segment_text,
    segment_texts,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = sorted((SHARED / "seeds").glob("*.txt"))

PARAGRAPHS = [
    "The foreign ministers met on Tuesday in Geneva to discuss the future of the arms control treaty, "
    "which both governments say the other side has violated for several years now.",
    "Officials from both delegations described the talks as difficult, and neither side offered new "
    "proposals to verify the range of the disputed missile system before the deadline.",
    "Analysts said the collapse of the agreement would leave Europe without any limits on land-based "
    "intermediate-range missiles for the first time since the late nineteen-eighties.",
    "A spokesman for the ministry said further meetings were planned for next month, although no date "
    "had been set and the agenda remained unclear to the experts who follow the negotiations.",
]


def article(comments: str = "") -> str:
    parts = ["Home", "World", "Politics", "Ministers fail to agree on missile treaty future", "By Jane Reporter",
             *PARAGRAPHS, "Share this article", "Facebook", "Twitter", comments, "Copyright 2019 Example News. All rights reserved."]
    return "\n\n".join(part for part in parts if part)


COMMENTS_BLOCK = """3 Comments
Alice Smith
Alice Smith
October 27, 2018
I do not trust either government on this, both have broken promises before and will again.
Reply
Bob Jones
Bob Jones
October 28, 2018
The treaty kept Europe safe for thirty years and it is sad to watch it fall apart like this.
Reply"""


@pytest.fixture(scope="module", autouse=True)
def one_torch_thread():
    """Tiny models: thread hand-offs cost more than they gain, badly so on a busy machine."""
    import torch

    previous = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(previous)


@pytest.fixture(scope="module")
def segmenter() -> LineSegmenter:
    return load_segmenter()


def test_shipped_model_is_small_safetensors_not_pickle() -> None:
    from safetensors import safe_open

    from pipeline.segmenter import SHIPPED_WEIGHTS

    assert SHIPPED_WEIGHTS.stat().st_size < 10_000_000
    with safe_open(str(SHIPPED_WEIGHTS), framework="pt") as handle:
        metadata = handle.metadata()
    assert metadata["format"] == "newsstance-line-segmenter"
    assert set(json.loads(metadata["labels"])) <= set(LABELS)
    weights_dir = SHIPPED_WEIGHTS.parent
    assert not [p for p in weights_dir.iterdir() if p.suffix in {".pkl", ".pickle", ".pt", ".pth", ".joblib"}]


def test_article_body_and_furniture(segmenter: LineSegmenter) -> None:
    result = segment_text(article(), segmenter)
    assert isinstance(result, Segmentation)
    for paragraph in PARAGRAPHS:
        assert paragraph in result.body
    assert "Copyright" not in result.body and "Share this article" not in result.body
    assert result.title == "Ministers fail to agree on missile treaty future"
    assert all(line.label in LABELS for line in result.lines)
    assert 0.5 < result.body_share < 1.0


def test_line_numbers_count_blank_lines_and_crlf(segmenter: LineSegmenter) -> None:
    text = "First heading of the page\r\n\r\n" + PARAGRAPHS[0] + "\r\r" + PARAGRAPHS[1] + "\n\n\n" + PARAGRAPHS[2]
    result = segment_text(text, segmenter)
    assert [line.line_no for line in result.lines] == [1, 3, 5, 8]
    assert all("\r" not in line.text for line in result.lines)


def test_empty_and_one_line_documents(segmenter: LineSegmenter) -> None:
    for empty in ("", "   \n\t\n", "\r\n\r\n"):
        result = segment_text(empty, segmenter)
        assert result.lines == [] and result.body == "" and result.comments == [] and result.title is None
        assert result.body_share == 0.0
    one = segment_text(PARAGRAPHS[0], segmenter)
    assert [line.label for line in one.lines] == ["body"]
    assert one.body == PARAGRAPHS[0]


def test_very_long_line(segmenter: LineSegmenter) -> None:
    long_line = " ".join(PARAGRAPHS * 300)  # ~ 100k characters on one line
    result = segment_text("Menu\n" + long_line + "\nCopyright 2019", segmenter)
    assert result.lines[1].label == "body"
    assert long_line in result.body and "Copyright" not in result.body


def test_bytes_with_mixed_encodings(segmenter: LineSegmenter) -> None:
    utf8_line = "Le ministre a déclaré que l’accord était mort, selon des responsables à Genève et à Moscou hier.".encode()
    cp1252_line = "Der Außenminister sagte, das Abkommen sei für Europa wichtig gewesen, seit über dreißig Jahren.".encode("cp1252")
    result = segment_text(utf8_line + b"\n" + cp1252_line, segmenter)
    texts = [line.text for line in result.lines]
    assert "déclaré" in texts[0] and "Außenminister" in texts[1]


def test_batched_segmentation_equals_one_by_one(segmenter: LineSegmenter) -> None:
    texts = [article(COMMENTS_BLOCK), "", PARAGRAPHS[0], article()]
    batched = segment_texts(texts, segmenter, batch_size=3)
    assert [r.to_dict() for r in batched] == [segment_text(t, segmenter).to_dict() for t in texts]


def test_to_dict_is_json_ready(segmenter: LineSegmenter) -> None:
    result = segment_text(article(COMMENTS_BLOCK), segmenter)
    data = json.loads(json.dumps(result.to_dict()))
    assert set(data) == {"title", "body", "comments", "boilerplate", "lines"}
    assert set(data["lines"][0]) == {"line_no", "text", "label"}


# --- comment parsing on self-written examples -------------------------------------------------


def test_parse_comments_repeated_names_dates_and_reply_buttons() -> None:
    comments = parse_comments(COMMENTS_BLOCK.splitlines())
    assert comments == [
        Comment("Alice Smith", "October 27, 2018", "I do not trust either government on this, both have broken promises before and will again."),
        Comment("Bob Jones", "October 28, 2018", "The treaty kept Europe safe for thirty years and it is sad to watch it fall apart like this."),
    ]


def test_parse_comments_footer_style() -> None:
    lines = [
        "Great piece, thanks for writing it.",
        "I learned a lot about the history here.",
        "by Carol White on December 4, 2010 at 10:42 pm. Reply #",
        "I disagree with most of this.",
        "by dave on December 5, 2010 at 1:34 am. Reply #",
    ]
    comments = parse_comments(lines)
    assert [(c.author, c.date) for c in comments] == [
        ("Carol White", "December 4, 2010 at 10:42 pm"),
        ("dave", "December 5, 2010 at 1:34 am"),
    ]
    assert comments[0].text == "Great piece, thanks for writing it.\nI learned a lot about the history here."


def test_parse_comments_anonymous_with_buttons_and_counter_header() -> None:
    lines = ["9 Comment(s)", "Yeah, that's right", "Reply", "They will never agree to that.", "Reply", "Nonsense … Read more »"]
    comments = parse_comments(lines)
    assert [c.text for c in comments] == ["Yeah, that's right", "They will never agree to that.", "Nonsense"]
    assert all(c.author is None and c.date is None for c in comments)


def test_parse_comments_says_and_relative_dates() -> None:
    lines = ["Ed Brown says:", "3 days ago", "Spot on analysis.", "Frank says:", "2 hours ago", "Not convinced."]
    comments = parse_comments(lines)
    assert [(c.author, c.date, c.text) for c in comments] == [
        ("Ed Brown", "3 days ago", "Spot on analysis."),
        ("Frank", "2 hours ago", "Not convinced."),
    ]


def test_parse_comments_date_only_header() -> None:
    lines = ["Alice Smith", "Alice Smith", "October 27, 2018", "First comment text here.",
             "October 28, 2018", "Second comment from someone without a name."]
    comments = parse_comments(lines)
    assert [(c.author, c.date) for c in comments] == [("Alice Smith", "October 27, 2018"), (None, "October 28, 2018")]


def test_parse_comments_textless_header_does_not_lend_its_date() -> None:
    lines = ["Alice Smith", "October 27, 2018", "First comment text here.",
             "October 28, 2018",  # a comment whose text was not labelled comment
             "Bob Jones", "October 29, 2018", "Second comment text here."]
    comments = parse_comments(lines)
    assert [(c.author, c.date) for c in comments] == [("Alice Smith", "October 27, 2018"), ("Bob Jones", "October 29, 2018")]


def test_parse_comments_empty() -> None:
    assert parse_comments([]) == []


def test_a_hard_wrapped_dump_is_read_as_its_paragraphs(segmenter: LineSegmenter) -> None:
    import textwrap

    from pipeline.segmenter.text import split_lines, unwrap_lines, wrap_width

    page = article(COMMENTS_BLOCK)
    for width in (72, 78):  # e-mail, html2text
        wrapped = "\n".join(textwrap.fill(line, width) for line in page.split("\n"))
        assert wrapped != page and max(map(len, wrapped.splitlines())) <= width
        assert wrap_width(split_lines(wrapped)) is not None
        result, reference = segment_text(wrapped, segmenter), segment_text(page, segmenter)
        assert [(line.text, line.label) for line in result.lines] == [(line.text, line.label) for line in reference.lines]
        assert result.title == reference.title and result.comments == reference.comments
        first = next(line for line in result.lines if line.text == PARAGRAPHS[0])
        assert wrapped.splitlines()[first.line_no - 1] == textwrap.wrap(PARAGRAPHS[0], width)[0]  # its first line's number
    # lines of one paragraph each, even short ones, are left as they are
    assert unwrap_lines(split_lines(page)) == split_lines(page)
    for seed in SEEDS:
        assert wrap_width(split_lines(seed.read_text(encoding="utf-8", errors="replace"))) is None, seed.name
    # a list of short items is not joined, nor are lines with a blank line between them
    menu = "\n".join(["Home", "World", "Politics"] + textwrap.wrap(" ".join(PARAGRAPHS), 60) + ["* one item", "* another item"])
    assert [text for _, text in unwrap_lines(split_lines(menu))][:3] == ["Home", "World", "Politics"]
    assert [text for _, text in unwrap_lines(split_lines(menu))][-2:] == ["* one item", "* another item"]
    # a heading cut after a preposition is joined however short its lines; one that ends with a noun is not
    headed = "\n".join(["Arms Control After New START: Three Options for", "Washington and Moscow", "Summary"]
                       + textwrap.wrap(" ".join(PARAGRAPHS), 60))
    assert [text for _, text in unwrap_lines(split_lines(headed))][:2] == [
        "Arms Control After New START: Three Options for Washington and Moscow", "Summary"]


def test_lynx_link_markers_stay_out_of_the_body_text(segmenter: LineSegmenter) -> None:
    marked = [PARAGRAPHS[0].replace("in Geneva", "in [12]Geneva"), PARAGRAPHS[1] + " as reported[3] earlier.",
              *PARAGRAPHS[2:]]
    page = article().replace(PARAGRAPHS[0], marked[0]).replace(PARAGRAPHS[1], marked[1])
    result = segment_text(page, segmenter)
    assert [line.text for line in result.lines if line.label == "body"][-4:] == marked  # the lines as printed
    assert "in Geneva" in result.body and "[12]" not in result.body
    assert "as reported[3] earlier." in result.body  # a footnote mark after a word stays


# --- HTML -------------------------------------------------------------------------------------


def test_html_input(segmenter: LineSegmenter) -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = (
        "<html><head><title>Ministers fail to agree | Example News</title><style>p {color: red}</style>"
        "<script>var x = 'Share this';</script></head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li></ul></nav>"
        f"<article><h1>Ministers fail to agree</h1><p class='byline'>By Jane Reporter</p>{paragraphs}</article>"
        "<footer><p>Copyright 2019 Example News. All rights reserved.</p></footer></body></html>"
    )
    result = segment_html(html, segmenter)
    assert result.title == "Ministers fail to agree"
    for paragraph in PARAGRAPHS:
        assert paragraph in result.body
    assert "var x" not in " ".join(line.text for line in result.lines)
    assert "Copyright" not in result.body


def test_html_inline_elements_side_by_side_are_separate_words() -> None:
    from pipeline.segmenter.html import html_to_lines

    def lines(body: str) -> list[str]:
        return html_to_lines(f"<html><body>{body}</body></html>")[0]

    assert lines("<nav><a>Politics</a><a>Business</a><a>Opinion</a></nav>") == ["Politics Business Opinion"]
    assert lines("<div><span>By Ellen Marsh</span><span>Dec. 4, 2026</span></div>") == ["By Ellen Marsh Dec. 4, 2026"]
    # a drop cap, a word split by markup and a link inside a sentence stay as they read
    assert lines("<p><span class='dropcap'>T</span>he senators met <b>Caf</b>é owners in <a>Kyiv</a>.</p>") == [
        "The senators met Café owners in Kyiv."]


def test_html_headline_is_the_h1_even_when_the_page_title_is_shortened() -> None:
    from pipeline.segmenter.html import _headline

    h1 = "Sanctions talks resume in Vienna as envoys seek a narrow deal"
    assert _headline("Sanctions talks resume in Vienna | The Harbor Times", ["The Harbor Times", h1]) == h1
    assert _headline("Ministers fail to agree | Example News", ["Example News", "Ministers fail to agree"]) \
        == "Ministers fail to agree"
    # no heading holds the page title: its longest part
    assert _headline("Talks resume in Vienna | The Harbor Times", ["Most read"]) == "Talks resume in Vienna"


def test_html_empty(segmenter: LineSegmenter) -> None:
    assert segment_html("", segmenter).lines == []


# --- training, storage, adaptation ------------------------------------------------------------


def _toy_corpus() -> tuple[list[list[str]], list[list[str]]]:
    docs, labels = [], []
    for shift in range(8):
        paragraphs = PARAGRAPHS[shift % 4:] + PARAGRAPHS[: shift % 4]
        lines = ["Home", "World news", *paragraphs, "Alice Smith", "October 27, 2018",
                 "I do not trust either government on this at all.", "Reply", "Copyright 2019 Example News"]
        docs.append(lines)
        labels.append(["boilerplate", "boilerplate", *["body"] * 4, "comment", "comment", "comment", "boilerplate",
                       "boilerplate"])
    return docs, labels


def test_fit_save_load_round_trip(tmp_path: Path) -> None:
    docs, labels = _toy_corpus()
    model = LineSegmenter().fit(docs, labels, epochs=25, lr=1e-2, min_count=1, embedding=16, hidden=16, layers=1)
    assert model.predict(docs[0]) == labels[0]
    path = tmp_path / "toy.safetensors"
    model.save(path)
    assert path.read_bytes()[8:9] == b"{"  # safetensors: 8-byte header length, then a JSON header
    loaded = load_segmenter(path)
    assert loaded.predict_many(docs) == model.predict_many(docs)
    assert loaded.predict([]) == []


def test_model_made_before_new_line_features_still_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.segmenter import model as model_module

    docs, labels = _toy_corpus()
    older_features = [name for name in model_module.DENSE_NAMES if name not in ("doc_lines", "doc_words")]
    with monkeypatch.context() as patch:  # as if this version did not compute the last two features yet
        patch.setattr(model_module, "DENSE_NAMES", older_features)
        older = LineSegmenter().fit(docs, labels, epochs=25, lr=1e-2, min_count=1, embedding=16, hidden=16, layers=1)
        older.save(tmp_path / "older.safetensors")
        expected = older.predict_many(docs)
    loaded = load_segmenter(tmp_path / "older.safetensors")
    assert loaded.dense_names == older_features
    assert loaded.predict_many(docs) == expected

    loaded.dense_names = [*older_features, "feature_of_a_later_version"]
    loaded.save(tmp_path / "newer.safetensors")
    with pytest.raises(ValueError, match="feature_of_a_later_version"):
        load_segmenter(tmp_path / "newer.safetensors")


def test_word_vectors_give_each_line_the_mean_vector_of_its_listed_words(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np
    import torch

    from pipeline.segmenter import word_vectors
    from pipeline.segmenter.batch_features import batch_features

    words = ["reply", "world", "news", "government"]
    table = np.array([[1, 0], [0, 2], [4, 4], [-2, 6]], dtype=np.float32)
    monkeypatch.setattr(word_vectors, "build_word_vectors", lambda dims: (words, table[:, :dims]))
    docs, labels = _toy_corpus()
    model = LineSegmenter().fit(docs, labels, epochs=25, lr=1e-2, min_count=1, embedding=16, hidden=16, layers=1,
                                word_vectors=2)
    means = model._mean_word_vectors(batch_features([["World news", "Reply", "Home", "The government's news"]]))
    # "World news": (world + news) / 2; "Home": no listed word; "government's" is not "government"
    assert means.tolist() == [[2.0, 3.0], [1.0, 0.0], [0.0, 0.0], [4.0, 4.0]]
    assert model.network.dense.in_features == len(model.dense_names) + len(model._site_names) + 2
    path = tmp_path / "with_vectors.safetensors"
    model.save(path)
    loaded = load_segmenter(path)
    assert loaded._word_vectors[0].to_pylist() == words
    assert loaded.predict_many(docs) == model.predict_many(docs)
    plain = LineSegmenter().fit(docs, labels, epochs=1, min_count=1, embedding=16, hidden=16, layers=1)
    assert plain._word_vectors is None and plain.network.dense.in_features == len(plain.dense_names) + len(
        plain._site_names)
    # word-vector dropout: some lines are read without their vectors in training, so training changes
    settings = dict(epochs=2, lr=1e-2, min_count=1, embedding=16, hidden=16, layers=1, word_vectors=2)
    kept, again = (LineSegmenter().fit(docs, labels, **settings) for _ in range(2))
    dropped = LineSegmenter().fit(docs, labels, word_vector_dropout=0.5, **settings)
    assert torch.equal(kept.network.dense.weight, again.network.dense.weight)
    assert not torch.equal(kept.network.dense.weight, dropped.network.dense.weight)


def test_word_vector_list_is_the_encoders_whole_words() -> None:
    from pipeline.segmenter.word_vectors import vocabulary_words

    class Tokenizer:
        def get_vocab(self) -> dict[str, int]:
            return {"[CLS]": 0, "##ing": 1, "news": 2, "2019": 3, "kremlin": 4, "!": 5, "москва": 6}

    assert vocabulary_words(Tokenizer()) == ["news", "kremlin", "москва"]


def test_token_dropout_is_a_training_option_that_changes_training() -> None:
    import torch

    docs, labels = _toy_corpus()
    settings = dict(epochs=3, lr=1e-2, min_count=1, embedding=16, hidden=16, layers=1)
    plain = LineSegmenter().fit(docs, labels, **settings)
    hidden = LineSegmenter().fit(docs, labels, token_dropout=0.5, **settings)
    again = LineSegmenter().fit(docs, labels, **settings)
    assert plain.meta["training"]["token_dropout"] == 0.0 and hidden.meta["training"]["token_dropout"] == 0.5
    assert torch.equal(plain.network.embed.weight, again.network.embed.weight)  # seeded: reproducible
    assert not torch.equal(plain.network.embed.weight, hidden.network.embed.weight)


def test_line_dropout_keeps_exactly_the_chosen_lines() -> None:
    import torch

    docs, labels = _toy_corpus()
    model = LineSegmenter().fit(docs, labels, epochs=1, min_count=1, embedding=16, hidden=16, layers=1,
                                line_dropout=0.3)
    assert model.meta["training"]["line_dropout"] == 0.3
    encoded = model._encode_docs(docs[:3])
    kept = torch.rand(sum(encoded.doc_lengths), generator=torch.Generator().manual_seed(1)) >= 0.4
    fewer = encoded.keep_lines(kept)
    lines = iter(kept.tolist())
    shorter = [[line for line in doc if next(lines)] for doc in docs[:3]]
    direct = model._encode_docs(shorter)  # the tokens of those lines, encoded afresh
    assert fewer.doc_lengths == [len(doc) for doc in shorter]
    assert torch.equal(fewer.token_ids, direct.token_ids) and torch.equal(fewer.bag_offsets, direct.bag_offsets)
    assert torch.equal(fewer.dense, encoded.dense[kept])


def test_distillation_learns_from_the_teachers_not_only_the_labels() -> None:
    docs, labels = _toy_corpus()
    settings = dict(epochs=25, lr=1e-2, min_count=1, embedding=16, hidden=16, layers=1)
    teacher = LineSegmenter().fit(docs, labels, **settings)
    assert teacher.predict_many(docs) == labels
    swap = {"body": "comment", "comment": "body", "boilerplate": "boilerplate"}
    wrong = [[swap[label] for label in doc] for doc in labels]
    from_labels = LineSegmenter().fit(docs, wrong, teachers=[teacher], distill=0.0, **settings)
    from_teacher = LineSegmenter().fit(docs, wrong, teachers=[teacher], distill=1.0, **settings)
    assert from_labels.predict_many(docs) == wrong
    assert from_teacher.predict_many(docs) == labels
    assert from_teacher.meta["training"]["distill"] == 1.0
    with pytest.raises(ValueError, match="teacher"):  # a teacher's label the students' data lacks
        LineSegmenter().fit(docs, [["body"] * len(doc) for doc in docs], teachers=[teacher], distill=0.5)


def test_fit_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        LineSegmenter().fit([["a", "b"]], [["body"]])
    with pytest.raises(ValueError):
        LineSegmenter().fit([["a"]], [["sidebar"]])
    with pytest.raises(RuntimeError):
        LineSegmenter().predict(["an untrained model"])


def test_fine_tune_from_shipped_model_learns_a_site_convention(segmenter: LineSegmenter) -> None:
    footer = ("This report is distributed by the Example Syndicate under a licence that allows republication "
              "with attribution to the original authors and a link back to the source page.")
    docs = [["Ministers fail to agree on missile treaty future", *PARAGRAPHS[:k], footer] for k in (2, 3, 4) * 3]
    labels = [["title", *["body"] * (len(doc) - 2), "boilerplate"] for doc in docs]
    tuned = LineSegmenter().fit(docs, labels, base=segmenter, epochs=15, lr=3e-3)
    assert tuned.vocab == segmenter.vocab and tuned.labels == segmenter.labels
    assert tuned.predict(["A new headline about arms talks", *PARAGRAPHS[1:3], footer])[-1] == "boilerplate"
    assert tuned.predict(["A new headline about arms talks", *PARAGRAPHS[1:3], footer])[1] == "body"


def test_fine_tune_on_partly_labelled_pages_reads_unlabelled_lines_as_context_only(segmenter: LineSegmenter) -> None:
    footer = ("This report is distributed by the Example Syndicate under a licence that allows republication "
              "with attribution to the original authors and a link back to the source page.")
    docs = [["Ministers fail to agree on missile treaty future", *PARAGRAPHS[:k], footer] for k in (2, 3, 4) * 3]
    # the first paragraph and the footer are labelled; the other lines are read, not taught
    partial = [[None, "body", *[None] * (len(doc) - 3), "boilerplate"] for doc in docs]
    tuned = LineSegmenter().fit(docs, partial, base=segmenter, epochs=15, lr=3e-3)
    page = ["A new headline about arms talks", *PARAGRAPHS[1:3], footer]
    assert tuned.predict(page)[1:] == ["body", "body", "boilerplate"]
    # the same lines labelled (wrongly) instead of left out are learnt
    labelled = [[label or "comment" for label in labels] for labels in partial]
    assert "comment" in LineSegmenter().fit(docs, labelled, base=segmenter, epochs=15, lr=3e-3).predict(page)[1:3]
    with pytest.raises(ValueError, match="unknown labels"):
        LineSegmenter().fit(docs[:1], [["sidebar"] * len(docs[0])], base=segmenter)


def test_probe_page_failures_name_each_failed_check_and_none_for_a_page_read_as_its_spec_says() -> None:
    from pipeline.segmenter.data import probe_page_failures

    spec = {"title": "Envoys meet in Geneva", "body_openings": ["The two envoys", "Neither side"],
            "comments": [["Ann", "2 hours ago"]], "boilerplate_openings": ["Share this", "Home"]}
    lines = [("boilerplate", "Home"), ("title", "Envoys meet in Geneva"),
             ("body", "The two envoys met for five hours."), ("body", "Neither side gave ground on the treaty."),
             ("boilerplate", "Share this"), ("comment", "Ann"), ("comment", "2 hours ago"),
             ("comment", "Talks are better than nothing.")]
    assert probe_page_failures(spec, lines, "Envoys meet in Geneva", [["Ann", "2 hours ago"]]) == []
    misread = [*lines[:3], ("boilerplate", lines[3][1]), ("body", "Share this"), *lines[5:], ("body", "Home")]
    failures = probe_page_failures(spec, misread, "Home", [])
    assert [kind for kind, _ in failures] == ["title", "body", "comments", "furniture", "furniture"]
    assert failures[1] == ("body", "'Neither side': ['boilerplate']")
    assert failures[4] == ("furniture", "'Home': ['boilerplate', 'body']")
    # a page without an article: no sentence may be read as body
    assert probe_page_failures({**spec, "title": None, "body_openings": [], "comments": [], "boilerplate_openings": []},
                               lines, None, []) == [("body", "a sentence read as body on a page without an article")]


def test_probe_page_checks_become_partial_line_labels() -> None:
    from pipeline.segmenter.data import probe_page_labels

    texts = ["Home | World | Sport", "Talks resume in Geneva", "Delegations met on Tuesday for the first time.",
             "Officials said the next round would follow.", "Share this article", "3 comments", "anna_k",
             "12 March 2019, 10:15", "The delegations have met before, with little to show for it.", "Reply",
             "Talks resume in Geneva"]
    spec = {"title": "Talks resume in Geneva", "body_openings": ["Delegations met on", "Officials said the"],
            "comments": [["anna_k", "12 March 2019, 10:15"]],
            "boilerplate_openings": ["Home | World", "Share this", "3 comments", "No such line"]}
    assert probe_page_labels(texts, spec) == [
        "boilerplate", None, "body", "body", "boilerplate", "boilerplate", "comment", "comment", None, None, None]
    # a title printed once is body, as in Dragnet's gold
    assert probe_page_labels(texts[:-1], spec)[1] == "body"


def test_user_jsonl_loading(tmp_path: Path) -> None:
    from pipeline.segmenter.data import load_user_jsonl

    path = tmp_path / "mine.jsonl"
    path.write_text(json.dumps({"lines": ["  Headline  here ", "", "Body text."], "labels": ["title", "body", "body"]})
                    + "\n", encoding="utf-8")
    assert load_user_jsonl(path) == [{"lines": ["Headline here", "Body text."], "labels": ["title", "body"]}]
    path.write_text(json.dumps({"lines": ["x"], "labels": ["sidebar"]}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError):
        load_user_jsonl(path)
    # a record of `newsstance segment` output, its labels corrected by hand: its lines, labels and source
    segmented = {"id": "a.txt", "source": "example.org", "title": "Headline here", "body": "Body text.",
                 "lines": [{"line_no": 1, "text": "Headline here", "label": "title"},
                           {"line_no": 3, "text": "Body text.", "label": "body"}]}
    path.write_text(json.dumps(segmented) + "\n", encoding="utf-8")
    assert load_user_jsonl(path) == [{"id": "a.txt", "source": "example.org", "site": "example.org",
                                      "lines": ["Headline here", "Body text."], "labels": ["title", "body"]}]
    del segmented["lines"][1]["label"]
    path.write_text(json.dumps(segmented) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="mine.jsonl:1"):
        load_user_jsonl(path)
    # a line left unlabelled (null) stays, as None
    path.write_text(json.dumps({"lines": ["Headline here", "Body text."], "labels": [None, "body"]}) + "\n", encoding="utf-8")
    assert load_user_jsonl(path) == [{"lines": ["Headline here", "Body text."], "labels": [None, "body"]}]


# --- the five real seed dumps (read from ../shared at run time) --------------------------------

DISCLAIMER_RE = re.compile(r"(?i)\bdisclaimer\b|views and opinions expressed|do(?:es)? not necessarily (?:represent|reflect)")
SHARE_PROMPT_RE = re.compile(r"(?i)share buttons|crosspost|forward this article|share this")
AUTHOR_BIO_RE = re.compile(r"(?i)\bcan be reached at\b|^about the author")
COUNTER_RE = re.compile(r"(?i)^\d+ comments?(?:\(s\))?$")
DATE_LINE_RE = re.compile(r"^[A-Z][a-z]+ \d{1,2}, \d{4}$")


def _seed(name_prefix: str) -> Path:
    if not SEEDS:
        pytest.skip("../shared/seeds is absent (fresh clone without the shared data)")
    matches = [path for path in SEEDS if path.name.startswith(name_prefix)]
    if not matches:
        pytest.skip(f"seed {name_prefix}* is absent")
    return matches[0]


def _comment_start(result: Segmentation) -> int:
    """Index of the first line of the seed's comment section (counter header or repeated name), or len."""
    lines = result.lines
    for i, line in enumerate(lines):
        if COUNTER_RE.match(line.text) or (
            i + 2 < len(lines) and line.text == lines[i + 1].text and DATE_LINE_RE.match(lines[i + 2].text)
        ):
            return i
    return len(lines)


@pytest.mark.shared
@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_article_paragraphs_are_body(segmenter: LineSegmenter, prefix: str) -> None:
    result = segment_text(_seed(prefix).read_bytes(), segmenter)
    assert result.title and len(result.title.split()) >= 4 or prefix == "003"  # 003 starts with the text
    stop = _comment_start(result)
    paragraphs = [line for line in result.lines[:stop] if len(line.text.split()) >= 25
                  and not (DISCLAIMER_RE.search(line.text) or AUTHOR_BIO_RE.search(line.text) or SHARE_PROMPT_RE.search(line.text))]
    assert paragraphs
    in_body = sum(line.label == "body" for line in paragraphs)
    assert in_body >= 0.9 * len(paragraphs), f"{in_body}/{len(paragraphs)} long paragraphs in body"
    assert 0.3 < result.body_share <= 1.0


@pytest.mark.shared
@pytest.mark.parametrize("prefix", ["000", "004"])
def test_seed_disclaimers_share_prompts_and_bios_are_boilerplate(segmenter: LineSegmenter, prefix: str) -> None:
    result = segment_text(_seed(prefix).read_text(encoding="utf-8"), segmenter)
    furniture = [line for line in result.lines
                 if DISCLAIMER_RE.search(line.text) or SHARE_PROMPT_RE.search(line.text) or AUTHOR_BIO_RE.search(line.text)]
    assert furniture
    labels = [line.label for line in furniture]
    assert labels.count("boilerplate") >= 0.75 * len(labels), labels
    assert all(line.text not in result.body for line in furniture if DISCLAIMER_RE.search(line.text))


@pytest.mark.shared
def test_seed_comments_with_repeated_names_and_dates(segmenter: LineSegmenter) -> None:
    result = segment_text(_seed("000").read_text(encoding="utf-8"), segmenter)
    lines = result.lines
    authors = [lines[i].text for i in range(len(lines) - 2)
               if lines[i].text == lines[i + 1].text and DATE_LINE_RE.match(lines[i + 2].text)]
    assert len(authors) >= 2
    parsed_authors = [comment.author for comment in result.comments]
    assert sum(author in parsed_authors for author in authors) >= len(authors) - 1
    assert all(comment.text and len(comment.text.split()) >= 5 for comment in result.comments)
    dated = [comment for comment in result.comments if comment.date]
    assert dated and all(DATE_LINE_RE.match(comment.date) for comment in dated)
    for comment in result.comments:
        assert comment.text not in result.body


@pytest.mark.shared
def test_seed_comments_separated_by_reply_buttons(segmenter: LineSegmenter) -> None:
    result = segment_text(_seed("002").read_text(encoding="utf-8"), segmenter)
    start = _comment_start(result)
    assert start < len(result.lines)
    texts = [line for line in result.lines[start + 1:] if line.text != "Reply" and len(line.text.split()) >= 5
             and not line.text.lower().startswith("comment policy")]
    assert texts
    labelled_comment = sum(line.label == "comment" for line in texts)
    assert labelled_comment >= 0.7 * len(texts), f"{labelled_comment}/{len(texts)}"
    assert len(result.comments) >= 0.7 * len(texts)
    assert all(comment.text != "Reply" for comment in result.comments)


def test_error_analysis_notebook_runs_on_the_test_pages() -> None:
    if not (SHARED / "data" / "segmentation" / "dragnet.inscriptis.jsonl.gz").exists():
        pytest.skip("../shared/data/segmentation is absent")
    import nbformat
    from nbclient import NotebookClient

    repo = Path(__file__).resolve().parents[1]
    notebook = nbformat.read(repo / "notebooks" / "02-segmentation-errors.ipynb", as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(repo)}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = json.dumps([o.get("text", "") or o.get("data", {}).get("text/plain", "") for o in outputs])
    assert re.search(r"[1-9]\d* pages, \d+ lines", text) and "of the body-error words" in text


def test_rules_related_links_after_the_last_comment_and_comment_prompts() -> None:
    from pipeline.segmenter.text import apply_rules

    lines = ["What do you think?", "Alice Smith", "October 27, 2018",
             "I do not trust either government on this, both have broken promises before.",
             "Five Lessons From The Arms Race", "Why Treaties Fail In The Long Run", "Privacy | Terms"]
    labels = ["body", "comment", "comment", "comment", "comment", "comment", "boilerplate"]
    assert apply_rules(lines, labels) == ["boilerplate", "comment", "comment", "comment",
                                          "boilerplate", "boilerplate", "boilerplate"]
    # one headline-like line could be the comment's own last line: it stays
    assert apply_rules(lines[:5], labels[:5])[4] == "comment"
    # a name line after the text starts the next comment: not a link
    named = lines[:4] + ["Bob Jones", "Treaties Are Only As Good As Their Verification Regimes"]
    assert apply_rules(named, labels[:6])[4:] == ["comment", "comment"]


def test_a_furniture_title_line_gives_the_title_but_stays_furniture() -> None:
    from pipeline.segmenter.text import finish

    lines = ["in ,", "Ministers Fail To Agree On Missile Treaty | Example News", "Menu", "Updated July 25, 2019 1:34 pm",
             *PARAGRAPHS[:2]]
    labels = ["body", "boilerplate", "boilerplate", "body", "body", "body"]
    result = finish(list(enumerate(lines, start=1)), labels)
    assert result.title == "Ministers Fail To Agree On Missile Treaty | Example News"
    # the scrap above the title is template, the dateline the model kept stays body
    assert [line.label for line in result.lines] == ["boilerplate", "boilerplate", "boilerplate", "body", "body", "body"]
    assert result.title not in result.body and result.title in result.boilerplate
    # a headline the model labelled body becomes the title line; a byline is never the title
    headline = finish(list(enumerate(["By Jane Reporter", "Ministers fail to agree", *PARAGRAPHS[:1]], start=1)),
                      ["body", "body", "body"])
    assert headline.title == "Ministers fail to agree"
    assert [line.label for line in headline.lines] == ["body", "title", "body"]
    # a sentence above the headline is not a template scrap
    kept = finish(list(enumerate(["Breaking news.", *lines[1:]], start=1)), ["body", *labels[1:]])
    assert kept.lines[0].label == "body"


# a modern page as a text dump: cookie banner, skip link, wpDiscuz-style comments with avatars
MODERN_PAGE = """We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.
Accept
Skip to main content
World
Politics
Subscribe
Kremlin says sanctions package will not change its course
By Dana Whitcombe
Share on Facebook
The Kremlin dismissed the latest round of US sanctions on Thursday, saying the measures would hurt American businesses more than Russian ones.
Presidential spokesman Dmitry Peskov told journalists that Russia had prepared for the restrictions for years and that domestic banks would keep operating normally.
The US Treasury said the package targets state lenders and several technology firms, and that further steps were possible.
Tags: Kremlin, Treasury
4 Comments
Oldest
Newest
Most Voted
Inline Feedbacks
View all comments
Avatar
Gregory T.
2 years ago
Sanctions never work against a country this size. They just push Moscow closer to Beijing.
Reply
Avatar
lena_k
2 years ago
Reply to  Gregory T.
They worked well enough on the banks in 2014, look at the ruble then.
Reply
Avatar
Michael Orr
2 years ago
Good. Should have happened much earlier.
Reply
Load More Comments
About Us
Privacy Policy
"""


def test_modern_page_cookie_banner_skip_link_and_avatar_comments(segmenter: LineSegmenter) -> None:
    result = segment_text(MODERN_PAGE, segmenter)
    assert result.title == "Kremlin says sanctions package will not change its course"
    assert "cookies" not in result.body and "Skip to main content" not in result.body
    assert "The US Treasury said the package targets state lenders" in result.body
    assert [(c.author, c.date) for c in result.comments] == [("Gregory T.", "2 years ago"), ("lena_k", "2 years ago"),
                                                             ("Michael Orr", "2 years ago")]
    assert result.comments[1].text == "They worked well enough on the banks in 2014, look at the ruble then."


def test_a_site_tagline_above_the_menu_is_not_the_title_but_a_standfirst_under_the_headline_is_no_headline() -> None:
    from pipeline.segmenter.text import finish

    article = ["U.S. and Russian diplomats met in Riyadh on Thursday for a second round of talks on embassy staffing.",
               "The Russian delegation was led by a deputy foreign minister, and the American side by a senior official.",
               "Both sides discussed direct flights, visas and the return of seized diplomatic property."]
    top = ["The Moscow Courier", "Independent news from Europe's east", "Donate", "News", "Opinion",
           "U.S. and Russian diplomats meet in Riyadh for a second round of talks",
           "Embassy staffing, flights and visas top the agenda", "Feb. 27, 2025"]
    labels = ["boilerplate"] * 5 + ["boilerplate", "body", "body"] + ["body"] * 3
    result = finish(list(enumerate(top + article, start=1)), labels)
    assert result.title == "U.S. and Russian diplomats meet in Riyadh for a second round of talks"
    # the hand-written rules (the baseline of benchmarks/titles.py; the learned scorer takes the standfirst under a
    # creative headline, see the model card's limits): a creative headline shares few words with the article, its
    # standfirst many, and the headline stays the title
    from pipeline.segmenter.text import rule_title

    creative = ["Menu", "The Long Road Back to Normal", "Diplomats discuss embassy staffing, flights and visas in Riyadh talks"]
    assert rule_title(creative + article, ["boilerplate", "body", "body"] + ["body"] * 3) == 1
    # a page title "Headline | Site" holds the headline however few words it shares, and a dateline never wins
    piped = ["Riyadh, Round Two | The Moscow Courier", "World | February 27, 2025", "Diplomats meet in Riyadh for second round of talks"]
    assert rule_title(piped + article, ["boilerplate", "body", "body"] + ["body"] * 3) == 0
    assert rule_title(top[:5] + ["World | February 27, 2025 talks in Riyadh"] + article,
                      ["boilerplate"] * 5 + ["body"] + ["body"] * 3) == 1


def test_a_publication_date_above_the_headline_is_not_the_title() -> None:
    from pipeline.segmenter.text import finish

    lines = ["Fox-style News", "Politics", "Published November 18, 2026 4:55pm EST",
             "Senators demand briefing after report of Russian satellite near US spy craft",
             "By Jordan Hale", "A bipartisan group of senators on Tuesday demanded a classified briefing from the Pentagon "
             "after reports that a Russian satellite had maneuvered close to a U.S. reconnaissance satellite.",
             "U.S. Space Command said it was aware of the Russian satellite's activity and was monitoring it."]
    result = finish(list(enumerate(lines, start=1)), ["boilerplate"] * 5 + ["body"] * 2)
    assert result.title == "Senators demand briefing after report of Russian satellite near US spy craft"
    # nor is a "View this post on the web at URL" line of a newsletter email
    emailed = finish(list(enumerate(["View this post on the web at https://ledger.example.com/p/sanctions-fatigue"]
                                    + lines[3:], start=1)), ["boilerplate"] * 3 + ["body"] * 2)
    assert emailed.title == lines[3]
    # a headline that names a date is still a headline
    dated = finish(list(enumerate(["Russia and US to meet on December 3"] + lines[5:], start=1)), ["body"] * 3)
    assert dated.title == "Russia and US to meet on December 3"


def test_skip_links_menus_and_subscription_offers_above_the_headline_are_not_the_title() -> None:
    from pipeline.segmenter.text import finish

    article = ["Negotiators in Geneva ended a third round of talks without agreeing on how inspections would "
               "resume, officials from both delegations said on Thursday.",
               "A fourth round is tentatively planned for February, though neither side confirmed a date."]
    headline = "Arms Control Talks Stall as Both Sides Dig In Over Verification"
    for furniture in (["Skip to site index"], ["Jump to comments"], ["Skip Navigation"], ["SUBSCRIBE FOR $1/WEEK"],
                      ["Home | World | Nation | Business | Opinion"], ["Skip to content", "SKIP ADVERTISEMENT"]):
        lines = furniture + [headline] + article
        result = finish(list(enumerate(lines, start=1)), ["boilerplate"] * len(furniture) + ["body"] * 3)
        assert result.title == headline, furniture
    # a page title "Headline | Section | Site" and a short breadcrumb title are still titles
    for title in ("Talks stall over inspections | World | The Ledger", "dy/dan » Blog Archive » 1,400 Rectangles"):
        result = finish(list(enumerate([title] + article, start=1)), ["body"] * 3)
        assert result.title == title


def test_a_web_archive_toolbar_is_not_read_as_the_page(segmenter: LineSegmenter) -> None:
    from pipeline.segmenter.cues import archive_banner_length

    toolbar = ["The Wayback Machine - https://web.archive.org/web/20140306121533/http://www.courier.example/world/envoys",
               "61 captures", "05 Mar 2014 - 18 Jun 2021", "Feb MAR APR", "05", "2013 2014 2015", "success", "fail",
               "About this capture", "COLLECTED BY", "Organization: Alexa Crawls",
               "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive.",
               "TIMESTAMPS"]
    page = ["The Lakeshore Courier", "Home | World | Nation | Business | Opinion", "Envoys trade warnings as standoff deepens",
            *PARAGRAPHS, "Share this article", "About us"]
    assert archive_banner_length(toolbar + page) == len(toolbar)
    assert archive_banner_length(page) == 0
    assert archive_banner_length(toolbar[:1] + page) == 1  # no capture panel: the banner line alone
    # a page that quotes the archive's name in its text has no toolbar
    assert archive_banner_length(["An old copy at The Wayback Machine - https://web.archive.org/ shows the claim"]) == 0
    labels = segmenter.predict(toolbar + page)
    assert labels[:len(toolbar)] == ["boilerplate"] * len(toolbar)
    assert labels[len(toolbar):] == segmenter.predict(page)  # the network reads the page as if saved directly
    result = segment_text("\n".join(toolbar + page), segmenter)
    assert result.title == "Envoys trade warnings as standoff deepens"
    assert "Alexa" not in result.body


def test_prompts_inside_the_article_are_furniture_but_sentences_about_ads_and_sharing_are_body() -> None:
    from pipeline.segmenter.text import apply_rules

    prompts = ["CLICK HERE TO GET THE CAPITAL WIRE APP", "Advertisement · Scroll to continue", "SKIP ADVERTISEMENT",
               "Story continues below advertisement", "Continue reading the main story",
               "You can share this story on social media:", "Story continues", "Ad Feedback"]
    sentences = ["Click here, the minister joked, was all the ministry's website ever told visitors to do, and it "
                 "rarely worked.", "Advertisements for the new bonds ran in every Moscow newspaper for a week.",
                 "Officials would not share this story's sources with reporters.", "The story continues to unfold."]
    assert apply_rules(prompts + sentences, ["body"] * 12) == ["boilerplate"] * 8 + ["body"] * 4


def test_ad_prompts_between_paragraphs_do_not_change_how_the_article_is_read(segmenter: LineSegmenter) -> None:
    from pipeline.segmenter import model as model_module

    page = ["World", "Politics", "Ministers fail to agree on missile treaty future", "By Jane Reporter", *PARAGRAPHS,
            "Share this article", "About us", "Privacy policy"]
    prompts = {4: "Advertisement", 6: "Story continues below advertisement", 7: "CLICK HERE TO GET THE APP"}
    with_prompts = list(page)
    for index in sorted(prompts, reverse=True):
        with_prompts.insert(index, prompts[index])
    labels = segmenter.predict(with_prompts)
    assert [label for line, label in zip(with_prompts, labels) if line in prompts.values()] == ["boilerplate"] * 3
    assert [label for line, label in zip(with_prompts, labels) if line not in prompts.values()] == segmenter.predict(page)
    # in a batch, beside pages without prompts, and as probabilities
    assert segmenter.predict_many([page, with_prompts, page]) == [segmenter.predict(page), labels, segmenter.predict(page)]
    # many documents: one RE2 pass finds the prompts instead of the casefolded-text test
    many = [with_prompts] * (1 + model_module.INLINE_PROMPT_RE2_MIN_LINES // len(with_prompts))
    assert segmenter.predict_many(many) == [labels] * len(many)
    assert segmenter.predict(["clicK here to read more"]) == ["boilerplate"]  # a Kelvin sign: RE2's case folding
    assert all(row["boilerplate"] == 1.0 for line, row in zip(with_prompts, segmenter.predict_proba(with_prompts))
               if line in prompts.values())
    assert segmenter.predict(["Advertisement"]) == ["boilerplate"]


def test_related_links_and_page_footers_between_paragraphs_do_not_change_how_the_article_is_read(
        segmenter: LineSegmenter) -> None:
    from pipeline.segmenter import model as model_module

    page = ["World", "Politics", "Ministers fail to agree on missile treaty future", "By Jane Reporter", *PARAGRAPHS,
            "Share this article", "About us", "Privacy policy"]
    footer = "Institute for Arms Control Studies | Briefing Paper 12 | Page {}"
    inserts = {5: ["Read also", "Kremlin says no plans yet for a call with Washington"], 6: [footer.format(2)],
               7: ["READ MORE: Lavrov says Moscow will respond in kind"], 8: [footer.format(3)]}
    with_links = list(page)
    for index in sorted(inserts, reverse=True):
        with_links[index:index] = inserts[index]
    inserted = {line for lines in inserts.values() for line in lines}
    labels = segmenter.predict(with_links)
    assert [label for line, label in zip(with_links, labels) if line in inserted] == ["boilerplate"] * len(inserted)
    assert [label for line, label in zip(with_links, labels) if line not in inserted] == segmenter.predict(page)
    many = [with_links] * (1 + model_module.INLINE_PROMPT_RE2_MIN_LINES // len(with_links))  # the RE2 candidate pass
    assert segmenter.predict_many(many) == [labels] * len(many)
    # a footer printed once is no running footer, and a related link with no paragraph under it ends the article
    once = page[:5] + [footer.format(2)] + page[5:]
    ending = page[:8] + ["Read also", "Kremlin says no plans yet for a call with Washington", "About us"]
    assert not any(mask.any() for mask in segmenter._hidden_lines([once, ending], pa.array(once + ending)))


def test_interrupted_variants_put_the_pages_own_furniture_between_body_lines() -> None:
    import random

    from pipeline.segmenter.data import interrupt, page_site, with_augmentations

    record = {"id": "x/1", "style": "inscriptis", "host_guess": "example.org",
              "lines": ["Home", "World", *PARAGRAPHS, "Share this", "Comments", "Great piece.", "About", "Privacy"],
              "labels": ["boilerplate"] * 2 + ["body"] * len(PARAGRAPHS) + ["boilerplate"] * 2 + ["comment"]
              + ["boilerplate"] * 2}
    furniture = {line for line, label in zip(record["lines"], record["labels"]) if label == "boilerplate"}
    for seed in range(20):
        variant = interrupt(record, random.Random(seed))
        assert variant is not None and variant["augmented"] == "interrupted" and page_site(variant) is None
        added = len(variant["lines"]) - len(record["lines"])
        assert added >= 1
        # the page's own lines in their order, with boilerplate runs of the page's furniture between body lines
        body_at = [i for i, label in enumerate(variant["labels"]) if label == "body"]
        inside = [i for i in range(body_at[0], body_at[-1]) if variant["labels"][i] != "body"]
        assert len(inside) == added and all(variant["labels"][i] == "boilerplate" and variant["lines"][i] in furniture
                                            for i in inside)
        kept = [pair for i, pair in enumerate(zip(variant["lines"], variant["labels"])) if i not in inside]
        assert kept == list(zip(record["lines"], record["labels"]))
    assert interrupt({**record, "labels": ["body"] * len(record["lines"])}, random.Random(0)) is None
    assert with_augmentations([record], 0.0, interrupted=0.0) == [record]
    assert [r.get("augmented") for r in with_augmentations([record], 0.0, interrupted=1.0)] == [None, "interrupted"]


def test_shortened_variants_keep_the_page_but_cut_the_article_after_a_few_paragraphs() -> None:
    import random

    from pipeline.segmenter.data import page_site, shorten, with_augmentations

    paragraphs = [f"{text} ({number})" for number in range(3) for text in PARAGRAPHS]  # 12 paragraphs
    record = {"id": "x/1", "style": "inscriptis", "host_guess": "example.org",
              "lines": ["Home", "World", "Headline of the story", *paragraphs, "Share this", "Great piece.", "About"],
              "labels": ["boilerplate"] * 2 + ["body"] * (1 + len(paragraphs)) + ["boilerplate", "comment", "boilerplate"]}
    kept_counts = set()
    for seed in range(20):
        variant = shorten(record, random.Random(seed))
        assert variant is not None and variant["augmented"] == "shortened" and page_site(variant) is None
        # every line but the article's later paragraphs, in order: the headline and 2 to 4 paragraphs stay
        assert [line for line in record["lines"] if line in variant["lines"]] == variant["lines"]
        assert [(line, label) for line, label in zip(record["lines"], record["labels"]) if label != "body"] \
            == [(line, label) for line, label in zip(variant["lines"], variant["labels"]) if label != "body"]
        body = [line for line, label in zip(variant["lines"], variant["labels"]) if label == "body"]
        assert body[0] == "Headline of the story" and body[1:] == paragraphs[:len(body) - 1]
        kept_counts.add(len(body) - 1)
    assert kept_counts == {2, 3, 4}
    # an article of two paragraphs is that short already
    short = {**record, "lines": record["lines"][:5], "labels": record["labels"][:5]}
    assert shorten(short, random.Random(0)) is None
    assert [r.get("augmented") for r in with_augmentations([record], 0.0, shortened=1.0)] == [None, "shortened"]
    assert with_augmentations([record], 0.0, shortened=0.0) == [record]


def test_transplanted_variants_put_the_article_in_another_hosts_header_and_footer() -> None:
    from pipeline.segmenter.data import page_site, transplant, with_augmentations

    record = {"id": "x/1", "style": "inscriptis", "host_guess": "example.org",
              "lines": ["Home", "World", *PARAGRAPHS, "Share this", "Great piece.", "About", "Privacy"],
              "labels": ["boilerplate"] * 2 + ["body"] * len(PARAGRAPHS) + ["boilerplate", "comment"] + ["boilerplate"] * 2}
    donor = {"id": "y/2", "style": "inscriptis", "host_guess": "other.net",
             "lines": ["Skip to content", "Sections", "Their own story.", "Contact", "Terms", "(c) Other"],
             "labels": ["boilerplate"] * 2 + ["body"] + ["boilerplate"] * 3}
    variant = transplant(record, donor)
    assert variant["augmented"] == "transplanted" and page_site(variant) is None
    # the donor's header and footer around the page's own lines from its first article line to its last comment
    assert variant["lines"] == ["Skip to content", "Sections", *PARAGRAPHS, "Share this", "Great piece.", "Contact",
                                "Terms", "(c) Other"]
    assert variant["labels"] == ["boilerplate"] * 2 + ["body"] * len(PARAGRAPHS) + ["boilerplate", "comment"] + \
        ["boilerplate"] * 3
    assert transplant(record, {**donor, "labels": ["body"] * 6}) is None  # a donor without a template gives none
    # donors come from other hosts of the same dump style
    same_host = {**donor, "host_guess": "example.org"}
    assert with_augmentations([record, same_host], 0.0, transplanted=1.0) == [record, same_host]
    kinds = [r.get("augmented") for r in with_augmentations([record, donor], 0.0, transplanted=1.0)]
    assert kinds.count("transplanted") >= 1 and kinds[:2] == [None, None]
    assert with_augmentations([record, donor], 0.0, transplanted=0.0) == [record, donor]
    # the draws are seeded: the same call gives the same variants
    assert with_augmentations([record, donor], 0.0, transplanted=1.0) == with_augmentations([record, donor], 0.0,
                                                                                             transplanted=1.0)


CYRILLIC_PAGES = {
    # page (our text): its headline, and its comments as a reader sees them
    "ru_news_comments.txt": ("Лавров: Москва готова к диалогу с Вашингтоном, но не на условиях ультиматума",
                             [("Сергей П.", "3 декабря 2026, 16:02", "Диалог нужен, но пока его никто всерьёз не хочет."),
                              ("Ольга", "3 дня назад", "Посмотрим, что будет весной.")]),
    "ru_news_comments_widget.txt": (
        "Госдума одобрила обращение к Конгрессу США по вопросу о дипломатической собственности",
        [("Виктор Н.", "04.12.2026, 15:40", "Пишут обращения уже который год, а толку никакого."),
         ("Марина_К", "04.12.2026, 16:12", "Правильно делают, собственность надо возвращать."),
         ("Гость", "5 минут назад", "Никто им ничего не вернёт.")]),
    "ru_interview_comments.txt": (
        "Эксперт: санкционный диалог между Москвой и Вашингтоном возможен только на уровне специалистов",
        [("Алексей", "вчера", "Интересное интервью, спасибо.")]),
    # a wire story: "Читайте также" over a headline between paragraphs, a feed of headlines and times above the comments
    "ru_wire_dateline.txt": ("Рябков: Москва готова к контактам с Вашингтоном по стратегической стабильности",
                             [("Андрей К.", "4 декабря 2026, 13:02", "Сколько можно говорить, пора уже договариваться."),
                              ("Наталья", "4 декабря 2026, 13:20", "Без конкретики это просто слова.")]),
    # an opinion column: the columnist's title under the name, "the author's opinion may differ from the editors'"
    "ru_opinion_column.txt": ("Почему Вашингтону и Москве снова нужен кризисный канал связи",
                              [("Дмитрий", "5 декабря 2026, 18:40",
                                "Давно пора. Без связи между военными любая мелочь может стать поводом для большой беды."),
                               ("Елена В.", "5 декабря 2026, 19:02", "Автор прав, но кто на это пойдет в нынешней обстановке?"),
                               ("Гость", "5 декабря 2026, 20:15", "Хорошая статья.")]),
    # a Ukrainian wire story: "Читайте також" over a headline between paragraphs, tags, a news feed with times
    "uk_wire_feed.txt": ("Вашингтон і Москва домовилися продовжити консультації щодо обміну полоненими",
                         [("Тарас", "4 грудня 2026, 17:05", "Аби тільки цей обмін нарешті відбувся."),
                          ("Оксана М.", "4 грудня 2026, 17:40", "Без посередників тут нічого не вийде.")]),
    "uk_news_comments.txt": ("Вашингтон і Москва обмінялися заявами щодо контролю над озброєннями",
                             [("Олег", "2 години тому", "Заяви заявами, а домовлятися все одно доведеться."),
                              ("Ірина С.", "4 грудня 2026, 12:40", "Цікаво, чи хтось узагалі вірить у ці переговори."),
                              ("Андрій", "вчора", "Дякую за матеріал, дуже виважено написано.")]),
}


# pages misread, as strict xfails, so a fix shows up as a failure to update (none since stop 35: the title scorer, which
# had taken uk_wire_feed.txt's standfirst, reads a headline over its standfirst; the page is none of its training pages)
CYRILLIC_MISREAD_PAGES: dict[str, str] = {}


@pytest.mark.parametrize("name", [pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=CYRILLIC_MISREAD_PAGES[name]))
                                  if name in CYRILLIC_MISREAD_PAGES else name for name in sorted(CYRILLIC_PAGES)])
def test_russian_and_ukrainian_pages(segmenter: LineSegmenter, name: str) -> None:
    """The network's tokens are English; Cyrillic pages rest on the Russian/Ukrainian cue words and patterns."""
    page = (Path(__file__).parent / "pages" / name).read_text(encoding="utf-8")
    headline, expected_comments = CYRILLIC_PAGES[name]
    result = segment_text(page, segmenter)
    assert result.title == headline
    comments_header = next(i for i, line in enumerate(result.lines) if line.text.startswith(("Комментарии", "Коментарі")))
    paragraphs = [line for line in result.lines[:comments_header] if len(line.text.split()) >= 12 and line.text.endswith(".")]
    assert len(paragraphs) >= 3 and all(line.label == "body" for line in paragraphs)
    assert [(c.author, c.date, c.text) for c in result.comments] == expected_comments
    for line in result.lines:
        if line.text.startswith(("Поделиться", "Поділитися", "Подписывайтесь", "Підписуйтесь", "При ", "©", "Мнение автора")):
            assert line.label == "boilerplate", line.text
    assert not any(text in result.body for _, _, text in expected_comments)
    # a related-stories block ("Материалы по теме", "По теме") and its headlines are no part of the article
    related = next((i for i, line in enumerate(result.lines) if line.text in ("Материалы по теме", "По теме")), None)
    if related is not None:
        assert [line.label for line in result.lines[related:related + 3]] == ["boilerplate"] * 3


# Pages of our own text in layouts of the 2020s (a newsletter platform, a local paper running a wire story, a live
# blog, a think tank's commentary, a state broadcaster's English site, an analysis with threaded comments): the title where the title rule gets it (the newsletter's tagline above its
# headline still wins: see the model card), the comments' authors and dates, and the site's notices among the
# long sentence-like lines, all others being the article's.
ENGLISH_PAGES = {
    "en_newsletter_comments.txt": (None, [("Peter Haldane", "Dec 3"), ("Marta Kovalenko", "Dec 3"), ("olga_v", "Dec 4")],
                                   ("Thanks for reading",)),
    "en_wire_local_comments.txt": ("Russia says it will not attend Arctic Council meeting in Anchorage",
                                   [("KenR", "2 hours ago"), ("Linda Morse", "1 hour ago"),
                                    ("DaveInFairbanks", "35 minutes ago")],
                                   ("We invite you", "Copyright", "Associated Press writer")),
    "en_live_blog.txt": ("Ukraine-Russia talks: live updates", [], ()),
    "en_state_media_article.txt": ("US plans to expand Baltic troop presence – Moscow", [],
                                   ("Dear readers", "This website uses cookies")),
    # a reply names whom it answers ("@rolandT") under its own author and date
    "en_analysis_threaded_comments.txt": ("The deal Washington and Moscow keep almost making",
                                          [("rolandT", "3 Dec 2026 17:40"), ("Marginalia", "3 Dec 2026 17:52")], ()),
    "en_think_tank_commentary.txt": ("Sanctions at ten: what the evidence says about their effect on Russia's economy", [],
                                     ("Daniel Whitcombe is", "The views expressed")),
    # speakers' names over their words ("Pavel Orlov:") are no commenters; the site's name over its menu is no title
    "en_kremlin_style_transcript.txt": ("Meeting with Foreign Minister Pavel Orlov", [], ("All materials",)),
    "en_press_briefing.txt": (None, [], ()),  # "QUESTION:" / "MR LANE:" turns are the article
    # a table inside the article, a paragraph after it, "Reply" / "Like" between the comments
    "en_data_story_comments.txt": ("Europe bought less Russian gas this year. Here is who bought more",
                                   [("gridwatcher", "2 hours ago"), ("Nora Whitfield", "1 hour ago"),
                                    ("Pieter V.", "3 hours ago")], ()),
    "en_newsletter_digest.txt": ("Russia Watch Daily: talks in Geneva, a tanker seized, and a quiet week on the front", [],
                                 ("Russia Watch Daily is",)),
    # two comment platforms of news sites: Disqus (a reply names whom it answers; "• edited") and OpenWeb (vote counts)
    "en_disqus_comments.txt": ("Poland tells NATO allies it wants more air defence before spring",
                               [("Marek Z.", "9 hours ago"), ("Helga S.", "7 hours ago"), ("truthfirst", "5 hours ago")],
                               ("Support independent journalism",)),
    "en_openweb_comments.txt": ("Senate panel advances bill to speed weapons deliveries to Taiwan and Ukraine",
                                [("MidwestMike", "3h"), ("lena_k", "2h"), ("Pat Garrity", "1h")], ()),
    # commenters' names over their home towns, "34 Recommend" buttons, the author's bio under the article
    "en_newspaper_reader_comments.txt": ("The Baltic Sea Is Getting Crowded, and Not Only With Ships",
                                         [("Margaret H.", "Dec. 3"), ("K. Lindqvist", "Dec. 3")],
                                         ("Erik Solberg is", "A version of this article")),
    # a bulleted list inside the article; a comment in Russian under an English article
    "en_sanctions_list_mixed_comments.txt": ("Treasury unveils new sanctions targeting Russia's Arctic gas projects",
                                             [("Trader_Joe", "December 4, 2026 at 3:12 pm"),
                                              ("Олег", "December 4, 2026 at 4:40 pm")], ()),
    # a three-word headline over its standfirst, crossheads, footnotes and the author's bio
    "en_quarterly_essay.txt": ("The Long Freeze", [], ("[1]", "[2]", "Catherine Mills is", "Copyright")),
    # a wire story with "Read also" over a headline between its paragraphs, tags, and a feed of headlines and times
    "en_wire_dateline_tags.txt": ("Russian diplomat says Moscow open to new talks on prisoner exchanges with Washington",
                                  [], ()),
    # photo captions and a pull quote inside the article, a "Most read" list and a newsletter form under it
    "en_photo_captions_most_read.txt": ("Finnish border towns learn to live with a closed crossing", [], ("By signing up",)),
    # a republished article: the syndication notices, a donation appeal, and a Facebook comments plugin
    "en_republished_facebook_plugin.txt": ("How sanctions reshaped trade in a Kazakh border town",
                                           [("Gulnara Abenova", "2d"), ("Michael Brent", "1d"), ("Daniyar Seitkali", "1d")],
                                           ("This article originally appeared", "Originally published at",
                                            "If you value our reporting")),
    # a PDF's text: hard-wrapped, a running footer with the page number on every page, notes and the authors' bios
    # (its title, wrapped over two lines under the series' header, is not found: see the model card)
    "en_pdf_report_wrapped.txt": (None, [], ("1 Figures", "2 The authors", "Helena Brandt is", "The views expressed")),
    # posts of two ministries' spokespeople quoted in the article, each over its "— Name (@handle) date" line
    "en_embedded_posts.txt": ("Moscow and Washington trade barbs online after Black Sea drone incident", [], ()),
    # a blogging platform: claps and response counts, "Written by", and responses with their like counts
    "en_medium_responses.txt": ("What the Arctic Council crisis says about US–Russia cooperation",
                                [("Tom Gallagher", "Dec 3, 2026"), ("Svetlana Morozova", "Dec 3, 2026")], ()),
    # a government press statement under the ".gov" banner ("An official website of ..."), "FOR IMMEDIATE RELEASE", "###"
    "en_government_press_statement.txt": ("Detention of U.S. Citizens in Russia", [], ()),
    # a South Asian outlet's wire story: "Also Read | <headline>" between paragraphs, "Follow us on Google News", a
    # syndication disclaimer
    "en_south_asian_outlet.txt": ("US, Russia to hold talks on strategic stability in Geneva next month: Report", [],
                                  ("Catch all the Latest", "Disclaimer:")),
    # a question-and-answer interview ("Q:" / "A:" paragraphs) under an editor's note
    "en_qa_interview.txt": ('"Deterrence is a conversation": a former negotiator on talking to Moscow', [],
                            ("This interview has been edited",)),
    # a broadcaster's transcript (its title: the show; "Aired <date>" is a date line), the rush-transcript notice, time
    # codes, speakers' names in capitals, tape markers
    "en_tv_transcript.txt": ("Evening Report", [], ("THIS IS A RUSH TRANSCRIPT",)),
    # an aggregator running a wire story: "Story continues", a recommended feed, comments with thumbs counts
    "en_aggregator_syndicated.txt": ("US and Russian officials meet in Vienna on consular staffing dispute",
                                     [("J. Ramirez", "1 day ago"), ("Fedorov", "23 hours ago"), ("anne b", "20 hours ago")],
                                     ()),
    # a printer-friendly page: "Print this page | Close window" above, the URL and a reprint notice under it
    "en_print_version.txt": ("Congress weighs extending Russian uranium import ban waivers", [], ("Copyright",)),
    # an archive.today snapshot: the archive's toolbar above the saved page
    "en_archive_today_snapshot.txt": ("Estonia says drone crossed border from Russia, summons envoy", [], ()),
    # a "Key points" summary with its AI disclosure above the article, the author's bio under it
    "en_key_points_summary.txt": ("Pentagon review finds gaps in tracking of weapons sent to Eastern Europe", [],
                                  ("This summary was generated",)),
    # a TypePad blog: each comment's text, then "Posted by: NAME | DATE | N" (names in lower case too)
    "en_typepad_blog_comments.txt": ("Why the Arctic Council Deadlock Suits Both Washington and Moscow",
                                     [("Arctic_fox", "Dec 3 2026 10:15 utc"), ("Lena M", "Dec 3 2026 10:31 utc"),
                                      ("north of 60", "Dec 3 2026 11:02 utc")], ("Comments are moderated",)),
    # a Russian news agency's English site: the dateline "MOSCOW, December 4. /TASS/.", "Read also", a feed of times
    "en_tass_style.txt": ("Lavrov, Rubio discuss preparations for summit by phone", [], ("All rights reserved",)),
    # a public broadcaster: byline, role and place on lines of their own, a photo credit and caption, "Related topics"
    "en_broadcaster_uk.txt": ("Russia and US hold first talks on arms control in three years", [], ("Copyright",)),
    # a cable news site: "Ad Feedback" between paragraphs, a "Related article" link over a short paragraph (see below)
    "en_cable_news.txt": ("Kremlin dismisses report of secret talks with Washington", [], ()),
    # a comment section of anonymous comments, each under a bare time: read as more of the article (see below)
    "en_anonymous_comments_stamps.txt": ("Farm groups worry as Russia signals return to US grain markets",
                                         [(None, "09:14"), (None, "09:40"), (None, "10:02"), (None, "10:35")], ()),
}


# pages the segmenter still gets wrong somewhere, with what: strict, so a fix shows up as a failure to update
KNOWN_MISREAD_PAGES = {
    "en_anonymous_comments_stamps.txt": "comments without names, each under a bare time, are read as article text",
    # the learned title scorer (stop 33) on pages it was not trained on, where the hand-written rules had been fitted
    "en_live_blog.txt": "title: an entry's heading is taken for the live blog's headline",
    "en_quarterly_essay.txt": "title: the standfirst is taken for the short creative headline above it",
    "en_tv_transcript.txt": "title: the anchor's question is taken for the programme's name",
    "en_cable_news.txt": "the article's end, a nine-word paragraph under a 'Related article' link and one more, is read "
                         "as boilerplate",
    # since stop 37's network (fine-tuned with the probe pages)
    "en_data_story_comments.txt": "the data story's note on its sources, a paragraph under the chart, is read as boilerplate",
}


@pytest.mark.parametrize("name", [pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=KNOWN_MISREAD_PAGES[name]))
                                  if name in KNOWN_MISREAD_PAGES else name for name in sorted(ENGLISH_PAGES)])
def test_modern_english_layouts(segmenter: LineSegmenter, name: str) -> None:
    page = (Path(__file__).parent / "pages" / name).read_text(encoding="utf-8")
    headline, expected_comments, notices = ENGLISH_PAGES[name]
    result = segment_text(page, segmenter)
    if headline is not None:
        assert result.title == headline
    paragraphs = [line for line in result.lines if len(line.text.split()) >= 12 and line.text.endswith(".")
                  and not any(line.text in c.text for c in result.comments)]
    assert len(paragraphs) >= 4
    for line in paragraphs:
        assert (line.label == "boilerplate") == line.text.startswith(notices), line.text
    assert [(c.author, c.date) for c in result.comments] == expected_comments
    for line in result.lines:
        if line.text.startswith("• ") and name == "en_sanctions_list_mixed_comments.txt":  # the article's list
            assert line.label == "body", line.text
        if line.text in ("Advertisement", "ADVERTISEMENT", "Share", "Reply", "Report", "Subscribe", "Share this post",
                         "Follow RT on Telegram", "Reuse this content", "FOR IMMEDIATE RELEASE",
                         "An official website of the United States government", "Ad Feedback") \
                or line.text.startswith("READ MORE"):
            assert line.label == "boilerplate", line.text
        # related-article links, running page footers, and the headlines and times of a news feed
        if line.text in ("Read also", "Lavrov: Moscow will respond to any new sanctions in kind", "14:10", "13:31") \
                or line.text.endswith(("Page 2", "Page 3")):
            assert line.label == "boilerplate", line.text


# Short pages of platforms users collect (a Reddit thread, a Telegram post, a VK community post, a paywalled teaser, a
# Ukrainian news site, a Russian agency, German and French news sites) and HTML pages of modern markup (comments in <article> elements with
# <button>s, a Russian news site's comment <div>s, a WordPress theme): (segment as, title or None, line openings that
# must be body, (author, date) of the comments, line openings that must be boilerplate)
PLATFORM_PAGES = {
    "en_reddit_thread.txt": ("text", None, ("I have been comparing", "Is this normal"),
                             [("KettleDrumm", "6 hours ago"), ("vasya_k", "5 hours ago"), ("MaraudingMeerkat", "4 hours ago")],
                             ("hide", "permalink", "embed", "parent", "reply", "41 points", "Use of this site")),
    "ru_telegram_post.txt": ("text", None, ("Госдеп США подтвердил", "По нашим данным"), [],
                             ("12,4K views", "View in Telegram", "If you have Telegram")),
    "ru_vk_post_comments.txt": ("text", None, ("В Вашингтоне заявили", "В Минфине России", "Экономисты"),
                                [("Алексей Громов", "вчера в 12:04"), ("Ирина Соколова", "вчера в 12:31"),
                                 ("Дмитрий Павлов", "вчера в 13:10")],
                                ("Показать полностью", "Нравится", "Ответить", "Показать следующие комментарии")),
    "en_paywall_teaser.txt": ("text", "Russia's central bank keeps rates high as wartime spending strains budget",
                              ("Officials signal no relief", "Russia's central bank held", "The decision had been"), [],
                              ("Subscribe to unlock", "Then $75 per month", "Already a subscriber", "Gift this article")),
    # a Ukrainian site: "Реклама:" between paragraphs, the Ctrl+Enter error notice, tags, partners' news, comments
    "uk_news_ads_errors.txt": ("text", "США та Росія провели нові консультації щодо обміну полоненими",
                               ("Представники США", "За словами", "У Державному департаменті", "Аналітики"),
                               [("Андрій", "7 грудня 2026, 12:14"), ("Марина К.", "7 грудня 2026, 12:40")],
                               ("Реклама:", "Якщо ви помітили помилку", "Теги:", "Новини партнерів", "Відповісти", "©")),
    # a Russian agency: a subheading over the text, tags, "Читайте также", a feed of times and headlines
    "ru_agency_feed_tags.txt": ("text", "В Кремле прокомментировали перспективы встречи с президентом США",
                                ("Сроки возможной встречи", "По его словам", "«Контакты продолжаются", "Ранее"), [],
                                ("Читать в Telegram", "Читайте также", "Лента новостей", "15:42", "Все новости", "©")),
    # an article from a news database's export (Nexis Uni): its metadata above and under the text
    "en_nexis_export.txt": ("text", "US and Russia agree to resume talks on embassy staffing",
                            ("The United States and Russia", "The talks will", "Russian officials", "Analysts said"), [],
                            ("Copyright", "Section:", "Length:", "Classification", "Language:", "Load-Date",
                             "End of Document")),
    # German and French news sites with comment sections ("vor 2 Stunden", "Antworten"; "il y a 2 heures", "Répondre"):
    # the German article's last paragraph, above its share row, is still lost (the weak spot of an article's end)
    "de_news_comments.txt": ("text", "USA und Russland vereinbaren neue Gespräche über Rüstungskontrolle",
                             ("Erstmals seit", "Die Vereinigten Staaten", "Es wären", "Der russische"),
                             [("Heinz M.", "vor 2 Stunden"), ("Lisa_K", "vor 1 Stunde"), ("Thomas Weber", "vor 45 Minuten")],
                             ("Artikel teilen", "Kommentare (3)", "Antworten", "Melden", "Impressum", "©")),
    "fr_news_comments.txt": ("text", "Washington et Moscou relancent le dialogue sur le contrôle des armements",
                             ("Les deux pays", "Les États-Unis", "La rencontre", "Le vice-ministre", "Les experts"),
                             [("Pierre L.", "il y a 2 heures"), ("Sophie_M", "il y a 1 heure"),
                              ("Jean-Marc Roussel", "il y a 40 minutes")],
                             ("Partager", "Réactions (3)", "Répondre", "Signaler", "Mentions légales", "©")),
    "en_modern_news.html": ("html", "NATO allies split over timing of new Russia talks",
                            ("NATO foreign ministers", "A group led by", "Poland and the Baltic", "Diplomats said"),
                            [("Henrik L.", "2 hours ago"), ("baltic_observer", "1 hour ago"), ("M. Okafor", "45 minutes ago")],
                            ("We use cookies", "Comments are moderated", "Reply", "Read more", "Load more comments")),
    # a page of <div>s only, links and spans side by side (a nav bar, a byline of three spans), a newsletter promo
    # between paragraphs (its last paragraph, nine words under a paragraph the promo precedes, is still lost)
    "en_div_soup.html": ("html", "Senators press Pentagon on Black Sea drone incident",
                         ("A bipartisan group", "The senators wrote", "Russia's defence ministry"), [],
                         ("Capitol Signal Congress Defense Newsletters", "By Ellen Marsh Dec. 4, 2026 3 min read",
                          "Get the Defense Brief", "More from Capitol Signal", "©")),
    "ru_news_comments.html": ("html", "В Женеве завершился раунд консультаций России и США по стратегической стабильности",
                              ("Делегации России и США", "По словам", "Эксперты", "Следующий раунд"),
                              [("Сергей", "5 декабря 2026, 15:02"), ("Наталья В.", "5 декабря 2026, 15:47"),
                               ("ivan_77", "5 декабря 2026, 16:30")],
                              ("Читайте также", "Поделиться", "Ответить", "©")),
    "en_wordpress_comments.html": ("html", "Why the New START lapse matters less than you think",
                                   ("When the last treaty", "Both countries still", "What has changed", "That, rather"),
                                   [("Peter Lindgren", "December 2, 2026 at 6:14 pm"),
                                    ("Helen Marsh", "December 2, 2026 at 7:01 pm"),
                                    ("R. Okonkwo", "December 3, 2026 at 9:30 am"),
                                    ("tomasz", "December 4, 2026 at 11:02 pm")],
                                   ("Posted in", "Leave a Reply", "Your email address", "Proudly powered")),
}


# strict, as KNOWN_MISREAD_PAGES
PLATFORM_MISREAD_PAGES = {
    "ru_agency_feed_tags.txt": "since stop 37's network: the agency's 'Читать в Telegram' prompt is read as body",
}


@pytest.mark.parametrize("name", [pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=PLATFORM_MISREAD_PAGES[name]))
                                  if name in PLATFORM_MISREAD_PAGES else name for name in sorted(PLATFORM_PAGES)])
def test_platform_pages_and_modern_html(segmenter: LineSegmenter, name: str) -> None:
    kind, headline, body_openings, expected_comments, boilerplate_openings = PLATFORM_PAGES[name]
    page = (Path(__file__).parent / "pages" / name).read_text(encoding="utf-8")
    result = (segment_html if kind == "html" else segment_text)(page, segmenter)
    if headline is not None:
        assert result.title == headline
    for opening in body_openings:
        assert [line.label for line in result.lines if line.text.startswith(opening)] == ["body"], opening
    assert [(c.author, c.date) for c in result.comments] == expected_comments
    for opening in boilerplate_openings:
        labels = [line.label for line in result.lines if line.text.startswith(opening)]
        assert labels and set(labels) == {"boilerplate"}, (opening, labels)


def test_a_table_layout_page_in_windows_1251_keeps_its_columns_apart(segmenter: LineSegmenter) -> None:
    # a 2000s layout: the menu and currency rates in one cell, the article (lines split by <br>) in the next
    page = (Path(__file__).parent / "pages" / "ru_table_layout_cp1251.html").read_bytes()
    result = segment_html(page, segmenter)
    assert result.title == "Эксперты оценили перспективы нового договора о ракетах"
    lines = {line.text: line.label for line in result.lines}
    assert lines["EUR 99,15"] == "boilerplate"  # not joined to the headline in the cell beside it
    paragraphs = [text for text in lines if text.endswith(".") and len(text.split()) >= 12 and not text.startswith("©")]
    assert len(paragraphs) == 4 and all(lines[text] == "body" for text in paragraphs)
    assert all(lines[text] == "boilerplate" for text in ("Другие новости раздела:", "МИД прокомментировал заявление НАТО"))
    # a data table's cells stay on one line per row
    from pipeline.segmenter.html import html_to_lines

    table = "<table><tr><td>Deployed warheads</td><td>1,550</td></tr><tr><td>Launchers</td><td>700</td></tr></table>"
    assert html_to_lines(f"<html><body>{table}</body></html>")[0] == ["Deployed warheads 1,550", "Launchers 700"]


def test_an_opinion_essay_keeps_its_opening_paragraph_and_dates_facebook_style_comments(segmenter: LineSegmenter) -> None:
    page = (Path(__file__).parent / "pages" / "en_opinion_essay_facebook_comments.txt").read_text(encoding="utf-8")
    result = segment_text(page, segmenter)
    assert result.title == "America should stop pretending Russia will just go away"
    lines = [line.text for line in result.lines]
    essay = lines[lines.index("Share full article") + 1: lines.index("None of this is glamorous. But it is a policy that "
                                                                     "could survive a change of administration, which is "
                                                                     "more than can be said for anything we have tried so far.") + 1]
    paragraphs = [line for line in result.lines if line.text in essay and line.text.endswith(".")]
    assert len(paragraphs) == 6
    assert all(line.label == "body" for line in paragraphs), [line.text for line in paragraphs if line.label != "body"]
    assert [(c.author, c.date) for c in result.comments] == [("Linda Carver", "2d"), ("Tom Reyes", "1d"),
                                                              ("Samuel Okafor", "1d")]
    assert all(line.label == "boilerplate" for line in result.lines if line.text.startswith("Like · Reply"))


def test_a_markdown_dump_is_segmented_as_its_text(segmenter: LineSegmenter) -> None:
    page = (Path(__file__).parent / "pages" / "en_markdown_dump.md").read_text(encoding="utf-8")
    result = segment_text(page, segmenter)
    assert result.title == "Poland tells NATO allies it wants more air defence before spring"
    assert "](" not in result.body and "**" not in result.body and "https://" not in result.body
    assert "Poland has asked its NATO allies to extend and enlarge the rotation" in result.body
    assert "Moscow described the request" in result.body
    assert [(c.author, c.date) for c in result.comments] == [("Marek Z.", "9 hours ago"), ("Helga S.", "7 hours ago")]
    page_lines = page.split("\n")
    for line in result.lines:  # line numbers point at the page's own lines
        assert line.text.split(" ")[-1].rstrip(".,\"") in page_lines[line.line_no - 1], line


def test_word_scores_weigh_lines_by_words_and_pool_documents():
    from pipeline.segmenter.train import scores_from_counts, word_counts, word_scores

    first = {"lines": ["Sanctions were extended on Monday", "Great piece", "Share this"],
             "labels": ["body", "comment", "boilerplate"]}
    second = {"lines": ["Talks resume", "Subscribe now"], "labels": ["title", "boilerplate"]}
    predicted = [["body", "body", "boilerplate"], ["body", "body"]]
    # body: 5 + 2 words right (a title counts as body); 5 + 2 + 2 + 2 predicted; 5 + 2 gold
    scores = word_scores([first, second], predicted)
    assert scores["body_precision"] == pytest.approx(7 / 11)
    assert scores["body_recall"] == 1.0
    assert scores["body_f1"] == pytest.approx(2 * 7 / (11 + 7))
    assert scores["comment_recall"] == 0.0 and scores["comment_f1"] == 0.0
    assert scores["line_accuracy"] == pytest.approx(3 / 5)
    pooled = [a + b for a, b in zip(word_counts(first, predicted[0]), word_counts(second, predicted[1]))]
    assert scores_from_counts(pooled) == scores


# An eighth round of probe pages (stop 24): each page's expected title (null: not checked), article paragraphs
# (openings), comments (author, date) and furniture (openings) are in a JSON file beside the pages, written with the
# pages before any change;
# pages the segmenter still gets wrong carry "known_misread" (strict: a fix shows up as a failure to update)
PROBE_PAGES = {name: spec for path in sorted((Path(__file__).parent / "pages").glob("probe_pages_*.json"))
               for name, spec in json.loads(path.read_text(encoding="utf-8")).items()}


@pytest.mark.parametrize("name", [pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=spec["known_misread"]))
                                  if "known_misread" in spec else name for name, spec in sorted(PROBE_PAGES.items())])
def test_probe_pages_of_further_platforms(segmenter: LineSegmenter, name: str) -> None:
    spec = PROBE_PAGES[name]
    page = (Path(__file__).parent / "pages" / name).read_bytes()
    from pipeline.segmenter.data import probe_page_failures

    result = segment_html(page, segmenter) if spec["kind"] == "html" else segment_text(page.decode("utf-8"), segmenter)
    assert probe_page_failures(spec, [(line.label, line.text) for line in result.lines], result.title,
                               [[c.author, c.date] for c in result.comments]) == []


def test_a_base_model_fine_tuned_with_word_grams_reads_them_and_starts_as_it_was(tmp_path: Path) -> None:
    import torch

    docs, labels = _toy_corpus()
    base = LineSegmenter().fit(docs, labels, epochs=25, lr=1e-2, min_count=1, embedding=16, hidden=16, layers=1)
    assert not base.reads_grams
    untrained = LineSegmenter().fit(docs, labels, base=base, epochs=0, gram_min_count=2)
    assert untrained.reads_grams and {"<ho", "hom", "ome", "me>"} <= set(untrained.vocab["g"])
    assert untrained.vocab_size == base.vocab_size + len(untrained.vocab["g"])
    # the grams' embeddings start at zero: before any step the model reads every page as its base does
    assert torch.equal(untrained._scores(docs)[0], base._scores(docs)[0])
    tuned = LineSegmenter().fit(docs, labels, base=base, epochs=5, lr=1e-2, gram_min_count=2)
    assert tuned.network.embed.weight[base.vocab_size + 1:].abs().sum() > 0
    tuned.save(tmp_path / "grams.safetensors")
    loaded = load_segmenter(tmp_path / "grams.safetensors")
    assert loaded.reads_grams and loaded.predict_many(docs) == tuned.predict_many(docs)
