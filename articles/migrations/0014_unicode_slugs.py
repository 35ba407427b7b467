"""Tags are created through the Topic proxy, which transliterates their slugs; and the slugs
made before, which the site could not put in an address (empty for "国际新闻" or "★",
Unicode for the tag "外交"), are made again the way the newsroom makes them now.

Nothing redirects from the old slugs: no address was ever built from them, as building one
failed."""

import re

import django.db.models.deletion
import taggit.managers
from django.db import migrations, models
from django.utils.text import slugify
from unidecode import unidecode

# What <slug:> in the URL patterns matches.
ADDRESSABLE = re.compile(r"[-a-zA-Z0-9_]+")


def slug_of(text, max_length, fallback):
    # As articles.models.slug_of is today: a migration keeps working when that changes.
    return slugify(unidecode(text))[:max_length].strip("-_") or fallback


def free(base, taken):
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug


def readdress(apps, schema_editor):
    unique = [
        (apps.get_model("articles", "Section"), "section", 90),
        (apps.get_model("articles", "Person"), "person", 190),
        (apps.get_model("taggit", "Tag"), "tag", 90),
    ]
    for model, fallback, length in unique:
        taken = set(model.objects.values_list("slug", flat=True))
        for row in model.objects.all():
            if not ADDRESSABLE.fullmatch(row.slug):
                row.slug = free(slug_of(row.name, length, fallback), taken)
                row.save(update_fields=["slug"])

    # A story's slug is unique on its publication day only.
    Article = apps.get_model("articles", "Article")
    for article in Article.objects.all().only("title", "slug", "published_on"):
        if not ADDRESSABLE.fullmatch(article.slug):
            taken = set(Article.objects.filter(published_on=article.published_on).values_list("slug", flat=True))
            article.slug = free(slug_of(article.title, 190, "story"), taken)
            article.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0013_search_month_tokens"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.CreateModel(
            name="Topic",
            fields=[],
            options={"proxy": True, "indexes": [], "constraints": []},
            bases=("taggit.tag",),
        ),
        migrations.AlterField(
            model_name="article",
            name="tags",
            field=taggit.managers.TaggableManager(
                blank=True, help_text="A comma-separated list of tags.", through="articles.TaggedArticle",
                to="articles.Topic", verbose_name="Tags",
            ),
        ),
        migrations.AlterField(
            model_name="taggedarticle",
            name="tag",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="%(app_label)s_%(class)s_items",
                to="articles.topic",
            ),
        ),
        migrations.RunPython(readdress, migrations.RunPython.noop),
    ]
