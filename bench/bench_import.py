"""Stories per second for importing 1,000 generated stories: extraction alone, then the
whole import (parsing, extraction, database writes) on SQLite and on PostgreSQL, measured
side by side in one run, since the machines are shared and absolute figures wander.

Run on demand: .venv/bin/python bench/bench_import.py
PostgreSQL comes from BENCH_POSTGRES_URL (default: the local server, database
newsroom_bench, a scratch database created anew for each run); it is skipped when the
server cannot be reached.
"""

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_extraction import story  # noqa: E402

STORIES = 1000
TARGETS = {"extraction": 1000, "import": 100}
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench")


# Stories a day in the generated archive, spread over the years as a real archive is: an
# import recounts the months and days it writes to, so crowding a whole archive into one
# month (as these files once were) measures a month no newsroom has.
STORIES_A_DAY = 20


def write_stories(directory, count=STORIES):
    """`count` story files of the seed's shape, the same ones on every run: STORIES_A_DAY
    a day from 2012 on (100,000 stories reach 2025)."""
    from articles.storyfile import Story, render_story

    rng = random.Random(20230506)
    width = max(4, len(str(count - 1)))
    for number in range(count):
        title, paragraphs = story(rng)
        day, nth = divmod(number, STORIES_A_DAY)
        published_at = datetime(2012, 1, 1, 8, 0) + timedelta(days=day, minutes=31 * nth)
        text = render_story(Story(f"{title} ({number})", published_at, tuple(paragraphs), "China News"))
        (Path(directory) / f"{number:0{width}}.txt").write_text(text, encoding="utf-8")


def time_extraction(directory):
    from articles.extraction import Gazetteer, extract
    from articles.storyfile import parse_story

    stories = [parse_story(path.read_bytes()) for path in sorted(Path(directory).glob("*.txt"))]
    gazetteer = Gazetteer.default()
    started = time.perf_counter()
    for parsed in stories:
        extract(parsed.title, parsed.paragraphs, gazetteer)
    return len(stories) / (time.perf_counter() - started)


def time_import(directory):
    """Runs in a child process whose DATABASE_URL names a new, empty scratch database."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    django.setup()
    from django.core.management import call_command

    from articles.importing import import_paths

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    report = import_paths([directory])
    elapsed = time.perf_counter() - started
    assert report.counts["created"] == STORIES, report.summary()
    return STORIES / elapsed


def scratch_postgres(url, *, create=True):
    """Drop the scratch database at `url` and, with `create`, make it anew, so that no earlier
    run's dead rows or bloated indexes weigh on this one; False when the server cannot be
    reached."""
    import psycopg

    admin_url, name = url.rsplit("/", 1)
    try:
        with psycopg.connect(f"{admin_url}/postgres", autocommit=True, connect_timeout=3) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            if create:
                connection.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as error:
        print(f"PostgreSQL skipped: {error}".strip())
        return False
    return True


def main():
    if sys.argv[1:2] == ["--import"]:
        print(json.dumps(time_import(sys.argv[2])))
        return
    with tempfile.TemporaryDirectory() as scratch:
        stories = Path(scratch) / "stories"
        stories.mkdir()
        write_stories(stories)
        results = {"extraction alone": time_extraction(stories)}
        databases = {"import, SQLite": f"sqlite:///{scratch}/bench.sqlite3"}
        if scratch_postgres(POSTGRES_URL):
            databases["import, PostgreSQL"] = POSTGRES_URL
        for label, url in databases.items():
            child = subprocess.run(
                [sys.executable, __file__, "--import", str(stories)],
                env={**os.environ, "DATABASE_URL": url}, capture_output=True, text=True, check=True,
            )
            results[label] = json.loads(child.stdout.strip().splitlines()[-1])
    print(f"{STORIES} generated stories")
    for label, per_second in results.items():
        target = TARGETS["extraction" if label.startswith("extraction") else "import"]
        print(f"{label:<20} {per_second:>8,.0f} stories/s  {per_second / target:5.2f}x the target of {target:,}/s")


if __name__ == "__main__":
    main()
