"""Ordinary input that once took public pages down: names in other scripts, extreme dates and
numbers, control characters, odd files. Each case stays a 200 or a 4xx, with the rest of the
site up."""

import os
from datetime import date
from pathlib import Path

import pytest
from django.db import connection, connections
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles.importing import import_paths, read_stories, story_sources
from articles.storyfile import StoryFormatError, parse_story
from articles.models import Article, Country, Person, Section
from tests import factories
from tests.test_admin import form_data

pytestmark = pytest.mark.django_db


def public_pages(article=None):
    """Every kind of public page and feed, with those of `article` when one is given."""
    pages = [
        "/", "/feed/", "/feed/atom/", "/sitemap.xml", "/news-sitemap.xml", "/search/?q=talks",
        "/countries/", "/people/", "/statements/", "/news/2023/", "/news/2023/05/",
    ]
    if article is not None:
        pages += [article.get_absolute_url(), article.section.get_absolute_url(),
                  reverse("articles:section_feed", args=[article.section.slug])]
        for tag in article.tags.all():
            pages += [reverse("articles:tag", args=[tag.slug]), reverse("articles:tag_atom", args=[tag.slug])]
        for person in article.people.all():
            pages += [person.get_absolute_url(), reverse("articles:person_feed", args=[person.slug])]
        for country in article.countries.all():
            pages += [country.get_absolute_url(), reverse("articles:country_atom", args=[country.code.lower()])]
    return pages


def assert_site_up(client, article=None):
    """Every public page answers, and the story's own pages are there for readers."""
    answers = {url: client.get(url).status_code for url in public_pages(article)}
    assert {url: status for url, status in answers.items() if status >= 500} == {}
    if article is not None:
        assert answers[article.get_absolute_url()] == 200
        assert answers[article.section.get_absolute_url()] == 200
    assert answers["/"] == 200


def story_file(directory, name, *, section="China News", title="Talks in Islamabad", when="2023-05-06 10:00"):
    path = Path(directory) / name
    crumb = f"Home > {section}\n" if section else ""
    path.write_text(f"{crumb}{title}\n\n{when}\n\nBoth sides held talks.\n", encoding="utf-8")
    return path


# 1. A breadcrumb in another script -------------------------------------------------------

@pytest.mark.parametrize("section, slug", [("国际新闻", "guo-ji-xin-wen"), ("★", "section"), ("Новости", "novosti")])
def test_a_section_named_in_another_script_gets_a_real_address_and_its_stories(client, tmp_path, section, slug):
    Section.objects.create(name=section)

    report = import_paths([story_file(tmp_path, "story.txt", section=section)], status="published")

    assert report.summary() == "1 created, 0 updated, 0 unchanged, 0 failed"
    article = Article.objects.get()
    assert (article.section.name, article.section.slug) == (section, slug)
    assert article.section.get_absolute_url() == f"/sections/{slug}/"
    assert_site_up(client, article)


def test_a_breadcrumb_in_another_script_no_section_is_called_goes_to_the_default(client, tmp_path):
    report = import_paths([story_file(tmp_path, "story.txt", section="国际新闻")], status="published")

    article = Article.objects.get()
    assert article.section == Section.objects.default()
    assert report.unknown_breadcrumbs == {"国际新闻": 1}
    assert_site_up(client, article)


def test_headlines_and_names_in_other_scripts_get_ascii_slugs_that_are_never_empty():
    story = factories.make_article("外交部长会见巴基斯坦客人")
    emblem = factories.make_article("★★★")
    person = factories.make_person("王毅")

    assert story.slug == "wai-jiao-bu-chang-hui-jian-ba-ji-si-tan-ke-ren"
    assert emblem.slug == "story"
    assert person.slug == "wang-yi"


# 3. Tags in other scripts ----------------------------------------------------------------

def test_tags_typed_in_other_scripts_get_addresses_and_the_story_sitemap_and_relations_stay_up(
    client, staff_client
):
    article = factories.make_article("Talks in Moscow", countries=[factories.country("CN"), factories.country("RU")])
    change_url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(staff_client.get(change_url), "article_form")

    response = staff_client.post(change_url, {**data, "tags": "外交, Россия, >, ★"})

    assert response.status_code == 302, response.context["adminform"].form.errors
    slugs = dict(Tag.objects.values_list("name", "slug"))
    assert slugs == {"外交": "wai-jiao", "Россия": "rossiia", ">": "tag", "★": "tag-2"}
    assert_site_up(client, article)
    assert client.get("/relations/cn/ru/").status_code == 200
    for slug in slugs.values():
        assert client.get(f"/tags/{slug}/").status_code == 200


