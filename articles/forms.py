import io
import re
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import Q
from django_prose_editor.widgets import AdminProseEditorWidget
from taggit.utils import _parse_tags

from . import bodies, dates, listings
from .models import Article, Country, Listing, Person, Section, Statement
from .storyfile import StoryFormatError, parse_date
from .text import fit_to_store


def parse_tags(typed):
    """What a tag field holds (TAGGIT_TAGS_FROM_STRING), read from the text fit to store, so
    that a tag is looked up by the name it is stored under: "R\x0b&D" is the tag "R&D"."""
    return _parse_tags(fit_to_store(typed))


class DatePicker(forms.DateInput):
    """The browser's date picker. It can only hold a real date, so text that is not one
    shows as empty; the field's error says what was wrong."""

    input_type = "date"

    def format_value(self, value):
        try:
            return date.fromisoformat(str(value)).isoformat()
        except ValueError:
            return None


class ISODateField(forms.DateField):
    """A date as the date picker sends it, 2023-05-06, in ASCII digits: not the other forms
    Django's DateField guesses at, nor digits of other scripts, which int() would also read."""

    widget = DatePicker
    default_error_messages = {"invalid": "Enter a date like 2023-05-06."}
    ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            if self.ISO_DATE.fullmatch(value.strip()):
                day = date.fromisoformat(value.strip())
                if not dates.is_kept(day.year):
                    raise ValidationError(f"Enter a date {dates.YEARS}.", code="date_out_of_range")
                return day
        except ValueError:
            pass
        raise ValidationError(self.error_messages["invalid"], code="invalid")


# The base styles Tiptap (the editor's engine, in django-prose-editor 0.28.0) writes into the
# page as a <style> element: allowed by the hash of that exact text, on the story form alone.
# Another version of the editor may need another hash (tests/browser/test_body_editor.py).
EDITOR_STYLESHEET = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"


class FormattedBodyField(forms.CharField):
    """The body as the desk's editor sends it, sanitised (bodies.formatted): a story saved
    unchanged is not reported as a changed body, and paragraphs typed without the editor
    (a browser without scripts) are read as paragraphs. The story's plain text, in which
    extraction counts offsets, is derived from it on save (Article.derive_body)."""

    def __init__(self, **kwargs):
        # The blocks and marks the sanitiser keeps (bodies.TAGS), no more: what the editor
        # offers is what the story page shows. Whatever widget a model field proposes.
        kwargs["widget"] = AdminProseEditorWidget(preset="configurable", config={"extensions": {
            "Heading": {"levels": [2, 3]}, "Blockquote": True, "BulletList": True, "OrderedList": True,
            "ListItem": True, "Bold": True, "Italic": True, "Link": True, "HardBreak": True,
        }})
        super().__init__(**kwargs)

    def to_python(self, value):
        return bodies.formatted(super().to_python(value))

    def validate(self, value):
        super().validate(value)
        if self.required and not bodies.text_of(value):
            raise ValidationError(self.error_messages["required"], code="required")


class CountryChoiceField(forms.ModelChoiceField):
    """A country by its ISO code in either case: the site's own addresses use lower case."""

    def to_python(self, value):
        return super().to_python(value.upper() if isinstance(value, str) else value)


class PersonField(forms.ModelChoiceField):
    """A person by the slug of their page or by their name as printed, in any case."""

    widget = forms.TextInput

    def to_python(self, value):
        if value in self.empty_values:
            return None
        # As names are stored: without control characters, which PostgreSQL cannot even compare (NUL).
        value = " ".join(fit_to_store(str(value)).split())
        person = self.queryset.filter(Q(slug=value) | Q(name__iexact=value)).order_by("pk").first()
        if person is None:
            raise ValidationError(f"No one called “{value}” has spoken in our stories.", code="invalid_choice")
        return person

    def prepare_value(self, value):
        return value.slug if isinstance(value, Person) else super().prepare_value(value)


