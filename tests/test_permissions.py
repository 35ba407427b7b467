"""Who may open what: every admin and public page, for each kind of visitor.

Read a row as: anonymous, contributor, editor, superuser. 302 is "sent to log in".
"""

import pytest
import reversion
from django.urls import reverse
from reversion.models import Version

from articles.models import Article, Person, Statement
from tests import factories

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "contributor", "editor", "superuser"]
EVERYONE, STAFF, EDITORS = (200, 200, 200, 200), (302, 200, 200, 200), (302, 403, 200, 200)

PAGES = [
    # The admin: every staff member reads; only editors change what is not their own draft.
    ("admin:index", STAFF),
    ("admin:articles_article_changelist", STAFF),
    ("admin:articles_article_add", STAFF),
    ("admin:articles_article_change published", STAFF),  # read-only for a contributor
    ("admin:articles_article_change own draft", STAFF),
    ("admin:articles_article_history published", STAFF),
    ("admin:articles_article_revision published", EDITORS),  # reverting is an editor's call
    ("admin:articles_article_delete published", EDITORS),
    ("admin:articles_article_delete own draft", EDITORS),
    ("admin:articles_article_recoverlist", EDITORS),
    ("admin:articles_statement_changelist", STAFF),
    ("admin:articles_statement_add", EDITORS),
    ("admin:articles_statement_change", STAFF),  # read-only for a contributor
    ("admin:articles_person_changelist", STAFF),
    ("admin:articles_person_add", EDITORS),
    ("admin:articles_person_change", STAFF),
    ("admin:articles_country_changelist", STAFF),
    ("admin:articles_country_add", EDITORS),
    ("admin:articles_section_changelist", STAFF),
    ("admin:articles_section_add", EDITORS),
    ("admin:taggit_tag_changelist", STAFF),
    ("admin:taggit_tag_add", EDITORS),
    ("admin:auth_user_changelist", (302, 403, 403, 200)),
    ("admin:articles_movedpage_changelist", (302, 403, 403, 200)),
    # The public site: the same for everyone, and unpublished stories are a 404 even for staff.
    ("articles:list", EVERYONE),
    ("articles:detail published", EVERYONE),
    ("articles:detail own draft", (404, 404, 404, 404)),
    ("articles:section", EVERYONE),
    ("articles:tag", EVERYONE),
    ("articles:countries", EVERYONE),
    ("articles:country", EVERYONE),
    ("articles:people", EVERYONE),
    ("articles:person", EVERYONE),
    # The preview is the staff's way to see what the public cannot.
    ("articles:preview own draft", (404, 200, 200, 200)),
]


@pytest.fixture
def site(django_user_model, contributor, editor):
    wang = factories.make_person("Wang Yi", country=factories.country("CN"))
    published = factories.make_article("Published story", tags=["diplomacy"], people=[wang], countries=[wang.country], created_by=editor)
    statement = factories.make_statement(published, wang)
    with reversion.create_revision():  # for the revision page
        published.save()
    draft = factories.make_article("Own draft", status=Article.Status.DRAFT, created_by=contributor)
    return {
        "users": {
            "contributor": contributor,
            "editor": editor,
            "superuser": django_user_model.objects.create_superuser("root", "root@example.com", None),
        },
        "published": published, "own draft": draft, "statement": statement, "person": wang,
    }


def url_for(name, site):
    name, _, subject = name.partition(" ")
    article = site.get(subject)
    if name == "articles:detail":
        return article.get_absolute_url()
    if name == "articles:preview":
        return reverse(name, args=[article.pk])
    if name == "admin:articles_article_revision":
        return reverse(name, args=[article.pk, Version.objects.get_for_object(article).first().pk])
    if name.startswith("admin:articles_article_") and article:
        return reverse(name, args=[article.pk])
    args = {
        "admin:articles_statement_change": [site["statement"].pk],
        "admin:articles_person_change": [site["person"].pk],
        "articles:section": [site["published"].section.slug],
        "articles:tag": ["diplomacy"],
        "articles:country": ["cn"],
        "articles:person": [site["person"].slug],
    }.get(name, [])
    return reverse(name, args=args)


@pytest.mark.parametrize("name, expected", PAGES, ids=[name for name, _ in PAGES])
def test_permission_matrix(client, site, name, expected):
    url = url_for(name, site)

    answers = []
    for role in ROLES:
        if role != "anonymous":
            client.force_login(site["users"][role])
        answers.append(client.get(url).status_code)
        client.logout()

    assert dict(zip(ROLES, answers)) == dict(zip(ROLES, expected)), url


@pytest.mark.parametrize(
    "name",
    [
        "admin:articles_article_change published",
        "admin:articles_article_revision published",
        "admin:articles_article_delete own draft",
        "admin:articles_statement_change",
        "admin:articles_person_add",
    ],
)
def test_contributor_posting_to_an_editors_page_is_refused_and_changes_nothing(client, site, name):
    client.force_login(site["users"]["contributor"])
    before = {model.__name__: list(model.objects.values()) for model in (Article, Person, Statement)}

    response = client.post(url_for(name, site), {"title": "Hijacked", "text": "Hijacked", "name": "Hijacked", "post": "yes"})

    assert response.status_code == 403
    assert {model.__name__: list(model.objects.values()) for model in (Article, Person, Statement)} == before
