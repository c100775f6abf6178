"""The offensive-language rules' own word lists, read from ``rules.toml`` beside this module.

They are how the rules read a sentence (which words strengthen an insult, which verbs start a threat,
which nouns are also animals), tuned with the patterns that use them, so they ship with the engine. The
lists a council edits are in ``herald/checks/rules.toml`` (``Rules.words``). Read once, at import, the
same way as the council's file: ``tomllib``, then every list checked, a mistake named by file and line.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..config import RulesError, _Validator

PATH = Path(__file__).with_name("rules.toml")
LISTS = (
    "threat_stems", "maskable", "animal_words", "group_attack_cues", "intensifiers", "strong_intensifiers",
    "strong_before_any", "strong_for_literal", "frame_adverbs", "to_someone", "literal", "praise_or_pest",
    "not_these", "not_fragment", "nonhuman", "dismissal_cues", "uncountable", "self_evident",
)  # fmt: skip


@dataclass(frozen=True)
class Words:
    lists: dict[str, tuple[str, ...]]
    leet: dict[str, str]  # a digit or symbol -> the letter it stands for

    def __getitem__(self, name: str) -> tuple[str, ...]:
        return self.lists[name]


def load_words(path: Path = PATH) -> Words:
    try:
        source = path.read_text(encoding="utf-8")
        data = tomllib.loads(source)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise RulesError(f"{path}: {exc}") from exc
    where = _Validator(source, str(path))
    if data.get("version") != 1:
        raise where.fail("version must be 1", None, "version")
    for name in data:
        if name not in ("version", "leet", "words"):
            raise where.fail(f"unknown section or key {name!r}", name if isinstance(data[name], dict) else None, name)
    leet = data.get("leet", {})
    for key, value in leet.items():
        if len(key) != 1 or not isinstance(value, str) or len(value) != 1:
            raise where.fail('each disguise stands for one letter, e.g. "4" = "a"', "leet", key)
    words = data.get("words", {})
    for key, value in words.items():
        if key not in LISTS:
            raise where.fail(f"unknown word list {key!r}", "words", key)
        if not isinstance(value, list) or not all(isinstance(v, str) and v and v == v.strip() for v in value):
            raise where.fail(f"word list {key!r} must be a list of words without surrounding spaces", "words", key)
    missing = [name for name in LISTS if name not in words]
    if missing:
        raise where.fail(f"missing word lists: {', '.join(missing)}", "words")
    return Words(lists={key: tuple(value) for key, value in words.items()}, leet=dict(leet))


WORDS = load_words()
