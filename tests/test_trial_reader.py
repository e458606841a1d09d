"""What a new user's trial ran into while reading files: a --today without its year, dates
written with the year last (7/20/2024, 20/07/2024), headers a hand-typed plan uses, and a pipe,
a device or a link loop given as a workbook."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from conftest import libreoffice_convert, run_cli
from retrokit import api
from retrokit.errors import UnreadableWorkbook
from retrokit.workbook.types import NO_YEAR, CellValueError
from retrokit.workbook.values import parse_date

LANGS = ("zh-CN", "zh-TW", "en")
TODAY = dt.date(2024, 8, 8)


# --- 1. --today without a year -------------------------------------------------------------

NO_YEAR_SAID = {"zh-CN": "没有写年份", "zh-TW": "沒有寫年份", "en": "has no year"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("typed", ["8月10日", "8/10", "Aug 10"])
def test_a_today_without_its_year_is_refused(example_zh: Path, lang: str, typed: str) -> None:
    """--today 8月10日 was read as 0004-08-10: 统计日期 0004-08-10 and no action overdue."""
    proc = run_cli("analyze", str(example_zh), "--today", typed, "--lang", lang)
    assert proc.returncode == 2 and proc.stdout == "", proc.stdout
    assert NO_YEAR_SAID[lang] in proc.stderr and "2024-08-01" in proc.stderr, proc.stderr
    assert "0004" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "command",
    [("report", "-o", "{tmp}/r.html"), ("lint",), ("compare",)],  # and analyze, above
)
def test_every_command_taking_today_refuses_it_without_a_year(
    example_zh: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    args = [a.format(tmp=tmp_path) for a in command]
    proc = run_cli(args[0], str(example_zh), *args[1:], "--today", "8/10", "--lang", "en")
    assert proc.returncode == 2 and "has no year" in proc.stderr, proc.stderr
    assert not (tmp_path / "r.html").exists()


def test_a_today_with_its_year_still_reads(example_zh: Path) -> None:
    for typed in ("2024-08-10", "2024/8/10", "2024年8月10日", "20240810", "7/20/2024"):
        proc = run_cli("analyze", str(example_zh), "--today", typed, "--format", "json")
        assert proc.returncode in (0, 1), (typed, proc.stderr)


@pytest.mark.parametrize("lang", LANGS)
def test_a_today_that_could_be_day_or_month_is_refused(example_zh: Path, lang: str) -> None:
    proc = run_cli("analyze", str(example_zh), "--today", "8/10/2024", "--lang", lang)
    assert proc.returncode == 2, proc.stderr
    assert "2024-08-10" in proc.stderr and "2024-10-08" in proc.stderr, proc.stderr


# --- 2. dates with the year last -----------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("7/20/2024", dt.date(2024, 7, 20)),  # the US: month first
        ("20/07/2024", dt.date(2024, 7, 20)),  # the UK: day first
        ("20-07-2024", dt.date(2024, 7, 20)),
        ("20.07.2024", dt.date(2024, 7, 20)),
        ("12/31/2024", dt.date(2024, 12, 31)),
        ("31.12.2024", dt.date(2024, 12, 31)),
        ("6/6/2024", dt.date(2024, 6, 6)),  # the same either way
        ("7/20/2024 10:30", dt.date(2024, 7, 20)),
        ("２０/０７/２０２４", dt.date(2024, 7, 20)),  # full-width, as an IME types it
    ],
)
def test_a_date_with_the_year_last_reads_when_it_can_be_one_date_only(
    typed: str, day: dt.date
) -> None:
    assert parse_date(typed) == day


@pytest.mark.parametrize("typed", ["8/10/2024", "6/1/2024", "6-1-2024", "1.2.2024"])
def test_a_date_that_could_be_day_or_month_is_said_to_be_so(typed: str) -> None:
    with pytest.raises(CellValueError) as caught:
        parse_date(typed)
    assert caught.value.code == "V002" and caught.value.key == "V002.day_or_month"
    first, second, year = (int(n) for n in typed.replace("-", "/").replace(".", "/").split("/"))
    assert caught.value.message_args == {
        "month_first": dt.date(year, first, second).isoformat(),
        "day_first": dt.date(year, second, first).isoformat(),
    }


@pytest.mark.parametrize("typed", ["13/14/2024", "2/30/2024", "7/20/1980", "7/20/24"])
def test_a_date_with_the_year_last_that_is_no_date_is_still_refused(typed: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_date(typed)
    assert getattr(caught.value, "key", "") != "V002.day_or_month"


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("2024-08-10", dt.date(2024, 8, 10)),
        ("2024/8/10", dt.date(2024, 8, 10)),
        ("2024年8月10日", dt.date(2024, 8, 10)),
        ("20240810", dt.date(2024, 8, 10)),
        ("8/10", dt.date(NO_YEAR, 8, 10)),
        ("8-10", dt.date(NO_YEAR, 8, 10)),
        ("8.10", dt.date(NO_YEAR, 8, 10)),
        ("8月10日", dt.date(NO_YEAR, 8, 10)),
        ("Aug 10, 2024", dt.date(2024, 8, 10)),
        ("8/10/2024 Sat", dt.date(2024, 8, 10)),  # read by dateutil before: read so still
        ("Sat 8/10/2024", dt.date(2024, 8, 10)),
    ],
)
def test_the_forms_read_before_read_the_same(typed: str, day: dt.date) -> None:
    assert parse_date(typed) == day


def _review_with_dues(path: Path, lang: str, dues: list[str]) -> Path:
    from retrokit.workbook.scaffold import init

    init(path, lang=lang, example_data=True)  # type: ignore[arg-type]
    wb = load_workbook(path)
    ws = wb.worksheets[2]  # Problems & Actions: the due date in column G
    for row, due in enumerate(dues, 2):
        ws.cell(row, 7).value = due
    wb.save(path)
    return path


DAY_OR_MONTH_SAID = {"zh-CN": "可能是 2024-08-10", "zh-TW": "可能是 2024-08-10", "en": "could be"}


@pytest.mark.parametrize("lang", LANGS)
def test_a_review_with_dates_typed_the_english_way(tmp_path: Path, lang: str) -> None:
    path = _review_with_dues(
        tmp_path / "review.xlsx", lang, ["7/20/2024", "20/07/2024", "8/10/2024"]
    )
    analysis = api.analyze_workbook(path, today=TODAY)
    assert [p.due for p in analysis.problems] == [dt.date(2024, 7, 20)] * 2 + [None]
    said = [f for f in analysis.findings if f.code == "V002"]
    assert [f.cell for f in said] == ["G4"], said
    message = said[0].message(lang)  # type: ignore[arg-type]
    assert DAY_OR_MONTH_SAID[lang] in message and "2024-10-08" in message, message
    assert "8/10/2024" in message


@pytest.mark.e2e
def test_dates_typed_the_english_way_read_the_same_after_a_libreoffice_resave(
    tmp_path: Path,
) -> None:
    path = _review_with_dues(
        tmp_path / "review.xlsx", "en", ["7/20/2024", "20/07/2024", "8/10/2024"]
    )
    saved = libreoffice_convert(path, tmp_path / "lo")
    before, after = (
        api.analyze_workbook(path, today=TODAY),
        api.analyze_workbook(saved, today=TODAY),
    )
    assert [p.due for p in after.problems] == [p.due for p in before.problems]
    codes = sorted((f.code, f.cell) for f in after.findings if f.code.startswith("V"))
    assert codes == sorted((f.code, f.cell) for f in before.findings if f.code.startswith("V"))


# --- 3. headers a hand-typed plan uses -----------------------------------------------------


def _typed_plan(path: Path, schedule: list[str], core: str, status: list[str]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Plan overview"
    for pair in (("Project", "Autumn launch"), ("Start date", "2024-09-01"),
                 ("End date", "2024-09-30"), ("Owner", "Chen"), ("Total budget", 100000)):  # fmt: skip
        ws.append(list(pair))
    ws = wb.create_sheet("Goals")
    ws.append(["Metric", "Target", core])
    ws.append(["Sign-ups", 5000, "Yes"])
    ws.append(["Impressions", 1000000, "No"])
    ws = wb.create_sheet("Schedule")
    ws.append(schedule)
    ws.append(["T1", "Research", "9/13/2024", "14/09/2024", status[0]])
    ws.append(["T2", "Launch", "9/16/2024", "20/09/2024", status[1]])
    wb.save(path)
    return path


@pytest.mark.parametrize(
    ("schedule", "core", "status"),
    [
        (
            ["Task ID", "Task", "Start Date", "End Date", "Progress status"],
            "Core?",
            ["Done", "Open"],
        ),
        (["Task ID", "Task", "Start date", "End date", "Status"], "Core KPI", ["Done", "Open"]),
        (
            ["编号", "任务名称", "开始日期", "结束日期", "进度状态"],
            "核心指标？",
            ["已完成", "未开始"],
        ),
        (
            ["編號", "任務名稱", "開始日期", "結束日期", "進度狀態"],
            "是否核心",
            ["已完成", "未開始"],
        ),
        (["ID", "Task", "Start", "End", "Status"], "是否核心指标", ["done", "todo"]),
        (["ID", "Task", "Start", "End", "Status"], "是否核心指標", ["done", "todo"]),
    ],
)
def test_headers_a_hand_typed_plan_uses_are_read(
    tmp_path: Path, schedule: list[str], core: str, status: list[str]
) -> None:
    path = _typed_plan(tmp_path / "plan.xlsx", schedule, core, status)
    plan = api.analyze_plan(path, today=TODAY)
    assert [(t.id, t.start, t.end, t.status) for t in plan.tasks] == [
        ("T1", dt.date(2024, 9, 13), dt.date(2024, 9, 14), "done"),
        ("T2", dt.date(2024, 9, 16), dt.date(2024, 9, 20), "not_started"),
    ]
    assert [g.core for g in plan.goals] == [True, False]
    codes = {f.code for f in api.lint_paths([path], today=TODAY, jobs=1)}
    assert not codes & {"S002", "S003", "V001", "V002", "V003"}, codes  # S001: no budget sheet


@pytest.mark.e2e
def test_a_hand_typed_plan_reads_the_same_after_a_libreoffice_resave(tmp_path: Path) -> None:
    path = _typed_plan(
        tmp_path / "plan.xlsx",
        ["Task ID", "Task", "Start Date", "End Date", "Progress status"],
        "Core?",
        ["Done", "Open"],
    )
    saved = libreoffice_convert(path, tmp_path / "lo")
    before, after = api.analyze_plan(path, today=TODAY), api.analyze_plan(saved, today=TODAY)
    assert [(t.id, t.start, t.end, t.status) for t in after.tasks] == [
        (t.id, t.start, t.end, t.status) for t in before.tasks
    ]
    assert [g.core for g in after.goals] == [True, False]


def test_the_new_aliases_name_one_column_of_their_sheet_only() -> None:
    from retrokit.text import fold
    from retrokit.workbook.kinds import detect_sheet_set
    from retrokit.workbook.plan_schema import PLAN
    from retrokit.workbook.schema import REVIEW

    new = {
        "tasks": {"Task ID": "id", "Start Date": "start", "End Date": "end",
                  "进度状态": "status", "進度狀態": "status", "Progress status": "status"},
        "goals": {"Core?": "core", "Core KPI": "core", "核心指标？": "core", "核心指標?": "core",
                  "是否核心": "core", "是否核心指标": "core", "是否核心指標": "core"},
    }  # fmt: skip
    for key, headers in new.items():
        sheet = PLAN.sheet(key)
        for header, column in headers.items():
            naming = [c.key for c in sheet.columns if fold(header) in map(fold, c.spellings())]
            assert naming == [column], (header, naming)
    # Column aliases do not make a review a plan: the kind goes by the sheet names.
    review_names = [s.labels["en"] for s in REVIEW.sheets]
    assert detect_sheet_set(review_names) is REVIEW
    assert "基本信息" not in PLAN.sheet("overview").aliases
    assert not any(
        fold("完成日期") in map(fold, c.spellings()) for c in PLAN.sheet("tasks").columns
    )


# --- 4. a pipe, a device or a link loop given as a workbook --------------------------------

NOT_REGULAR_SAID = {"zh-CN": "不是普通文件", "zh-TW": "不是一般檔案", "en": "not a regular file"}
LOOP_SAID = {"zh-CN": "无法追踪的链接", "zh-TW": "無法追蹤的連結", "en": "cannot be followed"}


def _fifo(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    path = tmp_path / "pipe.xlsx"
    os.mkfifo(path)
    return path


def _special(tmp_path: Path, kind: str) -> Path:
    if kind == "fifo":
        return _fifo(tmp_path)
    if not Path(kind).exists():
        pytest.skip(f"no {kind} here")
    return Path(kind)


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_file_that_is_no_regular_file_is_said_to_be_one(tmp_path: Path, kind: str) -> None:
    path = _special(tmp_path, kind)
    with pytest.raises(UnreadableWorkbook) as caught:
        api.open_workbook(path)
    assert caught.value.reason == "reason.not_regular"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", ["fifo", "/dev/zero"])
def test_a_pipe_or_device_is_refused_by_every_command_without_reading_it(
    tmp_path: Path, lang: str, kind: str
) -> None:
    """A pipe is never opened for reading (it would wait for a writer forever), /dev/zero never
    read (it never ends): each command says so at once (run_cli times out otherwise)."""
    path = _special(tmp_path, kind)
    for command in (["analyze"], ["report", "-o", str(tmp_path / "r.html")]):
        proc = run_cli(command[0], str(path), *command[1:], "--lang", lang)
        assert proc.returncode == 2 and proc.stdout == "", proc.stderr
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and path.name in lines[0] and NOT_REGULAR_SAID[lang] in lines[0]
        assert not any(w in lines[0] for w in ("0 字节", "0 位元組", "0 bytes", "empty"))
    proc = run_cli("lint", str(path), "--lang", lang, "--format", "json")
    assert (
        proc.returncode == 1 and '"F001"' in proc.stdout and NOT_REGULAR_SAID[lang] in proc.stdout
    )


@pytest.mark.parametrize("lang", LANGS)
def test_a_link_loop_is_said_to_be_one_not_missing(tmp_path: Path, lang: str) -> None:
    loop = tmp_path / "loop.xlsx"
    loop.symlink_to(tmp_path / "other.xlsx")
    (tmp_path / "other.xlsx").symlink_to(loop)
    with pytest.raises(UnreadableWorkbook) as caught:
        api.open_workbook(loop)
    assert caught.value.reason == "reason.link_loop"
    # lint too: a path given that leads nowhere is a usage error, as for compare.
    commands = (["analyze"], ["report", "-o", str(tmp_path / "r.html")], ["compare"], ["lint"])
    for command in commands:
        proc = run_cli(command[0], str(loop), *command[1:], "--lang", lang)
        lines = proc.stderr.strip().splitlines()
        assert proc.returncode == 2 and len(lines) == 1, proc.stderr
        assert "loop.xlsx" in lines[0] and LOOP_SAID[lang] in lines[0], lines


def test_a_link_to_nothing_and_a_missing_file_are_still_missing(tmp_path: Path) -> None:
    dangling = tmp_path / "dangling.xlsx"
    dangling.symlink_to(tmp_path / "nothing.xlsx")
    for path in (dangling, tmp_path / "nope.xlsx"):
        with pytest.raises(UnreadableWorkbook) as caught:
            api.open_workbook(path)
        assert caught.value.reason == "reason.missing"


def test_a_pipe_in_a_folder_is_one_f001_and_the_rest_is_checked(
    tmp_path: Path, example_zh: Path
) -> None:
    folder = tmp_path / "campaigns"
    folder.mkdir()
    example_zh.rename(folder / "summer.xlsx")
    _fifo(folder)
    found = api.lint_paths([folder], today=TODAY, jobs=1)
    unreadable = [f for f in found if f.code == "F001"]
    assert [Path(str(f.file)).name for f in unreadable] == ["pipe.xlsx"]
    assert len({f.file for f in found}) == 2  # the campaign beside it is checked


def test_a_taiwan_team_types_its_dates_in_minguo_years(tmp_path: Path) -> None:
    """開始日期 114/03/01 and a due date 民國114年4月20日 are read, with no V002, and the
    action due before --today is overdue."""
    from builders import example_data, write

    data = example_data()
    data["info"]["start"] = "114/07/01"
    data["info"]["end"] = "114/07/15"
    data["problems"][0]["due"] = "民國114年8月10日"
    path = write(tmp_path / "tw.xlsx", data, lang="zh-TW")
    analysis = api.analyze_workbook(path, today=dt.date(2025, 9, 1))
    assert not [f for f in analysis.findings if f.code == "V002"]
    assert analysis.info["start"] == dt.date(2025, 7, 1)
    (problem,) = [p for p in analysis.problems if p.row == 2]
    assert problem.due == dt.date(2025, 8, 10)
    assert problem.overdue


@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW", "en"])
def test_a_start_date_without_a_year_says_the_year_is_missing(tmp_path: Path, lang: str) -> None:
    from builders import example_data, write

    data = example_data()
    data["info"]["start"] = "10月20日"
    path = write(tmp_path / "y.xlsx", data, lang=lang)  # type: ignore[arg-type]
    analysis = api.analyze_workbook(path, today=dt.date(2025, 9, 1))
    (finding,) = [f for f in analysis.findings if f.code == "V002" and f.row == 3]
    assert finding.key == "V002.start_no_year"
    assert "10月20日" in finding.message()


@pytest.mark.parametrize(
    "label", ["KOL小计", "KOL小計", "小计：KOL", "KOL subtotal", "Subtotal (KOL)"]
)
def test_a_groups_subtotal_row_is_no_budget_line(tmp_path: Path, label: str) -> None:
    """A subtotal under its group (KOL小计 = the two KOL lines) is reported (S005), not read
    as one more line: the planned total stays the lines' sum."""
    from plan_builders import Book

    book = Book("zh-CN")
    lines_before = api.analyze_plan(book.save(tmp_path / "before.xlsx")).budget
    book.sheet("budget").insert_rows(4)
    book.set("budget", 4, "category", label)
    book.set("budget", 4, "planned", 999_999)
    book.set("budget", 4, "actual", 888_888)
    plan = api.analyze_plan(book.save(tmp_path / "plan.xlsx"))
    assert plan.budget.planned == lines_before.planned
    assert len(plan.budget.lines) == len(lines_before.lines)
    assert [f.row for f in plan.findings if f.code == "S005"] == [4]


