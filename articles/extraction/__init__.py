"""Find the countries, people and attributed statements in a diplomatic news story.

Plain Python with explainable rules, so that editors only confirm what is found:

- countries: every name, alias or demonym from the gazetteer (one trie-shaped regex),
  except in a currency ("US dollars");
- people: runs of capitalised name tokens (Latin letters with diacritics, inner apostrophes
  and hyphens, a leading okina as in "'Utoikamanu", initials, a surname in capitals before
  the given name as in "KAMIKAWA Yoko"), split at words that cannot be part of a name
  (titles, honorifics such as "Rt Hon", "Dame", "Shri", "Smt.", one-word countries,
  organisations, ministry portfolios, months, headline verbs such as "Conveys"...). A title
  word between or after name words stays in the name ("Hassan Sheikh Mohamud", "Ben King").
  A run is a person when a title or honorific precedes it ("Prime Minister X", "foreign
  minister X", "the Minister of Trade, X,", "the governor-general, Dame X,"), a description
  set off by commas follows it ("X, Algeria's foreign minister, said", "X, a senior fellow",
  "X, permanent secretary of ..."), it speaks (also "X of the United States said", "X has
  expressed"), it is met or called ("met with X", "telephoned X", "congratulated X"), it is
  listed with a person or after a plural of people ("the two ministers, X and Y"), its
  surname is titled or speaks elsewhere in the story, or the gazetteer knows it.
  Capitalised words after an organisation's "of"/"for" ("Treaty of Friendship"), before a
  place word ("Second Thomas Shoal") or after an event or place word ("Hurricane Beryl",
  "Mount Kenya"), country names, acronyms, names closing a clause after a place preposition
  ("in Mato Grosso, said"), and a lone word that opens a sentence, follows "the" or a place
  preposition are not people. Titles are kept without words of courtesy ("Her Excellency
  The Rt Hon Dame"), and an office set off by commas replaces a style ("Sheikh"). A lone
  surname resolves to the person of the story who bears it;
- statements: one per attribution cue ("said", "argued", "pointed out", "Noting that ...",
  "according to X"; after an auxiliary or modal too: "has expressed", "had said", "would
  stress") whose subject is a person, a pronoun or a title ("the Governor-General", "The
  prime minister", "His Excellency the Prime Minister"). The subject is the name before the
  cue, the first name of its clause when a description or relative clause of any length
  stands between them ("X, who met ... on Tuesday, later said"), the name before an
  affiliation ("X of the Institute for ... warned"), or the name or title right after the
  cue ('"...," said X', '"...," said the President'). A title resolves to the person who
  holds it in the story: the whole title phrase beats its head word ("Prime Minister and
  Minister of Foreign Affairs" for "the Prime Minister"), "her counterpart" holds the title
  of the person named before, and among equals the last subject, else the latest, wins.
  Two people joined by "and" ("X and her counterpart Y pledged") are a group, whose verb is
  nobody's statement. "He" or "she" is the last subject, unless that person is known to be
  of the other gender (an honorific, a gendered title, or an earlier pronoun after their own
  statement). Cues inside quotation marks and passive cues ("proposed by", "was welcomed")
  attribute nothing. The text is what follows the cue (without "that", a time such as "on
  Monday", or the audience of "told"), unless the cue says only when, where or to whom it
  was said ('"...," X told reporters.', "..., X said on Thursday during a visit."): then it
  is the words before, except after ", and" / ", but", which start a new clause ("..., and
  Minister Cho expressed his support"). An attribution inside a sentence ("The accession
  ..., she said, meant that ...") gives the whole sentence, attribution included, because a
  span is contiguous and the speech begins before it. A quotation split by its attribution
  is one statement. A second cue of the same speaker in the sentence (", adding that", "and
  said", "but stressed that", ", who added that") opens a second statement. The statement
  takes in the following sentences of the paragraph until another attribution or a
  narrating sentence. Press conferences give one statement per answer; a label names the
  speaker only when it holds a person of the story ("Spokesperson X:"), so outlets'
  questions ("Dawn News:") and other labels ("Issued by:") are no one's statements. "A:"
  answers the spokesperson or, in an interview, the person the introduction says speaks
  ("Kenya's envoy, X, spoke about ...").

Everything that does not depend on the story is compiled once, in `Gazetteer`.
"""

from __future__ import annotations

from collections.abc import Sequence

from .vocabulary import AMBIGUOUS_SURNAMES
from .gazetteer import CountryEntry, Gazetteer, PersonEntry
from .story import Extraction, FoundPerson, FoundStatement, Story
from .countries import country_mentions
from .people import PeopleFinder
from .statements import StatementFinder, statement_details, trim
from .briefings import press_conference

__all__ = ["CountryEntry", "Extraction", "FoundPerson", "FoundStatement", "Gazetteer", "PersonEntry", "extract"]


def extract(title: str, paragraphs: Sequence[str], gazetteer: Gazetteer) -> Extraction:
    body = "\n\n".join(paragraphs)
    story = Story(body, gazetteer)
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

    covered, answers = press_conference(story, paragraphs, offsets, finder)
    statements = StatementFinder(story)
    for index, paragraph in enumerate(paragraphs):
        if index not in covered:
            statements.paragraph(index, offsets[index], offsets[index] + len(paragraph))
    found = sorted(statements.found + answers, key=lambda statement: statement.start)
    found = [trim(story, statement) for statement in found]
    details = [statement_details(story, statement) for statement in found if statement.end > statement.start]

    countries = [code for _, _, code in country_mentions(title, gazetteer)]
    countries += [code for _, _, code in story.countries]
    return Extraction(
        people=tuple(FoundPerson(p.name, p.title, p.country, p.known_key) for p in story.people),
        countries=tuple(dict.fromkeys(countries)),
        statements=tuple(details),
    )
