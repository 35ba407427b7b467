"""Tests for articles.storyfile: reading and writing the story text format."""

import re
from datetime import datetime
from pathlib import Path

import pytest

from articles.storyfile import MAX_STORY_BYTES, Story, StoryFormatError, parse_story, render_story

BAD_FILES = Path(__file__).parent / "data" / "bad"

# /work/shared/seeds/000_0e8f66fb4d9f0923.txt verbatim: non-breaking spaces around the
# breadcrumb's ">", no newline after the trailing boilerplate.
SEED_STORY = (
    'Home\N{NO-BREAK SPACE}>\N{NO-BREAK SPACE}China News\n'
    'Pakistani President Arif Alvi Meets with Qin Gang\n'
    '\n'
    '2023-05-06 15:34\n'
    '\n'
    'On May 5, 2023 local time, Pakistani President Arif Alvi met with visiting Chinese State Councilor and Foreign Minister Qin Gang in Islamabad.\n'
    '\n'
    "Alvi asked Qin Gang to convey his sincere greetings to President Xi Jinping. He said that the Pakistan-China friendship is rooted in the profound traditional friendship between the people of the two countries. The more the international situation undergoes profound changes, the more necessary it is to forge a close and solid Pakistan-China friendship and carry forward the fine tradition of frequent exchanges between the two countries. Pakistan wholeheartedly appreciates China's strong support for the country's pandemic response and post-disaster reconstruction, as well as the evacuation of Pakistani nationals from Sudan. Pakistan is firmly committed to the one-China policy and supports China in sovereignty, territorial integrity and other issues concerning its core interests. Pakistan looks forward to working with China to advance the development of the China-Pakistan Economic Corridor (CPEC) and deepen cooperation in agriculture, connectivity, and information technology. Pakistan will do its utmost to ensure the safety of Chinese personnel and institutions in Pakistan and stands ready to work with China to promote peace and reconstruction in Afghanistan.\n"
    '\n'
    "Qin Gang conveyed President Xi Jinping's cordial greetings to Alvi. He said that China and Pakistan are all-weather strategic cooperative partners, with consolidating and developing the \"ironclad\" friendship being the priority of successive governments of both countries. China has always firmly stood with Pakistan, supported Pakistan's unity, stability, development and prosperity, and backed Pakistan's efforts to safeguard national independence, sovereignty and territorial integrity. China is ready to join hands with Pakistan to implement the Global Development Initiative, the Global Security Initiative and the Global Civilization Initiative proposed by President Xi Jinping, deepen mutually beneficial cooperation in various fields, jointly fend off external risks and challenges, and take solid steps to advance the building of a China-Pakistan community with a shared future.\n"
    '\n'
    "Qin Gang pointed out that China is ready to work with Pakistan to advance high-quality Belt and Road cooperation, accelerate the development of the CPEC, and deepen cooperation in such fields as industry, agriculture, information technology, and disaster prevention and mitigation. China is also ready to help Pakistan revive its economy and improve people's well-being. Noting that the two sides should strengthen people-to-people and cultural exchanges, Qin Gang said more excellent students of Pakistan are welcome to China for study. China is ready to work with Pakistan to strengthen communication and coordination on the Afghan issue, promote peace and reconstruction in Afghanistan, and help maintain regional stability and development.\n"
    '\n'
    '<Suggest To A Friend>'
).encode()


def story_bytes(*lines):
    return "\n".join(lines).encode()


def test_seed_story_parses_to_its_section_title_date_and_paragraphs():
    story = parse_story(SEED_STORY)

    assert story.section == "China News"
    assert story.title == "Pakistani President Arif Alvi Meets with Qin Gang"
    assert story.published_at == datetime(2023, 5, 6, 15, 34)
    assert story.has_time is True
    assert len(story.paragraphs) == 4
    assert story.paragraphs[0] == (
        "On May 5, 2023 local time, Pakistani President Arif Alvi met with visiting Chinese "
        "State Councilor and Foreign Minister Qin Gang in Islamabad."
    )
    assert story.paragraphs[3].endswith("help maintain regional stability and development.")


