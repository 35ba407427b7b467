"""Formatted bodies: what the desk's editor writes reaches readers safe, and everything that
reads a story's text (statements, search, feeds, export, import) reads the text of its blocks."""

import io
from importlib import import_module

import feedparser
import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from articles.models import Article, Statement
from articles.workflow import review_suggestions
from tests import factories
from tests.test_admin import admin_url, form_data
from tests.test_import_export import run_import, write_story
from tests.test_suggestions import admin_add

pytestmark = pytest.mark.django_db

FORMATTED = (
    "<p>Chinese Foreign Minister Wang Yi met Pakistani Foreign Minister Ishaq Dar in Beijing on Monday.</p>"
    "<h2>A partnership</h2>"
    '<p>Wang said that China and Pakistan are <strong>all-weather</strong> strategic partners, '
    'as the <a href="https://www.fmprc.gov.cn/eng/">ministry</a> reported.</p>'
    "<ul><li><p>Trade</p></li><li><p>The corridor</p></li></ul>"
    "<blockquote><p>Friends in every season.</p></blockquote>"
)


def page_of(article):
    return Client().get(article.get_absolute_url()).content.decode()


def test_a_story_saved_with_a_subheading_a_link_a_list_and_a_quote_shows_them_to_readers(staff_client):
    article = admin_add(staff_client, FORMATTED)
    Article.objects.filter(pk=article.pk).update(status=Article.Status.PUBLISHED)

    page = page_of(article)

    assert '<h2 id="p2">A partnership</h2>' in page
    assert '<a href="https://www.fmprc.gov.cn/eng/" rel="noopener noreferrer nofollow">ministry</a>' in page
    assert '<ul><li><p id="p4">Trade</p></li><li><p id="p5">The corridor</p></li></ul>' in page
    assert '<blockquote><p id="p6">Friends in every season.</p></blockquote>' in page
    assert "<strong>all-weather</strong>" in page


def test_the_plain_text_is_the_blocks_text_one_blank_line_apart(staff_client):
    article = admin_add(staff_client, FORMATTED)

    assert article.body.split("\n\n") == [
        "Chinese Foreign Minister Wang Yi met Pakistani Foreign Minister Ishaq Dar in Beijing on Monday.",
        "A partnership",
        "Wang said that China and Pakistan are all-weather strategic partners, as the ministry reported.",
        "Trade", "The corridor", "Friends in every season.",
    ]


def test_scripts_event_handlers_and_javascript_links_never_reach_the_page(staff_client):
    article = admin_add(staff_client, (
        '<p onclick="steal()">Talks <a href="javascript:steal()">went</a> well.</p>'
        "<script>steal()</script><p><img src=x onerror=steal()>Both sides agreed.</p>"
    ))
    Article.objects.filter(pk=article.pk).update(status=Article.Status.PUBLISHED)

    page = page_of(article)

    assert "steal()" not in page and "javascript:" not in article.body_html
    assert '<p id="p1">Talks <a rel="noopener noreferrer nofollow">went</a> well.</p>' in page
    assert article.body == "Talks went well.\n\nBoth sides agreed."


def test_text_that_looks_like_markup_is_shown_as_text():
    article = factories.make_article(body_html="<p>The &lt;script&gt; tag &amp; the 5 &lt; 6 rule.</p>")

    assert article.body == "The <script> tag & the 5 < 6 rule."
    assert "<p id=\"p1\">The &lt;script&gt; tag &amp; the 5 &lt; 6 rule.</p>" in page_of(article)


def test_statements_found_in_a_formatted_body_mark_their_words_without_breaking_tags(staff_client):
    article = admin_add(staff_client, FORMATTED)
    review_suggestions([article], Statement.Review.CONFIRMED, user=None)
    Article.objects.filter(pk=article.pk).update(status=Article.Status.PUBLISHED)
    statement = Statement.objects.get(article=article)

    page = page_of(article)

    assert article.body[statement.start:statement.end] == statement.text
    assert statement.text == "China and Pakistan are all-weather strategic partners, as the ministry reported."
    # Marked piece by piece around the bold and the link, each piece inside its own element.
    assert (
        '<p id="p3">Wang said that <span class="passage" id="said-1">China and Pakistan are </span>'
        '<strong><span class="passage">all-weather</span></strong>'
        '<span class="passage"> strategic partners, as the </span>'
        '<a href="https://www.fmprc.gov.cn/eng/" rel="noopener noreferrer nofollow"><span class="passage">ministry</span></a>'
        '<span class="passage"> reported.</span> <a class="passage__speaker"'
    ) in page


