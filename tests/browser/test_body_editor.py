"""The body's editor in a real browser, under the desk's Content-Security-Policy: it loads,
formats, and what it saves is what readers see."""

from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Article

from .test_content_security_policy import story, watched  # noqa: F401  (fixtures)
from .test_editorial_flow import log_in

CARET_AT_THE_END = """() => {
    const editor = document.querySelector(".field-body_html [contenteditable=true]")?.editor;
    if (!editor) return false;
    const {selection, doc} = editor.state;
    return selection.empty && selection.to === doc.content.size - 1;
}"""


def test_an_editor_formats_the_body_under_the_policy_and_readers_see_it(
        watched, story, accessibility_violations, screenshot):  # noqa: F811
    open_watched_page, problems = watched
    desk = open_watched_page()
    log_in(desk, "edith")

    desk.goto(reverse("admin:articles_article_change", args=[story.pk]))
    editor = desk.locator(".field-body_html [contenteditable=true]")
    expect(editor).to_be_visible()
    editor.locator("p").last.click()
    expect(editor).to_be_focused()
    # The end of the whole body, wherever the click left the caret while the editor started.
    desk.keyboard.press("Control+End")
    # The editor reads a moved caret from the browser's selectionchange event, which comes
    # after the key; typing before it lands would type where the caret was.
    desk.wait_for_function(CARET_AT_THE_END)
    desk.keyboard.press("Enter")
    desk.keyboard.press("Control+Alt+2")
    desk.keyboard.type("What they agreed")
    desk.keyboard.press("Enter")
    desk.keyboard.type("Trade ")
    desk.keyboard.press("Control+b")
    desk.keyboard.type("doubled")
    desk.keyboard.press("Control+b")
    desk.keyboard.type(".")
    screenshot(desk, "body-editor")
    desk.click("input[name=_continue]")
    expect(desk.locator(".messagelist")).to_contain_text("was changed successfully")

    article = Article.objects.get(pk=story.pk)
    assert "<h2>What they agreed</h2><p>Trade <strong>doubled</strong>.</p>" in article.body_html
    assert article.body.endswith("\n\nWhat they agreed\n\nTrade doubled.")
    reader = open_watched_page()
    reader.goto(article.get_absolute_url())
    expect(reader.locator(".story__body h2")).to_have_text("What they agreed")
    expect(reader.locator(".story__body strong")).to_have_text("doubled")
    assert not problems, "\n".join(problems)
    # Last, as axe-core adds styles of its own, which the policy refuses.
    desk.goto(reverse("admin:articles_article_change", args=[story.pk]))
    expect(editor).to_have_attribute("aria-label", "Body")
    assert accessibility_violations(desk) == []