@pytest.mark.parametrize("metric", ["销售额合计", "Sum of orders", "总计曝光"])
def test_a_metric_named_as_a_total_is_still_a_kpi(tmp_path: Path, metric: str) -> None:
    from builders import example_data, write

    data = example_data()
    data["kpis"][0]["metric"] = metric
    analysis = api.analyze_workbook(write(tmp_path / "k.xlsx", data))
    assert metric in [k.metric for k in analysis.kpis]


@pytest.mark.parametrize(
    "lang,title",
    [
        ("zh-CN", "经验沉淀-终版"),
        ("zh-CN", "经验沉淀_v2"),
        ("zh-CN", "经验沉淀2"),
        ("zh-TW", "經驗沉澱 終版"),
        ("en", "Lessons - final"),
        ("zh-CN", "我们的心得"),  # no name of ours: found by its headers
    ],
)
def test_a_lessons_sheet_kept_as_a_version_is_read(tmp_path: Path, lang: str, title: str) -> None:
    from builders import write

    path = write(tmp_path / "r.xlsx", lang=lang)  # type: ignore[arg-type]
    wb = load_workbook(path)
    wb.worksheets[3].title = title
    wb.save(path)
    analysis = api.analyze_workbook(path)
    assert not [f for f in analysis.findings if f.code == "S001"]
    assert analysis.lessons


