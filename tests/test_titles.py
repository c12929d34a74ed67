"""The learned title scorer (pipeline.segmenter.titles)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from pipeline.segmenter import segment_text, titles
from pipeline.segmenter.text import finish

ARTICLE = ["Moscow rejected on Friday a US proposal to station monitors on ships crossing the Black Sea, the foreign "
           "ministry said in a statement.",
           "The proposal, made at talks in Istanbul last week, would have placed observers from neutral countries on "
           "grain ships leaving Ukrainian ports.",
           "A spokeswoman for the State Department said Washington would keep the offer on the table."]


def test_the_shipped_scorer_reads_the_features_this_version_computes() -> None:
    scorer = titles.load_title_scorer()
    candidates, matrix = titles.candidate_features(["Russia rejects US plan for Black Sea monitors", *ARTICLE], ["body"] * 4)
    assert candidates == [0] and matrix.shape == (1, len(titles.FEATURES)) == (1, len(scorer.coef))
    assert scorer.features == titles.FEATURES and len(scorer.mean) == len(scorer.scale) == len(scorer.features)
    stale = {**scorer.to_json(), "features": list(titles.FEATURES[:-1])}
    with pytest.raises(ValueError, match="retrain"):
        titles.TitleScorer.from_json(stale)
    assert scorer.metadata["pages"] > 500 and scorer.metadata["dragnet_weight"] == titles.DRAGNET_WEIGHT


def test_the_headline_is_picked_over_the_site_name_its_menu_and_a_page_title_copy() -> None:
    lines = ["Russia rejects US proposal for Black Sea shipping monitors | The Northfield Tribune", "Skip to content",
             "The Northfield Tribune", "Home", "World", "Politics", "Business", "Opinion",
             "Russia rejects US proposal for Black Sea shipping monitors", "By Colin Ashworth", *ARTICLE]
    labels = ["boilerplate"] * 8 + ["body", "boilerplate"] + ["body"] * 3
    result = finish(list(enumerate(lines, start=1)), labels)
    assert result.title == "Russia rejects US proposal for Black Sea shipping monitors"
    assert [line.label for line in result.lines][8] == "title"


def test_no_sentence_of_the_article_is_taken_out_of_the_body() -> None:
    # a post without a headline: its first sentence stays body, whatever the scorer thinks of it
    post = ["Marisa Okafor", "@mokafor_dc", "Negotiators met quietly in Geneva on Thursday, officials say.", *ARTICLE]
    labels = ["boilerplate", "boilerplate"] + ["body"] * 4
    candidates, _, _ = titles.title_candidates(post, labels)
    assert 2 not in candidates and 0 in candidates
    result = finish(list(enumerate(post, start=1)), labels)
    assert "Negotiators met quietly in Geneva" in result.body


def test_a_page_without_a_heading_has_no_title() -> None:
    assert titles.load_title_scorer().pick(ARTICLE, ["body"] * 3) is None
    assert segment_text("\n".join(ARTICLE)).title is None


def test_recording_title_inputs_gives_the_title_searchs_input_and_picks_no_title() -> None:
    page = "\n".join(["Russia rejects US plan for Black Sea monitors", *ARTICLE])
    with titles.recording_title_inputs() as recorded:
        result = segment_text(page)
    assert result.title is None  # nothing is picked while recording
    assert len(recorded) == 1
    lines, labels, hint = recorded[0]
    assert lines[0] == "Russia rejects US plan for Black Sea monitors" and len(labels) == len(lines) and hint is None
    assert segment_text(page).title == "Russia rejects US plan for Black Sea monitors"  # and outside it, as ever


def test_a_scorer_learns_to_rank_and_survives_its_json_round_trip() -> None:
    rng = np.random.default_rng(0)
    names = ["signal", "noise"]
    matrix = rng.normal(size=(400, 2))
    flags = matrix[:, 0] > 1.2
    scorer = titles.fit_title_scorer(matrix, flags, names, metadata={"note": "test"})
    page_of = np.repeat(np.arange(40), 10)
    right = titles.picks_right(scorer, matrix, flags, page_of, [page for page in range(40) if flags[page_of == page].any()])
    assert all(right.values())
    again = titles.TitleScorer(**{**scorer.__dict__, **{key: np.asarray(value) for key, value in
                                                         json.loads(json.dumps(scorer.to_json())).items()
                                                         if key in ("mean", "scale", "coef")}})
    rows = np.array([[2.0, 0.0], [-1.0, 0.0]])
    assert np.allclose(again.scores(rows), scorer.scores(rows)) and again.scores(rows)[0] > again.scores(rows)[1]


def test_dragnet_pages_weigh_less_in_training() -> None:
    pages = [{"group": "dragnet:example.com"}, {"group": "probe_pages_x"}]
    weights = titles.row_weights(pages, np.array([0, 0, 1]))
    assert weights.tolist() == [titles.DRAGNET_WEIGHT, titles.DRAGNET_WEIGHT, 1.0]


@pytest.mark.skipif(not titles.PROBE_PAGES_DIR.is_dir(), reason="the probe pages are absent")
def test_probe_page_titles_are_collected_with_their_lines() -> None:
    pages = titles.labelled_title_pages()
    assert len(pages) > 500
    for page in pages:
        assert page["title"] and all(0 <= index < len(page["lines"]) for index in page["title"])
        assert len(page["labels"]) == len(page["lines"])
