"""Relations between two countries, richer person and country pages, and date archives."""

import re
from datetime import date

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from articles.charts import monthly_chart
from articles.models import Article
from tests.factories import (
    country, make_article, make_person, make_role, make_statement, newsroom_time,
)
from tests.queries import assert_flat

pytestmark = pytest.mark.django_db


@pytest.fixture
def china_pakistan(settings):
    settings.TIME_ZONE = "Asia/Shanghai"
    china, pakistan, sudan = country("CN"), country("PK"), country("SD")
    qin = make_person("Qin Gang", country=china)
    alvi = make_person("Arif Alvi", country=pakistan)
    make_role(qin, "State Councilor and Foreign Minister", country=china, start_date=date(2022, 12, 30))
    meeting = make_article("Alvi meets Qin Gang", published_at=newsroom_time(2023, 5, 6, 15, 34),
                           countries=[china, pakistan], people=[alvi, qin], tags=["CPEC", "Diplomacy"])
    make_statement(meeting, qin, "China and Pakistan are all-weather partners.", countries=[pakistan], paragraph=3)
    make_statement(meeting, qin, "Sudan needs a ceasefire.", countries=[sudan])
    remark = make_article("Qin Gang on South Asia", published_at=newsroom_time(2023, 7, 2, 9),
                          countries=[china], people=[qin], tags=["Diplomacy"])
    make_statement(remark, qin, "Pakistan is an ironclad friend.", countries=[pakistan])
    make_article("Sudan talks", countries=[china, sudan], published_at=newsroom_time(2023, 6, 1))
    make_article("Draft about Pakistan", status=Article.Status.DRAFT, countries=[china, pakistan])
    return qin, alvi


def test_relations_page_shows_stories_where_the_two_meet_or_speak_about_each_other(client, china_pakistan):
    response = client.get(reverse("articles:relation", args=["cn", "pk"]))

    assert reverse("articles:relation", args=["cn", "pk"]) == "/relations/cn/pk/"
    html = response.content.decode()
    assert re.findall(r'<h3 class="card__title"><a href="[^"]+">(.*?)</a>', html) == [
        "Qin Gang on South Asia", "Alvi meets Qin Gang"]
    assertContains(response, "Pakistan is an ironclad friend.")
    assertContains(response, "China and Pakistan are all-weather partners.")
    assertNotContains(response, "Sudan needs a ceasefire.")
    assertNotContains(response, "Draft about Pakistan")


def test_relations_page_is_the_same_for_either_order(client, china_pakistan):
    assertRedirects(client.get("/relations/pk/cn/"), "/relations/cn/pk/", status_code=301)
    assertRedirects(client.get("/relations/CN/PK/"), "/relations/cn/pk/", status_code=301)


def test_relations_need_two_known_different_countries(client):
    assert client.get("/relations/cn/cn/").status_code == 404
    assert client.get("/relations/cn/zz/").status_code == 404


def test_relations_page_has_a_monthly_chart_people_and_tags(client, china_pakistan):
    response = client.get(reverse("articles:relation", args=["cn", "pk"]))

    html = response.content.decode()
    assert "<svg" in html and "<script" not in html.split("<svg")[1].split("</svg>")[0]
    assertContains(response, "<title>May 2023: 1 story, 1 statement</title>", html=True)
    assertContains(response, "<title>June 2023: 0 stories, 0 statements</title>", html=True)
    assertContains(response, "<title>July 2023: 1 story, 1 statement</title>", html=True)
    assertContains(response, f'<a href="{reverse("articles:person", args=["qin-gang"])}">Qin Gang</a>', html=True)
    assertContains(response, 'Diplomacy <span class="pill__count">2</span>', html=True)


def test_monthly_chart_fills_empty_months_and_scales_to_the_busiest():
    chart = monthly_chart({date(2023, 11, 1): 2}, {date(2024, 2, 1): 4})

    assert [bar.month for bar in chart.bars] == [date(2023, 11, 1), date(2023, 12, 1), date(2024, 1, 1), date(2024, 2, 1)]
    assert chart.bars[0].stories_height == 50 and chart.bars[-1].statements_height == 100
    assert monthly_chart({}, {}).bars == []