@pytest.mark.parametrize(
    "names,used",
    [
        (("经验沉淀_v1", "经验沉淀_v2"), "经验沉淀_v2"),
        (("经验沉淀-终版", "经验沉淀-草稿"), "经验沉淀-终版"),
        (("经验沉淀-草稿", "经验沉淀-终版"), "经验沉淀-终版"),
        (("经验沉淀", "经验沉淀-终版"), "经验沉淀"),  # the name as spelt is the sheet
        (("经验沉淀 v1.9", "经验沉淀 v1.10"), "经验沉淀 v1.10"),  # numbers, not decimals
        (("经验沉淀-v2", "经验沉淀-旧"), "经验沉淀-v2"),  # an old copy is never the latest
    ],
)
def test_of_two_versions_the_latest_is_read_and_the_other_named(
    tmp_path: Path, names: tuple[str, str], used: str
) -> None:
    from builders import write

    path = write(tmp_path / "r.xlsx")
    wb = load_workbook(path)
    wb.worksheets[3].title = names[0]
    wb.copy_worksheet(wb.worksheets[3]).title = names[1]
    wb.save(path)
    analysis = api.analyze_workbook(path)
    (other,) = [n for n in names if n != used]
    assert [f.sheet for f in analysis.findings if f.code == "S004"] == [other]