def test_search_finds_the_words_of_a_formatted_body(client):
    factories.make_article("Talks", body_html="<h2>Energy</h2><ul><li>Hydropower in Gilgit</li></ul>")

    response = client.get(reverse("articles:search"), {"q": "hydropower"})

    assert "Talks" in response.content.decode()


def test_feeds_carry_the_text_of_the_blocks_never_their_markup(client):
    factories.make_article("Talks", body_html='<p>Both <strong>sides</strong> met <a href="https://e.org/">here</a>.</p>')

    feed = feedparser.parse(client.get(reverse("articles:feed")).content)

    assert feed.entries[0].summary == "Both sides met here."


def test_export_writes_the_plain_text_and_import_gives_plain_paragraphs(tmp_path):
    factories.make_article("Talks", body_html="<h2>Energy</h2><p>Both <em>sides</em> met.</p>")

    call_command("export_articles", str(tmp_path), stdout=io.StringIO())
    exported = next(tmp_path.iterdir()).read_text(encoding="utf-8")
    assert "Energy\n\nBoth sides met." in exported and "<" not in exported

    incoming = tmp_path / "incoming"
    incoming.mkdir()
    write_story(incoming, "talks.txt", body="Both sides held talks.\n\nA second paragraph.")
    run_import(incoming)
    imported = Article.objects.get(title="Wang Yi Holds Talks with Josep Borrell")
    assert imported.body_html == "<p>Both sides held talks.</p><p>A second paragraph.</p>"


def test_a_reimport_replaces_a_formatted_body_with_the_files_paragraphs(tmp_path):
    write_story(tmp_path, "talks.txt", body="Both sides held talks.")
    run_import(tmp_path)
    article = Article.objects.get()
    article.body_html = "<h2>Talks</h2><p>Both sides held talks.</p>"
    article.save()

    write_story(tmp_path, "talks.txt", body="Both sides held long talks.")
    run_import(tmp_path)

    article.refresh_from_db()
    assert (article.body, article.body_html) == ("Both sides held long talks.", "<p>Both sides held long talks.</p>")


def test_the_migration_gives_stored_plain_bodies_their_paragraphs():
    article = factories.make_article(body="First & foremost.\n\nA line\nand the next.")
    Article.objects.filter(pk=article.pk).update(body_html="")

    import_module("articles.migrations.0026_formatted_bodies").formatted_bodies(apps, None)

    article.refresh_from_db()
    assert article.body_html == "<p>First &amp; foremost.</p><p>A line<br>and the next.</p>"
    assert article.body == "First & foremost.\n\nA line\nand the next."


def test_a_pending_change_keeps_its_formatting_until_it_is_published(editor_client):
    story = factories.make_article("Ministers meet", body="They met in Beijing.")
    url = admin_url(Article, "change", story.pk)
    data = form_data(editor_client.get(url), "article_form")
    pending = "<h2>Talks</h2><p>They met in <em>Beijing</em>.</p>"

    editor_client.post(url, {**data, "body_html": pending, "_pending": "Save as pending change"})

    assert "Talks</h2>" not in page_of(story)
    preview = editor_client.get(reverse("articles:preview", args=[story.pk]), {"pending": 1}).content.decode()
    assert '<h2 id="p1">Talks</h2>' in preview
    editor_client.post(reverse("admin:articles_article_pending", args=[story.pk, "publish"]))
    story.refresh_from_db()
    assert (story.body_html, story.body) == (pending, "Talks\n\nThey met in Beijing.")


def test_a_body_written_around_the_sanitiser_is_still_cleaned_on_the_page():
    article = factories.make_article("Talks")
    Article.objects.filter(pk=article.pk).update(body_html='<p onclick="steal()">Talks<script>steal()</script></p>')

    assert "steal()" not in page_of(article)
