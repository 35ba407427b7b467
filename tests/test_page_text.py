"""What a reader reads on every kind of public page: never the template's own source."""

from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.django_db

TEMPLATE_SOURCE = ("{#", "#}", "{%", "%}", "{{", "}}")


class ReadableText(HTMLParser):
    """The text of a page as a reader meets it: its text, and the attributes a browser or a
    sharing service shows (titles, alt text, meta contents, link targets)."""

    SHOWN = {"title", "alt", "content", "href", "src", "srcset", "placeholder", "aria-label", "value", "datetime"}

    def __init__(self):
        super().__init__()
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)

    def handle_starttag(self, tag, attrs):
        self.parts.extend(value for name, value in attrs if name in self.SHOWN and value)


def readable_text(html):
    parser = ReadableText()
    parser.feed(html)
    return "\n".join(parser.parts)


def test_no_page_shows_template_source(client, every_page_kind):
    leaks = []
    for name, url in every_page_kind.items():
        text = readable_text(client.get(url).content.decode())
        leaks += [f"{name} ({url}): {line.strip()}" for line in text.splitlines() if any(mark in line for mark in TEMPLATE_SOURCE)]

    assert leaks == [], "\n".join(leaks)


def test_the_check_finds_a_comment_printed_as_text():
    assert "{# a note" in readable_text("<p>{# a note\n for editors #}</p>")


def test_no_template_opens_a_comment_it_does_not_close_on_the_same_line(settings):
    # Django's {# #} ends at the line's end: a second line makes the whole comment page text.
    templates = [path for folder in settings.TEMPLATES[0]["DIRS"] for path in folder.rglob("*.html")]
    unclosed = [
        f"{path.name}:{number}" for path in templates
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if "{#" in line and "#}" not in line.split("{#", 1)[1]
    ]

    assert templates and unclosed == []
