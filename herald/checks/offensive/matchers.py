"""The compiled matchers for one rules file: its word lists with the built-in shapes and stems."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..config import Rules
from ..textutil import (
    PhraseMatcher,
    WordStarts,
    compile_phrases,
    glob_prefixes,
    phrase_pattern,
)
from . import contempt, veneer
from .calm import CALM_SHAPES
from .insults import _UNCOUNTABLE
from .menace import MENACE_SHAPES
from .persons import PERSON_SHAPES
from .shapes import _PLAIN_SHAPES, Shapes, _group_shapes
from .threats import _THREAT_STEMS
from .tries import _trie_alternation
from .veiled import VEILED_SHAPES
from .words import WORDS

_GROUP_ATTACK_CUES = WORDS["group_attack_cues"]


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
    idioms: PhraseMatcher  # everyday idioms the abuse classifier is not to read
    group_attack: re.Pattern[str]  # "immigrants are criminals", "filthy immigrants"
    group_attack_words: PhraseMatcher  # prefilter for group_attack (with groups)
    harmless: PhraseMatcher  # a harmless sense of an ambiguous word is meant (any entry anywhere in the text)
    shapes: Shapes  # more shapes of threats, hate and harassment, each behind its anchor words
    any_word: re.Pattern[str]  # fullmatch against a normalised obfuscated word
    starts: WordStarts  # one scan for the word lists' stems and the threat stems
    # raw obfuscated word -> whether it is a disguised strong word or slur. A plain dict: an lru_cache
    # keyed on (word, any_word) hashed the compiled pattern's code on every call (~4 µs).
    obfuscated_known: dict[str, bool] = field(default_factory=dict)
    # pieces of ASCII text known to hold no disguised strong word or slur (``obfuscation._all_clean``)
    obfuscated_clean: set[str] = field(default_factory=set)
    # The rule families with words of their own to look for, each named with the sets of words that can
    # wake it (``families``): the engine's shared prefilter answers for them all at once, and
    # ``check_offensive`` does not call a family whose bit (``bits``) is clear in the text's mask. -1,
    # until the engine's prefilter gives the bits, calls every family (each still checks its own words).
    # ``bits`` also holds the bits of the word lists in ``GATED`` (the same prefilter's answer for each).
    families: dict[str, tuple[frozenset[str], ...]] = field(default_factory=dict)
    bits: dict[str, int] = field(default_factory=dict)


# The word lists ``check_offensive`` reads the mask for before calling them (their bits in ``bits`` too).
GATED = ("condemnation", "slur", "strong", "groups", "insult_words", "mild", "ambiguous")


def _families(shapes: Shapes) -> dict[str, tuple[frozenset[str], ...]]:
    """The sets of words that wake each family: its own cheap word check as sets of one word (calm menace,
    advances, prejudice), or a finer one: for contempt ``contempt.NEEDS``, for the shapes an anchor word
    with one of the words the shape needs (``Shape.needs``), as ``_shape_hits`` asks."""

    def alone(words) -> tuple[frozenset[str], ...]:
        return tuple(frozenset((word,)) for word in sorted(words))

    return {
        "menace": alone(veneer._MENACE_CUES),
        "advance": alone(veneer._ADVANCE_CUES),
        "prejudice": alone(veneer._PREJUDICE_CUES),
        "contempt": contempt.NEEDS,
        # a shape runs only when the text holds one of its anchor words and one of the words it needs
        "shapes": tuple(
            sorted(
                {
                    frozenset((anchor, *((need,) if need else ())))
                    for shape in shapes.shapes
                    for anchor in shape.anchors
                    for need in (sorted(shape.needs) if shape.needs is not None else ("",))
                },
                key=sorted,
            )
        ),
    }


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
    shapes = Shapes(_PLAIN_SHAPES + VEILED_SHAPES + PERSON_SHAPES + CALM_SHAPES + MENACE_SHAPES + _group_shapes(groups))
    families = _families(shapes)
    return OffensiveMatchers(
        strong=compile_phrases(w["profanity_strong"], glob=True, hashtags=True, shared=starts),
        mild=compile_phrases(w["profanity_mild"], glob=True, shared=starts),
        ambiguous=compile_phrases(w["ambiguous"], glob=True, shared=starts),
        slur=compile_phrases(w["slurs"], glob=True, hashtags=True, shared=starts),
        starts=starts,
        group_attack=re.compile(
            # "immigrants are criminals", "gays are all paedos": the group said to be one of the attacks
            groups
            + r"""
            \s+ (?: are | r | is | were | = ) \s+
            (?: (?: all | just | only | nothing\s+but | such | so | too | a\s+bunch\s+of | bloody | fucking | literally
                  | basically | mostly | clearly | obviously ) \s+ )*
            """
            + attacks
            # "filthy immigrants"
            + r"""
            | (?<![\w@\#]) (?: filthy | dirty | stinking | stinkin | disgusting | evil | lazy | bloody | fucking | fuckin
                            | effing | damn | stupid ) \s+
            """
            + groups
            # "I hate Muslims", "kill all the gays", "death to …": hatred or violence aimed at the whole group
            + r"""
            | \b(?: i | we ) \s+ (?: (?: really | fucking | just | all | truly | honestly ) \s+ )?
              (?: hate | despise | detest | loathe | can'?t\s+stand | cannot\s+stand ) \s+
              (?: (?: all | the | these | those | fucking | bloody | filthy | dirty ) \s+ )*
            """
            + groups
            + r"""
            (?!['\u2019])
            | \b(?: kill | gas | hang | shoot | exterminate | nuke | lynch | burn | wipe\s+out | eradicate | death\s+to ) \s+
              (?: (?: all | the | these | those | of | fucking | bloody | filthy | dirty ) \s+ )*
            """
            + groups,
            re.I | re.VERBOSE,
        ),
        group_attack_words=compile_phrases(list(w["group_attacks"]) + list(_GROUP_ATTACK_CUES)),
        harmless=compile_phrases(w["harmless_contexts"]),
        shapes=shapes,
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
        idioms=compile_phrases(w["classifier_idioms"]),
        families=families,
        bits=dict.fromkeys((*families, *GATED), -1),
    )
