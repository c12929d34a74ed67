"""Near-duplicate benchmark: pair precision/recall, run time and peak memory of clean + dedup.

Built at run time from ../shared/data/stance/abp.jsonl.gz (37,554 US news articles; never copied
into the repository):

1. ABP's own duplicates. ABP contains a few articles that are the same story under different ids
   (wire copy run by two outlets). Candidate ABP pairs (found with very loose detector settings,
   plus equal titles) are scored by exact containment over *all* their 5-word shingles:
   >= 0.8 is the same story (merged into one true story), 0.2-0.8 is ambiguous (a partial rewrite:
   such pairs count neither as a hit nor as a miss), below is distinct.
2. A corpus of N documents: ABP originals (for N < 37.5k, whole (topic, week) buckets, so that
   distinct articles on the same event sit side by side as hard negatives) and generated copies,
   on average 1.67 per original (Poisson-like counts), each with a random mix of realistic edits: truncation to
   40-90%, a new headline, inserted paragraphs (editor's notes, related-story teasers), lines
   re-wrapped at 55-85 characters, light typos, mojibake (UTF-8 read as cp1252), a copying site's
   header/footer boilerplate and reader comments, or just a re-spaced exact copy. Originals also
   get their own outlet's boilerplate and sometimes comments, as scraped pages have. The 100k
   corpus is all of ABP plus 62.5k generated copies.
3. The clean + dedup path as the pipeline runs it, timed in a fresh subprocess per size:
   repair_text, detect_languages and content_hash (a pool of `--workers` processes), dropping
   exact duplicates by content_hash (keeping the earliest), find_near_duplicates and
   syndication_table. Peak memory is the ru_maxrss of the main process and of the largest worker.
4. Pair precision and recall: pairs of documents in one predicted cluster vs pairs of one true
   story (exact duplicates dropped in step 3 count as placed with the copy they duplicate).

Run: python benchmarks/dedup.py [--sizes 10000 30000 100000] [--workers 2]
Writes benchmarks/results/dedup.json. Timings on a shared machine are noisy; the JSON records the
load average seen.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import pickle
import platform
import re
import resource
import subprocess
import sys
import tempfile
import textwrap
import time
import zlib
from dataclasses import asdict
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline.dedup import (  # noqa: E402
    DedupParams, content_hash, find_near_duplicates, near_duplicate_pairs, syndication_table,
)
from pipeline.textnorm import detect_languages, repair_text  # noqa: E402

ABP = REPO.parent / "shared" / "data" / "stance" / "abp.jsonl.gz"
RESULTS = REPO / "benchmarks" / "results" / "dedup.json"
SAME_STORY = 0.8
AMBIGUOUS = 0.2
MEAN_COPIES = 1.67

# --- self-written material for the synthetic page furniture -------------------------------------

MENU_WORDS = ["Home", "News", "Politics", "World", "Business", "Opinion", "Video", "Sports", "Tech", "Health",
              "Science", "Entertainment", "Local", "Weather", "Podcasts", "Newsletters", "Subscribe", "Log in",
              "Sign up", "Search", "Menu", "Donate", "About us", "Contact", "Archives", "Trending"]
FOOTER_SENTENCES = [
    "The views expressed by contributors are their own and are not the views of {site}.",
    "Sign up for the {site} morning briefing and get the day's most important stories delivered to your inbox.",
    "{site} uses cookies to improve your experience; by continuing to browse you agree to our use of cookies.",
    "Copyright {year} {site}, all rights reserved; this material may not be published, broadcast, rewritten or redistributed.",
    "Support independent journalism at {site} by becoming a member today for as little as one dollar a week.",
    "Have a news tip for {site}? Send it to our newsroom and our reporters will look into it as soon as possible.",
    "Follow {site} on social media for breaking news alerts and live coverage of the stories that matter to you.",
    "Comments on {site} are moderated; please keep the discussion civil and on topic or your comment may be removed.",
    "This article originally appeared on a partner site and is republished here under a content sharing agreement.",
    "Read more about our editorial standards and corrections policy on the {site} about page.",
]
HEADER_LINES = [
    "Breaking: live updates from {site} throughout the day as the story develops",
    "You have {n} free articles remaining this month, subscribe to {site} for unlimited access",
    "Advertisement",
    "Skip to main content",
    "Share on Facebook Share on Twitter Email",
    "{n} min read",
]
COMMENT_SENTENCES = [
    "Nobody in Washington ever seems to learn anything from the last time this happened.",
    "I have been saying this for years and finally someone reports on it.",
    "The media will ignore this story by tomorrow, mark my words.",
    "This is exactly why people have stopped trusting both parties.",
    "Can anyone explain what this actually means for ordinary families?",
    "Great reporting, thank you for covering the details the others left out.",
    "Follow the money and you will understand every single decision they make.",
    "I wonder how much of this is true and how much is spin.",
    "My town went through the same thing and nobody cared back then either.",
    "The comments here are more informative than the article itself.",
    "Vote them all out in November and start over with people who listen.",
    "What a disgrace, we deserve better leadership than this.",
    "Sources please, I would like to read the original documents myself.",
    "This will end up in the courts for years, just watch.",
    "Typical, they announce it on a Friday so nobody notices.",
    "I agree with the first commenter, this is not the whole story.",
]
COMMENT_WORDS = sorted({w.strip(".,?").lower() for sentence in COMMENT_SENTENCES for w in sentence.split()})
FIRST_NAMES = ["john", "mary", "patriot", "liberty", "sam", "kate", "old", "real", "truth", "mike", "anna", "bob"]
LAST_NAMES = ["smith", "1776", "seeker", "voter", "jones", "_77", "reader", "watcher", "fan", "b", "k", "dc"]
EDITOR_NOTES = [
    "Editor's note: this story has been updated with additional reporting and comments from officials.",
    "Related: read our full coverage of this developing story and the reactions from both parties on our politics page.",
    "Correction: an earlier version of this article misstated the date of the meeting; it has been corrected.",
    "Watch the video above for the full remarks, which lasted about twenty minutes and covered several other topics.",
    "This is a developing story and will be updated as more information becomes available to our reporters.",
]
HEADLINE_PREFIXES = ["UPDATE: ", "WATCH: ", "Report: ", "BREAKING: ", "Analysis: ", ""]


# --- ABP and its own duplicates ------------------------------------------------------------------

def load_abp() -> pd.DataFrame:
    raw = pd.read_json(ABP, lines=True)
    dates = pd.to_datetime(raw["date"].replace("", None), errors="coerce", format="mixed")
    dates = dates.where((dates.dt.year >= 2000) & (dates.dt.year <= 2021))
    return pd.DataFrame({
        "abp_id": raw["ID"].astype(str), "source": raw["source"].astype(str), "topic": raw["topic"].astype(str),
        "date": dates, "title": raw["title"].fillna("").astype(str), "text": raw["content_original"].astype(str),
    })


def _shingle_set(text: str, k: int = 5) -> set[int]:
    words = re.findall(r"\w+", text.lower())
    return {hash(" ".join(words[i:i + k])) for i in range(max(len(words) - k + 1, 1))}


def abp_story_groups(abp: pd.DataFrame) -> tuple[np.ndarray, set[tuple[int, int]], dict]:
    """True story id of each ABP article and the ambiguous story pairs (see module docstring)."""
    loose = DedupParams(containment_threshold=0.1, min_shared=3, min_line_words=1)
    pairs = near_duplicate_pairs(abp["text"].tolist(), loose)
    candidates = set(zip(pairs["a"].tolist(), pairs["b"].tolist()))
    for members in pd.Series(np.arange(len(abp))).groupby(abp["title"].str.lower().str.strip()).agg(list):
        if 1 < len(members) <= 60:
            candidates.update((a, b) for i, a in enumerate(members) for b in members[i + 1:])
    texts = abp["text"].tolist()
    cache: dict[int, set[int]] = {}
    same, ambiguous = [], []
    for a, b in candidates:
        sa = cache.setdefault(a, _shingle_set(texts[a]))
        sb = cache.setdefault(b, _shingle_set(texts[b]))
        containment = len(sa & sb) / max(min(len(sa), len(sb)), 1)
        if containment >= SAME_STORY:
            same.append((a, b))
        elif containment >= AMBIGUOUS:
            ambiguous.append((a, b))
    parent = np.arange(len(abp))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in same:
        parent[find(a)] = find(b)
    story = np.array([find(i) for i in range(len(abp))])
    ambiguous_stories = {tuple(sorted((int(story[a]), int(story[b])))) for a, b in ambiguous if story[a] != story[b]}
    stats = {"candidate_pairs_checked": len(candidates), "same_story_pairs": len(same),
             "ambiguous_pairs": len(ambiguous), "articles_in_multi_article_stories":
             int((pd.Series(story).map(pd.Series(story).value_counts()) > 1).sum())}
    return story, ambiguous_stories, stats


# --- synthetic copies ------------------------------------------------------------------------------

def _site_furniture(site: str, seed: int) -> tuple[list[str], list[str]]:
    rng = np.random.default_rng(seed)
    menu = list(rng.choice(MENU_WORDS, size=int(rng.integers(5, 12)), replace=False))
    header = [site] + menu + [h.format(site=site, n=int(rng.integers(2, 9)))
                              for h in rng.choice(HEADER_LINES, size=2, replace=False)]
    footer = [f.format(site=site, year=int(rng.integers(2015, 2022)))
              for f in rng.choice(FOOTER_SENTENCES, size=int(rng.integers(2, 5)), replace=False)]
    footer += list(rng.choice(MENU_WORDS, size=6, replace=False))
    return header, footer


def _comments(rng: np.random.Generator, date: pd.Timestamp | None) -> list[str]:
    n = int(rng.integers(1, 7))
    lines = [f"{n} Comments", "Newest Oldest Most voted"]
    for _ in range(n):
        name = f"{rng.choice(FIRST_NAMES)}{rng.choice(LAST_NAMES)}"
        when = (date + pd.Timedelta(days=int(rng.integers(0, 3)))).strftime("%B %d, %Y") if date is not None \
            else "2 days ago"
        # A stock phrase, then words of the commenter's own (reader comments rarely repeat).
        own = rng.choice(COMMENT_WORDS, size=int(rng.integers(8, 30)))
        body = str(rng.choice(COMMENT_SENTENCES)) + " " + " ".join(own).capitalize() + "."
        lines += [name, when, body, "Reply"]
    return lines


def _typos(rng: np.random.Generator, line: str, rate: float) -> str:
    words = line.split(" ")
    for i in np.flatnonzero(rng.random(len(words)) < rate):
        w = words[i]
        if len(w) > 3:
            j = int(rng.integers(1, len(w) - 2))
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:] if rng.random() < 0.5 else w[:j] + w[j + 1:]
    return " ".join(words)


def _mojibake(line: str) -> str:
    import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)

    return line.encode("utf-8").decode("sloppy-windows-1252")


def scraped_page(rng: np.random.Generator, title: str, paragraphs: list[str], site: str, site_seed: int,
                 date: pd.Timestamp | None, boilerplate: bool, comments: bool) -> str:
    lines = []
    header, footer = _site_furniture(site, site_seed) if boilerplate else ([], [])
    lines += header + [title, ""] + [p + "\n" for p in paragraphs] + footer
    if comments:
        lines += _comments(rng, date)
    return "\n".join(lines)


def make_copy(rng: np.random.Generator, original: pd.Series, paragraphs: list[str], original_page: str,
              site: str, site_seed: int) -> tuple[str, list[str], pd.Timestamp | None]:
    """A copy of the original as another site would publish it; returns (text, edits, date)."""
    edits = []
    date = original["date"] + pd.Timedelta(days=int(rng.integers(0, 4))) if pd.notna(original["date"]) else None
    if date is not None and rng.random() < 0.1:
        date = None
    if rng.random() < 0.04:
        respaced = original_page.replace("\n", "\n\n").replace(" ", "  ")
        return (respaced.upper() if rng.random() < 0.3 else respaced), ["exact"], date
    paras = list(paragraphs)
    if rng.random() < 0.5:
        words_total = sum(len(p.split()) for p in paras)
        budget = int(words_total * rng.uniform(0.4, 0.9))
        kept = []
        for p in paras:
            n = len(p.split())
            if budget <= 0:
                break
            kept.append(p if n <= budget else " ".join(p.split()[:budget]) + "...")
            budget -= n
        paras = kept
        edits.append("truncated")
    if rng.random() < 0.3:
        for _ in range(int(rng.integers(1, 3))):
            paras.insert(int(rng.integers(0, len(paras) + 1)), str(rng.choice(EDITOR_NOTES)))
        edits.append("inserted_paragraphs")
    title = original["title"]
    if rng.random() < 0.4:
        words = title.split()
        rng.shuffle(words)
        title = str(rng.choice(HEADLINE_PREFIXES)) + " ".join(words[: max(3, len(words) - 2)])
        edits.append("new_headline")
    if rng.random() < 0.25:
        paras = [_typos(rng, p, 0.02) for p in paras]
        edits.append("typos")
    if rng.random() < 0.1:
        paras = [_mojibake(p) for p in paras]
        edits.append("mojibake")
    if rng.random() < 0.3:
        width = int(rng.integers(55, 86))
        paras = ["\n".join(textwrap.wrap(p, width)) for p in paras]
        edits.append("rewrapped")
    boilerplate, comments = rng.random() < 0.7, rng.random() < 0.4
    edits += ["boilerplate"] * boilerplate + ["comments"] * comments
    return scraped_page(rng, title, paras, site, site_seed, date, boilerplate, comments), edits, date


def build_corpus(abp: pd.DataFrame, story: np.ndarray, n_docs: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n_originals = min(len(abp), int(round(n_docs / (1 + MEAN_COPIES))))
    if n_originals < len(abp):
        # Whole (topic, week) buckets: distinct articles on the same event end up side by side.
        week = abp["date"].dt.to_period("W").astype(str)
        buckets = abp.groupby([abp["topic"], week]).indices
        order = rng.permutation(len(buckets))
        keys = list(buckets)
        chosen: list[int] = []
        for i in order:
            chosen.extend(buckets[keys[i]].tolist())
            if len(chosen) >= n_originals:
                break
        chosen = chosen[:n_originals]
    else:
        chosen = list(range(len(abp)))
    n_copies = n_docs - len(chosen)
    copies_per = rng.multinomial(n_copies, np.ones(len(chosen)) / len(chosen)) if n_copies > 0 else np.zeros(len(chosen), int)
    copy_sites = [f"site{i:02d}.example" for i in range(60)]
    rows = []
    for row_index, n_copy in zip(chosen, copies_per):
        original = abp.iloc[row_index]
        paragraphs = [p.strip() for p in original["text"].split("\n") if p.strip()]
        date = original["date"] if pd.notna(original["date"]) else None
        page = scraped_page(rng, original["title"], paragraphs, original["source"], zlib.crc32(original["source"].encode()),
                            date, rng.random() < 0.5, rng.random() < 0.2)
        rows.append({"id": f"abp/{original['abp_id']}", "source": original["source"], "date": original["date"],
                     "text": page, "story": int(story[row_index]), "abp_row": row_index, "is_copy": False,
                     "edits": ""})
        for c in range(int(n_copy)):
            site_index = int(rng.integers(0, len(copy_sites)))
            text, edits, copy_date = make_copy(rng, original, paragraphs, page, copy_sites[site_index], 1000 + site_index)
            rows.append({"id": f"copy/{original['abp_id']}/{c}", "source": copy_sites[site_index], "date": copy_date,
                         "text": text, "story": int(story[row_index]), "abp_row": row_index, "is_copy": True,
                         "edits": ",".join(edits)})
    corpus = pd.DataFrame(rows)
    corpus = corpus.iloc[rng.permutation(len(corpus))].reset_index(drop=True)
    corpus["date"] = pd.to_datetime(corpus["date"]).dt.strftime("%Y-%m-%d")
    return corpus


# --- the timed clean + dedup run (in a subprocess) -------------------------------------------------

def _clean_chunk(texts: list[str]) -> tuple[list[str], list[str], list[str]]:
    repaired = [repair_text(t) for t in texts]
    return repaired, detect_languages(repaired), [content_hash(t) for t in repaired]


def _peak_rss_mb(_: object = None) -> float:
    """High-water mark of this process's resident memory (VmHWM: unlike ru_maxrss, it is not
    inherited across fork + exec from the benchmark's parent process)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _read_corpus(path: str) -> tuple[pd.DataFrame, list[str]]:
    """The corpus without its text, and the texts. A pickle of plain lists: reading Parquet would
    leave Arrow's allocator holding about as much memory again as the texts take."""
    with open(path, "rb") as f:
        columns = pickle.load(f)
    texts = columns.pop("text")
    return pd.DataFrame(columns), texts


