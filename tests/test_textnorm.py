"""Tests for pipeline.textnorm: decoding bytes, repairing text, identifying the language."""

import os

import pytest

from pipeline.textnorm import (
    BinaryInputError, _langid_model, decode_bytes, detect_language, detect_languages, looks_binary, repair_text,
)

SAMPLE = "The minister’s “final” offer – rejected on Monday – surprised café owners in Zürich."


# --- decode_bytes ------------------------------------------------------------------------------

def test_decode_cp1252_bytes():
    text, encoding = decode_bytes(SAMPLE.encode("cp1252"))
    assert text == SAMPLE
    assert encoding == "cp1252"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le"])
def test_decode_utf16_and_utf32_with_and_without_bom(encoding):
    text, found = decode_bytes(SAMPLE.encode(encoding))
    assert text == SAMPLE
    assert found.startswith(encoding[:6])


def test_decode_utf16_without_bom_in_cyrillic():
    russian = "Министр иностранных дел заявил в среду о новых переговорах."
    for encoding in ("utf-16-le", "utf-16-be"):
        assert decode_bytes(russian.encode(encoding)) == (russian, encoding)


def test_decode_utf8_with_and_without_bom():
    assert decode_bytes(SAMPLE.encode("utf-8")) == (SAMPLE, "utf-8")
    assert decode_bytes(SAMPLE.encode("utf-8-sig")) == (SAMPLE, "utf-8-sig")


def test_decode_cp1251_cyrillic():
    russian = "Министр иностранных дел заявил в среду о новых переговорах по договору."
    assert decode_bytes(russian.encode("cp1251")) == (russian, "cp1251")


@pytest.mark.parametrize("data", [
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    b"PK\x03\x04\x14\x00\x06\x00",
    bytes(range(256)) * 8,
    b"\x00\x01\x02\x03" * 200,
])
def test_binary_input_rejected(data):
    assert looks_binary(data)
    with pytest.raises(BinaryInputError):
        decode_bytes(data)


def test_random_bytes_are_binary():
    assert looks_binary(os.urandom(4096))


def test_text_is_not_binary():
    for encoding in ("utf-8", "cp1252", "utf-16-le", "utf-16"):
        assert not looks_binary(SAMPLE.encode(encoding))
    assert not looks_binary(b"")
    assert not looks_binary(b"ID3 tags and RIFF headers are explained below.")


# --- repair_text ---------------------------------------------------------------------------

@pytest.mark.parametrize("broken, fixed", [
    ("It\u00e2\u20ac\u2122s over", "It\u2019s over"),                   # â€™ -> ’
    ("a zero\u00e2\u20ac\u2039width space", "a zerowidth space"),   # â€‹ -> U+200B -> removed
    ("Caf\u00c3\u00a9 na\u00c3\u00afve", "Café naïve"),
    ("\u00e2\u20ac\u0153Quoted\u00e2\u20ac\u009d", "\u201cQuoted\u201d"),
])
def test_mojibake_repaired(broken, fixed):
    assert repair_text(broken) == fixed


def test_mojibake_repaired_only_on_affected_lines():
    text = "Clean line with a “quote” kept.\nBroken line: it\u00e2\u20ac\u2122s here."
    assert repair_text(text) == "Clean line with a “quote” kept.\nBroken line: it’s here."


def test_legitimate_accents_untouched():
    for text in ("São Paulo and Straße“ stay", "Le président a dit « non »", "Ελλάδα και Россия"):
        assert repair_text(text) == text


def test_replacement_characters():
    assert repair_text("The court didn\ufffdt rule") == "The court didn't rule"
    assert repair_text("Trump\ufffd\ufffds plan") == "Trump's plan"
    assert repair_text("price \ufffd rose") == "price rose"


def test_html_entities():
    assert repair_text("Tom &amp; Jerry &quot;said&quot; &#8220;hi&#x201D;") == 'Tom & Jerry "said" “hi”'
    assert repair_text("double &amp;amp; escaped") == "double & escaped"
    # Bare names without a semicolon are left alone (html.unescape would make "¬ice").
    assert repair_text("AT&T gave &notice") == "AT&T gave &notice"


def test_unicode_nfc():
    assert repair_text("cafe\u0301") == "caf\u00e9"


def test_control_and_zero_width_characters_removed():
    assert repair_text("a\x00b\x07c\u200bd\ufeffe\u00adf\u2060g") == "abcdefg"


def test_whitespace_normalised_and_lines_kept():
    raw = "  Title\r\n\r\nFirst   line\tof\u00a0text \r\nsecond line\r\rthird\n\n\n\n\nlast  "
    assert repair_text(raw) == "Title\n\nFirst line of text\nsecond line\n\nthird\n\nlast"


def test_clean_text_unchanged():
    text = "Line one.\n\nLine two, with “quotes” and an em dash — here."
    assert repair_text(text) == text
    assert repair_text("") == ""


# --- detect_language -------------------------------------------------------------------------

def test_detect_english():
    assert detect_language(SAMPLE + " The talks will resume next week in Geneva, officials said.") == "en"


def test_detect_german():
    text = ("Die Bundesregierung hat am Mittwoch neue Sanktionen beschlossen. Der Außenminister sagte, "
            "die Gespräche über den Vertrag würden in der nächsten Woche fortgesetzt.")
    assert detect_language(text) == "de"


def test_detect_russian():
    text = ("Министр иностранных дел заявил в среду, что переговоры о договоре будут продолжены "
            "на следующей неделе в Женеве.")
    assert detect_language(text) == "ru"


def test_detect_language_uses_prose_lines_of_long_text():
    menu = "\n".join(["Home", "News", "Sport", "Login"] * 20)
    prose = ("Die Bundesregierung hat am Mittwoch neue Sanktionen beschlossen und der Außenminister "
             "kündigte weitere Gespräche an.\n") * 10
    assert detect_language(menu + "\n" + prose) == "de"


def test_detect_language_undetermined_for_short_or_empty():
    assert detect_language("") == "und"
    assert detect_language("OK 123") == "und"


MULTILINGUAL = [
    SAMPLE,
    "Die Bundesregierung hat am Mittwoch neue Sanktionen beschlossen.",
    "Министр иностранных дел заявил в среду о новых переговорах.",
    "Le gouvernement a annoncé mercredi de nouvelles mesures contre la fraude fiscale.",
    "El gobierno anunció el miércoles nuevas medidas contra la inflación.",
    "Rząd ogłosił w środę nowe sankcje wobec kilku firm.",
    "Η κυβέρνηση ανακοίνωσε την Τετάρτη νέα μέτρα.",
    "政府周三宣布了新的措施。",
    "THE SENATE VOTED ON TUESDAY TO PASS THE BILL.",
    "1234 5678",
    "",
]


def test_batched_language_model_agrees_with_py3langid():
    model = _langid_model()
    reference = model._reference
    probabilities = model.probabilities([model.encode(t) for t in MULTILINGUAL])
    for text, row in zip(MULTILINGUAL, probabilities):
        label, confidence = reference.classify(text)
        assert model.classes[int(row.argmax())] == label
        assert abs(float(row.max()) - confidence) < 1e-4


def test_detect_languages_batch_matches_single_calls():
    assert detect_languages(MULTILINGUAL) == [detect_language(t) for t in MULTILINGUAL]
    assert detect_languages(MULTILINGUAL)[:7] == ["en", "de", "ru", "fr", "es", "pl", "el"]
