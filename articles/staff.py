"""Staff in one step: a name, an address and a role make a desk member, who sets their own
password through a link the adding administrator passes on. Nobody is given a password."""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

User = get_user_model()

# The desk's groups (migration 0006), as the form offers them.
ROLES = [
    ("Contributors", "Contributor: writes stories and submits them for review"),
    ("Editors", "Editor: publishes, confirms statements, corrects and merges"),
]


class StaffMemberForm(forms.ModelForm):
    name = forms.CharField(max_length=150, help_text="As colleagues know them, e.g. Edith Chan.")
    email = forms.EmailField(help_text="They log in with it.")
    role = forms.ChoiceField(choices=ROLES, widget=forms.RadioSelect)

    class Meta:
        model = User
        fields = []

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(username__iexact=email).exists() or User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("Someone on the desk already has this address.")
        return email

    def save(self, commit=True):
        member = super().save(commit=False)
        member.username = member.email = self.cleaned_data["email"]
        # The whole name in one field: no rule splits every culture's names into first and last.
        member.first_name = self.cleaned_data["name"].strip()
        member.is_staff = True
        # Until they follow the link and choose one, no password opens the account.
        member.set_unusable_password()
        if commit:
            member.save()
            self._save_m2m()
        return member

    def _save_m2m(self):
        # Where ModelForm and the admin save relations, once the member has a primary key.
        super()._save_m2m()
        self.instance.groups.set([Group.objects.get(name=self.cleaned_data["role"])])


def password_link(request, member):
    """The address where `member` sets their password: Django's reset link, which works once
    and expires after PASSWORD_RESET_TIMEOUT (three days)."""
    path = reverse("password_reset_confirm", kwargs={
        "uidb64": urlsafe_base64_encode(force_bytes(member.pk)),
        "token": default_token_generator.make_token(member),
    })
    return request.build_absolute_uri(path)


admin.site.unregister(User)


@admin.register(User)
class StaffAdmin(UserAdmin):
    add_form = StaffMemberForm
    add_form_template = "admin/change_form.html"
    add_fieldsets = [(None, {"fields": ["name", "email", "role"]})]
    list_display = ["username", "first_name", "role_names", "is_active", "last_login"]
    change_list_template = "admin/auth/user/staff_change_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description="role")
    def role_names(self, member):
        return ", ".join(group.name for group in member.groups.all())

    def add_view(self, request, form_url="", extra_context=None):
        return super().add_view(request, form_url, {**(extra_context or {}), "title": "Add staff member"})

    def response_add(self, request, obj, post_url_continue=None):
        return TemplateResponse(request, "admin/auth/user/staff_added.html", {
            **self.admin_site.each_context(request),
            "title": f"{obj.first_name} joins the desk",
            "opts": self.opts,
            "member": obj,
            "role": ", ".join(group.name for group in obj.groups.all()),
            "link": password_link(request, obj),
        })
