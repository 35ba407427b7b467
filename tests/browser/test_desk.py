"""The desk's screens in Chromium: no serious accessibility violation, and how each looks at
a desktop's width and a phone's (screenshots in test-artifacts/)."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from articles.models import Article, Statement
from tests import factories
from tests.browser.test_editorial_flow import log_in
from tests.conftest import desk_member

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SEED_STORY = "Pakistani President Arif Alvi Meets with Qin Gang"


@pytest.fixture
def desk(django_user_model):
    call_command("loaddata", "seed_story", verbosity=0)
    seed = Article.objects.get(title=SEED_STORY)
    # As an import leaves it: every statement a suggestion waiting for an editor.
    seed.statements.update(review=Statement.Review.SUGGESTED)
    factories.make_article("Ministers meet in Islamabad", status=Article.Status.IN_REVIEW)
    return {
        "seed": seed,
        "editor": desk_member(django_user_model, "edith", "Editors"),
        "contributor": desk_member(django_user_model, "carla", "Contributors"),
    }


def at_both_widths(page, screenshot, name):
    """Screenshots at 1280 px and at a phone's 390 px, back at 1280 px after."""
    screenshot(page, f"desk-{name}-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, f"desk-{name}-390")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_desk_home_shows_what_waits_and_is_accessible(open_page, desk, accessibility_violations, screenshot):
    page = open_page()
    log_in(page, "edith")

    expect(page.locator(".desk-tray h2").first).to_contain_text("In review")
    expect(page.locator(".desk-tray", has_text="Suggestions waiting")).to_contain_text(SEED_STORY)
    at_both_widths(page, screenshot, "home")
    assert accessibility_violations(page) == []


def test_editor_reviews_the_seed_storys_suggestions_by_keyboard_alone(open_page, desk, screenshot):
    seed = desk["seed"]
    page = open_page()
    log_in(page, "edith")
    page.goto(f"/admin/articles/article/{seed.pk}/change/")
    # Measured once the body editor has drawn itself: until then the page is shorter or
    # taller by a few lines, whichever comes first.
    expect(page.get_by_role("textbox", name="Body")).to_be_visible()
    page.wait_for_load_state("networkidle")
    height = page.evaluate("document.documentElement.scrollHeight")
    at_both_widths(page, screenshot, "story-change")
    assert height <= 3500, f"the story page is {height} px tall"

    lines = page.locator(".statement-line[data-statement]")
    expect(lines).to_have_count(7)
    lines.first.focus()
    # Confirm, confirm, reject, then move down past one and confirm the rest.
    waiting = page.locator(".statement-line[data-review=suggested]")
    left = 7
    for key in ["c", "c", "r", "j", "c", "c", "c"]:
        page.keyboard.press(key)
        if key != "j":
            left -= 1
            expect(waiting).to_have_count(left)
            page.wait_for_function("!document.querySelector('.statement-review[aria-busy]')")
    expect(waiting).to_have_count(1)
    # Focus shows where the keyboard is.
    focused = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert focused == "solid"
    screenshot(page, "desk-story-reviewed")

    reviews = list(seed.statements.order_by("position").values_list("review", flat=True))
    assert reviews == ["confirmed", "confirmed", "rejected", "suggested", "confirmed", "confirmed", "confirmed"]
    # The page carries on from the version its decisions made: saving it keeps them.
    page.fill("#id_summary", "The presidents met in Islamabad.")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert list(seed.statements.order_by("position").values_list("review", flat=True)) == reviews


def desk_screens(desk):
    seed, wang = desk["seed"], desk["seed"].people.order_by("name").first()
    return {
        "story-list": "/admin/articles/article/",
        "story-add": "/admin/articles/article/add/",
        "story-change": f"/admin/articles/article/{seed.pk}/change/",
        "statement-list": "/admin/articles/statement/",
        "history": f"/admin/articles/article/{seed.pk}/history/",
        "people-list": f"/admin/articles/person/?q={wang.name.split()[0]}",
    }


@pytest.mark.parametrize("screen", ["story-list", "story-add", "story-change", "statement-list", "history"])
def test_desk_screens_have_no_serious_accessibility_violation(open_page, desk, accessibility_violations,
                                                              screenshot, screen):
    page = open_page()
    log_in(page, "edith")
    assert page.goto(desk_screens(desk)[screen]).status == 200

    at_both_widths(page, screenshot, screen)
    assert accessibility_violations(page) == []


def test_login_and_merge_screens_have_no_serious_accessibility_violation(open_page, desk, accessibility_violations,
                                                                         screenshot):
    page = open_page()
    page.goto("/admin/login/")
    at_both_widths(page, screenshot, "login")
    assert accessibility_violations(page) == []

    log_in(page, "edith")
    page.goto("/admin/articles/person/")
    page.locator("input.action-select").nth(0).check()
    page.locator("input.action-select").nth(1).check()
    page.select_option("select[name=action]", "merge_people")
    page.click("button[name=index]")
    expect(page.locator("h1")).to_contain_text("Merge")
    at_both_widths(page, screenshot, "merge")
    assert accessibility_violations(page) == []


def test_times_are_labelled_in_the_newsrooms_zone_without_the_browsers_offset_note(browser, live_server, desk):
    # An editor abroad: the browser's clock is eight hours behind the newsroom's.
    context = browser.new_context(base_url=live_server.url, timezone_id="Europe/London")
    page = context.new_page()
    log_in(page, "edith")
    page.goto(f"/admin/articles/article/{desk['seed'].pk}/change/")

    # The browser is not on the newsroom's clock (Asia/Shanghai, UTC+8): the admin would warn.
    assert page.evaluate("new Date().getTimezoneOffset()") != -480
    expect(page.locator(".field-published_at .newsroom-zone")).to_have_text("Newsroom time: Asia/Shanghai (UTC+08:00)")
    expect(page.get_by_label("Date:", exact=True).first).to_have_value("2023-05-06")
    expect(page.locator("text=server time")).to_have_count(0)
    context.close()


def test_an_administrator_adds_a_staff_member_in_one_step(open_page, desk, django_user_model,
                                                         accessibility_violations, screenshot):
    django_user_model.objects.create_superuser("admin", "admin@example.com", "a-long-password")
    page = open_page()
    log_in(page, "admin")
    page.goto("/admin/auth/user/")
    page.click("text=Add staff member")
    page.fill("#id_name", "Carla Mendes")
    page.fill("#id_email", "carla.mendes@example.com")
    page.check("text=Editor: publishes")
    at_both_widths(page, screenshot, "staff-add")
    assert accessibility_violations(page) == []
    page.click("input[name=_save]")

    expect(page.locator("#password-link")).to_have_value(re.compile(r"/admin/password/"))
    at_both_widths(page, screenshot, "staff-added")
    assert accessibility_violations(page) == []


def test_editor_prepares_a_pending_change_previews_and_publishes_it_while_readers_see_the_live_story(
        open_page, desk, screenshot):
    seed = desk["seed"]
    reader = open_page()
    page = open_page()
    log_in(page, "edith")
    page.goto(f"/admin/articles/article/{seed.pk}/change/")
    page.fill("#id_title", "Pakistani President Arif Alvi Receives Qin Gang")
    page.click("input[name=_pending]")
    expect(page.locator(".pending-notice")).to_contain_text("A pending change waits")
    at_both_widths(page, screenshot, "pending-change")

    reader.goto(seed.get_absolute_url())
    expect(reader.locator("h1")).to_have_text(SEED_STORY)
    with page.expect_popup() as popup:
        page.click(".pending-notice a:has-text('Preview')")
    preview = popup.value
    expect(preview.locator("h1")).to_have_text("Pakistani President Arif Alvi Receives Qin Gang")
    expect(preview.locator(".preview-banner")).to_contain_text("A pending change to this live story")
    screenshot(preview, "desk-pending-preview")

    page.click("text=Publish the pending change")
    expect(page.locator(".messagelist")).to_contain_text("Published the pending change")
    reader.reload()
    expect(reader.locator("h1")).to_have_text("Pakistani President Arif Alvi Receives Qin Gang")
