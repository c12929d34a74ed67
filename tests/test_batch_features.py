"""Column-wise line features (pipeline.segmenter.batch_features) and the network's line layout."""

from __future__ import annotations

import numpy as np
import torch

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.segmenter.batch_features import COLUMN, CYRILLIC_FLAG_PATTERNS, FLAG_PATTERNS, UNION_MIN_LINES, batch_features
from pipeline.segmenter.model import _Layout

COMMENT_PAGE = [
    "Council approves the new harbour budget",
    "By Maria Lindqvist on March 3, 2021",
    "The city council approved the harbour budget on Tuesday, after a debate that ran late into the evening "
    "and ended with a narrow vote of seven to five.",
    "Share this article",
    "3 Comments",
    "Peter Novak says:",
    "March 4, 2021 at 9:15 am",
    "About time somebody fixed the piers.",
    "Reply",
    "Reply",
]
OTHER_PAGE = ["Ünïcödé headline – ÇA VA?", "x", "Posted 2 days ago", "© 2021 Example News. All rights reserved."]


def column(features, name: str) -> np.ndarray:
    return features.dense[:, COLUMN[name]]


def test_line_features_read_cues_and_counts() -> None:
    features = batch_features([COMMENT_PAGE])
    assert column(features, "date")[1] == 1 and column(features, "date")[6] == 1 and column(features, "date")[2] == 0
    assert column(features, "time")[6] == 1
    assert column(features, "by")[1] == 1 and column(features, "by")[0] == 0
    assert column(features, "says")[5] == 1
    assert column(features, "ncomm")[4] == 1
    assert column(features, "reply")[8] == 1
    assert column(features, "end=p")[2] == 1 and column(features, "end=o")[0] == 1
    # "Reply" is repeated, the second copy directly under the first
    assert column(features, "rep")[8] > 0 and column(features, "dup_prev")[9] == 1 and column(features, "dup_prev")[8] == 0
    # the comment header lies above the comment lines, not above the article
    assert column(features, "hdr_above")[7] == 1 and column(features, "hdr_above")[2] == 0
    assert column(features, "hdr_below")[2] == 1
    # word counts: the paragraph is the longest line
    assert column(features, "rel")[2] == 1.0 and column(features, "rel")[8] < 0.1
    positions = column(features, "pos")
    assert positions[0] == 0 and np.all(np.diff(positions) > 0)


def test_non_ascii_and_symbols() -> None:
    features = batch_features([OTHER_PAGE])
    assert column(features, "copy")[3] == 1
    assert column(features, "ago")[2] == 1
    assert abs(column(features, "upper")[0] - 5 / 19) < 1e-6  # Ü, Ç, A, V, A of 19 letters
    assert column(features, "alpha")[0] > 0.6
    assert column(features, "lowstart")[1] == 1


def test_features_of_a_document_do_not_depend_on_its_batch() -> None:
    alone = [batch_features([doc]) for doc in (COMMENT_PAGE, OTHER_PAGE)]
    together = batch_features([COMMENT_PAGE, [], OTHER_PAGE])
    assert together.doc_lengths.tolist() == [len(COMMENT_PAGE), 0, len(OTHER_PAGE)]
    np.testing.assert_allclose(together.dense, np.concatenate([f.dense for f in alone]), rtol=0, atol=1e-6)
    words_alone = alone[0].tokens["b"][0].to_pylist() + alone[1].tokens["b"][0].to_pylist()
    assert together.tokens["b"][0].to_pylist() == words_alone
    # each line's bag of words weighs 1 in total
    strings, line_of_token, weights = together.tokens["b"]
    np.testing.assert_allclose(np.bincount(line_of_token, weights=weights), 1.0, rtol=1e-5)


def test_tokens_of_short_and_long_lines() -> None:
    features = batch_features([COMMENT_PAGE])
    short_words, short_lines, _ = features.tokens["w"]
    assert "comments" in short_words.to_pylist() and "0" in short_words.to_pylist()  # "3 Comments"
    assert 2 not in short_lines.tolist()  # the paragraph is not a short line
    first, first_lines, _ = features.tokens["w0"]
    last, _, _ = features.tokens["wl"]
    index = first_lines.tolist().index(2)
    assert first.to_pylist()[index] == "the" and last.to_pylist()[index] == "five"


def test_empty_batch() -> None:
    features = batch_features([[], []])
    assert features.dense.shape[0] == 0 and features.doc_lengths.tolist() == [0, 0]


