"""Realistic comments for the demo, the tests and the benchmark (pure Python, no Django).

Comments are put together from parts (an opener, a topic, a detail, a closing) in the ways residents
write on a council's page: ordinary questions, complaints, praise, freedom of information requests,
abuse of councillors, threats, spam, and personal data posted by residents. The same seed gives the
same comments, so the demo month and a benchmark run are repeatable.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Sequence

from herald.moderation.incoming import IncomingComment

FIRST = (
    "Sarah", "James", "Emma", "Mohammed", "Priya", "Tom", "Lucy", "Gary", "Karen", "Daniel", "Aisha", "Chris",
    "Jo", "Raj", "Hannah", "Steve", "Bev", "Wayne", "Olivia", "Kev", "Sue", "Darren", "Zara", "Pete", "Mandy",
    "Craig", "Nadia", "Lee", "Tracey", "Harjit", "Sian", "Ryan", "Dawn", "Imran", "Jess", "Mick",
)  # fmt: skip
LAST = (
    "Smith", "Patel", "Jones", "Taylor", "Brown", "Khan", "Wilson", "Evans", "Thomas", "Roberts", "Walker",
    "Wright", "Clarke", "Hall", "Green", "Singh", "Wood", "Hughes", "Edwards", "Lewis", "Turner", "Hill",
    "Moore", "Cooper", "Ward", "Morris", "Mistry", "Bailey", "Bell", "Kaur",
)  # fmt: skip
PLACES = (
    "Castle Street", "Hollycroft Park", "Argents Mead", "Burbage", "Barwell", "Earl Shilton", "Market Bosworth",
    "Groby", "Ratby", "Desford", "Newbold Verdon", "Stoke Golding", "Markfield", "the Hinckley Hub",
    "Station Road", "Coventry Road", "the Crescent", "Clarendon Park", "Hill Street car park", "Ashby Road",
)  # fmt: skip
SERVICES = (
    ("bin", "my green bin", "the bin collection"),
    ("pothole", "the pothole", "the road"),
    ("parking", "the parking", "the car park charges"),
    ("council tax", "my council tax bill", "the council tax"),
    ("leisure", "the leisure centre", "the swimming timetable"),
    ("planning", "the planning application", "the new houses"),
    ("library", "the library hours", "the mobile library"),
    ("lights", "the Christmas lights", "the street lighting"),
    ("market", "the market", "the Sunday market"),
    ("housing", "my housing repair", "the damp in our flat"),
    ("fly-tipping", "the fly-tipping", "the rubbish dumped"),
    ("noise", "the noise from the pub", "the late-night noise"),
)  # fmt: skip
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Boxing Day", "bank holiday")

QUESTION = (
    "Does anyone know when {thing} is happening in {place}?",
    "What time does {thing2} start on {day}?",
    "Hi, is {thing} affected by the bank holiday this week?",
    "Can someone tell me who to contact about {thing} on {place}?",
    "Is {thing2} still going ahead on {day} after the weather?",
    "Quick question - where do I report {thing} near {place}?",
    "How do I pay {thing} online? The link on the website doesn't work for me",
    "Will {thing2} be open over Christmas?",
)
COMPLAINT = (
    "Third week running {thing} has been missed on {place}. Absolutely useless. I want to make a formal complaint.",
    "I'm complaining AGAIN about {thing} near {place}. Nobody ever gets back to you.",
    "Disgraceful. {Thing} on {place} has been like this for months and the council does nothing.",
    "This is a complaint about {thing}. I've rung four times and been cut off every time.",
    "Why am I paying council tax when {thing} is this bad? I will be going to the ombudsman.",
    "{Thing} on {place} is a disgrace, sort it out.",
)
PRAISE = (
    "Well done to the team for {thing2} in {place}, looked brilliant!",
    "Just want to say thank you to the crew who sorted {thing} on {place} so quickly.",
    "Lovely photos! {Thing2} was fantastic this year, the kids loved it.",
    "Great to see {thing2} back. Thank you HBBC!",
    "Fair play, {thing} fixed within a day of reporting it. Impressed.",
)
FOI = (
    "Under the Freedom of Information Act please tell me how much was spent on {thing2} in {year}. {name}",
    "This is an FOI request: how many complaints about {thing} did the council receive in {year}? Regards, {name}",
    "I would like to request the figures for spending on {thing2} for the last three years. {name}",
    "Can you provide a breakdown of the costs of {thing2} since {year} please? {name}",
    "How much has the council spent on consultants for {thing2}? I'd like the full figures. {name}",
)
SAR = (
    "I want a copy of all the information you hold about me, including everything about {thing}.",
    "Please treat this as a subject access request for my records about {thing}. {name}",
)
ABUSE = (
    "Councillor {councillor} is a useless waste of space, resign now you idiot",
    "{councillor} should be ashamed, complete clown, get out of our town",
    "Cllr {councillor} is a liar and a crook and everyone knows it",
    "Typical {councillor}, lining their own pockets while {place} falls apart. Scum.",
)
THREAT = (
    "I know where {councillor} lives and they'll regret this decision about {thing2}",
    "Someone should torch his car, that would teach {councillor} a lesson",
    "If {thing} isn't sorted I'm going to batter you lot at the Hub on {day}",
    "{councillor} better watch their back after what they did to {place}",
)
SPAM = (
    "Earn £500 a day from home!!! DM me for details 💰💰 {url}",
    "Cheap Ray-Bans 80% off today only {url}",
    "Want more followers? Visit {url}",
    "Crypto giveaway 🚀 send 0.1 BTC get 1 BTC back {url}",
)
PERSONAL = (
    "Can someone ring me about {thing}? My number is {phone}, I'm at {house} {place}",
    "Still waiting on {thing}, email me at {email} or call {phone}",
    "My neighbour at {house} {place} is the one dumping rubbish, his name is {name}, reg {reg}",
    "Please sort {thing}, my account number is {account} and I live at {house} {place}",
)
SAFEGUARDING = (
    "The kids next door on {place} have been left alone for days, there's no food in the house",
    "My elderly neighbour on {place} hasn't been seen for a week and her curtains are shut",
)

# (category, weight, templates, kind of comment it usually is)
CATEGORIES: tuple[tuple[str, int, tuple[str, ...]], ...] = (
    ("question", 36, QUESTION),
    ("complaint", 16, COMPLAINT),
    ("praise", 16, PRAISE),
    ("foi", 4, FOI),
    ("sar", 1, SAR),
    ("abuse", 6, ABUSE),
    ("threat", 2, THREAT),
    ("spam", 8, SPAM),
    ("personal", 8, PERSONAL),
    ("safeguarding", 1, SAFEGUARDING),
)
DEFAULT_COUNCILLORS = ("Stuart Bray", "Mary Sherwin", "Keith Lynch", "Claire Allen", "Michael Mullaney")
TEXT_ENDINGS = ("", "", "", " Thanks", " 😡", " !!", " Cheers.", " #Hinckley", " Please reply.")


class CommentGenerator:
    def __init__(self, seed: int = 1, *, councillors: Sequence[str] = DEFAULT_COUNCILLORS, prefix: str = "gen"):
        self.rng = random.Random(seed)
        self.councillors = tuple(councillors) or DEFAULT_COUNCILLORS
        self.prefix = prefix
        self.seed = seed
        self._weights = [weight for _, weight, _ in CATEGORIES]
        self._authors = [self._author(n) for n in range(max(50, 2000))]

    def _author(self, n: int) -> tuple[str, str, str]:
        first, last = self.rng.choice(FIRST), self.rng.choice(LAST)
        handle = f"{first.lower()}{last.lower()}{self.rng.randint(1, 999)}"
        return (f"{self.prefix}-u{n}", handle, f"{first} {last}")

    def text(self, category: str) -> str:
        rng = self.rng
        templates = dict((name, t) for name, _, t in CATEGORIES)[category]
        service = rng.choice(SERVICES)
        thing, thing2 = service[1], service[2]
        values = {
            "thing": thing,
            "Thing": thing[0].upper() + thing[1:],
            "thing2": thing2,
            "Thing2": thing2[0].upper() + thing2[1:],
            "place": rng.choice(PLACES),
            "day": rng.choice(DAYS),
            "year": rng.choice(("2023", "2024", "2025")),
            "name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            "councillor": rng.choice(self.councillors),
            "url": rng.choice(("bit.ly/3xYz9", "cheap-deals.example/win", "followers4u.example")),
            "phone": f"07700 9{rng.randint(0, 99999):05d}",
            "email": f"{rng.choice(FIRST).lower()}.{rng.choice(LAST).lower()}@example.com",
            "house": str(rng.randint(1, 180)),
            "reg": f"{rng.choice('ABCDEFGHKL')}{rng.choice('ABCDEFGHKL')}{rng.randint(10, 73)} "
            f"{''.join(rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ') for _ in range(3))}",
            "account": str(rng.randint(10_000_000, 99_999_999)),
        }
        text = rng.choice(templates).format(**values)
        if category in ("question", "complaint", "praise"):
            text += rng.choice(TEXT_ENDINGS)
        return text

    def comments(
        self,
        count: int,
        *,
        platform: str,
        start: dt.datetime,
        end: dt.datetime,
        account_handle: str = "",
    ) -> Iterator[IncomingComment]:
        """`count` comments posted between `start` and `end` (aware), oldest first, on `platform`."""
        rng = self.rng
        span = max((end - start).total_seconds(), 1.0)
        offsets = sorted(rng.random() * span for _ in range(count))
        names = [name for name, _, _ in CATEGORIES]
        recent: list[str] = []
        for n, offset in enumerate(offsets):
            category = rng.choices(names, weights=self._weights)[0]
            author_id, handle, display = rng.choice(self._authors)
            kind = "comment"
            parent = ""
            roll = rng.random()
            if recent and roll < 0.15:
                kind, parent = "reply", rng.choice(recent)
            elif roll < 0.22:
                kind = "mention"
            elif roll < 0.30:
                kind = "message"
            platform_id = f"{self.prefix}-{self.seed}-{n}"
            recent = (recent + [platform_id])[-50:]
            yield IncomingComment(
                platform=platform,
                platform_id=platform_id,
                text=self.text(category),
                posted_at=start + dt.timedelta(seconds=offset),
                kind=kind,
                account_handle=account_handle,
                parent_platform_id=parent,
                author_platform_id=author_id,
                author_handle=handle,
                author_name=display,
                author_url=f"https://social.example/{handle}",
                permalink=f"https://social.example/{account_handle or 'council'}/c/{platform_id}",
                raw={"generator": {"seed": self.seed, "category": category}},
            )
