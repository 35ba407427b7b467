import pytest
from django.db import connection
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
