"""Scale and accuracy of story clustering (``build_stories``) on synthetic corpora.

A generator writes annotated Articles the way the pipeline would leave them:
events between actors drawn from a pool of a few hundred (persons,
organizations and countries with knowledge-base ids), dated over two years,
each reported by one to eight outlets in their own words, with annotation
noise (a missing second actor, a wrong event type, no main event, an event
date that is only the publication date, an undated article) and a share of
near-copies (one wire text republished by several sites). Some actor pairs
meet again and again, so the same leaders appear in many different events.
The texts are built from Arabic templates and filler sentences written for
this benchmark; the actors are invented, only the countries are real.

Each size runs in its own process, so its peak memory (``ru_maxrss``) is its
own. Reported per size: generation time, ``build_stories`` time, peak resident
memory before and after clustering, stories, and B-cubed precision/recall/F1
against the generator's truth (article -> event). The growth exponent is the
slope of log(time) against log(n) (least squares); below 2 is sub-quadratic.

    python benchmarks/bench_stories.py                      # 1k, 10k, 30k, 100k
    python benchmarks/bench_stories.py --sizes 1000 10000
    python benchmarks/bench_stories.py --profile 10000      # cProfile, top functions
    python benchmarks/bench_stories.py --embeddings use-multilingual e5-small

``--embeddings`` is the experiment behind the optional encoders
(``marsad.stories.embeddings``): on the demo corpus and on the seeds (where
``shared/seeds`` is beside the repo) it clusters the pipeline's annotations with
the default rules, with the cosine of the articles' vectors blended into the pair
score, and with type/mode conflicts forgiven between texts whose cosine reaches a
threshold, and prints B-cubed scores for each. It needs the encoders' packages.
"""

from __future__ import annotations

import argparse
import cProfile
import copy
import importlib
import json
import math
import pstats
import random
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from marsad.evaluate import bcubed
from marsad.model import Actor, Article, DateMention, Entity, Event
from marsad.stories import build_stories

# --- what the synthetic world is made of --------------------------------------------------------

# Real countries (Arabic name, ISO 3166-1 alpha-3).
COUNTRIES = [
    ("مصر", "EGY"), ("السعودية", "SAU"), ("الأردن", "JOR"), ("سوريا", "SYR"), ("لبنان", "LBN"),
    ("العراق", "IRQ"), ("الكويت", "KWT"), ("قطر", "QAT"), ("البحرين", "BHR"), ("الإمارات", "ARE"),
    ("عمان", "OMN"), ("اليمن", "YEM"), ("ليبيا", "LBY"), ("تونس", "TUN"), ("الجزائر", "DZA"),
    ("المغرب", "MAR"), ("السودان", "SDN"), ("موريتانيا", "MRT"), ("تركيا", "TUR"), ("إيران", "IRN"),
    ("روسيا", "RUS"), ("الصين", "CHN"), ("فرنسا", "FRA"), ("ألمانيا", "DEU"), ("بريطانيا", "GBR"),
    ("إيطاليا", "ITA"), ("إسبانيا", "ESP"), ("اليابان", "JPN"), ("الهند", "IND"), ("باكستان", "PAK"),
    ("البرازيل", "BRA"), ("كندا", "CAN"), ("أستراليا", "AUS"), ("إندونيسيا", "IDN"), ("ماليزيا", "MYS"),
    ("نيجيريا", "NGA"), ("إثيوبيا", "ETH"), ("كينيا", "KEN"), ("أوكرانيا", "UKR"), ("اليونان", "GRC"),
]
# Invented people: first and family names combine into distinct persons.
FIRST_NAMES = ["سامي", "خالد", "يوسف", "منير", "طارق", "نبيل", "عادل", "هشام", "كريم", "وليد",
               "فؤاد", "رامي", "زياد", "جمال", "ماهر", "بسام", "عماد", "حسان", "نزار", "مروان"]
