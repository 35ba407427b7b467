"""What a story page tells machines: JSON-LD, Open Graph, Twitter cards, the canonical link."""

import json
import re

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article, Person
from tests.factories import country, make_article, make_person, make_section, make_statement, newsroom_time

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
    assert data["image"] == ["http://testserver/static/img/share.png"]


def share_images(response):
    """The picture a story offers in JSON-LD, Open Graph and its Twitter card: one, the same in all three."""
    html = response.content.decode()
    og = re.findall(r'<meta property="og:image" content="([^"]*)">', html)
    twitter = re.findall(r'<meta name="twitter:image" content="([^"]*)">', html)
    assert len(og) == 1 and og == twitter == json_ld(response)["image"]
    return og[0]


def test_the_story_picture_is_its_lead_image_first(client, story):
    speaker = Person.objects.get(name="Xi Jinping")
    Person.objects.filter(pk=speaker.pk).update(photo="portraits/xi.jpg")
    make_statement(story, speaker, "Words.")
    Article.objects.filter(pk=story.pk).update(
        lead_image="lead-images/talks.jpg", lead_image_width=1600, lead_image_height=900, lead_image_alt="Handshake")

    response = client.get(story.get_absolute_url())

    assert share_images(response) == "http://testserver/media/lead-images/talks.jpg"
    assertContains(response, '<meta property="og:image:alt" content="Handshake">', html=True)


def test_without_a_lead_image_the_story_picture_is_a_speakers_portrait_before_other_peoples(client, story):
    alvi, xi = Person.objects.get(name="Arif Alvi"), Person.objects.get(name="Xi Jinping")
    Person.objects.filter(pk=alvi.pk).update(photo="portraits/alvi.jpg")
    Person.objects.filter(pk=xi.pk).update(photo="portraits/xi.jpg")
    make_statement(story, xi, "Words.")

    assert share_images(client.get(story.get_absolute_url())) == "http://testserver/media/portraits/xi.jpg"


def test_a_portrait_of_someone_named_serves_when_no_speaker_has_one(client, story):
    Person.objects.filter(name="Xi Jinping").update(photo="people/xi.jpg")

    assert share_images(client.get(story.get_absolute_url())) == "http://testserver/media/people/xi.jpg"


def test_with_no_picture_of_its_own_the_story_offers_the_sites(client, story, settings):
    settings.SHARE_IMAGE = "img/share.png"

    assert share_images(client.get(story.get_absolute_url())) == "http://testserver/static/img/share.png"
    assert (settings.BASE_DIR / "static" / "img" / "share.png").exists()


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
    assertContains(response, '<meta name="twitter:card" content="summary_large_image">', html=True)
    assertContains(response, '<meta name="twitter:title" content="Alvi meets Qin Gang">', html=True)
