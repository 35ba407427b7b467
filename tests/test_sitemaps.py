"""Sitemaps and robots.txt, as a search engine's crawler reads them."""

from datetime import datetime, timedelta
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import sitemaps
from articles.models import Article
from tests.factories import country, make_article, make_person
from tests.queries import assert_flat

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "news": "http://www.google.com/schemas/sitemap-news/0.9"}


def locations(client, url):
    response = client.get(url)
    assert response.status_code == 200
    tree = ElementTree.fromstring(response.content)
    return [loc.text for loc in tree.findall("s:url/s:loc", NS)], tree


def every_location(client):
    """Every address in the sitemaps the index lists, as a crawler follows them."""
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    found = []
    for sitemap in ElementTree.fromstring(response.content).findall("s:sitemap/s:loc", NS):
        found += locations(client, sitemap.text.removeprefix("http://testserver"))[0]
    return found


def test_sitemap_lists_published_stories_people_countries_and_tags(client):
    alvi, secret = make_person("Arif Alvi"), make_person("Secret Envoy")
    story = make_article("Alvi in Islamabad", people=[alvi], countries=[country("PK")], tags=["CPEC"])
    draft = make_article("Draft", status=Article.Status.DRAFT, people=[secret], countries=[country("SD")],
                         tags=["Secret"])

    found = every_location(client)

    base = "http://testserver"
    assert f"{base}{story.get_absolute_url()}" in found
    assert f"{base}{reverse('articles:person', args=['arif-alvi'])}" in found
    assert f"{base}{reverse('articles:country', args=['pk'])}" in found
    assert f"{base}{reverse('articles:tag', args=['cpec'])}" in found
    for hidden in [draft.get_absolute_url(), "secret-envoy", "/countries/sd/", "/tags/secret/"]:
        assert not any(hidden in location for location in found)


def test_news_sitemap_lists_the_last_two_days_with_news_tags(client):
    fresh = make_article("Talks & <more> \x0b today")
    make_article("Last week's story", published_at=timezone.now() - timedelta(days=3))
    make_article("Draft", status=Article.Status.DRAFT)

    found, tree = locations(client, reverse("news_sitemap"))

    assert found == [f"http://testserver{fresh.get_absolute_url()}"]
    assert tree.find("s:url/news:news/news:title", NS).text == "Talks & <more>  today"
    assert tree.find("s:url/news:news/news:publication/news:name", NS).text == "Newsroom"
    assert tree.find("s:url/news:news/news:publication_date", NS).text.startswith(str(timezone.localdate().year))


def test_robots_txt_points_to_both_sitemaps(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Sitemap: http://testserver/news-sitemap.xml" in text
    assert "Disallow: /admin/" in text


def test_sitemap_index_lists_each_months_stories_with_their_last_change(client):
    first = make_article("May story", published_at=timezone.make_aware(datetime(2023, 5, 6, 15, 34)))
    make_article("June story", published_at=timezone.make_aware(datetime(2023, 6, 1, 9, 0)))
    make_article("June draft", status=Article.Status.DRAFT, published_at=timezone.make_aware(datetime(2023, 7, 1)))

    tree = ElementTree.fromstring(client.get(reverse("sitemap")).content)
    entries = {
        sitemap.find("s:loc", NS).text: sitemap.find("s:lastmod", NS).text for sitemap in tree.findall("s:sitemap", NS)
    }

    may = "http://testserver" + reverse("sitemap_stories", args=[2023, "05"])
    assert set(entries) >= {may, "http://testserver" + reverse("sitemap_stories", args=[2023, "06"])}
    assert not any("2023/07" in location for location in entries)
    assert entries[may].startswith(first.updated_at.astimezone(timezone.get_current_timezone()).strftime("%Y-%m-%dT%H:%M"))
    assert locations(client, reverse("sitemap_stories", args=[2023, "05"]))[0] == [f"http://testserver{first.get_absolute_url()}"]


def test_a_month_of_more_stories_than_a_sitemap_holds_is_split(client, monkeypatch):
    monkeypatch.setattr(sitemaps, "PER_SITEMAP", 2)
    monkeypatch.setattr(sitemaps.StorySitemap, "limit", 2)
    for day in range(1, 6):
        make_article(f"Story {day}", published_at=timezone.make_aware(datetime(2023, 5, day, 9)))

    tree = ElementTree.fromstring(client.get(reverse("sitemap")).content)
    stories = [loc.text for loc in tree.findall("s:sitemap/s:loc", NS) if "/stories/" in loc.text]

    assert len(stories) == 3 and stories[2].endswith("?p=3")
    assert len(locations(client, stories[2].removeprefix("http://testserver"))[0]) == 1


@pytest.mark.parametrize("name", ["sitemap", "news_sitemap"])
def test_sitemap_query_count_is_flat(get_with_queries, name):
    make_article(people=[make_person()], countries=[country("PK")], tags=["CPEC"])
    _, before = get_with_queries(reverse(name))
    for number in range(5):
        make_article(people=[make_person()], countries=[country("CN")], tags=[f"Tag {number}"])

    _, after = get_with_queries(reverse(name))

    assert_flat(before, after)
