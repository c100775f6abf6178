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
    for name in ("council_train.tsv", "council_train2.tsv", "council_train3.tsv", "council_train4.tsv")
)  # council_train5.tsv to council_train7.tsv: measured and not adopted (docs/checks.md, "Round eleven")


def council_files(names: str | None) -> tuple[Path, ...]:
    """The training files a trainer's ``--council-files`` names (comma-separated, in bench/data), or
    ``COUNCIL_TRAIN`` when it names none: to try a file before adding it to the list."""
    if not names:
        return COUNCIL_TRAIN
    return tuple(Path(__file__).resolve().parent / "data" / name for name in names.split(","))


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
