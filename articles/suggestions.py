"""Store what extraction finds in a story: links to its people and countries, and suggested
statements that stay off the public site until an editor confirms them."""

from contextlib import contextmanager
from dataclasses import dataclass

from django.utils.text import slugify

from .extraction import CountryEntry, Gazetteer, PersonEntry, extract
from .models import Country, Person, Role, Section, Statement, free_slug


def newsroom_gazetteer(*, with_people=True):
    """The countries (and, unless told otherwise, the people) the newsroom knows."""
    people = Person.objects.select_related("country") if with_people else ()
    return gazetteer_of(Country.objects.all(), people)


def gazetteer_of(countries, people):
    return Gazetteer(
        [CountryEntry(country.code, (country.name, *country.alias_list)) for country in countries],
        [
            PersonEntry(person.pk, person.name, tuple(person.alias_list), person.country.code if person.country else None)
            for person in people
        ],
    )


# How many characters of a statement's opening tell it apart from the speaker's others.
OPENING = 60


def counted(number, singular, plural=None):
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


def fold(name):
    return " ".join(name.replace("’", "'").casefold().split())


@dataclass
class SuggestionCounts:
    statements: int = 0
    new_people: int = 0
    countries: int = 0

    def __add__(self, other):
        return SuggestionCounts(
            self.statements + other.statements,
            self.new_people + other.new_people,
            self.countries + other.countries,
        )

    def __bool__(self):
        return bool(self.statements or self.new_people or self.countries)

    def __str__(self):
        return (
            f"{counted(self.statements, 'statement')} suggested, "
            f"{counted(self.new_people, 'new person', 'new people')}, "
            f"{counted(self.countries, 'country', 'countries')} linked"
        )


class Suggester:
    """Finds and stores suggestions for many articles with one compiled gazetteer.

    People created for one story are remembered by name, so the next story that names
    them links to the same person rather than creating another.
    """

    def __init__(self):
        # The newsroom's countries and people, read once for the gazetteer and the lookups.
        countries = list(Country.objects.all())
        people = list(Person.objects.select_related("country"))
        self.gazetteer = gazetteer_of(countries, people)
        self.country_ids = {country.code: country.pk for country in countries}
        self.people_by_pk = {person.pk: person for person in people}
        self.people_by_name = {}
        for person in people:
            for name in (person.name, *person.alias_list):
                self.people_by_name.setdefault(fold(name), person)
        self.taken_slugs = {person.slug for person in people}
        self.sections = {}

    @contextmanager
    def provisionally(self):
        """For a dry run: forget the people and sections created inside, as their rows are rolled back."""
        saved = dict(self.people_by_name), set(self.taken_slugs), dict(self.sections)
        try:
            yield
        finally:
            self.people_by_name, self.taken_slugs, self.sections = saved

    def section_named(self, name):
        slug = slugify(name)[:100]
        if slug not in self.sections:
            self.sections[slug], _ = Section.objects.get_or_create(slug=slug, defaults={"name": name})
        return self.sections[slug]

    def suggest(self, article, *, new=False):
        """Link the article's people and countries and add the statements not seen before.
        `new` says the article was just created, so it has no links or statements to read."""
        extraction = extract(article.title, article.paragraphs, self.gazetteer)
        counts = SuggestionCounts()
        people = {}
        for found in extraction.people:
            people[found.name], created = self.person_for(found)
            counts.new_people += created
        linked = set() if new else set(article.countries.values_list("pk", flat=True))
        country_ids = [self.country_ids[code] for code in extraction.countries if code in self.country_ids]
        new_country_ids = [pk for pk in country_ids if pk not in linked]
        article.people.add(*people.values())
        article.countries.add(*new_country_ids)
        counts.countries = len(new_country_ids)
        counts.statements = self.add_statements(article, extraction.statements, people, new=new)
        return counts

    def person_for(self, found):
        """(person, created): the known person, or a new one flagged for an editor's review."""
        known = self.people_by_pk.get(found.known_key) or self.people_by_name.get(fold(found.name))
        if known:
            return known, False
        person = Person.objects.create(
            name=found.name,
            slug=self.person_slug(found.name),
            country_id=self.country_ids.get(found.country),
            needs_review=True,
        )
        if found.title:
            # The title as the story printed it; an editor adds dates when reviewing.
            Role.objects.create(person=person, title=found.title)
        self.people_by_name[fold(found.name)] = person
        return person, True

    def person_slug(self, name):
        slug = free_slug(name, self.taken_slugs, "person")
        self.taken_slugs.add(slug)
        return slug

    def add_statements(self, article, found_statements, people, *, new=False):
        """Create suggestions for spans not yet in the article, whatever became of the
        earlier ones: a confirmed, edited or rejected suggestion is not suggested again."""
        existing = [] if new else list(article.statements.values_list("start", "end", "speaker_id", "text", "position"))
        known_spans = {(start, end) for start, end, *_ in existing}
        # Statements typed by an editor have no span: know them by speaker and first words.
        known_words = {(speaker_id, fold(text)[:OPENING]) for _, _, speaker_id, text, _ in existing}
        position = max((position for *_, position in existing), default=0) + 1
        new = []
        for found in found_statements:
            speaker = people.get(found.speaker)
            if (
                speaker is None
                or (found.start, found.end) in known_spans
                or (speaker.pk, fold(found.text)[:OPENING]) in known_words
            ):
                continue
            new.append(
                (
                    Statement(
                        article=article,
                        position=position + len(new),
                        speaker=speaker,
                        speaker_title=found.speaker_title[:200],
                        cue=found.cue[:50],
                        text=found.text,
                        kind=found.kind,
                        audience=people.get(found.audience),
                        on_behalf_of=people.get(found.on_behalf_of),
                        paragraph=found.paragraph + 1,
                        start=found.start,
                        end=found.end,
                        review=Statement.Review.SUGGESTED,
                    ),
                    found.countries,
                )
            )
        statements = Statement.objects.bulk_create([statement for statement, _ in new])
        Statement.countries.through.objects.bulk_create(
            Statement.countries.through(statement_id=statement.pk, country_id=self.country_ids[code])
            for statement, (_, codes) in zip(statements, new)
            for code in codes
            if code in self.country_ids
        )
        return len(statements)