def test_seed_story_paragraphs_are_the_files_lines_verbatim_without_boilerplate():
    story = parse_story(SEED_STORY)
    file_lines = SEED_STORY.decode().split("\n")

    assert list(story.paragraphs) == file_lines[5:12:2]
    assert "Suggest To A Friend" not in story.body


def test_body_separates_paragraphs_with_a_blank_line():
    story = parse_story(story_bytes("Title", "2023-05-06", "", "One.", "", "Two."))

    assert story.body == "One.\n\nTwo."


def test_utf8_byte_order_mark_is_ignored():
    assert parse_story(b"\xef\xbb\xbf" + SEED_STORY) == parse_story(SEED_STORY)


@pytest.mark.parametrize("line_end", ["\r\n", "\r"], ids=["crlf", "lone-cr"])
def test_windows_and_old_mac_line_ends(line_end):
    raw = SEED_STORY.decode().replace("\n", line_end).encode()

    assert parse_story(raw) == parse_story(SEED_STORY)


def test_stray_whitespace_and_extra_blank_lines_are_tidied():
    raw = (
        "\n \n  Home >  China News \t\n"
        "\t Wang Yi\u00a0Meets  Josep Borrell  \n\n\n"
        "   2023-05-06 15:34\t\n \n\t\n"
        "  First\tparagraph\u00a0here.  \n\n\n\n"
        "Second paragraph. \n \n\n"
    ).encode()

    assert parse_story(raw) == Story(
        title="Wang Yi Meets Josep Borrell",
        published_at=datetime(2023, 5, 6, 15, 34),
        paragraphs=("First paragraph here.", "Second paragraph."),
        section="China News",
    )


def test_hard_wrapped_paragraph_is_joined_with_single_spaces():
    raw = story_bytes(
        "Title", "", "2023-05-06", "",
        "Wang Yi said that China and the EU",
        "  are partners, not rivals,",
        "and should deepen cooperation.",
        "",
        "Next paragraph.",
    )

    assert parse_story(raw).paragraphs == (
        "Wang Yi said that China and the EU are partners, not rivals, and should deepen cooperation.",
        "Next paragraph.",
    )


def test_header_and_first_paragraph_may_have_no_blank_lines_between_them():
    story = parse_story(story_bytes("Home > Africa News", "Title", "2023-05-06 09:05", "Text."))

    assert (story.section, story.title, story.paragraphs) == ("Africa News", "Title", ("Text.",))


@pytest.mark.parametrize(
    ("dateline", "published_at", "has_time"),
    [
        ("2023-05-06 15:34", datetime(2023, 5, 6, 15, 34), True),
        ("2023-05-06 15:34:20", datetime(2023, 5, 6, 15, 34), True),
        ("2023-05-06 09:05", datetime(2023, 5, 6, 9, 5), True),
        ("2023-05-06", datetime(2023, 5, 6), False),
        ("May 6, 2023", datetime(2023, 5, 6), False),
        ("May 06, 2023", datetime(2023, 5, 6), False),
        ("6 May 2023", datetime(2023, 5, 6), False),
        ("06 May 2023", datetime(2023, 5, 6), False),
        ("September 12, 2023", datetime(2023, 9, 12), False),
        ("Sep 12, 2023", datetime(2023, 9, 12), False),
        ("Sept. 12, 2023", datetime(2023, 9, 12), False),
        ("12 Dec 2023", datetime(2023, 12, 12), False),
        ("february 29, 2024", datetime(2024, 2, 29), False),
    ],
)
def test_each_date_format(dateline, published_at, has_time):
    story = parse_story(story_bytes("Title", "", dateline, "", "Text."))

    assert (story.published_at, story.has_time) == (published_at, has_time)


