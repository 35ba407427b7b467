import io
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command
from django.db import DataError, connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from reversion.models import Version

from articles import importing, planner
from articles.models import Article, Person, Section, Statement
from articles.storyfile import parse_story
from articles.suggestions import Suggester

from . import factories
from .queries import assert_flat

DATA = Path(__file__).parent / "data"
# A byte-for-byte copy of the seed story (shared/seeds/000_0e8f66fb4d9f0923.txt).
SEED = DATA / "seed_story.txt"
BAD = DATA / "bad"
SEED_TITLE = "Pakistani President Arif Alvi Meets with Qin Gang"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def china_news():
    # The section the seed story's breadcrumb names, as the newsroom has it: imports file
    # stories under sections that exist.
    return factories.make_section("China News")


def run_import(*args, verbosity=2):
    """Run import_articles, with a line per story unless told otherwise; return (its output,
    the CommandError message or "")."""
    out = io.StringIO()
    try:
        call_command("import_articles", *map(str, args), stdout=out, verbosity=verbosity)
    except CommandError as error:
        return out.getvalue(), str(error)
    return out.getvalue(), ""


def write_story(directory, name, title="Wang Yi Holds Talks with Josep Borrell", when="2023-05-06 10:00",
                body="Both sides held talks.\n\nWang Yi said that dialogue matters.", section="China News"):
    path = Path(directory) / name
    path.write_text(f"Home > {section}\n{title}\n\n{when}\n\n{body}\n", encoding="utf-8")
    return path


def test_importing_the_seed_creates_a_draft_equal_to_the_file():
    output, failure = run_import(SEED)

    assert failure == ""
    assert f"created    {SEED}: {SEED_TITLE} (2023-05-06)" in output
    assert output.rstrip().endswith("1 created, 0 updated, 0 unchanged, 0 failed")
    article = Article.objects.get()
    story = parse_story(SEED.read_bytes())
    assert article.title == SEED_TITLE
    assert article.section.name == "China News"
    assert article.status == Article.Status.DRAFT
    assert article.published_at == datetime(2023, 5, 6, 15, 34, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert article.paragraphs == list(story.paragraphs)
    assert "Suggest To A Friend" not in article.body


def test_importing_the_seed_twice_reports_unchanged_and_creates_nothing(tmp_path):
    (tmp_path / "seed.txt").write_bytes(SEED.read_bytes())
    run_import(tmp_path)
    output, failure = run_import(tmp_path)

    assert failure == ""
    assert f"unchanged  {tmp_path / 'seed.txt'}" in output
    assert "0 created, 0 updated, 1 unchanged, 0 failed" in output
    assert Article.objects.count() == 1


def test_importing_the_seed_over_the_fixture_recognises_the_same_story():
    call_command("loaddata", "seed_story", verbosity=0)

    output, _ = run_import(SEED)

    assert "1 unchanged" in output
    assert Article.objects.get().status == Article.Status.PUBLISHED


def test_reimport_of_an_edited_file_updates_in_place_and_keeps_the_editors_status(tmp_path):
    path = write_story(tmp_path, "talks.txt")
    run_import(path, "--status", "published")
    write_story(tmp_path, "talks.txt", body="Both sides held talks.\n\nA corrected second paragraph.")

    output, _ = run_import(path)

    assert "1 updated" in output
    article = Article.objects.get()
    assert article.paragraphs[1] == "A corrected second paragraph."
    assert article.status == Article.Status.PUBLISHED


def test_status_option_and_section_for_breadcrumbs_no_section_is_called(tmp_path):
    factories.make_section("World")
    known = write_story(tmp_path, "talks.txt")
    unknown = write_story(tmp_path, "press.txt", title="Press Room Story", section="Press Room")

    output, failure = run_import(known, unknown, "--status", "published", "--section", "World")

    assert failure == ""
    assert Article.objects.get(title="Press Room Story").section.name == "World"
    assert Article.objects.exclude(title="Press Room Story").get().section.name == "China News"
    assert set(Article.objects.values_list("status", flat=True)) == {Article.Status.PUBLISHED}
    assert ("Filed under World, as no section is called by their breadcrumb: Press Room (1). "
            "Add these breadcrumbs as aliases of a section to file their stories there.") in output


def test_a_breadcrumb_is_filed_by_a_sections_alias_and_never_makes_a_section(tmp_path):
    embassy = factories.make_section("Embassy News")
    embassy.aliases = "Press Room\nNewsroom"
    embassy.save()
    write_story(tmp_path, "a.txt", title="From the press room", section="press  room")
    write_story(tmp_path, "b.txt", title="From a new place", section="Internacional")
    sections = Section.objects.count()

    output, failure = run_import(tmp_path)

    assert failure == ""
    assert Article.objects.get(title="From the press room").section == embassy
    assert Article.objects.get(title="From a new place").section == Section.objects.default()
    assert Section.objects.count() == sections
    assert "Internacional (1)" in output


def test_a_section_that_does_not_exist_is_refused_before_anything_is_read(tmp_path):
    write_story(tmp_path, "talks.txt")

    output, failure = run_import(tmp_path, "--section", "Brand New")

    assert failure == "--section: no section is called 'Brand New': add it in the desk first, or name one that exists"
    assert not Article.objects.exists()
    assert not Section.objects.filter(name="Brand New").exists()


def test_source_url_is_the_natural_key_when_given(tmp_path):
    path = write_story(tmp_path, "talks.txt")
    run_import(path, "--source-url", "https://example.com/news/1.html")
    write_story(tmp_path, "talks.txt", title="Wang Yi and Josep Borrell Hold Talks")

    output, _ = run_import(path, "--source-url", "https://example.com/news/1.html")

    assert "1 updated" in output
    assert Article.objects.get().title == "Wang Yi and Josep Borrell Hold Talks"


def test_dry_run_reports_and_writes_nothing():
    output, _ = run_import(SEED, "--dry-run")

    assert "created" in output
    assert "Dry run, nothing saved: 1 created" in output
    assert not Article.objects.exists()


def test_stories_from_standard_input(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED.read_bytes())))

    output, failure = run_import("-")

    assert failure == ""
    assert f"created    -: {SEED_TITLE}" in output
    assert Article.objects.count() == 1


