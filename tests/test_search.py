"""Search as a reader uses it, on whichever database the suite runs (CI runs both)."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles import pagecache, search
from articles.models import Article, Statement
from tests.factories import country, make_article, make_person, make_section, make_statement, newsroom_time
from tests.queries import assert_flat

pytestmark = pytest.mark.django_db


def results(client, **params):
    response = client.get(reverse("articles:search"), params)
    assert response.status_code == 200
    return response


def result_titles(response):
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">(.*?)</a></h3>', response.content.decode())


def plain(html):
    return re.sub(r"</?mark>", "", html)


def test_search_finds_words_in_title_summary_and_body(client):
    make_article("Qin Gang meets Alvi", body="Talks in Islamabad.")
    make_article("Unrelated", summary="The envoy visited Khartoum.")
    make_article("Another", body="Evacuation of nationals from Khartoum.")

    assert [plain(t) for t in result_titles(results(client, q="Khartoum"))] == ["Unrelated", "Another"]
    assert [plain(t) for t in result_titles(results(client, q="islamabad"))] == ["Qin Gang meets Alvi"]


def test_search_ranks_a_title_match_above_a_body_match(client):
    make_article("Belt and Road forum opens", published_at=newsroom_time(2023, 1, 1))
    make_article("Ministers meet", body="They discussed the Belt and Road.", published_at=newsroom_time(2023, 6, 1))

    assert [plain(t) for t in result_titles(results(client, q="belt road"))] == [
        "Belt and Road forum opens", "Ministers meet"]


def test_search_finds_confirmed_statements_and_people_but_not_suggested_ones(client):
    qin = make_person("Qin Gang")
    article = make_article("Talks in Islamabad", people=[qin])
    make_statement(article, qin, "Cooperation in hydropower will deepen.")
    make_statement(article, qin, "Unreviewed remark about satellites.", review=Statement.Review.SUGGESTED)

    by_statement = results(client, q="hydropower")
    by_person = results(client, q="Qin Gang")

    assert [plain(t) for t in result_titles(by_statement)] == ["Talks in Islamabad"]
    assertContains(by_statement, "<mark>hydropower</mark>")
    assert [plain(t) for t in result_titles(by_person)] == ["Talks in Islamabad"]
    assert result_titles(results(client, q="satellites")) == []


def test_search_shows_only_published_stories(client):
    make_article("Published hydropower story")
    make_article("Draft hydropower story", status=Article.Status.DRAFT)

    response = results(client, q="hydropower")

    assertContains(response, "Published")
    assertNotContains(response, "Draft hydropower story")


def test_search_highlights_matches_in_title_and_snippet(client):
    make_article("Hydropower deal signed", body="The hydropower plant on the Jhelum river will open in 2026.")

    response = results(client, q="hydropower")

    assertContains(response, "<mark>Hydropower</mark> deal signed")
    assertContains(response, "<mark>hydropower</mark> plant")


def test_search_escapes_markup_in_stories_before_highlighting(client):
    make_article("Hydropower <script>alert(1)</script>", body='Hydropower <img src=x onerror="alert(2)"> talks.')

    response = results(client, q="hydropower")

    html = response.content.decode()
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assertContains(response, "&lt;")


def test_stored_text_cannot_place_its_own_highlights(client):
    make_article("Hydropower talks \ue000<b>x\ue001 end", body="More \ue001hydropower\ue000 here.")

    html = results(client, q="hydropower").content.decode()

    assert "<mark>&lt;b&gt;x</mark>" not in html
    assert html.count("<mark>") == html.count("</mark>") == 2


def test_search_results_have_facets_that_narrow_them(client):
    pakistan = country("PK")
    make_article("Hydropower in Pakistan", countries=[pakistan], tags=["Energy"], section=make_section("World"))
    make_article("Hydropower in Sudan", countries=[country("SD")], published_at=newsroom_time(2022, 3, 1))

    response = results(client, q="hydropower")
    narrowed = results(client, q="hydropower", country="pk")
    by_year = results(client, q="hydropower", year="2022")

    assertContains(response, "Pakistan")
    assertContains(response, 'href="?q=hydropower&amp;country=pk"')
    assert [plain(t) for t in result_titles(narrowed)] == ["Hydropower in Pakistan"]
    assert [plain(t) for t in result_titles(by_year)] == ["Hydropower in Sudan"]
    assertContains(narrowed, 'href="?q=hydropower"')


def test_a_person_facet_counts_the_stories_they_speak_in_as_their_page_does(client):
    """Someone quoted in a story is in its list on their page though the story does not name
    them among its people: the facet counts that story, and narrowing by them keeps it."""
    alvi = make_person("Arif Alvi")
    quoted = make_article("Hydropower talks")
    make_statement(quoted, alvi, "Hydropower is a priority.")
    make_article("Hydropower elsewhere")

    response = results(client, q="hydropower")
    narrowed = results(client, q="hydropower", person=alvi.slug)

    assertContains(response, '<a href="?q=hydropower&amp;person=arif-alvi">Arif Alvi</a> <span class="meta">1</span>')
    assert [plain(t) for t in result_titles(narrowed)] == ["Hydropower talks"]


def test_the_year_facet_counts_stories_by_the_newsrooms_calendar(client):
    make_article("Hydropower at new year", published_at=newsroom_time(2023, 1, 1, 0, 30))
    make_article("Hydropower in December", published_at=newsroom_time(2022, 12, 31, 23, 30))

    html = results(client, q="hydropower").content.decode()

    assert re.search(r'href="\?q=hydropower&amp;year=2023"', html)
    assert re.search(r'href="\?q=hydropower&amp;year=2022"', html)
    assert [plain(t) for t in result_titles(results(client, q="hydropower", year="2023"))] == ["Hydropower at new year"]


def test_search_paginates_and_keeps_the_query(client):
    for number in range(21):
        make_article(f"Hydropower story {number}")

    first = results(client, q="hydropower")
    second = results(client, q="hydropower", page=2)

    assert len(result_titles(first)) == 20 and len(result_titles(second)) == 1
    assertContains(first, 'href="?q=hydropower&amp;page=2"')


def test_empty_search_shows_the_form_only(client):
    response = results(client)

    assertContains(response, '<label for="search-q">')
    assertNotContains(response, "result")


@pytest.mark.parametrize(
    "query",
    [
        "x" * 8192,
        "hydropower " * 800,
        "!!! ??? ... ---",
        "%",
        "_",
        "\\",
        "100%_\\",
        "hydro\x00power",
        "\x00",
        "' OR 1=1 --",
        '"unclosed phrase',
        "-",
        "& | ! ( ) : *",
        "习近平 外交部",
        "باكستان",
        "🇵🇰 🤝 🇨🇳",
    ],
)
def test_hostile_queries_never_break_the_page(client, query):
    make_article("Hydropower 100% done_now \\ 习近平")

    response = client.get(reverse("articles:search"), {"q": query, "year": "2x"})

    assert response.status_code == 200


def test_hostile_facet_values_never_break_the_page(client):
    make_article("Hydropower story", countries=[country("PK")])

    for value in ["\x00", "%", "_", "\\", "x" * 8192, "🇵🇰", "'; DROP TABLE x; --"]:
        params = {name: value for name in ["section", "tag", "country", "person", "year"]}
        assert client.get(reverse("articles:search"), {"q": "hydropower", **params}).status_code == 200


def test_odd_country_codes_in_addresses_are_not_found(client):
    for url in ["/countries/%00/", "/relations/%00/cn/", "/relations/cn/pak/", "/countries/%25_/feed/"]:
        assert client.get(url).status_code == 404


def test_confirming_a_statement_or_naming_a_person_makes_a_story_findable(client):
    article = make_article("Talks")
    statement = make_statement(article, make_person("Someone"), "Fisheries were discussed.",
                               review=Statement.Review.SUGGESTED)
    assert result_titles(results(client, q="fisheries")) == []

    statement.review = Statement.Review.CONFIRMED
    statement.save()
    article.people.add(make_person("Bilawal Bhutto Zardari"))

    assert [plain(t) for t in result_titles(results(client, q="fisheries"))] == ["Talks"]
    assert [plain(t) for t in result_titles(results(client, q="bilawal"))] == ["Talks"]


def test_renaming_a_person_updates_what_search_finds(client):
    envoy = make_person("Special Envoy")
    make_article("Talks", people=[envoy])

    envoy.name = "Zalmay Khalilzad"
    envoy.save()

    assert [plain(t) for t in result_titles(results(client, q="khalilzad"))] == ["Talks"]


def test_a_query_that_is_not_utf8_never_breaks_the_page(client):
    response = client.get(reverse("articles:search") + "?q=%ED%A0%80%FF%00%25")

    assert response.status_code == 200


def test_percent_and_underscore_are_not_wildcards(client):
    make_article("Hydropower story")

    assert result_titles(results(client, q="%")) == []
    assert result_titles(results(client, q="_")) == []


def test_clean_query_drops_control_characters_and_cuts_long_queries():
    assert search.clean_query("qin\x00 gang\n\t") == "qin gang"
    assert len(search.clean_query("a" * 8192)) == search.MAX_QUERY_LENGTH


def test_search_page_query_count_is_flat(get_with_queries):
    pakistan = country("PK")
    qin = make_person("Qin Gang", country=country("CN"))
    # With a topic: Django asks nothing of an empty list of them, one query fewer than any real newsroom.
    make_statement(make_article("Hydropower one", people=[qin], countries=[pakistan], tags=["Energy"]), qin,
                   "Hydropower matters.")
    url = reverse("articles:search") + "?q=hydropower"
    # Each the first search of a page generation, which reads the names readers can look up.
    pagecache.purge()
    _, before = get_with_queries(url)
    for number in range(5):
        speaker = make_person(f"Speaker {number}")
        article = make_article(f"Hydropower {number}", people=[qin, speaker], countries=[pakistan, country("CN")],
                               tags=[f"Tag {number}"], section=make_section(f"Section {number}"))
        make_statement(article, speaker, "More hydropower.", countries=[pakistan])

    pagecache.purge()
    _, after = get_with_queries(url)

    assert_flat(before, after)


def test_editing_a_story_updates_what_search_finds(client):
    article = make_article("Talks", body="About fisheries.")
    assert result_titles(results(client, q="fisheries"))

    article.body = "About hydropower."
    article.save()

    assert result_titles(results(client, q="fisheries")) == []
    assert result_titles(results(client, q="hydropower"))


def test_the_stored_search_vector_has_a_gin_index_on_postgresql():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the stored search vector and its index exist on PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'article_search_vector_idx'")
        assert "USING gin (search_vector)" in cursor.fetchone()[0]


def test_highlights_escape_the_text_and_join_neighbouring_words():
    delimited = search.delimit('Qin Gang said <b>"amp"</b> & more', ["qin", "gang", "amp"])

    assert search.mark_up(delimited) == (
        "<mark>Qin Gang</mark> said &lt;b&gt;&quot;<mark>amp</mark>&quot;&lt;/b&gt; &amp; more"
    )


def test_statements_confirmed_in_bulk_become_searchable(client):
    qin = make_person("Qin Gang")
    article = make_article("Talks in Islamabad", people=[qin])
    make_statement(article, qin, "Cooperation in hydropower will deepen.", review=Statement.Review.SUGGESTED)
    assert result_titles(results(client, q="hydropower")) == []

    Statement.objects.filter(article=article).set_review(Statement.Review.CONFIRMED)

    assert [plain(t) for t in result_titles(results(client, q="hydropower"))] == ["Talks in Islamabad"]


def test_search_ranks_the_newest_matches_and_reaches_back_for_rare_words(client, monkeypatch):
    monkeypatch.setattr(search, "CANDIDATES", 3)
    monkeypatch.setattr(search, "MONTHS_AT_MOST", 2)
    now = timezone.now()
    for months_ago in range(8):
        make_article(f"Hydropower talks {months_ago}", published_at=now - timedelta(days=31 * months_ago + 1))
    make_article("Geothermal plant opens", published_at=now - timedelta(days=5 * 365))

    common = results(client, q="hydropower")
    rare = results(client, q="geothermal")

    assert sorted(result_titles(common)) == [f"<mark>Hydropower</mark> talks {n}" for n in range(3)]
    assert "More than 3 results" in common.content.decode()
    assert result_titles(rare) == ["<mark>Geothermal</mark> plant opens"]


def test_ranking_scores_only_the_stories_asked_for_even_with_others_between_them():
    """The stories asked for are ranked, none other: on SQLite their scores are read over the
    range of their keys, which may hold other matching stories."""
    older = make_article("Talks on energy", body="Energy cooperation with Pakistan.")
    between = make_article("Energy talks again", body="More energy cooperation.")
    newer = make_article("Energy, energy", body="Energy and energy cooperation, energy.")
    assert older.pk < between.pk < newer.pk

    ranked = search.engine("energy").ranked([newer.pk, older.pk])

    assert sorted(ranked) == sorted([newer.pk, older.pk])
