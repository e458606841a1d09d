"""Bugs found trying compare, lessons, export and lint (compare/lessons/export, wording,
direction, per-file ignores, statistics)."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli


def test_statistics_come_once_in_the_text_format(example_zh: Path) -> None:
    for fmt, times in (("text", 1), ("concise", 1)):
        out = run_cli(
            "lint", str(example_zh), "--today", "2024-08-20", "--format", fmt, "--statistics"
        ).stdout
        counted = [line for line in out.splitlines() if "action-overdue  [" in line]
        assert len(counted) == times, (fmt, out)


# --- W001 / W002: words on word boundaries, quoted as the cell writes them --------------

WORDING = [
    # (lang of the workbook, root cause, code, the word quoted)
    ("en", "I think the sign-up was too long", "W001", "I think"),
    ("en", "Sales didn't try hard, probably lazy", "W001", "probably"),
    ("en", "Sales didn’t try hard", "W002", "didn’t try"),
    ("en", "Maybe the vendor was slow", "W001", "Maybe"),
    ("en", "Too long, I think", "W001", "I think"),
    ("zh-CN", "我觉得是页面太丑", "W001", "我觉得"),
    ("zh-CN", "可能是因为流程太长", "W001", "可能"),
    ("zh-CN", "设计同学不努力", "W002", "不努力"),
    ("zh-TW", "我覺得是頁面太醜", "W001", "我覺得"),
    ("zh-TW", "設計同學不認真", "W002", "不認真"),
]
NOT_WORDING = [
    ("en", "Thinking time per step was 40 s against 25 s"),
    ("en", "Lazyload of images delayed first paint by 2 s"),
    ("zh-CN", "可能性分析：三个环节的转化率都低于 5%"),
    ("zh-TW", "可能性分析：三個環節的轉化率都低於 5%"),
]


def _lint_root_cause(tmp_path: Path, lang: str, text: str) -> list[tuple[str, str]]:
    from builders import TODAY, example_data, write
    from retrokit.lint import Config, make_selection, run, select_findings
    from retrokit.rules import Settings

    data = example_data()
    data["problems"][0]["root_cause"] = text
    path = write(tmp_path / f"{lang}.xlsx", data, lang=lang)  # type: ignore[arg-type]
    results = run([path], Settings(today=TODAY))
    found = select_findings(results, make_selection(Config(select=("W",))))
    return [(f.code, dict(f.args)["word"]) for f in found if f.cell == "D2"]


def test_wording_words_match_on_word_boundaries_in_every_language(tmp_path: Path) -> None:
    for lang, text, code, word in WORDING:
        assert (code, word) in _lint_root_cause(tmp_path, lang, text), (lang, text)


def test_nouns_and_longer_words_holding_a_listed_word_are_not_wording(tmp_path: Path) -> None:
    for lang, text in NOT_WORDING:
        assert _lint_root_cause(tmp_path, lang, text) == [], (lang, text)


def test_team_words_from_the_config_match_as_phrases(tmp_path: Path) -> None:
    from retrokit.rules.wording import find_word

    assert find_word("In my view the page was slow", ("in my view",)) == "In my view"
    assert find_word("Inmyview", ("in my view",)) is None
    assert find_word("我們認為頁面太慢", ("我们认为",)) == "我們認為"


# --- per-file-ignores: relative to the config file's folder ----------------------------


def test_per_file_ignores_are_relative_to_the_config_folder(tmp_path: Path) -> None:
    from builders import write

    (tmp_path / "pyproject.toml").write_text(
        '[tool.retrokit]\n[tool.retrokit.per-file-ignores]\n"retros/2023-*.xlsx" = ["A004"]\n',
        encoding="utf-8",
    )
    retros = tmp_path / "retros"
    retros.mkdir()
    write(retros / "2023-a.xlsx")
    write(retros / "2024-b.xlsx")
    for cwd, target in ((tmp_path, "retros"), (retros, "."), (retros, "2023-a.xlsx")):
        out = run_cli(
            "lint",
            target,
            "--select",
            "A004",
            "--format",
            "concise",
            "--today",
            "2024-12-01",
            cwd=cwd,
        ).stdout
        assert "2023-a.xlsx" not in out, (cwd, target, out)
        if target != "2023-a.xlsx":
            assert "2024-b.xlsx" in out, (cwd, target, out)


# --- direction: a value the vocabulary reads as higher-is-better wins over the cost dimension


AOV = {"zh-CN": "客单价", "zh-TW": "客單價", "en": "Average order value"}


def _aov_campaign(path: Path, lang: str, n: int, aov: float) -> Path:
    import datetime as dt

    from builders import example_data, write

    data = example_data()
    start = dt.date(2024, 1, 1) + dt.timedelta(days=90 * n)
    data["info"].update(project=f"P{n}", start=start, end=start + dt.timedelta(days=14))
    base = data["kpis"][0]
    data["kpis"] = [
        {**base, "dimension": "cost", "metric": AOV[lang], "channel": "抖音", "direction": None,
         "target": 100, "actual": aov},
        {**base, "dimension": "cost", "metric": "总费用", "channel": "抖音", "direction": None,
         "target": 60, "actual": 72},
    ]  # fmt: skip
    return write(path, data, lang=lang)  # type: ignore[arg-type]


def test_a_customer_value_in_the_cost_dimension_is_higher_is_better(tmp_path: Path) -> None:
    import datetime as dt

    from retrokit import api
    from retrokit.method import Direction, DirectionSource
    from retrokit.method.campaigns import compare
    from retrokit.method.direction import formula_words, infer_direction
    from retrokit.render.view import group_tables

    assert infer_direction("cost", "获客单价")[0] is Direction.LOWER
    assert "客单价" in formula_words()["higher"]  # the workbook's own formulas read it too
    for lang in ("zh-CN", "zh-TW", "en"):
        assert infer_direction("cost", AOV[lang]) == (Direction.HIGHER, DirectionSource.NAME)
        paths = [
            _aov_campaign(tmp_path / f"{lang}1.xlsx", lang, 1, 90),
            _aov_campaign(tmp_path / f"{lang}2.xlsx", lang, 2, 120),
        ]
        campaigns = api.load_campaigns(paths, today=dt.date(2024, 12, 1))
        first = campaigns[0].analysis
        aov = next(k for k in first.kpis if k.metric == AOV[lang])
        assert aov.direction is Direction.HIGHER and aov.status == "met", lang
        by_channel, _ = group_tables(first, lang)  # type: ignore[arg-type]
        spend = next(r for r in by_channel if r.label == "抖音").spend
        assert "总费用" in spend and AOV[lang] not in spend, spend
        data = compare([c.analysis for c in campaigns], [c.workbook for c in campaigns])
        trends = {m["metric"]: m["trend"] for m in data["metrics"]}
        assert any(t == "improved" for m, t in trends.items() if AOV[lang] in m), trends


# --- compare / lessons / export / lint: our export and other workbooks are no campaign ---


def test_our_export_in_the_folder_is_no_campaign_and_no_recurrence(tmp_path: Path) -> None:
    import json

    from openpyxl import Workbook

    from builders import write

    folder = tmp_path / "retros"
    folder.mkdir()
    write(folder / "summer.xlsx")
    assert run_cli("export", str(folder), "--to", str(folder / "out.xlsx")).returncode == 0
    old = Workbook()  # an export written before the marker: the same four tables
    old.active.title = "campaigns"
    for name in ("kpis", "problems", "lessons"):
        old.create_sheet(name)
    old.save(folder / "old-export.xlsx")
    budget = Workbook()  # neither a review nor a plan
    budget.active.append(["渠道", "预算"])
    budget.save(folder / "budget.xlsx")

    compared = run_cli("compare", str(folder), "--format", "json")
    assert compared.returncode == 0, compared.stderr
    assert len(json.loads(compared.stdout)["campaigns"]) == 1
    for name in ("out.xlsx", "old-export.xlsx", "budget.xlsx"):
        assert name in compared.stderr, compared.stderr
    lessons = run_cli("lessons", str(folder), "--format", "json")
    assert len(json.loads(lessons.stdout)) == 2, lessons.stdout  # the example's two lessons
    again = run_cli("export", str(folder), "--to", str(tmp_path / "again.csv"))
    assert again.returncode == 0, again.stderr
    assert len((tmp_path / "again" / "campaigns.csv").read_text("utf-8-sig").splitlines()) == 2
    linted = run_cli("lint", str(folder), "--format", "json", "--today", "2024-07-20")
    found = json.loads(linted.stdout)
    files = {f["file"].rsplit("/", 1)[-1] for f in found}
    assert "out.xlsx" not in files and "old-export.xlsx" not in files, files
    assert not [f for f in found if f["code"].startswith("R")], found
    assert "out.xlsx" in linted.stderr and "old-export.xlsx" in linted.stderr
    en = run_cli("compare", str(folder), "--lang", "en", "--format", "json").stderr
    assert "written by retrokit export" in en and "none of a retrospective's sheets" in en, en
    tw = run_cli("compare", str(folder), "--lang", "zh-TW", "--format", "json").stderr
    assert "匯出的檔案" in tw, tw


# --- export: campaign keys are unique and stable --------------------------------------


def test_export_keys_are_the_path_under_the_folder_given(tmp_path: Path) -> None:
    import sqlite3

    from openpyxl import load_workbook

    from builders import example_data, write

    for year in ("2023", "2024"):
        (tmp_path / "yr" / year).mkdir(parents=True)
        data = example_data()  # two campaigns: export uses one campaign given twice once
        data["info"]["project"] = f"{year} 618"
        write(tmp_path / "yr" / year / "618.xlsx", data)
    out = tmp_path / "out"
    out.mkdir()
    for target in ("t.xlsx", "t.csv", "t.sqlite"):
        proc = run_cli("export", "yr", "--to", str(out / target), cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
    xlsx = load_workbook(out / "t.xlsx")["campaigns"]
    assert sorted(c.value for c in xlsx["A"][1:]) == ["2023/618", "2024/618"]
    rows = (out / "t" / "campaigns.csv").read_text("utf-8-sig").splitlines()[1:]
    assert sorted(r.split(",")[0] for r in rows) == ["2023/618", "2024/618"]
    with sqlite3.connect(out / "t.sqlite") as con:
        keys = sorted(r[0] for r in con.execute("select campaign from campaigns"))
    assert keys == ["2023/618", "2024/618"]
    kpis = sorted(
        {r.split(",")[0] for r in (out / "t" / "kpis.csv").read_text("utf-8-sig").splitlines()[1:]}
    )
    assert kpis == ["2023/618", "2024/618"]
    # the same files named one by one: still two keys
    proc = run_cli("export", "yr/2023/618.xlsx", "yr/2024/618.xlsx", "--to", str(out / "u.xlsx"),
                   cwd=tmp_path)  # fmt: skip
    keys = [c.value for c in load_workbook(out / "u.xlsx")["campaigns"]["A"][1:]]
    assert len(set(keys)) == 2, keys


# --- compare / lessons / export on a path that is not there, or holds no review -------


def test_a_missing_path_is_one_line_exit_2_and_nothing_written(tmp_path: Path) -> None:
    from builders import write

    write(tmp_path / "ok.xlsx")
    missing = tmp_path / "nothere"
    for args in (
        ("compare", str(missing)),
        ("lessons", str(missing)),
        ("compare", str(tmp_path / "ok.xlsx"), str(missing), "-o", str(tmp_path / "c.md")),
        ("export", str(missing), "--to", str(tmp_path / "x.xlsx")),
    ):
        proc = run_cli(*args)
        assert proc.returncode == 2, (args, proc.stderr)
        assert proc.stderr.count("\n") == 1 and "nothere" in proc.stderr, proc.stderr
        assert proc.stdout == ""
    assert not (tmp_path / "x.xlsx").exists() and not (tmp_path / "c.md").exists()
    en = run_cli("compare", str(missing), "--lang", "en").stderr
    assert "no such file or folder" in en


def test_a_folder_without_a_review_is_exit_1_and_nothing_written(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    for args in (
        ("compare", str(empty)),
        ("lessons", str(empty)),
        ("export", str(empty), "--to", str(tmp_path / "x.xlsx")),
    ):
        proc = run_cli(*args)
        assert proc.returncode == 1, (args, proc.stderr)
        assert proc.stdout == "" and "empty" in proc.stderr, proc.stderr
    assert not (tmp_path / "x.xlsx").exists()
    assert "no readable retrospective" in run_cli("lessons", str(empty), "--lang", "en").stderr


# --- compare: the trend beside the rates follows them; an action's effect names its campaigns


def _quarter(path: Path, n: int, sales: tuple[float, float], cac: tuple[float, float]) -> Path:
    import datetime as dt

    from builders import example_data, write

    data = example_data()
    start = dt.date(2024, 1, 1) + dt.timedelta(days=90 * (n - 1))
    data["info"].update(project=f"Q{n}", start=start, end=start + dt.timedelta(days=30))
    base = data["kpis"][0]
    data["kpis"] = [
        {**base, "dimension": "revenue", "metric": "销售额", "direction": None,
         "target": sales[0], "actual": sales[1]},
        {**base, "dimension": "cost", "metric": "获客成本", "direction": None,
         "target": cac[0], "actual": cac[1]},
    ]  # fmt: skip
    data["problems"] = [{**data["problems"][0], "metric": "销售额", "action": "换素材"}]
    return write(path, data)


def test_the_trend_beside_the_rates_follows_the_achievement(tmp_path: Path) -> None:
    import json

    paths = [
        str(_quarter(tmp_path / "q1.xlsx", 1, (1_000_000, 900_000), (50, 50))),
        str(_quarter(tmp_path / "q2.xlsx", 2, (2_000_000, 1_200_000), (30, 45))),
    ]
    data = json.loads(run_cli("compare", *paths, "--format", "json").stdout)
    assert {m["metric"]: m["trend"] for m in data["metrics"]} == {
        "销售额": "worsened",  # 90% -> 60%, though the actual rose
        "获客成本": "worsened",  # 100% -> 66.7%, though the cost fell
    }
    (effect,) = data["action_effects"]  # the value itself did rise: the action's effect
    assert effect["effect"] == "improved" and effect["basis"] == "actual"
    assert (effect["project"], effect["next_project"]) == ("Q1", "Q2")
    words = {
        "zh-CN": ("变差", "Q1 90万 → Q2 120万，改善"),
        "zh-TW": ("變差", "Q1 90萬 → Q2 120萬，改善"),
        "en": ("worsened", "Q1 900K → Q2 1.2M, improved"),
    }
    for lang, (worse, line) in words.items():
        table = run_cli("compare", *paths, "--lang", lang).stdout
        trend_rows = [
            r for r in table.splitlines() if "获客成本" in r or "銷售額" in r or "销售额 " in r
        ]
        assert trend_rows and all(worse in r for r in trend_rows if "%" in r), table
        assert line in table, table
        for fmt in ("md", "html"):
            out = run_cli("compare", *paths, "--lang", lang, "--format", fmt).stdout
            assert out.count(worse) >= 2, (fmt, out)
            before, after = line.split("，")[0].split(", ")[0].split(" → ")
            assert before in out and after in out, (fmt, out)


def test_an_action_followed_over_three_campaigns_names_each_pair(tmp_path: Path) -> None:
    paths = [
        str(_quarter(tmp_path / f"q{n}.xlsx", n, (1_000_000, actual), (50, 50)))
        for n, actual in ((1, 900_000), (2, 800_000), (3, 950_000))
    ]
    table = run_cli("compare", *paths, "--lang", "en").stdout
    lines = [line for line in table.splitlines() if "换素材 → 销售额" in line]
    assert len(lines) == 2, table
    assert "Q1 900K → Q2 800K, worsened" in lines[0], lines
    assert "Q2 800K → Q3 950K, improved" in lines[1], lines


# --- compare's table: a missing date is shown as md and html show it -------------------


def test_a_missing_end_date_is_not_none_in_any_format(tmp_path: Path) -> None:
    import datetime as dt

    from builders import example_data, write

    paths = []
    for n in (1, 2):
        data = example_data()
        data["info"].update(project=f"P{n}", start=dt.date(2024, 1 + n, 1), end=None)
        paths.append(str(write(tmp_path / f"p{n}.xlsx", data)))
    for lang in ("zh-CN", "zh-TW", "en"):
        outs = {
            fmt: run_cli("compare", *paths, "--format", fmt, "--lang", lang).stdout
            for fmt in ("table", "md", "html")
        }
        for fmt, out in outs.items():
            assert "~ None" not in out.replace("\\~", "~"), (fmt, out)
            assert "2024-02-01 ~ ?" in out.replace("\\~", "~"), (fmt, out)
