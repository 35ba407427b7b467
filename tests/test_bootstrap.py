import io
import re

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.test import RequestFactory

from articles.models import Article

from . import factories

pytestmark = pytest.mark.django_db


def bootstrap():
    out = io.StringIO()
    call_command("bootstrap", stdout=out)
    return out.getvalue()


def test_first_run_loads_the_seed_story_and_prints_a_random_admin_password_once():
    output = bootstrap()

    assert Article.objects.get().title == "Pakistani President Arif Alvi Meets with Qin Gang"
    password = re.search(r"Created superuser 'admin' with password (\S+)", output).group(1)
    assert len(password) >= 16
    assert authenticate(RequestFactory().post("/admin/login/"), username="admin", password=password).is_superuser
    assert "password" not in bootstrap()


def test_two_installations_get_different_passwords():
    first = re.search(r"password (\S+)", bootstrap()).group(1)
    get_user_model().objects.all().delete()
    second = re.search(r"password (\S+)", bootstrap()).group(1)

    assert first != second


def test_running_again_keeps_the_newsrooms_own_data():
    bootstrap()
    seed = Article.objects.get()
    seed.title = "Edited by an editor"
    seed.save()
    seed.statements.all().delete()

    bootstrap()

    assert Article.objects.get().title == "Edited by an editor"
    assert not seed.statements.exists()


def test_the_seed_story_is_not_added_to_a_newsroom_that_has_articles():
    factories.make_article("Our own story")

    bootstrap()

    assert list(Article.objects.values_list("title", flat=True)) == ["Our own story"]