def test_layout_windows_cover_every_line_once() -> None:
    lengths = [1, 5, 256, 257, 700, 1000]
    layout = _Layout.of(lengths, gap=2, window=256, margin=32)
    # each line takes its GRU state from a packed row that reads that very line
    assert torch.equal(layout.packed[layout.owner_rows], torch.arange(sum(lengths)))
    assert int(layout.batch_sizes.sum()) == len(layout.packed)
    assert len(layout.batch_sizes) <= 256  # no window is longer than 256 lines
    # documents laid end to end for the convolution, two zero rows apart
    assert layout.spaced[:2].tolist() == [2, 5]


CYRILLIC_PAGE = [
    "Москва готова продолжать контакты с Вашингтоном, однако не будет вести переговоры на языке ультиматумов.",
    "Комментарии (2)", "Сергей П. пишет:", "3 декабря 2026, 16:02", "Ответить", "5 минут назад", "2 години тому",
    "Коментарі (14)", "Відповісти", "© 2026 Вечерний Курьер. Все права защищены.", "Поделиться", "Не ответить на это",
]


def test_russian_and_ukrainian_cues() -> None:
    features = batch_features([CYRILLIC_PAGE])
    flagged = {name: [CYRILLIC_PAGE[i] for i in np.flatnonzero(column(features, name))]
               for name in ("date", "ago", "ncomm", "says", "reply", "copy")}
    assert flagged == {"date": ["3 декабря 2026, 16:02"], "ago": ["5 минут назад", "2 години тому"],
                       "ncomm": ["Комментарии (2)", "Коментарі (14)"], "says": ["Сергей П. пишет:"],
                       "reply": ["Ответить", "Відповісти"], "copy": ["© 2026 Вечерний Курьер. Все права защищены."]}
    # prose reads as prose: "с", "однако", "не", "на" are stopwords (4 of 14 words)
    assert abs(column(features, "stop")[0] - 4 / 14) < 1e-6
    assert column(features, "commw")[1] > 0 and column(features, "furn")[10] > 0


def test_pattern_flags_equal_one_pass_per_pattern() -> None:
    # the flags come from one pass of a union of patterns, then each pattern on that pass's hits (and the
    # Cyrillic patterns on the lines with a Cyrillic letter)
    lines = COMMENT_PAGE + OTHER_PAGE + [
        "Read more »", "see all", "Visit www.example.org today", "mail me@host.net", "Copyright 2020", "Like",
        "Permalink", "posted by Anna", "He wrote:", "3 hours ago", "Yesterday, officials said", "Continue reading...",
        "12 comments", "An article… ", "A plain sentence with nothing special in it.", "İ ı ſ K", "Report abuse",
        *CYRILLIC_PAGE]
    assert len(lines) < UNION_MIN_LINES <= len(lines) * 20  # a few lines: no union; many: the union pass
    text = pa.array(lines, pa.string())
    for features, copies in ((batch_features([lines]), 1), (batch_features([lines] * 20), 20)):
        for name, pattern in FLAG_PATTERNS.items():
            expected = pc.match_substring_regex(text, pattern).to_numpy(zero_copy_only=False)
            if name in CYRILLIC_FLAG_PATTERNS:  # run on Cyrillic lines only, where alone they can match
                expected |= pc.match_substring_regex(text, CYRILLIC_FLAG_PATTERNS[name]).to_numpy(zero_copy_only=False)
            assert expected.any(), name  # the crafted lines hit every pattern
            assert (column(features, name) == np.tile(expected, copies)).all(), name


def test_word_grams_are_the_trigrams_of_short_lines_words_each_word_counting_once() -> None:
    from pipeline.segmenter.batch_features import gram_code, gram_text

    page = ["Kommentare", "Der Ausschuss hat am Montag einen Bericht über die Gespräche in Genf vorgelegt.",
            "Antworten 0"]
    features = batch_features([page], grams=True)
    codes, lines, weights = features.tokens["g"]
    grams = [gram_text(code) for code in codes.to_pylist()]
    # "<kommentare>" has 10 trigrams, "<antworten>" 9, "<0>" 1; the long line's words give none
    assert grams[:3] == ["<ko", "kom", "omm"] and grams[9] == "re>" and grams[-1] == "<0>"
    assert lines.tolist() == [0] * 10 + [2] * 10
    assert np.allclose(np.bincount(lines, weights=weights), [1.0, 0.0, 2.0])
    assert all(gram_code(gram_text(code)) == code for code in codes.to_pylist())
    assert "g" not in batch_features([page]).tokens  # only for models that read them
    assert len(batch_features([[], []], grams=True).tokens["g"][0]) == 0
