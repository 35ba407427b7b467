"""Every save leaves a revision an editor can read and restore; a stale save never overwrites."""

import json
from pathlib import Path

import pytest
import reversion
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image
from reversion.models import Revision, Version

from articles.importing import Importer
from articles.models import Article, RevisionSource, Statement
from articles.revisions import record_stories
from tests import factories
from tests.queries import assert_flat
from tests.test_admin import admin_url, form_data
from tests.test_workflow import change_page_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    wang = factories.make_person("Wang Yi")
    article = factories.make_article(
        "Wang Yi meets Ishaq Dar", body="They met in Beijing.\n\nThey discussed the corridor.", tags=["cpec"]
    )
    factories.make_statement(article, wang, "China values the friendship.")
    return article


def revisions_of(article):
    return list(Version.objects.get_for_object(article).select_related("revision__user", "revision__source"))


def test_admin_save_records_who_from_where_and_the_whole_story(editor_client, editor, story):
    change_page_post(editor_client, story, title="Wang Yi and Ishaq Dar meet", tags="cpec, beijing")

    [version] = revisions_of(story)
    assert (version.revision.user, version.revision.source.source) == (editor, RevisionSource.Source.ADMIN)
    recorded = {type(v.object).__name__ for v in version.revision.version_set.all() if v.object}
    assert recorded == {"Article", "Statement", "TaggedArticle"}
    assert version.field_dict["title"] == "Wang Yi and Ishaq Dar meet"


def test_history_shows_field_statement_and_tag_changes(editor_client, story):
    change_page_post(editor_client, story)
    change_page_post(
        editor_client,
        Article.objects.get(pk=story.pk),
        title="Wang Yi and Ishaq Dar meet",
        body_html="They met in Beijing.\n\nThey discussed trade.",
        tags="cpec, trade",
        **{"statements-0-text": "China treasures the friendship."},
    )

    html = editor_client.get(admin_url(Article, "history", story.pk)).content.decode()

    for expected in [
        '<th scope="row">Title</th><td class="diff__old">Wang Yi meets Ishaq Dar</td>'
        '<td class="diff__new">Wang Yi and Ishaq Dar meet</td>',
        # Only the paragraph that changed, not the whole body.
        '<td class="diff__old">They discussed the corridor.</td><td class="diff__new">They discussed trade.</td>',
        '<td class="diff__old">cpec</td><td class="diff__new">cpec, trade</td>',
        "Wang Yi said: China values the friendship. (confirmed)",
        "Wang Yi said: China treasures the friendship. (confirmed)",
        '<span class="badge">Admin</span>',
    ]:
        assert expected in html


def test_a_body_sent_back_with_a_browsers_line_ends_is_not_a_change(editor_client, story):
    crlf_body = story.body.replace("\n", "\r\n")

    change_page_post(editor_client, story, body_html=crlf_body, title="Wang Yi and Ishaq Dar meet")

    [version] = revisions_of(story)
    assert "Title" in version.revision.get_comment()
    assert "Body" not in version.revision.get_comment()
    assert Article.objects.get(pk=story.pk).body == story.body


def test_history_costs_the_same_queries_however_many_revisions(editor_client, story):
    def save_as(title, tags):
        change_page_post(editor_client, Article.objects.get(pk=story.pk), title=title, tags=tags)

    def history_page():
        with CaptureQueriesContext(connection) as queries:
            response = editor_client.get(admin_url(Article, "history", story.pk))
        assert response.status_code == 200
        return response, [query["sql"] for query in queries]

    save_as("Wang Yi meets Ishaq Dar", "cpec")
    save_as("Wang Yi and Ishaq Dar meet", "cpec, trade")
    _, before = history_page()
    for number in range(4):
        save_as(f"Wang Yi and Ishaq Dar meet, take {number}", f"cpec, take-{number}")

    response, after = history_page()

    assert_flat(before, after)
    assert response.content.decode().count('<section class="revision">') == 6


