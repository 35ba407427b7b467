"""Sitemaps for search engines: an index of sitemaps of at most PER_SITEMAP addresses each
(stories month by month, people, countries, tags), and a Google News sitemap.

The index is read from the monthly tallies and each sitemap from one index range, so
neither grows slower with the archive.
"""

from datetime import timedelta

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from . import listings
from .models import Article, Country, Listing, Person, Tally

# Well under the 50,000 the protocol allows, so each sitemap is quick to build.
PER_SITEMAP = 1000


class StorySitemap(Sitemap):
    """The stories published in one month."""

    changefreq = "monthly"
    limit = PER_SITEMAP

    def __init__(self, month):
        self.month = month

    def items(self):
        start, end = listings.month_bounds(self.month)
        return (
            Article.objects.published().filter(published_at__gte=start, published_at__lt=end)
            .only("slug", "published_on", "updated_at").order_by("published_at", "pk")
        )

    def lastmod(self, article):
        return article.updated_at


class ListedSitemap(Sitemap):
    """Everything of one kind with published stories: people, countries or tags."""

    changefreq = "weekly"
    limit = PER_SITEMAP

    def items(self):
        return listings.listed(self.things, self.kind).order_by("pk")


class PersonSitemap(ListedSitemap):
    kind, things = Listing.Kind.PERSON, Person.objects.only("slug")


class CountrySitemap(ListedSitemap):
    kind, things = Listing.Kind.COUNTRY, Country.objects.only("code")


class TagSitemap(ListedSitemap):
    kind, things = Listing.Kind.TAG, Tag.objects.all()

    def location(self, tag):
        return reverse("articles:tag", args=[tag.slug])


SITEMAPS = {"people": PersonSitemap, "countries": CountrySitemap, "tags": TagSitemap}


def index_entries():
    """(location, lastmod) of every sitemap: each month's stories, split PER_SITEMAP at a
    time, then the people, countries and tags."""
    months = listings.monthly(Tally.ALL, "")
    entries = []
    for row in months:
        location = reverse("sitemap_stories", args=[row.month.year, f"{row.month.month:02}"])
        for page in range(1, -(-row.stories // PER_SITEMAP) + 1):
            entries.append((location if page == 1 else f"{location}?p={page}", row.last_modified))
    latest = max((row.last_modified for row in months if row.last_modified), default=None)
    for section, sitemap in SITEMAPS.items():
        pages = sitemap().paginator.num_pages
        location = reverse("sitemap_section", args=[section])
        entries += [(location if page == 1 else f"{location}?p={page}", latest) for page in range(1, pages + 1)]
    return entries


def news_stories():
    """What a Google News sitemap lists: stories published in the last two days."""
    return Article.objects.published().filter(published_at__gte=timezone.now() - timedelta(days=2))
