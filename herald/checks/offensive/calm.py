"""Round eight (issue 12): threats said calmly about someone's routine, home, car, children or pets, and
sexual harassment of staff and councillors said politely. The classifiers learn these slowly (a calm
threat has no violent word; a polite advance reads like thanks), so the systematic shapes are rules.
Each is a ``Shape`` behind its anchor and ``needs`` words, like ``veiled.py``'s.
"""

from __future__ import annotations

import dataclasses

from .shapes import Shape, _shape

# Someone close to the person addressed or spoken of: the usual objects of a calm threat.
_THEIR = r"(?:your|ur|his|her|their)"
_CLOSE = (
    r"(?:kids|children|child|family|wife|husband|partner|daughter|son|grandson|granddaughter|grandkids|grandchildren|"
    r"little\s+ones?|boy|girl|lad|mum|mother|dad|father|dog|cat|pets?)"
)
# A person's day, as someone watching them would know it.
_ROUTINE = (
    r"(?:leave|leaves|finish|finishes|knock\s+off|knocks\s+off|walk|walks|drive|drives|park|parks|get\s+home|gets\s+home|"
    r"go\s+home|goes\s+home|come\s+home|comes\s+home|pick\s+up|picks\s+up|drop\s+off|drops\s+off|jog|jogs|run|runs|"
    r"shift\s+(?:ends|finishes|starts)|lock\s+up|locks\s+up)"
)
# Who the routine is of: "you", "she", "your wife", "his lad" (not "the bus": "what time the bus leaves").
_WHO = r"(?:you|u|he|she|they|(?:your|ur|his|her|their)(?:\s+(?:\w+\s+)?\w+)?)"
_PERSON = (
    r"(?:you|u|him|her|them|(?:that|the|this|your|ur)\s+(?:\w+\s+)?(?:councillor|cllr|warden|officer|inspector|planner|"
    r"bailiff|manager|leader|mayor|clerk|receptionist|social\s+worker|chief\s+exec(?:utive)?|director|woman|man|lady|bloke))"
)

CALM_SHAPES: tuple[Shape, ...] = (
    # "we know what time you finish", "I know which way she walks home", "I know when your shift ends"
    # (not "I know what time you close, so I'll call before then": an errand follows)
    _shape(
        "threat",
        "time when way route",
        "know knows",
        r"\b(?:i|we|they|people|we\s+all|everyone)\s+(?:all\s+)?(?:already\s+)?know\s+(?:exactly\s+)?"
        r"(?:what\s+time|when|which\s+(?:way|road|route|bus)|the\s+route)\s+" + _WHO + r"\s+"
        r"(?:usually\s+|normally\s+|always\s+)?" + _ROUTINE + r"\b"
        r"(?![^.!?\n]{0,50}?\b(?:so\s+(?:i|we)|i'?ll\s+(?:ring|call|email|phone|come\s+in|pop\s+in|drop)|could\s+you|can\s+you|"
        r"please|thanks|thank\s+you|open|opens|close|closes|closing)\b)",
    ),
    # "would hate for anything to happen to your kids", "be a pity if your dog got out one night"
    _shape(
        "threat",
        "hate shame pity",
        "happen happened happens out missing hurt",
        r"\b(?:would|'d|’d)\s+(?:really\s+)?hate\s+(?:for\s+)?(?:anything|something)\s+(?:bad\s+|nasty\s+)?to\s+happen\s+to\s+"
        + _THEIR
        + r"\s+(?:\w+\s+)?"
        + _CLOSE
        + r"\b"
        r"|\b(?:would\s+hate|'d\s+hate|’d\s+hate)\s+for\s+(?:anything|something)\s+to\s+happen\s+to\s+(?:them|him|her)\b"
        r"(?=[^.!?\n]{0,3}(?:[.!?…]|$))"
        r"|\b(?:shame|pity)\s+if\s+" + _THEIR + r"\s+(?:\w+\s+)?" + _CLOSE + r"\s+"
        r"(?:got\s+out|went\s+missing|got\s+lost|got\s+hurt|was\s+hurt|were\s+hurt|had\s+an\s+accident|"
        r"didn'?t\s+come\s+home|never\s+came\s+home|got\s+run\s+over|ran\s+into\s+the\s+road)\b",
    ),
    # "if you value your teeth you'll approve it", "if he values his kneecaps…"
    _shape(
        "threat",
        "value values",
        "if",
        r"\bif\s+(?:you|u|he|she|they)\s+values?\s+" + _THEIR + r"\s+(?:\w+\s+)?"
        r"(?:teeth|kneecaps|knees|legs|face|fingers|windows|tyres|tires|car|van|kids|children|family|wife|husband|"
        r"life|lives|neck|skin|dog|house|home)\b",
    ),
    # "someone should follow that warden home", "I've been keeping a note of your movements", "I've been sat
    # outside your house for an hour" (not "a man followed her home last night": a report)
    _shape(
        "threat",
        "follow following movements outside",
        "home movements routine comings house flat sat parked waiting watching",
        r"\b(?:should|will|'ll|’ll|gonna|going\s+to|might|could|ought\s+to|needs?\s+to)\s+(?:\w+\s+)?follow\s+"
        + _PERSON
        + r"\s+home\b"
        r"|\b(?:keeping|kept|keep|been\s+keeping)\s+(?:a\s+)?(?:note|track|tabs|an\s+eye|a\s+log|a\s+record)\s+(?:of|on)\s+"
        + _THEIR
        + r"\s+(?:movements|comings\s+and\s+goings|routine|whereabouts)\b"
        r"|\b(?:i'?ve|i’ve|i\s+have|we'?ve|we’ve|we\s+have|been)\s+(?:been\s+)?(?:sat|sitting|parked|waiting|watching)\s+"
        r"outside\s+" + _THEIR + r"\s+(?:house|home|flat|door|front\s+door|place)\b",
    ),
    # "tell the manager to watch himself", "warn her to watch her back"
    _shape(
        "threat",
        "watch",
        "tell warn",
        r"\b(?:tell|warn|remind)\s+(?:him|her|them|(?:the|your|ur|that)\s+(?:[\w'’]+\s+){0,3}?[\w'’]+)\s+to\s+watch\s+"
        r"(?:himself|herself|themselves|his\s+back|her\s+back|their\s+backs?|it|his\s+step|her\s+step)\b"
        r"(?!\s+(?:on|when|with|crossing|on\s+the)\b)",
    ),
    # "posting her home address so people can pop round and have a word"
    _shape(
        "threat",
        "address addresses",
        "round visit word door knock",
        r"\b(?:post(?:ing|ed)?|shar(?:e|ing|ed)|here'?s|here\s+is|put(?:ting)?\s+up|found|got)\s+(?:the\s+)?"
        r"(?:[\w'’]+\s+){0,3}?home\s+address(?:es)?\b[^.!?\n]{0,60}?\b(?:go\s+round|pop\s+round|come\s+round|"
        r"pay\s+(?:him|her|them)\s+a\s+visit|have\s+a\s+(?:little\s+)?word|knock\s+on|visit|doorstep)\b",
    ),
)

