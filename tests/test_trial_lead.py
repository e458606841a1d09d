"""What a new-user trial found, fixed: a workbook that is none of ours is said to be so (once),
the plan sheets a team may leave out are not errors, files outside the working folder are named
as given."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from openpyxl import Workbook

from conftest import run_cli
from plan_builders import typed_overview
from retrokit import api

LANGS = ["zh-CN", "zh-TW", "en"]


def attendance(path: Path) -> Path:
    """A workbook of someone else's: an attendance list."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Attendance"
    ws.append(["Name", "Mon", "Tue"])
    ws.append(["Ann", "x", ""])
    wb.save(path)
    return path


@pytest.mark.parametrize("lang", LANGS)
def test_a_workbook_of_none_of_our_sheets_is_one_finding(tmp_path: Path, lang: str) -> None:
    path = attendance(tmp_path / "attendance.xlsx")
    found = api.lint_paths([path], jobs=1)
    assert [(f.code, f.cell) for f in found] == [("S001", None)]
    message = found[0].message(lang)  # type: ignore[arg-type]
    assert "retrokit init" in message
    assert {"zh-CN": "基本信息", "zh-TW": "基本資訊", "en": "Basic Info"}[lang] in message


@pytest.mark.parametrize("command", ["analyze", "report"])
def test_analyze_and_report_refuse_a_workbook_of_none_of_our_sheets(
    tmp_path: Path, command: str
) -> None:
    path = attendance(tmp_path / "attendance.xlsx")
    args = ["-o", str(tmp_path / "r.md")] if command == "report" else []
    proc = run_cli(command, str(path), *args, "--lang", "en")
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and "attendance.xlsx" in proc.stderr
    assert "does not look like a retrokit workbook" in proc.stderr
    assert not (tmp_path / "r.md").exists()


