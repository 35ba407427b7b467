"""Importing story files and saved web pages into the newsroom, and exporting articles back
to story files.

A story is recognised when it is imported again by its natural key: its source URL when
it has one (given with it, or the page's canonical address), otherwise its title
(ignoring case) and its publication date in the newsroom's time zone. Re-importing
updates that article in place.

A story not in English is imported with its language and without extraction: the rules
read English only.

A file is also recognised by its fingerprint: a hash of its bytes and of the options it is
imported with, kept with the story it made. A file imported again unchanged, with the same
options, is reported unchanged without being read as a story, so a large import run again
(after it was interrupted, or with new files added to its folder) only reads the new and
changed files. What an editor changed in the story since is kept.

Stories are read, and their people, countries and statements found, ahead of saving
(articles/preparing.py), in worker processes when the import is given more than one.
"""

import hashlib
import os
import stat
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from pathlib import Path

from django.core.exceptions import ObjectDoesNotExist
from django.db import DatabaseError, connections, transaction
from django.db.models import Q
from django.utils import timezone

from . import planner
from .language import ENGLISH
from .models import Article, RevisionSource, Section, folded_name, free_slug, slug_base
from .preparing import Preparer, Reading, StoryFile
from .revisions import record_stories
from .signals import changed, changes_deferred
from .storyfile import DATED_BY_ADDRESS, DATED_BY_GIVEN, Story, StoryFormatError, render_story
from .suggestions import SuggestionCounts, Suggester
from .webpage import MAX_PAGE_BYTES, PAGE_SUFFIXES, TEXT_SUFFIXES

STDIN = "-"
STORY_SUFFIXES = TEXT_SUFFIXES + PAGE_SUFFIXES
DATE_NOTES = {DATED_BY_ADDRESS: "date from the source URL", DATED_BY_GIVEN: "date as given"}


@dataclass(frozen=True)
class Outcome:
    source: str
    result: str  # "created", "updated", "unchanged" or "error"
    article: Article | None = None
    error: str = ""
    suggested: SuggestionCounts | None = None
    dated_by: str = ""
    unknown_breadcrumb: str = ""  # a breadcrumb naming no section: the story went to the default

    def __str__(self):
        if self.result == "error":
            return f"error      {self.source}: {self.error}"
        notes = "".join(f"; {note}" for note in self.notes)
        return f"{self.result:<10} {self.source}: {self.article.title} ({self.article.published_on}){notes}"

    @property
    def notes(self):
        """What the editor should know beyond the title and date."""
        if self.article is None:
            return []
        notes = [DATE_NOTES[self.dated_by]] if self.dated_by in DATE_NOTES else []
        if not self.in_english:
            notes.append(f"language {self.article.language}, imported without extraction")
        elif self.suggested is not None:
            notes.append(str(self.suggested))
        return notes

    @property
    def in_english(self):
        return self.article is None or self.article.language == ENGLISH

    @property
    def needs_attention(self):
        """A file that failed, or a story whose date an editor should check: it was not in its text."""
        return self.result == "error" or self.dated_by in DATE_NOTES


@dataclass
class ImportReport:
    """How many stories had each result, and every outcome unless `on_outcome` takes them
    as they come: an archive of a hundred thousand stories is reported without holding them."""

    on_outcome: Callable[[Outcome], None] | None = None
    counts: Counter = field(default_factory=Counter)
    outcomes: list[Outcome] = field(default_factory=list)
    not_in_english: int = 0
    # {breadcrumb: stories} of the breadcrumbs no section is called.
    unknown_breadcrumbs: Counter = field(default_factory=Counter)
    # The section their stories went to instead (the default, or the one given).
    filed_under: str = ""

    def add(self, outcome):
        self.counts[outcome.result] += 1
        if outcome.unknown_breadcrumb:
            self.unknown_breadcrumbs[outcome.unknown_breadcrumb] += 1
            self.filed_under = outcome.article.section.name
        if outcome.article is not None and not outcome.in_english:
            self.not_in_english += 1
        if self.on_outcome is None:
            self.outcomes.append(outcome)
        else:
            self.on_outcome(outcome)

    @property
    def failed(self):
        return self.counts["error"]

    @property
    def total(self):
        return sum(self.counts.values())

    @property
    def written(self):
        return self.counts["created"] + self.counts["updated"]

    def summary(self):
        counts = self.counts
        return (
            f"{counts['created']} created, {counts['updated']} updated, "
            f"{counts['unchanged']} unchanged, {counts['error']} failed"
        )

    def unknown_breadcrumbs_note(self):
        """What to do about breadcrumbs no section is called, or "" when there were none."""
        if not self.unknown_breadcrumbs:
            return ""
        named = ", ".join(f"{breadcrumb} ({stories})" for breadcrumb, stories in self.unknown_breadcrumbs.most_common())
        return (f"Filed under {self.filed_under}, as no section is called by their breadcrumb: {named}. "
                "Add these breadcrumbs as aliases of a section to file their stories there.")