def test_control_characters_and_nul_bytes_are_removed():
    raw = story_bytes("Wang\x00 Yi\x07 Meets", "2023-05-06", "", "Text\x1b with\x0c debris\x7f\x00.")

    story = parse_story(raw)

    assert story.title == "Wang Yi Meets"
    assert story.paragraphs == ("Text with debris.",)


def test_a_few_stray_nuls_do_not_make_a_story_binary():
    raw = SEED_STORY.replace(b"Islamabad.", b"Islamabad.\x00\x00\x00")

    assert parse_story(raw) == parse_story(SEED_STORY)


@pytest.mark.parametrize(
    "boilerplate",
    [
        ["<Suggest To A Friend>"],
        ["Suggest To A Friend"],
        ["[Print]"],
        ["<Print>"],
        ["Close"],
        ["[Print]", "", "<Suggest To A Friend>", "Close", ""],
    ],
)
def test_trailing_boilerplate_is_dropped(boilerplate):
    raw = story_bytes("Title", "2023-05-06", "", "Text.", "", *boilerplate)

    assert parse_story(raw).paragraphs == ("Text.",)


def test_boilerplate_words_inside_the_story_are_kept():
    raw = story_bytes("Title", "2023-05-06", "", "Text.", "", "Close", "", "More text.", "", "Close")

    assert parse_story(raw).paragraphs == ("Text.", "Close", "More text.")


@pytest.mark.parametrize(
    ("first_line", "section"),
    [
        ("Home > China News", "China News"),
        ("Home>China News", "China News"),
        ("Home » Foreign Ministry » Statements", "Statements"),
        ("Home › Asia News", "Asia News"),
    ],
)
def test_breadcrumb_gives_the_last_crumb_as_section(first_line, section):
    story = parse_story(story_bytes(first_line, "Title", "2023-05-06", "", "Text."))

    assert (story.section, story.title) == (section, "Title")


def test_title_starting_with_home_is_not_a_breadcrumb():
    story = parse_story(story_bytes("Home Office Delegation > Visits Beijing", "2023-05-06", "", "Text."))

    assert (story.section, story.title) == ("", "Home Office Delegation > Visits Beijing")


def test_story_format_error_is_a_value_error():
    with pytest.raises(ValueError):
        parse_story(b"")


