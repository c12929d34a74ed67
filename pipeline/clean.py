"""Clean: repair text, identify language, drop exact duplicates, group near-duplicates into stories.

Text and title are repaired in place (mojibake, entities, Unicode normalisation, whitespace). Documents in a
language outside `clean.keep_languages` and exact duplicates (same normalised text; the earliest copy stays)
go to the rejects file with their reason. Near-copies stay but share a `cluster_id`, and each copy points
at its story's canonical article through `duplicate_of`; who republished whom, and how fast, is the
syndication table.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from collections.abc import Sequence

from pipeline.config import CleanParams, Params
from pipeline.dedup import content_hash, find_near_duplicates, syndication_table
from pipeline.ingest import ingest
from pipeline.io import Reject, RejectLog, write_table
from pipeline.textnorm import detect_languages, repair_text

log = logging.getLogger(__name__)


def repair_frame(frame: pd.DataFrame, progress: bool = False) -> pd.DataFrame:
    """Repaired `text` and `title`, plus `lang` and `content_hash`."""
    frame = frame.copy()
    texts = [repair_text(text) for text in tqdm(frame["text"].fillna(""), desc="repair", unit="doc",
                                                disable=not progress)]
    frame["text"] = texts
    frame["title"] = [repair_text(title) if isinstance(title, str) else None for title in frame["title"]]
    frame["lang"] = detect_languages(texts)
    frame["content_hash"] = [content_hash(text) for text in texts]
    return frame


def _chronological(frame: pd.DataFrame) -> pd.DataFrame:
    """Earliest date first (undated last), then id: the order in which the first copy is the original."""
    return frame.assign(_undated=frame["date"].isna()).sort_values(["_undated", "date", "id"]).drop(
        columns="_undated")


def drop_unwanted(frame: pd.DataFrame, params: CleanParams, rejects: RejectLog) -> pd.DataFrame:
    """Remove other-language documents and exact duplicates, logging each to `rejects`."""
    keep = pd.Series(True, index=frame.index)
    if params.keep_languages:
        other = ~frame["lang"].isin(params.keep_languages)
        for index in frame.index[other]:
            row = frame.loc[index]
            rejects.add(Reject(row["origin_file"], int(row["origin_record"]),
                               f"language {row['lang']!r} not in clean.keep_languages {params.keep_languages}",
                               id=row["id"], stage="clean"))
        keep &= ~other
    if params.drop_exact_duplicates:
        ordered = _chronological(frame[keep])
        first_of_hash = ordered.drop_duplicates("content_hash").set_index("content_hash")["id"]
        repeated = ordered.duplicated("content_hash")
        for index in ordered.index[repeated]:
            row = frame.loc[index]
            rejects.add(Reject(row["origin_file"], int(row["origin_record"]),
                               f"exact duplicate of {first_of_hash[row['content_hash']]}", id=row["id"],
                               stage="clean"))
        keep &= ~frame.index.isin(ordered.index[repeated])
    return frame[keep].reset_index(drop=True)


def clean(frame: pd.DataFrame, params: CleanParams, progress: bool = False
          ) -> tuple[pd.DataFrame, pd.DataFrame, RejectLog]:
    """(cleaned articles, syndication table, rejects)."""
    rejects = RejectLog()
    repaired = drop_unwanted(repair_frame(frame, progress), params, rejects)
    groups = find_near_duplicates(repaired, params.dedup_params(), text_col="text", id_col="id", date_col="date",
                                  progress=progress)
    repaired["cluster_id"] = groups["cluster_id"].to_numpy()
    repaired["duplicate_of"] = groups["duplicate_of"].to_numpy()
    return repaired, syndication_table(repaired), rejects


def run(inputs: Sequence[str | Path], output: str | Path, syndication_path: str | Path, rejects_path: str | Path,
        params: Params) -> pd.DataFrame:
    """Clean any ingest input (the ingest stage's table in the pipeline); rejects of both steps are kept."""
    frame, rejects = ingest(inputs, params.ingest, params.labels)
    cleaned, syndication, clean_rejects = clean(frame, params.clean, progress=True)
    for reject in clean_rejects.rejects:
        rejects.rejects.append(reject)
    write_table(cleaned, output)
    write_table(syndication, syndication_path)
    rejects.write(rejects_path)
    copies = int(cleaned["duplicate_of"].notna().sum())
    log.info("clean: %d in, %d out, %d rejected; %d near-copies in %d stories; %d outlet pairs syndicate",
             len(frame), len(cleaned), len(rejects), copies,
             cleaned.loc[cleaned["duplicate_of"].notna(), "cluster_id"].nunique(), len(syndication))
    return cleaned
