"""A Carried-from cell finds its workbook when several share its name (trial50 A.3, C.8, C.13).

`init --from` names the previous workbook in the new one's *Carried from* cells: its bare name
when both lie in one folder, its path from the new workbook's folder otherwise
(``../2023/summer.xlsx 第 2 行``). Older workbooks hold the bare name only, which the README's
own folder-per-year layout (``2023/summer.xlsx``, ``2024/summer.xlsx``) shares between years;
and compare uses a campaign given twice once, so a cell may name the copy left out. Compare's
"actions carried over more than once" and lint's R002 follow the chain in every case.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from conftest import libreoffice_convert, run_cli
from retrokit import api
from retrokit.method.campaigns import (
    CarryIndex,
    carried_file,
    carried_label,
    compare,
    parse_carried,
)
from retrokit.workbook.reader import Record, Workbook
from retrokit.workbook.schema import INFO, PROBLEMS, Lang

YEARS = (2023, 2024, 2025)
ROWS = (2, 3, 4)  # the worked example's three actions, all open or in progress


def fill_info(path: Path, lang: Lang, year: int) -> None:
    """What the team types into the new workbook's basic info."""
    values = {
        "project": f"Summer {year}",
        "start": dt.date(year, 7, 1),
        "end": dt.date(year, 7, 14),
        "owner": "Alice",
        "key_question": "q",
    }
    labels = {INFO.column(k).label(lang): v for k, v in values.items()}
    wb = load_workbook(path)
    for row in wb[INFO.name(lang)].iter_rows():
        for label, value in labels.items():
            if isinstance(row[0].value, str) and row[0].value.startswith(label):
                row[1].value = value
    wb.save(path)


def carried_cells(path: Path, lang: Lang) -> list[str]:
    ws = load_workbook(path)[PROBLEMS.name(lang)]
    header = [c.value for c in ws[1]]
    col = next(
        i
        for i, h in enumerate(header)
        if str(h).startswith(PROBLEMS.column("carried_from").label(lang))
    )
    return [str(row[col].value) for row in ws.iter_rows(min_row=2) if row[col].value]


def bare_names(path: Path, lang: Lang) -> None:
    """Rewrite the Carried-from cells as a workbook made before paths holds them."""
    wb = load_workbook(path)
    ws = wb[PROBLEMS.name(lang)]
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            found = parse_carried(str(cell.value or ""))
            if found is not None and "/" in str(cell.value):
                cell.value = carried_label(found[0], found[1], lang)
    wb.save(path)


def year_tree(
    root: Path, lang: Lang, *, cli: bool = False, name: str = "summer.xlsx"
) -> list[Path]:
    """root/2023/summer.xlsx (the worked example), then 2024 and 2025, each made from the
    year before by `init --from` and its basic info filled in; no action moves."""
    paths = [root / str(year) / name for year in YEARS]
    for p in paths:
        p.parent.mkdir(parents=True, exist_ok=True)
    api.scaffold_workbook(paths[0], lang=lang, example=True)
    fill_info(paths[0], lang, YEARS[0])
    for previous, path, year in zip(paths, paths[1:], YEARS[1:], strict=False):
        if cli:
            proc = run_cli("init", str(path), "--from", str(previous), "--lang", lang)
            assert proc.returncode == 0, proc.stderr
        else:
            api.scaffold_workbook(path, lang=lang, previous=previous)
        fill_info(path, lang, year)
    return paths


def carried_over(paths: list[Path], same_as: bool = True) -> list[tuple[str, int, int]]:
    """compare's carried list as (file, row, times), through the API as the command runs it."""
    left_out: dict[str, str] = {}
    campaigns = api.load_campaigns(
        paths,
        distinct=True,
        on_duplicate=lambda dropped, used, why: left_out.update({str(dropped): str(used)}),
    )
    analyses, workbooks = api.campaigns_of(campaigns)
    data = compare(analyses, workbooks, left_out if same_as else None)
    return sorted((Path(c["file"]).name, c["row"], c["times"]) for c in data["carried_over"])


