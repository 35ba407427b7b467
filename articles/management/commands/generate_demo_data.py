import time

from django.core.management.base import CommandError

from articles.demo_archive import generate
from articles.management.base import DatabaseCommand
from articles.models import Article


class Command(DatabaseCommand):
    help = (
        "Fill the newsroom with a generated archive of published stories over fifteen years, "
        "with sections, tags, people and their roles, countries and confirmed statements, and "
        "a few drafts, stories in review, withdrawn and scheduled ones. The same seed gives "
        "the same archive."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True, metavar="N", help="How many stories to add.")
        parser.add_argument("--seed", type=int, default=1, metavar="S", help="Random seed (default 1).")
        parser.add_argument(
            "--force", action="store_true", help="Add the stories even though the newsroom already holds some."
        )

    def handle(self, *args, articles, seed, force, **options):
        if articles < 1:
            raise CommandError("--articles must be at least 1.")
        existing = Article.objects.count()
        if existing and not force:
            raise CommandError(
                f"The newsroom already holds {existing:,} stories; generated ones would mix with them. "
                "Use an empty database, or add --force to add them anyway."
            )
        started = time.monotonic()
        last_report = [0.0]

        def progress(stage, done, total):
            now = time.monotonic()
            if done == total or now - last_report[0] >= 5:
                last_report[0] = now
                self.stdout.write(f"{stage}: {done:,} of {total:,} ({now - started:.0f} s)")

        counts = generate(articles, seed=seed, progress=progress)
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(
            f"Generated {counts.stories:,} stories with {counts.statements:,} statements and "
            f"{counts.people:,} people in {elapsed:.1f} s: {counts.stories / elapsed:,.0f} stories/s."
        ))
