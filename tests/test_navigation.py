"""Finding one's way: sections in the editors' order, a section index, breadcrumbs, archives
with their previous and next, and more from a story's section, person and country."""

import re

import pytest
from django.urls import reverse, set_script_prefix
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article
from tests.factories import country, make_article, make_person, make_section, make_statement, newsroom_time
from tests.queries import assert_flat

pytestmark = pytest.mark.django_db


def section_nav(response):
    nav = re.search(r'<nav class="section-nav".*?</nav>', response.content.decode(), re.S).group()
    return re.findall(r">([^<]+)</a>", nav)


def breadcrumb(response):
    nav = re.search(r'<nav class="breadcrumb".*?</nav>', response.content.decode(), re.S).group()
    return [part for part in re.split(r"<[^>]+>", nav) if part.strip()]


def test_the_header_lists_sections_with_published_stories_in_the_editors_order(client):
    for name, position in [("World", 2), ("Asia", 1), ("Europe", 1)]:
        make_article(section=make_section(name, position=position))
    make_article(section=make_section("Secret Plans"), status=Article.Status.DRAFT)

    assert section_nav(client.get("/")) == ["Asia", "Europe", "World", "All sections"]


def test_a_section_page_is_marked_current_and_does_not_repeat_its_name_on_every_card(client):
    section = make_section("World")
    make_article("Talks in Geneva", section=section)

    response = client.get(section.get_absolute_url())

    assertContains(response, '<a href="/sections/world/" aria-current="page">World</a>', html=True)
    assertNotContains(response, '<p class="kicker"><a href="/sections/world/">World</a></p>', html=True)
    assertContains(client.get("/"), '<p class="kicker"><a href="/sections/world/">World</a></p>', html=True)


def test_the_section_index_lists_sections_in_order_with_their_story_counts(client):
    world, asia = make_section("World", position=2), make_section("Asia", position=1)
    make_article(section=world)
    make_article(section=world)
    make_article(section=asia)
    make_article(section=make_section("Secret Plans"), status=Article.Status.DRAFT)

    response = client.get(reverse("articles:sections"))

    listed = re.findall(r'<a href="/sections/[^"]+/">([^<]+)</a>\s*<span class="meta">([^<]+)</span>', response.content.decode())
    assert listed == [("Asia", "1 story"), ("World", "2 stories")]


def test_pages_carry_a_breadcrumb_from_home(client):
    china, pakistan = country("CN"), country("PK")
    qin = make_person("Qin Gang", country=china)
    story = make_article(section=make_section("World"), people=[qin], countries=[china, pakistan],
                         published_at=newsroom_time(2023, 5, 6, 10), tags=["CPEC"])

    assert breadcrumb(client.get(story.get_absolute_url())) == ["Home", "World"]
    assert breadcrumb(client.get("/sections/world/")) == ["Home", "Sections", "World"]
    assert breadcrumb(client.get("/people/qin-gang/")) == ["Home", "People", "Qin Gang"]
    assert breadcrumb(client.get("/countries/pk/")) == ["Home", "Countries", "Pakistan"]
    assert breadcrumb(client.get("/relations/cn/pk/")) == ["Home", "Countries", "China", "China and Pakistan"]
    assert breadcrumb(client.get("/tags/cpec/")) == ["Home", "CPEC"]
    assert breadcrumb(client.get("/news/2023/05/")) == ["Home", "Archive", "2023", "May 2023"]
    assert breadcrumb(client.get("/statements/")) == ["Home", "Statements"]
    assertContains(client.get("/people/qin-gang/"), '<li aria-current="page">Qin Gang</li>', html=True)


