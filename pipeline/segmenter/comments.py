"""Splitting a document's comment lines into comments with author, date and text.

Plain-text dumps show reader comments in a few recurring layouts:

* header first: an author line (often printed twice: name link + avatar alt text), a date line
  ("October 27, 2018", "3 days ago", "December 4, 2010 at 10:42 pm"), then the text;
* footer after: the text, then "by NAME on DATE. Reply #" or "NAME | DATE";
* "NAME says:" / "NAME said..." before the text (the date before it or, as on Blogger, under it);
* name and date on one line: "Kathy Lindqvist 4 days ago", "john mason — May 14, 2021 10:21 PM", "Gary Pohl · 4d";
* comment widgets (Disqus, wpDiscuz, Facebook's plugin): an avatar's alt text ("Avatar") opens each
  comment, bullets and vote counts ("•", "23", "↑ 12 ↓ 6") stand between the parts, button rows carry
  counts and ages ("Like · Reply · 7d", "Reply · Like (1)"), a reply names whom it answers ("Reply to
  NAME", or a second name under the author's);
* only buttons: texts separated by "Reply" / "Like" / "Report" lines, without names.

Each line is classified (counter header such as "9 Comment(s)", button, meta line carrying an author
and/or date, or text); the layout is inferred from where meta lines sit relative to text, and the
lines are grouped. Header lines, buttons and "Read more »" tails are dropped from the texts.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from pipeline.segmenter.cues import (AGO_RE, DATE_RE, DE_MONTHS, FR_MONTHS, HAS_DIGIT, MONTHS, OTHER_AGO_RE, OTHER_MONTHS, RU_MONTHS,
                                     TIME_RE, UK_MONTHS, reading_view, spaced_literal)
from pipeline.segmenter.result import Comment

WORD_RE = re.compile(r"\w+(?:[-'’.]\w+)*", re.UNICODE)
# a prompt to sign in before commenting, the other way round ("Щоб залишити коментар, увійдіть на сайт.", "To comment,
# please sign in."): a comment counter here, furniture to `text.FURNITURE_RE` (Cyrillic letters spelled out and no \b
# after them, as RE2's are ASCII-only)
SIGN_IN_TO_COMMENT = (r"^\W*(?:чтобы|щоб) (?:оставить|написать|залишити|написати) (?:комментари|коментар)[а-яёіїєґ]*,? "
                      r"(?:войдите|авторизуйтесь|зарегистрируйтесь|увійдіть|зареєструйтесь).{0,30}$"
                      r"|^\W*to (?:comment|leave a comment|post a comment|join the (?:discussion|conversation)),? "
                      r"(?:please )?(?:sign in|log in|register)\b.{0,30}$"
                      # "You must be logged in to post a comment.", "Bitte melden Sie sich an, um zu kommentieren.", "Pro vstup
                      # do diskuse se musíte přihlásit."
                      r"|^\W*you must be (?:logged in|signed in|registered) to (?:post a |leave a |add a )?(?:comment|reply)\b.{0,30}$"
                      r"|^\W*bitte (?:melden sie sich an|loggen sie sich ein),? um (?:zu kommentieren|einen kommentar zu schreiben)\W*$"
                      r"|^\W*sie müssen (?:angemeldet|eingeloggt|registriert) sein,? um (?:zu kommentieren|einen kommentar zu "
                      r"(?:schreiben|verfassen))\W*$"
                      r"|^\W*pro (?:vstup do diskuse|přidání komentáře) se (?:musíte )?přihl\w*.{0,30}$"
                      # "Войдите через соцсети, чтобы оставить комментарий" (the same, sign-in first)
                      r"|^\W*(?:войдите|авторизуйтесь|зарегистрируйтесь|увійдіть|зареєструйтесь)(?:\s.{0,40}?)?,? (?:чтобы|щоб) "
                      r"(?:оставить|написать|залишити|написати) (?:комментари|коментар)[а-яёіїєґ]*\W*$"
                      # (Dutch: "Log in of maak een account aan om te reageren.")
                      r"|^\W*log in(?: of (?:maak een account aan|registreer))? om te reageren\W*$"
                      r"|^\W*komentovat (?:mohou|můžou) (?:pouze|jen) (?:přihlášen|registrovan)\w*.{0,120}$"
                      # "Vous devez être connecté pour publier un commentaire.", "Vous devez être connecté pour réagir."
                      r"|^\W*vous devez être (?:connecté|identifié|inscrit)e?s? pour (?:publier un commentaire|commenter"
                      r"|réagir|répondre)\b.{0,30}$"
                      r"|^\W*(?:log in|sign in)(?: or sign up)? to (?:leave|post|add) a comment\b.{0,30}$"
                      r"|^\W*create an account or (?:sign|log) in to (?:comment|join the (?:discussion|conversation))\W*$"
                      # "Para comentar es necesario estar registrado en SITE. Inicia sesión o regístrate."
                      r"|^\W*para (?:comentar|participar) (?:es necesario|debes|tienes que) (?:estar registrad[oa]|iniciar "
                      r"sesión|registrarte)\b.{0,80}$")

# a comment form's heading in other languages ("Написать комментарий", "Neuen Kommentar verfassen", "Écrire un
# commentaire"): a counter to the parser, and furniture to the rules; alone, or with the form's rules after it ("Lasă un
# comentariu. Comentariile care conțin injurii vor fi șterse.")
FORM_HEADING_END = r"(?:\W*$|[.:!]\s.{0,200}$)"
COMMENT_FORM_HEADINGS = (r"^\W*(?:оставить|написать|добавить|залишити|написати|додати|пакінуць|напісаць|дадаць)"
                         rf" (?:комментари|коментар|каментар)\w*{FORM_HEADING_END}"
                         rf"|^\W*(?:dodaj|napisz|přidat|napsat|pridať|napísať) (?:komentarz|komentář|komentár){FORM_HEADING_END}"
                         r"|^\W*(?:deja|deje|escribe|escriba|añadir|lascia|scrivi|deixe|escreva) (?:un |um )?(?:comentario"
                         rf"|commento|comentário){FORM_HEADING_END}|^\W*(?:plaats|schrijf) een reactie{FORM_HEADING_END}"
                         rf"|^\W*(?:neuen |einen )?kommentar (?:schreiben|verfassen|abgeben){FORM_HEADING_END}"
                         rf"|^\W*(?:écrire|laisser|ajouter|rédiger) un commentaire{FORM_HEADING_END}"
                         rf"|^\W*(?:lasă|lasa|adaugă|adauga|scrie) un comentariu{FORM_HEADING_END}"
                         r"|^\W*(?:добавьте|напишите|оставьте|додайте|напишіть|залиште) (?:свой |ваш |свій )?"
                         rf"(?:комментари|коментар)\w*{FORM_HEADING_END}"
                         r"|^\W*write a response\W*$")

# a link to more of the comments ("View all comments", "← Previous Comments", "Показать еще комментарии", "Voir plus de
# réactions"): a counter, and no comment's text (in the training pages' gold all 8 such lines that the model called comment are
# boilerplate)
MORE_COMMENTS = (r"^\W*(?:(?:view|show|load|see) (?:all|more) (?:\d+ )?(?:comments?|replies|conversations)|daha fazla yorum(?:\s.{0,20})?"
                 r"|tüm yorumları (?:göster|gör)"
                 r"|댓글 ?더보기(?:\s.{0,20})?|और टिप्पणियाँ(?:\s.{0,20})?"
                 r"|(?:ver|cargar|mostrar) (?:más|todos los) comentarios|ver mais comentários|mostra altri commenti|zobacz (?:więcej|wszystkie) "
                 r"komentarze|zobacz więcej komentarzy|" + spaced_literal("查看更多评论") + "|عرض المزيد من التعليقات"
                 r"|(?:показать|показати|загрузить|завантажити) (?:еще|ещё|ще|більше|все|всі) (?:\d+ )?(?:комментари|коментар)\w*"
                 r"|(?:voir|afficher|charger) (?:plus de|tous les|les \d+(?: autres)?) (?:réactions|commentaires|réponses)"
                 r"|(?:weitere|alle|mehr) (?:\d+ )?(?:kommentare|antworten) (?:laden|anzeigen)"
                 r"|(?:view|show|load|see) \d+ more (?:comments?|replies) in this thread"
                 r"|развернуть все(?:\s*\|\s*свернуть все)?|розгорнути всі)\W*$")
COUNTER_RE = re.compile(
    r"^\W*(?:\d[\d,.]*\s*)?(?:comments?|comment\(s\)|responses?|replies|thoughts?(?:\s+on\b.*)?|discussions?|reader comments"
    r"|комментари\w*|коментар\w*|kommentare?|commentaires?|réactions?)"
    r"\s*(?:\(\d+\))?\W*$|^\W*(?:leave|post|add|write)\s+a\s+(?:comment|reply|response)\b.*$|^\W*join the discussion\W*$"
    r"|^\W*(?:newest|oldest|most voted|best|top|sort by|sorted by|sort(?=\s*:))\b.{0,40}$|^\W*\d{1,3}% upvoted\W*$"
    # "Сортировка:", "сначала старые", "Sortieren nach", "Trier par"
    r"|^\W*(?:сортировка|сортування|sortieren|trier par|сначала (?:старые|новые|популярные|лучшие))\b.{0,40}$"
    # Spanish, Portuguese, Italian, Polish, Arabic and Chinese counters and sort controls ("Comentarios (5)",
    # "Komentarze (6)", "Ordenar por: Más recientes", "Najnowsze | Najstarsze", "التعليقات (4)", "网友评论")
    r"|^\W*(?:\d+\s*)?(?:comentarios?|comentários?|commenti|komentarz[ey]?|التعليقات|تعليقات|"
    + "|".join(map(spaced_literal, ("网友评论", "评论", "コメント"))) + r")\s*(?:\(\d+\))?\W*$"
    # Turkish, Korean and Belarusian ones ("Yorumlar (5)", "댓글 4", "Каментары (4)", "Daha fazla yorum yükle")
    r"|^\W*(?:yorumlar|yorum|댓글|каментар\w*|टिप्पणियाँ|टिप्पणियां|نظرات|diskuz[ea]|diskuse|komentarai|коментари"
    r"|תגובות|kommentit|σχόλια|σχόλιο|bình luận)\s*(?:\(\d+\)|\d+)?\W*$"
    r"|^\W*(?:ordenar por|ordina per|sortuj(?: według)?|najnowsze|más recientes|mais recentes)\b.{0,40}$"
    r"|^\W*(?:показать сообщения за|поле сортировки|display posts from|страница \d+ из \d+)\b.{0,40}$"
    r"|^\W*(?:популярные|новые|старые|лучшие|нові|старі|популярні|кращі)\W*$"  # a widget's sort tabs, one a line
    r"|^\W*sort by\b.{0,80}$"  # ("Sort by: Newest | Oldest | Most Agreed | Most Discussed")
    # "Showing 1-6 of 6 comments | Sort by: Oldest first", "Displaying 20 of 187 comments"
    r"|^\W*(?:showing|displaying|viewing)\s+(?:comments?\s+)?\d[\d,]*(?:\s*[-–]\s*\d[\d,]*)?\s+of\s+\d[\d,]*"
    r"(?:\s+(?:comments?|responses?|replies))?(?:\W.{0,40})?$"
    r"|^\W*(?:정렬\s*:?\s*)?(?:순공감순|최신순|공감비율순|과거순|추천순|답글순|공감순)(?:\s.{0,30})?$"  # ("정렬 최신순 | 공감순")
    r"|" + SIGN_IN_TO_COMMENT +
    r"|" + MORE_COMMENTS +
    r"|^\W*(?:view|show|load|see|hide) \d+ (?:more )?(?:comments?|replies|reply)\W*$"  # "Show 2 replies"
    r"|^\W*\d[\d,.]*\s*reply\W*$"  # "1 reply" under a comment (a bare "Reply" is a button)
    # "Авторизуйтесь, чтобы оставить комментарий", "Залишити коментар"
    r"|^\W*(?:авторизуйтесь|войдите|увійдіть)\b.{0,40}(?:комментари|коментар)\w*\W*$"
    r"|" + COMMENT_FORM_HEADINGS,
    re.IGNORECASE,
)
# ...and a comment section's pages ("← Previous Comments", "Older Comments »"), which no counter is
MORE_COMMENTS_RE = re.compile(MORE_COMMENTS + r"|^\W*(?:more|older|newer|previous|next) comments\W*$"
                              r"|^\W*(?:older|newer|previous|prev|next) page\W*$", re.IGNORECASE)  # (a comment section's pages)
# counts and ages that a row of buttons may show beside them: "Like · Reply · 7d", "Reply · Like (1)"
AGE_UNITS = "s|m|min|h|hr|d|w|wk|mo|y|yr"
ROW_AGE = (r"(?:\d{1,3}\s+(?:giây|phút|giờ|ngày|tuần|tháng|năm)\s+trước"  # in Vietnamese: "Thích (48) · Trả lời · 2 giờ trước"
           r"|\d{1,3}\s+(?:godz|min|tyg|mies)\.(?!\w)"  # in Polish: "Lubię to! · Odpowiedz · 6 godz."
           # in Ukrainian and Russian: "Подобається · Відповісти · 3 год", "Нравится · Ответить · 5 ч", "... · 1 д"
           r"|\d{1,3}\s+(?:год|хв|дн|д|тиж|т|міс|ч|мин|нед|н|мес)\.?(?!\w)"
           # spelled out, as Facebook's comments plugin printed it: "Like · Reply · 41 · 3 years ago"; Echo's (JS-Kit's)
           # age and source before its buttons: "about 2 hours ago via Echo · Reply · Like"
           r"|(?:about\s+)?(?:\d{1,3}|an?)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago)")
# ...or as a date, as it printed it in 2015 ("Reply · Like · 14 · Follow Post · March 3, 2015 at 8:12pm"), only after a button
# (a date line alone is a comment's header)
ROW_DATE = (rf"(?:(?:{MONTHS})\.?\s+\d{{1,2}},\s+\d{{4}}\s+(?:at\s+)?\d{{1,2}}:\d{{2}}\s?[ap]m"  # (2016: no "at")
            # (and in British English, this year's without the year: "Reply · Like · 14 · 31 July at 11:02")
            rf"|\d{{1,2}}\s+(?:{MONTHS})(?:\s+\d{{4}})?\s+at\s+\d{{1,2}}:\d{{2}}(?:\s?[ap]m)?"
            # (and in American English without the year, 2013-2014: "Reply · Like · 14 · Follow Post · March 21 at 8:02am")
            rf"|(?:{MONTHS})\.?\s+\d{{1,2}}\s+at\s+\d{{1,2}}:\d{{2}}\s?[ap]m)")
BUTTON_EXTRAS = rf"\d{{1,3}}\s?(?:{AGE_UNITS})\b|\(\d+\)|{ROW_AGE}"
# a comment's reply button, in the languages read so far (`text` builds a page's cheap test for a comment section from
# these too)
REPLY_WORDS = ("reply", "responder", "odpowiedz", "rispondi", "antworten", "répondre", "ответить", "відповісти", "رد",
               "回复", "回覆", "返信", "yanıtla", "cevapla", "답글", "адказаць", "जवाब दें", "پاسخ", "odpovědět", "atsakyti",
               "одговори", "הגב", "vastaa", "răspunde", "válasz", "απάντηση", "პასუხი", "отговори", "vasta", "atbildēt",
               "reageer", "reageren", "beantwoorden", "trả lời", "svara", "svar", "balas", "odgovori", "odpovedať",
               "cavab ver", "отговор")  # (Bulgarian: "Отговори" and, as a noun on a button, "Отговор")
# the words of a comment's other buttons, as printed (case ignored)
BUTTON_WORDS = REPLY_WORDS + (
    "like", "likes", "dislike", "share", "report", "flag", "permalink", "quote", "edit", "delete", "link", "vote", "upvote",
    "downvote", "recommend", "report abuse", "alerter", "waardeer", "meld misbruik", "segnala abuso",
    "report comment", "report this comment", "report offensive comment",
    "flag as inappropriate",
    "reply to this comment",
    "log in to reply", "login to reply", "click to rate", "reply to this", "reply with quote", "multi-quote this message",
    "give gold", "save", "hide", "embed", "parent", "give award", "award",
    "read more", "show more", "hide replies", "view replies", "back to top", "respect",
    "нравится", "не нравится", "пожаловаться", "поделиться", "цитировать", "подобається", "поскаржитися", "поділитися",
    "melden", "gefällt mir", "signaler", "j'aime", "me gusta", "no me gusta", "denunciar", "reportar", "zgłoś",
    "mi piace", "segnala", "curtir", "gosto", "讚", "إعجاب", "点赞", "举报", "いいね", "beğen", "beğenme", "şikayet et", "신고",
    "падабаецца", "ссылка", "ветвь дискуссии", "выше по ветке", "развернуть", "свернуть", "вернуться к началу",
    "tykkää", "पसंद", "îmi place", "raportează", "tetszik", "jelentés", "μου αρέσει", "αναφορά", "მოწონება", "харесвам",
    "докладвай", "teata", "meeldib", "patīk", "nepatīk", "ziņot", "meld misbruik", "vind ik leuk", "thích", "báo cáo",
    "gilla", "anmäl", "rapportera", "suka", "laporkan", "sviđa mi se", "prijavi", "bəyən", "şikayət et", "páči sa mi to",
    "nahlásiť", "synes godt om", "anmeld", "zgłoś naruszenie",
    "answer", "to answer", "complain",  # (a machine translation's "Ответить" and "Пожаловаться")
    # a tabloid's "Up 47" / "Down 3" under each comment, Facebook's "Follow Post" of 2015
    "signaler un abus", "segnala abuso", "denunciar abuso", "rapporter", "rapportér", "сигнализирай", "liker",
    "anbefal", "up", "down", "up vote", "down vote", "follow post",
    # Substack's row under a comment
    "gift a subscription", "collapse", "expand", "lubię to",
    "add reply", "цитувати",  # (a US regional daily's "Report" / "Add Reply", a Ukrainian "Відповісти | Цитувати +7")
    # the share button beside "Reply" in Disqus's rows and others, in the languages read so far
    "condividi", "compartir", "partager", "teilen", "udostępnij", "compartilhar", "delen", "zitieren",
    "reagovat", "líbí se",  # (Czech: "Reagovat Líbí se (4)")
    "reagovať", "upozorniť", "odpovedať",  # (Slovak)
    "empfehlen", "gefällt mir nicht",
    "сообщить модератору", "повідомити модератора", "пожаловаться модератору",  # (a portal's "report to the moderator")
    # (stop 37: Lithuanian "Patinka (14)", "Nepatinka (2)", Portuguese, Finnish "Ilmoita asiaton viesti", Catalan)
    "patinka", "nepatinka", "pranešti", "responda", "ilmoita", "ilmoita asiaton viesti", "respon", "m'agrada",
    "raportează abuz", "raporteaza abuz", "rapporteer",
    "signaler ce commentaire", "signaler le commentaire", "zgłoś do usunięcia",  # (a Quebec daily; a Polish portal)
    "recommander", "j'approuve", "lik",  # (French "Recommander (34)"; Norwegian "Lik 8")
    "teata moderaatorile")  # (Estonian "Vasta Teata moderaatorile")
# buttons that show a count or a mark: "공감 56", "6 people liked this.", "👍 24 👎 3", "Рейтинг: +14 / -3", "12 likes"
# (Disqus's vote arrows, "14 △ ▽", print their count first)
# (no pattern ends in optional spaces, which BUTTON_RE's separators take, and each vote mark is read by one pattern
# only: an overlap makes a long row that does not match, "👍👍👍 ... ж", backtrack exponentially)
VOTE_MARKS = "👍👎▲▼△▽⬆⬇↑↓"
BUTTON_PATTERNS = (r"(?:비)?공감(?: ?\d{1,5})?", r"\d+\s+(?:people|persons?)\s+liked?\s+this",
                   rf"[{VOTE_MARKS}](?:\s*\d{{1,5}})?",
                   r"[♥❤]\ufe0f?\s*\d{1,5}",  # a forum's likes ("♥ 3", Discourse)
                   r"\d{1,5}\s*[▲▼△▽]",
                   # ("Votos: +12 / -7", a Polish portal's "Oceń: +31 -7")
                   r"(?:рейтинг|rating|votos|oceń):?\s*[+-]?\d{1,5}(?:\s*/?\s*[-−]\d{1,5}|\s*/\s*\d{1,5})?",
                   r"\d+\s+(?:likes?|replies|points?|votes?|recommend(?:s|ed|ations?)?|empfehlung(?:en)?)", BUTTON_EXTRAS,
                   r"\d{1,3}(?:\.\d)?k?\s+claps?",  # (a publishing platform's applause under a response: "12 claps")
                   r"(?:dis)?agree\s*\(\d{1,5}\)", r"rated by readers:?\s*[+-]?\d{1,6}",
                   rf"(?:like|reply|follow post)\s*·\s*(?:\d{{1,5}}\s*·\s*)?{ROW_DATE}",
                   r"via\s+\w[\w.]{0,20}")  # (the source after an age: "about 2 hours ago via Echo · Reply · Like")
BUTTON_RE = re.compile(
    # a count after a button: "Reply Like 14", "Like · Reply · 41 · 3 years ago"; lynx's link number before the row
    # (the link number in a group of its own: "^\W*(?:\[\d+\])?\W*" would try every split of a line's leading marks)
    # (the separators between buttons take no vote mark: BUTTON_PATTERNS read those, and one character read two ways at
    # every mark of a row would be tried in exponentially many ways)
    rf"^(?:[^\w\[]*\[\d{{1,4}}\])?[^\w{VOTE_MARKS}]*(?:(?:(?:"
    + "|".join(map(spaced_literal, dict.fromkeys(BUTTON_WORDS)))
    + rf")(?:[^\w{VOTE_MARKS}]+\d{{1,5}}(?!\w))?|"
    + "|".join(BUTTON_PATTERNS) + rf")[^\w{VOTE_MARKS}]*)+"
    r"(?:#\d*|\d{1,5})?\W*$",
    re.IGNORECASE,
)
# the age in a row of buttons under a comment ("Like · Reply · 2d"): the comment's date when nothing else gives one
BUTTON_AGE_RE = re.compile(rf"(?<![\w(])(\d{{1,3}}\s?(?:{AGE_UNITS})\b|{ROW_AGE}|{ROW_DATE})", re.IGNORECASE)
# a BUTTON_RE match of counts and ages alone ("7d", "(3)") is no button: "7d" is a comment's date
# Disqus's row under a comment, in any of its languages: a count, vote arrows or a bullet, then two or three words between
# bullets and its share arrow ("12 △ ▽ • Reply • Share ›", "15 • Rispondi•Condividi ›", "7 △ ▽ • Cevapla • Paylaş ›")
DISQUS_ROW_RE = re.compile(r"^(?:\d{1,5}\s*(?:[△▲]\s*[▽▼]\s*)?(?:•\s*)?|[△▲]\s*[▽▼]\s*(?:•\s*)?|•\s*)"
                           r"[^\W\d_]+(?:\s*•\s*[^\W\d_]+){1,2}\s*›$")
# (lines come stripped; the count is optional as a group, not as "\d{0,5}" between two "\s*": a row of marks and spaces
# that does not match, "- - - - ... ж", would otherwise be tried in exponentially many ways)
VOTES_RE = re.compile(rf"^(?:[{VOTE_MARKS}+−-]\s*(?:\d{{1,5}}\s*)?)*[{VOTE_MARKS}]\s*(?:\d{{1,5}}\s*)?$")
VOTE_STARTS = frozenset(VOTE_MARKS + "+−-")  # (what either pattern opens with: a cheap test first)
PLUS_MINUS_VOTES_RE = re.compile(r"^\+\d{1,5}\s*(?:/\s*)?[-−]\d{1,5}$")  # "+5 / -1", "+12 -3"
EXTRAS_ONLY_RE = re.compile(rf"^\W*(?:(?:{BUTTON_EXTRAS})\W*)+$", re.IGNORECASE)
# an age as comment widgets print it, alone: "7d", "3h", "2 wk"
# (and the Scandinavian units of Facebook's plugin: "3 t" for "timer", "2 tim", a week's "1 u" ("uke", "uge") or "1 v")
SHORT_AGE_RE = re.compile(r"^\d{1,3}\s?(?:s|m|min|mins|h|hr|hrs|d|w|wk|wks|mo|y|yr|yrs|t|tim|u|v)$", re.IGNORECASE)
# a day of the month without the year, as widgets print this year's dates: "Aug 2", "2 August"
MONTH_DAY_RE = re.compile(rf"^(?:(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\.?)$",
                          re.IGNORECASE)
NAME_THEN_AGE_RE = re.compile(r"^(?P<author>.{1,40}?)\s*[·•|—–-]?\s+(?P<date>\d{1,3}\s?(?:min|h|hr|d|w|wk|mo|y|yr)s?)$",
                              re.IGNORECASE)
# a name, then a day of this year's month, as a newsletter platform's comment row prints them ("Paul Renko Feb 23"), and
# the badge of the post's author between them ("Evelyn Marchetti Author Feb 23")
NAME_THEN_MONTH_DAY_RE = re.compile(rf"^(?P<author>.{{1,40}}?)\s+(?P<date>(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?)$",
                                    re.IGNORECASE)
# a badge beside a commenter's name ("NAME says: Post author", "Evelyn Marchetti Author Feb 23")
NAME_BADGES = "post author|author|moderator|admin|staff"
ROW_BADGE_TAIL_RE = re.compile(rf"\s+(?:{NAME_BADGES})$", re.IGNORECASE)
# lines of comment widgets that are neither text nor meta: avatar alt texts, "edited" marks, the
# "Reply to NAME" line above a reply, "see more" under a truncated comment
AVATAR_RE = re.compile(
    r"^\W*(?:user\s+|profile\s+)?(?:avatar|profile (?:picture|image|photo))(?:\s+(?:image|photo))?\W*$"
    # the same alt text in other languages ("Kullanıcı avatarı", "Аватар пользователя", "Benutzerbild")
    r"|^\W*(?:avatar|avatarı|avataras|аватар|аватарка|άβαταρ)(?:\s+(?:de l['’]utilisateur|del usuario|dell['’]utente"
    r"|do usuário|użytkownika|uživatele|používateľa|пользователя|користувача|карыстальніка|потребителя|korisnika"
    r"|uporabnika|käyttäjän|användare|van de gebruiker|des benutzers|des nutzers|felhasználó|utilizatorului"
    r"|χρήστη))?\W*$"
    r"|^\W*(?:kullanıcı (?:avatarı|resmi)|profil (?:resmi|fotoğrafı)|benutzerbild|profilbild|nutzerbild"
    r"|photo de profil|image de profil|foto de perfil|imagen de perfil|immagine del profilo|foto del profilo"
    r"|imagem de perfil|profielfoto|profielafbeelding|zdjęcie profilowe|profilová fotka|profilbillede|profilbilde"
    r"|profiilikuva|profilkép|фото профиля|фото профілю|프로필 사진|프로필 이미지|תמונת פרופיל|صورة المستخدم"
    r"|الصورة الرمزية|εικόνα προφίλ|ảnh đại diện)\W*$",
    re.IGNORECASE)
# "level 2": a reply's depth in a Reddit dump; "Author", "Moderator", "Top fan": a commenter's badge; "Beitrag 2",
# "Comment #14": a post's number in a forum-style thread; "This comment was deleted.", "[removed]": no comment
POST_WORDS = "beitrag|kommentar|comment|post|antwort|commentaire|réponse|комментарий|коментар"
# a reply's line naming the comment it answers ("In reply to NAME", "Svar til NAME", "Membalas @NAME", "Reakcia na: NAME")
REPLY_TO = (r"(?:(?:in\s+)?repl(?:y|ying)\s+to|svar\s+till?|membalas|rea[kc]ci?e?a?\s+na:?|odgovor\s+(?:korisniku|na)"
            r"|antwort\s+(?:auf|an)|odpowiedź\s+do|risposta\s+a"
            r"|(?:en\s+)?réponse\s+à|répondre\s+à|(?:в\s+)?ответ\s+(?:на|для)|(?:у\s+)?відповідь\s+(?:на|для)|odpowiedź\s+na|in\s+risposta\s+a|respuesta\s+a|em\s+resposta\s+a"
            r"|reactie\s+op)\s+[^.!?]{1,40}")
REPLY_TO_STARTS = ("in repl", "reply", "replying", "svar ", "membalas", "reakcia", "reakce", "odgovor", "antwort",
                   "en réponse", "répondre à", "odpowiedź", "risposta", "in risposta", "respuesta", "em resposta", "reactie", "ответ ",
                   "відповідь ", "в ответ", "у відповідь")
# how a commenter's profile line opens in Facebook's comments plugin ("Works at Boeing", "Retired at Canadian Armed Forces")
PROFILE_OPENINGS = ("works at", "worked at", "studied at", "studies at", "lives in", "went to", "retired at", "retired from")
PROFILE_LINE = "(?:" + "|".join(PROFILE_OPENINGS) + r")\s+(?-i:[A-Z0-9])[^.!?]{0,60}"
# a commenter's masked address under the name or beside it ("IP: 85.254.xx.xx")
MASKED_IP = r"ip:?\s*[\d*x]{1,3}(?:\.[\d*x]{1,3}){3}"
WIDGET_SKIP_RE = re.compile(r"^\W*(?:\(?edited\)?|see more|" + REPLY_TO + r"|level \d+"
                            # whom a reply answers, under its own header ("Response to NAME, DATE"; Dragnet's gold counts
                            # the line as the comment's, so it is no furniture, only no header)
                            r"|(?:in\s+)?response\s+to\s+[^.!?]{1,40}"
                            r"|author|editor|moderator|admin(?:istrator)?|staff|verified|top (?:fan|commenter|contributor)"
                            r"|(?:times|nyt|reader|readers'|editors'?|staff|top|featured) picks?|featured|pinned"
                            r"|(?:paid |founding )?(?:subscriber|member)"
                            # a commenter's profile line in Facebook's comments plugin: "Works at NAME", "Lives in PLACE"
                            rf"|{PROFILE_LINE}"
                            rf"|(?:{POST_WORDS})\s*(?:#|no\.|nr\.|№)?\s*\d{{1,5}}"
                            r"|this comment (?:was|has been|is) (?:deleted|removed|hidden)\b.{0,40}|liked by .{1,60}"
                            rf"|{MASKED_IP}"
                            r"|(?:comment )?(?:deleted|removed)"
                            r"|follow|op)\W*$",  # (Reddit's last button under a comment, and its badge of the poster)
                            re.IGNORECASE)
WIDGET_STARTS = ("avatar", "user", "profile", "edited",
                 # (avatars' alt texts in other languages: AVATAR_RE)
                 "profil", "benutzerbild", "nutzerbild", "photo de profil", "image de profil", "foto de", "foto del",
                 "imagen de", "immagine del", "imagem de", "profiel",
                 "see more", "repl", "in repl", "level", "author", "editor",
                 "response to", "in response to",
                 *PROFILE_OPENINGS,
                 "moderator", "admin", "staff", "verified", "top ", "paid ", "founding ", "subscriber", "member", "follow", "op",
                 "times", "nyt", "reader", "editor", "featured", "pinned",
                 *POST_WORDS.split("|"), "this comment", "deleted", "removed", "liked by", "ip", *REPLY_TO_STARTS)
# a commenter's reputation in points ("184p") or count of posts under the name ("2.871 Postings", "1 204 сообщения")
REPUTATION_RE = re.compile(r"^\d{1,6}\s?p$|^\d{1,3}(?:[.,\s\u00a0\u202f]\d{3})*\s?(?:postings?|posts|beiträge|messages"
                           r"|сообщени[йея]|повідомлен[ьня]|příspěvk[ůy]|wpis(?:ów|y)|hozzászólás|berichten|inlägg|viestiä)$",
                           re.IGNORECASE)
HANDLE_TAIL_RE = re.compile(r"(?<=\S)\s+@[A-Za-z0-9_.]{2,40}$")
COMMENTED_TAIL_RE = re.compile(r"\s+(?:commented|replied|posted)(?:\s+(?:at|on))?$", re.IGNORECASE)  # ("NAME posted at 7:14 am on DATE")
BY_PREFIX_RE = re.compile(r"^by:?\s+(?=\S)", re.IGNORECASE)
# a name's last initial: a capital, or a letter of a script without case ("Gregory T.", "Δημήτρης Κ.", "ლაშა კ."), or
# any letter after a handle's underscore ("giovanni_b.")
LOWER_INITIAL_END_RE = re.compile(r"\s[^\W\d_]\.$")
ABBREVIATED_SURNAME_RE = re.compile(r"\s(?![a-zа-яёіїєґα-ωß-ÿ])[^\W\d_][^\W\d_]{1,3}\.$")  # "Στέλιος Καρ.", "Pete Rom."
INITIAL_END_RE = re.compile(r"(?:^|\s)(?![a-zа-яёіїєґα-ωß-ÿ])[^\W\d_]\.$|(?<=[^\W\d_]_)[^\W\d_]\.$")
# a comment's number before its author's name ("#2 Веселина Т.")
NUMBERED_NAME_RE = re.compile(r"^#\d{1,4}\s+(?P<name>.+)$")
NUMBERED_HEADER_RE = re.compile(r"^\d{1,4}[.)]\s*(?P<header>[^\W\d].+)$")
READ_MORE_TAIL_RE = re.compile(r"\s*(?:…|\.\.\.)?\s*read more\s*[»›>]?\s*$", re.IGNORECASE)
# (the spaces before a "#" belong to it, not to the button: "like like like ... x like" would otherwise backtrack
# exponentially)
TRAILING_BUTTONS_RE = re.compile(r"(?:[\s.|·•-]*\b(?:reply|report|permalink|like|share)\b(?:\s*#)?)+\s*$",
                                 re.IGNORECASE)
BY_ON_RE = re.compile(r"^(?:posted\s+|comment\s+|submitted\s+)?by:?\s+(?P<author>.+?)\s+(?:on|at|[|,–—-])\s+(?P<date>.+?)\.?\s*$",
                      re.IGNORECASE)
# "Posté par NAME le DATE": a comment's or a post's header in other languages ("Publicado por NAME el DATE", "Geschrieben
# von NAME am DATE", "Scritto da NAME il DATE", "Postado por NAME em DATE")
POSTED_BY_OTHER_RE = re.compile(r"^(?:(?:posté|publié|écrit|publicado|escrito|geschrieben|verfasst|scritto|pubblicato"
                                # (Dutch: "Door NAME op DATE"; French: "Par NAME le DATE")
                                r"|postado)\s+(?:par|por|von|da)|door|par)"
                                r"\s+(?P<author>.{1,40}?)\s+(?:le|el|am|il|em|op)\s+(?P<date>.+?)\s*$",
                                re.IGNORECASE)
POSTED_BY_OTHER_STARTS = ("posté", "publié", "écrit", "publicado", "escrito", "geschrieben", "verfasst", "scritto",
                          "pubblicato", "postado", "door ", "par ")
# "- Maureen, Kettering, 28/12/2012 18:58": a tabloid's signature under a comment (the name, at most a town, a region
# and a country, then the date)
SIGNATURE_MARKS = ("- ", "– ", "— ")
SIGNATURE_MAX_PARTS = 4
# a comment's author and date in labelled fields, as a portal's comment list prints them ("Author: NAME", "Date: 2013-08-08
# 10:14:22")
AUTHOR_LABELS = frozenset({"author", "name", "autor", "auteur", "автор", "имя"})
LABELLED_FIELD_RE = re.compile(r"^(?P<label>author|name|autor|auteur|автор|имя|date|datum|fecha|data|дата)\s*:\s*(?P<value>\S.{0,60})$",
                               re.IGNORECASE)
# a blog's badge for the post's author glued to a commenter's name ("Кирилл Ветлугин Автор записи", "Dana Reyes Post author")
AUTHOR_BADGES = ("post author", "автор записи", "автор статьи", "beitragsautor", "auteur de l'article", "autor de la entrada")
AUTHOR_BADGE_TAIL_RE = re.compile(r"\s+(?:" + "|".join(map(re.escape, AUTHOR_BADGES)) + r")$", re.IGNORECASE)
# "Gwen O. says: Post author": a WordPress theme's badge after a commenter's "says:"
SAYS_BADGE_TAIL_RE = re.compile(rf"(?<=:)\s*(?:{NAME_BADGES})\s*$", re.IGNORECASE)
# a forum post's header (phpBB): "Post by NAME » DATE", "Сообщение NAME » 05 дек 2026, 14:32"
FORUM_POST_RE = re.compile(r"^\W*(?:post(?: ?by)?|by|сообщение|повідомлення|beitrag von)\s+(?P<author>[^»]{1,40}?)"
                           r"\s+»\s+(?P<date>.+)$",
                           re.IGNORECASE)
# a vBulletin post's header and its author's line ("Old 12-19-2012, 09:10 PM #2" with the post-status icon's alt text,
# "Brennan_K Brennan_K is offline" with the name's link and the status icon's alt text; lynx's link numbers before them)
FORUM_NUMBERED_POST_RE = re.compile(
    r"^(?:\[\d+\])?(?:old|new|unread)\s+(?P<date>(?:\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|today|yesterday),?\s+\d{1,2}:\d{2}"
    r"(?:\s*[ap]m)?)\s+(?:\[\d+\])?#\d{1,6}\s*$", re.IGNORECASE)
# a phpBB 2 post's header, under the author's name and profile: "Posted: Mon Nov 22, 2004 11:47 pm    Post subject: ...",
# "Добавлено: Пн Ноя 22, 2004 11:47 pm Заголовок сообщения: ..."
FORUM_SUBJECT_POST_RE = re.compile(
    r"^\W*(?:posted|добавлено|написано|додано|verfasst am|geschrieben am|posté le)\s*:\s*(?P<date>\S.{4,60}?)\s+"
    r"(?:post subject|заголовок сообщения|тема повідомлення|betreff|sujet du message)\s*:", re.IGNORECASE)
# (a cheap test: the header's second label, its first letter aside; Cyrillic ones cost nothing on a page without them)
FORUM_SUBJECT_WORDS = ("ost subject:", "аголовок сообщения:", "ема повідомлення:", "etreff:", "ujet du message:")
FORUM_SUBJECT_STARTS = frozenset(("post", "доба", "напи", "дода", "verf", "gesc"))  # its first label
FORUM_STATUS_RE = re.compile(r"^(?:\[\d+\])?(?P<name>\S.{0,39}?)(?: (?P=name))? is (?:offline|online)\s*$")
# a Slash site's comment header: "by NAME (92797) * <email> on Tuesday July 24, @11:35AM ( #40750343 ) Journal" (a user
# number, a subscriber's star, an obfuscated address, the comment's number, a link to the user's journal; "writes:"
# before "on" in some dumps)
SLASH_HEADER_RE = re.compile(
    r"^by\s+(?P<author>\S.{0,40}?)(?:\s+\(\d{1,9}\))?(?:\s+\*)?(?:\s+writes:)?(?:\s+<[^<>]{0,80}>)?\s+on\s+"
    r"(?P<date>(?:[a-z]+day,?\s+)?[a-z]+\.?\s+\d{1,2}(?:,?\s+\d{4})?,?\s+@\s?\d{1,2}:\d{2}\s?(?:[ap]m)?)"
    r"\s*(?:\(\s*#\d{1,12}\s*\))?(?:\s+(?:journal|homepage))*\s*$", re.IGNORECASE)
# ...and a collapsed comment's, which shows no date: "by garaged (579941)", "by Anonymous Coward"
SLASH_COLLAPSED_RE = re.compile(r"^by\s+(?P<author>\S.{0,40}?)\s+\(\d{1,9}\)(?:\s+\*)?$|^by\s+(?P<anonymous>Anonymous Coward)$")
# an old Reddit comment's header: "[–]NAME [flair] 187 points 13 hours ago", "[–][deleted] 11 hours ago", "[+]NAME [score
# hidden] 22 minutes ago (2 children)"
REDDIT_HEADER_RE = re.compile(
    r"^\[[–+-]\]\s?(?P<author>\S+)(?:\s+\S.{0,40}?)??\s+(?:(?:-?\d{1,6}|\[score hidden\])\s+points?\s+)?"
    r"(?P<date>(?:\d{1,3}|an?)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago)(?:\s+\(\d+ child(?:ren)?\))?\s*$")
# a discussion site's thread links after a comment's header ("vrbanac 4 hours ago | parent | next [–]")
THREAD_NAV_TAIL_RE = re.compile(r"(?:\s*\|\s*(?:parent|root|prev|next|context))+\s*(?:\[[–-]\])?\s*$|\s*\[[–-]\]\s*$",
                                re.IGNORECASE)
THREAD_NAV_ENDS = ("]", "parent", "root", "prev", "next", "context")  # how such a line ends (a cheap test first)
# a button after a comment's date on its line ("Inviato il 09/07/2010 alle 15:42 | Segnala abuso"), and before a reply
# button VK's note of whom a reply answers ("9 авг в 19:40 ответила Андрею | Ответить")
REPLY_TAIL_RE = re.compile(r"(?:\s+(?:ответил|ответила|відповів|відповіла|replied to)\s+\S+)?\s*\|\s*(?:"
                           + "|".join(map(spaced_literal, BUTTON_WORDS)) + r")\s*$", re.IGNORECASE)
SENT_LABEL_RE = re.compile(r"^inviato(?: il)?\s+", re.IGNORECASE)  # "Inviato il 09/07/2010 alle 15:42"
POINTS_BEFORE_DOT_RE = re.compile(r"\s\d{1,6}p(?= · )")
ANSWERED_TAIL_RE = re.compile(r"\s+(?:ответил|ответила|відповів|відповіла|replied to)\s+\S+$")
# "Posted by: NAME | Dec 3 2026 10:15 utc | 12", "NAME | 2012.05.03. 17:41 | #1"
COMMENT_NUMBER_TAIL_RE = re.compile(r"\s*[|#]\s*#?\d{1,5}$")
COMMENT_NUMBER_HEAD_RE = re.compile(r"^#\d{1,5}(?:\.\d{1,3})*\s*[—–-]\s*")  # "#2.1 — 11. August 2020, 17:48 Uhr"
# a comment system's mark beside a name: LiveJournal's "[info]", lynx's link number, Drupal's "(not verified)", old Reddit's
# "[S]" (the poster), "[M]" (a moderator) and "[A]" (an admin) glued to the name
USER_MARK_RE = re.compile(r"^\[(?:info|userpic|icon|avatar|profile|\d{1,4})\]\s*(?=\S)|\s+\(not verified\)$|(?<=\w)\[[SMA]\]$",
                          re.IGNORECASE)
# "NAME spune:", "NAME sagt:", "NAME a écrit :": a WordPress theme's verb in other languages
OTHER_SAYS_VERBS = ("spune", "sagt", "schreibt", "schrieb", "dit", "a écrit", "dice", "dijo", "escribió", "disse",
                    "escreveu", "pisze",
                    "napisał(a)", "napisała", "napisał", "napsal", "сказал(а)", "сказала", "сказал", "napísal", "schreef",
                    "zegt", "skriver", "sier", "siger", "säger", "kirjoitti", "sanoo",
                    "írta", "пишет", "пише", "написал", "написав", "каже", "говорит",
                    # (stop 37: the same word of WordPress's comment header in more of its translations)
                    "λέει", "έγραψε", "dedi ki", "diyor ki", "yazdı", "каза", "казва", "написа", "kaže", "napisao",
                    "napisala", "říká", "napsala", "hovorí", "napísala", "sako", "rašo", "parašė", "saka", "raksta",
                    "ütleb", "kirjutas", "scrive", "ha scritto", "escribe", "comentó", "diz", "escreve", "comentou",
                    "schrijft", "skrev", "kirjoittaa", "a spus", "scrie", "a scris", "написала", "сказав", "сказала",
                    "mówi", "mondja",
                    # (Blogger's "NAME said..." in more of its translations)
                    "είπε", "a dit", "ha detto", "hat gesagt", "sagte", "powiedział", "powiedziała", "zei", "sanoi",
                    "je rekao", "je rekla")
SAYS_RE = re.compile(r"^(?:\d{1,4}\.\s+)?(?P<author>.{1,60}?)\s+(?:says|said|wrote|writes|" + "|".join(map(re.escape, OTHER_SAYS_VERBS))
                     + r")(?:\b|(?<=\)))\s*(?P<rest>.*?)\s*:?\s*$",  # (a verb may end in a bracket: "napisał(a)")
                     re.IGNORECASE)
SAYS_TAIL_RE = re.compile(r"(?:\s+(?:says|said|wrote|writes|" + "|".join(map(re.escape, OTHER_SAYS_VERBS))
                          + r"))?\s*:?\s*$", re.IGNORECASE)
# "Dale Oquilluksays:": WordPress's hidden "says" span run into the name, as html2text and get_text print it (a name of
# two words or a handle with "_" or a digit: "Essays:" is a heading)
GLUED_SAYS_RE = re.compile(r"^(?P<author>(?=\S*[\s_\d]).{2,60}?[a-z.])says:$")
SEPARATED_RE = re.compile(r"^(?P<author>[^|•·]{1,60}?)\s*[|•·]\s*(?P<date>.+)$")
ON_DATE_RE = re.compile(r"^(?P<author>.{1,60}?)\s+(?:on|at)\s+(?P<date>.+)$", re.IGNORECASE)
# the same header in other languages: "NAME le DATE", "NAME am DATE", "NAME op DATE", "NAME el DATE", "NAME il DATE",
# "NAME em DATE" (the word lower-case, as headers print it)
OTHER_ON_DATE_WORDS = (" le ", " am ", " op ", " el ", " il ", " em ")
ON_DATE_WORDS = (" on ", *OTHER_ON_DATE_WORDS)
OTHER_ON_DATE_RE = re.compile(r"^(?P<author>.{1,60}?)\s+(?:le|am|op|el|il|em)\s+(?P<date>.+)$")
NAME_AGE_RE = re.compile(r"^(?P<author>[^,\d]{3,40}), (?:aged? )?\d{2}$")
NAME_COMMA_DATE_RE = re.compile(r"^(?P<author>[^,]{1,60}?),\s*(?P<date>.+)$")
EDITED_TAIL_RE = re.compile(r"\s*[|·•\-–—]?\s*\(?edited\)?\s*$", re.IGNORECASE)  # "5 hours ago • edited"
NOT_AUTHORS = {"posted", "updated", "edited", "published", "today", "yesterday", "op"}  # "OP · 4 hr. ago": a flair
# ad labels, which stand alone on a line as names do ("Advertisement" above a date line is no commenter)
AD_LABELS = frozenset({"advertisement", "advertising", "ad", "ads", "sponsored", "sponsored content", "promoted",
                       "paid content", "partner content"})
# ...and other labels that stand alone as names do: a forum post icon's alt text ("Default" over a vBulletin post)
LONE_LABELS = AD_LABELS | {"default"}
CJK_CLAUSE_MARKS = ("。", "，", "！", "？", "；", "、")
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                      "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"})
# weekdays of other languages, taken for a weekday only before a comma and a date ("Ven, 30/12/2016 - 19:05"); not
# among the words a name may not hold ("Domenica", "Domingo" and "Di" are names), and without "sam" and "dom"
OTHER_WEEKDAYS = frozenset({
    "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica", "lun", "mer", "gio", "ven", "sab",
    "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "mié", "jue", "vie", "sáb",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "jeu", "dim",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "segunda", "terça", "quarta", "quinta", "sexta", "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira",
    "sexta-feira", "seg", "ter", "qua", "qui", "sex",
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
    "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela", "pon", "czw", "sob",
    "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье", "пн", "вт", "ср", "чт", "пт",
    "сб", "вс", "понеділок", "вівторок", "середа", "четвер", "пʼятниця", "п'ятниця", "субота", "неділя",
    "pondělí", "úterý", "středa", "čtvrtek", "pátek", "neděle"})
# necessary conditions for a match of DATE_RE ("May 3, 2019", "3 May 2019": four digits; "2019-05-03",
# "3/5/19": a digit, a separator, a digit), TIME_RE ("10:42", "10 pm") and AGO_RE (case-insensitive)
DATE_GATE = re.compile(r"\d(?:\d\d\d|[-/.]\d)").search
TIME_GATE = re.compile(r"\d(?::\d|\s*[ap]|h\d)", re.IGNORECASE).search  # "14h32": French
AGO_WORDS = ("ago", "yesterday", "today", "vor ", "gestern", "heute", "il y a", "aujourd")
# the same for OTHER_AGO_RE (Italian ages by their units: " fa" alone is in one line in twenty of English pages)
OTHER_AGO_WORDS = ("hace ", "ayer", "hoy", "temu", "wczoraj", "ore fa", "ora fa", "minuti fa", "minuto fa", "giorni fa",
                   "giorno fa", "settimane fa", "mesi fa", "anni fa", "ieri", "há ", "ontem", "منذ", "önce", "전", "पहले",
                   "پیش", "před ", "prieš ", "пре ", "sitten", "acum ", " perce", " órája", " napja", " hete",
                   " hónapja", " éve", "πριν", "წინ", "преди ", " tagasi", "pirms ", " geleden", " trước", " sedan",
                   " siden", " lalu", "prije ", "pred ", " əvvəl")  # (" siden", not "president"; " perce", not "percent")
OTHER_AGO_ASCII_WORDS = tuple(word for word in OTHER_AGO_WORDS if word.isascii())  # (an ASCII line holds no other)
# a date line without digits holds "ago" or "day" as printed ("Yesterday"; not "REGISTER TODAY"), or one of these
# ("Gestern", "heute", "Aujourd'hui": their lower-case part; `_may_be_undigited_date` spells them out)
# what stands before an article's or a post's date in other languages ("Erstellt am 12.03.2019", "Publicado el 3 de
# mayo", "Opublikowano 3 czerwca 2020", "Stand: 14.03.2014 15:30 Uhr"): a label of the date, never the commenter's name
STAMP_LABELS = ("created", "modified", "erstellt", "geändert", "bearbeitet", "stand", "publicado", "actualizado",
                "atualizado", "editado", "modificado", "pubblicato", "aggiornato", "modificato", "modifié",
                "gepubliceerd", "bijgewerkt", "gewijzigd", "geplaatst", "opublikowano", "zaktualizowano", "dodano",
                "publicerad", "uppdaterad", "publiceret", "opdateret", "publisert", "oppdatert", "julkaistu",
                "päivitetty", "publicat", "actualizat", "publikováno", "aktualizováno", "yayınlanma", "güncelleme",
                "опубликовано", "обновлено", "опубліковано", "оновлено")
# words that may stand beside a date in a date line ("Posted on May 3, 2019 at 10:42 pm UTC"; Catalan "12/10/2023 a les
# 14:05", Spanish, Italian; "about 2 hours ago", "Inviato il 09/07/2010 alle 15:42")
DATE_FILLER_WORDS = frozenset({"at", "on", "posted", "updated", "edited", "published", "aired", "pm", "am", "utc",
                               "gmt", "est", "edt", "pst", "pdt", "et", "pt", "bst", "cet", "msk", "and", "of", "в", "г",
                               "о", "р", "uhr", "um", "à", "às", "le", "wib", "wita", "ist", "aest", "aedt",
                               "eet", "eest", "cest", "publié", "veröffentlicht", "aktualisiert", "kl", "klo", "pukul",
                               "les", "las", "alle", "about", "inviato", *STAMP_LABELS})
# Russian and Ukrainian dates and ages, for the comment sections of Cyrillic pages ("3 декабря 2026 г.",
# "5 минут назад", "2 години тому", "вчора")
CYRILLIC_DATE_RE = re.compile(rf"\b\d{{1,2}}\s+(?:{RU_MONTHS}|{UK_MONTHS})(?!\w)\.?(?:\s+\d{{4}})?(?:\s*(?:г\.|года|р\.|року)(?!\w))?",
                              re.IGNORECASE)
CYRILLIC_AGO_RE = re.compile(
    # (without a number, "a day ago", as Disqus prints it in Russian: "день назад")
    r"\b(?:(?:\d+|одну|один|одна)\s+)?(?:секунд\w*|минут\w*|час\w*|дн(?:я|ей)|день|недел\w*|месяц\w*|год\w*|лет"
    r"|хвилин\w*|дн(?:і|ів)|тиж\w*|місяц\w*|рок\w*|рік|гадзін\w*|хвілін\w*|дзён|тыдн\w*|гад\w*"
    r"|(?:ч|мин|сек|дн|нед|мес|хв|міс)\.?)\s+(?:назад|тому|таму)\b"  # (abbreviated units: "3 ч назад", "5 хв тому")
    r"|\b(?:вчера|сегодня|вчора|сьогодні|учора|сёння|бүгін|кеше)\b",
    re.IGNORECASE)
CYRILLIC_AGO_WORDS = ("назад", "тому", "таму", "вчера", "сегодня", "вчора", "сьогодні", "учора", "сёння", "бүгін", "кеше")
# ages with abbreviated units, which AGO_RE (shared with the line features) does not read: "3 hr. ago", "5 mo. ago"
SHORT_UNIT_AGO_RE = re.compile(r"\b\d+\s*(?:s|sec|m|min|h|hr|d|w|wk|mo|y|yr)s?\.?\s+ago\b"
                               r"|\bvor\s+\d+\s*(?:sek|min|std|tg|wo|mon|mo|j|jhr)\.?(?!\w)"  # "vor 5 Std."
                               # "hace 38 min", "há 3 h", "il y a 2 j"
                               r"|(?:\bhace|(?<!\w)há|\bil y a)\s+\d+\s*(?:s|seg|min|h|hs|d|j|sem|m|a)\.?(?!\w)",
                               re.IGNORECASE)
CYRILLIC = re.compile("[\u0400-\u04ff]").search
# words of date and dateline lines that are no part of a name before a date ("Posted on", "Tue"), and
# the first words of such lines, which no "NAME DATE" line starts with
NOT_NAME_WORDS = WEEKDAYS | NOT_AUTHORS | DATE_FILLER_WORDS
NOT_NAME_STARTS = NOT_NAME_WORDS | frozenset(MONTHS.split("|"))

# Most lines fail the patterns above, and a regex search over a whole line costs far more than a
# substring test: the helpers below run a pattern only when a cheap necessary condition holds.
# Under re.IGNORECASE an ASCII letter of a pattern also matches these four non-ASCII letters (re
# docs), so a lowercased line stands in for the line in those conditions only when it has none.
IGNORECASE_ASCII_LOOKALIKES_RE = re.compile("[\u0130\u0131\u017f\u212a]")
BUTTON_TAIL_WORDS = ("reply", "report", "permalink", "like", "share")
SAYS_VERBS = ("says", "said", "wrote", "writes", *OTHER_SAYS_VERBS)
BY_ON_STARTS = ("by", "posted", "comment", "submitted")
SEPARATORS = ("|", "•", "·")


def _may_be_undigited_date(text: str) -> bool:
    """A necessary condition for a date without digits ("Yesterday", "Gestern")."""
    return "ago" in text or "day" in text or "estern" in text or "eute" in text or "ujourd" in text \
        or "Ayer" in text or "ayer" in text or "czoraj" in text or "ieri" in text or "ntem" in text \
        or " fa" in text or any(map(text.__contains__, UNDIGITED_AGE_WORDS))  # ("un giorno fa", "un'ora fa")


# ages spelled without digits in other languages ("acum o oră", "hace una hora", "il y a une heure", "godzinę temu",
# "vor einer Stunde", "bir saat önce", "tunti sitten", "een uur geleden", "en timme sedan", "en time siden", "egy órája")
UNDIGITED_AGE_WORDS = ("acum ", "hace ", "il y a ", "temu", "vor ", "önce", "sitten", "geleden", "sedan", "siden", "egy ")


def lowered_for_gates(line: str) -> str | None:
    """The lowercased line, for necessary conditions of case-insensitive patterns; None when the
    line holds a letter that such a pattern could match in place of an ASCII letter."""
    if line.isascii() or not IGNORECASE_ASCII_LOOKALIKES_RE.search(line):
        return line.lower()
    return None


# COUNTER_RE and BUTTON_RE begin with ^\W*, then a digit or one of these words
COUNTER_STARTS = ("comment", "response", "replies", "thought", "discussion", "reader", "leave", "post", "add", "write",
                  "kommentar", "neuen komm", "einen komm", "laisser", "ajouter", "trier", "to ",
                  "join", "newest", "oldest", "most", "best", "top", "sort", "view", "show", "load", "see",
                  "comentario", "commenti", "komentarz", "ordenar", "ordina", "sortuj", "najnowsze", "ver ", "zobacz",
                  "mostra", "mais", "yorum", "daha", "hide", "diskuz", "diskuse", "komentarai", "kommentit", "voir",
                  "afficher", "charger", "showing", "displaying", "viewing")
# what an ASCII line that BUTTON_RE matches opens with, after its ^\W* (`_first_word_start`: 12 characters), when not a
# digit: a button word, or the first word of a pattern's
BUTTON_STARTS = tuple(dict.fromkeys(word[:12] for word in (*BUTTON_WORDS, "rating", "rated", "votos", "agree", "disagree")
                                     if word.isascii()))
ASCII_NON_WORD = "".join(char for char in map(chr, range(128)) if not (char.isalnum() or char == "_"))


# the rules and the comment parser ask about the same lines many times, on one page and across a site's pages ("Reply",
# "Share", a template's lines): the pure tests below remember their answers for this many lines
LINE_CACHE_SIZE = 1 << 16
_CACHE_CLEARERS: list[Callable[[], None]] = []


def line_cache(function):
    """`functools.lru_cache` of LINE_CACHE_SIZE answers, registered for `clear_line_caches`."""
    cached = functools.lru_cache(maxsize=LINE_CACHE_SIZE)(function)
    _CACHE_CLEARERS.append(cached.cache_clear)
    return cached


def line_memo() -> dict:
    """A dict of remembered line answers, registered for `clear_line_caches`."""
    memo: dict = {}
    _CACHE_CLEARERS.append(memo.clear)
    return memo


def clear_line_caches() -> None:
    """Forget every remembered line answer. A corpus's lines are read once, so speed is timed with
    these caches empty: a second run over the same pages would find most answers remembered."""
    for clear in _CACHE_CLEARERS:
        clear()


def _first_word_start(line: str) -> str | None:
    r"""The first characters of an ASCII line from its first word character on, lowercased (where
    COUNTER_RE and BUTTON_RE look after their ^\W*); None for other lines."""
    if not line.isascii():
        return None
    return line.lstrip(ASCII_NON_WORD)[:12].lower()


def _may_start_like(start: str | None, words: tuple[str, ...]) -> bool:
    """False when a line whose `_first_word_start` is `start` does not start with a digit or one of
    the words (so COUNTER_RE or BUTTON_RE, with their words, cannot match it)."""
    return start is None or start[:1].isdigit() or start.startswith(words)


@line_cache
def is_counter(line: str) -> bool:
    """COUNTER_RE matches the line ("12 Comments", "Leave a reply", "Sort by newest")."""
    return _may_start_like(_first_word_start(line), COUNTER_STARTS) and COUNTER_RE.match(line) is not None


BUTTON_ROW_MAX_CHARS = 300
MAX_VOTE_MARKS = 8
BUTTONS_TAIL_CHARS = 400
ROW_LINK_MARKER_RE = re.compile(r"\[\d{1,4}\](?=\S)")  # a text browser's link numbers in a row ("[33]Reply [34]▲ 24")


def _button_match(line: str) -> bool:
    """BUTTON_RE matches the line and it is not counts and ages alone; or it is a row of vote arrows with their counts
    ("👍 12 👎 3"), or a dotted row of buttons with a date (`_dotted_row_date`); a row that opens with a text browser's
    link number is read without its link numbers."""
    if line[:1] == "[" and ROW_LINK_MARKER_RE.match(line):
        line = ROW_LINK_MARKER_RE.sub("", line)
    if line[:1] in VOTE_STARTS and (PLUS_MINUS_VOTES_RE if line.isascii() else VOTES_RE).match(line):
        return True
    if line[-1:] == "›" and DISQUS_ROW_RE.match(line):
        return True
    # a row of buttons is short and shows a few vote marks (on the training and probe pages: at most 71 characters and
    # 2 marks); a longer line is not tried, which also bounds BUTTON_RE's backtracking on a line that it cannot match
    row_like = len(line) <= BUTTON_ROW_MAX_CHARS and (
        line.isascii() or sum(map(VOTE_MARKS.__contains__, line)) <= MAX_VOTE_MARKS)
    return (row_like and BUTTON_RE.match(line) is not None
            and (HAS_DIGIT(line) is None or EXTRAS_ONLY_RE.match(line) is None)) or _dotted_row_date(line) is not None


_BUTTON_WORD_SET = frozenset(map(str.casefold, BUTTON_WORDS))


def _button_word(text: str) -> bool:
    """A button's word (BUTTON_WORDS), as printed or spaced by the reading view ("いい ね")."""
    word = text.strip().casefold()
    return word in _BUTTON_WORD_SET or (not word.isascii() and " " in word
                                        and word.replace(" ", "") in _BUTTON_WORD_SET)


