"""More shapes of threats, hate and harassment, each run only behind its anchor words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..textutil import (
    sentence_bounds,
)
from .words import WORDS


@dataclass(frozen=True)
class Shape:
    """A pattern for one more shape of abuse, run only over the sentences holding one of its anchor
    words, and only when the text also holds one of ``needs`` (both looked up in the word set the
    other prefilters share), so an ordinary post pays two set lookups per shape."""

    rule: str
    anchors: frozenset[str]
    needs: frozenset[str] | None
    pattern: re.Pattern[str]
    group: bool = False  # needs a protected group in the text
    wink: bool = False  # needs a wink or a suggestive emoji in the text
    animal: bool = False  # not when the sentence is about an animal ("the dog should be put down")
    comment_only: bool = False  # only in incoming comments (in the council's own posts, safety advice)


def _shape(rule: str, anchors: str, needs: str | None, pattern: str, **flags: bool) -> Shape:
    """A shape; ``pattern`` is written with re.VERBOSE (whitespace ignored, "#" starts a comment)."""
    return Shape(
        rule,
        frozenset(anchors.split()),
        frozenset(needs.split()) if needs else None,
        re.compile(pattern, re.I | re.VERBOSE),
        **flags,
    )


_PERSON_SUBJECT = r"(?:he|she|they|you|u|him|them|'?em|who(?:ever)?|(?:\w+\s+)?like\s+(?:you|u|him|her|them|that))"
# Shapes that need no word list: threats and wishes of harm, hatred without a group's name, and
# sexual harassment. Each pattern keeps to one sentence and has bounded gaps (linear on long input).
_PLAIN_SHAPES = (
    # "deserves a rope", "needs a good slap", "asking for a kicking"
    _shape(
        "threat",
        "bullet rope noose slap slapping kicking hiding beating battering shoeing pasting smack punch "
        "stabbing lynching",
        None,
        r"""
        # "give that warden a good hiding"
        \b(?: give | gives | giving | gave ) \s+
          (?: him | her | them | you | u | '?em
            | (?: that | this | the ) \s+ (?:[\w-]+\s+)?
              (?: councillor | cllr | warden | officer | man | woman | bloke | guy | lad | idiot | twat | prick | bastard
                | muppet | moron | scumbag | tosser | wanker | lot | kid | driver ) )
          \s+a\s+ (?: good\s+ | proper\s+ | real\s+ | damn\s+good\s+ | bloody\s+good\s+ )?
          (?: hiding | kicking | slap | slapping | beating | battering | shoeing | pasting | smack | punch | bullet )\b
          (?! \s+on\s+the\s+wrist )
        # "deserves a rope", "asking for a kicking" (not "a slap on the wrist", "a bullet point")
        | \b(?: deserves? | deserved | needs? | needed | wants? | asking\s+for | due | earned | gonna\s+get | will\s+get
             | 'll\s+get ) \s+
          (?: a\s+ | an\s+ )? (?: good\s+ | proper\s+ | real\s+ | swift\s+ | damn\s+good\s+ | bloody\s+good\s+ )?
          (?: bullet | rope | noose | slap | slapping | kicking | hiding | beating | battering | shoeing | pasting | smack
            | punch | stabbing | lynching )\b
          (?! [\s-]+ (?: on\s+the\s+wrist | points? | proof | train | journal | cards? | line | list | bowl | bag | holes?
                        | range | practice | lessons? | match | gallery | baskets? | session | club | stars? | party
                        | tours? | bridge | swing | ladder | course | walk | pitch | hill ) )
        """,
    ),
    # "he needs shooting", "people like you need stringing up"
    _shape(
        "threat",
        "shooting hanging stabbing lynching putting stringing gassing",
        "need needs needed deserve deserves",
        r"\b(?:he|she|you|u|who(?:ever)?|(?:\w+\s+)?like\s+(?:you|u|him|her|them|that)|(?:the|that|this)\s+(?:[\w-]+\s+)?"
        r"(?:councillor|cllr|warden|officer|man|woman|bloke|guy|lad|landlord|idiot|twat|prick|bastard|muppet|moron|scumbag|tosser|"
        r"wanker|mayor|leader|mp|driver|neighbour|paedo|nonce|rapist|thief|scum))\s+(?:\w+\s+)?(?:needs?|deserves?)\s+"
        r"(?:shooting|stabbing|lynching|putting\s+down|stringing\s+up|gassing|hanging)\b(?!\s+(?:again|up|out))"
        r"|\b(?:they|them|'?em)\s+(?:\w+\s+)?(?:need|deserve)\s+(?:shooting|stabbing|lynching|putting\s+down|stringing\s+up|"
        r"gassing)\b(?!\s+(?:again|on|in|from|with|for))",
        animal=True,
    ),
    # "should be put down", "needs to be punched", "should be thrown in a cell and left to rot"
    _shape(
        "threat",
        "punched slapped beaten battered kicked kneecapped knifed glassed strung lined tortured put run "
        "set thrown left burned burnt gassed drowned shot skinned beheaded castrated hung",
        "should must ought need needs deserve deserves deserved want wants gonna going",
        r"""
        \b(?: should | must | ought\s+to | needs?\s+to | deserved?\s+to | deserves\s+to | wants?\s+to | gonna | going\s+to ) \s+
        (?: all\s+ | just\s+ | really\s+ | seriously\s+ )? (?: be | get ) \s+ (?:\w+\s+)?
        (?: punched
          | slapped (?! \s+ (?: with | on | down ) )
          | beaten\s+ (?: up | to\s+death | senseless | black\s+and\s+blue )
          | battered (?! \s+ (?: by | in\s+the\s+ (?: polls | election ) ) )
          | kicked\s+ (?: in | to\s+death )
          | kneecapped | knifed | glassed | strung\s+up | lined\s+up\s+and\s+shot | hung\s+drawn\s+and\s+quartered | tortured
          # "put down" (not "put down on the form", "put down as a reserve"; "put down for good" still is)
          | put\s+down (?! \s+ (?: on | as | in | to | at | the | a | an | your | their | our | his | her | its | by | before
                                 | after | under | with | from | into | onto | first | in\s+writing
                                 | for (?!\s+good) )\b )
          | put\s+to\s+sleep
          | run\s+over (?= \s* (?: $ | [.!?,;] | by\b ) )
          | burn(?:ed|t)\s+alive
          | thrown\s+ [^.!?\n]{0,30}? (?: left\s+to\s+ (?: rot | die ) | off\s+ (?: a | the ) \s+ (?: bridge | cliff | roof ) )
          | left\s+to\s+ (?: rot | die )
          | gassed | drowned (?!\s+out) | shot\s+dead | skinned\s+alive | beheaded | castrated
        )\b
        """,
        animal=True,
    ),
    # "run them over", "mow them down"
    _shape(
        "threat",
        "run drive plough plow mow",
        "over into down",
        r"\b(?:run|drive|plough|plow|mow)\s+(?:them|him|her|you|u|'?em|the\s+(?:\w+\s+)?(?:protesters|cyclists|bastards|idiots|"
        r"fuckers|scum|lot|marchers|crowd))\s+(?:all\s+)?(?:over|down)\b(?!\s+(?:to|there|here|later|the|for|with|and\s+drop|at|by|"
        r"tomorrow|now|this|next|on|in))"
        r"|\b(?:drive|plough|plow|mow)\s+(?:into|over)\s+(?:them|'?em|him|her|you|the\s+(?:\w+\s+)?(?:protesters|crowd|marchers))\b",
    ),
    # "keep it up and you'll end up in a ditch"
    _shape(
        "threat",
        "ditch morgue coffin grave box bag",
        "end ends",
        r"\b(?:you|u|he|she|they)(?:'ll|\s+will|'?re\s+(?:going\s+to|gonna)|\s+(?:are|is)\s+(?:going\s+to|gonna)|\s+gonna|'s\s+gonna)\s+"
        r"end\s+up\s+(?:in|on)\s+(?:a|the)\s+(?:ditch|morgue|coffin|grave|box|body\s*bag)\b",
    ),
    # "I know where you work"
    _shape(
        "threat",
        "where",
        "know knows found worked",
        r"\b(?:i|we)\s+(?:\w+\s+)?(?:know|knows|found\s+out|worked\s+out)\s+where\s+(?:you|u|he|she|they|"
        r"(?:your|ur)\s+(?:kids|children|family|wife|husband|mum|mom|mother|dad|partner|daughter|son))\s+(?:all\s+|both\s+|now\s+)?"
        r"(?:live|lives|work|works|sleep|sleeps|park|parks|drink|drinks|go\s+to\s+school|goes\s+to\s+school|stay|stays)\b",
    ),
    # "hope he ends up in a ditch", "hope you catch covid"
    _shape(
        "threat",
        "hope hoping hopefully",
        "end ends wind winds land lands get gets catch catches choke chokes drown "
        "drowns burns burn torched die dies rot suffer suffers deported gassed lynched exterminated",
        r"""
        # "hope he ends up in a ditch", "hope you get run over", "hope they die slowly" (not "hope nobody …")
        \bhop(?:e|ing|efully) \s+ (?:that\s+)? (?! (?: nobody | noone | no\s+one | none | neither | nothing | no )\b )
        (?: you | u | he | she | they | (?: your | his | her | their | the ) \s+ (?:\w+\s+)? \w+ | \w+ ) \s+ (?:all\s+)?
        (?: (?: ends? | winds? | lands? ) \s+up\s+ (?: in | on | under | six\s+feet ) \s+ (?: a\s+ | an\s+ | the\s+ )?
            (?: hospital | a&e | ditch | gutter | wheelchair | coffin | morgue | grave | box | body\s*bag | intensive\s+care
              | icu | itu | river | canal | slab | hearse | burns\s+unit | under )
          | (?: gets? | catch(?:es)? ) \s+
            (?: run\s+over | knocked\s+ (?: down | over ) | covid | aids | hiv | hit\s+by | stabbed | shot | beaten | cancer
              | ebola | the\s+ (?: plague | virus ) | a\s+ (?: kicking | beating | bullet | brick ) )
          | (?: chokes? | drowns? | burns?\s+ (?: down | to\s+death | alive | in\s+hell ) | gets?\s+torched
            | dies?\s+ (?: slowly | painfully | alone | in\s+a\s+ (?: fire | ditch | crash ) ) )
        )\b
        # "hope every immigrant gets deported"
        | \bhop(?:e|ing|efully) \s+ (?:that\s+)? (?: every | all | the | those | these ) \s+ (?:\w+\s+)? \w+ \s+
          (?: gets? | are | is ) \s+
          (?: deported | gassed | lynched | exterminated | wiped\s+out | shot | hanged | killed )\b
        # "hope the planners get stuck in it and rot" (not "and die down", "and die of old age")
        | \bhop(?:e|ing|efully) \s+ (?:that\s+)? (?! (?: nobody | noone | no\s+one | none | neither | nothing | no )\b )
          (?: you | u | he | she | they | the\s+\w+ | \w+ )\b [^.!?\n]{0,60}?
          \band\s+ (?: rot | die | dies | suffer | suffers | choke | chokes )\b
          (?! \s+ (?: back | down | off | out | away | of\s+ (?: old | natural ) ) )
        """,
    ),
    # "the only good X is a dead one"
    _shape(
        "hate",
        "only",
        "good",
        r"\bthe\s+only\s+good\s+[\w-]+(?:\s+[\w-]+)?\s+(?:is|are)\s+(?:an?\s+)?(?:dead(?!\s+(?:heat|end|cert|ringer|loss|weight|zone))|"
        r"deported|hanged|hung|executed|gassed|buried|exterminated|drowned|shot|burned|burnt|jailed|locked[- ]up|lynched|"
        r"castrated|gone)\b",
    ),
    # "nobody wants your kind round here", "your kind aren't welcome"
    _shape(
        "hate",
        "kind",
        None,
        r"\b(?:nobody|no\s*one|no-one|we\s+don'?t|don'?t|we\s+do\s+not)\s+wants?\s+(?:your|their|ur|that)\s+kind\b"
        r"(?!\s+(?:words?|of|offer|help|comments?|messages?|support|donations?|gestures?|thoughts|wishes|regards|reply|advice))"
        r"|\b(?:your|their|ur)\s+kind\s+(?:are\s+not|aren'?t|is\s+not|isn'?t|ain'?t|don'?t|do\s+not|should|shouldn'?t|need\s+to|"
        r"belong|(?:round|around|over|in)\s+here|not\s+welcome|always|never|get\s+out|go\s+back|out\s+of)\b"
        r"|\b(?:get|keep|kick|throw)\s+(?:your|their|ur|that|his|her)\s+kind\s+out\b",
    ),
    # "keep their perversion to themselves"
    _shape(
        "hate",
        "perversion perversions degeneracy deviance depravity filth sickness lifestyle gayness",
        "keep",
        r"\bkeep\s+(?:their|your|that|this|his|her|it)\s+(?:\w+\s+)?(?:perversions?|degeneracy|deviance|depravity|filth|"
        r"sickness|lifestyle|gayness)\s+(?:to\s+(?:themselves|yourselves|yourself|himself|herself)|away\s+from\s+(?:our|the)\s+"
        r"(?:kids|children)|behind\s+closed\s+doors|out\s+of\s+sight|in\s+the\s+closet)",
    ),
    # "cleanse our cities of this filth"
    _shape(
        "hate",
        "cleanse purge purify rid",
        None,
        r"\b(?:cleanse|purge|purify)\s+(?:our|the|this|their|these|my)\s+(?:[\w-]+\s+){0,3}?of\s+(?:this|these|those|that|the|all|"
        r"such)\s+(?:\w+\s+)?(?:filth|vermin|scum|parasites|cockroaches|rats|animals|savages|subhumans|invaders|trash|plague|"
        r"disease|cancer|degenerates|infestation|garbage|people|lot|kind|race|foreigners|immigrants|migrants)\b"
        r"|\brid\s+(?:our|this|the)\s+(?:country|nation|race|land|towns?|cities|streets|communities)\s+of\s+(?:these|those|this|"
        r"that|the|all)\s+(?:\w+\s+)?(?:vermin|parasites|cockroaches|savages|subhumans|invaders|animals|filth|scum|foreigners)\b",
    ),
    # sexual harassment: "send nudes", "show us your tits"
    _shape(
        "harassment",
        "nudes nude naked pics tits boobs titties knockers baps jugs",
        "send sending show flash get",
        r"\b(?:send|sending|flash)\s+(?:me\s+|us\s+)?(?:some\s+|ur\s+|your\s+|yer\s+|them\s+|those\s+|her\s+)?(?:nudes|nude\s+"
        r"(?:pics|photos|selfies)|naked\s+(?:pics|photos|selfies)|tit\s+pics|pics\s+of\s+(?:your|ur|yer|her)\s+(?:tits|boobs|body|"
        r"feet|arse|ass|bum|legs))\b"
        r"|\bshow\s+(?:us|me)\s+(?:your|ur|yer|them|those|her|the)\s+(?:tits|boobs|titties|bum|arse|ass|knickers|bra|rack|nipples|"
        r"pussy|fanny)\b|\bget\s+(?:your|ur|yer|them|her|those)\s+(?:tits|boobs|titties|knockers|baps|jugs)\s+out\b",
    ),
    _shape(
        "harassment",
        "shag bang pound rail bone smash",
        None,
        r"\b(?:i'?d|id|i\s+would|i'?ll|i\s+will|would(?:n'?t)?\s+mind\s+(?:giving|having))\s+(?:\w+\s+)?(?:(?:shag|bang|pound|rail|bone)"
        r"\s+(?:(?:her|him|u|you|the\s+(?:\w+\s+)?(?:girl|lass|woman|lady|bird|receptionist|blonde|brunette))\b"
        r"(?!\s+(?:with|up|out|over|for|to|down|back))|that\b(?!\s+(?:with|up|out|over|in|on|at|for|to|down|back|some|any|the)))"
        r"|smash\s+(?:her|him)\b(?!\s+(?:with|up|out|over|for|to|down|back)))",
    ),
    _shape(
        "harassment",
        "face suck bend bent",
        "sit suck my over",
        r"\bsit\s+on\s+my\s+(?:face|cock|dick)\b|\bsuck\s+(?:my|me)\s+(?:dick|cock|balls|knob|tits|toes)\b"
        r"|\b(?:bend|bent)\s+(?:her|you|u|him)\s+over\b(?!\s+(?:to|the|a|backwards))",
    ),
    # "can come and inspect my drains any time 😉": innuendo said of someone, with a wink
    _shape(
        "harassment",
        "anytime time night whenever day",
        "my me",
        r"\b(?:can|could|is\s+welcome\s+to|may|should)\s+(?:come\s+(?:round\s+|over\s+|back\s+)?(?:and\s+|to\s+)?)?(?:\w+\s+){0,2}?"
        r"(?:my|me)\b[^.!?\n]{0,30}?\b(?:any\s*time|whenever|all\s+night|any\s+day|any\s+night|every\s+night)\b",
        wink=True,
    ),
)
_LETTERS = re.compile(r"[a-z]+")
_WINK = re.compile(
    r"[\U0001F609\U0001F60F\U0001F618\U0001F346\U0001F351\U0001F4A6\U0001F445\U0001F61C]|;-?\)|\bwink\b", re.I
)
_ANIMAL_WORDS = frozenset(WORDS["animal_words"])


def _group_shapes(groups: str) -> tuple[Shape, ...]:
    """Generalisations about a protected group (``groups``: the group names' pattern)."""
    g = r"(?:" + groups + r")"
    return (
        # "<group> come here to rape and steal"
        _shape(
            "hate",
            "come came coming",
            "here country britain uk england europe america",
            g
            + r"\s+(?:\w+\s+){0,2}?(?:come|came|coming|are\s+coming)\s+(?:over\s+)?(?:here|to\s+(?:this\s+country|britain|the\s+uk|"
            r"england|europe|america|the\s+us|our\s+(?:country|towns?|cities)))\s+(?:just\s+|only\s+|purely\s+)?(?:to|for)\s+"
            r"(?:rape|steal|rob|scrounge|sponge|leech|breed|bomb|kill|claim\s+benefits|live\s+off|take\s+advantage|sell\s+drugs|"
            r"commit\s+crimes?|cause\s+trouble|free\s+stuff|handouts|freebies|our\s+women)\b",
            group=True,
        ),
        # "<group> do not belong in <place>"
        _shape(
            "hate",
            "belong",
            None,
            g
            + r"\s+(?:\w+\s+)?(?:do\s+not|don'?t|dont|does\s+not|doesn'?t|should\s+not|shouldn'?t|will\s+never|never|simply\s+"
            r"don'?t)\s+belong\s+(?:here|in\s+(?:this|our|the|a|any|western|civilised|civilized|decent|christian|white|british|"
            r"modern|europe|britain|england|america|society|schools?|sports?|politics|government|parliament|public)\b)",
            group=True,
        ),
        # "<group> control the banks"
        _shape(
            "hate",
            "control controls run runs own owns rule rules running controlling",
            "banks media world government governments hollywood money finance finances press news everything country "
            "politicians system fed",
            r"(?!women\b|females\b)"
            + g
            + r"\s+(?:\w+\s+)?(?:control|controls|run|runs|own|owns|rule|rules|are\s+running|"
            r"are\s+controlling|secretly\s+(?:control|run))\s+(?:the\s+|all\s+the\s+|our\s+|this\s+)?(?:banks|media|world|"
            r"governments?|hollywood|money|finances?|press|news|everything|country|politicians|system|fed)\b",
            group=True,
        ),
        # "the jews are behind every war"
        _shape(
            "hate",
            "behind responsible",
            None,
            g
            + r"\s+(?:are|is|were)\s+(?:\w+\s+)?(?:behind|responsible\s+for)\s+(?:every|all|the|most|each)\s+(?:\w+\s+)?"
            r"(?:wars?|terror|terrorism|attacks?|crimes?|problems?|crisis|crises|pandemic|covid|virus|9/11|evil)\b",
            group=True,
        ),
        # "<group> have lower IQs"
        _shape(
            "hate",
            "iq iqs intelligence brains brain",
            None,
            g + r"\s+(?:\w+\s+){0,2}?(?:have|has|got|with)\s+(?:a\s+|an\s+)?(?:lower|low|smaller|small|tiny|inferior|"
            r"below[- ]average)\s+(?:average\s+)?(?:iqs?|intelligence|brains?)\b",
            group=True,
        ),
        # "<group> are too emotional to vote"
        _shape(
            "hate",
            "too",
            "emotional irrational hysterical primitive backward simple incompetent violent uncivilised "
            "uncivilized weak dim feeble brainwashed savage",
            g
            + r"\s+(?:are|r|is)\s+(?:just\s+|simply\s+|all\s+|far\s+|way\s+|naturally\s+)?too\s+(?:emotional|irrational|"
            r"hysterical|primitive|backward|simple|incompetent|violent|uncivili[sz]ed|weak|dim|feeble|brainwashed|savage)\s+to\s+\w+",
            group=True,
        ),
        # "<group> can't drive", "<group> should not be allowed to vote", "<group> refuse to integrate"
        _shape(
            "hate",
            "drive think trusted allowed assimilate integrate lead",
            None,
            g
            + r"\s+(?:\w+\s+)?(?:can'?t|cannot|can\s+not)\s+(?:drive|think(?:\s+for\s+themselves)?|be\s+trusted|control\s+"
            r"themselves|lead)\b(?=\s*(?:$|[.!?,;]|and\b|either\b|properly|for\s+(?:shit|toffee|crap)|lol|lmao|[^\w\s]))"
            r"|"
            + g
            + r"\s+(?:\w+\s+)?(?:should\s+not|shouldn'?t|must\s+not|mustn'?t)\s+be\s+allowed\s+to\s+(?:vote|drive|work|"
            r"teach|lead|adopt|marry|have\s+(?:kids|children)|breed|exist|live\s+here|be\s+(?:teachers|doctors|in\s+charge))\b"
            r"|"
            + g
            + r"\s+(?:\w+\s+)?(?:refuse|refuses|never|won'?t|will\s+never)\s+(?:to\s+)?(?:assimilate|integrate)\b",
            group=True,
        ),
        # "<group> eat anything"
        _shape(
            "hate",
            "eat eats",
            None,
            g
            + r"\s+(?:will\s+|would\s+|just\s+|even\s+|literally\s+)?(?:eat|eats)\s+(?:anything|everything|dogs?|cats?|bats?|"
            r"rats?|monkeys?|insects|bugs|cockroaches)\b",
            group=True,
        ),
        # "Muslims ... They breed like rabbits": a pronoun for the group named in the text
        _shape(
            "hate",
            "vermin scum animals parasites cockroaches rats filth savages subhuman subhumans apes locusts "
            "infestation breed breeding",
            "they these those them",
            r"\b(?:they|these\s+people|those\s+people|they're|theyre)\s+(?:\w+\s+){0,5}?(?:are|r|is|were|breed|breeding)\s+"
            r"(?!not\b|never\b)(?:(?:just|all|nothing\s+but|basically|literally|filthy|dirty|disgusting|fucking|bloody)\s+){0,3}"
            r"(?:vermin|scum|animals|parasites|cockroaches|rats|filth|savages|subhumans?|apes|locusts|an\s+infestation|"
            r"like\s+(?:rats|rabbits|cockroaches|flies|vermin|animals))\b",
            group=True,
        ),
    )


class Shapes:
    """The shapes, and which of them each anchor word wakes: one set intersection per text finds
    the few shapes worth a look (a loop over every shape cost ~2 µs per post)."""

    def __init__(self, shapes: tuple[Shape, ...]) -> None:
        self.shapes = shapes
        self.anchors = frozenset(a for shape in shapes for a in shape.anchors)
        self.by_anchor = {a: tuple(i for i, shape in enumerate(shapes) if a in shape.anchors) for a in self.anchors}

    def woken(self, words: frozenset[str]) -> list[Shape]:
        hit = self.anchors.intersection(words)
        if not hit:
            return []
        if len(hit) == 1:
            return [self.shapes[i] for i in self.by_anchor[next(iter(hit))]]
        return [self.shapes[i] for i in sorted({i for a in hit for i in self.by_anchor[a]})]


def _shape_hits(text: str, lowered: str, words: frozenset[str], shapes: Shapes, group_present: bool):
    """(shape, match) for each shape's matches, sentence by sentence around its anchor words."""
    aligned = len(lowered) == len(text)
    found = []
    for shape in shapes.woken(words):
        if shape.group and not group_present:
            continue
        if shape.needs is not None and shape.needs.isdisjoint(words):
            continue
        if shape.wink and _WINK.search(text) is None:
            continue
        if not aligned:  # lower-casing changed the length: positions do not line up
            found += [(m.start(), shape, m) for m in shape.pattern.finditer(text)]
            continue
        seen: set[int] = set()
        for anchor in sorted(shape.anchors.intersection(words)):
            i = lowered.find(anchor)
            while i >= 0:
                s, e = sentence_bounds(text, i)
                if s not in seen:
                    seen.add(s)
                    found += [(m.start(), shape, m) for m in shape.pattern.finditer(text, s, e)]
                i = lowered.find(anchor, max(i + len(anchor), e))
    found.sort(key=lambda hit: hit[0])
    for _start, shape, match in found:
        if shape.animal:
            s, e = sentence_bounds(text, match.start())
            if not _ANIMAL_WORDS.isdisjoint(_LETTERS.findall(text[s:e].lower())):
                continue
        yield shape, match
