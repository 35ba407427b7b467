"""The public website as a reader sees it: lists, the article page, index pages and 404s."""

import re
from datetime import date, datetime, timedelta
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from articles.models import Article, Statement
from articles.templatetags.sharing import mailto
from tests.factories import (
    country,
    make_article,
    make_person,
    make_role,
    make_section,
    make_statement,
    newsroom_time,
)
from tests.queries import assert_flat

pytestmark = pytest.mark.django_db

SEED_TITLE = "Pakistani President Arif Alvi Meets with Qin Gang"
SEED_BODY = (
    "On May 5, 2023 local time, Pakistani President Arif Alvi met with visiting Chinese "
    "State Councilor and Foreign Minister Qin Gang in Islamabad.\n\n"
    "Alvi asked Qin Gang to convey his sincere greetings to President Xi Jinping.\n\n"
    "Qin Gang conveyed President Xi Jinping's cordial greetings to Alvi."
)


@pytest.fixture
def newsroom_clock(settings):
    """Pin the newsroom's zone, so "15:34" means Beijing time whatever the environment says."""
    settings.TIME_ZONE = "Asia/Shanghai"


@pytest.fixture
def seed_story(newsroom_clock):
    """The seed story: Alvi meets Qin Gang, with tags, countries, people and statements."""
    pakistan, china = country("PK"), country("CN")
    alvi = make_person("Arif Alvi", country=pakistan)
    qin = make_person("Qin Gang", country=china)
    make_role(alvi, "President", country=pakistan, start_date=date(2018, 9, 9))
    make_role(qin, "Ambassador to the United States", country=china,
              start_date=date(2021, 7, 28), end_date=date(2022, 12, 29))
    make_role(qin, "State Councilor and Foreign Minister", country=china,
              start_date=date(2022, 12, 30), end_date=date(2023, 7, 25))
    article = make_article(
        SEED_TITLE,
        section=make_section("China News"),
        published_at=newsroom_time(2023, 5, 6, 15, 34),
        body=SEED_BODY,
        dateline="Islamabad",
        tags=["Diplomacy", "CPEC"],
        people=[alvi, qin],
        countries=[pakistan, china],
    )
    make_statement(article, alvi, "Qin Gang should convey his greetings to President Xi Jinping.",
                   cue="asked", paragraph=2, countries=[china])
    make_statement(article, qin, "China and Pakistan are all-weather strategic cooperative partners.",
                   cue="said", paragraph=3, countries=[china, pakistan])
    make_statement(article, alvi, "Pakistan is firmly committed to the one-China policy.",
                   cue="said", paragraph=2, countries=[pakistan])
    return article


def page_text(response):
    return response.content.decode()


def draft_and_future(**fields):
    """A draft and a scheduled story that the public must not see yet."""
    draft = make_article("Unannounced visit draft", status=Article.Status.DRAFT, **fields)
    future = make_article("Embargoed summit story", published_at=timezone.now() + timedelta(days=1), **fields)
    return draft, future


def assert_hidden(response, *articles):
    for article in articles:
        assertNotContains(response, article.title)
        assertNotContains(response, article.get_absolute_url())


# The home page


def test_home_page_lists_title_date_section_and_summary(client, newsroom_clock):
    article = make_article(
        "Qin Gang Meets Sudanese Envoy",
        section=make_section("China News"),
        published_at=newsroom_time(2023, 5, 4, 9, 5),
        summary="The two sides discussed the evacuation of nationals.",
    )

    response = client.get(reverse("articles:list"))

    assertContains(response, f'<a href="{article.get_absolute_url()}">Qin Gang Meets Sudanese Envoy</a>', html=True)
    assertContains(response, "4 May 2023, 09:05 Beijing time")
    assertContains(response, f'<a href="{reverse("articles:section", args=["china-news"])}">China News</a>', html=True)
    assertContains(response, "The two sides discussed the evacuation of nationals.")


def test_home_page_falls_back_to_the_first_paragraph_without_a_summary(client):
    make_article(body="Alvi met Qin Gang in Islamabad.\n\nThey discussed the CPEC.")

    response = client.get(reverse("articles:list"))

    assertContains(response, "Alvi met Qin Gang in Islamabad.")
    assertNotContains(response, "They discussed the CPEC.")


