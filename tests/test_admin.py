"""The editors' desk in the Django admin: what an editor sees, finds, saves, and how fast."""

from datetime import date, datetime, timedelta
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Country, Person, Role, Section, Statement
from tests import factories
from tests.queries import assert_flat

pytestmark = pytest.mark.django_db


class FormReader(HTMLParser):
    """Collects what a browser would submit from the form with `form_id`, as a dict for client.post."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id = form_id
        self.in_form = False
        self.data = {}
        self.textarea = None
        self.select = None

    def submit(self, name, value):
        if "__prefix__" in name:  # the hidden template for "Add another"
            return
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.in_form = attrs.get("id") == self.form_id
        if not self.in_form or (not attrs.get("name") and tag != "option") or "disabled" in attrs:
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.submit(attrs["name"], attrs.get("value", "on" if kind == "checkbox" else ""))
        elif tag == "textarea":
            self.textarea = [attrs["name"], ""]
        elif tag == "select":
            self.select = {"name": attrs["name"], "multiple": "multiple" in attrs, "options": []}
        elif tag == "option" and self.select is not None:
            self.select["options"].append((attrs.get("value", ""), "selected" in attrs))

    def handle_data(self, text):
        if self.textarea is not None:
            self.textarea[1] += text

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "textarea" and self.textarea is not None:
            name, text = self.textarea
            # Browsers drop the newline Django writes right after <textarea>.
            self.submit(name, text.removeprefix("\r\n").removeprefix("\n"))
            self.textarea = None
        elif tag == "select" and self.select is not None:
            options = self.select["options"]
            chosen = [value for value, selected in options if selected]
            if not chosen and options and not self.select["multiple"]:
                chosen = [options[0][0]]
            for value in chosen:
                self.submit(self.select["name"], value)
            self.select = None


def form_data(response, form_id):
    """The POST a browser would send from this admin page's form, before the editor types anything."""
    reader = FormReader(form_id)
    reader.feed(response.content.decode())
    return {name: values if len(values) > 1 else values[0] for name, values in reader.data.items()}


def admin_url(model, page, *args):
    return reverse(f"admin:articles_{model._meta.model_name}_{page}", args=args)


@pytest.fixture
def desk():
    """One of everything the admin edits, linked the way a real story is."""
    pakistan, china = factories.country("PK"), factories.country("CN")
    wang = factories.make_person("Wang Yi", country=china, aliases="Wang")
    role = factories.make_role(wang, "Foreign Minister", country=china, start_date=date(2023, 7, 25))
    article = factories.make_article(
        "Wang Yi meets Pakistani counterpart",
        body="Wang Yi met Ishaq Dar in Beijing.\n\nThey discussed the corridor.",
        tags=["diplomacy", "cpec"],
        people=[wang],
        countries=[pakistan, china],
    )
    statement = factories.make_statement(article, wang, "China values its all-weather friendship.")
    return {
        "section": article.section, "country": pakistan, "person": wang, "role": role,
        "article": article, "statement": statement,
    }


# Every page renders for the staff --------------------------------------------------------

@pytest.mark.parametrize(
    "name, expected",
    [
        ("article", "Wang Yi meets Pakistani counterpart"),
        ("statement", "China values its all-weather friendship."),
        ("person", "Wang Yi"),
        ("country", "Pakistan"),
        ("section", "China News"),
    ],
)
def test_changelist_add_and_change_pages_render_for_staff(staff_client, desk, name, expected):
    obj = desk[name]
    model = type(obj)

    # Searched, because Pakistan is not on the first page of 249 countries.
    changelist = staff_client.get(admin_url(model, "changelist"), {"q": expected})
    add = staff_client.get(admin_url(model, "add"))
    change = staff_client.get(admin_url(model, "change", obj.pk))

    assert changelist.status_code == add.status_code == change.status_code == 200
    assert expected in changelist.content.decode()
    assert f"Add {model._meta.verbose_name}" in add.content.decode()
    assert expected in change.content.decode()


def test_role_is_edited_with_its_person_not_on_its_own():
    assert not admin.site.is_registered(Role)
    assert all(admin.site.is_registered(model) for model in (Article, Statement, Person, Country, Section))


ADMIN_PAGES = [
    "/admin/",
    "/admin/articles/article/",
    "/admin/articles/article/add/",
    "/admin/articles/statement/",
    "/admin/articles/person/",
    "/admin/articles/country/",
    "/admin/articles/section/",
]


