"""The SQLite cache: connection and migrations (db), typed queries (repo), what a save and a
search give back (results)."""

from newsterm.store.repo import ArticleFilter, Store

__all__ = ["ArticleFilter", "Store"]