def test_a_sheet_whose_name_only_begins_like_ours_is_not_taken(tmp_path: Path) -> None:
    from builders import write

    path = write(tmp_path / "r.xlsx")
    wb = load_workbook(path)
    wb.create_sheet("KPI评估说明")["A1"] = "这里写 KPI 的填写说明"
    wb.save(path)
    analysis = api.analyze_workbook(path)
    assert not [f for f in analysis.findings if f.code in ("S001", "S004")]
    assert analysis.kpis


def _insert(path: Path, sheet: int, at: int, cells: dict[int, object]) -> None:
    wb = load_workbook(path)
    ws = wb.worksheets[sheet]
    ws.insert_rows(at)
    for column, value in cells.items():
        ws.cell(row=at, column=column).value = value
    wb.save(path)


@pytest.mark.parametrize(
    "lang,labels",
    [
        ("zh-CN", ("【线上渠道】", "二、用户指标", "线下渠道：")),
        ("zh-TW", ("【線上通路】", "（一）使用者", "線下：")),
        ("en", ("[Online]", "2. Users", "Offline:")),
    ],
)
def test_group_headings_and_a_repeated_header_are_no_kpis(
    tmp_path: Path, lang: str, labels: tuple[str, str, str]
) -> None:
    from builders import write

    path = write(tmp_path / "r.xlsx", lang=lang)  # type: ignore[arg-type]
    before = api.analyze_workbook(path)
    wb = load_workbook(path)
    header = [c.value for c in wb.worksheets[1][1]]
    _insert(path, 1, 2, {1: labels[0]})
    _insert(path, 1, 4, {2: "【" + labels[1] + "】"})  # in the metric's own cell
    _insert(path, 1, 6, {1: labels[1]})
    _insert(path, 1, 8, dict(enumerate(header, start=1)))
    _insert(path, 1, 10, {1: labels[2]})
    after = api.analyze_workbook(path)
    assert [k.metric for k in after.kpis] == [k.metric for k in before.kpis]
    s005 = sorted((f.row, f.key) for f in after.findings if f.code == "S005")
    assert s005 == [
        (2, "S005.section"),
        (4, "S005.section"),
        (6, "S005.section"),
        (8, "S005.header"),
        (10, "S005.section"),
    ]
    assert not [f for f in after.findings if f.code in ("S003", "V001", "V003")]


