"""The editors' desk: every list page runs a fixed number of queries, however many rows it shows."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from .models import Article, Country, Person, Role, Section, Statement
from .signals import search_refresh_deferred


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
    list_display = ["name", "country", "statement_count", "needs_review"]
    # Explicit: the statement count's GROUP BY makes Django drop Meta.ordering (autocomplete too).
    ordering = ["name"]
    # Only the countries someone on the desk belongs to, not all 249.
    list_filter = ["needs_review", ("country", admin.RelatedOnlyFieldListFilter)]
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
        "found_in",
        ("speaker", "speaker_title"),
        ("cue", "kind"),
        "text",
        "countries",
        ("audience", "on_behalf_of"),
        "paragraph",
    ]

    readonly_fields = ["found_in"]

    def get_queryset(self, request):
        # Each statement form reads its countries; one query for all of them, not one each.
        return super().get_queryset(request).prefetch_related("countries")

    @admin.display(description="found in")
    def found_in(self, statement):
        """The sentence a suggestion came from, the statement's own words marked."""
        excerpt = statement.found_in() if statement.pk else None
        if excerpt is None:
            return "—"
        return format_html('{}<mark class="statement-span">{}</mark>{}', *excerpt)


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

    def get_urls(self):
        review = self.admin_site.admin_view(self.review_suggestions)
        return [
            path("<int:article_id>/suggestions/<str:decision>/", review, name="articles_article_review_suggestions"),
            *super().get_urls(),
        ]

    def changeform_view(self, request, *args, **kwargs):
        # One save touches the story, its people and each statement: refresh its search document once.
        with search_refresh_deferred():
            return super().changeform_view(request, *args, **kwargs)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        suggestions = Statement.objects.filter(article_id=object_id, review=Statement.Review.SUGGESTED)
        extra_context = {**(extra_context or {}), "suggestion_count": suggestions.count()}
        return super().change_view(request, object_id, form_url, extra_context)

    @staticmethod
    @require_POST
    def review_suggestions(request, article_id, decision):
        """Confirm or reject all of an article's suggested statements at once."""
        decisions = {"confirm": Statement.Review.CONFIRMED, "reject": Statement.Review.REJECTED}
        if decision not in decisions:
            raise PermissionDenied
        article = get_object_or_404(Article, pk=article_id)
        if not request.user.has_perm("articles.change_statement"):
            raise PermissionDenied
        count = article.statements.filter(review=Statement.Review.SUGGESTED).set_review(decisions[decision])
        verb = "Confirmed" if decision == "confirm" else "Rejected"
        messages.success(request, f"{verb} {count} suggested statement{'s' if count != 1 else ''}.")
        return redirect("admin:articles_article_change", article.pk)

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
    actions = ["confirm", "reject"]

    @admin.action(description="Confirm selected statements", permissions=["change"])
    def confirm(self, request, queryset):
        count = queryset.set_review(Statement.Review.CONFIRMED)
        self.message_user(request, f"Confirmed {count} statements.", messages.SUCCESS)

    @admin.action(description="Reject selected statements", permissions=["change"])
    def reject(self, request, queryset):
        count = queryset.set_review(Statement.Review.REJECTED)
        self.message_user(request, f"Rejected {count} statements.", messages.SUCCESS)

    @admin.display(description="text")
    def short_text(self, statement):
        return statement.text[:100]

    @admin.display(description="date", ordering="article__published_on")
    def published_on(self, statement):
        return statement.article.published_on
