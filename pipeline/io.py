"""Reading every input format, writing every output atomically, and the rejects log.

Inputs are either document files (`.txt`, `.html`, `.htm`; a folder of them may carry a `metadata.csv` with
`file,url,source,date,label`) or record files (`.jsonl`, `.csv`, `.parquet`) whose records carry `id`, `text` or
`html`, and optionally `title`, `url`, `source`, `date`, `label`. Both yield `RawRecord`s; anything that cannot be
read becomes a `Reject` naming the file, the record number and the reason, so that every input record ends up
in an output or in the rejects file.

Outputs are written to a temporary file in the target folder and renamed into place, so a crash never leaves
a half-written output for DVC to cache.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import logging
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq

from pipeline.textnorm import BinaryInputError, decode_bytes

log = logging.getLogger(__name__)

DOCUMENT_SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html"}
# read only when named one by one (a folder's README.md stays out): Markdown dumps of scrapers and reader services
NAMED_DOCUMENT_SUFFIXES = {**DOCUMENT_SUFFIXES, ".md": "text", ".markdown": "text"}
RECORD_SUFFIXES = {".jsonl", ".csv", ".parquet"}
METADATA_FILE = "metadata.csv"
METADATA_COLUMNS = ("file", "url", "source", "date", "label")
RECORD_FIELDS = ("id", "title", "text", "html", "url", "source", "date", "label")


@dataclass
class RawRecord:
    """One input document before normalisation; `fields` holds the record's own columns."""

    origin_file: str
    origin_record: int
    fields: dict[str, Any]


@dataclass
class Reject:
    file: str
    record: int | None
    reason: str
    id: str | None = None
    stage: str = "ingest"
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        extra = out.pop("extra")
        return {**out, **extra}


# --------------------------------------------------------------------------------------------- reading


def list_inputs(paths: Iterable[str | os.PathLike]) -> list[tuple[Path, Path]]:
    """Expand files and folders into (file, root) pairs; the root makes stable relative ids."""
    found: list[tuple[Path, Path]] = []
    for given in map(Path, paths):
        if given.is_dir():
            for path in sorted(given.rglob("*")):
                suffix = path.suffix.lower()
                if path.is_file() and path.name != METADATA_FILE and not path.name.startswith("."):
                    if suffix in DOCUMENT_SUFFIXES or suffix in RECORD_SUFFIXES:
                        found.append((path, given))
        elif given.is_file():
            found.append((given, given.parent))
        else:
            raise FileNotFoundError(f"input not found: {given}")
    return found


def read_metadata(folder: Path) -> dict[str, dict[str, str]]:
    """`metadata.csv` of a document folder, keyed by the file path relative to that folder."""
    path = folder / METADATA_FILE
    if not path.exists():
        return {}
    text, _ = decode_bytes(path.read_bytes())
    rows = list(csv.DictReader(io.StringIO(text)))
    if rows and "file" not in rows[0]:
        raise ValueError(f"{path}: metadata.csv needs a 'file' column, has {list(rows[0])}")
    metadata = {}
    for row in rows:
        key = (row.get("file") or "").strip().replace("\\", "/")
        if key:
            metadata[key] = {name: (row.get(name) or "").strip() for name in METADATA_COLUMNS if name != "file"}
    return metadata


def iter_records(
    paths: Iterable[str | os.PathLike], max_bytes: int = 20_000_000
) -> Iterator[RawRecord | Reject]:
    """Every record of every input, or a Reject in its place, in a stable order."""
    metadata_by_root: dict[Path, dict[str, dict[str, str]]] = {}
    for path, root in list_inputs(paths):
        suffix = path.suffix.lower()
        if suffix in RECORD_SUFFIXES:
            yield from _iter_record_file(path)
            continue
        if root not in metadata_by_root:
            metadata_by_root[root] = read_metadata(root)
        relative = path.relative_to(root).as_posix()
        kind = NAMED_DOCUMENT_SUFFIXES.get(suffix)
        if kind is None:  # a file named on the command line (a folder's files are filtered by suffix)
            yield Reject(str(path), 1, f"unsupported file type {suffix or '(none)'!r}: give .txt, .md, .html, .htm, "
                                       ".jsonl, .csv or .parquet", id=relative)
            continue
        yield from _read_document(path, relative, kind, metadata_by_root[root].get(relative, {}), max_bytes)