def test_home_page_shows_twenty_stories_a_page_newest_first(client):
    start = timezone.now() - timedelta(days=30)
    for day in range(21):
        make_article(f"Story of day {day:02}", published_at=start + timedelta(days=day))

    first = client.get(reverse("articles:list"))
    second = client.get(reverse("articles:list"), {"page": 2})

    first_titles = re.findall(r"Story of day \d\d", page_text(first))
    assert first_titles == [f"Story of day {day:02}" for day in range(20, 0, -1)]
    assert re.findall(r"Story of day \d\d", page_text(second)) == ["Story of day 00"]
    assertContains(first, 'href="?page=2"')
    assertContains(second, 'href="?page=1"')


@pytest.mark.parametrize("url", [reverse("articles:list"), reverse("articles:section", args=["world"])])
def test_a_list_of_stories_reads_no_tags_since_its_cards_print_none(get_with_queries, url):
    section = make_section("World")
    for number in range(3):
        make_article(f"Story {number}", section=section, tags=["diplomacy"])

    response, queries = get_with_queries(url)

    assertContains(response, "Story 2")
    assert not [sql for sql in queries if "taggit_" in sql]


def test_home_page_past_the_last_page_is_not_found(client):
    make_article("The only story")

    assert client.get(reverse("articles:list"), {"page": 2}).status_code == 404
    assert client.get(reverse("articles:list"), {"page": 1}).status_code == 200


@pytest.mark.parametrize("page", ["0", "-1", "abc", "1.5", "²", "5001", "9" * 30])
def test_a_page_number_that_is_not_one_is_not_found(client, page):
    make_article("The only story")

    assert client.get(reverse("articles:list"), {"page": page}).status_code == 404


def test_pages_link_to_the_next_few_and_back_to_the_first(client):
    for number in range(7 * 20 + 1):
        make_article(f"Story {number}", published_at=timezone.now() - timedelta(minutes=number + 1))

    page_five = client.get(reverse("articles:list"), {"page": 5}).content.decode()

    assert "Story 80<" in page_five and "Story 99<" in page_five and "Story 100<" not in page_five
    links = re.findall(r'href="\?page=(\d+)"', page_five)
    assert sorted(set(map(int, links))) == [1, 3, 4, 5, 6, 7]


def test_draft_and_future_articles_are_not_on_the_home_page(client):
    make_article("Published story")
    hidden = draft_and_future()

    response = client.get(reverse("articles:list"))

    assertContains(response, "Published story")
    assert_hidden(response, *hidden)


def test_home_page_escapes_html_in_titles(client):
    make_article("Talks <script>alert(1)</script> end")

    response = client.get(reverse("articles:list"))

    assertContains(response, "Talks &lt;script&gt;alert(1)&lt;/script&gt; end")
    assertNotContains(response, "<script>alert(1)</script>")


def test_empty_home_page_says_nothing_is_published(client):
    response = client.get(reverse("articles:list"))

    assertContains(response, "No stories have been published yet.")


# The article page


def test_article_page_shows_title_beijing_time_and_dateline(client, seed_story):
    response = client.get(seed_story.get_absolute_url())

    assert seed_story.get_absolute_url() == "/news/2023/05/06/pakistani-president-arif-alvi-meets-with-qin-gang/"
    assertContains(response, f"<h1 class=\"story__title\">{SEED_TITLE}</h1>", html=True)
    assertContains(response, '<time datetime="2023-05-06T15:34+08:00">6 May 2023, 15:34 Beijing time</time>', html=True)
    assertContains(response, "Islamabad")
    assertContains(response, f"<title>{SEED_TITLE} · Newsroom</title>", html=True)


def test_article_page_time_follows_the_newsroom_time_zone(client, settings):
    settings.TIME_ZONE = "Asia/Shanghai"
    article = make_article(published_at=datetime(2023, 5, 6, 7, 34, tzinfo=ZoneInfo("UTC")))

    response = client.get(article.get_absolute_url())

    assertContains(response, "6 May 2023, 15:34 Beijing time")


