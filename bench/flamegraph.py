"""A flame graph of one route under load: py-spy samples the server while wrk drives it.

The server and its data are bench/routes.py's SQLite set-up (one worker, 32 connections).
py-spy is on PyPI (``uv tool install py-spy``); sampling another process needs root or
ptrace rights.

    uv run python bench/flamegraph.py --route /v1/users/me --output docs/flamegraphs/users-me.svg
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from load import run_wrk, wrk_path
from routes import start_sqlite_server


def main(route: str, output: Path, seconds: int, form: str) -> None:
    wrk_path()
    py_spy = shutil.which("py-spy")
    if py_spy is None:
        sys.exit("py-spy is not installed: uv tool install py-spy")
    with tempfile.TemporaryDirectory() as folder:
        prepared = start_sqlite_server(folder)
        started, student = prepared.process, prepared.student
        try:
            url = started.base_url + route.replace("{id}", prepared.session_id)
            run_wrk(url, seconds=2, headers=student)  # warm up
            output.parent.mkdir(parents=True, exist_ok=True)
            record = [
                py_spy, "record", "--pid", str(started.process.pid), "--subprocesses", "--duration", str(seconds),
                "--rate", "200", "--nonblocking", "--output", str(output), "--format", form,
            ]  # fmt: skip
            with ThreadPoolExecutor(max_workers=1) as pool:
                load = pool.submit(run_wrk, url, seconds=seconds + 1, headers=student)
                subprocess.run(record, check=True, capture_output=True, timeout=seconds + 60)
                result = load.result()
        finally:
            started.stop()
    print(f"{route}: {result.requests_per_second:.0f} req/s while sampled; flame graph in {output}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--route", default="/v1/users/me", help="a GET route; {id} is the 20-turn session")
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--format", default="flamegraph", choices=["flamegraph", "raw", "speedscope"])
    arguments = parser.parse_args()
    main(arguments.route, arguments.output, arguments.seconds, arguments.format)
