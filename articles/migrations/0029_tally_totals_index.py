"""The tallies' counts in their index, on PostgreSQL: a total over a list's months (a
country's people ranked, its partners, the A-Z indexes' counts) reads the index alone, not
a row of the table for each month. SQLite has no such indexes; there it is not made.
"""

from django.db import migrations

INDEX = "tally_totals_idx"


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON articles_tally (kind, key, month) INCLUDE (stories, statements)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0028_drop_covered_indexes")]

    operations = [migrations.RunPython(add_index, drop_index)]
