"""Importing a story suggests its people, countries and statements for editors to confirm."""

import io
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils.text import slugify
from pytest_django.asserts import assertContains
from reversion.models import Version

from articles.extraction import Extraction, FoundPerson
from articles.models import Article, Person, Statement
from articles.suggestions import Suggester

from . import factories

SEED = Path(__file__).parent / "data" / "seed_story.txt"

pytestmark = pytest.mark.django_db


def run_import(*args):
    """import_articles' output, with a line per story."""
    out = io.StringIO()
    call_command("import_articles", *map(str, args), stdout=out, verbosity=2)
    return out.getvalue()


def write_story(directory, name, body, title="Wang Yi Meets Josep Borrell"):
    path = Path(directory) / name
    path.write_text(f"{title}\n\n2023-06-01 10:00\n\n{body}\n", encoding="utf-8")
    return path


def test_importing_the_seed_into_an_empty_newsroom_suggests_its_people_countries_and_statements():
    output = run_import(SEED)

    assert "7 statements suggested, 3 new people, 4 countries linked" in output
    article = Article.objects.get()
    assert sorted(article.people.values_list("name", flat=True)) == ["Arif Alvi", "Qin Gang", "Xi Jinping"]
    assert sorted(article.countries.values_list("code", flat=True)) == ["AF", "CN", "PK", "SD"]
    assert list(article.statements.values_list("speaker__name", "cue", "review")) == [
        ("Arif Alvi", "asked", "suggested"),
        ("Arif Alvi", "said", "suggested"),
        ("Qin Gang", "conveyed", "suggested"),
        ("Qin Gang", "said", "suggested"),
        ("Qin Gang", "pointed out", "suggested"),
        ("Qin Gang", "noted", "suggested"),
        ("Qin Gang", "said", "suggested"),
    ]
    second = article.statements.get(position=2)
    assert second.text.startswith("the Pakistan-China friendship is rooted")
    assert article.body[second.start:second.end] == second.text
    assert second.paragraph == 2


def test_new_people_are_flagged_for_review_with_the_title_and_country_the_story_gives():
    run_import(SEED)

    alvi = Person.objects.get(name="Arif Alvi")
    assert alvi.needs_review
    assert alvi.country.code == "PK"
    assert [role.title for role in alvi.roles.all()] == ["Pakistani President"]


def test_known_people_are_linked_through_their_aliases_not_created_again():
    alvi = factories.make_person("Arif Alvi", aliases="Alvi\nDr Arif Alvi")

    run_import(SEED)

    assert Person.objects.filter(name="Arif Alvi").get() == alvi
    assert not Person.objects.get(pk=alvi.pk).needs_review
    assert Statement.objects.filter(speaker=alvi).count() == 2


def test_a_person_new_in_one_story_is_the_same_person_in_the_next(tmp_path):
    write_story(tmp_path, "a.txt", "Chinese Foreign Minister Wang Yi met EU foreign policy chief Josep Borrell. Wang said that China values Europe.")
    write_story(tmp_path, "b.txt", "Chinese Foreign Minister Wang Yi spoke by phone with Josep Borrell. Wang said that talks should continue.", title="Wang Yi Speaks with Josep Borrell")

    run_import(tmp_path)

    assert Person.objects.filter(name="Wang Yi").count() == 1
    assert Statement.objects.filter(speaker__name="Wang Yi").count() == 2


def test_one_person_written_two_ways_is_created_once_in_a_story_and_reused_by_the_next(tmp_path):
    write_story(tmp_path, "a.txt", "US Secretary of State Antony J. Blinken met Turkish President Recep Tayyip "
                "Erdoğan. Antony Blinken said the talks were useful. President Erdogan said Türkiye wants peace.",
                title="Blinken Meets Erdoğan")
    write_story(tmp_path, "b.txt", "Secretary of State Antony Blinken spoke by phone with President Recep Tayyip "
                "Erdogan. Blinken said the call was productive.", title="Blinken Calls Erdogan")

    run_import(tmp_path)

    assert sorted(Person.objects.values_list("name", flat=True)) == ["Antony J. Blinken", "Recep Tayyip Erdoğan"]
    assert Statement.objects.filter(speaker__name="Antony J. Blinken").count() == 2


