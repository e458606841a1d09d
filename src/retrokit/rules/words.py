"""Word lists of the wording rules (W001, W002), where a team adds its own in the config, and
the placeholders that fill a required cell without filling it (A001, A002, A005, A006).

Words are listed once, Simplified or as Taiwan writes them: the text is folded for width, case
and Traditional forms before it is matched (:func:`retrokit.rules.wording.find_word`)."""

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
    "应该是",
    "也许",
    "或许",
    "估计",
    "好像",
    "似乎",
    "肯定是",
    "大家都觉得",
    "大家觉得",
    "大家都认为",
    "I think",
    "I feel",
    "I believe",
    "probably",
    "maybe",
    "perhaps",
    "might",
    "seems",
    "guess",
    "everyone thinks",
    "everyone thought",
    "everyone feels",
    "everyone felt",
    "everybody thinks",
    "everybody feels",
    "we all think",
    "we all feel",
    "we all felt",
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
    "不够努力",
    "没有努力",
    "没努力",
    "不用心",
    "态度有问题",
    "态度问题",
    "态度不好",
    "态度差",
    "工作态度",
    "都怪",
    "摸鱼",
    "打混",
    "lazy",
    "careless",
    "incompetent",
    "didn't try",
    "did not try",
    "not trying",
    "sloppy",
    "irresponsible",
    "blame them",
    "blame him",
    "blame her",
    "is to blame",
    "are to blame",
    "lack of effort",
    "no effort",
    "not hard enough",
    "didn't work hard",
    "did not work hard",
    "bad attitude",
    "poor attitude",
    "attitude problem",
    "work attitude",
    "slacking",
    "slacked off",
)
#: Blame that a word list cannot hold, as patterns on the folded text (Simplified, lower case):
#: 都是小王的错, 肯定是销售不行, "it's all Sales's fault".
BLAME_PATTERNS: tuple[str, ...] = (
    r"都是[^，,。；;！!？?\s]{1,12}的错(?!误)",  # 的错误码 is an error code, not blame
    r"肯定是[^，,。；;！!？?\s]{1,12}不行",
    # Sales's fault, not "no one's fault"; a technical "fault of the gateway" is no blame.
    r"(?<![^\W_])(?<!no )(?!(?:nobody|anyone|anybody|everyone|no-one)'s)[\w-]+'s? fault(?![^\W_])",
)
#: Blame that only an action holds: an action that scolds or punishes a person (批评小王,
#: 記過) fixes no behaviour. In a problem, 客户批评 is a fact.
ACTION_BLAME: tuple[str, ...] = (
    "批评",
    "处分",
    "惩处",
    "记过",
    "扣绩效",
    "扣奖金",
    "reprimand",
    "criticise",
    "criticize",
    "punish",
    "blame",
)
#: Words that hold an opinion word but state no opinion: 可能性 is a noun ("possibility
#: analysis"), 估计值 an estimate; they are skipped where they stand.
NOT_OPINION: tuple[str, ...] = (
    "可能性",
    "估计值",
    "估計值",
    "尽可能",
    "尽量",
)
#: Opinion words that a lesson uses to recommend, not to guess: "下次应该提前备货" is a
#: lesson; "应该是天气原因" (listed as 应该是) is still a guess.
RECOMMENDING: tuple[str, ...] = ("应该", "應該")

#: What people type into a required cell to get past it: nothing, a dash, "same as above", "to
#: be decided", or (as an owner) everybody, which is nobody. A cell that is one of these, or
#: only dashes, dots and question marks, counts as empty. One list for every required-cell
#: rule; matched on the whole cell, folded (全體成員 is 全体成员, ＴＢＤ is tbd).
PLACEHOLDERS: tuple[str, ...] = (
    # zh-CN (Traditional spellings fold to these)
    "无", "没有", "暂无", "暂缺", "无人", "空", "略", "不详", "未知",
    "待定", "待定中", "未定", "待议", "再议", "待讨论", "待补", "待补充", "待填", "待填写",
    "待确认", "待确定", "待分配", "待安排", "尚未决定", "尚未确定",
    "同上", "见上", "如上", "同前", "同左",
    "全体", "全员", "全体成员", "全体人员", "大家", "所有人", "每个人", "相关人员", "相关部门",
    "各部门",
    # zh-TW usage that does not fold to the above
    "未定案", "待釐清", "待商榷",
    # en
    "n/a", "na", "n.a", "none", "nil", "null", "nothing", "no", "unknown", "pending",
    "tbd", "tbc", "tba", "todo", "to do", "to be decided", "to be determined",
    "to be confirmed", "to be assigned", "unassigned", "same as above", "ditto", "see above",
    "as above", "idem", "everyone", "everybody", "all", "all staff", "all hands",
    "the whole team", "whole team", "anyone", "someone", "somebody",
)  # fmt: skip
