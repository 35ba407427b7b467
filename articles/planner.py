"""The query planner's view of the tables, kept current after bulk writes.

PostgreSQL's autovacuum analyses a table some time after it changed; until then the planner
still believes a freshly filled table is empty and may pick plans that read every row. After
writing many rows at once (an import, the archive generator) we refresh its statistics
ourselves, so the first reader never waits for a plan made for empty tables.

At the end of a bulk write PostgreSQL's tables are vacuumed as well: until a page of a table
is marked all-visible, an index-only scan still reads the row in the table to check it, and
the listings, tallies and name lookups readers' pages make are index-only scans. On a
10,000-story archive just generated, vacuuming took a third off the database time of a
search and of the statements explorer.
"""

from django.apps import apps
from django.db import connection

# Stories written before statistics are worth refreshing. ANALYZE samples a fixed number of
# rows per table, so it costs a second or two however large the archive.
WORTH_ANALYZING = 500


def update_statistics(models=None, *, vacuum=False):
    """Refresh the planner's statistics for these models' tables (all the app's by default);
    with `vacuum`, after a bulk write has ended, vacuum them too on PostgreSQL, unless a
    transaction is open (VACUUM cannot run in one) where only statistics are refreshed. A
    vacuum reads only the pages changed since the last, so its cost follows what was written."""
    models = models or list(apps.get_app_config("articles").get_models())
    tables = sorted({model._meta.db_table for model in models} | _many_to_many_tables(models))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            command = "VACUUM (ANALYZE) " if vacuum and not connection.in_atomic_block else "ANALYZE "
            cursor.execute(command + ", ".join(connection.ops.quote_name(table) for table in tables))
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
