"""The main screen's workers' results: the search, the sources read, the cache's writes, the full
text, the analysis backlog and the refresh (handled by name: the workers and their messages
load with the first worker).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual import on
from textual.widgets import Input

from newsterm.timefmt import counted
from newsterm.ui.screens.main_reading import ReadingScreen

if TYPE_CHECKING:
    from newsterm.ui.messages import (
        AnalysisFinished,
        AnalysisProgress,
        FullTextFinished,
        RefreshFailed,
        RefreshFinished,
        RefreshProgress,
        RefreshStarted,
        SearchFinished,
        SourcesDue,
        StoreWritten,
    )
    from newsterm.ui.sources_read import SourcesLoaded, StoreFailed
    from newsterm.ui.widgets.search_bar import SearchBar


class ResultsScreen(ReadingScreen):
    """The main screen, handling what its workers post."""

    def on_search_bar_cancelled(self, event: SearchBar.Cancelled) -> None:
        self.searcher.cancel()

    @on(Input.Submitted, "#search")
    def search_submitted(self, event: Input.Submitted) -> None:
        self.searcher.submit(event.value)

    @on(Input.Changed, "#search")
    def search_typed(self, event: Input.Changed) -> None:
        self.searcher.typed(event.value)

    def on_search_finished(self, event: SearchFinished) -> None:
        self.searcher.finished(event)

    async def on_sources_loaded(self, event: SourcesLoaded) -> None:
        await self.panes_ready()
        self.show_sources(event)

    def on_store_written(self, event: StoreWritten) -> None:
        if event.what == "mark-all":
            self.notify(f"Marked {counted(event.changed, 'article')} read.", timeout=3)
            self.articles.reload()
            self.articles_changed()
        self.load_sources()

    def on_store_failed(self, event: StoreFailed) -> None:
        self.notify(event.error, title="Cache", severity="error", markup=False)

    async def on_full_text_finished(self, event: FullTextFinished) -> None:
        await self.article_actions.full_text_finished(event)

    async def analyse_backlog(self) -> None:
        """Analyse what the current analysis has not seen, in the background."""
        from newsterm.ui import workers

        await self.panes_ready()  # (its progress shows in the status bar)
        self.run_worker(
            partial(
                workers.analyse_backlog,
                self.post_message,
                self.store.path,
                self.newsterm.cancel_event,
            ),
            thread=True,
            exclusive=True,
            group="analysis",
            exit_on_error=False,
        )

    def on_analysis_progress(self, event: AnalysisProgress) -> None:
        self.refresher.status.analysing(event.done, event.total)

    def on_analysis_finished(self, event: AnalysisFinished) -> None:
        self.refresher.status.analysed()
        if event.error:
            self.notify(event.error, title="Analysis", severity="error", markup=False)

    def on_sources_due(self, event: SourcesDue) -> None:
        self.refresher.start_due(event.source_ids)

    def on_refresh_started(self, event: RefreshStarted) -> None:
        self.refresher.handle(event)

    def on_refresh_progress(self, event: RefreshProgress) -> None:
        self.refresher.handle(event)

    def on_refresh_finished(self, event: RefreshFinished) -> None:
        self.refresher.handle(event)

    def on_refresh_failed(self, event: RefreshFailed) -> None:
        self.refresher.handle(event)
