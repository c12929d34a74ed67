"""Word lists and cue patterns shared by the segmenter's modules.

The line features (`batch_features.py`) count stopwords, site-furniture and comment cue words per
line and match dates; the label rules (`text.py`) and comment parsing (`comments.py`) recognise
dates, times and "N days ago" with the same patterns, so a line the model saw as dated is the line
the parser reads a date from.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have
    having he her here hers herself him himself his how i if in into is it its itself just me more most my
    myself no nor not now of off on once only or other our ours ourselves out over own same she should so
    some such than that the their theirs them themselves then there these they this those through to too
    under until up very was we were what when where which while who whom why will with would you your
    yours yourself yourselves""".split()
)

FURNITURE_WORDS = frozenset(
    """share shares tweet facebook twitter linkedin pinterest whatsapp reddit email e-mail print subscribe
    newsletter login log sign signup register password cookie cookies privacy terms advertisement advertise
    sponsored copyright rights reserved menu search home contact about related popular trending recommended
    more read follow tags tag categories category archive archives rss feed next previous prev older newer
    download app donate support skip navigation sitemap faq disclaimer policy loading""".split()
)

COMMENT_WORDS = frozenset(
    """comment comments reply replies replied says said wrote posted responses response discussion
    commenting commented like likes dislike upvote downvote flag report permalink quote thread
    guest anonymous member moderator votes vote points""".split()
)

# Russian and Ukrainian cues. The network's lexical tokens are English words, so on a Cyrillic page it
# reads the word shares and patterns below: without them every line of prose there looks stopword-free.
CYRILLIC_STOPWORDS = frozenset(
    """а без бы был была были было быть в вам вас во вот все всё вы да для до его её ее если есть еще ещё же за и из
    или им их к как ко когда который которая которое которые ли меня мне мы на над не него нее неё нет ни но
    о об однако он она они оно от по под после при про с со так также там то того тоже только у уже чем что чтобы
    эта эти это этого этот я і й з із зі та що як це від але його її їх він вона вони ми ви був була було були буде
    який яка яке які також вже ще тому цей ця ці щоб коли де чи для до на не ні по при про під після без""".split()
)
CYRILLIC_COMMENT_WORDS = frozenset(
    """комментарий комментарии комментария комментариев комментировать ответить ответ ответы пишет написал
    написала нравится пожаловаться цитировать коментар коментарі коментарів коментувати відповісти відповідь
    пише написав подобається поскаржитися""".split()
)
CYRILLIC_FURNITURE_WORDS = frozenset(
    """поделиться подписывайтесь подписаться подпишитесь войти вход регистрация главная реклама читайте поиск
    меню рассылка поділитися підписуйтесь підписатися увійти реєстрація головна реклама читайте пошук меню
    розсилка теги тэги мітки теґи авторизуйтесь теме темою""".split()
)
# German and French cues, for the European outlets of comparative studies: like the Cyrillic ones they feed the
# same features as the English cues, so the network reads them without retraining. Words that English text uses too
# ("die", "war", "man", "plus", "son", "den", "par", "sans", "von", "Über", "commenter", "inscription") are left out.
DE_FR_STOPWORDS = frozenset(
    """aber alle allem aller alles als auch auf aus bei beim bis bist damit dann das dass denn der dessen diese diesem
    diesen dieser dieses doch dort durch ein eine einem einen einer eines etwa euch für gegen gewesen hab habe
    haben hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer indem ist jede jedem jeden
    jeder jedes jetzt kann kein keine können konnte machen mehr mein meine muss musste nach nicht nichts noch nun
    nur oder ohne sehr sein seine seinem seinen seiner seit sich sie sind soll sollte sondern sonst und uns unser
    unter vom vor wann waren warum weil weiter welche welchem welchen welcher wenn wer werde werden wie wieder wir
    wird wollen wurde wurden zum zur zwar zwischen aux avec ce cette dans elles été être ils je les leur leurs lui
    mais même notre nous ont où qu qui ses sont sur une vos votre vous ainsi aussi avait après alors depuis donc
    peut selon sous tous toute toutes très""".split()
)
DE_FR_COMMENT_WORDS = frozenset(
    """kommentar kommentare kommentieren kommentiert antworten antwort melden schreibt schrieb commentaire commentaires
    répondre réponse réponses signaler""".split()
)
DE_FR_FURNITURE_WORDS = frozenset(
    """teilen drucken abonnieren anmelden abmelden registrieren datenschutz impressum startseite suche werbung anzeige
    partager imprimer abonner abonnez-vous connexion accueil recherche publicité confidentialité""".split()
)
# Spanish, Portuguese, Italian, Polish, Arabic, Chinese and Japanese furniture words, for the same feature (Chinese and
# Japanese words as the reading view's two-character pseudo-words show them, `reading_view`). The same languages'
# stopwords and comment words were tried too and left out: the network, trained on English pages, read them
# unreliably (a Polish page's related headlines became body).
OTHER_FURNITURE_WORDS = frozenset(
    """compartir imprimir suscríbete suscribirse regístrate publicidad privacidad inicio buscar compartilhar assine
    publicidade privacidade início condividi stampa abbonati accedi registrati pubblicità udostępnij drukuj
    subskrybuj zaloguj reklama prywatności شارك اشترك إعلان الرئيسية 分享 广告 登录 注册 広告 シェ ログ""".split()
)
DE_MONTHS = "januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember"
FR_MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
RU_MONTHS = ("января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
             "|янв|фев|мар|апр|июн|июл|авг|сен|сент|окт|ноя|дек")  # (and as forums abbreviate them: "05 дек 2026")
