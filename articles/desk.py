"""The desk home: the admin's index page, showing what waits for whom.

Each tray costs two short queries (a count that stops at TRAY_CAP, and the first few rows),
each one index range however large the archive.
"""

from dataclasses import dataclass

from django.contrib import admin
from django.urls import reverse
from django.utils.timezone import localtime

from .models import Article, Person, Statement

# The desk home counts up to this many of each kind, then says "100+": a count that stays
# one short index range however large the archive.
TRAY_CAP = 100
TRAY_LENGTH = 5


@dataclass
class Tray:
    """One box of the desk home: what waits of one kind, how many, and the list of them all."""

    title: str
    count: int  # up to TRAY_CAP + 1
    rows: list  # (label, address, detail)
    link: str

    @property
    def shown_count(self):
        return f"{TRAY_CAP}+" if self.count > TRAY_CAP else str(self.count)


def capped_count(queryset):
    return queryset[:TRAY_CAP + 1].count()


def story_tray(title, stories, link, detail):
    rows = [
        (story.title, reverse("admin:articles_article_change", args=[story.pk]), detail(story))
        for story in stories.select_related(None).only("pk", "title", "published_at", "status")[:TRAY_LENGTH]
    ]
    return Tray(title, capped_count(stories), rows, link)


def desk_trays(user):
    """The desk home's trays, in the order `user` needs them: a contributor's own stories
    first, an editor's decisions first. Two short queries each, however large the archive."""
    stories = reverse("admin:articles_article_changelist")
    day = lambda story: f"{localtime(story.published_at):%d %b %Y %H:%M}"  # noqa: E731
    mine = Article.objects.written_by(user)
    drafts = story_tray("My drafts", mine.filter(status=Article.Status.DRAFT), f"{stories}?state=draft&by=me", day)
    in_review = story_tray("In review", Article.objects.in_review(), f"{stories}?state=review", day)
    scheduled = story_tray("Scheduled", Article.objects.scheduled().order_by("published_at"),
                           f"{stories}?state=scheduled", day)
    published = story_tray("Recently published", Article.objects.published(), f"{stories}?state=published", day)
    if not user.has_perm("articles.confirm_statement"):
        my_review = story_tray("Mine in review", mine.in_review(), f"{stories}?state=review&by=me", day)
        return [drafts, my_review, in_review, scheduled, published]

    waiting_ids = list(Statement.objects.stories_waiting()[:TRAY_CAP + 1])
    waiting = Article.objects.filter(pk__in=waiting_ids[:TRAY_LENGTH]).with_statement_counts().order_by("-pk")
    suggestions = Tray("Suggestions waiting", len(waiting_ids), [
        (story.title, reverse("admin:articles_article_change", args=[story.pk]),
         f"{story.suggestion_count} suggested")
        for story in waiting
    ], f"{stories}?suggestions=yes")
    people = Person.objects.to_check()
    to_check = Tray("People to check", capped_count(people), [
        (person.name, reverse("admin:articles_person_change", args=[person.pk]), "")
        for person in people.only("pk", "name")[:TRAY_LENGTH]
    ], f"{reverse('admin:articles_person_changelist')}?needs_review__exact=1")
    return [in_review, suggestions, to_check, scheduled, drafts, published]


class DeskSite(admin.AdminSite):
    site_header = site_title = "Newsroom editor"
    index_title = "Desk"
    # The article list needs the width more than a second menu beside it: the breadcrumbs and
    # the desk home already lead everywhere.
    enable_nav_sidebar = False
    index_template = "admin/desk_home.html"

    def index(self, request, extra_context=None):
        trays = desk_trays(request.user) if request.user.has_perm("articles.view_article") else []
        return super().index(request, {**(extra_context or {}), "trays": trays})
