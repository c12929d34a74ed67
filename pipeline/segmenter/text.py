"""Plain-text segmentation: raw dump -> labelled lines -> title, body, comments, boilerplate.

Steps: decode (bytes with mixed encodings are decoded line by line), split on CRLF / CR / LF keeping
1-based line numbers, collapse whitespace and drop blank lines, label the lines with the learned
`LineSegmenter` (body / comment / boilerplate), correct the labels with a few rules
(`apply_rules`), relabel one line as the title, then gather the parts.

The title, in order (`find_title`): a line matching `title_hint`; else a headline that a comment section's header
quotes; else the heading-like line near the top that the learned scorer ranks first (`titles.py`). The hand-written
rules it replaced stay as `rule_title`, the baseline of `benchmarks/titles.py`.
"""

from __future__ import annotations

import collections
import functools
import itertools
import re
from collections import Counter
from typing import Callable, NamedTuple

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.segmenter.comments import (AVATAR_RE, COMMENT_FORM_HEADINGS, DATE_FILLER_WORDS, FORUM_NUMBERED_POST_RE,
                                         FORUM_POST_RE,
                                         FORUM_STATUS_RE, FORUM_SUBJECT_POST_RE, FORUM_SUBJECT_WORDS, PROFILE_LINE,
                                         PROFILE_OPENINGS, REPLY_TO,
                                         MASKED_IP, MORE_COMMENTS_RE, REPLY_WORDS, REPUTATION_RE, SHORT_AGE_RE, SIGN_IN_TO_COMMENT,
                                         MetaMemo,
                                         is_button, is_counter, is_date_text, line_cache, line_memo,
                                         parse_comments_and_strays)
from pipeline.segmenter.cues import (CJK_RUN_RE, DATE_RE, HAS_DIGIT, INLINE_PROMPT, MONTHS,
                                     PARAGRAPH_ENDS, PRINT_HEADER_RE, RELATED_LINK_INLINE_RE, RELATED_LINK_LABEL_RE, STOPWORDS, WORD_RE,
                                     archive_banner_length, interstitial_lines, linked_headline, metadata_header,
                                     reading_view, spaced_literal)
from pipeline.segmenter.gates import AlternativeSearch, LiteralGate, top_level_alternatives
from pipeline.segmenter.model import INFERENCE_BATCH_DOCS
from pipeline.segmenter.result import BODY_JOINER, LABELS, Comment, LabelledLine, Segmentation
from pipeline.segmenter.sites import template_evidence
from pipeline.segmenter.titles import first_paragraph as first_paragraph_of
from pipeline.segmenter.titles import pick_title, record_title_input

LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")
TITLE_WINDOW = 25
MENU_RUN = 4  # a heading-like line over this many one- or two-word lines is a masthead
MENU_ITEM_MAX_WORDS = 6  # a line this short between two menu items is one too (`_amid_menu`)
HEADLINE_MARKS = (":", ",", "?", "!", '"', "“", "”", "‘", "’")  # which a headline may hold and a menu's item does not
TITLE_BODY_LINES, TITLE_BODY_CHARS = 10, 1500  # the article's opening, whose words a headline is compared with
TAGLINE_MAX_OVERLAP = 0.34  # at most a third of a tagline's words are the article's...
HEADLINE_MIN_OVERLAP = 0.6  # ...and most of a headline's
HEADLINE_MAX_WORDS = 20
BARE_HEADLINE_WINDOW = 10  # a page title "Headline | Site" gives way to the bare headline this close below it...
SITE_FIRST_WINDOW = 5  # ...and "Site | Headline" this close
FAR_HEADLINE_MIN_OVERLAP = 0.5  # half the words of a longer headline past the title window (`find_title`)
BYLINE_HEADLINE_MIN_OVERLAP = 0.25  # ...or a quarter of them, when a byline or date line stands right under it
TITLE_SEPARATOR_RE = re.compile(r" [|»«·:—–-] | [|»«]|[|»«] ")
# a quotation in guillemets ("«Заметки на полях»", "« Nous ne céderons pas »", German "»Wir bleiben«"), whose marks
# separate no page title's parts
GUILLEMET_QUOTE_RE = re.compile(r"«[^«»|]*»|»[^«»|]*«")


def _separator_spans(line: str) -> list[tuple[int, int]]:
    """Where TITLE_SEPARATOR_RE matches the line ("Headline | Site", "Blog » Headline"), the marks of quotations in
    guillemets aside."""
    if "«" in line and "»" in line:
        line = GUILLEMET_QUOTE_RE.sub(lambda quote: '"' + quote.group()[1:-1] + '"', line)
    return [match.span() for match in TITLE_SEPARATOR_RE.finditer(line)]


@line_cache
def _title_separated(line: str) -> bool:
    """Whether the line holds a page title's separator ("Headline | Site"); the marks of a quotation in guillemets are
    none."""
    return bool(_separator_spans(line)) if "«" in line or "»" in line else TITLE_SEPARATOR_RE.search(line) is not None


def _title_parts(line: str) -> list[str]:
    """The line's parts between page-title separators (`_title_separated`)."""
    parts, position = [], 0
    for start, end in _separator_spans(line):
        parts.append(line[position:start])
        position = end
    return [*parts, line[position:]]
BREADCRUMB_SEPARATOR_RE = re.compile(r" [>›‹] ")  # ("‹": a forum's trail, "Board index ‹ Forum ‹ Topic")
# (a cheap test before `_menu_like`; not " | ", which also joins a date line's parts: "Friday, November 02, 2012 | 6:30 AM")
TRAIL_MARKS = (" > ", " › ", " ‹ ", " / ", " » ")
BREADCRUMB_MARK_RE = re.compile(r"\s*[›>]\s*")  # (some sites print a trail without spaces: "News›Economy›Headline")
# a site's sections, as its menu names them
SECTION_WORDS = frozenset("""home news world politics business economy markets money tech technology science health opinion
    opinions ideas culture arts books music film movies tv sport sports lifestyle life style travel food video videos podcasts
    podcast magazine archive archives photos investigations weather local national international u.s. us europe asia
    entertainment education climate newsletters games puzzles""".split())
SECTION_MENU_SHARE = 0.75
# the site's own links in a menu row ("Subscribe | Place an Ad | e-Edition | Contact Us | Jobs at the Herald")
SITE_LINK_STARTS = ("subscribe", "contact", "about", "advertis", "place an ad", "jobs", "careers", "e-edition", "log in",
                    "login", "sign in", "sign up", "register", "newsletter", "privacy", "terms", "help", "archive", "home",
                    "rss", "previous entry", "next entry", "previous post", "next post",
                    # and in other languages: sign in and register
                    "zaloguj", "załóż konto", "zarejestruj", "войти", "регистрация", "увійти", "реєстрація", "anmelden",
                    "registrieren", "connexion", "se connecter", "s'inscrire", "iniciar sesión", "registrarse", "accedi",
                    "registrati", "přihlásit", "registrace", "entrar", "cadastre")
BULLET_START = tuple("*•·-–—>|»›◦▪■●+")
HOME_CRUMBS = frozenset({"home", "accueil", "startseite", "start", "inicio", "início", "home page", "главная", "головна",
                         "strona główna", "domů", "úvod", "etusivu", "hem", "forside", "főoldal", "ana sayfa", "anasayfa"})
TRAIL_SPLIT_RE = re.compile(r" [>›‹/»] ")
# the first crumb of a two-crumb trail: the home page or the news section
TRAIL_ROOTS = HOME_CRUMBS | frozenset({"news", "новости", "новини", "nachrichten", "actualités", "noticias", "notizie",
                                       "wiadomości", "zprávy", "správy", "haberler", "nyheter", "nieuws", "notícias"})
# "By NAME", "Posted by NAME", and a blog's "Posted on December 2, 2026 by NAME"
BYLINE_RE = re.compile(r"(?:posted\s+|written\s+|story\s+|submitted\s+(?:[^|\n]{1,30}?\s+)?|(?:posted|published)\s+on\s+(?=[^|\n]{0,30}\d)[^|\n]{4,40}?\s+)?by\s",
                       re.IGNORECASE)
# a link of a `lynx -dump` ("[2]The Prairie Sentinel"): links are menus and site names, not the headline
NUMBERED_LINK_RE = re.compile(r"#?\[\d+\]\S")  # (lynx prints a page's <link> elements first: "#[1]Site [2]Feed")
FORM_FIELD_RE = re.compile(r"\[[ _]{1,60}\]")  # a form's text field as lynx and w3m print it ("Search: [ ] [Go]")
# the link markers a `lynx -dump` puts before each link's text ("talks in [12]Geneva"), which the body text
# leaves out; a footnote mark after a word ("reported[3]") stays
LINK_MARKER_RE = re.compile(r"(?:(?<=\s)|^)\[\d+\](?=\w)")
# accessibility and in-page links at the top of a page ("Skip to site index", "Jump to comments", "Skip
# navigation"; "[1]Skip to main content" in a `lynx -dump`; the same in the languages of OTHER_FURNITURE_WORDS and
# Japanese, Korean, Arabic), which read like a short heading
SKIP_LINK_RE = re.compile(
    r"^\W*(?:\[\d+\])?(?:(?:skip|jump) to\b|skip (?:links|navigation|nav)\b|(?:(?:direkt )?zum (?:haupt)?inhalt"
    r"|(?:aller|passer) (?:au|à) (?:contenu|menu)|(?:saltar|ir) al contenido|(?:pular|ir) para o conteúdo"
    r"|(?:vai|salta) al contenuto|przejdź do (?:treści|menu)|перейти (?:к|до) (?:основн\w+ )?(?:содержани\w+|контенту"
    r"|вмісту|змісту)|(?:انتقل|تخط|تخطى) إلى المحتوى|跳(?:到|转到|至)(?:主要)?(?:内容|正文)"
    r"|(?:メインコンテンツ|本文)へ(?:スキップ|移動)|본문 ?바로가기|मुख्य सामग्री पर जाएं|رفتن به محتوای اصلی"
    # Dutch, Swedish, Danish, Norwegian, Romanian, Hungarian, Greek, Bulgarian, Estonian, Latvian, Vietnamese, Indonesian
    r"|ga (?:direct )?naar (?:de )?(?:hoofd)?inhoud|hoppa till (?:huvud)?innehåll(?:et)?|spring til (?:hoved)?indhold(?:et)?"
    r"|hopp til (?:hoved)?innhold(?:et)?|sari la conținut(?:ul principal)?|ugrás a (?:fő)?tartalomhoz"
    r"|μετάβαση στο (?:κύριο )?περιεχόμενο|(?:премини|към) (?:към )?(?:основното )?съдържанието|mine (?:põhi)?sisu juurde"
    r"|pāriet uz (?:galveno )?saturu|chuyển đến nội dung(?: chính)?|langsung ke (?:konten|isi)(?: utama)?)\W*(?:\w+\W*)?$)",
    re.IGNORECASE)


# a label and a long number ("کد خبر: ۱۸۴۲۷۶۵", "Story ID: 52144"): a page's record, no headline; or a ticker's figure
# ("Курс доллара: 59,38 ₽", "Brent: $84.20", "Погода в Москве: +21", "Inflation: 3.2%")
LABELLED_NUMBER_RE = re.compile(r":\s*(?:\d{5,}|[+−-]?\d{1,6}(?:[.,]\d{1,4})?\s*(?:[₽€$£¥₴₸%]|°[CF]?|руб\.?|грн\.?|тг\.?)"
                                r"|[$€£]\s*\d{1,6}(?:[.,]\d{1,4})?|[+−-]\d{1,3}°?)\s*$")
# a search box's label ("Search All NYTimes.com", "Search This Site Go", "Search with your voice", "search:"), not "Search
# for survivors resumes"
SEARCH_BOX_RE = re.compile(r"^\W*search(?:\s*:|\s+(?:all|this|the site|the web|our|with|within|across|site|news|query)\b)",
                           re.IGNORECASE)


SKIP_LINK_WITHIN = 30  # a skip link stands at the page's top, and is boilerplate (`apply_rules`)


def is_skip_link(line: str) -> bool:
    """SKIP_LINK_RE on a line as it is or, for one read through `cues.reading_view`, with its pseudo-words rejoined."""
    return SKIP_LINK_RE.match(line) is not None or (
        not line.isascii() and " " in line and CJK_RUN_RE.search(line) is not None
        and SKIP_LINK_RE.match(line.replace(" ", "")) is not None)


def decode(data: str | bytes) -> str:
    """Text of a dump, without a byte-order mark at its start (Notepad's and Google Docs' UTF-8 files open with one);
    bytes are decoded as UTF-8 line by line, falling back to cp1252 then latin-1."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    parts = []
    for chunk in re.split(rb"(\r\n|\r|\n)", data):
        for encoding in ("utf-8", "cp1252", "latin-1"):
            try:
                parts.append(chunk.decode(encoding))
                break
            except UnicodeDecodeError:
                continue
    return "".join(parts)


# the characters str.split() takes for whitespace, but for " " and "\n"
ODD_WHITESPACE = tuple("\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                       "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


def _already_collapsed(text: str) -> bool:
    """No line of the text changes when whitespace-collapsed (as `textnorm.repair_text` leaves text)."""
    # one `in` per character: each is a fast scan (a regex character class is slower)
    return not ("  " in text or " \n" in text or "\n " in text or text[:1] == " " or text[-1:] == " "
                or any(map(text.__contains__, ODD_WHITESPACE)))


def split_lines(text: str) -> list[tuple[int, str]]:
    """(1-based line number, whitespace-collapsed text) of every non-blank line; CRLF, CR and LF
    each end a line (CRLF is one break, as in LINE_BREAK_RE)."""
    if "\r" in text:  # str.replace is several times faster than splitting on LINE_BREAK_RE
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _already_collapsed(text):  # one scan of the text instead of a split and join per line
        return [(number, line) for number, line in enumerate(text.split("\n"), start=1) if line]
    collapsed = [" ".join(raw.split()) for raw in text.split("\n")]
    return [(number, line) for number, line in enumerate(collapsed, start=1) if line]


# Markdown dumps (what many current scrapers and "reader" services return): links, images, headings and bold
# marks are markup, not text. A document with MARKDOWN_MIN_LINKS or more "[text](url)" links is read as Markdown,
# each line reduced to its text; a line with nothing else (an image, a rule "---") is left out, like a blank line.
MARKDOWN_MIN_LINKS = 3
MD_IMAGE_RE = re.compile(r"!\[[^\]]*\]\((?:[^()]|\([^()]*\))*\)")  # ![alt](src), alt text and all: not the page's text
MD_LINK_RE = re.compile(r"\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)")  # [text](url "title") -> text
MD_HEADING_RE = re.compile(r"^#{1,6}\s+|\s+#+$")
MD_STRONG_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")  # **bold**, __bold__; single * and _ are left alone
MD_QUOTE_RE = re.compile(r"^(?:>\s?)+")
MD_EMPHASIS_LINE_RE = re.compile(r"^_(\S(?:.*\S)?)_$")  # a whole line in italics, as html2text prints <em>: "_Note: ..._"
# a rule ("---", "* * *") or a table's separator row ("|---|:---:|")
MD_RULE_RE = re.compile(r"^(?:[-*_]\s?){3,}$|^\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?)?\s*$")
# a heading between rows of stars, as the html2text of Debian's and other distributions prints <h1>-<h3> ("****** Nach
# Anchorage ******"), in a dump with STARRED_HEADINGS_MIN+ of them (a commenter's "***** Spoiler Alert *****" stays);
# not Markdown, whose "**bold**" holds no space inside its marks
STARRED_HEADING_RE = re.compile(r"^\*{3,} (\S.*?) \*{3,}$")
STARRED_HEADINGS_MIN = 2
MD_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")


def _links_rejoined(numbered: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A hard-wrapped Markdown dump's lines (Python's html2text cuts at 78 columns) with each link that a line break
    cut in two ("[Ruth" / "Halvorsen](https://...)says:", "[March 2, 2026](https://.../hotline-" / "gambell/#c-1193)")
    joined again, a cut text with a space, a cut address without; numbered by the link's last line (the next line
    follows it, for `unwrap_lines`)."""
    joined: list[tuple[int, str]] = []
    for position, (number, line) in enumerate(numbered):
        if joined:
            above = joined[-1][1]
            closes, reopens = line.find("]("), line.find("[")
            if above.rfind("[") > above.rfind("]") and ((closes >= 0 and (reopens < 0 or closes < reopens))
                                                         or _link_closes_below(numbered, position)):
                joined[-1] = (number, above + " " + line)  # a link's text cut (over up to LINK_TEXT_MAX_LINES lines)
                continue
            target = above.rfind("](")
            if target >= 0 and ")" not in above[target:] and " " not in line.split(")", 1)[0] and ")" in line:
                joined[-1] = (number, above + line)  # its address cut
                continue
        joined.append((number, line))
    return joined


LINK_TEXT_MAX_LINES = 3


def _link_closes_below(numbered: list[tuple[int, str]], position: int) -> bool:
    """Whether the line at `position`, with no bracket, is the middle of a link's text that a line below closes ("](")
    within LINK_TEXT_MAX_LINES lines, no other bracket between."""
    if "[" in numbered[position][1] or "]" in numbered[position][1]:
        return False
    for _, line in numbered[position + 1:position + LINK_TEXT_MAX_LINES - 1]:
        closes = line.find("](")
        if closes >= 0:
            return "[" not in line[:closes]
        if "[" in line or "]" in line:
            return False
    return False


def markdown_to_text(line: str) -> str:
    """The text of one Markdown line: link texts without their URLs, no images, heading marks, bold marks, the
    underscores of a line in italics, quote marks or backslash escapes ("# **Title**" -> "Title"; a rule or an image
    alone -> "")."""
    if MD_RULE_RE.match(line):
        return ""
    line = MD_LINK_RE.sub(r"\1", MD_IMAGE_RE.sub("", line))
    line = MD_STRONG_RE.sub(r"\2", MD_QUOTE_RE.sub("", MD_HEADING_RE.sub("", line)))
    line = MD_EMPHASIS_LINE_RE.sub(r"\1", line)
    return " ".join(MD_ESCAPE_RE.sub(r"\1", line.replace("`", "")).split())


def dump_lines(text: str | bytes) -> list[tuple[int, str]]:
    """The (line number, text) pairs that the segmenter reads from a text dump: decoded, split into
    non-blank lines, Markdown reduced to text (when the dump has MARKDOWN_MIN_LINKS+ links), hard-wrapped
    paragraphs joined (`unwrap_lines`), a page printed on one line cut into sentences (`split_run_on_page`)."""
    text = decode(text)
    numbered = split_lines(text)
    if "*** " in text and sum(STARRED_HEADING_RE.match(line) is not None for _, line in numbered) >= STARRED_HEADINGS_MIN:
        numbered = [(number, STARRED_HEADING_RE.sub(r"\1", line)) for number, line in numbered]
    if text.count("](") >= MARKDOWN_MIN_LINKS:
        numbered = [(number, plain) for number, line in _links_rejoined(numbered) for plain in [markdown_to_text(line)]
                    if plain]
    return split_run_on_page(unwrap_lines(numbered))


# A whole page on one line (a scraper or a CSV export that dropped every line break: menu, article, comments and footer
# run together) reads to the network as one long line of furniture, and the article was lost. Such a line, with page
# furniture in it, is cut into its sentences (all keeping its line number), which the network reads about as it reads a
# page whose text was split into sentences. One long line of article text alone is left as it is.
RUN_ON_MIN_CHARS = 2000
RUN_ON_FURNITURE_RE = re.compile(r"\b(?:Reply|Share|Subscribe|Sign in|Log in|Comments?|Copyright|All rights reserved)\b|©")
SENTENCE_CUT_RE = re.compile(r"(?<=[.!?])\s+(?=[\"“(]?[A-ZА-ЯЁ0-9])")


