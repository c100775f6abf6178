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
    starts_word,
)

Emit = Callable[..., None]

_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i", "|": "l"})
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
    r"|(?:the|that|this|every|any)\s+(?:\w+\s+)?(?:councillor|cllr|warden|officer|man|woman|bloke|guy|lad|person|mp|idiot|twat|prick|bastard)s?\b"
    r"|(?:the|that|this|their|your)\s+(?:\w+\s+)?(?:hotel|mosque|synagogue|church|temple|gurdwara|house|home|offices?|school)\b)"
)
_PERSON = r"(?:you|u|ya|him|her|them|'?em)"
_THREAT = re.compile(
    r"(?i)" + _SUBJECT + r"\b(?:(?:kill|murder|stab|shoot|hurt|batter|strangle|burn|rape|bomb|slit|punch|slap|smack|choke|knife|"
    r"hunt|beat\s+up|knock\s+out)\w*\b" + _VICTIM
    + r"|(?:smash|kick|punch)\s+(?:your|ur|his|her|their)\s+(?:fucking\s+)?(?:head|face|teeth|skull)\s+in\b)"
    r"|\b(?:knock|batter|beat)\s+" + _PERSON + r"\s+(?:out|senseless|to\s+death|black\s+and\s+blue|spark\s+out|into\s+next\s+week)\b"
    r"|\bbeat\s+" + _PERSON + r"\s+up\b"
    r"|\b(?:kill|hang|shoot|neck)\s+(?:your|ur)\s*sel(?:f|ves)\b|\bkys\b"
    r"|\byou(?:'re|\s+are|\s+r)?\s+(?:dead|going\s+to\s+die|gonna\s+die|dead\s+meat|a\s+dead\s+man)(?=\s*(?:[.!?,;:)\n]|$|(?:when|if|mate|pal|meat|man|bruv)\b))"
    r"|\bi\s+know\s+where\s+(?:you|u)\s+live\b|\bwatch\s+(?:your|ur)\s+back\b"
    r"|\b(?:deserves?|should|ought|needs?|must)\s+(?:all\s+)?(?:to\s+)?(?:die(?![-\w]|\s+(?:back|down|off|out)\b)|be\s+(?:shot|killed|hanged|"
    r"hung(?!\s+(?:on|at|in|up|out|from|above|along|over|around|by|inside|outside|near)\b)|stabbed|raped|lynched|burn[te]d?|executed|"
    r"murdered))\b"
    r"|\b(?:deserves?|needs?)\s+a\s+bullet\b|\bput\s+a\s+bullet\s+in\b"
    r"|\bi(?:'ll|\s+will)\s+find\s+(?:you|u)\b(?!\s+(?:a|an|the|some|one|somewhere|something|your)\b)"
    r"|\bhope\s+(?:you|u|he|she|they)(?:\s+all)?\s+(?:die|dies|rot|rots|suffer|suffers|burn|burns|"
    r"(?:get|gets)\s+(?:hit\s+by|cancer|raped|killed|shot|stabbed|murdered|beaten\s+up|lynched))\b"
    r"|\bhope\s+(?:some(?:one|body))\s+(?:kills|shoots|stabs|rapes|murders|hurts|beats)\s+" + _PERSON + r"\b"
    r"|\b(?:you(?:'ll|\s+will)|you'?re\s+going\s+to|you\s+are\s+going\s+to)\s+(?:pay\s+for\s+(?:this|that)|regret\s+(?:this|that|it))\b"
    r"|\b(?:we'?re|we\s+are|i'?m|i\s+am)\s+coming\s+for\s+(?:you|u)\b|\bgo\s+(?:and\s+)?die\b(?!-)"
    r"|\bdrop\s+dead\b(?![-\w]|\s+(?:gorgeous|beautiful|stunning|funny|lovely|brilliant|easy|simple)\b)"
    r"|\b(?:i'?ll|i\s+will|we'?ll|we\s+will|gonna|going\s+to)\s+break\s+(?:your|ur|his|her|their)\s+(?:neck|legs?|arms?|jaw|face|nose)\b"
    r"|\bget\s+what'?s\s+coming\s+to\s+(?:you|u|him|her|them)\b"
    r"|\byour\s+days\s+are\s+numbered\b"
)
# Telling people to leave the country, or to be sent back, for their race or national origin.
_GO_BACK = re.compile(
    r"(?i)\b(?:go|get|fuck\s+off|piss\s+off|sod\s+off)\s+back\s+(?:home\s+)?to\s+(?:your|their|where)\s+(?:own\s+)?(?:country|countries|(?:you|they)\s+came\s+from)\b"
    r"|\b(?:go|get|fuck\s+off|piss\s+off|send\s+(?:them|him|her|you|'?em)(?:\s+all)?)\s+back\s+(?:home\s+)?to\s+(?:africa|asia|mexico|india|pakistan|"
    r"bangladesh|poland|romania|china|somalia|syria|iraq|afghanistan|the\s+middle\s+east|the\s+desert|the\s+jungle|the\s+caves?|your\s+cave|"
    r"your\s+(?:own\s+)?(?:kind|people))\b"
    r"|\bsend\s+(?:them|'?em)\s+(?:all\s+)?back\b|\b(?:you|they)\s+(?:people\s+)?(?:don'?t|do\s+not)\s+belong\s+(?:here|in\s+this\s+country)\b"
)


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
    nouns = set(listed & {d.lower() for d in dehumanising if " " not in d})
    for word in listed:
        plurals = (word + "s", word + "es", word[:-1] + "ies" if word.endswith("y") else "")
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
    any_word: re.Pattern[str]  # fullmatch against a normalised obfuscated word
    starts: WordStarts  # one scan for the word lists' stems and the threat stems
    # raw obfuscated word -> whether it is a disguised strong word or slur. A plain dict: an lru_cache
    # keyed on (word, any_word) hashed the compiled pattern's code on every call (~4 µs).
    obfuscated_known: dict[str, bool] = field(default_factory=dict)