def test_a_tag_slug_typed_in_the_desk_must_be_one_the_site_can_address(staff_client):
    response = staff_client.post(reverse("admin:taggit_tag_add"), {"name": "外交", "slug": "外交"})

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["slug"] == [
        "Enter a valid “slug” consisting of letters, numbers, underscores or hyphens."
    ]
    assert not Tag.objects.exists()


def test_slugs_saved_before_that_no_address_could_hold_are_made_again():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("articles.migrations.0014_unicode_slugs")
    story = factories.make_article("外交部长会见客人", section=factories.make_section("国际新闻", slug="x"), tags=["外交"])
    namesake = factories.make_article("Talks", published_at=story.published_at)
    person = factories.make_person("王毅")
    Section.objects.filter(pk=story.section_id).update(slug="")
    Article.objects.filter(pk=story.pk).update(slug="")
    Article.objects.filter(pk=namesake.pk).update(slug="wai-jiao-bu-chang-hui-jian-ke-ren")
    Tag.objects.filter(name="外交").update(slug="外交")
    type(person).objects.filter(pk=person.pk).update(slug="")

    migration.readdress(apps, None)

    story.refresh_from_db()
    person.refresh_from_db()
    assert story.section.slug == "guo-ji-xin-wen"
    assert story.slug == "wai-jiao-bu-chang-hui-jian-ke-ren-2"
    assert list(story.tags.values_list("slug", flat=True)) == ["wai-jiao"]
    assert person.slug == "wang-yi"


# 2. A story dated in year 1 --------------------------------------------------------------

@pytest.mark.parametrize("when", ["0001-01-01 00:00", "0999-12-31", "9999-12-31 23:59", "Jan 1, 0001"])
def test_a_story_dated_outside_the_years_the_site_can_show_is_refused_and_the_rest_of_the_batch_lands(
    client, tmp_path, when
):
    story_file(tmp_path, "a-good.txt", title="Talks in Islamabad")
    story_file(tmp_path, "b-year-one.txt", title="Talks in antiquity", when=when)
    story_file(tmp_path, "c-good.txt", title="Talks in Beijing")

    report = import_paths([tmp_path], status="published")

    assert report.summary() == "2 created, 0 updated, 0 unchanged, 1 failed"
    (refused,) = [outcome for outcome in report.outcomes if outcome.result == "error"]
    assert refused.source.endswith("b-year-one.txt")
    assert refused.error == (
        f"date out of range: '{when}'; the newsroom keeps stories dated from the year 1000 to 9998"
    )
    assert sorted(Article.objects.values_list("title", flat=True)) == ["Talks in Beijing", "Talks in Islamabad"]
    assert_site_up(client, Article.objects.get(title="Talks in Beijing"))


def test_the_desk_refuses_a_publication_time_outside_the_years_the_site_can_show(staff_client, client):
    article = factories.make_article("Talks")
    change_url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(staff_client.get(change_url), "article_form")

    response = staff_client.post(change_url, {**data, "published_at_0": "0001-01-01", "published_at_1": "00:00"})

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["published_at"] == [
        "Enter a date from the year 1000 to 9998."
    ]
    article.refresh_from_db()
    assert article.published_at.year == timezone.now().year
    assert staff_client.get(reverse("admin:articles_article_changelist")).status_code == 200
    assert_site_up(client, article)


def test_a_correction_dated_in_year_one_is_refused_with_the_story_unchanged(staff_client):
    article = factories.make_article("Talks")
    change_url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(staff_client.get(change_url), "article_form")
    correction = {
        "corrections-TOTAL_FORMS": "1", "corrections-0-noted_at_0": "0001-01-01", "corrections-0-noted_at_1": "00:00",
        "corrections-0-text": "The minister's name was misspelt.",
    }

    response = staff_client.post(change_url, {**data, **correction, "title": "Talks, corrected"})

    assert response.status_code == 200
    assert "Enter a date from the year 1000 to 9998." in response.content.decode()
    article.refresh_from_db()
    assert (article.title, article.corrections.count()) == ("Talks", 0)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="only PostgreSQL can store a year BC")
