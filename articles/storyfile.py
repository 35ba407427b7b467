"""Read and write the plain-text story format, and stories pasted from web pages.

A story file looks like this (the breadcrumb and the trailing boilerplate are optional)::

    Home > China News
    Pakistani President Arif Alvi Meets with Qin Gang

    2023-05-06 15:34

    First paragraph, possibly hard-wrapped
    over several lines.

    Second paragraph.

    <Suggest To A Friend>

Editors also paste pages as a browser copies them, and those are read too:

- **Page furniture is dropped by its shape**, wherever it stands above the title or below
  the story: menus and language bars (short link words separated by `|` or each in `【】`
  or `[]`), print/close/share/back-to-top links, "suggest to a friend" in any spelling,
  copyright and address footers, and everything from a "Related News" heading on. Inside
  the story only what cannot be prose goes (a bar of several links, "suggest to a friend").
- **Breadcrumbs**: "Home > A > B", "Home » News", "Home / Newsroom / Press Releases",
  "You are here: Home > Media Center"; the last crumb (unless it repeats the title) is the
  section. A single line above the title and its date, such as "Events", is a section too.
- **Source lines** such as "(From Chinese Embassy in Singapore)", "Source: Embassy of India,
  Tokyo" or the "Chinese Embassy" of "Chinese Embassy, 18 November 2019" are the story's
  source, never its title.
- **Dates** in the forms of DATE_FORMS, with labels ("Updated:", "Date:", "Posted on"),
  weekdays, a time, odd spacing ("September 27 , 2019"), in brackets, either under the title
  or below the story. A date without a year takes the year from the source URL. With no date
  in the text, the source URL's date is used (".../202302/t20230204_11019716.htm",
  "/2021/05/06/"), then the date given with the story.
- **Numbers that could be either**: "12.04.2022" is read day first, 12 April 2022, as the
  ministries that write dates with the year last mostly do; it is read month first only when
  the day-first reading is impossible (04.13.2022), or when the source URL's month agrees
  with the month-first reading and not with the other.

This module imports nothing from Django so the importer, the benchmarks and the tests
can use it on their own.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime
from difflib import SequenceMatcher
from typing import BinaryIO

# Checked before decoding so a huge upload costs nothing; real stories are a few KB.
MAX_STORY_BYTES = 1_000_000

# Leading bytes of the files editors most often drop into the story folder by mistake.
BINARY_SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image",
    b"%PDF-": "a PDF document",
    b"PK\x03\x04": "a ZIP archive or Office document",
    b"\x1f\x8b": "a gzip archive",
}
# The longest headline, section and source name the newsroom stores (Article.title,
# Section.name, Article.source_name).
MAX_TITLE_LENGTH = 300
MAX_SECTION_LENGTH = 100
MAX_SOURCE_LENGTH = 200

UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
UTF8_BOM = "\ufeff"

# A few stray NULs in a story are debris and get removed; text where more than one
# byte in ten is NUL is not a story at all.
MAX_NUL_SHARE = 0.1

# C0 and C1 control characters except tab, newline and carriage return: they break
# XML feeds, and PostgreSQL rejects NUL in text.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
PARAGRAPH_BREAK = re.compile(r"\n{2,}")
DATE_EXAMPLE = "2023-05-06 15:34"
DIGIT = re.compile(r"\d")
QUOTED_LENGTH = 40

# Where a story's date came from.
DATED_BY_TEXT = "text"
DATED_BY_ADDRESS = "address"
DATED_BY_GIVEN = "given"


class StoryFormatError(ValueError):
    """A story file that cannot be imported; the message is meant for an editor."""


@dataclass(frozen=True)
class Story:
    title: str
    published_at: datetime  # naive, in the newsroom's local time; the caller makes it aware
    paragraphs: tuple[str, ...]
    section: str = ""  # from the breadcrumb, "" when absent
    has_time: bool = True  # False for date-only lines ("2023-05-06", "May 6, 2023")
    source: str = ""  # who published it: "Chinese Embassy in Singapore"; "" when not said
    source_url: str = ""  # where it was published, as given or as the page says
    dated_by: str = DATED_BY_TEXT  # the text, its address or the date given with it

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


# --- Dates -----------------------------------------------------------------------------

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
MONTH_NAME = r"(?P<month_name>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"
YEAR = r"(?P<year>(?:19|20)\d\d)\b"
# Each form on its own line or with a label, a source or a time around it (see DATE_LINE).
DATE_FORMS = [
    # 2023-05-06, 2022/03/15, 2023.07.11, 2023年7月11日
    r"(?P<year>(?:19|20)\d\d)(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?!\d)",
    r"(?P<year>(?:19|20)\d\d)\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日",
    # May 6, 2023; Sept. 12 2023; September 27 , 2019; May 6th, 2023; November 18 (no year)
    MONTH_NAME + r"\s*" + DAY + r"(?:\s*,?\s*" + YEAR + r")?",
    # 6 May 2023; 18th November, 2019; 6 May (no year)
    DAY + r"(?:\s+of)?\s+" + MONTH_NAME + r"(?:\s*,?\s*" + YEAR + r")?",
    # 12.04.2022, 12/04/2022, 04-13-2022: day first unless that is impossible (see above)
    r"(?P<first>\d{1,2})(?P<nsep>[-/.])(?P<second>\d{1,2})(?P=nsep)(?P<year>(?:19|20)\d\d)(?!\d)",
]
# A form's group names repeat, so each is its own pattern, tried in order.
DATE_PATTERNS = [re.compile(r"(?<![\w.])" + form, re.IGNORECASE) for form in DATE_FORMS]
TIME = re.compile(
    r"^(?:\s*(?:T|,|at|-)?\s*)(?P<hour>\d{1,2})[:：](?P<minute>\d{2})(?:[:：](?P<second>\d{2}))?"
    r"(?:\s*(?P<meridiem>[ap]\.?m\.?)(?![a-z]))?",
    re.IGNORECASE,
)
WEEKDAY = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?,?", re.IGNORECASE
)
# Words that say what the date is: not a source.
DATE_LABEL = re.compile(
    r"(?:^|(?<=[\s|,:]))(?:(?:last\s+)?(?:updated?|modified)(?:\s+(?:on|at))?|(?:publish(?:ed)?|post(?:ed)?|releas(?:ed?)"
    r"|issu(?:ed?))(?:\s+(?:on|at|date|time))?|(?:release|publication|issue|news)\s+date|date(?:d|\s+of\s+\w+)?|time)"
    r"\s*[:：]?\s*$",
    re.IGNORECASE,
)
TIME_ZONE = re.compile(
    r"^[(\[]?(?:local\s+time|(?:beijing|bj|moscow|new\s+delhi|tokyo)\s+time|(?:gmt|utc)\s*[+-]?\s*\d{0,2}(?::?\d\d)?"
    r"|[A-Z]{2,4}T|IST|hrs?\.?)[)\]]?$",
    re.IGNORECASE,
)
SEPARATORS = " ,|:;-–—/·•()[]【】"
SENTENCE_END = re.compile(r"[.!?。！？]['\"”’)]*$")
# An abbreviation ending a short line is no sentence: "Co.", "Ltd.", "Jr.".
ABBREVIATION_END = re.compile(r"\b(?:[A-Z][a-z]{0,3}|[A-Z](?:\.[A-Z])+)\.$")

# Dates in web addresses: .../202302/t20230204_11019716.htm, /2021/05/06/, /2021-05-06-slug
ADDRESS_DATES = [
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)(?P<month>0[1-9]|1[0-2])(?P<day>0[1-9]|[12]\d|3[01])(?!\d)"),
    re.compile(r"/(?P<year>(?:19|20)\d\d)[/-](?P<month>0?[1-9]|1[0-2])[/-](?P<day>0?[1-9]|[12]\d|3[01])(?!\d)"),
]
# .../202302/..., /2023/02/: the year and month, which complete a date without a year.
ADDRESS_MONTHS = [
    re.compile(r"/(?P<year>(?:19|20)\d\d)(?P<month>0[1-9]|1[0-2])(?=/)"),
    re.compile(r"/(?P<year>(?:19|20)\d\d)/(?P<month>0?[1-9]|1[0-2])(?=/)"),
]


@dataclass(frozen=True)
class Dateline:
    """A date as a line of the story gives it; year is None when the line prints none."""

    line: str
    year: int | None
    month: int
    day: int
    time: tuple[int, int] | None = None
    source: str = ""
    # The other reading of a date like 12.04.2022, and whether the line could be read that way.
    month_first: tuple[int, int] | None = None

    def resolve(self, address_month=None):
        """(published_at, has_time); `address_month` is the (year, month) of the source URL."""
        year, month, day = self.year, self.month, self.day
        if self.month_first and address_month:
            if address_month[1] == self.month_first[0] and address_month[1] != month:
                month, day = self.month_first
        if year is None:
            year = address_month[0] - (month > address_month[1])
        try:
            published_on = datetime(year, month, day)
        except ValueError:
            raise StoryFormatError(f"impossible date: '{self.line}' is not a real date") from None
        if self.time is None:
            return published_on, False
        return published_on.replace(hour=self.time[0], minute=self.time[1]), True


def read_dateline(line: str) -> Dateline | None:
    """The date a line states, when the line is a date line rather than prose that
    mentions a date: nothing but a label, a weekday, a time, a time zone or a source may
    stand around the date. Raises StoryFormatError for an impossible date or time."""
    if not line or len(line) > 160 or not DIGIT.search(line):
        return None
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(line):
            dateline = _dateline_at(line, match)
            if dateline is not None:
                return dateline
    return None


def _dateline_at(line, match):
    before, after = line[: match.start()], line[match.end():]
    hour_minute, second = None, 0
    if time := TIME.match(after):
        hour, minute = int(time["hour"]), int(time["minute"])
        meridiem = (time["meridiem"] or "").replace(".", "").lower()
        if meridiem and 1 <= hour <= 12:
            hour = hour % 12 + (12 if meridiem == "pm" else 0)
        hour_minute, second = (hour, minute), int(time["second"] or 0)
        after = after[time.end():]
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    source = _source_around(before, after, yearless=year is None)
    if source is None:
        return None
    month_first = None
    if groups.get("first"):
        first, second_number = int(groups["first"]), int(groups["second"])
        month, day = second_number, first
        if second_number > 12 >= first:
            month, day = first, second_number
        elif first <= 12 and first != second_number:
            month_first = (first, second_number)
    elif groups.get("month_name"):
        month, day = MONTHS[groups["month_name"].lower()], int(groups["day"])
    else:
        month, day = int(groups["month"]), int(groups["day"])
    try:
        datetime(year or 2000, month, day)
    except ValueError:
        raise StoryFormatError(f"impossible date: '{line}' is not a real date") from None
    if hour_minute is not None and not (hour_minute[0] <= 23 and hour_minute[1] <= 59 and second <= 59):
        raise StoryFormatError(f"impossible time: '{line}' is not a real time of day")
    return Dateline(line, year, month, day, hour_minute, source, month_first)


def _source_around(before, after, *, yearless):
    """What stands around a date, when the line is a date line: "" or the source it names
    ("Source: X | 2023-07-11", "Chinese Embassy, 18 November 2019"); None for prose."""
    before = " ".join(WEEKDAY.sub(" ", before).split())
    label = DATE_LABEL.search(before)
    if label:
        before = before[: label.start()]
    # Set off from the date by a comma, a bar or a dash, not run into it as in "Talks on".
    separated = bool(label) or bool(re.search(r"[,|｜–—:-]$", before))
    before = before.strip(SEPARATORS)
    after = " ".join(after.split()).strip(SEPARATORS)
    if after and (TIME_ZONE.match(after) or is_navigation(after) or META_LINE.match(after)):
        after = ""
    sources = []
    for text, may_be_bare in ((before, separated), (after, True)):
        if not text:
            continue
        source = source_of(text) or (text if may_be_bare and _is_name_like(text) else "")
        if not source or yearless:
            # A month and day with words around them is a sentence or a headline.
            return None
        sources.append(source)
    return sources[0][:MAX_SOURCE_LENGTH] if sources else ""


def _is_name_like(text):
    return 0 < len(text.split()) <= 10 and not SENTENCE_END.search(text) or bool(ABBREVIATION_END.search(text))


def address_date(url: str):
    """(year, month, day) from a web address that carries the publication date, or None."""
    for pattern in ADDRESS_DATES:
        if match := pattern.search(url):
            try:
                return date(int(match["year"]), int(match["month"]), int(match["day"]))
            except ValueError:
                continue
    return None


def address_month(url: str):
    """(year, month) of the publication, from a web address that carries it, or None."""
    if day := address_date(url):
        return day.year, day.month
    for pattern in ADDRESS_MONTHS:
        if match := pattern.search(url):
            return int(match["year"]), int(match["month"])
    return None


def parse_date(text: str):
    """(published_at, has_time) for a date typed by an editor, in any form a story's date
    line may take; None when it is not a date. Raises StoryFormatError when impossible."""
    dateline = read_dateline(" ".join(text.split()))
    if dateline is None or dateline.year is None or dateline.source:
        return None
    return dateline.resolve()


# --- Page furniture, breadcrumbs and sources -----------------------------------------------

BRACKETED_ITEM = re.compile(r"[【\[<〔«]\s*([^】\]>〕»]{1,40}?)\s*[】\]>〕»]")
LINK_SEPARATOR = re.compile(r"\s*(?:[|｜¦]|\s[·•]\s)\s*")
# Things a page lets you do with a story, as its links say them.
ACTION = re.compile(
    r"^(?:print(?:\s+(?:this\s+)?(?:page|article|story|version))?|printer[- ]friendly(?:\s+version)?|close(?:\s+window)?"
    r"|share(?:\s+(?:this|it|on\s+\w+)(?:\s+(?:page|article|story))?)?|e-?mail(?:\s+(?:this|it)(?:\s+(?:page|article|story))?)?"
    r"|(?:go\s+)?(?:back|return)(?:\s+to\s+(?:top|the\s+top|previous\s+page|list))?|(?:go\s+)?to\s+top|top|↑\s*top|top\s*↑"
    r"|bookmark|favou?rites?|download(?:\s+pdf)?|rss|font(?:\s+size)?|text\s+size|large|medium|small|larger|smaller|(?:a[+-]?\s*){2,}"
    r"|facebook|twitter|linkedin|whatsapp|weibo|wechat|telegram|copy\s+link"
    r"|skip\s+to\s+(?:main\s+)?content|search|menu|home|print\s*/\s*close|打印|关闭|分享|返回顶部)$",
    re.IGNORECASE,
)
FRIEND = re.compile(r"^(?P<verb>[a-z-]+)\s+(?:this\s+)?(?:to|with)\s+(?:a\s+)?friends?$", re.IGNORECASE)
LANGUAGE_NAMES = frozenset({
    "english", "eng", "en", "中文", "简体中文", "繁體中文", "简体", "繁體", "chinese", "chn", "cn", "zh", "français",
    "francais", "french", "fr", "español", "espanol", "spanish", "es", "esp", "русский", "russian", "ru", "rus",
    "العربية", "عربي", "arabic", "ar", "deutsch", "german", "de", "português", "portugues", "portuguese", "pt",
    "日本語", "japanese", "ja", "jp", "한국어", "korean", "ko", "italiano", "it", "türkçe", "tr", "bahasa",
    "bahasa indonesia", "bahasa melayu", "tiếng việt", "ไทย", "हिन्दी", "hindi", "فارسی", "اردو", "kiswahili",
})
# Where a page's footer starts: it and all below it go.
FOOTER_START = re.compile(r"^(?:copyright\b|©|\(c\)\s|all\s+rights\s+reserved)|\bICP\b.*\d", re.IGNORECASE)
# The footer's own links, dropped when they are the last lines.
FOOTER_LINK = re.compile(
    r"^(?:contact\s+us|site\s*map|privacy(?:\s+policy)?|terms\s+of\s+(?:use|service)|disclaimer|accessibility"
    r"|feedback|web\s+policy)$",
    re.IGNORECASE,
)
# The head of a list of other stories: it and all below it go.
RELATED = re.compile(
    r"^(?:related|more|latest|recommended|other|further|see\s+also|also\s+read|read\s+(?:more|also)|you\s+may\s+also\s+like)"
    r"(?:\s+(?:news|stories|articles|links|reading|items|content|posts|releases|press\s+releases|reports|information))?\s*[:：]?$",
    re.IGNORECASE,
)
# Lines of the page that describe the story rather than tell it.
META_LINE = re.compile(
    r"^[\[(【]?\s*(?:(?:responsible\s+)?editors?|author|writer|reporter|photo|photos|views|hits|clicks|visits|read|font\s+size"
    r"|text\s+size|share\s+to|share\s+on|share\s+this)\s*[:：]", re.IGNORECASE
)
BREADCRUMB_LEAD = re.compile(
    r"^(?:you\s+are\s+here|current\s+(?:location|position|page)|location|position|当前位置|您的位置)\s*[:：]\s*", re.IGNORECASE
)
HOME_CRUMB = re.compile(r"^(?:home(?:\s*page)?|main(?:\s+page)?|首页)\s*(?:[>»›→/]|$)", re.IGNORECASE)
CRUMB_SEPARATOR = re.compile(r"\s*[>»›→]\s*|\s+/\s+|\s*/\s*(?=\S)")
LOOSE_CRUMB_SEPARATOR = re.compile(r"[>»›]")
SOURCE_LINE = re.compile(
    r"^(?:[(（\[【]\s*(?:source|from|via)\s*[:：]?\s*(?P<bracketed>[^()（）\[\]【】]+?)\s*[)）\]】]"
    r"|(?:source|from|via)\s*[:：]\s*(?P<labelled>.+?))$",
    re.IGNORECASE,
)


def is_navigation(line: str) -> bool:
    """A line of page furniture: a menu, a language bar, a print/close/share link."""
    if not line or len(line) > 200:
        return False
    if _is_action(line):
        return True
    items = [item for item in LINK_SEPARATOR.split(line) if item.strip(" :")]
    bracketed = BRACKETED_ITEM.findall(line)
    if bracketed and not BRACKETED_ITEM.sub("", line).strip(" |:·•"):
        # [Print] [Close], 【打印】【关闭】, <Suggest To A Friend>
        return all(_is_action(item) or _is_link_word(item) and len(bracketed) > 1 for item in bracketed)
    if len(items) >= 2 and all(_is_action(item) or item.casefold().strip() in LANGUAGE_NAMES for item in items):
        return True
    if len(items) >= 3 and all(_is_link_word(item) for item in items):
        return True
    words = line.replace("|", " ").split()
    # Language bars and share buttons without separators: "中文 English Français", "Share Facebook Twitter X".
    return len(words) >= 2 and all(
        word.casefold().strip(",:") in LANGUAGE_NAMES or ACTION.match(word.strip(",:")) or word in {"X", "x"}
        for word in words
    )


def _is_action(text):
    text = " ".join(text.split()).strip(" :：*»›>«<[]【】")
    if ACTION.match(text):
        return True
    if friend := FRIEND.match(text):
        verb = friend["verb"].casefold()
        return verb in {"send", "email", "e-mail", "mail", "forward", "share", "recommend", "tell"} or (
            SequenceMatcher(None, verb, "suggest").ratio() >= 0.7
        )
    return text.casefold() in {"tell a friend", "email a friend", "e-mail a friend"}


def _is_link_word(item):
    item = item.strip()
    words = item.split()
    return 0 < len(words) <= 5 and len(item) <= 40 and not re.search(r"[.,;!?。]$", item) and not item[:1].isdigit()


def source_of(line: str) -> str:
    """The source a line names ("Source: Embassy of India, Tokyo", "(From Chinese Embassy
    in Singapore)"), or ""."""
    match = SOURCE_LINE.match(line)
    if not match:
        return ""
    source = (match["bracketed"] or match["labelled"]).strip(" .")
    return source if 0 < len(source.split()) <= 12 and len(source) <= MAX_SOURCE_LENGTH else ""


