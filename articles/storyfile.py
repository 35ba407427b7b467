"""Read and write the plain-text story format that wire stories arrive in.

A story file looks like this (the breadcrumb and the trailing boilerplate are optional)::

    Home > China News
    Pakistani President Arif Alvi Meets with Qin Gang

    2023-05-06 15:34

    First paragraph, possibly hard-wrapped
    over several lines.

    Second paragraph.

    <Suggest To A Friend>

This module imports nothing from Django so the importer, the benchmarks and the tests
can use it on their own.
"""

import re
from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO

from .dates import FIRST_YEAR, LAST_YEAR

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
# The longest headline and section name the newsroom stores (Article.title, Section.name).
MAX_TITLE_LENGTH = 300
MAX_SECTION_LENGTH = 100

UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
UTF8_BOM = "\ufeff"

# A few stray NULs in a story are debris and get removed; text where more than one
# byte in ten is NUL is not a story at all.
MAX_NUL_SHARE = 0.1

# Last lines of the old site's pages that are not part of the story.
BOILERPLATE_LINES = frozenset({
    "<suggest to a friend>",
    "suggest to a friend",
    "[print]",
    "<print>",
    "close",
})

# C0 and C1 control characters except tab, newline and carriage return: they break
# XML feeds, and PostgreSQL rejects NUL in text.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
BREADCRUMB = re.compile(r"Home\s*[>»›]")
CRUMB_SEPARATOR = re.compile(r"[>»›]")
PARAGRAPH_BREAK = re.compile(r"\n{2,}")

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
MONTH_NAME = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# The date forms seen in the archive, and no others: "2023-05-06 15:34[:20]",
# "2023-05-06", "May 6, 2023" and "6 May 2023".
ISO_DATE = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
    r"(?: (?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?"
)
MONTH_DAY_YEAR = re.compile(MONTH_NAME + r" (?P<day>\d{1,2}),? (?P<year>\d{4})", re.IGNORECASE)
DAY_MONTH_YEAR = re.compile(r"(?P<day>\d{1,2}) " + MONTH_NAME + r" (?P<year>\d{4})", re.IGNORECASE)
DATE_EXAMPLE = "2023-05-06 15:34"
QUOTED_LENGTH = 40


class StoryFormatError(ValueError):
    """A story file that cannot be imported; the message is meant for an editor."""


@dataclass(frozen=True)
class Story:
    title: str
    published_at: datetime  # naive, in the newsroom's local time; the caller makes it aware
    paragraphs: tuple[str, ...]
    section: str = ""  # from the breadcrumb, "" when absent
    has_time: bool = True  # False for date-only lines ("2023-05-06", "May 6, 2023")

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


def parse_story(raw: bytes) -> Story:
    """Parse the bytes of a story file, raising StoryFormatError for anything unusable."""
    lines = _clean_lines(_decode(raw))
    if not any(lines):
        raise StoryFormatError("empty file: there is no text in it")

    # Header: an optional line saying where the story was filed, title, date, each a
    # single non-blank line. The filing line is a breadcrumb ("Home > China News",
    # "World > Africa": the last crumb is the section) or a bare section ("Events"); it is
    # told from the title by what follows: a title is followed by the date.
    position = _next_text_line(lines, 0)
    section = ""
    title_line = _next_text_line(lines, position + 1)
    date_line = _next_text_line(lines, title_line + 1) if title_line < len(lines) else len(lines)
    if (
        date_line < len(lines)
        and not _parse_date(lines[title_line])
        and _parse_date(lines[date_line])
        or BREADCRUMB.match(lines[position])
    ):
        section = CRUMB_SEPARATOR.split(lines[position])[-1].strip()
        position = title_line
    if position == len(lines) or _parse_date(lines[position]):
        raise StoryFormatError("no title: the story must start with a title line")
    title = lines[position]
    if len(title) > MAX_TITLE_LENGTH:
        raise StoryFormatError(
            f"title too long: {len(title)} characters, the most a headline may have is {MAX_TITLE_LENGTH}"
        )
    if len(section) > MAX_SECTION_LENGTH:
        raise StoryFormatError(
            f"section name too long: {len(section)} characters, the most is {MAX_SECTION_LENGTH}"
        )

    position = _next_text_line(lines, position + 1)
    if position == len(lines):
        raise StoryFormatError(
            f"no date: expected a line like '{DATE_EXAMPLE}' after the title, found nothing"
        )
    dateline = _parse_date(lines[position])
    if dateline is None:
        raise StoryFormatError(
            f"no date: expected a line like '{DATE_EXAMPLE}' after the title, "
            f"found '{_shorten(lines[position])}'"
        )
    published_at, has_time = dateline

    body_lines = lines[position + 1:]
    while body_lines and (not body_lines[-1] or body_lines[-1].casefold() in BOILERPLATE_LINES):
        body_lines.pop()
    # Blank lines separate paragraphs; the lines of a hard-wrapped paragraph are rejoined.
    paragraphs = tuple(
        paragraph.replace("\n", " ")
        for paragraph in PARAGRAPH_BREAK.split("\n".join(body_lines).strip("\n"))
        if paragraph
    )
    if not paragraphs:
        raise StoryFormatError("no paragraphs: the story has a title and a date but no text")
    return Story(title, published_at, paragraphs, section, has_time)


def read_story(stream: BinaryIO) -> Story:
    """Parse a story from an open binary file, never reading more than a story may hold."""
    return parse_story(stream.read(MAX_STORY_BYTES + 1))


def render_story(story: Story) -> str:
    """The canonical text form of a story, which parse_story reads back unchanged."""
    dateline = story.published_at.strftime("%Y-%m-%d %H:%M" if story.has_time else "%Y-%m-%d")
    header = f"Home > {story.section}\n{story.title}" if story.section else story.title
    return "\n\n".join((header, dateline, *story.paragraphs)) + "\n"


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


def _next_text_line(lines: list[str], start: int) -> int:
    """Index of the first non-blank line from start, or len(lines) when there is none."""
    for position in range(start, len(lines)):
        if lines[position]:
            return position
    return len(lines)


def _parse_date(line: str) -> tuple[datetime, bool] | None:
    """(published_at, has_time) for a date line, None when the line is not a date at all."""
    if match := ISO_DATE.fullmatch(line):
        year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
    elif match := MONTH_DAY_YEAR.fullmatch(line) or DAY_MONTH_YEAR.fullmatch(line):
        year, month, day = int(match["year"]), MONTHS[match["month"].lower()], int(match["day"])
    else:
        return None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise StoryFormatError(
            f"date out of range: '{line}'; the newsroom keeps stories dated from the year {FIRST_YEAR} to {LAST_YEAR}"
        )
    try:
        published_on = datetime(year, month, day)
    except ValueError:
        raise StoryFormatError(f"impossible date: '{line}' is not a real date") from None
    if match.groupdict().get("hour") is None:
        return published_on, False
    try:
        published_at = published_on.replace(
            hour=int(match["hour"]), minute=int(match["minute"]), second=int(match["second"] or 0)
        )
    except ValueError:
        raise StoryFormatError(f"impossible time: '{line}' is not a real time of day") from None
    # Seconds are checked but dropped: the newsroom publishes to the minute, and the
    # canonical form that render_story writes has no seconds.
    return published_at.replace(second=0), True


def _shorten(line: str) -> str:
    return line if len(line) <= QUOTED_LENGTH else line[: QUOTED_LENGTH - 1].rstrip() + "…"