def test_a_review_missing_some_sheets_still_names_each(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.title = "基本信息"
    wb.active.append(["项目名称", "秋季"])
    path = tmp_path / "review.xlsx"
    wb.save(path)
    missing = [f for f in api.lint_paths([path], jobs=1) if f.code == "S001"]
    assert len(missing) == 3 and all(f.key == "S001" for f in missing)


def _plan_without(tmp_path: Path, left_out: set[str]) -> Path:
    from retrokit.workbook.plan_scaffold import build_plan_workbook

    wb = build_plan_workbook("zh-CN", filled=True)
    for name in left_out:
        del wb[name]
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    return path


def test_a_plan_may_leave_out_its_daily_monitoring_and_team(tmp_path: Path) -> None:
    """Daily figures cannot exist before launch; a small team keeps no roster sheet."""
    path = _plan_without(tmp_path, {"每日监测", "项目分工"})
    assert not [f for f in api.lint_paths([path], jobs=1) if f.code == "S001"]
    (tmp_path / "r").mkdir()
    risks = _plan_without(tmp_path / "r", {"风险预案"})
    assert [f.code for f in api.lint_paths([risks], jobs=1) if f.code == "S001"] == ["S001"]


def test_lint_names_a_file_outside_the_working_folder_as_given(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = attendance(folder / "q3.xlsx")
    here = tmp_path / "here"
    here.mkdir()
    proc = run_cli("lint", str(path), cwd=here)
    assert str(path) in proc.stdout and "../" not in proc.stdout, proc.stdout
    proc = run_cli("lint", os.path.join("..", "data", "q3.xlsx"), cwd=here)
    assert "../data/q3.xlsx" in proc.stdout, proc.stdout


def test_a_teams_own_budget_category_is_kept_as_typed(tmp_path: Path) -> None:
    """类别 suggests KOL合作, 广告投放 ... but takes a team's own (线上投放): no V003, and every
    output shows it as typed (a quote in it does not end Mermaid's pie label)."""
    from retrokit.workbook.plan_scaffold import build_plan_workbook

    wb = build_plan_workbook("zh-CN", filled=True)
    ws = wb["预算分配"]
    row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "广告投放")
    row[0].value = '线上 "投放"'
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    assert not [f for f in api.lint_paths([path], jobs=1) if f.code in ("V003", "B003")]
    plan = api.analyze_plan(path)
    assert '线上 "投放"' in {g.name for g in plan.budget.by_category}
    proc = run_cli("analyze", str(path))
    assert proc.returncode == 0 and '线上 "投放"' in proc.stdout, proc.stderr
    assert run_cli("report", str(path), "-o", str(tmp_path / "p.md")).returncode == 0
    markdown = (tmp_path / "p.md").read_text(encoding="utf-8")
    assert "\"线上 '投放'\" : 180000" in markdown and '| 线上 "投放" |' in markdown


def test_budget_lines_planned_as_percentages_are_shares_of_the_total(tmp_path: Path) -> None:
    """计划金额 40% / 30% / 20% / 10% (the split DOMAIN cites) against a total of 100万: the
    lines are 40万 ... and add up, so no B001 saying "lines total 1"."""
    wb = typed_overview(1_000_000)
    ws = wb.create_sheet("预算分配")
    ws.append(["类别", "明细", "计划金额", "实际花费"])
    for category, share in (("KOL合作", "40%"), ("广告投放", 0.3), ("物料制作", "20%")):
        ws.append([category, category, share, None])
    ws.append(["应急备用金", "备用", "10%", None])
    ws["C3"].number_format = "0%"  # 0.3 shown as 30%
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    plan = api.analyze_plan(path)
    assert [line.planned for line in plan.budget.lines] == [400_000, 300_000, 200_000, 100_000]
    assert plan.budget.planned == 1_000_000
    assert not [f for f in api.lint_paths([path], jobs=1) if f.code == "B001"]


@pytest.mark.e2e
@pytest.mark.parametrize("lang", LANGS)
def test_numbers_under_a_header_in_wan_are_no_misreading(tmp_path: Path, lang: str) -> None:
    """目标值（万元） | 200 and 实际值（万元） | 160 in our template, recalculated by LibreOffice: the
    sheet computes in 万元 and retrokit in 元, the gap and rate agree in their units, so no
    V006 saying the sheet reads 200 where retrokit reads 2e+06."""
    from openpyxl import load_workbook

    from conftest import libreoffice_convert
    from retrokit.workbook.schema import KPIS

    path = tmp_path / "review.xlsx"
    assert run_cli("init", str(path), "--lang", lang).returncode == 0
    wb = load_workbook(path)
    ws = wb[KPIS.name(lang)]  # type: ignore[arg-type]
    header = [c.value for c in ws[1]]
    unit = {"zh-CN": "（万元）", "zh-TW": "（萬元）", "en": " (10k CNY)"}[lang]
    for key in ("target", "actual"):
        at = next(
            i for i, v in enumerate(header) if str(v).startswith(KPIS.column(key).label(lang))
        )  # type: ignore[arg-type]
        ws.cell(row=1, column=at + 1).value = KPIS.column(key).label(lang) + unit  # type: ignore[arg-type]
    names = {"zh-CN": "销售额", "zh-TW": "銷售額", "en": "Sales"}
    ws["B2"], ws["C2"] = names[lang], None
    columns = {c.value: c.column for c in ws[1]}
    for key, value in (("target", 200), ("actual", 160)):
        label = KPIS.column(key).label(lang) + unit  # type: ignore[arg-type]
        ws.cell(row=2, column=columns[label]).value = value
    wb.save(path)
    saved = libreoffice_convert(path, tmp_path / "lo")
    kpi = api.analyze_workbook(saved).kpis[0]
    assert (kpi.target, kpi.actual, kpi.rate) == (2_000_000, 1_600_000, 0.8)
    assert not [f for f in api.lint_paths([saved], jobs=1) if f.code == "V006"]


@pytest.mark.parametrize("everywhere", ["全渠道", "全部通路", "All channels"])
def test_kpis_of_all_channels_group_with_those_naming_none(tmp_path: Path, everywhere: str) -> None:
    """A KPI typed 全渠道 is of the same group as one naming no channel (the report showed 全渠道
    and 全部渠道 as two channels), and a deck compares channels only where there are two."""
    from builders import example_data, write
    from retrokit.render.deck_outline import channel_rates
    from retrokit.render.view import review_view

    data = example_data()
    for kpi in data["kpis"]:
        kpi["channel"] = None
    data["kpis"][0]["channel"] = everywhere
    path = write(tmp_path / "review.xlsx", data)
    result = api.analyze_workbook(path)
    assert list(result.summary["by_channel"]) == ["all"]
    view = review_view(result, "zh-CN")
    assert view.by_channel == () and channel_rates(view.kpis) == []
    data["kpis"][1]["channel"], data["kpis"][2]["channel"] = "抖音", "小红书"
    result = api.analyze_workbook(write(tmp_path / "two.xlsx", data))
    assert set(result.summary["by_channel"]) == {"all", "抖音", "小红书"}
    assert [c for c, _ in channel_rates(review_view(result, "zh-CN").kpis)] == ["抖音", "小红书"]


def test_lint_writes_junit_to_a_file_named_junit(tmp_path: Path) -> None:
    """``-o lint.junit`` is what CI set-ups name it: the suffix chooses junit, as .xml does."""
    from conftest import ROOT

    for args in (["--format", "junit"], []):
        out = tmp_path / "lint.junit"
        proc = run_cli("lint", str(ROOT / "examples"), *args, "-o", str(out), "--exit-zero")
        assert proc.returncode == 0, proc.stderr
        assert out.read_text(encoding="utf-8").startswith('<?xml version="1.0"')
        out.unlink()


def test_a_unit_is_shown_in_the_scripts_of_the_page(tmp_path: Path) -> None:
    """5000單 typed in a zh-TW workbook is read as 单 (units match in Simplified forms); the
    zh-TW report shows 單 again, the zh-CN one 单."""
    from builders import example_data, write

    data = example_data()
    data["kpis"] = data["kpis"][:1]
    data["kpis"][0].update(metric="訂單數", target="5000單", actual="4,200單", direction=None)
    path = write(tmp_path / "review.xlsx", data, lang="zh-TW")
    result = api.analyze_workbook(path)
    assert result.kpis[0].unit == "单"
    tw, cn = (api.render_report(result, "md", lang) for lang in ("zh-TW", "zh-CN"))
    assert "5,000 單" in tw and "-800 單" in tw and " 单" not in tw
    assert "5,000 单" in cn and "單" not in cn.replace("訂單", "")


def test_a_channels_spend_is_its_money_not_a_rate_or_a_price(tmp_path: Path) -> None:
    """The by-channel table's spend names the cost KPIs that are amounts (投放费用 30万), not a
    refund rate (退款率 2%) nor a price of one (获客成本 50 元) filed under cost."""
    from builders import example_data, write
    from retrokit.render.view import group_tables

    data = example_data()
    base = {"dimension": "cost", "channel": "抖音", "direction": "越低越好", "core": "否"}
    data["kpis"] = [
        {**base, "metric": "投放费用", "target": "30万", "actual": "28万"},
        {**base, "metric": "退款率", "target": "3%", "actual": "2%"},
        {**base, "metric": "获客成本", "target": "60元", "actual": "50元"},
        {**base, "metric": "销售额", "dimension": "revenue", "target": "100万", "actual": "90万",
         "direction": "越高越好", "channel": "小红书"},
    ]  # fmt: skip
    result = api.analyze_workbook(write(tmp_path / "review.xlsx", data))
    by_channel, _ = group_tables(result, "zh-CN")
    spend = {row.label: row.spend for row in by_channel}
    assert spend["抖音"] == "投放费用 28万"


@pytest.mark.parametrize("lang", LANGS)
def test_the_plan_terminal_shows_its_goals_and_team(tmp_path: Path, lang: str) -> None:
    """Goals are listed as set even without daily figures (they were only in the pacing
    table), and the team roster is shown."""
    from retrokit.workbook.plan_scaffold import build_plan_workbook
    from retrokit.workbook.plan_schema import DAILY, GOALS, TEAM

    wb = build_plan_workbook(lang, filled=True)  # type: ignore[arg-type]
    del wb[DAILY.name(lang)]  # type: ignore[arg-type]
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    proc = run_cli("analyze", str(path), "--lang", lang, "--today", "2024-06-10")
    assert proc.returncode == 0, proc.stderr
    names = {"zh-CN": "赵专员", "zh-TW": "趙專員", "en": "Zhao"}
    for title in (GOALS.name(lang), TEAM.name(lang)):  # type: ignore[arg-type]
        assert title in proc.stdout
    assert names[lang] in proc.stdout.split(TEAM.name(lang))[-1]  # type: ignore[arg-type]


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "files"


@pytest.mark.parametrize(
    ("name", "zh"),
    [
        ("made__corrupt_member.xlsx", "压缩的数据已损坏"),
        ("poi__poc-xmlbomb.xlsx", "无法识别的文件格式"),
        ("poi__xlsx-corrupted.xlsx", "内部 XML 格式错误"),
    ],
)
def test_a_damaged_file_is_said_in_the_users_language(name: str, zh: str) -> None:
    """The zip and XML libraries' English reasons are worded by the catalogue."""
    if not (CORPUS / name).exists():
        pytest.skip("the corpus is not beside the checkout")
    found = api.lint_paths([CORPUS / name], jobs=1)
    assert [f.code for f in found] == ["F001"]
    message = found[0].message("zh-CN")
    assert zh in message, message
    for english in ("deflate", "Cannot detect", "syntax error", "zip file", "buffer"):
        assert english not in message, message


def test_size_limits_are_said_in_bytes_and_megabytes(tmp_path: Path) -> None:
    from conftest import ROOT

    proc = run_cli("analyze", str(ROOT / "examples" / "summer-promo-2024.xlsx"),
                   "--max-unpacked-bytes", "100000")  # fmt: skip
    assert proc.returncode == 2
    assert (
        "解压后大小为 " in proc.stderr
        and " 字节（" in proc.stderr
        and "上限 100,000 字节（98 KB）" in proc.stderr
    )


def test_export_takes_o_as_every_other_command_does(tmp_path: Path) -> None:
    """export's refusals say "-o"; -o is its --to."""
    from conftest import ROOT

    out = tmp_path / "tables.xlsx"
    example = str(ROOT / "examples" / "summer-promo-2024.xlsx")
    assert run_cli("export", example, "-o", str(out)).returncode == 0 and out.exists()
    proc = run_cli("export", example, "-o", example)
    assert proc.returncode == 2 and "-o" in proc.stderr


def test_a_sub_check_is_selected_and_ignored_on_its_own(tmp_path: Path) -> None:
    """P007 is a task without an owner (error) and an owner not on the team (info, its own
    name owner-not-on-team): ignoring or selecting the one leaves the other as it is, and
    `rules` lists it under its code."""
    from retrokit.workbook.plan_scaffold import build_plan_workbook
    from retrokit.workbook.plan_schema import TASKS

    wb = build_plan_workbook("zh-CN", filled=True)
    ws = wb[TASKS.name("zh-CN")]
    header = [str(c.value or "") for c in ws[1]]
    owner = next(i for i, v in enumerate(header) if v.startswith("负责人"))
    ws.cell(row=2, column=owner + 1).value = None  # no owner: P007, error
    ws.cell(row=3, column=owner + 1).value = "外援小周"  # not on the team: P007.team, info
    path = tmp_path / "plan.xlsx"
    wb.save(path)

    def p007(*args: str) -> list[tuple[str, str]]:
        proc = run_cli("lint", str(path), "--format", "json", "--exit-zero", *args)
        import json

        found = json.loads(proc.stdout)
        return sorted((f["code"], f["severity"]) for f in found if f["code"] == "P007")

    assert p007() == [("P007", "error"), ("P007", "info")]
    assert p007("--ignore", "owner-not-on-team") == [("P007", "error")]
    assert p007("--ignore", "P007.team") == [("P007", "error")]
    assert p007("--select", "owner-not-on-team") == [("P007", "info")]
    assert p007("--ignore", "P007") == []
    listing = run_cli("rules", "--lang", "en").stdout
    assert "  P007.team   owner-not-on-team" in listing


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_plan_report_lists_the_team(tmp_path: Path, fmt: str) -> None:
    from conftest import ROOT

    out = tmp_path / f"plan.{fmt}"
    plan = ROOT / "examples" / "summer-promo-2024.plan.xlsx"
    assert run_cli("report", str(plan), "-o", str(out), "--today", "2024-07-10").returncode == 0
    text = out.read_text(encoding="utf-8")
    assert "项目分工" in text and "赵专员" in text and "落地页、数据监测" in text


@pytest.mark.e2e
def test_a_unit_on_one_header_only_is_still_a_misreading(tmp_path: Path) -> None:
    """目标值（万元） | 200 beside 实际值 | 1,600,000: the sheet's rate is 8000, retrokit's 0.8;
    V006 says so, with numbers as people read them (2,000,000, not 2e+06)."""
    from openpyxl import load_workbook

    from conftest import libreoffice_convert
    from retrokit.workbook.schema import KPIS

    path = tmp_path / "review.xlsx"
    assert run_cli("init", str(path)).returncode == 0
    wb = load_workbook(path)
    ws = wb[KPIS.name("zh-CN")]
    columns = {str(c.value): c.column for c in ws[1]}
    target = next(v for k, v in columns.items() if k.startswith("目标值"))
    actual = next(v for k, v in columns.items() if k.startswith("实际值"))
    ws.cell(row=1, column=target).value = "目标值（万元）"
    ws["B2"], ws["C2"] = "销售额", None
    ws.cell(row=2, column=target).value = 200
    ws.cell(row=2, column=actual).value = 1_600_000
    wb.save(path)
    saved = libreoffice_convert(path, tmp_path / "lo")
    v006 = [f for f in api.lint_paths([saved], jobs=1) if f.code == "V006"]
    assert v006 and "2,000,000" in v006[0].message("zh-CN")


@pytest.mark.parametrize(
    "text",
    [
        "失败订单都是支付接口的错误码 502 导致",
        "A fault of the payment gateway dropped 3% of orders",
        "It was no one's fault: the feed had no stock field",
        "Run a blame-free postmortem after each launch",
        "Customers blamed slow delivery in the survey",
    ],
)
def test_sound_sentences_are_no_blame(text: str) -> None:
    from retrokit.rules.wording import find_word
    from retrokit.rules.words import BLAME_PATTERNS, BLAME_WORDS

    assert find_word(text, BLAME_WORDS, (), BLAME_PATTERNS) is None


def test_an_actual_typed_as_a_percentage_is_no_share_of_the_total(tmp_path: Path) -> None:
    """Only a planned line is a share of the total: an actual of 95% is not 570,000."""
    wb = typed_overview(600_000)
    ws = wb.create_sheet("预算分配")
    ws.append(["类别", "明细", "计划金额", "实际花费"])
    ws.append(["KOL合作", "KOL", 240_000, "95%"])
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    plan = api.analyze_plan(path)
    assert plan.budget.lines[0].actual != 570_000


def test_sub_checks_in_selectors_per_file_ignores_and_severities(tmp_path: Path) -> None:
    """required-plan-cell-empty (S003.plan) and owner-not-on-team (P007.team) are selected,
    ignored, ignored per file and given a severity on their own."""
    import json

    from retrokit.workbook.plan_scaffold import build_plan_workbook
    from retrokit.workbook.plan_schema import OVERVIEW, TASKS

    wb = build_plan_workbook("zh-CN", filled=True)
    overview = wb[OVERVIEW.name("zh-CN")]
    for row in overview.iter_rows():
        if str(row[0].value or "").startswith("负责人"):
            row[1].value = None  # a required plan cell left empty: S003.plan
    ws = wb[TASKS.name("zh-CN")]
    header = [str(c.value or "") for c in ws[1]]
    owner = next(i for i, v in enumerate(header) if v.startswith("负责人"))
    ws.cell(row=2, column=owner + 1).value = None  # P007
    ws.cell(row=3, column=owner + 1).value = "外援小周"  # P007.team
    path = tmp_path / "plan.xlsx"
    wb.save(path)

    def found(*args: str, cwd: Path | None = None) -> list[tuple[str, str]]:
        proc = run_cli("lint", str(path), "--format", "json", "--exit-zero", *args, cwd=cwd)
        return sorted(
            (f["code"], f["severity"])
            for f in json.loads(proc.stdout)
            if f["code"] in ("S003", "P007")
        )

    everything = found()
    assert ("S003", "error") in everything and ("P007", "info") in everything
    assert found("--select", "required-plan-cell-empty") == [("S003", "error")]
    assert ("S003", "error") not in found("--ignore", "S003.plan")
    config = tmp_path / "retrokit.toml"
    config.write_text(
        '[severity]\n"owner-not-on-team" = "warning"\n'
        '[per-file-ignores]\n"plan.xlsx" = ["required-plan-cell-empty"]\n',
        encoding="utf-8",
    )
    configured = found("--config", str(config))
    assert ("P007", "warning") in configured and ("P007", "error") in configured
    assert ("S003", "error") not in configured


def test_per_file_ignores_still_reach_files_outside_the_config_folder(tmp_path: Path) -> None:
    """Outputs name a file outside the working folder as given; per-file-ignores still match
    it from the config's folder (../data/*.xlsx)."""
    import json

    data = tmp_path / "data"
    data.mkdir()
    path = attendance(data / "q3.xlsx")
    team = tmp_path / "team"
    team.mkdir()
    config = team / "retrokit.toml"
    config.write_text('[per-file-ignores]\n"../data/*.xlsx" = ["S001"]\n', encoding="utf-8")
    proc = run_cli("lint", str(path), "--format", "json", "--config", str(config), cwd=team)
    assert json.loads(proc.stdout) == [], proc.stdout


@pytest.mark.parametrize("typed", ["应急预留金", "機動金", "Contingency fund"])
def test_a_contingency_line_under_a_teams_own_word_is_one(tmp_path: Path, typed: str) -> None:
    from retrokit.workbook.plan_scaffold import build_plan_workbook

    wb = build_plan_workbook("zh-CN", filled=True)
    ws = wb["预算分配"]
    row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "应急备用金")
    row[0].value = typed
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    assert not [f for f in api.lint_paths([path], jobs=1) if f.code in ("B003", "V003")]


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("8/10/2024 Sat", "2024-08-10"),  # 10 August 2024 is a Saturday, 8 October a Tuesday
        ("Sat, 8/10/2024", "2024-08-10"),
        ("8/10/2024 (Tuesday)", "2024-10-08"),
        ("8/10/2024 Mon", None),  # neither: still ambiguous, V002
        ("20/07/2024 (Sat)", "2024-07-20"),
    ],
)
def test_a_weekday_beside_an_ambiguous_date_decides_only_where_it_fits(
    typed: str, day: str | None
) -> None:
    from retrokit.workbook.types import CellValueError
    from retrokit.workbook.values import parse_date

    if day is None:
        with pytest.raises(CellValueError):
            parse_date(typed)
    else:
        assert parse_date(typed).isoformat() == day


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("NT$120萬", 1_200_000),
        ("HK$5,000", 5000),
        ("RMB 300", 300),
        ("USD50", 50),
        ("US$1.5k", 1500),
    ],
)
def test_amounts_with_a_currency_code_before_them_are_read(typed: str, value: float) -> None:
    """Taiwan writes NT$120萬 as the mainland writes ¥120万: the currency before it is taken off."""
    from retrokit.workbook.values import parse_number

    assert parse_number(typed).value == value


