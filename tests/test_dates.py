"""Dates as readers read them: one format on every page, naming the newsroom's zone, with
the offset from UTC in <time datetime> for machines."""

import re
from datetime import date

import pytest
from django.template import Context, Template
from pytest_django.asserts import assertContains

from tests.factories import make_article, newsroom_time

pytestmark = pytest.mark.django_db

TIME = re.compile(r'<time datetime="([^"]*)">([^<]*)</time>')
A_DAY = r"[0-9]{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) [0-9]{4}"


def test_story_page_and_lists_give_the_time_in_beijing_time(client, settings):
    settings.TIME_ZONE = "Asia/Shanghai"
    story = make_article("Talks in Islamabad", published_at=newsroom_time(2023, 5, 6, 15, 34))
    expected = '<time datetime="2023-05-06T15:34+08:00">6 May 2023, 15:34 Beijing time</time>'

    assertContains(client.get(story.get_absolute_url()), expected, html=True)
    assertContains(client.get("/"), expected, html=True)
    assertContains(client.get(story.section.get_absolute_url()), expected, html=True)


def test_another_newsroom_zone_is_named_by_its_city(settings):
    settings.TIME_ZONE = "Europe/Paris"
    rendered = Template("{% load dates %}{{ when|time_tag }}").render(Context({"when": newsroom_time(2023, 7, 1, 9, 5)}))

    assert rendered == '<time datetime="2023-07-01T09:05+02:00">1 July 2023, 09:05 Paris time</time>'


def test_a_day_has_no_time_and_no_zone():
    rendered = Template("{% load dates %}{{ day|time_tag }}").render(Context({"day": date(2023, 5, 6)}))

    assert rendered == '<time datetime="2023-05-06">6 May 2023</time>'


def test_every_date_on_every_page_kind_reads_the_same_way(client, every_page_kind):
    found = []
    for name, url in every_page_kind.items():
        for machine, shown in TIME.findall(client.get(url).content.decode()):
            found.append(name)
            if "T" in machine:
                assert re.fullmatch(r"[0-9-]{10}T[0-9]{2}:[0-9]{2}\+08:00", machine), (name, machine)
                assert re.fullmatch(A_DAY + r", [0-9]{2}:[0-9]{2} Beijing time", shown), (name, shown)
            elif len(machine) == 10:
                assert re.fullmatch(A_DAY, shown), (name, shown)
            else:  # a role's month: "July 2021"
                assert re.fullmatch(r"[0-9]{4}-[0-9]{2}", machine) and re.fullmatch(A_DAY.split(" ", 1)[1], shown), (name, machine, shown)

    assert {"home", "story", "person", "search", "relation", "statements"} <= set(found)
