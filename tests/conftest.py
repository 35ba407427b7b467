import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


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
