"""What an import does to story files before it saves them: read each as a story, tell its
language and find its people, countries and statements. The importer (articles/importing.py)
saves what comes out, batch by batch, in the order the files were given.

That work needs no database, so a large import hands it to worker processes and keeps its
own process for the database: with `workers=2`, two processes each prepare a batch while
the importer saves an earlier one, never more than a few batches ahead; with `workers=1`
each batch is prepared in this process when its turn comes.

The workers get the gazetteer when they start: the newsroom's countries and people as the
importer read them when it began, the same the importer uses in one process. People the
import creates as it goes are in neither, with one process or many: they are matched by
name when a story is saved (Suggester.people_for), so the number of workers never changes
what an import finds or links.

This module imports nothing from Django: a worker starts without the project's settings.
Workers are started afresh (spawned), and so import the main script again: a script that
imports with workers does it under `if __name__ == "__main__":`, as manage.py does.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from multiprocessing.connection import wait

from .extraction import CountryEntry, Extraction, Gazetteer, PersonEntry, extract
from .language import ENGLISH, SAMPLE, detect_language
from .storyfile import Story, StoryFormatError
from .webpage import read_story


@dataclass(frozen=True)
class StoryFile:
    """A file as read for an import: its name, its bytes and their fingerprint."""

    source: str
    raw: bytes
    fingerprint: str = ""


@dataclass(frozen=True)
class Prepared:
    """A file ready to be saved: its story, language and what extraction found in it (None
    for a story not in English: the rules read English only), or why it is no story."""

    source: str
    fingerprint: str = ""
    story: Story | None = None
    language: str = ENGLISH
    extraction: Extraction | None = None
    error: str = ""


@dataclass(frozen=True)
class Reading:
    """How an import reads its files: the entries the gazetteer is compiled from, and the
    source URL and date given for a story whose text has none (see storyfile)."""

    countries: tuple[CountryEntry, ...]
    people: tuple[PersonEntry, ...]
    source_url: str = ""
    date: date | datetime | None = None

    def gazetteer(self) -> Gazetteer:
        return Gazetteer(self.countries, self.people)


def prepare(story_file: StoryFile, gazetteer: Gazetteer, reading: Reading) -> Prepared:
    try:
        story = read_story(story_file.source, story_file.raw, source_url=reading.source_url, date=reading.date)
    except StoryFormatError as error:
        return Prepared(story_file.source, story_file.fingerprint, error=str(error))
    language = detect_language(f"{story.title}\n{story.body[:SAMPLE]}")
    # The paragraphs are the article's own: its body is their canonical form, one blank line apart.
    extraction = extract(story.title, story.paragraphs, gazetteer) if language == ENGLISH else None
    return Prepared(story_file.source, story_file.fingerprint, story, language, extraction)


def prepare_batch(story_files, gazetteer, reading):
    return [prepare(story_file, gazetteer, reading) for story_file in story_files]


class Preparer:
    """Prepares batches of story files with `workers` processes.

    `reading` is called for the Reading when the first file needs preparing, so an import
    with nothing to read (every file already imported) neither reads the newsroom's people
    nor starts a process.
    """

    # Batches each worker may have prepared, or be preparing, ahead of the one being saved.
    AHEAD = 2

    def __init__(self, reading, *, workers=1):
        self.make_reading = reading
        self.workers = workers
        self.reading = self.gazetteer = self.pool = None

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def close(self):
        if self.pool is not None:
            # Interrupted, the workers' batches are dropped: only saved batches ever count.
            self.pool.shutdown(cancel_futures=True)
            self.pool = None

    def prepared(self, batches):
        """For each (context, story files) of `batches`, in order: (context, their Prepared).

        With workers, the batches after it are being prepared while the caller saves one;
        `batches` is read only as far ahead as that.
        """
        ahead = deque()
        for context, story_files in batches:
            ahead.append((context, self.start(story_files)))
            if len(ahead) > (self.AHEAD * self.workers if self.pool else 0):
                context, result = ahead.popleft()
                yield context, result()
        while ahead:
            context, result = ahead.popleft()
            yield context, result()

    def start(self, story_files):
        """A callable that returns the Prepared of `story_files`, once they are."""
        if not story_files:
            return list
        if self.reading is None:
            self.reading = self.make_reading()
            if self.workers > 1:
                # Started afresh rather than forked, which would share this process's
                # database connections. Each worker compiles its gazetteer once.
                self.pool = ProcessPoolExecutor(
                    self.workers, mp_context=multiprocessing.get_context("spawn"), initializer=start_worker, initargs=(self.reading,)
                )
            else:
                self.gazetteer = self.reading.gazetteer()
        if self.pool is None:
            return partial(prepare_batch, story_files, self.gazetteer, self.reading)
        return self.pool.submit(prepare_in_worker, story_files).result


# A worker's gazetteer and reading, set when it starts.
_worker = {}


def start_worker(reading):
    # Ctrl-C is the importer's to handle: it rolls its batch back and stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=exit_with_importer, daemon=True).start()
    _worker["reading"] = reading
    _worker["gazetteer"] = reading.gazetteer()


def exit_with_importer():
    """Killed, the importer cannot stop its workers, which would wait for work forever (the
    queue they wait on stays open at their end): each goes when it sees the importer gone."""
    wait([multiprocessing.parent_process().sentinel])
    os._exit(1)


def prepare_in_worker(story_files):
    return prepare_batch(story_files, _worker["gazetteer"], _worker["reading"])


def default_workers():
    """One worker per core this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
