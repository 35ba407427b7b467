"""Tests for articles.webpage: stories read from pages as browsers save them.

The pages in tests/data/html/ imitate ministry and embassy templates: table layouts,
language bars, menus, breadcrumbs in markup and in text, print/close links, share bars,
related-news lists with their own dates, footers.
"""

from datetime import datetime
from pathlib import Path

import pytest

from articles.storyfile import DATED_BY_ADDRESS, DATED_BY_TEXT, StoryFormatError
from articles.webpage import is_page, parse_page

PAGES = Path(__file__).parent / "data" / "html"
FURNITURE = ("Print", "Close", "Suggest", "Suggset", "Copyright", "Related News", "Share", "Facebook", "English", "Home")


def page(name, **hints):
    return parse_page((PAGES / name).read_bytes(), **hints)


def assert_no_furniture(story):
    for paragraph in story.paragraphs:
        assert not paragraph.startswith(FURNITURE), paragraph


def test_an_embassy_page_laid_out_in_tables():
    story = page("embassy_table_layout.html")

    assert story.title == "Ambassador Hong Xiaoyong Attends the Opening of the China-Singapore Youth Innovation Camp"
    assert story.section == "Ambassador's Activities"
    assert (story.published_at, story.has_time, story.dated_by) == (datetime(2019, 11, 18), False, DATED_BY_TEXT)
    # Where the browser saved it from, as the page has no canonical link.
    assert story.source_url == "http://sg.china-embassy.gov.cn/eng/dsxx/201911/t20191118_1356420.htm"
    assert len(story.paragraphs) == 3
    assert story.paragraphs[0].startswith("On 16 November, Ambassador Hong Xiaoyong attended the opening ceremony")
    assert story.paragraphs[2].endswith("looked forward to welcoming more students from China.")
    assert_no_furniture(story)


def test_a_ministry_page_with_a_breadcrumb_list_a_source_and_a_share_bar():
    story = page("ministry_modern_layout.html")

    assert story.title == "India and Japan Hold Fifth Round of Maritime Affairs Dialogue"
    assert story.section == "Press Releases"
    assert story.source == "Ministry of External Affairs"
    # "Posted on 11.07.2023": day first.
    assert (story.published_at, story.dated_by) == (datetime(2023, 7, 11), DATED_BY_TEXT)
    assert story.source_url == (
        "https://www.mea.example.gov.in/press-releases.htm?dtl/36812/India_and_Japan_Hold_Fifth_Round_of_Maritime_Affairs_Dialogue"
    )
    assert story.paragraphs[0].startswith("The fifth round of the India-Japan Maritime Affairs Dialogue")
    assert story.paragraphs[3] == "It was agreed to hold the next round of the dialogue in Tokyo."
    assert not any("Visit of Foreign Secretary" in paragraph for paragraph in story.paragraphs)
    assert_no_furniture(story)


def test_an_embassy_page_that_prints_its_date_and_source_below_the_story():
    story = page("embassy_date_below_story.html")

    # The headline is the page's <h2>, which its <title> repeats after the embassy's name.
    assert story.title == "Ambassador Calls on the Governor of Kyoto Prefecture"
    assert story.section == "Press Releases"  # Home / Newsroom / Press Releases
    assert story.source == "Embassy of India, Tokyo"
    # Not "2-2-11" from the embassy's street address in the footer.
    assert (story.published_at, story.dated_by) == (datetime(2019, 9, 27), DATED_BY_TEXT)
    assert story.source_url == ""
    assert len(story.paragraphs) == 3
    assert story.paragraphs[-1].startswith("Governor Nishiwaki said that Kyoto valued its cultural links")
    assert_no_furniture(story)


def test_a_ministry_page_whose_only_date_is_in_its_address():
    story = page("ministry_date_in_address.html")

    assert story.title == "Vice Foreign Minister Meets with the Ambassador of Chile"
    # "Home > News > <the title>": the crumb before the title.
    assert story.section == "News"
    # Not 2023-01-30 from the related news below it.
    assert (story.published_at, story.dated_by) == (datetime(2023, 2, 4), DATED_BY_ADDRESS)
    assert story.paragraphs == (
        "On February 3, Vice Foreign Minister Ma Zhaoxu met with Chilean Ambassador to China Mauricio Hurtado in Beijing.",
        "Ma Zhaoxu said that China is ready to work with Chile to implement the consensus reached by the two heads "
        "of state and to deepen cooperation in trade, mining and clean energy.",
        "Mauricio Hurtado said that Chile attaches great importance to its comprehensive strategic partnership with China.",
    )


