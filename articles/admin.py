"""The editors' desk: every list page runs a fixed number of queries, however many rows it shows."""

from django.contrib import admin
from django.db import models
from django.db.models import Count

from .models import Article, Country, Person, Role, Section, Statement


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "alias_list"]
    # "=code" so that searching "PK" finds Pakistan without matching names that contain "pk".
    search_fields = ["name", "=code", "aliases"]
    prepopulated_fields = {"slug": ["name"]}
    list_per_page = 100

    @admin.display(description="aliases")
    def alias_list(self, country):
        return ", ".join(country.alias_list)


class RoleInline(admin.TabularInline):
    model = Role
    fields = ["title", "country", "organisation", "start_date", "end_date"]
    autocomplete_fields = ["country"]
    extra = 1


class SpokenStatementInline(admin.TabularInline):
    """The person's statements, read-only here: they are edited with their article."""

    model = Statement
    fk_name = "speaker"
    fields = ["article", "cue", "text", "review"]
    readonly_fields = fields
    ordering = ["-article__published_at", "position"]
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name_plural = "statements"

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "statement_count"]
    # Explicit: the statement count's GROUP BY makes Django drop Meta.ordering (autocomplete too).
    ordering = ["name"]
    # Only the countries someone on the desk belongs to, not all 249.
    list_filter = [("country", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["country"]
    inlines = [RoleInline, SpokenStatementInline]
    list_per_page = 50
    save_on_top = True

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("country")
            .annotate(statement_count=Count("statements"))
        )

    @admin.display(description="statements", ordering="statement_count")
    def statement_count(self, person):
        return person.statement_count


class StatementInline(admin.StackedInline):
    model = Statement
    fk_name = "article"
    ordering = ["position"]
    extra = 0
    autocomplete_fields = ["speaker", "countries", "audience", "on_behalf_of"]
    fields = [
        ("position", "review"),
        ("speaker", "speaker_title"),
        ("cue", "kind"),
        "text",
        "countries",
        ("audience", "on_behalf_of"),
        "paragraph",
    ]

    def get_queryset(self, request):
        # Each statement form reads its countries; one query for all of them, not one each.
        return super().get_queryset(request).prefetch_related("countries")


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "section", "status", "published_at", "tag_list", "statement_count"]
    list_filter = [
        "status",
        "section",
        # Only the countries some story is about, not all 249.
        ("countries", admin.RelatedOnlyFieldListFilter),
        "tags",
    ]
    list_select_related = ["section"]
    date_hierarchy = "published_at"
    ordering = ["-published_at"]
    list_per_page = 50
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["people", "countries"]
    inlines = [StatementInline]
    # Long stories with many statements: the buttons are needed without scrolling down.
    save_on_top = True
    # Source links typed without a scheme are https today (Django 6's default, without the warning).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["title", "slug", "section", "summary", "body", "tags"]}),
        ("Publication", {"fields": ["status", "published_at"]}),
        ("Reporting", {"fields": ["dateline", "event_date", "people", "countries"]}),
        ("Source", {"fields": ["source_name", "source_url"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related("tags")
            .annotate(statement_count=Count("statements"))
        )

    def view_on_site(self, article):
        # Drafts and scheduled stories are a 404 on the public site, so they get no link.
        return article.get_absolute_url() if article.is_public else None

    @admin.display(description="tags")
    def tag_list(self, article):
        return ", ".join(sorted(tag.name for tag in article.tags.all()))

    @admin.display(description="statements", ordering="statement_count")
    def statement_count(self, article):
        return article.statement_count


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    list_display = ["speaker", "cue", "short_text", "article", "published_on", "review"]
    list_filter = [
        "review",
        "kind",
        # Only people and countries that statements name, not everyone in the database.
        ("speaker", admin.RelatedOnlyFieldListFilter),
        ("countries", admin.RelatedOnlyFieldListFilter),
        "article__published_on",
    ]
    list_select_related = ["speaker", "article"]
    date_hierarchy = "article__published_on"
    ordering = ["-article__published_at", "position"]
    list_per_page = 50
    search_fields = ["text", "speaker__name", "article__title"]
    autocomplete_fields = ["article", "speaker", "countries", "audience", "on_behalf_of"]

    @admin.display(description="text")
    def short_text(self, statement):
        return statement.text[:100]

    @admin.display(description="date", ordering="article__published_on")
    def published_on(self, statement):
        return statement.article.published_on
