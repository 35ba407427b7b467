"""Two countries and what has passed between them, as the relations page shows it."""

from functools import cached_property

from django.db.models import Exists, OuterRef
from django.urls import reverse
from taggit.models import Tag

from . import listings
from .charts import monthly_chart
from .models import Listing, Person, Statement

PEOPLE_SHOWN = 12
TAGS_SHOWN = 10
EXCHANGES_SHOWN = 3


class Relation:
    """China and Pakistan, always in the order of their codes, so /cn/pk/ is the only address."""

    def __init__(self, first, second):
        self.first, self.second = sorted([first, second], key=lambda country: country.code)
        self.key = listings.relation_key(self.first.pk, self.second.pk)

    def __str__(self):
        return f"{self.first.name} and {self.second.name}"

    def get_absolute_url(self):
        return reverse("articles:relation", args=[self.first.code.lower(), self.second.code.lower()])

    def story_ids(self):
        """The stories in which the two meet (both in the story, or one speaking about the
        other), newest first, as keys for a page."""
        return Listing.objects.of(Listing.Kind.RELATION, self.key).public().newest_first().values_list(
            "article_id", flat=True
        )

    @cached_property
    def months(self):
        """[listings.Month] of the pair, oldest first: the chart's, and summed, the totals."""
        return listings.monthly(Listing.Kind.RELATION, self.key)

    def totals(self):
        """(stories, statements) published so far."""
        return sum(month.stories for month in self.months), sum(month.statements for month in self.months)

    def with_statements(self, stories):
        """Give each story of a page `exchanges`: the first of its statements in which someone
        from one country speaks about the other, and `more_exchanges`, how many others. Found
        among the page's statements (a few hundred at most), never by the countries across
        the archive; only those shown are read whole."""
        pair = [self.first.pk, self.second.pk]
        about_the_other = Statement.countries.through.objects.filter(
            statement=OuterRef("pk"), country__in=pair
        ).exclude(country=OuterRef("speaker_country"))
        found = Statement.objects.public().filter(
            Exists(about_the_other), article__in=[story.pk for story in stories], speaker_country__in=pair
        ).order_by("article_id", "position").values_list("article_id", "pk")
        by_story = {}
        for story_pk, pk in found:
            by_story.setdefault(story_pk, []).append(pk)
        shown = Statement.objects.for_list().in_bulk([pk for pks in by_story.values() for pk in pks[:EXCHANGES_SHOWN]])
        for story in stories:
            pks = by_story.get(story.pk, [])
            # The first few; the story has the rest.
            story.exchanges = [shown[pk] for pk in pks[:EXCHANGES_SHOWN]]
            story.more_exchanges = len(pks) - EXCHANGES_SHOWN
        return stories

    def monthly_chart(self):
        return monthly_chart(
            {row.month: row.stories for row in self.months}, {row.month: row.statements for row in self.months}
        )

    def people(self):
        """Who was involved most in their latest stories: named in them or speaking."""
        found = dict(listings.most_listed_with(Listing.Kind.RELATION, self.key, Listing.Kind.PERSON, PEOPLE_SHOWN))
        people = Person.objects.select_related("country").in_bulk(found)
        return [_counted(people[pk], stories) for pk, stories in found.items() if pk in people]

    def tags(self):
        found = dict(listings.most_listed_with(Listing.Kind.RELATION, self.key, Listing.Kind.TAG, TAGS_SHOWN))
        tags = Tag.objects.in_bulk(found)
        return [_counted(tags[pk], stories) for pk, stories in found.items() if pk in tags]


def _counted(thing, stories):
    thing.stories = stories
    return thing