def test_a_lone_value_that_could_be_data_is_still_an_incomplete_row(tmp_path: Path) -> None:
    """流量 alone (a dimension of the list) is a row begun, not a heading: S003 asks for the
    rest. A lesson typed "1. …" with nothing beside it is a lesson."""
    from builders import write

    path = write(tmp_path / "r.xlsx")
    _insert(path, 1, 2, {1: "流量"})
    _insert(path, 3, 2, {2: "1. 短视频加直播的组合降低了获客成本"})
    analysis = api.analyze_workbook(path)
    assert {(f.code, f.row) for f in analysis.findings if f.code == "S003"} >= {("S003", 2)}
    assert "1. 短视频加直播的组合降低了获客成本" in [x.lesson for x in analysis.lessons]


def test_an_ods_keeps_its_merged_areas_and_percentages(tmp_path: Path) -> None:
    """LibreOffice's own format: a problem area merged over two rows belongs to both, and a
    percent-formatted 0.05 is 5% (calamine gives neither for an .ods)."""
    from builders import example_data, write

    data = example_data()
    data["kpis"][1]["target"], data["kpis"][1]["actual"] = 0.05, 0.04
    path = write(tmp_path / "r.xlsx", data)
    wb = load_workbook(path)
    kpis, problems = wb.worksheets[1], wb.worksheets[2]
    for cell in ("E3", "F3"):
        kpis[cell].number_format = "0.0%"
    problems["A3"].value = None
    problems.merge_cells("A2:A3")
    wb.save(path)
    xlsx = api.analyze_workbook(path)
    ods = api.analyze_workbook(libreoffice_convert(path, tmp_path / "lo", "ods"))
    for analysis in (xlsx, ods):
        (rate,) = [k for k in analysis.kpis if k.row == 3]
        assert rate.form == "percent", analysis.file
        areas = {p.row: p.area for p in analysis.problems}
        assert areas[3] == areas[2] == data["problems"][0]["area"], analysis.file
        assert not [f for f in analysis.findings if f.code == "S003"], analysis.file


