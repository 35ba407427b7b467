"""The admin's "Import stories" page: editors upload story files and saved pages or paste a
story, and get one result line per file, through the importer import_articles uses."""

import re
from html import unescape
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DataError
from django.urls import reverse
from reversion.models import Version

from articles.models import Article, Person, Section
from articles.suggestions import Suggester

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sections():
    # The sections the stories' breadcrumbs name, as the newsroom has them: imports file
    # stories under sections that exist, and never make one.
    for name in ("Europe News", "Ambassador's Activities"):
        Section.objects.create(name=name)

IMPORT = reverse("admin:articles_article_import")
HTML = Path(__file__).parent / "data" / "html"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"

TALKS = (
    "Home > Europe News\nWang Yi Holds Talks with Josep Borrell\n\n2023-05-06 10:00\n\n"
    "Wang Yi held talks with EU High Representative Josep Borrell in Brussels.\n\n"
    "Wang Yi said that China and the EU are partners, not rivals.\n"
)
# As an editor copies it from the ministry's page: menu, breadcrumb, print link, no date line.
PASTED = (
    "Home | News | Ministry | Diplomatic Activities\r\n"
    "Home > News\r\n"
    "Vice Foreign Minister Meets with the Ambassador of Chile\r\n"
    "Large Medium Small | Print\r\n\r\n"
    "On February 3, Vice Foreign Minister Ma Zhaoxu met with Chilean Ambassador to China Mauricio Hurtado in Beijing.\r\n\r\n"
    "Mauricio Hurtado said that Chile attaches great importance to its partnership with China.\r\n\r\n"
    "Suggset To Friend:\r\n"
)


def upload(name, content):
    return SimpleUploadedFile(name, content.encode() if isinstance(content, str) else content)


def post(client, **fields):
    data = {"text": "", "source_url": "", "date": "", "section": "", "status": "", **fields}
    return client.post(IMPORT, data)


def result_lines(response):
    """The page's result table as (file, result, story, notes) rows of text, as the editor reads them."""
    rows = re.findall(r'<tr class="import-result[^"]*">(.*?)</tr>', response.content.decode(), re.DOTALL)
    return [
        tuple(" ".join(unescape(re.sub(r"<[^>]+>", "", cell)).split()) for cell in re.findall(r"<td>(.*?)</td>", row, re.DOTALL))
        for row in rows
    ]


def test_an_editor_imports_several_files_and_reaches_the_stories_created(editor, editor_client):
    response = post(editor_client, files=[
        upload("talks.txt", TALKS),
        upload("camp.html", (HTML / "embassy_table_layout.html").read_bytes()),
        upload("photo.txt", PNG),
    ])

    assert response.status_code == 200
    assert result_lines(response) == [
        ("talks.txt", "created", "Wang Yi Holds Talks with Josep Borrell (2023-05-06)",
         "1 statement suggested, 2 new people, 1 country linked"),
        ("camp.html", "created",
         "Ambassador Hong Xiaoyong Attends the Opening of the China-Singapore Youth Innovation Camp (2019-11-18)",
         "3 statements suggested, 2 new people, 2 countries linked"),
        ("photo.txt", "error", "", "binary file, not text: it looks like a PNG image"),
    ]
    talks = Article.objects.get(title="Wang Yi Holds Talks with Josep Borrell")
    camp = Article.objects.get(section__name="Ambassador's Activities")
    content = response.content.decode()
    for article in (talks, camp):
        assert reverse("admin:articles_article_change", args=[article.pk]) in content
    assert "2 created, 0 updated, 0 unchanged, 1 failed" in content
    assert (talks.status, talks.created_by) == (Article.Status.DRAFT, editor)
    assert Version.objects.get_for_object(talks).get().revision.user == editor


def test_a_pasted_story_with_its_source_url_date_section_and_status(editor_client):
    section = Section.objects.create(name="Latin America", slug="latin-america")

    # Its breadcrumb names no section: it goes to the one chosen.
    response = post(
        editor_client, text=PASTED.replace("Home > News", "Home > Diplomatic Activities"),
        source_url="https://www.mfa.example.cn/eng/wjbxw/202302/t20230204_11019716.html",
        section=section.pk, status=Article.Status.PUBLISHED,
    )

    [(source, result, title, notes)] = result_lines(response)
    assert (source, result, title) == (
        "pasted story", "created", "Vice Foreign Minister Meets with the Ambassador of Chile (2023-02-04)",
    )
    assert notes.startswith("date from the source URL; ")
    article = Article.objects.get()
    assert (article.section, article.status, str(article.published_on)) == (section, Article.Status.PUBLISHED, "2023-02-04")
    assert article.paragraphs == [
        "On February 3, Vice Foreign Minister Ma Zhaoxu met with Chilean Ambassador to China Mauricio Hurtado in Beijing.",
        "Mauricio Hurtado said that Chile attaches great importance to its partnership with China.",
    ]