def _dotted_row_date(line: str) -> str | None:
    """The date at the end of a row of buttons joined by " · ", as Facebook's comments plugin printed it in every language
    ("Synes godt om · Svar · 18 · 12. maj 2015 kl. 09:12", "Gefällt mir · Antworten · 3. März 2016 um 14:05"): button
    words, then a count or not, then a date; None for any other line."""
    if " · " not in line or len(line) > 100:
        return None
    *buttons, last = line.split(" · ")
    if buttons and buttons[-1].strip().isdigit():
        buttons.pop()
    if not buttons or not all(_button_word(button) for button in buttons):
        return None
    return last.strip() if _is_date_text(last) else None


@line_cache
def is_button(line: str) -> bool:
    """A row of buttons ("Reply", "Like · Report", "3 likes", "Like · Reply · 7d"): `_button_match`."""
    return _may_start_like(_first_word_start(line), BUTTON_STARTS) and _button_match(line)


@line_cache
def _control_kind(line: str) -> str | None:
    """"skip" for a counter line (is_counter), "button" for a button line (is_button), else None."""
    start = _first_word_start(line)
    if _may_start_like(start, COUNTER_STARTS) and COUNTER_RE.match(line):
        return "skip"
    if _may_start_like(start, BUTTON_STARTS) and _button_match(line):
        return "button"
    return None


