"""Tests for pipeline.dedup: exact-duplicate hashes, near-duplicate clusters, the syndication table."""

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from pipeline.dedup import DedupParams, content_hash, find_near_duplicates, near_duplicate_pairs, syndication_table
from pipeline.textnorm import repair_text

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"

# Two self-written reports of the same (invented) event: same names, numbers and a shared quote,
# but written independently. They must not be merged.
REPORT_A = """Lawmakers in the northern province voted on Tuesday to close the Harbor Street bridge for eighteen
months of repairs, ending a dispute that had divided the city council since the spring.
The bridge, built in 1962, carries about forty thousand vehicles a day. Engineers warned in March that
corrosion in the main cables had advanced faster than expected during the wet winter.
"We cannot gamble with the safety of our residents," said Mayor Helen Ortiz after the vote.
Business owners on the east bank said the closure would cut them off from customers. The council promised
a free ferry service and extra bus routes while the work continues, paid for by a regional grant.
Opposition members argued that a partial closure would have been enough and accused the mayor of rushing
the decision before the budget debate in October. The vote passed by eleven to six."""

REPORT_B = """The Harbor Street bridge will shut for a year and a half, the city council decided on Tuesday,
after engineers found that its cables were rusting faster than forecast.
Mayor Helen Ortiz, who pushed for the full closure, told reporters: "We cannot gamble with the safety of
our residents." Critics on the council wanted to keep one lane open for buses and emergency vehicles.
Shopkeepers east of the river fear months of empty streets. A bakery owner said half her customers cross
the bridge every morning and she does not know how she will pay her rent until the repairs are done.
The regional transport agency will run a ferry every fifteen minutes during peak hours. The repair contract,
worth about ninety million, has not yet been awarded, and construction is expected to begin in January."""

BOILERPLATE = """Home
News
Opinion
Subscribe to our newsletter for the latest headlines delivered every morning to your inbox.
Share this article"""

COMMENTS = """12 Comments
jsmith
March 3, 2019
This is what happens when you defer maintenance for decades and then act surprised about the cost.
Reply
carol_b
March 4, 2019
The ferry will never handle the morning rush, I give it two weeks before the chaos starts downtown."""


def _frame(texts, ids=None, dates=None, sources=None):
    n = len(texts)
    return pd.DataFrame({
        "id": ids or [f"doc{i}" for i in range(n)],
        "text": texts,
        "date": dates or [None] * n,
        "source": sources or [f"site{i}" for i in range(n)],
    })


def test_content_hash_ignores_case_and_whitespace():
    assert content_hash("Hello  World\n\nagain") == content_hash("hello world again ")
    assert content_hash("Hello world") != content_hash("Hello world!")
    assert len(content_hash("x")) == 32 and int(content_hash("x"), 16) >= 0


@pytest.mark.shared
def test_seed_republication_found_as_one_story():
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not available")
    paths = sorted(SEEDS.glob("*.txt"))
    df = _frame([repair_text(p.read_text(encoding="utf-8")) for p in paths], ids=[p.name for p in paths])
    result = find_near_duplicates(df)
    by_name = dict(zip(df["id"], result.itertuples()))
    copy, original = by_name[paths[0].name], by_name[paths[1].name]
    assert paths[0].name.startswith("000_") and paths[1].name.startswith("001_")
    assert copy.cluster_id == original.cluster_id
    # No dates: the longest text is canonical, which is the republished 000 (it adds boilerplate and comments).
    assert copy.duplicate_of is None and math.isnan(copy.similarity)
    assert original.duplicate_of == paths[0].name
    assert original.similarity > 0.8
    # The other seeds are distinct stories about the same treaty.
    others = [by_name[p.name] for p in paths[2:]]
    assert len({o.cluster_id for o in others} | {copy.cluster_id}) == len(others) + 1
    assert all(o.duplicate_of is None for o in others)


def test_truncated_copy_with_boilerplate_and_comments_is_a_copy():
    truncated = "\n".join(REPORT_A.split("\n")[:5])
    copy = "A new headline: bridge to close\n" + BOILERPLATE + "\n" + truncated + "\n" + COMMENTS
    result = find_near_duplicates(_frame([REPORT_A, copy, REPORT_B], dates=["2019-03-02", "2019-03-03", None]))
    assert result["cluster_id"].iloc[0] == result["cluster_id"].iloc[1] != result["cluster_id"].iloc[2]
    assert list(result["duplicate_of"]) == [None, "doc0", None]
    # Half the copy is the story, the rest comments and boilerplate: a partial overlap, still a copy.
    assert 0.4 <= result["similarity"].iloc[1] < 0.9


