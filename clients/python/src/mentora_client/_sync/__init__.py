# Generated from mentora_client/_async/__init__.py by `uv run python scripts/generate_sync.py`.
# Edit that file and run the command again; tests/test_generate_sync.py fails while this one is stale.

"""The client and its typed resources: for asyncio in ``_async``, written by hand, and for
threads and plain scripts in ``_sync``, generated from it by ``scripts/generate_sync.py``."""