FAMILY_NAMES = ["الحداد", "النجار", "العطار", "الخطيب", "الشامي", "البيطار", "السعدي", "الرفاعي",
                "القاسمي", "الزين", "المصري", "الحلبي", "التميمي", "العلوي", "الكبيسي", "الدباغ"]
ROLES = ["الرئيس", "رئيس الوزراء", "وزير الخارجية", "وزير الدفاع", "وزير الاقتصاد", "رئيس البرلمان"]
# Invented organizations.
ORG_KINDS = ["حركة", "منظمة", "هيئة", "جبهة", "مجلس", "اتحاد"]
ORG_NAMES = ["النهضة", "الوفاق", "التضامن", "الأمل", "الإصلاح", "الفجر", "السلام", "الكرامة",
             "الوحدة", "البناء"]

# (PLOVER type, mode, Arabic lead templates). {a} and {b} are the actors, {d} the date phrase.
EVENT_KINDS = [
    ("CONSULT", "phone", ["أجرى {a} اتصالا هاتفيا مع {b} {d}",
                          "بحث {a} و{b} في مكالمة هاتفية {d} ملفات التعاون"]),
    ("CONSULT", "meeting", ["التقى {a} {b} {d} وعقدا جلسة مباحثات",
                            "عقد {a} و{b} اجتماعا {d} تناول القضايا المشتركة"]),
    ("CONSULT", "visit", ["وصل {a} إلى عاصمة {b} {d} في زيارة رسمية",
                          "استقبل {b} {d} {a} في زيارة تستمر يومين"]),
    ("CONSULT", "message", ["بعث {a} برسالة خطية إلى {b} {d}",
                            "تلقى {b} رسالة من {a} {d} تتعلق بالعلاقات"]),
    ("AGREE", "sign", ["وقع {a} و{b} {d} اتفاقية للتعاون",
                       "أبرم {a} مع {b} {d} مذكرة تفاهم جديدة"]),
    ("SANCTION", "impose", ["فرض {a} عقوبات جديدة على {b} {d}",
                            "أعلن {a} {d} حزمة عقوبات تستهدف {b}"]),
    ("SANCTION", "lift", ["رفع {a} العقوبات المفروضة على {b} {d}",
                          "قرر {a} {d} إلغاء القيود الاقتصادية على {b}"]),
    ("ASSAULT", "airstrike", ["شن {a} غارات جوية على مواقع {b} {d}",
                              "استهدفت طائرات {a} {d} مواقع تابعة لـ{b}"]),
    ("ACCUSE", "statement", ["اتهم {a} {b} {d} بتقويض الاستقرار",
                             "حمل {a} {b} {d} مسؤولية التصعيد"]),
    ("AID", "economic", ["أعلن {a} {d} تقديم مساعدات اقتصادية إلى {b}",
                         "قدم {a} {d} دعما ماليا لـ{b}"]),
]
# Filler words for the body: each event gets its own sentences of these, which its reports
# share in part (every outlet drops and reorders some words), plus unrelated filler.
VOCAB = """الاستقرار الإقليمي التعاون الاقتصادي الأمن الحدود الطاقة الغاز النفط الاستثمار الموانئ
المياه الزراعة الصحة التعليم اللاجئين المساعدات الإنسانية إعادة الإعمار الديون البنك الصندوق
القروض التجارة الصادرات الواردات الجمارك الرسوم المصانع العمال النقابات الشباب الانتخابات
البرلمان الدستور الحكومة المعارضة الأحزاب القضاء المحكمة الشرطة الجيش الحرس القوات القواعد
الطائرات السفن الصواريخ الدفاع الجوي الحوار الوساطة المبادرة الهدنة الأسرى المعتقلين المفاوضات
الجولة المقبلة اللجنة المشتركة الخبراء الوفد الفني الملفات العالقة الخلافات الثنائية المواقف
المتقاربة التنسيق المستمر الشراكة الاستراتيجية السوق المحلية الأسعار التضخم العملة الاحتياطي
المركزي الكهرباء الشبكة الطرق السكك المطار الميناء السياحة الفنادق الثقافة التراث المتحف
الإعلام الصحافة البيان الرسمي المتحدث الناطق المصادر المطلعة الأوساط السياسية المراقبون
الأزمة التصعيد التهدئة الضمانات الالتزامات الجدول الزمني المرحلة الأولى الثانية التنفيذ
المتابعة الدعم الكامل الرفض القاطع الترحيب الحذر القلق البالغ الإدانة الشديدة""".split()
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
          "أكتوبر", "نوفمبر", "ديسمبر"]