def test_a_story_of_exactly_the_size_limit_is_accepted():
    head = b"Title\n\n2023-05-06\n\n"
    raw = head + b"x" * (MAX_STORY_BYTES - len(head))

    assert len(parse_story(raw).paragraphs[0]) == MAX_STORY_BYTES - len(head)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        pytest.param(b"", "empty file: there is no text in it", id="empty"),
        pytest.param(b" \r\n\t\n\xc2\xa0\n\n", "empty file: there is no text in it", id="whitespace-only"),
        pytest.param(b"\x01\x02\x1b\n", "empty file: there is no text in it", id="control-characters-only"),
        pytest.param(
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text: it looks like a PNG image", id="png"
        ),
        pytest.param(b"\xff\xd8\xff\xe0\x00\x10JFIF", "binary file, not text: it looks like a JPEG image", id="jpeg"),
        pytest.param(b"GIF89a\x01\x00", "binary file, not text: it looks like a GIF image", id="gif"),
        pytest.param(b"%PDF-1.7\n", "binary file, not text: it looks like a PDF document", id="pdf"),
        pytest.param(
            b"PK\x03\x04\x14\x00", "binary file, not text: it looks like a ZIP archive or Office document", id="zip"
        ),
        pytest.param(b"\x1f\x8b\x08\x00", "binary file, not text: it looks like a gzip archive", id="gzip"),
        pytest.param(
            b"\x00" * 50 + b"Title\n2023-05-06\n\nText.\n", "binary file, not text: too many NUL bytes", id="mostly-nul"
        ),
        pytest.param(
            "Title\n2023-05-06\n".encode("utf-16"),
            "not UTF-8 text (the file is UTF-16; save it as UTF-8)",
            id="utf-16",
        ),
        pytest.param(
            "Title\n2023-05-06\n\nCaf\u00e9 talks.\n".encode("latin-1"),
            "not UTF-8 text (invalid byte 0xe9 at offset 21)",
            id="latin-1",
        ),
        pytest.param(b"2023-05-06 15:34\n", "no title: the story must start with a title line", id="only-a-date"),
        pytest.param(b"Home > China News\n", "no title: the story must start with a title line", id="only-breadcrumb"),
        pytest.param(
            b"Title\n\nHello\n",
            "no date: expected a line like '2023-05-06 15:34' after the title, found 'Hello'"
            "; a source URL with the date in it, or a date given with the story, would do too",
            id="no-date",
        ),
        pytest.param(
            b"Title\n\nSmarch 6, 2023\n\nText.\n",
            "no date: expected a line like '2023-05-06 15:34' after the title, found 'Smarch 6, 2023'"
            "; a source URL with the date in it, or a date given with the story, would do too",
            id="unknown-month",
        ),
        pytest.param(
            b"Title\n\nWang Yi met with Josep Borrell in Brussels on Friday to discuss trade.\n",
            "no date: expected a line like '2023-05-06 15:34' after the title, "
            "found 'Wang Yi met with Josep Borrell in Bruss\u2026'; a source URL with the date in it, or a date given with the story, would do too",
            id="no-date-long-line",
        ),
        pytest.param(
            b"Title\n",
            "no date: expected a line like '2023-05-06 15:34' after the title, found nothing"
            "; a source URL with the date in it, or a date given with the story, would do too",
            id="only-a-title",
        ),
        pytest.param(
            b"T" + b"itle" * 100 + b"\n\n2023-05-06 15:34\n\nText.\n",
            "title too long: 401 characters, the most a headline may have is 300",
            id="title-too-long",
        ),
        pytest.param(
            b"Home > " + b"Section" * 15 + b"\nTitle\n\n2023-05-06 15:34\n\nText.\n",
            "section name too long: 105 characters, the most is 100",
            id="section-too-long",
        ),
        pytest.param(
            b"Title\n\n2023-02-30\n\nText.\n", "impossible date: '2023-02-30' is not a real date", id="february-30"
        ),
        pytest.param(
            b"Title\n\nFebruary 29, 2023\n\nText.\n",
            "impossible date: 'February 29, 2023' is not a real date",
            id="february-29-not-leap",
        ),
        pytest.param(
            b"Title\n\n2023-05-06 25:61\n\nText.\n",
            "impossible time: '2023-05-06 25:61' is not a real time of day",
            id="time-25-61",
        ),
        pytest.param(
            b"Title\n\n2023-05-06 15:34:60\n\nText.\n",
            "impossible time: '2023-05-06 15:34:60' is not a real time of day",
            id="second-60",
        ),
        pytest.param(
            b"Title\n\n2023-05-06 15:34\n\n\n",
            "no paragraphs: the story has a title and a date but no text",
            id="no-paragraphs",
        ),
        pytest.param(
            b"Title\n2023-05-06\n\n<Suggest To A Friend>\n",
            "no paragraphs: the story has a title and a date but no text",
            id="only-boilerplate",
        ),
        pytest.param(
            b"x" * (MAX_STORY_BYTES + 1),
            "too large: over 1,000,000 bytes, the most a story may have",
            id="over-size-limit",
        ),
    ],
)
def test_malformed_story_gets_a_clear_error(raw, message):
    with pytest.raises(StoryFormatError) as excinfo:
        parse_story(raw)

    assert str(excinfo.value) == message


def expected_errors_from_readme():
    """The README's table of bad files and their messages, so the two cannot drift apart."""
    readme = (BAD_FILES / "README.md").read_text(encoding="utf-8")
    return dict(re.findall(r"^\| `([^`]+)` \| `([^`]+)` \|$", readme, re.MULTILINE))


def test_readme_lists_every_bad_file():
    committed = {path.name for path in BAD_FILES.iterdir() if path.name != "README.md"}

    assert committed == set(expected_errors_from_readme())


