"""Contributors write, editors publish: what each can do at the desk, enforced by the server."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, Statement
from tests import factories
from tests.test_admin import admin_url, form_data

pytestmark = pytest.mark.django_db


def change_page_post(client, article, **changes):
    """Open the article's change page as `client`, change some fields, and save."""
    url = admin_url(Article, "change", article.pk)
    data = form_data(client.get(url), "article_form")
    data.update(changes)
    return client.post(url, data)


def add_page_post(client, **fields):
    url = admin_url(Article, "add")
    data = form_data(client.get(url), "article_form")
    data.update({
        "title": "Foreign ministers meet in Islamabad",
        "slug": "foreign-ministers-meet-in-islamabad",
        "section": str(factories.make_section().pk),
        "body_html": "The ministers met on Monday.",
    })
    data.update(fields)
    return client.post(url, data)


def statement_fields(speaker, review):
    return {
        "statements-TOTAL_FORMS": "1",
        "statements-0-position": "1",
        "statements-0-speaker": str(speaker.pk),
        "statements-0-cue": "said",
        "statements-0-text": "Talks were productive.",
        "statements-0-kind": Statement.Kind.INDIRECT,
        "statements-0-review": review,
    }


def test_groups_give_publishing_to_editors_only():
    contributors, editors = Group.objects.get(name="Contributors"), Group.objects.get(name="Editors")
    codenames = lambda group: set(group.permissions.values_list("codename", flat=True))  # noqa: E731

    assert {"publish_article", "confirm_statement", "delete_article"} <= codenames(editors)
    assert {"add_article", "change_article"} <= codenames(contributors)
    assert not {"publish_article", "confirm_statement", "delete_article"} & codenames(contributors)


# Contributors ---------------------------------------------------------------------------

def test_contributor_writes_a_draft_they_own_and_their_statements_await_review(contributor_client, contributor):
    speaker = factories.make_person("Ishaq Dar")

    response = add_page_post(contributor_client, **statement_fields(speaker, Statement.Review.CONFIRMED))

    assert response.status_code == 302, response.context["errors"]
    article = Article.objects.get()
    assert (article.status, article.created_by) == (Article.Status.DRAFT, contributor)
    # The posted "confirmed" is ignored: only an editor confirms.
    assert article.statements.get().review == Statement.Review.SUGGESTED


@pytest.mark.parametrize(
    "field, value",
    [
        ("status", Article.Status.PUBLISHED),
        ("status", Article.Status.WITHDRAWN),
        ("published_at_0", "2020-01-01"),
    ],
)
def test_contributor_posting_what_only_editors_decide_changes_nothing(contributor_client, contributor, field, value):
    draft = factories.make_article("My draft", status=Article.Status.DRAFT, created_by=contributor)
    story = lambda: Article.objects.values("status", "published_at", "title", "body").get(pk=draft.pk)  # noqa: E731
    before = story()

    change_page_post(contributor_client, draft, **{field: value, "published_at_1": "00:00"})

    assert story() == before
    assert not Article.objects.published().exists()


def test_contributor_submits_their_draft_for_review(contributor_client, contributor):
    draft = factories.make_article("My draft", status=Article.Status.DRAFT, created_by=contributor)

    response = change_page_post(contributor_client, draft, status=Article.Status.IN_REVIEW)

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Article.Status.IN_REVIEW


@pytest.mark.parametrize(
    "whose, status",
    [("someone else's", Article.Status.DRAFT), ("their own", Article.Status.PUBLISHED)],
)
def test_contributor_cannot_change_a_story_that_is_not_their_draft(
    contributor_client, contributor, editor, whose, status
):
    story = factories.make_article(
        "The story", status=status, created_by=contributor if whose == "their own" else editor
    )
    url = admin_url(Article, "change", story.pk)

    page = contributor_client.get(url)
    response = contributor_client.post(url, {**form_data(page, "article_form"), "title": "Changed"})

    assert page.status_code == 200 and 'name="title"' not in page.content.decode()  # read-only
    assert response.status_code == 403
    story.refresh_from_db()
    assert story.title == "The story"


def test_contributor_cannot_confirm_statements_even_in_their_own_draft(contributor_client, contributor):
    speaker = factories.make_person("Ishaq Dar")
    draft = factories.make_article("My draft", status=Article.Status.DRAFT, created_by=contributor)
    statement = factories.make_statement(draft, speaker, review=Statement.Review.SUGGESTED)

    change_page_post(contributor_client, draft, **{"statements-0-review": Statement.Review.CONFIRMED})
    contributor_client.post(
        admin_url(Article, "changelist"),
        {"action": "confirm_suggestions", "_selected_action": [draft.pk]},
    )
    contributor_client.post(admin_url(Statement, "change", statement.pk), {"review": Statement.Review.CONFIRMED})

    statement.refresh_from_db()
    assert statement.review == Statement.Review.SUGGESTED


