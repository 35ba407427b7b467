"""import_articles on stories as editors get them: pasted pages, saved web pages, stories
without a date line, stories not in English."""

import io
import shutil
import sys
from pathlib import Path

import pytest
from django.utils import timezone

from articles.models import Article, Section, Statement

from .test_import_export import run_import

HTML = Path(__file__).parent / "data" / "html"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sections():
    # The sections the pages' breadcrumbs name, as the newsroom has them.
    for name in ("Embassy News", "Ambassador's Activities", "Press Releases"):
        Section.objects.create(name=name)

# Pasted from an embassy's page, menus and footer included, with no date line at all.
PASTED_WITHOUT_DATE = """中文 | English
Home | About the Embassy | Embassy News | Consular Services
Current location: Home > Embassy News
Ambassador Sun Haiyan Calls on Speaker of Parliament Tan Chuan-Jin
(From Chinese Embassy in Singapore)
【Print】【Close】

On 15 November, Ambassador Sun Haiyan called on Speaker of Parliament Tan Chuan-Jin.

Tan Chuan-Jin said that Singapore valued its long friendship with China.

Suggset To Friend:
Copyright © Embassy of the People's Republic of China in the Republic of Singapore.
"""


def write(directory, name, text):
    path = Path(directory) / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_pasted_page_without_a_date_takes_the_date_from_its_source_url(tmp_path):
    path = write(tmp_path, "call.txt", PASTED_WITHOUT_DATE)

    output, failure = run_import(path, "--source-url", "http://sg.china-embassy.gov.cn/eng/dsxx/201911/t20191118_1356420.htm")

    assert failure == ""
    assert (
        f"created    {path}: Ambassador Sun Haiyan Calls on Speaker of Parliament Tan Chuan-Jin (2019-11-18); "
        "date from the source URL; "
    ) in output
    article = Article.objects.get()
    assert (article.section.name, article.source_name) == ("Embassy News", "Chinese Embassy in Singapore")
    assert article.paragraphs == [
        "On 15 November, Ambassador Sun Haiyan called on Speaker of Parliament Tan Chuan-Jin.",
        "Tan Chuan-Jin said that Singapore valued its long friendship with China.",
    ]


def test_a_pasted_page_without_a_date_takes_the_date_given(tmp_path):
    path = write(tmp_path, "call.txt", PASTED_WITHOUT_DATE)

    output, failure = run_import(path, "--date", "2019-11-18 16:05")

    assert failure == ""
    assert "(2019-11-18); date as given; " in output
    assert timezone.localtime(Article.objects.get().published_at).strftime("%H:%M") == "16:05"


def test_a_story_with_no_date_anywhere_is_refused_naming_the_three_ways(tmp_path):
    path = write(tmp_path, "call.txt", PASTED_WITHOUT_DATE)

    output, failure = run_import(path)

    assert (
        f"error      {path}: no date: expected a line like '2023-05-06 15:34' after the title, "
        "found 'On 15 November, Ambassador Sun Haiyan c…'; a source URL with the date in it, "
        "or a date given with the story, would do too"
    ) in output
    assert failure == "1 of 1 stories failed to import."
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("yesterday", "--date 'yesterday' is not a date: write it like 2023-05-06 or 2023-05-06 15:34."),
        ("2023-02-30", "--date '2023-02-30': impossible date: '2023-02-30' is not a real date"),
    ],
)
def test_a_date_option_that_is_no_date_is_refused(tmp_path, typed, message):
    path = write(tmp_path, "call.txt", PASTED_WITHOUT_DATE)

    _, failure = run_import(path, "--date", typed)

    assert failure.endswith(message)
    assert not Article.objects.exists()


