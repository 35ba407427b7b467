import json

from django.core.management.base import CommandError

from articles.evaluation import evaluate
from articles.management.base import DatabaseCommand
from articles.storyfile import StoryFormatError
from articles.suggestions import newsroom_gazetteer


class Command(DatabaseCommand):
    help = (
        "Score the extraction of people, countries and statements against a labelled JSON "
        "manifest, as on a fresh installation (the newsroom's countries, no people known)."
    )

    def add_arguments(self, parser):
        parser.add_argument("manifest", metavar="MANIFEST")
        parser.add_argument(
            "--scores-only", action="store_true",
            help="Print the scores and nothing of what was missed: for a blind set, whose stories "
            "no rule may be written from.",
        )

    def handle(self, *args, manifest, scores_only, **options):
        try:
            report = evaluate(manifest, newsroom_gazetteer(with_people=False))
        except FileNotFoundError as error:
            raise CommandError(f"{error.filename}: no such file")
        except json.JSONDecodeError as error:
            raise CommandError(f"{manifest}: not a JSON manifest ({error})")
        except (ValueError, KeyError, StoryFormatError) as error:
            raise CommandError(f"{manifest}: {error}")
        self.stdout.write(report.format(misses=not scores_only))
