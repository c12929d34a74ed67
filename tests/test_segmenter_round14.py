"""Rules from the fourteenth round of probe pages: share links and "read also" labels in any language, comment widgets
whose words the parser does not know, ages and dates of twelve more languages, a commenter's number and reputation,
menu rows and date lines as no headline, a video's transcript and chapters, Bluesky's one-line post headers."""

from __future__ import annotations

import pytest

from pipeline.segmenter.comments import _is_date_text, _meta_of, is_button
from pipeline.segmenter.text import _heading_like, _is_furniture, apply_rules, furniture_flags

INTRO = "For decades the two capitals relied on a web of treaties to cap their arsenals, and most of it is gone now."
SECOND = "Officials on both sides said the next round of talks would open in Vienna in February, without a date set."


@pytest.mark.parametrize("line, furniture", [
    ("Sdílet na Facebooku", True), ("اشتراک‌گذاری در تلگرام", True), ("व्हाट्सऐप पर शेयर करें", True),
    ("Facebookでシェア", True), ("Partager sur X", False), ("Partager sur Facebook", True), ("Teilen", True),
    ("• Compartir", True), ("Jaa Facebookissa", True), ("Share this article on WhatsApp", True),
    ("Share prices of Facebook rose sharply", False), ("The delegation will share details on Telegram", False),
    ("Citește și: Ce prevedea tratatul New START", True), ("ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ: Πώς οι κυρώσεις αλλάζουν", True),
    ("Прочетете още: Какво ще стане с газа", True), ("Läs också: Finland vill skärpa kontrollerna", True),
    ("PUBLICITATE", True), ("ΔΙΑΦΗΜΙΣΗ", True), ("რეკლამა", True), ("HIRDETÉS", True),
    ("61,208 views  Dec 5, 2026  #Russia #Sanctions", True), ("The video drew 61,208 views in a day.", False),
    ("3 min read", True), ("Olvasási idő: 4 perc", True), ("Lesezeit: 4 Min.", True), ("I read 3 min of it.", False),
    ("Etichete: SUA, Rusia, arme nucleare", True), ("Címkék: szankciók, olaj", True),
    ("In reply to vkarlsen_hq", True), ("Svar til Jens Mikkelsen", True), ("Membalas @BangJago_Medan", True),
    ("ANNONCE", True), ("Pročitajte i: Zašto su sankcije", True), ("Baxış sayı: 1 245", True),
    ("Keep reading with a 7-day free trial", True), ("Hot comments", True), ("Threads: Collapsed", True),
    ("Replying to your point about the sanctions: the tankers simply changed flags and carried on.", False),
])
def test_share_links_read_also_labels_ad_marks_and_view_counts_of_more_languages(line: str, furniture: bool) -> None:
    assert _is_furniture(line) is furniture
    assert furniture_flags([line])[0] is furniture  # the RE2 pass finds them too


@pytest.mark.parametrize("line", ["acum 45 de minute", "3 órája", "2026. december 5. 14:32", "πριν από 2 ώρες",
                                  "5 Δεκεμβρίου 2026 στις 12:51", "2 საათის წინ", "преди 2 часа", "2 tundi tagasi",
                                  "pirms 2 stundām", "5 uur geleden", "2 giờ trước", "för 2 timmar sedan",
                                  "3 jam yang lalu", "prije 3 sata", "pred 2 hodinami", "2 saat əvvəl",
                                  "5. 12. 2026 o 14:32"])
def test_ages_and_dates_of_more_languages(line: str) -> None:
    assert _is_date_text(line)


@pytest.mark.parametrize("line", ["Răspunde 👍 24 👎 3", "Tetszik (12)", "Отговори | Рейтинг: +14 / -3",
                                  "Thích (48) · Trả lời · 2 giờ trước", "Respect 12", "6 people liked this.",
                                  "Reageer Meld misbruik 23", "Odgovori 👍 12 👎 3", "Svar · Synes godt om · 4",
                                  "Odpovedať Páči sa mi to (3) Nahlásiť"])
def test_comment_buttons_of_more_languages_and_widgets(line: str) -> None:
    assert is_button(line)


def test_a_commenters_number_initial_and_reputation() -> None:
    assert _meta_of("#2 Веселина Т.").author == "Веселина Т."
    assert _meta_of("Δημήτρης Κ.").author == "Δημήτρης Κ."
    assert _meta_of("ლაშა კ.").author == "ლაშა კ."
    assert _meta_of("ნინო ბერიაშვილი").author == "ნინო ბერიაშვილი"
    assert _meta_of("თბილისში თოვლის გამო საცობებია") is None  # a headline, not a name
    assert _meta_of("184p") is None  # a reputation score is no name
    assert _meta_of("Ben Ostrowski @benostrowski.bsky.social · 1h").author == "Ben Ostrowski"


def _section(rows: list[str], date: str = "05.12.2026 14:32") -> tuple[list[str], list[str]]:
    """A page whose comment section, every line of it labelled boilerplate, shows its buttons as `rows`."""
    lines = [INTRO, SECOND, "Kommentaarid (3)"]
    for name, row in zip(["Priit", "kalamees77", "Tiina S."], rows):
        lines += [name, date, "Jälle üks kohtumine, millest midagi ei sünni, ja meie loeme jälle pealkirju.", row]
    return lines, ["body", "body"] + ["boilerplate"] * (len(lines) - 2)


