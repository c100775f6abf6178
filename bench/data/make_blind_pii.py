#!/usr/bin/env python3
"""Generate a blind, labelled PII evaluation set for a UK council social-media PII detector.

Written independently of any detector code. Values are random (fixed seed) with valid
checksums where the type requires one (NHS mod-11, card Luhn, IBAN mod-97).
Sentences come from hand-written frames; placeholders are filled by generators and the
character offsets of labelled values are recorded while the text is assembled, so
text[start:end] == value by construction (and re-checked at the end).

Usage: python3 make_pii.py  -> writes pii_blind.jsonl and README_pii.md next to this file.
"""
import json
import os
import random
import re
from collections import Counter, defaultdict
from datetime import date, timedelta

SEED = 20250611
rng = random.Random(SEED)
OUT_DIR = os.path.dirname(os.path.abspath(__file__))

# ----------------------------------------------------------------------------
# checksums
# ----------------------------------------------------------------------------

def nhs_check_digit(d9):
    s = sum(int(c) * w for c, w in zip(d9, range(10, 1, -1)))
    c = 11 - (s % 11)
    return 0 if c == 11 else c  # 10 == invalid


def nhs_valid(d):
    d = re.sub(r"\D", "", d)
    if len(d) != 10:
        return False
    c = nhs_check_digit(d[:9])
    return c != 10 and c == int(d[9])


def luhn_valid(num):
    digits = [int(c) for c in re.sub(r"\D", "", num)]
    total = 0
    for i, dgt in enumerate(reversed(digits)):
        if i % 2 == 1:
            dgt *= 2
            if dgt > 9:
                dgt -= 9
        total += dgt
    return total % 10 == 0


def luhn_complete(partial):
    for d in "0123456789":
        if luhn_valid(partial + d):
            return partial + d
    raise AssertionError


def _iban_int(s):
    return int("".join(str(int(ch, 36)) for ch in s))


def iban_make(cc, bban):
    kk = 98 - _iban_int(bban + cc + "00") % 97
    return f"{cc}{kk:02d}{bban}"


def iban_valid(s):
    s = s.replace(" ", "").upper()
    return _iban_int(s[4:] + s[:4]) % 97 == 1


def digits(n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def group4(s):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))

# ----------------------------------------------------------------------------
# vocabularies
# ----------------------------------------------------------------------------

FIRST = """Olivia Amelia Isla Ava Mia Grace Freya Lily Sophie Emily Chloe Jessica Megan Charlotte Hannah
Ellie Evie Poppy Ruby Daisy Niamh Siobhan Aoife Ciara Catriona Eilidh Morag Rhiannon Cerys Angharad Seren
Priya Aisha Fatima Zainab Amira Sana Harpreet Simran Anjali Kavita Nisha Yasmin Agnieszka Katarzyna Zofia
Oksana Ioana Adaeze Chiamaka Folake Abena Nkechi Keisha Shanice Margaret Jean Pauline Brenda Sheila Doreen
Maureen Janet Linda Susan Karen Tracey Joanne Kerry Leanne Stacey Jade Zoë Bethan Oliver George Harry Jack
Jacob Noah Charlie Thomas Oscar William James Alfie Leo Archie Joshua Daniel Ryan Callum Liam Connor Sean
Ciarán Padraig Eoin Hamish Angus Fraser Euan Rhys Dylan Gareth Owain Dafydd Mohammed Muhammad Ahmed Omar
Yusuf Ibrahim Bilal Imran Arjun Rohan Sanjay Rajesh Vikram Harjit Manpreet Kuldeep Tomasz Piotr Łukasz
Marek Andrei Mihai Chukwuemeka Oluwaseun Kwame Tunde Kofi Delroy Winston Trevor Keith Derek Colin Barry
Graham Nigel Malcolm Clive Roy Dennis Terry Wayne Darren Dean Craig Kieran Jordan Tyler Reece Bev Sue
Kath Pete Dave Steve Mick""".split()

SURNAMES = """Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson
Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson Wood Turner Martin Cooper
Hill Ward Morris Moore Clark King Baker Harrison Morgan Allen Scott Phillips Watson Davis Parker Price
Bennett Young Griffiths Mitchell Kelly Cook Carter Richardson Bailey Collins Bell Shaw Murphy Miller Cox
Richards Khan Marshall Anderson Simpson Ellis Adams Singh Begum Wilkinson Foster Chapman Powell Webb Rogers
Gray Mason Ali Hunt Hussain Campbell Matthews Owen Palmer Holmes Mills Barnes Knight Lloyd Butler Russell
Barker Fisher Stevens Jenkins Murray Dixon Harvey O'Neill O'Brien McDonald MacLeod McKenzie Sutherland
Llewellyn Pritchard Vaughan Chauhan Mistry Sharma Kaur Gill Sandhu Ahmed Rahman Chowdhury Mahmood Iqbal
Nowak Kowalski Wiśniewska Kowalczyk Popescu Okafor Adeyemi Mensah Boateng Okonkwo Nguyen Chen Wong
Smith-Jones Hamilton-Brown Fitzgerald Doherty Quinn Gallagher McLaughlin Brannigan Ogunleye Varga""".split()

FOREIGN_NAMES = {
    "DE": ("Lukas Jonas Anna Lena Jürgen Sabine Katharina Matthias Stefan Ursula".split(),
           "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Hoffmann Schäfer".split()),
    "FR": ("Camille Léa Manon Julien Thomas Nicolas Élodie Sébastien Chloé Mathieu".split(),
           "Martin Bernard Dubois Robert Richard Petit Durand Leroy Moreau Lefèvre".split()),
    "IT": ("Giulia Francesca Marco Luca Alessandro Chiara Giorgio Sofia".split(),
           "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci".split()),
    "ES": ("Lucía María Javier Carlos Pablo Elena Sergio Carmen".split(),
           "García Fernández González Rodríguez López Martínez Sánchez Pérez".split()),
    "PL": ("Agnieszka Katarzyna Tomasz Piotr Krzysztof Magdalena Paweł Joanna".split(),
           "Nowak Kowalski Wiśniewski Wójcik Kamińska Lewandowski Zielińska Szymański".split()),
    "US": ("Madison Tyler Brandon Ashley Kayla Hunter Dakota Jaden Brittany Cody".split(),
           "Rodriguez Johnson Miller Hernandez Nguyen Garcia Kowalczyk Washington Sullivan Brooks".split()),
}

TOWNS = [
    ("Hinckley", ["LE10"]), ("Burbage", ["LE10"]), ("Earl Shilton", ["LE9"]), ("Barwell", ["LE9"]),
    ("Market Bosworth", ["CV13"]), ("Leicester", ["LE1", "LE2", "LE3", "LE4", "LE5"]), ("Blaby", ["LE8"]),
    ("Loughborough", ["LE11"]), ("Lutterworth", ["LE17"]), ("Market Harborough", ["LE16"]),
    ("Coventry", ["CV1", "CV2", "CV5"]), ("Nuneaton", ["CV10", "CV11"]), ("Rugby", ["CV21", "CV22"]),
    ("Manchester", ["M14", "M20", "M4"]), ("Salford", ["M6"]), ("Leeds", ["LS6", "LS11"]), ("Bradford", ["BD7"]),
    ("Sheffield", ["S10", "S2"]), ("Nottingham", ["NG7", "NG5"]), ("Derby", ["DE22", "DE23"]),
    ("Birmingham", ["B29", "B13", "B11"]), ("Cardiff", ["CF24", "CF11"]), ("Swansea", ["SA1", "SA2"]),
    ("Glasgow", ["G12", "G41", "G31"]), ("Edinburgh", ["EH6", "EH11"]), ("Aberdeen", ["AB10", "AB24"]),
    ("Belfast", ["BT9", "BT7"]), ("Bristol", ["BS5", "BS3"]), ("Plymouth", ["PL4"]), ("Norwich", ["NR2"]),
    ("York", ["YO10", "YO31"]), ("Newcastle upon Tyne", ["NE6"]), ("Liverpool", ["L15", "L8"]),
    ("London", ["SE15", "N16", "E17", "W12", "SW9", "NW10"]), ("Brighton", ["BN2"]), ("Exeter", ["EX4"]),
    ("Inverness", ["IV2"]), ("Wrexham", ["LL11"]), ("Hull", ["HU5"]), ("Stoke-on-Trent", ["ST4"]),
    ("Oxford", ["OX4"]), ("Cambridge", ["CB1"]), ("Reading", ["RG1"]), ("Southampton", ["SO15"]),
    ("Truro", ["TR1"]), ("Carlisle", ["CA2"]), ("Lincoln", ["LN2"]), ("Peterborough", ["PE1"]), ("Bath", ["BA2"]),
    ("Dundee", ["DD4"]), ("Lisburn", ["BT28"]), ("Coalville", ["LE67"]), ("Ashby-de-la-Zouch", ["LE65"]),
    ("Melton Mowbray", ["LE13"]), ("Wigston", ["LE18"]), ("Tamworth", ["B77"]), ("Bangor", ["LL57"]),
]

STREETS = """High Street|Station Road|Church Lane|Mill Lane|Victoria Road|Queens Road|Park Avenue|Windsor Close|
Meadow Way|Oak Drive|Elm Grove|Castle Street|Bosworth Road|Hinckley Road|Rugby Road|The Crescent|Ashby Road|
London Road|Manor Court|Orchard Close|Chapel Street|King Street|Regent Street|Coventry Road|Brookside|
Westfield Road|St Mary's Road|Glebe Road|Sycamore Avenue|Heol y Bryn|Ffordd Dinas|Dalry Road|Lisburn Road|
Bridge Street|Wellington Terrace|Nelson Street|Willow Walk|Foxglove Close|Clarendon Park Road|Abbey Lane|
Newbold Road|Barwell Lane|Stoke Lane|Factory Road|Spa Lane|Priesthills Road|Sketchley Lane|Butt Lane|
Leicester Road|Southfield Road|Derby Road|Beech Drive|Hollycroft|Jubilee Way|Kingfisher Road|Poplar Avenue|
Cross Street|Albert Street|Gladstone Terrace|Ridgeway|Lancaster Avenue|Princess Road|Shakespeare Drive|
Mount Pleasant|Greenhill Road|Canal Side|Bath Street|Hawthorn Crescent|Cornwall Way|Marsh Lane|Tennyson Road""".replace("\n", "").split("|")

ABBREV = {"Street": "St", "Road": "Rd", "Avenue": "Ave", "Lane": "Ln", "Close": "Cl", "Drive": "Dr", "Crescent": "Cres"}

COUNCILS = ["Hinckley & Bosworth Borough Council", "Blaby District Council", "Harborough District Council",
            "the council", "Leicestershire County Council", "Nuneaton and Bedworth Borough Council",
            "Charnwood Borough Council", "North West Leicestershire District Council"]
COUNCIL_SLUGS = ["hinckley-bosworth.gov.uk", "blaby.gov.uk", "harborough.gov.uk", "leics.gov.uk",
                 "nuneatonandbedworth.gov.uk", "charnwood.gov.uk", "nwleics.gov.uk"]

EMAIL_DOMAINS = ["gmail.com", "hotmail.co.uk", "hotmail.com", "outlook.com", "yahoo.co.uk", "btinternet.com",
                 "sky.com", "icloud.com", "live.co.uk", "aol.com", "protonmail.com", "virginmedia.com",
                 "talktalk.net", "googlemail.com", "ntlworld.com", "me.com", "outlook.co.uk"]
WORK_DOMAINS = ["harbourlettings.co.uk", "midlandshomecare.org.uk", "nhs.net", "bosworthplumbing.co.uk",
                "lboro.ac.uk", "le.ac.uk", "swiftremovals.com", "greenleaf-insurance.co.uk"]
FOREIGN_DOMAINS = ["gmx.de", "web.de", "orange.fr", "eircom.net", "wp.pl", "libero.it", "gmail.com",
                   "yahoo.com", "comcast.net", "telefonica.net", "ziggo.nl", "sapo.pt"]

MONTHS = "January February March April May June July August September October November December".split()


def ordinal(n):
    if 10 <= n % 100 <= 20:
        suf = "th"
    else:
        suf = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"

# ----------------------------------------------------------------------------
# value generators (return (value, label_or_None))
# ----------------------------------------------------------------------------

def pick(xs):
    return rng.choice(xs)


def gen_first():
    return pick(FIRST)


def gen_surname():
    return pick(SURNAMES)


