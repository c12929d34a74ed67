"""Site-template features: lines recurring on a site's other pages (pipeline.segmenter.sites)."""

from __future__ import annotations

import numpy as np
import pytest

from pipeline.segmenter.model import LineSegmenter
from pipeline.segmenter.sites import SITE_NAMES, line_keys, site_features

SHARE, ANY, OTHERS = (SITE_NAMES.index(name) for name in ("site_share", "site_any", "site_others"))
MENU = "Home | World | Politics | Opinion"
FOOTER = "Copyright 2024 Example News. All rights reserved."


def _paragraph(topic: str) -> str:
    return (f"Negotiators met again on {topic} this week and agreed to keep talking, officials said after a long "
            f"session that ended without a joint statement.")


def _page(topic: str, comments: int) -> list[str]:
    return [MENU, f"Talks on {topic} resume", _paragraph(topic), f"{comments} Comments", FOOTER]


def test_template_lines_recur_and_article_lines_do_not() -> None:
    docs = [_page("arms control", 12), _page("sanctions", 31), _page("grain exports", 40)]
    features = site_features(docs, ["example.com"] * 3)
    first = features[0]
    assert first.shape == (5, len(SITE_NAMES)) and first.dtype == np.float32
    assert first[0, SHARE] == 1.0 and first[0, ANY] == 1.0  # the menu is on both other pages
    assert first[4, SHARE] == 1.0  # the footer too
    assert first[3, SHARE] == 1.0  # "12 Comments" and "31 Comments": each digit counts as 0
    assert first[1, ANY] == 0.0 and first[2, ANY] == 0.0  # headline and paragraph are this page's own
    assert 0.0 < first[0, OTHERS] <= 1.0 and np.all(first[:, OTHERS] == first[0, OTHERS])


def test_share_counts_the_other_pages_holding_the_line() -> None:
    promo = "Subscribe to our weekly newsletter"
    docs = [_page("a", 1) + [promo], _page("b", 2) + [promo], _page("c", 3), _page("d", 4), _page("e", 5)]
    features = site_features(docs, ["s"] * 5)
    assert features[0][5, SHARE] == pytest.approx(1 / 4)
    assert features[2][0, SHARE] == 1.0


def test_pages_without_site_or_alone_on_their_site_get_zeros() -> None:
    docs = [_page("a", 1), _page("b", 2), _page("c", 3), []]
    features = site_features(docs, [None, "one.example", "two.example", "two.example"])
    assert not features[0].any() and not features[1].any()
    assert not features[2].any()  # its only companion is empty
    assert features[3].shape == (0, len(SITE_NAMES))
    assert all(not f.any() for f in site_features(docs, None))


def test_a_copy_of_the_article_on_the_same_site_does_not_make_its_paragraphs_recur() -> None:
    original = _page("arms control", 5)
    repost = ["Republished", *original[1:3], "Share this story", FOOTER]
    other = _page("sanctions", 2)
    features = site_features([original, repost, other], ["s"] * 3)
    assert features[0][2, ANY] == 0.0  # the repost is not compared with the original
    assert features[0][0, SHARE] == 1.0  # the menu: on the one page it is compared with
    assert 0.0 < features[0][0, OTHERS] < features[2][0, OTHERS]  # one page to compare with, against two


def test_large_sites_are_compared_in_chunks() -> None:
    docs = [_page(topic, i) for i, topic in enumerate(("oil", "gas", "grain", "arms", "trade"))]
    features = site_features(docs, ["s"] * 5, chunk=2)
    # chunks [0, 1, 2] and [3, 4]: no page is left alone in a chunk of one
    assert all(page[0, SHARE] == 1.0 and page[0, OTHERS] > 0 for page in features)
    assert features[0][0, OTHERS] > features[4][0, OTHERS]  # two pages to compare with, against one


def test_even_parts() -> None:
    from pipeline.segmenter.sites import even_parts

    assert even_parts(list(range(33)), 32) == [list(range(17)), list(range(17, 33))]
    assert even_parts(list(range(64)), 32) == [list(range(32)), list(range(32, 64))]
    assert even_parts([7], 32) == [[7]] and even_parts([], 32) == [[]]
    assert [len(part) for part in even_parts(list(range(7)), 3)] == [3, 2, 2]
    assert [len(part) for part in even_parts(list(range(3)), 2)] == [3]


