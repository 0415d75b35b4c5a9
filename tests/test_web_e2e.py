"""End-to-end tests of the web UI in headless Chromium (Debian's chromium and
chromium-driver, driven by Selenium), on a real server over loopback.

They ingest the bundled demo corpus (or, without it, tests/data/web), open the
pages, check the right-to-left layout, use the filters and the highlight
toggles, and take screenshots: into a temporary folder, or into the folder named by
``MARSAD_SCREENSHOTS`` (``MARSAD_SCREENSHOTS=docs/img pytest tests/test_web_e2e.py``
refreshes those of docs/web.md; a plain test run leaves the tree as it was).
"""

from __future__ import annotations

import os
import socket
import tempfile
from functools import cache
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
REPO = Path(__file__).resolve().parents[1]
WEB_DATA = Path(__file__).parent / "data" / "web"


@cache
def _screenshots() -> Path:
    """Made on the first screenshot, not when the module is collected (a skipped or
    deselected run would leave an empty folder behind)."""
    return Path(os.environ.get("MARSAD_SCREENSHOTS") or tempfile.mkdtemp(prefix="marsad-screenshots-"))


if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
    pytest.skip(f"headless Chromium is not installed ({CHROMIUM} and {CHROMEDRIVER} are needed: "
                "`apt-get install chromium chromium-driver`, or `make browser` as root)",
                allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A uvicorn server on a free loopback port over a database of the demo corpus."""
    uvicorn = pytest.importorskip("uvicorn")
    from marsad.serve.app import create_app
    from marsad.store import Store
    from marsad.workflow import ingest

    try:
        from marsad.demo import corpus_path
        corpus = corpus_path()
    except ImportError:
        corpus = None
    source = corpus if corpus and any(corpus.iterdir()) else WEB_DATA
    db = tmp_path_factory.mktemp("e2e") / "e2e.db"
    with Store(db) as store:
        ingest(store, [str(source)])
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web server did not start within 20 s")
        time.sleep(0.05)
    yield {"url": f"http://127.0.0.1:{port}", "db": db}
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,1000", "--lang=ar",
                f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _biggest_story(db) -> dict:
    from marsad.store import Store

    with Store(db) as store:
        return max(store.story_records(), key=lambda s: (len(s["article_ids"]), len(s["discrepancies"])))


def _screenshot(driver, name: str) -> None:
    _screenshots().mkdir(parents=True, exist_ok=True)
    # Full page height, so the screenshot shows the whole page, within reason.
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1400, min(max(height, 800), 2600))
    driver.save_screenshot(str(_screenshots() / f"{name}.png"))
    driver.set_window_size(1400, 1000)


def _style(driver, element, prop: str) -> str:
    return driver.execute_script("return getComputedStyle(arguments[0])[arguments[1]]", element, prop)


def test_story_page_is_right_to_left_with_an_english_summary(server, browser):
    story = _biggest_story(server["db"])
    browser.get(f"{server['url']}/stories/{story['id']}")
    html = browser.find_element(By.TAG_NAME, "html")
    assert _style(browser, html, "direction") == "rtl"
    sources = browser.find_elements(By.CSS_SELECTOR, "#sources .source")
    assert len(sources) == len(story["article_ids"])
    for src in sources:
        text = src.find_element(By.CSS_SELECTOR, ".text")
        assert _style(browser, text, "direction") == "rtl"
        assert _style(browser, text, "textAlign") in ("right", "start")
    # Side by side: the second source sits to the left of the first (right to left).
    if len(sources) > 1:
        assert sources[1].rect["x"] < sources[0].rect["x"]
    summary = browser.find_element(By.ID, "summary-en")
    assert _style(browser, summary, "direction") == "ltr"
    assert _style(browser, summary, "textAlign") in ("left", "start")
    assert browser.find_elements(By.CSS_SELECTOR, "#agreement tbody tr")
    # The served Arabic font is what the page uses, when the system has one.
    font_ok = browser.execute_script(
        "return document.fonts.ready.then(() => document.fonts.check('16px \"Marsad Arabic\"', 'مرصد'))")
    status = browser.execute_script("return fetch('/fonts/arabic.ttf').then(r => r.status)")
    assert font_ok if status == 200 else status == 404
    _screenshot(browser, "story")


def test_highlight_toggles_hide_and_show_marks(server, browser):
    story = _biggest_story(server["db"])
    browser.get(f"{server['url']}/stories/{story['id']}")
    marks = browser.find_elements(By.CSS_SELECTOR, "#sources mark.ent-PERSON")
    if not marks:
        pytest.skip("the pipeline found no person in this story")
    before = _style(browser, marks[0], "backgroundColor")
    box = browser.find_element(By.CSS_SELECTOR, "#toggles input[data-hl='ent-PERSON']")
    box.click()
    assert _style(browser, marks[0], "backgroundColor") in ("rgba(0, 0, 0, 0)", "transparent")
    box.click()
    assert _style(browser, marks[0], "backgroundColor") == before


def test_story_list_filters(server, browser):
    browser.get(server["url"] + "/")
    assert _style(browser, browser.find_element(By.TAG_NAME, "body"), "direction") == "rtl"
    all_cards = browser.find_elements(By.CSS_SELECTOR, ".story-card")
    assert all_cards and len(all_cards) == len(browser.find_elements(By.CSS_SELECTOR, "svg.spark"))
    _screenshot(browser, "stories")
    # A select submits the form on change (marsad.js).
    options = [o.get_attribute("value") for o in
               browser.find_elements(By.CSS_SELECTOR, "select[name=type] option")]
    assert "CONSULT" in options
    Select(browser.find_element(By.NAME, "type")).select_by_value("CONSULT")
    WebDriverWait(browser, 10).until(EC.url_contains("type=CONSULT"))
    consult = browser.find_elements(By.CSS_SELECTOR, ".story-card")
    assert len(consult) <= len(all_cards)
    assert "date_from" not in browser.current_url  # empty fields stay out of the URL
    # The text filter.
    field = browser.find_element(By.CSS_SELECTOR, "#filters input[name=q]")
    field.clear()
    field.send_keys("zzzqqq")
    browser.find_element(By.CSS_SELECTOR, "#filters button[type=submit]").click()
    WebDriverWait(browser, 10).until(EC.url_contains("q=zzzqqq"))
    assert browser.find_elements(By.ID, "no-stories")
    browser.find_element(By.CSS_SELECTOR, "a.reset").click()
    WebDriverWait(browser, 10).until(lambda d: "q=" not in d.current_url)
    assert len(browser.find_elements(By.CSS_SELECTOR, ".story-card")) == len(all_cards)


def test_actor_page_and_charts(server, browser):
    browser.get(server["url"] + "/actors")
    first = browser.find_element(By.CSS_SELECTOR, "table.actors tbody a")
    first.click()
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "actor-name")))
    assert browser.find_elements(By.CSS_SELECTOR, "svg.network, .empty")
    _screenshot(browser, "actor")
    browser.get(server["url"] + "/charts")
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.chart")) >= 1
    _screenshot(browser, "charts")


def test_search_page_finds_arabic_articles_by_an_english_name(server, browser):
    browser.get(server["url"] + "/")
    box = browser.find_element(By.CSS_SELECTOR, "form.search input[name=q]")
    box.send_keys("Putin" if (REPO / "src/marsad/demo/articles").exists() else "Kallas")
    box.submit()
    WebDriverWait(browser, 10).until(EC.url_contains("/search"))
    assert browser.find_elements(By.CSS_SELECTOR, "li.hit")
    # An Arabic query: the matched words are marked in the snippets.
    browser.get(server["url"] + "/search?q=" + ("بوتين" if "Putin" in browser.current_url else "كالاس"))
    assert browser.find_elements(By.CSS_SELECTOR, "li.hit .snippet mark")
    _screenshot(browser, "search")


def test_screenshots_are_png(server):
    # Runs last in this module: the screenshots that docs/web.md shows exist and are PNGs.
    for name in ("story", "stories", "actor", "charts", "search"):
        data = (_screenshots() / f"{name}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", name

