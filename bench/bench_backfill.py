"""A whole archive through import_articles, as a newsroom loads one: 100,000 generated story
files of the seed's shape, `--status published`, the README's default settings (DEBUG on),
on SQLite and on PostgreSQL, with --workers 1 and --workers 2 side by side in one run,
since the machines are shared and absolute figures wander.

For each: stories/s on the first run and on a re-run over the same unchanged files, the
importer's peak memory (and its workers'), the CPU each process spent per story (wall time
lies on a busy machine; CPU time much less), and how many lines the command printed.

Run on demand: .venv/bin/python bench/bench_backfill.py
BACKFILL_FILES sets the number of files (e.g. 5000 for a quick run). PostgreSQL comes from
BENCH_POSTGRES_URL (default: the local server, database backfill_bench, created anew for
each run and dropped after); it is skipped when the server cannot be reached.
"""

import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_import import scratch_postgres, write_stories  # noqa: E402

FILES = int(os.environ.get("BACKFILL_FILES", "100000"))
WORKERS = (1, 2)
TARGETS = {"first run, PostgreSQL": 300, "re-run": 2000, "peak MiB": 150}
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/backfill_bench")


def run_import(directory, workers):
    """Runs in a child process whose DATABASE_URL names a migrated scratch database: the
    command as an editor runs it, measured from inside."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    django.setup()
    from django.core.management import CommandError, call_command

    output = io.StringIO()
    database_cpu = DatabaseCpu()
    started, cpu = time.perf_counter(), time.process_time()
    try:
        call_command("import_articles", directory, "--status", "published", "--workers", str(workers),
                     stdout=output, stderr=output)
    except CommandError as error:
        output.write(f"{error}\n")
    elapsed = time.perf_counter() - started
    own, workers_usage = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "seconds": elapsed,
        "cpu": time.process_time() - cpu,
        "workers_cpu": workers_usage.ru_utime + workers_usage.ru_stime,
        "database_cpu": database_cpu.spent(),
        "peak_mib": own.ru_maxrss / 1024,
        "workers_peak_mib": workers_usage.ru_maxrss / 1024,
        "lines": output.getvalue().count("\n"),
        # The counts line: notes (unknown breadcrumbs) may follow it.
        "summary": next((line for line in output.getvalue().splitlines() if " created, " in line), output.getvalue()),
    }


class DatabaseCpu:
    """CPU time of this connection's PostgreSQL server process (0 on SQLite, which runs in ours)."""

    def __init__(self):
        from django.db import connection

        self.pid = None
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                self.pid = cursor.fetchone()[0]
        self.start = self.now()

    def now(self):
        if self.pid is None:
            return 0.0
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def spent(self):
        return self.now() - self.start


def migrate(url):
    subprocess.run([sys.executable, "manage.py", "migrate", "--verbosity", "0"], cwd=ROOT,
                   env={**os.environ, "DATABASE_URL": url}, check=True)


def import_in_child(url, directory, workers):
    child = subprocess.run(
        [sys.executable, __file__, "--import", str(directory), str(workers)], cwd=ROOT,
        env={**os.environ, "DATABASE_URL": url}, capture_output=True, text=True, check=True,
    )
    return json.loads(child.stdout.strip().splitlines()[-1])


def main():
    if sys.argv[1:2] == ["--import"]:
        print(json.dumps(run_import(sys.argv[2], int(sys.argv[3]))))
        return
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        stories = Path(scratch) / "stories"
        stories.mkdir()
        write_stories(stories, FILES)
        databases = [("SQLite", lambda: f"sqlite:///{scratch}/backfill.sqlite3")]
        if scratch_postgres(POSTGRES_URL, create=False):
            databases.append(("PostgreSQL", lambda: POSTGRES_URL))
        print_header()
        for database, url in databases:
            for workers in WORKERS:
                if database == "PostgreSQL":
                    scratch_postgres(POSTGRES_URL)
                else:
                    Path(scratch, "backfill.sqlite3").unlink(missing_ok=True)
                migrate(url())
                first = import_in_child(url(), stories, workers)
                again = import_in_child(url(), stories, workers)
                results.append((database, workers, first, again))
                print_row(*results[-1], flush=True)
        if len(databases) == 2:
            scratch_postgres(POSTGRES_URL, create=False)
    print(f"\n{FILES:,} generated story files, --status published, DEBUG on")
    print(f"targets: first run {TARGETS['first run, PostgreSQL']}/s on PostgreSQL, re-run {TARGETS['re-run']:,}/s, "
          f"importer peak {TARGETS['peak MiB']} MiB, a few hundred lines of output")
    print_header()
    for row in results:
        print_row(*row)


def print_header():
    print(f"{'database':<11} {'workers':>7} {'first/s':>8} {'re-run/s':>9} {'peak MiB':>9} {'workers MiB':>12} "
          f"{'CPU ms/story: importer, workers, database':>42} {'lines':>6}")


def print_row(database, workers, first, again, flush=False):
    per_story = [1000 * first[key] / FILES for key in ("cpu", "workers_cpu", "database_cpu")]
    print(
        f"{database:<11} {workers:>7} {FILES / first['seconds']:>8,.0f} {FILES / again['seconds']:>9,.0f} "
        f"{max(first['peak_mib'], again['peak_mib']):>9,.0f} {first['workers_peak_mib']:>12,.0f} "
        f"{'{:.2f}, {:.2f}, {:.2f}'.format(*per_story):>42} {first['lines']:>6}",
        flush=flush,
    )
    for run in (first, again):
        if not run["summary"].startswith(f"{FILES} created" if run is first else f"0 created, 0 updated, {FILES}"):
            print(f"    unexpected: {run['summary']}")


if __name__ == "__main__":
    main()
