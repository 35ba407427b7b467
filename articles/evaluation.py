"""Measure the extraction against a labelled set of stories.

The manifest is a JSON list of labelled stories:
    {"file": "001_phone_call.txt", "persons": [{"name": "Wang Yi"}], "countries": ["CN"],
     "statements": [{"speaker": "Wang Yi", "starts_with": "China supports"}]}
and, optionally, what the importer should read from the file: "title", "published_on"
(YYYY-MM-DD), "language" (en, zh, ...), with the "source_url" it is imported with.

Each file is read as the importer reads it (story text or a saved page), and each English
story extracted as on a fresh installation (countries known, no people); people, countries
and statements are scored with micro-averaged precision and recall. A file the importer
refuses misses all its labels.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from datetime import date

from articles.extraction import Extraction, Gazetteer, extract
from articles.language import ENGLISH, SAMPLE, detect_language
from articles.storyfile import StoryFormatError
from articles.webpage import read_story

HONORIFIC = re.compile(r"^(?:(?:mr|ms|mrs|dr|h\.\s?e)\.?\s+)+", re.IGNORECASE)
QUOTES = re.compile("[\"“”‘’'`]")
SPACES = re.compile(r"\s+")


def person_key(name: str) -> str:
    """A person's name for matching: case, spacing and honorifics ignored."""
    name = SPACES.sub(" ", name.strip())
    return HONORIFIC.sub("", name).casefold()


def statement_text_key(text: str) -> str:
    """A statement's text for matching: case, whitespace and quotation marks ignored."""
    return SPACES.sub("", QUOTES.sub("", text)).casefold()


def statement_matches(speaker: str, text: str, expected_speaker: str, starts_with: str) -> bool:
    return (person_key(speaker) == person_key(expected_speaker)
            and statement_text_key(text).startswith(statement_text_key(starts_with)))


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def add(self, matched: int, spurious: int, missed: int) -> None:
        self.true_positives += matched
        self.false_positives += spurious
        self.false_negatives += missed


@dataclass
class StoryMisses:
    file: str
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)


@dataclass
class Tally:
    right: int = 0
    labelled: int = 0

    def add(self, right: bool) -> None:
        self.right += right
        self.labelled += 1

    def __str__(self) -> str:
        return f"{self.right} of {self.labelled} right"


@dataclass
class EvaluationReport:
    people: Score = field(default_factory=Score)
    countries: Score = field(default_factory=Score)
    statements: Score = field(default_factory=Score)
    titles: Tally = field(default_factory=Tally)
    dates: Tally = field(default_factory=Tally)
    languages: Tally = field(default_factory=Tally)
    refused: list[str] = field(default_factory=list)
    misses: list[StoryMisses] = field(default_factory=list)
    stories: int = 0

    def lines(self, *, misses=True) -> list[str]:
        """The scores, then (with `misses`) which files were refused and what each story missed."""
        lines = [f"{self.stories} stories, {len(self.refused)} refused by the importer"]
        lines += [f"{label:<11}{tally}" for label, tally in
                  (("titles", self.titles), ("dates", self.dates), ("languages", self.languages)) if tally.labelled]
        for label, score in (("people", self.people), ("countries", self.countries),
                             ("statements", self.statements)):
            lines.append(f"{label:<11}P {score.precision:.2f} R {score.recall:.2f} F1 {score.f1:.2f}")
        if not misses:
            return lines
        lines += [f"refused  {refusal}" for refusal in self.refused]
        for story in self.misses:
            lines.append(f"{story.file}:")
            lines.extend(f"  missed   {item}" for item in story.missed)
            lines.extend(f"  spurious {item}" for item in story.spurious)
        return lines

    def format(self, *, misses=True) -> str:
        return "\n".join(self.lines(misses=misses))


def _match_people(found: Sequence[str], expected: Sequence[str]) -> tuple[list[str], list[str]]:
    """(missed, spurious) names."""
    found_keys = {person_key(name) for name in found}
    expected_keys = {person_key(name) for name in expected}
    missed = [name for name in expected if person_key(name) not in found_keys]
    spurious = [name for name in found if person_key(name) not in expected_keys]
    return missed, spurious


def _match_statements(extraction: Extraction, expected: Sequence[dict]) -> tuple[list[str], list[str]]:
    """(missed, spurious) statements; each found statement answers at most one label."""
    unused = list(extraction.statements)
    missed = []
    for label in expected:
        match = next((statement for statement in unused if statement_matches(
            statement.speaker, statement.text, label["speaker"], label["starts_with"])), None)
        if match is None:
            missed.append(f'statement {label["speaker"]}: {label["starts_with"]!r}')
        else:
            unused.remove(match)
    spurious = [f"statement {statement.speaker} ({statement.cue}): {statement.text[:60]!r}"
                for statement in unused]
    return missed, spurious


def evaluate(manifest_path: str | Path, gazetteer: Gazetteer) -> EvaluationReport:
    manifest_path = Path(manifest_path)
    labelled = json.loads(manifest_path.read_text(encoding="utf-8"))
    report = EvaluationReport()
    for entry in labelled:
        report.stories += 1
        misses = StoryMisses(entry["file"])
        raw = (manifest_path.parent / entry["file"]).read_bytes()
        try:
            story = read_story(entry["file"], raw, source_url=entry.get("source_url", ""))
        except StoryFormatError as error:
            report.refused.append(f"{entry['file']}: {error}")
            story = None
        if "title" in entry:
            report.titles.add(story is not None and story.title == entry["title"])
        if "published_on" in entry:
            report.dates.add(story is not None and story.published_at.date() == date.fromisoformat(entry["published_on"]))
        language = story and detect_language(f"{story.title}\n{story.body[:SAMPLE]}")
        if "language" in entry:
            report.languages.add(language == entry["language"])
        if story is not None and language == ENGLISH:
            extraction = extract(story.title, story.paragraphs, gazetteer)
        else:
            extraction = Extraction(people=(), countries=(), statements=())

        expected_people = [person["name"] for person in entry.get("persons", [])]
        missed, spurious = _match_people([person.name for person in extraction.people], expected_people)
        report.people.add(len(expected_people) - len(missed), len(spurious), len(missed))
        misses.missed += [f"person {name}" for name in missed]
        misses.spurious += [f"person {name}" for name in spurious]

        expected_countries = set(entry.get("countries", []))
        found_countries = set(extraction.countries)
        report.countries.add(len(expected_countries & found_countries),
                             len(found_countries - expected_countries),
                             len(expected_countries - found_countries))
        misses.missed += [f"country {code}" for code in sorted(expected_countries - found_countries)]
        misses.spurious += [f"country {code}" for code in sorted(found_countries - expected_countries)]

        expected_statements = entry.get("statements", [])
        missed, spurious = _match_statements(extraction, expected_statements)
        report.statements.add(len(expected_statements) - len(missed), len(spurious), len(missed))
        misses.missed += missed
        misses.spurious += spurious

        if misses.missed or misses.spurious:
            report.misses.append(misses)
    return report
