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
from .textutil import PhraseMatcher, compile_phrases, inside_quotes, phrase_pattern, probe, sentence_bounds, starts_word

Emit = Callable[..., None]

_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i", "|": "l"})
# A word with a letter next to a digit or symbol, or a letter repeated three times.
_OBFUSCATED = re.compile(r"(?<![\w@#$*])(?=[\w@$*!|]*[a-zA-Z])(?=[\w@$*!|]*[0-9@$*!|])[\w@$*!|]{3,}|\b\w*(\w)\1\1\w*")
_SPACED = re.compile(r"(?<![\w.])(?:[A-Za-z@$*0-9][ ._-]){2,}[A-Za-z@$*0-9](?![\w])")
_THREAT = re.compile(
    r"(?i)\b(?:i|we|i'?m|we'?re|i'?ll|ill|we'?ll|gonna|going\s+to|will|gunna)\b[^.!?\n]{0,24}?"
    r"\b(?:kill|murder|stab|shoot|hurt|batter|strangle|burn|rape|bomb|beat\s+up|knock\s+out|slit|smash\s+(?:your|ur)\s+face|"
    r"kick\s+(?:your|ur)\s+head)\w*\b[^.!?\n]{0,12}?\b(?:you|u|ya|him|her|them|your|ur|his|their|yer)\b"
    r"|\b(?:kill|hang|shoot)\s+(?:your|ur)\s*self\b|\bkys\b|\byou(?:'re|\s+are|\s+r)?\s+(?:dead|going\s+to\s+die|gonna\s+die)\b"
    r"|\bi\s+know\s+where\s+(?:you|u)\s+live\b|\bwatch\s+(?:your|ur)\s+back\b"
    r"|\b(?:deserves?|should|ought)\s+(?:to\s+)?(?:die|be\s+(?:shot|killed|hanged|hung|stabbed|raped|lynched|burn[te]d?))\b"
    r"|\bburn\s+(?:down\s+)?(?:your|his|her|their)\s+(?:house|home)\b|\bi(?:'ll|\s+will)\s+find\s+(?:you|u)\b"
    r"|\bhope\s+(?:you|u|he|she|they)\s+(?:die|dies|get\s+cancer|gets\s+cancer|get\s+raped|gets\s+raped)\b"
)
_GO_BACK = re.compile(
    r"(?i)\bgo\s+back\s+(?:home\s+)?to\s+(?:your|their|where)\s+(?:own\s+)?(?:country|countries|(?:you|they)\s+came\s+from)\b"
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
    any_word: re.Pattern[str]  # fullmatch against a normalised obfuscated word


def compile_offensive(rules: Rules) -> OffensiveMatchers:
    w = rules.words
    groups = phrase_pattern(w["protected_groups"])
    dehuman = phrase_pattern(w["dehumanising"])
    all_words = phrase_pattern(w["profanity_strong"] + w["slurs"], glob=True)
    return OffensiveMatchers(
        strong=compile_phrases(w["profanity_strong"], glob=True),
        mild=compile_phrases(w["profanity_mild"], glob=True),
        ambiguous=compile_phrases(w["ambiguous"], glob=True),
        slur=compile_phrases(w["slurs"], glob=True),
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
)  # fmt: skip


_THREAT_START = starts_word(_THREAT_STEMS)
_SENTENCE_STOP = re.compile(r"[.!?]")


def _threats(text: str, lowered: str):
    """_THREAT's matches. No match holds ".", "!" or "?" and every one holds a word starting with a
    threat stem, so only the stretches between those marks that hold such a word are scanned (the
    whole pattern costs ~0.2 ms per 2,000 characters; tests/test_fast_paths.py checks equality)."""
    stems = [m.start() for m in _THREAT_START.finditer(lowered)]
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
    for match in _threats(text, _lowered):
        if not reported(*match.span()):
            emit("threat", match.start(), match.end())
            found = True
    hate_patterns = ((m.hate,) if m.groups.may_match(text) and m.dehumanising.may_match(text) else ()) + ((_GO_BACK,) if "back" in words else ())
    for pattern in hate_patterns:
        for match in pattern.finditer(text):
            s, e = sentence_bounds(text, match.start())
            if not (condemning and m.condemnation.search(text, s, e)) and not reported(*match.span()):
                emit("hate", match.start(), match.end())
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
    if found:
        return
    # The model leans heavily on single words, and an ambiguous word (hoe, cock, Dick) alone pushes
    # it over any threshold; so score the text without them and let the rest of the text decide.
    scored = text
    for match in ambiguous:
        scored = scored[: match.start()] + " " * (match.end() - match.start()) + scored[match.end() :]
    score = offensive_model.score(scored)
    if ambiguous and score >= thresholds["ambiguous_word_threshold"]:
        for match in ambiguous:
            emit("profanity", match.start(), match.end())
    elif score >= thresholds["offensive_model_threshold"] and not condemning and not mild:
        emit("offensive-model", None, None, detail=f"{score:.2f}")
