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
        "zh-CN": "{path}: 文件已存在，未做任何修改。要覆盖请加 --force。",
        "en": "{path}: file already exists and was left unchanged; add --force to overwrite it.",
    },
    "err.no_folder": {
        "zh-CN": "{path}: 文件夹 {folder} 不存在，请先创建它或换一个路径。",
        "en": "{path}: folder {folder} does not exist; create it first or choose another path.",
    },
    "err.suffix": {
        "zh-CN": "{path}: 文件名必须以 .xlsx 结尾，例如 复盘.xlsx。",
        "en": "{path}: the file name must end in .xlsx, for example retro.xlsx.",
    },
    "err.locked": {
        "zh-CN": "{path}: 该文件正在 Excel/WPS 中打开（旁边有锁文件 {lock}），请先关闭它再重试。",
        "en": "{path}: the file is open in Excel/WPS (lock file {lock} beside it); close it and retry.",
    },
    "err.write": {
        "zh-CN": "{path}: 写入失败（{reason}），原文件未改动。",
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
    "err.report_over_workbook": {
        "zh-CN": "{path}：报告不能写在它读取的工作簿上，请用 -o 另选输出文件。",
        "en": "{path}: refusing to write the report over the workbook it reads; choose another "
        "output with -o.",
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
        "zh-CN": "日期 {value} 无法识别，请写成 YYYY-MM-DD，例如 2024-08-01。",
        "en": "date {value} not understood; write it as YYYY-MM-DD, e.g. 2024-08-01.",
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
        "zh-CN": "{path}: 没有找到 .xlsx/.xlsm 工作簿",
        "en": "{path}: no .xlsx/.xlsm workbooks found",
    },
    "err.unreadable": {
        "zh-CN": "{path}: 无法读取：{reason}",
        "en": "{path}: cannot be read: {reason}",
    },
    "reason.missing": {"zh-CN": "文件不存在", "en": "the file does not exist"},
    "reason.is_dir": {"zh-CN": "这是一个文件夹，不是文件", "en": "it is a folder, not a file"},
    "reason.empty": {"zh-CN": "文件是空的（0 字节）", "en": "the file is empty (0 bytes)"},
    "reason.encrypted": {
        "zh-CN": "文件有密码保护（password-protected），请在 Excel/WPS 中取消密码后另存为 .xlsx",
        "en": "the file is password-protected; remove the password in Excel/WPS and save it again",
    },
    "reason.xls": {
        "zh-CN": "旧版 .xls 格式（legacy .xls），请在 Excel/WPS 中另存为 .xlsx",
        "en": "legacy .xls: save it as .xlsx in Excel/WPS",
    },
    "reason.ods": {
        "zh-CN": "OpenDocument 表格（.ods），请在 LibreOffice 中另存为 .xlsx",
        "en": "an OpenDocument spreadsheet (.ods); save it as .xlsx in LibreOffice",
    },
    "reason.not_spreadsheet": {
        "zh-CN": "不是电子表格文件（not a spreadsheet），内容是文本或网页",
        "en": "not a spreadsheet: the file holds text or HTML",
    },
    "reason.unknown_format": {
        "zh-CN": "不是 .xlsx 文件（not a spreadsheet），无法识别其格式",
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
        "zh-CN": "解压后超出安全上限：{what} 为 {value}，上限 {limit}（可用 {option} 调高）",
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
        "zh-CN": "Excel 二进制工作簿（.xlsb），请在 Excel 中另存为 .xlsx",
        "en": "an Excel binary workbook (.xlsb); save it as .xlsx in Excel",
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
        "zh-CN": "“{column}”的值“{value}”不在可选列表中，请从下拉列表中选择：{choices}。",
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
        "zh-CN": "指标“{metric}”的目标值和实际值形式不一致（一个是百分比，一个不是），请统一写法。",
        "en": "'{metric}': target and actual are in different forms (one a percentage, one not); "
        "write both the same way.",
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
        "zh-CN": "改进措施已逾期：完成时间 {due}，状态仍为“{status}”。",
        "en": "the action is overdue: due {due}, status still '{status}'.",
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
        "zh-CN": "复盘日期 {review} 距活动结束 {end} 已超过 {days} 个工作日，建议在 3-5 个工作日内复盘。",
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
        "zh-CN": "文件无法作为工作簿读取（空文件、不是 zip、被截断、没有工作簿、有密码、旧版 .xls）。\n"
        "修复：在 Excel/WPS 中打开，取消密码，另存为 .xlsx。",
        "en": "The file cannot be read as a workbook (empty, not a zip, truncated, no workbook, "
        "password-protected, legacy .xls).\nFix: open it in Excel/WPS, remove any "
        "password, save as .xlsx.",
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
        "zh-CN": "日期无法识别或结束早于开始。\n修复：写成 2024-08-10，并检查起止日期。",
        "en": "A date cannot be read, or the end is before the start.\nFix: write "
        "2024-08-10 and check both dates.",
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
        "zh-CN": "目标写成 5%、实际写成 4，容易算错。\n修复：两者都写成百分比：5% 和 4%。",
        "en": "A target of 5% beside an actual of 4 is easy to misread.\nFix: write both "
        "as percentages: 5% and 4%.",
    },
    "doc.V006": {
        "zh-CN": "差异值、达成率或结果被手填覆盖或已过期，会误导读者。\n修复：恢复模板公式，"
        "或删除手填的值。",
        "en": "A hand-typed or stale gap, achievement or result misleads readers.\nFix: "
        "restore the template's formula or clear the typed value.",
    },
    "doc.K001": {
        "zh-CN": "未完成和超额完成都需要分析原因，否则无法沉淀经验。\n修复：在“分析简述”中写明原因，"
        "例如“抖音达成 120%，其他渠道 60%”。",
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
        "zh-CN": "没有责任人的行动不会被执行。\n修复：写具体的人，例如“李策划”。",
        "en": "An action without an owner does not get done.\nFix: name a person, e.g. 'Li'.",
    },
    "doc.A002": {
        "zh-CN": "没有期限的行动无法跟踪。\n修复：写完成时间，例如 2024-08-10。",
        "en": "An action without a due date cannot be tracked.\nFix: give one, e.g. 2024-08-10.",
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
        "zh-CN": "不找到根因，问题会反复出现。\n修复：用 5-Why 追问：转化低 → 跳出率高 → 图片加载慢。",
        "en": "Without the root cause the problem comes back.\nFix: ask 5-Why: low "
        "conversion -> high bounce -> slow images.",
    },
    "doc.A006": {
        "zh-CN": "只有问题没有行动，复盘就没有产出。\n修复：写具体措施，例如“注册从 5 步减到 3 步”。",
        "en": "A problem without an action produces nothing.\nFix: write a concrete action, "
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
        "zh-CN": "观点代替事实会让复盘失去说服力。\n修复：把“我觉得转化低”改成“转化率 4%，目标 5%”。",
        "en": "Opinions instead of facts weaken the review.\nFix: replace 'I think "
        "conversion was low' with 'conversion 4%, target 5%'.",
    },
    "doc.W002": {
        "zh-CN": "指责个人而不描述行为，会让团队回避问题。\n修复：把“销售不努力”改成“销售跟进平均慢 3 天”。",
        "en": "Blaming people makes the team hide problems.\nFix: replace 'sales didn't try' "
        "with 'sales follow-up took 3 days longer on average'.",
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
    "label.unrated": {"zh-CN": "未评估", "en": "unrated"},
    "report.chart_subset": {
        "zh-CN": "图中为 {shown} 个 KPI（先是核心指标，再是达成率最低的），全部 {total} 个见上表。",
        "en": "The chart shows {shown} of the {total} KPIs (the core ones, then the lowest rates); "
        "the table above lists them all.",
    },
    "terminal.more_rows": {
        "zh-CN": "……另有 {count} 行未在终端列出。完整结果：--format json，或用 retrokit report 生成报告。",
        "en": "… {count} more rows not listed in the terminal. Everything: --format json, or "
        "retrokit report.",
    },
    "terminal.more_findings": {
        "zh-CN": "……另有 {count} 条检查结果未列出。完整列表：retrokit lint，或 --format json。",
        "en": "… {count} more findings not listed. All of them: retrokit lint, or --format json.",
    },
    "err.export_suffix": {
        "zh-CN": "{path}: 导出文件须以 .xlsx、.csv 或 .sqlite 结尾",
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
        "zh-TW": "跨活動復盤對比",
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
    # --- issue 14: direction, overall rate, channels, compare -----------------------------------
    "K004": {
        "zh-CN": "指标“{metric}”的方向是按{source}推断的：{direction}；如不对，请在“方向”列写明。",
        "en": "KPI '{metric}' is taken as {direction}, inferred from {source}; if that is wrong, "
        "fill its 'Direction' column.",
    },
    "doc.K004": {
        "zh-CN": "方向列为空时，retrokit 按指标名称（如“获客单价”“投诉解决率”）、“成本”维度或团队在配置中"
        "写的词推断方向。推断可能出错，请确认。\n修复：在“方向”列写“越低越好”或“越高越好”（也可写↓、↑）。",
        "en": "With the Direction column blank, retrokit infers the direction from the metric's "
        "name (cost per lead, complaint resolution rate), the Cost dimension or the team's "
        "configured words. An inference can be wrong; confirm it.\nFix: write 'Lower is "
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
    "report.by_channel": {"zh-CN": "分渠道", "en": "By channel"},
    "report.by_dimension": {"zh-CN": "分维度", "en": "By dimension"},
    "report.group_kpis": {"zh-CN": "KPI 数", "en": "KPIs"},
    "report.reached": {"zh-CN": "达成占比", "en": "Reached"},
    "report.spend": {"zh-CN": "花费", "en": "Spend"},
    "report.returned": {"zh-CN": "回报", "en": "Return"},
    "report.all_channels": {"zh-CN": "全部渠道", "en": "All channels"},
    "D001.weekdays": {
        "zh-CN": "复盘日期 {review} 距活动结束 {end} 已超过 {days} 个工作日（节假日数据不含这些年份，"
        "按周一至周五计算），建议在 3-5 个工作日内复盘。",
        "en": "the review on {review} came {days} working days after the end on {end} (counted "
        "Monday to Friday: the holiday data does not cover these years); hold it within 3-5 "
        "working days.",
    },
}
