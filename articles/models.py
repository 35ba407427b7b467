import uuid
from functools import partial
from datetime import datetime, time, timedelta

import reversion
from django.conf import settings
from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import connection, connections, models, transaction
from django.db.models import Count, Exists, F, Func, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Concat, Upper
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItemBase
from reversion.models import Revision
from unidecode import unidecode

from . import bodies, dates, images
from .bodies import canonical_body
from .passages import marked_paragraphs
from .fields import CheckedImageField
from .links import link
from .text import fit_to_store


# A field left out of a query (Article.from_db).
UNREAD = object()

# Paragraphs are separated by a blank line; browsers submit textareas with CRLF.
def _generated_name(folder, filename):
    # Never the sender's file name: it can say more than the photo, or try a path trick.
    # The extension is the one the re-encoded file really has (see fields.CheckedImageField).
    return f"{folder}/{uuid.uuid4().hex}.{filename.rsplit('.', 1)[-1].lower()}"


def lead_image_path(article, filename):
    return _generated_name("lead-images", filename)


def portrait_path(person, filename):
    return _generated_name("portraits", filename)


def slug_of(text, max_length, fallback):
    """`text` as a part of an address, whatever its script: transliterated to ASCII ("外交"
    becomes "wai-jiao", "Россия" "rossiia"), as the URL patterns' <slug:> accepts, and
    `fallback` when nothing is left to spell ("★")."""
    return slugify(unidecode(text))[:max_length].strip("-_") or fallback


def free_slug(text, taken, fallback):
    """The slug of `text`, numbered ("-2", "-3", ...) past the slugs already `taken`."""
    base = slug_base(text, fallback)
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def slug_base(text, fallback):
    """The slug free_slug numbers when it is taken."""
    return slug_of(text, 190, fallback)


def local_midnight(day):
    """The first instant of `day` in the newsroom's time zone."""
    return timezone.make_aware(datetime.combine(day, time.min))


def validate_kept_date(value):
    """Refuse a date or time outside the years the databases and every page can show."""
    if not dates.is_kept(value.year):
        raise ValidationError(f"Enter a date {dates.YEARS}.", code="date_out_of_range")


