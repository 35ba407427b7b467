from articles.importing import export_articles
from articles.management.base import DatabaseCommand
from articles.models import Article


class Command(DatabaseCommand):
    help = (
        "Write articles to DIR in the story text format, one <date>-<slug>.txt per article, "
        "ready for import_articles. Only published articles unless --all."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", metavar="DIR")
        parser.add_argument(
            "--all", action="store_true", dest="everything", help="Include drafts and scheduled articles."
        )

    def handle(self, *args, directory, everything, **options):
        articles = Article.objects.all() if everything else Article.objects.published()
        written = export_articles(articles, directory)
        self.stdout.write(f"exported {len(written)} articles to {directory}")
