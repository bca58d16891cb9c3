"""Text as the app stores, shows and compares it, written once:

- stored in one normal form (NFC), so that "Lefèvre" typed and "Lefe\u0300vre" pasted from
  a PDF are the same string;
- invisible characters that can make a text read as another (a bidi override, a
  zero-width space) are found, while those a real script needs where they stand (ZWNJ in
  Persian, ZWJ in Devanagari and in emoji, a soft hyphen inside a word) are not;
- two names are the same name when they look the same: compared normalised, case-folded,
  and without the invisible characters a name may hold (same_name).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


def normal(text: str) -> str:
    """Text as it is stored: Unicode NFC."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


# --- invisible characters ---------------------------------------------------------------
#
# Refused in a name (and written out in free text) is every invisible formatting character
# (Unicode category Cf) where no script needs it, and the Hangul fillers, letters that draw
# nothing. That covers the bidi controls, which reorder what is shown (embeddings,
# overrides and isolates U+202A–202E, U+2066–2069, and the marks U+200E, U+200F, U+061C:
# a name in one script is ordered right by itself, while a mark can move the neutral
# characters of an address around), and the characters that hide in a text: zero-width
# space U+200B, word joiner U+2060, U+FEFF, the invisible operators, the tags.
_FILLERS = frozenset("\u115f\u1160\u3164\uffa0")
_ZWNJ, _ZWJ, _SOFT_HYPHEN = "\u200c", "\u200d", "\u00ad"
_BLACK_FLAG, _CANCEL_TAG = "\U0001f3f4", "\U000e007f"
_TAGS = range(0xE0020, 0xE0080)  # after a black flag: a region's flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿)
# Scripts that join their letters or form conjuncts, and use ZWNJ/ZWJ to say how: Persian
# "فاطمه‌سادات" (ZWNJ between the two names), Devanagari "क्‍ष", Sinhala "ශ්‍රී".
_JOINING_SCRIPTS = frozenset(
    [
        "ARABIC",
        "SYRIAC",
        "NKO",
        "MANDAIC",
        "MONGOLIAN",
        "DEVANAGARI",
        "BENGALI",
        "GURMUKHI",
        "GUJARATI",
        "ORIYA",
        "TAMIL",
        "TELUGU",
        "KANNADA",
        "MALAYALAM",
        "SINHALA",
        "KHMER",
        "MYANMAR",
        "TIBETAN",
        "LIMBU",
    ]
)
_EMOJI_MODIFIERS = range(0x1F3FB, 0x1F400)  # skin tones
_EMOJI_PRESENTATION = "\ufe0f"


def _suspect(ch: str) -> bool:
    return unicodedata.category(ch) == "Cf" or ch in _FILLERS


def _joins(ch: str) -> bool:
    """A letter or mark of a script that uses ZWNJ/ZWJ."""
    return (
        ch != ""
        and unicodedata.category(ch)[0] in "LM"
        and unicodedata.name(ch, "").split(" ", 1)[0] in _JOINING_SCRIPTS
    )


def _pictograph(ch: str) -> bool:
    """Part of an emoji, as far as a ZWJ sequence (👩‍💻, 🏳️‍🌈, 👩🏽‍🔬) goes."""
    return ch != "" and (
        unicodedata.category(ch) == "So" or ord(ch) in _EMOJI_MODIFIERS or ch == _EMOJI_PRESENTATION
    )


def _in_flag(text: str, i: int) -> bool:
    """Whether the tag character at i belongs to a region's flag: a black flag, tags, and
    a cancel tag."""
    start = i
    while start > 0 and ord(text[start - 1]) in _TAGS:
        start -= 1
    end = i
    while end < len(text) and ord(text[end]) in _TAGS and text[end] != _CANCEL_TAG:
        end += 1
    return (
        start > 0
        and text[start - 1] == _BLACK_FLAG
        and end < len(text)
        and text[end] == _CANCEL_TAG
    )


def _needed(text: str, i: int) -> bool:
    """Whether the invisible character at i is one a real name needs where it stands: a
    soft hyphen inside a word; ZWNJ/ZWJ between letters of a script that uses them (ZWJ
    also after a sign at a word's end: Malayalam's older chillu, "അവന്‍"); ZWJ inside an
    emoji sequence; the tags of a region's flag."""
    ch = text[i]
    before = text[i - 1] if i else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if ch == _SOFT_HYPHEN:
        return before.isalpha() and after.isalpha()
    if ch in (_ZWNJ, _ZWJ) and _joins(before):
        if _joins(after):
            return True
        return ch == _ZWJ and unicodedata.category(before) == "Mn" and not after.strip()
    if ch == _ZWJ:
        return _pictograph(before) and _pictograph(after)
    if ord(ch) in _TAGS:
        return _in_flag(text, i)
    return False


def disguising(text: str) -> tuple[int, ...]:
    """Where the text holds an invisible character that can make it read as another
    (U+202E shows `Maja \u202emoc.live@live` as "Maja live@live.com") or hide in it."""
    if text.isascii() or not any(_suspect(ch) for ch in set(text)):
        return ()  # each distinct character once: a long text is checked in a moment
    return _disguising(text)


@lru_cache(maxsize=256)
def _disguising(text: str) -> tuple[int, ...]:
    # Remembered: the review and the report show the same notes again after every edit,
    # and a long Persian note has a joiner in every other word.
    return tuple(i for i, ch in enumerate(text) if _suspect(ch) and not _needed(text, i))


def has_invisible(text: str) -> bool:
    """Any invisible character at all, needed or not (an address or a number has no use
    for one: a soft hyphen or a joiner would make two addresses look alike)."""
    return not text.isascii() and any(_suspect(ch) for ch in set(text))


def visible(text: str) -> str:
    """Free text for showing: the invisible characters that can disguise it written out as
    ⟨U+202E⟩, so that they cannot turn or hide the text around them. The stored text is
    unchanged."""
    found = disguising(text)
    if not found:
        return text
    out = list(text)
    for i in found:
        out[i] = f"⟨U+{ord(text[i]):04X}⟩"
    return "".join(out)


# --- the same name ----------------------------------------------------------------------

# Characters that draw nothing (or, a soft hyphen, only at a line's end): two names that
# differ by them look the same. (The Unicode "default ignorable" code points.)
_IGNORABLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)


def name_key(name: str) -> str:
    """A name as rules compare it: compatibility-normalised (NFKC: "ｅ" is "e"),
    case-folded, without invisible characters, its words separated by single spaces. Also
    right for text an older version stored without normalising it."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    return " ".join(_IGNORABLE.sub("", folded).split())


def same_name(a: str, b: str) -> bool:
    """Whether two names look the same to a reader ("Lefèvre", "LEFE\u0300VRE")."""
    return name_key(a) == name_key(b)


def name_words(name: str) -> set[str]:
    """The words of a name as rules compare them (see name_key)."""
    return set(re.findall(r"\w+", name_key(name)))
