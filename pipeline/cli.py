"""`newsstance`: one command per pipeline stage, plus `score` and `models`.

Each command calls the same `run` function as its DVC stage, on any paths, so that what works in the
pipeline works on a user's own files. Hyperparameters come from params.yaml (`--params`).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Annotated, Optional

import typer

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_show_locals=False,
                  help="Clean, segment and score the stance of news articles on US-Russia relations.")
log = logging.getLogger("newsstance")

ParamsOption = Annotated[Path, typer.Option("--params", help="params.yaml with the hyperparameters")]
Inputs = Annotated[list[Path], typer.Argument(help="files or folders: .txt/.html (+ metadata.csv), .jsonl, .csv, "
                                                   ".parquet", exists=True)]
SourceOption = Annotated[Optional[str], typer.Option(
    "--source", help="outlet of the records that name none and have no URL (e.g. a folder of one site's dumps): "
                     "an outlet's pages are segmented together and its recurring lines read as its template")]


def _params(path: Path):
    from pipeline.config import ParamsError, load_params

    try:
        return load_params(path)
    except ParamsError as error:
        raise typer.BadParameter(str(error), param_hint="--params") from error


@app.callback()
def main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="debug logging")] = False) -> None:
    from rich.logging import RichHandler

    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO, format="%(message)s",
                        handlers=[RichHandler(show_path=False, rich_tracebacks=True)], force=True)
    for noisy in ("alembic", "mlflow.store", "urllib3", "filelock", "httpx"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


@app.command()
def ingest(inputs: Inputs,
           output: Annotated[Path, typer.Option("--output", "-o")] = Path("data/interim/articles.parquet"),
           rejects: Annotated[Path, typer.Option(help="where rejected records go")] = Path(
               "data/interim/rejects.jsonl"),
           params: ParamsOption = Path("params.yaml")) -> None:
    """Read raw documents and record files into one article table."""
    from pipeline import ingest as stage

    p = _params(params)
    stage.run(inputs, output, rejects, p.ingest, p.labels)


@app.command()
def clean(inputs: Inputs,
          output: Annotated[Path, typer.Option("--output", "-o")] = Path("data/interim/clean.parquet"),
          syndication: Annotated[Path, typer.Option(help="outlet-pair syndication table")] = Path(
              "data/processed/syndication.parquet"),
          rejects: Annotated[Optional[Path], typer.Option(help="default: <output>.rejects.jsonl")] = None,
          params: ParamsOption = Path("params.yaml")) -> None:
    """Repair text, identify language, drop exact duplicates, group near-duplicates."""
    from pipeline import clean as stage

    stage.run(inputs, output, syndication, rejects or _beside(output, "rejects.jsonl"), _params(params))


@app.command()
def segment(inputs: Inputs,
            output: Annotated[Path, typer.Option("--output", "-o")] = Path("segmented.jsonl"),
            lines: Annotated[bool, typer.Option(help="include every line with its label")] = True,
            rejects: Annotated[Optional[Path], typer.Option(help="where unreadable inputs go")] = None,
            source: SourceOption = None,
            segmenter: Annotated[Optional[Path], typer.Option(
                exists=True, dir_okay=False,
                help="line-segmenter weights, e.g. one adapted to your sites (python -m pipeline.segmenter.train "
                     "--user-jsonl ...); default: params.yaml's segment.model_path, else the shipped model")] = None,
            params: ParamsOption = Path("params.yaml")) -> None:
    """Split documents into title, body, reader comments and boilerplate."""
    from pipeline import segment as stage

    chosen = _params(params)
    if segmenter is not None:
        chosen = chosen.model_copy(update={"segment": chosen.segment.model_copy(update={"model_path": str(segmenter)})})
    stage.run(inputs, output, chosen, with_lines=lines, rejects_path=rejects, default_source=source)


@app.command()
def split(segmented: Annotated[Path, typer.Argument(exists=True)],
          out_dir: Annotated[Path, typer.Option("--out-dir")] = Path("data/processed"),
          params: ParamsOption = Path("params.yaml")) -> None:
    """Outlet- and story-disjoint train/valid/test split."""
    from pipeline import split as stage

    stage.run(segmented, out_dir, _params(params).split)


@app.command()
def train(data: Annotated[Path, typer.Option("--data", exists=True, help="training records, any ingest format")],
          model: Annotated[str, typer.Option("--model", help="model kind, e.g. tfidf_logreg")],
          out: Annotated[Path, typer.Option("--out", help="the MLflow model folder to write")],
          valid: Annotated[Optional[Path], typer.Option("--valid", exists=True)] = None,
          params: ParamsOption = Path("params.yaml")) -> None:
    """Train one stance classifier and save it as an MLflow model folder."""
    from pipeline import train as stage

    stage.run(model, data, out, _params(params), valid_path=valid)


@app.command()
def evaluate(model: Annotated[Path, typer.Option("--model", exists=True, help="an MLflow model folder")],
             data: Annotated[Path, typer.Option("--data", exists=True, help="labelled test records")],
             out: Annotated[Path, typer.Option("--out", help="metrics JSON to write")],
             valid: Annotated[Optional[Path], typer.Option("--valid", exists=True)] = None,
             plots: Annotated[Optional[Path], typer.Option("--plots", help="folder for plot CSVs")] = None,
             predictions: Annotated[Optional[Path], typer.Option("--predictions")] = None,
             register: Annotated[bool, typer.Option(help="register in MLflow and promote the champion "
                                                         "(needs --valid)")] = True,
             params: ParamsOption = Path("params.yaml")) -> None:
    """Evaluate a model: macro-F1, accuracy, per-class and per-outlet scores, confusion matrix."""
    from pipeline import evaluate as stage

    report = stage.run(model, data, out, _params(params), valid_path=valid, plots_dir=plots,
                       predictions_path=predictions, register=register)
    typer.echo(f"{report['model']}: macro-F1 {report['test']['macro_f1']:.4f}  "
               f"accuracy {report['test']['accuracy']:.4f}  (n={report['test']['n']})")


@app.command()
def sources(articles: Annotated[Path, typer.Option(exists=True)] = Path("data/interim/segmented.parquet"),
            syndication: Annotated[Path, typer.Option(exists=True)] = Path("data/processed/syndication.parquet"),
            reports: Annotated[Path, typer.Option()] = Path("reports"),
            models: Annotated[Path, typer.Option()] = Path("models"),
            output: Annotated[Path, typer.Option("--output", "-o")] = Path("data/processed/sources.parquet"),
            params: ParamsOption = Path("params.yaml")) -> None:
    """Per-outlet table: articles, stance distribution, syndication, reliability (placeholder)."""
    from pipeline import sources as stage

    stage.run(articles, syndication, reports, models, output, _params(params))


@app.command()
def score(inputs: Inputs,
          model: Annotated[str, typer.Option("--model", help="model folder or models:/<name>@champion")],
          output: Annotated[Path, typer.Option("--output", "-o", help=".jsonl, .csv or .parquet")],
          sources_table: Annotated[Optional[Path], typer.Option("--sources", exists=True)] = None,
          rejects: Annotated[Optional[Path], typer.Option(help="default: <output>.rejects.jsonl")] = None,
          source: SourceOption = None,
          params: ParamsOption = Path("params.yaml")) -> None:
    """Score new articles: stance and probabilities per label, with warnings and outlet fields."""
    from pipeline import score as stage

    if model.startswith("models:/"):
        from pipeline import tracking

        tracking.configure(_params(params).tracking.experiment)
    stage.run(inputs, model, output, _params(params), sources_path=sources_table, rejects_path=rejects,
              default_source=source)


@app.command()
def models(params: ParamsOption = Path("params.yaml")) -> None:
    """List registered model versions, their kind, validation score and aliases."""
    from mlflow import MlflowClient
    from mlflow.exceptions import MlflowException

    from pipeline import tracking

    p = _params(params)
    tracking.configure(p.tracking.experiment)
    client = MlflowClient()
    try:
        registered = client.get_registered_model(p.tracking.registered_model)
    except MlflowException:
        typer.echo(f"no registered model {p.tracking.registered_model!r} in {tracking.tracking_uri()}")
        raise typer.Exit(1)
    aliases = {}
    for alias, version in (registered.aliases or {}).items():
        aliases.setdefault(str(version), []).append(alias)
    versions = client.search_model_versions(f"name = '{p.tracking.registered_model}'")
    for version in sorted(versions, key=lambda v: int(v.version)):
        typer.echo(f"v{version.version:<4} {version.tags.get('kind', '?'):<16} valid={version.tags.get('valid_score', '?')}"
                   f"  {','.join(aliases.get(str(version.version), []))}")


def _beside(path: Path, suffix: str) -> Path:
    return path.with_name(f"{path.stem}.{suffix}")


if __name__ == "__main__":
    app()
