from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor


class DatabaseCommand(BaseCommand):
    """A command that reads or writes the newsroom's tables: on a database not yet migrated it
    says what to run, rather than failing on the first missing table."""

    def execute(self, *args, **options):
        connection = connections[options.get("database") or DEFAULT_DB_ALIAS]
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            raise CommandError(
                f"The database ({connection.settings_dict['NAME']}) is not migrated to this version of the "
                "newsroom: run `manage.py migrate` (or `make setup`) first."
            )
        return super().execute(*args, **options)