def test_article_page_has_a_breadcrumb_to_home_and_section(client, seed_story):
    response = client.get(seed_story.get_absolute_url())

    breadcrumb = re.search(r'<nav class="breadcrumb".*?</nav>', page_text(response), re.S).group()
    home = f'<a href="{reverse("articles:list")}">Home</a>'
    section = f'<a href="{reverse("articles:section", args=["china-news"])}">China News</a>'
    assert breadcrumb.index(home) < breadcrumb.index(section)


def test_article_page_numbers_its_paragraphs(client, seed_story):
    response = client.get(seed_story.get_absolute_url())

    assertContains(response, '<p id="p1">On May 5, 2023 local time,', count=1)
    assertContains(response, '<p id="p3">Qin Gang conveyed President', count=1)
    assertNotContains(response, 'id="p4"')


def test_who_said_what_is_one_line_a_statement_in_story_order_with_the_rest_on_demand(client, seed_story):
    make_statement(seed_story, make_person("Qin Gang Two"), " ".join(f"word{number}" for number in range(40)), paragraph=3)

    html = page_text(client.get(seed_story.get_absolute_url()))

    lines = re.findall(r"<summary>(.*?)</summary>", html, re.S)
    assert [re.sub(r"<[^>]+>", "", line) for line in lines] == [
        "Arif Alvi asked Qin Gang should convey his greetings to President Xi Jinping.",
        "Qin Gang said China and Pakistan are all-weather strategic cooperative partners.",
        "Arif Alvi said Pakistan is firmly committed to the one-China policy.",
        "Qin Gang Two said " + " ".join(f"word{number}" for number in range(12)) + " …",
    ]
    # The whole statement, its speaker's page and role are one click away, inside <details>.
    more = re.findall(r"</summary>(.*?)</details>", html, re.S)
    assert "word39" in more[3]
    assert f'<a class="statement__speaker" href="{reverse("articles:person", args=["qin-gang"])}">Qin Gang</a>' in more[1]
    assert "State Councilor and Foreign Minister, China" in more[1]


def test_attributed_passages_are_marked_in_the_body_with_their_speaker_linked(client, seed_story):
    statement = seed_story.statements.get(position=1)
    start = seed_story.body.index("Qin Gang to convey")
    statement.start, statement.end = start, seed_story.body.index(" Jinping.") + len(" Jinping.")
    statement.save()

    response = client.get(seed_story.get_absolute_url())

    assertContains(response, (
        '<p id="p2">Alvi asked <span class="passage" id="said-1">Qin Gang to convey his sincere greetings to President '
        f'Xi Jinping.</span> <a class="passage__speaker" href="{reverse("articles:person", args=["arif-alvi"])}">'
        '<span class="visually-hidden">said by </span>Arif Alvi</a></p>'
    ), html=True)


def test_a_passage_whose_span_no_longer_fits_the_body_is_not_marked(client, seed_story):
    Statement.objects.filter(article=seed_story).update(start=10, end=100_000)

    response = client.get(seed_story.get_absolute_url())

    assertNotContains(response, 'class="passage"')
    assertContains(response, '<p id="p1">On May 5, 2023 local time,')


def test_article_page_shows_each_speakers_role_on_the_day(client, seed_story):
    response = client.get(seed_story.get_absolute_url())

    assertContains(response, "President, Pakistan")
    assertContains(response, "State Councilor and Foreign Minister, China")
    assertNotContains(response, "Ambassador to the United States")


def test_article_page_shows_statement_cue_and_countries(client, seed_story):
    response = client.get(seed_story.get_absolute_url())

    assertContains(response, '<span class="statement__cue">asked</span>', html=True)
    assertContains(response, f'<a class="pill" href="{reverse("articles:country", args=["cn"])}">China</a>', html=True)
    assertContains(response, '<a class="statement__paragraph" href="#p3">Paragraph 3</a>', html=True)


def test_article_page_hides_statements_awaiting_review(client, seed_story):
    make_statement(seed_story, make_person("Xi Jinping"), "An unchecked remark.",
                   review=Statement.Review.SUGGESTED)

    response = client.get(seed_story.get_absolute_url())

    assertNotContains(response, "An unchecked remark.")


