"""Round seven (issue 12): one person put down for the group they belong to ("a thieving gypsy",
"typical Pole"), and the kitchen told to a woman. The group patterns elsewhere name groups in the
plural ("immigrants are…"); these name one member of one."""

from __future__ import annotations

from .shapes import Shape, _shape

# One member of a group, as a noun. Not the adjectives ("Polish", "Indian", "Chinese"): "a dirty
# Chinese takeaway" is about a takeaway.
_MEMBER = r"""
    (?: gypsy | gipsy | pikey | traveller | (?-i:Pole) | romanian | albanian | nigerian | somali | muslim | jew | queer
      | lesbian | foreigner | immigrant | migrant | refugee | asylum\s+seeker | tranny )
"""
# …and not the first word of a compound ("a dirty traveller site", "the useless refugee policy").
_NOT_COMPOUND = r"""
    (?! [-\w] | \s+ (?: site | sites | camp | camps | pitch | pitches | community | communities | family | families
                      | shop | shops | centre | center | caravans? | group | groups | charity | support | council
                      | association | society | women | men | children | kids | pride | flag | policy | policies
                      | route | routes | boats? | hotels? | crisis | status | numbers | festival | event | market
                      | heritage | history | culture | month | week | cemetery | school | restaurant | food ) \b )
"""
_SCORN = r"""
    (?: thieving | filthy | dirty | disgusting | smelly | stinking | lazy | vile | scrounging | dodgy | greasy
      | thick | useless | fat | ugly | bloody | sly | sneaky | money-grabbing | grabbing | lying | scheming )
"""
PERSON_SHAPES: tuple[Shape, ...] = (
    # "your bin man is a thieving gypsy", "my neighbour is a disgusting queer"
    _shape(
        "hate",
        "thieving filthy dirty disgusting smelly stinking lazy vile scrounging dodgy greasy thick useless fat ugly "
        "bloody sly sneaky money-grabbing grabbing lying scheming",
        "gypsy gipsy pikey traveller pole romanian albanian nigerian somali muslim jew queer lesbian foreigner "
        "immigrant migrant refugee seeker tranny",
        r"\b(?: a | an | that | this | some | the | you | one | typical ) \s+ (?: (?: little | old | great | big ) \s+ )?"
        + _SCORN
        + r"\s+ (?: (?: little | old | great | big | fat ) \s+ )?"
        + _MEMBER
        + r"\b"
        + _NOT_COMPOUND,
    ),
    # "Typical Pole, does half the job" (a whole group's supposed faults, pinned on one person)
    _shape(
        "hate",
        "typical",
        None,
        r"\btypical \s+ "
        + _MEMBER
        + r"""\b
        (?= \s* (?: [,.!?;:)\n…] | $ | - | (?: behaviou?r | attitude | for\s+you | again | innit | mate | that\s+is
                                               | that's | thats | though )\b ) )
        """,
    ),
    # "Stick to the kitchen, love", "get back in the kitchen" (not "back to the kitchen to finish lunch")
    _shape(
        "hate",
        "kitchen",
        None,
        r"""
        \b(?: stick\s+to | get\s+back\s+ (?: in | into | to ) | go\s+back\s+ (?: in | into | to ) | back\s+ (?: in | to ) )
          \s+ (?: the | your ) \s+ kitchen
          (?= \s* [,.]? \s* (?: love | luv | sweetheart | sweetie | darling | dear | hun | babe | woman | girl
                               | ladies | missy | princess )\b )
        # said as an order, first in its clause ("Get back in the kitchen!"; not "our volunteers go back
        # to the kitchen", "Chef Tom is back in the kitchen!")
        | (?<! [^\W\d_] \s ) (?<! [^\W\d_] ) \b (?: get | go ) \s+ back \s+ (?: in | into | to ) \s+ (?: the | your ) \s+ kitchen
          (?= [.!?]* \s* $ | \s* ! )
        | \bstick\s+to\s+the\s+kitchen\b (?! \s+ (?: rules | rota | door | team | staff ) )
        """,
    ),
)
