from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Newsroom"

    def ready(self):
        from . import checks, signals  # noqa: F401  (registers the checks, connects the search receivers)
