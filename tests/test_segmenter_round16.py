"""Rules from the old probe pages' misreads and the sixteenth round: date, author and follow-us lines in other languages,
comment sort labels, appeal boxes, an article's subheadings, "read also" boxes over a subheading, a comment run with a
reply the model took for text."""

from __future__ import annotations

import pytest

from pipeline.segmenter.comments import _is_date_text, _meta_of
from pipeline.segmenter.cues import interstitial_lines
from pipeline.segmenter.text import REPLY_TO_LINE_RE, _appeal_boxes, _author_roles, _is_furniture, _subheadings, \
    apply_rules, furniture_flags

INTRO = "For decades the two capitals relied on a web of treaties to cap their arsenals, and most of it is gone now."
SECOND = "Officials on both sides said the next round of talks would open in Vienna in February, without a date set."
THIRD = "Diplomats in Brussels said the allies had not been consulted before the announcement was made on Friday."


@pytest.mark.parametrize("line, furniture", [
    ("Aktualisiert am 05.12.2026, 14:32 Uhr", True), ("Mis à jour le 5 décembre 2026 à 15h10", True),
    ("Обновлено: 5 декабря 2026, 15:05", True), ("آخر تحديث: الجمعة 5 ديسمبر 2026 - 03:15 م", True),
    ("Opdateret 5. december 2026 kl. 14.02", True), ("अपडेटेड: 05 दिसंबर 2026, 04:10 PM", True),
    ("Stand: 05.12.2026 14:32 Uhr", True), ("Publicado el 5 de diciembre de 2026", True),
    # an article's sentence that opens with such a word is no date line
    ("Publicado en 2019, el informe de la OTAN advertía que las sanciones no bastarían para frenar la guerra.", False),
    ("Stand der Verhandlungen: offen", False), ("Aktualisiert", False),
    ("Автор: Айгерим Нурланова", True), ("نویسنده: مریم صادقی", True), ("Szerző: Kovács Anna", True),
    ("Autor: To nie jest podpis. To zdanie.", False),
    ("Ακολουθήστε τον Πρωινό Παλμό στο Google News", True), ("Folgen Sie uns auf Telegram", True),
    ("Follow us on X for live updates", True),
    ("Sort by: Newest | Oldest | Most liked", True), ("Sortieren nach: Neueste zuerst", True),
    ("Ordenar por: Más recientes", True), ("Sorted by the committee into three groups, the files were sealed.", False),
    ("Kommentieren Sie diesen Artikel. Bitte beachten Sie unsere Netiquette.", True),
    ("Log in to join the discussion. Please keep comments civil and on topic.", True),
    ("Sign in to comment on the new rules before Friday, the agency told companies.", False),
])
def test_date_author_follow_and_sort_lines_of_other_languages(line: str, furniture: bool) -> None:
    assert _is_furniture(line) is furniture
    assert furniture_flags([line])[0] is furniture  # the RE2 pass finds them too
    assert _is_furniture("  • " + line) is furniture  # (the cheap test before the pattern looks past leading marks)


def test_replies_in_german_czech_polish_and_italian() -> None:
    for line in ("Antwort an Strandlaeufer77", "Reakce na Petr Kadlec", "Odpowiedź do Krzysztof_P", "Risposta a GiorgioDaBari"):
        assert REPLY_TO_LINE_RE.match(line), line
        assert _is_furniture(line), line


APPEAL = ("Mit einem Digital-Abo ab 1,99 Euro im Monat sichern Sie unsere Berichterstattung aus Washington und Moskau. "
          "Jetzt Abo abschließen")


