from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor


def is_migrated(connection):
    """Whether every migration of the project has run on this database."""
    executor = MigrationExecutor(connection)
    return not executor.migration_plan(executor.loader.graph.leaf_nodes())


class DatabaseCommand(BaseCommand):
    """A command that reads or writes the newsroom's tables: on a database not yet migrated it
    says what to run, rather than failing on the first missing table."""

    def execute(self, *args, **options):
        connection = connections[options.get("database") or DEFAULT_DB_ALIAS]
        if not is_migrated(connection):
            raise CommandError(
                f"The database ({connection.settings_dict['NAME']}) is not migrated to this version of the "
                "newsroom: run `manage.py migrate` (or `make setup`) first."
            )
        return super().execute(*args, **options)
