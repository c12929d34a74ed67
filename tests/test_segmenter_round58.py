"""Stop 41: an avatar's alt text in other languages than English ("Kullanıcı avatarı", "Аватар пользователя",
"Benutzerbild") opens a comment as "Avatar" does, instead of passing for the commenter's name; and in a parsed thread
every avatar's alt text (and the initials OpenWeb prints for a commenter without a picture) is furniture, not
comment text. And a comment's header of a name, the language's "on" and a date ("Gilbert36 le 08/07/2017 à 07h52",
"Jan de Vries op 3 juni 2020 om 14:02", "Par NAME le DATE") names the commenter, as "NAME on DATE" does."""

from __future__ import annotations

import pytest

from pipeline.segmenter import segment_text
from pipeline.segmenter.comments import MetaMemo, _widget_kind, parse_comments

ARTICLE = """Ankara Günlüğü
Dünya
ABD, 35 Rus diplomatı sınır dışı ediyor
Washington yönetimi, seçimlere müdahale iddiaları nedeniyle Rus diplomatlarına ülkeyi terk etmeleri için 72 saat süre tanıdı.
Beyaz Saray'ın perşembe günü açıkladığı kararla, Washington ve San Francisco'daki iki temsilcilikte görevli 35 kişi istenmeyen kişi ilan edildi. Karar, ABD istihbarat kurumlarının raporlarının ardından geldi.
Moskova ise ilk tepkisinde benzer bir karşılık vereceğini duyurdu, ancak Kremlin'den gelen açıklamalar akşam saatlerinde yumuşadı. Diplomatik kaynaklar, yeni yönetimin göreve başlamasının beklendiğini söylüyor.
Yorumlar (3)
Kullanıcı avatarı
Derya Aksoy
30.12.2016 09:14
Bu karar iki ülke arasındaki ilişkileri daha da zorlaştıracak gibi görünüyor, yeni yönetimin ne yapacağını merak ediyorum.
Beğen Yanıtla
Kullanıcı avatarı
kartal_1903
30.12.2016 10:02
Asıl mesele Suriye'deki ateşkesin ne olacağı, büyük güçlerin kavgası bizi de etkiliyor.
Beğen Yanıtla
Kullanıcı avatarı
Hasan Tekin
30.12.2016 11:47
Yıllardır başka ülkelerin seçimlerine karışanların şimdi şikayet etmesi ilginç bir durum doğrusu.
Beğen Yanıtla
© 2016 Ankara Günlüğü
"""


@pytest.mark.parametrize("alt_text", ["Kullanıcı avatarı", "Аватар пользователя", "Аватар", "Benutzerbild", "Profilbild",
                                      "Avatar de l'utilisateur", "Avatar użytkownika", "Foto de perfil", "프로필 사진",
                                      "Avatar", "User avatar"])
def test_an_avatars_alt_text_in_many_languages_is_an_avatar_line(alt_text: str) -> None:
    assert _widget_kind(alt_text) == "avatar"


@pytest.mark.parametrize("line", ["Fotos de la cumbre", "Profil", "Avatarul meu e frumos", "Kullanıcı yorumları"])
def test_lines_that_only_start_like_an_avatar_are_not_one(line: str) -> None:
    assert _widget_kind(line) != "avatar"


def test_a_turkish_thread_with_avatar_alt_texts_parses_the_commenters_and_leaves_the_alt_texts_out() -> None:
    result = segment_text(ARTICLE)
    assert [[comment.author, comment.date] for comment in result.comments] == [
        ["Derya Aksoy", "30.12.2016 09:14"], ["kartal_1903", "30.12.2016 10:02"], ["Hasan Tekin", "30.12.2016 11:47"]]
    assert {line.label for line in result.lines if line.text == "Kullanıcı avatarı"} == {"boilerplate"}
    assert all("avatar" not in comment.text for comment in result.comments)


def test_the_parser_alone_reads_the_same_thread() -> None:
    thread = ARTICLE.split("Yorumlar (3)\n", 1)[1].split("\n©", 1)[0].splitlines()
    assert [comment.author for comment in parse_comments(thread)] == ["Derya Aksoy", "kartal_1903", "Hasan Tekin"]


@pytest.mark.parametrize(("header", "author", "date"), [
    ("Gilbert36 le 08/07/2017 à 07h52", "Gilbert36", "08/07/2017 à 07h52"),
    ("Jean Dupont le 08/07/2017 à 07h52", "Jean Dupont", "08/07/2017 à 07h52"),
    ("Par Lucien_Verdier le 14/10/2015 à 18:20", "Lucien_Verdier", "14/10/2015 à 18:20"),
    ("Jan de Vries op 3 juni 2020 om 14:02", "Jan de Vries", "3 juni 2020 om 14:02"),
    ("João Silva em 12/05/2016 às 10:15", "João Silva", "12/05/2016 às 10:15"),
    ("Maria García el 12 de mayo de 2019 a las 10:15", "Maria García", "12 de mayo de 2019 a las 10:15"),
    ("Marco il 25 giugno 2010 alle 09:12", "Marco", "25 giugno 2010 alle 09:12"),
    ("Posté par Pape Diouf le 04/10/2016 09:31", "Pape Diouf", "04/10/2016 09:31"),
    ("jennb33 on October 23rd, 2012 1:38 pm", "jennb33", "October 23rd, 2012 1:38 pm"),
])
def test_a_name_on_a_date_in_other_languages_is_a_comment_header(header: str, author: str, date: str) -> None:
    meta = MetaMemo()[header]
    assert meta is not None and (meta.author, meta.date) == (author, date)


@pytest.mark.parametrize("line", ["Publié le 08/07/2017 à 07h52", "Posted on October 23rd, 2012",
                                  "Mis à jour le 08/07/2017 à 07h52"])
def test_a_date_line_with_its_label_names_no_commenter(line: str) -> None:
    meta = MetaMemo()[line]
    assert meta is None or meta.author is None


def test_a_french_thread_of_name_le_date_headers_parses_names_and_dates() -> None:
    thread = ["Gilbert36 le 08/07/2017 à 07h52", "Deux heures d'entretien, et rien de concret sur l'Ukraine.",
              "Répondre | Signaler un abus", "cath.berrichonne le 08/07/2017 à 08h19",
              "Au moins les deux présidents se parlent enfin, c'est déjà ça.", "Répondre | Signaler un abus"]
    assert [[c.author, c.date] for c in parse_comments(thread)] == [
        ["Gilbert36", "08/07/2017 à 07h52"], ["cath.berrichonne", "08/07/2017 à 08h19"]]
