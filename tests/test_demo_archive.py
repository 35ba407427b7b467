"""The generated archive: realistic, the same for a seed, and read by every page exactly as
stories saved through the admin or an import are (listings, tallies, search documents)."""

import io
from datetime import datetime, timezone as dt_timezone

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from taggit.models import Tag

from articles import listings, search_index
from articles.demo_archive import generate
from articles.models import Article, Listing, Person, Role, Statement, StatementAbout, Tally

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 6, 1, 8, 0, tzinfo=dt_timezone.utc)


def archive_snapshot():
    return (
        sorted(Article.objects.values_list("title", "slug", "body", "status", "published_at", "section__name")),
        sorted(Statement.objects.values_list("article__slug", "position", "speaker__name", "cue", "text", "start", "end")),
    )


def derived_snapshot():
    """Everything articles/listings.py derives from the stories."""
    return (
        sorted(Listing.objects.values_list("kind", "key", "article_id", "public_from")),
        sorted(StatementAbout.objects.values_list("statement_id", "country_id", "public_from")),
        sorted(Statement.objects.values_list("pk", "public_from", "speaker_country_id")),
        sorted(Tally.objects.values_list("kind", "key", "month", "stories", "statements", "last_modified")),
    )


def test_archive_holds_published_stories_with_statements_and_the_rest_of_a_newsroom():
    counts = generate(300, seed=4, now=NOW)

    assert counts.stories == Article.objects.count() == 300
    published = Article.objects.filter(status=Article.Status.PUBLISHED).count()
    assert published > 270
    assert Article.objects.filter(status=Article.Status.PUBLISHED, published_at__gt=NOW).exists(), "none scheduled"
    assert Article.objects.exclude(status=Article.Status.PUBLISHED).exists(), "no drafts, reviews or withdrawals"
    years = {day.year for day in Article.objects.dates("published_on", "year")}
    assert len(years) >= 10
    per_story = [len(list(group)) for group in (Statement.objects.filter(article=a) for a in Article.objects.all()[:50])]
    assert min(per_story) >= 5 and max(per_story) <= 20
    assert not Statement.objects.exclude(review=Statement.Review.CONFIRMED).exists()
    assert Person.objects.count() > 1000 and Role.objects.count() >= Person.objects.count()
    assert Tag.objects.count() > 50
    # Each statement's span is where its words are in the body.
    statement = Statement.objects.select_related("article").first()
    assert statement.article.body[statement.start:statement.end] == statement.text


def test_the_same_seed_gives_the_same_archive():
    generate(60, seed=9, now=NOW)
    first = archive_snapshot()
    Article.objects.all().delete()

    generate(60, seed=9, now=NOW)

    assert archive_snapshot() == first


def search_documents():
    if connection.vendor == "postgresql":
        return sorted(Article.objects.values_list("pk", "search_vector"))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT rowid, title, summary, body FROM {search_index.FTS_TABLE} ORDER BY rowid")
        return cursor.fetchall()


def test_listings_tallies_and_search_documents_are_what_the_stories_would_get_when_saved():
    generate(200, seed=2, now=NOW)
    written, documents = derived_snapshot(), search_documents()

    listings.rebuild()

    assert derived_snapshot() == written
    # On PostgreSQL the documents were assembled word by word; the database's own are the same.
    assert search_documents() == documents and len(documents) == 200


@pytest.mark.skipif(connection.vendor != "postgresql", reason="search documents are stored on PostgreSQL only")
def test_generated_stories_are_found_by_search():
    generate(100, seed=3, now=NOW)
    story = Article.objects.published().first()
    surname = story.statements.first().speaker.name.split()[-1]

    assert Article.objects.filter(pk=story.pk, search_vector=surname).exists()


def test_command_refuses_a_newsroom_with_stories_unless_forced():
    call_command("loaddata", "seed_story", verbosity=0)

    with pytest.raises(CommandError, match="already holds 1 stories.*--force"):
        call_command("generate_demo_data", articles=10)
    assert Article.objects.count() == 1

    output = io.StringIO()
    call_command("generate_demo_data", articles=40, force=True, stdout=output)

    assert Article.objects.count() == 41
    assert "Generated 40 stories" in output.getvalue()
    # Rows written with their keys leave the key sequences where new rows can follow them.
    Article.objects.create(title="After the archive", section_id=Article.objects.first().section_id, body="Text.")
    # The seed story's month keeps its count beside the generated ones.
    seed = Article.objects.get(slug="pakistani-president-arif-alvi-meets-with-qin-gang")
    month = listings.month_of(seed.published_on)
    published = Article.objects.filter(status=Article.Status.PUBLISHED)
    expected = published.filter(published_on__year=month.year, published_on__month=month.month).count()
    assert Tally.objects.get(kind=Tally.ALL, month=month).stories == expected


def test_planner_statistics_are_current_after_generating():
    generate(120, seed=5, now=NOW)

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'articles_statement'")
            assert cursor.fetchone()[0] >= Statement.objects.count() * 0.9
        else:
            cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'articles_listing'")
            assert cursor.fetchone()[0] > 0


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="VACUUM and the visibility map are PostgreSQL's")
def test_a_generated_archive_is_vacuumed_so_index_only_scans_skip_the_table():
    generate(120, seed=5, now=NOW)

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, relallvisible, relpages FROM pg_class WHERE relname IN ('articles_listing', 'articles_tally')"
        )
        for table, all_visible, pages in cursor.fetchall():
            assert pages > 0 and all_visible == pages, table
