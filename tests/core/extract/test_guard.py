"""The extraction guard: DOM depth and size bounds, and the wall-clock budget."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import lxml.html
import pytest

from reader.core import errors
from reader.core.extract.guard import (
    MAX_DEPTH,
    MAX_NODES,
    MAX_TAG_MARKS,
    Deadline,
    best_within,
    bound_markup,
    bound_tree,
    time_limit,
    walk_with_depth,
)


def nested(depth: int, inner: str = "deep words") -> lxml.html.HtmlElement:
    """A tree built by hand (libxml2's parser would stop at 256 levels) ``depth`` divs deep."""
    root = lxml.html.Element("html")
    node = lxml.etree.SubElement(root, "body")
    for _ in range(depth):
        node = lxml.etree.SubElement(node, "div")
    node.text = inner
    lxml.etree.SubElement(root.find("body"), "p").text = "after the nest"
    return root


def max_depth(root: lxml.html.HtmlElement) -> int:
    return max(depth for _, depth in walk_with_depth(root))


def test_deep_tree_is_flattened_without_losing_text() -> None:
    root = nested(5000)
    report = bound_tree(root)
    assert report.flattened == 1 and report.dropped == 0 and report.changed
    assert max_depth(root) <= MAX_DEPTH
    text = root.text_content()
    assert "deep words" in text and "after the nest" in text


def test_deep_tree_survives_a_recursive_walker() -> None:
    root = nested(20_000)
    bound_tree(root)

    def depth_of(element: lxml.html.HtmlElement) -> int:  # what a naive extractor would do
        return 1 + max((depth_of(child) for child in element), default=0)

    assert depth_of(root) <= MAX_DEPTH + 1 < sys.getrecursionlimit()


def test_huge_tree_is_cut_after_the_node_budget_keeping_the_start() -> None:
    html = "<html><body>" + "".join(f"<p>para {i}</p>" for i in range(3000)) + "</body></html>"
    root = lxml.html.document_fromstring(html)
    report = bound_tree(root, max_nodes=1000)
    assert report.dropped == 3002 - 1000 and report.changed  # html, body, 3000 paragraphs
    assert sum(1 for _ in root.iter()) == 1000
    text = root.text_content()
    assert "para 0" in text and "para 997" in text and "para 998" not in text


def test_real_sized_pages_are_untouched() -> None:
    html = "<html><body>" + "<div><p>a <b>b</b> c</p></div>" * 500 + "</body></html>"
    root = lxml.html.document_fromstring(html)
    before = lxml.html.tostring(root)
    assert not bound_tree(root).changed
    assert lxml.html.tostring(root) == before


def test_generated_200k_elements_are_bounded_quickly() -> None:
    html = "<html><body>" + "<div><i>x</i></div>" * 100_000 + "</body></html>"
    root = lxml.html.document_fromstring(html)
    started = time.monotonic()
    bound_tree(root)
    assert time.monotonic() - started < 5
    assert sum(1 for _ in root.iter()) == MAX_NODES


def test_deadline_expires_and_times_out_with_a_sentence() -> None:
    now = [100.0]
    deadline = Deadline(2.0, clock=lambda: now[0])
    assert not deadline.expired() and deadline.remaining() == 2.0
    deadline.check("page.html")
    now[0] = 102.5
    assert deadline.expired() and deadline.remaining() == 0.0
    with pytest.raises(errors.Timeout) as info:
        deadline.check("page.html")
    assert info.value.kind == "timeout" and "page.html" in info.value.message


def test_best_within_keeps_the_best_result_so_far() -> None:
    now = [0.0]
    deadline = Deadline(5.0, clock=lambda: now[0])

    def slow_improvement(result: list[str]) -> list[str]:
        now[0] += 10  # this step overruns the budget
        return [*result, "better"]

    steps = best_within(deadline, lambda: ["cheap"], slow_improvement,
                        lambda r: pytest.fail("a step started after the deadline"))
    assert steps == ["cheap", "better"]


def test_time_limit_stops_a_runaway_python_loop() -> None:
    started = time.monotonic()
    with pytest.raises(errors.Timeout) as info, time_limit("loop.html", seconds=0.3):
        while True:
            pass
    assert 0.25 < time.monotonic() - started < 3
    assert "loop.html" in info.value.message
    time.sleep(0.4)  # the timer is gone: nothing fires after the block
    with time_limit("quick.html", seconds=0.3):
        pass


def test_time_limit_is_a_no_op_off_the_main_thread() -> None:
    outcome: list[str] = []

    def work() -> None:
        with time_limit("thread.html", seconds=0.05):
            time.sleep(0.2)
        outcome.append("finished")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert outcome == ["finished"]


def test_a_hanging_extraction_becomes_a_timeout_record(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.cli import emit_records
    from reader.core import reading as pipeline
    from reader.core.extract import guard

    page = tmp_path / "slow.html"
    page.write_text("<p>A page whose extraction never ends.</p>")
    monkeypatch.setattr(guard, "HARD_LIMIT_SECONDS", 0.2)
    monkeypatch.setattr("reader.core.extract.extract", lambda source: time.sleep(60))
    with pytest.raises(errors.Timeout):
        pipeline.open_article(page)
    lines: list[str] = []
    monkeypatch.setattr("sys.stdout.write", lambda text: lines.append(text))
    status = emit_records([page], lambda p: pipeline.extract_record(p, analysis=False))
    assert status == 1 and '"kind": "timeout"' in lines[0]


def test_bound_markup_keeps_real_pages_whole() -> None:
    html = "<html><body>" + "<p>A <b>real</b> paragraph.</p>" * 1000 + "</body></html>"
    text, cut = bound_markup(html)
    assert text is html and not cut


@pytest.mark.parametrize("marks", [1, 7, 65_535, 65_536, 100_000])
def test_bound_markup_cuts_before_the_mark_past_the_budget(marks: int) -> None:
    html = "ab<i>" * 150_000
    text, cut = bound_markup(html, max_marks=marks)
    assert cut and text.count("<") == marks
    assert html.startswith(text) and html[len(text)] == "<"


def test_bounded_markup_parses_in_bounded_memory() -> None:
    html = "<html><body><p>" + "<b>x</b> " * 1_300_000 + "</p></body></html>"
    text, cut = bound_markup(html)
    assert cut and len(text) < len(html) / 4
    root = lxml.html.document_fromstring(text)
    assert sum(1 for _ in root.iter()) <= MAX_TAG_MARKS


def test_time_limits_nest_and_the_outer_one_resumes() -> None:
    with pytest.raises(errors.Timeout) as outer, time_limit("outer.html", seconds=0.6):
        with pytest.raises(errors.Timeout) as inner, time_limit("inner.html", seconds=0.1):
            time.sleep(5)
        assert "inner.html" in inner.value.message
        time.sleep(5)  # the outer limit is still armed and ends this
    assert "outer.html" in outer.value.message


def test_an_inner_limit_longer_than_the_outer_leaves_the_outer_in_charge() -> None:
    started = time.monotonic()
    with (pytest.raises(errors.Timeout) as info, time_limit("outer.html", seconds=0.2),
          time_limit("inner.html", seconds=5)):
        time.sleep(5)
    assert "outer.html" in info.value.message and time.monotonic() - started < 2


def test_a_library_catching_everything_cannot_swallow_the_timeout() -> None:
    swallowed = []
    with pytest.raises(errors.Timeout), time_limit("broad.html", seconds=0.1):
        try:  # what readability's summary() does around its whole pass
            time.sleep(5)
        except Exception as exc:
            swallowed.append(exc)
    assert swallowed == []