@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_anonymous_user_is_sent_to_login(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"/admin/login/?next={url}"


@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_logged_in_reader_who_is_not_staff_is_sent_to_login(client, django_user_model, url):
    client.force_login(django_user_model.objects.create_user("reader", "reader@example.com"))

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"/admin/login/?next={url}"


# Article list ---------------------------------------------------------------------------

def test_article_list_shows_tags_and_statement_count(staff_client, desk):
    factories.make_statement(desk["article"], desk["person"], "A second statement.")

    response = staff_client.get(admin_url(Article, "changelist"))

    row = next(r for r in response.context["cl"].result_list if r.pk == desk["article"].pk)
    assert row.statement_count == 2
    html = response.content.decode()
    assert '<td class="field-tag_list">cpec, diplomacy</td>' in html
    assert '<td class="field-statement_count">2</td>' in html


def test_article_search_finds_words_in_the_body(staff_client, desk):
    factories.make_article("Unrelated story", body="Nothing about any corridor here? No: weather.")

    response = staff_client.get(admin_url(Article, "changelist"), {"q": "Ishaq Dar"})

    assert list(response.context["cl"].result_list) == [desk["article"]]


def titles_listed(response):
    return {article.title for article in response.context["cl"].result_list}


@pytest.mark.parametrize(
    "query",
    [
        lambda desk: {"status__exact": "published"},
        lambda desk: {"section__id__exact": desk["section"].pk},
        lambda desk: {"countries__id__exact": desk["country"].pk},
        lambda desk: {"tags__id__exact": desk["article"].tags.get(name="cpec").pk},
    ],
    ids=["status", "section", "country", "tag"],
)
def test_article_filters_narrow_the_list(staff_client, desk, query):
    factories.make_article(
        "Draft about Chile",
        status=Article.Status.DRAFT,
        section=factories.make_section("World"),
        countries=[factories.country("CL")],
        tags=["mining"],
    )

    response = staff_client.get(admin_url(Article, "changelist"), query(desk))

    assert titles_listed(response) == {"Wang Yi meets Pakistani counterpart"}


def test_statement_count_stays_right_when_filtering_by_country(staff_client, desk):
    factories.make_statement(desk["article"], desk["person"], "A second statement.")

    response = staff_client.get(
        admin_url(Article, "changelist"), {"countries__id__exact": desk["country"].pk}
    )

    assert [row.statement_count for row in response.context["cl"].result_list] == [2]


def test_article_country_filter_offers_only_countries_stories_are_about(staff_client, desk):
    response = staff_client.get(admin_url(Article, "changelist"))

    html = response.content.decode()
    assert f"countries__id__exact={desk['country'].pk}" in html
    assert f"countries__id__exact={factories.country('FR').pk}" not in html


# Article change page --------------------------------------------------------------------

def test_article_change_page_edits_statements_inline_in_order_with_speaker_autocomplete(
    staff_client, desk
):
    article = desk["article"]
    factories.make_statement(article, desk["person"], "Second in the story.", position=3)
    factories.make_statement(article, desk["person"], "Between the two.", position=2)

    response = staff_client.get(admin_url(Article, "change", article.pk))

    html = response.content.decode()
    assert 'name="statements-TOTAL_FORMS" value="3"' in html
    assert (
        html.index("China values its all-weather")
        < html.index("Between the two.")
        < html.index("Second in the story.")
    )
    statement_form = response.context["inline_admin_formsets"][0].formset.forms[0]
    # The admin wraps the widget to add the "+" and pencil links.
    assert isinstance(statement_form.fields["speaker"].widget.widget, AutocompleteSelect)
    assert 'name="statements-0-speaker"' in html
    assert 'data-ajax--url="/admin/autocomplete/"' in html
    assert 'data-field-name="speaker"' in html


def test_editing_an_article_and_its_statements_through_the_change_page_saves(staff_client, desk):
    article, statement = desk["article"], desk["statement"]
    dar = factories.make_person("Ishaq Dar", country=desk["country"])
    url = admin_url(Article, "change", article.pk)
    data = form_data(staff_client.get(url), "article_form")
    data.update({
        "title": "Wang Yi and Ishaq Dar meet in Beijing",
        "tags": "diplomacy, cpec, beijing",
        "statements-0-text": "China and Pakistan are all-weather strategic partners.",
        "statements-0-audience": str(dar.pk),
        # A new statement, added with "Add another Statement".
        "statements-TOTAL_FORMS": "2",
        "statements-1-position": "2",
        "statements-1-speaker": str(dar.pk),
        "statements-1-cue": "thanked",
        "statements-1-text": "Pakistan thanks China for its support.",
        "statements-1-kind": Statement.Kind.INDIRECT,
        "statements-1-review": Statement.Review.CONFIRMED,
        "statements-1-countries": [str(desk["country"].pk), str(factories.country("CN").pk)],
    })

    response = staff_client.post(url, data)

    assert response.status_code == 302, response.context["errors"]
    article.refresh_from_db()
    statement.refresh_from_db()
    assert article.title == "Wang Yi and Ishaq Dar meet in Beijing"
    assert set(article.tags.names()) == {"diplomacy", "cpec", "beijing"}
    assert statement.text == "China and Pakistan are all-weather strategic partners."
    assert statement.audience == dar
    added = article.statements.get(position=2)
    assert (added.speaker, added.cue) == (dar, "thanked")
    assert set(added.countries.values_list("code", flat=True)) == {"PK", "CN"}


def test_a_typed_body_is_stored_as_trimmed_paragraphs_one_blank_line_apart(staff_client, desk):
    article = desk["article"]
    url = admin_url(Article, "change", article.pk)
    data = form_data(staff_client.get(url), "article_form")
    data["body_html"] = "  Wang Yi met Ishaq Dar in Beijing. \r\n\r\n\r\n\r\nThey discussed the corridor.\r\nAnd trade.  \r\n"

    assert staff_client.post(url, data).status_code == 302

    article.refresh_from_db()
    assert article.body == "Wang Yi met Ishaq Dar in Beijing.\n\nThey discussed the corridor.\nAnd trade."


def test_article_slug_taken_on_the_same_day_is_a_form_error_keeping_what_was_typed(
    staff_client, desk
):
    taken = desk["article"]
    published_at = timezone.localtime(taken.published_at)
    data = form_data(staff_client.get(admin_url(Article, "add")), "article_form")
    data.update({
        "title": "Wang Yi meets Pakistani counterpart, again",
        "slug": taken.slug,
        "section": str(desk["section"].pk),
        "body_html": "A second meeting the same day.",
        "published_at_0": published_at.strftime("%Y-%m-%d"),
        "published_at_1": "23:59:00",
    })

    response = staff_client.post(admin_url(Article, "add"), data)

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors["slug"] == [
        f"Another article published on {taken.published_on:%d %B %Y} has this slug."
    ]
    assert 'value="Wang Yi meets Pakistani counterpart, again"' in response.content.decode()
    assert Article.objects.count() == 1


def test_same_slug_on_another_day_is_fine(staff_client, desk):
    taken = desk["article"]
    data = form_data(staff_client.get(admin_url(Article, "add")), "article_form")
    data.update({
        "title": "Wang Yi meets Pakistani counterpart",
        "slug": taken.slug,
        "section": str(desk["section"].pk),
        "body_html": "The next day.",
        "published_at_0": (taken.published_on + timedelta(days=1)).isoformat(),
        "published_at_1": "12:00:00",
    })

    response = staff_client.post(admin_url(Article, "add"), data)

    assert response.status_code == 302, response.context["errors"]
    assert Article.objects.filter(slug=taken.slug).count() == 2


def test_public_article_links_to_the_site_and_a_draft_does_not(staff_client, desk):
    draft = factories.make_article("Unannounced visit", status=Article.Status.DRAFT)

    public_page = staff_client.get(admin_url(Article, "change", desk["article"].pk))
    draft_page = staff_client.get(admin_url(Article, "change", draft.pk))

    assert f'href="{desk["article"].get_absolute_url()}"' in public_page.content.decode()
    assert "View on site" in public_page.content.decode()
    assert "View on site" not in draft_page.content.decode()


# People and roles -----------------------------------------------------------------------

def test_person_page_lists_their_roles_and_statements(staff_client, desk):
    other = factories.make_person("Ishaq Dar")
    factories.make_statement(desk["article"], other, "Words of another speaker.")

    response = staff_client.get(admin_url(Person, "change", desk["person"].pk))

    html = response.content.decode()
    assert 'value="Foreign Minister"' in html
    assert "China values its all-weather friendship." in html
    assert "Wang Yi meets Pakistani counterpart" in html
    assert "Words of another speaker." not in html


def test_role_ending_before_it_starts_is_a_form_error_keeping_what_was_typed(staff_client, desk):
    url = admin_url(Person, "change", desk["person"].pk)
    data = form_data(staff_client.get(url), "person_form")
    # The empty extra role form, filled in wrongly.
    data.update({
        "roles-1-title": "Minister of State Security",
        "roles-1-start_date": "2024-05-01",
        "roles-1-end_date": "2023-05-01",
    })

    response = staff_client.post(url, data)

    assert response.status_code == 200
    assert "A role cannot end before it starts." in response.content.decode()
    assert 'value="Minister of State Security"' in response.content.decode()
    assert desk["person"].roles.count() == 1


# Countries and statements ---------------------------------------------------------------

@pytest.mark.parametrize("term", ["Pakistani", "PK", "pk", "Pakistan"])
def test_country_search_finds_by_name_alias_and_code(staff_client, term):
    response = staff_client.get(admin_url(Country, "changelist"), {"q": term})

    assert [country.code for country in response.context["cl"].result_list] == ["PK"]


def test_speaker_autocomplete_finds_the_person(staff_client):
    qin = factories.make_person("Qin Gang", country=factories.country("CN"))
    factories.make_person("Ishaq Dar")

    response = staff_client.get(
        "/admin/autocomplete/",
        {"app_label": "articles", "model_name": "statement", "field_name": "speaker", "term": "Qin"},
    )

    assert response.status_code == 200
    assert response.json()["results"] == [{"id": str(qin.pk), "text": "Qin Gang"}]


@pytest.fixture
def two_statements(desk):
    dar = factories.make_person("Ishaq Dar", country=desk["country"])
    earlier = factories.make_article(
        "Dar visits Chile", published_at=timezone.make_aware(datetime(2023, 3, 1, 10))
    )
    chile = factories.make_statement(
        earlier, dar, "Pakistan and Chile will trade more.", countries=[factories.country("CL")]
    )
    return {"wang": desk["statement"], "dar": chile}


@pytest.mark.parametrize(
    "query, expected",
    [
        (lambda s: {"speaker__id__exact": s["dar"].speaker_id}, "dar"),
        (lambda s: {"countries__id__exact": factories.country("CL").pk}, "dar"),
        (lambda s: {"article__published_on__year": s["dar"].article.published_on.year}, "dar"),
        (lambda s: {"article__published_on__gte": "2024-01-01"}, "wang"),
    ],
    ids=["speaker", "country", "date-hierarchy-year", "date-since"],
)
def test_statement_filters_narrow_the_list(staff_client, two_statements, query, expected):
    response = staff_client.get(admin_url(Statement, "changelist"), query(two_statements))

    assert list(response.context["cl"].result_list) == [two_statements[expected]]


def test_statement_speaker_filter_finds_speakers_by_name_without_listing_everyone(staff_client, desk):
    dar = factories.make_person("Ishaq Dar")
    factories.make_statement(desk["article"], dar, "Pakistan thanks China.")
    url = admin_url(Statement, "changelist")

    page = staff_client.get(url, {"review__exact": "confirmed"}).content.decode()
    found = staff_client.get(url, {"speaker": "ishaq", "review__exact": "confirmed"})

    assert 'name="speaker"' in page and "speaker__id__exact=" not in page
    # The other filters go along with the name.
    assert '<input type="hidden" name="review__exact" value="confirmed">' in page
    assert [statement.speaker for statement in found.context["cl"].result_list] == [dar]


def test_statement_list_shows_the_whole_text_and_its_sentence_on_demand(staff_client, desk):
    article = factories.make_article(body="Wang Yi said that " + "peace matters. " * 10)
    long = factories.make_statement(article, desk["person"], ("peace matters. " * 10).strip(), start=18,
                                    end=len(article.body))

    html = staff_client.get(admin_url(Statement, "changelist")).content.decode()

    assert f"<summary>{long.text[:100]}…</summary><p>{long.text}</p>" in html
    assert 'Found in: Wang Yi said that <mark class="statement-span">peace matters.' in html


# Query counts ---------------------------------------------------------------------------

def add_story(number):
    """A story with everything a list row could look up: tags, countries, people, statements."""
    country = factories.country(["PK", "CN", "US", "IN", "RU"][number % 5])
    speaker = factories.make_person(country=country)
    factories.make_role(speaker, "Ambassador", country=country, start_date=date(2020, 1, 1))
    article = factories.make_article(
        section=factories.make_section(f"Section {number}"),
        published_at=timezone.now() - timedelta(days=400 * number + 1),
        tags=[f"tag-{number}", "diplomacy"],
        countries=[country],
        people=[speaker],
    )
    for position in (1, 2):
        factories.make_statement(article, speaker, f"Statement {position}.", countries=[country])


@pytest.mark.parametrize("model", [Article, Statement, Person, Section])
def test_changelist_query_count_stays_flat_as_rows_grow(staff_client, get_with_queries, model):
    add_story(1)
    url = admin_url(model, "changelist")
    _, before = get_with_queries(url)

    for number in range(2, 6):
        add_story(number)
    response, after = get_with_queries(url)

    assert len(response.context["cl"].result_list) > 1
    assert_flat(before, after)


def test_country_changelist_query_count_is_the_same_for_one_row_or_a_page(staff_client, get_with_queries):
    url = admin_url(Country, "changelist")
    add_story(1)
    one, before = get_with_queries(f"{url}?q=Pakistani")
    page, after = get_with_queries(f"{url}?q=an")

    assert len(one.context["cl"].result_list) == 1
    assert len(page.context["cl"].result_list) > 20
    assert_flat(before, after)
