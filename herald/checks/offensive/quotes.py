"""Abuse quoted to report or condemn it, not said."""

from __future__ import annotations

import re

from ..textutil import (
    probe,
    single_quoted,
)
from .senses import has_case_twins

# Just before the opening quotation mark: telling people not to say it, saying who was called it, naming
# it as a word, or reporting it as said to a victim ('stop saying "…"', 'calling jewish people "…"',
# 'the word "…"', 'told the victim "…"'). Quoting a lyric or a friend ('"…" - Mom', 'he said "…"') is not
# enough: the words are still said.
_QUOTE_CUE = re.compile(
    r"""(?i)
    (?:
        # 'stop saying "…"', 'never call anyone "…"'
        \b(?: stop | quit | stopped | don'?t | do\s+not | never | avoid ) \s+ (?:\w+\s+){0,2}?
          (?: saying | calling | using | writing | say | call | use )\b (?: \W+ [\w'’]+ ){0,3}?
        # 'calling jewish people "…"', 'called me a "…"'
      | \b(?: calling | called | call | calls ) \s+
          (?: me | him | her | them | us | you | someone | somebody | people | anyone | everyone | \w+ (?:\s+\w+)? ) \s+
          (?:an?\s+)?
        # 'the word "…"'
      | \bthe\s+ (?: word | words | term | phrase | slur | n-word | chant | graffiti | message | sign | insult ) s? \s+
          (?:of\s+)?
        # 'told the victim "…"'
      | \b(?: told | threatened | shouted\s+at | screamed\s+at | yelled\s+at ) \s+
          (?: the | a | an | his | her | their | our | my ) \s+ (?:\w+\s+)?
          (?: victim | officer | staff | woman | man | neighbour | neighbor | girl | boy | worker | driver | nurse
            | resident | family | child | member | partner ) s?\b (?: \W+ [\w'’]+ ){0,2}?
        # 'someone sprayed "…" on the mosque wall' (graffiti reported)
      | \b(?: some(?:one|body) | vandals | yobs | kids | they | people | a\s+man | a\s+woman | a\s+group | idiots ) \s*
          (?: has\s+ | have\s+ | had\s+ | ['’]s\s+ )? (?: been\s+ )? (?: wrote | written | sprayed | painted | scrawled | daubed
                                            | spray-painted | graffitied | chalked | carved
                                            # round nineteen: 'someone's been spray painting "…" on the fence'
                                            | spray[\s-]?painting | spraying | painting | scrawling | daubing | writing ) \s*
        # 'police said he shouted "…"'
      | \b(?: prosecutors | police | the\s+court | court | witnesses | the\s+judge | officers | the\s+jury ) \s+
          (?:\w+\s+)? (?: say | said | heard | were\s+told | was\s+told )\b (?: \W+ [\w'’]+ ){0,8}?
        # 'my husband was told to "…"', 'was told by a lifeguard that he was a "…"', 'she's been called "…"'
      | \b(?: was | were | been | being | got | gets | get ) \s+ (?: told | called ) \b (?: \W+ [\w'’]+ ){0,8}?
        # 'a letter saying "…"', 'the comments calling the bin man a "…"', 'a message which says "…"'
      | \b(?: letter | letters | message | messages | note | notes | text | texts | email | emails | comment | comments
            | post | posts | reply | replies | sign | card | leaflet | voicemail | chants? | dm | dms ) \s+
          (?: [\w'’]+ ,? \s+ ){0,8}?
          (?: saying | says | said | reading | reads | calling | telling | shouting | asking
            # round nineteen: 'the comments on your post, things like "…"'
            | (?: things | stuff | remarks | words ) \s+ like
            # round eighteen: 'the comments under the last post included "…"'
            | included | includes | including | contained | contains | containing ) \b (?: \W+ [\w'’]+ ){0,6}?
    )
    \W*$
    """,
    re.VERBOSE,
)
# Just before the opening quotation mark, a weaker sign: someone else says it ('someone in the gallery
# shouts "…"', 'a man has been shouting "…" at my neighbour', 'someone under your post said they hope you
# "…"'). Enough only where the text also reports or judges the saying (``_CONSEQUENCE``): 'he said "…"'
# alone still says the words.
_QUOTE_SPEAKER = re.compile(
    r"""(?ix)
    \b(?: some(?:one|body) | a \s+ (?: man | woman | bloke | guy | lad | group | neighbour | customer | driver | resident
                                 | member \s+ of \s+ the \s+ public )
        | the \s+ (?: guy | man | woman | bloke | lad | fella | heckler | crowd )
        | people | they | he | she | one \s+ of \s+ them | some \s+ \w+ ) \b
    (?: \s+ [\w'’:,-]+ ){0,6}? \s+
    (?: (?: has | have | had | was | were | is | are | keeps | kept | just | then ) \s+ (?: been \s+ )? )?
    (?: shouts | shouted | shouting | yells | yelled | yelling | screams | screamed | screaming | says | said | saying
      | writes | wrote | writing | commented | comments | commenting | posted | posts | posting | replied | replies
      | messaged | messages | texted | sent | chanted | chanting | hissed | hissing | muttered | muttering | called | calling | told | telling )
    \b (?: \W+ [\w'’]+ ){0,8}? \W*$
    """
)
# Just after a closing quotation mark: the quotation named as messages people send ('"…" replies under
# every post you make'); again only with ``_CONSEQUENCE``.
_QUOTE_AS_MESSAGES = re.compile(
    r"(?i)\s*(?:replies|comments|messages|posts|tweets|chants|graffiti|abuse|emails|letters)\b"
)
# Anywhere in a text: the saying reported, removed or judged ("Reported it.", "got kicked out", "police
# informed", "Disgusting.", "that's not on", "you don't deserve that", "I'm frightened").
_CONSEQUENCE = re.compile(
    r"""(?ix)
    \b(?: reported | reporting | report \s+ (?: it | them | this | that | him | her ) | police | removed | kicked \s+ out
        | thrown \s+ out | ejected | banned | blocked | arrested | adjourn | adjourned | witnessed | screenshot
        | disgusting | disgraceful | shameful | appalling | vile | sickening | racist | unacceptable | embarrassing
        | disappointed | (?: not | never ) \s+ on | out \s+ of \s+ order | no \s+ one \s+ should | nobody \s+ should
        | (?: don'?t | doesn'?t | didn'?t ) \s+ deserve | stay \s+ strong | frightened | scared | a \s+ scam
        | is \s+ (?: this | it ) \s+ a \s+ scam | hate \s+ crime | action \s+ will \s+ be \s+ taken
        | (?: has | have | had ) \s+ no \s+ place )\b
    """
)
# Anywhere in a text: the writer agrees with what was said ("spot on", "he was right", "they should go home"):
# a quotation so endorsed is not reported or condemned, whatever judging words stand around it
# ('Someone called them "dirty immigrants". Disgusting? No, spot on.').
_ENDORSED = re.compile(
    r"""(?ix)
    \b(?: spot \s+ on | well \s+ said | quite \s+ right | about \s+ time | fair \s+ (?: enough | play | point )
        | (?: he | she | they | he's | she's | they're ) \s+ (?: (?: was | were | is | are ) \s+ )? (?: so \s+ | dead \s+ | absolutely \s+ )?
          (?: right | correct | not \s+ wrong ) \b (?! \s+ to \b )
        | not \s+ wrong | no \s+ lies | true \s+ though
        # (round eighteen: "good on him for reading it out" praises the one who called the words out)
        | good \s+ on \s+ (?: him | her | them ) (?! \s+ for \s+ (?: reading | calling | sharing | reporting | speaking | standing
          | exposing | highlighting | showing | posting | naming | challenging | doing \s+ (?: it | that | this ) ) ) | says? \s+ it \s+ like \s+ it \s+ is
        | (?: agree | agreed | agreeing ) \s+ with \s+ (?: him | her | them | that | every \s+ word )
        | (?: they | them | all \s+ of \s+ them ) \s+ (?: should | need \s+ to | ought \s+ to ) \s+ (?: go | be \s+ sent ) \s+ (?: home | back ) )\b
    """
)