@pytest.mark.parametrize(
    "kpi_head,problem_head,lesson_head",
    [
        (
            ["指标类别", "考核指标", "平台", "计划值", "实际达成", "备注", "是否核心"],
            ["环节", "问题", "根因", "措施", "责任人", "截止日期", "预期结果", "影响程度", "难度", "进展"],
            ["类型", "心得", "适用范围", "依据", "记录人", "日期"],
        ),
        (
            ["Dimension", "Indicator", "Platform", "Goal", "Achieved", "Notes", "Key?"],
            ["Stage", "Issue", "Root cause", "Action", "Owner", "Deadline", "Expected result",
             "Impact", "Effort", "Status"],
            ["Type", "Lesson", "Applies to", "Evidence", "Recorded by", "Date"],
        ),
    ],
)  # fmt: skip
def test_headers_typed_in_other_words_are_read(
    tmp_path: Path, kpi_head: list[str], problem_head: list[str], lesson_head: list[str]
) -> None:
    """A team that types its own headers (考核指标, 计划值, 备注; Goal, Achieved, Notes) from
    DOMAIN's description is read without S002."""
    wb = Workbook()
    info = wb.active
    info.title = "基本信息"
    for row in (("项目名称", "秋季上新"), ("开始日期", "2024-09-01"), ("结束日期", "2024-09-30"),
                ("负责人", "陈"), ("核心问题", "为什么转化低？")):  # fmt: skip
        info.append(row)
    kpis = wb.create_sheet("KPI评估")
    kpis.append(kpi_head)
    kpis.append(["转化", "注册转化率", "抖音", "5%", "4%", "落地页太长", "是"])
    problems = wb.create_sheet("问题与行动")
    problems.append(problem_head)
    problems.append(["注册", "转化低", "步骤多", "减到3步", "李", "2024-10-15", "转化 5%",
                     "高", "低", "进行中"])  # fmt: skip
    lessons = wb.create_sheet("经验沉淀")
    lessons.append(lesson_head)
    lessons.append(["成功经验", "短视频有效", "拉新", "新客 +20%", "王", "2024-10-01"])
    path = tmp_path / "typed.xlsx"
    wb.save(path)
    analysis = api.analyze_workbook(path, today=dt.date(2024, 10, 1))
    assert not [f for f in analysis.findings if f.code in ("S001", "S002", "S003")]
    (kpi,) = analysis.kpis
    assert (kpi.metric, kpi.channel, kpi.core, kpi.analysis) == (
        "注册转化率",
        "抖音",
        True,
        "落地页太长",
    )
    assert kpi.target == pytest.approx(0.05) and kpi.actual == pytest.approx(0.04)
    (problem,) = analysis.problems
    assert (problem.area, problem.action, problem.impact, problem.effort) == (
        "注册",
        "减到3步",
        "high",
        "low",
    )
    assert problem.due == dt.date(2024, 10, 15)
    (lesson,) = analysis.lessons
    assert (lesson.lesson, lesson.evidence) == ("短视频有效", "新客 +20%")


def test_a_columns_own_label_wins_over_another_word_for_it(tmp_path: Path) -> None:
    """备注 before 分析简述: 分析简述 is the analysis, 备注 the team's own column."""
    from builders import write

    path = write(tmp_path / "r.xlsx")
    wb = load_workbook(path)
    ws = wb.worksheets[1]
    ws.insert_cols(1)
    ws["A1"] = "备注"
    ws["A2"] = "内部备注"
    wb.save(path)
    analysis = api.analyze_workbook(path)
    first = next(k for k in analysis.kpis if k.row == 2)
    assert first.analysis and first.analysis != "内部备注"


@pytest.mark.parametrize(
    "label,period,start,end",
    [
        ("活动时间", "2024-07-01 至 2024-07-15", dt.date(2024, 7, 1), dt.date(2024, 7, 15)),
        ("活動期間", "2024/7/1-2024/7/15", dt.date(2024, 7, 1), dt.date(2024, 7, 15)),
        ("Campaign dates", "2024-07-01 ~ 2024-07-15", dt.date(2024, 7, 1), dt.date(2024, 7, 15)),
        ("起止日期", "113/7/1-113/7/15", dt.date(2024, 7, 1), dt.date(2024, 7, 15)),
        ("Campaign period", "2024-07-01 to 2024-07-15", dt.date(2024, 7, 1), dt.date(2024, 7, 15)),
        ("Campaign period", "Jul 1 - Jul 15, 2024", dt.date(2024, 7, 1), dt.date(2024, 7, 15)),
        ("起訖日期", "2024/7/1 ~ 2024/7/15", dt.date(2024, 7, 1), dt.date(2024, 7, 15)),
        ("活动时间", "2024年7月1日至15日", dt.date(2024, 7, 1), dt.date(2024, 7, 15)),
        ("活动时间", "7月1日-15日，2024年", dt.date(2024, 7, 1), dt.date(2024, 7, 15)),
        ("Campaign period", "July 1-15, 2024", dt.date(2024, 7, 1), dt.date(2024, 7, 15)),
        ("Campaign period", "Jun 24 - Jul 5, 2024", dt.date(2024, 6, 24), dt.date(2024, 7, 5)),
    ],
)
def test_a_period_typed_in_one_cell_gives_start_and_end(
    tmp_path: Path, label: str, period: str, start: dt.date, end: dt.date
) -> None:
    from builders import example_data, write

    data = example_data()
    path = write(tmp_path / "r.xlsx", data)
    wb = load_workbook(path)
    info = wb.worksheets[0]
    for row in info.iter_rows():
        if row[0].value in ("开始日期", "结束日期"):
            row[0].value, row[1].value = None, None
    info.append([label, period])
    wb.save(path)
    analysis = api.analyze_workbook(path)
    assert (analysis.info["start"], analysis.info["end"]) == (start, end)
    assert not [f for f in analysis.findings if f.code in ("S003", "V002")]