def split_lines(text):
    """Return the non-blank lines of a one-per-line text field, stripped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class CleanTextModel(models.Model):
    """The one boundary for text from outside: every text field of the newsroom's models
    is stored fit to store (articles.text), whoever writes it. A form validates the text
    as it will be stored (clean_fields: a name that is taken once cleaned is a form error,
    not a database error), and everything else gets it when saved."""

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None):
        self.clean_text()
        super().clean_fields(exclude)

    def save(self, *args, **kwargs):
        self.clean_text()
        super().save(*args, **kwargs)

    def clean_text(self):
        for field in self._meta.concrete_fields:
            value = getattr(self, field.attname)
            if isinstance(field, (models.CharField, models.TextField)) and isinstance(value, str):
                setattr(self, field.attname, fit_to_store(value))


class NaturalKeyManager(models.Manager):
    """Looks rows up by their `natural_key_fields`, so fixtures need no primary keys."""

    def get_by_natural_key(self, *key):
        return self.get(**dict(zip(self.model.natural_key_fields, key)))


def folded_name(name):
    """A name as breadcrumbs and aliases are matched: case, curly apostrophes and spacing ignored."""
    return " ".join(name.replace("’", "'").casefold().split())


class SectionQuerySet(models.QuerySet):
    def public(self):
        """Sections readers can see: with a published story (a line in the reader listings)."""
        lines = Listing.objects.filter(
            kind=Listing.Kind.SECTION, key=Cast(OuterRef("pk"), models.CharField()), public_from__lte=timezone.now()
        )
        return self.filter(Exists(lines))


class SectionManager(NaturalKeyManager.from_queryset(SectionQuerySet)):
    def by_name(self):
        """{folded name or alias: section}, for filing stories by their breadcrumbs."""
        found = {}
        for section in self.all():
            for name in (section.name, *section.alias_list):
                found.setdefault(folded_name(name), section)
        return found

    def default(self):
        return self.filter(is_default=True).first()


class Section(CleanTextModel):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    aliases = models.TextField(
        blank=True,
        help_text="Other names source pages file its stories under, one per line (e.g. Press Room, Embassy News).",
    )
    is_default = models.BooleanField(
        "default section", default=False,
        help_text="Where imported stories go whose breadcrumb names no section or alias.",
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Where the section stands in the site's navigation: lower first, then by name.",
    )

    objects = SectionManager()
    natural_key_fields = ["slug"]

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["is_default"], condition=Q(is_default=True), name="one_default_section"),
        ]

    def __str__(self):
        return self.name

    def validate_constraints(self, exclude=None):
        # Marking this section the default unmarks the other one (see save): no clash to report.
        super().validate_constraints(exclude={*(exclude or ()), "is_default"})

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slug_of(self.name, 100, "section")
        with transaction.atomic():
            if self.is_default:
                Section.objects.filter(is_default=True).exclude(pk=self.pk).update(is_default=False)
            super().save(*args, **kwargs)

    @property
    def alias_list(self):
        return split_lines(self.aliases)

    def natural_key(self):
        return (self.slug,)

    def get_absolute_url(self):
        return link("articles:section", self.slug)


class Country(CleanTextModel):
    code = models.CharField(
        "ISO code", max_length=2, unique=True, help_text="ISO 3166-1 alpha-2 code, e.g. PK."
    )
    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)
    aliases = models.TextField(
        blank=True, help_text="Other names, demonyms and adjectives, one per line (e.g. Pakistani)."
    )

    objects = NaturalKeyManager()
    natural_key_fields = ["code"]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"
        constraints = [
            models.CheckConstraint(condition=Q(code__regex=r"^[A-Z]{2}$"), name="country_code_iso"),
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.code,)

    def get_absolute_url(self):
        return link("articles:country", self.code.lower())

    @property
    def alias_list(self):
        return split_lines(self.aliases)

    def story_ids(self):
        """The stories naming this country, about which it is spoken of, or in which its people speak."""
        named = Article.countries.through.objects.filter(country=self).values_list("article_id", flat=True)
        about = Statement.objects.filter(countries=self).values_list("article_id", flat=True)
        spoken = Statement.objects.filter(speaker__country=self).values_list("article_id", flat=True)
        return set(named) | set(about) | set(spoken)


class PersonQuerySet(models.QuerySet):
    def public(self):
        """People readers can see: named in a published story, or speaking in one (their
        lines in the reader listings; see articles/listings.py)."""
        lines = Listing.objects.filter(
            kind=Listing.Kind.PERSON, key=Cast(OuterRef("pk"), models.CharField()), public_from__lte=timezone.now()
        )
        return self.filter(Exists(lines))


    def to_check(self):
        """People extraction created that no editor has checked yet, newest first."""
        return self.filter(needs_review=True).order_by("-pk")

    def mark_checked(self):
        """These people are checked by an editor (see Person.needs_review): they join the site."""
        from .signals import changed  # signals import the models

        people = list(self.filter(needs_review=True))
        if people:
            self.filter(pk__in=[person.pk for person in people]).update(needs_review=False)
            changed(set().union(*(person.story_ids() for person in people)))
        return len(people)


class PersonManager(NaturalKeyManager.from_queryset(PersonQuerySet)):
    pass


class Person(CleanTextModel):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    country = models.ForeignKey(
        Country, on_delete=models.SET_NULL, null=True, blank=True, related_name="people"
    )
    aliases = models.TextField(
        blank=True, help_text="Other ways stories name this person, one per line (e.g. Alvi)."
    )
    photo = CheckedImageField("portrait", upload_to=portrait_path, blank=True)
    photo_alt = models.CharField("photo alt text", max_length=300, blank=True)
    wikidata_id = models.CharField(
        "Wikidata ID", max_length=20, blank=True, help_text="e.g. Q2333373"
    )
    bio = models.TextField(blank=True)
    needs_review = models.BooleanField(
        "not checked yet", default=False,
        help_text="Created from an imported story: kept off the public site (no page, link or list entry) "
        "until an editor checks the person and unticks this, or confirms a statement by them.",
    )

    objects = PersonManager()
    natural_key_fields = ["slug"]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        indexes = [
            # The desk's people to check: as many entries as there are people to check.
            models.Index(fields=["-id"], name="person_to_check_idx", condition=Q(needs_review=True)),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(wikidata_id="") | Q(wikidata_id__regex=r"^Q[1-9][0-9]*$"),
                name="person_wikidata_id_format",
            ),
        ]

    def __str__(self):
        return self.name

    @classmethod
    def from_db(cls, db, field_names, values):
        person = super().from_db(db, field_names, values)
        # What the stories' search documents and lists were built with (see signals.person_saved).
        person.loaded_values = person.reader_values()
        return person

    def reader_values(self):
        """What readers' lists and search documents hold of a person (see signals.person_saved)."""
        return self.__dict__.get("name"), self.__dict__.get("country_id"), self.__dict__.get("needs_review")

    def save(self, *args, **kwargs):
        if not self.slug:
            # "Erdoğan" and "Erdogan" have one slug: the second person's is numbered.
            base = slug_of(self.name, 190, "person")
            taken = set(Person.objects.filter(slug__startswith=base).values_list("slug", flat=True))
            self.slug = free_slug(self.name, taken, "person")
        super().save(*args, **kwargs)

    def natural_key(self):
        return (self.slug,)

    def get_absolute_url(self):
        return link("articles:person", self.slug)

    @property
    def alias_list(self):
        return split_lines(self.aliases)

    def story_ids(self):
        """The stories naming this person or in which they speak, published or not."""
        named = Article.people.through.objects.filter(person=self).values_list("article_id", flat=True)
        spoken = Statement.objects.filter(speaker=self).values_list("article_id", flat=True)
        return set(named) | set(spoken)

    def structured_data(self, absolute):
        """schema.org Person, the same as Wikidata's entry when we know it."""
        data = {"@type": "Person", "name": self.name, "url": absolute(self.get_absolute_url())}
        if self.wikidata_id:
            data["sameAs"] = f"https://www.wikidata.org/wiki/{self.wikidata_id}"
        return data

    def role_on(self, day):
        """The role held on `day`, read from prefetched roles (newest first)."""
        return next((role for role in self.roles.all() if role.held_on(day)), None)


class RoleManager(models.Manager):
    def get_by_natural_key(self, person_slug, title, start_date):
        return self.get(person__slug=person_slug, title=title, start_date=start_date)


