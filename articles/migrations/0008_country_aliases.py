"""Countries gain the names added to articles/country_aliases.py since they were created
("Lao PDR"); aliases an editor typed are kept."""

from django.db import migrations


def add_missing_aliases(apps, schema_editor):
    from articles.country_aliases import COUNTRY_ALIASES

    Country = apps.get_model("articles", "Country")
    changed = []
    for country in Country.objects.filter(code__in=COUNTRY_ALIASES):
        aliases = [line.strip() for line in country.aliases.splitlines() if line.strip()]
        missing = [alias for alias in COUNTRY_ALIASES[country.code] if alias not in aliases and alias != country.name]
        if missing:
            country.aliases = "\n".join(aliases + missing)
            changed.append(country)
    Country.objects.bulk_update(changed, ["aliases"])


class Migration(migrations.Migration):
    dependencies = [("articles", "0007_moved_pages")]

    operations = [migrations.RunPython(add_missing_aliases, migrations.RunPython.noop)]
