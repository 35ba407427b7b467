from contextlib import nullcontext
from datetime import date

from django.core.management.base import CommandError
from django.db import transaction

from articles.management.base import DatabaseCommand
from articles.models import Article, RevisionSource
from articles.revisions import record_stories
from articles.signals import changes_deferred
from articles.suggestions import SuggestionCounts, Suggester, counted


class Command(DatabaseCommand):
    help = (
        "Run extraction again on existing articles, adding suggestions for statements, "
        "people and countries not found before. Suggestions an editor confirmed, edited or "
        "rejected are left as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument("--article", type=int, action="append", default=[], metavar="ID",
                            help="An article's ID; repeat for several.")
        parser.add_argument("--section", metavar="SLUG", help="Every article in this section.")
        parser.add_argument("--since", type=date.fromisoformat, metavar="YYYY-MM-DD",
                            help="Articles published on or after this date.")
        parser.add_argument("--all", action="store_true", dest="everything", help="Every article.")
        parser.add_argument("--dry-run", action="store_true", help="Report, and change nothing.")

    def handle(self, *args, article, section, since, everything, dry_run, **options):
        if not (article or section or since or everything):
            raise CommandError("Say which articles: --article ID, --section SLUG, --since DATE or --all.")
        articles = Article.objects.order_by("published_at", "pk")
        if article:
            articles = articles.filter(pk__in=article)
            missing = set(article) - set(articles.values_list("pk", flat=True))
            if missing:
                raise CommandError(f"No article with ID {', '.join(map(str, sorted(missing)))}.")
        if section:
            articles = articles.filter(section__slug=section)
        if since:
            articles = articles.filter(published_on__gte=since)

        suggester = Suggester()
        total, count = SuggestionCounts(), 0
        for story in articles.iterator():
            with suggester.provisionally() if dry_run else nullcontext(), transaction.atomic():
                with changes_deferred():
                    [found] = suggester.suggest([story])
                if dry_run:
                    transaction.set_rollback(True)
                elif found:
                    record_stories([story], RevisionSource.Source.COMMAND, "Statements extracted again.")
            self.stdout.write(f"{story.pk:>6} {story.title}: {found}")
            total, count = total + found, count + 1
        prefix = "Dry run, nothing saved: " if dry_run else ""
        self.stdout.write(f"{prefix}{counted(count, 'article')}: {total}")
