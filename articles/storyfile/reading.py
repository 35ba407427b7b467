"""Reading a story's lines into a Story, and writing one back."""

import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import BinaryIO

from .common import MAX_SECTION_LENGTH, MAX_TITLE_LENGTH, SENTENCE_END, StoryFormatError
from ..dates import YEARS, is_kept
from .dates import UPDATE_NOTE, address_date, address_month, headline_date, lead_dateline, read_dateline
from .furniture import (
    BRACKETED_ITEM, CRUMB_SEPARATOR, FOOTER_START, LINK_SEPARATOR, LOOSE_CRUMB_SEPARATOR, RELATED, RELEASE_LABEL,
    SITE_MENU, SOURCE_LINE,
    breadcrumb_section, is_arrow_trail, is_furniture, is_navigation, source_of,
)

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
QUOTED_LENGTH = 40

# Where a story's date came from.
DATED_BY_TEXT = "text"
DATED_BY_ADDRESS = "address"
DATED_BY_GIVEN = "given"


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


# How many lines of the page may stand above the title before the story is given up on:
# a pasted page's site name and vertical menus.
MAX_LINES_ABOVE_TITLE = 12
# How many lines of signature blocks may stand under a communiqué's date: two or three
# signatories' "For the Republic of ...", name and office.
MAX_SIGNATURE_LINES = 12
# Two lines without a full stop may be one sentence wrapped; three or more, of a phrase
# each, are a list of headings.
MIN_LIST_LINES = 3
MIN_HEADING_WORDS = 4
# A section's name above a date ("Politics", "Latest News"), shorter than any headline.
MAX_SECTION_WORDS = 2
# A line of a header ending in a word no headline ends with is wrapped onto the next line.
WRAPPED_LINE_END = re.compile(r"\s(?:and|or|of|on|in|for|to|with|at|by|the|from|between|&)$", re.IGNORECASE)


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
        self.site_menu = None
        self.section = ""
        self.source = ""
        self.dateline = None
        self.first_after_title = None
        self.title = ""

    def story(self):
        body_start = self.read_header()
        title = self.title
        body_lines = self.without_metadata_under_standfirst(self.read_tail(self.lines[body_start:]))
        if self.dateline is None:
            self.dateline = headline_date(title)
        if self.dateline is None:
            # "BEIJING, March 5 (Xinhua) -- ...": the dateline of the first paragraph.
            self.dateline = lead_dateline(next((line for line in body_lines if line), ""))
        published_at, has_time, dated_by = self.date()
        # Blank lines separate paragraphs; the lines of a hard-wrapped paragraph are rejoined,
        # but not those of a list of headings such as a briefing's contents.
        paragraphs = tuple(
            paragraph
            for block in PARAGRAPH_BREAK.split("\n".join(body_lines).strip("\n")) if block
            for paragraph in (block.split("\n") if _is_list(block) else (block.replace("\n", " "),))
        )
        if not paragraphs:
            raise StoryFormatError("no paragraphs: the story has a title and a date but no text")
        return Story(title, published_at, paragraphs, self.section, has_time, self.source, self.source_url, dated_by)

    def take_source(self, source):
        self.source = self.source or source

    def take_source_line(self, source):
        """"Source: Embassy of India" names the source; "Source: https://..." gives the page's
        address, when none was given with the story (its date may be in it)."""
        if ADDRESS.match(source):
            self.source_url = self.source_url or source
        else:
            self.take_source(source)

    def headline_above_metadata(self, candidates):
        """The headline among the lines above the date, when lines of the page's own stand
        between them: under a breadcrumb or a site's menu, the first line that is neither one of
        its items again ("DIPLOMACY") nor a release's label ("Readout", "Press Release No. 45");
        without one, the line before the first blank line, when all above the date are short
        lines of a header."""
        lines = self.lines
        # A site's menu ("Home | Remarks and Highlights") marks the top of the story as a
        # breadcrumb does: under the headline may stand a speech's speaker, office and place.
        if self.breadcrumb is not None or self.site_menu is not None:
            trail, separator = (self.breadcrumb, LOOSE_CRUMB_SEPARATOR) if self.breadcrumb is not None \
                else (self.site_menu, LINK_SEPARATOR)
            crumbs = {crumb.strip().casefold() for crumb in separator.split(trail)}
            # Nor is the headline a trail from one of them: "Media Hub / News" under the menu's "Media Hub".
            headline = next((index for index in candidates if lines[index].casefold() not in crumbs
                             and CRUMB_SEPARATOR.split(lines[index], 1)[0].strip().casefold() not in crumbs
                             and not RELEASE_LABEL.match(lines[index])), None)
            after = [index for index in candidates if headline is not None and index > headline]
            return headline if all(_is_header_line(lines[index]) for index in after) else None
        before_blank = [index for index in candidates[:-1] if not lines[index + 1]]
        if not before_blank or not all(_is_header_line(lines[index]) for index in candidates):
            return None  # paragraphs: the date is under the story, not its headline
        return before_blank[0]

    def take_date(self, dateline):
        # The first date line found is the story's; a full date still beats one without a year,
        # and a publication date one the page printed as "Last updated" above it.
        if (self.dateline is None or self.dateline.year is None and dateline.year is not None
                or UPDATE_NOTE.match(self.dateline.line) and not UPDATE_NOTE.match(dateline.line)):
            self.dateline = dateline
            self.take_source(dateline.source)

    def read_header(self):
        """The index where the body starts, noting the title, section, source and date lines on
        the way."""
        lines = self.lines
        # The lines that may be the title, a section or the page's own name and menus:
        # everything down to the first date line that is not furniture, a breadcrumb or a source.
        candidates, date_at, found = [], None, None
        for position, line in enumerate(lines):
            if not line:
                continue
            # A byline of items between bars may hold the date: "By Admin | June 8, 2023 | News".
            if (is_furniture(line) or SITE_MENU.match(line)) and not read_dateline(line):
                if SITE_MENU.match(line) and all(_is_header_line(lines[index]) for index in candidates):
                    # "Home | About Us | News", "Home | Remarks and Highlights": what stands above
                    # the site's menu is the page's
                    self.site_menu, candidates = line, []
                continue
            if breadcrumb_section(line) is not None and all(_is_header_line(lines[index]) for index in candidates):
                # Whatever stands above a breadcrumb is the page's, not the story's.
                self.breadcrumb, candidates = line, []
                continue
            below = lines[position + 1] if position + 1 < len(lines) else ""
            if (is_arrow_trail(line) and below and _is_header_line(below) and not read_dateline(below)
                    and all(_is_header_line(lines[index]) for index in candidates)):
                # "Media Center > Media Briefings" right above a headline rather than a date: a
                # breadcrumb without its "Home", read as one with a lead; the site's name above
                # it is the page's.
                self.breadcrumb, candidates = BREADCRUMB_LEAD_TEXT + line, []
                continue
            if RELEASE_LABEL.match(line) and not candidates and (below or self.breadcrumb is not None):
                # "PRESS RELEASE" above the headline, or set apart under a breadcrumb ("Home > Press
                # Release", "Press Release", a blank line, the headline): the page's label, never the title
                continue
            if (source := source_of(line)) and ADDRESS.match(source):
                self.take_source_line(source)  # "Source: https://...": the page's address, not a date line
                continue
            # Above the title only a plain date line is one, or a byline with the date between
            # bars: "Department Press Briefing - August 15, 2024" is a headline, whereas under
            # it "Chinese Embassy, 18 November 2019" says who published it and when.
            dateline = read_dateline(line)
            if dateline and (candidates or not dateline.source or SOURCE_LINE.match(line)
                             or _dated_between_bars(line)):
                date_at, found = position, dateline
                if candidates:
                    break
                self.take_date(dateline)  # above the title
                continue
            if source := source_of(line):
                self.take_source_line(source)
                continue
            candidates.append(position)
            if date_at is not None or len(candidates) > MAX_LINES_ABOVE_TITLE:
                break
        if not candidates:
            raise StoryFormatError("no title: the story must start with a title line")

        title_at, body_from = candidates[0], None
        date_below = date_at is not None and date_at > candidates[-1]
        *above, last = candidates
        if date_below and _headline_below_label(lines, candidates, date_at):
            # "Press release", "12 November 2024", then the headline: the label and its date are
            # the page's header, and what stands above them the site's.
            title_at, body_from = date_at + 1, date_at + 2
            self.take_date(found)
        elif date_below and above and (headline := self.headline_above_metadata(candidates)) is not None:
            # What lies between the headline and the date is the page's: "Press Release
            # No. 87", "Media Statement", the ministers' names, a standfirst.
            title_at, body_from = headline, date_at + 1
            self.take_date(found)
            for line in lines[headline + 1:date_at]:
                if source := source_of(line):
                    self.take_source_line(source)
        elif date_below and (not above or _is_headline_over_date(lines, above, last, date_at)):
            # The title stands right above its date. A single line above the title says
            # where the story is filed ("Events", "World > Africa"); more are the page's.
            title_at = last
            self.take_date(found)
            if len(above) == 1 and self.breadcrumb is None:
                self.section = LOOSE_CRUMB_SEPARATOR.split(lines[above[0]])[-1].strip()
        elif self.breadcrumb is None and (headline := _headline_above_blank(lines, candidates)) is not None:
            # No date line under the title and no breadcrumb: of short lines run together above
            # the story's first paragraph ("Turkish Embassy in Tirana", then the headline), the
            # last is the headline. (Under a breadcrumb the first is, and any below it a standfirst.)
            title_at = headline
        self.title = lines[title_at]
        if title_at - 1 in candidates and WRAPPED_LINE_END.search(lines[title_at - 1]):
            # A headline the page wrapped: "... on Children and", "Armed Conflict: ...".
            self.title = f"{lines[title_at - 1]} {self.title}"
            if self.section and self.section in lines[title_at - 1]:
                self.section = ""
        if self.breadcrumb is not None:
            self.section = breadcrumb_section(self.breadcrumb, self.title)
        self.check_lengths(self.title)

        # Under the title: its date, its source and the page's print and share links.
        position = body_from or title_at + 1
        while position < len(lines):
            line = lines[position]
            dateline = read_dateline(line) if line else None
            if dateline or line and not is_furniture(line):
                if dateline:
                    self.take_date(dateline)
                elif source := source_of(line):
                    self.take_source_line(source)
                else:
                    self.first_after_title = line
                    break
            position += 1
        return position

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
        signed = False  # whether the lines above are the signature over a closing date
        while lines:
            line = lines[-1]
            if not line or is_furniture(line) or BOILERPLATE.match(line):
                signed = signed and bool(line)
                lines.pop()
            elif signed and line.isupper() and _is_header_line(line):
                lines.pop()  # "MINISTRY OF FOREIGN AFFAIRS", "SINGAPORE", then "7 MARCH 2025"
            elif UPDATE_NOTE.match(line) and read_dateline(line):
                lines.pop()  # "Last updated 14 March 2025": when the page changed, not when it was published
            elif self.dateline is None and (dateline := read_dateline(line)):
                # The date below the story, when there was none under the title; with one
                # there, a closing "Wisma Putra, Putrajaya, 22 August 2024" is the story's own.
                self.take_date(dateline)
                lines.pop()
                signed = True
            elif source := source_of(line):
                self.take_source_line(source)
                lines.pop()
            else:
                break
        if self.dateline is None:
            self.take_date_above_signatures(lines)
        # Bars of links have no place inside the story either; single words such as
        # "Close" may be the story's own.
        return [line for line in lines if not (_is_bar(line) or FRIEND_LINE.match(line))]

    def without_metadata_under_standfirst(self, lines):
        """The story's lines without the page's date and source lines run together under its
        first line, as GOV.UK prints a standfirst: "The Foreign Secretary spoke about ...",
        "From: Foreign Office", "Published 6 February 2025", "Delivered on: 5 February 2025"."""
        first_block_end = lines.index("") if "" in lines else len(lines)
        metadata = lines[1:first_block_end]
        if not metadata or not all(read_dateline(line) or source_of(line) for line in metadata):
            return lines
        for line in metadata:
            if dateline := read_dateline(line):
                self.take_date(dateline)
            else:
                self.take_source_line(source_of(line))
        return lines[:1] + lines[first_block_end:]

    def take_date_above_signatures(self, lines):
        """A communiqué's date stands above its signature blocks ("Done in Abidjan, on 25 October
        2023", then "For the Republic of Ghana", a name, an office): short lines, no sentences."""
        for line in lines[:-MAX_SIGNATURE_LINES - 1:-1]:
            if line and (dateline := read_dateline(line)):
                self.take_date(dateline)
                return
            if line and not _is_header_line(line):
                return

    def date(self):
        """(published_at, has_time, dated_by): from the text, else the address, else as given,
        and a date the newsroom can keep (articles/dates.py)."""
        published_at, has_time, dated_by = self.found_date()
        if not is_kept(published_at.year):
            stated = self.dateline.line if dated_by == DATED_BY_TEXT else f"{published_at:%Y-%m-%d}"
            raise StoryFormatError(f"date out of range: '{_shorten(stated)}'; the newsroom keeps stories dated {YEARS}")
        return published_at, has_time, dated_by

    def found_date(self):
        month = address_month(self.source_url) if self.source_url else None
        if self.dateline is not None and (self.dateline.year is not None or month):
            return (*self.dateline.resolve(month), DATED_BY_TEXT)
        if self.dateline is not None and (year := SOURCE_YEAR.search(self.source)):
            # "KUWAIT, Jan 14 (KUNA) -- ..." over "Source: Kuwait News Agency (KUNA), 2025"
            return (*replace(self.dateline, year=int(year["year"])).resolve(), DATED_BY_TEXT)
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