@pytest.mark.parametrize(("file_name", "message"), sorted(expected_errors_from_readme().items()))
def test_bad_file_gets_the_error_its_readme_promises(file_name, message):
    with pytest.raises(StoryFormatError) as excinfo:
        parse_story((BAD_FILES / file_name).read_bytes())

    assert str(excinfo.value) == message


def test_render_writes_the_canonical_form():
    story = Story(
        title="Wang Yi Meets with Josep Borrell",
        published_at=datetime(2023, 5, 6, 9, 5),
        paragraphs=("First.", "Second."),
        section="Europe News",
    )

    assert render_story(story) == (
        "Home > Europe News\nWang Yi Meets with Josep Borrell\n\n2023-05-06 09:05\n\nFirst.\n\nSecond.\n"
    )


def test_render_writes_a_date_only_line_and_no_breadcrumb_when_absent():
    story = Story("Title", datetime(2023, 5, 6), ("Text.",), has_time=False)

    assert render_story(story) == "Title\n\n2023-05-06\n\nText.\n"


def test_render_drops_the_boilerplate_of_the_seed_story():
    rendered = render_story(parse_story(SEED_STORY))

    assert "Suggest To A Friend" not in rendered
    assert rendered.endswith("development.\n")


ROUND_TRIP_STORIES = [
    parse_story(SEED_STORY),
    Story(
        title="Wang Yi: \u201cDialogue\u201d Is the \u2018Only\u2019 Way Forward",
        published_at=datetime(2023, 1, 2, 0, 0),
        paragraphs=("He said \u201cwe\u2019re partners\u201d \u2014 not rivals.",),
        section="China News",
    ),
    Story(
        title="\u738b\u6bc5\u4f1a\u89c1\u62c9\u592b\u7f57\u592b \u0421\u0435\u0440\u0433\u0435\u0439 \u041b\u0430\u0432\u0440\u043e\u0432",
        published_at=datetime(2023, 12, 31, 23, 59),
        paragraphs=(
            "\u0639\u0628\u062f \u0627\u0644\u0644\u0647 \u0628\u0646 \u0632\u0627\u064a\u062f met Wang Yi.",
            "\u674e\u5f3a and \u0928\u0930\u0947\u0928\u094d\u0926\u094d\u0930 \u092e\u094b\u0926\u0940 spoke.",
        ),
        section="\u4e9a\u6d32\u65b0\u95fb",
    ),
    Story(
        title="Trade > Tariffs, Says Minister",
        published_at=datetime(2023, 5, 6),
        paragraphs=("Home > Away: the paragraph that looks like a breadcrumb.", "Close", "Last words."),
        has_time=False,
    ),
    Story(
        title="Home Secretary Visits Beijing",
        published_at=datetime(2023, 5, 6, 15, 34),
        paragraphs=("Suggest To A Friend is what the old site said; this sentence stays.",),
    ),
]


@pytest.mark.parametrize("story", ROUND_TRIP_STORIES, ids=lambda story: story.title[:20])
def test_render_then_parse_gives_back_the_same_story(story):
    assert parse_story(render_story(story).encode()) == story


@pytest.mark.parametrize(
    ("first_line", "section"),
    [
        ("World > Africa", "Africa"),
        ("Home > Foreign Policy > Latin America and the Caribbean", "Latin America and the Caribbean"),
        ("Events", "Events"),
    ],
)
def test_any_filing_line_above_the_title_gives_the_section(first_line, section):
    story = parse_story(story_bytes(first_line, "Panel Examines Maritime Security", "", "2024-03-12", "", "Text."))

    assert (story.section, story.title) == (section, "Panel Examines Maritime Security")


def test_a_title_with_a_crumb_separator_is_still_the_title_when_the_date_follows():
    story = parse_story(story_bytes("Talks > Expectations", "2023-05-06", "", "Text."))

    assert (story.section, story.title) == ("", "Talks > Expectations")