def run_clean_and_dedup(corpus_path: str, out_path: str, workers: int, params: dict) -> None:
    # The pool is forked before the corpus is read, so workers share only the imported modules.
    pool = multiprocessing.get_context("fork").Pool(workers)
    corpus, texts = _read_corpus(corpus_path)
    timings = {}
    cpu_start = os.times()
    start = time.perf_counter()
    chunk_size, window = 500, 8 * workers
    repaired, langs, hashes = [], [], []
    with pool:
        # A few chunks in flight at a time, so raw texts are freed as their repaired forms arrive.
        for first in range(0, len(texts), chunk_size * window):
            chunks = [texts[i:i + chunk_size]
                      for i in range(first, min(first + chunk_size * window, len(texts)), chunk_size)]
            texts[first:first + chunk_size * window] = [None] * sum(map(len, chunks))
            for r, l, h in pool.map(_clean_chunk, chunks, chunksize=1):
                repaired += r
                langs += l
                hashes += h
            del chunks
        worker_peak_mb = max(pool.map(_peak_rss_mb, range(workers * 4), chunksize=1))
    corpus["text"], corpus["lang"], corpus["content_hash"] = repaired, langs, hashes
    del repaired, texts
    timings["clean_s"] = time.perf_counter() - start
    peak_after_clean = _peak_rss_mb()

    t = time.perf_counter()
    corpus = corpus.sort_values(["date", "id"], na_position="last", kind="stable")
    is_exact_copy = corpus["content_hash"].duplicated()
    kept = corpus[~is_exact_copy]
    result = find_near_duplicates(kept, DedupParams(**params))
    kept = kept.join(result)
    timings["dedup_s"] = time.perf_counter() - t
    t = time.perf_counter()
    table = syndication_table(kept)
    timings["syndication_s"] = time.perf_counter() - t
    timings["total_s"] = time.perf_counter() - start
    cpu_end = os.times()
    timings["cpu_s"] = sum(cpu_end[i] - cpu_start[i] for i in range(4))   # user + system, main and workers

    first_of_hash = kept.set_index("content_hash")["cluster_id"]
    dropped = corpus[is_exact_copy]
    clusters = pd.concat([kept["cluster_id"], pd.Series(first_of_hash.loc[dropped["content_hash"]].to_numpy(),
                                                        index=dropped.index)])
    out = pd.DataFrame({"id": corpus.loc[clusters.index, "id"].to_numpy(), "cluster_id": clusters.to_numpy()})
    out["exact_dropped"] = out["id"].isin(dropped["id"])
    out["lang"] = corpus.loc[clusters.index, "lang"].to_numpy()
    out.to_parquet(out_path)
    peak = {"main_mb": _peak_rss_mb(), "main_after_clean_mb": peak_after_clean, "worker_mb": worker_peak_mb}
    print(json.dumps({"timings": timings, "peak": peak, "syndication_rows": len(table),
                      "exact_dropped": int(is_exact_copy.sum())}))


