"""The Content-Security-Policy, as Chromium enforces it: every public page and the desk's
busiest screens run without a single violation, and the scripts they need still work."""

import pytest
import reversion
from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Article
from tests import factories
from tests.conftest import desk_member

from .test_editorial_flow import choose_in_autocomplete, log_in


@pytest.fixture
def watched(open_page):
    """open_page, and every CSP violation or script error the pages it opens report."""
    problems = []

    def console(page, message):
        # Chromium reports a violation as a console error ("Refused to execute inline script
        # because it violates the following Content Security Policy directive ...").
        if message.type == "error" and "Content Security Policy" in message.text:
            problems.append(f"{page.url}: {message.text}")

    def open_watched_page():
        page = open_page()
        page.on("console", lambda message: console(page, message))
        page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))
        return page

    return open_watched_page, problems


@pytest.fixture
def story(django_user_model):
    pakistan, china = factories.country("PK"), factories.country("CN")
    wang = factories.make_person("Wang Yi", country=china)
    factories.make_role(wang, "Foreign Minister", country=china)
    article = factories.make_article(
        "Wang Yi meets Ishaq Dar", published_at=factories.newsroom_time(2023, 5, 6, 10), tags=["diplomacy"],
        people=[wang], countries=[pakistan, china], summary="The ministers met in Beijing.",
    )
    factories.make_statement(article, wang, "China and Pakistan are all-weather partners.", countries=[pakistan])
    with reversion.create_revision():
        article.save()
    desk_member(django_user_model, "edith", "Editors")
    return article


def test_public_pages_run_under_the_policy_without_a_violation(watched, story):
    open_watched_page, problems = watched
    page = open_watched_page()
    pages = [
        "/", story.get_absolute_url(), story.section.get_absolute_url(), "/tags/diplomacy/", "/people/",
        "/people/wang-yi/", "/countries/", "/countries/cn/", "/relations/cn/pk/", "/news/2023/", "/news/2023/05/",
        "/statements/", "/search/?q=wang", "/no-such-page/",
    ]

    for url in pages:
        response = page.goto(url)
        assert "default-src 'none'" in response.headers["content-security-policy"], url

    assert problems == []


def test_the_desk_works_under_the_policy_without_a_violation(watched, story):
    open_watched_page, problems = watched
    desk = open_watched_page()

    # A wrong password first: the login page with its error.
    desk.goto("/admin/login/")
    desk.fill("#id_username", "edith")
    desk.fill("#id_password", "not the password")
    desk.click("input[type=submit]")
    expect(desk.locator(".errornote")).to_be_visible()
    log_in(desk, "edith")

    desk.goto(reverse("admin:articles_article_changelist"))
    desk.goto(reverse("admin:articles_article_change", args=[story.pk]))
    # The tag field's suggestions come from a script and a fetch.
    desk.fill("#id_tags", "")
    desk.type("#id_tags", "dipl")
    expect(desk.locator("#id_tags-suggestions option")).to_have_count(1)
    # The statements inline: another statement, its speaker from the select2 autocomplete.
    desk.click("text=Add another Statement")
    desk.fill("#id_statements-1-position", "2")
    choose_in_autocomplete(desk, "id_statements-1-speaker", "Wang", "Wang Yi")
    desk.fill("#id_statements-1-cue", "added")
    desk.fill("#id_statements-1-text", "The corridor will be extended.")
    # The calendar and clock pickers of the publication time.
    for kind in ("calendar", "clock"):
        link = desk.locator(f".field-published_at a[id^={kind}link]")
        number = link.get_attribute("id").removeprefix(f"{kind}link")
        link.click()
        expect(desk.locator(f"#{kind}box{number}")).to_be_visible()
        desk.keyboard.press("Escape")
    desk.click("input[name=_continue]")
    expect(desk.locator(".messagelist")).to_contain_text("was changed successfully")
    assert Article.objects.get(pk=story.pk).statements.count() == 2

    desk.goto(reverse("admin:articles_article_history", args=[story.pk]))
    expect(desk.locator(".revision").first).to_be_visible()
    desk.goto(reverse("admin:articles_person_change", args=[story.people.get().pk]))
    desk.goto(reverse("articles:preview", args=[story.pk]))

    assert problems == []
