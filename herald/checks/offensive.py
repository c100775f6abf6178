"""Offensive and abusive content: swearing, slurs, threats, hate, insults, and the profanity model.

Word lists come from the rules file. Obfuscated spellings are normalised before matching:
leetspeak (``sh1t``, ``@ss``), masking (``f*ck``), stretched letters (``fuuuck``) and spaced or
dotted letters (``f u c k``, ``c.u.n.t``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

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
_THREAT = re.compile(
    r"(?i)\b(?:i|we|i'?m|we'?re|i'?ll|ill|we'?ll|gonna|going\s+to|will|gunna|imma|ima|i'?d|someone\s+should|somebody\s+should)\b[^.!?\n]{0,24}?"
    r"\b(?:kill|murder|stab|shoot|hurt|batter|strangle|burn|rape|bomb|beat\s+up|knock\s+out|slit|smash\s+(?:your|ur)\s+face|"
    r"kick\s+(?:your|ur)\s+head|punch|slap|smack|choke|knife|strangle|hunt\s+(?:you|u)\s+down)\w*\b"
    r"[^.!?\n]{0,12}?\b(?:you|u|ya|him|her|them|your|ur|his|their|yer)\b"
    r"|\b(?:kill|hang|shoot|neck)\s+(?:your|ur)\s*self\b|\bkys\b|\byou(?:'re|\s+are|\s+r)?\s+(?:dead|going\s+to\s+die|gonna\s+die|dead\s+meat|a\s+dead\s+man)\b"
    r"|\bi\s+know\s+where\s+(?:you|u)\s+live\b|\bwatch\s+(?:your|ur)\s+back\b"
    r"|\b(?:deserves?|should|ought|needs?)\s+(?:all\s+)?(?:to\s+)?(?:die|be\s+(?:shot|killed|hanged|hung|stabbed|raped|lynched|burn[te]d?|executed))\b"
    r"|\bburn\s+(?:down\s+)?(?:your|his|her|their)\s+(?:house|home)\b|\bi(?:'ll|\s+will)\s+find\s+(?:you|u)\b"
    r"|\bhope\s+(?:you|u|he|she|they)\s+(?:die|dies|rot|rots|suffer|suffers|get\s+cancer|gets\s+cancer|get\s+raped|gets\s+raped|get\s+killed|gets\s+killed|burn|burns)\b"
    r"|\b(?:you(?:'ll|\s+will)|you'?re\s+going\s+to|you\s+are\s+going\s+to)\s+(?:pay\s+for\s+(?:this|that)|regret\s+(?:this|that|it))\b"
    r"|\b(?:we'?re|we\s+are|i'?m|i\s+am)\s+coming\s+for\s+(?:you|u)\b|\bgo\s+(?:and\s+)?die\b|\bdrop\s+dead\b"
    r"|\b(?:i'?ll|i\s+will|we'?ll|we\s+will|gonna|going\s+to)\s+break\s+(?:your|ur|his|her|their)\s+(?:neck|legs?|arms?|jaw|face|nose)\b"
    r"|\bput\s+a\s+bullet\s+in\b|\bget\s+what'?s\s+coming\s+to\s+(?:you|u|him|her|them)\b"
)
# Telling people to leave the country, or to be sent back, for their race or national origin.
_GO_BACK = re.compile(
    r"(?i)\b(?:go|get|fuck\s+off|piss\s+off|sod\s+off)\s+back\s+(?:home\s+)?to\s+(?:your|their|where)\s+(?:own\s+)?(?:country|countries|(?:you|they)\s+came\s+from)\b"
    r"|\b(?:go|get|fuck\s+off|piss\s+off|send\s+(?:them|him|her|you|'?em)(?:\s+all)?)\s+back\s+(?:home\s+)?to\s+(?:africa|asia|mexico|india|pakistan|"
    r"bangladesh|poland|romania|china|somalia|syria|iraq|afghanistan|the\s+middle\s+east|the\s+desert|the\s+jungle|the\s+caves?|your\s+cave|"
    r"your\s+(?:own\s+)?(?:kind|people))\b"
    r"|\bsend\s+(?:them|'?em)\s+(?:all\s+)?back\b|\b(?:you|they)\s+(?:people\s+)?(?:don'?t|do\s+not)\s+belong\s+(?:here|in\s+this\s+country)\b"
)


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
    insult: re.Pattern[str]
    insult_words: PhraseMatcher  # prefilter for insult
    group_attack: re.Pattern[str]  # "immigrants are criminals", "filthy immigrants"
    group_attack_words: PhraseMatcher  # prefilter for group_attack (with groups)
    harmless: PhraseMatcher  # a harmless sense of an ambiguous word is meant
    any_word: re.Pattern[str]  # fullmatch against a normalised obfuscated word
    starts: WordStarts  # one scan for the word lists' stems and the threat stems


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
            groups + r"\s+(?:are|r|is|were|=)\s+(?:(?:all|just|only|nothing\s+but|such|so|a\s+bunch\s+of|bloody|fucking|"
            r"literally|basically|mostly|clearly|obviously)\s+)*" + attacks
            + r"|(?<![\w@#])(?:filthy|dirty|stinking|stinkin|disgusting|evil|lazy|bloody|fucking|fuckin|effing|damn|stupid)\s+" + groups,
            re.I,
        ),
        group_attack_words=compile_phrases(list(w["group_attacks"]) + ["filthy", "dirty", "stinking", "stinkin", "disgusting",
                                                                  "evil", "lazy", "bloody", "fucking", "fuckin", "effing",
                                                                  "damn", "stupid"]),  # fmt: skip
        harmless=compile_phrases(w["harmless_contexts"]),
        hate=re.compile(groups + r"[^.!?\n]{0,40}?" + dehuman + "|" + dehuman + r"[^.!?\n]{0,10}?" + groups, re.I),
        groups=compile_phrases(w["protected_groups"]),
        dehumanising=compile_phrases(w["dehumanising"]),
        condemnation=compile_phrases(w["condemnation"]),
        insult_words=compile_phrases(w["insults"]),
        insult=re.compile(
            r"(?i)\b(?:you|u|ur|you'?re|youre|your|he'?s|she'?s|he\s+is|she\s+is|they\s+are|they'?re|you\s+lot\s+are|"
            r"you\s+are|u\s+r)\s+(?:an?\s+)?(?:absolute\s+|total\s+|complete\s+|fucking\s+|utter\s+|bloody\s+|such\s+an?\s+)?"
            r"(?:" + phrase_pattern(w["insults"]) + ")"
        ),
        any_word=re.compile(all_words, re.I),
    )


_SELF_EVIDENT = frozenset({"hoe", "dick", "dicks", "pussy"})
_STRETCHED = re.compile(r"(\w)\1{2,}")
_DOUBLED = re.compile(r"(\w)\1+")


def _deobfuscate(word: str) -> str:
    word = word.lower().strip("!.*")
    word = word.translate(_LEET)
    return _STRETCHED.sub(r"\1", word)


_TRIPLE = re.compile(r"(\w)\1\1")
_SPACED_HINT = re.compile(r"(?<![\w.])[A-Za-z@$*][ ._-][A-Za-z@$*][ ._-]")
_THREAT_STEMS = (
    "kill", "murder", "stab", "shoot", "shot", "hurt", "batter", "strangl", "burn", "rape", "bomb", "beat", "knock",
    "slit", "smash", "kick", "hang", "hung", "kys", "dead", "die", "live", "back", "lynch", "find", "cancer",
    "punch", "slap", "smack", "chok", "knife", "hunt", "break", "neck", "execut", "rot", "suffer", "pay", "regret",
    "coming", "bullet",
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


@lru_cache(maxsize=8192)
def _obfuscated_word(raw: str, any_word: re.Pattern[str]) -> bool:
    """Whether an _OBFUSCATED match is a disguised strong word or slur (cached per word)."""
    word = _deobfuscate(raw)
    if "*" in word:
        pattern = re.escape(word).replace(r"\*", r"\w")
        return any(re.fullmatch(pattern, w.rstrip("*")) for w in ("fuck", "shit", "cunt", "fucking", "bitch", "twat", "wanker"))
    return any(any_word.fullmatch(candidate) for candidate in (word, _DOUBLED.sub(r"\1", word)))


def _obfuscated_hits(text: str, m: OffensiveMatchers) -> list[tuple[int, int, str]]:
    hits = []
    for start, end in _suspect_runs(text):
        for match in _OBFUSCATED.finditer(text, start, end):
            raw = match.group()
            if _obfuscated_word(raw, m.any_word):
                hits.append((match.start(), match.end(), raw))
    for match in _SPACED.finditer(text) if _SPACED_HINT.search(text) else ():
        joined = _deobfuscate(re.sub(r"[ ._-]", "", match.group()))
        if len(joined) >= 3 and m.any_word.fullmatch(joined):
            hits.append((match.start(), match.end(), match.group()))
    return hits


def check_offensive(text: str, m: OffensiveMatchers, thresholds: dict[str, float], emit: Emit) -> None:
    condemning = m.condemnation.search(text) is not None

    def reported(start: int, end: int) -> bool:
        """Quoting abuse while reporting or condemning it is not itself abuse."""
        return condemning and inside_quotes(text, start, end)

    found = False
    slurs = [(s.start(), s.end()) for s in m.slur.finditer(text)]
    for start, end in slurs:
        if not reported(start, end):
            emit("slur", start, end)
            found = True
    for match in m.strong.finditer(text):
        if any(s <= match.start() < e for s, e in slurs) or reported(*match.span()):
            continue
        emit("profanity", match.start(), match.end())
        found = True
    for start, end, _raw in _obfuscated_hits(text, m):
        if not reported(start, end):
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
    for match in m.insult.finditer(text) if m.insult_words.may_match(text) else ():
        if not reported(*match.span()):
            emit("harassment", match.start(), match.end())
            found = True
    mild = list(m.mild.finditer(text))
    ambiguous = list(m.ambiguous.finditer(text))
    for match in mild:
        if not reported(*match.span()):
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
    # it over any threshold; so score the text without them and let the rest of the text decide.
    if not ambiguous and (condemning or mild):
        return  # the score could not lead to a finding
    scored = text
    for match in ambiguous:
        scored = scored[: match.start()] + " " * (match.end() - match.start()) + scored[match.end() :]
    score = offensive_model.score(scored)
    if ambiguous and score >= thresholds["ambiguous_word_threshold"]:
        for match in ambiguous:
            emit("profanity", match.start(), match.end())
    elif score >= thresholds["offensive_model_threshold"] and not condemning and not mild:
        emit("offensive-model", None, None, detail=f"{score:.2f}")
