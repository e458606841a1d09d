"""Word lists of the wording rules (W001, W002); a team adds its own in the config."""

from __future__ import annotations

OPINION_WORDS: tuple[str, ...] = (
    "我觉得",
    "我認為",
    "我认为",
    "我感觉",
    "感觉",
    "大概",
    "可能",
    "应该",
    "也许",
    "或许",
    "估计",
    "好像",
    "似乎",
    "I think",
    "I feel",
    "I believe",
    "probably",
    "maybe",
    "perhaps",
    "might",
    "seems",
    "guess",
)
BLAME_WORDS: tuple[str, ...] = (
    "不努力",
    "不负责",
    "不認真",
    "不认真",
    "太懒",
    "懒",
    "能力差",
    "能力不行",
    "不上心",
    "敷衍",
    "甩锅",
    "拖后腿",
    "lazy",
    "careless",
    "incompetent",
    "didn't try",
    "did not try",
    "not trying",
    "sloppy",
    "irresponsible",
)
#: Words that hold an opinion word but state no opinion: 可能性 is a noun ("possibility
#: analysis"), 估计值 an estimate; they are skipped where they stand.
NOT_OPINION: tuple[str, ...] = (
    "可能性",
    "估计值",
    "估計值",
)
