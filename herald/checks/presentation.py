"""Accessibility of the text, and each platform's limits counted the way the platform counts."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

import emoji
import regex

from .model import Media

Emit = Callable[..., None]

HASHTAG = re.compile(r"(?<![\w#&/])#([^\W\d_]\w*|\d+[^\W\d_]\w*)")
LINK = re.compile(
    r"(?i)\b(?:https?://|www\.)[^\s<>\"]+[^\s<>\".,;:!?)\]]"
    r"|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:gov\.uk|co\.uk|org\.uk|ac\.uk|nhs\.uk|com|org|net|uk|io|ly)\b"
    r"(?:/[^\s<>\"]*[^\s<>\".,;:!?)\]])?"
)
_WORD = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")
_SENTENCE = re.compile(r"[^.!?\n]*[^\s.!?\n][^.!?\n]*(?:[.!?]+|(?=\n)|$)")
# Mathematical alphanumerics, circled/parenthesised/squared letters, fullwidth letters, small capitals.
_FANCY = re.compile(
    "[\U0001d400-\U0001d7ff\u24b6-\u24e9\u249c-\u24b5\uff21-\uff3a\uff41-\uff5a\U0001f130-\U0001f189"
    "\u1d00-\u1d22\u0299\u029c\u029f\u0280\u026a\u0274\u0262\u028f]+"
    "(?:[\\s\\d.,!?'-]*[\U0001d400-\U0001d7ff\u24b6-\u24e9\u249c-\u24b5\uff21-\uff3a\uff41-\uff5a\U0001f130-\U0001f189"
    "\u1d00-\u1d22\u0299\u029c\u029f\u0280\u026a\u0274\u0262\u028f]+)*"
)
# A cheap test for characters that might be emoji; emoji.emoji_list only runs when it matches.
_MAYBE_EMOJI = re.compile("[\u00a9\u00ae\u203c-\u3299\U0001f000-\U0001faff\ufe0f]")
_SMALL_CAPS = str.maketrans("ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ", "abcdefghijklmnoprstuvwyz")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=1)
def _segmenter():
    import wordsegment

    wordsegment.load()
    return wordsegment


@lru_cache(maxsize=8192)
def camel_case(tag: str, min_length: int) -> str | None:
    """The CamelCase form of a run-together lower-case hashtag, or None when it is one word or unknown."""
    if len(tag) < min_length or not (tag.islower() or tag.isupper()) or not tag.isalpha():
        return None
    segmenter = _segmenter()
    words = segmenter.segment(tag)
    if len(words) < 2 or any(w not in segmenter.UNIGRAMS or (len(w) < 2 and w not in "ai") for w in words):
        return None
    return "".join(w.capitalize() for w in words)


@lru_cache(maxsize=1)
def _hyphenator():
    import pyphen

    return pyphen.Pyphen(lang="en_GB")


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables in a word from the en_GB hyphenation dictionary (as textstat does without cmudict)."""
    word = word.lower()
    by_dictionary = len(_hyphenator().positions(word)) + 1
    by_vowels = len(_VOWEL_GROUPS.findall(word)) - (1 if word.endswith("e") and not word.endswith("le") else 0)
    return max(1, by_dictionary, min(by_vowels, by_dictionary + 1))


def flesch_reading_ease(words: list[str], sentences: int) -> float:
    count = sum(syllables(w) for w in words)
    return 206.835 - 1.015 * (len(words) / max(sentences, 1)) - 84.6 * (count / max(len(words), 1))


def emojis_in(text: str) -> list[dict]:
    first = _MAYBE_EMOJI.search(text)
    if not first:
        return []
    # emoji.emoji_list walks the text in Python; give it only the stretch that can hold emoji.
    start = first.start()
    end = len(text)
    for last in _MAYBE_EMOJI.finditer(text, start):
        end = min(len(text), last.end() + 8)  # room for joiners and modifiers
    found = emoji.emoji_list(text[start:end])
    for item in found:
        item["match_start"] += start
        item["match_end"] += start
    return found


