"""The app in a real browser: `streamlit run app.py` on localhost, driven by headless Chromium.

Needs Debian's chromium and chromium-driver (`make browser-deps`, which `make test` runs
where apt-get is available). Set REFERAT_SCREENSHOT=path.png to keep the screenshot.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from indexer.settings import Settings
from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"

pytestmark = pytest.mark.skipif(
    not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
    reason="Chromium and ChromeDriver are not installed: run `make browser-deps` (Debian: chromium chromium-driver)",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(real_index: Settings, tmp_path: Path) -> Iterator[str]:
    port = free_port()
    env = dict(os.environ, REFERAT_INDEX_DIR=str(real_index.index_dir), REFERAT_CORPUS_DIR=str(real_index.corpus_dir))
    log = open(tmp_path / "streamlit.log", "w")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail(f"streamlit did not start: {(tmp_path / 'streamlit.log').read_text()}")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def test_ask_in_a_real_browser(server: str, tmp_path: Path) -> None:
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1400,1900", "--lang=da",
    ):  # fmt: skip
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        driver.get(server)
        wait = WebDriverWait(driver, 90)
        box = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "textarea[data-testid='stChatInputTextArea']")))
        started = time.monotonic()
        box.send_keys("Hvad blev besluttet om Taleinstituttet?")
        box.send_keys(Keys.ENTER)
        citation = "punkt 6: Status på rammeaftale for Specialundervisning / Taleinstituttet"
        wait.until(lambda d: citation in d.find_element(By.TAG_NAME, "body").text)
        answered_s = time.monotonic() - started
        body = driver.find_element(By.TAG_NAME, "body").text
        assert "Besluttet: »" in body and "Kilde [1]" in body
        assert "Socialdirektørkredsen · 16. august 2012 · " + citation in body
        assert "Hele punktet" in body
        time.sleep(1.0)  # let Streamlit's chat finish scrolling
        # The answer is on screen where the page came to rest: not scrolled past by the cards.
        answer = driver.find_element(By.XPATH, "//*[@data-testid='stMarkdownContainer'][contains(., 'Besluttet:')]")
        top, bottom, height = driver.execute_script(
            "const r = arguments[0].getBoundingClientRect(); return [r.top, r.bottom, window.innerHeight];", answer
        )
        assert top >= 0 and bottom <= height, (top, bottom, height)
        # [1] links to the anchor on the answer's card.
        link = answer.find_element(By.CSS_SELECTOR, "a[href*='#kilde-']")
        assert link.text == "[1]"
        anchor = link.get_attribute("href").split("#", 1)[1]
        assert driver.find_elements(By.ID, anchor), anchor
        shot = Path(os.environ.get("REFERAT_SCREENSHOT", tmp_path / "answer.png"))
        driver.save_screenshot(str(shot))
        assert shot.stat().st_size > 10_000
        print(
            f"answer on screen {answered_s:.2f} s after asking, {top:.0f}-{bottom:.0f} px of {height}; screenshot {shot}"
        )
    finally:
        driver.quit()
