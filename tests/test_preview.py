"""Staff see any story as readers will; everyone else gets a 404 for what is not published."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests import factories

pytestmark = pytest.mark.django_db

UNPUBLISHED = {
    "draft": dict(status=Article.Status.DRAFT),
    "in review": dict(status=Article.Status.IN_REVIEW),
    "scheduled": dict(status=Article.Status.PUBLISHED, published_at=timezone.now() + timedelta(days=1)),
    "withdrawn": dict(status=Article.Status.WITHDRAWN),
}


def preview_url(article):
    return reverse("articles:preview", args=[article.pk])


@pytest.mark.parametrize("state", UNPUBLISHED)
def test_staff_preview_shows_the_story_with_a_banner_noindex_and_no_cache(editor_client, state):
    article = factories.make_article("Not out yet", editor_note="Desk only.", **UNPUBLISHED[state])

    response = editor_client.get(preview_url(article))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Preview — not published." in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "Desk only." not in html


def test_scheduled_preview_says_when_it_goes_live_in_newsroom_time(editor_client):
    article = factories.make_article(status=Article.Status.PUBLISHED, published_at=factories.newsroom_time(2099, 5, 6, 15, 34))

    html = editor_client.get(preview_url(article)).content.decode()

    assert 'Scheduled: goes live <time datetime="2099-05-06T15:34+08:00">6 May 2099, 15:34 Beijing time</time>' in html


@pytest.mark.parametrize("state", UNPUBLISHED)
def test_readers_get_404_for_unpublished_stories_everywhere(client, django_user_model, state):
    person, country = factories.make_person("Secret Envoy"), factories.country("PK")
    article = factories.make_article(
        "Not out yet", tags=["secret-tag"], people=[person], countries=[country], **UNPUBLISHED[state]
    )
    factories.make_statement(article, person, "Something secret.")
    client.force_login(django_user_model.objects.create_user("reader"))

    for url in [
        article.get_absolute_url(),
        preview_url(article),
        reverse("articles:tag", args=["secret-tag"]),
        person.get_absolute_url(),
    ]:
        assert client.get(url).status_code == 404, url
    for url in ["/", reverse("articles:section", args=[article.section.slug]), country.get_absolute_url(),
                reverse("articles:people"), reverse("articles:countries")]:
        assert "Not out yet" not in client.get(url).content.decode()
        assert "Secret Envoy" not in client.get(url).content.decode()


def test_change_page_offers_preview_for_a_draft(editor_client):
    article = factories.make_article(status=Article.Status.DRAFT)

    html = editor_client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()

    assert f'href="{preview_url(article)}"' in html