def _widget_kind(line: str) -> str | None:
    """For a line that is no counter or button: "button" for a line without letters (vote counts
    "↑ 22 ↓ 1", bullets, separators), which stand between comments; "avatar" for an avatar's alt
    text, which opens a comment; "skip" for an "edited" mark, "see more" or "Reply to NAME"; else None."""
    if len(line) > 80:
        return None
    if not any(map(str.isalpha, line)):
        if line == "--":  # a signature's delimiter: the signature under it is the comment's
            return "skip"
        return None if _is_date_text(line) else "button"  # "01/02/2019 16:12" is a date line
    start = _first_word_start(line)
    if (start is not None and start[:1].isdigit()) or (start is None and line[:1].isdigit()):
        return "skip" if REPUTATION_RE.match(line) else None  # (start is None: a line with a letter beyond ASCII)
    if start is not None and not start.startswith(WIDGET_STARTS):
        return None
    if AVATAR_RE.match(line):
        return "avatar"
    if WIDGET_SKIP_RE.match(line):
        return "skip"
    return None


def _may_end_with_buttons(folded: str | None) -> bool:
    """False when TRAILING_BUTTONS_RE cannot match a line whose `lowered_for_gates` is `folded`:
    a match ends with a button word, then spaces and "#"."""
    return folded is None or folded.rstrip().removesuffix("#").rstrip().endswith(BUTTON_TAIL_WORDS)