# A news database's text export holds several articles: Nexis Uni ends each with "End of Document", Factiva with
# "Document <its id>".
EXPORT_END_RE = re.compile(r"^[ \t]*(?:End of Document|Document [A-Za-z0-9]{16,})[ \t]*\r?$", re.MULTILINE)


def split_export(text: str) -> list[str]:
    """The articles of a Nexis Uni or Factiva text export (each with its end line), or [text] for any other text:
    two or more end lines make an export. Text after the last end line joins the last article."""
    ends = [match.end() for match in EXPORT_END_RE.finditer(text)]
    if len(ends) < 2:
        return [text]
    bounds = [0, *ends[:-1], len(text)]
    return [part for part in (text[start:end] for start, end in zip(bounds, bounds[1:])) if part.strip()]


def _read_document(path: Path, relative: str, kind: str, metadata: dict[str, str],
                   max_bytes: int) -> Iterator[RawRecord | Reject]:
    """The file's record (`id`: its path relative to the input folder), or one per article of a news database's
    export (`id`: "<path>#<n>", record number n)."""
    origin = str(path)
    size = path.stat().st_size
    if size == 0:
        yield Reject(origin, 1, "empty file", id=relative)
        return
    if size > max_bytes:
        yield Reject(origin, 1, f"file is {size} bytes, over ingest.max_bytes={max_bytes}", id=relative)
        return
    try:
        text, encoding = decode_bytes(path.read_bytes())
    except BinaryInputError as error:
        yield Reject(origin, 1, f"not a text file: {error}", id=relative)
        return
    if encoding.replace("-", "").lower() not in {"utf8", "ascii", "utf_8", "utf8sig"}:
        log.info("%s: decoded as %s", origin, encoding)
    given = {k: v for k, v in metadata.items() if v}
    articles = split_export(text) if kind == "text" else [text]
    if len(articles) == 1:
        yield RawRecord(origin, 1, {"id": relative, kind: text, **given})
        return
    log.info("%s: a news database export of %d articles", origin, len(articles))
    for number, article in enumerate(articles, start=1):
        yield RawRecord(origin, number, {"id": f"{relative}#{number}", kind: article, **given})


def _iter_record_file(path: Path) -> Iterator[RawRecord | Reject]:
    readers = {".jsonl": _iter_jsonl, ".csv": _iter_csv, ".parquet": _iter_parquet}
    try:
        yield from readers[path.suffix.lower()](path)
    except (OSError, ValueError) as error:  # unreadable container: one reject for the whole file
        yield Reject(str(path), None, f"cannot read {path.suffix} file: {error}")


def _iter_jsonl(path: Path) -> Iterator[RawRecord | Reject]:
    with path.open("rb") as handle:
        for number, raw_line in enumerate(handle, start=1):
            if not raw_line.strip():
                continue
            try:
                record = json.loads(raw_line.decode("utf-8"))
            except UnicodeDecodeError as error:
                yield Reject(str(path), number, f"line is not valid UTF-8 ({error.reason} at byte {error.start})")
                continue
            except json.JSONDecodeError as error:
                yield Reject(str(path), number, f"malformed JSON: {error.msg} at column {error.colno}")
                continue
            if not isinstance(record, dict):
                yield Reject(str(path), number, f"JSON line is a {type(record).__name__}, not an object")
                continue
            yield RawRecord(str(path), number, record)


def _iter_csv(path: Path) -> Iterator[RawRecord | Reject]:
    text, _ = decode_bytes(path.read_bytes())
    csv.field_size_limit(min(2**31 - 1, 1 << 30))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = reader.fieldnames or []
    missing_text = not ({"text", "html"} & set(columns))
    for number, row in enumerate(reader, start=2):  # record numbers are CSV line numbers; line 1 is the header
        if missing_text:
            yield Reject(str(path), number, f"CSV has no 'text' or 'html' column (columns: {columns})")
        elif None in row or any(value is None for value in row.values()):
            yield Reject(str(path), number, f"malformed CSV row: field count differs from the {len(columns)} columns")
        else:
            yield RawRecord(str(path), number, dict(row))


