"""What a production news site owes its readers and its desk: logins that cannot be guessed
at speed, the security headers browsers enforce, and a clean deploy check."""

import os
import secrets
import subprocess
import sys
from datetime import timedelta
from html.parser import HTMLParser
from unittest import mock

import pytest
from axes.models import AccessAttempt
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import Client

from articles import checks
from tests import factories
from tests.test_hostile_input import public_pages

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


# 9. Headers --------------------------------------------------------------------------------

class InlineCode(HTMLParser):
    """Collects what a strict Content-Security-Policy would block in a page: inline scripts
    (JSON-LD is data, not script, and runs under any policy), <style>, style="", on...=""."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and "src" not in attrs and attrs.get("type") != "application/ld+json":
            self.found.append("<script> without src")
        if tag == "style":
            self.found.append("<style>")
        self.found += [f'{name}="" on <{tag}>' for name in attrs if name == "style" or name.startswith("on")]
        self.found += [f"javascript: in <{tag}>" for value in attrs.values() if (value or "").startswith("javascript:")]


@pytest.fixture
def site():
    pakistan, china = factories.country("PK"), factories.country("CN")
    wang = factories.make_person("Wang Yi", country=china)
    article = factories.make_article(
        "Wang Yi meets Ishaq Dar", published_at=factories.newsroom_time(2023, 5, 6, 10), tags=["diplomacy"],
        people=[wang], countries=[pakistan, china],
    )
    factories.make_statement(article, wang, "China and Pakistan are all-weather partners.", countries=[pakistan])
    return article


def directives(policy):
    """{directive: its sources}: the header's order is django-csp's, not ours to test."""
    return {name: sources.strip() for name, _, sources in (part.partition(" ") for part in policy.split("; "))}


STRICT_POLICY = {
    "default-src": "'none'", "script-src": "'self'", "style-src": "'self'", "img-src": "'self'",
    "font-src": "'self'", "connect-src": "'self'", "form-action": "'self'", "frame-ancestors": "'none'",
    "base-uri": "'none'",
}


def test_every_public_page_and_the_desk_send_the_security_headers(client, site):
    pages = [*public_pages(site), "/relations/cn/pk/", "/robots.txt", "/no-such-page/", "/admin/login/"]

    for url in pages:
        response = client.get(url)
        assert directives(response["Content-Security-Policy"]) == STRICT_POLICY, url
        assert response["X-Frame-Options"] == "DENY", url
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["Referrer-Policy"] == "same-origin", url
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", url
        assert "camera=()" in response["Permissions-Policy"], url


def test_public_pages_carry_no_inline_script_or_style(client, site):
    for url in [*public_pages(site), "/relations/cn/pk/", "/no-such-page/"]:
        response = client.get(url)
        if response["Content-Type"].startswith("text/html"):
            page = InlineCode()
            page.feed(response.content.decode())
            assert page.found == [], url


def run_in_production(code, **env):
    """Run `code` in `manage.py shell` with the production environment the README documents."""
    production = {
        **os.environ, "DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "news.example.com",
        **env,
    }
    production.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "manage.py", *code], cwd=django_settings.BASE_DIR, env=production, capture_output=True, text=True,
        timeout=120,
    )


PROBE = """
from django.test import Client
browser = Client(HTTP_HOST="news.example.com")
plain = browser.get("/robots.txt")
secure = browser.get("/robots.txt", secure=True)
print(plain.status_code, plain.get("Location"))
print(secure.status_code, secure.get("Strict-Transport-Security"))
print(secure["Content-Security-Policy"])
"""


def test_production_redirects_to_https_and_sends_hsts_for_a_year():
    result = run_in_production(["shell", "-v", "0", "-c", PROBE])

    plain, secure, policy = result.stdout.splitlines()
    assert plain == "301 https://news.example.com/robots.txt"
    assert secure == "200 max-age=31536000; includeSubDomains; preload"
    assert directives(policy) == {**STRICT_POLICY, "upgrade-insecure-requests": ""}


def test_behind_a_proxy_that_terminates_tls_django_leaves_redirect_and_hsts_to_it():
    result = run_in_production(["shell", "-v", "0", "-c", PROBE], HTTPS_BY_PROXY="1")

    plain, secure, policy = result.stdout.splitlines()
    assert (plain, secure) == ("200 None", "200 None")
    assert directives(policy) == {**STRICT_POLICY, "upgrade-insecure-requests": ""}


@pytest.mark.parametrize("proxy", ["0", "1"])
def test_the_deploy_check_passes_with_the_documented_production_environment(proxy):
    result = run_in_production(["check", "--deploy", "--fail-level", "WARNING"], HTTPS_BY_PROXY=proxy)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_deploy_check_fails_without_a_content_security_policy(settings):
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != checks.CSP_MIDDLEWARE]

    with pytest.raises(SystemCheckError, match="newsroom.E001"):
        call_command("check", "--deploy", "--tag", "security")


@pytest.mark.parametrize("change, expected", [
    ({"MIDDLEWARE": [m for m in django_settings.MIDDLEWARE if "csp" not in m]}, ["newsroom.E001"]),
    ({"CONTENT_SECURITY_POLICY": None}, ["newsroom.E001"]),
    ({"CONTENT_SECURITY_POLICY": {"DIRECTIVES": {"script-src": ["'self'"]}}}, ["newsroom.E002"]),
    ({"CONTENT_SECURITY_POLICY": {"DIRECTIVES": {"default-src": ["'self'"], "style-src": ["'self'", "'unsafe-inline'"]}}},
     ["newsroom.E003"]),
])
def test_our_check_refuses_a_missing_or_weak_policy(settings, change, expected):
    for name, value in change.items():
        setattr(settings, name, value)

    assert [error.id for error in checks.content_security_policy(None)] == expected


def test_our_check_passes_the_policy_we_ship():
    assert checks.content_security_policy(None) == []