def test_bad_site_list() -> None:
    with pytest.raises(ValueError, match="2 sites given for 1 documents"):
        site_features([["a"]], ["s", "t"])


def test_line_keys_ignore_case_and_digits_only() -> None:
    ids, words = line_keys(["Posted 3 days ago", "posted 5 DAYS ago", "Posted three days ago", "Ünïcode 9", "ünïcode 1",
                            "posted 12 days ago"])
    assert ids[0] == ids[1] and ids[3] == ids[4]
    assert len({ids[0], ids[2], ids[3], ids[5]}) == 4  # words differ, or the number of digits
    assert list(words[ids]) == [4, 4, 4, 2, 2, 4]


def _site_corpus() -> tuple[list[list[str]], list[list[str]], list[str]]:
    """Pages of two sites whose only template line is a short phrase that also starts articles."""
    docs, labels, sites = [], [], []
    for site in ("a.example", "b.example"):
        for i in range(6):
            docs.append([f"Story number {i} from {site}", _paragraph(f"topic {i}"), "Read this next",
                         "Read this next" if i % 2 else f"Story {i} continues"])
            labels.append(["body", "body", "boilerplate", "boilerplate" if i % 2 else "body"])
            sites.append(site)
    return docs, labels, sites


def test_models_with_and_without_site_features_save_and_load(tmp_path) -> None:
    docs, labels, sites = _site_corpus()
    settings = dict(epochs=3, lr=1e-2, min_count=1, embedding=16, hidden=16, layers=1)
    with_sites = LineSegmenter().fit(docs, labels, sites=sites, **settings)
    without = LineSegmenter().fit(docs, labels, site_features=False, **settings)
    assert with_sites.network.dense.in_features == without.network.dense.in_features + len(SITE_NAMES)
    for model, name in ((with_sites, "with.safetensors"), (without, "without.safetensors")):
        model.save(tmp_path / name)
        loaded = LineSegmenter.load(tmp_path / name)
        assert loaded.predict_many(docs, sites) == model.predict_many(docs, sites)
        assert loaded.predict_many(docs) == model.predict_many(docs)
    with pytest.raises(ValueError, match="differ in length"):
        LineSegmenter().fit(docs, labels, sites=sites[:-1], **settings)


TOPICS = ["grain exports through the Black Sea", "the future of the New START treaty", "sanctions on Russian oil",
          "prisoner exchanges between Moscow and Washington"]


def _story(topic: str) -> list[str]:
    return [f"New round of talks on {topic}",
            f"Officials in Washington and Moscow traded statements on {topic} on Tuesday, each side blaming the "
            f"other for the lack of progress since the spring.",
            f"Analysts said the dispute over {topic} was unlikely to be settled before the summer, though "
            f"back-channel contacts have continued.",
            f"A spokesman declined to say when negotiators would next meet to discuss {topic}, adding only that "
            f"the door remained open.",
            "Independent reporting like this depends on readers who chip in each month, and every contribution "
            "keeps our coverage free for everyone to read.",
            "More stories from our Washington desk"]


def test_segment_stage_reads_an_outlets_pages_together() -> None:
    """The stage passes each record's `source`: a line printed under every story of one outlet is read as
    its template, while the same pages read alone (no source) keep it in the body."""
    from pipeline.segment import segment_records
    from pipeline.segmenter import load_segmenter

    records = [{"id": f"x/{i}", "text": "\n".join(_story(topic)), "source": "x.example"}
               for i, topic in enumerate(TOPICS)]
    together = segment_records(records, load_segmenter())
    alone = segment_records([{**record, "source": None} for record in records], load_segmenter())
    for result in together:
        assert [line.label for line in result.lines][:4] == ["title", "body", "body", "body"]
        assert result.lines[-1].label == "boilerplate"
        assert result.lines[-2].label == "boilerplate"  # the donation appeal under every story: template prose
    assert all(result.lines[-1].label == "body" for result in alone)  # the model alone cannot tell
    assert all(result.lines[-2].label == "body" for result in alone)


