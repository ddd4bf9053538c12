"""Fixtures for the report tests: a headless Chromium driven by Selenium for the browser
tests. Shared helpers live in ``report_support`` beside this file."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# The tests here import their helpers (report_support) by name; pytest's importlib mode
# does not put test folders on sys.path, so this one is added.
sys.path.insert(0, str(Path(__file__).resolve().parent))

# ---------------------------------------------------------------------------- browser


def _chromium() -> tuple[str, str] | None:
    browser = next(
        (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p),
        None,
    )
    driver = shutil.which("chromedriver") or next(
        (p for p in ("/usr/lib/chromium/chromedriver",) if os.path.exists(p)), None
    )
    return (browser, driver) if browser and driver else None


def _unavailable(reason: str) -> None:
    """Skip when there is no browser, except in CI, where .ci/run installs one."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"browser tests must run in CI: {reason}")
    pytest.skip(reason)


FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1400,1000",
)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    found = _chromium()
    if found is None:
        _unavailable(
            "no chromium and chromedriver on PATH (apt-get install chromium chromium-driver)"
        )
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _unavailable("selenium is not installed (pip install selenium)")
    assert found is not None
    binary, driver_path = found
    profile = tempfile.mkdtemp(prefix="biaskit-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