def test_a_period_without_a_year_asks_for_the_year(tmp_path: Path) -> None:
    from builders import example_data, write

    path = write(tmp_path / "r.xlsx", example_data())
    wb = load_workbook(path)
    info = wb.worksheets[0]
    for row in info.iter_rows():
        if row[0].value in ("开始日期", "结束日期"):
            row[0].value, row[1].value = None, None
    info.append(["活动时间", "7月1日-7月15日"])
    wb.save(path)
    analysis = api.analyze_workbook(path)
    said = [f for f in analysis.findings if f.code == "V002" and f.sheet == "基本信息"]
    assert [f.key for f in said] == ["V002.period"]
    message = said[0].message()
    assert "7月1日-7月15日" in message and "活动时间" in message and "2024-07-01 至" in message


@pytest.mark.parametrize(
    "column,typed,code",
    [
        ("status", "跟进中", "in_progress"),
        ("status", "已解决", "done"),
        ("status", "放弃", "dropped"),
        ("status", "延期", "open"),
        ("status", "On hold", "open"),
        ("impact", "较高", "high"),
        ("effort", "一般", "medium"),
        ("effort", "小", "low"),
    ],
)
def test_list_values_typed_in_other_words_are_read(
    tmp_path: Path, column: str, typed: str, code: str
) -> None:
    from builders import example_data, write

    data = example_data()
    data["problems"][0][column] = typed
    analysis = api.analyze_workbook(write(tmp_path / "r.xlsx", data))
    (problem,) = [p for p in analysis.problems if p.row == 2]
    assert getattr(problem, column) == code
    assert not [f for f in analysis.findings if f.code == "V003"]


@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW", "en"])
def test_a_teams_own_project_type_is_kept_as_typed(tmp_path: Path, lang: str) -> None:
    """项目类型 is the team's word for its campaign (直播带货): shown as typed, no V003, and
    every output renders it."""
    from builders import example_data, write

    data = example_data()
    data["info"]["type"] = "直播带货"
    path = write(tmp_path / "r.xlsx", data, lang=lang)  # type: ignore[arg-type]
    analysis = api.analyze_workbook(path)
    assert analysis.info["type"] == "直播带货"
    assert not [f for f in analysis.findings if f.code == "V003"]
    for fmt in ("md", "html"):
        assert "直播带货" in api.render_report(analysis, fmt, lang)  # type: ignore[arg-type]
    proc = run_cli("analyze", str(path))
    assert proc.returncode in (0, 1) and "直播带货" in proc.stdout, proc.stderr


@pytest.mark.parametrize(
    "typed,code",
    [("销售", "revenue"), ("品牌", "engagement"), ("拉新", "users"), ("留存", "users"),
     ("Sales", "revenue"), ("Brand", "engagement"), ("Reach", "traffic"), ("銷售", "revenue")],
)  # fmt: skip
def test_dimensions_typed_in_other_words_are_read(tmp_path: Path, typed: str, code: str) -> None:
    from builders import example_data, write

    data = example_data()
    data["kpis"][0]["dimension"] = typed
    analysis = api.analyze_workbook(write(tmp_path / "r.xlsx", data))
    assert next(k for k in analysis.kpis if k.row == 2).dimension == code
    assert not [f for f in analysis.findings if f.code == "V003"]


@pytest.mark.parametrize(
    "header,values",
    [
        ("项目", ["内容"]),  # a field sheet's own header row: 项目 | 内容
        ("Category", ["Awareness", "Process"]),  # a team's own grouping, not our dimension
        ("影响", ["导致转化下降"]),  # described in words, not a level
        ("投入", ["3万元"]),
    ],
)
def test_generic_headers_are_not_taken_for_our_columns(
    tmp_path: Path, header: str, values: list[str]
) -> None:
    """Words too common to be ours stay the team's own columns: no V003 on sound input, and
    the basic info's 项目 | 内容 header row is no project name."""
    from builders import write

    path = write(tmp_path / "r.xlsx")
    wb = load_workbook(path)
    for ws in wb.worksheets[:3]:
        ws.insert_cols(1)
        ws["A1"] = header
        for r, value in enumerate(values * 10, start=2):
            ws.cell(row=r, column=1).value = value
    wb.save(path)
    analysis = api.analyze_workbook(path)
    assert not [f for f in analysis.findings if f.code in ("V003", "S003")]
    assert analysis.info["project"] == "2024年夏季促销活动"


