"""The reader's pages in Chromium: every kind at a desk's and a phone's width, axe-clean and
photographed for test-artifacts/, and what only a browser shows (the statements panel
opening, copying a link, the A-Z bar and the index filter)."""

import pytest
from playwright.sync_api import expect

from tests.factories import make_article, make_person, make_statement

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WIDTHS = {"desk": 1280, "phone": 390}


def test_every_page_kind_is_axe_clean_at_desk_and_phone_width(open_page, accessibility_violations, screenshot, every_page_kind):
    page = open_page()
    violations = []
    for width_name, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        for name, url in every_page_kind.items():
            page.goto(url)
            screenshot(page, f"reader-{name}-{width}")
            violations += [f"{name} at {width_name} width: {line}" for line in accessibility_violations(page)]

    assert violations == []


def test_who_said_what_opens_a_statement_to_its_whole_text_and_speaker(open_page, screenshot):
    speaker = make_person("Qin Gang")
    words = " ".join(f"word{number}" for number in range(40))
    story = make_article("Qin Gang speaks", people=[speaker])
    make_statement(story, speaker, words)
    page = open_page()
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(story.get_absolute_url())

    line = page.locator(".said__item summary")
    expect(line).to_contain_text("Qin Gang said word0 word1")
    expect(page.get_by_text("word39")).to_be_hidden()
    line.click()
    expect(page.get_by_text(words)).to_be_visible()
    expect(page.locator(".said__more").get_by_role("link", name="Qin Gang")).to_have_attribute("href", "/people/qin-gang/")
    screenshot(page, "reader-statement-opened-390")


def test_copy_link_copies_the_story_address(open_page):
    story = make_article("Talks in Islamabad")
    page = open_page()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(story.get_absolute_url())

    page.get_by_role("button", name="Copy link").click()

    expect(page.get_by_role("status").filter(has_text="Link copied.")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()").endswith(story.get_absolute_url())


def test_the_a_to_z_bar_and_the_filter_narrow_the_people_index(open_page):
    make_article(people=[make_person(name) for name in ["Çiçek Ayşe", "Chen Gang", "Qin Gang", "Anna Berg"]])
    page = open_page()
    page.goto("/people/")

    page.get_by_role("navigation", name="People by first letter").get_by_role("link", name="C", exact=True).click()
    expect(page.locator(".index-list a")).to_have_text(["Chen Gang", "Çiçek Ayşe"])
    expect(page.get_by_role("link", name="C", exact=True)).to_have_attribute("aria-current", "page")

    page.get_by_role("link", name="All", exact=True).click()
    page.get_by_label("Find people by name").fill("cicek ayse")
    page.get_by_label("Find people by name").press("Enter")
    expect(page.locator(".index-list a")).to_have_text(["Çiçek Ayşe"])


def test_search_forgives_accents_and_offers_the_name_a_misspelling_meant(open_page, screenshot):
    erdogan = make_person("Recep Tayyip Erdoğan")
    make_article("Erdoğan meets Qin Gang in Ankara", people=[erdogan, make_person("Qin Gang")])
    page = open_page()
    page.goto("/search/")

    page.get_by_label("Stories, statements and people").fill("erdogan")
    page.get_by_role("button", name="Search").click()
    expect(page.locator(".result h3")).to_have_text(["Erdoğan meets Qin Gang in Ankara"])
    expect(page.locator(".named").get_by_role("link", name="Recep Tayyip Erdoğan")).to_be_visible()

    page.get_by_label("Stories, statements and people").fill("Qin Gnag")
    page.get_by_role("button", name="Search").click()
    expect(page.locator(".no-hits")).to_contain_text("No story matches “Qin Gnag”.")
    page.locator(".did-you-mean").get_by_role("link", name="Qin Gang").click()
    expect(page.locator(".result h3")).to_have_text(["Erdoğan meets Qin Gang in Ankara"])
    screenshot(page, "reader-search-did-you-mean-1280")


DARK_PAGES = ["home", "story", "people", "country", "search", "search-nothing", "statements"]


def test_pages_keep_their_contrast_in_the_dark_scheme(open_page, accessibility_violations, screenshot, every_page_kind):
    page = open_page()
    page.emulate_media(color_scheme="dark")
    violations = []
    for name in DARK_PAGES:
        page.goto(every_page_kind[name])
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(20, 20, 20)"
        screenshot(page, f"reader-{name}-dark-1280")
        violations += [f"{name}: {line}" for line in accessibility_violations(page)]

    assert violations == []


def test_a_printed_story_keeps_the_story_and_leaves_out_the_screens_furniture(open_page, every_page_kind):
    page = open_page()
    page.emulate_media(color_scheme="dark", media="print")
    page.goto(every_page_kind["story"])

    for furniture in [".site-header nav", ".site-search", ".share", ".more-from", ".breadcrumb", ".site-footer"]:
        expect(page.locator(furniture).first).to_be_hidden()
    expect(page.locator(".story__body")).to_be_visible()
    expect(page.locator(".said")).to_be_visible()
    # Paper is white whatever the screen's scheme, and says where the story came from.
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    source = page.evaluate("getComputedStyle(document.querySelector('.story__source a'), '::after').content")
    assert source == '" (https://example.com/story)"'
