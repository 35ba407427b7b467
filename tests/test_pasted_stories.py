"""Tests for articles.storyfile on stories as editors paste them from ministry and embassy
pages: page furniture, breadcrumbs, source lines and the many ways a date is printed."""

from datetime import date, datetime

import pytest

from articles.storyfile import (
    DATED_BY_ADDRESS, DATED_BY_GIVEN, DATED_BY_TEXT, StoryFormatError, is_navigation, parse_date, parse_story,
    render_story,
)

BODY = (
    "On 15 November, Ambassador Sun Haiyan called on Speaker of Parliament Tan Chuan-Jin.",
    "Speaker Tan said that Singapore valued its long friendship with China.",
)


def pasted(*lines):
    return "\n".join(lines).encode()


def parse(*lines, **hints):
    return parse_story(pasted(*lines), **hints)


# A whole embassy page as a browser copies it: language bar, menu, breadcrumb, a source
# line between title and date, print/close links, the footer.
EMBASSY_PAGE = pasted(
    "中文 | English",
    "Home | About the Embassy | Embassy News | Consular Services | Contact Us",
    "Current location: Home > Embassy News",
    "Ambassador Sun Haiyan Calls on Speaker of Parliament Tan Chuan-Jin",
    "(From Chinese Embassy in Singapore)",
    "2019/11/18",
    "【Print】【Close】",
    "",
    BODY[0],
    "",
    BODY[1],
    "",
    "Suggset To Friend:",
    "Copyright © Embassy of the People's Republic of China in the Republic of Singapore. All Rights Reserved.",
    "Address: 150 Tanglin Road, Singapore 247969 | Tel: 6471 2117 | Fax: 6479 5345",
)


def test_a_pasted_embassy_page_gives_its_title_section_source_date_and_story_only():
    story = parse_story(EMBASSY_PAGE)

    assert story.title == "Ambassador Sun Haiyan Calls on Speaker of Parliament Tan Chuan-Jin"
    assert story.section == "Embassy News"
    assert story.source == "Chinese Embassy in Singapore"
    assert (story.published_at, story.has_time, story.dated_by) == (datetime(2019, 11, 18), False, DATED_BY_TEXT)
    assert story.paragraphs == BODY


def test_a_source_line_between_title_and_date_is_never_the_title():
    story = parse(
        "Ambassador Attends Reception for National Day", "(From Chinese Embassy in Singapore)", "2019-11-18", "", "Text."
    )

    assert (story.title, story.section, story.source) == (
        "Ambassador Attends Reception for National Day", "", "Chinese Embassy in Singapore",
    )


@pytest.mark.parametrize(
    ("source_line", "source"),
    [
        ("Source: Embassy of India, Tokyo", "Embassy of India, Tokyo"),
        ("(Source: Xinhua)", "Xinhua"),
        ("From: Ministry of Foreign Affairs of Japan", "Ministry of Foreign Affairs of Japan"),
        ("（From Permanent Mission of China to the UN）", "Permanent Mission of China to the UN"),
    ],
)
def test_source_lines_under_the_title_are_the_source(source_line, source):
    story = parse("Joint Statement on the Visit of the Prime Minister", source_line, "2022-03-15", "", "Text.")

    assert (story.title, story.source, story.paragraphs) == ("Joint Statement on the Visit of the Prime Minister", source, ("Text.",))


def test_a_source_line_below_the_story_is_the_source_and_not_text():
    story = parse("Title", "2022-03-15", "", "Text.", "", "(Source: Embassy of India, Tokyo)")

    assert (story.source, story.paragraphs) == ("Embassy of India, Tokyo", ("Text.",))


