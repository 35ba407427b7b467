"""Property-based tests (Hypothesis): whatever arrives from outside, in story files, in the
desk's forms or in the public site's addresses, the site stays up.

Text is drawn from all of Unicode and from a small alphabet of the characters that broke
things before (control characters, NUL, other scripts, symbols with no letters, markup);
numbers and dates from the edges of what Python, the databases and the pages hold. Every
property says what must hold whatever the input: the story parser returns a story or says
why not; an import saves whole stories or reports why not and saves nothing of them; a
desk form saves what it accepts and shows an error, saving nothing, for what it refuses;
and after each of these, no public page or feed answers 500.

The examples are derandomized (the same on every run, so CI is repeatable) and few enough
to keep the suite quick on both databases; set HYPOTHESIS_EXAMPLES to explore more.
"""

import os
import tempfile
from datetime import date, datetime
from pathlib import Path
from urllib.parse import quote

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase
from taggit.models import Tag

from articles import text
from articles.importing import import_paths
from articles.models import (
    Article, Correction, Country, MovedPage, Person, Role, Section, Statement, free_slug, slug_of,
)
from articles.storyfile import StoryFormatError, parse_story
from articles.storyfile.reading import CONTROL_CHARACTERS
from tests import factories
from tests.test_admin import form_data

SCALE = float(os.environ.get("HYPOTHESIS_EXAMPLES", "1"))


def examples(count):
    return settings(
        max_examples=max(1, int(count * SCALE)), deadline=None, derandomize=True, database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


# What arrives from outside -------------------------------------------------------------------

# The characters that once took pages down, and their neighbours.
NASTY = (
    "\x00\x01\x07\x08\x0b\x0c\x1b\x1f\x7f\x85\x9f\u200b\u200e\u202e\u2028\ufeff\ufffe\uffff"
    " \t\n\r★☆>&<\"'%_\\/-.:;,=?#外交国际新闻Россияمحادثات🇵🇰²³⁴⁵٢٠٢٣２０２３0123456789aZ"
)


def outside_text(max_size=40, min_size=0):
    """Text as a form, a file or an address may carry it: any Unicode a browser can send."""
    return st.one_of(
        st.text(st.characters(exclude_categories=("Cs",)), min_size=min_size, max_size=max_size),
        st.text(st.sampled_from(NASTY), min_size=min_size, max_size=max_size),
    )


def number_text():
    return st.one_of(
        st.integers().map(str),
        st.text(st.characters(categories=("Nd", "No")), min_size=1, max_size=6),
        st.sampled_from(["0", "00", "0000", "9999", "10000", "-1", "1e9", "+2023", " 2023", "99999999999999999999"]),
    )


def four_digits(year):
    return f"{year:04}"


def date_text():
    """Dates as people and programs write them, from the year 1 to 9999, and near misses."""
    extreme = st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59))
    return st.one_of(
        extreme.map(lambda moment: f"{four_digits(moment.year)}-{moment:%m-%d %H:%M}"),
        st.dates(min_value=date(1, 1, 1)).map(lambda day: f"{four_digits(day.year)}-{day:%m-%d}"),
        st.dates(min_value=date(1, 1, 1)).map(lambda day: f"{day:%B} {day.day}, {four_digits(day.year)}"),
        st.builds(lambda y, m, d: f"{y}-{m}-{d}", number_text(), number_text(), number_text()),
        outside_text(20),
    )


def public_site(*extra):
    """The public pages and feeds, with `extra` ones, as (url, status) for those that failed."""
    reader = Client()
    pages = [
        "/", "/feed/", "/feed/atom/", "/sitemap.xml", "/news-sitemap.xml", "/robots.txt", "/countries/",
        "/people/", "/statements/", "/search/?q=talks", *extra,
    ]
    return [(url, status) for url in pages if (status := reader.get(url).status_code) >= 500]


def story_pages(article):
    """The pages of `article` and of what it links to, as a reader reaches them."""
    pages = [article.get_absolute_url(), article.section.get_absolute_url(),
             reverse("articles:section_atom", args=[article.section.slug]),
             reverse("articles:year", args=[article.published_on.year])]
    pages += [reverse("articles:tag", args=[tag.slug]) for tag in article.tags.all()]
    pages += [person.get_absolute_url() for person in article.people.all()]
    return pages


