"""The reader listings and tallies that public pages read (articles/listings.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import listings
from articles.models import Listing
from tests.factories import country, make_article, make_person, make_statement

pytestmark = pytest.mark.django_db


def test_story_totals_read_no_statement_unless_asked(settings):
    qin = make_person("Qin Gang", country=country("CN"))
    story = make_article("Qin Gang in Islamabad", people=[qin], countries=[country("PK")])
    make_statement(story, qin, "Pakistan is an ironclad friend.", countries=[country("PK")])

    with CaptureQueriesContext(connection) as queries:
        stories_only = listings.totals(Listing.Kind.PERSON, [qin.pk], statements=False)
    with_statements = listings.totals(Listing.Kind.PERSON, [qin.pk])

    assert stories_only[str(qin.pk)][0] == with_statements[str(qin.pk)][0] == 1
    assert with_statements[str(qin.pk)][1] == 1
    assert not any("articles_statement" in query["sql"] for query in queries.captured_queries)
