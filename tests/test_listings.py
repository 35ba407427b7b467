"""The reader listings and tallies that public pages read (articles/listings.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import listings
from articles.models import Listing
from tests.factories import country, make_article, make_person, make_statement

pytestmark = pytest.mark.django_db


def test_story_totals_read_no_statement_unless_asked(settings):
    qin = make_person("Qin Gang", country=country("CN"))
    story = make_article("Qin Gang in Islamabad", people=[qin], countries=[country("PK")])
    make_statement(story, qin, "Pakistan is an ironclad friend.", countries=[country("PK")])

    with CaptureQueriesContext(connection) as queries:
        stories_only = listings.totals(Listing.Kind.PERSON, [qin.pk], statements=False)
    with_statements = listings.totals(Listing.Kind.PERSON, [qin.pk])

    assert stories_only[str(qin.pk)][0] == with_statements[str(qin.pk)][0] == 1
    assert with_statements[str(qin.pk)][1] == 1
    assert not any("articles_statement" in query["sql"] for query in queries.captured_queries)


def test_listed_keeps_only_those_with_a_story_readers_can_see_now(monkeypatch):
    from django.utils import timezone

    from articles.models import Person
    from tests.factories import newsroom_time

    monkeypatch.setattr(timezone, "now", lambda: newsroom_time(2026, 5, 15, 12))
    last_month, earlier_today, next_week, draft = (make_person(name) for name in ("Ana", "Ben", "Cai", "Dov"))
    make_article(people=[last_month], published_at=newsroom_time(2026, 4, 10))
    make_article(people=[earlier_today], published_at=newsroom_time(2026, 5, 15, 9))
    make_article(people=[next_week], published_at=newsroom_time(2026, 5, 22))
    make_article(people=[draft], status="draft", published_at=newsroom_time(2026, 4, 10))

    def listed_names():
        return sorted(listings.listed(Person.objects, Listing.Kind.PERSON).values_list("name", flat=True))

    assert listed_names() == ["Ana", "Ben"]
    monkeypatch.setattr(timezone, "now", lambda: newsroom_time(2026, 5, 22, 1))
    assert listed_names() == ["Ana", "Ben", "Cai"]
    monkeypatch.setattr(timezone, "now", lambda: newsroom_time(2026, 6, 2))  # May is tallied now
    assert listed_names() == ["Ana", "Ben", "Cai"]


def test_a_list_s_first_month_follows_its_stories_as_they_come_and_go(monkeypatch):
    from django.utils import timezone

    from articles.models import Article, FirstTally, Person
    from articles.signals import changed
    from tests.factories import newsroom_time

    monkeypatch.setattr(timezone, "now", lambda: newsroom_time(2026, 5, 15, 12))
    ana = make_person("Ana")
    march = make_article(people=[ana], published_at=newsroom_time(2026, 3, 10))
    make_article(people=[ana], published_at=newsroom_time(2026, 4, 10))

    def first_month():
        return FirstTally.objects.filter(kind=Listing.Kind.PERSON, key=str(ana.pk)).values_list("month", flat=True).first()

    def listed():
        return list(listings.listed(Person.objects, Listing.Kind.PERSON).values_list("name", flat=True))

    assert first_month().month == 3 and listed() == ["Ana"]
    march.status = "draft"
    march.save()
    assert first_month().month == 4 and listed() == ["Ana"]
    make_article(people=[ana], published_at=newsroom_time(2026, 2, 1))  # an older story filed late
    assert first_month().month == 2
    Article.objects.filter(people=ana).update(status="draft")  # as bulk code writes, telling the listings after
    changed(Article.objects.filter(people=ana).values_list("pk", flat=True))
    assert first_month() is None and listed() == []


def test_the_tallies_counts_are_in_an_index_on_postgresql():
    """So a total over a list's months (a country's people ranked, the A-Z counts) reads the
    index alone, not a row of the table for each month."""
    if connection.vendor != "postgresql":
        pytest.skip("covering indexes exist on PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'tally_totals_idx'")
        assert "(kind, key, month) INCLUDE (stories, statements)" in cursor.fetchone()[0]


def test_migrating_builds_the_listings_of_stories_that_have_none():
    """As a database upgraded from before the listings existed has them built once every
    migration has run (migration 0009 leaves them to listings.build_missing)."""
    from django.core.management import call_command

    story = make_article("Qin Gang in Islamabad", countries=[country("PK")])
    Listing.objects.all().delete()

    call_command("migrate", verbosity=0)

    assert set(Listing.objects.filter(article=story).values_list("kind", flat=True)) == {"section", "country"}


def test_what_two_countries_said_of_each_other_follows_a_speaker_who_changes_country(monkeypatch):
    """Counted from the statements' lines about a country, which carry the speaker's country:
    this month's live count and a tallied month's alike."""
    from django.utils import timezone

    from tests.factories import newsroom_time

    monkeypatch.setattr(timezone, "now", lambda: newsroom_time(2026, 5, 15, 12))
    china, pakistan, india = country("CN"), country("PK"), country("IN")
    speaker = make_person("Arif Alvi", country=pakistan)
    for published_at in (newsroom_time(2026, 3, 10), newsroom_time(2026, 5, 10)):
        story = make_article(people=[speaker], countries=[china], published_at=published_at)
        make_statement(story, speaker, "China is an ironclad friend.", countries=[china])

    def said(first, second):
        key = listings.relation_key(first.pk, second.pk)
        return listings.totals(Listing.Kind.RELATION, [key])[key][1]

    assert (said(china, pakistan), said(china, india)) == (2, 0)
    speaker.country = india
    speaker.save()
    assert (said(china, pakistan), said(china, india)) == (0, 2)


def test_migrating_gives_existing_lines_about_a_country_their_speaker_s_country():
    import importlib
    from types import SimpleNamespace

    from django.apps import apps

    from articles.models import StatementAbout

    migration = importlib.import_module("articles.migrations.0030_statement_about_speaker_country")
    speaker = make_person("Arif Alvi", country=country("PK"))
    story = make_article(people=[speaker])
    make_statement(story, speaker, "China is an ironclad friend.", countries=[country("CN")])
    StatementAbout.objects.update(speaker_country=None)

    # What RunPython hands over, without the schema editor's own transaction handling.
    editor = SimpleNamespace(connection=connection, execute=lambda sql: connection.cursor().execute(sql))
    migration.copy_speaker_countries(apps, editor)

    assert list(StatementAbout.objects.values_list("country__code", "speaker_country__code")) == [("CN", "PK")]
