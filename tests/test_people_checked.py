"""People an import creates stay off the site until an editor has checked them, and the
desk shows who may be one person written twice."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Statement
from tests.factories import country, make_article, make_person, make_statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def unchecked_speaker():
    envoy = make_person("Hamid Karimi", country=country("AF"), needs_review=True)
    story = make_article("Envoy visits Beijing", people=[envoy], countries=[country("AF")])
    make_statement(story, envoy, "Afghanistan wants more trade.", review=Statement.Review.SUGGESTED)
    return envoy, story


def test_an_unchecked_person_has_no_page_link_list_entry_or_facet(client, unchecked_speaker):
    envoy, story = unchecked_speaker

    assert client.get(envoy.get_absolute_url()).status_code == 404
    assert client.get(reverse("articles:person_feed", args=[envoy.slug])).status_code == 404
    assertNotContains(client.get(reverse("articles:people")), "Hamid Karimi")
    story_page = client.get(story.get_absolute_url())
    assertNotContains(story_page, envoy.get_absolute_url())
    assertNotContains(client.get(reverse("articles:search"), {"q": "envoy"}), f"person={envoy.slug}")
    assertNotContains(client.get("/sitemaps/people.xml"), envoy.slug)


def test_confirming_a_statement_checks_its_speaker_and_brings_them_on_the_site(client, unchecked_speaker):
    envoy, story = unchecked_speaker

    story.statements.set_review(Statement.Review.CONFIRMED)

    envoy.refresh_from_db()
    assert not envoy.needs_review
    assertContains(client.get(envoy.get_absolute_url()), "Afghanistan wants more trade.")
    assertContains(client.get(reverse("articles:people")), "Hamid Karimi")


def test_an_editor_checking_a_person_brings_them_on_the_site(client, staff_client, unchecked_speaker):
    envoy, story = unchecked_speaker
    change = reverse("admin:articles_person_change", args=[envoy.pk])

    response = staff_client.post(change, {
        "name": envoy.name, "slug": envoy.slug, "country": envoy.country_id, "aliases": "", "photo_alt": "",
        "wikidata_id": "", "bio": "", "roles-TOTAL_FORMS": 0, "roles-INITIAL_FORMS": 0,
        "statements-TOTAL_FORMS": 1, "statements-INITIAL_FORMS": 1,
        "statements-0-id": story.statements.get().pk, "statements-0-speaker": envoy.pk,
    })

    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    assert client.get(envoy.get_absolute_url()).status_code == 200
    assertContains(client.get(story.get_absolute_url()), envoy.get_absolute_url())


def test_the_desk_lists_people_who_may_be_one_person_side_by_side(staff_client):
    for name, code in [("Antony J. Blinken", "US"), ("Antony Blinken", "US"), ("Recep Tayyip Erdoğan", "TR"),
                       ("Recep Tayyip Erdogan", "TR"), ("Mevlut Erdogan", None), ("Wang Yi", "CN"), ("Wang Yang", "CN")]:
        make_person(name, country=country(code) if code else None)

    response = staff_client.get(reverse("admin:articles_person_changelist"), {"duplicates": "yes"})

    names = [person.name for person in response.context["cl"].result_list]
    assert names == ["Antony Blinken", "Antony J. Blinken", "Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"]


def test_two_people_whose_names_make_one_slug_get_two_pages():
    first, second = make_person("Recep Tayyip Erdoğan"), make_person("Recep Tayyip Erdogan")

    assert (first.slug, second.slug) == ("recep-tayyip-erdogan", "recep-tayyip-erdogan-2")
