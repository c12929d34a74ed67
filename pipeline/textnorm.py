"""Shared text utilities: decode bytes, repair scraped text, identify its language.

Used by ingest (bytes to text), clean (repair, language) and score (the same repair on new articles).

* `decode_bytes` turns raw bytes into text: a byte-order mark wins, then strict UTF-8, then UTF-16/32
  without a mark (recognised by their NUL-byte pattern), then charset-normalizer over a list of
  encodings that news pages really use. Binary data (PDF, images, archives, executables) raises
  `BinaryInputError`.
* `repair_text` undoes mojibake (ftfy, but only on lines that show a mojibake signature: ftfy costs
  about a millisecond per article while the regex pre-check costs microseconds), decodes HTML
  entities, handles U+FFFD, normalises to NFC, removes control and zero-width characters and
  normalises whitespace while keeping lines and blank-line paragraph breaks (segmentation needs them).
* `detect_language` runs the py3langid model shipped inside its package (offline) on up to
  `LANGID_MAX_CHARS` characters taken from the text's longest lines, and returns an ISO 639-1 code
  or "und".
"""

from __future__ import annotations

import codecs
import html
import logging
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import ftfy
import numpy as np
from charset_normalizer import from_bytes
from scipy.sparse import csr_matrix

logger = logging.getLogger(__name__)


class BinaryInputError(ValueError):
    """The input bytes are not text (a PDF, an image, an archive, an executable...)."""


# ---------------------------------------------------------------------------------------------
# Bytes to text
# ---------------------------------------------------------------------------------------------

# File signatures that no text starts with (the plain-ASCII ones are long enough to be unambiguous).
_BINARY_MAGIC = (
    b"%PDF-", b"\x89PNG", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b",
    b"\x7fELF", b"BZh91AY&SY", b"\xfd7zXZ\x00", b"7z\xbc\xaf", b"Rar!\x1a\x07", b"\xd0\xcf\x11\xe0",
    b"OggS\x00", b"ID3\x03\x00", b"ID3\x04\x00", b"wOFF\x00", b"wOF2\x00",
)
# Longest marks first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control bytes that never occur in text (tab, newlines, form feed and escape excluded).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_SNIFF_BYTES = 8192

# Encodings charset-normalizer may choose from: those found on news sites. Restricting the list
# keeps it from picking exotic code pages for short inputs (koi8-r bytes read as shift_jis...).
_CANDIDATE_ENCODINGS = [
    "cp1252", "cp1250", "cp1251", "koi8_r", "koi8_u", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
    "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_9", "iso8859_15", "mac_roman", "mac_cyrillic",
    "gb18030", "big5", "shift_jis", "euc_jp", "euc_kr", "iso2022_jp", "tis_620", "cp874",
]
# Western single-byte code pages that charset-normalizer cannot tell apart on short inputs; for
# this project's (mostly English and Western European) sources cp1252 is the likely one.
_LATIN_FAMILY = {
    "cp1252", "cp1250", "latin_1", "iso8859_1", "iso8859_2", "iso8859_15", "mac_roman", "cp1254",
    "iso8859_9", "cp1257", "iso8859_3", "iso8859_4", "iso8859_10", "iso8859_13", "iso8859_14",
    "iso8859_16", "mac_latin2", "mac_iceland", "mac_turkish", "cp850", "cp437",
}


