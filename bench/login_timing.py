"""Login answers an unknown email and a wrong password in comparable time (no user enumeration).

Runs the real app in-process with the production Argon2id parameters and alternates the
two kinds of failed login. Run:

    uv run python bench/login_timing.py [--rounds 15]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from mentora.app import create_app
from mentora.bootstrap import create_tenant, create_user
from mentora.config import Settings
from mentora.platform.db.migrations import migrate


async def main(rounds: int) -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        settings = Settings(data_dir=Path(data_dir), access_log=False, log_level="ERROR")
        await migrate(settings)
        await create_tenant(settings, name="Bench", slug="bench")
        await create_user(
            settings, tenant_slug="bench", email="known@bench.edu", name="K", password="the right one", role="STUDENT"
        )
        app = create_app(settings)
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:

                async def attempt(email: str) -> float:
                    started = time.perf_counter()
                    response = await client.post(
                        "/v1/auth/login",
                        json={"email": email, "password": "wrong password"},
                        headers={"X-Tenant": "bench"},
                    )
                    assert response.status_code == 401
                    return (time.perf_counter() - started) * 1000

                known, unknown = [], []
                for _ in range(rounds):
                    known.append(await attempt("known@bench.edu"))
                    unknown.append(await attempt("nobody@bench.edu"))
    known_ms, unknown_ms = statistics.median(known), statistics.median(unknown)
    print(f"{rounds} interleaved rounds, Argon2id t={settings.password_time_cost} m={settings.password_memory_kib} KiB")
    print(f"wrong password (known email): median {known_ms:.1f} ms")
    print(f"unknown email:                median {unknown_ms:.1f} ms")
    print(f"ratio unknown/known: {unknown_ms / known_ms:.2f}x (1.00x: indistinguishable by time)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    asyncio.run(main(parser.parse_args().rounds))