def breadcrumb_section(line: str, title: str = "") -> str | None:
    """The section a breadcrumb line files the story under ("" for "Home" alone), or None
    when the line is no breadcrumb."""
    lead = BREADCRUMB_LEAD.match(line)
    rest = line[lead.end():] if lead else line
    if not (lead or HOME_CRUMB.match(rest)):
        return None
    crumbs = [crumb.strip() for crumb in CRUMB_SEPARATOR.split(rest) if crumb.strip()]
    if crumbs and SENTENCE_END.search(crumbs[-1]) and not lead:
        return None  # a sentence that happens to start with "Home >"
    if len(crumbs) > 1 and title and _same_as_title(crumbs[-1], title):
        crumbs.pop()
    if not crumbs or len(crumbs) == 1 and HOME_CRUMB.match(crumbs[0]):
        return ""
    return crumbs[-1]


def _same_as_title(crumb, title):
    crumb, title = crumb.casefold(), title.casefold()
    stem = crumb.rstrip(".…").rstrip()
    # The title itself, or shortened: "Foreign Minister Meets…", "Consulate General Hosts Reception".
    return crumb == title or title.startswith(stem) and (crumb != stem or len(stem.split()) >= 3)


def _is_furniture(line):
    return is_navigation(line) or bool(META_LINE.match(line) or FOOTER_LINK.match(line))


