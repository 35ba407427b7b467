"""RSS and Atom feeds, read the way a feed reader reads them (feedparser)."""

import feedparser
import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from articles.models import Article, Statement
from tests.factories import country, make_article, make_person, make_section, make_statement
from tests.queries import assert_flat

pytestmark = pytest.mark.django_db

# PostgreSQL cannot store NUL, so \x01 stands for the control characters that can reach a story.
ODD_TITLE = "Talks\x01 on \x0bdams & <rivers> 🤝 \u200fمحادثات باكستان\u200f \ufffe"


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, f"{url}: {feed.get('bozo_exception')}"
    return feed


@pytest.fixture
def stories():
    qin, alvi = make_person("Qin Gang"), make_person("Arif Alvi")
    pakistan = country("PK")
    published = make_article(
        "Alvi meets Qin Gang", section=make_section("China News"), tags=["CPEC"], people=[alvi],
        countries=[pakistan], summary="They met in Islamabad.",
    )
    make_statement(published, qin, "Words of Qin Gang.")
    make_article("Unannounced draft", status=Article.Status.DRAFT, section=make_section("China News"),
                 tags=["CPEC"], people=[alvi, qin], countries=[pakistan])
    make_article("Unrelated story", section=make_section("World"))
    return published


FEEDS = [
    ("feed", ()), ("section_feed", ("china-news",)), ("tag_feed", ("cpec",)),
    ("person_feed", ("arif-alvi",)), ("person_feed", ("qin-gang",)), ("country_feed", ("pk",)),
]


@pytest.mark.parametrize("kind", ["feed", "atom"])
@pytest.mark.parametrize("name, args", FEEDS)
def test_feeds_list_published_stories_of_their_subject(client, stories, name, args, kind):
    url = reverse(f"articles:{name.replace('feed', kind)}", args=args)

    feed = parse(client, url)

    titles = [entry.title for entry in feed.entries]
    expected = ["Unrelated story", "Alvi meets Qin Gang"] if name == "feed" else ["Alvi meets Qin Gang"]
    assert titles == expected
    assert feed.entries[-1].link == f"http://testserver{stories.get_absolute_url()}"


def test_latest_feed_has_summaries_dates_and_categories(client, stories):
    feed = parse(client, reverse("articles:atom"))

    entry = feed.entries[-1]
    assert entry.summary == "They met in Islamabad."
    assert entry.published_parsed and entry.updated_parsed
    assert [tag.term for tag in entry.tags] == ["CPEC"]


@pytest.mark.parametrize("name", ["articles:feed", "articles:atom"])
def test_feeds_parse_cleanly_with_control_characters_markup_emoji_and_rtl_text(client, name):
    make_article(ODD_TITLE, summary="A & B < C > D \x07 \"quoted\" 'single' ‮reversed‬", tags=["R&D <x>"])

    feed = parse(client, reverse(name))

    assert feed.entries[0].title.strip() == "Talks on dams & <rivers> 🤝 \u200fمحادثات باكستان\u200f"
    assert "A & B < C > D" in feed.entries[0].summary


def test_feed_of_an_unknown_subject_is_not_found(client):
    assert client.get(reverse("articles:person_feed", args=["nobody"])).status_code == 404
    assert client.get(reverse("articles:country_feed", args=["zz"])).status_code == 404


def test_feeds_of_a_tag_or_person_only_in_drafts_are_not_found(client):
    envoy = make_person("Secret Envoy")
    make_article("Secret visit", status=Article.Status.DRAFT, tags=["Secret visit"], people=[envoy])

    assert client.get(reverse("articles:tag_feed", args=["secret-visit"])).status_code == 404
    assert client.get(reverse("articles:person_atom", args=["secret-envoy"])).status_code == 404


def test_suggested_statements_do_not_put_a_story_in_a_persons_feed(client):
    xi = make_person("Xi Jinping")
    make_statement(make_article("Guessed quote"), xi, "Unchecked.", review=Statement.Review.SUGGESTED)
    make_article("Xi named here", people=[xi])

    entries = parse(client, reverse("articles:person_feed", args=["xi-jinping"])).entries
    assert [entry.title for entry in entries] == ["Xi named here"]


def test_pages_advertise_their_feeds(client, stories):
    home = client.get(reverse("articles:list"))
    person = client.get(reverse("articles:person", args=["arif-alvi"]))

    assertContains(home, f'<link rel="alternate" type="application/rss+xml" title="Newsroom: latest news (RSS)" href="{reverse("articles:feed")}">', html=True)
    assertContains(person, f'href="{reverse("articles:person_atom", args=["arif-alvi"])}"', count=2)
    assertContains(person, f'<a href="{reverse("articles:person_feed", args=["arif-alvi"])}">RSS feed</a>', html=True)


@pytest.mark.parametrize("name, args", [("feed", ()), ("person_atom", ("qin-gang",)), ("country_feed", ("pk",))])
def test_feed_query_count_is_flat(get_with_queries, name, args):
    qin = make_person("Qin Gang")
    make_article(tags=["CPEC"], people=[qin], countries=[country("PK")])
    url = reverse(f"articles:{name}", args=args)
    _, before = get_with_queries(url)
    for number in range(5):
        article = make_article(tags=["CPEC", f"Tag {number}"], people=[qin], countries=[country("PK")])
        make_statement(article, qin, f"Words {number}.")

    _, after = get_with_queries(url)

    assert_flat(before, after)