CALM_SHAPES += (
    # "with a body like that", "a figure like yours" said to or of a person
    _shape(
        "harassment",
        "body figure bum arse chest legs",
        "like",
        r"\b(?:with|got|has|have|'ve\s+got|’ve\s+got)\s+(?:a|such\s+a)\s+(?:\w+\s+)?(?:body|figure|bum|arse|chest|legs|pair\s+of\s+legs)\s+"
        r"like\s+(?:that|yours|hers|his)\b",
    ),
    # "she can frisk me any day", "the inspector can inspect me whenever she likes" (not "call me any time")
    _shape(
        "harassment",
        "time day anytime whenever night",
        "me",
        r"\b(?:can|could|may|is\s+welcome\s+to|are\s+welcome\s+to)\s+(?:come\s+and\s+)?"
        r"(?:frisk|handcuff|cuff|inspect|examine|ticket|spank|ride|search|undress|chair|clamp|take\s+minutes\s+on|"
        r"take\s+down\s+my\s+particulars|do)\s+me\s+"
        r"(?:any\s*time|any\s+day|any\s+night|whenever|all\s+night|every\s+day)\b",
    ),
    # "is the lady who runs storytime single?", "is she single" (not "single-handedly", "single person discount")
    _shape(
        "harassment",
        "single",
        "is",
        r"\bis\s+(?:she|he|the\s+(?:\w+\s+){0,7}?(?:lady|girl|woman|lass|receptionist|officer|warden|councillor|one|"
        r"blonde|brunette|redhead|inspector|nurse|teacher|instructor|librarian|cashier|presenter|apprentice|trainee)"
        r"(?:\s+(?:at|in|on|from|who|that|with)(?:\s+[\w'’]+){1,7}?)?)\s+single\b"
        r"(?=\s*(?:[?!.,…]|$|(?:or|and|now|yet|then|lol|x)\b|\U0001F609|\U0001F60F))",
    ),
    # "you're gorgeous, fancy a drink?", "you look stunning in your profile photo, dinner sometime?"
    _shape(
        "harassment",
        "gorgeous stunning beautiful fit hot sexy pretty cute fanciable",
        "drink dinner date mine place number single inbox dm message finish meet x",
        r"\b(?:you|u)(?:'re|’re|\s+are|\s+r|\s+look|\s+looked|\s+were|\s+sound(?:ed)?)\s+(?:so\s+|really\s+|very\s+|absolutely\s+"
        r"|far\s+too\s+|too\s+)?(?:gorgeous|stunning|beautiful|fit|hot|sexy|pretty|cute|fanciable)\b[^\n]{0,80}?"
        r"\b(?:fancy\s+a|fancy\s+(?:going|meeting)|(?:take|taking)\s+you\s+(?:out|for|to)|(?:come|pop)\s+(?:round|over|back)\s+"
        r"(?:to\s+)?(?:mine|my\s+place)|your\s+number|my\s+number|message\s+me|dm\s+me|inbox\s+me|what\s+time\s+do\s+you\s+finish|"
        r"are\s+you\s+single|drinks?\s+(?:some\s*time|after|later|tonight)|dinner\s+(?:some\s*time|with\s+me|tonight)|"
        r"a\s+date)\b",
    ),
)

# The council's own posts say these things as safety advice ("we'd hate for anything to happen to your
# dog: never leave pets in a parked car", "if you value your home, test your smoke alarm"): the shapes
# are read in incoming comments only.
CALM_SHAPES = tuple(dataclasses.replace(shape, comment_only=True) for shape in CALM_SHAPES)
