"""naming: a plan without a stated title is named by its kind and first words, never a file stem."""

from __future__ import annotations

from plantui.naming import UNTITLED, first_words, is_untitled, plan_name


def test_a_stated_title_is_the_name() -> None:
    assert (
        plan_name("河北省数字经济发展规划", "text", kind="规划", opening="为了……") == "河北省数字经济发展规划"
    )
    assert plan_name("我的标题", "user") == "我的标题"


def test_an_untitled_plan_is_named_by_kind_and_first_words() -> None:
    opening = "　　为全面落实《国家信息化发展战略纲要》，深入贯彻全省科技创新大会精神，提出如下指导意见。"
    name = plan_name("002_03b780215b09d706", "file", kind="意见", opening=opening)
    assert name == f"{UNTITLED}意见：为全面落实《国家信息化发展战略纲要》…"
    assert "002_03b780215b09d706" not in name


def test_first_words_stop_at_the_sentence_end() -> None:
    assert first_words("## 加快数字化发展。其余的话") == "加快数字化发展…"
    assert first_words("短句") == "短句"
    assert first_words("") == ""


def test_an_untitled_plan_without_text_or_kind_still_says_untitled() -> None:
    assert plan_name("x_y", "file") == UNTITLED
    assert plan_name("x_y", "file", region="河北省") == f"{UNTITLED}河北省"
    assert plan_name("x_y", "file", kind="规划", region="河北省") == f"{UNTITLED}规划：河北省"
    assert is_untitled("file") and not is_untitled("text") and not is_untitled(None)


def test_plan_names_from_the_database(tmp_path: object) -> None:
    from pathlib import Path

    from plantui import db
    from plantui.importer import import_paths

    folder = Path(str(tmp_path))
    (folder / "002_03b780215b09d706.txt").write_text(
        "　　为全面落实《国家信息化发展战略纲要》，提出如下指导意见。\n　　一、思路目标\n　　深入贯彻。\n",
        encoding="utf-8",
    )
    conn = db.connect(folder / "t.db")
    import_paths(conn, [str(folder / "002_03b780215b09d706.txt")])
    names = db.plan_names(conn)
    (name,) = names.values()
    assert name.startswith(UNTITLED) and "为全面落实《国家信息化发展战略纲要》" in name
    assert "002_03b780215b09d706" not in name
    assert db.plan_names(conn, []) == {}