@pytest.mark.parametrize(
    ("dateline", "published_at", "has_time", "source"),
    [
        ("Updated: May 06, 2021 19:01", datetime(2021, 5, 6, 19, 1), True, ""),
        ("Chinese Embassy, 18 November 2019", datetime(2019, 11, 18), False, "Chinese Embassy"),
        ("Date: 2022/03/15", datetime(2022, 3, 15), False, ""),
        ("Source: Ministry of External Affairs | 2023-07-11", datetime(2023, 7, 11), False, "Ministry of External Affairs"),
        ("Posted on 12.04.2022", datetime(2022, 4, 12), False, ""),
        ("(2019-11-18)", datetime(2019, 11, 18), False, ""),
        ("September 27 , 2019", datetime(2019, 9, 27), False, ""),
        ("Friday, May 6, 2023 3:45 PM", datetime(2023, 5, 6, 15, 45), True, ""),
        ("Tuesday 18th November 2019", datetime(2019, 11, 18), False, ""),
        ("Release Date: 2023.07.11 10:30 (Beijing Time)", datetime(2023, 7, 11, 10, 30), True, ""),
        ("2023年7月11日", datetime(2023, 7, 11), False, ""),
        ("Last updated on 04/13/2022", datetime(2022, 4, 13), False, ""),
        ("[2021-05-06 09:12:33]", datetime(2021, 5, 6, 9, 12), True, ""),
    ],
)
def test_date_lines_as_pages_print_them(dateline, published_at, has_time, source):
    story = parse("Foreign Minister Receives Copies of Credentials", dateline, "", "Text.")

    assert (story.title, story.published_at, story.has_time, story.source) == (
        "Foreign Minister Receives Copies of Credentials", published_at, has_time, source,
    )


def test_a_date_printed_below_the_story():
    story = parse(
        "Ambassador Calls on the Governor of Kyoto Prefecture", "", *BODY[:1], "", BODY[1], "", "September 27 , 2019",
        "[Print] [Close]",
    )

    assert (story.published_at, story.dated_by, story.paragraphs) == (datetime(2019, 9, 27), DATED_BY_TEXT, BODY)


def test_a_closing_date_line_stays_in_the_story_when_the_date_is_under_the_title():
    story = parse("Title", "2025-01-21", "", "Text.", "", "Ministry of Foreign Affairs, Colombo, 21 January 2025")

    assert story.paragraphs == ("Text.", "Ministry of Foreign Affairs, Colombo, 21 January 2025")


def test_a_date_without_a_year_takes_the_year_from_the_address():
    story = parse(
        "Ambassador Attends Reception", "November 18", "", "Text.",
        source_url="http://sg.china-embassy.gov.cn/eng/dsxx/201911/t20191118_1356420.htm",
    )

    assert (story.published_at, story.dated_by) == (datetime(2019, 11, 18), DATED_BY_TEXT)


def test_a_december_date_without_a_year_under_a_january_address_is_last_years():
    story = parse("Title", "30 December", "", "Text.", source_url="https://www.mfa.example/eng/202301/t20230102_1.htm")

    assert story.published_at == datetime(2022, 12, 30)


@pytest.mark.parametrize(
    ("address", "published_on"),
    [
        ("https://www.mfa.example.cn/eng/xw/zwbd/202302/t20230204_11019716.htm", datetime(2023, 2, 4)),
        ("https://www.gov.example/news/2021/05/06/minister-meets-envoy/", datetime(2021, 5, 6)),
        ("https://www.gov.example/news/2021-05-06-minister-meets-envoy", datetime(2021, 5, 6)),
    ],
)
def test_with_no_date_in_the_text_the_address_gives_it(address, published_on):
    story = parse("Minister Meets Envoy", "", "Text.", source_url=address)

    assert (story.published_at, story.has_time, story.dated_by, story.source_url) == (
        published_on, False, DATED_BY_ADDRESS, address,
    )


def test_the_text_date_wins_over_the_address_and_the_given_date():
    story = parse("Title", "2019-11-18", "", "Text.", source_url="https://x.example/202302/t20230204_1.htm", date=date(2020, 1, 1))

    assert (story.published_at, story.dated_by) == (datetime(2019, 11, 18), DATED_BY_TEXT)


def test_with_no_date_in_text_or_address_the_given_date():
    assert parse("Title", "", "Text.", source_url="https://x.example/news/story.html", date=date(2020, 1, 2)).published_at == datetime(2020, 1, 2)
    story = parse("Title", "", "Text.", date=datetime(2020, 1, 2, 9, 30))

    assert (story.published_at, story.has_time, story.dated_by) == (datetime(2020, 1, 2, 9, 30), True, DATED_BY_GIVEN)