def test_country_pages_link_to_their_relations(client, china_pakistan):
    china = client.get(reverse("articles:country", args=["cn"]))
    pakistan = client.get(reverse("articles:country", args=["pk"]))

    assertContains(china, '<a href="/relations/cn/pk/">China and Pakistan</a>', html=True)
    assertContains(pakistan, '<a href="/relations/cn/pk/">Pakistan and China</a>', html=True)


def test_country_page_shows_statements_about_it_by_its_officials_and_its_people(client, china_pakistan):
    pakistan = client.get(reverse("articles:country", args=["pk"]))
    china = client.get(reverse("articles:country", args=["cn"]))

    assertContains(pakistan, "Said about Pakistan")
    assertContains(pakistan, "Pakistan is an ironclad friend.")
    assertContains(china, "Said by China’s officials")
    assertContains(china, "Sudan needs a ceasefire.")
    assertContains(pakistan, f'<a href="{reverse("articles:person", args=["arif-alvi"])}">Arif Alvi</a>', html=True)


def test_person_page_shows_role_timeline_people_met_and_statements_by_date(client, china_pakistan):
    response = client.get(reverse("articles:person", args=["qin-gang"]))

    assertContains(response, '<h3 class="day__date"><time datetime="2023-07-02">2 July 2023</time></h3>', html=True)
    assertContains(response, "State Councilor and Foreign Minister, China")
    assertContains(response, "December 2022")
    assertContains(response, f'<a href="{reverse("articles:person", args=["arif-alvi"])}">Arif Alvi</a>', html=True)
    assertContains(response, f'href="{reverse("articles:statements")}?speaker=qin-gang"')


def test_year_and_month_archives_list_published_stories(client, china_pakistan):
    year = client.get(reverse("articles:year", args=[2023]))
    month = client.get(reverse("articles:month", args=[2023, 5]))

    assert reverse("articles:month", args=[2023, 5]) == "/news/2023/5/"
    assertContains(year, "Qin Gang on South Asia")
    assertContains(year, "Alvi meets Qin Gang")
    assertNotContains(year, "Draft about Pakistan")
    assertContains(year, '<a class="pill" href="/news/2023/05/">May <span class="pill__count">1</span></a>', html=True)
    assertContains(month, "Alvi meets Qin Gang")
    assertNotContains(month, "Qin Gang on South Asia")


def test_empty_or_impossible_archives_are_not_found(client):
    assert client.get("/news/1999/").status_code == 404
    assert client.get("/news/2023/13/").status_code == 404
    assert client.get("/news/2023/05/").status_code == 404


def more_relations(number):
    china, pakistan = country("CN"), country("PK")
    speaker = make_person(f"Speaker {number}", country=china)
    make_role(speaker, "Envoy", country=china, start_date=date(2000, 1, 1))
    article = make_article(countries=[china, pakistan, country("AF")], people=[speaker],
                           tags=[f"Tag {number}"], published_at=newsroom_time(2022, number + 1, 3))
    make_statement(article, speaker, "Words.", countries=[pakistan])


@pytest.mark.parametrize("url", ["/relations/cn/pk/", "/countries/pk/", "/people/qin-gang/", "/news/2023/", "/news/2023/05/"])
def test_new_pages_query_counts_are_flat(get_with_queries, china_pakistan, url):
    _, before = get_with_queries(url)
    for number in range(5):
        more_relations(number)
        make_article(published_at=newsroom_time(2023, 5, 10 + number), people=[china_pakistan[0]])

    _, after = get_with_queries(url)

    assert_flat(before, after)


def test_month_labels_never_touch_each_other():
    chart = monthly_chart({date(2023, 5, 1): 1}, {date(2023, 10, 1): 6})

    labelled = [bar.month.month for bar in chart.bars if bar.label]

    assert labelled == [5, 7, 9]


def test_a_story_with_many_exchanges_shows_the_first_three_and_leads_to_the_rest(client, china_pakistan):
    qin, _ = china_pakistan
    talks = make_article("Long talks", countries=[country("CN"), country("PK")], published_at=newsroom_time(2023, 8, 1))
    for number in range(5):
        make_statement(talks, qin, f"Point {number} on Pakistan.", countries=[country("PK")])

    response = client.get("/relations/cn/pk/")

    for number in range(3):
        assertContains(response, f"Point {number} on Pakistan.")
    assertNotContains(response, "Point 3 on Pakistan.")
    assertContains(response, f'<a href="{talks.get_absolute_url()}">2 more in the story</a>', html=True)