class Role(CleanTextModel):
    """A position a person holds for a while: "State Councilor and Foreign Minister, China, 2023–"."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="roles")
    title = models.CharField(max_length=200)
    country = models.ForeignKey(
        Country, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    organisation = models.CharField(max_length=200, blank=True)
    start_date = models.DateField(null=True, blank=True, validators=[validate_kept_date])
    end_date = models.DateField(
        null=True, blank=True, validators=[validate_kept_date], help_text="Empty while the role is held."
    )

    objects = RoleManager()

    class Meta:
        ordering = ["person", "-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="role_ends_after_start",
                violation_error_message="A role cannot end before it starts.",
            ),
        ]

    def __str__(self):
        where = self.organisation or (self.country.name if self.country_id else "")
        label = f"{self.title} of {where}" if where else self.title
        start, end = self.start_date, self.end_date
        if start and end:
            years = str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
            return f"{label}, {years}"
        if start:
            return f"{label}, from {start.year}"
        if end:
            return f"{label}, until {end.year}"
        return label

    def natural_key(self):
        return (*self.person.natural_key(), self.title, self.start_date)

    natural_key.dependencies = ["articles.person"]

    def held_on(self, day):
        return (self.start_date is None or self.start_date <= day) and (
            self.end_date is None or day <= self.end_date
        )


class ArticleQuerySet(models.QuerySet):
    def bulk_create(self, articles, *args, **kwargs):
        # save() is not called here, so derive its computed fields (published_on above all) the same way.
        articles = list(articles)
        for article in articles:
            article.derive_fields()
        return super().bulk_create(articles, *args, **kwargs)

    def published(self):
        """What the public may see: published, and not scheduled for later."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def scheduled(self):
        """Published by an editor, waiting for their publication time: nobody else sees them yet."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())

    def in_review(self):
        return self.filter(status=Article.Status.IN_REVIEW)

    def written_by(self, user):
        return self.filter(created_by=user)

    def in_state(self, state):
        """Articles whose badge (see Article.state) reads `state`."""
        if state == ArticleState.SCHEDULED:
            return self.scheduled()
        if state == ArticleState.PUBLISHED:
            return self.published()
        return self.filter(status=state)

    def with_statement_counts(self):
        return self.annotate(
            statement_count=Count("statements", distinct=True),
            suggestion_count=Count(
                "statements", filter=Q(statements__review=StatementReview.SUGGESTED), distinct=True
            ),
        )

    def editable_by(self, user):
        """The stories `user` may change (the rule in Article.is_editable_by, as a query)."""
        if not user.has_perm("articles.change_article"):
            return self.none()
        if user.has_perm("articles.publish_article"):
            return self
        return self.filter(created_by=user, status__in=Article.CONTRIBUTOR_STATUSES)

    def for_list(self):
        """What a list of story cards prints: no tags, so none are read."""
        return self.select_related("section")

    def for_feed(self):
        """What a feed item carries: a list card's fields and the tags as its categories."""
        return self.for_list().prefetch_related("tags")

    def refresh_search_vectors(self):
        """Store each article's search document: title, then summary and people, then body and
        statements, then its month's token (see month_token).

        PostgreSQL only; SQLite keeps its own index (search_index.refresh_documents). The document
        spans four tables (statements, people and the m2m between them), so it is written
        from Python by signals (articles/signals.py) rather than by a trigger on each table.
        """
        if connections[self.db].vendor != "postgresql":
            return
        # One UPDATE for all the stories, the words gathered by subqueries: no rows travel.
        # In a fixed order, so that the same story always gets the same document.
        names = (
            Person.objects.filter(articles=OuterRef("pk")).values("articles")
            .annotate(names=StringAgg("name", " ", order_by=("name", "pk"))).values("names")
        )
        said = (
            Statement.objects.confirmed().filter(article=OuterRef("pk")).values("article")
            .annotate(said=StringAgg("text", " ", order_by=("position",))).values("said")
        )

        def text_of(field, extra):
            text = models.TextField()
            return Concat(field, Value(" "), Coalesce(Subquery(extra), Value(""), output_field=text), output_field=text)

        self.update(
            search_vector=SearchVector("title", weight="A", config=SEARCH_CONFIG)
            + SearchVector(text_of("summary", names), weight="B", config=SEARCH_CONFIG)
            + SearchVector(text_of("body", said), weight="C", config=SEARCH_CONFIG)
            + SearchVector(
                Concat(Value(MONTH_TOKEN_PREFIX), Func(F("published_on"), Value("YYYYMM"), function="to_char", output_field=models.TextField()),
                       output_field=models.TextField()),
                weight="D", config=SEARCH_CONFIG,
            )
        )

    def for_detail(self):
        return self.select_related("section").prefetch_related(
            "tags",
            "countries",
            # People an editor has not checked yet stay off the site (Person.needs_review).
            models.Prefetch("people", queryset=Person.objects.filter(needs_review=False)),
            "corrections",
            models.Prefetch(
                "statements",
                queryset=Statement.objects.confirmed().select_related("speaker").with_countries_and_roles(),
            ),
        )


# The text search configuration of the stored vector and of every query against it.
SEARCH_CONFIG = "newsroom_english"  # English with accents ignored (migration 0022)
# Each search document also holds its story's month as a word ("m202305"), so that the text
# index alone finds the newest matches of a common word, a few months at a time (search.py).
MONTH_TOKEN_PREFIX = "m"


def month_token(day):
    return f"{MONTH_TOKEN_PREFIX}{day:%Y%m}"


class ArticleManager(models.Manager.from_queryset(ArticleQuerySet)):
    def get_by_natural_key(self, published_on, slug):
        return self.get(published_on=published_on, slug=slug)


class TaggedArticleManager(models.Manager):
    def get_by_natural_key(self, published_on, slug, tag_name):
        return self.get(
            content_object__published_on=published_on,
            content_object__slug=slug,
            tag__name=tag_name,
        )


class Topic(CleanTextModel, Tag):
    """taggit's Tag, slugged as the newsroom slugs everything (see slug_of): the tags typed
    on a story are created through this model, so "外交" gets "wai-jiao" and ">" gets "tag".

    A proxy: the same table and rows as taggit's Tag, which the rest of the code queries.
    """

    class Meta:
        proxy = True

    def slugify(self, tag, i=None):
        # taggit calls this again with i = 1, 2, ... while the slug is taken.
        slug = slug_of(tag, 90, "tag")
        return slug if i is None else f"{slug}-{i + 1}"


@reversion.register()
class TaggedArticle(TaggedItemBase):
    """Tags through a real foreign key: joins without content types, and natural keys in fixtures."""

    content_object = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="+")
    tag = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="%(app_label)s_%(class)s_items")

    objects = TaggedArticleManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="tagged_article_unique"),
        ]

    def natural_key(self):
        return (*self.content_object.natural_key(), self.tag.name)

    natural_key.dependencies = ["articles.article", "taggit.tag"]


class ArticleStatus(models.TextChoices):
    DRAFT = "draft"
    IN_REVIEW = "review", "In review"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"


class ArticleState(models.TextChoices):
    """What an editor needs to know at a glance: the status, with "scheduled" told apart."""

    DRAFT = "draft"
    IN_REVIEW = "review", "In review"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"


