"""How the segmenter reads pages of sites and years it was not fitted to: the probe pages of `tests/pages`.

Each probe page is a whole scraped page written by us (own text, invented outlets) with a spec written before any
run: its title, the openings of its article paragraphs, its comments as (author, date) and the openings of its
furniture lines. A page passes when every check holds (`data.probe_page_failures`, which `tests/test_segmenter.py`
asserts).

The pages come in rounds of 24, and what counts is what was fitted to them:

* rounds 1-56: the shipped network was fine-tuned with them (stop 42), and rules were drawn from their misreads;
* rounds 57-60 ("fresh"): neither, each measured once at first contact (`FIRST_CONTACT`, for comparison with the
  current code's figures); since then two rules were drawn from round 58's misreads (stop 41), and stop 42's rule
  for shipping its network (set before any candidate was scored) compared candidates on rounds 57-59's counts.
  Round 60 was written after that network shipped; the misreads of rounds 59 and 60 have not been looked at.

Peers, on the checks they can be scored on (body openings and furniture openings): jusText on the plain-text pages
(their lines as newsstance reads them, one <p> each, with the stoplist of the page's language) and trafilatura (with
comments) on the HTML pages. Neither parses a commenter or a date, and jusText picks no title, so those checks are
newsstance's alone. (trafilatura on plain lines keeps nearly every line: without markup it has nothing to go by.)

    python benchmarks/probe_pages.py [--model FILE]

Prints a table and writes benchmarks/results/probe_pages.json.
"""

from __future__ import annotations

import argparse
import html as html_escape
import json
import logging
import re
import sys
import time
from collections import Counter
from pathlib import Path

import torch
from tqdm import tqdm

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline.segmenter import load_segmenter, segment_html, segment_text  # noqa: E402
from pipeline.segmenter.data import probe_page_failures  # noqa: E402

PAGES = REPO / "tests" / "pages"
RESULT = REPO / "benchmarks" / "results" / "probe_pages.json"
BATCH_RE = re.compile(r"probe_pages_(?P<day>2026_12_0[67])(?:_batch(?P<batch>\d+))?$")
# the first run of each fresh round: the commit it was written against, pages passed and failed checks then
ROUND_58 = "round 58: two rules drawn after first contact"
FIRST_CONTACT = {"round 57": ("d129518", 15, 14), ROUND_58: ("ee34e5d", 11, 20), "round 59": ("8b9aa1a", 14, 26),
                 "round 60": ("97357aa", 10, 32)}
GROUPS = ("rounds 1-56: network and rules fitted", "round 57", ROUND_58, "round 59", "round 60")


def group_of(spec_file: Path) -> str:
    """The group of rounds a spec file belongs to (its batch number: round 56 ends at batch 165, each fresh round
    has four)."""
    match = BATCH_RE.fullmatch(spec_file.stem)
    if match is None:
        raise ValueError(f"{spec_file.name}: not a probe spec file name")
    batch = int(match["batch"] or 0)
    if match["day"] == "2026_12_06" or batch <= 165:
        return GROUPS[0]
    fresh = 1 + (batch - 166) // 4
    if fresh >= len(GROUPS):
        raise ValueError(f"{spec_file.name}: a round newer than GROUPS and FIRST_CONTACT know: add it there")
    return GROUPS[fresh]


def failed_kinds(spec: dict, lines: list[tuple[str, str]], title: str | None, comments: list[list]) -> list[str]:
    """The kind ("title", "body", "comments", "furniture") of each of the spec's checks that the reading fails
    (`data.probe_page_failures`, which the tests assert)."""
    return [kind for kind, _ in probe_page_failures(spec, lines, title, comments)]


def newsstance_reading(page: bytes, spec: dict, segmenter) -> list[str]:
    result = segment_html(page, segmenter) if spec["kind"] == "html" else segment_text(page.decode("utf-8"), segmenter)
    return failed_kinds(spec, [(line.label, line.text) for line in result.lines], result.title,
                         [[comment.author, comment.date] for comment in result.comments])


# jusText's stoplist for a page's language, from its file name's prefix ("de_...": German)
STOPLISTS = {"en": "English", "ru": "Russian", "uk": "Ukrainian", "be": "Belarusian", "de": "German", "fr": "French",
             "es": "Spanish", "it": "Italian", "pt": "Portuguese", "nl": "Dutch", "pl": "Polish", "cs": "Czech",
             "sk": "Slovak", "sv": "Swedish", "no": "Norwegian_Bokmal", "da": "Danish", "fi": "Finnish",
             "tr": "Turkish", "hu": "Hungarian", "ro": "Romanian", "bg": "Bulgarian", "sr": "Serbian",
             "hr": "Croatian", "sl": "Slovenian", "el": "Greek", "lt": "Lithuanian", "lv": "Latvian",
             "et": "Estonian", "ka": "Georgian", "hy": "Armenian", "az": "Azerbaijani", "kk": "Kazakh",
             "ar": "Arabic", "fa": "Persian", "he": "Hebrew", "hi": "Hindi", "vi": "Vietnamese", "ko": "Korean",
             "ca": "Catalan", "id": "Indonesian"}


def peer_reading(name: str, page: bytes, spec: dict) -> list[str]:
    """The peer's failed body and furniture checks (the only ones it can be scored on): trafilatura (with comments)
    on an HTML page; jusText on a plain-text page's lines as newsstance reads them (`text.dump_lines`: unwrapped,
    Markdown marks dropped), one <p> each, with the stoplist of the page's language (none for Chinese and Japanese:
    jusText's language-independent mode)."""
    if spec["kind"] == "html":
        import trafilatura

        document = trafilatura.bare_extraction(page, include_comments=True)
        body, comments = ([[" ".join(line.split()) for line in (part or "").splitlines()]
                           for part in (document.text, document.comments)] if document else ([], []))
        # body: a line of the main text starts with the opening; furniture: no line of the output does (what
        # trafilatura leaves out is furniture it dropped)
        return (["body" for opening in spec["body_openings"] if not any(line.startswith(opening) for line in body)]
                + ["furniture" for opening in spec["boilerplate_openings"]
                   if any(line.startswith(opening) for line in body + comments)])
    import justext

    from pipeline.segmenter.text import dump_lines

    texts = [text for _, text in dump_lines(page.decode("utf-8"))]
    prefix = name.split("_", 1)[0]  # a language's code, or (older pages, all English) a site's kind and year
    language = STOPLISTS.get(prefix, None if len(prefix) == 2 else "English")
    stoplist = justext.get_stoplist(language) if language else frozenset()
    markup = "<html><body>" + "".join(f"<p>{html_escape.escape(text)}</p>" for text in texts) + "</body></html>"
    options = {} if language else {"stopwords_low": 0, "stopwords_high": 0}
    paragraphs = justext.justext(markup.encode("utf-8"), stoplist, encoding="utf-8", **options)
    lines = [("body" if paragraph.class_type == "good" else "boilerplate", " ".join(paragraph.text.split()))
             for paragraph in paragraphs]
    return [kind for kind in failed_kinds(spec, lines, None, []) if kind in ("body", "furniture")]


def summary(readings: dict[str, list[str]], specs: dict[str, dict], kinds: tuple[str, ...]) -> dict:
    """Pages whose checks of `kinds` all hold, and the checks of those kinds (all and failed, by kind)."""
    checks = Counter()
    for spec in specs.values():
        checks["title"] += spec["title"] is not None
        checks["body"] += len(spec["body_openings"]) or 1
        checks["comments"] += 1
        checks["furniture"] += len(spec["boilerplate_openings"])
    failed = Counter(kind for failures in readings.values() for kind in failures if kind in kinds)
    passed = sum(not any(kind in kinds for kind in failures) for failures in readings.values())
    return {"pages": len(readings), "pages_passed": passed,
            "checks": {kind: checks[kind] for kind in kinds}, "failed_checks": {kind: failed[kind] for kind in kinds}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, default=None, help="segmenter model file (default: shipped)")
    parser.add_argument("--out", type=Path, default=RESULT)
    args = parser.parse_args()
    torch.set_num_threads(1)
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    segmenter = load_segmenter(args.model)
    specs_by_group: dict[str, dict[str, dict]] = {group: {} for group in GROUPS}
    for spec_file in sorted(PAGES.glob("probe_pages_*.json")):
        specs_by_group[group_of(spec_file)].update(json.loads(spec_file.read_text(encoding="utf-8")))

    results, started = {}, time.perf_counter()
    for group, specs in specs_by_group.items():
        ours, peer = {}, {}
        for name, spec in tqdm(specs.items(), desc=group[:24]):
            page = (PAGES / name).read_bytes()
            ours[name] = newsstance_reading(page, spec, segmenter)
            peer[name] = peer_reading(name, page, spec)
        all_kinds, scored_kinds = ("title", "body", "comments", "furniture"), ("body", "furniture")
        results[group] = {"newsstance": summary(ours, specs, all_kinds),
                          "newsstance, body and furniture checks": summary(ours, specs, scored_kinds),
                          "peer, body and furniture checks": summary(peer, specs, scored_kinds),
                          "failing pages": sorted(name for name, failures in ours.items() if failures)}
        if group in FIRST_CONTACT:
            commit, pages_passed, failed = FIRST_CONTACT[group]
            results[group]["first contact"] = {"commit": commit, "pages_passed": pages_passed, "failed_checks": failed}

    print(f"\nProbe pages ({sum(len(s) for s in specs_by_group.values())}), model {args.model or 'shipped'}, "
          f"{time.perf_counter() - started:.0f} s\n")
    print("| rounds | pages | newsstance: pages passed / failed checks (title, body, comments, furniture) "
          "| body + furniture checks only: newsstance / peer, pages passed (failed checks) | first contact |")
    print("|---|---|---|---|---|")
    for group, result in results.items():
        ours, scored, peer = (result["newsstance"], result["newsstance, body and furniture checks"],
                              result["peer, body and furniture checks"])
        failed = ours["failed_checks"]
        first = result.get("first contact")
        first_text = f"{first['pages_passed']} / {first['failed_checks']} ({first['commit']})" if first else "-"
        by_kind = ", ".join(str(failed[kind]) for kind in ("title", "body", "comments", "furniture"))
        print(f"| {group} | {ours['pages']} | {ours['pages_passed']} / {sum(failed.values())} ({by_kind}) "
              f"| {scored['pages_passed']} ({sum(scored['failed_checks'].values())}) / "
              f"{peer['pages_passed']} ({sum(peer['failed_checks'].values())}) | {first_text} |")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    temporary = args.out.with_suffix(".tmp")
    temporary.write_text(json.dumps({"model": str(args.model or "shipped"), "groups": results}, indent=2,
                                    ensure_ascii=False) + "\n", encoding="utf-8")
    temporary.replace(args.out)
    print(f"\nwrote {args.out.relative_to(REPO) if args.out.is_relative_to(REPO) else args.out}")


if __name__ == "__main__":
    main()