def test_stories_stored_with_a_year_bc_become_drafts_the_desk_can_open_and_date_again(staff_client, client):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("articles.migrations.0015_dates_in_range")
    good = factories.make_article("Talks in Beijing", published_at=factories.newsroom_time(2023, 5, 6))
    ancient = factories.make_article("Talks in antiquity", published_at=factories.newsroom_time(2023, 5, 6))
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE articles_article SET published_at = '0001-12-31 16:00:00+00 BC', published_on = '0001-01-01'"
            " WHERE id = %s", [ancient.pk]
        )

    migration.date_again(apps, None)

    ancient = Article.objects.get(pk=ancient.pk)
    assert ancient.status == Article.Status.DRAFT
    assert timezone.localdate(ancient.published_at) == ancient.published_on == date(1000, 1, 1)
    assert ancient.editor_note.endswith(
        "Its publication time was before the year 1000, which the site cannot show: "
        "it was set to 1 January 1000 and the story made a draft. Give it its real date."
    )
    assert staff_client.get(reverse("admin:articles_article_changelist")).status_code == 200
    assert_site_up(client, good)


# 4. Search facets ------------------------------------------------------------------------

@pytest.mark.parametrize("year", ["0000", "²³⁴⁵", "٢٠٢٣", "２０２３", "99999", "-2023", "9999"])
def test_a_year_facet_that_is_not_a_year_the_newsroom_keeps_is_ignored(client, year):
    factories.make_article("Talks in Islamabad", published_at=factories.newsroom_time(2023, 5, 6))

    response = client.get(reverse("articles:search"), {"q": "talks", "year": year})

    assert response.status_code == 200
    assert "</mark> in Islamabad" in response.content.decode()


def test_a_year_facet_in_ascii_digits_narrows_the_search(client):
    factories.make_article("Talks in Islamabad", published_at=factories.newsroom_time(2023, 5, 6))
    factories.make_article("Talks in Beijing", published_at=factories.newsroom_time(2022, 5, 6))

    response = client.get(reverse("articles:search"), {"q": "talks", "year": "2022"})

    assert "</mark> in Beijing" in response.content.decode()
    assert "</mark> in Islamabad" not in response.content.decode()


@pytest.mark.parametrize("since", ["²⁰²³-05-06", "２０２３-05-06", "05/06/2023", "0000-01-01", "2023-5-6x"])
def test_the_statement_filter_takes_dates_in_ascii_iso_form_only(client, since):
    response = client.get(reverse("articles:statements"), {"since": since})

    assert response.status_code == 200
    assert response.context["form"].errors["since"] == ["Enter a date like 2023-05-06."]


@pytest.mark.parametrize("url", [
    "/news/0/", "/news/0000/", "/news/0999/", "/news/9999/", "/news/99999999999999999999/",
    "/news/2023/99999999999999999999/", "/news/2023/005/", "/news/2023/05/99999999999999999999/talks/",
    "/news/0000/01/01/talks/", "/news/2023/13/", "/news/2023/02/30/talks/",
])
def test_numbers_in_addresses_that_name_no_day_the_newsroom_keeps_are_not_found(client, url):
    factories.make_article("Talks", published_at=factories.newsroom_time(2023, 5, 6))

    assert client.get(url).status_code == 404


# 6. The desk's lists ---------------------------------------------------------------------

@pytest.mark.parametrize("query", [
    "published_at__year=9999", "published_at__year=9999&published_at__month=12",
    "published_at__year=9999&published_at__month=12&published_at__day=31", "published_at__year=0",
    "published_at__year=99999999999999999999",
])
def test_the_date_drill_down_beyond_the_last_year_shows_the_whole_list(staff_client, query):
    factories.make_article("Talks")
    url = reverse("admin:articles_article_changelist")

    response = staff_client.get(f"{url}?{query}", follow=True)

    assert response.redirect_chain == [(f"{url}?e=1", 302)]
    assert "Talks" in response.content.decode()


def test_the_statement_list_date_drill_down_beyond_the_last_year_shows_the_whole_list(staff_client):
    url = reverse("admin:articles_statement_changelist")

    response = staff_client.get(f"{url}?article__published_on__year=9999")

    assert (response.status_code, response["Location"]) == (302, f"{url}?e=1")


@pytest.mark.parametrize("query", ["state=%00", "title=%00", "section__id__exact=%00", "status=draft%00", "%00=1"])
def test_a_nul_in_a_list_filter_shows_the_whole_list(staff_client, query):
    factories.make_article("Talks")
    url = reverse("admin:articles_article_changelist")

    response = staff_client.get(f"{url}?{query}", follow=True)

    assert response.redirect_chain == [(f"{url}?e=1", 302)]
    assert "Talks" in response.content.decode()


def test_a_nul_typed_in_the_tag_field_suggests_as_if_it_were_not_there(staff_client):
    factories.make_article("Talks", tags=["diplomacy"])

    response = staff_client.get(reverse("admin:articles_article_tag_suggestions"), {"q": "dip\x00"})

    assert response.json() == {"tags": ["diplomacy"]}


# 5. Control characters -------------------------------------------------------------------

