"""What a story page tells machines: JSON-LD, Open Graph, Twitter cards, the canonical link."""

import json
import re

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Person
from tests.factories import country, make_article, make_person, make_section, newsroom_time

pytestmark = pytest.mark.django_db


def json_ld(response):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


@pytest.fixture
def story(settings):
    settings.TIME_ZONE = "Asia/Shanghai"
    xi = make_person("Xi Jinping", wikidata_id="Q15031")
    alvi = make_person("Arif Alvi")
    return make_article(
        "Alvi meets Qin Gang", section=make_section("China News"), summary="They met in Islamabad.",
        published_at=newsroom_time(2023, 5, 6, 15, 34), dateline="Islamabad", tags=["CPEC"],
        people=[alvi, xi], countries=[country("PK")],
    )


def test_story_page_has_news_article_json_ld(client, story):
    data = json_ld(client.get(story.get_absolute_url()))

    url = f"http://testserver{story.get_absolute_url()}"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Alvi meets Qin Gang"
    assert data["datePublished"] == "2023-05-06T07:34:00+00:00"
    assert data["dateModified"]
    assert data["dateline"] == "Islamabad"
    assert data["mainEntityOfPage"] == url
    assert data["publisher"] == {"@type": "Organization", "name": "Newsroom", "url": "http://testserver/"}
    assert data["about"] == [{"@type": "Country", "name": "Pakistan", "url": "http://testserver/countries/pk/"}]
    assert {"@type": "Person", "name": "Xi Jinping", "url": "http://testserver/people/xi-jinping/",
            "sameAs": "https://www.wikidata.org/wiki/Q15031"} in data["mentions"]
    assert "sameAs" not in next(person for person in data["mentions"] if person["name"] == "Arif Alvi")
    assert "image" not in data


def test_json_ld_image_is_a_portrait_when_the_story_has_one(client, story):
    Person.objects.filter(name="Xi Jinping").update(photo="people/xi.jpg")

    response = client.get(story.get_absolute_url())

    assert json_ld(response)["image"] == ["http://testserver/media/people/xi.jpg"]
    assertContains(response, '<meta property="og:image" content="http://testserver/media/people/xi.jpg">', html=True)


def test_json_ld_cannot_be_broken_out_of_by_a_title(client):
    article = make_article('</script><script>alert(1)</script> & "quotes"')

    response = client.get(article.get_absolute_url())

    assertNotContains(response, "</script><script>alert(1)")
    assert json_ld(response)["headline"] == '</script><script>alert(1)</script> & "quotes"'


def test_story_page_has_open_graph_twitter_and_canonical_tags(client, story):
    response = client.get(story.get_absolute_url())

    url = f"http://testserver{story.get_absolute_url()}"
    assertContains(response, f'<link rel="canonical" href="{url}">', html=True)
    assertContains(response, f'<meta property="og:url" content="{url}">', html=True)
    assertContains(response, '<meta property="og:title" content="Alvi meets Qin Gang">', html=True)
    assertContains(response, '<meta property="og:description" content="They met in Islamabad.">', html=True)
    assertContains(response, '<meta property="og:type" content="article">', html=True)
    assertContains(response, '<meta property="article:tag" content="CPEC">', html=True)
    assertContains(response, '<meta name="twitter:card" content="summary">', html=True)
    assertContains(response, '<meta name="twitter:title" content="Alvi meets Qin Gang">', html=True)
