"""Changes to a live story prepared as pending: previewed on the desk, published or discarded
in one step, and never seen by readers before."""

import pytest
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from articles.models import Article, PendingChange, Statement
from tests import factories
from tests.test_admin import admin_url, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def live_story():
    return factories.make_article("Ministers meet", body="They met in Beijing.\n\nThey discussed the corridor.")


def change_page(client, story):
    url = admin_url(Article, "change", story.pk)
    return url, form_data(client.get(url), "article_form")


def hold(client, story, **changes):
    url, data = change_page(client, story)
    return client.post(url, {**data, **changes, "_pending": "Save as pending change"})


def settle(client, story, decision):
    return client.post(reverse("admin:articles_article_pending", args=[story.pk, decision]), follow=True)


def test_a_pending_change_leaves_readers_with_the_live_story_and_the_desk_previews_it(editor_client, live_story):
    response = hold(editor_client, live_story, title="Ministers meet again", body_html="They met in Islamabad.")

    assert response.status_code == 302
    reader = Client().get(live_story.get_absolute_url()).content.decode()
    assert "Ministers meet again" not in reader and "Islamabad" not in reader
    assert Article.objects.get(pk=live_story.pk).title == "Ministers meet"
    preview = editor_client.get(reverse("articles:preview", args=[live_story.pk]) + "?pending=1").content.decode()
    assert "Ministers meet again" in preview and "They met in Islamabad." in preview
    assert "A pending change to this live story." in preview
    # The story's page on the desk opens with the change, and says so.
    page = editor_client.get(admin_url(Article, "change", live_story.pk)).content.decode()
    assert "A pending change waits" in page and 'value="Ministers meet again"' in page


def test_publishing_the_pending_change_puts_it_live_in_one_step_and_the_history_shows_both(
        editor_client, editor, live_story):
    hold(editor_client, live_story, title="Ministers meet again")
    history = editor_client.get(admin_url(Article, "history", live_story.pk)).content.decode()
    assert "Pending, not published" in history
    assert '<td class="diff__old">Ministers meet</td><td class="diff__new">Ministers meet again</td>' in history

    response = settle(editor_client, live_story, "publish")

    assert "Published the pending change: readers see it now." in response.content.decode()
    assert "Ministers meet again" in Client().get(live_story.get_absolute_url()).content.decode()
    assert not PendingChange.objects.exists()
    published, held = Version.objects.get_for_object(live_story)
    assert (held.revision.user, held.revision.comment) == (editor, "Saved a pending change to the title.")
    assert held.field_dict["title"] == "Ministers meet"  # the live story, as it stayed
    assert published.revision.user == editor
    assert published.revision.comment.startswith("Published the pending change edith saved on")
    history = editor_client.get(admin_url(Article, "history", live_story.pk)).content.decode()
    assert "Pending, not published" not in history and "Published the pending change" in history


def test_discarding_the_pending_change_keeps_the_live_story(editor_client, live_story):
    hold(editor_client, live_story, title="Ministers meet again")

    settle(editor_client, live_story, "discard")

    assert not PendingChange.objects.exists()
    assert Article.objects.get(pk=live_story.pk).title == "Ministers meet"


def test_a_field_changed_live_since_is_not_overwritten_by_publishing(editor_client, live_story):
    hold(editor_client, live_story, title="Ministers meet again")
    story = Article.objects.get(pk=live_story.pk)
    story.title = "Ministers meet, corrected live"
    story.save()

    response = settle(editor_client, live_story, "publish")

    assert "Not published: the title changed on the live story" in response.content.decode()
    assert Article.objects.get(pk=live_story.pk).title == "Ministers meet, corrected live"
    assert PendingChange.objects.exists()


def test_a_new_body_published_from_pending_is_read_for_statements(editor_client, live_story):
    hold(editor_client, live_story, body_html="They met in Beijing.\n\nWang Yi said that China values the corridor.")

    settle(editor_client, live_story, "publish")

    said = Statement.objects.get(article=live_story)
    assert (said.text, said.review) == ("China values the corridor.", Statement.Review.SUGGESTED)


def test_saving_the_story_live_puts_the_pending_change_it_opened_with_live(editor_client, live_story):
    hold(editor_client, live_story, title="Ministers meet again")

    url, data = change_page(editor_client, live_story)
    editor_client.post(url, {**data, "summary": "They talked."})

    story = Article.objects.get(pk=live_story.pk)
    assert (story.title, story.summary) == ("Ministers meet again", "They talked.")
    assert not PendingChange.objects.exists()


def test_only_a_live_storys_text_can_wait(editor_client, live_story):
    draft = factories.make_article("A draft", status=Article.Status.DRAFT)

    on_draft = hold(editor_client, draft, title="A better draft")
    with_tags = hold(editor_client, live_story, title="Ministers meet again", tags="cpec")
    unchanged = hold(editor_client, live_story)

    assert "Only a live story&#x27;s changes wait as pending" in on_draft.content.decode()
    assert "A pending change holds the story&#x27;s text only: save the tags on their own first." in (
        with_tags.content.decode())
    assert "Nothing differs from the live story" in unchanged.content.decode()
    assert not PendingChange.objects.exists()


def test_contributors_cannot_publish_or_discard_pending_changes(editor_client, contributor_client, live_story):
    hold(editor_client, live_story, title="Ministers meet again")

    assert contributor_client.post(reverse("admin:articles_article_pending", args=[live_story.pk, "publish"])
                                   ).status_code == 403
    assert Article.objects.get(pk=live_story.pk).title == "Ministers meet"


def test_a_colleagues_pending_change_from_a_stale_form_is_refused(editor_client, live_story, django_user_model):
    from tests.conftest import desk_member

    colleague = Client()
    colleague.force_login(desk_member(django_user_model, "emil", "Editors"))
    url, stale = change_page(colleague, live_story)
    editor_client.post(url, {**change_page(editor_client, live_story)[1], "title": "Edith's title"})

    response = colleague.post(url, {**stale, "summary": "Emil's", "_pending": "Save as pending change"})

    assert "saved this story after you opened it" in response.content.decode()
    assert not PendingChange.objects.exists()


def test_a_colleagues_pending_change_does_not_replace_one_saved_after_they_opened_the_story(
        editor_client, live_story, django_user_model):
    from tests.conftest import desk_member

    colleague = Client()
    colleague.force_login(desk_member(django_user_model, "emil", "Editors"))
    url, stale = change_page(colleague, live_story)
    hold(editor_client, live_story, title="Edith's pending title")

    response = colleague.post(url, {**stale, "summary": "Emil's", "_pending": "Save as pending change"})

    assert "edith saved this story after you opened it" in response.content.decode()
    assert PendingChange.objects.get().changes == {"title": ["Ministers meet", "Edith's pending title"]}
