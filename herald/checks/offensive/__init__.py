"""Offensive and abusive content: swearing, slurs, threats, hate, insults, and the profanity model.

Word lists come from the rules file. Obfuscated spellings are normalised before matching:
leetspeak (``sh1t``, ``@ss``), masking (``f*ck``), stretched letters (``fuuuck``) and spaced or
dotted letters (``f u c k``, ``c.u.n.t``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from .. import abuse_model, offensive_model
from ..textutil import FIRST_PERSON, inside_quotes, probe, sentence_bounds
from .aimed import menace_hits as aimed_menace  # round seventeen
from .aimed import mockery_hits, sexual_hits, takeover_hits
from .competence import competence_hits  # round nineteen
from .contempt import contempt_hits
from .doxxing import doxxing_hits  # round eighteen
from .insults import _DISMISSAL, _DISMISSAL_CUES, _insults
from .leers import animal_hits, leer_hits, rope_hits  # round eighteen, nineteen
from .matchers import OffensiveMatchers, compile_offensive
from .obfuscation import _obfuscated_hits
from .quotes import _QUOTATION, _reporting_quote, condemned_mention, counter_speech, endorsed
from .senses import banter, fond, literal_sense, mild_in_sense, praised_in_slang, said_of_oneself, scam_warning, unread
from .shapes import _shape_hits
from .threats import _GO_BACK, _threats
from .veneer import advance_hits, menace_hits, prejudice_hits
from .words import WORDS

__all__ = ["Emit", "Later", "OffensiveMatchers", "check_offensive", "compile_offensive", "emit_abuse"]

Emit = Callable[..., None]
# What is left of check_offensive once the profanity model has scored the text: called with the score,
# the emit for its findings and the abuse classifier's defer (or None to score it at once).
Later = Callable[[float, Emit, Callable[[str, float], None] | None], None]

_SELF_EVIDENT = frozenset(WORDS["self_evident"])


def check_offensive(
    text: str,
    m: OffensiveMatchers,
    thresholds: dict[str, float],
    emit: Emit,
    kind: str = "post",
    defer: Callable[[str, float], None] | None = None,
    alleged: list[tuple[int, int]] | None = None,
    wait: Callable[[dict[str, int], Later], None] | None = None,
    mask: int = -1,
) -> None:
    """Emit the offensive-content findings of ``text``. With ``defer``, the abuse classifier is not
    run here: ``defer(text_to_score, threshold)`` is called instead, and the caller scores the texts
    of many drafts in one batch and passes each score to ``emit_abuse`` (``engine.check_many``).
    ``alleged``: the spans of the allegation words the legal rules reported about a named person; the
    abuse classifier reads the text without their sentences (an allegation is blocked as defamation,
    not warned on again as abuse; the rules still read every word). With ``wait``, the profanity model
    does not score the text here either: ``wait(counted_tokens, later)`` is called instead, and the
    caller scores many drafts' tokens in one batch (``offensive_model.score_counted``) and calls
    ``later(score, emit, defer)``, which emits the findings this function would have emitted last.
    ``mask``: the engine's prefilter mask of the text (``textutil.Prefilter``); a family whose bit in it
    (``m.bits``) is clear has none of its words in the text and is not called (-1: every family is)."""
    bits = m.bits
    condemning = bool(mask & bits["condemnation"]) and m.condemnation.search(text) is not None
    quoted = '"' in text or "\u201c" in text or "\u2018" in text or "'" in text
    # the writer agrees with the saying they report ("… Disgusting? No, spot on."): nothing in it is excused
    endorsing = endorsed(text)
    condemning = condemning and not endorsing
    excused = False  # abuse found only inside a reported quotation: the model would score the quotation

    def reported(start: int, end: int, aimed: bool = True) -> bool:
        """Quoting abuse while reporting or condemning it is not itself abuse ('he told the victim
        "I'll kill you"', '"go back to your country" - I was born here'). Swearing (not ``aimed`` at
        anyone) is excused only in a text that condemns abuse: quoted, it is still sworn."""
        nonlocal excused
        if endorsing:
            return False
        if (
            quoted and inside_quotes(text, start, end) and (condemning or _reporting_quote(text, start, end))
        ) or condemned_mention(text, start, end, sentence_bounds(text, start)):
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
        return (
            any(a <= start and end <= b for a, b in covers)
            or literal_sense(text, start, end)
            or said_of_oneself(text, start, end)
        )

    found = False
    slurs = [(s.start(), s.end()) for s in m.slur.finditer(text)] if mask & bits["slur"] else []
    cleared = [(s, e) for s, e in slurs if innocent(s, e)] if slurs else []
    if cleared:
        slurs = [span for span in slurs if span not in cleared]
    for start, end in slurs:
        if not reported(start, end):
            emit("slur", start, end)
            found = True
    # in an incoming comment, strong words mild in what they say ("taking the piss", "shit weather"); the
    # council's own posts swear at nothing
    softened: list[tuple[int, int]] = []
    sworn: list[tuple[int, int]] = []  # round eighteen: a swear word as the insult is never banter
    soften = partial(mild_in_sense, text) if kind == "comment" else None
    for match in m.strong.finditer(text) if mask & bits["strong"] else ():
        if any(s <= match.start() < e for s, e in slurs) or reported(*match.span(), aimed=False):
            continue
        if soften is not None and soften(*match.span()):
            softened.append(match.span())
            continue
        if innocent(*match.span()):
            cleared.append(match.span())
            continue
        emit("profanity", match.start(), match.end())
        sworn.append(match.span())
        found = True
    for start, end, _raw in _obfuscated_hits(text, m):
        if soften is not None and soften(start, end):
            softened.append((start, end))
        elif not reported(start, end, aimed=False) and not innocent(start, end):
            emit("profanity", start, end)
            sworn.append((start, end))
            found = True
    _lowered, words = probe(text)
    for match in _threats(text, _lowered, m.starts):
        if not reported(*match.span()):
            emit("threat", match.start(), match.end())
            found = True
    menaced = menace_hits(text, words) if mask & bits["menace"] else []
    doxxed = doxxing_hits(text, words) if kind == "comment" else []  # round eighteen
    polite = competence_hits(text, words) if kind == "comment" else []  # round nineteen
    doxxed += [(start, end) for rule, start, end in polite if rule == "threat"]
    doxxed += rope_hits(text) if kind == "comment" else []  # round nineteen
    for start, end in menaced + aimed_menace(text, words) + doxxed:
        if not reported(start, end):
            emit("threat", start, end)
            found = True
    group_present = bool(mask & bits["groups"]) and m.groups.may_match(text)
    shaped: list[tuple[str, int, int]] = []
    for shape, match in _shape_hits(text, _lowered, words, m.shapes, group_present) if mask & bits["shapes"] else ():
        if shape.comment_only and kind != "comment":
            continue
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
    prejudiced = prejudice_hits(text, words) if mask & bits["prejudice"] else []
    prejudiced += [(start, end) for rule, start, end in polite if rule == "hate"]
    for start, end in prejudiced + takeover_hits(text, words):
        if not reported(start, end) and not (condemning and m.condemnation.search(text, *sentence_bounds(text, start))):
            emit("hate", start, end)
            hate_done.append((start, end))
            found = True
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
    for start, end in (
        _insults(text, m, unaimed) if mask & bits["insult_words"] and m.insult_words.may_match(text) else ()
    ):
        if insults and start < insults[-1][1]:  # "you are useless idiots": one finding, not two
            start, end = min(start, insults[-1][0]), max(end, insults[-1][1])
            insults.pop()
        insults.append((start, end))
    if not _DISMISSAL_CUES.isdisjoint(words):
        insults += [match.span() for match in _DISMISSAL.finditer(text)]
    insults += [(start, end) for rule, start, end in shaped if rule == "harassment"]
    if mask & bits["contempt"]:
        insults += [h for h in contempt_hits(text, words) if not any(a < h[1] and h[0] < b for a, b in insults)]
    aimed = (
        (advance_hits(text, words) if mask & bits["advance"] else [])
        + sexual_hits(text, words)
        + mockery_hits(text, words)
        + (leer_hits(text) if kind == "comment" else [])  # round eighteen; incoming comments only, as doxxing
        + [(start, end) for rule, start, end in polite if rule == "harassment"]  # round nineteen
        + (animal_hits(text) if kind == "comment" else [])  # round nineteen
    )  # round seventeen
    insults += [h for h in aimed if not any(a < h[1] and h[0] < b for a, b in insults)]
    bantered = False  # an insult to the reader in a friendly text: the classifier is not asked either
    for start, end in insults:
        if banter(text, start, end) and not any(a < end and start < b for a, b in sworn):
            bantered = True
        elif not reported(start, end):
            emit("harassment", start, end)
            found = True
    mild = sorted(([word.span() for word in m.mild.finditer(text)] if mask & bits["mild"] else []) + softened)
    ambiguous = []
    for match in m.ambiguous.finditer(text) if mask & bits["ambiguous"] else ():
        if innocent(*match.span()):
            cleared.append(match.span())
        else:
            ambiguous.append(match)
    for start, end in mild:
        if not reported(start, end, aimed=False) and not innocent(start, end):
            emit("mild-profanity", start, end)
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
    # In an incoming comment mild swearing no longer ends it here: "Bloody scroungers in the flats…" is abuse
    # with a mild word in it, so the classifier reads such a comment with the mild words left out (round
    # ten). The council's own posts keep the earlier rule.
    comment = kind == "comment"
    if not ambiguous and (
        condemning
        or excused
        or (mild and not comment)
        or (quoted and counter_speech(text, words))
        or fond(text, words)
        or bantered
        or (
            comment and not group_present and (scam_warning(text, words) or praised_in_slang(text, words))
        )  # round nineteen
    ):
        return  # the score could not lead to a finding, or would score a reported quotation
    # a reported quotation is not the writer's words ('he called me a "…" and I reported him')
    reported_quotes = (
        [
            q.span(q.lastindex or 0)
            for q in _QUOTATION.finditer(text)
            if _reporting_quote(text, *q.span(q.lastindex or 0))
        ]
        if quoted and not endorsing
        else []
    )
    blanked = [a.span() for a in ambiguous] + cleared + reported_quotes + unread(text, words)
    scored = _blank(text, blanked + unaimed)
    classified: str | None = None  # what Herald's own classifier reads, where it may be asked
    threshold = 0.0
    if not condemning and not excused and (comment or not (ambiguous or mild)):
        # Herald's own classifier: hate and abuse with no listed word (in a comment, an ambiguous word the
        # profanity model did not confirm and mild swearing are left out of what it reads), asked below when the
        # profanity model finds nothing. Its threshold differs by context: an incoming comment is
        # somebody else's words to triage, an official post the council's own (where a false alarm
        # costs an editor's time on every draft).
        # It reads the insult words the rules found aimed at no one in their context, where the
        # profanity model above would take them alone: "people from that estate are subhuman" is
        # abuse of a group, "I felt like an idiot" is not, and the classifier tells them apart.
        threshold = thresholds["abuse_model_comment_threshold" if kind == "comment" else "abuse_model_post_threshold"]
        classified = (
            _blank(text, blanked + [span for span in unaimed if _said_of_oneself(text, *span)]) if unaimed else scored
        )
        if mild:  # "bloody", "crap": a complaint's words, which alone would lift the score
            classified = _blank(classified, mild)
        if m.idioms.may_match(text):  # "thick as thieves": an idiom, not an insult and a crime
            classified = _blank(classified, [idiom.span() for idiom in m.idioms.finditer(text)])
        if alleged:  # the whole sentence: "Cllr Wright is a ___" alone still reads as an insult
            classified = _blank(classified, [sentence_bounds(text, start) for start, _ in alleged])
    later = partial(_after_the_model, thresholds, ambiguous, condemning, bool(mild), classified, threshold)
    if wait is not None:  # check_many scores every waiting text in one batch
        wait(offensive_model.counted(scored), later)
    else:
        later(offensive_model.score(scored), emit, defer)


def _after_the_model(
    thresholds: dict[str, float],
    ambiguous: list[re.Match[str]],
    condemning: bool,
    mild: bool,
    classified: str | None,
    threshold: float,
    score: float,
    emit: Emit,
    defer: Callable[[str, float], None] | None,
) -> None:
    """The end of ``check_offensive`` once the profanity model has scored the text: the findings its
    score leads to, or else Herald's own classifier asked about ``classified`` (when it may be)."""
    if ambiguous and score >= thresholds["ambiguous_word_threshold"]:
        for match in ambiguous:
            emit("profanity", match.start(), match.end())
    elif score >= thresholds["offensive_model_threshold"] and not condemning and not mild:
        emit("offensive-model", None, None, detail=f"{score:.2f}")
    elif classified is not None:
        if defer is not None:  # check_many scores every deferred text in one batch
            defer(classified, threshold)
        else:
            emit_abuse(abuse_model.score_for(classified, threshold), threshold, emit)


_FIRST_PERSON = FIRST_PERSON  # one definition with the political checks (textutil)


def _said_of_oneself(text: str, start: int, end: int) -> bool:
    """An insult word in a sentence where the writer speaks of themselves ("I felt like an idiot",
    "we looked like idiots"): left out of what the classifier reads."""
    sentence_start, _ = sentence_bounds(text, start)
    return _FIRST_PERSON.search(text, sentence_start, start) is not None


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with each span replaced by spaces (offsets unchanged)."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def emit_abuse(score: float, threshold: float, emit: Emit) -> None:
    """The classifier's finding, when its score reaches the context's threshold."""
    if score >= threshold:
        emit("abuse-model", None, None, detail=f"{score:.2f}")
