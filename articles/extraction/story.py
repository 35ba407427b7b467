"""What one story holds while it is read, and what extraction returns for it."""

from __future__ import annotations

from dataclasses import dataclass, field

from .gazetteer import Gazetteer


@dataclass(frozen=True)
class FoundPerson:
    name: str
    title: str
    country: str | None
    known_key: object | None  # None: a new person, to be reviewed by an editor


@dataclass(frozen=True)
class FoundStatement:
    speaker: str
    speaker_title: str
    cue: str
    kind: str  # "direct" | "indirect" | "mixed"
    text: str
    start: int
    end: int
    paragraph: int
    countries: tuple[str, ...]
    audience: str = ""
    on_behalf_of: str = ""


@dataclass(frozen=True)
class Extraction:
    people: tuple[FoundPerson, ...]
    countries: tuple[str, ...]
    statements: tuple[FoundStatement, ...]


@dataclass
class Person:
    name: str
    title: str = ""
    country: str | None = None
    known_key: object | None = None
    tokens: tuple[str, ...] = ()
    gender: str = ""  # "f" or "m" once an honorific, title or pronoun has told


@dataclass
class Mention:
    start: int
    end: int
    person: int
    title: str = ""
    office: str = ""  # an office set off before the title: "The Minister of State, Ambassador X"


@dataclass
class Story:
    body: str
    gazetteer: Gazetteer
    people: list[Person] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    mention_end: dict[int, Mention] = field(default_factory=dict)
    mention_starts: list[int] = field(default_factory=list)
    country_starts: list[int] = field(default_factory=list)
    countries: list[tuple[int, int, str]] = field(default_factory=list)