def test_directories_are_searched_recursively_for_txt_files(tmp_path):
    write_story(tmp_path, "one.txt", title="First Story")
    (tmp_path / "nested").mkdir()
    write_story(tmp_path / "nested", "two.txt", title="Second Story")
    (tmp_path / "notes.md").write_text("not a story")

    output, _ = run_import(tmp_path)

    assert "2 created" in output
    assert set(Article.objects.values_list("title", flat=True)) == {"First Story", "Second Story"}


def test_same_title_on_the_same_day_from_two_sources_gets_distinct_slugs(tmp_path):
    path = write_story(tmp_path, "talks.txt")
    run_import(path, "--source-url", "https://example.com/a")
    run_import(path, "--source-url", "https://example.com/b")

    slugs = sorted(Article.objects.values_list("slug", flat=True))
    assert slugs == ["wang-yi-holds-talks-with-josep-borrell", "wang-yi-holds-talks-with-josep-borrell-2"]


def bad_files():
    """(file name, expected error) from the table in tests/data/bad/README.md."""
    rows = []
    for line in (BAD / "README.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("| `"):
            name, message = (cell.strip().strip("`") for cell in line.strip("|").split("|"))
            rows.append(pytest.param(name, message, id=name))
    return rows


@pytest.mark.parametrize("name, message", bad_files())
def test_each_bad_file_gets_its_error_by_name_and_the_good_file_still_imports(name, message):
    output, failure = run_import(BAD / name, SEED)

    assert f"error      {BAD / name}: {message}" in output
    assert "1 created, 0 updated, 0 unchanged, 1 failed" in output
    assert failure == "1 of 2 stories failed to import."
    assert list(Article.objects.values_list("title", flat=True)) == [SEED_TITLE]


def test_an_oversized_file_is_rejected_without_reading_it_all(tmp_path):
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"Title\n\n2023-05-06\n\n" + b"word " * 300_000)

    output, failure = run_import(huge)

    assert f"error      {huge}: too large: over 1,000,000 bytes, the most a story may have" in output
    assert failure
    assert not Article.objects.exists()


def test_a_missing_path_is_an_error_naming_it(tmp_path):
    output, failure = run_import(tmp_path / "missing.txt")

    assert f"{tmp_path / 'missing.txt'}: no such file or directory" in output
    assert failure == "1 of 1 stories failed to import."


