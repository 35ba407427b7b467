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
  "You are here: Home > Media Center", and a trail without "Home" ("Media Center > Media
  Briefings") right above a headline; the last crumb (unless it repeats the title) is the
  section. A single line above the title and its date, such as "Events", is a section too.
- **Release labels** such as "Readout", "Press Release No. 45/2024" or "No: 27" above or
  below the headline are the page's, never the title or a source; under a label and its date
  ("Press release", "12 November 2024") stands the headline.
- **Headlines** stand under the site's lines: right above the date (even ending in a full
  stop, straight under a release label), under a section and its date ("Politics", "Tuesday
  11 March 2025 - 18:42"), or, with the date elsewhere, right above the first paragraph.
  Bylines and counters ("By Press Office", "2 min read", "Views: 312") are furniture, and a
  headline wrapped after "and", "of" or "on" is joined again.
- **Source lines** such as "(From Chinese Embassy in Singapore)", "Source: Embassy of India,
  Tokyo", "Posted by: Consulate General of India" or the "Chinese Embassy" of "Chinese
  Embassy, 18 November 2019" are the story's source, never its title.
- **Dates** in the forms of DATE_FORMS, with labels ("Updated:", "Date:", "Posted on"),
  weekdays, a time, odd spacing ("September 27 , 2019"), in brackets ("Bogotá (Mar. 12/25)."),
  between bars or slashes ("07.02.2025 | HR/VP Readout | Brussels"), either under the title or
  below the story (under its signature, "MINISTRY OF FOREIGN AFFAIRS", "SINGAPORE"), or above a
  communiqué's signature blocks ("Done in Abidjan, on 25 October 2023"). A "Last updated" date
  is never the publication date. A date without a
  year takes the year from the source URL. With no date in the text, the source URL's date
  is used (".../202302/t20230204_11019716.htm", "/2021/05/06/"), then the date given with
  the story.
- **Numbers that could be either**: "12.04.2022" is read day first, 12 April 2022, as the
  ministries that write dates with the year last mostly do; it is read month first only when
  the day-first reading is impossible (04.13.2022), or when the source URL's month agrees
  with the month-first reading and not with the other.

This package imports nothing from Django so the importer, the benchmarks and the tests
can use it on their own.
"""

from .common import MAX_SECTION_LENGTH, MAX_SOURCE_LENGTH, MAX_TITLE_LENGTH, StoryFormatError
from .dates import address_date, address_month, parse_date, read_dateline
from .furniture import FOOTER_START, RELATED, breadcrumb_section, is_navigation, source_of
from .reading import (
    BINARY_SIGNATURES, DATED_BY_ADDRESS, DATED_BY_GIVEN, DATED_BY_TEXT, MAX_STORY_BYTES, UTF8_BOM, Story, decode,
    parse_story, parse_text, read_story, render_story,
)

__all__ = [
    "BINARY_SIGNATURES", "DATED_BY_ADDRESS", "DATED_BY_GIVEN", "DATED_BY_TEXT", "FOOTER_START", "MAX_SECTION_LENGTH",
    "MAX_SOURCE_LENGTH", "MAX_STORY_BYTES", "MAX_TITLE_LENGTH", "RELATED", "UTF8_BOM", "Story", "StoryFormatError",
    "address_date", "address_month", "breadcrumb_section", "decode", "is_navigation", "parse_date", "parse_story",
    "parse_text", "read_dateline", "read_story", "render_story", "source_of",
]
