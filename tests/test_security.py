"""What a production news site owes its readers and its desk: logins that cannot be guessed
at speed, the security headers browsers enforce, and a clean deploy check."""

from datetime import timedelta
from unittest import mock

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.test import Client

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-password"
LOGIN = "/admin/login/?next=/admin/"


def log_in(client, password, username="edith"):
    return client.post(LOGIN, {"username": username, "password": password})


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("edith", "edith@example.com", PASSWORD, is_staff=True)


# 8. Login throttling ----------------------------------------------------------------------

def test_five_wrong_passwords_lock_the_account_out_from_that_address_even_with_the_right_one(client, editor):
    answers = [log_in(client, f"guess-{attempt}").status_code for attempt in range(5)]

    right = log_in(client, PASSWORD)

    assert answers == [200, 200, 200, 200, 429]
    assert right.status_code == 429
    assert "Too many failed logins" in right.content.decode()
    assert "Logging in as “edith” from your address is blocked for 15 minutes" in right.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_locked_out_login_is_refused_before_the_password_is_hashed(client, editor):
    for attempt in range(5):
        log_in(client, f"guess-{attempt}")

    with mock.patch.object(get_user_model(), "check_password") as check_password:
        for attempt in range(20):
            assert log_in(client, f"flood-{attempt}").status_code == 429

    assert check_password.call_count == 0


def test_the_lockout_is_for_that_username_and_address_only(client, editor, django_user_model):
    django_user_model.objects.create_user("emil", "emil@example.com", PASSWORD, is_staff=True)
    for attempt in range(5):
        log_in(client, f"guess-{attempt}")

    elsewhere = Client(REMOTE_ADDR="203.0.113.9")

    assert log_in(client, PASSWORD, username="emil").status_code == 302
    assert log_in(elsewhere, PASSWORD).status_code == 302


def test_after_the_cool_off_the_right_password_logs_in(client, editor):
    for attempt in range(5):
        log_in(client, f"guess-{attempt}")
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16))

    response = log_in(client, PASSWORD)

    assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_throttling_holds_with_the_cache_down(client, editor, settings):
    # Nothing listens on port 1: every cache call fails, as with Redis down.
    settings.CACHES = {"default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0",
    }}

    answers = [log_in(client, f"guess-{attempt}").status_code for attempt in range(5)]

    assert answers == [200, 200, 200, 200, 429]
    assert log_in(client, PASSWORD).status_code == 429


def test_a_right_password_clears_the_earlier_failures(client, editor):
    for attempt in range(4):
        log_in(client, f"guess-{attempt}")
    assert log_in(client, PASSWORD).status_code == 302

    answers = [log_in(Client(), f"again-{attempt}").status_code for attempt in range(4)]

    assert answers == [200, 200, 200, 200]