def test_a_month_in_the_address_is_not_a_date_on_its_own():
    with pytest.raises(StoryFormatError, match="^no date: expected a line like"):
        parse("Title", "", "Text.", source_url="https://www.gov.example/news/202105/reception.html")


def test_a_date_without_a_year_and_nowhere_to_find_it_names_the_ways():
    with pytest.raises(StoryFormatError) as excinfo:
        parse("Title", "November 18", "", "Text.")

    assert str(excinfo.value) == (
        "no date: 'November 18' has no year, and there is neither a source URL with the year in it "
        "nor a date given with the story"
    )


def test_the_no_date_error_names_the_text_the_address_and_the_given_date():
    with pytest.raises(StoryFormatError) as excinfo:
        parse("Title", "", "Wang Yi met Josep Borrell.")

    assert str(excinfo.value) == (
        "no date: expected a line like '2023-05-06 15:34' after the title, found 'Wang Yi met Josep Borrell.'; "
        "a source URL with the date in it, or a date given with the story, would do too"
    )


@pytest.mark.parametrize(
    ("dateline", "address", "published_at"),
    [
        ("12.04.2022", "", datetime(2022, 4, 12)),  # day first, as the ministries that write it so mean
        ("12/04/2022", "", datetime(2022, 4, 12)),
        ("04.13.2022", "", datetime(2022, 4, 13)),  # no 13th month: month first
        ("12.04.2022", "https://x.example/eng/202212/t1.htm", datetime(2022, 12, 4)),  # the address's month
        ("12.04.2022", "https://x.example/eng/202204/t1.htm", datetime(2022, 4, 12)),
        ("05.05.2022", "https://x.example/eng/202205/t1.htm", datetime(2022, 5, 5)),
    ],
)
def test_numeric_dates_that_could_be_either_are_read_day_first_unless_the_address_says_otherwise(dateline, address, published_at):
    assert parse("Title", dateline, "", "Text.", source_url=address).published_at == published_at


@pytest.mark.parametrize(
    "headline",
    [
        "Department Press Briefing - August 15, 2024",
        "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, April 10, 2024",
        "Transcript of Weekly Media Briefing by the Official Spokesperson (October 18, 2024)",
        "Talks to Resume on 6 May",
    ],
)
def test_a_headline_with_a_date_in_it_is_still_the_title(headline):
    story = parse("Home > Briefings", headline, "", "2024-08-15 15:50", "", "Text.")

    assert (story.section, story.title, story.published_at) == ("Briefings", headline, datetime(2024, 8, 15, 15, 50))


def test_prose_that_starts_with_a_date_is_not_a_date_line():
    with pytest.raises(StoryFormatError, match="found 'On May 5, 2023, Wang Yi met"):
        parse("Title", "", "On May 5, 2023, Wang Yi met with Josep Borrell in Brussels.")


@pytest.mark.parametrize(
    ("breadcrumb", "section"),
    [
        ("Home > Media Center > Press Releases", "Press Releases"),
        ("Home » News", "News"),
        ("Home / Newsroom / Press Releases", "Press Releases"),
        ("You are here: Home > Media Center", "Media Center"),
        ("Current Location: Home > Embassy News", "Embassy News"),
        ("Home > News > Foreign Minister Meets Envoy", "News"),  # the last crumb is the title itself
        ("Home > News > Foreign Minister Meets…", "News"),
        ("You are here: Home", ""),
    ],
)
def test_breadcrumbs_in_the_forms_pages_print(breadcrumb, section):
    story = parse("Home | About Us | News | Contact Us", breadcrumb, "Foreign Minister Meets Envoy", "2023-05-06", "", "Text.")

    assert (story.section, story.title) == (section, "Foreign Minister Meets Envoy")


@pytest.mark.parametrize(
    "bar",
    [
        "English | 中文",
        "中文 | English | Français | Español | Русский | العربية",
        "【中文】【English】【Français】",
        "EN | FR | ES",
        "中文 English Français Español",
        "Home | Embassy | Newsroom | Visa & Consular | Trade",
    ],
)
def test_a_language_bar_or_menu_above_the_title_never_becomes_the_section(bar):
    story = parse(bar, "Foreign Minister Meets Envoy", "2023-05-06", "", "Text.")

    assert (story.section, story.title) == ("", "Foreign Minister Meets Envoy")


