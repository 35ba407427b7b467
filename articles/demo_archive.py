"""A realistic archive generated at a real newsroom's size, for demonstrations and benchmarks.

Fifteen years of diplomatic news from sixty countries: sections, tags, people with dated
roles, stories of meetings, talks, calls and press conferences with five to twenty
confirmed statements each, some drafts, stories in review, withdrawn and scheduled ones.
The same seed gives the same archive.

Rows are written in bulk, a few thousand stories to a transaction: COPY on PostgreSQL,
executemany on SQLite. The reader listings (articles/listings.py) are written with them,
since the generator knows each story whole; the tallies and search documents are built at
the end, then the planner's statistics.
"""

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone as dt_timezone
from itertools import combinations

from contextlib import contextmanager

from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag

from . import bodies, listings, planner, search_index
from .bulk import RowWriter
from .tsvector import DocumentBuilder
from .models import (
    Article, ArticleStatus, Country, Listing, Person, Role, Section, Statement, StatementAbout,
    StatementKind, StatementReview, TaggedArticle, Tally, month_token,
)

FIRST_DAY = date(2012, 1, 1)
# Stories written per transaction: a few seconds of work, a few MB of rows.
CHUNK = 2000

SECTIONS = ["China News", "Embassy News", "Spokesperson's Remarks", "Bilateral Relations",
            "Multilateral Affairs", "Economy and Trade", "Culture and Education", "Consular Affairs"]

# (ISO code, adjective, capital, weight): how often a country appears, roughly as in a
# ministry's English archive.
COUNTRIES = [
    ("CN", "Chinese", "Beijing", 60), ("PK", "Pakistani", "Islamabad", 10), ("US", "American", "Washington", 12),
    ("RU", "Russian", "Moscow", 10), ("IN", "Indian", "New Delhi", 8), ("JP", "Japanese", "Tokyo", 7),
    ("KR", "Korean", "Seoul", 6), ("DE", "German", "Berlin", 6), ("FR", "French", "Paris", 6),
    ("GB", "British", "London", 6), ("IT", "Italian", "Rome", 4), ("ES", "Spanish", "Madrid", 3),
    ("BR", "Brazilian", "Brasilia", 4), ("AR", "Argentine", "Buenos Aires", 2), ("MX", "Mexican", "Mexico City", 3),
    ("CL", "Chilean", "Santiago", 2), ("PE", "Peruvian", "Lima", 2), ("CO", "Colombian", "Bogota", 2),
    ("ZA", "South African", "Pretoria", 4), ("NG", "Nigerian", "Abuja", 3), ("KE", "Kenyan", "Nairobi", 3),
    ("ET", "Ethiopian", "Addis Ababa", 3), ("EG", "Egyptian", "Cairo", 4), ("DZ", "Algerian", "Algiers", 2),
    ("MA", "Moroccan", "Rabat", 2), ("GH", "Ghanaian", "Accra", 2), ("TZ", "Tanzanian", "Dodoma", 2),
    ("SA", "Saudi", "Riyadh", 4), ("AE", "Emirati", "Abu Dhabi", 3), ("IR", "Iranian", "Tehran", 4),
    ("TR", "Turkish", "Ankara", 4), ("IL", "Israeli", "Jerusalem", 2), ("JO", "Jordanian", "Amman", 2),
    ("QA", "Qatari", "Doha", 2), ("IQ", "Iraqi", "Baghdad", 2), ("SY", "Syrian", "Damascus", 2),
    ("AF", "Afghan", "Kabul", 3), ("KZ", "Kazakh", "Astana", 3), ("UZ", "Uzbek", "Tashkent", 2),
    ("KG", "Kyrgyz", "Bishkek", 2), ("TJ", "Tajik", "Dushanbe", 2), ("MN", "Mongolian", "Ulaanbaatar", 2),
    ("VN", "Vietnamese", "Hanoi", 4), ("TH", "Thai", "Bangkok", 3), ("MY", "Malaysian", "Kuala Lumpur", 3),
    ("SG", "Singaporean", "Singapore", 3), ("ID", "Indonesian", "Jakarta", 4), ("PH", "Philippine", "Manila", 3),
    ("KH", "Cambodian", "Phnom Penh", 2), ("LA", "Lao", "Vientiane", 2), ("MM", "Myanmar", "Nay Pyi Taw", 2),
    ("BD", "Bangladeshi", "Dhaka", 2), ("LK", "Sri Lankan", "Colombo", 2), ("NP", "Nepali", "Kathmandu", 2),
    ("AU", "Australian", "Canberra", 3), ("NZ", "New Zealand", "Wellington", 2), ("CA", "Canadian", "Ottawa", 3),
    ("UA", "Ukrainian", "Kyiv", 3), ("PL", "Polish", "Warsaw", 2), ("RS", "Serbian", "Belgrade", 2),
]

