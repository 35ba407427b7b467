"""Search names what readers look for: people, countries and topics as results, "Did you mean"
for a misspelt name, and a page with somewhere to go when nothing matches."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article
from tests.factories import country, make_article, make_person

pytestmark = pytest.mark.django_db

SEARCH = reverse("articles:search")


def did_you_mean(response):
    found = re.search(r'<p class="did-you-mean">(.*?)</p>', response.content.decode(), re.S)
    return re.findall(r">([^<]+)</a>", found.group(1)) if found else []


def named(response):
    found = re.search(r'<section class="named".*?</section>', response.content.decode(), re.S)
    return re.findall(r'<a class="pill" href="([^"]+)">([^<]+?) <span', found.group()) if found else []


@pytest.fixture
def newsroom():
    china, pakistan = country("CN"), country("PK")
    qin = make_person("Qin Gang", country=china)
    erdogan = make_person("Recep Tayyip Erdoğan")
    make_article("Qin Gang meets Alvi", people=[qin], countries=[china, pakistan], tags=["Hydropower"])
    make_article("Erdoğan in Ankara", people=[erdogan], countries=[country("TR")])
    return qin


def test_a_misspelt_name_with_no_hits_offers_the_name_and_somewhere_to_go(client, newsroom):
    response = client.get(SEARCH, {"q": "Qin Gnag"})

    assert did_you_mean(response) == ["Qin Gang"]
    assertContains(response, f'<a href="{SEARCH}?q=Qin%20Gang">Qin Gang</a>', html=True)
    assertContains(response, "No story matches “Qin Gnag”.")
    assertContains(response, f'<a href="{reverse("articles:people")}">people</a>', html=True)
    assertContains(client.get(SEARCH, {"q": "Qin Gang"}), "meets Alvi")


@pytest.mark.parametrize("typed, meant", [("pakistn", "Pakistan"), ("hydropowr", "Hydropower"), ("erdogn visit", "Recep Tayyip Erdoğan")])
def test_countries_topics_and_people_are_offered_for_misspellings(client, newsroom, typed, meant):
    assert meant in did_you_mean(client.get(SEARCH, {"q": typed}))


def test_a_name_spelt_right_gets_no_did_you_mean(client, newsroom):
    assert did_you_mean(client.get(SEARCH, {"q": "qin gang pakistan"})) == []


def test_people_and_countries_the_query_names_come_first_as_results(client, newsroom):
    response = client.get(SEARCH, {"q": "qin gang pakistan"})

    assert named(response) == [("/countries/pk/", "Pakistan"), ("/people/qin-gang/", "Qin Gang")]


def test_a_name_is_found_without_its_accents_or_capitals(client, newsroom):
    response = client.get(SEARCH, {"q": "ERDOGAN"})

    assert named(response) == [("/people/recep-tayyip-erdogan/", "Recep Tayyip Erdoğan")]
    assertContains(response, "Ankara")


def test_people_not_checked_and_names_only_in_drafts_are_never_offered(client, newsroom):
    make_article("Unchecked", people=[make_person("Qin Gaang", needs_review=True)])
    make_article("Draft", people=[make_person("Qin Gamg")], status=Article.Status.DRAFT)

    response = client.get(SEARCH, {"q": "Qin Gnag"})

    assert did_you_mean(response) == ["Qin Gang"]
    assertNotContains(response, "Qin Gaang")
    assertNotContains(response, "Qin Gamg")


# Committed for real: a change starts a new page generation when its transaction commits.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_names_are_read_once_until_a_reader_could_see_a_change(client, newsroom):
    assert named(client.get(SEARCH, {"q": "Ishaq Dar"})) == []
    with CaptureQueriesContext(connection) as again:
        assert did_you_mean(client.get(SEARCH, {"q": "Qin Gnag"})) == ["Qin Gang"]
    assert not [query for query in again if "articles_firsttally" in query["sql"]]

    # A story naming a new person is published: the next search names them.
    make_article("Ishaq Dar in Beijing", people=[make_person("Ishaq Dar")])

    assert named(client.get(SEARCH, {"q": "Ishaq Dar"})) == [("/people/ishaq-dar/", "Ishaq Dar")]
