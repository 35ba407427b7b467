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


def photo(name="photo.jpg", size=(1600, 900)):
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    content = BytesIO()
    Image.new("RGB", size, "steelblue").save(content, "JPEG")
    return SimpleUploadedFile(name, content.getvalue(), content_type="image/jpeg")


def test_the_lead_image_shows_as_a_picture_in_the_form_and_the_story_list(editor_client):
    story = factories.make_article("Ministers meet", lead_image=photo(), lead_image_alt="Two ministers shake hands")
    thumbnail = story.lead_image_thumbnail

    form = editor_client.get(admin_url(Article, "change", story.pk)).content.decode()
    listed = editor_client.get(admin_url(Article, "changelist")).content.decode()

    assert thumbnail.endswith("-480w.webp")
    assert f'<img src="{thumbnail}" alt="Current photo: Two ministers shake hands"' in form
    assert f'<img src="{thumbnail}" alt="" class="lead-image-thumbnail"' in listed


def test_a_small_photo_is_its_own_thumbnail_and_a_story_without_one_shows_none(editor_client):
    small = factories.make_article("Small", lead_image=photo(size=(300, 200)), lead_image_alt="A flag")
    factories.make_article("No photo")

    listed = editor_client.get(admin_url(Article, "changelist")).content.decode()

    assert small.lead_image_thumbnail == small.lead_image.url
    assert listed.count('class="lead-image-thumbnail"') == 1
