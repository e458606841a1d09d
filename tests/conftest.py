"""Shared fixtures: real LibreOffice and Chromium when present, required in CI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REQUIRE_E2E = os.environ.get("RETROKIT_REQUIRE_E2E") == "1"

# Every `python -m retrokit` a test starts runs this checkout's code, whichever checkout the
# environment's editable install points at (a second worktree, say).
os.environ["PYTHONPATH"] = os.pathsep.join(
    p for p in (str(ROOT / "src"), os.environ.get("PYTHONPATH", "")) if p
)


def need_tool(name: str) -> str:
    """The path of a system tool, or skip (fail when RETROKIT_REQUIRE_E2E=1)."""
    found = shutil.which(name)
    if found:
        return found
    if REQUIRE_E2E:
        pytest.fail(f"{name} is required (RETROKIT_REQUIRE_E2E=1) but not installed")
    pytest.skip(f"{name} not installed")


def need_shared() -> Path:
    if SHARED.is_dir():
        return SHARED
    if REQUIRE_E2E:
        pytest.fail(f"{SHARED} is required (RETROKIT_REQUIRE_E2E=1) but missing")
    pytest.skip("../shared not beside the checkout")


def libreoffice_convert(
    src: Path, outdir: Path, fmt: str = "xlsx", infilter: str | None = None
) -> Path:
    """Open ``src`` in real headless LibreOffice, recalculate, and save it as ``fmt``."""
    soffice = need_tool("soffice")
    outdir.mkdir(parents=True, exist_ok=True)
    profile = outdir / ".lo-profile"
    proc = subprocess.run(
        [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{profile}",
            *([f"--infilter={infilter}"] if infilter else []),
            "--convert-to",
            fmt,
            "--outdir",
            str(outdir),
            str(src),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    out = outdir / (src.stem + "." + fmt.split(":")[0])
    assert proc.returncode == 0 and out.exists(), proc.stdout + proc.stderr
    return out


def run_cli(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the real `retrokit` command in a subprocess. The locale is pinned to C (no language)
    so the messages are zh-CN by default wherever the tests run; ``env`` may set another."""
    locale = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}
    full_env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", **locale, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "retrokit", *args],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=cwd,
        timeout=300,
    )


@pytest.fixture
def example_zh(tmp_path: Path) -> Path:
    from retrokit.workbook.scaffold import init

    return init(tmp_path / "summer.xlsx", lang="zh-CN", example_data=True)


@pytest.fixture
def example_en(tmp_path: Path) -> Path:
    from retrokit.workbook.scaffold import init

    return init(tmp_path / "summer.en.xlsx", lang="en", example_data=True)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite tests/golden/ from the current output (review the diff!).",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def chromium_screenshot(
    html: Path, png: Path, width: int = 1100, height: int = 2400
) -> subprocess.CompletedProcess[str]:
    """Load a page from disk in real headless Chromium, log its console, save a screenshot."""
    chromium = need_tool("chromium")
    profile = png.parent / ".chromium-profile"
    return subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--enable-logging=stderr",
            "--v=0",
            f"--window-size={width},{height}",
            f"--screenshot={png}",
            html.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )


def chromium_dom(html: Path, tmp: Path) -> str:
    """The page's text after real Chromium loaded it (--dump-dom)."""
    chromium = need_tool("chromium")
    proc = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp / '.chromium-dom'}",
            "--dump-dom",
            html.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout
