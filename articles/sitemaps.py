"""Sitemaps for search engines: stories, people, countries and tags, and a Google News sitemap."""

from datetime import timedelta

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from .models import Article, Country, Person


class StorySitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return Article.objects.published().only("slug", "published_on", "updated_at")

    def lastmod(self, article):
        return article.updated_at


class PersonSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Person.objects.filter(articles__in=Article.objects.published()).annotate(
            lastmod=Max("articles__updated_at")
        ).order_by("slug")

    def lastmod(self, person):
        return person.lastmod


class CountrySitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Country.objects.filter(articles__in=Article.objects.published()).annotate(
            lastmod=Max("articles__updated_at")
        ).order_by("code")

    def lastmod(self, country):
        return country.lastmod


class TagSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Tag.objects.filter(
            articles_taggedarticle_items__content_object__in=Article.objects.published()
        ).annotate(lastmod=Max("articles_taggedarticle_items__content_object__updated_at")).order_by("slug")

    def location(self, tag):
        return reverse("articles:tag", args=[tag.slug])

    def lastmod(self, tag):
        return tag.lastmod


SITEMAPS = {"stories": StorySitemap, "people": PersonSitemap, "countries": CountrySitemap, "tags": TagSitemap}


def news_stories():
    """What a Google News sitemap lists: stories published in the last two days."""
    return Article.objects.published().filter(published_at__gte=timezone.now() - timedelta(days=2))