# --- Reading a story ----------------------------------------------------------------------

# How many lines of the page may stand above the title before the story is given up on:
# a pasted page's site name and vertical menus.
MAX_LINES_ABOVE_TITLE = 12


def parse_story(raw: bytes, *, source_url: str = "", date: date | datetime | None = None) -> Story:
    """Parse the bytes of a story file, raising StoryFormatError for anything unusable.

    `source_url` is where the story was published, `date` the date given with it (a
    `date`, or a `datetime` when the time is known): each is used when the text has no
    date, in that order.
    """
    return parse_text(_decode(raw), source_url=source_url, date=date)


def parse_text(text: str, *, source_url: str = "", date: date | datetime | None = None) -> Story:
    lines = _clean_lines(text)
    if not any(lines):
        raise StoryFormatError("empty file: there is no text in it")
    return _Reader(lines, source_url, date).story()


class _Reader:
    """One pass over a story's lines: the header, the tail, then the date from wherever it is."""

    def __init__(self, lines, source_url, given_date):
        self.lines = lines
        self.source_url = source_url
        self.given_date = given_date
        self.breadcrumb = None
        self.section = ""
        self.source = ""
        self.dateline = None
        self.first_after_title = None

    def story(self):
        title_at, body_start = self.read_header()
        title = self.lines[title_at]
        body_lines = self.read_tail(self.lines[body_start:])
        published_at, has_time, dated_by = self.date()
        # Blank lines separate paragraphs; the lines of a hard-wrapped paragraph are rejoined.
        paragraphs = tuple(
            paragraph.replace("\n", " ")
            for paragraph in PARAGRAPH_BREAK.split("\n".join(body_lines).strip("\n"))
            if paragraph
        )
        if not paragraphs:
            raise StoryFormatError("no paragraphs: the story has a title and a date but no text")
        return Story(title, published_at, paragraphs, self.section, has_time, self.source, self.source_url, dated_by)

    def take_source(self, source):
        self.source = self.source or source

    def take_date(self, dateline):
        # The first date line found is the story's; a full date still beats one without a year.
        if self.dateline is None or self.dateline.year is None and dateline.year is not None:
            self.dateline = dateline
            self.take_source(dateline.source)

    def read_header(self):
        """(index of the title, index where the body starts), noting the section, source and
        date lines on the way."""
        lines = self.lines
        # The lines that may be the title, a section or the page's own name and menus:
        # everything down to the first date line that is not furniture, a breadcrumb or a source.
        candidates, date_at, found = [], None, None
        for position, line in enumerate(lines):
            if not line or _is_furniture(line):
                continue
            if breadcrumb_section(line) is not None and all(_is_header_line(lines[index]) for index in candidates):
                # Whatever stands above a breadcrumb is the page's, not the story's.
                self.breadcrumb, candidates = line, []
                continue
            # Above the title only a plain date line is one: "Department Press Briefing -
            # August 15, 2024" is a headline, whereas under it "Chinese Embassy, 18 November
            # 2019" says who published it and when.
            dateline = read_dateline(line)
            if dateline and (candidates or not dateline.source or SOURCE_LINE.match(line)):
                date_at, found = position, dateline
                if candidates:
                    break
                self.take_date(dateline)  # above the title
                continue
            if source := source_of(line):
                self.take_source(source)
                continue
            candidates.append(position)
            if date_at is not None or len(candidates) > MAX_LINES_ABOVE_TITLE:
                break
        if not candidates:
            raise StoryFormatError("no title: the story must start with a title line")

        title_at = candidates[0]
        if date_at is not None and date_at > candidates[-1]:
            # The title stands right above its date. A single line above the title says
            # where the story is filed ("Events", "World > Africa"); more are the page's.
            *above, last = candidates
            if not above or _is_title_like(lines[last]) and all(_is_header_line(lines[index]) for index in above):
                title_at = last
                self.take_date(found)
                if len(above) == 1 and self.breadcrumb is None:
                    self.section = LOOSE_CRUMB_SEPARATOR.split(lines[above[0]])[-1].strip()
        if self.breadcrumb is not None:
            self.section = breadcrumb_section(self.breadcrumb, lines[title_at])
        self.check_lengths(lines[title_at])

        # Under the title: its date, its source and the page's print and share links.
        position = title_at + 1
        while position < len(lines):
            line = lines[position]
            if line and not _is_furniture(line):
                if dateline := read_dateline(line):
                    self.take_date(dateline)
                elif source := source_of(line):
                    self.take_source(source)
                else:
                    self.first_after_title = line
                    break
            position += 1
        return title_at, position

    def check_lengths(self, title):
        if len(title) > MAX_TITLE_LENGTH:
            raise StoryFormatError(
                f"title too long: {len(title)} characters, the most a headline may have is {MAX_TITLE_LENGTH}"
            )
        if len(self.section) > MAX_SECTION_LENGTH:
            raise StoryFormatError(
                f"section name too long: {len(self.section)} characters, the most is {MAX_SECTION_LENGTH}"
            )

    def read_tail(self, body_lines):
        """The story's lines without what the page put below it, noting a date or source
        line found there."""
        lines = list(body_lines)
        # A list of other stories, or the page's footer, and all below it.
        for position, line in enumerate(lines):
            if position and (RELATED.match(line) or FOOTER_START.match(line)):
                del lines[position:]
                break
        while lines:
            line = lines[-1]
            if not line or _is_furniture(line) or BOILERPLATE.match(line):
                lines.pop()
            elif self.dateline is None and (dateline := read_dateline(line)):
                # The date below the story, when there was none under the title; with one
                # there, a closing "Wisma Putra, Putrajaya, 22 August 2024" is the story's own.
                self.take_date(dateline)
                lines.pop()
            elif source := source_of(line):
                self.take_source(source)
                lines.pop()
            else:
                break
        # Bars of links have no place inside the story either; single words such as
        # "Close" may be the story's own.
        return [line for line in lines if not (_is_bar(line) or FRIEND_LINE.match(line))]

    def date(self):
        """(published_at, has_time, dated_by): from the text, else the address, else as given."""
        month = address_month(self.source_url) if self.source_url else None
        if self.dateline is not None and (self.dateline.year is not None or month):
            return (*self.dateline.resolve(month), DATED_BY_TEXT)
        if self.source_url and (day := address_date(self.source_url)):
            return datetime(day.year, day.month, day.day), False, DATED_BY_ADDRESS
        if self.given_date is not None:
            if isinstance(self.given_date, datetime):
                return self.given_date.replace(second=0, microsecond=0, tzinfo=None), True, DATED_BY_GIVEN
            given = self.given_date
            return datetime(given.year, given.month, given.day), False, DATED_BY_GIVEN
        if self.dateline is not None:
            raise StoryFormatError(
                f"no date: '{_shorten(self.dateline.line)}' has no year, and there is neither a source URL "
                "with the year in it nor a date given with the story"
            )
        found = f"found '{_shorten(self.first_after_title)}'" if self.first_after_title else "found nothing"
        raise StoryFormatError(
            f"no date: expected a line like '{DATE_EXAMPLE}' after the title, {found}; "
            "a source URL with the date in it, or a date given with the story, would do too"
        )


