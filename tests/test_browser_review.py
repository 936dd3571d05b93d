"""The review workbench in Debian's Chromium (issue 14): a real server over a real embedded FalkorDB,
every request off 127.0.0.1 aborted and recorded (none may happen). Upload a test article, see its
highlights and facts, reject a participation, correct a title, answer an uncertain match, reload midway
and lose nothing, commit, and find the result in the read API and in decisions.csv; restart the server
and find the queue; bad input refused; a commit that would not validate refused beside its fact; a
missed person added from a selection; markup in an article shown as text."""

from __future__ import annotations

import csv
from urllib.parse import quote

import httpx
import pytest

from api.app import create_app
from graph.falkordb_store import FalkorDBStore
from loaders import load_data
from smekg.settings import Settings
from tests.browser_support import live_server, open_page, screenshot
from tests.review_support import ARTICLES, NEWS, OTHER_SEO, review_data

KEY = "browser-review-key"


@pytest.fixture(scope="module")
def env(tmp_path_factory, store_dir):
    root = tmp_path_factory.mktemp("review-browser")
    data = review_data(root)
    graph = FalkorDBStore(store_dir, "review_browser")
    load_data(graph, data)
    settings = Settings(
        data_dir=data, store_dir=store_dir, api_key=KEY, review_queue_dir=root / "queue"
    )
    yield settings, graph
    graph.drop_graph()
    graph.close()


@pytest.fixture(scope="module")
def server(env):
    settings, graph = env
    with live_server(create_app(settings, store=graph)) as url:
        yield url


def clean(watch) -> None:
    assert watch.blocked == [], f"requests off 127.0.0.1: {watch.blocked}"
    assert watch.load_errors() == [], watch.load_errors()
    assert watch.dialogs == []


def enter_key(page, path: str = "/review") -> None:
    page.goto(path)
    page.wait_for_selector("#rv-key:not([hidden])")
    page.fill("#rv-key-input", KEY)
    page.click("#rv-key button[type=submit]")
    page.wait_for_selector("#review[data-state='ready']")


def saved(page) -> None:
    page.wait_for_function("() => !document.getElementById('review').dataset.busy")


def fact_item(page, group: str, text: str):
    return page.locator(f".rv-group[data-group={group}] .rv-fact", has_text=text)


def open_article(page, name: str) -> None:
    page.wait_for_function(
        "name => smekgReview.state.item && smekgReview.state.item.file === name", arg=name
    )
    page.wait_for_selector("#rv-text mark.m")