def test_article_page_links_tags_countries_and_people(client, seed_story):
    response = client.get(seed_story.get_absolute_url())

    assertContains(response, f'<a class="pill" href="{reverse("articles:tag", args=["diplomacy"])}">Diplomacy</a>', html=True)
    assertContains(response, f'<a class="pill" href="{reverse("articles:country", args=["pk"])}">Pakistan</a>', html=True)
    assertContains(response, f'<a class="pill" href="{reverse("articles:person", args=["qin-gang"])}">Qin Gang</a>', html=True)


def test_share_links_go_to_each_service_with_the_title_and_address_and_load_nothing_of_theirs(client, seed_story):
    html = page_text(client.get(seed_story.get_absolute_url()))

    address = quote(f"http://testserver{seed_story.get_absolute_url()}", safe="")
    title = quote(SEED_TITLE, safe="")
    share = re.search(r'<ul class="share__links">(.*?)</ul>', html, re.S).group(1)
    assert re.findall(r'<a class="pill" href="([^"]*)">([^<]*)</a>', share) == [
        (f"mailto:?subject={title}&amp;body={address}", "Email"),
        (f"https://x.com/intent/post?text={title}&amp;url={address}", "X"),
        (f"https://www.facebook.com/sharer/sharer.php?u={address}", "Facebook"),
        (f"https://www.linkedin.com/sharing/share-offsite/?url={address}", "LinkedIn"),
        (f"https://wa.me/?text={title}%20{address}", "WhatsApp"),
        (f"https://service.weibo.com/share/share.php?url={address}&amp;title={title}", "Weibo"),
    ]
    # Copying works without JavaScript too: the address is in a field to select.
    assert f'<input id="share-url" type="url" value="http://testserver{seed_story.get_absolute_url()}" readonly>' in html
    assert re.findall(r'<script[^>]* src="([^"]*)"', html) == ["/static/js/share.js"]


def test_story_page_credits_the_byline_and_the_source_with_its_link(client, seed_story):
    seed_story.byline = "Li Wei, Islamabad"
    seed_story.source_name, seed_story.source_url = "Ministry of Foreign Affairs", "https://example.com/t20230506.html"
    seed_story.save()

    response = client.get(seed_story.get_absolute_url())

    assertContains(response, '<p class="story__byline">By Li Wei, Islamabad</p>', html=True)
    assertContains(response, (
        '<p class="meta story__source">Source: <a href="https://example.com/t20230506.html" rel="nofollow">'
        "Ministry of Foreign Affairs</a></p>"
    ), html=True)


def test_story_page_has_no_byline_or_source_line_when_there_is_none(client, seed_story):
    response = client.get(seed_story.get_absolute_url())

    assertNotContains(response, "story__byline")
    assertNotContains(response, "Source:")


def test_mailto_encodes_everything_a_mail_program_could_misread():
    url = mailto('Alvi & Qin: "ironclad" + more', "https://example.com/news/?a=1&b=2")

    assert url == (
        "mailto:?subject=Alvi%20%26%20Qin%3A%20%22ironclad%22%20%2B%20more"
        "&body=https%3A%2F%2Fexample.com%2Fnews%2F%3Fa%3D1%26b%3D2"
    )


def test_article_page_escapes_html_in_title_and_body(client):
    article = make_article("Talks <script>alert(1)</script>", body="A <b>bold</b> claim.")

    response = client.get(article.get_absolute_url())

    assertContains(response, "Talks &lt;script&gt;alert(1)&lt;/script&gt;")
    assertContains(response, "A &lt;b&gt;bold&lt;/b&gt; claim.")
    assertNotContains(response, "<script>alert(1)</script>")


def test_draft_article_page_is_not_found(client):
    draft = make_article(status=Article.Status.DRAFT)

    assert client.get(draft.get_absolute_url()).status_code == 404


def test_future_article_page_is_not_found(client):
    future = make_article(published_at=timezone.now() + timedelta(hours=1))

    assert client.get(future.get_absolute_url()).status_code == 404


