"""import_articles on a whole archive: files imported before are skipped unread, worker
processes find what one process finds, an interrupted import goes on where it stopped, the
output stays short, and what each batch made is let go."""

import gc
import io
import multiprocessing
import os
import signal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from reversion.models import Version

from articles import importing, preparing
from articles.models import Article, Person, Role, Section, Statement

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def china_news():
    # The section the stories' breadcrumb names: imports file stories under sections that exist.
    return Section.objects.create(name="China News")

# Each names a minister the newsroom knows, someone it does not (created by the first story
# that names them, then found again by the later ones) and a country.
VISITS = [
    ("Wang Yi", "Olena Kovalenko", "Ukraine"), ("Wang Yi", "Tomas Berzins", "Latvia"),
    ("Penny Wong", "Olena Kovalenko", "Ukraine"), ("Penny Wong", "Amara Okafor", "Nigeria"),
    ("Wang Yi", "Amara Okafor", "Nigeria"), ("Penny Wong", "Tomas Berzins", "Latvia"),
    ("Wang Yi", "Olena Kovalenko", "Ukraine"),
]


@pytest.fixture
def batches_of_two(monkeypatch):
    monkeypatch.setattr(importing, "BATCH_SIZE", 2)


@pytest.fixture
def archive(tmp_path):
    """A folder of visits, and the ministers the newsroom knows."""
    factories.make_person("Wang Yi")
    factories.make_person("Penny Wong")
    folder = tmp_path / "archive"
    folder.mkdir()
    for number, visit in enumerate(VISITS):
        write_visit(folder, number, *visit)
    return folder


def write_visit(folder, number, minister, guest, country, extra=""):
    path = folder / f"{number:02}.txt"
    path.write_text(
        f"Home > China News\nTalks number {number}\n\n2023-05-{number + 1:02} 10:00\n\n"
        f"Foreign Minister {minister} met Foreign Minister {guest} of {country}.\n\n"
        f"{minister} said that dialogue matters.{extra}\n\n{guest} said that {country} values the talks.\n",
        encoding="utf-8",
    )
    return path


def run_import(*args, verbosity=1):
    """(stdout, stderr, the CommandError message or "") of import_articles."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_articles", *map(str, args), stdout=out, stderr=err, verbosity=verbosity)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), str(error)
    return out.getvalue(), err.getvalue(), ""


@pytest.fixture
def files_read(monkeypatch):
    """The names of the files read as stories (in this process: one worker)."""
    read = []
    read_story = preparing.read_story

    def reading(name, raw, **options):
        read.append(Path(name).name)
        return read_story(name, raw, **options)

    monkeypatch.setattr(preparing, "read_story", reading)
    return read


def rows(*, with_times=False):
    """What readers and editors would notice of each story, and of the people found."""
    stories = {
        article.title: (
            article.body, article.slug, article.status, article.version,
            article.updated_at if with_times else None,
            sorted(person.name for person in article.people.all()),
            sorted(country.code for country in article.countries.all()),
            [(s.speaker.name, s.text, s.start, s.end, s.review) for s in article.statements.order_by("position")],
            Version.objects.get_for_object(article).count(),
        )
        for article in Article.objects.prefetch_related("people", "countries")
    }
    people = sorted(Person.objects.values_list("name", "slug", "needs_review", "country__code"))
    return stories, people


def test_a_second_run_reads_only_the_changed_file_and_leaves_the_other_stories_alone(archive, files_read):
    run_import(archive)
    stories_before, people_before = rows(with_times=True)
    write_visit(archive, 3, "Penny Wong", "Amara Okafor", "Nigeria", extra=" Both sides signed a plan.")
    files_read.clear()

    output, _, failure = run_import(archive, verbosity=2)

    assert failure == ""
    assert files_read == ["03.txt"]
    assert output.rstrip().endswith("0 created, 1 updated, 6 unchanged, 0 failed")
    stories_after, people_after = rows(with_times=True)
    assert people_after == people_before
    changed = "Talks number 3"
    assert {title: row for title, row in stories_after.items() if title != changed} == {
        title: row for title, row in stories_before.items() if title != changed
    }
    assert "Both sides signed a plan." in Article.objects.get(title=changed).body


def test_files_imported_before_fingerprints_were_kept_are_read_once_more_then_skipped(archive, files_read):
    run_import(archive)
    Article.objects.update(source_hash="")  # as an archive imported before stood
    run_import(archive)
    assert len(files_read) == 2 * len(VISITS)

    output, _, _ = run_import(archive)

    assert len(files_read) == 2 * len(VISITS)
    assert output.rstrip().endswith(f"0 created, 0 updated, {len(VISITS)} unchanged, 0 failed")


def test_the_same_files_with_other_options_are_read_again(archive, files_read):
    run_import(archive)

    output, _, _ = run_import(archive, "--status", "published")

    assert len(files_read) == 2 * len(VISITS)
    assert output.rstrip().endswith(f"0 created, {len(VISITS)} updated, 0 unchanged, 0 failed")
    assert set(Article.objects.values_list("status", flat=True)) == {Article.Status.PUBLISHED}


def test_two_workers_make_the_same_stories_people_and_report_as_one_process(archive, batches_of_two):
    def import_with(workers):
        report = importing.import_paths([archive], workers=workers)
        found = rows(), sorted(Role.objects.values_list("person__name", "title"))
        lines = [str(outcome) for outcome in report.outcomes]
        Article.objects.all().delete()
        Person.objects.exclude(name__in=["Wang Yi", "Penny Wong"]).delete()
        return found, lines

    one_process = import_with(1)
    two_workers = import_with(2)

    assert two_workers == one_process
    ((stories, people), _), _ = one_process
    # Someone new is created once, by the first story naming them, and found again later.
    assert [name for name, *_ in people] == ["Amara Okafor", "Olena Kovalenko", "Penny Wong", "Tomas Berzins", "Wang Yi"]
    assert stories["Talks number 6"][5] == ["Olena Kovalenko", "Wang Yi"]


class Interrupted(KeyboardInterrupt):
    pass


def test_an_interrupted_import_leaves_whole_stories_and_goes_on_when_run_again(archive, batches_of_two, monkeypatch):
    record_stories = importing.record_stories
    saved_batches = []

    def interrupted_in_the_third_batch(articles, *args, **kwargs):
        articles = list(articles)
        if len(saved_batches) == 2:
            raise Interrupted  # Ctrl-C, with the batch's stories and statements written
        saved_batches.append(articles)
        return record_stories(articles, *args, **kwargs)

    monkeypatch.setattr(importing, "record_stories", interrupted_in_the_third_batch)

    _, _, failure = run_import(archive)

    assert failure.startswith("Interrupted after 4 of 7 files (4 created, 0 updated, 0 unchanged, 0 failed)")
    assert sorted(Article.objects.values_list("title", flat=True)) == [f"Talks number {n}" for n in range(4)]
    for article in Article.objects.all():
        assert article.statements.count() == 2
        assert Version.objects.get_for_object(article).count() == 1

    monkeypatch.setattr(importing, "record_stories", record_stories)
    output, _, failure = run_import(archive)

    assert failure == ""
    assert output.rstrip().endswith("3 created, 0 updated, 4 unchanged, 0 failed")
    assert Article.objects.count() == len(VISITS)
    assert Statement.objects.count() == 2 * len(VISITS)


def test_a_worker_that_dies_stops_the_import_with_what_was_saved_kept(archive, monkeypatch):
    monkeypatch.setattr(importing, "BATCH_SIZE", 1)
    for number in range(len(VISITS), 30):
        write_visit(archive, number, *VISITS[number % len(VISITS)])
    report_outcome = importing.ImportReport.add

    def killed_after_the_first_story(report, outcome):
        if not report.total:
            for worker in multiprocessing.active_children():
                os.kill(worker.pid, signal.SIGKILL)  # as the kernel does to a process out of memory
        report_outcome(report, outcome)

    monkeypatch.setattr(importing.ImportReport, "add", killed_after_the_first_story)

    _, _, failure = run_import(archive, "--workers", "2")

    assert failure.startswith("A worker process died after ")
    assert failure.endswith("Run the same command again to go on: the files imported already are skipped.")
    saved = Article.objects.count()
    assert 1 <= saved < 30
    assert Statement.objects.count() == 2 * saved


def test_by_default_the_output_is_the_files_that_need_a_look_and_a_summary(archive, batches_of_two):
    (archive / "07.txt").write_text("Not a story\n")
    (archive / "08.txt").write_text("Talks with no date\n\nBoth sides held talks.\n")

    output, _, failure = run_import(archive, "--date", "2023-06-01")

    assert output.splitlines() == [
        f"error      {archive / '07.txt'}: no paragraphs: the story has a title and a date but no text",
        f"created    {archive / '08.txt'}: Talks with no date (2023-06-01); date as given; 0 statements suggested, 0 new people, 0 countries linked",
        "8 created, 0 updated, 0 unchanged, 1 failed",
    ]
    assert failure == "1 of 9 stories failed to import."


def test_without_a_terminal_progress_comes_as_lines_beside_the_output(archive, monkeypatch):
    from articles.management.commands import import_articles

    monkeypatch.setattr(import_articles, "PROGRESS_EVERY", 0)

    output, errors, _ = run_import(archive)

    assert output.splitlines() == ["7 created, 0 updated, 0 unchanged, 0 failed"]
    assert errors.splitlines()[-1].startswith("7 of 7 files, ")


def test_the_debug_query_log_is_let_go_after_each_batch(archive, batches_of_two, settings):
    settings.DEBUG = True
    logged = []
    report = importing.ImportReport(on_outcome=lambda outcome: logged.append(len(connection.queries_log)))

    importing.import_paths([archive], report=report)

    # Two outcomes per batch, each with the log as its batch left it: no longer after the
    # first batch (which also creates the section) however many there are.
    per_batch = logged[::2]
    assert len(per_batch) == 4
    assert all(0 < size <= per_batch[0] for size in per_batch)
    assert len(connection.queries_log) == 0


def test_what_a_batch_made_is_let_go_once_it_is_reported(archive, batches_of_two):
    live = []

    def live_rows():
        gc.collect()
        # type(), not isinstance(): that would wake lazy objects other tests left behind.
        return sum(type(thing) in (Article, Statement) for thing in gc.get_objects())

    # Rows earlier tests of the run still hold (fixtures, caches) are not the import's.
    held_before = live_rows()
    report = importing.ImportReport(on_outcome=lambda outcome: live.append(live_rows() - held_before))
    importing.import_paths([archive], report=report)

    # The import made seven stories and fourteen statements; while a batch is reported, only
    # its own two stories are still held.
    assert max(live) <= importing.BATCH_SIZE
    assert report.outcomes == []
    assert report.counts["created"] == len(VISITS)
