"""Errors a user can cause, each rendered as one clear line."""

from __future__ import annotations


class NewstermError(Exception):
    """A problem to report in one line; ``exit_code`` is 1 (runtime) or 2 (usage)."""

    exit_code = 1

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code

    @property
    def message(self) -> str:
        """The one-line message."""
        return str(self.args[0]) if self.args else self.__class__.__name__


class UsageError(NewstermError):
    """Bad arguments: a missing path, an unsupported file type, a URL with another scheme."""

    exit_code = 2


class ConfigError(NewstermError):
    """feeds.toml cannot be read, parsed or validated."""


class CacheError(NewstermError):
    """The cache database cannot be opened or is of an unknown schema."""