UK_MONTHS = "січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня"
# For the line features (RE2, whose \b and \w are ASCII-only: the Cyrillic letters are spelled out):
# "3 декабря 2026", "5 минут назад", "2 дні тому", "вчера"
CYRILLIC_LETTER = "[а-яёіїєґ]"
NOT_CYRILLIC_LETTER = "[^а-яёіїєґ]"
CYRILLIC_DATE_PATTERN = rf"\d{{1,2}}\s+(?:{RU_MONTHS}|{UK_MONTHS})(?:{NOT_CYRILLIC_LETTER}|$)"
CYRILLIC_AGO_PATTERN = (r"(?:\d+|одну|один|одна)\s+(?:секунд|минут|час|дн|день|недел|месяц|год|лет|хвилин|тижн|тижд"
                        rf"|місяц|рок|рік){CYRILLIC_LETTER}*\s+(?:назад|тому)"
                        rf"|(?:^|{NOT_CYRILLIC_LETTER})(?:вчера|сегодня|вчора|сьогодні)(?:{NOT_CYRILLIC_LETTER}|$)")

MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august"
    "|september|october|november|december"
)
# Spanish, Portuguese, Italian, Polish, Arabic, Hindi and Persian (solar) month names (and Spanish abbreviations), for
# "5 dic 2026", "5 de dezembro de 2026", "5 grudnia 2026", "5 ديسمبر 2026", "05 दिसंबर 2026", "۱۴ آذر ۱۴۰۵"
OTHER_MONTHS = ("enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
                "|ene|abr|ago|dic|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro"
                "|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
                "|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia"
                "|يناير|فبراير|مارس|أبريل|إبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر"
                "|जनवरी|फ़रवरी|फरवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर|नवंबर|नवम्बर|दिसंबर|दिसम्बर"
                "|فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند"
                # Romanian, Greek (genitive), Dutch, Swedish, Bulgarian, Indonesian: "5 decembrie 2026", "5 Δεκεμβρίου 2026"
                "|ianuarie|februarie|martie|aprilie|iunie|iulie|septembrie|octombrie|noiembrie|decembrie"
                "|ιανουαρίου|φεβρουαρίου|μαρτίου|απριλίου|μαΐου|ιουνίου|ιουλίου|αυγούστου|σεπτεμβρίου|οκτωβρίου"
                "|νοεμβρίου|δεκεμβρίου|januari|februari|maart|mei|juni|juli|augustus|oktober|augusti"
                "|януари|февруари|март|април|май|юни|юли|август|септември|октомври|ноември|декември"
                "|maret|agustus|desember"
                # Turkish: "29 Kasım 2023"
                "|ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık")
# Hungarian months, for the year-first "2026. december 5."
HU_MONTHS = "január|február|március|április|május|június|július|augusztus|szeptember|október|november|december"
DATE_RE = re.compile(
    rf"\b(?:(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\.?,?\s+\d{{4}}"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}\.\s\d{1,2}\.\s\d{4}"  # ("5. 12. 2026")
    # "4. Dezember 2026", "4 décembre 2026", "1er mars 2026"
    rf"|\d{{1,2}}\.\s*(?:{DE_MONTHS})\s+\d{{4}}|\d{{1,2}}(?:er)?\s+(?:{FR_MONTHS})\s+\d{{4}}"
    rf"|\d{{1,2}}\s+(?:de\s+)?(?:{OTHER_MONTHS})\.?,?\s+(?:de\s+)?\d{{4}}|\d{{4}}\.\s*(?:{HU_MONTHS})\s+\d{{1,2}})\b",
    re.IGNORECASE,
)
# "3:42 pm", "15:42", "14h32" (French)
TIME_RE = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|h(?:rs?|s)?)?\b|\b\d{1,2}\s*[ap]\.?m\.?\b|\b\d{1,2}h\d{2}\b",
                     re.IGNORECASE)