def compile_offensive(rules: Rules) -> OffensiveMatchers:
    w = rules.words
    groups = phrase_pattern(w["protected_groups"])
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
            groups + r"\s+(?:are|r|is|were|=)\s+(?:(?:all|just|only|nothing\s+but|such|so|too|a\s+bunch\s+of|bloody|fucking|"
            r"literally|basically|mostly|clearly|obviously)\s+)*" + attacks
            + r"|(?<![\w@#])(?:filthy|dirty|stinking|stinkin|disgusting|evil|lazy|bloody|fucking|fuckin|effing|damn|stupid)\s+" + groups
            # "I hate Muslims", "kill all the gays", "death to …": hatred or violence aimed at the whole group
            + r"|\b(?:i|we)\s+(?:(?:really|fucking|just|all|truly|honestly)\s+)?(?:hate|despise|detest|loathe|can'?t\s+stand|cannot\s+stand)\s+"
            r"(?:(?:all|the|these|those|fucking|bloody|filthy|dirty)\s+)*" + groups + r"(?!['\u2019])"
            r"|\b(?:kill|gas|hang|shoot|exterminate|nuke|lynch|burn|wipe\s+out|eradicate|death\s+to)\s+"
            r"(?:(?:all|the|these|those|of|fucking|bloody|filthy|dirty)\s+)*" + groups,
            re.I,
        ),
        group_attack_words=compile_phrases(list(w["group_attacks"]) + list(_GROUP_ATTACK_CUES)),
        harmless=compile_phrases(w["harmless_contexts"]),
        hate=re.compile(groups + r"[^.!?\n]{0,40}?" + dehuman + "|" + dehuman + r"[^.!?\n]{0,10}?" + groups, re.I),
        groups=compile_phrases(w["protected_groups"]),
        dehumanising=compile_phrases(w["dehumanising"]),
        condemnation=compile_phrases(w["condemnation"]),
        insult_words=compile_phrases(w["insults"]),
        insult_nouns=_insult_nouns(w["insults"], w["dehumanising"]),
        harmless_spans=tuple(
            compile_phrases(entries, flags=flags)
            for entries, flags in (([h for h in w["harmless_contexts"] if h.islower()], re.I),
                                   ([h for h in w["harmless_contexts"] if not h.islower()], 0))
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
# Whether _SPACED can match: a letter (or @$*) after no word character or dot, a separator, another,
# another separator (SPACED_HINT_REFERENCE). Led by the first separator, with the rest behind it as
# look-behinds, the scan only stops at separators: ~27 -> ~16 µs per 2,000 characters.
SPACED_HINT_REFERENCE = r"(?<![\w.])[A-Za-z@$*][ ._-][A-Za-z@$*][ ._-]"
_SPACED_HINT = re.compile(r"[ ._-](?<=[A-Za-z@$*][ ._-])(?<![\w.][A-Za-z@$*][ ._-])[A-Za-z@$*][ ._-]")
_THREAT_STEMS = (
    "kill", "murder", "stab", "shoot", "shot", "hurt", "batter", "strangl", "burn", "rape", "bomb", "beat", "knock",
    "slit", "smash", "kick", "hang", "hung", "kys", "dead", "die", "live", "back", "lynch", "find", "cancer",
    "punch", "slap", "smack", "chok", "knife", "hunt", "break", "neck", "execut", "rot", "suffer", "pay", "regret",
    "coming", "bullet", "hit", "numbered",
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
    if "*" in word:
        pattern = re.escape(word).replace(r"\*", r"\w")
        return any(re.fullmatch(pattern, w.rstrip("*")) for w in ("fuck", "shit", "cunt", "fucking", "bitch", "twat", "wanker"))
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
    """An alternation matching any of the phrases written backwards (for matching leftwards)."""
    return "|".join(
        r"\s+".join(re.escape(word[::-1]) for word in reversed(phrase.split()))
        for phrase in sorted(set(phrases), key=len, reverse=True)
    )


# Words that strengthen an insult ("you absolute muppet", "are a bunch of clowns", "such a moron").
_INTENSIFIERS = (
    "absolute", "total", "complete", "utter", "right", "proper", "real", "bloody", "fucking", "effing", "frigging",
    "stupid", "little", "big", "fat", "ugly", "lazy", "useless", "pathetic", "brainless", "selfish", "ignorant",
    "clueless", "incompetent", "spineless", "gutless", "arrogant", "thick", "dumb", "silly", "daft", "massive",
    "typical", "such", "so", "just", "all", "very", "really", "too", "a", "an", "bunch of", "load of", "shower of",
    "pack of", "set of",
)  # fmt: skip
# The same, strong enough to make a bare noun an insult ("absolute scumbags", "useless tossers").
_STRONG_INTENSIFIERS = (
    "absolute", "total", "complete", "utter", "right", "proper", "bloody", "fucking", "effing", "brainless", "useless",
    "pathetic", "lazy", "ignorant", "selfish", "stupid", "thick", "typical", "spineless", "gutless", "bunch of",
    "load of", "shower of", "pack of",
)  # fmt: skip
# Said to someone: any insult counts after these ("you idiot", "you're useless", "she's a lowlife").
_TO_SOMEONE = (
    "you", "u", "ya", "ur", "you're", "you’re", "youre", "your", "he's", "he’s", "hes", "she's", "she’s", "shes",
    "he is", "she is", "they are", "they're", "they’re", "theyre", "you lot are", "you are", "u r",
)  # fmt: skip
# The words before an insult, matched leftwards from it on the reversed text (so each insult word
# costs the length of its frame, not a search of the sentence before it). The named group says which
# frame matched: said to someone (any insult), a noun said of anyone ("what a …", "is a …"), a plural
# noun ("are idiots", "is scum"), or a bare noun after a strong intensifier ("absolute scumbags").
_INSULT_BEFORE = re.compile(
    r"(?i)\s+(?:(?:" + _backwards(_INTENSIFIERS) + r")\s+){0,4}(?P<to>(?:" + _backwards(_TO_SOMEONE) + r")(?!\w))"
    r"|\s+(?:(?:" + _backwards(_INTENSIFIERS) + r")\s+){0,4}?"  # the nearest frame word, not the farthest
    r"(?:(?P<of>(?:n?a\s+)?tahw(?!\w)|n?a\s+(?:hcus\s+)?(?:(?:si|saw|eb|gnieb|ma)(?!\w)|s['\u2019]))"
    r"|(?P<are>(?:era|erew|r|si|saw)(?!\w)|s['\u2019])"
    r"|(?P<bare>(?:" + _backwards(_STRONG_INTENSIFIERS) + r")(?![\w'-])))"
)
# What may follow a noun insult: not more of a word, nor a noun it describes ("a muppet show").
_INSULT_AFTER = re.compile(r"(?i)[-\w]|['\u2019]s\b|\s+(?:show|costume|character|school|car|fish|act|film|movie|guide|proof)\b")
_DISMISSAL = re.compile(
    r"(?i)\bshut\s+(?:the\s+(?:fuck|hell)\s+)?up\b(?=\s*,?\s*(?:you|u|ya|already|ffs|nobody|no\s+one|and\s+(?:go|get|listen|sit))\b)"
    r"|\bshut\s+(?:your|ur|yer)\s+(?:fucking\s+|bloody\s+)?(?:mouth|face|gob|trap|cakehole|pie\s*hole|mush)\b"
    r"|\bget\s+stuffed\b|\bgo\s+to\s+hell\b|\bgo\s+(?:and\s+)?(?:play\s+in\s+(?:the\s+)?traffic|jump\s+off\s+a\s+(?:cliff|bridge))\b"
)
_DISMISSAL_CUES = frozenset({"shut", "stuffed", "hell", "traffic", "jump"})


def _insults(text: str, m: OffensiveMatchers, unaimed: list[tuple[int, int]]):
    """(start, end) of each insult aimed at someone: an insult word judged by the words before it
    (at most 80 characters back, in the same sentence), so the cost is per insult word found. The
    nouns among the insult words that are aimed at no one ("I felt like an idiot") are added to
    ``unaimed`` (adjectives are left to the model: "ugly fat cow")."""
    for match in m.insult_words.finditer(text):
        start, end = match.span()
        noun = match.group().lower() in m.insult_nouns
        if noun:
            unaimed.append((start, end))
        floor = max(0, start - 80)
        cut = max(text.rfind(".", floor, start), text.rfind("!", floor, start), text.rfind("?", floor, start),
                  text.rfind("\n", floor, start))  # fmt: skip
        before = _INSULT_BEFORE.match(text[cut + 1 if cut >= 0 else floor : start][::-1])
        if before is None:
            continue
        if before.lastgroup == "to":
            # "your stupid idea", "your fat intake": an adjective describing the thing that follows
            if not noun and before.group()[-4:].lower() == "ruoy" and _WORD_NEXT.match(text, end) is not None:
                continue
        else:
            word = match.group().lower()
            if word not in m.insult_nouns or _INSULT_AFTER.match(text, end) is not None:
                continue
            if before.lastgroup == "are" and not (word.endswith("s") or word in _UNCOUNTABLE):
                continue
        if noun:
            unaimed.pop()
        yield start - before.end(), end


_UNCOUNTABLE = frozenset({"scum", "filth", "vermin", "trash"})
_WORD_NEXT = re.compile(r"[ \t]+[a-z]")


def check_offensive(text: str, m: OffensiveMatchers, thresholds: dict[str, float], emit: Emit) -> None:
    condemning = m.condemnation.search(text) is not None

    def reported(start: int, end: int) -> bool:
        """Quoting abuse while reporting or condemning it is not itself abuse."""
        return condemning and inside_quotes(text, start, end)

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
        if any(s <= match.start() < e for s, e in slurs) or reported(*match.span()):
            continue
        if innocent(*match.span()):
            cleared.append(match.span())
            continue
        emit("profanity", match.start(), match.end())
        found = True
    for start, end, _raw in _obfuscated_hits(text, m):
        if not reported(start, end) and not innocent(start, end):
            emit("profanity", start, end)
            found = True
    _lowered, words = probe(text)
    for match in _threats(text, _lowered, m.starts):
        if not reported(*match.span()):
            emit("threat", match.start(), match.end())
            found = True
    group_present = m.groups.may_match(text)
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
            if not (condemning and m.condemnation.search(text, s, e)) and not reported(*match.span()):
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
        if not reported(*match.span()) and not innocent(*match.span()):
            emit("mild-profanity", match.start(), match.end())
    # A lower-case "hoe", "dick" or "pussy" with nothing around it pointing to gardens, pets or names
    # means the rude sense.
    harmless = m.harmless.search(text) is not None if ambiguous else True
    for match in ambiguous:
        word = match.group()
        if not harmless and word.islower() and word in _SELF_EVIDENT and not reported(*match.span()):
            emit("profanity", match.start(), match.end())
            found = True
    if found:
        return
    # The model leans heavily on single words, and an ambiguous word (hoe, cock, Dick) alone pushes
    # it over any threshold; so score the text without them and let the rest of the text decide. The
    # same goes for harmless phrases (Dyke Road) and for insult words the rules found aimed at no one
    # ("I felt like an idiot", "the idiot's guide").
    if not ambiguous and (condemning or mild):
        return  # the score could not lead to a finding
    scored = text
    for start, end in [a.span() for a in ambiguous] + cleared + unaimed:
        scored = scored[:start] + " " * (end - start) + scored[end:]
    score = offensive_model.score(scored)
    if ambiguous and score >= thresholds["ambiguous_word_threshold"]:
        for match in ambiguous:
            emit("profanity", match.start(), match.end())
    elif score >= thresholds["offensive_model_threshold"] and not condemning and not mild:
        emit("offensive-model", None, None, detail=f"{score:.2f}")