# Trailing lines the archive's old pages left under their stories.
BOILERPLATE = re.compile(r"^(?:<\s*suggest to a friend\s*>|suggest to a friend|\[print\]|<print>|close)$", re.IGNORECASE)
FRIEND_LINE = re.compile(r"^\W*s\w{4,7}\s+to\s+(?:a\s+)?friends?\W*$", re.IGNORECASE)


def _is_bar(line):
    # Prose is longer than any bar: most of a story's lines end here.
    if len(line) > 200 or not any(mark in line for mark in "|｜¦·•]】>»〕"):
        return False
    return bool(LINK_SEPARATOR.search(line) or len(BRACKETED_ITEM.findall(line)) > 1) and is_navigation(line)


def _is_title_like(line):
    return len(line) <= MAX_TITLE_LENGTH and not (SENTENCE_END.search(line) and line.endswith(".") and len(line.split()) > 3)


def _is_header_line(line):
    """A line that may stand above a title: a section's or a site's name, a menu item."""
    return len(line) <= MAX_SECTION_LENGTH * 2 and not SENTENCE_END.search(line)


def read_story(stream: BinaryIO, *, source_url: str = "", date=None) -> Story:
    """Parse a story from an open binary file, never reading more than a story may hold."""
    return parse_story(stream.read(MAX_STORY_BYTES + 1), source_url=source_url, date=date)