def _utf16_or_32_without_bom(sample: bytes) -> str | None:
    """Name the UTF-16/32 variant that the sample's byte pattern shows, or None.

    UTF-32 text has three zero bytes in most code units; UTF-16 text of one script has few distinct
    high bytes (0x00 for Latin, 0x04 for Cyrillic...) on one parity and varied low bytes on the other.
    """
    n = len(sample) - len(sample) % 4
    if n < 8:
        return None
    sample = sample[:n]
    zero_share = [sample[i::4].count(0) / (n // 4) for i in range(4)]
    if zero_share[2] > 0.9 and zero_share[3] > 0.9:
        return _if_decodes_as_text(sample, "utf-32-le")
    if zero_share[0] > 0.9 and zero_share[1] > 0.9:
        return _if_decodes_as_text(sample, "utf-32-be")
    for high_parity, encoding in ((1, "utf-16-le"), (0, "utf-16-be")):
        high, low = sample[high_parity::2], sample[1 - high_parity::2]
        top_high = sorted((high.count(b) for b in set(high)), reverse=True)[:4]
        if sum(top_high) >= 0.9 * len(high) and len(set(low)) >= min(8, len(low) // 2):
            found = _if_decodes_as_text(sample, encoding)
            if found:
                return found
    return None


def _if_decodes_as_text(sample: bytes, encoding: str) -> str | None:
    try:
        decoded = sample.decode(encoding)
    except UnicodeDecodeError:
        return None
    n_texty = sum(1 for c in decoded if c.isprintable() or c in "\t\n\r\x0c")
    return encoding if n_texty >= 0.95 * len(decoded) else None


def looks_binary(data: bytes) -> bool:
    """True when the bytes are not text: a known binary file signature, or NUL and control bytes
    in a pattern that no text encoding (UTF-16/32 without a byte-order mark included) produces."""
    if not data:
        return False
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return False
    if data.startswith(_BINARY_MAGIC):
        return True
    sample = data[:_SNIFF_BYTES]
    n_control = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if n_control == 0:
        return False
    if _utf16_or_32_without_bom(sample) is not None:
        return False
    return 0 in sample or n_control / len(sample) > 0.05


def _decode_with_detector(data: bytes) -> tuple[str, str]:
    best = from_bytes(data[:1 << 18], cp_isolation=_CANDIDATE_ENCODINGS).best()
    encoding = best.encoding if best is not None else "cp1252"
    if encoding in _LATIN_FAMILY:
        encoding = "cp1252"
    for candidate in (encoding, "cp1252"):
        try:
            return data.decode(candidate), candidate
        except (UnicodeDecodeError, LookupError):
            continue
    # cp1252 leaves five bytes undefined; latin-1 decodes anything.
    return data.decode("latin-1"), "latin-1"


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode raw bytes to text; return (text, encoding name). Raises BinaryInputError for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace"), encoding + "-sig" * (encoding == "utf-8")
    if looks_binary(data):
        raise BinaryInputError("input looks binary, not text")
    sample = data[:_SNIFF_BYTES]
    if len(sample.translate(None, _CONTROL_BYTES)) < len(sample):
        encoding = _utf16_or_32_without_bom(sample)
        if encoding is not None:
            return data.decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_with_detector(data)


# ---------------------------------------------------------------------------------------------
# Text repair
# ---------------------------------------------------------------------------------------------

# Characters that UTF-8 bytes 0x80-0xBF become when read as cp1252 or latin-1.
_CP1252_HIGH = "\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d" \
               "\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
# A UTF-8 lead byte read as cp1252/latin-1 (Â..ô) followed by a continuation byte read the same
# way, or a stray C1 control: the signature of mojibake. Matches trigger ftfy on that line only.
_MOJIBAKE_HINT = re.compile(f"[\u00c2-\u00f4][\u0080-\u00bf{_CP1252_HIGH}]|[\u0080-\u009f]")
_C1_BYTES = re.compile(b"\xc2[\x80-\x9f]")
_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False, fix_latin_ligatures=False, fix_character_width=False, uncurl_quotes=False,
    fix_line_breaks=False, normalization=None, explain=False,
)

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

_REPLACEMENT_RUN = re.compile("\ufffd+")
# A lost character inside an English contraction or possessive was almost surely an apostrophe.
_LOST_APOSTROPHE = re.compile(r"(?<=[A-Za-z])\ufffd(?=(?:s|t|re|ve|ll|d|m)\b)")

_SPACES = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_LINE_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u034f\u180e"
_CONTROL = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r\x0b\x0c\x1c\x1d\x1e") + "\x7f" + \
    "".join(chr(c) for c in range(0x80, 0xA0) if c != 0x85)
_NEEDS_TRANSLATE = re.compile(f"[{re.escape(_SPACES + _LINE_BREAKS + _INVISIBLE + _CONTROL)}]")
_TRANSLATION = str.maketrans(
    {**{c: " " for c in _SPACES}, **{c: "\n" for c in _LINE_BREAKS}, **{c: None for c in _INVISIBLE + _CONTROL}}
)
_SPACE_RUN = re.compile(r" {2,}")
_SPACES_AROUND_NEWLINE = re.compile(r" *\n *")
_BLANK_LINES = re.compile(r"\n{3,}")


def _may_hold_mojibake(text: str) -> bool:
    # Every mojibake signature holds a character U+00C2-U+00F4 or a C1 control, whose UTF-8 forms
    # start with byte C3 or C2 80-9F: a byte search rules most texts out in microseconds.
    if text.isascii():
        return False
    encoded = text.encode("utf-8", "surrogatepass")
    if b"\xc3" not in encoded and not (b"\xc2" in encoded and _C1_BYTES.search(encoded)):
        return False
    return _MOJIBAKE_HINT.search(text) is not None


def _fix_mojibake(text: str) -> str:
    if not _may_hold_mojibake(text):
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if _MOJIBAKE_HINT.search(line):
            lines[i] = ftfy.fix_text(line, _FTFY_CONFIG)
    return "\n".join(lines)


def _unescape_entities(text: str) -> str:
    # Only complete entities ("&amp;", "&#8217;"): html.unescape alone also expands bare names
    # ("&notice" -> "¬ice"). Two rounds undo double escaping ("&amp;quot;").
    for _ in range(2):
        if "&" not in text or not _ENTITY.search(text):
            break
        text = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
    return text


def _handle_replacement_chars(text: str) -> str:
    """U+FFFD marks a character lost in an earlier decoding: restore apostrophes, drop the rest."""
    if "\ufffd" not in text:
        return text
    text = _REPLACEMENT_RUN.sub("\ufffd", text)
    text = _LOST_APOSTROPHE.sub("'", text)
    return text.replace("\ufffd", "")


def _normalise_whitespace(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "  " in text:
        text = _SPACE_RUN.sub(" ", text)
    if " \n" in text or "\n " in text:
        text = _SPACES_AROUND_NEWLINE.sub("\n", text)
    if "\n\n\n" in text:
        text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


def repair_text(text: str) -> str:
    """Repair scraped text: mojibake, HTML entities, U+FFFD, NFC, control and zero-width
    characters, whitespace (runs of spaces collapsed, CRLF/CR to LF, at most one blank line
    between paragraphs, lines kept)."""
    if not text:
        return ""
    text = _fix_mojibake(text)
    text = _unescape_entities(text)
    text = _handle_replacement_chars(text)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if _NEEDS_TRANSLATE.search(text):
        text = text.translate(_TRANSLATION)
    return _normalise_whitespace(text)


# ---------------------------------------------------------------------------------------------
# Language
# ---------------------------------------------------------------------------------------------

LANGID_MAX_CHARS = 600
LANGID_MIN_LETTERS = 20
LANGID_MIN_CONFIDENCE = 0.3
LANGID_BATCH = 256
# py3langid also knows ISO 639-3 languages; map those with a 639-1 macrolanguage, the rest is "und".
_TO_ISO639_1 = {"arz": "ar", "ary": "ar", "yue": "zh", "wuu": "zh", "uzs": "uz", "gug": "gn", "sdh": "ku"}
_MIN_LINE_CHARS_FOR_LANGID = 40


class _LangidModel:
    """py3langid's naive Bayes model, scored in batches with numpy.

    py3langid walks its byte n-gram automaton one byte at a time in Python (~0.4 ms per article).
    The automaton's state after a byte depends only on the last `depth` bytes (its deepest
    state), so every position's state is found at once by walking all windows of `depth` bytes
    in parallel: `depth` numpy gathers per batch instead of a Python step per byte. Scoring and
    normalisation follow py3langid's `classify(norm_probs=True)`; tests check the two agree.
    """

    def __init__(self) -> None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        self._reference = ident
        self.nextmove = np.frombuffer(ident.tk_nextmove, dtype=np.uint32).astype(np.int32)
        self.rowbase = np.asarray(ident.tk_row, dtype=np.int32) << 8
        self.output = np.asarray(ident.tk_output, dtype=np.int32)
        self.log_prob = np.ascontiguousarray(ident.nb_ptc, dtype=np.float32)  # (features, classes)
        self.prior = np.asarray(ident.nb_pc, dtype=np.float32)
        self.classes = list(ident.nb_classes)
        self.alias_pairs = list(ident._alias_pairs)
        self.depth = self._automaton_depth()
        # A byte that keeps the start state: padding between documents resets the window.
        self.pad_byte = int(np.flatnonzero(self.nextmove[self.rowbase[0] + np.arange(256)] == 0)[0])

    def _automaton_depth(self) -> int:
        depth = np.full(len(self.rowbase), -1)
        depth[0] = 0
        frontier, level = np.array([0]), 0
        while len(frontier):
            rows = np.unique(self.rowbase[frontier])
            reached = np.unique(self.nextmove[rows[:, None] + np.arange(256)])
            reached = reached[depth[reached] < 0]
            level += 1
            depth[reached] = level
            frontier = reached
        return int(depth.max())

    @staticmethod
    def encode(text: str) -> bytes:
        # As py3langid's LanguageIdentifier._encode.
        if text.isupper():
            text = text.lower()
        return unicodedata.normalize("NFC", text).encode("utf-8", errors="surrogatepass")

    def probabilities(self, encoded: list[bytes]) -> np.ndarray:
        """(documents, classes) normalised probabilities for a batch of encoded texts."""
        gap = bytes([self.pad_byte]) * (self.depth - 1)
        joined = gap + gap.join(encoded)
        buf = np.frombuffer(joined, dtype=np.uint8).astype(np.int32)
        n = len(buf) - (self.depth - 1)
        state = np.zeros(n, dtype=np.int32)
        for step in range(self.depth):
            state = self.nextmove[self.rowbase[state] + buf[step:step + n]]
        feature = self.output[state]
        doc_starts = np.cumsum([0] + [len(e) + len(gap) for e in encoded[:-1]])
        position = np.flatnonzero(feature >= 0)
        doc = np.searchsorted(doc_starts, position, side="right") - 1
        n_features = len(self.log_prob)
        keys, counts = np.unique(doc.astype(np.int64) * n_features + feature[position], return_counts=True)
        per_doc = np.bincount(keys // n_features, minlength=len(encoded))
        weights = csr_matrix(
            (np.log1p(counts.astype(np.float32)), (keys % n_features).astype(np.int32),
             np.concatenate(([0], np.cumsum(per_doc))).astype(np.int32)),
            shape=(len(encoded), n_features),
        )
        scores = np.asarray(weights @ self.log_prob) + self.prior
        has_features = per_doc > 0
        scores[~has_features] = 0.0
        lengths = np.array([len(e) or 1 for e in encoded], dtype=np.float32)
        scores *= (1.0 / np.sqrt(lengths))[:, None]
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        scores /= scores.sum(axis=1, keepdims=True)
        for first, dupe in self.alias_pairs:
            scores[:, first] += scores[:, dupe]
            scores[:, dupe] = 0.0
        return scores


@lru_cache(maxsize=1)
def _langid_model() -> _LangidModel:
    return _LangidModel()


def _langid_sample(text: str) -> str:
    """Up to LANGID_MAX_CHARS characters from the text's long lines (article prose rather than
    menus and bylines, which are often English on foreign sites too)."""
    if len(text) <= LANGID_MAX_CHARS:
        return text
    picked: list[str] = []
    size = 0
    for line in text.split("\n"):
        if len(line) >= _MIN_LINE_CHARS_FOR_LANGID:
            picked.append(line)
            size += len(line) + 1
            if size >= LANGID_MAX_CHARS:
                break
    sample = "\n".join(picked) if size >= LANGID_MAX_CHARS // 2 else text
    return sample[:LANGID_MAX_CHARS]


def _has_letters(text: str, minimum: int) -> bool:
    return sum(map(str.isalpha, text[:3 * minimum])) >= minimum or sum(map(str.isalpha, text)) >= minimum


def _iso_code(lang: str) -> str:
    lang = _TO_ISO639_1.get(lang, lang)
    return lang if len(lang) == 2 else "und"


def detect_languages(texts: Iterable[str]) -> list[str]:
    """ISO 639-1 code (or "und") of each text; much faster per text than detect_language in a loop."""
    model = _langid_model()
    samples = [_langid_sample(t or "") for t in texts]
    result = ["und"] * len(samples)
    usable = [i for i, s in enumerate(samples) if _has_letters(s, LANGID_MIN_LETTERS)]
    for start in range(0, len(usable), LANGID_BATCH):
        batch = usable[start:start + LANGID_BATCH]
        probabilities = model.probabilities([model.encode(samples[i]) for i in batch])
        best = probabilities.argmax(axis=1)
        confidence = probabilities[np.arange(len(batch)), best]
        for i, label, conf in zip(batch, best.tolist(), confidence.tolist()):
            if conf >= LANGID_MIN_CONFIDENCE:
                result[i] = _iso_code(model.classes[label])
    return result


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or "und" when too short or unsure. The language is
    read from up to LANGID_MAX_CHARS characters of the text's long lines."""
    return detect_languages([text])[0]
