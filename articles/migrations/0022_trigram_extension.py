from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    """pg_trgm, for search's "Did you mean" (articles/search_names.py); nothing on SQLite,
    which compares names with RapidFuzz. A trusted extension: the database's owner may create it."""

    dependencies = [("articles", "0021_section_position")]

    operations = [TrigramExtension()]