def gen_name(country=None):
    if country:
        f, l = FOREIGN_NAMES[country]
        return f"{pick(f)} {pick(l)}"
    r = rng.random()
    if r < 0.08:
        return f"{gen_first()} {pick('ABCDEFGHJKLMNPRSTW')}. {gen_surname()}"
    if r < 0.14:
        return f"{gen_first()} {gen_first()} {gen_surname()}"
    return f"{gen_first()} {gen_surname()}"


def uk_mobile():
    body = "7" + pick("12345789") + digits(8)  # 10 digits after leading 0
    a, b = body[:4], body[4:]
    fmts = [
        lambda: f"0{a} {b}", lambda: f"0{a} {b}", lambda: f"0{body}", lambda: f"0{body}",
        lambda: f"0{a} {b[:3]} {b[3:]}", lambda: f"+44 {a} {b}", lambda: f"+44{body}",
        lambda: f"+44 (0){a} {b}", lambda: f"0044 {a} {b}", lambda: f"0{a}-{b[:3]}-{b[3:]}",
        lambda: f"(0{a}) {b}", lambda: f"0{a[:3]} {a[3:]}{b[:2]} {b[2:]}", lambda: f"+44 {a[:3]} {a[3:]}{b[:2]} {b[2:]}",
        lambda: f"0{a}.{b}",
    ]
    return pick(fmts)()


AREA4 = ["116", "121", "161", "113", "114", "115", "117", "118", "131", "141", "151", "191"]
AREA5 = ["1455", "1530", "1509", "1858", "1332", "1603", "1872", "1224", "1970", "1792", "1664", "1827",
         "1283", "1524", "1905", "1244", "1392", "1865", "1223", "1473"]
AREA2 = ["20", "29", "28", "24", "23", "113"]


def uk_landline():
    kind = rng.random()
    if kind < 0.4:
        ac = pick(AREA4)
        n = pick("2345789") + digits(6)
        a, b = n[:3], n[3:]
        fmts = [f"0{ac} {a} {b}", f"(0{ac}) {a} {b}", f"0{ac} {n}", f"0{ac}{n}", f"0{ac}-{a}-{b}",
                f"+44 {ac} {a} {b}", f"+44 (0){ac} {a} {b}", f"+44{ac}{n}", f"(0{ac}) {n}", f"0{ac} {a}{b}"]
    elif kind < 0.8:
        ac = pick(AREA5)
        n = pick("23456789") + digits(5)
        fmts = [f"0{ac} {n}", f"0{ac} {n}", f"(0{ac}) {n}", f"0{ac}{n}", f"0{ac}-{n}", f"+44 {ac} {n}",
                f"+44 (0){ac} {n}", f"0{ac} {n[:3]} {n[3:]}", f"0{ac} {n[:3]}{n[3:]}"]
    else:
        ac = pick(["20", "29", "28", "24", "23"])
        n = pick("3789") + digits(7)
        a, b = n[:4], n[4:]
        fmts = [f"0{ac} {a} {b}", f"0{ac} {a} {b}", f"(0{ac}) {a} {b}", f"0{ac}{n}", f"+44 {ac} {a} {b}",
                f"0{ac}{n[0]} {n[1:4]} {b}", f"+44 (0){ac} {a} {b}", f"0{ac}-{a}-{b}"]
    return pick(fmts)


def uk_nongeo():
    pre = pick(["800", "800", "808", "300", "300", "345", "333", "330", "343", "3000", "800"])
    if pre == "3000":
        n = digits(6)
        return pick([f"0{pre} {n}", f"0{pre}{n}", f"0{pre} {n[:3]} {n[3:]}"])
    n = digits(7)
    return pick([f"0{pre} {n[:3]} {n[3:]}", f"0{pre} {n}", f"0{pre}{n}", f"0{pre}-{n[:3]}-{n[3:]}",
                 f"0{pre} {n[:3]} {n[3:5]} {n[5:]}", f"+44 {pre} {n[:3]} {n[3:]}"])


COUNCIL_TELS_FIXED = ["01455 238141", "01455 238141", "(01455) 238141", "0116 275 0555", "0116 305 0001",
                      "01858 828282", "0116 272 7000", "024 7637 6376", "01509 263151", "01530 454545"]


def council_tel():
    if rng.random() < 0.6:
        return pick(COUNCIL_TELS_FIXED)
    return pick([uk_landline(), uk_nongeo()])


def us_phone():
    area = pick(["212", "312", "415", "617", "713", "206", "303", "512", "919", "608", "602", "718", "215", "416", "604"])
    ex = str(rng.randint(201, 989))
    ln = digits(4)
    return pick([f"+1 ({area}) {ex}-{ln}", f"({area}) {ex}-{ln}", f"{area}-{ex}-{ln}", f"{area}.{ex}.{ln}",
                 f"+1 {area} {ex} {ln}", f"1-{area}-{ex}-{ln}", f"+1-{area}-{ex}-{ln}"])


def ie_phone():
    if rng.random() < 0.5:
        mob = pick(["83", "85", "86", "87", "89"])
        n = digits(7)
        return pick([f"+353 {mob} {n[:3]} {n[3:]}", f"0{mob} {n[:3]} {n[3:]}", f"0{mob}-{n}", f"+353{mob}{n}",
                     f"(0{mob}) {n[:3]} {n[3:]}"])
    ac = pick(["1", "21", "91", "61", "51", "65"])
    n = digits(7 if ac == "1" else 6)
    return pick([f"+353 {ac} {n[:3]} {n[3:]}", f"(0{ac}) {n[:3]} {n[3:]}", f"0{ac} {n}", f"+353 (0){ac} {n}"])


def eu_phone(cc=None):
    cc = cc or pick(["FR", "DE", "ES", "NL", "PL", "IT", "PT"])
    if cc == "FR":
        d = pick("1234567") + digits(8)
        pairs = " ".join(d[i:i + 2] for i in range(1, 9, 2))
        return pick([f"+33 {d[0]} {pairs}", f"0{d[0]} {pairs}", f"+33{d}", f"0{d[0]}.{pairs.replace(' ', '.')}"])
    if cc == "DE":
        if rng.random() < 0.5:
            n = digits(8)
            return pick([f"+49 30 {n}", f"030 {n}", f"+49 (0)30 {n}", f"089 {n[:4]} {n[4:]}", f"+49 40 {n}"])
        n = digits(8)
        m = pick(["151", "160", "170", "176"])
        return pick([f"+49 {m} {n}", f"0{m} {n}", f"0{m}-{n}", f"+49 {m} {n[:4]} {n[4:]}"])
    if cc == "ES":
        n = pick("69") + digits(8)
        return pick([f"+34 {n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]} {n[3:6]} {n[6:]}", f"+34{n}", f"0034 {n[:3]} {n[3:5]} {n[5:7]} {n[7:]}"])
    if cc == "NL":
        if rng.random() < 0.5:
            n = digits(8)
            return pick([f"+31 6 {n}", f"06-{n}", f"06 {n[:2]} {n[2:4]} {n[4:6]} {n[6:]}", f"+316{n}"])
        n = digits(7)
        return pick([f"+31 20 {n[:3]} {n[3:]}", f"020 {n[:3]} {n[3:]}", f"+31 (0)30 {n}"])
    if cc == "PL":
        n = pick("5678") + digits(8)
        return pick([f"+48 {n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]} {n[3:6]} {n[6:]}", f"+48{n}", f"(+48) {n[:3]}-{n[3:6]}-{n[6:]}"])
    if cc == "IT":
        if rng.random() < 0.5:
            n = digits(7)
            return pick([f"+39 333 {n}", f"+39 347 {n[:3]} {n[3:]}", f"339 {n}"])
        n = digits(8)
        return pick([f"+39 06 {n[:4]} {n[4:]}", f"06 {n}", f"+39 02 {n}"])
    if cc == "PT":
        n = "9" + pick("1236") + digits(7)
        return pick([f"+351 {n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]} {n[3:6]} {n[6:]}", f"+351{n}"])
    raise ValueError(cc)


def other_intl_phone():
    n = digits(8)
    return pick([f"+91 98{n[:3]} {n[3:]}", f"+91-97{n}", f"+61 4{n[:2]} {n[2:5]} {n[5:]}", f"+234 803 {n[:3]} {n[3:7]}",
                 f"+971 50 {n[:3]} {n[3:7]}", f"+27 82 {n[:3]} {n[3:7]}", f"+64 21 {n[:3]} {n[3:7]}", f"+92 300 {n[:7]}"])


def uk_postcode(outward=None, lower_ok=True):
    town, outs = pick(TOWNS)
    outward = outward or pick(outs)
    inward = pick("0123456789") + "".join(pick("ABDEFGHJLNPQRSTUWXYZ") for _ in range(2))
    r = rng.random()
    if r < 0.08:
        pc = outward + inward
    elif r < 0.16 and lower_ok:
        pc = (outward + " " + inward).lower()
    else:
        pc = outward + " " + inward
    return pc


def town_and_pc():
    town, outs = pick(TOWNS)
    out = pick(outs)
    inward = pick("0123456789") + "".join(pick("ABDEFGHJLNPQRSTUWXYZ") for _ in range(2))
    pc = out + ("" if rng.random() < 0.07 else " ") + inward
    if rng.random() < 0.07:
        pc = pc.lower()
    return town, pc


def street(casual=False):
    s = pick(STREETS)
    if rng.random() < (0.35 if casual else 0.12):
        last = s.split()[-1]
        if last in ABBREV:
            s = s[: -len(last)] + ABBREV[last] + pick(["", "", "."])
    return s


def house_no():
    r = rng.random()
    if r < 0.6:
        n = str(rng.randint(1, 99))
    elif r < 0.85:
        n = str(rng.randint(100, 350))
    else:
        n = str(rng.randint(1, 60)) + pick(["a", "A", "b", "B", "c"])
    return n


def addr_short():
    return f"{house_no()} {street(casual=True)}"


def addr_full():
    town, pc = town_and_pc()
    n, s = house_no(), street()
    return pick([f"{n} {s}, {town} {pc}", f"{n} {s}, {town}, {pc}", f"{n} {s}, {town}", f"{n} {s} {town} {pc}",
                 f"{n} {s}, {town} {pc}", f"{n}, {s}, {town}, {pc}", f"{n} {s}, {pc}"])


def addr_any():
    return addr_short() if rng.random() < 0.5 else addr_full()


BUILDINGS = ["Jubilee Court", "Riverside House", "Victoria Mansions", "Castle View", "The Maltings", "Priory Court",
             "Kingsway House", "Albion Mill", "Trinity Court", "Hollybush House"]


def flat_addr():
    f = rng.randint(1, 40)
    n, s = house_no(), street()
    return pick([f"Flat {f}, {n} {s}", f"Flat {f} {n} {s}", f"flat {f}, {n} {s}", f"Flat {f}, {pick(BUILDINGS)}, {n} {s}",
                 f"Apartment {f}, {n} {s}", f"Apt {f}, {n} {s}", f"{rng.randint(1, 4)}/{rng.randint(1, 3)}, {n} {s}",
                 f"Flat {f}{pick('ABC')}, {n} {s}", f"Flat {rng.randint(1, 9)}/{rng.randint(1, 3)}, {n} {s}"])


def flat_full():
    town, pc = town_and_pc()
    return f"{flat_addr()}, {town} {pc}"


def addr_multi():
    town, pc = town_and_pc()
    lines = []
    if rng.random() < 0.3:
        lines.append(f"Flat {rng.randint(1, 20)}")
    lines.append(f"{house_no()} {street()}")
    lines.append(town)
    lines.append(pc)
    return pick([",\n", "\n"]).join(lines)


def po_box():
    town, pc = town_and_pc()
    n = rng.randint(10, 9999)
    return pick([f"PO Box {n}, {town} {pc}", f"P.O. Box {n}, {town}, {pc}", f"PO BOX {n}, {town.upper()}", f"PO Box {n}",
                 f"P.O. Box {n}, {town}"])


IE_PLACES = [("Ennis", "Co. Clare", "V95"), ("Galway", "Co. Galway", "H91"), ("Cork", "Co. Cork", "T12"),
             ("Limerick", "Co. Limerick", "V94"), ("Drogheda", "Co. Louth", "A92"), ("Waterford", "Co. Waterford", "X91"),
             ("Letterkenny", "Co. Donegal", "F92"), ("Kilkenny", "Co. Kilkenny", "R95"), ("Dublin 8", "", "D08"),
             ("Dublin 6W", "", "D6W"), ("Dublin 4", "", "D04"), ("Athlone", "Co. Westmeath", "N37"), ("Sligo", "Co. Sligo", "F91")]