def _strip_trailing_buttons(text: str) -> str:
    """TRAILING_BUTTONS_RE.sub("", text), looked for in the text's last BUTTONS_TAIL_CHARS characters (from a space on):
    a search over the whole of a long text would try every position, and a long run of button words ("like like ...")
    makes each try long."""
    if not _may_end_with_buttons(lowered_for_gates(text)):
        return text
    if len(text) > BUTTONS_TAIL_CHARS and (cut := text.find(" ", len(text) - BUTTONS_TAIL_CHARS)) > 0:
        return text[:cut] + TRAILING_BUTTONS_RE.sub("", text[cut:])
    return TRAILING_BUTTONS_RE.sub("", text)


def _clean_text(text: str) -> str:
    """The text without a "Read more »" tail and trailing "Reply"/"Report"/... buttons."""
    folded = lowered_for_gates(text)
    if folded is not None and "read more" not in folded and not _may_end_with_buttons(folded):
        return text.strip() or text  # neither pattern can match
    text = READ_MORE_TAIL_RE.sub("", text)
    return _strip_trailing_buttons(text).strip() or text


def _for_lowered_text(pattern: re.Pattern) -> re.Pattern:
    """The case-insensitive pattern made case-sensitive, to run on `lowered_for_gates` text: same
    matches, twice as fast (the regex engine skips an alternative on its first character only when
    case matters). Valid while the pattern spells no capital letter but in escapes (\\W, \\S);
    otherwise the pattern itself is returned (it finds the same matches on lowered text)."""
    if re.search(r"(?<!\\)[A-Z]", pattern.pattern):
        return pattern
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


