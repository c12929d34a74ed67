"""Rules from the misreads that rounds 33 and 34 of probe pages left, and from the thirty-fifth round: comment dates
and times as Romance-language sites print them, a handle that ends in an initial, and more furniture words."""

from __future__ import annotations

import pytest

from pipeline.segmenter.comments import is_button, parse_comments
from pipeline.segmenter.text import _is_furniture, furniture_flags


def test_a_weekday_before_a_comment_date_is_no_author() -> None:
    lines = ["giovanni_b.", "Ven, 30/12/2016 - 19:05", "Mosca aspetta la nuova amministrazione, è evidente.",
             "Rispondi", "Segnala abuso",
             "Marisa Colombo", "Sab, 31/12/2016 - 09:12", "Le prove sono nel rapporto, basta leggerlo.", "Rispondi",
             "Segnala abuso"]
    assert [(c.author, c.date) for c in parse_comments(lines)] == [
        ("giovanni_b.", "Ven, 30/12/2016 - 19:05"), ("Marisa Colombo", "Sab, 31/12/2016 - 09:12")]


def test_a_name_before_a_comma_and_a_date_stays_the_author() -> None:
    lines = ["Samuel Ortiz, 30/12/2016 - 19:05", "The expulsions were long overdue.", "Reply"]
    assert [(c.author, c.date) for c in parse_comments(lines)] == [("Samuel Ortiz", "30/12/2016 - 19:05")]


def test_a_time_with_a_trailing_h_is_read() -> None:
    lines = ["Ramón Ortega", "17/07/2014 - 06:15h", "Las sanciones sectoriales tardarán años en notarse.", "Responder",
             "lucia_m", "17/07/2014 - 07:40h", "Los bancos ya lo habían descontado.", "Responder"]
    assert [(c.author, c.date) for c in parse_comments(lines)] == [("Ramón Ortega", "17/07/2014 - 06:15h"),
                                                                   ("lucia_m", "17/07/2014 - 07:40h")]


@pytest.mark.parametrize("line", ["Segnala abuso", "Denunciar abuso"])
def test_report_abuse_buttons(line: str) -> None:
    assert is_button(line)


@pytest.mark.parametrize("line", ["Tag: Russia Stati Uniti Barack Obama hacker", "LO MÁS VISTO EN...",
                                  "Most read in Politics"])
def test_more_furniture_one_by_one_and_batched(line: str) -> None:
    assert _is_furniture(line) and furniture_flags([line] * 1200)[0]


@pytest.mark.parametrize("line", ["Tagged for deletion, the files were recovered by the committee.",
                                  "Most read about the treaty in the archive before the talks began."])
def test_sentences_that_open_like_furniture_are_not(line: str) -> None:
    assert not _is_furniture(line)
