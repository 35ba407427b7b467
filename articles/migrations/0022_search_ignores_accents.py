from django.db import migrations

# PostgreSQL's English search, with accents taken off every word before it is stemmed, so
# "Erdogan" finds "Erdoğan" as SQLite's index (remove_diacritics) already does.
CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION newsroom_english (COPY = english);
ALTER TEXT SEARCH CONFIGURATION newsroom_english
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
"""


def use_configuration(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(CREATE)
    # Every stored document again, in the new configuration: the live queryset, as 0012 uses
    # the live search index, since the document's recipe lives there (SEARCH_CONFIG).
    from articles.models import Article

    ids = list(Article.objects.values_list("pk", flat=True))
    for start in range(0, len(ids), 5000):
        Article.objects.filter(pk__in=ids[start:start + 5000]).refresh_search_vectors()


def drop_configuration(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS newsroom_english")


class Migration(migrations.Migration):
    """unaccent is a trusted extension: the database's owner may create it."""

    dependencies = [("articles", "0021_section_position")]

    operations = [migrations.RunPython(use_configuration, drop_configuration)]
