"""The editors' desk: every list page runs a fixed number of queries, however many rows it shows.

Contributors and editors share it; what a contributor may not do is refused here, on the
server, whatever their browser sends (see the tests in tests/test_workflow.py).
"""

import datetime
from collections import defaultdict

import reversion
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AdminTextareaWidget
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import Count, OuterRef, Subquery
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.views.decorators.http import require_POST
from js_asset import Media
from reversion.admin import VersionAdmin
from taggit.forms import TagField
from taggit.managers import TaggableManager
from taggit.models import Tag

from . import merging, revisions, search, staff, workflow  # noqa: F401  (staff registers its admin)
from .forms import EDITOR_STYLESHEET, FormattedBodyField, ImportStoriesForm
from .extraction import person_key
from .importing import import_sources
from .models import (
    Article, ArticleState, Correction, Country, MovedPage, PendingChange, Person, RevisionSource, Role, Section,
    Statement,
)
from .signals import changes_deferred
from .suggestions import suggest_for_edited
from .text import fit_to_store
from .widgets import LeadImageWidget, NewsroomDateTimeWidget, NewsroomDateWidget, TagAutocompleteWidget


class DeskChangeList(ChangeList):
    """Django's change list, refusing the admin's own way (back to the whole list, "?e=1")
    two filters that would crash it: a NUL, which PostgreSQL cannot compare with anything,
    and a date drill-down to the year 9999 or beyond, whose next year does not exist."""

    def get_filters(self, request):
        if any("\x00" in key or "\x00" in value for key, values in request.GET.lists() for value in values):
            raise IncorrectLookupParameters("A NUL character in a filter.")
        try:
            return super().get_filters(request)
        except (ValueError, OverflowError) as error:
            raise IncorrectLookupParameters(error) from error


# Dates and times in the newsroom's zone, named beside every time (see widgets).
DATE_WIDGETS = {
    models.DateTimeField: {"widget": NewsroomDateTimeWidget},
    models.DateField: {"widget": NewsroomDateWidget},
}


class DeskAdmin:
    """Mixed into every list on the desk (see DeskChangeList)."""

    formfield_overrides = DATE_WIDGETS

    def get_changelist(self, request, **kwargs):
        return DeskChangeList


def locked_out(request, original_response=None, credentials=None):
    """The login page's answer once django-axes refuses a login (AXES_LOCKOUT_CALLABLE)."""
    # Rendered now: axes answers from its middleware, after template responses are rendered.
    return render(request, "admin/locked_out.html", {
        **admin.site.each_context(request),
        "title": "Too many failed logins",
        "username": (credentials or {}).get("username") or request.POST.get("username", ""),
        "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        "failures": settings.AXES_FAILURE_LIMIT,
    }, status=429)


def can_publish(user):
    return user.has_perm("articles.publish_article")


def pluralize_story(count):
    return "story" if count == 1 else "stories"


