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


def libreoffice_convert(src: Path, outdir: Path, fmt: str = "xlsx") -> Path:
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
    """Run the real `retrokit` command in a subprocess."""
    full_env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", **(env or {})}
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
    from retrokit.scaffold import init

    return init(tmp_path / "summer.xlsx", lang="zh-CN", example_data=True)


@pytest.fixture
def example_en(tmp_path: Path) -> Path:
    from retrokit.scaffold import init

    return init(tmp_path / "summer.en.xlsx", lang="en", example_data=True)
