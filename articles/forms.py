import re
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from taggit.utils import _parse_tags

from .models import Country, Person, Statement
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
                return date.fromisoformat(value.strip())
        except ValueError:
            pass
        raise ValidationError(self.error_messages["invalid"], code="invalid")


class ParagraphsField(forms.CharField):
    """Paragraphs typed in a browser, which sends CRLF line ends: read with LF, as stored,
    so that a story saved unchanged is not reported as a changed body."""

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n")


class CountryChoiceField(forms.ModelChoiceField):
    """A country by its ISO code in either case: the site's own addresses use lower case."""

    def to_python(self, value):
        return super().to_python(value.upper() if isinstance(value, str) else value)


class StatementFilterForm(forms.Form):
    """The statements explorer's filters; every one is optional and they all combine."""

    speaker = forms.ModelChoiceField(
        queryset=Person.objects.none(), to_field_name="slug", required=False, empty_label="Anyone"
    )
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
        public = Statement.objects.public()
        # Only choices that lead somewhere: people and countries with public statements.
        self.fields["speaker"].queryset = Person.objects.filter(statements__in=public).distinct()
        self.fields["speaker_country"].queryset = Country.objects.filter(people__statements__in=public).distinct()
        self.fields["about"].queryset = Country.objects.filter(statements_about__in=public).distinct()
        cues = public.order_by("cue").values_list("cue", flat=True).distinct()
        self.fields["cue"].choices = [("", "Any way"), *((cue, cue) for cue in cues)]

    def clean_text(self):
        # PostgreSQL refuses NUL in a query; nobody types one.
        return self.cleaned_data["text"].replace("\x00", "")
