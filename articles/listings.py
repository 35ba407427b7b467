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
from datetime import date, datetime, time
from itertools import combinations
from typing import NamedTuple

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Case, CharField, Count, Exists, F, IntegerField, Max, Min, OuterRef, Q, Subquery, Sum, When
from django.db.models.functions import Cast
from django.utils import timezone

from . import search_index
from .bulk import RowWriter
from .models import (
    Article, ArticleStatus, FirstTally, Listing, Person, Statement, StatementAbout, StatementReview, TaggedArticle,
    Tally,
)

# The lists whose people, countries, tags and sections have pages, and so first months (FirstTally).
LISTED_KINDS = (Listing.Kind.SECTION, Listing.Kind.TAG, Listing.Kind.PERSON, Listing.Kind.COUNTRY)
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
    """Rewrite the copies of these stories (existing or not) and return the tally cells, as
    (kind, key, month), that they were or are now counted in: `recount()` takes them."""
    article_ids = sorted(set(article_ids))
    cells = set()
    for start in range(0, len(article_ids), CHUNK):
        cells |= _refresh(article_ids[start:start + CHUNK])
    return cells


def cells_of(article_ids):
    """The tally cells these stories are counted in now."""
    lines = Listing.objects.filter(article_id__in=article_ids).values_list("kind", "key", "public_from")
    cells = set()
    for kind, key, public_from in lines:
        month = month_of(timezone.localdate(public_from))
        cells.add((kind, key, month))
        if kind == Listing.Kind.SECTION:  # every published story has one, so once per story
            cells.add((Tally.ALL, "", month))
    return cells


def _refresh(ids):
    stories = {
        article.pk: article
        for article in Article.objects.filter(pk__in=ids).only("status", "published_at", "published_on", "section_id")
    }
    public = {pk: story.published_at for pk, story in stories.items() if story.status == ArticleStatus.PUBLISHED}
    # Where the stories were counted until now: they may have moved, or gone.
    cells = cells_of(ids)

    # Only the statements whose copies are out of date are written: rewriting every row of a
    # batch of new stories, whose suggestions have theirs right, doubled what saving them cost.
    stale = [
        pk for pk, article, review, public_from, speaker_country, country, unchecked in Statement.objects.filter(
            article_id__in=ids
        ).values_list(
            "pk", "article_id", "review", "public_from", "speaker_country_id", "speaker__country_id",
            "speaker__needs_review",
        )
        if (public_from, speaker_country)
        != (public.get(article) if review == StatementReview.CONFIRMED and not unchecked else None, country)
    ]
    if stale:
        published_at = Article.objects.filter(pk=OuterRef("article_id"), status=ArticleStatus.PUBLISHED).values("published_at")
        checked_speaker = Exists(Person.objects.filter(pk=OuterRef("speaker_id"), needs_review=False))
        Statement.objects.filter(pk__in=stale).update(
            public_from=Case(
                When(checked_speaker, review=StatementReview.CONFIRMED, then=Subquery(published_at)), default=None
            ),
            speaker_country=Subquery(Person.objects.filter(pk=OuterRef("speaker_id")).values("country_id")),
        )
    StatementAbout.objects.filter(statement__article_id__in=ids).delete()
    about = Statement.countries.through.objects.filter(
        statement__article_id__in=public, statement__review=StatementReview.CONFIRMED
    ).values_list("statement_id", "country_id", "statement__article_id", "statement__speaker_country_id")
    writer = RowWriter()
    writer.write(StatementAbout, [
        {"statement_id": statement, "country_id": country, "public_from": public[article],
         "speaker_country_id": speaker_country}
        for statement, country, article, speaker_country in about
    ])

    Listing.objects.filter(article_id__in=ids).delete()
    lines = listing_lines(stories, public)
    writer.write(Listing, [
        {"kind": kind, "key": key, "article_id": article, "public_from": public[article]} for article, kind, key in lines
    ])
    search_index.refresh_documents(ids)
    months = {pk: month_of(timezone.localdate(when)) for pk, when in public.items()}
    cells |= {(kind, key, months[article]) for article, kind, key in lines}
    cells |= {(Tally.ALL, "", month) for month in months.values()}
    return cells