# Given and family names by region, enough for thousands of distinct people.
NAMES = {
    "east_asia": (["Wei", "Jun", "Hao", "Lei", "Min", "Yan", "Ying", "Jie", "Tao", "Qiang", "Hua", "Ning",
                   "Takeshi", "Yoko", "Hiroshi", "Min-jun", "Seo-yeon", "Ji-ho", "Bat", "Oyun"],
                  ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Sun", "Ma",
                   "Tanaka", "Suzuki", "Kim", "Park", "Choi", "Lee", "Batbayar", "Erdene"]),
    "south_asia": (["Arif", "Imran", "Shehbaz", "Bilawal", "Asim", "Rajesh", "Subrahmanyam", "Narendra",
                    "Anura", "Sheikh", "Pushpa", "Kamal", "Hasan", "Ahmad", "Farida", "Priya"],
                   ["Alvi", "Khan", "Sharif", "Zardari", "Munir", "Jaishankar", "Modi", "Kumara", "Hasina",
                    "Dahal", "Rahman", "Ghani", "Ahmed", "Verma", "Siddiqui", "Qureshi"]),
    "middle_east": (["Mohammed", "Abdullah", "Faisal", "Hossein", "Abbas", "Ayman", "Nasser", "Badr",
                     "Tamim", "Hakan", "Recep", "Mevlut", "Khalid", "Yousef", "Omar", "Layla"],
                    ["bin Salman", "Al Saud", "Amir-Abdollahian", "Araghchi", "Safadi", "Bourita", "Abdelatty",
                     "Al Thani", "Fidan", "Erdogan", "Cavusoglu", "Al Nahyan", "Hussein", "Haddad", "Mansour", "Karimi"]),
    "europe": (["Olaf", "Annalena", "Emmanuel", "Catherine", "Antonio", "Giorgia", "Pedro", "Jose", "David",
                "Rishi", "Sergey", "Vladimir", "Maria", "Radoslaw", "Andrii", "Aleksandar"],
               ["Scholz", "Baerbock", "Macron", "Colonna", "Tajani", "Meloni", "Sanchez", "Albares", "Lammy",
                "Sunak", "Lavrov", "Putin", "Zakharova", "Sikorski", "Sybiha", "Vucic"]),
    "americas": (["Antony", "Joe", "Mauro", "Luiz", "Javier", "Diana", "Claudia", "Alicia", "Gabriel",
                  "Gustavo", "Melanie", "Justin", "Ricardo", "Lucia", "Andres", "Sofia"],
                 ["Blinken", "Biden", "Vieira", "Lula da Silva", "Milei", "Mondino", "Sheinbaum", "Barcena",
                  "Boric", "Petro", "Joly", "Trudeau", "Ortega", "Ramirez", "Herrera", "Castillo"]),
    "africa": (["Cyril", "Naledi", "Bola", "Yusuf", "William", "Musalia", "Abiy", "Gedion", "Ahmed",
                "Samia", "Nana", "Kwame", "Grace", "Amina", "Tedros", "Ngozi"],
               ["Ramaphosa", "Pandor", "Tinubu", "Tuggar", "Ruto", "Mudavadi", "Ahmed", "Timothewos", "Attaf",
                "Hassan", "Akufo-Addo", "Mensah", "Okafor", "Mohammed", "Kebede", "Nkosi"]),
    "oceania": (["Penny", "Anthony", "Winston", "Chris", "Nanaia", "Richard", "Jacinda", "Mark"],
                ["Wong", "Albanese", "Peters", "Luxon", "Mahuta", "Marles", "Ardern", "Dreyfus"]),
}
REGION = {
    **dict.fromkeys(["CN", "JP", "KR", "MN", "VN", "TH", "MY", "SG", "ID", "PH", "KH", "LA", "MM"], "east_asia"),
    **dict.fromkeys(["PK", "IN", "BD", "LK", "NP", "AF", "KZ", "UZ", "KG", "TJ"], "south_asia"),
    **dict.fromkeys(["SA", "AE", "IR", "TR", "IL", "JO", "QA", "IQ", "SY", "EG", "DZ", "MA"], "middle_east"),
    **dict.fromkeys(["DE", "FR", "GB", "IT", "ES", "RU", "UA", "PL", "RS"], "europe"),
    **dict.fromkeys(["US", "BR", "AR", "MX", "CL", "PE", "CO", "CA"], "americas"),
    **dict.fromkeys(["ZA", "NG", "KE", "ET", "GH", "TZ"], "africa"),
    **dict.fromkeys(["AU", "NZ"], "oceania"),
}
OFFICES = ["President", "Prime Minister", "Foreign Minister", "Vice Foreign Minister", "Ambassador",
           "Minister of Commerce", "Spokesperson", "Vice President", "Minister of Defence", "Speaker of Parliament"]
