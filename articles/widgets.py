from django.urls import reverse
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