@reversion.register(follow=["statements", "tag_links"])
class Article(CleanTextModel):
    Status = ArticleStatus
    # What a contributor may set and still edit: once submitted, only editors move it on.
    CONTRIBUTOR_STATUSES = [ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW]

    title = models.CharField(max_length=300)
    # Found by day and slug (article_slug_per_day), never by slug alone.
    slug = models.SlugField(max_length=200, db_index=False)
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="articles")
    summary = models.TextField(blank=True, help_text="One or two sentences for lists and feeds.")
    # The canonical plain text, which statements' offsets, search, feeds and exports read:
    # derived from body_html on every save (see derive_body).
    body = models.TextField(help_text="Paragraphs separated by a blank line.")
    body_html = models.TextField(
        "body", blank=True,
        help_text="Paragraphs, subheadings, links, quotes and lists. Statements are found in its text.",
    )
    dateline = models.CharField(max_length=100, blank=True, help_text="Where it happened.")
    byline = models.CharField(max_length=200, blank=True, help_text="Who wrote it, as readers see it (e.g. Li Wei, Beijing).")
    event_date = models.DateField(null=True, blank=True, validators=[validate_kept_date], help_text="When it happened.")
    published_at = models.DateTimeField("publication time", default=timezone.now, validators=[validate_kept_date])
    # The publication date in the newsroom's time zone: part of the URL and of the
    # slug's uniqueness, so the database can enforce it without time-zone arithmetic.
    published_on = models.DateField(editable=False)
    status = models.CharField(max_length=16, choices=Status, default=Status.DRAFT)
    source_name = models.CharField(max_length=200, blank=True)
    source_url = models.URLField("source URL", max_length=500, blank=True)
    # The extraction reads English only: a story in another language is imported without it.
    language = models.CharField(
        max_length=12, default="en", help_text="ISO 639 code of the language the story is written in, such as en or zh."
    )
    tags = TaggableManager(through=TaggedArticle, blank=True)
    people = models.ManyToManyField(Person, blank=True, related_name="articles")
    countries = models.ManyToManyField(Country, blank=True, related_name="articles")
    lead_image = CheckedImageField(
        upload_to=lead_image_path, blank=True, width_field="lead_image_width", height_field="lead_image_height"
    )
    lead_image_width = models.PositiveIntegerField(null=True, editable=False)
    lead_image_height = models.PositiveIntegerField(null=True, editable=False)
    lead_image_alt = models.CharField(
        "alt text", max_length=300, blank=True, help_text="What the photo shows, for readers who cannot see it."
    )
    lead_image_caption = models.CharField("caption", max_length=300, blank=True)
    lead_image_credit = models.CharField("credit", max_length=200, blank=True)
    editor_note = models.TextField(
        "editor's note", blank=True, help_text="For the desk only: never shown on the site."
    )
    # Indexed first in article_author_idx.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, editable=False, related_name="+",
        db_index=False,
    )
    # The fingerprint of the file it was last imported from, with the import's options
    # (importing.Importer.fingerprint): that file, imported again unchanged, is not read again.
    source_hash = models.CharField(max_length=64, blank=True, editable=False)
    # Optimistic locking: every save must name the version it started from (see save()).
    # Editable only so the admin form can carry it back, hidden, from the page an editor opened.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Filled on PostgreSQL only (see ArticleQuerySet.refresh_search_vectors); SQLite keeps
    # the column, as it accepts any type name, and leaves it empty.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ArticleManager()
    # body_html as read from the database (from_db); None for a story not saved yet.
    stored_body_html = None

    class Meta:
        # The primary key breaks ties so pages never shuffle stories published together.
        ordering = ["-published_at", "-pk"]
        get_latest_by = "published_at"
        # The primary key in the index lets a deep page skip its predecessors in the index alone.
        indexes = [
            models.Index(fields=["status", "-published_at", "-id"], name="article_order_idx"),
            # An import looks up a batch of files' fingerprints at once.
            models.Index(fields=["source_hash"], name="article_source_hash_idx"),
            # And the stories it imports, by source URL or by day and title ignoring case
            # (title__iexact): a lookup that reads one row, not the archive or a busy day.
            models.Index(fields=["source_url"], name="article_source_url_idx"),
            models.Index(F("published_on"), Upper("title"), name="article_day_title_idx"),
            # The desk's "my drafts": a contributor's own stories, newest first.
            models.Index(fields=["created_by", "status", "-published_at"], name="article_author_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["published_on", "slug"], name="article_slug_per_day"),
            models.CheckConstraint(condition=Q(status__in=ArticleStatus.values), name="article_status_valid"),
        ]
        permissions = [("publish_article", "Can publish, schedule and withdraw articles")]

    class Conflict(Exception):
        """Someone saved the article after this copy of it was read."""

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.derive_fields()
        if (update_fields := kwargs.get("update_fields")) is not None and {"body", "body_html"} & set(update_fields):
            # One body is derived from the other: they are saved together.
            kwargs["update_fields"] = {*update_fields, "body", "body_html"}
        if not self._state.adding:
            self.claim_version()
        new_image = bool(self.lead_image) and not self.lead_image._committed
        super().save(*args, **kwargs)
        if new_image:
            self.save_renditions()

    def derive_fields(self):
        """Fill what is computed from other fields, before every save (and bulk_create)."""
        self.clean_text()
        if not self.slug:
            self.slug = slug_of(self.title, 200, "story")
        self.derive_body()
        self.published_on = timezone.localdate(self.published_at)

    @classmethod
    def from_db(cls, db, field_names, values):
        article = super().from_db(db, field_names, values)
        # What derive_body compares with, to tell which of the two bodies was written since;
        # a body_html not read (only(), defer()) has not been written.
        article.stored_body_html = article.__dict__.get("body_html", UNREAD)
        return article

    def derive_body(self):
        """Make the two bodies agree. The formatted one, sanitised, wins where it was written
        (the desk's editor, a pending change); `body` is then its text, in its one canonical
        form, which statements' offsets, the sentence shown around each, revision diffs and
        exports all count in. Plain text written alone (an import, an older caller) becomes
        plain paragraphs."""
        written = self.stored_body_html is not UNREAD and self.body_html != self.stored_body_html
        if self.body_html and written:
            self.body_html = bodies.sanitized(self.body_html)
            self.body = bodies.text_of(self.body_html)
        else:
            self.body = canonical_body(self.body)
            if bodies.text_of(self.body_html) != self.body:
                self.body_html = bodies.from_text(self.body)
        self.stored_body_html = self.body_html

    def get_absolute_url(self):
        """/news/2023/05/06/<slug>/: its month's address, remembered (articles/links.py), with
        the day and slug added. Every list prints one per story, and a month's sitemap
        thousands, where reverse() took about 20 us each."""
        day = self.published_on
        return f"{link('articles:month', day.year, f'{day.month:02}')}{day.day:02}/{self.slug}/"

    def clean(self):
        # published_on is computed, not typed, so a form leaves it out of validation and
        # with it the (published_on, slug) constraint. Compute it here as save() does and
        # check the pair, so a clash is an error on the slug rather than an IntegrityError.
        if self.lead_image and not self.lead_image_alt.strip():
            raise ValidationError({"lead_image_alt": "Describe the photo for readers who cannot see it."})
        if self.published_at is None or not dates.is_kept(self.published_at.year):
            return  # the field's own error says what is wrong with it
        self.published_on = timezone.localdate(self.published_at)
        same_day = Article.objects.filter(published_on=self.published_on, slug=self.slug)
        if self.slug and same_day.exclude(pk=self.pk).exists():
            raise ValidationError(
                {"slug": f"Another article published on {self.published_on:%d %B %Y} has this slug."}
            )

    def natural_key(self):
        return (self.published_on.isoformat(), self.slug)

    def claim_version(self):
        """Move the row from the version this copy was read at to the next, or raise Conflict.

        One conditional UPDATE: of two saves that read the same version, the database lets
        exactly one match it, on SQLite and PostgreSQL alike, without holding locks while
        an editor types.
        """
        claimed = Article.objects.filter(pk=self.pk, version=self.version).update(version=F("version") + 1)
        if not claimed:
            raise Article.Conflict(f"{self} was saved by someone else since version {self.version}.")
        self.version += 1

    def publish(self):
        """Publish now, or at the publication time set for later (scheduled).

        A time already past is when the draft was started, not when readers got it: it
        becomes now, so the story takes its place at the top of the list.
        """
        now = timezone.now()
        if self.published_at <= now:
            self.published_at = now
        self.status = self.Status.PUBLISHED

    @property
    def tag_links(self):
        # Tags through a foreign key with no reverse accessor: this is how revisions follow them.
        return TaggedArticle.objects.filter(content_object=self)

    @property
    def state(self):
        if self.status == self.Status.PUBLISHED and self.published_at > timezone.now():
            return ArticleState.SCHEDULED
        return ArticleState(self.status)

    def is_editable_by(self, user):
        """Editors change any story; a contributor only their own, until it is published."""
        if not user.has_perm("articles.change_article"):
            return False
        if user.has_perm("articles.publish_article"):
            return True
        return self.created_by_id == user.pk and self.status in self.CONTRIBUTOR_STATUSES

    def rendition_name(self, width, extension):
        stem = self.lead_image.name.rsplit(".", 1)[0]
        return f"{stem}-{width}w.{extension}"

    def save_renditions(self):
        with self.lead_image.open("rb") as original:
            content = original.read()
        for rendition in images.renditions(content):
            self.lead_image.storage.save(
                self.rendition_name(rendition.width, rendition.extension), ContentFile(rendition.content)
            )

    @property
    def lead_image_thumbnail(self):
        """The address of the lead image's smallest copy, for the desk; None without a photo."""
        if not self.lead_image:
            return None
        smallest = min(images.RENDITION_WIDTHS)
        if (self.lead_image_width or 0) > smallest:
            return self.lead_image.storage.url(self.rendition_name(smallest, "webp"))
        return self.lead_image.url

    @property
    def lead_image_srcsets(self):
        """srcset values for the lead image: (WebP, fallback), from the file names alone."""
        if not self.lead_image:
            return None
        storage = self.lead_image.storage
        fallback = images.fallback_extension(self.lead_image.name.rsplit(".", 1)[-1])
        widths = [width for width in images.RENDITION_WIDTHS if width < self.lead_image_width]

        def srcset(kind):
            sources = [f"{storage.url(self.rendition_name(width, kind))} {width}w" for width in widths]
            return ", ".join(sources + [f"{self.lead_image.url} {self.lead_image_width}w"])

        return {"webp": srcset("webp"), "fallback": srcset(fallback)}

    @property
    def paragraphs(self):
        return self.body.split("\n\n") if self.body else []

    def more_from(self, shown=4):
        """[(Listing kind, what is listed, [stories])] for the story's section, its first speaker
        (or else first person named) and its first country: the latest `shown` other published
        stories of each, read from its list's index, then one query for the stories. Needs
        what for_detail() prefetches."""
        speaker = next((statement.speaker for statement in self.statements.all()), None)
        person = speaker or next(iter(self.people.all()), None)
        country = next(iter(self.countries.all()), None)
        lists = [(Listing.Kind.SECTION, self.section), (Listing.Kind.PERSON, person), (Listing.Kind.COUNTRY, country)]
        keys = {
            kind: list(Listing.objects.of(kind, listed.pk).public().exclude(article_id=self.pk).newest_first()
                       .values_list("article_id", flat=True)[:shown])
            for kind, listed in lists if listed is not None
        }
        # A link each: not their bodies.
        stories = Article.objects.published().only("title", "slug", "published_on").in_bulk(
            {key for ids in keys.values() for key in ids}
        )
        return [
            (kind, listed, [stories[key] for key in keys[kind] if key in stories])
            for kind, listed in lists if keys.get(kind)
        ]

    @property
    def marked_body(self):
        """The formatted body with the passages of the confirmed statements marked (see
        articles/passages.py), each followed by its speaker's name; needs `statements`
        prefetched, as for_detail() does."""
        marks = {}
        for number, passages in enumerate(marked_paragraphs(canonical_body(self.body), self.statements.all())):
            at = 0
            for passage in passages:
                if passage.statement:
                    marks.setdefault(number, []).append((at, at + len(passage.text), partial(passage_mark, passage.statement)))
                at += len(passage.text)
        return mark_safe(bodies.marked(self.body_html or bodies.from_text(canonical_body(self.body)), marks))

    @property
    def lede(self):
        """The summary, or the first paragraph when the editor wrote none."""
        return self.summary or self.body.partition("\n\n")[0]

    @property
    def share_image_url(self):
        """The path of the picture that stands for the story in link previews and JSON-LD:
        its lead image, else the portrait of the first speaker, then of the first person
        named, who has one, else the site's own (settings.SHARE_IMAGE). Needs what
        for_detail() prefetches."""
        if self.lead_image:
            return self.lead_image.url
        portraits = [statement.speaker.photo for statement in self.statements.all()]
        portraits += [person.photo for person in self.people.all()]
        photo = next((photo for photo in portraits if photo), None)
        return photo.url if photo else static(settings.SHARE_IMAGE)

    def structured_data(self, absolute):
        """schema.org NewsArticle for the story; `absolute` turns a path into a full URL.
        Needs what `for_detail()` prefetches."""
        url = absolute(self.get_absolute_url())
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "description": self.lede,
            "url": url,
            "mainEntityOfPage": url,
            "datePublished": self.published_at.isoformat(),
            "dateModified": self.updated_at.isoformat(),
            "articleSection": self.section.name,
            "keywords": [tag.name for tag in self.tags.all()],
            "publisher": {"@type": "Organization", "name": settings.SITE_NAME, "url": absolute("/")},
            "about": [
                {"@type": "Country", "name": country.name, "url": absolute(country.get_absolute_url())}
                for country in self.countries.all()
            ],
            "mentions": [person.structured_data(absolute) for person in self.people.all()],
        }
        if self.dateline:
            data["dateline"] = self.dateline
        data["image"] = [absolute(self.share_image_url)]
        return data

    @property
    def is_public(self):
        return self.state == ArticleState.PUBLISHED


