"""Every kind of public page at a real archive's size, served the production way.

For each size (SIZES, default 10000 100000 1000000) it builds a scratch archive with
generate_demo_data (PostgreSQL always; SQLite up to 100,000), serves it with gunicorn as
production does (gunicorn.conf.py, two workers, DEBUG off), and loads each page with wrk
(16 connections, asking for the encodings a browser asks for) beside a floor: a hello-world
Django view under the same configuration, so every figure is a ratio measured in the same run. For each page it prints requests/s as
a ratio to the floor with the page cache off and on, p50 and p99 for one client (cache
off), the worst latency seen, and the queries the page runs; then the workers' memory.

Run on demand: make bench-pages SIZES="10000 100000 1000000"
Archives are kept between runs (PostgreSQL databases bench_pages_<size>, SQLite files in
bench/out/); BENCH_REBUILD=1 builds them again. Needs wrk (apt-get install wrk).
"""

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PYTHON = sys.executable
POSTGRES = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
SQLITE_LIMIT = 100_000
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
CONNECTIONS = 16
# What every browser asks for, so kept pages go out as readers get them (gzip, as kept).
BROWSER_ENCODINGS = "gzip, deflate, br"

TARGETS = """Targets: cached >= 0.80x floor everywhere; uncached at 1,000,000 on PostgreSQL: story >= 0.15x,
home/section/tag >= 0.10x, other pages p50 <= 100 ms (search <= 50 ms), page 1,000 within 2x of page 1,
no request over 500 ms; SQLite at 100,000: same list and story ratios, other pages p50 <= 150 ms;
worker memory <= 100 MiB after 10,000 requests."""
# Floors further apart than this, measured before and after a size's pages, mean something else
# shared the machine meanwhile: the ratios between them are not to be trusted.
STEADY_FLOOR = 0.15


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(database_url, **extra):
    return {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "PLAIN_HTTP": "1",
        "WEB_CONCURRENCY": "2",
        "PAGE_CACHE_STAMP_FILE": str(OUT / "page-generation"),
        "LOG_LEVEL": "ERROR",
        **extra,
    }


def manage(database_url, *arguments):
    subprocess.run([PYTHON, "manage.py", *arguments], cwd=ROOT, env=environment(database_url), check=True)


def archive(kind, size):
    """A database URL holding a generated archive of `size` stories, built when missing."""
    rebuild = os.environ.get("BENCH_REBUILD") == "1"
    if kind == "postgresql":
        name = f"bench_pages_{size}"
        url = f"{POSTGRES}/{name}"
        exists = subprocess.run(["psql", f"{POSTGRES}/postgres", "-Atc", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],
                                capture_output=True, text=True).stdout.strip() == "1"
        if exists and not rebuild and stories_in(url) == size:
            return migrated(url)
        subprocess.run(["psql", "-q", f"{POSTGRES}/postgres", "-c", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)",
                        "-c", f"CREATE DATABASE {name}"], check=True)
    else:
        path = OUT / f"pages-{size}.sqlite3"
        url = f"sqlite:///{path}"
        if path.exists() and not rebuild and stories_in(url) == size:
            return migrated(url)
        for leftover in OUT.glob(f"pages-{size}.sqlite3*"):
            leftover.unlink()
    print(f"building a {size:,}-story archive on {kind}", flush=True)
    manage(url, "migrate", "--noinput", "-v", "0")
    manage(url, "generate_demo_data", "--articles", str(size), "--seed", "1")
    return url


def migrated(url):
    """A kept archive, brought to the code's migrations."""
    manage(url, "migrate", "--noinput", "-v", "0")
    return url


def stories_in(url):
    try:
        found = subprocess.run([PYTHON, "manage.py", "shell", "-c",
                                "from articles.models import Article; print(Article.objects.count())"],
                               cwd=ROOT, env=environment(url), capture_output=True, text=True, timeout=600)
        return int(found.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError, subprocess.TimeoutExpired):
        return -1