def test_a_page_in_chinese():
    story = page("chinese_embassy_news.html")

    assert story.title == "驻新加坡大使出席中新青年创新营开营仪式"
    assert story.section == "使馆新闻"
    assert story.published_at == datetime(2023, 7, 11)
    assert len(story.paragraphs) == 3
    assert not any("打印" in paragraph for paragraph in story.paragraphs)


def test_a_source_url_given_wins_over_the_pages_canonical_address():
    story = page("ministry_date_in_address.html", source_url="https://archive.example.org/2023/02/05/chile.html")

    assert story.source_url == "https://archive.example.org/2023/02/05/chile.html"
    assert story.published_at == datetime(2023, 2, 5)


MARKUP_DATED = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Consulate General Hosts Reception for Lunar New Year - Consulate General in Karachi</title>
<meta property="og:site_name" content="Consulate General in Karachi">
<meta property="article:published_time" content="2024-02-09T18:30:00+05:00">
</head><body>
<ul class="menu"><li><a href="/">Home</a></li><li><a href="/news/">News</a></li><li><a href="/visa/">Visa</a></li></ul>
<div class="breadcrumbs"><a href="/">Home</a> » <a href="/news/">Consulate News</a> » Consulate General Hosts Reception</div>
<h1>Consulate General Hosts Reception for Lunar New Year</h1>
<div class="entry-content">
<p>The Consulate General hosted a reception for the Lunar New Year in Karachi, attended by some 300 guests
from the business community, the media and the diplomatic corps.</p>
<p>In his address, the Consul General said that the people of the two countries had celebrated the festival
together for many years.</p>
</div>
<footer><p>© 2024 Consulate General. All rights reserved.</p></footer>
</body></html>"""


def test_a_date_stated_only_in_the_markup_and_a_breadcrumb_in_links():
    story = parse_page(MARKUP_DATED.encode())

    assert story.title == "Consulate General Hosts Reception for Lunar New Year"
    assert story.section == "Consulate News"
    assert story.source == "Consulate General in Karachi"  # the site's name, as no source line is printed
    assert (story.published_at, story.dated_by) == (datetime(2024, 2, 9), DATED_BY_TEXT)
    assert len(story.paragraphs) == 2


def test_paragraphs_separated_by_line_breaks_are_paragraphs():
    html = MARKUP_DATED.replace("</p>\n<p>", "<br><br>").encode()

    assert len(parse_page(html).paragraphs) == 2


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not a web page: it looks like a PNG image"),
        (b"<html><body><p></p></body></html>", "no title: the page has no headline"),
        (b"<html><head><title>Minister Meets Envoy</title></head><body><h1>Minister Meets Envoy</h1>"
         b"<p>The minister met the envoy.</p></body></html>",
         "no date: expected a line like '2023-05-06 15:34' after the title, found 'The minister met the envoy.'; "
         "a source URL with the date in it, or a date given with the story, would do too"),
        (b"<html>" + b"x" * 5_000_001, "too large: over 5,000,000 bytes, the most a saved page may have"),
        ("<html><head><title>Caf\u00e9</title></head></html>".encode("latin-1"),
         "not UTF-8, and the page does not say which character set it uses"),
    ],
)
def test_pages_that_tell_no_story_get_a_clear_error(raw, message):
    with pytest.raises(StoryFormatError) as excinfo:
        parse_page(raw)

    assert str(excinfo.value) == message


def test_a_page_in_a_declared_character_set_is_read():
    html = MARKUP_DATED.replace('charset="utf-8"', 'charset="windows-1252"').replace("Lunar New Year", "Año Nuevo Lunar")

    assert parse_page(html.encode("windows-1252")).title == "Consulate General Hosts Reception for Año Nuevo Lunar"


@pytest.mark.parametrize(
    ("raw", "page"),
    [
        (b"<!DOCTYPE html>\n<html>", True),
        (b"\xef\xbb\xbf<!doctype html><html>", True),
        (b"<!-- saved from url=(0030)http://x.example/ -->\n<html>", True),
        (b"Home > News\nTitle\n2023-05-06\n\n<p>Text</p>", False),
    ],
)
def test_pages_are_told_from_story_text_by_their_first_tag(raw, page):
    assert is_page(raw) is page


def test_a_canonical_address_longer_than_the_newsroom_stores_is_left_out():
    html = MARKUP_DATED.replace("<title>", '<link rel="canonical" href="https://x.example/' + "a" * 500 + '"><title>')

    assert parse_page(html.encode()).source_url == ""