def listing_lines(stories, public):
    """(article pk, kind, key) for every list the published stories among `stories` are in."""
    lines = set()
    for pk in public:
        lines.add((pk, Listing.Kind.SECTION, str(stories[pk].section_id)))
    for pk, tag in TaggedArticle.objects.filter(content_object_id__in=public).values_list("content_object_id", "tag_id"):
        lines.add((pk, Listing.Kind.TAG, str(tag)))
    # People an editor has not checked yet are in no list (see Person.needs_review).
    named = Article.people.through.objects.filter(article_id__in=public, person__needs_review=False)
    for pk, person in named.values_list("article_id", "person_id"):
        lines.add((pk, Listing.Kind.PERSON, str(person)))
    confirmed = Statement.objects.filter(article_id__in=public, review=StatementReview.CONFIRMED)
    # A story in which someone speaks is in their list, named among its people or not.
    for pk, speaker in confirmed.filter(speaker__needs_review=False).values_list("article_id", "speaker_id").distinct():
        lines.add((pk, Listing.Kind.PERSON, str(speaker)))

    # A country's stories name it, or have someone speak about it.
    countries = defaultdict(set)
    for pk, country in Article.countries.through.objects.filter(article_id__in=public).values_list("article_id", "country_id"):
        countries[pk].add(country)
    spoken = confirmed.filter(countries__isnull=False).values_list("article_id", "speaker_country_id", "countries")
    spoken = set(spoken.distinct())
    for pk, _, about in spoken:
        countries[pk].add(about)
    for pk, found in countries.items():
        lines.update((pk, Listing.Kind.COUNTRY, str(country)) for country in found)
        # Two countries meet in a story when both are in it, or someone from one speaks about the other.
        lines.update((pk, Listing.Kind.RELATION, relation_key(*pair)) for pair in combinations(found, 2))
    for pk, speaker_country, about in spoken:
        if speaker_country is not None and speaker_country != about:
            lines.add((pk, Listing.Kind.RELATION, relation_key(speaker_country, about)))
    return lines


def month_bounds(month):
    """The first and last instants (exclusive) of a month in the newsroom's time zone."""
    def midnight(day):
        return timezone.make_aware(datetime.combine(day, time.min))

    return midnight(month), midnight(next_month(month))


def recount(cells):
    """Count again, from the listings, the tallies of these (kind, key, month) cells."""
    months = defaultdict(lambda: defaultdict(set))
    for kind, key, month in cells:
        if kind == Listing.Kind.RELATION:
            key = relation_key(*map(int, key.split("-")))
        months[month][kind].add(key)
    for month, kinds in sorted(months.items()):
        _recount(month, kinds)


def _recount(month, kinds):
    counts = count(kinds, *month_bounds(month))
    tallies = []
    for (kind, key), (stories, said, last) in counts.items():
        if stories:
            tallies.append(Tally(kind=kind, key=key, month=month, stories=stories, statements=said, last_modified=last))
            if kind == Listing.Kind.RELATION:
                # Counted under both orders of the pair ("12-40", "40-12"), so that a country's
                # partners are the keys that start with its own.
                low, high = key.split("-")
                tallies.append(Tally(kind=kind, key=f"{high}-{low}", month=month, stories=stories, statements=said))
    for kind, keys in kinds.items():
        if kind == Listing.Kind.RELATION:
            keys = keys | {"-".join(reversed(key.split("-"))) for key in keys}
        Tally.objects.filter(kind=kind, key__in=keys, month=month).delete()
    Tally.objects.bulk_create(tallies, batch_size=2000)
    _keep_first_months(month, kinds, counts)


def _keep_first_months(month, kinds, counts):
    """`month` becomes the first of the lists it now counts stories in, if none before did;
    a list it no longer counts any in, whose first month it was, moves on to its next."""
    touched = {(kind, key) for kind, keys in kinds.items() if kind in LISTED_KINDS for key in keys}
    if not touched:
        return
    counted = {cell for cell in touched if counts[cell][0]}
    known = {}
    for kind in {kind for kind, _ in touched}:
        keys = [key for touched_kind, key in touched if touched_kind == kind]
        rows = FirstTally.objects.filter(kind=kind, key__in=keys).values_list("key", "month")
        known.update(((kind, key), first) for key, first in rows)
    earlier = [FirstTally(kind=kind, key=key, month=month) for kind, key in counted
               if (kind, key) not in known or known[kind, key] > month]
    FirstTally.objects.bulk_create(earlier, update_conflicts=True, unique_fields=["kind", "key"], update_fields=["month"])
    for kind, key in touched - counted:
        if known.get((kind, key)) == month:
            following = Tally.objects.filter(kind=kind, key=key).order_by("month").values_list("month", flat=True).first()
            first = FirstTally.objects.filter(kind=kind, key=key)
            if following:
                first.update(month=following)
            else:
                first.delete()