def test_lines_of_a_vertical_menu_above_the_title_are_dropped_and_give_no_section():
    story = parse("Embassy News", "Ambassador's Activities", "Consular Services", "Minister Meets Envoy", "2023-05-06", "", "Text.")

    assert (story.section, story.title) == ("", "Minister Meets Envoy")


@pytest.mark.parametrize(
    "furniture",
    [
        ["Suggest to a friend:"],
        ["Suggset To Friend:"],
        ["[Suggest to a Friend]"],
        ["Send to a friend"],
        ["【Print】【Close】"],
        ["[Print] [Close]"],
        ["Print | Close"],
        ["Print this page", "Back to top"],
        ["Share: Facebook Twitter X WhatsApp"],
        ["Large Medium Small | Print"],
        ["A- A A+"],
        ["Related News", "Minister Meets Envoy (2021-05-01)", "Minister Visits Port (2021-04-28)"],
        ["More News:", "Another story"],
        ["Copyright © 2023 Ministry of Foreign Affairs. All rights reserved.", "Address: 1 Road | Tel: 123"],
        ["Sitemap | Privacy Policy | Terms of Use | Feedback"],
    ],
)
def test_page_furniture_below_the_story_is_dropped(furniture):
    story = parse("Title", "2023-05-06", "", "Text.", "", *furniture)

    assert story.paragraphs == ("Text.",)


def test_the_dates_of_related_stories_are_never_the_storys_date():
    story = parse("Title", "", "Text.", "", "Related News", "Minister Meets Envoy (2021-05-01)", date=date(2023, 5, 6))

    assert (story.published_at, story.dated_by) == (datetime(2023, 5, 6), DATED_BY_GIVEN)


def test_bars_of_links_inside_the_story_are_dropped_but_words_are_kept():
    story = parse("Title", "2023-05-06", "", "Text.", "", "Print | Close", "", "Close", "", "[Suggest to a Friend]", "", "More.")

    assert story.paragraphs == ("Text.", "Close", "More.")


@pytest.mark.parametrize(
    "line",
    [
        "Minister Meets Envoy | Ministry of Foreign Affairs",
        "China and Pakistan Agree to Deepen Cooperation",
        "Q: Is China ready? | A: Yes, it is.",
        "Friends of the Earth Suggest to Ministers",
    ],
)
def test_lines_that_are_not_furniture(line):
    assert not is_navigation(line)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2023-05-06", (datetime(2023, 5, 6), False)),
        ("2023-05-06 15:34", (datetime(2023, 5, 6, 15, 34), True)),
        ("6 May 2023", (datetime(2023, 5, 6), False)),
        ("May 6", None),
        ("yesterday", None),
    ],
)
def test_parse_date_reads_a_typed_date(typed, expected):
    assert parse_date(typed) == expected


def test_a_story_with_a_source_renders_and_reads_back_the_same():
    story = parse_story(EMBASSY_PAGE)

    assert parse_story(render_story(story).encode()) == story
    assert "\nSource: Chinese Embassy in Singapore\n" in render_story(story)


@pytest.mark.parametrize("line, day", [
    ("Publié le 12 octobre 2022", (2022, 10, 12)),
    ("Publicado el 3 de mayo de 2021", (2021, 5, 3)),
    ("Veröffentlicht am 5. März 2020", (2020, 3, 5)),
    ("Mis à jour le 1er février 2024", None),
])
def test_dates_of_pages_in_french_spanish_and_german(line, day):
    text = f"Accueil > Actualités\nLa ministre reçoit l'ambassadeur\n{line}\n\nLa ministre a reçu l'ambassadeur.\n"

    if day is None:
        with pytest.raises(StoryFormatError):
            parse_story(text.encode())
    else:
        assert parse_story(text.encode()).published_at.timetuple()[:3] == day


BODY_LINES = (BODY[0], "", BODY[1])  # paragraphs as pasted: a blank line between