class NewsroomTestCase(TestCase):
    """A newsroom with one published story, its section, tag, person, country and statement;
    each example runs in a transaction of its own, rolled back after it."""

    @classmethod
    def setUpTestData(cls):
        cls.china, cls.pakistan = factories.country("CN"), factories.country("PK")
        cls.wang = factories.make_person("Wang Yi", country=cls.china)
        cls.story = factories.make_article(
            "Talks in Islamabad", published_at=factories.newsroom_time(2023, 5, 6, 10), tags=["diplomacy"],
            people=[cls.wang], countries=[cls.china, cls.pakistan],
        )
        factories.make_statement(cls.story, cls.wang, "China and Pakistan are partners.", countries=[cls.pakistan])
        cls.editor = get_user_model().objects.create_superuser("editor", "editor@example.com", None)


# The story parser ---------------------------------------------------------------------------

# What a refused file is told, word for word at the start (see articles/storyfile.py).
FORMAT_ERRORS = (
    "empty file:", "no title:", "title too long:", "section name too long:", "no date:", "date out of range:",
    "impossible date:", "impossible time:", "no paragraphs:", "too large:", "binary file, not text:",
    "not UTF-8 text",
)


@st.composite
def story_texts(draw):
    """Story files laid out as the format says, with any text in every part."""
    crumb = draw(st.one_of(st.just(""), outside_text(30).map(lambda section: f"Home > {section}\n")))
    title = draw(outside_text(60, min_size=1))
    when = draw(date_text())
    paragraphs = draw(st.lists(outside_text(120, min_size=1), min_size=0, max_size=3))
    return f"{crumb}{title}\n\n{when}\n\n" + "\n\n".join(paragraphs) + "\n"


def story_bytes():
    return st.one_of(story_texts().map(lambda story: story.encode("utf-8")), st.binary(max_size=300))


@examples(400)
@given(story_bytes())
@example("Home > 国际新闻\nTalks\n\n2023-05-06 10:00\n\nText.\n".encode())
@example("Home > ★\nTalks\n\n0001-01-01 00:00\n\nText.\n".encode())
@example("Talks\n\n9999-12-31 23:59\n\nText\x0b with\x00 debris.\n".encode())
def test_the_parser_returns_a_story_fit_to_store_or_says_why_not(raw):
    try:
        story = parse_story(raw)
    except StoryFormatError as refusal:
        assert str(refusal).startswith(FORMAT_ERRORS), refusal
        return
    assert story.title and story.paragraphs
    for part in (story.title, story.section, *story.paragraphs):
        assert not CONTROL_CHARACTERS.search(part)
    assert 1000 <= story.published_at.year <= 9998


@examples(200)
@given(outside_text(120))
def test_every_slug_is_an_address_part_and_never_empty(name):
    slug = slug_of(name, 100, "fallback")

    assert slug and slug.isascii() and len(slug) <= 100
    assert reverse("articles:section", args=[slug])
    assert free_slug(name, {slug}, "fallback") != slug


# The importer -----------------------------------------------------------------------------

class ImportTests(NewsroomTestCase):
    @examples(25)
    @given(st.lists(story_texts(), min_size=1, max_size=3))
    @example(["Home > 国际新闻\nTalks in Beijing\n\n2023-05-06 10:00\n\nBoth sides met.\n",
              "Talks in antiquity\n\n0001-01-01 00:00\n\nBoth sides met.\n",
              "Home > ★\nTalks, again\n\nMay 6, 2023\n\nWang\x0b Yi said that dialogue matters.\n"])
    def test_an_import_saves_whole_stories_reports_the_rest_and_the_site_stays_up(self, stories):
        before = Article.objects.count()
        with tempfile.TemporaryDirectory() as folder:
            for number, story in enumerate(stories):
                Path(folder, f"{number}.txt").write_text(story, encoding="utf-8")
            report = import_paths([folder], status="published")

        errors = [outcome.error for outcome in report.outcomes if outcome.result == "error"]
        assert all(error.startswith(FORMAT_ERRORS) for error in errors), errors
        saved = [outcome.article for outcome in report.outcomes if outcome.result != "error"]
        # Whole stories or nothing of them: one row per story saved, none for a refused one.
        assert Article.objects.count() == before + report.counts["created"]
        assert all(Article.objects.filter(pk=article.pk).exists() for article in saved)
        for article in Article.objects.filter(pk__in=[article.pk for article in saved]):
            assert text.fit_to_store(article.title) == article.title
            pages = story_pages(article)
            assert public_site(*pages) == []
            if article.is_public:  # not one dated later, which is scheduled
                assert Client().get(article.get_absolute_url()).status_code == 200