class PendingChange(models.Model):
    """Changes to a live story's text, waiting for an editor to publish them: readers see the
    story as it is until then, and only the desk's preview shows it with them.

    Each changed field keeps the value it had when the change was saved beside the new one,
    so publishing can tell whether someone changed that field live since.
    """

    # The story's own text; its statements, tags and people are decided live.
    FIELDS = ["title", "summary", "body_html", "dateline", "lead_image_alt", "lead_image_caption", "lead_image_credit"]

    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="pending_change")
    # {field: [value when saved, pending value]}
    changes = models.JSONField()
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    saved_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Pending change to {self.article}"

    def applied_to(self, article):
        """`article` with the pending values, for a preview or a form: nothing is saved."""
        for field, (_, value) in self.changes.items():
            setattr(article, field, value)
        article.derive_body()
        return article

    def outdated_fields(self, article):
        """The fields someone changed live since this change was saved."""
        return [field for field, (before, _) in self.changes.items() if getattr(article, field) != before]


class Correction(CleanTextModel):
    """A dated note on what a published story got wrong; readers see every one."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="corrections")
    noted_at = models.DateTimeField("date", default=timezone.now, validators=[validate_kept_date])
    text = models.TextField(help_text="What was wrong and what the story says now.")

    class Meta:
        ordering = ["noted_at", "pk"]

    def __str__(self):
        return f"Correction of {timezone.localdate(self.noted_at):%d %B %Y}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # A correction changes the story: its modified time says so, for readers and feeds.
        Article.objects.filter(pk=self.article_id).update(updated_at=timezone.now())


def passage_mark(statement, first, last):
    """(opening, closing) markup around one piece of a statement's passage in the story: the
    first piece carries the id statements link to, the last is followed by who said it."""
    opening = format_html('<span class="passage" id="said-{}">', statement.position) if first else '<span class="passage">'
    if not last:
        return opening, "</span>"
    return opening, format_html(
        '</span> <a class="passage__speaker" href="{}"><span class="visually-hidden">said by </span>{}</a>',
        statement.speaker.get_absolute_url(), statement.speaker.name,
    )


def sentence_bounds(body, start, end):
    """(start, end) of the sentences of `body` around the span start:end, within its paragraph:
    what a statement was found in, cue and speaker included."""
    paragraph_start = body.rfind("\n\n", 0, start) + 1
    sentence_start = max(paragraph_start, body.rfind(". ", 0, start) + 1)
    paragraph_end = body.find("\n\n", end)
    sentence_end = body.find(". ", end - 1)
    ends = [found for found in (paragraph_end, sentence_end + 1 if sentence_end != -1 else -1) if found != -1]
    return sentence_start, max(min(ends, default=len(body)), end)


def skip_scan(model, column, condition, params):
    """The distinct values of `column` in the rows of `model` matching `condition` (SQL with
    `params`), in order, read from an index on it one value at a time: as many index lookups
    as there are values, however many rows share each. Both databases run it."""
    table, column = connection.ops.quote_name(model._meta.db_table), connection.ops.quote_name(column)
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH RECURSIVE found(value) AS ("
            f" SELECT min({column}) FROM {table} WHERE {condition}"
            f" UNION ALL SELECT (SELECT min({column}) FROM {table} WHERE {column} > found.value AND {condition})"
            f" FROM found WHERE found.value IS NOT NULL"
            f") SELECT value FROM found WHERE value IS NOT NULL",
            [*params, *params],
        )
        return [value for (value,) in cursor.fetchall()]


def statement_filters(prefix="", *, speaker=None, speaker_country=None, since=None, until=None, cue="", text=""):
    """The explorer's filters as a Q on statements, or on rows `prefix` leads to statements from."""
    conditions = Q()
    if speaker:
        conditions &= Q(**{f"{prefix}speaker": speaker})
    if speaker_country:
        conditions &= Q(**{f"{prefix}speaker_country": speaker_country})
    # Days in the newsroom's time zone, as stories are dated; public_from is the same on a
    # statement and on its lines.
    if since:
        conditions &= Q(**{f"{prefix}public_from__gte": local_midnight(since)})
    if until:
        conditions &= Q(**{f"{prefix}public_from__lt": local_midnight(until + timedelta(days=1))})
    if cue:
        conditions &= Q(**{f"{prefix}cue": cue})
    if text:
        conditions &= Q(**{f"{prefix}text__icontains": text})
    return conditions


class StatementQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(review=Statement.Review.CONFIRMED)

    def public(self):
        """Confirmed statements in articles the public can read (see Statement.public_from)."""
        return self.filter(review=Statement.Review.CONFIRMED, public_from__lte=timezone.now())

    def suggested(self):
        return self.filter(review=Statement.Review.SUGGESTED)

    def stories_waiting(self):
        """The ids of stories with suggestions waiting for an editor, newest story first: read
        from the suggestions' own index, however many confirmed statements there are."""
        return self.suggested().order_by("-article_id").values_list("article_id", flat=True).distinct()

    def set_review(self, review):
        """Confirm or reject these statements at once; returns how many.

        An update sends no signals, so what readers see of the stories (search documents,
        lists of statements) is refreshed here.
        """
        from .signals import changed  # signals import the models

        article_ids = set(self.values_list("article_id", flat=True))
        speakers = set(self.values_list("speaker_id", flat=True))
        # Confirming or rejecting is the check a changed sentence asked for.
        count = self.update(review=review, needs_check=False)
        if review == Statement.Review.CONFIRMED:
            # An editor who confirms what someone said has checked who they are.
            Person.objects.filter(pk__in=speakers).mark_checked()
        changed(article_ids)
        return count

    def matching(self, *, speaker=None, speaker_country=None, about=None, since=None, until=None,
                 cue="", text=""):
        """The statements passing every filter given; the explorer's filters, combined."""
        statements = self.filter(statement_filters(
            speaker=speaker, speaker_country=speaker_country, since=since, until=until, cue=cue, text=text
        ))
        if about:
            statements = statements.filter(pk__in=StatementAbout.objects.filter(country=about).values("statement"))
        return statements

    def matching_keys(self, *, about=None, **filters):
        """The keys of the public statements passing every filter, newest first, read from the
        index that narrows most: what was said about a country has an index of its own."""
        if not about:
            return self.public().matching(**filters).newest_first().values_list("pk", flat=True)
        lines = StatementAbout.objects.filter(
            statement_filters("statement__", **filters), country=about, public_from__lte=timezone.now(),
            statement__review=Statement.Review.CONFIRMED,
        )
        return lines.order_by("-public_from", "-statement__article_id", "statement__position").values_list(
            "statement_id", flat=True
        )

    def newest_first(self):
        return self.order_by("-public_from", "-article_id", "position")

    def public_cues(self):
        """The cues of public statements, in order, read from the cue index one value at a
        time (a "skip scan"), however many statements share each cue."""
        return skip_scan(Statement, "cue", "public_from <= %s AND review = %s",
                         [timezone.now(), Statement.Review.CONFIRMED])

    def with_countries_and_roles(self):
        """The countries each statement is about, and its speaker's roles with their countries,
        in one query each: a statement prints its speaker as "Foreign Minister, China"."""
        return self.prefetch_related("countries", models.Prefetch("speaker__roles", Role.objects.select_related("country")))

    def for_list(self):
        """Everything a list of statements prints: its story, speaker, role and countries."""
        return self.select_related("article", "speaker").with_countries_and_roles()

    def for_search(self):
        """What a search result prints of the statements matched in its story: who said them."""
        return self.select_related("speaker").order_by("position")


