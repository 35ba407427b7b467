"""How uploaded files arrive: on disk, and never more of them than a photo may be."""

from django.core.files.uploadhandler import TemporaryFileUploadHandler

from . import images


class CappedTemporaryFileUploadHandler(TemporaryFileUploadHandler):
    """Every upload is streamed to a temporary file, whatever its size, so a worker never
    holds one in memory; and past the largest photo the desk accepts (images.MAX_BYTES)
    the rest is read off the network and dropped. The file keeps the size that was sent,
    so the form can refuse it saying how large it was, without reading it."""

    def receive_data_chunk(self, raw_data, start):
        room = images.MAX_BYTES + 1 - start
        if room > 0:
            self.file.write(raw_data[:room])