def test_a_wire_dateline_with_a_hyphen_after_its_agency_dates_the_story():
    story = parse_story(story_bytes(
        "Ministry of Foreign Affairs - State of Qatar", "Media Center / News",
        "MOFA Spokesperson: Mediation Efforts Continue", "",
        "Doha, May 14, 2024 (QNA) - The Official Spokesperson said that the talks continue."))

    assert (story.title, story.published_at) == ("MOFA Spokesperson: Mediation Efforts Continue", datetime(2024, 5, 14))
    assert story.paragraphs[0].startswith("Doha, May 14, 2024 (QNA) - The Official")


def test_the_site_name_above_a_menu_in_another_language_is_no_section():
    site = ("Royaume du Maroc - Ministère des Affaires Étrangères, de la Coopération Africaine et des "
            "Marocains Résidant à l'Étranger")
    story = parse_story(story_bytes(
        site, "Accueil | Le Ministère | Actualités | Services consulaires",
        "Joint press conference of the two ministers", "Rabat, 29/10/2024", "", "Text."))

    assert (story.section, story.title, story.published_at) == (
        "", "Joint press conference of the two ministers", datetime(2024, 10, 29))


@pytest.mark.parametrize("label", ["MFA Press Release", "Media Releases"])
def test_a_release_label_with_initials_or_in_the_plural_is_not_the_title(label):
    story = parse_story(story_bytes(
        "Home | Ministry | Media", label, "Visit of the Foreign Minister to Sri Lanka", "",
        "The Minister paid an official visit.", "", "Colombo", "04.10.2024"))

    assert (story.title, story.published_at) == ("Visit of the Foreign Minister to Sri Lanka", datetime(2024, 10, 4))


def test_a_hijri_date_before_the_gregorian_one_in_a_wire_dateline_dates_the_story():
    story = parse_story(story_bytes(
        "Saudi Press Agency", "Home > Local", "Crown Prince Receives Phone Call", "",
        "Jeddah, Rajab 15, 1445, January 27, 2024, SPA -- The Crown Prince received a phone call today."))

    assert (story.title, story.published_at) == ("Crown Prince Receives Phone Call", datetime(2024, 1, 27))


@pytest.mark.parametrize("label_and_date", [
    ("Press release", "3 March 2024"),
    ("Press release 87/2024", "3.3.2024"),
    ("Press release | Date: 03/03/2024 | No: 031/24",),
])
def test_a_headline_below_a_release_label_and_its_date_is_the_title(label_and_date):
    story = parse_story(story_bytes(
        "Government Offices", "Ministry for Foreign Affairs", *label_and_date,
        "Minister visits Tallinn", "", "The Minister for Foreign Affairs is visiting Tallinn today."))

    assert (story.title, story.published_at) == ("Minister visits Tallinn", datetime(2024, 3, 3))
    assert story.paragraphs == ("The Minister for Foreign Affairs is visiting Tallinn today.",)


def test_a_wire_dateline_without_a_year_takes_it_from_the_source_line():
    story = parse_story(story_bytes(
        "Ministry of Foreign Affairs", "Home > News", "Foreign Minister receives new ambassador", "",
        "KUWAIT, Jan 14 (KUNA) -- The Foreign Minister received the new ambassador on Tuesday.", "",
        "Source: Kuwait News Agency (KUNA), 2025"))

    assert (story.title, story.published_at) == ("Foreign Minister receives new ambassador", datetime(2025, 1, 14))


@pytest.mark.parametrize("breadcrumb, label", [("Home > Press Release", "Press Release"), ("Home > Government", "Speech")])
def test_a_release_label_set_apart_under_a_breadcrumb_is_not_the_title(breadcrumb, label):
    story = parse_story(story_bytes(
        "Ministry of Foreign Affairs", breadcrumb, label, "", "Foreign Secretary calls on the Minister", "",
        "The Foreign Secretary paid a courtesy call on the Minister today.", "", "Kathmandu", "16 August 2025"))

    assert (story.title, story.published_at) == ("Foreign Secretary calls on the Minister", datetime(2025, 8, 16))