# "3 days ago", "yesterday"; "vor 2 Stunden", "gestern"; "il y a 2 heures", "aujourd'hui"
AGO_RE = re.compile(
    r"\b(?:\d+|an?|one)\s+(?:second|sec|minute|min|hour|hr|day|week|month|year|yr)s?\s+ago\b|\byesterday\b|\btoday\b"
    r"|\bvor\s+(?:\d+|einer?|einem)\s+(?:sekunde|minute|stunde|tag|woche|monat|jahr)(?:n|en|e)?\b|\bgestern\b|\bheute\b"
    r"|\bil y a\s+(?:\d+|une?)\s+(?:seconde|minute|heure|jour|semaine|mois|an)s?\b|\baujourd'hui\b"
    r"|\bil y a\s+\d{1,3}\s?(?:h|min|j|s|sem)\b",  # (as comment widgets shorten it: "il y a 2 h")
    re.IGNORECASE,
)
# "hace 3 horas", "há 2 dias", "3 ore fa", "2 godz. temu", "منذ 3 ساعات", "2 saat önce", "3시간 전": apart from AGO_RE, so that the comment parser
# runs it only on lines that hold one of its words (`comments.OTHER_AGO_WORDS`); the line features read both
OTHER_AGO_RE = re.compile(
    r"\bhace\s+(?:\d+|una?)\s+(?:segundo|minuto|hora|d[ií]a|semana|mes|año)(?:s|es)?\b|\bayer\b|\bhoy\b"
    r"|\bhá\s+(?:\d+|uma?)\s+(?:segundo|minuto|hora|dia|semana|m[eê]s|ano)(?:s|es)?\b|\bontem\b"
    r"|(?:\b\d+\s+|\bun'|\buna?\s+)(?:minut|or|giorn|settiman|mes|ann)[a-z]*\s+fa\b|\bieri\b"
    r"|\b(?:\d+|kilka)\s+(?:sek|min|godz|dni|dzie|tyg|tydz|mies|lat)[a-z]*\.?\s+temu\b|\bwczoraj\b"
    r"|منذ\s+\d+\s+(?:ثوان|دقيقة|دقائق|ساعة|ساعات|يوم|أيام|أسبوع|أسابيع|شهر|أشهر)"
    # Turkish, Korean, Hindi and Persian: "2 saat önce", "3시간 전", "2 घंटे पहले", "۲ ساعت پیش"
    r"|\b\d+\s+(?:saniye|dakika|dk|saat|gün|hafta|ay|yıl)\s+önce|\d+\s*(?:초|분|시간|일|주|개월|달|년)\s*전"
    r"|\d+\s+(?:सेकंड|मिनट|घंटे|घंटा|दिन|हफ्ते|हफ़्ते|महीने|साल)\s+पहले|\d+\s+(?:ثانیه|دقیقه|ساعت|روز|هفته|ماه|سال)\s+پیش"
    # Czech, Lithuanian, Serbian and Finnish: "před 2 hodinami", "prieš 3 val.", "пре 2 сата", "2 tuntia sitten"
    r"|\bpřed\s+\d+\s+(?:sekund|minut|hodin|dn|týdn|měsíc|rok)\w*|\bprieš\s+\d+\s+(?:sek|min|val|d|sav|mėn|m)\w*\.?"
    r"|\bпре\s+\d+\s+(?:секунд|минут|сат|дан|недељ|месец|годин)\w*|\b\d+\s+(?:sekunti|minuutti|tunti|päivä|viikko"
    r"|kuukausi|vuosi)\w*\s+sitten"
    # Romanian, Hungarian, Greek, Georgian, Bulgarian, Estonian, Latvian, Dutch, Vietnamese, Swedish / Danish / Norwegian,
    # Indonesian: "acum 3 ore", "3 órája", "πριν από 2 ώρες", "2 საათის წინ", "преди 2 часа", "2 tundi tagasi",
    # "pirms 2 stundām", "5 uur geleden", "2 giờ trước", "för 2 timmar sedan", "2 jam yang lalu" (no \b before a
    # non-ASCII letter: RE2's is ASCII-only, and the line features run this pattern in RE2)
    r"|\bacum\s+(?:\d+|o|un)\s+(?:de\s+)?(?:secund|minut|or|zi|zile|săptămân|lun|an)\w*"
    r"|\b\d+\s+(?:másodperce|perce|órája|napja|hete|hónapja|éve)\b"
    r"|πριν(?:\s+από)?\s+\d+\s+(?:δευτερόλεπτ|λεπτ|ώρ|μέρ|ημέρ|εβδομάδ|μήν|χρόν)\w*"
    r"|\d+\s+(?:წამის|წუთის|საათის|დღის|კვირის|თვის|წლის)\s+წინ"
    r"|преди\s+(?:\d+|един|една)\s+(?:секунд|минут|час|ден|дни|седмиц|месец|годин)\w*"
    r"|\b\d+\s+(?:sekundit|minutit|minut|tundi|tund|päeva|päev|nädalat|kuud|aastat)\s+tagasi\b"
    r"|\bpirms\s+\d+\s+(?:sekund|minūt|stund|dien|nedēļ|mēneš|gad)\w*"
    r"|\b\d+\s+(?:seconden|seconde|minuten|minuut|uur|dagen|dag|weken|week|maanden|maand|jaar)\s+geleden\b"
    r"|\d+\s+(?:giây|phút|giờ|ngày|tuần|tháng|năm)\s+trước"
    r"|\b(?:för\s+|for\s+)?\d+\s+(?:sekunder|minuter|minutter|timmar|timer|time|dagar|dager|dage|veckor|uker|uger"
    r"|månader|måneder|år|sekund|minut|timme|dag|vecka|uke|uge|månad|måned)\s+(?:sedan|siden)\b"  # (and "för 1 timme sedan")
    r"|\b\d+\s+(?:detik|menit|minit|jam|hari|minggu|bulan|tahun)\s+(?:yang\s+)?lalu\b"
    # Croatian / Bosnian, Slovak, Azerbaijani: "prije 3 sata", "pred 2 hodinami", "2 saat əvvəl"
    r"|\bprije\s+\d+\s+(?:sekund|minut|sat|dan|tjed|mjesec|godin)\w*|\bpred\s+\d+\s+(?:sekund|minút|hodin|dň|dn|týž|mesiac|rok)\w*"
    r"|\b\d+\s+(?:saniyə|dəqiqə|saat|gün|həftə|ay|il)\s+əvvəl",
    re.IGNORECASE,
)
# a word; with the combining marks that \w leaves out (a decomposed accent, the vowel signs of Hindi and the other
# Indic scripts, which would cut "हिंदी" into pieces)
WORD_RE = re.compile(r"[\w\u0300-\u036f\u0900-\u0963\u0966-\u0dff]+(?:[-'’][\w\u0300-\u036f\u0900-\u0963\u0966-\u0dff]+)*",
                     re.UNICODE)  # (not the danda, "।", Hindi's full stop)
HAS_DIGIT = re.compile(r"\d").search

# Ad and app prompts between an article's paragraphs ("Advertisement", "Story continues below advertisement",
# "CLICK HERE TO GET THE APP"), case ignored: the furniture rule (`text.FURNITURE_RE`) makes them boilerplate,
# and the network reads pages without them (`model.INLINE_PROMPT_RE2`). \s*$, not $: RE2's $ does not match
# before a final newline. A line it matches holds one of INLINE_PROMPT_PARTS once casefolded.
# an ad mark alone on its line, in the languages read so far ("PUBLICIDAD", "Werbung", "ΔΙΑΦΗΜΙΣΗ", "ANNONCE")
AD_MARKS = ("publicidad", "publicidade", "pubblicità", "reklama", "anzeige", "werbung", "реклама", "إعلان", "广告", "広告",
            "विज्ञापन", "تبلیغات", "reklam", "광고", "פרסומת", "mainos", "publicitate", "reclamă", "hirdetés", "διαφήμιση",
            "διαφημιση", "რეკლამა", "advertentie", "annons", "annonse", "reklame", "quảng cáo", "iklan", "reklāma",
            "reklaam", "annonce", "oglas")
