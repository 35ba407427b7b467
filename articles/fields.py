"""An image field whose uploads pass the newsroom's own checks (articles.images) before anything is stored."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models

from . import images


class CheckedImageFormField(forms.ImageField):
    def to_python(self, data):
        if data in self.empty_values:
            return None
        try:
            data.seek(0)
            cleaned = images.clean(data)
        except images.ImageRejected as error:
            raise ValidationError(str(error), code="invalid_image") from error
        # What gets stored is the re-encoded image, never the bytes that were sent.
        return super().to_python(SimpleUploadedFile(f"upload.{cleaned.extension}", cleaned.content))


class CheckedImageField(models.ImageField):
    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": CheckedImageFormField, **kwargs})
