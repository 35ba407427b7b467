"""A stored search document for each story.

The column is added on every database (SQLite accepts the `tsvector` type name and leaves
it empty). The GIN index and the back-fill run on PostgreSQL only: both operations below
check `schema_editor.connection.vendor` and do nothing on SQLite, whose search reads the
text columns directly.
"""

import django.contrib.postgres.search
from django.db import migrations

INDEX = "article_search_vector_idx"

FILL = """
UPDATE articles_article AS a SET search_vector =
    setweight(to_tsvector('english', a.title), 'A')
    || setweight(to_tsvector('english', a.summary || ' ' || coalesce(
        (SELECT string_agg(p.name, ' ') FROM articles_article_people ap
         JOIN articles_person p ON p.id = ap.person_id WHERE ap.article_id = a.id), '')), 'B')
    || setweight(to_tsvector('english', a.body || ' ' || coalesce(
        (SELECT string_agg(s.text, ' ') FROM articles_statement s
         WHERE s.article_id = a.id AND s.review = 'confirmed'), '')), 'C')
"""


def add_index_and_fill(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON articles_article USING gin (search_vector)"
    )
    # The same document as ArticleQuerySet.refresh_search_vectors(), in SQL, so this
    # migration never depends on the model as it will be later.
    schema_editor.execute(FILL)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_extraction"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(add_index_and_fill, drop_index),
    ]