def test_recurring_prose_needs_three_other_pages_and_copies_do_not_count() -> None:
    """The rule that makes a recurring paragraph template wants it on at least half of at least three other
    pages of the site; the same story posted four times is one page, not a template."""
    from pipeline.segment import segment_records
    from pipeline.segmenter import load_segmenter

    def labels(records: list[dict]) -> list[list[str]]:
        return [[line.label for line in result.lines] for result in segment_records(records, load_segmenter())]

    three = [{"id": f"x/{i}", "text": "\n".join(_story(topic)), "source": "x.example"} for i, topic in enumerate(TOPICS[:3])]
    assert all(doc[4] == "body" for doc in labels(three))  # two other pages each: not enough to call it template
    copies = [{"id": f"c/{i}", "text": "\n".join(_story(TOPICS[0])), "source": "x.example"} for i in range(4)]
    assert all(doc[1:5] == ["body"] * 4 for doc in labels(copies))


def test_html_records_of_an_outlet_are_segmented_together(monkeypatch) -> None:
    """HTML records go through `segment_htmls` with their outlet as site, and the batched HTML path labels a page
    as `segment_html` does when no site is given."""
    from pipeline import segment
    from pipeline.segmenter import load_segmenter, segment_html, segment_htmls

    def page(topic: str) -> str:
        title, *paragraphs, related = _story(topic)
        return (f"<html><head><title>{title}</title></head><body><h1>{title}</h1>"
                + "".join(f"<p>{p}</p>" for p in paragraphs) + f"<div>{related}</div></body></html>")

    pages = [page(topic) for topic in TOPICS]
    assert [r.to_dict() for r in segment_htmls(pages, load_segmenter())] == \
        [segment_html(markup, load_segmenter()).to_dict() for markup in pages]
    seen = []

    def spy(htmls, segmenter, sites=None):
        seen.append(sites)
        return segment_htmls(htmls, segmenter, sites=sites)

    monkeypatch.setattr(segment, "segment_htmls", spy)
    records = [{"id": f"h/{i}", "html": markup, "source": "X.example" if i % 2 else "y.example"}
               for i, markup in enumerate(pages)] + [{"id": "t/0", "text": "\n".join(_story("oil")), "source": "x.example"}]
    results = segment.segment_records(records, load_segmenter())
    assert seen == [["x.example", "x.example", "y.example", "y.example"]]
    assert [result.title for result in results[:4]] == [_story(topic)[0] for topic in TOPICS]


def test_segment_batches_keep_a_sources_records_together() -> None:
    from pipeline.segment import source_batches

    assert source_batches(list(range(6)), list("aaabbb"), 4) == [[0, 1, 2], [3, 4, 5]]
    assert source_batches(list(range(4)), list("aabc"), 4) == [[0, 1, 2, 3]]
    assert source_batches(list(range(6)), list("aaaaab"), 4) == [[0, 1, 2], [3, 4], [5]]
    assert source_batches([5, 2, 9], ["x", "x", "y"], 256) == [[5, 2, 9]]
    assert source_batches([], [], 4) == []


def test_cli_source_option_lets_a_folder_of_one_sites_dumps_be_read_together(tmp_path) -> None:
    """Plain files carry no outlet; `--source` gives them one, and the outlet's recurring line turns boilerplate."""
    import json
    from pathlib import Path

    from typer.testing import CliRunner

    from pipeline.cli import app

    for number, topic in enumerate(TOPICS):
        (tmp_path / f"story{number}.txt").write_text("\n".join(_story(topic)), encoding="utf-8")
    params = str(Path(__file__).resolve().parents[1] / "params.yaml")
    last_labels = {}
    for name, extra in (("alone", []), ("together", ["--source", "x.example"])):
        out = tmp_path / f"{name}.jsonl"
        result = CliRunner().invoke(app, ["segment", str(tmp_path), "--output", str(out), "--params", params, *extra],
                                    catch_exceptions=False)
        assert result.exit_code == 0, result.output
        records = [json.loads(line) for line in out.read_text().splitlines()]
        assert len(records) == len(TOPICS)
        assert {record["source"] for record in records} == ({None} if name == "alone" else {"x.example"})
        last_labels[name] = {record["lines"][-1]["label"] for record in records}
    assert last_labels == {"alone": {"body"}, "together": {"boilerplate"}}
