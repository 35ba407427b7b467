"""Bodies stored before every save kept them in their one form (paragraphs trimmed, one blank
line apart): the form their statements' offsets were counted in, so the sentence shown around
each statement is cut from the same text again."""

from django.db import migrations

from articles.models import canonical_body


def canonical_bodies(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    # Read once, a few thousand bodies at a time; only the few that differ are written.
    stored = Article.objects.values_list("pk", "body").order_by("pk").iterator(chunk_size=2000)
    for pk, body in stored:
        if body != (canonical := canonical_body(body)):
            Article.objects.filter(pk=pk).update(body=canonical)


class Migration(migrations.Migration):
    dependencies = [("articles", "0022_search_ignores_accents")]

    operations = [migrations.RunPython(canonical_bodies, migrations.RunPython.noop, elidable=True)]
