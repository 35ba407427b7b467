"""The desk's two groups. Contributors write; Editors decide what the public reads."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTRIBUTORS = [
    # Their own drafts, with statements; the admin narrows "change" to what they wrote.
    ("articles", "add_article"), ("articles", "change_article"), ("articles", "view_article"),
    ("articles", "add_statement"), ("articles", "change_statement"), ("articles", "delete_statement"),
    ("articles", "view_statement"),
    # To choose speakers, sections and countries (autocomplete asks for view permission).
    ("articles", "view_person"), ("articles", "view_country"), ("articles", "view_section"),
    ("taggit", "view_tag"),
]

EDITOR_MODELS = [
    ("articles", ["article", "statement", "correction", "person", "role", "section", "country"]),
    ("taggit", ["tag"]),
]
EDITOR_EXTRA = [("articles", "publish_article"), ("articles", "confirm_statement")]


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations ran; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permissions(pairs):
        return [
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in pairs
        ]

    editor_pairs = [
        (app_label, f"{action}_{model}")
        for app_label, models in EDITOR_MODELS
        for model in models
        for action in ("add", "change", "delete", "view")
    ] + EDITOR_EXTRA
    contributors, _ = Group.objects.get_or_create(name="Contributors")
    contributors.permissions.add(*permissions(CONTRIBUTORS))
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(*permissions(editor_pairs))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Contributors", "Editors"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