def test_contributor_is_not_offered_publishing_actions(contributor_client, contributor):
    factories.make_article("My draft", status=Article.Status.DRAFT, created_by=contributor)

    response = contributor_client.get(admin_url(Article, "changelist"))

    actions = {name for name, _ in response.context["action_form"].fields["action"].choices}
    assert "submit_for_review" in actions
    assert not {"publish", "withdraw", "confirm_suggestions", "delete_selected"} & actions


def test_contributor_posting_the_publish_action_anyway_publishes_nothing(contributor_client, contributor):
    draft = factories.make_article("My draft", status=Article.Status.DRAFT, created_by=contributor)

    contributor_client.post(admin_url(Article, "changelist"), {"action": "publish", "_selected_action": [draft.pk]})

    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


# Editors --------------------------------------------------------------------------------

def test_editor_publishes_and_the_story_goes_public(editor_client):
    draft = factories.make_article("Ready", status=Article.Status.IN_REVIEW)

    change_page_post(editor_client, draft, status=Article.Status.PUBLISHED)

    assert list(Article.objects.published()) == [draft]
    assert editor_client.get(draft.get_absolute_url()).status_code == 200


def test_a_future_publication_time_is_scheduled_and_shown_in_newsroom_time(editor_client):
    later = factories.newsroom_time(2099, 5, 6, 15, 34)
    factories.make_article("Embargoed", status=Article.Status.PUBLISHED, published_at=later)

    response = editor_client.get(admin_url(Article, "changelist"))

    html = response.content.decode()
    assert '<span class="badge badge--scheduled">Scheduled</span>' in html
    assert '<td class="field-publication_time">06 May 2099 15:34</td>' in html
    assert not Article.objects.published().exists()


@pytest.mark.parametrize(
    "action, before, after",
    [
        ("submit_for_review", Article.Status.DRAFT, Article.Status.IN_REVIEW),
        ("publish", Article.Status.IN_REVIEW, Article.Status.PUBLISHED),
        ("withdraw", Article.Status.PUBLISHED, Article.Status.WITHDRAWN),
    ],
)
def test_bulk_status_actions_move_the_selected_stories(editor_client, action, before, after):
    chosen = [factories.make_article(status=before) for _ in range(2)]
    other = factories.make_article(status=before)

    response = editor_client.post(
        admin_url(Article, "changelist"), {"action": action, "_selected_action": [a.pk for a in chosen]}
    )

    assert response.status_code == 302
    assert set(Article.objects.filter(status=after)) == set(chosen)
    other.refresh_from_db()
    assert other.status == before
    # Each story got its own revision, so restoring one never restores the other.
    assert [Version.objects.get_for_object(a).count() for a in chosen] == [1, 1]


def test_bulk_publish_stamps_a_past_time_as_now_and_keeps_a_future_one(editor_client):
    last_week = factories.make_article("Drafted last week", status=Article.Status.IN_REVIEW,
                                       published_at=timezone.now() - timedelta(days=7))
    embargoed = factories.make_article("Embargoed", status=Article.Status.IN_REVIEW,
                                       published_at=timezone.now() + timedelta(days=1))

    editor_client.post(admin_url(Article, "changelist"),
                       {"action": "publish", "_selected_action": [last_week.pk, embargoed.pk]})

    assert list(Article.objects.published()) == [Article.objects.get(pk=last_week.pk)]
    assert Article.objects.get(pk=last_week.pk).published_at > timezone.now() - timedelta(minutes=1)
    assert list(Article.objects.scheduled()) == [embargoed]


def test_bulk_publish_refuses_a_story_whose_slug_is_taken_that_day_and_says_why(editor_client):
    # Published now, as the publish stamps its draft: an hour ago is yesterday in the first
    # hour of the newsroom's day.
    factories.make_article("Ministers meet", published_at=timezone.now())
    clash = factories.make_article("Ministers meet", slug="ministers-meet-draft", status=Article.Status.DRAFT,
                                   published_at=timezone.now() - timedelta(days=3))
    Article.objects.filter(pk=clash.pk).update(slug="ministers-meet")

    response = editor_client.post(admin_url(Article, "changelist"),
                                  {"action": "publish", "_selected_action": [clash.pk]}, follow=True)

    assert Article.objects.get(pk=clash.pk).status == Article.Status.DRAFT
    assert "Not published: Ministers meet: Another article published on" in response.content.decode()


def test_bulk_confirm_confirms_only_suggested_statements_of_the_chosen_stories(editor_client):
    speaker = factories.make_person("Ishaq Dar")
    chosen, other = factories.make_article(), factories.make_article()
    suggested = factories.make_statement(chosen, speaker, review=Statement.Review.SUGGESTED)
    rejected = factories.make_statement(chosen, speaker, review=Statement.Review.REJECTED)
    untouched = factories.make_statement(other, speaker, review=Statement.Review.SUGGESTED)

    editor_client.post(
        admin_url(Article, "changelist"), {"action": "confirm_suggestions", "_selected_action": [chosen.pk]}
    )

    reviews = dict(Statement.objects.values_list("pk", "review"))
    assert reviews == {
        suggested.pk: Statement.Review.CONFIRMED,
        rejected.pk: Statement.Review.REJECTED,
        untouched.pk: Statement.Review.SUGGESTED,
    }


