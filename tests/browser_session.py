"""The reader in a browser: `newsreader serve` in a subprocess, read in headless Chromium.

Used by the end-to-end test and by scripts/screenshots.py (the same code path). Chromium
and its driver come from the system (Debian's `chromium` and `chromium-driver`), driven
with selenium; nothing is downloaded.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
DRIVERS = ("chromedriver",)

# Run in the page before its own scripts: the page's xterm.js terminal is kept where a
# test can read it. textual-serve's client stores its terminal as `this.terminal`, so a
# setter on Object.prototype sees it assigned (and then gives the object its own property).
CAPTURE_TERMINAL = """
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  get() { return undefined; },
  set(value) {
    Object.defineProperty(this, "terminal", {
      value, writable: true, configurable: true, enumerable: true,
    });
    if (value && value.buffer && value.buffer.active) { window.__readerTerminal = value; }
  },
});
"""

# The rows of the terminal's screen, as xterm.js holds them (null before it exists).
READ_TERMINAL = """
const term = window.__readerTerminal;
if (!term) { return null; }
const buffer = term.buffer.active;
const rows = [];
for (let n = 0; n < term.rows; n++) {
  const line = buffer.getLine(buffer.viewportY + n);
  rows.push(line ? line.translateToString(true) : "");
}
return rows.join("\\n");
"""


class BrowserMissing(RuntimeError):
    """No Chromium, no chromedriver or no selenium on this machine."""


def find_browser() -> tuple[str, str]:
    """The paths of Chromium and chromedriver; BrowserMissing says what is not there."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        raise BrowserMissing("selenium is not installed (pip install -e '.[test]')") from None
    browser = next((p for p in map(shutil.which, BROWSERS) if p), None)
    driver = next((p for p in map(shutil.which, DRIVERS) if p), None)
    if browser is None or driver is None:
        missing = " and ".join(
            name
            for name, found in (("chromium", browser), ("chromedriver", driver))
            if found is None
        )
        raise BrowserMissing(
            f"no {missing} on PATH (Debian: apt-get install chromium chromium-driver)"
        )
    return browser, driver


class Served:
    """A running `newsreader serve`: its process, the page address and what it printed."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.url = ""
        self.stdout: list[str] = []
        self.stderr: list[str] = []
        self._ready = threading.Event()
        self._readers = [
            threading.Thread(target=self._read, args=(process.stdout, self.stdout), daemon=True),
            threading.Thread(target=self._read, args=(process.stderr, self.stderr), daemon=True),
        ]
        for reader in self._readers:
            reader.start()

    def _read(self, stream: Any, lines: list[str]) -> None:
        for line in stream:
            lines.append(line)
            found = re.search(r"serving the reader at (http://\S+)", line)
            if found:
                self.url = found.group(1)
                self._ready.set()
        self._ready.set()

    def wait_ready(self, timeout: float) -> str:
        """The page address once the server says it listens (AssertionError otherwise)."""
        if not self._ready.wait(timeout) or not self.url:
            raise AssertionError(f"newsreader serve did not start: {self.output()}")
        return self.url

    def stop(self, timeout: float = 30) -> int:
        """Stop the server as ctrl+c does and return its exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            status = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            status = self.process.wait()
        for reader in self._readers:
            reader.join(5)
        return status

    def output(self) -> str:
        """Everything it printed so far."""
        return "".join(self.stdout) + "".join(self.stderr)


@contextmanager
def served(*args: str, env: dict[str, str] | None = None) -> Iterator[Served]:
    """Run `python -m newsreader serve --port 0 ARGS` until the block ends (then ctrl+c)."""
    command = [sys.executable, "-m", "newsreader", "serve", "--port", "0", *args]
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )
    server = Served(process)
    try:
        server.wait_ready(60)
        yield server
    finally:
        server.stop()


class Page:
    """The served page in headless Chromium, with the text of its terminal."""

    def __init__(self, driver: Any) -> None:
        self.driver = driver

    def text(self) -> str:
        """The terminal's screen as plain text ("" before the terminal exists)."""
        return self.driver.execute_script(READ_TERMINAL) or ""

    def wait_for(
        self, test: str | Callable[[str], bool], timeout: float = 60, what: str = ""
    ) -> str:
        """Poll the terminal until it shows the text (or the test holds); returns the screen."""
        check = (lambda screen: test in screen) if isinstance(test, str) else test
        deadline = time.monotonic() + timeout
        while True:
            screen = self.text()
            if check(screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{what or test!r} never appeared on the page:\n{screen}")
            time.sleep(0.1)

    def press(self, *keys: str) -> None:
        """Type keys into the terminal, as a user at the page would."""
        from selenium.webdriver.common.by import By

        field = self.driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
        for key in keys:
            field.send_keys(key)

    def screenshot(self, path: Path) -> Path:
        """Save what the browser shows as a PNG."""
        path.parent.mkdir(parents=True, exist_ok=True)
        if not self.driver.save_screenshot(str(path)):
            raise AssertionError(f"the browser could not save a screenshot to {path}")
        return path


@contextmanager
def browser_page(url: str, size: tuple[int, int] = (1600, 900)) -> Iterator[Page]:
    """Open url in headless Chromium (the system's; BrowserMissing when there is none)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    binary, driver_path = find_browser()
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in (
        "--headless=new",
        "--no-sandbox",  # as root, Chromium refuses to start with its sandbox
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--hide-scrollbars",
        f"--window-size={size[0]},{size[1]}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    try:
        driver.execute_cdp_cmd(
            "Page.addScriptToEvaluateOnNewDocument", {"source": CAPTURE_TERMINAL}
        )
        driver.get(url)
        yield Page(driver)
    finally:
        driver.quit()
