"""A real Chromium on the live server, for the flows only a browser proves (select2, uploads, JS).

Debian's /usr/bin/chromium, never a browser Playwright downloads: CI installs the package
(.ci/run), and a machine without it skips these tests rather than failing.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections

CHROMIUM = Path("/usr/bin/chromium")
AXE = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = settings.BASE_DIR / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def pytest_collection_modifyitems(items):
    if CHROMIUM.exists():
        return
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.skip(reason=f"browser tests need Chromium at {CHROMIUM} (apt-get install chromium)"))


@pytest.fixture
def browser(monkeypatch, django_db_serialized_rollback):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an asyncio event loop in this thread, and Django refuses ORM
    # calls from a thread with a running loop (SynchronousOnlyOperation). Nothing here is
    # async: the loop only drives the browser, so the guard is lifted for these tests alone.
    # Per test, not per session: while the loop runs, Django's connection is a fresh one per
    # context, and the database set-up and teardown around each test must use the real one.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        # The connections this test opened inside the loop's context; PostgreSQL would
        # otherwise refuse to drop the test database at the end of the run.
        connections.close_all()


@pytest.fixture
def open_page(live_server, media_root, browser):
    """A new browser session (its own cookies) as a fresh visitor; media served from the test's MEDIA_ROOT.

    The live server needs a transactional database, which is emptied after each test; the
    serialized rollback puts back what migrations created (countries, the desk's groups).
    """
    contexts = []

    def serve_media(route):
        # The live server serves static files but not uploads; the browser reads them from disk.
        path = media_root / route.request.url.split("/media/", 1)[1]
        if path.exists():
            route.fulfill(path=str(path))
        else:
            route.fulfill(status=404)

    def open_page():
        context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
        context.set_default_timeout(10_000)
        context.route("**/media/**", serve_media)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def screenshot():
    ARTIFACTS.mkdir(exist_ok=True)

    def take(page, name):
        page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)

    return take


@pytest.fixture
def accessibility_violations():
    """axe-core's violations on a page, at least as serious as `impact` ("serious" takes in
    "critical"), as "rule (impact): target" lines; the test skips where npm installed no axe-core.

    axe runs through the DevTools protocol (page.evaluate), which the pages' strict
    Content-Security-Policy does not apply to, so the page is checked as readers get it.
    """
    if not AXE.exists():
        pytest.skip(f"accessibility checks need axe-core at {AXE} (make install runs npm ci)")
    levels = ["minor", "moderate", "serious", "critical"]

    def check(page, impact="serious"):
        page.evaluate(AXE.read_text())
        results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        return [
            f"{violation['id']} ({violation['impact']}): {', '.join(map(str, node['target']))}"
            for violation in results["violations"]
            if levels.index(violation["impact"] or "minor") >= levels.index(impact)
            for node in violation["nodes"]
        ]

    return check