IE_STREETS = ["Main Street", "Church Street", "O'Connell Street", "Patrick Street", "Dublin Road", "Bridge Street",
              "Shop Street", "Castle Road", "Strand Road", "Mary Street", "Drumcondra Road Upper", "Harbour View"]


def eircode(rk):
    return rk + " " + pick("ACDEFHKNPRTVWXY") + "".join(pick("ACDEFHKNPRTVWXY0123456789") for _ in range(3))


def ie_addr():
    town, county, rk = pick(IE_PLACES)
    n, s = rng.randint(1, 120), pick(IE_STREETS)
    parts = [f"{n} {s}", town] + ([county] if county else [])
    if rng.random() < 0.75:
        parts.append(eircode(rk))
    if rng.random() < 0.15:
        parts.append("Ireland")
    return ", ".join(parts)


US_CITIES = [("Springfield", "IL", "627"), ("Austin", "TX", "787"), ("Portland", "OR", "972"), ("Columbus", "OH", "432"),
             ("Boston", "MA", "021"), ("Denver", "CO", "802"), ("Seattle", "WA", "981"), ("Raleigh", "NC", "276"),
             ("Madison", "WI", "537"), ("Phoenix", "AZ", "850"), ("Brooklyn", "NY", "112"), ("Philadelphia", "PA", "191"),
             ("Chicago", "IL", "606"), ("Savannah", "GA", "314")]
US_STREETS = ["Maple", "Oak", "Elm", "Washington", "Lincoln", "Park", "Lake", "Cedar", "Pine", "Main", "Jefferson",
              "Sunset", "Highland", "Ridge", "5th", "3rd", "Magnolia", "Willow Creek"]
US_SUFFIX = ["Street", "St", "Avenue", "Ave", "Boulevard", "Blvd", "Drive", "Dr", "Road", "Rd", "Lane", "Ln", "Court", "Way"]


def us_addr(apt=None):
    city, st, zp = pick(US_CITIES)
    z = zp + digits(2) + (("-" + digits(4)) if rng.random() < 0.2 else "")
    n = rng.randint(1, 9899)
    pre = pick(["", "", "", "N ", "W ", "E ", "S. "])
    line = f"{n} {pre}{pick(US_STREETS)} {pick(US_SUFFIX)}"
    if apt or (apt is None and rng.random() < 0.3):
        line += pick([f", Apt {rng.randint(1, 30)}{pick('ABCD')}", f", Suite {rng.randint(100, 990)}", f" #{rng.randint(2, 40)}",
                      f", Unit {rng.randint(1, 20)}"])
    return pick([f"{line}, {city}, {st} {z}", f"{line}, {city} {st} {z}", f"{line}, {city}, {st}"])


def us_pobox():
    city, st, zp = pick(US_CITIES)
    return f"PO Box {rng.randint(100, 99999)}, {city}, {st} {zp}{digits(2)}"


def eu_addr(cc=None):
    cc = cc or pick(["DE", "FR", "ES", "NL", "PL", "IT", "PT", "BE"])
    n = rng.randint(1, 140)
    if cc == "DE":
        plz, city = pick([("10", "Berlin"), ("80", "München"), ("50", "Köln"), ("20", "Hamburg"), ("60", "Frankfurt am Main"),
                          ("70", "Stuttgart"), ("04", "Leipzig"), ("06", "Halle (Saale)")])
        s = pick(["Hauptstraße", "Bahnhofstraße", "Schillerstraße", "Goethestraße", "Lindenallee", "Berliner Straße",
                  "Gartenweg", "Am Marktplatz", "Kirchstr."])
        return pick([f"{s} {n}, {plz}{digits(3)} {city}", f"{s} {n}{pick(['', 'a', 'b'])}, D-{plz}{digits(3)} {city}"])
    if cc == "FR":
        cp, city = pick([("75", "Paris"), ("69", "Lyon"), ("13", "Marseille"), ("31", "Toulouse"), ("44", "Nantes"),
                         ("59", "Lille"), ("67", "Strasbourg"), ("76", "Le Grand-Quevilly"), ("14", "Lisieux")])
        v = pick(["rue de la République", "avenue Jean Jaurès", "rue Victor Hugo", "boulevard Gambetta", "rue des Lilas",
                  "place du Marché", "rue Pasteur", "allée des Tilleuls"])
        return pick([f"{n} {v}, {cp}{digits(3)} {city}", f"{n} bis {v}, {cp}{digits(3)} {city}", f"{n}, {v}, {cp}{digits(3)} {city.upper()}"])
    if cc == "ES":
        cp, city = pick([("28", "Madrid"), ("08", "Barcelona"), ("46", "Valencia"), ("41", "Sevilla"), ("29", "Málaga"), ("18", "Granada")])
        s = pick(["Mayor", "de Alcalá", "del Sol", "San Vicente", "de la Paz", "Real"])
        return pick([f"Calle {s}, {n}, {rng.randint(1, 8)}º {pick('ABCD')}, {cp}{digits(3)} {city}", f"C/ {s} {n}, {cp}{digits(3)} {city}",
                     f"Avenida {s} {n}, {cp}{digits(3)} {city}"])
    if cc == "NL":
        s = pick(["Keizersgracht", "Prinsengracht", "Dorpsstraat", "Kerkstraat", "Stationsweg", "Molenweg", "Oudegracht"])
        city = pick(["Amsterdam", "Utrecht", "Rotterdam", "Den Haag", "Eindhoven", "Groningen"])
        pc = str(rng.randint(1000, 9999)) + " " + pick("ABCDEFGHJKLMNPRST") + pick("ABCDEFGHJKLMNPRST")
        return f"{s} {n}{pick(['', '', '-2', ' A'])}, {pc} {city}"
    if cc == "PL":
        s = pick(["Marszałkowska", "Długa", "Piotrkowska", "Mickiewicza", "Słowackiego", "Kościuszki"])
        city = pick(["Warszawa", "Kraków", "Łódź", "Wrocław", "Gdańsk", "Poznań", "Tarnów"])
        return pick([f"ul. {s} {n}/{rng.randint(1, 60)}, {digits(2)}-{digits(3)} {city}", f"ul. {s} {n}, {digits(2)}-{digits(3)} {city}"])
    if cc == "IT":
        cap, city = pick([("001", "Roma"), ("201", "Milano"), ("501", "Firenze"), ("801", "Napoli"), ("101", "Torino"), ("401", "Bologna")])
        s = pick(["Via Roma", "Via Garibaldi", "Corso Vittorio Emanuele II", "Piazza della Repubblica", "Via Dante", "Viale Mazzini"])
        return pick([f"{s} {n}, {cap}{digits(2)} {city}", f"{s}, {n} - {cap}{digits(2)} {city}"])
    if cc == "PT":
        s = pick(["Rua Augusta", "Avenida da Liberdade", "Rua de Santa Catarina", "Rua do Carmo"])
        city = pick(["Lisboa", "Porto", "Coimbra", "Braga"])
        return f"{s} {n}, {rng.randint(1000, 4999)}-{digits(3)} {city}"
    if cc == "BE":
        s, cp, city = pick([("Rue Neuve", "1000", "Bruxelles"), ("Meir", "2000", "Antwerpen"), ("Veldstraat", "9000", "Gent")])
        return f"{s} {n}, {cp} {city}"
    raise ValueError(cc)


NI_BAD_FIRST = set("DFIQUV")
NI_BAD_SECOND = set("DFIOQUV")
NI_BAD_PREFIX = {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}


def ni_number():
    while True:
        a = pick("ABCEGHJKLMNOPRSTWXYZ")
        b = pick("ABCEGHJKLMNPRSTWXYZ")
        if a + b not in NI_BAD_PREFIX and a not in NI_BAD_FIRST and b not in NI_BAD_SECOND:
            break
    if rng.random() < 0.05:
        a, b = "Q", "Q"
    d = digits(6)
    s = pick("ABCD")
    v = pick([f"{a}{b}{d}{s}", f"{a}{b}{d}{s}", f"{a}{b} {d[:2]} {d[2:4]} {d[4:]} {s}", f"{a}{b} {d[:2]} {d[2:4]} {d[4:]} {s}",
              f"{a}{b} {d} {s}", f"{a}{b}-{d[:2]}-{d[2:4]}-{d[4:]}-{s}", f"{a}{b}{d} {s}", f"{a}{b} {d}{s}"])
    if rng.random() < 0.15:
        v = v.lower()
    return v


def nhs_number():
    while True:
        d9 = pick("4679") + digits(8)
        c = nhs_check_digit(d9)
        if c != 10:
            break
    d = d9 + str(c)
    return pick([f"{d[:3]} {d[3:6]} {d[6:]}", f"{d[:3]} {d[3:6]} {d[6:]}", f"{d[:3]} {d[3:6]} {d[6:]}", d, f"{d[:3]}-{d[3:6]}-{d[6:]}"])


def bad_nhs_digits():
    while True:
        d = pick("123456789") + digits(9)
        if not nhs_valid(d):
            return d


def sort_code():
    a = pick(["20", "40", "30", "60", "11", "09", "07", "77", "83", "04", "23", "16", "56", "52"])
    b, c = digits(2), digits(2)
    return pick([f"{a}-{b}-{c}", f"{a}-{b}-{c}", f"{a}{b}{c}", f"{a} {b} {c}", f"{a}-{b}-{c}"])


def account_no():
    return pick(["1234"[:0] + digits(8), digits(8), digits(8), digits(4) + " " + digits(4)])


IBAN_SPEC = {
    "GB": lambda: pick(["NWBK", "BARC", "LOYD", "HBUK", "MIDL", "NAIA", "SRLG", "MONZ"]) + digits(14),
    "IE": lambda: pick(["AIBK", "BOFI", "IPBS"]) + digits(14),
    "DE": lambda: digits(18),
    "FR": lambda: digits(10) + "".join(pick("0123456789ABCDEFGHJK") for _ in range(11)) + digits(2),
    "ES": lambda: digits(20),
    "NL": lambda: pick(["ABNA", "INGB", "RABO", "TRIO"]) + digits(10),
    "PL": lambda: digits(24),
    "IT": lambda: pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ") + digits(10) + digits(12),
    "PT": lambda: digits(21),
    "BE": lambda: digits(12),
}


def iban(cc="GB"):
    v = iban_make(cc, IBAN_SPEC[cc]())
    assert iban_valid(v)
    r = rng.random()
    if r < 0.6:
        return group4(v)
    if r < 0.9:
        return v
    return group4(v).lower() if rng.random() < 0.5 else v.lower()


def card(kind=None):
    kind = kind or pick(["visa", "visa", "visa", "mc", "mc", "mc2", "amex", "maestro"])
    if kind == "amex":
        n = luhn_complete(pick(["34", "37"]) + digits(12))
        return pick([f"{n[:4]} {n[4:10]} {n[10:]}", n, f"{n[:4]}-{n[4:10]}-{n[10:]}"])
    if kind == "visa":
        n = luhn_complete("4" + digits(14))
    elif kind == "mc":
        n = luhn_complete(pick(["51", "52", "53", "54", "55"]) + digits(13))
    elif kind == "mc2":
        n = luhn_complete(str(rng.randint(2221, 2720)) + digits(11))
    else:
        n = luhn_complete(pick(["6759", "6761"]) + digits(11))
    assert luhn_valid(n)
    return pick([group4(n), group4(n), n, "-".join(n[i:i + 4] for i in range(0, 16, 4)), group4(n)])


def rand_date(y0, y1):
    start = date(y0, 1, 1)
    return start + timedelta(days=rng.randint(0, (date(y1, 12, 31) - start).days))


def fmt_date(d, us=False):
    D, M, Y = d.day, d.month, d.year
    mon, mo3 = MONTHS[M - 1], MONTHS[M - 1][:3]
    if us:
        return pick([f"{M:02d}/{D:02d}/{Y}", f"{M}/{D}/{Y}", f"{mon} {D}, {Y}", f"{mo3}. {D}, {Y}", f"{M}-{D}-{Y}"])
    return pick([f"{D:02d}/{M:02d}/{Y}", f"{D:02d}/{M:02d}/{Y}", f"{D}/{M}/{Y}", f"{D:02d}/{M:02d}/{Y % 100:02d}",
                 f"{D:02d}.{M:02d}.{Y}", f"{D:02d}-{M:02d}-{Y}", f"{D} {mon} {Y}", f"{ordinal(D)} {mon} {Y}",
                 f"{ordinal(D)} of {mon} {Y}", f"{D} {mo3} {Y}", f"{D}-{mo3}-{Y}", f"{Y}-{M:02d}-{D:02d}",
                 f"{mon} {ordinal(D)} {Y}", f"{ordinal(D)} {mon.lower()} {Y}", f"{D}.{M}.{Y % 100:02d}", f"{D} {mo3.upper()} {Y}"])