def test_a_zh_tw_review_in_nt_dollars_is_read_without_a_false_alarm(tmp_path: Path) -> None:
    from builders import example_data, write

    data = example_data()
    data["kpis"] = data["kpis"][:1]
    data["kpis"][0].update(metric="銷售額", target="NT$120萬", actual="NT$100萬", direction=None)
    path = write(tmp_path / "review.xlsx", data, lang="zh-TW")
    kpi = api.analyze_workbook(path).kpis[0]
    assert (kpi.target, kpi.actual) == (1_200_000, 1_000_000)
    codes = {f.code for f in api.lint_paths([path], jobs=1)}
    assert not codes & {"V001", "V006"}, codes


def test_the_review_report_names_the_plan_beside_the_plans_findings(tmp_path: Path) -> None:
    from conftest import ROOT

    out = tmp_path / "r.md"
    examples = ROOT / "examples"
    proc = run_cli("report", str(examples / "summer-promo-2024.xlsx"), "--plan",
                   str(examples / "summer-promo-2024.plan.xlsx"), "-o", str(out),
                   "--today", "2024-08-08")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    text = out.read_text(encoding="utf-8")
    assert "| summer-promo-2024.plan.xlsx: 推广目标!E6 | M001" in text
    assert "| summer-promo-2024.xlsx:" not in text  # the review's own findings as before


