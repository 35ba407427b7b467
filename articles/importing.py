"""Importing story files into the newsroom and exporting articles back to them.

A story is recognised when it is imported again by its natural key: the source URL
when one is given, otherwise its title (ignoring case) and its publication date in the
newsroom's time zone. Re-importing updates that article in place.
"""

import sys
from collections import Counter
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from .models import Article, RevisionSource, free_slug
from .revisions import record_story
from .signals import search_refresh_deferred
from .storyfile import Story, StoryFormatError, read_story, render_story
from .suggestions import SuggestionCounts, Suggester

DEFAULT_SECTION = "News"
STDIN = "-"


@dataclass(frozen=True)
class Outcome:
    source: str
    result: str  # "created", "updated", "unchanged" or "error"
    article: Article | None = None
    error: str = ""
    suggested: SuggestionCounts | None = None

    def __str__(self):
        if self.result == "error":
            return f"error      {self.source}: {self.error}"
        line = f"{self.result:<10} {self.source}: {self.article.title} ({self.article.published_on})"
        return line if self.suggested is None else f"{line}; {self.suggested}"


@dataclass
class ImportReport:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def counts(self):
        return Counter(outcome.result for outcome in self.outcomes)

    @property
    def failed(self):
        return self.counts["error"]

    def summary(self):
        counts = self.counts
        return (
            f"{counts['created']} created, {counts['updated']} updated, "
            f"{counts['unchanged']} unchanged, {counts['error']} failed"
        )


def story_sources(paths):
    """Yield (name, open) for each story: files as given, directories searched for *.txt
    recursively, "-" for standard input. `open` is None for a path that does not exist."""
    for raw_path in paths:
        path = Path(raw_path)
        if raw_path == STDIN:
            # Standard input is not ours to close.
            yield STDIN, lambda: nullcontext(sys.stdin.buffer)
        elif path.is_dir():
            for story_path in sorted(path.rglob("*.txt")):
                yield str(story_path), partial(story_path.open, "rb")
        elif path.is_file():
            yield str(path), partial(path.open, "rb")
        else:
            yield str(path), None


def import_paths(paths, *, status=None, section=None, source_url="", dry_run=False):
    """Import every story found under `paths`; one bad file never stops the others."""
    report = ImportReport()
    suggester = None
    for source, open_stream in story_sources(paths):
        if open_stream is None:
            report.outcomes.append(Outcome(source, "error", error="no such file or directory"))
            continue
        try:
            with open_stream() as stream:
                story = read_story(stream)
        except StoryFormatError as error:
            report.outcomes.append(Outcome(source, "error", error=str(error)))
            continue
        except OSError as error:
            report.outcomes.append(Outcome(source, "error", error=error.strerror or str(error)))
            continue
        # Built once, on the first story: compiling the gazetteer is the costly part.
        suggester = suggester or Suggester()
        result, article, suggested = import_story(
            story, status=status, section=section, source_url=source_url, dry_run=dry_run,
            suggester=suggester,
        )
        report.outcomes.append(Outcome(source, result, article, suggested=suggested))
    return report


def import_story(story: Story, *, status=None, section=None, source_url="", dry_run=False, suggester=None):
    """Create or update the article for `story`, with suggestions for its people, countries
    and statements, atomically. Returns (result, article, suggestion counts or None).

    `status` applies to new articles (draft when None) and, when given, to existing ones;
    an editor's publication decision is never undone by a plain re-import.
    """
    suggester = suggester or Suggester()
    with transaction.atomic():
        with search_refresh_deferred(), suggester.provisionally() if dry_run else nullcontext():
            result, article, suggested = save_story(story, status, section, source_url, suggester)
        if dry_run:
            transaction.set_rollback(True)
        elif result != "unchanged":
            # Once the story is whole, not at each step of saving it.
            record_story(article, RevisionSource.Source.IMPORT, "Imported from a story file.")
    return result, article, suggested


def save_story(story, status, section, source_url, suggester):
    published_at = timezone.make_aware(story.published_at)
    article = find_imported(story.title, timezone.localdate(published_at), source_url)
    created = article is None
    if created:
        article = Article(status=status or Article.Status.DRAFT)
    before = snapshot(article)
    article.title = story.title
    article.body = story.body
    article.published_at = published_at
    article.section = suggester.section_named(section or story.section or DEFAULT_SECTION)
    if source_url:
        article.source_url = source_url
    if status:
        article.status = status
    if not created and snapshot(article) == before:
        return "unchanged", article, None
    if created:
        article.slug = story_slug(story.title, timezone.localdate(published_at))
    article.save()
    return ("created" if created else "updated"), article, suggester.suggest(article, new=created)


def find_imported(title, published_on, source_url=""):
    articles = Article.objects.select_related("section")
    if source_url:
        return articles.filter(source_url=source_url).first()
    return articles.filter(published_on=published_on, title__iexact=title).first()


def snapshot(article):
    """The fields an import writes, to tell an update from a no-op."""
    return (
        article.title,
        article.body,
        article.published_at,
        article.section_id,
        article.source_url,
        article.status,
    )


def story_slug(title, published_on):
    """The title's slug, numbered when another story that day already has it."""
    taken = Article.objects.filter(published_on=published_on, slug__startswith=slugify(title)[:190])
    return free_slug(title, set(taken.values_list("slug", flat=True)), "story")


def story_of(article):
    """The article as a story file would hold it."""
    return Story(
        title=article.title,
        published_at=timezone.localtime(article.published_at).replace(tzinfo=None, second=0, microsecond=0),
        paragraphs=tuple(article.paragraphs),
        section=article.section.name,
    )


def export_articles(articles, directory):
    """Write each article to `directory` as <date>-<slug>.txt; returns the paths written."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for article in articles.select_related("section"):
        path = directory / f"{article.published_on}-{article.slug}.txt"
        path.write_text(render_story(story_of(article)), encoding="utf-8")
        written.append(path)
    return written