# ``_ENDORSED`` read in the lower-cased text, case-sensitive (a third of the case-blind scan's time): where
# no ``senses.CASE_TWINS`` stands it matches where ``_ENDORSED`` does (every letter of it is ASCII, and
# lower-casing keeps each character's place, word-ness and white space; tested). Before it, the words
# (``textutil.probe``: each of the pattern's words has a word boundary or white space on both sides) one
# of whose sets each alternative needs: most texts are not scanned at all.
_ENDORSED_LOWER = re.compile(_ENDORSED.pattern.replace("(?ix)", "(?x)", 1))
_ENDORSED_WORDS = frozenset("spot quite fair right correct wrong lies agree agreed agreeing".split())


def endorsed(text: str) -> bool:
    """Whether the writer agrees with a saying the text reports (see ``_ENDORSED``)."""
    if has_case_twins(text):
        return _ENDORSED.search(text) is not None
    lowered, words = probe(text)
    if words.isdisjoint(_ENDORSED_WORDS) and not (
        ("said" in words and "well" in words)
        or ("time" in words and "about" in words)
        or ("though" in words and "true" in words)
        or ("good" in words and "on" in words)
        or ("like" in words and ("say" in words or "says" in words))
        or (("home" in words or "back" in words) and ("should" in words or "need" in words or "ought" in words))
    ):
        return False
    return _ENDORSED_LOWER.search(lowered) is not None


