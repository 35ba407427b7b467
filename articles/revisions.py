"""Each saved state of a story, read back from django-reversion, and what changed between two.

One reversion revision holds the article with its statements and tag links (see the
`follow` on Article), so a story's state is read from one revision and compared as the
desk thinks of it: field by field, one line per statement, the tags as one list.
"""

import difflib
from dataclasses import dataclass

import reversion
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from reversion.models import Version
from taggit.models import Tag

from .models import PARAGRAPH_BREAK, Article, ArticleStatus, Country, Person, RevisionSource, Section, Statement, TaggedArticle

# The fields an editor reads, in the order of the form; bookkeeping (version, times) is left out.
FIELDS = [
    "title", "slug", "section", "summary", "body", "tags", "status", "published_at", "lead_image",
    "lead_image_alt", "lead_image_caption", "lead_image_credit", "dateline", "event_date", "people",
    "countries", "source_name", "source_url", "editor_note",
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


def record_story(article, source, comment):
    """Record a revision of `article` as it is now, with its statements, in one go.

    For code that changes a story in several steps (saving it, linking people and countries,
    adding statements): recorded while they happen, each step would serialise the story again.
    """
    # Serialising reads every statement with its speaker and countries: one query each, not one per row.
    prefetch_related_objects(
        [article],
        "people",
        "countries",
        Prefetch("statements", Statement.objects.select_related("speaker").prefetch_related("countries")),
    )
    with reversion.create_revision():
        record(source)
        reversion.set_comment(comment)
        reversion.add_to_revision(article)


def history(article):
    """Every revision of `article`, oldest first, each with what it changed."""
    versions = list(
        Version.objects.get_for_object(article)
        .select_related("revision__user", "revision__source")
        .order_by("pk")
    )
    entries, before = [], {}
    for version in versions:
        story = story_in(version)
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
    return diff(story_in(opened), story_in(later[-1])), names


def story_in(version):
    """The story as `version` of the article (and the rest of its revision) recorded it, as text."""
    fields = version.field_dict
    versions = list(version.revision.version_set.select_related("content_type"))
    statement_type = ContentType.objects.get_for_model(Statement)
    link_type = ContentType.objects.get_for_model(TaggedArticle)
    statements = [
        v.field_dict for v in versions
        if v.content_type_id == statement_type.pk and str(v.field_dict["article_id"]) == version.object_id
    ]
    tag_ids = [
        v.field_dict["tag_id"] for v in versions
        if v.content_type_id == link_type.pk and str(v.field_dict["content_object_id"]) == version.object_id
    ]
    people = Person.objects.in_bulk(
        set(fields.get("people", [])) | {s["speaker_id"] for s in statements}
    )
    story = {}
    for name in FIELDS:
        label = Article._meta.get_field(name).verbose_name.capitalize()
        if name == "tags":
            story[label] = ", ".join(sorted(tag.name for tag in Tag.objects.filter(pk__in=tag_ids)))
        elif name == "section":
            section = Section.objects.filter(pk=fields["section_id"]).first()
            story[label] = section.name if section else ""
        elif name == "people":
            story[label] = ", ".join(sorted(str(people.get(pk, f"#{pk}")) for pk in fields.get("people", [])))
        elif name == "body":
            # Paragraph by paragraph: a browser's CRLF line ends are not a change to the story.
            story[label] = "\n\n".join(p.strip() for p in PARAGRAPH_BREAK.split(fields["body"]) if p.strip())
        elif name == "status":
            story[label] = ArticleStatus(fields["status"]).label
        elif name == "countries":
            story[label] = ", ".join(sorted(c.name for c in Country.objects.filter(pk__in=fields.get("countries", []))))
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
