from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator

from articles.importing import UnknownSection, import_paths
from articles.models import Article
from articles.storyfile import StoryFormatError, parse_date


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


class Command(BaseCommand):
    help = (
        "Import stories from text files, saved web pages (.html, .htm), directories (searched "
        "recursively for *.txt, *.html and *.htm) or - for standard input. A story already "
        "imported (same source URL, or same title and date) is updated in place. Each story is "
        "saved atomically; a bad file is reported and skipped. Stories not in English are "
        "imported with their language and without extraction."
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

    def handle(self, *args, paths, status, section, source_url, date, dry_run, **options):
        if source_url and len(paths) > 1:
            raise CommandError("--source-url names one story: give exactly one PATH with it.")
        try:
            # Shown as a link on the story page: only web addresses, never javascript: and the like.
            if source_url:
                URLValidator(schemes=["http", "https"])(source_url)
        except ValidationError:
            raise CommandError(f"--source-url {source_url!r} is not an http or https address.")
        try:
            report = import_paths(
                paths, status=status, section=section, source_url=source_url, date=date, dry_run=dry_run
            )
        except UnknownSection as error:
            raise CommandError(f"--section: {error}" if section else str(error))
        for outcome in report.outcomes:
            line = str(outcome)
            self.stdout.write(self.style.ERROR(line) if outcome.result == "error" else line)
        self.stdout.write(("Dry run, nothing saved: " if dry_run else "") + report.summary())
        if note := report.unknown_breadcrumbs_note():
            self.stdout.write(self.style.WARNING(note))
        if report.failed:
            raise CommandError(f"{report.failed} of {len(report.outcomes)} stories failed to import.")
