"""Duplicate tags and people folded into one, with their old pages redirecting."""

import pytest
from django.urls import reverse
from reversion.models import Version
from taggit.models import Tag

from articles.models import MovedPage, Person
from tests import factories

pytestmark = pytest.mark.django_db


def merge(client, model_url, action, selected, keep):
    return client.post(model_url, {"action": action, "_selected_action": [o.pk for o in selected], "keep": keep.pk})


def test_merging_tags_retags_stories_once_and_the_old_tag_page_redirects(editor_client, client):
    both = factories.make_article("Both tags", tags=["CPEC", "China-Pakistan Economic Corridor"])
    old_only = factories.make_article("Old tag only", tags=["CPEC"])
    old, kept = Tag.objects.get(name="CPEC"), Tag.objects.get(name="China-Pakistan Economic Corridor")

    response = merge(editor_client, reverse("admin:taggit_tag_changelist"), "merge_tags", [old, kept], kept)

    assert response.status_code == 302
    assert list(both.tags.names()) == list(old_only.tags.names()) == ["China-Pakistan Economic Corridor"]
    assert not Tag.objects.filter(name="CPEC").exists()
    old_page = client.get(reverse("articles:tag", args=["cpec"]))
    assert (old_page.status_code, old_page["Location"]) == (301, reverse("articles:tag", args=[kept.slug]))
    assert Version.objects.get_for_object(old_only).first().revision.comment == (
        "Tags CPEC merged into China-Pakistan Economic Corridor."
    )


def test_merge_asks_which_to_keep_before_changing_anything(editor_client):
    factories.make_article(tags=["cpec", "corridor"])
    tags = list(Tag.objects.all())

    page = editor_client.post(
        reverse("admin:taggit_tag_changelist"), {"action": "merge_tags", "_selected_action": [t.pk for t in tags]}
    )

    assert page.status_code == 200
    assert "Which tag do you keep?" in page.content.decode()
    assert Tag.objects.count() == 2


def test_merging_people_moves_statements_links_aliases_and_roles_and_redirects(editor_client, client):
    pakistan = factories.country("PK")
    duplicate = factories.make_person("President Alvi", country=pakistan, aliases="Dr. Alvi")
    kept = factories.make_person("Arif Alvi", aliases="Alvi")
    factories.make_role(duplicate, "President", country=pakistan)
    story = factories.make_article("Alvi meets Qin Gang", people=[duplicate])
    listener = factories.make_person("Qin Gang")
    spoken = factories.make_statement(story, duplicate, "Pakistan values the friendship.")
    heard = factories.make_statement(story, listener, "China agrees.", audience=duplicate)

    response = merge(editor_client, reverse("admin:articles_person_changelist"), "merge_people", [duplicate, kept], kept)

    assert response.status_code == 302
    kept.refresh_from_db()
    spoken.refresh_from_db()
    heard.refresh_from_db()
    assert (spoken.speaker, heard.audience) == (kept, kept)
    assert list(story.people.all()) == [kept]
    assert kept.alias_list == ["Alvi", "President Alvi", "Dr. Alvi"]
    assert [role.title for role in kept.roles.all()] == ["President"]
    assert kept.country == pakistan
    assert not Person.objects.filter(name="President Alvi").exists()
    old_page = client.get(reverse("articles:person", args=["president-alvi"]))
    assert (old_page.status_code, old_page["Location"]) == (301, kept.get_absolute_url())


def test_contributors_cannot_merge(contributor_client):
    first, second = factories.make_person("A"), factories.make_person("B")

    merge(contributor_client, reverse("admin:articles_person_changelist"), "merge_people", [first, second], first)

    assert Person.objects.count() == 2


def test_an_old_address_keeps_its_page_number_and_a_chain_of_merges_leads_to_the_last(client):
    MovedPage.objects.move("/tags/cpec/", "/tags/corridor/")
    MovedPage.objects.move("/tags/corridor/", "/tags/china-pakistan-economic-corridor/")

    old_page = client.get("/tags/cpec/", {"page": 2})

    assert (old_page.status_code, old_page["Location"]) == (301, "/tags/china-pakistan-economic-corridor/?page=2")


def test_pages_that_exist_are_never_redirected(client):
    story = factories.make_article("Live story")
    MovedPage.objects.move(story.get_absolute_url(), "/elsewhere/")

    assert client.get(story.get_absolute_url()).status_code == 200


def test_merge_shows_each_person_with_country_roles_and_story_count_and_chooses_none(editor_client):
    pakistan = factories.country("PK")
    duplicate = factories.make_person("President Alvi", country=pakistan)
    factories.make_role(duplicate, "President", country=pakistan)
    kept = factories.make_person("Arif Alvi")
    factories.make_article("Alvi meets Qin Gang", people=[duplicate])
    factories.make_article("Alvi in Beijing", people=[duplicate, kept])

    page = editor_client.post(reverse("admin:articles_person_changelist"),
                              {"action": "merge_people", "_selected_action": [duplicate.pk, kept.pk]})

    candidates = dict((str(person), facts) for person, facts in page.context["candidates"])
    assert page.context["headings"] == ["Country", "Roles", "Stories", "Statements"]
    assert candidates == {
        "Arif Alvi": ["—", "—", 1, 0],
        "President Alvi": ["Pakistan", "President of Pakistan", 2, 0],
    }
    assert " checked" not in page.content.decode()


def test_merge_without_choosing_which_to_keep_merges_nothing(editor_client):
    first, second = factories.make_person("Arif Alvi"), factories.make_person("President Alvi")

    page = editor_client.post(reverse("admin:articles_person_changelist"),
                              {"action": "merge_people", "_selected_action": [first.pk, second.pk], "keep": ""})

    assert page.status_code == 200 and "Which person do you keep?" in page.content.decode()
    assert Person.objects.count() == 2
