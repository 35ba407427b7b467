"""RSS and Atom feeds: the latest stories, and those of a section, tag, person or country.

Names and titles go in as stored: nothing stored holds a character XML 1.0 cannot carry
(see articles.text).
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from taggit.models import Tag

from .models import Article, Country, Person, Section, Statement

FEED_LENGTH = 30


class LatestStories(Feed):
    def title(self):
        return f"{settings.SITE_NAME}: latest news"

    def link(self):
        return reverse("articles:list")

    description = "Who met whom, where, and what each side said."

    def stories(self, obj):
        return Article.objects.published().for_list()

    def items(self, obj=None):
        return self.stories(obj)[:FEED_LENGTH]

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


class SectionStories(LatestStories):
    def get_object(self, request, slug):
        # As on the section page: a section with only drafts is not news yet.
        public = Section.objects.filter(articles__in=Article.objects.published())
        return get_object_or_404(public.distinct(), slug=slug)

    def title(self, section):
        return f"{settings.SITE_NAME}: {section.name}"

    def link(self, section):
        return section.get_absolute_url()

    def stories(self, section):
        return super().stories(section).filter(section=section)


class TagStories(LatestStories):
    def get_object(self, request, slug):
        # As on the tag page: a tag only on drafts would announce what the drafts are about.
        public = Tag.objects.filter(articles_taggedarticle_items__content_object__in=Article.objects.published())
        return get_object_or_404(public.distinct(), slug=slug)

    def title(self, tag):
        return f"{settings.SITE_NAME}: {tag.name}"

    def link(self, tag):
        return reverse("articles:tag", args=[tag.slug])

    def stories(self, tag):
        return super().stories(tag).filter(tags=tag)


class PersonStories(LatestStories):
    def get_object(self, request, slug):
        # As on the person page: someone named only in drafts is not news yet.
        return get_object_or_404(Person.objects.public(), slug=slug)

    def title(self, person):
        return f"{settings.SITE_NAME}: {person.name}"

    def link(self, person):
        return person.get_absolute_url()

    def stories(self, person):
        # Stories naming the person, or in which they speak.
        named = Article.people.through.objects.filter(person=person).values("article")
        quoted = Statement.objects.confirmed().filter(speaker=person).values("article")
        return super().stories(person).filter(Q(pk__in=named) | Q(pk__in=quoted))


class CountryStories(LatestStories):
    def get_object(self, request, code):
        return get_object_or_404(Country, code=code.upper())

    def title(self, country):
        return f"{settings.SITE_NAME}: {country.name}"

    def link(self, country):
        return country.get_absolute_url()

    def stories(self, country):
        return super().stories(country).filter(countries=country)


def atom(feed):
    """The Atom twin of an RSS feed class."""
    return type(f"Atom{feed.__name__}", (feed,), {"feed_type": Atom1Feed, "subtitle": feed.description})
