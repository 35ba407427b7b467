"""Deciding on suggested statements: every decision is a change to its story, claimed against
the story's version and kept in its history, whichever screen it is made from."""

import pytest
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from articles import workflow
from articles.models import Article, Statement
from articles.suggestions import suggest_for_edited
from tests import factories
from tests.conftest import desk_member
from tests.test_admin import admin_url, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(django_user_model):
    client = Client()
    client.force_login(desk_member(django_user_model, "emil", "Editors"))
    return client


@pytest.fixture
def suggestion():
    article = factories.make_article("Wang Yi meets Ishaq Dar", body="Wang Yi said that peace matters.")
    return factories.make_statement(article, factories.make_person("Wang Yi"), "peace matters.",
                                    review=Statement.Review.SUGGESTED)


def decide_in_statement_list(client, statement, review):
    action = "confirm" if review == Statement.Review.CONFIRMED else "reject"
    return client.post(admin_url(Statement, "changelist"), {"action": action, "_selected_action": [statement.pk]})


def decide_on_statement_page(client, statement, review):
    url = admin_url(Statement, "change", statement.pk)
    return client.post(url, {**form_data(client.get(url), "statement_form"), "review": review})


@pytest.mark.parametrize("decide", [decide_in_statement_list, decide_on_statement_page])
@pytest.mark.parametrize("review", [Statement.Review.CONFIRMED, Statement.Review.REJECTED])
def test_a_decision_is_not_undone_by_a_colleagues_form_opened_before_it(editor_client, colleague, suggestion,
                                                                        decide, review):
    article = suggestion.article
    url = admin_url(Article, "change", article.pk)
    opened_before = form_data(colleague.get(url), "article_form")

    assert decide(editor_client, suggestion, review).status_code == 302
    response = colleague.post(url, {**opened_before, "summary": "Emil's summary"})

    assert response.status_code == 200
    assert "edith saved this story after you opened it" in response.content.decode()
    suggestion.refresh_from_db()
    assert suggestion.review == review
    assert Article.objects.get(pk=article.pk).summary == ""


@pytest.mark.parametrize("decide", [decide_in_statement_list, decide_on_statement_page])
def test_a_decision_is_recorded_in_the_storys_history_with_who_made_it(editor_client, editor, suggestion, decide):
    decide(editor_client, suggestion, Statement.Review.CONFIRMED)

    [version] = Version.objects.get_for_object(suggestion.article)
    assert version.revision.user == editor
    recorded = version.revision.version_set.get(content_type__model="statement")
    assert recorded.field_dict["review"] == Statement.Review.CONFIRMED
    history = editor_client.get(admin_url(Article, "history", suggestion.article_id)).content.decode()
    assert "Confirmed 1 statement." in history or "Saved statement 1." in history


def test_deleting_a_statement_from_its_own_page_claims_its_storys_version(editor_client, colleague, suggestion):
    url = admin_url(Article, "change", suggestion.article_id)
    opened_before = form_data(colleague.get(url), "article_form")

    editor_client.post(admin_url(Statement, "delete", suggestion.pk), {"post": "yes"})
    response = colleague.post(url, opened_before)

    assert response.status_code == 200 and "saved this story after you opened it" in response.content.decode()
    assert not Statement.objects.exists()


def test_a_decision_held_to_an_older_version_of_the_story_changes_nothing(editor, suggestion):
    opened = suggestion.article.version
    Article.objects.get(pk=suggestion.article_id).save()  # a colleague saved meanwhile

    with pytest.raises(Article.Conflict):
        workflow.review_statements(Statement.objects.filter(pk=suggestion.pk), Statement.Review.CONFIRMED,
                                   user=editor, opened_versions={suggestion.article_id: opened})

    suggestion.refresh_from_db()
    assert suggestion.review == Statement.Review.SUGGESTED


# One canonical body text ----------------------------------------------------------------

def test_a_body_with_a_blank_line_of_spaces_highlights_the_words_the_statement_holds():
    # Typed elsewhere than the desk's form: the blank line between the paragraphs holds spaces.
    article = factories.make_article(
        "Wang Yi meets Ishaq Dar",
        body="Wang Yi met Ishaq Dar in Beijing on Monday.\n   \n"
        "Wang said that China and Pakistan are all-weather strategic partners.",
    )
    suggest_for_edited(article)

    said = article.statements.get(cue="said")
    before, words, after = said.found_in()
    assert words == said.text == "China and Pakistan are all-weather strategic partners."
    assert before == "Wang said that "