def test_a_directory_of_saved_pages_and_story_files(tmp_path):
    for name in ("embassy_table_layout.html", "ministry_modern_layout.html"):
        shutil.copy(HTML / name, tmp_path / name)
    shutil.copy(HTML / "embassy_date_below_story.html", tmp_path / "kyoto.HTM")
    write(tmp_path, "notes.md", "not a story")
    write(tmp_path, "talks.txt", "Wang Yi Holds Talks with Josep Borrell\n\n2023-05-06\n\nBoth sides held talks.\n")

    output, failure = run_import(tmp_path)

    assert failure == ""
    assert "4 created, 0 updated, 0 unchanged, 0 failed" in output
    camp = Article.objects.get(title__startswith="Ambassador Hong Xiaoyong")
    assert camp.section.name == "Ambassador's Activities"
    assert camp.source_url == "http://sg.china-embassy.gov.cn/eng/dsxx/201911/t20191118_1356420.htm"
    assert str(camp.published_on) == "2019-11-18"
    assert camp.language == "en"
    dialogue = Article.objects.get(title="India and Japan Hold Fifth Round of Maritime Affairs Dialogue")
    assert (dialogue.section.name, dialogue.source_name) == ("Press Releases", "Ministry of External Affairs")
    kyoto = Article.objects.get(title="Ambassador Calls on the Governor of Kyoto Prefecture")
    assert (str(kyoto.published_on), kyoto.source_name) == ("2019-09-27", "Embassy of India, Tokyo")


def test_a_saved_page_is_found_again_by_its_canonical_address(tmp_path):
    path = shutil.copy(HTML / "ministry_date_in_address.html", tmp_path / "chile.html")
    run_import(path)
    # Saved again: other bytes, so it is read again, and known by its address.
    Path(path).write_bytes(Path(path).read_bytes() + b"\n<!-- saved again -->\n")

    output, _ = run_import(path)

    assert f"unchanged  {path}: Vice Foreign Minister Meets with the Ambassador of Chile (2023-02-04); date from the source URL" in output
    assert Article.objects.get().source_url == "https://www.mfa.example.cn/eng/wjbxw/202302/t20230204_11019716.html"


def test_an_english_page_gets_its_statements_suggested(tmp_path):
    path = shutil.copy(HTML / "ministry_date_in_address.html", tmp_path / "chile.html")

    output, _ = run_import(path)

    article = Article.objects.get()
    assert article.statements.filter(review=Statement.Review.SUGGESTED).exists()
    assert "statement" in output.splitlines()[0] and "suggested" in output.splitlines()[0]


def test_a_page_in_chinese_is_imported_with_its_language_and_without_extraction(tmp_path):
    path = shutil.copy(HTML / "chinese_embassy_news.html", tmp_path / "camp.html")

    output, failure = run_import(path)

    assert failure == ""
    assert f"created    {path}: 驻新加坡大使出席中新青年创新营开营仪式 (2023-07-11); language zh, imported without extraction" in output
    article = Article.objects.get()
    assert article.language == "zh"
    assert not article.statements.exists()
    assert not article.people.exists() and not article.countries.exists()


def test_a_story_file_in_french_is_imported_without_extraction(tmp_path):
    path = write(tmp_path, "visite.txt", (
        "Accueil > Actualités\nLe ministre reçoit son homologue sénégalais\n\n2024-03-12\n\n"
        "Le ministre des Affaires étrangères a reçu ce mardi son homologue sénégalais au Quai d'Orsay. "
        "Les deux ministres ont évoqué la coopération bilatérale et la situation au Sahel.\n\n"
        "Le ministre a déclaré que la France restait aux côtés du Sénégal.\n"
    ))

    output, _ = run_import(path)

    assert "(2024-03-12); language fr, imported without extraction" in output
    assert Article.objects.get().language == "fr"


def test_a_page_on_standard_input_is_read_as_a_page(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((HTML / "embassy_table_layout.html").read_bytes())))

    output, failure = run_import("-")

    assert failure == ""
    assert "created    -: Ambassador Hong Xiaoyong Attends the Opening" in output
    assert Article.objects.get().section.name == "Ambassador's Activities"


def test_a_saved_page_dated_only_above_its_headline_reads_that_date():
    from datetime import datetime

    from articles.webpage import parse_page
    page = (
        "<!DOCTYPE html><html><head><title>Minister to meet counterpart</title></head><body>"
        "<nav><a href='/'>Front page</a> | <a href='/news'>News</a></nav>"
        "<article><p class='meta'>Press release 254/2024 | 21.5.2024 10.45</p>"
        "<h1>Minister to meet counterpart</h1>"
        "<div><p>The Minister for Foreign Affairs will meet her counterpart in the capital on Wednesday "
        "to discuss cooperation on security, trade and the environment.</p>"
        "<p>The ministers will also discuss the situation in the region and next year's summit.</p></div>"
        "</article></body></html>").encode()
    story = parse_page(page)
    assert (story.title, story.published_at) == ("Minister to meet counterpart", datetime(2024, 5, 21, 10, 45))
