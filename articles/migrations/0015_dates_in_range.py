"""Dates are kept from the year 1000 to 9998 (see articles/dates.py); and the stories and
corrections stored before with a time outside those years, which only PostgreSQL could
store (a year BC in UTC) and which took every list that showed them down, are moved to
the nearest time the site can show. Such a story becomes a draft with a note saying so,
for an editor to give it its real date."""

from datetime import datetime
from zoneinfo import ZoneInfo

import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import articles.models

FIRST_YEAR, LAST_YEAR = 1000, 9998


def date_again(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Correction = apps.get_model("articles", "Correction")
    zone = ZoneInfo(settings.TIME_ZONE)
    earliest = datetime(FIRST_YEAR, 1, 1, tzinfo=zone)
    latest = datetime(LAST_YEAR, 12, 31, 23, 59, tzinfo=zone)
    for beyond, bound, stories in [
        (f"before the year {FIRST_YEAR}", earliest, Article.objects.filter(published_at__lt=earliest)),
        (f"after the year {LAST_YEAR}", latest, Article.objects.filter(published_at__gt=latest)),
    ]:
        note = (
            f"Its publication time was {beyond}, which the site cannot show: it was set to "
            f"{bound.day} {bound:%B %Y} and the story made a draft. Give it its real date."
        )
        # Only these columns: the stored time itself cannot be read back into Python.
        for pk, slug, editor_note in stories.values_list("pk", "slug", "editor_note"):
            taken = set(Article.objects.filter(published_on=bound.date()).exclude(pk=pk).values_list("slug", flat=True))
            free, number = slug, 2
            while free in taken:
                free, number = f"{slug}-{number}", number + 1
            Article.objects.filter(pk=pk).update(
                published_at=bound, published_on=bound.date(), slug=free, status="draft",
                editor_note=f"{editor_note}\n\n{note}".strip(),
            )
        Correction.objects.filter(noted_at__lt=earliest).update(noted_at=earliest)
        Correction.objects.filter(noted_at__gt=latest).update(noted_at=latest)


class Migration(migrations.Migration):
    dependencies = [("articles", "0014_unicode_slugs")]

    operations = [
        migrations.AlterField(
            model_name="article",
            name="event_date",
            field=models.DateField(
                blank=True, help_text="When it happened.", null=True, validators=[articles.models.validate_kept_date]
            ),
        ),
        migrations.AlterField(
            model_name="article",
            name="published_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now, validators=[articles.models.validate_kept_date],
                verbose_name="publication time",
            ),
        ),
        migrations.AlterField(
            model_name="correction",
            name="noted_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now, validators=[articles.models.validate_kept_date], verbose_name="date"
            ),
        ),
        migrations.AlterField(
            model_name="role",
            name="end_date",
            field=models.DateField(
                blank=True, help_text="Empty while the role is held.", null=True,
                validators=[articles.models.validate_kept_date],
            ),
        ),
        migrations.AlterField(
            model_name="role",
            name="start_date",
            field=models.DateField(blank=True, null=True, validators=[articles.models.validate_kept_date]),
        ),
        migrations.RunPython(date_again, migrations.RunPython.noop),
    ]