@pytest.mark.parametrize(
    "lang,title",
    [("zh-CN", "基本信息"), ("zh-TW", "基本資訊"), ("en", "Basic Info"), ("zh-CN", "项目信息")],
)
def test_a_plan_overview_under_another_name_is_found_by_its_fields(
    tmp_path: Path, lang: str, title: str
) -> None:
    """The overview named as the review names its own (or anything else) is read by its
    field labels: no S001, and no V002 for every date without a year."""
    from plan_builders import Book

    book = Book(lang)  # type: ignore[arg-type]
    book.sheet("overview").title = title
    path = book.save(tmp_path / "plan.xlsx")
    plan = api.analyze_plan(path)
    assert not [f for f in plan.findings if f.code in ("S001", "V002")]
    assert plan.info.get("project")


@pytest.mark.parametrize("lang,title", [("zh-CN", "活动概况"), ("en", "Overview")])
def test_a_review_info_sheet_under_another_name_is_found_by_its_fields(
    tmp_path: Path, lang: str, title: str
) -> None:
    from openpyxl import load_workbook

    from builders import write

    path = write(tmp_path / "review.xlsx", lang=lang)  # type: ignore[arg-type]
    wb = load_workbook(path)
    wb.worksheets[0].title = title
    wb.save(path)
    analysis = api.analyze_workbook(path)
    assert not [f for f in analysis.findings if f.code == "S001"]
    assert analysis.info.get("project")