INLINE_PROMPT = (r"^\W*(?:click here\b.{0,60}|(?:skip )?advertisements?\b.{0,30}|ad feedback|" + "|".join(AD_MARKS)
                 + r"|pokračování článku pod reklamou|pokračovanie článku pod reklamou"
                 r"|(?:story|article) continues(?: (?:below|after)\b.{0,30})?"
                 r"|continue reading (?:the main story|below)\W*"
                 # the same in other languages ("Dalszy ciąg artykułu pod materiałem wideo", "Artikeln fortsätter
                 # under annonsen", "La suite après cette publicité", "Lees verder na de advertentie")
                 r"|dalsz[ya] (?:ciąg|część) (?:artykułu|materiału|tekstu) (?:pod|poniżej)\b.{0,30}"
                 r"|(?:artikeln|artikkelen|artiklen) (?:fortsätter|fortsetter|fortsætter) (?:under|efter|etter)\b.{0,30}"
                 r"|artikkeli jatkuu (?:mainoksen|alla)\b.{0,30}|a cikk a hirdetés után folytatódik\W*"
                 r"|la suite (?:après|sous) (?:cette |la |l'|l’)?(?:publicité|annonce|vidéo)\W*"
                 r"|(?:lees verder|het artikel gaat verder) (?:onder|na) (?:de |deze )?(?:advertentie|reclame|video)\W*"
                 r"|(?:weiterlesen|weiter|der artikel geht) (?:nach|unter) (?:der|dem) (?:anzeige|werbung|video)\W*"
                 r"|l['’]articolo (?:prosegue|continua) (?:sotto|dopo)\b.{0,30}"
                 r"|продолжение (?:статьи |материала |текста )?(?:ниже|после рекламы)\W*"
                 r"|продовження (?:статті |матеріалу |тексту )?(?:нижче|після реклами)\W*)\s*$")
INLINE_PROMPT_RE = re.compile(INLINE_PROMPT, re.IGNORECASE)
INLINE_PROMPT_PARTS = ("click here", "advertisement", "ad feedback", "story continues", "article continues",
                       "continue reading", "pokračování článku", "pokračovanie článku", "dalszy ", "dalsza ", "fortsätter",
                       "fortsetter", "fortsætter", "artikkeli jatkuu", "folytatódik", "la suite ", "lees verder", "gaat verder",
                       "weiter", "der artikel geht", "articolo prosegue", "articolo continua", "продолжение", "продовження",
                       *AD_MARKS)

# Lines between an article's paragraphs that the network takes for the article's end, dropping the paragraphs
# under them, so it reads the page without them (`model.LineSegmenter._hidden_lines`); they are boilerplate:
# * a link to another article: "Read also" (or "Related", "See also", "Читайте также") over one to three headlines
#   (RELATED_LINK_LABEL_RE), or "READ MORE: <headline>" on one line (RELATED_LINK_INLINE_RE), with an article
#   paragraph above and below;
# * on a paginated dump (a PDF's text), the running header or footer that carries the page number ("Centre for
#   ... | Page 2", a browser's print footer "https://... 2/4") or a browser's print header (PRINT_HEADER_RE), printed
#   on two or more pages (PAGE_NUMBER_RE, the same but for its digits);
# * a newsletter prompt ("Sign up for our Defense newsletter", "Get the Brief in your inbox. Sign up") with at most
#   MAX_FORM_LINES short lines of its form under it ("Email address", "Sign up"), between paragraphs;
# * a broadcaster's list of links to read next, marked for screen readers ("list of 3 items", "list 1 of 3", a
#   headline, ..., "end of list": LINK_LIST_START_RE), between paragraphs;
# * a reader poll ("POLL", a question, its options, "Vote", "View results": POLL_START_RE), between paragraphs;
# * a grid of sponsored links ("Sponsored Content", then headlines, advertisers' names and "Ad" marks, up to
#   MAX_SPONSORED_LINES lines: SPONSORED_LABEL_RE; an ad mark among them, AD_MARK_RE, so that an article's own
#   headline under a "Sponsored Links" box is not taken), as a portal's copy of an article prints it between paragraphs.
# "read also" in Romanian, Hungarian, Greek (accented or in capitals), Georgian, Bulgarian, Estonian, Latvian, Dutch,
# Swedish, Danish / Norwegian, Vietnamese, Indonesian: for the labels and inline links below, and their cheap tests
MORE_RELATED_LABELS = ("cite[șş]te [șş]i", "citi[țţ]i [șş]i", "kapcsolódó", "olvasd el ezt is", "διαβ[άα]στε (?:επ[ίι]σης|ακ[όο]μα)",
                       "ასევე წაიკითხეთ", "წაიკითხეთ ასევე", "прочетете (?:още|също)", "вижте още", "loe ka", "loe lisaks",
                       "lasiet arī", "lasi arī", "lees ook", "läs också", "läs mer", "læs også", "les også", "xem thêm",
                       "đọc thêm", "baca juga", "čítajte (?:aj|tiež)", "pročitajte (?:i|još)", "прочитајте (?:и|још)",
                       "həmçinin oxuyun",
                       # ... and "you may also like", "related news" in Spanish, Portuguese, Italian, French, German, Polish,
                       # Czech, Russian, Ukrainian, Turkish
                       "(?:también )?te puede interesar", "te recomendamos", "noticias relacionadas", "veja também",
                       "saiba mais", "leia mais", "notícias relacionadas", "(?:ti )?potrebbe interessarti",
                       "ti potrebbe interessare", "articoli correlati", "sur le même sujet", "(?:à )?lire également",
                       "das könnte sie auch interessieren", "weitere artikel", "przeczytaj (?:też|także)", "polecamy",
                       "přečtěte si (?:také|též)", "вас может заинтересовать", "читайте также по теме", "також читайте",
                       "(?:bunlar da )?ilginizi çekebilir",
                       # Indonesian "watch also", Kazakh and Hebrew "read also"
                       "simak juga", "tonton juga", "оқи отырыңыз", "сондай-ақ оқыңыз", "קראו עוד", "קראו גם",
                       # Spanish "more information", Turkish "related news" (one item), Czech "read also"
                       "más información", "ilgili haber", "čtěte také",
                       "lue myös",  # (Finnish "read also")
                       "skaitykite taip pat",  # (Lithuanian)
                       "le puede interesar", "(?:també )?us pot interessar")  # (a Colombian daily; Catalan)
