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


ALLOWED_PROCESS = {"password.py": "subprocess"}
"""newsterm.sync.password runs ``[sync] password_command``: the user's own command from their
own feeds.toml (never feed or file text), split by shlex and run without a shell."""


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
            if path.parent.name == "sync" and ALLOWED_PROCESS.get(path.name) in names:
                names = names - {ALLOWED_PROCESS[path.name]}
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


def test_the_password_command_is_split_not_given_to_a_shell() -> None:
    source = (Path(newsterm.__file__).parent / "sync" / "password.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    runs = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "subprocess"
    ]
    assert [call.func.attr for call in runs] == ["run"]  # type: ignore[attr-defined]
    (run,) = runs
    assert isinstance(run.args[0], ast.Name) and run.args[0].id == "args"
    assert "args = shlex.split(cfg.password_command)" in source
    assert {k.arg for k in run.keywords} >= {"timeout"} and "shell" not in {
        k.arg for k in run.keywords
    }
