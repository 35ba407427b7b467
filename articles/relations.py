"""Two countries and what has passed between them, as the relations page shows it."""

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.urls import reverse
from taggit.models import Tag

from .charts import monthly_chart
from .models import Article, Person, Statement

PEOPLE_SHOWN = 12
TAGS_SHOWN = 10


class Relation:
    """China and Pakistan, always in the order of their codes, so /cn/pk/ is the only address."""

    def __init__(self, first, second):
        self.first, self.second = sorted([first, second], key=lambda country: country.code)

    def __str__(self):
        return f"{self.first.name} and {self.second.name}"

    def get_absolute_url(self):
        return reverse("articles:relation", args=[self.first.code.lower(), self.second.code.lower()])

    def stories(self):
        return Article.objects.published().between(self.first, self.second)

    def statements(self):
        return Statement.objects.public().between(self.first, self.second)

    def with_statements(self, stories):
        """Give each story of a page `exchanges`: its statements across the pair. One query."""
        exchanges = {}
        for statement in self.statements().for_list().filter(article__in=[story.pk for story in stories]):
            exchanges.setdefault(statement.article_id, []).append(statement)
        for story in stories:
            story.exchanges = exchanges.get(story.pk, [])
        return stories

    def monthly_chart(self):
        def per_month(queryset, field):
            rows = queryset.annotate(month=TruncMonth(field)).values("month").annotate(count=Count("pk"))
            return {row["month"]: row["count"] for row in rows.order_by()}

        return monthly_chart(
            per_month(self.stories(), "published_on"), per_month(self.statements(), "article__published_on")
        )

    def people(self):
        """Who was involved, most often first: named in the stories or speaking across the pair."""
        return (
            Person.objects.filter(articles__in=self.stories())
            .select_related("country")
            .annotate(stories=Count("articles"))
            .order_by("-stories", "name")[:PEOPLE_SHOWN]
        )

    def tags(self):
        return (
            Tag.objects.filter(articles_taggedarticle_items__content_object__in=self.stories())
            .annotate(stories=Count("articles_taggedarticle_items"))
            .order_by("-stories", "name")[:TAGS_SHOWN]
        )