@pytest.mark.parametrize("byline, day", [
    ("By Admin | June 8, 2023 | News, Press Releases", date(2023, 6, 8)),
    ("Press release | Date: 12/06/2024 | No: 61/24", date(2024, 6, 12)),
])
def test_a_date_among_other_items_between_bars_under_the_title_is_the_story_s(byline, day):
    story = parse("Ambassador Pays Farewell Call", "", byline, "", *BODY_LINES)

    assert story.title == "Ambassador Pays Farewell Call"
    assert story.published_at.date() == day
    assert story.paragraphs == BODY


def test_a_source_address_as_the_first_line_dates_the_story_and_is_kept_as_its_address():
    address = "https://www.consulate.example.gov.la/2023/04/17/consul-general-celebrates-lao-new-year/"
    story = parse(f"Source: {address}", "Consulate General in Khon Kaen", "ພາສາລາວ | English", "Home > News > Community",
                  "Consul General Celebrates Lao New Year", "", *BODY_LINES)

    assert story.title == "Consul General Celebrates Lao New Year"
    assert story.published_at.date() == date(2023, 4, 17) and story.dated_by == DATED_BY_ADDRESS
    assert story.source_url == address
    assert story.paragraphs == BODY


def test_under_a_breadcrumb_the_headline_comes_before_its_standfirst_and_the_page_s_labels():
    story = parse(
        "gov.br", "Presidency of the Republic", "Home > Latest News > Diplomacy", "DIPLOMACY",
        "President receives credentials from six new ambassadors",
        "Ceremony at the palace brought together diplomats from four continents",
        "", "Published Apr 12, 2023 04h30 PM Updated Apr 12, 2023 05h02 PM", "", *BODY_LINES,
    )

    assert story.title == "President receives credentials from six new ambassadors"
    assert story.section == "Diplomacy"
    assert story.published_at.date() == date(2023, 4, 12)
    assert story.paragraphs == BODY


@pytest.mark.parametrize("labels", [
    ("Press Release 112",),
    ("Media release", "The Hon Penny Wong, Minister for Foreign Affairs"),
    ("READOUT", "OFFICE OF THE SPOKESPERSON"),
])
def test_the_headline_is_the_line_before_the_blank_not_the_labels_between_it_and_the_date(labels):
    story = parse("gob.mx", "Secretaría de Relaciones Exteriores", "Prensa",
                  "Foreign Secretary Meets with Guatemalan Foreign Minister", "", *labels, "March 28, 2025", "", *BODY_LINES)

    assert story.title == "Foreign Secretary Meets with Guatemalan Foreign Minister"
    assert story.published_at.date() == date(2025, 3, 28)
    assert story.paragraphs == BODY


def test_a_source_named_between_the_headline_and_its_date_is_kept():
    story = parse("Home > News", "Minister Meets Japan's Foreign Minister", "", "From: Global Affairs Canada",
                  "Readout", "February 21, 2024", "", *BODY_LINES)

    assert story.title == "Minister Meets Japan's Foreign Minister"
    assert story.source == "Global Affairs Canada"


@pytest.mark.parametrize("date_line, expected", [
    ("05.09.2024 | 11:20", datetime(2024, 9, 5, 11, 20)),
    ("21.2.2024 16.05", datetime(2024, 2, 21, 16, 5)),
    ("Published Apr 12, 2023 04h30 PM", datetime(2023, 4, 12, 16, 30)),
])
def test_times_printed_after_a_bar_with_a_dot_or_an_h_are_read(date_line, expected):
    story = parse("Home / News / Diplomatic Activities", date_line, "President Receives Letters of Credence", "",
                  *BODY_LINES)

    assert story.title == "President Receives Letters of Credence"
    assert story.published_at == expected


def test_a_site_menu_starting_with_home_ends_the_page_s_header_like_a_breadcrumb():
    address = "https://www.high-commission.example.org/2024/10/02/independence-day-reception/"
    story = parse(f"Source: {address}", "NIGERIA HIGH COMMISSION, LONDON",
                  "Home | About Us | Consular | Trade & Investment | News | Contact",
                  "NIGERIA AT 64: HIGH COMMISSION HOSTS INDEPENDENCE DAY RECEPTION", "", *BODY_LINES)

    assert story.title == "NIGERIA AT 64: HIGH COMMISSION HOSTS INDEPENDENCE DAY RECEPTION"
    assert story.published_at.date() == date(2024, 10, 2)