def test_rewrapped_copy_is_a_copy():
    words = REPORT_A.split()
    rewrapped = "\n".join(" ".join(words[i:i + 7]) for i in range(0, len(words), 7))
    result = find_near_duplicates(_frame([REPORT_A, rewrapped]))
    assert result["duplicate_of"].iloc[1] == "doc0" or result["duplicate_of"].iloc[0] == "doc1"
    assert np.nanmax(result["similarity"]) > 0.9


def test_same_event_reports_not_merged():
    result = find_near_duplicates(_frame([REPORT_A, REPORT_B]))
    assert result["cluster_id"].nunique() == 2
    assert result["duplicate_of"].isna().all()
    assert result["similarity"].isna().all()


def test_same_site_boilerplate_does_not_merge_articles():
    # Many short articles of one site share a long footer: the footer must not make them copies.
    footer = ("The statements, views and opinions expressed in this column are solely those of the author "
              "and do not necessarily represent those of this site. This site does not give financial, "
              "investment or medical advice. Copyright all rights reserved, reproduction prohibited without "
              "written permission of the publisher and the author of the original article.")
    rng = np.random.default_rng(0)
    vocabulary = REPORT_A.split() + REPORT_B.split()
    articles = [" ".join(rng.choice(vocabulary, 60)) + "\n" + footer for _ in range(30)]
    params = DedupParams(max_fingerprint_df=10)
    result = find_near_duplicates(_frame(articles), params)
    assert result["cluster_id"].nunique() == 30


def test_site_boilerplate_recognised_from_the_source_column():
    # Short articles of one small site under a long header and footer: without the source the
    # shared furniture makes them look like copies; with it, it is recognised as the site's.
    header = "\n".join(["Home", "Politics", "World",
                        "Get the Daily Ledger newsletter every morning with the stories our editors picked for you",
                        "Breaking news and live coverage from the Daily Ledger newsroom around the clock all week"])
    footer = BOILERPLATE.split("\n")[3] + "\n" + (
        "The Daily Ledger is an independent newspaper funded by readers like you who believe in local news "
        "and the public's right to know what their elected officials are doing in their name every day")
    rng = np.random.default_rng(1)
    vocabulary = REPORT_A.split() + REPORT_B.split()
    articles = [header + "\n" + " ".join(rng.choice(vocabulary, 40)) + "\n" + footer for _ in range(12)]
    params = DedupParams(max_fingerprint_df=1000)
    without_source = find_near_duplicates(_frame(articles), params, source_col=None)
    assert without_source["cluster_id"].nunique() < 12
    with_source = find_near_duplicates(_frame(articles, sources=["ledger.example"] * 12), params)
    assert with_source["cluster_id"].nunique() == 12
    # A story the same site runs twice is still found as a copy.
    twice = _frame(articles + [header + "\n" + REPORT_A + "\n" + footer] * 2, sources=["ledger.example"] * 14)
    result = find_near_duplicates(twice.assign(text=twice["text"] + np.where(twice.index == 13, " Updated.", "")), params)
    assert result["cluster_id"].iloc[12] == result["cluster_id"].iloc[13]
    assert result["cluster_id"].nunique() == 13


def test_documents_without_source_are_not_one_site():
    # Five copies of one story whose source is unknown: they are not a site's boilerplate.
    copies = [REPORT_A + f"\nCopy number {i} of the report, kept by our archive." for i in range(5)]
    result = find_near_duplicates(_frame(copies + [REPORT_B], sources=[None, "", None, None, "", "x"]))
    assert result["cluster_id"].iloc[:5].nunique() == 1
    assert result["cluster_id"].iloc[5] != result["cluster_id"].iloc[0]