def _iter_parquet(path: Path) -> Iterator[RawRecord | Reject]:
    parquet = pq.ParquetFile(path)
    columns = parquet.schema_arrow.names
    missing_text = not ({"text", "html"} & set(columns))
    number = 0
    for batch in parquet.iter_batches(batch_size=10_000):
        for row in batch.to_pylist():
            number += 1
            if missing_text:
                yield Reject(str(path), number, f"parquet has no 'text' or 'html' column (columns: {columns})")
            else:
                yield RawRecord(str(path), number, row)


def read_table(path: str | os.PathLike) -> pd.DataFrame:
    """A pipeline table (parquet, jsonl or csv) as written by `write_table`."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        return pd.read_parquet(path)
    if suffix == ".jsonl":
        return pd.read_json(path, lines=True, dtype=False) if path.stat().st_size else pd.DataFrame()
    if suffix == ".csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    raise ValueError(f"{path}: unsupported table format {suffix!r} (use .parquet, .jsonl or .csv)")


# --------------------------------------------------------------------------------------------- writing


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success it replaces `path` whole."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        yield Path(temporary)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _json_default(value: Any) -> Any:
    if hasattr(value, "tolist"):
        return value.tolist()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def write_jsonl(records: Iterable[dict[str, Any]], path: str | os.PathLike) -> int:
    count = 0
    with atomic_path(path) as temporary, temporary.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False, default=_json_default) + "\n")
            count += 1
    return count


def write_json(obj: Any, path: str | os.PathLike) -> None:
    with atomic_path(path) as temporary:
        temporary.write_text(json.dumps(obj, indent=2, ensure_ascii=False, default=_json_default) + "\n",
                             encoding="utf-8")


def write_table(df: pd.DataFrame, path: str | os.PathLike) -> None:
    """Write by extension: .parquet, .jsonl or .csv (nested values become JSON strings in CSV)."""
    path = Path(path)
    suffix = path.suffix.lower()
    with atomic_path(path) as temporary:
        if suffix == ".parquet":
            df.to_parquet(temporary, index=False)
        elif suffix == ".jsonl":
            records = df.to_dict(orient="records")
            with temporary.open("w", encoding="utf-8") as handle:
                for record in records:
                    handle.write(json.dumps(_clean_nulls(record), ensure_ascii=False, default=_json_default) + "\n")
        elif suffix == ".csv":
            flat = df.copy()
            for column in flat.columns:
                if flat[column].map(lambda v: isinstance(v, (list, dict)) or hasattr(v, "tolist")).any():
                    flat[column] = flat[column].map(lambda v: json.dumps(v, ensure_ascii=False, default=_json_default))
            flat.to_csv(temporary, index=False)
        else:
            raise ValueError(f"{path}: unsupported output format {suffix!r} (use .parquet, .jsonl or .csv)")


def _clean_nulls(record: dict[str, Any]) -> dict[str, Any]:
    """NaN and NaT become None, so JSONL holds `null` rather than the invalid token `NaN`."""
    return {key: (None if pd.api.types.is_scalar(value) and pd.isna(value) else value)
            for key, value in record.items()}


class RejectLog:
    """Collects rejects of one stage run and writes them as JSONL (always, possibly empty)."""

    def __init__(self) -> None:
        self.rejects: list[Reject] = []

    def add(self, reject: Reject) -> None:
        log.warning("%s: left out %s record %s%s: %s", reject.stage, reject.file, reject.record,
                    f" (id {reject.id})" if reject.id else "", reject.reason)
        self.rejects.append(reject)

    def __len__(self) -> int:
        return len(self.rejects)

    def write(self, path: str | os.PathLike) -> None:
        write_jsonl((reject.to_dict() for reject in self.rejects), path)