class StatementManager(models.Manager.from_queryset(StatementQuerySet)):
    def get_by_natural_key(self, published_on, slug, position):
        return self.get(article__published_on=published_on, article__slug=slug, position=position)


class StatementKind(models.TextChoices):
    INDIRECT = "indirect", "Reported speech"
    DIRECT = "direct", "Direct quote"
    MIXED = "mixed", "Partly quoted"


class StatementReview(models.TextChoices):
    SUGGESTED = "suggested", "Suggested, awaiting review"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


# public_from and speaker_country are copies kept by articles/listings.py, not part of a story's state.
@reversion.register(exclude=["public_from", "speaker_country"])
class Statement(CleanTextModel):
    """An attributed, reported utterance: who said what, in which story, about which countries."""

    Kind = StatementKind
    Review = StatementReview

    # Indexed first in statement_position_unique.
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="statements", db_index=False)
    position = models.PositiveIntegerField(help_text="Order within the article.")
    speaker = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="statements")
    speaker_title = models.CharField(
        max_length=200, blank=True, help_text="The speaker's title as printed in the story."
    )
    cue = models.CharField(
        "attribution verb", max_length=50, help_text='How it was said: "said", "pointed out", ...'
    )
    text = models.TextField()
    kind = models.CharField(max_length=10, choices=StatementKind, default=StatementKind.INDIRECT)
    countries = models.ManyToManyField(Country, blank=True, related_name="statements_about")
    audience = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        help_text="Whom it was said to.",
    )
    on_behalf_of = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        help_text="Whose words or greetings were relayed.",
    )
    paragraph = models.PositiveIntegerField(
        null=True, blank=True, help_text="Paragraph of the body it comes from, counting from 1."
    )
    # Where extraction found it in the body. A suggestion is known again by its span, so
    # re-extraction neither duplicates it nor brings it back once an editor rejected it.
    start = models.PositiveIntegerField(null=True, blank=True, editable=False)
    end = models.PositiveIntegerField(null=True, blank=True, editable=False)
    review = models.CharField(max_length=10, choices=StatementReview, default=StatementReview.CONFIRMED)
    needs_check = models.BooleanField(
        "sentence changed", default=False,
        help_text="The sentence this was found in was edited after it was confirmed: check the "
        "statement against the story, then untick.",
    )
    # Copies kept by articles/listings.py so that every public list of statements is one
    # index scan: the story's publication time while the statement is confirmed in a
    # published story (empty otherwise), and the speaker's country.
    public_from = models.DateTimeField(null=True, editable=False)
    speaker_country = models.ForeignKey(
        Country, on_delete=models.SET_NULL, null=True, editable=False, related_name="+"
    )

    objects = StatementManager()

    class Meta:
        ordering = ["article", "position"]
        indexes = [
            # One per filter of the statements explorer, each in its newest-first order.
            models.Index(fields=["-public_from", "-article", "position"], name="statement_public_idx",
                         condition=Q(public_from__isnull=False)),
            models.Index(fields=["speaker", "-public_from"], name="statement_speaker_idx",
                         condition=Q(public_from__isnull=False)),
            models.Index(fields=["speaker_country", "-public_from"], name="statement_speaker_country_idx",
                         condition=Q(public_from__isnull=False)),
            models.Index(fields=["cue", "-public_from"], name="statement_cue_idx",
                         condition=Q(public_from__isnull=False)),
            # The desk's stories with suggestions waiting: as many entries as suggestions.
            models.Index(fields=["-article"], name="statement_suggested_idx",
                         condition=Q(review=StatementReview.SUGGESTED)),
        ]
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="statement_position_unique"),
            models.CheckConstraint(condition=Q(kind__in=StatementKind.values), name="statement_kind_valid"),
            models.CheckConstraint(condition=Q(review__in=StatementReview.values), name="statement_review_valid"),
        ]
        permissions = [("confirm_statement", "Can confirm statements for publication")]

    def __str__(self):
        return f"{self.speaker} {self.cue}: {self.text[:60]}"

    def natural_key(self):
        return (*self.article.natural_key(), self.position)

    natural_key.dependencies = ["articles.article"]

    @property
    def is_direct(self):
        return self.kind == self.Kind.DIRECT

    def found_in(self):
        """(before, span, after): the sentence of the body extraction found this statement
        in, split around it; None for a statement typed by hand or a body since rewritten."""
        body = self.article.body
        if self.start is None or self.end is None or self.end > len(body):
            return None
        sentence_start, sentence_end = sentence_bounds(body, self.start, self.end)
        return (
            body[sentence_start:self.start].lstrip(),
            body[self.start:self.end],
            body[self.end:sentence_end],
        )

    @property
    def speaker_role(self):
        """The role the speaker held on the article's date (needs `speaker__roles` prefetched)."""
        return self.speaker.role_on(self.article.published_on)


