from datetime import date
from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from tests.factories import country, make_article, make_person, make_role, make_section, make_statement, newsroom_time


@pytest.fixture
def get_with_queries(client):
    """GET a URL and return the response with the SQL it ran, to compare query counts."""

    def get(url):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        return response, [query["sql"] for query in captured.captured_queries]

    return get


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.com", None)
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Real hashing is deliberately slow; tests that create users don't need its strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def page_cache_off(settings, tmp_path):
    # Tests roll their transactions back, so the commits that renew the page cache never
    # happen: pages would come back as an earlier test left them. tests/test_page_cache.py
    # turns it on, with transactions that commit.
    settings.PAGE_CACHE_ENABLED = False
    settings.PAGE_CACHE_STAMP_FILE = tmp_path / "page-generation"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    # Uploads from one test must not land in the project's media/ or be seen by another test.
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def desk_member(django_user_model, username, group):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(username, f"{username}@example.com", "a-long-password", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def contributor(django_user_model):
    return desk_member(django_user_model, "carla", "Contributors")


@pytest.fixture
def editor(django_user_model):
    return desk_member(django_user_model, "edith", "Editors")


# Each desk member browses with a client of their own, so a test can hold several at once
# (and pytest-django's `client` stays anonymous).
@pytest.fixture
def contributor_client(contributor):
    client = Client()
    client.force_login(contributor)
    return client


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


def jpeg(width, height):
    picture = BytesIO()
    Image.new("RGB", (width, height), "#7d8b99").save(picture, "JPEG")
    return picture.getvalue()


@pytest.fixture
def every_page_kind(settings):
    """{name: URL} of one page of every kind readers get, over a small newsroom that fills them
    all: a story with statements, roles, tags and countries, and enough stories for a page 2."""
    settings.TIME_ZONE = "Asia/Shanghai"
    china, pakistan, afghanistan = country("CN"), country("PK"), country("AF")
    qin = make_person("Qin Gang", country=china, bio="Chinese diplomat.", wikidata_id="Q1")
    alvi = make_person("Arif Alvi", country=pakistan)
    make_role(qin, "Ambassador", country=china, start_date=date(2021, 7, 28), end_date=date(2022, 12, 29))
    make_role(qin, "State Councilor and Foreign Minister", country=china, start_date=date(2022, 12, 30))
    make_role(alvi, "President", country=pakistan, start_date=date(2018, 9, 9))
    story = make_article(
        "Alvi meets Qin Gang & <friends>", section=make_section("China News"), summary="They met.",
        published_at=newsroom_time(2023, 5, 6, 15, 34), dateline="Islamabad", tags=["CPEC", "Diplomacy"],
        people=[alvi, qin], countries=[china, pakistan, afghanistan], source_name="MFA",
        source_url="https://example.com/story",
        body="Alvi met Qin Gang.\n\nThey spoke about Afghanistan.\n\nQin Gang said more.",
    )
    story.lead_image_alt = "Alvi and Qin Gang shake hands"
    story.lead_image = ContentFile(jpeg(1600, 900), name="handshake.jpg")
    story.save()  # with its renditions, as the desk's upload does
    make_statement(story, alvi, "Pakistan backs the CPEC.", cue="said", countries=[china], paragraph=2,
                   speaker_title="Pakistani President")
    make_statement(story, qin, "Afghanistan needs peace.", cue="pointed out", countries=[afghanistan, pakistan],
                   paragraph=3, kind="direct")
    for number in range(22):
        make_article(f"Story {number}", published_at=newsroom_time(2023, 4, 1 + number), countries=[china, pakistan],
                     people=[qin])
    return {
        "home": reverse("articles:list"),
        "home-page-2": reverse("articles:list") + "?page=2",
        "story": story.get_absolute_url(),
        "section": reverse("articles:section", args=["china-news"]),
        "sections": reverse("articles:sections"),
        "tag": reverse("articles:tag", args=["cpec"]),
        "countries": reverse("articles:countries"),
        "country": reverse("articles:country", args=["pk"]),
        "people": reverse("articles:people"),
        "people-letter": reverse("articles:people") + "?letter=Q",
        "people-filtered": reverse("articles:people") + "?q=nobody",
        "person": reverse("articles:person", args=["qin-gang"]),
        "search-empty": reverse("articles:search"),
        "search": reverse("articles:search") + "?q=qin+gang+afghanistan",
        "search-narrowed": reverse("articles:search") + "?q=story&country=pk&year=2023",
        "search-nothing": reverse("articles:search") + "?q=%25%25",
        "search-misspelt": reverse("articles:search") + "?q=Qin+Gnag",
        "statements": reverse("articles:statements"),
        "statements-filtered": reverse("articles:statements") + "?speaker=qin-gang&about=AF&since=2023-01-01",
        "statements-invalid": reverse("articles:statements") + "?since=nonsense&speaker=nobody",
        "relation": reverse("articles:relation", args=["cn", "pk"]),
        "archive": reverse("articles:archive"),
        "year": reverse("articles:year", args=[2023]),
        "month": reverse("articles:month", args=[2023, 5]),
        "not-found": "/no-such-page/",
    }
