"""The main screen's layout: the boxes composed for the first frame, the panes mounted into them
after it, and the classes that lay them out for the terminal's size and the focus.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.widget import Widget

from newsterm.ui.screens.main_base import MainScreenBase
from newsterm.ui.widgets.article_list import ArticleList
from newsterm.ui.widgets.boxes import Box

if TYPE_CHECKING:
    from collections.abc import Callable


WIDE = 120
"""Columns from which the panes sit side by side."""
SHORT = 32
"""Rows under which quotes and contacts show only when focused (narrow layout)."""
TINY = 20
"""Rows under which the list keeps one row while the reader is focused (narrow layout)."""


def narrow_footer(width: int) -> bool:
    """Whether the status bar's keys are compact at this width: tighter, and no ^p hint."""
    return width < WIDE


def layout_classes(width: int, height: int) -> list[str]:
    """The classes of #panes for a terminal size: side by side or stacked, and short."""
    classes = ["-wide" if width >= WIDE else "-narrow"]
    if height < SHORT:
        classes.append("-short")
    if height < TINY:
        classes.append("-tiny")
    return classes


class PanesScreen(MainScreenBase):
    """The main screen's panes, composed, mounted and laid out."""

    def compose(self) -> ComposeResult:
        # The layout classes are set here rather than on mount: changing a class on #panes
        # restyles every pane, which cost the first frame as much as composing two of them.
        # The article list is composed; every other pane is mounted as the screen mounts
        # (mount_panes) into a box laid out from the start, drawn as the empty pane it becomes.
        width, height = self.app.size
        yield Box(id="header-box")  # the TitleBar
        with Box(id="panes", classes=" ".join(layout_classes(width, height))):
            yield self._box("sources")  # the SourceList
            with Box(id="middle"):  # the search field goes on top when first opened
                yield ArticleList(id="articles", clock=self.newsterm.clock)
            with Box(id="right"):
                yield self._box("reader")  # the ArticleReader
                yield Box(id="extras")  # the quotations and contacts
        yield Box(id="statusbar")  # the keys, the refresh status and the help hint

    def _box(self, pane: str) -> Widget:
        """The box a pane is mounted in place of: its size, border and title, empty."""
        box = Box(id=f"{pane}-box", classes="pane-box")
        self._title_pane(box, pane)
        return box

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual restyles a resuming screen and all it holds, for styles that changed while
        # it was covered. On the first resume nothing has: every widget was styled as it was
        # mounted, a moment before. (This handler runs before Screen's own.)
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def _compositor_refresh(self) -> None:
        # While the panes are mounted (in one batch, spanning several turns of the loop), each
        # layout refresh (the screen's resume, the terminal's size events) schedules a frame
        # that Textual renders in full and then drops (``App._display`` draws nothing in a
        # batch): the start-up rendered the whole screen twice. The frame is left for after
        # that batch (``_mount_panes`` asks for it).
        if self._holding_frame and self.app._batch_count:
            self._repaint_required = True
            return
        super()._compositor_refresh()

    def mount_panes(self) -> asyncio.Task[None]:
        """Mount the panes the screen does not compose, in place of their boxes: the header,
        sources, reader, quotations, contacts and footer (the first call does)."""
        if self._panes_mounted is None:
            self._panes_mounted = asyncio.create_task(self._mount_panes())
        return self._panes_mounted

    async def _mount_panes(self) -> None:
        from newsterm.ui.sources_read import SourcesLoaded
        from newsterm.ui.widgets.article_reader import ArticleReader
        from newsterm.ui.widgets.contacts_pane import ContactsPane
        from newsterm.ui.widgets.help_hint import HelpHint
        from newsterm.ui.widgets.key_bar import KeyBar
        from newsterm.ui.widgets.quotes_pane import QuotesPane
        from newsterm.ui.widgets.refresh_status import RefreshStatus
        from newsterm.ui.widgets.source_list import SourceList
        from newsterm.ui.widgets.title_bar import TitleBar

        self.newsterm.load_pane_styles()
        narrow = narrow_footer(self.app.size.width)
        panes: dict[str, Widget] = {
            "sources": SourceList(id="sources"),
            "reader": ArticleReader(id="reader"),
            "quotes": QuotesPane(id="quotes"),
            "contacts": ContactsPane(id="contacts"),
        }
        for name, pane in panes.items():
            self._title_pane(pane, name)
        footer = KeyBar(compact=narrow, id="keys")
        header_box = self.query_one("#header-box")
        sources_box = self.query_one("#sources-box")
        reader_box = self.query_one("#reader-box")
        self._holding_frame = True
        try:
            with self.app.batch_update():  # one frame swaps every box for its pane
                await asyncio.gather(
                    self.mount(TitleBar(id="header"), before=header_box),
                    self.query_one("#panes").mount(panes["sources"], before=sources_box),
                    self.query_one("#right").mount(panes["reader"], before=reader_box),
                    self.query_one("#extras").mount(panes["quotes"], panes["contacts"]),
                    self.query_one("#statusbar").mount(
                        footer,
                        RefreshStatus(id="refresh-status"),
                        HelpHint(id="help-hint"),
                    ),
                    header_box.remove(),
                    sources_box.remove(),
                    reader_box.remove(),
                )
                self._panes_ready = True
                if self._first_sources is not None:  # read while the panes were mounted
                    try:
                        messages = await self._first_sources
                    except (
                        Exception
                    ):  # (as a worker's, with exit_on_error off: the pane stays empty)
                        messages = []
                    for message in messages:
                        if isinstance(message, SourcesLoaded):
                            self.show_sources(message)
                        else:
                            self.post_message(message)
        finally:
            self._holding_frame = False
            self.refresh()  # (the frame held meanwhile)
        self._layout(self.size.width, self.size.height)  # (in case it was resized meanwhile)
        # That frame now, not on the screen's next update tick (up to 1/60 s later): what
        # the tick would call.
        self._on_timer_update()

    def after_panes(self, callback: Callable[..., object], *args: object, **kwargs: object) -> None:
        """Call ``callback`` once every pane is mounted, without holding this screen's messages
        meanwhile (as awaiting ``panes_ready`` in a handler would: a key typed during the
        start-up would wait for the panes, and for the start-up's own work before it)."""
        if self._panes_ready:
            self.call_later(callback, *args, **kwargs)
            return
        self.mount_panes().add_done_callback(lambda _: self.call_later(callback, *args, **kwargs))

    async def panes_ready(self) -> None:
        """Wait until every pane is mounted (a key typed during the start-up can ask for one
        before they are)."""
        if not self._panes_ready:
            await self.mount_panes()

    def on_resize(self) -> None:
        self._layout(self.size.width, self.size.height)

    def _layout(self, width: int, height: int) -> None:
        panes = self.query_one("#panes")
        wanted = layout_classes(width, height)
        for name in ("-wide", "-narrow", "-short", "-tiny"):
            panes.set_class(name in wanted, name)
        if not self._panes_ready:
            return  # the footer is made for the size of the moment (mount_panes)
        from newsterm.ui.widgets.key_bar import KeyBar

        self.query_one(KeyBar).compact = narrow_footer(width)

    def on_descendant_focus(self) -> None:
        focused = self.focused
        extras = self.query_one("#extras")
        in_extras = focused is not None and extras in focused.ancestors_with_self
        reading = focused is not None and focused.id == "reader"
        panes = self.query_one("#panes")
        panes.set_class(in_extras, "-extras")
        panes.set_class(reading, "-reading")  # the focused reader takes the room (stacked)