def dob(us=False, y0=1940, y1=2006):
    return fmt_date(rand_date(y0, y1), us=us)


def event_date():
    d = rand_date(2024, 2026)
    wd = d.strftime("%A")
    return pick([fmt_date(d), f"{wd} {d.day} {MONTHS[d.month - 1]}", f"{wd} {ordinal(d.day)}", f"{d.day:02d}/{d.month:02d}/{d.year}",
                 f"{ordinal(d.day)} {MONTHS[d.month - 1][:3]}", f"{d.day} {MONTHS[d.month - 1]}"])


def email_for(name=None, foreign=False, work=False):
    dom = pick(FOREIGN_DOMAINS if foreign else (WORK_DOMAINS if work else EMAIL_DOMAINS))
    if name:
        parts = re.sub(r"[^A-Za-z \-]", "", name.replace("'", "")).split()
        f, l = parts[0], parts[-1]
    else:
        f, l = gen_first(), gen_surname()
        f = re.sub(r"[^A-Za-z]", "", f) or "sam"
        l = re.sub(r"[^A-Za-z\-]", "", l) or "jones"
    f, l = f.lower(), l.lower()
    nn = str(rng.randint(1, 99)) if rng.random() < 0.5 else str(rng.randint(1950, 2010))
    local = pick([f"{f}.{l}", f"{f}{l}{nn}", f"{f[0]}.{l}", f"{f}_{l}", f"{f}{nn}", f"{l}.{f}", f"{f}.{l}{nn}",
                  f"{pick(['bigdave', 'mummy', 'gooner', 'foxes', 'sunshine', 'the', 'mr', 'nana'])}{f}{nn}", f"{f[0]}{l}", f"{f}-{l}"])
    v = f"{local}@{dom}"
    if rng.random() < 0.06:
        v = v.capitalize()
    return v


def council_email():
    slug = pick(COUNCIL_SLUGS)
    box = pick(["customer.services", "housing", "wasteservices", "planning", "revenues", "enquiries", "elections",
                "environmental.health", "benefits", "lettings"])
    if rng.random() < 0.3:
        box = f"{gen_first().lower()}.{re.sub(r'[^a-z]', '', gen_surname().lower())}"
    return f"{box}@{slug}"

# ---- non-PII filler -----------------------------------------------------------

def planning_ref():
    yy = rng.randint(19, 25)
    return pick([f"{yy}/{rng.randint(1, 1500):05d}/{pick(['FUL', 'HH', 'OUT', 'LBC', 'TPO', 'DISCON', 'REM', 'CONDIT'])}",
                 f"P/{yy}/{rng.randint(1, 2000):04d}/{rng.randint(1, 3)}", f"{yy}/{rng.randint(1, 1500):05d}/FUL",
                 f"20{yy}/{rng.randint(100, 9999)}/PP", f"{pick(['24', '25'])}/{rng.randint(1, 999):05d}/HOU"])


def price():
    r = rng.random()
    if r < 0.3:
        return f"£{rng.randint(1, 99)}"
    if r < 0.6:
        return f"£{rng.randint(1, 250)}.{rng.randint(0, 99):02d}"
    if r < 0.8:
        return f"£{rng.randint(1, 9)},{rng.randint(0, 999):03d}"
    return f"{rng.randint(20, 99)}p" if r < 0.85 else f"£{rng.randint(1, 9)},{rng.randint(0, 999):03d}.{rng.randint(0, 99):02d}"


def track16():
    while True:
        n = digits(16)
        if not luhn_valid(n):
            break
    return pick([n, n, group4(n), "-".join(n[i:i + 4] for i in range(0, 16, 4))])


def ref10():
    d = bad_nhs_digits()
    return pick([d, d, d, f"{d[:3]} {d[3:6]} {d[6:]}", f"{d[:4]} {d[4:7]} {d[7:]}"])


FILLERS = {
    "REFNUM": ref10,
    "TRACKNUM": track16,
    "PLAN": planning_ref,
    "INV": lambda: pick([f"{rng.randint(2022, 2025)}-{rng.randint(1, 999)}", f"INV-{rng.randint(100, 99999):06d}",
                         f"{rng.randint(1000, 9999)}", f"SI-{rng.randint(2023, 2025)}-{rng.randint(1, 9999):04d}", f"00{rng.randint(100, 999)}"]),
    "PRICE": price,
    "PRICEM": lambda: pick([f"£{rng.randint(5, 90)}.{rng.randint(1, 9)}m", f"£{rng.randint(5, 90)} million", f"£{rng.randint(100, 900)}k"]),
    "DATE": event_date,
    "TIME": lambda: pick(["7am", "7.30am", "10:30", "14:00", "9pm", "half 6", "6.45pm", "noon", "midnight", "19:30",
                          "8.15", "11am", "3pm", "5:45pm", "10pm"]),
    "HOURS": lambda: pick(["9am–5pm Monday to Friday", "Mon-Fri 8:30-17:00", "8am to 6pm", "10am-4pm weekdays",
                           "9.00am - 5.00pm", "8:00–20:00 daily", "9am-1pm on Saturdays"]),
    "COUNT": lambda: pick(["1,200", "350", "2,500", "over 40", "12", "3,400", "15,000", "87", "600", "1.2k",
                           "nearly 900", "4,000", "23", "160", "more than 2,000", "48"]),
    "PCT": lambda: pick(["4.99%", "2.9%", "31%", "62.5%", "9%", "48 per cent", "5%", "27.3%"]),
    "ROAD": lambda: pick(["A5", "M69", "A47", "M1", "A6", "A46", "A42", "B4114", "A444", "M6", "A14", "A38", "A470",
                          "M8", "A9", "M4", "A55", "B582", "A1(M)", "M42", "A426", "B4666"]),
    "J": lambda: str(rng.randint(1, 25)),
    "BUS": lambda: pick(["158", "X84", "48", "7A", "X6", "27", "86", "Skylink", "X44", "14", "Arriva 8"]),
    "VER": lambda: pick(["v2.3.1", "version 4.0", "iOS 17.4", "3.12.0", "v5.1", "Android 14", "2.0.7", "v10.2"]),
    "SCORE": lambda: pick(["3-1", "2–2", "1-0", "4–3", "0-0", "27-24", "2-1", "5-0", "3–2"]),
    "YEAR": lambda: str(rng.randint(1998, 2024)),
    "FINYEAR": lambda: pick(["2025/26", "2024/25", "2025-26", "2026/27"]),
    "CASEREF": lambda: pick([f"CAS-{digits(6)}-{''.join(pick('BCDFGHJKLMNPQRSTVWXZ0123456789') for _ in range(4))}",
                             f"SR{digits(7)}", f"ENQ-{digits(6)}", f"FT/{digits(5)}", f"#{digits(5)}"]),
    "FOIREF": lambda: pick([f"FOI-2024-{digits(4)}", f"FOI {digits(5)}", f"EIR/2025/{digits(3)}", f"FOI/24/{digits(4)}"]),
    "LICREF": lambda: pick([f"TEN/24/{digits(4)}", f"LN/{digits(6)}", f"PREM/{digits(4)}"]),
    "COMPANYNO": lambda: pick(["0" + digits(7), "SC" + digits(6), "NI" + digits(6)]),
    "CHARITY": lambda: "11" + digits(5),
    "VATNO": lambda: f"GB {digits(3)} {digits(4)} {digits(2)}",
    "KG": lambda: f"{rng.randint(1, 40)}.{rng.randint(0, 9)}",
    "TIMEDUR": lambda: pick([f"{rng.randint(1, 9)}m {rng.randint(0, 59)}s", f"00:0{rng.randint(1, 9)}:{rng.randint(10, 59)}"]),
    "ROOM": lambda: pick(["G.14", "Room 3", "Committee Room 2", "the Council Chamber", "Meeting Room B"]),
    "GATE": lambda: pick(["B12", "A3", "C7", "14"]),
    "FLIGHT": lambda: str(rng.randint(100, 2999)),
    "N": lambda: str(rng.randint(2, 19)),
    "CITY": lambda: pick(["Halle", "Le Grand-Quevilly", "Lisieux", "Bad Wildungen", "Ennis", "Pornic", "Roth", "Tarnów",
                          "Granada", "Springfield", "Boston", "Kraków", "Lyon"]),
    "EUROAD": lambda: pick(["A7", "E15", "A1", "A8", "N7", "AP-7", "A4"]),
    "EXP": lambda: f"{rng.randint(1, 12):02d}/{rng.randint(25, 30)}",
    "REL": lambda: pick(["mother", "son", "partner", "wife", "husband", "neighbour", "brother", "daughter", "friend", "mum", "dad"]),
    "COMPANY": lambda: pick(["Harbour Lettings", "Midlands Home Care Ltd", "Swift Removals", "Bosworth Plumbing & Heating",
                             "Greenleaf Insurance", "Castle Estates", "Brightside Energy"]),
    "BANKNAME": lambda: pick(["Barclays", "NatWest", "Lloyds", "HSBC", "Santander", "Nationwide", "Monzo", "Starling", "Halifax", "TSB"]),
    "BIC": lambda: pick(["NWBKGB2L", "AIBKIE2D", "DEUTDEFF", "BNPAFRPP", "INGBNL2A", "BSCHESMM"]),
    "TOWN": lambda: pick(TOWNS)[0],
    "STREET": lambda: pick(STREETS),
    "DISTRICT": lambda: pick(pick(TOWNS)[1]),
    "COUNCIL": lambda: pick(COUNCILS[:3] + COUNCILS[4:]),
    "DAY": lambda: pick(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]),
    "CARDTAIL": lambda: digits(4),
}

# ----------------------------------------------------------------------------
# placeholder dispatch
# ----------------------------------------------------------------------------


class Ctx:
    def __init__(self, source):
        self.source = source
        self.cache = {}


def _name_for_email(ctx, idx):
    for k in (f"NAME{idx}", f"NAMEUP{idx}", f"NAMEDE{idx}", f"NAMEFR{idx}", f"NAMEIT{idx}", f"NAMEES{idx}", f"NAMEPL{idx}", f"NAMEUS{idx}"):
        if k in ctx.cache and rng.random() < 0.6:
            return ctx.cache[k][0]
    return None


def gen_value(base, idx, ctx):
    if base == "NAME":
        return gen_name(), "PERSON_NAME"
    if base == "NAMEUP":
        return gen_name().upper(), "PERSON_NAME"
    if base in ("NAMEDE", "NAMEFR", "NAMEIT", "NAMEES", "NAMEPL", "NAMEUS"):
        return gen_name(base[4:]), "PERSON_NAME"
    if base == "FIRST":
        return gen_first(), "PERSON_NAME"
    if base == "SURNAME":
        return gen_surname(), "PERSON_NAME"
    if base == "MOB":
        return uk_mobile(), "PHONE"
    if base == "LAND":
        return uk_landline(), "PHONE"
    if base == "PHONE":
        return pick([uk_mobile, uk_mobile, uk_landline])(), "PHONE"
    if base == "FREE":
        return uk_nongeo(), "PHONE"
    if base == "COUNCILTEL":
        return council_tel(), "PHONE"
    if base == "USPHONE":
        return us_phone(), "PHONE"
    if base == "IEPHONE":
        return ie_phone(), "PHONE"
    if base == "INTLPHONE":
        return other_intl_phone(), "PHONE"
    if base.startswith("EUPHONE"):
        cc = base[8:] or None
        return eu_phone(cc), "PHONE"
    if base == "EMAIL":
        return email_for(_name_for_email(ctx, idx), foreign=ctx.source == "international" and rng.random() < 0.5), "EMAIL"
    if base == "WORKEMAIL":
        return email_for(_name_for_email(ctx, idx), work=True), "EMAIL"
    if base == "COUNCILEMAIL":
        return council_email(), "EMAIL"
    if base == "PC":
        return uk_postcode(), "UK_POSTCODE"
    if base == "ADDRSHORT":
        return addr_short(), "ADDRESS"
    if base == "ADDRFULL":
        return addr_full(), "ADDRESS"
    if base == "ADDR":
        return addr_any(), "ADDRESS"
    if base == "ADDRMULTI":
        return addr_multi(), "ADDRESS"
    if base == "FLAT":
        return flat_addr(), "ADDRESS"
    if base == "FLATFULL":
        return flat_full(), "ADDRESS"
    if base == "POBOX":
        return po_box(), "ADDRESS"
    if base == "IEADDR":
        return ie_addr(), "ADDRESS"
    if base == "USADDR":
        return us_addr(), "ADDRESS"
    if base == "USADDRAPT":
        return us_addr(apt=True), "ADDRESS"
    if base == "USPOBOX":
        return us_pobox(), "ADDRESS"
    if base.startswith("EUADDR"):
        return eu_addr(base[7:] or None), "ADDRESS"
    if base == "NI":
        return ni_number(), "NI_NUMBER"
    if base == "NHS":
        return nhs_number(), "NHS_NUMBER"
    if base == "SORT":
        return sort_code(), "BANK"
    if base == "ACCT":
        return account_no(), "BANK"
    if base == "IBAN":
        return iban("GB"), "BANK"
    if base.startswith("IBAN_"):
        cc = base[5:]
        if cc == "X":
            cc = pick(["IE", "DE", "FR", "ES", "NL", "PL", "IT", "PT", "BE"])
        return iban(cc), "BANK"
    if base == "CARD":
        return card(), "CARD"
    if base == "AMEX":
        return card("amex"), "CARD"
    if base == "DOB":
        return dob(), "DOB"
    if base == "DOBUS":
        return dob(us=True), "DOB"
    if base == "DOBOLD":
        return dob(y0=1926, y1=1952), "DOB"
    if base == "DOBKID":
        return dob(y0=2008, y1=2020), "DOB"
    if base == "DOBCENT":
        return dob(y0=1925, y1=1926), "DOB"
    if base == "DOBUSOLD":
        return dob(us=True, y0=1925, y1=1950), "DOB"
    if base in FILLERS:
        return FILLERS[base](), None
    raise KeyError(base)