def test_article_page_with_the_wrong_date_is_not_found(client):
    article = make_article(published_at=newsroom_time(2023, 5, 6, 15, 34))

    assert client.get(f"/news/2023/05/07/{article.slug}/").status_code == 404
    assert client.get(f"/news/2023/02/30/{article.slug}/").status_code == 404


# Tag, country, section and person pages


def test_tag_page_lists_its_published_stories(client):
    make_article("CPEC talks", tags=["CPEC"])
    make_article("Unrelated story", tags=["Sudan"])
    hidden = draft_and_future(tags=["CPEC"])

    response = client.get(reverse("articles:tag", args=["cpec"]))

    assertContains(response, "<h1 class=\"page-title\">CPEC</h1>", html=True)
    assertContains(response, "CPEC talks")
    assertNotContains(response, "Unrelated story")
    assert_hidden(response, *hidden)


def test_tag_used_only_on_drafts_is_not_found(client):
    make_article("Secret visit", status=Article.Status.DRAFT, tags=["Secret visit"])

    assert client.get(reverse("articles:tag", args=["secret-visit"])).status_code == 404


def test_country_page_lists_its_published_stories(client):
    pakistan = country("PK")
    make_article("Alvi meets Qin Gang", countries=[pakistan])
    make_article("Talks in Khartoum", countries=[country("SD")])
    hidden = draft_and_future(countries=[pakistan])

    response = client.get(reverse("articles:country", args=["pk"]))

    assert reverse("articles:country", args=["pk"]) == "/countries/pk/"
    assertContains(response, "<h1 class=\"page-title\">Pakistan</h1>", html=True)
    assertContains(response, "Alvi meets Qin Gang")
    assertNotContains(response, "Talks in Khartoum")
    assert_hidden(response, *hidden)


def test_country_page_with_an_uppercase_code_redirects_to_lowercase(client):
    response = client.get("/countries/PK/")

    assertRedirects(response, "/countries/pk/", status_code=301)


def test_unknown_country_is_not_found(client):
    assert client.get("/countries/zz/").status_code == 404


def test_country_pages_paginate_like_the_home_page(client):
    pakistan = country("PK")
    start = timezone.now() - timedelta(days=30)
    for day in range(21):
        make_article(f"Pakistan story {day:02}", published_at=start + timedelta(days=day), countries=[pakistan])

    second = client.get(reverse("articles:country", args=["pk"]), {"page": 2})

    assert re.findall(r"Pakistan story \d\d", page_text(second)) == ["Pakistan story 00"]


def test_section_page_lists_its_published_stories(client):
    china_news = make_section("China News")
    make_article("Embassy reception", section=china_news)
    make_article("World story", section=make_section("World"))
    hidden = draft_and_future(section=china_news)

    response = client.get(reverse("articles:section", args=["china-news"]))

    assertContains(response, "<h1 class=\"page-title\">China News</h1>", html=True)
    assertContains(response, "Embassy reception")
    assertNotContains(response, "World story")
    assert_hidden(response, *hidden)


def test_person_page_lists_statements_with_dates_and_roles(client, seed_story):
    response = client.get(reverse("articles:person", args=["qin-gang"]))

    assertContains(response, "<h1 class=\"page-title\">Qin Gang</h1>", html=True)
    assertContains(response, "all-weather strategic cooperative partners")
    assertContains(response, '<time datetime="2023-05-06">6 May 2023</time>', html=True)
    assertContains(response, '<span class="statement__role">State Councilor and Foreign Minister, China</span>', html=True)
    assertContains(response, f'href="{seed_story.get_absolute_url()}#p3"')
    assertNotContains(response, "firmly committed to the one-China policy")


def test_person_page_shows_the_role_held_when_each_statement_was_made(client, newsroom_clock):
    qin = make_person("Qin Gang")
    make_role(qin, "Ambassador to the United States", start_date=date(2021, 7, 28), end_date=date(2022, 12, 29))
    make_role(qin, "Foreign Minister", start_date=date(2022, 12, 30))
    make_statement(make_article(published_at=newsroom_time(2022, 3, 1, 9)), qin, "Spoken in Washington.")
    make_statement(make_article(published_at=newsroom_time(2023, 5, 6, 9)), qin, "Spoken in Islamabad.")

    html = page_text(client.get(reverse("articles:person", args=["qin-gang"])))

    statements = re.findall(r'<li class="statement">.*?</li>', html, re.S)
    assert "Foreign Minister" in statements[0] and "Spoken in Islamabad." in statements[0]
    assert "Ambassador to the United States" in statements[1] and "Spoken in Washington." in statements[1]