def test_a_country_renamed_with_a_control_character_is_stored_without_it_and_its_feeds_stay_up(
    staff_client, client
):
    china = factories.country("CN")
    factories.make_article("Talks in Beijing", countries=[china])
    change_url = reverse("admin:articles_country_change", args=[china.pk])
    data = form_data(staff_client.get(change_url), "country_form")

    response = staff_client.post(change_url, {**data, "name": "China\x0b(PRC)"})

    assert response.status_code == 302
    china.refresh_from_db()
    assert china.name == "China(PRC)"
    for url in ["/countries/cn/feed/", "/countries/cn/feed/atom/", "/feed/atom/", "/countries/cn/"]:
        assert client.get(url).status_code == 200, url


def test_text_saved_from_anywhere_is_stored_without_control_characters():
    person = factories.make_person("Wang\x07 Yi\x1b", bio="Born\x00 in Beijing.\x7f\n\nA diplomat\x85.")
    article = factories.make_article("Talks\x01 in\x0c Beijing\ufffe", body="First\x0b paragraph.\r\n\r\nSecond.")

    person.refresh_from_db()
    article.refresh_from_db()
    assert (person.name, person.bio) == ("Wang Yi", "Born in Beijing.\n\nA diplomat.")
    assert (article.title, article.body) == ("Talks in Beijing", "First paragraph.\n\nSecond.")


def test_a_name_that_is_taken_once_cleaned_is_a_form_error_not_a_crash(staff_client):
    factories.make_section("China News")
    sections = Section.objects.count()

    response = staff_client.post(reverse("admin:articles_section_add"), {"name": "China\x1f News", "slug": "china-news-2"})

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["name"] == ["Section with this Name already exists."]
    assert Section.objects.count() == sections


def test_a_tag_typed_with_a_control_character_is_the_tag_without_it(staff_client, client):
    article = factories.make_article("Talks", tags=["R&D"])
    change_url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(staff_client.get(change_url), "article_form")

    response = staff_client.post(change_url, {**data, "tags": "R\x0b&D, Belt\x1band Road"})

    assert response.status_code == 302
    assert sorted(Tag.objects.values_list("name", flat=True)) == ["Beltand Road", "R&D"]
    assert client.get("/feed/atom/").status_code == 200


def test_control_characters_stored_before_are_cleaned_away(client):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("articles.migrations.0016_clean_text")
    china = factories.country("CN")
    article = factories.make_article("Talks", countries=[china], tags=["CPEC"])
    Country.objects.filter(pk=china.pk).update(name="China\x0b(PRC)")
    Article.objects.filter(pk=article.pk).update(title="Talks\x01 today", body="One\x1f.\n\nTwo.")
    Tag.objects.filter(name="CPEC").update(name="CP\x02EC")

    migration.clean_stored_text(apps, None)

    article.refresh_from_db()
    assert Country.objects.get(pk=china.pk).name == "China(PRC)"
    assert (article.title, article.body) == ("Talks today", "One.\n\nTwo.")
    assert list(Tag.objects.values_list("name", flat=True)) == ["CPEC"]
    assert client.get("/countries/cn/feed/atom/").status_code == 200


# 7. Odd files in a story folder ----------------------------------------------------------

def read_within(seconds, paths):
    """read_stories' entries, or a failure if reading them takes longer than `seconds`."""
    import threading

    entries = []
    reader = threading.Thread(target=lambda: entries.extend(read_stories(story_sources(paths))), daemon=True)
    reader.start()
    reader.join(seconds)
    if reader.is_alive():
        for path in Path(paths[0]).rglob("*.txt"):
            if path.is_fifo():  # let the stuck reader go
                os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail(f"reading {paths} took longer than {seconds} s")
    return {Path(source).name: read_as_story(raw, error) for source, raw, error in entries}


def read_as_story(raw, error):
    """(title, "") for what was read, or (None, why not): read, then parsed, as an import does."""
    if error:
        return None, error
    try:
        return parse_story(raw).title, ""
    except StoryFormatError as refused:
        return None, str(refused)


def test_a_named_pipe_in_a_story_folder_is_skipped_and_reported_not_waited_on(tmp_path):
    story_file(tmp_path, "good.txt")
    os.mkfifo(tmp_path / "pipe.txt")

    entries = read_within(10, [tmp_path])

    assert entries == {
        "good.txt": ("Talks in Islamabad", ""),
        "pipe.txt": (None, "not a regular file: it is a named pipe; skipped"),
    }