# a date with the month's short name between dots or dashes, as comment widgets print it ("05.dez.2026 às 17h20",
# "05-Dec-2026"); not in DATE_RE, which the network reads among its features
SHORT_MONTHS = ("jan|janv|feb|fev|fév|févr|mar|mär|abr|apr|avr|may|mai|mag|jun|juin|giu|jul|juil|lug|aug|ago|août|sep|sept|set"
                "|oct|okt|out|ott|nov|dec|dez|dic|déc|ene|gen")
SHORT_MONTH_DATE_RE = re.compile(rf"\b\d{{1,2}}[./-](?:{SHORT_MONTHS})\.?[./-]\d{{2,4}}\b"
                                 # Indonesian and Dutch short names ("6 Des 2026, 10:02 WIB", "5 okt. 2026")
                                 r"|\b\d{1,2}\s+(?:des|agu|agt|okt|mei|mrt|mär)\.?,?\s+\d{4}\b", re.IGNORECASE)
# a day and month with a two-digit year, after a weekday or not, as British regional papers' comments print them ("9:42am
# Thu 14 Jul 11"): not "14 Jul 11:30" nor "12 October 27, 2018" (a comment's number before a date)
SHORT_YEAR_DATE_RE = re.compile(r"\b(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+"
                                r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?,?\s+'?\d{2}\b(?![:.]\d|,?\s*(?:19|20)\d\d)",
                                re.IGNORECASE)
# dates with month names of languages that DATE_RE (a feature of the network, which stays as trained) lacks: Danish,
# Norwegian, Swedish, Finnish, Czech, Slovak, Croatian, Serbian, Estonian, Catalan and Georgian ("12. maj 2015", "14.
# června 2017", "30. joulukuuta 2016", "12 d'octubre de 2023"), and Lithuanian ("2023 m. birželio 14 d.")
MORE_MONTHS = ("januar|februar|marts|mars|april|maj|mai|juni|juli|august|september|oktober|november|december|desember"
               "|januari|februari|augusti|tammikuuta|helmikuuta|maaliskuuta|huhtikuuta|toukokuuta|kesäkuuta|heinäkuuta"
               "|elokuuta|syyskuuta|lokakuuta|marraskuuta|joulukuuta|ledna|února|března|dubna|května|června|července|srpna"
               "|září|října|listopadu|prosince|januára|februára|marca|apríla|mája|júna|júla|augusta|septembra|októbra"
               "|novembra|decembra|siječnja|veljače|ožujka|travnja|svibnja|lipnja|srpnja|kolovoza|rujna|listopada|studenoga"
               "|prosinca|januara|februara|marta|aprila|maja|juna|jula|avgusta|oktobra|јануара|фебруара|марта|априла|маја"
               "|јуна|јула|августа|септембра|октобра|новембра|децембра|jaanuar|veebruar|märts|aprill|juuni|juuli|oktoober"
               "|detsember|gener|febrer|març|abril|maig|juny|juliol|agost|setembre|octubre|novembre|desembre"
               "|იანვარი|თებერვალი|მარტი|აპრილი|მაისი|ივნისი|ივლისი|აგვისტო|სექტემბერი|ოქტომბერი|ნოემბერი|დეკემბერი")
DAY_MONTH_RE = re.compile(rf"\d{{1,2}} (?:{MONTHS}|{MORE_MONTHS}|{DE_MONTHS}|{FR_MONTHS}|{OTHER_MONTHS})|(?:{MONTHS}) \d{{1,2}}",
                          re.IGNORECASE)
LT_MONTHS = "sausio|vasario|kovo|balandžio|gegužės|birželio|liepos|rugpjūčio|rugsėjo|spalio|lapkričio|gruodžio"
MORE_MONTHS_DATE_RE = re.compile(rf"(?<!\w)\d{{1,2}}\.?\s+(?:de |d'|d’)?(?:{MORE_MONTHS})\.?,?\s+(?:de\s+)?\d{{4}}(?!\d)"
                                 rf"|(?<!\d)(?:19|20)\d\d\s*m\.\s*(?:{LT_MONTHS})\s+\d{{1,2}}\s*d\.", re.IGNORECASE)
# a Hungarian date with the month abbreviated ("2022. nov. 14. 20:03")
HU_SHORT_DATE_RE = re.compile(r"\b(?:19|20)\d\d\.\s*(?:jan|febr?|márc|ápr|máj|jún|júl|aug|szept?|okt|nov|dec)\.?\s*\d{1,2}\.",
                              re.IGNORECASE)
# a time as French-language sites print it with spaces ("à 10 h 41 min", "07 h 48"), which TIME_RE (a network feature) lacks
SPACED_H_TIME_RE = re.compile(r"(?:(?<=\d{4} )|(?<=\d{4}, )|(?<=à ))\d{1,2} h \d{2}(?: min)?\b")  # (after a year or "à")
# ages that OTHER_AGO_RE (a feature of the network) lacks: Slovene ("pred 25 minutami", "pred 1 uro", "pred 2 dnevoma"),
# whose units differ from Slovak's ("pred 2 hodinami") in the same frame
MORE_AGES_RE = re.compile(r"\bpred\s+\d+\s+(?:sekund|minut|ur[aoi]|urama|urami|dnev|dnem|ted(?:n|en)|mesec|let)\w*"
                          r"|\begy\s+(?:perce|órája|napja|hete|hónapja|éve)\b", re.IGNORECASE)  # (Hungarian "egy órája")
HU_SHORT_DATE_GATE = re.compile(r"\d\d\.\s*[a-zA-Záé]{3,5}\.").search
# dates and ages as Chinese and Japanese comment widgets print them ("2016年12月30日", "12月30日 12:05", "3小时前", "5分前",
# "2時間前", "昨天"), with or without the spaces that the reading view puts between their words (`cues.reading_view`)
CJK_DATE_RE = re.compile(r"(?<!\d)(?:(?:19|20)\d\d\s?年\s?)?\d{1,2}\s?月\s?\d{1,2}\s?[日号號]"
                         r"|(?<!\d)(?:19|20)\d\d\s?年\s?\d{1,2}\s?月"
                         r"|(?<!\d)\d{1,3}\s?(?:秒|分|分钟|分鐘|小时|小時|時間|天|日|周|週|週間|个月|個月|か月|ヶ月|カ月|年)\s?前"
                         r"|昨\s?天|前\s?天|刚\s?刚|剛\s?剛|昨\s?日")
CJK_DATE_GATE = re.compile("[月前昨刚剛]").search
SHORT_YEAR_GATE = re.compile(r"\d\s+[A-Za-z]{3,9}\.?,?\s+'?\d\d(?!\d)").search
LOWERED_DATE_PATTERNS = {pattern: _for_lowered_text(pattern)
                         for pattern in (DATE_RE, SHORT_MONTH_DATE_RE, TIME_RE, AGO_RE, OTHER_AGO_RE, SHORT_UNIT_AGO_RE,
                                         CYRILLIC_DATE_RE, CYRILLIC_AGO_RE, SHORT_YEAR_DATE_RE, HU_SHORT_DATE_RE, MORE_AGES_RE,
                                         SPACED_H_TIME_RE, CJK_DATE_RE,
                                         MORE_MONTHS_DATE_RE)}


@line_cache
def _date_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every match of the date and age patterns (LOWERED_DATE_PATTERNS' keys; CYRILLIC_DATE_RE and
    CYRILLIC_AGO_RE in Cyrillic text only) in the text, sorted; a pattern runs only when its necessary condition holds."""
    lowered = lowered_for_gates(text)
    patterns = []
    if DATE_GATE(text):
        patterns += (DATE_RE, SHORT_MONTH_DATE_RE, MORE_MONTHS_DATE_RE)
    if TIME_GATE(text):
        patterns.append(TIME_RE)
    if " h " in text:
        patterns.append(SPACED_H_TIME_RE)
    if SHORT_YEAR_GATE(text):
        patterns.append(SHORT_YEAR_DATE_RE)
    if HU_SHORT_DATE_GATE(text):
        patterns.append(HU_SHORT_DATE_RE)
    if lowered is None or any(map(lowered.__contains__, AGO_WORDS)):  # map: no generator frame, faster
        patterns.append(AGO_RE)
        if lowered is None or "ago" in lowered or "vor " in lowered or "il y a " in lowered:
            patterns.append(SHORT_UNIT_AGO_RE)
    if lowered is None or any(map(lowered.__contains__, OTHER_AGO_ASCII_WORDS if text.isascii() else OTHER_AGO_WORDS)):
        patterns.append(OTHER_AGO_RE)
        if lowered is None or "pred " in lowered or "egy " in lowered:
            patterns.append(MORE_AGES_RE)
        if (lowered is None or "hace " in lowered or "há " in lowered) and SHORT_UNIT_AGO_RE not in patterns:
            patterns.append(SHORT_UNIT_AGO_RE)
    if not text.isascii() and CYRILLIC(text):
        patterns += (CYRILLIC_DATE_RE, CYRILLIC_AGO_RE)
    if not text.isascii() and CJK_DATE_GATE(text):
        patterns.append(CJK_DATE_RE)
    if lowered is None:
        return tuple(sorted(match.span() for pattern in patterns for match in pattern.finditer(text)))
    # the lowered text is as long as the text, so its spans hold for both
    return tuple(sorted(match.span() for pattern in patterns for match in LOWERED_DATE_PATTERNS[pattern].finditer(lowered)))


def _outside_spans(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """The characters of the text that no span covers, in order (spans sorted, may overlap)."""
    pieces = []
    position = 0
    for start, end in spans:
        if start > position:
            pieces.append(text[position:start])
        position = max(position, end)
    pieces.append(text[position:])
    return "".join(pieces)


@line_cache
def _is_date_text(text: str) -> bool:
    """True when the text is essentially a date/time stamp (little else on the line)."""
    stripped = text.strip(" .,:;|·•-–—()[]")
    if not stripped or len(stripped) > 60 or not (HAS_DIGIT(stripped) or _may_be_undigited_date(stripped) or (
            not stripped.isascii() and (any(map(stripped.lower().__contains__, CYRILLIC_AGO_WORDS))
                                        or CJK_DATE_GATE(stripped)))):
        return False
    if len(stripped) <= 15 and (SHORT_AGE_RE.match(stripped) or MONTH_DAY_RE.match(stripped)):
        return True
    spans = _date_spans(stripped)
    if not spans:
        return False
    rest = _outside_spans(stripped, spans)
    leftover = [w for w in WORD_RE.findall(rest) if w.lower() not in DATE_FILLER_WORDS]
    if not rest.isascii():  # a run of Chinese or Japanese as the words the reading view makes of it ("的声明": two)
        leftover = [piece for word in leftover for piece in reading_view([word])[0].split()]
    # (or a day and a month without the year, before a time: "14 november kl. 08:21", "September 15 at 7:12pm")
    return len(leftover) <= 1 or (len(leftover) == 2 and DAY_MONTH_RE.fullmatch(" ".join(leftover)) is not None)


is_date_text = _is_date_text  # for the title rule (text.py): a date line is no headline


CLASS_YEAR_RE = re.compile(r"^['’]\d\d$")


BRACKETED_RE = re.compile(r"\s*\([^()\d]{1,12}\)")  # (not a number: "by Hatta (162192) writes:" is a header's own)


def _without_brackets(name: str) -> str:
    """A name without its short bracketed parts, for the name test: a rank's "(Ret)", "(Retd)" ("Sgt Maj (Ret) T.
    Brannigan")."""
    return BRACKETED_RE.sub("", name) if "(" in name else name


def _looks_like_name(text: str, date_tested: bool = False, any_case: bool = False) -> bool:
    """A commenter's name or handle: 1-4 words, mostly capitalised (any case with `any_case`), not a
    date, counter or button; `date_tested`: the caller knows the text is no date text (`_is_date_text`)."""
    if len(text) > 40:
        return False
    words = text.split()
    if not 1 <= len(words) <= 4 or not any(map(str.isalpha, text)):
        return False
    if text[-1:] in "!?,;" or (text[-1:] == "." and not INITIAL_END_RE.search(text)  # "Gregory T." is a name
                               and not (any_case and LOWER_INITIAL_END_RE.search(text))):  # ("marinella r.")
        return False
    if ": " in text:  # a label and its value ("Location: Leeds", "Откуда: Харьков")
        return False
    if not text.isascii() and any(map(text.__contains__, CJK_CLAUSE_MARKS)):  # a Chinese or Japanese sentence
        return False
    if (not date_tested and _is_date_text(text)) or _control_kind(text) is not None:
        return False
    # (but a handle and a town: "Gaz1975, Workington"; a name and a class year: "Concerned alum ’79", "Dana Reyes '05")
    if len(words) > 1 and any(map(str.isdigit, text)) and not (
            words[0].endswith(",") and not any(map(str.isdigit, text[len(words[0]):]))) \
            and not (CLASS_YEAR_RE.match(words[-1]) and not any(map(str.isdigit, text[:-len(words[-1])]))):
        return False
    if text[:1].isdigit() and sum(map(str.isdigit, text)) > sum(map(str.isalpha, text)):  # a score: "184p", "12 pts"
        return False
    if len(words) <= 2 and text.lower().strip(" :-") in LONE_LABELS:
        return False
    if len(words) == 1 and text.lower().strip(" :-,.") in WEEKDAYS:  # "Sunday" over "September 16, 2012 at 7:41 pm"
        return False
    # handles ("john_mason", "jm1987") are single tokens; real names are capitalised words
    # (a letter of a script without case, Arabic or Chinese, counts as a capital: `not islower`)
    # (Georgian's Mkhedruli letters count as lowercase in Unicode, but the script writes names without capitals: a
    # first name and a surname or initial; a longer Georgian line is more likely a headline)
    # (a guest's name on a Polish portal carries its mark, in any case: "~Krzysztof z Lublina", "~emeryt z Białegostoku")
    uncased = len(words) <= 2
    return any_case or len(words) == 1 or text[0] == "~" or sum(w[:1].isalpha() and (not w[:1].islower() or (
        uncased and "\u10d0" <= w[:1] <= "\u10ff")) for w in words) >= len(words) - 1


@dataclass(frozen=True)
class _Meta:
    author: str | None = None
    date: str | None = None
    says: bool = False  # "NAME says:" / "NAME wrote:"


@dataclass
class _Draft:
    author: str | None = None
    date: str | None = None
    text: list[str] = field(default_factory=list)
    opened_by_avatar: bool = False  # its first name is the author; a second one is whom it replies to
    rows: list[int] = field(default_factory=list)  # where its text lines are among the comment lines