_MORE_RELATED = "|".join(MORE_RELATED_LABELS)
MORE_RELATED_STARTS = ("прочитајте", "skaitykite", "citește", "citiți", "citeşte", "citiţi", "kapcsolódó", "olvasd", "διαβ", "ასევე",
                       "წაიკითხეთ", "прочетете", "вижте",
                       "loe ", "lasiet", "lasi ", "lees ", "läs ", "læs ", "les ", "xem ", "đọc ", "baca ", "čítajte",
                       "pročitajte", "həmçinin", "te puede", "también te", "te recomendamos", "noticias relacionadas", "veja também",
                       "saiba mais", "leia mais", "notícias relacionadas", "potrebbe", "ti potrebbe", "articoli correlati",
                       "sur le même", "lire également", "à lire également", "das könnte", "weitere artikel", "przeczytaj",
                       "polecamy", "přečtěte", "вас может", "також читайте", "bunlar da", "ilginizi", "simak", "tonton",
                       "оқи", "сондай-ақ", "קראו", "más información", "lue ", "le puede", "us pot", "també us")
RELATED_LINK_LABEL_RE = re.compile(
    r"^\W*(?:read (?:also|next|more)|also read|see also|related(?: (?:articles?|stor(?:y|ies)|news|coverage|reading|content))?"
    r"|more on (?:this|that)(?: (?:story|topic))?|читайте (?:также|також)|смотрите также|дивіться також|по теме"
    r"|по темі|(?:à )?lire aussi|lesen sie auch|mehr zum thema|lee también|lea también|leia também|leggi anche|zobacz (?:także|też)"
    r"|czytaj (?:także|też)|اقرأ أيضا|اقرأ أيضاً|чытайце таксама|по тэме|ilgili haberler|관련 ?기사|यह भी पढ़ें|بیشتر بخوانید|mohlo by vás zajímat|čtěte také"
    r"|související články|taip pat skaitykite|skaitykite taip pat|прочитајте још|прочитајте и|כתבות נוספות|"
    + _MORE_RELATED + r")\W*$",
    re.IGNORECASE)
RELATED_LINK_INLINE_RE = re.compile(
    r"^\W*(?:(?:read (?:also|more|next)|read|also read|see also|related(?: (?:articles?|stor(?:y|ies)|news|coverage"
    r"|content))?|more on (?:this|that)|читайте (?:также|також)|по теме"
    r"|по темі|(?:à )?lire aussi|lesen sie auch|lee también|leia também|leggi anche|zobacz (?:także|też)"
    r"|czytaj (?:także|też)|اقرأ أيضا|اقرأ أيضاً|чытайце таксама|यह भी पढ़ें|بیشتر بخوانید|관련 ?기사|" + _MORE_RELATED
    # (a letter, or any non-ASCII character: RE2, which runs this in the furniture pattern, knows only ASCII letters)
    # (a text browser's link number may stand before the headline: "Leggi anche: [27]Mosca-Washington, ...")
    + r")\s*[:|–—\]】-]\s*(?:\[\d{1,4}\])?"
    # (in other languages than English the label may run into the headline: "À lire aussi Gaz russe : ...")
    r"|(?:читайте (?:также|також)|(?:à )?lire aussi|lesen sie auch|lee también|leia também|leggi anche"
    r"|zobacz (?:także|też)|czytaj (?:także|też)|čtěte také|" + _MORE_RELATED + r")\s+)(?:\w|[^\x00-\x7f])",
    re.IGNORECASE)
NEWSLETTER_PROMPT_RE = re.compile(
    r"^\W*(?:(?:sign up|subscribe|register) (?:for|to) (?:our|the|my|a) (?:free )?(?:\w+ ){0,4}newsletters?\b.{0,60}"
    r"|get .{1,50} (?:in|to|delivered to|straight to) your inbox\b.{0,40})\s*$", re.IGNORECASE)
MAX_FORM_LINES = 2
# a broadcaster's "keep reading" box between paragraphs: "list of 3 items", "list 1 of 3", a headline, ...,
# "end of list"
LINK_LIST_START_RE = re.compile(r"^\W*list of (\d{1,2}) items?\W*$", re.IGNORECASE)
LINK_LIST_END = "end of list"
# a reader poll between paragraphs: "POLL", its question and options, "Vote" / "View results"
POLL_START_RE = re.compile(r"^\W*(?:(?:reader|readers'|quick|our|today's|daily) )?poll\W*$", re.IGNORECASE)
POLL_END_RE = re.compile(r"^\W*(?:vote|submit|view results|see results|results)\W*$", re.IGNORECASE)
MAX_POLL_LINES = 10
MAX_POLL_LABEL = 24  # characters of a poll's label line, at most
SPONSORED_LABEL_RE = re.compile(
    r"^\W*(?:sponsored(?: (?:content|stories|links|posts?))?|promoted(?: (?:content|stories|links))?|paid (?:content|post)"
    r"|partner content|ads? by (?:taboola|outbrain|revcontent)|recommended by(?: outbrain| taboola)?|around the web"
    r"|from (?:our partners|the web))\W*$", re.IGNORECASE)
MAX_SPONSORED_LINES = 12
AD_MARK_RE = re.compile(r"^\W*(?:ad|ads|sponsored|promoted)\W*$|(?:^|\|)\s*(?:sponsored|promoted|ad)\s*(?:\||$)",
                        re.IGNORECASE)
# a browser's print to PDF, as pdftotext prints it: the footer's address and page ("https://... 2/4"), Firefox's page
# count ("1 of 3"; a slideshow's too), and the date and time of printing (Chrome's header puts the page's title after it:
# "11/14/25, 9:02 AM Headline - Site", "14.11.25, 09:02 Schlagzeile | Seite"), on every page
PRINT_FOOTER = r"^https?://\S+\s+\d{1,3}/\d{1,3}\s*$"
PAGE_OF = r"^\W*(\d{1,3}) of (\d{1,3})\W*$"
PRINT_TIME = r"^\d{1,2}[/.]\d{1,2}[/.]\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?"
PAGE_NUMBER_RE = re.compile(
    r"(?:^|\W)(?:page|p\.|стр\.?|страница|сторінка)\s*\d{1,4}(?:\s*(?:of|/|из|з)\s*\d{1,4})?\W*$"
    r"|^\W*(?:page|стр\.?|страница|сторінка)\s*\d{1,4}\b|^\W*\d{1,4}\s*\|\s*\w|\w\s*\|\s*\d{1,4}\W*$|" + PRINT_FOOTER,
    re.IGNORECASE)