def test_a_known_person_is_recognised_whatever_the_spelling_of_particles_and_diacritics(tmp_path):
    sisi = factories.make_person("Abdel Fattah al-Sisi")
    write_story(tmp_path, "a.txt", "Egyptian President Abdel Fattah El-Sisi received the delegation. "
                "El-Sisi said Egypt supports a ceasefire.", title="Egyptian President Receives Delegation")

    output = run_import(tmp_path)

    assert "0 new people" in output
    assert list(Person.objects.all()) == [sisi]
    assert Statement.objects.get().speaker == sisi


def test_suggestions_stay_off_the_public_page_until_an_editor_confirms_them(client):
    run_import(SEED, "--status", "published")
    article = Article.objects.get()

    page = client.get(article.get_absolute_url()).content.decode()
    assert "the Pakistan-China friendship is rooted" not in page.split("</article>")[-1]
    assert not Statement.objects.public().exists()

    article.statements.set_review(Statement.Review.CONFIRMED)

    assert Statement.objects.public().count() == 7


def test_reimporting_does_not_duplicate_suggestions_or_bring_back_rejected_ones(tmp_path):
    path = tmp_path / "seed.txt"
    path.write_bytes(SEED.read_bytes())
    run_import(path)
    article = Article.objects.get()
    rejected = article.statements.get(position=6)
    rejected.review = Statement.Review.REJECTED
    rejected.save()
    edited = article.statements.get(position=1)
    edited.text = "Qin Gang to convey greetings to President Xi."
    edited.save()
    path.write_bytes(SEED.read_bytes().replace(b"<Suggest To A Friend>", b"An added closing paragraph."))

    output = run_import(path)

    assert "updated" in output
    assert "0 statements suggested" in output
    assert article.statements.count() == 7
    assert article.statements.get(position=6).review == Statement.Review.REJECTED


def test_statements_an_editor_typed_are_not_suggested_again():
    call_command("loaddata", "seed_story", verbosity=0)
    article = Article.objects.get()
    article.statements.update(start=None, end=None)

    [counts] = Suggester().suggest([article])

    assert counts.statements == 0
    assert article.statements.count() == 7


def test_dry_run_creates_no_people_and_no_statements():
    output = run_import(SEED, "--dry-run")

    assert "7 statements suggested, 3 new people" in output
    assert not Person.objects.exists()
    assert not Statement.objects.exists()


def test_both_sides_agreed_is_not_anyones_statement(tmp_path):
    write_story(tmp_path, "a.txt", "Chinese Foreign Minister Wang Yi met Josep Borrell. Both sides agreed to strengthen dialogue.")

    run_import(tmp_path)

    assert not Statement.objects.exists()
    assert Article.objects.get().people.count() == 2


@pytest.fixture
def imported_seed():
    run_import(SEED, "--status", "published")
    return Article.objects.get()


def test_article_change_page_shows_each_suggestion_in_its_sentence_and_offers_confirm_all(staff_client, imported_seed):
    page = staff_client.get(reverse("admin:articles_article_change", args=[imported_seed.pk])).content.decode()

    assert "Confirm 7 suggestions" in page
    assert 'Alvi asked <mark class="statement-span">Qin Gang to convey his sincere greetings' in page
    assert 'Noting that <mark class="statement-span">the two sides should strengthen' in page


def test_confirm_all_is_one_click_and_puts_the_statements_on_the_public_page(staff_client, client, imported_seed):
    confirm = reverse("admin:articles_article_review_suggestions", args=[imported_seed.pk, "confirm"])

    response = staff_client.post(confirm, follow=True)

    assert "Confirmed 7 suggested statements." in response.content.decode()
    assert "Confirm 7 suggestions" not in response.content.decode()
    assert imported_seed.statements.filter(review=Statement.Review.CONFIRMED).count() == 7
    assertContains(client.get(imported_seed.get_absolute_url()), "the Pakistan-China friendship is rooted")