def test_source_url_with_several_paths_is_refused(tmp_path):
    _, failure = run_import(SEED, SEED, "--source-url", "https://example.com/a")

    assert failure == "--source-url names one story: give exactly one PATH with it."


def test_control_characters_and_crlf_are_cleaned_before_saving(tmp_path):
    path = tmp_path / "dirty.txt"
    path.write_bytes(
        b"\xef\xbb\xbfHome > China News\r\nTalks\x00 in Beijing\r\n\r\nMay 6, 2023\r\n\r\n"
        b"Wang Yi\x07 met  Josep Borrell.\r\n\r\n<Suggest To A Friend>\r\n"
    )

    run_import(path)

    article = Article.objects.get()
    assert article.title == "Talks in Beijing"
    assert article.body == "Wang Yi met Josep Borrell."


def test_export_then_import_reproduces_the_same_articles(tmp_path):
    call_command("loaddata", "seed_story", verbosity=0)
    factories.make_article(
        "Wang Yi Meets Josep Borrell",
        section=factories.make_section("World"),
        published_at=datetime(2024, 1, 2, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai")),
        body="First “quoted” paragraph.\n\nSecond paragraph with 中文 and Ünïcode.",
    )
    factories.make_article("A Draft", status=Article.Status.DRAFT)
    before = sorted(
        (a.title, a.section.name, a.published_at, tuple(a.paragraphs))
        for a in Article.objects.published().select_related("section")
    )

    out = io.StringIO()
    call_command("export_articles", str(tmp_path), stdout=out)
    assert out.getvalue().strip() == f"exported 2 articles to {tmp_path}"
    Article.objects.all().delete()
    output, failure = run_import(tmp_path)

    assert failure == ""
    assert "2 created" in output
    after = sorted(
        (a.title, a.section.name, a.published_at, tuple(a.paragraphs))
        for a in Article.objects.select_related("section")
    )
    assert after == before
    assert "2 unchanged" in run_import(tmp_path)[0]


def test_export_all_includes_drafts(tmp_path):
    factories.make_article("A Draft", status=Article.Status.DRAFT)

    call_command("export_articles", str(tmp_path), "--all", stdout=io.StringIO())

    assert [path.name for path in tmp_path.iterdir()] == [
        f"{Article.objects.get().published_on}-a-draft.txt"
    ]


def test_imported_stories_are_searchable_at_once(client, tmp_path):
    write_story(tmp_path, "talks.txt", title="Wang Yi Holds Talks on Hydropower")

    run_import(tmp_path, "--status", "published")

    response = client.get(reverse("articles:search"), {"q": "hydropower"})
    assert "Wang Yi Holds Talks on" in response.content.decode()


def test_a_story_saved_from_the_admin_is_still_unchanged_for_the_importer(tmp_path):
    (tmp_path / "seed.txt").write_bytes(SEED.read_bytes())
    run_import(tmp_path)
    article = Article.objects.get()
    # What a browser sends: the textarea's lines end in CRLF.
    article.body = article.body.replace("\n", "\r\n")
    article.save()

    output, _ = run_import(tmp_path)

    assert "1 unchanged" in output


def test_a_source_url_that_is_not_a_web_address_is_refused(tmp_path):
    path = write_story(tmp_path, "talks.txt")

    _, failure = run_import(path, "--source-url", "javascript:alert(1)")

    assert failure == "--source-url 'javascript:alert(1)' is not an http or https address."
    assert not Article.objects.exists()


# Batches: stories are saved a hundred at a time --------------------------------------------

@pytest.fixture
def batches_of_two(monkeypatch):
    monkeypatch.setattr(importing, "BATCH_SIZE", 2)


MINISTERS = ["Wang Yi", "Ishaq Dar", "Josep Borrell", "Sergey Lavrov", "Penny Wong", "Mauro Vieira", "Ali Sabry"]


def write_meeting(directory, number, minister):
    return write_story(
        directory, f"{number:02}.txt", title=f"Talks number {number}",
        body=f"Foreign Minister {minister} met the press.\n\n{minister} said that dialogue matters.",
    )


def test_stories_over_several_batches_each_land_and_are_reported_in_file_order(tmp_path, batches_of_two):
    for number, minister in enumerate(MINISTERS[:5]):
        write_meeting(tmp_path, number, minister)
    (tmp_path / "02b.txt").write_text("Not a story\n")

    output, failure = run_import(tmp_path)

    reported = [line.split()[:2] for line in output.splitlines()[:-1]]
    assert reported == [
        ["created", f"{tmp_path / '00.txt'}:"],
        ["created", f"{tmp_path / '01.txt'}:"],
        ["created", f"{tmp_path / '02.txt'}:"],
        ["error", f"{tmp_path / '02b.txt'}:"],
        ["created", f"{tmp_path / '03.txt'}:"],
        ["created", f"{tmp_path / '04.txt'}:"],
    ]
    assert failure == "1 of 6 stories failed to import."
    for number, minister in enumerate(MINISTERS[:5]):
        article = Article.objects.get(title=f"Talks number {number}")
        assert [person.name for person in article.people.all()] == [minister]
        [statement] = article.statements.all()
        assert (statement.speaker.name, statement.text) == (minister, "dialogue matters.")
        assert len(Version.objects.get_for_object(article)) == 1


def test_a_story_given_twice_in_one_run_updates_the_first_copy(tmp_path):
    write_story(tmp_path, "a.txt", body="Both sides held talks.")
    write_story(tmp_path, "b.txt", body="Both sides held long talks.")

    output, _ = run_import(tmp_path)

    assert output.rstrip().endswith("1 created, 1 updated, 0 unchanged, 0 failed")
    assert list(Article.objects.values_list("body", flat=True)) == ["Both sides held long talks."]


def test_a_story_the_database_refuses_is_reported_and_the_rest_of_its_batch_lands(tmp_path, monkeypatch):
    new_statements = Suggester.new_statements

    def refuse_one(suggester, article, *args):
        if article.title == "Talks number 0":
            raise DataError("value too long for type character varying(300)")
        return new_statements(suggester, article, *args)

    # Refused once its section and people are written: those rows go with it, and the
    # stories after it must not link to them.
    monkeypatch.setattr(Suggester, "new_statements", refuse_one)
    # All three name the same new person; the refused story names them first.
    for number in range(3):
        write_meeting(tmp_path, number, "Wang Yi")

    output, failure = run_import(tmp_path)

    assert (
        f"error      {tmp_path / '00.txt'}: the database refused it: value too long for type character varying(300)"
        in output
    )
    assert failure == "1 of 3 stories failed to import."
    assert sorted(Article.objects.values_list("title", flat=True)) == ["Talks number 1", "Talks number 2"]
    wang = Person.objects.get()
    for article in Article.objects.all():
        assert list(article.people.all()) == [wang]
        assert article.statements.get().speaker == wang


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite stores a kind of any length")
def test_a_statement_written_in_bulk_that_the_database_refuses_fails_only_its_story(tmp_path, monkeypatch):
    """Statements are written with COPY on PostgreSQL, outside Django's query wrappers: a
    refusal there must still be the database's error, reported for its story."""
    new_statements = Suggester.new_statements

    def too_long(suggester, article, *args):
        found = new_statements(suggester, article, *args)
        if article.title == "Talks number 1":
            for row, _ in found:
                row["kind"] = "k" * 11
        return found

    monkeypatch.setattr(Suggester, "new_statements", too_long)
    for number in range(3):
        write_meeting(tmp_path, number, "Wang Yi")

    output, failure = run_import(tmp_path)

    assert f"error      {tmp_path / '01.txt'}: the database refused it: value too long" in output
    assert failure == "1 of 3 stories failed to import."
    assert sorted(Article.objects.values_list("title", flat=True)) == ["Talks number 0", "Talks number 2"]
    assert Statement.objects.count() == 2


def test_a_batch_of_stories_costs_the_same_queries_however_many_it_holds(tmp_path):
    def import_meetings(directory, numbers):
        directory.mkdir()
        for number in numbers:
            write_meeting(directory, number, MINISTERS[number])
        with CaptureQueriesContext(connection) as queries:
            report = importing.import_paths([directory])
        assert report.summary() == f"{len(numbers)} created, 0 updated, 0 unchanged, 0 failed"
        return [query["sql"] for query in queries]

    import_meetings(tmp_path / "first", [0])  # creates the section
    two = import_meetings(tmp_path / "two", [1, 2])
    four = import_meetings(tmp_path / "four", [3, 4, 5, 6])

    assert_flat(two, four)
    assert Statement.objects.count() == 7


def test_a_story_an_editor_saves_while_it_is_imported_is_reported_and_the_others_land(tmp_path, monkeypatch):
    for number in range(2):
        write_meeting(tmp_path, number, "Wang Yi")
    run_import(tmp_path)
    for number in range(2):
        write_story(tmp_path, f"{number:02}.txt", title=f"Talks number {number}", body="The talks went on late.")
    find_imported = importing.Importer.find_imported

    def editor_saves_meanwhile(importer, stories):
        found = find_imported(importer, stories)
        Article.objects.filter(title="Talks number 0").update(version=F("version") + 1)
        return found

    monkeypatch.setattr(importing.Importer, "find_imported", editor_saves_meanwhile)

    output, failure = run_import(tmp_path)

    assert (
        f"error      {tmp_path / '00.txt'}: an editor saved this story while it was being imported; import it again"
        in output
    )
    assert f"updated    {tmp_path / '01.txt'}" in output
    assert failure == "1 of 2 stories failed to import."
    assert Article.objects.get(title="Talks number 1").body == "The talks went on late."


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_person_deleted_while_the_import_runs_costs_no_story():
    wang = factories.make_person("Wang Yi")
    importer = importing.Importer()
    stories = factories.prepared_stories(importer, [  # read knowing Wang Yi
        (f"{number}.txt",
         f"Talks number {number}\n\n2023-05-06 10:00\n\nForeign Minister {name} met the press.\n\n"
         f"{name} said that dialogue matters.\n".encode())
        for number, name in enumerate(["Wang Yi", "Penny Wong"])
    ])
    wang.delete()  # an editor merges him away meanwhile

    outcomes = importer.import_stories(stories)

    assert [outcome.result for outcome in outcomes] == ["created", "created"]
    assert Article.objects.get(title="Talks number 0").statements.get().speaker.name == "Wang Yi"
    assert Article.objects.get(title="Talks number 1").statements.get().speaker.name == "Penny Wong"


def test_a_shared_source_url_updates_the_latest_story_with_it(tmp_path):
    older = factories.make_article("Talks", published_at=factories.newsroom_time(2023, 5, 1, 9),
                                   source_url="https://example.com/a")
    newer = factories.make_article("Talks", published_at=factories.newsroom_time(2023, 5, 2, 9),
                                   source_url="https://example.com/a")
    path = write_story(tmp_path, "talks.txt", title="Talks", when="2023-05-02 09:00", body="Updated text.")

    run_import(path, "--source-url", "https://example.com/a")

    assert Article.objects.get(pk=newer.pk).body == "Updated text."
    assert Article.objects.get(pk=older.pk).body != "Updated text."


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite compares titles ignoring ASCII case only")
def test_a_title_the_database_calls_equal_ignoring_case_is_the_same_story(tmp_path):
    write_story(tmp_path, "talks.txt", title="Talks in Yildiz")
    run_import(tmp_path)
    write_story(tmp_path, "talks.txt", title="TALKS IN YıLDıZ", body="Updated text.")

    output, _ = run_import(tmp_path)

    assert "1 updated" in output
    assert Article.objects.get().body == "Updated text."


def test_an_empty_batch_saves_nothing():
    assert importing.Importer().import_stories([]) == []


def planner_row_estimate(table):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
            return cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if not cursor.fetchone()[0]:
            return None
        cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = %s", [table])
        row = cursor.fetchone()
        return row and int(row[0].split()[0])


def test_a_big_import_leaves_the_planner_current_statistics(tmp_path, monkeypatch):
    monkeypatch.setattr(planner, "WORTH_ANALYZING", 3)
    for number in range(3):
        (tmp_path / f"{number}.txt").write_text(
            f"Wang Yi Meets Guest {number}\n\n2023-01-0{number + 1} 10:00\n\nWang Yi said China is ready.\n",
            encoding="utf-8",
        )

    output, failure = run_import(tmp_path)

    assert failure == "" and "3 created" in output
    assert planner_row_estimate("articles_article") >= 3
