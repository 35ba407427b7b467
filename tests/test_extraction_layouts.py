"""Extraction on stories as embassies and foreign ministries publish them: briefings that open
with announcements, questions that quote someone, offices and long titles around names,
lists of guests, and headlines pasted into the body. Each story is written for one rule."""

import pytest

from articles.extraction import Gazetteer, extract


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.default()


def read(gazetteer, story):
    """Extract a story written as its headline, a blank line, then paragraphs."""
    title, *paragraphs = [paragraph.strip() for paragraph in story.strip().split("\n\n")]
    return extract(title, paragraphs, gazetteer)


def people(extraction):
    return {person.name for person in extraction.people}


def statements(extraction):
    return [(statement.speaker, statement.cue, statement.text) for statement in extraction.statements]


def test_made_clear_is_an_attribution_cue(gazetteer):
    found = read(gazetteer, """
Ambassador Meets Thai Foreign Minister

Chinese Ambassador to Thailand Chen Hai met Thai Foreign Minister Maris Sangiampongsa in Bangkok.

Chen made clear that China is willing to deepen cooperation with Thailand in trade and railways. Maris made it clear that Thailand keeps to the one-China policy.
""")
    assert statements(found) == [
        ("Chen Hai", "made clear", "China is willing to deepen cooperation with Thailand in trade and railways."),
        ("Maris Sangiampongsa", "made clear", "Thailand keeps to the one-China policy."),
    ]


def test_an_invitation_to_attend_or_visit_is_not_a_statement(gazetteer):
    found = read(gazetteer, """
Ambassador Meets Thai Foreign Minister

Chinese Ambassador to Thailand Chen Hai met Thai Foreign Minister Maris Sangiampongsa in Bangkok.

Chen invited Maris to attend the Boao Forum for Asia annual conference. Maris invited Chinese companies to take part in the Eastern Economic Corridor.

Chen invited all parties to settle their differences through dialogue.
""")
    assert statements(found) == [
        ("Chen Hai", "invited", "all parties to settle their differences through dialogue."),
    ]
