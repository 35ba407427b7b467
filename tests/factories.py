"""Small builders for test data: each returns a saved row with sensible defaults."""

import itertools
from datetime import timedelta

from django.utils import timezone

from articles.models import Article, Country, Person, Role, Section, Statement
from articles.preparing import StoryFile, prepare

_sequence = itertools.count(1)


def make_section(name="China News", **fields):
    section, _ = Section.objects.get_or_create(
        slug=fields.pop("slug", None) or name.lower().replace(" ", "-"), defaults={"name": name, **fields}
    )
    return section


def make_person(name=None, country=None, **fields):
    name = name or f"Person {next(_sequence)}"
    return Person.objects.create(name=name, country=country, **fields)


def make_article(title=None, *, status=Article.Status.PUBLISHED, published_at=None, section=None,
                 tags=(), people=(), countries=(), **fields):
    title = title or f"Story number {next(_sequence)}"
    article = Article.objects.create(
        title=title,
        section=section or make_section(),
        status=status,
        published_at=published_at or timezone.now() - timedelta(hours=1),
        body=fields.pop("body", "First paragraph of the story.\n\nSecond paragraph."),
        **fields,
    )
    if tags:
        article.tags.add(*tags)
    article.people.add(*people)
    article.countries.add(*countries)
    return article


def make_statement(article, speaker, text="China is ready to work with Pakistan.", *, countries=(), **fields):
    fields.setdefault("position", article.statements.count() + 1)
    fields.setdefault("cue", "said")
    statement = Statement.objects.create(article=article, speaker=speaker, text=text, **fields)
    statement.countries.add(*countries)
    return statement


def make_role(person, title="Foreign Minister", **fields):
    return Role.objects.create(person=person, title=title, **fields)


def country(code):
    return Country.objects.get(code=code)


def newsroom_time(year, month, day, hour=0, minute=0):
    """An aware datetime on the newsroom's clock (settings.TIME_ZONE), as stories print it."""
    from datetime import datetime  # here, so this builder only appends to the module

    return timezone.make_aware(datetime(year, month, day, hour, minute))


def prepared_stories(importer, files):
    """The (name, bytes) `files` as `importer` gets them to save, read in this process with
    what it knows of the newsroom now."""
    reading = importer.reading()
    gazetteer = reading.gazetteer()
    return [prepare(StoryFile(name, raw), gazetteer, reading) for name, raw in files]