def test_upload_review_commit_and_find_it_in_the_graph(browser, server, env):
    settings, _graph = env
    with open_page(browser, server) as (page, watch):
        enter_key(page)
        assert page.locator("#rv-list li").first.inner_text().startswith("Nothing waiting")
        page.set_input_files("#rv-files", [str(NEWS)])
        open_article(page, NEWS.name)
        # highlights by kind, with a legend, and the facts grouped by kind
        for kind in ("person", "organisation", "title", "event", "date", "place", "amount"):
            assert page.locator(f"#rv-text mark.m-{kind}").count() >= 1, kind
            assert page.locator(f"#rv-legend [data-kind={kind}]").count() == 1
        assert page.locator("#rv-text mark.m-person").count() >= 8
        for group in ("participation", "holding", "event", "article"):
            assert page.locator(f".rv-group[data-group={group}] .rv-fact").count() >= 1
        assert page.locator(".rv-fact").count() >= 15
        # a highlight shows its facts; a fact lights its evidence
        page.locator("#rv-text mark.m-person", has_text="백승훈").first.click()
        assert page.locator("#rv-filter").is_visible()
        assert page.locator(".rv-fact.hit").count() >= 2
        assert page.locator(".rv-fact.hit", has_text="백승훈").count() >= 2
        page.click("#rv-filter button")
        fact_item(page, "participation", "서민재").hover()
        lit = page.locator("#rv-text .lit")
        assert lit.count() >= 1 and "서민재" in "".join(lit.all_inner_texts())

        # reject one participation, correct one title
        fact_item(page, "participation", "남궁현").locator("button.rej").click()
        saved(page)
        baek = fact_item(page, "holding", "백승훈")
        baek.locator(".rv-edit").click()
        baek.locator(".rv-edit-title").fill("대표이사")
        baek.locator("button[type=submit]").click()
        saved(page)
        assert "대표이사" in fact_item(page, "holding", "백승훈").inner_text()

        # reload midway: nothing decided is lost (the key stays for the tab)
        page.reload()
        page.wait_for_selector("#review[data-state='ready']")
        open_article(page, NEWS.name)
        assert (
            fact_item(page, "participation", "남궁현").get_attribute("data-decision") == "rejected"
        )
        assert (
            "corrected title: 대표 → 대표이사" in fact_item(page, "holding", "백승훈").inner_text()
        )
        assert page.locator("#rv-undo").inner_text().startswith("Undo")

        # answer the uncertain match
        page.click(".rv-tabs [data-tab=entities]")
        uncertain = page.locator(
            ".rv-entities[data-status=uncertain] .rv-entity", has_text="서민재"
        )
        assert "0.70" in uncertain.inner_text()
        uncertain.locator("button.rv-same").click()
        saved(page)
        linked = page.locator(".rv-entity[data-status=linked]", has_text="서민재")
        assert "decided" in linked.inner_text()
        assert linked.locator("a").first.get_attribute("href").startswith("/entity/")
        page.click(".rv-tabs [data-tab=facts]")
        page.fill("#rv-threshold", "0.85")
        label = page.locator("#rv-accept-above").inner_text()
        assert label.startswith("Accept all ≥ 0.85 (")
        high = int(label.rsplit("(", 1)[1].rstrip(")"))
        assert high >= 3
        page.click("#rv-accept-above")
        saved(page)
        assert page.locator(".rv-fact[data-decision=accepted]").count() == high
        for item in page.locator(".rv-fact[data-decision=accepted] .conf").all_inner_texts():
            assert float(item) >= 0.85
        fact_item(page, "participation", "서민재").hover()
        screenshot(page, "review", docs=True)

        # accept the rest and commit
        page.fill("#rv-threshold", "0")
        page.click("#rv-accept-above")
        saved(page)
        assert page.locator(".rv-fact:not([data-decision])").count() == 0
        page.click("#rv-commit")
        page.wait_for_selector(".rv-result.done[data-fresh='1']")
        assert page.locator("#rv-link-graph").get_attribute("href").startswith("/graph?center=")
        assert page.locator("#rv-link-source").get_attribute("href").startswith("/source/")
        assert page.locator(".rv-fact .badge.in-graph").count() >= 10
        item_id = page.evaluate("smekgReview.state.id")
        assert page.locator("#rv-done .rv-item").count() == 1
        clean(watch)

    # the graph: the accepted co-attendance, not the rejected one; the corrected title; the answer
    with httpx.Client(base_url=server, timeout=30) as api:
        baek = "https://smekg.org/id/person-baek-seung-hun"
        met = api.get("/api/who-met-whom", params={"person": baek}).json()
        names = {m["person"]["name_ko"] for m in met["met"]}
        assert {"고은채", "서민재"} <= names and "남궁현" not in names
        assert OTHER_SEO in {m["person"]["iri"] for m in met["met"]}
        detail = api.get(f"/api/entities/{quote(baek, safe='')}").json()
        assert [p["post"]["name_ko"] for p in detail["positions"]] == ["에이비씨랩 대표이사"]
        assert api.get(f"/api/sources/{item_id}/text").status_code == 200
    rows = list(
        csv.DictReader(
            line
            for line in (settings.data_dir / "review" / "decisions.csv").open(encoding="utf-8")
            if not line.startswith("#")
        )
    )
    assert {
        "kind": "person",
        "mention": "서민재",
        "candidate": OTHER_SEO,
        "decision": "same",
    }.items() <= rows[-1].items()


