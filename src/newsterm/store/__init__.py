"""The SQLite cache: connection and migrations (db), typed queries (repo)."""

from newsterm.store.repo import ArticleFilter, SaveResult, SearchHit, Store

__all__ = ["ArticleFilter", "SaveResult", "SearchHit", "Store"]