def refill_first_months():
    """Every list's first month again, from the tallies (after writing them in bulk)."""
    FirstTally.objects.all().delete()
    first = Tally.objects.filter(kind__in=LISTED_KINDS).values("kind", "key").annotate(month=Min("month")).order_by()
    FirstTally.objects.bulk_create([FirstTally(**row) for row in first], batch_size=5000)


def count(kinds, start, end, *, statements=True):
    """{(kind, key): [stories, statements, last modified]} of the stories published from
    `start` to before `end`, for `kinds` ({kind: keys}; relation keys lower id first).

    Each count is a range of one index: a list's lines in that time. Statements are counted
    where a page shows them: by a person, about a country, across a pair of countries, in all.
    """
    counts = defaultdict(lambda: [0, 0, None])
    if Tally.ALL in kinds:
        published = Article.objects.filter(status=ArticleStatus.PUBLISHED, published_at__gte=start, published_at__lt=end)
        row = published.aggregate(stories=Count("pk"), last=Max("updated_at"))
        said = Statement.objects.filter(public_from__gte=start, public_from__lt=end).count()
        counts[Tally.ALL, ""] = [row["stories"], said, row["last"]]
    in_range = {"public_from__gte": start, "public_from__lt": end}
    for kind, keys in kinds.items():
        if kind == Tally.ALL:
            continue
        lines = Listing.objects.filter(kind=kind, key__in=keys, **in_range)
        for key, stories in lines.values_list("key").annotate(stories=Count("pk")).order_by():
            counts[kind, key][0] = stories
    if not statements:
        return counts
    people = kinds.get(Listing.Kind.PERSON, ())
    for speaker, said in Statement.objects.filter(speaker_id__in=people, **in_range).values_list(
        "speaker_id"
    ).annotate(said=Count("pk")).order_by():
        counts[Listing.Kind.PERSON, str(speaker)][1] = said
    countries = kinds.get(Listing.Kind.COUNTRY, ())
    for country, said in StatementAbout.objects.filter(country_id__in=countries, **in_range).values_list(
        "country_id"
    ).annotate(said=Count("pk")).order_by():
        counts[Listing.Kind.COUNTRY, str(country)][1] = said
    pairs = kinds.get(Listing.Kind.RELATION, set())
    if pairs:
        pair_countries = {int(part) for key in pairs for part in key.split("-")}
        across = StatementAbout.objects.filter(
            country_id__in=pair_countries, speaker_country_id__in=pair_countries, **in_range
        ).exclude(speaker_country=F("country"))
        for about, speaker, said in across.values_list("country_id", "speaker_country_id").annotate(
            said=Count("pk")
        ).order_by():
            key = relation_key(about, speaker)
            if key in pairs:
                counts[Listing.Kind.RELATION, key][1] += said
    return counts


# What readers see: tallied months before this one, and this month counted as it stands,
# so that a story scheduled for later this month is not counted before its time.

def totals(kind, keys, *, statements=True):
    """{key: (stories, statements)} published so far, for the lists `kind` `keys` (statements
    left at 0 unless asked for)."""
    keys = {str(key) for key in keys}
    this_month = month_of(timezone.localdate())
    found = defaultdict(lambda: [0, 0])
    tallied = Tally.objects.filter(kind=kind, key__in=keys, month__lt=this_month).values_list("key").annotate(
        stories=Sum("stories"), statements=Sum("statements")
    ).order_by()
    for key, stories, said in tallied:
        found[key] = [stories, said]
    live = count({kind: _counted_keys(kind, keys)}, month_bounds(this_month)[0], timezone.now(), statements=statements)
    for (_, key), (stories, said, _) in live.items():
        key = _asked_key(kind, key, keys)
        found[key][0] += stories
        found[key][1] += said
    return {key: tuple(found[key]) for key in keys}


class Month(NamedTuple):
    month: date
    stories: int
    statements: int
    last_modified: datetime | None


