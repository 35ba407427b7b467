"""Readers' pages from the page cache: any change a reader could see shows on the very next
request, nothing private is ever kept, and a cache that fails never takes a page down.

These tests commit their transactions (the page cache renews on commit), so each starts
from an empty database and an empty cache.
"""

import gzip
import socket
from contextlib import suppress
from datetime import timedelta

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles import pagecache
from articles.merging import merge_people
from articles.models import Article, Correction, Statement
from tests.factories import country, make_article, make_person, make_statement

# The countries come from a data migration: put them back after each test's flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def page_cache_on(settings, tmp_path):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_STAMP_FILE = tmp_path / "page-generation"
    pagecache.reset()
    caches["pages"].clear()
    yield
    with suppress(Exception):  # a test may have pointed the cache at a closed port
        caches["pages"].clear()
    pagecache.reset()


def fetch(client, url, **headers):
    response = client.get(url, headers=headers)
    return response, response.content.decode()


def test_a_page_asked_again_comes_from_the_cache_without_a_query(client):
    make_article("Talks in Islamabad")
    first, _ = fetch(client, "/")

    with CaptureQueriesContext(connection) as queries:
        second, text = fetch(client, "/")

    assert first.status_code == second.status_code == 200
    assert "Talks in Islamabad" in text
    assert len(queries) == 0
    assert second["ETag"] == first["ETag"]
    assert "public" in second["Cache-Control"] and "max-age=60" in second["Cache-Control"]


@pytest.mark.parametrize("accept", ["gzip, deflate, br", "br;q=1.0, gzip;q=0.8, *;q=0.1", "GZIP"])
def test_a_kept_page_goes_compressed_to_a_browser_that_takes_gzip(client, accept):
    make_article("Talks in Islamabad")
    plain, text = fetch(client, "/")

    kept = client.get("/", headers={"Accept-Encoding": accept})

    assert kept["Content-Encoding"] == "gzip"
    assert int(kept["Content-Length"]) == len(kept.content) < len(plain.content) / 2
    assert gzip.decompress(kept.content).decode() == text
    assert "Accept-Encoding" in kept["Vary"] and "Accept-Encoding" in plain["Vary"]
    assert kept["ETag"] != plain["ETag"]
    assert client.get("/", headers={"Accept-Encoding": accept, "If-None-Match": kept["ETag"]}).status_code == 304


@pytest.mark.parametrize("accept", [None, "identity", "gzip;q=0", "gzip;q=0.000", "gzip;q=x", "deflate, br"])
def test_a_kept_page_goes_plain_to_a_client_that_does_not_take_gzip(client, accept):
    make_article("Talks in Islamabad")
    first, text = fetch(client, "/")

    kept = client.get("/", headers={"Accept-Encoding": accept} if accept else {})

    assert "Content-Encoding" not in kept
    assert kept.content.decode() == text
    assert int(kept["Content-Length"]) == len(kept.content)
    assert kept["ETag"] == first["ETag"]


def test_publishing_a_story_shows_on_the_next_request_of_every_page(client):
    pakistan = country("PK")
    make_article("First story", countries=[pakistan], tags=["CPEC"])
    pages = ["/", "/feed/", "/countries/pk/", "/tags/cpec/", reverse("sitemap")]
    for url in pages:
        fetch(client, url)
    draft = make_article("Second story", status=Article.Status.DRAFT, countries=[pakistan], tags=["CPEC"])
    for url in pages[:-1]:
        assert "Second story" not in fetch(client, url)[1]

    draft.status = Article.Status.PUBLISHED
    draft.save()

    for url in pages[:-1]:
        assert "Second story" in fetch(client, url)[1], url
    assert draft.get_absolute_url() in fetch(client, reverse("sitemap_stories", args=[draft.published_on.year, f"{draft.published_on.month:02}"]))[1]


def test_an_edit_shows_on_the_next_request(client):
    story = make_article("Old headline")
    fetch(client, story.get_absolute_url())

    story.refresh_from_db()
    story.body = "A corrected first paragraph."
    story.save()

    assert "A corrected first paragraph." in fetch(client, story.get_absolute_url())[1]