def _meta_of(line: str) -> _Meta | None:
    """Author and/or date carried by a meta line, or None for a text line."""
    if len(line) > 120:  # meta lines are short; long lines are comment text
        return None
    if line[:1] in "Oo" and line[:20].casefold() == "originally posted by":
        return None  # a quotation's header inside a forum post, not the post's author
    if ":" in line[:12] and (field := LABELLED_FIELD_RE.match(line)) is not None:  # "Author: NAME", "Date: 2013-08-08 10:14"
        value = field.group("value").strip()
        if field.group("label").lower() in AUTHOR_LABELS:
            return _Meta(author=value) if _looks_like_name(value, any_case=True) else None
        return _Meta(date=value) if _is_date_text(value) else None
    if line[-20:].lower().endswith(AUTHOR_BADGES) and (badge := AUTHOR_BADGE_TAIL_RE.search(line)) is not None \
            and badge.start() > 0 and (named := _meta_of(line[:badge.start()])) is not None and named.author:
        return named  # "Кирилл Ветлугин Автор записи": the blog's author answering, the badge glued to the name
    if ("IP" in line or "ip" in line) and (masked := MASKED_IP_TAIL_RE.search(line)) is not None and masked.start() > 0 \
            and (meta := _meta_of(line[:masked.start()])) is not None:
        return meta  # "18.10.2011 15:58 | IP: 83.27.*.*": the commenter's masked address after the date
    if "|" in line and (tail := REPLY_TAIL_RE.search(line)) is not None and tail.start() > 0 \
            and "|" not in line[:tail.start()] \
            and (dated := _meta_of(line[:tail.start()])) is not None and dated.date and not dated.author:
        return dated
    if ("ответил" in line or "відпові" in line or "replied to" in line) \
            and (answered := ANSWERED_TAIL_RE.search(line)) and answered.start() > 0 \
            and (dated := _meta_of(line[:answered.start()])) is not None and dated.date and not dated.author:
        return dated  # "30 мар в 16:58 ответила Дмитрию": VK's note of whom a reply answers, after its date
    navigated = line.endswith(THREAD_NAV_ENDS)
    if navigated or not line.isascii():  # (the cheap tests for the three forms below)
        if navigated and (nav := THREAD_NAV_TAIL_RE.search(line)) is not None and nav.start() > 0:
            return _meta_of(line[:nav.start()])  # "mpalmer_ 4 hours ago | parent | next [–]"
        # a reply's header names whom it answers: "KarenW_OH → Ron_in_Dayton", "Kathleen M. ↪ OldHandAtState"
        if " → " in line or " ► " in line or " ↪ " in line:
            head, tail = line.replace(" ► ", " → ").replace(" ↪ ", " → ").split(" → ", 1)
            meta = _meta_of(head)
            if meta is not None and meta.author and not meta.date and " • " in tail:  # "NAME → PARENT • 9 minutes ago"
                dated = _meta_of(tail.split(" • ", 1)[1])
                if dated is not None and dated.date and not dated.author:
                    return _Meta(author=meta.author, date=dated.date)
            return meta
        if " » " in line and (post := FORUM_POST_RE.match(line)) is not None and _is_date_text(post.group("date")):
            return _Meta(author=post.group("author"), date=post.group("date"))  # "Post by NAME » Fri Dec 05, 2026"
    if "p · " in line and (points := POINTS_BEFORE_DOT_RE.search(line)) is not None:
        return _meta_of(line[:points.start()] + line[points.end():])  # "NAME 214p · 2 days ago": IntenseDebate's points
    if " · " in line and (profiled := _profile_header(line)) is not None:
        return profiled
    if " · " in line and (parts := line.rsplit(" · ", 1))[1].strip().casefold() in _BUTTON_WORD_SET:
        dated = _meta_of(parts[0])  # "вчера в 18:44 · Ответить": a date line with its button (VK's comments widget)
        if dated is not None and dated.date and not dated.author:
            return dated
    if line[:1] == "[" and (reddit := REDDIT_HEADER_RE.match(line)) is not None:
        return _Meta(author=reddit.group("author"), date=reddit.group("date"))
    if ", @" in line and line[:3].lower() == "by " and (slash := SLASH_HEADER_RE.match(line)) is not None:
        return _Meta(author=slash.group("author"), date=slash.group("date"))
    if line[:3].lower() == "by " and line.endswith((")", "*", "Coward")) and (collapsed := SLASH_COLLAPSED_RE.match(line)):
        return _Meta(author=collapsed.group("author") or collapsed.group("anonymous"))
    if line.endswith(("is offline", "is online")) and (status := FORUM_STATUS_RE.match(line)) is not None:
        return _Meta(author=status.group("name"), says=True)  # (a post's author under its date, as "NAME wrote:" is)
    if "#" in line and (post := FORUM_NUMBERED_POST_RE.match(line)) is not None:
        return _Meta(date=post.group("date"))
    if line.lstrip(" *•")[:4].casefold() in FORUM_SUBJECT_STARTS and (post := FORUM_SUBJECT_POST_RE.match(line)) is not None:
        return _Meta(date=post.group("date"))
    if line[:1] == "#" and (numbered := NUMBERED_NAME_RE.match(line)) is not None:
        meta = _meta_of(numbered.group("name"))
        if meta is not None and meta.author:
            return meta
    if line[:1].isdigit() and (numbered := NUMBERED_HEADER_RE.match(line)) is not None:
        meta = _meta_of(numbered.group("header"))  # "1. Posted by NAME on DATE": a comment's number before its header
        if meta is not None and meta.author and meta.date:
            return meta
    if line[:2] in LIST_MARKS:  # a comment in a list item, as a flattened <li> prints it: "* Margaret Ellison 2 hours ago"
        meta = _meta_of(line[2:])
        if meta is not None and meta.date:
            return meta
    # every rule but "NAME says" needs a date in the line, and a date holds a digit, "ago" or "day"
    # (as `_is_date_text` requires): without one, those rules are skipped
    folded = lowered_for_gates(line)
    may_hold_date = HAS_DIGIT(line) is not None or _may_be_undigited_date(line) or (
        not line.isascii() and any(map((folded or line.lower()).__contains__, CYRILLIC_AGO_WORDS)))
    if may_hold_date:
        # "- Maureen, Kettering, 28/12/2012 18:58": a signature under a comment's text (a British tabloid's), the name,
        # where the commenter lives, and the date
        if line[:2] in SIGNATURE_MARKS and (spans := _date_spans(line)):
            parts = line[2:spans[0][0]].strip(" ,").split(",")
            if 2 <= len(parts) <= SIGNATURE_MAX_PARTS and _looks_like_name(parts[0].strip()):
                return _Meta(author=parts[0].strip(), date=line[spans[0][0]:].strip())
        # "NAME, DATE" comes first: a one-word handle before a date would otherwise pass as a date line
        match = NAME_COMMA_DATE_RE.match(line)
        if match is not None and (spans := _date_spans(line)) and spans[0][0] < match.start("date"):
            match = None  # "Ольга К. вчера, 22:03": the date starts before the comma
        if match:
            author = match.group("author").strip()
            if (author.lower() in WEEKDAYS or author.lower() in OTHER_WEEKDAYS) \
                    and _is_date_text(match.group("date")):  # "Sunday, September 16, 2012"
                return _Meta(date=line.strip(" |·•-–—"))
            # (a name is never a date text: _looks_like_name tests that)
            if (author.lower() not in NOT_AUTHORS and _looks_like_name(author)
                    and _is_date_text(match.group("date"))):
                date = _without_place(match.group("date").strip())
                town = _town_before_date(date)
                if town:  # "Николай, Смоленск 12.08.2015 15:58": the name and where the commenter lives
                    author, date = f"{author}, {town}", date[len(town):].strip()
                # "NAME, [14.02.2026 10:17]": a Telegram message's header, as its desktop app copies it
                return _Meta(author=author, date=date[1:-1] if date[:1] == "[" and date[-1:] == "]" else date)
        # "Harold Benning, 67": a reader's name and age, as newspapers print them
        if line[-2:].isdigit() and (aged := NAME_AGE_RE.match(line)) is not None \
                and _looks_like_name(aged.group("author")):
            return _Meta(author=aged.group("author"))
        # "freethinker 3 days ago" is a name then a date, not a date with one stray word
        named = _name_then_date(line)
        if named is not None:
            return named
        if _is_date_text(line):  # ("12-28-2012, 07:59 PM #2": a forum post's number after its date)
            if any(map(line.__contains__, ON_DATE_WORDS)) and (named := _handle_on_date(line)) is not None:
                return named
            date = COMMENT_NUMBER_TAIL_RE.sub("", EDITED_TAIL_RE.sub("", COMMENT_NUMBER_HEAD_RE.sub("", line)))
            return _Meta(date=SENT_LABEL_RE.sub("", date).strip(" |·•-–—"))
        if folded is not None and folded.startswith(POSTED_BY_OTHER_STARTS) \
                and (posted := POSTED_BY_OTHER_RE.match(line)) is not None and _is_date_text(posted.group("date")):
            return _Meta(author=posted.group("author"), date=posted.group("date"))
        # the button tail is cut off the end, so the rest starts like the line: "by", "posted by", ...
        match = BY_ON_RE.match(_strip_trailing_buttons(line)) \
            if folded is None or folded.startswith(BY_ON_STARTS) else None
        if match and len(match.group("author").split()) <= 6 and (
            _is_date_text(match.group("date")) or DATE_RE.search(match.group("date"))
        ):
            return _Meta(author=match.group("author").strip(),
                         date=COMMENT_NUMBER_TAIL_RE.sub("", match.group("date").strip()))
    if line.endswith(("author", "Author", "moderator", "Moderator", "admin", "Admin", "staff", "Staff")) and ":" in line:
        line = SAYS_BADGE_TAIL_RE.sub("", line)  # ("NAME says: Post author")
    match = SAYS_RE.match(line) if folded is None or any(map(folded.__contains__, SAYS_VERBS)) else None
    if match and len(line) <= 120 and _says_name(_without_brackets(match.group("author").strip(" :"))):
        rest = ON_AT_RE.sub("", match.group("rest").strip(" :.…"))  # "NAME wrote on Dec 5, 2026 10:14 PM:"
        # "NAME says:" alone or with a date; "Finally someone says it." is text
        if not rest or _is_date_text(rest):
            return _Meta(author=match.group("author").strip(" :"), date=rest or None, says=True)
    if match is None and line.endswith("says:") and (glued := GLUED_SAYS_RE.match(line)) is not None \
            and _looks_like_name(glued.group("author"), any_case=True):
        return _Meta(author=glued.group("author"), says=True)
    if may_hold_date:
        has_separator = any(map(line.__contains__, SEPARATORS))
        on_dates = (ON_DATE_RE, OTHER_ON_DATE_RE) if any(map(line.__contains__, OTHER_ON_DATE_WORDS)) else (ON_DATE_RE,)
        for regex in (SEPARATED_RE, *on_dates) if has_separator else on_dates:
            match = regex.match(line)
            if match and _looks_like_name(match.group("author").strip()) and _is_date_text(match.group("date")):
                return _Meta(author=match.group("author").strip(), date=match.group("date").strip())
    if _looks_like_name(line, date_tested=True):  # it is no date text, or it would have returned above
        return _Meta(author=line.strip())
    return None


def _handle_on_date(line: str) -> _Meta | None:
    """A one-word name or handle, "on" and a date, as WordPress themes print a comment's header ("jennb33 on October
    23rd, 2012 1:38 pm"; "Gilbert36 le 08/07/2017 à 07h52"), which the date test alone reads as a date with one stray
    word; None for a date line ("Posted on ...")."""
    match = ON_DATE_RE.match(line) if " on " in line else OTHER_ON_DATE_RE.match(line)
    if match is None or " " in (author := match.group("author")) or author.casefold() in NOT_NAME_STARTS \
            or not _looks_like_name(author, any_case=True) or not _is_date_text(match.group("date")):
        return None
    return _Meta(author=author, date=match.group("date").strip())


def _says_name(name: str) -> bool:
    """A name before "says"/"said...": `_looks_like_name` in any case, the surname also abbreviated ("Στέλιος Καρ.")."""
    return _looks_like_name(name, any_case=True) or (
        name[-1:] == "." and ABBREVIATED_SURNAME_RE.search(name) is not None
        and _looks_like_name(name[:-1], any_case=True))


def _profile_header(line: str) -> _Meta | None:
    """A commenter's name with what Facebook's comments plugin printed beside it in the mid-2010s ("Gerald Whitmore · Top
    Commenter · Owner at Whitmore Auto Body", "Lena Brodsky · Works at Cleveland Clinic", "Dolores Vance-Ruiz · Phoenix,
    Arizona", "Hassan Al-Mouallem · University of Aleppo"): after the name, a badge, a profile line, a place or a school's
    or an employer's name (`_organisation_name`), and otherwise only short capitalised names."""
    name, *parts = line.split(" · ")
    if not parts or len(line) > 120 or not _looks_like_name(name):
        return None
    profiled = False
    for part in parts:
        if PROFILE_PART_RE.match(part) or PLACE_RE.match(part) or _organisation_name(part):
            profiled = True
        elif not (len(part.split()) <= 5 and all(word[:1].isupper() or word in ORG_NAME_LINKS for word in part.split())
                  and not any(map(str.isdigit, part))):
            return None
    return _Meta(author=name) if profiled else None


def _name_then_date(line: str, any_case: bool = False) -> _Meta | None:
    """A name followed by a date on one line, with only spaces or a dash between them ("Kathy
    Lindqvist 4 days ago", "Linda Carvalho — Dec. 22, 2019 12:04 AM", "Gary Pohl 4d"); the name may
    be lowercase after a dash, or anywhere with `any_case`."""
    # a name of <= 4 words and 40 characters, then a date ("February 16, 2023 at 1:10 pm"); names
    # start with a letter or a handle's "@" / "_"
    if len(line) > 100 or line.count(" ") > 11 or not (line[:1].isalpha() or line[:1] in "@_") \
            or line.split(None, 1)[0].lower().rstrip(".,:") in NOT_NAME_STARTS:  # "October 27, 2018", "Posted ..."
        return None
    spans = _date_spans(line)
    if spans:
        head, date = line[:spans[0][0]], line[spans[0][0]:]
    else:
        match = NAME_THEN_AGE_RE.match(line) or NAME_THEN_MONTH_DAY_RE.match(line)
        if match is None:
            return None
        head, date = line[:match.start("date")], match.group("date")
        if match.re is NAME_THEN_MONTH_DAY_RE:  # "Evelyn Marchetti Author Feb 23": a name of two words or more
            head = ROW_BADGE_TAIL_RE.sub("", head.rstrip()) + " "
            if len(head.split()) < 2 or "," in head:  # (not a byline's "NAME, Financial Times, August 7")
                return None
    if "IP" in head or "ip" in head:  # "Рижанин IP: 85.254.xx.xx 17.07.2018 11:52": the commenter's masked address
        head = MASKED_IP_TAIL_RE.sub("", head)
    # "Bärni1965 am 14.03.2014 15:30", "Marco il 25 giugno 2010": the language's "on" between the name and the date
    # (not after a label, "Posté par NAME le DATE", which POSTED_BY_OTHER_RE reads)
    if head.endswith(" am ") or (head.endswith(OTHER_ON_DATE_WORDS)
                                 and not head.lower().startswith(POSTED_BY_OTHER_STARTS)):
        head = head[:-3]
    # "NAME (05.12.2026 14:32)": the date in brackets
    bracketed = head.rstrip().endswith("(") and date.rstrip().endswith(")")
    if bracketed:
        head, date = head.rstrip()[:-1], date.rstrip()[:-1]
    # "Deb Kessler commented 2 hours ago", "by EmpireGeorge-- July 25, 2012 10:54 AM EDT"
    author = BY_PREFIX_RE.sub("", COMMENTED_TAIL_RE.sub("", head.strip(" ·•|-–—,:")).rstrip(" ·•|-–—,:"))
    if author[-20:].lower().endswith(AUTHOR_BADGES):  # "Кирилл Ветлугин Автор записи 30.07.2014 в 11:52"
        author = AUTHOR_BADGE_TAIL_RE.sub("", author)
    if "@" in author:  # "Ben Ostrowski @benostrowski.bsky.social · 1h": the name
        author = HANDLE_TAIL_RE.sub("", author) or author
    # with a dash or bullet between them, the name may be lowercase ("john mason — May 14, 2021")
    separated = any_case or head.rstrip().endswith(("—", "–", "-", "·", "•", "|"))
    place = PLACE_TAIL_RE.search(author) if head.rstrip().endswith(",") and author.count(",") >= 2 else None
    if place:  # "Sandra K, Leeds, United Kingdom, 2 hours ago": a name, then where the commenter lives
        author = author[:place.start()]
    # (an initial is no filler word: "Сергей В." is not "в", Russian "at")
    words = {word.lower().strip(".,:") for word in author.split() if not (len(word) == 2 and word[1] == "." and word[0].isupper())}
    if not author or words & NOT_NAME_WORDS \
            or not _looks_like_name(author, any_case=separated) or not _is_date_text(date):
        return None
    # "@name 1 hour ago (edited)"
    if "dited" in date:
        date = EDITED_TAIL_RE.sub("", date)
    if "#" in date:  # "Вадим_К 12.03.2012 12:10 #1": a forum post's number after its date
        date = COMMENT_NUMBER_TAIL_RE.sub("", date)
    return _Meta(author=author, date=date.strip())


PLACE_MAX_CHARS = 40
NOT_PLACE_WORDS = DATE_FILLER_WORDS | WEEKDAYS | OTHER_WEEKDAYS


def _without_place(date: str) -> str:
    """A comment's date without the town before it ("Swindon, 1 day ago" -> "1 day ago"): one to three capitalised
    words and a comma before the first date span, none of them a date's word ("Sunday, September 16" keeps its day)."""
    spans = _date_spans(date)
    if not spans or not 0 < spans[0][0] <= PLACE_MAX_CHARS or not date[:spans[0][0]].rstrip().endswith(","):
        return date
    words = date[:spans[0][0]].rstrip(" ,").split()
    if 1 <= len(words) <= 3 and all(word[:1].isupper() and word.lower() not in NOT_PLACE_WORDS
                                    and not any(map(str.isdigit, word)) for word in words):
        return date[spans[0][0]:]
    return date