def test_the_queue_survives_a_restart_and_a_committed_article_reopens(browser, server, env):
    settings, graph = env
    with open_page(browser, server) as (page, watch):
        enter_key(page)
        page.set_input_files("#rv-files", [str(ARTICLES / "visit_and_meetings.txt")])
        open_article(page, "visit_and_meetings.txt")
        # the keys: j to the first fact, a accepts, r rejects, u takes it back
        page.evaluate("document.activeElement.blur()")
        page.keyboard.press("j")
        first = page.locator(".rv-fact.focused")
        assert first.count() == 1 and first.get_attribute("id") == page.locator(
            ".rv-fact"
        ).first.get_attribute("id")
        page.keyboard.press("a")
        saved(page)
        assert page.locator(".rv-fact").first.get_attribute("data-decision") == "accepted"
        page.keyboard.press("r")
        saved(page)
        assert page.locator(".rv-fact").first.get_attribute("data-decision") == "rejected"
        page.keyboard.press("u")
        saved(page)
        assert page.locator(".rv-fact").first.get_attribute("data-decision") == "accepted"
        clean(watch)
    with (
        live_server(create_app(settings, store=graph)) as again,
        open_page(browser, again) as (page, watch),
    ):
        enter_key(page)
        open_items = page.locator("#rv-list .rv-item")
        assert open_items.count() == 1 and "충북 배터리" in open_items.inner_text()
        assert "✓1" in open_items.inner_text()
        done = page.locator("#rv-done .rv-item")
        assert done.count() == 1
        done.locator("a").click()
        open_article(page, NEWS.name)
        assert "Committed" in page.locator("#rv-kicker").inner_text()
        assert page.locator(".rv-result.done").is_visible()
        # reopened: correct it and commit again (the graph's copy is replaced)
        fact_item(page, "participation", "고은채").locator("button.rej").click()
        saved(page)
        assert "changed" in page.locator("#rv-kicker").inner_text()
        assert page.locator("#rv-commit").inner_text().startswith("Commit again")
        page.click("#rv-commit")
        page.wait_for_selector(".rv-result.done[data-fresh='1']")
        assert "replaced" in page.locator(".rv-result.done").inner_text()
        clean(watch)
    with httpx.Client(base_url=server, timeout=30) as api:
        met = api.get(
            "/api/who-met-whom", params={"person": "https://smekg.org/id/person-baek-seung-hun"}
        ).json()
        assert "고은채" not in {m["person"]["name_ko"] for m in met["met"]}


def test_bad_input_gets_a_clear_message_and_nothing_is_queued(browser, server, tmp_path):
    files = {
        "empty.txt": b"",
        "binary.txt": b"\x00\x01\x02\x03PK" * 300,
        "english.txt": b"The minister visited a battery plant on Monday. " * 40,
        "huge.html": b"<p>" + "가".encode() * (3_600_000) + b"</p>",
    }
    paths = []
    for name, body in files.items():
        path = tmp_path / name
        path.write_bytes(body)
        paths.append(str(path))
    with open_page(browser, server, expected_http_errors={400}) as (page, watch):
        enter_key(page)
        before = page.locator("#rv-list .rv-item, #rv-done .rv-item").count()
        page.set_input_files("#rv-files", paths)
        page.wait_for_function("() => document.querySelectorAll('#rv-in-messages li').length >= 4")
        saved(page)
        messages = page.locator("#rv-in-messages li.error").all_inner_texts()
        text = "\n".join(messages)
        assert len(messages) == 4, messages
        assert "empty.txt is empty" in text
        assert "binary.txt: this is a binary file" in text
        assert "english.txt: this is not a Korean article" in text
        assert "huge.html is 10.3 MB; an article file may be at most 4.0 MB" in text
        assert page.locator("#rv-list .rv-item, #rv-done .rv-item").count() == before
        assert watch.blocked == [] and watch.dialogs == [] and watch.page_errors == []


def test_a_refused_commit_shows_the_reason_beside_the_fact(browser, server, env):
    settings, _graph = env
    with open_page(browser, server, expected_http_errors={422}) as (page, watch):
        enter_key(page)
        page.set_input_files("#rv-files", [str(ARTICLES / "press_release_mou.txt")])
        open_article(page, "press_release_mou.txt")
        part = page.locator(".rv-group[data-group=participation] .rv-fact").first
        part.locator(".rv-edit").click()
        part.locator("input[list]").fill("moderator")
        part.locator("button[type=submit]").click()
        saved(page)
        page.fill("#rv-threshold", "0")
        page.click("#rv-accept-above")
        saved(page)
        version = httpx.get(server + "/healthz").json()["version"]
        page.click("#rv-commit")
        page.wait_for_selector(".rv-result.refused[data-fresh='1']")
        problem = page.locator(".rv-group[data-group=participation] .rv-fact .fact-problem").first
        assert "participation role" in problem.inner_text()
        assert "unchanged" in page.locator(".rv-result.refused").inner_text()
        assert httpx.get(server + "/healthz").json()["version"] == version
        assert not list((settings.data_dir / "articles").glob("press_release_mou*"))
        clean(watch)