class ListingKind(models.TextChoices):
    SECTION = "section"
    TAG = "tag"
    PERSON = "person"
    COUNTRY = "country"
    RELATION = "relation"


class ListingQuerySet(models.QuerySet):
    def public(self):
        """Lines the public may see: the story's publication time has come."""
        return self.filter(public_from__lte=timezone.now())

    def of(self, kind, key):
        return self.filter(kind=kind, key=str(key))

    def newest_first(self):
        return self.order_by("-public_from", "-article_id")


class Listing(models.Model):
    """A published story's line in one of the public lists: a section's, a tag's, a person's,
    a country's, or a pair of countries'.

    Derived from the stories by articles/listings.py, which rewrites an article's lines
    whenever it changes, so that any page of any list is one index scan however large the
    archive. Lines exist only while the story is published; a scheduled story's line waits
    for its time through `public()`.
    """

    Kind = ListingKind

    kind = models.CharField(max_length=10, choices=ListingKind)
    # The listed thing's primary key; for a pair of countries both, the lower first ("12-40").
    key = models.CharField(max_length=30)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    public_from = models.DateTimeField()

    objects = ListingQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["kind", "key", "-public_from", "-article"], name="listing_order_idx")]
        constraints = [
            models.UniqueConstraint(fields=["kind", "key", "article"], name="listing_unique"),
            models.CheckConstraint(condition=Q(kind__in=ListingKind.values), name="listing_kind_valid"),
        ]

    def __str__(self):
        return f"{self.kind} {self.key}: article {self.article_id}"


class StatementAbout(models.Model):
    """A public statement's line in the list of what was said about a country (derived, as Listing)."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="+")
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="+")
    public_from = models.DateTimeField()
    # The statement's speaker_country: what passed between two countries is then counted from
    # these lines alone, not by reading each statement they lead to. Read beside `country`
    # only, through statement_about_idx, so it has no index of its own.
    speaker_country = models.ForeignKey(Country, on_delete=models.SET_NULL, null=True, related_name="+", db_index=False)

    class Meta:
        indexes = [models.Index(fields=["country", "-public_from"], name="statement_about_idx")]
        constraints = [models.UniqueConstraint(fields=["statement", "country"], name="statement_about_unique")]

    def __str__(self):
        return f"statement {self.statement_id} about {self.country_id}"


class Tally(models.Model):
    """Published stories and statements in one month of one list (a Listing kind and key, or
    every story: kind "all"), so that counts and charts never count the archive row by row.

    Kept by articles/listings.py, which recounts a month whenever a story in it changes. It
    counts published stories whatever their time; the readers in listings.py count this
    month from the listings instead, leaving out stories still scheduled.
    """

    ALL = "all"

    kind = models.CharField(max_length=10)
    key = models.CharField(max_length=30, blank=True)
    month = models.DateField(help_text="First day of the month, in the newsroom's time zone.")
    stories = models.PositiveIntegerField(default=0)
    statements = models.PositiveIntegerField(default=0)
    last_modified = models.DateTimeField(null=True)

    class Meta:
        # On PostgreSQL, tally_totals_idx (migration 0029) also holds the counts, for totals.
        constraints = [models.UniqueConstraint(fields=["kind", "key", "month"], name="tally_unique")]
        verbose_name_plural = "tallies"

    def __str__(self):
        return f"{self.kind} {self.key} {self.month:%Y-%m}: {self.stories} stories"


class FirstTally(models.Model):
    """The first month each person, country, tag or section has published stories in, so that
    who has a page at all (listings.listed) is one small table, not a probe of every list's
    months. Kept by articles/listings.py with the tallies."""

    kind = models.CharField(max_length=10)
    key = models.CharField(max_length=30)
    month = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="first_tally_unique")]

    def __str__(self):
        return f"{self.kind} {self.key} since {self.month:%Y-%m}"


class RevisionSource(models.Model):
    """Where a revision came from, beside django-reversion's who and when."""

    class Source(models.TextChoices):
        ADMIN = "admin"
        IMPORT = "import"
        COMMAND = "command"

    revision = models.OneToOneField(Revision, on_delete=models.CASCADE, related_name="source")
    source = models.CharField(max_length=10, choices=Source)

    def __str__(self):
        return self.get_source_display()


class MovedPageQuerySet(models.QuerySet):
    def move(self, old_path, new_path):
        """Send `old_path` to `new_path` for good; pages that led to the old one follow."""
        self.filter(new_path=old_path).update(new_path=new_path)
        self.update_or_create(old_path=old_path, defaults={"new_path": new_path})


class MovedPage(CleanTextModel):
    """An address that moved for good, such as a merged tag's or person's page."""

    old_path = models.CharField(max_length=300, unique=True)
    new_path = models.CharField(max_length=300)

    objects = MovedPageQuerySet.as_manager()

    def __str__(self):
        return f"{self.old_path} → {self.new_path}"