PH_RE = re.compile(r"\{([A-Z]+(?:_[A-Z]+)*)(\d*)\}")


def typo(s):
    def mangle(m):
        w = m.group(0)
        if len(w) >= 5 and rng.random() < 0.06:
            i = rng.randint(1, len(w) - 3)
            return pick([w[:i] + w[i + 1] + w[i] + w[i + 2:], w[:i] + w[i + 1:], w[:i] + w[i] + w[i:]])
        return w
    return re.sub(r"[A-Za-z]+", mangle, s)


def render(template, source, style=None):
    ctx = Ctx(source)
    out, spans, pos, last = [], [], 0, 0
    for m in PH_RE.finditer(template):
        lit = template[last:m.start()]
        if style:
            lit = style(lit)
        out.append(lit)
        pos += len(lit)
        key = m.group(1) + m.group(2)
        if key not in ctx.cache:
            ctx.cache[key] = gen_value(m.group(1), m.group(2), ctx)
        val, lab = ctx.cache[key]
        out.append(val)
        if lab:
            spans.append({"type": lab, "start": pos, "end": pos + len(val), "value": val})
        pos += len(val)
        last = m.end()
    lit = template[last:]
    if style:
        lit = style(lit)
    out.append(lit)
    return "".join(out), spans

# ----------------------------------------------------------------------------
# frames
# ----------------------------------------------------------------------------

CC_POS = [
    "My mum's NI number is {NI} and they still say they can't find her on the system. Her name is {NAME}, can someone PLEASE ring me on {MOB}",
    "Bins not collected AGAIN at {ADDRSHORT}. Third week running. Ring me {MOB} if you actually want to sort it",
    "@{COUNCIL} my dad {NAME} (DOB {DOBOLD}) has been waiting 6 weeks for his blue badge. His NHS number is {NHS} if that helps",
    "Can someone from housing contact me? {EMAIL} or {MOB}. I'm at {FLAT} and the damp is getting worse",
    "tried calling {COUNCILTEL} for an hour, no answer. my number is {PHONE} pls call back",
    "Lost cat near {ADDRSHORT}, ginger tom, answers to Biscuit. If found please call {FIRST} on {MOB} 🐱",
    "Why is my council tax direct debit coming out twice?? Sort code {SORT} account {ACCT}. Name on account {NAME}",
    "I paid for the garden waste permit with card {CARD} and never got the sticker. Address is {ADDRFULL}",
    "Message me back on {EMAIL}. Postcode {PC}. Still no recycling bin after 3 requests",
    "Reporting fly tipping outside {ADDRSHORT} — a whole sofa and a mattress. I live opposite, {FIRST}, {LAND}",
    "My son {FIRST} was born on {DOBKID} and the school admissions form keeps rejecting his date of birth. Can anyone help?",
    "Hello, I'm trying to register my nan's death. Her name was {NAME}, d.o.b. {DOBOLD}, NHS no {NHS}. Who do I speak to?",
    "Anyone know if {NAME} still runs the allotment association? Her number used to be {LAND}",
    "Noise from {ADDRSHORT} every night until 3am. I've emailed {COUNCILEMAIL} four times. Call me {MOB}",
    "{NAME} at {ADDRFULL} has had scaffolding up for 2 years with no permit, just saying",
    "hi my nino is {NI} for the council tax reduction form, where do i send it",
    "Can I pay the parking fine over the phone? Tried {FREE} and it cut me off. Ring me back on {MOB} please",
    "Still waiting on my housing benefit. Ref {REFNUM}, NI {NI}. Been 8 weeks!!",
    "my birthday is {DOBOLD} so surely I qualify for the bus pass?? {NAME}, {PC}",
    "Just had a letter addressed to {NAME} at {ADDRSHORT} but they moved out in {YEAR}. Who do I tell?",
    "Contact me at {EMAIL} about the tree at the back of {ADDRSHORT}, it's leaning on my fence",
    "Thanks to {FIRST} from the waste team who sorted our bins today 👏👏",
    "Lost my purse in town, I've cancelled the card but the number was {CARD} so if anyone tries to use it let the police know",
    "I'm a carer for {NAME}, DOB {DOBOLD}, who lives at {ADDRFULL}. Social services haven't called back. My number {MOB}",
    "Email me at {EMAIL}, I am disgusted with the state of the park",
    "my landlord {NAME} ({MOB}) refuses to fix the boiler at {FLAT}. What can environmental health do?",
    "Can you refund to my account please: {SORT} / {ACCT}, {NAME}",
    "Please can someone call my grandad {NAME} on {LAND}, he doesn't use facebook. It's about his assisted bin collection at {ADDRSHORT}",
    "New address for my electoral registration is {ADDRFULL}, old one was {ADDRSHORT}",
    "Put the wrong thing on the form, my NI is {NI} not {NI2}, sorry",
    "IBAN for the refund: {IBAN}. Account holder {NAME}",
    "I've been told to post my NHS number here for the assisted collection?? {NHS}. Seems odd",
    "I moved from {ADDRFULL} to {ADDRFULL2} last month, do I need to tell you or is it automatic?",
    "Anyone else's email been hacked? Getting spam to {EMAIL} ever since I signed up for garden waste",
    "The DOB on my bus pass is wrong, it says {DOB} but it should be {DOB2}. Who do I contact?",
    "Our street party is on {DATE}. Need a road closure from {ADDRSHORT} to the junction. Contact {NAME} {MOB}",
    "Who do i talk to about my mums care package, shes {NAME} born {DOBOLD}. the care line {FREE} just keeps me on hold",
    "Pls ring me asap {MOB} its urgent re my eviction notice",
    "Re council tax - {NAME}, {ADDRFULL}, paid by card {CARD} exp {EXP} and it's still showing as owed",
    "Grass not cut on {STREET} again. I'm at {ADDRSHORT} if anyone wants to come and look, {LAND}",
    "Fab work at the library today, thank you {FIRST} and {FIRST2}!",
    "My Polish neighbour {NAME} needs help with her council tax, she speaks little English. Her email is {EMAIL}",
    "Can I get a replacement bin? Old one was nicked from {ADDRFULL}. Tel {PHONE}",
    "Dear council, my daughter {NAME} (d.o.b {DOBKID}) needs a school place in {TOWN}. You can email me on {EMAIL}",
    "Is this legit? Got a text from {MOB} saying I owe council tax and to pay by card. It asked for my sort code too!",
    "{NAME}, {ADDRFULL}. Been on the housing list since {YEAR}, band B. Any update??",
    "Whoever is in charge of the car park on {STREET}, ring me {MOB}. Got a ticket when the machine was broken",
    "so i have to give my NI ({NI}) AND date of birth ({DOB}) just to book a tip slot? ridiculous",
    "Please update my contact number to {MOB}, the old one was {LAND}. Account is in the name of {NAME}",
    "DM'd you my details but no reply. {NAME}, {PC}, {MOB}",
    "Hi {FIRST}, thanks for the call earlier. As discussed my NHS number is {NHS}",
    "Can you help my uncle {NAME}? He uses {POBOX} for post as he's on the road a lot, mobile {MOB}",
    "my bank details have changed for housing benefit. new sort code {SORT}, acc no {ACCT}",
    "The lad who runs the market stall, {FIRST}, gave me {MOB} for pitch bookings but nobody ever answers",
    "Mr {SURNAME} at {ADDRSHORT} has been feeding the pigeons again, rats everywhere now",
    "Cllr {SURNAME} promised to look at this in {YEAR}. Still waiting. {NAME}, {ADDRSHORT}",
    "does anyone have a number for the bulky waste team? ive got {COUNCILTEL} but it just rings out",
    "Asked for a call back on {PHONE} three times now. Complaint ref {CASEREF}. Appalling",
    "My late husband {NAME} was born {DOBOLD}, I need his council tax account closed. His NI number was {NI}",
    "For anyone who needs the food bank, {NAME} at {ADDRFULL} is collecting donations, text {MOB}",
    "Apparently my flat isn't a real address on your system! It's {FLATFULL}. Sort it out please",
    "Our elderly neighbour {NAME} (born {DOBOLD}) hasn't had their bins emptied in a month. Their number is {LAND} if someone can check on them",
    "i've sent my email {EMAIL} and phone {MOB} three times through the app!!!",
    "Which email do I send the HB form to? I've tried {COUNCILEMAIL}. My NI no. is {NI}, DOB {DOB}",
    "My daughter's birthday is {DOBKID}, does she need her own bus pass yet? She's {NAME}",
    "Can someone get back to me about the payment card {CARD}? Charged £45 twice. {EMAIL}",
    "planning notice went up next door, {ADDRSHORT}. Owner is {NAME}. I object!! {EMAIL}",
    "Moving to {ADDRFULL} on the {N}th, how do I transfer my council tax? Mob {MOB}",
    "what day is recycling for {PC}?? the bin checker says no results",
    "Postcode is {PC} and the brown bin has been missed {N} times now",
    "Bin day changed for {PC}? Nobody told us. {FIRST}",
    "My GP said to give you my NHS number ({NHS}) for the disabled facilities grant, is that right?",
    "Card {CARD} keeps getting declined on your payment page, is the site down?",
    "Used card {CARD} to pay for a bulky collection and was charged twice. Postcode {PC}",
]

