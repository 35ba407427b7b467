"""What readers' lists are read from: copies of each story's publication state, kept beside
the stories so that every list, count and chart is an index scan however large the archive.

- `Listing`: a published story's line in its section's, tags', people's, countries' and
  country pairs' lists;
- `Statement.public_from`, `Statement.speaker_country` and `StatementAbout`: the same for
  statements, by speaker, speaker's country, cue and the countries spoken about;
- `Tally`: stories and statements per month of each list, for counts, charts and archives;
- `Article.search_vector`: the search document (see ArticleQuerySet.refresh_search_vectors).

`refresh(article_ids)` rewrites the copies of some stories and returns the months whose
tallies they touch; `recount(months)` recounts those. The signals in articles/signals.py call
both whenever the ORM changes a story, its statements, tags, people or countries; code that
writes with `QuerySet.update()` or bulk inserts calls them itself (see `changed()`).
"""

from collections import defaultdict
from datetime import date
from functools import reduce
from itertools import combinations
from operator import or_

from django.db.models import Case, Count, F, Max, OuterRef, Q, Subquery, When
from django.db.models.functions import TruncMonth
from django.utils import timezone

from .models import (
    Article, ArticleStatus, Listing, Person, Statement, StatementAbout, StatementReview, TaggedArticle, Tally,
)

# Stories refreshed per round of queries: big enough to amortise them, small enough for
# the IN lists every database accepts.
CHUNK = 500


def relation_key(first_id, second_id):
    """The key of a pair of countries: both primary keys, the lower first."""
    low, high = sorted((first_id, second_id))
    return f"{low}-{high}"


def month_of(day):
    return date(day.year, day.month, 1)


def next_month(month):
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def refresh(article_ids):
    """Rewrite the copies of these stories (existing or not) and return the months to recount."""
    article_ids = sorted(set(article_ids))
    months = set()
    for start in range(0, len(article_ids), CHUNK):
        months |= _refresh(article_ids[start:start + CHUNK])
    return months


def _refresh(ids):
    stories = {
        article.pk: article
        for article in Article.objects.filter(pk__in=ids).only("status", "published_at", "published_on", "section_id")
    }
    public = {pk: story.published_at for pk, story in stories.items() if story.status == ArticleStatus.PUBLISHED}
    # The months the stories were counted in until now: a story may have moved, or gone.
    months = {
        month_of(timezone.localdate(public_from))
        for public_from in Listing.objects.filter(article_id__in=ids, kind=Listing.Kind.SECTION).values_list(
            "public_from", flat=True
        )
    }

    published_at = Article.objects.filter(pk=OuterRef("article_id"), status=ArticleStatus.PUBLISHED).values("published_at")
    Statement.objects.filter(article_id__in=ids).update(
        public_from=Case(When(review=StatementReview.CONFIRMED, then=Subquery(published_at)), default=None),
        speaker_country=Subquery(Person.objects.filter(pk=OuterRef("speaker_id")).values("country_id")),
    )
    StatementAbout.objects.filter(statement__article_id__in=ids).delete()
    about = Statement.countries.through.objects.filter(
        statement__article_id__in=public, statement__review=StatementReview.CONFIRMED
    ).values_list("statement_id", "country_id", "statement__article_id")
    StatementAbout.objects.bulk_create(
        StatementAbout(statement_id=statement, country_id=country, public_from=public[article])
        for statement, country, article in about
    )

    Listing.objects.filter(article_id__in=ids).delete()
    Listing.objects.bulk_create(
        Listing(kind=kind, key=key, article_id=article, public_from=public[article])
        for article, kind, key in listing_lines(stories, public)
    )
    Article.objects.filter(pk__in=ids).refresh_search_vectors()
    return months | {month_of(story.published_on) for story in stories.values()}