PEOPLE_PER_COUNTRY = 80

TOPICS = [
    "Belt and Road", "trade", "investment", "agriculture", "connectivity", "information technology",
    "climate change", "green development", "energy", "infrastructure", "public health", "vaccines",
    "education", "culture", "tourism", "people-to-people exchanges", "poverty reduction", "digital economy",
    "artificial intelligence", "space cooperation", "maritime cooperation", "counter-terrorism",
    "law enforcement", "disaster relief", "food security", "water resources", "railways", "ports",
    "e-commerce", "finance", "customs", "youth exchanges", "think tanks", "media cooperation",
    "sports", "science and technology", "renewable energy", "nuclear energy", "mining", "fisheries",
    "textiles", "automobiles", "aviation", "satellite navigation", "telecommunications", "healthcare",
    "traditional medicine", "archaeology", "film", "language teaching", "scholarships", "consular protection",
    "visa facilitation", "peacekeeping", "arms control", "non-proliferation", "human rights", "global governance",
    "multilateralism", "regional security", "the Korean Peninsula", "the Middle East", "Ukraine", "Afghanistan",
    "Gaza", "the South China Sea", "the Arctic", "Antarctica", "the United Nations", "BRICS", "the G20",
    "the SCO", "ASEAN", "the African Union", "the WTO", "APEC", "COP climate talks", "the Global Development Initiative",
    "the Global Security Initiative", "the Global Civilization Initiative", "industrial parks", "free trade agreements",
]
CUES = ["said", "said", "said", "pointed out", "stressed", "noted", "emphasized", "expressed the hope",
        "stated", "added", "underlined", "reiterated"]
CLAUSES = [
    "{a} is ready to work with {b} to deepen cooperation in {topic}",
    "the friendship between {a} and {b} is rooted in the hearts of the two peoples",
    "{a} firmly supports {b} in safeguarding its sovereignty and territorial integrity",
    "the two sides should strengthen people-to-people and cultural exchanges",
    "{a} appreciates the support of {b} on issues concerning its core interests",
    "both countries should expand practical cooperation in {topic} and {topic2}",
    "{a} welcomes more {b_adj} companies to invest in {a}",
    "{a} stands ready to enhance communication and coordination with {b} on {topic}",
    "the relationship between {a} and {b} has maintained sound and steady growth",
    "{a} is willing to share its experience in {topic} with {b}",
    "the two countries are good friends, good partners and good brothers",
    "{a} will continue to provide assistance to {b} within its capacity",
    "{a} values its relations with {b} and regards {b} as an important partner",
    "the two sides should jointly uphold multilateralism and the international order",
    "{a} supports {b} in playing a greater role in international and regional affairs",
    "cooperation in {topic} has delivered tangible benefits to the two peoples",
    "{a} hopes to align development strategies with {b} and tap the potential in {topic}",
    "{a} is committed to resolving differences through dialogue and consultation",
    "the visit will inject new impetus into the relations between {a} and {b}",
    "{a} looks forward to working with {b} to make the upcoming summit a success",
]
FILLERS = [
    "The two sides exchanged in-depth views on bilateral relations and international and regional issues of common concern.",
    "Both sides agreed to maintain close communication at all levels.",
    "Officials of the relevant departments of both countries were present.",
    "After the talks, the two sides signed a number of cooperation documents.",
    "The meeting was held in a cordial and friendly atmosphere.",
]