def test_an_xlsb_with_a_chart_sheet_reads_as_its_xlsx_twin() -> None:
    """calamine cannot read an .xlsb's chart sheet; a sheet that is none of ours is then
    passed over, not taken for a truncated file."""
    twins = [CORPUS / "calamine__any_sheets.xlsb", CORPUS / "calamine__any_sheets.xlsx"]
    if not all(p.exists() for p in twins):
        pytest.skip("the corpus is not beside the checkout")
    xlsb, xlsx = ([(f.code, f.key) for f in api.lint_paths([p], jobs=1)] for p in twins)
    assert xlsb == xlsx == [("S001", "S001.none")]


@pytest.mark.parametrize(
    "lang,met,promotion,no",
    [
        ("zh-CN", "基本完成", "促销活动", "否"),
        ("zh-TW", "基本完成", "促銷活動", "否"),
        ("en", "Met", "Promotion", "No"),
    ],
)
def test_an_export_with_headers_in_a_language_words_its_values_in_it(
    tmp_path: Path, lang: str, met: str, promotion: str, no: str
) -> None:
    """--headers zh-TW: 基本完成, not met; an .xlsx shows rates as percentages and dates as
    dates, so Excel sorts and filters them."""
    import datetime as dt

    from openpyxl import load_workbook

    from builders import write
    from retrokit.render.export import header_labels

    review = write(tmp_path / "r.xlsx")
    out = tmp_path / "out.xlsx"
    proc = run_cli("export", str(review), "-o", str(out), "--headers", lang)
    assert proc.returncode == 0, proc.stderr
    wb = load_workbook(out)

    def column(table: str, key: str) -> list[object]:
        ws = wb[table]
        head = [c.value for c in ws[1]]
        index = head.index(header_labels(table, lang)[key])  # type: ignore[arg-type]
        return [row[index] for row in ws.iter_rows(min_row=2)]

    rates = column("kpis", "rate")
    assert all(c.number_format == "0.0%" for c in rates if c.value is not None)  # type: ignore[attr-defined]
    assert met in [c.value for c in column("kpis", "status")]  # type: ignore[attr-defined]
    assert no in [c.value for c in column("kpis", "core")]  # type: ignore[attr-defined]
    (start,) = column("campaigns", "start")
    assert start.is_date and start.value.date() == dt.date(2024, 7, 1)  # type: ignore[attr-defined]
    assert [c.value for c in column("campaigns", "type")] == [promotion]  # type: ignore[attr-defined]