class StatementFilterForm(forms.Form):
    """The statements explorer's filters; every one is optional and they all combine.

    Nothing here reads the statements themselves: the choices come from the tallies and
    an index, so the form costs the same however many statements there are.
    """

    speaker = PersonField(queryset=Person.objects.all(), required=False, help_text="A name, e.g. Qin Gang.")
    speaker_country = CountryChoiceField(
        queryset=Country.objects.none(), to_field_name="code", required=False,
        empty_label="Any country", label="Speaker's country",
    )
    about = CountryChoiceField(
        queryset=Country.objects.none(), to_field_name="code", required=False,
        empty_label="Any country", label="About",
    )
    since = ISODateField(required=False, label="From")
    until = ISODateField(required=False, label="To")
    cue = forms.ChoiceField(required=False, label="How it was said")
    text = forms.CharField(required=False, max_length=200, label="Words", strip=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only countries that lead somewhere: those in published stories.
        countries = listings.listed(Country.objects, Listing.Kind.COUNTRY).order_by("name")
        self.fields["speaker_country"].queryset = self.fields["about"].queryset = countries
        self.fields["cue"].choices = [("", "Any way"), *((cue, cue) for cue in Statement.objects.public_cues())]

    def clean_text(self):
        # PostgreSQL refuses NUL in a query; nobody types one.
        return self.cleaned_data["text"].replace("\x00", "")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input, as a list (Django's documented recipe)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,.html,.htm"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


PASTED_STORY = "pasted story"


class ImportStoriesForm(forms.Form):
    """The desk's import page: files or a pasted story, with what import_articles' options say."""

    files = MultipleFileField(
        required=False,
        label="Story files",
        help_text="Story files (.txt) or web pages as the browser saves them (.html, .htm); choose several at once.",
    )
    text = forms.CharField(
        required=False,
        strip=False,
        label="Or paste a story",
        widget=forms.Textarea(attrs={"rows": 14, "cols": 90}),
        help_text="The title, its date and the paragraphs, or a whole page as the browser copies it: "
        "menus, print links and footers are left out.",
    )
    source_url = forms.URLField(
        required=False,
        label="Source URL",
        max_length=500,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        help_text="Where the story was published, for one story. It recognises the story when it comes "
        "again, and gives the date when the text has none.",
    )
    date = forms.CharField(
        required=False,
        max_length=40,
        help_text="For a story whose text and source URL give no date: 2023-05-06 or 2023-05-06 15:34.",
    )
    section = forms.ModelChoiceField(
        queryset=Section.objects.all(), required=False, empty_label="The default section",
        help_text="For stories whose breadcrumb names no section (by its name or an alias); the others go "
        "to the section their breadcrumb names.",
    )
    status = forms.ChoiceField(
        required=False,
        choices=[("", "Draft for new stories; stories already in the newsroom keep theirs"), *Article.Status.choices],
    )

    def clean_date(self):
        typed = self.cleaned_data["date"].strip()
        if not typed:
            return None
        try:
            parsed = parse_date(typed)
        except StoryFormatError as error:
            raise forms.ValidationError(str(error).capitalize() + ".")
        if parsed is None:
            raise forms.ValidationError("Write the date like 2023-05-06 or 2023-05-06 15:34.")
        published_at, has_time = parsed
        return published_at if has_time else published_at.date()

    def clean(self):
        cleaned_data = super().clean()
        files, text = cleaned_data.get("files") or [], cleaned_data.get("text", "")
        if not files and not text.strip():
            raise forms.ValidationError("Choose story files or paste a story.")
        if not cleaned_data.get("section") and not Section.objects.default():
            self.add_error("section", "There is no default section: choose one, or mark one as the default in Sections.")
        if cleaned_data.get("source_url") and len(files) + bool(text.strip()) > 1:
            self.add_error("source_url", "A source URL names one story: give one file or one pasted story with it.")
        return cleaned_data

    def sources(self):
        """(name, open, problem) for each story, as importing.import_sources reads them."""
        sources = [(upload.name, upload.open, "") for upload in self.cleaned_data["files"]]
        if text := self.cleaned_data["text"].strip():
            sources.append((PASTED_STORY, lambda: io.BytesIO(text.encode()), ""))
        return sources
