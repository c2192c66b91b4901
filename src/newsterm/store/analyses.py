"""The analysis in the cache: the backlog of articles to analyse, what each starts from, the
analyses written (body, authors, quotations, contacts) and the full text fetched."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsterm.store import search_index, sync_html
from newsterm.store.analysis_input import input_json, input_paragraphs, stored_input
from newsterm.store.columns import PARAGRAPH_SEPARATOR
from newsterm.store.connection import StoreBase

if TYPE_CHECKING:
    from newsterm.analysis import Analysis, AnalysisInput


class AnalysisRows(StoreBase):
    """The analysis's columns and tables (``quotes``, ``contacts``) of the articles."""

    def count_unanalysed(self, version: int, *, part: int = 0, parts: int = 1) -> int:
        """How many articles no analysis of ``version`` (or later) has seen (in one part of
        ``parts``, by id)."""
        row = self.conn.execute(
            "SELECT COUNT(*) FROM articles WHERE analysed_version < ? AND id % ? = ?",
            (version, parts, part),
        ).fetchone()
        return int(row[0])

    def has_unanalysed(self) -> bool:
        """Whether any article waits for its first analysis (cheap: no version needed)."""
        row = self.conn.execute(
            "SELECT EXISTS (SELECT 1 FROM articles WHERE analysed_version = 0)"
        ).fetchone()
        return bool(row[0])

    def unanalysed(self, version: int, limit: int, *, part: int = 0, parts: int = 1) -> list[int]:
        """The backlog: articles analysed by no version or an older one, the oldest version
        first and within it the newest articles (in one part of ``parts``, by id)."""
        rows = self.conn.execute(
            """SELECT id FROM articles WHERE analysed_version < ? AND id % ? = ?
               ORDER BY analysed_version, sort_key DESC, id DESC LIMIT ?""",
            (version, parts, part, limit),
        ).fetchall()
        return [int(r[0]) for r in rows]

    def analysed_version(self, article_id: int) -> int | None:
        """The analysis version an article was analysed by (0: none), or None if not cached."""
        row = self.conn.execute(
            "SELECT analysed_version FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return None if row is None else int(row[0])

    def analysis_inputs(self, article_ids: Sequence[int]) -> list[AnalysisInput]:
        """What the analysis of these articles starts from (missing ids are left out)."""
        from newsterm.analysis import AnalysisInput, Contact

        rows = self.conn.execute(
            """SELECT id, content_hash, title, body, analysis_input FROM articles
               WHERE id IN (SELECT value FROM json_each(?))""",
            (json.dumps(list(article_ids)),),
        ).fetchall()
        waiting = sync_html.html_of(self.conn, article_ids) if sync_html.waiting(self.conn) else {}
        found = []
        for article_id, content_hash, title, body, stored in rows:
            extra = json.loads(stored) if stored else {}
            refs = extra.get("paragraphs")
            if article_id in waiting:  # a synced item's HTML, turned into paragraphs now
                paragraphs, contacts = sync_html.paragraphs(waiting[article_id])
                extra = sync_html.with_contacts(stored, contacts)
            elif refs is None:
                paragraphs = body.split(PARAGRAPH_SEPARATOR) if body else []
            else:
                paragraphs = input_paragraphs(refs, body)
            found.append(
                AnalysisInput(
                    article_id=article_id,
                    content_hash=content_hash,
                    title=title,
                    paragraphs=paragraphs,
                    authors=extra.get("authors") or [],
                    contacts=[Contact(*c) for c in extra.get("contacts") or []],
                )
            )
        return found

    def save_analyses(
        self, analysed: Sequence[tuple[AnalysisInput, Analysis]], version: int
    ) -> int:
        """Write the analyses of a batch in one transaction; returns how many were written.

        An article changed since its input was read, or analysed by ``version`` meanwhile, is
        left alone. Bodies the analysis changed are indexed again for search.
        """
        if not analysed:
            return 0
        with self.write() as conn:
            return self._apply_analyses(conn, analysed, version, check=True)

    def _apply_analyses(
        self,
        conn: sqlite3.Connection,
        analysed: Sequence[tuple[AnalysisInput, Analysis]],
        version: int,
        *,
        check: bool,
    ) -> int:
        """Write analyses (body, authors, quotations, contacts, input, version) in the open
        transaction; with ``check``, only for articles unchanged and not analysed meanwhile."""
        current = {
            article_id: (content_hash, seen, body)
            for article_id, content_hash, seen, body in conn.execute(
                """SELECT id, content_hash, analysed_version, body FROM articles
                   WHERE id IN (SELECT value FROM json_each(?))""",
                (json.dumps([item.article_id for item, _ in analysed]),),
            )
        }
        todo = []
        for item, analysis in analysed:
            row = current.get(item.article_id)
            if row is None or (check and (row[0] != item.content_hash or row[1] >= version)):
                continue
            todo.append((item, analysis, PARAGRAPH_SEPARATOR.join(analysis.paragraphs)))
        changed = [item.article_id for item, _, body in todo if body != current[item.article_id][2]]
        search_index.unindex(conn, changed)
        conn.executemany(
            """UPDATE articles SET body = ?, authors = ?, credits = ?, dateline = ?,
                 word_count = ?, reading_minutes = ?, analysis_input = ?, analysed_version = ?
               WHERE id = ?""",
            [
                (
                    body,
                    json.dumps(analysis.authors),
                    json.dumps(analysis.credits),
                    analysis.dateline,
                    analysis.word_count,
                    analysis.reading_minutes,
                    input_json(stored_input(item, analysis, body), item.authors, item.contacts),
                    version,
                    item.article_id,
                )
                for item, analysis, body in todo
            ],
        )
        search_index.index(conn, changed)
        self._write_analyses(conn, [(item.article_id, analysis) for item, analysis, _ in todo])
        sync_html.forget(conn, [item.article_id for item, _, _ in todo])  # the body is derived
        return len(todo)

    @staticmethod
    def _write_analyses(conn: sqlite3.Connection, analysed: Sequence[tuple[int, Analysis]]) -> None:
        """Replace the quotations and contacts of these articles (ids with their analysis)."""
        ids = json.dumps([article_id for article_id, _ in analysed])
        conn.execute(
            "DELETE FROM quotes WHERE article_id IN (SELECT value FROM json_each(?))", (ids,)
        )
        conn.execute(
            "DELETE FROM contacts WHERE article_id IN (SELECT value FROM json_each(?))", (ids,)
        )
        conn.executemany(
            """INSERT INTO quotes
                 (article_id, position, text, speaker, paragraph, fragment, start, person)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                (article_id, i, q.text, q.speaker, q.paragraph, int(q.fragment), q.start, q.person)
                for article_id, analysis in analysed
                for i, q in enumerate(analysis.quotes)
            ],
        )
        conn.executemany(
            """INSERT INTO contacts (article_id, position, name, email, url, handle)
               VALUES (?, ?, ?, ?, ?, ?)""",
            [
                (article_id, i, c.name, c.email, c.url, c.handle)
                for article_id, analysis in analysed
                for i, c in enumerate(analysis.contacts)
            ],
        )

    def replace_body(
        self,
        article_id: int,
        analysis: Analysis,
        status: str = "ok",
        *,
        source: AnalysisInput,
        version: int,
    ) -> None:
        """Replace an article's body and analysis (full text fetched); the summary stays.

        ``source`` is what ``analysis`` was made from (the page's paragraphs), kept for the
        next analysis version; ``version`` is the analysis version that made it.
        """
        with self.write() as conn:
            conn.execute(
                "UPDATE articles SET full_text_status = ? WHERE id = ?", (status, article_id)
            )
            self._apply_analyses(conn, [(source, analysis)], version, check=False)

    def set_full_text_status(self, article_id: int, status: str) -> None:
        """Record the outcome of a full-text fetch that did not replace the body."""
        with self.write() as conn:
            conn.execute(
                "UPDATE articles SET full_text_status = ? WHERE id = ?", (status, article_id)
            )

    def articles_needing_full_text(self, source_ids: Sequence[int], limit: int = 50) -> list[int]:
        """Newest first, the articles of these sources whose full text was never tried.

        An article with a web link and no ``full_text_status``; one that failed before has a
        status and is left to an explicit request, so a refresh never retries it.
        """
        if not source_ids:
            return []
        marks = ", ".join("?" for _ in source_ids)
        rows = self.conn.execute(
            f"""SELECT id FROM articles
                WHERE source_id IN ({marks}) AND full_text_status IS NULL AND gone = 0
                  AND (url LIKE 'http://%' OR url LIKE 'https://%')
                ORDER BY sort_key DESC, id DESC LIMIT ?""",
            (*source_ids, limit),
        ).fetchall()
        return [int(r[0]) for r in rows]
