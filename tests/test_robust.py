"""Safe to run on any pull request: a crash or a hang of the reader is one finding, no command
writes over its input, one bad file is one finding, every write error is one line, CSV is safe
to open, written files are readable by others (issues 15 and 16)."""

from __future__ import annotations

import csv
import io
import os
import re
import resource
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from builders import TODAY, example_data, write
from conftest import run_cli
from retrokit.lint import run
from retrokit.rules import Settings

SETTINGS = Settings(today=TODAY)
CRASH = {"RETROKIT_TEST_CRASH_ON": "crash.xlsx"}


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, env={"RETROKIT_LANG": "en", **(env or {})})


def one_line(proc: subprocess.CompletedProcess[str]) -> str:
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    return lines[0]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three readable workbooks and one (crash.xlsx) that the test hook makes abort."""
    for name in ("a.xlsx", "crash.xlsx", "c.xlsx"):
        write(tmp_path / name, _campaign_named(name))
    return tmp_path


def _campaign_named(name: str) -> dict[str, object]:
    """The worked example as a campaign of its own (compare uses one campaign given twice once)."""
    data = example_data()
    data["info"]["project"] = f"{data['info']['project']} {name}"
    return data


# --- 15.2 a native failure is contained ------------------------------------------------------


def test_a_reader_that_aborts_in_lint_is_one_f001_and_the_others_go_on(folder: Path) -> None:
    started = time.monotonic()
    proc = cli("lint", str(folder), "--format", "concise", "--select", "F,A004", env=CRASH)
    assert time.monotonic() - started < 30
    assert "Traceback" not in proc.stderr
    lines = proc.stdout.splitlines()
    crashed = [x for x in lines if "crash.xlsx" in x]
    assert len(crashed) == 1 and " F001 " in crashed[0] and "crashed" in crashed[0]
    assert any("a.xlsx" in x and "A004" in x for x in lines)
    assert any("c.xlsx" in x and "A004" in x for x in lines)
    assert proc.returncode == 1


def test_a_dead_worker_in_a_parallel_run_is_noticed_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import retrokit.lint.engine as engine

    for i in range(12):
        write(tmp_path / f"r{i:02}.xlsx")
    shutil.copy(tmp_path / "r00.xlsx", tmp_path / "crash.xlsx")
    monkeypatch.setenv("RETROKIT_TEST_CRASH_ON", "crash.xlsx")
    monkeypatch.setattr(engine, "PARALLEL_MIN_FILES", 2)
    started = time.monotonic()
    results = run([tmp_path], SETTINGS, jobs=2, timeout=60)
    assert time.monotonic() - started < 30  # not the 60 s deadline: the death is seen
    names = [Path(r.path).name for r in results]
    assert names == sorted(names) and len(names) == 13
    by_name = {Path(r.path).name: r for r in results}
    assert [f.code for f in by_name["crash.xlsx"].findings] == ["F001"]
    assert all(r.context is not None for n, r in by_name.items() if n != "crash.xlsx")


def test_a_file_past_the_time_limit_is_reported_and_the_others_go_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import retrokit.lint.engine as engine

    for name in ("a.xlsx", "slow.xlsx", "c.xlsx"):
        write(tmp_path / name)
    real = engine.check_workbook

    def hangs(path: Path, *args: object, **kwargs: object) -> engine.FileResult:
        if path.name == "slow.xlsx":
            time.sleep(600)
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "check_workbook", hangs)
    started = time.monotonic()
    results = run([tmp_path], SETTINGS, timeout=2)
    assert time.monotonic() - started < 20
    by_name = {Path(r.path).name: r for r in results}
    slow = by_name["slow.xlsx"].findings
    assert [f.code for f in slow] == ["F001"]
    assert "2 s" in slow[0].message("en") and "--timeout" in slow[0].message("en")
    assert by_name["a.xlsx"].context is not None and by_name["c.xlsx"].context is not None


def test_lint_timeout_must_be_positive(folder: Path) -> None:
    proc = cli("lint", str(folder), "--timeout", "0")
    assert proc.returncode == 2 and "--timeout" in one_line(proc)


@pytest.mark.parametrize("command", ["analyze", "report"])
def test_a_reader_that_aborts_in_analyze_or_report_is_one_line(folder: Path, command: str) -> None:
    args = [command, str(folder / "crash.xlsx")]
    if command == "report":
        args += ["-o", str(folder / "r.html")]
    proc = cli(*args, env=CRASH)
    assert proc.returncode == 2
    line = one_line(proc)
    assert "crash.xlsx" in line and "crashed" in line
    assert not (folder / "r.html").exists()
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("command", ["compare", "lessons"])
def test_compare_and_lessons_skip_a_file_whose_reader_aborts(folder: Path, command: str) -> None:
    proc = cli(command, str(folder), "--format", "json", env=CRASH)
    assert proc.returncode == 0, proc.stderr
    assert "crash.xlsx" in one_line(proc) and "skipped" in proc.stderr
    assert "crash.xlsx" not in proc.stdout
    if command == "compare":
        assert "a.xlsx" in proc.stdout and "c.xlsx" in proc.stdout


def test_commands_without_a_crash_are_unchanged(folder: Path) -> None:
    proc = cli("analyze", str(folder / "a.xlsx"), "--format", "json")
    assert proc.returncode == 0 and proc.stdout.startswith("{") and not proc.stderr


# --- 15.7 no command writes over its input ---------------------------------------------------


def _link(kind: str, source: Path, tmp: Path) -> Path:
    if kind == "same":
        return source
    target = tmp / f"{kind}.xlsx"
    if kind == "symlink":
        target.symlink_to(source)
    else:
        os.link(source, target)
    return target


@pytest.mark.parametrize("kind", ["same", "symlink", "hardlink"])
@pytest.mark.parametrize(
    "command",
    [
        ["lint"],
        ["lint", "--format", "json"],
        ["compare", "--format", "json"],
        ["lessons", "--format", "csv"],
        ["analyze", "--format", "json"],
        ["report", "--format", "html"],
    ],
)
def test_no_output_is_one_of_the_inputs(tmp_path: Path, command: list[str], kind: str) -> None:
    (tmp_path / "in").mkdir()
    book = write(tmp_path / "in" / "a.xlsx")
    before = book.read_bytes()
    output = _link(kind, book, tmp_path)
    proc = cli(command[0], str(book), *command[1:], "-o", str(output))
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "overwrite" in one_line(proc)
    assert book.read_bytes() == before


@pytest.mark.parametrize("kind", ["same", "symlink", "hardlink"])
def test_export_does_not_write_over_its_input(tmp_path: Path, kind: str) -> None:
    (tmp_path / "in").mkdir()
    book = write(tmp_path / "in" / "a.xlsx")
    before = book.read_bytes()
    output = _link(kind, book, tmp_path)
    proc = cli("export", str(book), "--to", str(output), "--force")
    assert proc.returncode == 2 and "overwrite" in one_line(proc)
    assert book.read_bytes() == before


def test_an_output_inside_an_input_folder_is_refused_only_when_it_is_a_workbook(
    tmp_path: Path,
) -> None:
    write(tmp_path / "a.xlsx")
    proc = cli("lint", str(tmp_path), "-o", str(tmp_path / "a.xlsx"))
    assert proc.returncode == 2
    proc = cli("lint", str(tmp_path), "--format", "json", "-o", str(tmp_path / "lint.json"))
    assert proc.returncode in (0, 1) and (tmp_path / "lint.json").exists()


# --- 15.8 one bad file is one finding --------------------------------------------------------


@pytest.fixture
def shared_tmp(tmp_path: Path) -> Path:
    return tmp_path


#: A user that this process's files are not mapped to (see run_unprivileged).
STRANGER = 12345


def deny(path: Path, mode: int) -> None:
    """Give ``path`` a mode that permissions enforce: for root, also an owner that root
    inside a user namespace has no power over."""
    if os.geteuid() == 0:
        os.chown(path, STRANGER, STRANGER)
    path.chmod(mode)


def run_unprivileged(*args: str) -> subprocess.CompletedProcess[str]:
    """The CLI where permissions apply: as root, inside a user namespace (``unshare -Ur``),
    where root keeps its own files but cannot override the modes of the STRANGER's."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", "RETROKIT_LANG": "en"}
    prefix = []
    if os.geteuid() == 0:
        unshare = shutil.which("unshare")
        probe = subprocess.run([unshare or "unshare", "-Ur", "true"], capture_output=True)
        if unshare is None or probe.returncode != 0:  # pragma: no cover
            pytest.skip("cannot drop root's permission override here")
        prefix = [unshare, "-Ur"]
    return subprocess.run(
        [*prefix, sys.executable, "-m", "retrokit", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def _unreadable_set(folder: Path) -> Path:
    for name in ("a.xlsx", "locked.xlsx", "c.xlsx"):
        write(folder / name, _campaign_named(name))
    deny(folder / "locked.xlsx", 0o000)
    return folder / "locked.xlsx"


def test_a_file_that_cannot_be_opened_is_f001_in_lint(shared_tmp: Path) -> None:
    _unreadable_set(shared_tmp)
    proc = run_unprivileged("lint", str(shared_tmp), "--format", "concise", "--select", "F,A004")
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    locked = [x for x in proc.stdout.splitlines() if "locked.xlsx" in x]
    assert len(locked) == 1 and " F001 " in locked[0] and "permission denied" in locked[0]
    assert any("c.xlsx" in x and "A004" in x for x in proc.stdout.splitlines())


@pytest.mark.parametrize("command", ["compare", "lessons"])
def test_a_file_that_cannot_be_opened_is_skipped_by_compare_and_lessons(
    shared_tmp: Path, command: str
) -> None:
    _unreadable_set(shared_tmp)
    proc = run_unprivileged(command, str(shared_tmp), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    line = one_line(proc)
    assert "skipped" in line and "locked.xlsx" in line and "permission denied" in line


HOSTILE_NAMES = [
    b"esc\x1b[31mred\x07.xlsx",
    b"new\nline.xlsx",
    b"bad\xff\xfe.xlsx",
    "bidi\u202eexcel.xlsx".encode(),
]


@pytest.fixture
def hostile_names(tmp_path: Path) -> Path:
    """One campaign per hostile name: copies of one campaign would be one campaign to compare
    (same project and period), which names none of the files."""
    folder = tmp_path / "names"
    folder.mkdir()
    for i, name in enumerate(HOSTILE_NAMES):
        data = example_data()
        data["info"]["project"] = f"campaign {i}"
        book = write(tmp_path / f"source{i}.xlsx", data)
        shutil.copy(book, os.path.join(os.fsencode(folder), name))
    return folder


def _raw(args: list[str]) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", "RETROKIT_LANG": "en"}
    return subprocess.run(
        [sys.executable, "-m", "retrokit", *args],
        capture_output=True,
        env=env,
        timeout=300,
    )


def _clean(data: bytes) -> str:
    text = data.decode("utf-8")  # valid UTF-8 whatever the names
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    return text


@pytest.mark.parametrize(
    "fmt", ["text", "concise", "json", "json-lines", "github", "sarif", "junit"]
)
def test_file_names_are_escaped_in_every_lint_format(hostile_names: Path, fmt: str) -> None:
    proc = _raw(["lint", str(hostile_names), "--format", fmt, "--today", "2024-08-08"])
    assert proc.returncode in (0, 1), proc.stderr
    text = _clean(proc.stdout)
    assert "\\x1b[31mred\\x07.xlsx" in text.replace("\\\\", "\\")
    assert "bad\\xff\\xfe.xlsx" in text.replace("\\\\", "\\")
    if fmt in ("text", "concise", "github"):
        assert not any(line.startswith("line.xlsx") for line in text.splitlines())
    if fmt == "junit":
        import xml.dom.minidom

        xml.dom.minidom.parseString(proc.stdout)
    if fmt in ("json", "sarif"):
        import json

        json.loads(text)


@pytest.mark.parametrize("fmt", ["table", "json", "md", "html"])
def test_file_names_are_escaped_in_compare(hostile_names: Path, fmt: str) -> None:
    proc = _raw(["compare", str(hostile_names), "--format", fmt])
    assert proc.returncode == 0, proc.stderr
    text = _clean(proc.stdout)
    assert "bad\\xff\\xfe" in text.replace("\\\\", "\\")


# --- 15.9 every write error is one line ------------------------------------------------------


def test_lessons_into_a_missing_folder_or_onto_a_folder_is_one_line(tmp_path: Path) -> None:
    book = write(tmp_path / "a.xlsx")
    proc = cli("lessons", str(book), "-o", str(tmp_path / "missing" / "l.md"))
    assert proc.returncode == 2 and "does not exist" in one_line(proc)
    (tmp_path / "folder.md").mkdir()
    proc = cli("lessons", str(book), "-o", str(tmp_path / "folder.md"))
    assert proc.returncode == 2 and "could not write" in one_line(proc)
    assert (tmp_path / "folder.md").is_dir()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_read_only_output_folder_is_one_line(shared_tmp: Path) -> None:
    book = write(shared_tmp / "a.xlsx")
    out = shared_tmp / "out"
    out.mkdir()
    (out / "l.md").write_text("old")
    deny(out, 0o555)
    proc = run_unprivileged("lessons", str(book), "-o", str(out / "l.md"))
    assert proc.returncode == 2 and "could not write" in one_line(proc)
    assert (out / "l.md").read_text() == "old"


def _full_disk(limit: int) -> None:
    """In the child: files may not grow past ``limit`` bytes, as on a full disk; the
    signal a process gets for that is ignored, so writes fail with EFBIG instead."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def _run_full(args: list[str], limit: int = 300) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", "RETROKIT_LANG": "en"}
    return subprocess.run(
        [sys.executable, "-m", "retrokit", *args],
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=lambda: _full_disk(limit),
        timeout=300,
    )


@pytest.mark.parametrize(
    "make",
    [
        lambda book, out: ["report", str(book), "-o", str(out / "r.html")],
        lambda book, out: ["report", str(book), "-o", str(out / "r.md")],
        lambda book, out: ["lint", str(book), "--format", "sarif", "-o", str(out / "l.sarif")],
        lambda book, out: ["export", str(book), "--to", str(out / "e.xlsx"), "--force"],
        lambda book, out: ["export", str(book), "--to", str(out / "e.sqlite"), "--force"],
        lambda book, out: ["export", str(book), "--to", str(out / "e.csv"), "--force"],
        lambda book, out: ["init", str(out / "new.xlsx"), "--example", "--force"],
    ],
    ids=["report-html", "report-md", "lint", "xlsx", "sqlite", "csv", "init"],
)
def test_a_full_disk_is_one_line_and_the_old_file_stays(tmp_path: Path, make: object) -> None:
    book = write(tmp_path / "a.xlsx")
    out = tmp_path / "out"
    out.mkdir()
    args = make(book, out)  # type: ignore[operator]
    target = Path(args[args.index("-o") + 1] if "-o" in args else args[-2])
    if args[0] == "init":
        target = Path(args[1])
    if target.suffix == ".csv":
        target = target.with_suffix("") / "kpis.csv"
        target.parent.mkdir()
    target.write_text("old")
    proc = _run_full(args)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "could not write" in one_line(proc)
    assert target.read_text() == "old"
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


def test_a_full_disk_under_stdout_is_one_line(tmp_path: Path) -> None:
    book = write(tmp_path / "a.xlsx")
    env = {**os.environ, "NO_COLOR": "1", "RETROKIT_LANG": "en"}
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "retrokit", "lint", str(book), "--format", "json"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=300,
        )
    assert proc.returncode == 2
    assert "the disk is full" in one_line(proc)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_during_a_write_leaves_no_temp_file(tmp_path: Path, signum: int) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    book = write(folder / "a00.xlsx")
    for i in range(1, 80):
        shutil.copy(book, folder / f"a{i:02}.xlsx")
    out = tmp_path / "out"
    out.mkdir()
    (out / "l.json").write_text("old")
    env = {**os.environ, "NO_COLOR": "1", "RETROKIT_LANG": "en"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "retrokit", "lint", str(folder), "-o", str(out / "l.json")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    deadline = time.monotonic() + 60
    while not [p for p in out.iterdir() if p.name.endswith(".tmp")]:
        assert proc.poll() is None, "lint finished before its temp file was seen"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signum
    assert b"Traceback" not in err
    assert sorted(p.name for p in out.iterdir()) == ["l.json"]
    assert (out / "l.json").read_text() == "old"


# --- 15.10 CSV that is safe to open ----------------------------------------------------------

DANGEROUS = ['=HYPERLINK("http://x","y")', "+1+2", "-3+4", "@SUM(A1)", "\tTAB", "\rCR"]


@pytest.fixture
def dangerous_book(tmp_path: Path) -> Path:
    data = example_data()
    for lesson, text in zip(data["lessons"], DANGEROUS, strict=False):
        lesson["lesson"] = text
    data["lessons"] += [
        dict(data["lessons"][0], lesson=t) for t in DANGEROUS[len(data["lessons"]) :]
    ]
    data["kpis"][0]["metric"] = "=1+1"
    path = write(tmp_path / "d.xlsx", data)
    # Typed as text: openpyxl would otherwise store "=..." as a formula.
    from openpyxl import load_workbook

    wb = load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.value = "=" + str(cell.value).removeprefix("=")
                    cell.data_type = "s"
    wb.save(path)
    return path


#: What survives a workbook: the reader trims leading tabs and line breaks from cells.
IN_WORKBOOK = [t for t in DANGEROUS if not t[0].isspace()]


def test_csv_safe_prefixes_formula_starts_only_on_text() -> None:
    from retrokit.render.export import csv_safe

    assert [csv_safe(t) for t in DANGEROUS] == ["'" + t for t in DANGEROUS]
    assert csv_safe(-3) == -3 and csv_safe(-0.5) == -0.5 and csv_safe(None) is None
    assert csv_safe("2024-07-19") == "2024-07-19" and csv_safe("a=b") == "a=b"


def _csv_cells(text: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))) for c in row]


def test_lessons_csv_prefixes_formula_text_and_raw_csv_keeps_it(dangerous_book: Path) -> None:
    safe = _csv_cells(cli("lessons", str(dangerous_book), "--format", "csv").stdout)
    raw = _csv_cells(cli("lessons", str(dangerous_book), "--format", "csv", "--raw-csv").stdout)
    for text in IN_WORKBOOK:
        assert "'" + text in safe and text not in safe
        assert text in raw
    assert "2024-07-20" in safe  # dates and other text untouched (the lessons recorded on)


def test_export_csv_prefixes_formula_text_and_keeps_numbers(
    dangerous_book: Path, tmp_path: Path
) -> None:
    proc = cli("export", str(dangerous_book), "--to", str(tmp_path / "safe.csv"))
    assert proc.returncode == 0, proc.stderr
    kpis = (tmp_path / "safe" / "kpis.csv").read_text(encoding="utf-8-sig")
    assert "'=1+1" in _csv_cells(kpis)
    rows = list(csv.DictReader(io.StringIO(kpis)))
    negative = [r["gap"] for r in rows if r["gap"].startswith("-")]
    assert negative, "a negative number is written as a number, not prefixed"
    lessons = _csv_cells((tmp_path / "safe" / "lessons.csv").read_text(encoding="utf-8-sig"))
    assert all("'" + t in lessons for t in IN_WORKBOOK)
    cli("export", str(dangerous_book), "--to", str(tmp_path / "raw.csv"), "--raw-csv")
    raw = _csv_cells((tmp_path / "raw" / "kpis.csv").read_text(encoding="utf-8-sig"))
    assert "=1+1" in raw


def test_sqlite_and_xlsx_keep_the_exact_text(dangerous_book: Path, tmp_path: Path) -> None:
    cli("export", str(dangerous_book), "--to", str(tmp_path / "e.sqlite"))
    with sqlite3.connect(tmp_path / "e.sqlite") as con:
        metrics = [r[0] for r in con.execute("select metric from kpis")]
    assert "=1+1" in metrics


# --- 16.1 files others can read --------------------------------------------------------------


def _with_umask(mask: int, args: list[str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "RETROKIT_LANG": "en"}
    return subprocess.run(
        [sys.executable, "-m", "retrokit", *args],
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=lambda: os.umask(mask) and None,
        timeout=300,
    )


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("mask", [0o022, 0o077])
def test_new_files_get_the_usual_mode_under_the_umask(tmp_path: Path, mask: int) -> None:
    book = tmp_path / "a.xlsx"
    assert _with_umask(mask, ["init", str(book), "--example"]).returncode == 0
    outputs = [
        ["report", str(book), "-o", str(tmp_path / "r.html")],
        ["lint", str(book), "--format", "json", "-o", str(tmp_path / "l.json")],
        ["compare", str(book), "--format", "md", "-o", str(tmp_path / "c.md")],
        ["export", str(book), "--to", str(tmp_path / "e.sqlite")],
        ["export", str(book), "--to", str(tmp_path / "e.xlsx")],
        ["export", str(book), "--to", str(tmp_path / "e.csv")],
    ]
    for args in outputs:
        proc = _with_umask(mask, args)
        assert proc.returncode in (0, 1), proc.stderr
    expected = 0o666 & ~mask
    for name in ("a.xlsx", "r.html", "l.json", "c.md", "e.sqlite", "e.xlsx", "e/kpis.csv"):
        assert _mode(tmp_path / name) == expected, name


@pytest.mark.parametrize("mask", [0o022, 0o077])
def test_replacing_a_file_keeps_its_mode(tmp_path: Path, mask: int) -> None:
    book = write(tmp_path / "a.xlsx")
    for name in ("r.html", "e.sqlite"):
        (tmp_path / name).write_text("old")
        (tmp_path / name).chmod(0o640)
    assert _with_umask(mask, ["report", str(book), "-o", str(tmp_path / "r.html")]).returncode == 0
    args = ["export", str(book), "--to", str(tmp_path / "e.sqlite"), "--force"]
    assert _with_umask(mask, args).returncode == 0
    assert _mode(tmp_path / "r.html") == 0o640
    assert _mode(tmp_path / "e.sqlite") == 0o640
    assert (tmp_path / "r.html").read_text() != "old"


@pytest.mark.parametrize(("lang", "words"), [("zh-CN", "磁盘已满"), ("zh-TW", "磁碟已滿")])
def test_the_operating_systems_reason_is_in_the_language(
    tmp_path: Path, lang: str, words: str
) -> None:
    """A full disk, a read-only folder: the reason is worded, not the system's English."""
    import errno

    from retrokit.errors import WriteError
    from retrokit.fsutil import os_reason

    for code in (errno.EROFS, errno.EACCES, errno.ENOSPC):
        message = WriteError(
            "err.write", path="x.html", reason=os_reason(OSError(code, os.strerror(code)))
        ).message(lang)  # type: ignore[arg-type]
        assert not re.search(r"[A-Za-z]{3,}", message.replace("html", "")), message
    book = write(tmp_path / "a.xlsx")
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "retrokit", "analyze", str(book), "--lang", lang],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=300,
        )
    assert proc.returncode == 2 and words in proc.stderr and proc.stderr.count("\n") == 1
