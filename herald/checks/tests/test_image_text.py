"""Text read from a photo is checked as words the account publishes and pointed back at its boxes."""

from herald.checks.image_text import Region, WordBox, check_image_text

from .helpers import official, personal


def _board():
    return [
        WordBox("CONFIDENTIAL", 10, 10, 200, 30, line=1),
        WordBox("Call", 10, 60, 50, 20, line=2),
        WordBox("07911", 70, 60, 60, 20, line=2),
        WordBox("123456", 140, 62, 70, 20, line=2),
    ]


def test_lines_are_rebuilt_and_each_finding_gets_the_boxes_of_its_words():
    report = check_image_text(_board(), official())
    assert report.text == "CONFIDENTIAL\nCall 07911 123456"
    regions = {f.finding.rule: f.regions for f in report.findings}
    assert regions["confidential-marking"] == (Region(10, 10, 200, 30),)
    assert regions["phone-number"] == (Region(70, 60, 140, 22),)
    assert report.blocking


def test_the_rules_about_writing_a_post_do_not_apply_to_a_photo():
    words = [WordBox(w, i * 50, 0, 40, 20) for i, w in enumerate("THIS IS A VERY LOUD SIGN #one #two #three".split())]
    report = check_image_text(words, official())
    assert not [f for f in report.findings if f.finding.category in ("accessibility", "platform")]


def test_text_in_a_photo_takes_the_accounts_severities():
    assert [
        f.finding.severity for f in check_image_text(_board(), personal()).findings if f.finding.rule == "phone-number"
    ] == ["warn"]


def test_a_finding_across_two_lines_gets_one_region_per_line():
    words = [WordBox("12", 0, 0, 20, 10, line=1), WordBox("Brookside,", 25, 0, 90, 10, line=1)]
    words += [WordBox("Burbage", 0, 20, 70, 10, line=2), WordBox("LE10", 75, 20, 40, 10, line=2)]
    words += [WordBox("2TG", 120, 20, 30, 10, line=2)]
    [address] = [f for f in check_image_text(words, official()).findings if f.finding.rule == "postal-address"]
    assert address.regions == (Region(0, 0, 115, 10), Region(0, 20, 150, 10))
    assert address.to_dict()["regions"][1] == {"left": 0, "top": 20, "width": 150, "height": 10}


def test_no_words_no_findings():
    assert check_image_text([WordBox("  ", 0, 0, 1, 1)], official()).findings == []


def test_a_post_whose_image_text_must_not_be_published_is_blocked_and_warnings_stay_with_the_media():
    from herald.checks import Media

    from .helpers import findings

    board = Media(alt_text="Officers at a whiteboard", text="STRICTLY CONFIDENTIAL\nRoom booked by Sam")
    found = [f for f in findings("Our team planning the summer events", media=(board,)) if f.rule == "media-text"]
    assert [f.severity for f in found] == ["block"]
    assert "media 1 (image)" in found[0].message and "confidential" in found[0].message
    poster = Media(alt_text="A poster", text="Summer fair Saturday 10am")
    assert not [f for f in findings("Come along!", media=(poster,)) if f.rule == "media-text"]
    assert [f.severity for f in findings("Our team", personal(), media=(board,)) if f.rule == "media-text"] == ["warn"]
