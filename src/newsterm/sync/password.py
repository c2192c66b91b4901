"""Where the sync password comes from: ``$NEWSTERM_SYNC_PASSWORD``, else the first line that
``[sync] password_command`` prints. The command is the user's own configuration, run without a
shell (``shlex.split``) and with a time limit; its output is never shown, stored or logged."""

from __future__ import annotations

import os
import shlex
import subprocess
from collections.abc import Mapping

from newsterm.config import SyncConfig
from newsterm.sync.client import SyncError

ENV_PASSWORD = "NEWSTERM_SYNC_PASSWORD"
COMMAND_TIMEOUT = 30.0
"""Seconds ``password_command`` may take (a GPG agent may ask for a passphrase)."""


def sync_password(cfg: SyncConfig, env: Mapping[str, str] | None = None) -> str:
    """The password, or a SyncError saying in one line why there is none."""
    env = os.environ if env is None else env
    if env.get(ENV_PASSWORD):
        return env[ENV_PASSWORD]
    if not cfg.password_command:
        raise SyncError(
            f"sync: no password: set [sync] password_command in feeds.toml or ${ENV_PASSWORD}"
        )
    try:
        args = shlex.split(cfg.password_command)
    except ValueError as exc:
        raise SyncError(f"sync: [sync] password_command cannot be split: {exc}") from None
    if not args:
        raise SyncError("sync: [sync] password_command is empty")
    try:
        done = subprocess.run(
            args,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=COMMAND_TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        raise SyncError(f"sync: password_command: {args[0]}: no such program") from None
    except subprocess.TimeoutExpired:
        raise SyncError(f"sync: password_command did not finish in {COMMAND_TIMEOUT:g} s") from None
    except OSError as exc:
        raise SyncError(f"sync: password_command: {args[0]}: {exc.strerror}") from None
    if done.returncode != 0:
        raise SyncError(f"sync: password_command failed (exit status {done.returncode})")
    lines = done.stdout.decode("utf-8", "replace").splitlines()
    password = lines[0].strip("\r") if lines else ""
    if not password:
        raise SyncError("sync: password_command printed no password")
    return password
