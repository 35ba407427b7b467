"""Find the countries, people and attributed statements in a diplomatic news story.

Plain Python with explainable rules, so that editors only confirm what is found. Each part
says what it finds in its own module:

- countries: every name, alias or demonym from the gazetteer (one trie-shaped regex),
  except in a currency ("US dollars");
- people: the people a story names, in the runs of capitalised words (runs), with their
  titles (titles) and countries;
- statements: every attributed statement, with its speaker (subjects), cue and text, and its
  details (details): kind, audience, whose words it relays and the countries it names;
- briefings: press briefings and interviews, one statement per answer, the announcements
  before the first question and the speech questions and answers report.

How two spellings of a name are one person is in `names`.

The words and patterns the rules read are in `vocabulary`; everything that does not depend
on the story is compiled once, in `Gazetteer`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .vocabulary import AMBIGUOUS_SURNAMES
from .gazetteer import CountryEntry, Gazetteer, PersonEntry
from .names import person_key
from .story import Extraction, FoundPerson, FoundStatement, Story
from .countries import country_mentions, settle_shared_names
from .people import PeopleFinder
from .statements import StatementFinder, with_double_quotes
from .details import statement_details, trim
from .briefings import announcements, press_conference, reported_in_dialogue, speech_in_own_voice

__all__ = ["CountryEntry", "Extraction", "FoundPerson", "FoundStatement", "Gazetteer", "PersonEntry", "extract",
           "person_key"]


def extract(title: str, paragraphs: Sequence[str], gazetteer: Gazetteer) -> Extraction:
    """The people, countries and statements of one story, in that order: statements need to
    know who the story's people are, and which of its capitalised words are their names."""
    body = "\n\n".join(paragraphs)
    story = Story(with_double_quotes(body), gazetteer)
    offsets, position = [], 0
    for paragraph in paragraphs:
        offsets.append(position)
        position += len(paragraph) + 2

    finder = PeopleFinder(story)
    finder.find(title)
    # A country name inside a person's name ("Jordan Henderson") is not a country.
    story.countries = [(s, e, code) for s, e, code in country_mentions(body, gazetteer)
                       if body[s:e] not in AMBIGUOUS_SURNAMES
                       or not any(m.start <= s and e <= m.end for m in story.mentions)]
    story.country_starts = [start for start, _, _ in story.countries]

    briefing = press_conference(story, title, paragraphs, offsets, finder)
    statements = StatementFinder(story)
    for index, paragraph in enumerate(paragraphs):
        if index not in briefing.covered:
            statements.paragraph(index, offsets[index], offsets[index] + len(paragraph))
    statements.quotations_over_paragraphs([(offset, offset + len(paragraph.rstrip()))
                                           for offset, paragraph in zip(offsets, paragraphs)], briefing.covered)
    found = statements.found + briefing.answers
    if briefing.covered:
        found += announcements(story, briefing, paragraphs, offsets, statements.found)
        found += reported_in_dialogue(story, briefing, paragraphs, offsets)
    else:
        found += speech_in_own_voice(story, title, paragraphs, offsets, statements.found)
    found = sorted(found, key=lambda statement: statement.start)
    found = [trim(story, statement) for statement in found]
    details = [statement_details(story, statement) for statement in found if statement.end > statement.start]
    if story.body is not body:
        details = [replace(detail, text=body[detail.start:detail.end]) for detail in details]  # the marks as printed

    countries = settle_shared_names([(title[s:e], code) for s, e, code in country_mentions(title, gazetteer)]
                                    + [(body[s:e], code) for s, e, code in story.countries])
    return Extraction(
        people=tuple(FoundPerson(p.name, p.title, p.country, p.known_key) for p in story.people),
        countries=tuple(dict.fromkeys(countries)),
        statements=tuple(details),
    )
