"""Text stored before the models cleaned it (articles.text) loses its control characters:
a country named "China\\x0b(PRC)" took its feeds down."""

import re

from django.db import migrations, models

# As articles.text.UNFIT is today, less what no database can hold anyway (NUL, surrogates).
UNFIT = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
MODELS = [
    ("articles", "Section"), ("articles", "Country"), ("articles", "Person"), ("articles", "Role"),
    ("articles", "Article"), ("articles", "Correction"), ("articles", "Statement"), ("articles", "MovedPage"),
    ("taggit", "Tag"),
]


def clean_stored_text(apps, schema_editor):
    for app_label, name in MODELS:
        model = apps.get_model(app_label, name)
        for field in model._meta.concrete_fields:
            if not isinstance(field, (models.CharField, models.TextField)):
                continue
            # The database finds the rows (a regex both backends run), Python cleans them.
            rows = model.objects.filter(**{f"{field.name}__regex": UNFIT.pattern}).only(field.attname)
            for row in rows:
                setattr(row, field.attname, UNFIT.sub("", getattr(row, field.attname)))
                row.save(update_fields=[field.attname])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0015_dates_in_range"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(clean_stored_text, migrations.RunPython.noop)]