def test_changelist_shows_state_badges_and_counts_and_filters_by_them(editor_client):
    speaker = factories.make_person("Ishaq Dar")
    waiting = factories.make_article("Waiting", status=Article.Status.IN_REVIEW)
    factories.make_statement(waiting, speaker, review=Statement.Review.SUGGESTED)
    factories.make_statement(waiting, speaker)
    factories.make_article("Withdrawn", status=Article.Status.WITHDRAWN)
    url = admin_url(Article, "changelist")

    html = editor_client.get(url).content.decode()
    in_review = editor_client.get(url, {"state": "review"}).context["cl"].result_list
    with_suggestions = editor_client.get(url, {"suggestions": "yes"}).context["cl"].result_list
    without_statements = editor_client.get(url, {"statements": "no"}).context["cl"].result_list

    assert '<span class="badge badge--review">In review</span>' in html
    assert '<span class="badge badge--withdrawn">Withdrawn</span>' in html
    assert '<td class="field-statement_count">2</td><td class="field-suggestion_count">1</td>' in html
    assert [a.title for a in in_review] == [a.title for a in with_suggestions] == ["Waiting"]
    assert [a.title for a in without_statements] == ["Withdrawn"]


# Corrections and the editor's note ------------------------------------------------------

def test_correction_shows_on_the_public_page_and_updates_the_modified_time(editor_client):
    story = factories.make_article("Ministers meet", editor_note="Check the minister's title with Beijing.")
    an_hour_ago = timezone.now() - timedelta(hours=1)
    Article.objects.filter(pk=story.pk).update(updated_at=an_hour_ago)

    story.corrections.create(text="An earlier version misnamed the minister.")

    page = editor_client.get(story.get_absolute_url()).content.decode()
    assert "An earlier version misnamed the minister." in page
    assert Article.objects.get(pk=story.pk).updated_at > an_hour_ago
    assert "Check the minister" not in page


def test_editor_adds_a_correction_on_the_change_page(editor_client):
    story = factories.make_article("Ministers meet")

    response = change_page_post(editor_client, story, **{
        "corrections-TOTAL_FORMS": "1",
        "corrections-0-noted_at_0": "2026-11-27",
        "corrections-0-noted_at_1": "10:00",
        "corrections-0-text": "The meeting was on Tuesday.",
    })

    assert response.status_code == 302, response.context["errors"]
    assert story.corrections.get().text == "The meeting was on Tuesday."


# Tag entry ------------------------------------------------------------------------------

def test_tag_field_suggests_existing_tags_as_they_are_typed(contributor_client):
    factories.make_article(tags=["Diplomacy", "diplomatic visits", "trade"])
    url = reverse("admin:articles_article_tag_suggestions")

    page = contributor_client.get(admin_url(Article, "add")).content.decode()
    suggested = contributor_client.get(url, {"q": "dip"}).json()

    assert f'data-suggest-url="{url}"' in page and 'list="id_tags-suggestions"' in page
    assert suggested == {"tags": ["Diplomacy", "diplomatic visits"]}


def test_tag_suggestions_are_for_the_desk_only(client):
    response = client.get(reverse("admin:articles_article_tag_suggestions"), {"q": "dip"})

    assert response.status_code == 302


def test_bulk_add_tags_asks_for_the_tags_then_adds_them_to_each_story(editor_client):
    chosen = [factories.make_article(tags=["diplomacy"]), factories.make_article()]
    url = admin_url(Article, "changelist")
    selected = {"action": "add_tags", "_selected_action": [a.pk for a in chosen]}

    form_page = editor_client.post(url, selected)
    response = editor_client.post(url, {**selected, "apply": "Add tags", "tags": "cpec, Beijing visit"})

    assert 'name="tags"' in form_page.content.decode() and 'data-suggest-url=' in form_page.content.decode()
    assert response.status_code == 302
    assert [sorted(a.tags.names()) for a in chosen] == [["Beijing visit", "cpec", "diplomacy"], ["Beijing visit", "cpec"]]


def test_contributor_bulk_tagging_reaches_only_their_own_drafts(contributor_client, contributor):
    own = factories.make_article(status=Article.Status.DRAFT, created_by=contributor)
    published = factories.make_article(created_by=contributor)

    contributor_client.post(admin_url(Article, "changelist"), {
        "action": "add_tags", "_selected_action": [own.pk, published.pk], "apply": "Add tags", "tags": "mine",
    })

    assert (list(own.tags.names()), list(published.tags.names())) == (["mine"], [])
