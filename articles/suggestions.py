"""Store what extraction finds in a story: links to its people and countries, and suggested
statements that stay off the public site until an editor confirms them."""

from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property

from .bulk import RowWriter
from .extraction import CountryEntry, Gazetteer, PersonEntry, extract, person_key
from .models import Article, Country, Person, Role, Section, Statement, folded_name, free_slug, sentence_bounds
from .signals import changed


def newsroom_gazetteer(*, with_people=True):
    """The countries (and, unless told otherwise, the people) the newsroom knows."""
    people = Person.objects.select_related("country") if with_people else ()
    return Gazetteer(*gazetteer_entries(Country.objects.all(), people))


def gazetteer_entries(countries, people):
    """What the gazetteer is compiled from, as plain values: an import's worker processes
    compile their own from these."""
    return (
        tuple(CountryEntry(country.code, (country.name, *country.alias_list)) for country in countries),
        tuple(
            PersonEntry(person.pk, person.name, tuple(person.alias_list), person.country.code if person.country else None)
            for person in people
        ),
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
    them links to the same person rather than creating another. They are not added to the
    gazetteer, which stays what the newsroom knew when the Suggester was made: what
    extraction finds in a story never depends on which stories were read before it.
    """

    def __init__(self):
        # The newsroom's countries and people, read once for the gazetteer and the lookups.
        countries = list(Country.objects.all())
        people = list(Person.objects.select_related("country"))
        self.known = gazetteer_entries(countries, people)
        self.country_ids = {country.code: country.pk for country in countries}
        self.people_by_pk = {person.pk: person for person in people}
        # By every name and alias, as extraction matches them: "Antony J. Blinken" is "Antony Blinken".
        self.people_by_name = {}
        for person in people:
            for name in (person.name, *person.alias_list):
                self.people_by_name.setdefault(person_key(name), person)
        self.taken_slugs = {person.slug for person in people}
        self.sections = {}

    @cached_property
    def gazetteer(self):
        # Compiled when first needed: an import whose workers extract never needs it here.
        return Gazetteer(*self.known)

    @contextmanager
    def provisionally(self):
        """For a dry run: forget the people created inside, as their rows are rolled back."""
        saved = dict(self.people_by_name), set(self.taken_slugs)
        try:
            yield
        finally:
            self.people_by_name, self.taken_slugs = saved

    def section_for(self, breadcrumb):
        """The section a story's breadcrumb names (by name or alias), or None for one the
        newsroom does not know: stories are filed under existing sections only."""
        if not self.sections:
            self.sections = Section.objects.by_name()
        return self.sections.get(folded_name(breadcrumb)) if breadcrumb else None

    def suggest(self, articles, *, new=False, extractions=None):
        """Link each article's people and countries and add the statements not seen before;
        returns a SuggestionCounts per article. Saves in bulk: a fixed number of queries
        however many articles. `new` says the articles were just created, so they have no
        links or statements to read; `extractions` are what extraction found in each, when
        it was read beforehand (an import prepares its stories ahead, articles/preparing.py)."""
        articles = list(articles)
        if not articles:
            return []
        if extractions is None:
            extractions = [extract(article.title, article.paragraphs, self.gazetteer) for article in articles]
        found_people = self.people_for(extractions)
        # Links already there are kept as they are, as ManyToManyField.add() would.
        linked_people = set() if new else set(
            Article.people.through.objects.filter(article__in=articles).values_list("article_id", "person_id")
        )
        linked = set() if new else set(
            Article.countries.through.objects.filter(article__in=articles).values_list("article_id", "country_id")
        )
        existing = defaultdict(list)
        if not new:
            for row in Statement.objects.filter(article__in=articles).values_list(
                "article_id", "start", "end", "speaker_id", "text", "position"
            ):
                existing[row[0]].append(row[1:])

        all_counts, people_links, country_links, statements = [], [], [], []
        for article, extraction, (people, new_people) in zip(articles, extractions, found_people):
            counts = SuggestionCounts(new_people=new_people)
            for person in {person.pk for person in people.values()}:
                if (article.pk, person) not in linked_people:
                    people_links.append({"article_id": article.pk, "person_id": person})
            for country_id in dict.fromkeys(filter(None, map(self.country_ids.get, extraction.countries))):
                if (article.pk, country_id) not in linked:
                    country_links.append({"article_id": article.pk, "country_id": country_id})
                    counts.countries += 1
            found = self.new_statements(article, extraction.statements, people, existing[article.pk])
            counts.statements = len(found)
            statements += found
            all_counts.append(counts)

        writer = RowWriter()
        writer.write(Article.people.through, people_links)
        writer.write(Article.countries.through, country_links)
        keys = writer.write_numbered(Statement, [row for row, _ in statements])
        writer.write(Statement.countries.through, [
            {"statement_id": key, "country_id": country_id}
            for key, (_, codes) in zip(keys, statements)
            for country_id in dict.fromkeys(filter(None, map(self.country_ids.get, codes)))
        ])
        # Bulk inserts send no signals: the people's names are part of each story's search document.
        changed({article.pk for article in articles})
        return all_counts

    def people_for(self, extractions):
        """For each extraction, ({name found: person}, how many of them are new). A person
        is the known one, or a new one flagged for an editor's review, created once however
        many stories name them."""
        found_people, created, roles = [], {}, []
        for extraction in extractions:
            people, new_people = {}, 0
            for found in extraction.people:
                key = person_key(found.name)
                person = self.people_by_pk.get(found.known_key) or self.people_by_name.get(key) or created.get(key)
                if person is None:
                    person = Person(
                        name=found.name,
                        slug=self.person_slug(found.name),
                        country_id=self.country_ids.get(found.country),
                        needs_review=True,
                    )
                    created[key] = person
                    new_people += 1
                    if found.title:
                        # The title as the story printed it; an editor adds dates when reviewing.
                        roles.append(Role(person=person, title=found.title[:200]))
                people[found.name] = person
            found_people.append((people, new_people))
        Person.objects.bulk_create(created.values())
        Role.objects.bulk_create(roles)
        self.people_by_name.update(created)
        return found_people

    def person_slug(self, name):
        slug = free_slug(name, self.taken_slugs, "person")
        self.taken_slugs.add(slug)
        return slug

    def new_statements(self, article, found_statements, people, existing):
        """(statement row, country codes) for the spans not yet in the article, whatever became
        of the earlier ones: a confirmed, edited or rejected suggestion is not suggested again.
        `existing` holds the article's statements as (start, end, speaker pk, text, position).
        Rows of {attname: value}, written in bulk (articles/bulk.py): thousands a batch."""
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
            audience, on_behalf_of = people.get(found.audience), people.get(found.on_behalf_of)
            row = {
                "article_id": article.pk,
                "position": position + len(new),
                "speaker_id": speaker.pk,
                # The copy listings.refresh keeps, right from the start: it need not rewrite the row.
                "speaker_country_id": speaker.country_id,
                "speaker_title": found.speaker_title[:200],
                "cue": found.cue[:50],
                "text": found.text,
                "kind": found.kind,
                "audience_id": audience.pk if audience else None,
                "on_behalf_of_id": on_behalf_of.pk if on_behalf_of else None,
                "paragraph": found.paragraph + 1,
                "start": found.start,
                "end": found.end,
                "review": Statement.Review.SUGGESTED,
            }
            new.append((row, found.countries))
        return new


def suggest_for_edited(article, previous_body=""):
    """After an editor saved a story whose body changed (a story typed in the admin, or one
    edited there): statements found in the old body follow their sentences into the new one,
    then the story is read for people, countries and statements as an import reads it.
    Returns the SuggestionCounts."""
    follow_sentences(article, previous_body)
    [counts] = Suggester().suggest([article])
    return counts


def follow_sentences(article, previous_body):
    """Keep the statements found in `previous_body` true to the story's new body.

    A statement whose sentence is still there, word for word, keeps it wherever it moved. A
    confirmed statement whose sentence changed stays confirmed and is flagged for an editor
    to check, a rejected one stays rejected (so it is not suggested again), and a
    suggestion nobody reviewed is dropped: extraction suggests the new sentence afresh.
    Statements typed by hand, with no span, are left alone.
    """
    body = article.body
    changed = []
    for statement in article.statements.filter(start__isnull=False, end__isnull=False):
        if statement.end > len(previous_body):
            continue  # a span from an older body: nothing to compare with
        sentence_start, sentence_end = sentence_bounds(previous_body, statement.start, statement.end)
        while previous_body[sentence_start].isspace():
            sentence_start += 1
        sentence = previous_body[sentence_start:sentence_end]
        found = sentence_start if body.startswith(sentence, sentence_start) else body.find(sentence)
        if found != -1 and (found == sentence_start or body.find(sentence, found + 1) == -1):
            if found != sentence_start:
                shift = found - sentence_start
                statement.start, statement.end = statement.start + shift, statement.end + shift
                statement.paragraph = body.count("\n\n", 0, statement.start) + 1
                changed.append(statement)
        elif statement.review == Statement.Review.SUGGESTED:
            statement.delete()
        else:
            statement.start = statement.end = None
            statement.needs_check = statement.review == Statement.Review.CONFIRMED
            changed.append(statement)
    Statement.objects.bulk_update(changed, ["start", "end", "paragraph", "needs_check"])