PAGE_PICKER = r"""
import json
from urllib.parse import quote_plus
from django.db.models import Sum
from articles.models import Article, Listing, Person, Section, Tally, Country
from taggit.models import Tag
def busiest(kind):
    key = Tally.objects.filter(kind=kind).values("key").annotate(n=Sum("stories")).order_by("-n")[0]["key"]
    return int(key)
story = Article.objects.published().order_by("-published_at")[50]
person = Person.objects.get(pk=busiest("person"))
section = Section.objects.get(pk=busiest("section"))
tag = Tag.objects.get(pk=busiest("tag"))
word = "agriculture"
published = Article.objects.published().count()
deep = min(1000, published // 20)
print(json.dumps({
    "home": "/",
    f"home page {deep:,}": f"/?page={deep}",
    "story": story.get_absolute_url(),
    "section": section.get_absolute_url(),
    "tag": f"/tags/{tag.slug}/",
    "person": person.get_absolute_url(),
    "country": "/countries/cn/",
    "relations": "/relations/cn/pk/",
    "statements": "/statements/",
    "statements by speaker": f"/statements/?speaker={person.slug}",
    "search, 1 word": f"/search/?q={quote_plus(word)}",
    "search, 3 words": "/search/?q=cooperation+energy+Pakistan",
    "search, a misspelt name": "/search/?q=" + quote_plus(person.name[:-2] + person.name[-1] + person.name[-2]),
    "people": "/people/",
    "people, a letter": f"/people/?letter={quote_plus(person.name[0])}",
    "countries": "/countries/",
    "sections": "/sections/",
    "archive": "/news/",
    "year archive": f"/news/{story.published_on.year - 1}/",
    "feed": "/feed/",
    "sitemap index": "/sitemap.xml",
    "sitemap of a month": f"/sitemaps/stories/{story.published_on.year - 1}/06.xml",
}))
"""

QUERY_COUNTER = r"""
import json, sys
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
pages = json.loads(sys.stdin.read())
client = Client(HTTP_HOST="127.0.0.1")
counts = {}
for name, url in pages.items():
    with CaptureQueriesContext(connection) as queries:
        status = client.get(url).status_code
    counts[name] = (status, len(queries))
print(json.dumps(counts))
"""


def pick_pages(url):
    found = subprocess.run([PYTHON, "manage.py", "shell", "-c", PAGE_PICKER], cwd=ROOT, env=environment(url),
                           capture_output=True, text=True, check=True)
    return json.loads(found.stdout.strip().splitlines()[-1])


def count_queries(url, pages):
    found = subprocess.run([PYTHON, "manage.py", "shell", "-c", QUERY_COUNTER], cwd=ROOT, input=json.dumps(pages),
                           env=environment(url, PAGE_CACHE="0"), capture_output=True, text=True, check=True)
    return json.loads(found.stdout.strip().splitlines()[-1])


