"""What the register holds out of the box: a 5 × 5 matrix (a council may rename the levels and
change the bands and colours; scores already given keep the criteria they were given under) and
S.04, the significant risk the Ethical Governance & Personnel Committee accepted with the Social
Media Policy on 10 October 2023, scored Net Red as the report says.

Written for the historical models of a data migration; does nothing where the rows already exist."""

from __future__ import annotations

LIKELIHOOD = {
    1: ("Rare", "May happen only in exceptional circumstances"),
    2: ("Unlikely", "Could happen at some time"),
    3: ("Possible", "Might happen at some time"),
    4: ("Likely", "Will probably happen in most circumstances"),
    5: ("Almost certain", "Expected to happen in most circumstances"),
}
IMPACT = {
    1: ("Negligible", "No lasting effect on the council's reputation or services"),
    2: ("Minor", "Local, short-lived adverse comment"),
    3: ("Moderate", "Adverse local media coverage; a formal complaint"),
    4: ("Major", "Sustained adverse regional coverage; loss of public trust; regulator interest"),
    5: ("Severe", "National adverse coverage; regulator action; lasting damage to trust"),
}
# Net Red is a score of 13 or more; the colours meet WCAG contrast with their text colours.
BANDS = (
    ("Green", 1, 4, "#00703c", "#ffffff"),
    ("Amber", 5, 12, "#ffdd00", "#0b0c0c"),
    ("Red", 13, 25, "#d4351c", "#ffffff"),
)

S04 = {
    "reference": "S.04",
    "title": "Damage to reputation/adverse publicity",
    "description": (
        "The council relies on social media more than ever to communicate with residents, and anyone can record "
        "and share images with a worldwide audience from a phone. A post by the council, an employee or a "
        "councillor that breaches the policy, an account taken over, or personal data published without consent "
        "can damage the council's reputation and bring adverse publicity."
    ),
    "source": (
        "Ethical Governance & Personnel Committee, 10 October 2023: Social Media Policy and Guidelines, report of "
        "the Director Corporate Services, section 9 (Management of significant (Net Red) risks); owner named in "
        "the report: Bill Cullen"
    ),
    "owner_role": "Director Corporate Services",
    "treatment": "mitigate",
    "mitigation": (
        "This policy supports the code of conduct for officers and councillors and the ICT acceptable use policy."
    ),
    "review_every_days": 90,
}
# Net Red: with today's controls the risk is still significant, as the report records.
S04_SCORES = {
    "inherent_likelihood": 4,
    "inherent_impact": 5,
    "current_likelihood": 3,
    "current_impact": 5,
    "residual_likelihood": 2,
    "residual_impact": 4,
}
S04_RATIONALE = (
    "Scored Net Red as the committee report of 10 October 2023 records it: a significant risk remains with the "
    "policy's controls in place. Residual target once the policy is acknowledged by all staff and every account "
    "is secured."
)
S04_CONTROLS = (
    ("policy_acknowledged", 90),
    ("accounts_secured", 100),
    ("accounts_without_report", 0),
    ("overridden_blocks", 5),
    ("open_takedowns", 0),
    ("incidents_by_type", 12),
    ("moderation_response", 24),
)


def criteria(Level, Band) -> dict:
    return {
        "likelihood": {str(level.value): level.name for level in Level.objects.filter(axis="likelihood")},
        "impact": {str(level.value): level.name for level in Level.objects.filter(axis="impact")},
        "bands": [
            {"name": b.name, "min": b.min_score, "max": b.max_score, "colour": b.colour, "text": b.text_colour}
            for b in Band.objects.order_by("min_score")
        ],
    }


def install(Level, Band, Risk, Assessment, Control) -> None:
    import datetime as dt

    from django.utils import timezone

    for axis, levels in (("likelihood", LIKELIHOOD), ("impact", IMPACT)):
        for value, (name, description) in levels.items():
            Level.objects.get_or_create(axis=axis, value=value, defaults={"name": name, "description": description})
    for name, low, high, colour, text in BANDS:
        Band.objects.get_or_create(
            name=name, defaults={"min_score": low, "max_score": high, "colour": colour, "text_colour": text}
        )
    if Risk.objects.filter(reference=S04["reference"]).exists():
        return
    risk = Risk.objects.create(**S04, next_review_on=timezone.localdate() + dt.timedelta(days=90))
    Assessment.objects.create(risk=risk, rationale=S04_RATIONALE, criteria=criteria(Level, Band), **S04_SCORES)
    for measure, threshold in S04_CONTROLS:
        Control.objects.create(risk=risk, measure=measure, threshold=threshold)
