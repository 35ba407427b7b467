"""Rows written in bulk where the caller needs nothing back from the database: COPY on
PostgreSQL, executemany on SQLite. Several times cheaper than bulk_create for thousands of
rows, which makes a model instance of each and, on PostgreSQL, quotes every value into
the query text."""

import operator
from datetime import date

from django.db import connection, models


class RowWriter:
    """Writes rows given as {attname: value} dicts, filling the model's defaults for the rest."""

    def __init__(self):
        self.postgresql = connection.vendor == "postgresql"

    def write(self, model, rows):
        if not rows:
            return
        # The database numbers rows given without their key.
        fields = [field for field in model._meta.concrete_fields if not field.primary_key or field.attname in rows[0]]
        defaults = {field.attname: self.default(field) for field in fields}
        values = operator.itemgetter(*(field.attname for field in fields))
        rows = [values({**defaults, **row}) for row in rows]
        columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
        table = connection.ops.quote_name(model._meta.db_table)
        if self.postgresql:
            # COPY adapts Python's values itself; the driver's errors become Django's, as for
            # any other query, so a row the database refuses fails its story like any other.
            with (connection.wrap_database_errors, connection.cursor() as cursor,
                  cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy):
                for row in rows:
                    copy.write_row(row)
            return
        converters = [self.sqlite_converter(field) for field in fields]
        if any(converters):
            rows = [
                tuple(value if convert is None or value is None else convert(value) for value, convert in zip(row, converters))
                for row in rows
            ]
        marks = ", ".join("%s" for _ in fields)
        with connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)

    def write_numbered(self, model, rows):
        """Writes rows as write() does and returns the primary keys they were given, in order:
        on PostgreSQL taken from the key's sequence in one query, then written with COPY."""
        if not rows:
            return []
        if not self.postgresql:
            return [row.pk for row in model._default_manager.bulk_create([model(**row) for row in rows])]
        key = model._meta.pk
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [model._meta.db_table, key.column, len(rows)],
            )
            keys = [number for number, in cursor.fetchall()]
        self.write(model, [{key.attname: number, **row} for number, row in zip(keys, rows)])
        return keys

    @staticmethod
    def default(field):
        return None if field.primary_key or field.null and not field.has_default() else field.get_default()

    @staticmethod
    def sqlite_converter(field):
        """How SQLite stores a value of the field, where Python's sqlite3 does not know."""
        if isinstance(field, models.DateTimeField):
            return connection.ops.adapt_datetimefield_value
        if isinstance(field, models.DateField):
            return date.isoformat
        if isinstance(field, models.BooleanField):
            return int
        return None
