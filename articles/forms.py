from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q

from . import listings
from .models import Country, Listing, Person, Statement


class DatePicker(forms.DateInput):
    """The browser's date picker. It can only hold a real date, so text that is not one
    shows as empty; the field's error says what was wrong."""

    input_type = "date"

    def format_value(self, value):
        try:
            return date.fromisoformat(str(value)).isoformat()
        except ValueError:
            return None


class ParagraphsField(forms.CharField):
    """Paragraphs typed in a browser, which sends CRLF line ends: read with LF, as stored,
    so that a story saved unchanged is not reported as a changed body."""

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n")


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
        value = " ".join(str(value).split())
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
    since = forms.DateField(required=False, label="From", widget=DatePicker)
    until = forms.DateField(required=False, label="To", widget=DatePicker)
    cue = forms.ChoiceField(required=False, label="How it was said")
    text = forms.CharField(required=False, max_length=200, label="Words", strip=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only countries that lead somewhere: those in published stories.
        countries = Country.objects.filter(pk__in=listings.listed(Listing.Kind.COUNTRY)).order_by("name")
        self.fields["speaker_country"].queryset = self.fields["about"].queryset = countries
        self.fields["cue"].choices = [("", "Any way"), *((cue, cue) for cue in Statement.objects.public_cues())]

    def clean_text(self):
        # PostgreSQL refuses NUL in a query; nobody types one.
        return self.cleaned_data["text"].replace("\x00", "")