@pytest.mark.parametrize("period", ["七月上旬", "2024-07-15 至 2024-07-01"])
def test_a_period_that_reads_as_no_range_is_quoted_as_typed(tmp_path: Path, period: str) -> None:
    """Never one odd date (July 1-15, 2024 is not 2015-07-01), never a silent gap: V002 on
    the period's cell, quoting it."""
    from builders import example_data, write

    path = write(tmp_path / "r.xlsx", example_data())
    wb = load_workbook(path)
    info = wb.worksheets[0]
    for row in info.iter_rows():
        if row[0].value in ("开始日期", "结束日期"):
            row[1].value = None  # the template's rows stay, left blank
    info.append(["活动时间", period])
    wb.save(path)
    analysis = api.analyze_workbook(path)
    said = [f for f in analysis.findings if f.code == "V002" and f.sheet == "基本信息"]
    assert len(said) == 1
    message = said[0].message()
    assert period in message or ("2024-07-15" in message and "2024-07-01" in message)
    assert analysis.info.get("start") is None


def test_a_tables_header_is_no_overview(tmp_path: Path) -> None:
    """A sheet whose header row names 负责人 | 开始时间 | 结束时间 side by side is a table,
    not the basic info under another name: S001 still says the basic info is missing."""
    from builders import write

    path = write(tmp_path / "r.xlsx")
    wb = load_workbook(path)
    del wb[wb.sheetnames[0]]
    ws = wb.create_sheet("执行排期")
    ws.append(["任务", "负责人", "开始时间", "结束时间", "状态"])
    ws.append(["调研", "李", "2024-06-01", "2024-06-07", "已完成"])
    wb.save(path)
    analysis = api.analyze_workbook(path)
    assert [f.key for f in analysis.findings if f.code == "S001"] == ["S001"]
    assert not analysis.info.get("owner")


@pytest.mark.parametrize("metric", ["订单小计(元)", "Avg order subtotal"])
def test_a_kpi_named_as_a_subtotal_is_still_a_kpi(tmp_path: Path, metric: str) -> None:
    from builders import example_data, write

    data = example_data()
    data["kpis"][0]["metric"] = metric
    analysis = api.analyze_workbook(write(tmp_path / "k.xlsx", data))
    assert metric in [k.metric for k in analysis.kpis]
    assert not [f for f in analysis.findings if f.code == "S005"]


def test_an_ods_percentage_repeated_over_two_cells_is_both(tmp_path: Path) -> None:
    """LibreOffice writes equal neighbours once with a repeat count (30% | 30%): each copy is
    a percentage, so target and actual agree in form (no V005)."""
    from builders import example_data, write

    data = example_data()
    data["kpis"][1]["target"] = data["kpis"][1]["actual"] = 0.3
    path = write(tmp_path / "r.xlsx", data)
    wb = load_workbook(path)
    for cell in ("E3", "F3"):
        wb.worksheets[1][cell].number_format = "0%"
    wb.save(path)
    ods = api.analyze_workbook(libreoffice_convert(path, tmp_path / "lo", "ods"))
    (rate,) = [k for k in ods.kpis if k.row == 3]
    assert rate.form == "percent"
    assert not [f for f in ods.findings if f.code == "V005" and f.row == 3]


@pytest.mark.parametrize("label", ["【线上渠道】", "二、线下渠道", "Offline channels"])
def test_a_heading_merged_across_the_row_is_no_kpi(tmp_path: Path, label: str) -> None:
    """The usual Excel heading band: one text merged over the whole row."""
    from builders import write

    path = write(tmp_path / "r.xlsx")
    before = api.analyze_workbook(path)
    wb = load_workbook(path)
    ws = wb.worksheets[1]
    ws.insert_rows(3)
    ws["A3"] = label
    ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=ws.max_column)
    wb.save(path)
    after = api.analyze_workbook(path)
    assert [k.metric for k in after.kpis] == [k.metric for k in before.kpis]
    assert [(f.row, f.key) for f in after.findings if f.code == "S005"] == [(3, "S005.section")]
    assert not [f for f in after.findings if f.code in ("V001", "V003", "S003")]


def test_a_lesson_merged_over_a_few_of_its_columns_is_a_lesson(tmp_path: Path) -> None:
    """Only a band over the whole row heads a group: a lesson typed once and merged over 经验内容
    to 效果数据 (分类 and 记录人 blank) is read."""
    from builders import write

    path = write(tmp_path / "r.xlsx")
    before = len(api.analyze_workbook(path).lessons)
    wb = load_workbook(path)
    ws = wb.worksheets[3]
    row = ws.max_row + 1
    ws.cell(row=row, column=2).value = "直播前一天预热效果最好"
    ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=4)
    wb.save(path)
    analysis = api.analyze_workbook(path)
    assert len(analysis.lessons) == before + 1
    assert not [f for f in analysis.findings if f.code == "S005"]


def test_a_period_without_a_year_takes_the_filled_start_dates(tmp_path: Path) -> None:
    """开始日期 2024-07-01 filled, 结束日期 blank, 活动时间 7月1日-7月15日: the period takes the
    start date's year."""
    from builders import example_data, write

    path = write(tmp_path / "r.xlsx", example_data())
    wb = load_workbook(path)
    info = wb.worksheets[0]
    for row in info.iter_rows():
        if row[0].value == "结束日期":
            row[1].value = None
    info.append(["活动时间", "7月1日-7月15日"])
    wb.save(path)
    analysis = api.analyze_workbook(path)
    assert analysis.info["end"] == dt.date(2024, 7, 15)
    assert not [f for f in analysis.findings if f.code == "V002" and f.sheet == "基本信息"]