def test_a_withdrawn_story_is_gone_at_once_from_its_page_feeds_and_sitemaps(client):
    story = make_article("To be withdrawn", tags=["CPEC"])
    month_sitemap = reverse("sitemap_stories", args=[story.published_on.year, f"{story.published_on.month:02}"])
    for url in [story.get_absolute_url(), "/feed/", "/feed/atom/", "/tags/cpec/feed/", month_sitemap]:
        assert fetch(client, url)[0].status_code == 200

    story.refresh_from_db()
    story.status = Article.Status.WITHDRAWN
    story.save()

    assert fetch(client, story.get_absolute_url())[0].status_code == 404
    for url in ["/feed/", "/feed/atom/"]:
        assert "To be withdrawn" not in fetch(client, url)[1]
    assert fetch(client, "/tags/cpec/feed/")[0].status_code == 404
    assert story.get_absolute_url() not in fetch(client, month_sitemap)[1]


def test_a_scheduled_story_appears_when_its_time_comes(client, monkeypatch):
    make_article("Already out")
    soon = make_article("Coming soon", published_at=timezone.now() + timedelta(minutes=10))
    assert "Coming soon" not in fetch(client, "/")[1]
    assert fetch(client, soon.get_absolute_url())[0].status_code == 404

    later = timezone.now() + timedelta(minutes=11)
    monkeypatch.setattr(timezone, "now", lambda: later)

    assert "Coming soon" in fetch(client, "/")[1]
    assert fetch(client, soon.get_absolute_url())[0].status_code == 200


@pytest.mark.parametrize("decision", [Statement.Review.CONFIRMED, Statement.Review.REJECTED])
def test_confirming_or_rejecting_a_statement_shows_on_the_next_request(client, decision):
    qin = make_person("Qin Gang", country=country("CN"))
    story = make_article("Qin Gang in Islamabad", people=[qin])
    statement = make_statement(
        story, qin, "China is ready to help Pakistan revive its economy.",
        review=Statement.Review.SUGGESTED if decision == Statement.Review.CONFIRMED else Statement.Review.CONFIRMED,
    )
    before = fetch(client, "/statements/")[1]

    Statement.objects.filter(pk=statement.pk).set_review(decision)

    after = fetch(client, "/statements/")[1]
    shown = decision == Statement.Review.CONFIRMED
    assert ("revive its economy" in before) is not shown
    assert ("revive its economy" in after) is shown


def test_a_correction_a_merge_and_renamed_people_and_tags_show_on_the_next_request(client):
    alvi, duplicate = make_person("Arif Alvi"), make_person("President Alvi")
    story = make_article("Alvi meets Qin Gang", people=[alvi, duplicate], tags=["Diplomacy"])
    for url in [story.get_absolute_url(), "/people/", "/tags/diplomacy/"]:
        fetch(client, url)

    Correction.objects.create(article=story, text="An earlier version misspelt a name.")
    assert "misspelt a name" in fetch(client, story.get_absolute_url())[1]

    merge_people([duplicate], alvi)
    assert "President Alvi" not in fetch(client, "/people/")[1]

    alvi.refresh_from_db()
    alvi.name = "Arif ur Rehman Alvi"
    alvi.save()
    assert "Arif ur Rehman Alvi" in fetch(client, story.get_absolute_url())[1]

    tag = Tag.objects.get(slug="diplomacy")
    tag.name = "Foreign affairs"
    tag.save()
    assert "Foreign affairs" in fetch(client, "/tags/diplomacy/")[1]


def test_no_kept_page_carries_a_cookie_or_a_csrf_token(client):
    story = make_article("Plain story")
    for url in ["/", story.get_absolute_url(), "/search/?q=story", "/statements/", "/feed/", reverse("sitemap")]:
        for _ in range(2):  # the second answer is the kept one
            response, text = fetch(client, url)
            assert response.status_code == 200
            assert not response.cookies, url
            assert "csrfmiddlewaretoken" not in text


def test_staff_get_pages_rendered_for_them_and_kept_by_no_one(client, django_user_model):
    story = make_article("Before the edit")
    fetch(client, story.get_absolute_url())
    editor = django_user_model.objects.create_superuser("editor", "editor@example.com", "a-long-password")
    client.force_login(editor)

    Article.objects.filter(pk=story.pk).update(title="Changed without a signal")
    response, text = fetch(client, story.get_absolute_url())

    assert "Changed without a signal" in text
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    admin = client.get(reverse("admin:index"))
    assert "no-store" in admin["Cache-Control"]


