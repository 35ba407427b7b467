from django.db import migrations


def add_month_tokens(apps, schema_editor):
    # What ArticleQuerySet.refresh_search_vectors now appends: the story's month as a word.
    # Appended to the stored documents rather than built again from every story's text.
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "UPDATE articles_article SET search_vector = search_vector "
        "|| setweight(to_tsvector('english', 'm' || to_char(published_on, 'YYYYMM')), 'D') "
        "WHERE search_vector IS NOT NULL"
    )


class Migration(migrations.Migration):
    dependencies = [("articles", "0012_sqlite_search_index")]

    operations = [migrations.RunPython(add_month_tokens, migrations.RunPython.noop)]