PAGE_OF_RE = re.compile(PAGE_OF)
PRINT_HEADER_RE = re.compile(PRINT_TIME + r"\s+(?P<title>\S.{8,})$")  # a running header
PRINT_STAMP_RE = re.compile(PRINT_TIME + "$")  # the time alone, beside the page count
# a superset of the lines these patterns match, for one RE2 pass over many documents (RE2's \W is ASCII-only)
INTERSTITIAL_CANDIDATE_RE2 = (r"(?i)^\W*(?:read (?:also|next|more)|also read|see also|related|more on|читайте"
                              r"|sign up|subscribe|register|get |à lire|lire|lesen|mehr zum|list of|(?:\w+'?s? )?poll\W*$"
                              r"|смотрите|дивіться|по тем|page|стр|страница|сторінка|\d{1,4}\s*\|"
                              r"|lee |leia |leggi |zobacz |czytaj |اقرأ|чытайце|по тэме|ilgili|[iİ]lg[iİ]l[iİ]|관련|यह भी|بیشتر|mohlo|čtěte|souvis|taip|skaityk|прочитај|כתבות|lue |sponsored|promoted|paid |partner content|ads? by"
                              r"|recommended by|around the web|from (?:our partners|the web)|" + _MORE_RELATED
                              + r")|\|\s*\d{1,4}\W*$|" + PRINT_FOOTER + "|" + PAGE_OF + "|" + PRINT_TIME
                              + r"|(?:page|p\.|стр\.?|страница|сторінка)\s*\d{1,4}(?:\s*(?:of|/|из|з)\s*\d{1,4})?\W*$")
PROSE_MIN_WORDS = 10
PARAGRAPH_ENDS = (".", "!", "?", '"', "”", "’")  # how an article's paragraph ends
PROSE_ENDS = PARAGRAPH_ENDS + ("»",)
# ...and a quotation closing a paragraph in British or Dutch style (not a test of headlines, which may end in one)
PROSE_ABOVE_ENDS = PROSE_ENDS + ("'",)
MAX_LINKED_HEADLINES = 3
MAX_SUBHEADING_WORDS = 10  # a subheading between the links and the article's next paragraph
_DIGITS = re.compile(r"\d+")
_INTERSTITIAL_STARTS = ("read", "also read", "see also", "related", "more on", "читайте", "смотрите", "дивіться",
                        "по тем", "page", "стр", "сторінка", "sign up", "subscribe", "register", "get ", "à lire",
                        "lire", "lesen", "mehr zum", "list of", "lee ", "lea ", "leia ", "leggi ", "zobacz ", "czytaj ", "اقرأ", "чытайце", "по тэме", "ilgili", "관련", "यह भी", "بیشتر", "mohlo", "čtěte", "souvis", "taip",
                        "skaityk", "прочитај", "כתבות",
                        "sponsored", "promoted", "paid ", "partner content", "ads by", "ad by", "recommended by",
                        "around the web", "from our partne", "from the web", *MORE_RELATED_STARTS)
# (Turkish capitals: "İLGİLİ HABER", whose casefold puts a combining dot after each "i")
_INTERSTITIAL_INITIALS = frozenset("".join(word[0] + word[0].upper() for word in _INTERSTITIAL_STARTS) + "İ")
_PAGE_WORDS = ("page", "p.", "стр", "сторінка", " of ")
# what `_may_be_interstitial` strips off a line's ends before testing its first and last words: ASCII punctuation
# and spaces, and the marks of lists, quotes and dashes most common in dumps
_MARKS = "".join(char for char in map(chr, range(128)) if not char.isalnum()) + "•·–—»«“”‘’…►▼©®"


def _prose(line: str, ends: tuple[str, ...] = PROSE_ENDS) -> bool:
    return line.endswith(ends) and len(line.split()) >= PROSE_MIN_WORDS


def _subheading_at(lines: list[str], index: int) -> bool:
    """Whether lines[index] is a subheading over an article paragraph: at most MAX_SUBHEADING_WORDS words, opening with
    a letter, no digit or sentence's end."""
    return index + 1 < len(lines) and len(lines[index].split()) <= MAX_SUBHEADING_WORDS and lines[index][:1].isalpha() \
        and not HAS_DIGIT(lines[index]) and not lines[index].endswith(PROSE_ENDS) and _prose(lines[index + 1])


def linked_headline(line: str) -> bool:
    """A headline as a link prints it: 2-25 words, no closing full stop, colon or comma, and no paragraph."""
    return 2 <= len(line.split()) <= 25 and not line.endswith((".", ":", ";", ",")) and not _prose(line)


def _may_be_interstitial(line: str) -> bool:
    """A necessary condition for RELATED_LINK_LABEL_RE, RELATED_LINK_INLINE_RE, NEWSLETTER_PROMPT_RE,
    SPONSORED_LABEL_RE or PAGE_NUMBER_RE to match, cheap to test."""
    if "|" in line:
        return True
    head = line.lstrip(_MARKS)
    if not head:
        return False  # marks alone
    if len(line) <= MAX_POLL_LABEL and "poll" in line.casefold():  # "POLL", "Today's poll"
        return True
    if not head[0].isalnum() or (head[0] in _INTERSTITIAL_INITIALS
                                 and head[:16].casefold().replace("\u0307", "").startswith(_INTERSTITIAL_STARTS)):
        return True  # (after a mark the strip does not know, the patterns decide)
    if line[:1].isdigit() and PRINT_HEADER_RE.match(line):
        return True
    last = line.rstrip(_MARKS)[-1]
    return (last.isdigit() or not last.isalnum()) and (line[:4] == "http"  # a print footer: "https://... 2/4"
                                                       or any(map(line.casefold().__contains__, _PAGE_WORDS)))


