"""The people's and countries' indexes: A to Z whatever the diacritics, by letter, filtered
by a name without JavaScript, in pages, each name with its story count."""

import re

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article
from articles.views import INDEX_PER_PAGE
from tests.factories import country, make_article, make_person
from tests.queries import assert_flat

pytestmark = pytest.mark.django_db

PEOPLE = reverse("articles:people")
COUNTRIES = reverse("articles:countries")


def names(response):
    """The names listed, in order."""
    listing = re.search(r'<ul class="index-list".*?</ul>', response.content.decode(), re.S)
    return re.findall(r'<a href="[^"]*">([^<]*)</a>', listing.group()) if listing else []


@pytest.fixture
def people():
    found = [make_person(name) for name in ["Chen Gang", "Mevlüt Çavuşoğlu", "Raúl Castro", "Ölz Amt", "Anna Berg"]]
    make_article(people=found)
    make_article(people=found[:1])
    return found


def test_people_are_in_alphabetical_order_whatever_their_diacritics(client, people):
    assert names(client.get(PEOPLE)) == ["Anna Berg", "Chen Gang", "Mevlüt Çavuşoğlu", "Ölz Amt", "Raúl Castro"]


def test_countries_are_in_alphabetical_order_not_by_code(client):
    make_article(countries=[country(code) for code in ["AE", "AM", "AR", "AX"]])

    assert names(client.get(COUNTRIES)) == ["Åland Islands", "Argentina", "Armenia", "United Arab Emirates"]


def test_each_name_has_its_story_count(client, people):
    assertContains(client.get(PEOPLE), '<a href="/people/chen-gang/">Chen Gang</a>\n    <span class="meta">2 stories</span>', html=True)
    assertContains(client.get(PEOPLE), "1 story")


def test_a_letter_lists_the_names_filed_under_it_and_empty_letters_are_not_links(client, people):
    response = client.get(PEOPLE, {"letter": "o"})

    assert names(response) == ["Ölz Amt"]
    assertContains(response, '<a href="/people/?letter=O" aria-current="page">O</a>', html=True)
    assertContains(response, f'<a href="{PEOPLE}?letter=C">C</a>', html=True)
    assertContains(response, '<span class="az__empty" title="No people under Z">Z</span>', html=True)
    assertContains(response, "1 person under O")


def test_the_filter_finds_a_name_typed_without_accents_or_capitals(client, people):
    response = client.get(PEOPLE, {"q": "CAVUS"})

    assert names(response) == ["Mevlüt Çavuşoğlu"]
    assertContains(response, '<input id="az-filter" type="search" name="q" value="CAVUS" maxlength="100">', html=True)


def test_a_filter_nobody_matches_says_so_and_leads_back(client, people):
    response = client.get(PEOPLE, {"q": "nobody"})

    assert names(response) == []
    assertContains(response, "No one is named “nobody”.")
    assertContains(response, f'<a href="{PEOPLE}">See everyone</a>', html=True)


def test_unchecked_people_and_people_only_in_drafts_stay_out_of_the_index_and_its_letters(client, people):
    make_article(people=[make_person("Zed Unchecked", needs_review=True)])
    make_article(status=Article.Status.DRAFT, people=[make_person("Zoe Draft")])

    response = client.get(PEOPLE)

    assertNotContains(response, "Zed Unchecked")
    assertNotContains(response, "Zoe Draft")
    assertContains(response, '<span class="az__empty" title="No people under Z">Z</span>', html=True)


def test_a_long_index_comes_in_pages(client):
    make_article(people=[make_person(f"Name {number:03}") for number in range(INDEX_PER_PAGE + 3)])

    first, second = client.get(PEOPLE), client.get(PEOPLE, {"page": 2})

    assert len(names(first)) == INDEX_PER_PAGE
    assertContains(first, '<a class="pagination__step" rel="next" href="?page=2">Next &rarr;</a>', html=True)
    assert names(second) == ["Name 100", "Name 101", "Name 102"]
    assert client.get(PEOPLE, {"page": 3}).status_code == 404


def test_nonsense_letters_and_filters_show_the_whole_index(client, people):
    assert len(names(client.get(PEOPLE, {"letter": "<script>"}))) == 5
    assert len(names(client.get(PEOPLE, {"q": "\x00 " * 500}))) == 5


@pytest.mark.parametrize("query", ["", "?letter=C", "?q=gang"])
def test_index_query_counts_stay_flat_as_people_and_stories_grow(get_with_queries, query):
    make_article(people=[make_person("Chen Gang")], countries=[country("CN")])
    _, people_before = get_with_queries(PEOPLE + query)
    _, countries_before = get_with_queries(COUNTRIES + query)
    for number in range(4):
        make_article(people=[make_person(f"Chen Gang {number}"), make_person()], countries=[country(code) for code in ["CU", "CL", "DE"]])

    _, people_after = get_with_queries(PEOPLE + query)
    _, countries_after = get_with_queries(COUNTRIES + query)

    assert_flat(people_before, people_after)
    assert_flat(countries_before, countries_after)
