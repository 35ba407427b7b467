"""The query planner's view of the tables, kept current after bulk writes.

PostgreSQL's autovacuum analyses a table some time after it changed; until then the planner
still believes a freshly filled table is empty and may pick plans that read every row. After
writing many rows at once (an import, the archive generator) we refresh its statistics
ourselves, so the first reader never waits for a plan made for empty tables.
"""

from django.apps import apps
from django.db import connection

# Stories written before statistics are worth refreshing. ANALYZE samples a fixed number of
# rows per table, so it costs a second or two however large the archive.
WORTH_ANALYZING = 500


def update_statistics(models=None):
    """Refresh the planner's statistics for these models' tables (all the app's by default)."""
    models = models or list(apps.get_app_config("articles").get_models())
    tables = sorted({model._meta.db_table for model in models} | _many_to_many_tables(models))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(table) for table in tables))
        elif connection.vendor == "sqlite":
            # A bounded sample per index, as PostgreSQL's, rather than reading whole tables.
            cursor.execute("PRAGMA analysis_limit = 1000")
            for table in tables:
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
            cursor.execute("PRAGMA optimize")


def _many_to_many_tables(models):
    return {
        field.remote_field.through._meta.db_table
        for model in models
        for field in model._meta.local_many_to_many
    }