def test_appeal_boxes() -> None:
    # a paragraph over a donation button, under a heading that asks: all three lines are the box's
    lines = [INTRO, "Esto es lo que hacemos gracias a ti",
             "El periodismo independiente necesita lectores que lo sostengan cada mes.", "Hazte socio ahora", SECOND]
    assert _appeal_boxes(lines, ["body", "body", "body", "body", "body"]) == [1, 2, 3]
    # a paragraph that asks itself, over an e-mail field
    lines = [INTRO, "Elke ochtend het belangrijkste nieuws in je mailbox? Meld je aan voor onze gratis nieuwsbrief.",
             "E-mailadres", "Aanmelden"]
    assert _appeal_boxes(lines, ["body", "body", "boilerplate", "boilerplate"]) == [1]
    # a heading that asks and a paragraph about a subscription, with no button under them
    lines = [INTRO, "Unterstützen Sie unabhängigen Journalismus", APPEAL, SECOND]
    assert _appeal_boxes(lines, ["body"] * 4) == [1, 2]
    # an article's own sentence about a donation, over a blog's footer link, is no appeal; nor is a paragraph under a
    # "read also" link and over a channel's follow prompt
    lines = ["and in spite of the difficulty i have had personally",
             "i heard from one of the families that benefited from her donation to the clinic last spring.",
             "RSS Feed or, Subscribe via Email"]
    assert _appeal_boxes(lines, ["body", "body", "boilerplate"]) == []
    lines = [INTRO, "Читайте также: Рябков: санкции не останутся без ответа",
             "Эксперты, опрошенные изданием, полагают, что стороны вряд ли возобновят переговоры до весны.",
             "Подписывайтесь на наш канал в Telegram"]
    assert _appeal_boxes(lines, ["body", "boilerplate", "body", "boilerplate"]) == []


def test_subheadings_between_paragraphs_are_the_articles() -> None:
    for heading in ("What comes next", "Skepsis in Europa", "Des capitales européennes divisées"):
        lines = [INTRO, heading, SECOND]
        assert _subheadings(lines, ["body", "boilerplate", "body"], None) == [1], heading
        assert apply_rules(lines, ["body", "boilerplate", "body"]) == ["body", "body", "body"]
    # links, buttons, names, captions and title-case link texts stay as the model said
    for line in ("Continue reading", "Julian Zelizer", "Stock Investing Strategies", "Image from the archive",
                 "Become a fan of our page", "Story continues below advertisement", "Lesen Sie auch", "Advertise | AdChoices",
                 "Skip past newsletter promotion"):
        assert _subheadings([INTRO, line, SECOND], ["body", "boilerplate", "body"], None) == [], line
    # and a heading needs article paragraphs on both sides
    assert _subheadings(["Menu", "What comes next", SECOND], ["body", "boilerplate", "body"], None) == []


def test_a_read_also_box_over_a_subheading_and_a_label_run_into_its_headline() -> None:
    lines = [INTRO, "Leggi anche", "Sanzioni sul gas liquefatto, Bruxelles prende tempo sul ventesimo pacchetto",
             "Ucraina, la nuova offensiva d'inverno nel Donbass: cosa sappiamo", "Chi è il negoziatore che piace a Washington",
             "Le conseguenze della rottura", SECOND]
    assert interstitial_lines(lines) == [1, 2, 3, 4]
    # a comment section's header under a box of links is no subheading: nothing is hidden
    lines = [INTRO, "Related coverage", "US orders Russian consulate closed over alleged spying",
             "Why the embassy staffing dispute never seems to end", "Comments (3)", "* Margaret Ellison 2 hours ago", SECOND]
    assert interstitial_lines(lines) == []
    assert interstitial_lines([INTRO, "À lire aussi Gaz russe : l'Europe face à ses contradictions", SECOND]) == [1]
    assert interstitial_lines([INTRO, "Te puede interesar", "Rusia y EEUU intercambian prisioneros en Abu Dabi",
                               SECOND]) == [1, 2]
    # "RELATED: <a paragraph>" is the article's text, as before
    related = "RELATED: " + THIRD + " " + SECOND
    assert not _is_furniture(related) and not furniture_flags([related])[0]


def test_a_run_of_comments_with_a_reply_the_model_took_for_text() -> None:
    lines = ["Comentarios (4)",
             "jmvaldes_72", "hace 2 horas", "Lo que no entiendo es cómo nadie se dio cuenta antes.", "Responder",
             "Ana_Belén_R", "hace 2 horas", "@jmvaldes_72 Porque está todo pensado para que no se note nada.", "Responder",
             "Txema Goikoetxea", "hace 3 horas", "Muy buen artículo, ojalá se investigara igual a todos.", "Responder",
             "lectora_de_teruel", "hace 4 horas", "¿Y las plataformas qué? Siguen ganando dinero con esto.", "Responder"]
    labels = ["boilerplate"] * len(lines)
    labels[7] = "body"  # the reply that opens with "@NAME"
    labels[4] = "body"  # and a button
    result = apply_rules(lines, labels)
    assert [index for index, label in enumerate(result) if label == "comment"] == [1, 2, 3, 5, 6, 7, 9, 10, 11, 13, 14, 15]
    # two of four comments taken for text are too many: the model's labels stand
    labels[11] = labels[3] = "body"
    assert "comment" not in apply_rules(lines, labels)


