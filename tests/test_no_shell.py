"""Nothing in newsterm can hand feed or file data to a shell: no process-starting call exists."""

from __future__ import annotations

import ast
from pathlib import Path

import newsterm

FORBIDDEN_MODULES = {"subprocess", "pty", "pexpect", "commands"}
FORBIDDEN_CALLS = {
    "system",
    "popen",
    "spawnl",
    "spawnlp",
    "spawnv",
    "spawnvp",
    "execl",
    "execlp",
    "execv",
    "execvp",
    "execve",
    "posix_spawn",
    "posix_spawnp",
    "startfile",
}


def test_no_shell_or_process_calls_in_the_package() -> None:
    root = Path(newsterm.__file__).parent
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                names = {(node.module or "").split(".")[0]}
            else:
                names = set()
            found += [f"{path.name}:{node.lineno} import {n}" for n in names & FORBIDDEN_MODULES]
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in FORBIDDEN_CALLS
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "os"
            ):
                found.append(f"{path.name}:{node.lineno} os.{node.func.attr}")
            if isinstance(node, ast.keyword) and node.arg == "shell":
                found.append(f"{path.name}:{node.lineno} shell=")
    assert found == []
