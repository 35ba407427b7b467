from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator

from articles.importing import import_paths
from articles.models import Article


class Command(BaseCommand):
    help = (
        "Import stories from text files, directories (*.txt, recursively) or - for standard "
        "input. A story already imported (same source URL, or same title and date) is "
        "updated in place. Each story is saved atomically; a bad file is reported and skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--status",
            choices=Article.Status.values,
            help="Status to give the stories (new stories are drafts by default).",
        )
        parser.add_argument("--section", help="Section name, overriding the story's breadcrumb.")
        parser.add_argument(
            "--source-url", default="", help="Where the story was published; identifies it."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change, and change nothing."
        )

    def handle(self, *args, paths, status, section, source_url, dry_run, **options):
        if source_url and len(paths) > 1:
            raise CommandError("--source-url names one story: give exactly one PATH with it.")
        try:
            # Shown as a link on the story page: only web addresses, never javascript: and the like.
            if source_url:
                URLValidator(schemes=["http", "https"])(source_url)
        except ValidationError:
            raise CommandError(f"--source-url {source_url!r} is not an http or https address.")
        report = import_paths(
            paths, status=status, section=section, source_url=source_url, dry_run=dry_run
        )
        for outcome in report.outcomes:
            line = str(outcome)
            self.stdout.write(self.style.ERROR(line) if outcome.result == "error" else line)
        self.stdout.write(("Dry run, nothing saved: " if dry_run else "") + report.summary())
        if report.failed:
            raise CommandError(f"{report.failed} of {len(report.outcomes)} stories failed to import.")