def test_bridging_document_does_not_join_two_stories():
    # A page quoting the end of one report and the start of the other is similar to both; it must
    # not make the two reports one story.
    lines_a, lines_b = REPORT_A.split("\n"), REPORT_B.split("\n")
    bridge = "\n".join(lines_a[-5:] + lines_b[:4])
    df = _frame([REPORT_A, bridge, REPORT_B], dates=["2019-03-01", "2019-03-02", "2019-03-03"])
    params = DedupParams(containment_threshold=0.4)
    pairs = near_duplicate_pairs(df["text"].tolist(), params)
    assert {(0, 1), (1, 2)} <= set(zip(pairs["a"], pairs["b"]))       # the bridge is linked to both
    result = find_near_duplicates(df, params)
    clusters = result["cluster_id"].tolist()
    assert clusters[0] != clusters[2]
    assert clusters[1] in (clusters[0], clusters[2])                   # the bridge joins one of them


def test_pairs_between_documents_beyond_46341():
    # Pair keys a * n + b overflow 32 bits above 46341 documents; the last two here are copies.
    texts = [f"note {i} filed by desk {i % 97} under code {i * 7} for review" for i in range(50_000)]
    texts[-2], texts[-1] = REPORT_A, REPORT_A.replace("\n", " ")
    pairs = near_duplicate_pairs(texts)
    assert list(zip(pairs["a"], pairs["b"])) == [(49_998, 49_999)]


def test_near_duplicate_pairs():
    truncated = "\n".join(REPORT_A.split("\n")[:6])
    pairs = near_duplicate_pairs([REPORT_B, REPORT_A, "unrelated short text", truncated])
    assert list(zip(pairs["a"], pairs["b"])) == [(1, 3)]
    assert pairs["containment"].iloc[0] > 0.9


def test_canonical_is_earliest_date_then_longest_then_id():
    longer = REPORT_A + "\nAn added closing paragraph with some more words to make the copy longer than the rest."
    df = _frame([REPORT_A, longer, REPORT_A + " "], ids=["b", "a", "c"],
                dates=["2019-03-05", "2019-03-04T10:00:00", None])
    result = find_near_duplicates(df)
    assert result["cluster_id"].nunique() == 1
    assert list(result["duplicate_of"]) == ["a", None, "a"]

    undated = _frame([REPORT_A, longer, REPORT_A], ids=["b", "c", "a"])
    assert list(find_near_duplicates(undated)["duplicate_of"]) == ["c", None, "c"]
    tie = _frame([REPORT_A, REPORT_A], ids=["z", "y"])
    assert list(find_near_duplicates(tie)["duplicate_of"]) == ["y", None]


def test_result_indexed_like_input_and_empty_texts_are_singletons():
    df = _frame([REPORT_A, "", None, REPORT_A]).set_index(pd.Index([10, 20, 30, 40]))
    result = find_near_duplicates(df)
    assert list(result.index) == [10, 20, 30, 40]
    assert list(result.columns) == ["cluster_id", "duplicate_of", "similarity"]
    assert result.loc[20, "cluster_id"] != result.loc[30, "cluster_id"]
    assert result.loc[40, "duplicate_of"] == "doc0"


def test_empty_frame():
    result = find_near_duplicates(_frame([]))
    assert result.empty and list(result.columns) == ["cluster_id", "duplicate_of", "similarity"]


def test_syndication_table():
    df = pd.DataFrame({
        "id": ["o1", "c1", "d1", "o2", "c2", "o3", "s3", "x"],
        "source": ["wire", "daily", "weekly", "wire", "daily", "daily", "daily", "wire"],
        "date": ["2020-01-01", "2020-01-02", "2020-01-08", "2020-02-01", "2020-02-01", "2020-03-01",
                 "2020-03-02", None],
        "cluster_id": ["k1", "k1", "k1", "k2", "k2", "k3", "k3", "k4"],
        "duplicate_of": [None, "o1", "o1", None, "o2", None, "o3", None],
    })
    table = syndication_table(df).set_index(["original_source", "copying_source"])
    assert set(table.index) == {("wire", "daily"), ("wire", "weekly")}   # same-source copies left out
    daily = table.loc[("wire", "daily")]
    assert daily["n_stories"] == 2
    assert daily["median_lag_days"] == 0.5 and daily["min_lag_days"] == 0 and daily["max_lag_days"] == 1
    assert list(daily["example_cluster_ids"]) == ["k1", "k2"]
    assert table.loc[("wire", "weekly"), "max_lag_days"] == 7

    with_self = syndication_table(df, include_same_source=True)
    assert len(with_self) == 3

    undated = syndication_table(df.assign(date=None))
    assert undated["median_lag_days"].isna().all() and (undated["n_stories"] > 0).all()
    assert syndication_table(df.assign(duplicate_of=None)).empty