@pytest.mark.parametrize("byline", [
    "By Press Office", "Posted by: Consulate General of India, Dubai", "2 min read", "Views: 312", "1,204 views",
])
def test_a_byline_or_counter_between_the_headline_and_its_date_is_not_the_title(byline):
    story = parse_story(story_bytes(
        "Consulate General of India", "Dubai, United Arab Emirates", "Press Releases",
        "Consul General meets community leaders", byline, "Posted on 05 Dec 2024 at 11:20 GST", "", "Text."))

    assert (story.title, story.published_at) == ("Consul General meets community leaders", datetime(2024, 12, 5, 11, 20))


def test_a_posted_by_line_names_the_source():
    story = parse_story(story_bytes(
        "Consul General meets community leaders", "Posted by: Consulate General of India, Dubai", "5 December 2024",
        "", "Text."))

    assert story.source == "Consulate General of India, Dubai"


@pytest.mark.parametrize("label", ["Press Release No. 87", "Press Releases"])
def test_a_headline_ending_in_a_full_stop_between_a_release_label_and_its_date_is_the_title(label):
    story = parse_story(story_bytes(
        "Ministry of Foreign Affairs - Brazil", label, "Visit of the Foreign Minister of Paraguay to Brasília.",
        "03/04/2025 16h30 - Updated 04/04/2025 10h12", "", "The Minister will receive his counterpart."))

    assert (story.title, story.published_at, story.source) == (
        "Visit of the Foreign Minister of Paraguay to Brasília.", datetime(2025, 4, 3, 16, 30), "")


def test_a_standfirst_between_the_headline_and_its_date_is_not_the_title():
    story = parse_story(story_bytes(
        "Site of the Ministry", "News", "Minister visits Nairobi", "The Minister launched a new partnership today.",
        "Published 13 March 2025", "", "Text."))

    assert story.title == "Minister visits Nairobi"


@pytest.mark.parametrize("under_headline", [
    ["ABU DHABI, 12th March, 2025 (WAM) -- The Minister received a phone call today."],
    ["Views: 312", "", "Astana, 12 March 2025 – The Minister held talks today."],
])
def test_the_headline_is_the_last_header_line_above_the_first_paragraph(under_headline):
    story = parse_story(story_bytes("Emirates News Agency - WAM", "UAE / Politics", "Ministers discuss relations",
                                    *under_headline))

    assert (story.title, story.published_at) == ("Ministers discuss relations", datetime(2025, 3, 12))


def test_the_headline_of_a_short_story_dated_at_its_foot_is_above_the_first_paragraph():
    story = parse_story(story_bytes(
        "KEMENTERIAN LUAR NEGERI MALAYSIA", "MINISTRY OF FOREIGN AFFAIRS MALAYSIA", "PRESS RELEASE",
        "Official visit of the Minister of Foreign Affairs of Thailand", "", "The Minister will visit Malaysia.", "",
        "WISMA PUTRA", "PUTRAJAYA", "7 March 2025"))

    assert (story.title, story.published_at) == (
        "Official visit of the Minister of Foreign Affairs of Thailand", datetime(2025, 3, 7))
    assert story.paragraphs == ("The Minister will visit Malaysia.",)


def test_a_headline_wrapped_over_two_lines_is_joined():
    story = parse_story(story_bytes(
        "Permanent Mission of Ireland to the United Nations", "Statements and Speeches",
        "Statement at the Open Debate on Children and", "Armed Conflict: Protecting Children",
        "Wednesday 12 March 2025 - 10:15", "", "Thank you, President."))

    assert story.title == "Statement at the Open Debate on Children and Armed Conflict: Protecting Children"


