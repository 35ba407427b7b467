import io
import re
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from reversion.models import Version

from articles.models import Article, RevisionSource, Statement

from . import factories

MANIFEST = Path(__file__).parent / "data" / "extraction" / "manifest.json"
TARGETS = {"people": 0.95, "countries": 0.97, "statements": 0.90}

pytestmark = pytest.mark.django_db


def run(command, *args):
    out = io.StringIO()
    call_command(command, *map(str, args), stdout=out)
    return out.getvalue()


def test_evaluation_on_the_labelled_set_meets_the_targets():
    output = run("evaluate_extraction", MANIFEST)

    for category, target in TARGETS.items():
        line = re.search(rf"^{category}\s+P (\S+) R (\S+) F1 (\S+)$", output, re.MULTILINE)
        assert line, f"no {category} line in:\n{output}"
        assert float(line.group(3)) >= target, output


def one_story_manifest(folder):
    """A labelled set of one story in `folder`: a person and a country missed, a person found unlabelled."""
    (folder / "story.txt").write_text(
        "Talks\n\n2023-06-01\n\nChinese Foreign Minister Wang Yi met Josep Borrell. Wang said that ties matter.\n"
    )
    (folder / "manifest.json").write_text(
        '[{"file": "story.txt", "persons": [{"name": "Wang Yi"}, {"name": "Mr Someone Else"}],'
        ' "countries": ["CN", "FR"], "statements": [{"speaker": "Wang Yi", "starts_with": "ties"}]}]'
    )
    return folder / "manifest.json"


def test_evaluation_lists_the_misses_per_file(tmp_path):
    manifest = one_story_manifest(tmp_path)

    output = run("evaluate_extraction", manifest)

    assert "story.txt:" in output
    assert "missed   person Mr Someone Else" in output
    assert "missed   country FR" in output
    assert "spurious person Josep Borrell" in output


def test_a_blind_set_is_scored_without_showing_what_it_missed(tmp_path):
    manifest = one_story_manifest(tmp_path)

    output = run("evaluate_extraction", manifest, "--scores-only")

    assert re.search(r"^people\s+P 0\.50 R 0\.50 F1 0\.50$", output, re.MULTILINE), output
    assert "story.txt" not in output
    assert "Someone Else" not in output and "Borrell" not in output


def test_evaluation_of_a_missing_or_broken_manifest_says_what_is_wrong(tmp_path):
    (tmp_path / "broken.json").write_text("{not json")

    with pytest.raises(CommandError, match="no such file"):
        run("evaluate_extraction", tmp_path / "missing.json")
    with pytest.raises(CommandError, match="broken.json: not a JSON manifest"):
        run("evaluate_extraction", tmp_path / "broken.json")


def test_extract_statements_adds_only_what_is_new():
    call_command("loaddata", "seed_story", verbosity=0)
    article = Article.objects.get()
    article.body += "\n\nAlvi said that Pakistan welcomes more Chinese investment."
    article.save()

    output = run("extract_statements", "--article", article.pk)

    assert f"{article.pk:>6} {article.title}: 1 statement suggested, 0 new people, 0 countries linked" in output
    assert output.rstrip().endswith("1 article: 1 statement suggested, 0 new people, 0 countries linked")
    added = article.statements.get(review=Statement.Review.SUGGESTED)
    assert (added.speaker.name, added.text) == ("Arif Alvi", "Pakistan welcomes more Chinese investment.")
    assert "0 statements suggested" in run("extract_statements", "--all")


def test_extract_statements_by_section_and_date_with_a_dry_run():
    factories.make_article("Wang Yi Meets Borrell", section=factories.make_section("World"),
                           body="Chinese Foreign Minister Wang Yi met Josep Borrell. Wang said that ties matter.")
    factories.make_article("Elsewhere", section=factories.make_section("Sport"), body="Nothing said.")

    output = run("extract_statements", "--section", "world", "--since", "2000-01-01", "--dry-run")

    assert "Dry run, nothing saved: 1 article: 1 statement suggested, 2 new people" in output
    assert not Statement.objects.exists()


def test_extract_statements_needs_to_be_told_which_articles():
    with pytest.raises(CommandError, match="Say which articles"):
        run("extract_statements")
    with pytest.raises(CommandError, match="No article with ID 404"):
        run("extract_statements", "--article", 404)


def test_extract_statements_records_a_revision_from_the_command_only_when_it_adds_something():
    call_command("loaddata", "seed_story", verbosity=0)
    article = Article.objects.get()
    article.body += "\n\nAlvi said that Pakistan welcomes more Chinese investment."
    article.save()

    run("extract_statements", "--all")
    run("extract_statements", "--all")

    [revision] = [version.revision for version in Version.objects.get_for_object(article)]
    assert revision.source.source == RevisionSource.Source.COMMAND
    assert revision.comment == "Statements extracted again."


@pytest.mark.parametrize("command, arguments", [
    ("evaluate_extraction", ["tests/data/extraction/manifest.json"]),
    ("import_articles", ["tests/data/seed_story.txt"]),
    ("export_articles", ["unused-folder"]),
    ("extract_statements", ["--all"]),
    ("generate_demo_data", ["--articles", "5"]),
])
def test_commands_on_a_database_not_migrated_say_to_migrate_and_write_nothing(monkeypatch, command, arguments):
    from django.db.migrations.executor import MigrationExecutor

    monkeypatch.setattr(MigrationExecutor, "migration_plan", lambda self, targets: [("articles", "9999_next")])
    stories = Article.objects.count()

    with pytest.raises(CommandError, match=r"not migrated .* run `manage.py migrate`"):
        call_command(command, *arguments)
    assert Article.objects.count() == stories