def interstitial_lines(lines: list[str], candidates: list[int] | None = None) -> list[int]:
    """Indices of a document's related-article links and newsletter prompts between paragraphs and its running page
    headers or footers (see above); `candidates`: the only lines that may be any of them (default: the lines
    `_may_be_interstitial` lets through)."""
    if candidates is None:
        candidates = [index for index, line in enumerate(lines) if _may_be_interstitial(line)]
    hidden: list[int] = []
    paged = [index for index in candidates
             if len(lines[index]) <= 200 and (PAGE_NUMBER_RE.search(lines[index]) or PRINT_HEADER_RE.match(lines[index]))
             and not lines[index].isdigit() and any(map(str.isalpha, lines[index]))]
    if len(paged) >= 2:
        masked = [_DIGITS.sub("#", lines[index].casefold()) for index in paged]
        copies = Counter(masked)
        hidden += [index for index, key in zip(paged, masked) if copies[key] >= 2]
    # "1 of 3", "2 of 3", ...: the pages of one printout (a page's slideshows count "1 of 5", "1 of 13", ...)
    counted = [(index, match) for index in candidates if (match := PAGE_OF_RE.match(lines[index])) is not None]
    if len(counted) >= 2 and len({match.group(2) for _, match in counted}) == 1 \
            and len({match.group(1) for _, match in counted}) == len(counted):
        hidden += [index for index, _ in counted]
    # the time a browser printed the page, beside its page number on every page ("1 of 3", "3/16/25, 8:12 AM"): the same
    # text each time (comments' dates differ)
    stamps = [other for index in hidden for other in (index - 1, index + 1)
              if 0 <= other < len(lines) and PRINT_STAMP_RE.match(lines[other])]
    hidden += [index for index in stamps if Counter(lines[other] for other in stamps)[lines[index]] >= 2]
    for index in candidates:
        if not 0 < index < len(lines) - 1 or not _prose(lines[index - 1], PROSE_ABOVE_ENDS):  # (an article's paragraph)
            continue
        if RELATED_LINK_LABEL_RE.match(lines[index]):
            end = index + 1
            while end < len(lines) and end - index <= MAX_LINKED_HEADLINES and linked_headline(lines[end]):
                end += 1
            after = end  # (an ad marker may stand between the links and the text: "Pubblicità")
            while after < len(lines) and after - end < MAX_LINKED_HEADLINES and INLINE_PROMPT_RE.match(lines[after]):
                after += 1
            if index + 1 < end and after < len(lines) and (_prose(lines[after]) or _subheading_at(lines, after)):
                hidden += range(index, end)
        elif RELATED_LINK_INLINE_RE.match(lines[index]) and (_prose(lines[index + 1]) or _subheading_at(lines, index + 1)):
            hidden.append(index)
        elif (match := LINK_LIST_START_RE.match(lines[index])) is not None:
            # its items ("list 1 of 3" and a headline each) and its end marker, with article text under it
            end = index + 2 * int(match.group(1)) + 1
            if end + 1 < len(lines) and lines[end].strip(_MARKS).casefold() == LINK_LIST_END and _prose(lines[end + 1]):
                hidden += range(index, end + 1)
        elif POLL_START_RE.match(lines[index]):
            # the poll's last button ("Vote", "View results") within MAX_POLL_LINES, with article text under it
            window = lines[index + 1: index + 1 + MAX_POLL_LINES]
            ends = [offset for offset, line in enumerate(window, start=index + 1) if POLL_END_RE.match(line)]
            if ends and ends[-1] + 1 < len(lines) and _prose(lines[ends[-1] + 1]):
                hidden += range(index, ends[-1] + 1)
        elif SPONSORED_LABEL_RE.match(lines[index]):
            end = index + 1
            while end < len(lines) and end - index <= MAX_SPONSORED_LINES and not _prose(lines[end]):
                end += 1
            if index + 1 < end < len(lines) and _prose(lines[end]) \
                    and any(AD_MARK_RE.search(line) for line in lines[index + 1:end]):
                hidden += range(index, end)
        elif NEWSLETTER_PROMPT_RE.match(lines[index]):
            end = index + 1
            while end < len(lines) and end - index <= MAX_FORM_LINES and len(lines[end].split()) <= 4 \
                    and not _prose(lines[end]):
                end += 1
            if end < len(lines) and _prose(lines[end]):
                hidden += range(index, end)
    return hidden


# A page saved from the Internet Archive opens with the Wayback Machine's toolbar ("The Wayback Machine -
# https://web.archive.org/web/2014.../URL", capture counts, a calendar, "About this capture", the crawl's
# collection, "TIMESTAMPS"): not part of the page at all.
ARCHIVE_BANNER_RE = re.compile(r"^\W*the wayback machine\s*[-–—:]\s*https?://web\.archive\.org/", re.IGNORECASE)
ARCHIVE_BANNER_END = "timestamps"
ARCHIVE_BANNER_MAX_LINES = 60


def archive_banner_length(lines: list[str]) -> int:
    """How many lines at the top of a document are the Wayback Machine's toolbar (0 for none): from its
    first line (among the document's first 3) through the "TIMESTAMPS" line that ends its capture panel,
    or the first line alone when no such line follows within ARCHIVE_BANNER_MAX_LINES."""
    for start, line in enumerate(lines[:3]):
        if ARCHIVE_BANNER_RE.match(line):
            window = lines[start + 1: start + 1 + ARCHIVE_BANNER_MAX_LINES]
            end = next((offset for offset, text in enumerate(window) if text.strip().casefold() == ARCHIVE_BANNER_END), None)
            return start + 1 + (end + 1 if end is not None else 0)
    return 0


# A clipping tool's or a scraper's metadata above the page: YAML front matter (Obsidian's web clipper, MarkDownload,
# Jekyll and Hugo exports, trafilatura's --with-metadata), a reader API's header ("Title:", "URL Source:"), an API
# record's fields, or the headers of an e-mail that carries the page. Its lines are no part of the page, and its title
# (or the e-mail's subject) names the page's headline.
METADATA_KEY_RE = re.compile(r"^(?:-\s+)?(?P<key>[A-Za-z][A-Za-z _]{0,24}?)\s*:(?:\s+(?P<value>.*))?$")
# (keys lowercased, without spaces and "_": "URL Source" -> "urlsource", "published_at" -> "publishedat")
METADATA_KEYS = frozenset("""title author authors byline by date published publishedat publishdate datepublished
    publishedtime pubdate created createdat clipped saved updated modified lastmodified source sourceurl urlsource url
    link canonical hostname host domain sitename site publisher description excerpt summary categories category tags
    keywords language lang id fingerprint license image urltoimage imageurl name readingtime wordcount status type
    fetchedat markdowncontent from to cc bcc subject sent replyto words""".split())
