"""The one catalogue of user-facing text, keyed by language code.

Every entry gives the text of each language that derives from no other (zh-CN and en); a language
that derives from another (zh-TW from zh-CN, see :mod:`retrokit.i18n.languages`) gets its source's
text converted unless the entry spells its own out, as where OpenCC's wording is not the one a
Taiwanese reader expects. Adding a language adds its code to every entry.

Sheet, column and list-value labels are not here: they live with their declaration in
:mod:`retrokit.workbook.schema`. Read it through :func:`retrokit.i18n.t`, which imports this
module on first use.
"""

from __future__ import annotations

CATALOGUE: dict[str, dict[str, str]] = {
    # --- files and the command line ------------------------------------------------------
    "err.exists": {
        "zh-CN": "{path}：文件已存在，未做任何修改。要覆盖请加 --force。",
        "en": "{path}: file already exists and was left unchanged; add --force to overwrite it.",
    },
    "err.no_folder": {
        "zh-CN": "{path}：文件夹 {folder} 不存在，请先创建它或换一个路径。",
        "en": "{path}: folder {folder} does not exist; create it first or choose another path.",
    },
    "err.suffix": {
        "zh-CN": "{path}：文件名必须以 .xlsx 结尾，例如 复盘.xlsx。",
        "en": "{path}: the file name must end in .xlsx, for example retro.xlsx.",
    },
    "err.locked": {
        "zh-CN": "{path}：该文件正在 Excel/WPS 中打开（旁边有锁文件 {lock}），请先关闭它再重试。",
        "en": "{path}: the file is open in Excel/WPS (lock file {lock} beside it); close it and retry.",
    },
    "err.write": {
        "zh-CN": "{path}：写入失败（{reason}）；已有的同名文件不受影响。",
        "en": "{path}: could not write ({reason}); any existing file is unchanged.",
    },
    "err.lang": {
        "zh-CN": "不支持的语言 {value}，可选：zh-CN、zh-TW、en。",
        "zh-TW": "不支援的語言 {value}，可選：zh-CN、zh-TW、en。",
        "en": "unsupported language {value}; choose zh-CN, zh-TW or en.",
    },
    "err.choice": {
        "zh-CN": "{option} 只能是 {choices}，不能是 {value}。",
        "en": "{option} must be {choices}, not {value}.",
    },
    "err.format_suffix": {
        "zh-CN": "{path}：后缀 {suffix} 与输出格式 {format} 不符，请改用 {expected} 结尾的文件名，"
        "或去掉 --format 让后缀决定格式。",
        "en": "{path}: the suffix {suffix} does not match the format {format}; name the file "
        "with {expected}, or leave out --format and let the suffix choose.",
    },
    "err.output_is_input": {
        "zh-CN": "{path}：输出文件就是要读取的工作簿，写入会覆盖它；请用 -o 另选一个文件。",
        "en": "{path}: the output is one of the workbooks being read and would overwrite it; "
        "choose another file with -o.",
    },
    "err.rule_ambiguous": {
        "zh-CN": "“{code}”对应 {count} 条规则，请只给一个规则代码，例如 K001。",
        "zh-TW": "「{code}」對應 {count} 條規則，請只給一個規則代碼，例如 K001。",
        "en": "'{code}' names {count} rules; give one code, e.g. K001.",
    },
    "err.date_option": {
        "zh-CN": "日期 {value} 无法识别，请写成 2024-08-01、2024/8/1 或 2024年8月1日。",
        "en": "date {value} not understood; write it as 2024-08-01, 2024/8/1 or 2024年8月1日.",
    },
    "err.threshold": {
        "zh-CN": "阈值 {value} 无效，请给 0 到 1 之间的小数，例如 0.9。",
        "en": "threshold {value} is not valid; give a fraction between 0 and 1, e.g. 0.9.",
    },
    "err.internal": {
        "zh-CN": "内部错误（{error}），这是 retrokit 的缺陷，请附上该文件报告问题。",
        "en": "internal error ({error}); this is a retrokit bug, please report it with the file.",
    },
    "err.config": {
        "zh-CN": "配置错误（{where}）：{detail}",
        "en": "configuration error ({where}): {detail}",
    },
    "err.no_files": {
        "zh-CN": "{path}：没有找到 .xlsx/.xlsm 工作簿",
        "en": "{path}: no .xlsx/.xlsm workbooks found",
    },
    "err.unreadable": {
        "zh-CN": "{path}：无法读取：{reason}",
        "en": "{path}: cannot be read: {reason}",
    },
    "reason.missing": {"zh-CN": "文件不存在", "en": "the file does not exist"},
    "reason.is_dir": {"zh-CN": "这是一个文件夹，不是文件", "en": "it is a folder, not a file"},
    "reason.empty": {"zh-CN": "文件是空的（0 字节）", "en": "the file is empty (0 bytes)"},
    "reason.encrypted": {
        "zh-CN": "文件有密码保护，请在 Excel/WPS 中取消密码后另存为 .xlsx",
        "en": "the file is password-protected; remove the password in Excel/WPS and save it again",
    },
    "reason.xls": {
        "zh-CN": "这个 .xls 文件已损坏或格式异常，无法读取；请在 Excel/WPS 中打开后另存为 .xlsx",
        "en": "this .xls file is damaged or malformed and cannot be read; open it in Excel/WPS "
        "and save it as .xlsx",
    },
    "reason.ods": {
        "zh-CN": "这个 OpenDocument 表格（.ods）已损坏或格式异常，无法读取；请在 LibreOffice 中打开后另存为 .xlsx",
        "en": "this OpenDocument spreadsheet (.ods) is damaged or malformed and cannot be read; "
        "open it in LibreOffice and save it as .xlsx",
    },
    "reason.not_spreadsheet": {
        "zh-CN": "不是电子表格文件，内容是文本或网页，请用 Excel/WPS 打开确认后另存为 .xlsx",
        "en": "not a spreadsheet: the file holds text or HTML; open it in Excel/WPS to check "
        "it and save it as .xlsx",
    },
    "reason.unknown_format": {
        "zh-CN": "不是电子表格文件，无法识别其格式，请用 Excel/WPS 打开确认后另存为 .xlsx",
        "en": "not a spreadsheet: the file is not .xlsx and its format is unknown",
    },
    "reason.bad_zip": {
        "zh-CN": "文件已损坏或不完整（zip 结构错误：{detail}），请重新保存或从备份恢复",
        "en": "the file is damaged or truncated (broken zip: {detail}); save it again or restore a copy",
    },
    "reason.no_workbook": {
        "zh-CN": "压缩包里没有工作簿（缺少 xl/workbook.xml），不是 Excel 文件",
        "en": "the zip holds no workbook part (xl/workbook.xml is missing); it is not an Excel file",
    },
    "reason.strict": {
        "zh-CN": "这是“Strict Open XML”格式，请在 Excel 中另存为普通的“Excel 工作簿 (.xlsx)”",
        "en": "the file is Strict Open XML; save it in Excel as a normal 'Excel Workbook (.xlsx)'",
    },
    "reason.no_sheets": {"zh-CN": "工作簿中没有任何工作表", "en": "the workbook has no worksheets"},
    "reason.corrupt": {
        "zh-CN": "文件内容已损坏（{detail}），请在 Excel/WPS 中打开并重新保存",
        "en": "the file content is damaged ({detail}); open it in Excel/WPS and save it again",
    },
    "reason.zip_bomb": {
        "zh-CN": "解压后超出安全上限：{what}为 {value}，上限 {limit}（可用 {option} 调高）",
        "en": "beyond a safety limit after unpacking: {what} is {value}, limit {limit} "
        "(raise it with {option})",
    },
    "reason.too_many_cells": {
        "zh-CN": "工作表“{sheet}”的单元格范围过大（{extent}），上限 {limit} 个单元格"
        "（可用 {option} 调高），请删除远处的空单元格",
        "en": "sheet '{sheet}' spans too many cells ({extent}), limit {limit} cells "
        "(raise it with {option}); delete stray far-away cells",
    },
    "reason.crashed": {
        "zh-CN": "读取时读取器崩溃或超出内存上限，文件可能已损坏，请在 Excel/WPS 中重新保存",
        "en": "the reader crashed or ran out of memory on it; the file may be damaged, save it "
        "again in Excel/WPS",
    },
    "reason.xlsb": {
        "zh-CN": "这个 Excel 二进制工作簿（.xlsb）已损坏或格式异常，无法读取；请在 Excel 中打开后另存为 .xlsx",
        "en": "this Excel binary workbook (.xlsb) is damaged or malformed and cannot be read; "
        "open it in Excel and save it as .xlsx",
    },
    "reason.numbers": {
        "zh-CN": "Apple Numbers 文件，请在 Numbers 中导出为 Excel (.xlsx)",
        "en": "an Apple Numbers file; export it to Excel (.xlsx) from Numbers",
    },
    "reason.lock_file": {
        "zh-CN": "这是 Office 的锁文件（~$ 开头），不是工作簿",
        "en": "this is an Office lock file (~$...), not a workbook",
    },
    # --- findings: {where} is Sheet!C5 ---------------------------------------------------
    "S001": {
        "zh-CN": "缺少工作表“{sheet}”，请按模板添加它（可用 retrokit init 生成模板）。",
        "en": "sheet '{sheet}' is missing; add it as in the template (retrokit init makes one).",
    },
    "S002": {
        "zh-CN": "工作表“{sheet}”缺少必填列“{column}”，请在表头行中添加这一列。",
        "en": "sheet '{sheet}' lacks the required column '{column}'; add it to the header row.",
    },
    "S003": {
        "zh-CN": "“{column}”为必填项，但这里是空的，请补充。",
        "en": "'{column}' is required but empty here; fill it in.",
    },
    "S003.field": {
        "zh-CN": "基本信息缺少必填项“{column}”，请在字段名旁边填写。",
        "en": "Basic info lacks the required field '{column}'; fill in its value.",
    },
    "V001": {
        "zh-CN": "“{column}”的值“{value}”不是可识别的数字，请写成 5000、500万、5% 或 1:3 这样的形式。",
        "en": "'{column}' value '{value}' is not a number; write it like 5000, 5M, 5% or 1:3.",
    },
    "V002": {
        "zh-CN": "“{column}”的值“{value}”不是可识别的日期，请写成 2024-08-10 这样的形式。",
        "en": "'{column}' value '{value}' is not a date; write it like 2024-08-10.",
    },
    "V002.order": {
        "zh-CN": "结束日期 {end} 早于开始日期 {start}，请检查两个日期。",
        "en": "end date {end} is before start date {start}; check both dates.",
    },
    "V003": {
        "zh-CN": "“{column}”的值“{value}”不在可选列表中，请改为其中之一：{choices}。",
        "en": "'{column}' value '{value}' is not in its list; pick one of: {choices}.",
    },
    "V004": {
        "zh-CN": "指标“{metric}”的达成率无法计算（{reason}），请检查目标值和实际值。",
        "en": "the achievement rate of '{metric}' is undefined ({reason}); check target and actual.",
    },
    "V004.zero": {"zh-CN": "目标值为 0", "en": "the target is 0"},
    "V004.signs": {
        "zh-CN": "数值的正负使比值没有意义",
        "en": "the signs make the ratio meaningless",
    },
    "V005": {
        "zh-CN": "指标“{metric}”的目标值和实际值形式不一致（一个是百分比，一个不是）：在两者写成同一形式之前，"
        "表格自身公式算出的达成率和结果与 retrokit 不同（例如目标 5%、实际 4，表格显示 8000% 超额完成，"
        "retrokit 按 4% 算出 80% 未完成）。请统一写法。",
        "en": "'{metric}': target and actual are in different forms (one a percentage, one not): "
        "until both are written the same way, the sheet's own formulas show a different "
        "achievement and result from retrokit's (a target of 5% and an actual of 4: the sheet "
        "shows 8000% exceeded, retrokit reads 4% and says 80% missed); write both the same way.",
    },
    "V006": {
        "zh-CN": "“{column}”单元格中的 {cached} 与重新计算的 {computed} 不一致，请恢复公式或更新该值。",
        "en": "'{column}' holds {cached} but recomputing gives {computed}; restore the formula "
        "or update the value.",
    },
    "K001": {
        "zh-CN": "指标“{metric}”{status}，但没有分析简述，请写明原因。",
        "en": "'{metric}' was {status} but has no analysis; say why.",
    },
    "K002": {
        "zh-CN": "没有任何 KPI 行，请在“{sheet}”中填写目标和实际值。",
        "en": "there are no KPI rows; fill targets and actuals in '{sheet}'.",
    },
    "K002.core": {
        "zh-CN": "没有标记任何核心指标，请在“核心指标”列中把最重要的 2-3 个标为“是”。",
        "en": "no KPI is marked core; mark the 2-3 that matter most as 'Yes' in 'Core'.",
    },
    "K003": {
        "zh-CN": "核心指标“{metric}”未完成，但问题与行动表中没有任何问题关联到它，"
        "请添加一行并在“关联指标”中写上它。",
        "en": "core KPI '{metric}' was missed but no problem names it; add one with this metric "
        "in its 'Metric' column.",
    },
    "A001": {
        "zh-CN": "改进措施没有责任人，请填写具体负责的人。",
        "en": "the action has no owner; name the person responsible.",
    },
    "A002": {
        "zh-CN": "改进措施没有完成时间，请填写日期，例如 2024-08-10。",
        "en": "the action has no due date; give one, e.g. 2024-08-10.",
    },
    "A003": {
        "zh-CN": "预期效果“{value}”不可衡量，请写出数字目标，例如“注册转化率提升到 5.5%”。",
        "en": "expected effect '{value}' is not measurable; give a number, e.g. "
        "'registration conversion up to 5.5%'.",
    },
    "A004": {
        "zh-CN": "改进措施已逾期：完成时间 {due}，状态仍为“{status}”。已做完请把状态改为“{done}”；"
        "还要做请定一个新的完成时间。",
        "en": "the action is overdue: due {due}, status still '{status}'. If it is done, set its "
        "status to '{done}'; if not, give it a new due date.",
    },
    "A005": {
        "zh-CN": "问题没有根因分析，请用 5-Why 追问到根本原因。",
        "en": "the problem has no root cause; ask 5-Why until you reach it.",
    },
    "A006": {
        "zh-CN": "问题没有改进措施，请写明要做什么。",
        "en": "the problem has no action; say what will be done.",
    },
    "A007": {
        "zh-CN": "高影响问题有 {count} 个，复盘应聚焦最重要的 2-3 个。",
        "en": "{count} problems are rated high impact; focus on the 2-3 that matter most.",
    },
    "L001": {
        "zh-CN": "经验没有效果数据，请补充数字或案例作为证据。",
        "en": "the lesson has no evidence; add numbers or a case.",
    },
    "L002": {
        "zh-CN": "经验没有适用场景，请写明下次在什么情况下使用。",
        "en": "the lesson has no applicable scenario; say where to reuse it.",
    },
    "W001": {
        "zh-CN": "“{column}”中有主观表述“{word}”，请用事实和数据代替。",
        "en": "'{column}' uses opinion wording '{word}'; state facts and numbers instead.",
    },
    "W002": {
        "zh-CN": "“{column}”中有针对人的指责“{word}”，请描述行为和事实（例如“跟进平均慢了 3 天”）。",
        "en": "'{column}' blames people ('{word}'); describe behaviour, e.g. "
        "'follow-up took 3 days longer'.",
    },
    "R001": {
        "zh-CN": "问题环节“{area}”在其他复盘中也出现过：{files}。反复出现说明机制本身需要改变。",
        "en": "problem area '{area}' also came up in: {files}. A recurring area means the "
        "mechanism itself must change.",
    },
    "D001": {
        "zh-CN": "复盘日期 {review} 距活动结束 {end} 已有 {days} 个工作日，建议在 3-5 个工作日内复盘。",
        "en": "the review on {review} came {days} working days after the end on {end}; hold it "
        "within 3-5 working days.",
    },
    "F001": {"zh-CN": "文件无法读取：{reason}", "en": "the file cannot be read: {reason}"},
    "F002": {
        "zh-CN": "Office 锁文件被提交了，请删除它并把 ~$* 加入 .gitignore。",
        "en": "an Office lock file was committed; delete it and add ~$* to .gitignore.",
    },
    # --- rule documentation: why (from the method) and an example fix ------------------
    "doc.F001": {
        "zh-CN": "文件无法作为工作簿读取（空文件、不是 zip、被截断、没有工作簿、有密码、旧版 .xls）。"
        "读不了的文件等于没有检查，所以这条总是作为错误报告，不能忽略或降级。\n"
        "修复：在 Excel/WPS 中打开，取消密码，另存为 .xlsx。",
        "en": "The file cannot be read as a workbook (empty, not a zip, truncated, no workbook, "
        "password-protected, legacy .xls). A file that cannot be read was checked for nothing, "
        "so this is always reported as an error: it cannot be ignored or lowered.\nFix: open "
        "it in Excel/WPS, remove any password, save as .xlsx.",
    },
    "doc.F002": {
        "zh-CN": "Office 锁文件（~$复盘.xlsx）是编辑时的临时文件，不应提交。\n"
        "修复：删除它，并在 .gitignore 中加入 ~$*。",
        "en": "An Office lock file (~$retro.xlsx) is a temporary file of an open editor and "
        "must not be committed.\nFix: delete it and add ~$* to .gitignore.",
    },
    "doc.S001": {
        "zh-CN": "复盘需要四张表：基本信息、KPI评估、问题与行动、经验沉淀。\n"
        "修复：用 retrokit init 生成模板，把内容复制进对应的表。",
        "en": "A review needs four sheets: Basic Info, KPI Evaluation, Problems & Actions, "
        "Lessons.\nFix: make a template with retrokit init and copy your content in.",
    },
    "doc.S002": {
        "zh-CN": "缺少必填列时无法检查内容。\n修复：在表头行加上该列，例如“目标值”。",
        "en": "Without a required column the content cannot be checked.\nFix: add the column "
        "to the header row, e.g. 'Target'.",
    },
    "doc.S003": {
        "zh-CN": "必填项为空的行无法评估。\n修复：补上该单元格，例如给 KPI 填写实际值。",
        "en": "A row with an empty required cell cannot be evaluated.\nFix: fill the cell, "
        "e.g. the KPI's actual value.",
    },
    "doc.V001": {
        "zh-CN": "无法识别的数字会让达成率无法计算。\n修复：写成 5000、500万、5%、1:3 等形式。",
        "en": "A number that cannot be read leaves the achievement rate unknown.\nFix: write "
        "it as 5000, 5M, 5% or 1:3.",
    },
    "doc.V002": {
        "zh-CN": "日期无法识别或结束早于开始。不写年份的日期（7月15日、8/10）按开始日期的年份读取"
        "（比开始日期早 90 天以上的算作下一年）；1990 年以前或 2099 年以后的日期（如把 8.10 "
        "存成了数字 8.1）不是活动日期。年份写在最后的日期，大于 12 的那个数是日（7/20/2024、"
        "20/07/2024 都是 7月20日）；两个数都不大于 12（8/10/2024）时可能是 8月10日 也可能是 10月8日，不予猜测，"
        "除非旁边写的星期只对得上其中一个（8/10/2024 Sat 是 8月10日）。"
        "写在一个单元格中的活动时间（活动时间：2024-07-01 至 2024-07-15）补上没有填写的开始日期和结束日期；"
        "与已填写的开始日期或结束日期不一致时（V002.span，警告），采用已填写的日期。"
        "\n修复：写成 2024-08-10，并检查起止日期。",
        "en": "A date cannot be read, or the end is before the start. A date without a year "
        "(7月15日, 8/10) takes the start date's year (the next year when that is more than 90 "
        "days before the start); a date before 1990 or after 2099 (8.10 stored as the number "
        "8.1) is no campaign date. With the year last, the number over 12 is the day "
        "(7/20/2024, 20/07/2024); 8/10/2024 could be August 10 or 8 October and is not "
        "guessed, unless a weekday beside it fits one reading only (8/10/2024 Sat is August "
        "10). A campaign period typed in one cell (Campaign period: 2024-07-01 to 2024-07-15) "
        "fills in a start or end date left empty; where it disagrees with a start or end date "
        "typed in its own cell (V002.span, a warning), the date in its own cell is used."
        "\nFix: write 2024-08-10 and check both dates.",
    },
    "doc.V003": {
        "zh-CN": "列表外的值无法统计。\n修复：从下拉列表中选择，例如状态选“进行中”。",
        "en": "A value outside its list cannot be counted.\nFix: pick from the dropdown, e.g. "
        "status 'In progress'.",
    },
    "doc.V004": {
        "zh-CN": "目标为 0 或正负号使比值无意义时，达成率无法计算。\n修复：改用有意义的目标，或改写指标"
        "（例如把“投诉减少到 0”写成越低越好的投诉数）。",
        "en": "With a zero target, or signs that make the ratio meaningless, there is no "
        "achievement rate.\nFix: set a meaningful target or restate the metric.",
    },
    "doc.V005": {
        "zh-CN": "目标写成 5%、实际写成 4，容易算错：表格自身的公式按 4 除以 5% 显示 8000% 超额完成，"
        "retrokit 按 4% 算出 80% 未完成，两者写成同一形式之前会一直不同。比率类指标一个写成小数、一个写成"
        "百分点（0.12 和 11）时，retrokit 按 12% 和 11% 计算并提示。目标与实际用了不同币种（HK$ 和 NT$）时，"
        "不计算达成率；两者相差五十倍以上时，多半是单位不一致（如漏写“万”），达成率照算并提示。"
        "\n修复：两者都写成百分比：5% 和 4%；金额换算成同一币种；数值按同一单位填写。",
        "en": "A target of 5% beside an actual of 4 is easy to misread: the sheet's own formulas "
        "divide 4 by 5% and show 8000% exceeded, while retrokit reads 4% and says 80% missed, "
        "until both are written the same way. A rate typed as a fraction in one cell and in "
        "percent points in the other (0.12 and 11) is read as 12% and 11%, and said. Amounts in "
        "two currencies (HK$ and NT$) get no achievement; figures fifty times apart are most "
        "likely typed in two units (a 10k or M left out): their achievement is computed, and "
        "said.\nFix: write both as percentages: 5% and 4%; amounts in one currency; figures in "
        "one unit.",
    },
    "doc.V006": {
        "zh-CN": "表格里的差异值、达成率或结果与 retrokit 不一致会误导读者：手填的值覆盖了公式、"
        "公式结果没有重新计算、团队自己的公式算法不同，或目标值/实际值的写法表格公式算得不一样"
        "（例如 1:3 被存成时间）。\n修复：按提示恢复公式、重新计算后保存、核对自己的公式，"
        "或把数值改写成表格能计算的形式。",
        "en": "A gap, achievement or result the sheet shows differently from retrokit misleads "
        "readers: a value typed over the formula, a formula result not recalculated, a team's "
        "own formula that computes otherwise, or a target or actual the sheet's formulas read "
        "differently (1:3 stored as a time).\nFix: as the message says, restore the formula, "
        "recalculate and save, check your own formula, or retype the value in a form the "
        "sheet computes.",
    },
    "doc.K001": {
        "zh-CN": "未完成和超额完成都需要分析原因，否则无法沉淀经验。\n修复：在“分析简述”中写明原因，"
        "例如“抖音达成 120%，其他渠道 60%”。",
        "zh-TW": "未完成和超額完成都需要分析原因，否則無法沉澱經驗。\n修復：在「分析簡述」中寫明原因，例如「抖音達成 120%，其他通路 60%」。",
        "en": "Misses and surprising wins both need a cause, or nothing is learned.\nFix: "
        "write why in 'Analysis', e.g. 'Douyin 120%, other channel 60%'.",
    },
    "doc.K002": {
        "zh-CN": "复盘要聚焦最重要的目标。\n修复：填写 KPI 行，并把 2-3 个标为核心指标。",
        "en": "A review focuses on the goals that matter most.\nFix: fill KPI rows and mark 2-3 as core.",
    },
    "doc.K003": {
        "zh-CN": "未完成的核心指标必须进入问题分析。\n修复：在问题与行动表中加一行，关联指标写该指标。",
        "en": "A missed core KPI must be analysed as a problem.\nFix: add a problem row with "
        "this metric in its 'Metric' column.",
    },
    "doc.A001": {
        "zh-CN": "没有责任人的行动不会被执行；“待定”“同上”“全体”“大家”这样的占位内容也算没有责任人。"
        "\n修复：写具体的人或部门，例如“李策划”“市场部”。",
        "en": "An action without an owner does not get done; a placeholder such as 'TBD', "
        "'same as above' or 'everyone' is no owner either.\nFix: name a person or a team, "
        "e.g. 'Li' or 'Marketing team'.",
    },
    "doc.A002": {
        "zh-CN": "没有期限的行动无法跟踪；“待定”“TBD”这样的占位内容也算没有期限。"
        "\n修复：写完成时间，例如 2024-08-10。",
        "en": "An action without a due date cannot be tracked; a placeholder such as 'TBD' is "
        "no date either.\nFix: give one, e.g. 2024-08-10.",
    },
    "doc.A003": {
        "zh-CN": "不可衡量的效果无法在下次复盘时检验。\n修复：写“注册转化率提升到 5.5%”，而不是“提升转化”。",
        "en": "An effect without a number cannot be checked next time.\nFix: write "
        "'registration conversion to 5.5%', not 'improve conversion'.",
    },
    "doc.A004": {
        "zh-CN": "逾期的行动需要跟进或调整。\n修复：完成后把状态改为“已完成”，或调整完成时间。",
        "en": "An overdue action needs follow-up.\nFix: set the status to 'Done' when done, "
        "or move the due date.",
    },
    "doc.A005": {
        "zh-CN": "不找到根因，问题会反复出现；“无”“-”“同上”“n/a”这样的占位内容也算没有根因。"
        "\n修复：用 5-Why 追问：转化低 → 跳出率高 → 图片加载慢。",
        "en": "Without the root cause the problem comes back; a placeholder such as 'none', "
        "'-', 'same as above' or 'n/a' is no root cause either.\nFix: ask 5-Why: low "
        "conversion -> high bounce -> slow images.",
    },
    "doc.A006": {
        "zh-CN": "只有问题没有行动，复盘就没有产出；“-”“同上”“待定”这样的占位内容也算没有行动。"
        "\n修复：写具体措施，例如“注册从 5 步减到 3 步”。",
        "en": "A problem without an action produces nothing; a placeholder such as '-', "
        "'same as above' or 'TBD' is no action either.\nFix: write a concrete action, "
        "e.g. 'cut sign-up from 5 steps to 3'.",
    },
    "doc.A007": {
        "zh-CN": "面面俱到等于没有重点。\n修复：只把影响最大的 2-3 个问题标为高影响。",
        "en": "Trying to fix everything fixes nothing.\nFix: rate only the 2-3 largest "
        "problems as high impact.",
    },
    "doc.L001": {
        "zh-CN": "没有数据的经验难以让人信服。\n修复：补充效果数据，例如“新客占比 +20%”。",
        "en": "A lesson without evidence does not convince.\nFix: add numbers, e.g. "
        "'new-customer share +20%'.",
    },
    "doc.L002": {
        "zh-CN": "不写适用场景，下次不知道何时复用。\n修复：写明场景，例如“规则复杂的促销活动”。",
        "en": "Without a scenario nobody knows when to reuse it.\nFix: say where, e.g. "
        "'promotions with complex rules'.",
    },
    "doc.W001": {
        "zh-CN": "观点代替事实会让复盘失去说服力，写进经验里还会被下一次活动照搬。检查分析简述、问题描述、"
        "根因分析和经验内容。\n修复：把“我觉得转化低”改成“转化率 4%，目标 5%”。",
        "en": "Opinions instead of facts weaken the review, and in a lesson the next campaign "
        "copies them. Analyses, problems, root causes and lessons are checked.\nFix: replace "
        "'I think conversion was low' with 'conversion 4%, target 5%'.",
    },
    "doc.W002": {
        "zh-CN": "指责个人而不描述行为，会让团队回避问题。检查分析简述、问题描述、根因分析、经验内容和改进措施"
        "（“批评小王”不是改进）。\n修复：把“销售不努力”改成“销售跟进平均慢 3 天”。",
        "en": "Blaming people makes the team hide problems. Analyses, problems, root causes, "
        "lessons and actions are checked (reprimanding someone is no action).\nFix: replace "
        "'sales didn't try' with 'sales follow-up took 3 days longer on average'.",
    },
    "doc.R001": {
        "zh-CN": "同一环节在多次复盘中反复出问题，说明机制本身需要改变。\n修复：针对该环节设计机制性的改进。",
        "en": "A problem area that comes back review after review means the mechanism must "
        "change.\nFix: address the mechanism of that area, not just this instance.",
    },
    "doc.D001": {
        "zh-CN": "复盘应在活动结束后 3-5 个工作日内进行，记忆和数据才新鲜。\n修复：下次提前安排复盘日期。",
        "en": "Hold the review 3-5 working days after the end, while memory and data are "
        "fresh.\nFix: schedule the next review date in advance.",
    },
    # --- labels -------------------------------------------------------------------------
    "label.na": {"zh-CN": "无法计算", "zh-TW": "無法計算", "en": "n/a"},
    "label.lower_better": {"zh-CN": "越低越好", "en": "lower is better"},
    "label.overdue": {"zh-CN": "已逾期", "en": "overdue"},
    "label.unrated": {"zh-CN": "无法评估", "en": "unrated"},
    "report.chart_subset": {
        "zh-CN": "图中为 {shown} 个 KPI（先是核心指标，再是达成率最低的），全部 {total} 个见上表。",
        "en": "The chart shows {shown} of the {total} KPIs (the core ones, then the lowest rates); "
        "the table above lists them all.",
    },
    "terminal.more_rows": {
        "zh-CN": "……另有 {count} 行未在终端列出。完整结果：--format json，或用 retrokit report 生成报告。",
        "zh-TW": "……另有 {count} 列未在終端機列出。完整結果：--format json，或用 retrokit report 產生報告。",
        "en": "… {count} more rows not listed in the terminal. Everything: --format json, or "
        "retrokit report.",
    },
    "terminal.more_findings": {
        "zh-CN": "……另有 {count} 条检查结果未列出。完整列表：retrokit lint，或 --format json。",
        "en": "… {count} more findings not listed. All of them: retrokit lint, or --format json.",
    },
    "err.export_suffix": {
        "zh-CN": "{path}：导出文件须以 .xlsx、.csv 或 .sqlite 结尾",
        "en": "{path}: export to a .xlsx, .csv or .sqlite file",
    },
    "carried.label": {"zh-CN": "{file} 第 {row} 行", "en": "{file}, row {row}"},
    "R002": {
        "zh-CN": "该行动已连续 {times} 次延续到新的复盘且没有进展（{chain}），请完成、调整或取消它。",
        "en": "this action was carried over {times} times without progress ({chain}); finish, "
        "change or drop it.",
    },
    "doc.R002": {
        "zh-CN": "一再延续却没有进展的行动说明它不可行或没人负责。\n修复：把它拆小、换责任人，或明确取消。",
        "en": "An action carried from review to review without progress is not feasible or "
        "not owned.\nFix: split it, give it a new owner, or drop it explicitly.",
    },
    "compare.title": {
        "zh-CN": "跨活动复盘对比",
        "zh-TW": "跨活動復盤比較",
        "en": "Campaigns compared",
    },
    "compare.campaigns": {"zh-CN": "各活动概况", "en": "Campaigns"},
    "compare.metrics": {"zh-CN": "指标达成率变化", "en": "Achievement over time"},
    "compare.areas": {"zh-CN": "反复出现的问题环节", "en": "Recurring problem areas"},
    "compare.causes": {"zh-CN": "反复出现的根因", "en": "Recurring root causes"},
    "compare.carried": {"zh-CN": "多次延续的行动", "en": "Actions carried over more than once"},
    "compare.effects": {"zh-CN": "行动是否带动了关联指标", "en": "Did actions move their metric?"},
    "compare.period": {"zh-CN": "周期", "en": "Period"},
    "compare.open": {"zh-CN": "未完成行动", "en": "Open actions"},
    "compare.overdue": {"zh-CN": "逾期行动", "en": "Overdue actions"},
    "compare.core_missed": {"zh-CN": "未完成核心指标", "en": "Core KPIs missed"},
    "compare.files": {"zh-CN": "出现于", "en": "Seen in"},
    "compare.times": {"zh-CN": "延续次数", "en": "Times carried"},
    "compare.before": {"zh-CN": "之前", "en": "Before"},
    "compare.after": {"zh-CN": "之后", "en": "After"},
    "compare.rose": {"zh-CN": "上升", "en": "Rose"},
    "compare.yes": {"zh-CN": "是", "en": "yes"},
    "compare.no": {"zh-CN": "否", "en": "no"},
    "lessons.campaign": {"zh-CN": "活动", "en": "Campaign"},
    "lessons.date": {"zh-CN": "日期", "en": "Date"},
    "warn.skipped": {"zh-CN": "已跳过 {path}：{reason}", "en": "skipped {path}: {reason}"},
    # --- the report ------------------------------------------------------------------------
    "report.title": {
        "zh-CN": "{project} 复盘报告",
        "zh-TW": "{project} 復盤報告",
        "en": "{project}: retrospective",
    },
    "report.untitled": {"zh-CN": "未命名活动", "zh-TW": "未命名活動", "en": "Untitled campaign"},
    "report.key_question": {"zh-CN": "核心问题", "en": "Key question"},
    "report.summary": {
        "zh-CN": "共 {total} 个 KPI：超额完成 {exceeded} 个，基本完成 {met} 个，未完成 {missed} 个。",
        "en": "{total} KPIs: {exceeded} exceeded, {met} met, {missed} missed.",
    },
    "report.unrated": {"zh-CN": "{count} 个无法评估。", "en": "{count} could not be rated."},
    "report.core_missed": {
        "zh-CN": "未完成的核心指标：{metrics}。",
        "en": "Core KPIs missed: {metrics}.",
    },
    "report.core_ok": {"zh-CN": "核心指标全部达成。", "en": "Every core KPI was reached."},
    "report.goals": {"zh-CN": "目标回顾", "en": "Goal review"},
    "report.basic_info": {"zh-CN": "基本信息", "en": "Basic information"},
    "report.kpis": {"zh-CN": "KPI 达成情况", "en": "KPI results"},
    "report.chart_rates": {
        "zh-CN": "各 KPI 达成率（虚线为 100%）",
        "en": "Achievement per KPI (dashed line: 100%)",
    },
    "report.highlights": {"zh-CN": "亮点（超额完成）", "en": "Highlights (exceeded)"},
    "report.misses": {
        "zh-CN": "问题（未完成，差距最大的在前）",
        "en": "Misses (largest shortfall first)",
    },
    "report.none": {"zh-CN": "无", "en": "None"},
    "report.actions": {
        "zh-CN": "问题与改进行动（按优先级）",
        "en": "Problems and actions (by priority)",
    },
    "report.matrix": {"zh-CN": "影响 × 难度矩阵", "en": "Impact x effort matrix"},
    "report.lessons": {"zh-CN": "经验沉淀", "en": "Lessons"},
    "report.findings": {"zh-CN": "数据质量检查", "en": "Data quality"},
    "report.no_findings": {"zh-CN": "未发现数据质量问题。", "en": "No data-quality findings."},
    "report.as_of": {"zh-CN": "统计日期 {date}", "en": "As of {date}"},
    "report.of_target": {"zh-CN": "为目标的 {share}", "en": "{share} of target"},
    "report.core": {"zh-CN": "核心", "en": "core"},
    "report.why_chain": {"zh-CN": "5-Why", "en": "5-Why"},
    "report.owner_due": {"zh-CN": "{owner}，{due} 前", "en": "{owner}, by {due}"},
    "report.generated": {
        "zh-CN": "由 retrokit {version} 生成",
        "en": "Generated by retrokit {version}",
    },
    "report.where": {"zh-CN": "位置", "en": "Where"},
    "report.code": {"zh-CN": "规则", "en": "Rule"},
    "report.message": {"zh-CN": "说明", "en": "Message"},
    "report.priority": {"zh-CN": "优先级", "en": "Priority"},
    "report.metric": {"zh-CN": "指标", "en": "Metric"},
    # --- the scaffold ---------------------------------------------------------------------
    "label.field": {"zh-CN": "字段", "zh-TW": "欄位", "en": "Field"},
    "label.value": {"zh-CN": "内容", "zh-TW": "內容", "en": "Value"},
    "sheet.instructions": {"zh-CN": "填写说明", "zh-TW": "填寫說明", "en": "How to fill"},
    "prompt.title": {"zh-CN": "填写提示", "en": "What to type"},
    "prompt.list": {"zh-CN": "从下拉列表中选择：{choices}", "en": "Pick from the list: {choices}"},
    "prompt.date": {"zh-CN": "日期，例如 2024-08-10", "en": "A date, e.g. 2024-08-10"},
    "prompt.number": {
        "zh-CN": "数字，可写 5000、500万、5%、1:3",
        "en": "A number: 5000, 5M, 5%, 1:3",
    },
    "prompt.formula": {
        "zh-CN": "自动计算，请勿手填",
        "en": "Computed by formula; do not type here",
    },
    "error.title": {"zh-CN": "输入无效", "en": "Invalid entry"},
    "instructions": {
        "zh-CN": "营销活动复盘工作簿 · 填写说明\n"
        "1. 基本信息：填写项目名称、起止日期、负责人和本次复盘的核心问题（例如“首月销量为何未达标？”）。\n"
        "2. KPI评估：每行一个量化目标。填写维度、指标名称、目标值和实际值；差异值、达成率和结果由公式自动计算。"
        "数字可写 5000、500万、5%、1:3；成本类指标越低越好，方向可在“方向”列注明。"
        "把最重要的 2-3 个指标标为核心指标；未完成和超额完成的指标都要写分析简述。\n"
        "3. 问题与行动：每个问题写清事实（带数字），用 5-Why 追问根因（可用 → 连接），"
        "再写改进措施、责任人、完成时间和可衡量的预期效果，并评估影响程度和实施难度。\n"
        "4. 经验沉淀：记录可复制的成功经验、需要改进的教训和意外发现，写明适用场景和效果数据。\n"
        "常见误区：\n"
        "· 用观点代替事实：避免“我觉得”“大概”“可能”，请给出数据。\n"
        "· 指责个人而不是描述行为：写“跟进平均慢了 3 天”，而不是“销售不努力”。\n"
        "· 行动含糊：“提升转化”不够，要有责任人、日期和可衡量的效果。\n"
        "· 面面俱到：聚焦影响最大的 2-3 个问题。\n"
        "完成后运行 retrokit lint 检查、retrokit report 生成报告。",
        "en": "Campaign retrospective workbook - how to fill it in\n"
        "1. Basic Info: the project name, start and end dates, owner, and the key question of "
        "this review (e.g. 'Why did first-month sales miss the target?').\n"
        "2. KPI Evaluation: one quantitative goal per row. Fill dimension, metric, target and "
        "actual; gap, achievement and result are computed by formulas. Numbers may be written "
        "5000, 5M, 5%, 1:3; cost metrics are lower-is-better, or say so in 'Direction'. Mark the "
        "2-3 most important KPIs as core; explain every missed or exceeded KPI in 'Analysis'.\n"
        "3. Problems & Actions: state each problem as a fact with a number, drill to the root "
        "cause with 5-Why (chain it with ->), then the action, owner, due date and a measurable "
        "expected effect; rate impact and effort.\n"
        "4. Lessons: what to copy, what to improve and what surprised you, with where it applies "
        "and the evidence.\n"
        "Pitfalls:\n"
        "- Opinions instead of facts: avoid 'I think', 'probably', 'maybe'; give numbers.\n"
        "- Blaming people instead of describing behaviour: write 'follow-up took 3 days "
        "longer', not 'sales didn't try hard'.\n"
        "- Vague actions: 'improve conversion' needs an owner, a date and a measurable effect.\n"
        "- Trying to fix everything: focus on the 2-3 problems with the largest effect.\n"
        "When done, run retrokit lint to check and retrokit report for the report.",
    },
    # --- the deck (retrokit report --format pptx) --------------------------------------------
    "err.deck_template": {
        "zh-CN": "{path}：无法作为 PowerPoint 母版读取：{reason}；请给一个 .pptx 文件。",
        "en": "{path}: cannot be read as a PowerPoint master: {reason}; give a .pptx file.",
    },
    "err.deck_layout": {
        "zh-CN": "{path}：母版缺少所需的版式：{missing}。",
        "en": "{path}: the master lacks a layout the deck needs: {missing}.",
    },
    "deck.layout.title": {
        "zh-CN": "标题幻灯片（标题和副标题占位符）",
        "en": "a title slide (title and subtitle placeholders)",
    },
    "deck.layout.content": {
        "zh-CN": "标题和内容（标题和正文占位符）",
        "en": "title and content (title and body placeholders)",
    },
    "deck.contents": {"zh-CN": "目录", "en": "Contents"},
    "deck.continued": {"zh-CN": "{title}（续）", "en": "{title} (continued)"},
    "deck.presenter": {"zh-CN": "汇报人：{name}", "en": "Presented by {name}"},
    "deck.s.overview": {"zh-CN": "项目概述", "en": "Project overview"},
    "deck.s.strategy": {"zh-CN": "策略回顾", "en": "Strategy review"},
    "deck.s.execution": {"zh-CN": "执行过程", "en": "Execution"},
    "deck.s.results": {"zh-CN": "成果数据", "en": "Results"},
    "deck.s.challenges": {"zh-CN": "挑战与经验", "en": "Challenges and lessons"},
    "deck.s.improvements": {"zh-CN": "改进建议", "en": "Improvements"},
    "deck.period": {"zh-CN": "活动周期", "en": "Period"},
    "deck.period_value": {"zh-CN": "{start} 至 {end}", "en": "{start} to {end}"},
    "deck.core_goals": {"zh-CN": "核心目标", "en": "Core goals"},
    "deck.goals": {"zh-CN": "目标", "en": "Goals"},
    "deck.overall": {"zh-CN": "整体达成", "en": "Overall achievement"},
    "deck.by_channel": {
        "zh-CN": "分渠道达成率",
        "zh-TW": "分通路達成率",
        "en": "Achievement by channel",
    },
    "deck.problems": {"zh-CN": "问题与根因", "en": "Problems and root causes"},
    "deck.surprises": {"zh-CN": "意外发现", "en": "Surprises"},
    "deck.root_cause": {"zh-CN": "根因", "en": "Root cause"},
    "deck.rate": {"zh-CN": "达成率", "en": "Achievement"},
    "deck.count": {"zh-CN": "KPI 数", "en": "KPIs"},
    "deck.actions": {"zh-CN": "改进行动（按优先级）", "en": "Actions by priority"},
    "deck.full_text": {
        "zh-CN": "幻灯片上缩短的完整内容：",
        "en": "Shortened on the slide, in full:",
    },
    "deck.note.title": {
        "zh-CN": "今天我来复盘{project}，数据统计截至 {date}。",
        "en": "Today I review {project}, with figures as of {date}.",
    },
    "deck.note.contents": {
        "zh-CN": "我们分{count}部分来看：{sections}。",
        "en": "We go through {count} parts: {sections}.",
    },
    "deck.note.section": {
        "zh-CN": "第{number}部分：{title}。",
        "en": "Part {number}: {title}.",
    },
    "deck.note.question": {
        "zh-CN": "这次复盘要回答的核心问题是：{question}",
        "en": "The question this review answers: {question}",
    },
    "deck.note.info": {
        "zh-CN": "先交代一下背景：{facts}。",
        "en": "First the background: {facts}.",
    },
    "deck.note.goals": {
        "zh-CN": "我们定了 {count} 个目标，最关键的是：{goals}。",
        "en": "We set {count} goals; the ones that matter most: {goals}.",
    },
    "deck.note.gaps": {
        "zh-CN": "差距最大的是：{items}。",
        "en": "The biggest gaps: {items}.",
    },
    "deck.note.gap": {"zh-CN": "{metric}（达成率 {rate}）", "en": "{metric} at {rate}"},
    "deck.note.rates": {
        "zh-CN": "每根柱子是一个 KPI 的达成率，颜色对应结果：绿色超额完成，黄色基本完成，红色未完成。",
        "en": "Each bar is one KPI's achievement rate, coloured by its result: green exceeded, "
        "amber met, red missed.",
    },
    "deck.note.channel": {
        "zh-CN": "分渠道看，{best}表现最好，{worst}最弱。",
        "zh-TW": "分通路看，{best}表現最好，{worst}最弱。",
        "en": "By channel, {best} did best and {worst} weakest.",
    },
    "deck.note.problems": {
        "zh-CN": "我们找出 {count} 个问题，每个都用 5-Why 追问到根因：{items}。",
        "en": "We found {count} problems and asked 5-Why down to each root cause: {items}.",
    },
    "deck.note.problem": {
        "zh-CN": "{problem}，根因是{cause}",
        "en": "{problem}, rooted in {cause}",
    },
    "deck.note.lessons": {
        "zh-CN": "{category}共 {count} 条，最值得记住的是：{first}",
        "en": "{category}: {count} in all; the one to remember: {first}",
    },
    "deck.note.asks": {
        "zh-CN": "需要大家支持的行动：{items}。",
        "en": "The actions we ask for: {items}.",
    },
    "deck.note.overdue": {
        "zh-CN": "其中 {count} 项已逾期，需要马上跟进。",
        "en": "Overdue among them: {count}, to follow up now.",
    },
    "deck.note.matrix": {
        "zh-CN": "横轴是实施难度，纵轴是影响程度；左上角是高影响、低难度，应当优先做。",
        "en": "Effort runs across, impact up; the top left is high impact for low effort: "
        "do those first.",
    },
    "deck.note.table": {
        "zh-CN": "这一页列出第 {first} 至 {last} 项，共 {total} 项。",
        "en": "This slide lists items {first} to {last} of {total}.",
    },
    "deck.rates_title": {"zh-CN": "各 KPI 达成率", "en": "Achievement per KPI"},
    "reason.ambiguous_package": {
        "zh-CN": "文件的内部结构可以有两种读法（{detail}），为安全起见拒绝读取；请在 Excel/WPS 中打开并重新保存",
        "en": "the file's parts could be read two ways ({detail}), so it is refused for safety; "
        "open it in Excel/WPS and save it again",
    },
    "reason.too_many_cells_total": {
        "zh-CN": "各工作表合计的单元格范围过大（{value}），上限 {limit} 个单元格（可用 {option} 调高）",
        "en": "the sheets read span too many cells in all ({value}), limit {limit} cells "
        "(raise it with {option})",
    },
    "reason.too_much_text": {
        "zh-CN": "共享文本被大量单元格重复引用，展开后过大（读到工作表“{sheet}”时为 {value} 字节），"
        "上限 {limit} 字节（可用 {option} 调高）",
        "en": "shared text used by many cells is too large once expanded ({value} bytes by "
        "sheet '{sheet}'), limit {limit} bytes (raise it with {option})",
    },
    "reason.too_many_merged": {
        "zh-CN": "工作表“{sheet}”的合并单元格覆盖过多单元格（{value}），上限 {limit} 个单元格"
        "（可用 {option} 调高）",
        "en": "sheet '{sheet}' has merged ranges covering too many cells ({value}), limit "
        "{limit} cells (raise it with {option})",
    },
    "V004.range": {
        "zh-CN": "目标值与实际值相差的数量级过大，比值超出可表示的范围",
        "en": "target and actual are so far apart that their ratio cannot be represented",
    },
    "reason.timeout": {
        "zh-CN": "读取超过 {seconds} 秒仍未完成，已停止（可用 --timeout 调高）",
        "en": "reading took longer than {seconds} s and was stopped (raise it with --timeout)",
    },
    "reason.os_error": {
        "zh-CN": "无法打开文件（{detail}）",
        "en": "the file cannot be opened ({detail})",
    },
    "err.timeout": {
        "zh-CN": "--timeout 须为正数（秒），收到 {value}",
        "en": "--timeout must be a positive number of seconds, got {value}",
    },
    # issue 16: the terminal's header for the achievement bar and the priority column
    "terminal.progress": {"zh-CN": "进度", "en": "Progress"},
    "terminal.priority": {"zh-CN": "优先级", "en": "Priority"},
    "terminal.grades": {"zh-CN": "影响/难度", "en": "Impact/effort"},
    "err.folder_exists": {
        "zh-CN": "{path}：文件夹已存在，未做改动；加 --force 覆盖其中的表格。",
        "en": "{path}: folder exists and was left unchanged; add --force to overwrite its tables.",
    },
    "err.example_from": {
        "zh-CN": "--example 与 --from 不能同时使用：示例是填好的样例，--from 从上一次复盘开始。",
        "zh-TW": "--example 與 --from 不能同時使用：範例已填好內容，--from 從上一次復盤開始。",
        "en": "--example and --from cannot be used together: the example is a filled-in sample, "
        "--from starts from a previous review.",
    },
    "export.campaign": {"zh-CN": "活动", "en": "Campaign"},
    "export.file": {"zh-CN": "文件", "zh-TW": "檔案", "en": "File"},
    "export.kpis": {"zh-CN": "KPI 数", "en": "KPIs"},
    "export.exceeded": {"zh-CN": "超额完成", "en": "Exceeded"},
    "export.met": {"zh-CN": "基本完成", "en": "Met"},
    "export.missed": {"zh-CN": "未完成", "en": "Missed"},
    "export.unrated": {"zh-CN": "无法评估", "en": "Unrated"},
    "export.reached_share": {"zh-CN": "达成占比", "en": "Share reached"},
    "export.row": {"zh-CN": "行号", "zh-TW": "列號", "en": "Row"},
    "export.unit": {"zh-CN": "单位", "en": "Unit"},
    "export.result": {"zh-CN": "结果", "en": "Result"},
    "export.why_chain": {"zh-CN": "5-Why 链", "en": "5-Why chain"},
    "export.priority": {"zh-CN": "优先级", "en": "Priority"},
    "export.overdue": {"zh-CN": "已逾期", "en": "Overdue"},
    # issue 16: help texts, click's words and usage errors in the user's language. zh-TW is
    # spelled out (OpenCC s2twp + Taiwan vocabulary; tests/test_ux_help.py checks they agree)
    # so that --help never loads OpenCC.
    "help.app": {
        "zh-CN": "营销活动复盘工作簿：填写、分析、出报告、检查。",
        "zh-TW": "行銷活動復盤活頁簿：填寫、分析、出報告、檢查。",
        "en": "Marketing campaign retrospectives (复盘) as checkable workbooks.",
    },
    "help.lang": {
        "zh-CN": "输出语言：zh-CN、zh-TW 或 en。",
        "zh-TW": "輸出語言：zh-CN、zh-TW 或 en。",
        "en": "Language of the output: zh-CN, zh-TW or en.",
    },
    "help.today": {
        "zh-CN": "判断行动是否逾期所用的日期（例如 2024-08-01）。",
        "zh-TW": "判斷行動是否逾期所用的日期（例如 2024-08-01）。",
        "en": "Date to judge overdue actions against (e.g. 2024-08-01).",
    },
    "help.threshold": {
        "zh-CN": "达成率达到多少算基本完成（0.9）。",
        "zh-TW": "達成率達到多少算基本完成（0.9）。",
        "en": "Achievement rate from which a KPI counts as met (0.9).",
    },
    "help.config": {
        "zh-CN": "配置文件（retrokit.toml 或 pyproject.toml）。",
        "zh-TW": "設定檔（retrokit.toml 或 pyproject.toml）。",
        "en": "Config file (retrokit.toml or pyproject.toml).",
    },
    "help.output": {
        "zh-CN": "写入此文件（- 表示标准输出）；扩展名决定格式。",
        "zh-TW": "寫入此檔案（- 表示標準輸出）；副檔名決定格式。",
        "en": "Write here (- for stdout); the suffix picks the format.",
    },
    "help.paths": {
        "zh-CN": "工作簿或文件夹。",
        "zh-TW": "活頁簿或資料夾。",
        "en": "Workbooks or folders.",
    },
    "help.max_cells": {
        "zh-CN": "拒绝各工作表合计单元格范围超过此数的文件（8,000,000）。",
        "zh-TW": "拒絕各工作表合計儲存格範圍超過此數的檔案（8,000,000）。",
        "en": "Refuse sheets spanning more cells in all (8,000,000).",
    },
    "help.max_unpacked": {
        "zh-CN": "拒绝解压后超过此大小的文件（256 MiB）。",
        "zh-TW": "拒絕解壓縮後超過此大小的檔案（256 MiB）。",
        "en": "Refuse files unpacking beyond this (256 MiB).",
    },
    "help.max_ratio": {
        "zh-CN": "拒绝压缩比超过此值的压缩包成员（200）。",
        "zh-TW": "拒絕壓縮比超過此值的壓縮檔成員（200）。",
        "en": "Refuse zip members compressed beyond (200).",
    },
    "help.max_file": {
        "zh-CN": "拒绝超过此大小的文件（64 MiB）。",
        "zh-TW": "拒絕超過此大小的檔案（64 MiB）。",
        "en": "Refuse larger files (64 MiB).",
    },
    "help.version": {
        "zh-CN": "显示版本。",
        "zh-TW": "顯示版本。",
        "en": "Show the version.",
    },
    "help.format_compare": {
        "zh-CN": "table、json、html 或 md。",
        "zh-TW": "table、json、html 或 md。",
        "en": "table, json, html or md.",
    },
    "help.search": {
        "zh-CN": "要查找的文字。",
        "zh-TW": "要查詢的文字。",
        "en": "Text to look for.",
    },
    "help.category": {
        "zh-CN": "成功经验、改进教训或意外发现（或 success、lesson、surprise）。",
        "zh-TW": "成功經驗、改進教訓或意外發現（或 success、lesson、surprise）。",
        "en": "success, lesson or surprise (or 成功经验, 改进教训, 意外发现).",
    },
    "help.format_lessons": {
        "zh-CN": "table、md、csv 或 json。",
        "zh-TW": "table、md、csv 或 json。",
        "en": "table, md, csv or json.",
    },
    "help.to": {
        "zh-CN": ".xlsx、.csv（每张表一个文件的文件夹）或 .sqlite。",
        "zh-TW": ".xlsx、.csv（每張表一個檔案的資料夾）或 .sqlite。",
        "en": "A .xlsx, .csv (folder of tables) or .sqlite.",
    },
    "help.force": {
        "zh-CN": "覆盖已有文件。",
        "zh-TW": "覆蓋已有檔案。",
        "en": "Overwrite an existing file.",
    },
    "help.headers": {
        "zh-CN": "列标题的语言：zh-CN、zh-TW 或 en（默认：字段键名）。",
        "zh-TW": "欄標題的語言：zh-CN、zh-TW 或 en（預設：欄位鍵名）。",
        "en": "Column headers in zh-CN, zh-TW or en (default: keys).",
    },
    "help.rule_code": {
        "zh-CN": "规则代码（A001）或名称。",
        "zh-TW": "規則代碼（A001）或名稱。",
        "en": "A rule code (A001) or name.",
    },
    "help.lint_paths": {
        "zh-CN": "要检查的工作簿或文件夹。",
        "zh-TW": "要檢查的活頁簿或資料夾。",
        "en": "Workbooks or folders to check.",
    },
    "help.format_lint": {
        "zh-CN": "text、concise、json、json-lines、github、sarif 或 junit（或 $RETROKIT_OUTPUT_FORMAT）。",
        "zh-TW": "text、concise、json、json-lines、github、sarif 或 junit（或 $RETROKIT_OUTPUT_FORMAT）。",
        "en": "text, concise, json, json-lines, github, sarif or junit (or $RETROKIT_OUTPUT_FORMAT).",
    },
    "help.lint_output": {
        "zh-CN": "写入此文件。",
        "zh-TW": "寫入此檔案。",
        "en": "Write here.",
    },
    "help.select": {
        "zh-CN": "要检查的规则。",
        "zh-TW": "要檢查的規則。",
        "en": "Rules to check.",
    },
    "help.ignore": {
        "zh-CN": "要跳过的规则。",
        "zh-TW": "要跳過的規則。",
        "en": "Rules to skip.",
    },
    "help.extend_select": {
        "zh-CN": "额外加入的规则。",
        "zh-TW": "額外加入的規則。",
        "en": "Rules to add.",
    },
    "help.strict": {
        "zh-CN": "警告也算失败。",
        "zh-TW": "警告也算失敗。",
        "en": "Warnings fail too.",
    },
    "help.exit_zero": {
        "zh-CN": "总是以 0 退出。",
        "zh-TW": "總是以 0 退出。",
        "en": "Always exit 0.",
    },
    "help.statistics": {
        "zh-CN": "按规则代码列出数量。",
        "zh-TW": "按規則代碼列出數量。",
        "en": "Print counts per rule code.",
    },
    "help.isolated": {
        "zh-CN": "忽略配置文件。",
        "zh-TW": "忽略設定檔。",
        "en": "Ignore config files.",
    },
    "help.init_path": {
        "zh-CN": "要创建的工作簿（.xlsx）。",
        "zh-TW": "要建立的活頁簿（.xlsx）。",
        "en": "Workbook to create (.xlsx).",
    },
    "help.example": {
        "zh-CN": "填入示例（2024 年夏季促销）。",
        "zh-TW": "填入範例（2024 年夏季促銷）。",
        "en": "Fill in the worked example (2024 summer promotion).",
    },
    "help.from": {
        "zh-CN": "从上一次复盘开始：沿用其 KPI 列表和未完成的行动。",
        "zh-TW": "從上一次復盤開始：沿用其 KPI 清單和未完成的行動。",
        "en": "Start from a previous review: its KPI list and open actions.",
    },
    "help.workbook": {
        "zh-CN": "填好的复盘或活动方案工作簿。",
        "zh-TW": "填好的復盤或活動方案活頁簿。",
        "en": "The filled retrospective or campaign plan workbook.",
    },
    "help.format_analyze": {
        "zh-CN": "table 或 json。",
        "zh-TW": "table 或 json。",
        "en": "table or json.",
    },
    "help.format_report": {
        "zh-CN": "html、md 或 pptx。",
        "zh-TW": "html、md 或 pptx。",
        "en": "html, md or pptx.",
    },
    "help.report_output": {
        "zh-CN": "写入位置（默认：工作簿旁边；- 表示标准输出）。",
        "zh-TW": "寫入位置（預設：活頁簿旁邊；- 表示標準輸出）。",
        "en": "Where to write (default: beside the workbook; - for stdout).",
    },
    "help.cmd.compare": {
        "zh-CN": "对比多次活动：结果变化、反复出现的问题、延续的行动。",
        "zh-TW": "比較多次活動：結果變化、反覆出現的問題、延續的行動。",
        "en": "Compare campaigns: results over time, recurring problems, carried-over actions.",
    },
    "help.cmd.lessons": {
        "zh-CN": "汇总所有工作簿的经验，可跨简繁体搜索：团队的经验库。",
        "zh-TW": "彙總所有活頁簿的經驗，可跨簡繁體搜尋：團隊的經驗庫。",
        "en": "Every lesson from every workbook, searchable across scripts: the team's library.",
    },
    "help.cmd.export": {
        "zh-CN": "把活动、KPI、问题和经验导出为整洁的表格，供 BI 工具使用。",
        "zh-TW": "把活動、KPI、問題和經驗匯出為整潔的表格，供 BI 工具使用。",
        "en": "Export campaigns, KPIs, problems and lessons as tidy tables for a BI tool.",
    },
    "help.cmd.rules": {
        "zh-CN": "列出检查规则：代码、名称、级别、说明。",
        "zh-TW": "列出檢查規則：代碼、名稱、級別、說明。",
        "en": "List the rule catalogue: code, name, severity, summary.",
    },
    "help.cmd.rule": {
        "zh-CN": "解释一条规则：为什么重要、如何修复。",
        "zh-TW": "解釋一條規則：為什麼重要、如何修復。",
        "en": "Explain one rule: why it matters and how to fix it.",
    },
    "help.cmd.lint": {
        "zh-CN": "像代码检查器检查代码一样检查工作簿；有错误时以 1 退出。",
        "zh-TW": "像程式碼檢查器檢查程式碼一樣檢查活頁簿；有錯誤時以 1 退出。",
        "en": "Check workbooks the way a code linter checks code; exit 1 on errors.",
    },
    "help.cmd.init": {
        "zh-CN": "创建新的复盘或活动方案工作簿，可在 Excel、WPS 或 LibreOffice 中填写。",
        "zh-TW": "建立新的復盤或活動方案活頁簿，可在 Excel、WPS 或 LibreOffice 中填寫。",
        "en": "Create a new retrospective or campaign plan workbook to fill in Excel, WPS or "
        "LibreOffice.",
    },
    "help.cmd.analyze": {
        "zh-CN": "计算复盘的达成率、差异、结果标签、行动优先级和逾期行动，或活动方案的关键路径、预算和目标进度。",
        "zh-TW": "計算復盤的達成率、差異、結果標籤、行動優先順序和逾期行動，或活動方案的關鍵路徑、預算和目標進度。",
        "en": "Compute a retrospective's achievement rates, gaps, labels, action priorities and "
        "overdue actions, or a campaign plan's critical path, budget and pacing.",
    },
    "help.cmd.report": {
        "zh-CN": "把复盘写成独立的 HTML 页面、GitHub Markdown 或 PowerPoint 演示文稿（pptx），"
        "把活动方案写成 HTML 页面或 GitHub Markdown。",
        "zh-TW": "把復盤寫成獨立的 HTML 頁面、GitHub Markdown 或 PowerPoint 簡報（pptx），"
        "把活動方案寫成 HTML 頁面或 GitHub Markdown。",
        "en": "Write a retrospective as a self-contained HTML page, GitHub Markdown or a "
        "PowerPoint deck (pptx), and a campaign plan as an HTML page or GitHub Markdown.",
    },
    "cli.usage": {
        "zh-CN": "用法：",
        "zh-TW": "用法：",
        "en": "Usage:",
    },
    "cli.arguments": {
        "zh-CN": "参数：",
        "zh-TW": "引數：",
        "en": "Arguments:",
    },
    "cli.options": {
        "zh-CN": "选项：",
        "zh-TW": "選項：",
        "en": "Options:",
    },
    "cli.commands": {
        "zh-CN": "命令：",
        "zh-TW": "命令：",
        "en": "Commands:",
    },
    "cli.command_args": {
        "zh-CN": "命令 [参数]...",
        "zh-TW": "命令 [引數]...",
        "en": "COMMAND [ARGS]...",
    },
    "cli.options_metavar": {
        "zh-CN": "[选项]",
        "zh-TW": "[選項]",
        "en": "[OPTIONS]",
    },
    "cli.help_option": {
        "zh-CN": "显示本帮助并退出。",
        "zh-TW": "顯示本說明並退出。",
        "en": "Show this message and exit.",
    },
    "cli.required": {
        "zh-CN": "[必填]",
        "zh-TW": "[必填]",
        "en": "[required]",
    },
    "cli.error": {
        "zh-CN": "错误：{message}",
        "zh-TW": "錯誤：{message}",
        "en": "Error: {message}",
    },
    "cli.try_help": {
        "zh-CN": "运行 '{command} --help' 查看帮助。",
        "zh-TW": "執行 '{command} --help' 檢視說明。",
        "en": "Try '{command} --help' for help.",
    },
    "cli.no_such_option": {
        "zh-CN": "没有这个选项：{option}",
        "zh-TW": "沒有這個選項：{option}",
        "en": "No such option: {option}",
    },
    "cli.did_you_mean": {
        "zh-CN": "（可能是：{options}）",
        "zh-TW": "（可能是：{options}）",
        "en": "(Possible options: {options})",
    },
    "cli.missing_argument": {
        "zh-CN": "缺少参数 {name}。",
        "zh-TW": "缺少引數 {name}。",
        "en": "Missing argument {name}.",
    },
    "cli.missing_option": {
        "zh-CN": "缺少选项 {name}。",
        "zh-TW": "缺少選項 {name}。",
        "en": "Missing option {name}.",
    },
    "cli.needs_value": {
        "zh-CN": "选项 {option} 需要一个值。",
        "zh-TW": "選項 {option} 需要一個值。",
        "en": "Option {option} requires an argument.",
    },
    "cli.bad_number": {
        "zh-CN": "{option} 的值无效：{value} 不是数字。",
        "zh-TW": "{option} 的值無效：{value} 不是數字。",
        "en": "Invalid value for {option}: {value} is not a number.",
    },
    "cli.bad_integer": {
        "zh-CN": "{option} 的值无效：{value} 不是整数。",
        "zh-TW": "{option} 的值無效：{value} 不是整數。",
        "en": "Invalid value for {option}: {value} is not a whole number.",
    },
    "cli.bad_value": {
        "zh-CN": "{option} 的值无效：{value}。",
        "zh-TW": "{option} 的值無效：{value}。",
        "en": "Invalid value for {option}: {value}.",
    },
    "cli.extra_argument": {
        "zh-CN": "多余的参数：{args}",
        "zh-TW": "多餘的引數：{args}",
        "en": "Got unexpected extra argument(s): {args}",
    },
    "cli.no_such_command": {
        "zh-CN": "没有这个命令：{command}",
        "zh-TW": "沒有這個命令：{command}",
        "en": "No such command: {command}",
    },
    "cli.no_such_command_hint": {
        "zh-CN": "没有这个命令：{command}（可能是：{options}）",
        "zh-TW": "沒有這個命令：{command}（可能是：{options}）",
        "en": "No such command: {command} (Possible commands: {options})",
    },
    # issue 16: rule summaries for `rules` and `rule CODE` (en: the rule's docstring).
    "summary.A001": {
        "zh-CN": "改进措施没有责任人。",
        "en": "An action has no owner.",
    },
    "summary.A002": {
        "zh-CN": "改进措施没有完成时间。",
        "en": "An action has no due date.",
    },
    "summary.A003": {
        "zh-CN": "预期效果无法衡量（没有数字）。",
        "en": "The expected effect is not measurable (no number in it).",
    },
    "summary.A004": {
        "zh-CN": "改进措施已逾期：完成时间早于今天，且未完成也未取消。",
        "en": "An action is overdue: due before today and not done or dropped.",
    },
    "summary.A005": {
        "zh-CN": "问题没有写根本原因。",
        "en": "A problem has no root cause.",
    },
    "summary.A006": {
        "zh-CN": "问题没有改进措施。",
        "en": "A problem has no action.",
    },
    "summary.A007": {
        "zh-CN": "影响程度为“高”的问题超过三个。",
        "en": "More than three problems are rated high impact.",
    },
    "summary.D001": {
        "zh-CN": "复盘在活动结束 5 个工作日之后才进行。",
        "en": "The review was held more than 5 working days after the campaign ended.",
    },
    "summary.F001": {
        "zh-CN": "文件无法作为工作簿读取。",
        "en": "The file cannot be read as a workbook.",
    },
    "summary.F002": {
        "zh-CN": "提交了 Office 锁文件（~$文件名.xlsx）。",
        "en": "An Office lock file (~$name.xlsx) is committed.",
    },
    "summary.K001": {
        "zh-CN": "未完成或超额完成的 KPI 没有写原因分析。",
        "en": "A missed or exceeded KPI has no analysis.",
    },
    "summary.K002": {
        "zh-CN": "没有任何 KPI 行。",
        "en": "There are no KPI rows.",
    },
    "summary.K003": {
        "zh-CN": "未完成的核心 KPI 没有在任何问题行的“指标”列中提到。",
        "en": "A missed core KPI that no problem row names in its Metric column.",
    },
    "summary.L001": {
        "zh-CN": "经验没有效果数据。",
        "en": "A lesson has no evidence.",
    },
    "summary.L002": {
        "zh-CN": "经验没有适用场景。",
        "en": "A lesson has no applicable scenario.",
    },
    "summary.R001": {
        "zh-CN": "同一问题环节在所检查的两个或更多活动中反复出现。",
        "en": "The same problem area recurs in two or more campaigns of the linted set.",
    },
    "summary.R002": {
        "zh-CN": "一项改进措施被延续两次或更多次而没有进展。",
        "en": "An action carried over twice or more without progress.",
    },
    "summary.S001": {
        "zh-CN": "缺少模板中的工作表。",
        "en": "A sheet of the template is missing.",
    },
    "summary.S002": {
        "zh-CN": "工作表的表头缺少必填列。",
        "en": "A required column is missing from a sheet's header.",
    },
    "summary.S003": {
        "zh-CN": "已填写的行中有必填单元格为空。",
        "en": "A required field or cell is empty in a filled row.",
    },
    "summary.V001": {
        "zh-CN": "数字单元格无法识别。",
        "en": "A number cell does not parse.",
    },
    "summary.V002": {
        "zh-CN": "日期无法识别，或结束日期早于开始日期。",
        "en": "A date does not parse, or the end is before the start.",
    },
    "summary.V003": {
        "zh-CN": "取值不在下拉列表中。",
        "en": "A value is not one of its list's values.",
    },
    "summary.V004": {
        "zh-CN": "达成率无法计算（目标为 0，或正负号使比值没有意义）。",
        "en": "The achievement rate is undefined (target 0, or signs that make the ratio meaningless).",
    },
    "summary.V005": {
        "zh-CN": "目标值与实际值的写法不同（一个是百分比，另一个不是）。",
        "en": "Target and actual are written in different forms (one a percentage, the other not).",
    },
    "summary.V006": {
        "zh-CN": "差异值、达成率或结果与表格公式不一致，或表格公式读错了目标值/实际值。",
        "en": "A gap, achievement or result disagrees with the sheet's formula, or the sheet "
        "misreads a value.",
    },
    "summary.W001": {
        "zh-CN": "原因分析、根本原因或经验中有主观臆断的措辞。",
        "en": "Opinion wording in an analysis, root cause or lesson.",
    },
    "summary.W002": {
        "zh-CN": "指责个人而非描述行为。",
        "en": "Blame aimed at people rather than behaviour.",
    },
    # issue 16: configuration error details and the lint summary line.
    "config.unknown_selector": {
        "zh-CN": "未知的规则选择器 '{selector}'",
        "en": "unknown rule selector '{selector}'",
    },
    "config.not_a_list": {
        "zh-CN": "'{name}' 必须是字符串列表",
        "en": "'{name}' must be a list of strings",
    },
    "config.unknown_key": {
        "zh-CN": "未知的配置项 '{name}'",
        "en": "unknown key '{name}'",
    },
    "config.not_a_table": {
        "zh-CN": "'{name}' 必须是一个表",
        "en": "'{name}' must be a table",
    },
    "config.bad_severity": {
        "zh-CN": "级别 '{level}' 不是 error、warning 或 info",
        "en": "severity '{level}' is not error, warning or info",
    },
    "config.bad_threshold": {
        "zh-CN": "'threshold' 必须是 0 到 1 之间的数",
        "en": "'threshold' must be a number between 0 and 1",
    },
    "config.unknown_lang": {
        "zh-CN": "未知的语言 '{value}'，请写 zh-CN、zh-TW 或 en",
        "en": "unknown lang '{value}'; write zh-CN, zh-TW or en",
    },
    "config.not_found": {
        "zh-CN": "文件不存在",
        "en": "file not found",
    },
    "config.unreadable": {
        "zh-CN": "无法读取文件",
        "en": "the file cannot be read",
    },
    "config.toml_at": {
        "zh-CN": "TOML 语法错误（第 {line} 行第 {column} 列）",
        "en": "TOML syntax error (line {line}, column {column})",
    },
    "config.toml": {
        "zh-CN": "TOML 语法错误",
        "en": "TOML syntax error",
    },
    "lint.summary": {
        "zh-CN": "共检查 {files} 个文件：{errors} 个错误，{warnings} 个警告，{infos} 条提示。",
        "en": "{files} file(s) checked: {errors} error(s), {warnings} warning(s), {infos} info.",
    },
    "compare.mermaid_caption": {
        "zh-CN": "Mermaid 图：每个指标一张，横轴只列出测量过该指标的活动，纵轴是达成率（%），"
        "第二条线是 100% 目标线。",
        "en": "Mermaid charts: one per metric; the x axis lists only the campaigns that measured "
        "it, the y axis is the achievement rate (%), and the second line is the 100% target.",
    },
    "compare.not_measured": {"zh-CN": "未测量", "en": "not measured"},
    "label.missing": {"zh-CN": "未填写", "en": "not filled in"},
    "help.max_text": {
        "zh-CN": "拒绝被单元格重复引用后超过此大小的共享文本（128 MiB）。",
        "zh-TW": "拒絕被儲存格重複引用後超過此大小的共享文字（128 MiB）。",
        "en": "Refuse shared text repeated by cells beyond this (128 MiB).",
    },
    "help.timeout": {
        "zh-CN": "单个文件最多可读取的秒数，超时即报告该文件（30）。",
        "zh-TW": "單個檔案最多可讀取的秒數，超時即報告該檔案（30）。",
        "en": "Seconds one file may take before it is reported (30).",
    },
    "help.raw_csv": {
        "zh-CN": "CSV 文本保持原样，供数据管道使用（默认在以 = + - @ 开头的文本前加 '，以免表格软件执行它）。",
        "zh-TW": "CSV 文字保持原樣，供資料管道使用（預設在以 = + - @ 開頭的文字前加 '，以免表格軟體執行它）。",
        "en": "CSV text exactly as typed, for data pipelines (by default text starting with "
        "= + - @ gets a leading ' so spreadsheets do not run it).",
    },
    "help.template": {
        "zh-CN": "pptx：公司的母版演示文稿，沿用其版式和字体。",
        "zh-TW": "pptx：公司的母版簡報，沿用其版面配置和字型。",
        "en": "pptx: the company's master deck, its layouts and fonts.",
    },
    "help.presenter": {
        "zh-CN": "pptx：标题页上的汇报人姓名。",
        "zh-TW": "pptx：標題頁上的報告人姓名。",
        "en": "pptx: the name on the title slide.",
    },
    # --- the plan workbook (issue 17) -----------------------------------------------------
    "prompt.task_ids": {
        "zh-CN": "前置任务的编号，如 T1, T3 或 T1、T3；没有写 -",
        "en": "IDs of the tasks this one waits for, e.g. T1, T3; - for none",
    },
    "prompt.date_span": {
        "zh-CN": "日期或区间，例如 2024-06-30 或 6月1日-6月30日",
        "en": "A date or a range, e.g. 2024-06-30 or 2024-06-01 - 2024-06-30",
    },
    "instructions.plan": {
        "zh-CN": "营销活动方案工作簿 · 填写说明\n"
        "1. 活动概况：项目名称、起止日期、负责人、总预算和核心策略。\n"
        "2. 推广目标：每行一个 SMART 目标：指标、量化目标、方向、达成路径、负责人和时间节点"
        "（日期或区间，如 6月1日-6月30日）；把最重要的 2-3 个标为核心指标。\n"
        "3. 执行排期：每行一个任务，编号唯一（T1、T2…）；前置依赖写编号，如 T1, T3。"
        "右侧的甘特图按开始和结束时间自动着色，今天所在列高亮；活动超过 60 天时按周显示。\n"
        "4. 预算分配：每行一个预算明细，计划占比自动计算；建议保留应急备用金。\n"
        "5. 风险预案：可能性和影响程度都为“高”的风险必须有应对措施和负责人。\n"
        "6. 每日监测：每天每个渠道每个指标一行，指标名称与推广目标一致，retrokit 据此计算进度。\n"
        "7. 项目分工：角色、姓名和职责；排期中的负责人应在此表中。\n"
        "完成后运行 retrokit lint 检查、retrokit analyze 查看关键路径、预算和进度。",
        "zh-TW": "行銷活動方案活頁簿 · 填寫說明\n1. 活動概況：專案名稱、起止日期、負責人、總預算和核心策略。\n2. 推廣目標：每列一個 SMART 目標：指標、量化目標、方向、達成路徑、負責人和時間節點（日期或區間，如 6月1日-6月30日）；把最重要的 2-3 個標為核心指標。\n3. 執行排程：每列一個任務，編號唯一（T1、T2…）；前置依賴寫編號，如 T1, T3。右側的甘特圖按開始和結束時間自動著色，今天所在欄醒目標示；活動超過 60 天時按週顯示。\n4. 預算分配：每列一個預算明細，計畫占比自動計算；建議保留應急備用金。\n5. 風險預案：可能性和影響程度都為「高」的風險必須有應對措施和負責人。\n6. 每日監測：每天每個通路每個指標一列，指標名稱與推廣目標一致，retrokit 據此計算進度。\n7. 專案分工：角色、姓名和職責；排程中的負責人應在此表中。\n完成後執行 retrokit lint 檢查、retrokit analyze 檢視關鍵路徑、預算和進度。",
        "en": "Campaign plan workbook - how to fill it in\n"
        "1. Plan overview: project, start and end dates, owner, total budget and core strategy.\n"
        "2. Goals: one SMART goal per row: metric, target, direction, path, owner and deadline "
        "(a date or a range); mark the 2-3 most important as core.\n"
        "3. Schedule: one task per row with a unique ID (T1, T2 ...); list predecessors by ID, "
        "e.g. T1, T3. The Gantt grid on the right shades itself from the start and end dates "
        "and marks today; campaigns over 60 days are shown by week.\n"
        "4. Budget: one line per item; the share is computed. Keep a contingency line.\n"
        "5. Risks: a risk of high likelihood and high impact needs a response and an owner.\n"
        "6. Daily monitoring: one row per day, channel and metric, named as in Goals; retrokit "
        "paces each goal from it.\n"
        "7. Team: role, name and duty; every task owner should be on it.\n"
        "When done, run retrokit lint, and retrokit analyze for the critical path, budget and "
        "pacing.",
    },
    "P001": {
        "zh-CN": "任务之间存在循环依赖：{tasks}，请去掉其中一个前置依赖。",
        "en": "tasks depend on each other in a cycle: {tasks}; remove one of the dependencies.",
    },
    "P002": {
        "zh-CN": "任务 {task} 在 {start} 开始，早于前置任务 {pred} 的结束时间 {end}；请推迟本任务的开始"
        "时间，或改正前置依赖。",
        "en": "task {task} starts on {start}, before its predecessor {pred} ends on {end}; start "
        "it later or correct its predecessors.",
    },
    "P003": {
        "zh-CN": "任务 {task} 的工期填了 {typed} 天，但起止日期是 {days} 天（含首尾）；请改正工期或"
        "起止日期，使两者一致。",
        "en": "task {task} says {typed} days, but its dates span {days} days (both ends "
        "counted); correct the duration or the dates so that they agree.",
    },
    "P004": {
        "zh-CN": "任务 {task} 的前置依赖“{ids}”不是任何任务的编号；请写已有任务的编号（如 T3），多个用"
        "逗号分隔。",
        "en": "task {task} depends on '{ids}', which no task has as its ID; write the ID of an "
        "existing task (e.g. T3), several separated by commas.",
    },
    "P005": {
        "zh-CN": "任务 {task} 应在 {end} 完成，截至 {today} 仍未完成：已做完请更新“{status_col}”或填写"
        "“{finished_col}”；已重新排期请修改“{end_col}”。",
        "zh-TW": "任務 {task} 應在 {end} 完成，截至 {today} 仍未完成：已做完請更新「{status_col}」或填寫"
        "「{finished_col}」；已重新排程請修改「{end_col}」。",
        "en": "task {task} was due on {end} and is not done as of {today}: if it is done, update "
        "its '{status_col}' or fill in '{finished_col}'; if it was re-planned, move its "
        "'{end_col}'.",
    },
    "P006": {
        "zh-CN": "任务 {task} 的日期 {day} 在活动周期 {start} 至 {end} 之外。",
        "en": "task {task} has a date ({day}) outside the campaign, {start} to {end}.",
    },
    "P007": {
        "zh-CN": "任务 {task} 没有负责人。",
        "en": "task {task} has no owner.",
    },
    "P007.team": {
        "zh-CN": "任务 {task} 的负责人 {owner} 不在项目分工表中。",
        "en": "task {task} is owned by {owner}, who is not on the Team sheet.",
    },
    "G001": {
        "zh-CN": "目标“{metric}”缺少{columns}，请在这一行补填：靠什么达成、谁负责、何时完成。",
        "zh-TW": "目標「{metric}」缺少{columns}，請在本列補填：靠什麼達成、誰負責、何時完成。",
        "en": "goal '{metric}' has nothing under {columns}; fill it in on this row: how the goal "
        "will be reached, who owns it and by when.",
    },
    "G002": {
        "zh-CN": "目标“{metric}”的量化目标“{value}”不是数字，请写成 500万、5%、1:3 这样的数字。",
        "zh-TW": "目標「{metric}」的量化目標「{value}」不是數字，請寫成 500萬、5%、1:3 這樣的數字。",
        "en": "goal '{metric}' has the target '{value}', which is not a number; write it as "
        "5000000, 5% or 1:3.",
    },
    "B001": {
        "zh-CN": "预算明细合计 {planned}，与总预算 {total} 不一致；请调整明细金额或活动概况中的总预算，"
        "使两者相等。",
        "en": "the budget lines add up to {planned}, not the total budget of {total}; adjust the "
        "lines or the overview's total budget so they agree.",
    },
    "B002": {
        "zh-CN": "“{item}”实际花费 {actual}，为计划 {planned} 的 {share}，超支超过 10%。",
        "zh-TW": "「{item}」實際花費 {actual}，為計畫 {planned} 的 {share}，超支超過 10%。",
        "en": "'{item}' spent {actual}, {share} of its plan of {planned}: over by more than 10%.",
    },
    "B002.total": {
        "zh-CN": "实际花费合计 {actual}，超过总预算 {total}。",
        "en": "spending adds up to {actual}, over the total budget of {total}.",
    },
    "B003": {
        "zh-CN": "“{sheet}”中没有应急备用金，建议加一行类别为“应急备用金”的预算，预留 10% 左右。",
        "en": "'{sheet}' keeps no contingency line; add one of category Contingency, about 10% "
        "is usual.",
    },
    "X001": {
        "zh-CN": "高可能性、高影响的风险“{risk}”缺少{columns}。",
        "zh-TW": "高可能性、高影響的風險「{risk}」缺少{columns}。",
        "en": "the high-likelihood, high-impact risk '{risk}' has nothing under {columns}.",
    },
    "M001": {
        "zh-CN": "核心目标“{metric}”按当前进度预计 {projected}，目标 {target}，达不到 {threshold}。",
        "zh-TW": "核心目標「{metric}」按目前進度預計 {projected}，目標 {target}，達不到 {threshold}。",
        "en": "core goal '{metric}' is heading for {projected} against {target}: below "
        "{threshold}.",
    },
    "doc.P001": {
        "zh-CN": "循环依赖的任务谁也无法开始，排期和关键路径都无从计算。\n修复：检查前置依赖列，去掉造成循环的那一个。",
        "zh-TW": "迴圈依賴的任務誰也無法開始，排程和關鍵路徑都無從計算。\n修復：檢查前置依賴欄，去掉造成迴圈的那一個。",
        "en": "Tasks in a dependency cycle can never start; neither the schedule nor the "
        "critical path can be computed.\nFix: remove the dependency that closes the cycle.",
    },
    "doc.P002": {
        "zh-CN": "前置任务未完成就开始，交付物还不存在。\n修复：推迟开始时间，或改正前置依赖。",
        "en": "A task that starts before its predecessor ends works without the predecessor's "
        "output.\nFix: move its start, or correct the dependency.",
    },
    "doc.P003": {
        "zh-CN": "工期与起止日期不符时，排期表会自相矛盾（5月20日至5月25日记作 5 天或 6 天都可以，"
        "也可以按工作日（周一至周五）计；以周填写时，按工作日 ÷ 5 计，或与日历天数相差不超过半周：1周为 4 至 10 天）。\n修复：按日期改正工期。",
        "zh-TW": "工期與起止日期不符時，排程表會自相矛盾（5月20日至5月25日記作 5 天或 6 天都可以，"
        "也可以按工作日（週一至週五）計；以週填寫時，按工作日 ÷ 5 計，或與日曆天數相差不超過半週：1週為 4 至 10 天）。\n修復：按日期改正工期。",
        "en": "A duration that disagrees with the dates makes the schedule contradict itself "
        "(20 to 25 May may count as 5 or 6 days, or as its working days, Monday to Friday; in "
        "weeks, as working days ÷ 5, or within half a week of the calendar days: 1 week is 4 to 10"
        " days).\nFix: correct the duration "
        "from the dates.",
    },
    "doc.P004": {
        "zh-CN": "前置依赖必须是本表中某个任务的编号，否则依赖关系丢失。编号之间可用逗号、顿号、空格或“和”"
        "分隔（T1、T3，T1和T3）；只写一个编号时也可以带上文字（T5完成后）。"
        "\n修复：改成正确编号，如 T1, T3。",
        "en": "A predecessor must be the ID of a task on the sheet, or the dependency is lost. "
        "IDs may be separated by commas, spaces, & or 'and' (T1, T3; T1 and T3).\nFix: use "
        "the right IDs, e.g. T1, T3.",
    },
    "doc.P005": {
        "zh-CN": "超过结束时间仍未完成的任务会拖后续任务。\n修复：更新状态，或调整排期并通知相关负责人。",
        "zh-TW": "超過結束時間仍未完成的任務會拖後續任務。\n修復：更新狀態，或調整排程並通知相關負責人。",
        "en": "A task past its end and not done delays the tasks after it.\nFix: update its "
        "status, or reschedule and tell the owners affected.",
    },
    "doc.P006": {
        "zh-CN": "活动概况中的开始、结束日期是活动上线的日期（复盘按它们计算）；调研、筹备和预热在它之前，"
        "收尾和复盘在它之后，都是正常的。爆发、持续阶段的任务超出这段日期，筹备、预热任务在活动结束后"
        "才结束，或收尾、复盘任务在活动开始前就开始，说明排期或活动日期有误；没写阶段的任务只在离活动"
        "很远时（开始前 90 天以上、结束后 30 天以上）提示，多半是日期写错了。\n修复：调整任务日期或活动"
        "日期；筹备或收尾任务请在“阶段”列注明。",
        "zh-TW": "活動概況中的開始、結束日期是活動上線的日期（復盤按它們計算）；調查、籌備和預熱在它之前，"
        "收尾和復盤在它之後，都是正常的。爆發、持續階段的任務超出這段日期，籌備、預熱任務在活動結束後"
        "才結束，或收尾、復盤任務在活動開始前就開始，說明排程或活動日期有誤；沒寫階段的任務只在離活動"
        "很遠時（開始前 90 天以上、結束後 30 天以上）提示，多半是日期寫錯了。\n修復：調整任務日期或活動"
        "日期；籌備或收尾任務請在「階段」欄註明。",
        "en": "The overview's start and end are the campaign's live dates (the review counts "
        "from them): research, preparation and warm-up come before them, wrap-up and the review "
        "after. A peak or sustain task outside them, a preparation or warm-up task ending after "
        "the campaign, or a wrap-up or review task starting before it means the schedule or "
        "the dates are wrong; a task with no phase is named only when it is far away (more "
        "than 90 days before the start or 30 days after the end), where a date is likely "
        "mistyped.\nFix: correct the task's or the campaign's dates; give a preparation or "
        "wrap-up task its phase.",
    },
    "doc.P007": {
        "zh-CN": "没有负责人的任务没人推进；负责人应在项目分工表中，分工才不重不漏。\n修复：为每个任务指定分工表中的一位负责人。",
        "en": "A task without an owner moves for nobody; owners should be on the Team sheet so "
        "roles neither overlap nor leave gaps.\nFix: give each task an owner from the team.",
    },
    "doc.G001": {
        "zh-CN": "SMART 目标要写清达成路径、负责人和时间节点。\n修复：补全这三列，如“抖音信息流 300万 + KOL 200万”、负责人、6月1日-6月30日。",
        "en": "A SMART goal says how it is reached, who owns it and by when.\nFix: fill the "
        "path, owner and deadline.",
    },
    "doc.G002": {
        "zh-CN": "目标必须可量化，复盘时才能计算达成率。\n修复：把“大幅提升”改成 500万、5%、1:3 之类的数字。",
        "en": "A goal must be measurable so the review can compute its achievement.\nFix: "
        "replace 'a big increase' with a number such as 5000000, 5% or 1:3.",
    },
    "doc.B001": {
        "zh-CN": "预算明细之和应等于总预算，否则有钱没分配或分超了；明细用了与预算不同的币种时，合计没有意义。"
        "\n修复：调整明细或总预算；把金额换算成同一币种。",
        "en": "The lines should add up to the total budget, or money is unallocated or "
        "allocated twice; a line in another currency than the budget makes the sums "
        "meaningless.\nFix: adjust the lines or the total; write every amount in one currency.",
    },
    "doc.B002": {
        "zh-CN": "单项超支 10% 以上或总花费超出预算，需要及时调整投放；单项花费与计划相差百倍以上，"
        "多半是单位不一致（元与万元）。\n修复：在周会上调整预算，或说明超支原因；单位不一致时统一单位。",
        "zh-TW": "單項超支 10% 以上或總花費超出預算，需要及時調整投放；單項花費與計畫相差百倍以上，"
        "多半是單位不一致（元與萬元）。\n修復：在週會上調整預算，或說明超支原因；單位不一致時統一單位。",
        "en": "A line over its plan by more than 10%, or spending over the total, calls for a "
        "budget decision; a line spent a hundredfold from its plan is most likely typed in "
        "another unit (yuan against 10k yuan).\nFix: move budget at the weekly review, or "
        "record why; make the units agree.",
    },
    "doc.B003": {
        "zh-CN": "预留应急备用金是常规做法（方法论示例为 10%）。\n修复：增加一行“应急备用金”。",
        "en": "Keeping a contingency line is normal practice (the method's example keeps 10%)."
        "\nFix: add a Contingency line.",
    },
    "doc.X001": {
        "zh-CN": "高可能、高影响的风险必须事先有预案和负责人，例如 KOL 临时取消时启用备选名单。\n修复：填写应对措施和负责人。",
        "en": "A likely, high-impact risk needs a response and an owner before it happens, e.g. "
        "a standby KOL list.\nFix: fill the response and owner.",
    },
    "doc.M001": {
        "zh-CN": "按每日监测的进度推算，核心目标到期时达不到阈值，应尽早调整。\n修复：在周会上调整预算或策略。",
        "en": "At the pace of the daily figures, a core goal will end below the threshold; act "
        "early.\nFix: move budget or change tactics at the weekly review.",
    },
    "plan.slack": {"zh-CN": "浮动(天)", "zh-TW": "浮動(天)", "en": "Slack (days)"},
    "plan.late": {"zh-CN": "已逾期", "en": "late"},
    "plan.critical_path": {
        "zh-CN": "关键路径：{path}（{start} 至 {end}，共 {days} 天；★ 为关键任务）",
        "en": "Critical path: {path} ({start} to {end}, {days} days; ★ marks critical tasks)",
    },
    "plan.budget_line": {
        "zh-CN": "总预算 {total}，已分配 {planned}，实际花费 {actual}，剩余 {remaining}",
        "en": "Total budget {total}, allocated {planned}, spent {actual}, remaining {remaining}",
    },
    "plan.level": {"zh-CN": "风险等级", "en": "Level"},
    "plan.pacing": {"zh-CN": "目标进度（每日监测）", "en": "Pacing (daily monitoring)"},
    "plan.to_date": {"zh-CN": "累计", "en": "To date"},
    "plan.projected": {"zh-CN": "预计", "en": "Projected"},
    "plan.days": {"zh-CN": "已过天数", "en": "Days"},
    "plan.pace_status": {"zh-CN": "进度", "en": "Pace"},
    "plan.ahead": {"zh-CN": "超前", "en": "ahead"},
    "plan.on_track": {"zh-CN": "正常", "en": "on track"},
    "plan.behind": {"zh-CN": "落后", "en": "behind"},
    "plan.actual_from_daily": {
        "zh-CN": "实际值来自计划的每日监测（截至 {date}）",
        "zh-TW": "實際值來自計畫的每日監測（截至 {date}）",
        "en": "Actual from the plan's daily monitoring (through {date})",
    },
    "err.not_a_plan": {
        "zh-CN": "{path}：不是方案工作簿（找不到推广目标、执行排期等工作表）。",
        "zh-TW": "{path}：不是方案活頁簿（找不到推廣目標、執行排程等工作表）。",
        "en": "{path}: not a plan workbook (no Goals, Schedule ... sheets found).",
    },
    "plan.today": {"zh-CN": "今天", "en": "Today"},
    # --- issue 14: direction, overall rate, channels, compare -----------------------------------
    "K004": {
        "zh-CN": "指标“{metric}”的方向是按{source}推断的：{direction}；如不对，请在“方向”列写明。",
        "en": "KPI '{metric}' is taken as '{direction}', inferred from {source}; if that is wrong, "
        "fill its 'Direction' column.",
    },
    "doc.K004": {
        "zh-CN": "方向列为空时，retrokit 按指标名称（如“获客单价”“投诉解决率”）、“成本”维度或团队在配置中"
        "写的词推断方向（值是时间时，也看单位：发货 24小时 是等待，越低越好）。值带时间单位、名称却看不出是"
        "等待还是停留的时间时，按默认的越高越好计算，也会提示。推断可能出错，请确认。\n修复：在“方向”列写“越低越好”或“越高越好”（也可写↓、↑）。",
        "en": "With the Direction column blank, retrokit infers the direction from the metric's "
        "name (cost per lead, complaint resolution rate), the Cost dimension or the team's "
        "configured words (for a time, its unit too: shipping in 24 hours is a wait, lower is "
        "better). A time whose name says neither a wait nor time spent with us is taken as "
        "higher is better by default, and said so too. An inference can be wrong; confirm "
        "it.\nFix: write 'Lower is "
        "better' or 'Higher is better' (or ↓, ↑) in the Direction column.",
    },
    "direction.name": {"zh-CN": "名称", "en": "its name"},
    "direction.dimension": {
        "zh-CN": "“成本”维度",
        "zh-TW": "「成本」維度",
        "en": "the Cost dimension",
    },
    "direction.config": {"zh-CN": "团队配置的词", "en": "the team's configured words"},
    "report.overall.core": {"zh-CN": "核心目标达成率 {rate}", "en": "Core goal achievement {rate}"},
    "report.overall.all": {"zh-CN": "目标达成率 {rate}", "en": "Goal achievement {rate}"},
    "report.overall_note.core": {
        "zh-CN": "核心目标达成率：各核心 KPI 达成率的平均值，每项最高按 100% 计，"
        "一项超额不能抵消另一项未完成；无法评估的 KPI 不计入。",
        "en": "Core goal achievement: the mean achievement rate of the core KPIs, each counted "
        "at most 100% so that one overshoot cannot hide a miss; unrated KPIs are left out.",
    },
    "report.overall_note.all": {
        "zh-CN": "目标达成率：没有标记核心指标，按全部 KPI 达成率的平均值计，每项最高按 100% 计，"
        "一项超额不能抵消另一项未完成；无法评估的 KPI 不计入。",
        "en": "Goal achievement: no KPI is marked core, so this is the mean achievement rate of "
        "all KPIs, each counted at most 100% so that one overshoot cannot hide a miss; unrated "
        "KPIs are left out.",
    },
    "compare.effect": {"zh-CN": "变化", "en": "Change"},
    "compare.trend": {"zh-CN": "趋势", "en": "Trend"},
    "compare.change.improved": {"zh-CN": "改善", "en": "improved"},
    "compare.change.worsened": {"zh-CN": "变差", "en": "worsened"},
    "compare.change.unchanged": {"zh-CN": "持平", "en": "unchanged"},
    "report.by_channel": {"zh-CN": "分渠道", "zh-TW": "分通路", "en": "By channel"},
    "report.by_dimension": {"zh-CN": "分维度", "en": "By dimension"},
    "report.group_kpis": {"zh-CN": "KPI 数", "en": "KPIs"},
    "report.reached": {"zh-CN": "达成占比", "en": "Reached"},
    "report.spend": {"zh-CN": "花费", "en": "Spend"},
    "report.returned": {"zh-CN": "回报", "en": "Return"},
    "report.all_channels": {"zh-CN": "全部渠道", "zh-TW": "全部通路", "en": "All channels"},
    "D001.weekdays": {
        "zh-CN": "复盘日期 {review} 距活动结束 {end} 已有 {days} 个工作日（节假日数据不含这些年份，"
        "按周一至周五计算），建议在 3-5 个工作日内复盘。",
        "en": "the review on {review} came {days} working days after the end on {end} (counted "
        "Monday to Friday: the holiday data does not cover these years); hold it within 3-5 "
        "working days.",
    },
    "summary.B001": {
        "zh-CN": "预算明细加总与总预算不一致。",
        "en": "The budget lines do not add up to the total budget.",
    },
    "summary.B002": {
        "zh-CN": "某预算行超出计划 10% 以上，或总花费超出预算。",
        "zh-TW": "某預算列超出計畫 10% 以上，或總花費超出預算。",
        "en": "A line spent more than 10% over its plan, or the total is over budget.",
    },
    "summary.B003": {
        "zh-CN": "预算中没有应急备用金。",
        "en": "The budget keeps no contingency line.",
    },
    "summary.G001": {
        "zh-CN": "目标缺少达成路径、负责人或时间节点。",
        "en": "A goal has no path, owner or deadline.",
    },
    "summary.G002": {"zh-CN": "目标的量化目标不是数字。", "en": "A goal's target is not a number."},
    "summary.K004": {
        "zh-CN": "KPI 的方向是从名称、维度或团队词表推断的。",
        "en": "A KPI's direction was inferred from its name, dimension or the team's words.",
    },
    "summary.M001": {
        "zh-CN": "核心目标按当前进度预计达不到阈值。",
        "en": "A core goal's projection misses the threshold.",
    },
    "summary.P001": {
        "zh-CN": "任务之间的前置依赖形成了循环。",
        "en": "Tasks depend on each other in a cycle.",
    },
    "summary.P002": {
        "zh-CN": "任务在其前置任务结束之前就开始了。",
        "en": "A task starts before a task it depends on ends.",
    },
    "summary.P003": {
        "zh-CN": "填写的工期与任务的起止日期不一致。",
        "en": "The typed duration disagrees with the task's dates.",
    },
    "summary.P004": {
        "zh-CN": "任务依赖了一个不存在的编号。",
        "en": "A task depends on an id no task has.",
    },
    "summary.P005": {
        "zh-CN": "任务已过结束时间但尚未完成。",
        "en": "A task is past its end and not done.",
    },
    "summary.P006": {
        "zh-CN": "爆发、持续阶段的任务超出活动日期，或任务离活动日期很远。",
        "zh-TW": "爆發、持續階段的任務超出活動日期，或任務離活動日期很遠。",
        "en": "A task of the campaign's live phases runs outside its dates, or a task far outside them.",
    },
    "summary.P007": {"zh-CN": "任务没有负责人。", "en": "A task has no owner."},
    "summary.X001": {
        "zh-CN": "高可能性、高影响的风险缺少应对措施或负责人。",
        "en": "A high-likelihood, high-impact risk has no response or no owner.",
    },
    "help.kind": {
        "zh-CN": "工作簿类型：review（复盘）或 plan（活动方案）。",
        "zh-TW": "活頁簿類型：review（復盤）或 plan（活動方案）。",
        "en": "review (the retrospective) or plan (the campaign plan).",
    },
    "help.from_plan": {
        "zh-CN": "从方案工作簿填入基本信息，并为每个目标生成一行 KPI。",
        "zh-TW": "從方案活頁簿填入基本資訊，並為每個目標產生一列 KPI。",
        "en": "Fill basic info and one KPI per goal from a plan workbook.",
    },
    "export.overall_rate": {"zh-CN": "核心目标达成率", "en": "Overall achievement"},
    "export.overall_basis": {
        "zh-CN": "达成率口径",
        "zh-TW": "達成率計算基準",
        "en": "Overall basis",
    },
    "export.direction_source": {"zh-CN": "方向来源", "en": "Direction from"},
    "err.init_over_source": {
        "zh-CN": "{path}：新工作簿的路径就是 --from/--from-plan 要读取的工作簿，写入会覆盖它；请另选一个文件名。",
        "zh-TW": "{path}：新活頁簿的路徑就是 --from/--from-plan 要讀取的活頁簿，寫入會覆蓋它；請另選一個檔名。",
        "en": "{path}: the new workbook would overwrite the workbook given to --from/--from-plan; "
        "choose another file name.",
    },
    "lessons.uncategorised": {"zh-CN": "未分类", "zh-TW": "未分類", "en": "Uncategorised"},
    "label.zero_actual": {"zh-CN": "实际为 0", "zh-TW": "實際為 0", "en": "actual 0"},
    # --- issue 18: the deck from the plan --------------------------------------------------------
    "deck.phases": {"zh-CN": "阶段与里程碑", "en": "Phases and milestones"},
    "deck.phase_dates": {"zh-CN": "起止", "en": "Dates"},
    "deck.phase_tasks": {"zh-CN": "任务数", "en": "Tasks"},
    "deck.milestone": {"zh-CN": "里程碑", "en": "Milestone"},
    "deck.note.phases": {
        "zh-CN": "活动分 {count} 个阶段推进：{phases}。",
        "en": "The campaign ran in {count} phases: {phases}.",
    },
    "deck.note.phase": {
        "zh-CN": "{phase}（{start} 至 {end}，以“{milestone}”收尾）",
        "en": "{phase} ({start} to {end}, closing with {milestone})",
    },
    "deck.strategy": {"zh-CN": "核心策略与传播主题", "en": "Strategy and theme"},
    "deck.note.strategy": {
        "zh-CN": "回顾一下当初的打法：{items}。",
        "en": "A look back at the plan we made: {items}.",
    },
    "deck.channel_mix": {
        "zh-CN": "渠道组合（计划预算占比）",
        "zh-TW": "通路組合（計畫預算占比）",
        "en": "Channel mix (planned budget)",
    },
    "deck.note.channel_mix": {
        "zh-CN": "预算按 {count} 个渠道分配，{top}占比最大，为 {share}。",
        "zh-TW": "預算按 {count} 個通路分配，{top}占比最大，為 {share}。",
        "en": "The budget was split over {count} channels; {top} had the largest share, {share}.",
    },
    "deck.unassigned": {"zh-CN": "未指定", "en": "Unassigned"},
    "deck.schedule": {
        "zh-CN": "排期执行（计划与实际）",
        "zh-TW": "排程執行（計畫與實際）",
        "en": "Schedule against plan",
    },
    "deck.planned_dates": {"zh-CN": "计划起止", "zh-TW": "計畫起止", "en": "Planned"},
    "deck.slip": {"zh-CN": "延误(天)", "en": "Slip (days)"},
    "deck.critical_path": {
        "zh-CN": "关键路径（★）：{path}",
        "en": "Critical path (★): {path}",
    },
    "deck.note.schedule": {
        "zh-CN": "计划 {tasks} 项任务，{start} 至 {end} 共 {days} 天；已完成 {done} 项，其中按期 {on_time} 项、延期 {late} 项。",
        "zh-TW": "計畫 {tasks} 項任務，{start} 至 {end} 共 {days} 天；已完成 {done} 項，其中按期 {on_time} 項、延期 {late} 項。",
        "en": "We planned {tasks} tasks over {days} days, {start} to {end}; {done} are done, "
        "{on_time} on time and {late} late.",
    },
    "deck.note.path_slip": {
        "zh-CN": "关键路径最终延后 {days} 天完成。",
        "en": "The critical path finished {days} days late.",
    },
    "deck.note.path_on_time": {
        "zh-CN": "关键路径按期完成。",
        "en": "The critical path finished on time.",
    },
    "deck.note.path_open": {
        "zh-CN": "关键路径还没有走完。",
        "en": "The critical path is not finished yet.",
    },
    "deck.note.worst_slip": {
        "zh-CN": "关键路径上延误最多的是 {task}，晚了 {days} 天。",
        "en": "On the critical path, {task} slipped most: {days} days.",
    },
    "deck.budget": {
        "zh-CN": "预算执行（计划与实际）",
        "zh-TW": "預算執行（計畫與實際）",
        "en": "Budget: planned and spent",
    },
    "deck.budget_table": {"zh-CN": "分类预算执行", "en": "Budget by category"},
    "deck.variance": {"zh-CN": "差异", "en": "Variance"},
    "deck.note.budget": {
        "zh-CN": "总预算 {total}，计划分配 {planned}，实际花费 {actual}。",
        "zh-TW": "總預算 {total}，計畫分配 {planned}，實際花費 {actual}。",
        "en": "The total budget was {total}, {planned} allocated, {actual} spent.",
    },
    "deck.note.under_budget": {
        "zh-CN": "结余 {amount}。",
        "en": "{amount} is left.",
    },
    "deck.note.over_budget": {
        "zh-CN": "超支 {amount}，需要说明原因。",
        "en": "That is {amount} over budget, which needs explaining.",
    },
    "deck.note.overrun": {
        "zh-CN": "超出计划最多的是{category}，多花了 {amount}。",
        "zh-TW": "超出計畫最多的是{category}，多花了 {amount}。",
        "en": "The largest overrun was {category}, {amount} over plan.",
    },
    "deck.risks": {"zh-CN": "风险预案与应对", "en": "Risks and responses"},
    "deck.note.risks": {
        "zh-CN": "我们事先准备了 {count} 项风险预案，实际发生了 {occurred} 项。",
        "en": "We planned for {count} risks; {occurred} of them happened.",
    },
    "deck.note.occurred": {
        "zh-CN": "发生的是：{items}。",
        "en": "Those that happened: {items}.",
    },
    "deck.roi": {"zh-CN": "各预算项 ROI", "en": "ROI per budget line"},
    "deck.roi_table": {"zh-CN": "预算项投入产出", "en": "Spend and return per budget line"},
    "deck.roi_series": {"zh-CN": "ROI", "en": "ROI"},
    "deck.note.roi": {
        "zh-CN": "按归因收入除以实际花费，{best}回报最高（ROI {best_roi}），{worst}最低（ROI {worst_roi}）；整体 ROI（归因收入合计 ÷ 全部实际花费）为 {overall}。红色表示低于 1:1，即收入不抵花费。",
        "en": "Attributed revenue over spend: {best} returned most (ROI {best_roi}), {worst} least "
        "(ROI {worst_roi}); overall, total attributed revenue over total actual spend is "
        "{overall}. Red marks a line below 1:1, earning less than it cost.",
    },
    "deck.note.critical_path": {
        "zh-CN": "关键路径是 {path}，这条线上任何一天的延误都会推迟整个活动。",
        "en": "The critical path is {path}; a day lost anywhere on it delays the whole campaign.",
    },
    "deck.note.budget_table": {
        "zh-CN": "这张表按类别列出计划与实际花费，红色是超出计划 10% 以上的类别。",
        "zh-TW": "這張表按類別列出計畫與實際花費，紅色是超出計畫 10% 以上的類別。",
        "en": "This table lists planned and actual spend by category; red marks a category more "
        "than 10% over plan.",
    },
    "deck.note.roi_table": {
        "zh-CN": "这张表列出每个预算项的花费、归因收入和 ROI，供会后查阅。",
        "en": "This table gives each budget line's spend, attributed revenue and ROI for later "
        "reference.",
    },
    "deck.schedule_summary": {
        "zh-CN": "排期与关键路径",
        "zh-TW": "排程與關鍵路徑",
        "en": "Schedule and critical path",
    },
    "deck.schedule_plan": {
        "zh-CN": "计划 {tasks} 项任务，{start} 至 {end}，共 {days} 天",
        "zh-TW": "計畫 {tasks} 項任務，{start} 至 {end}，共 {days} 天",
        "en": "{tasks} tasks planned, {start} to {end}, {days} days",
    },
    "deck.schedule_done": {
        "zh-CN": "已完成 {done} 项：按期 {on_time} 项，延期 {late} 项",
        "en": "{done} done: {on_time} on time, {late} late",
    },
    "deck.schedule_overdue": {
        "zh-CN": "逾期未完成 {count} 项：{items}",
        "en": "{count} past their end and not done: {items}",
    },
    "deck.note.schedule_table": {
        "zh-CN": "表中 ★ 是关键路径上的任务；延误天数标红的任务晚于计划完成。",
        "zh-TW": "表中 ★ 是關鍵路徑上的任務；延誤天數標紅的任務晚於計畫完成。",
        "en": "★ marks a task on the critical path; a red slip is a task that finished late.",
    },
    "deck.other_channels": {
        "zh-CN": "其余 {count} 个渠道",
        "zh-TW": "其餘 {count} 個通路",
        "en": "{count} more channels",
    },
    "deck.gantt": {
        "zh-CN": "甘特图（计划与实际）",
        "zh-TW": "甘特圖（計畫與實際）",
        "en": "Gantt chart: plan and actual",
    },
    "deck.gantt_planned": {"zh-CN": "计划工期", "zh-TW": "計畫工期", "en": "Planned"},
    "deck.gantt_slip": {"zh-CN": "延后完成", "en": "Finished late"},
    "deck.note.gantt": {
        "zh-CN": "每根横条是一项任务的计划起止，红色是关键路径上的任务，橙色是实际完成晚于计划的天数。",
        "zh-TW": "每根橫條是一項任務的計畫起止，紅色是關鍵路徑上的任務，橙色是實際完成晚於計畫的天數。",
        "en": "Each bar is a task's planned dates; red ones are on the critical path, and orange "
        "shows the days a task finished after its planned end.",
    },
    "deck.gantt_start": {"zh-CN": "开始", "en": "Start"},
    "deck.gantt_key": {
        "zh-CN": "红色：关键路径上的任务　蓝色：其他任务　橙色：晚于计划完成的天数",
        "zh-TW": "紅色：關鍵路徑上的任務　藍色：其他任務　橙色：晚於計畫完成的天數",
        "en": "Red: on the critical path. Blue: other tasks. Orange: days finished after the plan.",
    },
    # --- issue 17: the plan beside the review (--plan, or its sheets in the same file) ------
    "help.plan": {
        "zh-CN": "活动方案工作簿：报告增加执行过程与预算执行两节，JSON 增加 plan 对象。",
        "zh-TW": "活動方案活頁簿：報告增加執行過程與預算執行兩節，JSON 增加 plan 物件。",
        "en": "The campaign's plan workbook: adds the Execution and Budget execution sections "
        "to the report and a plan object to the JSON.",
    },
    "err.plan_with_plan": {
        "zh-CN": "{path}：本身就是方案工作簿；--plan 用于复盘工作簿"
        "（retrokit analyze 复盘.xlsx --plan 方案.xlsx）。",
        "en": "{path}: is itself a plan workbook; --plan goes with a retrospective "
        "(retrokit analyze REVIEW.xlsx --plan PLAN.xlsx).",
    },
    "err.plan_twice": {
        "zh-CN": "{path}：工作簿里已有方案的工作表；请去掉 --plan，或把方案工作表移出此文件。",
        "en": "{path}: already holds the plan's sheets; leave out --plan, or move those sheets "
        "out of this file.",
    },
    "report.execution": {"zh-CN": "执行过程", "en": "Execution"},
    "report.budget_execution": {"zh-CN": "预算执行", "en": "Budget execution"},
    "report.planned_finish": {"zh-CN": "计划完成", "zh-TW": "計畫完成", "en": "Planned finish"},
    "report.slip_days": {"zh-CN": "延误（天）", "en": "Slip (days)"},
    "report.slip_open": {"zh-CN": "{days}（未完成）", "en": "{days} (still open)"},
    "report.critical": {"zh-CN": "关键任务", "en": "Critical"},
    "report.no_critical_path": {
        "zh-CN": "没有可计算的关键路径（任务缺少日期）。",
        "en": "No critical path could be computed (the tasks lack dates).",
    },
    "report.path_slip.late": {
        "zh-CN": "关键路径：{path}；延误 {days} 天（截至 {task}）。",
        "en": "Critical path: {path}; {days} days late (as of {task}).",
    },
    "report.path_slip.early": {
        "zh-CN": "关键路径：{path}；提前 {days} 天（截至 {task}）。",
        "en": "Critical path: {path}; {days} days ahead (as of {task}).",
    },
    "report.path_slip.on_time": {
        "zh-CN": "关键路径：{path}；按计划完成（截至 {task}）。",
        "zh-TW": "關鍵路徑：{path}；按計畫完成（截至 {task}）。",
        "en": "Critical path: {path}; on schedule (as of {task}).",
    },
    "report.path_slip.unknown": {
        "zh-CN": "关键路径：{path}；关键任务尚无实际完成日期。",
        "en": "Critical path: {path}; no critical task has an actual finish yet.",
    },
    "report.variance": {"zh-CN": "差额", "en": "Variance"},
    "report.roi": {"zh-CN": "ROI", "en": "ROI"},
    "report.by_category": {"zh-CN": "分类别", "en": "By category"},
    "report.budget_lines": {"zh-CN": "预算明细", "en": "Budget lines"},
    # issue 14.7: the how-to sheet of a worked example says which fields are made up.
    "instructions.example": {
        "zh-CN": "关于示例：本工作簿是方法论中的 2024 年夏季促销样例。问题与行动表中的“影响程度”“实施难度”"
        "和“状态”是为演示而填写的示意值，原始资料中没有给出。",
        "zh-TW": "關於範例：本活頁簿是方法論中的 2024 年夏季促銷範例。問題與行動表中的「影響程度」「實施難度」"
        "和「狀態」是為示範而填寫的示意值，原始資料中沒有提供。",
        "en": "About this example: this workbook is the method's 2024 summer promotion sample. "
        "Impact, Effort and Status on the Problems & Actions sheet are illustrative values "
        "filled in for the demonstration; the source does not give them.",
    },
    # issue 14.5: what the KPI sheet's formulas compute, and V006 by its cause.
    "prompt.kpi_number": {
        "zh-CN": "照平时的写法填写，表格会算出差异值和达成率：5000、1,200、500万、1.5亿、3k、50元、"
        "8000人、200万元、5%、5‰、1:3。其他写法（如 ≥5%、两千）retrokit 仍能读取，但表格里不计算。",
        "en": "Type it as you write it; the sheet computes gap and achievement from: 5000, 1,200, "
        "5M, 3k, 500万, 50 CNY, 8000 users, 5%, 5‰, 1:3. Other forms (≥5%, words) are still "
        "read by retrokit but not computed in the sheet.",
    },
    "V006.typed": {
        "zh-CN": "“{column}”单元格是手填的 {cached}，覆盖了模板公式；按本行的目标值和实际值应为 "
        "{computed}。请恢复公式（从相邻行复制该单元格），或删除手填的值。",
        "en": "'{column}' holds a typed {cached} over the template's formula; from this row's "
        "target and actual it is {computed}. Restore the formula (copy the cell from a "
        "neighbouring row) or clear the typed value.",
    },
    "V006.stale": {
        "zh-CN": "“{column}”单元格的公式结果 {cached} 已过期：按本行的目标值和实际值应为 {computed}。"
        "请在 Excel、WPS 或 LibreOffice 中打开，重新计算（Ctrl+Alt+F9）后保存。",
        "en": "'{column}' shows {cached}, a stale result of its formula: from this row's target "
        "and actual it is {computed}. Open the file in Excel, WPS or LibreOffice, recalculate "
        "(Ctrl+Alt+F9) and save.",
    },
    "V006.time": {
        "zh-CN": "“{column}”中的比例被表格存成了时间 {shown}，表格公式按 {sheet} 计算，retrokit 读作 "
        "{read}。请把该单元格设为文本格式后重新输入比例（如 1:3），或直接写比值 {read}。",
        "en": "'{column}' holds a ratio the spreadsheet stored as the time {shown}: the sheet's "
        "formulas compute with {sheet}, retrokit reads {read}. Format the cell as text and type "
        "the ratio again (e.g. 1:3), or write the value {read}.",
    },
    "V006.form": {
        "zh-CN": "“{column}”中的 {value} 在表格公式里算作 {sheet}，retrokit 读作 {read}，两边的差异值和"
        "达成率因此不同。请改写成表格能计算的形式，例如 5000、500万、50元、5%、1:3。",
        "en": "'{column}' holds {value}, which the sheet's formulas read as {sheet} and retrokit "
        "as {read}, so their gap and achievement differ. Write it in a form the sheet computes, "
        "e.g. 5000, 5M, 50 CNY, 5%, 1:3.",
    },
    "err.suffix_unknown": {
        "zh-CN": "{path}：这个命令不能写 {suffix} 文件；请用 {known} 结尾的文件名。",
        "en": "{path}: this command cannot write a {suffix} file; name it with {known}.",
    },
    "err.rule_unknown": {
        "zh-CN": "没有规则“{code}”；用 retrokit rules 列出全部规则的代码和名称。",
        "en": "There is no rule '{code}'; retrokit rules lists every rule's code and name.",
    },
    "deck.template.workbook": {
        "zh-CN": "这是 Excel 工作簿，不是演示文稿",
        "en": "it is an Excel workbook, not a presentation",
    },
    "deck.template.document": {
        "zh-CN": "这是 Word 文档，不是演示文稿",
        "en": "it is a Word document, not a presentation",
    },
    "deck.template.not_office": {
        "zh-CN": "它不是 Office 文件，或设置了打开密码",
        "en": "it is not an Office file, or it has a password to open",
    },
    "deck.template.damaged": {
        "zh-CN": "演示文稿已损坏，或是 PowerPoint 不能直接打开的模板格式（请另存为 .pptx）",
        "en": "the presentation is damaged, or a template format to save as .pptx first",
    },
    "reason.export_file": {
        "zh-CN": "这是 retrokit export 导出的文件，不是一次活动的复盘",
        "en": "it is a file written by retrokit export, not a campaign's retrospective",
    },
    "reason.not_a_review": {
        "zh-CN": "其中没有复盘工作簿的工作表（基本信息、KPI评估、问题与行动、经验沉淀）",
        "en": "it has none of a retrospective's sheets (Basic Info, KPI Evaluation, "
        "Problems & Actions, Lessons)",
    },
    "err.no_such_path": {
        "zh-CN": "{path}：文件或文件夹不存在",
        "en": "{path}: no such file or folder",
    },
    "err.no_campaigns": {
        "zh-CN": "{paths}：没有找到可读取的复盘工作簿",
        "en": "{paths}: no readable retrospective workbook found",
    },
    "compare.effect_line": {
        "zh-CN": "{action} → {metric}：{before} → {after}，{effect}",
        "en": "{action} → {metric}: {before} → {after}, {effect}",
    },
    "reason.word_document": {
        "zh-CN": "这是 Word 文档（.docx），不是工作簿；请给出 .xlsx 工作簿",
        "en": "this is a Word document (.docx), not a workbook; give an .xlsx workbook",
    },
    "reason.presentation": {
        "zh-CN": "这是 PowerPoint 演示文稿（.pptx），不是工作簿；请给出 .xlsx 工作簿",
        "en": "this is a PowerPoint presentation (.pptx), not a workbook; give an .xlsx workbook",
    },
    "V007": {
        "zh-CN": "“{column}”的公式结果是错误值 {error}：{cause}请修正公式，或直接填写数值。",
        "en": "'{column}' holds the formula error {error}: {cause} Fix the formula or type "
        "the value.",
    },
    "doc.V007": {
        "zh-CN": "公式出错的单元格（#DIV/0!、#N/A、#VALUE!、#REF!、#NAME?）既不是空的，也没有值，"
        "无法参与计算。由程序生成、从未在表格软件中保存过的文件里，公式没有计算结果（openpyxl 不写结果，"
        "xlsxwriter 写的是占位的 0），也按此报告。\n修复：修正公式（被除数为 0、查找不到、引用已删除、"
        "函数名写错），或直接填写数值；没有计算结果的，在 Excel、WPS 或 LibreOffice 中打开并保存一次。",
        "en": "A cell whose formula gives an error (#DIV/0!, #N/A, #VALUE!, #REF!, #NAME?) is "
        "neither empty nor a value and cannot be used. So is a formula without a result in a "
        "file a program wrote and no spreadsheet app has saved (openpyxl writes no result, "
        "xlsxwriter a placeholder 0).\nFix: correct the formula (a division by zero, a lookup "
        "that finds nothing, a deleted reference, a misspelt function) or type the value; for "
        "one without a result, open and save the file once in Excel, WPS or LibreOffice.",
    },
    "summary.V007": {
        "zh-CN": "单元格的公式结果是错误值（#DIV/0!、#N/A、#REF! 等）。",
        "en": "A cell's formula gives an error value (#DIV/0!, #N/A, #REF!...).",
    },
    "cell_error.div0": {
        "zh-CN": "公式除以了 0 或空单元格。",
        "en": "the formula divides by zero or by an empty cell.",
    },
    "cell_error.na": {
        "zh-CN": "查找函数（如 VLOOKUP）没有找到要找的值，或公式用了 NA()。",
        "en": "a lookup (VLOOKUP, MATCH...) found nothing, or the formula uses NA().",
    },
    "cell_error.value": {
        "zh-CN": "公式里参与计算的值类型不对（例如把文字当数字计算）。",
        "en": "the formula computes with a value of the wrong kind (text used as a number).",
    },
    "cell_error.ref": {
        "zh-CN": "公式引用的单元格、行或工作表已被删除。",
        "zh-TW": "公式引用的儲存格、列或工作表已被刪除。",
        "en": "the formula refers to a cell, row or sheet that was deleted.",
    },
    "cell_error.name": {
        "zh-CN": "公式里有无法识别的函数名或名称（可能拼写错误）。",
        "en": "the formula uses a function or name that does not exist (a misspelling?).",
    },
    "cell_error.num": {
        "zh-CN": "公式的计算结果不是有效的数字。",
        "en": "the formula's result is not a valid number.",
    },
    "cell_error.null": {
        "zh-CN": "公式里的两个区域没有交集。",
        "en": "two ranges in the formula do not intersect.",
    },
    "cell_error.other": {
        "zh-CN": "公式无法计算出结果。",
        "en": "the formula cannot compute a result.",
    },
    "S004": {
        "zh-CN": "工作表“{used}”和“{other}”都可能是“{sheet}”：已读取“{used}”，未读取“{other}”。"
        "如果“{other}”才是要复盘的数据，请删除或重命名另一个。",
        "en": "sheets '{used}' and '{other}' could both be '{sheet}': '{used}' was read, "
        "'{other}' was not. If '{other}' holds the data to review, delete or rename the other.",
    },
    "doc.S004": {
        "zh-CN": "复制或备份的工作表（“KPI评估 (2)”、“KPI评估(旧)”、“KPI Evaluation (old)”）"
        "与原表同名，只能读取其中一个：名称完全一致的优先，其次是排在前面的。\n修复：删除多余的副本，"
        "或把它改成别的名称（如“KPI评估-旧版”）。",
        "en": "A copied or backup sheet ('KPI评估 (2)', 'KPI Evaluation (old)') names the same "
        "sheet as the original, and only one is read: the exact name first, then the first "
        "in order.\nFix: delete the extra copy, or give it another name ('KPI old').",
    },
    "summary.S004": {
        "zh-CN": "两个工作表都可能是同一张表（副本或备份），只读取了其中一个。",
        "en": "Two sheets could be the same sheet (a copy or a backup): one is read, the other not.",
    },
    "S005": {
        "zh-CN": "第 {row} 行是合计行（“{label}”），未作为一行数据读取；合计由上面各行计算。",
        "en": "row {row} is a total row ('{label}'); it is not read as a row of its own: "
        "totals are worked out from the rows above it.",
    },
    "doc.S005": {
        "zh-CN": "表格中的合计、总计、小计行（Total、Subtotal，以及预算中的“KOL小计”）、分组标题行"
        "（如“【线上渠道】”“二、用户指标”，或合并成一行的标题）、表格中间重复的表头行，以及空一行后画在"
        "表格下方、以列名标注的矩阵（如风险矩阵：“影响：高”“可能性：低”），都不是一个"
        "指标、一条预算明细或一天的数值：把它当作一行数据，会多算一个“超额完成”或“未完成”，或把花费和"
        "每日数值算两遍。同一指标另有按渠道的行时，渠道或维度写着“合计”“全渠道合计”的那一行，以及表格下方"
        "隔着空行、只有一两个数字的草稿计算，也是如此。retrokit 识别这样的行，不作为数据读取，并给出这条提示。"
        "\n修复：无需修复；"
        "如果提示的行其实是一行数据，请补全它的其他单元格。",
        "en": "Total, grand total and subtotal rows (Total, Subtotal, a budget's 'KOL subtotal'), "
        "rows heading a group ('[Online]', '2. Users', or a title merged across the row), a "
        "copy of the header further down and a matrix drawn below a blank row whose rows and "
        "columns are labelled with the sheet's column names (a risk matrix: 'Impact: High', "
        "'Likelihood: Low') are not a metric, a budget line or a day's figure: "
        "read as a row one adds an 'exceeded' or 'missed' that is not there, or counts "
        "spending and daily figures twice. So is a row whose channel or dimension says Total "
        "when its metric has rows by channel, and a side calculation typed below the table "
        "after blank rows (one or two numbers a row). retrokit recognises such rows and does not read "
        "them as data, with this note.\nFix: nothing to fix; if a row it names is data, fill "
        "in its other cells.",
    },
    "summary.S005": {
        "zh-CN": "合计、小计行（Total）、分组标题行、重复的表头行和表格下方的矩阵不作为数据读取。",
        "en": "A total (Total, Subtotal), a heading, a repeated header or a matrix is not read as data.",
    },
    "err.plan_deck": {
        "zh-CN": "{path}：幻灯片由复盘工作簿生成，方案的内容会放进其中；请运行 retrokit report 复盘.xlsx "
        "--plan {path} --format pptx。方案本身的报告可输出为 .html 或 .md。",
        "en": "{path}: the deck is made from the review, with the plan's sections in it; run "
        "retrokit report REVIEW.xlsx --plan {path} --format pptx. The plan's own report is "
        ".html or .md.",
    },
    "M002": {
        "zh-CN": "“{metric}”的目标和每日数值一个是百分比、一个是纯数字：{value} 已按 {read} 读取"
        "（共 {rows} 处），请统一写成百分比。",
        "zh-TW": "「{metric}」的目標和每日數值一個是百分比、一個是純數字：{value} 已按 {read} 讀取"
        "（共 {rows} 處），請統一寫成百分比。",
        "en": "'{metric}': the goal and its daily values mix percentages and bare numbers: "
        "{value} was read as {read} ({rows} in all); write them all as percentages.",
    },
    "doc.M002": {
        "zh-CN": "率类目标写成 5%，每日数值却写成 4（或反过来）时，4 可能是 4%，也可能是 400%。"
        "retrokit 和复盘表一样，取与百分比更接近的读法（小数或百分点），并给出这条警告，因为这只是推测。"
        "\n修复：把目标和每日数值都写成百分比（4%）。",
        "en": "When a rate's goal says 5% and its daily values say 4 (or the other way round), "
        "4 may mean 4% or 400%. As in the review, retrokit reads the bare number as a fraction "
        "or in percent points, whichever is closer to the percentage, and warns: it is a "
        "guess.\nFix: write the goal and the daily values as percentages (4%).",
    },
    "summary.M002": {
        "zh-CN": "率类目标与每日数值一个是百分比、一个是纯数字，已推测读取。",
        "en": "A rate's goal and daily values mix percentages and bare numbers, read by a guess.",
    },
    "prompt.days": {
        "zh-CN": "整数天数，例如 5（5月20日-5月25日 记作 5 或 6）；1周 按 7 天算",
        "en": "A whole number of days, e.g. 5 (20-25 May counts as 5 or 6); 1 week is 7 days",
    },
    # What an option's value is, in help screens (--today DATE): words, not type names.
    "metavar.file": {
        "zh-CN": "文件",
        "zh-TW": "檔案",
        "en": "FILE",
    },
    "metavar.date": {
        "zh-CN": "日期",
        "zh-TW": "日期",
        "en": "DATE",
    },
    "metavar.rate": {
        "zh-CN": "比例",
        "zh-TW": "比例",
        "en": "RATE",
    },
    "metavar.lang": {
        "zh-CN": "语言",
        "zh-TW": "語言",
        "en": "LANG",
    },
    "metavar.format": {
        "zh-CN": "格式",
        "zh-TW": "格式",
        "en": "FORMAT",
    },
    "metavar.number": {
        "zh-CN": "数量",
        "zh-TW": "數量",
        "en": "N",
    },
    "metavar.bytes": {
        "zh-CN": "字节数",
        "zh-TW": "位元組數",
        "en": "BYTES",
    },
    "metavar.kind": {
        "zh-CN": "类型",
        "zh-TW": "類型",
        "en": "KIND",
    },
    "metavar.code": {
        "zh-CN": "规则代码",
        "zh-TW": "規則代碼",
        "en": "CODE",
    },
    "metavar.workbook": {
        "zh-CN": "工作簿",
        "zh-TW": "活頁簿",
        "en": "WORKBOOK",
    },
    "metavar.paths": {
        "zh-CN": "文件或文件夹",
        "zh-TW": "檔案或資料夾",
        "en": "PATH",
    },
    "metavar.text": {
        "zh-CN": "文字",
        "zh-TW": "文字",
        "en": "TEXT",
    },
    "metavar.category": {
        "zh-CN": "类别",
        "zh-TW": "類別",
        "en": "CATEGORY",
    },
    "metavar.name": {
        "zh-CN": "姓名",
        "zh-TW": "姓名",
        "en": "NAME",
    },
    "metavar.seconds": {
        "zh-CN": "秒数",
        "zh-TW": "秒數",
        "en": "SECONDS",
    },
    "err.plan_kind_from": {
        "zh-CN": "{option} 只用于复盘工作簿：方案工作簿（--kind plan）从空白模板或 --example 开始；"
        "要从方案生成复盘，请运行 retrokit init 复盘.xlsx --from-plan 方案.xlsx。",
        "zh-TW": "{option} 只用於復盤活頁簿：方案活頁簿（--kind plan）從空白範本或 --example 開始；"
        "要從方案產生復盤，請執行 retrokit init 復盤.xlsx --from-plan 方案.xlsx。",
        "en": "{option} is for review workbooks: a plan workbook (--kind plan) starts blank or from "
        "--example; to start a review from a plan, run retrokit init REVIEW.xlsx --from-plan "
        "PLAN.xlsx.",
    },
    "err.example_from_plan": {
        "zh-CN": "--example 与 --from-plan 不能同时使用：示例是填好的样例，--from-plan 从活动方案开始。",
        "zh-TW": "--example 與 --from-plan 不能同時使用：範例已填好內容，--from-plan 從活動方案開始。",
        "en": "--example and --from-plan cannot be used together: the example is a filled-in "
        "sample, --from-plan starts from the campaign's plan.",
    },
    "S003.plan_field": {
        "zh-CN": "“{sheet}”缺少必填项“{column}”，请在字段名旁边填写。",
        "en": "'{sheet}' lacks the required field '{column}'; fill in its value.",
    },
    "V002.task": {
        "zh-CN": "任务 {task} 的结束时间 {end} 早于开始时间 {start}，请检查两个日期。",
        "en": "task {task} ends on {end}, before it starts on {start}; check both dates.",
    },
    "P008": {
        "zh-CN": "任务编号 {task} 与第 {row} 行的 {first} 重复，依赖它的任务会找错对象；请给每个任务一个唯一编号。",
        "en": "task ID {task} repeats {first} on row {row}, so tasks that depend on it may "
        "point at the wrong one; give every task its own ID.",
    },
    "doc.P008": {
        "zh-CN": "前置依赖按编号找任务：两个任务用同一个编号（大小写或全角半角不同也算同一个），"
        "依赖关系和关键路径就会算到其中一个上。\n修复：给每个任务一个唯一编号，并改正引用它的前置依赖。",
        "en": "Predecessors find their task by its ID: when two tasks share one (in any case or "
        "width), dependencies and the critical path go to one of them.\nFix: give every task "
        "its own ID and correct the predecessors that name it.",
    },
    "summary.P008": {
        "zh-CN": "两个任务的编号相同。",
        "en": "Two tasks have the same id.",
    },
    "P001.self": {
        "zh-CN": "任务把自己列为前置依赖（{tasks}），它永远无法开始；请从前置依赖中删去它自己的编号。",
        "en": "a task waits for itself ({tasks}), so it can never start; remove its own ID from "
        "its predecessors.",
    },
    "P009": {
        "zh-CN": "一起读取的活动方案 {plan} 是“{project}”（{start} 至 {end}），与本复盘的项目名称不同；"
        "请确认方案属于本次活动（--plan 指向了正确的文件）。",
        "en": "the plan read with this review, {plan}, is for '{project}' ({start} to {end}), "
        "not this review's project; check that --plan names this campaign's plan.",
    },
    "P009.period": {
        "zh-CN": "一起读取的活动方案 {plan}（{start} 至 {end}）与本复盘的活动日期没有重叠；"
        "请确认方案属于本次活动（--plan 指向了正确的文件）。",
        "en": "the plan read with this review, {plan} ({start} to {end}), shares no day with "
        "this review's campaign; check that --plan names this campaign's plan.",
    },
    "doc.P009": {
        "zh-CN": "复盘拿方案当基准：执行过程、预算执行都按方案计算。方案属于另一个活动时，这些对比都没有意义。"
        "\n修复：用 --plan 指定本次活动的方案，或改正两边的项目名称和日期。",
        "en": "A review measures against its plan: execution and budget sections come from it. "
        "A plan of another campaign makes them meaningless.\nFix: give --plan this "
        "campaign's plan, or correct the project name and dates on either side.",
    },
    "summary.P009": {
        "zh-CN": "与复盘一起读取的方案属于另一个活动或另一段时间。",
        "en": "The plan read with the review names another campaign or another period.",
    },
    "oserror.EACCES": {
        "zh-CN": "没有写入或读取权限",
        "zh-TW": "沒有寫入或讀取權限",
        "en": "permission denied",
    },
    "oserror.EPERM": {
        "zh-CN": "操作不被允许",
        "zh-TW": "操作不被允許",
        "en": "operation not permitted",
    },
    "oserror.EROFS": {
        "zh-CN": "这个位置是只读的",
        "zh-TW": "這個位置是唯讀的",
        "en": "the location is read-only",
    },
    "oserror.ENOSPC": {
        "zh-CN": "磁盘已满",
        "zh-TW": "磁碟已滿",
        "en": "the disk is full",
    },
    "oserror.EDQUOT": {
        "zh-CN": "超出了磁盘配额",
        "zh-TW": "超出了磁碟配額",
        "en": "the disk quota is used up",
    },
    "oserror.ENOENT": {
        "zh-CN": "文件或文件夹不存在",
        "zh-TW": "檔案或資料夾不存在",
        "en": "no such file or folder",
    },
    "oserror.EISDIR": {
        "zh-CN": "这是一个文件夹",
        "zh-TW": "這是一個資料夾",
        "en": "it is a folder",
    },
    "oserror.ENOTDIR": {
        "zh-CN": "路径中有一段不是文件夹",
        "zh-TW": "路徑中有一段不是資料夾",
        "en": "part of the path is not a folder",
    },
    "oserror.EFBIG": {
        "zh-CN": "文件超过了允许的大小",
        "zh-TW": "檔案超過了允許的大小",
        "en": "the file is larger than allowed",
    },
    "oserror.ENAMETOOLONG": {
        "zh-CN": "文件名太长",
        "zh-TW": "檔名太長",
        "en": "the file name is too long",
    },
    "what.file_size": {"zh-CN": "文件大小", "en": "file size"},
    "what.unpacked_size": {"zh-CN": "解压后大小", "en": "unpacked size"},
    "err.write_stdout": {
        "zh-CN": "无法输出结果（{reason}）；可用 -o 写入文件。",
        "en": "could not write the output ({reason}); write it to a file with -o.",
    },
    # The plan's own report: an empty plan's sentences, the risk list, goals without pacing,
    # and the deck's critical path while its last task is still open (issue 17 trial).
    "plan.schedule_empty": {
        "zh-CN": "执行排期还没有带开始和结束日期的任务，暂无甘特图和关键路径。",
        "zh-TW": "執行排程還沒有帶開始和結束日期的任務，暫無甘特圖和關鍵路徑。",
        "en": "The schedule has no task with start and end dates yet, so there is no Gantt "
        "chart or critical path.",
    },
    "plan.budget_empty": {
        "zh-CN": "预算分配还没有明细。",
        "en": "The budget has no lines yet.",
    },
    "plan.goals_empty": {
        "zh-CN": "还没有设定推广目标。",
        "en": "No goals are set yet.",
    },
    "plan.risks_empty": {
        "zh-CN": "还没有登记风险预案。",
        "zh-TW": "還沒有登記風險預案。",
        "en": "No risks are listed yet.",
    },
    "plan.pacing_empty": {
        "zh-CN": "每日监测还没有数据，暂无目标进度。",
        "en": "The daily monitoring has no figures yet, so no goal is paced.",
    },
    "plan.unpaced": {
        "zh-CN": "没有每日监测数据、未计算进度的目标：{items}。",
        "en": "Goals without daily figures, not paced: {items}.",
    },
    "plan.risk_list": {
        "zh-CN": "风险清单（按等级，含应对措施与负责人）",
        "en": "Risks by level, with response and owner",
    },
    "deck.note.path_slip_open": {
        "zh-CN": "关键路径目前延误 {days} 天（截至 {task}，仍未完成）。",
        "en": "The critical path is {days} days late so far (as of {task}, still open).",
    },
    "deck.note.path_on_time_open": {
        "zh-CN": "关键路径目前按计划推进（截至 {task}），尚未走完。",
        "zh-TW": "關鍵路徑目前按計畫推進（截至 {task}），尚未走完。",
        "en": "The critical path is on schedule so far (as of {task}) and not finished yet.",
    },
    "reason.macro_sheet": {
        "zh-CN": "工作表“{sheet}”是 Excel 4.0 宏表或对话框表，retrokit 无法读取含这类工作表的文件；"
        "请删除该表（或把需要的工作表复制到新文件）后另存为 .xlsx",
        "en": "sheet '{sheet}' is an Excel 4.0 macro or dialog sheet, and retrokit cannot read a "
        "file that has one; delete that sheet (or copy the sheets you need into a new file) and "
        "save as .xlsx",
    },
    "report.overall_partial.core": {
        "zh-CN": "（仅计入可评估的 {rated}/{total} 个核心指标）",
        "en": " (over the {rated} of {total} core KPIs that could be rated)",
    },
    "report.overall_partial.all": {
        "zh-CN": "（仅计入可评估的 {rated}/{total} 个 KPI）",
        "en": " (over the {rated} of {total} KPIs that could be rated)",
    },
    "report.core_unrated": {
        "zh-CN": "{count} 个核心指标无法评估（{metrics}），核心目标达成率未计入。",
        "en": "Core KPIs that could not be rated ({count}): {metrics}; the core goal "
        "achievement leaves them out.",
    },
    "report.core_all_unrated": {
        "zh-CN": "核心目标达成率无法计算：{count} 个核心指标都无法评估（{metrics}）。",
        "en": "Core goal achievement cannot be computed: none of the {count} core KPIs could "
        "be rated ({metrics}).",
    },
    "report.none_unrated": {
        "zh-CN": "无（另有 {count} 个 KPI 无法评估，未列入）",
        "en": "None ({count} more KPIs could not be rated and are not listed)",
    },
    "compare.effect_line.untold": {
        "zh-CN": "{action} → {metric}：{before} → {after}",
        "en": "{action} → {metric}: {before} → {after}",
    },
    "report.title.named": {
        "zh-CN": "{project}报告",
        "zh-TW": "{project}報告",
        "en": "{project}: report",
    },
    "V006.threshold": {
        "zh-CN": "工作表“{column}”列的公式按 {cell} 中的阈值 {sheet} 判定基本完成，retrokit 按 {used}"
        "（--threshold 或团队配置）判定，目前有 {count} 个 KPI 的结果因此与 retrokit 不同；"
        "把 {cell} 改为 {value}，两边就一致了。",
        "en": "the sheet's '{column}' formulas count a KPI as met from {sheet} (the threshold in "
        "{cell}), retrokit from {used} (--threshold or the team's config): {count} KPI results "
        "differ from retrokit's now; set {cell} to {value} so both agree.",
    },
    "compare.core_unrated": {
        "zh-CN": "{count} 个核心指标无法评估",
        "en": "{count} core KPIs not rated",
    },
    "compare.core_unrated_also": {
        "zh-CN": "{missed}（另有 {count} 个核心指标无法评估）",
        "en": "{missed} (and {count} core KPIs not rated)",
    },
    "V008": {
        "zh-CN": "“{column}”的值“{value}”不是有效的金额。",
        "en": "'{column}' value '{value}' is not a valid amount.",
    },
    "V008.negative": {
        "zh-CN": "“{column}”的值“{value}”是负数：预算和花费不能小于 0，请填写正数。",
        "en": "'{column}' value '{value}' is negative: a budget or a spend cannot be below 0; "
        "type a positive amount.",
    },
    "V008.huge": {
        "zh-CN": "“{column}”的值“{value}”大得不可能（达到 {limit}），请检查位数和单位（如把万写成了亿）。",
        "en": "'{column}' value '{value}' is implausibly large ({limit} or more); check the "
        "digits and the unit.",
    },
    "doc.V008": {
        "zh-CN": "预算、计划金额和实际花费不能为负数，任何金额都不会达到 1,000,000,000,000,000"
        "（一千万亿）：这样的值多半是多打了位数、写错了单位或负号，会让占比、超支和报告里的数字失去意义。"
        "该单元格不参与计算。\n修复：填写正数，检查位数和单位（万、亿）。",
        "zh-TW": "預算、計畫金額和實際花費不能為負數，任何金額都不會達到 1,000,000,000,000,000"
        "（一千兆）：這樣的值多半是多打了位數、寫錯了單位或負號，會讓占比、超支和報告裡的數字失去意義。"
        "該儲存格不參與計算。\n修復：填寫正數，檢查位數和單位（萬、億）。",
        "en": "A total budget, planned amount or spend cannot be negative, and no amount reaches "
        "1,000,000,000,000,000: such a value is a slipped sign, extra digits or a wrong unit, "
        "and would make the shares, the overspend check and the report meaningless. The cell "
        "is left out.\nFix: type a positive amount and check the digits and the unit.",
    },
    "summary.V008": {
        "zh-CN": "金额为负数，或大得不可能。",
        "en": "An amount is negative, or implausibly large.",
    },
    "V002.year_range": {
        "zh-CN": "“{column}”的值“{value}”的年份超出范围：retrokit 只读取 {first} 年至 {last} 年的日期，"
        "请检查年份。",
        "en": "'{column}' value '{value}' has a year outside {first}-{last}, the years "
        "retrokit reads as campaign dates; check the year.",
    },
    "V002.no_year": {
        "zh-CN": "“{column}”的值“{value}”没有写年份，而“{sheet}”中没有开始日期可以推断年份：请写上年份"
        "（如 2024-06-05），或填写“{sheet}”的开始日期和结束日期。",
        "zh-TW": "「{column}」的值「{value}」沒有寫年份，而「{sheet}」中沒有開始日期可以推斷年份：請寫上年份"
        "（如 2024-06-05），或填寫「{sheet}」的開始日期和結束日期。",
        "en": "'{column}' value '{value}' has no year, and {sheet} gives no start date to take "
        "it from: write the year (like 2024-06-05), or fill in the dates on {sheet}.",
    },
    "V002.reversed": {
        "zh-CN": "“{column}”的值“{value}”的结束日期早于开始日期，而活动不跨年，不能算作下一年：请把起止日期"
        "写对（如 6月1日-7月1日）；跨年的范围请写上年份（如 2024-12-25 至 2025-01-10）。",
        "zh-TW": "「{column}」的值「{value}」的結束日期早於開始日期，而活動不跨年，不能算作下一年：請把起訖日期"
        "寫對（如 6月1日-7月1日）；跨年的範圍請寫上年份（如 2024-12-25 至 2025-01-10）。",
        "en": "'{column}' value '{value}' ends before it starts, and the campaign does not run "
        "into the next year: put the dates in order (like Jun 1 - Jul 1), or write a range "
        "over the new year with its years (2024-12-25 - 2025-01-10).",
    },
    "V007.uncalculated": {
        "zh-CN": "“{column}”是公式，但文件里没有它的计算结果（文件由程序生成，没有在表格软件中保存过）；"
        "请在 Excel、WPS 或 LibreOffice 中打开并保存一次，或直接填写数值。",
        "en": "'{column}' is a formula with no result saved in the file (it was written by a "
        "program and never saved by a spreadsheet app); open and save it once in Excel, WPS or "
        "LibreOffice, or type the value.",
    },
    "S001.none": {
        "zh-CN": "找不到复盘工作簿的任何工作表（如“{sheet}”“{other}”），这不像 retrokit 的复盘工作簿；"
        "请用 retrokit init 生成模板，再把内容填进去。",
        "zh-TW": "找不到復盤活頁簿的任何工作表（如「{sheet}」「{other}」），這不像 retrokit 的復盤活頁簿；"
        "請用 retrokit init 產生範本，再把內容填進去。",
        "en": "none of a review workbook's sheets ('{sheet}', '{other}' ...) is here: this does not "
        "look like a retrokit review; make one with retrokit init and fill it in.",
    },
    "S001.none_plan": {
        "zh-CN": "找不到方案工作簿的任何工作表（如“{sheet}”“{other}”），这不像 retrokit 的方案工作簿；"
        "请用 retrokit init --kind plan 生成模板，再把内容填进去。",
        "zh-TW": "找不到方案活頁簿的任何工作表（如「{sheet}」「{other}」），這不像 retrokit 的方案活頁簿；"
        "請用 retrokit init --kind plan 產生範本，再把內容填進去。",
        "en": "none of a plan workbook's sheets ('{sheet}', '{other}' ...) is here: this does not "
        "look like a retrokit plan; make one with retrokit init --kind plan and fill it in.",
    },
    "err.not_retrokit": {
        "zh-CN": "{path}：找不到复盘或方案工作簿的任何工作表（如“基本信息”“KPI评估”“执行排期”），"
        "这不像 retrokit 的工作簿；请用 retrokit init 生成模板，再把内容填进去。",
        "zh-TW": "{path}：找不到復盤或方案活頁簿的任何工作表（如「基本資訊」「KPI評估」「執行排程」），"
        "這不像 retrokit 的活頁簿；請用 retrokit init 產生範本，再把內容填進去。",
        "en": "{path}: none of a review's or plan's sheets (Basic Info, KPI Evaluation, Schedule "
        "...) is here: this does not look like a retrokit workbook; make one with retrokit init "
        "and fill it in.",
    },
    "A001.placeholder": {
        "zh-CN": "“{column}”写的是“{value}”，这是占位内容，不是具体的责任人；请写明由谁负责，例如“李策划”。",
        "zh-TW": "「{column}」寫的是「{value}」，這是佔位內容，不是具體的負責人；請寫明由誰負責，例如「李企劃」。",
        "en": "'{column}' holds '{value}', a placeholder rather than an owner; name who is "
        "responsible, e.g. 'Li'.",
    },
    "A002.placeholder": {
        "zh-CN": "“{column}”写的是“{value}”，这是占位内容，不是日期；请填写完成日期，例如 2024-08-10。",
        "zh-TW": "「{column}」寫的是「{value}」，這是佔位內容，不是日期；請填寫完成日期，例如 2024-08-10。",
        "en": "'{column}' holds '{value}', a placeholder rather than a date; give the due date, "
        "e.g. 2024-08-10.",
    },
    "A005.placeholder": {
        "zh-CN": "“{column}”写的是“{value}”，这是占位内容，不是根本原因；请用 5-Why 追问到根本原因。",
        "zh-TW": "「{column}」寫的是「{value}」，這是佔位內容，不是根本原因；請用 5-Why 追問到根本原因。",
        "en": "'{column}' holds '{value}', a placeholder rather than a root cause; ask 5-Why "
        "until you reach it.",
    },
    "A006.placeholder": {
        "zh-CN": "“{column}”写的是“{value}”，这是占位内容，不是改进措施；请写明要做什么。",
        "zh-TW": "「{column}」寫的是「{value}」，這是佔位內容，不是改進措施；請寫明要做什麼。",
        "en": "'{column}' holds '{value}', a placeholder rather than an action; say what will "
        "be done.",
    },
    "V002.day_or_month": {
        "zh-CN": "“{column}”的值“{value}”可能是 {month_first}（月/日/年），也可能是 {day_first}"
        "（日/月/年），无法确定：请按年-月-日写（如 {month_first}）。",
        "en": "'{column}' value '{value}' could be {month_first} (month/day/year) or {day_first} "
        "(day/month/year); write it year first to say which (like {month_first}).",
    },
    "err.date_option.no_year": {
        "zh-CN": "日期 {value} 没有写年份，请写成 2024-08-01、2024/8/1 或 2024年8月1日。",
        "en": "date {value} has no year; write it as 2024-08-01, 2024/8/1 or 2024年8月1日.",
    },
    "err.date_option.day_or_month": {
        "zh-CN": "日期 {value} 可能是 {month_first}，也可能是 {day_first}，无法确定；"
        "请写成 {month_first} 这样的年-月-日形式（也可写 2024/8/1 或 2024年8月1日）。",
        "en": "date {value} could be {month_first} or {day_first}; write it year first, as "
        "{month_first} (or 2024/8/1, 2024年8月1日).",
    },
    "reason.not_regular": {
        "zh-CN": "这不是普通文件（是管道、设备或其他特殊文件），无法作为工作簿读取",
        "zh-TW": "這不是一般檔案（是管道、裝置或其他特殊檔案），無法當作活頁簿讀取",
        "en": "it is not a regular file (a pipe, a device or another special file), so it "
        "cannot be read as a workbook",
    },
    "reason.link_loop": {
        "zh-CN": "这是一个无法追踪的链接（链接最终又指回自身，形成循环）",
        "en": "it is a link that cannot be followed (the links form a loop)",
    },
    "detail.not_zip": {"zh-CN": "不是 zip 压缩包", "en": "not a zip archive"},
    "detail.damaged_data": {"zh-CN": "压缩的数据已损坏", "en": "the compressed data is damaged"},
    "detail.truncated": {"zh-CN": "文件被截断，内容不完整", "en": "the file is cut short"},
    "detail.bad_xml": {"zh-CN": "内部 XML 格式错误", "en": "its XML is malformed"},
    "detail.unknown_format": {
        "zh-CN": "无法识别的文件格式",
        "en": "the file format cannot be recognised",
    },
    "detail.in_part": {"zh-CN": "{part}：{what}", "en": "{part}: {what}"},
    "unit.bytes": {"zh-CN": "{n} 字节（{size}）", "en": "{n} bytes ({size})"},
    "what.ratio": {"zh-CN": "{part} 的压缩比", "en": "compression ratio of {part}"},
    "summary.P007.team": {
        "zh-CN": "任务负责人不在项目分工表中。",
        "en": "A task's owner is not on the team sheet.",
    },
    "summary.V002.task": {
        "zh-CN": "任务的结束时间早于开始时间。",
        "en": "A task's end is before its start.",
    },
    "summary.V002.order": {
        "zh-CN": "结束日期早于开始日期。",
        "en": "The end date is before the start date.",
    },
    "summary.S003.plan": {
        "zh-CN": "方案中已填写的行缺少必填字段或单元格。",
        "en": "A required field or cell of the plan is empty in a filled row.",
    },
    # --- a finding's severity as people read it (lint's machine formats keep error/warning/info) ---
    "severity.error": {"zh-CN": "错误", "en": "error"},
    "severity.warning": {"zh-CN": "警告", "en": "warning"},
    "severity.info": {"zh-CN": "提示", "en": "info"},
    # S003.plan: the plan's required cells, said as S003 says them (its own key, so that
    # required-plan-cell-empty is selected and counted on its own).
    "S003.plan": {
        "zh-CN": "“{column}”为必填项，但这里是空的，请补充。",
        "en": "'{column}' is required but empty here; fill it in.",
    },
    "V002.start_no_year": {
        "zh-CN": "“{column}”的值“{value}”没有写年份，而其他没写年份的日期都按活动开始日期的年份读取："
        "请写上年份（如 2024-10-20）。",
        "zh-TW": "「{column}」的值「{value}」沒有寫年份，而其他沒寫年份的日期都按活動開始日期的年份讀取："
        "請寫上年份（如 2024-10-20）。",
        "en": "'{column}' value '{value}' has no year, and the other dates without one take the "
        "start date's year: write the year (like 2024-10-20).",
    },
    "S005.header": {
        "zh-CN": "第 {row} 行重复了表头，未作为一行数据读取；无需修改，也可以把它删除。",
        "en": "row {row} repeats the header; it is not read as a row of data. Nothing to fix; "
        "you may delete the row.",
    },
    "S005.section": {
        "zh-CN": "第 {row} 行“{label}”是分组标题，未作为一行数据读取；如果它是一行数据，请补全其他单元格。",
        "en": "row {row} ('{label}') heads a group of rows; it is not read as a row of data. "
        "If it is one, fill in the rest of the row.",
    },
    "V006.own": {
        "zh-CN": "“{column}”单元格用的是自己的公式 {formula}，结果 {cached}；retrokit 按本行的目标值、"
        "实际值和方向算出 {computed}。重新计算不会改变它：请核对公式（越高越好的指标，达成率是"
        "实际值÷目标值；越低越好的是目标值÷实际值），或核对“方向”。",
        "zh-TW": "「{column}」儲存格用的是自己的公式 {formula}，結果 {cached}；retrokit 按本列的目標值、"
        "實際值和方向算出 {computed}。重新計算不會改變它：請核對公式（越高越好的指標，達成率是"
        "實際值÷目標值；越低越好的是目標值÷實際值），或核對「方向」。",
        "en": "'{column}' uses its own formula {formula}, which gives {cached}; from this row's "
        "target, actual and direction retrokit computes {computed}. Recalculating will not "
        "change it: check the formula (achievement is actual ÷ target where higher is better, "
        "target ÷ actual where lower is better), or check the direction.",
    },
    # P004 on a schedule without an id column: predecessors are task names.
    "P004.name": {
        "zh-CN": "任务 {task} 的前置依赖“{ids}”不是本表中任何任务的名称；请写已有任务的名称，多个用逗号或"
        "顿号分隔。",
        "en": "task {task} depends on '{ids}', which is the name of no task on the sheet; write "
        "the name of an existing task, several separated by commas.",
    },
    # After plan.budget_line: lines planned as shares (40%) with no total budget to apply.
    "plan.shares_need_total": {
        "zh-CN": "；{n} 行计划金额按占比（如 40%）填写，需在活动概况中填写总预算才能换算成金额",
        "zh-TW": "；{n} 列計畫金額按佔比（如 40%）填寫，需在活動概況中填寫總預算才能換算成金額",
        "en": "; {n} line(s) planned as a share (such as 40%) need the total budget on the "
        "overview to become amounts",
    },
    # --- compare: a campaign whose start date is unknown (its place in time is a guess) -----
    "compare.undated.blank": {
        "zh-CN": "{file}：没有开始日期（{cell} 为空），表中把它列在有日期的活动之后，"
        "它的实际先后未知；趋势和行动效果的判断不包括这个活动。",
        "en": "{file}: no start date ({cell} is empty); it is listed after the dated "
        "campaigns, but its place in time is not known, and trends and action effects "
        "leave it out.",
    },
    "compare.undated.unreadable": {
        "zh-CN": "{file}：开始日期无法识别（{cell}：{text}），表中把它列在有日期的活动之后，"
        "它的实际先后未知；趋势和行动效果的判断不包括这个活动。",
        "en": "{file}: the start date cannot be read ({cell}: {text}); it is listed after the "
        "dated campaigns, but its place in time is not known, and trends and action effects "
        "leave it out.",
    },
    # --- compare, lessons, export: a plan workbook among the reviews ----------------------
    "reason.plan_not_review": {
        "zh-CN": "这是活动方案工作簿，compare、lessons 和 export 只读取复盘工作簿"
        "（方案请用 analyze 或 report 查看）",
        "en": "it is a campaign plan workbook; compare, lessons and export read "
        "retrospectives (see a plan with analyze or report)",
    },
    # --- compare, lessons, export: one campaign given as two files --------------------------
    "warn.same_campaign": {
        "zh-CN": "{left_out} 与 {used} 是同一个活动（{why}），只使用 {used}",
        "en": "{left_out} and {used} are the same campaign ({why}); only {used} is used",
    },
    "why.same_start": {
        "zh-CN": "项目名称、起止日期和负责人都相同",
        "en": "same project name, dates and owner",
    },
    "why.same_content": {
        "zh-CN": "项目名称相同，KPI、问题和经验逐格相同",
        "en": "same project name, and the same KPI, problem and lesson rows cell for cell",
    },
    # --- compare: the trend column is the latest change, and says so ----------------------
    "compare.latest_change": {"zh-CN": "最近变化", "en": "Latest change"},
    "compare.latest_change_note": {
        "zh-CN": "最近变化：每个指标最近一次测量的达成率与它的上一次测量相比（不是与第一次相比）。",
        "en": "Latest change: each metric's latest measured achievement rate against the one "
        "measured before it (not against the first).",
    },
    # --- lessons: an empty library says why -------------------------------------------------
    "lessons.no_match": {
        "zh-CN": "没有经验符合条件：{criteria}",
        "en": "No lesson matches {criteria}",
    },
    "lessons.none_recorded": {
        "zh-CN": "这些复盘中没有记录经验",
        "en": "No lessons are recorded in these retrospectives",
    },
    "deck.note.closed": {
        "zh-CN": "{total} 项行动中已有 {count} 项完成或取消。",
        "en": "Done or dropped already: {count} of {total} actions.",
    },
    "report.core_none_missed": {
        "zh-CN": "核心指标无一未完成：均为超额完成或基本完成。",
        "en": "No core KPI was missed: each met or exceeded its goal.",
    },
    "K004.no_column": {
        "zh-CN": "指标“{metric}”的方向是按{source}推断的：{direction}；本表没有“方向”列，如不对，"
        "请加一列“方向”，在这一行写“越高越好”或“越低越好”。",
        "zh-TW": "指標「{metric}」的方向是按{source}推斷的：{direction}；本表沒有「方向」欄，如不對，"
        "請新增一欄「方向」，在本列寫「越高越好」或「越低越好」。",
        "en": "KPI '{metric}' is taken as '{direction}', inferred from {source}; the sheet has "
        "no 'Direction' column: if that is wrong, add one and write 'Higher is better' or "
        "'Lower is better' on this row.",
    },
    "A003.empty": {
        "zh-CN": "预期效果是空的，请写出可衡量的效果（带数字），例如“注册转化率提升到 5.5%”。",
        "en": "expected effect is empty; write a measurable effect with a number, e.g. "
        "'registration conversion up to 5.5%'.",
    },
    "V002.period": {
        "zh-CN": "“{label}”的值“{value}”读不出起止日期：请写成 2024-07-01 至 2024-07-15（写明年份），"
        "或分别填写开始日期和结束日期。",
        "en": "'{label}' value '{value}' does not read as a start and an end date: write it like "
        "2024-07-01 to 2024-07-15 (with the year), or fill in the start and end dates.",
    },
    "P008.name": {
        "zh-CN": "任务名称“{task}”与第 {row} 行的任务同名；本表没有“编号”列，任务按名称区分，"
        "依赖它的任务会找错对象：请改成不同的名称（如“{task}（二）”），或加上“编号”列。",
        "en": "task name '{task}' repeats the task on row {row}; the sheet has no ID column, so "
        "tasks are told apart by name and those that depend on it may point at the wrong one: "
        "give it another name (like '{task} (2)'), or add an 'ID' column.",
    },
    "finding.more": {
        "zh-CN": "本工作表另有 {count:,} 处 {code} 问题没有逐一列出（只列出前 {shown} 处）；请先改正列出的，再重新检查。",
        "en": "{count:,} more {code} findings on this sheet are not listed (only the first {shown}); fix "
        "the ones listed and check again.",
    },
    "reason.part_too_large": {
        "zh-CN": "文件内部的 {part} 部分异常庞大（{value:,} 个标签，上限 {limit:,} 个），无法安全读取；"
        "请在 Excel、WPS 或 LibreOffice 中打开并另存为新文件后重试",
        "en": "its part {part} is unusually large ({value:,} tags, limit {limit:,}) and cannot be "
        "read safely; open it in Excel, WPS or LibreOffice, save it as a new file and try again",
    },
    # units: an amount with its own multiplier or currency in a row counted in 万元 (V006).
    "V006.unit": {
        "zh-CN": "“{column}”中的 {value} 没有按本行的单位“{unit}”来写：表格公式把它算作 {sheet} {unit}，"
        "retrokit 读作 {read} {unit}，表格里的差异值和达成率因此不对。请直接写 {read}。",
        "en": "'{column}' holds {value}, not written in this row's unit '{unit}': the sheet's "
        "formulas take it as {sheet} {unit}, retrokit reads {read} {unit}, so the sheet's gap "
        "and achievement are wrong. Write {read}.",
    },
    "V005.scale": {
        "zh-CN": "指标“{metric}”的目标值 {target} 和实际值 {actual} 一个写成小数、一个写成百分点，"
        "retrokit 按 {target_read} 和 {actual_read} 计算；请统一写法（都写成百分比，如 {target_read} 和 {actual_read}）。",
        "en": "'{metric}': target {target} and actual {actual} are written one as a fraction and "
        "one in percent points; retrokit reads {target_read} and {actual_read}. Write both the "
        "same way (as percentages: {target_read} and {actual_read}).",
    },
    "V006.hand": {
        "zh-CN": "“{column}”单元格写的是 {cached}，按本行的目标值和实际值应为 {computed}。"
        "请改正这个值，或清空该单元格（retrokit 会自行计算）。",
        "en": "'{column}' says {cached}, but from this row's target and actual it is {computed}. "
        "Correct it, or clear the cell (retrokit computes it).",
    },
    "V005.hand": {
        "zh-CN": "指标“{metric}”的目标值和实际值形式不一致（一个是百分比，一个不是）：retrokit 按离百分比"
        "更近的读法换算（如目标 5%、实际 4 读作 4%），但这只是推测。请统一写法，如 5% 和 4%。",
        "en": "'{metric}': target and actual are in different forms (one a percentage, one not): "
        "retrokit reads the bare one the way closer to the percentage (a target of 5% and an "
        "actual of 4: 4%), which is a guess. Write both the same way, e.g. 5% and 4%.",
    },
    "S005.matrix": {
        "zh-CN": "从第 {row} 行（“{label}”）起是一张矩阵，以本表的列名（如“{cell}”）标注，"
        "不是数据行，未读取。",
        "en": "from row {row} ('{label}') on is a matrix: its rows and columns are labelled with "
        "this sheet's column names (like '{cell}'), they are not rows of data and are not read.",
    },
    "P006.phase": {
        "zh-CN": "“{phase}”阶段的任务 {task} 的日期 {day} 在活动周期 {start} 至 {end} 之外。",
        "zh-TW": "「{phase}」階段的任務 {task} 的日期 {day} 在活動週期 {start} 至 {end} 之外。",
        "en": "task {task} of the '{phase}' phase has a date ({day}) outside the campaign, "
        "{start} to {end}.",
    },
    "P006.far": {
        "zh-CN": "任务 {task} 的日期 {day} 离活动周期 {start} 至 {end} 有 {days} 天，可能写错了；"
        "如果它是筹备或收尾任务，请在“阶段”列注明。",
        "zh-TW": "任務 {task} 的日期 {day} 距離活動週期 {start} 至 {end} 有 {days} 天，可能寫錯了；"
        "如果它是籌備或收尾任務，請在「階段」欄註明。",
        "en": "task {task} has a date ({day}) {days} days away from the campaign, {start} to "
        "{end}: it may be mistyped; if it is preparation or wrap-up, say so in 'Phase'.",
    },
    "summary.K002.core": {
        "zh-CN": "有 KPI 行，但没有一个标为核心指标。",
        "en": "There are KPI rows, but none is marked core.",
    },
    # V002.span: a period typed in one cell (活动时间) against the start and end dates typed in
    # their own cells; the own cells are used.
    "V002.span": {
        "zh-CN": "“{label}”写的是“{value}”，与{start_column}（{start_cell}：{start}）和{end_column}"
        "（{end_cell}：{end}）不一致；retrokit 采用的是{start_column}和{end_column}。请改正写错的一处，"
        "使两处一致，或删去“{label}”。",
        "en": "'{label}' says '{value}', which disagrees with {start_column} ({start_cell}: "
        "{start}) and {end_column} ({end_cell}: {end}); retrokit uses {start_column} and "
        "{end_column}. Correct the one that is wrong so that they agree, or delete '{label}'.",
    },
    "V002.span_start": {
        "zh-CN": "“{label}”写的是“{value}”，与{start_column}（{start_cell}：{start}）不一致；"
        "retrokit 采用的是{start_column}。请改正写错的一处，使两处一致，或删去“{label}”。",
        "en": "'{label}' says '{value}', which disagrees with {start_column} ({start_cell}: "
        "{start}); retrokit uses {start_column}. Correct the one that is wrong so that they "
        "agree, or delete '{label}'.",
    },
    "V002.span_end": {
        "zh-CN": "“{label}”写的是“{value}”，与{end_column}（{end_cell}：{end}）不一致；"
        "retrokit 采用的是{end_column}。请改正写错的一处，使两处一致，或删去“{label}”。",
        "en": "'{label}' says '{value}', which disagrees with {end_column} ({end_cell}: "
        "{end}); retrokit uses {end_column}. Correct the one that is wrong so that they "
        "agree, or delete '{label}'.",
    },
    "summary.V002.span": {
        "zh-CN": "单元格中填写的活动时间与开始日期或结束日期不一致。",
        "en": "A campaign period typed in one cell disagrees with the start or end date beside it.",
    },
    # The group tables' fourth count (超额完成 / 基本完成 / 未完成 / 无法评估), where any KPI is unrated.
    "report.group_unrated": {"zh-CN": "无法评估", "en": "Unrated"},
    # compare with one campaign: said in place of the empty table of changes.
    "compare.single": {
        "zh-CN": "变化需要至少两个活动才能比较：这里只有一个活动（{project}），它的数据见上表。",
        "en": "Changes need two campaigns or more: there is only one here ({project}); its "
        "figures are in the table above.",
    },
    # export --headers LANG: the values of two coded columns that are no sheet's list.
    "export.direction_source.column": {
        "zh-CN": "方向列",
        "zh-TW": "方向欄",
        "en": "Direction column",
    },
    "export.direction_source.sign": {
        "zh-CN": "比较符号（≥、≤）",
        "en": "Threshold sign (≥, ≤)",
    },
    "export.direction_source.config": {"zh-CN": "团队配置的词", "en": "Team's configured words"},
    "export.direction_source.name": {"zh-CN": "指标名称", "en": "Metric name"},
    "export.direction_source.dimension": {
        "zh-CN": "“成本”维度",
        "zh-TW": "「成本」維度",
        "en": "Cost dimension",
    },
    "export.direction_source.default": {
        "zh-CN": "默认（越高越好）",
        "en": "Default (higher is better)",
    },
    "export.overall_basis.core": {"zh-CN": "核心 KPI", "en": "Core KPIs"},
    "export.overall_basis.all": {"zh-CN": "全部 KPI", "en": "All KPIs"},
    # V002.no_year when the basic info's start date is there but has no year either.
    "V002.no_year_start": {
        "zh-CN": "“{column}”的值“{value}”没有写年份，而“{sheet}”的开始日期（{start_cell}：“{start}”）"
        "也没有写年份，无法推断：请给开始日期写上年份（如 2024-07-01），或给这个日期写上年份。",
        "en": "'{column}' value '{value}' has no year, and the start date on {sheet} "
        "({start_cell}: '{start}') has none either to take it from: write the start date's year "
        "(like 2024-07-01), or this date's.",
    },
    "K004.time": {
        "zh-CN": "指标“{metric}”的值是时间（{unit}），但名称看不出它是等待的时间（越低越好，如响应、"
        "发货）还是停留的时间（越高越好，如观看、停留），暂按默认的“{direction}”计算；如不对，请在"
        "“方向”列写明（没有这一列就加一列）。",
        "zh-TW": "指標「{metric}」的值是時間（{unit}），但名稱看不出它是等待的時間（越低越好，如回應、"
        "出貨）還是停留的時間（越高越好，如觀看、停留），暫按預設的「{direction}」計算；如不對，請在"
        "「方向」欄寫明（沒有這一欄就新增一欄）。",
        "en": "KPI '{metric}' is a time ({unit}), but its name says neither a wait (lower is "
        "better: response, delivery) nor time spent with us (higher is better: watch time, "
        "dwell time), so it is taken as '{direction}' by default; if that is wrong, fill its "
        "'Direction' column (add one if the sheet has none).",
    },
    "K005": {
        "zh-CN": "指标“{metric}”在第 {first} 行已经有一行；同一指标只应有一行，对比（compare）只用第 {first} 行。"
        "如果两行是不同的阶段或口径，请在指标名称里写明区别（如“预热期{metric}”，括号里的字会被当作单位忽略）；否则删掉多余的一行。",
        "en": "KPI '{metric}' is already on row {first}; a metric should have one row, and "
        "'compare' uses row {first} only. If the two rows are different phases or scopes, say "
        "so in the name (like 'Warm-up {metric}': words in brackets are read as a unit); otherwise delete the extra row.",
    },
    "K005.channel": {
        "zh-CN": "指标“{metric}”（渠道“{channel}”）在第 {first} 行已经有一行；同一指标同一渠道只应有一行，"
        "对比（compare）只用第 {first} 行。如果两行是不同的阶段或口径，请在指标名称里写明区别"
        "（如“预热期{metric}”，括号里的字会被当作单位忽略）；否则删掉多余的一行。",
        "en": "KPI '{metric}' for channel '{channel}' is already on row {first}; a metric should "
        "have one row per channel, and 'compare' uses row {first} only. If the two rows are "
        "different phases or scopes, say so in the name (like 'Warm-up {metric}': words in brackets are read as a unit); otherwise "
        "delete the extra row.",
    },
    "doc.K005": {
        "zh-CN": "同一份复盘里，同一指标（同一渠道）写了两行，例如两行“注册转化率”：分析把两行都算进"
        "达成情况，对比（compare）只取第一行，另一行的数字不知去向。\n修复：如果两行是不同阶段或口径，"
        "在名称里写明区别（“预热期注册转化率”“爆发期注册转化率”；括号里的字会被当作单位忽略）或填上各自的渠道；如果是"
        "重复录入，删掉多余的一行。",
        "en": "One review lists the same metric (for the same channel) on two rows, such as two "
        "'Registration conversion' rows: the analysis counts both, and 'compare' takes the "
        "first only, so the other row's figures go unseen.\nFix: if the rows are different "
        "phases or scopes, say so in the names ('Warm-up registration conversion', "
        "'Peak registration conversion': words in brackets are read as a unit) or fill in their channels; if it was typed twice, "
        "delete the extra row.",
    },
    "summary.K005": {
        "zh-CN": "同一指标、同一渠道在一份复盘里有两行。",
        "en": "The same metric for the same channel is on two rows of one review.",
    },
    "compare.duplicate_rows": {
        "zh-CN": "（第 {row} 行；第 {others} 行同名未用，见 K005）",
        "en": " (row {row}; row {others} of the same name is left out, see K005)",
    },
    "S005.side": {
        "zh-CN": "表格下方隔着空行的 {cells} 只有数字，没有名称，看作表格旁的草稿计算，未作为一行数据读取；"
        "如果它们是一行数据（如一个指标），请补上名称，否则可以移到别的工作表。",
        "zh-TW": "表格下方隔著空白列的 {cells} 只有數字，沒有名稱，視為表格旁的草稿計算，未作為一列資料讀取；"
        "如果它們是一列資料（如一個指標），請補上名稱，否則可以移到別的工作表。",
        "en": "{cells}, below the table after blank rows, hold only numbers and no name: read as "
        "a side calculation, not as a row of data. If they are one (a KPI), give the row its "
        "name; otherwise you may move them to another sheet.",
    },
    # The budget's sentence when spending is past the total: over by, not a negative remaining.
    "plan.budget_over": {
        "zh-CN": "总预算 {total}，已分配 {planned}，实际花费 {actual}，超支 {over}",
        "en": "Total budget {total}, allocated {planned}, spent {actual}, over budget by {over}",
    },
    # B002: a line's spent a hundredfold from its plan: typed in another unit (元 beside 万元).
    "B002.scale": {
        "zh-CN": "“{item}”实际花费 {actual}，计划 {planned}，相差百倍以上：实际花费是否与计划金额用了"
        "不同的单位（如元与万元）？请核对后统一单位。",
        "zh-TW": "「{item}」實際花費 {actual}，計畫 {planned}，相差百倍以上：實際花費是否與計畫金額用了"
        "不同的單位（如元與萬元）？請核對後統一單位。",
        "en": "'{item}' spent {actual} against a plan of {planned}, a hundredfold apart: is the "
        "spending typed in another unit than the plan (yuan against 10k yuan)? Check the units.",
    },
    # B004: the review's total-spend KPI and its plan's budget name two different spends.
    "B004": {
        "zh-CN": "“{metric}”的实际值 {actual} 与活动方案 {plan} 预算表的实际花费合计 {spent} 不一致；"
        "两处说的是同一笔花费，请核对其中一处。",
        "zh-TW": "「{metric}」的實際值 {actual} 與活動方案 {plan} 預算表的實際花費合計 {spent} 不一致；"
        "兩處說的是同一筆花費，請核對其中一處。",
        "en": "'{metric}' says {actual} spent, but the budget of the plan {plan} adds up to "
        "{spent}; both are the campaign's spending, so check one of them.",
    },
    "doc.B004": {
        "zh-CN": "复盘的总费用类 KPI（总费用、总花费、Total spend）与一起读取的活动方案预算表的实际花费合计"
        "不一致时，报告会给出两个不同的总花费。\n修复：核对预算表的实际花费（及其单位）或 KPI 的实际值。",
        "en": "A review's total-spend KPI (总费用, Total spend) that disagrees with the spending its "
        "plan's budget adds up to puts two totals in one report.\nFix: check the budget's spent "
        "column (and its unit) or the KPI's actual.",
    },
    "summary.B004": {
        "zh-CN": "复盘的总费用 KPI 与方案预算表的实际花费合计不一致。",
        "zh-TW": "復盤的總費用 KPI 與方案預算表的實際花費合計不一致。",
        "en": "A total-spend KPI of the review disagrees with its plan's budget spent.",
    },
    "V009": {
        "zh-CN": "“{column}”的 {cells} 是一个合并单元格，{value} 被计入其中的 {rows} 行，每行都按 {value} "
        "计算。如果这是几行共同的数字（如几个渠道合计的目标），请为每行分别填写，或另加一行写合计；如果"
        "每行确实都是 {value}，请取消合并，在每行分别填写。",
        "zh-TW": "「{column}」的 {cells} 是一個合併儲存格，{value} 被計入其中的 {rows} 列，每列都按 {value} "
        "計算。如果這是幾列共同的數字（如幾個通路合計的目標），請為每列分別填寫，或另加一列寫合計；如果"
        "每列確實都是 {value}，請取消合併，在每列分別填寫。",
        "en": "'{column}' {cells} is one merged cell: {value} is counted on each of its {rows} "
        "rows. If it is the rows' shared figure (a target for several channels together), type "
        "each row's own figure, or add a row for the total; if each row really is {value}, "
        "unmerge it and type it on every row.",
    },
    "doc.V009": {
        "zh-CN": "合并单元格的值属于它覆盖的每一行，所以合并单元格中的数字会被它覆盖的每一行完整地计算一次："
        "把 700万 合并在抖音、小红书两行的目标值上，两行都以 700万 为目标，达成率各自偏低，汇总时目标也被"
        "重复计算。\n修复：为每行分别填写数字，或另加一行写合计（渠道写“全渠道”）；每行确实相同时，取消合并"
        "后在每行填写。",
        "en": "A merged cell's value belongs to every row it covers, so a figure merged over "
        "several rows is counted in full on each: 7M merged over the Douyin and Xiaohongshu rows' "
        "targets makes each row's target 7M, each rate too low, and the target counted twice in "
        "any total.\nFix: type each row's own figure, or add a row for the total (channel: all "
        "channels); where every row really is the same, unmerge the cell and type it on each row.",
    },
    "summary.V009": {
        "zh-CN": "合并单元格中的数字被它覆盖的每一行完整计算。",
        "en": "A figure merged over several rows is counted in full on each of them.",
    },
    "P003.one_week": {
        "zh-CN": "任务 {task} 的工期填了 1 周（{typed} 天），但起止日期是 {days} 天（含首尾）；"
        "请改正工期或起止日期，使两者一致。",
        "zh-TW": "任務 {task} 的工期填了 1 週（{typed} 天），但起止日期是 {days} 天（含首尾）；"
        "請改正工期或起止日期，使兩者一致。",
        "en": "task {task} says 1 week ({typed} days), but its dates span {days} days (both "
        "ends counted); correct the duration or the dates so that they agree.",
    },
    "P003.weeks": {
        "zh-CN": "任务 {task} 的工期填了 {weeks} 周（{typed} 天），但起止日期是 {days} 天（含首尾）；"
        "请改正工期或起止日期，使两者一致。",
        "zh-TW": "任務 {task} 的工期填了 {weeks} 週（{typed} 天），但起止日期是 {days} 天（含首尾）；"
        "請改正工期或起止日期，使兩者一致。",
        "en": "task {task} says {weeks} weeks ({typed} days), but its dates span {days} days "
        "(both ends counted); correct the duration or the dates so that they agree.",
    },
    "M003": {
        "zh-CN": "“{metric}”的每日数值 {value} 一天就超过整个目标 {target} 的 10 倍，多半是单位或位数"
        "写错了（如指标按万人计，却填了人数）；请按目标的单位填写。",
        "zh-TW": "「{metric}」的每日數值 {value} 一天就超過整個目標 {target} 的 10 倍，多半是單位或位數"
        "寫錯了（如指標按萬人計，卻填了人數）；請按目標的單位填寫。",
        "en": "'{metric}': the daily value {value} is over ten times the whole target {target} in "
        "one day, most likely typed in another unit or with extra digits (people where the "
        "metric counts 10k people); type it in the goal's unit.",
    },
    "M003.ratio": {
        "zh-CN": "“{metric}”的每日数值 {value} 与目标 {target} 相差 100 倍以上，多半是单位或位数写错了"
        "（如百分比与小数、1:3 与 3 混用）；请按目标的写法填写。",
        "zh-TW": "「{metric}」的每日數值 {value} 與目標 {target} 相差 100 倍以上，多半是單位或位數寫錯了"
        "（如百分比與小數、1:3 與 3 混用）；請按目標的寫法填寫。",
        "en": "'{metric}': the daily value {value} is a hundredfold or more away from the target "
        "{target}, most likely typed in another unit or with extra digits; type it as the "
        "target is written.",
    },
    "doc.M003": {
        "zh-CN": "每日监测的数值要和目标同一个单位。一天的数值超过整个目标的 10 倍（计数和金额），或与目标"
        "相差 100 倍以上（率、ROI、单价），多半是单位或位数写错了：按文档的规则它仍会被计入，进度和预测"
        "因此失真，用计划生成复盘表时还会带进实际值。\n修复：按目标的单位填写（万人、万元、百分比）。",
        "zh-TW": "每日監測的數值要和目標同一個單位。一天的數值超過整個目標的 10 倍（計數和金額），或與目標"
        "相差 100 倍以上（率、ROI、單價），多半是單位或位數寫錯了：按文件的規則它仍會被計入，進度和預測"
        "因此失真，用計畫產生復盤表時還會帶進實際值。\n修復：按目標的單位填寫（萬人、萬元、百分比）。",
        "en": "A daily value is in its goal's unit. One day above ten times the whole target (a "
        "count or an amount), or a hundredfold away from the target (a rate, ROI or price), is "
        "most likely typed in another unit or with extra digits: it is still counted by the "
        "documented rules, so the pace and projection go wrong, and a review made from the "
        "plan takes it as its actual.\nFix: type it in the goal's unit (10k people, 10k CNY, a "
        "percentage).",
    },
    "summary.M003": {
        "zh-CN": "每日数值与目标差得不可能，多半是单位写错了。",
        "en": "A daily value is out of scale beside its goal: most likely typed in another unit.",
    },
    # V005.currency: target and actual in two currencies (HK$100萬 against NT$350萬).
    "V005.currency": {
        "zh-CN": "指标“{metric}”的目标值 {target} 以 {target_currency} 计、实际值 {actual} 以 "
        "{actual_currency} 计，币种不同，不能直接相比，因此不计算差异值、达成率和结果。请换算后"
        "用同一币种填写两者（如都写成 {target_currency}）。",
        "zh-TW": "指標「{metric}」的目標值 {target} 以 {target_currency} 計、實際值 {actual} 以 "
        "{actual_currency} 計，幣別不同，無法直接比較，因此不計算差異值、達成率和結果。請換算後"
        "用同一幣別填寫兩者（例如都寫成 {target_currency}）。",
        "en": "'{metric}': the target {target} is in {target_currency} and the actual {actual} "
        "in {actual_currency}; amounts in two currencies cannot be compared, so no gap, "
        "achievement or result is computed. Convert one and write both in one currency (e.g. "
        "both in {target_currency}).",
    },
    # V005.magnitude: target and actual fifty times apart: typed in two units (500万 vs 450).
    "V005.magnitude": {
        "zh-CN": "指标“{metric}”的目标值 {target} 与实际值 {actual} 相差五十倍以上，请确认两者用的是同一单位"
        "（常见的是漏写了“万”，或一个按元、一个按万元填写）；达成率按所写数值计算。单位不同请改为同一单位；"
        "数值确实如此（如爆发式增长）则无需修改。",
        "zh-TW": "指標「{metric}」的目標值 {target} 與實際值 {actual} 相差五十倍以上，請確認兩者用的是同一單位"
        "（常見的是漏寫了「萬」，或一個以元、一個以萬元填寫）；達成率依所寫數值計算。單位不同請改為同一單位；"
        "數值確實如此（如爆發式成長）則無需修改。",
        "en": "'{metric}': the target {target} and the actual {actual} are fifty times or more "
        "apart; check that both are in one unit (a K, M or 万 left out, or yuan against 10k "
        "yuan, is the usual slip). The achievement is computed as written: write both in one "
        "unit if they differ, and leave them if the figures are right (a viral result).",
    },
    # B001.currency: a budget line in another currency than the budget (NT$ beside HK$).
    "B001.currency": {
        "zh-CN": "“{column}”中的 {value} 以 {currency} 计，而预算以 {budget} 计：不同币种的金额相加没有意义。"
        "请换算成 {budget} 后再填写。",
        "zh-TW": "「{column}」中的 {value} 以 {currency} 計，而預算以 {budget} 計：不同幣別的金額相加沒有意義。"
        "請換算成 {budget} 後再填寫。",
        "en": "'{column}' holds {value}, in {currency}, while the budget is in {budget}: amounts "
        "in two currencies do not add up. Convert it to {budget}.",
    },
    # B004.currency: the review's total spend and its plan's budget in two currencies.
    "B004.currency": {
        "zh-CN": "“{metric}”的实际值 {actual} 与活动方案 {plan} 预算表的实际花费合计 {spent} 币种不同，"
        "无法核对两处花费；请用同一币种填写。",
        "zh-TW": "「{metric}」的實際值 {actual} 與活動方案 {plan} 預算表的實際花費合計 {spent} 幣別不同，"
        "無法核對兩處花費；請用同一幣別填寫。",
        "en": "'{metric}' says {actual} spent, in another currency than the budget of the plan "
        "{plan}, which adds up to {spent}; the two cannot be checked against each other: "
        "write both in one currency.",
    },
    # The plan report's Mermaid gantt: the section of the tasks that name no phase.
    "plan.no_phase": {"zh-CN": "未分阶段", "en": "No phase"},
    # The critical path said in one sentence with a slip made up later on it, and the critical
    # tasks (no slack) a second chain holds beside the listed path.
    "plan.also_critical": {
        "zh-CN": "另有 {items} 也没有余量。",
        "en": "Also with no slack: {items}.",
    },
    "report.path_slip.caught_up": {
        "zh-CN": "关键路径：{path}；{slipped} 晚了 {late} 天，后续已追回，按计划完成（截至 {task}）。",
        "zh-TW": "關鍵路徑：{path}；{slipped} 晚了 {late} 天，後續已追回，按計畫完成（截至 {task}）。",
        "en": "Critical path: {path}; {slipped} slipped {late} days, made up later: on schedule "
        "(as of {task}).",
    },
    "report.path_slip.caught_up_early": {
        "zh-CN": "关键路径：{path}；{slipped} 晚了 {late} 天，后续已追回，提前 {days} 天（截至 {task}）。",
        "en": "Critical path: {path}; {slipped} slipped {late} days, made up later: {days} days "
        "ahead (as of {task}).",
    },
    "deck.note.path_caught_up": {
        "zh-CN": "{slipped} 晚了 {late} 天，后续已追回，关键路径按期完成。",
        "en": "{slipped} slipped {late} days, made up later: the critical path finished on time.",
    },
    "deck.note.path_caught_up_open": {
        "zh-CN": "{slipped} 晚了 {late} 天，后续已追回，关键路径目前按计划推进（截至 {task}），尚未走完。",
        "zh-TW": "{slipped} 晚了 {late} 天，後續已追回，關鍵路徑目前按計畫推進（截至 {task}），尚未走完。",
        "en": "{slipped} slipped {late} days, made up later: the critical path is on schedule so "
        "far (as of {task}) and not finished yet.",
    },
    # --- the columns of lint's GitHub step summary (a Markdown table people read) ---
    "lint.column.file": {"zh-CN": "文件", "en": "file"},
    "lint.column.cell": {"zh-CN": "单元格", "en": "cell"},
    "lint.column.code": {"zh-CN": "代码", "zh-TW": "代碼", "en": "code"},
    "lint.column.severity": {"zh-CN": "级别", "en": "severity"},
    "lint.column.message": {"zh-CN": "说明", "en": "message"},
    # --- a finding about a cell in a column the sheet lacks: said at the row's name, with
    # the column to add ---
    "K001.no_column": {
        "zh-CN": "指标“{metric}”{status}，但本表没有“{column}”列，请新增一列“{column}”，在这一行写明原因。",
        "zh-TW": "指標「{metric}」{status}，但本表沒有「{column}」欄，請新增一欄「{column}」，在本列寫明原因。",
        "en": "'{metric}' was {status} but the sheet has no '{column}' column to say why; add one "
        "and write the reason on this row.",
    },
    "G001.no_column": {
        "zh-CN": "目标“{metric}”缺少{columns}；本表没有以下列：{absent}，请新增后在这一行填写：靠什么达成、"
        "谁负责、何时完成。",
        "zh-TW": "目標「{metric}」缺少{columns}；本表沒有以下欄位：{absent}，請新增後在本列填寫：靠什麼達成、"
        "誰負責、何時完成。",
        "en": "goal '{metric}' has nothing under {columns}; the sheet has no column for {absent}: "
        "add it and fill in, on this row, how the goal will be reached, who owns it and by when.",
    },
    "X001.no_column": {
        "zh-CN": "高可能性、高影响的风险“{risk}”缺少{columns}；本表没有以下列：{absent}，请新增后在这一行填写。",
        "zh-TW": "高可能性、高影響的風險「{risk}」缺少{columns}；本表沒有以下欄位：{absent}，請新增後在本列填寫。",
        "en": "the high-likelihood, high-impact risk '{risk}' has nothing under {columns}; the "
        "sheet has no column for {absent}: add it and fill it in on this row.",
    },
    "P005.no_column": {
        "zh-CN": "任务 {task} 应在 {end} 完成，截至 {today} 仍未完成；本表没有“{status_col}”列，请新增一列"
        "“{status_col}”，做完的任务写“{done}”；已重新排期请修改“{end_col}”。",
        "zh-TW": "任務 {task} 應在 {end} 完成，截至 {today} 仍未完成；本表沒有「{status_col}」欄，請新增一欄"
        "「{status_col}」，做完的任務寫「{done}」；已重新排程請修改「{end_col}」。",
        "en": "task {task} was due on {end} and is not done as of {today}; the sheet has no "
        "'{status_col}' column: add one and write '{done}' for a task that is done; if it was "
        "re-planned, move its '{end_col}'.",
    },
    "P007.no_column": {
        "zh-CN": "任务 {task} 没有负责人：本表没有“{column}”列，请新增一列“{column}”，为每个任务填写负责人。",
        "zh-TW": "任務 {task} 沒有負責人：本表沒有「{column}」欄，請新增一欄「{column}」，為每個任務填寫負責人。",
        "en": "task {task} has no owner: the sheet has no '{column}' column; add one and name each "
        "task's owner.",
    },
    # V006.time on a sheet without formulas: the time's serial is the cell's value, not what
    # a formula computes with.
    "V006.time_hand": {
        "zh-CN": "“{column}”中的比例被表格存成了时间 {shown}（单元格里实际存的是 {sheet}），retrokit 读作 "
        "{read}。请把该单元格设为文本格式后重新输入比例（如 1:3），或直接写比值 {read}。",
        "zh-TW": "「{column}」中的比例被表格存成了時間 {shown}（儲存格裡實際存的是 {sheet}），retrokit 讀作 "
        "{read}。請把該儲存格設為文字格式後重新輸入比例（如 1:3），或直接寫比值 {read}。",
        "en": "'{column}' holds a ratio the spreadsheet stored as the time {shown} (the cell really "
        "holds {sheet}); retrokit reads {read}. Format the cell as text and type the ratio again "
        "(e.g. 1:3), or write the value {read}.",
    },
}