class Server:
    """gunicorn with gunicorn.conf.py on a free port, for as long as the block runs."""

    def __init__(self, url, app="newsroom.wsgi", **extra):
        self.port = free_port()
        self.process = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", app],
            cwd=ROOT, env=environment(url, PORT=str(self.port), HOST="127.0.0.1", **extra),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )

    def __enter__(self):
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)

    def address(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def worker_memory(self):
        """The largest resident memory of a worker, in MiB."""
        children = subprocess.run(["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True).stdout.split()
        sizes = []
        for pid in children:
            status = Path(f"/proc/{pid}/status").read_text()
            sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
        return max(sizes, default=0)


def wrk(address, connections=CONNECTIONS, seconds=SECONDS):
    """(requests/s, p50 ms, p99 ms, worst ms, requests, non-2xx/3xx) from one wrk run."""
    output = subprocess.run(
        ["wrk", "-t", "2" if connections > 1 else "1", "-c", str(connections), "-d", f"{seconds}s", "--latency",
         "--timeout", "10s", "-H", f"Accept-Encoding: {BROWSER_ENCODINGS}", address],
        capture_output=True, text=True, check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, re.M))
    worst = re.search(r"Latency\s+\S+\s+\S+\s+(\S+)", output).group(1)
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rate, milliseconds(percentiles["50"]), milliseconds(percentiles["99"]), milliseconds(worst), requests, int(errors.group(1)) if errors else 0


def milliseconds(text):
    value, unit = re.fullmatch(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def floor_rate(url):
    with Server(url, app="bench.floor:application", PAGE_CACHE="0") as floor:
        wrk(floor.address("/"), seconds=1)  # warm up
        return wrk(floor.address("/"))[0]


def bench(kind, size):
    url = archive(kind, size)
    pages = pick_pages(url)
    queries = count_queries(url, pages)
    rows = {name: {} for name in pages}
    floor_before = floor_rate(url)
    with Server(url, PAGE_CACHE="0") as site:
        for name, path in pages.items():
            wrk(site.address(path), seconds=1)  # warm up: templates compiled, connections open
            rows[name]["one"] = wrk(site.address(path), connections=1)
            rows[name]["uncached"] = wrk(site.address(path))
    with Server(url, PAGE_CACHE="1") as site:
        for name, path in pages.items():
            wrk(site.address(path), seconds=1)
            rows[name]["cached"] = wrk(site.address(path))
        memory = site.worker_memory()
        served = sum(row["cached"][4] for row in rows.values())
    floor_after = floor_rate(url)
    floor = (floor_before + floor_after) / 2

    print(f"\n{kind}, {size:,} stories; floor {floor:,.0f} req/s ({floor_before:,.0f} before, {floor_after:,.0f} after)")
    moved = abs(floor_before - floor_after) / max(floor_before, floor_after)
    if moved > STEADY_FLOOR:
        print(f"WARNING: the floor moved {moved:.0%} during this run: the machine was busy, so these figures "
              "are not comparable; run again on an idle machine.")
    print(f"{'page':<22}{'queries':>8}{'uncached':>10}{'cached':>8}{'p50 ms':>8}{'p99 ms':>8}{'worst':>8}  status")
    for name, row in rows.items():
        status, count = queries[name]
        uncached, cached, one = row["uncached"], row["cached"], row["one"]
        worst = max(uncached[3], one[3])
        errors = uncached[5] + cached[5]
        print(f"{name:<22}{count:>8}{uncached[0] / floor:>9.3f}x{cached[0] / floor:>7.2f}x{one[1]:>8.1f}{one[2]:>8.1f}"
              f"{worst:>8.0f}  {status}{f', {errors} errors' if errors else ''}")
    deep_name = next(name for name in rows if name.startswith("home page"))
    home, deep = rows["home"]["one"][1], rows[deep_name]["one"][1]
    print(f"{deep_name} / page 1 (p50, one client): {deep / home:.2f}x")
    print(f"largest worker after {served:,} cached requests and the uncached runs: {memory:.0f} MiB")


def main():
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    OUT.mkdir(parents=True, exist_ok=True)
    sizes = [int(size) for size in os.environ.get("SIZES", "10000 100000 1000000").split()]
    subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT,
                   env=environment(f"sqlite:///{OUT / 'collect.sqlite3'}"), check=True)
    busy = os.getloadavg()[0]
    if busy > 0.5:
        print(f"WARNING: load average {busy:.1f} before starting: something else is running, and will move the figures.")
    print(f"{os.cpu_count()} cores; gunicorn with 2 workers, wrk with {CONNECTIONS} connections for {SECONDS} s per figure")
    print(TARGETS)
    for size in sizes:
        for kind in ("postgresql", "sqlite"):
            if kind == "sqlite" and size > SQLITE_LIMIT:
                continue
            bench(kind, size)


if __name__ == "__main__":
    main()