def _town_before_date(date: str) -> str:
    """One or two capitalised words before a date's first span with no comma between ("Смоленск 12.08.2015 15:58" ->
    "Смоленск"), none of them a date's word, as a commenter's town follows the name; "" for any other date."""
    spans = _date_spans(date)
    if not spans or not 0 < spans[0][0] <= PLACE_MAX_CHARS:
        return ""
    head = date[:spans[0][0]].rstrip()
    words = head.split()
    if 1 <= len(words) <= 2 and "," not in head and all(
            word[:1].isupper() and word.lower().strip(".") not in NOT_PLACE_WORDS and not any(map(str.isdigit, word))
            for word in words):
        return head
    return ""


LEADING_LINK_MARKER_RE = re.compile(r"^\[\d{1,4}\](?=\w)")


# an English date's year and the full stop of the sentence it ends ("on Sun, Apr 1, 2012."; not Hungarian "2012.05.03."
# nor Croatian "22. listopada 2013.", whose stop belongs to the date)
SENTENCE_STOP_AFTER_YEAR_RE = re.compile(r"^[\x00-\x7f]*,[\x00-\x7f]* \d{4}\.$")


class MetaMemo(dict):
    """Line -> `_meta_of(line)`, each computed once when first looked up (`memo[line]`)."""

    def __missing__(self, line: str) -> _Meta | None:
        # (lynx's link number before a commenter's name: "[49]Marge Petrakis posted at 9:45 am on ...")
        meta = _meta_of(LEADING_LINK_MARKER_RE.sub("", line) if line[:1] == "[" else line)
        if meta is not None and meta.date and meta.date[-1:] == "." and SENTENCE_STOP_AFTER_YEAR_RE.search(meta.date):
            meta = replace(meta, date=meta.date[:-1])  # "NAME posted at 7:12 am on Sun, Apr 1, 2012.": the sentence's stop
        if meta is not None and (meta.date or "").endswith(":") and meta.author:
            # the header's verb and colon after the date ("NAME on DATE at TIME said:", "NAME schrieb am DATE um TIME:")
            meta = replace(meta, author=SAYS_TAIL_RE.sub("", meta.author), date=SAYS_TAIL_RE.sub("", meta.date),
                           says=True)
        self[line] = meta
        return meta


def _repeated_name(lines: list[str], index: int) -> bool:
    """A short line printed twice in a row (name link + avatar text) is a commenter's name;
    `lines` are whitespace-collapsed."""
    line = lines[index]
    repeated = (index > 0 and lines[index - 1] == line) or (index + 1 < len(lines) and lines[index + 1] == line)
    return repeated and 1 <= len(line.split()) <= 4 and line[-1:] not in ".!?,;:"


LIST_MARKS = ("* ", "• ", "+ ")
ON_AT_RE = re.compile(r"^(?:on|at|am)\s+", re.IGNORECASE)  # (German "am": "NAME schrieb am DATE:")
# where a commenter lives, after the name ("Sandra K, Leeds, United Kingdom"): a town, then a region or country
PLACE_TAIL_RE = re.compile(r"(?:,\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}){2}$")
QUOTE_HEADER_RE = re.compile(r"\b(?:wrote|writes|schrieb|a écrit|писал|писала|писал\(а\)|написал|написала|пишет|пише"
                             r"|сказал\(а\)|сказала|сказал"
                             r"|написав)\s*:\s*$",
                             re.IGNORECASE)
# a badge or a profile line beside a commenter's name ("Top Commenter", "頂尖留言者", "Works at NAME", "Lives in PLACE")
PROFILE_PART_RE = re.compile(r"^(?:top (?:commenter|fan|contributor)|頂尖留言者|热门评论者|トップコメント投稿者"
                             r"|(?:works|worked|studies|studied|retired) at\s+\S.{0,60}"
                             r"|(?:owner|founder|president|ceo|director|manager|editor|professor|teacher) at\s+\S.{0,60}"
                             r"|lives in\s+\S.{0,40}|went to\s+\S.{0,60}|from\s+[A-Z].{0,40})$", re.IGNORECASE)
ORG_NAME_LINKS = frozenset({"of", "and", "the", "for", "de", "la", "&"})  # (in a school's or an employer's name)
PLACE_RE = re.compile(r"^[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)?, [A-Z][\w.'-]*(?: [A-Z][\w.'-]*)?$")  # "Portland, Maine"


MAX_INITIALS = 3
MASKED_IP_TAIL_RE = re.compile(r"\s*[|·•,]?\s+" + MASKED_IP + r"\s*$", re.IGNORECASE)  # (after a separator too)
URL_LIKE_RE = re.compile(r"://|www\.|\.(?:com|org|net)\b")  # a commenter's site under their signature, no name
SUBJECT_MAX_CHARS = 80  # a comment's subject line (forums, Drupal): a headline's length, no sentence


def _age_alone(line: str, age: re.Match) -> bool:
    """Whether `line` holds nothing but its `age` (a BUTTON_AGE_RE match) and marks ("• an hour ago")."""
    return not any(map(str.isalnum, line[:age.start()] + line[age.end():]))


def _classify(lines: list[str], metas: MetaMemo, already_collapsed: bool = False) -> list[tuple[str, object]]:
    """Kind of each line: ('skip', None), ('button', age or None), ('avatar', None), ('meta', _Meta) or
    ('text', str)."""
    kinds: list[tuple[str, object]] = []
    collapsed = lines if already_collapsed else [" ".join(raw.split()) for raw in lines]
    for index, line in enumerate(collapsed):
        control = (_control_kind(line) or (_widget_kind(line) if len(line) <= 80 else None)) \
            if line and (len(line) > 10 or line.lower().strip(" ,.:") not in WEEKDAYS) else "skip"  # a weekday alone
        if control is not None:
            # (an age may be spelled: "Like · Reply · an hour ago")
            age = BUTTON_AGE_RE.search(line) if control == "button" and (HAS_DIGIT(line) or " ago" in line) else None
            if age is not None and not HAS_DIGIT(line) and _age_alone(line, age):
                kinds.append(("meta", metas[line]))  # a spelled age alone ("• an hour ago", Disqus): the date line
            else:
                kinds.append((control, age.group(1) if age else
                              _dotted_row_date(line) if control == "button" and " · " in line else None))
        else:
            meta = metas[line]
            if meta is None and _repeated_name(collapsed, index):
                meta = _Meta(author=line)
            kinds.append(("meta", meta) if meta is not None else ("text", line))
    # an avatar's initials over the commenter's name (and town) and the comment's date ("DS", "DesertSkeptic", "2h", as OpenWeb prints
    # a commenter without a picture) are the avatar, not a first commenter's name (a sign-off over a signature, "XO" over
    # "Jan", has no date line under them)
    for index, (kind, value) in enumerate(kinds[:-2]):
        if kind == "meta" and value.author and not value.date and len(value.author) <= MAX_INITIALS \
                and value.author.isalpha() and value.author.isupper():
            (name_kind, name), (date_kind, date) = kinds[index + 1], kinds[index + 2]
            if date_kind == "meta" and date.author and not date.date and index + 3 < len(kinds) \
                    and name_kind == "meta" and name.author and not URL_LIKE_RE.search(name.author):
                date_kind, date = kinds[index + 3]  # (past the commenter's town: "RK", "Ramesh Krishnan", "Kochi", "5h")
            if name_kind == "meta" and name.author and not name.date and name.author[:1].upper() == value.author[:1] \
                    and date_kind == "meta" and date.date and not date.author:
                kinds[index] = ("avatar", None)
    # a short text line that opens a comment (after a button, an avatar or a counter) is its
    # author's name, even lowercase ("anonymous coward", "old hand"), when a date line follows it (past a line of the
    # widget's: a masked address, a count of the commenter's posts) or it ends with the date and the comment's text
    # follows
    for index, (kind, value) in enumerate(kinds[:-1]):
        previous = kinds[index - 1][0] if index else "start"
        if kind != "text" or previous not in ("start", "button", "avatar", "skip") or len(value) > 60:
            continue
        following_kind, following_meta = kinds[index + 2 if kinds[index + 1][0] == "skip" and index + 2 < len(kinds)
                                               else index + 1]
        if following_kind == "meta" and following_meta.date and not following_meta.author and len(value) <= 40 \
                and 1 <= len(value.split()) <= 4 and value[-1:] not in ".!?,;:" and any(map(str.isalpha, value)):
            kinds[index] = ("meta", _Meta(author=value))
        elif following_kind == "text":
            named = _name_then_date(value, any_case=True)
            if named is not None:
                kinds[index] = ("meta", named)
    # a lone "@handle" (or "@Display Name") right under a comment's date line names whom the comment replies to, not
    # its author; a "@handle" right under a name alone (a social platform's post) is that author's handle
    for index, (kind, value) in enumerate(kinds[1:], start=1):
        previous_kind, previous_meta = kinds[index - 1]
        if kind == "meta" and value.author and not value.date and value.author.startswith("@") \
                and previous_kind == "meta" and (previous_meta.date or (
                    " " not in value.author and previous_meta.author and not previous_meta.author.startswith("@"))):
            kinds[index] = ("skip", None)
    # "skeptic_sue wrote:" under a comment's name and date, over text, opens a quotation of an earlier comment (as
    # forums and older comment systems print a quoted reply): it is the comment's text, not the next comment's author
    for index in range(2, len(kinds) - 1):
        kind, value = kinds[index]
        if kind == "meta" and value.author and not value.date and kinds[index + 1][0] == "text" \
                and QUOTE_HEADER_RE.search(collapsed[index]):
            previous_kind, previous_meta = kinds[index - 1]
            # the comment's own name heads it (nothing but a button, avatar or counter above it; "-pete" under the
            # text above is a signature) and differs from the quoted one
            own = index - 1 if previous_kind == "meta" and previous_meta.author else index - 2
            own_kind, own_meta = kinds[own]
            if previous_kind == "meta" and previous_meta.date and own_kind == "meta" and own_meta.author \
                    and own_meta.author != value.author and (own == 0 or kinds[own - 1][0] != "text"):
                kinds[index] = ("text", collapsed[index])
    # "Flag", "Margaret H.", "Portland, Maine", "Dec. 3": a second name-like line between the author's line and a
    # date line is where the commenter lives (or whom a reply answers), not a second commenter, when it reads as
    # "City, Region" or a button ("Flag", not "38.0%") or an avatar stands right above the author's line (otherwise
    # the first of two such lines often ends the comment above: "Best regards", "Jacob", "Lars W says:"); the thread's
    # first comment, with nothing above it, is read so too when a later comment's header was, and its first line is a
    # whole name
    placed = False
    for index in range(1, len(kinds) - 1):
        kind, value = kinds[index]
        if kind == "meta" and value.author and not value.date:
            name = value.author
        elif kind == "text" and PLACE_RE.match(collapsed[index]):  # "Ann Arbor, Mich." (no name: the full stop)
            name = collapsed[index]
        else:
            continue
        above = index - 1  # the author's line, above a badge ("Author") if one stands between
        while above > 0 and kinds[above][0] == "skip" and collapsed[above]:
            above -= 1
        before = above - 1  # (past a list's bullet alone on its line: "*" between a comment's buttons and the next name)
        while before >= 0 and not any(map(str.isalnum, collapsed[before])):
            before -= 1
        if not (PLACE_RE.match(name) or (before >= 0 and kinds[before][0] in ("button", "avatar")
                                         and any(map(str.isalpha, collapsed[before])))):
            continue
        (previous_kind, previous_meta), (following_kind, following_meta) = kinds[above], kinds[index + 1]
        if previous_kind == "meta" and previous_meta.author and not previous_meta.date \
                and previous_meta.author != name and following_kind == "meta" and following_meta.date \
                and not following_meta.author:
            kinds[index] = ("skip", None)
            placed = placed or before >= 0
    first = next((index for index, line in enumerate(collapsed) if any(map(str.isalnum, line))), len(kinds))
    head = kinds[first:first + 3]
    if placed and len(kinds) > first + 3 and all(kind == "meta" for kind, _ in head) and head[0][1].author \
            and not head[0][1].date and head[1][1].author and not head[1][1].date \
            and head[0][1].author != head[1][1].author and head[2][1].date and not head[2][1].author \
            and _whole_name(head[0][1].author):  # (not a comment form's "Name" field over the first commenter)
        kinds[first + 1] = ("skip", None)
    # "Rotherham, United Kingdom, 3 hours ago" under a commenter's name (a tabloid's comments): where the commenter lives and
    # when the comment was posted, not a second commenter
    for index in range(1, len(kinds)):
        kind, value = kinds[index]
        if kind != "meta" or not value.author or not value.date or "," not in collapsed[index]:
            continue
        previous_kind, previous_meta = kinds[index - 1]
        spans = _date_spans(collapsed[index])
        if previous_kind == "meta" and previous_meta.author and not previous_meta.date and spans \
                and PLACE_RE.match(collapsed[index][:spans[0][0]].strip(" ,")):
            kinds[index] = ("meta", _Meta(date=collapsed[index][spans[0][0]:].strip()))
    # Facebook's comments plugin of the late 2010s prints a commenter's town, school or employer on a line of its own under
    # the name, over the text, and the date in the button row under the text ("Denise Fontaine", "Winnipeg, Manitoba",
    # text, "Like · Reply · 4 · 3y"): the line under a name that heads a comment is no second name. Where all the thread's
    # dates stand in such rows, any name-like line there is one ("Полтава", "Top Fan"): a comment has a single author
    ages_in_rows = any(kind == "button" and value for kind, value in kinds) \
        and not any(kind == "meta" and value.date for kind, value in kinds)
    for index in range(1, len(kinds) - 1):
        kind, value = kinds[index]
        line = collapsed[index]
        if kinds[index + 1][0] != "text" or not (kind == "text" or (kind == "meta" and value.author and not value.date)) \
                or not (PLACE_RE.match(line) or _organisation_name(line) or (ages_in_rows and kind == "meta")):
            continue
        previous_kind, previous_meta = kinds[index - 1]
        if previous_kind == "meta" and previous_meta.author and not previous_meta.date and previous_meta.author != line \
                and (index == 1 or kinds[index - 2][0] in ("button", "avatar", "skip")):
            kinds[index] = ("skip", None)
    # a "name" line between two text lines of one comment ("Cheers,\nJohn") is text unless a date
    # line or a button follows it: names alone are weak evidence
    for index, (kind, value) in enumerate(kinds):
        if kind == "meta" and value.author and not value.date:
            following = kinds[index + 1][0] if index + 1 < len(kinds) else "end"
            following_meta = kinds[index + 1][1] if following == "meta" else None
            header_like = following_meta is not None and (following_meta.date or following_meta.author == value.author)
            previous = kinds[index - 1] if index else ("start", None)
            duplicate = previous[0] == "meta" and previous[1].author == value.author
            if not header_like and not duplicate and following == "text" and previous[0] == "text":
                kinds[index] = ("text", collapsed[index])
    return kinds


ORGANISATION_WORDS = frozenset({"university", "college", "school", "academy", "institute", "hospital", "clinic", "company",
                                "corporation", "corp", "inc", "ltd", "llc", "forces", "army", "navy", "department", "bank",
                                "agency", "council", "society", "foundation", "association", "université", "universität",
                                "universidad", "università", "uniwersytet", "университет", "університет"})
ORGANISATION_MAX_WORDS = 6


def _organisation_name(line: str) -> bool:
    """A school's or an employer's name: a few capitalised words ("University of Toronto", "Halifax Regional School
    Board"), one of them a word that names an organisation."""
    words = line.rstrip(".").split()
    return 2 <= len(words) <= ORGANISATION_MAX_WORDS and words[0][:1].isupper() \
        and all(word[:1].isupper() or word in ORG_NAME_LINKS for word in words) \
        and any(word.lower().strip(",.") in ORGANISATION_WORDS for word in words)


SAYS_LAYOUT_MIN = 2