CC_NEG = [
    "Bins still not collected on {STREET}. Third week running. Absolute joke.",
    "When do collections resume after Christmas? The website says {DATE} but the app says different",
    "Why has council tax gone up by {PCT} when the roads look like this? {PRICE} a year for Band D!",
    "Planning application {PLAN} should be refused. {COUNT} people signed the petition.",
    "The {BUS} bus hasn't turned up for 40 mins. Is it diverted because of the {ROAD} roadworks?",
    "Can't log into the app since the update to {VER}. Anyone else?",
    "Great result for the town team on Saturday, {SCORE} 👏",
    "Order number {REFNUM} for my new recycling box, ordered {DATE}, still not here",
    "Tracking number {TRACKNUM} says delivered but there's nothing here??",
    "The tip is open {HOURS} right? Need to get rid of an old fridge",
    "The {ROAD} was shut between junctions {J} and {J2} for hours this morning",
    "invoice {INV} for my bulky waste collection says {PRICE} but the website said {PRICE2}",
    "Got a letter with ref {REFNUM} about my council tax and no explanation. Who do i ring?",
    "Potholes on {STREET} are horrendous. Reported on {DATE} and nothing done",
    "Is the leisure centre open on bank holiday Monday? Need to know before {TIME}",
    "{COUNT} homes and only one bin collection a fortnight? The maths doesn't work",
    "Why does planning ref {PLAN} say pending when the building is already half up?",
    "Street lights out all along {STREET} since {DATE}, it's pitch black by {TIME}",
    "Can someone explain why parking in {TOWN} town centre is now {PRICE} for an hour?",
    "Reported this on the app, case {CASEREF}, closed without anyone coming out",
    "The {ROAD} junction near {TOWN} needs a roundabout before someone gets killed",
    "Loving the new play park on {STREET}! Kids had a great time 😍",
    "How is it {COUNT} days since the fly tipping was reported?? Ref {REFNUM}",
    "Anyone know if the {BUS} still runs on Sundays after the timetable change on {DATE}?",
    "Council meeting on {DATE} at {TIME} - will it be streamed?",
    "Residents in {DISTRICT} have had no green bin collection since {DATE}",
    "{YEAR} was the last time they resurfaced {STREET}. Shambles.",
    "my parcel tracking {TRACKNUM} shows it stuck at the depot, is that the council depot or royal mail?",
    "Who decided the {BUS} should stop at {TIME}? Shift workers can't get home",
    "Christmas lights switch-on was brilliant, {COUNT} people there easily",
    "Paid {PRICE} for the garden waste permit, receipt no {INV}, no sticker yet",
    "Who do I call about a dead badger on the {ROAD} near the {TOWN} turn off?",
    "Count finished at {TIME}. Turnout {PCT}, pretty poor tbh",
    "The FOI response {FOIREF} came back almost totally redacted lol",
    "Is order {REFNUM} for the replacement caddy coming this week?",
    "Call 999 if it's an emergency, 101 if not — that's what the police told us about the fly tippers on {STREET}",
    "Score at the charity match was {SCORE}, raised {PRICE} for the food bank!",
    "Anyone know why the {ROAD} slip road has been coned off since {DATE}?",
    "Amazing how you can find {PRICE} for new signs but can't fix {STREET}",
    "What time does the {BUS} leave {TOWN} bus station? The timetable says {TIME} but it never comes",
    "Is the swimming pool still {PRICE} for kids or has that gone up in {YEAR}?",
    "My order {REFNUM} from the council shop was {PRICE}, still waiting after {N} weeks",
    "Road closed from {DATE} to {DATE2}?? That's the whole of half term!",
    "lol at the new website, version {VER} and it still doesn't work on my phone",
]

SP_POS = [
    "Thank you to everyone who came to the litter pick on {DATE}! Special mention to {NAME} who collected {COUNT} bags. Contact {FIRST2} on {MOB} to join the next one.",
    "Update on the missed collections in {STREET}: our crew will return tomorrow. {NAME} at {ADDRSHORT} — we've logged your complaint and will call you on {PHONE}.",
    "We're aware of flooding near {ADDRFULL}. If you need sandbags, call {COUNCILTEL} (24 hrs).",
    "Congratulations to our apprentice of the year, {NAME}! 🎉 {FIRST} joined the housing team in {YEAR}.",
    "Reply to {NAME}: we've passed your details (NI {NI}) to the benefits team, they will be in touch.",
    "Hi {FIRST}, sorry to hear about this. Could you DM us your address? We have {ADDRSHORT} on file, is that still correct?",
    "Found: a wallet on {STREET} this morning containing a bank card ({CARD}). Owner please contact {COUNCILEMAIL}.",
    "Our Customer Services team can be reached on {COUNCILTEL}, {HOURS}, or email {COUNCILEMAIL}.",
    "Need help with the cost of living? Call our Household Support line on {FREE} or visit us at {ADDRFULL}.",
    "@{FIRST} we've checked and your refund went to sort code {SORT}, account {ACCT} on {DATE}.",
    "Good news for residents of {STREET}! Resurfacing starts {DATE}. Any questions, contact site manager {NAME} on {MOB}.",
    "Planning committee tonight: application {PLAN} at {ADDRFULL} is item 4.",
    "Hi {NAME}, we've updated your date of birth to {DOB} on your bus pass record. Your NHS number ({NHS}) has been removed from the form as we don't need it.",
    "Winter fuel support: ring {FREE} or write to us at {POBOX}.",
    "We're sorry {FIRST}. Our records show the assisted collection for {NAME2} (DOB {DOBOLD}) at {ADDRSHORT} was cancelled in error.",
    "The Mayor visited {NAME} at {ADDRSHORT} today to celebrate a 100th birthday! Born on {DOBCENT}, our newest centenarian has lived in {TOWN} all her life 🎂",
    "Thanks {FIRST}, we've forwarded your email ({EMAIL}) to the environmental health team.",
    "Drop-in sessions at the Community Hub, {ADDRFULL}, every {DAY} at {TIME}. Call {LAND} to book.",
    "Lost dog found on {STREET} — the microchip is registered to {NAME}, {MOB}. Please get in touch!",
    "Refund IBAN received for {NAME}: {IBAN}. Processing within 10 working days.",
    "Job opportunity: Waste Operative. For an informal chat contact {NAME} on {LAND} or {WORKEMAIL}.",
    "Hi {FIRST}, the safeguarding team would like to speak to you. Please call {COUNCILTEL} quoting NHS number {NHS}.",
    "Reminder: the annual canvass is under way. Queries to {COUNCILEMAIL} or {COUNCILTEL}.",
    "DRAFT - do not publish: {NAME}, {ADDRFULL}, NI {NI}, tenancy start {DATE}.",
    "We've raised this with the landlord at {ADDRSHORT}. {NAME}, we'll update you by email ({EMAIL}).",
    "Market traders: pitch bookings are now open. Contact our markets officer {NAME} at {COUNCILEMAIL} or {MOB}.",
    "The family of {NAME} (born {DOB}) would like to thank the community for their support after the fire at {ADDRSHORT}.",
    "Hi {FIRST}, we've reissued the payment to card {CARD}. Please allow 3-5 working days.",
    "Our new Access Hub at {ADDRFULL} opens {DATE}! Phone {LAND}.",
    "Statement on {ADDRSHORT}: the property has been secured. Neighbours can report any issues to {COUNCILTEL}.",
    "SCAM ALERT ⚠️ Residents are getting calls from {PHONE} claiming to be the council. We will never ask for your card number or sort code.",
    "@{FIRST}: I've spoken with {NAME2} in Revenues — your account for {ADDRSHORT} is now in credit. Refund to {SORT} {ACCT}.",
    "Hi {NAME}, please email your proof of address to {COUNCILEMAIL} and we'll get your garden waste permit sent to {ADDRFULL}.",
    "Welcome to Cllr {NAME}, our new member for {TOWN} ward! You can contact Cllr {SURNAME} on {MOB}.",
    "Thanks {FIRST} — we've booked your bulky collection at {FLAT} for {DATE}. Confirmation sent to {EMAIL}.",
    "Apologies {NAME}, the letter was sent to {ADDRFULL} in error. We've updated it to {ADDRFULL2}.",
    "Pop-up vaccination clinic at {ADDRFULL} on {DATE} from {TIME}. Enquiries {FREE}.",
    "Well done to {NAME} and {NAME2}, winners of {TOWN} in Bloom {YEAR}! 🌸",
    "Correction: the contact for the community grant is {NAME}, {WORKEMAIL}, tel {LAND} (not the number we posted earlier).",
    "Hi {FIRST}, we can see the direct debit from {SORT} {ACCT} failed on {DATE}. Please call {COUNCILTEL}.",
    "Our elections office has moved to {ADDRFULL}. Postal vote queries: {COUNCILEMAIL} / {COUNCILTEL}.",
    "Hi {FIRST}, for security please don't post your NI number ({NI}) or date of birth here — we've hidden your comment.",
    "Hi {FIRST}, can you confirm your postcode ({PC})? Our system shows a different collection round.",
    "@{FIRST} we've checked {PC} and it's on the {DAY} round — sorry for the confusion.",
    "Hi {FIRST}, please don't share your NHS number ({NHS}) on social media. We've removed your comment; call {COUNCILTEL} instead.",
]

SP_NEG = [
    "Bin collections resume on {DATE} after the bank holiday. Check your calendar online.",
    "The {ROAD} will be closed overnight between {TIME} and {TIME2} for resurfacing from {DATE}.",
    "Planning application {PLAN} has been approved by committee.",
    "Over {COUNT} residents have signed up for garden waste collection this year — thank you!",
    "Council tax for {FINYEAR}: Band D increases by {PRICE} a year ({PCT}).",
    "Our offices are open {HOURS}. Closed on bank holidays.",
    "Service update: the {BUS} bus route is diverted via {STREET} until {DATE}.",
    "Congratulations to {TOWN} FC on their {SCORE} win on Saturday! ⚽",
    "The leisure centre app has been updated to {VER}. Please update to keep booking classes.",
    "Road gritting: {COUNT} tonnes of salt ready for winter. Priority routes include the {ROAD} and {ROAD2}.",
    "Invoice {INV} relates to the {YEAR} events programme and is published in our spending data.",
    "Parking charges in {TOWN} change from {DATE}: {PRICE} for up to 2 hours.",
    "The consultation closes at {TIME} on {DATE}. {COUNT} responses so far.",
    "We've filled {COUNT} potholes since {DATE}. Report more via our website.",
    "Reminder: Full Council meets on {DATE} at {TIME} in the Council Chamber.",
    "Christmas tree collections: please put them out by {TIME} on {DATE}.",
    "Our FOI disclosure log entry {FOIREF} is now online.",
    "{STREET} car park is closed for resurfacing from {DATE} to {DATE2}.",
    "Warm spaces: {COUNT} venues across the district, open {HOURS}.",
    "The recycling rate for {YEAR} was {PCT}, up on last year.",
    "Fireworks display: gates open {TIME}, display at {TIME2}. Tickets {PRICE}.",
    "Roadworks on {STREET} are expected to finish by {DATE}. Diversion via the {ROAD}.",
    "Please quote your reference (e.g. {REFNUM}) when contacting us online.",
    "The {BUS} and {BUS2} services will run to a Sunday timetable on {DATE}.",
    "Half-term activities: {COUNT} free places available for ages 5-11.",
    "Polling stations are open from 7am to 10pm on {DATE}. Don't forget your photo ID.",
    "Grants of up to {PRICE} are available for community groups. Deadline {DATE}.",
    "Town centre Wi-Fi upgrade complete — speeds of up to 300 Mbps.",
    "Our budget for {FINYEAR} is {PRICEM}, of which {PCT} goes on adult social care.",
    "Food waste caddies: {COUNT} delivered so far. Orders placed before {DATE} will arrive by {DATE2}.",
    "Licence {LICREF} has been granted for the event on {DATE}.",
    "Your replacement bin order tracking number looks like {TRACKNUM} — this is NOT a card number, we will never ask for card details here.",
    "Our new opening hours from {DATE}: {HOURS}.",
    "The {ROAD} / {ROAD2} junction improvements are {PCT} complete and on budget.",
    "Lots of you asked: yes, the {BUS} now stops at {STREET}.",
    "Planning applications {PLAN} and {PLAN2} will be decided on {DATE}.",
    "Did you know? {COUNT} trees planted across the borough since {YEAR} 🌳",
    "There will be no collections on {DATE}. Your bin will be emptied the following day.",
]

