"""Lead images in lists of stories: responsive, lazy, sized, and no query more per card."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article
from tests.factories import make_article, make_section
from tests.queries import assert_flat

pytestmark = pytest.mark.django_db


def pictured(title, **fields):
    story = make_article(title, **fields)
    # The file's name is all a list needs: renditions are named after it (Article.lead_image_srcsets).
    Article.objects.filter(pk=story.pk).update(
        lead_image=f"lead-images/{story.slug}.jpg", lead_image_width=1600, lead_image_height=900,
        lead_image_alt=f"Photo of {title}")
    return story


def test_a_card_shows_the_lead_image_in_every_width_lazily_with_its_size(client):
    story = pictured("Talks in Islamabad")
    make_article("A newer story, first in the list")

    response = client.get(reverse("articles:list"))

    stem = f"/media/lead-images/{story.slug}"
    assertContains(response, f'<source type="image/webp" srcset="{stem}-480w.webp 480w, {stem}-800w.webp 800w, '
                             f'{stem}-1200w.webp 1200w, {stem}.jpg 1600w" sizes="(min-width: 48rem) 22rem, 100vw">', html=True)
    assertContains(response, f'<img src="{stem}.jpg" srcset="{stem}-480w.jpg 480w, {stem}-800w.jpg 800w, '
                             f'{stem}-1200w.jpg 1200w, {stem}.jpg 1600w" sizes="(min-width: 48rem) 22rem, 100vw" '
                             'width="1600" height="900" alt="Photo of Talks in Islamabad" loading="lazy" decoding="async">',
                   html=True)


def test_a_card_without_a_lead_image_has_no_picture(client):
    make_article("Talks without a photo")

    assertNotContains(client.get(reverse("articles:list")), "<picture>")


def test_the_story_page_loads_its_lead_image_at_once(client):
    story = pictured("Talks in Islamabad")

    response = client.get(story.get_absolute_url())

    assertContains(response, 'sizes="(min-width: 48rem) 44rem, 100vw"', count=2)
    assertNotContains(response, 'loading="lazy"')


@pytest.mark.parametrize("url", [reverse("articles:list"), reverse("articles:section", args=["world"])])
def test_pictures_cost_no_query_per_card(get_with_queries, url):
    section = make_section("World")
    pictured("First", section=section)
    _, before = get_with_queries(url)
    for number in range(5):
        pictured(f"Story {number}", section=section)

    response, after = get_with_queries(url)

    assert response.content.decode().count("<picture>") == 6
    assert_flat(before, after)


def test_only_the_first_card_of_a_list_loads_its_picture_at_once(client):
    pictured("Older", published_at=None)
    pictured("Newest")

    html = client.get(reverse("articles:list")).content.decode()

    first, second = html.split('<article class="card card--pictured">')[1:]
    assert "Newest" in first and 'loading="lazy"' not in first
    assert 'loading="lazy"' in second
