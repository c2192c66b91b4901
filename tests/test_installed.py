"""The wheel, built and installed in a fresh environment, runs as a user runs it: its version,
the first-run copy of feeds.toml and the samples from the package data, and ``add``."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from newsterm import __version__

ROOT = Path(__file__).resolve().parents[1]
DEVELOPER_ENV = dict(os.environ)
"""The environment before the fixtures isolate each test: uv's cache is found through it."""
UV = shutil.which("uv")


def uv(*args: str, cwd: Path = ROOT, **env: str) -> None:
    """Run uv offline (everything comes from uv's cache, as ``uv sync`` left it)."""
    assert UV is not None
    done = subprocess.run(
        [UV, *args],
        cwd=cwd,
        env={**DEVELOPER_ENV, "UV_OFFLINE": "1", **env},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.slow
@pytest.mark.skipif(UV is None, reason="uv is not on PATH (the project is built with uv)")
def test_the_installed_wheel_runs_and_installs_its_samples(tmp_path: Path) -> None:
    uv("build", "--wheel", "--out-dir", str(tmp_path / "dist"), str(ROOT))
    (wheel,) = (tmp_path / "dist").glob("newsterm-*.whl")
    samples = sorted(p.name for p in (ROOT / "samples").iterdir())
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert "newsterm/data/feeds.toml" in names
    assert {f"newsterm/data/samples/{name}" for name in samples} <= names
    # A fresh environment: the locked dependencies, then the wheel itself (never the source).
    venv = tmp_path / "venv"
    uv(
        "sync",
        "--locked",
        "--no-dev",
        "--no-install-project",
        "--quiet",
        UV_PROJECT_ENVIRONMENT=str(venv),
    )
    uv(
        "pip",
        "install",
        "--no-deps",
        "--quiet",
        "--python",
        str(venv / "bin" / "python"),
        str(wheel),
    )

    home = tmp_path / "user"
    home.mkdir()
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "LANG": "C.UTF-8",
        "NO_COLOR": "1",
    }

    def newsterm(*args: str) -> str:
        done = subprocess.run(
            [str(venv / "bin" / "newsterm"), *args],
            cwd=home,  # not the checkout: nothing may come from the source tree
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    assert newsterm("--version").strip() == f"newsterm, version {__version__}"
    location = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import newsterm; print(newsterm.__file__)"],
        cwd=home,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert Path(location.strip()).is_relative_to(venv)

    first = json.loads(newsterm("sources", "--json"))  # the first run copies the files
    config = home / "config" / "newsterm"
    assert str(config / "samples") in [s["location"] for s in first]
    assert (config / "feeds.toml").read_bytes() == (ROOT / "feeds.toml").read_bytes()
    assert sorted(p.name for p in (config / "samples").iterdir()) == samples
    for name in samples:
        assert (config / "samples" / name).read_bytes() == (ROOT / "samples" / name).read_bytes()

    sample = config / "samples" / next(n for n in samples if n.endswith(".txt"))
    out = newsterm("add", str(sample))
    assert "added" in out
    added = [s for s in json.loads(newsterm("sources", "--json")) if s["location"] == str(sample)]
    assert len(added) == 1 and added[0]["total"] == 1
    assert (home / "data" / "newsterm" / "newsterm.db").exists()
    assert str(sample) in (config / "feeds.toml").read_text(encoding="utf-8")
