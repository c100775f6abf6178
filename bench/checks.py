"""Speed of the policy-check engine (herald/checks), with Presidio's analyzer for comparison.

    .venv/bin/python bench/checks.py [--posts 10000] [--presidio-posts 2000] [--no-presidio]

Prints the command line and machine, warm-up time (excluded from everything else), the headline
posts/second of the plain one-post-at-a-time ``check`` loop in one process, p50/p95/p99/max latency
for a single post (all posts, and posts of 2,000-2,200 characters) from that same loop, ``check_many``
as a separate line, peak memory (max RSS of the whole process, via getrusage), and our speed as a
ratio to Presidio's analyzer (blank spaCy pipeline saved to a folder so nothing is downloaded; only
UK-relevant pattern recognisers). Presidio only looks for personal data, so the ratio flatters it.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from herald.checks import Context, Councillor, Draft, Media, check, check_many, warm_up  # noqa: E402
from herald.checks.model import AllowedContacts  # noqa: E402

PLATFORMS = ["facebook", "x", "instagram", "linkedin", "nextdoor", "bluesky", "threads"]
NEWS = [
    "Your bins will be collected a day later than usual next week because of the bank holiday.",
    "The leisure centre pool reopens on Monday after its refurbishment, with new changing rooms.",
    "Planning committee meets on Tuesday at 6.30pm in the Hinckley Hub; the agenda is online.",
    "Volunteers planted 400 trees in Hollycroft Park this weekend. Thank you to everyone who came!",
    "Roadworks on Rugby Road start on 3 March and last about two weeks. Please allow extra time.",
    "Register to vote by midnight on 16 April so you can have your say in the elections.",
    "Polling stations are open from 7am to 10pm on Thursday 2 May.",
    "Our free, confidential helpline can help if you are worried about paying your council tax.",
    "Cllr Stuart Bray opened the new play area in Burbage this morning.",
    "Garden waste subscriptions for next year are now open; sign up before the end of February.",
    "Report fly-tipping online and our team will remove it within five working days.",
    "The Christmas market returns to the town centre this Saturday from 10am to 4pm.",
]
TAILS = ["#RecyclingWeek", "#recyclingweek", "#Hinckley #Burbage", "🎉", "🌳☀️", "More at www.hinckley-bosworth.gov.uk",
         "https://www.hinckley-bosworth.gov.uk/bins", "Call 01455 238141.", ""]  # fmt: skip
COMMENTS = [
    "Why are my bins never collected on time?? Third week running.",
    "Absolute joke this council. You lot are useless.",
    "Great news, well done to everyone involved!",
    "Call me on 07911 123456 about the fence, nobody answers the switchboard",
    "The Tories have ruined this town and Labour are no better",
    "what a load of shit, fix the potholes",
    "My neighbour at 12 Acacia Avenue LE10 1AB keeps dumping rubbish",
    "Cllr Wright is corrupt and everyone knows it",
    "Lovely photos of the park 😍😍",
    "f*ck the lot of you",
    "When does the tip open on Sundays?",
    "I know where you live, watch your back",
]
FILLER = (
    "The council is working with partners across the borough to improve services for residents, "
    "and we would like to hear what you think about the proposals before the consultation closes. "
)


WORDS = (
    "residents council borough park road library centre bins recycling waste green planning meeting "
    "budget housing parking school children family community volunteers event market town village "
    "service services team staff improve repair open closed week month today tomorrow morning evening "
    "new free online local please thank you everyone help support information details update news "
    "street lights potholes footpath trees flood drains grant funding business jobs skills health"
).split()
NAMES = ["Sarah Jones", "Cllr Bray", "Amanda Wright", "Mr Patel", "Dr Green", "Stuart Bray", "Tom Hughes"]
EXTRAS = [
    lambda r: f"Call {r.choice(['01455', '07911', '0116', '020'])} {r.randint(100000, 999999)}.",
    lambda r: f"Email {r.choice(['jo', 'info', 'parks'])}@{r.choice(['example.com', 'hinckley-bosworth.gov.uk'])}",
    lambda r: (
        f"{r.randint(1, 99)} {r.choice(['Acacia Avenue', 'Rugby Road', 'Station Lane'])} LE10 {r.randint(1, 9)}AB"
    ),
    lambda r: f"Ref HR-{r.randint(100, 9999)}",
    lambda r: f"{r.randint(1, 28)} March {r.randint(2024, 2027)}",
    lambda r: f"{r.choice(NAMES)} {r.choice(['says', 'opened', 'visited', 'thanked'])} the {r.choice(WORDS)}",
    lambda r: "#" + r.choice(["BinDay", "hinckleyhub", "ParksWeek", "Burbage", "recyclingweek"]),
    lambda r: r.choice(["😀", "👍🏽", "🎉🎉", "🌳", "❤️"]),
    lambda r: "https://www.hinckley-bosworth.gov.uk/" + r.choice(WORDS),
    lambda r: r.choice(
        [
            "URGENT ROAD CLOSURE TODAY",
            "f*ck sake",
            "sh1t service",
            "you are useless idiots",
            "Vote Labour on Thursday",
            "the accused appeared in court",
            "strictly confidential",
        ]
    ),
]


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(5, 22))]
    words[0] = words[0].capitalize()
    return " ".join(words) + rng.choice([".", ".", ".", "!", "?"])


def corpus(n: int, seed: int = 20261124) -> list[Draft]:
    """Seeded mixed posts and comments: fixed templates plus generated sentences with random contact
    details, names, references, dates, hashtags, emoji, links and abuse; 2% are 2,000-2,200 characters."""
    rng = random.Random(seed)
    drafts = []
    for i in range(n):
        extras = " ".join(rng.choice(EXTRAS)(rng) for _ in range(rng.choice([0, 0, 1, 1, 2, 3])))
        if i % 3 == 2:
            base = rng.choice(COMMENTS) if rng.random() < 0.5 else _sentence(rng)
            drafts.append(Draft(text=(base + " " + extras).strip(), platform="facebook", kind="comment"))
            continue
        if rng.random() < 0.5:
            text = " ".join(rng.sample(NEWS, rng.randint(1, 3)))
        else:
            text = " ".join(_sentence(rng) for _ in range(rng.randint(1, 4)))
        text += " " + extras + " " + rng.choice(TAILS)
        if i % 50 == 0:  # some long posts, up to Instagram's 2,200 characters
            target = rng.randint(2000, 2200)
            while len(text) < target:
                text += " " + (_sentence(rng) if rng.random() < 0.7 else FILLER.strip())
            text = text[:target]
        media = (Media(kind="image", alt_text="People at the event"),) if i % 4 == 0 else ()
        drafts.append(Draft(text=text.strip(), platform=rng.choice(PLATFORMS), media=media))
    return drafts


def context() -> Context:
    return Context(
        account="official",
        role="editor",
        pre_election=True,
        councillors=tuple(Councillor(f"Member{i} Surname{i}", "Independent", f"Ward{i % 15}") for i in range(32))
        + (
            Councillor("Stuart Bray", "Liberal Democrat", "Burbage"),
            Councillor("Amanda Wright", "Conservative", "Barwell"),
        ),
        allowed_contacts=AllowedContacts(phones=("01455 238141",), email_domains=("hinckley-bosworth.gov.uk",)),
    )


PATHOLOGICAL = {  # 2,200 characters each: worst cases for the patterns and per-item loops
    "digits": ("0123456789" * 220)[:2200],
    "phone-like digit groups": ("07911 123456 " * 170)[:2200],
    "hashtags": ("#tag " * 440)[:2200],
    "hashtags between words": ("#tag word " * 220)[:2200],
    "'#' only": "#" * 2200,
    "emoji": "😀" * 2200,
    "emoji with modifiers": ("👍🏽 ❤️ " * 370)[:2200],
    "capitals": ("ABCDEFGHIJ" * 220)[:2200],
    "capital words": ("SHOUTING WORDS " * 147)[:2200],
    "a a a": ("a " * 1100)[:2200],
    "one long word": "a" * 2200,
    "letters and digits": ("abc1" * 550)[:2200],
    "threat words": ("i will kill " * 184)[:2200],
    "leetspeak": ("sh1t f4ck " * 220)[:2200],
    "spaced letters": ("f u c k " * 275)[:2200],
    "postcodes": ("LE10 1AB " * 245)[:2200],
    # one long token: LINK's domain branch alone was quadratic on these (~50-90 ms)
    "'a.b' repeated": ("a.b" * 734)[:2200],
    "'1.2.' repeated": ("1.2." * 550)[:2200],
    "'a-b.' repeated": ("a-b." * 550)[:2200],
    # dotted tokens holding a link: twitter-text's URL pattern is quadratic in their dots (~7.6 s
    # for one 2,200-character token, ~0.7 s for seven of 300); X's length is estimated for them
    "'a.b.' token with a link": ("a.b." * 549)[:2194] + "www.xy",
    "'a.b.' tokens with links": (("a.b." * 30 + "www.xy ") * 20)[:2200],
    "'a@b' repeated": ("a@b" * 734)[:2200],
    "'a@b.' repeated": ("a@b." * 550)[:2200],
    "'#a' repeated": ("#a" * 1100)[:2200],
    "'http://' repeated": ("http://" * 315)[:2200],
    "'www.' repeated": ("www." * 550)[:2200],
    # the address and date-of-birth patterns' worst inputs (herald/checks/tests/test_international_pii.py)
    "'Apt 1 ' repeated": ("Apt 1 " * 367)[:2200],
    "'Suite 1 Aa 1 ' repeated": ("Suite 1 Aa 1 " * 170)[:2200],
    "'lives at 1 Aa ' repeated": ("lives at 1 Aa " * 158)[:2200],
    "'1 Aa Street, ' repeated": ("1 Aa Street, " * 170)[:2200],
    "'Aa 12345, ' repeated": ("Aa 12345, " * 220)[:2200],
    "'P.O. Box 1 ' repeated": ("P.O. Box 1 " * 200)[:2200],
    "'born ' repeated": ("born " * 440)[:2200],
    "'1 March ' repeated": ("1 March " * 275)[:2200],
    "'Aa, Aa, Aa ' repeated": ("Aa, Aa, Aa " * 200)[:2200],
    "'1 aa road ' repeated": ("1 aa road " * 220)[:2200],
    # the insult, threat and hate patterns' worst inputs (herald/checks/tests/test_offensive_unseen.py)
    "'you idiot ' repeated": ("you idiot " * 220)[:2200],
    "'what a bunch of idiots '": ("what a bunch of idiots " * 96)[:2200],
    "'I will kill you ' repeated": ("I will kill you " * 138)[:2200],
    "'kill all the muslims '": ("kill all the muslims " * 105)[:2200],
    "'i hate the ' repeated": ("i hate the " * 200)[:2200],
    "'someone should ' repeated": ("someone should " * 147)[:2200],
    "'absolute ' repeated": ("absolute " * 245)[:2200],
    # interjections before an insult: the fragment pattern once tried every split of "bye bye bye…"
    "'bye … zz idiot' repeated": (("bye " * 19 + "zz idiot\n") * 25)[:2200],
    "'fat  ' repeated": ("fat  " * 440)[:2200],
    # third offensive round: insult chains, fragments and vocatives, the anchored shapes, masked words
    "'idiot and a ' repeated": ("idiot and a " * 184)[:2200],
    "', loser ' repeated": (", loser " * 275)[:2200],
    "'Idiots. ' repeated": ("Idiots. " * 275)[:2200],
    "'you're a lying old '": ("you're a lying old " * 116)[:2200],
    "'hope the council '": ("hope the council " * 130)[:2200],
    "'muslims come here '": ("muslims come here " * 123)[:2200],
    "'someone should torch the '": ("someone should torch the " * 89)[:2200],
    "'F*** ' repeated": ("F*** " * 440)[:2200],
    "'\"idiot\" ' repeated": ('"idiot" ' * 275)[:2200],
}


def pathological(ctx: Context, repeats: int = 5) -> None:
    print(f"pathological 2,200-character posts (median of {repeats}, ms; facebook / x):")
    for name, text in PATHOLOGICAL.items():
        figures = []
        for offset, platform_name in ((0, "facebook"), (repeats, "x")):
            spent = []
            for repeat in range(repeats):
                # trailing spaces: a new text each time, so per-text caches do not hide the cost
                draft = Draft(text=text + " " * (offset + repeat + 1), platform=platform_name)
                t0 = time.perf_counter()
                check(draft, ctx)
                spent.append((time.perf_counter() - t0) * 1000)
            figures.append(f"{statistics.median(spent):6.2f}")
        print(f"  {name:26} {' / '.join(figures)}")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def presidio_analyzer():
    import spacy
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer import predefined_recognizers as pr
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    folder = Path(tempfile.mkdtemp(prefix="herald-blank-en-"))
    spacy.blank("en").to_disk(folder)
    provider = NlpEngineProvider(
        nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": str(folder)}]}
    )
    registry = RecognizerRegistry(supported_languages=["en"])
    names = ["PhoneRecognizer", "EmailRecognizer", "CreditCardRecognizer", "IbanRecognizer", "UkNinoRecognizer",
             "UkPostcodeRecognizer", "NhsRecognizer", "UkNhsRecognizer", "DateRecognizer"]  # fmt: skip
    used = []
    for name in names:
        cls = getattr(pr, name, None)
        if cls is None:
            continue
        recogniser = cls(supported_regions=("GB",)) if name == "PhoneRecognizer" else cls()
        registry.add_recognizer(recogniser)
        used.append(name)
    engine = AnalyzerEngine(registry=registry, nlp_engine=provider.create_engine(), supported_languages=["en"])
    return engine, used


COLD_START = """
import time
started = time.perf_counter()
import herald.checks
imported = time.perf_counter()
from herald.checks.engine import _compiled, default_rules
_compiled(default_rules())
compiled = time.perf_counter()
herald.checks.check(herald.checks.Draft("Lovely day at the park"))
print(imported - started, compiled - imported, time.perf_counter() - compiled)
"""


def cold_start(runs: int = 5) -> None:
    """Import, rules and first check, each in a fresh interpreter: what a worker pays before warm_up."""
    root = Path(__file__).resolve().parents[1]
    figures = [
        [float(x) * 1000 for x in subprocess.run([sys.executable, "-c", COLD_START], cwd=root, check=True,
                                                 capture_output=True, text=True).stdout.split()]
        for _ in range(runs)
    ]  # fmt: skip
    imported, compiled, first = (statistics.median(column) for column in zip(*figures, strict=True))
    print(f"cold start (fresh process, median of {runs}): import herald.checks {imported:.0f} ms, "
          f"load and compile the rules {compiled:.0f} ms, first check (loads the profanity model) {first:.0f} ms")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=10000)
    parser.add_argument("--warm-up-posts", type=int, default=200)
    parser.add_argument("--presidio-posts", type=int, default=2000)
    parser.add_argument("--no-presidio", action="store_true")
    args = parser.parse_args()

    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    print(f"machine: {os.cpu_count()} cores ({platform.machine()}), Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}")  # fmt: skip
    drafts = corpus(args.posts)
    ctx = context()
    lengths = [len(d.text) for d in drafts]
    print(f"corpus: {len(drafts)} drafts ({sum(d.kind == 'comment' for d in drafts)} comments), "
          f"{len(set(d.text for d in drafts))} distinct texts, mean {statistics.mean(lengths):.0f} characters, "
          f"max {max(lengths)}, {sum(n >= 2000 for n in lengths)} of 2,000-2,200 characters")  # fmt: skip

    cold_start()
    started = time.perf_counter()
    warm_up()
    loaded = time.perf_counter() - started
    for draft in corpus(args.warm_up_posts, seed=1):  # a different seed: no cache is pre-filled
        check(draft, ctx)
    print(f"warm-up (excluded below): rules, profanity model, word segmentation {loaded:.2f} s; "
          f"{args.warm_up_posts} other posts {time.perf_counter() - started - loaded:.2f} s")  # fmt: skip

    print(f"machine load average before the timed runs: {os.getloadavg()[0]:.1f}")
    timings = []
    long_timings = []
    # The same latencies in CPU time of this process: on a shared machine a post's wall time also counts
    # the time the process waited for a core, which can be most of it.
    cpu_timings = []
    cpu_long_timings = []
    findings = 0
    clock = time.perf_counter
    cpu_clock = time.process_time
    started = clock()
    for draft in drafts:  # the headline: one post at a time, as the editor and inbox call it
        t0, c0 = clock(), cpu_clock()
        report = check(draft, ctx)
        spent, cpu_spent = (clock() - t0) * 1000, (cpu_clock() - c0) * 1000
        findings += len(report.findings)
        timings.append(spent)
        cpu_timings.append(cpu_spent)
        if len(draft.text) >= 2000:
            long_timings.append(spent)
            cpu_long_timings.append(cpu_spent)
    elapsed = clock() - started
    ours = len(drafts) / elapsed
    print(f"throughput, one check() per post: {ours:,.0f} posts/s on one core ({elapsed:.2f} s, {findings} findings)")
    print(f"single post latency: p50 {percentile(timings, 0.5):.3f} ms, p95 {percentile(timings, 0.95):.3f} ms, "
          f"p99 {percentile(timings, 0.99):.3f} ms, max {max(timings):.3f} ms")  # fmt: skip
    if long_timings:
        print(f"posts of 2,000-2,200 characters ({len(long_timings)}): p50 {percentile(long_timings, 0.5):.3f} ms, "
              f"p95 {percentile(long_timings, 0.95):.3f} ms, p99 {percentile(long_timings, 0.99):.3f} ms, "
              f"max {max(long_timings):.3f} ms")  # fmt: skip
    print(f"single post CPU time: p50 {percentile(cpu_timings, 0.5):.3f} ms, p95 {percentile(cpu_timings, 0.95):.3f} ms, "
          f"p99 {percentile(cpu_timings, 0.99):.3f} ms, max {max(cpu_timings):.3f} ms")  # fmt: skip
    if cpu_long_timings:
        print(f"posts of 2,000-2,200 characters, CPU time: p50 {percentile(cpu_long_timings, 0.5):.3f} ms, "
              f"p99 {percentile(cpu_long_timings, 0.99):.3f} ms")  # fmt: skip

    # Issue 12's targets, per kind of text, in CPU time of this process as well as wall time: on a
    # shared machine the wall clock also counts time the process waited for a core.
    for label, kind_drafts, target in (
        ("incoming comments", [d for d in drafts if d.kind == "comment"], 20_000),
        ("official posts", [d for d in drafts if d.kind != "comment"], 10_000),
    ):
        wall, cpu = clock(), time.process_time()
        for draft in kind_drafts:
            check(draft, ctx)
        wall, cpu = clock() - wall, time.process_time() - cpu
        rate, cpu_rate = len(kind_drafts) / wall, len(kind_drafts) / cpu
        verdict = "met" if cpu_rate >= target else "NOT met"
        print(f"{label}: {rate:,.0f}/s wall, {cpu_rate:,.0f}/s CPU on one core (target {target:,}: {verdict})")
    p99, cpu_p99 = percentile(timings, 0.99), percentile(cpu_timings, 0.99)
    print(f"single-post p99 {p99:.3f} ms wall, {cpu_p99:.3f} ms CPU "
          f"(target < 1 ms: {'met' if p99 < 1 else 'NOT met'} wall, {'met' if cpu_p99 < 1 else 'NOT met'} CPU)")  # fmt: skip

    started = clock()
    check_many(drafts, ctx)
    batch = clock() - started
    print(f"check_many (separate, same corpus again): {len(drafts) / batch:,.0f} posts/s ({batch:.2f} s)")
    pathological(ctx)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: max RSS of the whole process (getrusage, includes the profanity model): {peak:.0f} MB")

    if args.no_presidio:
        print(f"machine load average at the end: {os.getloadavg()[0]:.1f}")
        return
    try:
        engine, used = presidio_analyzer()
    except Exception as exc:  # presidio is a bench-only extra
        print(f"presidio: not available ({type(exc).__name__}: {exc})")
        return
    sample = [d.text for d in drafts[: args.presidio_posts]]
    engine.analyze(text=sample[0], language="en")
    started = time.perf_counter()
    for text in sample:
        engine.analyze(text=text, language="en")
    presidio_rate = len(sample) / (time.perf_counter() - started)
    print(
        f"presidio analyzer ({', '.join(used)}; blank spaCy 'en'): {presidio_rate:,.0f} posts/s on {len(sample)} posts"
    )
    print(f"herald.checks full rule set (one check() per post) vs presidio PII only: {ours / presidio_rate:.2f}x")
    print(f"machine load average at the end: {os.getloadavg()[0]:.1f} (figures are comparable only on a quiet machine)")


if __name__ == "__main__":
    main()
