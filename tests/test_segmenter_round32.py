"""Rules from the thirty-second round of probe pages (ordinary article pages of 2011-2023 in English, Russian,
Ukrainian, German, French, Portuguese, Catalan, Swedish, Finnish, Hungarian, Romanian, Greek and Serbian): a row of
buttons that recurs under nearly every comment in words no list holds, vote counts as separators between comments,
more button words, Swedish singular ages, a Finnish "read also" link inside the article, a channel prompt, a prompt to
report a mistake and cookie notices in more languages."""

from __future__ import annotations

import pytest

from pipeline.segmenter.comments import MORE_COMMENTS_RE, MetaMemo, is_button, parse_comments
from pipeline.segmenter.cues import OTHER_AGO_RE, RELATED_LINK_INLINE_RE
from pipeline.segmenter.text import _is_furniture, _recurring_button_rows, apply_rules, furniture_flags


def _thread(row: str, names: list[str]) -> tuple[list[str], list[str]]:
    lines, labels = [], []
    for number, name in enumerate(names):
        lines += [name, f"14.11.2017 1{number}:02", f"Comment number {number} says the talks went nowhere again.",
                  row.replace("#", str(number + 2))]
        labels += ["comment"] * 4
    return lines, labels


@pytest.mark.parametrize("row", ["Répondre | Citer +#", "Votos: +# / -3", "+#", "Svara · Stjärnmärk #"])
def test_a_row_under_every_comment_is_buttons(row: str) -> None:
    lines, labels = _thread(row, ["olek_dn", "Marina K", "vitya77", "Petro"])
    assert len(_recurring_button_rows(lines, labels, MetaMemo())) == 1
    new = apply_rules(lines, labels)
    assert [new[index] for index in range(3, len(lines), 4)] == ["boilerplate"] * 4
    assert [new[index] for index in range(2, len(lines), 4)] == ["comment"] * 4


@pytest.mark.parametrize("row", [
    "Jacob",  # a commenter who writes nearly every comment: a name, not a row
    "7",  # a comment's number
    "Well said.",  # a reply that ends a sentence
])
def test_recurring_names_numbers_and_sentences_are_no_rows(row: str) -> None:
    lines, labels = _thread(row, ["olek_dn", "Marina K", "vitya77", "Petro"])
    assert _recurring_button_rows(lines, labels, MetaMemo()) == frozenset()


def test_a_row_needs_three_dated_comments() -> None:
    lines, labels = _thread("Répondre | Citer +#", ["olek_dn", "Marina K"])
    assert _recurring_button_rows(lines, labels, MetaMemo()) == frozenset()


@pytest.mark.parametrize("line", ["Add Reply", "Відповісти | Цитувати   +7", "Votos: +21 / -4"])
def test_more_button_rows(line: str) -> None:
    assert is_button(line)


def test_vote_counts_separate_comments_that_the_rules_relabel() -> None:
    lines = ["TokarV", "+41", "4 часа назад", "Японские центры ничем не заменишь, это правда.", "ответить",
             "Gladius.77", "+33", "4 часа назад", "А китайская начинка чем плоха?", "ответить",
             "Skeptik", "+58", "3 часа назад", "Третий пакет за год, а заводы работают.", "ответить"]
    comments = parse_comments(lines)
    assert [(comment.author, comment.date) for comment in comments] == [
        ("TokarV", "4 часа назад"), ("Gladius.77", "4 часа назад"), ("Skeptik", "3 часа назад")]


def test_swedish_singular_ages_and_german_more_comments() -> None:
    assert all(OTHER_AGO_RE.search(age) for age in ("för 1 timme sedan", "för 3 timmar sedan", "1 dag siden"))
    assert MORE_COMMENTS_RE.match("Weitere Kommentare laden") and not MORE_COMMENTS_RE.match("Weitere Kommentare zum Gipfel")


def test_a_finnish_read_also_link_inside_the_article() -> None:
    assert RELATED_LINK_INLINE_RE.match("LUE MYÖS: Asiantuntija: sopimus on kuollut")


@pytest.mark.parametrize("line", [
    "Наш канал в Telegram. Присоединяйтесь!", "Fehler gefunden? Jetzt melden.", "Spotted an error? Let us know.",
    "Vi använder cookies för att ge dig en bättre upplevelse av Kvällsekot. Läs mer om cookies",
    "Käytämme evästeitä parantaaksemme palvelua.",
])
def test_round_32_furniture_one_by_one_and_batched(line: str) -> None:
    assert _is_furniture(line) and furniture_flags([line] * 1200)[0]


@pytest.mark.parametrize("line", ["The error was spotted by analysts in March, officials said.",
                                  "Our channel of communication with Moscow stays open, the envoy said."])
def test_sentences_about_errors_and_channels_are_not_furniture(line: str) -> None:
    assert not _is_furniture(line)
