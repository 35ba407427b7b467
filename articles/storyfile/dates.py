"""Date lines as pages print them, and dates in web addresses (see the package's docstring)."""

import re
from dataclasses import dataclass
from datetime import date, datetime

from .common import ABBREVIATION_END, DIGIT, MAX_SOURCE_LENGTH, SENTENCE_END, StoryFormatError
from .furniture import META_LINE, RELEASE_LABEL, is_navigation, source_of

# English, and the French, Spanish, Portuguese and German of ministries' other editions,
# so that a story in another language is imported with its date (and without extraction).
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan", "janvier", "enero", "janeiro", "januar"),
            ("february", "feb", "février", "fevrier", "febrero", "fevereiro", "februar"),
            ("march", "mar", "mars", "marzo", "março", "marco", "märz", "marz"),
            ("april", "apr", "avril", "abril"),
            ("may", "mai", "mayo", "maio"),
            ("june", "jun", "juin", "junio", "junho", "juni"),
            ("july", "jul", "juillet", "julio", "julho", "juli"),
            ("august", "aug", "août", "aout", "agosto"),
            ("september", "sep", "sept", "septembre", "septiembre", "setembro"),
            ("october", "oct", "octobre", "octubre", "outubro", "oktober"),
            ("november", "nov", "novembre", "noviembre", "novembro"),
            ("december", "dec", "décembre", "decembre", "diciembre", "dezembro", "dezember"),
        ],
        start=1,
    )
    for name in names
}
MONTH_NAME = r"(?P<month_name>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"
YEAR = r"(?P<year>[0-9]{4})\b"
# Each form on its own line or with a label, a source or a time around it (see DATE_LINE).
DATE_FORMS = [
    # 2023-05-06, 2022/03/15, 2023.07.11, 2023年7月11日; any year, so that one the newsroom
    # cannot keep (0001-01-01) is refused as such rather than not seen as a date.
    r"(?P<year>[0-9]{4})(?P<sep>[-/.])(?P<month>[0-9]{1,2})(?P=sep)(?P<day>[0-9]{1,2})(?![0-9])",
    r"(?P<year>(?:19|20)\d\d)\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日",
    # Colombia's "Mar. 12/25": a month's name, the day and two digits of the year
    MONTH_NAME + r"\s*" + DAY + r"/(?P<short_year>[0-9]{2})(?![0-9/])",
    # May 6, 2023; Sept. 12 2023; September 27 , 2019; May 6th, 2023; November 18 (no year)
    MONTH_NAME + r"\s*" + DAY + r"(?:\s*,?\s*" + YEAR + r")?",
    # 6 May 2023; 18th November, 2019; 6 May (no year)
    # ... and 3 de mayo de 2021, 5. März 2020
    DAY + r"(?:\.|\s+of|\s+de)?\s+" + MONTH_NAME + r"(?:\s*,?\s*(?:de\s+)?" + YEAR + r")?",
    # 12.04.2022, 12/04/2022, 04-13-2022: day first unless that is impossible (see above)
    r"(?P<first>\d{1,2})(?P<nsep>[-/.])(?P<second>\d{1,2})(?P=nsep)(?P<year>[0-9]{4})(?!\d)",
]
# A form's group names repeat, so each is its own pattern, tried in order.
DATE_PATTERNS = [re.compile(r"(?<![\w.])" + form, re.IGNORECASE) for form in DATE_FORMS]
TIME = re.compile(
    # "2023-05-06 15:34", "05.09.2024 | 11:20", Finland's "21.2.2024 16.05", Brazil's "04h30 PM".
    r"^(?:\s*(?:T|,|at|-|\|)?\s*)(?P<hour>\d{1,2})(?:[:：.]|h(?=\d))(?P<minute>\d{2})(?:[:：](?P<second>\d{2}))?"
    r"(?:\s*(?P<meridiem>[ap]\.?m\.?)(?![a-z]))?",
    re.IGNORECASE,
)
WEEKDAY = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?,?", re.IGNORECASE
)
# Words that say what the date is: not a source.
DATE_LABEL = re.compile(
    r"(?:^|(?<=[\s|,:]))(?:(?:last\s+)?(?:updated?|modified)(?:\s+(?:on|at))?|(?:publish(?:ed)?|post(?:ed)?|releas(?:ed?)"
    r"|issu(?:ed?))(?:\s+(?:on|at|date|time))?|(?:release|publication|issue|news)\s+date|date(?:d|\s+of\s+\w+)?|time"
    # The same labels in French, Spanish, Portuguese and German.
    r"|publié\s+le|mis\s+à\s+jour\s+le|publicado\s+(?:el|em)|actualizado\s+el|veröffentlicht\s+am|datum)"
    r"\s*[:：]?\s*$",
    re.IGNORECASE,
)
# The closing formula of a communiqué or treaty, a whole line: "Done in Abidjan, on 25 October 2023".
CLOSING_FORMULA = re.compile(r"^(?:done|signed|adopted)\s+(?:at|in)\s+[^,|]{1,40}?,?(?:\s+on)?$", re.IGNORECASE)
TIME_ZONE = re.compile(
    r"^[(\[]?(?:local\s+time|(?:beijing|bj|moscow|new\s+delhi|tokyo)\s+time|(?:gmt|utc)\s*[+-]?\s*\d{0,2}(?::?\d\d)?"
    r"|[A-Z]{2,4}T|IST|hrs?\.?)[)\]]?$",
    re.IGNORECASE,
)
# A later date printed beside or under the publication date: "- Updated 04/04/2025 10h12".
UPDATE_NOTE = re.compile(r"^(?:last\s+)?(?:updated?|modified)\b", re.IGNORECASE)
# A place before a bracketed date ("Bogotá (Mar. 12/25)."), unlike a headline ("Transcript of
# Weekly Media Briefing (December 19, 2024)").
MAX_PLACE_WORDS = 3
SEPARATORS = " ,|:;-–—/·•()[]【】"

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


