"""Reading a comment for things the council must handle under its own procedures (pure Python).

Each rule is a set of phrases written the way residents write: a possible freedom of information
request ("please can you tell me how much was spent on…", "under the Freedom of Information Act"), a
subject access request ("all the information you hold about me"), a complaint ("I want to make a
formal complaint"), a safeguarding concern ("my neighbour's kids have been left alone for days") and a
threat to a person ("I know where he lives", "someone should torch her car"). They over-flag on
purpose: a person decides; a missed request has a legal clock running.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Detected:
    kind: str  # foi, sar, complaint, safeguarding, threat
    reason: str  # the words that matched, as written


def _rx(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "foi",
        _rx(
            r"\bfreedom of information\b",
            r"\bFOI(?:A)?\b(?: request)?",
            r"\bunder the (?:FOI|freedom of information|environmental information regulations)\b",
            r"\bEIR request\b",
            r"\bi (?:would like|want|wish) to (?:request|know|see|ask for) (?:a copy of |copies of |details of )?"
            r"(?:the |all |any )?(?:figures|data|records|documents|information|reports?|minutes|contracts?|"
            r"correspondence|emails|costs?|spend(?:ing)?|how much)",
            r"\b(?:please |can you |could you )?(?:provide|release|publish|disclose|send me) (?:me )?(?:the |all |any |a )?"
            r"(?:figures|data|records|documents|information|breakdown|minutes|contracts?|correspondence|costs?)\b",
            r"\bhow much (?:money )?(?:has|did|was|is) (?:the council|hbbc|the borough council|spent|paid|being spent)",
            r"\bhow many [a-z ]{3,40} (?:has|have|did) the council\b",
            r"\b(?:request|ask) (?:for )?(?:a )?(?:breakdown|copies|copy) of\b",
        ),
    ),
    (
        "sar",
        _rx(
            r"\bsubject access\b",
            r"\bSAR\b",
            r"\b(?:all |any )?(?:the )?(?:information|data|records|files?|emails|notes) (?:that )?(?:you|the council) "
            r"(?:hold|holds|have|keep|store)s? (?:on|about) me\b",
            r"\bmy personal (?:data|information)\b.{0,60}\b(?:copy|copies|see|request|access|hold)\b",
            r"\b(?:copy|copies) of (?:my|all my) (?:data|records|file|personal)",
            r"\bright of access\b",
            r"\b(?:data|information|records|files?) (?:do|does) (?:you|the council) (?:hold|have|keep) (?:on|about) me\b",
            r"\barticle 15\b",
        ),
    ),
    (
        "complaint",
        _rx(
            r"\b(?:make|making|raise|raising|lodge|lodging|file|filing|submit) an? (?:formal |official )?complaint\b",
            r"\b(?:formal|official) complaint\b",
            r"\bI(?:'m| am) complaining\b",
            r"\bI wish to complain\b",
            r"\bI want to complain\b",
            r"\bombudsman\b",
            r"\bthis is (?:a |my )?complaint\b",
            r"\bstage (?:1|2|one|two) complaint\b",
            r"\bcomplaints? (?:procedure|process|department|team)\b",
        ),
    ),
    (
        "safeguarding",
        _rx(
            r"\b(?:child|children|kids?|baby|toddler|little ones?)\b.{0,60}\b(?:left alone|home alone|unsupervised|"
            r"neglected|being hit|being hurt|abused|not safe|at risk|no food|starving|crying for hours|locked in)\b",
            r"\b(?:left alone|home alone|neglected|abused|hitting|beating)\b.{0,60}\b(?:child|children|kids?|baby)\b",
            r"\b(?:want|going) to (?:kill|end|hurt) myself\b",
            r"\bend it all\b",
            r"\bno reason to (?:live|go on)\b",
            r"\b(?:suicidal|self[- ]harm(?:ing)?)\b",
            r"\b(?:elderly|vulnerable|old) (?:man|woman|lady|gentleman|neighbou?r|person|adult)\b.{0,60}"
            r"\b(?:hasn't been seen|not been seen|no heating|no food|being exploited|taken advantage|scammed|"
            r"living in squalor|fallen|alone for days)\b",
            r"\b(?:grooming|groomed|county lines|exploit(?:ing|ed) (?:children|kids|young people))\b",
            r"\bdomestic (?:abuse|violence)\b",
        ),
    ),
    (
        "threat",
        _rx(
            r"\bI(?:'ll| will| am going to|'m going to|m gonna| gonna)\s+(?:kill|stab|shoot|hurt|batter|smash|burn|"
            r"get|find|deal with|sort out|do)\s+(?:you|him|her|them|the lot of you|your)\b",
            r"\b(?:someone|somebody) (?:should|ought to|needs to|will) (?:kill|stab|shoot|hurt|torch|burn|"
            r"batter|string up|hang|petrol bomb)\b",
            r"\bI know where (?:you|he|she|they|[\w.' ]{2,40}?) lives?\b",
            r"\b(?:watch|better watch) (?:your|his|her) back\b",
            r"\b(?:deserves?|ought) to (?:die|be shot|be hanged|be stabbed|be hurt)\b",
            r"\b(?:burn|torch|petrol bomb|firebomb) (?:his|her|their|your|the councillor'?s?) (?:house|car|home|office)\b",
            r"\bdeath threat\b",
            r"\bcoming for (?:you|him|her|them)\b",
            r"\bwon't be (?:safe|walking|around) (?:for )?(?:much )?long\b",
        ),
    ),
)


def detect(text: str) -> list[Detected]:
    """The flags `text` raises, at most one of each kind, in a stable order."""
    found = []
    for kind, pattern in RULES:
        match = pattern.search(text)
        if match:
            found.append(Detected(kind, match.group(0)[:300]))
    return found