def test_bodies_stored_before_are_put_in_their_one_form_by_the_migration():
    from importlib import import_module

    from django.apps import apps

    article = factories.make_article(body="First.\n\nSecond.")
    Article.objects.filter(pk=article.pk).update(body="First.  \r\n \r\n\r\nSecond.")

    import_module("articles.migrations.0023_canonical_bodies").canonical_bodies(apps, None)

    assert Article.objects.get(pk=article.pk).body == "First.\n\nSecond."


# Each statement's own Confirm and Reject on the story page ---------------------------------

def review_url(statement, decision):
    return reverse("admin:articles_article_review_statement", args=[statement.article_id, statement.pk, decision])


@pytest.fixture
def two_suggestions(suggestion):
    other = factories.make_statement(suggestion.article, suggestion.speaker, "war is no answer.",
                                     review=Statement.Review.SUGGESTED)
    return suggestion, other


def test_the_story_page_shows_each_statement_on_one_line_with_its_own_buttons(editor_client, two_suggestions):
    first, second = two_suggestions

    html = editor_client.get(admin_url(Article, "change", first.article_id)).content.decode()

    assert html.count('class="statement-decision statement-decision--confirm"') == 2
    assert f'formaction="{review_url(second, "reject")}"' in html
    assert '<form id="statement-review" method="post" hidden>' in html


def test_confirming_one_statement_confirms_it_alone_and_hands_back_the_new_version(editor_client, editor,
                                                                                   two_suggestions):
    first, second = two_suggestions
    opened = first.article.version

    response = editor_client.post(review_url(first, "confirm"), {"version": opened}, HTTP_ACCEPT="application/json")

    assert response.json() == {"review": "confirmed", "label": "Confirmed", "version": opened + 1}
    assert dict(Statement.objects.values_list("pk", "review")) == {first.pk: "confirmed", second.pk: "suggested"}
    [version] = Version.objects.get_for_object(first.article)
    assert (version.revision.user, version.revision.comment) == (editor, "Confirmed 1 statement.")


def test_a_decision_from_a_page_opened_before_someone_saved_is_refused(editor_client, two_suggestions):
    first, _ = two_suggestions
    opened = first.article.version
    Article.objects.get(pk=first.article_id).save()  # a colleague saved the story meanwhile

    response = editor_client.post(review_url(first, "reject"), {"version": opened}, HTTP_ACCEPT="application/json")

    assert response.status_code == 409
    assert "Someone saved this story after you opened it" in response.json()["error"]
    first.refresh_from_db()
    assert first.review == Statement.Review.SUGGESTED


def test_without_the_script_a_decision_returns_to_the_story_at_the_statement(editor_client, two_suggestions):
    first, _ = two_suggestions

    response = editor_client.post(review_url(first, "reject"), {"version": first.article.version})

    assert response.status_code == 302
    assert response.url == admin_url(Article, "change", first.article_id) + f"#statement-{first.pk}"
    first.refresh_from_db()
    assert first.review == Statement.Review.REJECTED


def test_saving_the_page_after_deciding_on_it_keeps_the_decision(editor_client, two_suggestions):
    first, _ = two_suggestions
    url = admin_url(Article, "change", first.article_id)
    data = form_data(editor_client.get(url), "article_form")

    answer = editor_client.post(review_url(first, "confirm"), {"version": data["version"]},
                                HTTP_ACCEPT="application/json").json()
    # What the page's script does with the answer: the form carries on from the new version.
    data.update({"version": answer["version"], "statements-0-review": answer["review"], "summary": "Talks."})
    response = editor_client.post(url, data)

    assert response.status_code == 302
    first.refresh_from_db()
    assert first.review == Statement.Review.CONFIRMED
    assert Article.objects.get(pk=first.article_id).summary == "Talks."


def test_contributors_cannot_decide_even_on_their_own_draft(contributor_client, contributor, suggestion):
    Article.objects.filter(pk=suggestion.article_id).update(created_by=contributor, status=Article.Status.DRAFT)

    page = contributor_client.get(admin_url(Article, "change", suggestion.article_id)).content.decode()
    response = contributor_client.post(review_url(suggestion, "confirm"), {"version": 1})

    assert "statement-decision" not in page
    assert response.status_code == 403
    suggestion.refresh_from_db()
    assert suggestion.review == Statement.Review.SUGGESTED


def test_a_decision_needs_a_post(editor_client, suggestion):
    assert editor_client.get(review_url(suggestion, "confirm")).status_code == 405
