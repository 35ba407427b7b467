"""Each saved state of a story, read back from django-reversion, and what changed between two.

One reversion revision holds the article with its statements and tag links (see the
`follow` on Article), so a story's state is read from one revision and compared as the
desk thinks of it: field by field, one line per statement, the tags as one list.
"""

import difflib
import json
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Field, QuerySet
from django.utils import timezone
from django.utils.encoding import is_protected_type
from reversion.models import Revision, Version
from reversion.revisions import _get_options as reversion_options
from taggit.models import Tag

from . import bodies
from .bulk import RowWriter
from .models import Article, ArticleStatus, Country, Person, RevisionSource, Section, Statement, TaggedArticle, canonical_body

# The fields an editor reads, in the order of the form; bookkeeping (version, times) is left out.
FIELDS = [
    "title", "slug", "section", "summary", "body", "tags", "status", "published_at", "lead_image",
    "lead_image_alt", "lead_image_caption", "lead_image_credit", "dateline", "event_date", "people",
    "countries", "source_name", "source_url", "language", "editor_note",
]


@dataclass(frozen=True)
class Change:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class Entry:
    """One line of an article's history: a revision, and what it changed from the one before."""

    version: Version
    changes: list

    @property
    def revision(self):
        return self.version.revision

    @property
    def source(self):
        try:
            return self.revision.source.get_source_display()
        except RevisionSource.DoesNotExist:
            return ""


def record(source):
    """Note where the revision being recorded comes from (admin, import, command)."""
    reversion.add_meta(RevisionSource, source=source)


def record_stories(articles, source, comment, *, user=None):
    """Record a revision of each article as it is now, with its statements and tag links.

    For code that saves stories by the hundred, or in several steps (saving a story, linking
    people and countries, adding statements): each step recorded as it happens would
    serialise the story again, and `reversion.create_revision()` spends a handful of queries
    on each revision. This writes the same revisions, one per article, in a fixed number of
    queries however many articles there are.
    """
    articles = list(articles)
    if not articles:
        return
    statements, tag_links = defaultdict(list), defaultdict(list)
    stories_statements = Statement.objects.filter(article__in=articles)
    # Speakers prefetched for each statement's description: a few people, not a copy per statement.
    for statement in stories_statements.order_by("position").prefetch_related("speaker"):
        statements[statement.article_id].append(statement)
    for link in TaggedArticle.objects.filter(content_object__in=articles).select_related("tag"):
        tag_links[link.content_object_id].append(link)

    now = timezone.now()
    revisions = Revision.objects.bulk_create(Revision(date_created=now, comment=comment, user=user) for _ in articles)
    contents = defaultdict(list)  # model: [(revision, object)]
    for revision, article in zip(revisions, articles):
        for link in tag_links[article.pk]:
            link.content_object = article
        for obj in [article, *statements[article.pk], *tag_links[article.pk]]:
            contents[type(obj)].append((revision, obj))
    # The statements' countries asked for by their stories' keys: a hundred, not thousands.
    among = {Statement: stories_statements}
    RowWriter().write(Version, [
        version for model, entries in contents.items() for version in versions_of(model, entries, among.get(model))
    ])
    RevisionSource.objects.bulk_create(RevisionSource(revision=revision, source=source) for revision in revisions)


def versions_of(model, entries, among=None):
    """The Version rows `reversion.create_revision()` would record for (revision, object) pairs,
    as RowWriter takes them; `among`, a query of the objects, when there are many of them.

    Every story model is registered in django-reversion's default format, JSON, and with its
    default fields; the serialising is done once for all objects, not once for each.
    """
    options = reversion_options(model)
    if options.format != "json" or options.use_natural_foreign_keys:
        raise ImproperlyConfigured(f"{model.__name__} is recorded in bulk, so it keeps django-reversion's defaults.")
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=options.for_concrete_model)
    objects = [obj for _, obj in entries]
    related = many_to_many_pks(model, objects if among is None else among, options.fields)
    for (revision, obj), data in zip(entries, serialized(model, objects, options.fields, related)):
        yield {
            "revision_id": revision.pk,
            "content_type_id": content_type.pk,
            "object_id": str(obj.pk),
            "db": obj._state.db,
            "format": options.format,
            "serialized_data": json.dumps([data], cls=DjangoJSONEncoder, ensure_ascii=False),
            "object_repr": str(obj),
        }


