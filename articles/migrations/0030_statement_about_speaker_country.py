"""A statement's line about a country carries the speaker's country too, so that what two
countries said about each other is counted from these lines alone. Existing lines get it
from their statements."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_speaker_countries(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        # One join, not a lookup per line: an archive of a million stories has millions.
        schema_editor.execute(
            "UPDATE articles_statementabout AS about SET speaker_country_id = statement.speaker_country_id "
            "FROM articles_statement AS statement "
            "WHERE statement.id = about.statement_id AND statement.speaker_country_id IS NOT NULL"
        )
        return
    statement_about, statement = apps.get_model("articles", "StatementAbout"), apps.get_model("articles", "Statement")
    statement_about.objects.update(
        speaker_country=Subquery(statement.objects.filter(pk=OuterRef("statement_id")).values("speaker_country"))
    )


class Migration(migrations.Migration):
    dependencies = [("articles", "0029_tally_totals_index")]

    operations = [
        migrations.AddField(
            model_name="statementabout",
            name="speaker_country",
            field=models.ForeignKey(db_index=False, null=True, on_delete=django.db.models.deletion.SET_NULL,
                                    related_name="+", to="articles.country"),
        ),
        migrations.RunPython(copy_speaker_countries, migrations.RunPython.noop),
    ]