def test_reject_all_asks_first_then_keeps_the_rejected_statements_off_the_site(staff_client, imported_seed):
    reject = reverse("admin:articles_article_review_suggestions", args=[imported_seed.pk, "reject"])

    asked = staff_client.post(reject)
    assert "Reject 7 suggestions" in asked.content.decode()
    assert "Qin Gang to convey his sincere greetings" in asked.content.decode()
    assert not imported_seed.statements.filter(review=Statement.Review.REJECTED).exists()

    staff_client.post(reject, {"sure": "yes"})

    assert imported_seed.statements.filter(review=Statement.Review.REJECTED).count() == 7
    assert not Statement.objects.public().exists()


def test_review_decisions_need_a_post_and_the_permission(client, django_user_model, imported_seed):
    confirm = reverse("admin:articles_article_review_suggestions", args=[imported_seed.pk, "confirm"])
    viewer = django_user_model.objects.create_user("viewer", password="x", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(viewer)

    assert client.post(confirm).status_code == 403
    assert not imported_seed.statements.filter(review=Statement.Review.CONFIRMED).exists()


def test_a_get_does_not_confirm_anything(staff_client, imported_seed):
    confirm = reverse("admin:articles_article_review_suggestions", args=[imported_seed.pk, "confirm"])

    assert staff_client.get(confirm).status_code == 405
    assert not imported_seed.statements.filter(review=Statement.Review.CONFIRMED).exists()


def test_statement_list_filters_suggestions_and_confirms_selected_ones(staff_client, imported_seed):
    changelist = reverse("admin:articles_statement_changelist")
    chosen = list(imported_seed.statements.filter(speaker__name="Arif Alvi").values_list("pk", flat=True))

    listed = staff_client.get(changelist, {"review__exact": "suggested"})
    staff_client.post(changelist, {"action": "confirm", "_selected_action": chosen})

    assert listed.context["cl"].result_count == 7
    assert sorted(imported_seed.statements.filter(review="confirmed").values_list("pk", flat=True)) == sorted(chosen)


def test_new_people_are_filterable_for_review(staff_client, imported_seed):
    response = staff_client.get(reverse("admin:articles_person_changelist"), {"needs_review__exact": "1"})

    assert response.context["cl"].result_count == 3


def test_a_title_longer_than_a_role_holds_is_cut_to_fit():
    long_title = "Member of the Political Bureau and Director of the Office and " * 5
    found = FoundPerson(name="Wang Yi", title=long_title, country=None, known_key=None)

    Suggester().people_for([Extraction(people=(found,), countries=(), statements=())])

    role = Person.objects.get(name="Wang Yi").roles.get()
    assert role.title == long_title[:200]


# Stories typed or edited in the admin ------------------------------------------------------

TYPED_BODY = (
    "Chinese Foreign Minister Wang Yi met Pakistani Foreign Minister Ishaq Dar in Beijing on Monday.\r\n\r\n\r\n"
    "Wang said that China and Pakistan are all-weather strategic partners.  \r\n\r\n"
    "Dar thanked China for its support to Pakistan's economy."
)


def admin_add(staff_client, body, title="Wang Yi Meets Ishaq Dar"):
    from tests.test_admin import form_data

    add = reverse("admin:articles_article_add")
    data = form_data(staff_client.get(add), "article_form")
    data.update({"title": title, "slug": slugify(title), "section": str(factories.make_section().pk), "body_html": body})
    response = staff_client.post(add, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return Article.objects.get(title=title)


def admin_change(staff_client, article, **changes):
    from tests.test_admin import form_data

    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(staff_client.get(url), "article_form")
    data.update(changes)
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return Article.objects.get(pk=article.pk)


def test_a_story_typed_in_the_admin_gets_its_people_countries_and_suggestions(staff_client):
    article = admin_add(staff_client, TYPED_BODY)

    assert article.body.startswith("Chinese Foreign Minister Wang Yi met")
    assert "\r" not in article.body and "\n\n\n" not in article.body and "  \n" not in article.body
    assert sorted(article.people.values_list("name", "needs_review")) == [("Ishaq Dar", True), ("Wang Yi", True)]
    assert set(article.countries.values_list("code", flat=True)) == {"CN", "PK"}
    assert list(article.statements.values_list("speaker__name", "cue", "review")) == [
        ("Wang Yi", "said", "suggested"), ("Ishaq Dar", "thanked", "suggested"),
    ]
    said = article.statements.get(cue="said")
    assert article.body[said.start:said.end] == said.text == "China and Pakistan are all-weather strategic partners."
    # The save's one revision holds the story with the statements found in it.
    [version] = Version.objects.get_for_object(article)
    assert version.revision.version_set.filter(content_type__model="statement").count() == 2


def test_saving_a_story_whose_body_did_not_change_suggests_nothing(staff_client):
    article = factories.make_article(body="Chinese Foreign Minister Wang Yi said that China values peace.")

    admin_change(staff_client, article, title="A new headline")

    assert not article.statements.exists()
    assert not article.people.exists()


def test_editing_the_body_keeps_rejections_and_flags_confirmed_statements_whose_sentence_changed(staff_client):
    article = admin_add(staff_client, TYPED_BODY)
    said, thanked = article.statements.order_by("position")
    Statement.objects.filter(pk=said.pk).update(review=Statement.Review.REJECTED)
    Statement.objects.filter(pk=thanked.pk).update(review=Statement.Review.CONFIRMED)
    paragraphs = article.body.split("\n\n")

    # A paragraph added before them all moves every sentence; the last sentence is reworded.
    edited = admin_change(staff_client, article, body_html="\n\n".join([
        "Ishaq Dar arrived in Beijing on Sunday for a three-day visit.",
        *paragraphs[:2],
        "Dar thanked China for its steady support to Pakistan's economy and its people.",
        "Wang stressed that the corridor will be upgraded.",
    ]))

    said.refresh_from_db()
    assert said.review == Statement.Review.REJECTED
    assert edited.body[said.start:said.end] == said.text  # the same sentence, found where it moved
    thanked.refresh_from_db()
    assert (thanked.review, thanked.needs_check) == (Statement.Review.CONFIRMED, True)
    assert thanked.text == "China for its support to Pakistan's economy."  # never rewritten
    assert thanked.start is None
    assert list(edited.statements.filter(review=Statement.Review.SUGGESTED).values_list("cue", "text")) == [
        ("thanked", "China for its steady support to Pakistan's economy and its people."),
        ("stressed", "the corridor will be upgraded."),
    ]


def test_a_suggestion_nobody_reviewed_follows_its_sentence_or_gives_way_to_the_new_one(staff_client):
    article = admin_add(staff_client, TYPED_BODY)
    paragraphs = article.body.split("\n\n")

    edited = admin_change(staff_client, article, body_html="\n\n".join([
        paragraphs[0], "Wang said that China and Pakistan are ironclad friends.", paragraphs[2],
    ]))

    assert list(edited.statements.order_by("start").values_list("cue", "text", "review")) == [
        ("said", "China and Pakistan are ironclad friends.", "suggested"),
        ("thanked", "China for its support to Pakistan's economy.", "suggested"),
    ]
    for statement in edited.statements.all():
        assert edited.body[statement.start:statement.end] == statement.text


def test_statements_whose_sentence_changed_are_listed_and_confirming_them_clears_the_flag(staff_client):
    article = factories.make_article(body="Wang Yi said that peace matters.")
    statement = factories.make_statement(article, factories.make_person("Wang Yi"), "peace matters.")
    Statement.objects.filter(pk=statement.pk).update(needs_check=True)
    changelist = reverse("admin:articles_statement_changelist")

    assertContains(staff_client.get(changelist, {"needs_check__exact": "1"}), "peace matters.")
    change_page = staff_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assertContains(change_page, "The sentence of 1 confirmed statement changed since it was confirmed")
    assertContains(change_page, "Sentence changed")

    staff_client.post(changelist, {"action": "confirm", "_selected_action": [statement.pk]})

    statement.refresh_from_db()
    assert not statement.needs_check


def test_a_statement_whose_paragraph_moves_to_the_top_keeps_its_sentence(staff_client):
    article = admin_add(staff_client, TYPED_BODY)
    article.statements.update(review=Statement.Review.CONFIRMED)
    first, second, third = article.body.split("\n\n")

    edited = admin_change(staff_client, article, body_html="\n\n".join([second, first, third]))

    said = edited.statements.get(cue="said")
    assert (said.start, said.paragraph, said.needs_check) == (len("Wang said that "), 1, False)
    assert list(edited.statements.values_list("review", flat=True)) == ["confirmed", "confirmed"]
