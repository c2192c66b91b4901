"""The sources pane: All, Unread, Starred, the views of feeds.toml, then every source with its
unread count, by tag."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.segment import Segment
from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.content import Content
from textual.css.styles import RulesMap
from textual.message import Message
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsterm.models import Source
from newsterm.store import ArticleFilter

GetStyle = Callable[[str | Style], Style]

UNTAGGED = "untagged"
MAX_NAME = 200
MAX_ERROR = 200


@dataclass(frozen=True, slots=True)
class Choice:
    """What a line of the sources pane stands for."""

    filter: ArticleFilter
    """The articles it shows."""
    title: str
    """Its name (may come from a feed: show it as text)."""
    source_id: int | None = None


class CountLine(Visual):
    """A name with its count right-aligned, laid out for the width it is drawn at: one line
    of text, so the pane sizes and draws its hundreds of sources at the cost of a string each
    (as a Rich table, each line was measured and rendered as a grid: ~1 ms a line)."""

    def __init__(self, name: str, count: int | None, style: str, count_style: str) -> None:
        self.name = Content(name[:MAX_NAME])
        self.style = style
        self.count = Content.styled(str(count) if count else "", count_style)

    @property
    def plain(self) -> str:
        """The name and the count, as text."""
        return f"{self.name.plain} {self.count.plain}".rstrip()

    def line(self, width: int) -> Content:
        """The line at ``width`` cells: the name cut with an ellipsis or padded (in its style,
        as a Rich table pads it), a space and the count."""
        room = max(width - self.count.cell_length, 1)
        name = self.name.truncate(room - 1, ellipsis=True, pad=True).plain
        return Content.assemble((name, self.style), " ", self.count)

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return self.line(width).render_strips(width, height, style, options)

    def option_strip(
        self, width: int, style: Style, left: int, right: int, get_style: GetStyle
    ) -> Strip | None:
        """The line as ``OptionList`` draws it at ``width`` cells, between ``left`` and
        ``right`` cells of padding, in the option's ``style``: the segments and styles of
        the generic path (``Visual.to_strips`` of a ``Padding`` of ``render_strips``), which
        costs ~0.5 ms a line and was most of the sources pane's first frame. None when it
        does not fit on one line (a count wider than the pane): that one takes that path."""
        room = width - left - right
        line = self.line(room) if room > 0 else None
        if line is None or line.cell_length != room:
            return None
        rich = style.rich_style
        segments = [Segment(" " * left, rich)] if left else []
        x = 0
        for text, text_style in line.render(style, end="", parse_style=get_style):
            segments.append(Segment(text, (style + text_style).rich_style_with_offset(x, 0)))
            x += len(text)
        if right:
            segments.append(Segment(" " * right, rich))
        return Strip(segments, width)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width  # it takes the room it is given, as an expanding table does

    def get_height(self, rules: RulesMap, width: int) -> int:
        return 1


def _line(name: str, count: int | None, *, style: str = "", count_style: str = "") -> CountLine:
    """A name with its count right-aligned."""
    return CountLine(name, count, style, count_style)


def _with_note(name: str, count: int | None, style: str, count_style: str, note: Text) -> Table:
    """A source's line with a note under it (its last error, or how it was read): a Rich grid,
    as the note wraps. Few sources have one."""
    line = Table.grid(expand=True, padding=(0, 0, 0, 1))  # a space between name and count
    line.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    line.add_column(justify="right", no_wrap=True)
    line.add_row(Text(name[:MAX_NAME], style=style), Text(str(count) if count else "", count_style))
    grid = Table.grid(expand=True)
    grid.add_column(ratio=1)
    grid.add_row(line)
    grid.add_row(note)
    return grid


class SourceList(OptionList):
    """Filters and sources; highlighting one shows its articles."""

    ALLOW_MAXIMIZE = True

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="sources-down"),
        Binding("k", "cursor_up", "Up", show=False, id="sources-up"),
        Binding("g", "first", "First", show=False, id="sources-first"),
        Binding("G", "last", "Last", show=False, id="sources-last"),
        Binding(
            "enter",
            "select",
            "Show",
            id="show-source",
            tooltip="Show this source's articles and move to the list",
        ),
    ]

    class Chosen(Message):
        """A filter or source was highlighted (``activate`` False) or selected (True)."""

        def __init__(self, source_list: SourceList, choice: Choice, activate: bool) -> None:
            super().__init__()
            self.source_list = source_list
            self.choice = choice
            """What to show."""
            self.activate = activate
            """True when the user pressed Enter or clicked: move on to the articles."""

        @property
        def control(self) -> SourceList:
            return self.source_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self._choices: dict[str, Choice] = {}
        self._structure: list[str] = []

    def on_mount(self) -> None:
        self.show_sources([], total=0, unread=0, starred=0)

    def _view_lines(
        self, views: Sequence[tuple[str, str, int]]
    ) -> list[tuple[str, Choice, Table | Text | CountLine] | None]:
        """The views' heading and lines (title, query, unread count), none without views."""
        if not views:
            return []
        lines: list[tuple[str, Choice, Table | Text | CountLine] | None] = [None]
        for index, (title, query, unread) in enumerate(views):
            style = "" if unread else "dim"
            line = _line(f"  {title}", unread, style=style, count_style="bold")
            lines.append((f"view:{index}", Choice(ArticleFilter(query=query), title), line))
        return lines

    @property
    def choice(self) -> Choice | None:
        """What the highlighted line stands for."""
        if self.highlighted is None:
            return None
        option = self.get_option_at_index(self.highlighted)
        return self._choices.get(option.id or "")

    def show_sources(
        self,
        sources: list[Source],
        *,
        total: int,
        unread: int,
        starred: int,
        views: Sequence[tuple[str, str, int]] = (),
    ) -> None:
        """(Re)build the list, keeping the highlighted line; ``views`` are (title, query,
        unread count) of feeds.toml's views."""
        options: list[Option | None] = []
        choices: dict[str, Choice] = {}

        def add(key: str, choice: Choice, prompt: Table | Text | CountLine) -> None:
            choices[key] = choice
            options.append(Option(prompt, id=key))

        add("all", Choice(ArticleFilter(), "All"), _line("All", unread, style="bold"))
        add(
            "unread",
            Choice(ArticleFilter(unread_only=True), "Unread"),
            _line("Unread", unread, style="bold"),
        )
        add(
            "starred",
            Choice(ArticleFilter(starred_only=True), "Starred"),
            _line("★ Starred", starred, style="bold"),
        )
        for line in self._view_lines(views):
            if line is None:
                options.append(None)
                options.append(Option(Text("Views", style="bold italic"), disabled=True))
            else:
                add(*line)
        groups: dict[str, list[Source]] = {}
        for source in sources:
            for tag in source.tags or [UNTAGGED]:
                groups.setdefault(tag, []).append(source)
        for tag in sorted(groups, key=lambda t: (t == UNTAGGED, t.lower())):
            members = groups[tag]
            options.append(None)
            tag_unread = sum(s.unread for s in members)
            flt = ArticleFilter(tag=tag) if tag != UNTAGGED else None
            if flt is not None:
                add(
                    f"tag:{tag}",
                    Choice(flt, f"#{tag}"),
                    _line(f"#{tag}", tag_unread, style="bold italic", count_style="bold"),
                )
            else:
                options.append(Option(Text("untagged", style="italic dim"), disabled=True))
            for source in members:
                name = source.display_title
                style = "" if source.unread else "dim"
                prompt: Table | CountLine
                if source.last_error:
                    error = source.last_error[:MAX_ERROR]
                    if len(source.last_error) > MAX_ERROR:
                        error += "…"
                    note = Text("  " + error, style="red", overflow="fold")
                    prompt = _with_note(f"⚠ {name}", source.unread, "bold red", "", note)
                elif source.parse_note:  # read, but only leniently: a quiet note
                    note = Text(
                        f"  read leniently: {source.parse_note[:MAX_ERROR]}",
                        style="dim italic",
                        no_wrap=True,
                        overflow="ellipsis",
                    )
                    prompt = _with_note(f"  {name}", source.unread, style, "bold", note)
                else:
                    prompt = _line(f"  {name}", source.unread, style=style, count_style="bold")
                add(
                    f"source:{source.id}:{tag}",
                    Choice(ArticleFilter(source_id=source.id), name, source_id=source.id),
                    prompt,
                )
        keys = [(o.id or "") if o is not None else "-" for o in options]
        highlighted = "all"
        if self.highlighted is not None:
            highlighted = self.get_option_at_index(self.highlighted).id or "all"
        with self.prevent(OptionList.OptionHighlighted):
            if keys == self._structure:
                for option in options:
                    if option is not None and option.id is not None:
                        self.replace_option_prompt(option.id, option.prompt)
            else:
                self.clear_options()
                self.add_options(options)
                self._structure = keys
                try:
                    self.highlighted = self.get_option_index(highlighted or "all")
                except Exception:
                    self.highlighted = 0
        self._choices = choices

    def choose(self, key: str) -> bool:
        """Highlight a line by key ("all", "unread", "starred", "tag:x", "source:<id>")."""
        for index in range(self.option_count):
            option_id = self.get_option_at_index(index).id or ""
            if option_id == key or option_id.startswith(key + ":"):
                self.highlighted = index
                return True
        return False

    def key_for(self, flt: ArticleFilter) -> str:
        """The key of the line that shows ``flt`` (ignoring the unread-only switch)."""
        if flt.query is not None:
            found = (k for k, c in self._choices.items() if c.filter.query == flt.query)
            return next(found, "all")
        if flt.source_id is not None:
            return f"source:{flt.source_id}"
        if flt.tag is not None:
            return f"tag:{flt.tag}"
        if flt.starred_only:
            return "starred"
        return "all"

    def _get_option_render(self, option: Option, style: Style) -> list[Strip]:
        # A one-line name and count (nearly every line) is drawn by ``CountLine.option_strip``;
        # the rest, and any line while text is selected in the pane, as OptionList draws them.
        line = option.prompt
        if not isinstance(line, CountLine) or self.text_selection is not None:
            return super()._get_option_render(option, style)
        padding = self.get_component_styles("option-list--option").padding
        cache_key = (option, style, padding)
        if (strips := self._option_render_cache.get(cache_key)) is not None:
            return strips
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        top, right, bottom, left = padding
        strip = (
            None if top or bottom else line.option_strip(width, style, left, right, self._get_style)
        )
        if strip is None:
            return super()._get_option_render(option, style)
        strips = [strip.apply_meta({"option": self._option_to_index[option]})]
        if option._divider:
            rule = self.get_visual_style("option-list--separator").rich_style
            strips.append(Strip([Segment("─" * width, rule)], width))
        self._option_render_cache[cache_key] = strips
        return strips

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        choice = self._choices.get(event.option.id or "")
        if choice is not None:
            self.post_message(self.Chosen(self, choice, activate=False))

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        choice = self._choices.get(event.option.id or "")
        if choice is not None:
            self.post_message(self.Chosen(self, choice, activate=True))
