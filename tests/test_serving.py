"""Serving the production way: health checks, replica reads, static files, gunicorn's config."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_article

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_health_check_answers_when_database_and_cache_answer(client):
    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_check_is_unavailable_when_the_database_is_not(client, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def refuse(self, sql, params=None):
        raise connections["default"].Database.OperationalError("server closed the connection")

    monkeypatch.setattr(CursorWrapper, "execute", refuse)

    response = client.get(reverse("healthz"))

    assert response.status_code == 503
    assert response.json()["database"] == "failed: OperationalError"


# Committed, so that the second connection reads what the first wrote.
@pytest.mark.django_db(databases=["default", "replica"], transaction=True, serialized_rollback=True)
def test_anonymous_readers_read_the_replica_and_the_desk_the_primary(client, admin_client, settings):
    settings.READ_REPLICA = True
    story = make_article("Read from the replica")

    with CaptureQueriesContext(connections["replica"]) as replica, CaptureQueriesContext(connections["default"]) as primary:
        response = client.get(story.get_absolute_url())
    assert response.status_code == 200
    assert any("articles_article" in query["sql"] for query in replica.captured_queries)
    assert not any("articles_article" in query["sql"] for query in primary.captured_queries)

    with CaptureQueriesContext(connections["replica"]) as replica:
        assert admin_client.get(reverse("admin:articles_article_changelist")).status_code == 200
        assert admin_client.get(story.get_absolute_url()).status_code == 200
    assert replica.captured_queries == []
    connections["replica"].close()


def test_gunicorn_reads_its_configuration():
    checked = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--check-config", "-c", "gunicorn.conf.py", "newsroom.wsgi"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "newsroom.settings", "DEBUG": "1"},
    )
    assert checked.returncode == 0, checked.stderr
