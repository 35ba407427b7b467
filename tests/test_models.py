import importlib
from datetime import UTC, date, datetime, timedelta

import pytest
from django.apps import apps as django_apps
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import Article, Country, Role, Statement

from . import factories

pytestmark = pytest.mark.django_db


def test_published_excludes_drafts_and_scheduled_articles():
    live = factories.make_article("Live")
    factories.make_article("Draft", status=Article.Status.DRAFT)
    factories.make_article("Scheduled", published_at=timezone.now() + timedelta(hours=1))

    assert list(Article.objects.published()) == [live]


def test_published_articles_come_newest_first():
    older = factories.make_article("Older", published_at=timezone.now() - timedelta(days=2))
    newer = factories.make_article("Newer", published_at=timezone.now() - timedelta(days=1))

    assert list(Article.objects.published()) == [newer, older]


def test_slug_is_unique_per_publication_day_only():
    when = timezone.now() - timedelta(days=3)
    factories.make_article("Talks", published_at=when)
    factories.make_article("Talks", published_at=when - timedelta(days=1))

    with pytest.raises(IntegrityError), transaction.atomic():
        factories.make_article("Talks", published_at=when)


def test_publication_day_follows_the_newsroom_time_zone():
    # 20:00 UTC on May 5 is already May 6 in Beijing.
    article = factories.make_article(published_at=datetime(2023, 5, 5, 20, 0, tzinfo=UTC))

    assert article.published_on == date(2023, 5, 6)
    assert article.get_absolute_url() == f"/news/2023/05/06/{article.slug}/"


def test_database_rejects_an_unknown_status():
    article = factories.make_article()

    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(status="archived")


def test_database_rejects_a_role_that_ends_before_it_starts():
    person = factories.make_person("Qin Gang")

    with pytest.raises(IntegrityError), transaction.atomic():
        Role.objects.create(person=person, title="Minister", start_date=date(2023, 1, 1), end_date=date(2022, 1, 1))


def test_role_on_a_date_picks_the_role_held_then():
    qin = factories.make_person("Qin Gang", country=factories.country("CN"))
    factories.make_role(qin, "Ambassador to the United States", start_date=date(2021, 7, 28), end_date=date(2022, 12, 29))
    factories.make_role(qin, "Foreign Minister", country=factories.country("CN"), start_date=date(2022, 12, 30))

    assert qin.role_on(date(2022, 6, 1)).title == "Ambassador to the United States"
    assert str(qin.role_on(date(2023, 5, 6))) == "Foreign Minister of China, from 2022"
    assert qin.role_on(date(2020, 1, 1)) is None


def test_paragraphs_split_on_blank_lines_whatever_the_line_ends():
    article = factories.make_article(body="One.\r\n\r\nTwo,\r\nstill two.\n \nThree.")

    assert article.paragraphs == ["One.", "Two,\nstill two.", "Three."]
    assert article.lede == "One."


def test_public_statements_are_confirmed_and_in_published_articles():
    speaker = factories.make_person("Wang Yi")
    live = factories.make_article("Live")
    draft = factories.make_article("Draft", status=Article.Status.DRAFT)
    confirmed = factories.make_statement(live, speaker)
    factories.make_statement(live, speaker, review=Statement.Review.SUGGESTED)
    factories.make_statement(draft, speaker)

    assert list(Statement.objects.public()) == [confirmed]


def test_tags_are_case_insensitive():
    first = factories.make_article(tags=["Diplomacy"])
    second = factories.make_article(tags=["diplomacy"])

    assert list(first.tags.all()) == list(second.tags.all())


def test_natural_keys_round_trip():
    article = factories.make_article()
    statement = factories.make_statement(article, factories.make_person("Wang Yi"))

    assert Article.objects.get_by_natural_key(*article.natural_key()) == article
    assert Statement.objects.get_by_natural_key(*statement.natural_key()) == statement


def test_new_country_aliases_reach_existing_installations_and_typed_ones_stay():
    migration = importlib.import_module("articles.migrations.0008_country_aliases")
    Country.objects.filter(code="LA").update(aliases="Laos\nMuang Lao")

    migration.add_missing_aliases(django_apps, schema_editor=None)
    migration.add_missing_aliases(django_apps, schema_editor=None)  # a second run adds nothing

    aliases = Country.objects.get(code="LA").alias_list
    assert aliases[:2] == ["Laos", "Muang Lao"]
    assert aliases.count("Lao PDR") == 1