@admin.register(Section)
class SectionAdmin(DeskAdmin, admin.ModelAdmin):
    list_display = ["name", "position", "slug", "alias_list", "is_default"]
    # The order of the site's section navigation, set in the list at once.
    list_editable = ["position"]
    search_fields = ["name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}

    @admin.display(description="aliases")
    def alias_list(self, section):
        return ", ".join(section.alias_list)


@admin.register(Country)
class CountryAdmin(DeskAdmin, admin.ModelAdmin):
    list_display = ["name", "code", "alias_list"]
    # "=code" so that searching "PK" finds Pakistan without matching names that contain "pk".
    search_fields = ["name", "=code", "aliases"]
    prepopulated_fields = {"slug": ["name"]}
    list_per_page = 100

    @admin.display(description="aliases")
    def alias_list(self, country):
        return ", ".join(country.alias_list)


def merge_action(description, merge, columns=(), prefetch=()):
    """An admin action that asks which of the selected rows to keep, then merges the rest into
    it. Each candidate is shown with `columns` ((heading, value of a row), ...) to tell them
    apart, and none is chosen beforehand: which one to keep is the editor's decision."""

    @admin.action(description=description, permissions=["change", "delete"])
    def action(modeladmin, request, queryset):
        if len(queryset) < 2:
            modeladmin.message_user(request, "Select at least two to merge.", messages.WARNING)
            return None
        chosen = request.POST.get("keep", "")
        # Read strictly: an empty or forged choice asks again rather than failing.
        keep = queryset.filter(pk=chosen).first() if chosen.isascii() and chosen.isdigit() else None
        if keep is None:
            candidates = queryset.prefetch_related(*prefetch)
            return TemplateResponse(request, "admin/merge_confirmation.html", {
                **modeladmin.admin_site.each_context(request),
                "title": description,
                "opts": modeladmin.model._meta,
                "headings": [heading for heading, _ in columns],
                "candidates": [(candidate, [value(candidate) for _, value in columns]) for candidate in candidates],
                "action": request.POST["action"],
            })
        count = merge(queryset.exclude(pk=keep.pk), keep, user=request.user)
        modeladmin.message_user(request, f"Merged into {keep}; {count} {pluralize_story(count)} updated, old pages redirect.")
        return None

    action.__name__ = merge.__name__
    return action


class RoleInline(admin.TabularInline):
    model = Role
    formfield_overrides = DATE_WIDGETS
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


class LikelyDuplicatesFilter(admin.SimpleListFilter):
    """People who may be one person written two ways: the same name once case, accents,
    honorifics, middle initials and al-/El- are set aside, or the same surname and country.
    Listed side by side, in name order, to select and merge."""

    title = "likely duplicates"
    parameter_name = "duplicates"

    def lookups(self, request, model_admin):
        return [("yes", "Likely duplicates")]

    def queryset(self, request, queryset):
        if self.value() != "yes":
            return queryset
        groups = defaultdict(set)
        for pk, name, country in Person.objects.values_list("pk", "name", "country_id"):
            key = person_key(name)
            groups["name", key].add(pk)
            if country is not None:
                groups["surname", key.rsplit(" ", 1)[-1], country].add(pk)
        twins = set().union(*(pks for pks in groups.values() if len(pks) > 1))
        return queryset.filter(pk__in=twins).order_by("name", "pk")


@admin.register(Person)
class PersonAdmin(DeskAdmin, admin.ModelAdmin):
    list_display = ["name", "country", "story_count", "statement_count", "needs_review"]
    # Explicit: the statement count's GROUP BY makes Django drop Meta.ordering (autocomplete too).
    ordering = ["name"]
    # Only the countries someone on the desk belongs to, not all 249.
    list_filter = ["needs_review", LikelyDuplicatesFilter, ("country", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["country"]
    inlines = [RoleInline, SpokenStatementInline]
    actions = [merge_action(
        "Merge selected people into one", merging.merge_people,
        columns=[
            ("Country", lambda person: person.country.name if person.country else "—"),
            ("Roles", lambda person: "; ".join(map(str, person.roles.all())) or "—"),
            ("Stories", lambda person: person.story_count or 0),
            ("Statements", lambda person: person.statement_count),
        ],
        prefetch=["roles__country"],
    )]
    list_per_page = 50
    save_on_top = True

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("country")
            .annotate(
                statement_count=Count("statements"),
                # Every story naming them, published or not: what a merge would move.
                story_count=Subquery(
                    Article.people.through.objects.filter(person=OuterRef("pk")).values("person")
                    .annotate(stories=Count("pk")).values("stories"),
                ),
            )
        )

    @admin.display(description="statements", ordering="statement_count")
    def statement_count(self, person):
        return person.statement_count

    @admin.display(description="stories")
    def story_count(self, person):
        return person.story_count


# The decisions the change page's buttons post.
REVIEWS = {"confirm": Statement.Review.CONFIRMED, "reject": Statement.Review.REJECTED}


def can_confirm(user):
    return user.has_perm("articles.confirm_statement")


class StatementForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "review" not in self.fields and self.instance._state.adding:
            # A contributor's new statement: show it as it will be saved (see save_formset).
            self.instance.review = Statement.Review.SUGGESTED


class StatementInline(admin.StackedInline):
    """A story's statements, one line each: the sentence it was found in with its words marked,
    its speaker, and its own Confirm and Reject; the rest of it behind "Edit"."""

    model = Statement
    form = StatementForm
    fk_name = "article"
    ordering = ["position"]
    extra = 0
    template = "admin/articles/article/statement_inline.html"
    autocomplete_fields = ["speaker", "countries", "audience", "on_behalf_of"]
    # The first fieldset is the statement's line, the second what "Edit" opens.
    fieldsets = [
        (None, {"fields": ["found_in", "speaker"]}),
        (None, {"fields": [
            ("position", "review", "needs_check"),
            ("speaker_title", "cue", "kind"),
            "text",
            "countries",
            ("audience", "on_behalf_of"),
            "paragraph",
        ]}),
    ]

    readonly_fields = ["found_in"]

    class Media:
        js = ["js/statement-review.js"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "speaker":
            # A correction on the statement's line: the person's own page has the rest.
            widget = formfield.widget
            widget.can_add_related = widget.can_change_related = widget.can_delete_related = False
            widget.can_view_related = False
        return formfield

    def get_queryset(self, request):
        # Each statement form reads its countries; one query for all of them, not one each.
        return super().get_queryset(request).prefetch_related("countries")

    @admin.display(description="found in")
    def found_in(self, statement):
        """The sentence a suggestion came from, the statement's own words marked."""
        if not statement.pk:
            return "New statement"
        excerpt = statement.found_in()
        if excerpt is None:  # typed by hand, or its sentence rewritten since
            return format_html("“{}”", statement.text)
        return format_html('{}<mark class="statement-span">{}</mark>{}', *excerpt)

    def get_readonly_fields(self, request, obj=None):
        # Only an editor says a statement is right; what a contributor writes waits for one.
        return self.readonly_fields if can_confirm(request.user) else [*self.readonly_fields, "review", "needs_check"]

    # A story's statements are edited with the story, by whoever may edit the story.
    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and (obj is None or obj.is_editable_by(request.user))

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (obj is None or obj.is_editable_by(request.user))

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or obj.is_editable_by(request.user))


class CorrectionInline(admin.TabularInline):
    """Dated notes readers see under the story; only the desk's editors hold these permissions."""

    model = Correction
    formfield_overrides = DATE_WIDGETS
    fields = ["noted_at", "text"]
    extra = 0


class WrittenByFilter(admin.SimpleListFilter):
    """Whose stories: a contributor's list opens with their own, an editor's with everyone's."""

    title = "written by"
    parameter_name = "by"

    def __init__(self, request, params, model, model_admin):
        super().__init__(request, params, model, model_admin)
        self.default = "anyone" if can_publish(request.user) else "me"

    def lookups(self, request, model_admin):
        return [("me", "Me"), ("anyone", "Anyone")]

    def value(self):
        return super().value() or self.default

    def choices(self, changelist):
        # No "All": "Anyone" is the choice that shows every story, whichever is the default.
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        return queryset.written_by(request.user) if self.value() == "me" else queryset


class StateFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return ArticleState.choices

    def queryset(self, request, queryset):
        return queryset.in_state(self.value()) if self.value() else queryset


class CountFilter(admin.SimpleListFilter):
    """Some / none, on a count the changelist already annotates."""

    annotation = None

    def lookups(self, request, model_admin):
        return [("yes", "Some"), ("no", "None")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(**{f"{self.annotation}__gt": 0})
        if self.value() == "no":
            return queryset.filter(**{self.annotation: 0})
        return queryset


class StatementsFilter(CountFilter):
    title = "statements"
    parameter_name = "statements"
    annotation = "statement_count"


class SuggestionsFilter(CountFilter):
    title = "suggested statements"
    parameter_name = "suggestions"
    annotation = "suggestion_count"


class AddTagsForm(forms.Form):
    tags = TagField(widget=TagAutocompleteWidget, help_text="Comma-separated; new tags are created.")


class ArticleForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = ["version"]
        field_classes = {"body_html": FormattedBodyField}
        widgets = {
            "version": forms.HiddenInput,
            # Short texts: room for a few lines keeps the statements within sight.
            "summary": AdminTextareaWidget(attrs={"rows": 3}),
            "editor_note": AdminTextareaWidget(attrs={"rows": 3}),
            "lead_image": LeadImageWidget,
        }
        help_texts = {
            "status": "A published story with a future publication time is scheduled: "
            "it goes live on its own at that time.",
        }

    # What changed since the editor opened the story, when their save is refused.
    conflict = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "body_html" in self.fields:
            self.fields["body_html"].required = True
        # The body readers have now, which statements' offsets count in (see save_related).
        self.live_body = self.instance.body
        # A story with a pending change opens with it, to go on with it, publish it or save it live.
        self.pending = getattr(self.instance, "pending_change", None) if self.instance.pk else None
        if self.pending:
            self.initial.update({field: after for field, (_, after) in self.pending.changes.items()})

    @property
    def holds_pending(self):
        """This save keeps the story's changes pending ("Save as pending change")."""
        return "_pending" in self.data

    def clean(self):
        # The hidden version is the one the editor opened: saving from an older one is
        # refused, never an overwrite. (The instance still holds the version read now.)
        cleaned_data = super().clean()
        if self.instance._state.adding:
            return cleaned_data
        if self.holds_pending:
            self.check_pending(cleaned_data)
        opened = cleaned_data.get("version")
        if opened != self.instance.version:
            changes, names = revisions.changes_since(self.instance, opened)
            if changes:
                self.conflict = {"columns": ("When you opened it", "Now"), "changes": changes}
            else:
                # The version they opened predates revisions: show where theirs and the saved story differ.
                self.conflict = {"columns": ("Yours", "Saved now"), "changes": self.differences_from_saved()}
            # Saving again means "keep mine" on purpose: the form now carries the current version.
            self.data = self.data.copy()
            self.data[self.add_prefix("version")] = self.instance.version
            raise forms.ValidationError(
                f"{' and '.join(names)} saved this story after you opened it. Nothing of yours "
                "is saved yet and your text is still below: compare it with their changes, then "
                "save again to keep your version.",
                code="conflict",
            )
        return cleaned_data

    def check_pending(self, cleaned_data):
        if not self.instance.is_public:
            raise forms.ValidationError("Only a live story's changes wait as pending: save this one as it is.")
        others = [name for name in self.changed_data if name not in [*PendingChange.FIELDS, "version"]]
        if others:
            labels = ", ".join(str(self.fields[name].label).lower() for name in others)
            raise forms.ValidationError(
                f"A pending change holds the story's text only: save the {labels} on their own first.")
        if all(cleaned_data.get(name) == getattr(self.instance, name) for name in PendingChange.FIELDS
               if name in cleaned_data):
            raise forms.ValidationError("Nothing differs from the live story to keep as a pending change.")

    def differences_from_saved(self):
        saved = self.instance  # not yet updated from the form: it holds what is saved now
        return [
            revisions.Change(self.fields[name].label, str(value), str(getattr(saved, name)))
            for name, value in self.cleaned_data.items()
            if name != "version" and isinstance(value, (str, int, datetime.datetime, datetime.date))
            and value != getattr(saved, name)
        ]


@admin.register(Article)
class ArticleAdmin(DeskAdmin, VersionAdmin):
    form = ArticleForm
    list_display = [
        "thumbnail", "title", "state_badge", "section", "publication_time", "tag_list", "statement_count", "suggestion_count",
    ]
    list_display_links = ["title"]
    list_filter = [
        StateFilter,
        WrittenByFilter,
        "section",
        # Only the countries some story is about, not all 249.
        ("countries", admin.RelatedOnlyFieldListFilter),
        "tags",
        StatementsFilter,
        SuggestionsFilter,
        # Stories not in English are imported without extraction: the desk finds them here.
        "language",
    ]
    list_select_related = ["section"]
    date_hierarchy = "published_at"
    ordering = ["-published_at"]
    list_per_page = 50
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["people", "countries"]
    inlines = [StatementInline, CorrectionInline]
    actions = ["submit_for_review", "publish", "withdraw", "add_tags", "confirm_suggestions"]
    # Long stories with many statements: the buttons are needed without scrolling down.
    save_on_top = True
    object_history_template = "admin/articles/article/object_history.html"
    # Reversion's list, with the link to the import page.
    change_list_template = "admin/articles/article/change_list.html"
    # Source links typed without a scheme are https today (Django 6's default, without the warning).
    formfield_overrides = {
        **DATE_WIDGETS,
        models.URLField: {"assume_scheme": "https"},
        TaggableManager: {"widget": TagAutocompleteWidget},
    }
    fieldsets = [
        (None, {"fields": ["title", "slug", "section", "summary", "body_html", "tags", "version"]}),
        ("Publication", {"fields": ["status", "published_at"]}),
        ("Lead image", {"fields": ["lead_image", "lead_image_alt", ("lead_image_caption", "lead_image_credit")]}),
        ("Reporting", {"fields": ["byline", "dateline", "event_date", "people", "countries"]}),
        ("For the desk", {"fields": ["editor_note", "created_by"]}),
        ("Source", {"fields": ["source_name", "source_url", "language"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("tags").with_statement_counts()

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("tag-suggestions/", view(self.tag_suggestions), name="articles_article_tag_suggestions"),
            path("import/", view(self.import_stories), name="articles_article_import"),
            path(
                "<int:article_id>/statements/<int:statement_id>/<str:decision>/",
                view(require_POST(self.review_statement)),
                name="articles_article_review_statement",
            ),
            path(
                "<int:article_id>/pending/<str:decision>/",
                view(require_POST(self.settle_pending)),
                name="articles_article_pending",
            ),
            path(
                "<int:article_id>/suggestions/<str:decision>/",
                view(require_POST(self.review_suggestions)),
                name="articles_article_review_suggestions",
            ),
            *super().get_urls(),
        ]

    def import_stories(self, request):
        """Story files and pasted stories imported from the desk, through the importer that
        import_articles uses: each story saved whole or not at all, one result line each."""
        if not can_publish(request.user):
            raise PermissionDenied
        form = ImportStoriesForm(request.POST or None, request.FILES or None)
        report = None
        if request.method == "POST" and form.is_valid():
            report = import_sources(
                form.sources(),
                status=form.cleaned_data["status"] or None,
                section=form.cleaned_data["section"],
                source_url=form.cleaned_data["source_url"],
                date=form.cleaned_data["date"],
                user=request.user,
            )
            form = ImportStoriesForm()
        return TemplateResponse(request, "admin/articles/article/import_stories.html", {
            **self.admin_site.each_context(request),
            "title": "Import stories",
            "opts": self.model._meta,
            "form": form,
            "report": report,
        })

    def tag_suggestions(self, request):
        """Existing tags starting with what was typed, for the tag field's autocomplete."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        typed = search.clean_query(request.GET.get("q", ""))
        tags = Tag.objects.filter(name__istartswith=typed).order_by("name")[:10] if typed else []
        return JsonResponse({"tags": [tag.name for tag in tags]})

    def get_fieldsets(self, request, obj=None):
        if obj is not None:
            return self.fieldsets
        # Who created a story is known once it is saved: the add form leaves the line out.
        return [(name, {**options, "fields": [f for f in options["fields"] if f != "created_by"]})
                for name, options in self.fieldsets]

    def get_readonly_fields(self, request, obj=None):
        if can_publish(request.user):
            return ["created_by"]
        # The publication time is the editors' call: it decides when, and whether, readers see it.
        return ["created_by", "published_at"]

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not can_publish(request.user):
            # A contributor's form offers only these, so a posted "published" is a form error.
            kwargs["choices"] = [(status.value, status.label) for status in Article.CONTRIBUTOR_STATUSES]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (obj is None or obj.is_editable_by(request.user))

    def has_publish_permission(self, request):
        return can_publish(request.user)

    def has_confirm_permission(self, request):
        return can_confirm(request.user)

    def changelist_view(self, request, extra_context=None):
        # Not VersionAdmin's, which puts a whole bulk action in one revision: restoring one
        # story from it would restore every story it touched. Actions record one per story.
        extra_context = {**(extra_context or {}), "can_import": can_publish(request.user)}
        return admin.ModelAdmin.changelist_view(self, request, extra_context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if getattr(request, "live_version", None) is not None:
            # A restore wrote back the old row, old version number included: put the live one
            # back so versions only go up and forms opened before the restore still conflict.
            Article.objects.filter(pk=object_id).update(version=request.live_version)
        # One save touches the story, its people and each statement: refresh what readers see
        # of it once, before the save commits.
        with transaction.atomic(), changes_deferred():
            try:
                return super().changeform_view(request, object_id, form_url, extra_context)
            except Article.Conflict:
                # Another save landed between this form's check and its write. Everything was
                # rolled back; validating again now shows the conflict with the editor's input.
                return super().changeform_view(request, object_id, form_url, extra_context)

    # Bringing a deleted story back is an editor's decision, like deleting it was.
    def recoverlist_view(self, request, extra_context=None):
        if not can_publish(request.user):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not can_publish(request.user):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # Reverting restores the old row before the change form checks who may edit it, so a
        # contributor could pull back a story an editor published: reverting is an editor's call.
        if not can_publish(request.user):
            raise PermissionDenied
        request.live_version = Article.objects.filter(pk=object_id).values_list("version", flat=True).first()
        return super().revision_view(request, object_id, version_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        article = self.get_object(request, object_id)
        entries = revisions.history(article) if article else []
        pending = getattr(article, "pending_change", None) if article else None
        return super().history_view(request, object_id, {
            **(extra_context or {}), "entries": entries[::-1],
            "pending": pending, "pending_changes": revisions.pending_changes(pending) if pending else [],
        })

    def save_model(self, request, obj, form, change):
        if change and form.holds_pending:
            live = Article.objects.get(pk=obj.pk)
            live.version = form.cleaned_data["version"]  # held to the version the form opened
            workflow.hold_pending(live, {name: form.cleaned_data[name] for name in PendingChange.FIELDS
                                         if name in form.cleaned_data}, user=request.user)
            return
        if not change:
            obj.created_by = request.user
        revisions.record(RevisionSource.Source.ADMIN)
        super().save_model(request, obj, form, change)
        if form.pending:
            # The form opened with the pending change: saved live, it is live.
            workflow.discard_pending(obj)

    def save_formset(self, request, form, formset, change):
        if formset.model is Statement and not can_confirm(request.user):
            for statement in formset.save(commit=False):
                statement.review = Statement.Review.SUGGESTED
                statement.save()
            for statement in formset.deleted_objects:
                statement.delete()
            formset.save_m2m()
        else:
            super().save_formset(request, form, formset, change)

    def save_related(self, request, form, formsets, change):
        if change and form.holds_pending:
            if any(formset.has_changed() for formset in formsets):
                messages.warning(request, "Changes to statements and corrections were not kept: a pending "
                                 "change holds the story's text only. Save them with the live story.")
            return
        super().save_related(request, form, formsets, change)
        if not change or form.instance.body != form.live_body:
            # A story typed or rewritten here is read as an import reads it.
            suggest_for_edited(form.instance, form.live_body if change else "")
        # The revision so far holds the article as saved before its tags and statements were.
        reversion.add_to_revision(form.instance)

    def render_change_form(self, request, context, *args, **kwargs):
        # The body editor's import map is an inline script: it runs under the policy with the
        # page's nonce; the stylesheet it writes is let through by its hash, here only.
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        response = super().render_change_form(request, context, *args, **kwargs)
        response._csp_update = {"style-src": [EDITOR_STYLESHEET]}
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        suggestions = Statement.objects.filter(article_id=object_id, review=Statement.Review.SUGGESTED)
        article = self.get_object(request, object_id)
        extra_context = {
            **(extra_context or {}), "suggestion_count": suggestions.count(), "can_review": can_confirm(request.user),
            "can_hold_pending": bool(article and article.is_public and can_publish(request.user)),
            "pending": getattr(article, "pending_change", None) if article else None,
        }
        if request.method == "GET":
            changed = Statement.objects.filter(article_id=object_id, needs_check=True).count()
            if changed:
                self.message_user(request, f"The sentence of {changed} confirmed statement{'s' if changed != 1 else ''} "
                                  "changed since it was confirmed: check those marked “sentence changed”.",
                                  messages.WARNING)
        return super().change_view(request, object_id, form_url, extra_context)

    def review_suggestions(self, request, article_id, decision):
        """The change page's buttons: confirm or reject all of a story's suggested statements."""
        if decision not in REVIEWS or not self.has_confirm_permission(request):
            raise PermissionDenied
        article = get_object_or_404(Article, pk=article_id)
        if decision == "reject" and "sure" not in request.POST:
            # Rejecting keeps a suggestion off the site and out of every re-import: shown first.
            return TemplateResponse(request, "admin/articles/article/reject_suggestions.html", {
                **self.admin_site.each_context(request),
                "title": f"Reject the suggested statements of “{article}”?",
                "opts": self.model._meta,
                "original": article,
                "suggestions": article.statements.suggested().select_related("speaker", "article"),
            })
        count, _ = workflow.review_suggestions([article], REVIEWS[decision], user=request.user)
        verb = "Confirmed" if decision == "confirm" else "Rejected"
        messages.success(request, f"{verb} {count} suggested statement{'s' if count != 1 else ''}.")
        return redirect("admin:articles_article_change", article.pk)

    def construct_change_message(self, request, form, formsets, add=False):
        if not add and form.holds_pending:
            # Nothing of the story or its inlines was saved; the revision says what waits.
            held = PendingChange.objects.get(article=form.instance).changes
            return f"Saved a pending change to the {', '.join(held)}."
        return super().construct_change_message(request, form, formsets, add)

    def response_change(self, request, obj):
        if "_pending" in request.POST:
            messages.success(request, "Saved as a pending change: readers see the story as it was until an "
                             "editor publishes the change.")
            return redirect("admin:articles_article_change", obj.pk)
        return super().response_change(request, obj)

    def settle_pending(self, request, article_id, decision):
        """Publish or discard a live story's pending change, in one step."""
        if decision not in {"publish", "discard"} or not can_publish(request.user):
            raise PermissionDenied
        article = get_object_or_404(Article.objects.select_related("pending_change"), pk=article_id)
        if not hasattr(article, "pending_change"):
            messages.warning(request, "This story has no pending change.")
        elif decision == "discard":
            workflow.discard_pending(article)
            messages.success(request, "Discarded the pending change: the story stays as readers see it.")
        else:
            try:
                workflow.publish_pending(article, user=request.user)
                messages.success(request, "Published the pending change: readers see it now.")
            except workflow.Outdated as outdated:
                labels = ", ".join(str(Article._meta.get_field(name).verbose_name) for name in outdated.fields)
                messages.error(request, f"Not published: the {labels} changed on the live story since the pending "
                               "change was saved. Open the story, compare, and save it again as pending or live.")
            except Article.Conflict:
                messages.error(request, "Not published: someone saved the story at the same moment. Try again.")
        return redirect("admin:articles_article_change", article_id)

    def review_statement(self, request, article_id, statement_id, decision):
        """A statement's own Confirm or Reject on the change page, held to the story's version
        the page was opened at: a story saved since is refused, not overwritten. Answers the
        page's script with JSON (the story's new version, for the form to carry on from), and
        a browser without it with the change page again."""
        if decision not in REVIEWS or not self.has_confirm_permission(request):
            raise PermissionDenied
        statement = get_object_or_404(Statement.objects.select_related("article"), pk=statement_id, article_id=article_id)
        if not statement.article.is_editable_by(request.user):
            raise PermissionDenied
        wants_json = "application/json" in request.headers.get("Accept", "")
        try:
            opened = int(request.POST.get("version", ""))
            workflow.review_statements(Statement.objects.filter(pk=statement.pk), REVIEWS[decision],
                                       user=request.user, opened_versions={article_id: opened})
        except (ValueError, Article.Conflict):
            refusal = "Someone saved this story after you opened it: reload it to see their changes, then decide again."
            if wants_json:
                return JsonResponse({"error": refusal}, status=409)
            messages.error(request, refusal)
            return redirect("admin:articles_article_change", article_id)
        statement.refresh_from_db()
        version = Article.objects.values_list("version", flat=True).get(pk=article_id)
        if wants_json:
            return JsonResponse({"review": statement.review, "label": statement.get_review_display(), "version": version})
        messages.success(request, f"{statement.get_review_display()}: {statement}")
        return redirect(reverse("admin:articles_article_change", args=[article_id]) + f"#statement-{statement.pk}")

    def view_on_site(self, article):
        # Drafts and scheduled stories are a 404 on the public site: they get "Preview" instead
        # (templates/admin/articles/article/change_form.html).
        return article.get_absolute_url() if article.is_public else None

    @admin.display(description="photo", empty_value="")
    def thumbnail(self, article):
        # Beside the headline that says what it is: no text of its own for screen readers.
        if not article.lead_image:
            return None
        return format_html('<img src="{}" alt="" class="lead-image-thumbnail" width="64" loading="lazy">',
                           article.lead_image_thumbnail)

    @admin.display(description="state", ordering="status")
    def state_badge(self, article):
        return format_html('<span class="badge badge--{}">{}</span>', article.state.value, article.state.label)

    @admin.display(description="publication time", ordering="published_at")
    def publication_time(self, article):
        # Compact, in the newsroom's time zone: for a scheduled story, when it goes live.
        return localtime(article.published_at).strftime("%d %b %Y %H:%M")

    @admin.display(description="tags")
    def tag_list(self, article):
        return ", ".join(sorted(tag.name for tag in article.tags.all()))

    @admin.display(description="statements", ordering="statement_count")
    def statement_count(self, article):
        return article.statement_count

    @admin.display(description="suggested", ordering="suggestion_count")
    def suggestion_count(self, article):
        return article.suggestion_count

    # Bulk actions: articles/workflow.py saves each story in a revision of its own, claiming its version.

    @admin.action(description="Submit for review", permissions=["change"])
    def submit_for_review(self, request, queryset):
        count = workflow.submit_for_review(queryset.editable_by(request.user), user=request.user)
        self.message_user(request, f"{count} {pluralize_story(count)} submitted for review.")

    @admin.action(description="Publish (or schedule, for a future time)", permissions=["publish"])
    def publish(self, request, queryset):
        count, refused = workflow.publish(queryset, user=request.user)
        self.message_user(request, f"{count} {pluralize_story(count)} published; any with a future time are scheduled.")
        for reason in refused:
            self.message_user(request, f"Not published: {reason}", messages.ERROR)

    @admin.action(description="Withdraw from the site", permissions=["publish"])
    def withdraw(self, request, queryset):
        count = workflow.withdraw(queryset, user=request.user)
        self.message_user(request, f"{count} {pluralize_story(count)} withdrawn.")

    @admin.action(description="Add tags", permissions=["change"])
    def add_tags(self, request, queryset):
        form = AddTagsForm(request.POST if "apply" in request.POST else None)
        if not form.is_valid():
            return TemplateResponse(request, "admin/articles/article/add_tags.html", {
                **self.admin_site.each_context(request),
                "title": "Add tags",
                "opts": self.model._meta,
                "form": form,
                "media": self.media + form.media,
                "articles": queryset,
            })
        tags = form.cleaned_data["tags"]
        count = workflow.add_tags(queryset.editable_by(request.user), tags, user=request.user)
        self.message_user(request, f"{count} {pluralize_story(count)} tagged {', '.join(tags)}.")
        return None

    @admin.action(description="Confirm suggested statements", permissions=["confirm"])
    def confirm_suggestions(self, request, queryset):
        count, story_count = workflow.review_suggestions(queryset, Statement.Review.CONFIRMED, user=request.user)
        self.message_user(request, f"{count} statements confirmed in {story_count} {pluralize_story(story_count)}.")


class SpeakerFilter(admin.ListFilter):
    """Statements by a speaker found by name as typed: a list of every person who ever spoke
    would run to thousands. A link naming the speaker's id (speaker__id__exact) works too."""

    title = "speaker"
    template = "admin/articles/statement/speaker_filter.html"
    parameters = ["speaker", "speaker__id__exact"]

    def __init__(self, request, params, model, model_admin):
        super().__init__(request, params, model, model_admin)
        self.used = {}
        for name in self.parameters:
            if name in params:
                value = params.pop(name)
                self.used[name] = (value[-1] if isinstance(value, list) else value).strip()

    def has_output(self):
        return True

    def expected_parameters(self):
        return self.parameters

    def queryset(self, request, queryset):
        if name := self.used.get("speaker"):
            queryset = queryset.filter(speaker__name__icontains=name)
        if (pk := self.used.get("speaker__id__exact", "")).isascii() and pk.isdigit():
            queryset = queryset.filter(speaker_id=pk)
        return queryset

    def choices(self, changelist):
        # The form sends the other filters along as they are.
        others = [(name, value) for name, values in changelist.params.items() if name not in self.parameters
                  for value in (values if isinstance(values, list) else [values])]
        yield {"value": self.used.get("speaker", ""), "others": others}


@admin.register(Statement)
class StatementAdmin(DeskAdmin, admin.ModelAdmin):
    list_display = ["speaker", "cue", "statement_text", "article", "published_on", "review", "needs_check"]
    list_filter = [
        "review",
        "needs_check",
        "kind",
        SpeakerFilter,
        # Only countries that statements name, not all 249.
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

    # Each decision is a change to the statement's story: workflow claims its version, so a
    # form opened on the story before cannot turn the decision back unseen.
    @admin.action(description="Confirm selected statements", permissions=["change"])
    def confirm(self, request, queryset):
        count, _ = workflow.review_statements(queryset, Statement.Review.CONFIRMED, user=request.user)
        self.message_user(request, f"Confirmed {count} statements.", messages.SUCCESS)

    @admin.action(description="Reject selected statements", permissions=["change"])
    def reject(self, request, queryset):
        count, _ = workflow.review_statements(queryset, Statement.Review.REJECTED, user=request.user)
        self.message_user(request, f"Rejected {count} statements.", messages.SUCCESS)

    def save_model(self, request, obj, form, change):
        pass  # saved with its countries in save_related, in one revision of its story

    def save_related(self, request, form, formsets, change):
        def save():
            form.instance.save()
            form.save_m2m()

        workflow.save_statement(form.instance, user=request.user, save=save)

    def delete_model(self, request, obj):
        workflow.save_statement(obj, user=request.user, delete=True)

    def delete_queryset(self, request, queryset):
        for statement in queryset:
            workflow.save_statement(statement, user=request.user, delete=True)

    # A contributor edits statements inside their own draft only; here, on their own and in any
    # story, statements are the editors'.
    def has_add_permission(self, request):
        return can_confirm(request.user) and super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        return can_confirm(request.user) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return can_confirm(request.user) and super().has_delete_permission(request, obj)

    @admin.display(description="text")
    def statement_text(self, statement):
        """The opening words; the whole text and the sentence it was found in on demand."""
        if len(statement.text) <= 100 and statement.start is None:
            return statement.text
        excerpt = statement.found_in()
        sentence = (
            format_html('<span class="statement-found-in">Found in: {}<mark class="statement-span">{}</mark>{}</span>',
                        *excerpt) if excerpt else ""
        )
        opening = statement.text if len(statement.text) <= 100 else f"{statement.text[:100]}…"
        return format_html('<details class="statement-text"><summary>{}</summary><p>{}</p>{}</details>',
                           opening, statement.text, sentence)

    @admin.display(description="date", ordering="article__published_on")
    def published_on(self, statement):
        return statement.article.published_on


# taggit's own TagAdmin merges generic tagged items; ours go through TaggedArticle.
admin.site.unregister(Tag)


class TagForm(forms.ModelForm):
    # taggit's slug takes letters of any script; the site's addresses take ASCII (see slug_of).
    slug = forms.SlugField(max_length=100)

    def clean_name(self):
        # taggit's Tag is not one of our models: its name is made fit to store here.
        return fit_to_store(self.cleaned_data["name"])


@admin.register(Tag)
class TagAdmin(DeskAdmin, admin.ModelAdmin):
    form = TagForm
    list_display = ["name", "slug", "story_count"]
    ordering = ["name"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    actions = [merge_action("Merge selected tags into one", merging.merge_tags,
                            columns=[("Stories", lambda tag: tag.story_count)])]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(story_count=Count("articles_taggedarticle_items"))

    @admin.display(description="stories", ordering="story_count")
    def story_count(self, tag):
        return tag.story_count


@admin.register(MovedPage)
class MovedPageAdmin(DeskAdmin, admin.ModelAdmin):
    """Old addresses of merged tags and people; merges create them, an administrator may tidy them."""

    list_display = ["old_path", "new_path"]
    search_fields = ["old_path", "new_path"]
