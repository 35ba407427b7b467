"""axe-core in Chromium: no serious or critical accessibility violation on the pages readers
and the desk use most."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SEED_STORY = "/news/2023/05/06/pakistani-president-arif-alvi-meets-with-qin-gang/"


@pytest.mark.parametrize("path", ["/", SEED_STORY, "/statements/", "/people/", "/countries/", "/search/?q=qin+gang"])
def test_public_pages_have_no_serious_accessibility_violation(open_page, accessibility_violations, path):
    call_command("loaddata", "seed_story", verbosity=0)
    page = open_page()
    page.goto(path)

    assert accessibility_violations(page) == []


def test_the_check_reports_what_axe_finds(open_page, accessibility_violations):
    page = open_page()
    page.set_content("<!doctype html><html lang='en'><title>t</title><main><img src='x.png'></main></html>")

    assert any(line.startswith("image-alt (critical)") for line in accessibility_violations(page))
