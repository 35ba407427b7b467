"""The desk home: what waits for review, whose drafts, what is scheduled, which stories have
suggestions and which people need checking, each counted and linked, at any archive size."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import desk
from articles.models import Article, Statement
from tests import factories
from tests.queries import assert_flat

pytestmark = pytest.mark.django_db

HOME = reverse("admin:index")


def tray_titles(response):
    return [tray.title for tray in response.context["trays"]]


def tray(response, title):
    return next(tray for tray in response.context["trays"] if tray.title == title)


def fill_trays(contributor, times):
    """`times` stories in every tray, and as many people to check."""
    for _ in range(times):
        factories.make_article(status=Article.Status.IN_REVIEW)
        factories.make_article(status=Article.Status.DRAFT, created_by=contributor)
        factories.make_article(published_at=timezone.now() + timedelta(days=2))
        waiting = factories.make_article()
        factories.make_statement(waiting, factories.make_person(needs_review=True), review=Statement.Review.SUGGESTED)


def test_editor_sees_what_waits_for_a_decision_first_with_counts_and_links(editor_client, contributor):
    factories.make_article("Ministers meet", status=Article.Status.IN_REVIEW)
    waiting = factories.make_article("Qin Gang visits Islamabad")
    factories.make_statement(waiting, factories.make_person("Qin Gang", needs_review=True),
                             review=Statement.Review.SUGGESTED)
    factories.make_statement(waiting, factories.make_person("Arif Alvi"), review=Statement.Review.SUGGESTED)
    factories.make_article("Embargoed", published_at=timezone.now() + timedelta(days=1))

    response = editor_client.get(HOME)

    assert tray_titles(response) == [
        "In review", "Suggestions waiting", "People to check", "Scheduled", "My drafts", "Recently published",
    ]
    html = response.content.decode()
    articles = reverse("admin:articles_article_changelist")
    assert f'<a href="{articles}?state=review">In review <span class="desk-tray__count">1</span></a>' in html
    assert "Ministers meet" in html and "Embargoed" in html
    assert [row[0] for row in tray(response, "Suggestions waiting").rows] == ["Qin Gang visits Islamabad"]
    assert tray(response, "Suggestions waiting").rows[0][2] == "2 suggested"
    assert [row[0] for row in tray(response, "People to check").rows] == ["Qin Gang"]
    assert reverse("admin:articles_article_change", args=[waiting.pk]) in html


def test_contributor_sees_their_own_stories_first_and_no_editors_trays(contributor_client, contributor, editor):
    factories.make_article("My draft", status=Article.Status.DRAFT, created_by=contributor)
    factories.make_article("Edith's draft", status=Article.Status.DRAFT, created_by=editor)
    factories.make_article("Mine, submitted", status=Article.Status.IN_REVIEW, created_by=contributor)

    response = contributor_client.get(HOME)

    assert tray_titles(response)[:2] == ["My drafts", "Mine in review"]
    assert not {"Suggestions waiting", "People to check"} & set(tray_titles(response))
    assert [row[0] for row in tray(response, "My drafts").rows] == ["My draft"]
    assert [row[0] for row in tray(response, "Mine in review").rows] == ["Mine, submitted"]


def test_my_drafts_link_lists_only_my_drafts(contributor_client, contributor, editor):
    factories.make_article("My draft", status=Article.Status.DRAFT, created_by=contributor)
    factories.make_article("Edith's draft", status=Article.Status.DRAFT, created_by=editor)

    listed = contributor_client.get(reverse("admin:articles_article_changelist"), {"state": "draft", "by": "me"})

    assert [article.title for article in listed.context["cl"].result_list] == ["My draft"]


def test_counts_stop_at_the_cap_and_say_so(editor_client, monkeypatch):
    monkeypatch.setattr(desk, "TRAY_CAP", 2)
    for _ in range(3):
        factories.make_article(status=Article.Status.IN_REVIEW)

    response = editor_client.get(HOME)

    assert tray(response, "In review").shown_count == "2+"
    assert '<span class="desk-tray__count">2+</span>' in response.content.decode()


def test_the_home_costs_the_same_queries_however_full_the_trays(editor_client, editor, contributor):
    fill_trays(editor, 1)
    with CaptureQueriesContext(connection) as few:
        editor_client.get(HOME)
    fill_trays(editor, 6)
    with CaptureQueriesContext(connection) as many:
        editor_client.get(HOME)

    assert_flat([q["sql"] for q in few.captured_queries], [q["sql"] for q in many.captured_queries])
    # Every count reads at most TRAY_CAP + 1 rows: none counts a whole table.
    counts = [q["sql"] for q in many.captured_queries if q["sql"].upper().startswith("SELECT COUNT(*)")]
    assert len(counts) == 5 and all("LIMIT" in sql.upper() for sql in counts)


def test_a_reader_who_is_not_staff_is_sent_to_log_in(client):
    assert client.get(HOME).status_code == 302


def test_a_contributors_story_list_opens_with_their_own_and_shows_everyones_on_asking(
        contributor_client, contributor, editor_client, editor):
    factories.make_article("My draft", status=Article.Status.DRAFT, created_by=contributor)
    factories.make_article("Edith's story", created_by=editor)
    url = reverse("admin:articles_article_changelist")

    own = contributor_client.get(url)
    everyone = contributor_client.get(url, {"by": "anyone"})
    editors = editor_client.get(url)

    assert [a.title for a in own.context["cl"].result_list] == ["My draft"]
    assert '<a href="?by=anyone">Anyone</a>' in own.content.decode()
    assert sorted(a.title for a in everyone.context["cl"].result_list) == ["Edith's story", "My draft"]
    assert sorted(a.title for a in editors.context["cl"].result_list) == ["Edith's story", "My draft"]