def test_a_comment_section_with_buttons_in_unknown_words_is_read_from_its_recurring_rows() -> None:
    lines, labels = _section(["Xoru (3) Plimt", "Xoru (12) Plimt", "Xoru (0) Plimt"])  # the same but for counts
    assert apply_rules(lines, labels)[3:] == ["comment"] * 3 + ["boilerplate"] + ["comment"] * 3 + ["boilerplate"] \
        + ["comment"] * 3 + ["boilerplate"]


@pytest.mark.parametrize("rows", [["Read More"] * 3, ["• Keep Reading →"] * 3, ["Xem thêm"] * 3])
def test_a_dated_teaser_lists_link_onward_is_no_row_of_buttons(rows: list[str]) -> None:
    lines, labels = _section(rows)
    assert apply_rules(lines, labels) == labels


def test_without_a_date_recurring_rows_of_unknown_words_are_no_comment_section() -> None:
    lines, labels = _section(["Xoru Plimt"] * 3, date="Tallinn")
    assert apply_rules(lines, labels) == labels


@pytest.mark.parametrize("line, heading", [
    ("Logi sisse | Telli uudiskiri | Tellimused", False),
    ("Sestdiena, 5. decembris, 2026 | Vārda dienas: Sabīne, Sarmīte", False),
    ("EUR/USD 1.0875 | Gold 2 418 €", False), ("Thế giới › Phân tích", False), ("Ga naar de inhoud", False),
    ("Russia expels two US diplomats | World News", True), ("G7 agrees $50bn loan backed by Russian assets", True),
])
def test_menu_rows_date_lines_tickers_trails_and_skip_links_are_no_headline(line: str, heading: bool) -> None:
    assert _heading_like(line, 2) is heading


def test_a_videos_transcript_under_timestamps_is_body_not_comments() -> None:
    said = ["american and russian negotiators sat down in istanbul today for the first time in months",
            "officials on both sides are saying very little about the talks themselves",
            "at the center of this are at least four americans currently held in russia",
            "moscow for its part wants the return of several russian nationals"]
    lines = [INTRO]
    for stamp, text in zip(["0:02", "0:10", "0:21", "0:34"], said):
        lines += [stamp, text]
    labels = ["body"] + ["comment"] * 8
    assert apply_rules(lines, labels) == ["body"] + ["boilerplate", "body"] * 4
    # clock times falling back (a feed of stamps, newest first) are no transcript
    backwards = [INTRO] + [line for stamp, text in zip(["14:10", "13:55", "13:40", "13:20"], said)
                           for line in (stamp, text)]
    assert "body" not in apply_rules(backwards, labels)[1:]


def test_a_list_of_chapters_is_boilerplate() -> None:
    chapters = ["0:00 Intro", "0:48 What's in the new sanctions", "2:55 Reaction from Moscow", "5:10 Will it change the talks?"]
    lines = [INTRO, *chapters, SECOND]
    assert apply_rules(lines, ["body"] * len(lines)) == ["body"] + ["boilerplate"] * 4 + ["body"]


def test_a_bluesky_thread_with_one_line_reply_headers() -> None:
    lines = ["Marta Lindqvist", "@martalindqvist.bsky.social", "Follow",
             "1/ Spent the week reporting on the tanker sanctions that took effect Monday, a thread.",
             "Dec 5, 2026 at 8:02 AM",
             "Marta Lindqvist @martalindqvist.bsky.social · 2h",
             "2/ The new designations cover 41 vessels, most of them older tankers re-flagged lately.",
             "Ben Ostrowski @benostrowski.bsky.social · 1h",
             "Great thread. Do you know whether any of the ships still call at EU ports?",
             "Priya Raman @priyaraman.bsky.social · 1h",
             "The insurer angle is the part people underestimate. No cover, no charter."]
    labels = apply_rules(lines, ["boilerplate"] * 3 + ["comment"] * 8)
    assert [labels[3], labels[6]] == ["body", "body"]
    assert labels[7:] == ["comment"] * 4


def test_a_menu_item_or_a_sites_name_between_menu_items_is_no_title() -> None:
    from pipeline.segmenter.text import find_title

    headline = "Washington should stop pretending a grand bargain with Moscow is one phone call away"
    # (the note under the headline shares "editor" with the menu item, so the item read as the headline before)
    lines = ["Opinion", "Guest Essays", "Letters to the Editor", "Editorials", headline,
             "Editor's note: This essay was submitted before the Kremlin said it would not attend the talks in Vienna.",
             "By Eleanor Vasquez-Hale", INTRO, SECOND]
    assert find_title(lines, ["boilerplate"] * 4 + ["body"] * 5) == 4
    cache = ["Northgate Tribune", "Independent news since 1998", "Home", "World", "Posted in World | November 4, 2012",
             "Moscow signals no breakthrough on missile defense before the election", INTRO, SECOND]
    assert find_title(cache, ["boilerplate"] * 5 + ["body"] * 3) == 5


def test_a_replys_in_reply_to_line_is_boilerplate_and_its_date_stays_with_the_comment() -> None:
    lines = [INTRO, SECOND, "Comments (2)", "vkarlsen_hq", "2 hours ago",
             "The data exchange is the real story here, not the venue.", "Reply", "Helena Marsh", "Staff",
             "1 hour ago", "In reply to vkarlsen_hq", "Officials on the U.S. side said the same thing privately.", "Reply"]
    labels = ["body", "body", "boilerplate", "comment", "comment", "comment", "boilerplate", "comment", "boilerplate",
              "boilerplate", "comment", "comment", "boilerplate"]
    relabelled = apply_rules(lines, labels)
    assert relabelled[9:11] == ["comment", "boilerplate"]
