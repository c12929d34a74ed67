"""Ingest: every input format gives the same record schema, and bad input is rejected with a reason, never lost."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from pipeline.config import IngestParams
from pipeline.ingest import ARTICLE_COLUMNS, ingest, normalise_date, registered_domain, run
from pipeline.io import read_table

LABELS = ["pro_us", "pro_russia", "neutral"]
ARTICLE = ("Envoys met in Vienna on Tuesday to discuss the inspection regime, and both delegations said the "
           "talks were useful but unfinished.")


def test_folder_with_metadata_gives_the_record_schema(corpus: Path):
    table, rejects = ingest([corpus], IngestParams(), LABELS, progress=False)
    assert len(rejects) == 0
    assert len(table) == 30
    assert list(table.columns[: len(ARTICLE_COLUMNS)]) == ARTICLE_COLUMNS
    row = table.set_index("id").loc["harborledger/pro_us-0.txt"]
    assert row["source"] == "harborledger.net"  # registered domain of the metadata URL
    assert row["label"] == "pro_us"
    assert row["date"] == "2019-02-01"
    assert row["origin_file"].endswith("harborledger/pro_us-0.txt")
    assert table["id"].is_unique


def test_registered_domain_uses_the_public_suffix_list_offline():
    assert registered_domain("https://www.news.example.co.uk/world/a?b=1") == "example.co.uk"
    assert registered_domain("http://blog.eastbridgepost.com/x") == "eastbridgepost.com"
    assert registered_domain("not a url") == "not a url" or registered_domain("not a url") is None


@pytest.mark.parametrize("raw, expected", [
    ("2019-02-01", "2019-02-01"),
    ("February 3, 2019", "2019-02-03"),
    ("2019-02-03T14:22:00+03:00", "2019-02-03T11:22:00+00:00"),
    ("", None),
    ("someday", None),
])
def test_dates_are_iso_8601_or_null(raw, expected):
    assert normalise_date(raw) == expected


def test_record_files_jsonl_csv_parquet_share_one_schema(tmp_path: Path):
    records = [{"id": "a1", "title": "One", "text": ARTICLE, "url": "https://harborledger.net/a1",
                "label": "neutral", "topic": "arms"},
               {"id": "a2", "html": f"<html><head><title>Two</title></head><body><p>{ARTICLE}</p></body></html>",
                "source": "Harbor Ledger", "date": "2019-03-01"}]
    (tmp_path / "r.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    pd.DataFrame(records).assign(id=lambda f: f["id"] + "c").to_csv(tmp_path / "r.csv", index=False)
    pd.DataFrame(records).assign(id=lambda f: f["id"] + "p").to_parquet(tmp_path / "r.parquet")
    table, rejects = ingest([tmp_path / "r.jsonl", tmp_path / "r.csv", tmp_path / "r.parquet"], IngestParams(),
                            LABELS, progress=False)
    assert len(rejects) == 0, [r.reason for r in rejects.rejects]
    assert len(table) == 6
    by_id = table.set_index("id")
    for suffix in ("", "c", "p"):
        assert by_id.loc[f"a1{suffix}", "source"] == "harborledger.net"
        assert by_id.loc[f"a2{suffix}", "source"] == "Harbor Ledger"  # given source wins over the URL
        assert by_id.loc[f"a2{suffix}", "title"] == "Two"  # from <title> when the record has none
        assert "Vienna" in by_id.loc[f"a2{suffix}", "text"]  # HTML flattened to text
    assert by_id.loc["a1", "topic"] == "arms"  # the record's own columns are kept


def test_bad_inputs_are_rejected_with_reasons_and_good_records_kept(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "cp1252.txt").write_bytes(("Caf\u00e9 talks \u2013 " + ARTICLE).encode("cp1252"))
    (folder / "lines.jsonl").write_bytes(
        json.dumps({"id": "j1", "text": ARTICLE}).encode() + b"\n"
        + b'{"id": "j2", "text": "unterminated\n'
        + b'{"id": "j3", "text": "bad byte \xff\xfe in UTF-8 ' + ARTICLE.encode() + b'"}\n'
        + b'["not", "an", "object"]\n'
        + json.dumps({"id": "j4", "text": ARTICLE, "label": "pro_mars"}).encode() + b"\n"
        + json.dumps({"text": ARTICLE}).encode() + b"\n"
        + json.dumps({"id": "j1", "text": ARTICLE}).encode() + b"\n")
    (folder / "notext.csv").write_text("id,title\nc1,Only a title\nc2,Another\n", encoding="utf-8")
    out, rejects_path = tmp_path / "articles.parquet", tmp_path / "rejects.jsonl"

    table = run([folder], out, rejects_path, IngestParams(), LABELS)

    rejects = [json.loads(line) for line in rejects_path.read_text(encoding="utf-8").splitlines()]
    reasons = {(Path(r["file"]).name, r["record"]): r["reason"] for r in rejects}
    assert set(table["id"]) == {"good.txt", "cp1252.txt", "j1"}
    assert "Café talks –" in table.set_index("id").loc["cp1252.txt", "text"]
    assert "empty" in reasons[("empty.txt", 1)]
    assert "not a text file" in reasons[("binary.txt", 1)]
    assert "malformed JSON" in reasons[("lines.jsonl", 2)]
    assert "UTF-8" in reasons[("lines.jsonl", 3)]
    assert "not an object" in reasons[("lines.jsonl", 4)]
    assert "pro_mars" in reasons[("lines.jsonl", 5)]
    assert "no 'id'" in reasons[("lines.jsonl", 6)]
    assert "duplicate id" in reasons[("lines.jsonl", 7)]
    assert "no 'text' or 'html' column" in reasons[("notext.csv", 2)]
    assert "no 'text' or 'html' column" in reasons[("notext.csv", 3)]
    # nothing is lost: 4 document files + 7 JSONL lines + 2 CSV rows
    assert len(table) + len(rejects) == 13
    assert len(read_table(out)) == len(table)


def test_short_records_are_rejected_by_min_chars(tmp_path: Path):
    (tmp_path / "short.txt").write_text("Too short.", encoding="utf-8")
    table, rejects = ingest([tmp_path], IngestParams(min_chars=20), None, progress=False)
    assert table.empty and "min_chars" in rejects.rejects[0].reason


def test_files_named_one_by_one_markdown_read_other_types_rejected(tmp_path: Path):
    # a folder's README.md stays out; a Markdown dump named on the command line is read; a .pdf is a reject
    (tmp_path / "README.md").write_text("# Notes\n\nThese are my notes on the crawl, not an article at all.", "utf-8")
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    table, rejects = ingest([tmp_path], IngestParams(), None, progress=False)
    assert list(table["id"]) == ["good.txt"] and not rejects.rejects
    dump, pdf = tmp_path / "dump.md", tmp_path / "brief.pdf"
    dump.write_text("# Envoys meet in Vienna\n\n" + ARTICLE, encoding="utf-8")
    pdf.write_bytes(b"%PDF-1.7 " + bytes(range(256)))
    table, rejects = ingest([dump, pdf], IngestParams(), None, progress=False)
    assert list(table["id"]) == ["dump.md"] and "Vienna" in table["text"].iloc[0]
    assert [(Path(r.file).name, r.record) for r in rejects.rejects] == [("brief.pdf", 1)]
    assert "unsupported file type '.pdf'" in rejects.rejects[0].reason


def test_a_news_database_export_is_split_into_its_articles(tmp_path: Path):
    from pipeline.io import split_export

    nexis = (Path(__file__).parent / "pages" / "en_nexis_export.txt").read_text(encoding="utf-8")
    second = nexis.replace("US and Russia agree to resume talks on embassy staffing", "Kremlin welcomes embassy talks")
    (tmp_path / "nexis.txt").write_text("Results list: 2 documents\n" + nexis + "\n" + second, encoding="utf-8")
    factiva = "\n".join(f"Headline {n}\n{ARTICLE}\nDocument NWIRE0000202612{n:02d}ekc4000xy\n" for n in (1, 2, 3))
    (tmp_path / "factiva.txt").write_text(factiva, encoding="utf-8")
    (tmp_path / "one.txt").write_text(nexis, encoding="utf-8")  # one article: one record, its file's id
    table, rejects = ingest([tmp_path], IngestParams(), None, progress=False)
    assert not rejects.rejects
    by_id = table.set_index("id")["text"]
    assert sorted(by_id.index) == ["factiva.txt#1", "factiva.txt#2", "factiva.txt#3", "nexis.txt#1", "nexis.txt#2",
                                   "one.txt"]
    assert by_id["nexis.txt#1"].startswith("Results list") and by_id["nexis.txt#1"].rstrip().endswith("End of Document")
    assert "Kremlin welcomes embassy talks" in by_id["nexis.txt#2"] and "Results list" not in by_id["nexis.txt#2"]
    assert all(f"Headline {n}" in by_id[f"factiva.txt#{n}"] for n in (1, 2, 3))
    # an article that mentions the words, or a single end line, is no export
    assert split_export("He said: End of Document review.\nEnd of Document\nMore text.") == [
        "He said: End of Document review.\nEnd of Document\nMore text."]


def test_missing_input_path_is_a_clear_error(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match="nowhere"):
        ingest([tmp_path / "nowhere"], IngestParams(), None, progress=False)