def story_sources(paths):
    """Yield (name, open, problem) for each story: `open` for a file to read, or the
    `problem` that keeps it unread. Files are read as given, directories are searched
    recursively for *.txt, *.html and *.htm, and "-" is standard input.

    Only regular files are opened: a named pipe would block the import forever and a
    device never ends. In a directory, a link is followed only while it stays inside it,
    so a link to /etc/passwd dropped in a story folder is not read.
    """
    for raw_path in paths:
        path = Path(raw_path)
        if raw_path == STDIN:
            # Standard input is not ours to close.
            yield STDIN, lambda: nullcontext(sys.stdin.buffer), ""
        elif path.is_dir():
            yield from folder_stories(path)
        elif path.exists():
            yield str(path), *regular_file(path, follow=True)
        else:
            yield str(path), None, "no such file or directory"


def folder_stories(folder):
    root = folder.resolve()
    # Not Path.rglob, which follows links to files wherever they lead; and names as plain
    # strings, listed a directory at a time: for 100,000 files, 13 MB rather than 65.
    names = sorted(
        os.path.join(directory, name)
        for directory, _, files in os.walk(folder)
        for name in files
        if os.path.splitext(name)[1].lower() in STORY_SUFFIXES
    )
    for name in names:
        path = Path(name)
        if path.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(root):
                yield str(path), None, f"a link leading out of {folder}; not followed"
                continue
            yield str(path), *regular_file(target, follow=False)
        else:
            yield str(path), *regular_file(path, follow=False)


