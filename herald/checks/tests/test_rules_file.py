import pytest

from herald.checks import Draft, RulesError, check, load_rules
from herald.checks.config import DEFAULT_RULES_PATH

DEFAULT = DEFAULT_RULES_PATH.read_text(encoding="utf-8")


def _write(tmp_path, text):
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(text, needle):
    return text[: text.index(needle)].count("\n") + 1


def test_the_bundled_rules_file_loads():
    assert "phone-number" in load_rules().rules


def test_a_toml_syntax_error_names_the_line(tmp_path):
    broken = DEFAULT.replace("max_hashtags = 2", "max_hashtags = = 2", 1)
    with pytest.raises(RulesError, match=rf"line {_line_of(broken, 'max_hashtags = = 2')}"):
        load_rules(_write(tmp_path, broken))


def test_an_unknown_severity_names_the_file_and_line(tmp_path):
    needle = 'severity = { default = "block" }\nmessage = "This looks like a National Insurance'
    broken = DEFAULT.replace(needle, needle.replace('"block"', '"blok"'), 1)
    path = _write(tmp_path, broken)
    with pytest.raises(RulesError) as error:
        load_rules(path)
    assert f"{path}:{_line_of(broken, 'blok')}:" in str(error.value)
    assert "blok" in str(error.value)


def test_an_unknown_category_and_a_bad_threshold_name_their_lines(tmp_path):
    broken = DEFAULT.replace('category = "personal_data"', 'category = "privacy"', 1)
    with pytest.raises(RulesError, match=rf":{_line_of(broken, 'privacy')}: category"):
        load_rules(_write(tmp_path, broken))
    broken = DEFAULT.replace("max_emojis = 3", 'max_emojis = "three"', 1)
    with pytest.raises(RulesError, match=rf":{_line_of(broken, 'three')}: threshold"):
        load_rules(_write(tmp_path, broken))


def test_a_council_can_change_a_severity_and_a_word_list(tmp_path):
    edited = DEFAULT.replace('"crap", "crappy",', '"crap", "crappy", "rubbish",', 1)
    rules = load_rules(_write(tmp_path, edited))
    assert any(f.rule == "mild-profanity" for f in check(Draft("What rubbish"), rules=rules).findings)
    assert not any(f.rule == "mild-profanity" for f in check(Draft("What rubbish")).findings)


def test_the_environment_variable_points_at_a_council_file(tmp_path, monkeypatch):
    path = _write(tmp_path, DEFAULT.replace('"crap", "crappy",', '"crap", "crappy", "rubbish",', 1))
    monkeypatch.setenv("HERALD_CHECK_RULES", str(path))
    assert "rubbish" in load_rules().words["profanity_mild"]


def test_a_mistake_in_the_offensive_rules_own_word_lists_names_the_file_and_line(tmp_path):
    from herald.checks.offensive.words import PATH, load_words

    own = PATH.read_text(encoding="utf-8")
    assert "absolute" in load_words(PATH)["intensifiers"]
    broken = own.replace('"absolute", ', '"absolute ", ', 1)
    with pytest.raises(
        RulesError, match=rf"rules.toml:{_line_of(broken, 'intensifiers = [')}: word list 'intensifiers'"
    ):
        load_words(_write(tmp_path, broken))
    missing = own.replace("maskable = [", "maskables = [", 1)
    with pytest.raises(
        RulesError, match=rf"rules.toml:{_line_of(missing, 'maskables = [')}: unknown word list 'maskables'"
    ):
        load_words(_write(tmp_path, missing))