SF_POS = [
    "Name: {NAME}\nDate of birth: {DOB}\nNI number: {NI}\nAddress: {ADDRFULL}\nPhone: {PHONE}\nEmail: {EMAIL}",
    "Dear {NAME},\n\nThank you for your application. We have recorded your date of birth as {DOB} and your National Insurance number as {NI}. Please confirm your address:\n{ADDRMULTI}\n\nKind regards,\n{NAME2}",
    "Patient: {NAME} | DOB: {DOB} | NHS No: {NHS} | Tel: {PHONE}",
    "[Agent]: Can I take the long card number please?\n[Customer]: It's {CARD}.\n[Agent]: And the billing postcode?\n[Customer]: {PC}",
    "Please pay {PRICE} to sort code {SORT}, account number {ACCT}, reference {INV}. Queries: {EMAIL}",
    "From: {EMAIL}\nTo: {WORKEMAIL2}\nSubject: Tenancy application\n\nHi {FIRST2}, attached is my form. My NI is {NI} and my current address is {ADDRFULL}. Mobile {MOB}. Thanks, {FIRST}",
    "Employee record — {NAME}, born {DOB}, NINO {NI}, salary paid to {SORT} {ACCT}.",
    "Student {NAME} (d.o.b. {DOBKID}) lives at {ADDRFULL} with guardian {NAME2}, contact {PHONE}.",
    "Refund request: cardholder {NAME}, card {CARD}, email {EMAIL}, amount {PRICE}.",
    "The beneficiary's IBAN is {IBAN} (account name: {NAME}).",
    "Chat log:\nuser: hi i need to change my address\nbot: Sure, what is your new address?\nuser: {ADDRFULL}\nbot: And your date of birth for security?\nuser: {DOB}",
    "Emergency contact: {NAME}, {REL}, {MOB}, {EMAIL}",
    "Application {INV}: Applicant {NAME}; DOB {DOB}; NHS number {NHS}; GP surgery phone {LAND}.",
    "I, {NAME}, of {ADDRFULL}, hereby authorise {NAME2} to act on my behalf in all matters relating to my council tax account.",
    "Invoice to: {NAME}, {POBOX}. Payment by bank transfer to IBAN {IBAN}.",
    "Hi, this is {FIRST} from {COMPANY}. Please call me back on {PHONE} or email {WORKEMAIL} about your claim.",
    "Blue Badge application\nApplicant: {NAME}\nDOB: {DOB}\nNational Insurance: {NI}\nNHS number: {NHS}\nAddress: {ADDRFULL}",
    "Card number {CARD}, expiry {EXP}, name on card {NAMEUP}",
    "Deliver to: {FLATFULL}. Contact: {MOB}. Recipient: {NAME}.",
    "{NAME} ({EMAIL}) registered on {DATE} with phone {PHONE} and postcode {PC}.",
    "Security check passed: caller gave DOB {DOB}, postcode {PC} and NI {NI}.",
    "Direct Debit Instruction\nAccount holder: {NAME}\nSort code: {SORT}\nAccount number: {ACCT}\nAddress: {ADDRFULL}",
    "Hey {FIRST}! Can you send the rent to my new account? {SORT} / {ACCT}. Cheers, {FIRST2}",
    "Witness statement of {NAME}, date of birth {DOB}, of {ADDRFULL}.",
    "Pharmacy note: {NAME}, NHS {NHS}, born {DOB}, repeat prescription ready for collection.",
    "Kindly transfer the deposit to {IBAN}. The account is in the name of {NAME}. Call {PHONE} with any issues.",
    "Membership form — Full name: {NAME} / Email: {EMAIL} / Mobile: {MOB} / Birthday: {DOB}",
    "Payment failed for card {CARD}. Please update your details or call {FREE}.",
    "Guest list: {NAME} ({MOB}), {NAME2} ({MOB2}), {NAME3} ({EMAIL3}).",
    "Our records show {NAME} moved from {ADDRFULL} to {ADDRFULL2} on {DATE}.",
    "Secure message: Your NI number {NI} has been linked to your online account. If this wasn't you, call {FREE}.",
    "Parent/carer: {NAME}\nChild: {NAME2}\nChild's DOB: {DOBKID}\nHome phone: {LAND}\nWork phone: {LAND2}",
    "Tenant: {NAME}. Previous address: {ADDRFULL}. Employer contact: {WORKEMAIL}. NI: {NI}.",
    "Customer {NAME} paid {PRICE} with card {CARD} on {DATE} at {TIME}.",
    "Hi {FIRST}, your appointment is confirmed. Please bring ID showing your date of birth ({DOB}) and your NHS number {NHS}.",
    "Subject access request from {NAME},\n{ADDRMULTI}\nemail {EMAIL}, DOB {DOB}.",
    "Your new PIN has been sent to {EMAIL} and by text to {MOB}.",
    "Form 3B: Surname {SURNAME} Forename {FIRST} D.O.B {DOB} NI No {NI} Postcode {PC}",
    "Bank: {BANKNAME}, sort code {SORT}, a/c {ACCT}, IBAN {IBAN}",
    "Reference: I have known {NAME} since {YEAR}. Contact me on {PHONE} or at {EMAIL}.",
    "Booking confirmed for {NAME}. Pick-up from {ADDRFULL} at {TIME}. Driver: {FIRST2}, {MOB}.",
    "AMEX {AMEX} - cardholder {NAME}, billing postcode {PC}",
    "Carer's assessment: cared-for person {NAME}, d.o.b. {DOBOLD}, NHS number {NHS}; carer {NAME2}, tel {MOB}.",
    "Please update payroll: employee {NAME}, NI {NI}, new bank details {SORT} {ACCT}.",
    "Hello {NAME}, we received your complaint from {EMAIL} regarding {ADDRSHORT}.",
    "{\"full_name\": \"{NAME}\", \"dob\": \"{DOB}\", \"phone\": \"{PHONE}\", \"postcode\": \"{PC}\"}",
    "Caller: {NAME}\nCallback: {PHONE}\nNotes: wants to pay arrears by card {CARD}; also gave NHS number {NHS} (not needed, deleted).",
    "Hi {FIRST},\nJust confirming your viewing at {FLAT} at {TIME}. My number is {MOB} if you're running late.\n{NAME2}",
    "Registration: {NAME}, born on {DOB}, PO address {POBOX}, contact {EMAIL}.",
    "APPLICANT DETAILS\nSurname: {SURNAME}\nFirst name(s): {FIRST}\nDate of Birth: {DOB}\nNational Insurance No: {NI}\nTelephone: {LAND}\nMobile: {MOB}",
    "Transcript 14:02 <{FIRST}> my card is {CARD} and the CVV is on the back\n14:03 <agent> Please don't share your CVV.",
    "Order for {NAME}, {ADDRMULTI}. Paid with {CARD}. Receipt to {EMAIL}.",
    "Postcode: {PC}\nCollection day: {DAY}\nContainer: 240L wheeled bin",
    "NHS Number: {NHS}\nSurname: {SURNAME}\nPostcode: {PC}",
    "Card: {CARD}\nExpiry: {EXP}\nBilling postcode: {PC}",
    "Referral — NHS No {NHS}; patient {NAME}; DOB {DOBOLD}; address:\n{ADDRMULTI}\nnext of kin {NAME2} {MOB}",
]

SF_NEG = [
    "Order {REFNUM} dispatched on {DATE}. Estimated delivery {DATE2}.",
    "Tracking ID: {TRACKNUM}\nStatus: In transit\nLast scan: {TIME}, {TOWN} depot",
    "Invoice {INV}\nItems: {COUNT}\nTotal: {PRICE}\nDue: {DATE}",
    "Ticket {CASEREF} updated: status changed to Resolved at {TIME}.",
    "Form version {VER}. Fields marked * are required. Dates must be entered as DD/MM/YYYY.",
    "Receipt no. {INV}. Amount {PRICE}. VAT reg {VATNO}.",
    "Meeting notes {DATE}: agreed budget of {PRICE}; next review {DATE2}; {COUNT} actions outstanding.",
    "Shipment {TRACKNUM} weighed {KG} kg and was held at customs for {N} days.",
    "Company number {COMPANYNO}, registered charity {CHARITY}. Annual report {YEAR}.",
    "Batch {REFNUM} processed: {COUNT} records, {PCT} matched, runtime {TIMEDUR}.",
    "Order #{REFNUM} — {N} x A4 paper, {PRICE}. Tracking {TRACKNUM}.",
    "Appointment slot {DATE} {TIME}, {ROOM}, duration 45 minutes.",
    "Serial number {TRACKNUM}, firmware {VER}, warranty expires {DATE}.",
    "Case {CASEREF}: planning application {PLAN} validated {DATE}; consultation ends {DATE2}.",
    "{\"order_id\": \"{REFNUM}\", \"status\": \"shipped\", \"total\": \"{PRICE}\", \"eta\": \"{DATE}\"}",
]

INTL_POS = [
    "Hi, I'm visiting from the States — my US cell is {USPHONE} if lost property finds my bag.",
    "Our twin town's office: {EUADDR}. Tel {EUPHONE}.",
    "My cousin lives at {USADDR} and wants to know about council tax on my flat while I'm away. Her email is {EMAIL}",
    "Please send the refund to my Irish account: {IBAN_IE}, name {NAME}",
    "Moved to Ireland, new address {IEADDR}. Mobile {IEPHONE}.",
    "Bank transfer to {IBAN_DE} please (account holder {NAMEDE}).",
    "Twinning association contact: {NAMEFR}, {EUADDR_FR}, {EUPHONE_FR}, {EMAIL}",
    "I'm a Polish citizen living at {ADDRFULL}; my previous address was {EUADDR_PL}. Phone {EUPHONE_PL}",
    "Ship to: {NAMEUS}, {USADDR}. Phone: {USPHONE}.",
    "For the US office call {USPHONE}; for Ireland call {IEPHONE}.",
    "My Spanish bank account is {IBAN_ES}. Can the housing benefit be paid into it?",
    "Renting out my place at {EUADDR_ES} this summer, message me on {EUPHONE_ES}",
    "Exchange student from Italy: {NAMEIT}, {EUADDR_IT}, born {DOB}.",
    "Contact our Amsterdam partner at {EUADDR_NL}, tel. {EUPHONE_NL}",
    "Reach me on my Canadian number {USPHONE} (same format as the US).",
    "Address for the reference letter: {USADDRAPT}. Thanks! {NAMEUS}",
    "Wire details — IBAN {IBAN_X}, BIC {BIC}, beneficiary {NAME}",
    "My Indian mobile {INTLPHONE} works on WhatsApp, please message me about my mother's council tax",
    "Call my US number {USPHONE} or my UK one {MOB}, whichever",
    "{NAME} from the Cork twinning group — {IEADDR}, {IEPHONE}, {EMAIL}",
    "Please forward post from {ADDRFULL} to {USADDR}",
    "My card {CARD} was charged twice by the parking app while I was in {CITY}",
    "Ma nouvelle adresse : {EUADDR_FR}. Téléphone : {EUPHONE_FR}.",
    "Neue Adresse: {EUADDR_DE}, Tel. {EUPHONE_DE}",
    "Hi from Philadelphia! My grandma {NAME} was born on {DOBUSOLD} in {TOWN} — does the council hold any records? Email me at {EMAIL}",
    "Refund to {IBAN_FR} please, merci. {NAMEFR}",
    "Business rates query from our German parent company: {EUADDR_DE}, contact {EMAIL}",
    "Correspondence address: {USPOBOX}. Phone {USPHONE}.",
    "Dutch IBAN {IBAN_NL} for the deposit return, {NAME}",
    "born {DOBUS} in Chicago, now living at {ADDRFULL}, need proof of address for my visa",
    "Call {EUPHONE_PT} or email {EMAIL} – {NAME}, Lisbon office ({EUADDR_PT})",
    "Polish IBAN for my wages: {IBAN_PL}. Employer asked for NI too: {NI}",
    "I now live at {IEADDR} but still own {ADDRSHORT}. Can bills go to {EMAIL}?",
    "Our Belgian friends are staying at {EUADDR_BE}; reach them on {EUPHONE}",
    "DOB {DOBUS}, SSN withheld, UK address {ADDRFULL}, US phone {USPHONE}",
    "Italian IBAN {IBAN_IT}, intestato a {NAMEIT}",
    "Texting from my Australian number {INTLPHONE} — I'm the daughter of {NAME} at {ADDRSHORT}",
    "Send the documents to {NAMEES}, {EUADDR_ES}. Email {EMAIL}",
    "Visa {CARD}, billing address {USADDR}",
]

INTL_NEG = [
    "Our twin town {CITY} sends its best wishes for the festival on {DATE}!",
    "Flights to {CITY} from East Midlands are back from {DATE}, {PRICE} return",
    "The exchange rate was about €1.17 to the pound this week.",
    "Population of our twin town is roughly {COUNT}.",
    "Delegation from {CITY} visiting {DATE} to {DATE2}; {COUNT} guests expected.",
    "Order {REFNUM} shipped from Germany, tracking {TRACKNUM}.",
    "Temperatures in {CITY} hit 38°C on {DATE}.",
    "US election coverage: turnout {PCT}, polls closed at {TIME} ET.",
    "The {EUROAD} near Lyon was closed, so the twinning coach only arrived at {TIME}.",
    "Flight BA{FLIGHT} lands at {TIME}, gate {GATE}.",
    "Ireland won {SCORE} last night, great scenes in the pub",
    "Our Euros screening had {COUNT} fans and raised €{N}00 for charity.",
    "Schengen visa fees went up to €90 from {DATE}.",
    "Route 66 road trip photos from the twinning visit: {COUNT} miles in {N} days.",
    "The {CITY} Christmas market runs {DATE} to {DATE2}, {HOURS}.",
]

# ----------------------------------------------------------------------------
# assembly
# ----------------------------------------------------------------------------