START = date(2024, 1, 1)
DAYS = 730


def _actor_pool(rng: random.Random, persons: int = 220, orgs: int = 40) -> list[tuple[Actor, str]]:
    """(actor, the Arabic name used in texts) for countries, invented persons and organizations."""
    pool = [(Actor(name_ar=ar, country=iso, kind="GPE", kb_id=iso), ar) for ar, iso in COUNTRIES]
    names = [(f, l) for f in FIRST_NAMES for l in FAMILY_NAMES]
    rng.shuffle(names)
    for n, (first, last) in enumerate(names[:persons]):
        ar_name, iso = rng.choice(COUNTRIES)
        role = rng.choice(ROLES)
        pool.append((Actor(name_en=f"Person {n}", name_ar=f"{first} {last}", country=iso, role=role,
                           kind="PERSON", kb_id=f"syn_person_{n:04d}"),
                     f"{role} {first} {last}"))
    for n in range(orgs):
        name = f"{ORG_KINDS[n % len(ORG_KINDS)]} {ORG_NAMES[n % len(ORG_NAMES)]} {n // 10 + 1}"
        pool.append((Actor(name_en=f"Organization {n}", name_ar=name, kind="ORG",
                           kb_id=f"syn_org_{n:03d}"), name))
    return pool


def _date_phrase(day: date) -> str:
    return f"في {day.day} {MONTHS[day.month - 1]} {day.year}"


def _sentence(rng: random.Random, words: int) -> list[str]:
    return [rng.choice(VOCAB) for _ in range(words)]


def _retell(rng: random.Random, words: list[str]) -> str:
    """One outlet's wording of a shared sentence: some words dropped, a pair swapped."""
    kept = [w for w in words if rng.random() > 0.2]
    if len(kept) > 3 and rng.random() < 0.5:
        i = rng.randrange(len(kept) - 1)
        kept[i], kept[i + 1] = kept[i + 1], kept[i]
    return " ".join(kept)


def generate(n_articles: int, seed: int = 1,
             extra_actors: list[tuple[Actor, str]] = ()) -> tuple[list[Article], dict[str, str]]:
    """``n_articles`` annotated articles and the truth: article id -> event id."""
    rng = random.Random(seed)
    articles: list[Article] = []
    truth: dict[str, str] = {}
    for art, eid in reports(n_articles, rng, extra_actors):
        articles.append(art)
        truth[art.id] = eid
    rng.shuffle(articles)
    return articles, truth


