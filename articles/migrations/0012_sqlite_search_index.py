from django.db import migrations

from articles.search_index import FTS_TABLE


def create_index(apps, schema_editor):
    # PostgreSQL searches the stored search_vector; SQLite gets an FTS5 index of the same text.
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute(
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(title, summary, body, "
        "tokenize = 'porter unicode61 remove_diacritics 2')"
    )
    # The live module, as for the reader listings (0009): it reads only the stories' own columns.
    from articles import search_index

    Article = apps.get_model("articles", "Article")
    ids = list(Article.objects.values_list("pk", flat=True))
    for start in range(0, len(ids), 500):
        search_index.refresh_documents(ids[start:start + 500])


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0011_statement_needs_check")]

    operations = [migrations.RunPython(create_index, drop_index)]