def test_links_leading_out_of_the_story_folder_are_not_followed(tmp_path):
    folder = tmp_path / "stories"
    folder.mkdir()
    story_file(folder, "good.txt")
    (folder / "again.txt").symlink_to(folder / "good.txt")
    secret = story_file(tmp_path, "secret.txt", title="What the server holds")
    (folder / "secret.txt").symlink_to(secret)
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "hosts.txt").symlink_to("/etc/hosts")

    entries = read_within(10, [folder])

    outside = (None, f"a link leading out of {folder}; not followed")
    assert entries == {
        "again.txt": ("Talks in Islamabad", ""), "good.txt": ("Talks in Islamabad", ""),
        "hosts.txt": outside, "secret.txt": outside, "zero.txt": outside,
    }


def test_a_device_named_on_the_command_line_is_refused_unread():
    entries = read_within(10, ["/dev/zero"])

    assert entries == {"zero": (None, "not a regular file: it is a character device; skipped")}


def test_a_huge_story_file_is_refused_without_being_read_whole(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as sparse:
        sparse.truncate(8 * 1024**3)

    entries = read_within(10, [tmp_path])

    assert entries == {"huge.txt": (None, "too large: over 1,000,000 bytes, the most a story may have")}


def test_the_import_command_reports_the_skipped_files_and_imports_the_rest(tmp_path):
    story_file(tmp_path, "good.txt")
    os.mkfifo(tmp_path / "pipe.txt")

    report = import_paths([tmp_path])

    assert report.summary() == "1 created, 0 updated, 0 unchanged, 1 failed"
    assert str(report.outcomes[1]) == f"error      {tmp_path / 'pipe.txt'}: not a regular file: it is a named pipe; skipped"


# 10. A merged person who existed only in drafts ------------------------------------------

def test_a_person_named_only_in_drafts_and_merged_away_is_not_found_rather_than_redirected(editor_client, client):
    kept = factories.make_person("Arif Alvi")
    factories.make_article("Alvi meets Qin Gang", people=[kept])
    secret = factories.make_person("Secret Envoy")
    factories.make_article("Envoy to visit", status=Article.Status.DRAFT, people=[secret])
    old_address = secret.get_absolute_url()
    assert client.get(old_address).status_code == 404

    editor_client.post(reverse("admin:articles_person_changelist"), {
        "action": "merge_people", "_selected_action": [secret.pk, kept.pk], "keep": kept.pk,
    })

    assert not Person.objects.filter(name="Secret Envoy").exists()
    assert client.get(old_address).status_code == 404


def test_a_tag_only_on_drafts_and_merged_away_is_not_found_rather_than_redirected(editor_client, client):
    factories.make_article("Talks", tags=["diplomacy"])
    factories.make_article("Plans", status=Article.Status.DRAFT, tags=["secret summit"])
    kept, secret = Tag.objects.get(name="diplomacy"), Tag.objects.get(name="secret summit")

    editor_client.post(reverse("admin:taggit_tag_changelist"), {
        "action": "merge_tags", "_selected_action": [secret.pk, kept.pk], "keep": kept.pk,
    })

    assert not Tag.objects.filter(name="secret summit").exists()
    assert client.get("/tags/secret-summit/").status_code == 404
    assert client.get("/tags/diplomacy/").status_code == 200


# 10. A database connection killed between two requests -----------------------------------

@pytest.mark.skipif(connection.vendor != "postgresql", reason="kills a PostgreSQL backend")
# Committed for real, so the request sees it on its own connection; the serialized rollback
# puts back what migrations created (countries, the desk's groups) for the tests after it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_persistent_connection_killed_between_requests_is_replaced_not_a_500():
    from django.core.handlers.wsgi import WSGIHandler
    from django.test import RequestFactory

    factories.make_article("Talks")
    # A persistent connection, as production keeps with CONN_MAX_AGE.
    max_age = connection.settings_dict["CONN_MAX_AGE"]
    connection.settings_dict["CONN_MAX_AGE"] = None
    connection.close()
    handler = WSGIHandler()

    def get(path):
        statuses = []
        environ = RequestFactory().get(path).environ
        b"".join(handler(environ, lambda status, headers: statuses.append(status)))
        return statuses[0]

    try:
        assert get("/") == "200 OK"
        with connection.cursor() as cursor:
            killed = cursor.connection.info.backend_pid
        # What a PostgreSQL restart or an idle-session timeout does to it.
        admin = connections.create_connection("default")
        with admin.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [killed])
        admin.close()

        assert get("/") == "200 OK"
        with connection.cursor() as cursor:
            assert cursor.connection.info.backend_pid != killed
    finally:
        connection.settings_dict["CONN_MAX_AGE"] = max_age
        connection.close()