def reports(n_articles: int, rng: random.Random, extra_actors: list[tuple[Actor, str]] = (), *,
            id_prefix: str = "a") -> Iterator[tuple[Article, str]]:
    """The articles of ``generate`` one at a time, in the order they are written (the
    reports of one event one after the other), each with its event id: what
    ``generate`` collects, and what a benchmark that needs more articles than fit in
    memory saves batch by batch. ``extra_actors`` ((actor, Arabic name) pairs, say the
    actors of real annotated articles) join the pool; ``id_prefix`` keeps the ids of
    several calls apart."""
    pool = _actor_pool(rng) + list(extra_actors)
    outlets = [f"outlet{n:02d}.example" for n in range(60)]
    # A quarter of events reuse a pair from a small set of recurring pairs.
    recurring = [tuple(rng.sample(range(len(pool)), 2)) for _ in range(max(5, n_articles // 60))]
    written = 0
    previous: tuple[Article, str] | None = None
    ev_no = 0
    while written < n_articles:
        ev_no += 1
        eid = f"ev{ev_no:06d}"
        i, j = rng.choice(recurring) if rng.random() < 0.25 else rng.sample(range(len(pool)), 2)
        (a1, a1_ar), (a2, a2_ar) = pool[i], pool[j]
        etype, mode, templates = rng.choice(EVENT_KINDS)
        day = START + timedelta(days=rng.randrange(DAYS))
        facts = [_sentence(rng, rng.randint(8, 14)) for _ in range(3)]
        count = min(8, 1 + int(rng.expovariate(1 / 2.0)))
        for outlet in rng.sample(outlets, count):
            if written >= n_articles:
                break
            aid = f"{id_prefix}{written:07d}"
            if previous and previous[1] == eid and rng.random() < 0.3:
                art = _near_copy(previous[0], aid, outlet)
            else:
                art = _report(rng, aid, outlet, (a1, a1_ar), (a2, a2_ar), etype, mode, templates, day,
                              facts, pool)
            written += 1
            previous = (art, eid)
            yield art, eid


def _report(rng, aid, outlet, first, second, etype, mode, templates, day, facts, pool) -> Article:
    (a1, a1_ar), (a2, a2_ar) = first, second
    published = day + timedelta(days=rng.choice((0, 0, 0, 1)))
    roll = rng.random()
    stated = roll >= 0.2            # the text gives the date
    undated = roll < 0.08           # no publication date either: the date is left open
    when = _date_phrase(day) if stated else ("أمس" if published > day else "اليوم")
    lead = rng.choice(templates).format(a=a1_ar, b=a2_ar, d=when)
    body = [lead] + [_retell(rng, f) for f in rng.sample(facts, rng.randint(2, 3))]
    body += [" ".join(_sentence(rng, rng.randint(6, 12))) for _ in range(rng.randint(1, 3))]
    extra_actor, extra_ar = rng.choice(pool)
    if rng.random() < 0.3:
        body.append(f"وحضر اللقاء {extra_ar}")
    text = ". ".join(body) + "."
    art = Article(id=aid, raw=text, text=text, outlet=outlet, title=lead,
                  published=None if undated else published.isoformat())
    entities = []
    for actor, name in ((a1, a1_ar), (a2, a2_ar), (extra_actor, extra_ar)):
        at = text.find(name)
        if at >= 0:
            entities.append(Entity(at, at + len(name), name, type=actor.kind, name_en=actor.name_en,
                                   name_ar=actor.name_ar, country=actor.country, kb_id=actor.kb_id))
    art.entities = entities
    if stated:
        phrase = _date_phrase(day)
        at = text.find(phrase)
        art.dates = [DateMention(at, at + len(phrase), phrase, value=day.isoformat())]
    noise = rng.random()
    if noise < 0.03:
        return art                  # the annotator found no main event
    event_date = day.isoformat() if stated else (None if undated else published.isoformat())
    event = Event(type=etype, mode=mode, actor1=a1, actor2=a2, date=event_date, main=True,
                  article_ids=[aid])
    if noise < 0.08:
        event.actor2 = None         # the second actor was missed
    elif noise < 0.12:
        event.type = rng.choice([k[0] for k in EVENT_KINDS if k[0] != etype])  # wrong type
    art.events = [event]
    return art


def _near_copy(source: Article, aid: str, outlet: str) -> Article:
    """A republished copy: the same text with a credit line, the same annotations."""
    text = source.text + " نقلا عن وكالة الأنباء."
    art = Article(id=aid, raw=text, text=text, outlet=outlet, title=source.title,
                  published=source.published)
    art.entities, art.dates = list(source.entities), list(source.dates)
    art.events = [Event(type=e.type, mode=e.mode, actor1=e.actor1, actor2=e.actor2, date=e.date,
                        main=e.main, article_ids=[aid]) for e in source.events]
    return art


# --- measuring ----------------------------------------------------------------------------------

def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def measure(n: int, seed: int) -> dict:
    """Generate ``n`` articles and cluster them, in this process."""
    t0 = time.perf_counter()
    articles, truth = generate(n, seed)
    generated = time.perf_counter() - t0
    before = _peak_mib()
    spent = _time_stages()
    t0 = time.perf_counter()
    stories = build_stories(articles)
    seconds = time.perf_counter() - t0
    scores = bcubed(truth, {a.id: a.story_id for a in articles})
    return {"n": n, "events": len(set(truth.values())), "generate_s": round(generated, 2),
            "build_s": round(seconds, 2), "features_s": round(spent["features"], 2),
            "copies_s": round(spent["duplicate_groups"], 2), "cluster_s": round(spent["cluster"], 2),
            "assemble_s": round(seconds - sum(spent.values()), 2),
            "rss_before_mib": round(before), "rss_peak_mib": round(_peak_mib()),
            "stories": len(stories), "precision": scores["precision"], "recall": scores["recall"],
            "f1": scores["f1"]}


def _time_stages() -> dict[str, float]:
    """Wrap the steps build_stories calls (looked up in its module at call time) with
    timers: signatures and features, copy detection, clustering; the rest of its time
    is story assembly (merging events, discrepancies, summaries)."""
    stories_module = sys.modules[build_stories.__module__]
    spent = {"features": 0.0, "duplicate_groups": 0.0, "cluster": 0.0}

    def timed(name, fn):
        def wrapper(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - t0
        return wrapper

    for name in spent:
        setattr(stories_module, name, timed(name, getattr(stories_module, name)))
    return spent


def growth_exponent(rows: list[dict], seconds=lambda r: r["build_s"]) -> float | None:
    """Slope of log(time) against log(n), least squares."""
    pts = [(math.log(r["n"]), math.log(seconds(r))) for r in rows if seconds(r) > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / sxx


def run_sizes(sizes: list[int], seed: int, timeout: int) -> list[dict]:
    rows = []
    for n in sizes:
        cmd = [sys.executable, __file__, "--one", str(n), "--seed", str(seed)]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True)
        except subprocess.TimeoutExpired:
            print(f"n={n}: did not finish in {timeout} s", file=sys.stderr)
            break
        except subprocess.CalledProcessError as exc:
            print(f"n={n}: failed\n{exc.stderr}", file=sys.stderr)
            break
        row = json.loads(done.stdout.strip().splitlines()[-1])
        print(json.dumps(row), file=sys.stderr)
        rows.append(row)
    return rows


def table(rows: list[dict]) -> str:
    head = ("| articles | events | stories | build_stories (s) | features / copies / cluster / assemble (s) "
            "| peak RSS before / after (MiB) | B-cubed P | R | F1 |\n"
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    lines = [f"| {r['n']:,} | {r['events']:,} | {r['stories']:,} | {r['build_s']:.1f} "
             f"| {r.get('features_s', 0):.1f} / {r.get('copies_s', 0):.1f} / {r.get('cluster_s', 0):.1f} "
             f"/ {r.get('assemble_s', 0):.1f} "
             f"| {r['rss_before_mib']:,} / {r['rss_peak_mib']:,} | {r['precision']:.3f} "
             f"| {r['recall']:.3f} | {r['f1']:.3f} |" for r in rows]
    return "\n".join([head, *lines])


def profile(n: int, seed: int, top: int = 25) -> None:
    articles, _ = generate(n, seed)
    prof = cProfile.Profile()
    prof.enable()
    build_stories(articles)
    prof.disable()
    pstats.Stats(prof).sort_stats("cumulative").print_stats(top)


# --- the embedding experiment -------------------------------------------------------------------

EMBEDDING_SETTINGS = [(0.0, None), (0.3, None), (0.3, 0.8), (0.3, 0.7), (0.3, 0.6)]  # (weight, forgive at)


def _annotated(folder: Path, gold_file: Path) -> tuple[list[Article], dict[str, str]]:
    from marsad.evaluate import load_gold
    from marsad.pipeline import default_pipeline
    from marsad.workflow import annotate

    gold = load_gold(gold_file)
    files = sorted(str(p) for p in folder.iterdir() if p.suffix in (".txt", ".html", ".jsonl"))
    arts = [a for a in annotate(files, pipeline=default_pipeline()) if a.id in gold["articles"]]
    return arts, {aid: g["main_event"] for aid, g in gold["articles"].items()}


def _hard_conflict(rules):
    """Conflicts no text similarity may overrule: other actors (and their countries),
    other actor pairs, other days. What is left to forgive is a type or mode difference."""
    def hard(a, b) -> bool:
        other_actors = bool(a.actors and b.actors and a.actors.isdisjoint(b.actors)
                            and a.countries.isdisjoint(b.countries))
        return other_actors or rules._pairs_conflict(a, b) or rules._date_conflict(a, b)
    return hard


def embedding_experiment(encoders: list[str]) -> None:
    from marsad.demo import corpus_path, gold_path
    from marsad.stories.embeddings import article_vectors, blended_score, forgiving_conflict, load_encoder

    # The clustering module reads its score and conflict functions at call time, so the
    # experiment swaps them in and out without touching the library.
    rules = importlib.import_module("marsad.stories.cluster")
    base_score, base_conflict = rules.score, rules.conflict
    corpora = {"demo": (corpus_path(), gold_path())}
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if (seeds / "gold.json").is_file():
        corpora["seeds"] = (seeds, seeds / "gold.json")
    print("| corpus | encoder | blend weight | forgive type/mode conflict at cosine | P | R | F1 |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for corpus, (folder, gold_file) in corpora.items():
        annotated, truth = _annotated(folder, gold_file)
        for name in ["(none)", *encoders]:
            vectors = article_vectors(annotated, load_encoder(name)) if name != "(none)" else {}
            for weight, forgive in (EMBEDDING_SETTINGS if vectors else [(0.0, None)]):
                arts = copy.deepcopy(annotated)
                rules.score = blended_score(base_score, vectors, weight) if vectors else base_score
                rules.conflict = (forgiving_conflict(base_conflict, _hard_conflict(rules), vectors, forgive)
                                  if forgive is not None else base_conflict)
                try:
                    build_stories(arts)
                finally:
                    rules.score, rules.conflict = base_score, base_conflict
                sc = bcubed(truth, {a.id: a.story_id for a in arts})
                print(f"| {corpus} | {name} | {weight} | {forgive or '-'} | {sc['precision']:.3f} "
                      f"| {sc['recall']:.3f} | {sc['f1']:.3f} |", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 30000, 100000])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=int, default=900, help="seconds allowed for one size")
    ap.add_argument("--profile", type=int, metavar="N", help="profile build_stories on N articles")
    ap.add_argument("--embeddings", nargs="+", metavar="ENCODER",
                    help="run the embedding experiment with these encoders (names or .npz tables)")
    ap.add_argument("--one", type=int, metavar="N", help=argparse.SUPPRESS)  # child process
    args = ap.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.seed)))
        return
    if args.profile:
        profile(args.profile, args.seed)
        return
    if args.embeddings:
        embedding_experiment(args.embeddings)
        return
    rows = run_sizes(args.sizes, args.seed, args.timeout)
    print(table(rows))
    exponent = growth_exponent(rows)
    if exponent is not None:
        clustering = growth_exponent(rows, lambda r: r["features_s"] + r["copies_s"] + r["cluster_s"])
        print(f"\ngrowth exponent (log time vs log n): build_stories {exponent:.2f}, "
              f"features + copies + cluster {clustering:.2f}")


if __name__ == "__main__":
    main()
