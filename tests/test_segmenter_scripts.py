"""Pages in other scripts and languages, and the dump tools' quirks: the segmenter's reading view of Chinese and
Japanese, headlines in scripts without case, breadcrumbs and menus, lynx's link markers and references, and the
comment widgets' words in Spanish, Portuguese, Italian, Polish, Arabic and Chinese."""

from __future__ import annotations

import re

import pytest

from pipeline.segmenter.comments import _is_date_text, _looks_like_name, is_button, is_counter
from pipeline.segmenter.cues import INLINE_PROMPT, reading_view
from pipeline.segmenter.text import _heading_like, _menu_like, assemble, wrap_width


def test_reading_view_spaces_chinese_and_japanese_and_leaves_other_lines_alone() -> None:
    latin = ["Moscow and Washington resume talks", "Переговоры возобновятся в Женеве."]
    assert reading_view(latin) is latin  # no copy for the pages without such text
    view = reading_view(["美国与俄罗斯代表团4日在瑞士日内瓦结束对话。", "Copyright © 2026 HUAXUN.COM.CN", "米ロ外相が電話会談"])
    chinese, latin_line, japanese = view
    # two-character pseudo-words, so that a paragraph has about as many "words" as its English translation
    assert chinese.split()[:3] == ["美国", "与俄", "罗斯"] and chinese.endswith("话.")  # "。" reads as a full stop
    assert latin_line == "Copyright © 2026 HUAXUN.COM.CN"
    assert japanese.split() == ["米ロ", "外相", "が電", "話会", "談"]


def test_headlines_in_scripts_without_case_are_heading_like() -> None:
    assert _heading_like("واشنطن وموسكو تتبادلان الاتهامات بعد تعثر محادثات الطاقة", 4)
    assert _heading_like("美俄 在日 内瓦 重启 战略 稳定 对话", 4)
    assert not _heading_like("the talks resume in geneva on monday", 4)  # lower-case Latin text still is no headline


@pytest.mark.parametrize("line, menu", [
    ("Opinion > Letters to the Editor", True),
    ("You are here: Home > HTC DROID DNA Shot Leaked, Cleanest One Yet", True),
    ("华讯 网 > 新闻 中心 > 国际 新闻 > 正文", True),
    ("Politics World Ideas Books Culture Podcasts Magazine Archive", True),  # a menu whose separators were spaces
    ("Free Range Librarian › Hachette Job, and Other Musings", False),  # a page title "Site › Headline"
    ("Kremlin Rejects Washington Sanctions Proposal", False),
    ("Russia and US Swap Prisoners in Abu Dhabi", False),
])
def test_breadcrumbs_and_space_separated_menus_are_no_headlines(line: str, menu: bool) -> None:
    assert _menu_like(line) is menu


def test_a_lynx_reference_list_does_not_hide_the_wrapping() -> None:
    paragraph = ("Negotiators from both capitals met for three days in Geneva and agreed only to meet again in "
                 "February, as each side accused the other of stalling on the question of inspections and of the "
                 "data exchanges that both militaries once relied on to count each other's warheads and launchers "
                 "without guessing, a practice that lapsed three years ago and that neither side has offered to "
                 "restore without conditions attached.")
    lines, line, number = [], "", 1
    for word in paragraph.split():
        if len(line) + 1 + len(word) > 74:
            lines.append((number, line))
            line, number = word, number + 1
        else:
            line = f"{line} {word}".strip()
    lines.append((number, line))
    references = [(number + index + 2, f"{index + 12}. https://courier.example/2026/12/05/geneva-arms-talks/"
                   f"?replytocom={90400 + index}&utm_source=share#respond-to-comment-thread") for index in range(3)]
    assert wrap_width(lines) is not None
    assert wrap_width(lines + references) is not None  # numbered URLs are unbreakable, not the text's width


def test_lynx_link_markers_are_left_out_of_comment_authors_and_dates() -> None:
    texts = ["The talks ended without a deal on warhead limits, officials from both delegations said on Friday.",
             "1. [55]Teresa Munoz says:", "[56]December 6, 2026 at 6:30 am",
             "Why is the paper running wire coverage when the ferry cuts are unresolved?", "[57]Reply",
             "2. Walt K. says:", "[61]December 6, 2026 at 9:15 am", "Good reporting on the missiles in Germany.",
             "[62]Reply"]
    labels = ["body"] + ["comment"] * 3 + ["boilerplate"] + ["comment"] * 3 + ["boilerplate"]
    result = assemble(list(enumerate(texts, start=1)), labels, None)
    assert [(c.author, c.date) for c in result.comments] == [("Teresa Munoz", "December 6, 2026 at 6:30 am"),
                                                            ("Walt K.", "December 6, 2026 at 9:15 am")]