ADDRESS = re.compile(r"https?://\S+$", re.IGNORECASE)
# The year a source line ends with, which completes a dateline printed without one.
SOURCE_YEAR = re.compile(r",\s*(?P<year>(?:19|20)\d\d)$")
BREADCRUMB_LEAD_TEXT = "You are here: "
# Trailing lines the archive's old pages left under their stories, and rules ("* * * * *").
BOILERPLATE = re.compile(
    r"^(?:<\s*suggest to a friend\s*>|suggest to a friend|\[print\]|<print>|close|[*•·._=~\s-]{3,})$", re.IGNORECASE
)
FRIEND_LINE = re.compile(r"^\W*s\w{4,7}\s+to\s+(?:a\s+)?friends?\W*$", re.IGNORECASE)


def _is_bar(line):
    # Prose is longer than any bar: most of a story's lines end here.
    if len(line) > 200 or not any(mark in line for mark in "|｜¦·•]】>»〕"):
        return False
    return bool(LINK_SEPARATOR.search(line) or len(BRACKETED_ITEM.findall(line)) > 1) and is_navigation(line)


def _dated_between_bars(line):
    """Items between bars, one of them the date alone: "07.02.2025 | HR/VP Readout | Brussels"."""
    items = line.split("|")
    return len(items) > 1 and any((dateline := read_dateline(item.strip())) and not dateline.source for item in items)