FILE_KINDS = [
    (stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory"),
]


def regular_file(path, *, follow):
    """(open, "") for a regular file, (None, why not) for anything else.

    Checked before opening, as opening a device can do something, and again on what was
    opened, never waiting (O_NONBLOCK), in case the file was swapped meanwhile.
    """
    try:
        mode = (os.stat if follow else os.lstat)(path).st_mode
    except OSError as error:
        return None, error.strerror or str(error)
    if not stat.S_ISREG(mode):
        return None, not_regular(mode)

    def open_regular():
        flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | (0 if follow else os.O_NOFOLLOW)
        descriptor = os.open(path, flags)
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            os.close(descriptor)
            raise StoryFormatError(not_regular(mode))
        return os.fdopen(descriptor, "rb")

    return open_regular, ""


def not_regular(mode):
    kind = next((kind for is_kind, kind in FILE_KINDS if is_kind(mode)), "a special file")
    return f"not a regular file: it is {kind}; skipped"


# Stories saved together, in one transaction: on PostgreSQL each query costs a round trip,
# and a batch costs a fixed number of queries however many stories it holds.
BATCH_SIZE = 100
# A batch of files ends sooner when its files hold this much: saved pages run to megabytes,
# and a few batches are in memory at once.
BATCH_BYTES = 8_000_000


def import_paths(paths, *, status=None, section=None, source_url="", date=None, dry_run=False, workers=1, report=None):
    """Import every story found under `paths`; one bad file never stops the others."""
    return import_sources(
        story_sources(paths), status=status, section=section, source_url=source_url, date=date, dry_run=dry_run,
        workers=workers, report=report,
    )


def import_sources(
    sources, *, status=None, section=None, source_url="", date=None, dry_run=False, user=None, workers=1, report=None
):
    """Import the stories of (name, open, problem) sources, as story_sources yields them. `source_url`
    and `date` are the story's address and date when its text has none (see storyfile);
    `user` is who imports, for the stories' history; `workers` how many processes read the
    files (1: this one). Outcomes go to `report` (a new ImportReport when None), a batch at
    a time as each is saved."""
    report = ImportReport() if report is None else report
    importer = Importer(status=status, section=section, source_url=source_url, date=date, dry_run=dry_run, user=user)
    analysed = 0  # stories written when the planner's statistics were last refreshed
    with Preparer(importer.reading, workers=workers) as preparer:
        for outcomes in importer.import_files(read_stories(sources), preparer):
            for outcome in outcomes:
                report.add(outcome)
            forget_queries()
            if not dry_run and report.written >= max(planner.WORTH_ANALYZING, 2 * analysed):
                # Each time the import has doubled what it wrote, not only at its end: until
                # then the planner plans for the tables as they were, empty perhaps, and the
                # lookups of each batch would read whole tables.
                planner.update_statistics()
                analysed = report.written
    if not dry_run and report.written >= planner.WORTH_ANALYZING and report.written > analysed:
        # So that the first reader after a big import gets plans made for the tables as they are now.
        planner.update_statistics(vacuum=True)
    return report


def forget_queries():
    """Drop the queries Django logs when DEBUG is on: each bulk insert's SQL holds a batch's
    stories, and it keeps the last 9,000. A log someone asked for (CaptureQueriesContext,
    assertNumQueries) is theirs to keep."""
    for connection in connections.all(initialized_only=True):
        if not connection.force_debug_cursor:
            connection.queries_log.clear()


def read_stories(sources):
    """Yield (source, the file's bytes, "") for each of the (name, open, problem) `sources`,
    or (source, None, the reason) for a file that cannot be read."""
    for source, open_stream, problem in sources:
        if problem:
            yield source, None, problem
            continue
        try:
            with open_stream() as stream:
                raw = stream.read(MAX_PAGE_BYTES + 1)
        except StoryFormatError as error:
            yield source, None, str(error)
        except OSError as error:
            yield source, None, error.strerror or str(error)
        else:
            yield source, raw, ""


def file_batches(entries):
    """`read_stories` entries in runs of up to BATCH_SIZE files, or BATCH_BYTES."""
    batch, size = [], 0
    for entry in entries:
        batch.append(entry)
        size += len(entry[1] or b"")
        if len(batch) == BATCH_SIZE or size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def batches(entries):
    """Prepared stories in runs of up to BATCH_SIZE. A story given twice updates the first
    copy, which must be saved before it: the second starts a new run."""
    batch, keys = [], set()
    for entry in entries:
        key = story_key(entry.story)
        if len(batch) == BATCH_SIZE or key in keys:
            yield batch
            batch, keys = [], set()
        batch.append(entry)
        keys.add(key)
    if batch:
        yield batch


def story_key(story):
    """What tells a story apart from the others when it is imported again (see above)."""
    if story.source_url:
        return story.source_url
    return same_title(story.title), published_on(story)


def same_title(title):
    """A title as `title__iexact` compares it: upper-cased, as SQL's UPPER() does."""
    return title.upper()


def published_on(story):
    """The story's publication date in the newsroom's time zone, as Article.published_on."""
    return timezone.localdate(timezone.make_aware(story.published_at))


# What can stop one story from being saved while the others are: the database refusing a
# row, an editor saving the story meanwhile, a person it names merged away meanwhile.
STORY_ERRORS = (DatabaseError, Article.Conflict, ObjectDoesNotExist)


def story_error(error):
    if isinstance(error, Article.Conflict):
        return "an editor saved this story while it was being imported; import it again"
    if isinstance(error, ObjectDoesNotExist):
        return f"something it names was deleted while it was being imported ({error}); import it again"
    return f"the database refused it: {error}".strip()


class UnknownSection(ValueError):
    """The section an import was told to use does not exist, or there is no default."""


def default_section(section):
    """Where stories go whose breadcrumb names no section: the section given (a Section, or
    a name or alias), else the newsroom's default. Never a section made up on the way."""
    if isinstance(section, Section):
        return section
    if section:
        found = Section.objects.by_name().get(folded_name(section))
        if found is None:
            raise UnknownSection(f"no section is called {section!r}: add it in the desk first, or name one that exists")
        return found
    found = Section.objects.default()
    if found is None:
        raise UnknownSection("no default section: mark one as the default in the desk, or name one with --section")
    return found


class Importer:
    """Imports stories a batch at a time, with one gazetteer for all of them.

    `status` applies to new articles (draft when None) and, when given, to existing ones;
    an editor's publication decision is never undone by a plain re-import.
    """

    def __init__(self, *, status=None, section=None, source_url="", date=None, dry_run=False, user=None):
        self.status = status
        # Refused before any file is read.
        self.section = default_section(section)
        self.source_url = source_url
        self.date = date
        self.dry_run = dry_run
        self.user = user
        self.suggester = None
        # What else, beside a file's bytes, decides what it is imported as.
        self.options = repr((status, self.section.pk, source_url, date)).encode()

    def reading(self):
        """How the files are read, with the gazetteer of the newsroom as it is now: what the
        importer knows when it starts, whichever process reads them."""
        self.suggester = self.suggester or Suggester()
        return Reading(*self.suggester.known, source_url=self.source_url, date=self.date)

    def fingerprint(self, raw):
        fingerprint = hashlib.sha256(raw)
        fingerprint.update(self.options)
        return fingerprint.hexdigest()

    def import_files(self, entries, preparer):
        """Yield the outcomes of each batch of `read_stories` entries, in order, once it is
        saved. Files imported before as they are now are not read again."""
        looked_up = (self.look_up(files) for files in file_batches(entries))
        for (files, known), prepared in preparer.prepared(looked_up):
            saved = iter(self.import_prepared(prepared))
            outcomes = []
            for source, fingerprint, error in files:
                if error:
                    outcomes.append(Outcome(source, "error", error=error))
                elif fingerprint in known:
                    outcomes.append(Outcome(source, "unchanged", known[fingerprint]))
                else:
                    outcomes.append(next(saved))
            yield outcomes

    def look_up(self, files):
        """(([(source, fingerprint, error)], {fingerprint: the article a file such as this
        made}), the story files to prepare), for a batch of files: one query for all."""
        fingerprints = [self.fingerprint(raw) if not error else "" for _, raw, error in files]
        known = {
            article.source_hash: article
            for article in Article.objects.filter(source_hash__in=[f for f in fingerprints if f]).only(
                "title", "published_at", "published_on", "language", "source_hash"
            )
        }
        to_prepare = [
            StoryFile(source, raw, fingerprint)
            for (source, raw, error), fingerprint in zip(files, fingerprints)
            if not error and fingerprint not in known
        ]
        files = [(source, fingerprint, error) for (source, _, error), fingerprint in zip(files, fingerprints)]
        return (files, known), to_prepare

    def import_prepared(self, prepared):
        """Outcomes for prepared files, in their order: the stories saved, the rest refused."""
        stories = [entry for entry in prepared if entry.story]
        saved = iter([outcome for batch in batches(stories) for outcome in self.import_stories(batch)])
        return [next(saved) if entry.story else Outcome(entry.source, "error", error=entry.error) for entry in prepared]

    def import_stories(self, batch):
        """Outcomes for a batch of Prepared stories: saved in one transaction or, when one of
        them cannot be saved, each in its own, so the others still land."""
        self.suggester = self.suggester or Suggester()
        try:
            return self.save_batch(batch)
        except STORY_ERRORS as error:
            # Someone may have merged a person or saved a story meanwhile: start again from
            # what the database holds now, not from what this import remembered. The stories
            # were read with the gazetteer the import began with, and still are.
            self.suggester = Suggester()
            if len(batch) == 1:
                return [Outcome(batch[0].source, "error", error=story_error(error))]
        return [outcome for entry in batch for outcome in self.import_stories([entry])]

    def save_batch(self, batch):
        """Create or update the articles, with suggestions for their people, countries and
        statements and a revision of each, atomically."""
        # A failure is forgotten by import_stories, which reads the newsroom afresh.
        with self.suggester.provisionally() if self.dry_run else nullcontext(), transaction.atomic():
            with changes_deferred():
                outcomes = self.save_stories(batch)
            if self.dry_run:
                transaction.set_rollback(True)
            else:
                # Once each story is whole, not at each step of saving it.
                record_stories(
                    [outcome.article for outcome in outcomes if outcome.result != "unchanged"],
                    RevisionSource.Source.IMPORT,
                    "Imported from a story file.",
                    user=self.user,
                )
        return outcomes

    def save_stories(self, batch):
        existing = self.find_imported([entry.story for entry in batch])
        results, created, updated, refingerprinted = [], [], [], []
        for entry in batch:
            article = existing.get(story_key(entry.story))
            if article is None:
                article = Article(status=self.status or Article.Status.DRAFT, created_by=self.user)
                self.fill(article, entry)
                article.source_hash = entry.fingerprint
                created.append((article, entry))
                results.append((entry, "created", article))
                continue
            before = snapshot(article)
            self.fill(article, entry)
            if snapshot(article) == before:
                results.append((entry, "unchanged", article))
                if article.source_hash != entry.fingerprint:
                    # Read for nothing this time, so that it is not read the next.
                    article.source_hash = entry.fingerprint
                    refingerprinted.append(article)
            else:
                article.source_hash = entry.fingerprint
                article.save()
                updated.append((article, entry))
                results.append((entry, "updated", article))

        self.assign_slugs([article for article, _ in created])
        Article.objects.bulk_create([article for article, _ in created])
        Article.objects.bulk_update(refingerprinted, ["source_hash"])
        # Bulk inserts send no signals: the new stories need their search documents too.
        changed({article.pk for article, _ in created})
        suggested = {}
        for saved, new in ((created, True), (updated, False)):
            # The extraction reads English only: other stories get nothing found in them.
            english = [(article, entry.extraction) for article, entry in saved if entry.extraction is not None]
            counts = self.suggester.suggest(
                [article for article, _ in english], new=new, extractions=[extraction for _, extraction in english]
            )
            suggested.update(zip((article.pk for article, _ in english), counts))
        return [
            Outcome(
                entry.source, result, article, suggested=suggested.get(article.pk), dated_by=entry.story.dated_by,
                unknown_breadcrumb=entry.story.section if article.section_id == self.section.pk
                and entry.story.section and not self.suggester.section_for(entry.story.section) else "",
            )
            for entry, result, article in results
        ]

    def fill(self, article, prepared):
        """Write what the story file says into `article`."""
        story = prepared.story
        article.title = story.title
        article.body = story.body
        article.published_at = timezone.make_aware(story.published_at)
        article.section = self.suggester.section_for(story.section) or self.section
        article.language = prepared.language
        if story.source_url:
            article.source_url = story.source_url
        if story.source:
            article.source_name = story.source
        if self.status:
            article.status = self.status

    def find_imported(self, stories):
        """The articles already imported for `stories`, by key; where two share a key, the
        latest published."""
        if not stories:
            return {}
        # A story with a source URL is that URL's article; one without, the article of its title and date.
        addresses = {story.source_url for story in stories if story.source_url}
        by_title = [Q(published_on=published_on(story), title__iexact=story.title) for story in stories if not story.source_url]
        articles = Article.objects.select_related("section").filter(
            reduce(or_, by_title + ([Q(source_url__in=addresses)] if addresses else []))
        )
        found = {}
        for article in articles.order_by("-published_at", "-pk"):
            if article.source_url in addresses:
                found.setdefault(article.source_url, article)
            found.setdefault((same_title(article.title), article.published_on), article)
        return found

    def assign_slugs(self, articles):
        """Each new story gets its title's slug, numbered when another story that day has it."""
        if not articles:
            return
        # Only the slugs they could clash with: a busy day of an archive holds thousands of others.
        wanted = {(timezone.localdate(article.published_at), slug_base(article.title, "story")) for article in articles}
        clashing = reduce(or_, (Q(published_on=day) & (Q(slug=base) | Q(slug__startswith=f"{base}-")) for day, base in wanted))
        taken = defaultdict(set)
        for day, slug in Article.objects.filter(clashing).values_list("published_on", "slug"):
            taken[day].add(slug)
        for article in articles:
            day = timezone.localdate(article.published_at)
            article.slug = free_slug(article.title, taken[day], "story")
            taken[day].add(article.slug)


def snapshot(article):
    """The fields an import writes, to tell an update from a no-op."""
    return (
        article.title,
        article.body,
        article.published_at,
        article.section_id,
        article.source_name,
        article.source_url,
        article.language,
        article.status,
    )


def story_of(article):
    """The article as a story file would hold it."""
    return Story(
        title=article.title,
        published_at=timezone.localtime(article.published_at).replace(tzinfo=None, second=0, microsecond=0),
        paragraphs=tuple(article.paragraphs),
        section=article.section.name,
        source=article.source_name,
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
