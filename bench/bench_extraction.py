"""Stories per second for extraction alone, on 1,000 generated stories of the seed's size.

Run on demand: .venv/bin/python bench/bench_extraction.py
"""

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from articles.extraction import Gazetteer, extract  # noqa: E402

HOSTS = [("Pakistani", "President", "Arif Alvi"), ("Iranian", "Foreign Minister", "Hossein Amir-Abdollahian"),
         ("Brazilian", "President", "Luiz Inacio Lula da Silva"), ("Saudi", "Crown Prince", "Mohammed bin Salman"),
         ("Kenyan", "Prime Cabinet Secretary", "Musalia Mudavadi"), ("Vietnamese", "Prime Minister", "Pham Minh Chinh")]
GUESTS = [("Chinese", "State Councilor and Foreign Minister", "Qin Gang"), ("Chinese", "Vice Premier", "Ding Xuexiang"),
          ("Chinese", "Premier", "Li Qiang"), ("Chinese", "Vice President", "Han Zheng")]
CUES = ["said", "pointed out", "stressed", "noted", "emphasized", "expressed the hope"]
CLAUSES = [
    "{a} is ready to work with {b} to advance high-quality Belt and Road cooperation",
    "the friendship between {a} and {b} is rooted in the hearts of the two peoples",
    "{a} firmly supports {b} in safeguarding its sovereignty and territorial integrity",
    "the two sides should strengthen people-to-people and cultural exchanges",
    "{a} appreciates the support of {b} for the evacuation of its nationals from Sudan",
    "both countries should deepen cooperation in agriculture, connectivity and information technology",
]
COUNTRY = {"Pakistani": "Pakistan", "Iranian": "Iran", "Brazilian": "Brazil", "Saudi": "Saudi Arabia",
           "Kenyan": "Kenya", "Vietnamese": "Vietnam", "Chinese": "China"}


def surname(name):
    return name.split()[-1]


def story(rng):
    host, guest = rng.choice(HOSTS), rng.choice(GUESTS)
    a, b = COUNTRY[host[0]], COUNTRY[guest[0]]
    title = f"{host[0]} {host[1]} {host[2]} Meets with {guest[2]}"
    paragraphs = [f"On May {rng.randint(1, 28)}, {host[0]} {host[1]} {host[2]} met with visiting "
                  f"{guest[0]} {guest[1]} {guest[2]} in the capital."]
    for speaker, own, other in ((host, a, b), (guest, b, a), (host, a, b), (guest, b, a)):
        sentences = [f"{surname(speaker[2])} {rng.choice(CUES)} that {rng.choice(CLAUSES).format(a=own, b=other)}."]
        sentences += [f"He said {rng.choice(CLAUSES).format(a=own, b=other)}."]
        sentences += [f"{rng.choice(CLAUSES).format(a=own, b=other).capitalize()}." for _ in range(3)]
        sentences.append(f"Noting that {rng.choice(CLAUSES).format(a=own, b=other)}, {surname(speaker[2])} "
                         f"said \"{rng.choice(CLAUSES).format(a=own, b=other)}\".")
        paragraphs.append(" ".join(sentences))
    paragraphs.append("Both sides agreed to maintain close communication.")
    return title, paragraphs


def main():
    rng = random.Random(20230506)
    stories = [story(rng) for _ in range(1000)]
    size = sum(len(title) + sum(len(p) for p in paragraphs) for title, paragraphs in stories) / len(stories)
    gazetteer = Gazetteer.default()
    extract(*stories[0], gazetteer)  # warm up
    started = time.perf_counter()
    statements = sum(len(extract(title, paragraphs, gazetteer).statements) for title, paragraphs in stories)
    elapsed = time.perf_counter() - started
    print(f"{len(stories)} stories of {size:,.0f} characters on average, {statements} statements")
    print(f"{len(stories) / elapsed:,.0f} stories/s ({elapsed * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
