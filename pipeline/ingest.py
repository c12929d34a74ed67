"""Ingest: read raw documents and record files into one table in the record contract.

Every input record becomes a row with `id`, `title`, `text`, `html`, `url`, `source`, `date`, `label`,
`origin_file` and `origin_record`, or a reject naming its file, record number and reason. `source` defaults
to the registered domain of `url` (tldextract's bundled suffix list: no network). The count in equals the
count out plus the rejects, and the stage logs both.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import pandas as pd
from tqdm import tqdm

from pipeline.config import IngestParams
from pipeline.htmltext import html_title, html_to_text
from pipeline.io import RawRecord, Reject, RejectLog, iter_records, write_table

log = logging.getLogger(__name__)

ARTICLE_COLUMNS = ["id", "title", "text", "html", "url", "source", "date", "label", "origin_file", "origin_record"]
# A record's other columns are kept as they are (a user's `topic`, or a pipeline table's `body`), except these,
# which ingest sets itself.
CONTRACT_FIELDS = set(ARTICLE_COLUMNS)


_HAS_TIME = re.compile(r"\d:\d\d")


@lru_cache(maxsize=1)
def _domain_extractor():
    import tldextract

    # suffix_list_urls=() keeps tldextract on the snapshot bundled with the package: it never fetches.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@lru_cache(maxsize=100_000)
def registered_domain(url: str) -> str | None:
    """`https://www.news.example.co.uk/a` -> `example.co.uk`; None when the URL has no usable host."""
    parts = _domain_extractor()(url)
    if parts.domain and parts.suffix:
        return f"{parts.domain}.{parts.suffix}".lower()
    return parts.domain.lower() or None


def normalise_date(value: Any) -> str | None:
    """ISO 8601 (`YYYY-MM-DD`, or with time when one is given); None when absent or unparseable."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    text = str(value).strip()
    if not text:
        return None
    stamp = pd.to_datetime(text, errors="coerce", utc=True, format="mixed")
    if pd.isna(stamp):
        return None
    if not _HAS_TIME.search(text):
        return stamp.strftime("%Y-%m-%d")
    return stamp.isoformat()


def _text_value(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    text = str(value)
    return text if text.strip() else None


def to_article(raw: RawRecord, labels: Sequence[str] | None, min_chars: int,
               default_source: str | None = None) -> dict[str, Any] | Reject:
    """One raw record in the record contract, or the reason it cannot be; `default_source` is the source of
    a record that names none and has no URL."""
    fields = raw.fields
    record_id = _text_value(fields.get("id"))
    if record_id is None:
        return Reject(raw.origin_file, raw.origin_record, "record has no 'id'")
    html = _text_value(fields.get("html"))
    text = _text_value(fields.get("text"))
    if text is None and html is not None:
        text = html_to_text(html) or None
    if text is None:
        return Reject(raw.origin_file, raw.origin_record, "record has no text (empty 'text' and 'html')", id=record_id)
    if len(text.strip()) < min_chars:
        return Reject(raw.origin_file, raw.origin_record,
                      f"text has {len(text.strip())} characters, under ingest.min_chars={min_chars}", id=record_id)
    label = _text_value(fields.get("label"))
    if label is not None and labels is not None and label.strip() not in labels:
        return Reject(raw.origin_file, raw.origin_record, f"label {label!r} is not one of {list(labels)}",
                      id=record_id)
    url = _text_value(fields.get("url"))
    source = _text_value(fields.get("source"))
    title = _text_value(fields.get("title"))
    if title is None and html is not None:
        title = html_title(html)
    extras = {key: value for key, value in fields.items() if key not in CONTRACT_FIELDS}
    return {
        **extras,
        "id": record_id.strip(),
        "title": title.strip() if title else None,
        "text": text,
        "html": html,
        "url": url.strip() if url else None,
        "source": (source.strip() if source else None) or (registered_domain(url.strip()) if url else None)
        or default_source,
        "date": normalise_date(fields.get("date")),
        "label": label.strip() if label else None,
        # A pipeline table read again keeps the provenance of its raw input.
        "origin_file": _text_value(fields.get("origin_file")) or raw.origin_file,
        "origin_record": _int_or(fields.get("origin_record"), raw.origin_record),
    }


def _int_or(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def ingest(paths: Iterable[str | os.PathLike], params: IngestParams, labels: Sequence[str] | None,
           progress: bool = True, default_source: str | None = None) -> tuple[pd.DataFrame, RejectLog]:
    """Read every input into the article table; rejects carry file, record number and reason.
    `default_source`: the outlet of records that name none and have no URL (files of one site)."""
    rejects = RejectLog()
    articles: list[dict[str, Any]] = []
    seen_ids: dict[str, str] = {}
    for item in tqdm(iter_records(paths, params.max_bytes), desc="ingest", unit="doc", disable=not progress):
        article = item if isinstance(item, Reject) else to_article(item, labels, params.min_chars, default_source)
        if isinstance(article, Reject):
            rejects.add(article)
            continue
        if article["id"] in seen_ids:
            rejects.add(Reject(article["origin_file"], article["origin_record"],
                               f"duplicate id, first seen in {seen_ids[article['id']]}", id=article["id"]))
            continue
        seen_ids[article["id"]] = article["origin_file"]
        articles.append(article)
    extra_columns = sorted({key for article in articles for key in article} - CONTRACT_FIELDS)
    table = pd.DataFrame(articles, columns=ARTICLE_COLUMNS + extra_columns)
    table["origin_record"] = table["origin_record"].astype("int64")
    return table, rejects


def load_records(paths: Sequence[str | os.PathLike], labels: Sequence[str] | None = None,
                 params: IngestParams | None = None) -> pd.DataFrame:
    """Any input format (a pipeline table too) as an article table, for commands run outside the pipeline.

    Records that cannot be read are logged, not fatal: the caller works on what could be read.
    """
    frame, rejects = ingest(paths, params or IngestParams(min_chars=1), labels, progress=False)
    if len(rejects):
        log.warning("%d records could not be read (first: %s record %s: %s)", len(rejects),
                    rejects.rejects[0].file, rejects.rejects[0].record, rejects.rejects[0].reason)
    return frame


def run(inputs: Sequence[str | os.PathLike], output: str | os.PathLike, rejects_path: str | os.PathLike,
        params: IngestParams, labels: Sequence[str] | None) -> pd.DataFrame:
    table, rejects = ingest(inputs, params, labels)
    write_table(table, output)
    rejects.write(rejects_path)
    log.info("ingest: %d records in, %d out, %d rejected -> %s (rejects: %s)",
             len(table) + len(rejects), len(table), len(rejects), output, rejects_path)
    return table
