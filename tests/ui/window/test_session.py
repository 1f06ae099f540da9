"""The open documents' state, without a window or Qt: tabs are plain strings here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reader.core.model import Article, Block
from reader.core.storage.settings import WindowState
from reader.ui.window.session import MAX_CLOSED_TABS, OpenArticle, Session


def article(path: str, text: str = "The quay reopened on Monday.", title: str | None = None) -> Article:
    return Article(path=Path(path), format="text", title=title, blocks=(Block("story", text),), language="en")


def item(tab: str, path: str, order: int = 0, **fields: object) -> OpenArticle[str]:
    made = article(path)
    return OpenArticle(path=path, tab=tab, original=made, article=made, resources={}, resources_dir=None,
                       encoding="utf-8", order=order, **fields)  # type: ignore[arg-type]


def test_the_session_module_needs_no_qt() -> None:
    code = "import sys, reader.ui.window.session; print(sorted(m for m in sys.modules if 'PySide6' in m))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_open_articles_by_tab_and_by_path() -> None:
    session: Session[str] = Session(WindowState())
    first = item("tab-1", "/news/a.txt")
    assert session.show(first) is None
    assert session.item_for("tab-1") is first and session.is_open("tab-1")
    assert session.tab_for_path("/news/a.txt") == "tab-1" and session.tab_for_path("/news/b.txt") is None
    assert session.item_for("no such tab") is None and session.articles() == [first]
    assert first.title == "a.txt"  # no title: the file's name
    assert item("tab-2", "/news/b.txt").title == "b.txt"


def test_tabs_take_the_place_of_the_order_they_were_asked_for() -> None:
    session: Session[str] = Session(WindowState())
    orders = [session.next_order() for _ in range(3)]
    assert orders == sorted(orders) and len(set(orders)) == 3
    session.show(item("third", "/c.txt", orders[2]))
    assert session.position_for(orders[0]) == 0  # the first asked for goes before the third
    session.show(item("first", "/a.txt", orders[0]))
    assert session.position_for(orders[1]) == 1  # between the first and the third


def test_loading_is_tracked_per_file_and_can_be_stopped() -> None:
    session: Session[str] = Session(WindowState())
    assert not session.is_loading()
    session.start_loading("/a.txt", 7)
    session.start_loading("/b.txt", 8)
    assert session.is_loading() and session.is_loading("/a.txt") and not session.is_loading("/c.txt")
    session.finish_loading("/a.txt")
    assert session.loading_paths() == ["/b.txt"]
    assert session.stop_loading() == [8] and not session.is_loading()


def test_an_analysis_answer_finds_its_article_only_while_its_tab_is_open() -> None:
    session: Session[str] = Session(WindowState())
    kept, closed = item("kept", "/a.txt"), item("closed", "/b.txt")
    for each in (kept, closed):
        session.show(each)
    session.await_analysis(kept, 1)
    session.await_analysis(closed, 2)
    assert sorted(session.waiting_requests()) == [1, 2]
    session.close("closed")
    assert session.answered(2) is None  # the tab was closed meanwhile: the answer is dropped
    assert session.answered(1) is kept and kept.request is None
    assert session.answered(1) is None  # answered once only
    session.await_analysis(kept, 3)
    assert session.forget_analysis(kept) == 3 and session.answered(3) is None


def test_a_reload_replaces_the_article_of_its_tab() -> None:
    session: Session[str] = Session(WindowState())
    old = item("tab", "/a.txt")
    session.show(old)
    session.await_analysis(old, 5)
    new = item("tab", "/a.txt", encoding_override="cp1252")
    assert session.show(new) is old
    assert session.item_for("tab") is new
    assert session.forget_analysis(old) == 5 and old.request is None  # the window cancels request 5
    assert session.answered(5) is None


def test_an_answer_for_a_replaced_article_finds_nothing_to_show() -> None:
    session: Session[str] = Session(WindowState())
    old = item("tab", "/a.txt")
    session.show(old)
    session.await_analysis(old, 5)
    session.show(item("tab", "/a.txt"))
    assert session.answered(5) is None  # not cancelled in time: still never shown in the new article


def test_closed_tabs_reopen_newest_first_skipping_files_open_again() -> None:
    session: Session[str] = Session(WindowState())
    for n in range(3):
        session.show(item(f"tab-{n}", f"/{n}.txt", encoding_override="cp1252" if n == 1 else None))
    for n in range(3):
        session.close(f"tab-{n}")
    assert session.has_closed() and not session.articles()
    session.show(item("again", "/2.txt"))  # the newest closed file is open again
    closed = session.take_closed()
    assert closed is not None and (closed.path, closed.encoding) == ("/1.txt", "cp1252")
    assert session.take_closed() is not None and session.take_closed() is None and not session.has_closed()


def test_only_the_last_closed_tabs_are_remembered() -> None:
    session: Session[str] = Session(WindowState())
    for n in range(MAX_CLOSED_TABS + 5):
        session.show(item(f"tab-{n}", f"/{n}.txt"))
        session.close(f"tab-{n}")
    reopened = []
    while (closed := session.take_closed()) is not None:
        reopened.append(closed.path)
    assert len(reopened) == MAX_CLOSED_TABS and reopened[0] == f"/{MAX_CLOSED_TABS + 4}.txt"


def test_state_that_survives_and_clearing_it() -> None:
    session: Session[str] = Session(WindowState())
    session.opened("/a.txt")
    session.opened("/b.txt")
    session.remember_view("/a.txt", 0.4, "c3BsaXR0ZXI=")
    session.remember_view("/b.txt", 1.7, None)  # clamped; no splitter keeps the last one
    session.remember_geometry("Z2VvbWV0cnk=")
    state = session.state
    assert state.recent == ("/b.txt", "/a.txt") and state.positions == {"/a.txt": 0.4, "/b.txt": 1.0}
    assert state.splitter == "c3BsaXR0ZXI=" and state.geometry == "Z2VvbWV0cnk="
    session.show(item("tab", "/a.txt"))
    session.close("tab")
    session.clear_recent()
    assert session.state.recent == () and session.state.positions and session.has_closed()
    session.clear_history()
    assert session.state.positions == {} and not session.has_closed()
    assert session.state.geometry == "Z2VvbWV0cnk="  # the window's place is not history


def test_corrections_reach_the_open_articles_of_the_same_scope() -> None:
    session: Session[str] = Session(WindowState())
    for tab, path in (("one", "/site-a/1.txt"), ("two", "/site-a/2.txt"), ("three", "/site-b/3.txt")):
        session.show(item(tab, path))

    def folder(made: Article) -> str:
        return str(made.path.parent)

    same = session.same_scope(folder, article("/site-a/9.txt"))
    assert [each.tab for each in same] == ["one", "two"]


def test_recent_files_follow_the_order_asked_not_the_order_loaded() -> None:

    session: Session[object] = Session(WindowState())
    session.opened("/a/three.txt", 3)
    session.opened("/a/one.txt", 1)  # finished loading last, asked for first
    session.opened("/a/two.txt", 2)
    assert session.state.recent[:3] == ("/a/three.txt", "/a/two.txt", "/a/one.txt")
    session.opened("/a/one.txt")  # opened again later: first
    assert session.state.recent[0] == "/a/one.txt"
