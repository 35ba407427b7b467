"""The statements explorer: every checked statement, with filters that combine."""

import re
from datetime import date

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article, Statement
from tests.factories import country, make_article, make_person, make_role, make_statement, newsroom_time
from tests.queries import assert_flat

pytestmark = pytest.mark.django_db


@pytest.fixture
def qin_and_alvi(settings):
    settings.TIME_ZONE = "Asia/Shanghai"
    china, pakistan, afghanistan = country("CN"), country("PK"), country("AF")
    qin = make_person("Qin Gang", country=china)
    alvi = make_person("Arif Alvi", country=pakistan)
    make_role(qin, "Ambassador to the United States", country=china, start_date=date(2021, 7, 28),
              end_date=date(2022, 12, 29))
    make_role(qin, "State Councilor and Foreign Minister", country=china, start_date=date(2022, 12, 30))
    make_role(alvi, "President", country=pakistan, start_date=date(2018, 9, 9))
    may = make_article("Alvi meets Qin Gang", published_at=newsroom_time(2023, 5, 6, 15, 34))
    make_statement(may, qin, "Afghanistan's reconstruction matters to the region.", cue="pointed out",
                   countries=[afghanistan], paragraph=4,
                   speaker_title="Chinese State Councilor and Foreign Minister")
    make_statement(may, qin, "China and Pakistan are all-weather partners.", cue="said",
                   countries=[china, pakistan], paragraph=3)
    make_statement(may, alvi, "Afghanistan needs peace.", cue="said", countries=[afghanistan], paragraph=2)
    earlier = make_article("Qin Gang in Washington", published_at=newsroom_time(2022, 6, 1, 9))
    make_statement(earlier, qin, "Afghanistan should not be abandoned.", cue="stressed", countries=[afghanistan])
    return qin, alvi


def explore(client, **filters):
    response = client.get(reverse("articles:statements"), filters)
    assert response.status_code == 200
    return response


def statement_texts(response):
    return re.findall(r'class="statement__text">.*?</span>\s*(.*?)</p>', response.content.decode(), re.S)


def test_every_statement_by_qin_gang_about_afghanistan_in_2023(client, qin_and_alvi):
    response = explore(client, speaker="qin-gang", about="AF", since="2023-01-01", until="2023-12-31")

    assert statement_texts(response) == ["Afghanistan&#x27;s reconstruction matters to the region."]


def test_country_codes_filter_in_either_case_as_in_the_sites_addresses(client, qin_and_alvi):
    assert statement_texts(explore(client, speaker="qin-gang", about="af", since="2023-01-01")) == [
        "Afghanistan&#x27;s reconstruction matters to the region."]
    assert statement_texts(explore(client, speaker_country="pk")) == ["Afghanistan needs peace."]


def test_statements_list_newest_first_without_filters(client, qin_and_alvi):
    response = explore(client)

    assert statement_texts(response)[-1] == "Afghanistan should not be abandoned."
    assert len(statement_texts(response)) == 4


def test_filters_by_the_speakers_country_cue_and_words(client, qin_and_alvi):
    assert statement_texts(explore(client, speaker_country="PK")) == ["Afghanistan needs peace."]
    assert statement_texts(explore(client, cue="stressed")) == ["Afghanistan should not be abandoned."]
    assert statement_texts(explore(client, text="ALL-WEATHER")) == ["China and Pakistan are all-weather partners."]


def test_each_statement_shows_speaker_role_that_day_cue_countries_and_paragraph_link(client, qin_and_alvi):
    response = explore(client, speaker="qin-gang", about="AF")

    html = response.content.decode()
    may, june = re.findall(r'<li class="statement">.*?</li>', html, re.S)
    assert "State Councilor and Foreign Minister, China" in may
    assert "(“Chinese State Councilor and Foreign Minister” in the story)" in may
    assert '<span class="statement__cue">pointed out</span>' in may
    assert "#p4" in may and ">Afghanistan</a>" in may
    assert "Ambassador to the United States, China" in june
    assertContains(response, f'<a class="statement__speaker" href="{reverse("articles:person", args=["qin-gang"])}">Qin Gang</a>', html=True)


def test_explorer_leaves_out_unreviewed_statements_and_unpublished_stories(client, qin_and_alvi):
    qin, _ = qin_and_alvi
    make_statement(make_article(), qin, "A suggestion nobody checked.", review=Statement.Review.SUGGESTED)
    make_statement(make_article(status=Article.Status.DRAFT), qin, "Words in a draft.")

    response = explore(client)

    assertNotContains(response, "A suggestion nobody checked.")
    assertNotContains(response, "Words in a draft.")


def test_bad_filter_values_are_reported_not_fatal(client, qin_and_alvi):
    response = explore(client, since="not-a-date", speaker="nobody", text="\x00%_")

    assertContains(response, "Enter a date like 2023-05-06.")
    assertContains(response, "No one called “nobody” has spoken in our stories.")


def test_speaker_is_found_by_name_as_printed_or_by_page_address(client, qin_and_alvi):
    by_name = statement_texts(explore(client, speaker="  qin   GANG "))
    by_slug = statement_texts(explore(client, speaker="qin-gang"))

    assert by_name == by_slug and len(by_slug) == 3


def test_filter_form_fields_are_labelled(client, qin_and_alvi):
    response = explore(client)

    for field in ["speaker", "speaker_country", "about", "since", "until", "cue", "text"]:
        assertContains(response, f'<label for="id_{field}">')


def test_statement_explorer_query_count_is_flat(get_with_queries, qin_and_alvi):
    url = reverse("articles:statements")
    _, before = get_with_queries(url + "?about=AF")
    for number in range(5):
        speaker = make_person(f"Speaker {number}", country=country("SD"))
        make_role(speaker, "Envoy", country=country("SD"), start_date=date(2000, 1, 1))
        make_statement(make_article(), speaker, f"Words {number}.", countries=[country("AF"), country("CN")])

    _, after = get_with_queries(url + "?about=AF")

    assert_flat(before, after)


@pytest.mark.parametrize("until", ["9999-12-31", "0999-01-01"])
def test_dates_past_what_the_newsroom_keeps_are_refused_not_fatal(client, qin_and_alvi, until):
    response = explore(client, until=until)

    assertContains(response, "Enter a date from the year 1000 to 9998.")


def test_a_speaker_typed_with_control_characters_is_read_as_stored(client, qin_and_alvi):
    texts = statement_texts(explore(client, speaker="Qin\x00 Gang\x0b"))

    assert len(texts) == 3