def test_a_pasted_story_with_only_a_date_given(editor_client):
    response = post(editor_client, text=PASTED, date="2023-02-04 16:30")

    assert result_lines(response)[0][3].startswith("date as given; ")
    assert str(Article.objects.get().published_on) == "2023-02-04"


def test_a_story_not_in_english_says_it_was_imported_without_extraction(editor_client):
    response = post(editor_client, files=[upload("camp.html", (HTML / "chinese_embassy_news.html").read_bytes())])

    assert result_lines(response) == [
        ("camp.html", "created", "驻新加坡大使出席中新青年创新营开营仪式 (2023-07-11)", "language zh, imported without extraction"),
    ]
    assert "imported without extraction" in response.content.decode()
    assert not Person.objects.exists()


def test_importing_the_same_file_again_is_unchanged(editor_client):
    post(editor_client, files=[upload("talks.txt", TALKS)])

    response = post(editor_client, files=[upload("talks.txt", TALKS)])

    assert [line[:2] for line in result_lines(response)] == [("talks.txt", "unchanged")]
    assert Article.objects.count() == 1


def test_a_file_without_a_date_saves_nothing_of_itself(editor_client):
    response = post(editor_client, files=[upload("call.txt", PASTED), upload("talks.txt", TALKS)])

    assert result_lines(response)[0] == (
        "call.txt", "error", "",
        "no date: expected a line like '2023-05-06 15:34' after the title, found 'On February 3, Vice Foreign Minister Ma…'; "
        "a source URL with the date in it, or a date given with the story, would do too",
    )
    assert list(Article.objects.values_list("title", flat=True)) == ["Wang Yi Holds Talks with Josep Borrell"]


def test_a_story_the_database_refuses_leaves_nothing_half_saved(editor_client, monkeypatch):
    new_statements = Suggester.new_statements

    def refuse_talks(suggester, article, *args):
        if article.title == "Wang Yi Holds Talks with Josep Borrell":
            raise DataError("value too long for type character varying(300)")
        return new_statements(suggester, article, *args)

    monkeypatch.setattr(Suggester, "new_statements", refuse_talks)

    response = post(editor_client, files=[
        upload("talks.txt", TALKS), upload("camp.html", (HTML / "embassy_table_layout.html").read_bytes()),
    ])

    assert [line[:2] for line in result_lines(response)] == [("talks.txt", "error"), ("camp.html", "created")]
    assert result_lines(response)[0][3] == "the database refused it: value too long for type character varying(300)"
    assert list(Article.objects.values_list("section__name", flat=True)) == ["Ambassador's Activities"]
    # The people only the refused story names were not kept.
    assert not Person.objects.filter(name__in=["Wang Yi", "Josep Borrell"]).exists()


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({}, None, "Choose story files or paste a story."),
        ({"date": "yesterday"}, "date", "Write the date like 2023-05-06 or 2023-05-06 15:34."),
        ({"date": "2023-02-30"}, "date", "Impossible date: &#x27;2023-02-30&#x27; is not a real date."),
        ({"source_url": "javascript:alert(1)"}, "source_url", "Enter a valid URL."),
    ],
)
def test_a_rejected_form_says_why_and_keeps_what_was_typed(editor_client, fields, field, message):
    typed = {"text": PASTED, **fields} if field else {}

    response = post(editor_client, **typed)

    assert response.status_code == 200
    assert result_lines(response) == []
    assert message in response.content.decode()
    if field:
        form = response.context["form"]
        assert form[field].value() == fields[field]
        assert form["text"].value() == PASTED
        assert "Vice Foreign Minister Meets with the Ambassador of Chile" in response.content.decode()
    assert not Article.objects.exists()


def test_a_source_url_with_several_stories_is_refused(editor_client):
    response = post(editor_client, text=TALKS, files=[upload("camp.html", (HTML / "embassy_table_layout.html").read_bytes())],
                    source_url="https://www.example.org/news/1.html")

    assert "A source URL names one story: give one file or one pasted story with it." in response.content.decode()
    assert not Article.objects.exists()


def test_contributors_may_not_import(contributor_client):
    assert contributor_client.get(IMPORT).status_code == 403
    assert post(contributor_client, text=TALKS).status_code == 403
    assert not Article.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = post(client, text=TALKS)

    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not Article.objects.exists()


def test_superusers_may_import(staff_client):
    response = post(staff_client, text=TALKS)

    assert [line[:2] for line in result_lines(response)] == [("pasted story", "created")]


def test_the_article_list_links_to_the_import_page_for_editors_only(editor_client, contributor_client):
    changelist = reverse("admin:articles_article_changelist")

    assert f'href="{IMPORT}"' in editor_client.get(changelist).content.decode()
    assert f'href="{IMPORT}"' not in contributor_client.get(changelist).content.decode()