def test_the_archive_lists_years_and_months_and_each_leads_to_the_next_with_stories(client):
    for year, month in [(2021, 3), (2023, 1), (2023, 5)]:
        make_article(published_at=newsroom_time(year, month, 2, 10))

    archive = client.get(reverse("articles:archive"))
    year = client.get("/news/2023/")
    may, january = client.get("/news/2023/05/"), client.get("/news/2023/01/")

    assertContains(archive, '<a href="/news/2021/">2021</a>', html=True)
    assertContains(archive, '<a class="pill" href="/news/2023/01/">January <span class="pill__count">1</span></a>', html=True)
    assertContains(year, '<a rel="prev" href="/news/2021/">&larr; 2021</a>', html=True)
    assertNotContains(year, 'rel="next" href="/news/')
    # February to April had nothing: January's next is May.
    assertContains(january, '<a rel="next" href="/news/2023/05/">May 2023 &rarr;</a>', html=True)
    assertContains(january, '<a rel="prev" href="/news/2021/03/">&larr; March 2021</a>', html=True)
    assertContains(may, '<a rel="prev" href="/news/2023/01/">&larr; January 2023</a>', html=True)
    assertContains(client.get("/"), f'<a href="{reverse("articles:archive")}">Archive</a>', html=True)


@pytest.fixture
def story_with_neighbours():
    china = country("CN")
    qin = make_person("Qin Gang", country=china)
    world = make_section("World")
    story = make_article("Qin Gang in Islamabad", section=world, people=[qin], countries=[china])
    make_statement(story, qin, "Words.")
    make_article("Same section", section=world)
    make_article("Qin Gang elsewhere", section=make_section("Asia"), people=[qin])
    make_article("About China", section=make_section("Asia"), countries=[china])
    make_article("A draft naming him", section=world, people=[qin], countries=[china], status=Article.Status.DRAFT)
    return story


def test_a_story_offers_more_from_its_section_person_and_country(client, story_with_neighbours):
    html = client.get(story_with_neighbours.get_absolute_url()).content.decode()

    more = {
        heading: re.findall(r'<li><a href="[^"]+">([^<]+)</a>', block)
        for heading, block in re.findall(r'<h3 class="section-title">(.*?)</h3>\s*<ul>(.*?)</ul>', re.sub(r"<a href=\"/(sections|people|countries)/[^\"]+/\">([^<]+)</a>(?=</h3>)", r"\2", html), re.S)
    }
    assert more == {
        "More from World": ["Same section"],
        "More from Qin Gang": ["Qin Gang elsewhere"],
        "More about China": ["About China"],
    }


def test_more_from_costs_the_same_queries_however_many_stories_there_are(get_with_queries, story_with_neighbours):
    url = story_with_neighbours.get_absolute_url()
    _, before = get_with_queries(url)
    qin, china = story_with_neighbours.people.get(), country("CN")
    for number in range(6):
        make_article(f"More {number}", section=story_with_neighbours.section, people=[qin], countries=[china])

    response, after = get_with_queries(url)

    more = re.search(r'<aside class="more-from".*?</aside>', response.content.decode(), re.S).group()
    assert more.count('<li><a href="/news/') == 12
    assert_flat(before, after)


def test_links_follow_the_address_the_site_is_served_under():
    """Model addresses are remembered (articles/links.py); one made for a site served under
    /newsroom/ must not be handed to one served at the root, or the other way round."""
    speaker = make_person("Qin Gang")
    assert speaker.get_absolute_url() == "/people/qin-gang/"
    set_script_prefix("/newsroom/")
    try:
        assert speaker.get_absolute_url() == "/newsroom/people/qin-gang/"
    finally:
        set_script_prefix("/")
    assert speaker.get_absolute_url() == "/people/qin-gang/"


@pytest.mark.parametrize("published_at", [
    newsroom_time(2023, 5, 6, 15, 34), newsroom_time(2019, 11, 18, 0, 5), newsroom_time(2024, 12, 31, 23, 59),
])
def test_a_story_address_is_the_one_its_url_pattern_makes(client, published_at):
    """Story addresses are put together from their month's (Article.get_absolute_url): they
    must stay what the detail pattern reverses to, lead to the story, and follow the prefix."""
    story = make_article("Talks in Islamabad", published_at=published_at, status=Article.Status.PUBLISHED)
    day = story.published_on
    expected = reverse("articles:detail", args=[day.year, f"{day.month:02}", f"{day.day:02}", story.slug])
    assert story.get_absolute_url() == expected
    assertContains(client.get(story.get_absolute_url()), "Talks in Islamabad")
    set_script_prefix("/newsroom/")
    try:
        assert story.get_absolute_url() == f"/newsroom{expected}"
    finally:
        set_script_prefix("/")