def test_a_missed_person_is_added_from_a_selection_and_markup_stays_text(browser, server, env):
    article = (
        "<script>alert('headline')</script> 가온산업진흥원, 혁신 포럼 개최\n"
        "입력 2024.05.06 10:00\n"
        "가온산업진흥원은 5일 서울 코엑스에서 '2024 가온 혁신 포럼'을 열었다.\n"
        "이날 포럼에는 문태오 가온산업진흥원장이 참석해 축사를 했다. <img src=x onerror=alert('body')>\n"
        "행사에는 중소기업 대표 최하은 씨도 참석해 사례를 발표했다.\n"
    )
    with open_page(browser, server) as (page, watch):
        enter_key(page)
        page.click("#rv-paste-box summary")
        page.fill("#rv-paste", article)
        page.fill("#rv-paste-name", "markup-forum")
        page.click("#rv-paste-go")
        open_article(page, "markup-forum.txt")
        text = page.locator("#rv-text").inner_text()
        assert (
            "<script>alert('headline')</script>" in text
            and "<img src=x onerror=alert('body')>" in text
        )
        assert (
            page.locator("#rv-text script, #rv-text img, .rv-side img, .rv-side script").count()
            == 0
        )
        assert "<script>" in page.locator("#rv-title").inner_text()
        assert "<script>" in page.locator("#rv-list").inner_text()
        assert page.locator(".rv-fact", has_text="최하은").count() == 0  # the rules missed her
        # select the passage and add her
        page.evaluate(
            """q => {
              const s = smekgReview.state, start = s.item.text.indexOf(q), end = start + q.length;
              const a = s.pieces.find(p => p.start <= start && start < p.end);
              const b = s.pieces.find(p => p.start < end && end <= p.end);
              const r = document.createRange();
              r.setStart(a.node.firstChild, start - a.start); r.setEnd(b.node.firstChild, end - b.start);
              getSelection().removeAllRanges(); getSelection().addRange(r);
              document.dispatchEvent(new MouseEvent('mouseup'));
            }""",
            "중소기업 대표 최하은 씨도 참석해 사례를 발표했다.",
        )
        page.wait_for_selector("#rv-selbar:not([hidden])")
        page.click("#rv-add-person")
        assert (
            page.locator("#rv-add-quote").inner_text()
            == "중소기업 대표 최하은 씨도 참석해 사례를 발표했다."
        )
        page.fill("#rv-add-name", "최하은")
        page.fill("#rv-add-role", "presenter")
        page.click("#rv-add-form button[type=submit]")
        saved(page)
        added = page.locator(".rv-fact", has_text="최하은")
        assert added.count() == 1 and "added by you" in added.inner_text()
        assert "presenter" in added.inner_text()
        # a role with markup is text too
        added.locator("button.acc").click()  # reset to undecided
        saved(page)
        page.click("#rv-undo")
        saved(page)
        assert (
            page.locator(".rv-fact", has_text="최하은").get_attribute("data-decision") == "accepted"
        )
        assert watch.dialogs == []
        clean(watch)


def test_without_a_configured_key_the_page_says_how_to_set_one(browser, env):
    settings, graph = env
    no_key = Settings(data_dir=settings.data_dir, review_queue_dir=settings.review_queue_dir)
    with (
        live_server(create_app(no_key, store=graph)) as url,
        open_page(browser, url) as (page, watch),
    ):
        page.goto("/review")
        page.wait_for_selector("#rv-nokey:not([hidden])")
        assert "SMEKG_API_KEY=" in page.locator("#rv-nokey .rv-cmd").inner_text()
        assert page.locator("#rv-key").is_hidden() and page.locator("#rv-app").is_hidden()
        clean(watch)
