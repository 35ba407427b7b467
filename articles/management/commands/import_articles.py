import sys
import time
from concurrent.futures.process import BrokenProcessPool

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.core.validators import URLValidator
from tqdm import tqdm

from articles import importing
from articles.importing import ImportReport, import_paths, story_sources
from articles.management.base import DatabaseCommand
from articles.models import Article
from articles.preparing import default_workers
from articles.storyfile import StoryFormatError, parse_date

# Without a terminal, a progress line this often (seconds): enough to see an import is alive.
PROGRESS_EVERY = 15


def given_date(text):
    """The date typed with --date, as parse_story takes it: a date, or a datetime with its time."""
    try:
        parsed = parse_date(text)
    except StoryFormatError as error:
        raise CommandError(f"--date {text!r}: {error}")
    if parsed is None:
        raise CommandError(f"--date {text!r} is not a date: write it like 2023-05-06 or 2023-05-06 15:34.")
    published_at, has_time = parsed
    return published_at if has_time else published_at.date()


def worker_count(text):
    if not text.isdigit() or int(text) < 1:
        raise CommandError(f"--workers {text!r}: give a whole number, 1 or more.")
    return int(text)


class Command(DatabaseCommand):
    help = (
        "Import stories from text files, saved web pages (.html, .htm), directories (searched "
        "recursively for *.txt, *.html and *.htm) or - for standard input. A story already "
        "imported (same source URL, or same title and date) is updated in place, and a file "
        "imported before and unchanged since is skipped without being read. Each story is "
        "saved atomically; a bad file is reported and skipped; an interrupted import run "
        "again goes on where it stopped. Stories not in English are imported with their "
        "language and without extraction."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--status",
            choices=Article.Status.values,
            help="Status to give the stories (new stories are drafts by default).",
        )
        parser.add_argument(
            "--section",
            help="The section (by name or alias) for stories whose breadcrumb names none; "
            "the newsroom's default section otherwise.",
        )
        parser.add_argument(
            "--source-url",
            default="",
            help="Where the story was published; identifies it, and gives its date when the text has none.",
        )
        parser.add_argument(
            "--date",
            type=given_date,
            help="The story's date (2023-05-06, or 2023-05-06 15:34), for when neither its text nor "
            "its source URL has one.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change, and change nothing."
        )
        parser.add_argument(
            "--workers",
            type=worker_count,
            default=default_workers(),
            help="Processes that read the files and find their people, countries and statements "
            "while this one saves them (default: one per core, %(default)s here); 1 does it all in this process.",
        )

    def handle(self, *args, paths, status, section, source_url, date, dry_run, workers, verbosity, **options):
        if source_url and len(paths) > 1:
            raise CommandError("--source-url names one story: give exactly one PATH with it.")
        try:
            # Shown as a link on the story page: only web addresses, never javascript: and the like.
            if source_url:
                URLValidator(schemes=["http", "https"])(source_url)
        except ValidationError:
            raise CommandError(f"--source-url {source_url!r} is not an http or https address.")
        try:
            importing.default_section(section)
        except importing.UnknownSection as error:
            raise CommandError(f"--section: {error}" if section else str(error))
        total = sum(1 for _ in story_sources(paths))
        progress = Progress(self, total, verbosity)
        report = ImportReport(on_outcome=progress.show)
        try:
            import_paths(
                paths, status=status, section=section, source_url=source_url, date=date, dry_run=dry_run,
                # Workers pay for their start only beyond a batch.
                workers=workers if total > importing.BATCH_SIZE else 1, report=report,
            )
        except (KeyboardInterrupt, BrokenProcessPool) as error:
            progress.close()
            stopped = "Interrupted" if isinstance(error, KeyboardInterrupt) else "A worker process died"
            raise CommandError(
                f"{stopped} after {report.total} of {total} files ({report.summary()}); what was saved "
                "stays. Run the same command again to go on: the files imported already are skipped."
            )
        progress.close()
        if report.not_in_english and verbosity >= 1:
            self.stdout.write(f"{report.not_in_english} not in English, imported without extraction.")
        self.stdout.write(("Dry run, nothing saved: " if dry_run else "") + report.summary())
        if note := report.unknown_breadcrumbs_note():
            self.stdout.write(self.style.WARNING(note))
        if report.failed:
            raise CommandError(f"{report.failed} of {report.total} stories failed to import.")


class Progress:
    """What an import shows as it goes: a line for each file that failed or needs a look (for
    each file with -v 2), and how far it got: a bar on a terminal, a line now and then
    otherwise, nothing with -v 0."""

    def __init__(self, command, total, verbosity):
        self.command = command
        self.total = total
        self.verbosity = verbosity
        self.done = 0
        self.started = self.shown = time.monotonic()
        self.bar = None
        if verbosity >= 1 and sys.stderr.isatty() and total:
            self.bar = tqdm(total=total, unit=" files", file=sys.stderr, dynamic_ncols=True)

    def show(self, outcome):
        if self.verbosity >= 2 or outcome.needs_attention:
            line = str(outcome)
            line = self.command.style.ERROR(line) if outcome.result == "error" else line
            if self.bar is not None:
                with tqdm.external_write_mode(file=sys.stderr):
                    self.command.stdout.write(line)
            else:
                self.command.stdout.write(line)
        self.done += 1
        if self.bar is not None:
            self.bar.update()
        elif self.verbosity >= 1 and time.monotonic() - self.shown >= PROGRESS_EVERY:
            self.shown = time.monotonic()
            self.command.stderr.write(self.line())

    def line(self):
        elapsed = time.monotonic() - self.started
        rate = self.done / elapsed if elapsed else 0
        left = tqdm.format_interval((self.total - self.done) / rate) if rate else "?"
        return f"{self.done:,} of {self.total:,} files, {rate:,.0f} files/s, {left} left"

    def close(self):
        if self.bar is not None:
            self.bar.close()
        elif self.verbosity >= 1 and time.monotonic() - self.started >= PROGRESS_EVERY:
            self.command.stderr.write(self.line())