def test_a_headline_ending_in_a_place_and_a_date_is_no_date_line():
    story = parse_story(story_bytes(
        "Ministry of Foreign Affairs, Singapore", "Newsroom / Press Statements, Transcripts & Photos",
        "Transcript of the Minister's Doorstop Interview with the Media in Washington, D.C., 6 March 2025", "",
        "Minister: We had a very good meeting.", "", ".    .    .    .    .", "",
        "MINISTRY OF FOREIGN AFFAIRS", "SINGAPORE", "7 MARCH 2025"))

    assert story.title.startswith("Transcript of the Minister's")
    assert story.published_at == datetime(2025, 3, 7)
    assert story.paragraphs == ("Minister: We had a very good meeting.",)


@pytest.mark.parametrize(("dateline", "published_at", "source"), [
    ("Doha / Information Office / 17 February 2025", datetime(2025, 2, 17), "Doha / Information Office"),
    ("Bogotá (Mar. 12/25).", datetime(2025, 3, 12), "Bogotá"),
])
def test_a_dateline_set_off_by_slashes_or_brackets_dates_the_story(dateline, published_at, source):
    story = parse_story(story_bytes("Ministry of Foreign Affairs", "Latest News", "Minister Meets Envoy", dateline,
                                    "", "Text."))

    assert (story.title, story.published_at, story.source) == ("Minister Meets Envoy", published_at, source)


@pytest.mark.parametrize("line", ["Talks ahead of the summit (March 12/25)", "Phone: 12/25", "Release No. 12/25"])
def test_a_day_and_two_digit_year_is_no_date_without_a_place_and_a_month(line):
    with pytest.raises(StoryFormatError, match="no date"):
        parse_story(story_bytes("Minister Meets Envoy", line, "", "Text."))


def test_a_last_updated_date_at_the_foot_is_not_the_publication_date():
    story = parse_story(story_bytes(
        "Foreign Secretary visits Nairobi", "", "The Foreign Secretary has visited Nairobi to launch a partnership.", "",
        "Share this page", "Published 13 March 2025",
        "Last updated 14 March 2025 show all updates"))

    assert story.published_at == datetime(2025, 3, 13)


def test_a_headline_under_a_section_and_its_date_is_the_title():
    story = parse_story(story_bytes(
        "MAP - Agence Marocaine de Presse", "Politics", "Tuesday 11 March 2025 - 18:42",
        "Bourita, Ghanaian Counterpart Stress Commitment to Partnership", "Photo: MAP", "",
        "Rabat - The Minister held talks on Tuesday."))

    assert (story.title, story.published_at) == (
        "Bourita, Ghanaian Counterpart Stress Commitment to Partnership", datetime(2025, 3, 11, 18, 42))


def test_a_last_updated_date_above_the_posted_date_gives_way_to_it():
    story = parse_story(story_bytes(
        "Prime Minister welcomes Deputy Prime Minister", "Last updated on 10 February 2024", "Posted 09/02/2024", "",
        "SUVA - The Prime Minister today welcomed the Deputy Prime Minister."))

    assert (story.title, story.published_at) == ("Prime Minister welcomes Deputy Prime Minister", datetime(2024, 2, 9))


def test_under_a_site_menu_the_first_line_is_the_headline_over_a_speech_byline():
    story = parse_story(story_bytes(
        "United States Mission to the United Nations", "Home | Remarks and Highlights",
        "Remarks at a UN Security Council Briefing on Sudan", "Ambassador Linda Thomas-Greenfield",
        "U.S. Representative to the United Nations", "New York, New York", "June 18, 2024", "",
        "Thank you, Madam President."))

    assert (story.title, story.published_at) == (
        "Remarks at a UN Security Council Briefing on Sudan", datetime(2024, 6, 18))


def test_a_trail_from_a_site_menu_item_is_not_the_headline():
    story = parse_story(story_bytes(
        "Ministry of Foreign Affairs", "Home | About the Ministry | Media Hub", "Media Hub / News",
        "Minister receives phone call from Kenyan counterpart", "Abu Dhabi, 12 February 2025", "",
        "The Minister received a phone call today."))

    assert story.title == "Minister receives phone call from Kenyan counterpart"