def _sign_offs_as_text(kinds: list[tuple[str, object]], lines: list[str]) -> None:
    """Where comments open with "NAME says:" / "NAME said..." (at least SAYS_LAYOUT_MIN such headers), a name alone
    right under a text line, after the first such header, is the comment's sign-off ("Lots of love," / "Nilufa xo"), not
    a next comment's author: it becomes text (in place)."""
    says = [index for index, (kind, value) in enumerate(kinds) if kind == "meta" and value.says]
    if len(says) < SAYS_LAYOUT_MIN:
        return
    for index in range(says[0] + 1, len(kinds)):
        kind, value = kinds[index]
        if kind == "meta" and value.author and not value.date and not value.says and kinds[index - 1][0] == "text":
            kinds[index] = ("text", " ".join(lines[index].split()))


def _header_first(kinds: list[tuple[str, object]]) -> bool:
    """Whether the comments' meta lines head their text (name, date, text) rather than close it (text, "by NAME on
    DATE"): the first line with content is a meta line, or, when it is text, two or more buttons ("Reply") stand
    under text and none under a meta line, and the last line with content is text too. A notice above the first
    comment ("Keep it friendly") must not give every comment the author of the one below it."""
    content = [kind for kind, _ in kinds if kind in ("meta", "text")]
    if not content or content[0] == "meta":
        return bool(content)
    if content[-1] != "text":
        return False
    under_text = under_meta = 0
    above = None
    for kind, _ in kinds:
        if kind in ("meta", "text"):
            above = kind
        elif kind == "skip":
            above = None  # (a deleted comment's header over "[deleted]", then its buttons: no footer's buttons)
        elif kind == "button" and above is not None:
            under_text += above == "text"
            under_meta += above == "meta"
            above = None
    return under_text >= 2 and under_meta == 0


BADGE_MAX_WORDS = 8
LIST_NUMBER_RE = re.compile(r"^\W*(?:\d{1,4}[.)]\s*)?")  # a list's mark or number before a name


def _header_badges(kinds: list[tuple[str, object]], lines: list[str]) -> list[int]:
    """The short lines that stand between a commenter's name and the date in the headers of a thread ("U.S. Army ·
    1994-2016", a member's service under the name): a text line of at most BADGE_MAX_WORDS words, no sentence's end,
    with a name alone above, a date alone under and text under that, and no name itself (a commenter's name that the
    header tests missed, under the text of the comment above); two or more in the thread, so that the headers show
    them, not a one-line comment under a name."""
    badges = [index for index in range(1, len(kinds) - 2)
              if kinds[index][0] == "text" and kinds[index - 1][0] == "meta" and kinds[index - 1][1].author
              and not kinds[index - 1][1].date and kinds[index + 1][0] == "meta" and kinds[index + 1][1].date
              and not kinds[index + 1][1].author and kinds[index + 2][0] == "text"
              and len(lines[index].split()) <= BADGE_MAX_WORDS and not lines[index].rstrip().endswith((".", "!", "?"))
              and not _looks_like_name(LIST_NUMBER_RE.sub("", lines[index]).strip())]  # ("+ altops", "10. Serdane")
    return badges if len(badges) >= 2 else []


# a comment box's placeholder over the thread ("Join the discussion…", "Partecipa alla discussione...", "Tartışmaya
# katıl..."): a few words that end with an ellipsis
PLACEHOLDER_MAX_WORDS = 5


def _box_placeholder(kinds: list[tuple[str, object]], lines: list[str]) -> int | None:
    """The index of a comment box's placeholder: the thread's first line with content, of at most
    PLACEHOLDER_MAX_WORDS words without a digit, ending with an ellipsis, no date in it, when the next line with content
    is a header with a name and a date and the last is text (so the headers head their comments: in a thread whose
    comments end with their "by NAME on DATE", that first line would be the first comment's text)."""
    content = [index for index, (kind, _) in enumerate(kinds) if kind in ("meta", "text")]
    if len(content) < 3 or kinds[content[-1]][0] != "text":
        return None
    first, (kind, value), (next_kind, following) = content[0], kinds[content[0]], kinds[content[1]]
    line = lines[first].strip()
    if not line.endswith(("...", "…")) or len(line.split()) > PLACEHOLDER_MAX_WORDS or HAS_DIGIT(line) \
            or (kind == "meta" and value.date):
        return None
    return first if next_kind == "meta" and following.author and following.date else None


FORM_LABEL_MAX_WORDS = 3


def _comment_form(kinds: list[tuple[str, object]], lines: list[str]) -> list[int]:
    """The indices of a comment form's labels and the notice under them, over the thread ("Nimi", "Kommentaar", "Saada
    kommentaar", "Kommentaaride eest vastutavad ..."): the thread opens with two or more lines of at most
    FORM_LABEL_MAX_WORDS words that read as names alone, then a notice on comments (MODERATION_NOTICE_RE, at most
    THREAD_FURNITURE_MAX_WORDS words), then a header with a name and a date, and the text of the thread's last comment
    ends it. Left in, the notice would read as the first comment's text, under the headers of a thread whose headers
    close their comments."""
    content = [index for index, (kind, _) in enumerate(kinds) if kind in ("meta", "text")]
    labels = list(itertools.takewhile(lambda index: kinds[index][0] == "meta" and kinds[index][1].author
                                      and not kinds[index][1].date
                                      and len(lines[index].split()) <= FORM_LABEL_MAX_WORDS, content))
    if len(labels) < 2 or len(content) < len(labels) + 3 or kinds[content[-1]][0] != "text":
        return []
    notice, header, under = content[len(labels):len(labels) + 3]
    if kinds[notice][0] != "text" or len(lines[notice].split()) > THREAD_FURNITURE_MAX_WORDS \
            or not MODERATION_NOTICE_RE.search(lines[notice]) or kinds[header][0] != "meta" or not kinds[header][1].author:
        return []
    # the first comment's header: a name and a date, or a name over its date (what lies between is skipped)
    dated = kinds[header][1].date or (kinds[under][0] == "meta" and kinds[under][1].date)
    return [*labels, notice] if dated else []


HEADED_THREAD_MIN = 2
# a notice about the thread's moderation or rules, in a few languages' stems
MODERATION_NOTICE_RE = re.compile(r"\b(?:comment|moderat|modér|moderov|moderac|reviewed|approv|discuss|diskus|réaction"
                                  r"|коммент|комент|камент|модер|мадэр|обсужд|обговор|kommentar|komentar|komentář|komentár"
                                  r"|commentaire|commento|comentario|comentário|kommentaar|debat)", re.IGNORECASE)
THREAD_FURNITURE_MAX_WORDS = 60
HEADLINE_MIN_WORDS, HEADLINE_MAX_WORDS = 3, 15
HEADLINE_ENDS = (".", "!", "?", "…", ":", ")", ":)", ";)")


def _thread_furniture(draft: _Draft) -> bool:
    """The text of a "comment" without author or date reads as a thread's furniture: a notice of at most
    THREAD_FURNITURE_MAX_WORDS words on comments or their moderation (MODERATION_NOTICE_RE), or lines that read as
    headlines (at most HEADLINE_MAX_WORDS words, not opening in a Latin lower-case letter, no sentence's end; a line
    alone of HEADLINE_MIN_WORDS words at least)."""
    texts = [text for text in draft.text if text]
    if len(" ".join(texts).split()) <= THREAD_FURNITURE_MAX_WORDS and MODERATION_NOTICE_RE.search(" ".join(texts)):
        return True
    if not texts or (len(texts) == 1 and len(texts[0].split()) < HEADLINE_MIN_WORDS):
        return False
    return all(len(text.split()) <= HEADLINE_MAX_WORDS and not (text[:1].islower() and text[:1].isascii())
               and not text.endswith(HEADLINE_ENDS) for text in texts)


def parse_comments(lines: list[str], metas: MetaMemo | None = None, already_collapsed: bool = False) -> list[Comment]:
    """Comments (author, date, text) in the comment lines of one document, in order; `metas`:
    meta lines already known (e.g. from `text.apply_rules`), filled further here;
    `already_collapsed`: the lines are whitespace-collapsed (as `text.split_lines` leaves them)."""
    return parse_comments_and_strays(lines, metas, already_collapsed)[0]


def parse_comments_and_strays(lines: list[str], metas: MetaMemo | None = None, already_collapsed: bool = False
                              ) -> tuple[list[Comment], list[int]]:
    """`parse_comments`, and the indices of the lines it left out as no comment's: the text of at most two "comments"
    with neither author nor date before the first or after the last of a thread whose other comments all show both (at
    least HEADED_THREAD_MIN of them), when that text reads as the thread's furniture (`_thread_furniture`): a moderation
    notice over it ("Comments are reviewed by our editors ..."), a list of headlines under it ("Популярне", "Новини
    24/7"). (Without that reading, such text on the Dragnet pages is mostly a comment whose header the parser missed.)
    The lines of a comment form and the avatars' alt texts ("Avatar", "Kullanıcı avatarı") of a thread are left out
    too."""
    kinds = _classify(lines, MetaMemo() if metas is None else metas, already_collapsed)
    _sign_offs_as_text(kinds, lines)
    placeholder = _box_placeholder(kinds, lines)
    if placeholder is not None:
        kinds[placeholder] = ("skip", None)
    form = _comment_form(kinds, lines)
    for index in form:
        kinds[index] = ("skip", None)
    header_first = _header_first(kinds)
    if header_first:  # a comment's subject over its header ("Re: Gas is leverage" over "Submitted by NAME on DATE.")
        for index, (kind, value) in enumerate(kinds[:-1]):
            following_kind, following = kinds[index + 1]
            if kind == "text" and following_kind == "meta" and following.author and following.date \
                    and (index == 0 or kinds[index - 1][0] in ("button", "skip", "avatar")) \
                    and len(value) <= SUBJECT_MAX_CHARS and not value.endswith((".", "!", "?")):
                kinds[index] = ("skip", None)
            # ...or under it ("Submitted by NAME on DATE" over "From Mariupol"): a line that reads as a name alone,
            # between a full header and the text, opens the text ("Hi Tim", "Dear Roger--") and starts no comment
            elif kind == "meta" and index and value.author and not value.date and following_kind == "text" \
                    and kinds[index - 1][0] == "meta" and kinds[index - 1][1].author and kinds[index - 1][1].date:
                kinds[index] = ("text", " ".join(lines[index].split()))
        for index in _header_badges(kinds, lines):
            kinds[index] = ("skip", None)
    # the first comment opens with a date alone, then "NAME wrote:": each comment's date heads its "says" line
    first_meta = next((value for kind, value in kinds if kind == "meta"), None)
    dates_lead = first_meta is not None and first_meta.date is not None and first_meta.author is None
    drafts: list[_Draft] = []
    current = _Draft()

    def close() -> None:
        """End the current comment (kept only when it has text)."""
        nonlocal current
        if current.text:
            drafts.append(current)
        current = _Draft()

    for index, (kind, value) in enumerate(kinds):
        if kind == "skip":
            continue
        if kind == "button":
            if current.text:
                current.date = current.date or value
                close()
            continue
        if kind == "avatar":  # an avatar opens a comment (in header-first layouts)
            close()
            current.opened_by_avatar = header_first
            continue
        if kind == "text":
            current.text.append(_clean_text(value))
            current.rows.append(index)
            continue
        meta: _Meta = value
        if header_first:
            if current.text:
                # a date under the text of a comment whose header gave only the name ("NAME said...",
                # text, date, "Delete") is its footer, unless text follows it (then it heads the next)
                following = kinds[index + 1][0] if index + 1 < len(kinds) else "end"
                if meta.date and not meta.author and current.author and not current.date and following != "text":
                    current.date = meta.date
                    close()
                    continue
                close()
            # header order is name(s), date, text: a new name after a date, or a second different
            # name, starts a new comment (the draft had no text: its text was not labelled comment);
            # but where dates lead, "NAME wrote:" under a date alone is that date's comment's header
            if meta.author and not current.text and ((current.date and not (
                    dates_lead and meta.says and not current.author)) or (
                    current.author and current.author != meta.author and not current.opened_by_avatar)):
                current = _Draft()
            current.author = current.author or meta.author
            current.date = current.date or meta.date
        else:
            if current.text:
                current.author = current.author or meta.author
                current.date = current.date or meta.date
                next_kind = kinds[index + 1] if index + 1 < len(kinds) else ("end", None)
                if not (next_kind[0] == "meta"):
                    close()
            elif drafts:
                last = drafts[-1]
                last.author = last.author or meta.author
                last.date = last.date or meta.date
            else:
                current.author = current.author or meta.author
                current.date = current.date or meta.date
    close()
    has_separators = any(kind in ("button", "avatar", "meta") for kind, _ in kinds)
    if not has_separators:
        return [Comment(author=None, date=None, text=text) for draft in drafts for text in draft.text if text], []
    strays: list[int] = []
    headed = [bool(draft.author and draft.date) for draft in drafts]
    if sum(headed) >= HEADED_THREAD_MIN and (not headed[0] or not headed[-1]):
        first, last = headed.index(True), len(headed) - 1 - headed[::-1].index(True)
        edges = drafts[:first] + drafts[last + 1:]
        if all(headed[first:last + 1]) and len(edges) <= 2 and not any(draft.author or draft.date for draft in edges) \
                and all(map(_thread_furniture, edges)):
            strays = [row for draft in edges for row in draft.rows]
            drafts = drafts[first:last + 1]
    if placeholder is not None:
        strays.append(placeholder)
    avatars = [index for index, (kind, _) in enumerate(kinds) if kind == "avatar"]  # (an alt text is no comment's text)
    strays = sorted(strays + form + (avatars if drafts else []))
    comments = []
    earlier: set[str] = set()  # the authors so far, whole names only (`_bare_author`)
    for draft in drafts:
        author = _bare_author(draft.author, earlier)
        if author and _whole_name(author):
            earlier.add(author)
        comments.append(Comment(author=author, date=draft.date, text="\n".join(t for t in draft.text if t)))
    return comments, sorted(strays)


# lower-case words inside a commenter's name: particles of surnames, and a display name's place ("Mike in Tulsa")
NAME_LINKS = frozenset({"van", "von", "de", "der", "den", "del", "della", "da", "di", "du", "la", "le", "y", "bin", "al",
                        "in", "from", "of"})
GUEST_NAMES = frozenset({"Guest", "Anonymous", "Гость", "Аноним", "Gast", "Anonym", "Invité", "Anonyme", "Invitado",
                         "Anónimo", "Ospite", "Anonimo", "Gość", "Гість"})
# a capital after three lower-case letters inside a word: handles of two words run together ("NorfolkNigel"), not "McLean",
# "DeLuca" or "MacKenzie"
RUN_TOGETHER_RE = re.compile(r"[a-z]{3}[A-Z]")


def _bare_author(author: str | None, earlier: set[str]) -> str | None:
    """The commenter's name without what a comment system prints beside it: LiveJournal's user mark ("[info]tyoma_k"),
    lynx's link number, Drupal's "(not verified)", or the name of the earlier commenter that a reply answers, after the
    reply's author, as Disqus prints a reply's header ("marinka_k Walt Prezioso": an earlier comment's author at either
    end gives the cut, where both parts are whole names (`_whole_name`), so that "Marie-Christine Grimard" under a
    "Marie-Christine" keeps her surname)."""
    if not author:
        return author
    author = USER_MARK_RE.sub("", author) or author
    if not earlier or " " not in author:
        return author
    words = author.split(" ")
    for cut in range(1, len(words)):  # (a cut between two words: the names on either side)
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        if tail in earlier and _whole_name(head):
            return head
        if head in earlier and _whole_name(tail):
            return head
    return author


def _whole_name(text: str) -> bool:
    """A handle ("marinka_k", "jm1987": one token with a digit or "_"; "NorfolkNigel": two capitalised words run
    together), a comment system's name for a guest ("Guest") or a name of two to four capitalised words ("Walt
    Prezioso"), lower-case links between them ("Karen van Wyk", "Mike in Tulsa"); not a first name alone, a surname
    alone or a list bullet ("o", "+"), which a cut between two names could leave."""
    words = text.split()
    if len(words) == 1:
        return (len(text) >= 3 and any(char.isdigit() or char == "_" for char in text) and any(map(str.isalpha, text))) \
            or text in GUEST_NAMES or (len(text) >= 6 and text.isalpha() and RUN_TOGETHER_RE.search(text) is not None)
    return 2 <= len(words) <= 4 and all(_name_word(word) for word in (words[0], words[-1])) \
        and all(_name_word(word) or word in NAME_LINKS for word in words[1:-1])


def _name_word(word: str) -> bool:
    return word[:1].isupper() and word.replace("-", "").replace(".", "").isalpha()
