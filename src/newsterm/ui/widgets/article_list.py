"""The article list: a virtual Line-API view over the cache.

Nothing is created per article: ``render_line`` asks for the row under each screen line and
rows are fetched from SQLite a page at a time (an indexed ``LIMIT … OFFSET``), kept in an LRU
cache, and rendered strips are cached too. A list of 100,000 articles costs what a screenful
costs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import datetime

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from newsterm.models import ArticleSummary
from newsterm.timefmt import relative
from newsterm.ui.widgets.article_rows import FilterRows, NoRows, Row, Rows, SearchRows

PAGE_SIZE = 100
"""Rows fetched from the cache at a time."""
DATE_WIDTH = 8
"""Cells the longest date takes ("Mar 2024"); the column is as wide as its longest value."""
SOURCE_WIDTH = 18
"""Cells the source column takes at most (longer source titles are ellipsised)."""
MAX_TITLE = 500
"""Characters of a title ever rendered (a hostile feed may send megabytes)."""


def _fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells with an ellipsis, or as is when it fits."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1).rstrip() + "…"


def _styled(
    text: str, spans: Sequence[tuple[int, int]], style: Style, match: Style
) -> list[Segment]:
    """Segments of ``text`` with ``spans`` (character offsets) in the match style."""
    segments: list[Segment] = []
    position = 0
    for start, end in sorted(spans):
        start, end = max(start, position), min(end, len(text))
        if start >= end:
            continue
        if start > position:
            segments.append(Segment(text[position:start], style))
        segments.append(Segment(text[start:end], style + match))
        position = end
    if position < len(text):
        segments.append(Segment(text[position:], style))
    return segments


class ArticleList(ScrollView, can_focus=True):
    """Articles, newest first: title, source, relative date, unread and star markers."""

    ALLOW_MAXIMIZE = True

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, id="article-down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="article-up"),
        Binding("g,home", "first", "First", show=False, id="article-first"),
        Binding("G,end", "last", "Last", show=False, id="article-last"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="article-page-down"),
        Binding("pageup", "page_up", "Page up", show=False, id="article-page-up"),
        Binding(
            "enter",
            "open",
            "Open",
            id="open-article",
            tooltip="Open the highlighted article in the reader (marks it read)",
        ),
    ]

    COMPONENT_CLASSES = {
        "article-list--cursor",
        "article-list--unread",
        "article-list--read",
        "article-list--meta",
        "article-list--marker",
        "article-list--star",
        "article-list--match",
        "article-list--empty",
    }

    class Highlighted(Message):
        """The cursor moved to another article."""

        def __init__(self, article_list: ArticleList, article_id: int | None) -> None:
            super().__init__()
            self.article_list = article_list
            self.article_id = article_id
            """The highlighted article, or None when the list is empty."""

        @property
        def control(self) -> ArticleList:
            return self.article_list

    class Selected(Message):
        """An article was chosen (Enter or a click)."""

        def __init__(self, article_list: ArticleList, article_id: int, focus_reader: bool) -> None:
            super().__init__()
            self.article_list = article_list
            self.article_id = article_id
            """The chosen article."""
            self.focus_reader = focus_reader
            """True when the reader should take the focus (keyboard), False for a click."""

        @property
        def control(self) -> ArticleList:
            return self.article_list

    def __init__(
        self,
        *,
        clock: Callable[[], datetime] | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._clock = clock
        self.opening = 0
        """Enter presses whose article the screen has not shown yet (it counts them down)."""
        self._source_names = SOURCE_WIDTH
        """Cells the longest source title takes (0: one source only, no source column)."""
        self._rows: Rows = NoRows()
        self._count = 0
        self._pages: LRUCache[int, list[Row]] = LRUCache(64)
        self._lines: LRUCache[tuple[object, ...], Strip] = LRUCache(1024)
        self._rule_styles: dict[str, Style] = {}
        self._parts: dict[str, Style] = {}
        """Component styles as last resolved (cleared with the styles and the focus)."""
        self._date_cells: int | None = None
        """Cells of the date column for the rows shown (None: not measured yet)."""
        self._generation = 0
        self.cursor = 0
        """Index of the highlighted row."""
        self.empty_message = Content("")
        """What the list says when it has no rows."""

    # -- data -------------------------------------------------------------------------------

    @property
    def rows(self) -> Rows:
        """Where the rows come from."""
        return self._rows

    @property
    def count(self) -> int:
        """How many rows the list has."""
        return self._count

    @property
    def row_height(self) -> int:
        return self._rows.row_height

    def set_rows(self, rows: Rows, *, keep_id: int | None = None, cursor: int = 0) -> None:
        """Show other rows; the cursor goes to ``keep_id`` if listed, else to ``cursor``."""
        self._rows = rows
        self._invalidate()
        self._count = rows.count()
        self.virtual_size = Size(0, self._count * rows.row_height)
        target = cursor
        if keep_id is not None and (found := rows.position(keep_id)) is not None:
            target = found
        self.cursor = max(0, min(target, self._count - 1))
        self.refresh()
        self.call_after_refresh(self._scroll_to_cursor, True)
        self.post_message(self.Highlighted(self, self.current_id))

    def repaint_in_next_frame(self) -> None:
        """Hand the list's repaint (and layout) to the screen now. Textual hands it over when
        the list's own message queue next goes idle, after the screen may have drawn a frame
        with the rest of what changed (the search field's key) and without the list: its new
        rows then came a frame later."""
        self._check_refresh()

    def reload(self) -> None:
        """Re-read the rows (new articles, other filter), keeping the highlighted article put."""
        current = self.current_id
        offset = self.cursor * self.row_height - round(self.scroll_y)
        self._invalidate()
        self._count = self._rows.count()
        self.virtual_size = Size(0, self._count * self.row_height)
        if current is not None and (found := self._rows.position(current)) is not None:
            self.cursor = found
        self.cursor = max(0, min(self.cursor, self._count - 1))
        target_y = self.cursor * self.row_height - offset

        def restore() -> None:
            self.scroll_to(y=max(0, target_y), animate=False, immediate=True)
            self._scroll_to_cursor()

        self.refresh()
        self.call_after_refresh(restore)
        if self.current_id != current:
            self.post_message(self.Highlighted(self, self.current_id))

    def _invalidate(self) -> None:
        self._pages.clear()
        self._lines.clear()
        self._date_cells = None
        self._generation += 1

    def row(self, index: int) -> Row | None:
        """The row at ``index``, fetched with its page when not cached."""
        if not 0 <= index < self._count:
            return None
        page, offset = divmod(index, PAGE_SIZE)
        rows = self._pages.get(page)
        if rows is None:
            rows = self._fetch_page(page)
            self._pages[page] = rows
        return rows[offset] if offset < len(rows) else None

    def _fetch_page(self, page: int) -> list[Row]:
        """A page of rows: by keyset from a cached neighbour (constant cost at any depth,
        which is what scrolling needs), else by offset from the nearer end (jumps)."""
        source = self._rows
        if isinstance(source, FilterRows):
            before = self._pages.get(page - 1)
            if before:
                return source.fetch_next_to(before[-1].article.id, PAGE_SIZE, older=True)
            after = self._pages.get(page + 1)
            if after:
                return source.fetch_next_to(after[0].article.id, PAGE_SIZE, older=False)
        return source.fetch(page * PAGE_SIZE, PAGE_SIZE)

    @property
    def current(self) -> ArticleSummary | None:
        """The highlighted article."""
        row = self.row(self.cursor)
        return None if row is None else row.article

    @property
    def current_id(self) -> int | None:
        """The id of the highlighted article."""
        article = self.current
        return None if article is None else article.id

    def update_article(
        self, article_id: int, *, read: bool | None = None, starred: bool | None = None
    ) -> None:
        """Change an article's markers in place (the cache is written elsewhere)."""
        changed = False
        for page in list(self._pages.keys()):
            for row in self._pages.get(page) or ():
                if row.article.id == article_id:
                    if read is not None:
                        row.article.read = read
                    if starred is not None:
                        row.article.starred = starred
                    changed = True
        if changed:
            self._lines.clear()
            self.refresh()

    def mark_all_read(self) -> None:
        """Show every cached row as read."""
        for page in list(self._pages.keys()):
            for row in self._pages.get(page) or ():
                row.article.read = True
        self._lines.clear()
        self.refresh()

    # -- cursor -----------------------------------------------------------------------------

    def move_cursor(self, index: int) -> None:
        """Highlight the row at ``index`` and scroll it into view."""
        if self._count == 0:
            return
        index = max(0, min(index, self._count - 1))
        old, self.cursor = self.cursor, index
        if old != index:
            self._refresh_row(old)
            self._refresh_row(index)
            self.post_message(self.Highlighted(self, self.current_id))
        self._scroll_to_cursor()

    def select_article(self, article_id: int) -> bool:
        """Move the cursor to an article; False when the list does not show it."""
        found = self._rows.position(article_id)
        if found is None:
            return False
        self.move_cursor(found)
        return True

    def _refresh_row(self, index: int) -> None:
        self.refresh_lines(index * self.row_height, self.row_height)

    def set_source_names(self, longest: int) -> None:
        """Fit the source column to the longest source title (0 hides it: one source)."""
        if longest != self._source_names:
            self._source_names = longest
            self._lines.clear()
            self.refresh()

    def _source_width(self, width: int) -> int:
        """The source column's cells: none when the list shows one source (or is narrow)."""
        rows = self._rows
        if isinstance(rows, FilterRows) and rows.filter.source_id is not None:
            return 0
        return 0 if width < 60 else min(SOURCE_WIDTH, (width - 20) // 4, self._source_names)

    def _date(self, article: ArticleSummary) -> str:
        """The row's short date: relative, a day this year, or month and year before."""
        date = relative(article.published, self._clock() if self._clock else None)
        if len(date) > DATE_WIDTH and article.published is not None:
            date = article.published.astimezone().strftime("%b %Y")  # an earlier year
        return date

    def _date_width(self) -> int:
        """The date column's cells: its longest value. Rows are newest first, so the ends
        bound every date between ("3d" is short, "5h" and "now" take 3); search results
        (in memory, by rank) are measured whole."""
        if self._date_cells is None:
            rows = self._rows
            if isinstance(rows, SearchRows):
                shown = [r.article for r in rows.rows]
            else:
                ends = rows.fetch(0, 1) + rows.fetch(max(0, self._count - 1), 1)
                shown = [r.article for r in ends]
            longest = max((len(self._date(a)) for a in shown), default=0)
            self._date_cells = min(DATE_WIDTH, max(3, longest))
        return self._date_cells

    def on_resize(self) -> None:
        # (the stacked layout shrinks the list to a few rows while the reader is focused)
        self.call_after_refresh(self._scroll_to_cursor)

    def _scroll_to_cursor(self, center: bool = False) -> None:
        if self._count == 0:
            return
        region = Region(0, self.cursor * self.row_height, 1, self.row_height)
        self.scroll_to_region(region, animate=False, center=center, force=True, immediate=True)

    def _page_rows(self) -> int:
        return max(1, self.scrollable_content_region.height // self.row_height - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(self.cursor - 1)

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(self._count - 1)

    def action_page_down(self) -> None:
        self.move_cursor(self.cursor + self._page_rows())

    def action_page_up(self) -> None:
        self.move_cursor(self.cursor - self._page_rows())

    def action_open(self) -> None:
        if (article_id := self.current_id) is not None:
            self.opening += 1
            self.post_message(self.Selected(self, article_id, focus_reader=True))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or self._count == 0:
            return
        index = (offset.y + round(self.scroll_y)) // self.row_height
        if index < self._count:
            self.move_cursor(index)
            if (article_id := self.current_id) is not None:
                self.post_message(self.Selected(self, article_id, focus_reader=False))

    def _on_focus(self, event: events.Focus) -> None:
        self._lines.clear()
        self._parts.clear()
        self.refresh()

    def _on_blur(self, event: events.Blur) -> None:
        self._lines.clear()
        self._parts.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        """Styles (or the theme) changed: rendered lines are stale."""
        super().notify_style_update()
        self._lines.clear()
        self._parts.clear()

    def _part(self, name: str) -> Style:
        """A component's style (Textual's lookup, kept: a row asks for five)."""
        style = self._parts.get(name)
        if style is None:
            style = self._parts[name] = self.get_component_rich_style(name, partial=True)
        return style

    # -- rendering --------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        """The list's lines in its frame: Textual composes each line of a bordered widget
        anew (edges, padding, tint, opacity); for the list's plain frame (a border, nothing
        else) the edges are taken from one line Textual composed and joined to each row."""
        width, height = self.outer_size
        rows = range(max(crop.y, 1), min(crop.bottom, height - 1))  # inside the border
        styles = self.styles
        if (
            not rows
            or styles.gutter != Spacing(1, 1, 1, 1)
            or not all(edge for edge, _ in styles.border)
            or any(edge for edge, _ in styles.outline)
            or styles.tint.a
            or styles.text_opacity != 1.0
            or self.opacity != 1.0
            or styles.has_rule("hatch")
        ):
            return super().render_lines(crop)
        content_width = self.scrollable_content_region.width
        template = super().render_lines(Region(0, rows.start, width, 1))[0]
        left, right = template.crop(0, 1), template.crop(1 + content_width, width)
        background = self.background_colors[1]
        filters = self.get_line_filters()
        base = self.visual_style.rich_style
        lines: list[Strip] = []
        for y in crop.line_range:
            if y not in rows:
                lines += super().render_lines(Region(0, y, width, 1))
                continue
            content = self._line(y - 1, content_width, base)
            if content.cell_length != content_width:
                lines += super().render_lines(Region(0, y, width, 1))
                continue
            for line_filter in filters:
                content = content.apply_filter(line_filter, background)
            lines.append(Strip.join([left, content, right]))
        if crop.column_span != (0, width):
            x1, x2 = crop.column_span
            lines = [line.crop(x1, x2) for line in lines]
        return lines

    def render_line(self, y: int) -> Strip:
        base = self.visual_style.rich_style  # cached by Textual until the styles change
        return self._line(y, self.scrollable_content_region.width, base)

    def _line(self, y: int, width: int, base: Style) -> Strip:
        """``render_line`` with the width and base style of the frame (read once a frame)."""
        if self._count == 0:
            return self._render_empty(y, width, base)
        line = round(self.scroll_y) + y
        index, sub = divmod(line, self.row_height)
        row = self.row(index)
        if row is None:
            return Strip.blank(width, base)
        selected = index == self.cursor
        article = row.article
        key = (index, sub, width, selected, self.has_focus, article.read, article.starred)
        strip = self._lines.get(key)
        if strip is None:
            strip = self._render_row(row, sub, width, selected, base)
            self._lines[key] = strip
        return strip

    def _rule_style(self, style: str) -> Style:
        """A ``[[highlight]]`` style (checked when feeds.toml was read) with the theme's
        variables put in; a style the theme cannot resolve adds nothing."""
        resolved = self._rule_styles.get(style)
        if resolved is None:
            variables = self.app.theme_variables
            text = re.sub(r"\$([\w-]+)", lambda m: variables.get(m.group(1), "default"), style)
            try:
                resolved = Style.parse(text)
            except Exception:
                resolved = Style()
            self._rule_styles[style] = resolved
        return resolved

    def _render_empty(self, y: int, width: int, base: Style) -> Strip:
        style = base + self._part("article-list--empty")
        lines = self.empty_message.wrap(max(1, width - 4))
        index = y - 1
        if not 0 <= index < len(lines):
            return Strip.blank(width, base)
        line = Strip(lines[index].render_segments()).apply_style(style)
        return (Strip([Segment("  ", base)]) + line).adjust_cell_length(width, base)

    def _render_row(self, row: Row, sub: int, width: int, selected: bool, base: Style) -> Strip:
        part = self._part
        if selected:
            base = base + part("article-list--cursor")
        article = row.article
        match = part("article-list--match")
        meta = base + part("article-list--meta")
        if sub:
            from newsterm.query.snippet import centre  # (search only: not on the first frame)

            snippet = row.snippet.replace("\n", " ").replace("\t", " ")
            centred, spans = centre(snippet, row.snippet_matches, width - 5)
            text = _fit(centred, width - 5)
            segments = [Segment("     ", base), *_styled(text, spans, meta, match)]
            return Strip(segments).adjust_cell_length(width, base)
        title_style = base + part("article-list--read" if article.read else "article-list--unread")
        if row.highlight:
            title_style += self._rule_style(row.highlight)
        marker = Segment(" ●" if not article.read else "  ", base + part("article-list--marker"))
        star = Segment("★ " if article.starred else "  ", base + part("article-list--star"))
        date, date_width = self._date(article), self._date_width()
        source_width = self._source_width(width)
        title_width = width - 5 - date_width - (source_width + 2 if source_width else 0)
        title = _fit(article.title[:MAX_TITLE].replace("\n", " "), title_width)
        segments = [marker, star, *_styled(title, row.title_matches, title_style, match)]
        segments.append(Segment(" " * max(0, title_width - cell_len(title)), base))
        if source_width:
            source = _fit((article.source_title or "")[:MAX_TITLE], source_width)
            segments.append(Segment("  " + set_cell_size(source, source_width), meta))
        segments.append(Segment(" " + date.rjust(date_width)[:date_width], meta))
        return Strip(segments).adjust_cell_length(width, base)
