from django.conf import settings
from django.contrib.admin.widgets import AdminDateWidget, AdminFileWidget, AdminSplitDateTime
from django.urls import reverse
from django.utils import timezone
from taggit.forms import TagWidget


class TagAutocompleteWidget(TagWidget):
    """Comma-separated tags, with the desk's existing tags offered as the last one is typed.

    A native <datalist> filled by static/js/tag-autocomplete.js: no JavaScript library, and
    the field stays a plain text input that works without script.
    """

    template_name = "articles/widgets/tag_autocomplete.html"

    class Media:
        js = ["js/tag-autocomplete.js"]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        attrs = context["widget"]["attrs"]
        attrs["list"] = f"{attrs.get('id', name)}-suggestions"
        attrs["data-suggest-url"] = reverse("admin:articles_article_tag_suggestions")
        attrs["autocomplete"] = "off"
        return context


def newsroom_zone():
    """The newsroom's time zone by name, with its offset now: "Asia/Shanghai (UTC+08:00)"."""
    offset = timezone.localtime().strftime("%z")
    return f"{settings.TIME_ZONE} (UTC{offset[:3]}:{offset[3:]})"


class NewsroomDateTimeWidget(AdminSplitDateTime):
    """The admin's date and time inputs, each with its own label, and the newsroom's time
    zone named beside them. That note also stands in for the admin's own ("You are 8 hours
    behind server time"), which its script adds only where the field has none."""

    template_name = "articles/widgets/newsroom_split_datetime.html"

    def get_context(self, name, value, attrs):
        return {**super().get_context(name, value, attrs), "zone": newsroom_zone()}


class NewsroomDateWidget(AdminDateWidget):
    """The admin's date input, without its note on the browser's time zone: a day has none."""

    template_name = "articles/widgets/newsroom_date.html"


class LeadImageWidget(AdminFileWidget):
    """The admin's file input, with the story's current photo shown, not just its file name."""

    template_name = "articles/widgets/lead_image.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        article = getattr(value, "instance", None)
        context["widget"]["thumbnail"] = article.lead_image_thumbnail if value and article else None
        context["widget"]["alt"] = article.lead_image_alt if article else ""
        return context