def test_restoring_a_revision_brings_back_fields_statements_and_tags_together(editor_client, story):
    change_page_post(editor_client, story)
    first = revisions_of(story)[-1]
    article = Article.objects.get(pk=story.pk)
    change_page_post(
        editor_client, article, title="Rewritten", tags="other",
        **{"statements-0-DELETE": "on"},
    )
    assert not Statement.objects.exists()
    url = admin_url(Article, "revision", story.pk, first.pk)

    response = editor_client.post(url, form_data(editor_client.get(url), "article_form"))

    assert response.status_code == 302, response.context["errors"]
    article = Article.objects.get(pk=story.pk)
    assert article.title == "Wang Yi meets Ishaq Dar"
    assert list(article.tags.names()) == ["cpec"]
    assert [s.text for s in article.statements.all()] == ["China values the friendship."]
    # Versions only go up, so a form opened before the restore still conflicts.
    assert article.version == 4


def test_a_contributor_cannot_revert_their_story_once_an_editor_published_it(
    contributor, contributor_client, editor_client, story
):
    story.status, story.created_by = Article.Status.DRAFT, contributor
    story.save()
    change_page_post(contributor_client, story)
    draft = revisions_of(story)[-1]
    change_page_post(editor_client, Article.objects.get(pk=story.pk), status=Article.Status.PUBLISHED)
    url = admin_url(Article, "revision", story.pk, draft.pk)

    response = contributor_client.post(url, {"title": "Rewritten by the contributor", "status": "draft"})

    assert response.status_code == 403
    article = Article.objects.get(pk=story.pk)
    assert (article.status, article.title) == (Article.Status.PUBLISHED, "Wang Yi meets Ishaq Dar")


def test_import_records_a_revision_marked_import_with_the_suggested_statements():
    importer = Importer()
    [outcome] = importer.import_stories(factories.prepared_stories(importer, [("story.txt", (
        b"Ministers meet\n2023-05-06 15:34\n\nChinese Foreign Minister Wang Yi met Josep Borrell. "
        b"Wang said that dialogue matters.\n"
    ))]))
    article = outcome.article

    [version] = revisions_of(article)
    assert version.revision.source.source == RevisionSource.Source.IMPORT
    assert version.revision.user is None
    [statement] = [v for v in version.revision.version_set.all() if v.content_type.model == "statement"]
    assert statement.field_dict["text"] == "dialogue matters."
    assert statement.field_dict["review"] == Statement.Review.SUGGESTED


def test_revisions_recorded_in_bulk_hold_what_django_reversion_records(story):
    story.people.add(factories.make_person("Ishaq Dar"))
    story.countries.add(factories.country("CN"), factories.country("PK"))
    story.statements.get().countries.add(factories.country("PK"))
    # Fields of every kind the serializer writes: a file's name, a date, none at all.
    photo = Path(settings.MEDIA_ROOT) / "photos" / "talks.jpg"
    photo.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (8, 6)).save(photo)
    Article.objects.filter(pk=story.pk).update(lead_image="photos/talks.jpg", event_date="2023-05-05", summary="")
    story.refresh_from_db()
    with reversion.create_revision():
        reversion.add_to_revision(story)

    record_stories([story], RevisionSource.Source.IMPORT, "Imported from a story file.")

    by_reversion, in_bulk = (
        {
            (version.content_type.model, version.object_id): (
                version.object_repr, version.field_dict, json.loads(version.serialized_data)
            )
            for version in revision.version_set.all()
        }
        for revision in Revision.objects.order_by("pk")
    )
    assert in_bulk == by_reversion
    assert {model for model, _ in in_bulk} == {"article", "statement", "taggedarticle"}
    assert sorted(in_bulk["article", str(story.pk)][1]["countries"]) == sorted(
        [factories.country("CN").pk, factories.country("PK").pk]
    )


# Conflicts ------------------------------------------------------------------------------

@pytest.fixture
def second_editor(django_user_model):
    from tests.conftest import desk_member

    client = Client()
    client.force_login(desk_member(django_user_model, "emil", "Editors"))
    return client