def test_a_date_above_a_closing_rule_of_stars_is_the_story_s():
    story = parse("Joint Statement on the Official Visit", "", *BODY_LINES, "", "Bangkok, 7 February 2024", "",
                  "* * * * *")

    assert story.published_at.date() == date(2024, 2, 7)
    assert story.paragraphs == BODY


def test_a_headline_holding_the_only_date_dates_the_story():
    story = parse("QA-18, 13 March 2025, Statement of the Spokesperson in Response to a Question", "", *BODY_LINES)

    assert story.published_at.date() == date(2025, 3, 13)
    assert story.title.startswith("QA-18, 13 March 2025")


@pytest.mark.parametrize("breadcrumb", ["Главная / Пресс-служба / Новости", "Frontpage > Current affairs > News",
                                        "Inicio > Prensa > Comunicados"])
def test_breadcrumbs_that_begin_with_home_in_other_languages(breadcrumb):
    story = parse("Site", breadcrumb, "14.05.2025 15:32", "Ministers Meet in Moscow", "", *BODY_LINES)

    assert story.title == "Ministers Meet in Moscow"
    assert story.section == breadcrumb.replace(">", "/").split("/")[-1].strip()


@pytest.mark.parametrize("label", ["Readout", "Press Release No. 45/2024"])
def test_a_release_label_above_the_headline_is_not_the_title(label):
    story = parse("Home / Media / Press Releases", label, "Minister Meets Canada's Foreign Minister",
                  "Release date: Friday, April 26, 2024", "", *BODY_LINES)

    assert story.title == "Minister Meets Canada's Foreign Minister"
    assert story.published_at.date() == date(2024, 4, 26)


def test_a_release_number_before_the_date_above_the_headline_is_neither_title_nor_source():
    story = parse("Home » Statements of the Spokesperson", "No: 27, 24 April 2024",
                  "Statement of the Spokesperson in Response to a Question", "", *BODY_LINES)

    assert story.title == "Statement of the Spokesperson in Response to a Question"
    assert story.published_at.date() == date(2024, 4, 24)
    assert story.source == ""


def test_a_date_between_bars_above_the_headline_is_the_story_s():
    story = parse("Home > Press material", "07.02.2025 | HR/VP Readout | Brussels",
                  "Paraguay: Phone call between the High Representative and the Foreign Minister", "", *BODY_LINES)

    assert story.title == "Paraguay: Phone call between the High Representative and the Foreign Minister"
    assert story.published_at.date() == date(2025, 2, 7)


def test_a_breadcrumb_without_home_right_above_the_headline_is_the_section():
    story = parse("Home | About Us | Media Center | Contact Us", "Media Center > Media Briefings",
                  "Weekly Media Briefing by the Official Spokesperson (December 19, 2024)", "", *BODY_LINES)

    assert story.title == "Weekly Media Briefing by the Official Spokesperson (December 19, 2024)"
    assert story.section == "Media Briefings"
    assert story.published_at.date() == date(2024, 12, 19)


def test_a_communique_dated_only_above_its_signature_blocks():
    story = parse("Joint Communiqué of the Joint Commission", "", *BODY_LINES, "", "Done in Abidjan, on 25 October 2023",
                  "", "For the Republic of Côte d'Ivoire", "Kacou Adom", "Minister of Foreign Affairs", "",
                  "For the Republic of Ghana", "Shirley Botchwey", "Minister for Foreign Affairs")

    assert story.published_at.date() == date(2023, 10, 25)
    assert story.paragraphs[:2] == BODY


def test_a_story_ending_in_signature_blocks_without_a_date_is_still_refused_clearly():
    with pytest.raises(StoryFormatError, match="no date: expected a line like"):
        parse("Joint Communiqué of the Joint Commission", "", *BODY_LINES, "", "For the Republic of Ghana",
              "Shirley Botchwey", "Minister for Foreign Affairs")


