"""A council's own matrix: level names, bands and colours changed by a risk manager, checked so the
bands cover every score once and stay readable, and never changing what an earlier score meant."""

import pytest
from django.urls import reverse

from herald.audit.models import AuditEvent
from herald.errors import Refused
from herald.risks import services
from herald.risks.models import Band, Level, Risk

pytestmark = pytest.mark.django_db

FIVE_BANDS = [
    ("Very low", 1, 3, "#00703c", "#ffffff"),
    ("Low", 4, 6, "#85994b", "#0b0c0c"),
    ("Medium", 7, 11, "#ffdd00", "#0b0c0c"),
    ("High", 12, 19, "#f47738", "#0b0c0c"),
    ("Very high", 20, 25, "#942514", "#ffffff"),
]


def levels(**renamed):
    names = {(level.axis, level.value): (level.name, level.description) for level in Level.objects.all()}
    for key, name in renamed.items():
        axis, value = key.rsplit("_", 1)
        names[(axis, int(value))] = (name, "")
    return names


def form_data(bands, **renamed):
    data = {}
    for (axis, value), (name, description) in levels(**renamed).items():
        data[f"{axis}_{value}_name"], data[f"{axis}_{value}_description"] = name, description
    for number, (name, low, high, colour, text) in enumerate(bands, 1):
        data.update(
            {
                f"band_{number}_name": name,
                f"band_{number}_min": low,
                f"band_{number}_max": high,
                f"band_{number}_colour": colour,
                f"band_{number}_text": text,
            }
        )
    return data


def test_a_risk_manager_sets_the_councils_own_levels_and_bands(client, comms_officer):
    s04 = Risk.objects.get(reference="S.04")
    # given S.04 scored Net Red (3 × 5 = 15) under the default matrix
    assert s04.latest.current_band["name"] == "Red"
    client.force_login(comms_officer)
    form = client.get(reverse("risks:matrix_change")).content.decode()
    assert 'value="Almost certain"' in form and 'value="#d4351c"' in form
    # when the council renames a level and uses five bands of its own
    response = client.post(reverse("risks:matrix_change"), form_data(FIVE_BANDS, likelihood_5="Expected"))
    assert response.status_code == 302
    # then the matrix, the register and new scores use them
    assert Level.objects.get(axis="likelihood", value=5).name == "Expected"
    assert [b.name for b in Band.objects.all()] == [b[0] for b in FIVE_BANDS]
    page = client.get(reverse("risks:register")).content.decode()
    heat_map = page[page.index('<svg class="herald-heatmap"') :]
    heat_map = heat_map[: heat_map.index("</svg>")]
    assert 'fill="#f47738"' in heat_map and 'fill="#d4351c"' not in heat_map
    rescored = services.assess_risk(
        s04, by=comms_officer, inherent=(4, 5), current=(3, 5), residual=(2, 4), rationale="Same score, new bands"
    )
    assert rescored.current_band["name"] == "High"
    # and the committee's score keeps the band it was given under
    assert s04.assessments.order_by("at", "id").first().current_band["name"] == "Red"
    event = AuditEvent.objects.get(action="risk.matrix_changed")
    assert event.actor_id == comms_officer.pk
    assert event.after["likelihood"]["5"] == "Expected" and event.before["likelihood"]["5"] == "Almost certain"


@pytest.mark.parametrize(
    ("bands", "field", "words"),
    [
        (
            [("Green", 1, 4, "#00703c", "#ffffff"), ("Red", 6, 25, "#d4351c", "#ffffff")],
            "band_1_min",
            "no band for score 5",
        ),
        (
            [("Green", 1, 12, "#00703c", "#ffffff"), ("Red", 10, 25, "#d4351c", "#ffffff")],
            "band_1_min",
            "more than one band for scores 10, 11, 12",
        ),
        ([("Pale", 1, 25, "#ffdd00", "#ffffff")], "band_1_text", "too close to its fill"),
        ([("Odd", 1, 25, "red", "#ffffff")], "band_1_colour", "six hex digits"),
        ([("Same", 1, 12, "#00703c", "#ffffff"), ("same", 13, 25, "#d4351c", "#ffffff")], "band_1_name", "different"),
    ],
)
def test_bands_that_leave_a_gap_overlap_or_cannot_be_read_are_refused(comms_officer, bands, field, words):
    with pytest.raises(Refused) as refused:
        services.change_matrix(by=comms_officer, levels=levels(), bands=bands)
    assert words in " ".join(refused.value.message_dict[field])
    assert Band.objects.count() == 3  # nothing changed


def test_only_a_risk_manager_changes_the_matrix(service_manager):
    with pytest.raises(Refused):
        services.change_matrix(by=service_manager, levels=levels(), bands=FIVE_BANDS)


def test_the_form_shows_what_is_wrong_next_to_the_band(client, comms_officer):
    client.force_login(comms_officer)
    data = form_data([("Green", 1, 4, "#00703c", "#ffffff"), ("Red", 6, 25, "#d4351c", "#ffffff")])
    data["likelihood_2_name"] = ""
    page = client.post(reverse("risks:matrix_change"), data).content.decode()
    assert "govuk-error-summary" in page and "Enter a name for likelihood 2" in page
    data["likelihood_2_name"] = "Unlikely"
    page = client.post(reverse("risks:matrix_change"), data).content.decode()
    assert "The bands must cover every score from 1 to 25 once: no band for score 5" in page
    assert Band.objects.get(name="Red").min_score == 13
