"""What the model trainers share (`train_party.py`, `train_abuse.py`, `train_embed.py`).

A fitted TF-IDF vectorizer and logistic regression become plain arrays (vocabulary, idf, coef,
intercept; no pickle), the shape `herald.checks.party_model` and `herald.checks.abuse_model` load,
and the figures the trainer printed go beside them as JSON with the same name. Both abuse trainers
read the team's council-style training comments with `read_council`.

Imports numpy and the standard library only: `train_embed.py` imports this in the torch environment
(`MODELS_VENV`), which has neither Django nor the engine's other requirements.
"""

from __future__ import annotations

import json
import random
import re
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

# The team-written council-style training comments (bench/data/README.md), read by both abuse
# trainers in this order (their five folds are taken over the rows in this order).
COUNCIL_TRAIN = tuple(
    Path(__file__).resolve().parent / "data" / name
    for name in (
        "council_train.tsv",
        "council_train2.tsv",
        "council_train3.tsv",
        "council_train4.tsv",
        "council_train5.tsv",  # round ten's; with 6 and 7 since round twelve, each file weighted per trainer
        "council_train6.tsv",
        "council_train7.tsv",
        "council_train8.tsv",  # round thirteen's: everyday senses of one-class words, polite contempt with twins
    )
)


def council_files(names: str | None) -> tuple[Path, ...]:
    """The training files a trainer's ``--council-files`` names (comma-separated, in bench/data), or
    ``COUNCIL_TRAIN`` when it names none: to try a file before adding it to the list."""
    if not names:
        return COUNCIL_TRAIN
    return tuple(Path(__file__).resolve().parent / "data" / name for name in names.split(","))


# Round twelve: what one row of each team file weighs, as a multiple of the trainer's own council weight
# (`train_abuse.COUNCIL_WEIGHT`, a sample weight; `train_embed.COUNCIL_REPEAT` copies, each row's loss
# multiplied by this); a file not named weighs 1. Each trainer keeps its own (`train_abuse.FILE_WEIGHTS`,
# `train_embed.FILE_WEIGHTS`), chosen on the development sets (docs/checks.md, "Round twelve"); their
# `--file-weights` overrides it.
def file_weights(spec: str | None, default: dict[str, float]) -> dict[str, float]:
    """The weights a trainer's ``--file-weights`` names ("council_train6.tsv=0.5,council_train7.tsv=2",
    files in bench/data), or ``default`` when it names none; "-" names none, so every file weighs 1."""
    if spec is None:
        return dict(default)
    weights: dict[str, float] = {}
    for part in filter(None, spec.split(",")):
        if part == "-":
            continue
        name, _, value = part.partition("=")
        if not value or float(value) < 0:
            raise ValueError(f"--file-weights: {part!r} is not file=weight (a weight of 0 or more)")
        weights[name.strip()] = float(value)
    return weights


def council_row_weights(paths: tuple[Path, ...], weights: dict[str, float]) -> list[float]:
    """Each row's file weight, in ``read_council(paths)``'s order (a weight for a file not in ``paths`` is
    not used; one for a file that does not exist in bench/data is an error: a misspelt name)."""
    folder = Path(__file__).resolve().parent / "data"
    unknown = sorted(name for name in weights if not (folder / name).exists())
    if unknown:
        raise ValueError(f"file weights for files not in bench/data: {', '.join(unknown)}")
    return [weights.get(path.name, 1.0) for path in paths for _row in read_council((path,))]


def read_council(paths: tuple[Path, ...] = COUNCIL_TRAIN) -> list[tuple[str, int]]:
    """(text, label) of each file's rows in turn: a header row, then label, source and text separated by
    tabs; blank lines and lines starting with "#" are skipped."""
    rows: list[tuple[str, int]] = []
    for path in paths:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
        rows += [(text, int(label)) for label, _source, text in (line.split("\t") for line in lines[1:])]
    return rows


