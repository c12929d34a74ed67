"""Shared fixtures: a small self-written corpus, a pre-migrated MLflow store, the ../shared data folder."""

from __future__ import annotations

import csv
import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")
os.environ.setdefault("DVC_NO_ANALYTICS", "1")

# Sentences written for these tests: each stance has its own framing of the same events.
STANCE_SENTENCES = {
    "pro_us": [
        "Washington acted responsibly after Moscow broke the treaty limits again.",
        "Allied officials praised the American decision as a firm answer to Kremlin aggression.",
        "The Kremlin offered no proof, while US inspectors documented the missile violations in detail.",
        "Sanctions are working, Western diplomats said, and Moscow must change course first.",
    ],
    "pro_russia": [
        "Moscow showed restraint while Washington tore up one agreement after another.",
        "Russian diplomats said the American withdrawal exposed years of broken promises by the West.",
        "NATO expansion, not Russian policy, pushed the region toward a new arms race, analysts in Moscow said.",
        "The sanctions have failed and only hurt European farmers, the Russian ministry noted calmly.",
    ],
    "neutral": [
        "Both governments issued statements on Tuesday and said talks would resume next month.",
        "The treaty expires in February unless the two sides agree on an extension, officials from both capitals said.",
        "Experts disagree on whether the new missile exceeds the range limits set out in the text.",
        "The meeting lasted three hours; neither delegation took questions from reporters afterwards.",
    ],
}
OUTLETS = ["northwire-news.com", "harborledger.net", "plainsgazette.org", "eastbridgepost.co.uk", "riverdispatch.com"]
BOILERPLATE = ["Share this article", "Sign up for our daily newsletter", "Related: more world news",
               "© 2019 All rights reserved. Terms of use."]
COMMENTS = ["Mark Ellison", "March 3, 2019", "Nobody in this story tells the whole truth.", "Reply",
            "Dana Rowe", "March 4, 2019", "Good reporting, thanks for the balanced view.", "Reply"]


PLACES = ["Geneva", "Vienna", "Helsinki", "Brussels", "Ankara", "Oslo", "Warsaw", "Tallinn", "Riga", "Minsk",
          "Reykjavik", "Baku", "Astana", "Bucharest", "Sofia", "Prague"]
TOPICS = ["missile inspections", "embassy staffing", "grain shipments", "gas transit fees", "Arctic patrols",
          "satellite launches", "prisoner exchanges", "cyber incidents", "naval drills", "visa rules",
          "nuclear data exchanges", "airspace closures", "sanctions waivers", "treaty verification"]
WORDS = ("officials negotiators committee delegation statement briefing agenda proposal draft clause deadline "
         "summit schedule interview transcript memo report figures budget timetable framework protocol annex "
         "observers inspectors engineers analysts envoys ministers aides advisers lawmakers governors harbour "
         "railway pipeline border airport factory village province council court election ballot tariff "
         "currency reserve shipment convoy tanker reactor warhead radar frigate submarine bomber brigade "
         "weather harvest winter spring autumn morning evening quietly briefly sharply slowly openly").split()


def article_text(label: str, outlet_index: int, number: int) -> str:
    """A unique article: one framing sentence of its stance per paragraph, among details no other article shares."""
    import random

    rng = random.Random(f"{label}-{outlet_index}-{number}")
    sentences = STANCE_SENTENCES[label]
    paragraphs = []
    for p in range(3):
        details = [f"In {rng.choice(PLACES)} the {' '.join(rng.sample(WORDS, 14))}." for _ in range(4)]
        paragraphs.append(" ".join([sentences[(number + outlet_index + p) % len(sentences)], *details]))
    title = f"{rng.choice(TOPICS).capitalize()} in {rng.choice(PLACES)}: round {rng.randint(2, 40)}"
    return "\n\n".join([title, "By Staff Writer", *paragraphs, *BOILERPLATE, "2 Comments", *COMMENTS]) + "\n"


def write_corpus(folder: Path, per_label_per_outlet: int = 2) -> Path:
    """A folder of .txt articles with metadata.csv: every outlet publishes every stance."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for o, outlet in enumerate(OUTLETS):
        for label in STANCE_SENTENCES:
            for n in range(per_label_per_outlet):
                name = f"{outlet.split('.')[0]}/{label}-{n}.txt"
                (folder / name).parent.mkdir(parents=True, exist_ok=True)
                (folder / name).write_text(article_text(label, o, n), encoding="utf-8")
                rows.append({"file": name, "url": f"https://www.{outlet}/world/{label}-{n}", "source": "",
                             "date": f"2019-02-{1 + n:02d}", "label": label})
    with (folder / "metadata.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["file", "url", "source", "date", "label"])
        writer.writeheader()
        writer.writerows(rows)
    return folder


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus")


@pytest.fixture(scope="session")
def _migrated_mlflow_db(tmp_path_factory) -> Path:
    """An MLflow sqlite store migrated once per session (a new store costs seconds of migrations)."""
    import mlflow

    path = tmp_path_factory.mktemp("mlflow") / "mlflow.db"
    mlflow.set_tracking_uri(f"sqlite:///{path}")
    mlflow.search_experiments()
    return path


@pytest.fixture
def mlflow_store(tmp_path: Path, _migrated_mlflow_db: Path, monkeypatch) -> Path:
    """A fresh copy of the migrated store, set as MLFLOW_TRACKING_URI for the test."""
    path = tmp_path / "mlflow.db"
    shutil.copy(_migrated_mlflow_db, path)
    monkeypatch.setenv("MLFLOW_TRACKING_URI", f"sqlite:///{path}")
    monkeypatch.setenv("DVC_ROOT", str(tmp_path))
    return path


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared is absent ({SHARED}): third-party data is only on development machines and CI")
    return SHARED
