"""The desk's forms as an editor fills them: labelled fields, times in the newsroom's zone."""

import pytest

from articles.models import Article
from tests import factories
from tests.test_admin import admin_url

pytestmark = pytest.mark.django_db


def test_publication_date_and_time_are_labelled_and_name_the_newsrooms_zone(editor_client):
    story = factories.make_article("Ministers meet")

    html = editor_client.get(admin_url(Article, "change", story.pk)).content.decode()

    assert '<label for="id_published_at_0" class="datetime__label">Date:</label>' in html
    assert '<label for="id_published_at_1" class="datetime__label">Time:</label>' in html
    # A note already there keeps the admin's script from adding "You are N hours behind server time".
    assert '<span class="timezonewarning newsroom-zone">Newsroom time: Asia/Shanghai (UTC+08:00)</span>' in html


def test_a_date_without_a_time_gets_no_time_zone_note(editor_client):
    story = factories.make_article("Ministers meet")

    html = editor_client.get(admin_url(Article, "change", story.pk)).content.decode()

    assert '<input type="text" name="event_date" class="vDateField"' in html
    assert '<span class="timezonewarning" hidden></span>' in html
