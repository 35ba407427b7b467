import secrets

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

from articles.models import Article


class Command(BaseCommand):
    help = (
        "Prepare a new installation: load the seed story into an empty newsroom and create "
        "an 'admin' superuser with a random password when there is no superuser. "
        "Safe to run again: it never changes what is already there."
    )

    def handle(self, *args, **options):
        if not Article.objects.exists():
            call_command("loaddata", "seed_story", stdout=self.stdout)
        User = get_user_model()
        if not User.objects.filter(is_superuser=True).exists():
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser("admin", "", password)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Created superuser 'admin' with password {password}\n"
                    "It is shown only this once: keep it, or set another with "
                    "'manage.py changepassword admin'."
                )
            )