def monthly(kind, key):
    """[Month] of one list (kind "all" for every story), oldest first, empty months left out."""
    this_month = month_of(timezone.localdate())
    months = [
        Month(*row) for row in Tally.objects.filter(kind=kind, key=str(key), month__lt=this_month).order_by("month")
        .values_list("month", "stories", "statements", "last_modified")
    ]
    live = count({kind: _counted_keys(kind, {str(key)})}, month_bounds(this_month)[0], timezone.now())
    for stories, statements, last_modified in live.values():
        if stories:
            months.append(Month(this_month, stories, statements, last_modified))
    return months


def months_newest_first():
    """This month and every earlier month with published stories, newest first: where to look
    for stories, without counting them."""
    this_month = month_of(timezone.localdate())
    earlier = Tally.objects.filter(kind=Tally.ALL, key="", month__lt=this_month).order_by("-month")
    return [this_month, *earlier.values_list("month", flat=True)]


def _counted_keys(kind, keys):
    """Relations are counted under their lower-id-first key."""
    if kind != Listing.Kind.RELATION:
        return set(keys)
    return {relation_key(*map(int, key.split("-"))) for key in keys}


def _asked_key(kind, key, asked):
    if kind != Listing.Kind.RELATION or key in asked:
        return key
    return "-".join(reversed(key.split("-")))


def build_missing(using=DEFAULT_DB_ALIAS, **kwargs):
    """After migrating: build the listings of a database whose published stories have none,
    one upgraded from before they existed (migration 0009), once every migration has run,
    as the code that builds them reads tables and columns later ones make."""
    if using != DEFAULT_DB_ALIAS or not Article.objects.filter(status=ArticleStatus.PUBLISHED).exists():
        return
    from .management.base import is_migrated

    if is_migrated(connections[using]) and not Listing.objects.exists():
        rebuild()


def rebuild():
    """Every story's copies and every tally, from scratch (for an archive loaded without them)."""
    Tally.objects.all().delete()
    FirstTally.objects.all().delete()
    recount(refresh(Article.objects.values_list("pk", flat=True)))


def listed(queryset, kind):
    """`queryset` (people, countries, sections or tags) narrowed to those with a published
    story in their lists of `kind`: a first month before this one (FirstTally, a row for
    each), or a line of a story published in this one so far (so that a scheduled story
    counts nobody in), asked of each row not in the first."""
    this_month = month_of(timezone.localdate())
    since = FirstTally.objects.filter(kind=kind, month__lt=this_month).values_list(
        Cast("key", IntegerField()), flat=True
    )
    recent = Listing.objects.filter(
        kind=kind, key=Cast(OuterRef("pk"), CharField()), public_from__gte=month_bounds(this_month)[0],
        public_from__lte=timezone.now(),
    )
    return queryset.filter(Q(pk__in=since) | Exists(recent))


def ranked(kind, keys, limit):
    """[(key, stories)] of the lists `keys` with published stories, most stories first."""
    found = [(int(key), stories) for key, (stories, _) in totals(kind, keys, statements=False).items() if stories]
    return sorted(found, key=lambda entry: (-entry[1], entry[0]))[:limit]


def partners(country, limit=12):
    """[(country pk, stories)]: the countries most often meeting `country` in published stories."""
    # Relations are tallied under both orders of their pair, so the partners' keys start with
    # this country's own ("12-" up to "12.", '.' coming right after '-').
    keys = Tally.objects.filter(
        kind=Listing.Kind.RELATION, key__gte=f"{country.pk}-", key__lt=f"{country.pk}."
    ).values_list("key", flat=True).distinct()
    found = totals(Listing.Kind.RELATION, keys, statements=False)
    best = sorted((-stories, key) for key, (stories, _) in found.items() if stories)[:limit]
    return [(int(key.split("-")[1]), -minus) for minus, key in best]


# How many recent stories of a list are read to say who and what is in it most: a sample
# of known size, so that a list of a million stories costs what a list of a few does.
SAMPLE = 300


def most_listed_with(kind, key, other_kind, limit, *, exclude=None):
    """[(key, stories)]: the `other_kind` lists most often sharing stories with list
    (`kind`, `key`), among its latest SAMPLE published stories."""
    recent = Listing.objects.of(kind, key).public().newest_first().values("article_id")[:SAMPLE]
    shared = Listing.objects.filter(kind=other_kind, article_id__in=recent)
    if exclude is not None:
        shared = shared.exclude(key=str(exclude))
    rows = shared.values_list("key").annotate(stories=Count("pk")).order_by("-stories", "key")[:limit]
    return [(int(other), stories) for other, stories in rows]