@dataclass
class Counts:
    stories: int = 0
    statements: int = 0
    people: int = 0
    extra: dict = field(default_factory=dict)


class Ids:
    """The next free primary key of each table, so rows can be written with their keys."""

    def __init__(self):
        self.next = {}

    def take(self, model, count=1):
        if model not in self.next:
            last = model.objects.aggregate(last=models.Max("pk"))["last"] or 0
            self.next[model] = last + 1
        first = self.next[model]
        self.next[model] += count
        return first


class ArchiveGenerator:
    """Stories, and what they need, from one random seed."""

    def __init__(self, seed, *, now=None):
        self.random = random.Random(seed)
        self.now = now or timezone.now()
        self.ids = Ids()
        self.writer = RowWriter()
        self.countries = {country.code: country for country in Country.objects.filter(code__in=[c[0] for c in COUNTRIES])}
        self.active = [entry for entry in COUNTRIES if entry[0] in self.countries]
        self.weights = [entry[3] for entry in self.active]
        self.adjective = {code: adjective for code, adjective, _, _ in self.active}
        self.capital = {code: capital for code, _, capital, _ in self.active}
        # (kind, key, month): [stories, statements, last modified], as Tally rows hold them.
        self.tallies = defaultdict(lambda: [0, 0, None])
        self.documents = DocumentBuilder() if connection.vendor == "postgresql" else None

    # What the stories are filed under, tagged with and who speaks in them.

    def prepare(self):
        self.sections = [self.section(name) for name in SECTIONS]
        self.tags = self.make_tags()
        self.people = self.make_people()

    def section(self, name):
        section, _ = Section.objects.get_or_create(slug=slugify(name), defaults={"name": name})
        return section.pk

    def make_tags(self):
        wanted = {slugify(topic): topic for topic in TOPICS}
        existing = dict(Tag.objects.filter(slug__in=wanted).values_list("slug", "pk"))
        first = self.ids.take(Tag, len(wanted))
        rows = [
            {"id": first + number, "name": wanted[slug], "slug": slug}
            for number, slug in enumerate(sorted(set(wanted) - set(existing)))
        ]
        self.writer.write(Tag, rows)
        existing.update({row["slug"]: row["id"] for row in rows})
        return [(wanted[slug], pk) for slug, pk in sorted(existing.items())]

    def make_people(self):
        """{country code: [(person pk, name, [(office, start, end)])]}, roles dated across the years."""
        taken = set(Person.objects.values_list("slug", flat=True))
        people, person_rows, role_rows = {}, [], []
        self.person_names = {}
        first = self.ids.take(Person, PEOPLE_PER_COUNTRY * len(self.active))
        role_id = self.ids.take(Role, PEOPLE_PER_COUNTRY * len(self.active) * 3)
        for number, (code, _, _, _) in enumerate(p for p in self.active for _ in range(PEOPLE_PER_COUNTRY)):
            given, family = NAMES[REGION[code]]
            name = f"{self.random.choice(given)} {self.random.choice(family)}"
            pk = first + number
            slug = free = slugify(name)
            suffix = 2
            while free in taken:
                free, suffix = f"{slug}-{suffix}", suffix + 1
            taken.add(free)
            roles, start = [], FIRST_DAY + timedelta(days=self.random.randrange(0, 3000))
            for _ in range(self.random.randint(1, 3)):
                end = start + timedelta(days=self.random.randrange(700, 2200))
                office = self.random.choice(OFFICES)
                roles.append((office, start, None if end > self.now.date() else end))
                role_rows.append({"id": role_id, "person_id": pk, "title": office, "country_id": self.countries[code].pk,
                                  "start_date": start, "end_date": roles[-1][2]})
                role_id += 1
                start = end + timedelta(days=1)
                if start > self.now.date():
                    break
            person_rows.append({"id": pk, "name": name, "slug": free, "country_id": self.countries[code].pk})
            self.person_names[pk] = name
            people.setdefault(code, []).append((pk, name, roles))
        self.writer.write(Person, person_rows)
        self.writer.write(Role, role_rows)
        return people

    # The stories.

    def publication_times(self, count):
        """`count` publication times from FIRST_DAY to now, more in later years, in order."""
        start = datetime.combine(FIRST_DAY, datetime.min.time(), tzinfo=dt_timezone.utc)
        span = (self.now - start).total_seconds()
        # Archives grow: the square root spreads stories so that later years hold more.
        times = sorted(start + timedelta(seconds=span * self.random.random() ** 0.8) for _ in range(count))
        return [moment.replace(microsecond=0) for moment in times]

    def status(self):
        roll = self.random.random()
        if roll < 0.02:
            return ArticleStatus.DRAFT
        if roll < 0.03:
            return ArticleStatus.IN_REVIEW
        if roll < 0.04:
            return ArticleStatus.WITHDRAWN
        return ArticleStatus.PUBLISHED

    def speaker(self, code, day):
        """Someone of that country, with the office they held on `day` when they held one."""
        pk, name, roles = self.random.choice(self.people[code])
        office = next((office for office, start, end in roles if start <= day and (end is None or day <= end)), "")
        return pk, name, office or roles[-1][0]

    def story(self, article_id, published_at, status, taken_slugs):
        random_ = self.random
        day = timezone.localdate(published_at)
        host, guest = random_.choices(self.active, weights=self.weights, k=2)
        if host[0] == guest[0]:
            guest = self.active[0] if host[0] != self.active[0][0] else self.active[1]
        a, b = host[0], guest[0]
        first, second = self.speaker(a, day), self.speaker(b, day)
        topics = random_.sample(self.tags, random_.randint(1, 4))
        topic_names = [name for name, _ in topics]
        kind = random_.random()
        if kind < 0.55:
            title = f"{self.adjective[a]} {first[2]} {first[1]} Meets with {second[1]}"
            opening = (f"On {day:%B} {day.day}, {day.year}, {self.adjective[a]} {first[2]} {first[1]} met with visiting "
                       f"{self.adjective[b]} {second[2]} {second[1]} in {self.capital[a]}.")
        elif kind < 0.8:
            title = f"{first[1]} Holds Talks with {self.adjective[b]} {second[2]} {second[1]} on {topic_names[0].capitalize()}"
            opening = (f"On {day:%B} {day.day}, {first[2]} {first[1]} held talks with {self.adjective[b]} {second[2]} "
                       f"{second[1]} in {self.capital[a]} on {topic_names[0]}.")
        else:
            title = f"{first[1]} Holds Phone Call with {second[1]}"
            opening = (f"On {day:%B} {day.day}, {self.adjective[a]} {first[2]} {first[1]} held a phone call with "
                       f"{self.adjective[b]} {second[2]} {second[1]}.")

        paragraphs, statements = [opening], []
        offset = len(opening) + 2
        speakers = [(first, a, b), (second, b, a)]
        wanted = random_.randint(5, 20)
        while len(statements) < wanted:
            sentences = []
            for _ in range(random_.randint(2, 4)):
                speaker, own, other = speakers[len(statements) % 2] if random_.random() < 0.8 else random_.choice(speakers)
                clause = random_.choice(CLAUSES).format(
                    a=self.countries[own].name, b=self.countries[other].name, b_adj=self.adjective[other],
                    topic=random_.choice(topic_names), topic2=random_.choice(TOPICS),
                )
                cue = random_.choice(CUES)
                surname = speaker[1].split(" ", 1)[-1]
                direct = random_.random() < 0.15
                lead = f"{surname} {cue}: \u201c" if direct else f"{surname} {cue} that "
                text = clause[0].upper() + clause[1:] if direct else clause
                start = offset + sum(len(s) + 1 for s in sentences) + len(lead)
                sentences.append(f"{lead}{text}.\u201d" if direct else f"{lead}{text}.")
                statements.append({
                    "speaker_id": speaker[0], "speaker_title": speaker[2], "cue": cue, "text": text,
                    "kind": StatementKind.DIRECT if direct else StatementKind.INDIRECT,
                    "paragraph": len(paragraphs) + 1, "start": start, "end": start + len(text),
                    "about": [self.countries[other].pk] + ([self.countries[own].pk] if random_.random() < 0.2 else []),
                    "speaker_country": self.countries[own].pk,
                })
                if len(statements) == wanted:
                    break
            if random_.random() < 0.3:
                sentences.append(random_.choice(FILLERS))
            paragraph = " ".join(sentences)
            paragraphs.append(paragraph)
            offset += len(paragraph) + 2
        paragraphs.append(random_.choice(FILLERS))

        slug = free = slugify(title)[:190]
        suffix = 2
        while (day, free) in taken_slugs:
            free, suffix = f"{slug}-{suffix}", suffix + 1
        taken_slugs.add((day, free))
        body = "\n\n".join(paragraphs)
        article = {
            "id": article_id, "title": title, "slug": free, "section_id": random_.choice(self.sections),
            "body": body, "body_html": bodies.from_text(body), "dateline": self.capital[a], "published_at": published_at,
            "published_on": day, "status": status, "version": 1, "created_at": published_at,
            "updated_at": published_at,
        }
        return article, statements, [first[0], second[0]], [self.countries[a].pk, self.countries[b].pk], topics

    def write_chunk(self, times, taken_slugs):
        """Write the stories published at `times`, with everything that belongs to them."""
        count = len(times)
        article_id = self.ids.take(Article, count)
        stories = [
            # A story dated in the future was published by an editor for later: it is scheduled.
            self.story(article_id + number, moment, ArticleStatus.PUBLISHED if moment > self.now else self.status(),
                       taken_slugs)
            for number, moment in enumerate(times)
        ]
        statement_total = sum(len(story[1]) for story in stories)
        statement_id = self.ids.take(Statement, statement_total)
        rows = {model: [] for model in (Article, Statement, Statement.countries.through, Article.people.through,
                                        Article.countries.through, TaggedArticle, Listing, StatementAbout)}
        for article, statements, people, countries, topics in stories:
            rows[Article].append(article)
            public_from = article["published_at"] if article["status"] == ArticleStatus.PUBLISHED else None
            pk = article["id"]
            spoken, about_countries = set(), set()
            for position, statement in enumerate(statements, start=1):
                about = statement.pop("about")
                speaker_country = statement["speaker_country"]
                rows[Statement].append({**statement, "id": statement_id, "article_id": pk, "position": position,
                                        "review": StatementReview.CONFIRMED, "public_from": public_from,
                                        "speaker_country_id": speaker_country})
                for country in about:
                    rows[Statement.countries.through].append({"statement_id": statement_id, "country_id": country})
                    if public_from:
                        rows[StatementAbout].append({"statement_id": statement_id, "country_id": country,
                                                     "public_from": public_from,
                                                     "speaker_country_id": speaker_country})
                    if country != speaker_country:
                        spoken.add(listings.relation_key(speaker_country, country))
                    about_countries.add(country)
                statement_id += 1
            story_countries = sorted(set(countries) | about_countries)
            for person in people:
                rows[Article.people.through].append({"article_id": pk, "person_id": person})
            for country in story_countries:
                rows[Article.countries.through].append({"article_id": pk, "country_id": country})
            for _, tag in topics:
                rows[TaggedArticle].append({"content_object_id": pk, "tag_id": tag})
            if public_from:
                lines = {(Listing.Kind.SECTION, str(article["section_id"]))}
                lines |= {(Listing.Kind.TAG, str(tag)) for _, tag in topics}
                lines |= {(Listing.Kind.PERSON, str(person)) for person in people}
                lines |= {(Listing.Kind.COUNTRY, str(country)) for country in story_countries}
                lines |= {(Listing.Kind.RELATION, listings.relation_key(*pair)) for pair in combinations(story_countries, 2)}
                lines |= {(Listing.Kind.RELATION, key) for key in spoken}
                rows[Listing] += [
                    {"kind": kind, "key": key, "article_id": pk, "public_from": public_from} for kind, key in lines
                ]
        self.add_search_documents(rows[Article], rows[Statement], stories)
        for model, model_rows in rows.items():
            if model is not Article and model is not Statement:
                first = self.ids.take(model, len(model_rows))
                for number, row in enumerate(model_rows):
                    row["id"] = first + number
        self.count(rows)
        with transaction.atomic():
            for model, model_rows in rows.items():
                self.writer.write(model, model_rows)
        return count, statement_total

    def add_search_documents(self, articles, statements, stories):
        """Each story's search document, as search_index.refresh_documents() builds it."""
        said = defaultdict(list)
        for statement in statements:  # in order of position
            said[statement["article_id"]].append(statement["text"])
        parts = []
        for article, (_, _, people, _, _) in zip(articles, stories):
            names = " ".join(sorted(self.person_names[person] for person in people))
            parts.append((
                (article["title"], "A"),
                (f" {names}", "B"),
                (f"{article['body']} {' '.join(said[article['id']])}", "C"),
                (month_token(article["published_on"]), "D"),
            ))
        if self.documents is not None:
            self.documents.learn(text for story in parts for text, _ in story)
            for article, story in zip(articles, parts):
                article["search_vector"] = self.documents.document(story)
        else:
            # SQLite's index holds the same three parts (search_index.refresh_documents).
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {search_index.FTS_TABLE} (rowid, title, summary, body) VALUES (%s, %s, %s, %s)",
                    [(article["id"], *(text for text, _ in story[:3])) for article, story in zip(articles, parts)],
                )

    def count(self, rows):
        """Add the chunk's published stories to the tallies, as listings.recount() counts them."""
        stories = {row["id"]: row for row in rows[Article] if row["status"] == ArticleStatus.PUBLISHED}
        months = {pk: listings.month_of(row["published_on"]) for pk, row in stories.items()}
        tally = self.tallies
        for pk, row in stories.items():
            entry = tally[(Tally.ALL, "", months[pk])]
            entry[0] += 1
            entry[2] = max(entry[2], row["updated_at"]) if entry[2] else row["updated_at"]
        for line in rows[Listing]:
            tally[(line["kind"], line["key"], months[line["article_id"]])][0] += 1
        article_of = {}
        for statement in rows[Statement]:
            if statement["public_from"] is None:
                continue
            month = months[statement["article_id"]]
            article_of[statement["id"]] = statement["article_id"]
            tally[(Tally.ALL, "", month)][1] += 1
            tally[(Listing.Kind.PERSON, str(statement["speaker_id"]), month)][1] += 1
        for about in rows[StatementAbout]:
            month = months[article_of[about["statement_id"]]]
            tally[(Listing.Kind.COUNTRY, str(about["country_id"]), month)][1] += 1
            speaker = about["speaker_country_id"]
            if speaker != about["country_id"]:
                tally[(Listing.Kind.RELATION, listings.relation_key(speaker, about["country_id"]), month)][1] += 1

    def write_tallies(self):
        """Write the tallies, added to those of stories already in the same months."""
        months = {month for _, _, month in self.tallies}
        earlier = Tally.objects.filter(month__in=months).values_list(
            "kind", "key", "month", "stories", "statements", "last_modified"
        )
        for kind, key, month, stories, statements, last_modified in earlier.iterator():
            if kind == Listing.Kind.RELATION and listings.relation_key(*map(int, key.split("-"))) != key:
                continue  # the mirror, written again below
            entry = self.tallies[(kind, key, month)]
            entry[0] += stories
            entry[1] += statements
            if last_modified:
                entry[2] = max(entry[2], last_modified) if entry[2] else last_modified
        rows = []
        for (kind, key, month), (stories, statements, last_modified) in self.tallies.items():
            rows.append({"kind": kind, "key": key, "month": month, "stories": stories,
                         "statements": statements, "last_modified": last_modified})
            if kind == Listing.Kind.RELATION:
                low, high = key.split("-")
                rows.append({**rows[-1], "key": f"{high}-{low}", "last_modified": None})
        first = self.ids.take(Tally, len(rows))
        for number, row in enumerate(rows):
            row["id"] = first + number
        Tally.objects.filter(month__in=months).delete()
        self.writer.write(Tally, rows)
        listings.refill_first_months()