def listing_lines(stories, public):
    """(article pk, kind, key) for every list the published stories among `stories` are in."""
    lines = set()
    for pk in public:
        lines.add((pk, Listing.Kind.SECTION, str(stories[pk].section_id)))
    for pk, tag in TaggedArticle.objects.filter(content_object_id__in=public).values_list("content_object_id", "tag_id"):
        lines.add((pk, Listing.Kind.TAG, str(tag)))
    for pk, person in Article.people.through.objects.filter(article_id__in=public).values_list("article_id", "person_id"):
        lines.add((pk, Listing.Kind.PERSON, str(person)))
    confirmed = Statement.objects.filter(article_id__in=public, review=StatementReview.CONFIRMED)
    # A story in which someone speaks is in their list, named among its people or not.
    for pk, speaker in confirmed.values_list("article_id", "speaker_id").distinct():
        lines.add((pk, Listing.Kind.PERSON, str(speaker)))

    countries = defaultdict(set)
    for pk, country in Article.countries.through.objects.filter(article_id__in=public).values_list("article_id", "country_id"):
        countries[pk].add(country)
        lines.add((pk, Listing.Kind.COUNTRY, str(country)))
    # Two countries meet in a story when both are in it, or someone from one speaks about the other.
    for pk, found in countries.items():
        lines.update((pk, Listing.Kind.RELATION, relation_key(*pair)) for pair in combinations(found, 2))
    spoken = confirmed.filter(speaker_country__isnull=False, countries__isnull=False)
    for pk, speaker_country, about in spoken.values_list("article_id", "speaker_country_id", "countries").distinct():
        if speaker_country != about:
            lines.add((pk, Listing.Kind.RELATION, relation_key(speaker_country, about)))
    return lines


def recount(months):
    """Count again, from the stories, the tallies of these months (first days of months)."""
    months = sorted(set(months))
    for start in range(0, len(months), 12):
        _recount(months[start:start + 12])


def recount_all():
    """Every month's tallies, counted again from scratch."""
    Tally.objects.all().delete()
    months = Article.objects.filter(status=ArticleStatus.PUBLISHED).dates("published_on", "month")
    recount(months)


def _recount(months):
    published = Article.objects.filter(
        reduce(or_, (Q(published_on__gte=month, published_on__lt=next_month(month)) for month in months)),
        status=ArticleStatus.PUBLISHED,
    )
    tallies = {}

    def tally(kind, key, month):
        return tallies.setdefault((kind, key, month), Tally(kind=kind, key=key, month=month))

    for row in published.values(month=TruncMonth("published_on")).annotate(stories=Count("pk"), last=Max("updated_at")):
        entry = tally(Tally.ALL, "", row["month"])
        entry.stories, entry.last_modified = row["stories"], row["last"]
    listed = Listing.objects.filter(article__in=published).values(
        "kind", "key", month=TruncMonth("article__published_on")
    ).annotate(stories=Count("article_id"), last=Max("article__updated_at"))
    for row in listed:
        entry = tally(row["kind"], row["key"], row["month"])
        entry.stories, entry.last_modified = row["stories"], row["last"]

    said = Statement.objects.filter(article__in=published, public_from__isnull=False)
    for row in said.values(month=TruncMonth("article__published_on")).annotate(count=Count("pk")):
        tally(Tally.ALL, "", row["month"]).statements = row["count"]
    for field, kind in (("speaker_id", Listing.Kind.PERSON), ("article__section_id", Listing.Kind.SECTION)):
        for row in said.values(field, month=TruncMonth("article__published_on")).annotate(count=Count("pk")):
            tally(kind, str(row[field]), row["month"]).statements = row["count"]
    about = StatementAbout.objects.filter(statement__article__in=published)
    for row in about.values("country_id", month=TruncMonth("statement__article__published_on")).annotate(count=Count("pk")):
        tally(Listing.Kind.COUNTRY, str(row["country_id"]), row["month"]).statements = row["count"]
    across = about.filter(statement__speaker_country__isnull=False).exclude(statement__speaker_country=F("country"))
    for row in across.values(
        "country_id", "statement__speaker_country_id", month=TruncMonth("statement__article__published_on")
    ).annotate(count=Count("pk")):
        key = relation_key(row["country_id"], row["statement__speaker_country_id"])
        tally(Listing.Kind.RELATION, key, row["month"]).statements += row["count"]

    # A relation is counted under both orders of its pair ("12-40" and "40-12"), so that a
    # country's partners are the keys starting with its own.
    for (kind, key, month), entry in list(tallies.items()):
        if kind == Listing.Kind.RELATION:
            low, high = key.split("-")
            mirror = tally(kind, f"{high}-{low}", month)
            mirror.stories, mirror.statements, mirror.last_modified = entry.stories, entry.statements, entry.last_modified
    Tally.objects.filter(month__in=months).delete()
    Tally.objects.bulk_create(tallies.values(), batch_size=2000)



def rebuild():
    """Every story's copies and every tally, from scratch (for an archive loaded without them)."""
    months = refresh(Article.objects.values_list("pk", flat=True))
    recount_all()
    return months