def test_person_page_leaves_out_drafts_and_their_statements(client):
    alvi = make_person("Arif Alvi")
    make_article("Alvi in Islamabad", people=[alvi])
    draft, future = draft_and_future(people=[alvi])
    make_statement(draft, alvi, "Words from a draft.")
    make_statement(future, alvi, "Words from an embargoed story.")

    response = client.get(reverse("articles:person", args=["arif-alvi"]))

    assertContains(response, "Alvi in Islamabad")
    assert_hidden(response, draft, future)
    assertNotContains(response, "Words from a draft.")
    assertNotContains(response, "Words from an embargoed story.")


def test_person_named_only_in_drafts_is_not_found(client):
    newcomer = make_person("Newly Appointed Envoy")
    draft = make_article(status=Article.Status.DRAFT, people=[newcomer])
    make_statement(draft, newcomer, "Words from a draft.")

    assert client.get(reverse("articles:person", args=[newcomer.slug])).status_code == 404


def test_person_page_escapes_html_in_statements(client):
    alvi = make_person("Arif Alvi")
    make_statement(make_article(people=[alvi]), alvi, "He said <img src=x onerror=alert(1)>.")

    response = client.get(reverse("articles:person", args=["arif-alvi"]))

    assertContains(response, "He said &lt;img src=x onerror=alert(1)&gt;.")


def test_country_and_people_indexes_list_only_those_in_published_stories(client):
    alvi, envoy = make_person("Arif Alvi"), make_person("Secret Envoy")
    make_article(people=[alvi], countries=[country("PK")])
    make_article(status=Article.Status.DRAFT, people=[envoy], countries=[country("SD")])

    countries = client.get(reverse("articles:countries"))
    people = client.get(reverse("articles:people"))

    assertContains(countries, f'<a href="{reverse("articles:country", args=["pk"])}">Pakistan</a>', html=True)
    assertNotContains(countries, "Sudan")
    assertContains(people, f'<a href="{reverse("articles:person", args=["arif-alvi"])}">Arif Alvi</a>', html=True)
    assertNotContains(people, "Secret Envoy")


# The site around the pages


def test_every_page_has_the_site_name_and_navigation(client, settings):
    settings.SITE_NAME = "Embassy News"

    response = client.get(reverse("articles:countries"))

    assertContains(response, "Embassy News")
    for name in ["list", "countries", "people"]:
        assertContains(response, f'href="{reverse(f"articles:{name}")}"')
    assertContains(response, 'aria-current="page">Countries</a>')


def test_missing_page_has_the_sites_look(client, settings):
    settings.DEBUG = False

    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assertContains(response, "Page not found", status_code=404)
    assertContains(response, "css/site.css", status_code=404)
    assertContains(response, f'<a href="{reverse("articles:list")}">Read the latest news</a>', html=True, status_code=404)


def test_draft_article_page_answers_with_the_sites_404(client, settings):
    settings.DEBUG = False
    draft = make_article(status=Article.Status.DRAFT)

    response = client.get(draft.get_absolute_url())

    assertContains(response, "Page not found", status_code=404)
    assertNotContains(response, draft.title, status_code=404)


# Query counts stay flat as pages fill up


def add_story(*, tags=("Diplomacy",), **fields):
    return make_article(tags=tags, **fields)


def add_speaker(article, name, *countries):
    speaker = make_person(name, country=countries[0] if countries else None)
    make_role(speaker, "Foreign Minister", country=country("CN"), start_date=date(2000, 1, 1))
    make_statement(article, speaker, f"{name} spoke.", countries=countries)
    return speaker


