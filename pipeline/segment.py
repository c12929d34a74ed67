"""Segment: split each document into title, body, reader comments and boilerplate.

Plain text goes through the learned line segmenter (`pipeline.segmenter`); HTML records use the markup
(`segment_htmls`). An outlet's records are segmented together: lines recurring on its pages are its template.
Adds `title` (when the input had none), `body`, `comments` (`{author, date, text}`), `boilerplate`,
`line_labels`, `body_share` and `comment_share`, and logs the share of each part over the corpus.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any

import pandas as pd
from tqdm import tqdm

from pipeline.config import Params, SegmentParams
from pipeline.segmenter import LineSegmenter, Segmentation, load_segmenter, segment_htmls, segment_texts
from pipeline.segmenter.sites import even_parts

log = logging.getLogger(__name__)

SEGMENT_COLUMNS = ["body", "comments", "boilerplate", "line_labels", "body_share", "comment_share"]


BATCH = 256


def segment_records(records: list[dict[str, Any]], segmenter: LineSegmenter, progress: bool = False
                    ) -> list[Segmentation]:
    """Segmentations in input order: HTML records through the markup path, text records through the line
    segmenter, each in model batches. Records of one `source` (outlet) go through together, so that lines
    recurring on its pages count as its template (`pipeline.segmenter.sites`)."""
    results: list[Segmentation | None] = [None] * len(records)
    is_html = [isinstance(record.get("html"), str) and bool(record["html"].strip()) for record in records]
    sources = [_source_key(record) for record in records]
    by_source = sorted(range(len(records)), key=sources.__getitem__)
    html_positions = [i for i in by_source if is_html[i]]
    text_positions = [i for i in by_source if not is_html[i]]
    with tqdm(total=len(records), desc="segment", unit="doc", disable=not progress) as bar:
        for positions, html in ((html_positions, True), (text_positions, False)):
            for batch in source_batches(positions, [sources[i] for i in positions], BATCH):
                sites = [sources[i] or None for i in batch]
                if html:
                    done = segment_htmls([records[i]["html"] for i in batch], segmenter, sites=sites)
                else:
                    titles = [records[i].get("title") for i in batch]
                    done = segment_texts([records[i].get("text") or "" for i in batch], segmenter,
                                         title_hints=[t if isinstance(t, str) else None for t in titles], sites=sites)
                for position, segmentation in zip(batch, done):
                    results[position] = segmentation
                bar.update(len(batch))
    return results


def source_batches(positions: list[int], sources: list[str], size: int) -> list[list[int]]:
    """`positions` (grouped by their `sources`) in batches of about `size`. A source's records share a batch
    (a batch boundary would leave the pages on either side without each other for the site features),
    unless the source alone has more than `size` records: then it gets batches of its own, as equal as
    possible (`even_parts`)."""
    batches: list[list[int]] = []
    current: list[int] = []
    for _source, group in groupby(zip(positions, sources), key=itemgetter(1)):
        members = [position for position, _ in group]
        if current and len(current) + len(members) > size:
            batches.append(current)
            current = []
        if len(members) > size:
            batches.extend(even_parts(members, size))
        else:
            current.extend(members)
    return batches + ([current] if current else [])


def _source_key(record: dict[str, Any]) -> str:
    source = record.get("source")
    return source.strip().lower() if isinstance(source, str) else ""


def segment_frame(frame: pd.DataFrame, params: SegmentParams, progress: bool = False,
                  with_lines: bool = False) -> pd.DataFrame:
    """The frame with the segment columns added; `with_lines` adds `lines` (line_no, text, label per line)."""
    segmenter = load_segmenter(params.model_path)
    rows = []
    for parts in segment_records(frame.to_dict(orient="records"), segmenter, progress):
        rows.append({
            "found_title": parts.title,
            "body": parts.body,
            "comments": [{"author": c.author, "date": c.date, "text": c.text} for c in parts.comments],
            "boilerplate": list(parts.boilerplate),
            "line_labels": [line.label for line in parts.lines],
            "body_share": round(parts.body_share, 4),
            "comment_share": round(parts.comment_share, 4),
            **({"lines": [{"line_no": line.line_no, "text": line.text, "label": line.label}
                          for line in parts.lines]} if with_lines else {}),
        })
    columns = ["found_title", *SEGMENT_COLUMNS, *(["lines"] if with_lines else [])]
    added = pd.DataFrame(rows, index=frame.index, columns=columns)
    out = frame.drop(columns=[c for c in columns if c in frame.columns]).join(added)
    has_title = out["title"].notna() & (out["title"].astype(str).str.strip() != "") if "title" in out else False
    out["title"] = out["title"].where(has_title, out["found_title"]) if "title" in out else out["found_title"]
    out = out.drop(columns="found_title")
    short = out["body"].str.len() < params.min_body_chars
    if short.any():
        log.warning("segment: %d documents have a body under %d characters (first: %s)", int(short.sum()),
                    params.min_body_chars, out.loc[short, "id"].iloc[0])
    return out


def share_summary(frame: pd.DataFrame) -> dict[str, float]:
    labels = frame["line_labels"].explode().dropna()
    shares = labels.value_counts(normalize=True).round(4).to_dict() if len(labels) else {}
    return {"documents": len(frame), "with_comments": int((frame["comments"].map(len) > 0).sum()),
            "line_share": shares, "mean_body_share": round(float(frame["body_share"].mean()), 4),
            "mean_comment_share": round(float(frame["comment_share"].mean()), 4)}


def run(inputs: Sequence[str | Path], output: str | Path, params: Params, with_lines: bool = False,
        rejects_path: str | Path | None = None, default_source: str | None = None) -> pd.DataFrame:
    """Segment any ingest input (the clean stage's table in the pipeline; raw files from the CLI);
    `default_source` as in `ingest`."""
    from pipeline.ingest import ingest
    from pipeline.io import write_table

    frame, rejects = ingest(inputs, params.ingest, labels=None, default_source=default_source)
    segmented = segment_frame(frame, params.segment, progress=True, with_lines=with_lines)
    write_table(segmented, output)
    if rejects_path is not None:
        rejects.write(rejects_path)
    elif len(rejects):
        log.warning("segment: %d inputs could not be read (pass --rejects to keep the list)", len(rejects))
    log.info("segment: %s", share_summary(segmented))
    return segmented
