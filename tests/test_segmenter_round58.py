"""Stop 41: an avatar's alt text in other languages than English ("Kullanıcı avatarı", "Аватар пользователя",
"Benutzerbild") opens a comment as "Avatar" does, instead of passing for the commenter's name; and in a parsed thread
every avatar's alt text (and the initials OpenWeb prints for a commenter without a picture) is furniture, not
comment text."""

from __future__ import annotations

import pytest

from pipeline.segmenter import segment_text
from pipeline.segmenter.comments import _widget_kind, parse_comments

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
