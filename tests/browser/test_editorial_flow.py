"""The desk's day in a real browser: a contributor writes, an editor previews and publishes,
a reader reads, and a second editor's stale save is refused."""

import pytest
import reversion
from PIL import Image
from playwright.sync_api import expect

from articles.models import Article, Statement
from tests import factories
from tests.conftest import desk_member

PASSWORD = "a-long-password"


def log_in(page, username):
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#site-name")).to_contain_text("Newsroom editor")


def choose_in_autocomplete(page, field_id, typed, choice):
    """Pick from a Django admin autocomplete (select2): open it, type, click the match."""
    page.click(f"#{field_id} + .select2 .select2-selection")
    page.fill(".select2-container--open .select2-search__field", typed)
    page.click(f".select2-results__option:has-text('{choice}')")


@pytest.fixture
def newsroom(django_user_model, tmp_path):
    wang = factories.make_person("Wang Yi", country=factories.country("CN"))
    factories.make_article("An older story", tags=["diplomacy"])
    photo = tmp_path / "IMG_0001.jpg"
    Image.new("RGB", (1600, 900), "steelblue").save(photo, "JPEG")
    return {
        "contributor": desk_member(django_user_model, "carla", "Contributors"),
        "editor": desk_member(django_user_model, "edith", "Editors"),
        "second editor": desk_member(django_user_model, "emil", "Editors"),
        "speaker": wang,
        "photo": photo,
    }


def test_contributor_drafts_editor_publishes_reader_reads(open_page, newsroom, screenshot):
    # A contributor writes a draft with a statement, tags and a photo, and submits it.
    page = open_page()
    log_in(page, "carla")
    page.goto("/admin/articles/article/add/")
    page.fill("#id_title", "Wang Yi meets Ishaq Dar in Beijing")
    page.select_option("#id_section", label="China News")
    page.click(".field-body_html [contenteditable=true]")
    page.keyboard.type("The two ministers met on Monday.")
    page.keyboard.press("Enter")
    page.keyboard.type("They discussed the corridor.")
    page.type("#id_tags", "dipl")
    expect(page.locator("#id_tags-suggestions option")).to_have_count(1)
    page.fill("#id_tags", "diplomacy, cpec")
    page.set_input_files("#id_lead_image", newsroom["photo"])
    page.fill("#id_lead_image_alt", "Wang Yi and Ishaq Dar shake hands")
    page.fill("#id_lead_image_credit", "Xinhua")
    page.select_option("#id_status", label="In review")
    page.click("text=Add another Statement")
    page.fill("#id_statements-0-position", "1")
    choose_in_autocomplete(page, "id_statements-0-speaker", "Wang", "Wang Yi")
    page.fill("#id_statements-0-cue", "said")
    page.fill("#id_statements-0-text", "China and Pakistan are all-weather partners.")
    screenshot(page, "1-contributor-writes")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    expect(page.locator("td.field-state_badge", has_text="In review")).to_be_visible()
    screenshot(page, "2-contributor-changelist")

    article = Article.objects.get(title="Wang Yi meets Ishaq Dar in Beijing")
    assert article.statements.get().review == Statement.Review.SUGGESTED
    assert article.lead_image.name.startswith("lead-images/")

    # The public cannot see it yet.
    reader = open_page()
    assert reader.goto(article.get_absolute_url()).status == 404

    # An editor previews it, confirms the statement and publishes it.
    desk = open_page()
    log_in(desk, "edith")
    desk.goto("/admin/articles/article/?state=review")
    desk.click("text=Wang Yi meets Ishaq Dar in Beijing")
    with desk.expect_popup() as popup:
        desk.click("a.viewsitelink:has-text('Preview')")
    preview = popup.value
    expect(preview.locator(".preview-banner")).to_contain_text("Preview — not published.")
    screenshot(preview, "3-editor-preview")
    desk.click("#statements-0 .statement-decision:has-text('Confirm')")
    expect(desk.locator("#statements-0 .statement-line__review")).to_have_text("Confirmed")
    desk.select_option("#id_status", label="Published")
    desk.click("input[name=_save]")
    expect(desk.locator(".messagelist")).to_contain_text("was changed successfully")
    desk.goto("/admin/articles/article/")
    expect(desk.locator("td.field-state_badge", has_text="Published").first).to_be_visible()
    screenshot(desk, "4-editor-changelist")

    # A reader finds it on the front page and reads it, photo and all.
    reader.goto("/")
    reader.click("text=Wang Yi meets Ishaq Dar in Beijing")
    expect(reader.locator("h1")).to_have_text("Wang Yi meets Ishaq Dar in Beijing")
    expect(reader.locator(".said__item summary")).to_contain_text("Wang Yi said China and Pakistan are all-weather partners.")
    image = reader.locator(".lead-image img")
    expect(image).to_have_attribute("alt", "Wang Yi and Ishaq Dar shake hands")
    assert reader.evaluate("img => img.complete && img.naturalWidth > 0", image.element_handle())
    screenshot(reader, "5-reader-story")

    # The history shows both saves and what the editor changed.
    desk.goto(f"/admin/articles/article/{article.pk}/history/")
    expect(desk.locator("table.diff").first).to_contain_text("In review")
    screenshot(desk, "6-history")


def test_second_editors_stale_save_is_refused_and_keeps_their_text(open_page, newsroom, screenshot):
    article = factories.make_article("Ministers meet", status=Article.Status.IN_REVIEW)
    with reversion.create_revision():  # as every save through the admin or an import records
        article.save()
    first, second = open_page(), open_page()
    log_in(first, "edith")
    log_in(second, "emil")
    url = f"/admin/articles/article/{article.pk}/change/"
    first.goto(url)
    second.goto(url)

    first.fill("#id_title", "Foreign ministers meet in Beijing")
    first.click("input[name=_save]")
    expect(first.locator(".messagelist")).to_contain_text("was changed successfully")
    second.fill("#id_summary", "Emil's summary of the talks.")
    second.click("input[name=_save]")

    expect(second.locator(".errornote")).to_be_visible()
    expect(second.locator(".errorlist")).to_contain_text("edith saved this story after you opened it")
    expect(second.locator(".conflict")).to_contain_text("Foreign ministers meet in Beijing")
    expect(second.locator("#id_summary")).to_have_value("Emil's summary of the talks.")
    screenshot(second, "7-conflict")
    article.refresh_from_db()
    assert (article.title, article.summary) == ("Foreign ministers meet in Beijing", "")
