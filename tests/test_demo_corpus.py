"""The demo corpus and its segmentation gold are what `data/raw/build_demo.py` makes, and the gold fits the files."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from pipeline.segmenter.data import NOT_SCORED, VALID_LABELS, demo_line_labels, load_demo_pages
from pipeline.textnorm import repair_text

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "data" / "raw"


@pytest.fixture(scope="module")
def build_demo():
    spec = importlib.util.spec_from_file_location("build_demo", RAW / "build_demo.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_demo"] = module  # dataclasses look their module up while the file runs
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop("build_demo", None)


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return [json.loads(line) for line in (RAW / "demo_gold.jsonl").read_text(encoding="utf-8").splitlines()]


def test_rebuilding_gives_the_committed_corpus_and_gold(build_demo, tmp_path: Path):
    build_demo.build(tmp_path / "demo")
    built = sorted(p.relative_to(tmp_path / "demo").as_posix() for p in (tmp_path / "demo").rglob("*") if p.is_file())
    committed = sorted(p.relative_to(RAW / "demo").as_posix() for p in (RAW / "demo").rglob("*") if p.is_file())
    assert built == committed
    for name in built:
        assert (tmp_path / "demo" / name).read_bytes() == (RAW / "demo" / name).read_bytes(), name
    assert (tmp_path / "demo_gold.jsonl").read_bytes() == (RAW / "demo_gold.jsonl").read_bytes()


def _plain(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", repair_text(text))  # HTML pages: their text without tags
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


def test_gold_covers_every_file_and_its_text_is_in_the_file(gold: list[dict]):
    files = sorted(p.relative_to(RAW / "demo").as_posix() for p in (RAW / "demo").rglob("*")
                   if p.suffix in (".txt", ".html"))
    assert [record["file"] for record in gold] == files
    for record in gold:
        text = _plain((RAW / "demo" / record["file"]).read_text(encoding="utf-8"))
        assert record["body"], record["file"]
        for paragraph in record["body"]:
            assert _plain(paragraph).strip() in text, (record["file"], paragraph[:60])
        for comment in record["comments"]:
            assert _plain(comment["text"]).strip() in text, (record["file"], comment["text"][:60])
            assert comment["author"] in text, (record["file"], comment["author"])


def test_demo_line_labels_match_text_not_position():
    gold = {"title": "Talks Resume in Geneva",
            "body": ["Negotiators met on Tuesday for the first time in a year, officials said.",
                     "Neither side expects a quick deal."],
            "comments": [{"author": "Dave in Ohio", "text": "About time they talked again."},
                         {"author": "AnnaB", "text": "Nothing will come of it, as usual."}]}
    lines = ["Talks Resume in Geneva | Example News", "Talks Resume in Geneva", "By A. Writer",
             "GENEVA \u2014 Negotiators met on Tuesday for the first time in a year, officials said.",
             "Share on Facebook", "Neither side expects a quick deal.", "2 Comments", "Dave in Ohio", "May 2, 2023",
             "About time they talked again.", "Reply", "AnnaB", "nothing will come of it, as usual", "Reply",
             "Talks Resume in Geneva"]
    assert demo_line_labels(lines, gold) == [
        "boilerplate", "title", "boilerplate", "body", "boilerplate", "body", "boilerplate", NOT_SCORED,
        NOT_SCORED, "comment", NOT_SCORED, NOT_SCORED, "comment", "boilerplate", "boilerplate"]


def test_demo_pages_are_labelled_for_training(gold: list[dict]):
    pages = load_demo_pages({"bayoudispatch", "meridiandaily"})
    assert pages and {page["id"].split("/")[0] for page in pages} == {"bayoudispatch", "meridiandaily"}
    by_file = {record["file"]: record for record in gold}
    for page in pages:
        assert len(page["lines"]) == len(page["labels"]) and set(page["labels"]) <= VALID_LABELS
        assert "title" not in page["labels"], page["id"]  # Dragnet's convention: the headline is body
        title = " ".join(by_file[page["id"]]["title"].split())
        assert any(line == title and label == "body" for line, label in zip(page["lines"], page["labels"])), page["id"]
        body_words = sum(len(line.split()) for line, label in zip(page["lines"], page["labels"]) if label == "body")
        gold_words = sum(len(paragraph.split()) for paragraph in by_file[page["id"]]["body"])
        assert body_words >= 0.95 * gold_words, page["id"]  # every paragraph found (datelines may add words)
        if by_file[page["id"]]["comments"]:
            assert "comment" in page["labels"], page["id"]


def test_training_script_takes_demo_pages(tmp_path: Path):
    from pipeline.segmenter import load_segmenter
    from pipeline.segmenter.train import main as train_main

    out = tmp_path / "demo_only.safetensors"
    train_main(["--no-shared", "--demo-repeat", "2", "--demo-outlets", "wirebrief,alpinepost", "--epochs", "2",
                "--threads", "1", "--out", str(out)])
    model = load_segmenter(out)
    assert model.meta["demo"] == {"repeat": 2, "outlets": "wirebrief,alpinepost"}
    assert model.meta["trained_docs"] == 2 * len(load_demo_pages({"wirebrief", "alpinepost"}))
    assert model.labels == ["body", "comment", "boilerplate"]