def _headline_below_label(lines, candidates, date_at):
    """Whether the headline stands under the date, as Nordic ministries and news agencies print
    it: a release's label right above the date or beside it ("Press release | Date: 15/04/2024 |
    No: 052/24"), or a section's name under the site's ("MAP - Agence Marocaine de Presse",
    "Politics", "Tuesday 11 March 2025 - 18:42"), then a line of a headline's length and a blank
    line, maybe after a photo credit."""
    above_date = lines[candidates[-1]]
    labelled = RELEASE_LABEL.match(above_date) or any(
        RELEASE_LABEL.match(item.strip()) for item in lines[date_at].split("|"))
    filed = len(candidates) > 1 and len(above_date.split()) <= MAX_SECTION_WORDS
    if not (labelled or filed) or date_at + 2 >= len(lines):
        return False
    below = lines[date_at + 1]
    after = date_at + 2
    while after < len(lines) and lines[after] and is_furniture(lines[after]):
        after += 1
    return (bool(below) and after < len(lines) and not lines[after] and _is_title_like(below)
            and not SENTENCE_END.search(below) and not is_furniture(below))


def _headline_above_blank(lines, candidates):
    """The last of two or more header lines run together at the top, when prose follows it
    (after a blank line, the page's furniture such as "Views: 312", or straight away, as a
    wire's dateline paragraph does); None otherwise."""
    top = []
    for index in candidates:
        if top and index != top[-1] + 1 or not _is_header_line(lines[index]):
            break
        top.append(index)
    if len(top) < 2:
        return None
    after = top[-1] + 1
    while after < len(lines) and lines[after] and is_furniture(lines[after]):
        after += 1
    if after < len(lines) and not lines[after]:
        after += 1
    return top[-1] if after < len(lines) and SENTENCE_END.search(lines[after]) else None


def _is_headline_over_date(lines, above, last, date_at):
    """Whether the last line above the date is the headline, under the page's header lines. One
    that ends with a full stop ("Visit of ... to Brasília.") is still the headline when it runs
    straight from a release's label into the date: a standfirst would follow a headline instead."""
    if not all(_is_header_line(lines[index]) for index in above):
        return False
    return _is_title_like(lines[last]) or (
        all(lines[above[-1]:date_at]) and bool(RELEASE_LABEL.match(lines[above[-1]]))
        and len(lines[last]) <= MAX_TITLE_LENGTH)


def _is_list(block):
    """Headings, one a line ("Contents", then "Sergey Lavrov's talks with ..."): three or more
    lines, none ending a sentence, each after the first a phrase. A signature block ("Francisca
    Omayuli", "Spokesperson") has a name or an office of a word or three, read together."""
    lines = block.split("\n")
    return (len(lines) >= MIN_LIST_LINES and not any(SENTENCE_END.search(line) for line in lines)
            and all(len(line.split()) >= MIN_HEADING_WORDS for line in lines[1:]))


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