def check_accessibility(text: str, thresholds: dict[str, float], emit: Emit) -> None:
    hashtags = list(HASHTAG.finditer(text))
    max_hashtags = int(thresholds["max_hashtags"])
    for tag in hashtags:
        suggestion = camel_case(tag.group(1), int(thresholds["hashtag_min_segment_length"]))
        if suggestion:
            emit("hashtag-camelcase", tag.start(), tag.end(), detail="#" + suggestion)
    if len(hashtags) > max_hashtags:
        extra = hashtags[max_hashtags]
        emit("hashtag-count", extra.start(), hashtags[-1].end(), detail=str(len(hashtags)), limit=max_hashtags)
    for tag in hashtags:
        rest = HASHTAG.sub("", LINK.sub("", text[tag.end() :]))
        if any(c.isalpha() for c in rest):
            emit("hashtag-position", tag.start(), tag.end())

    found = emojis_in(text)
    if found:
        max_emojis = int(thresholds["max_emojis"])
        if len(found) > max_emojis:
            emit(
                "emoji-count", found[max_emojis]["match_start"], found[-1]["match_end"],
                detail=str(len(found)), limit=max_emojis,
            )  # fmt: skip
        seen: set[str] = set()
        reported: set[str] = set()
        for item in found:
            symbol = item["emoji"]
            if symbol in seen and symbol not in reported:
                emit("emoji-repeat", item["match_start"], item["match_end"])
                reported.add(symbol)
            seen.add(symbol)

    links = list(LINK.finditer(text))
    if len(links) > thresholds["max_links"]:
        emit("link-count", links[int(thresholds["max_links"])].start(), links[-1].end(), detail=str(len(links)))

    limit = int(thresholds["max_sentence_words"])
    all_words: list[str] = []
    sentences = 0
    for sentence in _SENTENCE.finditer(text):
        words = _WORD.findall(LINK.sub("link", sentence.group()))
        if not words:
            continue
        sentences += 1
        all_words += words
        if len(words) > limit:
            start = sentence.start() + (len(sentence.group()) - len(sentence.group().lstrip()))
            emit("long-sentence", start, sentence.end(), detail=str(len(words)), limit=limit)

    run = int(thresholds["all_caps_run_words"])
    if run > 0 and sum(1 for c in text if c.isupper()) >= run * 2:
        caps = re.compile(r"(?<![#@\w])[A-Z][A-Z'’]+(?:[\s,:;&-]+[A-Z][A-Z'’]+){%d,}(?!\w)" % (run - 1))
        for match in caps.finditer(text):
            emit("all-caps", match.start(), match.end())

    if not text.isascii():
        for match in _FANCY.finditer(text):
            plain = unicodedata.normalize("NFKC", match.group()).translate(_SMALL_CAPS)
            emit("fancy-text", match.start(), match.end(), detail=plain)

    if len(all_words) >= thresholds["readability_min_words"]:
        score = flesch_reading_ease([w for w in all_words if w.isalpha()] or all_words, sentences)
        if score < thresholds["readability_min_score"]:
            emit("readability", None, None, detail=f"{score:.0f}")


_X_ONE_CHAR = re.compile(r"[\u0000-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037]")
_X_WEIGHT_ONE = re.compile(r"[\u0000-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037]*")


def x_weighted_length(text: str, limit: int = 280) -> tuple[int, int | None]:
    """X's weighted length and the index of the first character over the limit (None if within).

    twitter-text's parse_tweet costs about a millisecond per call, so estimate first (weight 1 for
    Latin and common punctuation, 2 for everything else, 23 per link) and only ask twitter-text
    when the estimate is within 30 of the limit.
    """
    links = LINK.findall(text) if "." in text else []
    estimate = len(text) - sum(len(link) for link in links) + 23 * len(links)
    if not _X_WEIGHT_ONE.fullmatch(text):
        estimate += sum(1 for c in text if not _X_ONE_CHAR.match(c))
    if estimate <= limit - 30:
        return estimate, None
    if estimate > limit + 30 and text.isascii() and not links:
        return estimate, limit
    return _x_parse(text)


def _x_parse(text: str) -> tuple[int, int | None]:
    from twitter_text import parse_tweet

    result = parse_tweet(text)
    over = None if result.valid or not text else min(len(text), result.validRangeEnd + 1)
    return result.weightedLength, over


def graphemes(text: str) -> int:
    if text.isascii():
        return len(text) - text.count("\r\n")
    return len(regex.findall(r"\X", text))


def _grapheme_index(text: str, limit: int) -> int:
    for count, match in enumerate(regex.finditer(r"\X", text)):
        if count == limit:
            return match.start()
    return len(text)


def check_platform(
    text: str, platform: str, spec: dict, media: tuple[Media, ...], hashtag_count: int, emit: Emit
) -> None:
    limit = spec["max_length"]
    method = spec.get("count", "chars")
    over_at: int | None = None
    if method == "x-weighted":
        length, over_at = x_weighted_length(text, limit)
        if length > limit and over_at is None:
            over_at = min(len(text), limit)
    elif method == "graphemes":
        length = len(text) if text.isascii() else graphemes(text)
        if length > limit:
            over_at = _grapheme_index(text, limit)
    else:
        length = len(text)
        over_at = limit
    if length > limit:
        unit = "characters" if method != "graphemes" else "characters (graphemes)"
        emit(
            "length", over_at, len(text), detail=f"{length} {unit}", limit=f"{limit} on {platform}",
            over=f"{length - limit} {unit}",
        )  # fmt: skip
    if "max_hashtags" in spec and hashtag_count > spec["max_hashtags"]:
        emit("platform-hashtags", None, None, detail=str(hashtag_count), limit=spec["max_hashtags"])
    required = spec.get("media_required", False)
    if required == "video" and not any(m.kind == "video" for m in media):
        emit("media-required", None, None, detail="a video")
    elif required is True and not media:
        emit("media-required", None, None, detail="a photo or video")
    if "max_media" in spec and len(media) > spec["max_media"]:
        emit("media-count", None, None, detail=str(len(media)), limit=spec["max_media"])