# --- scoring -------------------------------------------------------------------------------------

def _pairs(counts: pd.Series) -> int:
    return int((counts * (counts - 1) // 2).sum())


def score(corpus: pd.DataFrame, predicted: pd.DataFrame, ambiguous: set[tuple[int, int]],
          abp: pd.DataFrame) -> dict:
    df = corpus.merge(predicted, on="id")
    true_pairs = _pairs(df.groupby("story").size())
    predicted_pairs = _pairs(df.groupby("cluster_id").size())
    tp = _pairs(df.groupby(["cluster_id", "story"]).size())
    ambiguous_predicted = 0
    multi = df.groupby("cluster_id")["story"].transform("nunique") > 1
    for _, members in df[multi].groupby("cluster_id"):
        per_story = members["story"].value_counts()
        stories = per_story.index.tolist()
        for i, s in enumerate(stories):
            for t in stories[i + 1:]:
                if tuple(sorted((int(s), int(t)))) in ambiguous:
                    ambiguous_predicted += int(per_story[s] * per_story[t])
    scored_predicted = predicted_pairs - ambiguous_predicted
    precision = tp / scored_predicted if scored_predicted else 1.0
    recall = tp / true_pairs if true_pairs else 1.0

    # Recall by edit: pairs (copy, its story's other members) found together.
    by_edit = {}
    copies = df[df["is_copy"]]
    story_cluster = df[~df["is_copy"]].set_index("story")["cluster_id"]
    story_cluster = story_cluster[~story_cluster.index.duplicated()]
    found = copies["cluster_id"].to_numpy() == story_cluster.reindex(copies["story"]).to_numpy()
    for edit in sorted({e for es in copies["edits"] for e in es.split(",") if e}):
        has = copies["edits"].str.split(",").apply(lambda es, edit=edit: edit in es).to_numpy()
        by_edit[edit] = {"copies": int(has.sum()), "found_with_original": round(float(found[has].mean()), 4)}

    # Hard negatives: distinct ABP originals on the same topic within 3 days of each other.
    originals = df[~df["is_copy"]].copy()
    originals["topic"] = abp["topic"].to_numpy()[originals["abp_row"]]
    originals["day"] = pd.to_datetime(originals["date"]).dt.floor("D")
    hard, merged = 0, 0
    for _, group in originals.dropna(subset=["day"]).groupby("topic"):
        group = group.sort_values("day")
        days = group["day"].to_numpy()
        stories = group["story"].to_numpy()
        clusters = group["cluster_id"].to_numpy()
        for i in range(len(group)):
            j = np.searchsorted(days, days[i] + np.timedelta64(3, "D"), side="right")
            others = np.arange(i + 1, j)
            distinct = [o for o in others if stories[o] != stories[i]
                        and tuple(sorted((int(stories[o]), int(stories[i])))) not in ambiguous]
            hard += len(distinct)
            merged += sum(clusters[o] == clusters[i] for o in distinct)
    return {"documents": len(df), "true_pairs": true_pairs, "predicted_pairs": predicted_pairs,
            "true_positive_pairs": tp, "ambiguous_pairs_predicted": ambiguous_predicted,
            "precision": round(precision, 4), "recall": round(recall, 4),
            "hard_negative_pairs": hard, "hard_negative_pairs_merged": int(merged),
            "copy_recall_by_edit": by_edit,
            "non_english_detected": int((df["lang"] != "en").sum())}


# --- baseline: MinHash LSH on Jaccard similarity -------------------------------------------------

def minhash_baseline(corpus: pd.DataFrame, ambiguous: set[tuple[int, int]], abp: pd.DataFrame,
                     thresholds: list[float], num_perm: int = 128) -> dict:
    """Clusters from datasketch's MinHashLSH over the same 5-word shingles (Jaccard similarity,
    the usual near-duplicate setup), scored like the main method."""
    from datasketch import MinHash, MinHashLSH

    texts = [repair_text(t) for t in corpus["text"]]
    signatures = []
    for text in texts:
        words = re.findall(r"\w+", text.lower())
        shingles = {" ".join(words[i:i + 5]).encode() for i in range(max(len(words) - 4, 1))}
        signature = MinHash(num_perm=num_perm)
        signature.update_batch(list(shingles))
        signatures.append(signature)
    results = {}
    for threshold in thresholds:
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        for i, signature in enumerate(signatures):
            lsh.insert(i, signature)
        parent = list(range(len(texts)))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for i, signature in enumerate(signatures):
            for j in lsh.query(signature):
                if j != i and signatures[i].jaccard(signatures[j]) >= threshold:
                    parent[find(i)] = find(j)
        predicted = pd.DataFrame({"id": corpus["id"], "cluster_id": [find(i) for i in range(len(texts))],
                                  "lang": "en"})
        scores = score(corpus, predicted, ambiguous, abp)
        results[str(threshold)] = {k: scores[k] for k in ("precision", "recall", "hard_negative_pairs_merged")} | {
            "copy_recall_by_edit": {e: v["found_with_original"] for e, v in scores["copy_recall_by_edit"].items()}}
    return results


# --- main ---------------------------------------------------------------------------------------

def run_size(abp, story, ambiguous, n_docs, seed, workers, params, tmp, baseline: bool = False) -> dict:
    corpus = build_corpus(abp, story, n_docs, seed)
    corpus_path, out_path = os.path.join(tmp, f"corpus_{n_docs}.pickle"), os.path.join(tmp, f"out_{n_docs}.parquet")
    with open(corpus_path, "wb") as f:
        pickle.dump({c: corpus[c].tolist() for c in ("id", "source", "date", "text")}, f)
    code = ("import sys, json; sys.path.insert(0, %r); from benchmarks.dedup import run_clean_and_dedup; "
            "run_clean_and_dedup(%r, %r, %d, json.loads(%r))") % (str(REPO), corpus_path, out_path, workers,
                                                                   json.dumps(params))
    load_before = os.getloadavg()[0]
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                               env={**os.environ, "PYTHONHASHSEED": "0"})
    run = json.loads(completed.stdout.strip().splitlines()[-1])
    scores = score(corpus, pd.read_parquet(out_path), ambiguous, abp)
    if baseline:
        scores["minhash_lsh_baseline"] = minhash_baseline(corpus, ambiguous, abp, [0.8, 0.5, 0.3])
    return {"n_docs": n_docs, "copies": int(corpus["is_copy"].sum()), **run, **scores,
            "load_average_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--no-baseline", dest="baseline", action="store_false",
                        help="skip the MinHash LSH comparison on the smallest corpus")
    parser.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                        help="override a DedupParams field (for tuning)")
    args = parser.parse_args()
    if not ABP.exists():
        sys.exit(f"{ABP} not found: this benchmark needs ../shared")

    params = asdict(DedupParams())
    for override in args.param:
        name, value = override.split("=", 1)
        params[name] = type(params[name])(value)
    abp = load_abp()
    t = time.perf_counter()
    story, ambiguous, abp_stats = abp_story_groups(abp)
    abp_stats["seconds"] = round(time.perf_counter() - t, 1)
    print(f"ABP: {abp_stats}", flush=True)
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for n_docs in args.sizes:
            runs.append(run_size(abp, story, ambiguous, n_docs, args.seed, args.workers, params, tmp,
                                 baseline=args.baseline and n_docs == args.sizes[0]))
            r = runs[-1]
            print(f"{n_docs}: {r['timings']['total_s']:.1f}s P={r['precision']} R={r['recall']}", flush=True)

    base = runs[0]
    header = f"{'docs':>7} {'copies':>7} {'clean s':>8} {'dedup s':>8} {'total s':>8} {'x time':>7} " \
             f"{'peak MB':>8} {'wkr MB':>7} {'prec':>6} {'recall':>6} {'hardneg merged':>15}"
    print(header)
    for r in runs:
        ratio = r["timings"]["total_s"] / base["timings"]["total_s"]
        r["time_ratio_to_smallest"] = round(ratio, 2)
        print(f"{r['n_docs']:>7} {r['copies']:>7} {r['timings']['clean_s']:>8.1f} {r['timings']['dedup_s']:>8.1f} "
              f"{r['timings']['total_s']:>8.1f} {ratio:>7.2f} {r['peak']['main_mb']:>8.0f} {r['peak']['worker_mb']:>7.0f} "
              f"{r['precision']:>6.4f} {r['recall']:>6.4f} {r['hard_negative_pairs_merged']:>6}/{r['hard_negative_pairs']:<8}")
    if "minhash_lsh_baseline" in runs[0]:
        print(f"MinHash LSH (Jaccard, 128 permutations) on the {runs[0]['n_docs']} corpus:")
        for threshold, r in runs[0]["minhash_lsh_baseline"].items():
            print(f"  threshold {threshold}: precision {r['precision']:.4f} recall {r['recall']:.4f}"
                  f" truncated-copy recall {r['copy_recall_by_edit'].get('truncated')}")
    largest = runs[-1]
    summary = {
        "precision": largest["precision"], "recall": largest["recall"],
        "precision_min_over_sizes": min(r["precision"] for r in runs),
        "recall_min_over_sizes": min(r["recall"] for r in runs),
        f"seconds_{largest['n_docs'] // 1000}k": round(largest["timings"]["total_s"], 1),
        f"peak_mb_{largest['n_docs'] // 1000}k": round(largest["peak"]["main_mb"] + args.workers * largest["peak"]["worker_mb"]),
        "time_ratios": {str(r["n_docs"]): r["time_ratio_to_smallest"] for r in runs},
        "workers": args.workers,
    }
    if largest["n_docs"] == 100_000:
        summary["seconds_100k"], summary["peak_mb_100k"] = summary.pop("seconds_100k"), summary.pop("peak_mb_100k")
    report = {"summary": summary, "params": params, "abp_duplicates": abp_stats, "runs": runs,
              "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                          "note": "shared 2-core machine; other jobs ran at the same time, timings are noisy"},
              "peak_mb_note": "main process ru_maxrss plus workers x largest worker ru_maxrss (an upper bound)"}
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2, default=str) + "\n")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