def test_a_list_of_headings_is_one_paragraph_a_line_but_a_signature_block_stays_together():
    story = parse("Briefing by the Spokeswoman", "25 September 2024", "", "Contents",
                  "The Foreign Minister's participation in the UN General Assembly",
                  "The Foreign Minister's talks with the Minister of Foreign Affairs of Kyrgyzstan",
                  "Answers to media questions", "", *BODY_LINES, "", "Francisca Omayuli", "Spokesperson",
                  "Ministry of Foreign Affairs")

    assert story.paragraphs == (
        "Contents", "The Foreign Minister's participation in the UN General Assembly",
        "The Foreign Minister's talks with the Minister of Foreign Affairs of Kyrgyzstan", "Answers to media questions",
        *BODY, "Francisca Omayuli Spokesperson Ministry of Foreign Affairs")


# Rules written from extraction_realpages_tuned6: datelines, closing lines and headers without dates.

def test_a_wire_dateline_opening_the_story_dates_it_with_the_year_of_its_source_address():
    story = parse(
        "Premier meets visiting Deputy PM", "",
        "ROME, March 5 (Agency) -- The Premier met the visiting Deputy Prime Minister on Tuesday.", "",
        "Both sides agreed to expand trade.", "",
        "Source: https://news.example.org/world/202403/05/content_1234.html")
    assert (story.published_at, story.dated_by) == (datetime(2024, 3, 5), DATED_BY_TEXT)
    assert story.paragraphs[0].startswith("ROME, March 5 (Agency) -- The Premier")


def test_a_dateline_with_its_year_and_an_agency_after_a_comma_dates_the_story():
    story = parse("Minister receives envoy", "",
                  "Lisbon, February 20, 2024, XYZ -- The Minister received the envoy today.")
    assert story.published_at == datetime(2024, 2, 20)


def test_words_before_a_dash_in_a_first_sentence_are_no_dateline():
    with pytest.raises(StoryFormatError, match="no date"):
        parse("Minister receives envoy", "", "Talks on March 5 -- the first in years -- went well.")


def test_a_closing_place_and_date_with_a_full_stop_above_the_address_dates_the_story():
    story = parse(
        "Ambassador opens the cultural week", "",
        "The Ambassador opened the cultural week with artists from three regions.", "",
        "Oslo, 22 April 2024.", "",
        "Embassy of Somewhere in Norway", "12 Long Street, Oslo 0150")
    assert story.published_at == datetime(2024, 4, 22)
    assert story.paragraphs[0] == "The Ambassador opened the cultural week with artists from three regions."


def test_a_trail_without_home_under_the_site_name_is_the_breadcrumb():
    story = parse("Ministry of Foreign Affairs - Some Kingdom", "Media Center > Ministry News",
                  "Foreign Minister Receives Special Envoy", "",
                  "Capital, February 20, 2024, XYZ -- The Foreign Minister received the envoy.")
    assert (story.title, story.section) == ("Foreign Minister Receives Special Envoy", "Ministry News")


def test_a_press_release_label_above_an_undated_headline_is_not_the_title():
    story = parse("Home > Media > Press Releases", "PRESS RELEASE", "MINISTER RECEIVES A DELEGATION", "",
                  "The Minister received a delegation of the regional parliament.", "",
                  "Capital", "24th January, 2024")
    assert (story.title, story.published_at) == ("MINISTER RECEIVES A DELEGATION", datetime(2024, 1, 24))


def test_without_a_date_line_or_breadcrumb_the_headline_is_the_last_line_above_the_first_blank():
    story = parse("Embassy in Tirana", "Ambassador Attends Reopening of the Old Mosque", "",
                  "The Ambassador attended the reopening of the mosque.", "",
                  "Source: https://tirana.example.org/news/2024/11/06/ambassador-attends-reopening")
    assert (story.title, story.published_at) == ("Ambassador Attends Reopening of the Old Mosque", datetime(2024, 11, 6))


def test_under_a_breadcrumb_an_undated_headline_keeps_its_standfirst_out_of_the_title():
    story = parse("Home > Updates > News", "Minister Receives Delegation of the Parliament",
                  "The delegation is on a four-day visit focusing on trade", "",
                  "The Minister received the delegation.", "",
                  "Source: https://example.org/news/2024/06/11/minister-receives-delegation")
    assert story.title == "Minister Receives Delegation of the Parliament"
