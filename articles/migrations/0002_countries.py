"""Every installation knows all ISO 3166-1 countries, with the names stories use for them."""

import pycountry
from django.db import migrations
from django.utils.text import slugify

# The names a newsroom prints, where the ISO short name reads like a registry entry.
DISPLAY_NAMES = {
    "BN": "Brunei",
    "CD": "Democratic Republic of the Congo",
    "FK": "Falkland Islands",
    "FM": "Micronesia",
    "MF": "Saint Martin",
    "PS": "Palestine",
    "RU": "Russia",
    "SX": "Sint Maarten",
    "VA": "Vatican City",
    "VG": "British Virgin Islands",
    "VI": "United States Virgin Islands",
}


def create_countries(apps, schema_editor):
    from articles.country_aliases import COUNTRY_ALIASES

    Country = apps.get_model("articles", "Country")
    countries = []
    for entry in pycountry.countries:
        name = DISPLAY_NAMES.get(entry.alpha_2) or getattr(entry, "common_name", None) or entry.name
        names = [entry.name, getattr(entry, "official_name", ""), *COUNTRY_ALIASES.get(entry.alpha_2, ())]
        aliases = list(dict.fromkeys(alias for alias in names if alias and alias != name))
        countries.append(
            Country(code=entry.alpha_2, name=name, slug=slugify(name), aliases="\n".join(aliases))
        )
    Country.objects.bulk_create(countries)


def remove_countries(apps, schema_editor):
    apps.get_model("articles", "Country").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [migrations.RunPython(create_countries, remove_countries)]