def split_run_on_page(numbered: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """`numbered` with a page printed on one line (RUN_ON_MIN_CHARS+ characters, furniture words in it) cut into its
    sentences; other documents as they are."""
    if len(numbered) != 1 or len(numbered[0][1]) < RUN_ON_MIN_CHARS \
            or len(RUN_ON_FURNITURE_RE.findall(numbered[0][1])) < 2:
        return numbered
    number, line = numbered[0]
    return [(number, sentence) for sentence in SENTENCE_CUT_RE.split(line) if sentence]


# Hard-wrapped dumps (`lynx -dump`, `w3m -dump`, html2text's 78 columns, e-mails) cut every paragraph into
# lines of at most a fixed width; read line by line, a paragraph's first line looks like a headline and its
# last like a caption. Such a document has no long lines, and several lines that end near the width
# mid-sentence, the next line going on in lower case.
WRAP_MAX_WIDTH = 120
WRAP_MAX_LONGER = 1  # lines with spaces longer than WRAP_MAX_WIDTH allowed in a wrapped document
WRAP_MIN_CUTS = 4  # mid-sentence cuts needed to call a document hard-wrapped...
WRAP_MIN_CUT_SHARE = 0.25  # ...and the share of its lines of WRAP_MIN_LENGTH+ characters they make
WRAP_MIN_LENGTH = 40
WRAP_SLACK = 3  # indentation, collapsed away, shifts a line's length by a few characters
HEADING_MAX_WORDS = 4  # a heading in a wrapped document, at most (`_heading_over`)
PROSE_ENDS_OR_CLAUSE = (".", "!", "?", ",", ";", ":", '"', "”", "’", ")")
WRAP_BAND = 12  # the lines of a wrapped paragraph end within this many characters of the width (`_densest_width`)...
WRAP_BAND_SHARE = 0.6  # ...and most of its lines of WRAP_MIN_LENGTH+ characters do
# a PDF printed in a proportional font: 8+ lines cut mid-sentence, nine in ten within 10% of their median length (four
# printed pages: 0.94-0.98 and 1.02-1.04 of it; Dragnet's pages whose lines a link breaks: 0.69-0.92 and 1.11-2.97)
PROPORTIONAL_MIN_CUTS = 8
PROPORTIONAL_BAND = 0.1
PAGE_MARK_RE = re.compile(r"^(?:\d+|\d{1,3} of \d{1,3}|https?://\S+)$")  # a page's number or a print footer's address
LIST_ITEM_RE = re.compile(r"^(?:[*•·\-–—>+▪◦]|\d{1,3}[.)]|\[\d+\])\s")
SENTENCE_ENDS = (".", "!", "?", ":", '"', "”", "’", ")")
CONTINUING_WORDS = frozenset("a an the of for to in on and or with from by at between after against about into over "
                             "under than that".split())


def wrap_width(numbered: list[tuple[int, str]]) -> int | None:
    """The width a hard-wrapped document's lines were cut at, or None when it is not hard-wrapped: it has longer lines
    with spaces, or too few lines cut mid-sentence (the next line's first word would not have fitted, and it starts
    in lower case). The width is its longest line with a space, of at most WRAP_MAX_WIDTH characters, or else where
    most of its lines end (`_densest_width`: a PDF's text holds footnotes and cover lines longer than its wrapped
    paragraphs)."""
    # unbreakable URLs may run past the width, also in a numbered list of links ("12. https://...", lynx's References)
    spaced = [len(text) for _, text in numbered if " " in text and "://" not in text]
    if sum(length > WRAP_MAX_WIDTH for length in spaced) > WRAP_MAX_LONGER:
        return None  # paragraphs on one line each (most dumps): an early exit
    longest = max((length for length in spaced if length <= WRAP_MAX_WIDTH), default=0)
    longer_lines = sum(length >= WRAP_MIN_LENGTH for length in spaced)
    # (when both pass, the narrower: a text browser prints flush-left headings wider than the paragraphs whose indent
    # the line splitting collapsed away, so the longest line can overstate the paragraphs' width)
    passing = [width for width in dict.fromkeys((longest, _densest_width(spaced)))
               if width is not None and _cuts(numbered, width) >= max(WRAP_MIN_CUTS, WRAP_MIN_CUT_SHARE * longer_lines)]
    return min(passing) if passing else _proportional_width(numbered, longer_lines)


def _cuts(numbered: list[tuple[int, str]], width: int) -> int:
    """How many lines of the document were cut mid-sentence at the width: the next line goes on in lower case, and its
    first word would not have fitted."""
    return sum(1 for (number, text), (next_number, next_text) in zip(numbered, numbered[1:])
               if next_number == number + 1 and next_text[:1].islower() and _cut_before(text, next_text, width))


def _proportional_width(numbered: list[tuple[int, str]], longer_lines: int) -> int | None:
    """The width of a page printed to PDF in a proportional font (a browser's print, then pdftotext), whose wrapped
    lines hold more or fewer characters as their letters are narrower or wider: the shortest of the lines cut
    mid-sentence (the next line goes on in lower case), when PROPORTIONAL_MIN_CUTS+ such lines, a WRAP_MIN_CUT_SHARE
    of the longer lines, all but a tenth of them within PROPORTIONAL_BAND of their median length (the lines a web
    page's text breaks at a link or an inline tag vary far more); None otherwise."""
    cut = sorted(len(text) for (number, text), (next_number, next_text) in zip(numbered, numbered[1:])
                 if next_number == number + 1 and next_text[:1].islower() and len(text) >= WRAP_MIN_LENGTH
                 and " " in text and not text.endswith(SENTENCE_ENDS))
    if len(cut) < PROPORTIONAL_MIN_CUTS or len(cut) < WRAP_MIN_CUT_SHARE * longer_lines:
        return None
    low, median, high = cut[len(cut) // 10], cut[len(cut) // 2], cut[len(cut) * 9 // 10]
    if low < (1 - PROPORTIONAL_BAND) * median or high > (1 + PROPORTIONAL_BAND) * median:
        return None
    return low


def _densest_width(lengths: list[int]) -> int | None:
    """Where a wrapped text's lines end: the longest line in the band of WRAP_BAND characters that holds the most
    lines of WRAP_MIN_LENGTH to WRAP_MAX_WIDTH characters, when it holds most of them (WRAP_BAND_SHARE); else None."""
    long = [length for length in lengths if WRAP_MIN_LENGTH <= length <= WRAP_MAX_WIDTH]
    if not long:
        return None
    counts = np.bincount(long, minlength=WRAP_MAX_WIDTH + 1)
    window = np.convolve(counts, np.ones(WRAP_BAND, dtype=np.int64))[:WRAP_MAX_WIDTH + 1]
    end = int(WRAP_MAX_WIDTH - np.argmax(window[::-1]))  # the band (end - WRAP_BAND, end]; the last such on a tie
    in_band = [length for length in long if end - WRAP_BAND < length <= end]
    return max(in_band) if len(in_band) >= WRAP_BAND_SHARE * len(long) else None


def _cut_before(line: str, next_line: str, width: int) -> bool:
    """Whether the next line's first word would not have fitted on the line (so the line was cut)."""
    return len(line) + 1 + len(next_line.split(" ", 1)[0]) > width - WRAP_SLACK


def unwrap_lines(numbered: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The (line number, text) pairs of a hard-wrapped document joined back into paragraphs (each
    numbered by its first line); other documents as they are. A line continues the one above when
    no blank line lies between them, its first word would not have fitted on the line above or that line
    ends with an article, preposition or conjunction (CONTINUING_WORDS: so that line was cut, not ended), it
    is no list item, and it does not open a sentence under a line that ends one. A word hyphenated across the cut
    is joined without its hyphen."""
    width = wrap_width(numbered)
    if width is None:
        return numbered
    joined: list[tuple[int, str]] = []
    for index, (number, text) in enumerate(numbered):
        above_number, above = numbered[index - 1] if index else (None, "")
        # a line that starts a sentence under one that ends one may be a line of its own ("Reply", a name)
        # (a footnote's mark may follow the full stop: "... replace it.1"; a footnote opens with its number)
        # (a text browser's link number before the first word counts for nothing: "[36]Reply [37]▲ 2")
        opening = text[text.index("]") + 1:] if text[:1] == "[" and LINK_MARKER_RE.match(text) else text
        sentence_break = above.rstrip("0123456789").endswith(SENTENCE_ENDS) and (
            opening[:1].isupper() or FOOTNOTE_RE.match(text) is not None)
        # a line that ends with a word no sentence or heading ends with ("Three Options for") was cut, however short
        continuing = above.rsplit(" ", 1)[-1].casefold() in CONTINUING_WORDS
        cut = continuing or _cut_before(above, text, width)
        if joined and above_number == number - 1 and cut and not sentence_break and not LIST_ITEM_RE.match(text) \
                and not PAGE_MARK_RE.match(text) and not PAGE_MARK_RE.match(above) \
                and (continuing or not _heading_over(numbered, index)):
            start, paragraph = joined[-1]
            # a word hyphenated at the line's end ("sanc-" / "tions") is one word again
            hyphenated = paragraph.endswith("-") and paragraph[-2:-1].isalpha() and text[:1].islower()
            joined[-1] = (start, paragraph[:-1] + text if hyphenated else paragraph + " " + text)
        else:
            joined.append((number, text))
    return joined


def _heading_over(numbered: list[tuple[int, str]], index: int) -> bool:
    """Whether the line at `index` of a hard-wrapped document is a short heading ("Key findings") over a list item or
    a line that opens in capitals, rather than a paragraph's last words: at most HEADING_MAX_WORDS words, in
    capitals, with no closing punctuation."""
    text = numbered[index][1]
    if not text[:1].isupper() or text.endswith(PROSE_ENDS_OR_CLAUSE) or len(text.split()) > HEADING_MAX_WORDS \
            or index + 1 >= len(numbered):
        return False
    below = numbered[index + 1][1]
    return LIST_ITEM_RE.match(below) is not None or below.startswith(BULLET_START) or below[:1].isupper()


def _normalise(text: str) -> list[str]:
    return [word.casefold() for word in WORD_RE.findall(text)]


def opens_lower(text: str) -> bool:
    """The text opens with a lower-case letter of a script with case: Georgian's Mkhedruli letters count as lower case in
    Unicode, but the script has no capitals (a headline opens with them)."""
    first = text[:1]
    return first.islower() and not "\u10d0" <= first <= "\u10ff"


@line_cache
def _heading_like(line: str, min_words: int) -> bool:
    words = WORD_RE.findall(line)
    if not min_words <= len(words) <= 30 or len(line) > 250:
        return False
    if (line.endswith(".") and not line.endswith("...")) or "://" in line or "www." in line:  # no headline holds a URL
        return False
    if line[-1:] == "]" and (line[:1] == "[" or ("[" in line and is_date_text(line[line.rindex("[") + 1:-1]))):
        return False  # an image's alt text or a link as a text browser prints them ("[Logo]"); "NAME, [14.02.2026 10:03]"
    # a date line ("May 3, 2019", "Published November 18, 2026 4:55pm EST") is no headline
    if line.startswith(BULLET_START) or BYLINE_RE.match(line) or is_skip_link(line) or is_date_text(line) \
            or NUMBERED_LINK_RE.match(line) or SEARCH_BOX_RE.match(line) or ("[" in line and FORM_FIELD_RE.search(line)) \
            or (":" in line and LABELLED_NUMBER_RE.search(line)) or (line[:2].isupper() and _masthead_with_date(line)) \
            or _mostly_figures(line):  # a ticker ("USD ЦБ 65,83 ▲ 0,91 EUR ЦБ 76,42 ▲ 0,73 Brent 72,14 ▼ 1,2%")
        return False
    # a capital, or a letter of a script without case (Chinese, Arabic): `not islower` is true of both
    return any(word[:1].isalpha() and not opens_lower(word) for word in words) and not _menu_like(line) \
        and not _is_furniture(line)


def _masthead_with_date(line: str) -> bool:
    """A site's name in capitals with the day's date, as a layout table prints them on one line ("THE ATLANTIC LEDGER
    Monday, July 21, 2014")."""
    words = line.split()
    name_words = next((position for position, word in enumerate(words) if not word.isupper()), len(words))
    date = " ".join(words[name_words:])
    return 2 <= name_words < len(words) and YEAR_RE.search(date) is not None and is_date_text(date)


def _menu_like(line: str) -> bool:
    """A menu printed on one line: four or more items of at most two words between separators
    ("Home | World | Nation | Opinion"); a page title "Headline | Section | Site" has a longer first part.
    Or a breadcrumb trail, parts of at most four words (but the last) between " > " or " › " ("Opinion > Letters
    to the Editor", "You are here: Home > Headline"); or a menu whose separators were spaces ("Politics World
    Ideas Books Culture"): four or more words, most of them section names (SECTION_WORDS)."""
    if " > " in line or " › " in line or " ‹ " in line:  # (the last crumb may be the page's own long title)
        crumbs = BREADCRUMB_SEPARATOR_RE.split(line)
        # two crumbs may be a page title "Site › Headline": a trail starts with a section's one word or "You are here",
        # or ends with a section's name ("Thế giới › Phân tích")
        if all(len(crumb.split()) <= 4 for crumb in crumbs[:-1]) and (
                len(crumbs) >= 3 or len(crumbs[0].split()) == 1 or crumbs[0].casefold().startswith("you are here")
                or len(crumbs[-1].split()) <= 2):
            return True
    if " / " in line:  # a trail of three or more short crumbs between slashes ("Главная / В мире / Россия и США")
        crumbs = line.split(" / ")
        if len(crumbs) >= 3 and all(len(crumb.split()) <= 4 for crumb in crumbs):
            return True
    if " » " in line:  # a trail of sections ("Home » World » America"), not a page title "Blog » Archive » Headline"
        crumbs = line.split(" » ")
        if len(crumbs) >= 3 and all(len(crumb.split()) <= 2 for crumb in crumbs[:-1]) and (
                len(crumbs[-1].split()) == 1 or crumbs[0].strip().casefold() in HOME_CRUMBS):
            return True  # (a trail from the home page may end in the page's own headline: "Accueil » Défense » HEADLINE")
    parts = _title_parts(line)
    if len(parts) >= 4 and all(len(part.split()) <= 2 for part in parts):
        return True
    # a row of links between bars ("Logi sisse | Telli uudiskiri | Tellimused"), a date line with more after a bar
    # ("Sestdiena, 5. decembris, 2026 | Vārda dienas: ...", "EUR/USD 1.0875 | Gold 2 418 €", "Курс НБУ: USD 26,93 | EUR
    # 30,41"), a section and a date ("Posted in World | November 4, 2012")
    bars = line.split(" | ")
    if (len(bars) >= 3 and all(len(bar.split()) <= 2 for bar in bars)) \
            or (len(bars) >= 2 and all(len(bar.split()) <= 4 for bar in bars)  # "Subscribe | Place an Ad | e-Edition | ..."
                and _site_links_row([bar.casefold().startswith(SITE_LINK_STARTS) for bar in bars])) or (
            len(bars) >= 2 and (any(map(is_date_text, bars)) or _mostly_figures(bars[0]) or all(map(_mostly_figures, bars[1:]))
                                or (len(bars[0].split()) <= 4 and YEAR_RE.search(bars[0]) is not None))):
        return True
    words = line.split()
    return len(words) >= 4 and sum(word.casefold() in SECTION_WORDS for word in words) >= SECTION_MENU_SHARE * len(words)


def _site_links_row(site_links: list[bool]) -> bool:
    """Whether a row of short parts between bars, which of them open as the site's own links, is a row of such links:
    all of them ("Previous Entry | Next Entry", "Log In | Sign Up"), or from four parts on at least two and half of
    them ("Subscribe | e-Edition | Place an Ad | Contact Us"; "Help Students Help Themselves | The Edublogger" is a
    page title)."""
    return all(site_links) if len(site_links) <= 3 else sum(site_links) >= 2 and 2 * sum(site_links) >= len(site_links)


def _mostly_figures(text: str) -> bool:
    """A quote or ticker ("EUR/USD 1.0875"): at least half as many digits as letters."""
    digits = sum(map(str.isdigit, text))
    return digits >= 3 and 2 * digits >= sum(map(str.isalpha, text))


def find_title(lines: list[str], labels: list[str], title_hint: str | None = None) -> int | None:
    """Index of the title line, or None."""
    if title_hint:
        hint = _normalise(title_hint)
        if hint:
            for index, line in enumerate(lines):
                words = _normalise(line)
                if words == hint:
                    return index
            # a one-word hint (a site's name, "Home") is held by too many lines to be found in part
            for index, line in enumerate(lines[: TITLE_WINDOW * 2] if len(hint) >= 2 else []):
                words = _normalise(line)
                if words and len(words) <= 2 * len(hint) and (
                    " ".join(hint) in " ".join(words) or (len(words) >= 3 and " ".join(words) in " ".join(hint))
                ):
                    return index
        return None
    quoted = _title_quoted_over_comments(lines)
    if quoted is not None:
        return quoted
    return pick_title(lines, labels)


def rule_title(lines: list[str], labels: list[str]) -> int | None:
    """The hand-written title rules that the learned scorer (`titles.py`) replaced in stop 33: index of the title line,
    or None. Kept as the baseline of `benchmarks/titles.py`; the segmenter no longer calls it."""
    # the title sits above the first real paragraph; short lines labelled body before it (bylines,
    # stray menu words) do not end the search. The model's label does not decide: it often calls
    # the headline furniture (a <title> copy "Headline | Site") and a dateline body.
    first_paragraph = first_paragraph_of(lines, labels)
    start = archive_banner_length(lines)  # a web archive's toolbar is not the page
    stop = min(first_paragraph + 1, start + TITLE_WINDOW, len(lines))
    for min_words in (4, 2):
        for index in range(start, stop):
            line = lines[index]
            if labels[index] == "comment" or not _heading_like(line, min_words) \
                    or (line.isupper() and _heads_a_menu(lines, index)) \
                    or _amid_menu(lines, index):  # a site's name in capitals over its menu; a menu's item
                continue
            for later in range(index + 1, min(index + BARE_HEADLINE_WINDOW, len(lines))):
                other = lines[later]
                # "Headline | Site" then "Headline"; "Site | Headline" then "Headline" only close by (further down, a
                # line that ends the page title is more often the site's name: "Paulo Coelho's Blog")
                if other != line and len(other) >= 0.4 * len(line) and (
                        line.startswith(other) or (later <= index + SITE_FIRST_WINDOW and line.endswith(other))) \
                        and _heading_like(other, 2):
                    return later
            bare = _bare_headline_below(lines, index, first_paragraph)
            if bare is not None:
                return bare
            if min_words == 2:
                return index
            # (the "paragraph" must read as one: a headline the model called body may stand under a date line)
            if index == first_paragraph and index >= start + 2 and line.endswith(PARAGRAPH_ENDS) \
                    and _opens_byline_block(lines, index - 1) and _heading_like(lines[index - 2], 2):
                return index - 2  # a short headline over its byline ("Posted on July 23, 2012 by ...") over the text
            picked = _headline_below_tagline(lines, labels, index, stop, first_paragraph)
            if picked == index and index > start and _short_headline(lines[index - 1], labels[index - 1]):
                return index - 1
            return picked
        if min_words == 4 and first_paragraph >= stop:
            # a long menu can push the headline past the window: a line between the window and the first paragraph
            # is taken when it reads as the headline (most of its words are the article's), before a short line; so is
            # the "first paragraph" itself when it reads as a headline (a long one, labelled body), right past the window
            opening = None
            for index in range(stop, min(first_paragraph + 1, start + 2 * TITLE_WINDOW, len(lines))):
                line = lines[index]
                if not 4 <= line.count(" ") + 1 <= HEADLINE_MAX_WORDS or labels[index] == "comment" \
                        or not _reads_as_far_headline(line):
                    continue  # (the cheap tests first: most pages have no such line)
                opening = _opening(lines, labels, first_paragraph) if opening is None else opening
                if _far_headline_overlap(line, opening) and _heading_like(line, 4):
                    return index
    return None


# a blog's header over its comments, quoting the post's title: "5 Responses to “What Washington can do”", "12 thoughts on
# "..."", "3 comments on ..."
TITLE_QUOTED_GATE_RE = re.compile(r"\n\d{1,5} (?:[Rr]espons|[Tt]hought|[Cc]omment|[Rr]epl|[Rr]eaction)")  # (a cheap test)
TITLE_QUOTED_RE = re.compile(r"^\d{1,5}\s+(?:responses?|thoughts?|comments?|replies|reactions?)\s+(?:to|on)\s+[“\"‘']"
                             r"(?P<title>[^“”\"]{8,200})[”\"’']\s*$", re.IGNORECASE)


def _title_quoted_over_comments(lines: list[str]) -> int | None:
    """The line above a blog's comment header that is the title the header quotes (`TITLE_QUOTED_RE`), or None: the
    header names the post's title, however few words of it the article repeats."""
    if TITLE_QUOTED_GATE_RE.search("\n" + "\n".join(lines)) is None:
        return None
    for index, line in enumerate(lines):
        if line[:1].isdigit() and (match := TITLE_QUOTED_RE.match(line)) is not None:
            title = match.group("title").strip().casefold()
            return next((above for above in range(index) if lines[above].casefold() == title), None)
    return None


PRINT_HEADER_WITHIN = 3  # a browser's print header (cues.PRINT_HEADER_RE) opens the page
TITLE_LABEL_RE = re.compile(r"^\W*title:\s*", re.IGNORECASE)  # a reader API's header line ("Title: Headline | Site")


def _bare_headline_below(lines: list[str], index: int, first_paragraph: int) -> int | None:
    """For a page title "Headline | Site" (a <title> copy at the top of a dump), the line further down that is the
    headline alone, before the first paragraph (script and menu lines may push it past BARE_HEADLINE_WINDOW)."""
    parts = _title_parts(TITLE_LABEL_RE.sub("", lines[index], count=1))
    if len(parts) < 2 or len(parts[0].split()) < 3:
        return None
    head = parts[0].strip().casefold()
    for later in range(index + BARE_HEADLINE_WINDOW, min(first_paragraph + 1, index + 4 * TITLE_WINDOW, len(lines))):
        if len(lines[later]) == len(head) and lines[later].casefold() == head:
            return later
    return None


def _short_headline(line: str, label: str) -> bool:
    """A creative headline of two or three words ("The Long Freeze") that the model took for body, right above
    the longer line that the title search found first (its standfirst)."""
    return label == "body" and len(WORD_RE.findall(line)) <= 3 and _heading_like(line, 2) and _reads_as_headline(line)


def _heads_a_menu(lines: list[str], index: int) -> bool:
    """Whether the MENU_RUN lines under lines[index] are menu items (at most two words, or a skip link)."""
    below = lines[index + 1: index + 1 + MENU_RUN]
    return len(below) == MENU_RUN and all(map(_menu_run_item, below))


@line_cache
def _menu_run_item(line: str) -> bool:
    """An item of the menu under a site's name (`_heads_a_menu`): at most two words or a skip link, no digit."""
    return (len(WORD_RE.findall(line)) <= 2 or is_skip_link(line)) and not any(map(str.isdigit, line))


@line_cache
def _content_words(line: str) -> frozenset[str]:
    return frozenset(word for word in map(str.casefold, WORD_RE.findall(line)) if len(word) >= 3
                     and word not in STOPWORDS and not word.isdigit())


def _occurs_as_word(word: str, text: str) -> bool:
    """Whether `word` occurs in `text` with no letter, digit or "_" right before or after it (a
    substring search: far cheaper than finding every word of the text)."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        before, after = text[start - 1: start], text[end: end + 1]
        if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            return True
        start = text.find(word, start + 1)
    return False


def _opening(lines: list[str], labels: list[str], first_paragraph: int) -> str:
    """The article's opening (its body lines from the first paragraph on), casefolded, that a headline is compared with."""
    end = min(first_paragraph + TITLE_BODY_LINES, len(lines))
    opening = "\n".join(itertools.compress(lines[first_paragraph:end], (label == "body" for label in labels[first_paragraph:end])))
    return opening[:TITLE_BODY_CHARS].casefold()


def _far_headline_overlap(line: str, opening: str) -> bool:
    """Whether a line past the title window shares enough words with the article's opening to be its headline: most
    of them, or half of four or more ("Send to a Friend" shares "friend" with many articles)."""
    overlap = _overlap(line, opening)
    return overlap >= HEADLINE_MIN_OVERLAP or (overlap >= FAR_HEADLINE_MIN_OVERLAP and len(_content_words(line)) >= 4)


def _overlap(line: str, opening: str) -> float:
    """The share of the line's content words that occur in the opening; for Chinese and Japanese (read through
    `cues.reading_view`, whose pseudo-words fall differently in a headline and a paragraph), the share of the
    character pairs of its ideograph and kana runs."""
    if CJK_RUN_RE.search(line) is not None:
        pairs = {run[start:start + 2] for run in CJK_RUN_RE.findall(line.replace(" ", ""))
                 for start in range(len(run) - 1)}
        if pairs:
            joined = opening.replace(" ", "")
            return sum(pair in joined for pair in pairs) / len(pairs)
    words = _content_words(line)
    return sum(_occurs_as_word(word, opening) for word in words) / len(words) if words else 0.0


def _headline_below_tagline(lines: list[str], labels: list[str], first: int, stop: int, first_paragraph: int) -> int:
    """`first`, or a heading-like line below it when `first` reads as the site's name or tagline
    ("Independent news from Russia", "Academic rigour, journalistic flair") rather than the headline:
    few of its words occur in the article's opening, while most of the later line's do or a byline or
    date line stands right under it (or under the standfirst, a longer line, right under it); or it stands between a
    date line with a year and the first paragraph (a blog's day over its post's title: "Thursday, September 17, 2009").
    A line over the site's
    menu (`_heads_a_menu`: "President of the Republic", "Official website", "News", ...) is such a name whatever
    words it shares, and then neither a line amid other heading-like lines (a list of stories) nor a tag list is
    taken. A standfirst right under a creative headline shares more words with the article than the headline does,
    so the line right under `first` is never taken; nor is a line with a date (datelines, "World | March 2, 2021")."""
    opening = _opening(lines, labels, first_paragraph)

    def overlap(index: int) -> float:
        return _overlap(lines[index], opening)

    masthead = _heads_a_menu(lines, first)  # the site's name over its menu, whatever words it shares
    # a page title "Headline | Site" holds the headline, however few words it shares; but one over a menu that shares
    # few is the site's logo link ("The Meridian - Back to home")
    separated = _title_separated(lines[first])
    if not opening or (separated and not masthead) or (
            (separated or not masthead) and overlap(first) > TAGLINE_MAX_OVERLAP):
        return first
    for index in range(first + 2, stop):  # a line right under the first is its standfirst, not a headline
        line = lines[index]
        if labels[index] != "comment" and _heading_like(line, 4) and len(line.split()) <= HEADLINE_MAX_WORDS \
                and not line.endswith((",", ":", ";")) and not DATE_RE.search(line) \
                and not (masthead and (_among_headings(lines, index) or _tag_list(line))) \
                and (overlap(index) >= HEADLINE_MIN_OVERLAP or (
                    overlap(index) >= BYLINE_HEADLINE_MIN_OVERLAP and _reads_as_headline(line)
                    and (_opens_byline_block(lines, index + 1)  # or a standfirst, then the byline
                         or (labels[index + 1] == "body" and len(lines[index + 1]) > len(line)
                             and _opens_byline_block(lines, index + 2))))
                    # or, whatever words it shares, between a date line with a year and the first paragraph, as blogs
                    # print a post's day over its title (a live blog's "15:42" over an entry's heading is no such line)
                    or (index + 1 == first_paragraph and index - 1 > first and _reads_as_headline(line)
                        and len(lines[index - 1]) <= 80 and YEAR_RE.search(lines[index - 1]) is not None
                        and is_date_text(lines[index - 1]))):
            return index
    return first


def _amid_menu(lines: list[str], index: int) -> bool:
    """A menu's item ("Letters to the Editor" between "Guest Essays" and "Editorials"), or a site's name between a skip
    link and its menu: a line of at most MENU_ITEM_MAX_WORDS words without a headline's punctuation (a colon, a comma,
    quotes: "Ukraine-Russia talks: live updates" between "Live" links and badges is the headline) between two menu items
    (at most two words each, no digit, or a skip link)."""
    return 0 < index < len(lines) - 1 and len(lines[index].split()) <= MENU_ITEM_MAX_WORDS \
        and not any(map(lines[index].__contains__, HEADLINE_MARKS)) and _menu_item(lines[index - 1]) \
        and _menu_item(lines[index + 1])


@line_cache
def _menu_item(line: str) -> bool:
    """A menu's item beside a line (`_amid_menu`): at most two words, no digit, a letter; or a skip link."""
    return (len(line.split()) <= 2 and not any(map(str.isdigit, line)) and any(map(str.isalpha, line))) \
        or is_skip_link(line)


def _among_headings(lines: list[str], index: int) -> bool:
    """Whether the lines right above and below lines[index] are heading-like too: a list of links."""
    return 0 < index < len(lines) - 1 and all(
        _heading_like(lines[other], 4) and _reads_as_headline(lines[other]) for other in (index - 1, index + 1))


def _tag_list(line: str) -> bool:
    """"Internet, Google Docs, Proxy": three or more comma-separated parts of at most three words."""
    parts = line.split(",")
    return len(parts) >= 3 and all(len(part.split()) <= 3 for part in parts)


def _reads_as_headline(line: str) -> bool:
    """Not a menu or a tag list: no "|" separators, not in capitals, not opening in lower case."""
    return not _title_separated(line) and not line.isupper() and not opens_lower(line)


MENU_SEPARATOR_RE = re.compile(r"[|»«·•]")


def _reads_as_far_headline(line: str) -> bool:
    """`_reads_as_headline`, but a dash or a colon may part the headline ("Sanctions on Russia: Europe has found its nerve
    – can it hold on to it?"): past the title window no page title ("Headline - Site") is left to split, and the
    article's words must be the line's (`_far_headline_overlap`); a menu's bars, bullets and guillemets still part it."""
    return MENU_SEPARATOR_RE.search(line) is None and not line.isupper() and not opens_lower(line)


def _opens_byline_block(lines: list[str], index: int) -> bool:
    """Whether lines[index] is a byline ("By NAME") or a date line: what stands right under a headline."""
    return index < len(lines) and len(lines[index]) <= 80 and (
        BYLINE_RE.match(lines[index]) is not None or is_date_text(lines[index]))


# a share link in any language: a share verb and a platform's name on a short line ("Sdílet na Facebooku", "Partager sur
# X", "व्हाट्सऐप पर शेयर करें", "Facebookでシェア"), or a share verb alone ("Teilen", "Compartir"); no \b, as RE2's is
# ASCII-only (see FURNITURE_CANDIDATE_RE2)
SHARE_VERBS = ("share", "sdílet", "sdílejte", "zdieľať", "partager", "partagez", "teilen", "compartir", "compartilhar",
               "compartilhe", "condividi", "udostępnij", "paylaş", "поделиться", "поделись", "поділитися", "падзяліцца",
               "dalintis", "podeli", "podijeli", "подели", "поделите", "сподели", "споделете", "שתפו", "שתף", "اشتراک",
               "هم‌رسانی", "مشاركة", "شارك", "शेयर", "साझा", "공유", "分享", "シェア", "delen", "dela", "megosztás",
               "distribuie", "κοινοποίηση", "κοινοποιήστε", "გაზიარება", "dalīties", "chia sẻ", "bagikan", "jaa", "del",
               "deel")
SHARE_PLATFORMS = ("facebook", "twitter", "telegram", "whatsapp", "viber", "vkontakte", "вконтакте", "linkedin", "reddit",
                   "pinterest", "messenger", "bluesky", "flipboard", "weibo", "wechat", "微博", "微信", "카카오", "페이스북",
                   "트위터", "фейсбук", "фэйсбук", "телеграм", "твиттер", "вайбер", "ватсап", "однокласс", "тэлеграм",
                   "تلگرام", "فیسبوک", "فیس‌بوک", "توییتر", "واتساپ", "فيسبوك", "تويتر", "واتساب", "تيليجرام",
                   "בוואטסאפ", "בפייסבוק", "בטוויטר", "בטלגרם",
                   "تلغرام", "व्हाट्सऐप", "व्हाट्सएप", "फेसबुक", "ट्विटर", "פייסבוק", "טוויטר", "וואטסאפ", "טלגרם",
                   "e-mail", "email")
SHARE_ALONE_VERBS = tuple(verb for verb in SHARE_VERBS if verb not in ("share", "del", "jaa", "deel", "dela"))
# English "share" as a button, not "Shared on Facebook" (a comment plugin's note under a comment)
_SHARE_VERB = "(?:share|(?:" + "|".join(verb for verb in SHARE_VERBS if verb != "share") + r")\S{0,8})"
_SHARE_PLATFORM = "(?:" + "|".join(SHARE_PLATFORMS) + ")"
SHARE_LINK = (r"^\W*" + _SHARE_VERB + r"(?:\s+\S+){0,3}\s+" + _SHARE_PLATFORM + r"\S{0,6}\W*$"
              r"|^\W*" + _SHARE_PLATFORM + r"\S{0,8}(?:\s+\S+){0,2}\s*" + _SHARE_VERB + r"(?:\s+\S+)?\W*$"
              r"|^\W*(?:" + "|".join(SHARE_ALONE_VERBS) + r")\W*$")
REPLY_TO_LINE = r"^\W*" + REPLY_TO + "$"
# a date line's label in other languages than English ("Aktualisiert am 5.12.2026", "Mis à jour le", "Обновлено:",
# "آخر تحديث:"); an English "Updated" line is the model's call, as Dragnet's gold counts a few of them as body
DATE_LINE_LABELS = ("aktualisiert", "zuletzt aktualisiert", "veröffentlicht", "stand:", "mis à jour", "publié", "modifié",
                    "actualisé", "actualizado", "actualización", "publicado", "atualizado", "atualização", "aggiornato",
                    "aggiornamento", "pubblicato", "обновлено", "обновлён", "опубликовано", "дата публикации", "оновлено",
                    "опубліковано", "дата публікації", "абноўлена", "апублікавана", "обновено", "публикувано",
                    "актуализирано", "aktualizacja", "zaktualizowano", "opublikowano", "data publikacji",
                    "aktualizováno", "publikováno", "aktualizace", "aktualizované", "publikované", "aktualizácia",
                    "ažurirano", "objavljeno", "ажурирано", "објављено", "posodobljeno", "actualizat", "publicat",
                    "actualizare", "frissítve", "frissítés", "publikálva", "közzétéve", "güncelleme", "güncellendi",
                    "güncellenme", "yayınlanma", "yayınlandı", "yayın tarihi", "yenilənib", "bijgewerkt", "gepubliceerd",
                    "laatst bijgewerkt", "opdateret", "publiceret", "offentliggjort", "oppdatert", "publisert",
                    "uppdaterad", "uppdaterat", "publicerad", "päivitetty", "julkaistu", "uuendatud", "avaldatud",
                    "atjaunināts", "publicēts", "atnaujinta", "paskelbta", "ενημερώθηκε", "ενημέρωση", "δημοσιεύθηκε",
                    "δημοσίευση", "განახლდა", "გამოქვეყნდა", "آخر تحديث", "تاريخ النشر", "نشر في", "تحديث:",
                    "آخرین به‌روزرسانی", "به‌روزرسانی", "بروزرسانی", "تاریخ انتشار", "منتشر شده", "עודכן", "פורסם",
                    "अपडेटेड", "अपडेट", "प्रकाशित", "अद्यतन", "更新", "更新时间", "发布时间", "發布時間", "发布于", "公開",
                    "配信", "수정", "입력", "업데이트", "cập nhật", "diperbarui", "dipublikasikan", "diterbitkan",
                    "жаңартылды")
DATE_LINE = (r"^\W*(?:" + "|".join(label.replace(":", "") + (":" if label.endswith(":") else "") for label in DATE_LINE_LABELS)
             + r")(?:[\s:：,.-]|$)[^\n]{0,40}\d[^\n]{0,40}\s*$")
# an author's label in other languages ("Автор: NAME", "نویسنده: NAME", "Szerző: NAME"): a short line
AUTHOR_LABELS = ("автор", "авторы", "автори", "аўтар", "autor", "autorka", "autoři", "autori", "autorzy", "auteur", "auteurs",
                 "autore", "autrice", "yazar", "müəllif", "författare", "forfatter", "kirjoittaja", "toimittaja", "szerző",
                 "autorius", "autore", "συντάκτης", "συντάκτρια", "συγγραφέας", "ავტორი", "نویسنده", "الكاتب", "الكاتبة",
                 "بقلم", "לכתב", "מאת", "लेखक", "लेखिका", "작성자", "記者", "作者", "撰文", "tác giả", "penulis", "wartawan",
                 "redaktor", "redaktorka", "rédacteur", "rédactrice", "texte", "tekst", "teksti", "szöveg", "texto",
                 "журналист", "журналіст", "кореспондент", "корреспондент", "текст")
AUTHOR_LINE = r"^\W*(?:" + "|".join(AUTHOR_LABELS) + r")\s*[:：]\s*[^.!?\n]{2,60}\s*$"
AUTHOR_LINE_RE = re.compile(AUTHOR_LINE, re.IGNORECASE)
# a prompt to follow the outlet ("Folgen Sie uns auf ...", "Ακολουθήστε μας στο Google News", "Follow us on X")
FOLLOW_US = ("follow us", "folgen sie uns", "folge uns", "suivez-nous", "suivez nous", "síguenos", "siga-nos", "seguici",
             "seguiteci", "obserwuj nas", "sledujte nás", "sledujte nas", "bizi takip edin", "تابعونا", "تابعنا",
             "ακολουθήστε", "следите за нами", "слідкуйте за нами", "сачыце за намі", "volg ons", "följ oss", "følg os",
             "følg oss", "seuraa meitä", "urmăriți-ne", "urmareste-ne", "urmărește", "urmăriți", "kövess minket",
             "kövessen minket", "theo dõi",
             "ikuti kami", "jälgi meid", "sekojiet mums", "sekite mus", "пратите нас", "pratite nas", "bizi izləyin",
             "ما را دنبال کنید", "עקבו אחרינו", "हमें फॉलो करें", "フォロー",
             # ...or to join its channel ("Наш канал в Telegram. Присоединяйтесь!", "Our Telegram channel")
             "наш канал в", "наш канал у", "наш telegram", "наш телеграм", "our channel on", "our telegram")
FOLLOW_US_LINE = r"^\W*(?:" + "|".join(FOLLOW_US) + r")(?:[\s:,!.-]|$)[^\n]{0,150}\s*$"
REPLY_TO_LINE_RE = re.compile(REPLY_TO_LINE, re.IGNORECASE)
# a photo's label, before its credit or caption ("Photograph: NAME/AGENCY", "Foto: ...", "Снимка: ...")
OTHER_PHOTO_LABELS = ("foto", "fotó", "ảnh", "снимка", "фото", "φωτογραφία", "ფოტო", "kuva", "bild", "zdjęcie", "fotoğraf",
                      "sursa foto", "צילום")
PHOTO_LABELS = ("photo", "photograph", "picture", "image", "credit", *OTHER_PHOTO_LABELS)
# a paywall's prompt: furniture (FURNITURE_RE), and what the article's visible opening stands over (`_teaser_above_paywall`)
PAYWALL_PROMPT = (r"^\W*(?:(?:subscribe|sign in|log in|register)(?: or (?:subscribe|sign in|log in|register))? to "
                  r"(?:continue|keep) reading\b|(?:to )?continue reading,? (?:subscribe|with a subscription)"
                  r"|this (?:article|story|content) is (?:for|available to|only for|exclusive to) (?:subscribers|members)\b"
                  r"|(?:you've|you have) reached your (?:free )?(?:article|story) limit"
                  # a newsletter platform's cutoff ("Keep reading with a 7-day free trial", "Subscribe to NAME to keep
                  # reading this post")
                  r"|keep reading with a (?:\d+-day )?free trial|subscribe to .{1,60} to keep reading)")
FURNITURE_RE = re.compile(
    r"views,? (?:and|&) opinions expressed|\bdo(?:es)? not necessarily (?:represent|reflect)|^disclaimer\b"
    # "... do not reflect the position of the editorial board" (aggregators of foreign press)
    r"|\bdo(?:es)? not (?:represent|reflect) the (?:position|views?|opinions?) of (?:the |this |our )?"
    r"(?:editorial (?:board|office|team|staff)|editors|publication|publisher|site|website|newspaper)\b"
    r"|^\W*(?:the )?(?:(?:statements|views|opinions),? (?:and )?)+expressed (?:here(?:in)?\b|(?:in|on|by) (?:this|these|the|our) "
    r"(?:article|piece|column|post|blog|story|op-ed|commentary|site|website|page|author|writer|contributor|brief|report"
    r"|paper|analysis|essay|publication|newsletter|podcast|video|interview)s?\b)"
    r"|\b(?:(?:do(?:es)? not|doesn't|don't) (?:imply|constitute|signify)|should not be (?:construed|taken|considered) as)"
    r" (?:an? |any )?endorsement\b"  # links' disclaimers
    r"|\bcan be reached at\b|^about the author\b|\bshare buttons?\b|^note to readers\b|\bcross-?post\b"
    r"|\ball rights reserved\b|^copyright\b|^©|\b(?:subscribe|sign up) (?:to|for) (?:our|the) newsletter\b"
    r"|^become a (?:member|patron|subscriber)\b|^(?:share|tweet|email|print)(?: this)?(?: article| story| post| page)?\W*$"
    r"|^(?:what do you think|what are your thoughts|tell us what you think|let us know what you think)\b.{0,40}$"
    r"|^\W*(?:(?:did|do) you (?:like|enjoy|love) (?:this|the) (?:article|story|post|piece)"
    r"|was this (?:article|story|post|page) (?:helpful|useful)|rate this (?:article|story|post))\b.{0,20}$"
    # an audio player's line ("Listen • 4:12", "Listen to this article 5:03"), a prompt to join a messaging channel ("Join
    # The Lion City Tribune's Telegram channel for the latest news")
    r"|^\W*listen(?: to this (?:article|story))?\W+\d{1,2}:\d{2}(?:\s*min)?\W*$"
    r"|^\W*join (?:us on |our |the )?.{0,50}\b(?:telegram|whatsapp|viber|signal) (?:channel|group|community)\b.{0,60}$"
    # a prompt to report a mistake ("Spotted an error? Let us know", "Fehler gefunden? Jetzt melden.", "Signaler une erreur")
    r"|^\W*(?:(?:spotted|found|noticed?|see) (?:an? )?(?:error|mistake|typo)s?|fehler gefunden|tippfehler gefunden"
    r"|(?:report|signaler) (?:an|une) (?:error|erreur)|vous avez (?:repéré|trouvé) une (?:erreur|faute))\b.{0,40}$"
    # "Enjoyed this article?", "Понравилась статья?" (RE2's \W is ASCII-only: the Cyrillic words are spelled out)
    # (or with the appeal that follows it: "Líbil se vám článek? Podpořte nezávislou žurnalistiku ...")
    r"|^\W*(?:(?:liked|enjoyed|loved) (?:this|the) (?:article|story|post|piece)"
    r"|(?:вам )?понравил(?:ась|ся|ось|ася) (?:ли )?(?:эта |этот |ця |цей )?(?:статья|материал|публикация|пост|стаття|матеріал)"
    r"|líbil se vám (?:tento )?článek|páčil sa vám (?:tento )?článok|podobał (?:ci|wam) się (?:ten )?artykuł"
    r"|hat ihnen (?:der|dieser) artikel gefallen|cet article vous a (?:plu|intéressé)|te ha gustado (?:este|el) artículo"
    r"|ti è piaciuto (?:questo|l')\s?articolo|вам сподобал(?:ася|ся) (?:ця )?(?:стаття|матеріал))(?:\W*$|\s?\?\s.{0,160}$)"
    # a prompt to watch the outlet's video elsewhere ("Смотрите наш новый выпуск на YouTube: ...")
    r"|^\W*(?:смотрите|дивіться|watch) (?:наш|наше|нашу|наш новый|our|our new|our latest|the full)\s.{0,40}?(?:на|on)"
    r" youtube\b.{0,100}$"
    # "Advertise with us" (206 such training lines, all gold boilerplate), "Listen to this article" ("Lyssna på artikeln"),
    # a newsletter prompt inside the article ("Get the biggest stories from Hampshire straight to your inbox. Sign up
    # ..."), "Send to a friend" ("Изпрати на приятел"), a list of the article's topics ("Ämnen i artikeln")
    r"|^\W*advertise (?:with|on) (?:us|[A-Z]\S*(?: [A-Z]\S*){0,3})\W*$"
    r"|^\W*(?:listen to (?:this|the) (?:article|story)|lyssna på artikeln|artikel anhören|écouter l'article"
    r"|escuchar (?:el )?artículo|ascolta l'articolo|posłuchaj artykułu|прослушать статью|послухати статтю)\W*$"
    r"|^\W*get the (?:biggest|latest|top) (?:stories|news|headlines)\b.{0,80}\b(?:sign up|subscribe)\b.{0,60}$"
    r"|^\W*(?:send (?:this )?to a friend|изпрати на приятел|отправить другу|envoyer à un ami|an einen freund senden)\W*$"
    r"|^\W*(?:ämnen i artikeln|emner i artiklen|emner i artikkelen)\W*$"
    # a newsletter prompt that names the newsletter ("Sign up for the Ottawa Insider newsletter. A daily guide to ...",
    # "Sign up to the Estuary Champion newsletter for the week's top stories"), and News Corp's follow prompt ("Don't miss
    # out on the headlines from World. Followed categories will be added to My News.")
    r"|^\W*(?:subscribe|sign up|register) (?:to|for) (?:our|the|my)(?: \S+){1,4} newsletters?\b"
    r"|^\W*don[’']t miss out on the headlines from\b|\bfollowed categories will be added to my news\b"
    # comments kept for subscribers ("Pour réagir à cet article, vous devez être abonné ou inscrit.", "Os comentários a
    # este artigo estão reservados a assinantes."), a subscription's pitch ("Assine o Atlântico e tenha acesso ilimitado
    # ..."), a newsletter's ("Abonnez-vous à l'infolettre quotidienne"), a ticker's label ("Ultima oră: ...")
    r"|^\W*pour (?:réagir|commenter|participer)(?: à (?:cet article|la discussion|ce débat))?,? vous devez être"
    r" (?:abonné|inscrit|connecté)"
    r"|\b(?:comments|commentaires|comentários|comentarios|kommentare|commenti)\b.{0,30}\b(?:are reserved (?:for|to)"
    r" subscribers|sont réservés aux abonnés|estão reservados a assinantes|están reservados a suscriptores|sind abonnenten"
    r" vorbehalten|sono riservati agli abbonati)\b"
    r"|^\W*(?:assine|subscribe to|abonnez-vous à|abonnieren sie|suscríbete a|abbonati a)\b.{0,60}\b(?:acesso ilimitado"
    r"|unlimited access|accès illimité|unbegrenzten zugriff|acceso ilimitado|accesso illimitato)\b"
    r"|\babonnez-vous à (?:l'|l’|notre |la )?(?:infolettre|newsletter)\b"
    r"|^\W*(?:ultima oră|ultima ora|breaking news|eilmeldung|dernière minute|última hora|ultim'ora|срочно|терміново)\s*:"
    # a reader view's reading time ("4–5 minutes", "5-6 minuti", "4–5 минут"), a membership appeal ("We're glad you've
    # read 5 ... articles this month", "For as little as $6 a month ..."), a newsletter box's confirmation ("Thank you!
    # For your security, we've sent a confirmation email ..."), an embed held back by cookie settings ("Deze inhoud kan
    # helaas niet worden getoond ...", "Cookie-instellingen aanpassen")
    r"|^\d{1,3}\s?[–-]\s?\d{1,3} (?:minutes|minuti|minutos|minuten|minuter|minutter|minutit|minuty|minut|minuuttia|perc"
    r"|dakika|λεπτά|минут|хвилин)\W*$"
    r"|^\W*we(?:'re|’re| are) (?:glad|happy|delighted) you(?:'ve|’ve| have) read\b|^\W*for as little as [$€£]\s?\d"
    r"|^\W*thank you!? for your security,? we(?:'ve|’ve| have) (?:sent|mailed|e-?mailed)\b"
    r"|^\W*(?:deze inhoud kan (?:helaas )?niet|dieser inhalt kann (?:leider )?nicht|this content (?:cannot|can't|can not)"
    r" be (?:displayed|shown)|ce contenu ne peut pas être affiché)"
    r"|^\W*(?:cookie-?instellingen|cookie-?einstellungen) (?:aanpassen|wijzigen|anpassen|ändern)\W*$"
    # a comment section's sort options in Serbian, Croatian and Slovene ("Najnovije Najstarije Najpopularnije")
    r"|^\W*(?:(?:najnovij[ie]|najstarij[ie]|najpopularnij[ie]|najbolje ocijenjen[ie]|najnovejših|najstarejših"
    r"|najbolje ocenjenih)(?:\s*[|·/]?\s*|$)){2,}\W*$"
    # a weather and exchange-rate strip ("Погода: +24°С. Курс ЦБ: $ 31,17 € 38,25"), currency pairs ("KGS/USD 89.20")
    r"|(?:^|\s)(?:weather|погода|wetter|météo|pogoda|počasí)\s*:\s*[+−-]?\d{1,2}\s*°"
    r"|(?:^|\s)курс (?:цб|нбу|нбрб|нбк)\s*:?\s*[$€]"
    r"|^\W*(?:[a-z]{3}/[a-z]{3}\s+\d{1,5}[.,]\d{1,4}\s*[▲▼↑↓]?\s*)+$"
    # a Turkish site's legal notice under its comments ("Yasal Uyarı: Yorumlardaki ifadelerin ..."), a prompt to follow
    # the site on Facebook ("Ha tetszett a cikk, kövesse ... a Facebookon is!"), a Slovak share row
    r"|^\W*yasal uyarı\s*:|^\W*ha tetszett a cikk\b|^\W*zdieľať na facebooku\b"
    # a form's button as lynx prints it ("(BUTTON) Send", "(BUTTON) Адправіць")
    r"|^\(button\)"
    # a donation button alone on its line ("Give Now", "Donate today", "Jetzt spenden", "Faire un don")
    r"|^\W*(?:donate(?: now| today| here)?|give (?:now|today|here)|(?:jetzt )?spenden|faire un don|donar(?: ahora)?"
    r"|пожертвовать)\W*$"  # (not "Give" alone: an article's subheading)
    # a metered paywall's count ("You've read 3 of your 4 free articles this month.")
    r"|^\W*you(?:'ve|’ve| have) read \d+ of (?:your |\d+ )?(?:\d+ )?free (?:articles?|stories)\b.{0,60}$"
    r"|^\W*(?:this is your (?:last|final) free (?:article|story)|you have \d+ free (?:articles?|stories) (?:left|remaining))"
    r"\b.{0,60}$"
    # ... in other languages ("Вы прочитали 2 из 3 бесплатных статей в этом месяце.", "Vous avez lu 3 articles sur 5")
    r"|^\W*(?:вы прочитали|ви прочитали|vous avez lu|has leído|ha leído|sie haben) \d+ (?:из|з|sur|de|von) \d+ "
    r"(?:бесплатн|безкоштовн|articles? gratuit|artículos gratuitos|kostenlos).{0,160}$"
    # Telegram's web preview of a post: its buttons and its prompt ("Открыть канал", "If you have Telegram, you can view
    # this post and join ... right away.")
    r"|^\W*(?:if you have telegram, you can|если у вас есть telegram, вы можете|якщо у вас є telegram, ви можете)"
    r"|^\W*(?:открыть канал|відкрити канал|open channel|view channel|preview channel)\W*$"
    # a French article's closing lines ("Tous droits de reproduction et de représentation réservés.", "Vous avez repéré
    # une erreur dans cet article ?", "Suivez toute l'actualité de votre commune sur l'application ...")
    r"|^\W*tous droits de reproduction(?: et de (?:représentation|diffusion))? réservés"
    r"|^\W*vous avez (?:repéré|remarqué|trouvé|constaté) une (?:erreur|faute|coquille)"
    r"|^\W*suivez (?:toute )?l'actualité.{0,80} (?:sur|avec|dans) (?:l'|notre |nos )appli"
    # a button to keep the article ("Ajouter à mes favoris", "Add to favorites", "Добавить в избранное")
    r"|^\W*(?:ajouter à (?:mes|vos) favoris|add to (?:my )?(?:favou?rites|bookmarks|reading list)"
    r"|zu (?:den )?favoriten hinzufügen|добавить в избранное|додати до обраного|añadir a (?:mis )?favoritos"
    r"|aggiungi ai preferiti|dodaj do ulubionych)\W*$"
    r"|^\W*community (?:guidelines|standards|rules)\W*$"
    # (stop 37) a comment section's sort options in more languages ("Älteste zuerst", "Les plus récents", "Najnowsze")
    r"|^\W*(?:(?:neueste|älteste|beliebteste|neue|alte)(?: (?:postings|kommentare|beiträge))? zuerst"
    r"|(?:les )?plus (?:récents|anciens|populaires|appréciés)(?: d'abord| en premier)?"
    r"|(?:los )?más (?:recientes|antiguos|votados|populares|valorados)|(?:i )?più (?:recenti|vecchi|votati|popolari)"
    r"|(?:os )?mais (?:recentes|antigos|votados|populares)|najnowsze|najstarsze|najpopularniejsze|nejnovější|nejstarší"
    r"|nejoblíbenější|najnovšie|najstaršie|(?:nieuwste|oudste|populairste)(?: eerst)?"
    r"|(?:nyaste|äldsta|populäraste|mest populära)(?: först)?|en (?:yeni|eski|popüler)|legújabb|legrégebbi|legnépszerűbb"
    r"|uusimmat|vanhimmat|suosituimmat|naujausi|seniausi|populiariausi)\W*$"
    # a comment section's sort and thread controls ("Best rated", "Oldest first", "Threads collapsed")
    r"|^\W*(?:newest|oldest|best rated|worst rated|most (?:liked|popular|recent|voted|replied)|top comments"
    r"|(?:newest|oldest) first|threads:? (?:collapsed|expanded)|display threads|(?:hot|latest|all) comments|most relevant"
    r"|(?:reader|readers'|editors'?|times|nyt|staff|top) picks)\W*$"
    # ... and as Facebook's plugin and other widgets print them in Chinese and Japanese ("排序依據", "熱門留言", "新增留言……",
    # "並べ替え", "コメントを追加")
    r"|^\W*(?:排序依據|排序方式|熱門留言|最新留言|最舊留言|热门评论|最新评论|新增留言|發表留言|发表评论|写评论|並べ替え"
    r"|コメントを(?:追加|書く|投稿)|トップコメント|新しい順|古い順)\W*$"
    # the same in Russian ("Сортировка:", "сначала новые"), and a prompt to sign in before commenting ("Войдите, чтобы
    # оставить комментарий", "Sign in to comment")
    r"|^\W*(?:сортировка|сортування|сначала (?:старые|новые|популярные|лучшие|интересные|обсуждаемые)"
    r"|спочатку (?:нові|старі|популярні|кращі|найкращі|обговорювані))\W*$"
    # a site's strip of the day's top story over the article ("Главное сегодня: Санкции против России")
    r"|^\W*(?:главное|головне) (?:сегодня|сьогодні|за (?:сутки|день|неделю|добу|тиждень))(?:\W.*)?$"
    # ...as a machine translation prints them ("First new ones", "Login via Telegram")
    r"|^\W*first (?:the )?(?:new|old|popular|best)(?: ones)?\W*$|^\W*(?:new|old|newest|oldest|popular)(?: ones)? first\W*$"
    r"|^\W*(?:log ?in|sign in|enter) (?:via|through|with) (?:telegram|vk"
    r"|vkontakte|google|facebook|apple|yandex|x|twitter|e-?mail)\W*$"
    # the options alone ("Найновіші Найстаріші Найпопулярніші", "Newest Oldest Most Popular")
    r"|^\W*(?:(?:(?:сначала|спочатку) )?(?:найновіші|найстаріші|найпопулярніші|новые|старые|популярные|лучшие|нові|старі"
    r"|популярні|кращі|newest|oldest|most popular|most liked|neueste|älteste|beliebteste)\W*){2,}$"
    # "Sort by: Newest | Oldest", "Sortieren nach: Neueste zuerst", "Ordenar por: Más recientes"
    r"|^\W*(?:sort(?:ed)? by|sortieren nach|trier par|trié par|ordenar por|ordina per|ordenado por|sortuj(?: według| wg)?|řadit podle"
    r"|seřadit podle|zoradiť podľa|rendezés|sorteer op|sortera (?:efter|på)|sorter (?:efter|etter)|järjestä|сортировать по"
    r"|сортувати за|сортувати|сортировать|сортировка|сортування|sırala|ταξινόμηση|sortiraj po|сортирај по"
    r"|sortiraj prema|xếp theo|sắp xếp theo)\s*:?(?:\s[^.!?,\n]{0,60})?\s*$"
    r"|^\W*(?:bạn cần |vui lòng )?đăng nhập để (?:bình luận|gửi bình luận)\W*$"  # (Vietnamese: "log in to comment")
    # a comment section's rules under its heading ("Log in to join the discussion. Please keep comments civil.", "Bitte
    # beachten Sie unsere Netiquette.")
    r"|\bnetiquette\b|^\W*(?:sign in|log in|login|register) to join the (?:discussion|conversation)\b.{0,120}\s*$"
    r"|\bplease keep (?:your )?comments (?:civil|respectful|on[- ]topic|clean|polite|constructive)\b"
    r"|^\W*(?:войдите|авторизуйтесь|зарегистрируйтесь|увійдіть),? (?:[а-яёіїєґ]+ ){0,3}(?:комментари|коментар)"
    r"|^\W*(?:sign in|log in|login|register) (?:or (?:sign up|register) )?to (?:comment|post a comment|reply|join the "
    r"(?:discussion|conversation))\W*$"
    r"|" + SIGN_IN_TO_COMMENT +
    # a consent wall ("With your permission, we and our partners may use precise geolocation data ...", "You can
    # accept all cookies or manage your choices")
    r"|^\W*we and our (?:\d+ )?(?:partners|vendors) (?:use|store|process|may|collect|and)\b"
    r"|\bstore and/or access information on a device\b"
    # ... in other languages ("Noi e i nostri 412 partner utilizziamo cookie ..."), and a pay-or-consent wall's buttons
    # ("Accetta e continua", "Rifiuta e abbonati a 2,99 € al mese")
    r"|^\W*(?:noi e i nostri|nous et nos|wir und unsere|nosotros y nuestros|nós e os nossos|wij en onze|my i nasi|мы и наши)"
    r" (?:\d+ )?(?:partner|partenaires|socios|parceiros|partners|partnerzy|партнеры)"
    r"|^\W*(?:accept and continue|accetta e continua|accepter et continuer|akzeptieren und weiter|aceptar y continuar"
    r"|aceitar e continuar)\W*$|^\W*(?:rifiuta e abbonati|refuser et s'abonner|ablehnen und abonnieren|reject and subscribe)\b"
    r"|^\W*with your (?:permission|consent),? we\b|^\W*you can (?:accept|reject|change|withdraw|manage)\b.{0,60}"
    r"\b(?:cookies|consent|choices|preferences|settings)\b"
    r"|^\W*these cookies (?:are|help|allow|enable|let|may|collect|remember|make|do)\b|^\W*always active\W*$"
    # a paywall's offers ("Then $75 per month", "Complete digital access to quality journalism on any device.")
    r"|^\W*(?:then |only |just )?[$€£]\s?\d[\d.,]*\s*(?:per|a|/)\s*(?:month|week|year|mo|yr)\b"
    r"|^\W*(?:complete|essential|unlimited|full|premium) digital access\b|\bcancel (?:at )?any ?time\b"
    r"|\b(?:we|this (?:web)?site|our (?:web)?site|this page) uses? cookies\b|\buse of cookies\b"
    # ... in German, French, Spanish, Italian and Russian ("Diese Website verwendet Cookies.")
    r"|\b(?:diese (?:web)?seite|diese website|wir) verwende[nt] cookies\b|\bce site utilise des cookies\b"
    r"|\beste sitio (?:web )?(?:utiliza|usa) cookies\b|\bquesto sito (?:utilizza|usa) (?:i )?cookie|сайт использует (?:файлы )?cookie"
    r"|мы используем (?:файлы )?cookie|ми використовуємо (?:файли )?cookie"
    r"|\bby (?:continuing to (?:browse|use)|using) (?:this|our) (?:web)?site\b|^\W*(?:accept|allow|reject) (?:all )?cookies\W*$"
    # a consent dialog's buttons alone ("Accept all Reject all", "Reject all", "Manage preferences"), an app banner ("Get
    # the app for local news & alerts", "Open in app"), a translation tool's bar ("Google Translate", "Show original")
    r"|^\W*(?:(?:accept|allow|reject|decline|refuse) all|manage (?:preferences|cookies|choices|options|settings))"
    r"(?:\W+(?:(?:accept|allow|reject|decline|refuse) all|manage (?:preferences|cookies|choices|options|settings)))*\W*$"
    r"|^\W*(?:get|download|install) (?:the|our) (?:[\w'’-]+ ){0,3}app\b.{0,90}$|^\W*open in (?:the )?app\W*$"
    # the same in Finnish, Dutch, German and Russian ("Lataa Uutispuro-sovellus ja saat ..."), and a share label ("Deel
    # artikel:")
    r"|^\W*(?:lataa \S{1,30}-?sovellus|download de (?:\S{1,30}[ -]?)?app|laden sie (?:die|unsere) \S{1,30}[ -]?app"
    r"|скачайте (?:наше )?приложение)(?:[\s,.:;!].{0,80})?$"  # (no \b: RE2's is ASCII-only)
    r"|^\W*(?:deel (?:dit )?artikel|artikel (?:delen|teilen)|teilen sie (?:diesen )?artikel|jaa artikkeli|dela artikeln"
    r"|del artiklen)\W*$"
    # a newsletter box's privacy line ("We will use your email address only for sending you newsletters."), a share bar's
    # heading ("Social Sharing") and a blog-platform button ("Добавить в блог")
    r"|^\W*we(?: will|'ll|’ll) (?:only )?use your (?:e-?mail|email address|details|information)\b"
    r"|^\W*social sharing\W*$|^\W*добавить в блог\W*$"
    # a strip of exchange rates ("USD 447.12 EUR 491.56 RUB 5.48", "Курсы НБРБ: USD 2,4310 EUR 2,6254", "... USD 29,12 EUR 38,35")
    # (or their names: "Dolar 5,4612 Euro 6,2478 Sterlin 6,9720")
    r"|(?:^|\s)(?:USD|EUR|RUB|GBP|CNY|UAH|BYN|KZT|dolar|dollar|euro|avro|sterlin)\s+\d{1,5}[.,]\d{1,4}"
    r"\s+(?:USD|EUR|RUB|GBP|CNY|UAH|BYN|KZT|dolar|dollar|euro|avro|sterlin)\s+\d{1,5}[.,]\d{1,4}"
    # a weather strip ("Weather: Keighley 9°C, light cloud", "Погода: Москва −3 °C")
    r"|^\W*(?:weather|wetter|météo|погода|hava durumu)\s*:?\s.{0,40}[-−+]?\d{1,2}\s?°.{0,40}$"
    # a consent wall in Dutch ("Dagnieuws.nl vraagt je toestemming voor het gebruik van cookies", "Wij en onze partners ...")
    r"|\btoestemming voor (?:het gebruik van )?cookies\b|^\W*wij en onze (?:\d+ )?partners\b"
    # ... in Swedish, Norwegian, Danish, Dutch, Polish, Portuguese / Spanish, Romanian, Finnish and Hungarian ("Vi använder
    # cookies för att ge dig en bättre upplevelse ...")
    r"|\b(?:vi använder|vi bruker|vi bruger|wij gebruiken|we gebruiken|używamy|utilizamos|usamos|utilizăm|folosim"
    r"|ta strona używa|ta strona korzysta z|serwis używa|serwis korzysta z)"  # (Polish: "Ta strona używa plików cookies")
    # (no \b after "ä": RE2's is ASCII-only)
    r" (?:plików )?(?:cookies|cookie-filer|kakor|ciasteczek|informasjonskapsler)\b|\bkäytämme evästeit|\bsütiket használ"
    # a consent dialog's heading ("We value your privacy", "Vi bryr oss om din integritet"), a public broadcaster's
    # appeal ("Stories like this one are possible because of listeners like you."), a print link ("Версия для печати")
    r"|^\W*we (?:value|care about|respect) your privacy\W*$|^\W*vi bryr oss om din integritet\W*$"
    # a trending-searches bar in Chinese ("熱門搜尋：..."), a Japanese paywall's offer ("有料会員になると ...", "有料会員登録"),
    # a newsletter named in its sign-up ("Sign up for Morning Dispatch, our free weekday newsletter ..."), a membership
    # appeal's call ("... become a member today.")
    r"|^\W*(?:熱門搜尋|热门搜索|熱搜)\s*[:：]|有料会員(?:登録|になると|限定)"
    r"|^\W*sign up for [^,.]{1,40}, (?:our|the) (?:free )?(?:\w+ ){0,2}newsletter\b|\bbecome a (?:member|supporter|donor) today\b"
    # a Japanese photo's caption, which ends in "＝", the day, place and photographer, or the agency ("記者会見する国務次官＝4日、
    # ワシントン、NAME撮影", "...＝2日、財務省提供", "...＝ロイター")
    r"|＝[0-9０-９]{1,2}日[、,][^。\n]{0,50}(?:撮影|提供|共同|ロイター|時事)\s*$|＝(?:ロイター|共同|時事|AP|AFP|EPA)\s*$"
    # ... in French ("Vos données personnelles", "Avec votre accord, nos partenaires et nous utilisons des cookies ..."),
    # and the link to a comment section's rules ("Правила комментирования", "Comment rules")
    r"|^\W*(?:vos données personnelles|votre vie privée|respect de votre vie privée)\W*$"
    r"|^\W*avec votre accord,? nos partenaires et nous\b"
    # (stop 37) a consent dialog's heading in more languages ("Votre vie privée est importante pour nous"), and its notice
    # by the site's name ("Le Phare et ses partenaires utilisent des cookies ...")
    r"|^\W*(?:your privacy is important to us|votre vie privée (?:est importante|compte)(?: pour nous)?"
    r"|ihre privatsphäre ist uns wichtig|tu privacidad es importante(?: para nosotros)?|la tua privacy è importante(?: per noi)?"
    r"|a sua privacidade é importante(?: para nós)?|twoja prywatność jest dla nas ważna|uw privacy is belangrijk(?: voor ons)?"
    r"|ваша конфиденциальность важна(?: для нас)?)\W*$"
    r"|^\W*[^.!?]{1,40}? (?:and its (?:\d+ )?partners|et ses (?:\d+ )?partenaires|und (?:seine|ihre) (?:\d+ )?partner"
    r"|y sus (?:\d+ )?socios|e i suoi (?:\d+ )?partner|e (?:os )?seus (?:\d+ )?parceiros|en (?:zijn|haar) (?:\d+ )?partners)"
    r" (?:use|utilisent|verwenden|nutzen|utilizan|usan|utilizzano|usano|utilizam|usam|gebruiken|store|stockent|collect)"
    r"\s.{0,400}cookie"
    # who may comment, as a comment section's notice ("Pour réagir, identifiez-vous ou créez un compte.", "Do diskuse
    # mohou přispívat pouze přihlášení uživatelé ...", "Only registered users can comment.")
    r"|^\W*pour (?:réagir|commenter|participer)(?: à (?:la discussion|ce débat))?,? (?:identifiez-vous|connectez-vous"
    r"|inscrivez-vous|abonnez-vous)(?:[\s,.:;!].{0,80})?$"
    r"|^\W*(?:do diskuse mohou (?:přispívat|vstupovat) pouze|diskutovat mohou pouze|diskutovať môžu (?:iba|len)"
    r"|only (?:registered|logged-in|signed-in|verified) (?:users|members|readers|subscribers) (?:can|may) (?:comment|post|reply|join)"
    r"|nur (?:registrierte|angemeldete|eingeloggte) (?:nutzer|user|benutzer|leser|mitglieder)(?:innen)? (?:können|dürfen)"
    r" (?:kommentieren|posten|mitdiskutieren)|seuls les (?:abonnés|utilisateurs (?:inscrits|connectés)|membres) peuvent"
    r" (?:commenter|réagir)|solo (?:los )?usuarios registrados pueden comentar|solo gli utenti registrati possono commentare"
    r"|(?:tylko|wyłącznie) zalogowani użytkownicy mogą (?:komentować|dodawać komentarze)|комментировать могут только"
    r"|коментувати можуть (?:лише|тільки))(?:[\s,.:;!].{0,160})?$"
    # a site's note that readers' comments are not its view, in more languages ("Die Kommentare von Userinnen und Usern
    # geben nicht notwendigerweise die Meinung der Redaktion wieder.")
    r"|\bgeben nicht (?:notwendigerweise|unbedingt|zwingend) die meinung der redaktion wieder\b"
    r"|\bne reflètent pas (?:nécessairement )?(?:l'opinion|le point de vue|la position) de la rédaction\b"
    r"|\bno reflejan (?:necesariamente )?la opinión de\b"
    r"|\bnon rappresentano (?:necessariamente )?(?:l'opinione|il punto di vista) della redazione\b"
    r"|не (?:обязательно )?(?:отражают|совпадают с) (?:мнение|позицию|точку зрения) редакции"
    r"|не (?:обов['’]язково )?(?:відображають|збігаються з) (?:думку|позицію) редакції"
    r"|nem (?:feltétlenül )?(?:a )?.{0,40}(?:szerkesztőség(?:ének)?|szerkesztők) (?:véleményét|álláspontját) tükröz"
    r"|nie (?:muszą )?(?:odzwierciedla(?:ją)?|wyraża(?:ją)?) (?:poglądów|opinii|stanowiska) redakcji"
    r"|(?:nemusí (?:nutně )?vyjadřovat|nevyjadřují) (?:názor|názory|stanovisko) redakce"
    r"|(?:nemusia (?:nutne )?vyjadrovať|nevyjadrujú) (?:názor|názory|stanovisko) redakcie"
    r"|nu reflectă (?:neapărat )?(?:opinia|poziția|punctul de vedere) (?:redacției|publicației)"
    r"|не (?:отразяват|изразяват) (?:непременно )?(?:мнението|позицията|гледната точка) на (?:редакцията|медията)"
    r"|ne odražava(?:ju)? (?:nužno )?(?:stav|stavove|mišljenje) (?:redakcije|uredništva)"
    r"|не одражава(?:ју)? (?:нужно )?(?:став|ставове|мишљење) (?:редакције|уредништва)"
    r"|(?:geven|weerspiegelen) niet (?:noodzakelijk(?:erwijs)? )?de (?:mening|visie) (?:weer )?van de redactie"
    r"|(?:speglar|återspeglar) inte (?:nödvändigtvis )?(?:redaktionens|tidningens) (?:åsikter|uppfattning|hållning)"
    r"|(?:afspejler|gjenspeiler|reflekterer) ikke (?:nødvendigvis )?(?:redaktionens|redaksjonens) (?:holdning|synspunkter|mening)"
    r"|eivät (?:välttämättä )?(?:edusta|vastaa|ilmaise) (?:toimituksen|lehden) (?:kantaa|näkemystä|mielipidettä)"
    r"|(?:yayın politikamızı|sitemizin görüşlerini|editoryal görüşümüzü) yansıtmaz"
    r"|δεν (?:απηχούν|αντιπροσωπεύουν|εκφράζουν) (?:απαραίτητα )?(?:τις απόψεις|την άποψη) της (?:σύνταξης|ιστοσελίδας)"
    r"|nebūtinai atspindi (?:redakcijos|portalo) (?:nuomonę|poziciją)|(?:ne)?atspoguļo (?:redakcijas|portāla) viedokli"
    r"|ei pruugi (?:ühtida|kajastada) toimetuse (?:seisukoha|arvamust)"
    r"|não (?:refletem|reflectem|representam) (?:necessariamente )?(?:a opinião|o ponto de vista|a posição) d[oa] (?:redação"
    r"|redacção|jornal|site)"
    # a prompt to follow the site on Google News ("Kövesd a Hírszigetet a Google Hírekben is!", "Folgen Sie uns auf Google
    # News")
    r"|^\W*(?:follow|kövesd|kövess|sledujte|sleduj|śledź|obserwuj|folge|folgen sie|folgt|suivez|segui|seguici|síguenos"
    r"|siga|sigam|volg|følg|följ|seuraa|подписывайтесь|підписуйтесь|следите|слідкуйте|takip edin|takip et|ακολουθήστε"
    r"|urmăriți|urmărește|pratite|пратите|следвайте|sekite|sekojiet|jälgi|add)\s.{0,60}google (?:news|hírek|nachrichten"
    r"|actualités|notizie|noticias|notícias|nieuws|nyheter|nyheder|uutiset|новост|новин|haberler|ειδήσεις|știri|vijesti"
    r"|vesti|вести|naujienos|ziņas|uudised).{0,40}$"
    # a comment form's button alone ("Trimite", "Absenden", "Отправить")
    r"|^\W*(?:trimite|absenden|envoyer|enviar|invia|wyślij|odeslat|odoslať|отправить|надіслати|адправіць|gönder"
    r"|skicka|lähetä|verzenden|versturen|küldés|изпрати|пошаљи|pošalji|siųsti|nosūtīt|αποστολή)\W*$"
    # readers' comments as their authors' responsibility ("Os comentários são de responsabilidade exclusiva de seus
    # autores ...", "Les commentaires n'engagent que leurs auteurs"), and a note that comments appear after moderation
    # ("Yorumunuz editör onayından sonra yayımlanacaktır.")
    r"|^\W*(?:os comentários são de (?:inteira |exclusiva )?responsabilidade|los comentarios son (?:de )?(?:la )?"
    r"(?:exclusiva )?responsabilidad|i commenti sono (?:di )?(?:esclusiva )?responsabilità|les commentaires (?:n'engagent"
    r"|n’engagent|sont sous la (?:seule )?responsabilité)|comments are the (?:sole )?responsibility of)\s.{0,300}$"
    r"|^\W*(?:your comment will (?:be published|appear) (?:after|once)|yorumunuz (?:editör )?onay\w* sonra yay\w*"
    r"|ihr kommentar wird nach (?:prüfung|freigabe|moderation)|votre commentaire sera publié après"
    r"|(?:tu|su) comentario (?:será publicado|se publicará)|ваш комментарий (?:будет )?опубликован после"
    r"|ваш коментар (?:буде )?опубліковано після|komentarz zostanie opublikowany po)(?:[\s,.:;!].{0,120})?$"
    # a share bar's comment link with its count ("Yorum Yaz (7)")
    r"|^\W*yorum yaz(?:\s*\(\d{1,5}\))?\W*$"
    # RIA's link under each photo ("Перейти в фотобанк")
    r"|^\W*перейти в фотобанк\W*$"
    # an English comment policy ("Comments stay open for 48 hours ...", "Commenters ... post under their first and last
    # names.")
    r"|^\W*comments (?:stay|remain|are|will (?:stay|remain|be)) open for \d{1,3} (?:hours|days)\b"
    r"|\b(?:post|comment) under (?:their|your) (?:first and last|full|real) names?\b"
    # a reading time as a sentence ("Ten tekst przeczytasz w 4 minuty") or "Lesedauer: 4 Min."
    r"|^\W*(?:ten )?(?:tekst|artykuł) przeczytasz w \d{1,3} minut\w*\W*$"
    r"|^\W*lesedauer\s*:?\s*\d{1,3}\s*(?:min\.?|minuten)\W*$"
    r"|^\W*(?:правила (?:комментирования|коментування)|comment(?:ing)? rules|kommentarregeln|règles de commentaires)\W*$"
    r"|^\W*stories like this(?: one)? (?:are|is) (?:only )?(?:made )?possible\b|^\W*версия для печати(?:\W.*)?$"
    # a list of the site's most read stories, by its heading (892 such training lines, all gold boilerplate)
    r"|^\W*(?:most (?:read|popular|viewed|shared|commented|emailed)|lo más (?:visto|leído)|самое (?:читаемое|популярное)"
    r"|популярное|популярне|найпопулярніше|meistgelesen|les plus lus|i più letti|najczęściej czytane|nejčtenější|en çok okunanlar"
    r"|meest gelezen)(?: (?:stories|articles|posts|news|today|this week|now|(?:on|en|in|su|sur)(?: \w+(?: \w+)?)?"
    r"|за (?:неделю|сутки|день|месяц|тиждень|добу|місяць)))?\W*$"
    # a row of share icons' names ("Facebook Twitter WhatsApp SMS"; 677 such training lines, all gold boilerplate or
    # labelled so), "Share this Story: HEADLINE", a newsletter form's consent ("I understand and agree that ..."), a
    # comment form's button ("Post comment") and a video player's controls ("Playback speed", "Up Next")
    r"|^\W*(?:(?:facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|email|e-mail|sms|print|copy (?:article )?link"
    r"|messenger|flipboard|google\+|tumblr|save)\W+)+(?:facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|email"
    r"|e-mail|sms|print|copy (?:article )?link|messenger|flipboard|google\+|tumblr|save)\W*$"
    r"|^\W*share this (?:story|article)\s*:|^\W*i understand and agree\b"
    # a like button and its count in a share row ("Мне нравится 214"; 10 such training lines, all gold boilerplate)
    r"|^\W*(?:likes?|мне нравится|нравится|подобається|gefällt mir|j'aime|me gusta|mi piace|lubię to|tetszik)\W*\d[\d\s,.]*"
    r"[kк]?\W*$|^\W*(?:post|submit|send|add) (?:a |your )?comment\W*$"
    r"|" + COMMENT_FORM_HEADINGS +
    # a comment form's heading, fields and rules ("Додати коментар", "Ваше ім'я:", "Редакція залишає за собою право ...",
    # "Escribe tu comentario.", "Normas de participación", "Ordenar: Más recientes"), a newsletter's or a site's appeal
    # ("NAME is a reader-supported publication.", "For more stories like this, check our news page.")
    r"|^\W*(?:ваше ім['’]я|ваше имя|your name|tu nombre|su nombre|votre nom|ihr name)\s*\*?\s*:.{0,30}$"
    r"|^\W*(?:редакція|редакция) (?:залишає|оставляет) за (?:собою|собой) право"
    r"|^\W*(?:оставить|написать|добавить) отзыв\W*$|^\W*(?:отзывы|комментарии) публикуются после"
    r"|^\W*(?:коментарі|відгуки) публікуються після|^\W*сделать стартовой\W*$"
    r"|^\W*los comentarios (?:publicados )?son (?:de )?(?:exclusiva )?responsabilidad\b"
    r"|^\W*(?:normas|reglas) de participación\W*$"
    r"|^\W*(?:escribe|escribir|deja|dejar|añade|añadir|agrega|agregar) (?:tu|un) comentario\b.{0,80}$"
    r"|^\W*ordenar(?: por)?\s*:.{0,60}$"
    r"|\bis a reader-supported publication\b|^\W*for more stories like this\b.{0,60}$"
    # a French comment form's note and a subscriber's box ("Votre adresse e-mail ne sera pas publiée.", "Cet article est
    # réservé aux abonnés."), a republisher's link to the original ("Lire l'article complet sur ..."), a copyright
    # notice in Lithuanian and Russian ("Griežtai draudžiama ...", "Полное или частичное копирование ... запрещено")
    r"|^\W*votre adresse (?:e-?mail|de messagerie) ne sera pas publiée"
    r"|^\W*(?:cet )?article (?:est )?réservé aux abonnés\b.{0,100}$|^\W*lire l'article complet sur\b.{0,60}$"
    r"|^\W*vous pouvez offrir cet article\b"
    # an exile outlet's mirror notice, a video player's fallback note, a podcast's download link, a comment form's prompt
    r"|если сайт не открывается|^\W*якщо відео не відтворюється|^\W*download (?:this )?episode\b.{0,40}$"
    r"|^\W*(?:залиште|залишіть|напишіть|оставьте|напишите) (?:свій |ваш |свой )?(?:коментар|комментарий).{0,100}$"
    r"|^\W*griežtai draudžiama|^\W*полное или частичное (?:копирование|воспроизведение|использование)"
    # a video's link with its length ("Смотреть видео 02:47"), a copy-link button at the head of a share row, a font-size
    # control, a German sort control over comments, an aggregator's note that it compiled the story automatically
    r"|^\W*(?:смотреть видео|дивитися відео)(?:\W+\d{1,2}:\d{2})?\W*$"
    # a photo gallery's button ("Смотреть все фото", "View all 12 photos")
    r"|^\W*(?:(?:по)?смотреть|дивитися|переглянути) (?:все |всі )?(?:фото|фотографии|фотографії|снимки)\W*$"
    r"|^\W*(?:view|see) (?:all )?(?:\d{1,3} )?(?:photos|images|pictures)\W*$"
    r"|^\W*(?:скопировать|копировать|скопіювати|копіювати) (?:ссылку|посилання)\b.{0,80}$"
    r"|^\W*(?:yazı boyutu|text size|font size|schriftgröße|размер шрифта|розмір шрифту|taille du texte)\b.{0,20}$"
    r"|^\W*sortieren(?: nach)?\s*:.{0,60}$|\bkaynağından otomatik olarak derlenmiştir\b"
    r"|^\W*(?:playback speed|subtitles|fullscreen|full screen|autoplay(?: on| off)?|now playing|up next)\W*$"
    r"|^\W*(?:воспроизвести|развернуть на весь экран|на весь экран|выключить звук|включить звук|відтворити"
    r"|розгорнути на весь екран|на весь екран)\W*$"  # a video player's buttons
    # a strip of topics over the page ("In the News: Libya no-fly zone Japan reactor"; not "TRENDING:", which a blog
    # may print over its own headline)
    r"|^\W*(?:in the news|hot topics|popular topics)\s*[:|»]\s*[^.!?]{0,150}$"
    # a paywall's buttons and pitch in other languages ("Suscríbete Ya soy suscriptor", "Lee sin límites")
    r"|^\W*(?:suscríbete|suscribirse|abonnez-vous|s'abonner|abonnieren|jetzt abonnieren|abbonati|assine|подписаться"
    r"|підписатися)(?:\W+(?:ya soy suscriptora?|déjà abonnée?|bereits abonnent(?:in)?|sono già abbonat[oa]"
    r"|já sou assinante|уже подписаны?|вже підписані?)\W*)?$|^\W*(?:lee|lea) sin límites\b.{0,60}$"
    r"|^\W*(?:google translate|show original)\W*$|^\W*(?:always|never) translate\b.{0,40}$"
    r"|^\W*translated (?:with|by) (?:deepl|google|yandex|microsoft|bing)\b.{0,40}$"
    # an author's disclaimer ("The views expressed are the author's own.") and a translation's source label
    r"|^\W*(?:the )?(?:views|opinions) expressed (?:here |herein |in this (?:article|piece|column|post|essay|commentary) )?"
    r"are (?:solely |entirely )?(?:the author'?s'? own|those of the authors?|(?:his|her|their|my) own)"
    r"|^\W*оригинал (?:публикации|статьи|материала)\s*:"
    r"|^\W*view (?:this (?:e-?mail|newsletter|message) )?(?:in|on) (?:your |a |the )?(?:web )?browser\W*$"  # a newsletter's
    # a row of account buttons ("Subscribe Sign in", "Log in | Register"; 86 of 86 such training lines are boilerplate)
    r"|^\W*(?:subscribe|sign in|log in|sign up|register|my account|login|sign out|log out)(?:\W+(?:subscribe|sign in|log in"
    r"|sign up|register|my account|login|sign out|log out))+\W*$"
    # a blogger's call to like and subscribe ("Если статья была полезной, поставьте лайк и подпишитесь на канал")
    r"|like and subscribe|поставьте лайк|ставьте лайк|подпишитесь на (?:мой |наш )?канал"
    r"|\bsubscribe (?:for free|now|today)\b|\bsubscribe(?::| (?:for|from)) (?:only |just )?[$€£]\s?\d"
    # a print edition's notice ("A version of this article appeared in print on ..."), a comment system's notice
    r"|^\W*a version of this (?:article|story|review|column|essay|op-ed) appear"
    r"|\byour comment (?:is|has been) (?:now )?(?:in the moderation queue|awaiting moderation|held for moderation)"
    r"|\bcomments? (?:is|are) (?:awaiting|held for|subject to) moderation"
    # donation appeals ("Support independent journalism from the region. Become a patron ...")
    r"|^\W*(?:please )?(?:support|fund) (?:independent|our|quality|local|fearless|reader-funded|non-?profit) (?:\w+ )?journalism\b"
    r"|\bplease consider (?:supporting (?:us|our|this|the|independent)|becoming a (?:member|subscriber|patron|supporter)"
    r"|donating|making an? (?:[\w-]+ )?(?:donation|gift|contribution)|a donation)\b"
    # a sponsor's line ("Presented by ...", "Brought to you by", "A message from Example Corp.:")
    r"|^\W*(?:presented by|sponsored by|brought to you by|paid for by|in partnership with)\b.{0,60}$"
    r"|^\W*a message from .{1,50}:\s*$"
    # a site's notice to commenters ("Comment Policy", "We invite you to use our commenting platform ...")
    r"|^\W*comment(?:ing)? (?:policy|guidelines)\b|\bour comment(?:ing)? (?:platform|policy|guidelines)\b"
    # "Comments are moderated.", "NOTE: Please use English. Comments are moderated.", "Please read our community
    # guidelines" (not "... violated its community standards, a spokesman said"), "Комментарии проходят премодерацию"
    r"|^\W*(?:note:\s*)?(?:all |reader )?comments (?:are|will be) (?:pre-?)?(?:moderated|anonymous)\b"
    r"|\. comments (?:are|will be) (?:pre-?)?moderated\b"
    # ... in other languages ("I commenti sono moderati.", "Les commentaires sont modérés.", "Kommentare werden
    # moderiert")
    r"|^\W*(?:i commenti sono moderati|les commentaires sont (?:modérés|soumis à modération)"
    r"|los comentarios (?:son|serán) moderados|kommentare werden (?:vor der veröffentlichung )?moderiert"
    r"|os comentários são moderados)"
    r"|(?:^\W*|\bplease )(?:read|review|follow|observe|respect) (?:our|the) community (?:guidelines|standards|rules)\b"
    r"|(?:комментари|коментар)[а-яёіїєґ]* (?:[а-яёіїєґ'’]+ ){0,3}(?:пре)?модерац"
    # an AI disclosure under a summary ("This summary was generated with the help of AI and reviewed by an editor.")
    r"|\b(?:summary|summaries|synopsis|key points?) (?:was |is |has been |were |are )?(?:generated|created|produced|written)"
    r"\b.{0,40}\b(?:ai|artificial intelligence)\b|\bai-generated (?:summary|summaries|key points)\b"
    r"|\bhow we use (?:ai|artificial intelligence)\b"
    # "If you notice an error, select it and press Ctrl+Enter" (ru / uk sites: "... нажмите Ctrl+Enter")
    r"|\bctrl ?\+ ?enter\b"
    # an article's length as news databases and print sites give it ("Length: 412 words", "245 words")
    r"|^\W*(?:length:\s*)?\d[\d,.]*\s*words\W*$"
    # syndication notices, which name the outlet the text came from ("This article was originally published
    # by ...", "Republished with permission", "Read the original article")
    r"|^\W*this (?:article|story|piece|post|essay|column|commentary|op-ed) (?:was |is |has been )?"
    r"(?:originally |first )?(?:published|appeared|posted) (?:in|on|at|by)\b"
    r"|\brepublished (?:here )?(?:with|by) (?:kind )?permission\b|\bread the original (?:article|story|post)\b"
    # affiliate and sign-up disclosures ("We may earn a commission if you buy ...", "By signing up, you agree to our
    # Terms of Use"), a share row ("Share on Facebook Share on X") and an edition switcher ("Edition: US UK Europe")
    # a feed item's footer ("The post <headline> appeared first on <site>.") and a labelled link ("Link: https://..."); a
    # social post's reactions label
    r"|^\W*all reactions\W*$"
    # a newsletter box's privacy notice, a weather widget ("Weather: 34°F Overcast", "42°"), cookie buttons run together
    # ("Accept all cookiesReject non-essential"), a photo gallery's counter ("Item 1 of 3 ...", "[1/3] ..."), an embedded
    # post's platform links ("Пост в Telegram", "View on Instagram"), a print edition's line ("Газета «...» №224 от ..."),
    # a list of authors as a script prints it ("['Hollis Grant', 'Anya Petrosyan']")
    r"|^\W*privacy notice\s*:|^\W*(?:weather\s*:?\s*)?-?\d{1,3}\s*°\s*[fc]?(?:\s.{0,30})?$|^\W*(?:accept|allow) all cookies[a-z]"
    r"|^\W*item \d{1,2} of \d{1,2}\b|^\W*\[\d{1,2}/\d{1,2}\]|^\W*file\s*[-–—]\s.{10,400}$"  # (a wire photo's caption)
    r"|^\W*(?:a )?note from the (?:author|editor|editors)\s*:?\s*$|^\W*(?:new)?you can now listen to\b"
    r"|^\W*duration\s*:?\s*\d{1,2}:\d{2}\W*$|^\W*eds\s*:\s"  # a video's length; a wire's note to editors ("EDS: ...")
    r"|^\W*(?:пост в|смотреть в|открыть в|view (?:on|in)|see (?:on|in)|watch on|open in) (?:telegram|x|twitter|instagram"
    r"|youtube|facebook|tiktok|threads|bluesky)\W*$|^\W*газета «[^»]{1,60}» №\s?\d+|^\[(?:'[^'\n]{1,60}',?\s*)+\]$"
    # a tag line in other languages ("Aiheet: ...", "Теги: ...", "תגיות:", Italian "Tag:"; an English "Tags:" line is the
    # model's call, as Dragnet's gold counts a few of them as body; "Tag:" opens no Dragnet line)
    r"|^\W*(?:tag|aiheet|žymės|תגיות|тэгі|теги|метки|мітки|etiketler|schlagwörter|schlagworte|étiquettes|etiquetas|टैग्स|टैग"
    r"|برچسب‌ها|برچسب ها|tagi|štítky|oznake|ознаке|tagit|etichete|címkék|ტეგები|ετικέτες|етикети|märksõnad|birkas"
    r"|trefwoorden|taggar|từ khóa|thẻ|témata|témy|თეგები|тагови|tagovi"
    # (stop 37: the label "keywords" in more languages: "Mots-clés : Russie, États-Unis")
    r"|mots-clés|mots clés|palabras clave|parole chiave|słowa kluczowe|klíčová slova|kľúčové slová|ключевые слова"
    r"|ключові слова|anahtar kelimeler|kulcsszavak|cuvinte cheie|λέξεις-κλειδιά|avainsanat|nyckelord|nøkkelord|nøgleord"
    r"|stichwörter|stichworte|palavras-chave|raktažodžiai|atslēgvārdi"
    r"|теми|теме|teme|témák|teemat|temaer|ämnen|onderwerpen|tópicos|temas|temi|temalar|θέματα|tēmas|temos|teemad"
    r"|тегтер|тақырыптар)\s*:"
    # a reading time ("3 min read", "Olvasási idő: 4 perc", "Lesezeit: 4 Min."; 6 of 6 such training lines are
    # boilerplate in Dragnet's gold)
    # (after a date: "Aug 3, 2017 · 7 min read")
    r"|^\W*(?:(?:[a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}\s*[·|•]\s*)?\d{1,3}\s*(?:min|mins|minutes?|perc|minut[a-zěů]*|минут[а-я]*)\.?\s+"
    r"(?:read|de lecture|olvasás|чтения|czytania)"
    r"|(?:(?:estimated )?reading time|read time|lesezeit|temps de lecture|tiempo de lectura|tempo de leitura|tempo di lettura"
    r"|время чтения|час читання|czas czytania|olvasási idő|lukuaika|lugemisaeg|lasīšanas laiks|leestijd|lästid|læsetid"
    r"|lesetid|thời gian đọc|okuma süresi|čas čtení|čas čítania)\s*:?\s*\d{1,3}\s*[^\s\d]{0,10})\W*$"
    # a comment's "in reply to NAME" line (1,063 of 1,070 such training lines are boilerplate in Dragnet's gold)
    r"|" + REPLY_TO_LINE +
    # a media player's controls ("Play", "0:00 / 48:12")
    r"|^\W*(?:play|pause|play (?:episode|video|audio)|\d{1,2}:\d{2}(?::\d{2})?\s*/\s*\d{1,2}:\d{2}(?::\d{2})?)\W*$"
    # a view counter ("Просмотров: 3 418", "Views: 12,400")
    r"|^\W*(?:views|просмотров|просмотры|переглядів|перегляди|baxış sayı|pregleda|pregledi|visninger|dilihat|zobrazení"
    r"|megtekintések?|vizualizări|προβολές|қаралды|görüntülenme|wyświetlenia|visualizzazioni|visualizaciones"
    r"|visualizações|vues)\s*:?\s*\d[\d\s,.]*[kкm]?\W*$"
    r"|^\W*\d[\d,.]*\s?[kmb]?\s+views\b.{0,80}$"  # a video's ("61,208 views  Dec 5, 2026  #Russia")
    r"|^\W*\d[\d\s,.]*(?:[kкm]|тыс\.?|млн\.?)?\s*(?:просмотр[а-я]*|прочитал[аио]?|прочтени[йяе]|переглядів|перегляд[а-яіїє]*"
    r"|visninger|zobrazení|megtekintés"
    r"|vizualizări|προβολές|pregleda|görüntülenme|wyświetle[ńn]|visualizzazioni|visualizaciones|visualizações|vues)\s*$"
    # a photo's caption with its credit at the end ("Delegates arrive in Vienna. Foto: Arhiva AZ / Radu Ene"; 64 of 66 such
    # lines of the training pages are boilerplate in Dragnet's gold), or a caption under another language's label
    # ("Снимка: ...", "ფოტო: ..."; an English "Photo:" line is the model's call: it may open a gallery's link)
    r"|[.!?][\"”’]?\s+(?:" + "|".join(PHOTO_LABELS) + r")s?\s*(?::|/|by\b|©)\s*[^.!?]{1,80}$"
    r"|^\W*(?:" + "|".join(OTHER_PHOTO_LABELS) + r")(?: αρχείου)?\s*[:/]\s*\S.{0,300}$"  # (Greek "file photo")
    r"|^\W*fot\.\s*\S[^.!?\n]{1,80}\s*$"  # (Polish: "Fot. NAME / AGENCY")
    # ... and in other languages than English (where Dragnet's gold calls some such captions body): a credit in brackets
    # ("... (Foto: Dok. AGENCY/NAME)", "(Fotoğraf: ...)"), a label and "NAME / AGENCY" without a colon ("... . Foto NAME /
    # AGENCY"), a label after a bracket ("Rafinerija u Pančevu (ilustracija) Foto: ..."), an archive mark ("... . Arkivbild.")
    r"|\(\s*(?:" + "|".join(OTHER_PHOTO_LABELS) + r")[\s:/.][^()\n]{1,80}\)\s*$"
    r"|[.!?)][\"”’]?\s+(?:" + "|".join(OTHER_PHOTO_LABELS) + r")\s+[^.!?:\n]{1,60}\s/\s[^.!?\n]{1,60}$"
    r"|\)\s+(?:" + "|".join(OTHER_PHOTO_LABELS) + r")\s*[:/]\s*[^.!?\n]{1,80}$"
    r"|[.!?]\s+(?:arkivbild|arkivfoto|archivbild|archivfoto|foto d'archivio|foto de archivo|foto de arquivo)\.?\s*$"
    # a link to another article wherever it stands ("Read more: <headline>", "SEE ALSO: ..."; between paragraphs the
    # network does not even read it: `cues.interstitial_lines`)
    r"|" + RELATED_LINK_INLINE_RE.pattern + r".{0,150}$"  # (a headline's length: "RELATED: <a paragraph>" is text)
    # a paged article's links to its other pages ("Continued on page 3: What the Pentagon fears most", "Next page >")
    r"|^\W*(?:continued (?:on|from) (?:page \d+|next page|the next page)|continue to (?:page \d+|the next page|next page)"
    r"|next page|previous page)\b.{0,60}$"
    r"|^\W*the post .{1,250}\bappeared first on\b|^\W*(?:link|source|url|permalink|feed|original)\s*:\s*https?://\S+\s*$"
    r"|\bmay (?:earn|receive|get|make) (?:an? )?(?:small )?(?:share of (?:sales|revenue)|(?:affiliate )?commissions?)\b"
    r"|\bby (?:signing up|subscribing|registering|clicking|submitting|entering|posting|commenting)\b.{0,60}\byou (?:agree|consent"
    r"|acknowledge|accept)"
    # ...and a comment form's ("Оставляя комментарий, вы соглашаетесь с правилами сайта")
    r"|^\W*(?:оставляя|отправляя|публикуя) (?:комментари|сообщени)\S*,? вы (?:соглашаетесь|принимаете)"
    r"|^\W*(?:залишаючи|надсилаючи|публікуючи) (?:коментар|повідомлення)\S*,? ви (?:погоджуєтеся|погоджуєтесь|приймаєте)"
    r"|^\W*(?:share (?:on|via|to|by) (?:facebook|x|twitter|linkedin|whatsapp|e-?mail|reddit|telegram|bluesky|threads"
    r"|flipboard|pinterest)\W*){2,}(?:(?:print|save|copy link|e-?mail)\W*)*$|^\W*(?:edition|change edition|select (?:your )?(?:edition|region|language))\b\s*:?.{0,40}$"
    # privacy links of a page's footer ("Do Not Sell or Share My Personal Information", "Cookie Settings")
    r"|^\W*(?:do not sell(?: or share)? my (?:personal )?(?:info|information|data)|your privacy choices"
    r"|cookie (?:settings|preferences|policy))\b.{0,30}$"
    # "Please enable JavaScript ...", "JavaScript is required ...", "Without JavaScript enabled, ..."; not
    # "JavaScript-free" (RE2 has no lookahead, hence the explicit next character)
    r"|\b(?:enable|turn on|activate|switch on|allow|requires?|needs?) javascript(?:[^\w-]|$)"
    r"|\bjavascript (?:is |must be )?(?:required|disabled|not enabled|turned off|switched off)\b"
    r"|\bwith(?:out)? javascript enabled\b|^\W*share or comment on this (?:story|article|post|page)\W*$"
    # script code that a naive text extraction kept ("(adsbygoogle = window.adsbygoogle || []).push({});",
    # "googletag.cmd.push(function() { ... });")
    r"|\bfunction\s*\([^)]*\)\s*\{|\}\s*\)\s*;|\bvar \w+\s*=|\bwindow\.\w+\s*=|\bdocument\.(?:write|getelementbyid)\s*\("
    r"|\bgoogletag\.|\badsbygoogle\b|\.push\(\s*[\[{(]|\bdatalayer\b"
    r"|^page \d+ ?(?:of|/) ?\d+\W*$"  # a running footer of a converted PDF or a paged article
    r"|^\W*\d{1,4}[.)]? +(?:(?:https?|ftp|file)://|mailto:|www\.)\S*\s*$"  # a numbered link list ("References" of lynx)
    # prompts inside the article (cues.INLINE_PROMPT), and "You can share this story on social media:"
    r"|" + INLINE_PROMPT + r"|^.{0,40}\bshare this (?:story|article|post|page)(?:\s*$|[^\w'’].{0,40}\s*$)"
    r"|" + SHARE_LINK + r"|" + DATE_LINE + r"|" + AUTHOR_LINE + r"|" + FOLLOW_US_LINE +
    # Russian and Ukrainian share and subscribe prompts and reprint notices ("При использовании материалов
    # ссылка ... обязательна"); no \b: RE2's is ASCII-only, see FURNITURE_CANDIDATE_RE2
    r"|^(?:поделиться|подписывайтесь на|подпишитесь на|поділитися|підписуйтесь на|підпишіться на)"
    r"|^при (?:использовании|цитировании|перепечатке|копировании|використанні|цитуванні|передруку)"
    r"(?: (?:і|и|та|или|або) (?:использовании|цитировании|перепечатке|копировании|використанні|цитуванні|передруку))?"
    r" (?:любых |всех |будь-яких |усіх |всіх )?(?:материалов|матеріалів)"
    # a prompt to read the outlet on a messenger ("Читайте «NAME» у Telegram та Viber: лише перевірені новини")
    r"|^\W*(?:читайте|слідкуйте за|стежте за|следите за)\s.{0,60}\s(?:в|у|на)\s(?:telegram|viber|whatsapp|телеграм).{0,100}$"
    r"|^(?:when|if) (?:using|quoting|reprinting|copying|citing) (?:the |our |its |these )?materials\b"
    # an editor's note on an interview ("This interview has been edited for length and clarity.")
    r"|^\W*(?:this|the following) (?:interview|conversation|transcript|q&a|exchange) has been (?:lightly )?"
    r"(?:edited|condensed)\b"
    r"|^\W*this transcript (?:was|has been|is) (?:automatically |machine[- ])?(?:produced|generated|created|edited)\b"
    r"|^\W*(?:das|dieses) transkript wurde (?:automatisch |maschinell )?(?:erstellt|erzeugt|generiert)"
    # a byline of another language: a preposition and two to four capitalised words, perhaps a place ("Von Jens Albrecht,
    # Bukarest", "Par Claire Dubois", "Door Pieter de Vries"; an English "By NAME" is the model's call)
    r"|^(?:von|par|por|door|av|af|od)\s+(?-i:[A-ZÀ-ÞА-ЯЁ])[^\s,.!?:;]*(?:\s+(?:(?:van|de|der|den|von|da|dos|del|la|le) )?"
    r"(?-i:[A-ZÀ-ÞА-ЯЁ])[^\s,.!?:;]*){1,3}(?:\s*,\s*(?-i:[A-ZÀ-ÞА-ЯЁ])[^\s,.!?:;]*(?:\s+[^\s,.!?:;]+)?)?\s*$"
    r"|^\W*listen (?:on|now|here)\W*$"
    # a page's text-size buttons ("Text Size", "Font size: A A A"; all 24 such training lines are boilerplate in Dragnet's
    # gold), an old article's label ("This article is more than 1 month old"), an embedded Telegram post's view count
    # ("👁 48,2K · 13 июн в 12:51"), the links lynx prints for a page's <link> elements ("#[1]Site [2]Comments feed"), a
    # LiveJournal post's header ("vostrov_m (vostrov_m) пишет,")
    r"|^\W*(?:font|text|type)[ -]?size\s*:?(?:\s*(?:[a-z][+-]?|[+-]|small|medium|large|larger|smaller|reset|normal|\|))*\s*$"
    r"|^\W*this (?:article|story|piece) is (?:more|over) than (?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)"
    r" (?:days?|weeks?|months?|years?) old\W*$"
    r"|^\W*👁\S*\s*\d[\d\s,.]*[kкmм]?(?:\s*[·•|]\s*[^\n]{1,40})?\s*$|^#\[\d+\]\S[^\n]{0,300}$"
    r"|^\W*(?:\[info\])?[\w.-]{2,40} \([\w.-]{2,40}\) (?:пишет|пише|wrote|writes)\s*,?\s*$"
    # a row of share buttons ("Share on Facebook Tweet +1 Email Print", "Email this story | Print | Digg | del.icio.us"; all 46
    # such training lines are boilerplate in Dragnet's gold)
    r"|^\W*(?:(?:share(?: on| via| this(?: story| article)?)?|tweet|\+1|e-?mail(?: this(?: story| article)?)?|print(?: this)?|facebook"
    r"|twitter|linkedin|pinterest|reddit|whatsapp|pin it|save|copy link|google\+?|digg(?: this)?|stumbleupon"
    r"|del\.icio\.us)(?:\W+|$)){3,}$"
    r"|" + PAYWALL_PROMPT +
    # the banner of US government sites, press-release and transcript markers
    r"|^an official website of the (?:united states|u\.s\.) government\b|^here'?s how you know\W*$"
    r"|^\W*for immediate release\W*$|^this is a rush transcript\b"
    # "... не отражают позицию редакции", "... не відображають позицію редакції" (Cyrillic letters spelled out, as
    # RE2's \w is ASCII-only)
    r"|не (?:отража|відобража)[а-яёіїєґ]* (?:позиц[иі]|точк[а-яёіїєґ]* зрения|мнени|думк)[а-яёіїєґ]* редакц"
    # "Мнение автора может не совпадать с позицией редакции", "... may not coincide with the position of the editors"
    r"|мо(?:жет|же) не (?:совпада|збіга|співпада)[а-яёіїєґ]* (?:с|з|із) (?:позиц|мнени|точк|думк)[а-яёіїєґ]*(?: зрения)?"
    r" редакц"
    r"|\bmay not (?:coincide|agree) with the (?:position|views?|opinions?) of the (?:editorial|editors|publication)"
    # "Думки, висловлені в коментарі, належать авторові ...", "Мнения, высказанные в статье, ..." (the English "views
    # expressed ..." is above)
    r"|^\W*(?:думки|погляди|мнения|взгляды|точка зрения),? (?:висловлені|викладені|высказанные|выраженные|изложенные) ",
    re.IGNORECASE,
)


OPENS_AS_DISCLAIMER = re.compile(r"^\W*disclaimer\b", re.IGNORECASE).match
# FURNITURE_RE for RE2 (pyarrow), which runs it over many lines at once. RE2's \b and \W are ASCII
# only, so it finds every match of FURNITURE_RE and a few more (a non-ASCII letter next to a cue
# word); lines with U+0130 / U+0131, which re.IGNORECASE matches to "i" and RE2 does not, are added.
# Its hits are then confirmed with FURNITURE_RE itself. It runs as several passes, the alternatives anchored
# at the line's start (in ANCHORED_PASSES groups) and the others: RE2 takes about a third of the time for the
# passes as for their union, whose automaton grows past RE2's cache (the anchored ones' bounded repeats,
# ".{0,60}", at every position of the line).

_FURNITURE_ALTERNATIVES = top_level_alternatives(FURNITURE_RE.pattern)
_ANCHORED_ALTERNATIVES = [part for part in _FURNITURE_ALTERNATIVES if part.startswith("^")]
# the anchored alternatives outgrew one pass too (0.13 s on the test pages' 81k lines in stop 27): in four passes of
# about 20 each they took 0.07 s, while each pass costs about 0.01 s however small. The passes hold about equal lengths
# of pattern (by count, stop 29's additions had put 7,000 characters in one pass, which took 0.09 s alone). Stop 38, 229
# alternatives: 4 passes 0.84 s (a pass's automaton outgrows RE2's cache), 5 passes 0.155 s, 6 passes 0.142 s, 8 passes
# 0.145 s; six leave room for the pattern to grow
ANCHORED_PASSES = 6


def _balanced_passes(parts: list[str], passes: int) -> list[list[str]]:
    """The parts in order, cut into `passes` groups of about equal total length."""
    share = sum(map(len, parts)) / passes
    groups: list[list[str]] = [[]]
    filled = 0
    for part in parts:
        if groups[-1] and filled + len(part) / 2 > share * len(groups) and len(groups) < passes:
            groups.append([])
        groups[-1].append(part)
        filled += len(part)
    return groups


# the other alternatives (103, 7,300 characters, in stop 39) take 67 ms in one pass, 49 ms in two, 53 ms in three
UNANCHORED_PASSES = 2
FURNITURE_CANDIDATE_RE2 = (
    *("(?i)" + "|".join(group) for group in _balanced_passes(_ANCHORED_ALTERNATIVES, ANCHORED_PASSES)),
    *("(?i)" + "|".join(group) for group in _balanced_passes(
        [part for part in _FURNITURE_ALTERNATIVES if not part.startswith("^")] + ["[\u0130\u0131]"], UNANCHORED_PASSES)),
)
RE2_MIN_LINES = 1000  # compiling the RE2 pattern costs about a millisecond: fewer lines take _is_furniture
# a live blog's entry time: "15:42", "3:42 p.m.", "15:42 GMT"
CLOCK_TIME_RE = re.compile(r"^\W*\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?\W*$", re.IGNORECASE)
LIVE_BLOG_MIN_ENTRIES = 2
# a chronology's entry date without a day ("April 2010", "2014"), and a year in an entry's date (`_dated_entries`)
MONTH_YEAR_RE = re.compile(rf"^\W*(?:(?:{MONTHS})\.?,? )?(?:19|20)\d\d\W*$", re.IGNORECASE)
YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
HAS_CLOCK_TIME = re.compile(r"\d:\d\d").search
SIGNATURE_RULE_RE = re.compile(r"^_{5,}$")  # a forum post's signature under it (`_forum_thread`)
# an author's profile beside a forum post's header, and a quotation's header (`_forum_posts`)
FORUM_PROFILE_RE = re.compile(
    r"^(?:(?:senior|junior|new|banned|registered|super|veteran|active|full|regular)\s+)?(?:member|user|moderator|administrator)$"
    r"|^(?:join date|joined|location|posts|age|gender|reputation|rep power|thanks|thanked \d+ times in \d+ posts?"
    r"|зарегистрирован|сообщения|откуда|зареєстрований|повідомлення|звідки|registriert|beiträge|wohnort|inscrit le"
    r"|messages|localisation|registrado|mensajes|ubicación)\s*:"
    r"|^default(?:\s|$)", re.IGNORECASE)
FORUM_AUTHOR_BLOCK_LINES = 8  # a phpBB 2 post's author block above its header: name, rank, profile fields
# a quotation's header in a post: "Quote:", "Originally Posted by NAME", "NAME wrote:", "Гость писал(а):"
FORUM_QUOTE_HEADER_RE = re.compile(r"^\W*(?:quote\s*:?|originally posted by\s+\S.{0,60}"
                                   r"|\S.{0,40}\s(?:wrote|писал\(а\)|писал|писала|schrieb|a écrit)\s*:)$", re.IGNORECASE)
# a commenter's badge ("Staff pick", "Liked by NAME", "Top fan"): the parser skips it, and it is no comment text
BADGE_RE = re.compile(r"^\W*(?:editor|moderator|admin(?:istrator)?|staff|verified|top (?:fan|commenter|contributor)"
                      r"|(?:times|nyt|reader|readers'|editors'?|staff|top|featured|guardian) picks?|featured|pinned"
                      r"|liked by .{1,60}"
                      r"|level \d{1,2}"  # (a reply's depth, as Reddit's pages print it above the commenter's name)
                      # a commenter's profile line in Facebook's comments plugin ("Works at NAME", "Lives in PLACE")
                      rf"|{PROFILE_LINE})\W*$",
                      re.IGNORECASE)
NO_COMMENT_STARTS = ("tag", "filed under", "topics", "метки", "теги", "тэгі", "мітки", "etiketler", "schlagwört",
                     "étiquettes", "etiquetas", "previous", "next", "older", "newer", "предыдущая", "следующая",
                     "попередній", "наступний", "editor", "moderator", "admin", "staff", "verified", "top ", "times",
                     "nyt", "reader", "featured", "guardian", "pinned", "liked by", "view ", "show ", "load ", "see ",
                     "hide ", "level ", *PROFILE_OPENINGS)  # how they open (a cheap test)
REPLY_TOGGLE_RE = re.compile(r"^\W*(?:view|show|load|see|hide) (?:all |more )?\d{0,5} ?(?:more )?(?:replies|reply)\W*$",
                             re.IGNORECASE)
NOT_WORD_STARTS = " *•·-–—|>+»"
NO_COMMENT_INITIALS = frozenset(NOT_WORD_STARTS + "".join(start[0] + start[0].upper() for start in NO_COMMENT_STARTS))
# a post's tags and links to the blog's previous and next posts, which the model may take for the first comment
# (Dragnet's gold calls such lines boilerplate, but for a few tag lines it counts as body)
POST_NAVIGATION_RE = re.compile(
    r"^\W*(?:(?:tags|tagged(?: with| as)?|filed under|topics|метки|теги|тэгі|мітки|etiketler|schlagwörter|étiquettes"
    r"|etiquetas)\s*:|(?:previous|next|older|newer) (?:entry|post|article|story)\b|(?:предыдущая|следующая) запись\b"
    r"|(?:попередній|наступний) запис\b)", re.IGNORECASE)
DATED_ENTRIES_MIN = 3
TIMESTAMP = r"(?:(?P<hours>\d{1,2}):)?(?P<minutes>\d{1,2}):(?P<seconds>[0-5]\d)"  # a video's "1:02:45", "0:48"
TRANSCRIPT_STAMP_RE = re.compile("^" + TIMESTAMP + "$")
TRANSCRIPT_MIN_STAMPS = 4
CHAPTER_RE = re.compile("^" + TIMESTAMP + r"\s+[-–—]?\s*(?P<title>\S.*)$")
CHAPTER_MAX_WORDS = 12
CHAPTER_GATE_RE = re.compile(r"\n\d{1,2}:[0-5]\d(?:[ \n]|:[0-5]\d[ \n])")  # a line that opens with a timestamp
RECURRING_PROSE_WORDS = 15  # a paragraph this long that the site prints on most of its pages is template
MISSED_PARAGRAPH_WORDS = 15  # a boilerplate line this long, ending a sentence, right above article text...
ARTICLE_PARAGRAPH_WORDS = 12  # ...a body line at least this long, is the article's paragraph
# the name in a byline ("By Erik Solberg", "Posted by Anna Lee"): two to four capitalised words
BYLINE_NAME_RE = re.compile(r"^\W*(?:[Pp]osted |[Ww]ritten )?[Bb][Yy]:?\s+((?:[A-Z][\w.'\u2019-]*\s?){2,4})")
BIO_VERBS = (" is ", " was ", " has ", " writes ", " covers ", " reports ", " served ", " teaches ", " works ",
             # "is" and "writes" of other languages, and a dash ("NAME — correspondent in ...")
             " ist ", " est ", " es ", " é ", " è ", " jest ", " je ", " är ", " er ", " este ", " scrie ", " είναι ",
             " היא ", " הוא ", " є ", " является ", " — ", " – ", " schreibt ", " écrit ", " escribe ", " pisze ")
# the word before the name in a byline of another language, and the particles of a name
BYLINE_PREPOSITIONS = frozenset({"door ", "von ", "par ", "por ", "av ", "af ", "di ", "od ", "de "})
BYLINE_NAME_END_RE = re.compile(r"\s*[,|(·•/]")
NAME_PARTICLES = frozenset({"van", "de", "der", "den", "von", "di", "da", "dos", "del", "la", "le", "ter", "ten", "bin", "ibn"})
BIO_MAX_WORDS = 60
ABOUT_THE_AUTHOR_RE = re.compile(r"^\W*(?:about the authors?|об авторе|об авторах|про автора|про авторів)\W*$", re.IGNORECASE)
# (a cheap test for the heading; a Cyrillic word costs nothing on a page without Cyrillic letters, as Python's substring
# search gives up at once on a needle of wider characters than the text's)
ABOUT_THE_AUTHOR_WORDS = ("author", " автор", " Автор")
ABOUT_THE_AUTHOR_LINES = 3
NOTES_HEADINGS = ("notes", "примечания", "примітки")
NOTES_HEADING_RE = re.compile(r"^\W*(?:(?:foot|end)?notes|" + "|".join(NOTES_HEADINGS[1:]) + r")\W*$", re.IGNORECASE)
# a link preview's domain in a social post ("LAKESHORECOURIER.COM": `_link_cards`)
CARD_DOMAIN_RE = re.compile(r"^(?:WWW\.)?[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,6}$")
LINK_CARD_MAX_WORDS = 40
# a link preview's domain or a page number alone (`_page_apparatus`), found in one scan of a document's lines joined
# with a newline before each ("\n" + "\n".join(lines)): a literal "\n" to start with lets the regex engine skip from
# line to line, several times faster than ^ with re.MULTILINE
CARD_OR_PAGE_LINES_RE = re.compile(r"\n(?:(?P<page>\d{1,3})|" + CARD_DOMAIN_RE.pattern.strip("^$") + r")(?=\n|$)")
# a paginated dump's footnote ("2 Remarks by ...") and its mark in the text ("... defences.2", "sanctions,3 and")
PAGE_NUMBERS_MIN = 2
RUNNING_TITLE_MIN_WORDS = 4
FOOTNOTE_RE = re.compile(r"^(\d{1,2}) [A-Z“\"]")
FOOTNOTE_MARK_RE = re.compile(r"(?<=[a-z.,;:)\"”’])(\d{1,2})(?=\s|$)")
NOTE_RE = re.compile(r"^\W*\[?\d{1,3}[\].)]?\s+\S")
BYLINE_WINDOW = 80  # bylines are looked for in a page's first lines
LISTING_MIN_TEASERS = 3
LISTING_ARTICLE_MIN_WORDS = 50  # beside a list of teasers, fewer body words than this are no article
TEASER_MAX_WORDS = 45
PAYWALL_PROMPT_RE = re.compile(PAYWALL_PROMPT, re.IGNORECASE)
PAYWALL_TEASER_LINES = 4
HANDLE_RE = re.compile(r"^@[A-Za-z0-9_.]{2,30}$")  # a social platform's user handle, alone on its line
# a post's header on one line, as Bluesky prints a reply's: "NAME @handle · AGE"
SOCIAL_HEADER_RE = re.compile(r"^.{1,50}?\s(?P<handle>@[A-Za-z0-9_.]{2,40})\s*·\s*\d{1,3}\s?(?:s|m|min|h|d|w|mo|y)$")
SOCIAL_HEADER_GATE_RE = re.compile(r" @[A-Za-z0-9_.]{2,40} · \d")
FOLLOW_RE = re.compile(r"^\W*(?:follow|following)\W*$", re.IGNORECASE)
REPLYING_TO_RE = re.compile(r"^\W*replying to @", re.IGNORECASE)
SOCIAL_TEXT_MIN_WORDS = 4  # a post's text lines (counters and buttons are shorter)
SOCIAL_MIN_REPLIES = 2
# a comment section the model missed (`_unlabelled_comments`): its reply buttons (`comments.REPLY_WORDS`), for the page's
# cheap test a line that opens with the word as printed, "Reply" or "REPLY" (a line break, then the word: the regex
# engine looks for the line breaks alone, fast), and for the button pattern anywhere in a row (case ignored)
_CAPITALISED_REPLY_WORDS = "REPLY|" + "|".join(word[:1].upper() + word[1:] for word in REPLY_WORDS)
REPLY_LINE_RE = re.compile(rf"\n(?:{_CAPITALISED_REPLY_WORDS})")  # a line that opens with a reply button
# ...or a reply button after a bullet, in a row of buttons ("• Reply•Share ›", "27△ ▽•Reply•Share ›", "Lubię to! ·
# Odpowiedz · 6 godz."), sought only in pages with such bullets
REPLY_IN_ROW_RE = re.compile(rf"[•·]\s?(?:{_CAPITALISED_REPLY_WORDS})")
REPLY_BUTTON_RE = re.compile(r"(?:^|\W)(?:" + "|".join(map(spaced_literal, REPLY_WORDS)) + r")(?:\W|$)",  # (searched)
                             re.IGNORECASE)
UNLABELLED_MIN_COMMENTS = 3
RELATED_HEADLINE_MAX_WORDS = 15  # a linked headline under it
RELATED_LABEL_MAX_CHARS = 40  # a related-links label alone ("Lees ook", "À lire aussi :")
# a list of the site's other stories, by its heading ("Trending in World", "More from Politics", "Top Stories")
STORY_LIST_HEADING_RE = re.compile(
    r"^\W*(?:trending(?: now| stories| news| today| (?:in|on) [\w .&'-]{1,30})?|(?:most )?popular(?: now| stories| today"
    r"| (?:in|on) [\w .&'-]{1,30})?|more (?:from|in) [\w .&'-]{1,30}|more (?:stories|news|headlines|top stories)"
    r"|top (?:stories|headlines|news)|recommended(?: for you| stories)?|you (?:may|might) also like|editors?'? picks"
    r"|latest (?:news|stories|headlines))\W*$", re.IGNORECASE)
BUTTON_ROW_MIN = 3  # a row of buttons recurs under this many comments at least
BUTTON_ROW_SHARE = 0.8  # ...and under this share of a page's dated comments
BUTTON_ROW_MAX_WORDS = 5
BUTTON_ROW_MAX_CHARS = 40
SENTENCE_MARKS = (".", "!", "?", "…")
VOTE_COUNT_RE = re.compile(r"[+\-−±▲▼△▽↑↓]\s*\d")  # "+41", "-12", "▲ 3"
BUTTON_ROW_SIGN_RE = re.compile(r"[|·•/+−▲▼△▽↑↓]")  # a row's separators and votes
BUTTON_ROW_MARK_RE = re.compile(BUTTON_ROW_SIGN_RE.pattern + r"|\d\s*$")  # ...or a count at the end
UNLABELLED_MAX_LINES = 6  # lines of a comment above its buttons, at most
MASKED_IP_RE = re.compile(MASKED_IP + r"\s*$", re.IGNORECASE)  # "IP: 83.27.x.x"
COMMENT_HEADER_MAX_LINES = 3  # an avatar's line, a name, a date (`_comment_header_above`)
HEADED_COMMENT_REACH = 10  # ...for a comment under such a header, a comment this many lines away (rows of buttons are long)
REPEATED_ROW_MAX_WORDS, REPEATED_ROW_MAX_CHARS = 6, 60
# a teaser's link onward, which recurs under each item of a list of dated teasers as a comment's buttons do ("Read More",
# "• Keep Reading →", "Lees meer", "Xem thêm"): no row of buttons
READ_ON_RE = re.compile(r"[→»›>]|\b(?:read|keep reading|continue|more|full story|mehr|weiterlesen|lire|suite|leer|leia|"
                        r"continua|czytaj|читать|подробнее|детальніше|далее|devamı|lees|läs|les mer|læs|lue|loe|citește|"
                        r"tovább|περισσότερα|xem|selengkapnya|baca)\b", re.IGNORECASE)
DIGIT_RUN_RE = re.compile(r"\d+")
GALLERY_COUNTER_RE = re.compile(r"\n[ \t]*\d{1,3} of \d{1,3}[ \t]*(?=\n|$)", re.IGNORECASE)
CREDIT_RE = re.compile(r"^\W*(?:photo(?:graph)?s?|image|picture|credit|source|фото)\s*(?::|/|by\b|©)", re.IGNORECASE)
INLINE_PROMPT_RE = re.compile(INLINE_PROMPT, re.IGNORECASE)
CAPTION_START_RE = re.compile(r"^\W*(?:image|photo|photograph|picture|pictured|caption|video|watch)\s*:", re.IGNORECASE)
OPENING_PAIR = ("boilerplate", "body")  # labels of a missed paragraph and the article line under it
CLOSING_PAIR = ("body", "boilerplate")  # labels of the article's line and a missed paragraph under it
COMMENT_THEN_BOILERPLATE = ("comment", "boilerplate")  # a comment's last line and its buttons
MAX_CLOSING_PARAGRAPHS = 2  # at most this many under one article paragraph (a gallery's captions run on and on)
# what stands under an article's end in paragraph shape: an author's bio ("Jon Bloom (@Bloom_Jon) is President of
# ..."), a blog's post meta ("This entry was posted on ..."), a comment count ("9 Responses to “...”")
NOT_CLOSING_PARAGRAPH_RE = re.compile(
    r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}(?: \(@\w+\))?,? (?:is|was|has been|writes|covers|reports)\b"
    r"|^(?:this (?:entry|post|article) was|posted) (?:posted|published|filed|on|in|by)\b"
    r"|^\d+ (?:responses?|comments?|thoughts?|replies) (?:to|on)\b",
    re.IGNORECASE)
NEWS_FEED_MIN_ITEMS = 3
# a feed's items: headline and stamp (either above), or headline, stamp and a one-sentence summary (`_news_feeds`)
FEED_ITEM_SHAPES = ((2, 1), (2, 0), (3, 1), (3, 0))
FEED_SUMMARY_MAX_WORDS = 40
FEED_SUMMARY_HEADLINE_MIN_WORDS = 5
STANDFIRST_MIN_WORDS, STANDFIRST_MAX_WORDS = 6, 60  # a standfirst under the headline (`_standfirst`)...
STANDFIRST_HEADLINE_MIN_WORDS = 5  # ...under a headline this long, not a site's name...
STANDFIRST_BODY_WITHIN = 6  # ...with article text this many lines under its byline
STAMP_MAX_CHARS = 40
STAMP_WORDS = frozenset(MONTHS.split("|")) | DATE_FILLER_WORDS | {"today", "yesterday"}  # words a stamp may hold
LETTERS_RE = re.compile(r"[^\W\d_]+")


@functools.cache
def _furniture_gate() -> LiteralGate:
    """The literal text some alternative of FURNITURE_RE needs (derived once, on first use: about 0.2 s)."""
    return LiteralGate.of(FURNITURE_RE)


@functools.cache
def _furniture_search() -> AlternativeSearch:
    """FURNITURE_RE.search, alternative by alternative (derived once, on first use)."""
    return AlternativeSearch.of(FURNITURE_RE)


# furniture_flags' answers for the lines it read last (a batch's): the title search and other rules ask again about
# some of them, and the Python regex takes up to a tenth of a millisecond a line
_FURNITURE_ANSWERS: dict[str, bool] = line_memo()


def _is_furniture(line: str) -> bool:
    """FURNITURE_RE.search(line), with a cheap test for the literal text it needs first (most lines fail it)."""
    known = _FURNITURE_ANSWERS.get(line)
    if known is not None:
        return known
    return _furniture_gate().may_match(line) and _furniture_search().matches(line)


def furniture_flags(lines: list[str], text: pa.Array | None = None) -> list[bool]:
    """Whether FURNITURE_RE.search matches each line: RE2 passes (FURNITURE_CANDIDATE_RE2), then the Python
    regex (`_furniture_search`) on their hits only (worth it from RE2_MIN_LINES lines on); `text`: the lines as a
    pyarrow array, when the caller has it."""
    flags = [False] * len(lines)
    text = pa.array(lines, pa.string()) if text is None else text
    candidates = functools.reduce(pc.or_, (pc.match_substring_regex(text, pattern) for pattern in FURNITURE_CANDIDATE_RE2))
    for index in np.flatnonzero(candidates.to_numpy(zero_copy_only=False)).tolist():
        flags[index] = _furniture_search().matches(lines[index])
    _FURNITURE_ANSWERS.clear()
    _FURNITURE_ANSWERS.update(zip(lines, flags))
    return flags


def _headline_like(line: str) -> bool:
    """A related-article link: a few mostly capitalised words, no closing punctuation."""
    words = line.split()
    if not 3 <= len(words) <= 20 or line[-1:] in ".!?:;,…\"'”’":
        return False
    capitalised = sum(word.lstrip("([\"'“‘")[:1].isupper() or word[:1].isdigit() for word in words)
    return capitalised >= 0.6 * len(words)


def _links_after_last_comment(lines: list[str], labels: list[str], metas: MetaMemo) -> range:
    """The run of >= 2 headline-like lines labelled comment that ends the document (trailing
    boilerplate aside) right after a comment's text: related-article links, not a comment."""
    end = len(lines)
    while end and labels[end - 1] == "boilerplate":
        end -= 1
    start = end
    while start and labels[start - 1] == "comment" and _headline_like(lines[start - 1]) and metas[lines[start - 1]] is None:
        start -= 1
    if end - start >= 2 and start and labels[start - 1] == "comment" and metas[lines[start - 1]] is None:
        return range(start, end)
    return range(0)


def apply_rules(lines: list[str], labels: list[str], metas: MetaMemo | None = None,
                furniture: list[bool] | None = None, recurring: np.ndarray | None = None,
                feed_seeds: list[int] | None = None) -> list[str]:
    """Corrections of the model's labels, for conventions the Dragnet labels do not teach it:

    * site furniture with unmistakable wording (disclaimers, "views and opinions expressed", a line
      opening "The opinions expressed in/here ...", share prompts, "can be reached at" author bios,
      copyright lines, "Did you like this article?" / "Rate this post" prompts, cookie notices, "Subscribe
      now" / "Subscribe for free" prompts, "Please enable JavaScript" notices) is boilerplate, never
      body or comment: lines under 600 characters, and a line opening with "Disclaimer" at any length;
    * a sentence-ending line of MISSED_PARAGRAPH_WORDS+ words right above an article paragraph, above
      any comment, is body (`_missed_paragraphs`), unless it is furniture or the site's template;
    * so is a paragraph right under one, or under an ad marker under one (`_missed_closing_paragraphs`);
    * list items labelled boilerplate between an article line ending in ":" and the article's next line are
      body (`_listed_items`);
    * a news feed, three or more headlines each beside its time or date line, is boilerplate, never body or
      comment (`_news_feeds`);
    * a short line under the article that opens with the byline's name and "is", "was", "writes", ... is the
      author's bio (`_author_bios`), boilerplate, and so are the lines right under an "About the author" heading;
    * numbered notes under a "Notes" / "Footnotes" / "Endnotes" heading are boilerplate (`_notes`);
    * a paragraph (>= RECURRING_PROSE_WORDS words) that the site prints on most of its other pages
      (`recurring`: `sites.recurring_lines`, when the document came with its site's other pages) is
      the site's template (a donation appeal, a disclaimer, a notice to commenters), not this article;
    * a commenter's name or date line (often printed twice: link + avatar text) directly above a
      comment line belongs to the comment, so that parse_comments sees the author and date; after
      a comment, such a line and the text right under it are comments even if the model says body,
      and a date line right under a comment line with text under it (`_comment_continued`) even if
      the model says boilerplate;
    * in a list of comments separated by "Reply"/"Like" buttons, a text between two buttons (or
      between a comment and a button) is a comment too;
    * so are the lines of text right under a comment's header when the model read the header only
      (`_missed_comment_texts`: a thread's last comment, above its buttons and the page's footer);
    * two or more headline-like lines that end the page right after the last comment's text are
      related-article links (boilerplate), not part of that comment;
    * a comment widget's buttons ("Reply", "Like · Reply · 2d") are boilerplate (the comment parser still
      reads them: `_comment_rows`).

    `metas`: the meta lines found so far (filled here; `finish` hands it on to parse_comments);
    `furniture`: `furniture_flags(lines)`, and `feed_seeds`: `feed_seed_rows` of the document, when the caller has
    them.
    """
    labels = list(labels)
    metas = MetaMemo() if metas is None else metas
    if furniture is None and len(lines) >= RE2_MIN_LINES:
        furniture = furniture_flags(lines)
    # with flags, only the flagged lines; without, each line the rule could relabel is tested
    candidates = range(len(lines)) if furniture is None else [index for index, flag in enumerate(furniture) if flag]
    for index in range(min(len(lines), SKIP_LINK_WITHIN)):  # ("Перейти к содержанию": 170 of 170 such Dragnet lines)
        if labels[index] != "boilerplate" and len(lines[index]) <= 60 and is_skip_link(lines[index]):
            labels[index] = "boilerplate"
    for index in candidates:
        line = lines[index]
        # a long paragraph may quote such wording; one that opens with "Disclaimer:" is one at any length
        if labels[index] != "boilerplate" and (len(line) < 600 or OPENS_AS_DISCLAIMER(line)) \
                and (furniture is not None or _is_furniture(line)):
            labels[index] = "boilerplate"
    for index in metadata_header(lines).lines:
        labels[index] = "boilerplate"
    for index, label in enumerate(labels):  # a thread's counter over its first comment ("Showing 1-6 of 6 comments")
        if label == "comment" and (not index or labels[index - 1] != "comment") and len(lines[index]) <= 120 \
                and HAS_DIGIT(lines[index]) and is_counter(lines[index]):  # (not "Best," under a comment: a sort control)
            labels[index] = "boilerplate"
    joined = "\n".join(lines)  # for the cheap tests of rules that most pages give nothing
    paged = carded = False  # (see CARD_OR_PAGE_LINES_RE)
    for match in CARD_OR_PAGE_LINES_RE.finditer("\n" + joined):
        paged, carded = paged or match.group("page") is not None, carded or match.group("page") is None
        if paged and carded:
            break
    prompts = [index for index in candidates if len(lines[index]) <= 80 and PAYWALL_PROMPT_RE.match(lines[index])] \
        if furniture is not None or "ubscri" in joined or "eading" in joined else []
    if carded:  # (few pages hold a domain in capitals)
        for index in _link_cards(lines, labels):
            labels[index] = "boilerplate"
    for index in _missed_paragraphs(lines, labels, furniture) + _teaser_above_paywall(lines, labels, prompts) \
            + (_dated_entries(lines, labels, metas) if "comment" in labels else []):
        labels[index] = "body"
    for index in _missed_closing_paragraphs(lines, labels, furniture) + _subheadings(lines, labels, furniture):
        labels[index] = "body"
    if ":" in joined and CHAPTER_GATE_RE.search(joined) is not None:  # (a line that opens with a timestamp)
        if "comment" in labels and ("\n0:0" in joined or "\n00:0" in joined):  # (a transcript starts at 0:00)
            for index, label in _transcript(lines, labels):
                labels[index] = label
        for index in _chapters(lines):
            labels[index] = "boilerplate"
    body_text = "\n".join(itertools.compress(lines, map("body".__eq__, labels)))  # (the cheap tests of two rules)
    for index in _author_bios(lines, labels, joined) + _notes(lines, labels, joined) + _gallery_captions(lines, joined) \
            + (_page_apparatus(lines, labels) if paged else []) \
            + _story_listing(lines, labels, joined) + _appeal_boxes(lines, labels) + _author_roles(lines, labels) \
            + _trails_in_body(lines, labels) \
            + _status_notices(lines, labels, body_text) + _money_appeals(lines, labels, body_text):
        labels[index] = "boilerplate"
    for index in _listed_items(lines, labels):
        labels[index] = "body"
    for index in _news_feeds(lines, labels, feed_seeds):
        labels[index] = "boilerplate"
    if recurring is not None:
        for index in np.flatnonzero(recurring).tolist():
            if labels[index] == "body" and len(WORD_RE.findall(lines[index])) >= RECURRING_PROSE_WORDS:
                labels[index] = "boilerplate"
    if joined.count("\n@") > SOCIAL_MIN_REPLIES or (
            joined.count(" @") > SOCIAL_MIN_REPLIES and len(SOCIAL_HEADER_GATE_RE.findall(joined)) > SOCIAL_MIN_REPLIES):
        # a social platform's post and its replies, each with its @handle
        for index, label in _social_thread(lines):
            labels[index] = label
    if " » " in joined:
        for index, label in _forum_thread(lines, labels):
            labels[index] = label
    if " is offline" in joined or " is online" in joined or any(map(joined.__contains__, FORUM_SUBJECT_WORDS)):
        for index, label in _forum_posts(lines, labels):
            labels[index] = label
    if labels.count("comment") < UNLABELLED_MIN_COMMENTS:  # (none, or a stray line of one: "45 minutes ago")
        replies = itertools.chain(REPLY_LINE_RE.finditer(joined), REPLY_IN_ROW_RE.finditer(joined)
                                  if "•" in joined or "·" in joined else ())
        known = len(list(itertools.islice(replies, UNLABELLED_MIN_COMMENTS))) == UNLABELLED_MIN_COMMENTS
        found = _unlabelled_comments(lines, labels, metas) if known else []
        if not found:  # rows of buttons in words the parser does not know: the kind of row that opens most comments
            for rows in _repeated_rows(lines, labels, metas):
                found = max(found, _unlabelled_comments(lines, labels, metas, rows), key=len)
        for index in found:
            labels[index] = "comment"
    if "comment" not in labels:
        return labels  # every rule below relabels lines next to a comment
    shapes = _thread_row_shapes(lines, labels)
    for index in _missed_first_comments(lines, labels, metas, shapes) \
            + _missed_middle_comments(lines, labels, metas, shapes) + _missed_says_comments(lines, labels, metas) \
            + _missed_comment_texts(lines, labels, metas):
        labels[index] = "comment"
    last_content = None  # label of the closest line above that is not boilerplate
    for index, line in enumerate(lines):
        # (a body line here is no furniture: the first rule made every short furniture line boilerplate)
        if labels[index] == "body" and last_content == "comment" and len(line) <= 80 and metas[line] is not None:
            labels[index] = "comment"  # a commenter's name/date line that the model took for body
        elif labels[index] == "body" and last_content == "comment" and index and labels[index - 1] == "comment" \
                and len(lines[index - 1]) <= 80 and metas[lines[index - 1]] is not None:
            labels[index] = "comment"  # the text right under such a line
        if labels[index] != "boilerplate":
            last_content = labels[index]
    for index in range(len(lines) - 1, -1, -1):
        if labels[index] != "boilerplate" or index + 1 >= len(lines):
            continue
        below = index + 1
        if labels[below] == "boilerplate" and index + 2 < len(lines) and labels[index + 2] == "comment" \
                and ((REPLY_TO_LINE_RE.match(lines[below]) and not is_button(lines[below]))
                     or _under_name_stat(lines[below])):
            # past a reply's "In reply to NAME" line (furniture; not the button "Reply to this comment") or the
            # commenter's masked address or count of posts under the name ("IP: 83.27.x.x", "2.871 Postings")
            below += 1
        if labels[below] != "comment":
            continue
        line = lines[index]
        # a bullet or bar between a commenter's name and date ("Harold Beck", "•", "5 months ago") joins them; a
        # name-like line of furniture ("Community Guidelines", "Best rated") above the first comment does not
        if len(line) <= 80 and not is_counter(line) and not is_button(line) \
                and (_separator(line) or metas[line] is not None or _handle_over_date(lines, metas, index)) \
                and not (furniture[index] if furniture is not None else _is_furniture(line)):
            labels[index] = "comment"
    index = 1
    while index < len(lines):
        end = _comment_continued(lines, labels, metas, index)
        for continued in range(index, end):
            labels[continued] = "comment"
        index = max(end, index + 1)

    @functools.cache
    def button_at(index: int) -> bool:
        return is_button(lines[index])

    # how far the nearest comment line lies, above (as labelled so far: the loop labels lines at or above the one it
    # reads) and below (as labelled before the loop), without slicing the labels around every line
    below = [len(lines) + HEADED_COMMENT_REACH] * (len(lines) + 1)
    for index in range(len(lines) - 1, -1, -1):
        below[index] = index if labels[index] == "comment" else below[index + 1]
    above = -HEADED_COMMENT_REACH - 1
    for index, line in enumerate(lines):
        if labels[index] == "comment":
            above = index
        if labels[index] != "boilerplate" or index + 1 >= len(lines):
            continue
        nearest = min(index - above, below[index + 1] - index)
        if nearest > HEADED_COMMENT_REACH or not button_at(index + 1) or button_at(index):
            continue
        before_ok = nearest <= 4 and (index == 0 or button_at(index - 1) or labels[index - 1] == "comment"
                                      or is_counter(lines[index - 1]))
        header = [] if before_ok else _comment_header_above(lines, labels, metas, index, button_at)
        if (before_ok or header) and len(line.split()) >= 2 and not is_counter(line) \
                and not all(word in SHARE_PLATFORMS for word in line.casefold().split()):  # "twitter facebook"
            for comment_line in (*header, index):
                labels[comment_line] = "comment"
            above = index
    for index in _links_after_last_comment(lines, labels, metas):
        labels[index] = "boilerplate"
    if _reads_as_live_blog(lines, labels, metas):
        return ["body" if label == "comment" else label for label in labels]
    for index in _bare_related_labels(lines, labels):
        labels[index] = "boilerplate"
    rows = _recurring_button_rows(lines, labels, metas)
    for index, label in enumerate(labels):
        if label == "comment" and (is_button(lines[index]) or _no_comment_text(lines[index])
                                   or MORE_COMMENTS_RE.match(lines[index]) or _row_shape(lines[index]) in rows):
            labels[index] = "boilerplate"  # "Reply", "Like · Reply · 2d": buttons, as Dragnet's gold has them
    return labels


TRAIL_MAX_CHARS = 120


def _trails_in_body(lines: list[str], labels: list[str]) -> list[int]:
    """A breadcrumb trail labelled body (`_trail`: "[16]Головна » [17]Новини » [18]Політика", "Главная / В мире /
    Политика"), with no sentence's end: boilerplate."""
    return [index for index, label in enumerate(labels)
            if label == "body" and len(lines[index]) <= TRAIL_MAX_CHARS and not lines[index].endswith(SENTENCE_MARKS)
            and any(map(lines[index].__contains__, TRAIL_MARKS)) and _trail(lines[index])]


def _trail(line: str) -> bool:
    """No digit but a text browser's link numbers (a date line's parts are no trail: "Monday, 11.05.2012 / 9:44 PM /
    News"), and three or more crumbs that `_menu_like` reads as a trail, or two short ones from the site's home or news
    section ("[13]Главная » [14]Политика", "Новости / Экономика и бизнес")."""
    text = LINK_MARKER_RE.sub("", line)
    if HAS_DIGIT(text):
        return False
    if sum(map(line.count, TRAIL_MARKS)) >= 2:
        return _menu_like(line)
    crumbs = [crumb.strip() for crumb in TRAIL_SPLIT_RE.split(text)]
    return len(crumbs) == 2 and crumbs[0].casefold() in TRAIL_ROOTS and len(crumbs[1].split()) <= 4


def _bare_related_labels(lines: list[str], labels: list[str]) -> list[int]:
    """A related-links label alone labelled body ("Lees ook", "Skaitykite taip pat:"), or a story list's heading
    ("Trending in World") labelled either way, and the headlines labelled body under it (no sentence's end, at most
    RELATED_HEADLINE_MAX_WORDS words), when no body line follows them: boilerplate. (Where the article goes on under
    them, Dragnet's gold keeps them in it: "Related articles:" over a list it owns.)"""
    found: list[int] = []
    for index, label in enumerate(labels):
        if label == "comment" or len(lines[index]) > RELATED_LABEL_MAX_CHARS:
            continue
        if not (label == "body" and RELATED_LINK_LABEL_RE.match(lines[index])) \
                and not (index + 1 < len(labels) and labels[index + 1] == "body" and STORY_LIST_HEADING_RE.match(lines[index])):
            continue
        end = index + 1
        while end < len(labels) and labels[end] == "body" and len(lines[end].split()) <= RELATED_HEADLINE_MAX_WORDS \
                and not lines[end].endswith((".", "!", "?", ":")):
            end += 1
        if end == len(labels) or labels[end] != "body":
            found.extend(range(index, end))
    return found


def _row_shape(line: str) -> str:
    """A line with its case and digits ignored ("Votos: +12 / -7" -> "votos: +0 / -0")."""
    return DIGIT_RUN_RE.sub("0", line.casefold())


def _row_marked(line: str) -> bool:
    """A row's separator or sign ("Reply | Quote +7", "+", "▲ 3"), or a count at the end of words ("Votos: +12 / -7");
    not a number alone (a comment's number in its list)."""
    if any(map(str.isalpha, line)):
        return BUTTON_ROW_MARK_RE.search(line) is not None
    return BUTTON_ROW_SIGN_RE.search(line) is not None


def _recurring_button_rows(lines: list[str], labels: list[str], metas: MetaMemo) -> frozenset[str]:
    """Shapes (`_row_shape`) of the short comment lines that recur under nearly every comment: a row of buttons in
    words no list holds ("Відповісти | Цитувати +7", "Votos: +12 / -7", "+"). Each comment is counted by its date line
    (at least BUTTON_ROW_MIN of them); a shape counts when it recurs at least BUTTON_ROW_MIN times and under at least
    BUTTON_ROW_SHARE of the comments, is at most BUTTON_ROW_MAX_WORDS words, ends in no sentence mark, reads as no
    name or date line, and shows a row's separator, sign or count (`_row_marked`): on the training pages a
    commenter's name ("willowbrook", "Jacob said,") recurs under most comments of a thread often enough."""
    comment_rows = [index for index, label in enumerate(labels) if label == "comment"]
    if len(comment_rows) < 3 * BUTTON_ROW_MIN:
        return frozenset()
    dated, counts = 0, collections.Counter()
    for index in comment_rows:
        line = lines[index]
        meta = metas[line]
        if meta is not None and meta.date:
            dated += 1
        elif meta is None and len(line) <= BUTTON_ROW_MAX_CHARS and len(line.split()) <= BUTTON_ROW_MAX_WORDS \
                and not line.endswith(SENTENCE_MARKS) and _row_marked(line):
            counts[_row_shape(line)] += 1
    return frozenset(shape for shape, count in counts.items()
                     if count >= BUTTON_ROW_MIN and dated >= BUTTON_ROW_MIN and count >= BUTTON_ROW_SHARE * dated)


class _Post(NamedTuple):
    """A post on a social platform's page: its header's and its text's line indices, its "@handle", whether it says
    "Replying to @..." and whether it shows an age ("2h")."""
    header: list[int]
    text: list[int]
    handle: str
    replying: bool
    aged: bool


def _forum_thread(lines: list[str], labels: list[str]) -> list[tuple[int, str]]:
    """New labels for a forum thread's page (phpBB: each post under "Post by NAME » DATE"), two or more posts and no
    article paragraph above the first: the opening post's text is body (its header boilerplate), as a social post's is
    (`_social_thread`), and the later posts are the comments; a signature (the lines under a rule of underscores, to
    the post's end) is boilerplate."""
    headers = [index for index, line in enumerate(lines) if " » " in line and FORUM_POST_RE.match(line)
               and MetaMemo()[line] is not None]
    if len(headers) < 2 or any(labels[index] == "body" and len(WORD_RE.findall(lines[index])) >= ARTICLE_PARAGRAPH_WORDS
                               for index in range(headers[0])):
        return []
    new: list[tuple[int, str]] = [(headers[0], "boilerplate")]
    for number, (start, end) in enumerate(zip(headers, [*headers[1:], len(lines)])):
        rule = next((index for index in range(start + 1, end) if SIGNATURE_RULE_RE.match(lines[index])), None)
        if rule is not None:
            new += [(index, "boilerplate") for index in range(rule, end) if labels[index] != "boilerplate"]
        new += [(index, "boilerplate") for index in _profile_under_post(lines, start, end)]
        if number and REPLY_SUBJECT_RE.match(lines[start - 1]):  # the post's subject over its header ("Re: <topic>")
            new.append((start - 1, "boilerplate"))
        if number == 0:  # the opening post's text, down to its signature or its buttons
            for index in range(start + 1, end if rule is None else rule):
                if labels[index] == "boilerplate" or is_button(lines[index]):
                    break
                new.append((index, "body"))
    return new


REPLY_SUBJECT_RE = re.compile(r"^(?:re|aw|sv|vs|odp|отв|ответ|відп)\s*(?:\[\d+\])?\s*:\s*\S", re.IGNORECASE)


def _profile_under_post(lines: list[str], start: int, end: int) -> list[int]:
    """The author's block under a phpBB 3 post's text, as a copy of the page prints it: the name and a rank over the
    profile's fields ("Posts: 3412", "Joined: ...", "Location: ..."), then the "Top" link; none without such fields."""
    fields = [index for index in range(start + 1, end) if FORUM_PROFILE_RE.match(lines[index])]
    if not fields:
        return []
    top = fields[0]
    while top - 1 > start and fields[0] - (top - 1) <= 2 and len(lines[top - 1]) <= 40 \
            and len(lines[top - 1].split()) <= 3 and not lines[top - 1].endswith((".", "!", "?", ":")):
        top -= 1  # (the name and the rank: "kbernhardt", "Moderator")
    bottom = fields[-1] + 1
    if bottom < end and lines[bottom].casefold() in ("top", "back to top", "наверх", "nach oben", "haut"):
        bottom += 1
    return list(range(top, bottom))


def _forum_posts(lines: list[str], labels: list[str]) -> list[tuple[int, str]]:
    """New labels for the posts of a forum thread's page in the layouts of vBulletin (each post under "Old 12-19-2012,
    09:10 PM #2", `comments.FORUM_NUMBERED_POST_RE`, then the author's "NAME is offline" line and profile) and phpBB 2
    (the author's name and profile, then "Posted: DATE  Post subject: ...", `comments.FORUM_SUBJECT_POST_RE`): with two
    or more posts and no article paragraph above the first, as in `_forum_thread`, the opening post's text is body and
    the later posts are the comments (the author's name, the header and the text). The author's profile ("Senior
    Member", "Join Date: Feb 2007", "Posts: 3,118", the post icon's "Default"), a quotation's header ("Quote:",
    "Originally Posted by NAME", "NAME wrote:") and a signature (under a rule of underscores) are boilerplate; a post
    ends at its buttons ("Reply With Quote", "Back to top")."""
    headers = [(index, kind) for index, line in enumerate(lines) for kind in (_forum_post_header(line),) if kind]
    if len(headers) < 2 or any(labels[index] == "body" and len(WORD_RE.findall(lines[index])) >= ARTICLE_PARAGRAPH_WORDS
                               for index in range(headers[0][0])):  # (an author's block holds no paragraph)
        return []
    new: list[tuple[int, str]] = []
    for number, ((start, kind), (end, _)) in enumerate(zip(headers, [*headers[1:], (len(lines), None)])):
        text_label, meta_label = ("body", "boilerplate") if number == 0 else ("comment", "comment")
        new.append((start, meta_label))
        if kind == "above":  # phpBB 2: the author's name, a rank and the profile's fields above the header
            top = start - 1
            while top > 0 and start - top < FORUM_AUTHOR_BLOCK_LINES and FORUM_PROFILE_RE.match(lines[top]):
                top -= 1
            above = lines[top - 1] if top else ""
            if top < start - 1 and len(above) <= 40 and len(above.split()) <= 3 and not is_button(above) \
                    and not above.endswith((".", "!", "?", ":")):
                top -= 1  # (the rank under the name: "Ветеран", "Junior Member")
            # (text running on to the next post's author block is relabelled with that post, later in `new`)
            new += [(top, meta_label)] + [(index, "boilerplate") for index in range(top + 1, start)]
        in_header = kind == "below"
        signed = False
        for index in range(start + 1, end):
            line = _without_link_markers(lines[index])
            if is_button(line) and not FORUM_QUOTE_HEADER_RE.match(line):  # ("Quote:" is a button's word too)
                break
            if in_header and FORUM_STATUS_RE.match(line):
                new.append((index, meta_label))
            elif (in_header and FORUM_PROFILE_RE.match(line)) or FORUM_QUOTE_HEADER_RE.match(line) or signed:
                new.append((index, "boilerplate"))
            elif SIGNATURE_RULE_RE.match(line):
                new.append((index, "boilerplate"))
                signed = True
            else:
                new.append((index, text_label))
                in_header = False
    return new


def _forum_post_header(line: str) -> str | None:
    """"below" for a vBulletin post's header (its author's block under it), "above" for a phpBB 2 post's (its author's
    block above it), else None."""
    if "#" in line and FORUM_NUMBERED_POST_RE.match(line):
        return "below"
    if ":" in line and any(map(line.__contains__, FORUM_SUBJECT_WORDS)) and FORUM_SUBJECT_POST_RE.match(line):
        return "above"
    return None


def _repeated_rows(lines: list[str], labels: list[str], metas: MetaMemo) -> list[set[int]]:
    """Rows of buttons in a language whose words the parser does not know: short boilerplate lines under the article
    that recur, the same but for their counts, UNLABELLED_MIN_COMMENTS or more times ("Răspunde 👍 24 👎 3", "Vasta
    Teata", "Atbildēt | Patīk (24) | Nepatīk (3) | Ziņot"), spaced as under comments: up to REPEATED_ROW_MAX_WORDS
    words, no sentence's end, no furniture, no link onward (READ_ON_RE), no name or date (`metas`: "acum 3 ore" recurs
    too). One set of line indices per kind of row."""
    below = len(labels) - labels[::-1].index("body") if "body" in labels else 0  # (a comment section follows the article)
    short = [index for index in range(below, len(lines))
             if labels[index] == "boilerplate" and len(lines[index]) <= REPEATED_ROW_MAX_CHARS]
    # (their digits dropped in one pass over their text, and counted in C: most pages have no line that recurs thrice)
    keys = DIGIT_RUN_RE.sub("", "\n".join([lines[index] for index in short])).split("\n")
    frequent = {key for key, count in Counter(keys).items() if count >= UNLABELLED_MIN_COMMENTS}
    rows: dict[str, set[int]] = {}
    for index, key in zip(short, keys):
        if key in frequent:
            rows.setdefault(key, set()).add(index)
    # (lines of one kind differ in their digits only, so one of them stands for all in the tests on words)
    return [indices for key, indices in rows.items() if _spaced_as_comments(sorted(indices), lines)
            and key.rstrip()[-1:] not in ".!?:" and not READ_ON_RE.search(key)
            and 1 <= len(WORD_RE.findall(key)) <= REPEATED_ROW_MAX_WORDS and not _is_furniture(key)
            and metas[lines[min(indices)]] is None]


def _spaced_as_comments(rows: list[int], lines: list[str]) -> bool:
    """Whether UNLABELLED_MIN_COMMENTS of the rows stand under a comment each: at most UNLABELLED_MAX_LINES + 2 lines
    below the row before, with a line of four or more words and a digit (its date) between, or the digit in the row (a
    cheap test before the full one)."""
    spaced = 1
    for previous, row in zip(rows, rows[1:]):
        between = lines[previous + 1: row]
        if row - previous <= UNLABELLED_MAX_LINES + 2 and any(line.count(" ") >= 3 for line in between) \
                and (HAS_DIGIT(lines[row]) or any(map(HAS_DIGIT, between))):
            spaced += 1
            if spaced >= UNLABELLED_MIN_COMMENTS:
                return True
        else:
            spaced = 1
    return False


def _unlabelled_comments(lines: list[str], labels: list[str], metas: MetaMemo, rows: set[int] = frozenset()) -> list[int]:
    """A comment section the model did not see as one, as in a language it was not trained on: UNLABELLED_MIN_COMMENTS
    or more comments in a row, each a name and/or date line (`metas`), its text, and a row of buttons with a reply
    button ("Responder · Me gusta 14", "Odpowiedz", "回复 点赞(56)"), no more than UNLABELLED_MAX_LINES lines apart,
    every line of them labelled boilerplate (in half of them; the others may have a line of text labelled otherwise).
    The meta and text lines are comments (the buttons stay boilerplate).
    `rows`: recurring rows of unknown words (`_repeated_rows`), which stand for the buttons under comments that show a
    date."""
    buttons = sorted(rows) if rows else [
        index for index, line in enumerate(lines) if len(line) <= REPEATED_ROW_MAX_CHARS  # (whatever the model's label)
        and REPLY_BUTTON_RE.search(line) and is_button(line)]
    comments: list[list[int]] = []
    run: list[list[int]] = []
    previous = -1
    for button in buttons:
        start = max(previous + 1, button - UNLABELLED_MAX_LINES)
        block = [index for index in range(start, button) if any(map(str.isalnum, lines[index]))
                 and not lines[index].lstrip("+-−").isdigit()  # a count under the last one's buttons ("Ответить", "48")
                 and not is_button(lines[index]) and not is_counter(lines[index])]
        block = block[_comment_opening(lines, block, metas, dated_last=not rows):]
        meta = metas[lines[block[0]]] if block else None
        texts = block[1:]
        # every line labelled boilerplate; in a run of such comments, one may have a line of its text labelled otherwise (a
        # reply that opens with "@NAME" may read as the article's to the model)
        others = sum(labels[index] != "boilerplate" for index in block)
        qualifies = meta is not None and (meta.author or meta.date) and bool(texts) \
            and (button not in rows or REPLY_BUTTON_RE.search(lines[button]) or any(
                metas[lines[index]] is not None and metas[lines[index]].date for index in block)) \
            and others <= 1 and labels[block[0]] == "boilerplate" \
            and any(len(lines[index].split()) >= 4 and metas[lines[index]] is None for index in texts)
        # (the lines between two rows of buttons, bullets and buttons aside: "•", "Share ›" between a Disqus copy's lines)
        gap = sum(1 for index in range(previous + 1, button) if any(map(str.isalnum, lines[index]))
                  and not is_button(lines[index])) if run else 0
        if qualifies and (not run or gap <= UNLABELLED_MAX_LINES + 2):
            run.append((block, others == 0))
        else:
            comments += _unlabelled_run(run)
            run = [(block, others == 0)] if qualifies else []
        previous = button
    comments += _unlabelled_run(run)
    return [index for block in comments for index in block]


def _unlabelled_run(run: list[tuple[list[int], bool]]) -> list[list[int]]:
    """The blocks of a run of unlabelled comments (block, whether all its lines are labelled boilerplate), when there are
    UNLABELLED_MIN_COMMENTS or more and at least half of them are labelled boilerplate throughout; else none."""
    return [block for block, _ in run] \
        if len(run) >= UNLABELLED_MIN_COMMENTS and 2 * sum(whole for _, whole in run) >= len(run) else []


def _comment_header_above(lines: list[str], labels: list[str], metas: MetaMemo, index: int,
                          button_at: Callable[[int], bool]) -> list[int]:
    """The header of a comment (its name and date line, and an avatar's line above it: "Avatar", "Guest • 4 years ago")
    right above lines[index], all labelled boilerplate, with a row of buttons or a comment above them; [] when there is
    none. (For a comment between two comments that the model took for boilerplate.)"""
    header = []
    above = index - 1
    while above >= 0 and len(header) < COMMENT_HEADER_MAX_LINES and labels[above] == "boilerplate" \
            and len(lines[above]) <= 80 and (AVATAR_RE.match(lines[above]) or metas[lines[above]] is not None):
        header.append(above)
        above -= 1
    dated = any(metas[lines[line]] is not None and metas[lines[line]].date for line in header)
    if not dated or not (above < 0 or button_at(above) or labels[above] == "comment" or is_counter(lines[above])):
        return []
    return header


def _under_name_stat(line: str) -> bool:
    """A line that a comment widget prints between the commenter's name and the date: a masked address ("IP:
    83.27.x.x") or the count of the commenter's posts ("2.871 Postings")."""
    return (line[:2].lower() == "ip" and MASKED_IP_RE.match(line) is not None) \
        or (line[:1].isdigit() and REPUTATION_RE.match(line) is not None)


def _handle_over_date(lines: list[str], metas: MetaMemo, index: int) -> bool:
    """A commenter's name in lower case ("pohjoisen tuuli", which no name test reads as one): a short line of one to four
    words, no sentence's end, over a date alone (past a masked address or a count of posts, `_under_name_stat`), under a
    row of buttons or counts ("Tykkää", "24") or nothing."""
    date_at = index + 2 if index + 2 < len(lines) and _under_name_stat(lines[index + 1]) else index + 1
    line, below = lines[index], metas[lines[date_at]] if date_at < len(lines) else None
    if below is None or not below.date or below.author or len(line) > 40 or not 1 <= len(line.split()) <= 4 \
            or line[-1:] in ".!?,;:" or not any(map(str.isalpha, line)):
        return False
    above = lines[index - 1] if index else ""
    return not index or is_button(above) or not any(map(str.isalpha, above))


def _thread_row_shapes(lines: list[str], labels: list[str]) -> set[str]:
    """The rows of buttons under the comments the model found, their digits dropped ("Mi piace #"): a row under a
    comment, labelled boilerplate, or a row that the model labelled comment with the text over it ("4 giờ trước · Thích
    (38) · Trả lời")."""
    rows = set()
    for index, pair in enumerate(zip(labels, labels[1:]), start=1):
        if pair != COMMENT_THEN_BOILERPLATE:
            continue
        row = index  # (past a vote count or a bullet before the row's first button: "* 14", "* •", "* Reply")
        while row + 1 < len(lines) and labels[row + 1] == "boilerplate" and not any(map(str.isalpha, lines[row])):
            row += 1
        if is_button(lines[row]):
            rows.add(DIGIT_RUN_RE.sub("#", lines[row]))
    rows.update(DIGIT_RUN_RE.sub("#", line) for line, label in zip(lines, labels)
                if label == "comment" and len(line) <= REPEATED_ROW_MAX_CHARS and is_button(line))
    return rows


def _missed_middle_comments(lines: list[str], labels: list[str], metas: MetaMemo, shapes: set[str]) -> list[int]:
    """Comments between two others that the model labelled boilerplate: the lines between two rows of buttons of the
    thread (`shapes`: `_thread_row_shapes`), with comments above and below, all labelled boilerplate, a name and/or
    date line first and a text of four or more words, no more than UNLABELLED_MAX_LINES of them, none furniture."""
    first, last = labels.index("comment"), len(labels) - 1 - labels[::-1].index("comment")
    rows = [index for index in range(first, last + 1)
            if len(lines[index]) <= REPEATED_ROW_MAX_CHARS and DIGIT_RUN_RE.sub("#", lines[index]) in shapes]
    found: list[int] = []
    for upper, lower in zip(rows, rows[1:]):
        block = list(range(upper + 1, lower))
        if not 2 <= len(block) <= UNLABELLED_MAX_LINES or any(labels[index] != "boilerplate" for index in block):
            continue
        meta = metas[lines[block[0]]] if len(lines[block[0]]) <= 80 else None
        if meta is not None and (meta.author or meta.date) and not any(map(_is_furniture, (lines[i] for i in block))) \
                and any(len(lines[index].split()) >= 4 and metas[lines[index]] is None for index in block[1:]):
            found += block
    return found


def _thread_row(line: str, rows: set[str]) -> bool:
    """A row of buttons of the thread (`_thread_row_shapes`, digits dropped)."""
    return len(line) <= REPEATED_ROW_MAX_CHARS and is_button(line) and DIGIT_RUN_RE.sub("#", line) in rows


def _missed_first_comments(lines: list[str], labels: list[str], metas: MetaMemo, rows: set[str]) -> list[int]:
    """Comments above the first one the model found, that it labelled boilerplate: a name and/or date line and its text
    (no more than UNLABELLED_MAX_LINES lines, each labelled boilerplate) over a row of buttons of which a line, its
    digits dropped, also stands under a comment the model found, whatever its label ("Rispondi", "Mi piace 12" over the
    first comment it read; `rows`: `_thread_row_shapes`)."""
    found: list[int] = []
    end = labels.index("comment")
    # (the first comment's buttons, which the model read as a comment, with the comment above them read as boilerplate)
    while end < len(lines) and labels[end] == "comment" and _thread_row(lines[end], rows):
        end += 1
    while end and labels[end - 1] == "boilerplate" and len(lines[end - 1]) <= 80 \
            and (metas[lines[end - 1]] is not None or _handle_over_date(lines, metas, end - 1)):
        end -= 1  # (the first comment's name line, which a later rule joins to it)
    while rows:
        top = end
        # (a row may be printed over several lines, with bullets or a count between them: "14 △ ▽", "• Reply", "•",
        # "Share ›"; "Vastaa", "Tykkää", "24"; and read as a comment)
        while top and len(lines[top - 1]) <= REPEATED_ROW_MAX_CHARS and (
                (labels[top - 1] == "boilerplate"
                 and (is_button(lines[top - 1]) or not any(map(str.isalpha, lines[top - 1]))))
                or (labels[top - 1] == "comment" and _thread_row(lines[top - 1], rows))):
            top -= 1
        if top == end or not any(DIGIT_RUN_RE.sub("#", lines[row]) in rows for row in range(top, end)):
            break
        block = [index for index in range(max(0, top - UNLABELLED_MAX_LINES), top)
                 if any(map(str.isalnum, lines[index])) and not is_button(lines[index]) and not is_counter(lines[index])]
        block = block[_comment_opening(lines, block, metas):]
        meta = metas[lines[block[0]]] if block else None
        if meta is None or not (meta.author or meta.date) or block[-1] != top - 1 \
                or any(labels[index] != "boilerplate" for index in block) \
                or not any(len(lines[index].split()) >= 4 and metas[lines[index]] is None for index in block[1:]):
            break
        found += block
        end = block[0]
    return found


COMMENT_TEXT_MIN_WORDS = 4  # a line under a comment's header this long can be its text (`_missed_comment_texts`)
NUMBERED_ITEM_RE = re.compile(r"\d+\.\s")  # an item of a numbered list ("187. How Low Can He Stoop?"), matched
COMMENT_ROW_MAX_WORDS = 8  # a line this short with a reply button is a row of buttons


def _may_be_comment_text(line: str, metas: MetaMemo) -> bool:
    """A line of COMMENT_TEXT_MIN_WORDS or more words that is no item of a numbered list, furniture, name or date line,
    or row of buttons (nor a short line with a reply button in words the button rows do not know: "הגב אהבתי 9")."""
    words = len(line.split())
    return words >= COMMENT_TEXT_MIN_WORDS and not NUMBERED_ITEM_RE.match(line) and not _is_furniture(line) \
        and not is_button(line) and metas[line] is None \
        and not (words <= COMMENT_ROW_MAX_WORDS and REPLY_BUTTON_RE.search(line))


def _missed_comment_texts(lines: list[str], labels: list[str], metas: MetaMemo) -> list[int]:
    """The text of a comment whose header the model read and whose text it did not (a thread's last comment, above
    its buttons and the page's footer): under a name and/or date line labelled comment, which is the comment's first
    line or stands under another such line, the lines labelled boilerplate of COMMENT_TEXT_MIN_WORDS or more words, up
    to the first that is furniture, a row of buttons or a name or date line. A header without a text is no comment,
    so the parser would drop it."""
    found: list[int] = []
    ends = [index for index, pair in enumerate(zip(labels, labels[1:])) if pair == COMMENT_THEN_BOILERPLATE]
    for index in ends:
        if len(lines[index]) > 80:
            continue
        meta = metas[lines[index]]
        if meta is None or not (meta.author or meta.date) or REPLY_BUTTON_RE.search(lines[index]) or (
                index and labels[index - 1] == "comment" and metas[lines[index - 1]] is None):
            continue  # (a date under a comment's text, or a header with its buttons, ends a comment: its text is above)
        row = index + 1
        while row < len(lines) and labels[row] == "boilerplate" and _may_be_comment_text(lines[row], metas):
            row += 1
        found += range(index + 1, row)
    return found


SAYS_THREAD_MIN = 2  # "NAME said..." headers that the model labelled comment, for `_missed_says_comments`
SAYS_HEADER_ENDS = (":", ".", "…")  # how such a header ends ("NAME says:", "NAME said...")


def _missed_says_comments(lines: list[str], labels: list[str], metas: MetaMemo) -> list[int]:
    """Comments of a thread whose headers read "NAME said..." (Blogger's, in any language: `comments.SAYS_RE`) that the
    model labelled boilerplate or body, when SAYS_THREAD_MIN+ such headers are labelled comment: each such header from
    UNLABELLED_MAX_LINES lines above the first comment line on, and the lines of its label under it down to a line
    labelled comment (its date, or the next comment), none of them a counter, a button or furniture."""
    first = labels.index("comment")
    headers = [index for index in range(max(0, first - UNLABELLED_MAX_LINES), len(lines))
               if len(lines[index]) <= 80 and lines[index].endswith(SAYS_HEADER_ENDS)
               and (meta := metas[lines[index]]) is not None and meta.says and meta.author]
    if sum(labels[index] == "comment" for index in headers) < SAYS_THREAD_MIN:
        return []
    found: list[int] = []
    for header in headers:
        if labels[header] == "comment":
            continue
        end = header + 1
        while end < len(lines) and end - header <= UNLABELLED_MAX_LINES and labels[end] == labels[header] \
                and not is_counter(lines[end]) and not is_button(lines[end]) and not _is_furniture(lines[end]):
            end += 1
        if end < len(lines) and labels[end] == "comment" and end > header + 1:
            found += range(header, end)
    return found


def _comment_opening(lines: list[str], block: list[int], metas: MetaMemo, dated_last: bool = False) -> int:
    """Where in `block` (line indices above a comment's buttons) the comment opens: at its last date line, or the name
    line right above it, or (`dated_last`: above a reply button) when that date ends the block under a line of text, at
    the name line right above the text;
    without a date line, at its last name line with a line of text under it (a comment form's
    name-like prompts may stand above the first comment: "Dodaj komentarz", "Twój nick"); len(block) when there is
    neither."""
    found = [(position, metas[lines[index]]) for position, index in enumerate(block)]
    dated = [position for position, meta in found if meta is not None and meta.date]
    if not dated:
        texts = [position for position, meta in found if meta is None]
        named = [position for position, meta in found if meta is not None and texts and position < texts[-1]]
        return named[-1] if named else next((position for position, meta in found if meta is not None), len(block))
    opening = dated[-1]
    if dated_last and opening == len(block) - 1 and opening >= 2 and found[opening - 1][1] is None \
            and (name := found[opening - 2][1]) is not None and name.author and not name.date:
        return opening - 2  # the date under the text, right over the buttons ("NAME", text, "2 дня назад", "Ответить")
    above = found[opening - 1][1] if opening else None
    return opening - 1 if above is not None and above.author and not above.date else opening


def _social_thread(lines: list[str]) -> list[tuple[int, str]]:
    """New labels for a social platform's post page (X, Threads, Truth Social, Bluesky): each post heads its text
    with the writer's name, "@handle" and, on replies, an age ("2h", "48m") or a date and "Replying to @...". The text of
    the first post, and of the posts that continue its thread (same handle, no "Replying to"), is body; every other post
    is a reply, a comment (its name, handle, age and text). Only for a page with two or more replies: one embedded
    post in an article is left as the model labelled it."""
    posts: list[_Post] = []
    for index, line in enumerate(lines):
        one_line = SOCIAL_HEADER_RE.match(line) if " @" in line else None  # "Ben Ostrowski @ben.bsky.social · 1h"
        if one_line is None and not HANDLE_RE.match(line):
            continue
        if one_line is not None:
            header, handle, aged = [index], one_line.group("handle"), True
        else:
            header = [index - 1, index] if index and _name_over_handle(lines[index - 1]) else [index]
            handle, aged = line, False
        cursor, replying = index + 1, False
        while cursor < len(lines) and cursor - index <= 4:
            below = lines[cursor]
            if (not any(map(str.isalpha, below)) and len(below) <= 3) or FOLLOW_RE.match(below):  # "·", "Follow"
                header.append(cursor)
            elif SHORT_AGE_RE.match(below) or (is_date_text(below) and len(below) <= 40):  # "2h", "48m", "· Feb 24, 2025"
                aged = True
                header.append(cursor)
            elif REPLYING_TO_RE.match(below):
                replying = True
                header.append(cursor)
            else:
                break
            cursor += 1
        text = []
        while cursor < len(lines) and len(lines[cursor].split()) >= SOCIAL_TEXT_MIN_WORDS \
                and not HANDLE_RE.match(lines[cursor]) and not is_date_text(lines[cursor]) \
                and not SOCIAL_HEADER_RE.match(lines[cursor]):
            text.append(cursor)
            cursor += 1
        posts.append(_Post(header, text, handle, replying, aged))
    if not posts or not posts[0].text:
        return []
    author = posts[0].handle
    replies = [post for post in posts[1:] if post.text and post.aged and (post.handle != author or post.replying)]
    if len(replies) < SOCIAL_MIN_REPLIES:
        return []
    labelled = [(index, "body") for index in posts[0].text]
    for post in posts[1:]:
        if post.handle == author and not post.replying:  # the thread goes on: "2/5 ..." (its header is no commenter's)
            labelled += [(index, "boilerplate") for index in post.header] + [(index, "body") for index in post.text]
        elif post.text:
            labelled += [(index, "comment") for index in post.header + post.text]
    return labelled


def _name_over_handle(line: str) -> bool:
    """A display name over a "@handle" line: 1-6 words, no sentence end, not a counter or button."""
    return 1 <= len(line.split()) <= 6 and len(line) <= 50 and not line.endswith((".", "!", "?", ":")) \
        and not is_counter(line) and not is_button(line) and any(map(str.isalpha, line))


def _missed_paragraphs(lines: list[str], labels: list[str], furniture: list[bool] | None) -> list[int]:
    """Paragraphs of the article that the model called boilerplate: a line of MISSED_PARAGRAPH_WORDS+
    words that ends a sentence, is no furniture and stands right above a body line of
    ARTICLE_PARAGRAPH_WORDS+ words that ends one too, above any comment, and does not open as a caption ("IMAGE:
    ..."). Most often the article's first paragraph under a share bar ("Share full article", "Print"), which the
    network takes for a teaser."""
    end = labels.index("comment") if "comment" in labels else len(labels)
    missed = []
    # (the boundaries by one comprehension over label pairs: this runs on every document)
    for index in [index for index, pair in enumerate(zip(labels[:end], labels[1:end])) if pair == OPENING_PAIR]:
        line, below = lines[index], lines[index + 1]
        if line.endswith(PARAGRAPH_ENDS) and below.endswith(PARAGRAPH_ENDS) and not CAPTION_START_RE.match(line) \
                and len(WORD_RE.findall(line)) >= MISSED_PARAGRAPH_WORDS \
                and len(WORD_RE.findall(below)) >= ARTICLE_PARAGRAPH_WORDS \
                and not (furniture[index] if furniture is not None else _is_furniture(line)):
            missed.append(index)
    return missed


def _missed_closing_paragraphs(lines: list[str], labels: list[str], furniture: list[bool] | None) -> list[int]:
    """The article's last paragraphs that the model called boilerplate (its known weak spot, an article's end): under
    a body line of ARTICLE_PARAGRAPH_WORDS+ words that ends a sentence, above any comment, the boilerplate lines of as
    many words that end one too and are no furniture, caption or list item (often a photo's caption under the text),
    down to the first other line; ad markers between them ("Ad Feedback", "Advertisement": INLINE_PROMPT_RE) are
    passed over; at most MAX_CLOSING_PARAGRAPHS under one, and no bio, post meta or comment count
    (NOT_CLOSING_PARAGRAPH_RE)."""
    end = labels.index("comment") if "comment" in labels else len(labels)
    missed: list[int] = []
    # (the boundaries by one comprehension over label pairs: this runs on every document)
    for above in [index for index, pair in enumerate(zip(labels[:end], labels[1:end])) if pair == CLOSING_PAIR]:
        if not _paragraph(lines[above]):
            continue
        index, found = above + 1, 0
        while index < end and labels[index] == "boilerplate" and found < MAX_CLOSING_PARAGRAPHS:
            line = lines[index]
            if _paragraph(line) and not line.startswith(BULLET_START) and not CAPTION_START_RE.match(line) \
                    and not NOT_CLOSING_PARAGRAPH_RE.match(line) \
                    and not (furniture[index] if furniture is not None else _is_furniture(line)):
                missed.append(index)
                found += 1
            elif not _passed_over(line):
                break
            index += 1
    return missed


# An article's own subheading, between two of its paragraphs ("What comes next", "Skepsis in Europa"): SUBHEADING_MAX_WORDS
# words at most, more than one, opening in capitals but no title case (some word after the first in lower case: a name,
# "Linden Lab", or a link's "Stock Investing Strategies" is none), no sentence's or label's end but a question's
# ("What happens next?"), nothing of a caption, a byline, a link or a counter. On the training pages the rule gets 62
# words right (Dragnet's gold calls those lines body) and 12 wrong.
SUBHEADING_MAX_WORDS = 10
NOT_SUBHEADING_RE = re.compile(
    r"[:|@(/©<>*#»«]|^\W|^\d|^(?:by|follow|tweet|advertis|posted|published|updated|continue|keep|read|click|tap|see|watch"
    r"|listen|share|sign|subscribe|more|related|download|view|show|load|get|join|leave|add|back|go|next|previous|become"
    r"|skip|jump|scroll|close|open|reply|report|print|email|save|like|log|register|play|buy|try|learn|find|discover|explore"
    r"|" + "|".join(PHOTO_LABELS) + r")\b",
    re.IGNORECASE)  # (and no link's or button's imperative, "Continue reading", "Become a fan of ...", nor a photo's label)


def _subheadings(lines: list[str], labels: list[str], furniture: list[bool] | None) -> list[int]:
    """Subheadings labelled boilerplate between two article paragraphs labelled body (see SUBHEADING_MAX_WORDS)."""
    found = [index for index, pair in enumerate(zip(labels[1:], labels[2:]), start=1)
             if pair == OPENING_PAIR and _subheading_like(lines[index])
             and _paragraph(lines[index + 1]) and _paragraph_above(lines, labels, index)
             and not (furniture[index] if furniture is not None else _is_furniture(lines[index]))]
    if found:  # not a link or a prompt that the network was not shown ("Lesen Sie auch", "Story continues below")
        hidden = set(interstitial_lines(lines, found))
        found = [index for index in found if index not in hidden and not INLINE_PROMPT_RE.match(lines[index])
                 and not RELATED_LINK_LABEL_RE.match(lines[index])]
    return found


def _paragraph_above(lines: list[str], labels: list[str], index: int) -> bool:
    """Whether an article paragraph labelled body stands above lines[index], ad markers and links aside."""
    above = index - 1
    while above > 0 and labels[above] == "boilerplate" and _passed_over(lines[above]):
        above -= 1
    return above >= 0 and labels[above] == "body" and _paragraph(lines[above])


def _subheading_like(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= SUBHEADING_MAX_WORDS and line[:1].isupper() and not line.isupper() \
        and line[-1:] not in ".!,;:\"”’" and any(word[:1].islower() for word in words[1:]) \
        and NOT_SUBHEADING_RE.search(line) is None


def _passed_over(line: str) -> bool:
    """An ad marker ("Advertisement": INLINE_PROMPT_RE) or a link to another story ("À lire aussi ...",
    RELATED_LINK_INLINE_RE) between an article's paragraphs, which the rules for them look past."""
    return (len(line) <= 60 and INLINE_PROMPT_RE.match(line) is not None) \
        or (len(line) <= 200 and RELATED_LINK_INLINE_RE.match(line) is not None)


# the outlet's sign-off after an article's last sentence ("... referring questions to Washington. DM", "... — AP",
# "... (Reuters)", "... ■")
SIGN_OFF_ENDS = (")", "■", "/", "#", "*")  # (or a capital: SIGN_OFF_RE's lines end so)
SIGN_OFF_RE = re.compile(r"[.!?\"”’]\s+(?:[A-Z]{2,4}|[-–—]\s?[A-Z][\w.&-]{1,24}|\([A-Z][\w.&/ -]{1,24}\)|■|///?|#{1,3}"
                         r"|\*{3})$")


def _paragraph(line: str) -> bool:
    """An article paragraph's shape: ARTICLE_PARAGRAPH_WORDS+ words, ending a sentence (or the outlet's sign-off after
    one, SIGN_OFF_RE)."""
    return (line.endswith(PARAGRAPH_ENDS) or ((line[-1:].isupper() or line[-1:] in SIGN_OFF_ENDS)
                                              and SIGN_OFF_RE.search(line[-40:]) is not None)) \
        and len(WORD_RE.findall(line)) >= ARTICLE_PARAGRAPH_WORDS


def _listed_items(lines: list[str], labels: list[str]) -> list[int]:
    """List items ("• Visa bans on twelve executives") labelled boilerplate between an article line that
    introduces them ("The measures include:") and the article's next line, whatever the other items' labels: in the
    training pages' gold such items are body for 18,537 of 18,619 words. An item counts when an item or line below
    it, before the list ends, is body."""
    items = []
    for index in [index for index, line in enumerate(lines) if line[-1:] == ":" and labels[index] == "body"]:
        end = index + 1
        while end < len(lines) and labels[end] in ("boilerplate", "body") and _list_item(lines[end]):
            end += 1
        body_below = end < len(lines) and labels[end] == "body"
        for item in range(end - 1, index, -1):
            if labels[item] == "body":
                body_below = True
            elif body_below:
                items.append(item)
    return items


def _stamp(line: str) -> bool:
    """A line that is only a time or date ("14:10", "Aug 03, 2012", "2 hours ago"), with no name beside it (a
    commenter's "October 12, 2012 | Cat" is no stamp of a feed)."""
    if len(line) > STAMP_MAX_CHARS or HAS_DIGIT(line) is None or not is_date_text(line):
        return False
    return not any(word[:1].isupper() and word.casefold() not in STAMP_WORDS for word in LETTERS_RE.findall(line))


def _news_feeds(lines: list[str], labels: list[str], candidates: list[int] | None = None) -> list[int]:
    """Body and comment lines in a news feed: NEWS_FEED_MIN_ITEMS+ headlines in a row, each with its time or date line
    on the same side (above or below), and each with a summary under both or none (FEED_ITEM_SHAPES). In the training pages' gold the lines of such runs are boilerplate for 666 of
    668 (2 body); a stamp with a name beside it ("October 12, 2012 | Cat") is a comment's, and no stamp of a feed.
    The network reads a feed under an article's last paragraph as more of the article, or as comments.
    `candidates`: lines that may seed a feed (`feed_seed_rows`), when the caller has them."""
    found: set[int] = set()
    if candidates is None:  # one document: a pass in Python is cheaper than setting up pyarrow's
        stampish = [len(line) <= STAMP_MAX_CHARS and HAS_DIGIT(line) is not None for line in lines] + [False] * 6
        candidates = [index for index in range(len(lines)) if stampish[index] and (
            (stampish[index - 2] and stampish[index + 2]) or (stampish[index + 2] and stampish[index + 4])
            or (stampish[index - 2] and stampish[index - 4]) or (
                (stampish[index - 3] and stampish[index + 3]) or (stampish[index + 3] and stampish[index + 6])
                or (stampish[index - 3] and stampish[index - 6])) and _headed_item(lines, index))]
    walked: set[tuple[int, int, int]] = set()  # (shape, stamp) pairs already inside a run: a long run is walked once

    stamps: dict[int, bool] = {}

    def stamp_at(index: int) -> bool:  # (each shape tests the same lines again)
        if index not in stamps:
            stamps[index] = _stamp(lines[index])
        return stamps[index]

    for seed in [index for index in candidates if labels[index] != "boilerplate" and stamp_at(index)]:
        for size, stamp_offset in FEED_ITEM_SHAPES:  # the stamp below its headline, or above it; a summary under both
            if (size, stamp_offset, seed) in walked:
                continue
            first = seed - stamp_offset
            start = first
            while start - size >= 0 and _feed_item(lines, start - size, stamp_offset, size, stamp_at):
                start -= size
            end = first
            while end + size <= len(lines) and _feed_item(lines, end, stamp_offset, size, stamp_at):
                end += size
            walked.update((size, stamp_offset, stamp) for stamp in range(start + stamp_offset, end, size))
            if (end - start) // size >= NEWS_FEED_MIN_ITEMS:
                found.update(index for index in range(start, end) if labels[index] != "boilerplate")
                break
    return sorted(found)


def feed_seed_rows(lines: list[str], ends: list[int], text: pa.Array | None = None) -> list[list[int]]:
    """Per document (`lines`: the documents' lines one after another, `ends`: where each document ends), the lines
    that may seed a news feed: short lines with a digit and two more such lines every other line beside them (or every
    third, between a headline and a summary: `_headed_item`). Found with pyarrow for all documents at once, it is a
    superset (a digit outside ASCII: any non-ASCII line; neighbours across a document's edge): `_news_feeds` tests
    each seed itself. `text`: the lines as a pyarrow array, when the
    caller has it."""
    text = pa.array(lines, pa.string()) if text is None else text
    short = np.flatnonzero(pc.less_equal(pc.utf8_length(text), STAMP_MAX_CHARS).to_numpy(zero_copy_only=False))
    short_text = text.take(pa.array(short))  # the digit test on the short lines only: a fraction of the text
    digit = pc.or_(pc.match_substring_regex(short_text, r"\d"), pc.invert(pc.string_is_ascii(short_text)))
    stampish = np.zeros(len(lines) + 12, dtype=bool)
    stampish[6 + short] = digit.to_numpy(zero_copy_only=False)
    at = {offset: stampish[6 + offset: 6 + offset + len(lines)] for offset in range(-6, 7)}
    seeds = at[0] & ((at[-2] & at[2]) | (at[2] & at[4]) | (at[-2] & at[-4]))
    # an item of three lines: only where a headline and a summary stand beside the stamp (`_headed_item`, tested in
    # Python on those few lines)
    thirds = np.flatnonzero(at[0] & ~seeds & ((at[-3] & at[3]) | (at[3] & at[6]) | (at[-3] & at[-6])))
    seeds[[index for index in thirds.tolist() if _headed_item(lines, index)]] = True
    rows = np.flatnonzero(seeds)
    starts = [0, *ends[:-1]]
    bounds = np.searchsorted(rows, [0, *ends])
    return [(rows[low:high] - start).tolist() for low, high, start in zip(bounds[:-1], bounds[1:], starts)]


def _headed_item(lines: list[str], index: int) -> bool:
    """Whether lines[index] may be the stamp of a three-line feed item (headline, stamp, summary; or stamp, headline,
    summary): the headline has FEED_SUMMARY_HEADLINE_MIN_WORDS+ words and no closing full stop, the summary has one."""
    def headline(at: int) -> bool:
        return 0 <= at < len(lines) and lines[at].count(" ") >= FEED_SUMMARY_HEADLINE_MIN_WORDS - 1 \
            and not lines[at].endswith(PARAGRAPH_ENDS)

    def summary(at: int) -> bool:
        return 0 <= at < len(lines) and lines[at].endswith(PARAGRAPH_ENDS)
    return (headline(index - 1) and summary(index + 1)) or (headline(index + 1) and summary(index + 2))


def _feed_item(lines: list[str], index: int, stamp_offset: int, size: int, stamp_at) -> bool:
    """Whether lines[index:index + size] are a headline and its stamp (the stamp at `stamp_offset`), then, for an item of
    three lines, its summary: a sentence of at most FEED_SUMMARY_MAX_WORDS words, under a headline of at least
    FEED_SUMMARY_HEADLINE_MIN_WORDS. `stamp_at(index)`: `_stamp(lines[index])`, memoised."""
    if index < 0 or index + size > len(lines):
        return False
    if not (stamp_at(index + stamp_offset) and linked_headline(lines[index + 1 - stamp_offset])):
        return False
    # (a comment, a name, its date and a short text, has the same shape: a name has fewer words than a headline)
    return size == 2 or (len(lines[index + 1 - stamp_offset].split()) >= FEED_SUMMARY_HEADLINE_MIN_WORDS
                         and lines[index + 2].endswith(PARAGRAPH_ENDS)
                         and len(lines[index + 2].split()) <= FEED_SUMMARY_MAX_WORDS)


def _list_item(line: str) -> bool:
    return line.startswith(BULLET_START) or LIST_ITEM_RE.match(line) is not None


def _author_bios(lines: list[str], labels: list[str], joined: str | None = None) -> list[int]:
    """Body lines that introduce the page's author under the article ("Erik Solberg is the Nordic correspondent
    ..."): a line of at most BIO_MAX_WORDS words that opens with a name from a byline in the first BYLINE_WINDOW
    lines ("By Erik Solberg") and a verb of BIO_VERBS, below a body paragraph; and the lines under an "About the
    author" heading (`joined`: the lines joined, when the caller has them)."""
    bios = _under_about_the_author(lines, labels) \
        if joined is None or any(_may_hold(joined, word) for word in ABOUT_THE_AUTHOR_WORDS) else []
    names = {match.group(1).rstrip() for line in lines[:BYLINE_WINDOW] if line[:1] in "BbPpWw" and len(line) <= 80
             for match in [BYLINE_NAME_RE.match(line)] if match}
    names.update(name for line in lines[:BYLINE_WINDOW] if len(line) <= 80 and (
        ":" in line or line[:line.find(" ") + 1].casefold() in BYLINE_PREPOSITIONS) for name in [_other_byline_name(line)]
        if name)
    if not names:
        return bios
    starts = tuple(names)
    paragraph_seen = False
    for index, line in enumerate(lines):
        if labels[index] != "body":
            continue
        if paragraph_seen and line.startswith(starts) and len(line.split()) <= BIO_MAX_WORDS and any(
                line[len(name):].startswith(BIO_VERBS) for name in starts if line.startswith(name)):
            bios.append(index)
        paragraph_seen = paragraph_seen or len(WORD_RE.findall(line)) >= ARTICLE_PARAGRAPH_WORDS
    return sorted(set(bios))


def _other_byline_name(line: str) -> str | None:
    """The name in a byline of another language ("Door Marieke van Dalen", "Von Katharina Wendeborn", "Autor: Radu
    Ionescu", "Автор: Айгерім Сейітқызы"): two to five words, each capitalised or a name's particle ("van", "de")."""
    match = AUTHOR_LINE_RE.match(line) if ":" in line else None
    if match is None and line[:line.find(" ") + 1].casefold() not in BYLINE_PREPOSITIONS:
        return None
    named = line.split(":", 1)[1] if match else line.split(" ", 1)[1]
    words = BYLINE_NAME_END_RE.split(named, 1)[0].split()  # ("Von NAME, Washington", "Par NAME (correspondant)")
    if not 2 <= len(words) <= 5 or not all(word[:1].isupper() or word in NAME_PARTICLES for word in words) \
            or not words[-1][:1].isupper():
        return None
    return " ".join(words).rstrip(",.")


def _teaser_above_paywall(lines: list[str], labels: list[str], prompts: list[int]) -> list[int]:
    """The paragraphs a paywalled page shows above its prompt (`prompts`: the lines "Subscribe to continue reading"
    and the like): the article's opening, which the model, reading it amid the offers, may call furniture (up to
    PAYWALL_TEASER_LINES lines)."""
    teaser: list[int] = []
    for index in prompts:
        above = index - 1
        while above >= 0 and index - above <= PAYWALL_TEASER_LINES \
                and len(lines[above].split()) >= MISSED_PARAGRAPH_WORDS \
                and lines[above].endswith(PARAGRAPH_ENDS) and not _is_furniture(lines[above]):
            if labels[above] == "boilerplate":
                teaser.append(above)
            above -= 1
    return teaser


# An appeal box: a heading, a paragraph and a button or an e-mail field ("Support independent journalism", "We work without
# state funding ... Every donation helps.", "Donate"; "Iratkozz fel a hírlevelünkre!", "Minden reggel ...", "E-mail-cím").
# Words of its button or heading, casefolded: those of a donation's or a membership's...
DONATION_MARKS = ("donat", "donor", "member", "support", "spende", "unterstütz", "faire un don", "soutenir", "soutenez",
                  "donar", "doar", "apoy", "apoi", "hazte", "socio", "sostien", "wesprzyj", "wspieraj", "wpłać",
                  "darowizn", "podpoř", "podpor", "darovat", "přispě", "destek", "bağış", "поддерж", "пожертв", "донат",
                  "данат", "підтрим", "падтрым", "подкреп", "تبرع", "ادعم", "حمایت", "寄付", "支持", "후원", "ủng hộ",
                  "dukung", "támogat", "steun", "lid worden", "word lid", "medlem", "støtt", "stöd", "lahjoit", "toeta",
                  "ziedo", "parem", "sprijin", "doneaz", "υποστηρ", "донир", "მხარდაჭ", "become a")
# ...and those of a subscription's or a newsletter's
SUBSCRIPTION_MARKS = ("subscri", "newsletter", "sign up", "join us", "abonn", "abo ", "suscrib", "assin", "inscrev",
                      "iscriv", "zapisz", "prenumer", "subskryb", "odebír", "odběr", "abone", "kaydol", "bülten",
                      "подпис", "підпис", "падпіс", "абон", "اشترك", "النشرة", "اشتراک", "購読", "登録", "订阅", "구독",
                      "đăng ký", "langganan", "előfizet", "feliratkoz", "hírlevél", "hírlevel", "aanmeld", "nieuwsbrief",
                      "nyhetsbrev", "nyhedsbrev", "tilaa", "uutiskirje", "abonea", "εγγραφ", "pretplat", "გამოიწერ")
APPEAL_MARKS = DONATION_MARKS + SUBSCRIPTION_MARKS
# ...and of an e-mail field ("E-mail-cím", "Your email", "Электронная почта")
EMAIL_FIELD_MARKS = ("e-mail", "email", "ელფოსტ", "почт", "пошт", "correo", "البريد", "メール", "이메일")
# ...and of its paragraph: only what an article's own sentences seldom hold (no "support", "subscribers", "поддержка",
# "email")
APPEAL_WORDS = ("newsletter", "donate", "donating", "donation to us", "membership", "become a member", "subscribe to",
                "subscribe now", "subscription", "support us", "support our", "support independent", "inbox", "mailbox",
                "поддержите", "підтримайте", "падтрымайце", "unterstützen sie", "soutenez", "apoya ", "apoie ", "sostieni",
                "wesprzyj", "podpořte", "támogasd", "steun ons", "støtt oss", "stöd oss", "toeta ", "υποστηρίξτε",
                "подкрепете", "ادعم", "حمایت کنید", "ủng hộ chúng", "dukung kami", "донат", "данат", "пожертв", "spende",
                "donativo", "doação", "donazion", "darowizn", "bağış", "تبرع", "寄付", "후원", "lahjoit", "ziedo",
                "nieuwsbrief", "uutiskirje", "hírlevél", "hírlevel", "nyhetsbrev", "nyhedsbrev", "рассылк", "розсилк",
                "bülten", "النشرة", "boletín", "infolettre", "biuletyn", "ელფოსტ", "გამოიწერ", "abonn", "-abo", " abo ",
                "suscrib", "assin", "iscriv", "prenumer", "subskryb", "odebír", "abone ol", "подпиш", "підпиш", "előfizet",
                "feliratkoz", "tilaa", "abonea", "εγγραφ", "pretplat")
# ...and of a heading that asks ("Unterstützen Sie unabhängigen Journalismus", "Iratkozz fel a hírlevelünkre!")
APPEAL_ASKS = ("support us", "support independent", "support our", "become a member", "subscribe to", "поддержите",
               "підтримайте", "падтрымайце", "unterstützen sie", "soutenez", "apoya ", "apoie ", "sostieni", "wesprzyj",
               "podpořte", "podporte", "támogasd", "steun ons", "støtt oss", "stöd oss", "toeta ", "υποστηρίξτε",
               "подкрепете", "ادعم", "حمایت کنید", "dukung kami", "abonnieren sie", "abonnez-vous", "suscríbete",
               "assine ", "iscriviti", "zapisz się", "tilaa ", "iratkozz fel", "meld je aan", "abonnér", "prenumerera",
               "подпишитесь", "підпишіться", "გამოიწერეთ")
APPEAL_MIN_WORDS, APPEAL_MAX_WORDS = 6, 80  # an appeal's paragraph, which ends a sentence
APPEAL_CONTROL_MAX_WORDS, APPEAL_CONTROL_MAX_CHARS = 6, 60  # its button or field ("Assine já por R$ 1,90")
APPEAL_HEADING_MAX_WORDS, APPEAL_HEADING_MAX_CHARS = 12, 120


def _appeal_boxes(lines: list[str], labels: list[str]) -> list[int]:
    """The lines of appeal boxes that the model took for the article. A paragraph of APPEAL_MIN_WORDS to
    APPEAL_MAX_WORDS words that ends a sentence (or of ARTICLE_PARAGRAPH_WORDS+ words: "... Jetzt Abo abschließen"),
    labelled body, is one

    * above a button (at most APPEAL_CONTROL_MAX_WORDS words, no full stop, opening with an
      APPEAL_MARKS word) or an e-mail field (EMAIL_FIELD_MARKS), when it holds an APPEAL_WORDS word itself or stands
      under a heading labelled boilerplate with an APPEAL_MARKS word (a box's parts in words a page's text seldom uses):
      the button is the box's too, whatever the model's label;
    * above a donation's or membership's button (DONATION_MARKS) and under a heading of at most APPEAL_HEADING_MAX_WORDS
      words, no digit, colon or sentence's end ("Esto es lo que hacemos gracias a ti", "Hazte socio ahora"): the heading
      is the box's too;
    * under a heading labelled body that asks (APPEAL_ASKS: "Unterstützen Sie unabhängigen Journalismus"), when it
      holds an APPEAL_WORDS word: both are the box's, with or without a button."""
    found = []
    # (cheap tests first: this runs on every page) the paragraph or the heading over it labelled body
    for index in [index for index, pair in enumerate(zip(labels, labels[1:]), start=1) if "body" in pair]:
        below = lines[index + 1] if index + 1 < len(lines) and labels[index + 1] != "comment" else ""
        under_control = 0 < len(below) <= APPEAL_CONTROL_MAX_CHARS and not below.endswith(".")
        if labels[index] == "comment" or not (
                under_control or (labels[index - 1] == "body" and len(lines[index - 1]) <= APPEAL_HEADING_MAX_CHARS)):
            continue  # (and a short line under it or over it)
        text = lines[index]
        words = len(text.split())
        if not APPEAL_MIN_WORDS <= words <= APPEAL_MAX_WORDS \
                or not (text.endswith(PARAGRAPH_ENDS) or words >= ARTICLE_PARAGRAPH_WORDS):
            continue
        line, heading = text.casefold(), lines[index - 1].casefold()
        short_heading = 2 <= len(heading.split()) <= APPEAL_HEADING_MAX_WORDS and not heading.endswith(PARAGRAPH_ENDS) \
            and not heading.endswith(":") and not HAS_DIGIT(heading) and any(map(str.isalpha, heading))
        control = below.casefold().lstrip(_NOT_LETTERS) \
            if under_control and len(below.split()) <= APPEAL_CONTROL_MAX_WORDS else ""
        button = control.startswith(APPEAL_MARKS)
        boxed = button and short_heading and ":" not in heading and control.startswith(DONATION_MARKS)
        if button or any(map(control.__contains__, EMAIL_FIELD_MARKS)):
            if any(map(line.__contains__, APPEAL_WORDS)) or (labels[index - 1] == "boilerplate" and short_heading
                                                             and any(map(heading.__contains__, APPEAL_MARKS))):
                found += [index - 1, index, index + 1] if boxed else [index, index + 1]
                continue
        if boxed:
            found += [index - 1, index, index + 1]
        elif labels[index - 1] == "body" and short_heading and any(map(heading.__contains__, APPEAL_ASKS)) \
                and any(map(line.__contains__, APPEAL_WORDS)):
            found += [index - 1, index]
    return [index for index in found if labels[index] == "body"]



# Russia's legal labels and the notices of the media it bans, which print them over or under every article: "ДАННОЕ
# СООБЩЕНИЕ (МАТЕРИАЛ) СОЗДАНО И (ИЛИ) РАСПРОСТРАНЕНО ИНОСТРАННЫМ СРЕДСТВОМ МАССОВОЙ ИНФОРМАЦИИ, ВЫПОЛНЯЮЩИМ ФУНКЦИИ
# ИНОСТРАННОГО АГЕНТА..."; "«NAME» признан в России «нежелательной организацией». Пересылая этот текст, будьте
# осторожны."; "Если вы читаете нас из России, используйте VPN или зеркало сайта"; and their English forms. An
# article's own sentence about a designation ("The ministry declared the outlet undesirable in 2023") gives no warning
# or instruction, and stays body.
STATUS_NOTICE_GATES = ("VPN", "mirror", "ndesirable", "oreign agent", "OREIGN AGENT", "нежелательн", "иностранн",
                       "ИНОСТРАНН", "зеркал")  # (each label names a foreign agent)
LEGAL_LABEL_RE = re.compile(r"^\W*(?:данное|настоящий|этот|это)\s+(?:сообщение|материал)\s*\(\s*(?:материал|информация)\s*\)"
                            r"|^\W*this\s+(?:message|material)\s*\(\s*(?:material|information)\s*\)\s+(?:was|is|has\s+been)\s"
                            r"|^\W*(?:данное|настоящее)\s+сообщение.{0,80}иностранн\w*\s+агент", re.IGNORECASE)
BANNED_STATUS_RE = re.compile(r"(?:признан[аоы]?\b|\b(?:recogni[sz]ed|designated|declared|labell?ed)\b).{0,60}?"
                              r"(?:нежелательн|иностранн\w*\s+агент|undesirable|foreign\s+agent)", re.IGNORECASE)
STATUS_WARNING_RE = re.compile(r"vpn|зеркал|mirror|репост|пересыла|распространени|наказ|осторожн|уголовн|punishable|prosecut"
                               r"|поддержите нас|підтримайте нас|support us"  # (or an appeal: "... поддержите нас.")
                               r"|criminal|careful|reposting|sharing|если\s+вы\s+(?:находитесь|читаете|живете|живёте)"
                               r"|if\s+you\s+(?:are|live|read)", re.IGNORECASE)
# "используйте VPN или зеркало", "read us via VPN", "use a VPN or our mirror"
READ_VIA_VPN_RE = re.compile(r"(?:используйте|пользуйтесь|читайте\s+нас|\buse\b|read\s+us)\W+(?:\w+\W+){0,3}?"
                             r"(?:vpn|зеркал|mirror)", re.IGNORECASE)
STATUS_NOTICE_MAX_WORDS = 60


def _status_notices(lines: list[str], labels: list[str], body_text: str) -> list[int]:
    """Lines labelled body that are a legal label (LEGAL_LABEL_RE), a banned outlet's notice of its status with a
    warning (BANNED_STATUS_RE, STATUS_WARNING_RE) or an instruction to read it through a VPN or a mirror
    (READ_VIA_VPN_RE), of at most STATUS_NOTICE_MAX_WORDS words: boilerplate. `body_text`: the lines labelled body,
    joined."""
    if not any(map(body_text.__contains__, STATUS_NOTICE_GATES)):
        return []
    found = []
    for index, line in enumerate(lines):
        if labels[index] != "body" or len(line.split()) > STATUS_NOTICE_MAX_WORDS:
            continue
        if LEGAL_LABEL_RE.match(line) or READ_VIA_VPN_RE.search(line) or (
                BANNED_STATUS_RE.search(line) and STATUS_WARNING_RE.search(line)):
            found.append(index)
    return found


# a donation appeal with its sum ("Поддержите «Северный ветер» — даже 5 евро в месяц помогают нам работать", "Support us
# with $5 a month"): an article's sentence names sums per month, but does not ask for them
MONEY_APPEAL_RE = re.compile(r"(?:support (?:us|our)|donate (?:to us|now|today|here)|поддержите|поддержать нас|unterstützen sie"
                             r"|soutenez)\b.{0,80}?"
                             r"(?:[$€£]\s?\d+|\d+\s?(?:евро|euros?|dollars?|рубл\w*|€|\$))"
                             r"\s*(?:a month|per month|в месяц|pro monat|im monat|par mois)", re.IGNORECASE)
# (what a match holds, in the usual case: the period, then the ask)
MONEY_APPEAL_PERIODS = ("a month", "per month", "в месяц", "pro Monat", "im Monat", "par mois")
MONEY_APPEAL_ASKS = ("upport us", "upport our", "onate", "оддержите", "оддержать нас", "nterstützen Sie", "outenez")


def _money_appeals(lines: list[str], labels: list[str], body_text: str) -> list[int]:
    """Lines labelled body of at most STATUS_NOTICE_MAX_WORDS words that ask for a sum per month (MONEY_APPEAL_RE);
    `body_text`: the lines labelled body, joined."""
    if not any(map(body_text.__contains__, MONEY_APPEAL_PERIODS)) \
            or not any(map(body_text.__contains__, MONEY_APPEAL_ASKS)):
        return []
    return [index for index, line in enumerate(lines) if labels[index] == "body"
            and len(line.split()) <= STATUS_NOTICE_MAX_WORDS and MONEY_APPEAL_RE.search(line)]


_NOT_LETTERS = "".join(char for char in map(chr, range(128)) if not char.isalpha()) + "«»“”‘’•·–—"


ROLE_MAX_WORDS = 6


def _author_roles(lines: list[str], labels: list[str]) -> list[int]:
    """An author's role or post under a byline labelled boilerplate ("Autor: NAME" over "Dziennikarz działu
    zagranicznego", "بقلم: NAME" over "Correspondent in Washington"): a line labelled body of at most ROLE_MAX_WORDS words,
    no digit and no sentence's end. (On the training pages no line under a byline the model called boilerplate is such
    a line.)"""
    return [index for index, pair in enumerate(zip(labels, labels[1:]), start=1) if pair == OPENING_PAIR
            and 1 <= len(lines[index].split()) <= ROLE_MAX_WORDS and not HAS_DIGIT(lines[index])
            and not lines[index].endswith((*PARAGRAPH_ENDS, "»", ":")) and len(lines[index - 1]) <= 80
            and (BYLINE_NAME_RE.match(lines[index - 1]) is not None  # ("By NAME": not "By the Numbers")
                 or AUTHOR_LINE_RE.match(lines[index - 1]) is not None)]


def _story_listing(lines: list[str], labels: list[str], joined: str) -> list[int]:
    """A list of story teasers, as a section front or a search page prints them: LISTING_MIN_TEASERS or more
    teasers in a row, each a headline, a one-sentence summary and a byline ("By Marcus Feldt · Dec. 4, 2026"). The
    model reads the summaries, and so the page, as an article; such a page has none. (Teasers without a byline are
    not looked for: finding their date lines would cost every page a pass over its lines.)"""
    if joined.count("\nBy ") < LISTING_MIN_TEASERS:  # (a pass over the lines only for the few pages past this)
        return []
    starts = [row - 2 for row, line in enumerate(lines)
              if row >= 2 and line.startswith("By ") and _teaser_at(lines, row - 2)]
    listed: list[int] = []
    run: list[int] = []
    for start in starts + [-1]:  # (a last start that ends the last run)
        if run and start == run[-1] + 3:
            run.append(start)
            continue
        if len(run) >= LISTING_MIN_TEASERS:
            listed += range(run[0], run[-1] + 3)
        run = [start]
    if listed:  # what else the model took for the article is a section's blurb when it is this short
        teasers = set(listed)
        rest = [row for row, label in enumerate(labels) if label == "body" and row not in teasers]
        if sum(len(lines[row].split()) for row in rest) < LISTING_ARTICLE_MIN_WORDS:
            listed += rest
    return [row for row in listed if labels[row] != "boilerplate"]


def _teaser_at(lines: list[str], index: int) -> bool:
    """Whether lines[index:index + 3] are a headline, a one-sentence summary and a byline."""
    headline, summary, stamp = lines[index], lines[index + 1], lines[index + 2]
    return len(stamp) <= 80 and summary.endswith(PARAGRAPH_ENDS) and summary.count(". ") <= 1 \
        and 8 <= summary.count(" ") + 1 <= TEASER_MAX_WORDS and linked_headline(headline) \
        and BYLINE_RE.match(stamp) is not None


def _gallery_captions(lines: list[str], joined: str) -> list[int]:
    """The captions of a photo gallery: a sentence under a counter ("1 of 8") and over its credit ("Photo: NAME /
    Agency"). The model reads one at the top of a page, above the byline, as the article's first paragraph."""
    if "1 of " not in joined:  # a gallery's first counter ("1 of 8")
        return []
    captions = []
    for match in GALLERY_COUNTER_RE.finditer("\n" + joined):  # (a newline first: far faster than ^ with MULTILINE)
        index = joined.count("\n", 0, match.start()) + 1  # the line under the counter
        if index + 1 < len(lines) and lines[index].endswith(PARAGRAPH_ENDS) and CREDIT_RE.match(lines[index + 1]):
            captions.append(index)
    return captions


def _notes(lines: list[str], labels: list[str], joined: str | None = None) -> list[int]:
    """Body lines in the run of numbered notes ("1 Figures are ...", "[2] See ...") right under a "Notes",
    "Footnotes" or "Endnotes" heading, and the heading: the article's apparatus, not its text (the one such run in
    the training pages' gold, a page in both dump styles, is boilerplate). `joined`: as in `_author_bios`."""
    if joined is not None and not any(_may_hold(joined, word) for word in NOTES_HEADINGS):
        return []
    notes = []
    for index in [index for index, line in enumerate(lines) if len(line) <= 20 and NOTES_HEADING_RE.match(line)]:
        below = index + 1
        while below < len(lines) and NOTE_RE.match(lines[below]):
            below += 1
        notes += [line for line in range(index, below) if labels[line] == "body"] if below > index + 1 else []
    return notes


def _link_cards(lines: list[str], labels: list[str]) -> list[int]:
    """A social post's preview of the article it links to: the site's domain in capitals ("LAKESHORECOURIER.COM"), then
    the article's headline and description (one or two lines of at most LINK_CARD_MAX_WORDS words) that the model
    took for the post's text, with no body line right under them."""
    cards = []
    for index, line in enumerate(lines):
        if len(line) <= 60 and line.isupper() and CARD_DOMAIN_RE.match(line) and index + 1 < len(lines) \
                and labels[index + 1] == "body":
            end = index + 1
            while end < len(lines) and end - index <= 2 and labels[end] == "body" \
                    and len(lines[end].split()) <= LINK_CARD_MAX_WORDS:
                end += 1
            if end == len(lines) or labels[end] != "body":
                cards += range(index + 1, end)
    return cards


def _page_apparatus(lines: list[str], labels: list[str]) -> list[int]:
    """On a paginated dump (a PDF's text: PAGE_NUMBERS_MIN or more lines that are a page number alone, all of them in
    order), the body lines of each page's foot: the page numbers, a running title or header (RUNNING_TITLE_MIN_WORDS+
    words) printed on two or more pages right beside a page number, and footnotes ("2 Remarks by the deputy minister
    ...") whose number marks a body line ("... missile defences.2")."""
    numbers = [index for index, line in enumerate(lines) if len(line) <= 3 and line.isdigit()]
    if len(numbers) < PAGE_NUMBERS_MIN or not all(
            int(lines[later]) == int(lines[earlier]) + 1 for earlier, later in zip(numbers, numbers[1:])):
        return []  # not pages numbered in order ("1" ... "2" ... "3")
    beside = Counter(lines[other] for index in numbers for other in (index - 1, index + 1)
                     if 0 <= other < len(lines) and labels[other] == "body"
                     and len(lines[other].split()) >= RUNNING_TITLE_MIN_WORDS)
    marks = {mark for index, line in enumerate(lines) if labels[index] == "body" for mark in FOOTNOTE_MARK_RE.findall(line)}
    apparatus = []
    for index, line in enumerate(lines):
        if labels[index] != "body":
            continue
        if (len(line) <= 3 and line.isdigit()) or beside[line] >= 2 or ((note := FOOTNOTE_RE.match(line)) is not None and note.group(1) in marks):
            apparatus.append(index)
    return apparatus


def _may_hold(text: str, word: str) -> bool:
    """Whether the text may hold the word in any case: it holds the word's tail in lower or upper case (a test
    without casefolding the whole text, which costs more than the rules it spares)."""
    return word[1:] in text or word[1:].upper() in text


def _under_about_the_author(lines: list[str], labels: list[str]) -> list[int]:
    """The "About the author(s)" heading and the body lines right under it (up to ABOUT_THE_AUTHOR_LINES, each at
    most BIO_MAX_WORDS words): in the training pages' gold the three lines under such a heading are boilerplate in all
    40 dumps that have one (20 pages, both dump styles)."""
    bios = []
    headings = [index for index, line in enumerate(lines) if len(line) <= 40 and ABOUT_THE_AUTHOR_RE.match(line)]
    for index in headings:
        bios += [index] if labels[index] == "body" else []
        for below in range(index + 1, min(index + 1 + ABOUT_THE_AUTHOR_LINES, len(lines))):
            if labels[below] != "body" or len(lines[below].split()) > BIO_MAX_WORDS:
                break
            bios.append(below)
    return bios


def _reads_as_live_blog(lines: list[str], labels: list[str], metas: MetaMemo) -> bool:
    """Whether the comment lines are a live blog's entries: >= LIVE_BLOG_MIN_ENTRIES lines that are
    a clock time alone ("15:42", "3:42 p.m. ET"), and no commenter's name, other date line, "Reply"
    button or comment counter among them. (Without names, a reader's comment has a full date or an
    age: "May 3, 2019", "2 hours ago", also when its time stands on a line of its own.) A short line right
    under a time is an entry's heading ("15:40" / "Delegations call a break"), not a name, while fewer than
    half of the times have one (a widget that prints a time over each commenter's name would have one under each)."""
    times = headed = 0
    under_time = False
    for line, label in zip(lines, labels):
        if label != "comment" or len(line) > 80:
            under_time = False
            continue
        meta = metas[line]
        if meta is not None and meta.author and not meta.date and under_time:
            headed += 1
        elif meta is not None and (meta.author or (meta.date and not CLOCK_TIME_RE.match(line))):
            return False  # a name, or a full date ("+ November 6th, 2012" above "+ 10:11 am"): reader comments
        elif meta is not None:  # a clock time alone
            times += 1
            under_time = True
            continue
        elif is_button(line) or is_counter(line):
            return False
        under_time = False
    return times >= LIVE_BLOG_MIN_ENTRIES and 2 * headed < times


def _no_comment_text(line: str) -> bool:
    """A post's tags or links to its neighbours (POST_NAVIGATION_RE), a commenter's badge (BADGE_RE) or a toggle of a
    comment's replies (REPLY_TOGGLE_RE)."""
    return line[:1] in NO_COMMENT_INITIALS and line.lstrip(NOT_WORD_STARTS)[:12].casefold().startswith(NO_COMMENT_STARTS) and (
        POST_NAVIGATION_RE.match(line) is not None or BADGE_RE.match(line) is not None
        or REPLY_TOGGLE_RE.match(line) is not None)


def _transcript(lines: list[str], labels: list[str]) -> list[tuple[int, str]]:
    """New labels for a video's transcript as a page prints it, each timestamp on its own line over what was said then
    ("0:00", "[Music]", "0:02", "american and russian negotiators ..."), which the model reads as comments under bare
    times: TRANSCRIPT_MIN_STAMPS or more timestamps, the first within a minute of the start, each later than the one
    before, with one line of text under each. The text is body, the timestamps boilerplate."""
    stamps = [(index, TRANSCRIPT_STAMP_RE.match(line)) for index, line in enumerate(lines) if len(line) <= 8]
    stamps = [(index, _seconds(match)) for index, match in stamps if match is not None]
    runs: list[list[tuple[int, int]]] = []
    for index, seconds in stamps:
        if runs and index == runs[-1][-1][0] + 2 and seconds > runs[-1][-1][1]:
            runs[-1].append((index, seconds))
        else:
            runs.append([(index, seconds)])
    relabelled: list[tuple[int, str]] = []
    for run in runs:
        if len(run) >= TRANSCRIPT_MIN_STAMPS and run[0][1] < 60 \
                and any(labels[index + 1] == "comment" for index, _ in run if index + 1 < len(lines)):
            for index, _ in run:
                relabelled.append((index, "boilerplate"))
                if index + 1 < len(lines) and labels[index + 1] == "comment":
                    relabelled.append((index + 1, "body"))
    return relabelled


def _chapters(lines: list[str]) -> list[int]:
    """A video's or podcast's list of chapters ("0:00 Intro", "0:48 What's in the new sanctions", ...): TRANSCRIPT_MIN_STAMPS
    or more lines in a row, each a timestamp and a title of up to CHAPTER_MAX_WORDS words, each later than the one
    before."""
    found: list[int] = []
    run: list[tuple[int, int]] = []
    for index, line in enumerate(lines + [""]):
        match = CHAPTER_RE.match(line)
        seconds = _seconds(match) if match is not None else -1
        if match is not None and len(match.group("title").split()) <= CHAPTER_MAX_WORDS \
                and (not run or run[-1][0] != index - 1 or run[-1][1] < seconds):
            run = run + [(index, seconds)] if run and run[-1][0] == index - 1 else [(index, seconds)]
            continue
        if len(run) >= TRANSCRIPT_MIN_STAMPS:
            found += [index for index, _ in run]
        run = []
    return found


def _seconds(match: re.Match) -> int:
    hours, minutes, seconds = (int(part) if part else 0 for part in match.group("hours", "minutes", "seconds"))
    return 3600 * hours + 60 * minutes + seconds


def _dated_entries(lines: list[str], labels: list[str], metas: MetaMemo) -> list[int]:
    """A chronology in the article ("Feb. 5, 2011" / what happened then / "Aug. 2, 2019" / ...) that the model read
    as comments without names: the lines from the first comment line under the article's text down to the first
    commenter's name, button or comment counter, when DATED_ENTRIES_MIN or more of them are a date alone ("April
    2010" too) of at least two different years, each over its entry's text, and none a stamp with a clock time.
    Reader comments show names, buttons, ages or times; anonymous ones under bare dates fall on days close together.
    The region's comment lines and its date lines are body."""
    first = labels.index("comment")
    if "body" not in labels[:first]:
        return []
    entries: list[int] = []
    years: set[str] = set()
    region: list[int] = []
    if first > 0 and _entry_date(lines[first - 1], metas):  # the first entry's date, which the model called furniture
        first -= 1
    elif not _entry_date(lines[first], metas):
        return []  # a chronology opens with its first entry's date; a comment section with a name
    for index in range(first, len(lines)):
        line, label = lines[index], labels[index]
        meta = metas[line] if label == "comment" and len(line) <= 80 else None
        if (meta is not None and meta.author) or is_button(line) or is_counter(line):
            break
        if HAS_CLOCK_TIME(line) and metas[line] is not None:
            return []  # "Dec 6th, 2009 at 6:06 am": a comment's stamp, which a chronology's dates lack
        dated = _entry_date(line, metas)
        if dated and index + 1 < len(lines) and labels[index + 1] == "comment" \
                and not _entry_date(lines[index + 1], metas):  # an entry: its date, then its text
            entries.append(index)
            years.update(YEAR_RE.findall(line))
        if label == "comment" or dated:
            region.append(index)
    while region and labels[region[-1]] != "comment":
        region.pop()  # dates under the last entry's text are no entry ("October 2009" in an archive's list)
    return region if len(entries) >= DATED_ENTRIES_MIN and len(years) >= 2 else []


def _entry_date(line: str, metas: MetaMemo) -> bool:
    """A date alone on its line, with or without its day ("Feb. 5, 2011", "April 2010")."""
    if len(line) > 40:
        return False
    meta = metas[line]
    return (meta is not None and meta.date is not None and not meta.author) or MONTH_YEAR_RE.match(line) is not None


def _separator(line: str) -> bool:
    """A bullet or bar ("•", "|", "·") that stands between a commenter's name and date."""
    return len(line) <= 3 and not any(map(str.isalpha, line)) and not line.isdigit()


def _comment_continued(lines: list[str], labels: list[str], metas: MetaMemo, start: int) -> int:
    """End (exclusive) of a comment the model cut off at `start`, right under a comment line: separators,
    a date line and the comment's text lines (3+ words each) up to a button or a name or date line, all
    labelled boilerplate (a reply in a Disqus thread: "Harold Beck" / "•" / "5 months ago" / text); else
    `start`."""
    if labels[start] != "boilerplate" or labels[start - 1] != "comment":
        return start
    date_line = start
    while date_line < len(lines) and labels[date_line] == "boilerplate" and _separator(lines[date_line]):
        date_line += 1
    if date_line >= len(lines) or labels[date_line] != "boilerplate" or len(lines[date_line]) > 80:
        return start
    meta = metas[lines[date_line]]
    if meta is None or not meta.date or is_counter(lines[date_line]) or is_button(lines[date_line]):
        return start
    end = date_line + 1
    while end < len(lines) and labels[end] == "boilerplate" and len(WORD_RE.findall(lines[end])) >= 3 \
            and metas[lines[end]] is None and not is_button(lines[end]) and not is_counter(lines[end]):
        end += 1
    return end if end > date_line + 1 else start


def place_title(lines: list[str], labels: list[str], title_hint: str | None = None
                ) -> tuple[list[str], int | None, str | None]:
    """The labels with template scraps above the title made boilerplate, the title line's index
    (to be labelled `title`) and, when no line is to be labelled so, the title's text.

    A title line the model called site furniture (often a <title> copy "Headline | Site") gives the
    document's title but stays furniture: Dragnet's gold, like the model, counts such copies as
    boilerplate, and only the in-page headline as part of the article."""
    record_title_input(lines, labels, title_hint)
    metadata = metadata_header(lines)
    searched = lines
    printed = next((index for index, line in enumerate(lines[:PRINT_HEADER_WITHIN]) if PRINT_HEADER_RE.match(line)), None)
    if printed is not None:  # the search reads a browser's print header as the page title it carries
        searched = [*lines[:printed], PRINT_HEADER_RE.match(lines[printed]).group("title"), *lines[printed + 1:]]
    if metadata.lines:  # a clipping tool's title field is the headline, which the page may print too
        searched = ["" if index in metadata.lines else line for index, line in enumerate(searched)]
        title_hint = title_hint or metadata.title
        if not title_hint and metadata.subject and find_title(searched, labels, metadata.subject) is not None:
            title_hint = metadata.subject  # a page sent by e-mail under its headline
    title_index = find_title(searched, labels, title_hint)
    title_text = " ".join(title_hint.split()) if title_hint and title_index is None else None
    if title_index is not None:
        labels = _fragments_above_title(lines, labels, title_index)
        standfirst = _standfirst(lines, labels, title_index)
        if standfirst is not None:
            labels[standfirst] = "body"
        if labels[title_index] == "boilerplate" and not title_hint:
            title_text, title_index = lines[title_index], None
    return labels, title_index, title_text or None


def _standfirst(lines: list[str], labels: list[str], title_index: int) -> int | None:
    """The line right under the headline that introduces the article (a standfirst: "Anne Whitlock spent two
    decades negotiating with ...") when the model called it boilerplate: a sentence-like line of
    STANDFIRST_MIN_WORDS+ words, no digits (not "Filed as News on November 7, 2012"), no menu separators and no
    furniture, with a byline or date line under it (right under it, or under a short line such as "Marta Jensen
    in Riga") and article text below, under a headline of STANDFIRST_HEADLINE_MIN_WORDS+ words (under a blog's
    name, such a line is its tagline). The model, reading a sentence between a headline and a byline, often calls it
    template. The training pages hold few standfirsts, and the model keeps those (gold body): the rule changes no
    line of them, and none on validation fold 0."""
    index = title_index + 1
    if index + 1 >= len(lines) or labels[index] != "boilerplate" \
            or len(lines[title_index].split()) < STANDFIRST_HEADLINE_MIN_WORDS:  # a blog's name over its tagline
        return None
    line = lines[index]
    if not STANDFIRST_MIN_WORDS <= len(line.split()) <= STANDFIRST_MAX_WORDS or HAS_DIGIT(line) \
            or not line[:1].isupper() or line.isupper() or _title_separated(line) or _is_furniture(line) \
            or _opens_byline_block(lines, index):  # "By Laura Kalnina, Amber Coast Observer" over a date line
        return None
    byline = index + 1 if _opens_byline_block(lines, index + 1) else index + 2 if (
        len(lines[index + 1].split()) <= 6 and _opens_byline_block(lines, index + 2)) else None
    if byline is None or "body" not in labels[byline + 1: byline + 1 + STANDFIRST_BODY_WITHIN]:
        return None
    return index


def _fragments_above_title(lines: list[str], labels: list[str], title_index: int) -> list[str]:
    """Body-labelled scraps above the headline ("in ,", a lone menu word) are leftovers of the page
    template, not the article's first words; so is a page title or a breadcrumb that holds the headline ("Headline -
    Site", "Business News›Economy›Headline")."""
    labels = list(labels)
    headline = lines[title_index].strip().casefold()
    for index in range(title_index):
        line = lines[index]
        sentence = line.rstrip().endswith((".", "!", "?", '"', "”"))
        if labels[index] == "body" and ((len(WORD_RE.findall(line)) <= 2 and not sentence) or (
                line.casefold() != headline and headline in line.casefold() and (
                    (_title_separated(line) and headline in (part.strip().casefold() for part in _title_parts(line)))
                    or headline in (part.strip().casefold() for part in BREADCRUMB_MARK_RE.split(line))))):
            labels[index] = "boilerplate"
    return labels


def _comment_rows(texts: list[str], labels: list[str]) -> list[int]:
    """Where the comment lines are, with the button lines ("Reply", "Like · Reply · 2d") and vote counts without a letter
    ("+41", "▲ 3"; not a comment's number) between them: Dragnet's gold calls such lines boilerplate, so the model and
    the rules may too, yet they are what separates one comment from the next."""
    rows = [index for index, label in enumerate(labels) if label == "comment"]
    if not rows:
        return []
    end = rows[-1] + 2 if rows[-1] + 1 < len(texts) else rows[-1] + 1  # the last comment's buttons may hold its age
    return [index for index in range(rows[0], end)
            if labels[index] == "comment" or (labels[index] == "boilerplate" and (is_button(texts[index]) or (
                VOTE_COUNT_RE.search(texts[index]) and not any(map(str.isalpha, texts[index])))))]


def _without_link_markers(text: str) -> str:
    """The text without lynx's "[12]" link markers (LINK_MARKER_RE)."""
    return LINK_MARKER_RE.sub("", text) if "[" in text else text


def assemble(numbered: list[tuple[int, str]], labels: list[str], title_index: int | None,
             title_text: str | None = None, metas: MetaMemo | None = None) -> Segmentation:
    """Gather labelled lines into a Segmentation; `title_index` is relabelled `title`; `metas` as
    in apply_rules."""
    labels = list(labels)
    if title_index is not None:
        labels[title_index] = "title"
    texts = [text for _, text in numbered]
    has_comments = "comment" in labels
    comments: list[Comment] = []
    if has_comments:
        rows = _comment_rows(texts, labels)
        comments, strays = parse_comments_and_strays([_without_link_markers(texts[row]) for row in rows], metas,
                                                     already_collapsed=True)
        for stray in strays:  # a thread's furniture above its first comment or under its last
            labels[rows[stray]] = "boilerplate"
    if has_comments and not comments:
        # names and dates with no text under them ("Publication date: ...", "Moscow"): page furniture, no comments
        labels = ["boilerplate" if label == "comment" else label for label in labels]
    lines = list(map(LabelledLine, (number for number, _ in numbered), texts, labels))
    texts_by_label: dict[str, list[str]] = {label: [] for label in LABELS}
    for text, label in zip(texts, labels):  # one pass instead of one per label
        texts_by_label.setdefault(label, []).append(text)
    title = title_text
    if title is None:
        title = next(iter(texts_by_label["title"]), None)
    return Segmentation(
        title=title,
        body=_without_link_markers(BODY_JOINER.join(texts_by_label["body"])),
        comments=comments,
        boilerplate=texts_by_label["boilerplate"],
        lines=lines,
    )


def finish(numbered: list[tuple[int, str]], predicted: list[str], title_hint: str | None = None,
           furniture: list[bool] | None = None, recurring: np.ndarray | None = None,
           feed_seeds: list[int] | None = None, view: list[str] | None = None, metas: MetaMemo | None = None
           ) -> Segmentation:
    """Rules, title and assembly on top of the model's labels for one document (`furniture`,
    `recurring`, `feed_seeds`: as in apply_rules; `view`: the lines as the model read them, `cues.reading_view`;
    `metas`: meta lines known from other documents, as in apply_rules)."""
    texts = [text for _, text in numbered]
    view = texts if view is None else view
    metas = MetaMemo() if metas is None else metas  # the rules and the comment parser look at the same lines
    if view != texts:  # Chinese or Japanese: FURNITURE_RE's words for them are written as the page prints them
        furniture = [(_is_furniture(shown) if furniture is None else furniture[index]) or (own != shown and _is_furniture(own))
                     for index, (own, shown) in enumerate(zip(texts, view))]
        _FURNITURE_ANSWERS.update(zip(view, furniture))  # (for the title search's and every rule's `_is_furniture`)
        for own, shown in zip(texts, view):
            # the comment parser's reading of a header as the page prints it ("NAME · 頂尖留言者"), where it rests on more
            # than the look of a name (a short phrase unspaced reads as one word, a name: "おすすめ順", "コメント812件")
            if own != shown and shown not in metas and (meta := metas[own]) is not None \
                    and (meta.date or meta.says or " · " in own):
                metas[shown] = meta
    labels = apply_rules(view, predicted, metas, furniture, recurring, feed_seeds) if texts else []
    labels, title_index, title_text = place_title_in_view(texts, view, labels, title_hint)
    return assemble(numbered, labels, title_index, title_text, metas)


def place_title_in_view(texts: list[str], view: list[str], labels: list[str], title_hint: str | None
                        ) -> tuple[list[str], int | None, str | None]:
    """`place_title` on the lines as the model read them (`cues.reading_view`), a title taken from a line given
    as that line's own text."""
    labels, title_index, title_text = place_title(view, labels, title_hint)
    if view is not texts and title_text is not None and not title_hint and title_text in view:  # (not a metadata title)
        title_text = texts[view.index(title_text)]
    return labels, title_index, title_text


def segment_lines(numbered: list[tuple[int, str]], segmenter, title_hint: str | None = None) -> Segmentation:
    """Segment already split lines ((line_no, text) pairs) with a LineSegmenter."""
    view = reading_view([text for _, text in numbered])
    return finish(numbered, segmenter.predict(view) if view else [], title_hint, view=view)


def segment_numbered_batch(docs: list[list[tuple[int, str]]], segmenter, title_hints: list[str | None],
                           sites: list | None = None, batch_docs: int = INFERENCE_BATCH_DOCS) -> list[Segmentation]:
    """segment_lines for several documents, with batched model calls (`sites`, `batch_docs`: as in
    `LineSegmenter.predict_many`)."""
    texts = [reading_view([text for _, text in numbered]) for numbered in docs]
    site_rows, recurring = template_evidence(texts, sites)
    predicted = segmenter.predict_many(texts, sites, batch_docs, site_rows=site_rows)
    all_lines = [line for lines in texts for line in lines]
    text = pa.array(all_lines, pa.string())
    flags = furniture_flags(all_lines, text) if len(all_lines) >= RE2_MIN_LINES else None  # one pass for all documents
    ends = list(itertools.accumulate(map(len, texts)))
    seeds = feed_seed_rows(all_lines, ends, text) if ends else []
    metas = MetaMemo()  # a site's pages share lines ("Reply", its template's): each is read once
    return [finish(numbered, labels, hint, None if flags is None else flags[end - len(numbered):end], repeats, doc_seeds,
                   view, metas)
            for numbered, labels, hint, end, repeats, doc_seeds, view
            in zip(docs, predicted, title_hints, ends, recurring, seeds, texts)]