def many_to_many_pks(model, objects, field_names):
    """{field name: {object pk: [related pks]}} for `objects` (a list, or a query of them), one
    query per many-to-many field."""
    pks = objects.values("pk") if isinstance(objects, QuerySet) else [obj.pk for obj in objects]
    related = {}
    for field in model._meta.local_many_to_many:
        through = field.remote_field.through
        if field.name not in field_names or not through._meta.auto_created:
            continue
        source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        related[field.name] = defaultdict(list)
        for obj_pk, related_pk in through.objects.filter(**{f"{source}__in": pks}).values_list(source, target).order_by(source, target):
            related[field.name][obj_pk].append(related_pk)
    return related


def serialized(model, objects, field_names, many_to_many_pks):
    """What Django's python serializer makes of each of `objects` with `field_names`, as
    django-reversion asks it, given the many-to-many values beforehand (the serializer
    runs a query for each many-to-many field of each object). How each field is written
    is worked out once for all the objects: an import records thousands of them."""
    fields = _written_fields(model, frozenset(field_names))
    label = str(model._meta)
    pk_field = model._meta.pk
    for obj in objects:
        written = {field.name: _written(obj, field, plain) for field, plain in fields}
        for name, pks in many_to_many_pks.items():
            written[name] = pks.get(obj.pk, [])
        yield {"model": label, "pk": _written(obj, pk_field, False), "fields": written}


@lru_cache(maxsize=None)
def _written_fields(model, field_names):
    """[(field, plain)]: the concrete fields the serializer writes, in its order; `plain` when
    the field keeps Field's own ways of reading and writing its value."""
    fields = []
    for field in model._meta.concrete_model._meta.local_fields:
        name = field.attname if field.remote_field is None else field.attname[:-3]
        if field.serialize and name in field_names:
            plain = (type(field).value_from_object is Field.value_from_object
                     and type(field).value_to_string is Field.value_to_string)
            fields.append((field, plain))
    return fields


def _written(obj, field, plain):
    """A field's value as the serializer writes it: as it is for None, numbers and dates,
    else as text (Serializer._value_from_field)."""
    value = getattr(obj, field.attname) if plain else field.value_from_object(obj)
    if is_protected_type(value):
        return value
    return str(value) if plain else field.value_to_string(obj)


def history(article):
    """Every revision of `article`, oldest first, each with what it changed."""
    versions = list(
        Version.objects.get_for_object(article)
        .select_related("revision__user", "revision__source")
        .order_by("pk")
    )
    entries, before = [], {}
    for version, story in zip(versions, stories_in(versions)):
        entries.append(Entry(version, diff(before, story) if before else []))
        before = story
    return entries


def changes_since(article, version_number):
    """What was saved after the editor opened `article` at `version_number`, with who saved it.

    Returns (changes, names of whoever saved since); the changes are empty when the opened
    version was never recorded (a story from before revisions were kept).
    """
    versions = list(Version.objects.get_for_object(article).select_related("revision__user").order_by("pk"))
    opened = next((v for v in versions if v.field_dict.get("version") == version_number), None)
    later = [v for v in versions if opened is None or v.pk > opened.pk]
    names = sorted({v.revision.user.get_username() for v in later if v.revision.user} or {"an import"})
    if opened is None or not later:
        return [], names
    return diff(*stories_in([opened, later[-1]])), names


