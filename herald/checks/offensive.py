"""Offensive and abusive content: swearing, slurs, threats, hate, insults, and the profanity model.

Word lists come from the rules file. Obfuscated spellings are normalised before matching:
leetspeak (``sh1t``, ``@ss``), masking (``f*ck``), stretched letters (``fuuuck``) and spaced or
dotted letters (``f u c k``, ``c.u.n.t``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from . import offensive_model
from .config import Rules
from .textutil import (
    PhraseMatcher,
    WordStarts,
    compile_phrases,
    glob_prefixes,
    inside_quotes,
    phrase_pattern,
    probe,
    sentence_bounds,
    single_quoted,
    starts_word,
)

Emit = Callable[..., None]

_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i", "|": "l"}
)
# A word with a letter next to a digit or symbol, or a letter repeated three times.
_OBFUSCATED = re.compile(r"(?<![\w@#$*])(?=[\w@$*!|]*[a-zA-Z])(?=[\w@$*!|]*[0-9@$*!|])[\w@$*!|]{3,}|\b\w*(\w)\1\1\w*")
_SPACED = re.compile(r"(?<![\w.])(?:[A-Za-z@$*0-9][ ._-]){2,}[A-Za-z@$*0-9](?![\w])")
_SUBJECT = (
    r"\b(?:i|we|i'?m|we'?re|i'?ll|ill|we'?ll|i'?d|we'?d|gonna|gunna|imma|ima|let'?s|"
    r"(?:some(?:one|body)|people|they)\s+(?:should|needs?\s+to|ought\s+to|must|will|gonna))\b"
    # up to 24 characters to the verb, none of them a negation ("I'd never hurt you")
    r"(?:(?!not\b(?!\s+(?:afraid|scared))|n't\b|never\b)[^.!?\n]){0,24}?"
)
# What the violent verb is done to: a person (not "for you", not "shoot you an email"), their body,
# family or home, a person described ("that councillor"), or a building people are in.
_VICTIM = (
    r"(?:[^.!?\n]{0,12}?\s)?(?<!\bfor\s)(?<!\bto\s)(?<!\bwith\s)(?<!\bat\s)(?<!\bon\s)(?<!\bby\s)(?<!\babout\s)(?<!\bthank\s)"
    r"(?:(?:you|u|ya|him|her|them|'?em|yer)\b(?!\s+an?\s+(?:quick\s+)?(?:message|e-?mail|text|dm|pm|line|note|link|invite|reminder|update|call|copy)\b)"
    r"|(?:your|ur|his|her|their|yer)\s+(?:\w+\s+)?(?:face|head|teeth|skull|legs?|arms?|kneecaps?|neck|throat|jaw|nose|eyes?|"
    r"family|kids|children|wife|husband|mum|mom|mother|dad|father|house|home|car)\b"
    r"|(?:the|that|this|every|any)\s+(?:[\w-]+\s+){0,2}?(?:councillor|cllr|warden|officer|man|woman|bloke|guy|lad|person|mp|idiot|twat|"
    r"prick|bastard|twerp|muppet|moron|scumbag|tosser|wanker|dickhead|knobhead|prat|pillock|fucker|cunt|girl|boy|lady|kid|"
    r"traitor|copper|cop|reporter|journalist|landlord|neighbour|driver)s?\b(?!['’])"
    r"|(?:the|that|this|their|your)\s+(?:\w+\s+)?(?:hotel|mosque|synagogue|church|temple|gurdwara|house|home|offices?|school)\b)"
)
_PERSON = r"(?:you|u|ya|him|her|them|'?em)"
_THREAT = re.compile(
    r"(?i)"
    + _SUBJECT
    + r"\b(?:(?:kill|murder|stab|shoot|hurt|batter|strangle|burn|rape|bomb|slit|punch|slap|smack|choke|knife|"
    r"beat\s+up|knock\s+out|torch|firebomb|headbutt)\w*\b"
    + _VICTIM
    + r"|hunt\w*\s+(?:you|u|ya|him|her|them|'?em)\s+down\b"
    # "someone should punch that twerp in the mouth"
    + r"|(?:punch|slap|smack|kick|hit|stab|shoot|headbutt)\w*\s+[^.!?\n]{0,30}?\bin\s+the\s+(?:face(?!\s+of)|mouth|head|teeth|gob|"
    r"throat|neck|nose|jaw|balls|nuts|stomach|guts|chops|kidneys)\b"
    # "someone should torch the council offices", "we should burn the place down"
    + r"|(?:burn|bomb|torch|firebomb|petrol[- ]?bomb)\w*\s+(?:down\s+)?(?:the|that|this|their|your|his|her)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:place|building|camp|town\s+hall|hostel|flats?|centre|center|library|shop|caravans?|site|estate|offices?|lot)\b"
    + r"|(?:smash|kick|punch)\s+(?:your|ur|his|her|their)\s+(?:fucking\s+)?(?:head|face|teeth|skull)\s+in\b)"
    # "I'll knock you out" (not "our lights display will knock you out")
    r"|"
    + _SUBJECT
    + r"\b(?:knock|batter|beat)\s+"
    + _PERSON
    + r"\s+(?:out|senseless|to\s+death|black\s+and\s+blue|spark\s+out|"
    r"into\s+next\s+week)\b"
    r"|" + _SUBJECT + r"\bbeat\s+" + _PERSON + r"\s+up\b"
    r"|\bknock\s+(?:your|ur|his|her|their|yer)\s+(?:\w+\s+)?(?:teeth|block|head|lights)\s+(?:out|off|in)\b"
    r"|\b(?:kill|hang|shoot|neck)\s+(?:your|ur)\s*sel(?:f|ves)\b|\bkys\b"
    r"|\byou(?:'re|\s+are|\s+r)?\s+(?:dead|going\s+to\s+die|gonna\s+die|dead\s+meat|a\s+dead\s+man)(?=\s*(?:[.!?,;:)\n]|$|(?:when|if|mate|pal|meat|man|bruv)\b))"
    r"|\bi\s+know\s+where\s+(?:you|u)\s+live\b|\bwatch\s+(?:your|ur)\s+back\b"
    r"|\b(?:deserves?|should|ought|needs?|must)\s+(?:(?:all|just|simply|really|go\s+and|go)\s+){0,2}(?:to\s+)?(?:die(?![-\w]|\s+(?:back|down|off|out)\b)|be\s+(?:shot|killed|hanged|"
    r"hung(?!\s+(?:on|at|in|up|out|from|above|along|over|around|by|inside|outside|near)\b)|stabbed|raped|lynched|burn[te]d?|executed|"
    r"murdered))\b"
    r"|\b(?:deserves?|needs?)\s+a\s+bullet\b(?![\s-]*(?:points?|proof|train|list|journal|time|holes?)\b)|\bput\s+a\s+bullet\s+in\b"
    # "should be locked up and hanged"
    r"|\b(?:deserves?|should|ought|needs?|must)\s+(?:(?:all|just)\s+)?(?:to\s+)?be\s+[\w-]+\s+(?:up\s+|down\s+|out\s+)?(?:and|then)\s+"
    r"(?:shot|killed|hanged|lynched|executed|stabbed|murdered|tortured)\b"
    r"|\bi(?:'ll|\s+will)\s+find\s+(?:you|u)\b(?!\s+(?:a|an|the|some|one|somewhere|something|your)\b)"
    r"|\bhope\s+(?:you|u|he|she|they)(?:\s+all)?\s+(?:die|dies|rot|rots|suffer|suffers|burn|burns|"
    r"(?:get|gets)\s+(?:hit\s+by|cancer|raped|killed|shot|stabbed|murdered|beaten\s+up|lynched))\b"
    r"|\bhope\s+(?:some(?:one|body))\s+(?:kills|shoots|stabs|rapes|murders|hurts|beats)\s+" + _PERSON + r"\b"
    r"|\b(?:you(?:'ll|\s+will)|you'?re\s+going\s+to|you\s+are\s+going\s+to)\s+(?:pay\s+for\s+(?:this|that)|regret\s+(?:this|that|it))\b"
    r"|\b(?:we'?re|we\s+are|i'?m|i\s+am)\s+coming\s+for\s+(?:you|u)\b|\bgo\s+(?:and\s+)?die\b(?!-)"
    r"|\bdrop\s+dead\b(?![-\w]|\s+(?:gorgeous|beautiful|stunning|funny|lovely|brilliant|easy|simple)\b)"
    r"|\b(?:i'?ll|i\s+will|we'?ll|we\s+will|gonna|going\s+to)\s+break\s+(?:your|ur|his|her|their)\s+(?:neck|legs?|arms?|jaw|face|nose)\b"
    r"|\bget\s+what'?s\s+coming\s+to\s+(?:you|u|him|her|them)\b"
    r"|\b(?:you|u|he|she|they|ye)(?:'ll|\s+will|'?re\s+(?:going\s+to|gonna)|\s+(?:are|is)\s+(?:going\s+to|gonna)|\s+gonna|'s\s+gonna|"
    r"\s+shall)\s+(?:all\s+|soon\s+|finally\s+)?get\s+(?:what'?s|what\s+is)\s+coming\b"
    r"|\b(?:you'?ve|you\s+have|he'?s|he\s+has|she'?s|she\s+has|they'?ve|they\s+have)\s+got\s+it\s+coming\b"
    # "people like you should just die off"
    r"|\b(?:you|u|ya|ye|you\s+(?:all|lot|people)|(?:people|men|women|folk|\w+s)\s+like\s+(?:you|u|him|her|them|that))\s+"
    r"(?:should|need\s+to|needs\s+to|ought\s+to|deserve\s+to|must)\s+(?:(?:all|just|simply|really|hurry\s+up\s+and|go\s+and|go)\s+){0,2}"
    r"(?:die|drop\s+dead)\s+(?:off|out)\b"
    r"|\byour\s+days\s+are\s+numbered\b"
)
# Telling people to leave the country, or to be sent back, for their race or national origin.
_GO_BACK = re.compile(
    r"(?i)\b(?:go|get|fuck\s+off|piss\s+off|sod\s+off)\s+back\s+(?:home\s+)?to\s+(?:your|their|where)\s+(?:own\s+)?(?:country|countries|(?:you|they)\s+came\s+from)\b"
    r"|\b(?:go|get|fuck\s+off|piss\s+off|send\s+(?:(?:them|him|her|you|'?em)(?:\s+all)?|(?:all|every\s+(?:last\s+|single\s+)?one)\s+"
    r"of\s+(?:them|'?em)|(?:all\s+)?(?:the|these|those)\s+[\w-]+))\s+back\s+(?:home\s+)?to\s+(?:africa|asia|mexico|india|pakistan|"
    r"bangladesh|poland|romania|china|somalia|syria|iraq|afghanistan|the\s+middle\s+east|the\s+desert|the\s+jungle|the\s+caves?|your\s+cave|"
    r"your\s+(?:own\s+)?(?:kind|people))\b"
    r"|\bsend\s+(?:them|'?em)\s+(?:all\s+)?back\b|\b(?:you|they)\s+(?:people\s+)?(?:don'?t|do\s+not)\s+belong\s+(?:here|in\s+this\s+country)\b"
    # "send all the illegals back where they came from", "should be sent back to Africa"
    r"|\b(?:go|get|send|ship|deport|boot|fuck\s+off|piss\s+off)\s+(?:[\w-]+\s+){0,3}?back\s+(?:to\s+)?where\s+"
    r"(?:they|you|u|he|she|ya)\s+(?:came|come)\s+from\b"
    r"|\b(?:be|get|getting|being)\s+(?:sent|shipped|deported|kicked|booted)\s+back\s+(?:home\s+)?to\s+(?:africa|asia|mexico|india|"
    r"pakistan|bangladesh|poland|romania|china|somalia|syria|iraq|afghanistan|the\s+middle\s+east|the\s+desert|the\s+jungle|"
    r"the\s+caves?|their\s+(?:own\s+)?(?:countr(?:y|ies)|kind|people|caves?))\b"
)


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


def _shape(rule: str, anchors: str, needs: str | None, pattern: str, **flags: bool) -> Shape:
    return Shape(
        rule,
        frozenset(anchors.split()),
        frozenset(needs.split()) if needs else None,
        re.compile(pattern, re.I),
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
        # "give that warden a good hiding"
        r"\b(?:give|gives|giving|gave)\s+(?:him|her|them|you|u|'?em|(?:that|this|the)\s+(?:[\w-]+\s+)?(?:councillor|cllr|warden|officer|"
        r"man|woman|bloke|guy|lad|idiot|twat|prick|bastard|muppet|moron|scumbag|tosser|wanker|lot|kid|driver))\s+a\s+(?:good\s+|"
        r"proper\s+|real\s+|damn\s+good\s+|bloody\s+good\s+)?(?:hiding|kicking|slap|slapping|beating|battering|shoeing|pasting|"
        r"smack|punch|bullet)\b(?!\s+on\s+the\s+wrist)"
        r"|\b(?:deserves?|deserved|needs?|needed|wants?|asking\s+for|due|earned|gonna\s+get|will\s+get|'ll\s+get)\s+"
        r"(?:a\s+|an\s+)?(?:good\s+|proper\s+|real\s+|swift\s+|damn\s+good\s+|bloody\s+good\s+)?(?:bullet|rope|noose|slap|"
        r"slapping|kicking|hiding|beating|battering|shoeing|pasting|smack|punch|stabbing|lynching)\b"
        r"(?![\s-]+(?:on\s+the\s+wrist|points?|proof|train|journal|cards?|line|list|bowl|bag|holes?|range|practice|lessons?|match|gallery|baskets?|session|"
        r"club|stars?|party|tours?|bridge|swing|ladder|course|walk|pitch|hill))",
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
        r"\b(?:should|must|ought\s+to|needs?\s+to|deserved?\s+to|deserves\s+to|wants?\s+to|gonna|going\s+to)\s+"
        r"(?:all\s+|just\s+|really\s+|seriously\s+)?(?:be|get)\s+(?:\w+\s+)?(?:punched|slapped(?!\s+(?:with|on|down))|"
        r"beaten\s+(?:up|to\s+death|senseless|black\s+and\s+blue)|battered(?!\s+(?:by|in\s+the\s+(?:polls|election)))|"
        r"kicked\s+(?:in|to\s+death)|kneecapped|knifed|glassed|strung\s+up|lined\s+up\s+and\s+shot|hung\s+drawn\s+and\s+quartered|"
        r"tortured|put\s+down(?!\s+(?:on|as|in|to|at|the|a|an|your|their|our|his|her|its|by|before|after|under|with|from|into|onto|"
        r"first|in\s+writing|for(?!\s+good))\b)|put\s+to\s+sleep|"
        r"run\s+over(?=\s*(?:$|[.!?,;]|by\b))|"
        r"burn(?:ed|t)\s+alive|thrown\s+[^.!?\n]{0,30}?(?:left\s+to\s+(?:rot|die)|off\s+(?:a|the)\s+(?:bridge|cliff|roof))|"
        r"left\s+to\s+(?:rot|die)|gassed|drowned(?!\s+out)|shot\s+dead|skinned\s+alive|beheaded|castrated)\b",
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
        r"\bhop(?:e|ing|efully)\s+(?:that\s+)?(?!(?:nobody|noone|no\s+one|none|neither|nothing|no)\b)(?:you|u|he|she|they|(?:your|his|her|their|the)\s+(?:\w+\s+)?\w+|\w+)\s+(?:all\s+)?"
        r"(?:(?:ends?|winds?|lands?)\s+up\s+(?:in|on|under|six\s+feet)\s+(?:a\s+|an\s+|the\s+)?(?:hospital|a&e|ditch|gutter|"
        r"wheelchair|coffin|morgue|grave|box|body\s*bag|intensive\s+care|icu|itu|river|canal|slab|hearse|burns\s+unit|under)"
        r"|(?:gets?|catch(?:es)?)\s+(?:run\s+over|knocked\s+(?:down|over)|covid|aids|hiv|hit\s+by|stabbed|shot|beaten|cancer|"
        r"ebola|the\s+(?:plague|virus)|a\s+(?:kicking|beating|bullet|brick))"
        r"|(?:chokes?|drowns?|burns?\s+(?:down|to\s+death|alive|in\s+hell)|gets?\s+torched|dies?\s+(?:slowly|painfully|alone|"
        r"in\s+a\s+(?:fire|ditch|crash))))\b"
        # "hope every immigrant gets deported", "hope the planners get stuck in it and rot"
        r"|\bhop(?:e|ing|efully)\s+(?:that\s+)?(?:every|all|the|those|these)\s+(?:\w+\s+)?\w+\s+(?:gets?|are|is)\s+(?:deported|gassed|"
        r"lynched|exterminated|wiped\s+out|shot|hanged|killed)\b"
        r"|\bhop(?:e|ing|efully)\s+(?:that\s+)?(?!(?:nobody|noone|no\s+one|none|neither|nothing|no)\b)(?:you|u|he|she|they|the\s+\w+|\w+)\b[^.!?\n]{0,60}?\band\s+(?:rot|die|dies|suffer|"
        r"suffers|choke|chokes)\b(?!\s+(?:back|down|off|out|away|of\s+(?:old|natural)))",
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
_ANIMAL_WORDS = frozenset(
    "dog dogs cat cats horse horses pony ponies animal animals pet pets puppy puppies kitten kittens badger badgers fox "
    "foxes deer cow cows sheep pig pigs bird birds swan swans rat rats vet vets rspca it bull bulls livestock cattle "
    "hamster rabbit rabbits breed".split()
)


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


_GROUP_ATTACK_CUES = (
    "filthy", "dirty", "stinking", "stinkin", "disgusting", "evil", "lazy", "bloody", "fucking", "fuckin", "effing",
    "damn", "stupid", "hate", "despise", "detest", "loathe", "stand", "kill", "gas", "hang", "shoot", "exterminate",
    "nuke", "lynch", "burn", "wipe", "eradicate", "death",
)  # fmt: skip


def _insult_nouns(insults: tuple[str, ...], dehumanising: tuple[str, ...]) -> frozenset[str]:
    """The insults that are nouns for a person: those listed together with their plural (idiot/idiots,
    numpty/numpties), and uncountable ones that are also dehumanising (scum). Adjectives (stupid,
    useless) and words listed alone (disgrace) count only when said to someone ("you are useless")."""
    listed = {i.lower() for i in insults}
    nouns = set(listed & ({d.lower() for d in dehumanising if " " not in d} | _UNCOUNTABLE))
    for word in listed:
        first, _, rest = word.partition(" ")  # "waste of space" / "wastes of space"
        rest = " " + rest if rest else ""
        plurals = (first + "s" + rest, first + "es" + rest, first[:-1] + "ies" + rest if first.endswith("y") else "",
                   word[:-3] + "men" if word.endswith(" man") else "")  # fmt: skip
        for plural in plurals:
            if plural in listed:
                nouns.update((word, plural))
    return frozenset(nouns)


@dataclass
class OffensiveMatchers:
    strong: PhraseMatcher
    mild: PhraseMatcher
    ambiguous: PhraseMatcher
    slur: PhraseMatcher
    hate: re.Pattern[str]
    groups: PhraseMatcher  # prefilter for hate
    dehumanising: PhraseMatcher  # prefilter for hate (both must be present)
    condemnation: PhraseMatcher
    insult_words: PhraseMatcher  # the insults; each one found is then judged by the words before it
    insult_nouns: frozenset[str]  # insults said of a person as a noun ("what an idiot", "are idiots")
    harmless_spans: tuple[PhraseMatcher, ...]  # harmless phrases and names that contain a rude word
    group_attack: re.Pattern[str]  # "immigrants are criminals", "filthy immigrants"
    group_attack_words: PhraseMatcher  # prefilter for group_attack (with groups)
    harmless: PhraseMatcher  # a harmless sense of an ambiguous word is meant (any entry anywhere in the text)
    shapes: Shapes  # more shapes of threats, hate and harassment, each behind its anchor words
    any_word: re.Pattern[str]  # fullmatch against a normalised obfuscated word
    starts: WordStarts  # one scan for the word lists' stems and the threat stems
    # raw obfuscated word -> whether it is a disguised strong word or slur. A plain dict: an lru_cache
    # keyed on (word, any_word) hashed the compiled pattern's code on every call (~4 µs).
    obfuscated_known: dict[str, bool] = field(default_factory=dict)


def _phrase_trie(phrases) -> str:
    """``phrase_pattern(phrases)`` (whole words, spaces as runs of spaces, longest first) as a trie: the
    plain alternation tries every phrase in turn at each word start, which for the ~350 insults cost
    ~25 µs per 2,000 characters."""
    trie: dict = {}
    for phrase in {p.lower() for p in phrases}:
        node = trie
        for char in " ".join(phrase.split()):
            node = node.setdefault(char, {})
        node[""] = {}
    return r"(?<![\w@#])" + _trie_alternation(trie) + r"(?!\w)" if trie else r"(?!x)x"


def _trie_matcher(phrases) -> PhraseMatcher:
    matcher = compile_phrases(phrases)
    matcher.pattern = re.compile(_phrase_trie(phrases), re.I)
    return matcher


def compile_offensive(rules: Rules) -> OffensiveMatchers:
    w = rules.words
    groups = _phrase_trie(w["protected_groups"])  # phrase_pattern(w["protected_groups"]), as a trie
    dehuman = phrase_pattern(w["dehumanising"])
    all_words = phrase_pattern(w["profanity_strong"] + w["slurs"], glob=True)
    attacks = phrase_pattern(w["group_attacks"])
    lists = ("profanity_strong", "profanity_mild", "ambiguous", "slurs")
    starts = WordStarts([stem for name in lists for stem in glob_prefixes(w[name])] + list(_THREAT_STEMS))
    return OffensiveMatchers(
        strong=compile_phrases(w["profanity_strong"], glob=True, hashtags=True, shared=starts),
        mild=compile_phrases(w["profanity_mild"], glob=True, shared=starts),
        ambiguous=compile_phrases(w["ambiguous"], glob=True, shared=starts),
        slur=compile_phrases(w["slurs"], glob=True, hashtags=True, shared=starts),
        starts=starts,
        group_attack=re.compile(
            groups
            + r"\s+(?:are|r|is|were|=)\s+(?:(?:all|just|only|nothing\s+but|such|so|too|a\s+bunch\s+of|bloody|fucking|"
            r"literally|basically|mostly|clearly|obviously)\s+)*"
            + attacks
            + r"|(?<![\w@#])(?:filthy|dirty|stinking|stinkin|disgusting|evil|lazy|bloody|fucking|fuckin|effing|damn|stupid)\s+"
            + groups
            # "I hate Muslims", "kill all the gays", "death to …": hatred or violence aimed at the whole group
            + r"|\b(?:i|we)\s+(?:(?:really|fucking|just|all|truly|honestly)\s+)?(?:hate|despise|detest|loathe|can'?t\s+stand|cannot\s+stand)\s+"
            r"(?:(?:all|the|these|those|fucking|bloody|filthy|dirty)\s+)*" + groups + r"(?!['\u2019])"
            r"|\b(?:kill|gas|hang|shoot|exterminate|nuke|lynch|burn|wipe\s+out|eradicate|death\s+to)\s+"
            r"(?:(?:all|the|these|those|of|fucking|bloody|filthy|dirty)\s+)*" + groups,
            re.I,
        ),
        group_attack_words=compile_phrases(list(w["group_attacks"]) + list(_GROUP_ATTACK_CUES)),
        harmless=compile_phrases(w["harmless_contexts"]),
        shapes=Shapes(_PLAIN_SHAPES + _group_shapes(groups)),
        hate=re.compile(groups + r"[^.!?\n]{0,40}?" + dehuman + "|" + dehuman + r"[^.!?\n]{0,10}?" + groups, re.I),
        groups=compile_phrases(w["protected_groups"]),
        dehumanising=compile_phrases(w["dehumanising"]),
        condemnation=compile_phrases(w["condemnation"]),
        insult_words=_trie_matcher(w["insults"]),
        insult_nouns=_insult_nouns(w["insults"], w["dehumanising"]),
        harmless_spans=tuple(
            compile_phrases(entries, flags=flags)
            for entries, flags in (
                ([h for h in w["harmless_contexts"] if h.islower()], re.I),
                ([h for h in w["harmless_contexts"] if not h.islower()], 0),
            )
            if entries
        ),  # fmt: skip
        any_word=re.compile(all_words, re.I),
    )


_SELF_EVIDENT = frozenset({"hoe", "hoes", "dick", "dicks", "pussy"})
_STRETCHED = re.compile(r"(\w)\1{2,}")
_DOUBLED = re.compile(r"(\w)\1+")


def _deobfuscate(word: str) -> str:
    word = word.lower().strip("!.*")
    word = word.translate(_LEET)
    return _STRETCHED.sub(r"\1", word)


_TRIPLE = re.compile(r"(\w)\1\1")
# Swearing guessed from a masked spelling ("f*ck", "b*stard", "F***"). No slurs: "called me a p*ki" is
# usually a report, and the word lists hold the slurs' own disguises.
_MASKABLE = (
    "fuck", "shit", "cunt", "fucking", "bitch", "twat", "wanker", "bastard", "bollocks", "arsehole", "asshole",
    "dickhead", "bullshit", "shite", "fucker", "fuckers", "fuckin", "fucked", "cunts", "bitches", "wankers",
    "motherfucker",
)  # fmt: skip
_MASKED = re.compile(r"[a-zA-Z]{1,2}\*{2,}[!.]*")
# Whether _SPACED can match: a letter (or @$*) after no word character or dot, a separator, another,
# another separator (SPACED_HINT_REFERENCE). Led by the first separator, with the rest behind it as
# look-behinds, the scan only stops at separators: ~27 -> ~16 µs per 2,000 characters.
SPACED_HINT_REFERENCE = r"(?<![\w.])[A-Za-z@$*][ ._-][A-Za-z@$*][ ._-]"
_SPACED_HINT = re.compile(r"[ ._-](?<=[A-Za-z@$*][ ._-])(?<![\w.][A-Za-z@$*][ ._-])[A-Za-z@$*][ ._-]")
_THREAT_STEMS = (
    "kill", "murder", "stab", "shoot", "shot", "hurt", "batter", "strangl", "burn", "rape", "bomb", "beat", "knock",
    "slit", "smash", "kick", "hang", "hung", "kys", "dead", "die", "live", "back", "lynch", "find", "cancer",
    "punch", "slap", "smack", "chok", "knife", "hunt", "break", "neck", "execut", "rot", "suffer", "pay", "regret",
    "coming", "bullet", "hit", "numbered", "torch", "firebomb", "headbutt",
)  # fmt: skip


_THREAT_START = starts_word(_THREAT_STEMS)
_THREAT_KNOWN: dict[str, bool] = {}  # word -> starts with a threat stem (WordStarts.positions)
_SENTENCE_STOP = re.compile(r"[.!?]")


def _threats(text: str, lowered: str, starts: WordStarts | None = None):
    """_THREAT's matches. No match holds ".", "!" or "?" and every one holds a word starting with a
    threat stem, so only the stretches between those marks that hold such a word are scanned (the
    whole pattern costs ~0.2 ms per 2,000 characters; tests/test_fast_paths.py checks equality)."""
    if starts is None:
        stems = [m.start() for m in _THREAT_START.finditer(lowered)]
    else:
        stems = starts.positions(lowered, _THREAT_STEMS, _THREAT_KNOWN)
    if not stems:
        return
    if len(lowered) != len(text):  # lower-casing changed the length: positions do not line up
        yield from _THREAT.finditer(text)
        return
    done = 0
    for p in stems:
        if p < done:
            continue
        start = max(text.rfind(".", 0, p), text.rfind("!", 0, p), text.rfind("?", 0, p)) + 1
        stop = _SENTENCE_STOP.search(text, p)
        end = stop.start() if stop else len(text)
        yield from _THREAT.finditer(text, start, end)
        done = end


# Every _OBFUSCATED match lies inside one maximal run of these characters and holds a digit or symbol
# (first branch) or a letter three times (second branch).
_RUN_CHARS = re.compile(r"[\w@$*!|]*")
_SYMBOL = re.compile(r"[0-9@$*!|]+")


def _suspect_runs(text: str) -> list[tuple[int, int]]:
    """The maximal runs of word characters and @$*!| that hold a digit, symbol or tripled letter, in order.

    _OBFUSCATED tried at every position costs ~0.2 ms per 2,000 characters; run only over these runs
    (its look-behind and ``\b`` still see the real text before each run) it finds the same matches,
    and each character is looked at a bounded number of times (tests/test_fast_paths.py)."""
    starts = [m.start() for m in _SYMBOL.finditer(text)]
    if _TRIPLE.search(text) is not None:
        starts += [m.start() for m in _TRIPLE.finditer(text)]
        starts.sort()
    runs: list[tuple[int, int]] = []
    done = 0
    for p in starts:
        if p < done:
            continue
        start = p
        while start > done and _RUN_CHARS.fullmatch(text, start - 1, start):
            start -= 1
        end = _RUN_CHARS.match(text, p).end()
        if end == p:  # p holds none of the run characters (cannot happen: a symbol or a word character)
            end = p + 1
        runs.append((start, end))
        done = end
    return runs


def _obfuscated_word(raw: str, any_word: re.Pattern[str]) -> bool:
    """Whether an _OBFUSCATED match is a disguised strong word or slur (callers keep the answers)."""
    word = _deobfuscate(raw)
    if "*" not in word and len(word) < 3 and _MASKED.fullmatch(raw) is not None:
        word = raw.lower().rstrip("!.")  # "F***", "s***", "c***": a first letter and the rest masked
    if "*" in word:
        pattern = re.escape(word).replace(r"\*", r"\w")
        return any(re.fullmatch(pattern, w) for w in _MASKABLE)
    return any(any_word.fullmatch(candidate) for candidate in (word, _DOUBLED.sub(r"\1", word)))


def _obfuscated_hits(text: str, m: OffensiveMatchers) -> list[tuple[int, int, str]]:
    hits = []
    runs = _suspect_runs(text)
    if len(runs) > 24:
        # A scan per run costs a call each (~4 µs); with many runs one scan from the first to the last
        # finds the same matches (none lies outside a suspect run) for less ("www." repeated: 2.4 -> 0.5 ms).
        runs = [(runs[0][0], runs[-1][1])]
    for start, end in runs:
        for match in _OBFUSCATED.finditer(text, start, end):
            raw = match.group()
            known = m.obfuscated_known.get(raw)
            if known is None:
                if len(m.obfuscated_known) > 8192:
                    m.obfuscated_known.clear()
                known = m.obfuscated_known[raw] = _obfuscated_word(raw, m.any_word)
            if known:
                hits.append((match.start(), match.end(), raw))
    for match in _SPACED.finditer(text) if _SPACED_HINT.search(text) else ():
        joined = _deobfuscate(re.sub(r"[ ._-]", "", match.group()))
        if len(joined) >= 3 and m.any_word.fullmatch(joined):
            hits.append((match.start(), match.end(), match.group()))
    return hits


def _backwards(phrases) -> str:
    """A pattern matching any of the phrases written backwards (for matching leftwards), as a trie:
    an alternation of ~150 words is tried word by word at every position (~5 µs per frame), a trie
    one branch per character. Longer phrases are tried before their prefixes."""
    trie: dict = {}
    for phrase in set(phrases):
        node = trie
        for char in " ".join(word[::-1] for word in reversed(phrase.split())):
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_alternation(trie)


def _trie_alternation(node: dict) -> str:
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _trie_alternation(child)
        for char, child in sorted(node.items())
        if char
    ]
    if "" in node:
        branches.append("")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


# Words that strengthen an insult ("you absolute muppet", "are a bunch of clowns", "such a moron"), and
# the scornful adjectives said with one ("a corrupt old hag", "a lying weasel", "a stuck-up cow").
_INTENSIFIERS = (
    "absolute", "total", "complete", "utter", "right", "proper", "real", "bloody", "fucking", "effing", "frigging",
    "stupid", "little", "big", "fat", "ugly", "lazy", "useless", "pathetic", "brainless", "selfish", "ignorant",
    "clueless", "incompetent", "spineless", "gutless", "arrogant", "thick", "dumb", "silly", "daft", "massive",
    "typical", "such", "so", "just", "all", "very", "really", "too", "a", "an", "bunch of", "load of", "shower of",
    "pack of", "set of", "nothing but", "nowt but", "one",
    "corrupt", "old", "lying", "smug", "stuck-up", "two-faced", "sad", "pompous", "jumped-up", "gormless", "smarmy",
    "slimy", "greedy", "nasty", "dirty", "filthy", "thieving", "deluded", "bitter", "miserable", "vile", "worthless",
    "hypocritical", "self-important", "overpaid", "condescending", "patronising", "moronic", "idiotic", "braindead",
    "brain-dead", "disgusting", "horrible", "evil", "sneaky", "entitled", "gobby", "mouthy", "rude", "dozy", "dopey",
    "dim", "dense", "feckless", "traitorous", "treacherous", "whiny", "whinging", "cowardly", "snivelling", "shameless",
    "bone-idle", "bumbling", "witless", "mindless", "twisted", "creepy", "dishonest", "devious", "petty",
    "small-minded", "narrow-minded", "bigoted", "racist", "sexist", "crooked", "stinking", "lousy", "tiny-minded",
    "so-called", "whingeing",
)  # fmt: skip
# The same, strong enough to make a bare noun an insult ("absolute scumbags", "useless tossers").
_STRONG_INTENSIFIERS = (
    "absolute", "total", "complete", "utter", "right", "proper", "bloody", "fucking", "effing", "brainless", "useless",
    "pathetic", "lazy", "ignorant", "selfish", "stupid", "thick", "typical", "spineless", "gutless", "bunch of",
    "load of", "shower of", "pack of", "gormless", "moronic", "idiotic", "braindead", "brain-dead", "corrupt",
    "lying", "thieving", "smug", "two-faced", "traitorous", "worthless", "vile", "disgusting", "clueless",
)  # fmt: skip
# Those that may stand one ordinary word away from the noun ("typical liberal hypocrite", "bunch of
# council clowns").
_STRONG_BEFORE_ANY = (
    "absolute",
    "total",
    "complete",
    "utter",
    "typical",
    "bunch of",
    "load of",
    "shower of",
    "pack of",
)
# Those strong enough for a noun that is also an animal or an everyday thing ("absolute animals", not
# "filthy animals" of foxes at the bins).
_STRONG_FOR_LITERAL = frozenset(
    {"absolute", "total", "complete", "utter", "fucking", "bunch of", "pack of", "shower of"}
)
# Adverbs between the verb and "a" ("is clearly a moron", "was always a crook", "are nothing but scum").
_FRAME_ADVERBS = (
    "clearly", "obviously", "just", "basically", "simply", "truly", "really", "literally", "definitely", "certainly",
    "always", "still", "also", "only", "actually", "evidently", "nothing but", "nowt but", "no more than",
    "little more than", "no better than", "either", "such", "quite", "totally", "surely", "frankly", "honestly",
    "genuinely", "officially", "now", "nought but", "undoubtedly", "proper",
)  # fmt: skip
# Said to someone: any insult counts after these ("you idiot", "you're useless", "she's a lowlife").
_TO_SOMEONE = (
    "you", "u", "ya", "ur", "you're", "you’re", "youre", "your", "he's", "he’s", "hes", "she's", "she’s", "shes",
    "he is", "she is", "they are", "they're", "they’re", "theyre", "you lot are", "you are", "u r", "he was",
    "she was", "you were", "they were", "you lot", "you guys", "you people", "y'all", "yall", "yer", "u lot",
    "you two", "ye",
)  # fmt: skip
_CHAIN = r"(?:(?:dna|ro|&)\s+(?:[\w'-]+\s+){1,5}?)?"  # "a hack and a half-wit", "ur a bottle job and a gimp"
# The words before an insult, matched leftwards from it on the reversed text (so each insult word
# costs the length of its frame, not a search of the sentence before it). The named group says which
# frame matched: said to someone (any insult), a noun said of anyone ("what a …", "is a …"), "only an
# idiot …", a plural noun ("are idiots", "is scum"), a noun after a determiner ("the idiot who …",
# "these apes"), or a bare noun after a strong intensifier ("absolute scumbags", "typical liberal hypocrite").
_FRAMES = (
    r"(?i)\s+(?:(?:"
    + _backwards(_INTENSIFIERS)
    + r")\s+){0,4}"
    + _CHAIN
    + r"(?:(?:"
    + _backwards(_INTENSIFIERS)
    + r")\s+){0,3}(?P<to>(?:"
    + _backwards(_TO_SOMEONE)
    + r")(?!\w))"
    r"|\s+(?:(?:"
    + _backwards(_INTENSIFIERS)
    + r")\s+){0,4}?"
    + _CHAIN
    + r"(?:(?:"
    + _backwards(_INTENSIFIERS)
    + r")\s+){0,3}?"  # the nearest frame word, not the farthest
    r"(?:(?P<of>(?:n?a\s+)?tahw(?!\w)|n?a\s+(?:(?:" + _backwards(_FRAME_ADVERBS) + r")\s+){0,2}"
    r"(?:(?:si|saw|eb|gnieb|ma)(?!\w)|s['\u2019]))"
    r"|(?P<only>(?:n?a\s+)?ylno(?!\w))"
    r"|(?P<are>(?:(?:" + _backwards(_FRAME_ADVERBS) + r")\s+){0,2}(?:(?:era|erew|r|si|saw)(?!\w)|s['\u2019]))"
    r"|(?P<det>(?:eht|siht|taht|eseht|esoht)(?!\w))"
)
_INSULT_BEFORE = re.compile(
    _FRAMES + r"|(?P<bare>(?:" + _backwards(_STRONG_INTENSIFIERS) + r")(?![\w'-])))"
    r"|\s+(?:(?:"
    + _backwards(_INTENSIFIERS)
    + r")\s+){0,2}?[\w'-]+\s+(?P<bare1>(?:"
    + _backwards(_STRONG_BEFORE_ANY)
    + r")(?![\w'-]))"
)
# The same without the bare frames: for a noun that the nearest strong word alone does not make an
# insult ("a right stuck-up cow": "right" is not enough for "cow", "was a" is).
_INSULT_BEFORE_FRAMED = re.compile(_FRAMES + ")")
# What may follow any insult word: not a compound or an idiom ("thick-skinned", "thick as thieves").
_ANY_AFTER = re.compile(r"(?i)-\w|\s+as\s+thieves\b|\s+and\s+thin\b")
# What may follow a noun insult: not more of a word, nor a noun it describes ("a muppet show").
_INSULT_AFTER = re.compile(
    r"(?i)[-\w]|['\u2019]s\b|\s+(?:show|costume|character|school|car|fish|act|film|movie|guide|proof|and\s+horses|"
    r"shop|farm|parade|world|house|club|theatre|troupe|shoes|make-?up|sanctuary|rescue|welfare|park)\b"
)
# Words after a noun insult that aim it at someone whatever comes before ("idiots like you", "scum,
# every last one of them", "the muppet who runs this page", "only an idiot would …").
_AIMED_AFTER = re.compile(
    r"(?i)\s+like\s+(?:you|u|ya|yourself|yourselves|him|her|them|'?em|yours)\b"
    r"|\s*,?\s*(?:the\s+(?:whole\s+)?lot\s+of\s+(?:them|you|'?em|ya|u)|every\s+(?:last\s+|single\s+)?(?:one|man|woman)\s+of\s+"
    r"(?:them|you|'?em|u)|all\s+of\s+(?:them|you|'?em)|(?:each\s+and\s+)?every\s+(?:last\s+|single\s+)?one)\b"
)
_LIKE_THAT = re.compile(r"(?i)\s+like\s+(?:that|this|these|those)\b")
_RELATIVE = re.compile(r"(?i)\s+(?:who|that|which|that's|who's|whose)\b")
_ONLY_AFTER = re.compile(
    r"(?i)\s+(?:would|could|can|will|think|thinks|believe|believes|vote|votes|buy|buys|support|supports|defend|defends|"
    r"fall|falls|trust|trusts|listen|listens|fails?\s+to|does|do|say|says)\b"
)
_SCORNFUL = frozenset(
    w
    for w in _INTENSIFIERS
    if " " not in w
    and w not in {"a", "an", "so", "such", "just", "all", "very", "really", "too", "big", "little", "real", "old"}
)
# An insult noun making up a sentence or clause on its own, after at most an interjection, a mention
# or a strong intensifier ("Vermin.", "Idiots, every one", "Go away loser", "Savages then, savages now").
_FRAGMENT_HEAD = re.compile(
    r"(?i)\s*(?:@\w+[\s,:]*)*+(?:(?:oi|hey|cheers|thanks|thank\s+you|ok|okay|yeah|sure|well|lol|lmao|haha|bye|"
    r"go\s+away|get\s+lost|jog\s+on|do\s+one|piss\s+off|sod\s+off|bore\s+off|shut\s+up|grow\s+up|sit\s+down|calm\s+down|"
    r"whatever|cry\s+more|go\s+home|get\s+out|move\s+on|night\s+night|bye\s+bye|nah|no|yes|and|more|yet\s+more|"
    r"more\s+of\s+these)\b[\s,!.:]*)*+"
    r"(?:(?:"
    + "|".join(re.escape(w) for w in sorted(set(_STRONG_INTENSIFIERS) | _SCORNFUL, key=len, reverse=True))
    + r")\s+){0,2}"
)
_FRAGMENT_TAIL = re.compile(
    r"(?i)(?:\s+(?:then|now|again|everywhere|lol|lmao|haha|mate|pal|bruv|innit|tbh|smh|ffs|honestly|seriously|"
    r"the\s+lot|all\s+of\s+(?:them|you)|every\s+one))*\s*(?:[.!?,;:)…]|$|[^\w\s'’-])"
)
# A noun insult heading a verbless clause ("Idiots running the council", "Morons in charge again").
_SUBJECT_TAIL = re.compile(
    r"(?i)\s+(?:running|ruining|in\s+charge|everywhere|again|at\s+it|who|that|in\s+the|at\s+the|on\s+the|from\s+the|have|has|"
    r"are|were|can'?t|cannot|couldn'?t|don'?t|didn'?t|never|still|keep|strike)\b"
)
# A noun insult said at the end of a sentence, after a comma: the person spoken to ("…, loser.").
_VOCATIVE = re.compile(
    r"(?i),\s*(?:you\s+|ya\s+|u\s+)?(?:(?:absolute|total|complete|utter|fucking|bloody|little|stupid|sad|"
    r"pathetic|big|fat|lazy|useless)\s+){0,2}$"
)
_VOCATIVE_TAIL = re.compile(r"(?i)(?:\s+(?:lol|lmao|haha|mate|pal|bruv|xx?))*\s*(?:[.!?)…]|$|[^\w\s'’,;:-])")
# Nouns that are also animals or everyday things: said of someone only with a stronger aim (not "rats
# are vermin", "fleas are parasites", "what a cow" at the county show, "the clowns who juggled").
_LITERAL = frozenset({"animals", "cow", "cows", "weasel", "weasels", "vermin", "parasite", "parasites", "clown", "clowns",
                      "ape", "apes", "savage", "savages", "snake", "snakes", "sheep", "hack", "hacks", "thug", "thugs",
                      "clot", "clots"})  # fmt: skip
_PRAISE_OR_PEST = frozenset({"savage", "savages", "animals", "apes", "vermin", "parasites"})
_NOT_THESE = frozenset({"animals", "cow", "cows", "clown", "clowns", "parasite", "parasites"})
_NOT_FRAGMENT = frozenset({"clown", "clowns", "cow", "cows"})
_NONHUMAN = frozenset(
    "pets dogs cats horses cows birds rabbits rats mice foxes pigeons gulls seagulls squirrels badgers deer fleas ticks "
    "worms lice mites insects pests wasps bees moles these those which that it humans we us all mammals animals "
    "creatures species primates chimps chimpanzees gorillas monkeys sheep pigs goats chickens hens ducks geese swans "
    "otters hedgehogs bats owls cattle livestock wildlife also too still both and or not they ponies donkeys weasels "
    "stoats ferrets apes orangutans slugs snails vermin parasites cow pig horse dog cat rat fox animal creature it's "
    "that's there here stroke strokes blood thrombosis embolism dvt vein veins artery arteries lung lungs brain heart "
    "leg legs clotting".split()
)
_PREVIOUS_WORD = re.compile(r"([\w'’]+)\W*$")
_DISMISSAL = re.compile(
    r"(?i)\bshut\s+(?:the\s+(?:fuck|hell)\s+)?up\b(?=\s*,?\s*(?:you|u|ya|already|ffs|nobody|no\s+one|and\s+(?:go|get|listen|sit))\b)"
    r"|\bshut\s+(?:your|ur|yer)\s+(?:fucking\s+|bloody\s+)?(?:mouth|face|gob|trap|cakehole|pie\s*hole|mush)\b"
    r"|\b(?<!and\s)get\s+stuffed\b(?!\s+(?:at|on|with|in|into|full|for|by|here|there)\b)|\bgo\s+to\s+hell\b|\bgo\s+(?:and\s+)?(?:play\s+in\s+(?:the\s+)?traffic|jump\s+off\s+a\s+(?:cliff|bridge))\b"
    # "thick as mince", "dumb as a box of rocks": said of a person
    r"|\b(?:thick|dumb|daft|dense|stupid)\s+as\s+(?:mince|two\s+short\s+planks|pig\s*shit|shite?|muck|a\s+(?:brick|plank|post|"
    r"rock|box\s+of\s+rocks|bag\s+of\s+(?:hammers|spanners|rocks)|sack\s+of\s+spanners|brick\s+wall|bucket|doorknob|"
    r"donkey|dog'?s\s+(?:arse|dinner)|rocking\s+horse)|a\s+box\s+of\s+rocks|they\s+come|fuck)\b"
)
_DISMISSAL_CUES = frozenset({"shut", "stuffed", "hell", "traffic", "jump", "thick", "dumb", "daft", "dense", "stupid"})


def _aimed(text: str, head: int, start: int, end: int, word: str, noun: bool, sentence_start: bool) -> int | None:
    """Where the words aiming the insult text[start:end] at someone begin, or None: the frame before
    it (at most 80 characters back, from ``head`` on, in the same sentence), the words after it
    ("idiots like you", "the lot of them"), or the insult standing as a sentence of its own."""
    literal = word in _LITERAL
    if _ANY_AFTER.match(text, end) is not None:
        return None
    reversed_head = text[head:start][::-1]
    before = _INSULT_BEFORE.match(reversed_head)
    if before is not None and literal and before.lastgroup in ("bare", "bare1"):
        framed = _INSULT_BEFORE_FRAMED.match(reversed_head)
        before = framed if framed is not None and framed.lastgroup != "det" else before
    if before is not None:
        frame = before.lastgroup
        begin = start - before.end()
        ok = True
        if frame == "to":
            tail = before.group()[-4:].lower()
            if tail == "ruoy" and text[begin:start].split()[-1:] == [text[begin:start].split()[0]]:
                ok = False  # "hand in your weapon", "your snowflakes": "your" alone is a possessive
            elif tail == "ruoy" and (literal or not noun and _WORD_NEXT.match(text, end) is not None):
                # "your stupid idea", "your fat intake", "your mug of tea", "bring your tool"
                ok = False
            elif word in _PRAISE_OR_PEST and text[begin:start].lower().startswith(("he", "she", "they")):
                # "they were savages on the pitch", "rats? they're vermin": only with a scornful word
                ok = any(w in _SCORNFUL for w in text[begin:start].lower().split())
        elif not noun or _INSULT_AFTER.match(text, end) is not None:
            ok = False
        elif frame == "are" and not (word.endswith("s") or word in _UNCOUNTABLE):
            ok = False
        elif frame == "only":
            ok = _ONLY_AFTER.match(text, end) is not None
        elif frame == "det":
            lead = before.group()[-5:].lower()
            these = lead in ("eseht", "esoht")
            ok = (these and word.endswith("s") and word not in _NOT_THESE) or (
                not literal and _RELATIVE.match(text, end) is not None
            )
        elif literal:
            middle = text[begin:start].lower().split()
            if frame in ("bare", "bare1"):
                ok = frame == "bare" and any(
                    w in _STRONG_FOR_LITERAL or " ".join(middle[i : i + 2]) in _STRONG_FOR_LITERAL
                    for i, w in enumerate(middle)
                )
            else:  # "what a cow" at the show, "rats are vermin": a scornful word, or a person said so of
                previous = _PREVIOUS_WORD.search(text, max(0, begin - 30), begin)
                person = previous is not None and previous.group(1).lower() not in _NONHUMAN
                ok = any(w in _SCORNFUL for w in middle) or (
                    person and not middle[-1:] == ["what"] and "what" not in middle[:2]
                )
        if ok:
            return begin
    if not noun:
        return None
    after = _AIMED_AFTER.match(text, end)
    if after is not None or (not literal and _LIKE_THAT.match(text, end) is not None):
        return start
    if (
        sentence_start
        and word not in _NOT_FRAGMENT
        and _FRAGMENT_HEAD.fullmatch(text, head, start) is not None
        and (
            _FRAGMENT_TAIL.match(text, end) is not None
            or (
                not literal and word.endswith("s") and _SUBJECT_TAIL.match(text, end) is not None
            )  # "Idiots running the council"
        )
    ):
        return head + len(text[head:start]) - len(text[head:start].lstrip())
    if (
        not literal
        and _VOCATIVE.search(text, max(head, start - 40), start) is not None
        and _VOCATIVE_TAIL.match(text, end)
    ):
        return start  # "Go back to your basement, loser"
    return None


_MAX_INSULT_WORDS = 64


def _insults(text: str, m: OffensiveMatchers, unaimed: list[tuple[int, int]]):
    """(start, end) of each insult aimed at someone: an insult word judged by the words around it
    (at most 80 characters back, in the same sentence), so the cost is per insult word found. The
    nouns among the insult words that are aimed at no one ("I felt like an idiot") are added to
    ``unaimed`` (adjectives are left to the model: "ugly fat cow"). Only the first _MAX_INSULT_WORDS
    are judged: a text holding more is abusive many times over, and judging each costs up to ~30 µs
    ("fat fat fat …" for 2,200 characters took 15 ms)."""
    for count, match in enumerate(m.insult_words.finditer(text)):
        if count == _MAX_INSULT_WORDS:
            break
        start, end = match.span()
        word = match.group().lower()
        floor = max(0, start - 80)
        cut = max(text.rfind(".", floor, start), text.rfind("!", floor, start), text.rfind("?", floor, start),
                  text.rfind("\n", floor, start))  # fmt: skip
        noun = word in m.insult_nouns
        begin = _aimed(text, cut + 1 if cut >= 0 else floor, start, end, word, noun, cut >= 0 or floor == 0)
        if begin is None:
            if noun:
                unaimed.append((start, end))
            continue
        yield begin, end


_UNCOUNTABLE = frozenset({"scum", "filth", "vermin", "trash", "sheep", "sheeple"})
_WORD_NEXT = re.compile(r"[ \t]+[a-z]")


# Just before the opening quotation mark: telling people not to say it, saying who was called it, naming
# it as a word, or reporting it as said to a victim ('stop saying "…"', 'calling jewish people "…"',
# 'the word "…"', 'told the victim "…"'). Quoting a lyric or a friend ('"…" - Mom', 'he said "…"') is not
# enough: the words are still said.
_QUOTE_CUE = re.compile(
    r"(?i)(?:\b(?:stop|quit|stopped|don'?t|do\s+not|never|avoid)\s+(?:\w+\s+){0,2}?(?:saying|calling|using|writing|say|call|use)\b"
    r"(?:\W+[\w'’]+){0,3}?"
    r"|\b(?:calling|called|call|calls)\s+(?:me|him|her|them|us|you|someone|somebody|people|anyone|everyone|\w+(?:\s+\w+)?)\s+(?:an?\s+)?"
    r"|\bthe\s+(?:word|words|term|phrase|slur|n-word|chant|graffiti|message|sign|insult)s?\s+(?:of\s+)?"
    r"|\b(?:told|threatened|shouted\s+at|screamed\s+at|yelled\s+at)\s+(?:the|a|an|his|her|their|our|my)\s+(?:\w+\s+)?(?:victim|officer|"
    r"staff|woman|man|neighbour|neighbor|girl|boy|worker|driver|nurse|resident|family|child|member|partner)s?\b(?:\W+[\w'’]+){0,2}?"
    r"|\b(?:prosecutors|police|the\s+court|court|witnesses|the\s+judge|officers|the\s+jury)\s+(?:\w+\s+)?(?:say|said|heard|"
    r"were\s+told|was\s+told)\b(?:\W+[\w'’]+){0,8}?)\W*$"
)
# Just after the closing quotation mark: called out as hateful ('"…" is dehumanising'), or, for a text
# that opens with the quotation, answered in the first person ('"go back to your country" - I was born here').
_QUOTE_NAMED = re.compile(
    r"(?i)\s*(?:is|are|was|were|isn'?t)\s+(?:\w+\s+){0,2}?(?:dehumani[sz]ing|racist|offensive|hateful|hate\s+speech|not\s+ok(?:ay)?|"
    r"unacceptable|bigoted|homophobic|transphobic|sexist|a\s+slur|nazi|propaganda|harmful|vile|disgusting|never\s+ok|"
    r"a\s+dog\s+whistle|abuse|abusive|ableist|misogynistic|antisemitic|islamophobic|xenophobic)\b"
)
_QUOTE_ANSWERED = re.compile(r"(?i)\s*[-–—:]+\s*(?:i|we|i'?m|i'?ve|we'?re|we'?ve|i'?d|i\s+was|i\s+am)\b")


_QUOTATION = re.compile(r'"([^"\n]{1,200})"|\u201c([^\u201d\n]{1,200})\u201d')


def _reporting_quote(text: str, start: int, end: int) -> bool:
    """Whether the quotation holding text[start:end] is reported or answered, not said."""
    opening = max(text.rfind('"', 0, start), text.rfind("\u201c", 0, start), text.rfind("\u2018", 0, start))
    closing = min(
        (i for i in (text.find('"', end), text.find("\u201d", end), text.find("\u2019", end)) if i >= 0), default=-1
    )
    single = single_quoted(text, start, end)
    if single is not None and (opening < 0 or single[0] > opening):  # the innermost quotation
        opening, closing = single
    if opening < 0 or closing < 0 or text.startswith("@", opening + 1):  # '"@user: …"': a retweet, not a report
        return False
    if _QUOTE_CUE.search(text, max(0, opening - 60), opening) is not None:
        return True
    if _QUOTE_NAMED.match(text, closing + 1) is not None:
        return True
    return not text[:opening].strip() and _QUOTE_ANSWERED.match(text, closing + 1) is not None


def check_offensive(text: str, m: OffensiveMatchers, thresholds: dict[str, float], emit: Emit) -> None:
    condemning = m.condemnation.search(text) is not None
    quoted = '"' in text or "\u201c" in text or "\u2018" in text or "'" in text
    excused = False  # abuse found only inside a reported quotation: the model would score the quotation

    def reported(start: int, end: int, aimed: bool = True) -> bool:
        """Quoting abuse while reporting or condemning it is not itself abuse ('he told the victim
        "I'll kill you"', '"go back to your country" - I was born here'). Swearing (not ``aimed`` at
        anyone) is excused only in a text that condemns abuse: quoted, it is still sworn."""
        nonlocal excused
        if (
            quoted
            and inside_quotes(text, start, end)
            and (condemning or (aimed and _reporting_quote(text, start, end)))
        ):
            excused = True
            return True
        return False

    covers: list[tuple[int, int]] | None = None

    def innocent(start: int, end: int) -> bool:
        """The word lies inside a harmless phrase or name that contains it (fag end, blue tits,
        Offa's Dyke, Lesbos); looked up only once a rude word has been found."""
        nonlocal covers
        if covers is None:
            covers = [c.span() for matcher in m.harmless_spans for c in matcher.finditer(text)]
        return any(a <= start and end <= b for a, b in covers)

    found = False
    slurs = [(s.start(), s.end()) for s in m.slur.finditer(text)]
    cleared = [(s, e) for s, e in slurs if innocent(s, e)] if slurs else []
    if cleared:
        slurs = [span for span in slurs if span not in cleared]
    for start, end in slurs:
        if not reported(start, end):
            emit("slur", start, end)
            found = True
    for match in m.strong.finditer(text):
        if any(s <= match.start() < e for s, e in slurs) or reported(*match.span(), aimed=False):
            continue
        if innocent(*match.span()):
            cleared.append(match.span())
            continue
        emit("profanity", match.start(), match.end())
        found = True
    for start, end, _raw in _obfuscated_hits(text, m):
        if not reported(start, end, aimed=False) and not innocent(start, end):
            emit("profanity", start, end)
            found = True
    _lowered, words = probe(text)
    for match in _threats(text, _lowered, m.starts):
        if not reported(*match.span()):
            emit("threat", match.start(), match.end())
            found = True
    group_present = m.groups.may_match(text)
    shaped: list[tuple[str, int, int]] = []
    for shape, match in _shape_hits(text, _lowered, words, m.shapes, group_present):
        if shaped and shaped[-1][0] == shape.rule and match.start() < shaped[-1][2]:
            continue  # overlaps the last finding of the same rule
        if reported(*match.span()):
            continue
        if shape.rule == "hate" and condemning and m.condemnation.search(text, *sentence_bounds(text, match.start())):
            continue
        shaped.append((shape.rule, match.start(), match.end()))
    for rule, start, end in shaped:
        if rule != "harassment":
            emit(rule, start, end)
            found = True
    hate_patterns = (
        ((m.hate,) if group_present and m.dehumanising.may_match(text) else ())
        + ((m.group_attack,) if group_present and m.group_attack_words.may_match(text) else ())
        + ((_GO_BACK,) if "back" in words or "belong" in words else ())
    )
    hate_done: list[tuple[int, int]] = []
    for pattern in hate_patterns:
        for match in pattern.finditer(text):
            s, e = sentence_bounds(text, match.start())
            if any(a < match.end() and match.start() < b for a, b in hate_done):
                continue
            if (
                not (condemning and m.condemnation.search(text, s, e))
                and not reported(*match.span())
                and not (
                    quoted and reported(match.end() - 1, match.end())  # 'Calling refugees "animals" is dehumanising'
                )
            ):
                emit("hate", match.start(), match.end())
                hate_done.append(match.span())
                found = True
    unaimed: list[tuple[int, int]] = []
    insults: list[tuple[int, int]] = []
    for start, end in _insults(text, m, unaimed) if m.insult_words.may_match(text) else ():
        if insults and start < insults[-1][1]:  # "you are useless idiots": one finding, not two
            start, end = min(start, insults[-1][0]), max(end, insults[-1][1])
            insults.pop()
        insults.append((start, end))
    if not _DISMISSAL_CUES.isdisjoint(words):
        insults += [match.span() for match in _DISMISSAL.finditer(text)]
    insults += [(start, end) for rule, start, end in shaped if rule == "harassment"]
    for start, end in insults:
        if not reported(start, end):
            emit("harassment", start, end)
            found = True
    mild = list(m.mild.finditer(text))
    ambiguous = []
    for match in m.ambiguous.finditer(text):
        if innocent(*match.span()):
            cleared.append(match.span())
        else:
            ambiguous.append(match)
    for match in mild:
        if not reported(*match.span(), aimed=False) and not innocent(*match.span()):
            emit("mild-profanity", match.start(), match.end())
    # A lower-case "hoe", "dick" or "pussy" with nothing around it pointing to gardens, pets or names
    # means the rude sense.
    harmless = m.harmless.search(text) is not None if ambiguous else True
    for match in ambiguous:
        word = match.group()
        if not harmless and word.islower() and word in _SELF_EVIDENT and not reported(*match.span(), aimed=False):
            emit("profanity", match.start(), match.end())
            found = True
    if found:
        return
    # The model leans heavily on single words, and an ambiguous word (hoe, cock, Dick) alone pushes
    # it over any threshold; so score the text without them and let the rest of the text decide. The
    # same goes for harmless phrases (Dyke Road) and for insult words the rules found aimed at no one
    # ("I felt like an idiot", "the idiot's guide").
    if not ambiguous and (condemning or mild or excused):
        return  # the score could not lead to a finding, or would score a reported quotation
    scored = text
    if quoted:  # a reported quotation is not the writer's words ('he called me a "…" and I reported him')
        unaimed += [
            q.span(q.lastindex or 0)
            for q in _QUOTATION.finditer(text)
            if _reporting_quote(text, *q.span(q.lastindex or 0))
        ]
    for start, end in [a.span() for a in ambiguous] + cleared + unaimed:
        scored = scored[:start] + " " * (end - start) + scored[end:]
    score = offensive_model.score(scored)
    if ambiguous and score >= thresholds["ambiguous_word_threshold"]:
        for match in ambiguous:
            emit("profanity", match.start(), match.end())
    elif score >= thresholds["offensive_model_threshold"] and not condemning and not mild:
        emit("offensive-model", None, None, detail=f"{score:.2f}")