def test_the_first_comment_under_the_form_that_the_model_missed() -> None:
    lines = [INTRO, "Commenti (3)", "Scrivi un commento...", "Pubblica",
             "Lucio_Brambati", "5 dicembre 2026 alle 15:02", "Ogni volta la stessa storia: si fissa un vertice e poi salta.",
             "Rispondi", "Mi piace 12",
             "silvana.r", "5 dicembre 2026 alle 15:40", "Il pretesto però stavolta è concreto, senza ispezioni niente.",
             "Rispondi", "Mi piace 7",
             "GiorgioDaBari", "5 dicembre 2026 alle 16:18", "Il problema vero è che nessuno si fida più di nessuno.",
             "Rispondi", "Mi piace 3"]
    labels = ["body"] + ["boilerplate"] * 9 + ["comment", "comment", "boilerplate", "boilerplate",
                                               "comment", "comment", "comment", "boilerplate", "boilerplate"]
    result = apply_rules(lines, labels)
    assert [result[index] for index in (4, 5, 6)] == ["comment"] * 3
    assert [result[index] for index in (2, 7, 8)] == ["boilerplate"] * 3  # the form and the buttons stay
    # without the same row of buttons under a comment the model found, the lines above stay as they were
    lines[7] = "Mi piace 12"
    assert [apply_rules(lines, labels)[index] for index in (4, 6)] == ["boilerplate"] * 2


def test_a_disqus_copy_with_bullets_between_its_lines() -> None:
    comments = [("RustBeltRon", "3 hours ago", "Gas is already expensive enough here, hope they think about that."),
                ("marina_k", "2 hours ago", "Prices would go up a lot more if Russia wins, this is cheaper long term."),
                ("Tom Whitacre", "2 hours ago", "Seventy-one votes is veto-proof and that says something about it."),
                ("OhioVet1968", "an hour ago", "Sanctions have not worked in four years, why would these work now?")]
    lines = [INTRO, SECOND, "5 Comments", "Sort by Best", "Join the discussion…"]
    for name, age, text in comments:
        lines += ["Avatar", name, "•", age, text, "8", "•", "Reply", "•", "Share ›"]
    labels = ["body", "body"] + ["boilerplate"] * (len(lines) - 2)
    labels[lines.index("an hour ago")] = "comment"  # a stray line the model took for a comment
    result = apply_rules(lines, labels)
    assert [lines[index] for index, label in enumerate(result) if label == "comment" and lines[index] in
            {name for name, _, _ in comments}] == [name for name, _, _ in comments]


def test_dates_with_short_month_names_view_counts_first_and_polish_photo_credits() -> None:
    assert _is_date_text("05.dez.2026 às 17h20") and _is_date_text("05-Dec-2026")
    assert not _is_date_text("O plano 5-mar-2026 foi aprovado pelo conselho de ministros")
    for line, furniture in (("1 873 переглядів", True), ("12 400 просмотров", True), ("Fot. Wiesław Kordasz", True),
                            ("Fot. PAP/Radek Pietruszka", True),
                            ("Fot. to skrót, który widzimy pod zdjęciami w gazetach.", False)):
        assert _is_furniture(line) is furniture and furniture_flags([line])[0] is furniture, line


def test_a_link_to_another_story_between_paragraphs_is_looked_past() -> None:
    link = "À lire aussi Ukraine : les frappes sur les infrastructures énergétiques reprennent"
    # over a subheading, the link is hidden from the network, and the subheading under it is the article's
    lines = [INTRO, link, "Des capitales européennes divisées", SECOND]
    assert interstitial_lines(lines) == [1]
    assert _subheadings(lines, ["body", "boilerplate", "boilerplate", "body"], None) == [2]
    # the article's last paragraph under such a link is the article's
    lines = [INTRO, link, SECOND, "Sujets : Russie États-Unis Sanctions Gaz"]
    assert apply_rules(lines, ["body", "boilerplate", "boilerplate", "boilerplate"])[2] == "body"


def test_a_donation_box_whose_paragraph_the_model_called_boilerplate() -> None:
    lines = [INTRO, "«Вольный берег» работает благодаря вам",
             "Мы рассказываем о России правду, которую власти пытаются скрыть. Каждое пожертвование помогает нам.",
             "Поддержать «Вольный берег»", "санкции нефть США"]
    assert _appeal_boxes(lines, ["body", "body", "boilerplate", "boilerplate", "boilerplate"]) == [1]
    assert _is_furniture("If you found this analysis useful, please consider making a tax-deductible gift today.")