def test_an_unchanged_page_is_answered_not_modified(client):
    make_article("Story")
    first, _ = fetch(client, "/")

    again = client.get("/", headers={"If-None-Match": first["ETag"]})
    since = client.get("/", headers={"If-Modified-Since": first["Last-Modified"]})

    assert again.status_code == since.status_code == 304
    assert again.content == b""
    make_article("Another story")
    assert client.get("/", headers={"If-None-Match": first["ETag"]}).status_code == 200


def test_workers_sharing_a_stamp_file_see_each_others_changes(settings):
    one, other = pagecache.PageCache(), pagecache.PageCache()
    first = one.generation()
    assert other.generation() == first

    other.renew()

    assert one.generation() != first


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_cache(url):
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2, "IGNORE_EXCEPTIONS": False},
    }


def test_with_redis_down_every_page_still_answers(client, settings):
    url = f"redis://127.0.0.1:{closed_port()}/0"
    settings.CACHES = {"default": {**redis_cache(url), "OPTIONS": {**redis_cache(url)["OPTIONS"], "IGNORE_EXCEPTIONS": True}},
                       "pages": redis_cache(url)}
    alvi = make_person("Arif Alvi", country=country("PK"))
    story = make_article("Alvi meets Qin Gang", people=[alvi], countries=[country("PK"), country("CN")], tags=["CPEC"])
    pages = ["/", story.get_absolute_url(), "/people/arif-alvi/", "/countries/pk/", "/relations/cn/pk/",
             "/tags/cpec/", "/statements/", "/search/?q=alvi", "/feed/", reverse("sitemap"), "/news/2020/"]

    for url in pages:
        assert fetch(client, url)[0].status_code in {200, 404}, url
    assert fetch(client, "/")[0].status_code == 200
    assert client.get(reverse("healthz")).status_code == 503


def redis_reachable():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.2).close()
        return True
    except OSError:
        return False


@pytest.mark.skipif(not redis_reachable(), reason="no Redis on 127.0.0.1:6379")
def test_with_redis_the_workers_share_pages_and_changes(client, settings):
    settings.CACHES = {"default": redis_cache("redis://127.0.0.1:6379/15"), "pages": redis_cache("redis://127.0.0.1:6379/15")}
    caches["pages"].clear()
    make_article("Shared story")
    fetch(client, "/")
    other_worker = pagecache.PageCache()

    assert other_worker.cache.get(pagecache.cache_key_for("testserver", "/")) is not None
    make_article("Newer story")

    assert "Newer story" in fetch(client, "/")[1]
    assert client.get(reverse("healthz")).status_code == 200
    caches["pages"].clear()


def test_reordering_sections_shows_in_the_navigation_on_the_next_request(client):
    from tests.factories import make_section

    world, asia = make_section("World", position=1), make_section("Asia", position=2)
    make_article(section=world)
    make_article(section=asia)
    assert fetch(client, "/")[1].index(">World</a>") < fetch(client, "/")[1].index(">Asia</a>")

    asia.position = 0
    asia.save()

    text = fetch(client, "/")[1]
    assert text.index(">Asia</a>") < text.index(">World</a>")


def test_a_page_kept_by_the_release_before_gzip_is_never_served(client):
    """Pages were kept zlib-compressed under the old keys; a shared cache may still hold them
    after an upgrade, under the current generation. They must not be sent as gzip."""
    import hashlib
    import zlib

    make_article("Talks in Islamabad")
    generation = pagecache.page_cache().generation()
    old_key = "page:" + hashlib.sha256(b"testserver/").hexdigest()
    stale = pagecache.Entry(generation.token, 200, (("Content-Type", "text/html"),), zlib.compress(b"stale", 1), '"x"', 0.0)
    caches["pages"].set(old_key, stale)

    for accept in ("gzip", "identity"):
        response = client.get("/", headers={"Accept-Encoding": accept})
        assert response.status_code == 200
        assert "Talks in Islamabad" in response.content.decode()