def test_home_page_query_count_is_flat(get_with_queries):
    add_story()
    _, before = get_with_queries(reverse("articles:list"))
    for number in range(5):
        add_story(tags=[f"Tag {number}", "Diplomacy"], section=make_section(f"Section {number}"))

    _, after = get_with_queries(reverse("articles:list"))

    assert_flat(before, after)


def test_article_page_query_count_is_flat(get_with_queries):
    pakistan, china = country("PK"), country("CN")
    article = add_story(countries=[pakistan], people=[make_person()])
    add_speaker(article, "First Speaker", pakistan)
    _, before = get_with_queries(article.get_absolute_url())

    article.tags.add("CPEC", "Belt and Road", "Sudan")
    article.countries.add(china, country("AF"))
    for number in range(4):
        speaker = add_speaker(article, f"Speaker {number}", pakistan, china)
        make_role(speaker, "Ambassador", country=pakistan, start_date=date(1990, 1, 1), end_date=date(1999, 1, 1))
        make_statement(article, speaker, "More words.", countries=[china])
        article.people.add(speaker)
    _, after = get_with_queries(article.get_absolute_url())

    assert_flat(before, after)


def test_tag_page_query_count_is_flat(get_with_queries):
    add_story(tags=["CPEC"])
    url = reverse("articles:tag", args=["cpec"])
    _, before = get_with_queries(url)
    for number in range(5):
        add_story(tags=["CPEC", f"Tag {number}"], section=make_section(f"Section {number}"))

    _, after = get_with_queries(url)

    assert_flat(before, after)


def test_country_page_query_count_is_flat(get_with_queries):
    pakistan = country("PK")
    add_story(countries=[pakistan, country("AF")])
    url = reverse("articles:country", args=["pk"])
    _, before = get_with_queries(url)
    for number in range(5):
        add_story(countries=[pakistan, country("CN")], tags=[f"Tag {number}"], section=make_section(f"Section {number}"))

    _, after = get_with_queries(url)

    assert_flat(before, after)


def test_section_page_query_count_is_flat(get_with_queries):
    section = make_section("China News")
    add_story(section=section)
    url = reverse("articles:section", args=["china-news"])
    _, before = get_with_queries(url)
    for number in range(5):
        add_story(section=section, tags=[f"Tag {number}"])

    _, after = get_with_queries(url)

    assert_flat(before, after)


def test_person_page_query_count_is_flat(get_with_queries):
    pakistan, china = country("PK"), country("CN")
    qin = make_person("Qin Gang", country=china)
    make_role(qin, "Foreign Minister", country=china, start_date=date(2022, 12, 30))
    make_statement(add_story(people=[qin]), qin, "First words.", countries=[pakistan])
    url = reverse("articles:person", args=["qin-gang"])
    _, before = get_with_queries(url)

    make_role(qin, "Ambassador", country=china, start_date=date(2021, 1, 1), end_date=date(2022, 12, 29))
    for number in range(5):
        article = add_story(people=[qin], tags=[f"Tag {number}"], section=make_section(f"Section {number}"))
        make_statement(article, qin, f"Words {number}.", countries=[pakistan, china])
    _, after = get_with_queries(url)

    assert_flat(before, after)


def test_country_and_people_index_query_counts_are_flat(get_with_queries):
    add_story(countries=[country("PK")], people=[make_person(country=country("PK"))])
    _, countries_before = get_with_queries(reverse("articles:countries"))
    _, people_before = get_with_queries(reverse("articles:people"))
    for code in ["CN", "AF", "SD", "US"]:
        add_story(countries=[country(code)], people=[make_person(country=country(code)), make_person()])

    _, countries_after = get_with_queries(reverse("articles:countries"))
    _, people_after = get_with_queries(reverse("articles:people"))

    assert_flat(countries_before, countries_after)
    assert_flat(people_before, people_after)


def test_server_error_page_renders_without_a_request():
    assert "Something went wrong on our side" in render_to_string("500.html")


def test_a_section_with_only_unpublished_stories_is_not_found(client):
    make_article("Planned story", section=make_section("Secret Plans"), status=Article.Status.DRAFT)

    assert client.get(reverse("articles:section", args=["secret-plans"])).status_code == 404
    assert client.get(reverse("articles:section_feed", args=["secret-plans"])).status_code == 404
