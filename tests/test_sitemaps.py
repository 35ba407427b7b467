"""Sitemaps and robots.txt, as a search engine's crawler reads them."""

from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone

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


def test_sitemap_lists_published_stories_people_countries_and_tags(client):
    alvi, secret = make_person("Arif Alvi"), make_person("Secret Envoy")
    story = make_article("Alvi in Islamabad", people=[alvi], countries=[country("PK")], tags=["CPEC"])
    draft = make_article("Draft", status=Article.Status.DRAFT, people=[secret], countries=[country("SD")],
                         tags=["Secret"])

    found, _ = locations(client, reverse("sitemap"))

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


@pytest.mark.parametrize("name", ["sitemap", "news_sitemap"])
def test_sitemap_query_count_is_flat(get_with_queries, name):
    make_article(people=[make_person()], countries=[country("PK")], tags=["CPEC"])
    _, before = get_with_queries(reverse(name))
    for number in range(5):
        make_article(people=[make_person()], countries=[country("CN")], tags=[f"Tag {number}"])

    _, after = get_with_queries(reverse(name))

    assert_flat(before, after)