def test_second_editor_saving_a_stale_form_is_refused_with_what_changed_and_keeps_their_text(
    editor_client, second_editor, story
):
    url = admin_url(Article, "change", story.pk)
    change_page_post(editor_client, story)  # the story has a first revision
    first_form = form_data(editor_client.get(url), "article_form")
    second_form = form_data(second_editor.get(url), "article_form")
    editor_client.post(url, {**first_form, "title": "Edith's title"})

    response = second_editor.post(url, {**second_form, "summary": "Emil's summary"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "edith saved this story after you opened it" in html
    assert '<th scope="row">Title</th><td>Wang Yi meets Ishaq Dar</td><td>Edith&#x27;s title</td>' in html
    assert "Emil&#x27;s summary</textarea>" in html
    assert Article.objects.get(pk=story.pk).title == "Edith's title"
    assert Article.objects.get(pk=story.pk).summary == ""

    # Having seen the conflict, saving again is a deliberate choice and goes through.
    again = second_editor.post(url, form_data(response, "article_form"))
    assert again.status_code == 302
    assert Article.objects.get(pk=story.pk).summary == "Emil's summary"


def test_conflict_on_a_story_saved_before_revisions_compares_with_what_is_saved_now(editor_client, second_editor):
    story = factories.make_article("Ministers meet")  # no revision recorded
    url = admin_url(Article, "change", story.pk)
    first_form, second_form = (form_data(c.get(url), "article_form") for c in (editor_client, second_editor))
    editor_client.post(url, {**first_form, "title": "Edith's title"})

    response = second_editor.post(url, {**second_form, "summary": "Emil's summary"})

    html = response.content.decode()
    assert '<th scope="col">Yours</th><th scope="col">Saved now</th>' in html
    assert '<th scope="row">Title</th><td>Ministers meet</td><td>Edith&#x27;s title</td>' in html
    assert '<th scope="row">Summary</th><td>Emil&#x27;s summary</td><td></td>' in html


def test_of_two_copies_read_at_the_same_version_only_the_first_save_lands(story):
    first, second = Article.objects.get(pk=story.pk), Article.objects.get(pk=story.pk)
    first.title = "First"
    first.save()
    second.title = "Second"

    with pytest.raises(Article.Conflict):
        second.save()

    assert Article.objects.get(pk=story.pk).title == "First"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_save_that_loses_the_race_after_validation_shows_the_conflict(editor_client, story, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("needs a second connection to write mid-request; SQLite locks the whole file")
    url = admin_url(Article, "change", story.pk)
    data = form_data(editor_client.get(url), "article_form")
    validate = Article.clean

    def someone_saves_meanwhile(article):
        # After this form's version check passed and before its write: another editor's save,
        # committed on a connection of its own, as it would be from another request.
        validate(article)
        if not hasattr(someone_saves_meanwhile, "done"):
            someone_saves_meanwhile.done = True
            other = connections.create_connection(DEFAULT_DB_ALIAS)
            with other.cursor() as cursor:
                cursor.execute(
                    "UPDATE articles_article SET title = %s, version = version + 1 WHERE id = %s",
                    ["Saved meanwhile", story.pk],
                )
            other.close()

    monkeypatch.setattr(Article, "clean", someone_saves_meanwhile)
    response = editor_client.post(url, {**data, "title": "Mine"})

    assert response.status_code == 200
    assert "saved this story after you opened it" in response.content.decode()
    assert Article.objects.get(pk=story.pk).title == "Saved meanwhile"


def test_editor_recovers_a_deleted_story_with_its_statements(editor_client, story):
    change_page_post(editor_client, story)
    editor_client.post(admin_url(Article, "delete", story.pk), {"post": "yes"})
    assert not Article.objects.exists()
    [deleted] = Version.objects.get_deleted(Article)
    url = reverse("admin:articles_article_recover", args=[deleted.pk])

    response = editor_client.post(url, form_data(editor_client.get(url), "article_form"))

    assert response.status_code == 302, response.context["errors"]
    recovered = Article.objects.get()
    assert recovered.title == "Wang Yi meets Ishaq Dar"
    assert [s.text for s in recovered.statements.all()] == ["China values the friendship."]