# (a metadata block names the page: its title, address or an e-mail's subject; "Name:", "Author:" and "Description:"
# alone are an app's or a product's fields in a listing; "content:" and "text:" hold the article itself, and stay out)
METADATA_PAGE_KEYS = frozenset("title url urlsource source sourceurl link canonical subject".split())
FORWARD_MARKS_RE = re.compile(r"^(?:(?:fwd?|fw|re|aw|wg|tr|rv)\s*:\s*)+", re.IGNORECASE)  # "Subject: Fwd: Headline"
METADATA_MIN_FIELDS = 4
METADATA_START_WITHIN = 12  # a block opens among the document's first lines
METADATA_LIST_ITEM_MAX_WORDS = 8
METADATA_RULES = frozenset({"---", "...", "+++"})  # front matter's delimiters (a Markdown dump drops "---")


class MetadataHeader(NamedTuple):
    lines: list[int]  # the block's lines
    title: str | None  # its title field's value
    subject: str | None  # an e-mail's subject, without "Fwd:" (the headline of a page sent alone, not a newsletter's)


def _metadata_key(line: str) -> str | None:
    """The key of a "key: value" line whose key is a metadata field's ("Title", "URL Source", "publishedAt"), as in
    METADATA_KEYS; else None."""
    if ":" not in line[:28]:
        return None
    match = METADATA_KEY_RE.match(line)
    if match is None:
        return None
    key = match.group("key").lower().replace(" ", "").replace("_", "")
    return key if key in METADATA_KEYS else None


def metadata_header(lines: list[str]) -> MetadataHeader:
    """The metadata block among the document's first METADATA_START_WITHIN lines: a run of METADATA_MIN_FIELDS or
    more field lines, one of them the page's title or address (METADATA_PAGE_KEYS), with the list items under a field
    ("- clippings") and front matter's "---" lines; none when there is no such block."""
    for start, line in enumerate(lines[:METADATA_START_WITHIN]):
        if _metadata_key(line.strip()) is None:
            continue
        block, keys, values = [], [], {}
        for index in range(start, len(lines)):
            text = lines[index].strip()
            key = _metadata_key(text)
            if key is not None:
                keys.append(key)
                values.setdefault(key, (METADATA_KEY_RE.match(text).group("value") or "").strip())
            elif not (text in METADATA_RULES
                      or (text[:2] == "- " and block and len(text.split()) <= METADATA_LIST_ITEM_MAX_WORDS)):
                break
            block.append(index)
        if len(keys) >= METADATA_MIN_FIELDS and not METADATA_PAGE_KEYS.isdisjoint(keys):
            opening = [start - 1] if start and lines[start - 1].strip() in METADATA_RULES else []
            title = values.get("title", "").strip("\"'").strip()
            subject = FORWARD_MARKS_RE.sub("", values.get("subject", "")).strip()
            return MetadataHeader(opening + block, title or None, subject or None)
        break  # the first field line opens the only block looked at
    return MetadataHeader([], None, None)


# Chinese and Japanese run their words together: to the features and rules, which count words and read sentence
# ends, a paragraph of such text is a few very long "words" with no full stop, and the network called whole
# articles boilerplate. The network, the rules and the title search read a view of such lines instead: each run of
# ideographs and kana cut into two-character pseudo-words (about a Chinese word's length) and full-width
# punctuation made ASCII ("。" -> ". "). The output keeps the original lines; a line without such text is its own view.
CJK_RUN_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
CJK_PSEUDO_WORD = 2
_CJK_PUNCTUATION = str.maketrans({"。": ". ", "，": ", ", "、": ", ", "！": "! ", "？": "? ", "：": ": ", "；": "; ",
                                  "（": " (", "）": ") ", "「": ' "', "」": '" ', "『": ' "', "』": '" ', "【": " [",
                                  "】": "] ", "《": ' "', "》": '" '})
_SPACE_BEFORE_MARK_RE = re.compile(r" ([.,!?:;)\]])")


def _pseudo_words(run: re.Match[str]) -> str:
    text = run.group()
    return " " + " ".join(text[start:start + CJK_PSEUDO_WORD] for start in range(0, len(text), CJK_PSEUDO_WORD)) + " "


# the UTF-8 lead bytes of U+3000-U+9FFF, which hold kana and the common ideographs: a byte search (memchr) tells
# a page without them far faster than CJK_RUN_RE (most pages hold some non-ASCII, curly quotes or dashes)
_CJK_LEAD_BYTES = tuple(bytes([lead]) for lead in range(0xE3, 0xEA))


def spaced_literal(word: str) -> str:
    """A regex for a word as the page prints it and as `reading_view` may space it: `re.escape(word)`, with an optional
    space after each Chinese or Japanese character ("コメント" also as "コメ ント")."""
    if not CJK_RUN_RE.search(word):
        return re.escape(word)
    spaced = (re.escape(char) + (r"\s?" if CJK_RUN_RE.match(char) else "") for char in word[:-1])
    return "".join(spaced) + re.escape(word[-1])


def reading_view(lines: list[str]) -> list[str]:
    """The lines as the network and the rules read them: `lines` itself when none holds Chinese or Japanese
    text, else each such line with its words spaced apart and its punctuation made ASCII (CJK_RUN_RE)."""
    joined = "\n".join(lines)
    if joined.isascii() or not any(map(joined.encode("utf-8", "surrogatepass").__contains__, _CJK_LEAD_BYTES)):
        return lines
    return [_SPACE_BEFORE_MARK_RE.sub(r"\1", " ".join(CJK_RUN_RE.sub(_pseudo_words, line.translate(_CJK_PUNCTUATION)).split()))
            if CJK_RUN_RE.search(line) else line for line in lines]