def r002(paths: list[Path]) -> list[tuple[str, int, str]]:
    found = api.lint_paths(paths, select=["R002"], today=dt.date(2026, 1, 1))
    return sorted((f.file, f.row or 0, f.message("en")) for f in found)


# --- what init --from writes ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("zh-CN", ["../2023/summer.xlsx 第 2 行", "../2023/summer.xlsx 第 3 行"]),
        ("en", ["../2023/summer.xlsx, row 2", "../2023/summer.xlsx, row 3"]),
    ],
)
def test_init_from_another_folder_writes_the_path(
    tmp_path: Path, lang: Lang, expected: list[str]
) -> None:
    paths = year_tree(tmp_path, lang, cli=True)
    assert carried_cells(paths[1], lang)[:2] == expected
    # read back as the file's name and the row, as before
    assert parse_carried(expected[0]) == ("summer.xlsx", 2)


def test_the_path_written_from_one_folder_to_another() -> None:
    assert carried_file("retros/q3.xlsx", "retros/q4.xlsx") == "q3.xlsx"
    assert carried_file("yr/2024/summer.xlsx", "yr/2025/summer.xlsx") == "../2024/summer.xlsx"
    assert carried_file("2024/Q4/a.xlsx", "2025/Q1/a.xlsx") == "../../2024/Q4/a.xlsx"
    assert carried_file("retros/2024/a.xlsx", "retros/a.xlsx") == "2024/a.xlsx"
    # far outside the new workbook's tree (made elsewhere, to be moved): the bare name
    assert carried_file("/srv/share/team/retros/a.xlsx", "/home/u/Desktop/b.xlsx") == "a.xlsx"
    assert carried_file("yr/2024/summer.xlsx", None) == "summer.xlsx"


