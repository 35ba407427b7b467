"""Staff in one step: name, address and role; the new member chooses their own password."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

ADD = reverse("admin:auth_user_add")


def add_staff_member(client, **fields):
    return client.post(ADD, {"name": "Carla Mendes", "email": "Carla@Example.com", "role": "Contributors", **fields})


def test_an_administrator_adds_a_contributor_in_one_step_and_gets_a_link_for_the_password(staff_client):
    response = add_staff_member(staff_client)

    assert response.status_code == 200, response.context["adminform"].form.errors
    member = get_user_model().objects.get(username="carla@example.com")
    assert (member.email, member.get_full_name(), member.is_staff) == ("carla@example.com", "Carla Mendes", True)
    assert list(member.groups.values_list("name", flat=True)) == ["Contributors"]
    assert not member.has_usable_password()  # no default password opens the account
    link = re.search(r'value="(http://testserver/admin/password/[^"]+)"', response.content.decode())[1]

    # The member follows it, chooses a password and logs in with their address.
    client = Client()
    form_page = client.get(link, follow=True)
    client.post(form_page.redirect_chain[-1][0], {"new_password1": "a-long-pass-phrase", "new_password2": "a-long-pass-phrase"})
    logged_in = client.post(reverse("admin:login"), {"username": "carla@example.com", "password": "a-long-pass-phrase"})
    assert logged_in.status_code == 302
    assert client.get(reverse("admin:articles_article_add")).status_code == 200
    # The link works once.
    assert "invalid" in client.get(link, follow=True).content.decode().lower()


def test_the_add_page_asks_for_name_address_and_role_only(staff_client):
    html = staff_client.get(ADD).content.decode()

    assert "Add staff member" in html
    assert 'name="name"' in html and 'name="email"' in html and 'value="Editors"' in html
    assert 'name="password1"' not in html and 'name="username"' not in html


def test_an_address_already_on_the_desk_is_refused(staff_client):
    add_staff_member(staff_client)

    response = add_staff_member(staff_client, email="carla@example.com", name="Another Carla")

    assert "Someone on the desk already has this address." in response.content.decode()
    assert get_user_model().objects.filter(email="carla@example.com").count() == 1


def test_editors_cannot_add_staff(editor_client):
    assert editor_client.post(ADD, {"name": "X", "email": "x@example.com", "role": "Editors"}).status_code == 403
    assert not get_user_model().objects.filter(email="x@example.com").exists()