def generate(articles, *, seed=1, progress=None, now=None):
    """Add `articles` generated stories (and their people, tags and sections) to the newsroom,
    with everything readers' pages are read from: listings, tallies, search documents."""
    generator = ArchiveGenerator(seed, now=now)
    with transaction.atomic():
        generator.prepare()
    times = generator.publication_times(articles)
    # Some stories published near the end are scheduled for the coming days instead.
    scheduled = max(1, articles // 5000)
    times[-scheduled:] = sorted(generator.now + timedelta(hours=generator.random.randint(1, 240)) for _ in range(scheduled))
    taken_slugs = set(Article.objects.filter(published_on__gte=FIRST_DAY).values_list("published_on", "slug"))
    counts = Counts(people=sum(len(people) for people in generator.people.values()))
    # Filling tables is quicker without their indexes and foreign keys, built once at the end.
    with bulk_load(BULK_TABLES if articles >= BULK_LOAD_THRESHOLD else [], progress):
        for start in range(0, articles, CHUNK):
            stories, statements = generator.write_chunk(times[start:start + CHUNK], taken_slugs)
            counts.stories += stories
            counts.statements += statements
            if progress:
                progress("stories", counts.stories, articles)
        generator.write_tallies()
    reset_sequences()
    planner.update_statistics(vacuum=True)
    return counts


# The tables a generated archive fills, and from what size it pays to drop their indexes and
# foreign keys while filling them and build them again after (PostgreSQL's own advice for
# populating a database), rather than update them row by row.
BULK_TABLES = [Article, Statement, Statement.countries.through, Article.people.through,
               Article.countries.through, TaggedArticle, Listing, StatementAbout]
BULK_LOAD_THRESHOLD = 20_000


@contextmanager
def bulk_load(models, progress=None):
    """Without the secondary indexes, unique and foreign-key constraints of these models' tables
    while the block runs (PostgreSQL); they are all built again afterwards, whatever happens."""
    if connection.vendor != "postgresql" or not models:
        yield
        return
    tables = [model._meta.db_table for model in models]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid), contype FROM pg_constraint "
            "WHERE conrelid = ANY(%s::regclass[]) AND contype IN ('f', 'u') ORDER BY contype",
            [tables],
        )
        constraints = cursor.fetchall()
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ANY(%s) "
            "AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype IN ('p', 'u'))",
            [tables],
        )
        indexes = cursor.fetchall()
        for table, name, _, kind in sorted(constraints, key=lambda constraint: constraint[3]):  # foreign keys first
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {connection.ops.quote_name(name)}")
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
    try:
        yield
    finally:
        if progress:
            progress("indexes", 0, len(indexes) + len(constraints))
        with connection.cursor() as cursor:
            cursor.execute("SET maintenance_work_mem = '512MB'")
            for number, (_, definition) in enumerate(indexes, start=1):
                cursor.execute(definition)
                if progress:
                    progress("indexes", number, len(indexes) + len(constraints))
            # Unique constraints first: foreign keys may rely on them.
            for number, (table, name, definition, _) in enumerate(
                sorted(constraints, key=lambda constraint: constraint[3], reverse=True), start=len(indexes) + 1
            ):
                cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {connection.ops.quote_name(name)} {definition}")
                if progress:
                    progress("indexes", number, len(indexes) + len(constraints))
            cursor.execute("RESET maintenance_work_mem")


def reset_sequences():
    """PostgreSQL hands out keys from sequences, which rows written with their keys leave behind."""
    if connection.vendor != "postgresql":
        return
    from django.core.management.color import no_style

    tables = [Article, Statement, Person, Role, Tag, TaggedArticle, Listing, StatementAbout, Tally,
              Statement.countries.through, Article.people.through, Article.countries.through]
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), tables):
            cursor.execute(sql)
