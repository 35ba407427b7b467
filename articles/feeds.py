"""RSS and Atom feeds: the latest stories, and those of a section, tag, person or country.

Names and titles go in as stored: nothing stored holds a character XML 1.0 cannot carry
(see articles.text).
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from taggit.models import Tag

from .models import Article, Country, Listing, Person, Section
from .pagination import in_order

FEED_LENGTH = 30


class LatestStories(Feed):
    def title(self):
        return f"{settings.SITE_NAME}: latest news"

    def link(self):
        return reverse("articles:list")

    description = "Who met whom, where, and what each side said."

    def items(self, obj=None):
        return Article.objects.published().for_feed()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lede

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class ListedStories(LatestStories):
    """The latest stories of one list (a section's, a tag's, ...), read from its listing."""

    kind = None

    def get_object(self, request, slug):
        # As on the list's page: a list with only drafts would announce what the desk works on.
        thing = get_object_or_404(self.things, slug=slug)
        if not Listing.objects.of(self.kind, thing.pk).public().exists():
            raise Http404("No published stories.")
        return thing

    def title(self, thing):
        return f"{settings.SITE_NAME}: {thing}"

    def link(self, thing):
        return thing.get_absolute_url()

    def items(self, thing):
        ids = list(
            Listing.objects.of(self.kind, thing.pk).public().newest_first().values_list("article_id", flat=True)[:FEED_LENGTH]
        )
        return in_order(Article.objects.published().for_feed().filter(pk__in=ids), ids)


class SectionStories(ListedStories):
    kind = Listing.Kind.SECTION
    things = Section.objects.all()


class TagStories(ListedStories):
    kind = Listing.Kind.TAG
    things = Tag.objects.all()

    def link(self, tag):
        return reverse("articles:tag", args=[tag.slug])


class PersonStories(ListedStories):
    """Stories naming the person, or in which they speak."""

    kind = Listing.Kind.PERSON
    things = Person.objects.all()


class CountryStories(ListedStories):
    kind = Listing.Kind.COUNTRY

    def get_object(self, request, code):
        return get_object_or_404(Country, code=code.upper())


def atom(feed):
    """The Atom twin of an RSS feed class."""
    return type(f"Atom{feed.__name__}", (feed,), {"feed_type": Atom1Feed, "subtitle": feed.description})
