from django.db import migrations, models
from django.db.models import Min

# The kinds of list whose people, countries, tags and sections have pages of their own.
LISTED_KINDS = ["section", "tag", "person", "country"]


def first_months(apps, schema_editor):
    Tally = apps.get_model("articles", "Tally")
    FirstTally = apps.get_model("articles", "FirstTally")
    first = Tally.objects.filter(kind__in=LISTED_KINDS).values("kind", "key").annotate(month=Min("month")).order_by()
    FirstTally.objects.bulk_create([FirstTally(**row) for row in first], batch_size=5000)


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0026_formatted_bodies'),
    ]

    operations = [
        migrations.CreateModel(
            name='FirstTally',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(max_length=10)),
                ('key', models.CharField(max_length=30)),
                ('month', models.DateField()),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('kind', 'key'), name='first_tally_unique')],
            },
        ),
        migrations.RunPython(first_months, migrations.RunPython.noop),
    ]