def stories_in(versions):
    """The story as each of `versions` of an article (and the rest of its revision) recorded
    it, as text; a fixed number of queries however many versions."""
    recorded_with = defaultdict(list)
    revisions = {version.revision_id for version in versions}
    for other in Version.objects.filter(revision_id__in=revisions).select_related("content_type"):
        recorded_with[other.revision_id].append(other)
    statement_type = ContentType.objects.get_for_model(Statement)
    link_type = ContentType.objects.get_for_model(TaggedArticle)
    recorded = []
    for version in versions:
        others = recorded_with[version.revision_id]
        statements = [
            v.field_dict for v in others
            if v.content_type_id == statement_type.pk and str(v.field_dict["article_id"]) == version.object_id
        ]
        tag_ids = [
            v.field_dict["tag_id"] for v in others
            if v.content_type_id == link_type.pk and str(v.field_dict["content_object_id"]) == version.object_id
        ]
        recorded.append((version.field_dict, statements, tag_ids))
    # The names of what the versions point to, read once for all of them.
    names = Names(
        people=Person.objects.in_bulk({
            pk for fields, statements, _ in recorded
            for pk in [*fields.get("people", []), *(statement["speaker_id"] for statement in statements)]
        }),
        tags=Tag.objects.in_bulk({pk for _, _, tag_ids in recorded for pk in tag_ids}),
        sections=Section.objects.in_bulk({fields["section_id"] for fields, _, _ in recorded}),
        countries=Country.objects.in_bulk({pk for fields, _, _ in recorded for pk in fields.get("countries", [])}),
    )
    return [story_text(fields, statements, tag_ids, names) for fields, statements, tag_ids in recorded]


@dataclass(frozen=True)
class Names:
    people: dict
    tags: dict
    sections: dict
    countries: dict


def story_text(fields, statements, tag_ids, names):
    """One recorded state of a story, as {label: text}, one line per statement."""
    people = names.people
    story = {}
    for name in FIELDS:
        label = Article._meta.get_field(name).verbose_name.capitalize()
        if name == "tags":
            story[label] = ", ".join(sorted(names.tags[pk].name for pk in tag_ids if pk in names.tags))
        elif name == "section":
            section = names.sections.get(fields["section_id"])
            story[label] = section.name if section else ""
        elif name == "people":
            story[label] = ", ".join(sorted(str(people.get(pk, f"#{pk}")) for pk in fields.get("people", [])))
        elif name == "body":
            # Revisions recorded before bodies were stored in their one form may hold CRLF.
            story[label] = canonical_body(fields["body"])
        elif name == "status":
            story[label] = ArticleStatus(fields["status"]).label
        elif name == "countries":
            story[label] = ", ".join(sorted(
                names.countries[pk].name for pk in fields.get("countries", []) if pk in names.countries))
        else:
            story[label] = _text(fields.get(name))
    for statement in sorted(statements, key=lambda s: s["position"]):
        speaker = people.get(statement["speaker_id"], f"#{statement['speaker_id']}")
        review = Statement.Review(statement["review"]).label.lower()
        story[f"Statement {statement['position']}"] = (
            f"{speaker} {statement['cue']}: {statement['text']} ({review})"
        )
    return story


def diff(before, after):
    changes = []
    for label in list(after) + [label for label in before if label not in after]:
        old, new = before.get(label, ""), after.get(label, "")
        if old == new:
            continue
        if label == "Body":
            old, new = _changed_paragraphs(old, new)
        changes.append(Change(label, old, new))
    return changes


def _text(value):
    if value is None or value == "":
        return ""
    if hasattr(value, "tzinfo"):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _changed_paragraphs(old, new):
    """Only the paragraphs that differ, so a one-word fix in a long story stays readable."""
    old_paragraphs, new_paragraphs = old.split("\n\n"), new.split("\n\n")
    removed, added = [], []
    matcher = difflib.SequenceMatcher(a=old_paragraphs, b=new_paragraphs, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            removed += old_paragraphs[i1:i2]
            added += new_paragraphs[j1:j2]
    return "\n\n".join(removed), "\n\n".join(added)


def pending_changes(pending):
    """What a pending change would change in its live story, field by field, as the history
    shows each revision's changes."""
    changes = []
    for name, (before, after) in pending.changes.items():
        if name == "body_html":
            # Read as the history reads a body: the paragraphs of its text that changed.
            before, after = _changed_paragraphs(bodies.text_of(before), bodies.text_of(after))
        elif name == "body":  # saved before bodies were formatted
            before, after = _changed_paragraphs(before, after)
        changes.append(Change(Article._meta.get_field(name).verbose_name.capitalize(), before, after))
    return changes