def save_linear_model(
    path: Path, vectorizer: Any, model: Any, figures: dict[str, Any], *, cpu_since: float | None = None
) -> None:
    """Write the model to `path` (.npz) and `figures` to `path` with .json, adding the number of terms
    and, given the `time.process_time()` the training started at, the CPU seconds it took in all."""
    vocabulary = vectorizer.get_feature_names_out()
    path.parent.mkdir(exist_ok=True)
    np.savez_compressed(
        path,
        vocabulary=np.array(vocabulary, dtype=str),
        idf=vectorizer.idf_.astype(np.float64),
        coef=model.coef_[0].astype(np.float64),
        intercept=np.array(float(model.intercept_[0])),
    )
    figures["terms"] = len(vocabulary)
    if cpu_since is not None:
        figures["cpu_seconds"] = round(time.process_time() - cpu_since)
    path.with_suffix(".json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


# Names at training time. The team's files repeat a few invented (and some real) place and person
# names and councillors' @handles, with skewed labels ("Brackley" in 14 rows of council_train6.tsv, 8
# abusive), and a model learns them as words of abuse (docs/checks.md, "Round eleven"). `vary_names`
# gives each copy of each row its own names, drawn with a fixed seed from the pools below (written for
# this; common UK towns, street stems, first names and surnames of many origins), so that no name goes
# with one label. A name here is a capitalised word that the files write capitalised somewhere other
# than at a sentence's start and never in lower case, less `KEEP_NAMES`: the words whose meaning is the
# point of a row (groups, nationalities, faiths and their places, festivals, days and months, titles,
# firms, the rude-looking real places the files hold as fair, the figures insults compare people to).
NAME_SEED = 0
TOWNS = (
    "Aldershot Alnwick Amersham Andover Ashford Aylesbury Banbury Barnsley Barnstaple Basildon Bedford "
    "Beverley Bicester Bideford Bingley Blyth Bodmin Bognor Bootle Boston Bourne Bracknell Braintree "
    "Brentwood Bridgend Bridgwater Bridlington Brigg Buckingham Burnley Bury Buxton Camborne Cannock "
    "Carlisle Castleford Chard Chatham Chelmsford Chepstow Chesham Chester Chorley Cirencester Clacton "
    "Colne Congleton Corby Crawley Crewe Darlington Dartford Daventry Deal Denbigh Dewsbury Didcot "
    "Doncaster Dover Dudley Dunstable Durham Eastleigh Ely Epsom Evesham Exmouth Falmouth Fareham "
    "Faversham Felixstowe Fleetwood Frome Gainsborough Gillingham Glossop Goole Gosport Grantham "
    "Gravesend Grimsby Guildford Halifax Harlow Harwich Hastings Hatfield Haverhill Helston Hereford "
    "Hexham Hinckley Hitchin Honiton Horsham Huntingdon Hythe Ilkeston Ilkley Ipswich Jarrow Keighley "
    "Kendal Kettering Keswick Kidderminster Knutsford Lancaster Launceston Ledbury Leek Leominster "
    "Lewes Lichfield Louth Lowestoft Ludlow Luton Lymington Macclesfield Maldon Malton Malvern "
    "Mansfield March Margate Market Matlock Melton Minehead Morecambe Morpeth Nantwich Newark "
    "Newbury Newquay Northallerton Northwich Oakham Ormskirk Ossett Oswestry Otley Penrith Penzance "
    "Pershore Peterlee Pickering Pontefract Poole Prescot Preston Ramsgate Redcar Redruth Reigate "
    "Retford Richmond Ripon Rochdale Romsey Rotherham Rugby Rugeley Runcorn Ryde Salisbury Sandbach "
    "Selby Sevenoaks Shaftesbury Sheerness Shrewsbury Sittingbourne Skegness Skipton Sleaford Spalding "
    "Stafford Stamford Stevenage Stockport Stone Stroud Sudbury Swadlincote Swanage Tamworth Taunton "
    "Tewkesbury Thame Thetford Thirsk Tiverton Tonbridge Torquay Totnes Tring Truro Uttoxeter "
    "Wakefield Wallingford Walsall Wantage Ware Warminster Warrington Warwick Watford Wellingborough "
    "Wells Wetherby Weymouth Whitby Whitehaven Widnes Wigan Wimborne Winsford Wisbech Witney Woking "
    "Worksop Worthing Yeovil"
).split()
STREETS = (
    "Acacia Albert Alder Alma Ash Aspen Beacon Beech Birch Bramble Bridge Brook Castle Cedar Chapel "
    "Cherry Chestnut Church Clover Coronation Cromer Dale Elm Farm Fern Field Forge Foxglove Garden "
    "Glebe Granary Green Hawthorn Heath Hazel Highfield Holly Kingsway Larch Laurel Lime Linden Maple "
    "Meadow Mill Moor Mount Nelson Newtown Oak Orchard Park Pinfold Poplar Priory Queens Quarry "
    "Rectory Ridge Rowan School Spring Station Sycamore Tannery Thorn Tower Union Victoria Vicarage "
    "Water Well Willow Windmill York"
).split()
FIRST_NAMES = (
    "Aaliyah Abdul Adam Aisha Alan Alice Amir Amrit Andrew Angela Anil Ann Anwar Arjun Barbara Ben "
    "Bernadette Bilal Brian Carl Carol Catherine Chen Chidi Chris Dariusz Dave Deborah Declan Deepa "
    "Denise Dylan Ed Elaine Eleanor Emeka Fatima Fiona Gail Gary George Grace Gurpreet Hamza Harry "
    "Hassan Heather Ian Imran Isla Ivan Jack Jamal Jane Jason Jasvinder Jean Joanne Jordan Joyce Julie "
    "Kamal Keith Kelly Kevin Kwame Leon Lesley Lucy Mandeep Marek Margaret Martin Mei Michelle Mohammed "
    "Molly Nadia Neil Nikhil Nina Noah Olivia Omar Paul Paula Pauline Priya Rachel Raj Rebecca Rhys "
    "Rosa Ruth Ryan Saima Samuel Shabnam Siobhan Sunita Tariq Teresa Tomasz Tony Tracey Usha Vikram "
    "Wendy Yusuf Zainab Zoe"
).split()
SURNAMES = (
    "Abbott Akhtar Ali Allen Appleby Armstrong Atkinson Bailey Banks Barker Barlow Bentley Bibi "
    "Blackburn Booth Bradshaw Brennan Briggs Brooks Brown Buckley Burton Campbell Chadwick Chambers "
    "Chapman Clarke Coleman Collins Cooper Crossley Dalton Dixon Doherty Douglas Edwards Farrell Fletcher "
    "Foster Gallagher Gibson Goodwin Gordon Gray Hall Hamilton Hancock Hardy Harris Hewitt Hill Holmes "
    "Howard Hughes Hunt Iqbal Jackson Johnson Kaur Kennedy Khan Kowalski Lawrence Lewis Lindsay Lucas "
    "Lynch Marshall Martin Matthews McCarthy McDonald Mills Mitchell Murphy Nowak Nkemelu O'Neill Owusu "
    "Palmer Parker Parry Pearson Phillips Powell Price Rahman Ramsay Richardson Robinson Russell "
    "Saunders Shepherd Simpson Singh Slater Stevens Stewart Sutton Taylor Thomas Townsend Turner Ward "
    "Watson Wells Whitehead Wilkinson Williams Wilson Wong Wood Wright Young"
).split()
TITLES = frozenset("cllr councillor mr mrs ms miss dr sir madam mx".split())
STREET_TYPES = frozenset(
    "road rd lane street st close way avenue ave drive grove crescent terrace place court row hill park "
    "green gardens square mews walk rise parade vale croft estate".split()
)
KEEP_NAMES = frozenset(
    # groups, nationalities, languages, faiths, their countries and cities
    "afghan afghanistan africa african africans albanians arabic asian asians bangladeshi britain british "
    "caribbean china england eritrean european gaza hindu hindus india indian indians irish islamic "
    "islamist israel jew jewish kabul karachi lagos nigerian nigerians paki pakis pakistani poles punjabi "
    "roma roman romanian romanians romans scots scottish scousers sikh somali somalia somalis syria "
    "syrians turkish ukraine ukrainian urdu welsh windrush hong kong "
    "muslim muslims polish gypsy gypsies traveller travellers chinese eastern east europe europeans english "
    "black white jews sikhs "
    # festivals, history, days and months, titles, institutions, firms, brands
    "christmas eid boxing diwali easter hanukkah holocaust lunar ramadan remembrance mubarak january february april "
    "march may june july august september october november december monday mondays tuesday tuesdays "
    "wednesday wednesdays thursday thursdays friday fridays saturday saturdays sunday sundays queen tesco "
    "mr mrs ms sir madam co rd st bs avenue crescent hub "
    "ombudsman gazette inspectorate resilience welfare universal grammar memorial royal crown king kings "
    "westminster facebook instagram zoom boots woolworths wetherspoons astra corsa belisha gees bee "
    "atlantic severn tyne "
    # real places and words the files hold as fair because they look rude (the Scunthorpe problem)
    "balls butthole cock cockburnspath cockermouth cockfosters cocks crotch dick dicker fanny hoar hore "
    "kinky lickey minge penistone sexhow shagg snoring twatt wetwang scunthorpe tongues itchington "
    # figures insults compare people to
    "hitler napoleon neanderthal trojan peppa scratchy".split()
)
_CAPITAL = re.compile(r"\b[A-Z][a-z]+\b")
_HANDLE = re.compile(r"@\w+")
_WORD = re.compile(r"\b[A-Za-z]+\b")


def names_in(texts: list[str]) -> frozenset[str]:
    """The words `vary_names` replaces in these texts (see the note above `TOWNS`)."""
    # Lower case in a text that uses capitals makes a word an ordinary one; texts all in lower case
    # ("@cllrsandhu pennock is useless") say nothing either way.
    # A word after a title ("cllr pennock") is a name however it is written.
    lower = {
        match.group(2)
        for text in texts
        if text != text.lower()
        for match in re.finditer(r"(\w*)\W*?\b([a-z][a-z'-]*)\b", text)
        if match.group(1).lower() not in TITLES
    }
    found = set()
    for text in texts:
        for match in _CAPITAL.finditer(text):
            before = text[: match.start()].rstrip()
            if before and before[-1] not in '.!?:"\u201c(':
                found.add(match.group())
    ordinary = lower | KEEP_NAMES | TITLES | STREET_TYPES
    return frozenset(word for word in found if word.lower() not in ordinary)


def _replace_names(text: str, names: frozenset[str], draw: random.Random, often: frozenset[str]) -> str:
    """`text` with each name (the same one within the text the same way) and each @handle drawn anew. A
    name in lower case too after a title ("cllr pennock"), and in a text all in lower case the names in
    `often` (not every name: "ho", "gold" and "bull" are words)."""
    chosen: dict[str, str] = {}

    def name(match: re.Match[str]) -> str:
        word = match.group()
        if word.islower():
            before = re.findall(r"[A-Za-z]+", text[: match.start()])[-1:]
            after_title = bool(before) and before[0].lower() in TITLES and word.capitalize() in names
            if not (after_title or (lowered and word.capitalize() in often)):
                return word
        elif word not in names:
            return word
        if word.capitalize() != word:
            return name_for(word.capitalize(), match).lower()
        return name_for(word, match)

    def name_for(word: str, match: re.Match[str]) -> str:
        if word not in chosen:
            before = re.findall(r"[A-Za-z]+", text[: match.start()])[-1:]
            after = re.findall(r"[A-Za-z]+", text[match.end() :])[:1]
            if before and before[0].lower() in TITLES:
                pool = SURNAMES
            elif after and after[0].lower() in STREET_TYPES:
                pool = STREETS
            else:
                pool = (TOWNS, FIRST_NAMES, SURNAMES)[draw.randrange(3)]
            chosen[word] = draw.choice(pool)
        return chosen[word]

    def handle(match: re.Match[str]) -> str:
        if match.group() not in chosen:
            first, last = draw.choice(FIRST_NAMES), draw.choice(SURNAMES).replace("'", "")
            cllr = "cllr" in match.group().lower()
            chosen[match.group()] = "@" + draw.choice(
                [f"Cllr{last}", f"{first}{last}Cllr", f"Cllr{first}{last}"]
                if cllr
                else [f"{first}{last}", f"{last}{first[0]}"]
            )
        return chosen[match.group()]

    lowered = text == text.lower()
    text = _HANDLE.sub(lambda match: handle(match).lower() if lowered else handle(match), text)
    return _WORD.sub(name, text)


def vary_names(rows: list[tuple[str, int]], copies: int, seed: int = 0) -> list[tuple[str, int]]:
    """`copies` copies of `rows` one after another (copy j of row i at j * len(rows) + i, as
    ``rows * copies``), each with its names and @handles drawn anew (seeded), so that no name goes with
    one label in training. ``seed=None`` keeps the names (``rows * copies``)."""
    if seed is None:
        return rows * copies
    names = names_in([text for text, _label in rows])
    counts = Counter(match.group() for text, _label in rows for match in _CAPITAL.finditer(text))
    often = frozenset(name for name in names if counts[name] >= 5)
    draw = random.Random(seed)
    return [(_replace_names(text, names, draw, often), label) for _copy in range(copies) for text, label in rows]


# Groups at training time (round twelve). The team's files name a few groups mostly in one class ("the
# migrants" in two council rows, both abusive), so a model learns the group word as abuse, or as fair.
# `vary_groups` gives each copy of a row that names a group a group drawn (seeded) from the pool below,
# in the same grammatical slot: a plural ("the migrants'", "Trans people are"), a singular after a
# determiner ("a refugee who", "an immigrant."), or a word before a person noun ("Roma families", "the
# Muslim community"). The label stays: abuse of any group is abuse, a fair question about any group is
# fair. Slurs are not in the pool and are never touched; rows about a faith's own practice (a mosque,
# Eid) keep their group, whose meaning is the point there.
GROUP_SEED = 1
GROUPS = (  # (plural, singular, word before a person noun)
    ("migrants", "migrant", "migrant"),
    ("refugees", "refugee", "refugee"),
    ("asylum seekers", "asylum seeker", "asylum-seeking"),
    ("immigrants", "immigrant", "immigrant"),
    ("Muslims", "Muslim", "Muslim"),
    ("Jews", "Jewish person", "Jewish"),
    ("Travellers", "Traveller", "Traveller"),
    ("Gypsies", "Gypsy", "Gypsy"),
    ("Roma people", "Roma person", "Roma"),
    ("Sikhs", "Sikh", "Sikh"),
    ("Hindus", "Hindu", "Hindu"),
    ("Poles", "Pole", "Polish"),
    ("Asians", "Asian", "Asian"),
    ("trans people", "trans person", "trans"),
    ("gay people", "gay person", "gay"),
    ("disabled people", "disabled person", "disabled"),
    ("Black people", "Black person", "Black"),
)
PERSON_NOUNS = frozenset(
    "families family kids children child women woman men man residents resident community communities "
    "people person pupils pupil workers worker neighbours neighbour lads girls boys girl boy youths "
    "tenants tenant couples couple parents mums dads students student staff household households".split()
)
_DETERMINERS = frozenset("a an the one every each this that any no another your our my his her their".split())
_AFTER_SINGULAR = frozenset(
    "is was who and or has had can will would should does did to in on at from with for of but as if "
    "which when because gets got lives living".split()
)
_FAITH_PRACTICE = re.compile(
    r"\b(?:eid|ramadan|mosques?|synagogues?|temples?|gurdwaras?|diwali|hanukkah|vaisakhi|passover|"
    r"prayers?|kosher|halal|sabbath|shabbat|church(?:es)?)\b",
    re.I,
)
_GROUP_FORMS: dict[str, list[tuple[int, int]]] = {}
for _index, _forms in enumerate(GROUPS):
    for _slot, _form in enumerate(_forms):
        _GROUP_FORMS.setdefault(_form.lower(), []).append((_index, _slot))
_GROUP_FORMS.setdefault("jew", []).append((GROUPS.index(GROUPS[5]), 1))
_GROUP_FORMS.setdefault("asylum seeker", []).append((2, 2))
_GROUP = re.compile(
    r"\b(?:(?P<article>an?)\s+)?(?P<group>"
    + "|".join(re.escape(form) for form in sorted(_GROUP_FORMS, key=len, reverse=True))
    + r")(?P<own>'s|\u2019s|'|\u2019)?(?![\w-])",
    re.I,
)
_CAPITAL_ONLY = frozenset({"poles", "pole", "polish"})  # telegraph poles, polish the brass


def _group_slot(text: str, match: re.Match[str]) -> tuple[int, int] | None:
    """(group, slot) of a group word in `text`, or None where it is not in one of the three slots."""
    word = match.group("group")
    if word.lower() in _CAPITAL_ONLY and not word[0].isupper():
        return None
    choices = _GROUP_FORMS[word.lower()]
    after = re.match(r"\s+([A-Za-z]+)", text[match.end() :])
    next_word = after.group(1) if after else ""
    before = re.findall(r"[A-Za-z]+", text[: match.start("group")])[-1:]
    for group, slot in choices:
        if slot == 0:
            return group, 0
        if slot == 2 and not match.group("own") and next_word.lower() in PERSON_NOUNS:
            return group, 2
        if (
            slot == 1
            and before
            and before[0].lower() in _DETERMINERS
            and (not next_word or not next_word.islower() or next_word in _AFTER_SINGULAR)
            and not re.match(r"\s*-", text[match.end() :])
        ):
            return group, 1
    return None


def _replace_groups(text: str, draw: random.Random) -> str:
    """`text` with each group it names in one of the three slots replaced by one drawn from `GROUPS`, the
    same group the same way within the text, two different groups by two different ones."""
    if _FAITH_PRACTICE.search(text):
        return text
    chosen: dict[int, int] = {}
    lowered = text == text.lower()

    def group(match: re.Match[str]) -> str:
        slot = _group_slot(text, match)
        if slot is None:
            return match.group()
        source, form = slot
        if source not in chosen:
            free = [index for index in range(len(GROUPS)) if index not in chosen.values()]
            chosen[source] = draw.choice(free)
        word = GROUPS[chosen[source]][form]
        written = match.group("group")
        if lowered:
            word = word.lower()
        elif written.isupper() and len(written) > 1:
            word = word.upper()
        elif written[0].isupper() and match.start("group") == match.start():
            before = text[: match.start()].rstrip()
            if not before or before[-1] in '.!?:"\u201c(':  # a sentence's first word
                word = word[0].upper() + word[1:]
        own = match.group("own")
        if own:
            word += "'" if word.endswith("s") and own in ("'", "\u2019") else "'s" if not word.endswith("s") else own
        article = match.group("article")
        if article:
            vowel = word[0].lower() in "aeiou"
            new = "an" if vowel else "a"
            if article[0].isupper():
                new = new.capitalize()
            return f"{new}{match.group()[len(article) : match.start('group') - match.start()]}{word}"
        return word

    return _GROUP.sub(group, text)


def vary_groups(rows: list[tuple[str, int]], seed: int | None = GROUP_SEED) -> list[tuple[str, int]]:
    """Each row with the groups it names drawn anew (seeded; `_replace_groups`), labels kept, so that no
    group word goes with one label in training. ``seed=None`` keeps the rows as written."""
    if seed is None:
        return list(rows)
    draw = random.Random(seed)
    return [(_replace_groups(text, draw), label) for text, label in rows]


def vary_council(
    rows: list[tuple[str, int]], copies: int, name_seed: int | None = NAME_SEED, group_seed: int | None = GROUP_SEED
) -> list[tuple[str, int]]:
    """The council rows as both trainers take them: `copies` copies, names varied (`vary_names`), then
    groups varied (`vary_groups`); a seed of None keeps that part as written."""
    return vary_groups(vary_names(rows, copies, name_seed), group_seed)
