"""Finding in the app: typing in the filter box (the outline narrows at once, the text and tables
follow when typing pauses), Enter and Esc in the box, and n/N through the hits of every plan."""

from __future__ import annotations

from textual import on
from textual.widgets import Input

from plantui import search
from plantui.tui.base import TYPING_PAUSE, AppBase
from plantui.tui.widgets.outline import OutlineTree
from plantui.tui.widgets.reader import Reader


class Finding(AppBase):
    """The filter box and the hits."""

    @on(Input.Changed, "#filter")
    def filter_changed(self, event: Input.Changed) -> None:
        """The outline is filtered at once (in a worker); the text and tables follow when typing pauses."""
        self._enter_pending = False
        self.words = search.terms(event.value)
        if self.store is not None:
            tree = self.query_one(OutlineTree)
            if self.words:
                self.store.interrupt_find()
                counted = self._counted.get(tuple(self.words))
                if counted is not None and counted[0] == tree.expanded_documents:
                    # typed before in this filter (a Backspace): its counts are shown at once
                    self.workers.cancel_group(self, "filter")
                    self._filtered(counted[1])
                else:
                    self.run_filter(event.value)
            else:
                self._counted.clear()
                self.filter_result = None
                tree.apply_filter(None)
        if self._typing is not None:
            self._typing.stop()
        self._typing = self.set_timer(TYPING_PAUSE, self._after_typing)
        self._update_status()

    def _after_typing(self) -> None:
        self._typing = None
        if not self.screen_stack or not self.screen_stack[0].query(Reader):
            return  # the app is closing
        self.query_one(Reader).set_words(self.words)
        self._stale.update(("targets", "columns", "search"))
        self._refresh_visible()
        self._update_status()

    @on(Input.Submitted, "#filter")
    def filter_submitted(self) -> None:
        """Enter: the reader goes to the first hit (of this plan, else of the first plan with hits)."""
        self.query_one(OutlineTree).focus()
        if not self.words:
            return
        self._show_view("read")
        self._flush_typing()
        reader = self.query_one(Reader)
        if reader.hit_count:
            self._to_hit(0)
        elif not self._to_plan_with_hits(1):
            self._enter_pending = True  # the counts are still on their way: go once they arrive
        self._update_status()

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_escape(self) -> None:
        """Esc leaves the filter box (the keys go back to the outline); a second Esc clears it."""
        box = self.query_one("#filter", Input)
        if box.has_focus:
            self.query_one(OutlineTree).focus()
        else:
            self.action_clear_filter()

    def action_clear_filter(self) -> None:
        box = self.query_one("#filter", Input)
        if box.value:
            box.value = ""
        if box.has_focus:
            self.query_one(OutlineTree).focus()

    def _flush_typing(self) -> None:
        if self._typing is not None:  # typed just now: highlight before moving
            self._typing.stop()
            self._after_typing()

    def action_hit(self, step: int) -> None:
        """n/N: the next or previous hit; past the last hit of a plan, the first of the next plan."""
        reader = self.query_one(Reader)
        if not self.words:
            self.notify("先按 / 输入关键词", severity="warning")
            return
        self._show_view("read")
        self._flush_typing()
        index, count = reader.hit_index, reader.hit_count
        new = index + step if index >= 0 else (0 if step > 0 else count - 1)
        if 0 <= new < count:
            self._to_hit(new)
        elif not self._to_plan_with_hits(step):
            if count:
                self._to_hit(new % count)
            else:
                self.notify("没有命中", severity="warning")
        self._update_status()