@pytest.mark.parametrize("text", ["Hace 3 horas", "hace 45 minutos", "Ayer", "há 2 dias", "3 ore fa", "2 godz. temu",
                                  "45 min. temu", "5 dic 2026 - 10:24 ART", "5 de dezembro de 2026",
                                  "5 grudnia 2026, 14:02", "5 ديسمبر 2026 - 12:05 م"])
def test_comment_dates_of_more_languages(text: str) -> None:
    assert _is_date_text(text)


@pytest.mark.parametrize("text", ["Ayer el gobierno anunció nuevas sanciones contra Moscú y Minsk.",
                                  "Hace falta más diálogo entre Washington y Moscú",
                                  "Dwa lata temu Rosja zerwała rozmowy z Waszyngtonem o kontroli zbrojeń"])
def test_sentences_with_such_words_are_no_dates(text: str) -> None:
    assert not _is_date_text(text)


def test_comment_widget_words_of_more_languages() -> None:
    for button in ["Responder", "Me gusta 14", "Odpowiedz", "Zgłoś", "Rispondi", "رد", "回复 点赞(56)"]:
        assert is_button(button), button
    for counter in ["Comentarios (5)", "Komentarze (6)", "التعليقات (4)", "网友评论", "Ordenar por: Más recientes",
                    "Ver más comentarios", "查看更多评论"]:
        assert is_counter(counter), counter
    assert not is_button("Responder a Moscú con sanciones no basta, dijo el ministro.")
    assert not is_counter("Comentarios del ministro sobre las sanciones a Rusia")


def test_names_in_scripts_without_case_and_not_sentences() -> None:
    assert _looks_like_name("سارة منصور") and _looks_like_name("海风吹过的港口") and _looks_like_name("Marta z Gdyni")
    assert not _looks_like_name("能坐下来谈总比不谈好，至少说明双方都不想局势失控。")  # a Chinese sentence
    assert not _looks_like_name("Follow @SBNRecruiting on Twitter")  # "@" is no capital


def test_ad_markers_of_more_languages_are_inline_prompts() -> None:
    prompt = re.compile(INLINE_PROMPT, re.IGNORECASE)
    for marker in ["PUBLICIDAD", "Publicidade", "Pubblicità", "REKLAMA", "Anzeige", "Реклама", "إعلان", "广告", "広告"]:
        assert prompt.match(marker), marker
    assert not prompt.match("Publicidad engañosa en la campaña electoral, denuncia la oposición")


def test_a_comment_section_the_network_missed_is_found_by_its_reply_buttons() -> None:
    from pipeline.segmenter.text import apply_rules
    article = ["Washington y Moscú reabren el canal militar", "Los jefes de Estado Mayor de ambos países hablaron por "
               "videoconferencia durante más de una hora, según fuentes del Pentágono."]
    section = ["Comentarios (3)", "Para comentar debes estar registrado.",
               "marcelo_rosario", "Hace 3 horas", "Bien que hablen los militares, nadie gana nada con el silencio.",
               "Responder", "Me gusta 14",
               "Ana Belén Soto", "Hace 2 horas", "Un seguro contra el desastre, exacto, con dos potencias nucleares.",
               "Responder", "Me gusta 9",
               "el_tano_83", "Hace 45 minutos", "Lo importante es que no haya un accidente sobre el mar Negro.",
               "Responder", "Me gusta 1"]
    labels = apply_rules(article + section, ["title", "body"] + ["boilerplate"] * len(section))
    commented = [line for line, label in zip(article + section, labels) if label == "comment"]
    assert commented == [line for line in section[2:] if not line.startswith(("Responder", "Me gusta"))]
    # two such comments are not enough, and a list of teasers with dates and "Read more" links is no comment section
    assert "comment" not in apply_rules(article + section[:12], ["title", "body"] + ["boilerplate"] * 12)
    teasers = [line for index in range(3) for line in (f"Sanctions relief talks stall again, part {index}",
                                                       "December 5, 2026",
                                                       "Diplomats from both capitals met again without an agreement.",
                                                       "Read more")]
    assert "comment" not in apply_rules(article + teasers, ["title", "body"] + ["boilerplate"] * len(teasers))