def test_an_authors_role_under_a_byline() -> None:
    labels = ["boilerplate", "body", "body"]
    assert _author_roles(["Autor: Marta Zielińska", "Dziennikarz działu zagranicznego", INTRO], labels) == [1]
    assert _author_roles(["By Jared Holloway", "Senior correspondent", INTRO], labels) == [1]
    # a series' name is no byline, a sentence or a date no role
    assert _author_roles(["By the Numbers: 10,000", "Megan Slack", INTRO], labels) == []
    assert _author_roles(["Autor: Marta Zielińska", "5 grudnia 2026", INTRO], labels) == []
    assert _author_roles(["Autor: Marta Zielińska", "Rozmowy trwały do nocy.", INTRO], labels) == []


def test_round_17_words_says_verbs_short_months_and_read_also_labels() -> None:
    assert _meta_of("Mihai B. spune:").author == "Mihai B." and _meta_of("Jan Novák napsal:").author == "Jan Novák"
    assert _meta_of("Il dit qu'il viendra demain à Genève.") is None
    assert _meta_of("Ed Brown said...").author == "Ed Brown"  # Blogger's "NAME said..." as before
    assert _is_date_text("6 Des 2026, 10:02 WIB") and _is_date_text("Бүгін, 09:12")
    for line, furniture in (("[관련기사] 미·러 외교장관 회담 무산", True), ("Simak juga Video: Momen Delegasi AS tiba", True),
                            ("Оқи отырыңыз: АҚШ жаңа санкциялар енгізді", True), ("Sortiraj po: Najnovije", True),
                            ("Urmărește Cronica de Iași pe Google News", True),
                            ("Följ med när vi granskar sanktionerna i tre delar.", False)):
        assert _is_furniture(line) is furniture and furniture_flags([line])[0] is furniture, line


def test_photo_credits_of_other_languages_and_bios_under_their_bylines() -> None:
    for line in ("Il sottosegretario all'uscita dal Dipartimento di Stato, mercoledì sera (Foto Agenzia Orsa/R. Delvecchio)",
                 "De Amerikaanse delegatie arriveert donderdag in Genève. Foto Joost Verbeek / Beeldbureau Holland",
                 "Rafinerija u Pančevu (ilustracija) Foto: Glas Podunavlja / Milan Ilić",
                 "Ett tankfartyg för flytande naturgas lastas vid en terminal i norra Ryssland. Arkivbild."):
        assert _is_furniture(line) and furniture_flags([line])[0], line
    for line in ("Die Regierung veröffentlichte am Montag ein Foto des Treffens (Foto unten), das für Aufsehen sorgte.",
                 "Emergency personnel work the scene. (AP Photo)"):  # (an English caption is the model's call)
        assert not _is_furniture(line) and not furniture_flags([line])[0], line
    lines = ["Door Marieke van Dalen", INTRO, SECOND, "Marieke van Dalen is correspondent in Genève en schrijft over diplomatie."]
    assert apply_rules(lines, ["boilerplate", "body", "body", "body"])[3] == "boilerplate"
    lines = ["Autor: Radu Ionescu", INTRO, SECOND, "Radu Ionescu scrie despre politică externă din 2015."]
    assert apply_rules(lines, ["boilerplate", "body", "body", "body"])[3] == "boilerplate"
    # a line with a colon that names no author gives no name
    lines = ["Review: Chasing Mavericks", INTRO, SECOND, "Chasing Mavericks is now playing in theaters around the country."]
    assert apply_rules(lines, ["boilerplate", "body", "body", "body"])[3] == "body"


def test_question_subheadings_sort_labels_alone_and_hebrew_share_links() -> None:
    assert _subheadings([INTRO, "What happens next?", SECOND], ["body", "boilerplate", "body"], None) == [1]
    for line in ("Sortiraj po:", "שתפו בוואטסאפ"):
        assert _is_furniture(line) and furniture_flags([line])[0], line


def test_a_commenters_date_in_brackets() -> None:
    for line, author, date in (("John Smith (05.12.2026 14:32)", "John Smith", "05.12.2026 14:32"),
                               ("אורי מ. (05.12.26)", "אורי מ.", "05.12.26"), ("Darby (1:41)", "Darby", "1:41")):
        meta = _meta_of(line)
        assert (meta.author, meta.date) == (author, date), line
