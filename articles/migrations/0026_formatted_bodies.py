"""Bodies get a formatted version, which the desk edits and the story page shows. Stories
stored before were plain paragraphs: each becomes a <p>, so their text, and the offsets of
their statements, stay as they were."""

from django.db import migrations, models

from articles.bodies import from_text


def formatted_bodies(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    stored = Article.objects.values_list("pk", "body").order_by("pk").iterator(chunk_size=2000)
    batch = []
    for pk, body in stored:
        batch.append(Article(pk=pk, body_html=from_text(body)))
        if len(batch) == 2000:
            Article.objects.bulk_update(batch, ["body_html"])
            batch = []
    Article.objects.bulk_update(batch, ["body_html"])


class Migration(migrations.Migration):
    dependencies = [("articles", "0025_pending_changes")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="body_html",
            field=models.TextField(
                blank=True, verbose_name="body",
                help_text="Paragraphs, subheadings, links, quotes and lists. Statements are found in its text.",
            ),
        ),
        migrations.RunPython(formatted_bodies, migrations.RunPython.noop, elidable=True),
    ]
