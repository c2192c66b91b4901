"""HTTP clients for the refresh: aiohttp (what newsterm uses) against httpx, same requests.

    uv run --with httpx python bench/http_clients.py [--feeds 200] [--rounds 5] [--not-modified]

Serves the generated bench feeds with the shared harness's serve.py on 127.0.0.1 and fetches
every feed once per round, 16 at a time, with each client in turn (interleaved rounds, so a
busy machine weighs on both alike). Prints the median CPU seconds of this process per round
(the client's cost: the server is another process), the wall time, and each import's cost
measured in a fresh interpreter (bytecode compiled first, as installed packages have it).
httpx is no longer a newsterm dependency (it was until 2026-12-05): without it only aiohttp is
measured.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import compile_bytecode, generate_feeds, shared_dir
from refresh import Server, free_port

CONCURRENCY = 16


ETAGS: dict[str, str] = {}
"""Each URL's ETag, seen in the warm-up round (sent back with ``--not-modified``)."""


def conditional(url: str, on: bool) -> dict[str, str]:
    return {"If-None-Match": ETAGS[url]} if on else {}


async def with_httpx(urls: list[str], not_modified: bool) -> int:
    import httpx

    gate = asyncio.Semaphore(CONCURRENCY)
    async with httpx.AsyncClient() as client:

        async def one(url: str) -> int:
            async with gate:
                response = await client.get(url, headers=conditional(url, not_modified))
                ETAGS[url] = response.headers.get("etag", "")
                return len(response.content) if response.status_code == 200 else 0

        return sum(await asyncio.gather(*(one(u) for u in urls)))


async def with_aiohttp(urls: list[str], not_modified: bool) -> int:
    import aiohttp

    gate = asyncio.Semaphore(CONCURRENCY)
    async with aiohttp.ClientSession() as session:

        async def one(url: str) -> int:
            headers = conditional(url, not_modified)
            async with gate, session.get(url, headers=headers) as response:
                ETAGS[url] = response.headers.get("etag", "")
                return len(await response.read()) if response.status == 200 else 0

        return sum(await asyncio.gather(*(one(u) for u in urls)))


def import_seconds(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True).stdout)
        for _ in range(3)
    ]  # fmt: skip
    return min(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--not-modified", action="store_true", help="conditional GETs, every answer a 304"
    )
    args = parser.parse_args()
    bench = shared_dir() / "bench"
    compile_bytecode()
    clients = {"aiohttp": with_aiohttp}
    if importlib.util.find_spec("httpx") is not None:
        clients["httpx"] = with_httpx
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="newsterm-http-") as tmp:
        feeds = Path(tmp) / "feeds"
        generate_feeds(bench, feeds, args.feeds, args.items, port)
        urls = [f"http://127.0.0.1:{port}/{p.name}" for p in sorted(feeds.glob("*.xml"))]
        server = Server(bench, feeds, port, 0)
        cpu: dict[str, list[float]] = {name: [] for name in clients}
        wall: dict[str, list[float]] = {name: [] for name in clients}
        try:
            for fetch in clients.values():  # warm: imports, the server's reads, the ETags
                asyncio.run(fetch(urls, False))
            for _ in range(args.rounds):
                for name, fetch in clients.items():
                    start, started = time.process_time(), time.perf_counter()
                    size = asyncio.run(fetch(urls, args.not_modified))
                    cpu[name].append(time.process_time() - start)
                    wall[name].append(time.perf_counter() - started)
                    assert (size == 0) if args.not_modified else (size > 0)
        finally:
            server.stop()
    kind = "conditional (304)" if args.not_modified else "full (200)"
    print(f"{len(urls)} {kind} requests a round, {CONCURRENCY} at a time, median of {args.rounds}")
    for name in clients:
        imported = import_seconds(name) * 1000
        print(
            f"{name:>8}: {statistics.median(cpu[name]):.3f} s CPU, "
            f"{statistics.median(wall[name]):.3f} s wall; import {imported:.0f} ms"
        )


if __name__ == "__main__":
    main()