# The desk's forms, one for each model ------------------------------------------------------

@st.composite
def typed(draw, text_fields, other_fields):
    """A form as an editor may fill it: any text in `text_fields`, and in `other_fields`
    (name: (valid, hostile) strategies) valid values, or, in one example out of two,
    hostile ones throughout: so that saving is tried as often as refusing."""
    hostile = draw(st.booleans())
    form = {name: draw(strategy) for name, strategy in text_fields.items()}
    form.update({name: draw(pair[hostile]) for name, pair in other_fields.items()})
    return form


def kept_day():
    return st.dates(min_value=date(1000, 1, 1), max_value=date(9998, 12, 31)).map(date.isoformat)


OPTIONAL_DAY = (st.one_of(st.just(""), kept_day()), date_text())


class DeskFormTests(NewsroomTestCase):
    """Each add form of the desk, posted as a browser would with any text in its fields."""

    def setup_example(self):
        # Each example starts afresh: a new transaction and a new client (see hypothesis.extra.django).
        super().setup_example()
        self.client.force_login(self.editor)

    def post(self, model_url, form_id, typed):
        """Post the add form with `typed` over the defaults it shows."""
        blank = form_data(self.client.get(model_url), form_id)
        return self.client.post(model_url, {**blank, **typed})

    def assert_answered(self, response, model, before, *related):
        """Saved (a redirect, one more row) or refused (the form again, with why, and nothing saved)."""
        assert response.status_code in (200, 302), response.status_code
        if response.status_code == 302:
            event(f"{model.__name__}: saved")
            assert model.objects.count() == before[0] + 1
            return model.objects.order_by("-pk").first()
        fields = sorted(response.context["adminform"].form.errors)
        for formset in response.context["inline_admin_formsets"]:
            fields += sorted({f"{formset.formset.prefix}.{name}" for form in formset.formset.errors for name in form})
        event(f"{model.__name__}: refused for {', '.join(fields)}")
        errors = response.context["errors"]
        assert errors and all(str(message).strip() for error in errors for message in error), errors
        assert "errornote" in response.content.decode()
        assert [model.objects.count(), *(other.objects.count() for other in related)] == list(before)
        return None

    @examples(20)
    @given(typed({"name": outside_text(110)}, {"slug": (st.just(None), outside_text(30))}))
    @example({"name": "国际新闻", "slug": "guo-ji-xin-wen"})
    @example({"name": "China\x1f News", "slug": "china-news-2"})
    def test_section_form(self, form):
        factories.make_section("China News")
        before = (Section.objects.count(),)
        form["slug"] = form["slug"] if form["slug"] is not None else slug_of(form["name"], 90, "section")

        response = self.post(reverse("admin:articles_section_add"), "section_form", form)

        section = self.assert_answered(response, Section, before)
        if section:
            factories.make_article("Filed", section=section)
            assert text.fit_to_store(section.name) == section.name
            assert public_site(section.get_absolute_url()) == []

    # Codes no country has: ISO 3166 keeps them for private use.
    @examples(20)
    @given(typed({"name": outside_text(110), "aliases": outside_text(60)},
                 {"code": (st.sampled_from(["AA", "QM", "QZ", "XA", "XZ", "ZZ"]), outside_text(3))}))
    @example({"code": "XK", "name": "China\x0b(PRC)", "aliases": "PRC\x00\nChinese"})
    def test_country_form(self, form):
        before = (Country.objects.count(),)

        response = self.post(reverse("admin:articles_country_add"), "country_form", {
            **form, "slug": slug_of(form["name"], 90, "country"),
        })

        country = self.assert_answered(response, Country, before)
        if country:
            factories.make_article("Talks", countries=[country])
            code = country.code.lower()
            assert public_site(f"/countries/{code}/", f"/countries/{code}/feed/", f"/countries/{code}/feed/atom/") == []

    @examples(20)
    @given(typed(
        {"name": outside_text(60), "aliases": outside_text(60), "bio": outside_text(200), "roles-0-title": outside_text(60)},
        {
            "wikidata_id": (st.one_of(st.just(""), st.integers(1, 10**9).map("Q{}".format)), number_text().map("Q{}".format)),
            "roles-0-start_date": OPTIONAL_DAY, "roles-0-end_date": OPTIONAL_DAY,
        },
    ))
    @example({"name": "王毅", "aliases": "Wang\x0bYi", "wikidata_id": "Q²³", "bio": "\x00", "roles-0-title": "Minister",
              "roles-0-start_date": "0001-01-01", "roles-0-end_date": "9999-12-31"})
    def test_person_form_with_a_role(self, form):
        before = (Person.objects.count(), Role.objects.count())

        response = self.post(reverse("admin:articles_person_add"), "person_form", {
            **form, "slug": slug_of(form["name"], 190, "person"),
        })

        person = self.assert_answered(response, Person, before, Role)
        if person:
            factories.make_article("Talks", people=[person])
            assert public_site(person.get_absolute_url(), reverse("articles:person_atom", args=[person.slug])) == []

    @examples(40)
    @given(typed(
        {
            "title": outside_text(80, min_size=1), "summary": outside_text(80), "body_html": outside_text(300, min_size=1),
            "tags": outside_text(40), "dateline": outside_text(30), "statements-0-cue": outside_text(20, min_size=1),
            "statements-0-text": outside_text(80, min_size=1), "corrections-0-text": outside_text(60, min_size=1),
        },
        {
            "published_at_0": (kept_day(), date_text()),
            "published_at_1": (st.times().map(lambda t: f"{t:%H:%M}"), outside_text(8)),
            "event_date": OPTIONAL_DAY,
            "corrections-0-noted_at_0": (kept_day(), date_text()),
            "source_url": (st.sampled_from(["", "https://example.com/story"]), outside_text(40)),
        },
    ))
    @example({"title": "外交部长会见客人", "summary": "", "body_html": "Talks.", "tags": "外交, Россия, >, ★",
              "published_at_0": "2023-05-06", "published_at_1": "10:00", "dateline": "", "event_date": "",
              "source_url": "", "statements-0-cue": "said", "statements-0-text": "Words.",
              "corrections-0-noted_at_0": "2023-05-07", "corrections-0-text": "A name was misspelt."})
    @example({"title": "Talks", "summary": "", "body_html": "Talks.", "tags": "R\x0b&D", "published_at_0": "0001-01-01",
              "published_at_1": "00:00", "dateline": "", "event_date": "9999-12-31", "source_url": "javascript:alert(1)",
              "statements-0-cue": "said", "statements-0-text": "\x00", "corrections-0-noted_at_0": "0001-01-01",
              "corrections-0-text": "Wrong."})
    def test_article_form_with_a_statement_and_a_correction(self, form):
        before = (Article.objects.count(), Statement.objects.count(), Correction.objects.count(), Tag.objects.count())

        response = self.post(reverse("admin:articles_article_add"), "article_form", {
            **form, "slug": slug_of(form["title"], 190, "story"), "section": self.story.section_id,
            "status": "published", "statements-TOTAL_FORMS": "1", "statements-0-position": "1",
            "statements-0-speaker": self.wang.pk, "statements-0-kind": "indirect", "statements-0-review": "confirmed",
            "corrections-TOTAL_FORMS": "1", "corrections-0-noted_at_1": "12:00",
        })

        article = self.assert_answered(response, Article, before, Statement, Correction, Tag)
        if article:
            assert (article.statements.count(), article.corrections.count()) == (1, 1)
            assert text.fit_to_store(article.body) == article.body
            assert public_site(*story_pages(article)) == []

    @examples(20)
    @given(typed(
        {"cue": outside_text(60, min_size=1), "text": outside_text(100, min_size=1)},
        {
            "position": (st.integers(2, 10**6).map(str), number_text()),
            "kind": (st.sampled_from(["indirect", "direct", "mixed"]), outside_text(10)),
            "review": (st.sampled_from(["confirmed", "suggested", "rejected"]), st.sampled_from(["", "\x00", "Published"])),
        },
    ))
    @example({"position": "²", "cue": "said", "text": "China\x0b is ready.", "kind": "direct", "review": "confirmed"})
    def test_statement_form(self, form):
        before = (Statement.objects.count(),)

        response = self.post(reverse("admin:articles_statement_add"), "statement_form", {
            **form, "article": self.story.pk, "speaker": self.wang.pk, "countries": [self.china.pk],
        })

        if self.assert_answered(response, Statement, before):
            assert public_site(self.story.get_absolute_url(), "/statements/?about=cn", "/relations/cn/pk/") == []

    @examples(20)
    @given(typed({"name": outside_text(60)}, {"slug": (st.just(None), outside_text(20))}))
    @example({"name": "外交", "slug": "外交"})
    @example({"name": "R\x0b&D", "slug": "r-d"})
    def test_tag_form(self, form):
        before = (Tag.objects.count(),)
        form["slug"] = form["slug"] if form["slug"] is not None else slug_of(form["name"], 90, "tag")

        response = self.post(reverse("admin:taggit_tag_add"), "tag_form", form)

        tag = self.assert_answered(response, Tag, before)
        if tag:
            self.story.tags.add(tag.name)
            assert public_site(f"/tags/{tag.slug}/", f"/tags/{tag.slug}/feed/", self.story.get_absolute_url()) == []

    @examples(15)
    @given(typed({"old_path": outside_text(60), "new_path": outside_text(60)}, {}))
    @example({"old_path": "/people/secret-envoy/", "new_path": "javascript:alert(1)"})
    def test_moved_page_form(self, form):
        before = (MovedPage.objects.count(),)

        response = self.post(reverse("admin:articles_movedpage_add"), "movedpage_form", form)

        moved = self.assert_answered(response, MovedPage, before)
        if moved and moved.old_path.startswith("/"):
            assert Client().get(quote(moved.old_path)).status_code < 500