CC_PREFIX = ["", "", "", "", "Hi, ", "Hello. ", "@{COUNCIL} ", "Morning all. ", "Not happy. ", "Quick question - ", "Hiya ", "URGENT: "]
CC_SUFFIX = ["", "", "", "", " Thanks", " Thank you.", " 😡", " !!!", " cheers", " x", " 🙏", " Any help appreciated.", " #fedup", " ta"]
SP_SUFFIX = ["", "", "", " #{TOWN}", " ^CS", " 👍", " Thanks for your patience.", " #BinDay", ""]

PLAN = {  # source: (n_pos, n_neg)
    "council_comment": (100, 72),
    "staff_post": (62, 58),
    "synthetic_form": (102, 22),
    "international": (61, 23),
}
FRAMES = {
    "council_comment": (CC_POS, CC_NEG),
    "staff_post": (SP_POS, SP_NEG),
    "synthetic_form": (SF_POS, SF_NEG),
    "international": (INTL_POS, INTL_NEG),
}


def style_for(source):
    if source != "council_comment":
        return None
    r = rng.random()
    fns = []
    if r < 0.15:
        fns.append(str.lower)
    elif r < 0.18:
        fns.append(str.upper)
    if rng.random() < 0.25:
        fns.append(typo)
    if rng.random() < 0.1:
        fns.append(lambda s: s.replace("'", ""))
    if not fns:
        return None

    def f(s):
        for fn in fns:
            s = fn(s)
        return s
    return f


def decorate(frame, source):
    if source == "council_comment":
        if not re.match(r"(?i)(hi|hello|@|dear)", frame):
            frame = pick(CC_PREFIX) + frame
        frame = frame + pick(CC_SUFFIX)
    elif source == "staff_post":
        frame = frame + pick(SP_SUFFIX)
    return frame


def frame_sequence(frames, n):
    seq = []
    while len(seq) < n:
        chunk = frames[:]
        rng.shuffle(chunk)
        seq.extend(chunk)
    return seq[:n]


def build():
    records, seen = [], set()
    for source, (npos, nneg) in PLAN.items():
        pos_frames, neg_frames = FRAMES[source]
        for frames, n, is_neg in ((pos_frames, npos, False), (neg_frames, nneg, True)):
            for fr in frame_sequence(frames, n):
                for _attempt in range(20):
                    text, spans = render(decorate(fr, source), source, style_for(source))
                    if text not in seen:
                        break
                seen.add(text)
                assert bool(spans) != is_neg, (source, fr, text)
                records.append({"text": text, "source": source, "spans": spans})
    rng.shuffle(records)
    return records, {s: (len(p), len(n)) for s, (p, n) in FRAMES.items()}

# ----------------------------------------------------------------------------
# validation
# ----------------------------------------------------------------------------

TYPES = ["PHONE", "EMAIL", "UK_POSTCODE", "ADDRESS", "NI_NUMBER", "NHS_NUMBER", "BANK", "CARD", "DOB", "PERSON_NAME"]


def validate(records):
    for r in records:
        t = r["text"]
        prev_end = -1
        for s in sorted(r["spans"], key=lambda s: s["start"]):
            assert s["type"] in TYPES
            assert t[s["start"]:s["end"]] == s["value"], s
            assert s["start"] >= prev_end, ("overlap", r)
            prev_end = s["end"]
            v = s["value"]
            if s["type"] == "NHS_NUMBER":
                assert nhs_valid(v), v
            if s["type"] == "CARD":
                assert luhn_valid(v), v
            if s["type"] == "BANK" and re.match(r"^[A-Za-z]{2}\d{2}", v.replace(" ", "")):
                assert iban_valid(v), v
        # any bare 10-digit / 16-digit run outside labelled spans must fail NHS / Luhn
        masked = list(t)
        for s in r["spans"]:
            for i in range(s["start"], s["end"]):
                masked[i] = "#"
        masked = "".join(masked)
        for m in re.finditer(r"(?<![\d#])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\d#])", masked):
            assert not nhs_valid(m.group(0)), ("valid NHS outside span", m.group(0), t)
        for m in re.finditer(r"(?<![\d#])(?:\d[ -]?){15}\d(?![\d#])", masked):
            assert not luhn_valid(m.group(0)), ("valid Luhn outside span", m.group(0), t)


def write_readme(records, frame_counts):
    by_type = Counter(s["type"] for r in records for s in r["spans"])
    texts_with_type = Counter(t for r in records for t in {s["type"] for s in r["spans"]})
    by_src = Counter(r["source"] for r in records)
    neg_by_src = Counter(r["source"] for r in records if not r["spans"])
    type_by_src = defaultdict(Counter)
    for r in records:
        for s in r["spans"]:
            type_by_src[r["source"]][s["type"]] += 1
    n = len(records)
    n_council = sum(1 for r in records for s in r["spans"] if s["type"] == "PHONE" and s["value"] in COUNCIL_TELS_FIXED)
    nneg = sum(neg_by_src.values())
    srcs = list(PLAN)
    lines = []
    lines.append("# Blind PII evaluation set (`pii_blind.jsonl`)\n")
    lines.append("Labelled evaluation data for a personal-data detector used on a UK council's social-media posts and incoming comments.\n")
    lines.append("## How it was made\n")
    lines.append("* Written **blind**: no detector code was opened or run while writing it. Formats follow public conventions "
                 "(Ofcom number formats, Royal Mail postcode shape, HMRC NI prefix rules, NHS mod-11, Luhn, IBAN mod-97) and the "
                 "style of public synthetic PII sets (ai4privacy pii-masking, Gretel synthetic PII, presidio-research templates), "
                 "plus realistic resident comments and council posts.")
    lines.append("* `make_pii.py` (fixed seed %d, standard library only) fills **%d hand-written sentence frames** "
                 "(%d positive, %d hard-negative) with random values. Re-running it reproduces the file exactly." % (
                     SEED, sum(a + b for a, b in frame_counts.values()), sum(a for a, _ in frame_counts.values()),
                     sum(b for _, b in frame_counts.values())))
    lines.append("* Offsets are recorded while the text is assembled (never by hand) and re-checked: `text[start:end] == value` for every span; spans never overlap.")
    lines.append("* Resident comments get random variation: greeting prefixes/sign-offs, all-lower or ALL-CAPS casing (literal text only), typos, dropped apostrophes, emoji.")
    lines.append("* Offsets are Python `str` indices (Unicode code points). A few texts contain emoji or accented letters; "
                 "JavaScript/UTF-16 consumers must convert.\n")
    lines.append("## Format\n")
    lines.append('One JSON object per line: `{"text", "source", "spans": [{"type", "start", "end", "value"}]}`. '
                 "A text with `spans: []` is a hard negative.\n")
    lines.append("## Labelling conventions\n")
    lines.append("* **PHONE** – the number only (including `+44`, `(0)`, brackets). Council switchboard / helpline numbers "
                 "(e.g. `01455 238141`, 0800/03xx lines) **are labelled** PHONE. 3-digit service numbers (999, 101, 111) are not.")
    lines.append("* **EMAIL** – the address only; council mailboxes are labelled too.")
    lines.append("* **UK_POSTCODE** – a full postcode standing alone (not part of a labelled address). Outward-code-only "
                 "districts such as `LE10` are deliberately **not** labelled (used in one hard-negative frame).")
    lines.append("* **ADDRESS** – any house/flat number + street, extended to include town, county and postcode/ZIP/Eircode when they follow; "
                 "the postcode inside an address is **not** separately labelled. Flats (`Flat 2, 14 High Street`, `2/1, 45 Dalry Road`), "
                 "multi-line letter addresses (span crosses newlines), PO boxes, Irish, US and European forms (`Hauptstraße 12, 10115 Berlin`). "
                 "A street name without a number (`potholes on Mill Lane`) is **not** an address.")
    lines.append("* **NI_NUMBER** – spaced, unspaced, dashed, lower-case; prefixes respect HMRC invalid-prefix rules (plus a few `QQ` specimen-style ones).")
    lines.append("* **NHS_NUMBER** – 10 digits passing mod-11, mostly 3-3-4 spaced, some unspaced or dashed.")
    lines.append("* **BANK** – sort code and account number are **two separate BANK spans** (digits only, without the words "
                 "`sort code`/`account`); IBANs are one span (GB, IE, DE, FR, ES, NL, PL, IT, PT, BE; all pass mod-97; grouped, ungrouped, some lower-case). "
                 "BIC/SWIFT codes are not labelled.")
    lines.append("* **CARD** – Luhn-valid Visa/Mastercard (51-55 and 2221-2720)/Amex/Maestro numbers, spaced, dashed or plain. Expiry dates are not labelled.")
    lines.append("* **DOB** – the date only (not `born on`/`DOB`), only where context marks it as a date of birth; UK, ISO and US formats.")
    lines.append("* **PERSON_NAME** – person names (first, full, surname after a title — the title `Mr`/`Cllr` is excluded); "
                 "includes German, French, Italian, Spanish, Polish and US names. Street, council and company names are not labelled.")
    lines.append("* Hard negatives contain **no** PII: reference numbers (10-digit ones all **fail** NHS mod-11), planning refs "
                 "(`24/00123/FUL`), invoices, 16-digit tracking/serial numbers that **fail** Luhn, prices, event dates, times, "
                 "opening hours, counts, percentages, road numbers (A5, M69), bus routes, versions, scores, company/charity/VAT numbers, "
                 "FOI/licence/case refs, street names without numbers, towns. The generator asserts no Luhn-valid 16-digit or "
                 "mod-11-valid 10-digit run appears outside a labelled span anywhere in the file.\n")
    lines.append("## Counts\n")
    lines.append(f"Texts: **{n}**; hard negatives (no spans): **{nneg}** ({100 * nneg / n:.1f}%); spans: **{sum(by_type.values())}**.\n")
    lines.append("### Per source\n")
    lines.append("| source | texts | with PII | hard negatives | spans |")
    lines.append("|---|---:|---:|---:|---:|")
    for s in srcs:
        lines.append(f"| {s} | {by_src[s]} | {by_src[s] - neg_by_src[s]} | {neg_by_src[s]} | {sum(type_by_src[s].values())} |")
    lines.append("")
    lines.append("### Per type\n")
    lines.append("| type | spans | texts containing | " + " | ".join(srcs) + " |")
    lines.append("|---|---:|---:|" + "---:|" * len(srcs))
    for t in TYPES:
        lines.append(f"| {t} | {by_type[t]} | {texts_with_type[t]} | " + " | ".join(str(type_by_src[s][t]) for s in srcs) + " |")
    lines.append("")
    lines.append("### Frames per source (positive / negative)\n")
    for s in srcs:
        p, q = frame_counts[s]
        lines.append(f"* {s}: {p} / {q}")
    lines.append("")
    lines.append("## Known limitations\n")
    lines.append("* Values are random, so e.g. an e-mail local part need not match the name in the same text, area codes need not match "
                 "the town, and US ZIP prefixes/area codes are only roughly consistent. DOB years are kept plausible for the context "
                 "(children 2008-2020, elderly relatives 1926-1952, centenarian 1925-1926, otherwise 1940-2006).")
    lines.append("* A small fixed list of council-style contact numbers (e.g. `01455 238141`, from the brief) may match real public switchboard numbers; %d PHONE spans use that list, "
                 "and the other council-line spans are random landline/0800/03xx numbers." % n_council)
    lines.append("* Frames are reused about 1.5x each on average (326 frames, 500 texts) with different values, casing and decorations; "
                 "all 500 texts are distinct strings.")
    lines.append("* Language is mostly English; a few international texts are in French, German or Italian.\n")
    lines.append("## Suggested scoring\n")
    lines.append("Per-type recall on gold spans (a prediction counts if it overlaps the gold span; optionally require the same type), "
                 "precision on predicted spans, and the false-positive rate on hard-negative texts. Report PERSON_NAME separately, "
                 "since many detectors do not attempt names. Council switchboard numbers are labelled PHONE; if the detector "
                 "allow-lists them, expect some PHONE misses on `staff_post` and note them rather than treating them as defects.")
    with open(os.path.join(OUT_DIR, "README_pii.md"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    return by_type, by_src, neg_by_src


def main():
    records, frame_counts = build()
    validate(records)
    with open(os.path.join(OUT_DIR, "pii_blind.jsonl"), "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    by_type, by_src, neg_by_src = write_readme(records, frame_counts)
    print("texts", len(records), "negatives", sum(neg_by_src.values()))
    print("by source", dict(by_src), "neg", dict(neg_by_src))
    print("by type", dict(by_type))
    print("frames", frame_counts, sum(a + b for a, b in frame_counts.values()))


if __name__ == "__main__":
    main()
