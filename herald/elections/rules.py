"""The rules Herald shows and sends, in one place so the page, the staff notice and the home panel
say the same thing. Sources: the Code of Recommended Practice on Local Authority Publicity (2011),
the LGA's pre-election guidance and its ten tips for social media, the Local Government and Housing
Act 1989 ss1-3 and SI 1990/851, and the council's Social Media Policy."""

PRE_ELECTION_PRINCIPLE = (
    "Normal council business carries on, but nothing the council publishes may give, or look as if it "
    "gives, a candidate or a party an advantage. Ask yourself whether a reasonable person could conclude "
    "that the council is spending public money to influence the outcome of the election."
)

PRE_ELECTION_DO_NOT = [
    "publish anything that refers to, quotes or shows a candidate, a councillor or a political party "
    "(factual information about the election itself, such as polling station opening times, is allowed)",
    "post, share, like or retweet content from political parties, candidates or politicians",
    "post anything on a politically controversial matter, or report views or proposals in a way that "
    "identifies them with a councillor or group of councillors",
    "use councillors' names, quotes or photographs in official posts, press releases or events",
    "start a new or significant campaign unless it was planned before the election was called",
    "supply council photographs to political groups, or leave images of politicians downloadable",
    "arrange proactive media, visits or events involving candidates, or help with national political visits",
    "host third-party or partner content on council channels without checking it first; partner accounts "
    "run by council staff are covered too",
]

PRE_ELECTION_DO = [
    "get the communications team's approval before anything is published on an official account",
    "explain on the channel that the council is in a pre-election period if people ask why it is quieter",
    "monitor comments and remove politically controversial content under the house rules",
    "ask the communications team first if, exceptionally, content from or images of a politician are needed "
    "(for example a civic or emergency announcement by the Mayor that is not political)",
]

RESTRICTED_MAY_NOT = [
    (
        "standing",
        "announce that you are a candidate, or stand, for Parliament or a local council "
        "(parish and community councils are allowed)",
    ),
    ("agent", "act as an election agent or sub-agent for a candidate"),
    (
        "office",
        "hold office in a political party, or sit on a party committee that manages it or deals "
        "with the public on its behalf",
    ),
    ("canvassing", "canvass for a political party or a candidate"),
    (
        "speaking",
        "speak to the public, or a section of it, in a way that appears intended to affect support "
        "for a political party, including in interviews likely to be published",
    ),
    (
        "publishing",
        "publish, or let others publish, anything you wrote or made that appears intended to affect "
        "support for a political party; on social media this includes posting, sharing, "
        "reposting and reacting, even from a personal account",
    ),
]

RESTRICTED_MAY = [
    "vote, and be a member of a political party without holding office in it",
    "stand for and serve on a parish or community council",
    "use social media in a private capacity, as long as you stay politically neutral",
]

SPECIFIED_EXEMPTION = (
    "Your post is a specified post (for example a chief officer, the monitoring officer or the section 151 "
    "officer). Specified posts are restricted by law and cannot be exempted."
)
SENSITIVE_EXEMPTION = (
    "Your post is politically sensitive because it advises the council regularly or speaks for it to the media. "
    "You have not been exempted. You may apply to the independent adjudicator for exemption; HR can help you."
)