# Every public query parameter and address --------------------------------------------------

PARAMETERS = [
    "q", "page", "section", "tag", "country", "person", "year", "speaker", "speaker_country", "about", "since",
    "until", "cue", "text",
]
PAGES_WITH_PARAMETERS = [
    "/", "/search/", "/statements/", "/sections/china-news/", "/tags/diplomacy/", "/people/wang-yi/",
    "/countries/cn/", "/relations/cn/pk/", "/news/2023/", "/news/2023/05/", "/feed/atom/", "/countries/cn/feed/",
    "/sitemap.xml",
]
ADDRESSES = [
    "/news/{}/", "/news/2023/{}/", "/news/2023/05/{}/talks-in-islamabad/", "/news/2023/05/06/{}/",
    "/sections/{}/", "/tags/{}/", "/tags/{}/feed/", "/people/{}/", "/people/{}/feed/atom/", "/countries/{}/",
    "/countries/{}/feed/", "/relations/cn/{}/", "/preview/{}/",
]


class PublicInputTests(NewsroomTestCase):
    @examples(150)
    @given(
        page=st.sampled_from(PAGES_WITH_PARAMETERS),
        parameters=st.dictionaries(
            st.sampled_from(PARAMETERS), st.one_of(outside_text(30), number_text(), date_text()), max_size=5,
        ),
    )
    @example(page="/search/", parameters={"q": "talks", "year": "0000"})
    @example(page="/search/", parameters={"q": "talks", "year": "²³⁴⁵"})
    @example(page="/statements/", parameters={"since": "0001-01-01", "until": "9999-12-31", "speaker": "\x00"})
    def test_no_query_parameter_takes_a_page_down(self, page, parameters):
        response = Client().get(page, parameters)

        assert response.status_code in (200, 404), (page, parameters, response.status_code)

    @examples(150)
    @given(address=st.sampled_from(ADDRESSES), part=st.one_of(outside_text(30, min_size=1), number_text()))
    @example(address="/news/{}/", part="0")
    @example(address="/news/{}/", part="99999999999999999999")
    @example(address="/tags/{}/", part="外交")
    def test_no_address_takes_a_page_down(self, address, part):
        response = Client().get(address.format(quote(part, safe="")))

        assert response.status_code in (200, 301, 302, 404), (address, part, response.status_code)