# --- compare and R002 over a folder per year ------------------------------------------------


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
@pytest.mark.parametrize("cells", ["path", "bare name"])
def test_a_chain_across_year_folders_is_followed(tmp_path: Path, lang: Lang, cells: str) -> None:
    paths = year_tree(tmp_path / "yr", lang)
    if cells == "bare name":  # workbooks made before init --from wrote paths
        for p in paths[1:]:
            bare_names(p, lang)
        assert carried_cells(paths[2], lang)[0] in ("summer.xlsx 第 2 行", "summer.xlsx, row 2")
    # in any order the files are given
    assert carried_over([paths[2], paths[0], paths[1]]) == [("summer.xlsx", r, 2) for r in ROWS]
    found = r002([tmp_path / "yr"])
    assert [(Path(f).parent.name, row) for f, row, _ in found] == [("2025", r) for r in ROWS]
    # each row named with its folder, from the set's root: the two files read apart
    chain = f"{carried_label('2024/summer.xlsx', 2, lang)} ← {carried_label('2023/summer.xlsx', 2, lang)}"
    assert chain in found[0][2]


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_commands_follow_a_chain_across_year_folders(tmp_path: Path, lang: Lang) -> None:
    """The trial's case: `init --from` in folders, then `compare yr` and `lint yr`."""
    year_tree(tmp_path / "yr", lang, cli=True)
    proc = run_cli("compare", str(tmp_path / "yr"), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    carried = json.loads(proc.stdout)["carried_over"]
    assert [(Path(c["file"]).parent.name, c["row"], c["times"]) for c in carried] == [
        ("2025", r, 2) for r in ROWS
    ]
    proc = run_cli("lint", str(tmp_path / "yr"), "--select", "R002", "--format", "json")
    found = json.loads(proc.stdout)
    assert len(found) == len(ROWS) and {Path(f["file"]).parent.name for f in found} == {"2025"}


def test_no_chain_runs_through_a_later_campaign(tmp_path: Path) -> None:
    """Without 2023, 2024's bare ``summer.xlsx`` names no workbook of the set (2025 started
    later): each chain is one step long, and no action counts as carried twice."""
    paths = year_tree(tmp_path / "yr", "en")
    for p in paths[1:]:
        bare_names(p, "en")
    assert carried_over(paths[1:]) == []
    assert r002(paths[1:]) == []


def test_a_moved_workbook_falls_back_to_the_name(tmp_path: Path) -> None:
    """A path that names no workbook of the set (the folders were renamed since) is looked
    up by the file's name."""
    paths = year_tree(tmp_path / "yr", "en")
    moved = [tmp_path / "archive" / f"y{year}" / "summer.xlsx" for year in YEARS]
    for src, dst in zip(paths, moved, strict=True):
        dst.parent.mkdir(parents=True)
        shutil.move(src, dst)
    assert carried_over(moved) == [("summer.xlsx", r, 2) for r in ROWS]


# --- a campaign given twice ---------------------------------------------------------------


def flat_three(folder: Path, lang: Lang) -> list[Path]:
    folder.mkdir()
    paths = [folder / f"c{year}.xlsx" for year in YEARS]
    api.scaffold_workbook(paths[0], lang=lang, example=True)
    fill_info(paths[0], lang, YEARS[0])
    for previous, path, year in zip(paths, paths[1:], YEARS[1:], strict=False):
        api.scaffold_workbook(path, lang=lang, previous=previous)
        fill_info(path, lang, year)
    return paths


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_a_carry_from_the_copy_left_out_is_followed_in_the_copy_used(
    tmp_path: Path, lang: Lang
) -> None:
    paths = flat_three(tmp_path / "retros", lang)
    copy = paths[1].with_name("c2024 copy.xlsx")  # named first, so compare uses it
    shutil.copyfile(paths[1], copy)
    folder = [tmp_path / "retros"]
    assert carried_over(folder) == [("c2025.xlsx", r, 2) for r in ROWS]
    assert carried_over(folder, same_as=False) == []  # what it was before
    proc = run_cli("compare", str(tmp_path / "retros"), "--format", "json", "--lang", lang)
    assert "c2024 copy.xlsx" in proc.stderr  # named on stderr as the one used
    carried = json.loads(proc.stdout)["carried_over"]
    assert [(Path(c["file"]).name, c["times"]) for c in carried] == [("c2025.xlsx", 2)] * 3


def test_a_libreoffice_resave_given_beside_the_original(tmp_path: Path) -> None:
    """The trial's case (b): c2024.xlsx and LibreOffice's re-save of it, c2024-resaved.xlsx,
    which compare uses (it is named first)."""
    paths = flat_three(tmp_path / "retros", "en")
    resaved = libreoffice_convert(paths[1], tmp_path / "lo")
    shutil.move(resaved, paths[1].with_name("c2024-resaved.xlsx"))
    proc = run_cli("compare", str(tmp_path / "retros"), "--format", "json", "--lang", "en")
    assert proc.returncode == 0 and "only" in proc.stderr and "c2024-resaved.xlsx" in proc.stderr
    carried = json.loads(proc.stdout)["carried_over"]
    assert [(Path(c["file"]).name, c["row"], c["times"]) for c in carried] == [
        ("c2025.xlsx", r, 2) for r in ROWS
    ]


# --- the rules of the look-up, on workbooks made by hand -----------------------------------


def book(path: str, start: dt.date | None, carried: str = "") -> tuple[Workbook, Any]:
    record = Record(PROBLEMS.name("en"), 2, {"carried_from": carried}, {}, {})
    return Workbook(path, "en", None, {}, {"problems": (record,)}, ()), start


def resolve(
    books: list[tuple[Workbook, Any]],
    referrer: str,
    file: str,
    same_as: dict[str, str] | None = None,
) -> str | None:
    import os

    index = CarryIndex(books, same_as)
    found = index.resolve(os.path.abspath(referrer), file)
    return None if found is None else os.path.relpath(found)


def test_the_lookup_prefers_the_same_folder_then_the_latest_before(tmp_path: Path) -> None:
    d = dt.date
    books = [
        book("a/2023/s.xlsx", d(2023, 7, 1)),
        book("a/2024/s.xlsx", d(2024, 7, 1)),
        book("a/2025/s.xlsx", d(2025, 7, 1)),
        book("a/2026/s.xlsx", d(2026, 7, 1)),
        book("a/2025/t.xlsx", d(2026, 1, 1)),
    ]
    # the latest campaign of that name started before; never itself, never a later one
    assert resolve(books, "a/2025/s.xlsx", "s.xlsx") == "a/2024/s.xlsx"
    assert resolve(books, "a/2023/s.xlsx", "s.xlsx") is None
    # the same folder first, whatever the dates say
    books.append(book("a/2025/u.xlsx", d(2025, 8, 1)))
    assert resolve(books, "a/2025/u.xlsx", "t.xlsx") == "a/2025/t.xlsx"
    # a path from the referring workbook's folder
    assert resolve(books, "a/2025/s.xlsx", "../2023/s.xlsx") == "a/2023/s.xlsx"
    # a path that names no workbook of the set: by its name
    assert resolve(books, "a/2025/s.xlsx", "../old/s.xlsx") == "a/2024/s.xlsx"


def test_the_lookup_breaks_ties_by_the_nearest_folder_else_leaves_it(tmp_path: Path) -> None:
    d = dt.date
    books = [
        book("sh/2023/s.xlsx", d(2023, 7, 1)),
        book("bj/2023/s.xlsx", d(2023, 7, 1)),
        book("sh/2024/s.xlsx", d(2024, 7, 1)),
        book("gz/2024/s.xlsx", d(2024, 7, 1)),
        book("x/s.xlsx", None),
        book("y/s.xlsx", None),
    ]
    assert resolve(books, "sh/2024/s.xlsx", "s.xlsx") == "sh/2023/s.xlsx"
    # two equally likely (same start, folders as near): none rather than a guess
    assert resolve(books, "gz/2024/s.xlsx", "s.xlsx") is None
    # the referring workbook's start unknown: the nearest folder
    assert resolve(books, "x/sub/s.xlsx", "s.xlsx") == "x/s.xlsx"


def test_the_lookup_finds_a_duplicate_left_out_as_the_copy_used(tmp_path: Path) -> None:
    d = dt.date
    books = [book("r/c2024-resaved.xlsx", d(2024, 7, 1)), book("r/c2025.xlsx", d(2025, 7, 1))]
    same = {"r/c2024.xlsx": "r/c2024-resaved.xlsx"}
    assert resolve(books, "r/c2025.xlsx", "c2024.xlsx", same) == "r/c2024-resaved.xlsx"
    assert resolve(books, "r/c2025.xlsx", "c2024.xlsx") is None


def test_a_chain_through_paths_written_with_backslashes_or_in_zh_tw() -> None:
    """A path typed on Windows (``..\\2023\\s.xlsx``) and Taiwan's 第 2 列 read the same."""
    d = dt.date
    books = [
        book("t/2023/s.xlsx", d(2023, 7, 1)),
        book("t/2024/s.xlsx", d(2024, 7, 1), "..\\2023\\s.xlsx 第 2 列"),
        book("t/2025/s.xlsx", d(2025, 7, 1), "../2024/s.xlsx 第 2 行"),
    ]
    index = CarryIndex(books)
    wb = books[2][0]
    chain = index.chain(wb, wb.problems[0])
    assert [path for path, _ in chain] == ["t/2024/s.xlsx", "t/2023/s.xlsx"]
    assert parse_carried("..\\2023\\s.xlsx 第 2 列") == ("s.xlsx", 2)
