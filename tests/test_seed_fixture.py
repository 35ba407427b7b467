from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from articles.models import Article, Person, Role, Statement
from articles.storyfile import parse_story

SEED = Path(__file__).parent / "data" / "seed_story.txt"

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_article():
    call_command("loaddata", "seed_story", verbosity=0)
    return Article.objects.get()


def test_seed_story_matches_the_file_paragraph_for_paragraph(seed_article):
    story = parse_story(SEED.read_bytes())

    assert seed_article.title == story.title == "Pakistani President Arif Alvi Meets with Qin Gang"
    assert seed_article.section.name == "China News"
    assert seed_article.paragraphs == list(story.paragraphs)
    assert len(seed_article.paragraphs) == 4
    assert "Suggest To A Friend" not in seed_article.body
    assert seed_article.published_at == datetime(2023, 5, 6, 15, 34, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert seed_article in Article.objects.published()


def test_seed_story_links_its_people_and_countries(seed_article):
    assert sorted(seed_article.people.values_list("name", flat=True)) == ["Arif Alvi", "Qin Gang", "Xi Jinping"]
    assert sorted(seed_article.countries.values_list("code", flat=True)) == ["AF", "CN", "PK", "SD"]
    assert seed_article.tags.count() >= 3


def test_seed_statements_have_the_right_speakers(seed_article):
    statements = list(seed_article.statements.select_related("speaker"))

    assert [(s.speaker.name, s.cue) for s in statements] == [
        ("Arif Alvi", "asked"),
        ("Arif Alvi", "said"),
        ("Qin Gang", "conveyed"),
        ("Qin Gang", "said"),
        ("Qin Gang", "pointed out"),
        ("Qin Gang", "noted"),
        ("Qin Gang", "said"),
    ]
    by_start = {s.text[:40]: s.speaker.name for s in statements}
    assert by_start["the Pakistan-China friendship is rooted "] == "Arif Alvi"
    assert by_start["China and Pakistan are all-weather strat"] == "Qin Gang"
    for statement in statements:
        assert statement.text in seed_article.paragraphs[statement.paragraph - 1]
    greetings = statements[2]
    assert (greetings.audience.name, greetings.on_behalf_of.name) == ("Arif Alvi", "Xi Jinping")


def test_seed_people_hold_their_roles_on_the_day(seed_article):
    qin = Person.objects.prefetch_related("roles__country").get(slug="qin-gang")

    assert str(qin.role_on(seed_article.published_on)) == (
        "State Councilor and Foreign Minister of China, 2023"
    )
    assert Role.objects.filter(person__slug="arif-alvi", title="President").exists()


def test_loading_the_fixture_twice_changes_nothing(seed_article):
    counts = (Article.objects.count(), Statement.objects.count(), Person.objects.count(), Role.objects.count())

    call_command("loaddata", "seed_story", verbosity=0)

    assert counts == (1, 7, 3, 4)
    assert (Article.objects.count(), Statement.objects.count(), Person.objects.count(), Role.objects.count()) == counts
    assert seed_article.tags.count() == Article.objects.get().tags.count()