# A wire service's or a ministry's dateline opening the first paragraph: "BEIJING, March 5
# (Xinhua) -- ...", "Riyadh, February 20, 2024, SPA -- ...", "ABU DHABI, 15th January, 2024
# (WAM) – ...", "Doha, May 14, 2024 (QNA) - ...": a place, a date, maybe an agency, then a dash
# (a hyphen only after an agency in brackets, where it cannot join two words).
LEAD_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w'’.]*(?:[ -][A-Z][\w'’.]*){0,3}(?:,\s*[A-Z][\w'’.]*(?: [A-Z][\w'’.]*){0,2})?),\s+"
    r"(?P<date>[^()\n]{4,32}?)"
    r"(?:\s*,?\s*(?:\((?P<bracketed>[^()]{1,30})\)|(?P<agency>[A-Z][A-Za-z.]{1,9})))?"
    r"\s*(?:--|[–—]|(?<=\)\s)-)\s+"
)


# The Hijri date the Saudi and Gulf agencies print before the Gregorian one: "Riyadh, Sha'ban 03,
# 1446, February 02, 2025, SPA -- ...". Years 1300 to 1499 of the Hijra are 1882 to 2076.
HIJRI_BEFORE_DATE = re.compile(r",\s*[A-Z][\w'’-]*(?:[ -][\w'’]+){0,2}\s+\d{1,2},?\s+1[34]\d\d(?:\s*A?H\b\.?)?(?=\s*,)")


def lead_dateline(paragraph: str) -> Dateline | None:
    """The date of a dateline that opens the story's first paragraph, when no line dates it."""
    if not paragraph or not DIGIT.search(paragraph[:80]):
        return None
    if HIJRI_BEFORE_DATE.search(paragraph, 0, 60):
        paragraph = HIJRI_BEFORE_DATE.sub("", paragraph[:100], count=1) + paragraph[100:]
    if not (match := LEAD_DATELINE.match(paragraph)):
        return None
    stated = " ".join(WEEKDAY.sub(" ", match["date"]).split())
    for pattern in DATE_PATTERNS:
        if (found := pattern.fullmatch(stated)) is not None:
            return _dateline_at(stated, found)
    return None


def headline_date(title: str) -> Dateline | None:
    """The full date a headline prints among its words ("QA-18, 13 March 2025, Statement of the
    Spokesperson ..."), for a story no line of which is dated."""
    if not DIGIT.search(title):
        return None
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(title):
            if match.groupdict().get("year") and (dateline := read_dateline(match.group())):
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
    if groups.get("short_year"):
        year = 2000 + int(groups["short_year"])
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
    label = DATE_LABEL.search(before) or CLOSING_FORMULA.match(before)
    if label:
        before = before[: label.start()]
    # Set off from the date by a comma, a bar, a dash or a slash ("Doha / Information Office /
    # 17 February 2025"), not run into it as in "Talks on"; or a place with its date in
    # brackets: "Bogotá (Mar. 12/25)."
    bracketed = before.endswith("(") and after.strip(" .") == ")" and len(before.split()) <= MAX_PLACE_WORDS
    separated = bool(label) or bracketed or bool(re.search(r"[,|｜–—:/-]$", before))
    before = before.strip(SEPARATORS)
    if RELEASE_LABEL.match(before):
        before = ""  # "No: 27, 24 April 2024": the release's number, not who published it
    after = " ".join(after.split()).strip(SEPARATORS)
    if after == ".":
        after = ""  # a closing line's full stop: "London, 22 April 2024."
    if after and (TIME_ZONE.match(after) or is_navigation(after) or META_LINE.match(after)
                  or RELEASE_LABEL.match(after) or UPDATE_NOTE.match(after)):
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
    # A name may end in "Co." or "D.C.", but is never as long as a headline.
    return 0 < len(text.split()) <= 10 and (not SENTENCE_END.search(text) or bool(ABBREVIATION_END.search(text)))


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
