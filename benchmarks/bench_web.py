"""A bounded load test of the web UI on loopback: p50 and p95 latency per endpoint.

Builds a database from the demo corpus (into --db when it is empty: an SQLite path
or a postgresql:// URL, default a temporary SQLite file), starts `marsad serve` in
its own process on a free 127.0.0.1 port, then sends --requests requests per
endpoint with --concurrency requests in flight (httpx), each endpoint bounded
by --max-seconds. Prints a Markdown table (the one in docs/web.md).

    python benchmarks/bench_web.py [--requests 200] [--concurrency 4] [--max-seconds 30] [--db PATH|URL]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from marsad.demo import corpus_path
from marsad.store import open_store
from marsad.workflow import ingest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_db(path: str) -> None:
    with open_store(path) as store:
        if store.count_articles() == 0:
            report = ingest(store, [str(corpus_path())])
            print(f"demo corpus: {report.summary()}", file=sys.stderr)


def start_server(db: str, port: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "marsad", "serve", "--db", str(db),
                             "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "MARSAD_TOKEN": ""})
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"bench_web: `marsad serve` exited with code {proc.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.terminate()
    raise SystemExit("bench_web: the server did not answer within 30 s")


async def load(client: httpx.AsyncClient, url: str, n: int, concurrency: int,
               max_seconds: float) -> tuple[list[float], int]:
    """Latencies (ms) of up to ``n`` GETs of ``url``, stopping at ``max_seconds``; and the error count."""
    latencies: list[float] = []
    errors = 0
    sent = 0
    stop_at = time.monotonic() + max_seconds

    async def worker() -> None:
        nonlocal sent, errors
        while sent < n and time.monotonic() < stop_at:
            sent += 1
            t0 = time.perf_counter()
            try:
                r = await client.get(url)
                ok = r.status_code == 200
            except httpx.HTTPError:
                ok = False
            latencies.append((time.perf_counter() - t0) * 1000)
            errors += not ok

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies, errors


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


async def run(base: str, endpoints: dict[str, str], args) -> list[tuple]:
    rows = []
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        for name, url in endpoints.items():
            await load(client, url, min(10, args.requests), 1, 10)  # warm up
            t0 = time.perf_counter()
            lat, errors = await load(client, url, args.requests, args.concurrency, args.max_seconds)
            wall = time.perf_counter() - t0
            rows.append((name, url, len(lat), errors, statistics.median(lat), percentile(lat, 0.95),
                         len(lat) / wall))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=200, help="requests per endpoint (default 200)")
    ap.add_argument("--concurrency", type=int, default=4, help="requests in flight (default 4)")
    ap.add_argument("--max-seconds", type=float, default=30, help="time bound per endpoint (default 30)")
    ap.add_argument("--db", default=None,
                    help="database to serve: SQLite path or postgresql:// URL (default: a temporary file)")
    args = ap.parse_args()
    if args.requests < 1 or args.concurrency < 1 or args.max_seconds <= 0:
        ap.error("--requests, --concurrency and --max-seconds must be positive")

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "bench.db")
        build_db(db)
        with open_store(db) as store:
            stories = store.story_records()
            if not stories:
                raise SystemExit(f"bench_web: no stories in {db}")
            biggest = max(stories, key=lambda s: len(s["article_ids"]))
        endpoints = {
            "story list (page)": "/",
            "story page": f"/stories/{biggest['id']}",
            "search (page, Arabic)": "/search?q=%D8%A8%D9%88%D8%AA%D9%8A%D9%86",  # بوتين
            "stories (API)": "/api/stories",
            "search (API, English name)": "/api/search?q=Putin",
        }
        port = free_port()
        proc = start_server(db, port)
        try:
            rows = asyncio.run(run(f"http://127.0.0.1:{port}", endpoints, args))
        finally:
            proc.terminate()
            proc.wait(timeout=10)

    print(f"\n{len(stories)} stories; {args.concurrency} in flight; one uvicorn worker; "
          f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs\n")
    print("| endpoint | requests | errors | p50 ms | p95 ms | req/s |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, _url, n, errors, p50, p95, rps in rows:
        print(f"| {name} | {n} | {errors} | {p50:.1f} | {p95:.1f} | {rps:.0f} |")
    if any(r[3] for r in rows):
        sys.exit(1)


if __name__ == "__main__":
    main()