# Just after the closing quotation mark: called out as hateful ('"…" is dehumanising'), or, for a text
# that opens with the quotation, answered in the first person ('"go back to your country" - I was born here').
_QUOTE_NAMED = re.compile(
    r"""(?i)
    \s* (?: is | are | was | were | isn'?t ) \s+ (?:\w+\s+){0,2}?
    (?: dehumani[sz]ing | racist | offensive | hateful | hate\s+speech | not\s+ok(?:ay)? | unacceptable | bigoted
      | homophobic | transphobic | sexist | a\s+slur | nazi | propaganda | harmful | vile | disgusting | never\s+ok
      | a\s+dog\s+whistle | abuse | abusive | ableist | misogynistic | antisemitic | islamophobic | xenophobic )\b
    """,
    re.VERBOSE,
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
    if _QUOTE_CUE.search(text, max(0, opening - 90), opening) is not None:  # round nineteen: 60 -> 90
        return True
    if _QUOTE_NAMED.match(text, closing + 1) is not None:
        return True
    if (
        _QUOTE_SPEAKER.search(text, max(0, opening - 80), opening) is not None
        or _QUOTE_AS_MESSAGES.match(text, closing + 1) is not None
    ) and _consequence_outside(text, opening, closing):
        return True
    return not text[:opening].strip() and _QUOTE_ANSWERED.match(text, closing + 1) is not None


def _consequence_outside(text: str, opening: int, closing: int) -> bool:
    """Whether the text outside the quotation text[opening:closing + 1] reports or judges it."""
    return _CONSEQUENCE.search(text, 0, opening) is not None or _CONSEQUENCE.search(text, closing + 1) is not None


# Abuse named to condemn it, without quotation marks: 'Calling refugees vermin is disgusting and I have
# reported it', 'Saying migrants are parasites is hate speech', 'Anyone calling them animals needs to take
# a long look at themselves', 'Heard someone call her a virus spreader. Absolutely disgusting.' Both sides
# are needed: before the words, in their sentence, someone calling, saying or writing them (not the writer:
# "I'm calling them vermin"); after them, in that sentence or the next, the saying judged or reported.
_MENTION_CUE = re.compile(
    r"""(?ix)
    (?<! \bi\s ) (?<! \bi'm\s ) (?<! \bim\s ) (?<! \bwe\s ) (?<! \bwe're\s ) (?<! \bi\sam\s ) (?<! \bi'll\s )
    (?<! \bi'd\s ) (?<! \bwe'll\s )
    \b(?: calling | saying | describing | referring\s+to | comparing | labelling | labeling | branding | using
        | telling | told | shouting | shouted | wrote | posted
        | (?: don'?t | do\s+not | never | stop | quit ) \s+ (?: \w+ \s+ )? (?: use | call | say )
        | (?: to | who | that ) \s+ (?: calls? | says? | said | called | describes? | compares? | uses? )
        | (?: anyone | anybody | someone | somebody | people | those | whoever | he | she | they | a\s+man
            | a\s+woman | a\s+neighbour | you ) \s+
          (?: (?: in | on | at | from | under ) \s+ (?: the | a | this | that | your | our ) \s+ (?: [\w-]+ \s+ ){1,2} )?
          (?: who\s+ | (?: had | has | have | keeps | kept | just | still ) \s+ )?
          (?: calls? | says? | called | said | describes? | compares? | calling | saying | wrote | writes | written
            | posted | posts | posting | shouted | shouting | telling | told | tells | sprayed | painted | uses? ) )\b
      | \b(?: been | being | was | were | get | gets | got ) \s+ called\b
      | \btold \s+ (?: him | her | them | me | us | my \s+ \w+ | his \s+ \w+ | a \s+ \w+ ) \s+ to\b
    """
)
_MENTION_JUDGED = re.compile(
    r"""(?ix)
    [^.!?\n]{0,80}? (?: [.!?]+ \s+ (?= \S ) [^.!?\n]{0,60}? )? \b
    (?: (?: is | are | was | it's | its | that's | thats ) \s+
        (?: (?! not\b | never\b | hardly\b | just\b | only\b | simply\b ) [\w']+ \s+ ){0,2}?
        (?: disgusting | vile | racist | hate\s+speech | hateful | dehumani[sz]ing | bigoted | bigotry | sexist
          | homophobic | transphobic | ableist | misogynistic | antisemitic | islamophobic | xenophobic
          | shameful | disgraceful | appalling | sickening | abhorrent | abuse | a\s+hate\s+crime | a\s+crime
          | unacceptable | not\s+ok(?:ay)? | not\s+acceptable | never\s+ok(?:ay)? | out\s+of\s+order | cruel
          | hate\s+(?: material | crime | mail ) )\b
      | (?<= [.!?] \s ) (?: absolutely \s+ | utterly \s+ | totally \s+ | just \s+ | really \s+ )?
        (?: disgusting | vile | shameful | sickening | appalling | disgraceful | horrible | horrendous )\b
      | (?<= [.!?,;] \s ) (?: reported | reporting )\b
      | (?<= [,;] \s ) (?: absolutely \s+ | utterly \s+ | totally \s+ | just \s+ | really \s+ )?
        (?: disgusting | vile | shameful | sickening | appalling | disgraceful )\b
      | not \s+ a \s+ good \s+ look
      # round seventeen: "He said she had the IQ of a goldfish. That has no place in this chamber."
      | (?: has | have | had ) \s+ no \s+ place \b | (?: won't | will \s+ not | shouldn't | should \s+ not ) \s+ be \s+ tolerated\b
      | (?: should | ought\s+to ) \s+ be \s+ ashamed
      | needs? \s+ to \s+ (?: take \s+ a \s+ (?: long | hard ) | have \s+ a \s+ (?: long | hard ) | grow \s+ up
                           | be \s+ ashamed | look \s+ at )
      | says \s+ more \s+ about \s+ (?: you | them | him | her )
      | as \s+ an? \s+ (?: insult | slur )
      | (?: i | we ) (?: 've | \s+ have | \s+ had )? \s+ reported\b
      | reported \s+ (?: it | them | this | that | him | her | the \s+ (?: comment | post | graffiti ) )\b
    )
    """
)


def condemned_mention(text: str, start: int, end: int, bounds: tuple[int, int]) -> bool:
    """Whether text[start:end] (abuse found by a rule) is words someone else says, named to condemn
    or report them without quotation marks; ``bounds`` is its sentence."""
    sentence_start, _sentence_end = bounds
    if _MENTION_CUE.search(text, sentence_start, start) is None:
        return False
    return _MENTION_JUDGED.match(text, end, min(len(text), end + 160)) is not None


# The rarest word of each ``_CONSEQUENCE`` entry: a text holding none of them is not counter-speech.
_CONSEQUENCE_WORDS = frozenset(
    "reported reporting report police removed kicked thrown ejected banned blocked arrested adjourn adjourned "
    "witnessed screenshot disgusting disgraceful shameful appalling vile sickening racist unacceptable embarrassing "
    "disappointed on order should deserve strong frightened scared scam crime taken place".split()
)


def counter_speech(text: str, words: frozenset[str]) -> bool:
    """Whether the text quotes someone else's words to report or condemn them: a reported quotation and,
    outside it, the saying reported, removed or judged ('Someone wrote "go home" on the mosque wall last
    night. Disgusting.', 'the guy shouting "…" got kicked out'). Herald's classifier is not asked about
    such a text: what is left of it once the quotation is blanked still reads as abuse to it. ``words``:
    the text's lower-case words (``textutil.probe``)."""
    if words.isdisjoint(_CONSEQUENCE_WORDS) or endorsed(text):
        return False
    for quotation in _ANY_QUOTATION.finditer(text):
        start, end = quotation.span(quotation.lastindex or 0)
        if _reporting_quote(text, start, end) and _consequence_outside(text, quotation.start(), quotation.end() - 1):
            return True
    return False


_ANY_QUOTATION = re.compile(
    r'"([^"\n]{1,200})"|\u201c([^\u201d\n]{1,200})\u201d|(?<![\w\'’])\'(?=[^\s\'])([^\'\n]{1,60}?)(?<=[^\s\'])\'(?![\w\'’])'
)