def render_story(story: Story) -> str:
    """The canonical text form of a story, which parse_story reads back unchanged."""
    dateline = story.published_at.strftime("%Y-%m-%d %H:%M" if story.has_time else "%Y-%m-%d")
    if story.source:
        dateline += f"\nSource: {story.source}"
    header = f"Home > {story.section}\n{story.title}" if story.section else story.title
    return "\n\n".join((header, dateline, *story.paragraphs)) + "\n"


def decode(raw: bytes) -> str:
    """The text of a story file's bytes, refusing what is too large, binary or not UTF-8."""
    return _decode(raw)


def _decode(raw: bytes) -> str:
    if len(raw) > MAX_STORY_BYTES:
        raise StoryFormatError(
            f"too large: over {MAX_STORY_BYTES:,} bytes, the most a story may have"
        )
    for signature, kind in BINARY_SIGNATURES.items():
        if raw.startswith(signature):
            raise StoryFormatError(f"binary file, not text: it looks like {kind}")
    if raw.startswith(UTF16_BOMS):
        raise StoryFormatError("not UTF-8 text (the file is UTF-16; save it as UTF-8)")
    if raw.count(0) > len(raw) * MAX_NUL_SHARE:
        raise StoryFormatError("binary file, not text: too many NUL bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise StoryFormatError(
            f"not UTF-8 text (invalid byte 0x{raw[error.start]:02x} at offset {error.start})"
        ) from None
    return text.removeprefix(UTF8_BOM)


def _clean_lines(text: str) -> list[str]:
    """Split into lines with whitespace (tabs, non-breaking spaces, runs) made single spaces."""
    text = CONTROL_CHARACTERS.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    return [" ".join(line.split()) for line in text.split("\n")]


def _shorten(line: str) -> str:
    return line if len(line) <= QUOTED_LENGTH else line[: QUOTED_LENGTH - 1].rstrip() + "…"
