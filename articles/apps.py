from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Newsroom"
    # DeskAdminConfig below is the admin's, named in INSTALLED_APPS.
    default = True

    def ready(self):
        from . import checks, signals  # noqa: F401  (registers the checks, connects the search receivers)
        from .listings import build_missing

        post_migrate.connect(build_missing, sender=self)


class DeskAdminConfig(admin_apps.AdminConfig):
    """Django's admin, with the desk home as its index."""

    default = False
    default_site = "articles.desk.DeskSite"
